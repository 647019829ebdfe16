"""A complaint from intake to closing, entirely through the main window's widgets: the action
bar, its dialogs and the escalation wizard. At every step the test checks what the database
holds and what the head sees, including the refusals and why."""

from __future__ import annotations

import datetime as dt
import functools
import json

import pytest
from PySide6.QtCore import QDateTime, QSettings
from PySide6.QtWidgets import QDialog, QWizard

from db.handling import deadlines, decisions, workflow
from db.intake import cases
from db.store import codes, vocab
from db.store.database import close_database
from db.store.models import (
    Callback,
    Case,
    CaseEvent,
    CaseLink,
    CaseTransfer,
    ClockExtension,
    CustomerNotice,
    HandlingDecision,
    Liability,
    LiablePerson,
    Staff,
    now,
)
from desktop.cases.case_actions import CaseActionBar
from desktop.cases.case_clocks import MISSED_COLOR, NEAR_BACKGROUND
from desktop.cases.case_model import COL_STATUS
from desktop.handling.callback_dialog import CallbackDialog
from desktop.handling.contact_dialog import ContactDialog
from desktop.handling.decision_dialog import DecisionDialog
from desktop.handling.pause_dialog import PauseDialog
from desktop.handling.repeat_dialog import RepeatDialog
from desktop.handling.reply_dialog import ReplyDialog
from desktop.handling.report_dialog import ReportDialog
from desktop.handling.simple_action_dialog import ACTIONS as SIMPLE_ACTIONS
from desktop.handling.simple_action_dialog import SimpleActionDialog
from desktop.handling.transfer_dialog import TransferDialog
from desktop.main_window import MainWindow
from desktop.management.liability_dialog import LiabilityDialog
from tests.db.workflow_fixtures import dump
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.modal_driver import drive

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    yield case_factory.make_outlet()
    close_database()


