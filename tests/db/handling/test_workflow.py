"""The state machine of Art. 9-11: every allowed transition, every refused one, and the
rules around them (first-ask responsibility, reporting duty, escalation, repeats)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from db.errors import MESSAGES, WorkflowError
from db.handling import callbacks, deadlines, workflow
from db.intake import outlets, repeats
from db.management import liability
from db.store import codes, vocab
from db.store.models import (
    Case,
    CaseEvent,
    CaseLink,
    CaseTransfer,
    HandlingDecision,
    Liability,
    WorkOrder,
)
from db.trust.policy import POLICY
from tests.db.workflow_fixtures import T0, World, at, dump, events, last_event, refused, world

__all__ = ["world"]

S = vocab


def force(case: Case, status: str, **fields) -> Case:
    """Put a case into ``status`` directly (test setup only)."""
    values = dict(status=status, is_open=status in vocab.OPEN_STATUSES, **fields)
    Case.update(**values).where(Case.id == case.id).execute()
    return Case.get_by_id(case.id)


def check_consistent(case: Case) -> None:
    """is_open follows status; due_at and warn_at are what the engine computes."""
    fresh = Case.get_by_id(case.id)
    assert fresh.is_open == (fresh.status in vocab.OPEN_STATUSES)
    if fresh.is_open:
        due, warn = deadlines.due_and_warn(deadlines.case_clocks(fresh))
    else:
        due, warn = None, None
    assert (fresh.due_at, fresh.warn_at) == (due, warn)


# --- how each action is performed, with valid arguments --------------------------------------


def _earlier_case(w: World) -> Case:
    return w.case(received_at=T0 - dt.timedelta(hours=1))


def _prepare(w: World, case: Case, action: str, target: str) -> dict:
    """Rows an action needs before it can run from a forced status."""
    if action in ("confirm_contact", "cancel_transfer"):
        CaseTransfer.create(
            case=case,
            handler=w.teller2,
            requested_by=w.teller,
            requested_at=at(0.5),
            from_status=target if action == "cancel_transfer" else S.STATUS_RECEIVED,
            state=codes.TRANSFER_PENDING,
        )
    if action == "request_review":
        HandlingDecision.create(
            case=case,
            decided_at=at(2),
            decided_by=w.head,
            findings="查明",
            basis="依据",
            remedies=",".join(codes.REMEDIES),
        )
    if action == "close":
        # closing needs a determination (Art. 5(8); db.management.liability.require_determination)
        Liability.create(
            case=case, liable=False, reasons="无责", determined_by=w.head, determined_at=at(0.5)
        )
    if action == "merge":
        return {"earlier": _earlier_case(w)}
    if action == "callback":
        from db.store.models import Callback

        cb = Callback.create(
            case=case, due_at=at(24), assigned_to=w.lobby, planned_by=w.head, planned_at=at(2)
        )
        return {"callback": cb}
    return {}


def perform(w: World, case: Case, action: str, extra: dict):
    from db.handling import decisions

    if action == "settle":
        return workflow.settle(case, w.teller, "当场致歉并加开窗口", at=at(1))
    if action == "agree_reply_time":
        return workflow.agree_reply_time(case, w.teller, at(72), at=at(1), note="客户同意延后")
    if action == "reply":
        return workflow.reply(
            case, w.teller, content="已答复", method="phone", customer_satisfied=True, at=at(2)
        )
    if action == "report":
        return workflow.report(case, w.teller, w.head, at=at(1))
    if action == "transfer":
        return workflow.transfer(case, w.teller, w.teller2, at=at(1))
    if action == "confirm_contact":
        return workflow.confirm_contact(case, w.teller, contact_at=at(1), method="phone", at=at(1))
    if action == "cancel_transfer":
        return workflow.cancel_transfer(case, w.teller, reason="经办人休假", at=at(1))
    if action == "escalate":
        return workflow.escalate(
            case,
            w.head,
            "city_branch",
            "城南区分公司运营管理部",
            False,
            "张主任",
            at(1),
            "客户要求赔偿，超出网点权限",
            "网点负责反馈结果并跟踪",
            at=at(1),
        )
    if action == "feed_back":
        return workflow.feed_back(
            case,
            w.teller,
            content="区分公司处理结果已告知",
            method="phone",
            customer_satisfied=True,
            at=at(3),
        )
    if action == "callback":
        return callbacks.record_callback(
            extra["callback"],
            w.lobby,
            method="phone",
            reached=True,
            result=codes.RESULT_SATISFIED,
            at=at(3),
        )
    if action == "determine_liability":
        return liability.determine_liability(
            case, w.head, liable=False, reasons="系统故障所致，员工无责", at=at(4)
        )
    if action == "close":
        return workflow.close_case(case, w.head, at=at(5))
    if action == "reopen":
        return workflow.reopen(case, w.head, reason="客户再次来访", at=at(6))
    if action == "request_review":
        return decisions.request_review(case, w.teller, requested_at=at(6), content="申请核查")
    if action == "merge":
        return repeats.merge_repeat(case, extra["earlier"], w.head, at=at(1))
    raise AssertionError(action)


ALLOWED = sorted({(t.action, t.source, t.target) for t in workflow.TRANSITIONS})


@pytest.mark.parametrize(("action", "source", "target"), ALLOWED)
def test_every_allowed_transition(world: World, action: str, source: str, target: str):
    case = world.case()
    case = force(case, source)
    extra = _prepare(world, case, action, target)
    before = len(events(case))
    perform(world, case, action, extra)
    fresh = world.reload(case)
    assert fresh.status == target
    status_events = [
        e
        for e in CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.id)
        if e.to_status is not None
    ][-1:]
    assert status_events[0].from_status == source
    assert status_events[0].to_status == target
    assert json.loads(status_events[0].data)["action"] == action
    assert len(events(case)) > before
    check_consistent(fresh)


@pytest.mark.parametrize("action", workflow.ACTIONS)
def test_every_refused_transition(world: World, action: str):
    """From every status the table does not list for ``action``, it is refused."""
    case = world.case()
    sources = {t.source for t in workflow.TRANSITIONS if t.action == action}
    if action == "request_review":
        # on an open case a review request is recorded without a status change
        sources |= set(vocab.OPEN_STATUSES)
    refused_from = [s for s in vocab.STATUSES if s not in sources]
    assert refused_from or action == "report"
    for status in refused_from:
        case = force(case, status)
        target = S.STATUS_RECEIVED
        extra = _prepare(world, case, action, target)
        expected = (
            "case_closed"
            if status in vocab.CLOSED_STATUSES and action != "reopen"
            else "close_before_liability"
            if action == "close"
            else "transition_not_allowed"
        )
        if action in ("confirm_contact", "cancel_transfer") or action == "merge":
            # these look for their rows first; a wrong status is refused either way
            before = dump()
            with pytest.raises(WorkflowError) as excinfo:
                perform(world, case, action, extra)
            assert excinfo.value.code in {expected, "transition_not_allowed", "case_closed"}
            assert dump() == before
        else:
            refused(lambda case=case, extra=extra: perform(world, case, action, extra), expected)
        CaseTransfer.delete().where(CaseTransfer.case == case.id).execute()


# --- the table and the chart -----------------------------------------------------------------


def test_transition_table_uses_known_statuses_and_labels():
    for t in workflow.TRANSITIONS:
        assert t.source in vocab.STATUSES and t.target in vocab.STATUSES
        assert t.action in workflow.ACTION_LABELS
    # every open status has a way on, and both ends are reachable
    for status in vocab.OPEN_STATUSES:
        assert any(t.source == status for t in workflow.TRANSITIONS), status
    reachable = {S.STATUS_RECEIVED, S.STATUS_SETTLED_ON_SPOT, S.STATUS_AWAITING_REPLY}
    changed = True
    while changed:
        new = {t.target for t in workflow.TRANSITIONS if t.source in reachable} - reachable
        reachable |= new
        changed = bool(new)
    assert reachable == set(vocab.STATUSES)


def test_state_chart_is_generated_from_the_table():
    chart = workflow.state_chart_mermaid()
    assert chart.startswith("stateDiagram-v2\n")
    for t in workflow.TRANSITIONS:
        if t.action == "merge":
            continue
        line = next(
            line
            for line in chart.splitlines()
            if line.strip().startswith(f"{t.source} --> {t.target} :")
        )
        assert t.action in line
    assert "[*] --> received" in chart
    assert "closed --> [*]" in chart
    for code in vocab.STATUSES:
        assert f"    {code} : " in chart


def test_readme_chart_matches_code():
    """The README's chart is the generated one; regenerate with ``python -m db.handling.workflow``."""
    readme = Path(__file__).resolve().parents[3] / "README.md"
    assert workflow.state_chart_mermaid() in readme.read_text(encoding="utf-8")


