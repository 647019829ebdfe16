"""The start-up check: a damaged database is met with the newest good backup, not a traceback.

It runs in two parts so that a large database does not delay the window:

- before the database is opened, only what must be known before migrations touch the file
  (the schema check: is this a database this version may open?) runs on the GUI thread;
  a file that then fails to open gets the whole check at once;
- once the window is shown, ``AfterStartCheck`` runs the rest (``quick_check``, foreign keys,
  the audit chain) on a worker thread with its own connection. If it finds a problem the
  user is told, the window closes without an exit backup (a damaged file must not rotate a
  good backup out), and ``desktop.app`` runs the whole check again here, which offers the
  newest good backup.

The quick form of the integrity check reads every page but skips the index cross-checks;
``complaint-desk check`` does the full one.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from db.store.database import database_path
from db.trust import integrity

if TYPE_CHECKING:
    from db.trust.backup import BackupInfo

log = logging.getLogger(__name__)


def _newest_good(path: Path) -> tuple[Path, BackupInfo | None]:
    """The newest good backup in the configured folder, else in the default one."""
    from db.trust import backup  # only a failed check looks for one

    folder = backup.backup_folder_of(path)
    found = backup.newest_good_backup(folder)
    default = backup.default_backup_folder(path)
    if found is None and folder != default:
        found = backup.newest_good_backup(default)
        folder = default if found is not None else folder
    return folder, found


# Hashing every attachment and evidence file at every start would be slow, and a changed
# file is no reason to refuse the database (``complaint-desk check`` reports it).
NOT_AT_START = frozenset({"attachments", "evidence"})


def startup_checks() -> list[integrity.Check]:
    """Every registered check but those of the attachments and evidence files, the checks
    of the packages above db/trust (db.checks) among them."""
    from db import checks

    checks.register_domain_checks()  # registered here, when a check first needs them
    return [c for c in integrity.CHECKS if c.name not in NOT_AT_START]


# Checked before the database is opened: the rest can wait until the window is shown.
BEFORE_OPEN = frozenset({"schema"})


def before_open_checks() -> list[integrity.Check]:
    """The file's own checks named in BEFORE_OPEN: none of them is a domain check, so the
    modules those come from are not loaded before the window is shown."""
    return [c for c in integrity.CHECKS if c.name in BEFORE_OPEN and c.name not in NOT_AT_START]


def after_start_checks() -> list[integrity.Check]:
    return [c for c in startup_checks() if c.name not in BEFORE_OPEN]


def ensure_sound_database(
    data_dir: Path, parent: QWidget | None = None, *, checks: list[integrity.Check] | None = None
) -> bool:
    """True when the program may go on to open the database in ``data_dir``: it is absent
    (first run), sound, or was just replaced by a good backup the user accepted. False when
    the user has been told why the program stops. ``checks`` defaults to every start-up
    check."""
    path = database_path(data_dir)
    if not path.exists():
        return True
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = integrity.check_file(
            path, quick=True, checks=startup_checks() if checks is None else checks
        )
        if report.ok:
            return True
        log.error("start-up check failed:\n%s", report.summary())
        folder, candidate = _newest_good(path)
    finally:
        QGuiApplication.restoreOverrideCursor()

    from desktop.kit.errors import first_problem_text  # (with the workflow's refusals)

    problem = first_problem_text(report)
    if {r.name for r in report.results if not r.ok} == {"schema"}:
        # Nothing is damaged: an older backup would only lose work. Say what to do instead.
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("StartupCheck", "Cannot open the database"),
            QCoreApplication.translate(
                "StartupCheck",
                "This database cannot be opened by this version of Complaint Desk:\n{problem}"
                "\n\nUse the version of Complaint Desk that last opened it. The file is "
                "unchanged:\n{path}",
            ).format(problem=problem, path=path),
        )
        return False
    if candidate is None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("StartupCheck", "Database damaged"),
            QCoreApplication.translate(
                "StartupCheck",
                "The database failed its check:\n{problem}\n\nThere is no good backup in "
                "{folder}. Complaint Desk will not open the database, so as not to make the "
                "damage worse; the file is unchanged:\n{path}\n\nIf you have a backup "
                "elsewhere, restore it with: complaint-desk restore FILE",
            ).format(problem=problem, folder=folder, path=path),
        )
        return False

    box = QMessageBox(parent)
    box.setObjectName("startup_check_box")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("StartupCheck", "Database damaged"))
    box.setText(
        QCoreApplication.translate(
            "StartupCheck", "The database failed its check:\n{problem}"
        ).format(problem=problem)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "StartupCheck",
            "Restore the newest good backup, made at {time}?\n\nThe current database is kept "
            "in {folder}. Work entered after that backup is not in it.",
        ).format(time=candidate.created_at.strftime("%Y-%m-%d %H:%M:%S"), folder=folder)
    )
    restore_button = box.addButton(
        QCoreApplication.translate("StartupCheck", "&Restore the backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    restore_button.setObjectName("restore_backup_button")
    quit_button = box.addButton(
        QCoreApplication.translate("StartupCheck", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    quit_button.setObjectName("quit_button")
    box.setDefaultButton(restore_button)
    box.exec()
    if box.clickedButton() is not restore_button:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("StartupCheck", "Database damaged"),
            QCoreApplication.translate(
                "StartupCheck",
                "Complaint Desk has not opened the database and has changed nothing:\n{path}"
                "\n\nYou can restore a backup later from the command line: "
                "complaint-desk restore FILE",
            ).format(path=path),
        )
        return False

    return _restore(path, candidate, folder, parent)


def _restore(path: Path, candidate: BackupInfo, folder: Path, parent: QWidget | None) -> bool:
    from db.trust import backup
    from db.trust.backup import BackupError

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # Too damaged to back up (a bad page) means moved aside; readable means backed up.
        damaged = backup.current_database_problem(path) is not None
        result = backup.restore(path, candidate.path, safety_folder=folder, current_damaged=damaged)
    except BackupError as exc:
        log.exception("restore at start-up failed")
        error: BackupError | None = exc
    else:
        error = None
    finally:
        QGuiApplication.restoreOverrideCursor()
    if error is not None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("StartupCheck", "Database damaged"),
            QCoreApplication.translate(
                "StartupCheck", "The backup could not be restored:\n{error}"
            ).format(error=error),
        )
        return False
    kept = result.set_aside or (result.safety_backup.path if result.safety_backup else None)
    QMessageBox.information(
        parent,
        QCoreApplication.translate("StartupCheck", "Backup restored"),
        QCoreApplication.translate(
            "StartupCheck",
            "The backup made at {time} has been restored. The previous database is kept "
            "as:\n{kept}",
        ).format(time=candidate.created_at.strftime("%Y-%m-%d %H:%M:%S"), kept=kept or "-"),
    )
    return True


class AfterStartCheck(QObject):
    """The checks left out before opening, run on a worker thread once the window is shown.

    ``recheck`` becomes True when they found a problem: the user has been told, the window
    is closing without an exit backup, and the caller should run ``ensure_sound_database``
    (which offers the newest good backup) before opening the database again.
    """

    def __init__(self, window: QMainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.setObjectName("after_start_check")
        self.window = window
        self.path = database_path(data_dir)
        self.report: integrity.CheckReport | None = None
        self.recheck = False

    def start(self) -> None:
        from desktop.kit.worker import QueryOp

        if not self.window.isVisible():
            return  # closed before the check began: nothing is open to check
        path, checks = self.path, after_start_checks()
        self.window.statusBar().showMessage(self.tr("Checking the database…"))
        QueryOp(
            parent=self,
            op=lambda _progress: integrity.check_file(path, quick=True, checks=checks),
            success=self._checked,
        ).failure(self._not_run).run_in_background()

    @property
    def done(self) -> bool:
        return self.report is not None

    def _checked(self, report: integrity.CheckReport) -> None:
        self.report = report
        status = self.window.statusBar()
        if report.ok:
            status.showMessage(self.tr("Database check passed."), 5000)
            return
        log.error("start-up check failed:\n%s", report.summary())
        from desktop.kit.errors import first_problem_text

        status.clearMessage()
        self.recheck = True
        QMessageBox.critical(
            self.window,
            self.tr("Database damaged"),
            self.tr(
                "The database failed its check:\n{problem}\n\nComplaint Desk will now close "
                "the database, without backing it up over your good backups, and offer the "
                "newest good backup."
            ).format(problem=first_problem_text(report)),
        )
        from desktop.settings.backup_scheduler import scheduler_of

        scheduler = scheduler_of(self.window)
        if scheduler is not None:
            scheduler.suppress_exit_backup()
        self.window.close()

    def _not_run(self, error: BaseException) -> None:
        log.error("start-up check could not run: %s", error)
        self.window.statusBar().showMessage(
            self.tr("The database check could not run: {error}").format(error=error)
        )


# Started this long after the window is shown, so that the first paint does not share the
# disk and the processor with a read of the whole file.
AFTER_START_DELAY_MS = 300


def check_after_start(window: QMainWindow, data_dir: Path) -> AfterStartCheck:
    """Start the after-start check for ``window`` shortly; it is owned by the window."""
    from PySide6.QtCore import QTimer

    check = AfterStartCheck(window, data_dir)
    QTimer.singleShot(AFTER_START_DELAY_MS, check, check.start)
    return check
