"""Settings → District exchange → Write enrolment file…: the outlet's enrolment file for
the district (db.trust.outlet_keys.write_enrolment: code, name, district and the public
key, self-signed). The first time, it makes the outlet's key pair, wrapped by the head's
password; the head only. The fingerprint shown is what the head reads to the district
by phone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.store.models import Outlet, Staff
from db.trust import keys, outlet_keys
from desktop.kit import operations
from desktop.kit.common import add_file_row, name_widget, save_cancel_box
from desktop.kit.errors import workflow_error_message
from desktop.kit.form_kit import make_error_label, make_hint_label

FOLDER_KEY = "exchange/enrolment_folder"


class EnrolmentDialog(QDialog):
    """``enrolment`` is the db.trust.keys.Enrolment once written."""

    def __init__(
        self, outlet: Outlet, actor: Staff, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrolmentDialog")
        title = self.tr("Enrolment file for the district")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._actor = actor
        self._settings = settings
        self.enrolment: keys.Enrolment | None = None

        folder = Path(str(settings.value(FOLDER_KEY, str(Path.home()))))
        self.file_edit = QLineEdit(str(folder / f"{outlet.code}-enrolment.json"))
        name_widget(self.file_edit, "enrolmentFile", self.tr("Enrolment file"))
        browse = QPushButton(self.tr("&Browse…"))
        name_widget(browse, "enrolmentBrowse", self.tr("Choose the enrolment file"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        name_widget(self.password_edit, "enrolmentPassword", self.tr("The head's password"))
        form = QFormLayout()
        add_file_row(form, self.tr("&File:"), self.file_edit, browse)
        form.addRow(self.tr("Head's &password:"), self.password_edit)
        hint = make_hint_label(
            self.tr(
                "The district enrols the outlet from this file. The first time, the outlet's "
                "signing key is made and kept beside the database, wrapped by the head's "
                "password; the private key never leaves this PC. Read the fingerprint shown "
                "afterwards to the district by phone."
            ),
            "enrolmentHint",
        )
        self.error_label = make_error_label("enrolmentError")
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.write_button = QPushButton(self.tr("&Write file"))
        name_widget(self.write_button, "save_button", self.tr("Write the enrolment file"))
        cancel = QPushButton(self.tr("Cancel"))
        name_widget(cancel, "cancel_button", self.tr("Cancel"))
        self.buttons = save_cancel_box(self, self.write_button, cancel, self.write)
        root = QVBoxLayout(self)
        root.addWidget(hint)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.password_edit.setFocus()
        self.resize(540, self.sizeHint().height())

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Enrolment file"), self.file_edit.text(), self.tr("Enrolment (*.json)")
        )
        if name:
            self.file_edit.setText(name)

    def _problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def write(self) -> None:
        path_text = self.file_edit.text().strip()
        password = self.password_edit.text()
        if not path_text:
            self._problem(self.tr("Choose the file to write."))
            return
        if not password:
            self._problem(self.tr("Type the head's password."))
            self.password_edit.setFocus()
            return
        path = Path(path_text).expanduser()
        try:
            enrolment, _info = operations.run_op(
                self,
                lambda: outlet_keys.write_enrolment(path, password, actor=self._actor),
                changes=Changes.of(Kind.SETTINGS),
            )
        except WorkflowError as error:
            self._problem(self.tr("Not written. {reason}").format(
                reason=workflow_error_message(error)))  # fmt: skip
            self.password_edit.selectAll()
            return
        self.enrolment = enrolment
        self._settings.setValue(FOLDER_KEY, str(path.parent))
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr(
                "Wrote {file} for outlet {code} ({name}).\n\nFingerprint of the outlet's key:\n"
                "{fingerprint}\n\nGive the file to the district and read this fingerprint to "
                "them by phone when they enrol the outlet."
            ).format(
                file=path, code=enrolment.code, name=enrolment.name,
                fingerprint=enrolment.fingerprint,
            ),
        )  # fmt: skip
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget, outlet: Outlet, actor: Staff, settings: QSettings
    ) -> keys.Enrolment | None:
        dialog = cls(outlet, actor, settings, parent)
        dialog.exec()
        return dialog.enrolment
