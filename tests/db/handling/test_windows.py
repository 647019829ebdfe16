"""The deadline windows: for every window, the SQL text, the peewee expression and the
Python test pick the same cases, and every named query, count and row mark built on a
window agrees with it, for cases placed at and around each edge (``at`` itself, the
midnight that begins ``at``'s day, the one that ends it, the warning moment) and with a
deadline or warning moment missing.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from peewee import Database

from db.handling import deadlines, windows
from db.intake import accountability, queries
from db.intake.cases import register_case
from db.intake.queries import CaseFilter, case_count, case_page
from db.store.models import Case, Outlet, Staff, database
from tests.db.helpers import valid_case

DAY = dt.datetime(2026, 6, 15)
SECOND = dt.timedelta(seconds=1)
TICK = dt.timedelta(microseconds=1)

# Noon, the first moment of the day (exactly midnight), the last second of the day, and a
# moment with a fraction of a second.
MOMENTS = [
    DAY + dt.timedelta(hours=12),
    DAY,
    DAY + dt.timedelta(hours=23, minutes=59, seconds=59),
    DAY + dt.timedelta(hours=9, seconds=30, microseconds=500_000),
]


def _around(*instants: dt.datetime) -> list[dt.datetime]:
    return sorted({t + d for t in instants for d in (-SECOND, -TICK, dt.timedelta(), TICK, SECOND)})


def placements(at: dt.datetime) -> list[tuple[dt.datetime | None, dt.datetime | None, bool]]:
    """(due_at, warn_at, is_open) at and around every edge a window has at ``at``."""
    start = dt.datetime.combine(at.date(), dt.time())
    dues = [None, *_around(at, start, windows.tonight(at)), start - dt.timedelta(days=3)]
    warns = [None, *_around(at), at - dt.timedelta(days=1)]
    placed = [(due, warn, True) for due, warn in itertools.product(dues, warns)]
    # A closed case in every window but for being closed.
    placed.append((at - dt.timedelta(hours=1), at - dt.timedelta(hours=2), False))
    placed.append((at + SECOND, at - SECOND, False))
    return placed


@pytest.fixture
def placed(sqlite_db: Database, outlet: Outlet, head: Staff):
    """A factory: the outlet's cases placed around ``at``, one per placement. One complaint
    is registered; the others are copies of its row (registering each took seconds)."""
    first = register_case(outlet, valid_case(head), actor=head)

    def place(at: dt.datetime) -> None:
        wanted = placements(at)
        columns = [f for f in Case._meta.sorted_fields if f.name != "id"]
        with database.atomic():
            for n in range(1, len(wanted) - Case.select().count() + 1):
                copy = {Case.case_no: Case.case_no.concat(f"-{n}"), Case.seq: Case.seq + n}
                source = Case.select(*[copy.get(f, f) for f in columns]).where(Case.id == first.id)
                Case.insert_from(source, columns).execute()
            for case, (due, warn, is_open) in zip(
                Case.select().order_by(Case.id), wanted, strict=True
            ):
                Case.update(due_at=due, warn_at=warn, is_open=is_open).where(
                    Case.id == case.id
                ).execute()

    return place


def python_ids(window: windows.Window, at: dt.datetime) -> set[int]:
    return {c.id for c in Case.select() if c.is_open and window.holds(c.due_at, at, c.warn_at)}


def sql_ids(window: windows.Window, at: dt.datetime) -> set[int]:
    text, params = window.sql(at, "c")
    rows = database.execute_sql(
        f"SELECT c.id FROM complaint_case AS c WHERE c.is_open = 1 AND ({text})", params
    )
    return {r[0] for r in rows}


def expression_ids(window: windows.Window, at: dt.datetime) -> set[int]:
    query = Case.select(Case.id).where((Case.is_open == True) & window.expression(at))  # noqa: E712
    return {c.id for c in query}


@pytest.mark.parametrize("at", MOMENTS, ids=lambda m: m.strftime("%H:%M:%S.%f"))
def test_sql_expression_and_python_pick_the_same_cases(placed, at):
    placed(at)
    for window in windows.WINDOWS:
        expected = python_ids(window, at)
        assert expected, f"{window.name}: the placements leave it empty, so test nothing"
        assert sql_ids(window, at) == expected, window.name
        assert expression_ids(window, at) == expected, window.name
        # The work-order form: only the deadline in SQL, the warning moment after reading.
        narrowed = Case.select().where(window.deadline_expression(at, Case.due_at))
        assert {
            c.id for c in narrowed if c.is_open and window.holds(c.due_at, at, c.warn_at)
        } == expected, window.name

    # The windows slice one timeline.
    overdue = python_ids(windows.OVERDUE, at)
    today = python_ids(windows.DUE_TODAY, at)
    near = python_ids(windows.NEAR_BREACH, at)
    later = python_ids(windows.NEAR_BREACH_LATER, at)
    assert not overdue & today and not overdue & near
    assert overdue | today == python_ids(windows.DUE_BY_TONIGHT, at)
    assert later == near - today
    union_text, params = windows.any_sql(
        (windows.OVERDUE, windows.DUE_TODAY, windows.NEAR_BREACH_LATER), at
    )
    rows = database.execute_sql(
        f"SELECT c.id FROM complaint_case AS c WHERE c.is_open = 1 AND ({union_text})", params
    )
    assert {r[0] for r in rows} == overdue | today | later


def test_the_edges_are_where_the_definition_says():
    at = DAY + dt.timedelta(hours=12)
    assert not windows.OVERDUE.holds(at, at) and windows.OVERDUE.holds(at - TICK, at)
    assert windows.DUE_TODAY.holds(at, at)
    assert not windows.DUE_TODAY.holds(DAY + dt.timedelta(days=1), at)  # tomorrow's midnight
    assert windows.DUE_TODAY.holds(DAY, DAY)  # this midnight, at midnight
    assert windows.NEAR_BREACH.holds(at, at, at) and not windows.NEAR_BREACH.holds(at, at, None)
    assert not windows.OVERDUE.holds(None, at)
    with pytest.raises(ValueError):
        windows.NEAR_BREACH.expression(at, Case.due_at, None)


@pytest.mark.parametrize("at", MOMENTS, ids=lambda m: m.strftime("%H:%M:%S.%f"))
def test_every_query_count_and_mark_agrees_with_its_window(placed, head, at):
    placed(at)
    ids = {w: python_ids(w, at) for w in windows.WINDOWS}
    counts = queries.status_counts(at=at)
    assert counts.overdue == len(ids[windows.OVERDUE])
    assert counts.due_today == len(ids[windows.DUE_TODAY])
    assert {c.id for c in deadlines.cases_overdue(at)} == ids[windows.OVERDUE]
    # One that fell due earlier today is overdue, as the status bar counts it.
    assert {c.id for c in deadlines.cases_due_today(at)} == ids[windows.DUE_TODAY]
    assert {c.id for c in deadlines.cases_due_today_or_overdue(at)} == ids[windows.DUE_BY_TONIGHT]
    assert {c.id for c in deadlines.cases_near_breach(at)} == ids[windows.NEAR_BREACH]
    assert {c.id for c in deadlines.cases_near_breach_later(at)} == ids[windows.NEAR_BREACH_LATER]

    def listed(**ticked: bool) -> set[int]:
        flt = CaseFilter(**ticked)
        rows = case_page(flt, at=at, limit=10_000)
        assert case_count(flt, at=at) == len(rows)
        return {r.id for r in rows}

    assert listed(overdue=True) == ids[windows.OVERDUE]
    assert listed(due_today=True) == ids[windows.DUE_TODAY]
    assert listed(near_breach=True) == ids[windows.NEAR_BREACH]
    assert listed(overdue=True, due_today=True) == ids[windows.DUE_BY_TONIGHT]
    assert (
        listed(overdue=True, due_today=True, near_breach=True)
        == ids[windows.DUE_BY_TONIGHT] | ids[windows.NEAR_BREACH]
    )

    rows = case_page(CaseFilter(), at=at, limit=10_000)
    assert {r.id for r in rows if r.overdue(at)} == ids[windows.OVERDUE]
    assert {r.id for r in rows if r.due_today(at)} == ids[windows.DUE_TODAY]
    # A case due at ``at`` exactly is not overdue yet, so it is near its deadline.
    assert {r.id for r in rows if r.near_breach(at)} == ids[windows.NEAR_BREACH]

    owed = accountability.owed_cases(head, at)
    assert owed == accountability.OwedCases(
        overdue=len(ids[windows.OVERDUE]),
        due_today=len(ids[windows.DUE_TODAY]),
        near_breach=len(ids[windows.NEAR_BREACH_LATER]),
    )
