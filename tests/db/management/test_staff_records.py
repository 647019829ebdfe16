"""Staff and responsibility records (Art. 5-8): the roster is the head's, nobody is ever
deleted, the duties are paraphrased with their articles, each person's figures match a
fixture counted by hand, and the acting-head designations are all kept."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest

from db.intake import outlets
from db.intake.validation import ValidationError
from db.management import penalties, staff_records, training
from db.store import codes, vocab
from db.store.models import Callback, Case, CaseTransfer, Liability, LiablePerson, Staff
from db.trust import permissions
from tests.db.management_fixtures import World, put_case, refused_all, world
from tests.db.workflow_fixtures import dump

__all__ = ["world"]

D = dt.datetime


# --- duties ---------------------------------------------------------------------------------------


def test_every_role_has_its_duties_with_articles():
    articles = {role: [d.article for d in staff_records.duties_for(role)] for role in vocab.ROLES}
    assert articles["head"] == [f"Art. 5({i})" for i in range(1, 9)]
    assert articles["lobby_manager"] == [f"Art. 6({i})" for i in range(1, 8)]
    for role in ("ops_supervisor", "teller", "other"):
        assert articles[role] == [f"Art. 7({i})" for i in range(1, 7)]
    acting = staff_records.duties_for("teller", acting_head=True)
    assert [d.article for d in acting][6:8] == ["Art. 8", "Art. 5(1)"]
    for duties in staff_records.DUTIES.values():
        for duty in duties:
            # paraphrased in English, never the rules' own Chinese sentences
            assert not re.search(r"[\u4e00-\u9fff]", duty.text) and duty.text.endswith(".")


# --- the roster -----------------------------------------------------------------------------------


def test_head_adds_and_updates_staff_and_the_changes_are_logged(world: World):
    w = world
    new = staff_records.add_staff(w.head, "孙丽", "E1006", "teller", dt.date(2026, 3, 1))
    assert (new.role, new.active, new.joined_on) == ("teller", True, dt.date(2026, 3, 1))
    updated = staff_records.update_staff(
        new, w.head, name="孙丽丽", role="lobby_manager", note="调任大堂经理"
    )
    assert (updated.name, updated.role, updated.employee_no) == ("孙丽丽", "lobby_manager", "E1006")
    assert new.name == "孙丽丽"  # the caller's instance follows
    changes = staff_records.staff_changes(new)
    assert [c.kind for c in changes] == [codes.STAFF_ADDED, codes.STAFF_UPDATED]
    assert json.loads(changes[1].data) == {
        "name": ["孙丽", "孙丽丽"],
        "role": ["teller", "lobby_manager"],
    }
    assert changes[1].by_id == w.head.id and changes[1].note == "调任大堂经理"
    # nothing changed: nothing logged
    staff_records.update_staff(new, w.head, name="孙丽丽")
    assert len(staff_records.staff_changes(new)) == 2
    staff_records.update_staff(new, w.head, joined_on=None)
    assert Staff.get_by_id(new.id).joined_on is None


def test_roster_edits_are_the_heads(world: World):
    w = world
    refused_all(
        w, lambda: staff_records.add_staff(w.teller, "孙丽", "E1006", "teller"), "head_only"
    )
    refused_all(w, lambda: staff_records.update_staff(w.teller2, w.lobby, name="x"), "head_only")
    refused_all(w, lambda: staff_records.deactivate_staff(w.teller2, w.teller), "head_only")
    permissions.name_acting_head(
        w.head, w.lobby, D.now() - dt.timedelta(hours=1), D.now() + dt.timedelta(hours=1)
    )
    staff_records.update_staff(w.teller2, w.lobby, name="刘洋洋")


def test_roster_values_are_checked(world: World):
    w = world
    before = dump()
    with pytest.raises(ValidationError) as excinfo:
        staff_records.update_staff(w.teller2, w.head, employee_no=w.teller.employee_no)
    assert excinfo.value.for_field("employee_no").code == "duplicate"
    with pytest.raises(ValidationError) as excinfo:
        staff_records.update_staff(w.teller2, w.head, name=" ", role="janitor")
    assert {e.field for e in excinfo.value.errors} == {"name", "role"}
    with pytest.raises(ValidationError):
        staff_records.add_staff(w.head, "孙丽", w.teller.employee_no, "teller")
    assert dump() == before


def test_one_active_head(world: World):
    w = world
    refused_all(w, lambda: staff_records.add_staff(w.head, "新负责人", "E2001", "head"), "one_head")
    refused_all(w, lambda: staff_records.update_staff(w.teller, w.head, role="head"), "one_head")
    refused_all(w, lambda: staff_records.update_staff(w.head, w.head, role="teller"), "last_head")
    refused_all(w, lambda: staff_records.deactivate_staff(w.head, w.head), "last_head")


def test_staff_are_deactivated_never_deleted(world: World):
    w = world
    case = w.case(w.teller2)
    Callback.create(
        case=case,
        due_at=D(2026, 10, 1),
        assigned_to=w.teller2,
        planned_by=w.head,
        planned_at=D(2026, 9, 28, 11),
    )
    result = staff_records.deactivate_staff(w.teller2, w.head, note="调离本网点")
    assert result.open_cases == [case.case_no] and result.pending_callbacks == 1
    assert not result.staff.active and not w.teller2.active
    # the old case keeps its person
    assert Case.get_by_id(case.id).first_ask_owner.name == "刘洋"
    assert staff_records.staff_changes(w.teller2)[-1].kind == codes.STAFF_DEACTIVATED
    refused_all(w, lambda: staff_records.deactivate_staff(w.teller2, w.head), "already_inactive")
    refused_all(w, lambda: staff_records.delete_staff(w.teller2, w.head), "staff_not_deletable")
    refused_all(w, lambda: staff_records.delete_staff(w.teller, w.head), "staff_not_deletable")
    assert [r.name for r in staff_records.roster(w.outlet)][-1] == "刘洋"  # inactive last
    assert "刘洋" not in [r.name for r in staff_records.roster(w.outlet, include_inactive=False)]
    staff_records.reactivate(w.teller2, w.head)
    assert Staff.get_by_id(w.teller2.id).active
    refused_all(w, lambda: staff_records.reactivate_staff(w.teller2, w.head), "already_active")


def test_someone_named_acting_head_is_not_deactivated_until_the_span_ends(world: World):
    w = world
    now = D.now().replace(microsecond=0)
    span = permissions.name_acting_head(
        w.head, w.lobby, now + dt.timedelta(days=1), now + dt.timedelta(days=2)
    )
    refused_all(w, lambda: staff_records.deactivate_staff(w.lobby, w.head), "acting_span_pending")
    permissions.end_acting_head(span, w.head)  # a future span ended early becomes empty
    staff_records.deactivate_staff(w.lobby, w.head)


def test_a_former_head_cannot_come_back_beside_the_current_one(world: World):
    w = world
    staff_records.deactivate_staff(w.teller, w.head)
    staff_records.update_staff(w.teller, w.head, role="head")  # inactive: not a second head
    refused_all(w, lambda: staff_records.reactivate_staff(w.teller, w.head), "one_head")


# --- what each person did, counted by hand -------------------------------------------------------


def lay_fixture(w: World) -> None:
    """Complaints (received, first asked, handler, transfers, liable):

    ==  =====================  =========  ========  =================================  ======
    #   received               first ask  handler   transfers                          liable
    ==  =====================  =========  ========  =================================  ======
    1   2026-07-01 00:00:00    teller     teller2   formal to teller2, twice           teller
    2   2026-09-30 23:59:59    teller     -         pending and cancelled to lobby     no
    3   2026-10-01 00:00:00    teller     teller2   formal to teller2                  -
    4   2026-08-01 10:00:00    lobby      teller2   formal to teller2                  lobby
    ==  =====================  =========  ========  =================================  ======

    Callbacks made: lobby 08-05 (reached), lobby 09-30 23:59:59 (not reached), teller 10-01;
    one planned for teller, not made. Penalties: teller on case 1, 2026-09-01 (2 points,
    100 yuan); lobby on case 4, 2026-10-02 (2 points, 100 yuan). Training: 07-10 complaint
    handling 2 h (teller, lobby); 09-30 products 1.5 h (teller); 10-01 etiquette 1 h (teller2).
    """
    c1 = put_case(w, D(2026, 7, 1), owner=w.teller, liable=True)
    c2 = put_case(w, D(2026, 9, 30, 23, 59, 59), owner=w.teller, liable=False)
    c3 = put_case(w, D(2026, 10, 1), owner=w.teller)
    c4 = put_case(w, D(2026, 8, 1, 10), owner=w.lobby, liable=True)
    for case in (c1, c3, c4):
        Case.update(handler=w.teller2).where(Case.id == case.id).execute()
    for case, handler, state in [
        (c1, w.teller2, codes.TRANSFER_FORMAL),
        (c1, w.teller2, codes.TRANSFER_FORMAL),
        (c2, w.lobby, codes.TRANSFER_PENDING),
        (c2, w.lobby, codes.TRANSFER_CANCELLED),
        (c3, w.teller2, codes.TRANSFER_FORMAL),
        (c4, w.teller2, codes.TRANSFER_FORMAL),
    ]:
        CaseTransfer.create(
            case=case,
            handler=handler,
            requested_by=w.teller,
            requested_at=case.received_at,
            from_status="awaiting_reply",
            state=state,
        )
    for done_at, by, reached in [
        (D(2026, 8, 5), w.lobby, True),
        (D(2026, 9, 30, 23, 59, 59), w.lobby, False),
        (D(2026, 10, 1), w.teller, True),
        (None, None, None),
    ]:
        Callback.create(
            case=c1,
            due_at=D(2026, 10, 9),
            assigned_to=by or w.teller,
            planned_by=w.head,
            planned_at=D(2026, 7, 2),
            done_at=done_at,
            done_by=by,
            method="phone" if by else "",
            reached=reached,
            result=codes.RESULT_SATISFIED if reached else "",
        )
    for case, staff, when in [(c1, w.teller, D(2026, 9, 1)), (c4, w.lobby, D(2026, 10, 2))]:
        person = LiablePerson.get(
            LiablePerson.liability == Liability.get(Liability.case == case.id).id
        )
        assert person.staff_id == staff.id
        penalties.apply_penalty(person, w.head, points=2, amount=100, measures=["talk"], at=when)
    for day, topic, hours, people in [
        (dt.date(2026, 7, 10), "complaint_handling", 2, [w.teller, w.lobby]),
        (dt.date(2026, 9, 30), "products", "1.5", [w.teller]),
        (dt.date(2026, 10, 1), "service_etiquette", 1, [w.teller2]),
    ]:
        training.record_session(
            w.head,
            held_on=day,
            topic=topic,
            title="培训",
            trainer="王建国",
            hours=hours,
            attendees=people,
        )


def test_per_person_figures_match_the_fixture(world: World):
    w = world
    lay_fixture(w)
    q3 = {s.staff_id: s for s in staff_records.staff_summary(w.outlet, "2026-Q3")}
    assert set(q3) == {w.head.id, w.lobby.id, w.teller.id, w.teller2.id, w.supervisor.id}
    teller, teller2, lobby, head = q3[w.teller.id], q3[w.teller2.id], q3[w.lobby.id], q3[w.head.id]
    assert (teller.first_asked, teller.handled, teller.transferred_to, teller.found_liable) == (
        2,
        0,
        0,
        1,
    )
    assert (teller.callbacks_made, teller.penalties, teller.penalty_points) == (0, 1, 2)
    assert teller.penalty_amount == Decimal("100.00")
    assert (teller.training_sessions, teller.training_hours) == (2, Decimal("3.50"))
    assert (teller2.first_asked, teller2.handled, teller2.transferred_to) == (0, 2, 2)
    assert (teller2.found_liable, teller2.training_sessions) == (0, 0)
    assert (lobby.first_asked, lobby.transferred_to, lobby.found_liable) == (1, 0, 1)
    assert (lobby.callbacks_made, lobby.callbacks_reached, lobby.penalties) == (2, 1, 0)
    assert (lobby.training_sessions, lobby.training_hours) == (1, Decimal("2.00"))
    assert (head.first_asked, head.penalties, head.training_hours) == (0, 0, Decimal("0.00"))

    assert staff_records.cases_first_asked("2026-Q4") == {w.teller.id: 1}
    assert staff_records.cases_first_asked() == {w.teller.id: 3, w.lobby.id: 1}
    assert staff_records.cases_handled() == {w.teller2.id: 3}
    assert staff_records.cases_transferred_to() == {w.teller2.id: 3}
    assert staff_records.cases_found_liable() == {w.teller.id: 1, w.lobby.id: 1}
    assert staff_records.callbacks_made() == {w.lobby.id: (2, 1), w.teller.id: (1, 1)}
    assert staff_records.penalty_totals("2026-Q4") == {w.lobby.id: (1, 2, Decimal("100.00"))}
    assert staff_records.training_totals("2026-10") == {w.teller2.id: (1, Decimal("1.00"))}


# --- acting-head designations (Art. 8) -----------------------------------------------------------


def test_acting_head_history_keeps_every_span(world: World):
    w = world
    now = D.now().replace(microsecond=0)
    day = dt.timedelta(days=1)
    past = permissions.name_acting_head(
        w.head, w.lobby, now - 5 * day, now - 4 * day, note="参加区分公司会议"
    )
    current = permissions.name_acting_head(w.head, w.supervisor, now - day, now + day)
    upcoming = permissions.name_acting_head(w.head, w.lobby, now + 3 * day, now + 4 * day)
    cancelled = permissions.name_acting_head(w.head, w.teller, now + 6 * day, now + 7 * day)
    permissions.end_acting_head(cancelled, w.head)
    rows = staff_records.acting_head_history(w.outlet, at=now)
    assert [(r.id, r.state) for r in rows] == [
        (cancelled.id, "cancelled"),
        (upcoming.id, "upcoming"),
        (current.id, "current"),
        (past.id, "past"),
    ]
    assert rows[-1].named_by == w.head.name and rows[-1].note == "参加区分公司会议"
    assert rows[-1].staff_name == w.lobby.name
    mine = staff_records.acting_head_history(w.outlet, staff=w.lobby, at=now)
    assert [r.id for r in mine] == [upcoming.id, past.id]


def test_outlets_add_staff_still_works_for_setup(world: World):
    staff = outlets.add_staff(world.outlet, "周杰", "E3001", "other")
    assert staff.active and staff_records.staff_changes(staff) == []
