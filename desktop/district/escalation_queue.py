"""The escalation queue the district leads (Art. 11): the escalations its outlets sent to
the district branch's competent department, by where they stand, with the actions on the
selected one. Each action calls one db.district.workorders use case; a refusal is shown
as the rules word it."""

from __future__ import annotations

import getpass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.district import outbox, queries, workorders
from db.district.queries import QueueEntry
from db.errors import WorkflowError
from desktop.district.case_model import format_time
from desktop.district.department_dialog import DepartmentDialog
from desktop.district.escalation_text_dialog import EscalationTextDialog
from desktop.district.handling_text import handling_lines
from desktop.district.table_kit import restore_states, row_flags, save_states
from desktop.kit import labels, operations
from desktop.kit.common import name_widget
from desktop.kit.errors import workflow_error_message
from desktop.kit.i18n import QT_TRANSLATE_NOOP

HEADER_KEY = "district/queue_header"
SPLITTER_KEY = "district/queue_splitter"
_ROOT = QModelIndex()

COL_STATE = 0
COL_OUTLET = 1
COL_CASE_NO = 2
COL_ESCALATED_AT = 3
COL_BY = 4
COL_CUSTOMER = 5
COL_DEPARTMENT = 6
COLUMN_COUNT = 7


class QueueModel(QAbstractTableModel):
    """The queue as db.district.queries.escalation_queue returns it (a district leads
    hundreds of escalations, not millions: one query, no paging)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._state: str | None = queries.QUEUE_OPEN
        self._entries: list[QueueEntry] = []

    def set_state(self, state: str | None) -> None:
        self._state = state
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._entries = queries.escalation_queue(self._state)
        self.endResetModel()

    def entry_at(self, row: int) -> QueueEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, key: tuple[str, str, int]) -> int | None:
        for i, entry in enumerate(self._entries):
            if entry.key == key:
                return i
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("Where it stands"),
            self.tr("Outlet"),
            self.tr("Case no."),
            self.tr("Escalated"),
            self.tr("Escalated by"),
            self.tr("Customer"),
            self.tr("Department"),
        ]
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return row_flags(index)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        column = index.column()
        values = {
            COL_STATE: state_label(entry.state),
            COL_OUTLET: f"{entry.outlet_code} {entry.outlet_name}".strip(),
            COL_CASE_NO: entry.case_no,
            COL_ESCALATED_AT: format_time(entry.escalated_at),
            COL_BY: entry.by_name,
            COL_CUSTOMER: entry.customer_name,
            COL_DEPARTMENT: entry.department,
        }
        return values.get(column)


_STATE_WORDS = {
    queries.QUEUE_WAITING: QT_TRANSLATE_NOOP("EscalationQueue", "Waiting to be accepted"),
    queries.QUEUE_IN_HAND: QT_TRANSLATE_NOOP("EscalationQueue", "In hand"),
    queries.QUEUE_TO_SEND: QT_TRANSLATE_NOOP("EscalationQueue", "Result to send down"),
    queries.QUEUE_SENT: QT_TRANSLATE_NOOP("EscalationQueue", "Result sent down"),
}


def state_label(state: str) -> str:
    english = _STATE_WORDS.get(state)
    return QCoreApplication.translate("EscalationQueue", english) if english else state


class EscalationQueuePanel(QWidget):
    def __init__(self, settings: QSettings, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationQueuePanel")
        self._settings = settings
        self._officer = officer or getpass.getuser()
        self.state = name_widget(QComboBox(), "queueStateFilter", self.tr("Which escalations"))
        self.state.addItem(self.tr("Not yet sent down"), queries.QUEUE_OPEN)
        for state in queries.QUEUE_STATES:
            self.state.addItem(state_label(state), state)
        self.state.addItem(self.tr("All"), None)
        self.model = QueueModel(self)
        self.table = name_widget(QTableView(), "escalationQueueTable", self.tr("Escalation queue"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.summary = name_widget(
            QLabel(), "escalationSummary", self.tr("The selected escalation")
        )
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.accept_button = self._button("acceptButton", self.tr("&Accept"),
                                          self.tr("Accept the escalation"), self.accept_selected)  # fmt: skip
        self.department_button = self._button(
            "departmentButton", self.tr("Assign &department…"),
            self.tr("Assign the department leading it"), self.assign_department,
        )  # fmt: skip
        self.handling_button = self._button(
            "handlingButton", self.tr("Record &handling…"), self.tr("Record the handling"),
            self.record_handling,
        )  # fmt: skip
        self.result_button = self._button(
            "resultButton", self.tr("Record &result…"),
            self.tr("Record the result to send down"), self.record_result,
        )  # fmt: skip

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.state)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.department_button, self.handling_button,
                  self.result_button):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("escalationQueueSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        chain = (self.state, self.table, self.accept_button, self.department_button,
                 self.handling_button, self.result_button)  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.state.currentIndexChanged.connect(lambda _i: self._requery())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        operations.refresh_on(self, (Kind.CASES,), self._requery)
        self._restore_layout()
        self._requery()

    def _button(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        button = name_widget(QPushButton(text), name, accessible)
        button.clicked.connect(slot)
        return button

    # --- what is shown ---------------------------------------------------------------------

    def selected(self) -> QueueEntry | None:
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def select(self, key: tuple[str, str, int]) -> None:
        row = self.model.row_of(key)
        if row is not None:
            self.table.selectRow(row)

    def _requery(self) -> None:
        kept = self.selected()
        self.model.set_state(self.state.currentData())
        if kept is not None:
            self.select(kept.key)
        if self.selected() is None and self.model.rowCount():
            self.table.selectRow(0)
        self._show_selected()

    def _show_selected(self) -> None:
        entry = self.selected()
        self.accept_button.setEnabled(entry is not None and entry.accepted_at is None)
        accepted = entry is not None and entry.accepted_at is not None
        for b in (self.department_button, self.handling_button, self.result_button):
            b.setEnabled(accepted)
        self.summary.setText(self._summary(entry) if entry is not None else
                             self.tr("No escalation waits here."))  # fmt: skip

    def _summary(self, e: QueueEntry) -> str:
        lines = [
            self.tr("Case {case_no} of outlet {outlet} ({name}), escalated {time} by {by}").format(
                case_no=e.case_no,
                outlet=e.outlet_code,
                name=e.outlet_name,
                time=format_time(e.escalated_at),
                by=e.by_name,
            ),  # fmt: skip
            self.tr("Case status at the outlet: {status}").format(
                status=labels.label("status", e.case_status)
            ),
        ]
        if e.note:
            lines.append(self.tr("Reason given: {text}").format(text=e.note))
        lines.extend(handling_lines(e))
        if e.state == queries.QUEUE_TO_SEND:
            lines.append(self.tr("The result goes down in the next bundle to outlet {outlet} "
                                 "(with {n} item(s) in all waiting for it).").format(
                outlet=e.outlet_code, n=sum(outbox.pending_for(e.outlet_code))))  # fmt: skip
        elif e.state == queries.QUEUE_SENT and e.sent_down_at is not None:
            lines.append(self.tr("Sent down {time}").format(
                time=format_time(e.sent_down_at.astimezone())))  # fmt: skip
        return "\n".join(lines)

    # --- actions ---------------------------------------------------------------------------

    def _run(self, key: tuple[str, str, int], fn) -> object | None:
        """Run one use case as an operation; a refusal is shown, nothing else happens."""
        try:
            result = operations.run_op(self, fn, changes=Changes.of(Kind.CASES))
        except WorkflowError as error:
            QMessageBox.warning(self, self.tr("Refused"), workflow_error_message(error))
            return None
        self.select(key)
        return result

    def accept_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self._run(entry.key, lambda: workorders.accept_escalation(*entry.key, actor=self._officer))

    def assign_department(self) -> None:
        entry = self.selected()
        if entry is None:
            return

        def submit(department: str, counterpart: str):
            return operations.run_op(
                self,
                lambda: workorders.assign_department(
                    *entry.key, department, psbc_counterpart=counterpart, actor=self._officer
                ),
                changes=Changes.of(Kind.CASES),
            )

        if DepartmentDialog.ask(self, entry, submit) is not None:
            self.select(entry.key)

    def record_handling(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self._ask_text(
            entry,
            self.tr("Record the handling"),
            self.tr("How the department is handling it (replaces the earlier notes):"),
            entry.notes,
            lambda text: workorders.record_handling(*entry.key, text, actor=self._officer),
        )

    def record_result(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self._ask_text(
            entry,
            self.tr("Record the result"),
            self.tr("The result of the escalation; it goes down to the outlet in the next "
                    "bundle, and the outlet feeds it back to the customer (Art. 11):"),
            entry.result,
            lambda text: workorders.record_result(*entry.key, text, actor=self._officer),
        )  # fmt: skip

    def _ask_text(self, entry: QueueEntry, title: str, caption: str, text: str, use_case) -> None:
        def submit(value: str):
            return operations.run_op(self, lambda: use_case(value), changes=Changes.of(Kind.CASES))

        if EscalationTextDialog.ask(self, title, caption, text, submit) is not None:
            self.select(entry.key)

    # --- layout ----------------------------------------------------------------------------

    def _layout_parts(self) -> dict:
        return {HEADER_KEY: self.table.horizontalHeader(), SPLITTER_KEY: self.splitter}

    def _restore_layout(self) -> None:
        restore_states(self._settings, self._layout_parts())

    def save_layout(self) -> None:
        save_states(self._settings, self._layout_parts())
