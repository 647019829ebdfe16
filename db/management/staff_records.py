"""Staff and responsibility records (Art. 5-8): the roster, the duties of each role, what
each person did, and the acting-head designations.

Staff are never deleted: deactivating keeps every case, callback and penalty pointing at
the person who was there (the foreign keys refuse a delete as well). The roster's history
(added, changed, deactivated, reactivated) is kept in ``staff_change``.

The per-person figures are named SQL aggregates, one GROUP BY each. Case figures (first
asked, handled, transferred to, found liable) count cases *received* in the period;
callbacks count by the time they were made, penalties by the time applied, training by
the day it was held. ``period`` None means all time.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import NoReturn

from peewee import JOIN, fn

from db.errors import WorkflowError
from db.handling.actions import text
from db.intake import outlets
from db.intake.roster import chosen_staff, staff_member  # noqa: F401 - part of this module's interface
from db.intake.validation import (
    EMPLOYEE_NO_RE,
    MAX_EMPLOYEE_NO,
    MAX_NAME,
    Checker,
    FieldError,
    ValidationError,
    clean_text,
)
from db.management.liability import current_finding_id
from db.management.penalties import current_penalty_condition, yuan
from db.management.targets import Period, as_period, received_in
from db.store import codes, vocab
from db.store.models import (
    ActingHead,
    Callback,
    Case,
    CaseTransfer,
    Liability,
    LiablePerson,
    Outlet,
    Penalty,
    Staff,
    StaffChange,
    TrainingAttendance,
    TrainingSession,
    database,
    now,
)
from db.store.rows import tuples
from db.trust import database_key, permissions
from db.trust.policy import Action

# --- duties per role, paraphrased from Art. 5-8 ------------------------------------------------


@dataclass(frozen=True)
class Duty:
    article: str
    text: str


HEAD_DUTIES: tuple[Duty, ...] = (
    Duty(
        "Art. 5(1)",
        "Manage the outlet's complaint targets for the year, quarter and month as the district "
        "branch requires; train and educate staff; analyse complaint quality; assess the "
        "outlet's complaints.",
    ),
    Duty(
        "Art. 5(2)",
        "Know the laws, regulations and supervisory rules, and the rules, processes, products "
        "and services, well enough to act on them.",
    ),
    Duty("Art. 5(3)", "Settle customer disputes on site quickly, before they become complaints."),
    Duty("Art. 5(4)", "Handle complaints on site quickly, before they escalate."),
    Duty("Art. 5(5)", "Answer work orders from superior bodies within the time they allow."),
    Duty("Art. 5(6)", "Help superior bodies with work orders that may concern the outlet."),
    Duty(
        "Art. 5(7)",
        "Plan callbacks to complaining customers, and call work-order customers back in "
        "person as a rule.",
    ),
    Duty(
        "Art. 5(8)",
        "Confirm who is responsible for each liable complaint and deal with it under the "
        "superior rules.",
    ),
)

LOBBY_DUTIES: tuple[Duty, ...] = (
    Duty(
        "Art. 6(1)",
        "Keep order on the floor, direct customers and calm them, so complaints do not arise.",
    ),
    Duty(
        "Art. 6(2)",
        "Notice what upsets customers (long waits, transaction errors, attitude, poor "
        "communication) and help the head or the teller defuse it at once.",
    ),
    Duty(
        "Art. 6(3)",
        "Know the laws, regulations, rules, processes, products and services the job needs.",
    ),
    Duty("Art. 6(4)", "Step in to help with a dispute that has started, before it escalates."),
    Duty(
        "Art. 6(5)",
        "Report a complaint on the floor to the head straight away and help the head handle it.",
    ),
    Duty(
        "Art. 6(6)",
        "Handle superior work orders and make callbacks when the head assigns them.",
    ),
    Duty(
        "Art. 6(7)",
        "Help the head improve how the floor is run, and put forward suggestions.",
    ),
)

STAFF_DUTIES: tuple[Duty, ...] = (
    Duty(
        "Art. 7(1)",
        "Study the business and build skills, to cut disputes caused by errors or slowness.",
    ),
    Duty(
        "Art. 7(2)",
        "Serve with the right attitude and skills, to avoid disputes caused by attitude, poor "
        "communication or mishandling.",
    ),
    Duty(
        "Art. 7(3)",
        "See disputes and complaints coming; talk to the customer first, or tell the head.",
    ),
    Duty(
        "Art. 7(4)",
        "Deal promptly with disputes arising from one's own transactions and enquiries.",
    ),
    Duty(
        "Art. 7(5)",
        "While keeping one's own counter running, help colleagues with disputes and "
        "complaints on the floor.",
    ),
    Duty("Art. 7(6)", "Help with callbacks to work-order customers when the head asks."),
)

ACTING_HEAD_DUTY = Duty(
    "Art. 8",
    "While the head is away, the acting head the head named holds the head's duties "
    "(Art. 5) until the head returns.",
)

DUTIES: dict[str, tuple[Duty, ...]] = {
    vocab.ROLE_HEAD: HEAD_DUTIES,
    vocab.ROLE_LOBBY_MANAGER: LOBBY_DUTIES,
    vocab.ROLE_OPS_SUPERVISOR: STAFF_DUTIES,
    vocab.ROLE_TELLER: STAFF_DUTIES,
    vocab.ROLE_OTHER: STAFF_DUTIES,
}


def duties_for(role: str, *, acting_head: bool = False) -> tuple[Duty, ...]:
    """The checklist of a role; an acting head also holds the head's duties (Art. 8)."""
    duties = DUTIES.get(role, STAFF_DUTIES)
    if acting_head and role != vocab.ROLE_HEAD:
        return (*duties, ACTING_HEAD_DUTY, *HEAD_DUTIES)
    return duties


