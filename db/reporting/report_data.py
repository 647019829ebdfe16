"""The data behind the printed reports, as plain dataclasses built by named functions.

The PDF and XLSX writers (desktop/reports/) take what these functions return and nothing
else, so the same data serves the incident report, its verification code, the command line
and the tests. Codes travel with their English labels; the writers choose the language.

Customer data is masked by default (a printed report lies on desks and goes up the line):
the name keeps its surname, the phone its first three and last four digits, the ID number
its first three and last four characters. The same masking is applied to the customer's
name, phone and ID number where staff typed them into free text.

The verification code is a SHA-256 over a canonical JSON of the report data. It covers what
the report states; it leaves out the time of generation and the states that only depend on
it ("running" becomes "overdue" as the clock passes, without anyone editing the case), and
it leaves out sections and lists that have no entries, so that a later version adding one
does not change the code of reports whose case has nothing in it. The clocks come from the
one engine that computes them (db/handling/deadlines.py), so a deadline also moves when its rule
setting or the working-day calendar is changed afterwards: the report then no longer
matches what the program holds, and verification says so.

What the workflow keeps in tables of its own is read from them: the clocks with the
decision period's extensions and pauses, the escalations with the feedback and tracking
that followed, the callbacks, and liability (every finding, its reviews and the
penalties, with what each review did with them). Reports to the head, transfers, work
orders and the handling decision with its notices are listed from the timeline; each has
one builder in ``SECTION_BUILDERS``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from peewee import JOIN, fn

from db.handling import deadlines
from db.intake.outlets import outlet_head
from db.intake.queries import case_timeline
from db.management import liability, penalties
from db.store import codes, vocab
from db.store.models import (
    Callback,
    Case,
    CaseEvent,
    ClockExtension,
    ClockPause,
    Liability,
    Outlet,
    Staff,
    WorkOrder,
    now,
)
from db.store.rows import tuples
from db.trust import permissions
from db.trust.masking import CustomerInfo, Masker
from db.trust.policy import Action

REPORT_FORMAT = "incident/2"
"""Bump when the hashed layout changes; verify refuses codes of another format."""

NOT_HASHED = {"hashed": False}
"""Field metadata: shown in the report but not covered by the verification code."""

OMIT_EMPTY = {"omit_empty": True}
"""Field metadata: left out of the verification code while it is empty."""

# --- Event kinds of the handling workflow -------------------------------------------------
# The same codes as db/store/codes.py (the workflow). Repeated here so that reports work with the
# stable foundation alone; English labels come from db.store.codes when it is importable.
EV_REPORTED = "reported"
EV_TRANSFER_REQUESTED = "transfer_requested"
EV_CONTACT_CONFIRMED = "contact_confirmed"
EV_TRANSFER_CANCELLED = "transfer_cancelled"
EV_REPLIED = "replied"
EV_ESCALATED = "escalated"
EV_FED_BACK = "fed_back"
EV_CALLBACK_PLANNED = "callback_planned"
EV_CALLBACK_ATTEMPT = "callback_attempt"
EV_CALLBACK_DONE = "callback_done"
EV_LIABILITY_DETERMINED = "liability_determined"
EV_CLOSED = "closed"
EV_OTHER_OUTLET = "other_outlet_recorded"
EV_MARKED_MAJOR = "marked_major"
EV_FIRST_CONTACT = "first_contact"
EV_PROPOSAL = "proposal_made"
EV_CLOCK_EXTENDED = "clock_extended"
EV_CLOCK_PAUSED = "clock_paused"
EV_CLOCK_RESUMED = "clock_resumed"
EV_DECISION = "decision_made"
EV_NOTICE = "customer_notified"
EV_REVIEW_REQUESTED = "review_requested"
EV_REVIEW_DECIDED = "review_decided"
EV_WORKORDER_LINKED = "workorder_linked"

# An agreed reply time is met by the first of these events (Art. 10: reply by the agreed
# time): a reply, feedback, a closing or a settlement, or a status change into one of the
# statuses that only follow a reply.
REPLY_EVENT_KINDS = (
    EV_REPLIED,
    EV_FED_BACK,
    EV_CLOSED,
    EV_DECISION,
    vocab.EVENT_SETTLED_ON_SPOT,
)
REPLY_STATUSES = (
    vocab.STATUS_REPLIED,
    vocab.STATUS_FED_BACK,
    vocab.STATUS_CALLBACK_DONE,
    vocab.STATUS_LIABILITY_DETERMINED,
    vocab.STATUS_CLOSED,
    vocab.STATUS_SETTLED_ON_SPOT,
)

# Deadline kinds (the clocks of db/handling/deadlines.py, in report order) and their states.
DEADLINE_AGREED_REPLY = deadlines.CLOCK_AGREED_REPLY
DEADLINE_KINDS: dict[str, str] = {
    name: deadlines.CLOCK_NAMES[name]
    for name in (
        deadlines.CLOCK_AGREED_REPLY,
        deadlines.CLOCK_FIRST_CONTACT,
        deadlines.CLOCK_PROPOSAL,
        deadlines.CLOCK_DECISION,
        deadlines.CLOCK_REVIEW,
        deadlines.CLOCK_WORKORDER_REPLY,
        deadlines.CLOCK_CALLBACK,
    )
}

STATE_MET = "met"
STATE_LATE = "late"
STATE_OVERDUE = "overdue"
STATE_RUNNING = "running"
STATE_PAUSED = "paused"
DEADLINE_STATES: dict[str, str] = {
    STATE_MET: "Met",
    STATE_LATE: "Missed: done after the deadline",
    STATE_OVERDUE: "Missed: still open past the deadline",
    STATE_RUNNING: "Running",
    STATE_PAUSED: "Paused: the clock is not counting",
}

# Report sections derived from the timeline, in report order.
SECTION_TRANSFERS = "transfers"
SECTION_ESCALATIONS = "escalations"
SECTION_WORK_ORDERS = "work_orders"
SECTION_DECISION = "decision"
SECTION_CALLBACKS = "callbacks"
SECTION_LIABILITY = "liability"
SECTIONS: dict[str, str] = {
    SECTION_TRANSFERS: "First-ask owner and transfers",
    SECTION_ESCALATIONS: "Reports and escalations",
    SECTION_WORK_ORDERS: "Superior work orders",
    SECTION_DECISION: "Handling decision and notices",
    SECTION_CALLBACKS: "Callbacks",
    SECTION_LIABILITY: "Liability determination and penalty",
}
# The events each section lists. Escalations (with what followed them), callbacks and
# liability come from their own tables (IncidentData.escalations, .callbacks, .findings,
# .liability_reviews, .penalties); so do the decision clock's pauses and extensions.
_SECTION_EVENTS: dict[str, tuple[str, ...]] = {
    SECTION_TRANSFERS: (EV_TRANSFER_REQUESTED, EV_CONTACT_CONFIRMED, EV_TRANSFER_CANCELLED),
    SECTION_ESCALATIONS: (EV_REPORTED, EV_MARKED_MAJOR, EV_OTHER_OUTLET),
    SECTION_WORK_ORDERS: (EV_WORKORDER_LINKED,),
    SECTION_DECISION: (
        EV_FIRST_CONTACT,
        EV_PROPOSAL,
        EV_REPLIED,
        EV_DECISION,
        EV_NOTICE,
        EV_REVIEW_REQUESTED,
        EV_REVIEW_DECIDED,
    ),
    SECTION_CALLBACKS: (),
    SECTION_LIABILITY: (),
}
# What follows an escalation as its result (Art. 11: the outlet tells the customer the
# result and keeps tracking).
_ESCALATION_RESULT_EVENTS = (EV_FED_BACK, codes.EVENT_TRACKING)


def _event_labels() -> dict[str, str]:
    labels = dict(vocab.EVENT_KINDS)
    try:
        from db.store import codes  # the workflow's vocabulary, once it is there
    except ImportError:
        return labels
    labels.update(getattr(codes, "EVENT_KINDS", {}))
    return labels


# --- The data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Coded:
    """A stored code with its English label; the writers translate the code."""

    code: str
    # Presentation only: rewording a label must not invalidate printed reports.
    label: str = field(metadata=NOT_HASHED)


def coded(vocabulary: dict[str, str], code: str) -> Coded:
    return Coded(code, vocab.label(vocabulary, code))


@dataclass(frozen=True)
class OutletInfo:
    name: str
    code: str
    district_branch: str


@dataclass(frozen=True)
class PersonRef:
    name: str
    employee_no: str
    role: Coded


@dataclass(frozen=True)
class TimelineItem:
    seq: int
    at: dt.datetime
    actor: str
    kind: Coded
    from_status: Coded | None
    to_status: Coded | None
    note: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Deadline:
    """One clock of the case (db/handling/deadlines.py): when it started, its deadline (None while
    a pause holds it), when it was met, and its limit (``unit``: deadlines.UNIT_*)."""

    kind: Coded
    started_at: dt.datetime
    due_at: dt.datetime | None
    done_at: dt.datetime | None
    unit: str = deadlines.UNIT_FIXED
    limit: str = ""
    # Which work order (its number) or callback (who calls) the clock is of.
    ref: str = ""
    # Depends on the generation time while the case is open, so it is not hashed.
    state: str = field(default=STATE_RUNNING, metadata=NOT_HASHED)


@dataclass(frozen=True)
class Extension:
    """An extension of the decision period (CBIRC Order 2020 No. 3, Art. 18)."""

    step: int
    at: dt.datetime
    recorded_by: str
    reason: str
    approved_by: str
    approval_ref: str
    approved_at: dt.datetime | None


@dataclass(frozen=True)
class Pause:
    """Time excluded from the decision and review clocks (Art. 18, 23)."""

    kind: Coded
    started_at: dt.datetime
    ended_at: dt.datetime | None
    recorded_by: str
    reason: str


@dataclass(frozen=True)
class EscalationResult:
    """What followed an escalation: feedback of the result to the customer, or tracking."""

    at: dt.datetime
    actor: str
    kind: Coded
    method: Coded | None
    satisfied: bool | None
    text: str


@dataclass(frozen=True)
class Escalation:
    """One escalation as the wizard sent it up (Art. 10-11), with what followed it."""

    at: dt.datetime
    actor: str
    level: Coded
    district_department: str
    with_psbc: bool
    psbc_department: str
    contacted_person: str
    contacted_at: dt.datetime | None
    summary: str
    follow_up: str
    as_acting_head: bool
    results: tuple[EscalationResult, ...] = ()


@dataclass(frozen=True)
class CallbackItem:
    """A planned callback and, once made, how it went (Art. 5(7))."""

    planned_at: dt.datetime
    planned_by: str
    assigned_to: str
    due_at: dt.datetime
    plan_note: str
    done_at: dt.datetime | None
    done_by: str
    method: Coded | None
    reached: bool | None
    result: Coded | None
    notes: str
    work_order: str


@dataclass(frozen=True)
class ResponsibleShare:
    name: str
    employee_no: str
    share: str  # percent, two decimals


@dataclass(frozen=True)
class Evidence:
    name: str
    sha256: str
    size: int
    added_at: dt.datetime
    added_by: str


@dataclass(frozen=True)
class FindingItem:
    """One liability determination (Art. 5(8)); ``no`` counts them from 1, oldest first,
    and the last one is current."""

    no: int
    liable: bool
    determined_at: dt.datetime
    determined_by: str
    as_acting_head: bool
    responsible: tuple[ResponsibleShare, ...]
    basis: str
    cause: Coded
    reasons: str
    evidence: tuple[Evidence, ...]
    current: bool
    # The review (its ``no``) that wrote this finding, if one did.
    from_review: int | None


@dataclass(frozen=True)
class FindingChangeItem:
    """One field a review changed. ``before``/``after``: "liable"/"not_liable" for
    ``liable``, a vocab.CAUSES code for ``cause``, "name share %" joined by "、" for
    ``responsible``, text otherwise."""

    field: Coded
    before: str
    after: str


@dataclass(frozen=True)
class LiabilityReviewItem:
    no: int
    reviewed_at: dt.datetime
    reviewed_by: str
    as_acting_head: bool
    outcome: Coded
    reason: str
    reviewed_finding: int  # FindingItem.no
    result_finding: int | None
    changes: tuple[FindingChangeItem, ...]


@dataclass(frozen=True)
class PenaltyItem:
    """A penalty (Art. 5(8)) under a finding, and where it stands now."""

    finding: int  # FindingItem.no
    staff_name: str
    employee_no: str
    points: int
    amount: str  # yuan, two decimals
    measures: tuple[Coded, ...]
    as_proposed: bool
    proposed_points: int
    proposed_amount: str
    proposed_measures: tuple[Coded, ...]
    reason: str
    applied_at: dt.datetime
    applied_by: str
    state: Coded  # codes.PENALTY_STATES
    # The review (LiabilityReviewItem.no) that carried it over or withdrew it, its note,
    # and the finding it was carried over from.
    review: int | None
    review_note: str
    carried_from_finding: int | None


@dataclass(frozen=True)
class SectionEntry:
    at: dt.datetime
    actor: str
    kind: Coded
    note: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str = field(metadata=NOT_HASHED)
    entries: tuple[SectionEntry, ...] = ()
    # Where the entries come from: "events" now, a table name once the workflow keeps one.
    source: str = field(default="events", metadata=NOT_HASHED)


@dataclass(frozen=True)
class IncidentData:
    """Everything the incident report (投诉事件报告) states about one case."""

    format: str
    outlet: OutletInfo
    case_no: str
    received_at: dt.datetime
    route: Coded
    channel: Coded
    business_type: Coded
    cause: Coded
    severity: Coded
    urgent_triggers: tuple[Coded, ...]
    status: Coded
    is_open: bool
    customer: CustomerInfo
    remedy_requested: str
    description: str
    settlement: str
    settled_at: dt.datetime | None
    closed_at: dt.datetime | None
    first_ask_owner: PersonRef
    handler: PersonRef | None
    head: PersonRef | None
    deadlines: tuple[Deadline, ...]
    sections: tuple[Section, ...]
    timeline: tuple[TimelineItem, ...]
    generated_at: dt.datetime = field(metadata=NOT_HASHED)
    extensions: tuple[Extension, ...] = field(default=(), metadata=OMIT_EMPTY)
    pauses: tuple[Pause, ...] = field(default=(), metadata=OMIT_EMPTY)
    escalations: tuple[Escalation, ...] = field(default=(), metadata=OMIT_EMPTY)
    callbacks: tuple[CallbackItem, ...] = field(default=(), metadata=OMIT_EMPTY)
    findings: tuple[FindingItem, ...] = field(default=(), metadata=OMIT_EMPTY)
    liability_reviews: tuple[LiabilityReviewItem, ...] = field(default=(), metadata=OMIT_EMPTY)
    penalties: tuple[PenaltyItem, ...] = field(default=(), metadata=OMIT_EMPTY)

    @property
    def revealed(self) -> bool:
        return not self.customer.masked

    @property
    def agreed_reply_at(self) -> dt.datetime | None:
        return next(
            (d.due_at for d in self.deadlines if d.kind.code == DEADLINE_AGREED_REPLY), None
        )

    def finding(self, no: int | None) -> FindingItem | None:
        return next((f for f in self.findings if f.no == no), None)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


class CaseNotFound(LookupError):
    pass


# --- Building the incident report ---------------------------------------------------------


def _person(staff: Staff | None) -> PersonRef | None:
    if staff is None:
        return None
    return PersonRef(staff.name, staff.employee_no, coded(vocab.ROLES, staff.role))


def _status(code: str | None) -> Coded | None:
    return coded(vocab.STATUSES, code) if code else None


def deadline_state(
    due_at: dt.datetime, done_at: dt.datetime | None, *, is_open: bool, at: dt.datetime
) -> str:
    """Met or missed when done; overdue or running while not done (as of ``at``)."""
    if done_at is not None:
        return STATE_MET if done_at <= due_at else STATE_LATE
    if not is_open:
        # Closed without a recorded reply: judged by the time it was closed, if any.
        return STATE_MET
    return STATE_OVERDUE if at > due_at else STATE_RUNNING


_CLOCK_ORDER = {name: i for i, name in enumerate(DEADLINE_KINDS)}


def _clock_state(clock: deadlines.Clock) -> str:
    if clock.state == deadlines.STATE_PAUSED:
        return STATE_PAUSED
    if clock.state == deadlines.STATE_MISSED:
        return STATE_LATE if clock.stopped_at is not None else STATE_OVERDUE
    return STATE_MET if clock.state == deadlines.STATE_MET else STATE_RUNNING


def _deadlines(case: Case, at: dt.datetime, assignees: dict[int, str]) -> list[Deadline]:
    """Every clock of the case, as the case view shows them, in report order;
    ``assignees``: who makes each callback, by callback id."""
    result = []
    for clock in deadlines.case_clocks(case, at):
        ref = ""
        if clock.name == deadlines.CLOCK_WORKORDER_REPLY:
            ref = str(clock.detail.get("number", ""))
        elif clock.name == deadlines.CLOCK_CALLBACK:
            ref = assignees.get(clock.ref, "") if clock.ref is not None else ""
        result.append(
            Deadline(
                kind=coded(DEADLINE_KINDS, clock.name),
                started_at=clock.started_at,
                due_at=clock.deadline,
                done_at=clock.stopped_at,
                unit=clock.unit,
                limit=f"{clock.limit:g}" if clock.limit is not None else "",
                ref=ref,
                state=_clock_state(clock),
            )
        )
    result.sort(key=lambda d: (_CLOCK_ORDER.get(d.kind.code, len(_CLOCK_ORDER)), d.started_at))
    return result


def _extensions(case: Case, masker: Masker) -> list[Extension]:
    rows = (
        ClockExtension.select(ClockExtension, Staff.name)
        .join(Staff, on=(ClockExtension.recorded_by == Staff.id))
        .where(ClockExtension.case == case.id)
        .order_by(ClockExtension.step, ClockExtension.id)
    )
    return [
        Extension(
            e.step,
            e.at,
            e.recorded_by.name,
            masker.text(e.reason),
            e.approved_by,
            e.approval_ref,
            e.approved_at,
        )
        for e in rows
    ]


def _pauses(case: Case, masker: Masker) -> list[Pause]:
    rows = (
        ClockPause.select(ClockPause, Staff.name)
        .join(Staff, on=(ClockPause.recorded_by == Staff.id))
        .where(ClockPause.case == case.id)
        .order_by(ClockPause.started_at, ClockPause.id)
    )
    return [
        Pause(
            coded(codes.PAUSE_KINDS, p.kind),
            p.started_at,
            p.ended_at,
            p.recorded_by.name,
            masker.text(p.reason),
        )
        for p in rows
    ]


def _moment(value: object) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _escalations(timeline: list[TimelineItem], masker: Masker) -> list[Escalation]:
    """Every escalation, oldest first, each with the feedback and tracking that followed
    it until the next one."""
    steps: list[Escalation] = []
    results: list[list[EscalationResult]] = []
    for item in timeline:
        data = item.data
        if item.kind.code == EV_ESCALATED:
            steps.append(
                Escalation(
                    at=item.at,
                    actor=item.actor,
                    level=coded(codes.ESCALATION_LEVELS, str(data.get("level", ""))),
                    district_department=str(data.get("district_department", "")),
                    with_psbc=bool(data.get("with_psbc")),
                    psbc_department=str(data.get("psbc_department", "")),
                    contacted_person=str(data.get("contacted_person", "")),
                    contacted_at=_moment(data.get("contacted_at")),
                    summary=masker.text(str(data.get("reported_summary", ""))) or item.note,
                    follow_up=masker.text(str(data.get("outlet_follow_up", ""))),
                    as_acting_head=bool(data.get("as_acting_head") or data.get("acting_head")),
                )
            )
            results.append([])
        elif steps and item.kind.code in _ESCALATION_RESULT_EVENTS:
            method = data.get("method")
            satisfied = data.get("customer_satisfied")
            results[-1].append(
                EscalationResult(
                    at=item.at,
                    actor=item.actor,
                    kind=item.kind,
                    method=coded(codes.CONTACT_METHODS, str(method)) if method else None,
                    satisfied=bool(satisfied) if satisfied is not None else None,
                    text=item.note,
                )
            )
    return [dataclasses.replace(s, results=tuple(r)) for s, r in zip(steps, results, strict=True)]


def _callbacks(case: Case, masker: Masker) -> dict[int, CallbackItem]:
    """The case's callbacks by id, in the order planned."""
    Planner = Staff.alias("planner")
    Assignee = Staff.alias("assignee")
    Caller = Staff.alias("caller")
    # Any: each row also carries the joined planner, assignee, caller and work order.
    rows: Any = (
        Callback.select(Callback, Planner.name, Assignee.name, Caller.name, WorkOrder.number)
        .join(Planner, on=(Callback.planned_by == Planner.id), attr="planner")
        .switch(Callback)
        .join(Assignee, on=(Callback.assigned_to == Assignee.id), attr="assignee")
        .switch(Callback)
        .join(Caller, JOIN.LEFT_OUTER, on=(Callback.done_by == Caller.id), attr="caller")
        .switch(Callback)
        .join(WorkOrder, JOIN.LEFT_OUTER, on=(Callback.work_order == WorkOrder.id), attr="wo")
        .where(Callback.case == case.id)
        .order_by(Callback.planned_at, Callback.id)
    )
    return {
        c.id: CallbackItem(
            planned_at=c.planned_at,
            planned_by=c.planner.name,
            assigned_to=c.assignee.name,
            due_at=c.due_at,
            plan_note=masker.text(c.plan_note),
            done_at=c.done_at,
            done_by=c.caller.name if c.done_by_id else "",
            method=coded(codes.CALLBACK_METHODS, c.method) if c.method else None,
            reached=c.reached,
            result=coded(codes.CALLBACK_RESULTS, c.result) if c.result else None,
            notes=masker.text(c.notes),
            work_order=c.wo.number if c.work_order_id else "",
        )
        for c in rows
    }