def test_every_refusal_code_has_a_message():
    root = Path(__file__).resolve().parents[3] / "db"
    pattern = re.compile(
        r'(?:WorkflowError|RowError|WorkOrderImportError|CalendarImportError|LoginError|DatabaseKeyError|\.refuse|refused)\(\s*(?:\w+,\s*)?"([a-z_]+)"'
        r'|DistrictStoreError\("([a-z_]+)"\)'
        r'|\bcode(?::\s*str)?\s*=\s*"([a-z_]+)"'
    )
    used = set()
    for path in root.rglob("*.py"):
        used |= {
            next(g for g in groups if g)
            for groups in pattern.findall(path.read_text(encoding="utf-8"))
        }
    # the permission policy's refusals (db.trust.policy.Rule.refusal_code)
    used |= {rule.refusal_code for rule in POLICY.values()}
    assert used, "no codes found"
    assert used == set(MESSAGES), (used - set(MESSAGES), set(MESSAGES) - used)


# --- a whole case, start to end --------------------------------------------------------------


def test_intake_transfer_reply_callback_close(world: World):
    w = world
    case = w.case()
    workflow.transfer(case, w.teller, w.teller2, at=at(0.5), note="存款业务由刘洋处理")
    workflow.confirm_contact(case, w.teller, contact_at=at(1), method="phone", at=at(1))
    assert case.status == S.STATUS_TRANSFERRED and case.handler_id == w.teller2.id
    workflow.reply(
        case, w.teller2, content="已解释原因", method="phone", customer_satisfied=True, at=at(20)
    )
    cb = callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, case=case, at=at(21))
    callbacks.record_callback(
        cb, w.lobby, method="phone", reached=True, result=codes.RESULT_BASICALLY, at=at(30)
    )
    liability.determine_liability(
        case, w.head, liable=True, responsible=[w.teller], reasons="未及时解释", at=at(31)
    )
    workflow.close_case(case, w.head, at=at(32))
    assert case.status == S.STATUS_CLOSED and not case.is_open and case.closed_at == at(32)
    assert case.due_at is None and case.warn_at is None
    assert events(case) == [
        "registered",
        "reply_time_agreed",
        "transfer_requested",
        "contact_confirmed",
        "replied",
        "callback_planned",
        "callback_done",
        "liability_determined",
        "closed",
    ]
    finding = Liability.get(Liability.case == case.id)
    assert finding.liable and [p.staff_id for p in finding.persons] == [w.teller.id]
    clocks = {c.name: c for c in deadlines.case_clocks(case, at(40))}
    assert clocks["agreed_reply"].state == deadlines.STATE_MET
    assert clocks["decision"].state == deadlines.STATE_MET


