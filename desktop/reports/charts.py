"""Vector charts for the printed reports, drawn with reportlab.graphics in the embedded font.

Qt-free. Each function returns a ``Drawing`` (a flowable) of the given width; every string
in it is set in the report font, so axis labels and legends in Chinese are embedded like
the rest of the text, a rare character in a name included (``pc.printable``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from desktop.reports import pdf_common as pc

BAR = colors.HexColor("#3b5b7f")
TARGET = colors.HexColor("#c9c9c9")
AXIS = colors.HexColor("#555555")


def _nice_max(value: float) -> float:
    """A round upper bound for the value axis (1, 2, 5 x 10^n)."""
    if value <= 0:
        return 5
    magnitude = 1.0
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is the embedded one: reportlab's renderer otherwise sets
    Helvetica first, which then appears in the PDF unembedded."""
    drawing = Drawing(width, height)
    drawing.initialFontName = pc.register_font()
    return drawing


def _style_axes(chart, font_size: float = 7.5) -> None:
    font = pc.register_font()
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = font_size
        axis.strokeColor = AXIS
        axis.strokeWidth = 0.5
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"


def trend_chart(
    labels: Sequence[str],
    values: Sequence[float],
    targets: Sequence[float | None],
    *,
    width: float,
    height: float = 62 * mm,
    title: str,
    value_label: str,
    target_label: str,
    axis_title: str,
) -> Drawing:
    """Bars per month (or day) with the target beside each bar where one is set."""
    font = pc.register_font()
    title = pc.printable(title)
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 16 * mm
    chart.width, chart.height = width - 20 * mm, height - 28 * mm
    has_target = any(t is not None for t in targets)
    data = [list(values)]
    if has_target:
        data.append([t if t is not None else 0 for t in targets])
    chart.data = data
    chart.categoryAxis.categoryNames = [pc.printable(label) for label in labels]
    chart.bars[0].fillColor = BAR
    chart.bars.strokeWidth = 0
    if has_target:
        chart.bars[1].fillColor = TARGET
    chart.barSpacing = 1
    chart.groupSpacing = 4 if len(labels) > 15 else 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max([*values, *(t or 0 for t in targets), 1]))
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    _style_axes(chart)
    if len(labels) > 15:  # days of a month: every label, turned
        chart.categoryAxis.labels.angle = 90
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.fontSize = 6
    if len(labels) <= 15:  # the actual's value over its bar; the target's is in the table
        chart.barLabelFormat = "values"
        chart.barLabelArray = [[f"{v:,.0f}" for v in values]] + (
            [[""] * len(values)] if has_target else []
        )
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    drawing.add(chart)
    drawing.add(
        String(width / 2, height - 7, title, fontName=font, fontSize=9, textAnchor="middle")
    )
    drawing.add(String(2, height - 18, axis_title, fontName=font, fontSize=7, fillColor=AXIS))
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx, legend.dy = 7, 7
    legend.deltax = 60
    items = [(BAR, value_label)]
    if has_target:
        items.append((TARGET, target_label))
    legend.colorNamePairs = items
    legend.x, legend.y = width - 40 * mm, height - 10
    drawing.add(legend)
    return drawing


def ranking_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    width: float,
    title: str,
    bar_height: float = 5.5 * mm,
) -> Drawing:
    """Horizontal bars, largest on top, each labelled with its value."""
    font = pc.register_font()
    title = pc.printable(title)
    n = max(len(labels), 1)
    height = n * bar_height + 24 * mm
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 58 * mm, 10 * mm
    chart.width, chart.height = width - 70 * mm, n * bar_height
    # reportlab draws the first category at the bottom; reverse to put the largest on top.
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = [pc.printable(label) for label in reversed(labels)] or [""]
    chart.bars[0].fillColor = BAR
    chart.bars.strokeWidth = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max([*values, 1]))
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    _style_axes(chart)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(
        String(width / 2, height - 8, title, fontName=font, fontSize=9, textAnchor="middle")
    )
    return drawing
