"""Writing the outlet's bundle for the district: cases, work orders, evidence, manifest.

The format is described in db/exchange/format.py.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.exchange import signing
from db.exchange.format import (
    _BUNDLE,
    ATTACHMENTS_PREFIX,
    CASES,
    FORMAT_NAME,
    FORMAT_VERSION,
    UP,
    WORKORDERS,
    BundleError,
    _dumps,
    _hash_file,
    _safe_name_problem,
    _t,
    refused,
)
from db.exchange.signing import member_files
from db.intake import outlets
from db.management.liability import attachments_dir
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
    to_second,
)
from db.trust import anchor, keys, outlet_keys, permissions
from db.trust.masking import Masker, mask_phone
from db.trust.policy import Action


@dataclass
class BundleSummary:
    path: Path
    cases: int = 0
    events: int = 0
    work_orders: int = 0
    attachments: int = 0
    size: int = 0
    seq: int = 0


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
        wo = (orders.get(c.work_order_id) if c.work_order_id else None) or (
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


def audit_head() -> tuple[int, str]:
    """(entries in the outlet's audit chain, the last entry's hash or "")."""
    count, last = database.execute_sql(
        "SELECT count(*), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) FROM audit_log"
    ).fetchone()
    return int(count), last or ""


def export_bundle(
    path: Path | str,
    *,
    since: dt.date,
    outlet: Outlet | None = None,
    at: dt.datetime | None = None,
    reveal: bool = False,
    actor: Staff | None = None,
    signing_key: Ed25519PrivateKey,
) -> BundleSummary:
    """Write the bundle of the cases received or updated since ``since`` (that day
        included) to ``path``: cases, the work orders received, replied or linked since, their
        evidence files and the manifest. Customer phone and ID numbers are masked unless
        ``reveal``. Signed with the outlet's ``signing_key``, addressed to the district whose key
    the outlet trusts, numbered one after the outlet's previous bundle; the number and the
    audit chain's head are taken in the transaction that records the number. Written to a
    temporary file beside ``path`` first.

        With ``actor`` (the logged-in user), the permission matrix is checked first: ``export``,
        and ``reveal_customer_data`` for an unmasked bundle. The command line, run by whoever
        holds the database file, passes none."""
    path = Path(path)
    at = to_second(at)
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
    known: dict[str, dict] = {}
    for name, content in members.items():
        if isinstance(content, bytes):
            continue
        try:
            digest, size = _hash_file(content)
        except OSError as exc:
            raise BundleError(name, f"evidence file cannot be read ({exc})") from exc
        expected = next(a for a in attachments if ATTACHMENTS_PREFIX + a.stored_path == name)
        if digest != expected.sha256 or size != expected.size:
            raise BundleError(
                name, "evidence file has changed since it was stored (SHA-256 differs)"
            )
        known[name] = {"sha256": digest, "size": size}
    files = member_files(members, known)
    district = outlet_keys.trusted_district()
    if district is None:
        raise refused("bundle_no_district_key")
    manifest = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "direction": UP,
        "sender": {"kind": keys.KIND_OUTLET, "code": outlet.code, "name": outlet.name},
        "addressee": {"kind": keys.KIND_DISTRICT, "code": district["code"]},
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
    with database.atomic():
        seq = signing.last_sent_seq() + 1
        signing.record_sent_seq(seq)
        entries_count, last_hash = audit_head()
        manifest["seq"] = seq
        manifest["audit"] = {"entries": entries_count, "last_hash": last_hash}
        partial = signing.write_signed_bundle(path, manifest, members, signing_key)
    try:
        signing.finish(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    # The trail's head as it stands now, signed with the outlet's key, outside the file.
    anchor.write_checkpoint(
        database.obj, outlet_keys.data_dir(), reason="export", signing_key=signing_key
    )
    return BundleSummary(
        path=path,
        seq=seq,
        cases=len(entries),
        events=events,
        work_orders=len(order_entries),
        attachments=len(members) - 2,
        size=path.stat().st_size,
    )
