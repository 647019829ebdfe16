"""Logging in: employee number and password.

Shown at start when the database has at least one account, and by desktop/session/idle_lock.py
when the session is locked (then only the same person may go on). The refusals are
db.trust.accounts.authenticate's, in the user's language; an unknown employee number and a
wrong password read the same. An account whose password the head set must be changed
before the session starts.

An encrypted database (db/trust/database_key.py) is unlocked by the same dialog before it
is opened: ``LoginDialog.ask_unlock`` unwraps the database key with the employee number and
password, and a wrong one reads like a failed login; ``ask`` then logs in with them
without showing itself again.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import WorkflowError
from db.store.models import Staff
from db.trust import accounts, database_key
from desktop.kit.common import name_widget, save_cancel_box
from desktop.kit.errors import workflow_error_message
from desktop.kit.form_kit import FORM_STYLE, GENERAL_LINES, fit_to_contents, make_error_label
from desktop.session.change_password_dialog import ChangePasswordDialog


class Unlocked(NamedTuple):
    """The login that opened the encrypted database, and its key."""

    employee_no: str
    password: str
    key: bytes


class LoginDialog(QDialog):
    """``LoginDialog.ask(parent, employee_no=..., locked_session=...)``: the staff member who
    logged in, or None when cancelled (Esc). Emits no signals of its own."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        employee_no: str | None = None,
        locked_session: bool = False,
        unlock_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.result_staff: Staff | None = None
        self.result_unlocked: Unlocked | None = None
        self.unlock_dir = unlock_dir
        self.locked_session = locked_session
        self.setObjectName("login_dialog")
        title = self.tr("Session locked") if locked_session else self.tr("Log in")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setStyleSheet(FORM_STYLE)

        if locked_session:
            intro = self.tr(
                "The session was locked after a time without use. Enter your password to go "
                "on; someone else must close the program and log in themselves."
            )
        else:
            intro = self.tr("Log in with your employee number and password.")
        intro_label = QLabel(intro)
        intro_label.setObjectName("intro_label")
        intro_label.setWordWrap(True)

        self.employee_no_edit = QLineEdit(employee_no or "")
        name_widget(self.employee_no_edit, "employee_no_edit", self.tr("Employee number"))
        self.employee_no_edit.setReadOnly(locked_session)
        self.password_edit = QLineEdit()
        name_widget(self.password_edit, "password_edit", self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        # One error line for the whole form: a refusal never says which of the two was wrong.
        self.error_label = make_error_label("login", GENERAL_LINES)
        self.error_label.setAccessibleName(self.tr("Problem"))
        for edit in (self.employee_no_edit, self.password_edit):
            edit.textEdited.connect(lambda _t: self.error_label.hide())

        form = QFormLayout()
        no_caption = QLabel(self.tr("&Employee number:"))
        no_caption.setBuddy(self.employee_no_edit)
        password_caption = QLabel(self.tr("&Password:"))
        password_caption.setBuddy(self.password_edit)
        form.addRow(no_caption, self.employee_no_edit)
        form.addRow(password_caption, self.password_edit)

        self.login_button = QPushButton(self.tr("&Log in"))
        name_widget(self.login_button, "login_button", self.tr("Log in"))
        self.cancel_button = QPushButton(
            self.tr("Close the program") if locked_session else self.tr("Cancel")
        )
        name_widget(self.cancel_button, "cancel_button", self.cancel_button.text())
        box = save_cancel_box(self, self.login_button, self.cancel_button, self.login)
        self.login_button.setDefault(True)  # Enter in the password field logs in

        root = QVBoxLayout(self)
        root.addWidget(intro_label)
        root.addLayout(form)
        root.addWidget(self.error_label)
        self.recover_button: QPushButton | None = None
        if unlock_dir is not None:  # an encrypted database: the recovery key can open it
            self.recover_button = QPushButton(
                self.tr("&Forgot the password? Use the recovery key…")
            )
            name_widget(self.recover_button, "recover_button", self.tr("Use the recovery key"))
            self.recover_button.setAutoDefault(False)
            self.recover_button.clicked.connect(self._recover)
            root.addWidget(self.recover_button)
        root.addWidget(box)
        (self.password_edit if employee_no else self.employee_no_edit).setFocus()
        fit_to_contents(self, min_width=380)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.password_edit.setAccessibleDescription(text)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def login(self) -> None:
        """Check the password; accept, or show the refusal and stay open."""
        password = self.password_edit.text()
        if self.unlock_dir is not None:
            self._unlock(password)
            return
        try:
            staff = accounts.authenticate(self.employee_no_edit.text(), password)
        except accounts.LoginError as err:
            self._show_error(workflow_error_message(err))
            return
        account = accounts.account_of(staff)
        if account is not None and account.must_change_password:
            if not ChangePasswordDialog.ask(self, staff, old_password=password):
                self._show_error(self.tr("Choose your own password to go on."))
                return
        self.result_staff = staff
        self.accept()

    def _recover(self) -> None:
        from desktop.session.recover_dialog import RecoverDialog  # loads when asked for

        assert self.unlock_dir is not None
        head = RecoverDialog.ask(self, self.unlock_dir)
        if head is not None:
            self.employee_no_edit.setText(head)
            self.error_label.hide()
            self.password_edit.clear()
            self.password_edit.setFocus()

    def _unlock(self, password: str) -> None:
        assert self.unlock_dir is not None
        number = self.employee_no_edit.text()
        try:
            key = database_key.unwrap_by_login(self.unlock_dir, number, password)
        except WorkflowError as err:  # a wrong login, or a missing or exposed key file
            self._show_error(workflow_error_message(err))
            return
        self.result_unlocked = Unlocked(number, password, key)
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        employee_no: str | None = None,
        locked_session: bool = False,
        password: str | None = None,
    ) -> Staff | None:
        """Show the dialog modally; the staff member who logged in, or None. With
        ``password`` (the login that unlocked the database) it logs in at once and shows
        itself only if that login is refused."""
        dialog = cls(parent, employee_no=employee_no, locked_session=locked_session)
        try:
            if password is not None:
                dialog.password_edit.setText(password)
                dialog.login()
                if dialog.result_staff is not None:
                    return dialog.result_staff
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_staff
            return None
        finally:
            if shiboken6.isValid(dialog):  # the parent may have gone while it was open
                dialog.deleteLater()

    @classmethod
    def ask_unlock(cls, parent: QWidget | None, data_dir: Path) -> Unlocked | None:
        """Ask for the login that opens the encrypted database in ``data_dir``; its
        employee number, password and the database key, or None when cancelled."""
        dialog = cls(parent, unlock_dir=data_dir)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_unlocked
            return None
        finally:
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
