"""Liability determination (Art. 5(8)): liable or not, who and in what share, on what basis,
with the evidence kept beside the database; and reviews that leave the original standing.

Rules, each enforced here and nowhere else (the shorthand determine_liability delegates to
determine):

- only the head, or an acting head inside the span the head named (Art. 8), determines
  or reviews liability (``permissions.require``);
- a liable finding names one or more responsible staff of the outlet, each with a share;
  the shares add up to exactly 100 % (stored in hundredths of a percent); it states the
  basis, the duty or rule breached (text), and the cause category (vocab.CAUSES);
- a finding of no liability names nobody and records why (``reasons``, required);
- a finding is never changed. A review is its own row with its reason and outcome:
  ``upheld`` leaves the finding current; ``changed`` (still liable, or still not liable,
  with other people, shares, basis or reasons) and ``overturned`` (liable becomes not
  liable, or the reverse) write a new finding, which becomes current. The current
  finding of a case is its determination row with the highest id;
- a case cannot be closed without a determination (``require_determination``, called by
  db.handling.workflow.close_case);
- evidence files are copied into ``attachments/liability/<case number>/`` beside the
  database, named by their SHA-256, listed in the Attachment table and in
  ``attachments/manifest.sha256.json``, which ``complaint-desk check`` verifies
  (db/trust/integrity.py); :func:`verify_attachments` also checks the table against the files.

Everything is written in one transaction; a refusal writes nothing (and copies no file).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from pathlib import Path
from typing import Any, cast

from peewee import Database

from db.errors import WorkflowError
from db.handling import workflow
from db.handling.actions import Checks, load, moment, staff_of, sync
from db.intake.cases import add_event
from db.management import penalties as penalty_rules
from db.management.findings import (  # noqa: F401 (read through this module too)
    current_finding,
    current_finding_id,
    require_determination,
    share_percent,
)
from db.management.penalties import PenaltyChoice
from db.store import codes, sqlite_features, vocab
from db.store import files as store_files
from db.store.models import (
    Attachment,
    Case,
    Liability,
    LiabilityReview,
    LiablePerson,
    Staff,
    database,
)
from db.store.rows import tuples
from db.trust import permissions
from db.trust.backup import attachments_folder, sha256_file
from db.trust.policy import Action

log = logging.getLogger(__name__)

FULL_SHARE_BP = 10_000  # 100 % in hundredths of a percent
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
MANIFEST_NAME = "manifest.sha256.json"  # the name db/trust/integrity.py reads
EVIDENCE_DIR = "liability"
_SUFFIX_RE = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


# --- what the dialog hands in ------------------------------------------------------------------


@dataclass(frozen=True)
class Responsible:
    """A responsible staff member and their share in percent (e.g. 50, 33.33, "66.67")."""

    staff: Staff
    share: Decimal | int | float | str


@dataclass(frozen=True)
class Finding:
    """A finding as the liability dialog collects it.

    ``reasons``: for a liable finding, what was found; for no liability, why not (both
    required). ``basis``: the duty or rule breached (required when liable). ``cause``:
    a code of vocab.CAUSES; empty means the case's own cause.
    """

    liable: bool | None  # None: the form had neither chosen, refused as required
    reasons: str
    responsible: Sequence[Responsible] = ()
    basis: str = ""
    cause: str = ""


@dataclass(frozen=True)
class _Checked:
    liable: bool
    reasons: str
    basis: str
    cause: str
    people: tuple[tuple[Staff, int], ...]


def share_bp(value: Decimal | int | float | str) -> int:
    """A share in percent as hundredths of a percent: more than 0, at most 100, at most
    two decimals. WorkflowError ``share_invalid`` otherwise."""
    try:
        number = Decimal(str(value).strip()) if not isinstance(value, bool) else None
    except InvalidOperation:
        number = None
    if (
        number is None
        or not number.is_finite()
        or not Decimal(0) < number <= Decimal(100)
        or number != number.quantize(Decimal("0.01"))
    ):
        raise WorkflowError("share_invalid", value=value)
    return int(number * 100)


def equal_shares(count: int) -> list[Decimal]:
    """``count`` shares in percent that add up to exactly 100; the first get the cents
    left over (3 people: 33.34, 33.33, 33.33). What the dialog proposes."""
    if count <= 0:
        return []
    base = (Decimal(FULL_SHARE_BP) / count).to_integral_value(rounding=ROUND_DOWN)
    rest = FULL_SHARE_BP - int(base) * count
    return [share_percent(int(base) + (1 if i < rest else 0)) for i in range(count)]


def _check(case: Case, finding: Finding, checks: Checks | None = None) -> _Checked:
    """The finding checked field by field. With ``checks`` its refusals join the caller's
    (who raises them all with ``checks.done()``); without, they are raised here."""
    own = checks is None
    checks = checks if checks is not None else Checks()
    if finding.liable is None:
        checks.refuse("text_required", field="liable")
    reasons = checks.text(finding.reasons, "reasons")
    cause = finding.cause or case.cause
    checks.known(cause, vocab.CAUSES, "cause")
    basis = checks.text(finding.basis, "basis", required=bool(finding.liable))
    people = checks.run(_responsible, case, finding) or ()
    if own:
        checks.done()
    return _Checked(bool(finding.liable), reasons, basis, cause, tuple(people))


def _responsible(case: Case, finding: Finding) -> list[tuple[Staff, int]]:
    """The responsible staff with their shares in hundredths of a percent."""
    people: list[tuple[Staff, int]] = []
    seen: set[int] = set()
    for entry in finding.responsible:
        stored = Staff.get_or_none(Staff.id == entry.staff.id)
        # Former staff may still answer for what they did: inactive people are allowed.
        if stored is None or stored.outlet_id != case.outlet_id:
            raise WorkflowError("wrong_outlet")
        if stored.id in seen:
            raise WorkflowError("responsible_duplicate", name=stored.name)
        seen.add(stored.id)
        people.append((stored, share_bp(entry.share)))
    if finding.liable and not people:
        raise WorkflowError("responsible_required")
    if finding.liable is False and people:
        raise WorkflowError("responsible_not_liable")
    total = sum(bp for _staff, bp in people)
    if people and total != FULL_SHARE_BP:
        raise WorkflowError("shares_sum", total=share_percent(total))
    return people


def validate(case: Case, finding: Finding) -> None:
    """Check a finding without writing anything (for the dialog's OK button); raises the
    WorkflowError that :func:`determine` would."""
    _check(load(case), finding)


# --- evidence files ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    source: Path
    name: str
    size: int
    sha256: str


def attachments_dir(db: Database | None = None) -> Path:
    """The attachments folder beside the database file (it may not exist yet)."""
    target = cast(Database, db if db is not None else database)
    path = str(sqlite_features.database_file(target)) if sqlite_features.is_sqlite(target) else ""
    if not path or path == ":memory:" or path.startswith("file::memory:"):
        raise WorkflowError("attachments_unavailable")
    return attachments_folder(Path(path))


def _prepare(paths: Sequence[Path | str]) -> list[_Evidence]:
    """Read and checksum the chosen files before anything is written."""
    if not paths:
        return []
    attachments_dir()
    files = []
    for raw in paths:
        path = Path(raw)
        try:
            if not path.is_file():
                raise OSError("not a file")
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise WorkflowError(
                    "attachment_too_large", name=path.name, max=MAX_ATTACHMENT_BYTES // 2**20
                )
            digest = sha256_file(path)
        except OSError:
            raise WorkflowError("attachment_unreadable", name=path.name) from None
        name = path.name[:255]
        files.append(_Evidence(path, name, size, digest))
    return files


def _stored_name(case: Case, evidence: _Evidence) -> str:
    suffix = Path(evidence.name).suffix.lower()
    suffix = suffix if _SUFFIX_RE.match(suffix) else ""
    return f"{EVIDENCE_DIR}/{case.case_no}/{evidence.sha256[:16]}{suffix}"


def _store(
    case: Case,
    liability: Liability | None,
    actor: Staff,
    at: dt.datetime,
    files: list[_Evidence],
    created: list[Path],
) -> list[Attachment]:
    """Copy each file in (one copy per content) and list it; new files go to ``created``
    so that the caller can remove them if the transaction fails."""
    folder = attachments_dir()
    rows = []
    for evidence in files:
        rel = _stored_name(case, evidence)
        target = folder / rel
        if target.exists() and sha256_file(target) != evidence.sha256:
            rel = f"{EVIDENCE_DIR}/{case.case_no}/{evidence.sha256}{Path(rel).suffix}"
            target = folder / rel
        if not target.exists():
            partial = target.with_name(target.name + ".partial")
            try:
                store_files.copy_private(evidence.source, partial)
                if sha256_file(partial) != evidence.sha256:
                    raise OSError("changed while copied")
                os.replace(partial, target)
            except OSError:
                partial.unlink(missing_ok=True)
                raise WorkflowError("attachment_unreadable", name=evidence.name) from None
            created.append(target)
        rows.append(
            Attachment.create(
                case=case,
                liability=liability,
                original_name=evidence.name,
                stored_path=rel,
                sha256=evidence.sha256,
                size=evidence.size,
                added_by=actor,
                added_at=at,
            )
        )
    return rows


def _read_manifest(folder: Path) -> dict[str, dict]:
    try:
        files = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
        return files if isinstance(files, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_manifest() -> Path | None:
    """Bring ``attachments/manifest.sha256.json`` in step with the Attachment table; entries
    for other files already listed there are kept. Written to a temporary file first."""
    try:
        folder = attachments_dir()
    except WorkflowError:
        return None
    listed = _read_manifest(folder)
    for rel, digest, size in tuples(
        Attachment.select(Attachment.stored_path, Attachment.sha256, Attachment.size)
    ):
        listed[rel] = {"sha256": digest, "size": size}
    if not listed:
        return None
    body = json.dumps({"files": dict(sorted(listed.items()))}, ensure_ascii=False, indent=1)
    return store_files.write_private(folder / MANIFEST_NAME, body)


def _committed(created: list[Path]) -> None:
    if created:
        try:
            write_manifest()
        except OSError:  # the check will name the files the list lacks
            log.exception("could not write the attachments' checksum list")


def _discard(created: list[Path]) -> None:
    for path in created:
        path.unlink(missing_ok=True)


def verify_attachments(db: Database | None = None) -> list[str]:
    """Problems with the evidence files: a listed file missing or changed (size or
    SHA-256), or missing from the checksum list. Empty when all is well."""
    target = cast(Database, db if db is not None else database)
    if "attachment" not in sqlite_features.existing_tables(target):
        return []
    rows = target.execute_sql(
        "SELECT a.stored_path, a.sha256, a.size, c.case_no FROM attachment AS a"
        " JOIN complaint_case AS c ON c.id = a.case_id ORDER BY a.id"
    ).fetchall()
    if not rows:
        return []
    folder = attachments_dir(target)
    listed = _read_manifest(folder)
    problems = []
    seen: set[str] = set()
    for rel, digest, size, case_no in rows:
        if rel in seen:
            continue
        seen.add(rel)
        path = folder / rel
        if not path.is_file():
            problems.append(f"evidence {rel} of case {case_no} is missing")
        elif path.stat().st_size != size or sha256_file(path) != digest:
            problems.append(
                f"evidence {rel} of case {case_no} has changed (SHA-256 does not match)"
            )
        if listed.get(rel, {}).get("sha256") != digest:
            problems.append(f"evidence {rel} of case {case_no} is not in {MANIFEST_NAME}")
    return problems


def attachment_check():
    """An integrity check (db/trust/integrity.py) of the evidence files against their table."""
    from db.trust import integrity

    def run(ctx: integrity.CheckContext) -> integrity.Findings:
        if ctx.path is None:
            return integrity.Findings(notes=["no database file; not checked"])
        problems = verify_attachments(ctx.db)
        return integrity.Findings(problems, [] if problems else ["every evidence file matches"])

    return integrity.Check("evidence", "Evidence files", run)


def register_attachment_check() -> None:
    """Add :func:`attachment_check` to ``check_database`` (call once at start-up)."""
    from db.trust import integrity

    integrity.register_check(attachment_check(), after="attachments")


def attachment_path(attachment: Attachment) -> Path:
    """Where the stored copy of an attachment is (to open it)."""
    return attachments_dir() / attachment.stored_path


# --- writing findings -------------------------------------------------------------------------


def _write_finding(
    case: Case,
    actor: Staff,
    authority: permissions.Authority,
    checked: _Checked,
    at: dt.datetime,
) -> Liability:
    row = Liability.create(
        case=case,
        liable=checked.liable,
        reasons=checked.reasons,
        basis=checked.basis,
        cause=checked.cause,
        authority=authority.capacity,
        determined_by=actor,
        determined_at=at,
    )
    for person, bp in checked.people:
        LiablePerson.create(liability=row, staff=person, share_bp=bp)
    return row


def _finding_data(row: Liability, checked: _Checked, attachments: list[Attachment]) -> dict:
    return {
        "liability": row.id,
        "liable": checked.liable,
        "responsible": [p.id for p, _bp in checked.people],
        "shares": {str(p.id): str(share_percent(bp)) for p, bp in checked.people},
        "basis": checked.basis,
        "cause": checked.cause,
        "attachments": [a.id for a in attachments],
    }


def determine(
    case: Case,
    actor: Staff,
    finding: Finding,
    *,
    evidence: Sequence[Path | str] = (),
    at: dt.datetime | None = None,
) -> Liability:
    """The head determines liability (Art. 5(8)); the case moves to "liability determined".

    ``evidence``: files to copy in and checksum. Returns the new determination.
    """
    created: list[Path] = []
    try:
        with database.atomic():
            fresh = load(case)
            actor = staff_of(fresh, actor)
            checks = Checks()
            at = checks.moment(at, fresh)
            target = workflow.check_transition(fresh, "determine_liability")
            authority = permissions.require(actor, Action.DETERMINE_LIABILITY, at)
            checked = _check(fresh, finding, checks)
            checks.done()
            files = _prepare(evidence)
            row = _write_finding(fresh, actor, authority, checked, at)
            attachments = _store(fresh, row, actor, at, files, created)
            workflow.apply_transition(
                fresh,
                "determine_liability",
                target,
                actor=actor,
                at=at,
                kind=codes.EVENT_LIABILITY_DETERMINED,
                note=checked.reasons,
                data={**_finding_data(row, checked, attachments), **authority.event_data()},
            )
    except BaseException:
        _discard(created)
        raise
    _committed(created)
    sync(case, fresh)
    return row


def determine_liability(
    case: Case,
    actor: Staff,
    *,
    liable: bool,
    responsible: Sequence[Staff] = (),
    reasons: str,
    at: dt.datetime | None = None,
) -> Liability:
    """The head confirms whether the outlet was at fault and, if so, who (Art. 5(8)).

    A shorthand of :func:`determine`, where the rules live: the people named
    share the liability equally and the reasons stand as the basis. The liability dialog
    calls :func:`determine` with shares, basis, cause and evidence.
    """
    people = list({p.id: p for p in responsible}.values())
    shares = equal_shares(len(people))
    finding = Finding(
        liable=liable,
        reasons=reasons,
        responsible=[Responsible(p, s) for p, s in zip(people, shares, strict=True)],
        basis=reasons if liable else "",
    )
    return determine(case, actor, finding, at=at)


def review(
    liability: Liability,
    actor: Staff,
    *,
    outcome: str,
    reason: str,
    finding: Finding | None = None,
    penalties: Sequence[PenaltyChoice] = (),
    evidence: Sequence[Path | str] = (),
    at: dt.datetime | None = None,
) -> LiabilityReview:
    """Review the case's current determination; the reviewed row is never changed.

    ``upheld`` takes no new finding; ``changed`` and ``overturned`` need one, written as a
    new determination that becomes current (the case's status does not change, so a
    closed case can be reviewed too). ``overturned`` must reverse liable / not liable;
    ``changed`` must keep it.

    ``penalties``: for a review that writes a new finding, one choice for every penalty
    applied under the reviewed one, carried over (to a person still responsible) or
    withdrawn (db.management.penalties.check_review_choices); an upheld review keeps them and takes
    none. The review, the new finding and the carry-over or withdrawal are one
    transaction.
    """
    created: list[Path] = []
    try:
        with database.atomic():
            original = Liability.get_by_id(liability.id)
            case = load(original.case)
            actor = staff_of(case, actor)
            checks = Checks()
            at = checks.moment(at, case)
            if not checks.failed("at") and at < original.determined_at:
                checks.refuse("not_after", field="reviewed_at", other="determined_at")
            authority = permissions.require(actor, Action.DETERMINE_LIABILITY, at)
            checks.known(outcome, codes.LIABILITY_REVIEW_OUTCOMES, "review outcome")
            reason = checks.text(reason, "reason")
            current = current_finding(case)
            if current is None or current.id != original.id:
                raise WorkflowError("finding_superseded")
            checked: _Checked | None = None
            if outcome == codes.REVIEW_UPHELD:
                if finding is not None:
                    checks.refuse("upheld_no_new_finding")
            elif outcome:
                if finding is None:
                    checks.refuse("new_finding_required", outcome=outcome)
                else:
                    before = len(checks.errors)
                    checked = _check(case, finding, checks)
                    reverses = checked.liable != bool(original.liable)
                    mismatch = reverses != (outcome == codes.REVIEW_OVERTURNED)
                    if len(checks.errors) == before and mismatch:
                        checks.refuse("review_outcome_mismatch", outcome=outcome)
            checks.done()
            choices = penalty_rules.check_review_choices(
                original,
                penalties,
                replaced=checked is not None,
                still_responsible=[p.id for p, _bp in checked.people] if checked else (),
            )
            files = _prepare(evidence)
            result = _write_finding(case, actor, authority, checked, at) if checked else None
            attachments = _store(case, result or original, actor, at, files, created)
            row = LiabilityReview.create(
                case=case,
                liability=original,
                outcome=outcome,
                reason=reason,
                result=result,
                reviewed_by=actor,
                reviewed_at=at,
                authority=authority.capacity,
            )
            data: dict = {"review": row.id, "reviewed": original.id, "outcome": outcome}
            if result is not None and checked is not None:
                data["new_finding"] = _finding_data(result, checked, attachments)
                actions = penalty_rules.apply_review_choices(row, result, choices)
                if actions:
                    data["penalties"] = [
                        {"penalty": a.penalty_id, "action": a.action, "carried_to": a.carried_to_id}
                        for a in actions
                    ]
            elif attachments:
                data["attachments"] = [a.id for a in attachments]
            add_event(
                case,
                codes.EVENT_LIABILITY_REVIEWED,
                actor=actor,
                at=at,
                note=reason,
                data={**data, **authority.event_data()},
            )
    except BaseException:
        _discard(created)
        raise
    _committed(created)
    return row


def attach_evidence(
    liability: Liability,
    actor: Staff,
    paths: Sequence[Path | str],
    *,
    at: dt.datetime | None = None,
) -> list[Attachment]:
    """Evidence that arrives after the determination; head or acting head."""
    created: list[Path] = []
    try:
        with database.atomic():
            row = Liability.get_by_id(liability.id)
            case = load(row.case)
            actor = staff_of(case, actor)
            at = moment(at, case)
            authority = permissions.require(actor, Action.DETERMINE_LIABILITY, at)
            files = _prepare(paths)
            if not files:
                raise WorkflowError("text_required", field="evidence")
            attachments = _store(case, row, actor, at, files, created)
            add_event(
                case,
                codes.EVENT_EVIDENCE_ATTACHED,
                actor=actor,
                at=at,
                note=", ".join(a.original_name for a in attachments),
                data={
                    "liability": row.id,
                    "attachments": [a.id for a in attachments],
                    **authority.event_data(),
                },
            )
    except BaseException:
        _discard(created)
        raise
    _committed(created)
    return attachments


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponsibleRow:
    liable_person_id: int
    staff_id: int
    name: str
    employee_no: str
    active: bool
    share: Decimal


def responsible_of(liability: Liability) -> list[ResponsibleRow]:
    """The responsible staff of a determination, largest share first."""
    query = (
        LiablePerson.select(LiablePerson, Staff)
        .join(Staff)
        .where(LiablePerson.liability == liability.id)
        .order_by(LiablePerson.share_bp.desc(), LiablePerson.id)
    )
    return [
        ResponsibleRow(
            p.id,
            p.staff.id,
            p.staff.name,
            p.staff.employee_no,
            bool(p.staff.active),
            share_percent(p.share_bp),
        )
        for p in query
    ]


@dataclass(frozen=True)
class FindingView:
    """One determination as the case view shows it."""

    id: int
    liable: bool
    reasons: str
    basis: str
    cause: str
    determined_by: str
    determined_at: dt.datetime
    as_acting_head: bool
    current: bool
    responsible: list[ResponsibleRow]
    attachments: list[Attachment] = field(default_factory=list)
    # The review that produced this finding, if any.
    from_review: int | None = None


def findings(case: Case) -> list[FindingView]:
    """Every determination of the case, oldest first; the last one is current."""
    rows = list(
        Liability.select(Liability, Staff)
        .join(Staff, on=(Liability.determined_by == Staff.id))
        .where(Liability.case == case.id)
        .order_by(Liability.id)
    )
    produced = {
        r.result_id: r.id
        for r in LiabilityReview.select(LiabilityReview.id, LiabilityReview.result).where(
            (LiabilityReview.case == case.id) & LiabilityReview.result.is_null(False)
        )
    }
    files: dict[int | None, list[Attachment]] = {}
    for a in Attachment.select().where(Attachment.case == case.id).order_by(Attachment.id):
        files.setdefault(a.liability_id, []).append(a)
    return [
        FindingView(
            r.id,
            bool(r.liable),
            r.reasons,
            r.basis,
            r.cause,
            r.determined_by.name,
            r.determined_at,
            r.authority == permissions.CAPACITY_ACTING,
            i == len(rows) - 1,
            responsible_of(r),
            files.get(r.id, []),
            produced.get(r.id),
        )
        for i, r in enumerate(rows)
    ]


def reviews_of(case: Case) -> list[LiabilityReview]:
    """The reviews of the case's determinations, oldest first."""
    return list(
        LiabilityReview.select().where(LiabilityReview.case == case.id).order_by(LiabilityReview.id)
    )


# --- what a review changes ----------------------------------------------------------------------

CHANGE_LIABLE = "liable"
CHANGE_RESPONSIBLE = "responsible"
CHANGE_BASIS = "basis"
CHANGE_CAUSE = "cause"
CHANGE_REASONS = "reasons"
CHANGE_FIELDS: dict[str, str] = {
    CHANGE_LIABLE: "Liable or not",
    CHANGE_RESPONSIBLE: "Responsible staff and shares",
    CHANGE_BASIS: "Duty or rule breached",
    CHANGE_CAUSE: "Cause",
    CHANGE_REASONS: "Reasons",
}

People = tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class FindingChange:
    """One field a review changes, before → after. ``before`` and ``after`` are a bool for
    ``liable``, ((name, share in percent), ...) for ``responsible``, a vocab.CAUSES code for
    ``cause`` and text otherwise; the screen and the report word them."""

    field: str
    before: Any
    after: Any


def _facts(liable: bool, people: People, basis: str, cause: str, reasons: str) -> dict:
    return {
        CHANGE_LIABLE: bool(liable),
        # Largest share first, as responsible_of lists them: the order entered is no change.
        CHANGE_RESPONSIBLE: tuple(sorted(people, key=lambda p: (-p[1], p[0]))),
        CHANGE_BASIS: basis.strip(),
        CHANGE_CAUSE: cause,
        CHANGE_REASONS: reasons.strip(),
    }


def _stored_facts(row: Liability) -> dict:
    people = tuple((p.name, p.share) for p in responsible_of(row))
    return _facts(bool(row.liable), people, row.basis, row.cause, row.reasons)


def _draft_facts(case: Case, finding: Finding) -> dict:
    people = []
    for entry in finding.responsible if finding.liable else ():
        try:
            share = share_percent(share_bp(entry.share))
        except WorkflowError:
            share = Decimal(str(entry.share))
        people.append((entry.staff.name, share))
    return _facts(
        bool(finding.liable),
        tuple(people),
        finding.basis if finding.liable else "",
        finding.cause or case.cause,
        finding.reasons,
    )


def _compare(before: dict, after: dict) -> list[FindingChange]:
    return [FindingChange(f, before[f], after[f]) for f in CHANGE_FIELDS if before[f] != after[f]]


def finding_changes(original: Liability, finding: Finding) -> list[FindingChange]:
    """What ``finding`` would change against the stored ``original``, field by field, in
    the order of CHANGE_FIELDS; empty when it changes nothing. Pure: for the review dialog
    to show as the head edits, before anything is written."""
    stored = Liability.get_by_id(original.id)
    return _compare(_stored_facts(stored), _draft_facts(stored.case, finding))


def changes_between(before: Liability, after: Liability) -> list[FindingChange]:
    """What a review changed: from the finding it reviewed to the one it wrote."""
    return _compare(_stored_facts(before), _stored_facts(after))


def finding_of(row: Liability) -> Finding:
    """A stored determination as a Finding, to start a review's new finding from it."""
    return Finding(
        liable=bool(row.liable),
        reasons=row.reasons,
        responsible=[
            Responsible(Staff.get_by_id(p.staff_id), p.share) for p in responsible_of(row)
        ],
        basis=row.basis,
        cause=row.cause,
    )
