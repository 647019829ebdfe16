"""The outlets side by side as a Qt table model, paged and sorted in SQL.

Holds the period, the sort and the rows of ``db.district.overview.outlet_figures`` fetched
so far, and asks for the next page when the view scrolls near the end; a click on a header
re-queries in that order. An outlet silent for the chosen number of days has its "last
bundle" cell tinted, with the reason in its tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from db.changes import Kind
from db.district import overview
from db.district.overview import OutletFigures
from db.management.targets import Period
from db.store import codes
from desktop.analysis import analysis_labels
from desktop.kit import operations
from desktop.kit.table_model import RowsTableModel

COL_OUTLET = 0
COL_COMPLAINTS = 1
COL_OPEN = 2
COL_OVERDUE = 3
COL_URGENT = 4
COL_ESCALATED = 5
COL_LIABLE = 6
COL_WORK_ORDERS = 7
COL_WO_ON_TIME = 8
COL_WO_LATE = 9
COL_WO_OVERDUE = 10
COL_SATISFACTION = 11
COL_TARGETS = 12
COL_LAST_BUNDLE = 13
COLUMN_COUNT = 14

OUTLET_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
"""The cell's figure as a number (None when there is none), for tests and the chart."""

PAGE_SIZE = 100
_ROOT = QModelIndex()

# Column -> sort key of db.district.overview (None: not sortable).
SORT_KEYS: dict[int, str | None] = {
    COL_OUTLET: "outlet",
    COL_COMPLAINTS: "complaints",
    COL_OPEN: "open",
    COL_OVERDUE: "overdue",
    COL_URGENT: "urgent",
    COL_ESCALATED: "escalated",
    COL_LIABLE: "liable",
    COL_WORK_ORDERS: "work_orders",
    COL_WO_ON_TIME: "wo_on_time",
    COL_WO_LATE: "wo_late",
    COL_WO_OVERDUE: "wo_overdue",
    COL_SATISFACTION: "satisfaction",
    COL_TARGETS: None,
    COL_LAST_BUNDLE: "last_bundle_at",
}
_COUNTS = {c: key for c, key in SORT_KEYS.items() if key in overview.FIGURE_KEYS}

