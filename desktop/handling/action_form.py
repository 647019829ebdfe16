"""What every case-action dialog shares: a form, the refusals beside their fields, Save/Cancel.

The dialogs collect what an action needs and call the one db/ function that does it. The
rules are there, not here: when the function refuses (``WorkflowError``, carrying every bad
field of the draft), each refusal is shown translated under its field, which is outlined
in red, a refusal about the whole action above the buttons, the dialog stays open, and
nothing has been written (the db/ function checks everything before its first write).
Each dialog module subclasses :class:`ActionDialog` and implements ``commit()``, which runs
as an operation (desktop.kit.operations): once it has written, every view showing the case
re-reads it. ``changes()`` says what an action changes, the case itself unless a dialog
says more.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from peewee import DatabaseError
from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.intake import outlets
from db.management import staff_records
from db.store.models import Case, Staff
from desktop.kit import labels, operations
from desktop.kit.common import name_widget, save_shortcut  # noqa: F401 (re-exported)
from desktop.kit.form_kit import (
    FORM_STYLE,
    FieldForm,
    FormErrors,
    fit_to_contents,
    make_error_label,
    make_hint_label,
    set_invalid,  # noqa: F401 (re-exported)
)
from desktop.kit.qt_dates import py_datetime, qdatetime

log = logging.getLogger(__name__)

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
MIN_WIDTH = 460

D = TypeVar("D", bound="ActionDialog")


def staff_text(person: Staff) -> str:
    return f"{person.name} · {labels.label('role', person.role)}"


def to_python(edit: QDateTimeEdit) -> dt.datetime:
    return py_datetime(edit.dateTime()).replace(microsecond=0)


def required_choice(combo: QComboBox, field: str) -> str:
    """The chosen code, or "" for db/ to refuse as "required" beside the other problems."""
    del field  # db/ names the field
    return str(combo.currentData() or "")


class ActionDialog(QDialog):
    """Base of the case-action dialogs.

    Texts here go through ``QCoreApplication.translate("ActionDialog", ...)``: ``self.tr``
    would look them up under the subclass's name, where lupdate never put them.

    Subclasses build their fields in ``__init__`` with the helpers below and implement
    ``commit()``, which calls the db/ function and returns its result. ``ask()`` returns
    that result, or None when cancelled.
    """

    # Refusals without a ``field`` parameter that are still about one field of the form.
    CODE_FIELDS: dict[str, str] = {}
    # What the action changes besides the case itself (db.changes.Kind).
    ALSO_CHANGES: tuple[Kind, ...] = ()

    def __init__(
        self,
        case: Case,
        actor: Staff,
        parent: QWidget | None,
        *,
        object_name: str,
        title: str,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.actor = actor
        self.result_value: Any = None
        self._fields: dict[str, QWidget] = {}
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setStyleSheet(FORM_STYLE)

        self.intro = make_hint_label(intro, f"{object_name}_intro")
        self.intro.setVisible(bool(intro))
        self.form = FieldForm()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = make_error_label("general")
        self.error_label.setAccessibleName(QCoreApplication.translate("ActionDialog", "Problem"))
        self.errors = FormErrors(self.error_label, self.CODE_FIELDS)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(QCoreApplication.translate("ActionDialog", "&Save"))
        name_widget(
            self.save_button, "save_button", QCoreApplication.translate("ActionDialog", "Save")
        )
        self.save_button.setToolTip(
            QCoreApplication.translate("ActionDialog", "Save (Ctrl+Return)")
        )
        self.cancel_button = QPushButton(QCoreApplication.translate("ActionDialog", "Cancel"))
        name_widget(
            self.cancel_button,
            "cancel_button",
            QCoreApplication.translate("ActionDialog", "Cancel"),
        )
        self.cancel_button.setToolTip(
            QCoreApplication.translate("ActionDialog", "Close without saving (Esc)")
        )
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_shortcut(self, self.save_button)

        case_line = QLabel(
            QCoreApplication.translate("ActionDialog", "Complaint {case_no} · {customer}").format(
                case_no=case.case_no, customer=case.customer_name
            )
        )
        case_line.setObjectName("action_case_line")
        bold = case_line.font()
        bold.setBold(True)
        case_line.setFont(bold)

        self.root = QVBoxLayout(self)
        self.root.addWidget(case_line)
        self.root.addWidget(self.intro)
        self.root.addLayout(self.form)
        self.root.addWidget(self.error_label)
        self.root.addWidget(self.buttons)

    # --- building helpers ----------------------------------------------------------------

    def set_title(self, title: str) -> None:
        self.setWindowTitle(title)
        self.setAccessibleName(title)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_row(
        self, caption: str, field: str, widget: QWidget, form: QFormLayout | None = None
    ) -> QWidget:
        """A labelled row over its error line; ``field`` is the db/ field name a refusal
        may point at, and the caption is the name the refusal reads."""
        self.errors.add_row(self.form if form is None else form, caption, field, widget)
        self._fields[field] = widget
        return widget

    def add_hint(self, text: str, name: str) -> QLabel:
        hint = make_hint_label(text, name)
        self.form.addRow(hint)
        return hint

    def line_edit(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        name_widget(edit, f"{name}_edit", accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self._edited(edit))
        return edit

    def text_edit(
        self, name: str, accessible: str, placeholder: str = "", *, lines: int = 3
    ) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        name_widget(edit, f"{name}_edit", accessible)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(lambda: self._edited(edit))
        return edit

    def datetime_edit(
        self, name: str, accessible: str, value: dt.datetime | None = None
    ) -> QDateTimeEdit:
        start = qdatetime(value) if value is not None else QDateTime.currentDateTime()
        edit = QDateTimeEdit(start)
        name_widget(edit, f"{name}_edit", accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATETIME_FORMAT)
        edit.dateTimeChanged.connect(lambda _v: self._edited(edit))
        return edit

    def code_combo(
        self, kind: str, name: str, accessible: str, *, placeholder: bool = True
    ) -> QComboBox:
        combo = QComboBox()
        name_widget(combo, f"{name}_combo", accessible)
        if placeholder:
            combo.addItem(QCoreApplication.translate("ActionDialog", "— choose —"), "")
        for code, text in labels.choices(kind):
            combo.addItem(text, code)
        combo.currentIndexChanged.connect(lambda _i: self._edited(combo))
        return combo

    def staff_combo(
        self,
        name: str,
        accessible: str,
        *,
        people: Iterable[Staff] | None = None,
        default: Staff | None = None,
    ) -> QComboBox:
        combo = QComboBox()
        name_widget(combo, f"{name}_combo", accessible)
        for person in people if people is not None else outlets.active_staff(self.case.outlet):
            combo.addItem(staff_text(person), person.id)
        if default is not None:
            index = combo.findData(default.id)
            if index >= 0:
                combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(lambda _i: self._edited(combo))
        return combo

    def check_box(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        name_widget(box, f"{name}_check", text.replace("&", ""))
        box.toggled.connect(lambda _c: self._edited(box))
        return box

    def finish_layout(self) -> None:
        """Call at the end of a subclass's ``__init__``: size the dialog to its content."""
        fit_to_contents(self, min_width=MIN_WIDTH)

    @staticmethod
    def chosen_staff(combo: QComboBox) -> Staff | None:
        staff_id = combo.currentData()
        return staff_records.staff_member(staff_id)

    # --- errors ----------------------------------------------------------------------------

    def show_error(self, message: str, field: str | None = None) -> None:
        """A message of the dialog's own: beside ``field``, else above the buttons."""
        self.errors.clear()
        if field is not None and self.errors.has(field):
            self.errors.show_message(field, message)
        else:
            self.errors.show_general(message)

    def clear_error(self, field: str | None = None) -> None:
        """Clear every message, or with ``field`` only that field's."""
        self.errors.clear(field if field is not None and self.errors.has(field) else None)

    def _edited(self, widget: QWidget) -> None:
        """The user changed ``widget``: a refusal about it is out of date."""
        field = next((name for name, each in self._fields.items() if each is widget), None)
        if field is not None:
            self.errors.clear(field)

    def error_text(self) -> str:
        """Every message now shown, or ""; for tests and screen readers."""
        return self.errors.text()

    # --- saving ----------------------------------------------------------------------------

    def commit(self) -> Any:
        """Call the db/ function; return its result or raise WorkflowError."""
        raise NotImplementedError

    def changes(self, result: Any) -> Changes:
        """What the saved action changed: the case (its status, clocks, timeline)."""
        del result
        return Changes.cases(self.case.id, also=self.ALSO_CHANGES)

    def save(self) -> None:
        """Run the action and close, or show why it was refused and stay open."""
        try:
            result = operations.run_op(self, self.commit, changes=self.changes)
        except WorkflowError as err:
            self.errors.show(err)
            return
        except DatabaseError as exc:
            log.exception("a case action failed")
            self.show_error(
                QCoreApplication.translate("ActionDialog", "Nothing was saved: {error}").format(
                    error=exc
                )
            )
            return
        self.result_value = result
        self.accept()

    @classmethod
    def run(cls: type[D], dialog: D) -> Any:
        """Show ``dialog`` modally; its result, or None when cancelled."""
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value
            return None
        finally:
            dialog.deleteLater()

    @classmethod
    def ask(cls, parent: QWidget | None, case: Case, actor: Staff) -> Any:
        # A concrete action dialog names and titles itself: its constructor takes only
        # (case, actor, parent), which the base's keyword-only signature cannot say.
        make = cast("Callable[[Case, Staff, QWidget | None], ActionDialog]", cls)
        return cls.run(make(case, actor, parent))
