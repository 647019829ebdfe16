"""The superior work orders (工单) of the outlet: a list with its own filters and actions.

The list is a QAbstractTableModel over a named query (db.workorders.workorder_queries), filtered
in SQL by open/all and by source. An unreplied work order past its reply-by time is red,
one past the warning share of its time (rule breach_warning_share) amber, like the cases.
New…, Reply… and Link to case… open their dialogs here; Import… is asked of whoever owns
the import (desktop.workorders.workorders_ui), because the File menu offers it too.

The list re-reads itself, keeping the selected work order, after every operation that
changed work orders, the complaints they are linked to or their deadlines
(desktop.kit.operations); one entered or replied to here is then selected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
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
from db.store.models import Outlet, Staff, now
from db.workorders.workorder_queries import WorkOrderRow, work_order, workorder_rows
from desktop.cases.case_model import (
    DUE_TODAY_BACKGROUND,
    OVERDUE_BACKGROUND,
    TINTED_FOREGROUND,
    format_short_time,
    format_time,
)
from desktop.kit import labels, operations

(
    COL_SOURCE,
    COL_NUMBER,
    COL_RECEIVED,
    COL_REPLY_BY,
    COL_CUSTOMER,
    COL_CONCERNS,
    COL_HEAD_CALLBACK,
    COL_CASE,
    COL_REPLIED,
) = range(9)
COLUMN_COUNT = 9

WORKORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The work order's database id, the same for every column of a row."""
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The raw value of a cell (ISO text for times), for tests and delegates."""
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""The linked case's id, or None."""

CHECK = "✓"
RECOLOUR_INTERVAL_MS = 60_000

_ROOT = QModelIndex()


class WorkOrderTableModel(QAbstractTableModel):
    """The outlet's work orders, filtered in SQL.

    Signals:
        total_changed(int): the number of work orders listed changed.
    """

    total_changed = Signal(int)

    def __init__(
        self, outlet: Outlet, parent=None, *, clock: Callable[[], dt.datetime] = now
    ) -> None:
        super().__init__(parent)
        self._outlet = outlet
        self._clock = clock
        self._open_only = True
        self._source: str | None = None
        self._rows: list[WorkOrderRow] = []
        self._at = clock()
        self.refresh()

    # --- state -----------------------------------------------------------------------------

    @property
    def open_only(self) -> bool:
        return self._open_only

    @property
    def source(self) -> str | None:
        return self._source

    def set_filter(self, *, open_only: bool, source: str | None) -> None:
        self._open_only = open_only
        self._source = source or None
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._at = self._clock()
        old = len(self._rows)
        self._rows = workorder_rows(self._outlet, open_only=self._open_only, source=self._source)
        self.endResetModel()
        if len(self._rows) != old:
            self.total_changed.emit(len(self._rows))

    def recolour(self) -> None:
        self._at = self._clock()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, COLUMN_COUNT - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
            )

    def row_at(self, row: int) -> WorkOrderRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, workorder_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == workorder_id:
                return i
        return None

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips().get(section)
        return None

    def _titles(self) -> list[str]:
        return [
            self.tr("Source"),
            self.tr("Number"),
            self.tr("Received"),
            self.tr("Reply by"),
            self.tr("Customer"),
            self.tr("Concerns outlet"),
            self.tr("Head calls back"),
            self.tr("Case"),
            self.tr("Replied"),
        ]

    def _header_tips(self) -> dict[int, str]:
        return {
            COL_CONCERNS: self.tr(
                "The outlet helps with a work order that may concern it (Art. 5)"
            ),
            COL_HEAD_CALLBACK: self.tr("The head calls the customer back in person (Art. 5)"),
            COL_CASE: self.tr("The outlet's complaint about the same matter"),
            COL_REPLY_BY: self.tr("Red: overdue. Amber: most of the time used up."),
        }

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        column = index.column()
        if row is None or not 0 <= column < COLUMN_COUNT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column, accessible=role != Qt.ItemDataRole.DisplayRole)
        if role == WORKORDER_ID_ROLE:
            return row.id
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == SORT_KEY_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (COL_CONCERNS, COL_HEAD_CALLBACK):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = self._tint(row)
            return QBrush(tint) if tint is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TINTED_FOREGROUND) if self._tint(row) is not None else None
        return None

    def _display(self, row: WorkOrderRow, column: int, *, accessible: bool = False) -> str:
        today = self._at.date()
        if column == COL_SOURCE:
            return labels.label("workorder_source", row.source)
        if column == COL_NUMBER:
            return row.number
        if column == COL_RECEIVED:
            return format_short_time(row.received_at, today)
        if column == COL_REPLY_BY:
            return format_short_time(row.reply_by, today)
        if column == COL_CUSTOMER:
            return row.customer_name
        if column in (COL_CONCERNS, COL_HEAD_CALLBACK):
            flag = row.may_concern_outlet if column == COL_CONCERNS else row.head_callback_required
            if accessible:
                return self.tr("Yes") if flag else self.tr("No")
            return CHECK if flag else ""
        if column == COL_CASE:
            return row.case_no
        if column == COL_REPLIED:
            if row.replied_at is None:
                return self.tr("Not yet")
            return format_short_time(row.replied_at, today)
        return ""

    def _sort_key(self, row: WorkOrderRow, column: int):
        values = {
            COL_SOURCE: row.source,
            COL_NUMBER: row.number,
            COL_RECEIVED: row.received_at.isoformat(),
            COL_REPLY_BY: row.reply_by.isoformat(),
            COL_CUSTOMER: row.customer_name,
            COL_CONCERNS: int(row.may_concern_outlet),
            COL_HEAD_CALLBACK: int(row.head_callback_required),
            COL_CASE: row.case_no,
            COL_REPLIED: row.replied_at.isoformat() if row.replied_at else "",
        }
        return values.get(column)

    def _tint(self, row: WorkOrderRow):
        if row.overdue(self._at):
            return OVERDUE_BACKGROUND
        if row.near_breach(self._at):
            return DUE_TODAY_BACKGROUND
        return None

    def _tooltip(self, row: WorkOrderRow, column: int) -> str | None:
        if column in (COL_NUMBER, COL_CUSTOMER):
            return row.content
        if column == COL_REPLY_BY or column == COL_SOURCE:
            if row.overdue(self._at):
                return self.tr("Overdue since {time}").format(time=format_time(row.reply_by))
            if row.near_breach(self._at):
                return self.tr("Near its time limit: reply by {time}").format(
                    time=format_time(row.reply_by)
                )
            return self.tr("Reply by {time}").format(time=format_time(row.reply_by))
        if column == COL_REPLIED and row.replied_at is not None:
            return self.tr("Replied {time} by {name}").format(
                time=format_time(row.replied_at), name=row.replied_by
            )
        if column == COL_CASE and row.case_id is not None:
            return self.tr("Double-click to show the complaint")
        return None


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
        from desktop.workorders.workorder_reply_dialog import WorkOrderReplyDialog

        order = WorkOrderReplyDialog.ask(self, self._outlet, self._actor, work_order(row.id))
        if order is not None:
            self._changed(order.id)

    def link_to_case(self) -> None:
        row = self.selected_row()
        if self._actor is None or row is None or row.case_id is not None:
            return
        from desktop.workorders.link_case_dialog import LinkCaseDialog

        case = LinkCaseDialog.ask(
            self, self._outlet, self._actor, work_order(row.id), self._selected_case()
        )
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
