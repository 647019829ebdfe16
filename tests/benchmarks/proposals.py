"""Proposed fixes for the misses, measured before/after on a scratch copy of a benchmark DB.

``python -m tests.benchmarks.proposals [--size 1000000] [--data bench-data]``

Nothing here changes db/ or desktop/: each proposal is an index (DDL run on the copy) or a
rewritten statement, timed with raw sqlite3 against the statement the app sends today
(captured from peewee, as the main benchmark does). The copy is made with the online
backup API and deleted afterwards unless ``--keep``. No ANALYZE is run, as the app runs
none, so the plans shown are the ones a fresh outlet database would get.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import NamedTuple

from tests.benchmarks import datasets
from tests.benchmarks.datasets import REPO
from tests.benchmarks.harness import adapted, captured_sql, log, machine_info

PROPOSALS = Path(__file__).with_name("PROPOSALS.md")

# The page's column list, taken from the statement the app sends (``run`` sets it), so the
# rewritten statements select exactly what the app selects.
COLS = ""
JOIN = 'FROM "complaint_case" AS "t1" INNER JOIN "staff" AS "t2" ON ("t1"."first_ask_owner_id" = "t2"."id")'
PAGE = "LIMIT 200 OFFSET 0"

NGRAM_TABLE = "case_search_short"
NGRAM_DDL = (
    f"CREATE VIRTUAL TABLE {NGRAM_TABLE} USING fts5(grams, content='', detail=none, columnsize=0)"
)


def ngrams(*texts: str) -> str:
    """Unigrams and bigrams of the letters and digits of ``texts``, space-separated, each
    once: the document a 1-2 character query is a single token of. Bigrams never span a
    separator or the boundary between two fields."""
    seen: dict[str, None] = {}
    for text in texts:
        prev = ""
        for ch in text.lower():
            if ch.isalnum():
                seen[ch] = None
                if prev:
                    seen[prev + ch] = None
                prev = ch
            else:
                prev = ""
    return " ".join(seen)


class Measured(NamedTuple):
    ms: float
    rows: list


class Lab:
    def __init__(self, path: Path, runs: int) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("PRAGMA cache_size=-32000")
        self.runs = runs
        self.lines: list[str] = []

    def time(self, sql: str, params=()) -> tuple[float, list]:
        rows = self.conn.execute(sql, params).fetchall()
        samples = []
        for _ in range(self.runs):
            t = time.perf_counter()
            self.conn.execute(sql, params).fetchall()
            samples.append(time.perf_counter() - t)
        return statistics.median(samples) * 1000, rows

    def plan(self, sql: str, params=()) -> str:
        return "; ".join(r[3] for r in self.conn.execute("EXPLAIN QUERY PLAN " + sql, params))

    def ddl(self, statement: str) -> float:
        t = time.perf_counter()
        self.conn.execute(statement)
        return time.perf_counter() - t

    def compare(self, what: str, before, after, *, same_rows: bool = True) -> None:
        """before/after: lists of (sql, params) run in sequence (e.g. count + page)."""
        # ``before`` may be measured already (before an index that would change its plan).
        b_ms, b_rows = before if isinstance(before, Measured) else self._run(before)
        a_ms, a_rows = self._run(after)
        check = ""
        if same_rows:
            check = " rows identical" if a_rows == b_rows else " **rows differ**"
        plan = " / ".join(self.plan(sql, params) for sql, params in after)
        line = f"| {what} | {b_ms:.1f} ms | {a_ms:.1f} ms | {b_ms / a_ms:.0f}× |{check} `{plan}` |"
        log(line)
        self.lines.append(line)

    def measure(self, statements) -> Measured:
        return Measured(*self._run(statements))

    def _run(self, statements) -> tuple[float, list]:
        total, rows = 0.0, []
        for sql, params in statements:
            ms, r = self.time(sql, params)
            total += ms
            rows.append(r)
        return total, rows

    def note(self, text: str) -> None:
        log(text)
        self.lines.append(text)


def app_statements(path: Path, flt, *, sort="received_at", descending=True):
    """The (sql, params) the app sends for count + first page today."""
    from db.intake import queries
    from db.store.database import open_database

    open_database(path)
    at = dt.datetime.now().replace(microsecond=0)
    queries.case_count(flt, at=at)  # warm the search-index check
    with captured_sql() as statements:
        queries.case_count(flt, at=at)
        queries.case_page(flt, at=at, sort=sort, descending=descending)
    return adapted(statements)


def page_sql(order: str, where: str = "", frm: str = JOIN) -> str:
    return f"SELECT {COLS} {frm} {where} ORDER BY {order} {PAGE}"


def run(path: Path, runs: int) -> list[str]:
    from db.intake.queries import CaseFilter

    global COLS
    lab = Lab(path, runs)
    page = app_statements(path, CaseFilter())[1][0]
    COLS = page[len("SELECT ") : page.index(' FROM "complaint_case"')]
    header = "| proposal | before | after | gain | check, plan after |\n|---|---|---|---|---|"
    lab.lines.append(header)

    # 1. The total count: COUNT(*) without WHERE is answered by SQLite's count optimisation.
    before = app_statements(path, CaseFilter())
    lab.compare(
        "total count: `COUNT(*)` instead of `COUNT(t1.id) … LIMIT 1` (+ first page)",
        before,
        [('SELECT COUNT(*) FROM "complaint_case"', ()), before[1]],
    )

    # 2. Sorts on status / severity / cause: tie-break on received_at, as their indexes do.
    for key, column in (("status", "status"), ("severity", "severity"), ("cause", "cause")):
        for desc in (False, True):
            d = "DESC" if desc else "ASC"
            before = app_statements(path, CaseFilter(), sort=key, descending=desc)
            after = page_sql(f'"t1"."{column}" {d}, "t1"."received_at" {d}, "t1"."id" {d}')
            lab.compare(
                f"sort by {key} {d}: `ORDER BY {column}, received_at, id` (no new index)",
                before[1:],
                [(after, ())],
                same_rows=False,
            )

    # 3. Customer name: an index, and the same tie-break.
    cust_before = {
        d: lab.measure(app_statements(path, CaseFilter(), sort="customer_name", descending=d)[1:])
        for d in (False, True)
    }
    secs = lab.ddl("CREATE INDEX complaint_case_customer_name_received_at "
                   "ON complaint_case (customer_name, received_at)")  # fmt: skip
    lab.note(f"\n(index on customer_name, received_at built in {secs:.1f} s)\n")
    for desc in (False, True):
        d = "DESC" if desc else "ASC"
        after = page_sql(f'"t1"."customer_name" {d}, "t1"."received_at" {d}, "t1"."id" {d}')
        lab.compare(
            f"sort by customer {d}: index (customer_name, received_at) + tie-break",
            cust_before[desc],
            [(after, ())],
            same_rows=False,
        )

    # 4. Due: an index on (due_at, received_at); ascending puts NULL (nothing due) last.
    due_before = {
        d: lab.measure(app_statements(path, CaseFilter(), sort="due_at", descending=d)[1:])
        for d in (False, True)
    }
    secs = lab.ddl("CREATE INDEX complaint_case_due_at_received_at "
                   "ON complaint_case (due_at, received_at)")  # fmt: skip
    lab.note(f"\n(index on due_at, received_at built in {secs:.1f} s)\n")
    for desc in (False, True):
        d = "DESC" if desc else "ASC NULLS LAST"
        d2 = "DESC" if desc else "ASC"
        after = page_sql(f'"t1"."due_at" {d}, "t1"."received_at" {d2}, "t1"."id" {d2}')
        brute = page_sql(f'+"t1"."due_at" {d}, +"t1"."received_at" {d2}, "t1"."id" {d2}')
        same = lab.conn.execute(after).fetchall() == lab.conn.execute(brute).fetchall()
        lab.compare(
            f"sort by due {d}: index (due_at, received_at) + tie-break"
            + ("" if same else " (**differs from a full sort**)"),
            due_before[desc],
            [(after, ())],
            same_rows=False,
        )

    # 5. Owner: the join's order can come from a staff-name index, outer loop over staff.
    owner_before = {
        d: lab.measure(app_statements(path, CaseFilter(), sort="owner", descending=d)[1:])
        for d in (False, True)
    }
    lab.ddl("CREATE INDEX staff_name ON staff (name)")
    cross = (
        'FROM "staff" AS "t2" CROSS JOIN "complaint_case" AS "t1" '
        'WHERE ("t1"."first_ask_owner_id" = "t2"."id")'
    )
    for desc in (False, True):
        d = "DESC" if desc else "ASC"
        order = f'"t2"."name" {d}, "t2"."id" {d}, "t1"."received_at" {d}, "t1"."id" {d}'
        plain = page_sql(order)
        lab.compare(
            f"sort by owner {d}: index staff(name), `ORDER BY t2.name, t2.id, received_at, id`"
            " (inner join, planner's choice)",
            owner_before[desc],
            [(plain, ())],
            same_rows=False,
        )
        after = f"SELECT {COLS} {cross} ORDER BY {order} {PAGE}"
        brute = page_sql(
            f'+"t2"."name" {d}, +"t2"."id" {d}, +"t1"."received_at" {d}, "t1"."id" {d}'
        )
        same = lab.conn.execute(after).fetchall() == lab.conn.execute(brute).fetchall()
        lab.compare(
            f"sort by owner {d}: the same, `FROM staff CROSS JOIN complaint_case` "
            "(peewee: `Staff.select(…).join(Case, JOIN.CROSS).where(…)`)"
            + ("" if same else " (**differs from a full sort**)"),
            owner_before[desc],
            [(after, ())],
            same_rows=False,
        )

    # 6/7. Search 3+ characters through the trigram index: count from the index alone, and
    # pick the page plan by the number of hits (see page_plan).
    for term in ("叫号顺序", "客户称", "工作人员", "张秀英"):
        before = app_statements(path, CaseFilter(search=term))
        search_compare(lab, term, before, "case_search", '"' + term + '"')

    # 8. Short queries (1-2 characters): a second, contentless FTS5 table of unigrams and
    # bigrams; a 1-2 character query is then one token.
    shorts = ("张", "建国", "等候", "李娜", "客")
    befores = {t: lab.measure(app_statements(path, CaseFilter(search=t))) for t in shorts}
    t0 = time.perf_counter()
    lab.conn.execute(NGRAM_DDL)
    source = lab.conn.execute(
        "SELECT id, case_no, customer_name, description FROM complaint_case"
    ).fetchall()
    grams = [(r[0], ngrams(r[1], r[2], r[3])) for r in source]
    t1 = time.perf_counter()
    lab.conn.execute("BEGIN")
    lab.conn.executemany(f"INSERT INTO {NGRAM_TABLE}(rowid, grams) VALUES (?, ?)", grams)
    lab.conn.execute("COMMIT")
    lab.conn.execute(f"INSERT INTO {NGRAM_TABLE}({NGRAM_TABLE}) VALUES ('optimize')")
    t2 = time.perf_counter()
    del source, grams
    size_mb = _table_mb(lab.conn, NGRAM_TABLE)
    trigram_mb = _table_mb(lab.conn, "case_search")
    lab.note(
        f"\n({NGRAM_TABLE}: built in {t2 - t0:.1f} s — reading and splitting in Python "
        f"{t1 - t0:.1f} s, inserting + optimize {t2 - t1:.1f} s; {size_mb:.0f} MB, against "
        f"{trigram_mb:.0f} MB for the trigram index)\n"
    )
    for term in shorts:
        search_compare(lab, term, befores[term], NGRAM_TABLE, '"' + term + '"')
    return lab.lines


# Below this many hits, look the hits up by rowid and sort them; above, walk the
# received_at index and stop after a page. The crossover measured at 1M is ~2,000 hits
# (rowid lookups cost ~2.5 µs per hit; the index walk ~55 ns per row scanned, 200/share).
ADAPTIVE_HITS = 2000
# Above this share of all cases, building the IN list from the index costs more than
# testing LIKE on the rows the received_at walk meets before it has a page.
LIKE_SHARE = 0.02


def page_plan(hits: int, total: int) -> str:
    if hits < ADAPTIVE_HITS:
        return "id IN"
    if hits < LIKE_SHARE * total:
        return "+id IN"
    return "LIKE"


def search_compare(lab: Lab, term: str, before, table: str, token: str) -> None:
    """Count from the full-text table alone; the page by the plan ``page_plan`` picks.
    Every plan's page time goes in the note, so the thresholds can be checked."""
    order = '"t1"."received_at" DESC, "t1"."id" DESC'
    sub = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
    like = "%" + term + "%"
    plans = {
        "id IN": (page_sql(order, f'WHERE "t1"."id" IN ({sub})'), (token,)),
        "+id IN": (page_sql(order, f'WHERE +"t1"."id" IN ({sub})'), (token,)),
        "LIKE": (
            page_sql(
                order,
                'WHERE (("t1"."case_no" LIKE ?) OR ("t1"."customer_name" LIKE ?)) '
                'OR ("t1"."description" LIKE ?)',
            ),
            (like, like, like),
        ),  # fmt: skip
    }
    count_sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
    hits = lab.conn.execute(count_sql, (token,)).fetchone()[0]
    total = lab.conn.execute('SELECT COUNT(*) FROM "complaint_case"').fetchone()[0]
    chosen = page_plan(hits, total)
    timings = ", ".join(f"{name} {lab.time(*plan)[0]:.1f} ms" for name, plan in plans.items())
    lab.compare(
        f"search “{term}” ({hits:,} hits): count from {table} alone + page by `{chosen}` "
        f"(pages: {timings})",
        before,
        [(count_sql, (token,)), plans[chosen]],
    )