# --- first-ask responsibility (Art. 4, 10) ---------------------------------------------------


def test_transfer_is_pending_until_contact_and_owner_stays_accountable(world: World):
    w = world
    case = w.case()
    row = workflow.transfer(case, w.teller, w.teller2, at=at(0.5))
    assert case.status == S.STATUS_TRANSFER_PENDING
    assert row.state == codes.TRANSFER_PENDING and case.handler_id is None
    assert workflow.accountable_staff(case).id == w.teller.id
    assert [s.id for s in workflow.reminder_recipients(case)] == [w.teller.id, w.teller2.id]
    # before contact the handler cannot reply: the transfer is not formal
    refused(
        lambda: workflow.reply(
            case, w.teller2, content="答复", method="phone", customer_satisfied=True, at=at(1)
        ),
        "transition_not_allowed",
    )
    refused(
        lambda: workflow.confirm_contact(
            case, w.teller, contact_at=at(0.25), method="phone", at=at(1)
        ),
        "contact_before_transfer",
    )
    refused(
        lambda: workflow.confirm_contact(
            case, w.teller, contact_at=at(1), method="telepathy", at=at(1)
        ),
        "unknown_code",
    )
    refused(
        lambda: workflow.confirm_contact(
            case, w.teller, contact_at=dt.datetime.now() + dt.timedelta(days=1), method="phone"
        ),
        "in_future",
    )
    workflow.confirm_contact(case, w.teller2, contact_at=at(1), method="in_person", at=at(1.5))
    row = CaseTransfer.get_by_id(row.id)
    assert row.state == codes.TRANSFER_FORMAL and row.contact_method == "in_person"
    assert row.contact_at == at(1) and row.confirmed_by_id == w.teller2.id
    assert workflow.accountable_staff(case).id == w.teller2.id
    assert [s.id for s in workflow.reminder_recipients(case)] == [w.teller2.id]
    data = json.loads(last_event(case).data)
    assert data["method"] == "in_person" and data["contact_at"] == at(1).isoformat()


def test_retransfer_keeps_the_formal_handler_accountable(world: World):
    w = world
    case = w.case()
    workflow.transfer(case, w.teller, w.teller2, at=at(0.5))
    workflow.confirm_contact(case, w.teller, contact_at=at(1), method="phone", at=at(1))
    workflow.transfer(case, w.teller2, w.supervisor, at=at(2))
    assert workflow.accountable_staff(case).id == w.teller2.id
    assert {s.id for s in workflow.reminder_recipients(case)} == {w.teller2.id, w.supervisor.id}


def test_transfer_refusals(world: World):
    w = world
    case = w.case()
    refused(lambda: workflow.transfer(case, w.teller, w.teller, at=at(1)), "transfer_to_self")
    refused(lambda: workflow.transfer(case, w.teller, None, at=at(1)), "handler_required")
    refused(
        lambda: workflow.transfer(case, w.teller, None, handler_name="周婷", at=at(1)),
        "handler_required",
    )
    gone = outlets.add_staff(w.outlet, "吴磊", "E1099", "teller")
    gone.active = False
    gone.save()
    refused(lambda: workflow.transfer(case, w.teller, gone, at=at(1)), "inactive_staff")
    refused(lambda: workflow.transfer(case, gone, w.teller2, at=at(1)), "inactive_staff")
    refused(
        lambda: workflow.transfer(case, w.teller, w.teller2, at=T0 - dt.timedelta(hours=1)),
        "before_received",
    )
    refused(
        lambda: workflow.cancel_transfer(case, w.teller, reason="x", at=at(1)),
        "no_pending_transfer",
    )


