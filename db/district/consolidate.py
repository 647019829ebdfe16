"""Storing a case as its outlet states it, replacing the outlet's part and nothing else.

:func:`store_case` takes one case of a bundle's ``cases.json`` (format in db/exchange/format.py)
and makes the district's copy say exactly that: the ``outlet_case`` row is upserted and
its lists (events, transfers, escalations, decisions, notices, reviews, callbacks,
liability findings with their responsible staff, work-order links, attachment records)
are rebuilt from the entry. What the district added (``escalation_handling``, work orders
it sent down, targets) is in tables of its own and stays as it is.

States are ordered by the outlet's bundle sequence number, never by a clock: a state from
an older bundle than the one already stored is ignored (``ON CONFLICT … DO UPDATE …
WHERE``), so bundles may arrive in any order.

The bundle's ``id`` values only cross-reference inside a bundle; here each list entry is
keyed by its position (``seq``), and references (a notice's decision, an attachment's
finding, the current finding) are translated to those positions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

from peewee import EXCLUDED, InterfaceError, Model, OperationalError, fn
from playhouse.postgres_ext import BinaryJSONField

from db.district import audit
from db.district.database import DistrictStoreError
from db.district.enrolment import require_district
from db.district.models import (
    CASE_CHILDREN,
    CaseAttachment,
    CaseCallback,
    CaseDecision,
    CaseEscalation,
    CaseEvent,
    CaseNotice,
    CaseReview,
    CaseTransfer,
    CaseWorkOrder,
    EnrolledOutlet,
    LiabilityFinding,
    LiablePerson,
    OutletAuditCheckpoint,
    OutletCase,
    OutletWorkOrder,
    ReceivedBundle,
    district_database,
)
from db.errors import WorkflowError
from db.exchange.format import CASES, UP, WORKORDERS, BundleError, _load_json, refused
from db.exchange.signing import signer_fingerprint
from db.exchange.verify import SenderCheck, verify_bundle
from db.trust import keys

BATCH = 500
Progress = Callable[[int, int], None]

CASE_FIELDS = (
    "received_at route channel business_type cause severity customer_name customer_phone "
    "customer_id_no remedy_requested description status is_open agreed_reply_at due_at "
    "settled_at settlement closed_at created_at updated_at other_outlet major_reason "
    "report_required report_reason first_contact_at first_contact_method proposal_at"
).split()
_TIMES = frozenset(
    "received_at agreed_reply_at due_at settled_at closed_at created_at updated_at "
    "first_contact_at proposal_at at requested_at contact_at ended_at decided_at due_at "
    "planned_at done_at determined_at added_at".split()
)


class CaseEntryError(WorkflowError):
    """A case entry does not have the shape of a bundle v1 case."""


def _time(value: Any, field: str, case_no: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise CaseEntryError(
            "case_entry_bad_time",
            "Case {case_no}: {field} is not a time: {value!r}.",
            case_no=case_no,
            field=field,
            value=value,
        ) from None


def _staff(prefix: str, ref: Any) -> dict[str, str]:
    ref = ref if isinstance(ref, dict) else {}
    return {
        f"{prefix}_name": str(ref.get("name") or ""),
        f"{prefix}_no": str(ref.get("employee_no") or ""),
    }


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class _Rows:
    """Converts one case entry's lists to rows keyed by (outlet_code, case_no, seq)."""

    def __init__(self, outlet_code: str, case_no: str) -> None:
        self.key = {"outlet_code": outlet_code, "case_no": case_no}
        self.case_no = case_no

    def t(self, item: dict, field: str) -> dt.datetime | None:
        return _time(item.get(field), field, self.case_no)

    def listed(self, entry: dict, name: str, make: Callable[[dict], dict]) -> list[dict]:
        items = entry.get(name) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise CaseEntryError(
                "case_entry_bad_list",
                "Case {case_no}: {name} is not a list of objects.",
                case_no=self.case_no,
                name=name,
            )
        return [{**self.key, "seq": n, **make(item)} for n, item in enumerate(items, 1)]


