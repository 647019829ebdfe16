"""Penalties (Art. 5(8)): proposals follow the scale, the head may depart from them only with
a reason, the scale is an editable setting that ships as a labelled example, and the
roll-ups per staff member count what was applied in the period under current findings."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from db.management import liability, penalties
from db.management.liability import Finding
from db.store import codes
from db.store.models import Case, LiablePerson, Penalty, Setting
from db.trust import permissions
from tests.db.helpers import freeze_now
from tests.db.management_fixtures import (
    World,
    at,
    determined,
    refused_all,
    replied_case,
    world,
)
from tests.db.workflow_fixtures import last_event

__all__ = ["world"]


def person(row, staff) -> LiablePerson:
    return LiablePerson.get((LiablePerson.liability == row.id) & (LiablePerson.staff == staff.id))


# --- the scale ------------------------------------------------------------------------------------


def test_the_example_scale_is_labelled_and_complete(world: World):
    setting = penalties.scale_setting()
    assert setting.is_example and setting.updated_at is None
    scale = setting.scale
    assert scale.label == "Example scale — replace with your district's"
    assert scale.source == penalties.EXAMPLE_SOURCE
    assert penalties.validate_scale(scale) == scale
    for severity in codes.PENALTY_SEVERITIES:
        assert scale.lookup("debt_collection", severity).cause == penalties.ANY_CAUSE
    assert scale.lookup("onsite_attitude", "urgent") == penalties.ScaleEntry(
        "onsite_attitude",
        "urgent",
        5,
        Decimal("500.00"),
        ("remedial_training", "written_self_review"),
    )


def test_head_edits_and_resets_the_scale(world: World):
    w = world
    data = penalties.EXAMPLE_SCALE.to_json()
    data["label"] = "城南区分公司2026年投诉考核标准"
    data["source"] = "城南区分公司〔2026〕12号"
    data["entries"].append(
        {
            "cause": "onsite_long_wait",
            "severity": "ordinary",
            "points": 1,
            "amount": "50",
            "measures": ["talk"],
        }
    )
    stored = penalties.set_scale(data, w.head)
    assert stored.lookup("onsite_long_wait", "ordinary").amount == Decimal("50.00")
    assert not penalties.scale_setting().is_example
    assert json.loads(Setting.get_by_id("penalty.scale").value)["label"] == data["label"]
    # proposals follow the stored scale
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    proposal = penalties.propose_penalty(case, w.teller)
    assert (proposal.points, proposal.amount, proposal.measures) == (1, Decimal("50.00"), ("talk",))
    assert proposal.scale_label == data["label"] and not proposal.is_example_scale
    assert penalties.reset_scale(w.head) == penalties.EXAMPLE_SCALE
    assert penalties.scale_setting().is_example
    assert penalties.propose_penalty(case, person(row, w.teller)).points == 2


def _scale(**change) -> dict:
    data = penalties.EXAMPLE_SCALE.to_json()
    entry = dict(data["entries"][0])
    entry.update(change)
    data["entries"][0] = entry
    return data


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"label": "x", "source": "y", "entries": "none"}, "scale_invalid"),
        (_scale(severity="minor"), "unknown_code"),
        (_scale(cause="weather"), "unknown_code"),
        (_scale(points=-1), "value_range"),
        (_scale(points=2.5), "value_decimals"),
        (_scale(points="2"), "not_a_number"),
        (_scale(amount="1e9"), "value_range"),
        (_scale(amount="0.001"), "value_decimals"),
        (_scale(measures=["firing_squad"]), "unknown_code"),
        (_scale(cause="*", severity="urgent"), "scale_duplicate"),
        (_scale(cause="onsite_long_wait"), "scale_incomplete"),
        ({**penalties.EXAMPLE_SCALE.to_json(), "label": " "}, "text_required"),
    ],
)
def test_a_broken_scale_is_refused(world: World, data, code):
    refused_all(world, lambda: penalties.set_scale(data, world.head), code)


def test_only_the_head_edits_the_scale(world: World):
    w = world
    refused_all(w, lambda: penalties.set_scale(penalties.EXAMPLE_SCALE, w.teller), "head_only")
    refused_all(w, lambda: penalties.reset_scale(w.lobby), "head_only")


def test_a_damaged_stored_scale_falls_back_to_the_example(world: World):
    Setting.create(key="penalty.scale", value="{not json")
    assert penalties.scale_setting().is_example


def test_a_scale_saved_with_the_old_example_source_reads_in_words(world: World):
    """Earlier versions stored the example's source as a code ("none: example") when the
    head saved the example as the outlet's own scale; it reads as the sentence now."""
    data = penalties.EXAMPLE_SCALE.to_json() | {"label": "城关区分公司惩处标准"}
    Setting.create(key="penalty.scale", value=json.dumps(data | {"source": "none: example"}))
    setting = penalties.scale_setting()
    assert not setting.is_example and setting.scale.label == "城关区分公司惩处标准"
    assert setting.scale.source == (
        "This program's example: the rules' penalty chapter is not available"
    )


