"""The district's own work: the work orders it sends down, and the escalations it leads.

**Work orders** reach the district from 95580, 12378, superior offices and petitions. An
officer enters each (its identity is (source, number), as at the outlet), with its
reply-by, and assigns it to the outlet concerned; ``db/district/outbox.py`` sends it down
once. The outlet's reply comes back in its next bundle (``outlet_work_order``), and
:func:`work_order_replies` sets its time against the reply-by. A work order is checked
by the same rule as one the outlet enters by hand (db/workorders/orders.py), except that
the district always states the reply-by: the regulator's default is the outlet's
calendar, which the district does not hold.

A file of work orders (:func:`import_work_orders`) is read by the outlet's own parser
(db/workorders/orders.py: the same CSV and XLSX formats, encodings and guards), with one
more optional column, ``outlet`` (网点代码), naming the outlet each goes to; a row without it
is held unassigned until an officer assigns it. The file is stored in one transaction or
refused whole, naming the row: a bad row, or an outlet not enrolled here.

**Escalations** (Art. 11): the district's competent department leads a complaint the
outlet could not settle, with PSBC's department at the same level where needed. For
each escalation an outlet sent (``case_escalation``), the district records that it
accepted it, the department leading it (and the PSBC counterpart), its handling notes
and the result; a result, new or changed, goes down in the next bundle to that outlet.

Times of work orders are the outlet's wall-clock time without a zone, as in the bundles;
the district's own moments (accepted, result) are UTC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from peewee import JOIN

from db.district import audit
from db.district.models import (
    CaseEscalation,
    DistrictWorkOrder,
    EnrolledOutlet,
    EscalationHandling,
    OutletWorkOrder,
    district_database,
)
from db.errors import WorkflowError
from db.intake.validation import clean_text
from db.workorders import orders as outlet_orders
from db.workorders.orders import NewWorkOrder, ParsedRow, WorkOrderImportError

MAX_DEPARTMENT = 100
MAX_NOTES = 2000


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _local_now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def require_enrolled(outlet_code: str) -> EnrolledOutlet:
    """The enrolled, active outlet ``outlet_code``; ``district_outlet_not_enrolled`` if none."""
    outlet = EnrolledOutlet.get_or_none(
        (EnrolledOutlet.code == outlet_code.strip()) & EnrolledOutlet.active
    )
    if outlet is None:
        raise WorkflowError("district_outlet_not_enrolled", outlet=outlet_code.strip())
    return outlet


# --- work orders -----------------------------------------------------------------------------


def validate_work_order(data: NewWorkOrder, at: dt.datetime | None = None) -> NewWorkOrder:
    """The cleaned work order, or WorkflowError with every refusal (nothing read or written)."""
    if data.reply_by is None:
        raise WorkflowError("reply_by_required")
    return outlet_orders.validate_workorder(data, at or _local_now())


def enter_work_order(
    data: NewWorkOrder, outlet_code: str | None, *, actor: str, at: dt.datetime | None = None
) -> DistrictWorkOrder:
    """Enter a work order from above, assigned to ``outlet_code`` (None: not yet); refused
    when the work order is already entered or the outlet is not enrolled."""
    d = validate_work_order(data, at)
    code = require_enrolled(outlet_code).code if outlet_code else None
    with district_database.atomic(), audit.acting_as(actor):
        existing = DistrictWorkOrder.get_or_none(
            (DistrictWorkOrder.source == d.source) & (DistrictWorkOrder.number == d.number)
        )
        if existing is not None:
            raise _exists(existing)
        DistrictWorkOrder.insert(_row(d, code, actor)).execute()
    return work_order(d.source, d.number)


def _exists(existing: DistrictWorkOrder) -> WorkflowError:
    if existing.outlet_code is None:
        return WorkflowError(
            "district_workorder_exists_unassigned", source=existing.source, number=existing.number
        )
    return WorkflowError(
        "district_workorder_exists",
        source=existing.source,
        number=existing.number,
        outlet=existing.outlet_code,
    )


def _row(d: NewWorkOrder, outlet_code: str | None, actor: str) -> dict:
    return {
        "source": d.source,
        "number": d.number,
        "outlet_code": outlet_code,
        "received_at": d.received_at,
        "reply_by": d.reply_by,
        "customer_name": d.customer_name,
        "customer_phone": d.customer_phone,
        "content": d.content,
        "may_concern_outlet": d.may_concern_outlet,
        "head_callback_required": d.head_callback_required,
        "created_at": _utcnow(),
        "created_by": actor,
    }


# The district's file has one column more than the outlet's: the outlet each order goes to.
OUTLET_COLUMN: dict[str, tuple[str, ...]] = {
    "outlet": ("outlet", "outlet_code", "网点", "网点代码", "网点编号")
}


@dataclass
class WorkOrderFileResult:
    """What :func:`import_work_orders` stored: ``created`` of them (``assigned`` with their
    outlet), and the numbers of those already entered, left as they are."""

    created: int = 0
    assigned: int = 0
    skipped_numbers: list[str] = dataclass_field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.skipped_numbers)


def read_work_order_file(path: Path | str, *, at: dt.datetime | None = None) -> list[ParsedRow]:
    """Every row of a district work-order file, validated by the district's rule (a
    reply-by always stated); WorkOrderImportError naming the first bad row. Writes nothing."""
    return outlet_orders.read_workorder_rows(
        path, at=at or _local_now(), validate=validate_work_order, extra_columns=OUTLET_COLUMN
    )


def import_work_orders(
    path: Path | str, *, actor: str, at: dt.datetime | None = None
) -> WorkOrderFileResult:
    """Enter every work order of a CSV or XLSX file, in one transaction: all or nothing,
    and idempotent (one already entered is skipped and named). Refused whole, naming the
    row, when a row is bad or names an outlet that is not enrolled here."""
    parsed = read_work_order_file(path, at=at)
    result = WorkOrderFileResult()
    with district_database.atomic(), audit.acting_as(actor):
        enrolled = {
            o.code for o in EnrolledOutlet.select(EnrolledOutlet.code).where(EnrolledOutlet.active)
        }
        for each in parsed:
            code = each.extra["outlet"]
            if code and code not in enrolled:
                raise WorkOrderImportError(each.row, "district_outlet_not_enrolled", outlet=code)
        d = DistrictWorkOrder
        present = {
            (w.source, w.number)
            for w in d.select(d.source, d.number).where(
                d.number.in_(sorted({each.order.number for each in parsed}))
            )
        }
        rows = []
        for each in parsed:
            order = each.order
            if (order.source, order.number) in present:
                result.skipped_numbers.append(order.number)
                continue
            rows.append(_row(order, each.extra["outlet"] or None, actor))
            result.created += 1
            result.assigned += bool(each.extra["outlet"])
        for start in range(0, len(rows), 500):
            d.insert_many(rows[start : start + 500]).execute()
    return result


def work_order(source: str, number: str) -> DistrictWorkOrder:
    found = DistrictWorkOrder.get_or_none(
        (DistrictWorkOrder.source == source) & (DistrictWorkOrder.number == number)
    )
    if found is None:
        raise WorkflowError("district_workorder_unknown", source=source, number=number)
    return found


def assign_work_order(
    source: str, number: str, outlet_code: str, *, actor: str
) -> DistrictWorkOrder:
    """Give a work order not yet sent down to another outlet."""
    outlet = require_enrolled(outlet_code)
    with district_database.atomic(), audit.acting_as(actor):
        wo = (
            DistrictWorkOrder.select()
            .where((DistrictWorkOrder.source == source) & (DistrictWorkOrder.number == number))
            .for_update()
            .first()
        )
        if wo is None:
            raise WorkflowError("district_workorder_unknown", source=source, number=number)
        if wo.sent_down_at is not None and wo.outlet_code != outlet.code:
            raise WorkflowError(
                "district_workorder_sent",
                source=source,
                number=number,
                outlet=wo.outlet_code,
                sent=wo.sent_down_at.strftime("%Y-%m-%d %H:%M"),
            )
        if wo.outlet_code != outlet.code:
            DistrictWorkOrder.update(outlet_code=outlet.code).where(
                (DistrictWorkOrder.source == source) & (DistrictWorkOrder.number == number)
            ).execute()
    return work_order(source, number)


def record_district_reply(
    source: str,
    number: str,
    content: str,
    *,
    replied_by_name: str,
    actor: str,
    at: dt.datetime | None = None,
) -> DistrictWorkOrder:
    """The district's own reply to the superior body (what, when, who), for a work order
    it entered; it goes down to the outlet with the next bundle. A work order is replied
    to once."""
    at = (at or _local_now()).replace(microsecond=0, tzinfo=None)
    content = _text(content, "content", outlet_orders.MAX_CONTENT, required=True)
    name = _text(replied_by_name, "replied_by_name", outlet_orders.MAX_NAME, required=True)
    with district_database.atomic(), audit.acting_as(actor):
        wo = (
            DistrictWorkOrder.select()
            .where((DistrictWorkOrder.source == source) & (DistrictWorkOrder.number == number))
            .for_update()
            .first()
        )
        if wo is None:
            raise WorkflowError("district_workorder_unknown", source=source, number=number)
        if wo.replied_at is not None:
            raise WorkflowError("already_replied")
        if at < wo.received_at:
            raise WorkflowError("not_after", field="replied_at", other="received_at")
        if at > _local_now() + dt.timedelta(minutes=5):
            raise WorkflowError("in_future", field="replied_at")
        DistrictWorkOrder.update(reply_content=content, replied_at=at, replied_by_name=name).where(
            (DistrictWorkOrder.source == source) & (DistrictWorkOrder.number == number)
        ).execute()
    return work_order(source, number)


@dataclass(frozen=True)
class WorkOrderReply:
    """A work order the district sent down, with the outlet's reply as its bundles state it."""

    source: str
    number: str
    outlet_code: str
    reply_by: dt.datetime | None
    sent_down_at: dt.datetime | None
    replied_at: dt.datetime | None
    reply_content: str
    replied_by_name: str

    @property
    def on_time(self) -> bool | None:
        """True or False once replied (against the reply-by); None while unreplied."""
        if self.replied_at is None:
            return None
        return self.reply_by is None or self.replied_at <= self.reply_by


