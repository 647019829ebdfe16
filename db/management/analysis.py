"""The figures of the analysis dashboard (Art. 5(1): complaint quality-control analysis).

Every figure the dashboard draws comes from one named function here, each a GROUP BY or an
aggregate in SQL over the period's complaints (a range on the indexed ``received_at``), so
they stay fast at a million cases. Complaints count in the period in which they were
received; boundaries are exact (see db/management/targets.py). Shares are fractions 0-1, or None when
there is nothing to divide by.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from db.management.targets import (
    Period,
    as_period,
    escalated_case_condition,
    monthly_targets,
    received_in,
    reply_at_sql,
)
from db.store import codes
from db.store.models import Case, Staff, database, now
from db.store.rows import tuples


@dataclass(frozen=True)
class MonthPoint:
    month: Period
    count: int
    # The month's complaints target (its own, else the quarter's / 3, else the year's / 12).
    target: float | None


@dataclass(frozen=True)
class CountRow:
    code: str
    count: int
    share: float


@dataclass(frozen=True)
class ParetoRow:
    cause: str
    count: int
    share: float
    # Share of all complaints covered by this cause and every cause above it.
    cumulative_share: float


@dataclass(frozen=True)
class StaffCount:
    staff_id: int
    name: str
    active: bool
    count: int
    share: float


@dataclass(frozen=True)
class Share:
    part: int
    total: int

    @property
    def share(self) -> float | None:
        return self.part / self.total if self.total else None


def _total(period: Period) -> int:
    return Case.select(fn.COUNT(Case.id)).where(received_in(period)).scalar() or 0


def monthly_trend(period: Period | str) -> list[MonthPoint]:
    """Complaints received per month of the period (every month, zeros included), with
    each month's target."""
    p = as_period(period)
    month = fn.SUBSTR(Case.received_at, 1, 7)
    counts = dict(
        tuples(Case.select(month, fn.COUNT(Case.id)).where(received_in(p)).group_by(month))
    )
    targets = monthly_targets(p, codes.METRIC_COMPLAINTS)
    return [MonthPoint(m, counts.get(str(m), 0), targets[m]) for m in p.months()]


def _grouped(period: Period, column) -> list[tuple[str, int]]:
    return list(
        tuples(
            Case.select(column, fn.COUNT(Case.id))
            .where(received_in(period))
            .group_by(column)
            .order_by(fn.COUNT(Case.id).desc(), column)
        )
    )


def cause_pareto(period: Period | str) -> list[ParetoRow]:
    """Complaints per cause, most frequent first (ties by code), with the cumulative share:
    the Pareto chart's bars and line."""
    p = as_period(period)
    rows = _grouped(p, Case.cause)
    total = sum(count for _cause, count in rows)
    result, running = [], 0
    for cause, count in rows:
        running += count
        result.append(ParetoRow(cause, count, count / total, running / total))
    return result


def by_channel(period: Period | str) -> list[CountRow]:
    """Complaints per channel (JR/T 0169-2018), most frequent first."""
    p = as_period(period)
    rows = _grouped(p, Case.channel)
    total = sum(count for _code, count in rows)
    return [CountRow(code, count, count / total) for code, count in rows]


def by_staff(period: Period | str) -> list[StaffCount]:
    """Complaints per first-ask owner (Art. 4, 10), most first; former staff included."""
    p = as_period(period)
    rows = list(
        tuples(
            Case.select(Staff.id, Staff.name, Staff.active, fn.COUNT(Case.id))
            .join(Staff, on=(Case.first_ask_owner == Staff.id))
            .where(received_in(p))
            .group_by(Staff.id)
            .order_by(fn.COUNT(Case.id).desc(), Staff.name)
        )
    )
    total = sum(r[3] for r in rows)
    return [StaffCount(i, name, bool(active), n, n / total) for i, name, active, n in rows]


def settled_on_spot(period: Period | str) -> Share:
    """Complaints of the period settled on the spot (Art. 10), of all received."""
    p = as_period(period)
    part = (
        Case.select(fn.COUNT(Case.id))
        .where(received_in(p) & Case.settled_at.is_null(False))
        .scalar()
        or 0
    )
    return Share(part, _total(p))


def escalated(period: Period | str) -> Share:
    """Complaints of the period the outlet escalated beyond itself (Art. 10-11)."""
    p = as_period(period)
    part = (
        Case.select(fn.COUNT(Case.id)).where(received_in(p) & escalated_case_condition()).scalar()
        or 0
    )
    return Share(part, _total(p))


# Reply-time buckets in hours: (label, lower bound exclusive, upper bound inclusive).
REPLY_BUCKETS: tuple[tuple[str, float | None, float | None], ...] = (
    ("within 1 day", None, 24),
    ("1-3 days", 24, 72),
    ("3-7 days", 72, 168),
    ("7-15 days", 168, 360),
    ("over 15 days", 360, None),
)


@dataclass(frozen=True)
class Bucket:
    label: str
    low_hours: float | None
    high_hours: float | None
    count: int


