"""The consolidated case list across outlets, as a Qt table model paged from SQL.

Like the outlet's list (desktop/cases/case_model.py) the model holds the filter, the sort,
the count from ``db.district.queries.case_count`` and the rows fetched so far, and asks
``case_page`` for the next 200 when the view scrolls near the end. Sorting and filtering
re-query; nothing is sorted or filtered in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from db.changes import Kind
from db.district import queries, trail_heads
from db.district.queries import CaseCount, DistrictCaseFilter, DistrictCaseRow
from desktop.district import trail_flag
from desktop.district.table_kit import row_flags
from desktop.kit import labels, operations
from desktop.kit.table_model import PagedRowsModel

COL_OUTLET = 0
COL_CASE_NO = 1
COL_RECEIVED_AT = 2
COL_STATUS = 3
COL_SEVERITY = 4
COL_CUSTOMER = 5
COL_PHONE = 6
COL_CAUSE = 7
COL_DUE_AT = 8
COL_ESCALATED = 9
COLUMN_COUNT = 10

CASE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""(outlet code, case number), the same for every column of a row."""

PAGE_SIZE = 200
TIME_FORMAT = "%Y-%m-%d %H:%M"

SORT_KEYS: dict[int, str | None] = {
    COL_OUTLET: "outlet",
    COL_CASE_NO: "case_no",
    COL_RECEIVED_AT: "received_at",
    COL_STATUS: "status",
    COL_SEVERITY: "severity",
    COL_CUSTOMER: "customer_name",
    COL_PHONE: None,  # masked: ordering by the hidden digits would leak them
    COL_CAUSE: "cause",
    COL_DUE_AT: "due_at",
    COL_ESCALATED: None,
}

OVERDUE_BACKGROUND = QColor("#f8d7da")
TINTED_FOREGROUND = QColor("#212529")
URGENT_FOREGROUND = QColor("#b00020")


def format_time(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value is not None else ""


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class DistrictCaseModel(PagedRowsModel):
    """The outlets' cases matching a filter, sorted and paged in SQL.

    Signals:
        total_changed(object): the count changed (a db.district.queries.CaseCount).
    """

    total_changed = Signal(object)
    COLUMN_COUNT = COLUMN_COUNT
    SORT_KEYS = SORT_KEYS

    def __init__(self, parent=None, *, clock: Callable[[], dt.datetime] = _now) -> None:
        super().__init__(parent)
        self._clock = clock
        self._filter = DistrictCaseFilter()
        self._sort_column = COL_RECEIVED_AT
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._count = CaseCount(0, False)
        self._at = clock()
        self._trail_went_backwards: set[str] = set()
        operations.refresh_on(self, (Kind.CASES,), self.refresh)

    # --- state -----------------------------------------------------------------------------

    def count(self) -> CaseCount:
        return self._count

    def current_filter(self) -> DistrictCaseFilter:
        return self._filter

    def set_filter(self, flt: DistrictCaseFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Re-run the count and the first page (a reset: the view keeps its selection by
        the case's key)."""
        self.beginResetModel()
        self._at = self._clock()
        old = self._count
        self._count = queries.case_count(self._filter, at=self._at)
        self._trail_went_backwards = trail_heads.outlets_whose_trail_went_backwards()
        self._reload()
        self.endResetModel()
        if self._count != old:
            self.total_changed.emit(self._count)

    def case_at(self, row: int) -> DistrictCaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_case(self, key: tuple[str, str]) -> int | None:
        return self._row_of_key.get(key)

    # --- paging ----------------------------------------------------------------------------

    def _query_page(self, offset: int) -> list[DistrictCaseRow]:
        return queries.case_page(
            self._filter,
            at=self._at,
            sort=SORT_KEYS.get(self._sort_column) or "received_at",
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            offset=offset,
            limit=PAGE_SIZE,
            count=self._count,
        )

    def _key(self, row: DistrictCaseRow) -> tuple[str, str]:
        return (row.outlet_code, row.case_no)

    def _total(self) -> int | None:
        return None if self._count.more else self._count.count

    # --- Qt model interface ----------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Outlet"),
                self.tr("Case no."),
                self.tr("Received"),
                self.tr("Status"),
                self.tr("Severity"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Cause"),
                self.tr("Due"),
                self.tr("Escalated"),
            ][section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return row_flags(index)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        row = self.case_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < COLUMN_COUNT:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == CASE_KEY_ROLE:
            return (row.outlet_code, row.case_no)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_OUTLET and row.outlet_code in self._trail_went_backwards:
                return trail_flag.outlet_tooltip(row.outlet_code)
            if row.is_overdue(self._at):
                return self.tr("Overdue since {time}").format(time=format_time(row.due_at))
            if column == COL_OUTLET:
                return row.outlet_name
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.is_overdue(self._at):
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_SEVERITY and row.urgent:
                return QBrush(URGENT_FOREGROUND)
            if column == COL_OUTLET and row.outlet_code in self._trail_went_backwards:
                return QBrush(URGENT_FOREGROUND)
            if row.is_overdue(self._at):
                return QBrush(TINTED_FOREGROUND)
        return None

    def _display(self, row: DistrictCaseRow, column: int) -> str:
        if column == COL_OUTLET:
            flag = trail_flag.FLAG + " " if row.outlet_code in self._trail_went_backwards else ""
            return f"{flag}{row.outlet_code} {row.outlet_name}".strip()
        if column == COL_CASE_NO:
            return row.case_no
        if column == COL_RECEIVED_AT:
            return format_time(row.received_at)
        if column == COL_STATUS:
            return labels.label("status", row.status)
        if column == COL_SEVERITY:
            return labels.label("severity", row.severity)
        if column == COL_CUSTOMER:
            return row.customer_name
        if column == COL_PHONE:
            return row.customer_phone_masked
        if column == COL_CAUSE:
            return labels.label("cause", row.cause)
        if column == COL_DUE_AT:
            return format_time(row.due_at) if row.is_open else ""
        if column == COL_ESCALATED:
            return self.tr("Yes") if row.escalations else ""
        return ""
