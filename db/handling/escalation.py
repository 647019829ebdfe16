"""Escalating beyond the outlet (Art. 10, 11): the checks of a draft, the level to propose and
whether the case must be put before the head first.

``escalation_problems(case, draft, at)`` is the one list of what is wrong with an escalation
draft; the escalation wizard shows it page by page and ``workflow.escalate`` refuses with it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from db.errors import WorkflowError
from db.intake.validation import FUTURE_TOLERANCE
from db.store import codes, vocab
from db.store.models import Case, CaseEvent

__all__ = [
    "REPORTED_STATUSES",
    "EscalationDraft",
    "contact_problems",
    "escalation_problems",
    "follow_up_problems",
    "last_level",
    "level_problems",
    "needs_report",
    "next_level",
]

# Escalating starts from "reported" (workflow.TRANSITIONS): a case in neither status is put
# before the head first, in the same transaction.
REPORTED_STATUSES = (vocab.STATUS_REPORTED, vocab.STATUS_ESCALATED)


@dataclass(frozen=True)
class EscalationDraft:
    level: str
    district_department: str
    with_psbc: bool
    contacted_person: str
    contacted_at: dt.datetime
    reported_summary: str
    outlet_follow_up: str
    psbc_department: str = ""


def needs_report(case: Case) -> bool:
    """Whether escalating must record a report to the head first."""
    return case.status not in REPORTED_STATUSES


def last_level(case: Case) -> str | None:
    """The level of the case's latest escalation, or None."""
    event = (
        CaseEvent.select()
        .where((CaseEvent.case == case.id) & (CaseEvent.kind == codes.EVENT_ESCALATED))
        .order_by(CaseEvent.id.desc())
        .first()
    )
    return json.loads(event.data).get("level") if event is not None else None


def next_level(case: Case) -> str:
    """The level to propose: one above the last escalation, or the district branch."""
    order = list(codes.ESCALATION_LEVELS)
    last = last_level(case) if case.status == vocab.STATUS_ESCALATED else None
    if last in order and order.index(last) + 1 < len(order):
        return order[order.index(last) + 1]
    return order[0]


def level_problems(department: str, with_psbc: bool, psbc_department: str) -> list[WorkflowError]:
    problems = []
    if not department.strip():
        problems.append(WorkflowError("text_required", field="district_department"))
    if with_psbc and not psbc_department.strip():
        problems.append(WorkflowError("text_required", field="psbc_department"))
    return problems


def contact_problems(
    person: str, contacted_at: dt.datetime, summary: str, received_at: dt.datetime, at: dt.datetime
) -> list[WorkflowError]:
    problems = []
    if not person.strip():
        problems.append(WorkflowError("text_required", field="contacted_person"))
    if contacted_at > at + FUTURE_TOLERANCE:
        problems.append(WorkflowError("in_future", field="contacted_at"))
    elif contacted_at < received_at:
        problems.append(WorkflowError("before_received", field="contacted_at"))
    if not summary.strip():
        problems.append(WorkflowError("text_required", field="reported_summary"))
    return problems


def follow_up_problems(follow_up: str) -> list[WorkflowError]:
    if not follow_up.strip():
        return [WorkflowError("text_required", field="outlet_follow_up")]
    return []


def escalation_problems(case: Case, draft: EscalationDraft, at: dt.datetime) -> list[WorkflowError]:
    """Everything wrong with ``draft`` for ``case`` when checked at ``at`` (the contact cannot
    be later), in the order of the wizard's
    pages: the level (known, and above the last one, Art. 10), the departments, the contact
    and the outlet's follow-up; empty when it may be escalated."""
    problems: list[WorkflowError] = []
    order = list(codes.ESCALATION_LEVELS)
    if not draft.level:
        problems.append(WorkflowError("text_required", field="escalation level"))
    elif draft.level not in codes.ESCALATION_LEVELS:
        problems.append(WorkflowError("unknown_code", value=draft.level, field="escalation level"))
    elif case.status == vocab.STATUS_ESCALATED:
        previous = last_level(case)
        if previous in order and order.index(draft.level) <= order.index(previous):
            problems.append(
                WorkflowError("escalation_not_higher", level=draft.level, previous=previous)
            )
    problems += level_problems(draft.district_department, draft.with_psbc, draft.psbc_department)
    problems += contact_problems(
        draft.contacted_person, draft.contacted_at, draft.reported_summary, case.received_at, at
    )
    problems += follow_up_problems(draft.outlet_follow_up)
    return problems
