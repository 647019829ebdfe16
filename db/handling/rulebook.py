"""Rule settings: every number the handling rules depend on, with its default and source.

Only chapters 1-3 of the city's rules are available to this program, so no limit is
hard-coded: each one is a setting the head can edit, starting from a default whose source
is recorded here and shown next to it in the settings dialog. Values are stored as JSON
in the ``setting`` table under ``rule.<key>``; a key without a row has its default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from db.errors import WorkflowError
from db.store.models import Setting

PREFIX = "rule."

CBIRC = "CBIRC Order 2020 No. 3 (银行业保险业消费投诉处理管理办法)"
PROVINCIAL = "Provincial practice reported in 中国邮政报, 2022-03-15"
# A default this program chose where no rule names a number.
PROGRAM_DEFAULT = "This program's default"


@dataclass(frozen=True)
class Rule:
    """One editable rule. ``kind`` is int, float or bool; bounds are inclusive."""

    key: str
    default: int | float | bool
    kind: type
    unit: str
    minimum: float
    maximum: float
    source: str
    description: str


def _rule(
    key: str,
    default: int | float | bool,
    unit: str,
    minimum: float,
    maximum: float,
    source: str,
    description: str,
) -> Rule:
    return Rule(key, default, type(default), unit, minimum, maximum, source, description)


RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        _rule(
            "decision_days",
            15,
            "calendar days",
            1,
            90,
            f"{CBIRC}, Art. 18",
            "Handling decision due this many days after receipt.",
        ),
        _rule(
            "decision_extended_days",
            30,
            "calendar days",
            1,
            180,
            f"{CBIRC}, Art. 18",
            "A complex case may be extended to this many days, with a reason and the "
            "customer told.",
        ),
        _rule(
            "decision_further_days",
            30,
            "calendar days",
            0,
            180,
            f"{CBIRC}, Art. 18",
            "An especially complex case may be extended by this many more days, approved "
            "by a higher office, with the customer told.",
        ),
        _rule(
            "review_request_days",
            30,
            "calendar days",
            1,
            180,
            f"{CBIRC}, Art. 20",
            "The customer may ask for a review within this many days of the decision.",
        ),
        _rule(
            "review_decision_days",
            30,
            "calendar days",
            1,
            180,
            f"{CBIRC}, Art. 20",
            "A review is decided within this many days of the request.",
        ),
        _rule(
            "first_contact_hours",
            2.0,
            "hours",
            0.25,
            72,
            PROVINCIAL,
            "First contact with the customer after a complaint that did not arrive in "
            "person or by phone.",
        ),
        _rule(
            "proposal_hours",
            24.0,
            "hours",
            1,
            240,
            PROVINCIAL,
            "A solution is proposed to the customer within this many hours (1 day).",
        ),
        _rule(
            "workorder_reply_working_days",
            5,
            "working days",
            1,
            60,
            PROGRAM_DEFAULT,
            "The outlet's or district's internal limit for replying to a work order that "
            "states no reply-by; never later than the complaint's handling-decision "
            "deadline. (The 7 working days of CBIRC Art. 33 are the regulator's time to "
            "forward a complaint, not this limit.)",
        ),
        _rule(
            "breach_warning_share",
            0.8,
            "share",
            0.05,
            1.0,
            PROGRAM_DEFAULT,
            "A case is highlighted once this share of a clock's time is used.",
        ),
        _rule(
            "major_group_size",
            20,
            "people",
            2,
            1000,
            f"{CBIRC}, Art. 29",
            "A group complaint of this many people or more is major.",
        ),
        _rule(
            "roll_past_holidays",
            True,
            "yes/no",
            0,
            1,
            "Civil Code of the PRC, Art. 201 and 203",
            "A period counted in days ends on the next working day when its last day is a "
            "rest day or holiday.",
        ),
    )
}

# Pairs (key, other): key may not be less than other.
_NOT_LESS_THAN = (("decision_extended_days", "decision_days"),)


@dataclass(frozen=True)
class RuleValue:
    rule: Rule
    value: int | float | bool
    is_default: bool


def coerce(rule: Rule, value: object) -> int | float | bool:
    kind = rule.kind
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise WorkflowError("rule_type", key=rule.key, kind="yes or no")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise WorkflowError("rule_type", key=rule.key, kind="a number")
    if kind is int:
        if isinstance(value, float) and not value.is_integer():
            raise WorkflowError("rule_type", key=rule.key, kind="a whole number")
        value = int(value)
    else:
        value = float(value)
    if not rule.minimum <= value <= rule.maximum:
        raise WorkflowError("rule_range", key=rule.key, min=rule.minimum, max=rule.maximum)
    return value


def spec(key: str) -> Rule:
    rule = RULES.get(key)
    if rule is None:
        raise WorkflowError("unknown_rule", key=key)
    return rule


def _stored() -> dict[str, object]:
    rows = Setting.select(Setting.key, Setting.value).where(Setting.key.startswith(PREFIX))
    values: dict[str, object] = {}
    for row in rows:
        key = row.key[len(PREFIX) :]
        rule = RULES.get(key)
        if rule is None:
            continue
        try:
            values[key] = coerce(rule, json.loads(row.value))
        except (ValueError, WorkflowError):
            continue  # a damaged row falls back to the default
    return values


def snapshot() -> dict[str, int | float | bool]:
    """Every rule's current value, in one query: what a deadline computation reads."""
    values: dict[str, int | float | bool] = {k: r.default for k, r in RULES.items()}
    values.update(_stored())  # type: ignore[arg-type]
    return values


def get(key: str) -> int | float | bool:
    return snapshot()[spec(key).key]


def rule_values() -> list[RuleValue]:
    """What the settings dialog lists: each rule with its value and whether it is the default."""
    stored = _stored()
    return [
        RuleValue(rule, stored.get(key, rule.default), key not in stored)  # type: ignore[arg-type]
        for key, rule in RULES.items()
    ]


def validate(key: str, value: object) -> int | float | bool:
    """The value as it would be stored, or a WorkflowError saying why it cannot be."""
    rule = spec(key)
    coerced = coerce(rule, value)
    values = snapshot()
    values[key] = coerced
    check_conflicts(values)
    return coerced


def _conflicts(values: dict[str, int | float | bool]) -> list[WorkflowError]:
    return [
        WorkflowError("rule_conflict", key=high, other=low, value=values[low])
        for high, low in _NOT_LESS_THAN
        if values[high] < values[low]
    ]


def check_conflicts(values: dict[str, int | float | bool]) -> None:
    conflicts = _conflicts(values)
    if conflicts:
        raise WorkflowError.of(conflicts)
