"""Outlet → Training…: record a session; who is behind, with its threshold."""

from __future__ import annotations

import pytest

from db.management import training
from db.store import codes
from db.store.database import close_database
from db.store.models import TrainingAttendance, TrainingSession
from desktop.management.training_dialog import TrainingDialog
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.modal_driver import drive

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    yield shop
    close_database()


def behind_names(d: TrainingDialog) -> list[str]:
    return [d.behind_table.item(r, 0).text() for r in range(d.behind_table.rowCount())]


def test_record_a_session_and_the_behind_list(qtbot, shop):
    head, lobby, teller = shop.staff
    d = TrainingDialog(shop.outlet, head)
    qtbot.addWidget(d)
    d.show()
    assert unnamed_widgets(d) == []
    assert sorted(behind_names(d)) == sorted(s.name for s in shop.staff)

    def fill(s):
        assert unnamed_widgets(s) == []
        s.topic_combo.setCurrentIndex(s.topic_combo.findData(codes.TOPIC_COMPLAINT_HANDLING))
        s.title_edit.setText("投诉处理流程复训")
        s.trainer_edit.setText("孙丽")
        s.hours_spin.setValue(1.5)
        s.set_attendees([teller, lobby])
        s.save_button.click()

    drive(d.record_button.click, fill)
    session = TrainingSession.get()
    assert session.title == "投诉处理流程复训" and session.minutes == 90
    assert {a.staff_id for a in TrainingAttendance.select()} == {teller.id, lobby.id}
    assert d.sessions_table.rowCount() == 1
    assert d.sessions_table.item(0, 2).text() == "投诉处理流程复训"
    assert behind_names(d) == [head.name]

    d.staff_combo.setCurrentIndex(d.staff_combo.findData(teller.id))
    assert d.history_table.rowCount() == 1

    d.months_spin.setValue(6)
    d.save_months_button.click()
    assert training.behind_months() == 6


def test_a_refused_session_writes_nothing(qtbot, shop):
    d = TrainingDialog(shop.outlet, shop.head)
    qtbot.addWidget(d)

    def fill(s):
        s.title_edit.setText("无人参加")
        s.trainer_edit.setText("孙丽")
        s.save_button.click()

    refused = drive(d.record_button.click, fill)
    assert refused.stayed_open and TrainingSession.select().count() == 0


def test_staff_cannot_record_or_change_the_threshold(qtbot, shop):
    d = TrainingDialog(shop.outlet, shop.staff[2])
    qtbot.addWidget(d)
    assert not d.record_button.isEnabled() and not d.save_months_button.isEnabled()