# --- proposals follow the scale -------------------------------------------------------------------


def test_proposal_for_an_ordinary_case_is_scaled_by_share(world: World):
    w = world
    case = replied_case(w)  # cause onsite_long_wait: only the "*" entries apply
    row = determined(w, case, [(w.teller, 60), (w.teller2, 40)])
    first = penalties.propose_penalty(case, w.teller)
    second = penalties.propose_penalty(case, person(row, w.teller2))
    # * / ordinary: 2 points, 100 yuan, a talk
    assert (first.entry.key, first.severity) == ("*/ordinary", "ordinary")
    assert (first.share, first.points, first.amount) == (Decimal("60.00"), 1, Decimal("60.00"))
    assert (second.share, second.points, second.amount) == (Decimal("40.00"), 1, Decimal("40.00"))
    assert first.measures == second.measures == ("talk",)
    assert first.is_example_scale and first.scale_source == penalties.EXAMPLE_SOURCE
    assert [p.staff_id for p in penalties.proposals_for(case)] == [w.teller.id, w.teller2.id]


def test_proposal_uses_the_confirmed_cause_and_the_severity(world: World):
    w = world
    case = replied_case(w)
    liability.determine(
        case,
        w.head,
        Finding(
            liable=True,
            reasons="柜员操作失误导致资金延迟到账",
            responsible=[liability.Responsible(w.teller, 100)],
            basis="违反转账复核规定",
            cause="fund_security",
        ),
        at=at(3),
    )
    proposal = penalties.propose_penalty(case, w.teller)
    assert (proposal.cause, proposal.points, proposal.amount) == (
        "fund_security",
        4,
        Decimal("500.00"),
    )
    assert proposal.measures == ("remedial_training", "written_self_review")
    Case.update(severity="urgent").where(Case.id == case.id).execute()
    assert penalties.propose_penalty(case, w.teller).entry.key == "fund_security/urgent"
    Case.update(major_reason="group_20_plus").where(Case.id == case.id).execute()
    major = penalties.propose_penalty(case, w.teller)
    assert (major.entry.key, major.points, major.amount) == ("*/major", 8, Decimal("1000.00"))


def test_points_round_half_up_and_money_to_the_fen(world: World):
    w = world
    case = replied_case(w, cause="onsite_attitude")  # ordinary: 3 points, 200 yuan
    determined(w, case, [(w.teller, 50), (w.teller2, 50)])
    assert penalties.propose_penalty(case, w.teller).points == 2  # 1.5 → 2
    other = replied_case(w, cause="onsite_attitude", received_at=at(-1))
    determined(w, other, [(w.teller, "33.34"), (w.teller2, "33.33"), (w.lobby, "33.33")])
    amounts = [p.amount for p in penalties.proposals_for(other)]
    assert amounts == [Decimal("66.68"), Decimal("66.66"), Decimal("66.66")]


