"""Penalties for liable complaints (Art. 5(8)): an editable scale, proposals from it, the
head's decision, and roll-ups per staff member and period.

The city's rules as available to this program have no penalty chapter, so the scale is a setting the
head or the district edits, stored as JSON in the ``setting`` table under
``penalty.scale``. Until one is stored, :data:`EXAMPLE_SCALE` applies: a clearly labelled
example (labelled "example scale — replace with your district's", its source "this
program's example"), which the dialog shows as such.

The scale gives, per cause (a code of vocab.CAUSES, or ``*`` for any other cause) and
severity (ordinary, urgent, major), points, a money amount in yuan and measures such as
remedial training or a talk. It must have a ``*`` entry for every severity, so every
liable case gets a proposal.

Proposal for one responsible person (:func:`propose_penalty`): the entry for the
finding's cause and the case's severity (major when the case is marked major, CBIRC Art.
29); the points and the money are multiplied by the person's share of the liability
(rounded half up, points to whole points, money to the fen), because they measure how
much of the fault was theirs; the measures apply whole to each person, because half a
talk or half a training is no measure.

The head applies it (:func:`apply_penalty`) as proposed, or changed with a reason. A
penalty belongs to one responsible person of one determination. A review that replaces the
determination (db.management.liability.review) must say, in its own transaction, what becomes of each
penalty applied under it (:class:`PenaltyChoice`): carried over to the same person, who
must still be responsible under the new finding (a new penalty row with the same points,
money and measures, counted in the period it was first applied), or withdrawn. Nothing is
dropped silently; the penalty rows themselves never change, and ``penalty_review_action``
records each decision with its review. The roll-ups count only penalties on current
determinations, so a withdrawn penalty leaves them and a carried one stays.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from peewee import Value, fn

from db.errors import WorkflowError
from db.handling.actions import Checks, known, load, moment, staff_of, text
from db.intake.cases import add_event
from db.management.findings import current_finding, current_finding_id, share_percent
from db.management.targets import Period, as_period
from db.store import codes, vocab
from db.store.models import (
    Case,
    Liability,
    LiabilityReview,
    LiablePerson,
    Penalty,
    PenaltyReviewAction,
    Setting,
    Staff,
    database,
    now,
)
from db.store.rows import tuples
from db.trust import permissions
from db.trust.policy import Action

SETTING_KEY = "penalty.scale"
ANY_CAUSE = "*"
MAX_POINTS = 100
MAX_AMOUNT = Decimal(100_000)
MAX_LABEL = 200


@dataclass(frozen=True)
class ScaleEntry:
    cause: str
    severity: str
    points: int
    # Yuan, two decimals.
    amount: Decimal
    measures: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.cause}/{self.severity}"


@dataclass(frozen=True)
class PenaltyScale:
    label: str
    source: str
    entries: tuple[ScaleEntry, ...]

    def lookup(self, cause: str, severity: str) -> ScaleEntry:
        """The entry for ``cause`` at ``severity``, else the ``*`` entry of the severity."""
        by_key = {(e.cause, e.severity): e for e in self.entries}
        entry = by_key.get((cause, severity)) or by_key.get((ANY_CAUSE, severity))
        if entry is None:  # a validated scale always has it
            raise WorkflowError("scale_incomplete", missing=f"{ANY_CAUSE}/{severity}")
        return entry

    def to_json(self) -> dict:
        return {
            "label": self.label,
            "source": self.source,
            "entries": [
                {
                    "cause": e.cause,
                    "severity": e.severity,
                    "points": e.points,
                    "amount": str(e.amount),
                    "measures": list(e.measures),
                }
                for e in self.entries
            ],
        }


def _e(cause: str, severity: str, points: int, amount: int, *measures: str) -> ScaleEntry:
    ordered = tuple(m for m in codes.PENALTY_MEASURES if m in measures)
    return ScaleEntry(cause, severity, points, Decimal(amount).quantize(Decimal("0.01")), ordered)


_ORD, _URG, _MAJ = (
    codes.PENALTY_SEVERITY_ORDINARY,
    codes.PENALTY_SEVERITY_URGENT,
    codes.PENALTY_SEVERITY_MAJOR,
)
_TRAIN = codes.MEASURE_REMEDIAL_TRAINING

EXAMPLE_LABEL = "Example scale — replace with your district's"
EXAMPLE_SOURCE = "This program's example: the rules' penalty chapter is not available"
# The example's source as stored by earlier versions of the program in a saved scale.
_OLD_EXAMPLE_SOURCES = frozenset({"none: example"})
# An example only: the rules available to this program have no penalty chapter.
EXAMPLE_SCALE = PenaltyScale(
    EXAMPLE_LABEL,
    EXAMPLE_SOURCE,
    (
        _e(ANY_CAUSE, _ORD, 2, 100, "talk"),
        _e(ANY_CAUSE, _URG, 4, 300, "talk", _TRAIN),
        _e(ANY_CAUSE, _MAJ, 8, 1000, "written_warning", _TRAIN),
        _e("service_attitude_quality", _ORD, 3, 200, "talk", _TRAIN),
        _e("service_attitude_quality", _URG, 5, 500, "written_self_review", _TRAIN),
        _e("onsite_attitude", _ORD, 3, 200, "talk", _TRAIN),
        _e("onsite_attitude", _URG, 5, 500, "written_self_review", _TRAIN),
        _e("onsite_transaction_error", _ORD, 2, 100, _TRAIN),
        _e("onsite_transaction_error", _URG, 4, 400, "written_self_review", _TRAIN),
        _e("fund_security", _ORD, 4, 500, "written_self_review", _TRAIN),
        _e("fund_security", _URG, 6, 1000, "written_warning", _TRAIN),
        _e("information_security", _ORD, 4, 500, "written_warning", _TRAIN),
    ),
)


# --- values ---------------------------------------------------------------------------------


def _points(value: object, field: str = "points") -> int:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise WorkflowError("not_a_number", field=field)
    if value != int(value):
        raise WorkflowError("value_decimals", field=field, places=0)
    if not 0 <= value <= MAX_POINTS:
        raise WorkflowError("value_range", field=field, min=0, max=MAX_POINTS)
    return int(value)


def _yuan(value: object, field: str = "amount") -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise WorkflowError("not_a_number", field=field)
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise WorkflowError("not_a_number", field=field) from None
    if not amount.is_finite():
        raise WorkflowError("not_a_number", field=field)
    if not Decimal(0) <= amount <= MAX_AMOUNT:
        raise WorkflowError("value_range", field=field, min=0, max=MAX_AMOUNT)
    if amount != amount.quantize(Decimal("0.01")):
        raise WorkflowError("value_decimals", field=field, places=2)
    return amount.quantize(Decimal("0.01"))


def _measures(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [v for v in values.split(",") if v]
    result: list[str] = []
    for value in values:
        if value not in codes.PENALTY_MEASURES:
            raise WorkflowError("unknown_code", value=value, field="penalty measure")
        if value not in result:
            result.append(value)
    # Stored in vocabulary order, so equal sets compare equal.
    return tuple(m for m in codes.PENALTY_MEASURES if m in result)


def fen(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def yuan(amount_fen: int) -> Decimal:
    return (Decimal(amount_fen) / 100).quantize(Decimal("0.01"))


# --- the scale ------------------------------------------------------------------------------


def validate_scale(scale: PenaltyScale | dict) -> PenaltyScale:
    """The scale as it would be stored, or WorkflowError saying what is wrong with it."""
    data = scale.to_json() if isinstance(scale, PenaltyScale) else scale
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise WorkflowError("scale_invalid", detail="no list of entries")
    checks = Checks()
    label = checks.text(str(data.get("label", "")), "label", max_len=MAX_LABEL)
    source = checks.text(str(data.get("source", "")), "source", max_len=MAX_LABEL)
    if source in _OLD_EXAMPLE_SOURCES:
        source = EXAMPLE_SOURCE
    entries: list[ScaleEntry] = []
    seen: set[tuple[str, str]] = set()
    for raw in data["entries"]:
        entry = checks.run(_entry, raw, seen)
        if entry is not None:
            entries.append(entry)
    missing = [s for s in codes.PENALTY_SEVERITIES if (ANY_CAUSE, s) not in seen]
    if missing:
        checks.refuse("scale_incomplete", missing=", ".join(f"{ANY_CAUSE}/{s}" for s in missing))
    checks.done()
    return PenaltyScale(label, source, tuple(entries))


def _entry(raw: object, seen: set[tuple[str, str]]) -> ScaleEntry:
    """One entry of a scale, its cause and severity added to ``seen``."""
    if not isinstance(raw, dict):
        raise WorkflowError("scale_invalid", detail="an entry is not an object")
    cause, severity = raw.get("cause"), raw.get("severity")
    if cause != ANY_CAUSE and cause not in vocab.CAUSES:
        raise WorkflowError("unknown_code", value=cause, field="cause")
    if severity not in codes.PENALTY_SEVERITIES:
        raise WorkflowError("unknown_code", value=severity, field="severity")
    if (cause, severity) in seen:
        raise WorkflowError("scale_duplicate", cause=cause, severity=severity)
    seen.add((cause, severity))
    measures = raw.get("measures", [])
    if not isinstance(measures, list | tuple):
        raise WorkflowError("scale_invalid", detail="measures must be a list")
    return ScaleEntry(
        cause,
        severity,
        _points(raw.get("points"), "points"),
        _yuan(raw.get("amount"), "amount"),
        _measures(measures),
    )


@dataclass(frozen=True)
class ScaleSetting:
    scale: PenaltyScale
    # True while no scale is stored and the example applies.
    is_example: bool
    updated_at: dt.datetime | None


def scale_setting() -> ScaleSetting:
    """The scale in force, and whether it is still the shipped example. A stored scale that
    cannot be read falls back to the example (and says so)."""
    row = Setting.get_or_none(Setting.key == SETTING_KEY)
    if row is not None:
        try:
            return ScaleSetting(validate_scale(json.loads(row.value)), False, row.updated_at)
        except (ValueError, WorkflowError):
            pass
    return ScaleSetting(EXAMPLE_SCALE, True, None)


def set_scale(scale: PenaltyScale | dict, actor: Staff) -> PenaltyScale:
    """Store a new scale (head or acting head). Penalties already applied keep what they
    were; only new proposals follow the new scale."""
    at = now()
    permissions.require(actor, Action.EDIT_RULES, at)
    checked = validate_scale(scale)
    value = json.dumps(checked.to_json(), ensure_ascii=False, sort_keys=True)
    with database.atomic():
        Setting.insert(key=SETTING_KEY, value=value, updated_at=at).on_conflict(
            conflict_target=[Setting.key],
            update={Setting.value: value, Setting.updated_at: at},
        ).execute()
    return checked


def reset_scale(actor: Staff) -> PenaltyScale:
    """Back to the shipped example."""
    permissions.require(actor, Action.EDIT_RULES, now())
    Setting.delete().where(Setting.key == SETTING_KEY).execute()
    return EXAMPLE_SCALE


# --- proposals ------------------------------------------------------------------------------


def penalty_severity(case: Case) -> str:
    """Severity as the scale reads it: major when the case is marked major, else the case's
    severity (ordinary or urgent)."""
    if case.major_reason:
        return codes.PENALTY_SEVERITY_MAJOR
    if case.severity == vocab.SEVERITY_URGENT:
        return codes.PENALTY_SEVERITY_URGENT
    return codes.PENALTY_SEVERITY_ORDINARY


@dataclass(frozen=True)
class Proposal:
    liable_person_id: int
    staff_id: int
    staff_name: str
    case_id: int
    cause: str
    severity: str
    entry: ScaleEntry
    # The person's share of the liability, in percent.
    share: Decimal
    points: int
    amount: Decimal
    measures: tuple[str, ...]
    scale_label: str
    scale_source: str
    is_example_scale: bool


def _scaled(value: Decimal, share_bp: int, quantum: Decimal) -> Decimal:
    return (value * share_bp / 10_000).quantize(quantum, rounding=ROUND_HALF_UP)


def _person_of(case: Case, person: Staff | LiablePerson) -> tuple[Liability, LiablePerson]:
    finding = current_finding(case)
    if finding is None:
        raise WorkflowError("liability_missing")
    if isinstance(person, LiablePerson):
        row = LiablePerson.get_or_none(LiablePerson.id == person.id)
        if row is not None and row.liability_id != finding.id:
            raise WorkflowError("finding_superseded")
    else:
        row = LiablePerson.get_or_none(
            (LiablePerson.liability == finding.id) & (LiablePerson.staff == person.id)
        )
    if row is None or not finding.liable:
        name = person.staff.name if isinstance(person, LiablePerson) else person.name
        raise WorkflowError("not_responsible", name=name)
    return finding, row


def _proposal(case: Case, finding: Liability, person: LiablePerson) -> Proposal:
    setting = scale_setting()
    cause = finding.cause or case.cause
    severity = penalty_severity(case)
    entry = setting.scale.lookup(cause, severity)
    return Proposal(
        liable_person_id=person.id,
        staff_id=person.staff_id,
        staff_name=person.staff.name,
        case_id=case.id,
        cause=cause,
        severity=severity,
        entry=entry,
        share=share_percent(person.share_bp),
        points=int(_scaled(Decimal(entry.points), person.share_bp, Decimal(1))),
        amount=_scaled(entry.amount, person.share_bp, Decimal("0.01")),
        measures=entry.measures,
        scale_label=setting.scale.label,
        scale_source=setting.scale.source,
        is_example_scale=setting.is_example,
    )


def propose_penalty(case: Case, person: Staff | LiablePerson) -> Proposal:
    """What the scale proposes for ``person``, a responsible person of the case's current
    (liable) determination."""
    fresh = load(case)
    finding, row = _person_of(fresh, person)
    return _proposal(fresh, finding, row)


def proposals_for(case: Case) -> list[Proposal]:
    """A proposal for every responsible person of the current determination."""
    fresh = load(case)
    finding = current_finding(fresh)
    if finding is None or not finding.liable:
        return []
    people = LiablePerson.select().where(LiablePerson.liability == finding.id)
    return [_proposal(fresh, finding, p) for p in people.order_by(LiablePerson.id)]


def apply_penalty(
    liable_person: LiablePerson,
    actor: Staff,
    *,
    points: int,
    amount: Decimal | int | float | str,
    measures: Sequence[str] = (),
    reason_if_changed: str = "",
    at: dt.datetime | None = None,
) -> Penalty:
    """Apply the penalty of one responsible person (head or acting head, Art. 5(8)).

    When points, amount or measures differ from the scale's proposal, a reason is
    required. One penalty per responsible person of a determination.
    """
    with database.atomic():
        person = LiablePerson.get_by_id(liable_person.id)
        finding = Liability.get_by_id(person.liability_id)
        case = load(finding.case)
        actor = staff_of(case, actor)
        at = moment(at, case)
        if at < finding.determined_at:
            raise WorkflowError("not_after", field="applied_at", other="determined_at")
        authority = permissions.require(actor, Action.SET_PENALTY, at)
        _finding, person = _person_of(case, person)
        if Penalty.select().where(Penalty.liable_person == person.id).exists():
            raise WorkflowError("penalty_exists", name=person.staff.name)
        proposal = _proposal(case, finding, person)
        points = _points(points)
        money = _yuan(amount)
        chosen = _measures(measures)
        reason = text(reason_if_changed, "reason", required=False)
        changed = (points, money, chosen) != (proposal.points, proposal.amount, proposal.measures)
        if changed and not reason:
            raise WorkflowError("penalty_reason_required")
        row = Penalty.create(
            liable_person=person,
            liability=finding,
            case=case,
            staff=person.staff_id,
            points=points,
            amount_fen=fen(money),
            measures=",".join(chosen),
            proposed_points=proposal.points,
            proposed_amount_fen=fen(proposal.amount),
            proposed_measures=",".join(proposal.measures),
            scale_entry=proposal.entry.key,
            scale_label=proposal.scale_label[:MAX_LABEL],
            reason=reason,
            applied_by=actor,
            applied_at=at,
            authority=authority.capacity,
        )
        add_event(
            case,
            codes.EVENT_PENALTY_APPLIED,
            actor=actor,
            at=at,
            note=reason,
            data={
                "penalty": row.id,
                "staff": person.staff_id,
                "points": points,
                "amount": str(money),
                "measures": list(chosen),
                "as_proposed": not changed,
                "scale_entry": proposal.entry.key,
                **authority.event_data(),
            },
        )
    return row


@dataclass(frozen=True)
class PenaltyDraft:
    """The head's choice for one responsible person, as a form collects it."""

    liable_person_id: int
    points: int
    amount: Decimal | int | float | str
    measures: Sequence[str] = ()
    reason_if_changed: str = ""