def work_order_replies(outlet_code: str | None = None) -> list[WorkOrderReply]:
    """The district's work orders (of one outlet, or all), oldest first, with the reply the
    outlet sent back (none yet: ``replied_at`` None)."""
    d, o = DistrictWorkOrder, OutletWorkOrder
    query = (
        d.select(
            d.source,
            d.number,
            d.outlet_code,
            d.reply_by,
            d.sent_down_at,
            o.replied_at,
            o.reply_content,
            o.replied_by_name,
        )
        .join(
            o,
            join_type=JOIN.LEFT_OUTER,
            on=(o.outlet_code == d.outlet_code) & (o.source == d.source) & (o.number == d.number),
        )
        .order_by(d.received_at, d.source, d.number)
    )
    if outlet_code is not None:
        query = query.where(d.outlet_code == outlet_code)
    rows: list[dict] = list(query.dicts())  # type: ignore[arg-type]
    return [
        WorkOrderReply(
            row["source"],
            row["number"],
            row["outlet_code"],
            row["reply_by"],
            row["sent_down_at"],
            row["replied_at"],
            row["reply_content"] or "",
            row["replied_by_name"] or "",
        )
        for row in rows
    ]


# --- escalations (Art. 11) -------------------------------------------------------------------


def _escalation(outlet_code: str, case_no: str, escalation_seq: int) -> CaseEscalation:
    found = CaseEscalation.get_or_none(
        (CaseEscalation.outlet_code == outlet_code)
        & (CaseEscalation.case_no == case_no)
        & (CaseEscalation.seq == escalation_seq)
    )
    if found is None:
        raise WorkflowError(
            "district_escalation_unknown", outlet=outlet_code, case_no=case_no, seq=escalation_seq
        )
    return found


