"""A date a user gives lies between 2000 and ten years from now; 2150 and 9999 are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from db.handling import workflow
from db.intake import cases
from db.store.models import now
from db.workorders import orders
from tests.db.helpers import assert_refused, valid_case
from tests.db.workflow_fixtures import World, refused, world
from tests.db.workorders.test_import_malformed import csv_bytes, refused_whole, write
from tests.db.workorders.test_workorders import ROWS

__all__ = ["world"]


@pytest.mark.parametrize("year", [2150, 9999])
def test_agreed_reply_time_in_a_mistyped_year_is_refused(world: World, year):
    form = valid_case(world.teller, agreed_reply_at=dt.datetime(year, 1, 1, 10, 0))
    assert_refused(
        lambda: cases.register_case(world.outlet, form, actor=world.teller),
        "agreed_reply_at",
        "too_far_ahead",
        "Too far ahead (at most 10 years); check the year.",
    )


def test_received_before_2000_is_refused(world: World):
    form = valid_case(world.teller, received_at=dt.datetime(1999, 12, 31, 9, 0))
    assert_refused(
        lambda: cases.register_case(world.outlet, form, actor=world.teller),
        "received_at",
        "too_old",
    )


def test_re_agreed_reply_time_in_9999_is_refused(world: World):
    case = cases.register_case(world.outlet, valid_case(world.teller), actor=world.teller)
    error = refused(
        lambda: workflow.agree_reply_time(
            case, world.teller, dt.datetime(9999, 12, 31, 23, 0), note="客户同意"
        ),
        "date_out_of_range",
    )
    assert "'reply_at' must lie between 2000-01-01 and" in error.message
    # Nine years ahead is a plan, not a slip.
    later = now().replace(microsecond=0) + dt.timedelta(days=365 * 9)
    workflow.agree_reply_time(case, world.teller, later, note="客户同意")


def test_import_row_with_reply_by_in_2150_is_refused_naming_it(world: World, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][3] = "2150-01-01 17:00"
    path = write(tmp_path, "absurd.csv", csv_bytes(rows))
    error = refused_whole(world, path, "absurd date", row=3, code="date_out_of_range")
    assert error.message.startswith("Row 3: 'reply_by' must lie between 2000-01-01 and ")
    assert orders.open_workorders(world.outlet) == []
