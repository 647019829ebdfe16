"""The due-today / overdue view on start, and the Today bar above the case list: counts of
complaints overdue or due today, near their deadline, work orders and callbacks due, each a
click away."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from db.handling import callbacks
from db.intake import queries
from db.store.database import close_database
from db.store.models import Case, now
from desktop import app as desktop_app
from desktop.cases.case_model import CASE_ID_ROLE
from desktop.cases.start_view import open_start_view
from desktop.cases.today_panel import TodayPanel
from desktop.kit.i18n import install_translators
from desktop.main_window import MainWindow
from desktop.workorders.workorders_ui import WorkOrdersDock
from tests.desktop import case_factory, workorder_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path, qapp):
    install_translators(qapp, "en")
    shop = case_factory.open_shop(tmp_path, 10)
    shop.cases = shop.made
    yield shop
    close_database()


@pytest.fixture
def window(qtbot, shop, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def listed_cases(win: MainWindow) -> list[Case]:
    model = win.model()
    while model.canFetchMore():
        model.fetchMore()
    return [Case.get_by_id(model.index(r, 0).data(CASE_ID_ROLE)) for r in range(model.rowCount())]


def end_of_today() -> dt.datetime:
    return dt.datetime.combine(now().date(), dt.time()) + dt.timedelta(days=1)


@pytest.fixture
def started(qapp, tmp_path, monkeypatch):
    """Start the program as a user does (desktop.app.run_gui) and hand back the window it
    showed; the event loop returns at once."""
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    seen: dict[str, object] = {}

    def fake_exec(*_args) -> int:
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen["filter"] = window.filter_bar().current_filter()
        seen["cases"] = listed_cases(window)
        seen["selected"] = window.table().selected_case_id()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    yield seen
    close_database()
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


def test_program_opens_on_the_complaints_overdue_or_due_today(started, tmp_path, qapp):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    case_factory.add_cases(shop, 10)
    close_database()

    assert desktop_app.run_gui(tmp_path / "data", "en", False) == 0
    flt = started["filter"]
    assert flt.overdue and flt.due_today
    cases = started["cases"]
    assert cases and all(c.is_open and c.due_at < end_of_today() for c in cases)
    assert started["selected"] == cases[0].id


def test_nothing_due_leaves_the_whole_list(window, shop):
    for case in shop.cases:
        Case.update(due_at=None, warn_at=None).where(Case.id == case.id).execute()
    window.refresh()
    assert open_start_view(window) is False
    assert window.filter_bar().current_filter() == queries.CaseFilter()
    today = window.findChild(TodayPanel)
    today.refresh()
    assert today.findChild(object, "todayAllClear").isVisible()
    assert not today.cases_button.isVisible()


def test_today_bar_counts_and_click_through(qtbot, window, shop):
    orders = workorder_factory.add_workorders(shop)
    callbacks.plan_callback(
        shop.head,
        # Later today whatever the hour the suite runs at (an hour ahead is tomorrow at 23:30).
        due_at=now() + (end_of_today() - now()) / 2,
        assigned_to=shop.staff[1],
        case=shop.cases[3],
    )
    today = window.findChild(TodayPanel)
    today.refresh()
    assert unnamed_widgets(window) == []
    counts = queries.status_counts(at=now())
    assert today.counts()["overdue"] == counts.overdue > 0
    assert today.counts()["due_today"] == counts.due_today > 0
    assert today.cases_button.text() == (
        f"Complaints overdue: {counts.overdue}, due today: {counts.due_today}"
    )
    assert today.workorders_button.text() == "Work orders due: 2 (overdue: 1)"
    assert today.callbacks_button.text() == "Callbacks due: 1"

    today.cases_button.click()
    flt = window.filter_bar().current_filter()
    assert flt.overdue and flt.due_today
    assert len(listed_cases(window)) == counts.overdue + counts.due_today

    # Work orders due: the menu lists them; choosing one shows it in the dock.
    menu = today.workorders_button.menu()
    assert [a.text().split(" · ")[0] for a in menu.actions()] == [
        "95580 customer centre W-OVERDUE",
        "Superior office W-NEAR",
    ]
    dock = window.findChild(WorkOrdersDock)
    dock.hide()
    menu.actions()[1].trigger()
    assert dock.isVisible() and dock.panel.selected_id() == orders["near"].id

    # Callbacks due: choosing one selects its complaint, widening the list if needed.
    today.callbacks_button.menu().actions()[0].trigger()
    assert window.table().selected_case_id() == shop.cases[3].id


def test_near_breach_menu_selects_the_case(qtbot, window, shop):
    case = next(c for c in shop.cases if c.is_open and c.due_at > end_of_today())
    Case.update(warn_at=now() - dt.timedelta(minutes=1)).where(Case.id == case.id).execute()
    today = window.findChild(TodayPanel)
    today.refresh()
    assert today.near_button.text() == "Near their deadline: 1"
    (action,) = today.near_button.menu().actions()
    assert action.text().startswith(case.case_no)
    window.filter_bar().show_due_soon()
    action.trigger()
    assert window.table().selected_case_id() == case.id


# --- the logged-in person's own line (Art. 4, 5, 10) ------------------------------------------


def owes(person, case: Case) -> bool:
    """Independently of db/: the handler once a transfer is formal, else the first-ask owner;
    and the prospective handler of a pending transfer."""
    from db.store import codes
    from db.store.models import CaseTransfer

    accountable = case.handler_id if case.handler_id is not None else case.first_ask_owner_id
    pending = CaseTransfer.get_or_none(
        (CaseTransfer.case == case.id) & (CaseTransfer.state == codes.TRANSFER_PENDING)
    )
    return person.id == accountable or (pending is not None and pending.handler_id == person.id)


def staff_window(qtbot, shop, tmp_path, person) -> MainWindow:
    settings = QSettings(str(tmp_path / f"settings-{person.id}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(shop.outlet, person, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_each_person_sees_what_they_owe_and_a_click_lists_it(qtbot, shop, tmp_path):
    from db.handling import workflow
    from db.workorders import orders as workorders

    head, lobby, teller = shop.staff
    at = now()
    due = [c for c in (Case.get_by_id(c.id) for c in shop.cases) if c.is_open and c.due_at]
    # One of the lobby manager's overdue complaints is being transferred to the teller
    # (pending: both are reminded), and one of the teller's is formally the lobby manager's.
    lobby_overdue = next(c for c in due if c.first_ask_owner_id == lobby.id and c.due_at < at)
    workflow.transfer(lobby_overdue, lobby, teller)
    teller_case = next(c for c in due if c.first_ask_owner_id == teller.id)
    workflow.transfer(teller_case, teller, lobby)
    workflow.confirm_contact(teller_case, lobby, contact_at=now(), method="phone")
    mine = next(c for c in due if c.first_ask_owner_id == teller.id and c.id != teller_case.id)
    linked = workorders.create_workorder(
        shop.outlet,
        workorders.NewWorkOrder(
            "95580",
            "W-MINE",
            at - dt.timedelta(days=2),
            at + dt.timedelta(hours=1),
            "王建国",
            "",
            "排队过长",
        ),
        head,
        case=mine,
    )
    workorders.create_workorder(
        shop.outlet,
        workorders.NewWorkOrder(
            "superior_office",
            "W-HEAD",
            at - dt.timedelta(days=2),
            at + dt.timedelta(hours=1),
            "赵敏",
            "",
            "态度生硬",
        ),
        head,
    )
    callback = callbacks.plan_callback(
        head,
        due_at=now() + (end_of_today() - now()) / 2,
        assigned_to=teller,
        case=shop.cases[3],
    )

    win = staff_window(qtbot, shop, tmp_path, teller)
    today = win.findChild(TodayPanel)
    assert unnamed_widgets(win) == []
    row = today.findChild(object, "todayOwnRow")
    assert row.isVisible()
    assert today.findChild(object, "todayOwnTitle").text() == "<b>Yours</b> (郑红):"

    expected = [
        c
        for c in (Case.get_by_id(c.id) for c in shop.cases)
        if c.is_open
        and owes(teller, c)
        and c.due_at is not None
        and (c.due_at < end_of_today() or (c.warn_at is not None and c.warn_at <= now()))
    ]
    assert lobby_overdue.id in {c.id for c in expected}
    assert teller_case.id not in {c.id for c in expected}
    owed = today.owed()
    assert owed.cases.total == len(expected)
    overdue = sum(1 for c in expected if c.due_at < now())
    assert owed.cases.overdue == overdue
    assert today.own_cases_button.isVisible()
    assert today.own_cases_button.text().startswith(f"Your complaints: overdue {overdue}")

    # The click lists exactly those complaints.
    today.own_cases_button.click()
    flt = win.filter_bar().current_filter()
    assert flt.reminded_id == teller.id and flt.overdue and flt.due_today and flt.near_breach
    assert win.filter_bar().findChild(object, "mineFilter").isChecked()
    assert sorted(c.id for c in listed_cases(win)) == sorted(c.id for c in expected)

    # Work orders: the teller owes the one linked to her complaint, not the head's.
    assert today.own_workorders_button.text() == "Work orders to reply to: 1"
    (entry,) = today.own_workorders_button.menu().actions()
    assert entry.text().startswith("95580 customer centre W-MINE")
    assert linked.case_id == mine.id

    # Callbacks assigned to her: choosing one selects its complaint.
    assert today.own_callbacks_button.text() == "Callbacks to make: 1"
    today.own_callbacks_button.menu().actions()[0].trigger()
    assert win.table().selected_case_id() == callback.case_id

    # The head owes the work order linked to no complaint (Art. 5).
    head_window = staff_window(qtbot, shop, tmp_path, head)
    head_today = head_window.findChild(TodayPanel)
    assert [wo.number for wo in head_today.owed().work_orders] == ["W-HEAD"]


def test_nothing_owed_says_so(qtbot, shop, tmp_path):
    for case in shop.cases:
        Case.update(due_at=None, warn_at=None).where(Case.id == case.id).execute()
    win = staff_window(qtbot, shop, tmp_path, shop.staff[2])
    today = win.findChild(TodayPanel)
    assert today.findChild(object, "todayOwnAllClear").isVisible()
    assert not today.own_cases_button.isVisible()
    assert not today.own_workorders_button.isVisible()
