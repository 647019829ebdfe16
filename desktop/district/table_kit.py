"""What the console's tables and panels share: the flags of a read-only row, and the
header widths and splitter positions remembered in the settings."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QSplitter

READ_ONLY_ROW = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


def row_flags(index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
    """A cell of a list that is read, selected by the row, never edited."""
    return READ_ONLY_ROW if index.isValid() else Qt.ItemFlag.NoItemFlags


def restore_states(settings: QSettings, parts: Mapping[str, QHeaderView | QSplitter]) -> None:
    """Each part as the settings remember it (settings key -> header or splitter)."""
    for key, part in parts.items():
        state = settings.value(key)
        if state is not None:
            part.restoreState(state)


def save_states(settings: QSettings, parts: Mapping[str, QHeaderView | QSplitter]) -> None:
    for key, part in parts.items():
        settings.setValue(key, part.saveState())
