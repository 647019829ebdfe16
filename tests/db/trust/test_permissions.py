"""Head-only actions and the acting head (Art. 5, 8)."""

from __future__ import annotations

import datetime as dt
import json

from db.handling import workflow
from db.management import liability
from db.store.models import ActingHead
from db.trust import permissions
from db.trust.policy import Action
from tests.db.helpers import freeze_now
from tests.db.workflow_fixtures import World, at, last_event, refused, world

__all__ = ["world"]


def test_head_always_acts_as_head(world: World):
    assert permissions.can_act_as_head(world.head, at(0))
    authority = permissions.require(world.head, Action.CLOSE, at(0))
    assert authority.capacity == permissions.CAPACITY_HEAD
    assert authority.event_data() == {"authority": "head"}
    assert permissions.acting_head_at(world.outlet, at(0)) is None


def test_others_are_refused_outside_any_span(world: World):
    for staff in (world.lobby, world.teller, world.supervisor):
        assert not permissions.can_act_as_head(staff, at(0))
        error = refused(
            lambda staff=staff: permissions.require(staff, Action.CLOSE, at(0)), "head_only"
        )
        assert "may close" in error.message and "Art. 5, 8" in error.message


def test_acting_head_holds_the_duties_inside_the_span_only(world: World, monkeypatch):
    w = world
    freeze_now(monkeypatch, at(5))
    span = permissions.name_acting_head(w.head, w.lobby, at(1), at(9), note="负责人参加培训")
    assert span.named_by_id == w.head.id
    assert permissions.acting_head_at(w.outlet, at(0.99)) is None
    assert permissions.acting_head_at(w.outlet, at(1)).id == w.lobby.id  # start included
    assert permissions.acting_head_at(w.outlet, at(8.99)).id == w.lobby.id
    assert permissions.acting_head_at(w.outlet, at(9)) is None  # end excluded
    assert permissions.can_act_as_head(w.lobby, at(5))
    assert not permissions.can_act_as_head(w.lobby, at(10))
    assert not permissions.can_act_as_head(w.teller, at(5))
    authority = permissions.require(w.lobby, Action.CLOSE, at(5))
    assert authority.as_acting_head and authority.span_id == span.id
    assert authority.event_data() == {
        "authority": "acting_head",
        "as_acting_head": True,
        "acting_span": span.id,
    }
    # the head keeps the head's own authority during the span
    assert permissions.require(w.head, Action.CLOSE, at(5)).capacity == "head"


def test_head_only_action_in_a_span_is_attributed_to_the_acting_head(world: World, monkeypatch):
    w = world
    clock = freeze_now(monkeypatch, at(0.5))
    permissions.name_acting_head(w.head, w.lobby, at(1), at(9))
    case = w.case()
    refused(lambda: workflow.report(case, w.teller, w.lobby, at=at(0.5)), "head_only")
    clock.moment = at(2)
    workflow.report(case, w.teller, w.lobby, at=at(2))
    event = last_event(case)
    data = json.loads(event.data)
    assert data["received_by"] == w.lobby.id
    assert data["as_acting_head"] is True and data["authority"] == "acting_head"
    clock.moment = at(3)
    workflow.escalate(
        case,
        w.lobby,
        "district_branch",
        "运营部",
        False,
        "张主任",
        at(3),
        "无法自行解决",
        "反馈并跟踪",
        at=at(3),
    )
    event = last_event(case)
    assert event.actor_id == w.lobby.id and json.loads(event.data)["as_acting_head"] is True
    # after the span the same person is refused
    clock.moment = at(10)
    workflow.feed_back(
        case, w.teller, content="结果", method="phone", customer_satisfied=True, at=at(10)
    )
    refused(
        lambda: liability.determine_liability(
            case, w.lobby, liable=False, reasons="无责", at=at(10)
        ),
        "head_only",
    )


def test_naming_rules(world: World):
    w = world
    refused(lambda: permissions.name_acting_head(w.lobby, w.teller, at(1), at(2)), "not_the_head")
    refused(lambda: permissions.name_acting_head(w.head, w.head, at(1), at(2)), "acting_is_head")
    refused(
        lambda: permissions.name_acting_head(w.head, w.teller, at(2), at(2)), "acting_span_empty"
    )
    w.supervisor.active = False
    w.supervisor.save()
    refused(
        lambda: permissions.name_acting_head(w.head, w.supervisor, at(1), at(2)), "inactive_staff"
    )
    permissions.name_acting_head(w.head, w.lobby, at(1), at(5))
    # an acting head cannot name another one
    refused(lambda: permissions.name_acting_head(w.lobby, w.teller, at(6), at(7)), "not_the_head")
    refused(lambda: permissions.name_acting_head(w.head, w.teller, at(4), at(6)), "acting_overlap")
    refused(lambda: permissions.name_acting_head(w.head, w.teller, at(0), at(9)), "acting_overlap")
    # touching spans do not overlap
    permissions.name_acting_head(w.head, w.teller, at(5), at(6))
    permissions.name_acting_head(w.head, w.teller2, at(0), at(1))
    assert [s.staff_id for s in permissions.acting_spans(w.outlet)] == [
        w.teller.id,
        w.lobby.id,
        w.teller2.id,
    ]
    assert len(permissions.acting_spans(w.outlet, since=at(5.5))) == 1


def test_ending_a_span_early(world: World):
    w = world
    now = dt.datetime.now().replace(microsecond=0)
    span = permissions.name_acting_head(
        w.head, w.lobby, now - dt.timedelta(hours=2), now + dt.timedelta(hours=6)
    )
    assert permissions.can_act_as_head(w.lobby, now)
    refused(lambda: permissions.end_acting_head(span, w.lobby), "not_the_head")
    permissions.end_acting_head(span, w.head, at=now - dt.timedelta(hours=1))
    assert not permissions.can_act_as_head(w.lobby, now)
    assert permissions.can_act_as_head(w.lobby, now - dt.timedelta(hours=1, minutes=30))
    refused(lambda: permissions.end_acting_head(span, w.head), "acting_span_over")
    # a span that has not started yet becomes empty, and frees its time
    later = permissions.name_acting_head(
        w.head, w.teller, now + dt.timedelta(days=1), now + dt.timedelta(days=2)
    )
    permissions.end_acting_head(later, w.head)
    assert ActingHead.get_by_id(later.id).ends_at == later.starts_at
    permissions.name_acting_head(
        w.head, w.teller2, now + dt.timedelta(days=1), now + dt.timedelta(days=2)
    )


def test_inactive_head_has_no_authority(world: World):
    world.head.active = False
    world.head.save()
    assert not permissions.can_act_as_head(world.head, at(0))
