"""Training (Art. 5(1)): sessions the head records, histories, remedial training tied to the
liable case, and who is behind, by a threshold that is a setting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from db.management import penalties, training
from db.management.liability import Finding
from db.store import codes
from db.store.models import LiablePerson, Outlet, Staff, TrainingAttendance
from tests.db.management_fixtures import (
    World,
    at,
    determined,
    refused_all,
    replied_case,
    world,
)

__all__ = ["world"]

day = dt.date


def session(w: World, **changes):
    fields = dict(
        held_on=day(2026, 9, 15),
        topic="complaint_handling",
        title="《实施细则》第十条首问责任制",
        trainer="王建国",
        hours="1.5",
        attendees=[w.teller, w.teller2],
    )
    fields.update(changes)
    actor = fields.pop("actor", w.head)
    return training.record_session(actor, **fields)


def test_head_records_a_session_and_each_history_shows_it(world: World):
    w = world
    row = session(w, attendees=[w.teller, w.teller2, w.teller])
    assert (row.topic, row.minutes, row.recorded_by_id) == ("complaint_handling", 90, w.head.id)
    assert [s.name for s in training.attendees_of(row)] == sorted([w.teller.name, w.teller2.name])
    other = session(w, held_on=day(2026, 10, 8), topic="products", hours=1, attendees=[w.teller])
    history = training.training_history(w.teller)
    assert [(h.id, h.hours) for h in history] == [
        (other.id, Decimal("1.00")),
        (row.id, Decimal("1.50")),
    ]
    assert [s.attendees for s in training.sessions(w.outlet)] == [1, 2]
    assert [s.id for s in training.sessions(w.outlet, "2026-Q3")] == [row.id]
    assert training.training_history(w.lobby) == []


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        (dict(actor="teller"), "head_only"),
        (dict(topic="karaoke"), "unknown_code"),
        (dict(title=" "), "text_required"),
        (dict(trainer=""), "text_required"),
        (dict(hours=0), "value_range"),
        (dict(hours=25), "value_range"),
        (dict(hours="1.333"), "value_decimals"),
        (dict(hours="two"), "not_a_number"),
        (dict(attendees=[]), "attendees_required"),
        (dict(held_on=dt.date.today() + dt.timedelta(days=2)), "in_future"),
    ],
)
def test_session_rules(world: World, changes, code):
    w = world
    if changes.get("actor") == "teller":
        changes["actor"] = w.teller
    refused_all(w, lambda: session(w, **changes), code)


def test_attendees_come_from_the_outlet(world: World):
    w = world
    other = Outlet.create(name="另一网点", code="OTH01", district_branch="城南区分公司")
    stranger = Staff.create(outlet=other, name="外人", employee_no="X9", role="teller")
    refused_all(w, lambda: session(w, attendees=[w.teller, stranger]), "wrong_outlet")


def test_remedial_training_links_to_a_liable_case(world: World):
    w = world
    case = replied_case(w)
    refused_all(w, lambda: session(w, remedial_case=case), "remedial_not_liable")
    row = determined(w, case, [(w.teller, 100)])
    person = LiablePerson.get(LiablePerson.liability == row.id)
    penalties.apply_penalty(
        person,
        w.head,
        points=2,
        amount=100,
        measures=["talk", "remedial_training"],
        reason_if_changed="补课",
        at=at(4),
    )
    (owed,) = training.remedial_training_owed(w.outlet)
    assert (owed.staff_id, owed.case_no) == (w.teller.id, case.case_no)
    refused_all(
        w, lambda: session(w, remedial_case=case, held_on=day(2026, 9, 27)), "before_received"
    )
    # a session for the case that the person did not attend does not settle it
    session(w, remedial_case=case, attendees=[w.teller2], held_on=day(2026, 9, 29))
    assert len(training.remedial_training_owed()) == 1
    remedial = session(w, remedial_case=case, attendees=[w.teller], held_on=day(2026, 9, 30))
    assert training.remedial_training_owed() == []
    assert training.sessions(w.outlet)[0].remedial_case_no == case.case_no
    assert TrainingAttendance.select().where(TrainingAttendance.session == remedial.id).count() == 1


def test_overturned_finding_owes_no_remedial_training(world: World):
    from db.management import liability

    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    penalty = penalties.apply_penalty(
        LiablePerson.get(LiablePerson.liability == row.id),
        w.head,
        points=2,
        amount=100,
        measures=["remedial_training"],
        reason_if_changed="补课",
        at=at(4),
    )
    assert training.remedial_training_owed() != []
    liability.review(
        row,
        w.head,
        outcome=codes.REVIEW_OVERTURNED,
        reason="复核无责",
        finding=Finding(liable=False, reasons="无责"),
        penalties=[penalties.PenaltyChoice(penalty, codes.PENALTY_WITHDRAW)],
        at=at(5),
    )
    assert training.remedial_training_owed() == []


def _lay_history(w: World) -> None:
    """Complaint-handling sessions: teller 2025-10-01, teller2 2025-12-01, head 2026-09-01;
    the supervisor only had product training (2026-06-01); the lobby manager none; a former
    teller (inactive) none."""
    for held, people, topic in [
        (day(2025, 10, 1), [w.teller], "complaint_handling"),
        (day(2025, 12, 1), [w.teller2], "complaint_handling"),
        (day(2026, 9, 1), [w.head], "complaint_handling"),
        (day(2026, 6, 1), [w.supervisor], "products"),
    ]:
        session(w, held_on=held, attendees=people, topic=topic)
    Staff.create(outlet=w.outlet, name="离职员工", employee_no="E0999", role="teller", active=False)


def test_staff_behind_on_complaint_handling_training(world: World):
    w = world
    _lay_history(w)
    # 12 months before 2026-11-28 is 2025-11-28: teller's last (2025-10-01) is too old
    behind = training.staff_behind_on_training(day(2026, 11, 28))
    assert [(r.name, r.last_trained_on) for r in behind] == [
        (w.lobby.name, None),
        (w.supervisor.name, None),
        (w.teller.name, day(2025, 10, 1)),
    ]
    # one month (since 2026-10-28): even the head's September session is too old
    assert {r.staff_id for r in training.staff_behind_on_training(day(2026, 11, 28), months=1)} == {
        w.lobby.id,
        w.supervisor.id,
        w.teller.id,
        w.teller2.id,
        w.head.id,
    }
    # sessions after the day asked do not count: on 2025-11-15 teller2 had not been trained
    assert {r.staff_id for r in training.staff_behind_on_training(day(2025, 11, 15))} == {
        w.lobby.id,
        w.supervisor.id,
        w.teller2.id,
        w.head.id,
    }
    # another topic
    products = training.staff_behind_on_training(day(2026, 11, 28), topic="products")
    assert w.supervisor.id not in {r.staff_id for r in products}


def test_the_threshold_is_a_setting(world: World):
    w = world
    _lay_history(w)
    assert training.behind_months() == 12
    training.set_behind_months(10, w.head)  # cutoff 2026-01-28: teller2 is behind too
    assert training.behind_months() == 10
    behind = {r.staff_id for r in training.staff_behind_on_training(day(2026, 11, 28))}
    assert w.teller2.id in behind and w.head.id not in behind
    refused_all(w, lambda: training.set_behind_months(0, w.head), "value_range")
    refused_all(w, lambda: training.set_behind_months(61, w.head), "value_range")
    refused_all(w, lambda: training.set_behind_months("6", w.head), "not_a_number")
    refused_all(w, lambda: training.set_behind_months(6, w.teller), "head_only")
    assert training.reset_behind_months(w.head) == 12 and training.behind_months() == 12


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (day(2026, 3, 31), 1, day(2026, 2, 28)),
        (day(2026, 11, 28), 12, day(2025, 11, 28)),
        (day(2026, 1, 15), 1, day(2025, 12, 15)),
        (day(2024, 2, 29), 12, day(2023, 2, 28)),
    ],
)
def test_months_before(start, months, expected):
    assert training.months_before(start, months) == expected
