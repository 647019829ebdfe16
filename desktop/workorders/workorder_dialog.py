"""Enter a superior work order (工单) by hand: source, number, times, customer, flags.

The rules are db.workorders.orders.validate_workorder / create_workorder; this dialog collects the
fields and shows a refusal under the field it is about. A work order from the regulator
(12378) that states no reply-by gets the outlet's internal limit (a rule setting, N working
days, never later than the complaint's 15-day decision deadline); the dialog works it out
and shows it before saving, and says so when it is counted into a year whose official
working-day schedule is not entered. (CBIRC Art. 33's 7 working days are the regulator's
time to forward a complaint, not the outlet's reply limit.)
"""

from __future__ import annotations

import logging

from peewee import DatabaseError
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.handling import deadlines, rules
from db.store import codes
from db.store.models import Outlet, Staff, WorkOrder
from db.workorders.orders import NewWorkOrder, create_workorder
from desktop.kit import labels, operations
from desktop.kit.common import save_cancel_box
from desktop.kit.form_kit import (
    DATETIME_FORMAT,
    FORM_STYLE,
    fit_to_contents,
    make_error_label,
    make_hint_label,
)
from desktop.kit.qt_dates import py_datetime, qdatetime
from desktop.kit.refusals import RefusalErrors, name_widget
from desktop.settings import calendar_gap

log = logging.getLogger(__name__)

# Refusals without a "field" parameter, and the field they are about.
_FIELD_OF_CODE = {
    "reply_by_required": "reply_by",
    "bad_phone": "customer_phone",
    "workorder_duplicate": "number",
}


def refused_field(err: WorkflowError) -> str | None:
    """The form field a refusal of db.workorders.orders is about, or None for the whole form."""
    field = err.params.get("field")
    if isinstance(field, str):
        return field
    return _FIELD_OF_CODE.get(err.code)


