"""The named queries of the district's work-order list: every work order it received from
95580, 12378, superior offices and petitions, where it stands, and the reply against its
reply-by.

Where a work order stands is worked out in SQL, once (``_STATE``), from what is stored:

- ``unassigned``: no outlet yet (a file that named none);
- ``to_send``: assigned, not yet in a bundle down;
- ``sent``: sent down, no reply yet, the reply-by not passed;
- ``overdue``: no reply, the reply-by passed (sent or not: the time limit runs all the same);
- ``replied_on_time`` / ``replied_late``: the reply against the reply-by.

The reply is the outlet's, as its bundles state it (``outlet_work_order``), or the
district's own answer to the superior body (``district_work_order.replied_at``), whichever
came first. Times of work orders are the outlet's wall-clock time without a zone, as in
the bundles, so ``at`` is local time too. The list filters and sorts in SQL and is read a
page at a time; customers' phone numbers are masked (db/trust/masking.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.district.models import district_database
from db.trust.masking import mask_phone

STATE_UNASSIGNED = "unassigned"
STATE_TO_SEND = "to_send"
STATE_SENT = "sent"
STATE_OVERDUE = "overdue"
STATE_ON_TIME = "replied_on_time"
STATE_LATE = "replied_late"
STATES = (STATE_UNASSIGNED, STATE_TO_SEND, STATE_SENT, STATE_OVERDUE, STATE_ON_TIME, STATE_LATE)
STATE_OPEN = "open"  # a filter, not a state: every work order without a reply
REPLIED = (STATE_ON_TIME, STATE_LATE)

# The moment of the first reply: the outlet's or the district's own (LEAST skips nulls).
_REPLIED_AT = "LEAST(o.replied_at, d.replied_at)"
_STATE = (
    f"CASE WHEN {_REPLIED_AT} IS NOT NULL THEN "
    f"CASE WHEN d.reply_by IS NULL OR {_REPLIED_AT} <= d.reply_by "
    "THEN 'replied_on_time' ELSE 'replied_late' END "
    "WHEN d.reply_by < %(at)s THEN 'overdue' "
    "WHEN d.outlet_code IS NULL THEN 'unassigned' "
    "WHEN d.sent_down_at IS NULL THEN 'to_send' "
    "ELSE 'sent' END"
)
_FROM = (
    "FROM district_work_order d "
    "LEFT JOIN outlet_work_order o ON o.outlet_code = d.outlet_code "
    "AND o.source = d.source AND o.number = d.number "
    "LEFT JOIN outlet t ON t.code = d.outlet_code"
)
_LISTED = (
    "SELECT d.source, d.number, d.outlet_code, coalesce(t.name, '') AS outlet_name, "
    "d.received_at, d.reply_by, d.customer_name, d.customer_phone, d.content, "
    "d.may_concern_outlet, d.head_callback_required, d.created_by, d.sent_down_at, "
    "o.replied_at AS outlet_replied_at, coalesce(o.reply_content, '') AS outlet_reply, "
    "coalesce(o.replied_by_name, '') AS outlet_replied_by, d.replied_at AS district_replied_at, "
    "d.reply_content AS district_reply, d.replied_by_name AS district_replied_by, "
    f"{_REPLIED_AT} AS replied_at, {_STATE} AS state {_FROM}"
)

# Sort key -> column of the listed rows.
SORT_COLUMNS = {
    "received_at": "received_at",
    "reply_by": "reply_by",
    "outlet": "outlet_code",
    "source": "source",
    "number": "number",
    "state": "array_position(ARRAY[{}]::text[], state)".format(", ".join(f"'{s}'" for s in STATES)),
    "customer_name": "customer_name",
    "replied_at": "replied_at",
}
_NULLABLE = {"reply_by", "outlet", "replied_at"}


@dataclass(frozen=True)
class WorkOrderFilter:
    """What the list shows; every part narrows (AND)."""

    outlet_code: str | None = None
    source: str | None = None
    state: str | None = None  # one of STATES, STATE_OPEN, or None for all


@dataclass(frozen=True)
class WorkOrderRow:
    source: str
    number: str
    outlet_code: str | None
    outlet_name: str
    received_at: dt.datetime
    reply_by: dt.datetime | None
    customer_name: str
    customer_phone_masked: str
    content: str
    may_concern_outlet: bool
    head_callback_required: bool
    created_by: str
    sent_down_at: dt.datetime | None
    outlet_replied_at: dt.datetime | None
    outlet_reply: str
    outlet_replied_by: str
    district_replied_at: dt.datetime | None
    district_reply: str
    district_replied_by: str
    replied_at: dt.datetime | None
    state: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.number)

    @property
    def on_time(self) -> bool | None:
        """True or False once replied (against the reply-by); None while unreplied."""
        if self.state not in REPLIED:
            return None
        return self.state == STATE_ON_TIME


def _where(flt: WorkOrderFilter) -> tuple[str, dict[str, object]]:
    parts: list[str] = []
    params: dict[str, object] = {}
    if flt.outlet_code:
        parts.append("outlet_code = %(outlet)s")
        params["outlet"] = flt.outlet_code
    if flt.source:
        parts.append("source = %(source)s")
        params["source"] = flt.source
    if flt.state == STATE_OPEN:
        parts.append("replied_at IS NULL")
    elif flt.state:
        parts.append("state = %(state)s")
        params["state"] = flt.state
    return " AND ".join(parts) or "true", params


def work_order_count(flt: WorkOrderFilter, *, at: dt.datetime) -> int:
    """How many work orders ``flt`` lets through at ``at`` (local time)."""
    where, params = _where(flt)
    sql = f"SELECT count(*) FROM ({_LISTED}) w WHERE {where}"
    return district_database.execute_sql(sql, {**params, "at": at}).fetchone()[0]


def _order(sort: str, descending: bool) -> str:
    column = SORT_COLUMNS.get(sort, SORT_COLUMNS["received_at"])
    way = "DESC" if descending else "ASC"
    nulls = " NULLS LAST" if sort in _NULLABLE else ""
    return f"ORDER BY {column} {way}{nulls}, source {way}, number {way}"


def work_order_page(
    flt: WorkOrderFilter,
    *,
    at: dt.datetime,
    sort: str = "received_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[WorkOrderRow]:
    """A page of the work orders ``flt`` lets through, in the order asked for."""
    where, params = _where(flt)
    sql = (
        f"SELECT * FROM ({_LISTED}) w WHERE {where} {_order(sort, descending)} "
        "LIMIT %(limit)s OFFSET %(offset)s"
    )
    rows = district_database.execute_sql(
        sql, {**params, "at": at, "limit": limit, "offset": offset}
    ).fetchall()
    return [_row(r) for r in rows]


def work_order_row(source: str, number: str, *, at: dt.datetime) -> WorkOrderRow | None:
    """One work order as the list shows it, or None."""
    sql = f"SELECT * FROM ({_LISTED}) w WHERE source = %(source)s AND number = %(number)s"
    raw = district_database.execute_sql(
        sql, {"source": source, "number": number, "at": at}
    ).fetchone()
    return _row(raw) if raw is not None else None


def _row(raw: tuple) -> WorkOrderRow:
    values = list(raw)
    values[7] = mask_phone(values[7] or "")
    return WorkOrderRow(*values)


def assignable_outlets() -> list[tuple[str, str]]:
    """(code, name) of the enrolled, active outlets, by code: the only ones a work order may
    go to."""
    rows = district_database.execute_sql("SELECT code, name FROM outlet WHERE active ORDER BY code")
    return [(code, name) for code, name in rows.fetchall()]
