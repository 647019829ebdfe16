"""The outlets side by side (各网点对比): one period's figures of every enrolled outlet, and
the outlets that have sent nothing for some days.

:func:`outlet_figures` is one SQL statement over the consolidated store, sorted and paged in
SQL. A period is a year, quarter or month (``2026``, ``2026-Q3``, ``2026-07``: the
outlet's :class:`db.management.targets.Period`, with its half-open bounds), and the
figures are counted by the outlet's own rules (db/management/targets.py):

- complaints by the time received; of those, still open, overdue (open and past the
  deadline the outlet stated, as the consolidated list marks it), urgent, escalated (sent
  up at least once) and liable (the current finding is liable);
- the work orders the district sent down by the time received, and their replies on
  time or late against the reply-by (the rule of db/district/workorders.py), or not
  replied though the reply-by has passed;
- callbacks by the time made: of those that reached the customer and recorded a result,
  the share "satisfied" or "basically satisfied";
- replies owed and missed (the overdue-replies target): complaints whose agreed reply
  time passed without a reply before it, and the work orders late or unreplied;
- the district's targets for the outlet and period (``district_target``, else the
  district's target for all outlets, ``district_default_target``; db/district/targets.py
  sets both), with each target's mark by the outlet's rule
  (:func:`db.management.targets.mark`).

Times of cases are the outlet's wall-clock time without a zone (as in the bundles), so
``at`` for "overdue" is local time; the time a bundle arrived is the district's UTC.
Only active outlets are listed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import cast

from db.district import search
from db.district.models import district_database
from db.errors import WorkflowError
from db.management import targets as tg
from db.management.targets import Period
from db.store import codes, vocab

MAX_SILENT_DAYS = 3650
DEFAULT_SILENT_DAYS = 14  # this program's default: two weeks without a bundle
CHART_TOP = 20

# Sort key -> expression of the outer SELECT (see _SQL).
SORT_COLUMNS = {
    "outlet": "o.code",
    "name": "o.name",
    "complaints": "complaints",
    "open": "open",
    "overdue": "overdue",
    "urgent": "urgent",
    "escalated": "escalated",
    "liable": "liable",
    "work_orders": "wo_total",
    "wo_on_time": "wo_on_time",
    "wo_late": "wo_late",
    "wo_overdue": "wo_overdue",
    "satisfaction": "satisfaction",
    "last_bundle_at": "o.last_bundle_at",
}
_NULLABLE = {"satisfaction", "last_bundle_at"}

# The figures a target can be set for, as the row's attribute names.
TARGET_ACTUALS = {
    codes.METRIC_COMPLAINTS: "complaints",
    codes.METRIC_LIABLE: "liable",
    codes.METRIC_URGENT: "urgent",
    codes.METRIC_ESCALATIONS: "escalated",
    codes.METRIC_WORK_ORDERS: "work_orders",
    codes.METRIC_OVERDUE_REPLIES: "overdue_replies",
    codes.METRIC_CALLBACK_SATISFACTION: "satisfaction",
}


@dataclass(frozen=True)
class TargetCheck:
    metric: str
    target: float
    actual: float | None
    mark: str | None  # a code of codes.TARGET_MARKS


@dataclass(frozen=True)
class OutletFigures:
    """One outlet's figures for a period (see the module docstring for how each counts)."""

    outlet_code: str
    outlet_name: str
    complaints: int
    open: int
    overdue: int
    urgent: int
    escalated: int
    liable: int
    work_orders: int
    wo_on_time: int
    wo_late: int
    wo_overdue: int
    callbacks_answered: int
    callbacks_satisfied: int
    satisfaction: float | None  # percent; None without a callback result
    overdue_replies: int
    last_bundle_seq: int
    last_bundle_at: dt.datetime | None  # UTC; None: no bundle yet
    targets: tuple[TargetCheck, ...] = field(default=())

    @property
    def targets_missed(self) -> int:
        return sum(1 for t in self.targets if t.mark == codes.MARK_MISSED)

    def figure(self, key: str) -> float | None:
        """The figure of sort key ``key`` (a count, the rate, or None)."""
        return getattr(self, key) if key in FIGURE_KEYS else None


