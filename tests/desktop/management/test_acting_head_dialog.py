"""Settings → Acting head…: the head names an acting head for a span, sees the history, ends a
span early; refusals (overlap, empty span, not the head) are shown and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime

from db.store.database import close_database
from db.store.models import ActingHead, now
from db.trust import permissions
from desktop.kit.i18n import install_translators
from desktop.management.acting_head_dialog import (
    COL_STAFF,
    COL_STATE,
    ActingHeadDialog,
    default_span,
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


def open_dialog(qtbot, shop, actor=None) -> ActingHeadDialog:
    dialog = ActingHeadDialog(shop.outlet, actor or shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.date(), value.time())


def set_span(dialog: ActingHeadDialog, start: dt.datetime, end: dt.datetime) -> None:
    dialog.starts_edit.setDateTime(qdt(start))
    dialog.ends_edit.setDateTime(qdt(end))


def test_head_names_an_acting_head_and_ends_the_span_early(qtbot, shop):
    lobby = shop.staff[1]
    dialog = open_dialog(qtbot, shop)
    assert unnamed_widgets(dialog) == []
    names = [dialog.staff_combo.itemData(i) for i in range(dialog.staff_combo.count())]
    assert shop.head.id not in names  # the head cannot be their own acting head

    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData(lobby.id))
    start = now() - dt.timedelta(minutes=10)
    set_span(dialog, start, start + dt.timedelta(hours=4))
    dialog.note_edit.setText("到区分公司开会")
    dialog.name_acting_head()
    assert dialog.general_error() == "" and dialog.errors.shown() == {}
    (span,) = permissions.acting_spans(shop.outlet)
    assert (span.staff_id, span.note) == (lobby.id, "到区分公司开会")
    assert permissions.acting_head_at(shop.outlet, now()).id == lobby.id
    assert dialog.table.item(0, COL_STAFF).text() == lobby.name
    assert dialog.table.item(0, COL_STATE).text() == "Current"
    assert not dialog.end_button.isEnabled()

    dialog.table.selectRow(0)
    assert dialog.end_button.isEnabled()
    dialog.end_button.click()
    assert ActingHead.get_by_id(span.id).ends_at <= now()
    assert permissions.acting_head_at(shop.outlet, now()) is None
    assert dialog.table.item(0, COL_STATE).text() == "Ended"
    assert dialog.changed


def test_refusals_are_shown_where_they_belong(qtbot, shop):
    teller = shop.staff[2]
    start = now() + dt.timedelta(days=1)
    permissions.name_acting_head(shop.head, shop.staff[1], start, start + dt.timedelta(hours=8))
    dialog = open_dialog(qtbot, shop)
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData(teller.id))

    set_span(dialog, start + dt.timedelta(hours=2), start + dt.timedelta(hours=10))
    dialog.name_acting_head()
    assert dialog.errors.shown() == {
        "starts_at": "Another acting head is already named for part of this time."
    }

    set_span(dialog, start + dt.timedelta(days=2), start + dt.timedelta(days=2, minutes=-1))
    dialog.name_acting_head()
    assert dialog.errors.shown() == {"ends_at": "The span must end after it starts."}
    assert len(permissions.acting_spans(shop.outlet)) == 1
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, COL_STATE).text() == "Planned"


def test_only_the_head_names_an_acting_head(qtbot, shop):
    lobby, teller = shop.staff[1], shop.staff[2]
    dialog = open_dialog(qtbot, shop, actor=lobby)
    assert dialog.findChild(object, "acting_head_only") is not None
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData(teller.id))
    dialog.name_acting_head()
    assert dialog.general_error() == "Only the outlet head may name an acting head (Art. 8)."
    assert permissions.acting_spans(shop.outlet) == []


def test_default_span_runs_to_the_end_of_business():
    start, end = default_span(dt.datetime(2026, 11, 30, 9, 15, 42))
    assert (start, end) == (dt.datetime(2026, 11, 30, 9, 15), dt.datetime(2026, 11, 30, 18, 0))
    start, end = default_span(dt.datetime(2026, 11, 30, 17, 30))
    assert end == dt.datetime(2026, 12, 1, 18, 0)
