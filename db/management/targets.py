"""Complaint control targets per year, quarter and month (Art. 5(1)), and their actuals.

Periods are written ``2026``, ``2026-Q3`` and ``2026-07`` (:class:`Period`). A period is
the half-open span [start, end) of local wall-clock time, so the last second of a quarter
(30 September 23:59:59) belongs to Q3 and midnight of 1 October to Q4. Complaints count
in the period in which they were received (``Case.received_at``), superior work orders in
the period in which they arrived, callbacks in the period in which they were made.

Every actual is one SQL aggregate over indexed columns; nothing loops over cases in Python.

The mark of a target (:func:`mark`):

- counts, lower is better (complaints, liable, urgent, escalations, work orders, overdue
  replies):
    - ``missed`` once the actual exceeds the target (at any time: it cannot come back);
    - a finished period at or under its target is ``on_track``;
    - a running period is ``at_risk`` when the actual is above zero and at least
      ``AT_RISK_PACE`` (0.8) x the share of the period elapsed x the target, that is when
      the count has used 80 % of the allowance the elapsed time gives it; otherwise
      ``on_track``. A period not yet begun has elapsed share 0, so it is on track.
- the callback satisfaction rate, higher is better:
    - ``no_data`` while no callback with a result was made in the period;
    - ``on_track`` at or above the target;
    - below it, ``at_risk`` while the period runs and ``missed`` once it has ended.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from peewee import fn

from db.errors import WorkflowError
from db.intake.outlets import current_outlet
from db.management.findings import current_finding_id
from db.store import codes, vocab
from db.store.models import (
    Callback,
    Case,
    CaseEvent,
    Outlet,
    Staff,
    Target,
    WorkOrder,
    database,
    now,
)
from db.trust import permissions
from db.trust.policy import Action

YEAR = "year"
QUARTER = "quarter"
MONTH = "month"
PERIOD_KINDS = (YEAR, QUARTER, MONTH)
MIN_YEAR = 2000
MAX_YEAR = 2099

# Share of the elapsed allowance at which a running count target is at risk.
AT_RISK_PACE = 0.8
MAX_COUNT_TARGET = 1_000_000

_YEAR_RE = re.compile(r"^(\d{4})$")
_QUARTER_RE = re.compile(r"^(\d{4})\s*-?\s*Q\s*([1-4])$", re.IGNORECASE)
_MONTH_RE = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$")


@dataclass(frozen=True)
class Period:
    """A year (``index`` 0), a quarter (``index`` 1-4) or a month (``index`` 1-12)."""

    kind: str
    year: int
    index: int = 0

    def __post_init__(self) -> None:
        top = {YEAR: 0, QUARTER: 4, MONTH: 12}.get(self.kind)
        low = 0 if self.kind == YEAR else 1
        if top is None or not (MIN_YEAR <= self.year <= MAX_YEAR) or not low <= self.index <= top:
            raise WorkflowError("bad_period", value=f"{self.kind} {self.year} {self.index}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2026``, ``2026-Q3`` (or ``2026Q3``, ``2026-q3``), ``2026-07`` (or ``2026-7``)."""
        value = (text or "").strip()
        try:
            if match := _YEAR_RE.match(value):
                return cls(YEAR, int(match[1]))
            if match := _QUARTER_RE.match(value):
                return cls(QUARTER, int(match[1]), int(match[2]))
            if match := _MONTH_RE.match(value):
                return cls(MONTH, int(match[1]), int(match[2]))
        except WorkflowError:
            pass
        raise WorkflowError("bad_period", value=text)

    @classmethod
    def of(cls, when: dt.date | dt.datetime, kind: str) -> Period:
        """The period of ``kind`` that ``when`` falls in."""
        if kind == YEAR:
            return cls(YEAR, when.year)
        if kind == QUARTER:
            return cls(QUARTER, when.year, (when.month - 1) // 3 + 1)
        return cls(MONTH, when.year, when.month)

    def __str__(self) -> str:
        if self.kind == YEAR:
            return f"{self.year:04d}"
        if self.kind == QUARTER:
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}-{self.index:02d}"

    @property
    def first_month(self) -> int:
        return {YEAR: 1, QUARTER: 3 * self.index - 2, MONTH: self.index}[self.kind]

    @property
    def month_count(self) -> int:
        return {YEAR: 12, QUARTER: 3, MONTH: 1}[self.kind]

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.datetime:
        """The first moment after the period (exclusive)."""
        month = self.first_month + self.month_count
        return dt.datetime(self.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)

    def contains(self, when: dt.datetime) -> bool:
        return self.start <= when < self.end

    def months(self) -> list[Period]:
        return [Period(MONTH, self.year, self.first_month + i) for i in range(self.month_count)]

    def parents(self) -> list[Period]:
        """The quarter and year a month lies in, or the year of a quarter."""
        if self.kind == MONTH:
            return [Period.of(self.start, QUARTER), Period(YEAR, self.year)]
        if self.kind == QUARTER:
            return [Period(YEAR, self.year)]
        return []

    def elapsed_share(self, at: dt.datetime) -> float:
        """How much of the period has passed at ``at``: 0 before it, 1 after it."""
        if at <= self.start:
            return 0.0
        if at >= self.end:
            return 1.0
        return (at - self.start) / (self.end - self.start)

    def sort_key(self) -> tuple[dt.datetime, int]:
        return (self.start, PERIOD_KINDS.index(self.kind))