def case_rows(outlet_code: str, entry: dict) -> dict[type, list[dict]]:
    """The rows for every table of one bundle case entry (nothing written)."""
    case_no = _text(entry.get("case_no")).strip()
    if not case_no:
        raise CaseEntryError("case_entry_no_number", "A case entry has no case_no.")
    r = _Rows(outlet_code, case_no)
    decision_seq = {d.get("id"): n for n, d in enumerate(entry.get("decisions") or [], 1)}
    finding_seq = {f.get("id"): n for n, f in enumerate(entry.get("liability") or [], 1)}

    def decision_of(item: dict) -> int | None:
        return decision_seq.get(item.get("decision")) if item.get("decision") is not None else None

    rows: dict[type, list[dict]] = {}
    rows[CaseEvent] = r.listed(entry, "events", lambda e: {
        "at": r.t(e, "at"), **_staff("actor", e.get("actor")), "kind": _text(e.get("kind")),
        "from_status": _text(e.get("from_status")), "to_status": _text(e.get("to_status")),
        "note": _text(e.get("note")), "data": e.get("data") if isinstance(e.get("data"), dict) else {},
    })  # fmt: skip
    rows[CaseTransfer] = r.listed(entry, "transfers", lambda t: {
        "requested_at": r.t(t, "requested_at"), **_staff("requested_by", t.get("requested_by")),
        **_staff("handler_staff", t.get("handler")), "handler_name": _text(t.get("handler_name")),
        "handler_outlet": _text(t.get("handler_outlet")),
        "from_status": _text(t.get("from_status")), "state": _text(t.get("state")),
        "contact_at": r.t(t, "contact_at"), "contact_method": _text(t.get("contact_method")),
        **_staff("confirmed_by", t.get("confirmed_by")), "ended_at": r.t(t, "ended_at"),
        "note": _text(t.get("note")),
    })  # fmt: skip
    rows[CaseEscalation] = r.listed(entry, "escalations", lambda e: {
        "at": r.t(e, "at"), **_staff("by", e.get("by")), "level": _text(e.get("level")),
        "note": _text(e.get("note")), "data": e.get("data") if isinstance(e.get("data"), dict) else {},
    })  # fmt: skip
    rows[CaseDecision] = r.listed(entry, "decisions", lambda d: {
        "decided_at": r.t(d, "decided_at"), **_staff("decided_by", d.get("decided_by")),
        "findings": _text(d.get("findings")), "basis": _text(d.get("basis")),
        "remedies": [str(x) for x in d.get("remedies") or []],
        "remedies_note": _text(d.get("remedies_note")),
    })  # fmt: skip
    rows[CaseNotice] = r.listed(entry, "notices", lambda n: {
        "decision_seq": decision_of(n), "kind": _text(n.get("kind")),
        "method": _text(n.get("method")), "at": r.t(n, "at"), "proof": _text(n.get("proof")),
        **_staff("recorded_by", n.get("recorded_by")),
    })  # fmt: skip
    rows[CaseReview] = r.listed(entry, "reviews", lambda v: {
        "decision_seq": decision_of(v), "requested_at": r.t(v, "requested_at"),
        "content": _text(v.get("content")), **_staff("recorded_by", v.get("recorded_by")),
        "decided_at": r.t(v, "decided_at"), **_staff("decided_by", v.get("decided_by")),
        "outcome": _text(v.get("outcome")), "upheld": v.get("upheld"),
    })  # fmt: skip
    rows[CaseCallback] = r.listed(entry, "callbacks", lambda c: {
        "due_at": r.t(c, "due_at"), **_staff("assigned_to", c.get("assigned_to")),
        **_staff("planned_by", c.get("planned_by")), "planned_at": r.t(c, "planned_at"),
        "plan_note": _text(c.get("plan_note")), "done_at": r.t(c, "done_at"),
        **_staff("done_by", c.get("done_by")), "method": _text(c.get("method")),
        "reached": c.get("reached"), "result": _text(c.get("result")),
        "notes": _text(c.get("notes")),
        "work_order_source": (c.get("work_order") or {}).get("source"),
        "work_order_number": (c.get("work_order") or {}).get("number"),
    })  # fmt: skip
    rows[LiabilityFinding] = r.listed(entry, "liability", lambda f: {
        "liable": bool(f.get("liable")), "reasons": _text(f.get("reasons")),
        "basis": _text(f.get("basis")), "cause": _text(f.get("cause")),
        "authority": _text(f.get("authority")),
        **_staff("determined_by", f.get("determined_by")),
        "determined_at": r.t(f, "determined_at"),
    })  # fmt: skip
    rows[LiablePerson] = [
        {**r.key, "finding_seq": n, "seq": m, "name": _text(p.get("name")),
         "employee_no": _text(p.get("employee_no")), "share_bp": int(p.get("share_bp") or 0)}
        for n, f in enumerate(entry.get("liability") or [], 1)
        for m, p in enumerate(f.get("responsible") or [], 1)
    ]  # fmt: skip
    links = {
        (_text(w.get("source")), _text(w.get("number"))) for w in entry.get("work_orders") or []
    }
    rows[CaseWorkOrder] = [{**r.key, "source": s, "number": n} for s, n in sorted(links)]
    rows[CaseAttachment] = r.listed(entry, "attachments", lambda a: {
        "member": _text(a.get("member")), "original_name": _text(a.get("original_name")),
        "sha256": _text(a.get("sha256")), "size": int(a.get("size") or 0),
        "liability_seq": finding_seq.get(a.get("liability")) if a.get("liability") is not None else None,
        **_staff("added_by", a.get("added_by")), "added_at": r.t(a, "added_at"),
    })  # fmt: skip

    case: dict[str, Any] = {**r.key}
    for field in CASE_FIELDS:
        value = entry.get(field)
        if field in _TIMES:
            case[field] = _time(value, field, case_no)
        elif field in ("is_open", "report_required"):
            case[field] = bool(value)
        else:
            case[field] = _text(value)
    if case["received_at"] is None:
        raise CaseEntryError(
            "case_entry_bad_time", "Case {case_no}: received_at is missing.", case_no=case_no
        )
    case["urgent_triggers"] = [str(x) for x in entry.get("urgent_triggers") or []]
    case["escalated"] = bool(rows[CaseEscalation])
    case.update(_staff("first_ask_owner", entry.get("first_ask_owner")))
    case.update(_staff("handler", entry.get("handler")))
    current = entry.get("current_liability")
    case["current_liability_seq"] = finding_seq.get(current) if current is not None else None
    rows[OutletCase] = [case]
    return rows