def test_transfer_to_another_outlet_follows_the_same_rules(world: World):
    w = world
    case = w.case()
    workflow.transfer(
        case, w.teller, None, handler_name="周婷", handler_outlet="人民路网点", at=at(0.5)
    )
    assert case.other_outlet == "人民路网点"
    assert workflow.accountable_staff(case).id == w.teller.id
    assert [s.id for s in workflow.reminder_recipients(case)] == [w.teller.id]
    workflow.confirm_contact(case, w.teller, contact_at=at(1), method="phone", at=at(1))
    assert case.status == S.STATUS_TRANSFERRED and case.handler_id is None
    # the outlet keeps tracking: our first-ask owner stays accountable
    assert workflow.accountable_staff(case).id == w.teller.id
    assert json.loads(last_event(case).data)["handler_outlet"] == "人民路网点"


def test_other_outlet_recorded(world: World):
    case = world.case()
    workflow.set_other_outlet(case, world.teller, "人民路网点", at=at(1))
    assert world.reload(case).other_outlet == "人民路网点"
    refused(lambda: workflow.set_other_outlet(case, world.teller, "  ", at=at(1)), "text_required")


def test_cancel_transfer_goes_back_and_needs_a_reason(world: World):
    w = world
    case = w.case()
    workflow.transfer(case, w.teller, w.teller2, at=at(0.5))
    refused(
        lambda: workflow.cancel_transfer(case, w.teller, reason="  ", at=at(1)), "text_required"
    )
    row = workflow.cancel_transfer(case, w.teller, reason="经办人不在", at=at(1))
    assert case.status == S.STATUS_AWAITING_REPLY and row.state == codes.TRANSFER_CANCELLED
    assert workflow.pending_transfer(case) is None


# --- reporting duty (Art. 10) ----------------------------------------------------------------


def test_unsatisfied_reply_must_be_reported_before_anything_else(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case,
        w.teller,
        content="按规定无法赔偿",
        method="phone",
        customer_satisfied=False,
        at=at(20),
    )
    assert workflow.report_owed(case) == "unsatisfied_reply"
    assert workflow.allowed_actions(case) == ["report"] or set(workflow.allowed_actions(case)) <= {
        "report",
        "request_review",
        "merge",
    }
    cb = callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, case=case, at=at(21))
    attempts = [
        lambda: workflow.transfer(case, w.teller, w.teller2, at=at(21)),
        lambda: liability.determine_liability(
            case, w.head, liable=False, reasons="无责", at=at(21)
        ),
        lambda: workflow.close_case(case, w.head, at=at(21)),
        lambda: workflow.agree_reply_time(case, w.teller, at(60), at=at(21), note="再约"),
        lambda: workflow.escalate(
            case,
            w.head,
            "district_branch",
            "运营部",
            False,
            "张",
            at(21),
            "摘要",
            "反馈",
            at=at(21),
        ),
        lambda: workflow.settle(case, w.teller, "和解", at=at(21)),
        lambda: callbacks.record_callback(
            cb, w.lobby, method="phone", reached=True, result="satisfied", at=at(22)
        ),
        lambda: callbacks.record_callback(cb, w.lobby, method="phone", reached=False, at=at(22)),
    ]
    for attempt in attempts:
        error = refused(attempt, "must_report_first")
        assert "Customer unsatisfied with the reply" in error.message
    # the report must reach the head or the acting head
    refused(lambda: workflow.report(case, w.teller, w.lobby, at=at(21)), "head_only")
    workflow.report(case, w.teller, w.head, at=at(21), note="客户不满意答复")
    assert case.status == S.STATUS_REPORTED and not case.report_required
    assert workflow.report_owed(case) is None
    data = json.loads(last_event(case).data)
    assert data["reason"] == "unsatisfied_reply" and data["received_by"] == w.head.id
    assert data["authority"] == "head"
    workflow.transfer(case, w.head, w.teller2, at=at(22))


def test_urgent_case_is_reported_at_once(world: World):
    w = world
    case = w.case(urgent_triggers=["funds_at_risk"])
    assert workflow.report_owed(case) == "urgent"
    refused(lambda: workflow.transfer(case, w.teller, w.teller2, at=at(1)), "must_report_first")
    refused(
        lambda: workflow.reply(
            case, w.teller, content="答复", method="phone", customer_satisfied=True, at=at(1)
        ),
        "must_report_first",
    )
    workflow.report(case, w.lobby, w.head, at=at(0.2))
    workflow.transfer(case, w.head, w.teller2, at=at(1))
    # once reported, moving on does not bring the duty back
    assert workflow.report_owed(case) is None


