"""Named queries behind the work-order panel and the Today bar: every work order (replied
ones too), filtered by source in SQL, with the linked case's number joined in."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from peewee import JOIN

from db.handling import deadlines, rules
from db.store.models import Case, Outlet, Staff, WorkOrder
from db.store.rows import tuples


class WorkOrderRow(NamedTuple):
    """One line of the work-order list."""

    id: int
    source: str
    number: str
    received_at: dt.datetime
    reply_by: dt.datetime
    customer_name: str
    content: str
    may_concern_outlet: bool
    head_callback_required: bool
    case_id: int | None
    case_no: str
    replied_at: dt.datetime | None
    replied_by: str
    # When the reply-by clock enters its warning share (rule breach_warning_share).
    warn_at: dt.datetime

    def overdue(self, at: dt.datetime) -> bool:
        return self.replied_at is None and self.reply_by < at

    def near_breach(self, at: dt.datetime) -> bool:
        return self.replied_at is None and self.warn_at <= at <= self.reply_by


def work_order(order_id: int) -> WorkOrder | None:
    """The work order with this id, or None."""
    return WorkOrder.get_or_none(WorkOrder.id == order_id)


def workorder_rows(
    outlet: Outlet, *, open_only: bool = True, source: str | None = None
) -> list[WorkOrderRow]:
    """The outlet's work orders, filtered in SQL: unreplied ones first, the soonest reply-by
    first; with ``open_only`` only those not yet replied to; with ``source`` only that source.
    """
    replier = Staff.alias()
    query = (
        WorkOrder.select(
            WorkOrder.id,
            WorkOrder.source,
            WorkOrder.number,
            WorkOrder.received_at,
            WorkOrder.reply_by,
            WorkOrder.customer_name,
            WorkOrder.content,
            WorkOrder.may_concern_outlet,
            WorkOrder.head_callback_required,
            WorkOrder.case,
            Case.case_no,
            WorkOrder.replied_at,
            replier.name,
        )
        .join(Case, JOIN.LEFT_OUTER, on=(WorkOrder.case == Case.id))
        .switch(WorkOrder)
        .join(replier, JOIN.LEFT_OUTER, on=(WorkOrder.replied_by == replier.id))
        .where(WorkOrder.outlet == outlet)
        .order_by(WorkOrder.replied_at.is_null(False), WorkOrder.reply_by, WorkOrder.id)
    )
    if open_only:
        query = query.where(WorkOrder.replied_at.is_null())
    if source:
        query = query.where(WorkOrder.source == source)
    share = float(rules.get("breach_warning_share"))
    return [
        WorkOrderRow(
            id=r[0],
            source=r[1],
            number=r[2],
            received_at=r[3],
            reply_by=r[4],
            customer_name=r[5],
            content=r[6],
            may_concern_outlet=bool(r[7]),
            head_callback_required=bool(r[8]),
            case_id=r[9],
            case_no=r[10] or "",
            replied_at=r[11],
            replied_by=r[12] or "",
            warn_at=deadlines.warn_instant(r[3], r[4], share),
        )
        for r in tuples(query)
    ]


def open_workorder_count(outlet: Outlet) -> int:
    return (
        WorkOrder.select()
        .where((WorkOrder.outlet == outlet) & WorkOrder.replied_at.is_null())
        .count()
    )
