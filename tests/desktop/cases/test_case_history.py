"""The History tab of the case detail panel: the case's audit trail, read when on show."""

from __future__ import annotations

import datetime as dt

import pytest

from db.handling import workflow
from db.store import codes
from db.store.database import close_database
from db.store.models import now
from db.trust import audit
from desktop.cases.case_detail import TAB_DETAILS, TAB_HISTORY, CaseDetailPanel
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

METHOD = next(iter(codes.CONTACT_METHODS))


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    audit.set_session_actor(shop.head.id)  # as the program does at login
    shop.made = case_factory.add_cases(shop, 3)
    yield shop
    audit.set_session_actor(None)
    close_database()


@pytest.fixture
def panel(qtbot, shop):
    panel = CaseDetailPanel(actor=shop.head)
    qtbot.addWidget(panel)
    panel.resize(700, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def open_case(shop):
    """A case still open and awaiting reply (the factory's second kind is overdue)."""
    return shop.made[1]


def test_history_is_read_only_when_its_tab_is_shown(panel, shop):
    case = open_case(shop)
    panel.show_case(case.id)
    assert panel.tabs().currentIndex() == TAB_DETAILS
    assert panel.history().loaded_case_id() is None  # not read while hidden
    panel.tabs().setCurrentIndex(TAB_HISTORY)
    assert panel.history().loaded_case_id() == case.id
    other = shop.made[2]
    panel.show_case(other.id)  # the case changes while the tab is on show
    assert panel.history().loaded_case_id() == other.id
    assert unnamed_widgets(panel) == []


def test_a_transfer_shows_who_and_before_and_after_with_the_phone_masked(panel, shop):
    head, _lobby, teller = shop.staff
    case = open_case(shop)
    assert case.first_ask_owner_id != teller.id
    asked = now() - dt.timedelta(minutes=10)
    with audit.acting_as(head.id):
        workflow.transfer(case, head, teller, at=asked)
        workflow.confirm_contact(
            case, head, contact_at=asked + dt.timedelta(minutes=5), method=METHOD
        )
    panel.show_case(case.id)
    panel.tabs().setCurrentIndex(TAB_HISTORY)
    entries = panel.history().entries()

    registered = entries[0]
    assert registered[1] == head.name and registered[2] == "Case registered"
    phone_lines = [line for line in registered[3] if line.startswith("Phone: ")]
    assert phone_lines == ["Phone: 138****0001"]
    shown = "\n".join(" ".join([t, w, x, *c]) for t, w, x, c in entries)
    assert case.customer_phone not in shown

    assert any(e[2] == "Transfer added" and e[1] == head.name for e in entries)
    handler_changes = [
        (who, line)
        for _time, who, what, lines in entries
        if what == "Case changed"
        for line in lines
        if line.startswith("Handler: ")
    ]
    assert handler_changes == [(head.name, f"Handler: — → {teller.name}")]
    status_lines = [line for e in entries if e[2] == "Case changed" for line in e[3]]
    assert any(line.startswith("Status: ") and " → " in line for line in status_lines)
    # Updates list only what changed: never the unchanged customer name.
    assert not any(line.startswith("Customer name") for line in status_lines)
    assert any(e[2].startswith("Event added: ") for e in entries)


def test_writes_without_an_actor_read_as_system(panel, shop):
    audit.set_session_actor(None)
    made = case_factory.add_cases(shop, 1)[0]
    panel.show_case(made.id)
    panel.tabs().setCurrentIndex(TAB_HISTORY)
    assert panel.history().entries()[0][1] == "system"


def test_an_events_details_read_as_the_timeline_words_them(panel, shop):
    """An event's data is shown as the timeline's facts, not as JSON; data that holds only
    bookkeeping (the authority an action was taken with) is left out."""
    head, _lobby, teller = shop.staff
    case = open_case(shop)
    asked = now() - dt.timedelta(minutes=10)
    with audit.acting_as(head.id):
        workflow.transfer(case, head, teller, at=asked)
    panel.show_case(case.id)
    panel.tabs().setCurrentIndex(TAB_HISTORY)
    entries = panel.history().entries()

    lines = [
        line
        for _t, _w, what, changes in entries
        if what.startswith("Event added")
        for line in changes
    ]
    details = [line for line in lines if line.startswith("Details: ")]
    assert details, lines
    assert all("{" not in line and '"' not in line for line in details), details
    assert any(teller.name in line for line in details), details


def test_a_transfers_state_reads_as_words(panel, shop):
    head, _lobby, teller = shop.staff
    case = open_case(shop)
    asked = now() - dt.timedelta(minutes=10)
    with audit.acting_as(head.id):
        workflow.transfer(case, head, teller, at=asked)
        workflow.confirm_contact(
            case, head, contact_at=asked + dt.timedelta(minutes=5), method=METHOD
        )
    panel.show_case(case.id)
    panel.tabs().setCurrentIndex(TAB_HISTORY)
    lines = [line for e in panel.history().entries() if "Transfer" in e[2] for line in e[3]]
    assert "State: pending until contact → formal" in lines, lines
    assert not any("pending →" in line or line.endswith(": pending") for line in lines), lines
