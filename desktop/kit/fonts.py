"""The bundled CJK fonts, so Chinese renders on machines that have no CJK fonts installed.

WenQuanYi Micro Hei is shipped in resources/fonts/ because it covers both ASCII and CJK and
permits embedding (reportlab needs a TrueType-outline font). The same
file serves the Qt widgets and the PDF reports, so the screen and the printout match.

It lacks the rarer Han characters that Chinese names often hold (CJK Ext. A, B and beyond),
so three TrueType fallback fonts come with it, subsets holding only what it lacks (see
resources/fonts/README-han-fallback.txt): Qt takes a character the main font lacks from the
first family of the application font's list that has it, the PDFs likewise.

Qt is imported lazily inside the Qt functions: ``font_path()`` and ``fallback_paths()`` are
also used by the PDF code, which must not pay for (or depend on) a Qt import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resources import FOLDER

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QGuiApplication

FONT_FILE = "wqy-microhei.ttc"
FAMILY = "WenQuanYi Micro Hei"
"""Family of subfont 0 of the .ttc; subfont 1 is the monospaced "WenQuanYi Micro Hei Mono"."""

FALLBACKS: tuple[tuple[str, str], ...] = (
    ("hanamin-a-fallback.ttf", "HanaMinA Fallback"),  # Ext. A, compatibility ideographs
    ("hanamin-b-fallback.ttf", "HanaMinB Fallback"),  # Ext. B to F
    ("babelstone-han-fallback.ttf", "BabelStone Han Fallback"),  # Ext. G and H, in part
)
"""(file, family) of the fallback fonts, in the order they are tried; no two share a
character, so the order only matters for speed (the commonest blocks first)."""

MIN_POINT_SIZE = 10

_registered_families: list[str] | None = None


def _resource(name: str) -> Path:
    return FOLDER / "fonts" / name


def font_path() -> Path:
    """Path of the bundled .ttc; the PDF code embeds subfont 0 of it."""
    return _resource(FONT_FILE)


def fallback_paths() -> list[Path]:
    """Paths of the fallback fonts, in the order they are tried."""
    return [_resource(name) for name, _family in FALLBACKS]


def _add(path: Path) -> list[str]:
    from PySide6.QtGui import QFontDatabase

    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id == -1:
        raise RuntimeError(f"Qt could not load the bundled font {path}")
    return QFontDatabase.applicationFontFamilies(font_id)


def register_cjk_fonts() -> list[str]:
    """Add the bundled fonts to Qt's application font database; return their families, the
    main font's first and then the fallbacks'.

    Safe to call more than once: the files are added only the first time, because adding
    them again would register duplicate faces. Needs a QGuiApplication to exist.
    """
    global _registered_families
    if _registered_families is not None:
        return _registered_families

    families = _add(font_path())
    registered = [FAMILY if FAMILY in families else families[0]]
    for path, (_name, family) in zip(fallback_paths(), FALLBACKS, strict=True):
        added = _add(path)
        registered.append(family if family in added else added[0])
    _registered_families = registered
    return registered


def apply_app_font(app: QGuiApplication) -> QFont:
    """Make the bundled fonts the application font, keeping the platform's point size.

    The family list puts the fallbacks after the main font, so a rare character in a name
    is drawn from them rather than as a box. The platform size is kept so the app looks
    native, but never below MIN_POINT_SIZE: complex CJK characters become illegible at the
    8-9 pt some platforms default to.
    """
    from PySide6.QtGui import QFont

    families = register_cjk_fonts()
    font = QFont(app.font())
    font.setFamilies(families)
    size = font.pointSizeF()
    font.setPointSizeF(max(size, MIN_POINT_SIZE) if size > 0 else MIN_POINT_SIZE)
    app.setFont(font)
    return font