def _table_mb(conn: sqlite3.Connection, prefix: str) -> float:
    try:
        row = conn.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name = ? OR name LIKE ?",
            (prefix, prefix + "\\_%"),
        ).fetchone()
        if row and row[0]:
            return row[0] / 1048576
        row = conn.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE ?", (prefix + "%",)
        ).fetchone()
        return (row[0] or 0) / 1048576
    except sqlite3.Error:
        return float("nan")


def page_conversion(path: Path, runs: int) -> list[str]:
    """The Python side of case_page: peewee's per-field conversion against the same
    statement through ``database.execute_sql`` with ``datetime.fromisoformat`` on the time
    columns only (which columns those are is read off the app's own result)."""
    from db.intake import queries
    from db.intake.queries import CaseFilter, CaseRow
    from db.store.database import open_database
    from db.store.models import database
    from db.trust.masking import mask_phone

    open_database(path)
    at = dt.datetime.now().replace(microsecond=0)

    def slow():
        return queries.case_page(CaseFilter(), at=at)

    reference = slow()
    with captured_sql() as statements:
        slow()
    ((sql, params),) = adapted(statements)
    iso = dt.datetime.fromisoformat

    def convert(field: str, index: int):
        sample = [getattr(r, field) for r in reference]
        if field == "customer_phone_masked":
            return mask_phone
        if any(isinstance(v, dt.datetime) for v in sample):
            return lambda v: iso(v) if v else None
        if any(isinstance(v, bool) for v in sample):
            return bool
        return None

    converters = [(i, convert(f, i)) for i, f in enumerate(CaseRow._fields)]

    def fast():
        out = []
        for r in database.execute_sql(sql, params).fetchall():
            values = list(r)
            for i, fn in converters:
                if fn is not None:
                    values[i] = fn(values[i])
            out.append(CaseRow(*values))
        return out

    same = fast() == reference

    def med(fn):
        fn()
        samples = []
        for _ in range(max(runs, 20)):
            t = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t)
        return statistics.median(samples) * 1000

    b, a = med(slow), med(fast)
    line = (
        "| first page in Python: the same statement through `database.execute_sql`, with "
        "`datetime.fromisoformat` on the time columns, instead of peewee's per-field "
        f"conversion | {b:.2f} ms | {a:.2f} ms | {b / a:.1f}× | "
        f"{'rows identical' if same else '**rows differ**'} |"
    )
    log(line)
    return [line]


