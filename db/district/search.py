"""Chinese search over the district's consolidated cases, indexed for every term length.

A term matches a case when it is part of the case number, the customer name or the
description, ignoring case (migration 0002 describes the index). The SQL is written once
here, with bound parameters; the benchmark (tests/benchmarks/district_search.py) runs the
same text through raw psycopg.

How common a term is decides how it is searched, because the two ways of finding the
newest matches each fail on one kind of term: the index must hand over every match before
they can be sorted (a term in most cases, 客, means 900,000 rows), and walking the newest
cases one by one walks the whole table for a rare term. A search is:

1. **An estimate** (:func:`estimated_matches`): the planner's row count for the indexed
   condition, from the statistics ANALYZE keeps on the index's arrays (no rows read).
2. **How many** (:func:`count_cases`), stopping at ``COUNT_CAP + 1`` ("more than 5,000"):
   through the character-and-pair GIN index (plus ``strpos`` on what it yields for 3+
   characters), or, for a term estimated in more than ``COMMON`` cases, by testing cases
   with ``strpos`` until the cap is reached, which takes a few thousand rows when one case
   in ten matches.
3. **The page**, newest first, skipped when nothing matches: few matches (up to
   ``COUNT_CAP``) come from the index and are sorted; many are found by reading the cases
   newest first along the ``received_at`` index, testing each with ``strpos``.

Each step reads at most about ``COUNT_CAP`` rows or index entries on a million cases.
Parallel workers and JIT compilation are off for these statements: they cost more to start
than the queries take (the pairs function is declared costly, which would otherwise bring
JIT in on every search).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from db.district.models import district_database

PAGE_SIZE = 50
COUNT_CAP = 5_000
COMMON = 100_000
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


ESTIMATE_SQL = "EXPLAIN (FORMAT JSON) SELECT 1 FROM outlet_case c WHERE {where}"
SESSION_SQL = ("SET LOCAL max_parallel_workers_per_gather = 0", "SET LOCAL jit = off")


def estimate_sql(term: str, *, outlet_code: str | None = None) -> tuple[str, tuple]:
    cond = indexed_condition(term, outlet_code=outlet_code)
    return ESTIMATE_SQL.format(where=cond.sql), cond.params


def count_sql(
    term: str,
    *,
    outlet_code: str | None = None,
    cap: int | None = COUNT_CAP,
    common: bool = False,
) -> tuple[str, tuple]:
    """The count: through the index, or (``common``) testing rows until the cap."""
    make = scan_condition if common and cap is not None else indexed_condition
    cond = make(term, outlet_code=outlet_code)
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


@contextlib.contextmanager
def _session() -> Iterator[None]:
    """One transaction for a search's statements, with their settings (SET LOCAL ends
    with it; nested, a savepoint)."""
    with district_database.atomic():
        for statement in SESSION_SQL:
            district_database.execute_sql(statement)
        yield


def estimated_matches(term: str, *, outlet_code: str | None = None) -> int:
    """The planner's estimate of the cases matching ``term`` (no rows read)."""
    if not normalized(term):
        return 0
    sql, params = estimate_sql(term, outlet_code=outlet_code)
    plan = district_database.execute_sql(sql, params).fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def count_cases(term: str, *, outlet_code: str | None = None, cap: int | None = COUNT_CAP) -> int:
    """How many cases match ``term``: exact up to ``cap``; ``cap + 1`` means "more than
    ``cap``". ``cap=None`` counts them all."""
    with _session():
        common = cap is not None and estimated_matches(term, outlet_code=outlet_code) > COMMON
        sql, params = count_sql(term, outlet_code=outlet_code, cap=cap, common=common)
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
    if count <= offset:
        return []
    sql, params = page_sql(
        term, many=count > COUNT_CAP, outlet_code=outlet_code, limit=limit, offset=offset
    )
    with _session():
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
    with _session():
        count = count_cases(term, outlet_code=outlet_code, cap=COUNT_CAP)
        hits = search_cases(term, outlet_code=outlet_code, limit=limit, offset=offset, count=count)
    return SearchResult(min(count, COUNT_CAP), count > COUNT_CAP, hits)
