"""The handling process of Art. 9-11 as a state machine the product enforces.

The allowed transitions are written once, as data (:data:`TRANSITIONS`); the README's
state chart is generated from it by :func:`state_chart_mermaid`. Every action here:

1. checks all its rules before writing anything, and refuses with
   :class:`WorkflowError` (a stable ``code`` and a readable English message);
2. writes the status change, its CaseEvent (who, when, from, to, note, JSON data) and the
   recomputed deadlines (``due_at``, ``warn_at``) in one transaction.

Rules enforced, with their articles:

- first-ask responsibility (Art. 4, 10): a transfer stays *pending* until customer and
  handler are confirmed in contact, with time and method; until then the first-ask owner
  (or the previous formal handler) stays accountable and gets the reminders;
- reporting duty (Art. 10): a customer unsatisfied with a reply, a result or a callback
  must be reported to the head or acting head before anything else happens, and an
  urgent (Q/PSBC 0004-2014) or major (CBIRC Art. 29) complaint is reported at once;
- escalation level by level (Art. 10-11) is the head's, and the outlet still owes the
  customer the result and tracking afterwards;
- liability is determined by the head (Art. 5(8)), who alone closes and reopens;
- another outlet involved follows the same rules (Art. 10, last sentence).

Decisions, notices, reviews, pauses and extensions live in db/handling/decisions.py, callbacks in
db/handling/callbacks.py, repeats in db/intake/repeats.py; their status changes go through
:func:`check_transition` and :func:`apply_transition` here, the only writer of
``Case.status``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from db.errors import MESSAGES, WorkflowError
from db.handling import deadlines, escalation
from db.handling.actions import MAX_SHORT, Checks, load, moment, record, staff_of, sync, text
from db.intake import accountability
from db.intake.cases import add_event
from db.management import findings
from db.store import codes, vocab
from db.store.models import (
    Callback,
    Case,
    CaseEvent,
    CaseTransfer,
    ClockPause,
    ReviewRequest,
    Staff,
    WorkOrder,
    database,
    now,
)
from db.trust import permissions
from db.trust.policy import Action

__all__ = [
    "MESSAGES",
    "TRANSITIONS",
    "Transition",
    "WorkflowError",
    "ACTION_LABELS",
    "GUARDS",
    "accountable_staff",
    "add_tracking_note",
    "agree_reply_time",
    "allowed_actions",
    "apply_transition",
    "check_transition",
    "cancel_transfer",
    "close_case",
    "confirm_contact",
    "escalate",
    "feed_back",
    "mark_major",
    "pending_transfer",
    "record_first_contact",
    "record_proposal",
    "reminder_recipients",
    "reopen",
    "reply",
    "report",
    "report_owed",
    "last_report",
    "set_other_outlet",
    "settle",
    "state_chart_mermaid",
    "take_charge",
    "transfer",
]

S = vocab  # status codes live in db/store/vocab.py


class Transition(NamedTuple):
    action: str
    source: str
    target: str


def _edges(action: str, sources: Sequence[str], target: str) -> list[Transition]:
    return [Transition(action, s, target) for s in sources]


# Every status change the rules allow. Nothing else can change Case.status.
TRANSITIONS: tuple[Transition, ...] = tuple(
    [
        # Art. 10: settle on the spot, or record and agree a reply time.
        *_edges("settle", [S.STATUS_RECEIVED, S.STATUS_REPORTED], S.STATUS_SETTLED_ON_SPOT),
        *_edges(
            "agree_reply_time",
            [S.STATUS_RECEIVED, S.STATUS_AWAITING_REPLY, S.STATUS_REPORTED, S.STATUS_TRANSFERRED],
            S.STATUS_AWAITING_REPLY,
        ),
        *_edges(
            "reply",
            [S.STATUS_AWAITING_REPLY, S.STATUS_REPORTED, S.STATUS_TRANSFERRED],
            S.STATUS_REPLIED,
        ),
        # Art. 10: the reporting duty. Reported from any open state but itself.
        *_edges(
            "report",
            [
                S.STATUS_RECEIVED,
                S.STATUS_AWAITING_REPLY,
                S.STATUS_REPLIED,
                S.STATUS_TRANSFER_PENDING,
                S.STATUS_TRANSFERRED,
                S.STATUS_ESCALATED,
                S.STATUS_FED_BACK,
                S.STATUS_CALLBACK_DONE,
                S.STATUS_LIABILITY_DETERMINED,
            ],
            S.STATUS_REPORTED,
        ),
        # Art. 10: transfer within the outlet, formal once customer and handler are in contact.
        *_edges(
            "transfer",
            [S.STATUS_RECEIVED, S.STATUS_AWAITING_REPLY, S.STATUS_REPORTED, S.STATUS_TRANSFERRED],
            S.STATUS_TRANSFER_PENDING,
        ),
        Transition("confirm_contact", S.STATUS_TRANSFER_PENDING, S.STATUS_TRANSFERRED),
        *[
            Transition("cancel_transfer", S.STATUS_TRANSFER_PENDING, s)
            for s in (
                S.STATUS_RECEIVED,
                S.STATUS_AWAITING_REPLY,
                S.STATUS_REPORTED,
                S.STATUS_TRANSFERRED,
            )
        ],
        # Art. 10-11: escalate level by level; the outlet feeds the result back.
        Transition("escalate", S.STATUS_REPORTED, S.STATUS_ESCALATED),
        Transition("escalate", S.STATUS_ESCALATED, S.STATUS_ESCALATED),
        Transition("feed_back", S.STATUS_ESCALATED, S.STATUS_FED_BACK),
        # Art. 5(7): callbacks.
        *_edges(
            "callback",
            [S.STATUS_REPLIED, S.STATUS_FED_BACK, S.STATUS_CALLBACK_DONE],
            S.STATUS_CALLBACK_DONE,
        ),
        # Art. 5(8): liability, then closing; the head may reopen.
        *_edges(
            "determine_liability",
            [
                S.STATUS_SETTLED_ON_SPOT,
                S.STATUS_REPLIED,
                S.STATUS_FED_BACK,
                S.STATUS_CALLBACK_DONE,
                S.STATUS_LIABILITY_DETERMINED,
            ],
            S.STATUS_LIABILITY_DETERMINED,
        ),
        Transition("close", S.STATUS_LIABILITY_DETERMINED, S.STATUS_CLOSED),
        *_edges("reopen", [S.STATUS_CLOSED, S.STATUS_SETTLED_ON_SPOT], S.STATUS_RECEIVED),
        # A customer's review request reopens a closed case (CBIRC Art. 20).
        Transition("request_review", S.STATUS_CLOSED, S.STATUS_RECEIVED),
        # A repeat complaint merged into the earlier case ends here.
        *_edges(
            "merge",
            [s for s in vocab.STATUSES if s in vocab.OPEN_STATUSES],
            S.STATUS_CLOSED,
        ),
    ]
)

ACTIONS: tuple[str, ...] = tuple(dict.fromkeys(t.action for t in TRANSITIONS))

# Actions still possible while a report is owed (Art. 10: report before anything else).
# Merging is the head's own act and hands the duty to the earlier case.
_ALLOWED_WHILE_REPORT_OWED = frozenset({"report", "request_review", "merge"})

# Transition actions the policy guards beyond the state chart (for disabling buttons; the
# actions enforce it). For "report", it is the person receiving the report who must hold the
# head's authority.
GUARDS: dict[str, Action] = {
    "report": Action.RECEIVE_REPORT,
    "escalate": Action.ESCALATE,
    "determine_liability": Action.DETERMINE_LIABILITY,
    "close": Action.CLOSE,
    "reopen": Action.REOPEN,
    "merge": Action.MERGE_REPEAT,
}

# English labels of the actions, for the chart and the command line.
ACTION_LABELS: dict[str, str] = {
    "settle": "Settle on the spot",
    "agree_reply_time": "Agree reply time",
    "reply": "Reply",
    "report": "Report to head",
    "transfer": "Transfer",
    "confirm_contact": "Confirm contact",
    "cancel_transfer": "Cancel transfer",
    "escalate": "Escalate",
    "feed_back": "Feed back result",
    "callback": "Callback",
    "determine_liability": "Determine liability",
    "close": "Close",
    "reopen": "Reopen",
    "request_review": "Review requested",
    "merge": "Merge into earlier case",
}


def targets(action: str, status: str) -> list[str]:
    """Statuses ``action`` may lead to from ``status``; empty when not allowed."""
    return [t.target for t in TRANSITIONS if t.action == action and t.source == status]


def state_chart_mermaid() -> str:
    """The transition table as a Mermaid ``stateDiagram-v2``, for the README.

    Edges between the same two states are merged into one, labelled with every action.
    ``merge`` (from every open state to closed) is drawn once, as a note, to keep the
    chart readable.
    """
    lines = ["stateDiagram-v2"]
    for code, label in vocab.STATUSES.items():
        lines.append(f"    {code} : {label}")
    lines.append(f"    [*] --> {S.STATUS_RECEIVED}")
    edges: dict[tuple[str, str], list[str]] = {}
    for t in TRANSITIONS:
        if t.action == "merge":
            continue
        edges.setdefault((t.source, t.target), [])
        if t.action not in edges[(t.source, t.target)]:
            edges[(t.source, t.target)].append(t.action)
    for (source, target), actions in edges.items():
        lines.append(f"    {source} --> {target} : {' / '.join(actions)}")
    lines.append(f"    {S.STATUS_SETTLED_ON_SPOT} --> [*]")
    lines.append(f"    {S.STATUS_CLOSED} --> [*]")
    lines.append(f"    note right of {S.STATUS_CLOSED}")
    lines.append("        merge: a repeat complaint, from any open state")
    lines.append("    end note")
    return "\n".join(lines) + "\n"


def _has_report_event(case: Case) -> bool:
    return (
        CaseEvent.select()
        .where((CaseEvent.case == case.id) & (CaseEvent.kind == codes.EVENT_REPORTED))
        .exists()
    )


def last_report(case: Case) -> CaseEvent | None:
    """The latest report to the head (or the head's own taking charge), if any: a case may
    have been reported and then moved on, e.g. transferred or given a new reply time."""
    return (
        CaseEvent.select()
        .where((CaseEvent.case == case.id) & (CaseEvent.kind == codes.EVENT_REPORTED))
        .order_by(CaseEvent.at.desc(), CaseEvent.id.desc())
        .first()
    )


def report_owed(case: Case) -> str | None:
    """Why the case must be reported to the head before anything else, or None (Art. 10).

    A code from codes.REPORT_REASONS: an unsatisfied customer, a review request, or an
    urgent or major complaint that has never been reported. Reads the stored case.
    """
    case = load(case)
    if not case.is_open or case.status == S.STATUS_REPORTED:
        return None
    if case.report_required:
        return case.report_reason or "unsatisfied_reply"
    if case.severity == vocab.SEVERITY_URGENT or case.major_reason:
        if not _has_report_event(case):
            return "major" if case.major_reason else "urgent"
    return None


def check_transition(case: Case, action: str, target: str | None = None) -> str:
    reason = report_owed(case)
    if reason is not None and action not in _ALLOWED_WHILE_REPORT_OWED:
        raise WorkflowError(
            "must_report_first", reason=codes.REPORT_REASONS.get(reason, reason), action=action
        )
    allowed = targets(action, case.status)
    if not allowed:
        if case.status in vocab.CLOSED_STATUSES and action not in ("reopen", "request_review"):
            raise WorkflowError("case_closed", action=action, status=case.status)
        if action == "close":
            # Closing waits for the head's liability determination (Art. 5(8)): say so.
            raise WorkflowError("close_before_liability", action=action, status=case.status)
        raise WorkflowError("transition_not_allowed", action=action, status=case.status)
    if target is None:
        if len(allowed) != 1:
            raise WorkflowError("transition_not_allowed", action=action, status=case.status)
        return allowed[0]
    if target not in allowed:
        raise WorkflowError("transition_not_allowed", action=action, status=case.status)
    return target


def allowed_actions(case: Case) -> list[str]:
    """Actions the state machine allows now (for enabling buttons; the actions re-check)."""
    fresh = load(case)
    owed = report_owed(fresh)
    return [
        a
        for a in ACTIONS
        if targets(a, fresh.status) and (owed is None or a in _ALLOWED_WHILE_REPORT_OWED)
    ]


def apply_transition(
    case: Case,
    action: str,
    target: str,
    *,
    actor: Staff,
    at: dt.datetime,
    kind: str,
    note: str = "",
    data: dict | None = None,
    updates: dict | None = None,
) -> CaseEvent:
    """Write the status change, its event and the new deadlines. Inside a transaction."""
    source = case.status
    values = dict(updates or {})
    values.update(status=target, is_open=target in vocab.OPEN_STATUSES, updated_at=now())
    if target == S.STATUS_REPORTED:
        values.update(report_required=False, report_reason="")
    Case.update(**values).where(Case.id == case.id).execute()
    for name, value in values.items():
        setattr(case, name, value)
    event = add_event(
        case,
        kind,
        actor=actor,
        at=at,
        from_status=source,
        to_status=target,
        note=note,
        data={"action": action, **(data or {})},
    )
    deadlines.refresh_case_deadlines(case, at)
    return event


def report_required_updates(case: Case, reason: str) -> dict:
    """Updates that make a report owed, unless the case already sits with the head."""
    if case.status == S.STATUS_REPORTED:
        return {}
    return {"report_required": True, "report_reason": reason}


# --- first-ask responsibility and transfer (Art. 4, 10) ----------------------------------------


def pending_transfer(case: Case) -> CaseTransfer | None:
    return (
        CaseTransfer.select()
        .where((CaseTransfer.case == case.id) & (CaseTransfer.state == codes.TRANSFER_PENDING))
        .order_by(CaseTransfer.id.desc())
        .first()
    )


def accountable_staff(case: Case) -> Staff:
    """Who answers for the case now: the formal handler, else the first-ask owner.

    A pending transfer changes nothing (Art. 10): the transfer is formal only once
    customer and handler are in contact. The rule is db.intake.accountability's.
    """
    return Staff.get_by_id(accountability.accountable_id(case.id))


def reminder_recipients(case: Case) -> list[Staff]:
    """Who gets reminders: the accountable person and, during a pending transfer, the
    prospective handler too (both are shown until the transfer is formal)."""
    ids = accountability.reminder_recipient_ids(case.id)
    people = {s.id: s for s in Staff.select().where(Staff.id.in_(ids))}
    return [people[i] for i in ids]


def transfer(
    case: Case,
    actor: Staff,
    handler: Staff | None = None,
    *,
    handler_name: str = "",
    handler_outlet: str = "",
    at: dt.datetime | None = None,
    note: str = "",
) -> CaseTransfer:
    """Hand the case to the person who will handle it (Art. 10). Pending until
    :func:`confirm_contact`. A handler at another outlet is named in text with the outlet,
    which is then recorded as involved."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        permissions.require(actor, Action.TRANSFER, at)
        target = check_transition(fresh, "transfer")
        checks = Checks()
        note = checks.text(note, "note", required=False)
        name = checks.text(handler_name, "handler_name", required=False, max_len=50)
        other = checks.text(handler_outlet, "handler_outlet", required=False, max_len=MAX_SHORT)
        checks.done()
        if handler is not None:
            handler = staff_of(fresh, handler)
            current = fresh.handler_id or fresh.first_ask_owner_id
            if handler.id == current:
                raise WorkflowError("transfer_to_self", name=handler.name)
            name, other = "", ""
        elif not (name and other):
            raise WorkflowError("handler_required")
        row = CaseTransfer.create(
            case=fresh,
            handler=handler,
            handler_name=name,
            handler_outlet=other,
            requested_by=actor,
            requested_at=at,
            from_status=fresh.status,
            state=codes.TRANSFER_PENDING,
            note=note,
        )
        updates = {}
        if other and not fresh.other_outlet:
            updates["other_outlet"] = other
        apply_transition(
            fresh,
            "transfer",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_TRANSFER_REQUESTED,
            note=note,
            updates=updates,
            data={
                "transfer": row.id,
                "handler": handler.id if handler else None,
                "handler_name": handler.name if handler else name,
                "handler_outlet": other,
                "accountable": fresh.handler_id or fresh.first_ask_owner_id,
            },
        )
    sync(case, fresh)
    return row


def confirm_contact(
    case: Case,
    actor: Staff,
    *,
    contact_at: dt.datetime,
    method: str,
    at: dt.datetime | None = None,
    note: str = "",
) -> CaseTransfer:
    """Customer and handler are in contact: the transfer becomes formal (Art. 10)."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        target = check_transition(fresh, "confirm_contact")
        row = pending_transfer(fresh)
        if row is None:
            raise WorkflowError("no_pending_transfer")
        checks = Checks()
        checks.known(method, codes.CONTACT_METHODS, "contact method")
        contact_at = checks.moment(contact_at, fresh, "contact_at")
        if not checks.failed("contact_at") and contact_at < row.requested_at:
            checks.refuse("contact_before_transfer")
        note = checks.text(note, "note", required=False)
        checks.done()
        row.state = codes.TRANSFER_FORMAL
        row.contact_at = contact_at
        row.contact_method = method
        row.confirmed_by = actor
        row.ended_at = at
        row.save()
        updates: dict = {}
        handler = row.handler if row.handler_id is not None else None
        if handler is not None:
            updates["handler"] = handler.id
        apply_transition(
            fresh,
            "confirm_contact",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_CONTACT_CONFIRMED,
            note=note,
            updates=updates,
            data={
                "transfer": row.id,
                "handler": row.handler_id,
                "handler_name": handler.name if handler is not None else row.handler_name,
                "handler_outlet": row.handler_outlet,
                "contact_at": contact_at.isoformat(),
                "method": method,
            },
        )
    sync(case, fresh)
    return row


def cancel_transfer(
    case: Case, actor: Staff, *, reason: str, at: dt.datetime | None = None
) -> CaseTransfer:
    """The handler cannot take it: back to where the case was, with a reason."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        row = pending_transfer(fresh)
        if row is None:
            raise WorkflowError("no_pending_transfer")
        target = check_transition(fresh, "cancel_transfer", row.from_status)
        reason = text(reason, "reason")
        _end_transfer(row, at)
        apply_transition(
            fresh,
            "cancel_transfer",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_TRANSFER_CANCELLED,
            note=reason,
            data={"transfer": row.id},
        )
    sync(case, fresh)
    return row


def _end_transfer(row: CaseTransfer, at: dt.datetime) -> None:
    row.state = codes.TRANSFER_CANCELLED
    row.ended_at = at
    row.save()


# --- settle, agree, reply (Art. 10) ------------------------------------------------------------


def settle(case: Case, actor: Staff, settlement: str, *, at: dt.datetime | None = None) -> Case:
    """Settled on the spot (Art. 10), with what was done written down."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        target = check_transition(fresh, "settle")
        settlement = text(settlement, "settlement", max_len=1000)
        apply_transition(
            fresh,
            "settle",
            target,
            actor=actor,
            at=at,
            kind=vocab.EVENT_SETTLED_ON_SPOT,
            note=settlement,
            updates={"settled_at": at, "settlement": settlement, "closed_at": at},
        )
    return sync(case, fresh)


def agree_reply_time(
    case: Case,
    actor: Staff,
    reply_at: dt.datetime,
    *,
    at: dt.datetime | None = None,
    note: str = "",
) -> Case:
    """Agree (or re-agree) a reply time with the customer (Art. 10). Changing an agreed
    time needs a note saying why and that the customer agreed."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        target = check_transition(fresh, "agree_reply_time")
        checks = Checks()
        reply_at = reply_at.replace(microsecond=0)
        if reply_at <= at:
            checks.refuse("not_after", field="reply_at", other="at")
        else:
            checks.in_range(reply_at, "reply_at")
        note = checks.text(note, "note", required=fresh.status == S.STATUS_AWAITING_REPLY)
        checks.done()
        apply_transition(
            fresh,
            "agree_reply_time",
            target,
            actor=actor,
            at=at,
            kind=vocab.EVENT_REPLY_TIME_AGREED,
            note=note,
            data={
                "agreed_reply_at": reply_at.isoformat(),
                "previous": fresh.agreed_reply_at.isoformat() if fresh.agreed_reply_at else None,
            },
            updates={"agreed_reply_at": reply_at},
        )
    return sync(case, fresh)


def _told(content: str, method: str, customer_satisfied: bool | None) -> str:
    """What the customer was told, how, and whether satisfied: all three are the record of
    a reply or a feedback (the cleaned content)."""
    checks = Checks()
    content = checks.text(content, "content")
    checks.known(method, codes.CONTACT_METHODS, "contact method")
    if customer_satisfied is None:
        checks.refuse("text_required", field="satisfied")
    checks.done()
    return content


def reply(
    case: Case,
    actor: Staff,
    *,
    content: str,
    method: str,
    customer_satisfied: bool | None,
    at: dt.datetime | None = None,
) -> Case:
    """The reply given to the customer. If the customer is not satisfied, the case must
    be reported to the head next (Art. 10)."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        target = check_transition(fresh, "reply")
        content = _told(content, method, customer_satisfied)
        updates = (
            {}
            if customer_satisfied
            else {"report_required": True, "report_reason": "unsatisfied_reply"}
        )
        apply_transition(
            fresh,
            "reply",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_REPLIED,
            note=content,
            data={"method": method, "customer_satisfied": bool(customer_satisfied)},
            updates=updates,
        )
    return sync(case, fresh)


# --- reporting duty (Art. 10) ----------------------------------------------------------------


def report(
    case: Case,
    reporter: Staff,
    received_by: Staff,
    *,
    at: dt.datetime | None = None,
    note: str = "",
) -> Case:
    """``reporter`` reports the case to the head; ``received_by`` must be the head or the
    acting head (Art. 8, 10). Clears an owed report. A pending transfer is cancelled: the
    head decides anew.

    When the head (or acting head) is both, nobody reports to anybody: the head takes
    charge of the case, which meets the reporting duty, and the event says so
    (``taken_charge``). :func:`take_charge` is the same, named for what it is."""
    with database.atomic():
        fresh = load(case)
        _report(fresh, reporter, received_by, moment(at, fresh), note)
    return sync(case, fresh)


def take_charge(case: Case, head: Staff, *, at: dt.datetime | None = None, note: str = "") -> Case:
    """The head or acting head takes charge of the case in person (Art. 5, 8): the
    reporting duty of Art. 10 is met by the head, not by a report to himself."""
    return report(case, head, head, at=at, note=note)


def _report(fresh: Case, reporter: Staff, received_by: Staff, at: dt.datetime, note: str) -> None:
    """The report, inside the caller's transaction."""
    reporter = staff_of(fresh, reporter)
    received_by = staff_of(fresh, received_by)
    permissions.require(reporter, Action.REPORT, at)
    target = check_transition(fresh, "report")
    authority = permissions.require(received_by, Action.RECEIVE_REPORT, at)
    note = text(note, "note", required=False)
    data = {
        "reporter": reporter.id,
        "received_by": received_by.id,
        "reason": report_owed(fresh),
        **authority.event_data(),
    }
    if reporter.id == received_by.id:
        data["taken_charge"] = True
    if fresh.status == S.STATUS_TRANSFER_PENDING:
        row = pending_transfer(fresh)
        if row is not None:
            _end_transfer(row, at)
            data["cancelled_transfer"] = row.id
    apply_transition(
        fresh,
        "report",
        target,
        actor=reporter,
        at=at,
        kind=codes.EVENT_REPORTED,
        note=note,
        data=data,
    )


def mark_major(
    case: Case, actor: Staff, reason: str, *, at: dt.datetime | None = None, note: str = ""
) -> Case:
    """A major complaint (CBIRC Art. 29: a group of 20 or more, a disaster or public event)
    must be reported to the head at once (Art. 10)."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        if not fresh.is_open:
            raise WorkflowError("case_closed")
        if fresh.major_reason:
            raise WorkflowError("already_major")
        checks = Checks()
        checks.known(reason, codes.MAJOR_REASONS, "major reason")
        note = checks.text(note, "note", required=False)
        checks.done()
        updates = {"major_reason": reason, **report_required_updates(fresh, "major")}
        record(
            fresh,
            codes.EVENT_MARKED_MAJOR,
            actor=actor,
            at=at,
            note=note,
            data={"reason": reason},
            updates=updates,
        )
    return sync(case, fresh)


# --- escalation (Art. 10-11) -----------------------------------------------------------------


def escalate(
    case: Case,
    actor: Staff,
    level: str,
    district_department: str,
    with_psbc: bool,
    contacted_person: str,
    contacted_at: dt.datetime,
    reported_summary: str,
    outlet_follow_up: str,
    *,
    psbc_department: str = "",
    reported_by: Staff | None = None,
    at: dt.datetime | None = None,
    note: str = "",
) -> Case:
    """Escalate beyond the outlet, level by level (Art. 10). The district branch's
    competent department leads, with PSBC at the same level where needed (Art. 11); the
    outlet still owes the customer the result and tracking (``outlet_follow_up``).

    One transaction, called once at the end of the GUI wizard: a cancelled wizard writes
    nothing. Head or acting head only. The case must have been reported to the head; for a
    case not yet reported, pass ``reported_by`` (who told the head) and the report to
    ``actor`` is recorded first, in the same transaction.
    """
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        if reported_by is not None and fresh.status not in (
            S.STATUS_REPORTED,
            S.STATUS_ESCALATED,
        ):
            _report(fresh, reported_by, actor, at, "")
        target = check_transition(fresh, "escalate")
        authority = permissions.require(actor, Action.ESCALATE, at)
        draft = escalation.EscalationDraft(
            level=level,
            district_department=district_department,
            with_psbc=with_psbc,
            contacted_person=contacted_person,
            contacted_at=contacted_at,
            reported_summary=reported_summary,
            outlet_follow_up=outlet_follow_up,
            psbc_department=psbc_department,
        )
        problems = escalation.escalation_problems(fresh, draft, now())
        if problems:
            raise WorkflowError.of(problems)
        department = text(district_department, "district_department", max_len=MAX_SHORT)
        psbc = text(psbc_department, "psbc_department", required=False, max_len=MAX_SHORT)
        person = text(contacted_person, "contacted_person", max_len=MAX_SHORT)
        contacted_at = moment(contacted_at, fresh, "contacted_at")
        summary = text(reported_summary, "reported_summary")
        follow_up = text(outlet_follow_up, "outlet_follow_up")
        note = text(note, "note", required=False)
        apply_transition(
            fresh,
            "escalate",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_ESCALATED,
            note=note or summary,
            data={
                "level": level,
                "district_department": department,
                "with_psbc": bool(with_psbc),
                "psbc_department": psbc,
                "contacted_person": person,
                "contacted_at": contacted_at.isoformat(),
                "reported_summary": summary,
                "outlet_follow_up": follow_up,
                **authority.event_data(),
            },
        )
    return sync(case, fresh)


def feed_back(
    case: Case,
    actor: Staff,
    *,
    content: str,
    method: str,
    customer_satisfied: bool | None,
    at: dt.datetime | None = None,
) -> Case:
    """The outlet gives the customer the result of an escalated case (Art. 11)."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        target = check_transition(fresh, "feed_back")
        content = _told(content, method, customer_satisfied)
        updates = (
            {}
            if customer_satisfied
            else {"report_required": True, "report_reason": "unsatisfied_feedback"}
        )
        apply_transition(
            fresh,
            "feed_back",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_FED_BACK,
            note=content,
            updates=updates,
            data={"method": method, "customer_satisfied": bool(customer_satisfied)},
        )
    return sync(case, fresh)


def _still_open(case: Case) -> None:
    """A closed case takes no new facts until it is reopened (the screen offers none)."""
    if not case.is_open:
        raise WorkflowError("case_closed")


def add_tracking_note(
    case: Case, actor: Staff, note: str, *, at: dt.datetime | None = None
) -> CaseEvent:
    """Tracking an escalated case (Art. 11) or any other progress worth keeping."""
    with database.atomic():
        fresh = load(case)
        _still_open(fresh)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        note = text(note, "note")
        event = add_event(fresh, codes.EVENT_TRACKING, actor=actor, at=at, note=note)
    return event


# --- facts that stop the internal clocks ----------------------------------------------------


def record_first_contact(
    case: Case, actor: Staff, *, contact_at: dt.datetime, method: str, note: str = ""
) -> Case:
    """When the outlet first reached the customer (internal limit: 2 hours)."""
    with database.atomic():
        fresh = load(case)
        _still_open(fresh)
        actor = staff_of(fresh, actor)
        checks = Checks()
        contact_at = checks.moment(contact_at, fresh, "contact_at")
        checks.known(method, codes.CONTACT_METHODS, "contact method")
        note = checks.text(note, "note", required=False)
        checks.done()
        updates: dict = {}
        if fresh.first_contact_at is None or contact_at < fresh.first_contact_at:
            updates = {"first_contact_at": contact_at, "first_contact_method": method}
        record(
            fresh,
            codes.EVENT_FIRST_CONTACT,
            actor=actor,
            at=contact_at,
            note=note,
            data={"method": method},
            updates=updates,
        )
    return sync(case, fresh)


def record_proposal(
    case: Case, actor: Staff, *, content: str, at: dt.datetime | None = None
) -> Case:
    """A solution proposed to the customer (internal limit: 1 day)."""
    with database.atomic():
        fresh = load(case)
        _still_open(fresh)
        actor = staff_of(fresh, actor)
        checks = Checks()
        at = checks.moment(at, fresh)
        content = checks.text(content, "content")
        checks.done()
        updates = {"proposal_at": at} if fresh.proposal_at is None or at < fresh.proposal_at else {}
        record(fresh, codes.EVENT_PROPOSAL, actor=actor, at=at, note=content, updates=updates)
    return sync(case, fresh)


def set_other_outlet(
    case: Case, actor: Staff, outlet_name: str, *, at: dt.datetime | None = None, note: str = ""
) -> Case:
    """Record another outlet the complaint involves; the same rules apply (Art. 10)."""
    with database.atomic():
        fresh = load(case)
        _still_open(fresh)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        checks = Checks()
        name = checks.text(outlet_name, "other_outlet", max_len=MAX_SHORT)
        note = checks.text(note, "note", required=False)
        checks.done()
        record(
            fresh,
            codes.EVENT_OTHER_OUTLET,
            actor=actor,
            at=at,
            note=note,
            data={"other_outlet": name, "previous": fresh.other_outlet},
            updates={"other_outlet": name},
        )
    return sync(case, fresh)


# --- liability, closing, reopening (Art. 5) ---------------------------------------------------


def close_case(case: Case, actor: Staff, *, at: dt.datetime | None = None, note: str = "") -> Case:
    """Close, by the head, once liability is determined (Art. 5(8)) and nothing is left
    running: no planned callback, review, open pause or unanswered work order."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        target = check_transition(fresh, "close")
        authority = permissions.require(actor, Action.CLOSE, at)
        findings.require_determination(fresh)
        check_nothing_running(fresh)
        note = text(note, "note", required=False)
        apply_transition(
            fresh,
            "close",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_CLOSED,
            note=note,
            data=authority.event_data(),
            updates={"closed_at": at},
        )
    return sync(case, fresh)


def check_nothing_running(case: Case, *, workorders: bool = True) -> None:
    """Refuse while a planned callback, a review, an open pause or (unless merging, which
    moves them) an unanswered work order is still running."""
    if Callback.select().where((Callback.case == case.id) & Callback.done_at.is_null()).exists():
        raise WorkflowError("pending_callback")
    if (
        ReviewRequest.select()
        .where((ReviewRequest.case == case.id) & ReviewRequest.decided_at.is_null())
        .exists()
    ):
        raise WorkflowError("pending_review")
    if (
        ClockPause.select()
        .where((ClockPause.case == case.id) & ClockPause.ended_at.is_null())
        .exists()
    ):
        raise WorkflowError("open_pause")
    if not workorders:
        return
    unreplied = (
        WorkOrder.select()
        .where((WorkOrder.case == case.id) & WorkOrder.replied_at.is_null())
        .first()
    )
    if unreplied is not None:
        raise WorkflowError("workorder_unreplied", number=unreplied.number)


def reopen(case: Case, actor: Staff, *, reason: str, at: dt.datetime | None = None) -> Case:
    """Reopen a closed or settled case, by the head, with a reason. It starts again as
    received; the previous timeline stays."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        target = check_transition(fresh, "reopen")
        authority = permissions.require(actor, Action.REOPEN, at)
        reason = text(reason, "reason")
        apply_transition(
            fresh,
            "reopen",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_REOPENED,
            note=reason,
            data=authority.event_data(),
            updates={"closed_at": None},
        )
    return sync(case, fresh)


# --- hooks used by db/handling/callbacks.py and db/handling/decisions.py ----------------------------------------


def record_callback_transition(
    case: Case,
    actor: Staff,
    at: dt.datetime,
    *,
    result: str,
    callback_id: int,
    method: str,
    notes: str,
    authority: permissions.Authority | None,
) -> None:
    """Inside the callback's transaction: callback done; unsatisfied → report owed."""
    target = check_transition(case, "callback")
    updates = (
        {"report_required": True, "report_reason": "unsatisfied_callback"}
        if result == codes.RESULT_UNSATISFIED
        else {}
    )
    data = {"callback": callback_id, "result": result, "method": method}
    if authority is not None:
        data.update(authority.event_data())
    apply_transition(
        case,
        "callback",
        target,
        actor=actor,
        at=at,
        kind=codes.EVENT_CALLBACK_DONE,
        note=notes,
        data=data,
        updates=updates,
    )


def record_review_request(case: Case, actor: Staff, at: dt.datetime, data: dict, note: str) -> None:
    """Inside the review's transaction: a closed case reopens; a report is owed."""
    updates = report_required_updates(case, "review_requested")
    if case.status == S.STATUS_CLOSED:
        target = check_transition(case, "request_review")
        updates["closed_at"] = None
        apply_transition(
            case,
            "request_review",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_REVIEW_REQUESTED,
            note=note,
            data=data,
            updates=updates,
        )
    else:
        if not case.is_open:
            raise WorkflowError("case_closed")
        record(
            case,
            codes.EVENT_REVIEW_REQUESTED,
            actor=actor,
            at=at,
            note=note,
            data=data,
            updates=updates,
        )


if __name__ == "__main__":  # python -m db.handling.workflow > chart.mmd
    print(state_chart_mermaid(), end="")