def test_no_proposal_without_a_liable_finding_naming_the_person(world: World):
    w = world
    case = replied_case(w)
    refused_all(w, lambda: penalties.propose_penalty(case, w.teller), "liability_missing")
    determined(w, case, [(w.teller, 100)])
    refused_all(w, lambda: penalties.propose_penalty(case, w.teller2), "not_responsible")
    other = replied_case(w, received_at=at(-1))
    liability.determine(other, w.head, Finding(liable=False, reasons="无责"), at=at(3))
    refused_all(w, lambda: penalties.propose_penalty(other, w.teller), "not_responsible")
    assert penalties.proposals_for(other) == []


# --- applying -------------------------------------------------------------------------------------


def test_apply_as_proposed_needs_no_reason(world: World):
    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    target = person(row, w.teller)
    penalty = penalties.apply_penalty(
        target, w.head, points=2, amount="100", measures=["talk"], at=at(4)
    )
    assert (penalty.points, penalty.amount_fen, penalty.measures) == (2, 10000, "talk")
    assert (penalty.proposed_points, penalty.proposed_amount_fen) == (2, 10000)
    assert penalty.scale_entry == "*/ordinary" and penalty.reason == ""
    assert penalty.scale_label == penalties.EXAMPLE_LABEL
    event = last_event(case)
    assert event.kind == codes.EVENT_PENALTY_APPLIED
    assert json.loads(event.data)["as_proposed"] is True
    (view,) = penalties.penalties_of_case(case)
    assert view.as_proposed and view.current and view.amount == Decimal("100.00")
    refused_all(
        w,
        lambda: penalties.apply_penalty(target, w.head, points=2, amount=100, measures=["talk"]),
        "penalty_exists",
    )


def test_a_changed_penalty_needs_a_reason(world: World):
    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    target = person(row, w.teller)
    for change in (
        dict(points=3, amount=100, measures=["talk"]),
        dict(points=2, amount="100.01", measures=["talk"]),
        dict(points=2, amount=100, measures=["talk", "remedial_training"]),
        dict(points=2, amount=100, measures=[]),
    ):
        refused_all(
            w,
            lambda c=change: penalties.apply_penalty(target, w.head, at=at(4), **c),
            "penalty_reason_required",
        )
    penalty = penalties.apply_penalty(
        target,
        w.head,
        points=0,
        amount=0,
        measures=["remedial_training", "talk"],
        reason_if_changed="初犯且主动致歉，免于扣分扣款，改为补课培训",
        at=at(4),
    )
    assert (penalty.points, penalty.amount_fen) == (0, 0)
    assert penalty.measures == "remedial_training,talk"
    assert penalty.reason.startswith("初犯")
    assert not penalties.penalties_of_case(case)[0].as_proposed


@pytest.mark.parametrize(
    ("values", "code"),
    [
        (dict(points=-1), "value_range"),
        (dict(points=101), "value_range"),
        (dict(points=1.5), "value_decimals"),
        (dict(points="2"), "not_a_number"),
        (dict(amount="abc"), "not_a_number"),
        (dict(amount=-1), "value_range"),
        (dict(amount="0.001"), "value_decimals"),
        (dict(measures=["public_shaming"]), "unknown_code"),
    ],
)
def test_penalty_values_are_checked(world: World, values, code):
    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    kwargs = dict(points=2, amount=100, measures=["talk"], reason_if_changed="调整", at=at(4))
    kwargs.update(values)
    refused_all(w, lambda: penalties.apply_penalty(person(row, w.teller), w.head, **kwargs), code)


def test_only_the_head_or_acting_head_applies_a_penalty(world: World, monkeypatch):
    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    target = person(row, w.teller)
    refused_all(
        w,
        lambda: penalties.apply_penalty(
            target, w.lobby, points=2, amount=100, measures=["talk"], at=at(4)
        ),
        "head_only",
    )
    refused_all(
        w,
        lambda: penalties.apply_penalty(
            target, w.head, points=2, amount=100, measures=["talk"], at=at(2.5)
        ),
        "not_after",
    )
    permissions.name_acting_head(w.head, w.lobby, at(3.5), at(6))
    freeze_now(monkeypatch, at(4))
    penalty = penalties.apply_penalty(
        target, w.lobby, points=2, amount=100, measures=["talk"], at=at(4)
    )
    assert penalty.authority == permissions.CAPACITY_ACTING


