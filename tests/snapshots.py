"""Databases filled once per test process and copied for each test that asks for them.

A fixture that fills a database through the program's own functions (registering dozens
of complaints through the rules, say) can cost more than the tests that use it. The first
test of a process that asks for a snapshot has its builder run once on a new database;
that test and every later one then opens its own copy of the file, made with SQLite's
backup API, and gets a deep copy of the builder's value, so that no test sees what another
changed. A snapshot whose data is relative to the clock (due today, overdue) is given a
``max_age``: older than that, it is built again, so that no test sees its data age by more
than the few seconds a test takes anyway.
"""

from __future__ import annotations

import atexit
import copy
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from db.store import database as database_module

T = TypeVar("T")

# Per test process: the snapshot's file, the builder's value and when it was built.
_built: dict[str, tuple[Path, object, float]] = {}
_folder: list[Path] = []


def _snapshot_folder() -> Path:
    if not _folder:
        folder = Path(tempfile.mkdtemp(prefix="complaint-desk-snapshots-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _folder.append(folder)
    return _folder[0]


def open_snapshot(
    name: str, build: Callable[[], T], target: Path, *, max_age: float | None = None
) -> T:
    """Open a copy of snapshot ``name`` at ``target`` (a database file path) as the
    program's database, and return a copy of what ``build`` returned when it filled it.
    The caller closes the database (``close_database``) after the test."""
    entry = _built.get(name)
    if entry is None or (max_age is not None and time.monotonic() - entry[2] > max_age):
        path = _snapshot_folder() / f"{name}.sqlite3"
        path.unlink(missing_ok=True)
        database_module.open_database(path)
        try:
            value: object = build()
        finally:
            database_module.close_database()
        entry = _built[name] = (path, value, time.monotonic())
    path, value, _ = entry
    target.parent.mkdir(parents=True, exist_ok=True)
    source, copied = sqlite3.connect(path), sqlite3.connect(target)
    try:
        source.backup(copied)
    finally:
        source.close()
        copied.close()
    database_module.open_database(target)
    return copy.deepcopy(value)  # type: ignore[return-value]
