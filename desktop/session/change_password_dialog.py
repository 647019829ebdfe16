"""A new password: the staff member's own change, or the head setting someone's.

``ChangePasswordDialog.ask(parent, staff)`` changes the staff member's own password and asks
for the current one; with ``old_password`` (straight after a login that must change it) the
current one is not asked again. ``SetPasswordDialog.ask(parent, staff, actor)`` is the head's:
it creates the account or resets its password (db.trust.accounts enforces edit_staff), and the
person must change it at their next login. The rules are accounts.validate_password; their
problems show under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.intake.validation import ValidationError
from db.store.models import Staff
from db.trust import accounts
from desktop.kit import operations
from desktop.kit.common import name_widget, save_cancel_box
from desktop.kit.form_kit import (
    FORM_STYLE,
    InlineErrors,
    fit_to_contents,
    make_error_label,
    make_hint_label,
)

ACCOUNT_CHANGES = Changes.of(Kind.ACCOUNTS)


class _PasswordForm(QDialog):
    """New password + confirmation, with inline errors; subclasses store it.

    Its texts are translated in the "PasswordForm" context, the same for both subclasses.
    """

    def __init__(self, staff: Staff, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setStyleSheet(FORM_STYLE)
        self._general_error = make_error_label("general")
        self.errors = InlineErrors(self._general_error, {"old_password_wrong": "old_password"})
        self.form = QFormLayout()
        self.old_edit: QLineEdit | None = None

    def _password_field(self, name: str, caption: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        name_widget(edit, f"{name}_edit", accessible)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textChanged.connect(lambda _t: self.errors.clear(name))
        self.errors.add_row(self.form, caption, name, edit)
        return edit

    def _finish(self, intro: str, save_text: str) -> None:
        self.new_edit = self._password_field(
            "password",
            QCoreApplication.translate("PasswordForm", "&New password:"),
            QCoreApplication.translate("PasswordForm", "New password"),
        )
        self.confirm_edit = self._password_field(
            "confirm",
            QCoreApplication.translate("PasswordForm", "&Repeat it:"),
            QCoreApplication.translate("PasswordForm", "Repeat the new password"),
        )
        self.form.addRow(
            "",
            make_hint_label(
                QCoreApplication.translate(
                    "PasswordForm",
                    "At least {n} characters, not only digits, not the employee number.",
                ).format(n=accounts.MIN_LENGTH),
                "password_hint",
            ),
        )
        self.save_button = QPushButton(save_text)
        name_widget(self.save_button, "save_button", save_text.replace("&", ""))
        self.cancel_button = QPushButton(QCoreApplication.translate("PasswordForm", "Cancel"))
        name_widget(
            self.cancel_button,
            "cancel_button",
            QCoreApplication.translate("PasswordForm", "Cancel"),
        )
        box = save_cancel_box(self, self.save_button, self.cancel_button, self.save)
        self.save_button.setDefault(True)  # few fields: Enter in the last one saves
        intro_label = QLabel(intro)
        intro_label.setObjectName("intro_label")
        intro_label.setWordWrap(True)
        root = QVBoxLayout(self)
        root.addWidget(intro_label)
        root.addLayout(self.form)
        root.addWidget(self._general_error)
        root.addWidget(box)
        (self.old_edit or self.new_edit).setFocus()
        fit_to_contents(self, min_width=420)

    def _checked_password(self) -> str | None:
        """The new password when both fields agree and it follows the rules, else None."""
        password = self.new_edit.text()
        problems = accounts.validate_password(password, self.staff)
        mismatch = password != self.confirm_edit.text()
        if problems or mismatch:
            self.errors.show(problems)
            if mismatch:
                self.errors.show_message(
                    "confirm",
                    QCoreApplication.translate(
                        "PasswordForm", "The two passwords are not the same."
                    ),
                    focus=not problems,
                )
            return None
        return password

    def _refused(self, err: Exception) -> None:
        if isinstance(err, ValidationError):
            self.errors.show(err.errors)
            return
        assert isinstance(err, WorkflowError)
        self.errors.show(err)

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class ChangePasswordDialog(_PasswordForm):
    """The staff member chooses a new password for themselves."""

    def __init__(
        self, staff: Staff, old_password: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(staff, self.tr("Change password"), parent)
        self.setObjectName("change_password_dialog")
        self.old_password = old_password
        if old_password is None:
            self.old_edit = self._password_field(
                "old_password", self.tr("&Current password:"), self.tr("Current password")
            )
            intro = self.tr("Choose a new password for {name}.").format(name=staff.name)
        else:
            intro = self.tr(
                "{name}, your password was set by the head. Choose your own before you go on."
            ).format(name=staff.name)
        self._finish(intro, self.tr("&Change"))

    def save(self) -> None:
        password = self._checked_password()
        if password is None:
            return
        old = self.old_password if self.old_edit is None else self.old_edit.text()
        try:
            operations.run_op(
                self,
                lambda: accounts.change_password(self.staff, old or "", password),
                changes=ACCOUNT_CHANGES,
            )
        except (WorkflowError, ValidationError) as err:
            self._refused(err)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, staff: Staff, old_password: str | None = None) -> bool:
        """Show the dialog modally; whether the password was changed."""
        dialog = cls(staff, old_password, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class SetPasswordDialog(_PasswordForm):
    """The head gives ``staff`` an account, or a new password; they change it at login."""

    def __init__(self, staff: Staff, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(staff, self.tr("Set password"), parent)
        self.setObjectName("set_password_dialog")
        self.actor = actor
        self.has_account = accounts.account_of(staff) is not None
        if self.has_account:
            intro = self.tr(
                "A new password for {name}. The lock after wrong passwords is lifted."
            ).format(name=staff.name)
        else:
            intro = self.tr("{name} gets an account to log in with.").format(name=staff.name)
        if actor.id != staff.id:
            intro += " " + self.tr("They must choose their own password at their next login.")
        if not accounts.has_any_account():
            intro += " " + self.tr(
                "This is the first account: from the next start, the program asks everyone "
                "with an account to log in."
            )
        self._finish(intro, self.tr("&Save"))

    def save(self) -> None:
        password = self._checked_password()
        if password is None:
            return
        try:
            store = accounts.reset_password if self.has_account else accounts.create_account
            operations.run_op(
                self,
                lambda: store(self.staff, password, actor=self.actor),
                changes=ACCOUNT_CHANGES,
            )
        except (WorkflowError, ValidationError) as err:
            self._refused(err)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, staff: Staff, actor: Staff) -> bool:
        """Show the dialog modally; whether the password was stored."""
        dialog = cls(staff, actor, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
