"""The district's work orders as a Qt table model paged from SQL
(db.district.workorder_queries): the filter, the sort and the rows fetched so far, the next
200 fetched as the view scrolls; sorting and filtering re-query, nothing is sorted or
filtered in Python. A reply is shown against the reply-by: on time, late or overdue, each
in its own colour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from db.changes import Kind
from db.district import workorder_queries as wq
from db.district.workorder_queries import WorkOrderFilter, WorkOrderRow
from desktop.district.case_model import OVERDUE_BACKGROUND, TINTED_FOREGROUND, format_time
from desktop.district.table_kit import row_flags
from desktop.kit import labels, operations
from desktop.kit.i18n import QT_TRANSLATE_NOOP
from desktop.kit.table_model import PagedRowsModel

COL_STATE = 0
COL_SOURCE = 1
COL_NUMBER = 2
COL_OUTLET = 3
COL_RECEIVED_AT = 4
COL_REPLY_BY = 5
COL_REPLIED_AT = 6
COL_CUSTOMER = 7
COLUMN_COUNT = 8

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""(source, number), the same for every column of a row."""

PAGE_SIZE = 200

SORT_KEYS: dict[int, str] = {
    COL_STATE: "state",
    COL_SOURCE: "source",
    COL_NUMBER: "number",
    COL_OUTLET: "outlet",
    COL_RECEIVED_AT: "received_at",
    COL_REPLY_BY: "reply_by",
    COL_REPLIED_AT: "replied_at",
    COL_CUSTOMER: "customer_name",
}

LATE_BACKGROUND = QColor("#fff3cd")
ON_TIME_FOREGROUND = QColor("#1e6b34")

_STATE_WORDS = {
    wq.STATE_UNASSIGNED: QT_TRANSLATE_NOOP("DistrictWorkOrders", "Not assigned"),
    wq.STATE_TO_SEND: QT_TRANSLATE_NOOP("DistrictWorkOrders", "To send down"),
    wq.STATE_SENT: QT_TRANSLATE_NOOP("DistrictWorkOrders", "Sent, awaiting reply"),
    wq.STATE_OVERDUE: QT_TRANSLATE_NOOP("DistrictWorkOrders", "Overdue, no reply"),
    wq.STATE_ON_TIME: QT_TRANSLATE_NOOP("DistrictWorkOrders", "Replied on time"),
    wq.STATE_LATE: QT_TRANSLATE_NOOP("DistrictWorkOrders", "Replied late"),
}


def state_label(state: str) -> str:
    english = _STATE_WORDS.get(state)
    return QCoreApplication.translate("DistrictWorkOrders", english) if english else state


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class DistrictWorkOrderModel(PagedRowsModel):
    """The district's work orders matching a filter, sorted and paged in SQL.

    Signals:
        total_changed(int): the number of work orders the filter lets through changed.
    """

    total_changed = Signal(int)
    COLUMN_COUNT = COLUMN_COUNT
    SORT_KEYS = SORT_KEYS  # type: ignore[assignment]  # every column sorts

    def __init__(self, parent=None, *, clock: Callable[[], dt.datetime] = _now) -> None:
        super().__init__(parent)
        self._clock = clock
        self._filter = WorkOrderFilter()
        self._sort_column = COL_RECEIVED_AT
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._count = 0
        self._at = clock()
        operations.refresh_on(self, (Kind.WORK_ORDERS, Kind.CASES), self.refresh)

    def count(self) -> int:
        return self._count

    def set_filter(self, flt: WorkOrderFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._at = self._clock()
        old = self._count
        self._count = wq.work_order_count(self._filter, at=self._at)
        self._reload()
        self.endResetModel()
        if self._count != old:
            self.total_changed.emit(self._count)

    def row_at(self, row: int) -> WorkOrderRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: tuple[str, str]) -> int | None:
        return self._row_of_key.get(key)

    def _query_page(self, offset: int) -> list[WorkOrderRow]:
        return wq.work_order_page(
            self._filter,
            at=self._at,
            sort=SORT_KEYS[self._sort_column],
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def _key(self, row: WorkOrderRow) -> tuple[str, str]:
        return row.key

    def _total(self) -> int:
        return self._count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Where it stands"),
            self.tr("Source"),
            self.tr("Number"),
            self.tr("Outlet"),
            self.tr("Received"),
            self.tr("Reply by"),
            self.tr("Replied"),
            self.tr("Customer"),
        ][section]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return row_flags(index)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < COLUMN_COUNT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, index.column())
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.state == wq.STATE_OVERDUE:
                return QBrush(OVERDUE_BACKGROUND)
            if row.state == wq.STATE_LATE:
                return QBrush(LATE_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.state in (wq.STATE_OVERDUE, wq.STATE_LATE):
                return QBrush(TINTED_FOREGROUND)
            if row.state == wq.STATE_ON_TIME and index.column() in (COL_STATE, COL_REPLIED_AT):
                return QBrush(ON_TIME_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_OUTLET:
            return row.outlet_name or None
        return None

    def _display(self, row: WorkOrderRow, column: int) -> str:
        if column == COL_STATE:
            return state_label(row.state)
        if column == COL_SOURCE:
            return labels.label("workorder_source", row.source)
        if column == COL_NUMBER:
            return row.number
        if column == COL_OUTLET:
            return row.outlet_code or self.tr("(not assigned)")
        if column == COL_RECEIVED_AT:
            return format_time(row.received_at)
        if column == COL_REPLY_BY:
            return format_time(row.reply_by)
        if column == COL_REPLIED_AT:
            return format_time(row.replied_at)
        if column == COL_CUSTOMER:
            return row.customer_name
        return ""
