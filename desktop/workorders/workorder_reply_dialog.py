"""Record the reply to a superior work order: who replied, when, and what (Art. 5).

The rule is db.workorders.orders.record_workorder_reply; the dialog shows the work order it is for,
collects the three facts and shows a refusal under the field it is about.
"""

from __future__ import annotations

import logging

from peewee import DatabaseError
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.intake import outlets
from db.management import staff_records
from db.store.models import Outlet, Staff, WorkOrder
from db.workorders.orders import record_workorder_reply
from desktop.cases.case_model import format_time
from desktop.kit import labels, operations
from desktop.kit.common import save_cancel_box
from desktop.kit.form_kit import DATETIME_FORMAT, FORM_STYLE, fit_to_contents, make_error_label
from desktop.kit.qt_dates import py_datetime
from desktop.kit.refusals import RefusalErrors, name_widget

log = logging.getLogger(__name__)


class WorkOrderReplyDialog(QDialog):
    """Record the reply sent to the superior body.

    Use ``WorkOrderReplyDialog.ask(parent, outlet, actor, work_order)``; the updated
    WorkOrder, or None. Emits no signals.
    """

    def __init__(
        self, outlet: Outlet, actor: Staff, work_order: WorkOrder, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.work_order = work_order
        self.result_order: WorkOrder | None = None
        self.setObjectName("workorder_reply_dialog")
        title = self.tr("Reply to work order {number}").format(number=work_order.number)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setStyleSheet(FORM_STYLE)

        self._general_error = make_error_label("general")
        self.errors = RefusalErrors(self._general_error)
        self.errors.alias("replied_at", "at")

        summary = QGroupBox(self.tr("Work order"))
        summary.setObjectName("workorder_summary")
        summary_form = QFormLayout(summary)
        source = labels.label("workorder_source", work_order.source)
        for caption, value, name in (
            (self.tr("Source:"), f"{source} · {work_order.number}", "summary_source"),
            (self.tr("Customer:"), work_order.customer_name, "summary_customer"),
            (self.tr("Reply by:"), format_time(work_order.reply_by), "summary_reply_by"),
            (self.tr("Content:"), work_order.content, "summary_content"),
        ):
            value_label = QLabel(value)
            value_label.setObjectName(name)
            value_label.setWordWrap(True)
            summary_form.addRow(caption, value_label)

        form = QFormLayout()
        self.replied_by_combo = QComboBox()
        name_widget(self.replied_by_combo, "replied_by_combo", self.tr("Replied by"))
        for staff in outlets.active_staff(outlet):
            role = labels.label("role", staff.role)
            self.replied_by_combo.addItem(f"{staff.name} · {role}", staff.id)
        index = self.replied_by_combo.findData(actor.id)
        self.replied_by_combo.setCurrentIndex(max(index, 0))
        self._row(form, self.tr("Replied b&y:"), "replied_by", self.replied_by_combo)

        self.replied_at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        name_widget(self.replied_at_edit, "replied_at_edit", self.tr("Replied at"))
        self.replied_at_edit.setCalendarPopup(True)
        self.replied_at_edit.setDisplayFormat(DATETIME_FORMAT)
        self.replied_at_edit.dateTimeChanged.connect(lambda _v: self.errors.clear("replied_at"))
        self._row(form, self.tr("Replied &at:"), "replied_at", self.replied_at_edit)

        self.content_edit = QPlainTextEdit()
        name_widget(self.content_edit, "reply_content_edit", self.tr("Reply"))
        self.content_edit.setPlaceholderText(self.tr("What was replied to the superior body"))
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setMinimumHeight(100)
        self.content_edit.textChanged.connect(lambda: self.errors.clear("content"))
        self._row(form, self.tr("&Reply:"), "content", self.content_edit)

        self.save_button = QPushButton(self.tr("&Save"))
        name_widget(self.save_button, "save_button", self.tr("Save"))
        self.save_button.setToolTip(self.tr("Record the reply (Ctrl+Return)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        name_widget(self.cancel_button, "cancel_button", self.tr("Cancel"))
        buttons = save_cancel_box(self, self.save_button, self.cancel_button, self.save)

        root = QVBoxLayout(self)
        root.addWidget(summary)
        root.addLayout(form)
        root.addWidget(self._general_error)
        root.addWidget(buttons)
        self.content_edit.setFocus()
        fit_to_contents(self, min_width=520)

    def _row(self, form: QFormLayout, text: str, name: str, widget: QWidget) -> None:
        self.errors.add_row(form, text, name, widget)

    def field_names(self) -> dict[str, str]:
        return {
            "at": self.tr("Replied at"),
            "received_at": self.tr("Received at"),
            "content": self.tr("Reply"),
        }

    def replier(self) -> Staff:
        staff_id = self.replied_by_combo.currentData()
        return staff_records.chosen_staff(staff_id) if staff_id is not None else self.actor

    def save(self) -> None:
        try:
            order = operations.run_op(
                self,
                lambda: record_workorder_reply(
                    self.work_order,
                    self.replier(),
                    content=self.content_edit.toPlainText(),
                    at=py_datetime(self.replied_at_edit.dateTime()),
                ),
                # The reply clock of a linked complaint stops too.
                changes=lambda order: Changes.cases(order.case_id, also=(Kind.WORK_ORDERS,)),
            )
        except WorkflowError as err:
            self.errors.show_refusal(err, None, self.field_names())
            return
        except DatabaseError as exc:
            log.exception("recording a work-order reply failed")
            self.errors.clear()
            self.errors.show_general(
                self.tr("The reply could not be saved: {error}").format(error=exc)
            )
            return
        self.result_order = order
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, outlet: Outlet, actor: Staff, work_order: WorkOrder
    ) -> WorkOrder | None:
        """Show the dialog modally; the updated WorkOrder, or None when cancelled."""
        dialog = cls(outlet, actor, work_order, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_order
            return None
        finally:
            dialog.deleteLater()
