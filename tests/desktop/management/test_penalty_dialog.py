"""The penalty dialog proposes from the scale; a change needs a reason, asked inline."""

from __future__ import annotations

from decimal import Decimal

import pytest

from db.handling import workflow
from db.management import liability, penalties
from db.store.database import close_database
from db.store.models import Penalty
from desktop.management.penalty_dialog import PenaltyDialog
from desktop.management.penalty_scale_dialog import PenaltyScaleDialog
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
    _head, lobby, teller = shop.staff
    liability.determine(
        case,
        shop.head,
        liability.Finding(
            True,
            "解释不及时",
            [liability.Responsible(lobby, 50), liability.Responsible(teller, 50)],
            basis="Art. 7(2)",
        ),
    )
    return case


def test_proposal_shown_and_a_change_needs_a_reason(qtbot, shop, case):
    d = PenaltyDialog(case, shop.head)
    qtbot.addWidget(d)
    d.show()
    assert unnamed_widgets(d) == []
    proposals = penalties.proposals_for(case)
    assert [b.points() for b in d.people] == [p.points for p in proposals]
    assert [b.amount() for b in d.people] == [p.amount for p in proposals]
    assert "Example scale" in d.intro.text()
    first, second = d.people
    first.points_spin.setValue(first.proposal.points + 1)
    d.save_button.click()
    assert d.isVisible() and first.reason_error.isVisible() and not second.reason_error.isVisible()
    assert Penalty.select().count() == 0
    first.reason_edit.setText("情节较重")
    d.save_button.click()
    assert not d.isVisible()
    rows = {p.staff_id: p for p in Penalty.select()}
    assert rows[first.proposal.staff_id].points == first.proposal.points + 1
    assert rows[first.proposal.staff_id].reason == "情节较重"
    assert rows[second.proposal.staff_id].points == second.proposal.points


def test_a_second_opening_has_nothing_left(qtbot, shop, case):
    for p in penalties.proposals_for(case):
        penalties.apply_penalty(
            penalties.LiablePerson.get_by_id(p.liable_person_id),
            shop.head,
            points=p.points,
            amount=p.amount,
            measures=p.measures,
        )
    d = PenaltyDialog(case, shop.head)
    qtbot.addWidget(d)
    assert d.people == [] and not d.save_button.isEnabled()


def test_scale_dialog_marks_the_example_and_saves(qtbot, shop):
    d = PenaltyScaleDialog(shop.head)
    qtbot.addWidget(d)
    d.show()
    assert unnamed_widgets(d) == []
    assert "Example scale" in d.banner.text()
    d.table.cellWidget(0, 2).setValue(7)
    d.label_edit.setText("城关区分公司考核办法")
    d.save_button.click()
    setting = penalties.scale_setting()
    assert not setting.is_example and setting.scale.entries[0].points == 7
    assert setting.scale.entries[0].amount == Decimal(100)


def test_scale_dialog_is_read_only_for_staff(qtbot, shop):
    d = PenaltyScaleDialog(shop.staff[2])
    qtbot.addWidget(d)
    assert not d.save_button.isEnabled() and not d.reset_button.isEnabled()
