"""The named queries of the district console: the consolidated case list across outlets,
one case in full, and the escalation queue the district leads (Art. 11).

The list filters and sorts in SQL and is read a page at a time, as the outlet's list is
(db/intake/queries.py). A search term goes through the character-and-pair index of
db/district/search.py: a count capped at ``search.COUNT_CAP`` ("more than 5,000"), and the
page either from the index (few matches) or by walking the cases in order, testing each
(many); both conditions are exact, so they only differ in speed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.district import search
from db.district.models import district_database
from db.store import vocab
from db.trust.masking import mask_phone

STATUS_OPEN = "open"  # not a stored status: every case still open
DISTRICT_LEVEL = "district_branch"  # the escalations the district's department leads

# Sort key -> column of ``outlet_case c``.
SORT_COLUMNS = {
    "received_at": "c.received_at",
    "outlet": "c.outlet_code",
    "case_no": "c.case_no",
    "status": "c.status",
    "severity": "c.severity",
    "customer_name": "c.customer_name",
    "cause": "c.cause",
    "due_at": "c.due_at",
}
_NULLABLE = {"due_at"}


@dataclass(frozen=True)
class DistrictCaseFilter:
    """What the consolidated list shows; every part narrows (AND)."""

    outlet_code: str | None = None
    status: str | None = None  # a stored status, STATUS_OPEN, or None for all
    overdue: bool = False  # open, its deadline passed
    urgent: bool = False
    escalated: bool = False  # sent up at least once
    term: str = ""  # Chinese text in the case number, customer name or description


@dataclass(frozen=True)
class DistrictCaseRow:
    outlet_code: str
    outlet_name: str
    case_no: str
    received_at: dt.datetime
    status: str
    severity: str
    customer_name: str
    customer_phone_masked: str
    cause: str
    due_at: dt.datetime | None
    is_open: bool
    escalations: int

    def is_overdue(self, at: dt.datetime) -> bool:
        return self.is_open and self.due_at is not None and self.due_at < at

    @property
    def urgent(self) -> bool:
        return self.severity == vocab.SEVERITY_URGENT


@dataclass(frozen=True)
class CaseCount:
    count: int  # exact unless ``more``
    more: bool  # a search with more than search.COUNT_CAP matches


_ROW = (
    "c.outlet_code, coalesce(o.name, ''), c.case_no, c.received_at, c.status, c.severity, "
    "c.customer_name, c.customer_phone, c.cause, c.due_at, c.is_open, "
    "(SELECT count(*) FROM case_escalation e "
    "WHERE e.outlet_code = c.outlet_code AND e.case_no = c.case_no)"
)


def _filter_parts(flt: DistrictCaseFilter, at: dt.datetime) -> tuple[list[str], list[object]]:
    parts: list[str] = []
    params: list[object] = []
    if flt.outlet_code:
        parts.append("c.outlet_code = %s")
        params.append(flt.outlet_code)
    if flt.status == STATUS_OPEN:
        parts.append("c.is_open")
    elif flt.status:
        parts.append("c.status = %s")
        params.append(flt.status)
    if flt.overdue:
        parts.append("c.is_open AND c.due_at < %s")
        params.append(at)
    if flt.urgent:
        parts.append("c.severity = %s")
        params.append(vocab.SEVERITY_URGENT)
    if flt.escalated:
        parts.append("c.escalated")
    return parts, params


def _where(flt: DistrictCaseFilter, at: dt.datetime, *, scan: bool) -> tuple[str, tuple]:
    parts, params = _filter_parts(flt, at)
    if search.normalized(flt.term):
        make = search.scan_condition if scan else search.indexed_condition
        cond = make(flt.term)
        parts.insert(0, cond.sql)
        params[:0] = cond.params
    return " AND ".join(parts) or "true", tuple(params)


def case_count(flt: DistrictCaseFilter, *, at: dt.datetime) -> CaseCount:
    """How many cases ``flt`` lets through: exact without a search term, capped with one."""
    if not search.normalized(flt.term):
        where, params = _where(flt, at, scan=False)
        sql = f"SELECT count(*) FROM outlet_case c WHERE {where}"
        return CaseCount(district_database.execute_sql(sql, params).fetchone()[0], False)
    with search._session():
        common = search.estimated_matches(flt.term) > search.COMMON
        where, params = _where(flt, at, scan=common)
        sql = f"SELECT count(*) FROM (SELECT 1 FROM outlet_case c WHERE {where} LIMIT %s) s"
        found = district_database.execute_sql(sql, (*params, search.COUNT_CAP + 1)).fetchone()[0]
    return CaseCount(min(found, search.COUNT_CAP), found > search.COUNT_CAP)


def _order(sort: str, descending: bool) -> str:
    column = SORT_COLUMNS.get(sort, SORT_COLUMNS["received_at"])
    way = "DESC" if descending else "ASC"
    nulls = " NULLS LAST" if sort in _NULLABLE else ""
    # The tie-breakers follow the direction, so the (received_at DESC, outlet, case) index
    # serves both directions.
    return f"ORDER BY {column} {way}{nulls}, c.outlet_code {way}, c.case_no {way}"


def case_page(
    flt: DistrictCaseFilter,
    *,
    at: dt.datetime,
    sort: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    count: CaseCount | None = None,
) -> list[DistrictCaseRow]:
    """A page of the cases ``flt`` lets through, in the order asked for. ``count`` is
    :func:`case_count`'s answer for the same filter (it decides how a search is read)."""
    order = _order(sort, descending)
    join = "LEFT JOIN outlet o ON o.code = c.outlet_code"
    if not search.normalized(flt.term):
        where, params = _where(flt, at, scan=False)
        sql = f"SELECT {_ROW} FROM outlet_case c {join} WHERE {where} {order} LIMIT %s OFFSET %s"
        rows = district_database.execute_sql(sql, (*params, limit, offset)).fetchall()
        return [_row(r) for r in rows]
    if count is None:
        count = case_count(flt, at=at)
    if not count.more and count.count <= offset:
        return []
    with search._session():
        where, params = _where(flt, at, scan=count.more)
        if count.more:
            sql = (
                f"SELECT {_ROW} FROM outlet_case c {join} WHERE {where} {order} LIMIT %s OFFSET %s"
            )
        else:  # few: every match from the index first, then sorted (see search.py)
            sql = (
                "WITH m AS MATERIALIZED (SELECT c.outlet_code, c.case_no FROM outlet_case c "
                f"WHERE {where}) SELECT {_ROW} FROM m JOIN outlet_case c USING "
                f"(outlet_code, case_no) {join} {order} LIMIT %s OFFSET %s"
            )
        rows = district_database.execute_sql(sql, (*params, limit, offset)).fetchall()
    return [_row(r) for r in rows]