@pytest.fixture
def window(qtbot, shop, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def pick(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def events_of(case_id: int) -> list[str]:
    query = CaseEvent.select().where(CaseEvent.case == case_id).order_by(CaseEvent.id)
    return [e.kind for e in query]


def status_shown(window: MainWindow, case_id: int) -> str:
    model = window.model()
    row = model.row_of_case(case_id)
    assert row is not None
    return model.index(row, COL_STATUS).data()


def test_a_complaint_from_intake_to_closing_through_the_gui(qtbot, window, shop, monkeypatch):
    head, lobby, teller = shop.staff
    panel = window.detail_panel()
    bar = panel.action_bar()

    # --- intake: the New complaint dialog, received three hours ago, reply agreed ---------
    received = now() - dt.timedelta(hours=3)

    def fill_new_case(d):
        d.received_edit.setDateTime(QDateTime(received))
        pick(d.business_type_combo, "rmb_savings")
        pick(d.cause_combo, "onsite_long_wait")
        d.customer_name_edit.setText("李秀英")
        d.customer_phone_edit.setText("13812345678")
        d.remedy_edit.setText("希望网点改进叫号")
        d.description_edit.setPlainText("客户排队等候四十分钟，窗口无人解释原因。")
        pick(d.owner_combo, teller.id)
        d.agreed_radio.setChecked(True)
        d.reply_edit.setDateTime(QDateTime(now() + dt.timedelta(days=1)))
        d.save_button.click()

    drive(window.new_case, fill_new_case)
    case = Case.get()
    assert case.status == vocab.STATUS_AWAITING_REPLY
    assert panel.case_id() == case.id
    assert bar.isVisible()
    assert "郑红" in bar.accountable_text() and "first-ask owner" in bar.accountable_text()
    assert set(bar.enabled_actions()) == {
        "agree_reply_time",
        "reply",
        "report",
        "transfer",
        "escalate",  # the wizard records the report to the head first
        "callback",
    }
    assert [row[0] for row in panel.clocks().row_texts()] == [
        "Agreed reply time",
        "Handling decision",
    ]

    # --- transfer to the lobby manager: pending, both shown ---------------------------------
    def fill_transfer(d):
        pick(d.handler_combo, lobby.id)
        d.note_edit.setPlainText("请与客户联系")
        d.save_button.click()

    assert drive(lambda: bar.button("transfer").click(), fill_transfer).name == "transfer_dialog"
    assert Case.get_by_id(case.id).status == vocab.STATUS_TRANSFER_PENDING
    assert CaseTransfer.get().state == codes.TRANSFER_PENDING
    accountable = bar.accountable_text()
    assert "Accountable: 郑红" in accountable
    assert "Pending transfer to 钱明" in accountable and "郑红 stays accountable" in accountable
    assert status_shown(window, case.id) == "Transfer pending"

    # --- confirming a contact from before the transfer is refused, with the reason ----------
    before = dump()

    def fill_early_contact(d):
        d.contact_edit.setDateTime(QDateTime(now() - dt.timedelta(hours=1)))
        pick(d.method_combo, "phone")
        d.save_button.click()

    refused = drive(lambda: bar.button("confirm_contact").click(), fill_early_contact)
    assert refused.stayed_open
    assert refused.error == "Contact cannot be confirmed for a time before the transfer."
    assert dump() == before

    def fill_contact(d):
        pick(d.method_combo, "phone")
        d.save_button.click()

    drive(lambda: bar.button("confirm_contact").click(), fill_contact)
    stored = Case.get_by_id(case.id)
    assert stored.status == vocab.STATUS_TRANSFERRED and stored.handler_id == lobby.id
    assert "钱明" in bar.accountable_text() and "transfer formal" in bar.accountable_text()
    assert "Pending" not in bar.accountable_text()

    # --- the reply leaves the customer unsatisfied: a report is owed -------------------------
    def fill_reply(d):
        assert d.by_combo.currentData() == lobby.id  # the handler replies
        pick(d.method_combo, "phone")
        d.content_edit.setPlainText("已向客户解释排队原因并致歉")
        d.unsatisfied_radio.setChecked(True)
        d.save_button.click()

    drive(lambda: bar.button("reply").click(), fill_reply)
    stored = Case.get_by_id(case.id)
    assert stored.status == vocab.STATUS_REPLIED and stored.report_required
    assert bar.banner_text().startswith("Report owed: Customer unsatisfied with the reply.")
    assert bar.enabled_actions() == ["report", "escalate"]  # the wizard reports first
    owed_reason = (
        "The case must first be reported to the head or acting head (Customer unsatisfied with "
        "the reply); nothing else may happen before that (Art. 10)."
    )
    assert bar.button("callback").toolTip() == owed_reason
    assert not bar.button("determine_liability").isEnabled()

    # ... and the rules refuse it too, not only the buttons: a decision is not recorded.
    before = dump()

    def fill_decision_too_early(d):
        d.findings_edit.setPlainText("叫号系统故障")
        d.basis_edit.setPlainText("服务规范")
        for check in d.remedy_checks.values():
            check.setChecked(True)
        d.notice_group.setChecked(False)
        d.save_button.click()

    refused = drive(lambda: bar.menu_action("decision").trigger(), fill_decision_too_early)
    assert refused.error == owed_reason
    assert dump() == before

    # --- report to the head ------------------------------------------------------------------
    assert bar.button("report").text() == "Take charge…"  # the head does not report to himself

    def fill_report(d):
        # The head records who reported it to him; he receives it, so he is not asked.
        assert d.windowTitle() == "Take charge"
        assert d.reporter_combo.currentData() == lobby.id
        assert d.receiver_combo is None
        d.note_edit.setPlainText("客户不满意，需要上级协调")
        d.save_button.click()

    drive(lambda: bar.button("report").click(), fill_report)
    assert Case.get_by_id(case.id).status == vocab.STATUS_REPORTED
    assert bar.banner_text() == ""
    assert "escalate" in bar.enabled_actions()

    # --- escalate through the wizard: district branch with PSBC -----------------------------
    def fill_wizard(w):
        next_button = w.button(QWizard.WizardButton.NextButton)
        w.settle_page.no_radio.setChecked(True)
        next_button.click()
        w.scope_page.beyond_radio.setChecked(True)
        next_button.click()
        w.level_page.department_edit.setText("城关区分公司运营管理部")
        w.level_page.psbc_check.setChecked(True)
        w.level_page.psbc_edit.setText("城关区邮储银行支行")
        next_button.click()
        w.contact_page.person_edit.setText("张科长")
        w.contact_page.summary_edit.setPlainText("客户对回复不满意，请求协调")
        next_button.click()
        w.follow_up_page.follow_up_edit.setPlainText("钱明每两天回访一次，结果由网点反馈")
        next_button.click()
        w.button(QWizard.WizardButton.FinishButton).click()

    assert drive(lambda: bar.button("escalate").click(), fill_wizard).name == "escalation_wizard"
    assert Case.get_by_id(case.id).status == vocab.STATUS_ESCALATED
    escalation = CaseEvent.get(CaseEvent.kind == codes.EVENT_ESCALATED)
    assert json.loads(escalation.data)["psbc_department"] == "城关区邮储银行支行"
    shown = dict(panel.timeline_events())
    assert "District branch competent department: 城关区分公司运营管理部" in shown["Escalated"]

    # --- tracking, then the result fed back ----------------------------------------------
    def fill_tracking(d):
        d.text_edit_widget.setPlainText("已与分公司确认处理进度")
        d.save_button.click()

    drive(lambda: bar.menu_action("tracking_note").trigger(), fill_tracking)
    assert events_of(case.id)[-1] == codes.EVENT_TRACKING

    def fill_feed_back(d):
        pick(d.method_combo, "phone")
        d.content_edit.setPlainText("分公司已更换叫号系统，客户接受")
        d.satisfied_radio.setChecked(True)
        d.save_button.click()

    drive(lambda: bar.button("feed_back").click(), fill_feed_back)
    assert Case.get_by_id(case.id).status == vocab.STATUS_FED_BACK

    # --- callback: planned by the head, then made ---------------------------------------------
    def fill_plan(d):
        assert d.plan_radio.isChecked() and not d.record_radio.isEnabled()
        pick(d.assigned_combo, head.id)
        d.save_button.click()

    drive(lambda: bar.button("callback").click(), fill_plan)
    assert Callback.get().done_at is None

    def fill_record(d):
        assert d.record_radio.isChecked()
        pick(d.method_combo, "phone")
        pick(d.result_combo, codes.RESULT_SATISFIED)
        d.notes_edit.setPlainText("客户表示满意")
        d.save_button.click()

    drive(lambda: bar.button("callback").click(), fill_record)
    assert Case.get_by_id(case.id).status == vocab.STATUS_CALLBACK_DONE
    assert Callback.get().result == codes.RESULT_SATISFIED

    # --- the handling decision: a remedy left out is refused, then recorded with its notice --
    def fill_decision(d, remedies):
        d.findings_edit.setPlainText("叫号系统故障导致等候时间过长")
        d.basis_edit.setPlainText("网点服务规范第六条")
        for code, check in d.remedy_checks.items():
            check.setChecked(code in remedies)
        pick(d.method_combo, "sms")
        d.proof_edit.setPlainText("短信发送记录 2026-001")
        d.save_button.click()

    before = dump()
    refused = drive(
        lambda: bar.menu_action("decision").trigger(),
        lambda d: fill_decision(d, {"review", "mediation", "arbitration"}),
    )
    assert refused.error == "The decision must name every remedy: Lawsuit (Art. 19)."
    assert dump() == before
    drive(
        lambda: bar.menu_action("decision").trigger(),
        lambda d: fill_decision(d, set(codes.REMEDIES)),
    )
    assert HandlingDecision.select().count() == 1
    assert CustomerNotice.get().method == "sms"

    # --- liability, then close ---------------------------------------------------------------
    # The penalty dialog that follows a liable finding is tested on its own.
    penalty_asked = []
    monkeypatch.setattr(
        "desktop.management.penalty_dialog.PenaltyDialog.ask",
        lambda parent, case, actor: penalty_asked.append(case.id),
    )

    def fill_liability(d):
        d.liable_radio.setChecked(True)
        d.set_responsible([teller])
        d.basis_edit.setPlainText("Art. 7(2)")
        d.reasons_edit.setPlainText("未及时解释叫号故障")
        d.save_button.click()

    drive(lambda: bar.button("determine_liability").click(), fill_liability)
    assert Liability.get().liable
    assert [p.staff_id for p in LiablePerson.select()] == [teller.id]
    assert penalty_asked == [case.id]

    def fill_close(d):
        d.save_button.click()

    drive(lambda: bar.button("close").click(), fill_close)
    stored = Case.get_by_id(case.id)
    assert stored.status == vocab.STATUS_CLOSED and not stored.is_open
    assert bar.visible_actions() == ["reopen", "request_review"]
    assert status_shown(window, case.id) == "Closed"
    assert window.counts_text().startswith("Open: 0")
    assert events_of(case.id)[-1] == codes.EVENT_CLOSED


# --- the bar on its own ------------------------------------------------------------------------


@pytest.fixture
def case(shop):
    return case_factory.add_cases(shop, 2)[1]  # awaiting reply, overdue (kind 1)


def test_head_only_actions_are_disabled_for_others_with_the_reason(qtbot, shop, case):
    _head, lobby, teller = shop.staff
    workflow.report(case, teller, shop.head)
    bar = CaseActionBar(actor=teller)
    qtbot.addWidget(bar)
    bar.show_case(case)
    assert "escalate" in bar.visible_actions()
    assert not bar.button("escalate").isEnabled()
    assert bar.button("escalate").toolTip() == (
        "Only the outlet head or the acting head may escalate (Art. 5, 8)."
    )
    assert bar.button("transfer").isEnabled()


def test_a_cancelled_dialog_writes_nothing_and_emits_nothing(qtbot, shop, case):
    bar = CaseActionBar(actor=shop.head)
    qtbot.addWidget(bar)
    bar.show_case(case)
    before = dump()
    with qtbot.assertNotEmitted(bar.case_changed):
        drive(lambda: bar.button("transfer").click(), lambda d: d.cancel_button.click())
    assert dump() == before


def test_a_saved_action_emits_case_changed(qtbot, shop, case):
    bar = CaseActionBar(actor=shop.head)
    qtbot.addWidget(bar)
    bar.show_case(case)

    def fill(d):
        d.text_edit_widget.setPlainText("已电话联系客户")
        d.save_button.click()

    with qtbot.waitSignal(bar.case_changed) as blocker:
        drive(lambda: bar.menu_action("tracking_note").trigger(), fill)
    assert blocker.args == [case.id]


def test_clocks_show_missed_and_near_breach(qtbot, shop, case):
    panel_case = Case.get_by_id(case.id)
    from desktop.cases.case_clocks import CaseClocksTable

    table = CaseClocksTable()
    qtbot.addWidget(table)
    # The overdue case factory's reply time passed; look at it 1 minute before it, too.
    agreed = panel_case.agreed_reply_at
    table.show_case(panel_case, agreed + dt.timedelta(minutes=1))
    rows = dict((r[0], r) for r in table.row_texts())
    assert rows["Agreed reply time"][2] == "Missed"
    assert table.item(0, 2).foreground().color().name() == MISSED_COLOR
    table.show_case(panel_case, agreed - dt.timedelta(minutes=1))
    rows = dict((r[0], r) for r in table.row_texts())
    assert rows["Agreed reply time"][2] == "Running, near breach"
    assert table.item(0, 0).background().color().name() == NEAR_BACKGROUND
    assert rows["Agreed reply time"][3].endswith("%")
    clocks = deadlines.case_clocks(panel_case, agreed - dt.timedelta(minutes=1))
    assert len(table.clocks()) == len(clocks)


def simple_dialog(case, actor, *, action):
    return SimpleActionDialog(case, actor, action)


@pytest.mark.parametrize(
    "make",
    [
        TransferDialog,
        ContactDialog,
        ReplyDialog,
        ReportDialog,
        DecisionDialog,
        PauseDialog,
        CallbackDialog,
        RepeatDialog,
        LiabilityDialog,
        *[functools.partial(simple_dialog, action=action) for action in SIMPLE_ACTIONS],
    ],
)
def test_dialog_widgets_are_named(qtbot, shop, case, make):
    dialog: QDialog = make(case, shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_widgets(dialog) == []
    assert dialog.objectName() and dialog.windowTitle()


def test_detail_panel_with_actions_is_named(qtbot, window, shop):
    case_factory.add_cases(shop, 3)
    window.refresh()
    window.table().selectRow(0)
    assert window.detail_panel().action_bar().isVisible()
    assert unnamed_widgets(window) == []


def test_decision_clock_pause_resume_and_extension_through_the_dialog(qtbot, shop, case):
    bar = CaseActionBar(actor=shop.head)
    qtbot.addWidget(bar)
    bar.show_case(case)

    def fill_pause(d):
        assert d.radios["start"].isChecked() and not d.radios["end"].isVisible()
        pick(d.kind_combo, "mediation")
        d.started_edit.setDateTime(QDateTime(now() - dt.timedelta(minutes=30)))
        d.reason_edit.setPlainText("双方同意由调解中心调解")
        d.save_button.click()

    drive(lambda: bar.menu_action("pause").trigger(), fill_pause)
    assert decisions.open_pause(case) is not None
    assert "Paused" in [row[2] for row in _clock_rows(case)]

    def fill_resume(d):
        assert d.radios["end"].isChecked() and not d.radios["start"].isVisible()
        d.save_button.click()

    drive(lambda: bar.menu_action("pause").trigger(), fill_resume)
    assert decisions.open_pause(case) is None

    def fill_extend(d, proof):
        d.radios["extend"].setChecked(True)
        d.reason_edit.setPlainText("需调取多方交易记录")
        pick(d.notice_method_combo, "phone")
        d.proof_edit.setPlainText(proof)
        d.save_button.click()

    refused = drive(lambda: bar.menu_action("pause").trigger(), lambda d: fill_extend(d, ""))
    assert refused.error == "This field is required."  # beside the proof field
    drive(lambda: bar.menu_action("pause").trigger(), lambda d: fill_extend(d, "通话记录"))
    assert ClockExtension.get().step == 1
    assert CustomerNotice.get().kind == "extension"


def _clock_rows(case):
    from desktop.cases.case_clocks import CaseClocksTable

    table = CaseClocksTable()
    table.show_case(Case.get_by_id(case.id))
    rows = table.row_texts()
    table.deleteLater()
    return rows


def test_repeat_is_linked_by_case_number(qtbot, shop):
    at = now()
    first = cases.register_case(
        shop.outlet, case_factory.new_case_data(1, shop.staff, at), actor=shop.head
    )
    again = case_factory.new_case_data(6, shop.staff, at)
    again.received_at = first.received_at + dt.timedelta(hours=1)
    again.agreed_reply_at = at + dt.timedelta(days=2)
    again.customer_phone = first.customer_phone
    repeat = cases.register_case(shop.outlet, again, actor=shop.head)
    bar = CaseActionBar(actor=shop.head)
    qtbot.addWidget(bar)
    bar.show_case(repeat)

    def fill(d, number):
        d.number_edit.setText(number)
        d.save_button.click()

    refused = drive(lambda: bar.menu_action("repeat").trigger(), lambda d: fill(d, "NO-SUCH"))
    assert refused.error == "No complaint has this number."
    drive(lambda: bar.menu_action("repeat").trigger(), lambda d: fill(d, first.case_no))
    link = CaseLink.get()
    assert (link.case_id, link.earlier_id, link.kind) == (repeat.id, first.id, codes.LINK_REPEAT)
    assert Case.get_by_id(repeat.id).severity == vocab.SEVERITY_URGENT
    assert bar.banner_text().startswith("Report owed: Urgent complaint.")


# --- liability on a case settled on the spot, and closing before it -----------------------------


def test_a_case_settled_on_the_spot_can_still_have_its_liability_determined(
    qtbot, window, shop, monkeypatch
):
    """A staff error settled on the spot still needs the head's determination (Art. 5(8))."""
    settled = case_factory.add_cases(shop, 1)[0]
    assert Case.get_by_id(settled.id).status == vocab.STATUS_SETTLED_ON_SPOT
    window.refresh()
    window.filter_bar().reset()
    assert window.table().select_case(settled.id)
    bar = window.detail_panel().action_bar()
    assert "determine_liability" in bar.enabled_actions()
    monkeypatch.setattr(
        "desktop.management.penalty_dialog.PenaltyDialog.ask", lambda parent, case, actor: None
    )
    teller = shop.staff[2]

    def fill_liability(d):
        d.liable_radio.setChecked(True)
        d.set_responsible([teller])
        d.basis_edit.setPlainText("Art. 7(1)")
        d.reasons_edit.setPlainText("柜员录入金额错误，当场更正并致歉")
        d.save_button.click()

    drive(lambda: bar.button("determine_liability").click(), fill_liability)
    stored = Case.get_by_id(settled.id)
    assert stored.status == vocab.STATUS_LIABILITY_DETERMINED
    assert Liability.get(Liability.case == settled.id).liable
    assert "close" in bar.enabled_actions()
    drive(lambda: bar.button("close").click(), lambda d: d.save_button.click())
    assert Case.get_by_id(settled.id).status == vocab.STATUS_CLOSED


def test_closing_before_liability_says_why_in_both_languages(qtbot, shop, case, qapp):
    from desktop.kit.i18n import install_translators

    workflow.reply(case, shop.staff[2], content="已答复", method="phone", customer_satisfied=True)
    expected = {
        "en": (
            "The complaint is 'Replied': it is closed only after the head has determined "
            "liability (Art. 5). Determine liability first."
        ),
        "zh_CN": "投诉当前为“已回复”：须经网点负责人认定责任后方可结案（第五条），请先认定责任。",
    }
    try:
        for language, message in expected.items():
            install_translators(qapp, language)
            dialog = SimpleActionDialog(Case.get_by_id(case.id), shop.head, "close")
            qtbot.addWidget(dialog)
            before = dump()
            dialog.save()
            assert dialog.error_text() == message
            assert dump() == before
    finally:
        install_translators(qapp, "en")


def test_the_head_takes_charge_rather_than_reporting_to_himself(qtbot, shop):
    head, lobby, teller = shop.staff
    case = case_factory.add_cases(shop, 4)[3]  # the head was asked first; due in a few days
    assert case.first_ask_owner_id == head.id and case.is_open

    # Staff report to the head: they choose who received it.
    staff_bar = CaseActionBar(teller)
    qtbot.addWidget(staff_bar)
    staff_bar.show_case(case)
    assert staff_bar.button("report").text() == "Report to head…"
    staff_dialog = ReportDialog(case, teller)
    qtbot.addWidget(staff_dialog)
    assert staff_dialog.windowTitle() == "Report to the head"
    assert staff_dialog.receiver_combo.currentData() == head.id
    texts = [
        staff_dialog.reporter_combo.itemText(i) for i in range(staff_dialog.reporter_combo.count())
    ]
    assert "Nobody: I take charge of it myself" not in texts

    # The head takes charge: no report from himself to himself.
    bar = CaseActionBar(head)
    qtbot.addWidget(bar)
    bar.show_case(case)
    assert bar.button("report").text() == "Take charge…"

    def fill(d):
        assert d.windowTitle() == "Take charge"
        assert d.reporter_combo.currentText() == "Nobody: I take charge of it myself"
        assert d.receiver_combo is None
        d.save_button.click()

    drive(lambda: bar.button("report").click(), fill)
    stored = Case.get_by_id(case.id)
    assert stored.status == vocab.STATUS_REPORTED
    event = workflow.last_report(stored)
    data = json.loads(event.data)
    assert data["taken_charge"] is True and data["reporter"] == data["received_by"] == head.id
    from db.intake import queries
    from desktop.cases.case_actions import event_facts

    entry = [e for e in queries.case_timeline(case.id) if e.kind == codes.EVENT_REPORTED][-1]
    assert "the head took charge in person" in event_facts(entry)


def test_agree_reply_time_shows_the_agreed_time_as_stored(qtbot, shop):
    """06:52 must not come back as 06:00: saving it unchanged would move the deadline."""
    head = shop.head
    case = case_factory.add_cases(shop, 4)[3]
    agreed = dt.datetime.combine(now().date() + dt.timedelta(days=2), dt.time(6, 52, 30))
    workflow.agree_reply_time(case, head, agreed, note="客户约定周四早上答复")
    stored = Case.get_by_id(case.id)
    assert stored.agreed_reply_at == agreed
    dialog = SimpleActionDialog(stored, head, "agree_reply_time")
    qtbot.addWidget(dialog)
    assert dialog.time_edit.dateTime().toPython() == agreed
    assert dialog.time_value() == agreed
    dialog.text_edit_widget.setPlainText("客户确认答复时间不变")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    after = Case.get_by_id(case.id)
    assert after.agreed_reply_at == agreed and after.due_at == stored.due_at


def test_a_first_agreement_proposes_tomorrow(qtbot, shop):
    case = case_factory.add_cases(shop, 4)[3]
    Case.update(agreed_reply_at=None).where(Case.id == case.id).execute()
    dialog = SimpleActionDialog(Case.get_by_id(case.id), shop.head, "agree_reply_time")
    qtbot.addWidget(dialog)
    proposed = dialog.time_value()
    assert proposed > now() and proposed.minute == 0 and proposed.second == 0


def test_an_acting_heads_late_entry_shows_when_it_was_entered(qtbot, shop):
    """An acting head records, inside their span, a report received an hour ago: the
    timeline says both, the time of the report and when it was entered."""
    from db.intake import queries
    from db.trust import permissions
    from desktop.cases.case_actions import event_facts

    acting = next(s for s in shop.staff if s.role == vocab.ROLE_LOBBY_MANAGER)
    t = now()
    permissions.name_acting_head(
        shop.head, acting, t - dt.timedelta(hours=3), t + dt.timedelta(hours=3)
    )
    case = next(c for c in case_factory.add_cases(shop, 5) if c.is_open)
    owner = Staff.get_by_id(case.first_ask_owner_id)
    workflow.report(case, owner, acting, at=t - dt.timedelta(hours=1))
    entry = [e for e in queries.case_timeline(case.id) if e.kind == codes.EVENT_REPORTED][-1]
    facts = event_facts(entry)
    assert "as acting head" in facts
    entered = [f for f in facts if f.startswith("entered on ")]
    assert entered and entered[0] >= f"entered on {t:%Y-%m-%d %H:%M}"
