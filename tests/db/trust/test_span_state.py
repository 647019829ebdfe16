"""What an acting-head span is at a moment (Art. 8): half-open [starts_at, ends_at), and a
span ended early (its end moved to its start or before) is over at once."""

from __future__ import annotations

import datetime as dt

from db.trust import permissions
from tests.db.workflow_fixtures import World, world

__all__ = ["world"]


def test_a_span_is_planned_then_current_then_ended(world: World):
    start = dt.datetime.now().replace(microsecond=0) + dt.timedelta(hours=1)
    end = start + dt.timedelta(hours=8)
    span = permissions.name_acting_head(world.head, world.supervisor, start, end)
    second = dt.timedelta(seconds=1)
    assert permissions.span_state(span, start - second) == permissions.SPAN_PLANNED
    assert permissions.span_state(span, start) == permissions.SPAN_CURRENT
    assert permissions.span_state(span, end - second) == permissions.SPAN_CURRENT
    assert permissions.span_state(span, end) == permissions.SPAN_ENDED
    assert permissions.acting_span(span.id) == span
    assert permissions.acting_span(span.id + 1000) is None


def test_a_span_ended_before_it_began_is_over(world: World):
    start = dt.datetime.now().replace(microsecond=0) + dt.timedelta(hours=1)
    span = permissions.name_acting_head(
        world.head, world.supervisor, start, start + dt.timedelta(hours=8)
    )
    span = permissions.end_acting_head(span, world.head)
    assert span.ends_at <= span.starts_at
    assert permissions.span_state(span, start - dt.timedelta(minutes=30)) == permissions.SPAN_ENDED
