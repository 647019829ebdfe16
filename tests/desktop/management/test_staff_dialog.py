"""Outlet → Staff…: add, edit, deactivate (never delete); the record matches db; every
duty of db/ has a translatable literal."""

from __future__ import annotations

import ast
import inspect

import pytest
from PySide6.QtWidgets import QPushButton

from db.handling import workflow
from db.management import staff_records
from db.store.database import close_database
from db.store.models import Staff, now
from desktop.management import duties
from desktop.management.staff_dialog import StaffDialog
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


def open_dialog(qtbot, shop, actor=None):
    d = StaffDialog(shop.outlet, actor or shop.head)
    qtbot.addWidget(d)
    d.show()
    return d


def row_of(d: StaffDialog, name: str) -> int:
    return next(i for i, r in enumerate(d.rows) if r.name == name)


def test_add_edit_deactivate_and_no_delete(qtbot, shop):
    d = open_dialog(qtbot, shop)
    assert unnamed_widgets(d) == []
    assert not [b for b in d.findChildren(QPushButton) if "delet" in b.objectName().lower()]

    def fill_new(e):
        assert unnamed_widgets(e) == []
        e.name_edit.setText("冯雪")
        e.no_edit.setText("E009")
        e.role_combo.setCurrentIndex(e.role_combo.findData("teller"))
        e.save_button.click()

    drive(d.add_button.click, fill_new)
    added = Staff.get(Staff.employee_no == "E009")
    assert added.name == "冯雪" and added.active
    assert d.table.item(row_of(d, "冯雪"), 0).text() == "冯雪"

    def fill_edit(e):
        e.name_edit.setText("冯雪梅")
        e.save_button.click()

    d.table.selectRow(row_of(d, "冯雪"))
    drive(d.edit_button.click, fill_edit)
    assert Staff.get_by_id(added.id).name == "冯雪梅"

    def fill_duplicate(e):
        e.no_edit.setText("E001")
        e.save_button.click()

    d.table.selectRow(row_of(d, "冯雪梅"))
    refused = drive(d.edit_button.click, fill_duplicate)
    assert refused.stayed_open and Staff.get_by_id(added.id).employee_no == "E009"

    d.table.selectRow(row_of(d, "冯雪梅"))
    d.deactivate_button.click()
    assert not Staff.get_by_id(added.id).active
    assert "冯雪梅" in d.status_label.text()
    assert d.reactivate_button.isEnabled() and not d.deactivate_button.isEnabled()
    d.reactivate_button.click()
    assert Staff.get_by_id(added.id).active


def test_record_matches_db_and_duties_follow_the_role(qtbot, shop):
    cases = case_factory.add_cases(shop, 5)
    teller = shop.staff[2]
    workflow.reply(cases[1], teller, content="已答复", method="phone", customer_satisfied=True)
    d = open_dialog(qtbot, shop)
    d.table.selectRow(row_of(d, teller.name))
    summary = next(s for s in staff_records.staff_summary(shop.outlet) if s.staff_id == teller.id)
    assert d.record_labels["first_asked"].text() == str(summary.first_asked)
    assert d.record_labels["handled"].text() == str(summary.handled)
    assert d.record_labels["found_liable"].text() == str(summary.found_liable)
    assert d.duties_list.count() == len(staff_records.duties_for(teller.role))
    assert d.duties_list.item(0).text().startswith("Art. 7(1)")


def test_staff_cannot_change_the_roster(qtbot, shop):
    d = open_dialog(qtbot, shop, shop.staff[2])
    assert not any(b.isEnabled() for b in d.head_buttons)


def test_every_db_duty_has_an_identical_literal():
    tree = ast.parse(inspect.getsource(duties))
    literals = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
    }
    texts = {d.text for role in staff_records.DUTIES.values() for d in role}
    texts.add(staff_records.ACTING_HEAD_DUTY.text)
    assert texts <= literals


def test_record_follows_the_chosen_period(qtbot, shop):
    """The record is all time by default; a year, quarter or month shows that period's."""
    case_factory.add_cases(shop, 5)
    teller = shop.staff[2]
    d = open_dialog(qtbot, shop)
    d.table.selectRow(row_of(d, teller.name))

    def first_asked(period):
        summary = staff_records.staff_summary(shop.outlet, period)
        return str(next(s.first_asked for s in summary if s.staff_id == teller.id))

    periods = [d.period_combo.itemData(i) for i in range(d.period_combo.count())]
    assert periods[0] is None and d.record_period() is None
    all_time = d.record_labels["first_asked"].text()
    assert all_time == first_asked(None) and all_time != "0"
    shown = []
    for index, period in enumerate(periods):
        d.period_combo.setCurrentIndex(index)
        assert d.record_period() == period
        shown.append(d.record_labels["first_asked"].text())
        assert shown[-1] == first_asked(period)
    # The cases are hours old: last year's record differs from all time's.
    assert shown[periods.index(str(now().year - 1))] != all_time or now().timetuple().tm_yday == 1
    assert unnamed_widgets(d) == []