def as_period(value: Period | str) -> Period:
    return value if isinstance(value, Period) else Period.parse(value)


def received_in(period: Period | str):
    """The condition "received in ``period``": a range on the indexed received_at."""
    p = as_period(period)
    return (Case.received_at >= p.start) & (Case.received_at < p.end)


# --- metrics --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    code: str
    label: str
    higher_is_better: bool
    # "count" or "percent"
    unit: str


METRICS: dict[str, Metric] = {
    code: Metric(
        code,
        label,
        code == codes.METRIC_CALLBACK_SATISFACTION,
        "percent" if code == codes.METRIC_CALLBACK_SATISFACTION else "count",
    )
    for code, label in codes.TARGET_METRICS.items()
}

# Kinds of event that count as the reply to an agreed reply time: the same set as the
# deadline engine's agreed-reply clock (db/handling/deadlines.py).
REPLY_EVENT_KINDS = (
    codes.EVENT_REPLIED,
    codes.EVENT_FED_BACK,
    vocab.EVENT_SETTLED_ON_SPOT,
    codes.EVENT_MERGED_INTO,
    codes.EVENT_CLOSED,
)
SATISFIED_RESULTS = (codes.RESULT_SATISFIED, codes.RESULT_BASICALLY)


def complaint_count(period: Period | str) -> int:
    return Case.select(fn.COUNT(Case.id)).where(received_in(period)).scalar() or 0


def liable_count(period: Period | str) -> int:
    """Complaints received in the period whose current finding is liable."""
    from db.store.models import Liability

    return (
        Case.select(fn.COUNT(Case.id))
        .join(Liability, on=(Liability.case == Case.id))
        .where(received_in(period) & (Liability.liable == True))  # noqa: E712
        .where(Liability.id == current_finding_id(Case.id))
        .scalar()
        or 0
    )


def urgent_count(period: Period | str) -> int:
    return (
        Case.select(fn.COUNT(Case.id))
        .where(received_in(period) & (Case.severity == vocab.SEVERITY_URGENT))
        .scalar()
        or 0
    )


def escalated_case_condition():
    """Cases the outlet escalated beyond itself (Art. 10-11): an ``escalated`` event."""
    escalated = CaseEvent.select(CaseEvent.id).where(
        (CaseEvent.kind == codes.EVENT_ESCALATED) & (CaseEvent.case == Case.id)
    )
    return fn.EXISTS(escalated)


def escalated_count(period: Period | str) -> int:
    return (
        Case.select(fn.COUNT(Case.id))
        .where(received_in(period) & escalated_case_condition())
        .scalar()
        or 0
    )


