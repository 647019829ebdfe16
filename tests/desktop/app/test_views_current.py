"""After every kind of write the program makes, every view showing the changed data is
current at once, without View → Refresh (F5).

Each row of ``STEPS`` prepares the database (with db/ functions), then makes one write the
way a user would: through its dialog, its menu entry or its button, in the main window with
the dashboard, the staff, training and disputes windows open beside it. The test takes what
each view shows before and after the write, then presses F5 and takes it again: after the
write, nothing may differ from the refreshed state (no view is stale), and the views the
write must visibly change did change (the write happened and was shown).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QListView,
    QMessageBox,
    QTabBar,
    QTreeView,
    QWidget,
    QWizard,
)

from db.handling import deadlines, decisions, workflow
from db.intake import cases
from db.management import liability, prevention
from db.management.targets import QUARTER, Period
from db.store import codes
from db.store.database import close_database
from db.store.models import Case, Dispute, Staff, WorkOrder, now
from desktop.analysis.dashboard_window import DashboardWindow
from desktop.cases.today_panel import TodayPanel
from desktop.kit.i18n import install_translators
from desktop.main_window import MainWindow
from desktop.management.disputes_dialog import DisputesDialog
from desktop.management.staff_dialog import StaffDialog
from desktop.management.training_dialog import TrainingDialog
from desktop.workorders.workorders_ui import WorkOrdersDock
from tests.desktop import case_factory, workorder_factory
from tests.desktop.modal_driver import drive

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

WAIT_MS = 15_000
PERCENT = re.compile(r"\d+(\.\d+)?\s*%")  # a running clock's share moves with the seconds


# --- what each view shows ------------------------------------------------------------------------


def _model_rows(view: QAbstractItemView) -> list[tuple[str, ...]]:
    model = view.model()
    if model is None:
        return []
    rows = []
    tree = isinstance(view, QTreeView)  # the timeline's entries have their facts below

    def size(method, parent: QModelIndex) -> int:
        try:  # a table or list model hides the overload with a parent
            return method(parent)
        except TypeError:
            return method()

    def walk(parent: QModelIndex) -> None:
        count = size(model.rowCount, parent)
        columns = 1 if isinstance(view, QListView) else size(model.columnCount, parent)
        for r in range(count):
            rows.append(tuple(str(model.index(r, c, parent).data() or "") for c in range(columns)))
            if tree:
                walk(model.index(r, 0, parent))

    walk(QModelIndex())
    return rows


def shown(widget: QWidget) -> list[Any]:
    """The texts a user can read in ``widget`` and its children, and which buttons are on."""
    out: list[Any] = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if w.isHidden() or w.window() is not widget.window() or w.objectName().startswith("qt_"):
            continue  # hidden, a dialog the view opened (closed, deleted later), Qt's own
        if isinstance(w, QLabel):
            out.append(("label", w.objectName(), PERCENT.sub("%", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append(("button", w.objectName(), w.text(), w.isEnabled()))
        elif isinstance(w, QAbstractItemView):
            rows = [tuple(PERCENT.sub("%", cell) for cell in row) for row in _model_rows(w)]
            out.append(("rows", w.objectName(), rows))
        elif isinstance(w, QComboBox):
            items = [w.itemText(i) for i in range(w.count())]
            out.append(("combo", w.objectName(), items))
        elif isinstance(w, QTabBar):
            out.append(("tabs", [w.tabText(i) for i in range(w.count())]))
    return out


@dataclass
class Scene:
    """The main window and the windows open beside it."""

    window: MainWindow
    shop: Any
    staff: StaffDialog
    training: TrainingDialog
    disputes: DisputesDialog
    dashboard: DashboardWindow
    data: dict[str, Any] = field(default_factory=dict)

    def settle(self, qtbot) -> None:
        """Wait until the background work a write started (the dashboard's) has ended."""
        qtbot.waitUntil(lambda: not self.dashboard.dashboard.is_busy(), timeout=WAIT_MS)

    def views(self) -> dict[str, Any]:
        window = self.window
        status = {
            name: window.findChild(QLabel, name).text()
            for name in ("statusCounts", "statusListed", "statusOutlet")
        }
        acting = window.acting_head_label()
        return {
            "list": _model_rows(window.table()),
            "detail": shown(window.detail_panel()),
            "today": shown(window.findChild(TodayPanel)),
            "dock": shown(window.findChild(WorkOrdersDock)),
            "counts": status["statusCounts"],
            "listed": status["statusListed"],
            "outlet": status["statusOutlet"],
            "acting": (acting.isHidden(), acting.text()),
            "staff": shown(self.staff),
            "training": shown(self.training),
            "disputes": shown(self.disputes),
            "dashboard": self.dashboard.dashboard.data,
        }


# --- the steps -----------------------------------------------------------------------------------


def pick(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.date(), value.time())


def future_case(scene: Scene) -> Case:
    return Case.get_by_id(scene.shop.cases[3].id)  # awaiting a reply agreed for later


def show(scene: Scene, case: Case) -> None:
    assert scene.window.table().select_case(case.id)
    assert scene.window.detail_panel().case_id() == case.id


def replied(scene: Scene) -> Case:
    case = future_case(scene)
    workflow.reply(case, scene.shop.head, content="已答复", method="phone", customer_satisfied=True)
    return case


def liable(scene: Scene) -> Case:
    case = replied(scene)
    teller = scene.shop.staff[2]
    liability.determine(
        case,
        scene.shop.head,
        liability.Finding(True, "解释不及时", [liability.Responsible(teller, 100)], basis="Art. 7"),
    )
    return case


def transferred(scene: Scene) -> Case:
    case = future_case(scene)
    workflow.transfer(case, scene.shop.head, scene.shop.staff[1], at=now() - dt.timedelta(hours=1))
    return case


def taken_charge(scene: Scene) -> Case:
    case = future_case(scene)
    workflow.take_charge(case, scene.shop.head)
    return case


def escalated(scene: Scene) -> Case:
    case = taken_charge(scene)
    workflow.escalate(
        Case.get_by_id(case.id),
        scene.shop.head,
        "district_branch",
        "城关区分公司运营管理部",
        False,
        "张科长",
        now() - dt.timedelta(minutes=30),
        "客户对回复不满意",
        "每两天回访一次",
    )
    return case


def with_decision(scene: Scene) -> Case:
    case = future_case(scene)
    decisions.record_decision(
        case, scene.shop.head, findings="叫号故障", basis="服务规范", remedies=list(codes.REMEDIES)
    )
    return case


def review_requested(scene: Scene) -> Case:
    case = with_decision(scene)
    decisions.request_review(
        Case.get_by_id(case.id), scene.shop.head, requested_at=now(), content="客户要求复核"
    )
    return case


def review_reported(scene: Scene) -> Case:
    """A review was asked for and reported to the head (Art. 20, Art. 10)."""
    case = review_requested(scene)
    workflow.take_charge(Case.get_by_id(case.id), scene.shop.head)
    return case


def not_liable(scene: Scene) -> Case:
    case = replied(scene)
    liability.determine_liability(
        Case.get_by_id(case.id), scene.shop.head, liable=False, reasons="系统故障"
    )
    return case


def closed(scene: Scene) -> Case:
    case = not_liable(scene)
    workflow.close_case(Case.get_by_id(case.id), scene.shop.head)
    return case


def repeat_of(scene: Scene) -> Case:
    """A second complaint of the customer of the future case; the repeat is shown."""
    first = future_case(scene)
    data = case_factory.new_case_data(8, scene.shop.staff, now())
    data.received_at = now() - dt.timedelta(minutes=20)
    data.customer_phone = first.customer_phone
    data.customer_name = first.customer_name
    data.agreed_reply_at = now() + dt.timedelta(days=2)
    scene.data["earlier"] = first
    return cases.register_case(scene.shop.outlet, data, actor=scene.shop.head)


def text(d: QDialog, value: str) -> None:
    widget = d.text_edit_widget
    if hasattr(widget, "setPlainText"):
        widget.setPlainText(value)
    else:
        widget.setText(value)


def save(d: QDialog) -> None:
    d.save_button.click()


def fill_simple(value: str = "已记录", choice: object = None, when: dt.datetime | None = None):
    def fill(d) -> None:
        if d.text_edit_widget is not None:
            text(d, value)
        if choice is not None:
            pick(d.choice_combo, choice)
        if when is not None:
            d.time_edit.setDateTime(qdt(when))
        save(d)

    return fill


def fill_reply(d) -> None:
    pick(d.method_combo, "phone")
    d.content_edit.setPlainText("已向客户解释并致歉")
    d.satisfied_radio.setChecked(True)
    save(d)


def fill_report(d) -> None:
    d.note_edit.setPlainText("负责人亲自处理")
    save(d)


def fill_transfer(d) -> None:
    pick(d.handler_combo, Staff.get(Staff.employee_no == "E002").id)
    d.note_edit.setPlainText("请与客户联系")
    save(d)


def fill_contact(d) -> None:
    pick(d.method_combo, "phone")
    save(d)


def fill_wizard(w) -> None:
    next_button = w.button(QWizard.WizardButton.NextButton)
    w.settle_page.no_radio.setChecked(True)
    next_button.click()
    w.scope_page.beyond_radio.setChecked(True)
    next_button.click()
    w.level_page.department_edit.setText("城关区分公司运营管理部")
    next_button.click()
    w.contact_page.person_edit.setText("张科长")
    w.contact_page.summary_edit.setPlainText("客户对回复不满意，请求协调")
    next_button.click()
    w.follow_up_page.follow_up_edit.setPlainText("每两天回访一次")
    next_button.click()
    w.button(QWizard.WizardButton.FinishButton).click()


def fill_callback_plan(d) -> None:
    pick(d.assigned_combo, Staff.get(Staff.employee_no == "E001").id)
    save(d)


def fill_not_liable(d) -> None:
    d.not_liable_radio.setChecked(True)
    d.reasons_edit.setPlainText("叫号系统故障，非网点过错")
    save(d)


def fill_decision(d) -> None:
    d.findings_edit.setPlainText("叫号系统故障导致等候时间过长")
    d.basis_edit.setPlainText("网点服务规范第六条")
    for check in d.remedy_checks.values():
        check.setChecked(True)
    pick(d.method_combo, "sms")
    d.proof_edit.setPlainText("短信发送记录 2026-001")
    save(d)


def fill_pause(d) -> None:
    pick(d.kind_combo, "mediation")
    d.started_edit.setDateTime(qdt(now() - dt.timedelta(minutes=30)))
    d.reason_edit.setPlainText("双方同意由调解中心调解")
    save(d)


def fill_repeat(merge: bool):
    def fill(d) -> None:
        d.number_edit.setText(earlier_number(d))
        if merge:
            d.merge_radio.setChecked(True)
        save(d)

    return fill


def earlier_number(d) -> str:
    phone = Case.get_by_id(d.case.id).customer_phone
    earlier = (
        Case.select()
        .where((Case.customer_phone == phone) & (Case.id != d.case.id))
        .order_by(Case.id)
        .get()
    )
    return earlier.case_no


def fill_review_upheld(d) -> None:
    pick(d.outcome_combo, codes.REVIEW_UPHELD)
    d.reason_edit.setPlainText("维持原认定")
    save(d)


def case_action(name: str, fill: Callable[[QDialog], None]) -> Callable[[Scene, Any], None]:
    def act(scene: Scene, _qtbot) -> None:
        bar = scene.window.detail_panel().action_bar()
        done = drive(lambda: bar.run_action(name), fill)
        assert not done.stayed_open, done.error

    return act


def register(scene: Scene, _qtbot) -> None:
    def fill(d) -> None:
        pick(d.business_type_combo, "rmb_savings")
        pick(d.cause_combo, "onsite_long_wait")
        d.customer_name_edit.setText("李秀英")
        d.customer_phone_edit.setText("13812345678")
        d.remedy_edit.setText("希望网点改进叫号")
        d.description_edit.setPlainText("客户排队等候四十分钟，窗口无人解释原因。")
        d.agreed_radio.setChecked(True)
        d.reply_edit.setDateTime(qdt(now() + dt.timedelta(days=1)))
        save(d)

    done = drive(scene.window.new_case, fill)
    assert not done.stayed_open, done.error


def dock_panel(scene: Scene):
    return scene.window.findChild(WorkOrdersDock).panel


def new_workorder(scene: Scene, _qtbot) -> None:
    def fill(d) -> None:
        pick(d.source_combo, codes.SOURCE_95580)
        d.number_edit.setText("W-NEW-1")
        d.customer_name_edit.setText("孙悦")
        d.content_edit.setPlainText("客户反映理财赎回到账慢")
        d.reply_by_edit.setDateTime(qdt(now() + dt.timedelta(days=2)))
        d.save()

    done = drive(dock_panel(scene).new_button.click, fill)
    assert not done.stayed_open, done.error


def reply_workorder(scene: Scene, _qtbot) -> None:
    panel = dock_panel(scene)
    assert panel.select(scene.shop.orders["near"].id)

    def fill(d) -> None:
        d.content_edit.setPlainText("已回复上级机构")
        d.save()

    done = drive(panel.reply_button.click, fill)
    assert not done.stayed_open, done.error


def link_workorder(scene: Scene, _qtbot) -> None:
    show(scene, future_case(scene))
    panel = dock_panel(scene)
    assert panel.select(scene.shop.orders["running"].id)
    done = drive(panel.link_button.click, lambda d: d.save())
    assert not done.stayed_open, done.error


def import_workorders(scene: Scene, qtbot, monkeypatch, tmp_path) -> None:
    path = workorder_factory.write_csv(tmp_path / "orders.csv", workorder_factory.good_rows())
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    scene.window.findChild(QAction, "actionImportWorkOrders").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert "created" in said[0]


def edit_staff(scene: Scene, _qtbot) -> None:
    dialog = scene.staff
    lobby = next(i for i, row in enumerate(dialog.rows) if row.employee_no == "E002")
    dialog.table.selectRow(lobby)

    def fill(d) -> None:
        d.name_edit.setText("钱明远")
        save(d)

    drive(dialog.edit_button.click, fill)
    assert Staff.get(Staff.employee_no == "E002").name == "钱明远"


def acting_head_span(scene: Scene, _qtbot) -> None:
    def fill(d) -> None:
        pick(d.staff_combo, Staff.get(Staff.employee_no == "E002").id)
        d.starts_edit.setDateTime(qdt(now() - dt.timedelta(minutes=10)))
        d.ends_edit.setDateTime(qdt(now() + dt.timedelta(hours=4)))
        d.note_edit.setText("到区分公司开会")
        d.name_button.click()
        assert d.general_error() == ""
        d.reject()

    drive(scene.window.findChild(QAction, "actionActingHead").trigger, fill)


def training_session(scene: Scene, _qtbot) -> None:
    lobby, teller = scene.shop.staff[1], scene.shop.staff[2]

    def fill(s) -> None:
        pick(s.topic_combo, codes.TOPIC_COMPLAINT_HANDLING)
        s.title_edit.setText("投诉处理流程复训")
        s.trainer_edit.setText("孙丽")
        s.hours_spin.setValue(1.5)
        s.set_attendees([teller, lobby])
        save(s)

    done = drive(scene.training.record_button.click, fill)
    assert not done.stayed_open, done.error


def record_dispute(scene: Scene, _qtbot) -> None:
    def fill(form) -> None:
        pick(form.handler, scene.shop.staff[1].id)
        form.customer.setText("王芳")
        form.description.setPlainText("客户对排队时间不满，大堂经理解释后情绪平复")
        pick(form.cause, "onsite_long_wait")
        save(form)

    done = drive(scene.disputes.record_dispute_button.click, fill)
    assert not done.stayed_open, done.error


def a_dispute(scene: Scene) -> None:
    prevention.record_dispute(
        scene.shop.head,
        occurred_at=now().replace(second=0, microsecond=0) - dt.timedelta(hours=1),
        handled_by=scene.shop.staff[1],
        customer_name="王芳",
        description="客户对排队时间不满，大堂经理解释后情绪平复",
        cause="onsite_long_wait",
        outcome=codes.DISPUTE_DEFUSED,
    )


def convert_dispute(scene: Scene, _qtbot) -> None:
    scene.disputes.disputes.selectRow(0)

    def fill(convert) -> None:
        pick(convert.business, "rmb_savings")
        convert.phone.setText("13800001234")
        save(convert)

    done = drive(scene.disputes.convert_button.click, fill)
    assert not done.stayed_open, done.error
    assert Dispute.get().case_id is not None


def rule_setting(scene: Scene, _qtbot) -> None:
    def fill(d) -> None:
        d.rows["decision_days"].editor.setValue(d.rows["decision_days"].value() - 1)
        d.save()

    drive(scene.window.findChild(QAction, "actionRuleSettings").trigger, fill)


def decision_due(case: Case) -> dt.datetime:
    clock = next(c for c in deadlines.case_clocks(case) if c.name == deadlines.CLOCK_DECISION)
    assert clock.deadline is not None
    return clock.deadline


def calendar_day(scene: Scene, qtbot, monkeypatch, _tmp_path) -> None:
    """The day the shown case's decision clock ends becomes a holiday: the clock moves."""
    from desktop.settings import calendar_dialog

    day = decision_due(future_case(scene)).date()
    # Entered by hand, as for a year the holiday package does not cover yet.
    monkeypatch.setattr(
        calendar_dialog, "package_years", lambda: set(range(2000, 2100)) - {day.year}
    )

    def fill(d) -> None:
        d.year_spin.setValue(day.year)
        assert d.editable()
        d.day_edit.setDate(QDate(day.year, day.month, day.day))
        pick(d.kind_combo, False)
        d.name_combo.setEditText("临时休息日")
        d.add_button.click()
        with qtbot.waitSignal(d.work_finished, timeout=WAIT_MS):
            d.save_year_button.click()
        d.close_button.click()

    drive(scene.window.findChild(QAction, "actionWorkCalendar").trigger, fill)
    assert decision_due(future_case(scene)).date() != day


def target_cell(scene: Scene, _qtbot) -> None:
    def fill(d) -> None:
        d.set_cell(codes.METRIC_COMPLAINTS, Period.of(now(), QUARTER), "30")
        assert d.save()
        d.accept()

    drive(scene.window.findChild(QAction, "actionTargets").trigger, fill)


@dataclass(frozen=True)
class Step:
    """One write: ``prepare`` (db/ calls; may return the case to show), ``act`` (the GUI),
    and the views it must visibly change."""

    name: str
    act: Callable[..., None]
    changes: frozenset[str]
    prepare: Callable[[Scene], Case | None] | None = None
    needs_fixtures: bool = False  # act(scene, qtbot, monkeypatch, tmp_path)


def _step(name, act, changes, prepare=future_case, needs_fixtures=False) -> Step:
    return Step(name, act, frozenset(changes), prepare, needs_fixtures)


CASE = {"list", "detail"}  # a status or a field the list shows changed
DETAIL = {"detail"}  # only what the case view shows

STEPS = [
    _step("register", register, {"list", "listed", "counts", "dashboard"}, prepare=None),
    # every case action, through the action bar and its dialog
    _step("settle", case_action("settle", fill_simple("当场解释并致歉")), CASE, taken_charge),
    _step(
        "agree_reply_time",
        case_action("agree_reply_time", fill_simple("客户同意", when=now() + dt.timedelta(days=5))),
        CASE,
    ),
    _step("reply", case_action("reply", fill_reply), CASE),
    _step("report", case_action("report", fill_report), CASE),
    _step("transfer", case_action("transfer", fill_transfer), CASE),
    _step("confirm_contact", case_action("confirm_contact", fill_contact), CASE, transferred),
    _step(
        "cancel_transfer",
        case_action("cancel_transfer", fill_simple("客户撤回")),
        CASE,
        transferred,
    ),
    _step("escalate", case_action("escalate", fill_wizard), CASE, taken_charge),
    _step("feed_back", case_action("feed_back", fill_reply), CASE, escalated),
    _step("callback", case_action("callback", fill_callback_plan), DETAIL),
    _step(
        "determine_liability",
        case_action("determine_liability", fill_not_liable),
        CASE,
        replied,
    ),
    _step("close", case_action("close", fill_simple("办结")), CASE | {"counts"}, not_liable),
    _step("reopen", case_action("reopen", fill_simple("客户再次来电")), CASE, closed),
    _step("tracking_note", case_action("tracking_note", fill_simple("已与客户联系")), DETAIL),
    _step(
        "first_contact",
        case_action("first_contact", fill_simple("电话联系", choice="phone")),
        DETAIL,
    ),
    _step("proposal", case_action("proposal", fill_simple("提出补偿方案")), DETAIL),
    _step(
        "mark_major",
        case_action(
            "mark_major", fill_simple("涉及金额较大", choice=next(iter(codes.MAJOR_REASONS)))
        ),
        DETAIL,
    ),
    _step("other_outlet", case_action("other_outlet", fill_simple("东关营业所")), DETAIL),
    _step("decision", case_action("decision", fill_decision), DETAIL),
    _step("pause", case_action("pause", fill_pause), DETAIL),
    _step(
        "request_review",
        case_action("request_review", fill_simple("客户要求复核")),
        DETAIL,
        with_decision,
    ),
    _step(
        "decide_review",
        case_action("decide_review", fill_simple("复核维持")),
        DETAIL,
        review_reported,
    ),
    _step("repeat", case_action("repeat", fill_repeat(merge=False)), CASE, repeat_of),
    _step("merge", case_action("merge", fill_repeat(merge=True)), CASE, repeat_of),
    _step("review_liability", case_action("review_liability", fill_review_upheld), DETAIL, liable),
    _step("penalty", case_action("penalty", save), DETAIL | {"staff"}, liable),
    # work orders
    _step("workorder_create", new_workorder, {"dock"}, prepare=None),
    _step("workorder_reply", reply_workorder, {"dock", "today"}, prepare=None),
    _step("workorder_link", link_workorder, {"dock", "detail"}, prepare=None),
    _step("workorder_import", import_workorders, {"dock"}, prepare=None, needs_fixtures=True),
    # the outlet
    # The lobby manager first asked complaints of the list and handled a dispute.
    _step(
        "staff_edit",
        edit_staff,
        {"list", "staff", "training", "disputes"},
        prepare=lambda scene: a_dispute(scene),
    ),
    _step("acting_head_span", acting_head_span, {"acting", "staff"}),
    _step("training_session", training_session, {"training", "staff"}, prepare=None),
    _step("dispute_recorded", record_dispute, {"disputes"}, prepare=None),
    _step(
        "dispute_converted",
        convert_dispute,
        {"list", "listed", "counts", "disputes", "dashboard"},
        prepare=lambda scene: a_dispute(scene),
    ),
    # settings
    _step("rule_setting", rule_setting, {"detail"}),
    _step("calendar_day", calendar_day, {"detail"}, needs_fixtures=True),
    _step("target_cell", target_cell, {"dashboard"}, prepare=None),
]


# --- the test ------------------------------------------------------------------------------------


@pytest.fixture
def scene(qtbot, qapp, tmp_path):
    install_translators(qapp, "en")
    shop = workorder_factory.open_shop_with_workorders(tmp_path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.findChild(QAction, "actionDashboard").trigger()
    dashboard = window.findChild(DashboardWindow, "dashboardWindow")
    qtbot.waitUntil(lambda: dashboard.dashboard.data is not None, timeout=WAIT_MS)
    beside = []
    for make in (StaffDialog, TrainingDialog, DisputesDialog):
        dialog = make(shop.outlet, shop.head, window)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        beside.append(dialog)
    staff = beside[0]
    # The record of the teller is on show: first-asked cases, penalties, training.
    staff.table.selectRow(next(i for i, r in enumerate(staff.rows) if r.employee_no == "E003"))
    made = Scene(window, shop, *beside, dashboard)
    made.settle(qtbot)
    yield made
    for dialog in beside:
        dialog.close()
    dashboard.close()
    window.close()
    close_database()


def _difference(shown_now: Any, refreshed: Any) -> list[Any]:
    """What a view shows that F5 changes: the entries of either side missing from the other."""
    if shown_now == refreshed:
        return []
    if isinstance(shown_now, list) and isinstance(refreshed, list):
        return [("shown", x) for x in shown_now if x not in refreshed] + [
            ("after F5", x) for x in refreshed if x not in shown_now
        ] or [("order", "differs")]
    return [("shown", shown_now), ("after F5", refreshed)]


@pytest.mark.parametrize("step", STEPS, ids=[s.name for s in STEPS])
def test_every_view_is_current_after_the_write_without_refresh(
    qtbot, scene, step, monkeypatch, tmp_path
):
    if step.prepare is not None:
        case = step.prepare(scene)
        scene.window.refresh()  # the preparation bypassed the GUI; F5 shows it
        scene.settle(qtbot)
        if case is not None:
            show(scene, case)
    before = scene.views()

    if step.needs_fixtures:
        step.act(scene, qtbot, monkeypatch, tmp_path)
    else:
        step.act(scene, qtbot)
    scene.settle(qtbot)
    after = scene.views()

    scene.window.refresh()  # F5
    scene.settle(qtbot)
    refreshed = scene.views()

    stale = {name: _difference(after[name], refreshed[name]) for name in after}
    stale = {name: diff for name, diff in stale.items() if diff}
    assert stale == {}, f"{step.name}: stale without F5 (shown, then after F5): {stale}"
    changed = {name for name in after if after[name] != before[name]}
    assert step.changes <= changed, f"{step.name}: not shown: {sorted(step.changes - changed)}"


def test_the_steps_cover_every_case_action():
    """Every action the case view offers is a row above, so none can be left stale."""
    from desktop.cases.case_actions import BUTTON_ACTIONS, MENU_ACTIONS

    offered = set(BUTTON_ACTIONS) | set(MENU_ACTIONS) | {"merge", "review_liability", "penalty"}
    assert offered <= {s.name for s in STEPS}


def test_a_write_refused_by_the_rules_changes_no_view(qtbot, scene):
    """A refusal writes nothing and reports nothing: no view re-reads."""
    show(scene, future_case(scene))
    before = scene.views()
    refused = drive(
        lambda: scene.window.detail_panel().action_bar().run_action("close"), fill_simple("办结")
    )
    assert refused.stayed_open and refused.error
    scene.settle(qtbot)
    after = scene.views()
    assert {
        name: _difference(after[name], before[name])
        for name in after
        if after[name] != before[name]
    } == {}
    assert WorkOrder.select().count() == len(scene.shop.orders)
