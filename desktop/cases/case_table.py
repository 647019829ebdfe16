"""The case list view: a QTableView over CaseTableModel that keeps the selection by case id.

The model re-queries (and so resets) on every filter, sort and refresh; a plain view would
drop the selection each time. This view remembers the selected case id across resets and
selects it again when it is still in the list, so the detail panel does not flicker empty.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.cases.case_model import (
    COL_CASE_NO,
    COL_CAUSE,
    COL_CUSTOMER,
    COL_DUE_AT,
    COL_OWNER,
    COL_PHONE,
    COL_RECEIVED_AT,
    COL_SEVERITY,
    COL_STATUS,
    CaseTableModel,
)
from desktop.kit import labels

# Typical cell contents per column, for the initial widths; the user's own widths are
# restored from QSettings afterwards. Columns of stored codes take the width of their longest
# label in the user's language (see _label_kinds), so a cause reads whole by default.
_WIDTH_SAMPLES = {
    COL_CASE_NO: "GS0101-2026-000000",
    COL_RECEIVED_AT: "12-31 23:59",
    COL_CUSTOMER: "欧阳娜娜",
    COL_PHONE: "138****0000",
    COL_OWNER: "欧阳娜娜",
    COL_DUE_AT: "12-31 23:59",
}
_LABEL_KINDS = {COL_STATUS: "status", COL_SEVERITY: "severity", COL_CAUSE: "cause"}
# No column starts wider than this many average characters: one long label must not push
# the rest of the list out of sight.
_MAX_CHARS = 28
_CELL_PADDING = 10


def default_widths(model: CaseTableModel, metrics: QFontMetrics) -> dict[int, int]:
    """Each column's width before the user resized any: its typical or longest content."""
    limit = metrics.averageCharWidth() * _MAX_CHARS
    widths = {}
    for column in range(model.columnCount()):
        if column in _LABEL_KINDS:
            samples = [text for _code, text in labels.choices(_LABEL_KINDS[column])]
        else:
            samples = [_WIDTH_SAMPLES.get(column, "")]
        content = max(metrics.horizontalAdvance(text) for text in samples)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(content, metrics.horizontalAdvance(title) + 16) + _CELL_PADDING
        widths[column] = min(width, limit)
    return widths


class CaseTableView(QTableView):
    """Read-only list of complaints, one row per case, sorted by clicking a header.

    Signals:
        case_selected(object): the current case changed; its id, or None when nothing is
            selected (the list became empty, or the case left the filter).
    """

    case_selected = Signal(object)

    def __init__(self, model: CaseTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTable")
        self.setAccessibleName(self.tr("Complaint list"))
        self._model = model
        self._selected_id: int | None = None
        self._restoring = False

        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

        header = self.horizontalHeader()
        header.setObjectName("caseTableHeader")
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in default_widths(model, self.fontMetrics()).items():
            header.resizeSection(column, width)
        # The cause is the longest text in a row: by default it is the last column, which
        # takes the room left over, rather than being cut off between narrow ones.
        header.moveSection(header.visualIndex(COL_CAUSE), model.columnCount() - 1)
        header.setSortIndicator(model.sort_column, model.sort_order)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)

        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def selected_case_id(self) -> int | None:
        return self._selected_id

    def select_case(self, case_id: int) -> bool:
        """Select the case, fetching pages as needed; False if the filter excludes it."""
        row = self._model.load_until(case_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def apply_model_sort(self) -> None:
        """Make the model's order follow the header, e.g. after the header state was restored."""
        header = self.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if not self._model.is_sortable(column):
            self._reset_indicator()
        elif (column, order) != (self._model.sort_column, self._model.sort_order):
            self._model.sort(column, order)

    # --- internals -------------------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        index = self._model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        # The model ignores unsortable columns; put the arrow back where the order really is.
        if not self._model.is_sortable(column):
            self._reset_indicator()

    def _reset_indicator(self) -> None:
        header = self.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(self._model.sort_column, self._model.sort_order)
        header.blockSignals(blocked)
        header.viewport().update()

    def _remember_selection(self) -> None:
        self._restoring = True

    def _restore_selection(self) -> None:
        case_id = self._selected_id
        row = self._model.row_of_case(case_id) if case_id is not None else None
        self._restoring = False
        if row is not None:
            self._select_row(row)
        elif case_id is not None:
            self._selected_id = None
            self.case_selected.emit(None)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            # A reset clears the current index; that is not the user choosing nothing.
            return
        case_id = self._model.case_id_at(current.row()) if current.isValid() else None
        if case_id != self._selected_id:
            self._selected_id = case_id
            self.case_selected.emit(case_id)
