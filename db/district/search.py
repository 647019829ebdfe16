"""Chinese search over the district's consolidated cases, indexed for every term length.

A term matches a case when it is part of the case number, the customer name or the
description, ignoring case (migration 0002 describes the index). One or two characters
are answered by the character-and-pair index alone; three or more by the same index (every
adjacent pair of the term must be present) and ``strpos`` on the few rows left for the
order. The SQL is written once here, with bound parameters; the benchmark
(tests/benchmarks/district_search.py) runs the same text through raw psycopg.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from db.district.models import district_database

PAGE_SIZE = 50
# A term found in most cases (客) would have every matching row counted; past this many
# the console says "more than 10,000", as a search engine does.
COUNT_CAP = 10_000
MAX_TERM = 100
_SPACE = re.compile(r"\s")
_SEARCH_TEXT = "district_search_text(c.case_no, c.customer_name, c.description)"


def normalized(term: str) -> str:
    """The term as searched: trimmed, lowercased as PostgreSQL's ``lower`` does for the
    scripts in use (Python's ``lower`` agrees on CJK, Latin and digits)."""
    return term.strip().lower()[:MAX_TERM]


def term_grams(term: str) -> list[str]:
    """What the index must hold for ``term``: the term itself when it is one or two
    characters, else each distinct adjacent pair (pairs holding white space left out; a
    term of single characters between spaces needs each of them)."""
    text = normalized(term)
    if not text:
        return []
    if len(text) <= 2:
        return [text] if not _SPACE.search(text) else [c for c in text if not c.isspace()]
    pairs = sorted({text[i : i + 2] for i in range(len(text) - 1)} - {""})
    pairs = [p for p in pairs if not _SPACE.search(p)]
    return pairs or sorted({c for c in text if not c.isspace()})


@dataclass(frozen=True)
class SearchCondition:
    """The WHERE clause (over ``outlet_case c``) and its parameters for one search."""

    sql: str
    params: tuple

    @property
    def needs_recheck(self) -> bool:
        return "strpos" in self.sql


def condition(term: str, *, outlet_code: str | None = None) -> SearchCondition:
    text = normalized(term)
    parts: list[str] = []
    params: list[object] = []
    grams = term_grams(text)
    if grams:
        parts.append("c.search_grams @> %s::text[]")
        params.append(grams)
        if len(text) > 2 or _SPACE.search(text):
            parts.append(f"strpos({_SEARCH_TEXT}, %s) > 0")
            params.append(text)
    if outlet_code is not None:
        parts.append("c.outlet_code = %s")
        params.append(outlet_code)
    return SearchCondition(" AND ".join(parts) or "true", tuple(params))


@dataclass(frozen=True)
class CaseHit:
    outlet_code: str
    case_no: str
    received_at: dt.datetime
    customer_name: str
    status: str
    is_open: bool
    description: str


PAGE_SQL = (
    "SELECT c.outlet_code, c.case_no, c.received_at, c.customer_name, c.status, c.is_open, "
    "c.description FROM outlet_case c WHERE {where} "
    "ORDER BY c.received_at DESC, c.outlet_code, c.case_no LIMIT %s OFFSET %s"
)
COUNT_SQL = "SELECT count(*) FROM outlet_case c WHERE {where}"
CAPPED_COUNT_SQL = "SELECT count(*) FROM (SELECT 1 FROM outlet_case c WHERE {where} LIMIT %s) s"


def page_sql(term: str, *, outlet_code: str | None = None, limit: int = PAGE_SIZE,
             offset: int = 0) -> tuple[str, tuple]:  # fmt: skip
    cond = condition(term, outlet_code=outlet_code)
    return PAGE_SQL.format(where=cond.sql), (*cond.params, limit, offset)


def count_sql(
    term: str, *, outlet_code: str | None = None, cap: int | None = COUNT_CAP
) -> tuple[str, tuple]:
    cond = condition(term, outlet_code=outlet_code)
    if cap is None:
        return COUNT_SQL.format(where=cond.sql), cond.params
    return CAPPED_COUNT_SQL.format(where=cond.sql), (*cond.params, cap + 1)


def search_cases(
    term: str, *, outlet_code: str | None = None, limit: int = PAGE_SIZE, offset: int = 0
) -> list[CaseHit]:
    """A page of the cases matching ``term`` (all cases for an empty term), newest first."""
    sql, params = page_sql(term, outlet_code=outlet_code, limit=limit, offset=offset)
    cursor = district_database.execute_sql(sql, params)
    return [CaseHit(*row) for row in cursor.fetchall()]


def count_cases(term: str, *, outlet_code: str | None = None, cap: int | None = COUNT_CAP) -> int:
    """How many cases match ``term``: exact up to ``cap``; ``cap + 1`` means "more than
    ``cap``". ``cap=None`` counts them all."""
    sql, params = count_sql(term, outlet_code=outlet_code, cap=cap)
    return district_database.execute_sql(sql, params).fetchone()[0]