def startup_costs(path: Path) -> list[str]:
    """What start-up pays before the first paint that the case list does not need."""
    import subprocess

    lines = ["", "Start-up costs (each the median of 3, warm page cache):", ""]
    conn = sqlite3.connect(str(path))
    for pragma in ("quick_check", "foreign_key_check"):
        samples = []
        for _ in range(3):
            t = time.perf_counter()
            conn.execute(f"PRAGMA {pragma}").fetchall()
            samples.append(time.perf_counter() - t)
        lines.append(f"- `PRAGMA {pragma}` on this database: {statistics.median(samples):.2f} s")
    conn.close()
    for modules in ("reportlab.platypus", "openpyxl", "importlib.metadata",
                    "playhouse.migrations", "peewee"):  # fmt: skip
        code = (
            "import time, PySide6.QtWidgets; t = time.perf_counter(); "
            f"import {modules}; print(time.perf_counter() - t)"
        )
        samples = []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            samples.append(float(out.stdout.strip() or "nan"))
        lines.append(
            f"- `import {modules}` in a fresh interpreter (after PySide6): "
            f"{statistics.median(samples) * 1000:.0f} ms"
        )
    for line in lines:
        log(line)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.proposals")
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=REPO / "bench-data")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite PROPOSALS.md")
    args = parser.parse_args(argv)
    info = machine_info()

    source = datasets.ensure_database(args.data, args.size)
    scratch_dir = args.data / f"proposals-{args.size}"
    if scratch_dir.exists():
        shutil.rmtree(scratch_dir)
    scratch_dir.mkdir(parents=True)
    scratch = datasets.db_file(scratch_dir)
    log(f"copying {source} to {scratch} with the backup API")
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(scratch))
    src.backup(dst)
    src.close()
    dst.close()
    random.seed(0)
    try:
        lines = run(scratch, args.runs)
        lines += page_conversion(scratch, args.runs)
        lines += startup_costs(scratch)
    finally:
        if not args.keep:
            shutil.rmtree(scratch_dir, ignore_errors=True)
    text = "\n".join(
        [
            f"# Proposals measured on a copy of the {args.size:,}-case database",
            "",
            f"`python -m tests.benchmarks.proposals --size {args.size}`, run "
            f"{time.strftime('%Y-%m-%d %H:%M')}. Raw sqlite3, warm, median of {args.runs}; "
            "“before” is the statement the app sends today, captured from peewee.",
            "",
            "| machine | |",
            "|---|---|",
            *[f"| {k} | {v} |" for k, v in info],
            "",
            *lines,
            "",
        ]
    )
    print(text)
    if not args.no_write:
        PROPOSALS.write_text(text, encoding="utf-8")
        log(f"wrote {PROPOSALS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
