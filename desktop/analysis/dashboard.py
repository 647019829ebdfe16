"""The analysis dashboard (Art. 5(1)): six QtCharts charts of one period's complaints.

Every figure comes from db.management.analysis.dashboard, computed off the GUI thread with QueryOp
while an indeterminate bar says the dashboard is working; the window stays responsive, and
a result that arrives after the period was changed again is dropped. A chart with nothing
to draw shows "No data for this period" instead of an empty plot.

Charts (``Dashboard.charts`` by key): ``trend`` (complaints per month, bars, against the
monthly target, a line), ``pareto`` (complaints per cause, bars, with the cumulative share,
a line on a 0-100 % axis), ``channels`` (a donut), ``staff`` (horizontal bars),
``shares`` (settled on the spot and escalated, in % of all complaints), ``reply`` (time to
reply in buckets, with the share that met the agreed time in the panel's caption).

Signals:
    loaded(object): a db.management.analysis.Dashboard was drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from db.management import analysis
from db.management.targets import Period
from db.store.models import now
from desktop.analysis import analysis_labels
from desktop.analysis.period_picker import PeriodPicker
from desktop.kit import labels
from desktop.kit.refusals import name_widget
from desktop.kit.worker import QueryOp

BAR_COLOR = QColor("#3b6ea8")
TARGET_COLOR = QColor("#c62828")
LINE_COLOR = QColor("#e08a00")
SHARE_COLOR = QColor("#2e8b57")
LABEL_COLOR = QColor("#202020")
OVERDUE_COLOR = QColor("#c62828")
RUNNING_COLOR = QColor("#a0a0a0")
PARETO_TOP = 8
STAFF_TOP = 10
CHANNEL_TOP = 6


def category_keys(names: Sequence[str]) -> list[str]:
    """The full labels as a bar axis's categories, each one distinct.

    QBarCategoryAxis keys bars by their category text and silently refuses a repeated one,
    after which every later bar sits under the wrong name or is not drawn. So labels are
    never cut or shortened here (the axis elides a long one only when it paints it, and
    the bar's tooltip names it in full), and a name that occurs twice, such as two staff
    members called the same, gets its ordinal: "Name (2)".
    """
    keys: list[str] = []
    seen: set[str] = set()
    for name in names:
        key, n = name, 1
        while key in seen:
            n += 1
            key = f"{name} ({n})"
        seen.add(key)
        keys.append(key)
    return keys


def bar_tooltips(series: QAbstractBarSeries, categories: Sequence[str]) -> None:
    """Hovering a bar shows its full category and its value."""

    def hovered(status: bool, index: int, bar_set: QBarSet) -> None:
        if status and 0 <= index < len(categories):
            value = bar_set.at(index)
            text = f"{categories[index]}: {value:g}"
            if bar_set.label():
                text = f"{bar_set.label()} · {text}"
            QToolTip.showText(QCursor.pos(), text)
        else:
            QToolTip.hideText()

    series.hovered.connect(hovered)


def category_axis(series: QAbstractBarSeries, names: Sequence[str]) -> QBarCategoryAxis:
    """A bar axis keyed by the full, distinct labels of ``names``, with bar tooltips."""
    keys = category_keys(names)
    axis = QBarCategoryAxis()
    axis.append(keys)
    # Qt elides a label that has no room when it paints it; the category stays whole.
    axis.setTruncateLabels(True)
    bar_tooltips(series, keys)
    return axis


class ChartPanel(QFrame):
    """A caption, and either a chart or the "no data" text."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"panel_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setObjectName(f"title_{key}")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.caption = QLabel()
        self.caption.setObjectName(f"caption_{key}")
        self.caption.setWordWrap(True)
        self.caption.setProperty("role", "hint")
        self.chart = QChart()
        self.chart.setObjectName(f"chart_{key}")
        self.chart.setBackgroundRoundness(0)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().hide()
        self.view = QChartView(self.chart)
        name_widget(self.view, f"chartView_{key}", title)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(300, 220)
        self.empty = QLabel()
        self.empty.setObjectName(f"noData_{key}")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()
        self.chart.legend().hide()
        self.caption.clear()

    def show_chart(self) -> None:
        self.stack.setCurrentWidget(self.view)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def has_data(self) -> bool:
        return self.stack.currentWidget() is self.view


class Dashboard(QWidget):
    """Period picker and the charts; ``reload()`` recomputes on a worker thread."""

    loaded = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, at: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._at = at
        self._generation = 0
        self.data: analysis.Dashboard | None = None
        self.busy_count = 0

        self.picker = PeriodPicker("dashboard", lambda: self._at or now(), self)
        self.kind, self.year, self.index = self.picker.kind, self.picker.year, self.picker.index
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        name_widget(self.refresh_button, "dashboardRefresh", self.tr("Refresh the dashboard"))
        self.busy = QProgressBar()
        self.busy.setObjectName("dashboardBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(140)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)
        self.error = QLabel()
        self.error.setObjectName("dashboardError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.picker)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.busy)
        bar.addSpacing(16)
        bar.addWidget(self.summary, 1)

        self.panels: dict[str, ChartPanel] = {
            "trend": ChartPanel("trend", self.tr("Complaints per month against target")),
            "pareto": ChartPanel("pareto", self.tr("Causes (Pareto)")),
            "channels": ChartPanel("channels", self.tr("By channel")),
            "staff": ChartPanel("staff", self.tr("By staff member (first asked)")),
            "shares": ChartPanel("shares", self.tr("Settled on the spot and escalated")),
            "reply": ChartPanel("reply", self.tr("Time to reply against the agreed time")),
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        # The trend and the Pareto get a half row each (their axes name months and causes);
        # the four smaller charts share the second row.
        grid.addWidget(self.panels["trend"], 0, 0, 1, 2)
        grid.addWidget(self.panels["pareto"], 0, 2, 1, 2)
        for col, key in enumerate(("channels", "staff", "shares", "reply")):
            grid.addWidget(self.panels[key], 1, col)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        for row in range(2):
            grid.setRowStretch(row, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addLayout(grid, 1)

        self.picker.period_changed.connect(lambda _period: self.reload())
        self.refresh_button.clicked.connect(self.reload)

    @property
    def charts(self) -> dict[str, QChart]:
        return {key: panel.chart for key, panel in self.panels.items()}

    # --- the period ---------------------------------------------------------------------

    def period(self) -> Period:
        return self.picker.period()

    def set_period(self, period: Period | str) -> None:
        """Pick ``period`` (and reload once)."""
        self.picker.set_period(period)

    # --- loading ----------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.busy_count > 0

    def reload(self) -> None:
        """Compute the figures of the picked period on a worker thread, then draw them."""
        period = self.period()
        at = self._at
        self._generation += 1
        generation = self._generation
        self.busy_count += 1
        self.busy.show()
        self.error.hide()

        def finished() -> None:
            self.busy_count -= 1
            self.busy.setVisible(self.busy_count > 0)

        def success(result: analysis.Dashboard) -> None:
            finished()
            if generation == self._generation:
                self.show_data(result)

        def failure(error: BaseException) -> None:
            finished()
            if generation == self._generation:
                self.error.setText(
                    self.tr("The dashboard could not be computed: {error}").format(error=error)
                )
                self.error.show()

        QueryOp(
            parent=self, op=lambda _progress: analysis.dashboard(period, at), success=success
        ).failure(failure).run_in_background()

    # --- drawing ------------------------------------------------------------------------------

    def show_data(self, data: analysis.Dashboard) -> None:
        self.data = data
        self.summary.setText(
            self.tr("{period}: {total} complaints").format(
                period=str(data.period), total=data.total
            )
        )
        no_data = self.tr("No data for this period")
        for key, draw in (
            ("trend", self._draw_trend),
            ("pareto", self._draw_pareto),
            ("channels", self._draw_channels),
            ("staff", self._draw_staff),
            ("shares", self._draw_shares),
            ("reply", self._draw_reply),
        ):
            panel = self.panels[key]
            panel.clear()
            if draw(panel, data):
                panel.show_chart()
            else:
                panel.show_empty(no_data)
        self.loaded.emit(data)

    def _month_label(self, month: Period) -> str:
        return self.tr("{n} mo.").format(n=month.index)

    def _count_axis(self, top: float) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, max(top, 5.0))
        axis.setTickCount(6)
        axis.applyNiceNumbers()
        axis.setLabelFormat("%d")
        return axis

    def _draw_trend(self, panel: ChartPanel, data: analysis.Dashboard) -> bool:
        if data.total == 0 and all(p.target is None for p in data.trend):
            return False
        chart = panel.chart
        bars = QBarSet(self.tr("Complaints"))
        bars.setColor(BAR_COLOR)
        bars.setLabelColor(LABEL_COLOR)
        bars.append([float(p.count) for p in data.trend])
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(len(data.trend) <= 12)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = category_axis(series, [self._month_label(p.month) for p in data.trend])
        top = max([p.count for p in data.trend] + [p.target or 0 for p in data.trend])
        values = self._count_axis(top * 1.1)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        points = [QPointF(i, p.target) for i, p in enumerate(data.trend) if p.target is not None]
        if points:
            line = QLineSeries()
            line.setName(self.tr("Target"))
            line.setPen(QPen(TARGET_COLOR, 2.5, Qt.PenStyle.DashLine))
            line.setPointsVisible(True)
            line.append(points)
            chart.addSeries(line)
            line.attachAxis(categories)
            line.attachAxis(values)
        chart.legend().show()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        over = [p for p in data.trend if p.target is not None and p.count > p.target]
        panel.caption.setText(
            self.tr("Months over target: {n}").format(n=len(over))
            if points
            else self.tr("No complaints target set for this period.")
        )
        return True

    def _draw_pareto(self, panel: ChartPanel, data: analysis.Dashboard) -> bool:
        rows = data.causes
        if not rows:
            return False
        shown = list(rows[:PARETO_TOP])
        names = [labels.label("cause", r.cause) for r in shown]
        counts = [r.count for r in shown]
        cumulative = [r.cumulative_share for r in shown]
        if len(rows) > PARETO_TOP:
            names.append(self.tr("Other causes"))
            counts.append(sum(r.count for r in rows[PARETO_TOP:]))
            cumulative.append(1.0)
        chart = panel.chart
        bars = QBarSet(self.tr("Complaints"))
        bars.setColor(BAR_COLOR)
        bars.setLabelColor(LABEL_COLOR)
        bars.append([float(c) for c in counts])
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        categories = category_axis(series, names)
        # Upright labels: slanted ones reach past the plot and Qt drops the first of them.
        categories.setLabelsAngle(-90 if len(names) > 4 else 0)
        values = self._count_axis(max(counts) * 1.05)
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d%%")
        percent.setTickCount(6)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(categories)
        series.attachAxis(values)
        line = QLineSeries()
        line.setName(self.tr("Cumulative %"))
        line.setPen(QPen(LINE_COLOR, 2.5))
        line.setPointsVisible(True)
        line.append([QPointF(i, 100.0 * share) for i, share in enumerate(cumulative)])
        chart.addSeries(line)
        line.attachAxis(categories)
        line.attachAxis(percent)
        chart.legend().show()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        top = rows[0]
        panel.caption.setText(
            self.tr("Most frequent: {cause} ({share:.0%})").format(
                cause=labels.label("cause", top.cause), share=top.share
            )
        )
        return True

    def _draw_channels(self, panel: ChartPanel, data: analysis.Dashboard) -> bool:
        rows = data.channels
        if not rows:
            return False
        shown = list(rows[:CHANNEL_TOP])
        names = [labels.label("channel", r.code) for r in shown]
        counts = [r.count for r in shown]
        if len(rows) > CHANNEL_TOP:
            names.append(self.tr("Other channels"))
            counts.append(sum(r.count for r in rows[CHANNEL_TOP:]))
        self._horizontal_bars(panel, names, counts)
        panel.caption.setText(
            self.tr("Largest: {channel} ({share:.0%})").format(
                channel=names[0], share=rows[0].share
            )
        )
        return True

    def _horizontal_bars(self, panel: ChartPanel, names: list[str], counts: list[int]) -> None:
        """Bars with the largest at the top, each labelled with its count."""
        bars = QBarSet(self.tr("Complaints"))
        bars.setColor(BAR_COLOR)
        bars.setLabelColor(LABEL_COLOR)
        bars.append([float(c) for c in reversed(counts)])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart = panel.chart
        chart.addSeries(series)
        axis = category_axis(series, list(reversed(names)))
        values = self._count_axis(max(counts) * 1.2)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        series.attachAxis(values)

    def _draw_staff(self, panel: ChartPanel, data: analysis.Dashboard) -> bool:
        rows = data.staff[:STAFF_TOP]
        if not rows:
            return False
        names = [r.name if r.active else self.tr("{name} (left)").format(name=r.name) for r in rows]
        self._horizontal_bars(panel, names, [r.count for r in rows])
        if len(data.staff) > STAFF_TOP:
            panel.caption.setText(
                self.tr("The {n} with the most complaints of {total} staff.").format(
                    n=STAFF_TOP, total=len(data.staff)
                )
            )
        return True

    def _draw_shares(self, panel: ChartPanel, data: analysis.Dashboard) -> bool:
        if data.total == 0:
            return False
        shares = (
            (self.tr("Settled on the spot"), data.settled_on_spot),
            (self.tr("Escalated"), data.escalated),
        )
        series = QHorizontalBarSeries()
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars = QBarSet(self.tr("Share of complaints"))
        bars.setColor(SHARE_COLOR)
        bars.setLabelColor(LABEL_COLOR)
        bars.append([round(100.0 * (share.share or 0.0), 1) for _name, share in reversed(shares)])
        series.append(bars)
        chart = panel.chart
        chart.addSeries(series)
        names = category_axis(series, [name for name, _share in reversed(shares)])
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d%%")
        percent.setTickCount(6)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(percent)
        panel.caption.setText(
            self.tr("Settled on the spot: {a} of {n}; escalated: {b} of {n}.").format(
                a=data.settled_on_spot.part, b=data.escalated.part, n=data.total
            )
        )
        return True

    def _draw_reply(self, panel: ChartPanel, data: analysis.Dashboard) -> bool:
        reply = data.reply_times
        if reply.with_deadline == 0:
            return False
        # Replied ones by how long they took; unreplied ones in two more columns, overdue
        # (red) and not yet due (grey), so a period without replies still shows its state.
        n = len(reply.buckets)
        replied = QBarSet(self.tr("Replied"))
        replied.setColor(BAR_COLOR)
        replied.setLabelColor(LABEL_COLOR)
        replied.append([float(b.count) for b in reply.buckets] + [0.0, 0.0])
        overdue = QBarSet(self.tr("Overdue, no reply"))
        overdue.setColor(OVERDUE_COLOR)
        overdue.setLabelColor(LABEL_COLOR)
        overdue.append([0.0] * n + [float(reply.overdue), 0.0])
        running = QBarSet(self.tr("Not yet due"))
        running.setColor(RUNNING_COLOR)
        running.setLabelColor(LABEL_COLOR)
        running.append([0.0] * (n + 1) + [float(reply.running)])
        series = QStackedBarSeries()
        for bar_set in (replied, overdue, running):
            series.append(bar_set)
        series.setBarWidth(0.7)
        chart = panel.chart
        chart.addSeries(series)
        buckets = category_axis(
            series,
            [analysis_labels.label("reply_bucket", b.label) for b in reply.buckets]
            + [self.tr("overdue"), self.tr("not due")],
        )
        buckets.setTruncateLabels(False)
        buckets.setLabelsAngle(-90)
        top = max([b.count for b in reply.buckets] + [reply.overdue, reply.running, 1])
        values = self._count_axis(top * 1.1)
        chart.addAxis(buckets, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(buckets)
        series.attachAxis(values)
        chart.legend().show()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        share = reply.share_met
        met = self.tr("n/a") if share is None else f"{share:.0%}"
        text = self.tr(
            "Met the agreed time: {share} ({met} met, {late} late, {overdue} overdue, "
            "{running} still running)."
        ).format(
            share=met,
            met=reply.met,
            late=reply.late,
            overdue=reply.overdue,
            running=reply.running,
        )
        if reply.median_reply_hours is not None and reply.median_allowed_hours is not None:
            text += " " + self.tr("Median reply {took} h against {allowed} h allowed.").format(
                took=f"{reply.median_reply_hours:.0f}", allowed=f"{reply.median_allowed_hours:.0f}"
            )
        panel.caption.setText(text)
        return True
