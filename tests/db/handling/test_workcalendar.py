"""The working-day calendar: seeded from chinese_calendar, editable by the head for years
the package does not cover, and the deadlines follow every edit."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from db.handling import deadlines, workcalendar
from db.store.models import CalendarDay, CalendarYear, Case
from tests.db.workflow_fixtures import World, refused, world

__all__ = ["world"]


def test_seeded_table_agrees_with_the_package_on_every_day(world: World):
    calendar = workcalendar.current()
    years = workcalendar.covered_years()
    assert years[0] <= 2010 and 2026 in years
    day = dt.date(years[0], 1, 1)
    end = dt.date(years[-1], 12, 31)
    while day <= end:
        assert calendar.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_national_day_2026_and_its_make_up_days(world: World):
    calendar = workcalendar.current()
    assert [calendar.is_working_day(dt.date(2026, 10, d)) for d in range(1, 12)] == [
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        True,
        True,
        True,
        False,
    ]
    assert calendar.is_working_day(dt.date(2026, 9, 20))  # Sunday, worked
    assert calendar.is_working_day(dt.datetime(2026, 10, 10, 9, 0))
    entries = {e.day: e for e in workcalendar.entries(2026)}
    assert entries[dt.date(2026, 10, 10)].working
    assert entries[dt.date(2026, 10, 1)].name == "National Day"
    assert entries[dt.date(2026, 10, 1)].source == workcalendar.SOURCE_PACKAGE


def test_calendar_helpers():
    calendar = workcalendar.WorkCalendar.from_package()
    assert calendar.next_working_day(dt.date(2026, 10, 1)) == dt.date(2026, 10, 8)
    assert calendar.next_working_day(dt.date(2026, 10, 8)) == dt.date(2026, 10, 8)
    assert calendar.add_working_days(dt.date(2026, 9, 30), 1) == dt.date(2026, 10, 8)
    assert calendar.add_working_days(dt.date(2026, 9, 30), 0) == dt.date(2026, 9, 30)
    assert calendar.working_days_between(dt.date(2026, 9, 28), dt.date(2026, 10, 13)) == 7
    with pytest.raises(ValueError):
        calendar.add_working_days(dt.date(2026, 9, 30), -1)


def test_a_year_the_package_does_not_cover_falls_back_to_weekends(world: World):
    assert not workcalendar.year_covered(2031)
    calendar = workcalendar.current()
    assert calendar.is_working_day(dt.date(2031, 1, 1))  # a Wednesday: unknown holiday
    assert not calendar.is_working_day(dt.date(2031, 1, 4))  # a Saturday


def test_head_enters_a_year(world: World):
    w = world
    days = [
        (dt.date(2031, 1, 1), False, "元旦"),
        (dt.date(2031, 1, 4), True, "元旦调休"),
    ]
    refused(lambda: workcalendar.set_year(2031, days, actor=w.teller), "head_only")
    refused(
        lambda: workcalendar.set_year(2031, [(dt.date(2030, 12, 31), False, "x")], actor=w.head),
        "calendar_wrong_year",
    )
    refused(lambda: workcalendar.set_year(1999, [], actor=w.head), "calendar_year_range")
    assert workcalendar.set_year(2031, days, actor=w.head) == 2
    assert workcalendar.year_covered(2031)
    calendar = workcalendar.current()
    assert not calendar.is_working_day(dt.date(2031, 1, 1))
    assert calendar.is_working_day(dt.date(2031, 1, 4))
    assert CalendarYear.get_by_id(2031).source == workcalendar.SOURCE_MANUAL
    # entering the year again replaces it
    workcalendar.set_year(2031, [(dt.date(2031, 2, 3), False, "春节")], actor=w.head)
    assert [e.day for e in workcalendar.entries(2031)] == [dt.date(2031, 2, 3)]
    assert workcalendar.current().is_working_day(dt.date(2031, 1, 1))


def test_set_day_overrides_the_package_and_survives_a_sync(world: World):
    w = world
    day = dt.date(2026, 12, 31)
    assert workcalendar.current().is_working_day(day)
    refused(lambda: workcalendar.set_day(day, False, "临时休息", actor=w.lobby), "head_only")
    workcalendar.set_day(day, False, "临时休息", actor=w.head)
    assert not workcalendar.current().is_working_day(day)
    assert workcalendar.sync_from_package() == []
    assert not workcalendar.current().is_working_day(day)


def test_sync_adds_years_the_table_lacks_and_leaves_edited_ones(world: World):
    w = world
    CalendarDay.delete().where(CalendarDay.day >= dt.date(2025, 1, 1)).execute()
    CalendarYear.delete().where(CalendarYear.year >= 2025).execute()
    workcalendar.set_year(2025, [(dt.date(2025, 5, 1), False, "劳动节")], actor=w.head)
    workcalendar.invalidate_cache()
    assert not workcalendar.year_covered(2026)
    assert workcalendar.sync_from_package() == [2026]
    assert workcalendar.year_covered(2026)
    assert not workcalendar.current().is_working_day(dt.date(2026, 10, 1))
    # the head's 2025 stays as entered
    assert [e.day for e in workcalendar.entries(2025)] == [dt.date(2025, 5, 1)]
    assert workcalendar.sync_from_package() == []


def test_calendar_edit_moves_open_deadlines(world: World):
    w = world
    # received Thu 29 Oct 2026: 15 days later is Fri 13 Nov 2026
    case = w.case(
        received_at=dt.datetime(2026, 10, 29, 9, 0), agreed_reply_at=dt.datetime(2026, 12, 20, 9, 0)
    )
    deadlines.refresh_case_deadlines(case)
    assert Case.get_by_id(case.id).due_at == deadlines.end_of_day(dt.date(2026, 11, 13))
    workcalendar.set_day(dt.date(2026, 11, 13), False, "临时停业", actor=w.head)
    # rolls past the new rest day and the weekend to Monday 16 Nov
    assert Case.get_by_id(case.id).due_at == deadlines.end_of_day(dt.date(2026, 11, 16))