def test_the_head_takes_charge_instead_of_reporting_to_himself(world: World):
    """The head who handles a case in person meets the reporting duty himself (Art. 5, 10):
    recorded as taking charge, with no report from the head to the head."""
    from db.trust import permissions

    w = world
    case = w.case(w.head, urgent_triggers=["funds_at_risk"])
    assert workflow.report_owed(case) == "urgent"
    # Nobody but the head or acting head can take charge.
    refused(lambda: workflow.take_charge(case, w.teller, at=at(0.1)), "head_only")
    workflow.take_charge(case, w.head, at=at(0.2), note="负责人亲自处理")
    assert case.status == S.STATUS_REPORTED and workflow.report_owed(case) is None
    event = workflow.last_report(case)
    data = json.loads(event.data)
    assert event.actor_id == w.head.id and data["taken_charge"] is True
    assert data["reporter"] == data["received_by"] == w.head.id
    assert data["reason"] == "urgent" and data["authority"] == permissions.CAPACITY_HEAD

    # A report from a member of staff to the head is a report, not taking charge.
    other = w.case(w.teller)
    workflow.report(other, w.teller, w.head, at=at(0.3))
    assert "taken_charge" not in json.loads(workflow.last_report(other).data)

    # The acting head takes charge in the head's place, inside the span (Art. 8).
    permissions.name_acting_head(w.head, w.supervisor, at(0.5), at(5))
    third = w.case(w.supervisor)
    workflow.take_charge(third, w.supervisor, at=at(1))
    data = json.loads(workflow.last_report(third).data)
    assert data["taken_charge"] is True and data["as_acting_head"] is True
    after_span = w.case(w.lobby)
    refused(lambda: workflow.take_charge(after_span, w.supervisor, at=at(6)), "head_only")


def test_last_report_survives_the_case_moving_on(world: World):
    w = world
    case = w.case()
    assert workflow.last_report(case) is None
    workflow.report(case, w.teller, w.head, at=at(1))
    reported = workflow.last_report(case)
    workflow.transfer(case, w.head, w.teller2, at=at(2))
    workflow.confirm_contact(case, w.teller2, contact_at=at(2.5), method="phone", at=at(2.5))
    assert case.status == S.STATUS_TRANSFERRED
    assert workflow.last_report(case).id == reported.id


def test_major_case_is_reported_at_once(world: World):
    w = world
    case = w.case()
    refused(lambda: workflow.mark_major(case, w.lobby, "crowd", at=at(0.1)), "unknown_code")
    workflow.mark_major(case, w.lobby, "group_20_plus", at=at(0.1), note="二十余名客户聚集")
    assert case.major_reason == "group_20_plus"
    assert workflow.report_owed(case) == "major"
    refused(lambda: workflow.transfer(case, w.teller, w.teller2, at=at(1)), "must_report_first")
    workflow.report(case, w.lobby, w.head, at=at(0.2))
    workflow.escalate(
        case,
        w.head,
        "district_branch",
        "城南区分公司运营部",
        True,
        "张主任",
        at(0.3),
        "群体投诉",
        "网点反馈并跟踪",
        psbc_department="城南区邮储银行支行",
        at=at(0.4),
    )
    assert json.loads(last_event(case).data)["psbc_department"] == "城南区邮储银行支行"


def test_report_cancels_a_pending_transfer(world: World):
    w = world
    case = w.case()
    row = workflow.transfer(case, w.teller, w.teller2, at=at(0.5))
    workflow.report(case, w.teller, w.head, at=at(1))
    assert CaseTransfer.get_by_id(row.id).state == codes.TRANSFER_CANCELLED
    assert json.loads(last_event(case).data)["cancelled_transfer"] == row.id


# --- escalation (Art. 10-11) -----------------------------------------------------------------


def _escalate(w: World, case: Case, actor=None, **changes):
    args = dict(
        level="district_branch",
        district_department="城南区分公司运营管理部",
        with_psbc=True,
        psbc_department="邮储银行城南区支行个人金融部",
        contacted_person="张主任",
        contacted_at=at(2),
        reported_summary="客户要求赔偿利息，网点无权决定",
        outlet_follow_up="网点向客户反馈结果并每周跟踪",
        at=at(2.5),
    )
    args.update(changes)
    return workflow.escalate(case, actor or w.head, **args)


def test_escalating_with_psbc_names_its_department(world: World):
    # The wizard and escalate() check one draft (db.handling.escalation): with PSBC at the
    # same level (Art. 11), its department is required, as every other field is.
    w = world
    case = w.case()
    workflow.report(case, w.teller, w.head, at=at(1))
    err = refused(lambda: _escalate(w, case, psbc_department=" "), "text_required")
    assert err.params["field"] == "psbc_department"
    err = refused(
        lambda: _escalate(w, case, psbc_department="", contacted_person="", outlet_follow_up=""),
        "text_required",
    )
    assert [e.params["field"] for e in err.errors] == [
        "psbc_department",
        "contacted_person",
        "outlet_follow_up",
    ]


