"""An action checks all the fields of a draft before it refuses, and its WorkflowError
carries every refusal (``errors``) while ``code``, ``params`` and ``message`` still start
with the first, as callers that read only those always saw. Nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from db.errors import Refusals, WorkflowError
from db.handling import callbacks, decisions, workflow
from db.intake import cases
from db.management import liability
from db.store.models import now
from db.workorders import orders as workorders
from tests.db.workflow_fixtures import T0, World, refused, world

__all__ = ["world"]


def fields(err: WorkflowError) -> list[tuple[str, object]]:
    return [(e.code, e.params.get("field")) for e in err.errors]


def test_one_refusal_is_itself_and_several_keep_the_first_in_front():
    single = WorkflowError("text_required", field="note")
    assert single.errors == [single] and WorkflowError.of([single]) is single
    both = WorkflowError.of([single, WorkflowError("in_future", field="at")])
    assert both.code == "text_required" and both.params == {"field": "note"}
    assert both.message == "'note' is required.; 'at' cannot be in the future."
    assert [e.code for e in both.errors] == ["text_required", "in_future"]
    with pytest.raises(ValueError):
        WorkflowError.of([])


def test_refusals_collect_and_raise_together():
    refusals = Refusals()
    assert refusals.run(lambda: 3) == 3
    assert refusals.run(lambda: (_ for _ in ()).throw(WorkflowError("case_closed"))) is None
    refusals.refuse("text_required", field="content")
    assert refusals.failed("content") and not refusals.failed("note")
    with pytest.raises(WorkflowError) as info:
        refusals.done()
    assert [e.code for e in info.value.errors] == ["case_closed", "text_required"]
    Refusals().done()  # nothing refused: nothing raised


def test_a_reply_refuses_every_missing_field_at_once(world: World):
    case = world.case()
    err = refused(
        lambda: workflow.reply(case, world.teller, content=" ", method="", customer_satisfied=None),
        "text_required",
    )
    assert fields(err) == [
        ("text_required", "content"),
        ("text_required", "contact method"),
        ("text_required", "satisfied"),
    ]


def test_a_decision_refuses_findings_basis_and_remedies_together(world: World):
    case = world.case(received_at=now().replace(microsecond=0) - dt.timedelta(days=1))
    err = refused(
        lambda: decisions.record_decision(
            case, world.head, findings="", basis="", remedies=["review", "duel"]
        ),
        "text_required",
    )
    assert fields(err) == [
        ("text_required", "findings"),
        ("text_required", "basis"),
        ("unknown_code", "remedy"),
        ("remedies_incomplete", None),
    ]


def test_an_extension_checks_its_notice_beside_its_reason(world: World):
    case = world.case(received_at=now().replace(microsecond=0) - dt.timedelta(days=1))
    err = refused(
        lambda: decisions.extend_decision_clock(
            case,
            world.head,
            reason="",
            notice_method="",
            notice_at=now() + dt.timedelta(days=3),
            notice_proof="",
        ),
        "text_required",
    )
    assert fields(err) == [
        ("text_required", "reason"),
        ("text_required", "notice method"),
        ("in_future", "notice_at"),
        ("text_required", "proof"),
    ]


def test_a_callback_record_refuses_method_and_result_together(world: World):
    case = world.case()
    workflow.reply(case, world.teller, content="已答复", method="phone", customer_satisfied=True)
    planned = callbacks.plan_callback(
        world.head, due_at=now() + dt.timedelta(hours=2), assigned_to=world.lobby, case=case
    )
    err = refused(
        lambda: callbacks.record_callback(planned, world.lobby, method="", reached=True),
        "text_required",
    )
    assert [e.code for e in err.errors] == ["text_required", "result_required"]


def test_a_finding_refuses_outcome_reasons_and_basis_together(world: World):
    case = world.case(outcome=cases.OUTCOME_SETTLED, settlement="当场解释", agreed_reply_at=None)
    err = refused(
        lambda: liability.determine(case, world.head, liability.Finding(liable=None, reasons="")),
        "text_required",
    )
    assert fields(err) == [("text_required", "liable"), ("text_required", "reasons")]


def test_a_work_order_refuses_every_bad_field_at_once(world: World):
    draft = workorders.NewWorkOrder(
        source="", number="", received_at=T0, customer_name="", customer_phone="123"
    )
    with pytest.raises(WorkflowError) as info:
        workorders.validate_workorder(draft)
    assert fields(info.value) == [
        ("text_required", "source"),
        ("text_required", "number"),
        ("text_required", "customer_name"),
        ("bad_phone", None),
        ("text_required", "content"),
    ]
