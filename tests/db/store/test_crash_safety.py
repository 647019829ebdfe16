"""Crash safety: a power cut mid-write, simulated by SIGKILL.

A child process (tests/db/crash_child.py, forked by tests/db/zygote.py so that Python's
start-up is paid once) makes random writes through the app's own
functions and reports each one after it committed. The test kills it at a random moment,
again and again on the same database file, and after every kill checks that the file is
sound (``integrity_check``, ``foreign_key_check``), that the audit chain verifies, and that
every write the child reported as committed is still there.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from collections import defaultdict
from pathlib import Path

import pytest

from db.store import database as database_module
from db.trust import audit
from tests.db.zygote import Zygote

pytestmark = pytest.mark.attack("failures")

KILLS = 60
# Kill this long after the child says READY: short enough to land inside a write often.
KILL_AFTER_MS = (20, 300)
CHECKED_TABLES = ("outlet", "staff", "complaint_case", "case_event", "case_transfer", "work_order")


def run_child_until_killed(
    zygote: Zygote, path: Path, seed: int, rng: random.Random
) -> list[tuple[str, int]]:
    """Fork a child, SIGKILL it at a random moment, return the writes it reported."""
    child = zygote.run(path, seed)
    lines = []
    first = child.readline()
    while first.startswith("COMMITTED"):  # setup writes of the very first run
        lines.append(first)
        first = child.readline()
    if first != "READY\n":
        child.kill()
        child.rest()
        pytest.fail(f"child did not start: {first!r}\n{zygote.errors()}")
    time.sleep(rng.uniform(*KILL_AFTER_MS) / 1000)
    child.kill()
    lines.extend(child.rest())
    assert child.exit_code == -signal.SIGKILL, f"child ended by itself:\n{zygote.errors()}"
    # A line cut by the kill never ends (child.partial): its write committed but was
    # never claimed.
    reported = []
    for line in lines:
        if line.startswith("COMMITTED "):
            _, table, row_id = line.split()
            assert table in CHECKED_TABLES, line
            reported.append((table, int(row_id)))
    return reported


def check_database(path: Path, committed: dict[str, set[int]]) -> int:
    """Integrity, foreign keys and presence of every committed row, checked with plain
    sqlite3; then the audit chain, through the app. Returns the number of rows missing."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        lost = 0
        for table, ids in committed.items():
            present = {r[0] for r in con.execute(f'SELECT id FROM "{table}"')}
            lost += len(ids - present)
    finally:
        con.close()
    db = database_module.open_database(path, apply_migrations=False)
    try:
        report = audit.verify_trail(db)
        assert report.ok, [str(p) for p in report.problems]
    finally:
        database_module.close_database()
    return lost


@pytest.mark.slow
def test_sigkill_during_random_writes_loses_nothing(tmp_path: Path):
    path = tmp_path / "crash.sqlite3"
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261128")))
    committed: dict[str, set[int]] = defaultdict(set)
    writes = lost = kills = 0
    with Zygote("tests.db.crash_child", tmp_path / "children.err") as zygote:
        for run in range(KILLS):
            reported = run_child_until_killed(zygote, path, rng.randrange(1, 10**6) + run, rng)
            kills += 1
            writes += len(reported)
            for table, row_id in reported:
                committed[table].add(row_id)
            # Every write reported so far, in this run or any earlier one, must still be there.
            lost = check_database(path, committed)
            assert lost == 0, f"after kill {kills}: {lost} committed rows lost"
    by_table = ", ".join(f"{t} {len(ids)}" for t, ids in sorted(committed.items()))
    print(
        f"\ncrash safety: kills survived {kills}, writes committed {writes} ({by_table}), "
        f"records lost {lost}"
    )
    assert kills >= 50
    assert writes > kills, "the child should commit several writes per run"
    assert lost == 0
