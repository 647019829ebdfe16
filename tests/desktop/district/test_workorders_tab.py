"""The district console's work orders tab as an officer sees it: the list with where each
stands and the outlet's reply against its reply-by, entering one, importing a file (with a
clear refusal), assigning to an enrolled outlet and sending the bundle down."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from db.district import workorders
from db.district.consolidate import import_bundle
from db.district.models import DistrictWorkOrder, EnrolledOutlet
from db.trust import keys
from desktop.district import workorders_panel
from desktop.district.assign_outlet_dialog import AssignOutletDialog
from desktop.district.send_bundle_dialog import SendBundleDialog
from desktop.district.workorder_entry_dialog import WorkOrderEntryDialog
from desktop.district.workorder_model import (
    COL_NUMBER,
    COL_OUTLET,
    COL_REPLIED_AT,
    COL_STATE,
    LATE_BACKGROUND,
    DistrictWorkOrderModel,
)
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.district.conftest import DISTRICT_KEY, OUTLET_KEYS
from tests.district.helpers import up_bundle
from tests.district.test_workorder_files import AT, HEADER, ROWS, write_csv

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
KEY_PASSWORD = "district key pw 1"


@pytest.fixture
def orders(district, tmp_path):
    """ROWS entered; KF-001 sent down and replied by BJ0101 on time; XF-004 replied late."""
    workorders.import_work_orders(write_csv(tmp_path / "wo.csv", ROWS), actor="赵敏", at=AT)
    DistrictWorkOrder.update(sent_down_at=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)).where(
        DistrictWorkOrder.number.in_(["KF-001", "XF-004"])
    ).execute()
    replies = [
        {"source": "95580", "number": "KF-001", "replied_at": "2026-03-03T11:00:00",
         "replied_by": {"name": "王建国", "employee_no": "E1001"},
         "reply_content": "已致歉并增开窗口"},
        {"source": "petition", "number": "XF-004", "replied_at": "2026-03-26T15:00:00",
         "replied_by": {"name": "王建国", "employee_no": "E1001"},
         "reply_content": "已上门致歉"},
    ]  # fmt: skip
    path = up_bundle(tmp_path / "up2.zip", "BJ0101", OUTLET_KEYS["BJ0101"], seq=2,
                     work_orders=replies)  # fmt: skip
    import_bundle(path, actor="赵敏", at=dt.datetime(2026, 3, 27, tzinfo=dt.UTC))
    return district


@pytest.fixture
def window(orders, window):
    """The console's window (tests/desktop/district/conftest.py) on the work orders tab."""
    window.work_orders.refresh()
    window.tabs.setCurrentWidget(window.work_orders)
    return window


def shown(panel) -> dict[str, str]:
    model = panel.model
    while model.canFetchMore():
        model.fetchMore()
    return {
        model.index(r, COL_NUMBER).data(): model.index(r, COL_STATE).data()
        for r in range(model.rowCount())
    }


def select(panel, number: str) -> None:
    model = panel.model
    row = next(r for r in range(model.rowCount()) if model.index(r, COL_NUMBER).data() == number)
    panel.table.selectRow(row)


def test_the_tab_lists_where_each_work_order_stands(window):
    panel = window.work_orders
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Work orders"
    assert shown(panel) == {
        "KF-001": "Replied on time",
        "JG-002": "Overdue, no reply",
        "SJ-003": "Overdue, no reply",
        "XF-004": "Replied late",
    }
    assert panel.total.text() == "4 work orders"
    model = panel.model
    rows = {model.index(r, COL_NUMBER).data(): r for r in range(model.rowCount())}
    assert model.index(rows["SJ-003"], COL_OUTLET).data() == "(not assigned)"
    late = model.index(rows["XF-004"], COL_REPLIED_AT)
    assert late.data() == "2026-03-26 15:00"
    assert late.data(Qt.ItemDataRole.BackgroundRole).color() == LATE_BACKGROUND
    assert unnamed_widgets(window) == []


def test_the_reply_is_shown_against_the_reply_by(window):
    panel = window.work_orders
    select(panel, "KF-001")
    text = panel.detail.text()
    assert "The outlet replied 2026-03-03 11:00 (王建国): on time" in text
    assert "已致歉并增开窗口" in text and "reply by 2026-03-03 17:00" in text
    select(panel, "XF-004")
    assert "The outlet replied 2026-03-26 15:00 (王建国): LATE, 15 h after the reply-by" in (
        panel.detail.text()
    )
    select(panel, "SJ-003")
    assert "Not assigned to an outlet yet." in panel.detail.text()
    assert "No reply yet." in panel.detail.text()


@pytest.mark.parametrize(
    ("combo", "data", "expected"),
    [
        ("outlet", "BJ0102", {"JG-002"}),
        ("source", "petition", {"XF-004"}),
        ("state", "replied_late", {"XF-004"}),
        ("state", "open", {"JG-002", "SJ-003"}),
    ],
)
def test_the_filters_narrow_the_list(window, combo, data, expected):
    panel = window.work_orders
    box = getattr(panel, combo)
    box.setCurrentIndex(box.findData(data))
    assert set(shown(panel)) == expected
    assert panel.total.text() == f"{len(expected)} work orders"


def test_the_model_passes_the_model_tester(qtmodeltester, orders):
    qtmodeltester.check(DistrictWorkOrderModel())


