"""Automatic backups for the main window: once a day and when the window closes.

The daily backup starts shortly after the first start of the day and is re-checked every
half hour, for an office PC left running overnight. The exit backup runs while a progress
dialog says so, and the window closes when it is done: a backup the user never saw finish
is one they cannot count on. Both run off the GUI thread (desktop.kit.worker) in one
single-thread pool shared with the Backups dialog, so two backups never run at once.

Where they go and how many are kept are rule settings (db.trust.backup); this module only decides
*when*. These backups are the program's own, not a person's request, so they pass no
``actor`` to db.trust.backup and the permission matrix does not apply (the Backups dialog's
"Back up now" passes the logged-in user).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog

from db.store.database import database_path
from db.store.models import database
from db.trust import backup
from db.trust.backup import BackupInfo
from desktop.kit.worker import QueryOp

log = logging.getLogger(__name__)

DAILY_FIRST_CHECK_MS = 2_000
DAILY_CHECK_INTERVAL_MS = 30 * 60 * 1000
STATUS_MESSAGE_MS = 8_000

_pool: QThreadPool | None = None


def backup_pool() -> QThreadPool:
    """One thread for every backup and restore, so they queue instead of overlapping."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def phase_text(phase: str) -> str:
    """What a backup is doing, for a progress label."""
    texts = {
        "copy": QCoreApplication.translate("Backups", "Copying the database…"),
        "verify": QCoreApplication.translate("Backups", "Checking the copy…"),
        "attachments": QCoreApplication.translate("Backups", "Copying attachments…"),
        "restore": QCoreApplication.translate("Backups", "Restoring…"),
    }
    return texts.get(phase, QCoreApplication.translate("Backups", "Working…"))


class PhasedProgress:
    """Adapts db.trust.backup's ``progress(phase, done, total)`` to desktop.kit.worker's
    ``progress(done, total)``: the worker thread records the phase here and the GUI thread
    reads it when the progress arrives. A label a moment late is harmless."""

    def __init__(self) -> None:
        self.phase = "copy"

    def wrap(self, worker_progress: Callable[[int, int], None]) -> backup.Progress:
        def progress(phase: str, done: int, total: int) -> None:
            self.phase = phase
            worker_progress(done, total)

        return progress


class BackupScheduler(QObject):
    """Daily and on-exit backups for ``window``'s database.

    Signals: none; results show in the window's status bar, failures in a message box.
    """

    def __init__(self, window: QMainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.setObjectName("backupScheduler")
        self._window = window
        self._db_path = database_path(data_dir)
        self._exit_done = False
        self._closed = False
        self._daily_running = False
        self._exit_running = False
        self._warned_on: dt.date | None = None

        self._first_check = QTimer(self)
        self._first_check.setSingleShot(True)
        self._first_check.setInterval(DAILY_FIRST_CHECK_MS)
        self._first_check.timeout.connect(self.check_daily)
        self._periodic = QTimer(self)
        self._periodic.setInterval(DAILY_CHECK_INTERVAL_MS)
        self._periodic.timeout.connect(self.check_daily)
        self._first_check.start()
        self._periodic.start()
        window.installEventFilter(self)

    # --- public ----------------------------------------------------------------------------

    def folder(self) -> Path:
        return backup.backup_folder(backup.default_backup_folder(self._db_path))

    def daily_running(self) -> bool:
        return self._daily_running

    def suppress_exit_backup(self) -> None:
        """After a restore the window closes without backing up again."""
        self._exit_done = True

    def check_daily(self) -> bool:
        """Start today's backup if it is due; True if one was started."""
        if self._closed or self._daily_running or not self._window.isVisible():
            return False
        if not backup.daily_enabled() or not backup.daily_backup_due(self.folder()):
            return False
        self._daily_running = True
        self._window.statusBar().showMessage(self.tr("Making today's backup…"))
        QueryOp(
            parent=self,
            op=lambda _progress: backup.backup_and_rotate(database.obj, reason=backup.REASON_DAILY),
            success=self._daily_made,
        ).failure(self._daily_failed).run_in_background(backup_pool())
        return True

    def back_up_on_exit(self) -> BackupInfo | None:
        """Make the exit backup, showing progress, and return when it is done."""
        self._exit_done = True
        self._exit_running = True
        dialog = QProgressDialog(self._window)
        dialog.setObjectName("exitBackupProgress")
        dialog.setAccessibleName(self.tr("Backing up before closing"))
        dialog.setWindowTitle(self.tr("Backing up before closing"))
        dialog.setLabelText(self.tr("Backing up before closing…"))
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setRange(0, 0)
        dialog.show()

        loop = QEventLoop(self)
        outcome: dict[str, object] = {}
        phases = PhasedProgress()

        def progressed(done: int, total: int) -> None:
            dialog.setLabelText(phase_text(phases.phase))
            dialog.setRange(0, total if phases.phase == "copy" else 0)
            if total:
                dialog.setValue(done)

        def finished(key: str, value: object) -> None:
            outcome[key] = value
            loop.quit()

        QueryOp(
            parent=self,
            op=lambda progress: backup.backup_and_rotate(
                database.obj, reason=backup.REASON_EXIT, progress=phases.wrap(progress)
            ),
            success=lambda info: finished("info", info),
        ).failure(lambda error: finished("error", error)).with_progress(
            progressed
        ).run_in_background(backup_pool())
        while not outcome:  # again if something asked every event loop to quit meanwhile
            loop.exec()
        self._exit_running = False
        dialog.close()
        dialog.deleteLater()
        if "error" in outcome:
            error = outcome["error"]
            log.error(
                "exit backup failed",
                exc_info=error if isinstance(error, BaseException) else None,
            )
            QMessageBox.warning(
                self._window,
                self.tr("Backup failed"),
                self.tr(
                    "The backup on closing failed:\n{error}\n\nYour data is safe in the "
                    "database itself. Check the backup folder under File → Backups… the "
                    "next time."
                ).format(error=outcome["error"]),
            )
            return None
        info = outcome.get("info")
        return info if isinstance(info, BackupInfo) else None

    # --- events ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            if self._exit_running:
                event.ignore()  # a second click on close while the exit backup runs
                return True
            self._closed = True
            self._first_check.stop()
            self._periodic.stop()
            if not self._exit_done:
                self.back_up_on_exit()
        return super().eventFilter(watched, event)

    def _daily_made(self, info: BackupInfo) -> None:
        self._daily_running = False
        self._window.statusBar().showMessage(
            self.tr("Today's backup is made: {name}").format(name=info.path.name),
            STATUS_MESSAGE_MS,
        )

    def _daily_failed(self, error: BaseException) -> None:
        self._daily_running = False
        log.error("daily backup failed", exc_info=error)
        self._window.statusBar().showMessage(
            self.tr("Today's automatic backup failed: {error}").format(error=error)
        )
        # Retried every half hour (the USB drive may come back), but said once a day.
        today = dt.date.today()
        if self._warned_on == today:
            return
        self._warned_on = today
        QMessageBox.warning(
            self._window,
            self.tr("Backup failed"),
            self.tr(
                "Today's automatic backup failed:\n{error}\n\nCheck that the backup folder "
                "(File → Backups…) is reachable, e.g. that the USB drive is plugged in."
            ).format(error=error),
        )


def install(window: QMainWindow, data_dir: Path) -> BackupScheduler:
    """Give ``window`` its automatic backups; the scheduler lives as long as the window."""
    return BackupScheduler(window, data_dir)


def scheduler_of(window: QObject) -> BackupScheduler | None:
    return window.findChild(BackupScheduler, "backupScheduler")
