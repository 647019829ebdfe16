"""Fixtures for the workflow tests: a fresh outlet database per test, its staff, a case
factory, and a check that a refused action raised the right code and wrote nothing.

Import the fixture into a test module with ``from tests.db.workflow_fixtures import world``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from db.errors import WorkflowError
from db.intake import cases, outlets
from db.store import database as database_module
from db.store.models import Case, Outlet, Staff, database

# Monday 28 September 2026: two days before the National Day week (1-7 October 2026,
# with Sunday 20 September and Saturday 10 October as make-up working days).
T0 = dt.datetime(2026, 9, 28, 10, 0, 0)

SETUP = outlets.OutletSetup(
    outlet_name="建设路邮政金融网点",
    outlet_code="JSL01",
    district_branch="城南区分公司",
    head_name="王建国",
    head_employee_no="E1001",
)


def at(hours: float = 0, days: float = 0) -> dt.datetime:
    """A moment relative to T0."""
    return T0 + dt.timedelta(hours=hours, days=days)


@dataclass
class World:
    """One outlet: head, lobby manager, two tellers and an operations supervisor."""

    path: Path
    outlet: Outlet
    head: Staff
    lobby: Staff
    teller: Staff
    teller2: Staff
    supervisor: Staff

    def case(self, owner: Staff | None = None, **changes: Any) -> Case:
        """Register a complaint received at T0 with a reply agreed for T0 + 2 days."""
        owner = owner or self.teller
        received = changes.pop("received_at", T0)
        fields: dict[str, Any] = dict(
            received_at=received,
            route="outlet_in_person",
            channel="onsite",
            business_type="rmb_savings",
            cause="onsite_long_wait",
            urgent_triggers=[],
            customer_name="李秀英",
            customer_phone="13812345678",
            remedy_requested="希望网点改进叫号",
            description="客户排队等候四十分钟，窗口无人解释原因。",
            first_ask_owner_id=owner.id,
            outcome=cases.OUTCOME_AGREED,
            agreed_reply_at=received + dt.timedelta(days=2),
        )
        fields.update(changes)
        return cases.register_case(self.outlet, cases.NewCase(**fields), actor=owner)

    def reload(self, case: Case) -> Case:
        return Case.get_by_id(case.id)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    database_module.open_database(tmp_path / "t.sqlite3")
    try:
        outlet, head = outlets.setup_outlet(SETUP)
        yield World(
            path=tmp_path,
            outlet=outlet,
            head=head,
            lobby=outlets.add_staff(outlet, "李娜", "E1002", "lobby_manager"),
            teller=outlets.add_staff(outlet, "陈晓燕", "E1003", "teller"),
            teller2=outlets.add_staff(outlet, "刘洋", "E1004", "teller"),
            supervisor=outlets.add_staff(outlet, "赵敏", "E1005", "ops_supervisor"),
        )
    finally:
        database_module.close_database()


def dump() -> dict[str, list[tuple]]:
    """Every row of every table: a refused action must leave all of it as it was."""
    names = [
        r[0]
        for r in database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            # A contentless full-text table cannot be read back; its shadow tables can.
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        ).fetchall()
    ]
    return {
        name: database.execute_sql(f'SELECT * FROM "{name}"').fetchall() for name in sorted(names)
    }


def refused(call: Callable[[], object], code: str) -> WorkflowError:
    """``call`` raises WorkflowError ``code`` and writes nothing at all."""
    before = dump()
    with pytest.raises(WorkflowError) as excinfo:
        call()
    assert excinfo.value.code == code, f"{excinfo.value.code}: {excinfo.value.message}"
    assert excinfo.value.message and "{" not in excinfo.value.message
    assert dump() == before, "a refused action wrote to the database"
    return excinfo.value


def events(case: Case) -> list[str]:
    from db.store.models import CaseEvent

    return [
        e.kind for e in CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.id)
    ]


def last_event(case: Case):
    from db.store.models import CaseEvent

    return CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.id.desc()).first()
