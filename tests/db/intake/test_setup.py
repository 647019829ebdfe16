"""First-run setup: the outlet and its head, and the staff roster."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db.intake import outlets
from db.intake.outlets import OutletSetup, setup_outlet, validate_setup
from db.store import vocab
from db.store.models import Outlet, Staff
from tests.db.conftest import OUTLET_SETUP
from tests.db.helpers import assert_refused


def _setup(**changes) -> OutletSetup:
    return dataclasses.replace(OUTLET_SETUP, **changes)


def test_setup_creates_outlet_and_active_head(sqlite_db):
    assert not outlets.is_set_up()
    assert outlets.current_outlet() is None
    outlet, head = setup_outlet(
        _setup(outlet_name="  北京市东城区建国门邮政支局 ", outlet_code=" bj-0101_a ")
    )

    assert outlets.is_set_up()
    stored = Outlet.get_by_id(outlet.id)
    assert (stored.name, stored.code, stored.district_branch) == (
        "北京市东城区建国门邮政支局",
        "BJ-0101_A",
        "东城区分公司",
    )
    head = Staff.get_by_id(head.id)
    assert head.outlet_id == outlet.id
    assert (head.name, head.employee_no) == ("王建国", "E1001")
    assert head.role == vocab.ROLE_HEAD
    assert head.active is True
    assert head.joined_on == dt.date.today()
    assert outlets.current_outlet().id == outlet.id
    assert outlets.outlet_head(outlet).id == head.id
    assert Outlet.select().count() == 1 and Staff.select().count() == 1


def test_valid_setup_has_no_errors():
    assert validate_setup(OUTLET_SETUP) == []


@pytest.mark.parametrize(
    "field", ["outlet_name", "outlet_code", "district_branch", "head_name", "head_employee_no"]
)
@pytest.mark.parametrize("blank", ["", "  ", "\n", "\u3000"])
def test_every_field_required(sqlite_db, field, blank):
    assert_refused(
        lambda: setup_outlet(_setup(**{field: blank})),
        field,
        "required",
        "This field is required.",
    )


def test_empty_form_reports_every_field(sqlite_db):
    errors = validate_setup(OutletSetup())
    assert {(e.field, e.code) for e in errors} == {
        ("outlet_name", "required"),
        ("outlet_code", "required"),
        ("district_branch", "required"),
        ("head_name", "required"),
        ("head_employee_no", "required"),
    }


@pytest.mark.parametrize("code", ["BJ 0101", "北京0101", "BJ/0101", "BJ.0101", "BJ'01", "BJ%01"])
def test_outlet_code_characters(sqlite_db, code):
    assert_refused(
        lambda: setup_outlet(_setup(outlet_code=code)),
        "outlet_code",
        "bad_code_chars",
        "Only letters, digits, - and _.",
    )


@pytest.mark.parametrize("number", ["E 1001", "工号1001", "E1001#", "Ｅ1001"])
def test_head_employee_no_characters(sqlite_db, number):
    assert_refused(
        lambda: setup_outlet(_setup(head_employee_no=number)),
        "head_employee_no",
        "bad_code_chars",
        "Only letters, digits, - and _.",
    )


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("outlet_name", 100),
        ("outlet_code", 20),
        ("district_branch", 100),
        ("head_name", 50),
        ("head_employee_no", 30),
    ],
)
def test_lengths(sqlite_db, field, limit):
    char = "A" if field in ("outlet_code", "head_employee_no") else "邮"
    assert_refused(
        lambda: setup_outlet(_setup(**{field: char * (limit + 1)})),
        field,
        "too_long",
        f"At most {limit} characters.",
    )
    outlet, head = setup_outlet(_setup(**{field: char * limit}))
    stored = {
        "outlet_name": Outlet.get_by_id(outlet.id).name,
        "outlet_code": Outlet.get_by_id(outlet.id).code,
        "district_branch": Outlet.get_by_id(outlet.id).district_branch,
        "head_name": Staff.get_by_id(head.id).name,
        "head_employee_no": Staff.get_by_id(head.id).employee_no,
    }[field]
    assert stored == char * limit


@pytest.mark.parametrize("field", ["outlet_name", "district_branch", "head_name"])
def test_control_characters_refused(sqlite_db, field):
    assert_refused(
        lambda: setup_outlet(_setup(**{field: "邮政\x00支局"})),
        field,
        "control_chars",
        "Contains invisible control characters.",
    )


@pytest.mark.parametrize("again", ["BJ0101", "bj0101", " Bj0101 "])
def test_duplicate_outlet_code_refused(sqlite_db, again):
    setup_outlet(OUTLET_SETUP)
    assert_refused(
        lambda: setup_outlet(_setup(outlet_name="另一个支局", outlet_code=again)),
        "outlet_code",
        "duplicate",
        "Already in use.",
    )
    assert Outlet.select().count() == 1
    assert Staff.select().count() == 1


# --- the staff roster -------------------------------------------------------------------


def test_add_staff_and_roster_order(outlet, head):
    zhang = outlets.add_staff(outlet, " 张伟 ", "E1003", vocab.ROLE_TELLER, dt.date(2023, 2, 20))
    li = outlets.add_staff(outlet, "李娜", "E1002", vocab.ROLE_LOBBY_MANAGER)
    an = outlets.add_staff(outlet, "安琪", "E1004", vocab.ROLE_OTHER)
    Staff.update(active=False).where(Staff.id == an.id).execute()

    assert Staff.get_by_id(zhang.id).name == "张伟"
    active = outlets.active_staff(outlet)
    # Head first, then by name (binary order: 张 U+5F20 sorts before 李 U+674E).
    assert [s.id for s in active] == [head.id, zhang.id, li.id]
    assert an.id not in {s.id for s in active}
    assert an.id in {s.id for s in outlets.all_staff(outlet)}


def test_add_staff_duplicate_employee_no_refused(outlet, head):
    assert_refused(
        lambda: outlets.add_staff(outlet, "王二", "E1001", vocab.ROLE_TELLER),
        "employee_no",
        "duplicate",
        "Already in use.",
    )


def test_same_employee_no_allowed_at_another_outlet(outlet, head):
    other, _ = setup_outlet(_setup(outlet_code="SH0202", head_employee_no="S2001"))
    staff = outlets.add_staff(other, "王二", "E1001", vocab.ROLE_TELLER)
    assert staff.outlet_id == other.id


@pytest.mark.parametrize(
    ("name", "number", "role", "field", "code"),
    [
        ("", "E2001", vocab.ROLE_TELLER, "name", "required"),
        ("王二", "", vocab.ROLE_TELLER, "employee_no", "required"),
        ("王二", "E 2001", vocab.ROLE_TELLER, "employee_no", "bad_code_chars"),
        ("王二", "E2001", "janitor", "role", "unknown_code"),
        ("王二", "E2001", "", "role", "required"),
        ("王" * 51, "E2001", vocab.ROLE_TELLER, "name", "too_long"),
    ],
)
def test_add_staff_refusals(outlet, head, name, number, role, field, code):
    assert_refused(lambda: outlets.add_staff(outlet, name, number, role), field, code)


def test_outlet_head_ignores_inactive_head(outlet, head):
    Staff.update(active=False).where(Staff.id == head.id).execute()
    assert outlets.outlet_head(outlet) is None


def test_chosen_staff_refuses_nobody_and_a_vanished_row(outlet, head):
    from db.errors import WorkflowError
    from db.intake.roster import chosen_staff

    assert chosen_staff(head.id).id == head.id
    for staff_id in (None, head.id + 1000):
        with pytest.raises(WorkflowError) as excinfo:
            chosen_staff(staff_id)
        assert excinfo.value.code == "staff_gone"
