"""The analysis dashboard draws db.management.analysis's figures, computed on a worker thread, and
shows "no data" on an empty database without a warning."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
)

from db.intake import cases, outlets
from db.management import analysis, targets
from db.management.targets import QUARTER, YEAR, Period
from db.store import codes, vocab
from db.store.database import close_database
from db.store.models import database, now
from desktop.analysis import dashboard
from desktop.analysis.dashboard_window import DashboardWindow
from desktop.kit import i18n, labels
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets


@pytest.fixture
def empty_db(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    yield shop
    close_database()


def open_window(qtbot, period: Period) -> DashboardWindow:
    window = DashboardWindow(None)
    qtbot.addWidget(window)
    window._loaded_once = True  # the test picks the period itself
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.dashboard.set_period(period)
    qtbot.waitUntil(lambda: not window.dashboard.is_busy())
    return window


def series_of(chart, kind):
    return [s for s in chart.series() if isinstance(s, kind)]


def test_dashboard_draws_the_db_figures(qtbot, empty_db):
    shop = empty_db
    case_factory.add_cases(shop, 25)
    year = Period(YEAR, now().year)
    targets.set_target(year, codes.METRIC_COMPLAINTS, 120, shop.head)
    expected = analysis.dashboard(year)

    window = open_window(qtbot, year)
    dash = window.dashboard
    assert unnamed_widgets(window) == []
    assert all(panel.has_data() for panel in dash.panels.values())

    trend = dash.charts["trend"]
    bars = series_of(trend, QBarSeries)[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [p.count for p in expected.trend]
    line = series_of(trend, QLineSeries)[0]
    assert [pt.y() for pt in line.points()] == [10.0] * 12  # 120 a year, 10 a month

    pareto = dash.charts["pareto"]
    counts = series_of(pareto, QBarSeries)[0].barSets()[0]
    assert counts.at(0) == expected.causes[0].count
    assert sum(counts.at(i) for i in range(counts.count())) == expected.total
    cumulative = series_of(pareto, QLineSeries)[0].points()
    assert cumulative[0].y() == pytest.approx(100 * expected.causes[0].cumulative_share)
    assert cumulative[-1].y() == pytest.approx(100.0)

    channels = series_of(dash.charts["channels"], QHorizontalBarSeries)[0].barSets()[0]
    assert sorted(channels.at(i) for i in range(channels.count())) == sorted(
        r.count for r in expected.channels
    )

    staff = series_of(dash.charts["staff"], QHorizontalBarSeries)[0].barSets()[0]
    assert sorted(staff.at(i) for i in range(staff.count())) == sorted(
        r.count for r in expected.staff
    )

    shares = series_of(dash.charts["shares"], QHorizontalBarSeries)[0].barSets()[0]
    settled = 100 * expected.settled_on_spot.share
    assert shares.at(1) == pytest.approx(settled, abs=0.05)

    replied, overdue, running = series_of(dash.charts["reply"], QStackedBarSeries)[0].barSets()
    buckets = expected.reply_times.buckets
    assert [replied.at(i) for i in range(len(buckets))] == [b.count for b in buckets]
    assert overdue.sum() == expected.reply_times.overdue
    assert running.sum() == expected.reply_times.running
    assert f"{expected.reply_times.met} " in dash.panels["reply"].caption.text()
    assert str(expected.total) in dash.summary.text()


def test_dashboard_with_an_empty_database_says_no_data(qtbot, empty_db):
    window = open_window(qtbot, Period(QUARTER, now().year, 1))
    dash = window.dashboard
    assert not any(panel.has_data() for panel in dash.panels.values())
    assert dash.panels["pareto"].empty.text()
    assert dash.charts["trend"].series() == []
    assert unnamed_widgets(window) == []


def test_the_figures_are_computed_off_the_gui_thread(qtbot, empty_db, monkeypatch):
    case_factory.add_cases(empty_db, 5)
    gate = threading.Event()
    threads = []
    real = analysis.dashboard

    def slow_dashboard(period, at=None):
        threads.append(threading.current_thread())
        gate.wait(10)
        return real(period, at)

    monkeypatch.setattr(analysis, "dashboard", slow_dashboard)
    window = DashboardWindow(None)
    qtbot.addWidget(window)
    window.show()  # the first show starts the computation
    dash = window.dashboard
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    assert dash.is_busy() and dash.busy.isVisible()
    # The GUI thread is free meanwhile: it handles the period picker while the worker waits.
    dash.kind.setCurrentIndex(0)
    assert dash.period().kind == YEAR
    gate.set()
    qtbot.waitUntil(lambda: not dash.is_busy(), timeout=10_000)
    assert not dash.busy.isVisible()
    assert dash.data is not None and dash.data.period.kind == YEAR


# The offscreen platform cannot raise a window; a desktop can.
@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_the_analysis_menu_opens_the_dashboard_beside_the_main_window(qtbot, empty_db, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from desktop.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(empty_db.outlet, empty_db.head, settings=settings)
    qtbot.addWidget(window)
    analysis_menu = window.findChild(QMenu, "menuAnalysis")
    outlet_menu = window.findChild(QMenu, "menuOutlet")
    names = [a.objectName() for a in analysis_menu.actions()]
    assert names == ["actionDashboard", "actionTargets"]
    assert {"actionDisputes", "actionSuggestions"} <= {
        a.objectName() for a in outlet_menu.actions()
    }
    analysis_menu.actions()[0].trigger()
    dashboard = window.findChild(DashboardWindow, "dashboardWindow")
    assert dashboard is not None and dashboard.isVisible() and not dashboard.isModal()
    qtbot.waitUntil(lambda: dashboard.dashboard.data is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not dashboard.dashboard.is_busy())
    analysis_menu.actions()[0].trigger()  # raises the same window
    assert len(window.findChildren(DashboardWindow)) == 1


# --- every bar keyed by its own full label (long and colliding names) --------------------

# Two long staff names that share their first 20 characters, and a third person with the
# very same name as the second: three people, three bars.
LONG_NAMES = ("Konstantinopoulou-Abercrombie Alexandra", "Konstantinopoulou-Abercrombie Benedict")


def _long_label_data(shop) -> None:
    """Complaints over every channel and many causes, most of them on site, first asked by
    people with long names, so clipped or shortened labels would collide."""
    people = [
        outlets.add_staff(shop.outlet, name, f"L{i}", vocab.ROLE_TELLER)
        for i, name in enumerate(LONG_NAMES)
    ]
    people.append(outlets.add_staff(shop.outlet, LONG_NAMES[1], "L9", vocab.ROLE_TELLER))
    at = now()
    channels = list(vocab.CHANNELS)
    with database.atomic():
        for i in range(60):
            data = case_factory.new_case_data(i, shop.staff, at)
            data.channel = "onsite" if i % 3 else channels[i % len(channels)]
            data.cause = case_factory.CAUSES[i % 7]
            data.first_ask_owner_id = people[i % 3].id if i % 4 else shop.head.id
            cases.register_case(shop.outlet, data, actor=shop.head)


def bars_by_category(chart) -> dict[str, float]:
    """Each category of the chart's bar axis with the value its bar draws."""
    series = [s for s in chart.series() if isinstance(s, (QBarSeries, QHorizontalBarSeries))][0]
    axis = next(a for a in series.attachedAxes() if isinstance(a, QBarCategoryAxis))
    categories = axis.categories()
    values = series.barSets()[0]
    # A category the axis refused (a duplicate) would leave a bar without its label.
    assert len(categories) == values.count(), (categories, values.count())
    return {category: values.at(i) for i, category in enumerate(categories)}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_bar_shows_its_own_value_with_long_labels(qtbot, empty_db, qapp, lang):
    _long_label_data(empty_db)
    year = Period(YEAR, now().year)
    expected = analysis.dashboard(year)
    i18n.install_translators(qapp, lang)
    try:
        window = open_window(qtbot, year)
        dash = window.dashboard

        channels = bars_by_category(dash.charts["channels"])
        assert channels == {
            labels.label("channel", r.code): float(r.count)
            for r in expected.channels[: dashboard.CHANNEL_TOP]
        } | (
            {}
            if len(expected.channels) <= dashboard.CHANNEL_TOP
            else {
                dash.tr("Other channels"): float(
                    sum(r.count for r in expected.channels[dashboard.CHANNEL_TOP :])
                )
            }
        )
        onsite = labels.label("channel", "onsite")
        assert channels[onsite] == next(r.count for r in expected.channels if r.code == "onsite")

        causes = bars_by_category(dash.charts["pareto"])
        assert causes == {labels.label("cause", r.cause): float(r.count) for r in expected.causes}

        staff = bars_by_category(dash.charts["staff"])
        assert len(staff) == len(expected.staff)
        assert sorted(staff.values()) == sorted(float(r.count) for r in expected.staff)
        for row in expected.staff:
            if [r.name for r in expected.staff].count(row.name) == 1:
                assert staff[row.name] == row.count
        assert all(len(name) > 9 for name in staff if "Konstantin" in name)

        trend = bars_by_category(dash.charts["trend"])
        assert list(trend.values()) == [float(p.count) for p in expected.trend]
    finally:
        i18n.install_translators(qapp, "en")
