"""The district's bundle down to one outlet: what is new for it since the last one.

:func:`send_bundle` writes a signed bundle (format in db/exchange/format.py, direction
``down``) of the work orders assigned to the outlet and not yet sent, the district's own
replies to them not yet sent, and the escalation results recorded or changed since they
were last sent. It is numbered one after the last
bundle to that outlet (``outlet.last_sent_seq``), and what it carries is marked as sent in
the same transaction that takes the number; the file is written beside ``path`` first and
put in its place once that transaction is committed, so a failure leaves neither a file
nor a number used. Each bundle is kept, byte for byte, so that :func:`resend_bundle` can
write one lost on the way again: identical, under its own number, which the outlet imports
as a bundle that arrived late.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.district import audit
from db.district.enrolment import EnrolmentError, require_district
from db.district.models import (
    DistrictWorkOrder,
    EnrolledOutlet,
    EscalationHandling,
    SentBundle,
    district_database,
)
from db.district.workorders import require_enrolled
from db.errors import WorkflowError
from db.exchange import signing
from db.exchange.format import (
    DOWN,
    ESCALATIONS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    REPLIES,
    WORKORDERS,
    _dumps,
    _t,
)
from db.trust import keys


@dataclass(frozen=True)
class SendSummary:
    path: Path
    outlet_code: str
    seq: int
    work_orders: int
    escalation_results: int
    replies: int
    size: int


def _work_order_entry(wo: DistrictWorkOrder) -> dict:
    return {
        "source": wo.source,
        "number": wo.number,
        "received_at": _t(wo.received_at),
        "reply_by": _t(wo.reply_by),
        "customer_name": wo.customer_name,
        "customer_phone": wo.customer_phone,
        "content": wo.content,
        "may_concern_outlet": wo.may_concern_outlet,
        "head_callback_required": wo.head_callback_required,
    }


def _utc_naive(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _result_entry(h: EscalationHandling) -> dict:
    return {
        "case_no": h.case_no,
        "escalation_seq": h.escalation_seq,
        "escalated_at": _t(h.escalated_at),
        "department": h.department,
        "psbc_counterpart": h.psbc_counterpart,
        "result": h.result,
        "result_at": _t(_utc_naive(h.result_at)),
        "notes": h.notes,
    }


def _unsent_results(outlet_code: str):
    h = EscalationHandling
    return (
        h.select()
        .where(
            (h.outlet_code == outlet_code)
            & (h.result != "")
            & (h.sent_down_at.is_null() | (h.sent_down_at < h.updated_at))
        )
        .order_by(h.case_no, h.escalation_seq)
    )


def _unsent_work_orders(outlet_code: str):
    d = DistrictWorkOrder
    return (
        d.select()
        .where((d.outlet_code == outlet_code) & d.sent_down_at.is_null())
        .order_by(d.received_at, d.source, d.number)
    )


def _unsent_replies(outlet_code: str):
    d = DistrictWorkOrder
    return (
        d.select()
        .where(
            (d.outlet_code == outlet_code) & d.replied_at.is_null(False) & d.reply_sent_at.is_null()
        )
        .order_by(d.received_at, d.source, d.number)
    )


def _reply_entry(wo: DistrictWorkOrder) -> dict:
    return {
        "source": wo.source,
        "number": wo.number,
        "reply_content": wo.reply_content,
        "replied_at": _t(wo.replied_at),
        "replied_by_name": wo.replied_by_name,
    }


def pending_for(outlet_code: str) -> tuple[int, int, int]:
    """(work orders, escalation results, replies) the next bundle to ``outlet_code`` would
    carry."""
    return (
        _unsent_work_orders(outlet_code).count(),
        _unsent_results(outlet_code).count(),
        _unsent_replies(outlet_code).count(),
    )


def send_bundle(
    path: Path | str,
    outlet_code: str,
    *,
    signing_key: Ed25519PrivateKey,
    actor: str,
    at: dt.datetime | None = None,
) -> SendSummary:
    """Write the bundle down for ``outlet_code`` to ``path``, signed with the district's
    key; refused when the outlet is not enrolled, the key is not this district's, or there
    is nothing new to send."""
    path = Path(path)
    at = at or dt.datetime.now(dt.UTC)
    district = require_district()
    if keys.public_b64(signing_key) != district.public_key:
        raise EnrolmentError(
            "district_key_differs",
            "{path} is not the key this database knows for district {subject} "
            "(fingerprint {fingerprint}).",
            path="the key given",
            subject=district.code,
            fingerprint=district.key_fingerprint,
        )
    require_enrolled(outlet_code)
    partial: Path | None = None
    try:
        with district_database.atomic(), audit.acting_as(actor):
            partial, summary = _write(path, district, outlet_code, signing_key, at, actor)
        signing.finish(partial, path)
    except BaseException:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise
    return SendSummary(**summary, size=path.stat().st_size)


def _write(
    path: Path,
    district,
    outlet_code: str,
    signing_key: Ed25519PrivateKey,
    at: dt.datetime,
    actor: str,
) -> tuple[Path, dict]:
    """Inside the caller's transaction: number, mark as sent and write ``path.partial``."""
    outlet = EnrolledOutlet.select().where(EnrolledOutlet.code == outlet_code).for_update().get()
    orders = list(_unsent_work_orders(outlet.code))
    results = list(_unsent_results(outlet.code))
    replies = list(_unsent_replies(outlet.code))
    if not orders and not results and not replies:
        raise WorkflowError(
            "district_nothing_to_send", outlet=outlet.code, seq=outlet.last_sent_seq
        )
    seq = outlet.last_sent_seq + 1
    members: dict[str, bytes | Path] = {}
    if orders:
        members[WORKORDERS] = _dumps({"work_orders": [_work_order_entry(w) for w in orders]})
    if results:
        members[ESCALATIONS] = _dumps({"results": [_result_entry(h) for h in results]})
    if replies:
        members[REPLIES] = _dumps({"replies": [_reply_entry(w) for w in replies]})
    manifest = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "direction": DOWN,
        "sender": {"kind": keys.KIND_DISTRICT, "code": district.code, "name": district.name},
        "addressee": {"kind": keys.KIND_OUTLET, "code": outlet.code},
        "seq": seq,
        "created_at": _t(_utc_naive(at)),
        "since": None,
        "masked": False,
        "counts": {
            "work_orders": len(orders),
            "escalation_results": len(results),
            "replies": len(replies),
        },
        "files": signing.member_files(members),
    }
    EnrolledOutlet.update(last_sent_seq=seq).where(EnrolledOutlet.code == outlet.code).execute()
    for wo in orders:
        DistrictWorkOrder.update(sent_down_at=at).where(
            (DistrictWorkOrder.source == wo.source) & (DistrictWorkOrder.number == wo.number)
        ).execute()
    for wo in replies:
        DistrictWorkOrder.update(reply_sent_at=at).where(
            (DistrictWorkOrder.source == wo.source) & (DistrictWorkOrder.number == wo.number)
        ).execute()
    for h in results:
        EscalationHandling.update(sent_down_at=at).where(
            (EscalationHandling.outlet_code == h.outlet_code)
            & (EscalationHandling.case_no == h.case_no)
            & (EscalationHandling.escalation_seq == h.escalation_seq)
        ).execute()
    partial = signing.write_signed_bundle(path, manifest, members, signing_key)
    SentBundle.insert(
        outlet_code=outlet.code,
        seq=seq,
        sent_at=at,
        sent_by=actor,
        manifest_sha256=hashlib.sha256(keys.canonical(manifest)).hexdigest(),
        content=partial.read_bytes(),
    ).execute()
    summary = {
        "path": path,
        "outlet_code": outlet.code,
        "seq": seq,
        "work_orders": len(orders),
        "escalation_results": len(results),
        "replies": len(replies),
    }
    return partial, summary