def _upsert_cases(cases: list[dict], bundle_seq: int) -> tuple[set[str], set[str]]:
    """Insert or replace the ``outlet_case`` rows: (the case numbers stored, those of them
    that replaced an older state). A case for which a state from a later bundle is already
    there is not stored. The rows go in by COPY to a temporary table and one
    ``INSERT … SELECT … ON CONFLICT``, the quickest upsert PostgreSQL has."""
    columns = list(cases[0])
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = district_database.cursor()
    cursor.execute(
        "CREATE TEMP TABLE IF NOT EXISTS incoming_case "
        "(LIKE outlet_case INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
    )
    json_columns = {
        f.column_name for f in OutletCase._meta.sorted_fields if isinstance(f, BinaryJSONField)
    }
    from psycopg.types.json import Jsonb

    with cursor.copy(f"COPY incoming_case ({names}) FROM STDIN") as copy:
        for row in cases:
            copy.write_row([Jsonb(row[c]) if c in json_columns else row[c] for c in columns])
    updates = ", ".join(
        f'"{c}" = EXCLUDED."{c}"' for c in columns if c not in ("outlet_code", "case_no")
    )
    # Through peewee, so that a refused row raises its IntegrityError as any other write.
    returned = district_database.execute_sql(
        f"INSERT INTO outlet_case ({names}) SELECT {names} FROM incoming_case "
        f"ON CONFLICT (outlet_code, case_no) DO UPDATE SET {updates} "
        "WHERE outlet_case.bundle_seq <= EXCLUDED.bundle_seq "
        "RETURNING case_no, (xmax = 0) AS inserted"
    ).fetchall()
    stored: set[str] = set()
    replaced: set[str] = set()
    for case_no, inserted in returned:
        stored.add(case_no)
        if not inserted:
            replaced.add(case_no)
    cursor.execute("TRUNCATE incoming_case")
    return stored, replaced


