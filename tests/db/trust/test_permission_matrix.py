"""The permission policy, attacked through the functions that enforce it.

For every Action, the domain functions that take it are called by each role the policy does
not allow and by an acting head whose span is over: each is refused with the policy's code and
wording, and nothing is written (every table, the audit trail, the attachments). Then the head
calls the same functions and they go through. The table itself is checked against the README.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.exchange.export import export_bundle
from db.handling import callbacks, decisions, rules, workcalendar, workflow
from db.intake import cases, outlets, repeats
from db.management import liability, penalties, prevention, staff_records, targets, training
from db.reporting import report_data
from db.store import codes, vocab
from db.store.models import LiablePerson, Staff, database, now
from db.trust import accounts, backup, permissions, policy
from db.trust.policy import POLICY, Action
from db.workorders import orders as workorders
from tests.db.exchange.signed import OUTLET_KEY, trust_district
from tests.db.management_fixtures import World, at, determined, refused_all, replied_case, world

__all__ = ["world"]

P = permissions
README = Path(__file__).resolve().parents[3] / "README.md"

Call = Callable[[Staff], object]


@dataclass
class Scenario:
    """The calls that take one action, made ready in a world; ``when`` is the moment they act
    at (None: the functions act at the present moment)."""

    calls: list[Call]
    when: dt.datetime | None = None
    files: Path | None = None  # a folder a refused call must leave empty


def _reported(w: World):
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=False, at=at(20)
    )
    workflow.report(case, w.teller, w.head, at=at(21))
    return case


def _decided(w: World):
    case = _reported(w)
    decisions.record_decision(
        case,
        w.head,
        findings="经核查",
        basis="依据操作规程",
        remedies=list(codes.REMEDIES),
        at=at(30),
    )
    return decisions.request_review(case, w.teller, requested_at=at(40), content="申请核查")


def _closable(w: World):
    case = replied_case(w)
    liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(3))
    return case


def _calendar_file(tmp_path: Path) -> Path:
    path = tmp_path / "calendar-2031.csv"
    path.write_text(
        "date,kind,name\n2031-01-01,holiday,元旦\n2031-01-04,workday,元旦调休\n", encoding="utf-8"
    )
    return path


def _scenario(w: World, tmp_path: Path, action: Action) -> Scenario:  # noqa: C901, PLR0911
    A = Action
    if action is A.REGISTER_CASE:
        return Scenario([lambda s: w.case(s)])
    if action is A.TRANSFER:
        return Scenario([lambda s: workflow.transfer(w.case(s), s, w.teller2, at=at(0.5))], at(0.5))
    if action is A.REPORT:
        return Scenario([lambda s: workflow.report(w.case(s), s, w.head, at=at(0.5))], at(0.5))
    if action is A.RECEIVE_REPORT:
        case = w.case()
        return Scenario([lambda s: workflow.report(case, w.teller, s, at=at(1))], at(1))
    if action is A.ESCALATE:
        case = w.case()
        workflow.report(case, w.teller, w.head, at=at(0.5))
        return Scenario(
            [
                lambda s: workflow.escalate(
                    case,
                    s,
                    "city_branch",
                    "城南区分公司运营管理部",
                    False,
                    "张主任",
                    at(1),
                    "客户要求赔偿，超出网点权限",
                    "网点负责反馈结果并跟踪",
                    at=at(1),
                )
            ],
            at(1),
        )
    if action is A.MERGE_REPEAT:
        earlier = w.case()
        repeat = w.case(received_at=at(24), agreed_reply_at=at(50))
        return Scenario([lambda s: repeats.merge_repeat(repeat, earlier, s, at=at(25))], at(25))
    if action is A.DETERMINE_LIABILITY:
        case = replied_case(w)
        finding = liability.Finding(liable=False, reasons="系统原因，非员工过错")
        return Scenario([lambda s: liability.determine(case, s, finding, at=at(3))], at(3))
    if action is A.CLOSE:
        case = _closable(w)
        return Scenario([lambda s: workflow.close_case(case, s, at=at(4))], at(4))
    if action is A.REOPEN:
        case = _closable(w)
        workflow.close_case(case, w.head, at=at(4))
        return Scenario(
            [lambda s: workflow.reopen(case, s, reason="客户再次来访", at=at(5))], at(5)
        )
    if action is A.RECORD_DECISION:
        case = _reported(w)
        return Scenario(
            [
                lambda s: decisions.record_decision(
                    case,
                    s,
                    findings="经核查",
                    basis="依据操作规程",
                    remedies=list(codes.REMEDIES),
                    at=at(30),
                )
            ],
            at(30),
        )
    if action is A.EXTEND_DECISION_PERIOD:
        case = _reported(w)
        return Scenario(
            [
                lambda s: decisions.extend_decision_clock(
                    case,
                    s,
                    reason="需调取监控，情况复杂",
                    notice_method="sms",
                    notice_at=at(23),
                    notice_proof="短信回执 0925-001",
                    at=at(22),
                )
            ],
            at(22),
        )
    if action is A.PAUSE_DECISION_CLOCK:
        case = _reported(w)
        start = dt.datetime(2026, 10, 12, 9)
        return Scenario(
            [
                lambda s: decisions.start_pause(
                    case, s, kind="mediation", started_at=start, reason="提交调解组织"
                )
            ],
            start,
        )
    if action is A.DECIDE_REVIEW:
        review = _decided(w)
        return Scenario(
            [lambda s: decisions.decide_review(review, s, outcome="维持", upheld=True, at=at(50))],
            at(50),
        )
    if action is A.CALL_BACK_WORK_ORDER:
        order = workorders.create_workorder(
            w.outlet,
            workorders.NewWorkOrder(
                source="95580",
                number="KF1",
                received_at=at(1),
                reply_by=at(30),
                customer_name="李秀英",
                content="排队",
                head_callback_required=True,
            ),
            w.lobby,
        )
        cb = callbacks.plan_callback(
            w.lobby, due_at=at(48), assigned_to=w.head, work_order=order, at=at(2)
        )
        return Scenario(
            [
                lambda s: callbacks.record_callback(
                    cb, s, method="phone", reached=True, result=codes.RESULT_BASICALLY, at=at(10)
                )
            ],
            at(10),
        )
    if action is A.SET_PENALTY:
        row = determined(w, replied_case(w), [(w.teller, 100)])
        target = LiablePerson.get(
            (LiablePerson.liability == row.id) & (LiablePerson.staff == w.teller.id)
        )
        return Scenario(
            [
                lambda s: penalties.apply_penalty(
                    target, s, points=2, amount="100", measures=["talk"], at=at(4)
                )
            ],
            at(4),
        )
    if action is A.EDIT_TARGETS:
        return Scenario(
            [
                lambda s: targets.set_target("2026", "complaints", 5, s),
                lambda s: targets.clear_target("2026", "complaints", s),
            ]
        )
    if action is A.EDIT_STAFF:
        return Scenario(
            [
                lambda s: staff_records.add_staff(s, "新人", "E2001", vocab.ROLE_TELLER),
                lambda s: staff_records.update_staff(w.teller2, s, name="刘洋洋"),
                lambda s: staff_records.deactivate_staff(w.teller2, s),
            ]
        )
    if action is A.RECORD_TRAINING:
        return Scenario(
            [
                lambda s: training.record_session(
                    s,
                    held_on=dt.date(2026, 9, 15),
                    topic="complaint_handling",
                    title="首问责任制",
                    trainer="王建国",
                    hours="1.5",
                    attendees=[w.teller],
                )
            ]
        )
    if action is A.DECIDE_SUGGESTION:
        row = prevention.record_suggestion(
            w.teller,
            proposed_by=w.lobby,
            content="高峰时段增开窗口",
            proposed_on=dt.date(2026, 9, 20),
        )
        return Scenario([lambda s: prevention.set_suggestion_status(row, s, "under_review")])
    if action is A.EDIT_RULES:
        return Scenario(
            [
                lambda s: rules.set_rule("decision_days", 10, actor=s),
                lambda s: rules.reset_rule("decision_days", actor=s),
                lambda s: training.set_behind_months(6, s),
                lambda s: training.reset_behind_months(s),
                lambda s: penalties.set_scale(penalties.EXAMPLE_SCALE, s),
                lambda s: penalties.reset_scale(s),
            ]
        )
    if action is A.EDIT_CALENDAR:
        days = [(dt.date(2031, 1, 1), False, "元旦"), (dt.date(2031, 1, 4), True, "元旦调休")]
        return Scenario(
            [
                lambda s: workcalendar.set_year(2031, days, actor=s, complete=True),
                lambda s: workcalendar.set_day(dt.date(2031, 2, 3), False, "春节", actor=s),
                lambda s: workcalendar.import_calendar_file(
                    _calendar_file(tmp_path), actor=s, complete=True
                ),
            ]
        )
    if action is A.NAME_ACTING_HEAD:
        later = now().replace(microsecond=0) + dt.timedelta(days=1)

        def name_and_end(s: Staff) -> object:
            span = P.name_acting_head(s, w.teller2, later, later + dt.timedelta(hours=8))
            return P.end_acting_head(span, s)

        return Scenario([name_and_end])
    if action is A.MANAGE_ACCOUNTS:
        accounts.create_account(w.head, "head-pass-1", actor=w.head)
        accounts.create_account(w.lobby, "lobby-pass-1", actor=w.head)
        return Scenario(
            [
                lambda s: accounts.create_account(w.teller2, "secret-pass-1", actor=s),
                lambda s: accounts.reset_password(w.lobby, "Other-pw-123", actor=s),
            ]
        )
    if action is A.EDIT_LOGIN_SETTINGS:
        return Scenario([lambda s: accounts.set_setting("lock_minutes", 30, actor=s)])
    if action is A.REVEAL_CUSTOMER_DATA:
        case = w.case()
        return Scenario(
            [
                lambda s: cases.reveal_customer(case, s),
                lambda s: report_data.incident_report_data(case.id, reveal=True, actor=s),
            ]
        )
    if action is A.EXPORT:
        w.case()
        trust_district()
        return Scenario(
            [
                lambda s: export_bundle(
                    tmp_path / "out" / f"e{s.id}.zip",
                    since=dt.date(2026, 1, 1),
                    actor=s,
                    signing_key=OUTLET_KEY,
                )
            ],
            files=tmp_path / "out",
        )
    if action is A.BACKUP_RESTORE:
        return Scenario(
            [
                lambda s: backup.make_backup(
                    database.obj, tmp_path / "usb", reason=backup.REASON_MANUAL, actor=s
                ),
                lambda s: backup.set_keep_count(3, actor=s),
            ],
            files=tmp_path / "usb",
        )
    raise AssertionError(f"no scenario for {action}")


def _people(w: World) -> dict[str, Staff]:
    other = outlets.add_staff(w.outlet, "孙保安", "E1009", vocab.ROLE_OTHER)
    return {
        vocab.ROLE_HEAD: w.head,
        vocab.ROLE_LOBBY_MANAGER: w.lobby,
        vocab.ROLE_OPS_SUPERVISOR: w.supervisor,
        vocab.ROLE_TELLER: w.teller,
        vocab.ROLE_OTHER: other,
    }


def _files(folder: Path | None) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder and folder.exists() else []


def _refused(w: World, scenario: Scenario, staff: Staff, action: Action) -> None:
    rule = POLICY[action]
    for call in scenario.calls:
        error = refused_all(w, lambda call=call: call(Staff.get_by_id(staff.id)), rule.refusal_code)
        assert error.params.get("action", rule.phrase) == rule.phrase, (action, error.message)
        assert _files(scenario.files) == [], action


@pytest.mark.parametrize("action", list(Action))
def test_the_functions_of_every_action_refuse_whom_the_policy_refuses(
    world: World, tmp_path: Path, action: Action
):
    w = world
    rule = POLICY[action]
    people = _people(w)
    scenario = _scenario(w, tmp_path, action)
    # every role the policy does not allow, with no span
    for role, staff in people.items():
        if role == vocab.ROLE_HEAD or (role in rule.roles and not rule.head_only):
            continue
        _refused(w, scenario, staff, action)
    # a teller whose span as acting head is over (the end is excluded)
    base = scenario.when or now().replace(microsecond=0)
    P.name_acting_head(w.head, w.teller, base - dt.timedelta(hours=3), base)
    if vocab.ROLE_TELLER not in rule.roles or rule.head_only:
        _refused(w, scenario, w.teller, action)
    # the head gets through every one
    for call in scenario.calls:
        call(Staff.get_by_id(w.head.id))


@pytest.mark.parametrize("action", [a for a in Action if not POLICY[a].acting])
def test_the_acting_head_inside_the_span_is_refused_what_is_the_heads_in_person(
    world: World, tmp_path: Path, action: Action
):
    w = world
    scenario = _scenario(w, tmp_path, action)
    start = (scenario.when or now()).replace(microsecond=0) - dt.timedelta(hours=1)
    P.name_acting_head(w.head, w.lobby, start, start + dt.timedelta(hours=4))
    _refused(w, scenario, w.lobby, action)


@pytest.mark.parametrize("action", [a for a in Action if POLICY[a].acting])
def test_a_teller_acting_head_inside_the_span_may_take_it(world: World, action: Action):
    w = world
    start = now().replace(microsecond=0) - dt.timedelta(hours=1)
    span = P.name_acting_head(w.head, w.teller, start, start + dt.timedelta(hours=4))
    authority = P.require(w.teller, action, start + dt.timedelta(minutes=30))
    assert authority.as_acting_head and authority.span_id == span.id
    by_role = vocab.ROLE_TELLER in POLICY[action].roles and not POLICY[action].head_only
    assert (P.can(w.teller, action, start + dt.timedelta(hours=4)) is None) is by_role


@pytest.mark.parametrize("action", list(Action))
def test_inactive_staff_may_take_no_action(world: World, action: Action):
    w = world
    staff_records.deactivate_staff(w.teller, w.head)
    refusal = P.can(Staff.get_by_id(w.teller.id), action, at(0))
    assert refusal is not None and refusal.params["action"] == POLICY[action].phrase
    w.head.active = False
    assert P.can(w.head, action, at(0)) is not None


def test_an_unmasked_bundle_needs_both_export_and_reveal(world: World, tmp_path: Path):
    """The lobby manager may export, but not reveal: the unmasked bundle is refused them."""
    w = world
    w.case()
    out = tmp_path / "out"
    error = refused_all(
        w,
        lambda: export_bundle(
            out / "r.zip",
            since=dt.date(2026, 1, 1),
            reveal=True,
            actor=w.lobby,
            signing_key=OUTLET_KEY,
        ),
        "not_permitted",
    )
    assert error.params["action"] == POLICY[Action.REVEAL_CUSTOMER_DATA].phrase
    assert _files(out) == []
    trust_district()
    key = OUTLET_KEY
    export_bundle(out / "m.zip", since=dt.date(2026, 1, 1), actor=w.lobby, signing_key=key)
    export_bundle(
        out / "h.zip", since=dt.date(2026, 1, 1), reveal=True, actor=w.head, signing_key=key
    )
    assert _files(out) == ["h.zip", "m.zip"]


def test_refusals_are_worded_by_the_policy(world: World):
    close = P.can(world.teller, Action.CLOSE, at(0))
    assert close is not None and close.code == "head_only"
    assert close.message == "Only the outlet head or the acting head may close (Art. 5, 8)."
    export = P.can(world.teller, Action.EXPORT, at(0))
    assert export is not None and export.code == "not_permitted"
    assert export.message == (
        f"{world.teller.name} may not export data: the role does not allow it (Art. 4-8)."
    )
    assert P.can(world.lobby, Action.EXPORT, at(0)) is None


def test_head_only_rules_allow_the_head_alone():
    for action, rule in POLICY.items():
        assert vocab.ROLE_HEAD in rule.roles, action
        if rule.head_only or not rule.acting:
            assert rule.roles == frozenset({vocab.ROLE_HEAD}), action


def test_an_unknown_action_is_a_bug(world: World):
    with pytest.raises(KeyError):
        P.can(world.head, "launch_rockets", at(0))


# --- the README table --------------------------------------------------------------------------


def test_the_table_has_a_row_per_action_and_a_cell_per_role():
    table = policy.permission_table_markdown().splitlines()
    assert len(table) == 2 + len(POLICY)
    export = next(line for line in table if line.startswith("| export data |"))
    assert export.split(" | ")[2:] == ["✔", "✔", "✔", "✔", "—", "— |"]
    naming = next(line for line in table if line.startswith("| name an acting head |"))
    assert naming.split(" | ")[2:4] == ["✔", "—"]


def test_readme_permission_table_matches_the_policy():
    """The README's table is the generated one; regenerate with ``python -m db.trust.policy``."""
    text = README.read_text(encoding="utf-8")
    assert policy.readme_with_table(text) == text
    assert policy.permission_table_markdown() in text


def test_a_stale_readme_table_is_noticed():
    text = README.read_text(encoding="utf-8")
    stale = text.replace("| export data |", "| export everything |")
    assert policy.readme_with_table(stale) != stale
    with pytest.raises(ValueError):
        policy.readme_with_table(text.replace(policy.README_BEGIN, ""))
