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
from typing import Any

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
    LiabilityFinding,
    LiablePerson,
    OutletCase,
    district_database,
)
from db.errors import WorkflowError

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
    case.update(_staff("first_ask_owner", entry.get("first_ask_owner")))
    case.update(_staff("handler", entry.get("handler")))
    current = entry.get("current_liability")
    case["current_liability_seq"] = finding_seq.get(current) if current is not None else None
    rows[OutletCase] = [case]
    return rows


def store_case(
    outlet_code: str, entry: dict, *, bundle_seq: int, at: dt.datetime | None = None
) -> bool:
    """Make the district's copy of the case ``entry`` (one ``cases.json`` case of outlet
    ``outlet_code``'s bundle number ``bundle_seq``). True when stored; False when a state
    from a later bundle is already there (nothing changed)."""
    rows = case_rows(outlet_code, entry)
    case = rows.pop(OutletCase)[0]
    case["bundle_seq"] = bundle_seq
    case["consolidated_at"] = at or dt.datetime.now(dt.UTC)
    update = {
        getattr(OutletCase, k): v for k, v in case.items() if k not in ("outlet_code", "case_no")
    }
    with district_database.atomic():
        stored = (
            OutletCase.insert(**case)
            .on_conflict(
                conflict_target=[OutletCase.outlet_code, OutletCase.case_no],
                update=update,
                where=(OutletCase.bundle_seq <= bundle_seq),
            )
            .returning(OutletCase.case_no)
            .execute()
        )
        if not list(stored):
            return False
        key = (outlet_code, case["case_no"])
        # Children first that point at other children (notices, reviews -> decisions;
        # responsible staff -> findings); the foreign keys cascade too.
        for model in reversed(CASE_CHILDREN):
            model.delete().where(
                (model.outlet_code == key[0]) & (model.case_no == key[1])
            ).execute()
        for model in CASE_CHILDREN:
            if rows[model]:
                model.insert_many(rows[model]).execute()
    return True
