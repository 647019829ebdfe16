"""The "Outlets side by side" tab (各网点对比): one period's figures of every outlet in a
table sorted by the query, a bar chart comparing the outlets on one figure, and the outlets
that have sent no bundle for N days (N remembered in the settings).

The chart is drawn as the outlet's analysis charts are (desktop/analysis/dashboard.py's
``ChartPanel`` and ``category_axis``): horizontal bars, the largest at the top, the
``overview.CHART_TOP`` highest outlets, asked of the database in that order.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable

from PySide6.QtCharts import QBarSet, QChart, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.district import overview
from db.management.targets import Period
from desktop.analysis.dashboard import BAR_COLOR, LABEL_COLOR, ChartPanel, category_axis
from desktop.analysis.period_picker import PeriodPicker
from desktop.district import outlets_reports
from desktop.district.outlets_model import (
    COL_LAST_BUNDLE,
    COL_OUTLET,
    COL_TARGETS,
    OutletFiguresModel,
    local_time,
)
from desktop.district.targets_dialog import DistrictTargetsDialog
from desktop.kit.common import name_widget

SILENT_DAYS_KEY = "district/silent_days"
FIGURE_KEY = "district/compare_figure"
SPLITTER_KEY = "district/outlets_splitter"
HEADER_KEY = "district/outlets_header"
SILENT_COLOR = QColor("#b26a00")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class OutletsPanel(QWidget):
    """Reloads on changes to cases, work orders and targets; *Targets…* sets the district's.

    Signals:
        ledger_exported(object, int): the ledger across outlets was written (path, cases).
    """

    ledger_exported = Signal(object, int)

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = _now,
        officer: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("districtOutletsPanel")
        self._settings = settings
        self._clock = clock
        self._officer = officer or getpass.getuser()

        self.picker = PeriodPicker("outlets", clock, self)
        self.kind, self.year, self.index = self.picker.kind, self.picker.year, self.picker.index

        self.model = OutletFiguresModel(self, clock=clock)
        self.table = name_widget(QTableView(), "outletsTable", self.tr("Outlets side by side"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(COL_OUTLET, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setDefaultSectionSize(76)
        self.table.setColumnWidth(COL_OUTLET, 190)
        self.table.setColumnWidth(COL_LAST_BUNDLE, 130)
        self.targets_note = name_widget(QLabel(), "outletsTargetsNote", self.tr("Targets"))
        self.targets_note.setProperty("role", "hint")

        self.figure = name_widget(QComboBox(), "compareFigure", self.tr("Figure compared"))
        for key, text in self.figure_labels().items():
            self.figure.addItem(text, key)
        kept = self.figure.findData(settings.value(FIGURE_KEY, "complaints"))
        self.figure.setCurrentIndex(max(kept, 0))
        figure_label = QLabel(self.tr("&Compare by:"))
        figure_label.setBuddy(self.figure)
        self.chart_panel = ChartPanel("outlets", self.tr("Outlets compared"))

        self.days = name_widget(QSpinBox(), "silentDays", self.tr("Days without a bundle"))
        self.days.setRange(1, overview.MAX_SILENT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setValue(_int(settings.value(SILENT_DAYS_KEY), overview.DEFAULT_SILENT_DAYS))
        days_label = QLabel(self.tr("No bundle for &more than:"))
        days_label.setBuddy(self.days)
        self.silent = name_widget(QListWidget(), "silentOutlets", self.tr("Silent outlets"))
        self.silent_total = name_widget(
            QLabel(), "silentTotal", self.tr("Number of silent outlets")
        )
        self.print_button = name_widget(QPushButton(self.tr("&Assessment report…")),
                                        "printAssessmentButton",
                                        self.tr("Print or save the assessment report"))  # fmt: skip
        self.ledger_button = name_widget(QPushButton(self.tr("Export &ledger…")),
                                         "exportLedgerButton",
                                         self.tr("Export the ledger across outlets"))  # fmt: skip
        self.targets_button = name_widget(QPushButton(self.tr("&Targets…")), "targetsButton",
                                          self.tr("Set the outlets' targets"))  # fmt: skip
        self.targets_button.setToolTip(
            self.tr("The district's targets for each outlet or for all outlets (Art. 5)")
        )
        self.print_button.setToolTip(
            self.tr("The period's figures of every outlet as a PDF, with signature lines")
        )
        self.ledger_button.setToolTip(
            self.tr("Every case of the year, one row each, as an Excel workbook (masked)")
        )

        bar = QHBoxLayout()
        bar.addWidget(self.picker)
        bar.addSpacing(16)
        bar.addWidget(figure_label)
        bar.addWidget(self.figure)
        bar.addStretch(1)
        bar.addWidget(self.targets_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.ledger_button)

        silent_box = QGroupBox(self.tr("Outlets that have sent nothing"))
        silent_box.setObjectName("silentBox")
        silent_layout = QVBoxLayout(silent_box)
        days_row = QHBoxLayout()
        days_row.addWidget(days_label)
        days_row.addWidget(self.days)
        days_row.addStretch(1)
        silent_layout.addLayout(days_row)
        silent_layout.addWidget(self.silent, 1)
        silent_layout.addWidget(self.silent_total)

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.chart_panel, 3)
        lower_layout.addWidget(silent_box, 2)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.targets_note)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("districtOutletsSplitter")
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        chain = (self.kind, self.year, self.index, self.figure, self.targets_button,
                 self.print_button,
                 self.ledger_button, self.table, self.days, self.silent)  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.picker.period_changed.connect(self.model.set_period)
        self.figure.currentIndexChanged.connect(self._figure_changed)
        self.days.valueChanged.connect(self._days_changed)
        self.targets_button.clicked.connect(self.edit_targets)
        self.print_button.clicked.connect(self.print_assessment)
        self.ledger_button.clicked.connect(self.export_ledger)
        self.model.modelReset.connect(self._model_reset)
        self._restore_layout()
        self.model.set_silent_days(self.days.value())
        self.model.set_period(self.period())

    # --- the period --------------------------------------------------------------------------

    def period(self) -> Period:
        return self.picker.period()

    def set_period(self, period: Period | str) -> None:
        """Pick ``period`` (and re-query once)."""
        self.picker.set_period(period)

    # --- what follows a query ------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.refresh()

    def _model_reset(self) -> None:
        with_targets = self.model.with_targets()
        self.table.setColumnHidden(COL_TARGETS, not with_targets)
        self.targets_note.setText(
            ""
            if with_targets
            else self.tr("The district holds no targets for this period: no target column.")
        )
        self.draw_chart()
        self.show_silent()

    def figure_labels(self) -> dict[str, str]:
        return {
            "complaints": self.tr("Complaints"),
            "open": self.tr("Open"),
            "overdue": self.tr("Overdue"),
            "urgent": self.tr("Urgent"),
            "escalated": self.tr("Escalated"),
            "liable": self.tr("Liable"),
            "work_orders": self.tr("Work orders"),
            "wo_on_time": self.tr("Replied on time"),
            "wo_late": self.tr("Replied late"),
            "wo_overdue": self.tr("Unreplied, overdue"),
            "satisfaction": self.tr("Callback satisfaction (%)"),
        }

    def _figure_changed(self) -> None:
        self._settings.setValue(FIGURE_KEY, self.figure.currentData())
        self.draw_chart()

    def chart_rows(self) -> list[tuple[str, float]]:
        """(outlet, value) of the bars, highest first, as the database orders them."""
        key = self.figure.currentData()
        rows = overview.outlet_figures(self.model.period(), at=self.model.at(), sort=key,
                                       descending=True, limit=overview.CHART_TOP)  # fmt: skip
        return [
            (f"{r.outlet_code} {r.outlet_name}", float(v))
            for r in rows
            if (v := r.figure(key)) is not None
        ]

    def _fresh_chart(self) -> QChart:
        """A new chart in the panel's view: axes removed from a chart that is drawn again
        leave their labels behind (seen with PySide6 6.11 offscreen), a new chart does not."""
        panel = self.chart_panel
        old = panel.chart
        chart = QChart()
        chart.setObjectName(old.objectName())
        chart.setBackgroundRoundness(0)
        chart.setMargins(old.margins())
        chart.legend().hide()
        panel.view.setChart(chart)
        panel.chart = chart
        old.deleteLater()
        panel.caption.clear()
        return chart

    def draw_chart(self) -> None:
        panel = self.chart_panel
        chart = self._fresh_chart()
        rows = self.chart_rows()
        panel.title.setText(self.figure.currentText())
        if not rows or not any(v for _n, v in rows):
            panel.show_empty(self.tr("No data for this period"))
            return
        names, values = [n for n, _v in rows], [v for _n, v in rows]
        bars = QBarSet(self.figure.currentText())
        bars.setColor(BAR_COLOR)
        bars.setLabelColor(LABEL_COLOR)
        bars.append(list(reversed(values)))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        percent = self.figure.currentData() == "satisfaction"
        series.setLabelsFormat("@value%" if percent else "@value")
        chart.addSeries(series)
        axis = category_axis(series, list(reversed(names)))
        scale = QValueAxis()
        scale.setRange(0, 100 if percent else max(max(values) * 1.2, 5.0))
        scale.setTickCount(6)
        scale.applyNiceNumbers()
        scale.setLabelFormat("%d")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(scale, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        series.attachAxis(scale)
        if len(rows) >= overview.CHART_TOP:
            panel.caption.setText(self.tr("The {n} highest outlets.").format(n=overview.CHART_TOP))
        panel.show_chart()

    # --- silent outlets ------------------------------------------------------------------------

    def _days_changed(self, days: int) -> None:
        self._settings.setValue(SILENT_DAYS_KEY, days)
        self.model.set_silent_days(days)
        self.show_silent()

    def show_silent(self) -> None:
        at = self._clock().astimezone(dt.UTC)
        found = overview.silent_outlets(self.days.value(), at)
        self.silent.clear()
        for outlet in found:
            if outlet.last_bundle_at is None:
                text = self.tr("{code} {name}: never sent a bundle").format(
                    code=outlet.outlet_code, name=outlet.outlet_name
                )
            else:
                text = self.tr("{code} {name}: {days} days since its last bundle ({time})").format(
                    code=outlet.outlet_code,
                    name=outlet.outlet_name,
                    days=outlet.days_silent(at),
                    time=local_time(outlet.last_bundle_at),
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, outlet.outlet_code)
            item.setForeground(SILENT_COLOR)
            self.silent.addItem(item)
        if found:
            self.silent_total.setText(self.tr("{n} outlets silent").format(n=len(found)))
        else:
            self.silent_total.setText(
                self.tr("Every outlet sent a bundle in the last {n} days.").format(
                    n=self.days.value()
                )
            )

    def silent_codes(self) -> list[str]:
        return [
            self.silent.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.silent.count())
        ]

    # --- targets and reports ----------------------------------------------------------------

    def edit_targets(self) -> bool:
        """The targets dialog on the period shown; the table re-queries once it saved
        (the write is an operation that changed targets)."""
        return DistrictTargetsDialog.ask(self, self._officer, self.period(), clock=self._clock)

    def print_assessment(self) -> None:
        outlets_reports.print_assessment(self, self.model.period(), at=self.model.at(),
                                         silent_days=self.days.value(),
                                         settings=self._settings)  # fmt: skip

    def export_ledger(self) -> None:
        outlets_reports.export_ledger(self, self.model.period().year, at=self.model.at(),
                                      settings=self._settings,
                                      done=self.ledger_exported.emit)  # fmt: skip

    # --- layout ----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        state = self._settings.value(SPLITTER_KEY)
        if state is not None:
            self.splitter.restoreState(state)
        header = self._settings.value(HEADER_KEY)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        self._settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self._settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())


def _int(value: object, default: int) -> int:
    try:
        days = int(str(value))
    except (TypeError, ValueError):
        return default
    return days if 1 <= days <= overview.MAX_SILENT_DAYS else default