# --- the roster ---------------------------------------------------------------------------------

_UNSET: dt.date = dt.date.min


def _authority(actor: Staff, staff: Staff | None = None) -> dt.datetime:
    at = now()
    fresh = Staff.get_or_none(Staff.id == actor.id)
    if fresh is None or not fresh.active:
        raise WorkflowError("inactive_staff", name=actor.name)
    permissions.require(fresh, Action.EDIT_STAFF, at)
    if staff is not None and staff.outlet_id != fresh.outlet_id:
        raise WorkflowError("wrong_outlet")
    return at


def _active_head(outlet_id: int, excluding: int | None = None) -> Staff | None:
    query = (
        Staff.select()
        .where((Staff.outlet == outlet_id) & (Staff.role == vocab.ROLE_HEAD))
        .where(Staff.active == True)  # noqa: E712
    )
    if excluding is not None:
        query = query.where(Staff.id != excluding)
    return query.first()


def _log(staff: Staff, kind: str, actor: Staff, at: dt.datetime, data: dict, note: str = ""):
    StaffChange.create(
        staff=staff,
        kind=kind,
        at=at,
        by=actor,
        data=json.dumps(data, ensure_ascii=False, sort_keys=True, default=str),
        note=note,
    )


def add_staff(
    actor: Staff,
    name: str,
    employee_no: str,
    role: str,
    joined_on: dt.date | None = None,
) -> Staff:
    """Add a staff member to the actor's outlet (head or acting head); one active head."""
    at = _authority(actor)
    with database.atomic():
        if role == vocab.ROLE_HEAD and (head := _active_head(actor.outlet_id)) is not None:
            raise WorkflowError("one_head", name=head.name)
        staff = outlets.add_staff(
            Outlet.get_by_id(actor.outlet_id), name, employee_no, role, joined_on
        )
        _log(staff, codes.STAFF_ADDED, actor, at, {"role": role, "employee_no": employee_no})
    return staff