def pending_proposals(case: Case) -> list[Proposal]:
    """The scale's proposal for each responsible person of the current determination who
    has no penalty yet: what a penalty form offers."""
    return [
        p
        for p in proposals_for(case)
        if not Penalty.select().where(Penalty.liable_person == p.liable_person_id).exists()
    ]


def apply_penalties(
    case: Case, actor: Staff, drafts: Sequence[PenaltyDraft], *, at: dt.datetime | None = None
) -> list[Penalty]:
    """Apply the penalties of several responsible people of ``case`` at once: every one
    is kept, or (on any refusal) none is."""
    with database.atomic():
        applied = []
        for draft in drafts:
            person = LiablePerson.get_or_none(LiablePerson.id == draft.liable_person_id)
            if person is None or person.liability.case_id != case.id:
                name = person.staff.name if person is not None else str(draft.liable_person_id)
                raise WorkflowError("not_responsible", name=name)
            applied.append(
                apply_penalty(
                    person,
                    actor,
                    points=draft.points,
                    amount=draft.amount,
                    measures=draft.measures,
                    reason_if_changed=draft.reason_if_changed,
                    at=at,
                )
            )
    return applied


# --- what a review does with the penalties of the finding it replaces ----------------------


@dataclass(frozen=True)
class PenaltyChoice:
    """The head's decision, in a review that replaces a finding, for one penalty applied
    under it: ``action`` is codes.PENALTY_CARRY_OVER or codes.PENALTY_WITHDRAW."""

    penalty: Penalty | int
    action: str
    note: str = ""


