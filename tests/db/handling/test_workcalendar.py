"""The working-day calendar: seeded from chinese_calendar, editable by the head for years
the package does not cover, and the deadlines follow every edit."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import chinese_calendar
import pytest

from db.handling import deadlines, workcalendar
from db.store.models import CalendarDay, CalendarYear, Case, WorkOrder
from db.workorders import orders as workorders
from tests.db.helpers import freeze_now
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
    refused(lambda: workcalendar.set_year(2031, days, actor=w.teller, complete=True), "head_only")
    refused(
        lambda: workcalendar.set_year(
            2031, [(dt.date(2030, 12, 31), False, "x")], actor=w.head, complete=True
        ),
        "calendar_wrong_year",
    )
    refused(
        lambda: workcalendar.set_year(1999, [], actor=w.head, complete=True), "calendar_year_range"
    )
    saved = workcalendar.set_year(2031, days, actor=w.head, complete=True)
    assert (saved.years, saved.days) == ([2031], 2)
    assert workcalendar.year_covered(2031)
    calendar = workcalendar.current()
    assert not calendar.is_working_day(dt.date(2031, 1, 1))
    assert calendar.is_working_day(dt.date(2031, 1, 4))
    assert CalendarYear.get_by_id(2031).source == workcalendar.SOURCE_MANUAL
    # entering the year again replaces it
    workcalendar.set_year(2031, [(dt.date(2031, 2, 3), False, "春节")], actor=w.head, complete=True)
    assert [e.day for e in workcalendar.entries(2031)] == [dt.date(2031, 2, 3)]
    assert workcalendar.current().is_working_day(dt.date(2031, 1, 1))


def test_a_year_is_covered_only_once_marked_complete(world: World):
    w = world
    # One day saved does not make the year's schedule known ...
    workcalendar.set_day(dt.date(2027, 1, 1), False, "元旦", actor=w.head)
    assert not workcalendar.year_covered(2027)
    assert not workcalendar.year_status(2027).held
    # ... nor does a schedule saved as not complete yet, though its days count.
    first = [(dt.date(2027, 1, 1), False, "元旦"), (dt.date(2027, 2, 6), True, "春节调休")]
    workcalendar.set_year(2027, first, actor=w.head, complete=False)
    assert not workcalendar.year_covered(2027)
    status = workcalendar.year_status(2027)
    assert status.held and not status.complete
    assert not workcalendar.current().is_working_day(dt.date(2027, 1, 1))
    assert workcalendar.current().is_working_day(dt.date(2027, 2, 6))
    # marked complete by the head: now it is covered
    workcalendar.set_year(2027, first, actor=w.head, complete=True)
    assert workcalendar.year_covered(2027) and workcalendar.year_status(2027).complete
    # and saving it again as not complete withdraws that
    workcalendar.set_year(2027, first, actor=w.head, complete=False)
    assert not workcalendar.year_covered(2027)


def test_set_day_overrides_the_package_and_survives_a_sync(world: World):
    w = world
    day = dt.date(2026, 12, 31)
    assert workcalendar.current().is_working_day(day)
    refused(lambda: workcalendar.set_day(day, False, "临时休息", actor=w.lobby), "head_only")
    workcalendar.set_day(day, False, "临时休息", actor=w.head)
    assert not workcalendar.current().is_working_day(day)
    assert workcalendar.sync_from_package().years == []
    assert not workcalendar.current().is_working_day(day)


def test_sync_adds_years_the_table_lacks_and_leaves_edited_ones(world: World):
    w = world
    CalendarDay.delete().where(CalendarDay.day >= dt.date(2025, 1, 1)).execute()
    CalendarYear.delete().where(CalendarYear.year >= 2025).execute()
    workcalendar.set_year(
        2025, [(dt.date(2025, 5, 1), False, "劳动节")], actor=w.head, complete=True
    )
    workcalendar.invalidate_cache()
    assert not workcalendar.year_covered(2026)
    assert workcalendar.sync_from_package().years == [2026]
    assert workcalendar.year_covered(2026)
    assert not workcalendar.current().is_working_day(dt.date(2026, 10, 1))
    # the head's 2025 stays as entered
    assert [e.day for e in workcalendar.entries(2025)] == [dt.date(2025, 5, 1)]
    assert workcalendar.sync_from_package().years == []


def test_sync_completes_a_year_begun_by_hand_around_its_days(world: World):
    w = world
    CalendarDay.delete().where(CalendarDay.day >= dt.date(2026, 1, 1)).execute()
    CalendarYear.delete().where(CalendarYear.year >= 2026).execute()
    workcalendar.set_year(
        2026, [(dt.date(2026, 12, 31), False, "临时休息")], actor=w.head, complete=False
    )
    assert workcalendar.sync_from_package().years == [2026]
    assert workcalendar.year_covered(2026)
    calendar = workcalendar.current()
    assert not calendar.is_working_day(dt.date(2026, 10, 1))  # from the package
    assert not calendar.is_working_day(dt.date(2026, 12, 31))  # the head's day stays


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


# --- next year's schedule, entered in December ---------------------------------------------

# chinese_calendar knows up to 2026; the head enters 2027 in December.
TODAY = dt.datetime(2026, 12, 28, 10, 0)
NEW_YEAR = [(dt.date(2027, 1, 1), False, "元旦")]


def _regulator_order(w: World, number: str, received: dt.datetime):
    return workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="regulator_12378",
            number=number,
            received_at=received,
            reply_by=None,
            customer_name="赵敏",
            content="客户向监管投诉网点排队时间过长。",
        ),
        w.head,
    )


def _decision(case: Case) -> deadlines.Clock:
    return next(c for c in deadlines.case_clocks(case) if c.name == deadlines.CLOCK_DECISION)


def test_deadlines_counted_into_an_unentered_year_move_when_its_schedule_is_saved(
    world: World, monkeypatch: pytest.MonkeyPatch
):
    w = world
    freeze_now(monkeypatch, TODAY)
    assert workcalendar.year_covered(2026) and not workcalendar.year_covered(2027)
    # Received Thu 17 Dec: 15 days end Fri 1 Jan 2027, a working day while only weekends
    # are known to rest in 2027.
    case = w.case(received_at=dt.datetime(2026, 12, 17, 9, 0))
    assert _decision(case).deadline == deadlines.end_of_day(dt.date(2027, 1, 1))
    assert _decision(case).uncovered_years == (2027,)
    assert Case.get_by_id(case.id).calendar_gap == "2027"
    # A regulator work order of Mon 28 Dec stating no reply-by: 5 working days are 29, 30,
    # 31 Dec, Fri 1 Jan and Mon 4 Jan under that fallback.
    order = _regulator_order(w, "JG-1228", TODAY)
    assert order.reply_by == deadlines.end_of_day(dt.date(2027, 1, 4))
    assert order.reply_by_default and order.calendar_gap == "2027"
    gap = deadlines.calendar_gap(TODAY)
    assert (gap.years, gap.cases, gap.work_orders) == ((2027,), 1, 1)

    # The head saves New Year's Day without saying the year is complete: the deadlines move
    # at once (from -> to), but 2027 is not covered yet.
    saved = workcalendar.set_year(2027, NEW_YEAR, actor=w.head, complete=False)
    moved = {(m.kind, m.label): (m.before, m.after) for m in saved.moves}
    assert moved == {
        ("case", case.case_no): (
            deadlines.end_of_day(dt.date(2027, 1, 1)),
            deadlines.end_of_day(dt.date(2027, 1, 4)),
        ),
        ("work_order", "JG-1228"): (
            deadlines.end_of_day(dt.date(2027, 1, 4)),
            deadlines.end_of_day(dt.date(2027, 1, 5)),
        ),
    }
    assert WorkOrder.get_by_id(order.id).reply_by == deadlines.end_of_day(dt.date(2027, 1, 5))
    assert _decision(case).deadline == deadlines.end_of_day(dt.date(2027, 1, 4))
    assert deadlines.calendar_gap(TODAY).years == (2027,)
    assert Case.get_by_id(case.id).calendar_gap == "2027"

    # Marked complete: nothing moves any more, and no deadline rests on the fallback.
    saved = workcalendar.set_year(2027, NEW_YEAR, actor=w.head, complete=True)
    assert saved.moves == []
    assert Case.get_by_id(case.id).calendar_gap == ""
    assert WorkOrder.get_by_id(order.id).calendar_gap == ""
    assert not deadlines.calendar_gap(TODAY)


def test_a_stated_reply_by_is_kept_when_the_calendar_changes(
    world: World, monkeypatch: pytest.MonkeyPatch
):
    w = world
    freeze_now(monkeypatch, TODAY)
    stated = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="regulator_12378",
            number="JG-STATED",
            received_at=TODAY,
            reply_by=dt.datetime(2027, 1, 1, 17, 0),
            customer_name="赵敏",
            content="监管转来的投诉，写明回复时限。",
        ),
        w.head,
    )
    saved = workcalendar.set_year(2027, NEW_YEAR, actor=w.head, complete=True)
    assert saved.moves == []
    assert WorkOrder.get_by_id(stated.id).reply_by == dt.datetime(2027, 1, 1, 17, 0)


def test_the_warning_looks_ahead_a_months_deadlines(world: World):
    # On 3 Dec an extended decision (30 days) may run into 2027; in early November not.
    assert deadlines.calendar_gap(dt.datetime(2026, 12, 3, 9, 0)).years == (2027,)
    assert not deadlines.calendar_gap(dt.datetime(2026, 11, 2, 9, 0))
    assert deadlines.new_case_uncovered_years(dt.datetime(2026, 12, 3, 9, 0)) == ()
    assert deadlines.new_case_uncovered_years(dt.datetime(2026, 12, 20, 9, 0)) == (2027,)


# --- importing the schedule from a file --------------------------------------------------------

SCHEDULE_2027 = (
    "date,kind,name\n"
    "2027-01-01,holiday,元旦\n"
    "2027-02-06,holiday,春节\n"
    "2027-02-07,holiday,春节\n"
    "2027-02-08,holiday,春节\n"
    "2027-02-20,workday,春节调休\n"
    "\n"
    "2027-05-01,休,劳动节\n"
)


def _file(tmp_path, text: str, name: str = "2027.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_a_years_schedule_from_a_file(world: World, tmp_path):
    w = world
    path = _file(tmp_path, "\ufeff" + SCHEDULE_2027)
    assert workcalendar.read_calendar_file(path, year=2027)[0] == (
        dt.date(2027, 1, 1),
        False,
        "元旦",
    )
    refused(
        lambda: workcalendar.import_calendar_file(path, actor=w.teller, complete=True),
        "head_only",
    )
    saved = workcalendar.import_calendar_file(path, actor=w.head, complete=True)
    assert (saved.years, saved.days) == ([2027], 6)
    assert workcalendar.year_covered(2027)
    calendar = workcalendar.current()
    assert not calendar.is_working_day(dt.date(2027, 2, 8))
    assert calendar.is_working_day(dt.date(2027, 2, 20))  # a Saturday worked
    before = [(e.day, e.working, e.name, e.source) for e in workcalendar.entries(2027)]
    # idempotent: the same file again leaves the same calendar
    workcalendar.import_calendar_file(path, actor=w.head, complete=True)
    assert [(e.day, e.working, e.name, e.source) for e in workcalendar.entries(2027)] == before


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("2027-13-01,holiday,x", "calendar_bad_date"),
        ("27-1-1,holiday,x", "calendar_bad_date"),
        ("2027-03-01,vacation,x", "calendar_bad_kind"),
        ("2027-03-01,workday,x", "calendar_makeup_weekday"),  # a Monday
        ("2027-01-01,holiday,again", "calendar_duplicate_day"),
        ("2027-03-01,holiday," + "长" * 41, "calendar_name_too_long"),
    ],
)
def test_a_bad_row_refuses_the_whole_file_naming_the_row(world: World, tmp_path, line, code):
    w = world
    path = _file(tmp_path, SCHEDULE_2027 + line + "\n")
    with pytest.raises(workcalendar.CalendarImportError) as caught:
        workcalendar.import_calendar_file(path, actor=w.head, complete=True)
    assert caught.value.code == code
    assert caught.value.row == 9 and caught.value.message.startswith("Row 9: ")
    assert workcalendar.entries(2027) == [] and not workcalendar.year_covered(2027)


def test_files_that_are_not_a_calendar_are_refused(world: World, tmp_path):
    w = world
    cases = {
        "no_kind.csv": ("date,name\n2027-01-01,元旦\n", "missing_columns", 1),
        "empty.csv": ("date,kind,name\n", "calendar_file_empty", 0),
        "gbk.csv": (None, "calendar_file_encoding", 0),
    }
    for name, (text, code, row) in cases.items():
        path = tmp_path / name
        if text is None:
            path.write_bytes("date,kind,name\n2027-01-01,holiday,元旦\n".encode("gbk"))
        else:
            path.write_text(text, encoding="utf-8")
        with pytest.raises(workcalendar.CalendarImportError) as caught:
            workcalendar.import_calendar_file(path, actor=w.head, complete=True)
        assert (caught.value.code, caught.value.row) == (code, row), name
    other_year = _file(tmp_path, SCHEDULE_2027, "other.csv")
    with pytest.raises(workcalendar.CalendarImportError) as caught:
        workcalendar.read_calendar_file(other_year, year=2028)
    assert (caught.value.code, caught.value.row) == ("calendar_wrong_year", 2)


def test_the_readme_example_is_a_calendar_file(tmp_path):
    """The format the README documents is the one the reader takes."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```\n(date,kind,name\n.*?)```", readme, re.S)
    assert example is not None
    days = workcalendar.read_calendar_file(_file(tmp_path, example.group(1)), year=2027)
    assert [(day.weekday() >= 5, working) for day, working, _name in days if working] == [
        (True, True)
    ]
    assert len(days) == example.group(1).count("\n") - 1