def update_staff(
    staff: Staff,
    actor: Staff,
    *,
    name: str | None = None,
    employee_no: str | None = None,
    role: str | None = None,
    joined_on: dt.date | None = _UNSET,
    note: str = "",
) -> Staff:
    """Change name, employee number, role or joining date (head or acting head). Fields
    left None stay; ``joined_on=None`` clears the date. The change is logged."""
    at = _authority(actor, staff)
    with database.atomic():
        fresh = Staff.get_by_id(staff.id)
        new_name = fresh.name if name is None else clean_text(name)
        new_no = fresh.employee_no if employee_no is None else clean_text(employee_no)
        new_role = fresh.role if role is None else role
        check = Checker()
        check.text("name", new_name, max_len=MAX_NAME)
        check.text("employee_no", new_no, max_len=MAX_EMPLOYEE_NO)
        if new_no and not EMPLOYEE_NO_RE.match(new_no):
            check.add("employee_no", "bad_code_chars")
        check.code("role", new_role, vocab.ROLES)
        check.raise_if_any()
        taken = (
            Staff.select()
            .where(
                (Staff.outlet == fresh.outlet_id)
                & (Staff.employee_no == new_no)
                & (Staff.id != fresh.id)
            )
            .exists()
        )
        if taken:
            raise ValidationError([FieldError("employee_no", "duplicate")])
        wanted: dict[str, object] = {
            "name": new_name,
            "employee_no": new_no,
            "role": new_role,
            "joined_on": fresh.joined_on if joined_on is _UNSET else joined_on,
        }
        note = text(note, "note", required=False)
        if fresh.active and wanted["role"] != fresh.role:
            if wanted["role"] == vocab.ROLE_HEAD:
                head = _active_head(fresh.outlet_id, excluding=fresh.id)
                if head is not None:
                    raise WorkflowError("one_head", name=head.name)
            elif fresh.role == vocab.ROLE_HEAD:
                raise WorkflowError("last_head")
        changes = {
            key: [getattr(fresh, key), value]
            for key, value in wanted.items()
            if getattr(fresh, key) != value
        }
        if changes:
            Staff.update(**wanted).where(Staff.id == fresh.id).execute()
            _log(fresh, codes.STAFF_UPDATED, actor, at, changes, note)
            if "employee_no" in changes:
                database_key.account_renumbered(Staff.get_by_id(fresh.id))
    updated = Staff.get_by_id(staff.id)
    staff.__data__.update(updated.__data__)
    return updated


@dataclass(frozen=True)
class Deactivation:
    staff: Staff
    # Open cases the person answers for (handler, or first-ask owner with no handler) and
    # callbacks still assigned to them: the head reassigns these.
    open_cases: list[str]
    pending_callbacks: int


def accountable_open_cases(staff: Staff) -> list[str]:
    """Numbers of the open cases ``staff`` answers for (Art. 10: the formal handler, else the
    first-ask owner)."""
    query = Case.select(Case.case_no).where(
        (Case.is_open == True)  # noqa: E712
        & (
            (Case.handler == staff.id)
            | (Case.handler.is_null() & (Case.first_ask_owner == staff.id))
        )
    )
    return [r[0] for r in tuples(query.order_by(Case.received_at))]


def deactivate_staff(
    staff: Staff, actor: Staff, *, note: str = "", at: dt.datetime | None = None
) -> Deactivation:
    """Deactivate (never delete) a staff member. Refused for the outlet's only head and for
    someone named acting head for a span that has not ended (end or re-plan it first). The
    open cases and callbacks still with the person are returned for reassignment."""
    checked_at = _authority(actor, staff)
    at = (at or checked_at).replace(microsecond=0)
    with database.atomic():
        fresh = Staff.get_by_id(staff.id)
        if not fresh.active:
            raise WorkflowError("already_inactive", name=fresh.name)
        if fresh.role == vocab.ROLE_HEAD and _active_head(fresh.outlet_id, fresh.id) is None:
            raise WorkflowError("last_head")
        span = (
            ActingHead.select()
            .where((ActingHead.staff == fresh.id) & (ActingHead.ends_at > at))
            .where(ActingHead.ends_at > ActingHead.starts_at)
            .first()
        )
        if span is not None:
            raise WorkflowError("acting_span_pending", name=fresh.name)
        note = text(note, "note", required=False)
        Staff.update(active=False).where(Staff.id == fresh.id).execute()
        _log(fresh, codes.STAFF_DEACTIVATED, actor, at, {"active": [True, False]}, note)
        callbacks = (
            Callback.select()
            .where((Callback.assigned_to == fresh.id) & Callback.done_at.is_null())
            .count()
        )
        result = Deactivation(Staff.get_by_id(fresh.id), accountable_open_cases(fresh), callbacks)
        database_key.account_closed(fresh)
    staff.active = False
    return result


