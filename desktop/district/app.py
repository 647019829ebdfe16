"""Starting the district console: ``complaint-desk district [--db URL]`` with no subcommand.

The database URL is the one given, else the one remembered in the settings (without its
password, which belongs in ``~/.pgpass`` or ``PGPASSWORD``), else the command line's
(``district.json``), else the officer is asked for it. The console opens only a database
the program's ``district init`` has set up at the current schema; anything else is said
in a message, and nothing is written.
"""

from __future__ import annotations

import sys

URL_KEY = "district/db_url"


def choose_url(given: str | None, remembered: object, cli_remembered: object) -> str | None:
    for candidate in (given, remembered, cli_remembered):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return None


def open_console_database(url: str) -> str | None:
    """Connect and check the schema and the district's record; None when the console can
    open, else the reason in the user's language."""
    from PySide6.QtCore import QCoreApplication

    from db.district import database as district_db
    from db.district.enrolment import require_district
    from db.errors import WorkflowError

    try:
        db = district_db.open_district_database(url, apply_migrations=False)
        if district_db.unknown_migrations(db):
            return QCoreApplication.translate(
                "DistrictApp",
                "The district database was upgraded by a newer version of this program; use that version.",
            )
        if district_db.pending_migrations(db):
            return QCoreApplication.translate(
                "DistrictApp",
                "The district database is at an older schema: upgrade it with "
                "'complaint-desk district init' first.",
            )
        require_district()
    except district_db.DistrictStoreError as error:
        return (
            QCoreApplication.translate("DistrictApp", "Cannot connect to the district database.")
            + "\n\n"
            + error.message
        )
    except WorkflowError:
        return QCoreApplication.translate(
            "DistrictApp",
            "The district is not set up in this database: run 'complaint-desk district init' first.",
        )
    return None


def run_district_gui(
    url: str | None, lang: str | None, officer: str, *, remembered: str | None = None
) -> int:
    """Run the console on the database at ``url``; the process exit code. ``remembered``:
    the URL the command line remembered, tried after the window's own."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

    from db.district import database as district_db
    from db.district.enrolment import require_district
    from desktop.app import choose_language
    from desktop.district.main_window import DistrictWindow
    from desktop.kit import fonts, i18n
    from desktop.paths import APP_NAME, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    try:
        fonts.apply_app_font(app)
    except RuntimeError:
        pass  # the system fonts still show Chinese, with fallbacks
    settings = QSettings()
    language = choose_language(lang, settings.value(i18n.LANGUAGE_KEY))
    i18n.install_translators(app, language)

    app.setApplicationDisplayName(
        QCoreApplication.translate("DistrictApp", "Complaint Desk · District console")
    )
    url = choose_url(url, settings.value(URL_KEY), remembered)
    while True:
        if url is None:
            url, ok = QInputDialog.getText(
                None,
                QCoreApplication.translate("DistrictApp", "District database"),
                QCoreApplication.translate(
                    "DistrictApp", "The district database (postgresql://USER@HOST:PORT/DBNAME):"
                ),
                QLineEdit.EchoMode.Normal,
                "postgresql://",
            )
            if not ok:
                return 1
        reason = open_console_database(url)
        if reason is None:
            break
        district_db.close_district_database()
        answer = QMessageBox.warning(
            None,
            QCoreApplication.translate("DistrictApp", "Cannot open the district database"),
            reason,
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Retry:
            return 1
        url = None
    settings.setValue(URL_KEY, district_db.redact_url(url))
    window = DistrictWindow(
        district_name=require_district().name,
        url=district_db.redact_url(url),
        officer=officer,
        settings=settings,
        language=language,
    )
    window.show()
    try:
        return app.exec()
    finally:
        district_db.close_district_database()
