"""File → Backups…: back up now, see the backups, restore one, choose where they go.

The rules (what a valid backup is, what restore does first) are in db.trust.backup; this dialog
asks, shows progress and reports. Backups and the restore run off the GUI thread in the
backup pool shared with the automatic backups (desktop.settings.backup_scheduler).

Backing up and restoring are the head's (db.trust.permissions, ``backup_restore``): the dialog
passes the logged-in actor to db.trust.backup, which checks it, and disables the two buttons (and
the menu item) for anyone else, saying why.

After a restore the program closes: every open view holds objects read from the old data,
and the restored file may need its schema brought up to date, which happens on the next
start.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.store import sqlite_features
from db.store.models import Staff, database
from db.trust import backup
from db.trust.backup import BackupInfo, RestoreResult
from desktop.kit import operations
from desktop.kit.errors import workflow_error_message
from desktop.kit.worker import QueryOp
from desktop.settings.backup_rights import may_back_up, not_permitted_text
from desktop.settings.backup_scheduler import PhasedProgress, backup_pool, phase_text, scheduler_of

log = logging.getLogger(__name__)

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
INFO_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def reason_label(reason: str) -> str:
    """A backup's reason as the user reads it; unknown reasons (a later version's) as stored."""
    labels = {
        backup.REASON_MANUAL: QCoreApplication.translate("BackupDialog", "Manual"),
        backup.REASON_DAILY: QCoreApplication.translate("BackupDialog", "Daily"),
        backup.REASON_EXIT: QCoreApplication.translate("BackupDialog", "On closing"),
        backup.REASON_PRE_RESTORE: QCoreApplication.translate("BackupDialog", "Before a restore"),
    }
    return labels.get(reason, reason)


class BackupListModel(QAbstractTableModel):
    """The backups in one folder, newest first (the order db.trust.backup.list_backups gives)."""

    COL_TIME, COL_REASON, COL_SIZE, COL_VERIFIED = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_backups(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Made at"), self.tr("Reason"), self.tr("Size"), self.tr("Checked"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == INFO_ROLE:
            return info
        if role == SORT_ROLE:
            keys = (info.created_at.isoformat(), info.reason, info.size, int(info.verified))
            return keys[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_TIME:
                return info.created_at.strftime(TIME_FORMAT)
            if column == self.COL_REASON:
                return reason_label(info.reason)
            if column == self.COL_SIZE:
                return QLocale().formattedDataSize(
                    info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
                )
            if column == self.COL_VERIFIED:
                return self.tr("Checked") if info.verified else self.tr("No record of a check")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        return None


class BackupDialog(QDialog):
    """Manage backups of the database at ``db_path``.

    Use ``BackupDialog.ask(parent, db_path, actor=...)``: it returns the RestoreResult when a
    backup was restored (the caller then closes the program), else None. ``actor`` is the
    logged-in person; None when the database has no accounts.

    Signals: backup_made(BackupInfo), restored(RestoreResult).
    """

    backup_made = Signal(object)
    restored = Signal(object)

    def __init__(
        self, db_path: Path, parent: QWidget | None = None, *, actor: Staff | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("Backups"))
        self.setAccessibleName(self.tr("Backups"))
        self._db_path = Path(db_path)
        self._actor = actor
        self._permitted = may_back_up(actor)
        self._busy = False
        self.result_restore: RestoreResult | None = None

        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("backup_folder")
        self.folder_edit.setAccessibleName(self.tr("Backup folder"))
        self.folder_edit.setReadOnly(True)
        self.choose_button = self._button("choose_folder", self.tr("&Choose…"))
        self.choose_button.setToolTip(self.tr("Back up to another folder, e.g. on a USB drive"))
        self.default_button = self._button("default_folder", self.tr("&Default"))
        self.default_button.setToolTip(self.tr("Back up to the folder beside the database"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)

        self.keep_spin = QSpinBox()
        self.keep_spin.setObjectName("backup_keep")
        self.keep_spin.setAccessibleName(self.tr("Backups kept of each kind"))
        self.keep_spin.setRange(backup.MIN_KEEP, backup.MAX_KEEP)
        self.daily_check = QCheckBox(self.tr("Back up &automatically once a day"))
        self.daily_check.setObjectName("backup_daily")
        self.daily_check.setAccessibleName(self.tr("Daily backup"))

        form = QFormLayout()
        folder_label = QLabel(self.tr("Backup &folder:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_spin)
        keep_row.addStretch(1)
        keep_label = QLabel(self.tr("&Keep of each kind:"))
        keep_label.setBuddy(self.keep_spin)
        form.addRow(keep_label, keep_row)
        form.addRow("", self.daily_check)

        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setObjectName("backup_list")
        self.table.setAccessibleName(self.tr("Backups in the folder"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.status_label = QLabel()
        self.status_label.setObjectName("backup_status")
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("backup_progress")
        self.progress_bar.setAccessibleName(self.tr("Backup progress"))
        self.progress_bar.hide()

        self.backup_button = self._button("backup_now", self.tr("&Back up now"))
        self.restore_button = self._button("restore_selected", self.tr("&Restore selected…"))
        self.restore_button.setToolTip(
            self.tr("Replace the current data with the selected backup, after backing it up")
        )
        if not self._permitted:
            for widget in (
                self.backup_button,
                self.restore_button,
                self.choose_button,
                self.default_button,
                self.keep_spin,
                self.daily_check,
            ):
                widget.setToolTip(not_permitted_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("backup_buttons")
        close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setObjectName("close_button")
        close_button.setAccessibleName(self.tr("Close"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._close_button = close_button

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(buttons)
        self.resize(720, 420)

        self._load_settings()
        self.refresh()

        self.choose_button.clicked.connect(self.choose_folder)
        self.default_button.clicked.connect(self.use_default_folder)
        self.keep_spin.valueChanged.connect(
            lambda keep: self._store(lambda: backup.set_keep_count(keep, actor=self._actor))
        )
        self.daily_check.toggled.connect(
            lambda on: self._store(lambda: backup.set_daily_enabled(on, actor=self._actor))
        )
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    @classmethod
    def ask(
        cls, parent: QWidget | None, db_path: Path, *, actor: Staff | None = None
    ) -> RestoreResult | None:
        dialog = cls(db_path, parent, actor=actor)
        dialog.exec()
        return dialog.result_restore

    @classmethod
    def open_for(cls, window: QMainWindow) -> RestoreResult | None:
        actor = getattr(window, "actor", None)
        result = cls.ask(window, sqlite_features.database_file(database.obj), actor=actor)
        if result is not None:
            scheduler = scheduler_of(window)
            if scheduler is not None:
                scheduler.suppress_exit_backup()
            window.close()
        return result

    # --- public ----------------------------------------------------------------------------

    def folder(self) -> Path:
        return backup.backup_folder(backup.default_backup_folder(self._db_path))

    def busy(self) -> bool:
        return self._busy

    def refresh(self) -> None:
        folder = self.folder()
        self.folder_edit.setText(str(folder))
        self.folder_edit.setToolTip(str(folder))
        self.model.set_backups(backup.list_backups(folder))
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), str(self.folder())
        )
        if not chosen:
            return
        folder = Path(chosen)
        if not os.access(folder, os.W_OK):
            QMessageBox.warning(
                self,
                self.tr("Backup folder"),
                self.tr("Complaint Desk cannot write to {folder}. Choose another folder.").format(
                    folder=folder
                ),
            )
            return
        self._store(lambda: backup.set_backup_folder(folder, actor=self._actor))
        self.refresh()

    def use_default_folder(self) -> None:
        self._store(lambda: backup.set_backup_folder(None, actor=self._actor))
        self.refresh()

    def _store(self, write: Callable[[], None]) -> None:
        """Store one of the backup settings (a write like any other)."""
        operations.run_op(self, write, changes=Changes.of(Kind.SETTINGS))

    def may_back_up(self) -> bool:
        return self._permitted

    def back_up_now(self) -> None:
        if self._busy:
            return
        phases = PhasedProgress()
        actor = self._actor
        self._start(self.tr("Backing up…"))
        QueryOp(
            parent=self,
            op=lambda progress: backup.backup_and_rotate(
                database.obj,
                reason=backup.REASON_MANUAL,
                progress=phases.wrap(progress),
                actor=actor,
            ),
            success=self._backup_made,
        ).failure(self._failed).with_progress(
            lambda done, total: self._progress(phases.phase, done, total)
        ).run_in_background(backup_pool())

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None or self._busy:
            return
        question = self.tr(
            "Restore the backup made at {time} ({reason})?\n\n"
            "The current data is first backed up to {folder} (as “before a restore”), "
            "then replaced by this backup. Complaint Desk closes afterwards; open it again "
            "to work with the restored data."
        ).format(
            time=info.created_at.strftime(TIME_FORMAT),
            reason=reason_label(info.reason),
            folder=self.folder(),
        )
        outlets = backup.other_outlet_backup(self._db_path, info.path)
        if outlets is not None:
            current, other = outlets
            question = (
                self.tr(
                    "This backup holds the data of another outlet: {other}. This database "
                    "is outlet {current}. Restoring it replaces the data of {current} with "
                    "the data of {other}."
                ).format(current=current, other=other)
                + "\n\n"
                + question
            )
        answer = QMessageBox.question(
            self,
            self.tr("Restore another outlet's backup")
            if outlets is not None
            else self.tr("Restore backup"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        phases = PhasedProgress()
        self._start(self.tr("Restoring…"))
        db_path, folder, actor = self._db_path, self.folder(), self._actor
        QueryOp(
            parent=self,
            op=lambda progress: backup.restore(
                db_path,
                info.path,
                safety_folder=folder,
                progress=phases.wrap(progress),
                actor=actor,
                other_outlet=outlets is not None,
            ),
            success=self._restored,
        ).failure(self._failed).with_progress(
            lambda done, total: self._progress(phases.phase, done, total)
        ).run_in_background(backup_pool())

    # --- internals -------------------------------------------------------------------------

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        return button

    def _load_settings(self) -> None:
        self.keep_spin.setValue(backup.keep_count())
        self.daily_check.setChecked(backup.daily_enabled())

    def _update_buttons(self) -> None:
        # The settings are part of backing up: off for anyone the matrix does not allow.
        for widget in (self.choose_button, self.default_button, self.daily_check):
            widget.setEnabled(not self._busy and self._permitted)
        self.backup_button.setEnabled(not self._busy and self._permitted)
        self.keep_spin.setEnabled(not self._busy and self._permitted)
        self._close_button.setEnabled(not self._busy)
        self.restore_button.setEnabled(
            not self._busy and self._permitted and self.selected_backup() is not None
        )

    def _start(self, text: str) -> None:
        self._busy = True
        self.status_label.setText(text)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._update_buttons()

    def _progress(self, phase: str, done: int, total: int) -> None:
        self.status_label.setText(phase_text(phase))
        if phase == "copy" and total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)

    def _finish(self, text: str) -> None:
        self._busy = False
        self.progress_bar.hide()
        self.status_label.setText(text)
        self.refresh()

    def _backup_made(self, info: BackupInfo) -> None:
        self._finish(self.tr("Backup made and checked: {name}").format(name=info.path.name))
        self.backup_made.emit(info)

    def _restored(self, result: RestoreResult) -> None:
        self._finish(self.tr("Backup restored."))
        self.result_restore = result
        self.restored.emit(result)
        safety = result.safety_backup.path.name if result.safety_backup else self.tr("(none)")
        QMessageBox.information(
            self,
            self.tr("Backup restored"),
            self.tr(
                "The backup {name} has been restored. The data it replaced is in the backup "
                "{safety}.\n\nComplaint Desk will now close; open it again to continue."
            ).format(name=result.restored_from.name, safety=safety),
        )
        self.accept()

    def _failed(self, error: BaseException) -> None:
        log.error("backup or restore failed", exc_info=error)
        reason = workflow_error_message(error) if isinstance(error, WorkflowError) else error
        self._finish(self.tr("Failed: {error}").format(error=reason))
        if isinstance(error, WorkflowError):
            QMessageBox.warning(self, self.tr("Backups"), workflow_error_message(error))
            return
        if isinstance(error, backup.RestoreRefused):
            text = self.tr("The backup was not restored; nothing was changed.\n\n{reason}")
        elif isinstance(error, backup.BackupError):
            text = self.tr("It did not work:\n\n{reason}")
        else:
            text = self.tr("Something unexpected went wrong:\n\n{reason}")
        QMessageBox.warning(self, self.tr("Backups"), text.format(reason=error))

    def reject(self) -> None:
        if self._busy:  # the job's result must not arrive to a closed dialog unseen
            return
        super().reject()