def reactivate_staff(
    staff: Staff, actor: Staff, *, note: str = "", at: dt.datetime | None = None
) -> Staff:
    """Make a former staff member active again (one active head per outlet)."""
    checked_at = _authority(actor, staff)
    at = (at or checked_at).replace(microsecond=0)
    with database.atomic():
        fresh = Staff.get_by_id(staff.id)
        if fresh.active:
            raise WorkflowError("already_active", name=fresh.name)
        if fresh.role == vocab.ROLE_HEAD and (head := _active_head(fresh.outlet_id)) is not None:
            raise WorkflowError("one_head", name=head.name)
        note = text(note, "note", required=False)
        Staff.update(active=True).where(Staff.id == fresh.id).execute()
        _log(fresh, codes.STAFF_REACTIVATED, actor, at, {"active": [False, True]}, note)
    staff.active = True
    return Staff.get_by_id(staff.id)


reactivate = reactivate_staff


def delete_staff(staff: Staff, actor: Staff) -> NoReturn:
    """Refused, always: old cases keep their people. Deactivate instead."""
    raise WorkflowError("staff_not_deletable", name=staff.name)


@dataclass(frozen=True)
class RosterRow:
    id: int
    name: str
    employee_no: str
    role: str
    joined_on: dt.date | None
    active: bool


def roster(outlet: Outlet, *, include_inactive: bool = True) -> list[RosterRow]:
    """The roster: active first, the head first among them, then by name."""
    query = Staff.select().where(Staff.outlet == outlet.id)
    if not include_inactive:
        query = query.where(Staff.active == True)  # noqa: E712
    query = query.order_by(Staff.active.desc(), Staff.role != vocab.ROLE_HEAD, Staff.name)
    return [
        RosterRow(s.id, s.name, s.employee_no, s.role, s.joined_on, bool(s.active)) for s in query
    ]


def staff_changes(staff: Staff) -> list[StaffChange]:
    """The roster history of one person, oldest first."""
    return list(StaffChange.select().where(StaffChange.staff == staff.id).order_by(StaffChange.id))


# --- what each person did -----------------------------------------------------------------------


def _by_staff(query) -> dict[int, int]:
    return {staff_id: int(count or 0) for staff_id, count in tuples(query)}


def _cases_in(query, period: Period | str | None):
    return query.where(received_in(period)) if period is not None else query


def cases_first_asked(period: Period | str | None = None) -> dict[int, int]:
    """{staff id: complaints they were first asked about} (Art. 4, 10)."""
    query = Case.select(Case.first_ask_owner, fn.COUNT(Case.id)).group_by(Case.first_ask_owner)
    return _by_staff(_cases_in(query, period))


def cases_handled(period: Period | str | None = None) -> dict[int, int]:
    """{staff id: complaints formally transferred to them as handler, now theirs}."""
    query = (
        Case.select(Case.handler, fn.COUNT(Case.id))
        .where(Case.handler.is_null(False))
        .group_by(Case.handler)
    )
    return _by_staff(_cases_in(query, period))


def cases_transferred_to(period: Period | str | None = None) -> dict[int, int]:
    """{staff id: complaints ever formally transferred to them} (Art. 10: formal once in
    contact); a case passed on again still counts for each handler it went to."""
    query = (
        CaseTransfer.select(CaseTransfer.handler, fn.COUNT(fn.DISTINCT(CaseTransfer.case)))
        .join(Case, on=(CaseTransfer.case == Case.id))
        .where((CaseTransfer.state == codes.TRANSFER_FORMAL) & CaseTransfer.handler.is_null(False))
        .group_by(CaseTransfer.handler)
    )
    return _by_staff(_cases_in(query, period))