def _people_text(people: liability.People) -> str:
    return "、".join(f"{name} {share} %" for name, share in people)


def _change_text(change: liability.FindingChange, which: str, masker: Masker) -> str:
    value = getattr(change, which)
    if change.field == liability.CHANGE_LIABLE:
        return "liable" if value else "not_liable"
    if change.field == liability.CHANGE_RESPONSIBLE:
        return _people_text(value)
    return masker.text(str(value))


def _liability(
    case: Case, masker: Masker
) -> tuple[list[FindingItem], list[LiabilityReviewItem], list[PenaltyItem]]:
    """Every finding, oldest first, its reviews with what each changed, and every penalty
    with where it stands."""
    if not Liability.select(Liability.id).where(Liability.case == case.id).exists():
        return [], [], []  # most cases: one query instead of the seven below
    views = liability.findings(case)
    finding_no = {v.id: i for i, v in enumerate(views, start=1)}
    reviews = liability.reviews_of(case)
    review_no = {r.id: i for i, r in enumerate(reviews, start=1)}
    findings = [
        FindingItem(
            no=finding_no[v.id],
            liable=v.liable,
            determined_at=v.determined_at,
            determined_by=v.determined_by,
            as_acting_head=v.as_acting_head,
            responsible=tuple(
                ResponsibleShare(p.name, p.employee_no, str(p.share)) for p in v.responsible
            ),
            basis=masker.text(v.basis),
            cause=coded(vocab.CAUSES, v.cause or case.cause),
            reasons=masker.text(v.reasons),
            evidence=tuple(
                Evidence(a.original_name, a.sha256, a.size, a.added_at, a.added_by.name)
                for a in v.attachments
            ),
            current=v.current,
            from_review=review_no.get(v.from_review) if v.from_review else None,
        )
        for v in views
    ]
    review_items = []
    for r in reviews:
        result = r.result if r.result_id else None
        changes = liability.changes_between(r.liability, result) if result is not None else []
        review_items.append(
            LiabilityReviewItem(
                no=review_no[r.id],
                reviewed_at=r.reviewed_at,
                reviewed_by=r.reviewed_by.name,
                as_acting_head=r.authority == permissions.CAPACITY_ACTING,
                outcome=coded(codes.LIABILITY_REVIEW_OUTCOMES, r.outcome),
                reason=masker.text(r.reason),
                reviewed_finding=finding_no[r.liability_id],
                result_finding=finding_no.get(r.result_id) if r.result_id else None,
                changes=tuple(
                    FindingChangeItem(
                        coded(liability.CHANGE_FIELDS, c.field),
                        _change_text(c, "before", masker),
                        _change_text(c, "after", masker),
                    )
                    for c in changes
                ),
            )
        )
    views_by_id = {p.id: p for p in penalties.penalties_of_case(case)}
    penalty_items = [
        PenaltyItem(
            finding=finding_no[p.liability_id],
            staff_name=p.staff_name,
            employee_no=p.employee_no,
            points=p.points,
            amount=str(p.amount),
            measures=tuple(coded(codes.PENALTY_MEASURES, m) for m in p.measures),
            as_proposed=p.as_proposed,
            proposed_points=p.proposed_points,
            proposed_amount=str(p.proposed_amount),
            proposed_measures=tuple(coded(codes.PENALTY_MEASURES, m) for m in p.proposed_measures),
            reason=masker.text(p.reason),
            applied_at=p.applied_at,
            applied_by=p.applied_by,
            state=coded(codes.PENALTY_STATES, p.state),
            review=review_no.get(p.review_id) if p.review_id else None,
            review_note=masker.text(p.review_note),
            carried_from_finding=(
                finding_no[views_by_id[p.carried_from].liability_id] if p.carried_from else None
            ),
        )
        for p in views_by_id.values()
    ]
    return findings, review_items, penalty_items