def test_a_work_order_entered_in_the_dialog_is_listed(qtbot, window):
    panel = window.work_orders
    submitted = []

    def submit(order, outlet):
        submitted.append((order, outlet))
        return workorders.enter_work_order(order, outlet, actor="赵敏")

    dialog = WorkOrderEntryDialog(submit, panel)
    qtbot.addWidget(dialog)
    assert [dialog.outlet.itemData(i) for i in range(dialog.outlet.count())] == [
        None, "BJ0101", "BJ0102"]  # fmt: skip
    dialog.source.setCurrentIndex(dialog.source.findData("95580"))
    dialog.number.setText("KF-777")
    dialog.customer.setText("孙丽")
    dialog.save()  # no content: refused beside its field, nothing stored
    assert dialog.errors.shown().get("content")
    assert dialog.result_value is None
    assert DistrictWorkOrder.get_or_none(DistrictWorkOrder.number == "KF-777") is None
    dialog.content.setPlainText("客户来电：网点未按约定回电")
    dialog.outlet.setCurrentIndex(dialog.outlet.findData("BJ0102"))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert DistrictWorkOrder.get(DistrictWorkOrder.number == "KF-777").outlet_code == "BJ0102"
    panel.refresh()
    assert shown(panel)["KF-777"] == "To send down"


def test_importing_a_file_shows_what_was_entered_or_why_it_was_refused(qtbot, window, tmp_path):
    panel = window.work_orders
    rows = [list(r) for r in ROWS]
    for r in rows:
        r[1] = "N" + r[1]
    rows[3][7] = "XX9999"
    bad = write_csv(tmp_path / "bad.csv", rows)
    with qtbot.waitSignal(panel.notice_shown, timeout=10000) as said:
        panel.import_file(bad)
    assert said.args[0] == (
        "bad.csv was refused; nothing was written. Row 5: Outlet XX9999 is not enrolled in "
        "this district; enrol it before sending it work orders."
    )
    assert len(shown(panel)) == 4
    rows[3][7] = "BJ0102"
    good = write_csv(tmp_path / "good.csv", rows, HEADER)
    with qtbot.waitSignal(panel.notice_shown, timeout=10000) as said:
        panel.import_file(good)
    assert said.args[0] == (
        "good.csv: 4 work orders entered (3 assigned to their outlet), 0 already entered."
    )
    qtbot.waitUntil(lambda: len(shown(panel)) == 8, timeout=5000)


def test_only_enrolled_outlets_are_offered_and_assigning_moves_it(qtbot, window):
    panel = window.work_orders
    EnrolledOutlet.update(active=False).where(EnrolledOutlet.code == "BJ0101").execute()
    select(panel, "SJ-003")
    assert panel.assign_button.isEnabled()
    row = panel.selected()
    dialog = AssignOutletDialog(row, lambda code: workorders.assign_work_order(
        row.source, row.number, code, actor="赵敏"), panel)  # fmt: skip
    qtbot.addWidget(dialog)
    assert [dialog.outlet.itemData(i) for i in range(dialog.outlet.count())] == ["BJ0102"]
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    panel.refresh()
    select(panel, "SJ-003")
    assert "Outlet: BJ0102" in panel.detail.text()
    select(panel, "KF-001")  # sent down already: it stays with its outlet
    assert not panel.assign_button.isEnabled()


def test_send_bundle_to_outlet_writes_the_signed_bundle_down(qtbot, window, tmp_path, monkeypatch):
    panel = window.work_orders
    key_file = tmp_path / "keys" / "DC01-signing-key.json"
    owner = keys.Owner(keys.KIND_DISTRICT, "DC01", "东城区分公司")
    keys.write_protected(key_file, keys._wrap(DISTRICT_KEY, KEY_PASSWORD, owner, "2026-01-05",
                                              2**10))  # fmt: skip
    monkeypatch.setattr(workorders_panel, "district_key_path", lambda code: key_file)
    down = tmp_path / "down.zip"

    def drive(parent, key_path, submit, outlet=None):
        dialog = SendBundleDialog(key_path, submit, outlet, parent)
        qtbot.addWidget(dialog)
        assert dialog.key.text() == str(key_file)
        dialog.outlet.setCurrentIndex(dialog.outlet.findData("BJ0102"))
        assert dialog.outlet.currentText() == "BJ0102 BJ0102网点 (1 waiting)"  # JG-002
        dialog.path.setText(str(down))
        dialog.password.setText("wrong password")
        dialog.save()
        assert "password" in dialog.error.text().lower() and not down.exists()
        return None

    monkeypatch.setattr(SendBundleDialog, "ask", drive)
    window.findChild(QAction, "sendBundleAction").trigger()  # File → Send bundle to outlet…

    def send(parent, key_path, submit, outlet=None):
        dialog = SendBundleDialog(key_path, submit, outlet, parent)
        qtbot.addWidget(dialog)
        dialog.outlet.setCurrentIndex(dialog.outlet.findData("BJ0102"))
        dialog.path.setText(str(down))
        dialog.password.setText(KEY_PASSWORD)
        dialog.save()
        return dialog.result_value

    monkeypatch.setattr(SendBundleDialog, "ask", send)
    with qtbot.waitSignal(panel.notice_shown, timeout=5000) as said:
        panel.send_button.click()
    assert said.args[0].startswith(f"Wrote {down} for outlet BJ0102 (bundle number 1): 1 work")
    assert "workorders.json" in zipfile.ZipFile(down).namelist()
    panel.refresh()
    select(panel, "JG-002")
    assert "Sent down" in panel.detail.text()