def test_escalation_records_everything_in_one_event(world: World):
    w = world
    case = w.case()
    workflow.report(case, w.teller, w.head, at=at(1))
    n = len(events(case))
    _escalate(w, case)
    assert case.status == S.STATUS_ESCALATED and len(events(case)) == n + 1
    event = last_event(case)
    assert event.kind == codes.EVENT_ESCALATED and event.actor_id == w.head.id
    data = json.loads(event.data)
    assert data == {
        "action": "escalate",
        "authority": "head",
        "level": "district_branch",
        "district_department": "城南区分公司运营管理部",
        "with_psbc": True,
        "psbc_department": "邮储银行城南区支行个人金融部",
        "contacted_person": "张主任",
        "contacted_at": at(2).isoformat(),
        "reported_summary": "客户要求赔偿利息，网点无权决定",
        "outlet_follow_up": "网点向客户反馈结果并每周跟踪",
    }
    # level by level: the same level again is refused, a higher one allowed
    refused(lambda: _escalate(w, case, at=at(3)), "escalation_not_higher")
    _escalate(w, case, level="city_branch", at=at(3))
    # the outlet still owes the result and tracking
    workflow.add_tracking_note(case, w.teller, "已电话询问区分公司进度", at=at(4))
    workflow.feed_back(
        case,
        w.teller,
        content="区分公司同意补偿",
        method="phone",
        customer_satisfied=False,
        at=at(5),
    )
    assert workflow.report_owed(case) == "unsatisfied_feedback"


def test_wizard_reports_and_escalates_in_one_transaction(world: World):
    w = world
    case = w.case(urgent_triggers=["media_exposure"])
    # a refusal after the report part rolls the report back too
    refused(lambda: _escalate(w, case, reported_by=w.lobby, outlet_follow_up=""), "text_required")
    refused(lambda: _escalate(w, case, actor=w.teller, reported_by=w.lobby), "head_only")
    _escalate(w, case, reported_by=w.lobby)
    assert events(case)[-2:] == [codes.EVENT_REPORTED, codes.EVENT_ESCALATED]
    reported = (
        CaseEvent.select()
        .where((CaseEvent.case == case.id) & (CaseEvent.kind == codes.EVENT_REPORTED))
        .get()
    )
    assert reported.actor_id == w.lobby.id
    assert json.loads(reported.data)["received_by"] == w.head.id
    assert json.loads(reported.data)["reason"] == "urgent"


def test_escalation_refusals(world: World):
    w = world
    case = w.case()
    refused(lambda: _escalate(w, case), "transition_not_allowed")
    workflow.report(case, w.teller, w.head, at=at(1))
    refused(lambda: _escalate(w, case, actor=w.lobby), "head_only")
    refused(lambda: _escalate(w, case, level="county"), "unknown_code")
    for name in ("district_department", "contacted_person", "reported_summary", "outlet_follow_up"):
        refused(lambda name=name: _escalate(w, case, **{name: " "}), "text_required")
    refused(
        lambda: _escalate(w, case, contacted_at=dt.datetime.now() + dt.timedelta(days=2)),
        "in_future",
    )
    refused(lambda: _escalate(w, case, reported_summary="长" * 2001), "text_too_long")


# --- liability, closing, reopening (Art. 5) ---------------------------------------------------


def test_liability_rules(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=True, at=at(2)
    )
    refused(
        lambda: liability.determine_liability(case, w.head, liable=True, reasons="有责", at=at(3)),
        "responsible_required",
    )
    refused(
        lambda: liability.determine_liability(
            case, w.head, liable=False, responsible=[w.teller], reasons="无责", at=at(3)
        ),
        "responsible_not_liable",
    )
    refused(
        lambda: liability.determine_liability(
            case, w.lobby, liable=False, reasons="无责", at=at(3)
        ),
        "head_only",
    )
    refused(
        lambda: liability.determine_liability(case, w.head, liable=False, reasons="", at=at(3)),
        "text_required",
    )
    liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(3))
    # the head may correct it before closing
    liability.determine_liability(
        case,
        w.head,
        liable=True,
        responsible=[w.teller, w.teller],
        reasons="复核后认定有责",
        at=at(4),
    )
    latest = Liability.select().where(Liability.case == case.id).order_by(Liability.id.desc())
    assert [p.staff_id for p in latest.first().persons] == [w.teller.id]


