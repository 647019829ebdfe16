"""The consolidated cases tab: the filter bar, the list across outlets and the selected
case beside it. The splitter's position is remembered."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from db.district.queries import CaseCount, DistrictCaseFilter
from desktop.district.case_detail import DistrictCaseDetailView
from desktop.district.case_model import (
    CASE_KEY_ROLE,
    COL_CASE_NO,
    COL_CUSTOMER,
    COL_OUTLET,
    COL_PHONE,
    COL_RECEIVED_AT,
    COL_SEVERITY,
    COL_STATUS,
    DistrictCaseModel,
)
from desktop.district.filter_bar import DistrictFilterBar
from desktop.kit.common import name_widget

SPLITTER_KEY = "district/cases_splitter"
HEADER_KEY = "district/cases_header"


# A typical value per column, for the widths before the officer has set any.
DEFAULT_WIDTH_SAMPLES = {
    COL_OUTLET: "JSL01 建设路网点",
    COL_CASE_NO: "JSL01-2026-000123",
    COL_RECEIVED_AT: "2026-12-04 09:30",
    COL_STATUS: "待客户确认",
    COL_SEVERITY: "一般",
    COL_CUSTOMER: "欧阳建国",
    COL_PHONE: "138****5678",
}


class CasesPanel(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtCasesPanel")
        self._settings = settings
        self.filter_bar = DistrictFilterBar(self)
        self.model = DistrictCaseModel(self)
        self.table = name_widget(QTableView(), "districtCaseTable", self.tr("Cases of all outlets"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(
            COL_RECEIVED_AT, Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.detail = DistrictCaseDetailView(self)
        self.total = name_widget(QLabel(), "districtCaseTotal", self.tr("Number of cases shown"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("districtCasesSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.total)
        QWidget.setTabOrder(self.filter_bar.search, self.table)
        QWidget.setTabOrder(self.table, self.detail)

        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.model.total_changed.connect(self._show_total)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._selected: tuple[str, str] | None = None
        self._kept: tuple[str, str] | None = None
        self._restore_layout()
        self._show_total(self.model.count())

    def set_filter(self, flt: DistrictCaseFilter) -> None:
        self.model.set_filter(flt)

    def refresh(self) -> None:
        self.filter_bar.reload_outlets()
        self.model.refresh()
        self.detail.refresh()

    def _filter_changed(self, flt: DistrictCaseFilter) -> None:
        self.model.set_filter(flt)

    def _show_total(self, count: CaseCount) -> None:
        if count.more:
            self.total.setText(self.tr("More than {n:,} cases").format(n=count.count))
        else:
            self.total.setText(self.tr("{n:,} cases").format(n=count.count))

    def _current_changed(self, current, _previous) -> None:
        key = current.data(CASE_KEY_ROLE) if current.isValid() else None
        self._selected = tuple(key) if key else None
        self.detail.show_case(self._selected)

    def _remember_selection(self) -> None:
        self._kept = self._selected

    def _restore_selection(self) -> None:
        kept = self._kept
        row = self.model.row_of_case(kept) if kept else None
        if row is None:
            self._selected = None
            self.detail.show_case(None)
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.detail.show_case(kept)

    def _restore_layout(self) -> None:
        state = self._settings.value(SPLITTER_KEY)
        if state is not None:
            self.splitter.restoreState(state)
        header = self._settings.value(HEADER_KEY)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        else:  # first start: each column wide enough for a typical value
            metrics = self.table.fontMetrics()
            for column, sample in DEFAULT_WIDTH_SAMPLES.items():
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                wide = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
                self.table.setColumnWidth(column, wide + 24)

    def save_layout(self) -> None:
        self._settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self._settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
