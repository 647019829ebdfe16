"""In-process rows: the case list's queries and opening a case, against raw sqlite3.

The figure calls the app's named queries exactly as the GUI does (``case_count`` then
``case_page`` for the first 200 rows, as ``CaseTableModel.refresh`` does). The floor is a
plain ``sqlite3`` connection running the very statements peewee sent in that call
(captured from peewee's DEBUG log) and fetching every row into tuples.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.benchmarks.harness import (
    MS,
    Row,
    Target,
    adapted,
    captured_sql,
    log,
    raw_connection,
    replayer,
    timed_pair,
)

PAGE = 200  # desktop.cases.case_model.PAGE_SIZE

# Realistic search terms, from db/demo_bulk.py's names and templates; hits at 1M in brackets.
SEARCHES = [
    ("张", "1 char, a surname (~1%)"),
    ("建国", "2 chars, a given name (~2%)"),
    ("等候", "2 chars, a word in descriptions (~10%)"),
    ("李娜", "2 chars, no customer matches (staff name)"),
    ("叫号顺序", "4 chars via FTS5 (~5%)"),
    ("张秀英", "3 chars via FTS5, a full name (rare)"),
    ("客户称", "3 chars via FTS5, a common phrase (~15%)"),
]

# Every sortable column of the list other than the default, both directions.
SORTS = [
    ("case_no", "case no."),
    ("status", "status"),
    ("severity", "severity"),
    ("customer_name", "customer"),
    ("cause", "cause"),
    ("owner", "owner"),
    ("due_at", "due"),
]


def list_target(size: int) -> Target:
    return Target(max_ratio=2.0, max_figure=50.0 if size <= 100_000 else 100.0)


def search_target(size: int) -> Target:
    return Target(max_figure=50.0 if size <= 100_000 else 100.0)


class QueryBench:
    def __init__(self, path: Path, size: int, runs: int) -> None:
        from db.store.database import open_database

        open_database(path)
        self.path = path
        self.size = size
        self.runs = runs
        self.conn = raw_connection(path)
        self.at = dt.datetime.now().replace(microsecond=0)

    def close(self) -> None:
        self.conn.close()

    def _pair_ms(self, figure_fn):
        """Warm the figure, capture its SQL on a second call, then time it against the
        replay of that SQL. Returns (figure ms, floor ms, statements)."""
        figure_fn()
        with captured_sql() as statements:
            figure_fn()
        floor_fn = replayer(self.conn, adapted(statements))
        pair = timed_pair(figure_fn, floor_fn, runs=self.runs)
        return pair.figure * 1000, pair.floor * 1000, statements

    def list_row(self, what: str, flt, *, sort="received_at", descending=True, target=None,
                 note="") -> Row:  # fmt: skip
        from db.intake import queries

        def figure() -> int:
            total = queries.case_count(flt, at=self.at)
            rows = queries.case_page(
                flt, at=self.at, sort=sort, descending=descending, offset=0, limit=PAGE
            )
            return total + len(rows)

        total = queries.case_count(flt, at=self.at)
        fig, flo, _ = self._pair_ms(figure)
        log(f"  {what}: {fig:.1f} ms (floor {flo:.1f} ms), {total:,} matching")
        return Row(
            what,
            self.size,
            fig,
            flo,
            MS,
            target or list_target(self.size),
            note=(note + "; " if note else "") + f"{total:,} matching",
        )

    def rows(self) -> list[Row]:
        from db.intake.queries import STATUS_OPEN, CaseFilter
        from db.store import vocab

        out = [
            self.list_row("first page of the case list + total count", CaseFilter()),
            self.list_row(
                "filter: status + overdue + cause",
                CaseFilter(
                    status=vocab.STATUS_AWAITING_REPLY, overdue=True, cause="onsite_long_wait"
                ),
                note="awaiting reply, overdue, long wait",
            ),
            self.list_row(
                "filter: overdue or due today (View menu)",
                CaseFilter(overdue=True, due_today=True),
            ),
            self.list_row("filter: status open", CaseFilter(status=STATUS_OPEN)),
            self.list_row("filter: one cause", CaseFilter(cause="onsite_long_wait")),
            self.list_row(
                "filter: owner + last 90 days",
                CaseFilter(
                    owner_id=self._busiest_owner(),
                    received_from=self.at.date() - dt.timedelta(days=90),
                    received_to=self.at.date(),
                ),
            ),
        ]
        for term, what in SEARCHES:
            out.append(
                self.list_row(
                    f"search “{term}”: {what}",
                    CaseFilter(search=term),
                    target=search_target(self.size),
                )
            )
        for key, label in SORTS:
            for descending in (False, True):
                arrow = "↓" if descending else "↑"
                out.append(
                    self.list_row(
                        f"first page sorted by {label} {arrow} (+ count)",
                        CaseFilter(),
                        sort=key,
                        descending=descending,
                        note="no target of its own; the first page's target",
                    )
                )
        return out

    def _busiest_owner(self) -> int:
        return self.conn.execute(
            "SELECT first_ask_owner_id FROM complaint_case GROUP BY 1 ORDER BY COUNT(*) DESC"
        ).fetchone()[0]

    def open_case_row(self, case_id: int) -> Row:
        """What the detail panel reads on selecting a case: the case, its owner and
        handler (lazy foreign keys), and its timeline."""
        from db.intake import cases, queries

        def figure() -> int:
            case = cases.get_case(case_id)
            _owner = case.first_ask_owner
            _handler = case.handler
            return len(queries.case_timeline(case_id))

        events = figure()
        fig, flo, statements = self._pair_ms(figure)
        log(f"  open case ({events} events): {fig:.2f} ms (floor {flo:.2f} ms)")
        return Row(
            f"open a case with {events} events (case, owner, handler, timeline)",
            self.size,
            fig,
            flo,
            MS,
            Target(max_figure=30.0),
            note=f"{len(statements)} statements",
        )
