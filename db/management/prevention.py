"""Prevention (Art. 4, 6, 7): the disputes log and the suggestions log.

A dispute is customer friction dealt with before it became a complaint: who handled it,
when, with whom, what happened, its cause and outcome. Every staff member records the
disputes they handle (Art. 7(3)-(4)). A dispute that turns into a complaint is converted
with :func:`convert_dispute_to_case`: the complaint is registered through
db.intake.cases.register_case (all its rules apply), the person who handled the dispute is its
first-ask owner, and the two are linked both ways (``Dispute.case``, and a
``converted_from_dispute`` event on the case naming the dispute).

Suggestions are improvements proposed by staff (Art. 6(7)); the head decides what becomes
of each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db.errors import WorkflowError
from db.handling.actions import MAX_SHORT, Checks, known, text
from db.intake import cases
from db.intake.cases import add_event
from db.intake.validation import (
    FUTURE_TOLERANCE,
    MAX_NAME,
    in_range,
    is_valid_phone,
    normalize_phone,
)
from db.management.targets import Period, as_period
from db.store import codes, vocab
from db.store.models import Case, Dispute, Outlet, Staff, Suggestion, database, now, to_second
from db.store.rows import tuples
from db.trust import permissions
from db.trust.policy import Action


def _active(staff: Staff, outlet_id: int | None = None) -> Staff:
    fresh = Staff.get_or_none(Staff.id == staff.id)
    if fresh is None or not fresh.active:
        raise WorkflowError("inactive_staff", name=staff.name)
    if outlet_id is not None and fresh.outlet_id != outlet_id:
        raise WorkflowError("wrong_outlet")
    return fresh


def _when(value: dt.datetime | None, field: str) -> dt.datetime:
    at = to_second(value)
    if at > now() + FUTURE_TOLERANCE:
        raise WorkflowError("in_future", field=field)
    return in_range(at, field)


def _phone(value: str) -> str:
    phone = normalize_phone(text(value, "customer_phone", required=False, max_len=MAX_SHORT))
    if phone and not is_valid_phone(phone):
        raise WorkflowError("bad_phone", value=value)
    return phone


# --- disputes ---------------------------------------------------------------------------------


def record_dispute(
    actor: Staff,
    *,
    occurred_at: dt.datetime,
    handled_by: Staff,
    customer_name: str,
    description: str,
    cause: str,
    outcome: str,
    outcome_note: str = "",
    customer_phone: str = "",
) -> Dispute:
    """Log a dispute; any active staff member of the outlet may. A dispute that became a
    complaint is converted with :func:`convert_dispute_to_case`, not logged as such."""
    with database.atomic():
        actor = _active(actor)
        handler = _active(handled_by, actor.outlet_id)
        if outcome == codes.DISPUTE_BECAME_COMPLAINT:
            raise WorkflowError("dispute_convert_instead")
        checks = Checks()
        occurred_at = checks.run(_when, occurred_at, "occurred_at") or occurred_at
        name = checks.text(customer_name, "customer_name", max_len=MAX_NAME)
        description = checks.text(description, "description")
        checks.known(cause, vocab.CAUSES, "cause")
        checks.known(outcome, codes.DISPUTE_OUTCOMES, "dispute outcome")
        note = checks.text(outcome_note, "outcome_note", required=False)
        phone = checks.run(_phone, customer_phone) or ""
        checks.done()
        return Dispute.create(
            outlet=actor.outlet_id,
            occurred_at=occurred_at,
            handled_by=handler,
            customer_name=name,
            customer_phone=phone,
            description=description,
            cause=cause,
            outcome=outcome,
            outcome_note=note,
            recorded_by=actor,
            recorded_at=now(),
        )


def convert_dispute_to_case(
    dispute: Dispute,
    actor: Staff,
    *,
    business_type: str,
    outcome: str = cases.OUTCOME_AGREED,
    agreed_reply_at: dt.datetime | None = None,
    settlement: str = "",
    received_at: dt.datetime | None = None,
    customer_phone: str | None = None,
    route: str = "outlet_in_person",
    channel: str = "onsite",
    urgent_triggers: Sequence[str] = (),
    remedy_requested: str = "",
    description: str | None = None,
) -> Case:
    """The dispute became a complaint: register it (db.intake.cases.register_case's rules) with
    the dispute's customer, cause and description, the dispute's handler as first-ask
    owner, and link the two. ``received_at`` defaults to now; it cannot be before the
    dispute. Refused for a dispute already converted. One transaction."""
    with database.atomic():
        row = Dispute.get_by_id(dispute.id)
        actor = _active(actor, row.outlet_id)
        if row.case_id is not None:
            raise WorkflowError("dispute_converted", case_no=Case.get_by_id(row.case_id).case_no)
        received = to_second(received_at)
        if received < row.occurred_at:
            raise WorkflowError("before_dispute")
        form = cases.NewCase(
            received_at=received,
            route=route,
            channel=channel,
            business_type=business_type,
            cause=row.cause,
            urgent_triggers=list(urgent_triggers),
            customer_name=row.customer_name,
            customer_phone=row.customer_phone if customer_phone is None else customer_phone,
            remedy_requested=remedy_requested,
            description=row.description if description is None else description,
            first_ask_owner_id=row.handled_by_id,
            outcome=outcome,
            settlement=settlement,
            agreed_reply_at=agreed_reply_at,
        )
        case = cases.register_case(Outlet.get_by_id(row.outlet_id), form, actor=actor)
        at = now()
        Dispute.update(case=case.id, converted_at=at, outcome=codes.DISPUTE_BECAME_COMPLAINT).where(
            Dispute.id == row.id
        ).execute()
        add_event(
            case,
            codes.EVENT_FROM_DISPUTE,
            actor=actor,
            at=at,
            note=row.description,
            data={
                "dispute": row.id,
                "occurred_at": row.occurred_at.isoformat(),
                "previous_outcome": row.outcome,
            },
        )
    dispute.__data__.update(Dispute.get_by_id(dispute.id).__data__)
    return case


def dispute_of_case(case: Case) -> Dispute | None:
    """The dispute a complaint was converted from, if any."""
    return Dispute.get_or_none(Dispute.case == case.id)


def dispute(dispute_id: int | None) -> Dispute | None:
    """The dispute with this id, or None."""
    return Dispute.get_or_none(Dispute.id == dispute_id) if dispute_id is not None else None


def suggestion(suggestion_id: int | None) -> Suggestion | None:
    """The suggestion with this id, or None."""
    if suggestion_id is None:
        return None
    return Suggestion.get_or_none(Suggestion.id == suggestion_id)


def disputes(
    outlet: Outlet, period: Period | str | None = None, *, outcome: str | None = None
) -> list[Dispute]:
    """The outlet's disputes, latest first; ``period`` by the time they occurred."""
    query = Dispute.select().where(Dispute.outlet == outlet.id)
    if period is not None:
        p = as_period(period)
        query = query.where((Dispute.occurred_at >= p.start) & (Dispute.occurred_at < p.end))
    if outcome is not None:
        query = query.where(Dispute.outcome == outcome)
    return list(query.order_by(Dispute.occurred_at.desc(), Dispute.id.desc()))


@dataclass(frozen=True)
class DisputeCounts:
    total: int
    converted: int
    by_cause: dict[str, int]


def dispute_counts(period: Period | str) -> DisputeCounts:
    """How many disputes occurred in the period, how many became complaints, and per cause
    (two GROUP BY queries)."""
    from peewee import fn

    p = as_period(period)
    where = (Dispute.occurred_at >= p.start) & (Dispute.occurred_at < p.end)
    by_cause = {
        cause: count
        for cause, count in tuples(
            Dispute.select(Dispute.cause, fn.COUNT(Dispute.id))
            .where(where)
            .group_by(Dispute.cause)
            .order_by(fn.COUNT(Dispute.id).desc(), Dispute.cause)
        )
    }
    converted = Dispute.select().where(where & Dispute.case.is_null(False)).count()
    return DisputeCounts(sum(by_cause.values()), converted, by_cause)


# --- suggestions --------------------------------------------------------------------------------


def record_suggestion(
    actor: Staff, *, proposed_by: Staff, content: str, proposed_on: dt.date | None = None
) -> Suggestion:
    """Log a suggestion made by ``proposed_by``; any active staff member may record it."""
    with database.atomic():
        actor = _active(actor)
        author = Staff.get_or_none(Staff.id == proposed_by.id)
        if author is None or author.outlet_id != actor.outlet_id:
            raise WorkflowError("wrong_outlet")
        day = proposed_on or now().date()
        checks = Checks()
        if day > (now() + FUTURE_TOLERANCE).date():
            checks.refuse("in_future", field="proposed_on")
        else:
            checks.in_range(day, "proposed_on")
        body = checks.text(content, "text")
        checks.done()
        return Suggestion.create(
            outlet=actor.outlet_id,
            proposed_by=author,
            proposed_on=day,
            text=body,
            status=codes.SUGGESTION_PROPOSED,
            recorded_by=actor,
            recorded_at=now(),
        )


def set_suggestion_status(
    suggestion: Suggestion,
    actor: Staff,
    status: str,
    *,
    response: str = "",
    at: dt.datetime | None = None,
) -> Suggestion:
    """The head decides what becomes of a suggestion; a response is required for any status
    but "proposed" and "under review" (the author should learn why)."""
    with database.atomic():
        row = Suggestion.get_by_id(suggestion.id)
        actor = _active(actor, row.outlet_id)
        when = _when(at, "at")
        permissions.require(actor, Action.DECIDE_SUGGESTION, when)
        known(status, codes.SUGGESTION_STATUSES, "suggestion status")
        needs_response = status not in (codes.SUGGESTION_PROPOSED, "under_review")
        body = text(response, "response", required=needs_response)
        Suggestion.update(status=status, response=body, decided_by=actor.id, decided_at=when).where(
            Suggestion.id == row.id
        ).execute()
    fresh = Suggestion.get_by_id(suggestion.id)
    suggestion.__data__.update(fresh.__data__)
    return fresh


def suggestions(outlet: Outlet, *, status: str | None = None) -> list[Suggestion]:
    """The outlet's suggestions, latest first."""
    query = Suggestion.select().where(Suggestion.outlet == outlet.id)
    if status is not None:
        query = query.where(Suggestion.status == status)
    return list(query.order_by(Suggestion.proposed_on.desc(), Suggestion.id.desc()))
