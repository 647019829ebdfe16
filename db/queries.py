"""Named queries behind the case list, the status bar and the case view.

Filtering, sorting, counting and searching all happen in SQL, on indexed columns, so the
list stays instant at a million cases. Widgets call these functions; they never build
queries themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import NamedTuple

from peewee import SQL, JOIN, Expression, fn

from db import sqlite_features, vocab
from db.models import Case, CaseEvent, Staff, database

# Sort keys the list offers, mapped to columns. Each is indexed or cheap to order by.
SORT_COLUMNS = {
    "received_at": Case.received_at,
    "case_no": Case.case_no,
    "status": Case.status,
    "severity": Case.severity,
    "due_at": Case.due_at,
    "customer_name": Case.customer_name,
    "cause": Case.cause,
    "owner": Staff.name,
}

STATUS_OPEN = "open"  # pseudo-status for the filter: every status that is still open


@dataclass
class CaseFilter:
    """What the case list shows. None / False means 'no restriction'."""

    status: str | None = None
    severity: str | None = None
    overdue: bool = False
    due_today: bool = False
    cause: str | None = None
    owner_id: int | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    search: str = ""


class CaseRow(NamedTuple):
    id: int
    case_no: str
    received_at: dt.datetime
    status: str
    severity: str
    customer_name: str
    customer_phone_masked: str
    cause: str
    channel: str
    owner_name: str
    due_at: dt.datetime | None
    is_open: bool
    # When the running deadline enters its warning share (default 80 % of its time).
    warn_at: dt.datetime | None = None

    def near_breach(self, at: dt.datetime) -> bool:
        """Open, not yet overdue, but past the warning point of its deadline."""
        return (
            self.is_open
            and self.warn_at is not None
            and self.due_at is not None
            and self.warn_at <= at < self.due_at
        )


class StatusCounts(NamedTuple):
    open: int
    overdue: int
    due_today: int


class TimelineEntry(NamedTuple):
    at: dt.datetime
    kind: str
    actor_name: str
    from_status: str | None
    to_status: str | None
    note: str
    data: dict


def mask_phone(phone: str) -> str:
    """Keep the first three and last four digits: 138****5678."""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """Keep the surname: 张** (used in printed reports)."""
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def _conditions(flt: CaseFilter, at: dt.datetime) -> list[Expression]:
    conds: list[Expression] = []
    if flt.status == STATUS_OPEN:
        conds.append(Case.is_open == True)  # noqa: E712
    elif flt.status:
        conds.append(Case.status == flt.status)
    if flt.severity:
        conds.append(Case.severity == flt.severity)
    # Overdue and due today are two slices of one timeline; ticked together they mean
    # "open and due before the end of today".
    due_slices = []
    start, end = _day_bounds(at.date())
    if flt.overdue:
        due_slices.append(Case.due_at < at)
    if flt.due_today:
        due_slices.append((Case.due_at >= at) & (Case.due_at < end))
    if due_slices:
        either = due_slices[0] if len(due_slices) == 1 else (due_slices[0] | due_slices[1])
        conds.append((Case.is_open == True) & either)  # noqa: E712
    if flt.cause:
        conds.append(Case.cause == flt.cause)
    if flt.owner_id is not None:
        conds.append(Case.first_ask_owner == flt.owner_id)
    if flt.received_from:
        conds.append(Case.received_at >= _day_bounds(flt.received_from)[0])
    if flt.received_to:
        conds.append(Case.received_at < _day_bounds(flt.received_to)[1])
    text = flt.search.strip()
    if text:
        match = sqlite_features.search_match_sql(text) if _search_index_ready() else None
        if match is not None:
            sql, params = match
            conds.append(Case.id.in_(SQL(f"({sql})", params)))
        else:
            # contains() is LIKE '%...%' with the wildcards in ``text`` escaped.
            conds.append(
                Case.case_no.contains(text)
                | Case.customer_name.contains(text)
                | Case.description.contains(text)
            )
    return conds


def _search_index_ready() -> bool:
    """Whether the open database has the trigram index; asked once per database object."""
    db = database.obj
    ready = getattr(db, "_complaint_desk_search_ready", None)
    if ready is None:
        ready = sqlite_features.search_index_present(db)
        db._complaint_desk_search_ready = ready
    return ready


def _filtered(query, flt: CaseFilter, at: dt.datetime):
    for cond in _conditions(flt, at):
        query = query.where(cond)
    return query


def case_page(
    flt: CaseFilter,
    *,
    at: dt.datetime,
    sort: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[CaseRow]:
    """One page of the case list, filtered and sorted in SQL."""
    column = SORT_COLUMNS.get(sort, Case.received_at)
    order = [column.desc() if descending else column.asc()]
    order.append(Case.id.desc() if descending else Case.id.asc())
    query = (
        Case.select(
            Case.id,
            Case.case_no,
            Case.received_at,
            Case.status,
            Case.severity,
            Case.customer_name,
            Case.customer_phone,
            Case.cause,
            Case.channel,
            Staff.name,
            Case.due_at,
            Case.is_open,
            Case.warn_at,
        )
        .join(Staff, on=(Case.first_ask_owner == Staff.id))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    query = _filtered(query, flt, at)
    rows = []
    for r in query.tuples():
        rows.append(
            CaseRow(
                id=r[0],
                case_no=r[1],
                received_at=r[2],
                status=r[3],
                severity=r[4],
                customer_name=r[5],
                customer_phone_masked=mask_phone(r[6]),
                cause=r[7],
                channel=r[8],
                owner_name=r[9],
                due_at=r[10],
                is_open=bool(r[11]),
                warn_at=r[12],
            )
        )
    return rows


def case_count(flt: CaseFilter, *, at: dt.datetime) -> int:
    """How many cases match the filter."""
    return _filtered(Case.select(fn.COUNT(Case.id)), flt, at).scalar() or 0


def status_counts(*, at: dt.datetime) -> StatusCounts:
    """Open, overdue and due-today counts for the status bar (index-only on is_open, due_at)."""
    _start, end = _day_bounds(at.date())
    open_q = Case.select(fn.COUNT(Case.id)).where(Case.is_open == True)  # noqa: E712
    overdue = open_q.where(Case.due_at < at).scalar() or 0
    # Still to come today; overdue cases are counted once, as overdue.
    due_today = open_q.where((Case.due_at >= at) & (Case.due_at < end)).scalar() or 0
    return StatusCounts(open=open_q.scalar() or 0, overdue=overdue, due_today=due_today)


def case_timeline(case_id: int) -> list[TimelineEntry]:
    """Every event of a case, oldest first, with the actor's name."""
    query = (
        CaseEvent.select(
            CaseEvent.at,
            CaseEvent.kind,
            Staff.name,
            CaseEvent.from_status,
            CaseEvent.to_status,
            CaseEvent.note,
            CaseEvent.data,
        )
        .join(Staff, JOIN.LEFT_OUTER, on=(CaseEvent.actor == Staff.id))
        .where(CaseEvent.case == case_id)
        .order_by(CaseEvent.at, CaseEvent.id)
    )
    return [
        TimelineEntry(r[0], r[1], r[2] or "", r[3], r[4], r[5], json.loads(r[6] or "{}"))
        for r in query.tuples()
    ]


def open_statuses() -> list[str]:
    return [s for s in vocab.STATUSES if s in vocab.OPEN_STATUSES]
