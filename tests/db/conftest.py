"""Fixtures for the Qt-free db tests: a fresh SQLite file per test, an outlet and its staff."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
