"""Starting the GUI: the application object, font, language, database, first run, window.

Qt is imported inside ``run_gui`` rather than at the top: the command line imports this
module's neighbours (desktop.paths) for subcommands that never open a window, and keeping
this module light means ``from desktop.app import default_data_dir`` costs no Qt import.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from desktop.paths import APP_NAME, ORG_NAME
from desktop.paths import default_data_dir as _default_data_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_KEY = "ui/language"


def default_data_dir(demo: bool = False) -> Path:
    """Where the database lives unless --data-dir says otherwise (see desktop.paths).

    platformdirs rather than QStandardPaths so the command line finds the same folder
    without creating a QApplication.
    """
    return _default_data_dir(demo)


def choose_language(requested: str | None, saved: object) -> str:
    """The command-line choice wins, then the saved setting, then Chinese; unknown codes
    (an old or hand-edited settings file) fall back to the default rather than failing."""
    from desktop.i18n import SUPPORTED_LANGUAGES

    for candidate in (requested, saved):
        if isinstance(candidate, str) and candidate in SUPPORTED_LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def run_gui(data_dir: Path, lang: str | None, demo: bool) -> int:
    """Run the desktop application on the database in ``data_dir``; the process exit code."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop import fonts, i18n

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    try:
        fonts.apply_app_font(app)
    except RuntimeError:
        # Still usable with the system fonts; Chinese may render with fallbacks.
        log.exception("bundled CJK font not loaded")

    settings = QSettings()
    language = choose_language(lang, settings.value(LANGUAGE_KEY))
    i18n.install_translators(app, language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Complaint Desk"))
    from desktop import user_guide

    user_guide.controller()  # F1 opens the user guide, from the login dialog on

    from desktop import single_instance, startup_check

    lock = single_instance.lock_or_explain(data_dir)  # released when run_gui returns
    if lock is None:
        return 1
    # Only the schema is checked before opening; the rest runs once the window is shown
    # (startup_check.AfterStartCheck). A file that fails to open, or fails the later check,
    # gets the whole check here, which offers the newest good backup.
    full_check = False
    while True:
        checks = None if full_check else startup_check.before_open_checks()
        if not startup_check.ensure_sound_database(data_dir, checks=checks):
            return 1
        path = _database_path(data_dir)
        error = _open_database(path, demo)
        if error is not None:
            from db.database import close_database

            close_database()
            if not full_check and path.exists():
                full_check = True
                continue
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "Cannot open the database"),
                QCoreApplication.translate(
                    "App",
                    "Complaint Desk could not open its database:\n{path}\n\n{error}\n\n"
                    "Check that the folder exists and is writable, and that no other copy of "
                    "the program is upgrading it. Your data has not been changed.",
                ).format(path=path, error=error),
            )
            return 1
        code, recheck = _run_session(app, data_dir, settings, language, demo)
        if not recheck:
            return code
        full_check = True


def _run_session(app, data_dir: Path, settings, language: str, demo: bool) -> tuple[int, bool]:
    """Log in, show the main window and run until it closes; the exit code, and whether the
    after-start check found damage (the database is closed either way)."""
    from db import outlets
    from db.database import close_database
    from desktop import backup_scheduler, idle_lock, startup_check

    outlet = outlets.current_outlet()
    actor = outlets.outlet_head(outlet) if outlet is not None else None
    if outlet is None:
        from desktop.dialogs.first_run import FirstRunDialog

        result = FirstRunDialog.ask(None)
        if result is None:
            close_database()
            return 0, False
        outlet, actor = result
    else:
        from db import accounts

        if accounts.has_any_account():  # login only once accounts exist
            from desktop.dialogs.login_dialog import LoginDialog

            actor = LoginDialog.ask(None)
            if actor is None:
                close_database()
                return 0, False

    # Every write of this session is the actor's in the audit trail: the logged-in person, or
    # the head while the database has no accounts.
    from db import audit
    from desktop.main_window import MainWindow

    audit.set_session_actor(actor.id if actor is not None else None)
    # start_view: open on what is overdue or due today.
    window = MainWindow(
        outlet, actor, settings=settings, language=language, demo=demo, start_view=True
    )
    backup_scheduler.install(window, data_dir)
    idle_lock.install(window, actor)
    window.show()
    check = startup_check.check_after_start(window, data_dir)
    # Deadlines running into a year whose official working-day schedule is not entered.
    from desktop.widgets import calendar_gap

    calendar_gap.startup_notice(window, actor)
    code = app.exec()
    recheck = check.recheck
    close_database()
    return code, recheck


def _database_path(data_dir: Path) -> Path:
    from db.database import database_path

    return database_path(data_dir)


def _open_database(path: Path, demo: bool) -> str | None:
    """Open (and migrate) the database, filling demo data if asked; an error text or None.

    Any failure here (unwritable folder, corrupt file, failed migration) becomes a message
    box instead of a traceback: the user cannot act on a traceback, but can on a path.
    """
    from db import workcalendar
    from db.database import open_database

    try:
        open_database(path)
        # A newer chinese_calendar package may know years the database does not hold yet.
        workcalendar.sync_from_package()
        if demo:
            _ensure_demo()
    except Exception as exc:  # noqa: BLE001 - the boundary between the program and the user
        log.exception("opening %s failed", path)
        return f"{type(exc).__name__}: {exc}"
    return None


def _ensure_demo() -> None:
    """Fill an empty demo database once; later starts reuse what is there."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from db import demo

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        demo.ensure_demo()
    finally:
        QGuiApplication.restoreOverrideCursor()
