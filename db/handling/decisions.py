"""The handling decision, the proof of notice, the review, and the decision clock's pauses
and extensions (CBIRC Order 2020 No. 3, Art. 18-21, 23).

- Art. 18: the decision is due 15 days after receipt; a complex case may be extended to
  30 days with a reason and the customer told; an especially complex one by 30 more with a
  higher office's approval, the customer told again. Time for outside appraisal (Art. 18)
  and mediation (Art. 23) does not count: those are recorded as pauses with start and end.
- Art. 19: the decision states the findings, the basis and reasons, and the remedies open
  to the customer (review, mediation, arbitration, lawsuit). All are required.
- Art. 20: the customer may ask for a review within 30 days; the review is decided within
  30 days, on its own clock.
- Art. 21: each notice is kept with its method and time, as proof.

The clocks themselves are computed in db/handling/deadlines.py; these functions record the facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db.errors import Refusals, WorkflowError
from db.handling import deadlines, rules, workcalendar, workflow
from db.handling.actions import Checks, load, moment, record, staff_of, sync, text
from db.intake.cases import add_event
from db.store import codes
from db.store.models import (
    Case,
    ClockExtension,
    ClockPause,
    CustomerNotice,
    HandlingDecision,
    ReviewRequest,
    Staff,
    database,
)
from db.trust import permissions
from db.trust.policy import Action

MAX_SHORT = 100


def _no_report_owed(case: Case, action: str) -> None:
    reason = workflow.report_owed(case)
    if reason is not None:
        raise WorkflowError(
            "must_report_first", reason=codes.REPORT_REASONS.get(reason, reason), action=action
        )


def _open(case: Case) -> None:
    if not case.is_open:
        raise WorkflowError("case_closed")


# --- the handling decision and its notices (Art. 19, 21) ---------------------------------------


def latest_decision(case: Case) -> HandlingDecision | None:
    return (
        HandlingDecision.select()
        .where(HandlingDecision.case == case.id)
        .order_by(HandlingDecision.decided_at.desc(), HandlingDecision.id.desc())
        .first()
    )


@dataclass(frozen=True)
class NoticeDraft:
    """A notice to the customer as a form collects it (Art. 21); checked by db/."""

    kind: str
    method: str
    at: dt.datetime
    proof: str


def record_decision(
    case: Case,
    actor: Staff,
    *,
    findings: str,
    basis: str,
    remedies: Sequence[str],
    remedies_note: str = "",
    at: dt.datetime | None = None,
    notice: NoticeDraft | None = None,
) -> HandlingDecision:
    """The head's handling decision. Findings, basis and reasons, and every remedy open to
    the customer are required (Art. 19). Stops the decision clock.

    With ``notice``, the notice given with the decision is kept in the same transaction:
    the decision and the notice are checked together, every refusal of both raised at once,
    and either refusal keeps neither."""
    if notice is None:
        return _record_decision(
            case,
            actor,
            findings=findings,
            basis=basis,
            remedies=remedies,
            remedies_note=remedies_note,
            at=at,
        )
    with database.atomic():
        refusals = Refusals()
        decision = refusals.run(
            _record_decision,
            case,
            actor,
            findings=findings,
            basis=basis,
            remedies=remedies,
            remedies_note=remedies_note,
            at=at,
        )
        failed = list(refusals.errors)
        refusals.run(
            record_notice,
            case,
            actor,
            kind=notice.kind,
            method=notice.method,
            at=notice.at,
            proof=notice.proof,
            decision=decision if notice.kind == "decision" else None,
        )
        if decision is None:  # the notice lacks its decision only because that was refused
            refusals.errors = failed + [
                e for e in refusals.errors[len(failed) :] if e.code != "no_decision"
            ]
        refusals.done()
    assert decision is not None
    return decision


def _record_decision(
    case: Case,
    actor: Staff,
    *,
    findings: str,
    basis: str,
    remedies: Sequence[str],
    remedies_note: str,
    at: dt.datetime | None,
) -> HandlingDecision:
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        _open(fresh)
        _no_report_owed(fresh, "record a handling decision")
        authority = permissions.require(actor, Action.RECORD_DECISION, at)
        if latest_decision(fresh) is not None:
            raise WorkflowError("decision_exists")
        checks = Checks()
        findings = checks.text(findings, "findings")
        basis = checks.text(basis, "basis")
        for code in remedies:
            checks.known(code, codes.REMEDIES, "remedy")
        missing = [c for c in codes.REMEDIES if c not in remedies]
        if missing:
            checks.refuse("remedies_incomplete", missing=", ".join(missing))
        note = checks.text(remedies_note, "remedies_note", required=False)
        checks.done()
        decision = HandlingDecision.create(
            case=fresh,
            decided_at=at,
            decided_by=actor,
            findings=findings,
            basis=basis,
            remedies=",".join(codes.REMEDIES),
            remedies_note=note,
        )
        record(
            fresh,
            codes.EVENT_DECISION,
            actor=actor,
            at=at,
            note=findings,
            data={
                "decision": decision.id,
                "basis": basis,
                "remedies": list(codes.REMEDIES),
                **authority.event_data(),
            },
        )
    sync(case, fresh)
    return decision


def record_notice(
    case: Case,
    actor: Staff,
    *,
    kind: str,
    method: str,
    at: dt.datetime,
    proof: str,
    decision: HandlingDecision | None = None,
) -> CustomerNotice:
    """Keep proof that the customer was told (Art. 21): method, time, and what proves it
    (the delivery receipt, posting slip number, SMS or e-mail record, call log)."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        notice = _notice(
            fresh, actor, kind=kind, method=method, at=at, proof=proof, decision=decision
        )
        deadlines.refresh_case_deadlines(fresh)
    sync(case, fresh)
    return notice


