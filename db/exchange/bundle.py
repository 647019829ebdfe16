"""Offline exchange with the district branch: case bundles up, work orders and replies down.

An outlet on a poor network exchanges ZIP files with its district branch (a USB stick, a
mail attachment). :func:`export_bundle` writes the cases received or updated since a date,
with their evidence files; :func:`import_bundle` reads what the district sends down: work
orders and the replies recorded for them above. Every member is listed in a manifest with
its SHA-256 and size, and a bundle that does not match its manifest is refused whole.

Bundle format ``complaint-desk-bundle``, version 1
--------------------------------------------------

A ZIP file (deflate or stored). The outlet exports ``manifest.json``, ``cases.json``,
``workorders.json`` and ``attachments/…``; the district sends down ``manifest.json`` with
``workorders.json`` and/or ``replies.json`` (``cases.json`` and ``attachments/…`` may come
too: they are verified, not imported). Member names use forward slashes, are relative, and
never contain ``..``, ``.``, an empty part, a colon (drive letter) or a backslash. Text
members are UTF-8 JSON (no BOM). Times are local wall-clock time of the outlet, ISO 8601
without a zone, to the second (``"2026-09-28T10:00:00"``); dates are ``"YYYY-MM-DD"``;
absent values are ``null``.
A staff reference is ``{"name": str, "employee_no": str}`` or ``null``.

Members:

``manifest.json`` (required)
    ``format`` (str, ``"complaint-desk-bundle"``), ``version`` (int, ``1``),
    ``outlet`` (``{"code": str, "name": str, "district_branch": str}``),
    ``created_at`` (time), ``since`` (date or ``null`` for a bundle from above),
    ``masked`` (bool: customer phone and ID numbers are masked),
    ``counts`` (object of str → int; on export ``cases``, ``events``, ``work_orders``,
    ``attachments``; informative, not checked on import),
    ``files`` (object: every other member's name → ``{"sha256": str (64 lowercase hex),
    "size": int (bytes)}``). The manifest does not list itself.

``cases.json`` (export)
    ``{"cases": [case, ...]}``: the outlet's cases received, updated or with a timeline
    event on or after ``since`` (00:00 of that day), oldest first. Each case an object:
    ``case_no``, ``received_at``, ``route``, ``channel``, ``business_type``, ``cause``,
    ``severity``, ``urgent_triggers`` (list of str), ``customer_name`` (as stored),
    ``customer_phone`` and ``customer_id_no`` (masked: first three and last four characters
    kept, ``138****5678``), ``remedy_requested``, ``description``, ``first_ask_owner``
    (staff), ``handler`` (staff), ``status``, ``is_open`` (bool), ``agreed_reply_at``,
    ``due_at``, ``settled_at``, ``settlement``, ``closed_at``, ``created_at``,
    ``updated_at``, ``other_outlet``, ``major_reason``, ``report_required`` (bool),
    ``report_reason``, ``first_contact_at``, ``first_contact_method``, ``proposal_at``, and:

    - ``events``: ``[{at, actor (staff), kind, from_status, to_status, note, data (object)}]``
      in the order recorded, the case's whole timeline;
    - ``transfers``: ``[{requested_at, requested_by, handler, handler_name, handler_outlet,
      from_status, state, contact_at, contact_method, confirmed_by, ended_at, note}]``;
    - ``escalations``: the ``escalated`` events, ``[{at, by (staff), level, note, data}]``;
    - ``decisions``: ``[{id, decided_at, decided_by, findings, basis, remedies (list of
      str), remedies_note}]``;
    - ``notices``: ``[{decision (a decision ``id`` or null), kind, method, at, proof,
      recorded_by}]``;
    - ``reviews``: ``[{decision, requested_at, content, recorded_by, decided_at, decided_by,
      outcome, upheld (bool or null)}]``;
    - ``callbacks``: ``[{due_at, assigned_to, planned_by, planned_at, plan_note, done_at,
      done_by, method, reached (bool or null), result, notes, work_order ({source,
      number} or null)}]``;
    - ``liability``: ``[{id, liable (bool), reasons, basis, cause, authority, determined_by,
      determined_at, responsible: [{name, employee_no, share_bp (int, 10000 = 100 %)}]}]``
      oldest first; ``current_liability`` (an ``id`` or null) is the finding that counts;
    - ``work_orders``: ``[{source, number}]`` linked to the case (details in
      ``workorders.json``);
    - ``attachments``: ``[{member (str, the ZIP member), original_name, sha256, size,
      liability (an ``id`` or null), added_by, added_at}]``.

    ``id`` values are the outlet's own row numbers, only for cross-references inside the
    bundle. Customer phone and ID numbers are also masked where staff typed them into free
    text (notes, descriptions); names are as stored.

``workorders.json`` (export; import)
    ``{"work_orders": [work_order, ...]}``; on export the work orders received or replied
    since ``since`` or linked to an exported case. Each: ``source`` (``95580``,
    ``regulator_12378``, ``superior_office`` or ``petition``), ``number`` (str; unique per
    source), ``received_at`` (time), ``reply_by`` (time; on import may be ``null`` for
    ``regulator_12378``: N working days), ``customer_name``, ``customer_phone`` (str; masked
    on export, full on import), ``content``, ``may_concern_outlet`` (bool),
    ``head_callback_required`` (bool); on export also ``case_no`` (str or null),
    ``replied_at``, ``replied_by`` (staff) and ``reply_content`` (phone and ID numbers in
    ``content`` and ``reply_content`` masked as in cases). On import the extra keys
    are ignored; a work order whose source and number are already stored is skipped
    (and not checked again: the stored row stands).

``replies.json`` (import, optional)
    ``{"replies": [reply, ...]}``, each ``{source, number, reply_content (str),
    replied_at (time), replied_by_name (str)}``: the reply to one of the outlet's work
    orders (already stored, or in the same bundle's ``workorders.json``) as recorded above.
    It is stored as the work order's reply record (who: the outlet's active staff member of
    that name, else nobody; the name is kept in the case event when the work order is linked
    to a case). A work order that already has a reply is left as it is.

``attachments/<path>`` (export)
    The evidence files of the exported cases, byte for byte; ``<path>`` is the file's
    stored path at the outlet (``liability/<case_no>/<sha256 prefix>.<ext>``).

Import rules: the manifest is checked before anything is written. Every listed member must
be present with that SHA-256 and size, and nothing else may be in the ZIP (directory
entries aside); names must be safe as above; format and version must be known; a member may
be at most 50 MB, and all of them together at most 500 MB. A bad bundle is refused whole
(:class:`BundleError` names the member and the reason) and nothing is written. Everything
is stored in one transaction; importing the same bundle again creates nothing new.

Versioning: ``version`` is bumped when a reader of the previous version would misread the
bundle (a field removed or its meaning changed). Adding members or keys does not bump it:
readers ignore keys they do not know. A new member does bump it, because a reader refuses
members it does not know: in version 1 only ``manifest.json``, ``cases.json``,
``workorders.json``, ``replies.json`` and ``attachments/…``. This program refuses any
version other than 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import WorkflowError
from db.handling import deadlines
from db.intake import outlets
from db.intake.cases import add_event
from db.intake.queries import mask_phone
from db.management.liability import attachments_dir
from db.reporting.report_data import Masker
from db.store import codes
from db.store.models import (
    Attachment,
    Callback,
    Case,
    CaseEvent,
    CaseTransfer,
    CustomerNotice,
    HandlingDecision,
    Liability,
    LiablePerson,
    Outlet,
    ReviewRequest,
    Staff,
    WorkOrder,
    database,
    now,
)
from db.trust import audit, permissions
from db.trust.policy import Action
from db.workorders import orders as workorders

FORMAT_NAME = "complaint-desk-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CASES = "cases.json"
WORKORDERS = "workorders.json"
REPLIES = "replies.json"
ATTACHMENTS_PREFIX = "attachments/"
KNOWN_MEMBERS = frozenset({CASES, WORKORDERS, REPLIES})

MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_MEMBERS = 20_000
_CHUNK = 1024 * 1024
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_BUNDLE = "(bundle)"


class BundleError(Exception):
    """A bundle refused whole, or an export that cannot be written: ``member`` (the ZIP
    member, or ``(bundle)`` for the file as a whole) and ``reason``."""

    def __init__(self, member: str, reason: str) -> None:
        self.member = member
        self.reason = reason
        self.message = reason if member == _BUNDLE else f"{member}: {reason}"
        super().__init__(self.message)


@dataclass
class BundleSummary:
    path: Path
    cases: int = 0
    events: int = 0
    work_orders: int = 0
    attachments: int = 0
    size: int = 0


@dataclass
class ImportSummary:
    work_orders_created: int = 0
    work_orders_skipped: int = 0
    replies_recorded: int = 0
    replies_skipped: int = 0
    created_numbers: list[str] = field(default_factory=list)

    @property
    def nothing_new(self) -> bool:
        return not (self.work_orders_created or self.replies_recorded)


# --- export ------------------------------------------------------------------------------------


def _t(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


class _Staff:
    """Staff references by id, loaded once."""

    def __init__(self) -> None:
        self._by_id = {s.id: s for s in Staff.select()}

    def __call__(self, staff_id: int | None) -> dict | None:
        staff = self._by_id.get(staff_id) if staff_id is not None else None
        if staff is None:
            return None
        return {"name": staff.name, "employee_no": staff.employee_no}


def _json_data(text: str) -> Any:
    try:
        return json.loads(text or "{}")
    except ValueError:
        return {"text": text}


def _mask_data(value: Any, masker: Masker) -> Any:
    if isinstance(value, str):
        return masker.text(value)
    if isinstance(value, list):
        return [_mask_data(v, masker) for v in value]
    if isinstance(value, dict):
        return {k: _mask_data(v, masker) for k, v in value.items()}
    return value


def _cases_since(outlet: Outlet, start: dt.datetime) -> list[Case]:
    touched = CaseEvent.select(CaseEvent.case).where(CaseEvent.at >= start)
    return list(
        Case.select()
        .where(
            (Case.outlet == outlet)
            & ((Case.received_at >= start) | (Case.updated_at >= start) | Case.id.in_(touched))
        )
        .order_by(Case.received_at, Case.id)
    )


def _case_entry(case: Case, who: _Staff, reveal: bool) -> tuple[dict, list[Attachment]]:
    masker = Masker("", case.customer_phone, case.customer_id_no, reveal=reveal)
    tx = masker.text
    events = list(CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.id))
    event_rows = [
        {
            "at": _t(e.at),
            "actor": who(e.actor_id),
            "kind": e.kind,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "note": tx(e.note),
            "data": _mask_data(_json_data(e.data), masker),
        }
        for e in events
    ]
    escalations = [
        {
            "at": row["at"],
            "by": row["actor"],
            "level": row["data"].get("level") if isinstance(row["data"], dict) else None,
            "note": row["note"],
            "data": row["data"],
        }
        for row in event_rows
        if row["kind"] == codes.EVENT_ESCALATED
    ]
    transfers = [
        {
            "requested_at": _t(t.requested_at),
            "requested_by": who(t.requested_by_id),
            "handler": who(t.handler_id),
            "handler_name": t.handler_name,
            "handler_outlet": t.handler_outlet,
            "from_status": t.from_status,
            "state": t.state,
            "contact_at": _t(t.contact_at),
            "contact_method": t.contact_method,
            "confirmed_by": who(t.confirmed_by_id),
            "ended_at": _t(t.ended_at),
            "note": tx(t.note),
        }
        for t in CaseTransfer.select().where(CaseTransfer.case == case.id).order_by(CaseTransfer.id)
    ]
    decisions = [
        {
            "id": d.id,
            "decided_at": _t(d.decided_at),
            "decided_by": who(d.decided_by_id),
            "findings": tx(d.findings),
            "basis": tx(d.basis),
            "remedies": [r for r in d.remedies.split(",") if r],
            "remedies_note": tx(d.remedies_note),
        }
        for d in HandlingDecision.select()
        .where(HandlingDecision.case == case.id)
        .order_by(HandlingDecision.id)
    ]
    notices = [
        {
            "decision": n.decision_id,
            "kind": n.kind,
            "method": n.method,
            "at": _t(n.at),
            "proof": tx(n.proof),
            "recorded_by": who(n.recorded_by_id),
        }
        for n in CustomerNotice.select()
        .where(CustomerNotice.case == case.id)
        .order_by(CustomerNotice.id)
    ]
    reviews = [
        {
            "decision": r.decision_id,
            "requested_at": _t(r.requested_at),
            "content": tx(r.content),
            "recorded_by": who(r.recorded_by_id),
            "decided_at": _t(r.decided_at),
            "decided_by": who(r.decided_by_id),
            "outcome": tx(r.outcome),
            "upheld": r.upheld,
        }
        for r in ReviewRequest.select()
        .where(ReviewRequest.case == case.id)
        .order_by(ReviewRequest.id)
    ]
    orders = {
        wo.id: wo
        for wo in WorkOrder.select().where(WorkOrder.case == case.id).order_by(WorkOrder.id)
    }
    callbacks = []
    for c in Callback.select().where(Callback.case == case.id).order_by(Callback.id):
        wo = orders.get(c.work_order_id) or (
            WorkOrder.get_or_none(WorkOrder.id == c.work_order_id) if c.work_order_id else None
        )
        callbacks.append(
            {
                "due_at": _t(c.due_at),
                "assigned_to": who(c.assigned_to_id),
                "planned_by": who(c.planned_by_id),
                "planned_at": _t(c.planned_at),
                "plan_note": tx(c.plan_note),
                "done_at": _t(c.done_at),
                "done_by": who(c.done_by_id),
                "method": c.method,
                "reached": c.reached,
                "result": c.result,
                "notes": tx(c.notes),
                "work_order": {"source": wo.source, "number": wo.number} if wo else None,
            }
        )
    findings = list(Liability.select().where(Liability.case == case.id).order_by(Liability.id))
    liability = [
        {
            "id": f.id,
            "liable": f.liable,
            "reasons": tx(f.reasons),
            "basis": tx(f.basis),
            "cause": f.cause,
            "authority": f.authority,
            "determined_by": who(f.determined_by_id),
            "determined_at": _t(f.determined_at),
            "responsible": [
                {**(who(p.staff_id) or {}), "share_bp": p.share_bp}
                for p in LiablePerson.select()
                .where(LiablePerson.liability == f.id)
                .order_by(LiablePerson.id)
            ],
        }
        for f in findings
    ]
    attachments = list(
        Attachment.select().where(Attachment.case == case.id).order_by(Attachment.id)
    )
    customer = masker.customer(case.customer_name, case.customer_phone, case.customer_id_no)
    entry = {
        "case_no": case.case_no,
        "received_at": _t(case.received_at),
        "route": case.route,
        "channel": case.channel,
        "business_type": case.business_type,
        "cause": case.cause,
        "severity": case.severity,
        "urgent_triggers": [t for t in case.urgent_triggers.split(",") if t],
        "customer_name": case.customer_name,
        "customer_phone": customer.phone,
        "customer_id_no": customer.id_no,
        "remedy_requested": tx(case.remedy_requested),
        "description": tx(case.description),
        "first_ask_owner": who(case.first_ask_owner_id),
        "handler": who(case.handler_id),
        "status": case.status,
        "is_open": case.is_open,
        "agreed_reply_at": _t(case.agreed_reply_at),
        "due_at": _t(case.due_at),
        "settled_at": _t(case.settled_at),
        "settlement": tx(case.settlement),
        "closed_at": _t(case.closed_at),
        "created_at": _t(case.created_at),
        "updated_at": _t(case.updated_at),
        "other_outlet": case.other_outlet,
        "major_reason": case.major_reason,
        "report_required": case.report_required,
        "report_reason": case.report_reason,
        "first_contact_at": _t(case.first_contact_at),
        "first_contact_method": case.first_contact_method,
        "proposal_at": _t(case.proposal_at),
        "events": event_rows,
        "transfers": transfers,
        "escalations": escalations,
        "decisions": decisions,
        "notices": notices,
        "reviews": reviews,
        "callbacks": callbacks,
        "liability": liability,
        "current_liability": findings[-1].id if findings else None,
        "work_orders": [{"source": wo.source, "number": wo.number} for wo in orders.values()],
        "attachments": [
            {
                "member": ATTACHMENTS_PREFIX + a.stored_path,
                "original_name": a.original_name,
                "sha256": a.sha256,
                "size": a.size,
                "liability": a.liability_id,
                "added_by": who(a.added_by_id),
                "added_at": _t(a.added_at),
            }
            for a in attachments
        ],
    }
    return entry, attachments


def _workorder_entry(wo: WorkOrder, who: _Staff, case_nos: dict[int, str], reveal: bool) -> dict:
    masker = Masker("", wo.customer_phone, "", reveal=reveal)
    return {
        "source": wo.source,
        "number": wo.number,
        "received_at": _t(wo.received_at),
        "reply_by": _t(wo.reply_by),
        "customer_name": wo.customer_name,
        "customer_phone": wo.customer_phone if reveal else mask_phone(wo.customer_phone),
        "content": masker.text(wo.content),
        "may_concern_outlet": wo.may_concern_outlet,
        "head_callback_required": wo.head_callback_required,
        "case_no": case_nos.get(wo.case_id) if wo.case_id else None,
        "replied_at": _t(wo.replied_at),
        "replied_by": who(wo.replied_by_id),
        "reply_content": masker.text(wo.reply_content),
    }


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


def export_bundle(
    path: Path | str,
    *,
    since: dt.date,
    outlet: Outlet | None = None,
    at: dt.datetime | None = None,
    reveal: bool = False,
    actor: Staff | None = None,
) -> BundleSummary:
    """Write the bundle of the cases received or updated since ``since`` (that day
    included) to ``path``: cases, the work orders received, replied or linked since, their
    evidence files and the manifest. Customer phone and ID numbers are masked unless
    ``reveal``. Written to a temporary file beside ``path`` first; reads only.

    With ``actor`` (the logged-in user), the permission matrix is checked first: ``export``,
    and ``reveal_customer_data`` for an unmasked bundle. The command line, run by whoever
    holds the database file, passes none."""
    path = Path(path)
    at = (at or now()).replace(microsecond=0)
    if actor is not None:
        permissions.require(actor, Action.EXPORT, now())
        if reveal:
            permissions.require(actor, Action.REVEAL_CUSTOMER_DATA, now())
    outlet = outlet or outlets.current_outlet()
    if outlet is None:
        raise BundleError(_BUNDLE, "the outlet is not set up")
    start = dt.datetime.combine(since, dt.time())
    who = _Staff()
    cases = _cases_since(outlet, start)
    entries = []
    attachments: list[Attachment] = []
    events = 0
    for case in cases:
        entry, case_files = _case_entry(case, who, reveal)
        entries.append(entry)
        attachments.extend(case_files)
        events += len(entry["events"])
    case_nos = {c.id: c.case_no for c in cases}
    orders = list(
        WorkOrder.select()
        .where(
            (WorkOrder.outlet == outlet)
            & (
                (WorkOrder.received_at >= start)
                | (WorkOrder.replied_at >= start)
                | WorkOrder.case.in_(list(case_nos) or [0])
            )
        )
        .order_by(WorkOrder.received_at, WorkOrder.id)
    )
    for wo in orders:
        if wo.case_id and wo.case_id not in case_nos:
            case_nos[wo.case_id] = Case.get_by_id(wo.case_id).case_no
    order_entries = [_workorder_entry(wo, who, case_nos, reveal) for wo in orders]
    members: dict[str, bytes | Path] = {
        CASES: _dumps({"cases": entries}),
        WORKORDERS: _dumps({"work_orders": order_entries}),
    }
    folder = attachments_dir() if attachments else None
    for a in attachments:
        name = ATTACHMENTS_PREFIX + a.stored_path
        if name in members:
            continue
        problem = _safe_name_problem(name)
        if problem:
            raise BundleError(name, problem)
        members[name] = folder / a.stored_path  # type: ignore[operator]
    files: dict[str, dict] = {}
    total = 0
    for name, content in members.items():
        if isinstance(content, bytes):
            digest, size = hashlib.sha256(content).hexdigest(), len(content)
        else:
            try:
                digest, size = _hash_file(content)
            except OSError as exc:
                raise BundleError(name, f"evidence file cannot be read ({exc})") from exc
            expected = next(a for a in attachments if ATTACHMENTS_PREFIX + a.stored_path == name)
            if digest != expected.sha256 or size != expected.size:
                raise BundleError(
                    name, "evidence file has changed since it was stored (SHA-256 differs)"
                )
        _check_sizes(name, size, total)
        total += size
        files[name] = {"sha256": digest, "size": size}
    manifest = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "outlet": {
            "code": outlet.code,
            "name": outlet.name,
            "district_branch": outlet.district_branch,
        },
        "created_at": _t(at),
        "since": since.isoformat(),
        "masked": not reveal,
        "counts": {
            "cases": len(entries),
            "events": events,
            "work_orders": len(order_entries),
            "attachments": len(members) - 2,
        },
        "files": files,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, _dumps(manifest))
            for name, content in members.items():
                if isinstance(content, bytes):
                    archive.writestr(name, content)
                else:
                    archive.write(content, name)
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BundleSummary(
        path=path,
        cases=len(entries),
        events=events,
        work_orders=len(order_entries),
        attachments=len(members) - 2,
        size=path.stat().st_size,
    )


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _check_sizes(name: str, size: int, total_before: int) -> None:
    if size > MAX_MEMBER_BYTES:
        raise BundleError(
            name, f"is {size:,} bytes; a member may be at most {MAX_MEMBER_BYTES // 2**20} MB"
        )
    if total_before + size > MAX_TOTAL_BYTES:
        raise BundleError(
            _BUNDLE,
            f"the bundle holds more than {MAX_TOTAL_BYTES // 2**20} MB; split it by date",
        )


# --- reading and verifying ---------------------------------------------------------------------


def _safe_name_problem(name: str) -> str | None:
    """Why a member name is unsafe to use, or None."""
    if not name or len(name) > 400:
        return "bad member name"
    if "\\" in name or "\x00" in name or ":" in name:
        return "member name contains a backslash, colon or NUL"
    if name.startswith("/"):
        return "absolute path"
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts) or posixpath.normpath(name) != name:
        return "path leaves the bundle or is not normalised ('..', '.', '//')"
    return None


def _allowed_member(name: str) -> bool:
    return name in KNOWN_MEMBERS or (
        name.startswith(ATTACHMENTS_PREFIX) and len(name) > len(ATTACHMENTS_PREFIX)
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, read no further than the size limit (a zip bomb stops early)."""
    out = bytearray()
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > MAX_MEMBER_BYTES:
                    raise BundleError(
                        info.filename,
                        f"is larger than {MAX_MEMBER_BYTES // 2**20} MB when unpacked",
                    )
    except BundleError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise BundleError(info.filename, f"damaged in the ZIP file ({exc})") from exc
    except NotImplementedError as exc:
        raise BundleError(info.filename, f"uses an unsupported compression ({exc})") from exc
    return bytes(out)


