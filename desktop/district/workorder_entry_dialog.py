"""Entering one work order the district received from above (95580, 12378, a superior
office, a petition): its number, times, customer and content, and the outlet it goes to,
or none yet. The rule is db.district.workorders.enter_work_order (the outlet's rule for a
work order, with the reply-by always stated); a refusal is shown beside its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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

from db.district import workorder_queries
from db.errors import WorkflowError
from db.workorders.orders import NewWorkOrder
from desktop.kit import labels
from desktop.kit.common import name_widget, save_cancel_box
from desktop.kit.form_kit import DATETIME_FORMAT, FORM_STYLE, make_error_label, make_hint_label
from desktop.kit.qt_dates import py_datetime
from desktop.kit.refusals import RefusalErrors

# Refusals without a "field" parameter, and the field they are about.
_FIELD_OF_CODE = {
    "reply_by_required": "reply_by",
    "bad_phone": "customer_phone",
    "district_workorder_exists": "number",
    "district_workorder_exists_unassigned": "number",
    "district_outlet_not_enrolled": "outlet",
}

Submit = Callable[[NewWorkOrder, str | None], object]


class WorkOrderEntryDialog(QDialog):
    """Use ``WorkOrderEntryDialog.ask(parent, submit)``: ``submit(order, outlet_code)``
    stores it (or raises the refusal); the dialog returns what it returned."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtWorkOrderDialog")
        self.setAccessibleName(self.tr("New work order from above"))
        self.setWindowTitle(self.tr("New work order from above"))
        self.setStyleSheet(FORM_STYLE)
        self._submit = submit
        self.result_value: object = None
        self._general_error = make_error_label("general")
        self.errors = RefusalErrors(self._general_error, _FIELD_OF_CODE)
        form = QFormLayout()

        self.source = name_widget(QComboBox(), "sourceCombo", self.tr("Source"))
        self.source.addItem(self.tr("— choose —"), "")
        for code, text in labels.choices("workorder_source"):
            self.source.addItem(text, code)
        self.errors.add_row(form, self.tr("&Source:"), "source", self.source)
        self.number = name_widget(QLineEdit(), "numberEdit", self.tr("Work order number"))
        self.errors.add_row(form, self.tr("&Number:"), "number", self.number)
        now = QDateTime.currentDateTime()
        self.received = self._time_edit("receivedEdit", self.tr("Received at"), now)
        self.errors.add_row(form, self.tr("&Received at:"), "received_at", self.received)
        self.reply_by = self._time_edit("replyByEdit", self.tr("Reply by"), now.addDays(2))
        self.errors.add_row(form, self.tr("Reply &by:"), "reply_by", self.reply_by)
        self.customer = name_widget(QLineEdit(), "customerEdit", self.tr("Customer name"))
        self.errors.add_row(form, self.tr("Customer &name:"), "customer_name", self.customer)
        self.phone = name_widget(QLineEdit(), "phoneEdit", self.tr("Phone"))
        self.phone.setPlaceholderText(self.tr("Optional"))
        self.errors.add_row(form, self.tr("Ph&one:"), "customer_phone", self.phone, lines=2)
        self.content = name_widget(QPlainTextEdit(), "contentEdit", self.tr("Content"))
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(80)
        self.errors.add_row(form, self.tr("&Content:"), "content", self.content)
        self.concerns = name_widget(QCheckBox(self.tr("May concern the outlet")),
                                    "mayConcernCheck", self.tr("May concern the outlet"))  # fmt: skip
        self.concerns.setChecked(True)
        self.callback = name_widget(
            QCheckBox(self.tr("The head calls the customer back in person (Art. 5)")),
            "headCallbackCheck",
            self.tr("Head calls back in person"),
        )
        form.addRow("", self.concerns)
        form.addRow("", self.callback)
        self.outlet = name_widget(QComboBox(), "outletCombo", self.tr("Outlet it goes to"))
        self.outlet.addItem(self.tr("Not yet: assign it later"), None)
        for code, name in workorder_queries.assignable_outlets():
            self.outlet.addItem(f"{code} {name}", code)
        self.errors.add_row(form, self.tr("&Outlet:"), "outlet", self.outlet)

        save = name_widget(QPushButton(self.tr("&Save")), "save_button", self.tr("Save"))
        cancel = name_widget(QPushButton(self.tr("Cancel")), "cancel_button", self.tr("Cancel"))
        buttons = save_cancel_box(self, save, cancel, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(make_hint_label(self.tr(
            "A complaint the district received from 95580, the regulator (12378), a superior "
            "office or a petition; it goes down to the outlet concerned with the next bundle, "
            "and the outlet replies by the reply-by (Art. 5)."), "districtWorkOrderHint"))  # fmt: skip
        layout.addLayout(form)
        layout.addWidget(self._general_error)
        layout.addWidget(buttons)
        self.resize(540, self.sizeHint().height())

    def _time_edit(self, name: str, accessible: str, value: QDateTime) -> QDateTimeEdit:
        edit = name_widget(QDateTimeEdit(value), name, accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATETIME_FORMAT)
        return edit

    def draft(self) -> NewWorkOrder:
        def moment(edit: QDateTimeEdit) -> dt.datetime:
            return py_datetime(edit.dateTime()).replace(microsecond=0)

        return NewWorkOrder(
            source=self.source.currentData() or "",
            number=self.number.text(),
            received_at=moment(self.received),
            reply_by=moment(self.reply_by),
            customer_name=self.customer.text(),
            customer_phone=self.phone.text(),
            content=self.content.toPlainText(),
            may_concern_outlet=self.concerns.isChecked(),
            head_callback_required=self.callback.isChecked(),
        )

    def field_names(self) -> dict[str, str]:
        return {
            "source": self.tr("Source"),
            "number": self.tr("Number"),
            "received_at": self.tr("Received at"),
            "reply_by": self.tr("Reply by"),
            "customer_name": self.tr("Customer name"),
            "customer_phone": self.tr("Phone"),
            "content": self.tr("Content"),
            "outlet": self.tr("Outlet"),
        }

    def save(self) -> None:
        self.errors.clear()
        try:
            self.result_value = self._submit(self.draft(), self.outlet.currentData())
        except WorkflowError as error:
            self.errors.show_refusal(error, None, self.field_names())
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Submit) -> object | None:
        dialog = cls(submit, parent)
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
