"""Who may act: the head's authority, the acting head (Art. 5, 8) and the policy check.

The head is the first person responsible for complaint handling (Art. 5). When the head
leaves the outlet, the head names an acting head who holds the head's duties until the
head returns (Art. 8). So the head's authority is held by:

- the outlet head (an active staff member with role ``head``), at any time;
- an acting head, inside a span the head named, and an action is then attributed to that
  person *as acting head* (the event data says so).

What each role may do is the table of ``db.trust.policy``; every guarded function in db/
calls ``require(actor, Action.X, at)``, and screens ask ``can`` for the refusal to show.
Spans are half-open: [starts_at, ends_at).

``require`` decides on the database as it is at the moment of the action, not as the caller
remembers it: the staff row is read again, so a member of staff deactivated while their
window is open is refused at their next guarded action. The head's authority of an acting
head is checked at the real time of the action (``outlet_now``), not at the time typed
for it (``at``): typing an earlier time cannot revive a span that has ended, and neither can
starting the program in another time zone, since ``outlet_now`` corrects for a zone that
differs from the one the head named the spans in. A time typed outside the acting head's
span is refused (a late record of what was decided then is the head's to enter); one
inside it is attributed with both times (``entered_at`` in the event data).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from db.errors import Refusals, WorkflowError
from db.intake.validation import FUTURE_TOLERANCE, clean_text, in_range
from db.store import vocab
from db.store.models import ActingHead, Outlet, Setting, Staff, database, now
from db.trust.policy import POLICY, Action

CAPACITY_HEAD = "head"
CAPACITY_ACTING = "acting_head"

# The UTC offset (minutes) of the clock the head named the spans by; see ``outlet_now``.
CLOCK_OFFSET_KEY = "clock.utc_offset_minutes"

# What a span is at a moment (``span_state``).
SPAN_CURRENT, SPAN_PLANNED, SPAN_ENDED = "current", "planned", "ended"


@dataclass(frozen=True)
class Authority:
    """Who is acting with the head's authority, and in which capacity."""

    staff: Staff
    capacity: str
    span_id: int | None = None
    # The real time of an action typed for an earlier time (an acting head's late record).
    entered_at: dt.datetime | None = None

    @property
    def as_acting_head(self) -> bool:
        return self.capacity == CAPACITY_ACTING

    def event_data(self) -> dict:
        """What a timeline event records about the authority an action was taken with."""
        data: dict = {"authority": self.capacity}
        if self.as_acting_head:
            data["as_acting_head"] = True
            data["acting_span"] = self.span_id
        if self.entered_at is not None:
            data["entered_at"] = self.entered_at.isoformat(sep=" ")
        return data


def _is_head(staff: Staff) -> bool:
    return staff.role == vocab.ROLE_HEAD and bool(staff.active)


def _span_at(outlet_id: int, when: dt.datetime) -> ActingHead | None:
    return (
        ActingHead.select()
        .where(
            (ActingHead.outlet == outlet_id)
            & (ActingHead.starts_at <= when)
            & (ActingHead.ends_at > when)
        )
        .order_by(ActingHead.starts_at.desc())
        .first()
    )


def _local_offset() -> dt.timedelta:
    return dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)


def outlet_now() -> dt.datetime:
    """Now, as the clock the head named the acting spans by reads it.

    ``now()`` is the wall clock in this process's time zone, which anyone can change (the
    ``TZ`` of one process, the computer's zone); the head's zone is recorded when a span is
    named, and the difference is put back here. Without a recorded zone, ``now()``."""
    current = now()
    row = Setting.get_or_none(Setting.key == CLOCK_OFFSET_KEY)
    try:
        recorded = dt.timedelta(minutes=int(json.loads(row.value))) if row else None
    except (TypeError, ValueError):
        recorded = None
    if recorded is None:
        return current
    return current + (recorded - _local_offset())


def _record_clock_offset(at: dt.datetime) -> None:
    minutes = json.dumps(int(_local_offset().total_seconds() // 60))
    Setting.insert(key=CLOCK_OFFSET_KEY, value=minutes, updated_at=at).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: minutes, Setting.updated_at: at}
    ).execute()


def acting_head_at(outlet: Outlet, when: dt.datetime) -> Staff | None:
    """The acting head named for ``when``, or None when the head is in charge."""
    span = _span_at(outlet.id, when)
    return span.staff if span is not None else None