def penalties_under(finding: Liability | int) -> list[Penalty]:
    """The penalties applied under one determination, oldest first, with their staff."""
    finding_id = finding if isinstance(finding, int) else finding.id
    return list(
        Penalty.select(Penalty, Staff)
        .join(Staff, on=(Penalty.staff == Staff.id))
        .where(Penalty.liability == finding_id)
        .order_by(Penalty.id)
    )


def check_review_choices(
    original: Liability,
    choices: Sequence[PenaltyChoice],
    *,
    replaced: bool,
    still_responsible: Iterable[int] = (),
) -> list[tuple[Penalty, str, str]]:
    """The choices of a review as (penalty, action, note), one for every penalty of
    ``original``; raises WorkflowError before anything is written.

    ``replaced``: the review writes a new finding (changed or overturned). An upheld review
    keeps the finding and its penalties, so it takes no choices. ``still_responsible``:
    the staff ids of the new finding; only their penalties may be carried over.
    """
    if not replaced:
        if choices:
            raise WorkflowError("upheld_keeps_penalties")
        return []
    under = {p.id: p for p in penalties_under(original)}
    chosen: dict[int, tuple[str, str]] = {}
    for choice in choices:
        penalty_id = choice.penalty if isinstance(choice.penalty, int) else choice.penalty.id
        if penalty_id not in under or penalty_id in chosen:
            raise WorkflowError("penalty_not_of_finding")
        known(choice.action, codes.PENALTY_REVIEW_ACTIONS, "penalty action")
        chosen[penalty_id] = (choice.action, text(choice.note, "note", required=False))
    responsible = set(still_responsible)
    result = []
    for penalty_id, penalty in under.items():
        if penalty_id not in chosen:
            raise WorkflowError("penalty_choice_required", name=penalty.staff.name)
        action, note = chosen[penalty_id]
        if action == codes.PENALTY_CARRY_OVER and penalty.staff_id not in responsible:
            raise WorkflowError("penalty_carry_not_responsible", name=penalty.staff.name)
        result.append((penalty, action, note))
    return result


