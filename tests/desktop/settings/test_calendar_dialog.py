"""Settings → Working-day calendar…: the years covered, a package year as published, a year
the package does not cover entered by hand (holidays and make-up working days), reloading
from the package, and the head-only refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from db.handling import workcalendar
from db.intake import cases
from db.store.database import close_database
from db.store.models import CalendarDay, CalendarYear
from desktop.kit.i18n import install_translators
from desktop.settings.calendar_dialog import (
    COL_KIND,
    COL_NAME,
    CalendarDialog,
    entry_problem,
    format_ranges,
    package_years,
)
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path, qapp):
    install_translators(qapp, "en")
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    yield shop
    close_database()


@pytest.fixture
def new_year() -> int:
    """The first year the installed chinese_calendar does not know (2027 with 1.11)."""
    years = package_years()
    assert years, "chinese_calendar is a dependency"
    return max(years) + 1


def open_dialog(qtbot, actor) -> CalendarDialog:
    dialog = CalendarDialog(actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def add(dialog: CalendarDialog, day: dt.date, working: bool, name: str) -> None:
    dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(working))
    dialog.name_combo.setEditText(name)
    dialog.add_button.click()


def first_weekday(year: int, weekday: int, month: int = 2) -> dt.date:
    day = dt.date(year, month, 1)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day


def test_package_year_is_shown_as_published(qtbot, shop):
    year = max(package_years())
    dialog = open_dialog(qtbot, shop.head)
    assert unnamed_widgets(dialog) == []
    dialog.year_spin.setValue(year)
    assert f"{min(package_years())}–{year} from the holiday package" in (
        dialog.coverage_label.text()
    )
    assert "as published" in dialog.year_status.text()
    assert dialog.edit_group.isHidden()
    kinds = {dialog.table.item(r, COL_KIND).text() for r in range(dialog.table.rowCount())}
    assert kinds == {"Holiday", "Make-up working day"}
    names = {dialog.table.item(r, COL_NAME).text() for r in range(dialog.table.rowCount())}
    assert "Spring Festival" in names


def test_head_enters_a_year_the_package_does_not_cover(qtbot, shop, new_year):
    dialog = open_dialog(qtbot, shop.head)
    dialog.year_spin.setValue(new_year)
    assert "is not covered" in dialog.year_status.text()
    assert not dialog.edit_group.isHidden()
    assert unnamed_widgets(dialog) == []

    holiday = first_weekday(new_year, 0)  # a Monday
    makeup = first_weekday(new_year, 6)  # a Sunday
    wrong = first_weekday(new_year, 2)  # a Wednesday cannot be a make-up working day
    add(dialog, holiday, False, "春节")
    add(dialog, holiday + dt.timedelta(days=1), False, "春节")
    add(dialog, makeup, True, "春节调休")
    add(dialog, wrong, True, "错")
    assert "is a weekday" in dialog.entry_error.text() and not dialog.entry_error.isHidden()
    assert wrong not in dialog.draft()

    dialog.table.selectRow(1)  # the second holiday
    dialog.remove_button.click()
    assert set(dialog.draft()) == {holiday, makeup}
    assert workcalendar.entries(new_year) == []  # nothing is stored before saving

    # Saved without saying it is complete: the days count, the year is not covered.
    assert not dialog.complete_box.isChecked()
    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.save_year_button.click()
        assert dialog.busy and not dialog.busy_bar.isHidden()
    stored = {(e.day, e.working, e.name) for e in workcalendar.entries(new_year)}
    assert stored == {(holiday, False, "春节"), (makeup, True, "春节调休")}
    assert not workcalendar.year_covered(new_year)
    assert "entered in part" in dialog.year_status.text()
    assert "not yet complete: 2 days" in dialog.message_label.text()
    assert not workcalendar.current().is_working_day(holiday)
    assert workcalendar.current().is_working_day(makeup)
    assert dialog.changed_calendar
    assert not dialog.save_year_button.isEnabled()

    # Ticking "complete" is a change of its own; saved, the year is covered.
    dialog.complete_box.setChecked(True)
    assert dialog.save_year_button.isEnabled()
    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.save_year_button.click()
    assert workcalendar.year_covered(new_year)
    assert "entered by hand, complete" in dialog.year_status.text()
    assert f"{new_year} entered by hand" in dialog.coverage_label.text()
    assert "saved as complete" in dialog.message_label.text()


def test_switching_year_with_unsaved_days_asks_first(qtbot, shop, new_year, monkeypatch):
    dialog = open_dialog(qtbot, shop.head)
    dialog.year_spin.setValue(new_year)
    add(dialog, first_weekday(new_year, 0), False, "春节")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    dialog.year_spin.setValue(new_year + 1)
    assert dialog.year == new_year and dialog.year_spin.value() == new_year and dialog.draft()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    dialog.year_spin.setValue(new_year + 1)
    assert dialog.year == new_year + 1 and not dialog.draft()


def test_only_the_head_may_edit_the_calendar(qtbot, shop, new_year, monkeypatch):
    # The unsaved day is discarded when the test closes the dialog.
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    dialog = open_dialog(qtbot, shop.staff[2])
    dialog.year_spin.setValue(new_year)
    # The others see the year, who may change it and whom to ask; the editor is locked ...
    assert not dialog.edit_group.isEnabled()
    assert not dialog.who_label.isHidden()
    assert f"Ask the outlet head, {shop.head.name}, to enter it." in dialog.who_label.text()
    # ... and db refuses anyway (a locked editor is a courtesy, not the enforcement).
    day = first_weekday(new_year, 0)
    dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.add_day()
    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.save_year()
    assert "Only the outlet head or the acting head may edit the working-day calendar" in (
        dialog.general_error()
    )
    assert workcalendar.entries(new_year) == [] and not workcalendar.year_covered(new_year)


def test_reload_from_package_adds_missing_years(qtbot, shop):
    year = max(package_years())
    CalendarDay.delete().where(CalendarDay.day >= dt.date(year, 1, 1)).execute()
    CalendarYear.delete().where(CalendarYear.year == year).execute()
    workcalendar.invalidate_cache()
    dialog = open_dialog(qtbot, shop.head)
    dialog.year_spin.setValue(year)
    assert "is not covered" in dialog.year_status.text()
    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.reload_button.click()
    assert dialog.message_label.text() == f"Added from the package: {year}. No deadline moved."
    assert "as published" in dialog.year_status.text()
    assert dialog.table.rowCount() > 0

    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.reload_button.click()
    assert "knows no year that is not here yet" in dialog.message_label.text()


def test_pure_helpers():
    assert entry_problem(2027, dt.date(2027, 2, 7), True) is None  # a Sunday worked
    assert entry_problem(2027, dt.date(2027, 2, 8), True) == "makeup_on_weekday"
    assert entry_problem(2027, dt.date(2028, 1, 1), False) == "wrong_year"
    assert format_ranges([2004, 2005, 2006, 2027, 2009]) == "2004–2006, 2009, 2027"


def write(tmp_path, text: str, name: str = "calendar.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_a_file_into_the_year_then_save_it_complete(qtbot, shop, new_year, tmp_path):
    dialog = open_dialog(qtbot, shop.head)
    dialog.year_spin.setValue(new_year)
    makeup = first_weekday(new_year, 6)  # a Sunday
    good = write(
        tmp_path,
        f"date,kind,name\n{new_year}-01-01,holiday,元旦\n{makeup.isoformat()},workday,春节调休\n",
    )
    bad = write(
        tmp_path,
        f"date,kind,name\n{new_year}-01-01,holiday,元旦\n{new_year}-01-05,holidy,x\n",
        "bad.csv",
    )
    assert not dialog.import_file(bad)
    assert "Row 3:" in dialog.general_error() and "holidy" in dialog.general_error()
    assert dialog.draft() == {} and not dialog.is_dirty()
    assert dialog.import_file(good)
    assert dialog.draft() == {
        dt.date(new_year, 1, 1): (False, "元旦"),
        makeup: (True, "春节调休"),
    }
    assert "2 days read from the file" in dialog.message_label.text()
    assert workcalendar.entries(new_year) == []  # nothing stored before saving
    dialog.complete_box.setChecked(True)
    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.save_year_button.click()
    assert workcalendar.year_covered(new_year)
    assert len(workcalendar.entries(new_year)) == 2
    assert "No deadline moved." in dialog.message_label.text()


def test_saving_the_schedule_lists_the_deadlines_it_moved(qtbot, shop, monkeypatch):
    """In late December a complaint's 15 days end on 1 January, counted as a working day
    while only weekends are known to rest in 2027; entering New Year's Day moves it."""
    from db.handling import deadlines
    from tests.db.helpers import freeze_now

    today = dt.datetime(2026, 12, 28, 10, 0)
    freeze_now(monkeypatch, today)
    data = case_factory.new_case_data(1, shop.staff, today)
    data.received_at = dt.datetime(2026, 12, 17, 9, 0)
    data.agreed_reply_at = dt.datetime(2026, 12, 30, 17, 0)
    case = cases.register_case(shop.outlet, data, actor=shop.head)
    assert deadlines.calendar_gap().cases == 1
    dialog = open_dialog(qtbot, shop.head)
    dialog.year_spin.setValue(2027)
    add(dialog, dt.date(2027, 1, 1), False, "元旦")
    dialog.complete_box.setChecked(True)
    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.save_year_button.click()
    assert dialog.moves() == [f"{case.case_no} · Handling decision: 2027-01-01 → 2027-01-04"]
    assert not dialog.moves_list.isHidden()
    assert "Deadlines that moved: complaints 1, work orders 0." in dialog.message_label.text()
    assert not deadlines.calendar_gap()


def test_the_dialog_opens_at_the_year_it_is_asked_for(qtbot, shop, new_year):
    dialog = CalendarDialog(shop.head, year=new_year)
    qtbot.addWidget(dialog)
    assert dialog.year == new_year and dialog.year_spin.value() == new_year
