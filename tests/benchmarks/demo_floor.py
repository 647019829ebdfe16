"""The floor for ``complaint-desk demo --cases N``: raw sqlite3 writing the same rows.

Run by the benchmark in its own process: ``python -m tests.benchmarks.demo_floor --cases N
--data-dir DIR``. Prints one JSON line of timings (seconds).

What the floor includes, and what it leaves out:

* untimed: creating the schema (the app's migrations on an empty file, so the same tables,
  indexes and triggers), the demo outlet and staff, and generating every case and event
  row with ``db.demo._rows`` (the CLI's own generator, same seed) into Python lists;
* untimed: dropping every INSERT trigger on the two tables (the search index's, and the
  audit trail's where the schema has one), as the CLI's ``bulk_load`` and
  ``audit_suspended`` do for its bulk insert;
* timed (``insert``): one plain sqlite3 transaction with the app's connection pragmas
  (WAL, synchronous=FULL, foreign_keys=1, cache_size=-32000): ``executemany`` of all case
  rows, then of all event rows, then COMMIT;
* timed (``rebuild``): the one FTS5 ``rebuild`` of the search index, which the CLI also
  does once at the end, and writing the 1-2 character index's documents (computed untimed
  above; the CLI computes them in its timed run); the floor is insert + rebuild.

The CLI figure is the whole process: interpreter start, imports, migrations, generating
the rows in Python, and writing them in transactions of 20,000 cases.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

SEED = 20261128  # the CLI's default --seed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)

    from db import demo
    from db.store.database import close_database, database_path, open_database
    from db.store.models import now

    path = database_path(args.data_dir)
    t = time.perf_counter()
    open_database(path)
    outlet, staff = demo.ensure_outlet()
    schema = time.perf_counter() - t

    t = time.perf_counter()
    case_rows: list[tuple] = []
    event_rows: list[tuple] = []
    for case_row, events in demo._rows(args.cases, outlet, staff, now(), random.Random(SEED)):
        case_rows.append(case_row)
        event_rows.extend(events)
    generate = time.perf_counter() - t
    close_database()

    case_sql = "INSERT INTO complaint_case ({}) VALUES ({})".format(
        ", ".join(demo.CASE_COLUMNS), ", ".join(["?"] * len(demo.CASE_COLUMNS))
    )
    event_sql = "INSERT INTO case_event ({}) VALUES ({})".format(
        ", ".join(demo.EVENT_COLUMNS), ", ".join(["?"] * len(demo.EVENT_COLUMNS))
    )
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in ("journal_mode=wal", "synchronous=full", "foreign_keys=1",
                   "cache_size=-32000"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name IN ('complaint_case', 'case_event') "
        "AND (name LIKE 'complaint_case_search_%' OR name LIKE 'complaint_case_grams_%' "
        "OR name LIKE 'audit_%')"
    ).fetchall():
        conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    # The 1-2 character index's documents, computed untimed: the floor only writes them.
    from db.store.sqlite_features import GRAMS_TABLE, grams

    gram_rows = [(r[0], grams(f"{r[2]} {r[12]} {r[16]}")) for r in case_rows]
    gc.collect()
    gc.disable()
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(case_sql, case_rows)
    conn.executemany(event_sql, event_rows)
    conn.execute("COMMIT")
    insert = time.perf_counter() - t
    t = time.perf_counter()
    conn.execute("INSERT INTO case_search(case_search) VALUES ('rebuild')")
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO {GRAMS_TABLE}(rowid, grams) VALUES (?, ?)", gram_rows)
    conn.execute("COMMIT")
    rebuild = time.perf_counter() - t
    gc.enable()
    conn.close()
    print(
        json.dumps(
            {
                "schema": schema,
                "generate": generate,
                "insert": insert,
                "rebuild": rebuild,
                "floor": insert + rebuild,
                "cases": len(case_rows),
                "events": len(event_rows),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