def test_close_and_reopen_are_the_heads(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=True, at=at(2)
    )
    liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(3))
    refused(lambda: workflow.close_case(case, w.lobby, at=at(4)), "head_only")
    workflow.close_case(case, w.head, at=at(4))
    refused(
        lambda: workflow.reply(
            case, w.teller, content="x", method="phone", customer_satisfied=True, at=at(5)
        ),
        "case_closed",
    )
    refused(lambda: workflow.reopen(case, w.teller, reason="客户再次来访", at=at(5)), "head_only")
    refused(lambda: workflow.reopen(case, w.head, reason=" ", at=at(5)), "text_required")
    workflow.reopen(case, w.head, reason="客户再次来访", at=at(5))
    assert case.status == S.STATUS_RECEIVED and case.is_open and case.closed_at is None
    check_consistent(case)


def test_settled_on_the_spot_can_be_reopened(world: World):
    w = world
    case = w.case(outcome="settled", settlement="当场致歉", agreed_reply_at=None)
    assert case.status == S.STATUS_SETTLED_ON_SPOT
    workflow.reopen(case, w.head, reason="客户回家后发现金额不符", at=at(1))
    assert case.status == S.STATUS_RECEIVED
    workflow.agree_reply_time(case, w.teller, at(30), at=at(2))
    assert case.status == S.STATUS_AWAITING_REPLY and case.due_at is not None


def test_close_refused_while_something_runs(world: World):
    from db.handling import decisions
    from db.workorders import orders as workorders

    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=True, at=at(2)
    )
    liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(3))
    cb = callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, case=case, at=at(3))
    refused(lambda: workflow.close_case(case, w.head, at=at(4)), "pending_callback")
    callbacks.record_callback(cb, w.lobby, method="phone", reached=False, at=at(4))
    decisions.start_pause(case, w.head, kind="appraisal", started_at=at(4), reason="送鉴定")
    refused(lambda: workflow.close_case(case, w.head, at=at(5)), "open_pause")
    decisions.end_pause(case, w.head, ended_at=at(5))
    wo = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="95580",
            number="GD001",
            received_at=at(1),
            reply_by=at(72),
            customer_name="李秀英",
            content="同一事项",
        ),
        w.lobby,
    )
    workorders.link_workorder(wo, case, w.lobby, at=at(5))
    refused(lambda: workflow.close_case(case, w.head, at=at(6)), "workorder_unreplied")
    workorders.record_workorder_reply(wo, w.lobby, content="已处理", at=at(6))
    workflow.close_case(case, w.head, at=at(7))


def test_agree_reply_time_rules(world: World):
    w = world
    case = w.case()
    refused(lambda: workflow.agree_reply_time(case, w.teller, at(30), at=at(1)), "text_required")
    refused(
        lambda: workflow.agree_reply_time(case, w.teller, at(0.5), at=at(1), note="改期"),
        "not_after",
    )
    workflow.agree_reply_time(case, w.teller, at(30), at=at(1), note="客户同意改期")
    assert case.agreed_reply_at == at(30) and case.due_at == at(30)
    data = json.loads(last_event(case).data)
    assert data["previous"] == at(48).isoformat()


def test_times_are_checked(world: World):
    w = world
    case = w.case()
    future = dt.datetime.now() + dt.timedelta(hours=1)
    refused(
        lambda: workflow.reply(
            case, w.teller, content="x", method="phone", customer_satisfied=True, at=future
        ),
        "in_future",
    )
    refused(
        lambda: workflow.reply(
            case,
            w.teller,
            content="x",
            method="phone",
            customer_satisfied=True,
            at=T0 - dt.timedelta(minutes=1),
        ),
        "before_received",
    )
    refused(
        lambda: workflow.reply(
            case, w.teller, content="x", method="pigeon", customer_satisfied=True, at=at(1)
        ),
        "unknown_code",
    )


def test_staff_of_another_outlet_is_refused(world: World):
    w = world
    case = w.case()
    other, other_head = outlets.setup_outlet(
        outlets.OutletSetup("人民路网点", "RML01", "城南区分公司", "周婷", "E2001")
    )
    refused(lambda: workflow.transfer(case, w.teller, other_head, at=at(1)), "wrong_outlet")
    refused(lambda: workflow.report(case, w.teller, other_head, at=at(1)), "wrong_outlet")


def test_refused_action_leaves_the_callers_instance_alone(world: World):
    w = world
    case = w.case()
    with pytest.raises(WorkflowError):
        workflow.transfer(case, w.teller, w.teller, at=at(1))
    assert case.status == S.STATUS_AWAITING_REPLY


# --- repeat complaints ------------------------------------------------------------------------