def _notice(
    case: Case,
    actor: Staff,
    *,
    kind: str,
    method: str,
    at: dt.datetime,
    proof: str,
    decision: HandlingDecision | None = None,
    checks: Checks | None = None,
) -> CustomerNotice:
    """The notice, inside the caller's transaction; with ``checks``, its fields are checked
    beside the caller's (``_notice_fields``) and already clean."""
    if checks is None:
        checks = Checks()
        at, proof = _notice_fields(checks, case, kind, method, at, proof)
        checks.done()
    if kind == "decision" and decision is None:
        decision = latest_decision(case)
        if decision is None:
            raise WorkflowError("no_decision")
    if decision is not None and decision.case_id != case.id:
        raise WorkflowError("no_decision")
    notice = CustomerNotice.create(
        case=case,
        decision=decision,
        kind=kind,
        method=method,
        at=at,
        proof=proof,
        recorded_by=actor,
    )
    add_event(
        case,
        codes.EVENT_NOTICE,
        actor=actor,
        at=at,
        note=proof,
        data={
            "notice": notice.id,
            "kind": kind,
            "method": method,
            "decision": decision.id if decision else None,
        },
    )
    return notice


def _notice_fields(
    checks: Checks, case: Case, kind: str, method: str, at: dt.datetime, proof: str
) -> tuple[dt.datetime, str]:
    """The notice's kind, method, time and proof, checked beside the action's own fields."""
    checks.known(kind, codes.NOTICE_KINDS, "notice kind")
    checks.known(method, codes.NOTICE_METHODS, "notice method")
    return checks.moment(at, case, "notice_at"), checks.text(proof, "proof", max_len=500)


def notices(case: Case) -> list[CustomerNotice]:
    return list(
        CustomerNotice.select()
        .where(CustomerNotice.case == case.id)
        .order_by(CustomerNotice.at, CustomerNotice.id)
    )


# --- pauses (Art. 18, 23) ------------------------------------------------------------------


def open_pause(case: Case) -> ClockPause | None:
    return (
        ClockPause.select()
        .where((ClockPause.case == case.id) & ClockPause.ended_at.is_null())
        .first()
    )


