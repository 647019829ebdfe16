"""Training and education of staff (Art. 5(1), 5(2), 6(3), 7(1)-(2)).

A session has a date, a topic (codes.TRAINING_TOPICS), a trainer, its length and its
attendees; remedial training may name the liable case that caused it. Each person has a
training history, and :func:`staff_behind_on_training` lists the active staff who had no
training on a topic (complaint handling by default) within the last N months, N being the
setting ``training.behind_months`` (default 12; a product default, as the rules name no
number).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from peewee import JOIN, Value, fn

from db.errors import WorkflowError
from db.handling.actions import Checks, known
from db.management.liability import current_finding
from db.management.penalties import current_penalty_condition
from db.management.targets import Period, as_period
from db.store import codes
from db.store.models import (
    Case,
    Outlet,
    Penalty,
    Setting,
    Staff,
    TrainingAttendance,
    TrainingSession,
    database,
    now,
)
from db.store.rows import tuples
from db.trust import permissions
from db.trust.policy import Action

MAX_HOURS = Decimal(24)
MAX_TITLE = 200
MAX_TRAINER = 50

BEHIND_MONTHS_KEY = "training.behind_months"
BEHIND_MONTHS_DEFAULT = 12
BEHIND_MONTHS_MIN = 1
BEHIND_MONTHS_MAX = 60
BEHIND_MONTHS_SOURCE = "This program's default (the rules name no number)"


# --- the threshold setting ----------------------------------------------------------------------


def behind_months() -> int:
    """Months without training on a topic after which a person is behind."""
    row = Setting.get_or_none(Setting.key == BEHIND_MONTHS_KEY)
    if row is not None:
        try:
            value = json.loads(row.value)
            if isinstance(value, int) and BEHIND_MONTHS_MIN <= value <= BEHIND_MONTHS_MAX:
                return value
        except ValueError:
            pass
    return BEHIND_MONTHS_DEFAULT


def set_behind_months(months: int, actor: Staff) -> int:
    """Change the threshold (head or acting head)."""
    at = now()
    permissions.require(actor, Action.EDIT_RULES, at)
    if isinstance(months, bool) or not isinstance(months, int):
        raise WorkflowError("not_a_number", field=BEHIND_MONTHS_KEY)
    if not BEHIND_MONTHS_MIN <= months <= BEHIND_MONTHS_MAX:
        raise WorkflowError(
            "value_range", field=BEHIND_MONTHS_KEY, min=BEHIND_MONTHS_MIN, max=BEHIND_MONTHS_MAX
        )
    Setting.insert(key=BEHIND_MONTHS_KEY, value=json.dumps(months), updated_at=at).on_conflict(
        conflict_target=[Setting.key],
        update={Setting.value: json.dumps(months), Setting.updated_at: at},
    ).execute()
    return months


def reset_behind_months(actor: Staff) -> int:
    permissions.require(actor, Action.EDIT_RULES, now())
    Setting.delete().where(Setting.key == BEHIND_MONTHS_KEY).execute()
    return BEHIND_MONTHS_DEFAULT


# --- recording a session --------------------------------------------------------------------------


def minutes_of(hours: Decimal | int | float | str) -> int:
    """Hours (more than 0, at most 24, to the minute) as whole minutes."""
    if isinstance(hours, bool):
        raise WorkflowError("not_a_number", field="hours")
    try:
        value = Decimal(str(hours).strip())
    except InvalidOperation:
        raise WorkflowError("not_a_number", field="hours") from None
    if not value.is_finite():
        raise WorkflowError("not_a_number", field="hours")
    if not Decimal(0) < value <= MAX_HOURS:
        raise WorkflowError("value_range", field="hours", min="0", max=MAX_HOURS)
    minutes = value * 60
    if minutes != minutes.to_integral_value():
        raise WorkflowError("value_decimals", field="hours", places="whole minutes of")
    return int(minutes)


def hours_of(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def record_session(
    actor: Staff,
    *,
    held_on: dt.date,
    topic: str,
    title: str,
    trainer: str,
    hours: Decimal | int | float | str,
    attendees: Sequence[Staff],
    remedial_case: Case | None = None,
    note: str = "",
) -> TrainingSession:
    """Record a session held at the actor's outlet (head or acting head, Art. 5(1)).

    Attendees are staff of the outlet (a person since deactivated may be recorded for a
    past session). ``remedial_case``: the liable case this remedial training answers; its
    current determination must be liable.
    """
    at = now()
    with database.atomic():
        fresh = Staff.get_or_none(Staff.id == actor.id)
        if fresh is None or not fresh.active:
            raise WorkflowError("inactive_staff", name=actor.name)
        permissions.require(fresh, Action.RECORD_TRAINING, at)
        checks = Checks()
        if held_on > (at + dt.timedelta(minutes=5)).date():
            checks.refuse("in_future", field="held_on")
        else:
            checks.in_range(held_on, "held_on")
        checks.known(topic, codes.TRAINING_TOPICS, "training topic")
        title = checks.text(title, "title", max_len=MAX_TITLE)
        trainer = checks.text(trainer, "trainer", max_len=MAX_TRAINER)
        minutes = checks.run(minutes_of, hours) or 0
        note = checks.text(note, "note", required=False)
        people: dict[int, Staff] = {}
        for person in attendees:
            stored = Staff.get_or_none(Staff.id == person.id)
            if stored is None or stored.outlet_id != fresh.outlet_id:
                raise WorkflowError("wrong_outlet")
            people[stored.id] = stored
        if not people:
            checks.refuse("attendees_required")
        if remedial_case is not None:
            case = Case.get_by_id(remedial_case.id)
            if case.outlet_id != fresh.outlet_id:
                raise WorkflowError("wrong_outlet")
            finding = current_finding(case)
            if finding is None or not finding.liable:
                checks.refuse("remedial_not_liable", case_no=case.case_no)
            elif held_on < case.received_at.date() and not checks.failed("held_on"):
                checks.refuse("before_received", field="held_on")
        checks.done()
        session = TrainingSession.create(
            outlet=fresh.outlet_id,
            held_on=held_on,
            topic=topic,
            title=title,
            trainer=trainer,
            minutes=minutes,
            remedial_case=remedial_case.id if remedial_case is not None else None,
            note=note,
            recorded_by=fresh,
            recorded_at=at,
        )
        TrainingAttendance.insert_many(
            [{"session": session.id, "staff": staff_id} for staff_id in people]
        ).execute()
    return session


# --- reading --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    id: int
    held_on: dt.date
    topic: str
    title: str
    trainer: str
    hours: Decimal
    attendees: int
    remedial_case_no: str | None


def sessions(outlet: Outlet, period: Period | str | None = None) -> list[SessionRow]:
    """The outlet's sessions, latest first, with the number of attendees."""
    query = (
        TrainingSession.select(
            TrainingSession.id,
            TrainingSession.held_on,
            TrainingSession.topic,
            TrainingSession.title,
            TrainingSession.trainer,
            TrainingSession.minutes,
            fn.COUNT(TrainingAttendance.id),
            Case.case_no,
        )
        .join(TrainingAttendance, JOIN.LEFT_OUTER)
        .switch(TrainingSession)
        .join(Case, JOIN.LEFT_OUTER, on=(TrainingSession.remedial_case == Case.id))
        .where(TrainingSession.outlet == outlet.id)
        .group_by(TrainingSession.id)
        .order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc())
    )
    if period is not None:
        p = as_period(period)
        query = query.where(
            (TrainingSession.held_on >= p.start.date()) & (TrainingSession.held_on < p.end.date())
        )
    return [
        SessionRow(i, held, topic, title, trainer, hours_of(m), n, case_no)
        for i, held, topic, title, trainer, m, n, case_no in tuples(query)
    ]


