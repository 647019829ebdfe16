"""The liability dialog on both outcomes, its inline refusals, evidence, and the review."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from db.handling import workflow
from db.management import liability, penalties
from db.store import codes
from db.store.database import close_database
from db.store.models import (
    Attachment,
    Liability,
    LiabilityReview,
    LiablePerson,
    Penalty,
    PenaltyReviewAction,
)
from desktop.management.liability_dialog import LiabilityDialog
from desktop.management.liability_review_dialog import LiabilityReviewDialog
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

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


def _liable_with_penalties(shop, case):
    head, lobby, teller = shop.staff
    original = liability.determine(
        case,
        head,
        liability.Finding(
            True,
            "柜员未解释，大堂经理未安抚",
            [liability.Responsible(teller, 60), liability.Responsible(lobby, 40)],
            basis="Art. 7(2) 未及时解释",
            cause="onsite_attitude",
        ),
    )
    applied = [
        penalties.apply_penalty(
            LiablePerson.get(
                (LiablePerson.liability == original.id) & (LiablePerson.staff == person.id)
            ),
            head,
            points=1,
            amount=50,
            measures=["talk"],
            reason_if_changed="首次",
        )
        for person in (teller, lobby)
    ]
    return original, applied


def open_review(qtbot, case, actor):
    dialog = LiabilityReviewDialog(case, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_changed_review_starts_from_the_current_finding(qtbot, shop, case):
    _head, lobby, teller = shop.staff
    original, _applied = _liable_with_penalties(shop, case)
    d = open_review(qtbot, case, shop.head)
    assert unnamed_widgets(d) == []
    d.outcome_combo.setCurrentIndex(d.outcome_combo.findData(codes.REVIEW_CHANGED))
    form = d.finding_form
    assert form.liable_radio.isChecked() and form.table.isVisible()
    people = [form.table.cellWidget(r, 0).currentData() for r in range(form.table.rowCount())]
    assert people == [teller.id, lobby.id]
    assert form.shares() == [Decimal("60.00"), Decimal("40.00")]
    assert form.basis_edit.toPlainText() == "Art. 7(2) 未及时解释"
    assert form.cause_combo.currentData() == "onsite_attitude"
    assert form.reasons_edit.toPlainText() == original.reasons
    # Unchanged so far, and it says so; then each edit shows before -> after.
    assert d.change_lines() == []
    assert d.changes_label.isVisible() and "Nothing changed" in d.changes_label.text()
    form.table.setCurrentCell(1, 1)
    form.remove_person()
    form.table.cellWidget(0, 1).setValue(100)
    form.basis_edit.setPlainText("Art. 7(2)")
    assert d.change_lines() == [
        f"Responsible staff and shares: {teller.name} 60.00 %、{lobby.name} 40.00 %"
        f" → {teller.name} 100.00 %",
        "Basis: Art. 7(2) 未及时解释 → Art. 7(2)",
    ]
    assert d.changes_label.text() == "\n".join(d.change_lines())
    # Overturned starts from the reverse outcome.
    d.outcome_combo.setCurrentIndex(d.outcome_combo.findData(codes.REVIEW_OVERTURNED))
    assert form.not_liable_radio.isChecked() and not form.table.isEnabled()
    assert d.change_lines()[0] == "Liable or not: Liable → Not liable"


def test_a_review_carries_each_penalty_over_or_withdraws_it(qtbot, shop, case):
    _head, lobby, teller = shop.staff
    original, (teller_penalty, lobby_penalty) = _liable_with_penalties(shop, case)
    d = open_review(qtbot, case, shop.head)
    d.outcome_combo.setCurrentIndex(d.outcome_combo.findData(codes.REVIEW_CHANGED))
    d.reason_edit.setPlainText("复核：大堂经理已及时安抚")
    form = d.finding_form
    form.table.setCurrentCell(1, 1)
    form.remove_person()
    form.table.cellWidget(0, 1).setValue(100)
    assert d.penalty_box.isVisible() and len(d.penalty_combos) == 2
    # Saying nothing about a penalty is refused, naming whose it is; nothing is written.
    d.save_button.click()
    assert d.isVisible() and teller.name in d.error_text()
    assert LiabilityReview.select().count() == 0
    # Carrying over the lobby manager's penalty is refused: no longer responsible.
    d.choose_penalty(teller_penalty, codes.PENALTY_CARRY_OVER)
    d.choose_penalty(lobby_penalty, codes.PENALTY_CARRY_OVER)
    d.save_button.click()
    assert d.isVisible() and lobby.name in d.error_text()
    assert LiabilityReview.select().count() == 0
    d.choose_penalty(lobby_penalty, codes.PENALTY_WITHDRAW)
    d.save_button.click()
    assert d.error_text() == "" and not d.isVisible()
    review = LiabilityReview.get()
    carried = Penalty.get(Penalty.liability == review.result_id)
    assert (carried.staff_id, carried.points, carried.amount_fen) == (teller.id, 1, 5000)
    actions = {a.penalty_id: a.action for a in PenaltyReviewAction.select()}
    assert actions == {
        teller_penalty.id: codes.PENALTY_CARRY_OVER,
        lobby_penalty.id: codes.PENALTY_WITHDRAW,
    }
    assert [v.state for v in penalties.penalties_of_case(case)] == [
        codes.PENALTY_STATE_CARRIED_OVER,
        codes.PENALTY_STATE_WITHDRAWN,
        codes.PENALTY_STATE_CURRENT,
    ]


def test_an_upheld_review_keeps_the_penalties_without_asking(qtbot, shop, case):
    _liable_with_penalties(shop, case)
    d = open_review(qtbot, case, shop.head)
    d.outcome_combo.setCurrentIndex(d.outcome_combo.findData(codes.REVIEW_UPHELD))
    assert not d.penalty_box.isVisible() and not d.changes_label.isVisible()
    d.reason_edit.setPlainText("维持")
    d.save_button.click()
    assert d.error_text() == ""
    assert {v.state for v in penalties.penalties_of_case(case)} == {codes.PENALTY_STATE_CURRENT}
