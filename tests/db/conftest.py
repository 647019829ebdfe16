"""Fixtures for the Qt-free db tests: a fresh SQLite file per test, an outlet and its staff."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from peewee import Database

from db.intake import outlets
from db.store import database as database_module
from db.store.models import Outlet, Staff

OUTLET_SETUP = outlets.OutletSetup(
    outlet_name="北京市东城区建国门邮政支局",
    outlet_code="BJ0101",
    district_branch="东城区分公司",
    head_name="王建国",
    head_employee_no="E1001",
)


T = TypeVar("T")
# Per test process: what each snapshot was built into, and what its builder returned.
_snapshots: dict[str, tuple[Path, object]] = {}


def snapshot_database(
    name: str, build: Callable[[], T], tmp_path: Path, factory: pytest.TempPathFactory
) -> T:
    """Open a copy of the database ``build`` fills, and return a copy of what it returned.

    A fixture that fills a database through the program's own functions (registering
    dozens of complaints through the rules, say) costs more than most tests that use it.
    The first test of a process that asks for ``name`` has ``build`` run once on a new
    database; that one and every later test then gets its own copy of the file, made with
    SQLite's backup API, and a deep copy of ``build``'s value, so that no test sees what
    another changed. The caller closes the database (``close_database``) after the test."""
    if name not in _snapshots:
        path = factory.mktemp(f"snapshot-{name}") / "snapshot.sqlite3"
        database_module.open_database(path)
        try:
            value: object = build()
        finally:
            database_module.close_database()
        _snapshots[name] = (path, value)
    path, value = _snapshots[name]
    target = tmp_path / "t.sqlite3"
    source, copied = sqlite3.connect(path), sqlite3.connect(target)
    try:
        source.backup(copied)
    finally:
        source.close()
        copied.close()
    database_module.open_database(target)
    return copy.deepcopy(value)  # type: ignore[return-value]


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated database file, bound to the models, closed after the test."""
    db = database_module.open_database(tmp_path / "t.sqlite3")
    yield db
    database_module.close_database()


@pytest.fixture
def outlet_and_head(sqlite_db: Database) -> tuple[Outlet, Staff]:
    return outlets.setup_outlet(OUTLET_SETUP)


@pytest.fixture
def outlet(outlet_and_head: tuple[Outlet, Staff]) -> Outlet:
    return outlet_and_head[0]


@pytest.fixture
def head(outlet_and_head: tuple[Outlet, Staff]) -> Staff:
    return outlet_and_head[1]


@pytest.fixture
def lobby(outlet: Outlet) -> Staff:
    return outlets.add_staff(outlet, "李娜", "E1002", "lobby_manager")


@pytest.fixture
def teller(outlet: Outlet) -> Staff:
    return outlets.add_staff(outlet, "张伟", "E1003", "teller")
