"""Language selection: installs Qt's own translations and ours for the chosen language.

The source strings are English, so English needs no translator. For Chinese we load Qt's
``qtbase_zh_CN.qm`` too, otherwise standard buttons and dialogs (OK, Cancel, file dialogs)
would stay English inside an otherwise Chinese window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import FOLDER

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate finds
    """Mark ``source`` for translation in ``context`` and return it as it is, as Qt's own
    marker does; typed, so a table of marked texts is a table of str."""
    return source


# Qt's own strings that qtbase_zh_CN.qm (as shipped in the PySide6 wheel) leaves in English,
# so Qt's file dialog showed "Look in:" and "Files of type:" inside a Chinese window. Listed
# here in Qt's contexts, lupdate puts them into our .ts; our translator is installed after
# Qt's, so it is asked first and its Chinese fills the gaps (tests/desktop/help/test_user_guide.py
# opens a file dialog in Chinese and finds no English in it).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

SUPPORTED_LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_KEY = "ui/language"  # the QSettings key of the chosen language
TRANSLATION_BASENAME = "complaint_desk"

# Python owns the translators: QCoreApplication.installTranslator does not take ownership,
# so a translator that is only referenced by a local variable is collected and silently
# stops translating. Keeping them here also lets a later call swap the language.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Folder holding our .ts and .qm files (resources/translations)."""
    return FOLDER / "translations"


def qm_path(lang: str) -> Path:
    """Our compiled translation for ``lang``."""
    return translations_dir() / f"{TRANSLATION_BASENAME}_{lang}.qm"


def ts_path(lang: str) -> Path:
    """Our translation source for ``lang``, maintained by ``python -m desktop.kit.i18n_tool``."""
    return translations_dir() / f"{TRANSLATION_BASENAME}_{lang}.ts"


def _qt_translation_files(lang: str) -> list[Path]:
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [qt_dir / f"qtbase_{lang}.qm"]


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Switch ``app`` to ``lang`` and return the translators now installed.

    Translators installed by an earlier call are removed first. A missing .qm file is logged
    and skipped rather than fatal: the app stays usable, just untranslated.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {SUPPORTED_LANGUAGES}")

    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()

    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return []

    for path in [*_qt_translation_files(lang), qm_path(lang)]:
        translator = QTranslator(app)
        if not translator.load(str(path)):
            log.warning("translation file %s could not be loaded", path)
            continue
        app.installTranslator(translator)
        _installed.append(translator)
    return list(_installed)
