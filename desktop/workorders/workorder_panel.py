"""The superior work orders (工单) of the outlet: a list with its own filters and actions.

The list is the table model of desktop.workorders.workorder_model, filtered in SQL by
open/all and by source; overdue rows are red and amber, like the cases.
New…, Reply… and Link to case… open their dialogs here; Import… is asked of whoever owns
the import (desktop.workorders.workorders_ui), because the File menu offers it too.

The list re-reads itself, keeping the selected work order, after every operation that
changed work orders, the complaints they are linked to or their deadlines
(desktop.kit.operations); one entered or replied to here is then selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Kind
from db.store.models import Outlet, Staff
from db.workorders.workorder_queries import WorkOrderRow, work_order
from desktop.kit import labels, operations
from desktop.workorders.workorder_model import (
    COLUMN_COUNT,
    RECOLOUR_INTERVAL_MS,
    WorkOrderTableModel,
)

# What the list shows: work orders, the complaints they are linked to, their reply times
# (some counted in working days) and who replied.
PANEL_KINDS = (Kind.WORK_ORDERS, Kind.CASES, Kind.DEADLINES, Kind.STAFF)


class WorkOrderPanel(QWidget):
    """Work orders with filters and the New…, Reply…, Link to case… and Import… buttons.

    Signals:
        workorders_changed(): a work order was entered, replied to or linked here.
        case_activated(int): the user asked to see the complaint a work order is linked to.
        import_requested(): the Import… button was pressed.
    """

    workorders_changed = Signal()
    case_activated = Signal(int)
    import_requested = Signal()

    def __init__(
        self,
        outlet: Outlet,
        actor: Staff | None,
        *,
        selected_case: Callable[[], int | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workOrderPanel")
        self._outlet = outlet
        self._actor = actor
        self._selected_case = selected_case
        self._model = WorkOrderTableModel(outlet, self)

        self._scope = QComboBox()
        self._scope.setObjectName("workOrderScope")
        self._scope.setAccessibleName(self.tr("Which work orders"))
        self._scope.addItem(self.tr("Not yet replied"), True)
        self._scope.addItem(self.tr("All work orders"), False)
        self._source = QComboBox()
        self._source.setObjectName("workOrderSource")
        self._source.setAccessibleName(self.tr("Work-order source filter"))
        self._source.addItem(self.tr("All sources"), None)
        for code, text in labels.choices("workorder_source"):
            self._source.addItem(text, code)
        for combo in (self._scope, self._source):
            combo.currentIndexChanged.connect(self._on_filter_changed)

        self.new_button = self._button(
            "newWorkOrderButton",
            self.tr("&New…"),
            self.tr("New work order"),
            self.tr("Enter a work order by hand"),
        )
        self.reply_button = self._button(
            "replyWorkOrderButton",
            self.tr("&Reply…"),
            self.tr("Reply to work order"),
            self.tr("Record who replied, when, and what"),
        )
        self.link_button = self._button(
            "linkWorkOrderButton",
            self.tr("&Link to case…"),
            self.tr("Link work order to a complaint"),
            self.tr("Link the work order to the outlet's complaint"),
        )
        self.import_button = self._button(
            "importWorkOrdersButton",
            self.tr("&Import…"),
            self.tr("Import work orders"),
            self.tr("Import work orders from a CSV or XLSX file"),
        )

        self._count = QLabel()
        self._count.setObjectName("workOrderCount")

        self._view = QTableView()
        self._view.setObjectName("workOrderTable")
        self._view.setAccessibleName(self.tr("Work orders"))
        self._view.setModel(self._model)
        self._view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setAlternatingRowColors(True)
        self._view.setWordWrap(False)
        self._view.verticalHeader().hide()
        self._view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self._view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self._view.doubleClicked.connect(self._on_double_clicked)
        self._view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._model.modelReset.connect(self._update_buttons)
        self._model.modelReset.connect(self._update_count)

        top = QHBoxLayout()
        top.addWidget(self._scope)
        top.addWidget(self._source)
        top.addWidget(self._count)
        top.addStretch(1)
        for button in (self.new_button, self.reply_button, self.link_button, self.import_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self._view, 1)

        self.new_button.clicked.connect(self.new_workorder)
        self.reply_button.clicked.connect(self.reply)
        self.link_button.clicked.connect(self.link_to_case)
        self.import_button.clicked.connect(self.import_requested)
        self._fit_columns()
        self._update_buttons()
        self._update_count()
        # Turn rows red or amber on time, without re-querying or losing the selection.
        self._recolour_timer = QTimer(self)
        self._recolour_timer.setInterval(RECOLOUR_INTERVAL_MS)
        self._recolour_timer.timeout.connect(self._model.recolour)
        self._recolour_timer.start()
        operations.refresh_on(self, PANEL_KINDS, self.refresh)

    # --- public ----------------------------------------------------------------------------

    def model(self) -> WorkOrderTableModel:
        return self._model

    def view(self) -> QTableView:
        return self._view

    def refresh(self) -> None:
        """Re-read the list, keeping the selected work order."""
        chosen = self.selected_id()
        was_empty = self._model.rowCount() == 0
        self._model.refresh()
        if was_empty:  # otherwise keep the widths the user may have set
            self._fit_columns()
        if chosen is not None:
            self.select(chosen)

    def show_open(self) -> None:
        """Back to the unreplied work orders of every source."""
        self._source.setCurrentIndex(0)
        self._scope.setCurrentIndex(0)

    def select(self, workorder_id: int) -> bool:
        row = self._model.row_of(workorder_id)
        if row is None:
            return False
        self._view.selectRow(row)
        self._view.scrollTo(self._model.index(row, 0))
        return True

    def selected_id(self) -> int | None:
        rows = self._view.selectionModel().selectedRows()
        return self._model.row_at(rows[0].row()).id if rows else None  # type: ignore[union-attr]

    def selected_row(self) -> WorkOrderRow | None:
        rows = self._view.selectionModel().selectedRows()
        return self._model.row_at(rows[0].row()) if rows else None

    def new_workorder(self) -> None:
        if self._actor is None:
            return
        from desktop.workorders.workorder_dialog import WorkOrderDialog  # loaded when opened

        order = WorkOrderDialog.ask(self, self._outlet, self._actor)
        if order is None:
            return
        self._changed(order.id)

    def reply(self) -> None:
        row = self.selected_row()
        if self._actor is None or row is None or row.replied_at is not None:
            return
        stored = work_order(row.id)
        if stored is None:  # gone since the list was read (a restore elsewhere)
            return
        from desktop.workorders.workorder_reply_dialog import WorkOrderReplyDialog

        order = WorkOrderReplyDialog.ask(self, self._outlet, self._actor, stored)
        if order is not None:
            self._changed(order.id)

    def link_to_case(self) -> None:
        row = self.selected_row()
        if self._actor is None or row is None or row.case_id is not None:
            return
        stored = work_order(row.id)
        if stored is None:  # gone since the list was read (a restore elsewhere)
            return
        from desktop.workorders.link_case_dialog import LinkCaseDialog

        case = LinkCaseDialog.ask(self, self._outlet, self._actor, stored, self._selected_case())
        if case is not None:
            self._changed(row.id)

    # --- internals -------------------------------------------------------------------------

    def _button(self, name: str, text: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    def _changed(self, workorder_id: int) -> None:
        # The list has re-read itself when the write was reported; show the work order.
        if not self.select(workorder_id):
            self.show_open()
            if not self.select(workorder_id):
                self._scope.setCurrentIndex(1)
                self.select(workorder_id)
        self.workorders_changed.emit()

    def _on_filter_changed(self) -> None:
        self._model.set_filter(
            open_only=bool(self._scope.currentData()), source=self._source.currentData()
        )
        self._fit_columns()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        row = self._model.row_at(index.row())
        if row is None:
            return
        if row.case_id is not None:
            self.case_activated.emit(row.case_id)
        elif row.replied_at is None:
            self.reply()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        can_act = self._actor is not None
        self.new_button.setEnabled(can_act)
        self.import_button.setEnabled(can_act)
        self.reply_button.setEnabled(can_act and row is not None and row.replied_at is None)
        self.link_button.setEnabled(can_act and row is not None and row.case_id is None)

    def _update_count(self) -> None:
        self._count.setText(self.tr("Listed: {count}").format(count=self._model.rowCount()))

    def _fit_columns(self) -> None:
        self._view.resizeColumnsToContents()
        header = self._view.horizontalHeader()
        cap = self.fontMetrics().averageCharWidth() * 28
        for column in range(COLUMN_COUNT):
            if header.sectionSize(column) > cap:
                header.resizeSection(column, cap)
