"""The work-order panel and its dialogs: the list, its filters and colours, New…, Reply…,
Link to case…, and the click-through to a linked complaint."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, QSettings, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox

from db.store import codes, vocab
from db.store.database import close_database
from db.store.models import Case, WorkOrder
from desktop.cases.case_model import DUE_TODAY_BACKGROUND, OVERDUE_BACKGROUND
from desktop.kit.i18n import install_translators
from desktop.main_window import MainWindow
from desktop.workorders.link_case_dialog import CASE_ID_ROLE, LinkCaseDialog
from desktop.workorders.workorder_dialog import WorkOrderDialog, refused_field
from desktop.workorders.workorder_model import (
    COL_CASE,
    COL_CONCERNS,
    COL_NUMBER,
    COL_REPLIED,
    WorkOrderTableModel,
)
from desktop.workorders.workorder_panel import WorkOrderPanel
from desktop.workorders.workorder_reply_dialog import WorkOrderReplyDialog
from desktop.workorders.workorders_ui import WorkOrdersDock
from tests.desktop import workorder_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path, qapp):
    install_translators(qapp, "en")
    shop = workorder_factory.open_shop_with_workorders(tmp_path)
    yield shop
    close_database()


@pytest.fixture
def panel(qtbot, shop):
    widget = WorkOrderPanel(shop.outlet, shop.head)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def numbers(model: WorkOrderTableModel) -> list[str]:
    return [model.row_at(r).number for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, shop):
    model = WorkOrderTableModel(shop.outlet)
    qtmodeltester.check(model)
    model.set_filter(open_only=False, source=codes.SOURCE_95580)
    qtmodeltester.check(model)


def test_open_orders_most_urgent_first_with_flags_and_colours(panel, shop):
    model = panel.model()
    assert numbers(model) == ["W-OVERDUE", "W-NEAR", "W-REG", "W-RUNNING"]
    overdue, near, regulator, running = range(4)

    def background(row):
        brush = model.index(row, COL_NUMBER).data(Qt.ItemDataRole.BackgroundRole)
        return brush.color() if isinstance(brush, QBrush) else None

    assert background(overdue) == OVERDUE_BACKGROUND
    assert background(near) == DUE_TODAY_BACKGROUND
    assert background(running) is None
    assert model.index(overdue, COL_CONCERNS).data() == "✓"
    assert model.index(near, COL_CONCERNS).data() == ""
    assert model.index(overdue, COL_REPLIED).data() == "Not yet"
    # The regulator's order without a limit got the internal limit (5 working days).
    assert shop.orders["regulator"].reply_by - shop.orders["regulator"].received_at > dt.timedelta(
        days=7
    )
    assert regulator == numbers(model).index("W-REG")


def test_filters_run_in_sql_open_all_and_source(panel, shop, qtbot):
    order = WorkOrderReplyDialog(shop.outlet, shop.head, shop.orders["overdue"])
    qtbot.addWidget(order)
    order.content_edit.setPlainText("已向95580回复：已致歉并说明原因。")
    order.save()
    assert WorkOrder.get_by_id(shop.orders["overdue"].id).replied_at is not None

    panel.refresh()
    assert "W-OVERDUE" not in numbers(panel.model())
    scope = panel.findChild(QComboBox, "workOrderScope")
    scope.setCurrentIndex(1)  # All work orders
    assert numbers(panel.model())[-1] == "W-OVERDUE"  # replied ones after the open ones
    source = panel.findChild(QComboBox, "workOrderSource")
    source.setCurrentIndex(source.findData(codes.SOURCE_PETITION))
    assert numbers(panel.model()) == ["W-RUNNING"]


def test_buttons_follow_the_selection(panel, shop):
    assert not panel.reply_button.isEnabled() and not panel.link_button.isEnabled()
    panel.select(shop.orders["near"].id)
    assert panel.reply_button.isEnabled() and panel.link_button.isEnabled()


def test_new_work_order_dialog_saves_and_shows_refusals_inline(qtbot, shop):
    dialog = WorkOrderDialog(shop.outlet, shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_widgets(dialog) == []

    dialog.save()  # every missing field at once, each under its field
    required = "This field is required."
    assert dialog.errors.shown() == {
        "source": required,
        "number": required,
        "customer_name": required,
        "content": required,
    }
    assert dialog.focusWidget() is dialog.source_combo

    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(codes.SOURCE_REGULATOR))
    assert dialog.default_reply_box.isVisible()
    dialog.default_reply_box.setChecked(True)
    assert not dialog.reply_by_edit.isEnabled()
    dialog.number_edit.setText("W-REG")  # already stored for the regulator
    dialog.customer_name_edit.setText("孙悦")
    dialog.content_edit.setPlainText("客户反映理财赎回到账慢")
    dialog.save()
    assert set(dialog.errors.shown()) == {"number"}
    assert WorkOrder.select().count() == 4

    dialog.number_edit.setText("12378-NEW")
    dialog.customer_phone_edit.setText("123")
    dialog.save()
    assert dialog.errors.shown() == {"customer_phone": _phone_message()}

    dialog.customer_phone_edit.setText("13912345678")
    dialog.callback_box.setChecked(True)
    dialog.save()
    stored = dialog.result_order
    assert stored is not None and stored.number == "12378-NEW"
    assert stored.head_callback_required and not stored.may_concern_outlet
    assert stored.reply_by.date() > stored.received_at.date()


def _phone_message() -> str:
    from db.intake.validation import FieldError
    from desktop.kit import labels

    return labels.error_message(FieldError("customer_phone", "bad_phone"))


def test_reply_before_receipt_is_refused_under_its_field(qtbot, shop):
    order = shop.orders["near"]
    dialog = WorkOrderReplyDialog(shop.outlet, shop.head, order)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_widgets(dialog) == []
    dialog.save()
    assert dialog.errors.shown() == {"content": "This field is required."}
    dialog.content_edit.setPlainText("已回复上级机构")
    early = order.received_at - dt.timedelta(hours=1)
    dialog.replied_at_edit.setDateTime(QDateTime(early.date(), early.time()))
    dialog.save()
    assert dialog.errors.shown() == {"replied_at": "'Replied at' must be after 'Received at'."}
    assert WorkOrder.get_by_id(order.id).replied_at is None

    lobby = shop.staff[1]
    dialog.replied_by_combo.setCurrentIndex(dialog.replied_by_combo.findData(lobby.id))
    dialog.replied_at_edit.setDateTime(QDateTime.currentDateTime())
    dialog.save()
    stored = WorkOrder.get_by_id(order.id)
    assert stored.replied_by_id == lobby.id and stored.reply_content == "已回复上级机构"


def test_linking_a_regulator_order_makes_the_case_urgent(qtbot, shop):
    case = next(c for c in shop.cases if c.is_open and c.severity == vocab.SEVERITY_ORDINARY)
    dialog = LinkCaseDialog(shop.outlet, shop.head, shop.orders["regulator"], case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_widgets(dialog) == []
    assert dialog.findChild(object, "regulator_hint") is not None
    assert dialog.chosen_case_id() == case.id  # the case selected in the list comes first
    dialog.save()
    assert dialog.result_case is not None
    assert WorkOrder.get_by_id(shop.orders["regulator"].id).case_id == case.id
    assert Case.get_by_id(case.id).severity == vocab.SEVERITY_URGENT


def test_link_dialog_searches_open_complaints(qtbot, shop):
    dialog = LinkCaseDialog(shop.outlet, shop.head, shop.orders["near"])
    qtbot.addWidget(dialog)
    dialog.search_edit.setText(shop.cases[1].customer_name)
    dialog.reload()
    ids = [dialog.case_list.item(i).data(CASE_ID_ROLE) for i in range(dialog.case_list.count())]
    assert shop.cases[1].id in ids
    assert all(Case.get_by_id(i).is_open for i in ids)


def test_refusal_field_mapping_is_pure():
    from db.errors import WorkflowError

    assert refused_field(WorkflowError("text_required", field="number")) == "number"
    assert refused_field(WorkflowError("reply_by_required")) == "reply_by"
    assert refused_field(WorkflowError("workorder_duplicate", source="x", number="y")) == "number"
    assert refused_field(WorkflowError("wrong_outlet")) is None


def test_dock_in_main_window_links_through_to_the_case(qtbot, shop, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = window.findChild(WorkOrdersDock)
    assert dock.isVisible() and "4 not replied" in dock.windowTitle()
    assert unnamed_widgets(dock) == []

    case = shop.cases[2]
    order = shop.orders["near"]
    from db.workorders.orders import link_workorder

    link_workorder(order, case, shop.head)
    window.filter_bar().show_due_soon()
    dock.panel.refresh()
    row = dock.panel.model().row_of(order.id)
    index = dock.panel.model().index(row, COL_CASE)
    assert index.data() == case.case_no
    dock.panel.view().doubleClicked.emit(index)
    assert window.table().selected_case_id() == case.id
    assert window.detail_panel().case_id() == case.id


def test_view_menu_hides_and_shows_the_dock(qtbot, shop, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = window.findChild(WorkOrdersDock)
    dock.toggle_action.trigger()
    assert not dock.isVisible()
    dock.toggle_action.trigger()
    assert dock.isVisible()
