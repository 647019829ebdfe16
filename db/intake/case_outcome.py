"""Where a complaint stands in the end: liability, penalties and escalations, for the case view.

The incident report states the same facts at length (report_data); the case view needs them
short: the finding that counts (liable or not, the responsible staff with their shares), the
penalties applied under it, and each escalation with its level, the department that leads it
the district's handling of it as its bundles down state it, and the result the outlet gave
the customer (Art. 5, 10, 11).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from db.management.liability import FindingView, findings
from db.management.penalties import PenaltyView, penalties_of_case
from db.store import codes
from db.store.models import Case, CaseEvent, EscalationResult


@dataclass(frozen=True)
class EscalationOutcome:
    """One escalation (an ``escalated`` event) and the result fed back after it, if any."""

    at: dt.datetime
    level: str  # a code of codes.ESCALATION_LEVELS
    district_department: str
    with_psbc: bool
    psbc_department: str
    # The first result fed back to the customer after this escalation and before the next.
    result: str | None
    result_at: dt.datetime | None
    customer_satisfied: bool | None
    # What the district's latest bundle down says of this escalation (Art. 11), or None
    # while nothing has come: the department that led it, PSBC's counterpart, the result.
    district: DistrictHandling | None = None


@dataclass(frozen=True)
class DistrictHandling:
    """The district's handling of one escalation, as its bundle down stated it."""

    department: str
    psbc_counterpart: str
    result: str  # "" while the district has not reached one
    result_at: dt.datetime | None
    received_at: dt.datetime


@dataclass(frozen=True)
class CaseOutcome:
    # The determination that counts, or None while liability is not determined.
    finding: FindingView | None
    # How many determinations the case had (more than one after a review).
    finding_count: int
    # Penalties applied under the current determination.
    penalties: list[PenaltyView]
    # Oldest first.
    escalations: list[EscalationOutcome]

    @property
    def is_empty(self) -> bool:
        return self.finding is None and not self.penalties and not self.escalations


def escalation_outcomes(case_id: int) -> list[EscalationOutcome]:
    """Each escalation of the case, oldest first, paired with the result fed back after it
    and with what the district sent down about it (its position among the case's
    escalations, 1-based, is the key both ends use)."""
    events = list(
        CaseEvent.select(CaseEvent.kind, CaseEvent.at, CaseEvent.note, CaseEvent.data)
        .where(
            (CaseEvent.case == case_id)
            & CaseEvent.kind.in_([codes.EVENT_ESCALATED, codes.EVENT_FED_BACK])
        )
        .order_by(CaseEvent.at, CaseEvent.id)
    )
    steps: list[dict] = []
    for event in events:
        data = json.loads(event.data or "{}")
        if event.kind == codes.EVENT_ESCALATED:
            steps.append(
                {
                    "at": event.at,
                    "level": str(data.get("level", "")),
                    "district_department": str(data.get("district_department", "")),
                    "with_psbc": bool(data.get("with_psbc")),
                    "psbc_department": str(data.get("psbc_department", "")),
                    "result": None,
                    "result_at": None,
                    "customer_satisfied": None,
                }
            )
        elif steps and steps[-1]["result"] is None:
            satisfied = data.get("customer_satisfied")
            steps[-1].update(
                result=event.note,
                result_at=event.at,
                customer_satisfied=None if satisfied is None else bool(satisfied),
            )
    district = {
        row.escalation_seq: DistrictHandling(
            row.department, row.psbc_counterpart, row.result, row.result_at, row.received_at
        )
        for row in EscalationResult.select().where(EscalationResult.case == case_id)
    }
    return [EscalationOutcome(**step, district=district.get(n)) for n, step in enumerate(steps, 1)]


def case_outcome(case: Case) -> CaseOutcome:
    """The case's liability, penalties and escalations as the case view shows them."""
    all_findings = findings(case)
    current = all_findings[-1] if all_findings else None
    return CaseOutcome(
        finding=current,
        finding_count=len(all_findings),
        penalties=[p for p in penalties_of_case(case) if p.current],
        escalations=escalation_outcomes(case.id),
    )
