"""Who answers for a complaint, and what each person owes today (Art. 4, 5, 10).

The rule of first-ask responsibility, written once here as SQL on the case table (alias
``c``) and used by the case view, the case list's "mine" filter and the Today bar:

- the **accountable** person is the first-ask owner until a transfer is formal, and then
  the handler the case was formally transferred to (Art. 10). A transfer to someone at
  another outlet, named in text, leaves the first-ask owner accountable: the outlet keeps
  tracking the case;
- while a transfer is **pending**, the prospective handler is reminded too: both are shown
  until customer and handler are in contact (Art. 10).

What a person owes today (:func:`owed_today`):

- the open complaints they are reminded of that are overdue, due today or near their
  deadline;
- the unanswered superior work orders due today, overdue or near their reply-by: a work
  order linked to a complaint is owed by the person accountable for that complaint; one
  not linked to any is the head's, who replies to superior work orders (Art. 5(5)), and
  so also the acting head's inside the span the head named (Art. 8). This program's
  default: the schema has no other assignee for a work order;
- the callbacks assigned to them that are due by the end of today (Art. 5(7), 6(6)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN, SQL

from db.handling import deadlines, rules
from db.store import codes
from db.store.models import Callback, Case, CaseTransfer, Staff, WorkOrder, database
from db.trust import permissions

_CASE = Case._meta.table_name
_STAFF = Staff._meta.table_name
_TRANSFER = CaseTransfer._meta.table_name

# The accountable person of case ``c``: the formal handler, else the first-ask owner.
ACCOUNTABLE_SQL = "COALESCE(c.handler_id, c.first_ask_owner_id)"


def reminded_sql(staff: str) -> str:
    """The SQL condition (on case alias ``c``) that ``staff`` is reminded of the case;
    ``staff`` is an SQL expression, a bound parameter ``"?"`` or a column such as ``"s.id"``
    (it appears twice)."""
    return (
        f"({ACCOUNTABLE_SQL} = {staff} OR c.id IN (SELECT t.case_id FROM {_TRANSFER} AS t "
        f"WHERE t.state = '{codes.TRANSFER_PENDING}' AND t.handler_id = {staff}))"
    )


def reminded_condition(staff_id: int) -> tuple[str, list]:
    """:func:`reminded_sql` for one person, with its parameters."""
    return reminded_sql("?"), [staff_id, staff_id]


def accountable_id(case_id: int) -> int:
    """The id of the person who answers for the case now."""
    row = database.execute_sql(
        f"SELECT {ACCOUNTABLE_SQL} FROM {_CASE} AS c WHERE c.id = ?", [case_id]
    ).fetchone()
    if row is None:
        raise Case.DoesNotExist(case_id)  # type: ignore[attr-defined]  # made by peewee
    return row[0]


def reminder_recipient_ids(case_id: int) -> list[int]:
    """Who is reminded of the case: the accountable person first, then the prospective
    handler of a pending transfer (if that is someone else of this outlet)."""
    rows = database.execute_sql(
        f"SELECT s.id FROM {_STAFF} AS s JOIN {_CASE} AS c ON c.id = ? WHERE {reminded_sql('s.id')} "
        f"ORDER BY s.id = {ACCOUNTABLE_SQL} DESC, s.id",
        [case_id],
    ).fetchall()
    return [r[0] for r in rows]


# --- what a person owes today ---------------------------------------------------------------


@dataclass(frozen=True)
class OwedCases:
    """Open complaints a person is reminded of: overdue, due later today, and near their
    deadline but due after today (each case counted once, in the first that fits)."""

    overdue: int = 0
    due_today: int = 0
    near_breach: int = 0

    @property
    def total(self) -> int:
        return self.overdue + self.due_today + self.near_breach


@dataclass(frozen=True)
class Owed:
    """Everything :func:`owed_today` found for one person."""

    cases: OwedCases = OwedCases()
    work_orders: list[WorkOrder] = field(default_factory=list)
    callbacks: list[Callback] = field(default_factory=list)

    @property
    def anything(self) -> bool:
        return bool(self.cases.total or self.work_orders or self.callbacks)


def _day_end(at: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(at.date(), dt.time()) + dt.timedelta(days=1)


def owed_cases(staff: Staff, at: dt.datetime) -> OwedCases:
    """How many open complaints ``staff`` is reminded of are overdue, due today or near
    their deadline at ``at`` (what ``CaseFilter(reminded_id=..., overdue=True,
    due_today=True, near_breach=True)`` lists)."""
    condition, params = reminded_condition(staff.id)
    now_text, end_text = at.isoformat(" "), _day_end(at).isoformat(" ")
    row = database.execute_sql(
        "SELECT count(*) FILTER (WHERE c.due_at < ?), "
        "count(*) FILTER (WHERE c.due_at >= ? AND c.due_at < ?), "
        "count(*) FILTER (WHERE c.due_at >= ? AND c.warn_at <= ?) "
        f"FROM {_CASE} AS c WHERE c.is_open = 1 "
        "AND (c.due_at < ? OR (c.warn_at <= ? AND c.due_at >= ?)) "
        f"AND {condition}",
        [now_text, now_text, end_text, end_text, now_text, end_text, now_text, now_text, *params],
    ).fetchone()
    return OwedCases(overdue=row[0], due_today=row[1], near_breach=row[2])


def workorders_owed(staff: Staff, at: dt.datetime) -> list[WorkOrder]:
    """Unanswered work orders ``staff`` owes a reply to that are due by the end of today or
    past their breach-warning share, soonest first (see the module docstring for who)."""
    case = Case.alias("c")  # the alias ACCOUNTABLE_SQL names
    of_my_cases = SQL(f"{ACCOUNTABLE_SQL} = ?", [staff.id])
    owned = (
        of_my_cases | WorkOrder.case.is_null()
        if permissions.can_act_as_head(staff, at)
        else of_my_cases
    )
    query = (
        WorkOrder.select(WorkOrder)
        .join(case, JOIN.LEFT_OUTER, on=(WorkOrder.case == case.id))
        .where((WorkOrder.outlet == staff.outlet_id) & WorkOrder.replied_at.is_null() & owned)
        .order_by(WorkOrder.reply_by, WorkOrder.id)
    )
    share = float(rules.get("breach_warning_share"))
    end = _day_end(at)
    return [
        wo
        for wo in query
        if wo.reply_by < end or deadlines.warn_instant(wo.received_at, wo.reply_by, share) <= at
    ]


def callbacks_owed(staff: Staff, at: dt.datetime) -> list[Callback]:
    """Callbacks assigned to ``staff``, not yet made, due by the end of today; soonest first."""
    return list(
        Callback.select()
        .where(
            (Callback.assigned_to == staff.id)
            & Callback.done_at.is_null()
            & (Callback.due_at < _day_end(at))
        )
        .order_by(Callback.due_at, Callback.id)
    )


def owed_today(staff: Staff, at: dt.datetime) -> Owed:
    """What ``staff`` owes at ``at``: complaints, work orders and callbacks (the Today bar's
    own line after login)."""
    return Owed(
        cases=owed_cases(staff, at),
        work_orders=workorders_owed(staff, at),
        callbacks=callbacks_owed(staff, at),
    )
