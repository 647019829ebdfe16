"""Deadlines running into a year whose official working-day schedule is not entered: the
Today bar, the start of the program and the dialogs that compute a deadline say so, with a
button to the calendar for the head and whom to ask for everyone else.

chinese_calendar knows the years up to 2026; the clock is fixed in December 2026."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from db.handling import deadlines, workcalendar
from db.intake import cases
from db.store import codes
from db.store.database import close_database, database_path, open_database
from desktop import app as desktop_app
from desktop.cases.today_panel import TodayPanel
from desktop.handling.pause_dialog import PauseDialog
from desktop.handling.simple_action_dialog import SimpleActionDialog
from desktop.kit.i18n import install_translators
from desktop.main_window import MainWindow
from desktop.settings.calendar_dialog import CalendarDialog
from desktop.settings.calendar_gap import CalendarNotice, TodayCalendarRow
from desktop.workorders.workorder_dialog import WorkOrderDialog
from tests.db.helpers import freeze_now
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DECEMBER = dt.datetime(2026, 12, 3, 9, 0)
NOVEMBER = dt.datetime(2026, 11, 2, 9, 0)
WARNING = "The official working-day schedule of 2027 is not entered"


@pytest.fixture
def shop(tmp_path, qapp):
    install_translators(qapp, "en")
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    yield shop
    close_database()


def register(shop, received: dt.datetime) -> cases.Case:
    data = case_factory.new_case_data(1, shop.staff, received)
    data.received_at = received
    data.agreed_reply_at = received + dt.timedelta(days=2)
    return cases.register_case(shop.outlet, data, actor=shop.head)


def test_the_today_row_warns_in_december_with_a_button_for_the_head(qtbot, shop, monkeypatch):
    row = TodayCalendarRow(shop.head, clock=lambda: DECEMBER)
    qtbot.addWidget(row)
    assert WARNING in row.text()
    assert row.button.text() == "Enter the schedule of 2027…" and not row.button.isHidden()
    assert unnamed_widgets(row) == []
    opened = []

    def ask(parent, actor, *, year=None):
        opened.append((actor, year))
        return True

    monkeypatch.setattr(CalendarDialog, "ask", ask)
    with qtbot.waitSignal(row.calendar_changed):
        row.button.click()
    assert opened == [(shop.head, 2027)]

    # In early November nothing runs into 2027 yet: the row stays hidden.
    quiet = TodayCalendarRow(shop.head, clock=lambda: NOVEMBER)
    qtbot.addWidget(quiet)
    assert quiet.isHidden() and quiet.text() == ""


def test_others_are_told_whom_to_ask(qtbot, shop):
    teller = shop.staff[2]
    row = TodayCalendarRow(teller, clock=lambda: DECEMBER)
    qtbot.addWidget(row)
    assert WARNING in row.text()
    assert f"Ask the outlet head, {shop.head.name}, to enter it." in row.text()
    assert row.button.text() == "View the calendar…"


def test_the_row_counts_the_deadlines_and_goes_once_the_year_is_complete(qtbot, shop, monkeypatch):
    today = dt.datetime(2026, 12, 28, 10, 0)
    freeze_now(monkeypatch, today)
    register(shop, dt.datetime(2026, 12, 17, 9, 0))  # decided by 1 Jan 2027
    row = TodayCalendarRow(shop.head, clock=lambda: today)
    qtbot.addWidget(row)
    assert "Deadlines counted this way now: complaints 1, work orders 0." in row.text()
    workcalendar.set_year(
        2027, [(dt.date(2027, 1, 1), False, "元旦")], actor=shop.head, complete=False
    )
    row.refresh()
    assert WARNING in row.text()  # saved in part: still not covered
    workcalendar.set_year(
        2027, [(dt.date(2027, 1, 1), False, "元旦")], actor=shop.head, complete=True
    )
    row.refresh()
    assert row.isHidden()


def test_the_row_sits_below_the_today_bar_and_follows_it(qtbot, shop, tmp_path, monkeypatch):
    clock = {"now": DECEMBER}
    monkeypatch.setattr(TodayPanel.__init__, "__kwdefaults__", {"clock": lambda: clock["now"]})
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(window)
    window.show()
    panel = window.findChild(TodayPanel)
    row = window.findChild(TodayCalendarRow)
    layout = window.centralWidget().layout()
    assert layout.indexOf(row) == layout.indexOf(panel) + 1
    assert WARNING in row.text()
    clock["now"] = NOVEMBER
    panel.refresh()
    assert row.isHidden()


def test_start_up_says_it_once_below_the_today_bar_and_not_again_on_top(
    qapp, qtbot, tmp_path, monkeypatch
):
    """A real start in December with next year's schedule missing: the row below the Today
    bar says it with its button, and no message box repeats the sentence over the window."""
    install_translators(qapp, "en")
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    folder = tmp_path / "data"
    open_database(database_path(folder))
    case_factory.make_outlet()
    close_database()
    freeze_now(monkeypatch, DECEMBER)
    seen: dict[str, object] = {}
    # Windows an earlier test left behind (with their own boxes) are not this start's.
    earlier = {id(w) for w in QApplication.topLevelWidgets()}

    def fake_exec(*_args) -> int:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and id(w) not in earlier
        ]
        assert len(shown) == 1
        window = shown[0]
        qtbot.waitUntil(window.is_fully_built, timeout=5000)
        qtbot.wait(200)  # the turns of the event loop after the window is built
        row = window.findChild(TodayCalendarRow)
        seen["row"] = row.text()
        seen["button"] = row.button.text()
        seen["boxes"] = [
            w.text()
            for w in QApplication.topLevelWidgets()
            if id(w) not in earlier and isinstance(w, QMessageBox) and w.isVisible()
        ]
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert desktop_app.run_gui(folder, "en", False) == 0
    finally:
        close_database()
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])
    assert WARNING in seen["row"]
    assert seen["button"] == "Enter the schedule of 2027…"
    assert seen["boxes"] == []


def test_the_work_order_dialog_warns_about_its_default_reply_by(qtbot, shop, monkeypatch):
    freeze_now(monkeypatch, dt.datetime(2026, 12, 28, 10, 0))
    dialog = WorkOrderDialog(shop.outlet, shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    notice = dialog.findChild(CalendarNotice)
    dialog.received_edit.setDateTime(QDateTime(dt.datetime(2026, 12, 28, 10, 0)))
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(codes.SOURCE_REGULATOR))
    assert notice.isHidden()  # a reply-by is stated: nothing is counted
    dialog.default_reply_box.setChecked(True)
    # 5 working days under the fallback: 29, 30, 31 Dec, Fri 1 Jan, Mon 4 Jan
    assert dialog.reply_by_edit.dateTime().toPython() == dt.datetime(2027, 1, 4, 23, 59, 59)
    assert WARNING in notice.text()
    dialog.default_reply_box.setChecked(False)
    assert notice.isHidden()


def test_the_new_complaint_form_warns_when_its_decision_runs_into_next_year(qtbot, shop):
    from desktop.cases.new_case import NewCaseDialog

    dialog = NewCaseDialog(shop.outlet, shop.head)
    qtbot.addWidget(dialog)
    notice = dialog.findChild(CalendarNotice)
    dialog.received_edit.setDateTime(QDateTime(dt.datetime(2026, 11, 20, 9, 0)))
    assert notice.isHidden()  # decided by 5 Dec 2026
    dialog.received_edit.setDateTime(QDateTime(dt.datetime(2026, 12, 20, 9, 0)))
    assert WARNING in notice.text()  # 15 days end 4 Jan 2027


def test_case_dialogs_that_move_the_decision_clock_warn(qtbot, shop, monkeypatch):
    freeze_now(monkeypatch, DECEMBER)
    case = register(shop, dt.datetime(2026, 12, 1, 9, 0))
    # the 15 days end 16 Dec; extended, they may reach 2027
    assert deadlines.case_gap_years(case, DECEMBER) == (2027,)
    for dialog in (
        SimpleActionDialog(case, shop.head, "agree_reply_time"),
        PauseDialog(case, shop.head),
    ):
        qtbot.addWidget(dialog)
        notice = dialog.findChild(CalendarNotice)
        assert WARNING in notice.text(), dialog.objectName()
        assert unnamed_widgets(dialog) == []
    settle = SimpleActionDialog(case, shop.head, "settle")
    qtbot.addWidget(settle)
    assert settle.findChild(CalendarNotice) is None
