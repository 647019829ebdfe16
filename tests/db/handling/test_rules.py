"""Rule settings: defaults and their sources, validation, storage as JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db.handling import rules
from db.store.models import Setting
from db.trust import permissions
from tests.db.workflow_fixtures import World, refused, world

__all__ = ["world"]

EXPECTED_DEFAULTS = {
    "decision_days": (15, "Art. 18"),
    "decision_extended_days": (30, "Art. 18"),
    "decision_further_days": (30, "Art. 18"),
    "review_request_days": (30, "Art. 20"),
    "review_decision_days": (30, "Art. 20"),
    "first_contact_hours": (2.0, "中国邮政报, 2022-03-15"),
    "proposal_hours": (24.0, "中国邮政报, 2022-03-15"),
    "workorder_reply_working_days": (5, "This program's default"),
    "breach_warning_share": (0.8, "This program's default"),
    "major_group_size": (20, "Art. 29"),
    "roll_past_holidays": (True, "Civil Code"),
}


def test_defaults_and_sources():
    assert set(rules.RULES) == set(EXPECTED_DEFAULTS)
    for key, (default, source) in EXPECTED_DEFAULTS.items():
        rule = rules.RULES[key]
        assert rule.default == default and type(rule.default) is type(default)
        assert source in rule.source and rule.description and rule.unit
        assert rule.minimum <= rule.default <= rule.maximum


def test_the_regulators_forwarding_time_is_not_the_outlets_reply_limit():
    """CBIRC Art. 33's 7 working days are the regulator's time to forward a complaint; no
    rule offers them as the outlet's limit. The work order's internal limit is the
    program's default and says it is bounded by the decision deadline."""
    for rule in rules.RULES.values():
        assert "Art. 33" not in rule.source, rule.key
    internal = rules.RULES["workorder_reply_working_days"]
    assert internal.source == rules.PROGRAM_DEFAULT
    assert "internal limit" in internal.description
    assert "handling-decision deadline" in internal.description


def test_unset_rules_read_their_defaults(world: World):
    assert rules.snapshot() == {k: d for k, (d, _s) in EXPECTED_DEFAULTS.items()}
    assert all(v.is_default for v in rules.rule_values())
    assert rules.get("decision_days") == 15


def test_head_sets_and_resets_a_rule(world: World):
    w = world
    assert rules.set_rule("decision_days", 10, actor=w.head) == 10
    row = Setting.get_by_id("rule.decision_days")
    assert json.loads(row.value) == 10
    assert rules.get("decision_days") == 10
    values = {v.rule.key: v for v in rules.rule_values()}
    assert values["decision_days"].value == 10 and not values["decision_days"].is_default
    rules.set_rule("breach_warning_share", 0.75, actor=w.head)
    rules.set_rule("roll_past_holidays", False, actor=w.head)
    rules.set_rule("decision_days", 12.0, actor=w.head)  # a whole float is a whole number
    assert rules.snapshot()["decision_days"] == 12
    assert rules.reset_rule("decision_days", actor=w.head) == 15
    assert rules.get("decision_days") == 15
    assert rules.get("roll_past_holidays") is False


def test_only_the_head_or_acting_head_changes_rules(world: World):
    w = world
    refused(lambda: rules.set_rule("decision_days", 10, actor=w.lobby), "head_only")
    refused(lambda: rules.reset_rule("decision_days", actor=w.lobby), "head_only")
    now = dt.datetime.now()
    permissions.name_acting_head(
        w.head, w.lobby, now - dt.timedelta(hours=1), now + dt.timedelta(hours=1)
    )
    rules.set_rule("decision_days", 10, actor=w.lobby)


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("no_such_rule", 1, "unknown_rule"),
        ("decision_days", "15", "rule_type"),
        ("decision_days", True, "rule_type"),
        ("decision_days", 15.5, "rule_type"),
        ("decision_days", None, "rule_type"),
        ("decision_days", 0, "rule_range"),
        ("decision_days", 91, "rule_range"),
        ("breach_warning_share", 1.5, "rule_range"),
        ("breach_warning_share", 0, "rule_range"),
        ("roll_past_holidays", 1, "rule_type"),
        ("decision_days", 31, "rule_conflict"),
        ("decision_extended_days", 14, "rule_conflict"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(world: World, key, value, code):
    refused(lambda: rules.set_rule(key, value, actor=world.head), code)


def test_reset_refused_when_it_would_conflict(world: World):
    w = world
    rules.set_rule("decision_extended_days", 60, actor=w.head)
    rules.set_rule("decision_days", 40, actor=w.head)
    refused(lambda: rules.reset_rule("decision_extended_days", actor=w.head), "rule_conflict")


def test_a_damaged_row_falls_back_to_the_default(world: World):
    Setting.create(key="rule.decision_days", value="not json")
    Setting.create(key="rule.major_group_size", value='"twenty"')
    Setting.create(key="rule.retired_rule", value="3")
    assert rules.get("decision_days") == 15
    assert rules.get("major_group_size") == 20
    assert "retired_rule" not in rules.snapshot()


def test_validate_returns_the_stored_form(world: World):
    assert rules.validate("proposal_hours", 12) == 12.0
    assert isinstance(rules.validate("proposal_hours", 12), float)
    assert rules.validate("decision_days", 20.0) == 20


def test_rule_changes_are_checked_together_and_written_once(world: World, monkeypatch):
    from db.handling import deadlines
    from db.store.models import Case

    w = world
    case = w.case()
    recomputed = []
    real = deadlines.refresh_open_cases
    monkeypatch.setattr(
        deadlines, "refresh_open_cases", lambda at=None: recomputed.append(at) or real(at)
    )
    # Lengthening both periods works in either order: the rules are compared as they will
    # stand once every change is made.
    warn_before = Case.get_by_id(case.id).warn_at
    for order in ((("decision_days", 40), ("decision_extended_days", 60)),
                  (("decision_extended_days", 70), ("decision_days", 45),
                   ("breach_warning_share", 0.5))):  # fmt: skip
        assert rules.apply_rule_changes(list(order), w.head) == len(order)
    assert (rules.get("decision_days"), rules.get("decision_extended_days")) == (45, 70)
    assert len(recomputed) == 2, "the open cases are recomputed once per save"
    stored = Case.get_by_id(case.id)
    assert stored.warn_at < warn_before
    assert (stored.due_at, stored.warn_at) == deadlines.due_and_warn(deadlines.case_clocks(stored))
    # Every refusal at once, and nothing written: a bad value, an unknown rule, a conflict.
    error = refused(
        lambda: rules.apply_rule_changes(
            [("breach_warning_share", 2), ("no_such_rule", 1), ("proposal_hours", 12)], w.head
        ),
        "rule_range",
    )
    assert [e.code for e in error.errors] == ["rule_range", "unknown_rule"]
    refused(
        lambda: rules.apply_rule_changes([("decision_extended_days", None)], w.head),
        "rule_conflict",
    )
    refused(lambda: rules.apply_rule_changes([("decision_days", 10)], w.lobby), "head_only")
    assert len(recomputed) == 2
    # Resetting both together is consistent again.
    keys = ("decision_days", "decision_extended_days", "breach_warning_share")
    rules.apply_rule_changes([(key, None) for key in keys], w.head)
    assert rules.get("decision_days") == 15 and all(v.is_default for v in rules.rule_values())
