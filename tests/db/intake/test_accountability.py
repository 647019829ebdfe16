"""What each person owes (Art. 4, 5, 10): the complaints they answer for, as first-ask owner
until a transfer is formal and as handler after it, the work orders and the callbacks.

The counts are checked against a rule written here in Python, independently of the SQL in
db/intake/accountability.py, over every case of the outlet and at several moments.
"""

from __future__ import annotations

import datetime as dt

from db.handling import callbacks, workflow
from db.intake import accountability
from db.intake.queries import CaseFilter, case_count, case_page
from db.store import codes
from db.store.models import Case, CaseTransfer, Staff
from db.trust import permissions
from db.workorders import orders as workorders
from tests.db.workflow_fixtures import T0, World, at, world

__all__ = ["world"]

MOMENTS = [at(0.5), at(1.9), at(40), at(47.5), at(49), at(24 * 5)]


def expected_reminded(case: Case) -> set[int]:
    """The rule, independently: handler once formal, else first-ask owner; plus the
    prospective handler of a pending transfer."""
    people = {case.handler_id if case.handler_id is not None else case.first_ask_owner_id}
    pending = CaseTransfer.get_or_none(
        (CaseTransfer.case == case.id) & (CaseTransfer.state == codes.TRANSFER_PENDING)
    )
    if pending is not None and pending.handler_id is not None:
        people.add(pending.handler_id)
    return people


def expected_owed(staff: Staff, when: dt.datetime) -> accountability.OwedCases:
    end = dt.datetime.combine(when.date(), dt.time()) + dt.timedelta(days=1)
    overdue = due_today = near = 0
    for case in Case.select():
        if not case.is_open or case.due_at is None or staff.id not in expected_reminded(case):
            continue
        if case.due_at < when:
            overdue += 1
        elif case.due_at < end:
            due_today += 1
        elif case.warn_at is not None and case.warn_at <= when:
            near += 1
    return accountability.OwedCases(overdue, due_today, near)


def listed(staff: Staff, when: dt.datetime) -> list[int]:
    flt = CaseFilter(reminded_id=staff.id, overdue=True, due_today=True, near_breach=True)
    assert case_count(flt, at=when) == len(case_page(flt, at=when, limit=1000))
    return sorted(r.id for r in case_page(flt, at=when, limit=1000))


def check_everyone(w: World) -> None:
    for when in MOMENTS:
        for person in (w.head, w.lobby, w.teller, w.teller2, w.supervisor):
            owed = accountability.owed_cases(person, when)
            assert owed == expected_owed(person, when), (person.name, when)
            assert len(listed(person, when)) == owed.total, (person.name, when)


def test_the_first_ask_owner_owes_until_the_transfer_is_formal_then_the_handler(world: World):
    w = world
    case = w.case(w.teller)  # reply agreed for T0 + 2 days
    late = at(49)
    assert accountability.owed_cases(w.teller, late).overdue == 1
    assert accountability.owed_cases(w.teller2, late).total == 0
    assert listed(w.teller, late) == [case.id]

    workflow.transfer(case, w.teller, w.teller2, at=at(1))
    # Pending: the owner stays accountable and the prospective handler is reminded too.
    assert workflow.accountable_staff(case).id == w.teller.id
    assert accountability.owed_cases(w.teller, late).overdue == 1
    assert accountability.owed_cases(w.teller2, late).overdue == 1
    assert listed(w.teller2, late) == [case.id]
    check_everyone(w)

    workflow.confirm_contact(case, w.teller2, contact_at=at(1.5), method="phone", at=at(1.5))
    # Formal: the handler owes it now, and only the handler.
    assert workflow.accountable_staff(case).id == w.teller2.id
    assert accountability.owed_cases(w.teller, late).total == 0
    assert accountability.owed_cases(w.teller2, late).overdue == 1
    assert listed(w.teller, late) == []
    check_everyone(w)


def test_a_transfer_to_another_outlet_leaves_the_owner_accountable(world: World):
    w = world
    case = w.case(w.lobby)
    workflow.transfer(
        case, w.lobby, None, handler_name="周婷", handler_outlet="人民路网点", at=at(1)
    )
    workflow.confirm_contact(case, w.lobby, contact_at=at(1.5), method="phone", at=at(1.5))
    assert accountability.owed_cases(w.lobby, at(49)).overdue == 1
    assert workflow.reminder_recipients(case) == [w.lobby]
    check_everyone(w)