def _copy_rows(model: type[Model], rows: list[dict]) -> None:
    """``rows`` into ``model``'s table by COPY (the quickest way into PostgreSQL)."""
    from psycopg.types.json import Jsonb

    columns = [f.column_name for f in model._meta.sorted_fields]
    json_columns = {
        f.column_name for f in model._meta.sorted_fields if isinstance(f, BinaryJSONField)
    }
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = district_database.cursor()
    with cursor.copy(f'COPY "{model._meta.table_name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [Jsonb(row.get(c)) if c in json_columns else row.get(c) for c in columns]
            )


def store_cases(
    outlet_code: str,
    entries: list[dict],
    *,
    bundle_seq: int,
    at: dt.datetime | None = None,
    progress: Progress | None = None,
    built: list[dict[type, list[dict]]] | None = None,
) -> int:
    """Make the district's copy of every case of ``entries`` (one bundle's ``cases.json``),
    in batches; the number stored (a case whose state from a later bundle is already
    there is left as it is). ``built``: the entries' rows when the caller has made them
    already (:func:`case_rows`). Inside the caller's transaction, or one of its own."""
    at = at or dt.datetime.now(dt.UTC)
    stored_count = 0
    with district_database.atomic():
        for start in range(0, len(entries), BATCH):
            batch = (
                built[start : start + BATCH]
                if built is not None
                else [case_rows(outlet_code, e) for e in entries[start : start + BATCH]]
            )
            cases = []
            for rows in batch:
                case = rows[OutletCase][0]
                case["bundle_seq"] = bundle_seq
                case["consolidated_at"] = at
                cases.append(case)
            stored, replaced = _upsert_cases(cases, bundle_seq) if cases else (set(), set())
            if stored:
                numbers = sorted(replaced)
                # The children of a replaced state go first; children first that point at
                # other children (notices, reviews -> decisions; responsible staff ->
                # findings). A case stored for the first time has none.
                for model in reversed(CASE_CHILDREN) if numbers else ():
                    model.delete().where(
                        (model.outlet_code == outlet_code) & (model.case_no.in_(numbers))
                    ).execute()
                for model in CASE_CHILDREN:
                    children = [
                        row
                        for each in batch
                        if each[OutletCase][0]["case_no"] in stored
                        for row in each[model]
                    ]
                    if children:
                        _copy_rows(model, children)
            stored_count += len(stored)
            if progress is not None:
                progress(min(start + BATCH, len(entries)), len(entries))
    return stored_count


def store_case(
    outlet_code: str, entry: dict, *, bundle_seq: int, at: dt.datetime | None = None
) -> bool:
    """Make the district's copy of the case ``entry`` (one ``cases.json`` case of outlet
    ``outlet_code``'s bundle number ``bundle_seq``). True when stored; False when a state
    from a later bundle is already there (nothing changed)."""
    return store_cases(outlet_code, [entry], bundle_seq=bundle_seq, at=at) == 1


# --- importing an outlet's bundle ------------------------------------------------------------


@dataclass
class DistrictImportSummary:
    outlet_code: str
    seq: int
    cases: int = 0
    cases_stored: int = 0
    work_orders: int = 0
    already_imported: bool = False
    late: bool = False  # a bundle that had been missing, arrived after later ones
    warnings: list[WorkflowError] = dataclass_field(default_factory=list)