def test_link_repeat_keeps_both_and_makes_the_repeat_urgent(world: World):
    w = world
    earlier = w.case()
    repeat = w.case(received_at=at(24), agreed_reply_at=at(50))
    link = repeats.link_repeat(repeat, earlier, w.lobby, at=at(25), note="同一客户同一事项")
    assert link.kind == codes.LINK_REPEAT
    assert events(repeat)[-2:] == [vocab.EVENT_URGENT_TRIGGERED, codes.EVENT_LINKED_AS_REPEAT]
    assert events(earlier)[-1] == codes.EVENT_REPEAT_LINKED
    assert repeat.severity == vocab.SEVERITY_URGENT and "repeat_complaint" in repeat.urgent_triggers
    assert workflow.report_owed(repeat) == "urgent"
    assert earlier.is_open and repeat.is_open
    refused(lambda: repeats.link_repeat(repeat, earlier, w.lobby, at=at(26)), "already_linked")
    refused(lambda: repeats.link_repeat(earlier, repeat, w.lobby, at=at(26)), "not_earlier")
    refused(lambda: repeats.link_repeat(repeat, repeat, w.lobby, at=at(26)), "same_case")
    stranger = w.case(received_at=at(24), customer_phone="13900001111", agreed_reply_at=at(50))
    refused(
        lambda: repeats.link_repeat(stranger, earlier, w.lobby, at=at(26)), "different_customer"
    )
    cases_in_timeline = {e.case_no for e in repeats.timeline_with_repeats(earlier)}
    assert cases_in_timeline == {earlier.case_no, repeat.case_no}


def test_merge_repeat_closes_it_into_the_earlier_case(world: World):
    from db.workorders import orders as workorders

    w = world
    earlier = w.case()
    repeat = w.case(received_at=at(24), agreed_reply_at=at(50))
    wo = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="95580",
            number="GD9",
            received_at=at(24),
            reply_by=at(72),
            customer_name="李秀英",
            content="再次投诉",
        ),
        w.lobby,
        case=repeat,
    )
    refused(lambda: repeats.merge_repeat(repeat, earlier, w.lobby, at=at(25)), "head_only")
    repeats.merge_repeat(repeat, earlier, w.head, at=at(25))
    assert repeat.status == S.STATUS_CLOSED and not repeat.is_open
    assert events(repeat)[-1] == codes.EVENT_MERGED_INTO
    assert events(earlier)[-1] == codes.EVENT_REPEAT_MERGED
    assert WorkOrder.get_by_id(wo.id).case_id == earlier.id
    assert CaseLink.get(CaseLink.case == repeat.id).kind == codes.LINK_MERGED
    timeline = repeats.timeline_with_repeats(earlier)
    assert {e.case_no for e in timeline} == {earlier.case_no, repeat.case_no}
    assert timeline == repeats.timeline_with_repeats(repeat)
    check_consistent(earlier)
    check_consistent(repeat)


def test_merge_into_a_closed_case_is_refused(world: World):
    w = world
    earlier = w.case(outcome="settled", settlement="当场解决", agreed_reply_at=None)
    repeat = w.case(received_at=at(24), agreed_reply_at=at(50))
    refused(lambda: repeats.merge_repeat(repeat, earlier, w.head, at=at(25)), "merge_target_closed")
    # linking is still possible, and reopening then merging
    workflow.reopen(earlier, w.head, reason="客户重复投诉", at=at(25))
    repeats.merge_repeat(repeat, earlier, w.head, at=at(26))


def test_workflow_error_is_a_value_error_with_code_and_params():
    error = WorkflowError("transition_not_allowed", action="reply", status="closed")
    assert isinstance(error, ValueError)
    assert error.code == "transition_not_allowed"
    assert error.params == {"action": "reply", "status": "closed"}
    assert str(error) == "'reply' is not allowed while the case is 'closed'."
    assert WorkflowError("x_code", "Plain {text}").message == "Plain {text}"


# --- cases written before the workflow existed ---------------------------------------------


def test_cases_from_a_version_1_file_run_through_the_workflow(tmp_path: Path):
    import shutil

    from db.store import database as database_module
    from db.store.models import Staff

    source = Path(__file__).resolve().parents[2] / "fixtures" / "schema_v1.sqlite3"
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(source, target)
    database_module.open_database(target)
    try:
        head = Staff.get(Staff.role == "head")
        lobby = Staff.get(Staff.role == "lobby_manager")
        old = Case.get(Case.case_no == "BJ0101-2025-000003")
        assert (old.other_outlet, old.major_reason, old.report_required) == ("", "", False)
        assert old.first_contact_at is None and old.warn_at is None
        # an urgent 95580 complaint: a report is owed, and its 2-hour contact clock was missed
        assert workflow.report_owed(old) == "urgent"
        clocks = {c.name: c for c in deadlines.case_clocks(old, dt.datetime(2025, 4, 2, 13, 0))}
        assert clocks["first_contact"].state == deadlines.STATE_MISSED
        workflow.report(old, lobby, head, at=dt.datetime(2025, 4, 2, 13, 0))
        workflow.transfer(old, head, lobby, at=dt.datetime(2025, 4, 2, 13, 5))
        check_consistent(old)
        settled = Case.get(Case.case_no == "BJ0101-2025-000001")
        workflow.reopen(settled, head, reason="客户再次来访", at=dt.datetime(2025, 3, 4, 9, 0))
        assert settled.status == S.STATUS_RECEIVED
    finally:
        database_module.close_database()