def _load_json(name: str, raw: bytes, key: str) -> list:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleError(name, "not UTF-8 text") from None
    except ValueError as exc:
        raise BundleError(name, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise BundleError(name, f'expected an object with a list "{key}"')
    return data[key]


def _verify_manifest(raw: bytes) -> dict:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError(MANIFEST, f"not valid UTF-8 JSON ({exc})") from None
    if not isinstance(manifest, dict):
        raise BundleError(MANIFEST, "not a JSON object")
    if manifest.get("format") != FORMAT_NAME:
        raise BundleError(MANIFEST, f"format is {manifest.get('format')!r}, not {FORMAT_NAME!r}")
    version = manifest.get("version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise BundleError(
            MANIFEST,
            f"unknown format version {version!r}; this program reads version {FORMAT_VERSION}",
        )
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise BundleError(MANIFEST, 'no "files" object listing the members')
    total = 0
    for name, entry in files.items():
        problem = _safe_name_problem(name)
        if problem:
            raise BundleError(name, f"unsafe name in the manifest: {problem}")
        if name == MANIFEST or not _allowed_member(name):
            raise BundleError(name, f"not a member of format version {FORMAT_VERSION}")
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("sha256"), str)
            or not _SHA_RE.match(entry["sha256"])
            or not isinstance(entry.get("size"), int)
            or isinstance(entry.get("size"), bool)
            or entry["size"] < 0
        ):
            raise BundleError(name, 'manifest entry needs "sha256" (64 hex) and "size" (bytes)')
        _check_sizes(name, entry["size"], total)
        total += entry["size"]
    return manifest


