"""One engine for every clock a complaint runs against.

Clocks of a case, each with its rule setting (db/handling/rules.py) and source:

- ``agreed_reply``: the reply time agreed with the customer (Art. 10);
- ``workorder_reply``: each linked superior work order's reply-by time (Art. 5);
- ``decision``: the handling decision, 15 calendar days from receipt, extendable to 30
  and then by 30 more (CBIRC Order 2020 No. 3, Art. 18), with time for outside
  appraisal (Art. 18) and mediation (Art. 23) excluded;
- ``review``: a review is decided within 30 days of the customer's request (Art. 20);
- ``first_contact`` and ``proposal``: the provincial practice of contacting the customer
  within 2 hours and proposing a solution within 1 day, for complaints that did not reach
  the outlet in person or by phone (the customer is not in contact yet);
- ``callback``: each planned callback's due time (Art. 5(7)).

Periods counted in days start the day after the event and end at the end of the last day
(Civil Code Art. 201); if the last day is a rest day or holiday, the period ends on the
next working day (Art. 203, rule ``roll_past_holidays``). Working days follow the official
calendar with its make-up working days (db/handling/workcalendar.py). A paused day does not count,
so a pause can only move a deadline later.

``Case.due_at`` is the earliest deadline still running and ``Case.warn_at`` the moment the
first clock reaches the breach-warning share; both are rewritten on every change, so the
list's overdue, due-today and near-breach filters stay index queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from peewee import ModelSelect, fn

from db.handling import rules, workcalendar
from db.handling.workcalendar import WorkCalendar
from db.store import codes, vocab
from db.store.models import (
    Callback,
    Case,
    CaseEvent,
    ClockExtension,
    ClockPause,
    HandlingDecision,
    ReviewRequest,
    WorkOrder,
    database,
    now,
)

CLOCK_AGREED_REPLY = "agreed_reply"
CLOCK_WORKORDER_REPLY = "workorder_reply"
CLOCK_DECISION = "decision"
CLOCK_REVIEW = "review"
CLOCK_FIRST_CONTACT = "first_contact"
CLOCK_PROPOSAL = "proposal"
CLOCK_CALLBACK = "callback"

CLOCK_NAMES: dict[str, str] = {
    CLOCK_AGREED_REPLY: "Agreed reply time",
    CLOCK_WORKORDER_REPLY: "Work-order reply",
    CLOCK_DECISION: "Handling decision",
    CLOCK_REVIEW: "Review decision",
    CLOCK_FIRST_CONTACT: "First contact",
    CLOCK_PROPOSAL: "Solution proposed",
    CLOCK_CALLBACK: "Callback",
}

STATE_RUNNING = "running"
STATE_MET = "met"
STATE_MISSED = "missed"
STATE_PAUSED = "paused"

UNIT_FIXED = "fixed"
UNIT_HOURS = "hours"
UNIT_CALENDAR_DAYS = "calendar_days"
UNIT_WORKING_DAYS = "working_days"

# Routes by which the customer is not yet in contact with the outlet when the complaint
# arrives; only these run the first-contact and proposal clocks.
NOT_IN_CONTACT_ROUTES = frozenset(
    {
        "outlet_opinion_book",
        "outlet_letter",
        "above_95580",
        "above_regulator",
        "above_public_supervision",
        "above_petition",
    }
)

_END_EVENTS = frozenset({vocab.EVENT_SETTLED_ON_SPOT, codes.EVENT_MERGED_INTO, codes.EVENT_CLOSED})
_REPLY_EVENTS = frozenset({codes.EVENT_REPLIED, codes.EVENT_FED_BACK}) | _END_EVENTS
_CONTACT_EVENTS = _REPLY_EVENTS | {codes.EVENT_CONTACT_CONFIRMED, codes.EVENT_CALLBACK_DONE}
_PROPOSAL_EVENTS = _REPLY_EVENTS | {codes.EVENT_PROPOSAL}

Interval = tuple[dt.datetime, dt.datetime | None]


@dataclass(frozen=True)
class Clock:
    """One clock of a case at a moment ``at``.

    ``deadline`` is None while an open pause suspends the clock (state ``paused``).
    ``share_used`` is the part of the span from start to deadline that has passed (at
    ``at``, or when the clock stopped); above 1 when overdue.
    """

    name: str
    started_at: dt.datetime
    deadline: dt.datetime | None
    stopped_at: dt.datetime | None
    state: str
    share_used: float | None
    warn_at: dt.datetime | None
    unit: str
    limit: float | None
    source: str
    ref: int | None = None
    paused_seconds: int = 0
    detail: dict = field(default_factory=dict)

    @property
    def live(self) -> bool:
        """Still running (not met or missed for good)."""
        return self.stopped_at is None

    def near_breach(self, at: dt.datetime) -> bool:
        return (
            self.live
            and self.warn_at is not None
            and self.deadline is not None
            and self.warn_at <= at <= self.deadline
        )


# --- pure computations ----------------------------------------------------------------------


def end_of_day(day: dt.date) -> dt.datetime:
    """The last second of ``day``: where a period counted in days ends."""
    return dt.datetime.combine(day, dt.time(23, 59, 59))


def merge_pauses(pauses: Iterable[Interval], start: dt.datetime | None = None) -> list[Interval]:
    """Sorted, non-overlapping pauses clipped to begin no earlier than ``start``."""
    clipped: list[Interval] = []
    for begin, end in pauses:
        if start is not None:
            if end is not None and end <= start:
                continue
            begin = max(begin, start)
        if end is not None and end <= begin:
            continue
        clipped.append((begin, end))
    clipped.sort(key=lambda p: p[0])
    merged: list[Interval] = []
    for begin, end in clipped:
        if merged:
            last_begin, last_end = merged[-1]
            if last_end is None:
                break
            if begin <= last_end:
                merged[-1] = (last_begin, None if end is None else max(last_end, end))
                continue
        merged.append((begin, end))
    return merged


def paused_seconds(pauses: Sequence[Interval], start: dt.datetime, until: dt.datetime) -> int:
    """Seconds of [start, until) covered by pauses."""
    total = 0
    for begin, end in merge_pauses(pauses, start):
        stop = until if end is None else min(end, until)
        if stop > begin:
            total += int((stop - begin).total_seconds())
    return total


def hours_deadline(
    start: dt.datetime, hours: float, pauses: Sequence[Interval] = ()
) -> dt.datetime | None:
    """``hours`` of running time after ``start``, not counting paused time; None while an
    open pause holds the clock."""
    deadline = start + dt.timedelta(hours=hours)
    for begin, end in merge_pauses(pauses, start):
        if begin >= deadline:
            break
        if end is None:
            return None
        deadline += end - begin
    return deadline.replace(microsecond=0)


def _day_paused(day: dt.date, pauses: Sequence[Interval]) -> bool | None:
    """True if a pause touches ``day``; None if an open pause has begun by then."""
    day_start = dt.datetime.combine(day, dt.time())
    day_end = day_start + dt.timedelta(days=1)
    for begin, end in pauses:
        if begin >= day_end:
            break
        if end is None:
            return None
        if end > day_start:
            return True
    return False


def days_deadline(
    start: dt.datetime,
    days: int,
    calendar: WorkCalendar,
    *,
    working_days: bool = False,
    roll: bool = True,
    pauses: Sequence[Interval] = (),
) -> dt.datetime | None:
    """End of the ``days``-th countable day after the day of ``start``.

    A day counts unless a pause touches it and, for ``working_days``, unless it is a rest
    day or holiday. With ``roll``, a period counted in calendar days whose last day is not
    a working day ends on the next working day (Civil Code Art. 203). None while an open
    pause holds the clock.
    """
    merged = merge_pauses(pauses, start)
    day = start.date()
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        paused = _day_paused(day, merged)
        if paused is None:
            return None
        if paused or (working_days and not calendar.is_working_day(day)):
            continue
        counted += 1
    if roll or working_days:
        while True:
            paused = _day_paused(day, merged)
            if paused is None:  # an open pause holds the clock (None is not "unpaused")
                return None
            if calendar.is_working_day(day) and not paused:
                break
            day += dt.timedelta(days=1)
    return end_of_day(day)


def share_used(start: dt.datetime, deadline: dt.datetime, until: dt.datetime) -> float:
    span = (deadline - start).total_seconds()
    if span <= 0:
        return 1.0
    return max(0.0, (until - start).total_seconds() / span)


def warn_instant(start: dt.datetime, deadline: dt.datetime, share: float) -> dt.datetime:
    return (start + (deadline - start) * share).replace(microsecond=0)


def _make(
    name: str,
    start: dt.datetime,
    deadline: dt.datetime | None,
    stopped: dt.datetime | None,
    at: dt.datetime,
    warn_share: float,
    *,
    unit: str,
    limit: float | None,
    source: str,
    ref: int | None = None,
    pauses: Sequence[Interval] = (),
    detail: dict | None = None,
) -> Clock:
    until = stopped if stopped is not None else at
    if deadline is None:
        state = STATE_PAUSED if stopped is None else STATE_MET
        share = None
        warn = None
    else:
        if stopped is not None:
            state = STATE_MET if stopped <= deadline else STATE_MISSED
        else:
            state = STATE_RUNNING if at <= deadline else STATE_MISSED
        share = share_used(start, deadline, until)
        warn = warn_instant(start, deadline, warn_share)
    return Clock(
        name=name,
        started_at=start,
        deadline=deadline,
        stopped_at=stopped,
        state=state,
        share_used=share,
        warn_at=warn,
        unit=unit,
        limit=limit,
        source=source,
        ref=ref,
        paused_seconds=paused_seconds(pauses, start, until) if pauses else 0,
        detail=detail or {},
    )


# --- the clocks of a case --------------------------------------------------------------------


def _source(key: str) -> str:
    return rules.RULES[key].source


def decision_limit_days(steps: Iterable[int], settings: dict) -> int:
    """15 days; 30 once extended; 30 more after the approved further extension (Art. 18)."""
    steps = set(steps)
    days = int(settings["decision_days"])
    if 1 in steps:
        days = int(settings["decision_extended_days"])
    if 2 in steps:
        days += int(settings["decision_further_days"])
    return days


def _first_event(
    events: Sequence[CaseEvent],
    kinds: frozenset[str] | set[str],
    after_id: int = 0,
    satisfied_only: frozenset[str] = frozenset(),
):
    import json

    for event in events:
        if event.id <= after_id or event.kind not in kinds:
            continue
        if event.kind in satisfied_only:
            data = json.loads(event.data or "{}")
            if not data.get("customer_satisfied"):
                continue
        return event
    return None


def case_clocks(
    case: Case,
    at: dt.datetime | None = None,
    *,
    settings: dict | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Clock]:
    """Every clock of ``case`` as it stands at ``at`` (default: now)."""
    at = at or now()
    settings = settings or rules.snapshot()
    calendar = calendar or workcalendar.current()
    warn_share = float(settings["breach_warning_share"])
    roll = bool(settings["roll_past_holidays"])
    events = list(CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.id))
    pauses: list[Interval] = [
        (p.started_at, p.ended_at) for p in ClockPause.select().where(ClockPause.case == case.id)
    ]
    # Closing ends the clocks; a reopening starts a new stretch.
    reopened = [
        e.id
        for e in events
        if e.to_status == vocab.STATUS_RECEIVED and e.from_status in vocab.CLOSED_STATUSES
    ]
    ended = _first_event(events, _END_EVENTS, after_id=reopened[-1] if reopened else 0)
    end_at = ended.at if ended is not None else None
    if end_at is None and not case.is_open:
        end_at = case.closed_at or case.settled_at or case.updated_at
    clocks: list[Clock] = []

    def stop_of(event, *extra: dt.datetime | None) -> dt.datetime | None:
        times = [t for t in (event.at if event is not None else None, *extra) if t is not None]
        return min(times) if times else None

    # Agreed reply time (Art. 10): runs from the latest agreement until a reply.
    if case.agreed_reply_at is not None:
        agreements = [e for e in events if e.kind == vocab.EVENT_REPLY_TIME_AGREED]
        last = agreements[-1] if agreements else None
        start = case.received_at
        if last is not None and len(agreements) > 1:
            start = max(last.at, case.received_at)
        stop = _first_event(events, _REPLY_EVENTS, after_id=last.id if last else 0)
        clocks.append(
            _make(
                CLOCK_AGREED_REPLY,
                start,
                case.agreed_reply_at,
                stop_of(stop),
                at,
                warn_share,
                unit=UNIT_FIXED,
                limit=None,
                source="Art. 10",
            )
        )

    # Work orders from superior bodies (Art. 5).
    for wo in WorkOrder.select().where(WorkOrder.case == case.id).order_by(WorkOrder.id):
        clocks.append(workorder_clock(wo, at, warn_share=warn_share))

    # Handling decision (CBIRC Art. 18), with extensions and pauses.
    steps = [e.step for e in ClockExtension.select().where(ClockExtension.case == case.id)]
    limit = decision_limit_days(steps, settings)
    deadline = days_deadline(case.received_at, limit, calendar, roll=roll, pauses=pauses)
    decision = (
        HandlingDecision.select(fn.MIN(HandlingDecision.decided_at))
        .where(HandlingDecision.case == case.id)
        .scalar()
    )
    resolved = _first_event(
        events,
        _REPLY_EVENTS,
        satisfied_only=frozenset({codes.EVENT_REPLIED, codes.EVENT_FED_BACK}),
    )
    clocks.append(
        _make(
            CLOCK_DECISION,
            case.received_at,
            deadline,
            stop_of(resolved, decision, end_at),
            at,
            warn_share,
            unit=UNIT_CALENDAR_DAYS,
            limit=limit,
            source=_source("decision_days"),
            pauses=pauses,
            detail={"extension_steps": sorted(steps)},
        )
    )

    # First contact and proposal (provincial practice), when the customer is not present.
    if case.route in NOT_IN_CONTACT_ROUTES:
        hours = float(settings["first_contact_hours"])
        stop = _first_event(events, _CONTACT_EVENTS)
        clocks.append(
            _make(
                CLOCK_FIRST_CONTACT,
                case.received_at,
                hours_deadline(case.received_at, hours),
                stop_of(stop, case.first_contact_at),
                at,
                warn_share,
                unit=UNIT_HOURS,
                limit=hours,
                source=_source("first_contact_hours"),
            )
        )
        hours = float(settings["proposal_hours"])
        stop = _first_event(events, _PROPOSAL_EVENTS)
        clocks.append(
            _make(
                CLOCK_PROPOSAL,
                case.received_at,
                hours_deadline(case.received_at, hours),
                stop_of(stop, case.proposal_at),
                at,
                warn_share,
                unit=UNIT_HOURS,
                limit=hours,
                source=_source("proposal_hours"),
            )
        )

    # Reviews (CBIRC Art. 20): each has its own clock, paused like the decision.
    days = int(settings["review_decision_days"])
    for review in ReviewRequest.select().where(ReviewRequest.case == case.id):
        clocks.append(
            _make(
                CLOCK_REVIEW,
                review.requested_at,
                days_deadline(review.requested_at, days, calendar, roll=roll, pauses=pauses),
                review.decided_at,
                at,
                warn_share,
                unit=UNIT_CALENDAR_DAYS,
                limit=days,
                source=_source("review_decision_days"),
                ref=review.id,
                pauses=pauses,
            )
        )

    # Planned callbacks (Art. 5(7)).
    for cb in Callback.select().where(Callback.case == case.id).order_by(Callback.id):
        clocks.append(callback_clock(cb, at, warn_share=warn_share))

    if end_at is not None:
        clocks = [_stopped_by_end(c, end_at, at) for c in clocks]
    return clocks


def _stopped_by_end(clock: Clock, end_at: dt.datetime, at: dt.datetime) -> Clock:
    """A closed case owes nothing more: a clock still running stops at the close.

    Work-order, review and callback clocks are not stopped: closing refuses while they run.
    """
    if not clock.live or clock.name not in (
        CLOCK_AGREED_REPLY,
        CLOCK_DECISION,
        CLOCK_FIRST_CONTACT,
        CLOCK_PROPOSAL,
    ):
        return clock
    if clock.deadline is None:
        return _replace(clock, stopped_at=end_at, state=STATE_MET)
    state = STATE_MET if end_at <= clock.deadline else STATE_MISSED
    return _replace(
        clock,
        stopped_at=end_at,
        state=state,
        share_used=share_used(clock.started_at, clock.deadline, end_at),
    )


def _replace(clock: Clock, **changes) -> Clock:
    import dataclasses

    return dataclasses.replace(clock, **changes)


def workorder_clock(
    wo: WorkOrder, at: dt.datetime | None = None, *, warn_share: float | None = None
) -> Clock:
    """The reply-by clock of a superior work order (Art. 5(5))."""
    at = at or now()
    if warn_share is None:
        warn_share = float(rules.get("breach_warning_share"))
    return _make(
        CLOCK_WORKORDER_REPLY,
        wo.received_at,
        wo.reply_by,
        wo.replied_at,
        at,
        warn_share,
        unit=UNIT_FIXED,
        limit=None,
        source="Art. 5",
        ref=wo.id,
        detail={"source": wo.source, "number": wo.number},
    )


def callback_clock(
    cb: Callback, at: dt.datetime | None = None, *, warn_share: float | None = None
) -> Clock:
    at = at or now()
    if warn_share is None:
        warn_share = float(rules.get("breach_warning_share"))
    return _make(
        CLOCK_CALLBACK,
        cb.planned_at,
        cb.due_at,
        cb.done_at,
        at,
        warn_share,
        unit=UNIT_FIXED,
        limit=None,
        source="Art. 5",
        ref=cb.id,
    )


def regulator_reply_by(
    received_at: dt.datetime, calendar: WorkCalendar | None = None, settings: dict | None = None
) -> dt.datetime:
    """Default reply-by of a regulator work order that states none: end of the N-th
    working day after receipt (CBIRC Art. 33, rule ``regulator_forward_working_days``)."""
    settings = settings or rules.snapshot()
    calendar = calendar or workcalendar.current()
    days = int(settings["regulator_forward_working_days"])
    result = days_deadline(received_at, days, calendar, working_days=True)
    assert result is not None  # no pauses
    return result


# --- keeping Case.due_at and Case.warn_at true ------------------------------------------------


def due_and_warn(clocks: Sequence[Clock]) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Earliest deadline and warning instant among clocks still running."""
    live = [c for c in clocks if c.live and c.deadline is not None]
    due = min((c.deadline for c in live), default=None)  # type: ignore[type-var]
    warn = min((c.warn_at for c in live if c.warn_at is not None), default=None)
    return due, warn


