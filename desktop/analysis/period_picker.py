"""The choice of a year, quarter or month (``db.management.targets.Period``): a kind, a year
and, for a quarter or month, which one. The analysis dashboard and the district's outlets
side by side both ask for a period this way.

Signals:
    period_changed(object): the user chose another period (a Period).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from db.management import targets
from db.management.targets import MONTH, QUARTER, YEAR, Period
from desktop.kit.common import name_widget


class PeriodPicker(QWidget):
    """Kind, year and quarter or month; starts at the quarter of ``clock()``, and a change of
    kind picks the one ``clock()`` falls in. The widgets are named ``{prefix}PeriodKind``,
    ``{prefix}Year`` and ``{prefix}PeriodIndex``."""

    period_changed = Signal(object)

    def __init__(
        self, prefix: str, clock: Callable[[], dt.datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}PeriodPicker")
        self._clock = clock
        today = clock()
        self.kind = name_widget(QComboBox(), f"{prefix}PeriodKind", self.tr("Period kind"))
        self.kind.addItem(self.tr("Year"), YEAR)
        self.kind.addItem(self.tr("Quarter"), QUARTER)
        self.kind.addItem(self.tr("Month"), MONTH)
        self.year = name_widget(QSpinBox(), f"{prefix}Year", self.tr("Year"))
        self.year.setRange(targets.MIN_YEAR, targets.MAX_YEAR)
        self.year.setValue(today.year)
        self.index = name_widget(QComboBox(), f"{prefix}PeriodIndex", self.tr("Quarter or month"))
        self.label = QLabel(self.tr("&Period:"))
        self.label.setBuddy(self.kind)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.kind, self.year, self.index):
            layout.addWidget(widget)
        self._fill_index(QUARTER, Period.of(today, QUARTER).index)
        self.kind.setCurrentIndex(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self._changed)
        self.index.currentIndexChanged.connect(self._changed)

    def _fill_index(self, kind: str, selected: int) -> None:
        self.index.blockSignals(True)
        self.index.clear()
        if kind == QUARTER:
            for q in range(1, 5):
                self.index.addItem(self.tr("Q{n}").format(n=q), q)
        elif kind == MONTH:
            for m in range(1, 13):
                self.index.addItem(self.tr("{n} mo.").format(n=m), m)
        self.index.setVisible(kind != YEAR)
        self.index.setCurrentIndex(max(self.index.findData(selected), 0))
        self.index.blockSignals(False)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self._fill_index(kind, Period.of(self._clock(), kind).index if kind != YEAR else 0)
        self._changed()

    def _changed(self) -> None:
        self.period_changed.emit(self.period())

    def period(self) -> Period:
        kind = self.kind.currentData()
        index = 0 if kind == YEAR else int(self.index.currentData() or 1)
        return Period(kind, self.year.value(), index)

    def set_period(self, period: Period | str) -> None:
        """Show ``period`` and say so once (``period_changed``)."""
        p = targets.as_period(period)
        for widget in (self.kind, self.year, self.index):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(p.kind))
        self.year.setValue(p.year)
        self._fill_index(p.kind, p.index)
        for widget in (self.kind, self.year, self.index):
            widget.blockSignals(False)
        self._changed()
