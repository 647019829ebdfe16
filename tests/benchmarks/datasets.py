"""The benchmark databases: built with the app's own CLI, cached in ``bench-data/``.

A cached database is reused when it holds exactly the asked number of demo cases and its
schema is at the latest migration; otherwise it is rebuilt. The one change the benchmark
makes to a cached database is to give one case 50 timeline events (see
``case_with_events``), idempotently.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.harness import log

REPO = Path(__file__).resolve().parents[2]
DB_FILENAME = "complaint-desk.sqlite3"
EVENTS_PER_CASE = 50


def cache_dir(data: Path, cases: int) -> Path:
    return data / f"demo-{cases}"


def db_file(folder: Path) -> Path:
    return folder / DB_FILENAME


def _latest_schema_version() -> int:
    from db.store.database import latest_schema_version

    return latest_schema_version()


def cached_ok(folder: Path, cases: int) -> bool:
    path = db_file(folder)
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            count = conn.execute("SELECT COUNT(*) FROM complaint_case").fetchone()[0]
            applied = conn.execute("SELECT COUNT(*) FROM schema_migration").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return count == cases and applied == _latest_schema_version()


def run_cli_demo(folder: Path, cases: int) -> float:
    """Wall time of ``python -m desktop demo --cases N --data-dir DIR`` into an empty folder."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    command = [sys.executable, "-m", "desktop", "demo", "--cases", str(cases),
               "--data-dir", str(folder)]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def ensure_database(data: Path, cases: int, fresh_build: Path | None = None) -> Path:
    """The cached demo database of ``cases`` cases, building (or adopting) one if needed."""
    folder = cache_dir(data, cases)
    if cached_ok(folder, cases):
        return db_file(folder)
    if folder.exists():
        log(f"cached database {folder} is stale (size or schema); rebuilding")
        shutil.rmtree(folder)
    if fresh_build is not None and cached_ok(fresh_build, cases):
        fresh_build.rename(folder)
    else:
        log(f"building {cases:,} demo cases with the CLI")
        elapsed = run_cli_demo(folder, cases)
        log(f"built in {elapsed:.1f} s")
    return db_file(folder)


def case_with_events(path: Path) -> int:
    """Id of a case with exactly EVENTS_PER_CASE timeline events, adding notes if needed.

    The case is the one in the middle of the id range; its missing events are added with
    ``db.intake.cases.add_event`` (the app's own write path) in one transaction.
    """
    import datetime as dt

    from db.intake import cases
    from db.store import vocab
    from db.store.database import open_database
    from db.store.models import Case, CaseEvent, Staff, database

    open_database(path)
    max_id = Case.select(Case.id).order_by(Case.id.desc()).limit(1).scalar()
    case = Case.get_by_id(max(1, max_id // 2))
    have = CaseEvent.select().where(CaseEvent.case == case).count()
    if have < EVENTS_PER_CASE:
        actor = Staff.get_by_id(case.first_ask_owner_id)
        last = (
            CaseEvent.select(CaseEvent.at)
            .where(CaseEvent.case == case)
            .order_by(CaseEvent.at.desc())
            .limit(1)
            .scalar()
            or case.received_at
        )
        with database.atomic():
            for i in range(EVENTS_PER_CASE - have):
                cases.add_event(
                    case,
                    vocab.EVENT_NOTE,
                    actor=actor,
                    at=last + dt.timedelta(minutes=5 * (i + 1)),
                    note=f"第{i + 1}次跟进：已电话联系客户，说明处理进度。",
                    data={"bench": True, "n": i + 1},
                )
    return case.id


def demo_floor(cases: int, folder: Path) -> dict:
    """Run ``tests.benchmarks.demo_floor`` in its own process (it holds every row in
    memory) and return its timings."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    command = [sys.executable, "-m", "tests.benchmarks.demo_floor", "--cases", str(cases),
               "--data-dir", str(folder)]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                          env={**os.environ})  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"demo floor failed:\n{done.stderr[-2000:]}")
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("{")][-1]
    shutil.rmtree(folder, ignore_errors=True)
    return json.loads(line)
