"""Encrypting in place survives a power cut at any moment, simulated by SIGKILL.

A child process (tests/db/encrypt_child.py) encrypts a copy of a plain demo database and
is killed at a random moment of the run, 20 times at moments spread over the whole of it.
After each kill either the plain database or the encrypted one (opened with the key its
login unwraps) must pass ``integrity_check`` and hold every row of every table; a kill
before the end must leave a database that a second, unkilled run then encrypts.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.store import cipher
from db.store.database import DB_FILENAME
from db.trust import database_key, encryption
from tests.db.encrypt_child import LOGIN

pytestmark = pytest.mark.attack("failures")

ROOT = Path(__file__).resolve().parents[3]
KILLS = 20
CASES = 3000


def _child(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.db.encrypt_child", str(path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    ready = proc.stdout.readline()
    if ready != "READY\n":
        proc.kill()
        pytest.fail(f"child did not start: {ready!r}\n{proc.communicate()[1]}")
    return proc


def _run_to_the_end(path: Path) -> float:
    proc = _child(path)
    started = time.perf_counter()
    out, err = proc.communicate(timeout=120)
    elapsed = time.perf_counter() - started
    assert proc.returncode == 0 and "DONE" in out, err
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
    subprocess.run(
        [sys.executable, "-m", "desktop", "demo", "--cases", str(CASES), "--data-dir", str(folder)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
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
    duration = _run_to_the_end(_fresh_copy(source, tmp_path / "calibrate"))
    outcomes = {"plain": 0, "encrypted": 0}
    for run in range(KILLS):
        path = _fresh_copy(source, tmp_path / f"run-{run}")
        proc = _child(path)
        # Moments spread evenly over the run, each jittered within its slot.
        time.sleep(duration * (run + rng.random()) / KILLS)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        kind, found = _rows_of(path)
        assert found == rows, f"kill {run + 1}: the {kind} database lost rows"
        outcomes[kind] += 1
        if kind == "plain":
            _run_to_the_end(path)
            assert _rows_of(path) == ("encrypted", rows), f"kill {run + 1}: not resumed"
    print(f"\nencryption crash test: {KILLS} kills over {duration:.2f} s, left {outcomes}")
    assert outcomes["plain"] and outcomes["encrypted"], outcomes
