"""Named queries behind the case list, the status bar and the case view.

Filtering, sorting, counting and searching all happen in SQL, on indexed columns, so the
list stays instant at a million cases. Widgets call these functions; they never build
queries themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, overload

from peewee import JOIN, fn

from db.intake import accountability
from db.store import codes, sqlite_features, vocab
from db.store.models import Case, CaseEvent, Staff, database
from db.store.rows import tuples
from db.trust.masking import mask_phone

# Sort keys the list offers, mapped to the list SQL's columns (aliases c = case, s = its
# first-ask owner). Each is indexed or cheap to order by.
SORT_COLUMNS = {
    "received_at": "c.received_at",
    "case_no": "c.case_no",
    "status": "c.status",
    "severity": "c.severity",
    "due_at": "c.due_at",
    "customer_name": "c.customer_name",
    "cause": "c.cause",
    "owner": "s.name",
}

STATUS_OPEN = "open"  # pseudo-status for the filter: every status that is still open


@dataclass
class CaseFilter:
    """What the case list shows. None / False means 'no restriction'."""

    status: str | None = None
    severity: str | None = None
    overdue: bool = False
    due_today: bool = False
    # Open and past the warning point of its deadline, not yet overdue.
    near_breach: bool = False
    cause: str | None = None
    owner_id: int | None = None
    # Cases this person is reminded of: the accountable person, or the prospective
    # handler of a pending transfer (db.intake.accountability).
    reminded_id: int | None = None
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


# --- the case list's SQL ----------------------------------------------------------------------
#
# The list's two statements (count and page) are written as SQL text from fragments rather
# than built as peewee expressions: compiling a peewee query took ~0.2 ms each time, several
# times the cost of running it on an index (tests/benchmarks/FINDINGS.md). The statements
# still go through ``database.execute_sql`` (one connection, peewee's logging and error
# mapping), and every value is a bound parameter. Dates are bound as the text sqlite3 stores
# them as (``isoformat(" ")``), which is what peewee sends too.

_CASE = Case._meta.table_name
_STAFF = Staff._meta.table_name
_PAGE_COLUMNS = (
    "c.id, c.case_no, c.received_at, c.status, c.severity, c.customer_name, "
    "c.customer_phone, c.cause, c.channel, s.name, c.due_at, c.is_open, c.warn_at"
)
_FROM_CASE = f"{_CASE} AS c JOIN {_STAFF} AS s ON c.first_ask_owner_id = s.id"
# Driving from staff lets SQLite walk the staff name index and each owner's cases in
# order; it does not find that plan by itself without ANALYZE statistics.
_FROM_STAFF = f"{_STAFF} AS s CROSS JOIN {_CASE} AS c"
_NO_FILTER = CaseFilter()


def _time_param(value: dt.datetime) -> str:
    return value.isoformat(" ")


def _like_param(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` escaped (used with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%"


def _where(flt: CaseFilter, at: dt.datetime, *, walk: bool = False) -> tuple[str, list]:
    """The WHERE clause (or "") and its parameters for ``flt``, on alias ``c``."""
    conds: list[str] = []
    params: list = []
    if flt.status == STATUS_OPEN:
        conds.append("c.is_open = 1")
    elif flt.status:
        conds.append("c.status = ?")
        params.append(flt.status)
    if flt.severity:
        conds.append("c.severity = ?")
        params.append(flt.severity)
    # Overdue, due today and near the deadline are slices of one timeline; ticked together
    # they are joined by OR: overdue and due today mean "open and due before the end of
    # today".
    if flt.overdue or flt.due_today or flt.near_breach:
        end = _time_param(_day_bounds(at.date())[1])
        now_text = _time_param(at)
        slices: list[str] = []
        if flt.overdue and flt.due_today:
            slices.append("c.due_at < ? OR (c.due_at >= ? AND c.due_at < ?)")
            params += [now_text, now_text, end]
        elif flt.overdue:
            slices.append("c.due_at < ?")
            params.append(now_text)
        elif flt.due_today:
            slices.append("c.due_at >= ? AND c.due_at < ?")
            params += [now_text, end]
        if flt.near_breach:
            slices.append("c.warn_at <= ? AND c.due_at >= ?")
            params += [now_text, now_text]
        timeline = slices[0] if len(slices) == 1 else " OR ".join(f"({s})" for s in slices)
        conds.append(f"c.is_open = 1 AND ({timeline})")
    if flt.cause:
        conds.append("c.cause = ?")
        params.append(flt.cause)
    if flt.owner_id is not None:
        conds.append("c.first_ask_owner_id = ?")
        params.append(flt.owner_id)
    if flt.reminded_id is not None:
        sql, reminded_params = accountability.reminded_condition(flt.reminded_id)
        conds.append(sql)
        params += reminded_params
    if flt.received_from:
        conds.append("c.received_at >= ?")
        params.append(_time_param(_day_bounds(flt.received_from)[0]))
    if flt.received_to:
        conds.append("c.received_at < ?")
        params.append(_time_param(_day_bounds(flt.received_to)[1]))
    text = flt.search.strip()
    if text:
        match = _search_match(text)
        if match is not None:
            sql, match_params = match
            # Unary + keeps SQLite from driving the query by the id list, so it walks the
            # sort order and stops after one page.
            conds.append(f"{'+c.id' if walk else 'c.id'} IN ({sql})")
            params += match_params
        else:
            conds.append(
                "(c.case_no LIKE ? ESCAPE '\\' OR c.customer_name LIKE ? ESCAPE '\\' "
                "OR c.description LIKE ? ESCAPE '\\')"
            )
            like = _like_param(text)
            params += [like, like, like]
    if not conds:
        return "", params
    return " WHERE " + " AND ".join(f"({c})" for c in conds), params


def _ready(db, kind: str) -> bool:
    """Whether the open database has a search index; asked once per database object."""
    cache = db.__dict__.setdefault("_complaint_desk_search_ready", {})
    if kind not in cache:
        if kind == "grams":
            cache[kind] = sqlite_features.short_search_present(db)
        else:
            cache[kind] = sqlite_features.search_index_present(db)
    return cache[kind]


def _when(text: str | None) -> dt.datetime | None:
    """A stored time as a datetime (what peewee's DateTimeField would give)."""
    if text is None or isinstance(text, dt.datetime):
        return text
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return Case.received_at.python_value(text)


def case_row(raw: tuple) -> CaseRow:
    """A page row as fetched (see ``CasePage.raw``) turned into a CaseRow."""
    return CaseRow(
        id=raw[0],
        case_no=raw[1],
        received_at=_when(raw[2]) or dt.datetime.min,  # never NULL in the table
        status=raw[3],
        severity=raw[4],
        customer_name=raw[5],
        customer_phone_masked=mask_phone(raw[6]),
        cause=raw[7],
        channel=raw[8],
        owner_name=raw[9],
        due_at=_when(raw[10]),
        is_open=bool(raw[11]),
        warn_at=_when(raw[12]),
    )


class CasePage(Sequence[CaseRow]):
    """One page of the case list. The rows are fetched at once and each becomes a CaseRow
    when first read, so a list view converts only the rows it paints. ``raw`` holds the
    fetched tuples (``case_row`` converts one; the id is ``raw[i][0]``)."""

    __slots__ = ("raw", "_rows")

    def __init__(self, raw: list[tuple]) -> None:
        self.raw = raw
        self._rows: list[CaseRow | None] = [None] * len(raw)

    def __len__(self) -> int:
        return len(self.raw)

    @overload
    def __getitem__(self, index: int) -> CaseRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[CaseRow]: ...

    def __getitem__(self, index: int | slice) -> CaseRow | list[CaseRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.raw)))]
        row = self._rows[index]
        if row is None:
            row = self._rows[index] = case_row(self.raw[index])
        return row

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (CasePage, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CasePage({list(self)!r})"


def case_page(
    flt: CaseFilter,
    *,
    at: dt.datetime,
    sort: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> CasePage:
    """One page of the case list, filtered and sorted in SQL."""
    if sort not in SORT_COLUMNS:
        sort = "received_at"
    # Ties are broken as the (column, received_at) indexes order them, so SQLite reads
    # the first page straight off an index instead of sorting a whole group.
    keys = [SORT_COLUMNS[sort]]
    if sort == "owner":
        keys.append("s.id")
    if sort != "received_at":
        keys.append("c.received_at")
    keys.append("c.id")
    direction = " DESC" if descending else " ASC"
    order = ", ".join(k + direction for k in keys)
    text = flt.search.strip()
    hits = _search_hits(text) if text else None
    walk = hits is not None and hits >= WALK_THRESHOLD
    where, params = _where(flt, at, walk=walk)
    if sort == "owner" and flt == _NO_FILTER:
        # With a filter, the filter's own index is the better driver (see _FROM_STAFF).
        # No filter, so no other condition: the join is the whole WHERE clause.
        source, where = _FROM_STAFF, " WHERE c.first_ask_owner_id = s.id"
    else:
        source = _FROM_CASE
    sql = f"SELECT {_PAGE_COLUMNS} FROM {source}{where} ORDER BY {order} LIMIT ? OFFSET ?"
    params += [limit, offset]
    return CasePage(database.execute_sql(sql, params).fetchall())


def case_count(flt: CaseFilter, *, at: dt.datetime) -> int:
    """How many cases match the filter."""
    if _only_search(flt):
        hits = _search_hits(flt.search.strip())
        if hits is not None:
            return hits
    # count(*) rather than count(id): only the former lets SQLite count from the smallest
    # index without reading rows.
    where, params = _where(flt, at)
    return database.execute_sql(f"SELECT count(*) FROM {_CASE} AS c{where}", params).fetchone()[0]


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
        for r in tuples(query)
    ]


def has_escalation(case_id: int) -> bool:
    """Whether the case was ever escalated (so it has an escalation report)."""
    return (
        CaseEvent.select(CaseEvent.id)
        .where((CaseEvent.case == case_id) & (CaseEvent.kind == codes.EVENT_ESCALATED))
        .exists()
    )


def open_statuses() -> list[str]:
    return [s for s in vocab.STATUSES if s in vocab.OPEN_STATUSES]
