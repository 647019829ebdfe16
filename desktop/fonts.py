"""The bundled CJK font, so Chinese renders on machines that have no CJK fonts installed.

WenQuanYi Micro Hei is shipped in resources/fonts/ because it covers both ASCII and CJK and
permits embedding (reportlab needs a TrueType-outline font; see shared/STYLE.md). The same
file serves the Qt widgets and the PDF reports, so the screen and the printout match.

Qt is imported lazily inside the Qt functions: ``font_path()`` is also used by the PDF code,
which must not pay for (or depend on) a Qt import.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QGuiApplication

FONT_FILE = "wqy-microhei.ttc"
FAMILY = "WenQuanYi Micro Hei"
"""Family of subfont 0 of the .ttc; subfont 1 is the monospaced "WenQuanYi Micro Hei Mono"."""

MIN_POINT_SIZE = 10

_registered_family: str | None = None


def font_path() -> Path:
    """Path of the bundled .ttc; the PDF code embeds subfont 0 of it."""
    return Path(str(files("resources").joinpath("fonts", FONT_FILE)))


def register_cjk_font() -> str:
    """Add the bundled font to Qt's application font database and return its family name.

    Safe to call more than once: the file is added only the first time, because adding it
    again would register duplicate faces. Needs a QGuiApplication to exist.
    """
    global _registered_family
    if _registered_family is not None:
        return _registered_family

    from PySide6.QtGui import QFontDatabase

    path = font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id == -1:
        raise RuntimeError(f"Qt could not load the bundled CJK font {path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    _registered_family = FAMILY if FAMILY in families else families[0]
    return _registered_family


def apply_app_font(app: QGuiApplication) -> QFont:
    """Make the bundled font the application font, keeping the platform's point size.

    The platform size is kept so the app looks native, but never below MIN_POINT_SIZE:
    complex CJK characters become illegible at the 8-9 pt some platforms default to.
    """
    from PySide6.QtGui import QFont

    family = register_cjk_font()
    font = QFont(app.font())
    font.setFamilies([family])
    size = font.pointSizeF()
    font.setPointSizeF(max(size, MIN_POINT_SIZE) if size > 0 else MIN_POINT_SIZE)
    app.setFont(font)
    return font
