"""The permission policy: every guarded action, who may take it and how a refusal words it.

One table, ``POLICY``, read by ``db.trust.permissions.require`` / ``can`` (which every guarded
function in db/ calls), by the screens (through ``can``) and by the README, whose permission
table is rendered from it (``python -m db.trust.policy`` rewrites the README section, and a
test fails when the two disagree).

Three kinds of rule:

- **head-only** (``head_only``): the rules reserve the action to the head (Art. 5), so in a span
  the head named it is the acting head's too (Art. 8). A refusal is ``head_only``: "Only the
  outlet head or the acting head may <phrase>".
- **by role**: the roles in ``roles`` may take it; the head, and an acting head inside their
  span, may take every one (Art. 5, 8). A refusal is ``not_permitted``: "<name> may not
  <phrase>: the role does not allow it". The roles of the actions no article assigns are this
  program's defaults.
- **the head in person** (``acting=False``): the acting head's authority does not cover it
  (naming an acting head is the head's own act, Art. 8). A refusal is ``not_the_head``.

Inactive staff may take no action. The phrases are English sources; desktop/kit/errors.py marks
them for translation (context ``WorkflowError``), the Chinese is in the glossary.
"""

from __future__ import annotations

import enum
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from db.store import vocab

__all__ = [
    "POLICY",
    "README_BEGIN",
    "README_END",
    "ROLES",
    "Action",
    "Rule",
    "permission_table_markdown",
    "readme_with_table",
]


class Action(enum.StrEnum):
    """Every action db/ refuses to someone; the value is stable (the command line names it)."""

    # first-ask responsibility (Art. 4, 10)
    REGISTER_CASE = "register_case"
    TRANSFER = "transfer"
    REPORT = "report"
    # handling a case (Art. 5, 9-11)
    RECEIVE_REPORT = "receive_report"
    ESCALATE = "escalate"
    MERGE_REPEAT = "merge_repeat"
    DETERMINE_LIABILITY = "determine_liability"
    CLOSE = "close"
    REOPEN = "reopen"
    RECORD_DECISION = "record_decision"
    EXTEND_DECISION_PERIOD = "extend_decision_period"
    PAUSE_DECISION_CLOCK = "pause_decision_clock"
    DECIDE_REVIEW = "decide_review"
    CALL_BACK_WORK_ORDER = "call_back_work_order"
    # the head's management duties (Art. 5)
    SET_PENALTY = "set_penalty"
    EDIT_TARGETS = "edit_targets"
    EDIT_STAFF = "edit_staff"
    RECORD_TRAINING = "record_training"
    DECIDE_SUGGESTION = "decide_suggestion"
    EDIT_RULES = "edit_rules"
    EDIT_CALENDAR = "edit_calendar"
    NAME_ACTING_HEAD = "name_acting_head"
    # this program's own safeguards
    MANAGE_ACCOUNTS = "manage_accounts"
    EDIT_LOGIN_SETTINGS = "edit_login_settings"
    REVEAL_CUSTOMER_DATA = "reveal_customer_data"
    EXPORT = "export"
    BACKUP_RESTORE = "backup_restore"


@dataclass(frozen=True)
class Rule:
    """Who may take one action, and the words a refusal uses ("... may <phrase>")."""

    phrase: str
    basis: str
    roles: frozenset[str] = frozenset({vocab.ROLE_HEAD})
    head_only: bool = False
    acting: bool = True

    @property
    def refusal_code(self) -> str:
        if not self.acting:
            return "not_the_head"
        return "head_only" if self.head_only else "not_permitted"


# The columns of the README table, in this order.
ROLES: tuple[str, ...] = (
    vocab.ROLE_HEAD,
    vocab.ROLE_LOBBY_MANAGER,
    vocab.ROLE_OPS_SUPERVISOR,
    vocab.ROLE_TELLER,
    vocab.ROLE_OTHER,
)
_EVERYONE = frozenset(ROLES)


def _head(phrase: str, basis: str) -> Rule:
    return Rule(phrase, basis, head_only=True)


