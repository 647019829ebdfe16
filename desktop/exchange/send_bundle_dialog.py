"""File → Send bundle to the district…: writes the signed bundle of the cases received or
updated since a day (db.exchange.export.export_bundle), signed with the outlet's key, which
the head's password opens. The bundle is written on a worker thread; a refusal (no key
yet, a wrong password, no district key trusted, a disk that refuses) is shown in the
dialog, which stays open with everything typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.exchange.export import BundleSummary, export_bundle
from db.store.models import Outlet, Staff, now
from db.trust import outlet_keys
from desktop.kit import operations
from desktop.kit.busy import progress_dialog
from desktop.kit.common import add_file_row, name_widget, save_cancel_box
from desktop.kit.errors import workflow_error_message
from desktop.kit.form_kit import make_error_label, make_hint_label

SINCE_KEY = "exchange/last_since"
FOLDER_KEY = "exchange/last_folder"
# The bundle records its number and the audit trail's head: the settings change.
SEND_CHANGES = Changes.of(Kind.SETTINGS)


def default_file_name(outlet: Outlet, day: dt.date) -> str:
    return f"{outlet.code}-{day:%Y%m%d}.zip"


class SendBundleDialog(QDialog):
    """Asks for the day, the file and the key's password, then writes the bundle.
    ``summary`` is the db.exchange.export.BundleSummary once written."""

    def __init__(
        self, outlet: Outlet, actor: Staff, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sendBundleUpDialog")
        title = self.tr("Send bundle to the district")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._outlet = outlet
        self._actor = actor
        self._settings = settings
        self.summary: BundleSummary | None = None
        self._progress: QProgressDialog | None = None

        today = now().date()
        since = QDate.fromString(str(settings.value(SINCE_KEY, "")), "yyyy-MM-dd")
        if not since.isValid():
            since = QDate(today.year, 1, 1)
        self.since_edit = QDateEdit(since)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        name_widget(self.since_edit, "sendBundleSince", self.tr("Cases received or updated since"))
        folder = Path(str(settings.value(FOLDER_KEY, str(Path.home()))))
        self.file_edit = QLineEdit(str(folder / default_file_name(outlet, today)))
        name_widget(self.file_edit, "sendBundleFile", self.tr("Bundle file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        name_widget(self.browse_button, "sendBundleBrowse", self.tr("Choose the bundle file"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        name_widget(
            self.password_edit, "sendBundlePassword", self.tr("Password of the outlet's key")
        )

        form = QFormLayout()
        form.addRow(self.tr("Cases &since:"), self.since_edit)
        add_file_row(form, self.tr("&File:"), self.file_edit, self.browse_button)
        form.addRow(self.tr("Key &password:"), self.password_edit)
        hint = make_hint_label(
            self.tr(
                "The bundle holds the cases received or updated since that day, their work "
                "orders and evidence files, with customers' phone and ID numbers masked. It "
                "is signed with the outlet's key, which the head's password opens, and "
                "addressed to the district whose key the outlet trusts."
            ),
            "sendBundleHint",
        )
        self.error_label = make_error_label("sendBundleError")
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.send_button = QPushButton(self.tr("&Write bundle"))
        name_widget(self.send_button, "save_button", self.tr("Write the signed bundle"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        name_widget(self.cancel_button, "cancel_button", self.tr("Cancel"))
        self.buttons = save_cancel_box(self, self.send_button, self.cancel_button, self.send)

        root = QVBoxLayout(self)
        root.addWidget(hint)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.setTabOrder(self.since_edit, self.file_edit)
        self.setTabOrder(self.file_edit, self.browse_button)
        self.setTabOrder(self.browse_button, self.password_edit)
        self.password_edit.setFocus()
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Bundle file"), self.file_edit.text(), self.tr("Bundles (*.zip)")
        )
        if name:
            self.file_edit.setText(name if name.lower().endswith(".zip") else name + ".zip")

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def send(self) -> None:
        """Check the form, then write the bundle on a worker thread."""
        path_text = self.file_edit.text().strip()
        if not path_text:
            self._show_problem(self.tr("Choose the file to write the bundle to."))
            self.file_edit.setFocus()
            return
        password = self.password_edit.text()
        if not password:
            self._show_problem(self.tr("Type the password of the outlet's key (the head's)."))
            self.password_edit.setFocus()
            return
        path = Path(path_text).expanduser()
        since = self.since_edit.date().toPython()
        assert isinstance(since, dt.date)
        self.error_label.setVisible(False)
        self.send_button.setEnabled(False)
        self._progress = progress_dialog(
            self,
            self.tr("Writing the bundle…"),
            name="sendBundleProgress",
            accessible=self.tr("Writing the bundle"),
            title=self.windowTitle(),
        )
        outlet, actor = self._outlet, self._actor

        def write(_progress) -> BundleSummary:
            key = outlet_keys.signing_key(password)
            return export_bundle(path, since=since, outlet=outlet, actor=actor, signing_key=key)

        operations.run_op_in_background(
            self, write, changes=SEND_CHANGES, on_success=self._sent, on_failure=self._failed
        )

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.send_button.setEnabled(True)

    def _sent(self, summary: BundleSummary) -> None:
        self._close_progress()
        self.summary = summary
        self._settings.setValue(SINCE_KEY, self.since_edit.date().toString("yyyy-MM-dd"))
        self._settings.setValue(FOLDER_KEY, str(Path(summary.path).parent))
        QMessageBox.information(self, self.windowTitle(), self.summary_text(summary))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, WorkflowError):
            self._show_problem(self.tr("Not written. {reason}").format(
                reason=workflow_error_message(error)))  # fmt: skip
            if error.code == "key_wrong_password":
                self.password_edit.selectAll()
                self.password_edit.setFocus()
            return
        self._show_problem(self.tr("Not written: {reason}").format(reason=str(error)))

    def summary_text(self, summary: BundleSummary) -> str:
        return self.tr(
            "Bundle number {seq} written to {file}: {cases} cases, {events} events, "
            "{orders} work orders, {files} evidence files. Send this file to the district "
            "(shared folder, USB stick or e-mail)."
        ).format(
            seq=summary.seq,
            file=summary.path,
            cases=summary.cases,
            events=summary.events,
            orders=summary.work_orders,
            files=summary.attachments,
        )

    @classmethod
    def ask(
        cls, parent: QWidget, outlet: Outlet, actor: Staff, settings: QSettings
    ) -> BundleSummary | None:
        dialog = cls(outlet, actor, settings, parent)
        dialog.exec()
        return dialog.summary