def apply_review_choices(
    review: LiabilityReview,
    result: Liability,
    checked: Sequence[tuple[Penalty, str, str]],
) -> list[PenaltyReviewAction]:
    """Inside the review's transaction: carry over or withdraw each penalty as checked by
    :func:`check_review_choices`. A carried penalty is a new row under ``result`` for the
    same person, with the values, proposal, reason and time of the original."""
    rows = []
    for penalty, action, note in checked:
        carried = None
        if action == codes.PENALTY_CARRY_OVER:
            person = LiablePerson.get(
                (LiablePerson.liability == result.id) & (LiablePerson.staff == penalty.staff_id)
            )
            carried = Penalty.create(
                liable_person=person,
                liability=result,
                case=penalty.case_id,
                staff=penalty.staff_id,
                points=penalty.points,
                amount_fen=penalty.amount_fen,
                measures=penalty.measures,
                proposed_points=penalty.proposed_points,
                proposed_amount_fen=penalty.proposed_amount_fen,
                proposed_measures=penalty.proposed_measures,
                scale_entry=penalty.scale_entry,
                scale_label=penalty.scale_label,
                reason=penalty.reason,
                applied_by=penalty.applied_by_id,
                applied_at=penalty.applied_at,
                authority=penalty.authority,
            )
        rows.append(
            PenaltyReviewAction.create(
                case=penalty.case_id,
                review=review,
                penalty=penalty,
                action=action,
                carried_to=carried,
                note=note,
            )
        )
    return rows


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PenaltyView:
    id: int
    case_id: int
    staff_id: int
    staff_name: str
    points: int
    amount: Decimal
    measures: tuple[str, ...]
    as_proposed: bool
    proposed_points: int
    proposed_amount: Decimal
    proposed_measures: tuple[str, ...]
    reason: str
    applied_at: dt.datetime
    # False once a review replaced the determination the penalty was applied under.
    current: bool
    # The determination it was applied under (or carried over to).
    liability_id: int = 0
    employee_no: str = ""
    applied_by: str = ""
    # codes.PENALTY_STATES: in force, carried over, withdrawn, or superseded (no record).
    state: str = codes.PENALTY_STATE_CURRENT
    # The review that carried it over or withdrew it, with its note.
    review_id: int | None = None
    review_note: str = ""
    # The penalty of the replaced finding this one carries over, and the reverse.
    carried_from: int | None = None
    carried_to: int | None = None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split(",") if v)