def test_a_superseded_finding_takes_no_new_penalty(world: World):
    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    old_person = person(row, w.teller)
    review = liability.review(
        row,
        w.head,
        outcome=codes.REVIEW_CHANGED,
        reason="复核",
        finding=Finding(
            liable=True,
            reasons="复核",
            responsible=[liability.Responsible(w.teller2, 100)],
            basis="复核依据",
        ),
        at=at(4),
    )
    refused_all(
        w,
        lambda: penalties.apply_penalty(
            old_person, w.head, points=2, amount=100, measures=["talk"], at=at(5)
        ),
        "finding_superseded",
    )
    new_person = LiablePerson.get(LiablePerson.liability == review.result_id)
    penalties.apply_penalty(new_person, w.head, points=2, amount=100, measures=["talk"], at=at(5))


# --- roll-ups -------------------------------------------------------------------------------------


def test_penalties_by_staff_counted_by_hand(world: World):
    """Penalties of the fixture, applied at:

    ===  =====================  ========  ======  ======  ===========================  =========
    #    applied at             person    points  yuan    measures                     current
    ===  =====================  ========  ======  ======  ===========================  =========
    1    2026-09-28 13:00:00    teller    2       100.00  talk                         yes
    2    2026-09-30 23:59:59    teller2   1       40.00   talk, remedial_training      yes
    3    2026-09-30 23:59:59    teller    1       60.00   talk                         yes
    4    2026-10-01 00:00:00    teller    5       500.00  written_warning              yes
    5    2026-09-29 09:00:00    lobby     2       100.00  talk                         withdrawn
    ===  =====================  ========  ======  ======  ===========================  =========

    2026-Q3: teller 2 penalties, 3 points, 160.00, talk 2; teller2 1, 1, 40.00, talk 1 and
    remedial 1; lobby none (withdrawn). 2026-Q4: teller 1, 5, 500.00, written warning 1.
    2026: teller 3 penalties, 8 points, 660.00.
    """
    w = world
    q3_end, q4_start = dt.datetime(2026, 9, 30, 23, 59, 59), dt.datetime(2026, 10, 1)
    a = replied_case(w)
    pa = person(determined(w, a, [(w.teller, 100)]), w.teller)
    penalties.apply_penalty(pa, w.head, points=2, amount=100, measures=["talk"], at=at(3))
    b = replied_case(w, received_at=at(-1))
    row_b = determined(w, b, [(w.teller, 60), (w.teller2, 40)])
    penalties.apply_penalty(
        person(row_b, w.teller2),
        w.head,
        points=1,
        amount=40,
        measures=["talk", "remedial_training"],
        reason_if_changed="补课",
        at=q3_end,
    )
    penalties.apply_penalty(
        person(row_b, w.teller), w.head, points=1, amount=60, measures=["talk"], at=q3_end
    )
    c = replied_case(w, received_at=at(-2))
    pc = person(determined(w, c, [(w.teller, 100)]), w.teller)
    penalties.apply_penalty(
        pc,
        w.head,
        points=5,
        amount=500,
        measures=["written_warning"],
        reason_if_changed="屡次发生",
        at=q4_start,
    )
    d = replied_case(w, received_at=at(-3))
    row_d = determined(w, d, [(w.lobby, 100)])
    penalties.apply_penalty(
        person(row_d, w.lobby),
        w.head,
        points=2,
        amount=100,
        measures=["talk"],
        at=dt.datetime(2026, 9, 29, 9),
    )
    (lobby_penalty,) = penalties.penalties_under(row_d)
    liability.review(
        row_d,
        w.head,
        outcome=codes.REVIEW_OVERTURNED,
        reason="复核无责",
        finding=Finding(liable=False, reasons="无责"),
        penalties=[penalties.PenaltyChoice(lobby_penalty, codes.PENALTY_WITHDRAW)],
        at=dt.datetime(2026, 9, 29, 10),
    )

    q3 = {r.staff_id: r for r in penalties.penalties_by_staff("2026-Q3")}
    assert set(q3) == {w.teller.id, w.teller2.id}
    assert (q3[w.teller.id].count, q3[w.teller.id].points, q3[w.teller.id].amount) == (
        2,
        3,
        Decimal("160.00"),
    )
    assert q3[w.teller.id].measures["talk"] == 2
    assert q3[w.teller.id].measures["remedial_training"] == 0
    assert (q3[w.teller2.id].count, q3[w.teller2.id].points, q3[w.teller2.id].amount) == (
        1,
        1,
        Decimal("40.00"),
    )
    assert q3[w.teller2.id].measures["remedial_training"] == 1
    q4 = penalties.penalties_by_staff("2026-Q4")
    assert [(r.staff_id, r.count, r.points, r.amount) for r in q4] == [
        (w.teller.id, 1, 5, Decimal("500.00"))
    ]
    assert q4[0].measures["written_warning"] == 1
    year = penalties.penalties_by_staff("2026")
    assert [(r.staff_id, r.count, r.points, r.amount) for r in year] == [
        (w.teller.id, 3, 8, Decimal("660.00")),
        (w.teller2.id, 1, 1, Decimal("40.00")),
    ]
    assert penalties.penalties_by_staff("2026-09") == [
        r for r in penalties.penalties_by_staff("2026-Q3")
    ]
    # the withdrawn penalty stays on record, marked so
    (old,) = penalties.penalties_of_case(d)
    assert not old.current and Penalty.select().count() == 5
    assert old.state == codes.PENALTY_STATE_WITHDRAWN


