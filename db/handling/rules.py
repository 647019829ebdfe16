"""Rule settings as the head changes them: each change recomputes every open case's deadlines
in the same transaction, so due dates never disagree with the rules.

The rules themselves (every number, its default and source, reading and checking them)
are in db/handling/rulebook.py, below the deadlines that read them; this module names them
too, so callers read and change the rules in one place.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from db.errors import Refusals
from db.handling import deadlines
from db.handling.rulebook import (  # noqa: F401 (read through this module too)
    CBIRC,
    PREFIX,
    PROGRAM_DEFAULT,
    PROVINCIAL,
    RULES,
    Rule,
    RuleValue,
    check_conflicts,
    coerce,
    get,
    rule_values,
    snapshot,
    spec,
    validate,
)
from db.store.models import Setting, Staff, database, now
from db.trust import permissions
from db.trust.policy import Action


def apply_rule_changes(changes: Sequence[tuple[str, object | None]], actor: Staff) -> int:
    """Store several rule changes at once (head or acting head): ``(key, value)`` sets,
    ``(key, None)`` resets to the default.

    Every change is checked first, and the rules are checked against each other as they
    will stand once all are made (so raising the simple and the extended period together
    works in any order); any refusal raises every refusal at once, and nothing is written.
    Then all are written and every open case's deadlines recomputed once, in one
    transaction. Returns the number of changes."""
    at = now()
    permissions.require(actor, Action.EDIT_RULES, at)
    checks = Refusals()
    values = snapshot()
    stored: dict[str, int | float | bool | None] = {}
    for key, value in changes:
        rule = checks.run(spec, key)
        if rule is None:
            continue
        coerced = rule.default if value is None else checks.run(coerce, rule, value)
        if coerced is None:
            continue
        values[key] = coerced
        stored[key] = None if value is None else coerced
    checks.done()
    check_conflicts(values)
    with database.atomic():
        for key, coerced in stored.items():
            if coerced is None:
                Setting.delete().where(Setting.key == PREFIX + key).execute()
                continue
            Setting.insert(key=PREFIX + key, value=json.dumps(coerced), updated_at=at).on_conflict(
                conflict_target=[Setting.key],
                update={Setting.value: json.dumps(coerced), Setting.updated_at: at},
            ).execute()
        if stored:
            deadlines.refresh_open_cases(at)
    return len(changes)


def set_rule(key: str, value: object, *, actor: Staff) -> int | float | bool:
    """Store a new value (head or acting head only) and recompute every open case's
    deadlines in the same transaction, so due dates never disagree with the rules."""
    at = now()
    permissions.require(actor, Action.EDIT_RULES, at)
    coerced = validate(key, value)
    with database.atomic():
        Setting.insert(key=PREFIX + key, value=json.dumps(coerced), updated_at=at).on_conflict(
            conflict_target=[Setting.key],
            update={Setting.value: json.dumps(coerced), Setting.updated_at: at},
        ).execute()
        deadlines.refresh_open_cases(at)
    return coerced


def reset_rule(key: str, *, actor: Staff) -> int | float | bool:
    """Back to the rule's default (its source is recorded in RULES)."""
    at = now()
    permissions.require(actor, Action.EDIT_RULES, at)
    rule = spec(key)
    with database.atomic():
        Setting.delete().where(Setting.key == PREFIX + key).execute()
        check_conflicts(snapshot())
        deadlines.refresh_open_cases(at)
    return rule.default