def cases_found_liable(period: Period | str | None = None) -> dict[int, int]:
    """{staff id: complaints whose current determination names them responsible}."""
    query = (
        LiablePerson.select(LiablePerson.staff, fn.COUNT(fn.DISTINCT(Liability.case)))
        .join(Liability, on=(LiablePerson.liability == Liability.id))
        .join(Case, on=(Liability.case == Case.id))
        .where(Liability.liable == True)  # noqa: E712
        .where(Liability.id == current_finding_id(Case.id))
        .group_by(LiablePerson.staff)
    )
    return _by_staff(_cases_in(query, period))


def callbacks_made(period: Period | str | None = None) -> dict[int, tuple[int, int]]:
    """{staff id: (callbacks made, of which the customer was reached)} by the time made."""
    query = (
        Callback.select(
            Callback.done_by,
            fn.COUNT(Callback.id),
            fn.SUM(fn.IIF(Callback.reached == True, 1, 0)),  # noqa: E712
        )
        .where(Callback.done_at.is_null(False))
        .group_by(Callback.done_by)
    )
    if period is not None:
        p = as_period(period)
        query = query.where((Callback.done_at >= p.start) & (Callback.done_at < p.end))
    return {s: (int(n or 0), int(r or 0)) for s, n, r in tuples(query)}


def penalty_totals(period: Period | str | None = None) -> dict[int, tuple[int, int, Decimal]]:
    """{staff id: (penalties, points, yuan)} applied in the period under current findings."""
    query = (
        Penalty.select(
            Penalty.staff, fn.COUNT(Penalty.id), fn.SUM(Penalty.points), fn.SUM(Penalty.amount_fen)
        )
        .where(current_penalty_condition())
        .group_by(Penalty.staff)
    )
    if period is not None:
        p = as_period(period)
        query = query.where((Penalty.applied_at >= p.start) & (Penalty.applied_at < p.end))
    return {s: (int(n), int(pts or 0), yuan(int(f or 0))) for s, n, pts, f in tuples(query)}


def training_totals(period: Period | str | None = None) -> dict[int, tuple[int, Decimal]]:
    """{staff id: (sessions attended, hours)} for sessions held in the period."""
    query = (
        TrainingAttendance.select(
            TrainingAttendance.staff,
            fn.COUNT(TrainingSession.id),
            fn.SUM(TrainingSession.minutes),
        )
        .join(TrainingSession, on=(TrainingAttendance.session == TrainingSession.id))
        .group_by(TrainingAttendance.staff)
    )
    if period is not None:
        p = as_period(period)
        query = query.where(
            (TrainingSession.held_on >= p.start.date()) & (TrainingSession.held_on < p.end.date())
        )
    return {
        s: (int(n), (Decimal(int(m or 0)) / 60).quantize(Decimal("0.01")))
        for s, n, m in tuples(query)
    }


@dataclass(frozen=True)
class StaffSummary:
    staff_id: int
    name: str
    employee_no: str
    role: str
    active: bool
    first_asked: int
    handled: int
    transferred_to: int
    found_liable: int
    callbacks_made: int
    callbacks_reached: int
    penalties: int
    penalty_points: int
    penalty_amount: Decimal
    training_sessions: int
    training_hours: Decimal


def staff_summary(outlet: Outlet, period: Period | str | None = None) -> list[StaffSummary]:
    """Every staff member of the outlet (inactive ones too) with their figures."""
    first = cases_first_asked(period)
    handled = cases_handled(period)
    transferred = cases_transferred_to(period)
    liable = cases_found_liable(period)
    calls = callbacks_made(period)
    penalties = penalty_totals(period)
    training = training_totals(period)
    rows = []
    for s in roster(outlet):
        n, pts, amount = penalties.get(s.id, (0, 0, Decimal("0.00")))
        sessions, hours = training.get(s.id, (0, Decimal("0.00")))
        made, reached = calls.get(s.id, (0, 0))
        rows.append(
            StaffSummary(
                s.id,
                s.name,
                s.employee_no,
                s.role,
                s.active,
                first.get(s.id, 0),
                handled.get(s.id, 0),
                transferred.get(s.id, 0),
                liable.get(s.id, 0),
                made,
                reached,
                n,
                pts,
                amount,
                sessions,
                hours,
            )
        )
    return rows


