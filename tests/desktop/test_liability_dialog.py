"""The liability dialog on both outcomes, its inline refusals, evidence, and the review."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from db import codes, liability, workflow
from db.database import close_database
from db.models import Attachment, Liability, LiabilityReview, LiablePerson
from desktop.dialogs.liability_dialog import LiabilityDialog
from desktop.dialogs.liability_review_dialog import LiabilityReviewDialog
from tests.desktop import case_factory
from tests.desktop.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    yield shop
    close_database()


@pytest.fixture
def case(shop):
    case = case_factory.add_cases(shop, 2)[1]
    workflow.reply(case, shop.staff[2], content="已答复", method="phone", customer_satisfied=True)
    return case


def open_dialog(qtbot, case, actor):
    dialog = LiabilityDialog(case, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_liable_with_two_people_basis_and_evidence(qtbot, shop, case, tmp_path):
    head, lobby, teller = shop.staff
    letter = tmp_path / "客户来信.pdf"
    letter.write_bytes(b"%PDF-1.4 letter")
    d = open_dialog(qtbot, case, head)
    assert unnamed_widgets(d) == []
    d.liable_radio.setChecked(True)
    form = d.finding_form
    form.add_person(lobby)
    form.add_person(teller)
    assert form.shares() == [Decimal("50.00"), Decimal("50.00")]
    assert "100.00" in form.sum_label.text()
    d.basis_edit.setPlainText("Art. 6(2) 未及时安抚客户")
    d.reasons_edit.setPlainText("大堂经理与柜员均未及时解释")
    form.add_files([letter])
    assert form.evidence_list.count() == 1
    d.save_button.click()
    assert d.error_text() == ""
    row = Liability.get()
    assert row.liable and row.determined_by_id == head.id
    assert {p.staff_id: p.share_bp for p in LiablePerson.select()} == {
        lobby.id: 5000,
        teller.id: 5000,
    }
    stored = Attachment.get()
    assert stored.sha256 == hashlib.sha256(b"%PDF-1.4 letter").hexdigest()
    assert liability.attachment_path(stored).read_bytes() == b"%PDF-1.4 letter"


def test_not_liable_records_why(qtbot, shop, case):
    d = open_dialog(qtbot, case, shop.head)
    d.not_liable_radio.setChecked(True)
    assert not d.finding_form.table.isEnabled()
    d.save_button.click()
    assert "required" in d.error_text().lower() and Liability.select().count() == 0
    d.reasons_edit.setPlainText("叫号系统故障，非网点过错")
    d.save_button.click()
    row = Liability.get()
    assert not row.liable and row.reasons == "叫号系统故障，非网点过错"
    assert LiablePerson.select().count() == 0


def test_shares_not_adding_up_are_refused_inline(qtbot, shop, case):
    _head, lobby, teller = shop.staff
    d = open_dialog(qtbot, case, shop.head)
    d.liable_radio.setChecked(True)
    d.finding_form.add_person(lobby, Decimal(60))
    d.finding_form.add_person(teller, Decimal(30))
    assert "90.00" in d.finding_form.sum_label.text()
    d.basis_edit.setPlainText("Art. 7(2)")
    d.reasons_edit.setPlainText("解释不及时")
    d.save_button.click()
    assert d.isVisible() and "100" in d.error_text()
    assert Liability.select().count() == 0
    d.finding_form.split_equally()
    d.save_button.click()
    assert not d.isVisible() and Liability.select().count() == 1


def test_a_non_head_is_refused(qtbot, shop, case):
    d = open_dialog(qtbot, case, shop.staff[2])
    d.not_liable_radio.setChecked(True)
    d.reasons_edit.setPlainText("非网点过错")
    d.save_button.click()
    assert d.isVisible() and d.error_text()
    assert Liability.select().count() == 0


def test_review_keeps_the_original(qtbot, shop, case):
    teller = shop.staff[2]
    original = liability.determine(
        case,
        shop.head,
        liability.Finding(
            True, "柜员未解释", [liability.Responsible(teller, 100)], basis="Art. 7(2)"
        ),
    )
    d = LiabilityReviewDialog(case, shop.head)
    qtbot.addWidget(d)
    d.show()
    assert unnamed_widgets(d) == []
    assert teller.name in d.original_label.text()
    assert not d.finding_form.table.isVisible()
    d.outcome_combo.setCurrentIndex(d.outcome_combo.findData(codes.REVIEW_OVERTURNED))
    assert d.finding_form.reasons_edit.isVisible()
    d.reason_edit.setPlainText("复核发现系统故障")
    d.finding_form.not_liable_radio.setChecked(True)
    d.finding_form.reasons_edit.setPlainText("叫号系统故障")
    d.save_button.click()
    assert d.error_text() == ""
    review = LiabilityReview.get()
    assert review.outcome == codes.REVIEW_OVERTURNED and review.liability_id == original.id
    kept = Liability.get_by_id(original.id)
    assert kept.liable and kept.reasons == "柜员未解释"
    assert not liability.current_finding(case).liable