def start_pause(
    case: Case,
    actor: Staff,
    *,
    kind: str,
    started_at: dt.datetime,
    reason: str,
) -> ClockPause:
    """Outside appraisal or mediation begins: the decision and review clocks stop counting
    (Art. 18, 23). Head or acting head only, since it moves a legal deadline."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        _open(fresh)
        checks = Checks()
        checks.known(kind, codes.PAUSE_KINDS, "pause kind")
        started_at = checks.moment(started_at, fresh, "started_at")
        reason = checks.text(reason, "reason")
        authority = permissions.require(actor, Action.PAUSE_DECISION_CLOCK, started_at)
        if open_pause(fresh) is not None:
            raise WorkflowError("pause_open")
        checks.done()
        pause = ClockPause.create(
            case=fresh, kind=kind, started_at=started_at, reason=reason, recorded_by=actor
        )
        record(
            fresh,
            codes.EVENT_PAUSE_STARTED,
            actor=actor,
            at=started_at,
            note=reason,
            data={"pause": pause.id, "kind": kind, **authority.event_data()},
        )
    sync(case, fresh)
    return pause


def end_pause(case: Case, actor: Staff, *, ended_at: dt.datetime, note: str = "") -> ClockPause:
    """The appraisal or mediation is over: the clocks count again."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        pause = open_pause(fresh)
        if pause is None:
            raise WorkflowError("pause_not_open")
        checks = Checks()
        ended_at = checks.moment(ended_at, fresh, "ended_at")
        if not checks.failed("ended_at") and ended_at <= pause.started_at:
            checks.refuse("not_after", field="ended_at", other="started_at")
        note = checks.text(note, "note", required=False)
        checks.done()
        pause.ended_at = ended_at
        pause.save()
        record(
            fresh,
            codes.EVENT_PAUSE_ENDED,
            actor=actor,
            at=ended_at,
            note=note,
            data={
                "pause": pause.id,
                "kind": pause.kind,
                "paused_seconds": int((ended_at - pause.started_at).total_seconds()),
            },
        )
    sync(case, fresh)
    return pause


# --- extensions (Art. 18) ------------------------------------------------------------------


def _decision_clock(case: Case, at: dt.datetime) -> deadlines.Clock:
    clocks = deadlines.case_clocks(case, at)
    return next(c for c in clocks if c.name == deadlines.CLOCK_DECISION)


def extend_decision_clock(
    case: Case,
    actor: Staff,
    *,
    reason: str,
    notice_method: str,
    notice_at: dt.datetime,
    notice_proof: str,
    at: dt.datetime | None = None,
) -> ClockExtension:
    """A complex case: the decision period goes to 30 days (rule ``decision_extended_days``).
    Needs the reason and proof that the customer was told (Art. 18, 21). Only before the
    period has ended."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        authority = _extension_checks(fresh, actor, at, step=1)
        checks = Checks()
        reason = checks.text(reason, "reason")
        notice_at, notice_proof = _notice_fields(
            checks, fresh, "extension", notice_method, notice_at, notice_proof
        )
        checks.done()
        ext = ClockExtension.create(case=fresh, step=1, at=at, reason=reason, recorded_by=actor)
        _notice(
            fresh,
            actor,
            kind="extension",
            method=notice_method,
            at=notice_at,
            proof=notice_proof,
            checks=checks,
        )
        record(
            fresh,
            codes.EVENT_CLOCK_EXTENDED,
            actor=actor,
            at=at,
            note=reason,
            data={
                "step": 1,
                "days": int(rules.get("decision_extended_days")),
                **authority.event_data(),
            },
        )
    sync(case, fresh)
    return ext


def extend_decision_clock_further(
    case: Case,
    actor: Staff,
    *,
    reason: str,
    approved_by: str,
    approved_at: dt.datetime,
    notice_method: str,
    notice_at: dt.datetime,
    notice_proof: str,
    approval_ref: str = "",
    at: dt.datetime | None = None,
) -> ClockExtension:
    """An especially complex case: 30 more days (rule ``decision_further_days``), approved
    by a higher office, the customer told (Art. 18, 21). Only after the first extension
    and before the extended period has ended."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        at = moment(at, fresh)
        authority = _extension_checks(fresh, actor, at, step=2)
        checks = Checks()
        reason = checks.text(reason, "reason")
        approver = checks.text(approved_by, "approved_by", max_len=MAX_SHORT)
        ref = checks.text(approval_ref, "approval_ref", required=False, max_len=MAX_SHORT)
        approved_at = checks.moment(approved_at, fresh, "approved_at")
        if not checks.failed("approved_at") and approved_at > at:
            checks.refuse("not_after", field="at", other="approved_at")
        notice_at, notice_proof = _notice_fields(
            checks, fresh, "further_extension", notice_method, notice_at, notice_proof
        )
        checks.done()
        ext = ClockExtension.create(
            case=fresh,
            step=2,
            at=at,
            reason=reason,
            approved_by=approver,
            approval_ref=ref,
            approved_at=approved_at,
            recorded_by=actor,
        )
        _notice(
            fresh,
            actor,
            kind="further_extension",
            method=notice_method,
            at=notice_at,
            proof=notice_proof,
            checks=checks,
        )
        record(
            fresh,
            codes.EVENT_CLOCK_EXTENDED,
            actor=actor,
            at=at,
            note=reason,
            data={
                "step": 2,
                "days": int(rules.get("decision_further_days")),
                "approved_by": approver,
                "approval_ref": ref,
                "approved_at": approved_at.isoformat(),
                **authority.event_data(),
            },
        )
    sync(case, fresh)
    return ext