@dataclass
class VerifiedBundle:
    """A bundle whose every member matched its manifest; ``members`` holds the JSON ones."""

    manifest: dict
    members: dict[str, bytes]
    attachments: list[str]


def verify_bundle(path: Path | str) -> VerifiedBundle:
    """Check a bundle against its manifest without writing anything; BundleError if not."""
    path = Path(path)
    if not path.is_file():
        raise BundleError(_BUNDLE, f"no such file: {path}")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise BundleError(_BUNDLE, "not a ZIP file, or truncated (no central directory)") from None
    except OSError as exc:
        raise BundleError(_BUNDLE, f"cannot be read ({exc})") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise BundleError(_BUNDLE, f"more than {MAX_MEMBERS:,} members")
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            problem = _safe_name_problem(name.rstrip("/") if info.is_dir() else name)
            if problem:
                raise BundleError(name, problem)
            if info.is_dir():
                if info.file_size:
                    raise BundleError(name, "a directory entry with content")
                continue
            if name in by_name:
                raise BundleError(name, "appears twice in the ZIP file")
            by_name[name] = info
        if MANIFEST not in by_name:
            raise BundleError(MANIFEST, "missing: this is not a Complaint Desk bundle")
        if by_name[MANIFEST].file_size > MAX_MEMBER_BYTES:
            raise BundleError(MANIFEST, "too large")
        manifest = _verify_manifest(_read_member(archive, by_name[MANIFEST]))
        files: dict[str, dict] = manifest["files"]
        for name in sorted(by_name):
            if name != MANIFEST and name not in files:
                raise BundleError(name, "in the ZIP file but not listed in the manifest")
        for name in sorted(files):
            if name not in by_name:
                raise BundleError(name, "listed in the manifest but missing from the ZIP file")
        members: dict[str, bytes] = {}
        for name in sorted(files):
            info, expected = by_name[name], files[name]
            if info.file_size != expected["size"]:
                raise BundleError(
                    name, f"size {info.file_size:,} bytes, the manifest says {expected['size']:,}"
                )
            raw = _read_member(archive, info)
            if len(raw) != expected["size"]:
                raise BundleError(
                    name, f"size {len(raw):,} bytes, the manifest says {expected['size']:,}"
                )
            if hashlib.sha256(raw).hexdigest() != expected["sha256"]:
                raise BundleError(name, "SHA-256 does not match the manifest (changed or damaged)")
            if name in KNOWN_MEMBERS:
                members[name] = raw
        attachments = [n for n in files if n.startswith(ATTACHMENTS_PREFIX)]
    return VerifiedBundle(manifest, members, attachments)


