"""Callbacks (Art. 5(7)): plan and record; unsatisfied → report owed; work orders flagged
for it are called back by the head or the acting head only."""

from __future__ import annotations

import json

from db.handling import callbacks, workflow
from db.management import liability
from db.store import codes, vocab
from db.store.models import Callback
from db.trust import permissions
from db.workorders import orders as workorders
from tests.db.helpers import freeze_now
from tests.db.workflow_fixtures import World, at, events, last_event, refused, world

__all__ = ["world"]


def replied(w: World):
    case = w.case()
    workflow.reply(
        case, w.teller, content="已答复", method="phone", customer_satisfied=True, at=at(2)
    )
    return case


def test_plan_and_record_a_satisfied_callback(world: World):
    w = world
    case = replied(w)
    cb = callbacks.plan_callback(
        w.head, due_at=at(48), assigned_to=w.lobby, case=case, note="回访满意度", at=at(3)
    )
    assert events(case)[-1] == codes.EVENT_CALLBACK_PLANNED
    assert [c.id for c in callbacks.pending_callbacks(w.outlet)] == [cb.id]
    assert [c.id for c in callbacks.pending_callbacks(w.outlet, assigned_to=w.teller)] == []
    callbacks.record_callback(
        cb,
        w.lobby,
        method="phone",
        reached=True,
        result=codes.RESULT_SATISFIED,
        notes="客户表示满意",
        at=at(20),
    )
    assert cb.done_at == at(20) and cb.reached and cb.result == "satisfied"
    assert world.reload(case).status == vocab.STATUS_CALLBACK_DONE
    event = last_event(case)
    assert event.kind == codes.EVENT_CALLBACK_DONE and event.actor_id == w.lobby.id
    assert json.loads(event.data)["result"] == "satisfied"
    assert callbacks.pending_callbacks(w.outlet) == []
    refused(
        lambda: callbacks.record_callback(
            cb, w.lobby, method="phone", reached=True, result="satisfied", at=at(21)
        ),
        "callback_done",
    )


def test_recording_rules(world: World):
    w = world
    case = replied(w)
    cb = callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, case=case, at=at(3))
    refused(
        lambda: callbacks.record_callback(cb, w.lobby, method="phone", reached=True, at=at(4)),
        "result_required",
    )
    refused(
        lambda: callbacks.record_callback(
            cb, w.lobby, method="phone", reached=False, result="satisfied", at=at(4)
        ),
        "result_without_reach",
    )
    refused(
        lambda: callbacks.record_callback(cb, w.lobby, method="fax", reached=False, at=at(4)),
        "unknown_code",
    )
    refused(
        lambda: callbacks.record_callback(
            cb, w.lobby, method="phone", reached=True, result="delighted", at=at(4)
        ),
        "unknown_code",
    )
    refused(
        lambda: callbacks.plan_callback(
            w.head, due_at=at(2), assigned_to=w.lobby, case=case, at=at(3)
        ),
        "not_after",
    )
    refused(
        lambda: callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, at=at(3)),
        "callback_target",
    )


def test_not_reached_keeps_the_attempt_and_moves_nothing(world: World):
    w = world
    case = replied(w)
    cb = callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, case=case, at=at(3))
    callbacks.record_callback(
        cb, w.lobby, method="phone", reached=False, notes="无人接听", at=at(5)
    )
    assert world.reload(case).status == vocab.STATUS_REPLIED
    assert events(case)[-1] == codes.EVENT_CALLBACK_ATTEMPT
    assert Callback.get_by_id(cb.id).reached is False


def test_unsatisfied_callback_reopens_to_reporting(world: World):
    w = world
    case = replied(w)
    cb = callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, case=case, at=at(3))
    callbacks.record_callback(
        cb,
        w.lobby,
        method="visit",
        reached=True,
        result=codes.RESULT_UNSATISFIED,
        notes="客户仍要求赔偿",
        at=at(6),
    )
    assert workflow.report_owed(case) == "unsatisfied_callback"
    refused(
        lambda: liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(7)),
        "must_report_first",
    )
    again = callbacks.plan_callback(w.head, due_at=at(50), assigned_to=w.lobby, case=case, at=at(7))
    refused(
        lambda: callbacks.record_callback(
            again, w.lobby, method="phone", reached=True, result="satisfied", at=at(8)
        ),
        "must_report_first",
    )
    workflow.report(case, w.lobby, w.head, at=at(8))
    assert world.reload(case).status == vocab.STATUS_REPORTED


