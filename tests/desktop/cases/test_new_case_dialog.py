"""The New complaint dialog: what it stores, and what it refuses without storing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from db.intake import outlets
from db.intake.validation import MAX_DESCRIPTION, FieldError
from db.store import vocab
from db.store.database import close_database, open_database
from db.store.models import Case, CaseEvent, Staff
from desktop.cases.new_case import NewCaseDialog
from desktop.kit import labels

# The offscreen platform warns whenever a shown window's size constraints change, as they
# do when inline errors appear; real platforms do not.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def outlet_and_head(tmp_path):
    open_database(tmp_path / "t.sqlite3")
    outlet, head = outlets.setup_outlet(
        outlets.OutletSetup("Xicheng Outlet", "BJ0101", "Xicheng District", "Wang Fang", "E001")
    )
    yield outlet, head
    close_database()


@pytest.fixture
def dialog(qtbot, outlet_and_head):
    outlet, head = outlet_and_head
    dlg = NewCaseDialog(outlet, head)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def fill_valid(dlg: NewCaseDialog) -> None:
    dlg.business_type_combo.setCurrentIndex(dlg.business_type_combo.findData("bank_cards"))
    dlg.cause_combo.setCurrentIndex(dlg.cause_combo.findData("onsite_long_wait"))
    dlg.customer_name_edit.setText("张三")
    dlg.customer_phone_edit.setText("138 1234 5678")
    dlg.remedy_edit.setText("An apology")
    dlg.description_edit.setPlainText("Waited forty minutes at the counter for a card.")


def settle(dlg: NewCaseDialog, text: str = "Explained the queue and apologised.") -> None:
    dlg.settled_radio.setChecked(True)
    dlg.settlement_edit.setPlainText(text)


def events_of(case: Case) -> list[str]:
    return [e.kind for e in case.events.order_by(CaseEvent.id)]


def shown_error(dlg: NewCaseDialog, field: str) -> QLabel:
    error = dlg.findChild(QLabel, f"error_{field}")
    assert error is not None
    return error


def test_save_settled_on_the_spot(dialog, outlet_and_head):
    _outlet, head = outlet_and_head
    fill_valid(dialog)
    settle(dialog)
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    case = Case.get()
    assert dialog.result_case == case
    assert case.case_no.startswith("BJ0101-")
    assert case.status == vocab.STATUS_SETTLED_ON_SPOT
    assert not case.is_open
    assert case.severity == vocab.SEVERITY_ORDINARY
    assert case.business_type == "bank_cards"
    assert case.cause == "onsite_long_wait"
    assert case.route == "outlet_in_person"
    assert case.channel == "onsite"
    assert case.customer_phone == "13812345678"
    assert case.settlement == "Explained the queue and apologised."
    assert case.first_ask_owner == head
    assert case.due_at is None
    assert events_of(case) == [vocab.EVENT_REGISTERED, vocab.EVENT_SETTLED_ON_SPOT]
    assert all(e.actor == head for e in case.events)


def test_save_with_agreed_reply_time_and_urgent_triggers(qtbot, outlet_and_head):
    outlet, head = outlet_and_head
    colleague = outlets.add_staff(outlet, "Li Lei", "E002", vocab.ROLE_LOBBY_MANAGER)
    dialog = NewCaseDialog(outlet, head)
    qtbot.addWidget(dialog)
    dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findData(colleague.id))
    fill_valid(dialog)
    dialog.trigger_boxes["funds_at_risk"].setChecked(True)
    dialog.trigger_boxes["media_exposure"].setChecked(True)
    received = dt.datetime.now().replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    reply = received + dt.timedelta(days=2)
    dialog.received_edit.setDateTime(QDateTime(received))
    dialog.agreed_radio.setChecked(True)
    dialog.reply_edit.setDateTime(QDateTime(reply))
    dialog.save_button.click()

    case = dialog.result_case
    assert case is not None
    case = Case.get_by_id(case.id)
    assert case.status == vocab.STATUS_AWAITING_REPLY
    assert case.is_open
    assert case.severity == vocab.SEVERITY_URGENT
    assert case.urgent_triggers == "funds_at_risk,media_exposure"
    assert case.received_at == received
    assert case.agreed_reply_at == reply
    assert case.due_at == reply
    assert case.first_ask_owner == colleague
    assert events_of(case) == [
        vocab.EVENT_REGISTERED,
        vocab.EVENT_URGENT_TRIGGERED,
        vocab.EVENT_REPLY_TIME_AGREED,
    ]
    urgent = case.events.where(CaseEvent.kind == vocab.EVENT_URGENT_TRIGGERED).get()
    assert json.loads(urgent.data) == {"triggers": ["funds_at_risk", "media_exposure"]}


def test_owner_defaults_to_the_actor_and_lists_active_staff(qtbot, outlet_and_head):
    outlet, head = outlet_and_head
    lobby = outlets.add_staff(outlet, "Li Lei", "E002", vocab.ROLE_LOBBY_MANAGER)
    gone = outlets.add_staff(outlet, "Zhao Min", "E003", vocab.ROLE_TELLER)
    Staff.update(active=False).where(Staff.id == gone.id).execute()
    dlg = NewCaseDialog(outlet, lobby)
    qtbot.addWidget(dlg)
    ids = [dlg.owner_combo.itemData(i) for i in range(dlg.owner_combo.count())]
    assert ids == [head.id, lobby.id]
    assert dlg.owner_combo.currentData() == lobby.id
    assert "Lobby manager" in dlg.owner_combo.currentText()


def test_severity_indication_follows_the_triggers(dialog):
    assert dialog.severity_label.text() == "Severity: Ordinary"
    dialog.trigger_boxes["repeat_complaint"].setChecked(True)
    assert dialog.severity_label.text() == "Severity: Urgent"
    dialog.trigger_boxes["repeat_complaint"].setChecked(False)
    assert dialog.severity_label.text() == "Severity: Ordinary"


def test_the_regulator_route_ticks_its_trigger_and_holds_it(dialog):
    """Q/PSBC 0004-2014: "forwarded by a regulator" is an urgent trigger, so choosing that
    receipt route ticks its box, which cannot be unticked while the route is chosen."""
    box = dialog.trigger_boxes["regulator_forwarded"]
    assert not box.isChecked() and box.isEnabled()
    dialog.route_combo.setCurrentIndex(dialog.route_combo.findData("above_regulator"))
    assert box.isChecked() and not box.isEnabled()
    assert "forwarded by a regulator" in box.toolTip()
    assert dialog.severity_label.text() == "Severity: Urgent"
    assert "regulator_forwarded" in dialog.form_data().urgent_triggers
    # another route: the box the route ticked is free and clear again
    dialog.route_combo.setCurrentIndex(dialog.route_combo.findData("above_95580"))
    assert not box.isChecked() and box.isEnabled() and box.toolTip() == ""
    assert dialog.severity_label.text() == "Severity: Ordinary"
    # ticked by hand first, it stays ticked after the route comes and goes
    box.setChecked(True)
    dialog.route_combo.setCurrentIndex(dialog.route_combo.findData("above_regulator"))
    dialog.route_combo.setCurrentIndex(dialog.route_combo.findData("outlet_letter"))
    assert box.isChecked() and box.isEnabled()


def test_a_complaint_forwarded_by_the_regulator_is_stored_urgent(dialog):
    fill_valid(dialog)
    settle(dialog)
    dialog.route_combo.setCurrentIndex(dialog.route_combo.findData("above_regulator"))
    dialog.save_button.click()
    case = Case.get_by_id(dialog.result_case.id)
    assert case.severity == vocab.SEVERITY_URGENT
    assert case.urgent_triggers == "regulator_forwarded"


def test_description_count_is_live(dialog):
    assert dialog.description_count.text() == f"0 / {MAX_DESCRIPTION} characters"
    dialog.description_edit.setPlainText("  投诉内容  ")
    assert dialog.description_count.text() == f"4 / {MAX_DESCRIPTION} characters"


def test_outcome_enables_its_own_input(dialog):
    assert not dialog.settlement_edit.isEnabled()
    assert not dialog.reply_edit.isEnabled()
    dialog.settled_radio.setChecked(True)
    assert dialog.settlement_edit.isEnabled()
    assert not dialog.reply_edit.isEnabled()
    dialog.agreed_radio.setChecked(True)
    assert not dialog.settlement_edit.isEnabled()
    assert dialog.reply_edit.isEnabled()


def test_reply_time_defaults_to_a_day_later(dialog):
    received = dialog.received_edit.dateTime().toPython()
    reply = dialog.reply_edit.dateTime().toPython()
    assert dt.timedelta(hours=23) < reply - received < dt.timedelta(hours=25)


def _empty_name(dlg):
    dlg.customer_name_edit.setText("   ")


def _bad_phone(dlg):
    dlg.customer_phone_edit.setText("12345")


def _bad_id(dlg):
    dlg.customer_id_no_edit.setText("110101199003070000")


def _in_future(dlg):
    dlg.received_edit.setDateTime(QDateTime.currentDateTime().addDays(1))


def _too_long(dlg):
    dlg.description_edit.setPlainText("长" * (MAX_DESCRIPTION + 1))


def _no_cause(dlg):
    dlg.cause_combo.setCurrentIndex(0)


def _reply_before_received(dlg):
    received = QDateTime.currentDateTime().addSecs(-3600)
    dlg.received_edit.setDateTime(received)
    dlg.agreed_radio.setChecked(True)
    dlg.reply_edit.setDateTime(received.addSecs(-60))


def _no_outcome(dlg):
    dlg.outcome_group.setExclusive(False)
    dlg.settled_radio.setChecked(False)
    dlg.outcome_group.setExclusive(True)


def _settled_without_text(dlg):
    dlg.settlement_edit.setPlainText("")


BAD_INPUTS = [
    (_empty_name, "customer_name", "customer_name_edit", FieldError("x", "required")),
    (_bad_phone, "customer_phone", "customer_phone_edit", FieldError("x", "bad_phone")),
    (_bad_id, "customer_id_no", "customer_id_no_edit", FieldError("x", "bad_id_no")),
    (_in_future, "received_at", "received_at_edit", FieldError("x", "in_future")),
    (
        _too_long,
        "description",
        "description_edit",
        FieldError("x", "too_long", {"max": MAX_DESCRIPTION}),
    ),
    (_no_cause, "cause", "cause_combo", FieldError("x", "required")),
    (
        _reply_before_received,
        "agreed_reply_at",
        "agreed_reply_at_edit",
        FieldError("x", "reply_before_received"),
    ),
    (_no_outcome, "outcome", "outcome_settled_radio", FieldError("x", "bad_outcome")),
    (_settled_without_text, "settlement", "settlement_edit", FieldError("x", "required")),
]


@pytest.mark.parametrize(
    ("spoil", "field", "widget_name", "expected"),
    BAD_INPUTS,
    ids=[b[1] + ":" + b[3].code for b in BAD_INPUTS],
)
def test_bad_input_is_shown_inline_and_nothing_is_written(
    dialog, spoil, field, widget_name, expected
):
    fill_valid(dialog)
    settle(dialog)
    spoil(dialog)
    dialog.save_button.click()

    assert Case.select().count() == 0
    assert CaseEvent.select().count() == 0
    assert dialog.result_case is None
    assert dialog.isVisible()
    error = shown_error(dialog, field)
    assert error.isVisible()
    assert error.text() == labels.error_message(expected)
    assert dialog.errors.shown() == {field: error.text()}
    assert dialog.focusWidget().objectName() == widget_name


def test_errors_highlight_fields_and_clear_when_edited(dialog):
    dialog.save_button.click()
    shown = dialog.errors.shown()
    assert {"business_type", "cause", "customer_name", "customer_phone", "outcome"} <= set(shown)
    assert dialog.customer_name_edit.property("invalid") is True
    assert dialog.focusWidget() is dialog.business_type_combo

    dialog.customer_name_edit.setText("张三")
    assert not shown_error(dialog, "customer_name").isVisible()
    assert not dialog.customer_name_edit.property("invalid")
    assert shown_error(dialog, "customer_phone").isVisible()


def test_fixing_the_errors_then_saving_stores_one_case(dialog):
    dialog.save_button.click()
    assert Case.select().count() == 0
    fill_valid(dialog)
    settle(dialog)
    dialog.save_button.click()
    assert Case.select().count() == 1
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_owner_made_inactive_meanwhile_is_refused_by_the_database_rule(dialog, outlet_and_head):
    """The owner (here also the one at the keyboard) is deactivated while the dialog is open:
    the database refuses the registration at once, and the dialog says so and stays open."""
    _outlet, head = outlet_and_head
    fill_valid(dialog)
    settle(dialog)
    Staff.update(active=False).where(Staff.id == head.id).execute()
    dialog.save_button.click()

    assert Case.select().count() == 0
    assert dialog.result_case is None
    shown = dialog.errors.general_text()
    assert (
        shown == f"{head.name} may not register a complaint: the role does not allow it (Art. 4-8)."
    )


def test_cancel_writes_nothing(dialog):
    fill_valid(dialog)
    settle(dialog)
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.result_case is None
    assert Case.select().count() == 0


def test_ask_returns_the_stored_case(monkeypatch, outlet_and_head):
    outlet, head = outlet_and_head

    def fake_exec(self):
        fill_valid(self)
        settle(self)
        self.save_button.click()
        return self.result()

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    case = NewCaseDialog.ask(None, outlet, head)
    assert case is not None
    assert Case.get().id == case.id


def test_ask_returns_none_when_cancelled(monkeypatch, outlet_and_head):
    outlet, head = outlet_and_head

    def fake_exec(self):
        fill_valid(self)
        self.cancel_button.click()
        return self.result()

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    assert NewCaseDialog.ask(None, outlet, head) is None
    assert Case.select().count() == 0


def test_ask_runs_modally(qtbot, outlet_and_head):
    """The real exec(): a timer fills the open modal dialog and saves it."""
    outlet, head = outlet_and_head

    def fill_and_save():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, NewCaseDialog):
            QTimer.singleShot(10, fill_and_save)
            return
        try:
            fill_valid(dlg)
            settle(dlg)
            dlg.save_button.click()
        finally:
            if dlg.isVisible():
                dlg.reject()

    QTimer.singleShot(0, fill_and_save)
    case = NewCaseDialog.ask(None, outlet, head)
    assert case is not None
    assert Case.select().count() == 1


def test_ctrl_return_saves(qtbot, dialog):
    fill_valid(dialog)
    settle(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.customer_name_edit.setFocus()
    qtbot.keyClick(
        dialog.customer_name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert Case.select().count() == 1


def test_tab_order_follows_the_form(dialog):
    expected = [
        "received_at_edit",
        "route_combo",
        "channel_combo",
        "business_type_combo",
        "cause_combo",
        "customer_name_edit",
        "customer_phone_edit",
        "customer_id_no_edit",
        "remedy_requested_edit",
        "description_edit",
        *[f"trigger_{code}" for code in vocab.URGENT_TRIGGERS],
        "first_ask_owner_combo",
        "outcome_settled_radio",
        "settlement_edit",
        "outcome_agreed_radio",
        "agreed_reply_at_edit",
        "save_button",
        "cancel_button",
    ]
    seen: list[str] = []
    widget = dialog.received_edit
    for _ in range(500):
        if widget.objectName() in expected and widget.objectName() not in seen:
            seen.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is dialog.received_edit:
            break
    assert seen == expected


def test_every_interactive_widget_is_named(dialog):
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QDateTimeEdit)
    checked = 0
    for widget in [w for kind in kinds for w in dialog.findChildren(kind)]:
        if isinstance(widget.parent(), kinds):
            continue  # Qt's own parts of a composite widget, e.g. a spin box's line edit
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        checked += 1
    assert checked >= 20