# --- a review that replaces the finding carries each penalty over or withdraws it --------------


def _two_penalties(w: World):
    """A liable finding (teller 60 %, teller2 40 %) with a penalty for each."""
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 60), (w.teller2, 40)])
    first = penalties.apply_penalty(
        person(row, w.teller), w.head, points=2, amount=120, measures=["talk"],
        reason_if_changed="情节较轻", at=at(3.5),
    )  # fmt: skip
    second = penalties.apply_penalty(
        person(row, w.teller2), w.head, points=1, amount=40, measures=["talk"],
        reason_if_changed="情节较轻", at=at(3.5),
    )  # fmt: skip
    return case, row, first, second


def _teller_alone(w: World) -> Finding:
    return Finding(
        liable=True,
        reasons="复核查明刘洋已按规定解释",
        responsible=[liability.Responsible(w.teller, 100)],
        basis="未按规定向客户解释等候原因（Art. 7(2)）",
    )


def test_a_changed_review_carries_one_penalty_over_and_withdraws_the_other(world: World):
    from db.management import staff_records
    from db.reporting import assessment_data
    from db.store.models import PenaltyReviewAction

    w = world
    case, row, first, second = _two_penalties(w)
    review = liability.review(
        row,
        w.head,
        outcome=codes.REVIEW_CHANGED,
        reason="区分公司复核：刘洋无责",
        finding=_teller_alone(w),
        penalties=[
            penalties.PenaltyChoice(first, codes.PENALTY_CARRY_OVER),
            penalties.PenaltyChoice(second.id, codes.PENALTY_WITHDRAW, "复核认定无责"),
        ],
        at=at(5),
    )
    # The penalty rows of the replaced finding are kept as they were.
    assert Penalty.get_by_id(first.id).liability_id == row.id
    assert Penalty.get_by_id(second.id).liability_id == row.id
    carried = Penalty.get((Penalty.liability == review.result_id) & (Penalty.staff == w.teller.id))
    assert (carried.points, carried.amount_fen, carried.measures) == (2, 12000, "talk")
    assert carried.applied_at == first.applied_at and carried.reason == "情节较轻"
    actions = {a.penalty_id: a for a in PenaltyReviewAction.select()}
    assert actions[first.id].action == codes.PENALTY_CARRY_OVER
    assert actions[first.id].carried_to_id == carried.id
    assert actions[second.id].action == codes.PENALTY_WITHDRAW
    assert actions[second.id].carried_to_id is None and actions[second.id].note == "复核认定无责"
    assert {a.review_id for a in actions.values()} == {review.id}
    data = json.loads(last_event(case).data)
    assert {p["penalty"]: p["action"] for p in data["penalties"]} == {
        first.id: codes.PENALTY_CARRY_OVER,
        second.id: codes.PENALTY_WITHDRAW,
    }

    # The case's penalties say what became of each.
    states = {(v.staff_id, v.id): v.state for v in penalties.penalties_of_case(case)}
    assert states == {
        (w.teller.id, first.id): codes.PENALTY_STATE_CARRIED_OVER,
        (w.teller2.id, second.id): codes.PENALTY_STATE_WITHDRAWN,
        (w.teller.id, carried.id): codes.PENALTY_STATE_CURRENT,
    }
    views = {v.id: v for v in penalties.penalties_of_case(case)}
    assert views[carried.id].carried_from == first.id and views[first.id].carried_to == carried.id
    assert views[second.id].review_id == review.id

    # The staff record and the assessment count the penalties in force: the carried one
    # stays (in the period it was applied), the withdrawn one goes.
    summary = {s.staff_id: s for s in staff_records.staff_summary(w.outlet, "2026-Q3")}
    assert (summary[w.teller.id].penalties, summary[w.teller.id].penalty_points) == (1, 2)
    assert summary[w.teller.id].penalty_amount == Decimal("120.00")
    assert summary[w.teller2.id].penalties == 0
    report = assessment_data.assessment_data("2026-Q3", at=at(24))
    assert (report.penalty_count, report.penalty_points) == (1, 2)
    (liable,) = report.liable_cases
    assert (liable.staff, liable.points, liable.amount) == ((w.teller.name,), 2, Decimal("120.00"))