SectionBuilder = Callable[[Case, list[TimelineItem]], list[SectionEntry]]


def _from_events(key: str) -> SectionBuilder:
    kinds = _SECTION_EVENTS[key]

    def build(case: Case, timeline: list[TimelineItem]) -> list[SectionEntry]:
        return [
            SectionEntry(item.at, item.actor, item.kind, item.note)
            for item in timeline
            if item.kind.code in kinds
        ]

    return build


SECTION_BUILDERS: dict[str, SectionBuilder] = {key: _from_events(key) for key in SECTIONS}
"""One builder per section, in report order. Replace one to read a workflow table."""


def incident_report_data(
    case_id: int,
    *,
    reveal: bool = False,
    at: dt.datetime | None = None,
    actor: Staff | None = None,
) -> IncidentData:
    """The incident report's data for a case; customer data masked unless ``reveal``.

    ``at`` is the generation time (default: now); it decides only whether a running
    deadline is already overdue. An unmasked report for ``actor`` (the logged-in user)
    needs ``reveal_customer_data`` (WorkflowError ``not_permitted``); a masked one may be
    previewed and printed by anyone. Without ``actor`` (no accounts) nothing is checked.
    """
    if reveal and actor is not None:
        permissions.require(actor, Action.REVEAL_CUSTOMER_DATA, now())
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    at = at or now()
    masker = Masker(case.customer_name, case.customer_phone, case.customer_id_no, reveal=reveal)
    event_labels = _event_labels()
    timeline = [
        TimelineItem(
            seq=i,
            at=entry.at,
            actor=entry.actor_name,
            kind=coded(event_labels, entry.kind),
            from_status=_status(entry.from_status),
            to_status=_status(entry.to_status),
            note=masker.text(entry.note),
            data=entry.data,
        )
        for i, entry in enumerate(case_timeline(case.id), start=1)
    ]
    outlet: Outlet = case.outlet
    sections = tuple(
        Section(key, SECTIONS[key], tuple(build(case, timeline)))
        for key, build in SECTION_BUILDERS.items()
    )
    findings, reviews, penalty_items = _liability(case, masker)
    callbacks = _callbacks(case, masker)
    assignees = {cb_id: item.assigned_to for cb_id, item in callbacks.items()}
    triggers = tuple(coded(vocab.URGENT_TRIGGERS, t) for t in case.urgent_triggers.split(",") if t)
    return IncidentData(
        format=REPORT_FORMAT,
        outlet=OutletInfo(outlet.name, outlet.code, outlet.district_branch),
        case_no=case.case_no,
        received_at=case.received_at,
        route=coded(vocab.ROUTES, case.route),
        channel=coded(vocab.CHANNELS, case.channel),
        business_type=coded(vocab.BUSINESS_TYPES, case.business_type),
        cause=coded(vocab.CAUSES, case.cause),
        severity=coded(vocab.SEVERITIES, case.severity),
        urgent_triggers=triggers,
        status=coded(vocab.STATUSES, case.status),
        is_open=bool(case.is_open),
        customer=masker.customer(case.customer_name, case.customer_phone, case.customer_id_no),
        remedy_requested=masker.text(case.remedy_requested),
        description=masker.text(case.description),
        settlement=masker.text(case.settlement),
        settled_at=case.settled_at,
        closed_at=case.closed_at,
        first_ask_owner=_person(case.first_ask_owner),  # type: ignore[arg-type]
        handler=_person(case.handler),
        head=_person(outlet_head(outlet)),
        deadlines=tuple(_deadlines(case, at, assignees)),
        sections=sections,
        timeline=tuple(timeline),
        generated_at=at.replace(microsecond=0),
        extensions=tuple(_extensions(case, masker)),
        pauses=tuple(_pauses(case, masker)),
        escalations=tuple(_escalations(timeline, masker)),
        callbacks=tuple(callbacks.values()),
        findings=tuple(findings),
        liability_reviews=tuple(reviews),
        penalties=tuple(penalty_items),
    )


