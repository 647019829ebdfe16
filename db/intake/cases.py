"""Registering a complaint (Art. 10): first-ask owner, settle on the spot or agree a reply time.

Rules:
- whoever the customer first asks becomes the first-ask owner and must be active staff
  of the outlet (Art. 4, 10);
- a complaint is either settled on the spot, with the settlement written down, or
  recorded with a reply time agreed with the customer, which becomes its deadline (Art. 10);
- any one of the five urgent triggers makes it urgent, and the trigger is kept
  (Q/PSBC 0004-2014); the receipt route "forwarded by a regulator" is itself that
  trigger, so it is set whether or not its box was ticked;
- the whole registration is written in one transaction, or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field

from peewee import fn

from db.errors import WorkflowError
from db.handling import deadlines
from db.intake import roster
from db.intake.validation import (
    FUTURE_TOLERANCE,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_REMEDY,
    MAX_SETTLEMENT,
    MAX_YEARS_AHEAD,
    MIN_DESCRIPTION,
    Checker,
    FieldError,
    ValidationError,
    clean_text,
    date_in_range,
    is_valid_id_no,
    is_valid_phone,
    normalize_phone,
)
from db.store import vocab
from db.store.models import (
    Case,
    CaseEvent,
    CustomerReveal,
    Outlet,
    Staff,
    database,
    local_time,
    now,
)
from db.trust import permissions
from db.trust.policy import Action

OUTCOME_SETTLED = "settled"
OUTCOME_AGREED = "agreed"


@dataclass
class NewCase:
    """The fields of the New complaint form."""

    received_at: dt.datetime | None = None
    route: str = "outlet_in_person"
    channel: str = "onsite"
    business_type: str = ""
    cause: str = ""
    urgent_triggers: list[str] = field(default_factory=list)
    customer_name: str = ""
    customer_phone: str = ""
    customer_id_no: str = ""
    remedy_requested: str = ""
    description: str = ""
    first_ask_owner_id: int | None = None
    outcome: str = ""
    settlement: str = ""
    agreed_reply_at: dt.datetime | None = None

    def cleaned(self) -> NewCase:
        return NewCase(
            received_at=_to_second(self.received_at),
            route=self.route,
            channel=self.channel,
            business_type=self.business_type,
            cause=self.cause,
            urgent_triggers=sorted(set(self.urgent_triggers) | set(implied_triggers(self.route))),
            customer_name=clean_text(self.customer_name),
            customer_phone=normalize_phone(clean_text(self.customer_phone)),
            customer_id_no=unicodedata.normalize("NFKC", clean_text(self.customer_id_no)).upper(),
            remedy_requested=clean_text(self.remedy_requested, multiline=True),
            description=clean_text(self.description, multiline=True),
            first_ask_owner_id=self.first_ask_owner_id,
            outcome=self.outcome,
            settlement=clean_text(self.settlement, multiline=True),
            agreed_reply_at=_to_second(self.agreed_reply_at),
        )


def _to_second(value: dt.datetime | None) -> dt.datetime | None:
    return local_time(value).replace(microsecond=0) if value is not None else None


def implied_triggers(route: str) -> list[str]:
    """The urgent triggers a receipt route implies (vocab.ROUTE_TRIGGERS)."""
    trigger = vocab.ROUTE_TRIGGERS.get(route)
    return [trigger] if trigger else []


def severity_for(triggers: list[str]) -> str:
    """Urgent as soon as any urgent trigger applies (Q/PSBC 0004-2014)."""
    return vocab.SEVERITY_URGENT if triggers else vocab.SEVERITY_ORDINARY


def validate_new_case(data: NewCase, at: dt.datetime) -> list[FieldError]:
    """Every rule of the New complaint form, with no database access. ``at`` is 'now'."""
    d = data.cleaned()
    check = Checker()
    if d.received_at is None:
        check.add("received_at", "required")
    elif d.received_at > at + FUTURE_TOLERANCE:
        check.add("received_at", "in_future")
    elif not date_in_range(d.received_at, at):
        check.add("received_at", "too_old")
    check.code("route", d.route, vocab.ROUTES)
    check.code("channel", d.channel, vocab.CHANNELS)
    check.code("business_type", d.business_type, vocab.BUSINESS_TYPES)
    check.code("cause", d.cause, vocab.CAUSES)
    for trigger in d.urgent_triggers:
        if trigger not in vocab.URGENT_TRIGGERS:
            check.add("urgent_triggers", "unknown_code")
    check.text("customer_name", d.customer_name, max_len=MAX_NAME)
    if not d.customer_phone:
        check.add("customer_phone", "required")
    elif not is_valid_phone(d.customer_phone):
        check.add("customer_phone", "bad_phone")
    if d.customer_id_no and not is_valid_id_no(d.customer_id_no):
        check.add("customer_id_no", "bad_id_no")
    # Customers often name no remedy; keep it optional (ISO 10002 asks to record it if given).
    check.text(
        "remedy_requested", d.remedy_requested, required=False, max_len=MAX_REMEDY, multiline=True
    )
    check.text(
        "description",
        d.description,
        max_len=MAX_DESCRIPTION,
        min_len=MIN_DESCRIPTION,
        multiline=True,
    )
    if d.first_ask_owner_id is None:
        check.add("first_ask_owner", "required")
    if d.outcome == OUTCOME_SETTLED:
        check.text("settlement", d.settlement, max_len=MAX_SETTLEMENT, multiline=True)
    elif d.outcome == OUTCOME_AGREED:
        if d.agreed_reply_at is None:
            check.add("agreed_reply_at", "required")
        elif d.received_at is not None and d.agreed_reply_at <= d.received_at:
            check.add("agreed_reply_at", "reply_before_received")
        elif not date_in_range(d.agreed_reply_at, at):
            check.add("agreed_reply_at", "too_far_ahead", years=MAX_YEARS_AHEAD)
    else:
        check.add("outcome", "bad_outcome")
    return check.errors


def format_case_no(outlet_code: str, year: int, seq: int) -> str:
    """Readable per outlet and year, e.g. ``BJ0101-2026-000042``."""
    return f"{outlet_code}-{year}-{seq:06d}"


def next_seq(outlet: Outlet, year: int) -> int:
    last = (
        Case.select(fn.MAX(Case.seq)).where((Case.outlet == outlet) & (Case.year == year)).scalar()
    )
    return (last or 0) + 1


def add_event(
    case: Case,
    kind: str,
    *,
    actor: Staff | None,
    at: dt.datetime | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    note: str = "",
    data: dict | None = None,
) -> CaseEvent:
    return CaseEvent.create(
        case=case,
        at=at or now(),
        actor=actor,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        note=note,
        data=json.dumps(data or {}, ensure_ascii=False, sort_keys=True),
    )


def register_case(outlet: Outlet, data: NewCase, *, actor: Staff | None) -> Case:
    """Validate and store a new complaint with its first timeline events, all or nothing."""
    at = now()
    if actor is not None:
        roster.still_on_staff(actor)
        permissions.require(actor, Action.REGISTER_CASE, at)
    errors = validate_new_case(data, at)
    if errors:
        raise ValidationError(errors)
    d = data.cleaned()
    assert d.received_at is not None
    with database.atomic():
        owner = Staff.get_or_none(Staff.id == d.first_ask_owner_id)
        if owner is None or owner.outlet_id != outlet.id or not owner.active:
            raise ValidationError([FieldError("first_ask_owner", "inactive_staff")])
        year = d.received_at.year
        seq = next_seq(outlet, year)
        settled = d.outcome == OUTCOME_SETTLED
        status = vocab.STATUS_SETTLED_ON_SPOT if settled else vocab.STATUS_AWAITING_REPLY
        case = Case.create(
            outlet=outlet,
            case_no=format_case_no(outlet.code, year, seq),
            year=year,
            seq=seq,
            received_at=d.received_at,
            route=d.route,
            channel=d.channel,
            business_type=d.business_type,
            cause=d.cause,
            severity=severity_for(d.urgent_triggers),
            urgent_triggers=",".join(d.urgent_triggers),
            customer_name=d.customer_name,
            customer_phone=d.customer_phone,
            customer_id_no=d.customer_id_no,
            remedy_requested=d.remedy_requested,
            description=d.description,
            first_ask_owner=owner,
            status=status,
            is_open=status in vocab.OPEN_STATUSES,
            agreed_reply_at=None if settled else d.agreed_reply_at,
            due_at=None if settled else d.agreed_reply_at,
            settled_at=at if settled else None,
            settlement=d.settlement if settled else "",
            closed_at=at if settled else None,
            created_at=at,
            updated_at=at,
        )
        add_event(
            case,
            vocab.EVENT_REGISTERED,
            actor=actor,
            at=at,
            to_status=vocab.STATUS_RECEIVED,
            data={"first_ask_owner": owner.id, "received_at": d.received_at.isoformat()},
        )
        if d.urgent_triggers:
            add_event(
                case,
                vocab.EVENT_URGENT_TRIGGERED,
                actor=actor,
                at=at,
                data={"triggers": d.urgent_triggers},
            )
        if settled:
            add_event(
                case,
                vocab.EVENT_SETTLED_ON_SPOT,
                actor=actor,
                at=at,
                from_status=vocab.STATUS_RECEIVED,
                to_status=status,
                note=d.settlement,
            )
        else:
            assert d.agreed_reply_at is not None
            add_event(
                case,
                vocab.EVENT_REPLY_TIME_AGREED,
                actor=actor,
                at=at,
                from_status=vocab.STATUS_RECEIVED,
                to_status=status,
                data={"agreed_reply_at": d.agreed_reply_at.isoformat()},
            )
        # Every clock of the case (agreed reply, decision, first contact...) from the start,
        # so the list's overdue and near-breach marks are right at once.
        deadlines.refresh_case_deadlines(case, at)
    return case


def get_case(case_id: int) -> Case | None:
    return Case.get_or_none(Case.id == case_id)


def case_by_number(case_no: str) -> Case | None:
    return Case.get_or_none(Case.case_no == case_no)


def reveal_customer(case: Case, actor: Staff) -> tuple[str, str]:
    """The case's full customer phone and ID numbers, for those the matrix lets reveal them
    (``reveal_customer_data``); each reveal is recorded, and so audited."""
    at = now()
    fresh = Case.get_by_id(case.id)
    actor = Staff.get_by_id(actor.id)
    authority = permissions.require(actor, Action.REVEAL_CUSTOMER_DATA, at)
    if actor.outlet_id != fresh.outlet_id:
        raise WorkflowError("wrong_outlet")
    with database.atomic():
        CustomerReveal.create(case=fresh, staff=actor, at=at, authority=authority.capacity)
    return fresh.customer_phone, fresh.customer_id_no