def _district_check(district_code: str) -> SenderCheck:
    def check(manifest: dict, signer: str) -> None:
        addressee = manifest["addressee"]
        if (
            manifest["direction"] != UP
            or addressee["kind"] != keys.KIND_DISTRICT
            or addressee["code"] != district_code
        ):
            raise refused(
                "bundle_wrong_addressee",
                addressee=f"{addressee['kind']} {addressee['code']}",
                here=f"district {district_code}",
            )
        sender = manifest["sender"]
        outlet = EnrolledOutlet.get_or_none(
            (EnrolledOutlet.code == sender["code"]) & EnrolledOutlet.active
        )
        if sender["kind"] != keys.KIND_OUTLET or outlet is None or outlet.public_key != signer:
            raise refused(
                "bundle_signer_not_enrolled",
                sender=sender["code"],
                fingerprint=signer_fingerprint(signer),
            )

    return check


def _audit_head(manifest: dict) -> tuple[int, str]:
    head = manifest.get("audit")
    if (
        not isinstance(head, dict)
        or not isinstance(head.get("entries"), int)
        or isinstance(head.get("entries"), bool)
        or head["entries"] < 0
        or not isinstance(head.get("last_hash"), str)
    ):
        raise BundleError("manifest.json", '"audit" must be {"entries": int, "last_hash": str}')
    return head["entries"], head["last_hash"]


def _work_order_row(outlet_code: str, entry: Any, index: int) -> dict:
    if not isinstance(entry, dict):
        raise BundleError(WORKORDERS, f"entry {index + 1}: not an object")
    row = {
        "outlet_code": outlet_code,
        "source": _text(entry.get("source")),
        "number": _text(entry.get("number")),
        "customer_name": _text(entry.get("customer_name")),
        "customer_phone": _text(entry.get("customer_phone")),
        "content": _text(entry.get("content")),
        "may_concern_outlet": bool(entry.get("may_concern_outlet")),
        "head_callback_required": bool(entry.get("head_callback_required")),
        "case_no": entry.get("case_no") if isinstance(entry.get("case_no"), str) else None,
        "reply_content": _text(entry.get("reply_content")),
        **_staff("replied_by", entry.get("replied_by")),
    }
    label = f"{row['source']} {row['number']}"
    for name in ("received_at", "reply_by", "replied_at"):
        row[name] = _time(entry.get(name), name, label)
    return row