def _state(current: bool, action: PenaltyReviewAction | None) -> str:
    if current:
        return codes.PENALTY_STATE_CURRENT
    if action is None:
        return codes.PENALTY_STATE_SUPERSEDED
    if action.action == codes.PENALTY_CARRY_OVER:
        return codes.PENALTY_STATE_CARRIED_OVER
    return codes.PENALTY_STATE_WITHDRAWN


def penalties_of_case(case: Case) -> list[PenaltyView]:
    """Every penalty applied on the case, oldest first: those in force under the current
    determination, and those of replaced ones with what the review did with them."""
    finding = current_finding(case)
    Applier = Staff.alias("applier")
    rows = list(
        Penalty.select(Penalty, Staff, Applier.name)
        .join(Staff, on=(Penalty.staff == Staff.id))
        .switch(Penalty)
        .join(Applier, on=(Penalty.applied_by == Applier.id), attr="applier")
        .where(Penalty.case == case.id)
        .order_by(Penalty.id)
    )
    actions = {
        a.penalty_id: a
        for a in PenaltyReviewAction.select().where(PenaltyReviewAction.case == case.id)
    }
    carried_from = {a.carried_to_id: a.penalty_id for a in actions.values() if a.carried_to_id}
    views = []
    for r in rows:
        current = finding is not None and r.liability_id == finding.id
        action = actions.get(r.id)
        views.append(
            PenaltyView(
                r.id,
                r.case_id,
                r.staff_id,
                r.staff.name,
                r.points,
                yuan(r.amount_fen),
                _split(r.measures),
                (r.points, r.amount_fen, r.measures)
                == (r.proposed_points, r.proposed_amount_fen, r.proposed_measures),
                r.proposed_points,
                yuan(r.proposed_amount_fen),
                _split(r.proposed_measures),
                r.reason,
                r.applied_at,
                current,
                liability_id=r.liability_id,
                employee_no=r.staff.employee_no,
                applied_by=r.applier.name,  # type: ignore[attr-defined]  # the join's attr
                state=_state(current, action),
                review_id=action.review_id if action else None,
                review_note=action.note if action else "",
                carried_from=carried_from.get(r.id),
                carried_to=action.carried_to_id if action else None,
            )
        )
    return views


