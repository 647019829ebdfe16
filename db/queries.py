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

from peewee import JOIN, SQL, Expression, NodeList, fn

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


# Above this many full-text hits, the page walks the sort index and tests each row against
# the hits instead of sorting all of them (tests/benchmarks/FINDINGS.md, section 4).
WALK_THRESHOLD = 2000


def _search_match(text: str) -> tuple[str, list[str]] | None:
    """The full-text subquery that answers ``text``, or None when only LIKE can."""
    db = database.obj
    if sqlite_features.short_query_supported(text) and _ready(db, "grams"):
        return sqlite_features.short_match_sql(text)
    if _ready(db, "trigram"):
        return sqlite_features.search_match_sql(text)
    return None


def _search_hits(text: str) -> int | None:
    """How many cases the full-text index finds for ``text`` (None: not answerable)."""
    match = _search_match(text)
    if match is None:
        return None
    sql, params = match
    return database.execute_sql(
        sql.replace("SELECT rowid", "SELECT count(*)", 1), params
    ).fetchone()[0]


def _only_search(flt: CaseFilter) -> bool:
    return bool(flt.search.strip()) and flt == CaseFilter(search=flt.search)


def _conditions(flt: CaseFilter, at: dt.datetime, *, walk: bool = False) -> list[Expression]:
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
        match = _search_match(text)
        if match is not None:
            sql, params = match
            if walk:
                # Unary + keeps SQLite from driving the query by the id list, so it walks
                # the sort order and stops after one page.
                plus_id = NodeList((SQL("+"), Case.id), glue="")
                conds.append(Expression(plus_id, "IN", SQL(f"({sql})", params)))
            else:
                conds.append(Case.id.in_(SQL(f"({sql})", params)))
        else:
            # contains() is LIKE '%...%' with the wildcards in ``text`` escaped.
            conds.append(
                Case.case_no.contains(text)
                | Case.customer_name.contains(text)
                | Case.description.contains(text)
            )
    return conds


def _ready(db, kind: str) -> bool:
    """Whether the open database has a search index; asked once per database object."""
    cache = db.__dict__.setdefault("_complaint_desk_search_ready", {})
    if kind not in cache:
        if kind == "grams":
            cache[kind] = sqlite_features.short_search_present(db)
        else:
            cache[kind] = sqlite_features.search_index_present(db)
    return cache[kind]


def _filtered(query, flt: CaseFilter, at: dt.datetime, *, walk: bool = False):
    for cond in _conditions(flt, at, walk=walk):
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
    # Ties are broken as the (column, received_at) indexes order them, so SQLite reads
    # the first page straight off an index instead of sorting a whole group.
    keys = [column]
    if sort == "owner":
        keys.append(Staff.id)
    if column is not Case.received_at:
        keys.append(Case.received_at)
    keys.append(Case.id)
    order = [k.desc() if descending else k.asc() for k in keys]
    text = flt.search.strip()
    hits = _search_hits(text) if text else None
    walk = hits is not None and hits >= WALK_THRESHOLD
    columns = (
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
    if sort == "owner" and flt == CaseFilter():
        # Driving from staff lets SQLite walk the staff name index and each owner's cases
        # in order; it does not find that plan by itself without ANALYZE statistics. With a
        # filter, the filter's own index is the better driver.
        query = (
            Staff.select(*columns).join(Case, JOIN.CROSS).where(Case.first_ask_owner == Staff.id)
        )
    else:
        query = Case.select(*columns).join(Staff, on=(Case.first_ask_owner == Staff.id))
    query = query.order_by(*order).offset(offset).limit(limit)
    query = _filtered(query, flt, at, walk=walk)
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
    if _only_search(flt):
        hits = _search_hits(flt.search.strip())
        if hits is not None:
            return hits
    # count(*) rather than count(id): only the former lets SQLite count from the smallest
    # index without reading rows.
    return _filtered(Case.select(fn.COUNT(SQL("*"))), flt, at).scalar() or 0


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
