"""Penalties for liable complaints (Art. 5(8)): an editable scale, proposals from it, the
head's decision, and roll-ups per staff member and period.

The city's penalty chapter is not available (see DOMAIN.md), so the scale is a setting the
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
penalty belongs to one responsible person of one determination; if a review replaces the
determination, the penalty stays on record with the old one, and the roll-ups count only
penalties on current determinations.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from peewee import Value, fn

from db import codes, permissions, vocab
from db.actions import load, moment, staff_of, text
from db.cases import add_event
from db.errors import WorkflowError
from db.liability import current_finding, current_finding_id, share_percent
from db.models import Case, Liability, LiablePerson, Penalty, Setting, Staff, database, now
from db.targets import Period, as_period

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
# An example only: the rules' penalty chapter is not available (DOMAIN.md).
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
    label = text(str(data.get("label", "")), "label", max_len=MAX_LABEL)
    source = text(str(data.get("source", "")), "source", max_len=MAX_LABEL)
    if source in _OLD_EXAMPLE_SOURCES:
        source = EXAMPLE_SOURCE
    entries: list[ScaleEntry] = []
    seen: set[tuple[str, str]] = set()
    for raw in data["entries"]:
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
        entries.append(
            ScaleEntry(
                cause,
                severity,
                _points(raw.get("points"), "points"),
                _yuan(raw.get("amount"), "amount"),
                _measures(measures),
            )
        )
    missing = [s for s in codes.PENALTY_SEVERITIES if (ANY_CAUSE, s) not in seen]
    if missing:
        raise WorkflowError(
            "scale_incomplete", missing=", ".join(f"{ANY_CAUSE}/{s}" for s in missing)
        )
    return PenaltyScale(label, source, tuple(entries))


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


def get_scale() -> PenaltyScale:
    return scale_setting().scale


def set_scale(scale: PenaltyScale | dict, actor: Staff) -> PenaltyScale:
    """Store a new scale (head or acting head). Penalties already applied keep what they
    were; only new proposals follow the new scale."""
    at = now()
    permissions.require_head(actor, at, "change rule settings")
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
    permissions.require_head(actor, now(), "change rule settings")
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
        authority = permissions.require_head(actor, at, "apply a penalty")
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


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split(",") if v)


def penalties_of_case(case: Case) -> list[PenaltyView]:
    """Every penalty applied on the case, oldest first, marked current or superseded."""
    finding = current_finding(case)
    rows = (
        Penalty.select(Penalty, Staff)
        .join(Staff, on=(Penalty.staff == Staff.id))
        .where(Penalty.case == case.id)
        .order_by(Penalty.id)
    )
    return [
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
            finding is not None and r.liability_id == finding.id,
        )
        for r in rows
    ]


def penalty_of(liable_person: LiablePerson) -> Penalty | None:
    return Penalty.get_or_none(Penalty.liable_person == liable_person.id)


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
    for row in query.tuples():
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
