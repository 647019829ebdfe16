"""Importing what the district sends down: work orders and the replies recorded above.

The format is described in db/exchange/format.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import WorkflowError
from db.exchange import signing
from db.exchange.format import (
    _BUNDLE,
    DOWN,
    ESCALATIONS,
    REPLIES,
    WORKORDERS,
    BundleError,
    _load_json,
    refused,
)
from db.exchange.signing import signer_fingerprint
from db.exchange.verify import SenderCheck, verify_bundle
from db.handling import deadlines
from db.intake.cases import add_event
from db.store import codes
from db.store.models import (
    Case,
    EscalationResult,
    Outlet,
    Staff,
    WorkOrder,
    database,
    to_second,
)
from db.trust import audit, keys, outlet_keys
from db.workorders import orders as workorders


@dataclass
class ImportSummary:
    work_orders_created: int = 0
    work_orders_skipped: int = 0
    replies_recorded: int = 0
    replies_skipped: int = 0
    escalation_results: int = 0
    created_numbers: list[str] = field(default_factory=list)
    already_imported: bool = False
    seq: int = 0
    gap: tuple[int, int] | None = None
    late: bool = False  # a bundle that had been missing, arrived after later ones
    warnings: list[str] = field(default_factory=list)

    @property
    def nothing_new(self) -> bool:
        return not (self.work_orders_created or self.replies_recorded or self.escalation_results)


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


def _outlet_check(outlet: Outlet) -> SenderCheck:
    """The outlet accepts a bundle down addressed to it and signed by the district key it
    trusts."""

    def check(manifest: dict, signer: str) -> None:
        district = outlet_keys.trusted_district()
        if district is None:
            raise refused("bundle_no_district_key")
        if signer != district["public_key"] or manifest["sender"]["kind"] != keys.KIND_DISTRICT:
            raise refused("bundle_signer_not_trusted", fingerprint=signer_fingerprint(signer))
        addressee = manifest["addressee"]
        if (
            manifest["direction"] != DOWN
            or addressee["kind"] != keys.KIND_OUTLET
            or addressee["code"] != outlet.code
        ):
            raise refused(
                "bundle_wrong_addressee",
                addressee=f"{addressee['kind']} {addressee['code']}",
                here=f"outlet {outlet.code}",
            )

    return check


@dataclass
class _Result:
    case_no: str
    escalation_seq: int
    escalated_at: dt.datetime | None
    department: str
    psbc_counterpart: str
    result: str
    result_at: dt.datetime | None
    notes: str


def _parse_results(items: list) -> list[_Result]:
    result = []
    seen: set[tuple[str, int]] = set()
    for index, entry in enumerate(items):
        if not isinstance(entry, dict):
            raise _entry_problem(ESCALATIONS, index, "not an object")
        seq = entry.get("escalation_seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise _entry_problem(ESCALATIONS, index, '"escalation_seq" must be a number from 1')
        item = _Result(
            case_no=_str(entry, "case_no", ESCALATIONS, index).strip(),
            escalation_seq=seq,
            escalated_at=_time(entry, "escalated_at", ESCALATIONS, index),
            department=_str(entry, "department", ESCALATIONS, index, required=False)[:100],
            psbc_counterpart=_str(entry, "psbc_counterpart", ESCALATIONS, index, required=False)[
                :100
            ],
            result=_str(entry, "result", ESCALATIONS, index, required=False),
            result_at=_time(entry, "result_at", ESCALATIONS, index),
            notes=_str(entry, "notes", ESCALATIONS, index, required=False),
        )
        if (item.case_no, seq) in seen:
            raise _entry_problem(ESCALATIONS, index, f"a second result for {item.case_no} #{seq}")
        seen.add((item.case_no, seq))
        result.append(item)
    return result


def import_bundle(
    path: Path | str, actor: Staff, *, at: dt.datetime | None = None
) -> ImportSummary:
    """Import a bundle sent down by the district for ``actor``'s outlet: its work orders,
    replies and escalation results, all in one transaction attributed to ``actor``. The
    whole bundle is verified (signed by the trusted district key, addressed to this
    outlet, numbered after the last one imported) and parsed first; any problem raises
    BundleError and writes nothing. The same bundle again is reported as already imported
    and changes nothing; work orders and replies already stored are skipped."""
    at = to_second(at)
    outlet = Outlet.get_by_id(Staff.get_by_id(actor.id).outlet_id)
    bundle = verify_bundle(path, _outlet_check(outlet))
    last = signing.last_received()
    if signing.already_received(last, bundle.seq, bundle.manifest_sha256):
        return ImportSummary(already_imported=True, seq=bundle.seq)
    late = bundle.seq in last["missing"]
    if bundle.seq <= last["seq"] and not late:
        raise refused(
            "bundle_replay",
            seq=bundle.seq,
            sender=f"district {bundle.sender['code']}",
            last=last["seq"],
        )
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
    results = (
        _parse_results(_load_json(ESCALATIONS, bundle.members[ESCALATIONS], "results"))
        if ESCALATIONS in bundle.members
        else []
    )
    summary = ImportSummary(seq=bundle.seq, late=late)
    if bundle.seq > last["seq"] + 1:
        summary.gap = (last["seq"] + 1, bundle.seq - 1)
        summary.warnings.append(
            WorkflowError(
                "bundle_sequence_gap",
                None,
                first=summary.gap[0],
                last=summary.gap[1],
                sender=f"district {bundle.sender['code']}",
            ).message
        )
    file_name = Path(path).name
    with audit.acting_as(actor.id), database.atomic():
        actor = Staff.get_by_id(actor.id)
        try:
            actor = workorders._check_actor(outlet, actor)
        except WorkflowError as exc:
            raise BundleError(_BUNDLE, exc.message) from None
        now_last = signing.last_received()  # imported meanwhile?
        if bundle.seq <= now_last["seq"] and bundle.seq not in now_last["missing"]:
            return ImportSummary(already_imported=True, seq=bundle.seq)
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
        for index, item in enumerate(results):
            _store_result(index, item, outlet, bundle.seq, at)
            summary.escalation_results += 1
        signing.record_received(bundle.seq, bundle.manifest_sha256, summary.gap)
    return summary


def _store_result(index: int, item: _Result, outlet: Outlet, seq: int, at: dt.datetime) -> None:
    case = Case.get_or_none((Case.case_no == item.case_no) & (Case.outlet == outlet))
    if case is None:
        raise _entry_problem(ESCALATIONS, index, f"no case {item.case_no} at this outlet")
    values = {
        "escalated_at": item.escalated_at,
        "department": item.department,
        "psbc_counterpart": item.psbc_counterpart,
        "result": item.result,
        "result_at": item.result_at,
        "notes": item.notes,
        "bundle_seq": seq,
        "received_at": at,
    }
    EscalationResult.insert(case=case, escalation_seq=item.escalation_seq, **values).on_conflict(
        conflict_target=[EscalationResult.case, EscalationResult.escalation_seq],
        update={getattr(EscalationResult, k): v for k, v in values.items()},
        # A bundle that arrives late never replaces a result a later bundle brought.
        where=(EscalationResult.bundle_seq <= seq),
    ).execute()


def escalation_results(case: Case) -> list[EscalationResult]:
    """The district's results for ``case``'s escalations, in the escalations' order."""
    return list(
        EscalationResult.select()
        .where(EscalationResult.case == case)
        .order_by(EscalationResult.escalation_seq)
    )


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
