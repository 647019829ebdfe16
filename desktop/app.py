"""Starting the GUI: the application object, font, language, database, first run, window.

Qt is imported inside ``run_gui`` rather than at the top: the command line imports this
module's neighbours (desktop.paths) for subcommands that never open a window, and keeping
this module light means ``from desktop.app import default_data_dir`` costs no Qt import.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from db.store import files
from desktop.paths import APP_NAME, ORG_NAME
from desktop.paths import default_data_dir as _default_data_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from db.demo import DemoRefused

log = logging.getLogger(__name__)


def default_data_dir(demo: bool = False) -> Path:
    """Where the database lives unless --data-dir says otherwise (see desktop.paths).

    platformdirs rather than QStandardPaths so the command line finds the same folder
    without creating a QApplication.
    """
    return _default_data_dir(demo)


def choose_language(requested: str | None, saved: object) -> str:
    """The command-line choice wins, then the saved setting, then Chinese; unknown codes
    (an old or hand-edited settings file) fall back to the default rather than failing."""
    from desktop.kit.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

    for candidate in (requested, saved):
        if isinstance(candidate, str) and candidate in SUPPORTED_LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


# Database drivers peewee looks for when it is first imported, each imported then if it is
# installed. The outlet's window never speaks to PostgreSQL, and psycopg 3 alone costs a cold
# start about 90 ms, so the window's process imports peewee without them.
POSTGRES_DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")


# The modules without Qt that the window's first paint needs, imported before PySide6:
# PySide6 reads the source of every module imported after it, to see whether it uses
# PySide's __feature__ switches (about 0.3 ms a module, some 30 ms for these), and a module
# imported before it is never read. Whatever is not listed still loads where it is needed.
WINDOW_LIBRARIES = (
    "dataclasses",
    "db.store.database",
    "db.trust.integrity",
    "db.handling.workcalendar",
    "db.trust.accounts",
    "db.intake.outlets",
    "db.trust.audit",
    "db.changes",
    "db.intake.queries",
)


def load_outlet_libraries() -> None:
    """Import peewee for the outlet's window, hiding the PostgreSQL drivers from it, and
    then the window's other libraries (:data:`WINDOW_LIBRARIES`), all before PySide6.

    Only the first import of peewee looks for drivers: once peewee is loaded (the district
    console, the tests) this does nothing. The drivers stay importable for everything else;
    only this process's peewee is without them, and the outlet uses SQLite alone.
    playhouse.migrations is not loaded: a start reads which migrations are applied with one
    SELECT (db/store/database.py), and only an upgrade loads it (and with it psycopg)."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in POSTGRES_DRIVERS if name not in sys.modules]
    for name in hidden:
        # None makes the import fail (documented for sys.modules); its stub allows modules only.
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            sys.modules.pop(name, None)
    for name in WINDOW_LIBRARIES:
        importlib.import_module(name)


def make_settings_private(settings: QSettings) -> None:
    """Create the window's settings file readable by its user alone (it names the outlet's
    folders and the last people logged in); Qt keeps a file's mode when it rewrites it."""
    with contextlib.suppress(OSError):  # a settings folder that cannot be written: Qt says so
        files.private_file(settings.fileName())