def _row(raw: tuple) -> DistrictCaseRow:
    values = list(raw)
    values[7] = mask_phone(values[7] or "")
    return DistrictCaseRow(*values)


def outlets() -> list[tuple[str, str]]:
    """(code, name) of every enrolled outlet, by code: the outlet filter's choices."""
    rows = district_database.execute_sql("SELECT code, name FROM outlet ORDER BY code")
    return [(code, name) for code, name in rows.fetchall()]


# --- one case ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EscalationView:
    """One escalation an outlet sent, with the district's handling of it."""

    seq: int
    at: dt.datetime
    by_name: str
    level: str
    note: str
    accepted_at: dt.datetime | None
    accepted_by: str
    department: str
    psbc_counterpart: str
    notes: str
    result: str
    result_at: dt.datetime | None
    sent_down_at: dt.datetime | None


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    actor_name: str
    kind: str
    to_status: str
    note: str


@dataclass(frozen=True)
class DistrictCaseDetail:
    row: DistrictCaseRow
    route: str
    channel: str
    business_type: str
    remedy_requested: str
    description: str
    first_ask_owner_name: str
    handler_name: str
    agreed_reply_at: dt.datetime | None
    settlement: str
    closed_at: dt.datetime | None
    bundle_seq: int
    consolidated_at: dt.datetime
    escalations: list[EscalationView]
    events: list[EventView]


# The columns of ``outlet_case`` that the detail adds to the row, named as its fields.
_DETAIL_FIELDS = (
    "route",
    "channel",
    "business_type",
    "remedy_requested",
    "description",
    "first_ask_owner_name",
    "handler_name",
    "agreed_reply_at",
    "settlement",
    "closed_at",
    "bundle_seq",
    "consolidated_at",
)
_DETAIL = ", ".join(f"c.{name}" for name in _DETAIL_FIELDS)
_HANDLING = (
    "h.accepted_at, coalesce(h.accepted_by, ''), coalesce(h.department, ''), "
    "coalesce(h.psbc_counterpart, ''), coalesce(h.notes, ''), coalesce(h.result, ''), "
    "h.result_at, h.sent_down_at"
)
_HANDLING_JOIN = (
    "LEFT JOIN escalation_handling h ON h.outlet_code = e.outlet_code "
    "AND h.case_no = e.case_no AND h.escalation_seq = e.seq"
)


