"""The data behind the assessment report (考核报告) and the escalation report (投诉升级报告).

Plain dataclasses built by named functions, Qt-free, for the PDF writers in
desktop/reports/, the command line and the tests alike. Codes travel as codes; the writers
choose the language.

The assessment covers a year, quarter or month (``2026``, ``2026-Q3``, ``2026-07``) with
the same exact half-open bounds and counting rules as the targets (db/management/targets.py):
complaints by the time received, work orders by the time they arrived, callbacks by the
time made, penalties by the time applied, training by the day held, disputes by the time
they occurred. Every figure is an SQL aggregate; only the list of liable complaints is
fetched row by row, and it is capped (:data:`LIABLE_LIST_LIMIT`), because a year of a busy
outlet may hold more than a printed page can usefully show. The full list is the ledger.

With ``staff_employee_no`` the report is one person's: the per-staff table holds that
person only and the liable complaints are those that name them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from db.intake.outlets import current_outlet, outlet_head
from db.intake.queries import has_escalation  # noqa: F401 - re-exported for the report's callers
from db.management import analysis
from db.management import targets as tg
from db.management.liability import current_finding_id
from db.management.penalties import current_penalty_condition, penalties_by_staff
from db.management.prevention import dispute_counts
from db.management.staff_records import StaffSummary, staff_summary
from db.management.training import sessions
from db.reporting.report_data import CaseNotFound, OutletInfo, PersonRef, _person
from db.store import codes
from db.store.models import (
    Callback,
    Case,
    CaseEvent,
    Liability,
    LiablePerson,
    Outlet,
    Staff,
    WorkOrder,
    to_second,
)
from db.store.rows import tuples

ASSESSMENT_FORMAT = "assessment/1"
ESCALATION_FORMAT = "escalation/1"
LIABLE_LIST_LIMIT = 40
TOP_CAUSES = 8


class StaffNotFound(LookupError):
    pass


class NoEscalation(LookupError):
    pass


@dataclass(frozen=True)
class TargetRow:
    metric: str  # a code of codes.TARGET_METRICS
    unit: str  # "count" or "percent"
    target: float | None
    actual: float | None
    mark: str | None  # a code of codes.TARGET_MARKS, None without a target


@dataclass(frozen=True)
class LiableCase:
    case_no: str
    received_at: dt.datetime
    cause: str
    severity: str
    staff: tuple[str, ...]  # names of the people found responsible
    points: int  # penalty points applied under the current finding
    amount: Decimal


@dataclass(frozen=True)
class WorkOrderFigures:
    total: int
    on_time: int  # replied by the reply-by time
    late: int  # replied after it
    overdue: int  # not replied, time passed
    running: int  # not replied, time still ahead

    @property
    def on_time_rate(self) -> float | None:
        answered = self.on_time + self.late + self.overdue
        return 100.0 * self.on_time / answered if answered else None


@dataclass(frozen=True)
class CallbackFigures:
    made: int
    reached: int
    satisfied: int
    basically: int
    unsatisfied: int

    @property
    def satisfaction_rate(self) -> float | None:
        answered = self.satisfied + self.basically + self.unsatisfied
        return 100.0 * (self.satisfied + self.basically) / answered if answered else None


@dataclass(frozen=True)
class ChartPoint:
    label: str  # "2026-07", "07-15", or a code (causes)
    value: float
    target: float | None = None


@dataclass(frozen=True)
class AssessmentData:
    """Everything the assessment report states about one outlet (or person) and period."""

    format: str
    outlet: OutletInfo
    period: str  # canonical: 2026, 2026-Q3, 2026-07
    period_kind: str  # year, quarter, month
    start: dt.datetime
    end: dt.datetime  # exclusive
    finished: bool
    staff: PersonRef | None  # the person assessed; None for the whole outlet
    head: PersonRef | None
    complaints: int
    targets: tuple[TargetRow, ...]
    liable_total: int
    liable_cases: tuple[LiableCase, ...]  # at most LIABLE_LIST_LIMIT, latest first
    penalty_count: int
    penalty_points: int
    penalty_amount: Decimal
    work_orders: WorkOrderFigures
    callbacks: CallbackFigures
    training_sessions: int
    training_hours: Decimal
    disputes: int
    disputes_converted: int
    staff_rows: tuple[StaffSummary, ...]
    trend: tuple[ChartPoint, ...]  # complaints per month (per day for a month)
    causes: tuple[ChartPoint, ...]  # top causes, most first; code as label
    generated_at: dt.datetime

    @property
    def disputes_defused(self) -> int:
        return self.disputes - self.disputes_converted


def _staff_by_number(outlet: Outlet, employee_no: str) -> Staff:
    staff = Staff.get_or_none((Staff.outlet == outlet.id) & (Staff.employee_no == employee_no))
    if staff is None:
        raise StaffNotFound(f"no staff member with employee number {employee_no}")
    return staff


def work_order_figures(period: tg.Period, at: dt.datetime) -> WorkOrderFigures:
    """Superior work orders received in the period, by how their reply went (one query)."""
    in_period = (WorkOrder.received_at >= period.start) & (WorkOrder.received_at < period.end)
    replied = WorkOrder.replied_at.is_null(False)
    on_time = replied & (WorkOrder.replied_at <= WorkOrder.reply_by)
    late = replied & (WorkOrder.replied_at > WorkOrder.reply_by)
    overdue = WorkOrder.replied_at.is_null() & (WorkOrder.reply_by < at)
    row = (
        WorkOrder.select(
            fn.COUNT(WorkOrder.id),
            fn.SUM(fn.IIF(on_time, 1, 0)),
            fn.SUM(fn.IIF(late, 1, 0)),
            fn.SUM(fn.IIF(overdue, 1, 0)),
        )
        .where(in_period)
        .tuples()
        .first()
    )
    total, ok, lt, od = (int(v or 0) for v in (row or (0, 0, 0, 0)))
    return WorkOrderFigures(total, ok, lt, od, total - ok - lt - od)


def callback_figures(period: tg.Period, staff: Staff | None = None) -> CallbackFigures:
    """Callbacks made in the period (by the time made), reached, and each result."""
    query = Callback.select(Callback.reached, Callback.result, fn.COUNT(Callback.id)).where(
        (Callback.done_at >= period.start) & (Callback.done_at < period.end)
    )
    if staff is not None:
        query = query.where(Callback.done_by == staff.id)
    counts = {
        (bool(r), res or ""): n
        for r, res, n in tuples(query.group_by(Callback.reached, Callback.result))
    }
    made = sum(counts.values())
    reached = sum(n for (r, _res), n in counts.items() if r)

    def result(code: str) -> int:
        return sum(n for (r, res), n in counts.items() if r and res == code)

    return CallbackFigures(
        made,
        reached,
        result(codes.RESULT_SATISFIED),
        result(codes.RESULT_BASICALLY),
        result(codes.RESULT_UNSATISFIED),
    )


def _liable_cases(period: tg.Period, staff: Staff | None) -> tuple[int, list[LiableCase]]:
    """Complaints received in the period whose current finding is liable: how many, and
    the latest ``LIABLE_LIST_LIMIT`` of them with the people and penalties."""
    base = (
        Case.select(Case.id)
        .join(Liability, on=(Liability.case == Case.id))
        .where(tg.received_in(period) & (Liability.liable == True))  # noqa: E712
        .where(Liability.id == current_finding_id(Case.id))
    )
    if staff is not None:
        names = LiablePerson.select(LiablePerson.id).where(
            (LiablePerson.liability == Liability.id) & (LiablePerson.staff == staff.id)
        )
        base = base.where(fn.EXISTS(names))
    total = base.count()
    rows = list(
        tuples(
            base.select(
                Case.id, Case.case_no, Case.received_at, Case.cause, Case.severity, Liability.id
            )
            .order_by(Case.received_at.desc(), Case.id.desc())
            .limit(LIABLE_LIST_LIMIT)
        )
    )
    finding_ids = [r[5] for r in rows]
    people: dict[int, list[str]] = {}
    for finding, name in tuples(
        LiablePerson.select(LiablePerson.liability, Staff.name)
        .join(Staff, on=(LiablePerson.staff == Staff.id))
        .where(LiablePerson.liability.in_(finding_ids))
        .order_by(LiablePerson.share_bp.desc(), Staff.name)
    ):
        people.setdefault(finding, []).append(name)
    from db.management.penalties import yuan
    from db.store.models import Penalty

    fines: dict[int, tuple[int, int]] = {}
    case_ids = [r[0] for r in rows]
    for case_id, points, fen in tuples(
        Penalty.select(Penalty.case, fn.SUM(Penalty.points), fn.SUM(Penalty.amount_fen))
        .where(Penalty.case.in_(case_ids) & current_penalty_condition())
        .group_by(Penalty.case)
    ):
        fines[case_id] = (int(points or 0), int(fen or 0))
    result = [
        LiableCase(
            case_no,
            received,
            cause,
            severity,
            tuple(people.get(finding, ())),
            fines.get(case_id, (0, 0))[0],
            yuan(fines.get(case_id, (0, 0))[1]),
        )
        for case_id, case_no, received, cause, severity, finding in rows
    ]
    return total, result


def _trend(period: tg.Period) -> list[ChartPoint]:
    if period.kind != tg.MONTH:
        return [ChartPoint(str(m.month), m.count, m.target) for m in analysis.monthly_trend(period)]
    day = fn.SUBSTR(Case.received_at, 1, 10).coerce(False)
    counts = dict(
        tuples(Case.select(day, fn.COUNT(Case.id)).where(tg.received_in(period)).group_by(day))
    )
    points, d = [], period.start.date()
    while d < period.end.date():
        points.append(ChartPoint(d.strftime("%m-%d"), counts.get(d.isoformat(), 0)))
        d += dt.timedelta(days=1)
    return points


def assessment_data(
    period: str | tg.Period,
    *,
    staff_employee_no: str | None = None,
    at: dt.datetime | None = None,
    outlet: Outlet | None = None,
) -> AssessmentData:
    """The assessment report's data for ``period`` (the outlet, or one staff member).

    ``at`` is the generation time (default now): it decides the marks of a running period
    and which unanswered replies are already overdue. Raises ValueError for a bad period
    and :class:`StaffNotFound` for an unknown employee number.
    """
    p = tg.as_period(period)
    at = to_second(at)
    outlet = outlet or current_outlet()
    if outlet is None:
        raise LookupError("the outlet is not set up")
    staff = _staff_by_number(outlet, staff_employee_no) if staff_employee_no else None

    status = tg.target_status(p, at, outlet)
    target_rows = tuple(
        TargetRow(s.metric, tg.METRICS[s.metric].unit, s.target, s.actual, s.mark) for s in status
    )
    complaints = next(int(s.actual or 0) for s in status if s.metric == codes.METRIC_COMPLAINTS)
    liable_total, liable = _liable_cases(p, staff)

    penalties = penalties_by_staff(p)
    if staff is not None:
        penalties = [x for x in penalties if x.staff_id == staff.id]
    summary = staff_summary(outlet, p)
    if staff is not None:
        summary = [row for row in summary if row.staff_id == staff.id]
    else:
        # Former staff with nothing in the period are left out; active staff always show.
        summary = [row for row in summary if row.active or _has_figures(row)]

    if staff is None:
        held = sessions(outlet, p)
        training_sessions = len(held)
        training_hours = sum((s.hours for s in held), Decimal("0.00"))
    else:
        training_sessions = summary[0].training_sessions
        training_hours = summary[0].training_hours
    disputes = dispute_counts(p)
    causes = analysis.cause_pareto(p)

    return AssessmentData(
        format=ASSESSMENT_FORMAT,
        outlet=OutletInfo(outlet.name, outlet.code, outlet.district_branch),
        period=str(p),
        period_kind=p.kind,
        start=p.start,
        end=p.end,
        finished=at >= p.end,
        staff=_person(staff),
        head=_person(outlet_head(outlet)),
        complaints=complaints,
        targets=target_rows,
        liable_total=liable_total,
        liable_cases=tuple(liable),
        penalty_count=sum(x.count for x in penalties),
        penalty_points=sum(x.points for x in penalties),
        penalty_amount=sum((x.amount for x in penalties), Decimal("0.00")),
        work_orders=work_order_figures(p, at),
        callbacks=callback_figures(p, staff),
        training_sessions=training_sessions,
        training_hours=training_hours,
        disputes=disputes.total,
        disputes_converted=disputes.converted,
        staff_rows=tuple(summary),
        trend=tuple(_trend(p)),
        causes=tuple(ChartPoint(c.cause, c.count) for c in causes[:TOP_CAUSES]),
        generated_at=at,
    )


def _has_figures(row: StaffSummary) -> bool:
    return bool(
        row.first_asked
        or row.handled
        or row.found_liable
        or row.callbacks_made
        or row.penalties
        or row.training_sessions
    )


# --- the escalation report -------------------------------------------------------------------


@dataclass(frozen=True)
class EscalationStep:
    """One escalation as the wizard sent it up (the data of an ``escalated`` event)."""

    at: dt.datetime
    actor: str
    level: str  # a code of codes.ESCALATION_LEVELS
    district_department: str
    with_psbc: bool
    psbc_department: str
    contacted_person: str
    contacted_at: dt.datetime | None
    reported_summary: str
    outlet_follow_up: str
    acting_head: bool


@dataclass(frozen=True)
class EscalationData:
    format: str
    outlet: OutletInfo
    case_no: str
    received_at: dt.datetime
    route: str
    channel: str
    business_type: str
    cause: str
    severity: str
    urgent_triggers: tuple[str, ...]
    status: str
    customer_name: str  # masked
    customer_phone: str  # masked
    remedy_requested: str
    description: str
    first_ask_owner: PersonRef | None
    handler: PersonRef | None
    head: PersonRef | None
    steps: tuple[EscalationStep, ...]  # oldest first; the last is the current one
    generated_at: dt.datetime


def _moment(value: object) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def escalation_report_data(case_id: int, *, at: dt.datetime | None = None) -> EscalationData:
    """What the outlet sent up about a case: every ``escalated`` event's data, with the
    case's facts (customer masked: the report leaves the outlet). Raises CaseNotFound, or
    NoEscalation when the case was never escalated."""
    from db.trust.masking import Masker

    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    events = list(
        CaseEvent.select(CaseEvent, Staff.name)
        .join(Staff, on=(CaseEvent.actor == Staff.id))
        .where((CaseEvent.case == case.id) & (CaseEvent.kind == codes.EVENT_ESCALATED))
        .order_by(CaseEvent.at, CaseEvent.id)
    )
    if not events:
        raise NoEscalation(f"case {case.case_no} was never escalated")
    masker = Masker(case.customer_name, case.customer_phone, case.customer_id_no, reveal=False)
    steps = []
    for event in events:
        data = json.loads(event.data or "{}")
        steps.append(
            EscalationStep(
                at=event.at,
                actor=event.actor.name if event.actor is not None else "",
                level=str(data.get("level", "")),
                district_department=str(data.get("district_department", "")),
                with_psbc=bool(data.get("with_psbc")),
                psbc_department=str(data.get("psbc_department", "")),
                contacted_person=str(data.get("contacted_person", "")),
                contacted_at=_moment(data.get("contacted_at")),
                reported_summary=masker.text(str(data.get("reported_summary", event.note))),
                outlet_follow_up=masker.text(str(data.get("outlet_follow_up", ""))),
                acting_head=bool(data.get("acting_head") or data.get("as_acting_head")),
            )
        )
    outlet: Outlet = case.outlet
    customer = masker.customer(case.customer_name, case.customer_phone, case.customer_id_no)
    return EscalationData(
        format=ESCALATION_FORMAT,
        outlet=OutletInfo(outlet.name, outlet.code, outlet.district_branch),
        case_no=case.case_no,
        received_at=case.received_at,
        route=case.route,
        channel=case.channel,
        business_type=case.business_type,
        cause=case.cause,
        severity=case.severity,
        urgent_triggers=tuple(t for t in case.urgent_triggers.split(",") if t),
        status=case.status,
        customer_name=customer.name,
        customer_phone=customer.phone,
        remedy_requested=masker.text(case.remedy_requested),
        description=masker.text(case.description),
        first_ask_owner=_person(case.first_ask_owner),
        handler=_person(case.handler),
        head=_person(outlet_head(outlet)),
        steps=tuple(steps),
        generated_at=to_second(at),
    )


def escalation_report_data_by_number(case_no: str, **kwargs) -> EscalationData:
    case = Case.get_or_none(Case.case_no == case_no)
    if case is None:
        raise CaseNotFound(f"no case numbered {case_no}")
    return escalation_report_data(case.id, **kwargs)


__all__ = [
    "ASSESSMENT_FORMAT",
    "AssessmentData",
    "CallbackFigures",
    "ChartPoint",
    "EscalationData",
    "EscalationStep",
    "LiableCase",
    "NoEscalation",
    "StaffNotFound",
    "TargetRow",
    "WorkOrderFigures",
    "assessment_data",
    "escalation_report_data",
    "escalation_report_data_by_number",
    "has_escalation",
]
