"""Settings → Working-day calendar…: the years covered, a package year as published, a year
the package does not cover entered by hand (holidays and make-up working days), reloading
from the package, and the head-only refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from db.handling import workcalendar
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

    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.save_year_button.click()
        assert dialog.busy and not dialog.busy_bar.isHidden()
    stored = {(e.day, e.working, e.name) for e in workcalendar.entries(new_year)}
    assert stored == {(holiday, False, "春节"), (makeup, True, "春节调休")}
    assert workcalendar.year_covered(new_year)
    assert "entered by hand" in dialog.year_status.text()
    assert f"{new_year} entered by hand" in dialog.coverage_label.text()
    assert not workcalendar.current().is_working_day(holiday)
    assert workcalendar.current().is_working_day(makeup)
    assert dialog.changed_calendar


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
    add(dialog, first_weekday(new_year, 0), False, "春节")
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
    assert dialog.message_label.text() == f"Added from the package: {year}."
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