def _extension_checks(case: Case, actor: Staff, at: dt.datetime, *, step: int):
    _open(case)
    authority = permissions.require(actor, Action.EXTEND_DECISION_PERIOD, at)
    steps = {e.step for e in ClockExtension.select().where(ClockExtension.case == case.id)}
    if step in steps or (step == 2 and 1 not in steps):
        raise WorkflowError("extension_step", days=int(rules.get("decision_extended_days")))
    clock = _decision_clock(case, at)
    if not clock.live:
        raise WorkflowError("decision_exists")
    if clock.deadline is not None and at > clock.deadline:
        raise WorkflowError("clock_already_missed", deadline=clock.deadline.isoformat(" "))
    return authority


# --- review (Art. 20) ----------------------------------------------------------------------


def review_window_end(decision: HandlingDecision) -> dt.datetime:
    """Last moment the customer may ask for a review: N days (rule ``review_request_days``)
    after the customer was first told of the decision, or after the decision if no notice
    is recorded. Counted like every period in days (Civil Code Art. 201, 203)."""
    first_notice = (
        CustomerNotice.select()
        .where(CustomerNotice.decision == decision.id)
        .order_by(CustomerNotice.at)
        .first()
    )
    start = first_notice.at if first_notice is not None else decision.decided_at
    settings = rules.snapshot()
    end = deadlines.days_deadline(
        start,
        int(settings["review_request_days"]),
        workcalendar.current(),
        roll=bool(settings["roll_past_holidays"]),
    )
    assert end is not None
    return end


def request_review(
    case: Case,
    actor: Staff,
    *,
    requested_at: dt.datetime,
    content: str,
) -> ReviewRequest:
    """The customer asks for a review of the decision (Art. 20). It runs on its own clock;
    a closed case reopens, and the head must be told before anything else happens."""
    with database.atomic():
        fresh = load(case)
        actor = staff_of(fresh, actor)
        checks = Checks()
        requested_at = checks.moment(requested_at, fresh, "requested_at")
        content = checks.text(content, "content")
        decision = latest_decision(fresh)
        if decision is None:
            raise WorkflowError("no_decision")
        if not checks.failed("requested_at") and requested_at > review_window_end(decision):
            checks.refuse(
                "review_late", field="requested_at", days=int(rules.get("review_request_days"))
            )
        if (
            ReviewRequest.select()
            .where((ReviewRequest.case == fresh.id) & ReviewRequest.decided_at.is_null())
            .exists()
        ):
            raise WorkflowError("review_pending")
        checks.done()
        review = ReviewRequest.create(
            case=fresh,
            decision=decision,
            requested_at=requested_at,
            content=content,
            recorded_by=actor,
        )
        workflow.record_review_request(
            fresh, actor, requested_at, {"review": review.id, "decision": decision.id}, content
        )
    sync(case, fresh)
    return review


def decide_review(
    review: ReviewRequest,
    actor: Staff,
    *,
    outcome: str,
    upheld: bool,
    at: dt.datetime | None = None,
) -> ReviewRequest:
    """The head decides the review (Art. 20); ``upheld`` means the decision stands. Only
    once the review request has been reported to the head."""
    with database.atomic():
        fresh_review = ReviewRequest.get_by_id(review.id)
        case = load(fresh_review.case)
        actor = staff_of(case, actor)
        at = moment(at, case)
        if fresh_review.decided_at is not None:
            raise WorkflowError("review_decided")
        _no_report_owed(case, "decide a review")
        authority = permissions.require(actor, Action.DECIDE_REVIEW, at)
        if at < fresh_review.requested_at:
            raise WorkflowError("not_after", field="at", other="requested_at")
        outcome = text(outcome, "outcome")
        fresh_review.decided_at = at
        fresh_review.decided_by = actor
        fresh_review.outcome = outcome
        fresh_review.upheld = bool(upheld)
        fresh_review.save()
        record(
            case,
            codes.EVENT_REVIEW_DECIDED,
            actor=actor,
            at=at,
            note=outcome,
            data={"review": fresh_review.id, "upheld": bool(upheld), **authority.event_data()},
        )
    sync(review, fresh_review)
    return fresh_review