def sent_bundles(outlet_code: str) -> list[SentBundle]:
    """The bundles kept that were sent down to ``outlet_code``, newest first (without their
    content)."""
    b = SentBundle
    return list(
        b.select(b.outlet_code, b.seq, b.sent_at, b.sent_by, b.manifest_sha256)
        .where(b.outlet_code == outlet_code)
        .order_by(b.seq.desc())
    )


def resend_bundle(path: Path | str, outlet_code: str, seq: int) -> SendSummary:
    """Write bundle number ``seq`` to ``outlet_code`` again, byte for byte as it was sent;
    refused when no such bundle is kept."""
    path = Path(path)
    require_enrolled(outlet_code)
    kept = SentBundle.get_or_none((SentBundle.outlet_code == outlet_code) & (SentBundle.seq == seq))
    if kept is None:
        raise WorkflowError("district_no_sent_bundle", outlet=outlet_code, seq=seq)
    content = bytes(kept.content)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        signing.finish(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    manifest = json.loads(zipfile.ZipFile(path).read(MANIFEST))
    counts = manifest.get("counts") or {}
    return SendSummary(
        path=path,
        outlet_code=outlet_code,
        seq=seq,
        work_orders=int(counts.get("work_orders") or 0),
        escalation_results=int(counts.get("escalation_results") or 0),
        replies=int(counts.get("replies") or 0),
        size=len(content),
    )
