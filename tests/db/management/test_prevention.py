"""Prevention (Art. 4, 6, 7): the disputes log, converting a dispute into a complaint with
both linked, and the suggestions log whose outcome the head decides."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db.intake.validation import ValidationError
from db.management import prevention
from db.store import codes, vocab
from db.store.models import Case, CaseEvent, Dispute, Suggestion
from tests.db.management_fixtures import World, refused_all, world
from tests.db.workflow_fixtures import dump

__all__ = ["world"]

D = dt.datetime


def dispute(w: World, **changes) -> Dispute:
    fields = dict(
        occurred_at=D(2026, 9, 28, 9, 30),
        handled_by=w.lobby,
        customer_name="赵德明",
        description="客户因排队时间长与保安发生争执，大堂经理上前安抚并引导至空闲窗口。",
        cause="onsite_long_wait",
        outcome="defused",
        customer_phone="138 1234 5678",
    )
    fields.update(changes)
    actor = fields.pop("actor", w.lobby)
    return prevention.record_dispute(actor, **fields)


def test_any_staff_member_logs_a_dispute(world: World):
    w = world
    row = dispute(w, actor=w.teller, outcome_note="客户表示理解")
    assert (row.handled_by_id, row.recorded_by_id, row.customer_phone) == (
        w.lobby.id,
        w.teller.id,
        "13812345678",
    )
    assert row.case_id is None and row.outcome == codes.DISPUTE_DEFUSED
    assert prevention.disputes(w.outlet) == [row]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        (dict(outcome="became_complaint"), "dispute_convert_instead"),
        (dict(outcome="shouting"), "unknown_code"),
        (dict(cause="moon_phase"), "unknown_code"),
        (dict(description=" "), "text_required"),
        (dict(customer_name=""), "text_required"),
        (dict(customer_phone="12345"), "bad_phone"),
        (dict(occurred_at=D.now() + dt.timedelta(days=1)), "in_future"),
    ],
)
def test_dispute_rules(world: World, changes, code):
    refused_all(world, lambda: dispute(world, **changes), code)


def test_an_inactive_handler_is_refused(world: World):
    w = world
    w.supervisor.active = False
    w.supervisor.save()
    refused_all(w, lambda: dispute(w, handled_by=w.supervisor), "inactive_staff")


def test_converting_a_dispute_registers_a_linked_case(world: World):
    w = world
    row = dispute(w)
    case = prevention.convert_dispute_to_case(
        row,
        w.teller,
        business_type="rmb_savings",
        received_at=D(2026, 9, 28, 10),
        agreed_reply_at=D(2026, 9, 29, 17),
        remedy_requested="要求网点书面道歉",
    )
    stored = Case.get_by_id(case.id)
    assert (stored.first_ask_owner_id, stored.cause, stored.customer_name) == (
        w.lobby.id,
        "onsite_long_wait",
        "赵德明",
    )
    assert stored.customer_phone == "13812345678" and stored.description == row.description
    assert stored.status == vocab.STATUS_AWAITING_REPLY
    linked = Dispute.get_by_id(row.id)
    assert linked.case_id == case.id and linked.outcome == codes.DISPUTE_BECAME_COMPLAINT
    assert row.case_id == case.id  # the caller's instance follows
    assert prevention.dispute_of_case(case) == linked
    event = CaseEvent.get(
        (CaseEvent.case == case.id) & (CaseEvent.kind == codes.EVENT_FROM_DISPUTE)
    )
    assert json.loads(event.data)["dispute"] == row.id and event.actor_id == w.teller.id
    refused_all(
        w,
        lambda: prevention.convert_dispute_to_case(
            row, w.head, business_type="rmb_savings", agreed_reply_at=D(2026, 9, 30)
        ),
        "dispute_converted",
    )


def test_a_refused_conversion_writes_nothing(world: World):
    w = world
    row = dispute(w, customer_phone="")
    refused_all(
        w,
        lambda: prevention.convert_dispute_to_case(
            row,
            w.teller,
            business_type="rmb_savings",
            received_at=D(2026, 9, 28, 9),
            agreed_reply_at=D(2026, 9, 29),
        ),
        "before_dispute",
    )
    before = dump()
    # the case form's own rules apply: a complaint needs the customer's phone
    with pytest.raises(ValidationError) as excinfo:
        prevention.convert_dispute_to_case(
            row, w.teller, business_type="rmb_savings", agreed_reply_at=D.now() + dt.timedelta(1)
        )
    assert excinfo.value.for_field("customer_phone").code == "required"
    assert dump() == before
    # given the phone, it goes through
    case = prevention.convert_dispute_to_case(
        row,
        w.teller,
        business_type="rmb_savings",
        customer_phone="13900001111",
        outcome="settled",
        settlement="当场致歉，客户满意",
    )
    assert case.status == vocab.STATUS_SETTLED_ON_SPOT


def test_dispute_counts_per_period(world: World):
    w = world
    dispute(w, occurred_at=D(2026, 9, 30, 23, 59, 59))
    dispute(w, occurred_at=D(2026, 7, 1), cause="onsite_attitude")
    converted = dispute(w, occurred_at=D(2026, 8, 1))
    dispute(w, occurred_at=D(2026, 10, 1))
    prevention.convert_dispute_to_case(
        converted,
        w.lobby,
        business_type="rmb_savings",
        agreed_reply_at=D.now() + dt.timedelta(days=1),
    )
    counts = prevention.dispute_counts("2026-Q3")
    assert (counts.total, counts.converted) == (3, 1)
    assert counts.by_cause == {"onsite_long_wait": 2, "onsite_attitude": 1}
    assert prevention.dispute_counts("2026-Q4").total == 1
    assert len(prevention.disputes(w.outlet, "2026-Q3")) == 3
    assert len(prevention.disputes(w.outlet, outcome="became_complaint")) == 1


# --- suggestions ------------------------------------------------------------------------------


def test_suggestions_are_logged_and_the_head_decides(world: World):
    w = world
    row = prevention.record_suggestion(
        w.teller,
        proposed_by=w.lobby,
        content="高峰时段增开一个现金窗口",
        proposed_on=dt.date(2026, 9, 20),
    )
    assert (row.status, row.proposed_by_id, row.recorded_by_id) == (
        "proposed",
        w.lobby.id,
        w.teller.id,
    )
    refused_all(
        w,
        lambda: prevention.set_suggestion_status(row, w.teller, "adopted", response="好"),
        "head_only",
    )
    refused_all(
        w, lambda: prevention.set_suggestion_status(row, w.head, "adopted"), "text_required"
    )
    refused_all(
        w,
        lambda: prevention.set_suggestion_status(row, w.head, "shelved", response="x"),
        "unknown_code",
    )
    prevention.set_suggestion_status(row, w.head, "under_review")
    decided = prevention.set_suggestion_status(
        row, w.head, "adopted", response="自十月起周五下午增开窗口"
    )
    assert (decided.status, decided.decided_by_id) == ("adopted", w.head.id)
    assert row.status == "adopted"
    assert prevention.suggestions(w.outlet, status="adopted") == [Suggestion.get_by_id(row.id)]
    refused_all(
        w,
        lambda: prevention.record_suggestion(w.teller, proposed_by=w.lobby, content=" "),
        "text_required",
    )
    refused_all(
        w,
        lambda: prevention.record_suggestion(
            w.teller,
            proposed_by=w.lobby,
            content="x",
            proposed_on=dt.date.today() + dt.timedelta(days=3),
        ),
        "in_future",
    )