# The figures that can be charted side by side (sort keys that are numbers).
FIGURE_KEYS = (
    "complaints",
    "open",
    "overdue",
    "urgent",
    "escalated",
    "liable",
    "work_orders",
    "wo_on_time",
    "wo_late",
    "wo_overdue",
    "satisfaction",
)

_REPLY_KINDS = ", ".join(f"'{k}'" for k in tg.REPLY_EVENT_KINDS)
_SATISFIED = ", ".join(f"'{r}'" for r in tg.SATISFIED_RESULTS)
# The first reply after the last agreed reply time (the rule of targets.reply_at_sql).
_REPLIED = (
    "(SELECT min(e.at) FROM case_event e WHERE e.outlet_code = c.outlet_code "
    f"AND e.case_no = c.case_no AND e.kind IN ({_REPLY_KINDS}) AND e.seq > coalesce("
    "(SELECT max(a.seq) FROM case_event a WHERE a.outlet_code = c.outlet_code "
    f"AND a.case_no = c.case_no AND a.kind = '{vocab.EVENT_REPLY_TIME_AGREED}'), -1))"
)
_SQL = f"""
WITH c AS (
    SELECT c.outlet_code,
        count(*) AS complaints,
        count(*) FILTER (WHERE c.is_open) AS open,
        count(*) FILTER (WHERE c.is_open AND c.due_at < %s) AS overdue,
        count(*) FILTER (WHERE c.severity = '{vocab.SEVERITY_URGENT}') AS urgent,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_escalation e
            WHERE e.outlet_code = c.outlet_code AND e.case_no = c.case_no)) AS escalated,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM liability_finding f
            WHERE f.outlet_code = c.outlet_code AND f.case_no = c.case_no
            AND f.seq = c.current_liability_seq AND f.liable)) AS liable,
        count(*) FILTER (WHERE c.agreed_reply_at < %s AND coalesce({_REPLIED}, 'infinity')
            > c.agreed_reply_at) AS late_replies
    FROM outlet_case c
    WHERE c.received_at >= %s AND c.received_at < %s
    GROUP BY c.outlet_code
), w AS (
    SELECT d.outlet_code,
        count(*) AS total,
        count(*) FILTER (WHERE r.replied_at IS NOT NULL
            AND (d.reply_by IS NULL OR r.replied_at <= d.reply_by)) AS on_time,
        count(*) FILTER (WHERE r.replied_at > d.reply_by) AS late,
        count(*) FILTER (WHERE r.replied_at IS NULL AND d.reply_by < %s) AS overdue
    FROM district_work_order d
    LEFT JOIN outlet_work_order r ON r.outlet_code = d.outlet_code AND r.source = d.source
        AND r.number = d.number
    WHERE d.received_at >= %s AND d.received_at < %s
    GROUP BY d.outlet_code
), b AS (
    SELECT k.outlet_code, count(*) AS answered,
        count(*) FILTER (WHERE k.result IN ({_SATISFIED})) AS satisfied
    FROM case_callback k
    WHERE k.done_at >= %s AND k.done_at < %s AND k.reached AND k.result <> ''
    GROUP BY k.outlet_code
), t AS (
    SELECT outlet_code, jsonb_object_agg(metric, value) AS targets
    FROM district_target WHERE period = %s GROUP BY outlet_code
), d AS (
    SELECT jsonb_object_agg(metric, value) AS targets
    FROM district_default_target WHERE period = %s
)
SELECT o.code, o.name,
    coalesce(c.complaints, 0) AS complaints, coalesce(c.open, 0) AS open,
    coalesce(c.overdue, 0) AS overdue, coalesce(c.urgent, 0) AS urgent,
    coalesce(c.escalated, 0) AS escalated, coalesce(c.liable, 0) AS liable,
    coalesce(w.total, 0) AS wo_total, coalesce(w.on_time, 0) AS wo_on_time,
    coalesce(w.late, 0) AS wo_late, coalesce(w.overdue, 0) AS wo_overdue,
    coalesce(b.answered, 0), coalesce(b.satisfied, 0),
    CASE WHEN b.answered > 0 THEN 100.0 * b.satisfied / b.answered END AS satisfaction,
    coalesce(c.late_replies, 0) + coalesce(w.late, 0) + coalesce(w.overdue, 0),
    o.last_bundle_seq, o.last_bundle_at,
    coalesce(d.targets, '{{{{}}}}'::jsonb) || coalesce(t.targets, '{{{{}}}}'::jsonb)
FROM outlet o
CROSS JOIN d
LEFT JOIN c ON c.outlet_code = o.code
LEFT JOIN w ON w.outlet_code = o.code
LEFT JOIN b ON b.outlet_code = o.code
LEFT JOIN t ON t.outlet_code = o.code
WHERE o.active {{only}}
{{order}} LIMIT %s OFFSET %s
"""