# --- acting-head designations (Art. 8) -----------------------------------------------------------

SPAN_PAST = "past"
SPAN_CURRENT = "current"
SPAN_UPCOMING = "upcoming"
SPAN_CANCELLED = "cancelled"


@dataclass(frozen=True)
class ActingSpanRow:
    id: int
    staff_id: int
    staff_name: str
    named_by: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    note: str
    # SPAN_PAST, SPAN_CURRENT, SPAN_UPCOMING or SPAN_CANCELLED (ended before it began).
    state: str


def acting_head_history(
    outlet: Outlet, *, staff: Staff | None = None, at: dt.datetime | None = None
) -> list[ActingSpanRow]:
    """Every acting-head designation of the outlet (or of one person), latest first."""
    at = at or now()
    named_by = Staff.alias()
    query = (
        ActingHead.select(ActingHead, Staff, named_by)
        .join(Staff, on=(ActingHead.staff == Staff.id))
        .switch(ActingHead)
        .join(named_by, JOIN.INNER, on=(ActingHead.named_by == named_by.id), attr="namer")
        .where(ActingHead.outlet == outlet.id)
        .order_by(ActingHead.starts_at.desc(), ActingHead.id.desc())
    )
    if staff is not None:
        query = query.where(ActingHead.staff == staff.id)
    rows = []
    for span in query:
        if span.ends_at <= span.starts_at:
            state = SPAN_CANCELLED
        elif span.ends_at <= at:
            state = SPAN_PAST
        elif span.starts_at <= at:
            state = SPAN_CURRENT
        else:
            state = SPAN_UPCOMING
        rows.append(
            ActingSpanRow(
                span.id,
                span.staff_id,
                span.staff.name,
                span.namer.name,  # type: ignore[attr-defined]  # the join's attr
                span.starts_at,
                span.ends_at,
                span.note,
                state,
            )
        )
    return rows


@dataclass(frozen=True)
class ActingNow:
    """Who holds the head's duties right now (Art. 8), and until when."""

    staff_id: int
    staff_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime


def acting_head_now(outlet: Outlet, at: dt.datetime | None = None) -> ActingNow | None:
    """The acting head in charge at ``at``, or None while the head is."""
    at = at or now()
    span = (
        ActingHead.select(ActingHead, Staff)
        .join(Staff, on=(ActingHead.staff == Staff.id))
        .where(
            (ActingHead.outlet == outlet.id)
            & (ActingHead.starts_at <= at)
            & (ActingHead.ends_at > at)
        )
        .order_by(ActingHead.starts_at.desc())
        .first()
    )
    if span is None:
        return None
    return ActingNow(span.staff_id, span.staff.name, span.starts_at, span.ends_at)


def next_acting_change(outlet: Outlet, at: dt.datetime | None = None) -> dt.datetime | None:
    """When who is in charge next changes: the end of the current span or the start of the
    next one, whichever comes first; None when no span lies ahead."""
    at = at or now()
    starts = fn.MIN(ActingHead.starts_at)
    next_start = (
        ActingHead.select(starts)
        .where((ActingHead.outlet == outlet.id) & (ActingHead.starts_at > at))
        .scalar()
    )
    ends = fn.MIN(ActingHead.ends_at)
    next_end = (
        ActingHead.select(ends)
        .where(
            (ActingHead.outlet == outlet.id)
            & (ActingHead.starts_at <= at)
            & (ActingHead.ends_at > at)
        )
        .scalar()
    )
    found = [_as_moment(v) for v in (next_start, next_end) if v is not None]
    return min(found) if found else None


def _as_moment(value: object) -> dt.datetime:
    # An aggregate comes back as SQLite stores it: text, not a datetime.
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