# --- import ------------------------------------------------------------------------------------


def _entry_problem(member: str, index: int, reason: str) -> BundleError:
    return BundleError(member, f"entry {index + 1}: {reason}")


def _str(entry: dict, key: str, member: str, index: int, *, required: bool = True) -> str:
    value = entry.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _entry_problem(member, index, f'"{key}" must be text')
    return value


def _time(entry: dict, key: str, member: str, index: int) -> dt.datetime | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _entry_problem(member, index, f'"{key}" must be a time text or null')
    try:
        return dt.datetime.fromisoformat(value).replace(microsecond=0, tzinfo=None)
    except ValueError:
        raise _entry_problem(member, index, f'"{key}" is not a time: {value!r}') from None


def _flag(entry: dict, key: str, member: str, index: int) -> bool:
    value = entry.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _entry_problem(member, index, f'"{key}" must be true or false')
    return value


def _parse_workorders(items: list) -> list[tuple[int, workorders.NewWorkOrder]]:
    result = []
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(items):
        if not isinstance(entry, dict):
            raise _entry_problem(WORKORDERS, index, "not an object")
        data = workorders.NewWorkOrder(
            source=_str(entry, "source", WORKORDERS, index),
            number=_str(entry, "number", WORKORDERS, index),
            received_at=_time(entry, "received_at", WORKORDERS, index),
            reply_by=_time(entry, "reply_by", WORKORDERS, index),
            customer_name=_str(entry, "customer_name", WORKORDERS, index),
            customer_phone=_str(entry, "customer_phone", WORKORDERS, index, required=False),
            content=_str(entry, "content", WORKORDERS, index),
            may_concern_outlet=_flag(entry, "may_concern_outlet", WORKORDERS, index),
            head_callback_required=_flag(entry, "head_callback_required", WORKORDERS, index),
        )
        data = workorders._clean(data)
        key = (data.source, data.number)
        if key in seen:
            raise _entry_problem(
                WORKORDERS,
                index,
                f"work order {data.source} {data.number} repeats entry {seen[key] + 1}",
            )
        seen[key] = index
        result.append((index, data))
    return result