def attendees_of(session: TrainingSession) -> list[Staff]:
    return list(
        Staff.select()
        .join(TrainingAttendance, on=(TrainingAttendance.staff == Staff.id))
        .where(TrainingAttendance.session == session.id)
        .order_by(Staff.name)
    )


def training_history(staff: Staff) -> list[SessionRow]:
    """The sessions one person attended, latest first."""
    query = (
        TrainingSession.select(
            TrainingSession.id,
            TrainingSession.held_on,
            TrainingSession.topic,
            TrainingSession.title,
            TrainingSession.trainer,
            TrainingSession.minutes,
            Case.case_no,
        )
        .join(TrainingAttendance, on=(TrainingAttendance.session == TrainingSession.id))
        .switch(TrainingSession)
        .join(Case, JOIN.LEFT_OUTER, on=(TrainingSession.remedial_case == Case.id))
        .where(TrainingAttendance.staff == staff.id)
        .order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc())
    )
    return [
        SessionRow(i, held, topic, title, trainer, hours_of(m), 1, case_no)
        for i, held, topic, title, trainer, m, case_no in tuples(query)
    ]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


@dataclass(frozen=True)
class BehindRow:
    staff_id: int
    name: str
    role: str
    # The last session of the topic the person attended (on or before the day asked), or
    # None when never.
    last_trained_on: dt.date | None