@dataclass(frozen=True)
class ReplyTimes:
    """Complaints of the period with an agreed reply time (Art. 10), as of ``at``."""

    with_deadline: int
    met: int  # replied by the agreed time
    late: int  # replied after it
    overdue: int  # not replied, time passed
    running: int  # not replied, time still ahead
    median_reply_hours: float | None  # received to reply, replied ones
    median_allowed_hours: float | None  # received to agreed time, all with a deadline
    buckets: tuple[Bucket, ...]

    @property
    def share_met(self) -> float | None:
        """Met, of those whose time has come (met, late and overdue)."""
        decided = self.met + self.late + self.overdue
        return self.met / decided if decided else None


def _stamp(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat(sep=" ")


def reply_times(period: Period | str, at: dt.datetime | None = None) -> ReplyTimes:
    """Time to reply against the agreed reply time, for complaints received in the period.

    The reply is the first reply event after the last agreement (the deadline engine's
    rule: a reply, a fed-back result, a settlement, a merge or a closing); a reply after
    ``at`` (default now) does not count yet. Hours are wall-clock hours.
    """
    p = as_period(period)
    moment = _stamp(at or now())

    def secs(column: str) -> str:
        return f"CAST(strftime('%s', {column}) AS INTEGER)"

    bucket_sums = ", ".join(
        "SUM(CASE WHEN took IS NOT NULL"
        + (f" AND took > {int(low * 3600)}" if low is not None else "")
        + (f" AND took <= {int(high * 3600)}" if high is not None else "")
        + " THEN 1 ELSE 0 END)"
        for _label, low, high in REPLY_BUCKETS
    )
    # One pass over the period's complaints (the reply subquery runs once per case); the
    # medians come from window functions over the materialised rows.
    sql = f"""
        WITH raw AS (
            SELECT c.received_at AS received, c.agreed_reply_at AS due,
                   {reply_at_sql("c")} AS replied_at
            FROM complaint_case AS c
            WHERE c.received_at >= ? AND c.received_at < ? AND c.agreed_reply_at IS NOT NULL
        ),
        r AS MATERIALIZED (
            SELECT due, CASE WHEN replied_at <= ? THEN replied_at END AS replied,
                   CASE WHEN replied_at <= ? THEN {secs("replied_at")} - {secs("received")}
                   END AS took,
                   {secs("due")} - {secs("received")} AS allowed
            FROM raw
        ),
        took AS (SELECT took AS v, ROW_NUMBER() OVER (ORDER BY took) AS i,
                        COUNT(*) OVER () AS n FROM r WHERE took IS NOT NULL),
        allowed AS (SELECT allowed AS v, ROW_NUMBER() OVER (ORDER BY allowed) AS i,
                           COUNT(*) OVER () AS n FROM r)
        SELECT COUNT(*),
               SUM(CASE WHEN replied IS NOT NULL AND replied <= due THEN 1 ELSE 0 END),
               SUM(CASE WHEN replied IS NOT NULL AND replied > due THEN 1 ELSE 0 END),
               SUM(CASE WHEN replied IS NULL AND due < ? THEN 1 ELSE 0 END),
               SUM(CASE WHEN replied IS NULL AND due >= ? THEN 1 ELSE 0 END),
               (SELECT AVG(v) / 3600.0 FROM took WHERE i IN ((n + 1) / 2, (n + 2) / 2)),
               (SELECT AVG(v) / 3600.0 FROM allowed WHERE i IN ((n + 1) / 2, (n + 2) / 2)),
               {bucket_sums}
        FROM r
    """
    params = (_stamp(p.start), _stamp(p.end), moment, moment, moment, moment)
    row = database.execute_sql(sql, params).fetchone()
    total, met, late, overdue, running = (int(v or 0) for v in row[:5])
    median_took, median_allowed = row[5], row[6]
    return ReplyTimes(
        with_deadline=total,
        met=met,
        late=late,
        overdue=overdue,
        running=running,
        median_reply_hours=float(median_took) if median_took is not None else None,
        median_allowed_hours=float(median_allowed) if median_allowed is not None else None,
        buckets=tuple(
            Bucket(label, low, high, int(count or 0))
            for (label, low, high), count in zip(REPLY_BUCKETS, row[7:], strict=True)
        ),
    )


@dataclass(frozen=True)
class Dashboard:
    period: Period
    total: int
    trend: list[MonthPoint]
    causes: list[ParetoRow]
    channels: list[CountRow]
    staff: list[StaffCount]
    settled_on_spot: Share
    escalated: Share
    reply_times: ReplyTimes


def dashboard(period: Period | str, at: dt.datetime | None = None) -> Dashboard:
    """Every figure of the dashboard for ``period``, in one call (run it off the GUI thread)."""
    p = as_period(period)
    return Dashboard(
        p,
        _total(p),
        monthly_trend(p),
        cause_pareto(p),
        by_channel(p),
        by_staff(p),
        settled_on_spot(p),
        escalated(p),
        reply_times(p, at),
    )