POLICY: dict[Action, Rule] = {
    # Whoever a customer first complains to owns the complaint, registers it, hands it to the
    # person who will handle it and reports it to the head: every member of staff.
    Action.REGISTER_CASE: Rule("register a complaint", "Art. 4, 10", _EVERYONE),
    Action.TRANSFER: Rule("transfer a case", "Art. 4, 10", _EVERYONE),
    Action.REPORT: Rule("report a case to the head", "Art. 10", _EVERYONE),
    Action.RECEIVE_REPORT: _head("receive a report", "Art. 5, 10"),
    Action.ESCALATE: _head("escalate", "Art. 5, 10-11"),
    Action.MERGE_REPEAT: _head("merge a repeat", "Art. 5"),
    # The staff concerned must not judge themselves.
    Action.DETERMINE_LIABILITY: _head("determine liability", "Art. 5"),
    Action.CLOSE: _head("close", "Art. 5"),
    Action.REOPEN: _head("reopen", "Art. 5"),
    Action.RECORD_DECISION: _head("record a handling decision", "Art. 5"),
    Action.EXTEND_DECISION_PERIOD: _head("extend the decision period", "Art. 5"),
    Action.PAUSE_DECISION_CLOCK: _head("pause the decision clock", "Art. 5"),
    Action.DECIDE_REVIEW: _head("decide a review", "Art. 5"),
    Action.CALL_BACK_WORK_ORDER: _head("call back a work-order customer", "Art. 5"),
    Action.SET_PENALTY: _head("apply a penalty", "Art. 5"),
    Action.EDIT_TARGETS: _head("set targets", "Art. 5"),
    Action.EDIT_STAFF: _head("edit the staff roster", "Art. 5"),
    Action.RECORD_TRAINING: _head("record training", "Art. 5"),
    Action.DECIDE_SUGGESTION: _head("decide a suggestion", "Art. 5"),
    Action.EDIT_RULES: _head("change rule settings", "Art. 5"),
    Action.EDIT_CALENDAR: _head("edit the working-day calendar", "Art. 5"),
    Action.NAME_ACTING_HEAD: Rule("name an acting head", "Art. 8", acting=False),
    # Accounts, masking, exports and backups are this program's: the head's responsibility
    # for the records as a whole. Exports (masked) feed the reports to the district branch:
    # the lobby manager (Art. 6) and the operations supervisor (Art. 7) prepare them.
    Action.MANAGE_ACCOUNTS: Rule("manage staff accounts", "this program's default"),
    Action.EDIT_LOGIN_SETTINGS: Rule("change the login settings", "this program's default"),
    Action.REVEAL_CUSTOMER_DATA: Rule("reveal full customer data", "this program's default"),
    Action.EXPORT: Rule(
        "export data",
        "Art. 6, 7; this program's default",
        frozenset({vocab.ROLE_HEAD, vocab.ROLE_LOBBY_MANAGER, vocab.ROLE_OPS_SUPERVISOR}),
    ),
    Action.BACKUP_RESTORE: Rule("back up or restore the database", "this program's default"),
}


# --- the README table --------------------------------------------------------------------------

README_BEGIN = "<!-- permission table: generated by python -m db.trust.policy -->"
README_END = "<!-- end of permission table -->"
_HEADER = (
    "| action | basis | head | acting head | lobby manager | ops supervisor | teller | other |"
)


def _cell(allowed: bool) -> str:
    return "✔" if allowed else "—"


def permission_table_markdown() -> str:
    """The policy as the README's markdown table, one row per action."""
    lines = [_HEADER, "|" + "---|" * _HEADER.count(" | ") + "---|"]
    for rule in POLICY.values():
        cells = [_cell(vocab.ROLE_HEAD in rule.roles), _cell(rule.acting)]
        cells += [_cell(role in rule.roles) for role in ROLES[1:]]
        lines.append(f"| {rule.phrase} | {rule.basis} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def readme_with_table(text: str) -> str:
    """``text`` (the README) with the section between the markers replaced by the table."""
    pattern = re.compile(re.escape(README_BEGIN) + r"\n.*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise ValueError("the README has no permission table markers")
    block = f"{README_BEGIN}\n{permission_table_markdown()}{README_END}"
    return pattern.sub(lambda _m: block, text, count=1)


if __name__ == "__main__":  # python -m db.trust.policy [README.md]: rewrite its table
    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    readme.write_text(readme_with_table(readme.read_text(encoding="utf-8")), encoding="utf-8")