def unpenalised(finding: Liability | int) -> list[LiablePerson]:
    """The responsible people of a determination who have no penalty under it yet."""
    finding_id = finding if isinstance(finding, int) else finding.id
    has_one = Penalty.select(Penalty.id).where(Penalty.liable_person == LiablePerson.id)
    return list(
        LiablePerson.select()
        .where((LiablePerson.liability == finding_id) & ~fn.EXISTS(has_one))
        .order_by(LiablePerson.id)
    )


@dataclass(frozen=True)
class StaffPenalties:
    staff_id: int
    name: str
    employee_no: str
    active: bool
    count: int
    points: int
    amount: Decimal
    # How many of the penalties included each measure (codes.PENALTY_MEASURES order).
    measures: dict[str, int]


def current_penalty_condition():
    """Penalties applied under the case's current determination."""
    return Penalty.liability == current_finding_id(Penalty.case)


def penalties_by_staff(period: Period | str | None = None) -> list[StaffPenalties]:
    """Per staff member: penalties applied in ``period`` (by the date applied; all time when
    None) under current determinations, with points, money and each measure counted.
    One GROUP BY; most points first."""
    measure_columns = [
        fn.SUM(
            fn.IIF(fn.INSTR(Value(",").concat(Penalty.measures).concat(","), f",{code},") > 0, 1, 0)
        )
        for code in codes.PENALTY_MEASURES
    ]
    query = (
        Penalty.select(
            Staff.id,
            Staff.name,
            Staff.employee_no,
            Staff.active,
            fn.COUNT(Penalty.id),
            fn.SUM(Penalty.points),
            fn.SUM(Penalty.amount_fen),
            *measure_columns,
        )
        .join(Staff, on=(Penalty.staff == Staff.id))
        .where(current_penalty_condition())
        .group_by(Staff.id)
        .order_by(fn.SUM(Penalty.points).desc(), Staff.name)
    )
    if period is not None:
        p = as_period(period)
        query = query.where((Penalty.applied_at >= p.start) & (Penalty.applied_at < p.end))
    result = []
    for row in tuples(query):
        staff_id, name, employee_no, active, count, points, amount_fen, *counts = row
        result.append(
            StaffPenalties(
                staff_id,
                name,
                employee_no,
                bool(active),
                count,
                int(points or 0),
                yuan(int(amount_fen or 0)),
                dict(zip(codes.PENALTY_MEASURES, (int(c or 0) for c in counts), strict=True)),
            )
        )
    return result