def authority_at(staff: Staff, when: dt.datetime) -> Authority | None:
    """The head's authority ``staff`` holds at ``when``, if any."""
    if _is_head(staff):
        return Authority(staff, CAPACITY_HEAD)
    if not staff.active:
        return None
    span = _span_at(staff.outlet_id, when)
    if span is not None and span.staff_id == staff.id:
        return Authority(staff, CAPACITY_ACTING, span.id)
    return None


def can_act_as_head(staff: Staff, when: dt.datetime) -> bool:
    """Whether ``staff`` holds the head's authority at ``when`` (who owes what, who takes
    charge); whether an action is allowed is ``can``'s to say."""
    return authority_at(staff, when) is not None


def span_state(span: ActingHead, at: dt.datetime) -> str:
    """Whether a span holds at ``at`` (``SPAN_CURRENT``), is still to come (``SPAN_PLANNED``)
    or is over (``SPAN_ENDED``); a span ended early has ``ends_at`` at or before its start."""
    if span.ends_at <= at or span.ends_at <= span.starts_at:
        return SPAN_ENDED
    if span.starts_at > at:
        return SPAN_PLANNED
    return SPAN_CURRENT


def acting_span(span_id: int) -> ActingHead | None:
    """The span with this id, or None."""
    return ActingHead.get_or_none(ActingHead.id == span_id)


def acting_spans(outlet: Outlet, *, since: dt.datetime | None = None) -> list[ActingHead]:
    """Spans of the outlet, latest first; with ``since``, only those not ended before it."""
    query = ActingHead.select().where(ActingHead.outlet == outlet)
    if since is not None:
        query = query.where(ActingHead.ends_at > since)
    return list(query.order_by(ActingHead.starts_at.desc()))


def name_acting_head(
    head: Staff,
    staff: Staff,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    note: str = "",
) -> ActingHead:
    """The head names ``staff`` acting head for [starts_at, ends_at) (Art. 8).

    Only the head (not an acting head) names one; spans of an outlet never overlap, so
    at every moment at most one person holds the head's duties besides the head.
    """
    require(head, Action.NAME_ACTING_HEAD, now())
    refusals = Refusals()
    if staff.outlet_id != head.outlet_id or not staff.active:
        refusals.refuse("inactive_staff", name=staff.name)
    elif staff.role == vocab.ROLE_HEAD:
        refusals.refuse("acting_is_head")
    starts_at, ends_at = starts_at.replace(microsecond=0), ends_at.replace(microsecond=0)
    if ends_at <= starts_at:
        refusals.refuse("acting_span_empty")
    refusals.run(in_range, starts_at, "starts_at")
    refusals.run(in_range, ends_at, "ends_at")
    refusals.done()
    with database.atomic():
        clash = (
            ActingHead.select()
            .where(
                (ActingHead.outlet == head.outlet_id)
                & (ActingHead.starts_at < ends_at)
                & (ActingHead.ends_at > starts_at)
                & (ActingHead.ends_at > ActingHead.starts_at)
            )
            .exists()
        )
        if clash:
            raise WorkflowError("acting_overlap")
        _record_clock_offset(now())
        return ActingHead.create(
            outlet=head.outlet_id,
            staff=staff,
            starts_at=starts_at,
            ends_at=ends_at,
            named_by=head,
            note=clean_text(note, multiline=True),
            created_at=now(),
        )


def end_acting_head(span: ActingHead, head: Staff, *, at: dt.datetime | None = None) -> ActingHead:
    """The head is back: end the span at ``at`` (a span not yet started becomes empty)."""
    require(head, Action.NAME_ACTING_HEAD, now())
    if head.outlet_id != span.outlet_id:
        raise WorkflowError("not_the_head")
    at = (at or now()).replace(microsecond=0)
    if at > now() + FUTURE_TOLERANCE:
        raise WorkflowError("in_future", field="at")
    with database.atomic():
        fresh = ActingHead.get_by_id(span.id)
        if fresh.ends_at <= at:
            raise WorkflowError("acting_span_over")
        fresh.ends_at = max(at, fresh.starts_at)
        fresh.save()
    span.ends_at = fresh.ends_at
    return fresh


