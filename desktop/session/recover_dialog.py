"""The head's forgotten password, from the login of an encrypted database: "Forgot the
password? Use the recovery key…" asks for the recovery key the head kept when the data was
encrypted and a new password (db.trust.recovery.recover_head_password: one transaction,
attributed to the head in the audit trail; a wrong recovery key is counted and locks like a
wrong password). Nothing is written on a refusal, and the dialog stays open."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import WorkflowError
from db.intake.validation import ValidationError
from db.store.database import database_path
from db.trust import recovery
from desktop.kit.common import name_widget, save_cancel_box
from desktop.kit.errors import workflow_error_message
from desktop.kit.form_kit import (
    FORM_STYLE,
    GENERAL_LINES,
    FormErrors,
    fit_to_contents,
    make_error_label,
)


class RecoverDialog(QDialog):
    """``RecoverDialog.ask(parent, data_dir)``: the head's employee number once the new
    password is set, or None."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recover_dialog")
        title = self.tr("Recover the head's password")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setStyleSheet(FORM_STYLE)
        self._data_dir = data_dir
        self.recovered: recovery.Recovered | None = None

        intro = QLabel(
            self.tr(
                "Type the recovery key the head was shown and kept when the outlet's data "
                "was encrypted, and the head's new password. Wrong recovery keys are counted "
                "and lock like wrong passwords."
            )
        )
        intro.setObjectName("recover_intro")
        intro.setWordWrap(True)
        self.key_edit = QLineEdit()
        name_widget(self.key_edit, "recovery_key_edit", self.tr("Recovery key"))
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit = QLineEdit()
        name_widget(self.password_edit, "new_password_edit", self.tr("New password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit = QLineEdit()
        name_widget(self.again_edit, "again_password_edit", self.tr("New password again"))
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for caption, edit in (
            (self.tr("&Recovery key:"), self.key_edit),
            (self.tr("&New password:"), self.password_edit),
            (self.tr("&Again:"), self.again_edit),
        ):
            label = QLabel(caption)
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.error_label = make_error_label("recover", GENERAL_LINES)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.errors = FormErrors(self.error_label, {})
        self.set_button = QPushButton(self.tr("&Set the new password"))
        name_widget(self.set_button, "save_button", self.tr("Set the new password"))
        cancel = QPushButton(self.tr("Cancel"))
        name_widget(cancel, "cancel_button", self.tr("Cancel"))
        box = save_cancel_box(self, self.set_button, cancel, self.recover)
        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(box)
        self.key_edit.setFocus()
        fit_to_contents(self, min_width=420)

    def _problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def recover(self) -> None:
        key, password = self.key_edit.text().strip(), self.password_edit.text()
        if not key:
            self._problem(self.tr("Type the recovery key."))
            self.key_edit.setFocus()
            return
        if password != self.again_edit.text():
            self._problem(self.tr("The two new passwords differ."))
            self.again_edit.clear()
            self.again_edit.setFocus()
            return
        try:
            done = recovery.recover_head_password(database_path(self._data_dir), key, password)
        except ValidationError as error:
            self.errors.show(error.errors)
            self.password_edit.setFocus()
            return
        except WorkflowError as error:
            self._problem(workflow_error_message(error))
            self.key_edit.selectAll()
            self.key_edit.setFocus()
            return
        self.recovered = done
        text = self.tr("{name} ({number}) logs in with the new password now.").format(
            name=done.head.name, number=done.head.employee_no
        )
        if done.signing_key_left_behind:
            text += "\n\n" + self.tr(
                "The outlet's signing key for the district's bundles stays sealed by the old "
                "password: write a new enrolment file (Settings → District exchange) and "
                "send it to the district branch, which enrols the new key."
            )
        QMessageBox.information(self, self.windowTitle(), text)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, data_dir: Path) -> str | None:
        dialog = cls(data_dir, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.recovered is not None:
                return dialog.recovered.head.employee_no
            return None
        finally:
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
