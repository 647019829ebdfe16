"""Link a superior work order to the outlet's complaint about the same matter.

The candidates are open complaints found with the case list's own search (db.intake.queries), by
default the work order's customer name; the complaint selected in the main window is offered
first. The rule is db.workorders.orders.link_workorder: a work order from the regulator makes the
complaint urgent (Q/PSBC 0004-2014), so the dialog says so before linking.
"""

from __future__ import annotations

import logging

from peewee import DatabaseError
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import WorkflowError
from db.intake import cases, queries
from db.intake.queries import CaseFilter
from db.store import codes
from db.store.models import Case, Outlet, Staff, WorkOrder, now
from db.workorders.orders import link_workorder
from desktop.cases.case_model import format_time
from desktop.kit import labels
from desktop.kit.common import save_shortcut
from desktop.kit.form_kit import FORM_STYLE, fit_to_contents, make_error_label, make_hint_label
from desktop.kit.refusals import RefusalErrors, name_widget

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 250
MAX_CANDIDATES = 50
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkCaseDialog(QDialog):
    """Choose the open complaint a work order is about, and link them.

    Use ``LinkCaseDialog.ask(parent, outlet, actor, work_order, selected_case_id)``; the
    linked Case, or None. Emits no signals.
    """

    def __init__(
        self,
        outlet: Outlet,
        actor: Staff,
        work_order: WorkOrder,
        selected_case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.work_order = work_order
        self.result_case: Case | None = None
        self._selected_case_id = selected_case_id
        self.setObjectName("link_case_dialog")
        title = self.tr("Link work order {number} to a complaint").format(number=work_order.number)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setStyleSheet(FORM_STYLE)

        self._general_error = make_error_label("general")
        self.errors = RefusalErrors(self._general_error)

        self.search_edit = QLineEdit(work_order.customer_name)
        name_widget(self.search_edit, "case_search_edit", self.tr("Search complaints"))
        self.search_edit.setPlaceholderText(self.tr("Case no., customer, description"))
        self.search_edit.setClearButtonEnabled(True)
        for button in self.search_edit.findChildren(QToolButton):
            name_widget(button, "case_search_clear", self.tr("Clear the search"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._timer.start)

        self.case_list = QListWidget()
        name_widget(self.case_list, "case_list", self.tr("Open complaints"))
        self.case_list.itemSelectionChanged.connect(self._update_buttons)
        self.case_list.itemDoubleClicked.connect(lambda _item: self.save())
        self.case_list.setMinimumHeight(180)

        self.link_button = QPushButton(self.tr("&Link"))
        name_widget(self.link_button, "link_button", self.tr("Link"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        name_widget(self.cancel_button, "cancel_button", self.tr("Cancel"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save_shortcut(self, self.link_button)

        source = labels.label("workorder_source", work_order.source)
        root = QVBoxLayout(self)
        root.addWidget(
            make_hint_label(
                self.tr("{source} · {number} · {customer}").format(
                    source=source, number=work_order.number, customer=work_order.customer_name
                ),
                "workorder_line",
            )
        )
        if work_order.source == codes.SOURCE_REGULATOR:
            warning = make_hint_label(
                self.tr(
                    "A work order from the regulator makes the complaint urgent "
                    "(Q/PSBC 0004-2014): it must be reported to the head at once."
                ),
                "regulator_hint",
            )
            warning.setProperty("role", "error")
            root.addWidget(warning)
        caption = QLabel(self.tr("&Search open complaints:"))
        caption.setBuddy(self.search_edit)
        root.addWidget(caption)
        root.addWidget(self.search_edit)
        root.addWidget(self.case_list, 1)
        root.addWidget(self._general_error)
        root.addWidget(buttons)
        self.reload()
        fit_to_contents(self, min_width=640)

    def reload(self) -> None:
        """Fill the list: the main window's selected complaint (if open), then matches."""
        self._timer.stop()
        self.errors.clear()
        self.case_list.clear()
        rows = queries.case_page(
            CaseFilter(status=queries.STATUS_OPEN, search=self.search_edit.text().strip()),
            at=now(),
            sort="received_at",
            limit=MAX_CANDIDATES,
        )
        seen: set[int] = set()
        selected = cases.get_case(self._selected_case_id) if self._selected_case_id else None
        if selected is not None and selected.is_open:
            self._add(
                selected.id,
                selected.case_no,
                selected.received_at,
                selected.customer_name,
                selected.status,
                self.tr("selected in the list"),
            )
            seen.add(selected.id)
        for row in rows:
            if row.id not in seen:
                self._add(row.id, row.case_no, row.received_at, row.customer_name, row.status)
        if self.case_list.count():
            self.case_list.setCurrentRow(0)
        self._update_buttons()

    def _add(self, case_id, case_no, received_at, customer, status, note: str = "") -> None:
        text = self.tr("{case_no} · {customer} · {received} · {status}").format(
            case_no=case_no,
            customer=customer,
            received=format_time(received_at),
            status=labels.label("status", status),
        )
        if note:
            text = f"{text} ({note})"
        item = QListWidgetItem(text)
        item.setData(CASE_ID_ROLE, case_id)
        self.case_list.addItem(item)

    def chosen_case_id(self) -> int | None:
        item = self.case_list.currentItem()
        return item.data(CASE_ID_ROLE) if item is not None and item.isSelected() else None

    def _update_buttons(self) -> None:
        self.link_button.setEnabled(self.chosen_case_id() is not None)

    def save(self) -> None:
        case_id = self.chosen_case_id()
        case = cases.get_case(case_id) if case_id is not None else None
        if case is None:
            return
        try:
            link_workorder(self.work_order, case, self.actor)
        except WorkflowError as err:
            self.errors.show_refusal(err)
            return
        except DatabaseError as exc:
            log.exception("linking a work order failed")
            self.errors.show_general(
                self.tr("The work order could not be linked: {error}").format(error=exc)
            )
            return
        self.result_case = case
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        outlet: Outlet,
        actor: Staff,
        work_order: WorkOrder,
        selected_case_id: int | None = None,
    ) -> Case | None:
        """Show the dialog modally; the linked Case, or None when cancelled."""
        dialog = cls(outlet, actor, work_order, selected_case_id, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_case
            return None
        finally:
            dialog.deleteLater()