def test_a_review_never_drops_a_penalty_silently(world: World):
    w = world
    case, row, first, second = _two_penalties(w)
    carry = penalties.PenaltyChoice(first, codes.PENALTY_CARRY_OVER)
    withdraw = penalties.PenaltyChoice(second, codes.PENALTY_WITHDRAW)

    def attempt(choices, **changes):
        kwargs = dict(
            outcome=codes.REVIEW_CHANGED, reason="复核", finding=_teller_alone(w), at=at(5)
        )
        kwargs.update(changes)
        return lambda: liability.review(row, w.head, penalties=choices, **kwargs)

    # No word on a penalty: refused, naming the person.
    error = refused_all(w, attempt([carry]), "penalty_choice_required")
    assert w.teller2.name in error.message
    refused_all(w, attempt([]), "penalty_choice_required")
    # Carried over to someone the new finding does not hold responsible.
    error = refused_all(
        w,
        attempt([carry, penalties.PenaltyChoice(second, codes.PENALTY_CARRY_OVER)]),
        "penalty_carry_not_responsible",
    )
    assert w.teller2.name in error.message
    # Overturned to not liable: nobody is responsible, so nothing can be carried over.
    refused_all(
        w,
        attempt(
            [carry, withdraw],
            outcome=codes.REVIEW_OVERTURNED,
            finding=Finding(liable=False, reasons="系统故障"),
        ),
        "penalty_carry_not_responsible",
    )
    # An upheld review keeps the finding and its penalties.
    refused_all(
        w,
        attempt([carry, withdraw], outcome=codes.REVIEW_UPHELD, finding=None),
        "upheld_keeps_penalties",
    )
    # A choice for a penalty of another finding, an unknown action, the same penalty twice.
    other = replied_case(w, received_at=at(-1))
    other_row = determined(w, other, [(w.teller, 100)])
    stranger = penalties.apply_penalty(
        person(other_row, w.teller), w.head, points=2, amount=100, measures=["talk"], at=at(4)
    )
    refused_all(
        w,
        attempt([carry, withdraw, penalties.PenaltyChoice(stranger, codes.PENALTY_WITHDRAW)]),
        "penalty_not_of_finding",
    )
    refused_all(w, attempt([carry, penalties.PenaltyChoice(second, "forgive")]), "unknown_code")
    refused_all(w, attempt([carry, carry, withdraw]), "penalty_not_of_finding")

    # Upheld without choices: both stay in force.
    liability.review(row, w.head, outcome=codes.REVIEW_UPHELD, reason="维持", at=at(5))
    assert {v.state for v in penalties.penalties_of_case(case)} == {codes.PENALTY_STATE_CURRENT}
    # Overturned with both withdrawn: none in force, both on record as withdrawn.
    liability.review(
        row,
        w.head,
        outcome=codes.REVIEW_OVERTURNED,
        reason="监控显示系统故障",
        finding=Finding(liable=False, reasons="系统故障，员工无责"),
        penalties=[penalties.PenaltyChoice(first, codes.PENALTY_WITHDRAW), withdraw],
        at=at(6),
    )
    assert [v.state for v in penalties.penalties_of_case(case)] == [
        codes.PENALTY_STATE_WITHDRAWN,
        codes.PENALTY_STATE_WITHDRAWN,
    ]
    # What is left in force is the other case's penalty alone.
    assert [(r.staff_id, r.count) for r in penalties.penalties_by_staff("2026-Q3")] == [
        (w.teller.id, 1)
    ]


