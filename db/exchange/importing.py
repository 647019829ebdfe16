"""Importing what the district sends down: work orders and the replies recorded above.

The format is described in db/exchange/format.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import WorkflowError
from db.exchange.format import _BUNDLE, REPLIES, WORKORDERS, BundleError, _load_json
from db.exchange.verify import verify_bundle
from db.handling import deadlines
from db.intake.cases import add_event
from db.store import codes
from db.store.models import Case, Outlet, Staff, WorkOrder, database, now
from db.trust import audit
from db.workorders import orders as workorders


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
