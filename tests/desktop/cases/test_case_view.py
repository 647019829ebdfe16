"""The case view as the head reads it: four tabs, the details in one scroll area with the
description whole and where the case stands (liability, penalties, escalations); the list's
columns wide enough for the cause; the acting head in charge named in the status bar."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollArea

from db.handling import workflow
from db.intake import cases
from db.management import liability, penalties
from db.management.liability import Finding, Responsible
from db.store.database import close_database
from db.store.models import Case, EscalationResult, LiablePerson, now
from db.trust import permissions
from desktop.cases.case_clocks import MISSED_COLOR
from desktop.cases.case_detail import (
    TAB_CLOCKS,
    TAB_DETAILS,
    TAB_HISTORY,
    TAB_TIMELINE,
    CaseDetailPanel,
)
from desktop.cases.case_model import COL_CAUSE
from desktop.kit import labels
from desktop.kit.i18n import install_translators
from desktop.main_window import MainWindow
from tests.desktop import case_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LONG_DESCRIPTION = (
    "客户称柜员办理转账时未核对金额，导致多转出一笔款项，要求网点说明原因并退回。" * 12
)


@pytest.fixture
def shop(tmp_path, qapp):
    install_translators(qapp, "en")
    shop = case_factory.open_shop(tmp_path, 5)
    yield shop
    close_database()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def panel(qtbot, shop):
    panel = CaseDetailPanel(actor=shop.head)
    qtbot.addWidget(panel)
    panel.resize(520, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def window(qtbot, shop, settings) -> MainWindow:
    win = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def long_case(shop) -> Case:
    data = case_factory.new_case_data(1, shop.staff, now())
    data.description = LONG_DESCRIPTION
    return cases.register_case(shop.outlet, data, actor=shop.head)


def test_the_case_view_has_four_tabs_and_one_scroll_area(panel, shop):
    panel.show_case(long_case(shop).id)
    tabs = panel.tabs()
    assert [tabs.tabText(i).split(" (")[0] for i in range(tabs.count())] == [
        "Details",
        "Deadlines",
        "Timeline",
        "History",
    ]
    assert (TAB_DETAILS, TAB_CLOCKS, TAB_TIMELINE, TAB_HISTORY) == (0, 1, 2, 3)
    details = tabs.widget(TAB_DETAILS)
    # One scroll area: no box inside the page scrolls on its own.
    assert isinstance(details, QScrollArea)
    assert details.findChildren(QScrollArea) == []
    assert tabs.widget(TAB_CLOCKS) is panel.clocks()
    assert tabs.widget(TAB_TIMELINE) is panel.timeline()


def test_a_long_description_is_shown_whole(panel, qtbot, shop):
    panel.show_case(long_case(shop).id)
    label = panel.field_label("description")
    assert label.text() == LONG_DESCRIPTION
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.heightForWidth(label.width()) > 5 * label.fontMetrics().height()
    # The page scrolls instead: its content is taller than the view.
    scroll = panel.details_scroll()
    assert scroll.widget().height() > scroll.viewport().height()


def test_the_deadlines_tab_counts_and_turns_red_when_one_is_missed(panel, shop):
    overdue = shop.made[case_factory.KIND_OVERDUE]
    panel.show_case(overdue.id)
    tabs = panel.tabs()
    count = len(panel.clocks().clocks())
    assert count >= 1 and tabs.tabText(TAB_CLOCKS) == f"Deadlines ({count})"
    assert tabs.tabBar().tabTextColor(TAB_CLOCKS) == QColor(MISSED_COLOR)
    assert tabs.tabToolTip(TAB_CLOCKS) == "A deadline was missed"
    future = shop.made[case_factory.KIND_FUTURE]
    panel.show_case(future.id)
    assert tabs.tabBar().tabTextColor(TAB_CLOCKS) != QColor(MISSED_COLOR)
    assert tabs.tabToolTip(TAB_CLOCKS) == ""


def _escalated_liable_case(shop) -> Case:
    head, lobby, teller = shop.staff
    case = shop.made[case_factory.KIND_FUTURE]
    start = case.received_at
    workflow.escalate(
        case, head, "district_branch", "城关区分公司运营管理部", True, "张主任",
        start + dt.timedelta(minutes=20), "客户要求赔偿，超出网点权限。", "网点每日联系客户。",
        psbc_department="邮储银行城关支行", reported_by=teller,
        at=start + dt.timedelta(minutes=30),
    )  # fmt: skip
    workflow.feed_back(
        case, head, content="区分公司同意补偿，客户接受。", method="phone",
        customer_satisfied=True, at=start + dt.timedelta(minutes=50),
    )  # fmt: skip
    liability.determine(
        case, head,
        Finding(liable=True, reasons="柜员未核对金额",
                responsible=[Responsible(teller, Decimal("60")), Responsible(lobby, 40)],
                basis="Art. 7(1)"),
        at=start + dt.timedelta(minutes=60),
    )  # fmt: skip
    person = LiablePerson.get(LiablePerson.staff == teller.id)
    proposal = penalties.propose_penalty(Case.get_by_id(case.id), person)
    penalties.apply_penalty(
        person, head, points=proposal.points, amount=proposal.amount,
        measures=proposal.measures, at=start + dt.timedelta(minutes=70),
    )  # fmt: skip
    return case


def test_the_details_say_where_the_case_stands(panel, shop):
    fresh = shop.made[case_factory.KIND_FUTURE]
    panel.show_case(fresh.id)
    assert panel.outcome_text("liability") == "Not determined yet"
    assert panel.outcome_text("escalations") == "Not escalated"

    case = _escalated_liable_case(shop)
    panel.show_case(case.id)
    liability_text = panel.outcome_text("liability")
    assert liability_text.startswith("Liable: 郑红 60 %, 钱明 40 % (determined by 孙丽 on ")
    assert "Duty or rule breached: Art. 7(1)" in liability_text
    proposal = penalties.penalties_of_case(case)[0]
    assert panel.outcome_text("penalties").startswith(
        f"郑红: {proposal.points} points, {proposal.amount:.2f} yuan"
    )
    escalations = panel.outcome_text("escalations")
    level = labels.label("escalation_level", "district_branch")
    assert f"{level}: 城关区分公司运营管理部, with PSBC (邮储银行城关支行)" in escalations
    assert "): 区分公司同意补偿，客户接受。" in escalations


def test_the_districts_handling_of_an_escalation_shows_in_the_case(panel, shop):
    """What the district sends down about an escalation it leads (Art. 11) is shown under
    that escalation: first in hand, then its result, as each bundle down states it."""
    case = _escalated_liable_case(shop)
    row = EscalationResult.create(
        case=case.id, escalation_seq=1, department="区分公司个人金融部",
        psbc_counterpart="邮储银行城关支行", result="", bundle_seq=1,
        received_at=dt.datetime(2026, 12, 2, 9, 0),
    )  # fmt: skip
    panel.show_case(case.id)
    escalations = panel.outcome_text("escalations")
    assert (
        "District: led by 区分公司个人金融部, with PSBC (邮储银行城关支行); no result yet "
        "(as of 2026-12-02 09:00)" in escalations
    )
    row.result, row.result_at, row.bundle_seq = "已与客户和解", dt.datetime(2026, 12, 3, 10), 2
    row.save()
    panel.show_case(case.id)
    escalations = panel.outcome_text("escalations")
    assert (
        "District's result (2026-12-03 10:00, led by 区分公司个人金融部, with PSBC" in escalations
    )
    assert escalations.index("已与客户和解") < escalations.index("区分公司同意补偿")


def test_the_outcome_reads_in_chinese(qapp, panel, shop):
    case = _escalated_liable_case(shop)
    install_translators(qapp, "zh_CN")
    try:
        panel.show_case(case.id)
        assert panel.outcome_text("liability").startswith("有责：郑红 60%、钱明 40%（孙丽 于 ")
        assert "违反的职责或规定：第七条第一项" in panel.outcome_text("liability")
        escalations = panel.outcome_text("escalations")
        assert "城关区分公司运营管理部，协同邮储银行（邮储银行城关支行）" in escalations
        assert "）：区分公司同意补偿，客户接受。" in escalations
    finally:
        install_translators(qapp, "en")


def test_the_cause_column_has_room_by_default(qtbot, shop, settings):
    win = window(qtbot, shop, settings)
    header = win.table().horizontalHeader()
    metrics = win.table().fontMetrics()
    longest = max(metrics.horizontalAdvance(text) for _code, text in labels.choices("cause"))
    assert header.sectionSize(COL_CAUSE) >= longest
    # It is the last column, which takes the width left over.
    assert header.visualIndex(COL_CAUSE) == header.count() - 1


def test_the_details_get_a_good_share_of_the_window_by_default(qtbot, shop, settings):
    win = window(qtbot, shop, settings)
    sizes = win._splitter.sizes()
    assert sizes[1] >= 0.34 * sum(sizes)


def test_the_status_bar_names_the_acting_head_while_in_charge(qtbot, shop, settings):
    head, lobby, _teller = shop.staff
    win = window(qtbot, shop, settings)
    label = win.acting_head_label()
    assert label.isHidden()
    start = now()
    permissions.name_acting_head(head, lobby, start - dt.timedelta(hours=1), start + dt.timedelta(seconds=3))  # fmt: skip
    win.refresh()
    assert label.isVisible()
    assert label.text().startswith("Acting head: 钱明 (until ")
    # The span ends: the label goes without anyone refreshing the window.
    qtbot.waitUntil(label.isHidden, timeout=8000)
    # A span starting in a moment: the label comes back on its own. The moment is a few
    # seconds off, so that a loaded machine still refreshes the window before it comes.
    starts = now() + dt.timedelta(seconds=3)
    permissions.name_acting_head(head, lobby, starts, starts + dt.timedelta(hours=2))
    win.refresh()
    refreshed = now()
    if refreshed < starts:
        assert label.isHidden()
    qtbot.waitUntil(label.isVisible, timeout=10000)


def test_the_acting_head_reads_in_chinese(qapp, qtbot, shop, settings):
    head, lobby, _teller = shop.staff
    ends = (now() + dt.timedelta(days=1)).replace(hour=18, minute=0, second=0)
    permissions.name_acting_head(head, lobby, now() - dt.timedelta(hours=1), ends)
    month = ends.strftime("%b")  # the C locale's short month names are English
    assert window(qtbot, shop, settings).acting_head_label().text() == (
        f"Acting head: 钱明 (until {ends.day} {month} 18:00)"
    )
    install_translators(qapp, "zh_CN")
    try:
        win = window(qtbot, shop, settings)
        assert win.acting_head_label().text() == (
            f"现场负责人：钱明（至 {ends.month}月{ends.day}日 18:00）"
        )
    finally:
        install_translators(qapp, "en")