def _validated(
    index: int, data: workorders.NewWorkOrder, at: dt.datetime
) -> workorders.NewWorkOrder:
    """A new work order checked as if entered by hand (stored ones are not checked again:
    the stored row stands, and a bundle exported here carries masked phone numbers)."""
    try:
        return workorders.validate_workorder(data, at)
    except WorkflowError as exc:
        raise _entry_problem(WORKORDERS, index, exc.message) from None


@dataclass
class _Reply:
    source: str
    number: str
    content: str
    at: dt.datetime
    by_name: str


def _parse_replies(items: list, at: dt.datetime) -> list[_Reply]:
    result = []
    seen: set[tuple[str, str]] = set()
    for index, entry in enumerate(items):
        if not isinstance(entry, dict):
            raise _entry_problem(REPLIES, index, "not an object")
        source = _str(entry, "source", REPLIES, index).strip()
        number = _str(entry, "number", REPLIES, index).strip()
        content = _str(entry, "reply_content", REPLIES, index).strip()
        by_name = _str(entry, "replied_by_name", REPLIES, index, required=False).strip()
        when = _time(entry, "replied_at", REPLIES, index)
        if source not in codes.WORKORDER_SOURCES:
            raise _entry_problem(REPLIES, index, f"{source!r} is not a known work-order source")
        if not number or not content:
            raise _entry_problem(REPLIES, index, '"number" and "reply_content" are required')
        if len(content) > workorders.MAX_CONTENT or len(by_name) > 50:
            raise _entry_problem(REPLIES, index, "reply or name too long")
        if when is None:
            raise _entry_problem(REPLIES, index, '"replied_at" is required')
        if when > at + dt.timedelta(minutes=5):
            raise _entry_problem(REPLIES, index, '"replied_at" is in the future')
        if (source, number) in seen:
            raise _entry_problem(REPLIES, index, f"a second reply to {source} {number}")
        seen.add((source, number))
        result.append(_Reply(source, number, content, when, by_name))
    return result


