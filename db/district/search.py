"""Chinese search over the district's consolidated cases, indexed for every term length.

A term matches a case when it is part of the case number, the customer name or the
description, ignoring case (migration 0002 describes the index). The SQL is written once
here, with bound parameters; the benchmark (tests/benchmarks/district_search.py) runs the
same text through raw psycopg.

A search is two queries, and the first decides the plan of the second:

1. **How many** (:func:`count_cases`): through the character-and-pair GIN index alone
   (plus ``strpos`` on the rows it yields for 3+ characters), stopping at
   ``COUNT_CAP + 1``: a term found in most cases (客) says "more than 5,000" instead of
   counting 900,000 rows.
2. **The page** (:func:`search_cases`), newest first:
   - few matches (up to ``COUNT_CAP``): the index gives them all, then they are sorted;
   - many: the cases are read newest first along the ``received_at`` index and each one
     tested with ``strpos``; with so many matches, a page is full after a few thousand.

   Each plan costs at most about ``COUNT_CAP`` rows on a million cases (the two meet at
   the square root of 50 x the table), where either plan alone would read every match of
   a common term or walk far for a rare one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from db.district.models import district_database

PAGE_SIZE = 50
COUNT_CAP = 5_000
MAX_TERM = 100
_SPACE = re.compile(r"\s")
_TEXT = "district_search_text(c.case_no, c.customer_name, c.description)"
_GRAMS = f"district_search_grams({_TEXT})"


def normalized(term: str) -> str:
    """The term as searched: trimmed, lowercased as PostgreSQL's ``lower`` does for the
    scripts in use (Python's ``lower`` agrees on CJK, Latin and digits)."""
    return term.strip().lower()[:MAX_TERM]


def term_grams(term: str) -> list[str]:
    """What the index must hold for ``term``: the term itself when it is one or two
    characters, else each distinct adjacent pair (pairs holding white space left out; a
    term of single characters between spaces needs each of them)."""
    text = normalized(term)
    if len(text) <= 2:
        return [text] if text else []
    pairs = sorted({text[i : i + 2] for i in range(len(text) - 1)})
    pairs = [p for p in pairs if not _SPACE.search(p)]
    return pairs or sorted({c for c in text if not c.isspace()})


@dataclass(frozen=True)
class Condition:
    """A WHERE clause over ``outlet_case c`` and its parameters."""

    sql: str
    params: tuple


def _outlet(parts: list[str], params: list, outlet_code: str | None) -> None:
    if outlet_code is not None:
        parts.append("c.outlet_code = %s")
        params.append(outlet_code)


def indexed_condition(term: str, *, outlet_code: str | None = None) -> Condition:
    """The term through the character-and-pair index (exact for 1-2 characters)."""
    text = normalized(term)
    parts: list[str] = []
    params: list[object] = []
    if text:
        parts.append(f"{_GRAMS} @> %s::text[]")
        params.append(term_grams(text))
        if len(text) > 2:
            parts.append(f"strpos({_TEXT}, %s) > 0")
            params.append(text)
    _outlet(parts, params, outlet_code)
    return Condition(" AND ".join(parts) or "true", tuple(params))


def scan_condition(term: str, *, outlet_code: str | None = None) -> Condition:
    """The term tested row by row (for walking the newest cases when matches abound)."""
    text = normalized(term)
    parts: list[str] = []
    params: list[object] = []
    if text:
        parts.append(f"strpos({_TEXT}, %s) > 0")
        params.append(text)
    _outlet(parts, params, outlet_code)
    return Condition(" AND ".join(parts) or "true", tuple(params))


@dataclass(frozen=True)
class CaseHit:
    outlet_code: str
    case_no: str
    received_at: dt.datetime
    customer_name: str
    status: str
    is_open: bool
    description: str


_COLUMNS = (
    "c.outlet_code, c.case_no, c.received_at, c.customer_name, c.status, c.is_open, c.description"
)
_ORDER = "ORDER BY received_at DESC, outlet_code, case_no LIMIT %s OFFSET %s"
# Many matches: walk the newest cases, test each (the planner takes the received_at index).
PAGE_SQL = f"SELECT {_COLUMNS} FROM outlet_case c WHERE {{where}} {_ORDER}"
# Few matches: all of them from the index first (MATERIALIZED, so the planner cannot walk
# received_at computing the pairs of every case it passes), then sorted.
FEW_PAGE_SQL = (
    f"WITH m AS MATERIALIZED (SELECT {_COLUMNS} FROM outlet_case c WHERE {{where}}) "
    f"SELECT * FROM m {_ORDER}"
)
COUNT_SQL = "SELECT count(*) FROM outlet_case c WHERE {where}"
CAPPED_COUNT_SQL = "SELECT count(*) FROM (SELECT 1 FROM outlet_case c WHERE {where} LIMIT %s) s"


def count_sql(
    term: str, *, outlet_code: str | None = None, cap: int | None = COUNT_CAP
) -> tuple[str, tuple]:
    cond = indexed_condition(term, outlet_code=outlet_code)
    if cap is None:
        return COUNT_SQL.format(where=cond.sql), cond.params
    return CAPPED_COUNT_SQL.format(where=cond.sql), (*cond.params, cap + 1)


def page_sql(
    term: str,
    *,
    many: bool,
    outlet_code: str | None = None,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> tuple[str, tuple]:
    """The page query: along the index for few matches, along ``received_at`` for many."""
    if many or not normalized(term):
        cond = scan_condition(term, outlet_code=outlet_code)
        return PAGE_SQL.format(where=cond.sql), (*cond.params, limit, offset)
    cond = indexed_condition(term, outlet_code=outlet_code)
    return FEW_PAGE_SQL.format(where=cond.sql), (*cond.params, limit, offset)


def count_cases(term: str, *, outlet_code: str | None = None, cap: int | None = COUNT_CAP) -> int:
    """How many cases match ``term``: exact up to ``cap``; ``cap + 1`` means "more than
    ``cap``". ``cap=None`` counts them all."""
    sql, params = count_sql(term, outlet_code=outlet_code, cap=cap)
    return district_database.execute_sql(sql, params).fetchone()[0]


def search_cases(
    term: str,
    *,
    outlet_code: str | None = None,
    limit: int = PAGE_SIZE,
    offset: int = 0,
    count: int | None = None,
) -> list[CaseHit]:
    """A page of the cases matching ``term`` (all cases for an empty term), newest first.
    ``count`` is :func:`count_cases`'s answer when the caller has it already."""
    if count is None:
        count = count_cases(term, outlet_code=outlet_code, cap=COUNT_CAP)
    sql, params = page_sql(
        term, many=count > COUNT_CAP, outlet_code=outlet_code, limit=limit, offset=offset
    )
    cursor = district_database.execute_sql(sql, params)
    return [CaseHit(*row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class SearchResult:
    count: int  # exact when not ``more``
    more: bool  # more than COUNT_CAP matches
    hits: list[CaseHit]


def search(
    term: str, *, outlet_code: str | None = None, limit: int = PAGE_SIZE, offset: int = 0
) -> SearchResult:
    """The console's search: how many match (capped) and the page asked for."""
    count = count_cases(term, outlet_code=outlet_code, cap=COUNT_CAP)
    hits = search_cases(term, outlet_code=outlet_code, limit=limit, offset=offset, count=count)
    return SearchResult(min(count, COUNT_CAP), count > COUNT_CAP, hits)