def work_order_count(period: Period | str) -> int:
    p = as_period(period)
    return (
        WorkOrder.select(fn.COUNT(WorkOrder.id))
        .where((WorkOrder.received_at >= p.start) & (WorkOrder.received_at < p.end))
        .scalar()
        or 0
    )


def reply_at_sql(case_alias: str = "c") -> str:
    """SQL for the moment a case's agreed reply time was met: the first reply event after
    the last agreement (the rule of the deadline engine), or NULL."""
    kinds = ", ".join(f"'{k}'" for k in REPLY_EVENT_KINDS)
    return (
        f"(SELECT MIN(e.at) FROM case_event AS e WHERE e.case_id = {case_alias}.id"
        f" AND e.kind IN ({kinds}) AND e.id > COALESCE((SELECT MAX(a.id) FROM case_event AS a"
        f" WHERE a.kind = '{vocab.EVENT_REPLY_TIME_AGREED}' AND a.case_id = {case_alias}.id),"
        " 0))"
    )


def _stamp(value: dt.datetime) -> str:
    """A datetime as peewee stores it, for raw SQL comparisons."""
    return value.replace(microsecond=0).isoformat(sep=" ")


def overdue_reply_count(period: Period | str, at: dt.datetime | None = None) -> int:
    """Replies owed in the period that were missed, as of ``at`` (default now): a deadline
    that passed before ``at`` with no reply by then.

    - complaints received in the period whose agreed reply time (Art. 10) passed before
      the reply, or with no reply yet;
    - superior work orders received in the period replied after their reply-by time, or
      not yet replied (Art. 5).
    """
    p = as_period(period)
    moment = _stamp(at or now())
    cases_sql = f"""
        SELECT COUNT(*) FROM (
            SELECT c.agreed_reply_at AS due, {reply_at_sql("c")} AS replied
            FROM complaint_case AS c
            WHERE c.received_at >= ? AND c.received_at < ? AND c.agreed_reply_at IS NOT NULL
        ) WHERE due < ? AND (replied IS NULL OR replied > due)
    """
    params = (_stamp(p.start), _stamp(p.end), moment)
    late_cases = database.execute_sql(cases_sql, params).fetchone()[0]
    late_orders = (
        WorkOrder.select(fn.COUNT(WorkOrder.id))
        .where((WorkOrder.received_at >= p.start) & (WorkOrder.received_at < p.end))
        .where(WorkOrder.reply_by < (at or now()))
        .where(WorkOrder.replied_at.is_null() | (WorkOrder.replied_at > WorkOrder.reply_by))
        .scalar()
        or 0
    )
    return late_cases + late_orders


@dataclass(frozen=True)
class Satisfaction:
    satisfied: int
    answered: int

    @property
    def rate(self) -> float | None:
        """Percent of callbacks with a result where the customer was (basically) satisfied."""
        return 100.0 * self.satisfied / self.answered if self.answered else None


def callback_satisfaction(period: Period | str) -> Satisfaction:
    """Callbacks made in the period that reached the customer and recorded a result; both
    "satisfied" and "basically satisfied" count as satisfied."""
    p = as_period(period)
    satisfied = fn.SUM(fn.IIF(Callback.result.in_(SATISFIED_RESULTS), 1, 0))
    row = (
        Callback.select(fn.COUNT(Callback.id), satisfied)
        .where((Callback.done_at >= p.start) & (Callback.done_at < p.end))
        .where((Callback.reached == True) & (Callback.result != ""))  # noqa: E712
        .tuples()
        .first()
    )
    answered, happy = row if row else (0, 0)
    return Satisfaction(int(happy or 0), int(answered or 0))


def actual(period: Period | str, metric: str, *, at: dt.datetime | None = None) -> float | None:
    """The actual of ``metric`` in ``period`` (a count, or a percentage that is None while
    there is nothing to measure). ``at`` matters for overdue replies only."""
    p = as_period(period)
    if metric == codes.METRIC_COMPLAINTS:
        return complaint_count(p)
    if metric == codes.METRIC_LIABLE:
        return liable_count(p)
    if metric == codes.METRIC_URGENT:
        return urgent_count(p)
    if metric == codes.METRIC_ESCALATIONS:
        return escalated_count(p)
    if metric == codes.METRIC_WORK_ORDERS:
        return work_order_count(p)
    if metric == codes.METRIC_OVERDUE_REPLIES:
        return overdue_reply_count(p, at)
    if metric == codes.METRIC_CALLBACK_SATISFACTION:
        return callback_satisfaction(p).rate
    raise WorkflowError("unknown_code", value=metric, field="target metric")