def case_detail(outlet_code: str, case_no: str) -> DistrictCaseDetail | None:
    """Case ``case_no`` of ``outlet_code`` as its outlet last stated it, with its
    escalations (and the district's handling) and its timeline; None if not held."""
    raw = district_database.execute_sql(
        f"SELECT {_ROW}, {_DETAIL} FROM outlet_case c LEFT JOIN outlet o ON o.code = "
        "c.outlet_code WHERE c.outlet_code = %s AND c.case_no = %s",
        (outlet_code, case_no),
    ).fetchone()
    if raw is None:
        return None
    escalations = district_database.execute_sql(
        f"SELECT e.seq, e.at, e.by_name, e.level, e.note, {_HANDLING} FROM case_escalation e "
        f"{_HANDLING_JOIN} WHERE e.outlet_code = %s AND e.case_no = %s ORDER BY e.seq",
        (outlet_code, case_no),
    ).fetchall()
    events = district_database.execute_sql(
        "SELECT at, actor_name, kind, to_status, note FROM case_event "
        "WHERE outlet_code = %s AND case_no = %s ORDER BY seq",
        (outlet_code, case_no),
    ).fetchall()
    return DistrictCaseDetail(
        row=_row(raw[:12]),
        escalations=[EscalationView(*e) for e in escalations],
        events=[EventView(*e) for e in events],
        **dict(zip(_DETAIL_FIELDS, raw[12:], strict=True)),
    )


# --- the escalation queue (Art. 11) --------------------------------------------------------

QUEUE_WAITING = "waiting"  # sent up, not accepted yet
QUEUE_IN_HAND = "in_hand"  # accepted, no result yet
QUEUE_TO_SEND = "to_send"  # a result (new or changed) not yet sent down
QUEUE_SENT = "sent"  # the result went down
QUEUE_STATES = (QUEUE_WAITING, QUEUE_IN_HAND, QUEUE_TO_SEND, QUEUE_SENT)
QUEUE_OPEN = "open"  # every state but sent

_STATE = (
    "CASE WHEN h.accepted_at IS NULL THEN 'waiting' "
    "WHEN coalesce(h.result, '') = '' THEN 'in_hand' "
    "WHEN h.sent_down_at IS NULL OR h.sent_down_at < h.updated_at THEN 'to_send' "
    "ELSE 'sent' END"
)


@dataclass(frozen=True)
class QueueEntry:
    outlet_code: str
    outlet_name: str
    case_no: str
    escalation_seq: int
    escalated_at: dt.datetime
    by_name: str
    note: str
    case_status: str
    customer_name: str
    accepted_at: dt.datetime | None
    accepted_by: str
    department: str
    psbc_counterpart: str
    notes: str
    result: str
    result_at: dt.datetime | None
    sent_down_at: dt.datetime | None
    state: str

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.outlet_code, self.case_no, self.escalation_seq)


def escalation_queue(
    state: str | None = QUEUE_OPEN, *, outlet_code: str | None = None
) -> list[QueueEntry]:
    """The escalations to the district branch's competent department (Art. 11), oldest
    first: ``state`` one of QUEUE_STATES, QUEUE_OPEN (all but those sent down) or None (all)."""
    parts = ["e.level = %s"]
    params: list[object] = [DISTRICT_LEVEL]
    if state == QUEUE_OPEN:
        parts.append(f"{_STATE} <> %s")
        params.append(QUEUE_SENT)
    elif state is not None:
        parts.append(f"{_STATE} = %s")
        params.append(state)
    if outlet_code:
        parts.append("e.outlet_code = %s")
        params.append(outlet_code)
    sql = (
        "SELECT e.outlet_code, coalesce(o.name, ''), e.case_no, e.seq, e.at, e.by_name, e.note, "
        f"c.status, c.customer_name, {_HANDLING}, {_STATE} FROM case_escalation e "
        "JOIN outlet_case c ON c.outlet_code = e.outlet_code AND c.case_no = e.case_no "
        f"LEFT JOIN outlet o ON o.code = e.outlet_code {_HANDLING_JOIN} "
        f"WHERE {' AND '.join(parts)} ORDER BY e.at, e.outlet_code, e.case_no, e.seq"
    )
    rows = district_database.execute_sql(sql, tuple(params)).fetchall()
    return [QueueEntry(*r) for r in rows]