def test_a_review_of_a_finding_without_penalties_needs_no_choice(world: World):
    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    review = liability.review(
        row, w.head, outcome=codes.REVIEW_CHANGED, reason="复核", finding=_teller_alone(w),
        at=at(5),
    )  # fmt: skip
    assert review.result_id is not None


# --- several penalties at once ----------------------------------------------------------------


def _draft(p: penalties.Proposal, **changes) -> penalties.PenaltyDraft:
    args = dict(points=p.points, amount=p.amount, measures=p.measures)
    args.update(changes)
    return penalties.PenaltyDraft(p.liable_person_id, **args)


def test_penalties_of_a_case_are_applied_all_or_none(world: World):
    w = world
    case = replied_case(w)
    determined(w, case, [(w.teller, 60), (w.teller2, 40)])
    first, second = penalties.pending_proposals(case)
    # The second person's penalty differs without a reason: the first is not kept either.
    refused_all(
        w,
        lambda: penalties.apply_penalties(
            case, w.head, [_draft(first), _draft(second, points=second.points + 1)], at=at(4)
        ),
        "penalty_reason_required",
    )
    # A responsible person of another case is no one to penalise under this one.
    other = replied_case(w)
    determined(w, other, [(w.teller, 100)])
    (stranger,) = penalties.pending_proposals(other)
    refused_all(
        w,
        lambda: penalties.apply_penalties(case, w.head, [_draft(first), _draft(stranger)]),
        "not_responsible",
    )
    # The same person twice is one penalty too many, and the teller's is not head's work.
    refused_all(
        w,
        lambda: penalties.apply_penalties(case, w.head, [_draft(first), _draft(first)], at=at(4)),
        "penalty_exists",
    )
    refused_all(
        w, lambda: penalties.apply_penalties(case, w.teller, [_draft(first)], at=at(4)), "head_only"
    )
    rows = penalties.apply_penalties(case, w.head, [_draft(first), _draft(second)], at=at(4))
    assert [r.liable_person_id for r in rows] == [first.liable_person_id, second.liable_person_id]
    assert penalties.pending_proposals(case) == []
    assert [p.liable_person_id for p in penalties.pending_proposals(other)] == [
        stranger.liable_person_id
    ]
