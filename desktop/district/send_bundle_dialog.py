"""Sending a bundle down to one outlet from the console (File → Send bundle to outlet…):
the outlet, where to write the file, the district's key and its password. The bundle is
db.district.outbox.send_bundle's, as ``complaint-desk district send`` writes it: the work
orders, the district's own replies and the escalation results not yet sent to that outlet,
signed and numbered after the last one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.district import outbox, workorder_queries
from db.errors import WorkflowError
from desktop.kit.common import accept_reject_box, add_file_row, name_widget
from desktop.kit.errors import workflow_error_message

# (outlet code, file, key file, password) -> the db.district.outbox.SendSummary
Submit = Callable[[str, Path, Path, str], object]


class SendBundleDialog(QDialog):
    def __init__(
        self, key_path: Path, submit: Submit, outlet: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sendBundleDialog")
        self.setAccessibleName(self.tr("Send a bundle to an outlet"))
        self.setWindowTitle(self.tr("Send a bundle to an outlet"))
        self._submit = submit
        self.result_value: object = None
        self.outlet = name_widget(QComboBox(), "sendOutletCombo", self.tr("Outlet"))
        for code, name in workorder_queries.assignable_outlets():
            orders, results, replies = outbox.pending_for(code)
            self.outlet.addItem(self.tr("{code} {name} ({n} waiting)").format(
                code=code, name=name, n=orders + results + replies), code)  # fmt: skip
        self.outlet.setCurrentIndex(max(self.outlet.findData(outlet), 0))
        self.path = name_widget(QLineEdit(), "sendPathEdit", self.tr("Bundle file to write"))
        self.path.setPlaceholderText(self.tr("The file the outlet will import"))
        browse = name_widget(QPushButton(self.tr("&Browse…")), "sendBrowseButton",
                             self.tr("Choose where to write the bundle"))  # fmt: skip
        browse.clicked.connect(self._browse)
        self.key = name_widget(QLineEdit(str(key_path)), "sendKeyEdit", self.tr("District key"))
        self.password = name_widget(QLineEdit(), "sendPasswordEdit", self.tr("Key password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = name_widget(QLabel(), "sendError", self.tr("Why it was refused"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("&Outlet:"), self.outlet)
        add_file_row(form, self.tr("&File:"), self.path, browse)
        form.addRow(self.tr("District &key:"), self.key)
        form.addRow(self.tr("&Password of the key:"), self.password)
        box, _send, _cancel = accept_reject_box(
            self, self.tr("Send"), self.tr("Write the signed bundle"), self.tr("Cancel"),
            self.tr("Cancel without writing"),
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Write the bundle to"), self.path.text(), self.tr("Bundles (*.zip)")
        )
        if name:
            self.path.setText(name)

    def save(self) -> None:
        code = self.outlet.currentData()
        if not code:
            self.error.setText(self.tr("No outlet is enrolled: enrol one first."))
            return
        if not self.path.text().strip():
            self.error.setText(self.tr("Choose the file to write the bundle to."))
            return
        path, key = Path(self.path.text().strip()), Path(self.key.text().strip())
        if not key.is_file():
            self.error.setText(self.tr("There is no district key at {path}.").format(path=key))
            return
        try:
            self.result_value = self._submit(code, path, key, self.password.text())
        except WorkflowError as error:
            self.error.setText(workflow_error_message(error))
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, key_path: Path, submit: Submit, outlet: str | None = None
    ) -> object | None:
        dialog = cls(key_path, submit, outlet, parent)
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