def staff_behind_on_training(
    at: dt.date | dt.datetime | None = None,
    *,
    topic: str = codes.TOPIC_COMPLAINT_HANDLING,
    months: int | None = None,
    outlet: Outlet | None = None,
) -> list[BehindRow]:
    """Active staff with no session of ``topic`` in the ``months`` (default: the setting)
    before ``at``: their last one was on or before the same day ``months`` months
    earlier, or never. One query; longest behind first."""
    known(topic, codes.TRAINING_TOPICS, "training topic")
    day = (at or now()).date() if isinstance(at, dt.datetime) or at is None else at
    cutoff = months_before(day, behind_months() if months is None else months)
    last = (
        TrainingAttendance.select(
            TrainingAttendance.staff.alias("staff_id"),
            fn.MAX(TrainingSession.held_on).alias("last_on"),
        )
        .join(TrainingSession, on=(TrainingAttendance.session == TrainingSession.id))
        .where((TrainingSession.topic == topic) & (TrainingSession.held_on <= day))
        .group_by(TrainingAttendance.staff)
        .alias("last")
    )
    query = (
        Staff.select(Staff.id, Staff.name, Staff.role, last.c.last_on)
        .join(last, JOIN.LEFT_OUTER, on=(last.c.staff_id == Staff.id))
        .where(Staff.active == True)  # noqa: E712
        .where(last.c.last_on.is_null() | (last.c.last_on <= cutoff))
        .order_by(last.c.last_on.asc(nulls="first"), Staff.name)
    )
    if outlet is not None:
        query = query.where(Staff.outlet == outlet.id)
    rows = []
    for staff_id, name, role, last_on in tuples(query):
        if isinstance(last_on, str):
            last_on = dt.date.fromisoformat(last_on)
        rows.append(BehindRow(staff_id, name, role, last_on))
    return rows


@dataclass(frozen=True)
class RemedialOwed:
    penalty_id: int
    staff_id: int
    staff_name: str
    case_id: int
    case_no: str


def remedial_training_owed(outlet: Outlet | None = None) -> list[RemedialOwed]:
    """Current penalties that include remedial training, for which the person has attended
    no session linked to that case yet."""
    attended = (
        TrainingAttendance.select(TrainingAttendance.id)
        .join(TrainingSession, on=(TrainingAttendance.session == TrainingSession.id))
        .where(
            (TrainingSession.remedial_case == Penalty.case)
            & (TrainingAttendance.staff == Penalty.staff)
        )
    )
    query = (
        Penalty.select(Penalty.id, Staff.id, Staff.name, Case.id, Case.case_no)
        .join(Staff, on=(Penalty.staff == Staff.id))
        .switch(Penalty)
        .join(Case, on=(Penalty.case == Case.id))
        .where(current_penalty_condition())
        .where(
            fn.INSTR(
                Value(",").concat(Penalty.measures).concat(","),
                f",{codes.MEASURE_REMEDIAL_TRAINING},",
            )
            > 0
        )
        .where(~fn.EXISTS(attended))
        .order_by(Penalty.applied_at, Penalty.id)
    )
    if outlet is not None:
        query = query.where(Case.outlet == outlet.id)
    return [RemedialOwed(*row) for row in tuples(query)]