# --- targets --------------------------------------------------------------------------------


def _number(value: object, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise WorkflowError("not_a_number", field=field)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise WorkflowError("not_a_number", field=field) from None
    if not number.is_finite():
        raise WorkflowError("not_a_number", field=field)
    return number


def validate_target(metric: str, value: object) -> float:
    """The value as it would be stored: a whole count, or a percentage with two decimals."""
    spec = METRICS.get(metric)
    if spec is None:
        raise WorkflowError("unknown_code", value=metric, field="target metric")
    number = _number(value, metric)
    if spec.unit == "percent":
        if not Decimal(0) <= number <= Decimal(100):
            raise WorkflowError("value_range", field=metric, min=0, max=100)
        if number != number.quantize(Decimal("0.01")):
            raise WorkflowError("value_decimals", field=metric, places=2)
    else:
        if not Decimal(0) <= number <= MAX_COUNT_TARGET:
            raise WorkflowError("value_range", field=metric, min=0, max=MAX_COUNT_TARGET)
        if number != number.to_integral_value():
            raise WorkflowError("value_decimals", field=metric, places=0)
    return float(number)


def set_target(period: Period | str, metric: str, value: object, actor: Staff) -> Target:
    """Set (or replace) the target of ``metric`` for ``period``; head or acting head only."""
    p = as_period(period)
    at = now()
    permissions.require(actor, Action.EDIT_TARGETS, at)
    stored = validate_target(metric, value)
    with database.atomic():
        Target.insert(
            outlet=actor.outlet_id,
            period=str(p),
            metric=metric,
            value=stored,
            set_by=actor.id,
            set_at=at,
        ).on_conflict(
            conflict_target=[Target.outlet, Target.period, Target.metric],
            update={Target.value: stored, Target.set_by: actor.id, Target.set_at: at},
        ).execute()
        return Target.get(
            (Target.outlet == actor.outlet_id)
            & (Target.period == str(p))
            & (Target.metric == metric)
        )


def clear_target(period: Period | str, metric: str, actor: Staff) -> None:
    """Remove a target (the period then has none for ``metric``); head or acting head."""
    p = as_period(period)
    permissions.require(actor, Action.EDIT_TARGETS, now())
    if metric not in METRICS:
        raise WorkflowError("unknown_code", value=metric, field="target metric")
    Target.delete().where(
        (Target.outlet == actor.outlet_id) & (Target.period == str(p)) & (Target.metric == metric)
    ).execute()


@dataclass(frozen=True)
class TargetCell:
    """One cell of a targets form: ``value`` blank (or None) removes the target."""

    period: Period | str
    metric: str
    value: object


class TargetsRefused(WorkflowError):
    """Some cells of ``set_targets`` were refused; ``refused`` maps each refused cell's
    index to its refusal. Nothing was written."""

    def __init__(self, refused: dict[int, WorkflowError]) -> None:
        combined = WorkflowError.of(list(refused.values()))
        super().__init__(combined.code, combined.message, **combined.params)
        self.errors = combined.errors
        self.refused = refused


def set_targets(actor: Staff, cells: list[TargetCell] | tuple[TargetCell, ...]) -> int:
    """Set or clear the targets of ``cells`` together (head or acting head): every cell is
    checked on its own, and if any is refused (TargetsRefused) none is written. Returns the
    number of cells written."""
    refused: dict[int, WorkflowError] = {}
    with database.atomic() as txn:
        for index, cell in enumerate(cells):
            blank = cell.value is None or not str(cell.value).strip()
            try:
                with database.atomic():  # a savepoint: each cell is checked alone
                    if blank:
                        clear_target(cell.period, cell.metric, actor)
                    else:
                        set_target(cell.period, cell.metric, str(cell.value).strip(), actor)
            except WorkflowError as err:
                refused[index] = err
        if refused:
            txn.rollback()
    if refused:
        raise TargetsRefused(refused)
    return len(cells)


def _outlet_id(outlet: Outlet | None) -> int | None:
    outlet = outlet or current_outlet()
    return outlet.id if outlet is not None else None


def targets_of(periods: list[Period], outlet: Outlet | None = None) -> dict[tuple[str, str], float]:
    """{(period text, metric): value} for the given periods, in one query."""
    outlet_id = _outlet_id(outlet)
    if outlet_id is None or not periods:
        return {}
    rows = Target.select(Target.period, Target.metric, Target.value).where(
        (Target.outlet == outlet_id) & Target.period.in_([str(p) for p in periods])
    )
    return {(r.period, r.metric): r.value for r in rows}


def targets_in(period: Period | str, outlet: Outlet | None = None) -> dict[str, float]:
    """{metric: value} of the targets set for exactly ``period`` (what the editor shows)."""
    p = as_period(period)
    return {m: v for (_p, m), v in targets_of([p], outlet).items()}


def target_of(period: Period | str, metric: str, outlet: Outlet | None = None) -> float | None:
    return targets_in(period, outlet).get(metric)


def monthly_targets(
    period: Period | str, metric: str = codes.METRIC_COMPLAINTS, outlet: Outlet | None = None
) -> dict[Period, float | None]:
    """The target of each month of ``period``: the month's own target; else, for a count,
    its quarter's divided by 3, else its year's divided by 12; for the satisfaction rate,
    the quarter's or the year's rate itself. None where no target applies."""
    p = as_period(period)
    months = p.months()
    wanted = set(months)
    for month in months:
        wanted.update(month.parents())
    stored = targets_of(sorted(wanted, key=Period.sort_key), outlet)
    rate = METRICS[metric].unit == "percent"
    result: dict[Period, float | None] = {}
    for month in months:
        quarter, year = month.parents()
        value = stored.get((str(month), metric))
        if value is None and (str(quarter), metric) in stored:
            value = stored[(str(quarter), metric)] / (1 if rate else 3)
        if value is None and (str(year), metric) in stored:
            value = stored[(str(year), metric)] / (1 if rate else 12)
        result[month] = value
    return result


# --- status -----------------------------------------------------------------------------------


def mark(
    metric: str, target: float | None, value: float | None, elapsed: float, finished: bool
) -> str | None:
    """The mark of a target (see the module docstring); None when there is no target."""
    if target is None:
        return None
    if METRICS[metric].higher_is_better:
        if value is None:
            return codes.MARK_NO_DATA
        if value >= target:
            return codes.MARK_ON_TRACK
        return codes.MARK_MISSED if finished else codes.MARK_AT_RISK
    value = value or 0
    if value > target:
        return codes.MARK_MISSED
    if finished:
        return codes.MARK_ON_TRACK
    if value > 0 and value >= AT_RISK_PACE * elapsed * target:
        return codes.MARK_AT_RISK
    return codes.MARK_ON_TRACK


@dataclass(frozen=True)
class TargetStatus:
    metric: str
    target: float | None
    actual: float | None
    mark: str | None
    # Share of the period elapsed at the time asked, 0-1.
    elapsed: float
    higher_is_better: bool


def target_status(
    period: Period | str, at: dt.datetime | None = None, outlet: Outlet | None = None
) -> list[TargetStatus]:
    """Every metric of ``period`` with its target (None if unset), actual and mark."""
    p = as_period(period)
    at = at or now()
    elapsed = p.elapsed_share(at)
    finished = at >= p.end
    stored = targets_in(p, outlet)
    result = []
    for code, spec in METRICS.items():
        value = actual(p, code, at=at)
        target = stored.get(code)
        result.append(
            TargetStatus(
                code,
                target,
                value,
                mark(code, target, value, elapsed, finished),
                elapsed,
                spec.higher_is_better,
            )
        )
    return result
