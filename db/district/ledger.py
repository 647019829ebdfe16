"""The district's complaint ledger across outlets (投诉台账): one row per case of every
outlet, received in a year, as the outlet's own ledger has it (db/reporting/report_data.py
``LedgerRow``), with the outlet's code and name before it.

Each row is made by the outlet ledger's own ``report_data.ledger_row``: customer data masked
as there (db/trust/masking.py: the name to its surname, the phone and ID numbers to their
first three and last four, and the same in the free text), and overdue by its rule, the
agreed reply time against the first reply, feedback, closing or settlement the outlet
recorded. Read in batches by keyset on (outlet, received,
case number), so a district's year streams in constant memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from db.district.models import district_database
from db.district.overview import require_outlet
from db.errors import WorkflowError
from db.management import targets as tg
from db.reporting.report_data import REPLY_EVENT_KINDS, REPLY_STATUSES, LedgerRow, ledger_row

_KINDS = ", ".join(f"'{k}'" for k in REPLY_EVENT_KINDS)
_STATUSES = ", ".join(f"'{s}'" for s in REPLY_STATUSES)
_FIRST_REPLY = (
    "(SELECT min(e.at) FROM case_event e WHERE e.outlet_code = c.outlet_code "
    f"AND e.case_no = c.case_no AND (e.kind IN ({_KINDS}) OR e.to_status IN ({_STATUSES})))"
)
_COLUMNS = (
    "c.outlet_code, coalesce(o.name, ''), c.case_no, c.received_at, c.route, c.channel, "
    "c.business_type, c.cause, c.severity, c.urgent_triggers, c.customer_name, "
    "c.customer_phone, c.customer_id_no, c.remedy_requested, c.description, "
    "c.first_ask_owner_name, c.handler_name, c.status, c.is_open, c.agreed_reply_at, "
    f"c.closed_at, {_FIRST_REPLY}"
)


def year_bounds(year: object) -> tuple[dt.datetime, dt.datetime]:
    """[1 January, next 1 January) of ``year``; ``bad_period`` outside the years periods
    may have (2000-2099)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise WorkflowError("bad_period", value=str(year))
    p = tg.Period(tg.YEAR, year)
    return p.start, p.end


def _where(lo, hi, outlet_code: str | None) -> tuple[str, list[object]]:
    parts, params = ["c.received_at >= %s AND c.received_at < %s"], [lo, hi]
    if outlet_code is not None:
        parts.append("c.outlet_code = %s")
        params.append(outlet_code)
    return " AND ".join(parts), params


def ledger_count(year: int, *, outlet_code: str | None = None) -> int:
    lo, hi = year_bounds(year)
    code = require_outlet(outlet_code) if outlet_code is not None else None
    where, params = _where(lo, hi, code)
    sql = f"SELECT count(*) FROM outlet_case c WHERE {where}"
    return district_database.execute_sql(sql, tuple(params)).fetchone()[0]


def ledger_rows(
    year: int,
    *,
    at: dt.datetime | None = None,
    outlet_code: str | None = None,
    batch_size: int = 2000,
) -> Iterator[tuple[tuple[str, str], LedgerRow]]:
    """((outlet code, outlet name), the case's ledger row) of every case received in
    ``year``, by outlet, then oldest first; ``at`` (local time, default now) decides whether
    an open case is overdue. A bad year or an unknown outlet is refused here, before the
    first row is read."""
    lo, hi = year_bounds(year)
    code = require_outlet(outlet_code) if outlet_code is not None else None
    return _rows(lo, hi, code, at or dt.datetime.now().replace(microsecond=0), batch_size)


def _rows(lo, hi, outlet_code, at, batch_size) -> Iterator[tuple[tuple[str, str], LedgerRow]]:
    where, params = _where(lo, hi, outlet_code)
    base = (
        f"SELECT {_COLUMNS} FROM outlet_case c LEFT JOIN outlet o ON o.code = c.outlet_code "
        f"WHERE {where}"
    )
    order = " ORDER BY c.outlet_code, c.received_at, c.case_no LIMIT %s"
    no = 0
    after: tuple | None = None
    while True:
        if after is None:
            sql, args = base + order, (*params, batch_size)
        else:
            sql = base + " AND (c.outlet_code, c.received_at, c.case_no) > (%s, %s, %s)" + order
            args = (*params, *after, batch_size)
        batch = district_database.execute_sql(sql, args).fetchall()
        for r in batch:
            no += 1
            values = (*r[2:9], tuple(r[9] or ()), *r[10:])
            yield (r[0], r[1]), ledger_row(no, values, reveal=False, at=at)
        if len(batch) < batch_size:
            return
        after = (batch[-1][0], batch[-1][3], batch[-1][2])
