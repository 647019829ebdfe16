"""Settings → Rule settings…: every rule with its value, default and source; saving (off the
GUI thread) recomputes open cases; Reset to default; only the head may change them."""

from __future__ import annotations

import pytest

from db.handling import rules
from db.store.database import close_database
from db.store.models import Case, Setting
from desktop.kit.i18n import install_translators
from desktop.settings.rules_dialog import (
    DESCRIPTIONS,
    TITLES,
    RulesDialog,
    format_value,
    source_text,
)
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path, qapp):
    install_translators(qapp, "en")
    shop = case_factory.open_shop(tmp_path, 5)
    shop.cases = shop.made
    yield shop
    close_database()


def open_dialog(qtbot, actor) -> RulesDialog:
    dialog = RulesDialog(actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save_and_wait(qtbot, dialog: RulesDialog) -> None:
    with qtbot.waitSignal(dialog.work_finished, timeout=10_000):
        dialog.save()
        # While the deadlines are recomputed the dialog says so and takes no input.
        assert dialog.busy and not dialog.save_button.isEnabled()
        assert not dialog.busy_bar.isHidden()


def test_texts_cover_every_rule_word_for_word():
    assert list(TITLES) == list(rules.RULES)
    assert {k: r.description for k, r in rules.RULES.items()} == DESCRIPTIONS


def test_every_rule_shows_value_default_and_source(qtbot, shop):
    dialog = open_dialog(qtbot, shop.head)
    assert unnamed_widgets(dialog) == []
    assert set(dialog.rows) == set(rules.RULES)
    row = dialog.rows["decision_days"]
    assert row.value() == 15
    assert row.default.text() == "Default: 15 calendar days"
    assert row.source.text() == (
        "Source: CBIRC Order 2020 No. 3 (银行业保险业消费投诉处理管理办法), Art. 18"
    )
    assert dialog.rows["breach_warning_share"].editor.value() == 80  # shown as a percentage
    assert dialog.rows["roll_past_holidays"].value() is True
    assert "Art. 201, 203" in dialog.rows["roll_past_holidays"].source.text()
    assert not row.reset.isEnabled()  # already the default


def test_saving_stores_the_value_and_recomputes_open_cases(qtbot, shop):
    far = max((c for c in shop.cases if c.is_open), key=lambda c: c.due_at)
    before = Case.get_by_id(far.id).due_at
    dialog = open_dialog(qtbot, shop.head)
    dialog.rows["decision_days"].editor.setValue(1)
    save_and_wait(qtbot, dialog)
    assert dialog.saved == 1 and dialog.result() == RulesDialog.DialogCode.Accepted
    assert rules.get("decision_days") == 1
    # The handling-decision clock now ends a day after receipt, before the agreed reply.
    assert Case.get_by_id(far.id).due_at < before


def test_raising_two_related_limits_together_is_one_change(qtbot, shop):
    dialog = open_dialog(qtbot, shop.head)
    dialog.rows["decision_days"].editor.setValue(40)
    dialog.rows["decision_extended_days"].editor.setValue(60)
    save_and_wait(qtbot, dialog)
    assert (rules.get("decision_days"), rules.get("decision_extended_days")) == (40, 60)


def test_a_conflict_is_shown_and_nothing_is_stored(qtbot, shop):
    dialog = open_dialog(qtbot, shop.head)
    dialog.rows["breach_warning_share"].editor.setValue(50)
    dialog.rows["decision_days"].editor.setValue(40)  # above the extended 30 days
    save_and_wait(qtbot, dialog)
    assert dialog.isVisible()
    error = dialog.rows["decision_extended_days"].error
    assert not error.isHidden()
    assert "'Extended, complex case' cannot be less than 'Handling decision, simple case'" in (
        error.text()
    )
    assert dialog.general_error().startswith("Nothing was changed.")
    assert Setting.select().where(Setting.key.startswith(rules.PREFIX)).count() == 0


def test_reset_to_default_removes_the_stored_value(qtbot, shop):
    rules.set_rule("proposal_hours", 12.0, actor=shop.head)
    dialog = open_dialog(qtbot, shop.head)
    row = dialog.rows["proposal_hours"]
    assert row.value() == 12.0 and row.reset.isEnabled()
    row.reset.click()
    assert row.value() == 24.0 and not row.reset.isEnabled()
    save_and_wait(qtbot, dialog)
    assert [v.is_default for v in rules.rule_values() if v.rule.key == "proposal_hours"] == [True]


def test_only_the_head_may_change_rules(qtbot, shop):
    lobby = shop.staff[1]
    dialog = open_dialog(qtbot, lobby)
    assert dialog.findChild(object, "rules_head_only") is not None
    dialog.rows["major_group_size"].editor.setValue(10)
    save_and_wait(qtbot, dialog)
    assert dialog.isVisible()
    assert "Only the outlet head or the acting head may change rule settings" in (
        dialog.general_error()
    )
    assert rules.get("major_group_size") == 20


def test_unchanged_dialog_saves_nothing(qtbot, shop):
    dialog = open_dialog(qtbot, shop.head)
    dialog.save()
    assert dialog.result() == RulesDialog.DialogCode.Accepted and dialog.saved == 0


def test_source_and_value_texts():
    rule = rules.RULES["workorder_reply_working_days"]
    assert source_text(rule.source) == "This program's default"
    assert format_value(rule, 5) == "5 working days"
    assert source_text(rules.RULES["decision_days"].source).endswith(", Art. 18")
    assert format_value(rules.RULES["breach_warning_share"], 0.8) == "80 %"
    assert format_value(rules.RULES["roll_past_holidays"], False) == "no"
    assert source_text("Something else") == "Something else"
