"""First-run setup: the outlet this database serves and its head, who becomes the first user.

The rules are db.intake.outlets.validate_setup and setup_outlet; the dialog shows their
problems under each field and stays open until the outlet is stored. The head chooses a
password here: db creates the head's account in the same transaction as the outlet, so
from the next start on the program asks for a login.
"""

from __future__ import annotations

import logging

from peewee import DatabaseError
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.intake import outlets
from db.intake.validation import ValidationError
from db.store.models import Outlet, Staff
from db.trust import accounts
from desktop.kit import operations
from desktop.kit.form_kit import (
    FORM_STYLE,
    InlineErrors,
    fit_to_contents,
    make_error_label,
    make_hint_label,
)

log = logging.getLogger(__name__)


class FirstRunDialog(QDialog):
    """Create the outlet and its head.

    Use ``FirstRunDialog.ask(parent)``; after acceptance ``result_setup`` holds
    ``(outlet, head)``. Emits no signals of its own.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result_setup: tuple[Outlet, Staff] | None = None
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("First-run setup"))
        self.setAccessibleName(self.tr("First-run setup"))
        self.setStyleSheet(FORM_STYLE)

        self._general_error = make_error_label("general")
        self.errors = InlineErrors(self._general_error)
        self._tab_order: list[QWidget] = []

        welcome = QLabel(
            self.tr(
                "Welcome to Complaint Desk. Tell it which outlet it serves and who heads it. "
                "As the head you are the first person responsible for complaints at the "
                "outlet (Art. 5); you can add your staff afterwards."
            )
        )
        welcome.setObjectName("welcome_label")
        welcome.setWordWrap(True)

        outlet_group = QGroupBox(self.tr("Outlet"))
        outlet_group.setObjectName("outlet_group")
        outlet_form = QFormLayout(outlet_group)
        self.outlet_name_edit = self._field(
            outlet_form, "outlet_name", self.tr("Outlet &name:"), self.tr("Outlet name")
        )
        self.outlet_code_edit = self._field(
            outlet_form,
            "outlet_code",
            self.tr("Outlet &code:"),
            self.tr("Outlet code"),
            self.tr("e.g. BJ0101"),
        )
        outlet_form.addRow(
            "",
            make_hint_label(
                self.tr("Letters, digits, - and _. It starts every case number."),
                "outlet_code_hint",
            ),
        )
        self.district_branch_edit = self._field(
            outlet_form,
            "district_branch",
            self.tr("&District branch:"),
            self.tr("District branch"),
        )

        head_group = QGroupBox(self.tr("Outlet head"))
        head_group.setObjectName("head_group")
        head_form = QFormLayout(head_group)
        self.head_name_edit = self._field(
            head_form, "head_name", self.tr("Head's na&me:"), self.tr("Head's name")
        )
        self.head_employee_no_edit = self._field(
            head_form,
            "head_employee_no",
            self.tr("&Employee number:"),
            self.tr("Head's employee number"),
        )
        self.password_edit = self._field(
            head_form, "password", self.tr("&Password:"), self.tr("Head's password")
        )
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_confirm_edit = self._field(
            head_form,
            "password_confirm",
            self.tr("&Repeat the password:"),
            self.tr("Repeat the head's password"),
        )
        self.password_confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        head_form.addRow(
            "",
            make_hint_label(
                self.tr(
                    "You log in with your employee number and this password. At least {n} "
                    "characters, not only digits, not the employee number."
                ).format(n=accounts.MIN_LENGTH),
                "password_hint",
            ),
        )

        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setObjectName("start_button")
        self.start_button.setAccessibleName(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Create the outlet (Ctrl+Return)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        # Few fields, so Enter in the last one may submit: the start button is the default.
        self.start_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._tab_order += [self.start_button, self.cancel_button]
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)

        root = QVBoxLayout(self)
        root.addWidget(welcome)
        root.addWidget(outlet_group)
        root.addWidget(head_group)
        root.addWidget(self._general_error)
        root.addStretch(1)
        root.addWidget(buttons)

        for before, after in zip(self._tab_order, self._tab_order[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.outlet_name_edit.setFocus()
        fit_to_contents(self, min_width=480)

    def _field(
        self,
        form: QFormLayout,
        name: str,
        caption_text: str,
        accessible: str,
        placeholder: str = "",
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"{name}_edit")
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self.errors.clear(name))
        self.errors.add_row(form, caption_text, name, edit)
        self._tab_order.append(edit)
        return edit

    def form_data(self) -> outlets.OutletSetup:
        return outlets.OutletSetup(
            outlet_name=self.outlet_name_edit.text(),
            outlet_code=self.outlet_code_edit.text(),
            district_branch=self.district_branch_edit.text(),
            head_name=self.head_name_edit.text(),
            head_employee_no=self.head_employee_no_edit.text(),
            password=self.password_edit.text(),
        )

    def passwords_match(self) -> bool:
        return self.password_edit.text() == self.password_confirm_edit.text()

    def save(self) -> None:
        """Create the outlet, its head and the head's account and close, or show every
        problem and stay open."""
        data = self.form_data()
        problems = outlets.validate_setup(data)
        if problems or not self.passwords_match():
            self.errors.show(problems)
            if not self.passwords_match():
                self._show_mismatch(focus=not problems)
            return
        try:
            # A new outlet: anything a view could show is new.
            result = operations.run_op(
                self, lambda: outlets.setup_outlet(data), changes=Changes.everything()
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except DatabaseError as exc:
            log.exception("first-run setup failed")
            self.errors.clear()
            self.errors.show_general(self.tr("The outlet could not be saved: {0}").format(exc))
            return
        self.result_setup = result
        self.accept()

    def _show_mismatch(self, *, focus: bool) -> None:
        self.errors.show_message(
            "password_confirm", self.tr("The two passwords are not the same."), focus=focus
        )

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[Outlet, Staff] | None:
        """Show the dialog modally; ``(outlet, head)``, or None when cancelled."""
        result = cls.ask_with_password(parent)
        return None if result is None else result[:2]

    @classmethod
    def ask_with_password(cls, parent: QWidget | None = None) -> tuple[Outlet, Staff, str] | None:
        """As :meth:`ask`, with the head's new password, which wraps the database key."""
        dialog = cls(parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_setup is not None:
                outlet, head = dialog.result_setup
                return outlet, head, dialog.password_edit.text()
            return None
        finally:
            dialog.deleteLater()