def _key(outlet_code: str, case_no: str, escalation_seq: int):
    h = EscalationHandling
    return (
        (h.outlet_code == outlet_code)
        & (h.case_no == case_no)
        & (h.escalation_seq == escalation_seq)
    )


def handling(outlet_code: str, case_no: str, escalation_seq: int) -> EscalationHandling | None:
    return EscalationHandling.get_or_none(_key(outlet_code, case_no, escalation_seq))


def _stored(outlet_code: str, case_no: str, escalation_seq: int) -> EscalationHandling:
    return EscalationHandling.get(_key(outlet_code, case_no, escalation_seq))


def _accepted(outlet_code: str, case_no: str, escalation_seq: int) -> EscalationHandling:
    row = (
        EscalationHandling.select()
        .where(_key(outlet_code, case_no, escalation_seq))
        .for_update()
        .first()
    )
    if row is None or row.accepted_at is None:
        _escalation(outlet_code, case_no, escalation_seq)
        raise WorkflowError("district_escalation_not_accepted", case_no=case_no, seq=escalation_seq)
    return row


def accept_escalation(
    outlet_code: str,
    case_no: str,
    escalation_seq: int,
    *,
    actor: str,
    at: dt.datetime | None = None,
) -> EscalationHandling:
    """The district takes the lead of the outlet's escalation; accepting it again changes
    nothing."""
    escalation = _escalation(outlet_code, case_no, escalation_seq)
    at = at or _utcnow()
    with district_database.atomic(), audit.acting_as(actor):
        EscalationHandling.insert(
            outlet_code=outlet_code,
            case_no=case_no,
            escalation_seq=escalation_seq,
            escalated_at=escalation.at,
            accepted_at=at,
            accepted_by=actor,
            updated_at=at,
            updated_by=actor,
        ).on_conflict_ignore().execute()
    return _stored(outlet_code, case_no, escalation_seq)