def test_workorder_flagged_for_the_head_needs_the_head(world: World):
    w = world
    wo = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="95580",
            number="KF1",
            received_at=at(1),
            reply_by=at(30),
            customer_name="李秀英",
            content="排队",
            head_callback_required=True,
        ),
        w.lobby,
    )
    assert callbacks.requires_head(work_order=wo)
    refused(
        lambda: callbacks.plan_callback(
            w.head, due_at=at(48), assigned_to=w.lobby, work_order=wo, at=at(2)
        ),
        "head_callback",
    )
    cb = callbacks.plan_callback(
        w.lobby, due_at=at(48), assigned_to=w.head, work_order=wo, at=at(2)
    )
    refused(
        lambda: callbacks.record_callback(
            cb, w.lobby, method="phone", reached=True, result="satisfied", at=at(10)
        ),
        "head_only",
    )
    callbacks.record_callback(
        cb, w.head, method="phone", reached=True, result=codes.RESULT_BASICALLY, at=at(10)
    )
    assert Callback.get_by_id(cb.id).done_by_id == w.head.id


def test_acting_head_calls_back_in_the_heads_absence(world: World, monkeypatch):
    w = world
    permissions.name_acting_head(w.head, w.lobby, at(24), at(72))
    case = replied(w)
    wo = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="regulator_12378",
            number="JG1",
            received_at=at(1),
            reply_by=at(100),
            customer_name="李秀英",
            content="排队",
            head_callback_required=True,
        ),
        w.lobby,
    )
    wo.case = case
    wo.save()
    assert callbacks.requires_head(case=case)
    refused(
        lambda: callbacks.plan_callback(
            w.head, due_at=at(80), assigned_to=w.lobby, case=case, at=at(3)
        ),
        "head_callback",
    )
    cb = callbacks.plan_callback(w.head, due_at=at(48), assigned_to=w.lobby, case=case, at=at(3))
    clock = freeze_now(monkeypatch, at(20))
    refused(
        lambda: callbacks.record_callback(
            cb, w.lobby, method="phone", reached=True, result="satisfied", at=at(20)
        ),
        "head_only",
    )
    clock.moment = at(30)
    callbacks.record_callback(
        cb, w.lobby, method="phone", reached=True, result="satisfied", at=at(30)
    )
    data = json.loads(last_event(case).data)
    assert data["as_acting_head"] is True and data["authority"] == "acting_head"


def test_callback_for_a_workorder_without_a_case(world: World):
    w = world
    wo = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="petition",
            number="XF1",
            received_at=at(1),
            reply_by=at(30),
            customer_name="孙强",
            content="来信",
        ),
        w.lobby,
    )
    cb = callbacks.plan_callback(
        w.head, due_at=at(48), assigned_to=w.teller, work_order=wo, at=at(2)
    )
    assert cb.case_id is None
    callbacks.record_callback(
        cb, w.teller, method="phone", reached=True, result=codes.RESULT_UNSATISFIED, at=at(5)
    )
    assert Callback.get_by_id(cb.id).result == "unsatisfied"


def test_workorder_linked_to_a_case_plans_on_the_case(world: World):
    w = world
    case = replied(w)
    wo = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="95580",
            number="KF9",
            received_at=at(1),
            reply_by=at(30),
            customer_name="李秀英",
            content="排队",
        ),
        w.lobby,
        case=case,
    )
    cb = callbacks.plan_callback(
        w.head, due_at=at(48), assigned_to=w.lobby, work_order=wo, at=at(3)
    )
    assert cb.case_id == case.id


def test_callbacks_due(world: World):
    w = world
    case = replied(w)
    a = callbacks.plan_callback(w.head, due_at=at(5), assigned_to=w.lobby, case=case, at=at(3))
    b = callbacks.plan_callback(w.head, due_at=at(30), assigned_to=w.teller, case=case, at=at(3))
    assert [c.id for c in callbacks.callbacks_due(at(4))] == [a.id]
    assert [c.id for c in callbacks.callbacks_due(at(40), w.outlet)] == [a.id, b.id]
    assert [c.id for c in callbacks.callbacks_of(case)] == [a.id, b.id]
    assert world.reload(case).due_at == at(5)