def refresh_case_deadlines(
    case: Case,
    at: dt.datetime | None = None,
    *,
    settings: dict | None = None,
    calendar: WorkCalendar | None = None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Rewrite ``case.due_at`` and ``case.warn_at`` from its clocks. Call inside the
    transaction of every change to the case (and after registering one)."""
    if case.is_open:
        due, warn = due_and_warn(case_clocks(case, at, settings=settings, calendar=calendar))
    else:
        due, warn = None, None
    Case.update(due_at=due, warn_at=warn).where(Case.id == case.id).execute()
    case.due_at, case.warn_at = due, warn
    return due, warn


def refresh_open_cases(at: dt.datetime | None = None) -> int:
    """Recompute every open case, after a rule or the calendar changed. Returns the count."""
    settings = rules.snapshot()
    calendar = workcalendar.current()
    count = 0
    with database.atomic():
        for case in Case.select().where(Case.is_open == True):  # noqa: E712
            refresh_case_deadlines(case, at, settings=settings, calendar=calendar)
            count += 1
    return count


# --- named queries for the list and the start-up view ------------------------------------------


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def cases_overdue(at: dt.datetime) -> ModelSelect[Case]:
    """Open cases whose earliest running deadline has passed, most overdue first."""
    return (
        Case.select()
        .where((Case.is_open == True) & (Case.due_at < at))  # noqa: E712
        .order_by(Case.due_at, Case.id)
    )


def cases_due_today(at: dt.datetime) -> ModelSelect[Case]:
    """Open cases whose earliest deadline falls on ``at``'s day (as queries.status_counts
    counts them: one already passed today is both due today and overdue)."""
    start, end = _day_bounds(at.date())
    return (
        Case.select()
        .where(
            (Case.is_open == True)  # noqa: E712
            & (Case.due_at >= start)
            & (Case.due_at < end)
        )
        .order_by(Case.due_at, Case.id)
    )


def cases_due_today_or_overdue(at: dt.datetime) -> ModelSelect[Case]:
    """What the app opens on (issue 3): everything overdue or due by the end of today."""
    _start, end = _day_bounds(at.date())
    return (
        Case.select()
        .where((Case.is_open == True) & (Case.due_at < end))  # noqa: E712
        .order_by(Case.due_at, Case.id)
    )


def cases_near_breach(at: dt.datetime) -> ModelSelect[Case]:
    """Open cases past the breach-warning share of a clock but not yet overdue."""
    return (
        Case.select()
        .where(
            (Case.is_open == True)  # noqa: E712
            & (Case.warn_at <= at)
            & (Case.due_at >= at)
        )
        .order_by(Case.due_at, Case.id)
    )