def import_bundle(
    path: Path | str,
    *,
    actor: str,
    at: dt.datetime | None = None,
    progress: Progress | None = None,
) -> DistrictImportSummary:
    """Apply an outlet's signed bundle (db/exchange/format.py) in one transaction.

    Checked first, nothing written: the signature by the key enrolled for the sending
    outlet, the addressee (this district), the number (above the last one received from
    that outlet, or one skipped before that arrives late; the same bundle again is "already
    imported" and changes nothing), every
    case belonging to the sender. Then its cases replace older states (the district's
    own additions stay), its work-order records are upserted, the outlet's audit-chain
    head is kept (``outlet_audit_checkpoint``) and the bundle recorded. A gap in the
    numbers is noted as a warning. ``progress(done, total)`` follows the cases.

    Two officers importing the same bundle at once: the outlet's row is locked first, so
    one applies it and the other then finds it already imported."""
    at = at or dt.datetime.now(dt.UTC)
    district = require_district()
    bundle = verify_bundle(path, _district_check(district.code))
    code = bundle.sender["code"]
    entries_count, last_hash = _audit_head(bundle.manifest)
    cases = _load_json(CASES, bundle.members[CASES], "cases") if CASES in bundle.members else []
    prefix = f"{code}-"
    for entry in cases:
        case_no = _text(entry.get("case_no") if isinstance(entry, dict) else None)
        if not case_no.startswith(prefix):
            raise refused("bundle_foreign_case", CASES, sender=code, case_no=case_no)
    # The shape of every case checked, and its rows built, before the transaction.
    built = [case_rows(code, entry) for entry in cases]
    orders = (
        _load_json(WORKORDERS, bundle.members[WORKORDERS], "work_orders")
        if WORKORDERS in bundle.members
        else []
    )
    order_rows = [_work_order_row(code, e, i) for i, e in enumerate(orders)]
    summary = DistrictImportSummary(code, bundle.seq, cases=len(cases), work_orders=len(orders))
    try:
        with district_database.atomic(), audit.acting_as(actor):
            outlet = EnrolledOutlet.select().where(EnrolledOutlet.code == code).for_update().get()
            earlier = ReceivedBundle.get_or_none(
                (ReceivedBundle.outlet_code == code) & (ReceivedBundle.seq == bundle.seq)
            )
            if earlier is not None and earlier.manifest_sha256 == bundle.manifest_sha256:
                summary.already_imported = True
                return summary
            # A number below the last one that never arrived is a bundle arriving late: its
            # states and records go in under their own number, so none replaces a newer one.
            summary.late = earlier is None and bundle.seq < outlet.last_bundle_seq
            if bundle.seq <= outlet.last_bundle_seq and not summary.late:
                raise refused(
                    "bundle_replay",
                    seq=bundle.seq,
                    sender=f"outlet {code}",
                    last=outlet.last_bundle_seq,
                )
            if bundle.seq > outlet.last_bundle_seq + 1:
                summary.warnings.append(
                    WorkflowError(
                        "bundle_sequence_gap",
                        None,
                        first=outlet.last_bundle_seq + 1,
                        last=bundle.seq - 1,
                        sender=f"outlet {code}",
                    )
                )
            created = dt.datetime.fromisoformat(str(bundle.manifest.get("created_at")))
            ReceivedBundle.insert(
                outlet_code=code,
                seq=bundle.seq,
                created_at=created,
                received_at=at,
                received_by=actor,
                manifest_sha256=bundle.manifest_sha256,
                cases=len(cases),
                work_orders=len(orders),
                warnings=[{"code": w.code, "params": w.params} for w in summary.warnings],
                signer_fingerprint=signer_fingerprint(bundle.signer),
            ).execute()
            OutletAuditCheckpoint.insert(
                outlet_code=code,
                bundle_seq=bundle.seq,
                entry_count=entries_count,
                last_hash=last_hash,
                received_at=at,
            ).execute()
            summary.cases_stored = store_cases(
                code, cases, bundle_seq=bundle.seq, at=at, progress=progress, built=built
            )
            _store_work_orders(order_rows, bundle.seq, at)
            EnrolledOutlet.update(
                last_bundle_seq=fn.GREATEST(EnrolledOutlet.last_bundle_seq, bundle.seq),
                last_bundle_at=at,
            ).where(EnrolledOutlet.code == code).execute()
    except (OperationalError, InterfaceError) as error:
        _drop_broken_connection()
        raise DistrictStoreError("bundle_connection_lost") from error
    return summary


def _store_work_orders(rows: list[dict], bundle_seq: int, at: dt.datetime) -> None:
    for start in range(0, len(rows), BATCH):
        batch = [
            {**r, "bundle_seq": bundle_seq, "consolidated_at": at}
            for r in rows[start : start + BATCH]
        ]
        update = {
            getattr(OutletWorkOrder, k): EXCLUDED[k]
            for k in batch[0]
            if k not in ("outlet_code", "source", "number")
        }
        OutletWorkOrder.insert_many(batch).on_conflict(
            conflict_target=[
                OutletWorkOrder.outlet_code,
                OutletWorkOrder.source,
                OutletWorkOrder.number,
            ],
            update=update,
            where=(OutletWorkOrder.bundle_seq <= bundle_seq),
        ).execute()


def _drop_broken_connection() -> None:
    """Forget a connection the server ended, so the next statement connects anew."""
    db = district_database.obj
    try:
        db.close()
    except Exception:  # noqa: BLE001 - the connection is gone either way
        db._state.reset()
