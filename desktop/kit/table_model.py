"""What the program's read-only table models share: rows read from SQL, a fixed number of
columns, and sorting that asks the query again rather than sorting in Python."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_ROOT = QModelIndex()


class RowsTableModel(QAbstractTableModel):
    """Rows held in ``self._rows`` (the subclass fetches them), ``COLUMN_COUNT`` columns.

    With ``SORT_KEYS`` (column -> the query's sort key, None where a column does not sort),
    a click on a header keeps the column and order in ``_sort_column`` and ``_sort_order``
    and calls ``refresh()``, which re-queries in that order.
    """

    COLUMN_COUNT: ClassVar[int] = 0
    SORT_KEYS: ClassVar[dict[int, str | None]] = {}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder

    def refresh(self) -> None:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.SORT_KEYS.get(column) is None:
            return
        self._sort_column, self._sort_order = column, Qt.SortOrder(order)
        self.refresh()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class PagedRowsModel(RowsTableModel):
    """Rows read a page at a time as the view scrolls (Qt's ``canFetchMore``/``fetchMore``),
    each found again by its key.

    The subclass gives ``_query_page(offset)`` (the next ``PAGE_SIZE`` rows in the current
    filter and order), ``_key(row)`` and ``_total()`` (how many rows the query holds, or
    None when its count was capped); ``_reload()`` reads the first page anew.
    """

    PAGE_SIZE: ClassVar[int] = 200

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._row_of_key: dict[Hashable, int] = {}
        self._exhausted = True

    def _query_page(self, offset: int) -> list:
        raise NotImplementedError

    def _key(self, row) -> Hashable:
        raise NotImplementedError

    def _total(self) -> int | None:
        raise NotImplementedError

    def _reload(self) -> None:
        self._rows, self._row_of_key, self._exhausted = [], {}, False
        self._append(self._query_page(0))

    def _append(self, rows: list) -> None:
        start = len(self._rows)
        self._rows.extend(rows)
        for i, row in enumerate(rows, start):
            self._row_of_key[self._key(row)] = i
        if len(rows) < self.PAGE_SIZE:
            self._exhausted = True

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return False
        total = self._total()
        return total is None or len(self._rows) < total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:  # noqa: N802
        if parent.isValid():
            return
        start = len(self._rows)
        rows = self._query_page(start)
        if not rows:
            self._exhausted = True
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()
