"""The floor for ``complaint-desk demo --cases N``: raw sqlite3 writing the same rows.

Run by the benchmark in its own process: ``python -m tests.benchmarks.demo_floor --cases N
--data-dir DIR``. Prints one JSON line of timings (seconds).

What the floor includes, and what it leaves out:

* untimed: creating the schema (the app's migrations on an empty file, so the same tables,
  indexes and triggers), the demo outlet and staff, and generating every row of every
  table the bulk writes (complaints, events, transfers, callbacks, findings, responsible
  people, penalties) with ``db.demo_bulk.Stories``, the CLI's own generator with the
  same seed, into Python lists;
* untimed: the audit trail's entry for every one of those rows, as the CLI writes it (the
  row as JSON, chained by ``db.trust.audit.entry_hash``), also into a list;
* untimed: dropping the INSERT triggers of those tables (the search index's and the
  audit trail's), as the CLI's ``bulk_load`` and ``audit_suspended`` do for its bulk insert;
* timed (``insert``): one plain sqlite3 transaction with the app's connection pragmas
  (WAL, synchronous=FULL, foreign_keys=1, cache_size=-32000): ``executemany`` of every
  table's rows, then of the trail's entries, then COMMIT;
* timed (``rebuild``): the one FTS5 ``rebuild`` of the search index, which the CLI also
  does once at the end, and writing the 1-2 character index's documents (computed untimed
  above; the CLI computes them in its timed run); the floor is insert + rebuild.

Not in the floor: the few dozen rows the CLI writes through the rules' own functions on a
new demo database (acting head, targets, training, disputes, suggestions, work orders, a
handful of complaints handled step by step) and refreshing the open cases' clocks.

The CLI figure is the whole process: interpreter start, imports, migrations, generating
the rows in Python, computing the trail, and writing them in transactions of 20,000 cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

SEED = 20261128  # the CLI's default --seed


def trail_rows(tables: dict[str, list[tuple]], columns: dict[str, tuple[str, ...]]) -> list:
    """The trail's entries for every row, as db.trust.audit.record_inserts writes them."""
    from db.trust.audit import entry_hash

    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    at = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
    entries, prev, next_id = [], "", 1
    for table, rows in tables.items():
        names = columns[table]
        for row in rows:
            after = encode(dict(zip(names, row, strict=True)))
            digest = entry_hash(prev, at, None, table, "I", row[0], None, after)
            entries.append((next_id, at, None, table, row[0], after, prev, digest))
            prev, next_id = digest, next_id + 1
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)

    from db import demo, demo_bulk
    from db.store.database import close_database, database_path, open_database
    from db.store.models import database, now

    path = database_path(args.data_dir)
    t = time.perf_counter()
    open_database(path)
    outlet, staff = demo.ensure_outlet()
    schema = time.perf_counter() - t

    t = time.perf_counter()
    tables: dict[str, list[tuple]] = {name: [] for name in demo_bulk.TABLES}
    stories = demo_bulk.Stories(outlet, staff, now(), random.Random(SEED))
    for _done, chunk in stories.chunks(args.cases):
        for name, rows in chunk.items():
            tables[name].extend(rows)
    generate = time.perf_counter() - t
    prev = database.execute_sql("SELECT count(*) FROM audit_log").fetchone()[0]
    close_database()
    t = time.perf_counter()
    entries = trail_rows(tables, demo_bulk.TABLES)
    trail = time.perf_counter() - t

    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in ("journal_mode=wal", "synchronous=full", "foreign_keys=1",
                   "cache_size=-32000"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    marks = ",".join("?" * len(demo_bulk.TABLES))
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' "
        f"AND tbl_name IN ({marks}) AND (name LIKE 'complaint_case_search_%' "
        "OR name LIKE 'complaint_case_grams_%' OR name LIKE 'audit_%')",
        list(demo_bulk.TABLES),
    ).fetchall():
        conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    # The trail of the outlet's set-up comes first; the bulk's entries follow it.
    entries = [(e[0] + prev, *e[1:]) for e in entries]
    # The 1-2 character index's documents, computed untimed: the floor only writes them.
    from db.store.sqlite_features import GRAMS_TABLE, grams

    gram_rows = [(r[0], grams(f"{r[2]} {r[12]} {r[16]}")) for r in tables["complaint_case"]]
    audit_sql = (
        "INSERT INTO audit_log(id, at, actor_id, table_name, op, row_id, before, after, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, 'I', ?, NULL, ?, ?, ?)"
    )
    gc.collect()
    gc.disable()
    t = time.perf_counter()
    conn.execute("BEGIN")
    for name, rows in tables.items():
        conn.executemany(demo_bulk.insert_sql(name), rows)
    conn.executemany(audit_sql, entries)
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
                "trail": trail,
                "insert": insert,
                "rebuild": rebuild,
                "floor": insert + rebuild,
                "cases": len(tables["complaint_case"]),
                "events": len(tables["case_event"]),
                "rows": sum(len(rows) for rows in tables.values()),
                "trail_entries": len(entries),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