def _text(value: str, field: str, max_len: int, *, required: bool) -> str:
    text = clean_text(value or "", multiline=True)
    if required and not text:
        raise WorkflowError("text_required", field=field)
    if len(text) > max_len:
        raise WorkflowError("text_too_long", field=field, max=max_len)
    return text


def _update(
    outlet_code: str, case_no: str, escalation_seq: int, actor: str, at: dt.datetime, **values
) -> EscalationHandling:
    with district_database.atomic(), audit.acting_as(actor):
        _accepted(outlet_code, case_no, escalation_seq)
        EscalationHandling.update(updated_at=at, updated_by=actor, **values).where(
            _key(outlet_code, case_no, escalation_seq)
        ).execute()
    return _stored(outlet_code, case_no, escalation_seq)


def assign_department(
    outlet_code: str,
    case_no: str,
    escalation_seq: int,
    department: str,
    *,
    psbc_counterpart: str = "",
    actor: str,
    at: dt.datetime | None = None,
) -> EscalationHandling:
    """The department leading an accepted escalation, and PSBC's at the same level."""
    department = _text(department, "department", MAX_DEPARTMENT, required=True)
    counterpart = _text(psbc_counterpart, "psbc_counterpart", MAX_DEPARTMENT, required=False)
    return _update(
        outlet_code, case_no, escalation_seq, actor, at or _utcnow(),
        department=department, psbc_counterpart=counterpart,
    )  # fmt: skip


def record_handling(
    outlet_code: str,
    case_no: str,
    escalation_seq: int,
    notes: str,
    *,
    actor: str,
    at: dt.datetime | None = None,
) -> EscalationHandling:
    """The handling so far, in the department's words (replaces the earlier notes)."""
    notes = _text(notes, "notes", MAX_NOTES, required=True)
    return _update(outlet_code, case_no, escalation_seq, actor, at or _utcnow(), notes=notes)


def record_result(
    outlet_code: str,
    case_no: str,
    escalation_seq: int,
    result: str,
    *,
    actor: str,
    at: dt.datetime | None = None,
) -> EscalationHandling:
    """The result of an escalation the district leads; it goes down in the next bundle to
    the outlet (again, when it is changed after it was sent)."""
    result = _text(result, "result", MAX_NOTES, required=True)
    at = at or _utcnow()
    with district_database.atomic():
        row = _accepted(outlet_code, case_no, escalation_seq)
        if not row.department:
            raise WorkflowError("district_department_required", case_no=case_no, seq=escalation_seq)
        return _update(outlet_code, case_no, escalation_seq, actor, at, result=result, result_at=at)


def escalations_led(outlet_code: str | None = None) -> list[EscalationHandling]:
    """The escalations the district accepted, oldest escalation first."""
    h = EscalationHandling
    query = h.select().order_by(h.escalated_at, h.outlet_code, h.case_no, h.escalation_seq)
    if outlet_code is not None:
        query = query.where(h.outlet_code == outlet_code)
    return list(query)
