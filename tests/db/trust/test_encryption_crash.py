"""Encrypting in place survives a power cut at any moment, simulated by SIGKILL.

A child process (tests/db/encrypt_child.py, forked by tests/db/zygote.py) encrypts a copy of a plain demo database and
is killed at a random moment of the run, 20 times at moments spread over the whole of it.
After each kill either the plain database or the encrypted one (opened with the key its
login unwraps) must pass ``integrity_check`` and hold every row of every table; a kill
before the end must leave a database that a second, unkilled run then encrypts.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from db.store import cipher
from db.store.database import DB_FILENAME
from db.trust import database_key, encryption
from tests.cli_process import run_cli
from tests.db.encrypt_child import LOGIN
from tests.db.zygote import Run, Zygote

pytestmark = pytest.mark.attack("failures")

ROOT = Path(__file__).resolve().parents[3]
KILLS = 20
SPAN = 1.25
CASES = 1500


def _child(zygote: Zygote, path: Path) -> Run:
    child = zygote.run(path)
    ready = child.readline()
    if ready != "READY\n":
        child.kill()
        child.rest()
        pytest.fail(f"child did not start: {ready!r}\n{zygote.errors()}")
    return child


def _run_to_the_end(zygote: Zygote, path: Path) -> float:
    child = _child(zygote, path)
    started = time.perf_counter()
    out = child.rest()
    elapsed = time.perf_counter() - started
    assert child.exit_code == 0 and "DONE\n" in out, zygote.errors()
    return elapsed


def _rows_of(path: Path) -> tuple[str, dict[str, int]]:
    """Which database is at ``path`` and its rows; integrity checked."""
    if cipher.is_encrypted_file(path):
        key = database_key.unwrap_by_login(path.parent, LOGIN.employee_no, LOGIN.password)
        conn = cipher.connect(path, key)
        kind = "encrypted"
    else:
        conn = sqlite3.connect(path)
        kind = "plain"
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], kind
        return kind, encryption.table_rows(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("template")
    run_cli("demo", "--cases", str(CASES), "--data-dir", str(folder)).check_returncode()
    path = folder / DB_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = encryption.table_rows(conn)
    conn.close()
    assert rows["complaint_case"] == CASES
    return path, rows


def _fresh_copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / DB_FILENAME
    shutil.copyfile(template, path)  # the template is closed: no write-ahead log beside it
    return path


@pytest.mark.slow
def test_sigkill_during_encryption_loses_nothing(tmp_path: Path, template):
    source, rows = template
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261204")))
    with Zygote("tests.db.encrypt_child", tmp_path / "children.err") as zygote:
        # The slowest of three whole runs: on a loaded machine one run can be far quicker
        # than the next, and a short calibration would leave the end unvisited.
        duration = max(
            _run_to_the_end(zygote, _fresh_copy(source, tmp_path / f"calibrate-{n}"))
            for n in range(3)
        )
        outcomes = {"plain": 0, "encrypted": 0}
        for run in range(KILLS):
            path = _fresh_copy(source, tmp_path / f"run-{run}")
            child = _child(zygote, path)
            # Moments spread evenly over the run, each jittered within its slot.
            time.sleep(duration * (run + rng.random()) / KILLS)
            child.kill()
            child.rest()
            kind, found = _rows_of(path)
            assert found == rows, f"kill {run + 1}: the {kind} database lost rows"
            outcomes[kind] += 1
            if kind == "plain":  # a whole run again: it also tells how long one takes now
                duration = max(duration, _run_to_the_end(zygote, path))
                assert _rows_of(path) == ("encrypted", rows), f"kill {run + 1}: not resumed"
    print(f"\nencryption crash test: {KILLS} kills over {duration:.2f} s, left {outcomes}")
    assert outcomes["plain"] and outcomes["encrypted"], outcomes
