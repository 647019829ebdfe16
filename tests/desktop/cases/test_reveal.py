"""Showing a case's full customer data from the detail panel.

The head sees the full phone and ID numbers after confirming, each showing is recorded, and
the numbers are masked again once another case is shown. A teller's button is disabled,
and the rule itself (db.intake.cases.reveal_customer) refuses them too."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import WorkflowError
from db.intake import cases
from db.store.database import close_database
from db.store.models import AuditLog, CustomerReveal, database, now
from db.trust import permissions
from desktop.cases.case_detail import TAB_HISTORY, CaseDetailPanel
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.modal_driver import drive

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "13900001234"
ID_NO = "11010519491231002X"
MASKED_PHONE = "139****1234"
MASKED_ID_NO = "110***********002X"


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    shop.made = case_factory.add_cases(shop, 2)
    data = case_factory.new_case_data(3, shop.staff, now())
    data.customer_phone, data.customer_id_no = PHONE, ID_NO
    with database.atomic():
        shop.case = cases.register_case(shop.outlet, data, actor=shop.head)
    yield shop
    close_database()


def make_panel(qtbot, actor) -> CaseDetailPanel:
    panel = CaseDetailPanel(actor=actor)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def numbers(panel: CaseDetailPanel) -> tuple[str, str]:
    return panel.field_text("customer_phone"), panel.field_text("customer_id_no")


def answer(answer_button: str):
    """A ``fill`` for modal_driver.drive that clicks the confirmation's Show or Cancel."""

    def fill(box):
        assert box.objectName() == "revealCustomerConfirm"
        assert "audit trail" in box.text()
        assert unnamed_widgets(box) == []
        box.findChild(object, answer_button).click()

    return fill


def test_the_head_sees_full_numbers_after_confirming_until_another_case(qtbot, shop):
    panel = make_panel(qtbot, shop.head)
    panel.show_case(shop.case.id)
    button = panel.reveal_button()
    assert numbers(panel) == (MASKED_PHONE, MASKED_ID_NO)
    assert button.isEnabled() and "audit trail" in button.toolTip()
    assert unnamed_widgets(panel) == []

    driven = drive(button.click, answer("revealConfirmYes"))
    assert not driven.stayed_open
    assert numbers(panel) == (PHONE, ID_NO)
    assert not button.isEnabled()  # shown already
    reveal = CustomerReveal.get()
    assert (reveal.case_id, reveal.staff_id, reveal.authority) == (
        shop.case.id,
        shop.head.id,
        "head",
    )
    trail = AuditLog.select().where(AuditLog.table_name == "customer_reveal").get()
    assert trail.op == "I" and trail.row_id == reveal.id
    panel.tabs().setCurrentIndex(TAB_HISTORY)
    assert panel.history().entries()[-1][2] == "Full customer data shown"

    panel.show_case(shop.made[0].id)
    panel.show_case(shop.case.id)
    assert numbers(panel) == (MASKED_PHONE, MASKED_ID_NO)
    assert button.isEnabled()


def test_a_refresh_masks_again(qtbot, shop):
    panel = make_panel(qtbot, shop.head)
    panel.show_case(shop.case.id)
    drive(panel.reveal_button().click, answer("revealConfirmYes"))
    assert numbers(panel) == (PHONE, ID_NO)
    panel.refresh()
    assert numbers(panel) == (MASKED_PHONE, MASKED_ID_NO)


def test_cancelling_the_confirmation_shows_and_records_nothing(qtbot, shop):
    panel = make_panel(qtbot, shop.head)
    panel.show_case(shop.case.id)
    drive(panel.reveal_button().click, answer("revealConfirmNo"))
    assert numbers(panel) == (MASKED_PHONE, MASKED_ID_NO)
    assert CustomerReveal.select().count() == 0


@pytest.mark.attack("customer-data")
def test_a_tellers_button_is_disabled_and_the_rule_refuses_them(qtbot, shop):
    teller = shop.staff[2]
    panel = make_panel(qtbot, teller)
    panel.show_case(shop.case.id)
    button = panel.reveal_button()
    assert not button.isEnabled()
    assert "may not reveal full customer data" in button.toolTip()
    assert numbers(panel) == (MASKED_PHONE, MASKED_ID_NO)
    with pytest.raises(WorkflowError) as refused:
        cases.reveal_customer(shop.case, teller)
    assert refused.value.code == "not_permitted"
    assert CustomerReveal.select().count() == 0


@pytest.mark.attack("customer-data")
def test_a_refusal_at_the_click_is_shown_and_nothing_is_revealed(qtbot, shop):
    """The lobby manager was acting head when the case was shown; the head came back."""
    head, lobby, _teller = shop.staff
    start = now().replace(microsecond=0) - dt.timedelta(hours=1)
    span = permissions.name_acting_head(head, lobby, start, start + dt.timedelta(hours=4))
    panel = make_panel(qtbot, lobby)
    panel.show_case(shop.case.id)
    assert panel.reveal_button().isEnabled()
    permissions.end_acting_head(span, head)

    warnings: list[str] = []

    def read_warning(tries: list[int] = [0]) -> None:  # noqa: B006 (a counter)
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() != "revealCustomerConfirm":
            warnings.append(box.text())
            box.accept()
        elif tries[0] < 2000:
            tries[0] += 1
            QTimer.singleShot(10, read_warning)

    def confirm(box):
        QTimer.singleShot(0, read_warning)
        answer("revealConfirmYes")(box)

    drive(panel.reveal_button().click, confirm)
    assert len(warnings) == 1 and "may not reveal full customer data" in warnings[0]
    assert numbers(panel) == (MASKED_PHONE, MASKED_ID_NO)
    assert CustomerReveal.select().count() == 0
