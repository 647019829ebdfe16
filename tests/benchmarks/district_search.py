"""District search on PostgreSQL: 1, 2 and 3+ character terms and misses, 1,000,000 cases.

    python -m tests.benchmarks.district_search --dsn postgresql://USER:PW@127.0.0.1/postgres

``--dsn`` (default: ``$COMPLAINT_DESK_TEST_PG``) names a server and a role that may
create databases. The benchmark keeps its own database, ``complaint_desk_bench_district``
(``--db-name``), migrated by the program and filled by COPY with ``--cases`` cases
(default 1,000,000) across ``--outlets`` outlets (default 60), with descriptions and names
from the outlet's demo generator. A database that already holds that many cases at the
latest schema is reused; ``--rebuild`` makes it anew.

Each term is timed as the district console runs it, the first page of 50 newest matches
plus the total count, through db.district.search (peewee on psycopg 3), beside the floor:
the same SQL text and parameters on a bare psycopg connection. Figures are warm medians,
figure and floor alternating (tests/benchmarks/harness.py). It also prints each query's
plan (EXPLAIN ANALYZE), two alternatives for comparison (pg_trgm's GIN index for 3+
characters, built here only, and a plain ILIKE scan with no index), and the sizes of the
table and its indexes. Every search result is checked against the ILIKE scan.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import time
import urllib.parse

import psycopg
from psycopg import sql

from db.demo import GIVEN, SURNAMES, TEMPLATES
from db.district import database as district_db
from db.district import search
from tests.benchmarks.harness import log, timed_pair

DEFAULT_DB = "complaint_desk_bench_district"
TARGET_MS = 100.0
TERMS = [
    ("1 character, common (surname)", "张"),
    ("1 character, rare (surname)", "覃"),
    ("1 character, in most descriptions", "客"),
    ("2 characters (given name)", "建国"),
    ("2 characters (description)", "等候"),
    ("3+ characters", "叫号顺序"),
    ("3+ characters", "客户称"),
    ("3+ characters, case number", "D07-2026-00001"),
    ("miss, 1 character", "鑫"),
    ("miss, 2 characters", "量子"),
    ("miss, 3+ characters", "区块链理财"),
    ("miss, 3+ of present pairs", "等候客户"),
]
TRGM_INDEX = "bench_outlet_case_search_trgm"


def _url_for(dsn: str, name: str) -> str:
    """``dsn`` (a postgresql:// URL) with another database name."""
    return urllib.parse.urlsplit(dsn)._replace(path="/" + name).geturl()


def ensure_database(dsn: str, name: str, cases: int, outlets: int, rebuild: bool) -> str:
    target = _url_for(dsn, name)
    with psycopg.connect(dsn, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not rebuild:
            try:
                with psycopg.connect(target) as con:
                    have = con.execute("SELECT count(*) FROM outlet_case").fetchone()[0]
                    names = [
                        r[0]
                        for r in con.execute(
                            f"SELECT name FROM {district_db.MIGRATION_TABLE} ORDER BY id"
                        )
                    ]
                if have == cases and names == district_db.migration_names():
                    log(f"reusing {name}: {have:,} cases")
                    return target
            except psycopg.Error:
                pass
        if exists:
            admin.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    log(f"created {name}; migrating")
    db = district_db.open_district_database(target)
    db.close()
    fill(target, cases, outlets)
    return target


def _rows(cases: int, outlets: int, rng: random.Random):
    codes = [f"D{n:02d}" for n in range(1, outlets + 1)]
    start = dt.datetime(2021, 1, 1, 8, 30)
    span = 6 * 365 * 24 * 3600
    seqs: dict[tuple[str, int], int] = {}
    stamps = sorted(start + dt.timedelta(seconds=rng.randrange(span)) for _ in range(cases))
    consolidated = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    for received in stamps:
        code = rng.choice(codes)
        key = (code, received.year)
        seqs[key] = seqs.get(key, 0) + 1
        cause, business, text, remedy = rng.choice(TEMPLATES)
        description = text.format(n=rng.randrange(15, 95), k=rng.randrange(1, 3))
        is_open = rng.random() < 0.2
        # An open case is due some days after it arrived: the oldest are overdue, the
        # newest not yet; about one in thirty is urgent.
        due = received + dt.timedelta(days=rng.randrange(1, 30)) if is_open else None
        severity = "urgent" if rng.random() < 1 / 30 else "ordinary"
        yield (
            code,
            f"{code}-{received.year}-{seqs[key]:06d}",
            received,
            cause,
            business,
            "onsite",
            rng.choice(SURNAMES) + rng.choice(GIVEN),
            f"138****{rng.randrange(10000):04d}",
            remedy,
            description,
            "awaiting_reply" if is_open else "closed",
            is_open,
            1,
            consolidated,
            severity,
            due,
        )


def fill(url: str, cases: int, outlets: int) -> None:
    rng = random.Random(20261203)
    started = time.perf_counter()
    with psycopg.connect(url) as con:
        con.execute(
            "INSERT INTO district (code, name, public_key, key_fingerprint) "
            "VALUES ('BENCH', '基准测试区分公司', 'bench', 'bench')"
        )
        with con.cursor().copy(
            "COPY outlet (code, name, district_code, public_key, key_fingerprint, "
            "enrolled_at, enrolled_by) FROM STDIN"
        ) as copy:
            for n in range(1, outlets + 1):
                copy.write_row(
                    (f"D{n:02d}", f"基准网点{n:02d}", "BENCH", f"key-{n}", "fp",
                     dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "bench")
                )  # fmt: skip
        # The search index is built once after the COPY (as a restore would), not row by row.
        index_sql = con.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'outlet_case_search_grams'"
        ).fetchone()[0]
        con.execute("DROP INDEX outlet_case_search_grams")
        done = 0
        with con.cursor().copy(
            "COPY outlet_case (outlet_code, case_no, received_at, cause, business_type, "
            "channel, customer_name, customer_phone, remedy_requested, description, status, "
            "is_open, bundle_seq, consolidated_at, severity, due_at) FROM STDIN"
        ) as copy:
            for row in _rows(cases, outlets, rng):
                copy.write_row(row)
                done += 1
                if done % 100_000 == 0:
                    log(f"  {done:,} cases copied")
        # One case in fifty was escalated to the district.
        escalated = con.execute(
            "SELECT outlet_code, case_no, received_at FROM outlet_case "
            "WHERE hashtext(case_no) % 50 = 0"
        ).fetchall()
        with con.cursor().copy(
            "COPY case_escalation (outlet_code, case_no, seq, at, by_name, by_no, level, note) "
            "FROM STDIN"
        ) as copy:
            for code, case_no, received in escalated:
                copy.write_row((code, case_no, 1, received + dt.timedelta(hours=2), "李娜",
                                "E1002", "district_branch", "客户对答复不满意"))  # fmt: skip
        # ... and marked as the import marks a case whose bundle lists an escalation.
        con.execute("UPDATE outlet_case SET escalated = true WHERE hashtext(case_no) % 50 = 0")
        con.commit()
        log(f"COPY of {cases:,} cases in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        con.execute("SET maintenance_work_mem = '512MB'")
        con.execute(index_sql)
        con.commit()
        log(f"search index built in {time.perf_counter() - started:.0f} s")
    with psycopg.connect(url, autocommit=True) as con:
        started = time.perf_counter()
        con.execute("VACUUM (ANALYZE) outlet_case")
        log(f"VACUUM ANALYZE in {time.perf_counter() - started:.0f} s")


def ensure_trgm(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        started = time.perf_counter()
        con.execute(
            f"CREATE INDEX IF NOT EXISTS {TRGM_INDEX} ON outlet_case USING gin "
            "(district_search_text(case_no, customer_name, description) gin_trgm_ops)"
        )
        log(f"pg_trgm index ready in {time.perf_counter() - started:.0f} s")


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def ilike_scan(term: str) -> tuple[str, tuple]:
    """The reference answer: a plain scan of the three columns, no index."""
    pattern = _like_pattern(term.strip())
    return (
        "SELECT c.outlet_code, c.case_no FROM outlet_case c WHERE c.case_no ILIKE %s "
        "OR c.customer_name ILIKE %s OR c.description ILIKE %s",
        (pattern, pattern, pattern),
    )


def trgm_sqls(term: str, many: bool) -> list[tuple[str, tuple]]:
    """The same search through pg_trgm's index: ``LIKE`` on the same text."""
    where = "district_search_text(c.case_no, c.customer_name, c.description) LIKE %s"
    pattern = _like_pattern(search.normalized(term))
    page = (search.PAGE_SQL if many else search.FEW_PAGE_SQL).format(where=where)
    count = search.CAPPED_COUNT_SQL.format(where=where)
    return [(count, (pattern, search.COUNT_CAP + 1)), (page, (pattern, search.PAGE_SIZE, 0))]


def explain(con: psycopg.Connection, statement: str, params: tuple) -> tuple[float, str]:
    """(execution time in ms, the plan's node lines without timings) of one statement."""
    with con.transaction():
        for setting in search.SESSION_SQL:
            con.execute(setting)
        lines = [
            r[0] for r in con.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement, params)
        ]
    execution = next(float(x.split(":")[1].split()[0]) for x in lines if "Execution Time" in x)
    nodes = [
        re.sub(r"^->\s*|\s*\(actual.*$| on outlet_case c| using", "", x.strip())
        for x in lines
        if " Scan " in x
    ]
    return execution, ", ".join(nodes)


def sizes(con: psycopg.Connection) -> list[tuple[str, int]]:
    rows = con.execute(
        "SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c "
        "JOIN pg_index i ON i.indexrelid = c.oid "
        "WHERE i.indrelid = 'outlet_case'::regclass ORDER BY 2 DESC"
    ).fetchall()
    table = con.execute("SELECT pg_table_size('outlet_case')").fetchone()[0]
    return [("outlet_case (heap + TOAST)", table), *rows]


# The consolidated list as the console's case model reads it: the total count and the first
# page of 200, newest first, through db.district.queries.
FILTERS = [
    ("every case", {}),
    ("one outlet", {"outlet_code": "D07"}),
    ("open", {"status": "open"}),
    ("overdue", {"overdue": True}),
    ("urgent", {"urgent": True}),
    ("escalated", {"escalated": True}),
    ("one outlet, open, overdue", {"outlet_code": "D07", "status": "open", "overdue": True}),
    ("urgent and escalated", {"urgent": True, "escalated": True}),
    ("search 张, open", {"term": "张", "status": "open"}),
    ("search 叫号顺序, one outlet", {"term": "叫号顺序", "outlet_code": "D07"}),
    ("search 客户称, escalated", {"term": "客户称", "escalated": True}),
    ("search miss 覃覃, urgent", {"term": "覃覃", "urgent": True}),
]
LIST_AT = dt.datetime(2026, 12, 1, 9, 0)


def _statements_of(db, fn) -> list[tuple[str, tuple]]:
    """Every statement ``fn`` sends through the program's database, with its parameters."""
    seen: list[tuple[str, tuple]] = []
    original = db.execute_sql

    def recording(sql_text, params=None, *args, **kwargs):
        seen.append((sql_text, tuple(params or ())))
        return original(sql_text, params, *args, **kwargs)

    db.execute_sql = recording
    try:
        fn()
    finally:
        del db.execute_sql
    return seen


def list_and_filters(db, raw: psycopg.Connection) -> float:
    """The list's count and first page per filter, beside raw psycopg sending the very
    statements the program sent (recorded from one run), in one transaction."""
    from db.district import queries

    print("\n| list, filter | rows | list (count + first page) | raw psycopg | ratio |")
    print("|---|---|---|---|---|")
    worst = 0.0
    for name, fields in FILTERS:
        flt = queries.DistrictCaseFilter(**fields)

        def figure(flt=flt):
            count = queries.case_count(flt, at=LIST_AT)
            return count, queries.case_page(flt, at=LIST_AT, count=count)

        count, page = figure()
        statements = _statements_of(db, figure)

        def floor(statements=statements):
            with raw.transaction():
                for statement, params in statements:
                    cursor = raw.execute(statement, params)
                    if cursor.description is not None:
                        cursor.fetchall()

        pair = timed_pair(figure, floor)
        worst = max(worst, pair.figure)
        rows = f"{count.count:,}" + ("+" if count.more else "")
        print(f"| {name} | {rows} ({len(page)} on the page) | {_ms(pair.figure)} | "
              f"{_ms(pair.floor)} | {pair.figure / pair.floor:.2f}× |", flush=True)  # fmt: skip
    return worst


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", default=os.environ.get("COMPLAINT_DESK_TEST_PG"))
    parser.add_argument("--db-name", default=DEFAULT_DB)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--outlets", type=int, default=60)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--no-trgm", action="store_true", help="skip the pg_trgm comparison")
    args = parser.parse_args(argv)
    if not args.dsn:
        print("give --dsn or set COMPLAINT_DESK_TEST_PG", file=sys.stderr)
        return 2
    url = ensure_database(args.dsn, args.db_name, args.cases, args.outlets, args.rebuild)
    if not args.no_trgm:
        ensure_trgm(url)
    db = district_db.open_district_database(url)
    # The floor: a bare psycopg connection, set up as the program's (nothing prepared).
    raw = psycopg.connect(url, autocommit=True, prepare_threshold=None)

    def run_all(statements):
        """The statements in one transaction with the search's settings."""

        def run() -> None:
            with raw.transaction():
                for statement in search.SESSION_SQL:
                    raw.execute(statement)
                for statement, params in statements:
                    raw.execute(statement, params).fetchall()

        return run

    print(f"\n## District search, {args.cases:,} cases across {args.outlets} outlets\n")
    print(
        "| term | kind | matches | search (estimate + count + page) | raw psycopg | ratio | plan | "
        "EXPLAIN ANALYZE count; page | other page plan | exact count | pg_trgm GIN | "
        "ILIKE scan |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    worst = 0.0
    for kind, term in TERMS:
        estimate = search.estimated_matches(term)
        common = estimate > search.COMMON
        count = search.count_cases(term)
        many = count > search.COUNT_CAP
        statements = [search.estimate_sql(term), search.count_sql(term, common=common)]
        if count:
            statements.append(search.page_sql(term, many=many))
        pair = timed_pair(lambda term=term: search.search(term), run_all(statements))
        reference = {tuple(r) for r in raw.execute(*ilike_scan(term)).fetchall()}
        found = search.search_cases(term, limit=10**7, count=count)
        assert {(h.outlet_code, h.case_no) for h in found} == reference, term
        exact = search.count_cases(term, cap=None)
        assert exact == len(reference) and count == min(exact, search.COUNT_CAP + 1), term
        count_ms, count_plan = explain(raw, *statements[1])
        page_ms, page_plan = explain(raw, *search.page_sql(term, many=many))
        other = timed_pair(run_all([search.page_sql(term, many=not many)]), lambda: None, runs=3)
        exact_time = timed_pair(run_all([search.count_sql(term, cap=None)]), lambda: None, runs=3)
        if args.no_trgm or len(search.normalized(term)) < 3:
            trgm = "—"
        else:
            trgm_pair = timed_pair(run_all(trgm_sqls(term, many)), lambda: None, runs=3)
            trgm = _ms(trgm_pair.figure)
        started = time.perf_counter()
        raw.execute(*ilike_scan(term)).fetchall()
        scan = time.perf_counter() - started
        worst = max(worst, pair.figure)
        plan = (
            f"estimate {estimate:,}; count by "
            + ("strpos" if common else "index")
            + "; page "
            + ("newest first + strpos" if many else "index + sort" if count else "skipped")
        )
        print(
            f"| {term} | {kind} | {exact:,} | {_ms(pair.figure)} | {_ms(pair.floor)} | "
            f"{pair.figure / pair.floor:.2f}× | {plan} | {count_ms:.1f} ms ({count_plan}); "
            f"{page_ms:.1f} ms ({page_plan}) | {_ms(other.figure)} | {_ms(exact_time.figure)} | "
            f"{trgm} | {scan * 1000:.0f} ms |",
            flush=True,
        )
    worst = max(worst, list_and_filters(db, raw))
    print("\n| relation | size |\n|---|---|")
    for name, size in sizes(raw):
        print(f"| {name} | {size / 2**20:.0f} MB |")
    print(f"\nslowest search or list: {worst * 1000:.1f} ms (target < {TARGET_MS:.0f} ms)")
    raw.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