def as_period(value: Period | str) -> Period:
    """The period ``value`` names; ``bad_period`` for anything else (a year outside
    2000-2099, a 13th month, a fifth quarter)."""
    return tg.as_period(value)


def _order(sort: str, descending: bool) -> str:
    if sort not in SORT_COLUMNS:
        raise WorkflowError("unknown_code", value=sort, field="sort key")
    way = "DESC" if descending else "ASC"
    nulls = " NULLS LAST" if sort in _NULLABLE else ""
    return f"ORDER BY {SORT_COLUMNS[sort]} {way}{nulls}, o.code ASC"


def require_outlet(outlet_code: str) -> str:
    """``outlet_code`` if it names an enrolled, active outlet; else ``district_outlet_unknown``."""
    code = (outlet_code or "").strip()
    row = district_database.execute_sql(
        "SELECT code FROM outlet WHERE code = %s AND active", (code,)
    ).fetchone()
    if row is None:
        raise WorkflowError("district_outlet_unknown", outlet=code)
    return code


def outlet_count() -> int:
    """How many outlets :func:`outlet_figures` lists (the active ones)."""
    return district_database.execute_sql("SELECT count(*) FROM outlet WHERE active").fetchone()[0]


def outlet_figures(
    period: Period | str,
    *,
    at: dt.datetime,
    sort: str = "outlet",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    outlet_code: str | None = None,
) -> list[OutletFigures]:
    """Every active outlet's figures for ``period`` as of ``at`` (local time), ordered by
    ``sort`` (a key of SORT_COLUMNS; ties by outlet code) and paged; ``outlet_code`` keeps
    one outlet (``district_outlet_unknown`` if it is not enrolled)."""
    p = as_period(period)
    order = _order(sort, descending)
    only, extra = "", cast(tuple[str, ...], ())
    if outlet_code is not None:
        only, extra = "AND o.code = %s", (require_outlet(outlet_code),)
    params = (
        *(at, at, p.start, p.end),
        *(at, p.start, p.end),
        *(p.start, p.end),
        str(p),
        str(p),
        *extra,
        limit,
        offset,
    )
    sql = _SQL.format(only=only, order=order)
    # Without JIT: its compilation cost a second for a query that runs in a tenth of one
    # (a year of 30,000 cases over 60 outlets), as for the search (db/district/search.py).
    with search._session():
        rows = district_database.execute_sql(sql, params).fetchall()
    elapsed, finished = p.elapsed_share(at), at >= p.end
    return [_figures(r, elapsed, finished) for r in rows]


def _figures(raw: tuple, elapsed: float, finished: bool) -> OutletFigures:
    values = list(raw[:18])
    values[14] = float(values[14]) if values[14] is not None else None
    figures = OutletFigures(*values)
    checks = []
    for metric in codes.TARGET_METRICS:
        target = raw[18].get(metric)
        if target is None:
            continue
        actual = getattr(figures, TARGET_ACTUALS[metric])
        checks.append(
            TargetCheck(metric, float(target), actual,
                        tg.mark(metric, float(target), actual, elapsed, finished))
        )  # fmt: skip
    return dataclasses.replace(figures, targets=tuple(checks))


