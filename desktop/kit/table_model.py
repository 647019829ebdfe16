"""What the program's read-only table models share: rows read from SQL, a fixed number of
columns, and sorting that asks the query again rather than sorting in Python."""

from __future__ import annotations

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
