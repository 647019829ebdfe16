"""The table model of the superior work orders (工单): one row a work order, read through a
named query (db.workorders.workorder_queries), filtered in SQL by open/all and by source.

An unreplied work order past its reply-by time is red, one past the warning share of its
time (rule breach_warning_share) amber, like the cases. The panel that shows it is
desktop.workorders.workorder_panel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from db.store.models import Outlet, now
from db.workorders.workorder_queries import WorkOrderRow, workorder_rows
from desktop.cases.case_model import (
    DUE_TODAY_BACKGROUND,
    OVERDUE_BACKGROUND,
    TINTED_FOREGROUND,
    format_short_time,
    format_time,
)
from desktop.kit import labels

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
