"""The permission matrix: every action x every role, and the acting head
inside and outside their span; and the domain functions that enforce it refuse with
nothing written (every table, the audit trail included)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from db.exchange.export import export_bundle
from db.handling import rules, workflow
from db.intake import cases, outlets
from db.management import liability, penalties, staff_records, targets
from db.store import vocab
from db.store.models import AuditLog, CustomerReveal, LiablePerson, Staff
from db.trust import accounts, permissions
from tests.db.exchange.signed import OUTLET_KEY, trust_district
from tests.db.management_fixtures import World, at, determined, refused_all, replied_case, world

__all__ = ["world"]

P = permissions
EVERYONE = {
    vocab.ROLE_HEAD,
    vocab.ROLE_LOBBY_MANAGER,
    vocab.ROLE_OPS_SUPERVISOR,
    vocab.ROLE_TELLER,
    vocab.ROLE_OTHER,
}
HEAD = {vocab.ROLE_HEAD}

# The matrix as the README shows it, written out by hand: the test of the declared table.
EXPECTED: dict[str, set[str]] = {
    P.ACTION_REGISTER_CASE: EVERYONE,
    P.ACTION_TRANSFER: EVERYONE,
    P.ACTION_REPORT: EVERYONE,
    P.ACTION_ESCALATE: HEAD,
    P.ACTION_DETERMINE_LIABILITY: HEAD,
    P.ACTION_SET_PENALTY: HEAD,
    P.ACTION_EDIT_TARGETS: HEAD,
    P.ACTION_EDIT_STAFF: HEAD,
    P.ACTION_EDIT_RULES: HEAD,
    P.ACTION_REVEAL_CUSTOMER_DATA: HEAD,
    P.ACTION_EXPORT: {vocab.ROLE_HEAD, vocab.ROLE_LOBBY_MANAGER, vocab.ROLE_OPS_SUPERVISOR},
    P.ACTION_BACKUP_RESTORE: HEAD,
}

# Actions only the head's authority covers: they must match the head-only list of Art. 5.
HEAD_ONLY_PHRASES = {
    P.ACTION_ESCALATE: "escalate",
    P.ACTION_DETERMINE_LIABILITY: "determine liability",
    P.ACTION_SET_PENALTY: "apply a penalty",
    P.ACTION_EDIT_TARGETS: "set targets",
    P.ACTION_EDIT_STAFF: "edit the staff roster",
    P.ACTION_EDIT_RULES: "change rule settings",
}


def _people(w: World) -> dict[str, Staff]:
    other = outlets.add_staff(w.outlet, "孙保安", "E1009", vocab.ROLE_OTHER)
    return {
        vocab.ROLE_HEAD: w.head,
        vocab.ROLE_LOBBY_MANAGER: w.lobby,
        vocab.ROLE_OPS_SUPERVISOR: w.supervisor,
        vocab.ROLE_TELLER: w.teller,
        vocab.ROLE_OTHER: other,
    }


def test_the_declared_matrix_is_the_documented_one():
    assert set(P.MATRIX) == set(EXPECTED) == set(P.ACTION_PHRASES)
    assert {a: set(r) for a, r in P.MATRIX.items()} == EXPECTED
    for action, phrase in HEAD_ONLY_PHRASES.items():
        assert P.MATRIX[action] == frozenset(HEAD)
        assert phrase in P.HEAD_ONLY_ACTIONS, phrase
        assert P.ACTION_PHRASES[action] == phrase


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_every_role_against_every_action(world: World, action: str):
    w = world
    for role, staff in _people(w).items():
        allowed = role in EXPECTED[action]
        assert P.can(staff, action, at(0)) is allowed, (action, role)
        if allowed:
            assert P.require(staff, action, at(0)).staff.id == staff.id
        else:
            error = refused_all(w, lambda s=staff: P.require(s, action, at(0)), "not_permitted")
            assert error.params["action"] == P.ACTION_PHRASES[action]


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_acting_head_inside_their_span_may_do_everything(world: World, action: str):
    w = world
    people = _people(w)
    for role in (vocab.ROLE_TELLER, vocab.ROLE_OTHER):
        staff = people[role]
        span_start = at(24 * (1 + list(people).index(role)))
        span = P.name_acting_head(w.head, staff, span_start, span_start + dt.timedelta(hours=8))
        inside = span_start + dt.timedelta(hours=4)
        before = span_start - dt.timedelta(hours=1)
        after = span_start + dt.timedelta(hours=8)  # the end is excluded
        assert P.can(staff, action, inside), (action, role)
        authority = P.require(staff, action, inside)
        assert authority.as_acting_head and authority.span_id == span.id
        for outside in (before, after):
            assert P.can(staff, action, outside) is (role in EXPECTED[action]), (action, outside)
        # the head keeps every action during the span
        assert P.can(w.head, action, inside)


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_inactive_staff_may_do_nothing(world: World, action: str):
    w = world
    staff_records.deactivate_staff(w.teller, w.head)
    assert not P.can(Staff.get_by_id(w.teller.id), action, at(0))


def test_an_unknown_action_is_a_bug(world: World):
    with pytest.raises(KeyError):
        P.can(world.head, "launch_rockets", at(0))


# --- the domain functions refuse, with nothing written ----------------------------------------


def _refusals(w: World, tmp_path) -> dict[str, list[tuple[Callable[[], object], str]]]:
    """For each action enforced in db/, calls by a teller (and the lobby manager where the
    action is head-only) and the code they are refused with."""
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    target = LiablePerson.get(
        (LiablePerson.liability == row.id) & (LiablePerson.staff == w.teller.id)
    )
    open_case = w.case()

    def escalate(actor: Staff) -> Callable[[], object]:
        return lambda: workflow.escalate(
            open_case,
            actor,
            "city_branch",
            "城南区分公司运营管理部",
            False,
            "张主任",
            at(1),
            "客户要求赔偿，超出网点权限",
            "网点负责反馈结果并跟踪",
            reported_by=w.teller,
            at=at(1),
        )

    fresh = replied_case(w)
    no_people = liability.Finding(liable=False, reasons="系统原因，非员工过错")
    calls: dict[str, list[tuple[Callable[[], object], str]]] = {
        P.ACTION_ESCALATE: [(escalate(s), "head_only") for s in (w.teller, w.lobby)],
        P.ACTION_DETERMINE_LIABILITY: [
            (lambda s=s: liability.determine(fresh, s, no_people, at=at(3)), "head_only")
            for s in (w.teller, w.lobby)
        ],
        P.ACTION_SET_PENALTY: [
            (
                lambda s=s: penalties.apply_penalty(
                    target, s, points=2, amount="100", measures=["talk"], at=at(4)
                ),
                "head_only",
            )
            for s in (w.teller, w.lobby)
        ],
        P.ACTION_EDIT_TARGETS: [
            (lambda s=s: targets.set_target("2026", "complaints", 5, s), "head_only")
            for s in (w.teller, w.lobby)
        ],
        P.ACTION_EDIT_STAFF: [
            (lambda s=s: staff_records.add_staff(s, "新人", "E2001", "teller"), "head_only")
            for s in (w.teller, w.lobby)
        ]
        + [
            (lambda s=s: accounts.create_account(w.teller2, "secret-pass-1", actor=s), c)
            for s, c in ((w.teller, "not_permitted"), (w.lobby, "not_permitted"))
        ],
        P.ACTION_EDIT_RULES: [
            (lambda s=s: rules.set_rule("decision_days", 10, actor=s), "head_only")
            for s in (w.teller, w.lobby)
        ]
        + [
            (lambda s=s: accounts.set_setting("lock_minutes", 30, actor=s), "not_permitted")
            for s in (w.teller, w.lobby)
        ],
        P.ACTION_REVEAL_CUSTOMER_DATA: [
            (lambda s=s: cases.reveal_customer(case, s), "not_permitted")
            for s in (w.teller, w.lobby, w.supervisor)
        ]
        + [
            (
                lambda: export_bundle(
                    tmp_path / "r.zip",
                    since=dt.date(2026, 1, 1),
                    reveal=True,
                    actor=w.lobby,
                    signing_key=OUTLET_KEY,
                ),
                "not_permitted",
            )
        ],
        P.ACTION_EXPORT: [
            (
                lambda: export_bundle(
                    tmp_path / "t.zip",
                    since=dt.date(2026, 1, 1),
                    actor=w.teller,
                    signing_key=OUTLET_KEY,
                ),
                "not_permitted",
            )
        ],
    }
    # past the first run: creating someone else's account is then an edit of the staff
    accounts.create_account(w.head, "head-pass-1", actor=w.head)
    return calls


def test_enforcing_functions_refuse_with_nothing_written(world: World, tmp_path):
    w = world
    calls = _refusals(w, tmp_path)
    for action, items in calls.items():
        for call, code in items:
            audit_before = AuditLog.select().count()
            error = refused_all(w, call, code)
            assert AuditLog.select().count() == audit_before
            assert error.code == code, action
    assert not list(tmp_path.glob("*.zip"))


def test_permitted_roles_get_through_the_same_functions(world: World, tmp_path):
    w = world
    case = w.case()
    phone, id_no = cases.reveal_customer(case, w.head)
    assert phone == case.customer_phone and id_no == case.customer_id_no
    reveal = CustomerReveal.get()
    assert (reveal.case_id, reveal.staff_id, reveal.authority) == (case.id, w.head.id, "head")
    entry = AuditLog.select().where(AuditLog.table_name == "customer_reveal").get()
    assert entry.op == "I" and entry.row_id == reveal.id
    trust_district()
    summary = export_bundle(
        tmp_path / "b.zip", since=dt.date(2026, 1, 1), actor=w.lobby, signing_key=OUTLET_KEY
    )
    assert summary is not None and (tmp_path / "b.zip").is_file()
    # every role registers, transfers and reports (first-ask responsibility, Art. 4, 10)
    other = _people(w)[vocab.ROLE_OTHER]
    own = w.case(other)
    workflow.transfer(own, other, w.teller2, at=at(0.5))
    second = w.case(w.supervisor)
    workflow.report(second, w.supervisor, w.head, at=at(0.5))


def test_acting_head_reveals_and_the_reveal_says_so(world: World):
    w = world
    case = w.case()
    start = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1)
    P.name_acting_head(w.head, w.lobby, start, start + dt.timedelta(hours=4))
    cases.reveal_customer(case, w.lobby)
    assert CustomerReveal.get().authority == P.CAPACITY_ACTING
