"""What the action bar offers is what the actions allow: for cases in every stage and for the
head, an acting head and the staff, each action ``available_actions`` allows succeeds when
really called, and each one it refuses is refused by the real call with the same code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from db.errors import WorkflowError
from db.handling import availability, callbacks, decisions, workflow
from db.management import liability
from db.store import codes
from db.store.models import Case, Staff, database, now
from db.trust import permissions
from tests.db.workflow_fixtures import World, world

__all__ = ["world"]


def _escalate(case: Case, actor: Staff) -> object:
    level = "city_branch" if case.status == "escalated" else "district_branch"
    return workflow.escalate(
        case,
        actor,
        level,
        "城南区分公司运营管理部",
        False,
        "张主任",
        now() - dt.timedelta(minutes=5),
        "客户要求赔偿，超出网点权限",
        "网点负责反馈结果并跟踪",
        reported_by=workflow.accountable_staff(case),
    )


def _callback(case: Case, actor: Staff) -> object:
    planned = callbacks.plan_callback(
        actor, due_at=now() + dt.timedelta(days=1), assigned_to=actor, case=case
    )
    # An attempt that did not reach the customer: it moves no status, so the state chart
    # does not decide it, but it is still an action on the case.
    return callbacks.record_callback(planned, actor, method="phone", reached=False)


def _decide_review(case: Case, actor: Staff) -> object:
    review = availability.pending_review(case)
    if review is None:  # what the dialog says when the review is gone
        raise WorkflowError("review_decided")
    return decisions.decide_review(review, actor, outcome="维持原决定", upheld=True)


def calls(w: World) -> dict[str, Callable[[Case, Staff, availability.Available], object]]:
    said = {"content": "已答复", "method": "phone", "customer_satisfied": True}
    return {
        "settle": lambda c, a, o: workflow.settle(c, a, "当场致歉并加开窗口"),
        "agree_reply_time": lambda c, a, o: workflow.agree_reply_time(
            c, a, now() + dt.timedelta(days=3), note="客户同意"
        ),
        "reply": lambda c, a, o: workflow.reply(c, a, **said),
        "report": lambda c, a, o: (
            workflow.take_charge(c, a) if o.takes_charge else workflow.report(c, a, w.head)
        ),
        "transfer": lambda c, a, o: workflow.transfer(c, a, w.teller2),
        "confirm_contact": lambda c, a, o: workflow.confirm_contact(
            c, a, contact_at=now(), method="phone"
        ),
        "cancel_transfer": lambda c, a, o: workflow.cancel_transfer(c, a, reason="经办人休假"),
        "escalate": lambda c, a, o: _escalate(c, a),
        "feed_back": lambda c, a, o: workflow.feed_back(c, a, **said),
        "callback": lambda c, a, o: _callback(c, a),
        "determine_liability": lambda c, a, o: liability.determine_liability(
            c, a, liable=False, reasons="系统故障所致"
        ),
        "close": lambda c, a, o: workflow.close_case(c, a),
        "reopen": lambda c, a, o: workflow.reopen(c, a, reason="客户再次来访"),
        "request_review": lambda c, a, o: decisions.request_review(
            c, a, requested_at=now(), content="申请复核"
        ),
        "tracking_note": lambda c, a, o: workflow.add_tracking_note(c, a, "已电话联系客户"),
        "first_contact": lambda c, a, o: workflow.record_first_contact(
            c, a, contact_at=now(), method="phone"
        ),
        "proposal": lambda c, a, o: workflow.record_proposal(c, a, content="加开窗口"),
        "other_outlet": lambda c, a, o: workflow.set_other_outlet(c, a, "人民路网点"),
        "mark_major": lambda c, a, o: workflow.mark_major(c, a, next(iter(codes.MAJOR_REASONS))),
        "decide_review": lambda c, a, o: _decide_review(c, a),
    }


def stages(w: World) -> dict[str, Case]:
    """Cases at every stage of handling, as the staff get them there."""
    made: dict[str, Case] = {"received": w.case()}
    made["urgent"] = w.case(urgent_triggers=["funds_at_risk"])
    reported = w.case()
    workflow.report(reported, w.teller, w.head)
    made["reported"] = reported
    unhappy = w.case()
    workflow.reply(unhappy, w.teller, content="已答复", method="phone", customer_satisfied=False)
    made["unsatisfied"] = unhappy
    moving = w.case()
    workflow.transfer(moving, w.teller, w.teller2)
    made["transfer_pending"] = moving
    escalated = w.case()
    workflow.report(escalated, w.teller, w.head)
    _escalate(escalated, w.head)
    made["escalated"] = escalated
    replied = w.case()
    workflow.reply(replied, w.teller, content="已答复", method="phone", customer_satisfied=True)
    made["replied"] = replied
    found = w.case()
    workflow.reply(found, w.teller, content="已答复", method="phone", customer_satisfied=True)
    liability.determine_liability(found, w.head, liable=False, reasons="无责")
    made["liability_found"] = found
    decided = w.case()
    decisions.record_decision(
        decided,
        w.head,
        findings="排队过久属实",
        basis="网点服务规范",
        remedies=list(codes.REMEDIES),
    )
    made["decided"] = decided
    review = w.case()
    decisions.record_decision(
        review, w.head, findings="排队过久属实", basis="网点服务规范", remedies=list(codes.REMEDIES)
    )
    decisions.request_review(review, w.teller, requested_at=now(), content="申请复核")
    workflow.report(review, w.teller, w.head)
    made["review_pending"] = review
    closed = w.case()
    workflow.reply(closed, w.teller, content="已答复", method="phone", customer_satisfied=True)
    liability.determine_liability(closed, w.head, liable=False, reasons="无责")
    workflow.close_case(closed, w.head)
    made["closed"] = closed
    return made


class Rollback(Exception):
    pass


def outcome(call: Callable[[], object]) -> str | None:
    """The code the real call is refused with, or None when it succeeds; nothing is kept."""
    try:
        with database.atomic():
            try:
                call()
            except WorkflowError as err:
                return err.code
            raise Rollback
    except Rollback:
        return None


@pytest.mark.parametrize("who", ["head", "acting_head", "teller"])
def test_what_is_offered_is_what_the_actions_allow(world: World, who: str):
    w = world
    cases_at = stages(w)
    if who == "acting_head":
        permissions.name_acting_head(
            w.head, w.supervisor, now() - dt.timedelta(minutes=1), now() + dt.timedelta(days=1)
        )
    actor = {"head": w.head, "acting_head": w.supervisor, "teller": w.teller}[who]
    real = calls(w)
    checked: set[tuple[str, str | None]] = set()
    for stage, case in cases_at.items():
        for offer in availability.available_actions(case, actor, now()):
            if offer.action not in real:
                continue
            expected = offer.refusal.code if offer.refusal is not None else None
            fresh = Case.get_by_id(case.id)
            got = outcome(lambda f=fresh, o=offer: real[o.action](f, actor, o))
            assert got == expected, f"{who}, {stage}: {offer.action} offered {expected}, got {got}"
            checked.add((offer.action, expected))
    # Every button was checked allowed somewhere; the staff met the head's refusals.
    allowed = {a for a, code in checked if code is None}
    assert {"reply", "report", "transfer", "confirm_contact", "tracking_note"} <= allowed
    assert {"request_review", "callback", "mark_major"} <= allowed
    heads = {"escalate", "determine_liability", "close", "reopen", "decide_review"}
    if who == "teller":
        assert not heads & allowed
        assert ("close", "head_only") in checked and ("escalate", "head_only") in checked
    else:
        assert heads <= allowed
    assert ("reply", "must_report_first") in checked and ("tracking_note", "case_closed") in checked
    assert ("request_review", "no_decision") in checked


def test_the_head_takes_charge_and_the_staff_report(world: World):
    case = world.case()
    offers = {a.action: a for a in availability.available_actions(case, world.head, now())}
    assert offers["report"].takes_charge and offers["report"].allowed
    offers = {a.action: a for a in availability.available_actions(case, world.teller, now())}
    assert not offers["report"].takes_charge and offers["report"].allowed
    assert "close" not in offers  # nothing to close before a reply and a determination
    assert offers["decide_review"].refusal is not None
    assert offers["decide_review"].refusal.code == "review_decided"


def test_a_major_complaint_is_not_marked_twice(world: World):
    case = world.case()
    workflow.mark_major(case, world.teller, next(iter(codes.MAJOR_REASONS)))
    workflow.report(case, world.teller, world.head)
    offers = {a.action: a for a in availability.available_actions(case, world.teller, now())}
    assert offers["mark_major"].refusal is not None
    assert offers["mark_major"].refusal.code == "already_major"
    with pytest.raises(WorkflowError) as info:
        workflow.mark_major(case, world.teller, next(iter(codes.MAJOR_REASONS)))
    assert info.value.code == "already_major"