def incident_report_data_by_number(
    case_no: str,
    *,
    reveal: bool = False,
    at: dt.datetime | None = None,
    actor: Staff | None = None,
) -> IncidentData:
    case_id = Case.select(Case.id).where(Case.case_no == case_no).scalar()
    if case_id is None:
        raise CaseNotFound(f"no case numbered {case_no}")
    return incident_report_data(case_id, reveal=reveal, at=at, actor=actor)


# --- Verification code --------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """JSON-ready form of the report data: hashed fields only, no empty sections."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            if f.metadata.get("hashed", True) is False:
                continue
            item = getattr(value, f.name)
            if f.metadata.get("omit_empty") and not item:
                continue
            out[f.name] = _plain(item)
        if isinstance(value, IncidentData):
            out["sections"] = [s for s in out["sections"] if s["entries"]]
        return out
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def canonical_json(data: IncidentData) -> bytes:
    """The bytes the verification code is computed over (stable key order, UTF-8)."""
    return json.dumps(
        _plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def verification_code(data: IncidentData) -> str:
    """SHA-256 (hex) of the report data, leaving out the generation time."""
    return hashlib.sha256(canonical_json(data)).hexdigest()


# --- The complaint ledger (投诉台账) ---------------------------------------------------------


class LedgerRow(NamedTuple):
    """One case in the ledger; codes stay codes, the writer translates them."""

    no: int
    case_no: str
    received_at: dt.datetime
    route: str
    channel: str
    business_type: str
    cause: str
    severity: str
    urgent_triggers: tuple[str, ...]
    customer_name: str
    customer_phone: str
    remedy_requested: str
    description: str
    owner_name: str
    handler_name: str
    status: str
    agreed_reply_at: dt.datetime | None
    closed_at: dt.datetime | None
    # None when no reply time was agreed (settled on the spot).
    overdue: bool | None


def period_bounds(
    *,
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[dt.datetime, dt.datetime]:
    """[from, to) datetimes for a calendar year or for the days ``start`` to ``end``."""
    if year is not None:
        return dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
    if start is None or end is None:
        raise ValueError("give a year, or both start and end")
    if end < start:
        raise ValueError("the period ends before it starts")
    return dt.datetime.combine(start, dt.time()), dt.datetime.combine(
        end + dt.timedelta(days=1), dt.time()
    )


def _in_period(lo: dt.datetime, hi: dt.datetime, outlet: Outlet | None):
    cond = (Case.received_at >= lo) & (Case.received_at < hi)
    if outlet is not None:
        cond &= Case.outlet == outlet
    return cond


def ledger_count(
    *,
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    outlet: Outlet | None = None,
) -> int:
    lo, hi = period_bounds(year=year, start=start, end=end)
    return Case.select(fn.COUNT(Case.id)).where(_in_period(lo, hi, outlet)).scalar() or 0


def ledger_rows(
    *,
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    outlet: Outlet | None = None,
    reveal: bool = False,
    at: dt.datetime | None = None,
    batch_size: int = 2000,
    actor: Staff | None = None,
) -> Iterator[LedgerRow]:
    """Every case received in the period, oldest first, filtered and sorted in SQL.

    Read in batches of ``batch_size`` by keyset on (received_at, id), so a year of 100,000
    cases streams in constant memory and no read transaction stays open across batches.
    The first reply time comes from a correlated subquery on the (case, at) index.

    The ledger leaves the program, so for ``actor`` (the logged-in user) the permission
    matrix is checked here, when this is called and not when the first row is read, so a
    refused export has written nothing: ``export``, and ``reveal_customer_data`` when
    unmasked (WorkflowError ``not_permitted``). Without ``actor`` nothing is checked.
    """
    permissions.require_export(actor, reveal=reveal)
    lo, hi = period_bounds(year=year, start=start, end=end)
    return _ledger_rows(lo, hi, outlet, reveal, at or now(), batch_size)


def _ledger_rows(
    lo: dt.datetime,
    hi: dt.datetime,
    outlet: Outlet | None,
    reveal: bool,
    at: dt.datetime,
    batch_size: int,
) -> Iterator[LedgerRow]:
    Owner = Staff.alias("owner")
    Handler = Staff.alias("handler")
    first_reply = (
        CaseEvent.select(fn.MIN(CaseEvent.at))
        .where(
            (CaseEvent.case == Case.id)
            & (CaseEvent.kind.in_(REPLY_EVENT_KINDS) | CaseEvent.to_status.in_(REPLY_STATUSES))
        )
        .alias("first_reply")
    )
    base = (
        Case.select(
            Case.id,
            Case.case_no,
            Case.received_at,
            Case.route,
            Case.channel,
            Case.business_type,
            Case.cause,
            Case.severity,
            Case.urgent_triggers,
            Case.customer_name,
            Case.customer_phone,
            Case.customer_id_no,
            Case.remedy_requested,
            Case.description,
            Owner.name,
            Handler.name,
            Case.status,
            Case.is_open,
            Case.agreed_reply_at,
            Case.closed_at,
            first_reply,
        )
        .join(Owner, on=(Case.first_ask_owner == Owner.id))
        .switch(Case)
        .join(Handler, JOIN.LEFT_OUTER, on=(Case.handler == Handler.id))
        .where(_in_period(lo, hi, outlet))
        .order_by(Case.received_at, Case.id)
        .limit(batch_size)
    )
    no = 0
    after: tuple[dt.datetime, int] | None = None
    while True:
        query = base
        if after is not None:
            query = query.where(
                (Case.received_at > after[0])
                | ((Case.received_at == after[0]) & (Case.id > after[1]))
            )
        batch = cast(list[tuple[Any, ...]], list(tuples(query)))
        for r in batch:
            no += 1
            triggers = tuple(t for t in r[8].split(",") if t)
            yield ledger_row(no, (*r[1:8], triggers, *r[9:20], _as_datetime(r[20])),
                             reveal=reveal, at=at)  # fmt: skip
        if len(batch) < batch_size:
            return
        after = (batch[-1][2], batch[-1][0])


def ledger_row(no: int, values: tuple, *, reveal: bool, at: dt.datetime) -> LedgerRow:
    """The ledger row of one case from its stored values, in this order: case number,
    received, route, channel, business type, cause, severity, urgent triggers (a tuple of
    codes), the customer's name, phone and ID number, remedy requested, description, first-ask
    owner's and handler's names, status, open or not, agreed reply time, closed, first reply.

    Customer data is masked unless ``reveal``; overdue is the agreed reply time against the
    first reply (or, closed without one, the closing) as of ``at``. The district's ledger
    across outlets (db/district/ledger.py) builds its rows here too."""
    (
        case_no, received_at, route, channel, business, cause, severity, triggers, name, phone,
        id_no, remedy, description, owner, handler, status, is_open, agreed, closed_at,
        replied_at,
    ) = values  # fmt: skip
    masker = Masker(name, phone, id_no, reveal=reveal)
    customer = masker.customer(name, phone, id_no)
    overdue = None
    if agreed is not None:
        if replied_at is None and not is_open:
            replied_at = closed_at
        state = deadline_state(agreed, replied_at, is_open=bool(is_open), at=at)
        overdue = state in (STATE_LATE, STATE_OVERDUE)
    return LedgerRow(
        no=no,
        case_no=case_no,
        received_at=received_at,
        route=route,
        channel=channel,
        business_type=business,
        cause=cause,
        severity=severity,
        urgent_triggers=triggers,
        customer_name=customer.name,
        customer_phone=customer.phone,
        remedy_requested=masker.text(remedy),
        description=masker.text(description),
        owner_name=owner or "",
        handler_name=handler or "",
        status=status,
        agreed_reply_at=agreed,
        closed_at=closed_at,
        overdue=overdue,
    )


def _as_datetime(value: Any) -> dt.datetime | None:
    """A subquery's MIN() comes back as text from SQLite; peewee converts only columns."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