def test_due_today_and_near_breach_are_told_apart_and_closed_cases_owe_nothing(world: World):
    w = world
    due_tonight = w.case(w.teller, agreed_reply_at=dt.datetime.combine(at(2).date(), dt.time(18)))
    w.case(w.teller, agreed_reply_at=T0 + dt.timedelta(days=3))
    w.case(w.supervisor, agreed_reply_at=T0 + dt.timedelta(days=10))
    settled = w.case(w.teller, outcome="settled", agreed_reply_at=None, settlement="当场解释")
    assert not settled.is_open
    check_everyone(w)
    morning = dt.datetime.combine(at(2).date(), dt.time(9))
    owed = accountability.owed_cases(w.teller, morning)
    assert owed.due_today >= 1 and due_tonight.id in listed(w.teller, morning)
    assert settled.id not in listed(w.teller, morning)


def test_reminder_recipients_put_the_accountable_person_first(world: World):
    w = world
    case = w.case(w.teller2)
    workflow.transfer(case, w.teller2, w.lobby, at=at(1))
    assert workflow.reminder_recipients(case) == [w.teller2, w.lobby]


def test_work_orders_are_owed_by_the_case_accountable_else_by_the_head(world: World):
    w = world
    case = w.case(w.teller)
    received = at(24 * 3)
    linked = workorders.create_workorder(
        w.outlet, _order("95580-001", received), w.lobby, case=case, at=received
    )
    loose = workorders.create_workorder(
        w.outlet, _order("95580-002", received), w.lobby, at=received
    )
    later = workorders.create_workorder(
        w.outlet,
        _order("95580-003", received, reply_in=dt.timedelta(days=30)),
        w.lobby,
        at=received,
    )
    when = received + dt.timedelta(hours=20)  # past 80 % of a one-day reply time

    def ids(person: Staff) -> list[int]:
        return [wo.id for wo in accountability.workorders_owed(person, when)]

    assert ids(w.teller) == [linked.id]
    assert ids(w.head) == [loose.id]
    assert ids(w.lobby) == [] and later.id not in ids(w.head)

    # The acting head answers for unlinked work orders inside the span the head named.
    permissions.name_acting_head(
        w.head, w.supervisor, when - dt.timedelta(hours=1), when + dt.timedelta(hours=1)
    )
    assert ids(w.supervisor) == [loose.id]
    assert ids(w.head) == [loose.id]

    # Once the case is formally transferred, its work order goes with it.
    workflow.transfer(case, w.teller, w.teller2, at=when)
    workflow.confirm_contact(case, w.teller2, contact_at=when, method="phone", at=when)
    assert ids(w.teller) == [] and ids(w.teller2) == [linked.id]

    workorders.record_workorder_reply(loose, w.head, content="已回复上级", at=when)
    assert ids(w.head) == []


def test_callbacks_are_owed_by_whoever_they_are_assigned_to(world: World):
    w = world
    case = w.case(w.teller)
    workflow.reply(
        case, w.teller, content="已答复", method="phone", customer_satisfied=True, at=at(3)
    )
    today = callbacks.plan_callback(
        w.teller, due_at=at(20), assigned_to=w.lobby, case=case, at=at(4)
    )
    callbacks.plan_callback(w.teller, due_at=at(24 * 5), assigned_to=w.lobby, case=case, at=at(4))
    when = at(21)
    assert [cb.id for cb in accountability.callbacks_owed(w.lobby, when)] == [today.id]
    assert accountability.callbacks_owed(w.teller, when) == []
    owed = accountability.owed_today(w.lobby, when)
    assert owed.anything and [cb.id for cb in owed.callbacks] == [today.id]
    assert not accountability.owed_today(w.teller2, when).anything


def _order(number: str, received: dt.datetime, reply_in=dt.timedelta(days=1)):
    return workorders.NewWorkOrder(
        source=codes.SOURCE_95580,
        number=number,
        received_at=received,
        reply_by=received + reply_in,
        customer_name="李秀英",
        content="客户来电反映排队时间过长",
    )