SILENT_BACKGROUND = QColor("#fff3cd")
SILENT_FOREGROUND = QColor("#212529")
MISSED_FOREGROUND = QColor("#b00020")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def local_time(value: dt.datetime | None) -> str:
    """A UTC moment in this computer's time, as the officer reads it."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


class OutletFiguresModel(RowsTableModel):
    """One row per active outlet: the period's figures. Emits no signals of its own."""

    COLUMN_COUNT = COLUMN_COUNT
    SORT_KEYS = SORT_KEYS

    def __init__(self, parent=None, *, clock: Callable[[], dt.datetime] = _now) -> None:
        super().__init__(parent)
        self._clock = clock
        self._at = clock()
        self._period = Period.of(self._at, "quarter")
        self._silent_days = overview.DEFAULT_SILENT_DAYS
        self._rows: list[OutletFigures] = []
        self._count = 0
        self._with_targets = False
        operations.refresh_on(self, (Kind.CASES, Kind.WORK_ORDERS, Kind.TARGETS), self.refresh)

    # --- state -----------------------------------------------------------------------------

    def period(self) -> Period:
        return self._period

    def at(self) -> dt.datetime:
        return self._at

    def set_period(self, period: Period) -> None:
        self._period = period
        self.refresh()

    def set_silent_days(self, days: int) -> None:
        self._silent_days = overview.check_days(days)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_LAST_BUNDLE), self.index(len(self._rows) - 1, COL_LAST_BUNDLE)
            )

    def with_targets(self) -> bool:
        """Whether the district holds targets for the period (else the column is empty)."""
        return self._with_targets

    def refresh(self) -> None:
        self.beginResetModel()
        self._at = self._clock()
        self._count = overview.outlet_count()
        self._with_targets = overview.has_targets(self._period)
        self._rows = self._query_page(0)
        self.endResetModel()

    def outlet_at(self, row: int) -> OutletFigures | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def is_silent(self, row: OutletFigures) -> bool:
        if row.last_bundle_at is None:
            return True
        return row.last_bundle_at < self._at.astimezone(dt.UTC) - dt.timedelta(
            days=self._silent_days
        )

    # --- paging ----------------------------------------------------------------------------

    def _query_page(self, offset: int) -> list[OutletFigures]:
        return overview.outlet_figures(
            self._period,
            at=self._at,
            sort=SORT_KEYS.get(self._sort_column) or "outlet",
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._count

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if parent.isValid():
            return
        start = len(self._rows)
        rows = self._query_page(start)
        if not rows:
            self._count = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # --- Qt model interface ----------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips().get(section)
        return None

    def headers(self) -> list[str]:
        return [
            self.tr("Outlet"),
            self.tr("Complaints"),
            self.tr("Open"),
            self.tr("Overdue"),
            self.tr("Urgent"),
            self.tr("Escalated"),
            self.tr("Liable"),
            self.tr("Work orders"),
            self.tr("Replied on time"),
            self.tr("Replied late"),
            self.tr("Unreplied, overdue"),
            self.tr("Callback satisfaction"),
            self.tr("Targets missed"),
            self.tr("Last bundle"),
        ]

    def header_tips(self) -> dict[int, str]:
        return {
            COL_COMPLAINTS: self.tr("Complaints received in the period"),
            COL_OPEN: self.tr("Of those, still open"),
            COL_OVERDUE: self.tr("Of those, open past the deadline the outlet stated"),
            COL_ESCALATED: self.tr("Of those, sent up at least once (Art. 10, 11)"),
            COL_LIABLE: self.tr("Of those, found liable by the current determination (Art. 5)"),
            COL_WORK_ORDERS: self.tr("Work orders the district sent down, received in the period"),
            COL_SATISFACTION: self.tr(
                "Callbacks made in the period that reached the customer: satisfied or "
                "basically satisfied"
            ),
            COL_TARGETS: self.tr("The district's targets for the period that were missed"),
            COL_LAST_BUNDLE: self.tr("When the outlet's last bundle was imported"),
        }

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        row = self.outlet_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < COLUMN_COUNT:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == OUTLET_CODE_ROLE:
            return row.outlet_code
        if role == SORT_VALUE_ROLE:
            key = _COUNTS.get(column)
            return row.figure(key) if key else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_OUTLET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        silent = column == COL_LAST_BUNDLE and self.is_silent(row)
        if role == Qt.ItemDataRole.BackgroundRole and silent:
            return QBrush(SILENT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if silent:
                return QBrush(SILENT_FOREGROUND)
            if column == COL_TARGETS and row.targets_missed:
                return QBrush(MISSED_FOREGROUND)
        return None

    def _display(self, row: OutletFigures, column: int) -> str:
        if column == COL_OUTLET:
            return f"{row.outlet_code} {row.outlet_name}".strip()
        if column == COL_SATISFACTION:
            return "" if row.satisfaction is None else f"{row.satisfaction:.1f}%"
        if column == COL_TARGETS:
            if not row.targets:
                return ""
            return self.tr("{missed} of {n}").format(missed=row.targets_missed, n=len(row.targets))
        if column == COL_LAST_BUNDLE:
            if row.last_bundle_at is None:
                return self.tr("Never")
            return local_time(row.last_bundle_at)
        key = _COUNTS.get(column)
        return f"{row.figure(key):,.0f}" if key else ""

    def _tooltip(self, row: OutletFigures, column: int) -> str | None:
        if column == COL_OUTLET:
            return row.outlet_name
        if column == COL_LAST_BUNDLE and self.is_silent(row):
            if row.last_bundle_at is None:
                return self.tr("This outlet has never sent a bundle.")
            return self.tr("No bundle for more than {n} days.").format(n=self._silent_days)
        if column == COL_SATISFACTION and row.callbacks_answered:
            return self.tr("{satisfied} of {answered} callbacks with a result").format(
                satisfied=row.callbacks_satisfied, answered=row.callbacks_answered
            )
        if column == COL_TARGETS and row.targets:
            return "\n".join(
                self.tr("{metric}: target {target:g}, actual {actual}, {mark}").format(
                    metric=target_label(t.metric),
                    target=t.target,
                    actual="—" if t.actual is None else f"{t.actual:g}",
                    mark=mark_label(t.mark),
                )
                for t in row.targets
            )
        return None


def target_label(metric: str) -> str:
    return analysis_labels.label("metric", metric)


def mark_label(mark: str | None) -> str:
    return analysis_labels.label("mark", mark or codes.MARK_NO_DATA)