class WorkOrderDialog(QDialog):
    """Enter a work order by hand.

    Use ``WorkOrderDialog.ask(parent, outlet, actor)``; after acceptance ``result_order``
    holds the stored WorkOrder. Emits no signals: the caller refreshes its views.
    """

    def __init__(self, outlet: Outlet, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.result_order: WorkOrder | None = None
        self.setObjectName("workorder_dialog")
        self.setWindowTitle(self.tr("New work order"))
        self.setAccessibleName(self.tr("New work order"))
        self.setStyleSheet(FORM_STYLE)

        self._general_error = make_error_label("general")
        self.errors = RefusalErrors(self._general_error, _FIELD_OF_CODE)
        form = QFormLayout()

        self.source_combo = QComboBox()
        name_widget(self.source_combo, "source_combo", self.tr("Source"))
        self.source_combo.addItem(self.tr("— choose —"), "")
        for code, text in labels.choices("workorder_source"):
            self.source_combo.addItem(text, code)
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self._row(form, self.tr("&Source:"), "source", self.source_combo)

        self.number_edit = QLineEdit()
        name_widget(self.number_edit, "number_edit", self.tr("Work order number"))
        self.number_edit.setPlaceholderText(self.tr("As printed on the work order"))
        self.number_edit.textChanged.connect(lambda _t: self.errors.clear("number"))
        self._row(form, self.tr("&Number:"), "number", self.number_edit)

        now = QDateTime.currentDateTime()
        self.received_edit = self._datetime_edit("received_at", self.tr("Received at"), now)
        self.received_edit.dateTimeChanged.connect(self._update_default_reply_by)
        self._row(form, self.tr("&Received at:"), "received_at", self.received_edit)

        self.reply_by_edit = self._datetime_edit("reply_by", self.tr("Reply by"), now.addDays(1))
        self.default_reply_box = QCheckBox()
        name_widget(
            self.default_reply_box,
            "default_reply_by_check",
            self.tr("None stated: use the internal limit"),
        )
        self.default_reply_box.toggled.connect(self._update_default_reply_by)
        reply_box = QWidget()
        reply_layout = QVBoxLayout(reply_box)
        reply_layout.setContentsMargins(0, 0, 0, 0)
        reply_layout.setSpacing(2)
        reply_layout.addWidget(self.reply_by_edit)
        reply_layout.addWidget(self.default_reply_box)
        self.errors.add_row(
            form,
            self.tr("Reply &by:"),
            "reply_by",
            reply_box,
            highlight=self.reply_by_edit,
            focus=self.reply_by_edit,
        )

        self.customer_name_edit = QLineEdit()
        name_widget(self.customer_name_edit, "customer_name_edit", self.tr("Customer name"))
        self.customer_name_edit.textChanged.connect(lambda _t: self.errors.clear("customer_name"))
        self._row(form, self.tr("Customer &name:"), "customer_name", self.customer_name_edit)

        self.customer_phone_edit = QLineEdit()
        name_widget(self.customer_phone_edit, "customer_phone_edit", self.tr("Phone"))
        self.customer_phone_edit.setPlaceholderText(self.tr("Optional"))
        self.customer_phone_edit.textChanged.connect(lambda _t: self.errors.clear("customer_phone"))
        # A bad number's message is long: two lines for it.
        self.errors.add_row(
            form, self.tr("Ph&one:"), "customer_phone", self.customer_phone_edit, lines=2
        )

        self.content_edit = QPlainTextEdit()
        name_widget(self.content_edit, "content_edit", self.tr("Content"))
        self.content_edit.setPlaceholderText(self.tr("What the customer complains about"))
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setMinimumHeight(90)
        self.content_edit.textChanged.connect(lambda: self.errors.clear("content"))
        self._row(form, self.tr("&Content:"), "content", self.content_edit)

        self.concerns_box = QCheckBox(self.tr("May concern the outlet: we help with it"))
        name_widget(
            self.concerns_box, "may_concern_outlet_check", self.tr("May concern the outlet")
        )
        self.concerns_box.setToolTip(
            self.tr("The head helps with work orders that may concern the outlet (Art. 5)")
        )
        self.callback_box = QCheckBox(self.tr("The head calls the customer back in person"))
        name_widget(self.callback_box, "head_callback_check", self.tr("Head calls back in person"))
        self.callback_box.setToolTip(
            self.tr("Work-order customers are called back by the head in person (Art. 5)")
        )
        flags = QWidget()
        flags_layout = QVBoxLayout(flags)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        flags_layout.addWidget(self.concerns_box)
        flags_layout.addWidget(self.callback_box)
        form.addRow(self.tr("Flags:"), flags)

        self.save_button = QPushButton(self.tr("&Save"))
        name_widget(self.save_button, "save_button", self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the work order (Ctrl+Return)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        name_widget(self.cancel_button, "cancel_button", self.tr("Cancel"))
        buttons = save_cancel_box(self, self.save_button, self.cancel_button, self.save)

        root = QVBoxLayout(self)
        root.addWidget(
            make_hint_label(
                self.tr(
                    "A complaint sent down by 95580, the regulator (12378), a superior office "
                    "or a petition. Reply by its time limit (Art. 5)."
                ),
                "workorder_hint",
            )
        )
        root.addLayout(form)
        root.addWidget(self._general_error)
        root.addWidget(buttons)
        self.calendar_notice = calendar_gap.add_to_layout(
            root, actor, self.default_gap_years, root.indexOf(self._general_error)
        )
        self.calendar_notice.calendar_changed.connect(self._update_default_reply_by)
        self._on_source_changed()
        self.source_combo.setFocus()
        fit_to_contents(self, min_width=520)

    # --- building ------------------------------------------------------------------------

    def _row(self, form: QFormLayout, text: str, name: str, widget: QWidget) -> None:
        self.errors.add_row(form, text, name, widget)

    def _datetime_edit(self, name: str, accessible: str, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(value)
        name_widget(edit, f"{name}_edit", accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATETIME_FORMAT)
        edit.dateTimeChanged.connect(lambda _v: self.errors.clear(name))
        return edit

    def field_names(self) -> dict[str, str]:
        return {
            "source": self.tr("Source"),
            "number": self.tr("Number"),
            "received_at": self.tr("Received at"),
            "reply_by": self.tr("Reply by"),
            "customer_name": self.tr("Customer name"),
            "customer_phone": self.tr("Phone"),
            "content": self.tr("Content"),
        }

    # --- live feedback -------------------------------------------------------------------

    def _is_regulator(self) -> bool:
        return self.source_combo.currentData() == codes.SOURCE_REGULATOR

    def _on_source_changed(self) -> None:
        self.errors.clear("source")
        regulator = self._is_regulator()
        days = int(rules.get("workorder_reply_working_days"))
        self.default_reply_box.setText(
            self.tr(
                "None stated: the internal limit, {days} working days after receipt, at the "
                "latest the complaint's decision deadline"
            ).format(days=days)
        )
        self.default_reply_box.setToolTip(
            self.tr(
                "The outlet's or district's limit for a work order without a reply-by (a rule "
                "setting; this program's default). The regulator's 7 working days (CBIRC "
                "Art. 33) are its own time to forward the complaint."
            )
        )
        self.default_reply_box.setVisible(regulator)
        if not regulator:
            self.default_reply_box.setChecked(False)
        self._update_default_reply_by()

    def _uses_default(self) -> bool:
        return self._is_regulator() and self.default_reply_box.isChecked()

    def default_gap_years(self) -> tuple[int, ...]:
        """Years without an official schedule the default reply-by is counted across."""
        if not self._uses_default():
            return ()
        received = py_datetime(self.received_edit.dateTime()).replace(microsecond=0)
        return deadlines.default_reply_by(received).uncovered_years

    def _update_default_reply_by(self) -> None:
        use_default = self._uses_default()
        self.reply_by_edit.setEnabled(not use_default)
        if use_default:
            received = py_datetime(self.received_edit.dateTime()).replace(microsecond=0)
            default = deadlines.default_reply_by(received)
            if default.deadline is not None:
                self.reply_by_edit.setDateTime(qdatetime(default.deadline))
        if hasattr(self, "calendar_notice"):
            self.calendar_notice.show_years(self.default_gap_years())

    # --- saving --------------------------------------------------------------------------

    def form_data(self) -> NewWorkOrder:
        use_default = self._uses_default()
        return NewWorkOrder(
            source=self.source_combo.currentData() or "",
            number=self.number_edit.text(),
            received_at=py_datetime(self.received_edit.dateTime()),
            reply_by=None if use_default else py_datetime(self.reply_by_edit.dateTime()),
            customer_name=self.customer_name_edit.text(),
            customer_phone=self.customer_phone_edit.text(),
            content=self.content_edit.toPlainText(),
            may_concern_outlet=self.concerns_box.isChecked(),
            head_callback_required=self.callback_box.isChecked(),
        )

    def save(self) -> None:
        """Store the work order and close, or show why not and stay open."""
        data = self.form_data()
        try:
            order = operations.run_op(
                self,
                lambda: create_workorder(self.outlet, data, self.actor),
                changes=Changes.of(Kind.WORK_ORDERS),
            )
        except WorkflowError as err:
            self.errors.show_refusal(err, None, self.field_names())
            return
        except DatabaseError as exc:
            log.exception("storing a work order failed")
            self.errors.clear()
            self.errors.show_general(
                self.tr("The work order could not be saved: {error}").format(error=exc)
            )
            return
        self.result_order = order
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, outlet: Outlet, actor: Staff) -> WorkOrder | None:
        """Show the dialog modally; the stored WorkOrder, or None when cancelled."""
        dialog = cls(outlet, actor, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_order
            return None
        finally:
            dialog.deleteLater()