def run_gui(data_dir: Path, lang: str | None, demo: bool) -> int:
    """Run the desktop application on the database in ``data_dir``; the process exit code."""
    load_outlet_libraries()
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.kit import fonts, i18n

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    running = QApplication.instance()
    if running is not None and not isinstance(running, QApplication):
        raise RuntimeError("a Qt application without widgets is already running")
    app = running or QApplication(sys.argv[:1])

    try:
        fonts.apply_app_font(app)
    except RuntimeError:
        # Still usable with the system fonts; Chinese may render with fallbacks.
        log.exception("bundled CJK font not loaded")

    settings = QSettings()
    make_settings_private(settings)
    language = choose_language(lang, settings.value(i18n.LANGUAGE_KEY))
    i18n.install_translators(app, language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Complaint Desk"))
    from desktop.help import user_guide

    user_guide.controller()  # F1 opens the user guide, from the login dialog on

    from desktop.session import single_instance, startup_check

    lock = single_instance.lock_or_explain(data_dir)  # released when run_gui returns
    if lock is None:
        return 1
    # Only the schema is checked before opening; the rest runs once the window is shown
    # (startup_check.AfterStartCheck). A file that fails to open, or fails the later check,
    # gets the whole check here, which offers the newest good backup.
    # An encrypted database is unlocked by the login before anything reads it.
    unlocked = _unlock(data_dir, demo)
    if unlocked is False:
        return 0
    full_check = False
    while True:
        if unlocked is not None:
            from db.store import cipher

            cipher.remember_key(unlocked.key)  # the checks read the file with it
        first_checks = None if full_check else startup_check.before_open_checks()
        if not startup_check.ensure_sound_database(data_dir, checks=first_checks):
            return 1
        path = _database_path(data_dir)
        error = _open_database(path, demo, None if unlocked is None else unlocked.key)
        if error is not None and not isinstance(error, str):  # the demo refused the file
            from db.store.database import close_database

            close_database()
            _explain_demo_refusal(path, error)
            return 1
        if error is not None:
            from db.store.database import close_database

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
        code, recheck = _run_session(app, data_dir, settings, language, demo, unlocked)
        if not recheck:
            return code
        full_check = True


def _unlock(data_dir: Path, demo: bool):
    """The login that unlocked an encrypted database (``LoginDialog.ask_unlock``), None
    for a plain one, False when the login was cancelled."""
    from db.store.database import is_encrypted

    if demo or not is_encrypted(_database_path(data_dir)):
        return None
    from desktop.session.login_dialog import LoginDialog

    unlocked = LoginDialog.ask_unlock(None, data_dir)
    return False if unlocked is None else unlocked


def _run_session(
    app, data_dir: Path, settings, language: str, demo: bool, unlocked=None
) -> tuple[int, bool]:
    """Log in, show the main window and run until it closes; the exit code, and whether the
    after-start check found damage (the database is closed either way). ``unlocked`` is
    the login that opened an encrypted database: it logs in without asking again."""
    from db.intake import outlets
    from db.store.database import close_database
    from desktop.session import startup_check
    from desktop.settings import backup_scheduler

    outlet = outlets.current_outlet()
    actor = outlets.outlet_head(outlet) if outlet is not None else None
    if outlet is None:
        from desktop.session.first_run import FirstRunDialog

        result = FirstRunDialog.ask_with_password(None)
        if result is None:
            close_database()
            return 0, False
        outlet, actor, password = result
        if password and not demo:  # a real outlet's data is encrypted from the start
            from desktop.session.encryption_setup import encrypt_new_outlet

            outlet, actor = encrypt_new_outlet(data_dir, outlet, actor, password)
    else:
        from db.errors import WorkflowError
        from db.trust import accounts

        try:
            needs_login = accounts.login_required()  # login only once accounts exist
        except WorkflowError as error:  # the accounts cannot be read: nobody is let in
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QMessageBox

            from desktop.kit.errors import workflow_error_message

            close_database()
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "Cannot open the database"),
                workflow_error_message(error),
            )
            return 1, False
        if needs_login:
            from desktop.session.login_dialog import LoginDialog

            if unlocked is not None:
                actor = LoginDialog.ask(
                    None, employee_no=unlocked.employee_no, password=unlocked.password
                )
            else:
                actor = LoginDialog.ask(None)
            if actor is None:
                close_database()
                return 0, False

    # Every write of this session is the actor's in the audit trail: the logged-in person, or
    # the head while the database has no accounts.
    from db.trust import audit
    from desktop.main_window import MainWindow

    audit.set_session_actor(actor.id if actor is not None else None)
    # start_view: open on what is overdue or due today.
    # staged: the list paints first and the rest of the window is built right after.
    window = MainWindow(
        outlet,
        actor,
        settings=settings,
        language=language,
        demo=demo,
        start_view=True,
        staged=True,
    )
    backup_scheduler.install(window, data_dir)
    window.show()
    check = startup_check.check_after_start(window, data_dir)
    # The idle lock watches every input event with an application-wide event filter; the
    # first event it sees makes PySide create the Python types of all Qt classes at once
    # (about 20 ms), so it starts watching once the list is painted and the window built.
    # Nobody is idle for minutes before then.
    once_fully_built(window, lambda: _install_idle_lock(window, actor))
    code = app.exec()
    recheck = check.recheck
    close_database()
    return code, recheck


