"""The escalation wizard (Art. 10-11): each path through it, cancel on every page, and a page
with something missing that does not let the head go on."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QWizard

from db.errors import WorkflowError
from db.handling import workflow
from db.store import codes, vocab
from db.store.models import CaseEvent, now
from desktop.handling import escalation_wizard as ew
from desktop.handling.escalation_wizard import EscalationWizard
from tests.db.workflow_fixtures import World, dump, events, world
from tests.desktop.app.test_accessibility import unnamed_widgets

__all__ = ["world"]

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton
CANCEL = QWizard.WizardButton.CancelButton


def open_wizard(qtbot, world: World, case, actor=None) -> EscalationWizard:
    wizard = EscalationWizard(world.reload(case), actor or world.head)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(wizard: EscalationWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    button.click()


def reported_case(world: World):
    case = world.case()
    workflow.reply(
        case, world.teller, content="已解释原因", method="phone", customer_satisfied=False
    )
    workflow.report(case, world.teller, world.head)
    return world.reload(case)


def go_beyond(wizard: EscalationWizard) -> None:
    wizard.settle_page.no_radio.setChecked(True)
    click(wizard, NEXT)
    wizard.scope_page.beyond_radio.setChecked(True)
    click(wizard, NEXT)


def fill_level(wizard: EscalationWizard, *, psbc: bool) -> None:
    page = wizard.level_page
    page.level_combo.setCurrentIndex(page.level_combo.findData("district_branch"))
    page.department_edit.setText("城南区分公司运营管理部")
    page.psbc_check.setChecked(psbc)
    if psbc:
        page.psbc_edit.setText("城南区邮储银行支行营业部")
    click(wizard, NEXT)


def fill_contact(wizard: EscalationWizard) -> None:
    page = wizard.contact_page
    page.person_edit.setText("张科长")
    page.at_edit.setDateTime(now() - dt.timedelta(minutes=10))
    page.summary_edit.setPlainText("客户对回复不满意，要求上级协调解决")
    click(wizard, NEXT)


def fill_follow_up(wizard: EscalationWizard) -> None:
    wizard.follow_up_page.follow_up_edit.setPlainText(
        "李娜每两天联系客户一次；结果由网点负责人反馈"
    )
    click(wizard, NEXT)


def last_escalation(case) -> dict:
    event = (
        CaseEvent.select()
        .where((CaseEvent.case == case.id) & (CaseEvent.kind == codes.EVENT_ESCALATED))
        .order_by(CaseEvent.id.desc())
        .first()
    )
    return json.loads(event.data)


# --- the paths --------------------------------------------------------------------------------


def test_settled_here_ends_without_escalating_and_offers_the_transfer(qtbot, world):
    case = reported_case(world)
    before = dump()
    wizard = open_wizard(qtbot, world, case)
    assert unnamed_widgets(wizard) == []
    wizard.settle_page.yes_radio.setChecked(True)
    assert wizard.settle_page.explain.isVisible()
    assert "nothing is escalated" in wizard.settle_page.explain.text()
    assert not wizard.button(NEXT).isVisible()
    assert wizard.button(FINISH).text().replace("&", "") == "Go to transfer"
    click(wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.outcome is not None and wizard.outcome.kind == ew.OUTCOME_TRANSFER
    assert dump() == before


def test_within_the_outlet_records_the_report_to_the_head_only(qtbot, world):
    case = world.case()  # awaiting reply, never reported
    wizard = open_wizard(qtbot, world, case)
    wizard.settle_page.no_radio.setChecked(True)
    click(wizard, NEXT)
    scope = wizard.scope_page
    assert scope.reporter_combo.isVisible()
    scope.reporter_combo.setCurrentIndex(scope.reporter_combo.findData(world.teller.id))
    scope.within_radio.setChecked(True)
    click(wizard, NEXT)
    assert wizard.currentId() == ew.PAGE_SUMMARY
    assert "Not escalated" in wizard.summary_page.summary.text()
    click(wizard, FINISH)
    assert wizard.outcome.kind == ew.OUTCOME_WITHIN
    stored = world.reload(case)
    assert stored.status == vocab.STATUS_REPORTED
    assert events(case)[-1] == codes.EVENT_REPORTED
    assert codes.EVENT_ESCALATED not in events(case)
    report = CaseEvent.select().where(CaseEvent.kind == codes.EVENT_REPORTED).get()
    assert report.actor_id == world.teller.id
    assert json.loads(report.data)["received_by"] == world.head.id


def test_within_the_outlet_on_a_reported_case_writes_nothing(qtbot, world):
    case = reported_case(world)
    before = dump()
    wizard = open_wizard(qtbot, world, case)
    wizard.settle_page.no_radio.setChecked(True)
    click(wizard, NEXT)
    assert not wizard.scope_page.reporter_combo.isVisible()
    wizard.scope_page.within_radio.setChecked(True)
    click(wizard, NEXT)
    click(wizard, FINISH)
    assert wizard.outcome.kind == ew.OUTCOME_WITHIN
    assert dump() == before


def test_district_branch_only(qtbot, world):
    case = reported_case(world)
    wizard = open_wizard(qtbot, world, case)
    go_beyond(wizard)
    fill_level(wizard, psbc=False)
    fill_contact(wizard)
    fill_follow_up(wizard)
    summary = wizard.summary_page.summary.text()
    assert "城南区分公司运营管理部" in summary and "PSBC" not in summary
    assert wizard.button(FINISH).text().replace("&", "") == "Escalate"
    click(wizard, FINISH)
    assert wizard.outcome.kind == ew.OUTCOME_ESCALATED
    assert world.reload(case).status == vocab.STATUS_ESCALATED
    data = last_escalation(case)
    assert data["level"] == "district_branch"
    assert data["district_department"] == "城南区分公司运营管理部"
    assert data["with_psbc"] is False and data["psbc_department"] == ""
    assert data["contacted_person"] == "张科长"
    assert data["reported_summary"] == "客户对回复不满意，要求上级协调解决"
    assert data["outlet_follow_up"].startswith("李娜每两天")
    assert events(case).count(codes.EVENT_REPORTED) == 1


def test_district_branch_with_psbc_reports_first_when_not_reported(qtbot, world):
    case = world.case(customer_phone="13900001111")
    workflow.mark_major(case, world.lobby, "group_20_plus")
    wizard = open_wizard(qtbot, world, case)
    wizard.settle_page.no_radio.setChecked(True)
    click(wizard, NEXT)
    scope = wizard.scope_page
    scope.reporter_combo.setCurrentIndex(scope.reporter_combo.findData(world.lobby.id))
    scope.beyond_radio.setChecked(True)
    click(wizard, NEXT)
    fill_level(wizard, psbc=True)
    fill_contact(wizard)
    fill_follow_up(wizard)
    assert "城南区邮储银行支行营业部" in wizard.summary_page.summary.text()
    click(wizard, FINISH)
    assert world.reload(case).status == vocab.STATUS_ESCALATED
    assert events(case)[-2:] == [codes.EVENT_REPORTED, codes.EVENT_ESCALATED]
    data = last_escalation(case)
    assert data["with_psbc"] is True
    assert data["psbc_department"] == "城南区邮储银行支行营业部"


def test_a_second_escalation_proposes_the_next_level(qtbot, world):
    case = reported_case(world)
    workflow.escalate(
        case, world.head, "district_branch", "运营管理部", False, "张科长", now(), "情况", "跟踪"
    )
    wizard = open_wizard(qtbot, world, case)
    assert wizard.level_page.level_combo.currentData() == "city_branch"


# --- cancel and refusals ----------------------------------------------------------------------


@pytest.mark.parametrize("page", range(6))
def test_cancel_on_any_page_writes_nothing(qtbot, world, page):
    case = world.case()  # not reported: Finish would write two events
    before = dump()
    wizard = open_wizard(qtbot, world, case)
    steps = [
        lambda: (wizard.settle_page.no_radio.setChecked(True), click(wizard, NEXT)),
        lambda: (wizard.scope_page.beyond_radio.setChecked(True), click(wizard, NEXT)),
        lambda: fill_level(wizard, psbc=True),
        lambda: fill_contact(wizard),
        lambda: fill_follow_up(wizard),
    ]
    for step in steps[:page]:
        step()
    assert wizard.currentId() == page
    click(wizard, CANCEL)
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert wizard.outcome is None
    assert dump() == before


def test_a_page_with_something_missing_blocks_next_and_says_what(qtbot, world):
    case = reported_case(world)
    wizard = open_wizard(qtbot, world, case)

    click(wizard, NEXT)  # nothing chosen
    assert wizard.currentId() == ew.PAGE_SETTLE
    assert wizard.settle_page.error_text() == "Choose one answer."
    wizard.settle_page.no_radio.setChecked(True)
    click(wizard, NEXT)
    click(wizard, NEXT)
    assert wizard.currentId() == ew.PAGE_SCOPE
    assert wizard.scope_page.error_text() == "Choose one answer."
    wizard.scope_page.beyond_radio.setChecked(True)
    click(wizard, NEXT)

    level = wizard.level_page
    level.psbc_check.setChecked(True)
    click(wizard, NEXT)
    assert wizard.currentId() == ew.PAGE_LEVEL
    required = "This field is required."
    assert level.errors.shown() == {"district_department": required, "psbc_department": required}
    assert level.errors.invalid() == ["district_department", "psbc_department"]
    level.department_edit.setText("运营管理部")
    level.psbc_edit.setText("邮储银行支行")
    click(wizard, NEXT)

    contact = wizard.contact_page
    contact.at_edit.setDateTime(now() + dt.timedelta(days=1))
    click(wizard, NEXT)
    assert wizard.currentId() == ew.PAGE_CONTACT
    assert contact.errors.shown() == {
        "contacted_person": required,
        "contacted_at": "Cannot be in the future.",
        "reported_summary": required,
    }
    fill_contact(wizard)

    click(wizard, NEXT)
    assert wizard.currentId() == ew.PAGE_FOLLOW_UP
    assert wizard.follow_up_page.errors.shown() == {"outlet_follow_up": required}


def test_a_refusal_at_finish_is_shown_and_nothing_is_written(qtbot, world):
    case = reported_case(world)
    before = dump()
    wizard = open_wizard(qtbot, world, case, actor=world.teller)  # not the head
    go_beyond(wizard)
    fill_level(wizard, psbc=False)
    fill_contact(wizard)
    fill_follow_up(wizard)
    click(wizard, FINISH)
    assert wizard.isVisible() and wizard.currentId() == ew.PAGE_SUMMARY
    assert wizard.summary_page.error_text() == (
        "Only the outlet head or the acting head may escalate (Art. 5, 8)."
    )
    assert dump() == before


# --- the page checks, without Qt --------------------------------------------------------------


def test_page_checks_are_pure_functions():
    received = dt.datetime(2026, 9, 28, 10, 0)
    at = dt.datetime(2026, 9, 30, 10, 0)
    assert ew.level_problems("运营管理部", False, "") == []
    assert [p.params["field"] for p in ew.level_problems(" ", True, "")] == [
        "district_department",
        "psbc_department",
    ]
    assert ew.contact_problems("张科长", at, "情况", received, at) == []
    early = ew.contact_problems("张科长", received - dt.timedelta(hours=1), "情况", received, at)
    assert [p.code for p in early] == ["before_received"]
    assert [p.code for p in ew.follow_up_problems("")] == ["text_required"]
    assert all(isinstance(p, WorkflowError) for p in ew.follow_up_problems(""))


# --- what the wizard says about the report to the head (Art. 10) -------------------------------


def test_a_case_reported_earlier_is_not_called_unreported(qtbot, world):
    """Reported, then given a new reply time: it has moved on from the head, but it was
    reported; the page must not say it never was."""
    case = reported_case(world)
    workflow.agree_reply_time(
        case, world.head, now() + dt.timedelta(days=1), note="负责人与客户约定新的答复时间"
    )
    case = world.reload(case)
    assert case.status == vocab.STATUS_AWAITING_REPLY
    wizard = open_wizard(qtbot, world, case)
    go_beyond(wizard)
    hint = wizard.scope_page.hint_text()
    assert "not been reported" not in hint
    assert hint.startswith("The complaint was with the head on ")
    assert "(now: Awaiting reply)" in hint


def test_a_case_never_reported_says_so(qtbot, world):
    wizard = open_wizard(qtbot, world, world.case())
    assert wizard.scope_page.hint_text().startswith(
        "The complaint has not been reported to the head yet"
    )


def test_the_head_takes_charge_instead_of_reporting_to_himself(qtbot, world):
    case = world.case(world.head)  # the head was asked first
    wizard = open_wizard(qtbot, world, case)
    combo = wizard.scope_page.reporter_combo
    # The head is not offered as his own reporter: he takes charge himself.
    assert combo.currentText() == "Nobody: I take charge of it myself"
    assert combo.currentData() == world.head.id
    assert [combo.itemData(i) for i in range(combo.count())].count(world.head.id) == 1
    wizard.settle_page.no_radio.setChecked(True)
    click(wizard, NEXT)
    wizard.scope_page.within_radio.setChecked(True)
    click(wizard, NEXT)
    summary = wizard.summary_page.summary.text()
    assert "王建国 takes charge of it as head: the reporting duty is met (Art. 10)." in summary
    assert "Reported to the head by" not in summary
    click(wizard, FINISH)
    event = workflow.last_report(case)
    data = json.loads(event.data)
    assert data["taken_charge"] is True and event.actor_id == world.head.id
    assert world.reload(case).status == vocab.STATUS_REPORTED