def import_bundle(
    path: Path | str, actor: Staff, *, at: dt.datetime | None = None
) -> ImportSummary:
    """Import a bundle sent down by the district for ``actor``'s outlet: its work orders
    and replies, all in one transaction attributed to ``actor``. The whole bundle is
    verified and parsed first; any problem raises BundleError and writes nothing.
    Work orders and replies already stored are skipped, so a second import adds nothing."""
    at = (at or now()).replace(microsecond=0)
    bundle = verify_bundle(path)
    orders = (
        _parse_workorders(_load_json(WORKORDERS, bundle.members[WORKORDERS], "work_orders"))
        if WORKORDERS in bundle.members
        else []
    )
    replies = (
        _parse_replies(_load_json(REPLIES, bundle.members[REPLIES], "replies"), at)
        if REPLIES in bundle.members
        else []
    )
    summary = ImportSummary()
    file_name = Path(path).name
    with audit.acting_as(actor.id), database.atomic():
        actor = Staff.get_by_id(actor.id)
        outlet = Outlet.get_by_id(actor.outlet_id)
        try:
            actor = workorders._check_actor(outlet, actor)
        except WorkflowError as exc:
            raise BundleError(_BUNDLE, exc.message) from None
        incoming = {(d.source, d.number) for _, d in orders}
        for index, reply in enumerate(replies):
            key = (reply.source, reply.number)
            if key not in incoming and workorders.workorder_by_number(outlet, *key) is None:
                raise _entry_problem(
                    REPLIES, index, f"no work order {reply.source} {reply.number} at this outlet"
                )
        for index, d in orders:
            if workorders.workorder_by_number(outlet, d.source, d.number) is not None:
                summary.work_orders_skipped += 1
                continue
            d = _validated(index, d, at)
            workorders._create(outlet, d, actor, import_file=file_name)
            summary.work_orders_created += 1
            summary.created_numbers.append(d.number)
        for index, reply in enumerate(replies):
            wo = workorders.workorder_by_number(outlet, reply.source, reply.number)
            assert wo is not None
            if wo.replied_at is not None:
                summary.replies_skipped += 1
                continue
            if reply.at < wo.received_at:
                raise _entry_problem(
                    REPLIES, index, f"replied before work order {wo.number} was received"
                )
            _record_reply(wo, reply, outlet, actor, file_name)
            summary.replies_recorded += 1
    return summary


def _record_reply(
    wo: WorkOrder, reply: _Reply, outlet: Outlet, actor: Staff, file_name: str
) -> None:
    active = Staff.active == True  # noqa: E712
    named = list(
        Staff.select().where((Staff.outlet == outlet) & (Staff.name == reply.by_name) & active)
    )
    wo.replied_at = reply.at
    wo.replied_by = named[0] if len(named) == 1 else None
    wo.reply_content = reply.content
    wo.save()
    if wo.case_id is not None:
        case = Case.get_by_id(wo.case_id)
        add_event(
            case,
            codes.EVENT_WORKORDER_REPLIED,
            actor=actor,
            at=reply.at,
            note=reply.content,
            data={
                "work_order": wo.id,
                "number": wo.number,
                "source": wo.source,
                "replied_by_name": reply.by_name,
                "bundle": file_name,
            },
        )
        deadlines.refresh_case_deadlines(case, reply.at)


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_MEMBER_BYTES",
    "MAX_TOTAL_BYTES",
    "BundleError",
    "BundleSummary",
    "ImportSummary",
    "VerifiedBundle",
    "export_bundle",
    "import_bundle",
    "verify_bundle",
]
