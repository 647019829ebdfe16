"""The "Outlets side by side" tab as an officer sees it: the figures of each outlet for the
period chosen, sorted by the query, the chart on one figure and the silent outlets, on the
real PostgreSQL server with three outlets' bundles imported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.store import codes
from desktop.district.main_window import DistrictWindow
from desktop.district.outlets_model import (
    COL_COMPLAINTS,
    COL_LAST_BUNDLE,
    COL_OUTLET,
    COL_OVERDUE,
    COL_SATISFACTION,
    COL_TARGETS,
    COL_WO_LATE,
    COL_WO_ON_TIME,
    OutletFiguresModel,
)
from desktop.district.outlets_panel import SILENT_DAYS_KEY, OutletsPanel
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.district.overview_data import AT, build_district, set_target

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def three(district_db, tmp_path):
    build_district(tmp_path)
    return district_db


@pytest.fixture
def panel(qtbot, three, settings):
    p = OutletsPanel(settings, clock=lambda: AT)
    qtbot.addWidget(p)
    p.show()
    return p


def cell(panel, row: int, column: int) -> str:
    return panel.model.index(row, column).data()


def column(panel, col: int) -> list[str]:
    return [cell(panel, r, col) for r in range(panel.model.rowCount())]


def test_the_quarter_shows_each_outlets_figures(panel):
    assert panel.period().__str__() == "2026-Q1"  # the quarter of "now"
    assert column(panel, COL_OUTLET) == ["BJ0101 BJ0101网点", "BJ0102 BJ0102网点",
                                         "BJ0103 BJ0103网点"]  # fmt: skip
    assert column(panel, COL_COMPLAINTS) == ["3", "1", "0"]
    assert column(panel, COL_OVERDUE) == ["1", "1", "0"]
    assert column(panel, COL_WO_ON_TIME) == ["1", "0", "0"]
    assert column(panel, COL_WO_LATE) == ["1", "0", "0"]
    assert column(panel, COL_SATISFACTION) == ["50.0%", "100.0%", ""]
    assert cell(panel, 2, COL_LAST_BUNDLE) == "Never"


def test_another_period_requeries(panel):
    panel.set_period("2026-04")
    assert column(panel, COL_COMPLAINTS) == ["1", "0", "0"]
    panel.kind.setCurrentIndex(panel.kind.findData("year"))
    assert not panel.index.isVisibleTo(panel)
    assert str(panel.period()) == "2026"
    assert column(panel, COL_COMPLAINTS) == ["4", "1", "0"]


def test_a_header_click_sorts_in_the_query(panel):
    panel.table.sortByColumn(COL_SATISFACTION, Qt.SortOrder.DescendingOrder)
    assert [r.split()[0] for r in column(panel, COL_OUTLET)] == ["BJ0102", "BJ0101", "BJ0103"]
    panel.table.sortByColumn(COL_COMPLAINTS, Qt.SortOrder.AscendingOrder)
    assert [r.split()[0] for r in column(panel, COL_OUTLET)] == ["BJ0103", "BJ0102", "BJ0101"]
    panel.table.sortByColumn(COL_TARGETS, Qt.SortOrder.AscendingOrder)  # not sortable: kept
    assert [r.split()[0] for r in column(panel, COL_OUTLET)] == ["BJ0103", "BJ0102", "BJ0101"]


def test_silent_outlets_are_listed_and_flagged_with_the_days_remembered(panel, settings):
    assert panel.silent_codes() == ["BJ0103", "BJ0102"]
    texts = [panel.silent.item(i).text() for i in range(panel.silent.count())]
    assert texts[0] == "BJ0103 BJ0103网点: never sent a bundle"
    assert texts[1].startswith("BJ0102 BJ0102网点: 47 days since its last bundle")
    assert panel.silent_total.text() == "2 outlets silent"
    flagged = [panel.model.index(r, COL_LAST_BUNDLE).data(Qt.ItemDataRole.BackgroundRole)
               is not None for r in range(3)]  # fmt: skip
    assert flagged == [False, True, True]
    panel.days.setValue(60)
    assert panel.silent_codes() == ["BJ0103"]
    assert settings.value(SILENT_DAYS_KEY) == 60
    flagged = [panel.model.index(r, COL_LAST_BUNDLE).data(Qt.ItemDataRole.BackgroundRole)
               is not None for r in range(3)]  # fmt: skip
    assert flagged == [False, False, True]


def test_the_days_come_back_from_the_settings(qtbot, three, settings):
    settings.setValue(SILENT_DAYS_KEY, 60)
    p = OutletsPanel(settings, clock=lambda: AT)
    qtbot.addWidget(p)
    assert p.days.value() == 60
    assert p.silent_codes() == ["BJ0103"]
    settings.setValue(SILENT_DAYS_KEY, "nonsense")
    again = OutletsPanel(settings, clock=lambda: AT)
    qtbot.addWidget(again)
    assert again.days.value() == 14


def test_the_chart_compares_the_outlets_on_the_figure_chosen(panel):
    assert panel.chart_rows() == [("BJ0101 BJ0101网点", 3.0), ("BJ0102 BJ0102网点", 1.0),
                                  ("BJ0103 BJ0103网点", 0.0)]  # fmt: skip
    assert panel.chart_panel.has_data()
    (series,) = panel.chart_panel.chart.series()
    bars = series.barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [0.0, 1.0, 3.0]  # largest at the top
    panel.figure.setCurrentIndex(panel.figure.findData("satisfaction"))
    assert panel.chart_rows() == [("BJ0102 BJ0102网点", 100.0), ("BJ0101 BJ0101网点", 50.0)]
    assert panel.chart_panel.title.text() == "Callback satisfaction (%)"
    chart = panel.chart_panel.chart
    assert len(chart.series()) == 1 and len(chart.axes()) == 2  # the old axes are gone
    assert chart.axes(Qt.Orientation.Vertical)[0].categories() == ["BJ0101 BJ0101网点",
                                                                 "BJ0102 BJ0102网点"]  # fmt: skip
    panel.figure.setCurrentIndex(panel.figure.findData("liable"))
    panel.set_period("2026-Q3")
    assert not panel.chart_panel.has_data()
    assert panel.chart_panel.empty.text() == "No data for this period"


def test_targets_show_only_where_the_district_holds_them(panel):
    assert panel.table.isColumnHidden(COL_TARGETS)
    assert "no targets" in panel.targets_note.text()
    set_target("BJ0101", "2026-Q1", codes.METRIC_COMPLAINTS, 2)
    set_target("BJ0101", "2026-Q1", codes.METRIC_URGENT, 5)
    panel.refresh()
    assert not panel.table.isColumnHidden(COL_TARGETS)
    assert panel.targets_note.text() == ""
    assert column(panel, COL_TARGETS) == ["1 of 2", "", ""]
    tip = panel.model.index(0, COL_TARGETS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Complaints: target 2, actual 3, Missed" in tip
    assert "Urgent complaints: target 5, actual 1, On track" in tip


def test_the_tab_in_the_window_is_named_and_keyboard_reachable(
    qtbot, three, settings, district_url
):
    w = DistrictWindow(district_name="东城区分公司", url=district_url, officer="赵敏",
                       settings=settings, language="en")  # fmt: skip
    qtbot.addWidget(w)
    w.show()
    w.findChild(type(w.menuBar().actions()[0]), "outletsTabAction").trigger()
    assert w.tabs.currentWidget() is w.outlets
    assert w.tabs.tabText(w.tabs.indexOf(w.outlets)) == "Outlets side by side"
    assert unnamed_widgets(w) == []
    for widget in (w.outlets.kind, w.outlets.year, w.outlets.figure, w.outlets.table,
                   w.outlets.days, w.outlets.silent):  # fmt: skip
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    index = w.tabs.indexOf(w.outlets)
    w.close()
    assert settings.value("district/tab") == index
    assert settings.value("district/outlets_splitter") is not None


def test_the_model_keeps_the_qt_contract(qtmodeltester, three):
    model = OutletFiguresModel(clock=lambda: AT)
    model.refresh()
    qtmodeltester.check(model)


def test_the_chinese_tab_shows_chinese(qtbot, three, settings, qapp):
    from desktop.kit import i18n

    i18n.install_translators(qapp, "zh_CN")
    try:
        p = OutletsPanel(settings, clock=lambda: AT)
        qtbot.addWidget(p)
        headers = p.model.headers()
        assert headers[COL_COMPLAINTS] == "投诉件数"
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in headers)
        assert p.silent.item(0).text() == "BJ0103 BJ0103网点：从未报送交换包"
    finally:
        i18n.install_translators(qapp, "en")


# --- the reports of the tab ----------------------------------------------------------------


def test_the_assessment_report_is_previewed_for_the_period_shown(qtbot, panel, monkeypatch):
    from desktop.printing.report_preview import ReportPreviewDialog

    asked = {}

    def ask(parent, title, build, suggested_name, *, settings=None, actor=None):
        dialog = ReportPreviewDialog(title, build, suggested_name, parent, settings)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.report_loaded, timeout=30_000):
            dialog.start()
        asked.update(title=title, name=suggested_name, pages=dialog.page_count(),
                     pdf=dialog.pdf_bytes())  # fmt: skip

    monkeypatch.setattr(ReportPreviewDialog, "ask", ask)
    panel.print_button.click()
    assert asked["title"] == "District assessment report"
    assert asked["name"] == "区县分公司考核报告-2026-Q1.pdf"
    assert asked["pages"] >= 1
    assert asked["pdf"].startswith(b"%PDF")


def test_the_assessment_of_an_empty_district_is_refused_in_words(qtbot, district_db, settings,
                                                                 monkeypatch):  # fmt: skip
    from PySide6.QtWidgets import QMessageBox

    from tests.district.helpers import add_district

    add_district()
    p = OutletsPanel(settings, clock=lambda: AT)
    qtbot.addWidget(p)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    p.print_button.click()
    assert shown == ["No outlet is enrolled in this district yet: there is nothing to assess."]
    assert p.model.rowCount() == 0
    assert p.silent_total.text() == "Every outlet sent a bundle in the last 14 days."


def test_the_ledger_across_outlets_is_written_for_the_year_shown(qtbot, panel, monkeypatch,
                                                                 tmp_path):  # fmt: skip
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "台账"  # no suffix: .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "Excel workbooks (*.xlsx)"))  # fmt: skip
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    with qtbot.waitSignal(panel.ledger_exported, timeout=30_000) as written:
        panel.ledger_button.click()
    path, count = written.args
    assert (path.name, count) == ("台账.xlsx", 5)
    assert told == [f"Wrote 5 cases of 2026 to {path}; customer data is masked."]
    rows = list(load_workbook(path)["投诉台账"].iter_rows(values_only=True))
    assert rows[0][:2] == ("网点代码", "网点名称")
    assert {r[0] for r in rows[1:]} == {"BJ0101", "BJ0102"}


def test_a_cancelled_ledger_export_writes_nothing(qtbot, panel, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    panel.ledger_button.click()
    assert list(tmp_path.glob("*.xlsx")) == []


def test_the_rows_are_fetched_a_page_at_a_time(qtbot, three, settings, monkeypatch):
    from desktop.district import outlets_model

    monkeypatch.setattr(outlets_model, "PAGE_SIZE", 2)
    p = OutletsPanel(settings, clock=lambda: AT)
    qtbot.addWidget(p)
    model = p.model
    model.refresh()
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 3 and not model.canFetchMore()
    assert [model.index(r, COL_OUTLET).data().split()[0] for r in range(3)] == [
        "BJ0101", "BJ0102", "BJ0103"
    ]  # fmt: skip


def test_f5_shows_an_outlet_enrolled_meanwhile(qtbot, three, settings, district_url):
    from tests.district.helpers import add_outlet

    w = DistrictWindow(district_name="东城区分公司", url=district_url, officer="赵敏",
                       settings=settings, language="en")  # fmt: skip
    qtbot.addWidget(w)
    w.outlets.set_period("2026-Q1")
    assert w.outlets.model.rowCount() == 3
    add_outlet("BJ0104")  # by another officer, or the command line
    w.refresh()
    assert w.outlets.model.rowCount() == 4
    assert "BJ0104" in w.outlets.silent_codes()
