"""The main window as a user meets it: list, search, details, counts, layout, new complaint."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QMenu, QMessageBox, QPushButton

from db.intake import cases, queries
from db.intake.queries import CaseFilter
from db.store.database import close_database
from db.store.models import Case, now
from desktop.cases.case_model import CASE_ID_ROLE, COL_CASE_NO, COL_CUSTOMER
from desktop.cases.new_case import NewCaseDialog
from desktop.main_window import LANGUAGE_KEY, MainWindow
from tests.desktop import case_factory

COUNT = 50

# The offscreen platform plugin warns on every top-level show(); it means nothing here.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path):
    yield case_factory.open_shop(tmp_path, COUNT)
    close_database()


@pytest.fixture
def window(qtbot, shop, settings):
    win = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def listed_ids(win: MainWindow) -> set[int]:
    model = win.model()
    while model.canFetchMore():
        model.fetchMore()
    return {model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())}


def test_window_lists_registered_cases(window, shop):
    model = window.table().model()
    assert model.rowCount() == COUNT
    assert listed_ids(window) == {c.id for c in shop.made}
    newest = max(shop.made, key=lambda c: c.received_at)
    assert model.index(0, COL_CASE_NO).data() == newest.case_no
    assert model.index(0, COL_CUSTOMER).data() == newest.customer_name
    assert "城关支行营业所 (GS0101)" in window.findChild(object, "statusOutlet").text()
    assert "孙丽" in window.findChild(object, "statusOutlet").text()
    # The newest case is selected at start, so its details are on show.
    assert window.detail_panel().case_id() == newest.id


@pytest.mark.parametrize("text", ["张", "李娜", "吞卡后", "排队时间过长"])
def test_typing_in_search_filters_the_list(qtbot, window, shop, text):
    expected = {c.id for c in shop.made if case_factory.matches_search(c, text)}
    assert 0 < len(expected) < COUNT
    window.filter_bar().search_box().setText(text)
    qtbot.waitUntil(lambda: window.model().rowCount() == len(expected))
    assert listed_ids(window) == expected

    window.filter_bar().search_box().clear()
    qtbot.waitUntil(lambda: window.model().rowCount() == COUNT)


def test_search_waits_for_typing_to_pause(qtbot, window):
    box = window.filter_bar().search_box()
    with qtbot.waitSignal(window.filter_bar().filter_changed) as blocker:
        for prefix in ("排", "排队", "排队时", "排队时间"):
            box.setText(prefix)
    assert blocker.args[0].search == "排队时间"


def test_selecting_a_row_shows_details_and_timeline(window, shop):
    table = window.table()
    table.selectRow(3)
    case_id = window.model().case_id_at(3)
    case = Case.get_by_id(case_id)
    panel = window.detail_panel()
    assert panel.case_id() == case_id
    assert panel.title_text() == case.case_no
    assert panel.field_text("customer_name") == case.customer_name
    assert panel.field_text("customer_phone") == queries.mask_phone(case.customer_phone)
    assert case.customer_phone not in panel.field_text("customer_phone")
    events = dict(panel.timeline_events())
    assert list(events)[0] == "Complaint registered"
    assert "Reply time agreed with the customer" in events
    agreed = case.agreed_reply_at.strftime("%Y-%m-%d %H:%M")
    assert f"Reply by {agreed}" in events["Reply time agreed with the customer"]
    assert "Received → Awaiting reply" in events["Reply time agreed with the customer"]


def test_selection_survives_a_sort(window):
    table = window.table()
    table.selectRow(7)
    case_id = window.model().case_id_at(7)
    table.sortByColumn(COL_CASE_NO, Qt.SortOrder.AscendingOrder)
    assert window.model().sort_column == COL_CASE_NO
    assert table.selected_case_id() == case_id
    assert window.detail_panel().case_id() == case_id
    current = table.selectionModel().currentIndex()
    assert current.data(CASE_ID_ROLE) == case_id


def test_filter_that_hides_the_selection_empties_the_panel(qtbot, window):
    window.table().selectRow(0)
    assert window.detail_panel().case_id() is not None
    window.filter_bar().search_box().setText("不存在的内容")
    qtbot.waitUntil(lambda: window.model().rowCount() == 0)
    assert window.detail_panel().case_id() is None


def test_status_bar_counts(window, shop):
    at = now()
    open_cases = [c for c in shop.made if c.is_open]
    overdue = [c for c in open_cases if c.due_at < at]
    due_today = [c for c in open_cases if c.due_at.date() == at.date() and c.due_at >= at]
    assert window.counts_text() == (
        f"Open: {len(open_cases)}  Overdue: {len(overdue)}  Due today: {len(due_today)}"
    )
    assert len(overdue) == COUNT // 5


def test_counts_follow_a_change(window, shop):
    before = queries.status_counts(at=now())
    data = case_factory.new_case_data(1, shop.staff, now())  # an overdue kind
    cases.register_case(shop.outlet, data, actor=shop.head)
    window.refresh()
    assert f"Open: {before.open + 1}" in window.counts_text()
    assert f"Overdue: {before.overdue + 1}" in window.counts_text()
    assert window.model().rowCount() == COUNT + 1


def test_layout_is_saved_and_restored(qtbot, shop, settings):
    first = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # Smaller than the offscreen screen (800x600): restoreGeometry clamps to the screen.
    first.resize(760, 560)
    first._splitter.setSizes([450, 290])
    first.table().sortByColumn(COL_CASE_NO, Qt.SortOrder.AscendingOrder)
    first.table().horizontalHeader().resizeSection(COL_CUSTOMER, 150)
    sizes = first._splitter.sizes()
    first.close()

    second = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == first.size()
    assert second._splitter.sizes() == sizes
    assert second.table().horizontalHeader().sectionSize(COL_CUSTOMER) == 150
    assert second.model().sort_column == COL_CASE_NO
    assert second.model().sort_order == Qt.SortOrder.AscendingOrder
    first_no = min(c.case_no for c in shop.made)
    assert second.model().index(0, COL_CASE_NO).data() == first_no


def _register_on_ask(monkeypatch, shop, **overrides):
    """Stand-in for the New complaint dialog: the user fills it in and presses OK."""
    made = []

    def ask(parent, outlet, actor):
        data = case_factory.new_case_data(3, shop.staff, now())
        data.customer_name = "新客户"
        for key, value in overrides.items():
            setattr(data, key, value)
        case = cases.register_case(outlet, data, actor=actor)
        made.append(case)
        return case

    monkeypatch.setattr(NewCaseDialog, "ask", ask)
    return made


def test_new_complaint_is_listed_and_selected(monkeypatch, window, shop):
    made = _register_on_ask(monkeypatch, shop)
    window.findChild(object, "actionNewCase").trigger()
    (case,) = made
    assert window.model().total() == COUNT + 1
    assert window.table().selected_case_id() == case.id
    assert window.table().selectionModel().currentIndex().data(CASE_ID_ROLE) == case.id
    assert window.detail_panel().title_text() == case.case_no
    assert case.case_no in window.statusBar().currentMessage()


def test_new_complaint_hidden_by_the_filter_clears_the_filter(qtbot, monkeypatch, window, shop):
    window.filter_bar().search_box().setText("李娜")
    qtbot.waitUntil(lambda: window.model().rowCount() < COUNT)
    made = _register_on_ask(monkeypatch, shop)
    window.new_case()
    assert window.filter_bar().search_box().text() == ""
    assert window.model().total() == COUNT + 1
    assert window.table().selected_case_id() == made[0].id


def test_cancelled_new_complaint_changes_nothing(monkeypatch, window):
    monkeypatch.setattr(NewCaseDialog, "ask", lambda parent, outlet, actor: None)
    window.table().selectRow(2)
    selected = window.table().selected_case_id()
    window.new_case()
    assert window.model().total() == COUNT
    assert window.table().selected_case_id() == selected


def test_due_soon_quick_filter_shows_overdue_and_due_today(window, shop):
    at = now()
    expected = {
        c.id
        for c in shop.made
        if c.is_open and c.due_at < dt.datetime.combine(at.date(), dt.time.max)
    }
    window.findChild(object, "actionDueSoon").trigger()
    assert listed_ids(window) == expected


def test_language_choice_is_saved(monkeypatch, window, settings):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window.findChild(object, "actionLanguage_en").trigger()
    assert settings.value(LANGUAGE_KEY) == "en"
    assert told and "restart" in told[0]


def test_interactive_widgets_are_named(window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
    )

    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView)
    unnamed = [
        w
        for w in window.findChildren(object)
        if isinstance(w, kinds)
        and w.isVisibleTo(window)
        and w.parent() is not None
        and not isinstance(w.parent(), (QComboBox, QAbstractItemView, QAbstractSpinBox))
        and (not w.objectName() or not w.accessibleName())
    ]
    assert unnamed == []


def test_owner_filter_lists_inactive_staff_and_filters_by_owner(qtbot, window, shop):
    teller = shop.staff[2]
    teller.active = False
    teller.save()
    bar = window.filter_bar()
    bar.reload_staff()
    owner = bar.findChild(QComboBox, "ownerFilter")
    index = owner.findData(teller.id)
    assert owner.itemText(index) == f"{teller.name} (inactive)"
    with qtbot.waitSignal(bar.filter_changed):
        owner.setCurrentIndex(index)
    expected = {c.id for c in shop.made if c.first_ask_owner_id == teller.id}
    assert listed_ids(window) == expected


def test_reset_shows_every_case_again(qtbot, window):
    bar = window.filter_bar()
    bar.findChild(QCheckBox, "overdueFilter").setChecked(True)
    bar.findChild(QComboBox, "severityFilter").setCurrentIndex(1)
    bar.findChild(QCheckBox, "dateRangeEnabled").setChecked(True)
    assert window.model().total() < COUNT
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        bar.findChild(QPushButton, "resetFilters").click()
    assert blocker.args[0] == CaseFilter()
    assert window.model().total() == COUNT


# --- the installed features see the window through its context --------------------------------

INSTALLERS = (
    "desktop/printing/reports_menu.py",
    "desktop/workorders/workorders_ui.py",
    "desktop/management/management_menu.py",
    "desktop/analysis/analysis_menu.py",
    "desktop/cases/today_panel.py",
    "desktop/help/user_guide.py",
)
# Looking a menu or an action up by its name, reading the window's private attributes, or
# walking the window's children to refresh them.
LOOKUPS = re.compile(
    r"findChild\(\s*(QMenu|QAction)|findChildren\(|window\._[a-z]|getattr\(\s*(self\._)?window"
)


def test_installers_use_the_window_context_not_names_or_private_attributes():
    root = Path(__file__).resolve().parents[3]
    found = {
        path: [
            line.strip() for line in (root / path).read_text().splitlines() if LOOKUPS.search(line)
        ]
        for path in INSTALLERS
    }
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_the_menus_stand_in_their_order_and_each_installer_filled_its_own(window):
    bar = [a.menu().objectName() for a in window.menuBar().actions() if a.menu()]
    assert bar == [
        "menuFile",
        "menuView",
        "menuOutlet",
        "menuReports",
        "menuAnalysis",
        "menuSettings",
        "menuHelp",
    ]
    names = {
        menu: [a.objectName() for a in window.findChild(QMenu, menu).actions() if a.objectName()]
        for menu in bar
    }
    assert names["menuFile"][:2] == ["actionNewCase", "actionImportWorkOrders"]
    assert names["menuView"][-1] == "actionShowWorkOrders"
    assert names["menuOutlet"] == [
        "actionStaff",
        "actionTraining",
        "actionDisputes",
        "actionSuggestions",
    ]
    assert names["menuSettings"][:3] == [
        "actionRuleSettings",
        "actionWorkCalendar",
        "actionActingHead",
    ]
    assert names["menuSettings"][-1] == "actionPenaltyScale"
    assert names["menuHelp"] == ["actionUserGuide", "actionAbout"]


def test_refresh_re_reads_a_complaint_written_behind_the_window(window, shop):
    """F5 re-queries everything: a complaint stored elsewhere (the command line) appears."""
    before = window.model().total()
    cases.register_case(
        shop.outlet, case_factory.new_case_data(1, shop.staff, now()), actor=shop.head
    )
    assert window.model().total() == before  # nothing told the window
    window.findChild(QAction, "actionRefresh").trigger()
    assert window.model().total() == before + 1
    assert f"Listed: {before + 1}" in window.findChild(object, "statusListed").text()
