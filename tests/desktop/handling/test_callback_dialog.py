"""The callback dialog (Art. 5(7)): plan, record, an unsatisfied customer sends the case back
to the head, and work orders that need the head to call back in person."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog

from db.handling import callbacks, workflow
from db.store import codes, vocab
from db.store.models import Callback, now
from db.workorders import orders as workorders
from desktop.cases.case_actions import CaseActionBar
from desktop.handling.callback_dialog import CallbackDialog
from tests.db.workflow_fixtures import World, dump, events, world
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.modal_driver import drive

__all__ = ["world"]


def replied_case(w: World):
    case = w.case()
    workflow.reply(case, w.teller, content="已答复客户", method="phone", customer_satisfied=True)
    return w.reload(case)


def open_dialog(qtbot, w: World, case, actor=None) -> CallbackDialog:
    dialog = CallbackDialog(w.reload(case), actor or w.head)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pick(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def planned(w: World, case, who=None) -> Callback:
    return callbacks.plan_callback(
        w.head, due_at=now() + dt.timedelta(hours=2), assigned_to=who or w.lobby, case=case
    )


def test_plan_a_callback(qtbot, world):
    case = replied_case(world)
    dialog = open_dialog(qtbot, world, case)
    assert dialog.plan_radio.isChecked()
    assert not dialog.record_radio.isEnabled()
    assert dialog.record_radio.toolTip() == "No callback is planned yet: plan one first."
    assert dialog.due_edit.isVisible() and not dialog.method_combo.isVisible()
    assert unnamed_widgets(dialog) == []

    before = dump()
    dialog.due_edit.setDateTime(QDateTime(now() - dt.timedelta(hours=1)))
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error_text() == "'Due' must be after 'Time'."
    assert dialog.due_edit.property("invalid") is True
    assert dump() == before

    due = (now() + dt.timedelta(days=1)).replace(second=0)
    dialog.due_edit.setDateTime(QDateTime(due))
    assert dialog.error_text() == ""
    pick(dialog.assigned_combo, world.lobby.id)
    dialog.plan_note_edit.setPlainText("下午三点后致电")
    dialog.save_button.click()
    assert not dialog.isVisible()
    cb = Callback.get()
    assert dialog.result_value == cb
    assert (cb.due_at, cb.assigned_to_id, cb.plan_note) == (due, world.lobby.id, "下午三点后致电")
    assert events(case)[-1] == codes.EVENT_CALLBACK_PLANNED


def test_record_a_satisfied_callback_through_the_action_bar(qtbot, world):
    case = replied_case(world)
    planned(world, case)
    bar = CaseActionBar(actor=world.head)
    qtbot.addWidget(bar)
    bar.show_case(case)

    def fill(d: QDialog):
        assert d.record_radio.isChecked()
        assert d.by_combo.currentData() == world.lobby.id  # whoever was assigned
        pick(d.method_combo, "phone")
        pick(d.result_combo, codes.RESULT_SATISFIED)
        d.notes_edit.setPlainText("客户表示满意")
        d.save_button.click()

    with qtbot.waitSignal(bar.case_changed):
        drive(lambda: bar.button("callback").click(), fill)
    cb = Callback.get()
    assert cb.done_by_id == world.lobby.id and cb.reached and cb.result == "satisfied"
    assert world.reload(case).status == vocab.STATUS_CALLBACK_DONE
    assert bar.banner_text() == ""


def test_reached_without_a_result_is_refused(qtbot, world):
    case = replied_case(world)
    planned(world, case)
    dialog = open_dialog(qtbot, world, case)
    assert unnamed_widgets(dialog) == []
    before = dump()
    pick(dialog.method_combo, "phone")
    dialog.save_button.click()
    assert dialog.error_text() == (
        "Record the customer's satisfaction when the customer was reached."
    )
    assert dialog.result_combo.property("invalid") is True
    assert dump() == before


def test_unsatisfied_customer_reopens_the_case_to_reporting(qtbot, world):
    case = replied_case(world)
    planned(world, case)
    dialog = open_dialog(qtbot, world, case)
    pick(dialog.method_combo, "visit")
    pick(dialog.result_combo, codes.RESULT_UNSATISFIED)
    dialog.save_button.click()
    assert not dialog.isVisible()
    stored = world.reload(case)
    assert stored.status == vocab.STATUS_CALLBACK_DONE
    assert workflow.report_owed(stored) == "unsatisfied_callback"

    bar = CaseActionBar(actor=world.head)
    qtbot.addWidget(bar)
    bar.show_case(stored)
    assert bar.banner_text().startswith("Report owed: Customer unsatisfied at the callback.")
    assert bar.enabled_actions() == ["report", "escalate"]


def test_customer_not_reached_keeps_the_attempt_only(qtbot, world):
    case = replied_case(world)
    planned(world, case)
    dialog = open_dialog(qtbot, world, case)
    dialog.reached_check.setChecked(False)
    assert not dialog.result_combo.isEnabled()
    pick(dialog.method_combo, "phone")
    dialog.notes_edit.setPlainText("无人接听")
    dialog.save_button.click()
    assert not dialog.isVisible()
    cb = Callback.get()
    assert cb.done_at is not None and not cb.reached and cb.result == ""
    assert world.reload(case).status == vocab.STATUS_REPLIED
    assert events(case)[-1] == codes.EVENT_CALLBACK_ATTEMPT


@pytest.fixture
def head_case(world):
    """A replied case linked to a work order on which the head must call back in person."""
    case = replied_case(world)
    order = workorders.NewWorkOrder(
        source=codes.SOURCE_95580,
        number="WO-2026-0815",
        received_at=case.received_at,
        reply_by=case.received_at + dt.timedelta(days=3),
        customer_name=case.customer_name,
        customer_phone=case.customer_phone,
        content="客户来电投诉排队时间过长",
        head_callback_required=True,
    )
    workorders.create_workorder(world.outlet, order, world.head, case=case)
    return world.reload(case)


def test_head_callback_must_be_planned_for_the_head(qtbot, world, head_case):
    dialog = open_dialog(qtbot, world, head_case)
    assert "by the head in person" in dialog.intro.text()
    assert dialog.assigned_combo.currentData() == world.head.id
    before = dump()
    pick(dialog.assigned_combo, world.teller.id)
    dialog.save_button.click()
    assert dialog.error_text() == (
        "This work order needs a callback by the head or the acting head in person (Art. 5)."
    )
    assert dump() == before
    pick(dialog.assigned_combo, world.head.id)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert Callback.get().assigned_to_id == world.head.id


def test_head_callback_recorded_by_someone_else_is_refused(qtbot, world, head_case):
    planned(world, head_case, who=world.head)
    dialog = open_dialog(qtbot, world, head_case)
    before = dump()
    pick(dialog.by_combo, world.teller.id)
    pick(dialog.method_combo, "phone")
    pick(dialog.result_combo, codes.RESULT_BASICALLY)
    dialog.save_button.click()
    assert dialog.error_text() == (
        "Only the outlet head or the acting head may call back a work-order customer (Art. 5, 8)."
    )
    assert dump() == before
    pick(dialog.by_combo, world.head.id)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert Callback.get().result == codes.RESULT_BASICALLY
