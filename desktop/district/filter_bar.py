"""The bar above the consolidated list: outlet, status, overdue, urgent, escalated and the
search box, turned into a db.district.queries.DistrictCaseFilter. The query runs in SQL,
driven by the table model; typing in the search box is debounced."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from db.district import queries
from db.district.queries import DistrictCaseFilter
from desktop.kit import labels
from desktop.kit.common import name_widget

SEARCH_DEBOUNCE_MS = 250


class DistrictFilterBar(QWidget):
    """Signals:
    filter_changed(object): the user changed a filter; carries the new DistrictCaseFilter.
    """

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtFilterBar")
        self.outlet = name_widget(QComboBox(), "outletFilter", self.tr("Outlet filter"))
        self.status = name_widget(QComboBox(), "statusFilter", self.tr("Status filter"))
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Open"), queries.STATUS_OPEN)
        for code, text in labels.choices("status"):
            self.status.addItem(text, code)
        self.overdue = name_widget(
            QCheckBox(self.tr("&Overdue")), "overdueFilter", self.tr("Only overdue cases")
        )
        self.urgent = name_widget(
            QCheckBox(self.tr("&Urgent")), "urgentFilter", self.tr("Only urgent cases")
        )
        self.escalated = name_widget(
            QCheckBox(self.tr("&Escalated")), "escalatedFilter", self.tr("Only escalated cases")
        )
        self.search = name_widget(QLineEdit(), "searchBox", self.tr("Search"))
        self.search.setPlaceholderText(self.tr("Search case no., customer, description (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.reload_outlets()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._emit)
        for combo in (self.outlet, self.status):
            combo.currentIndexChanged.connect(self._emit)
        for box in (self.overdue, self.urgent, self.escalated):
            box.toggled.connect(self._emit)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.outlet, self.status, self.overdue, self.urgent, self.escalated):
            layout.addWidget(widget)
        layout.addWidget(self.search, 1)
        # Tab goes left to right, as the bar reads.
        chain = (self.outlet, self.status, self.overdue, self.urgent, self.escalated, self.search)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def reload_outlets(self) -> None:
        """The enrolled outlets as choices (after an enrolment or import), keeping the choice."""
        kept = self.outlet.currentData()
        self.outlet.blockSignals(True)
        self.outlet.clear()
        self.outlet.addItem(self.tr("All outlets"), None)
        for code, name in queries.outlets():
            self.outlet.addItem(f"{code} {name}", code)
        index = self.outlet.findData(kept)
        self.outlet.setCurrentIndex(max(index, 0))
        self.outlet.blockSignals(False)

    def current_filter(self) -> DistrictCaseFilter:
        return DistrictCaseFilter(
            outlet_code=self.outlet.currentData(),
            status=self.status.currentData(),
            overdue=self.overdue.isChecked(),
            urgent=self.urgent.isChecked(),
            escalated=self.escalated.isChecked(),
            term=self.search.text(),
        )

    def _emit(self) -> None:
        self._debounce.stop()
        self.filter_changed.emit(self.current_filter())
