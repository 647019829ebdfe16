"""Callbacks (回访): the head plans them; whoever is assigned calls the customer (Art. 5(7),
6(6), 7(6)).

- A plan has a due time and the person who calls. It is for a case, a superior work
  order, or both (a work order linked to a case).
- A record says how the customer was contacted, whether they were reached and, if so,
  their satisfaction: satisfied, basically satisfied or unsatisfied, with notes.
- For a case, a callback that reaches the customer moves it to ``callback_done``; an
  unsatisfied customer means the case must be reported to the head next (Art. 10).
- A superior work order flagged for it is called back by the head in person (Art. 5(7));
  in the head's absence by the acting head (Art. 8). Nobody else may record that callback.
"""

from __future__ import annotations

import datetime as dt

from db.errors import WorkflowError
from db.handling import deadlines, windows, workflow
from db.handling.actions import Checks, load, moment, record, sync
from db.intake.cases import add_event
from db.store import codes
from db.store.models import Callback, Case, Outlet, Staff, WorkOrder, database
from db.trust import permissions
from db.trust.policy import Action


def requires_head(case: Case | None = None, work_order: WorkOrder | None = None) -> bool:
    """Whether the callback must be made by the head or acting head in person (Art. 5(7)):
    the work order, or any work order linked to the case, is flagged for it."""
    if work_order is not None and work_order.head_callback_required:
        return True
    if case is not None:
        return (
            WorkOrder.select()
            .where((WorkOrder.case == case.id) & (WorkOrder.head_callback_required == True))  # noqa: E712
            .exists()
        )
    return False


def _target(
    case: Case | None, work_order: WorkOrder | None
) -> tuple[Case | None, WorkOrder | None]:
    if work_order is not None:
        work_order = WorkOrder.get_by_id(work_order.id)
        if case is None and work_order.case_id is not None:
            case = work_order.case
    if case is not None:
        case = load(case)
    if case is None and work_order is None:
        raise WorkflowError("callback_target")
    if case is not None and work_order is not None and work_order.case_id not in (None, case.id):
        raise WorkflowError("callback_target")
    return case, work_order


def _check_staff(outlet_id: int, staff: Staff) -> Staff:
    fresh = Staff.get_or_none(Staff.id == staff.id)
    if fresh is None or not fresh.active:
        raise WorkflowError("inactive_staff", name=staff.name)
    if fresh.outlet_id != outlet_id:
        raise WorkflowError("wrong_outlet")
    return fresh


def plan_callback(
    actor: Staff,
    *,
    due_at: dt.datetime,
    assigned_to: Staff,
    case: Case | None = None,
    work_order: WorkOrder | None = None,
    note: str = "",
    at: dt.datetime | None = None,
) -> Callback:
    """Plan a callback. When the head must call in person, it can be assigned only to the
    head, or to an acting head whose span covers the due time."""
    with database.atomic():
        case, work_order = _target(case, work_order)
        outlet_id = case.outlet_id if case is not None else work_order.outlet_id  # type: ignore[union-attr]
        actor = _check_staff(outlet_id, actor)
        assigned_to = _check_staff(outlet_id, assigned_to)
        at = moment(at, case)
        due_at = due_at.replace(microsecond=0)
        if case is not None and not case.is_open:
            raise WorkflowError("case_closed")
        checks = Checks()
        if due_at <= at:
            checks.refuse("not_after", field="due_at", other="at")
        else:
            checks.in_range(due_at, "due_at")
        # Who will hold the head's authority at the due time: a question about then, not
        # an action taken now (that is record_callback's, checked at its real time).
        if requires_head(case, work_order) and not permissions.can_act_as_head(assigned_to, due_at):
            checks.refuse("head_callback")
        note = checks.text(note, "note", required=False)
        checks.done()
        cb = Callback.create(
            case=case,
            work_order=work_order,
            due_at=due_at,
            assigned_to=assigned_to,
            planned_by=actor,
            planned_at=at,
            plan_note=note,
        )
        if case is not None:
            record(
                case,
                codes.EVENT_CALLBACK_PLANNED,
                actor=actor,
                at=at,
                note=note,
                data={
                    "callback": cb.id,
                    "due_at": due_at.isoformat(),
                    "assigned_to": assigned_to.id,
                    "work_order": work_order.id if work_order else None,
                },
            )
    return cb