def once_fully_built(window, then: Callable[[], object]) -> None:
    """Call ``then`` on the event loop's turn after ``window`` (a staged MainWindow) has
    built its second stage, which comes after the case list's first paint."""
    from PySide6.QtCore import QTimer

    if window.is_fully_built():
        QTimer.singleShot(0, window, then)
    else:
        window.fully_built.connect(lambda: QTimer.singleShot(0, window, then))


def _install_idle_lock(window, actor) -> None:
    from desktop.session import idle_lock

    idle_lock.install(window, actor)


def _database_path(data_dir: Path) -> Path:
    from db.store.database import database_path

    return database_path(data_dir)


def _open_database(path: Path, demo: bool, key: bytes | None = None) -> str | DemoRefused | None:
    """Open (and migrate) the database, filling demo data if asked; an error text, the
    demo's refusal of the file (db.demo.DemoRefused: nothing was written), or None.

    Any failure here (unwritable folder, corrupt file, failed migration) becomes a message
    box instead of a traceback: the user cannot act on a traceback, but can on a path.
    """
    from db.errors import StorageError, WorkflowError
    from db.handling import workcalendar
    from db.store import sqlite_features
    from db.store.database import open_database
    from desktop.cli.common import is_demo_folder

    demo_folder = demo and is_demo_folder(path.parent)  # only the demo asks
    try:
        if demo:  # the demo's module is loaded only for the demo
            from db.demo import demo_refusal

            # Checked on the file first, so that a refused database is not even migrated.
            if refusal := demo_refusal(path, demo_folder=demo_folder):
                return refusal
        db = open_database(path, key=key)
        if sqlite_features.is_read_only(db):  # the window writes as soon as anyone works
            raise StorageError("storage_read_only", folder=str(path.parent))
        # A newer chinese_calendar package may know years the database does not hold yet.
        workcalendar.sync_from_package()
        if demo:
            from db.demo import DemoRefused

            try:
                _ensure_demo(demo_folder)
            except DemoRefused as refusal:
                return refusal
    except WorkflowError as refusal:  # the disk refused (full, read-only): what to do next
        log.warning("opening %s refused: %s", path, refusal.message)
        from desktop.kit.errors import workflow_error_message

        return workflow_error_message(refusal)
    except Exception as exc:  # noqa: BLE001 - the boundary between the program and the user
        log.exception("opening %s failed", path)
        return f"{type(exc).__name__}: {exc}"
    return None


def _ensure_demo(demo_folder: bool) -> None:
    """Fill an empty demo database once; later starts reuse what is there. With
    ``--data-dir`` beside ``--demo`` the folder must be empty or hold demo data only
    (``demo_folder``: the database is the one ``--demo`` alone opens)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from db import demo

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        demo.ensure_demo(demo_folder=demo_folder)
    finally:
        QGuiApplication.restoreOverrideCursor()


def demo_refusal_text(refusal: DemoRefused) -> str:
    """A db.demo.DemoRefused in the user's language."""
    from PySide6.QtCore import QCoreApplication

    texts = {
        "accounts": QCoreApplication.translate(
            "App", "It has login accounts, and demo data is written without a login."
        ),
        "real_cases": QCoreApplication.translate(
            "App", "It holds {count} complaints that are not demo data."
        ),
        "real_outlet": QCoreApplication.translate(
            "App", "Its outlet {outlet} was set up by hand, not by the demo."
        ),
        "unreadable": QCoreApplication.translate("App", "It cannot be read: {error}"),
    }
    text = texts.get(refusal.code)
    return text.format(**refusal.params) if text is not None else str(refusal)


def _explain_demo_refusal(path: Path, refusal: DemoRefused) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        None,
        QCoreApplication.translate("App", "No demo data added"),
        QCoreApplication.translate(
            "App",
            "The demo cannot use the database\n{path}\n\n{reason}\n\nDemo data goes only "
            "into an empty folder or the separate demo database: start with --demo alone, "
            "or give --data-dir an empty folder. Nothing was written.",
        ).format(path=path, reason=demo_refusal_text(refusal)),
    )
