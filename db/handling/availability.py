"""What may be done next on a case, and why not: the one answer the action bar renders.

``available_actions(case, actor, at)`` lists every action the screen can offer for the case,
each with the refusal the action's own function would raise now (a ``WorkflowError`` with a
stable code), or None when it may be taken. It reads the same rules the actions enforce:

- the state machine (``workflow.TRANSITIONS``) decides which workflow actions are offered at
  all; callbacks are offered on every open case (Art. 13, 14);
- while a report to the head is owed, nothing but the report and a review request may
  happen (Art. 10): ``must_report_first``;
- the permission policy (``db.trust.policy``): only the head or the acting head may escalate,
  determine liability, close, reopen or merge (Art. 5, 8). For "report" the person receiving
  it must hold the head's authority; one who holds it takes charge instead (Art. 5, 10);
- the escalation records a report still to be made first (``workflow.escalate`` with
  ``reported_by``), so escalating is offered wherever reporting is.

The entries that change no status (tracking notes, first contact, reviews, penalties) are
listed too, with the refusals of their own functions. The actions re-check everything; a
test ties each allowed entry to a call that succeeds and each refused one to a call refused
with the same code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.errors import WorkflowError
from db.handling import deadlines, decisions, workflow
from db.handling.actions import load
from db.management import liability
from db.store import codes
from db.store.models import Case, ReviewRequest, Staff
from db.trust import permissions
from db.trust.policy import POLICY, Action

__all__ = ["Available", "MENU_ACTIONS", "available_actions", "pending_review"]

# Recorded facts that change no status by themselves, in the order the screen lists them.
MENU_ACTIONS: tuple[str, ...] = (
    "tracking_note",
    "first_contact",
    "proposal",
    "mark_major",
    "other_outlet",
    "decision",
    "pause",
    "request_review",
    "decide_review",
    "repeat",
    "review_liability",
    "penalty",
)


@dataclass(frozen=True)
class Available:
    """One action the screen may offer: ``refusal`` is None when it may be taken now.

    ``button``: the state chart offers it from the case's status, so the bar shows a button
    for it (a review request is both: a button on a closed case, an entry on an open one).
    ``takes_charge`` (for "report" only): the actor holds the head's authority, so reporting
    is taking charge in person. ``has_decision`` (for "decision" only): a handling decision
    exists, so the entry notifies the customer of it."""

    action: str
    refusal: WorkflowError | None
    button: bool = False
    takes_charge: bool = False
    has_decision: bool = False

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def pending_review(case: Case) -> ReviewRequest | None:
    """The review request still waiting for its decision, found through its clock."""
    undecided = ReviewRequest.select().where(
        (ReviewRequest.case == case.id) & ReviewRequest.decided_at.is_null()
    )
    if not undecided.exists():
        return None  # no running review clock: every case view skips computing them all
    for clock in deadlines.case_clocks(case):
        if clock.name == deadlines.CLOCK_REVIEW and clock.live and clock.ref is not None:
            return ReviewRequest.get_or_none(ReviewRequest.id == clock.ref)
    return None


def _offered(action: str, case: Case, reports_first: bool) -> bool:
    if workflow.targets(action, case.status):
        return True
    if action == "callback":
        return case.is_open
    if action == "escalate":
        return reports_first
    return False


def _transition_refusal(
    action: str, allowed: list[str], owed: str | None, actor: Staff | None, at: dt.datetime
) -> WorkflowError | None:
    if owed is not None and action not in allowed:
        return WorkflowError(
            "must_report_first", reason=codes.REPORT_REASONS.get(owed, owed), action=action
        )
    guard = workflow.GUARDS.get(action)
    if action == "report" or guard is None:
        return None if actor is not None else WorkflowError("head_only", action=action)
    refusal = permissions.can(actor, guard, at) if actor is not None else None
    if actor is None or refusal is not None:
        return refusal or WorkflowError("head_only", action=POLICY[guard].phrase)
    return None


def _decide_review_refusal(
    case: Case, review: ReviewRequest | None, actor: Staff | None, at: dt.datetime
) -> WorkflowError | None:
    """In the order ``decisions.decide_review`` checks: a review waiting, reported, the head's."""
    if review is None:
        return WorkflowError("review_decided")
    owed = workflow.report_owed(case)
    if owed is not None:
        reason = codes.REPORT_REASONS.get(owed, owed)
        return WorkflowError("must_report_first", reason=reason, action="decide a review")
    if actor is None:
        return WorkflowError("head_only", action=POLICY[Action.DECIDE_REVIEW].phrase)
    return permissions.can(actor, Action.DECIDE_REVIEW, at)


def _menu(
    case: Case, transitions: dict[str, Available], actor: Staff | None, at: dt.datetime
) -> list[Available]:
    closed = None if case.is_open else WorkflowError("case_closed")
    decision = decisions.latest_decision(case)
    review = pending_review(case) if case.is_open else None
    finding = liability.current_finding(case)
    refusals: dict[str, WorkflowError | None] = {name: closed for name in MENU_ACTIONS}
    if closed is None and case.major_reason:
        refusals["mark_major"] = WorkflowError("already_major")
    asked = transitions.get("request_review")
    if asked is not None:
        refusals["request_review"] = asked.refusal
    if refusals["request_review"] is None:
        if decision is None:
            refusals["request_review"] = WorkflowError("no_decision")
        elif review is not None:
            refusals["request_review"] = WorkflowError("review_pending")
    refusals["decide_review"] = _decide_review_refusal(case, review, actor, at)
    missing = WorkflowError("liability_missing") if finding is None else None
    refusals["review_liability"] = missing
    refusals["penalty"] = missing or (
        None if finding is not None and finding.liable else WorkflowError("finding_not_liable")
    )
    return [
        Available(
            name,
            refusal,
            button=name in transitions,
            has_decision=name == "decision" and decision is not None,
        )
        for name, refusal in refusals.items()
    ]


def available_actions(case: Case, actor: Staff | None, at: dt.datetime) -> list[Available]:
    """Every action the screen offers for ``case`` now, once each: the workflow actions the
    state chart offers from the case's status (``button``), in the order of the handling
    process, then the recorded facts. ``actor`` None refuses every workflow action."""
    fresh = load(case)
    owed = workflow.report_owed(fresh)
    allowed = workflow.allowed_actions(fresh)
    reports_first = "report" in allowed
    if reports_first:
        allowed = [*allowed, "escalate"]
    head = actor is not None and permissions.can_act_as_head(actor, at)
    transitions = {
        action: Available(
            action,
            _transition_refusal(action, allowed, owed, actor, at),
            button=True,
            takes_charge=action == "report" and head,
        )
        for action in workflow.ACTIONS
        if action != "merge" and _offered(action, fresh, reports_first)
    }
    menu = _menu(fresh, transitions, actor, at)
    return [a for name, a in transitions.items() if name not in MENU_ACTIONS] + menu
