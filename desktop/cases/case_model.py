"""The case list as a Qt table model that filters, sorts and pages in SQL.

The model never holds the whole list: it keeps the current CaseFilter and sort, the total
from ``db.intake.queries.case_count`` and the rows fetched so far, and asks ``db.intake.queries.case_page``
for the next 200 when the view scrolls near the end (``canFetchMore``/``fetchMore``, as in
qutebrowser's history). Sorting re-queries SQL; a Python QSortFilterProxyModel took 9 s at
100k rows here.

After an operation that changed complaints, their deadlines or the staff they name
(desktop.kit.operations) the model re-queries; the view keeps the selected case. Time
passing alone only recolours (``recolour``).
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
from PySide6.QtGui import QBrush, QColor, QFont

from db.changes import Kind
from db.intake import queries
from db.intake.queries import CaseFilter, CaseRow
from db.store import vocab
from db.store.models import now
from desktop.kit import labels, operations

COL_CASE_NO = 0
COL_RECEIVED_AT = 1
COL_STATUS = 2
COL_SEVERITY = 3
COL_CUSTOMER = 4
COL_PHONE = 5
COL_CAUSE = 6
COL_OWNER = 7
COL_DUE_AT = 8
COLUMN_COUNT = 9

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The case's database id, the same for every column of a row."""
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The raw value a column sorts by (ISO text for times), for delegates and tests."""

PAGE_SIZE = 200

# The invalid index Qt passes for "the top level"; shared, as a default argument.
_ROOT = QModelIndex()

# Column -> db.intake.queries.SORT_COLUMNS key. The masked phone is not sortable: ordering by the
# hidden digits would leak them, and ordering by the mask means nothing.
SORT_KEYS: dict[int, str | None] = {
    COL_CASE_NO: "case_no",
    COL_RECEIVED_AT: "received_at",
    COL_STATUS: "status",
    COL_SEVERITY: "severity",
    COL_CUSTOMER: "customer_name",
    COL_PHONE: None,
    COL_CAUSE: "cause",
    COL_OWNER: "owner",
    COL_DUE_AT: "due_at",
}

# What the rows show or are filtered by ("mine" names the staff who answer for a case).
LIST_KINDS = (Kind.CASES, Kind.DEADLINES, Kind.STAFF)

DEFAULT_SORT_COLUMN = COL_RECEIVED_AT
DEFAULT_SORT_ORDER = Qt.SortOrder.DescendingOrder

TIME_FORMAT = "%Y-%m-%d %H:%M"
# Within the current year the list leaves the year out, so every column fits beside the
# detail panel on a 1280-pixel screen; the tooltip gives the full time.
SHORT_TIME_FORMAT = "%m-%d %H:%M"

# Light tints that stay readable with the dark text we force on them, on light and dark themes.
OVERDUE_BACKGROUND = QColor("#f8d7da")
DUE_TODAY_BACKGROUND = QColor("#fff3cd")
TINTED_FOREGROUND = QColor("#212529")
URGENT_FOREGROUND = QColor("#b00020")


def format_time(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value is not None else ""


def format_short_time(value: dt.datetime | None, today: dt.date) -> str:
    if value is None:
        return ""
    return value.strftime(SHORT_TIME_FORMAT if value.year == today.year else TIME_FORMAT)


class CaseTableModel(QAbstractTableModel):
    """Complaints matching a filter, sorted and paged in SQL.

    Signals:
        total_changed(int): the number of cases matching the filter changed (after
            ``set_filter``, ``sort`` or ``refresh``); rows may still be unfetched.
    """

    total_changed = Signal(int)

    def __init__(self, parent=None, *, clock: Callable[[], dt.datetime] = now) -> None:
        super().__init__(parent)
        self._clock = clock
        self._filter = CaseFilter()
        self._sort_column = DEFAULT_SORT_COLUMN
        self._sort_order = DEFAULT_SORT_ORDER
        # The rows fetched so far as fetched (``queries.CasePage.raw``); each becomes a
        # CaseRow when the view first asks for it, so only painted rows are converted.
        self._rows: list[tuple] = []
        self._converted: dict[int, CaseRow] = {}
        self._row_of_id: dict[int, int] = {}
        self._total = 0
        # One "now" per query, so the count and every page agree on what "overdue" means
        # even when a page is fetched minutes later; the colours may move on (recolour).
        self._at = clock()
        self._colour_at = self._at
        self._bold: QFont | None = None
        # A changed complaint may enter or leave the filter and move in the order, so any
        # change of a complaint is a re-query, not a redraw of its row.
        operations.refresh_on(self, LIST_KINDS, self.refresh)

    # --- state -----------------------------------------------------------------------------

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    @property
    def query_time(self) -> dt.datetime:
        """The moment the current rows were queried at; overdue is judged against it."""
        return self._at

    def total(self) -> int:
        """Cases matching the filter, fetched or not."""
        return self._total

    def set_filter(self, flt: CaseFilter, *, query: bool = True) -> None:
        """Show the cases ``flt`` lets through; with ``query=False`` only remember it for
        the first refresh (a window setting itself up queries once, not twice)."""
        self._filter = flt
        if query:
            self.refresh()

    def refresh(self) -> None:
        """Re-run the count and the first page with the current filter and sort.

        A reset rather than a diff: the caller keeps the selection by case id
        (``row_of_case``), which survives any re-ordering.
        """
        self.beginResetModel()
        self._at = self._colour_at = self._clock()
        old_total = self._total
        self._total = queries.case_count(self._filter, at=self._at)
        self._rows = []
        self._converted = {}
        self._row_of_id = {}
        self._append(self._query_page(0))
        self.endResetModel()
        if self._total != old_total:
            self.total_changed.emit(self._total)

    def recolour(self) -> None:
        """Move "now" forward for the overdue/due-today colours without re-querying, so a
        case turns red on time while the user's scroll position and selection stay put."""
        self._colour_at = self._clock()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, COLUMN_COUNT - 1),
                [
                    Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole,
                ],
            )

    def is_sortable(self, column: int) -> bool:
        return SORT_KEYS.get(column) is not None

    def case_id_at(self, row: int) -> int | None:
        if 0 <= row < len(self._rows):
            return self._rows[row][0]
        return None

    def case_row(self, row: int) -> CaseRow | None:
        found = self._converted.get(row)
        if found is None and 0 <= row < len(self._rows):
            found = self._converted[row] = queries.case_row(self._rows[row])
        return found

    def row_of_case(self, case_id: int) -> int | None:
        """Row of the case if it is among the rows fetched so far, else None."""
        return self._row_of_id.get(case_id)

    def load_until(self, case_id: int) -> int | None:
        """Fetch pages until the case is loaded; its row, or None if the filter excludes it.

        Used to select a case the user just created, which may sit beyond the first page.
        """
        row = self.row_of_case(case_id)
        while row is None and self.canFetchMore():
            self.fetchMore()
            row = self.row_of_case(case_id)
        return row

    # --- paging ----------------------------------------------------------------------------

    def _query_page(self, offset: int) -> queries.CasePage:
        key = SORT_KEYS.get(self._sort_column) or "received_at"
        return queries.case_page(
            self._filter,
            at=self._at,
            sort=key,
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            offset=offset,
            limit=PAGE_SIZE,
        )

    def _append(self, page: queries.CasePage) -> None:
        start = len(self._rows)
        self._rows.extend(page.raw)
        for i, raw in enumerate(page.raw, start):
            self._row_of_id[raw[0]] = i

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        if parent.isValid():
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if parent.isValid():
            return
        start = len(self._rows)
        rows = self._query_page(start)
        if not rows:
            # Cases vanished since the count (another window, a restore): stop asking.
            self._total = start
            self.total_changed.emit(self._total)
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the new order; an unsortable column leaves the order as it was."""
        if not self.is_sortable(column):
            return
        self._sort_column = column
        self._sort_order = Qt.SortOrder(order)
        self.refresh()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips().get(section)
        return None

    def _header_titles(self) -> list[str]:
        return [
            self.tr("Case no."),
            self.tr("Received"),
            self.tr("Status"),
            self.tr("Severity"),
            self.tr("Customer"),
            self.tr("Phone"),
            self.tr("Cause"),
            self.tr("Owner"),
            self.tr("Due"),
        ]

    def _header_tips(self) -> dict[int, str]:
        return {
            COL_PHONE: self.tr("Masked: only the first three and last four digits are shown"),
            COL_OWNER: self.tr(
                "First-ask owner: whoever the customer first asked owns the complaint (Art. 4, 10)"
            ),
            COL_DUE_AT: self.tr(
                "The earliest deadline still running, such as the agreed reply time"
            ),
        }

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.case_row(index.row())
        column = index.column()
        if row is None or not 0 <= column < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == CASE_ID_ROLE:
            return row.id
        if role == SORT_KEY_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = self._tint(row)
            return QBrush(tint) if tint is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_SEVERITY and row.severity == vocab.SEVERITY_URGENT:
                return QBrush(URGENT_FOREGROUND)
            if self._tint(row) is not None:
                return QBrush(TINTED_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == COL_SEVERITY and row.severity == vocab.SEVERITY_URGENT:
                return self._bold_font()
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        return None

    # --- cell contents ---------------------------------------------------------------------

    def _display(self, row: CaseRow, column: int) -> str:
        if column == COL_CASE_NO:
            return row.case_no
        if column == COL_RECEIVED_AT:
            return format_short_time(row.received_at, self._at.date())
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
        if column == COL_OWNER:
            return row.owner_name
        if column == COL_DUE_AT:
            return format_short_time(row.due_at, self._at.date()) if row.is_open else ""
        return ""

    def _sort_key(self, row: CaseRow, column: int) -> str | None:
        values = {
            COL_CASE_NO: row.case_no,
            COL_RECEIVED_AT: row.received_at.isoformat() if row.received_at else "",
            COL_STATUS: row.status,
            COL_SEVERITY: row.severity,
            COL_CUSTOMER: row.customer_name,
            COL_CAUSE: row.cause,
            COL_OWNER: row.owner_name,
            COL_DUE_AT: row.due_at.isoformat() if row.due_at else "",
        }
        return values.get(column)

    def _tint(self, row: CaseRow) -> QColor | None:
        if row.overdue(self._colour_at):
            return OVERDUE_BACKGROUND
        if row.due_today(self._colour_at) or row.near_breach(self._colour_at):
            return DUE_TODAY_BACKGROUND
        return None

    def _tooltip(self, row: CaseRow, column: int) -> str | None:
        if column == COL_RECEIVED_AT:
            return self.tr("Received {time}").format(time=format_time(row.received_at))
        if row.overdue(self._colour_at):
            return self.tr("Overdue since {time}").format(time=format_time(row.due_at))
        if row.due_at is not None and row.due_today(self._colour_at):
            return self.tr("Due today at {time}").format(time=row.due_at.strftime("%H:%M"))
        if row.near_breach(self._colour_at):
            return self.tr("Near its deadline: due {time}").format(time=format_time(row.due_at))
        if column == COL_DUE_AT and row.is_open and row.due_at is not None:
            return self.tr("Due {time}").format(time=format_time(row.due_at))
        if column in (COL_STATUS, COL_CAUSE, COL_CUSTOMER):
            # These can be elided in a narrow column; the tooltip shows them whole.
            return self._display(row, column)
        return None

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold
