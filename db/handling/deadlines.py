"""One engine for every clock a complaint runs against.

Clocks of a case, each with its rule setting (db/handling/rulebook.py) and source:

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
calendar with its make-up working days (db/handling/workdays.py; edited in db/handling/workcalendar.py).

Paused time (outside appraisal, CBIRC Art. 18; mediation, Art. 23) is excluded as time, not
as days: a pause of five days moves the deadline five days later and a pause of one hour
one hour later, then the end is rolled past rest days as above (an end on the first
working day after rest days is that day's end, so a longer pause never ends sooner).
Overlapping pauses count once; a pause still open holds the clock (no deadline) if it
began before the deadline. A pause can only move a deadline later.

A deadline counted across a year whose official schedule is not entered assumes that only
Saturdays and Sundays rest there: each clock names those years (``Clock.uncovered_years``),
the case keeps them in ``Case.calendar_gap``, and entering the schedule recomputes them
(:func:`recompute_after_calendar_change`).

``Case.due_at`` is the earliest deadline still running and ``Case.warn_at`` the moment the
first clock reaches the breach-warning share; both are rewritten on every change, so the
list's overdue, due-today and near-breach filters stay index queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from peewee import ModelSelect, fn

from db.handling import rulebook, workdays
from db.handling.workdays import WorkCalendar
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
from db.store.rows import tuples

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
    # Years without an official schedule that the deadline was counted across.
    uncovered_years: tuple[int, ...] = ()

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


def _exclude(
    start: dt.datetime,
    running_end: dt.datetime,
    pauses: Sequence[Interval],
    settle: Callable[[dt.datetime], dt.datetime] = lambda moment: moment,
) -> dt.datetime | None:
    """The deadline ``running_end`` moved later by the paused time that begins before it.

    ``settle`` turns a moment into a deadline (the roll past rest days). It applies first,
    so the deadline without pauses is where a pause's time is added: a pause counts if it
    begins before the deadline so far and moves it by its whole length (a pause that
    overlaps another counts once), and the result is settled again. None while an open
    pause that began before the deadline holds the clock."""
    running_end = settle(running_end)
    deadline = running_end
    for begin, end in merge_pauses(pauses, start):
        if begin >= deadline:
            break
        if end is None:
            return None
        running_end += end - begin
        deadline = settle(running_end)
    return deadline


def hours_deadline(
    start: dt.datetime, hours: float, pauses: Sequence[Interval] = ()
) -> dt.datetime | None:
    """``hours`` of running time after ``start``, not counting paused time; None while an
    open pause holds the clock."""
    deadline = _exclude(start, start + dt.timedelta(hours=hours), pauses)
    return deadline.replace(microsecond=0) if deadline is not None else None


@dataclass(frozen=True)
class DayDeadline:
    """A deadline counted in days, and the years without an official schedule whose days
    were consulted to find it (it assumes only weekends rest there)."""

    deadline: dt.datetime | None
    uncovered_years: tuple[int, ...] = ()


def day_deadline(
    start: dt.datetime,
    days: int,
    calendar: WorkCalendar,
    *,
    working_days: bool = False,
    roll: bool = True,
    pauses: Sequence[Interval] = (),
) -> DayDeadline:
    """End of the ``days``-th day (or working day) after the day of ``start``, moved later
    by the paused time, and the uncovered years consulted on the way.

    With ``roll`` (always for ``working_days``) a deadline whose day is not a working day
    moves to the end of the next working day (Civil Code Art. 203), before the paused time
    is added and again after: a pause of ``d`` days moves the deadline exactly ``d`` days
    when it lands on a working day, and further only to reach one. A deadline that lands
    on the first working day after rest days ends at the end of that day too: had it
    landed an hour sooner, in the rest days, it would have ended there, and a longer
    pause never ends a period sooner.
    """
    consulted: set[int] = set()
    day = start.date()
    if working_days:
        end_day = calendar.add_working_days(day, days)
        consulted.update(range(day.year, end_day.year + 1))
    else:
        end_day = day + dt.timedelta(days=days)

    def settle(moment: dt.datetime) -> dt.datetime:
        if not (roll or working_days):
            return moment
        first = moment.date()
        rolled = calendar.next_working_day(first)
        before = first - dt.timedelta(days=1)
        consulted.update(range(before.year, rolled.year + 1))
        if rolled != first or not calendar.is_working_day(before):
            return end_of_day(rolled)
        return moment

    deadline = _exclude(start, end_of_day(end_day), pauses, settle)
    return DayDeadline(deadline, calendar.uncovered(consulted))


def days_deadline(
    start: dt.datetime,
    days: int,
    calendar: WorkCalendar,
    *,
    working_days: bool = False,
    roll: bool = True,
    pauses: Sequence[Interval] = (),
) -> dt.datetime | None:
    """The deadline of :func:`day_deadline` alone. None while an open pause holds it."""
    return day_deadline(
        start, days, calendar, working_days=working_days, roll=roll, pauses=pauses
    ).deadline


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
    uncovered_years: tuple[int, ...] = (),
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
        uncovered_years=uncovered_years,
    )


# --- the clocks of a case --------------------------------------------------------------------


def _source(key: str) -> str:
    return rulebook.RULES[key].source


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
    settings = settings or rulebook.snapshot()
    calendar = calendar or workdays.current()
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
    counted = day_deadline(case.received_at, limit, calendar, roll=roll, pauses=pauses)
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
            counted.deadline,
            stop_of(resolved, decision, end_at),
            at,
            warn_share,
            unit=UNIT_CALENDAR_DAYS,
            limit=limit,
            source=_source("decision_days"),
            pauses=pauses,
            detail={"extension_steps": sorted(steps)},
            uncovered_years=counted.uncovered_years,
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
        counted = day_deadline(review.requested_at, days, calendar, roll=roll, pauses=pauses)
        clocks.append(
            _make(
                CLOCK_REVIEW,
                review.requested_at,
                counted.deadline,
                review.decided_at,
                at,
                warn_share,
                unit=UNIT_CALENDAR_DAYS,
                limit=days,
                source=_source("review_decision_days"),
                ref=review.id,
                pauses=pauses,
                uncovered_years=counted.uncovered_years,
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
        warn_share = float(rulebook.get("breach_warning_share"))
    return _make(
        CLOCK_WORKORDER_REPLY,
        wo.received_at,
        wo.reply_by,
        wo.replied_at,
        at,
        warn_share,
        unit=UNIT_FIXED,
        limit=None,
        source="Art. 5" if not wo.reply_by_default else _source("workorder_reply_working_days"),
        ref=wo.id,
        detail={"source": wo.source, "number": wo.number, "default": bool(wo.reply_by_default)},
        uncovered_years=years_of(wo.calendar_gap),
    )


def callback_clock(
    cb: Callback, at: dt.datetime | None = None, *, warn_share: float | None = None
) -> Clock:
    at = at or now()
    if warn_share is None:
        warn_share = float(rulebook.get("breach_warning_share"))
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


def default_reply_by(
    received_at: dt.datetime,
    *,
    case: Case | None = None,
    calendar: WorkCalendar | None = None,
    settings: dict | None = None,
) -> DayDeadline:
    """The reply-by of a work order that states none: the outlet's or district's internal
    limit (rule ``workorder_reply_working_days``, end of the N-th working day after
    receipt), never later than the handling-decision deadline of the complaint (CBIRC
    Art. 18): the one counted from the work order's receipt, or the linked case's if that
    is earlier. The years of that count without an official schedule come with it.

    (CBIRC Art. 33's 7 working days are the regulator's time to forward a complaint to the
    bank, not a limit for the outlet's reply.)"""
    settings = settings or rulebook.snapshot()
    calendar = calendar or workdays.current()
    internal = day_deadline(
        received_at, int(settings["workorder_reply_working_days"]), calendar, working_days=True
    )
    decision = day_deadline(
        received_at,
        int(settings["decision_days"]),
        calendar,
        roll=bool(settings["roll_past_holidays"]),
    )
    candidates = [internal, decision]
    if case is not None:
        linked = next(
            (
                c
                for c in case_clocks(case, received_at, settings=settings, calendar=calendar)
                if c.name == CLOCK_DECISION and c.deadline is not None
            ),
            None,
        )
        if linked is not None:
            candidates.append(DayDeadline(linked.deadline, linked.uncovered_years))
    chosen = min(candidates, key=lambda c: c.deadline)  # type: ignore[arg-type,return-value]
    years = sorted({y for c in candidates for y in c.uncovered_years})
    return DayDeadline(chosen.deadline, tuple(years))


def years_of(gap: str) -> tuple[int, ...]:
    """The years of a stored ``calendar_gap`` ("2027,2028")."""
    return tuple(int(y) for y in gap.split(",") if y.strip().isdigit())


def gap_text(years: Iterable[int]) -> str:
    return ",".join(str(y) for y in sorted(set(years)))[:40]


def case_uncovered_years(clocks: Sequence[Clock]) -> tuple[int, ...]:
    """The years without an official schedule behind the deadlines still running."""
    return tuple(sorted({y for c in clocks if c.live for y in c.uncovered_years}))


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
    clocks = case_clocks(case, at, settings=settings, calendar=calendar) if case.is_open else []
    _store_case_deadlines(case, clocks)
    return case.due_at, case.warn_at


def _store_case_deadlines(case: Case, clocks: Sequence[Clock]) -> None:
    due, warn = due_and_warn(clocks)
    gap = gap_text(case_uncovered_years(clocks))
    Case.update(due_at=due, warn_at=warn, calendar_gap=gap).where(Case.id == case.id).execute()
    case.due_at, case.warn_at, case.calendar_gap = due, warn, gap


@dataclass(frozen=True)
class DeadlineMove:
    """A deadline that a change of the calendar (or of a rule) moved: of a case's clock (``label`` its
    case number) or of a work order's default reply-by (its number, and its ``source``)."""

    kind: str  # "case" or "work_order"
    id: int
    label: str
    clock: str
    before: dt.datetime | None
    after: dt.datetime | None
    source: str = ""


def refresh_open_cases(at: dt.datetime | None = None) -> int:
    """Recompute every open case, and the default reply-by of every open work order that
    took one, after a rule or the calendar changed. Returns the count of cases."""
    settings = rulebook.snapshot()
    calendar = workdays.current()
    count = 0
    with database.atomic():
        refresh_default_reply_bys(settings, calendar)
        for case in Case.select().where(Case.is_open == True):  # noqa: E712
            refresh_case_deadlines(case, at, settings=settings, calendar=calendar)
            count += 1
    return count


def refresh_default_reply_bys(settings: dict, calendar: WorkCalendar) -> list[DeadlineMove]:
    """Recompute the reply-by of the open work orders that stated none (the internal
    limit, bounded by the decision deadline) under ``settings`` and ``calendar``; those
    that moved. A reply-by the work order stated is never touched."""
    moves: list[DeadlineMove] = []
    orders = WorkOrder.select().where(
        WorkOrder.replied_at.is_null() & (WorkOrder.reply_by_default == True)  # noqa: E712
    )
    for wo in orders.order_by(WorkOrder.reply_by, WorkOrder.id):
        linked = Case.get_by_id(wo.case_id) if wo.case_id is not None else None
        fresh = default_reply_by(wo.received_at, case=linked, calendar=calendar, settings=settings)
        gap = gap_text(fresh.uncovered_years)
        if fresh.deadline != wo.reply_by:
            moves.append(
                DeadlineMove(
                    "work_order",
                    wo.id,
                    wo.number,
                    CLOCK_WORKORDER_REPLY,
                    wo.reply_by,
                    fresh.deadline,
                    wo.source,
                )
            )
        if fresh.deadline != wo.reply_by or gap != wo.calendar_gap:
            WorkOrder.update(reply_by=fresh.deadline, calendar_gap=gap).where(
                WorkOrder.id == wo.id
            ).execute()
    return moves


# --- when the calendar changes ---------------------------------------------------------------

_CALENDAR_UNITS = (UNIT_CALENDAR_DAYS, UNIT_WORKING_DAYS)


def _counted_across(clock: Clock, changed: Sequence[dt.date]) -> bool:
    """Whether a day in ``changed`` lies where the clock's deadline was counted: after the
    day it started, up to its deadline's day (any day after the start, while it is held)."""
    first = clock.started_at.date()
    last = clock.deadline.date() if clock.deadline is not None else dt.date.max
    return any(first < day <= last for day in changed)


def recompute_after_calendar_change(
    before: WorkCalendar, after: WorkCalendar, at: dt.datetime
) -> list[DeadlineMove]:
    """Recompute the deadlines of open work orders with a default reply-by and of open
    cases under the calendar ``after``, and say which moved from what they were under
    ``before``. Call inside the transaction that changed the calendar.

    A deadline can only move when a day whose kind changed lies where it was counted, so
    the old calendar's clocks are computed only for those cases."""
    settings = rulebook.snapshot()
    changed = before.changed_days(after)
    moves = refresh_default_reply_bys(settings, after)
    for case in Case.select().where(Case.is_open == True).order_by(Case.id):  # noqa: E712
        clocks = case_clocks(case, at, settings=settings, calendar=after)
        if changed and any(
            c.live and c.unit in _CALENDAR_UNITS and _counted_across(c, changed) for c in clocks
        ):
            old = {
                (c.name, c.ref): c.deadline
                for c in case_clocks(case, at, settings=settings, calendar=before)
            }
            for clock in clocks:
                key = (clock.name, clock.ref)
                if clock.live and clock.unit in _CALENDAR_UNITS and old.get(key) != clock.deadline:
                    moves.append(
                        DeadlineMove(
                            "case", case.id, case.case_no, clock.name, old.get(key), clock.deadline
                        )
                    )
        _store_case_deadlines(case, clocks)
    return moves


# --- the years a deadline runs into without an official schedule -----------------------------


@dataclass(frozen=True)
class CalendarGap:
    """Years without an official schedule that deadlines run into, at a moment: those a
    complaint received then may be counted across (up to its extended decision period),
    and those behind the deadlines of open cases and work orders, with their counts."""

    years: tuple[int, ...]
    cases: int = 0
    work_orders: int = 0

    def __bool__(self) -> bool:
        return bool(self.years)


def years_ahead(at: dt.datetime, calendar: WorkCalendar, settings: dict) -> tuple[int, ...]:
    """Uncovered years a complaint received at ``at`` may be counted across: up to the end
    of its extended decision period (rule ``decision_extended_days``)."""
    end = at.date() + dt.timedelta(days=int(settings["decision_extended_days"]))
    return calendar.uncovered(range(at.year, end.year + 1))


def calendar_gap(at: dt.datetime | None = None) -> CalendarGap:
    """What the Today bar and the start of the program warn about."""
    at = at or now()
    calendar = workdays.current()
    years = set(years_ahead(at, calendar, rulebook.snapshot()))
    flagged = Case.select(Case.calendar_gap).where(
        (Case.calendar_gap != "") & (Case.is_open == True)  # noqa: E712
    )
    orders = WorkOrder.select(WorkOrder.calendar_gap).where(
        (WorkOrder.calendar_gap != "") & WorkOrder.replied_at.is_null()
    )
    cases = work_orders = 0
    for gap, count in tuples(
        flagged.select(Case.calendar_gap, fn.COUNT(Case.id)).group_by(Case.calendar_gap)
    ):
        years.update(years_of(gap))
        cases += count
    for gap, count in tuples(
        orders.select(WorkOrder.calendar_gap, fn.COUNT(WorkOrder.id)).group_by(
            WorkOrder.calendar_gap
        )
    ):
        years.update(years_of(gap))
        work_orders += count
    return CalendarGap(calendar.uncovered(years), cases, work_orders)


def new_case_uncovered_years(received_at: dt.datetime) -> tuple[int, ...]:
    """Uncovered years the decision clock of a complaint received at ``received_at`` is
    counted across (what the New complaint form warns about)."""
    settings = rulebook.snapshot()
    calendar = workdays.current()
    counted = day_deadline(
        received_at,
        int(settings["decision_days"]),
        calendar,
        roll=bool(settings["roll_past_holidays"]),
    )
    return counted.uncovered_years


def case_gap_years(case: Case, at: dt.datetime | None = None) -> tuple[int, ...]:
    """Uncovered years behind the case's running deadlines, and those its handling
    decision would reach if extended as far as the rules allow, or the customer's review
    window if a decision were made now (what the case's dialogs warn about)."""
    at = at or now()
    settings = rulebook.snapshot()
    calendar = workdays.current()
    years = set(case_uncovered_years(case_clocks(case, at, settings=settings, calendar=calendar)))
    roll = bool(settings["roll_past_holidays"])
    longest = day_deadline(
        case.received_at, decision_limit_days((1, 2), settings), calendar, roll=roll
    )
    if longest.deadline is not None and longest.deadline >= at:
        years.update(longest.uncovered_years)
    review = day_deadline(at, int(settings["review_request_days"]), calendar, roll=roll)
    years.update(review.uncovered_years)
    return tuple(sorted(years))


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
    """What the app opens on: everything overdue or due by the end of today."""
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