def has_targets(period: Period | str) -> bool:
    """Whether the district holds any target for ``period`` (an outlet's or all outlets')."""
    row = district_database.execute_sql(
        "SELECT EXISTS (SELECT 1 FROM district_target WHERE period = %s) "
        "OR EXISTS (SELECT 1 FROM district_default_target WHERE period = %s)",
        (str(as_period(period)),) * 2,
    ).fetchone()
    return bool(row[0])


# --- outlets that have sent nothing ------------------------------------------------------------


@dataclass(frozen=True)
class SilentOutlet:
    outlet_code: str
    outlet_name: str
    enrolled_at: dt.datetime
    last_bundle_seq: int
    last_bundle_at: dt.datetime | None  # None: never sent a bundle

    def days_silent(self, at: dt.datetime) -> int:
        """Whole days since the last bundle (or since enrolment, when none came)."""
        return (at - (self.last_bundle_at or self.enrolled_at)).days


def check_days(days: object) -> int:
    """``days`` as a whole number of days from 1 to MAX_SILENT_DAYS, else ``district_bad_days``."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_SILENT_DAYS:
        raise WorkflowError("district_bad_days", value=str(days), max=MAX_SILENT_DAYS)
    return days


def silent_outlets(days: int, at: dt.datetime | None = None) -> list[SilentOutlet]:
    """The active outlets that have sent no bundle in the ``days`` days before ``at``
    (default now; a time without a zone is taken as UTC, as the bundles' arrival is), or none ever: those that
    never sent one first, then the longest silent first."""
    days = check_days(days)
    moment = at or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    rows = district_database.execute_sql(
        "SELECT code, name, enrolled_at, last_bundle_seq, last_bundle_at FROM outlet "
        "WHERE active AND (last_bundle_at IS NULL OR last_bundle_at < %s) "
        "ORDER BY last_bundle_at ASC NULLS FIRST, enrolled_at, code",
        (moment - dt.timedelta(days=days),),
    ).fetchall()
    return [SilentOutlet(*r) for r in rows]


# --- the district's assessment of its outlets (Art. 5) ---------------------------------------

ASSESSMENT_FORMAT = "district-assessment/1"


@dataclass(frozen=True)
class DistrictAssessment:
    """Everything the district's assessment report (网点考核情况) states: every active
    outlet's figures for the period as of ``at``, and the outlets silent for ``silent_days``."""

    format: str
    district_code: str
    district_name: str
    period: str  # canonical: 2026, 2026-Q3, 2026-07
    period_kind: str  # year, quarter, month
    start: dt.datetime
    end: dt.datetime  # exclusive
    finished: bool
    at: dt.datetime  # local time the figures are counted at
    outlets: tuple[OutletFigures, ...]
    with_targets: bool
    silent_days: int
    silent: tuple[SilentOutlet, ...]
    generated_at: dt.datetime


def district_assessment(
    period: Period | str,
    *,
    at: dt.datetime | None = None,
    silent_days: int = DEFAULT_SILENT_DAYS,
    sort: str = "outlet",
    descending: bool = False,
) -> DistrictAssessment:
    """The assessment of ``period`` as of ``at`` (local time, default now). Refused before
    anything is read for a bad period or number of days, a database without a district
    (``district_not_set_up``) or without an enrolled outlet (``district_no_outlets``)."""
    from db.district.enrolment import require_district

    p = as_period(period)
    check_days(silent_days)
    district = require_district()
    moment = at or dt.datetime.now().replace(microsecond=0)
    rows: list[OutletFigures] = []
    while True:
        page = outlet_figures(p, at=moment, sort=sort, descending=descending,
                              offset=len(rows), limit=500)  # fmt: skip
        rows.extend(page)
        if len(page) < 500:
            break
    if not rows:
        raise WorkflowError("district_no_outlets")
    return DistrictAssessment(
        format=ASSESSMENT_FORMAT,
        district_code=district.code,
        district_name=district.name,
        period=str(p),
        period_kind=p.kind,
        start=p.start,
        end=p.end,
        finished=moment >= p.end,
        at=moment,
        outlets=tuple(rows),
        with_targets=any(r.targets for r in rows),
        silent_days=silent_days,
        silent=tuple(silent_outlets(silent_days, moment.astimezone(dt.UTC))),
        generated_at=moment,
    )