def record_callback(
    callback: Callback,
    actor: Staff,
    *,
    method: str,
    reached: bool,
    result: str = "",
    notes: str = "",
    at: dt.datetime | None = None,
) -> Callback:
    """Record the callback ``actor`` made. Not reached: the attempt is kept and no result is
    allowed; plan another. Reached: the result is required and, for a case, moves it on
    (unsatisfied → report owed, Art. 10)."""
    with database.atomic():
        cb = Callback.get_by_id(callback.id)
        if cb.done_at is not None:
            raise WorkflowError("callback_done")
        case = Case.get_by_id(cb.case_id) if cb.case_id is not None else None
        work_order = WorkOrder.get_by_id(cb.work_order_id) if cb.work_order_id else None
        outlet_id = case.outlet_id if case is not None else work_order.outlet_id  # type: ignore[union-attr]
        actor = _check_staff(outlet_id, actor)
        at = moment(at, case)
        checks = Checks()
        checks.known(method, codes.CALLBACK_METHODS, "callback method")
        if reached:
            if not result:
                checks.refuse("result_required")
            else:
                checks.known(result, codes.CALLBACK_RESULTS, "callback result")
        elif result:
            checks.refuse("result_without_reach")
        notes = checks.text(notes, "notes", required=False)
        checks.done()
        authority = None
        if requires_head(case, work_order):
            authority = permissions.require(actor, Action.CALL_BACK_WORK_ORDER, at)
        if case is not None and reached:
            workflow.record_callback_transition(
                case,
                actor,
                at,
                result=result,
                callback_id=cb.id,
                method=method,
                notes=notes,
                authority=authority,
            )
        elif case is not None:
            owed = workflow.report_owed(case)
            if owed is not None:
                reason = codes.REPORT_REASONS.get(owed, owed)
                raise WorkflowError("must_report_first", reason=reason, action="callback")
            data = {"callback": cb.id, "method": method}
            if authority is not None:
                data.update(authority.event_data())
            add_event(case, codes.EVENT_CALLBACK_ATTEMPT, actor=actor, at=at, note=notes, data=data)
        cb.done_at = at
        cb.done_by = actor
        cb.method = method
        cb.reached = bool(reached)
        cb.result = result
        cb.notes = notes
        cb.save()
        if case is not None:
            deadlines.refresh_case_deadlines(case, at)
    sync(callback, cb)
    return cb


def pending_callbacks(outlet: Outlet, *, assigned_to: Staff | None = None) -> list[Callback]:
    """Planned callbacks not yet made, soonest first (the head's plan, Art. 5(7))."""
    query = (
        Callback.select(Callback)
        .join(Staff, on=(Callback.assigned_to == Staff.id))
        .where((Staff.outlet == outlet) & Callback.done_at.is_null())
    )
    if assigned_to is not None:
        query = query.where(Callback.assigned_to == assigned_to)
    return list(query.order_by(Callback.due_at, Callback.id))


def callbacks_due(at: dt.datetime, outlet: Outlet | None = None) -> list[Callback]:
    """Planned callbacks due by the end of ``at``'s day, overdue ones first."""
    query = Callback.select(Callback).where(
        Callback.done_at.is_null() & windows.DUE_BY_TONIGHT.expression(at, Callback.due_at, None)
    )
    if outlet is not None:
        query = query.join(Staff, on=(Callback.assigned_to == Staff.id)).where(
            Staff.outlet == outlet
        )
    return list(query.order_by(Callback.due_at, Callback.id))


def callbacks_of(case: Case) -> list[Callback]:
    return list(Callback.select().where(Callback.case == case.id).order_by(Callback.id))