# --- The policy -------------------------------------------------------------------------------


def _decide(staff: Staff, action: Action, when: dt.datetime) -> Authority | WorkflowError:
    """The authority ``action`` is taken with, or the policy's refusal (see the module)."""
    rule = POLICY[action]
    fresh = Staff.get_or_none(Staff.id == staff.id)
    if fresh is not None and fresh.active and staff.active:
        entered = outlet_now()
        authority = authority_at(fresh, entered)
        if authority is not None and authority.as_acting_head:
            typed = _typed_time(authority, when, entered)
            if isinstance(typed, WorkflowError) and rule.head_only:
                return typed
            # Outside the span, an action open to the role is still theirs in that role.
            authority = None if isinstance(typed, WorkflowError) else typed
        elif authority is None and rule.head_only:
            if (over := _span_expired(fresh, when, entered)) is not None:
                return over
        if authority is not None and (rule.acting or not authority.as_acting_head):
            return authority
        if authority is None and fresh.role in rule.roles and not rule.head_only:
            return Authority(fresh, fresh.role)
    return WorkflowError(rule.refusal_code, action=rule.phrase, staff=staff.name)


def _minute(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M")


def _span_expired(staff: Staff, when: dt.datetime, entered: dt.datetime) -> WorkflowError | None:
    """``acting_span_expired`` when ``when`` lies in a span of ``staff`` that is over by the
    time the action is entered: typing an earlier time does not revive it."""
    span = _span_at(staff.outlet_id, _naive_local(when))
    if span is None or span.staff_id != staff.id or span.ends_at > entered:
        return None
    return WorkflowError(
        "acting_span_expired",
        staff=staff.name,
        starts=_minute(span.starts_at),
        ends=_minute(span.ends_at),
        now=_minute(entered),
    )


def _naive_local(when: dt.datetime) -> dt.datetime:
    return when.astimezone().replace(tzinfo=None) if when.tzinfo is not None else when


def _typed_time(
    authority: Authority, when: dt.datetime, entered: dt.datetime
) -> Authority | WorkflowError:
    """An acting head's authority for an action typed for ``when`` and entered at
    ``entered``: ``when`` must lie in the same span; attributed with both times when they
    differ; refused (``acting_late_record``) outside the span."""
    span = ActingHead.get_by_id(authority.span_id)
    when = _naive_local(when)
    if not span.starts_at <= when < span.ends_at:
        return WorkflowError(
            "acting_late_record",
            staff=authority.staff.name,
            at=_minute(when),
            starts=_minute(span.starts_at),
            ends=_minute(span.ends_at),
        )
    if abs(entered - when) <= FUTURE_TOLERANCE:
        return authority
    return Authority(authority.staff, authority.capacity, authority.span_id, entered)


def can(staff: Staff, action: Action, when: dt.datetime) -> WorkflowError | None:
    """Why ``staff`` may not take ``action`` at ``when``, or None when they may (for screens).

    Inactive staff may take none. The head may take every one, and so may an acting head
    inside their span, except what is the head's in person (``Rule.acting``); anyone else
    what the policy allows their role, head-only actions never. An unknown action is a bug
    (KeyError)."""
    decided = _decide(staff, action, when)
    return decided if isinstance(decided, WorkflowError) else None


def require(staff: Staff, action: Action, when: dt.datetime) -> Authority:
    """The authority ``action`` is taken with, or the policy's refusal (WorkflowError).

    The capacity is ``head``/``acting_head`` with the head's authority, else the role."""
    decided = _decide(staff, action, when)
    if isinstance(decided, WorkflowError):
        raise decided
    return decided


def require_export(
    actor: Staff | None, *, reveal: bool = False, when: dt.datetime | None = None
) -> Authority | None:
    """Check the policy before data leaves the program (a ledger, a saved report, a bundle).

    ``export`` always, and ``reveal_customer_data`` too when the export is unmasked. With no
    ``actor`` (a database without accounts, where the head is assumed, or the system itself)
    nothing is checked and None is returned; otherwise WorkflowError ``not_permitted``."""
    if actor is None:
        return None
    when = when or now()
    authority = require(actor, Action.EXPORT, when)
    if reveal:
        authority = require(actor, Action.REVEAL_CUSTOMER_DATA, when)
    return authority
