"""Where a complaint stands for the case view: the finding that counts, its penalties, and each
escalation with the result fed back after it (db.intake.case_outcome)."""

from __future__ import annotations

from decimal import Decimal

from db.handling import workflow
from db.intake import case_outcome
from db.management import liability, penalties
from db.management.liability import Finding, Responsible
from db.store.models import LiablePerson
from tests.db.workflow_fixtures import World, at, world

__all__ = ["world"]


def escalate(w: World, case, level: str, department: str, when: float, **kwargs):
    return workflow.escalate(
        case,
        w.head,
        level,
        department,
        bool(kwargs.get("psbc_department")),
        "张主任",
        at(when - 0.5),
        "客户要求赔偿，超出网点权限。",
        "网点每日与客户联系。",
        at=at(when),
        **kwargs,
    )


def test_a_new_case_has_no_outcome(world: World):
    outcome = case_outcome.case_outcome(world.case())
    assert outcome.is_empty and outcome.finding is None and outcome.finding_count == 0


def test_escalations_pair_with_the_result_fed_back_after_each(world: World):
    w = world
    case = w.case()
    escalate(w, case, "district_branch", "城南区分公司运营管理部", 1.5,
             psbc_department="邮储银行城南支行", reported_by=w.teller)  # fmt: skip
    escalate(w, case, "city_branch", "市分公司客户服务部", 30)
    workflow.feed_back(
        case, w.head, content="市分公司同意补偿，客户接受。", method="phone",
        customer_satisfied=False, at=at(40),
    )  # fmt: skip
    first, second = case_outcome.escalation_outcomes(case.id)
    assert (first.level, first.district_department) == ("district_branch", "城南区分公司运营管理部")
    assert first.with_psbc and first.psbc_department == "邮储银行城南支行"
    # Nothing was fed back between the two: the first is still waiting for its result.
    assert first.result is None and first.customer_satisfied is None
    assert (second.level, second.with_psbc) == ("city_branch", False)
    assert second.result == "市分公司同意补偿，客户接受。"
    assert second.result_at == at(40) and second.customer_satisfied is False


def test_liability_with_shares_and_the_penalties_under_it(world: World):
    w = world
    case = w.case()
    escalate(w, case, "district_branch", "城南区分公司运营管理部", 1.5, reported_by=w.teller)
    workflow.feed_back(
        case, w.head, content="已协调解决。", method="phone", customer_satisfied=True, at=at(5)
    )
    liability.determine(
        case,
        w.head,
        Finding(
            liable=True,
            reasons="柜员未解释等候原因",
            responsible=[Responsible(w.teller, Decimal("60")), Responsible(w.lobby, 40)],
            basis="Art. 7(2)",
        ),
        at=at(7),
    )
    outcome = case_outcome.case_outcome(w.reload(case))
    assert outcome.finding is not None and outcome.finding.liable
    assert [(r.name, r.share) for r in outcome.finding.responsible] == [
        (w.teller.name, Decimal("60.00")),
        (w.lobby.name, Decimal("40.00")),
    ]
    assert outcome.penalties == []
    [escalation] = outcome.escalations
    assert escalation.result == "已协调解决。" and escalation.customer_satisfied is True

    person = LiablePerson.get(LiablePerson.staff == w.teller.id)
    proposal = penalties.propose_penalty(w.reload(case), person)
    penalties.apply_penalty(
        person, w.head, points=proposal.points, amount=proposal.amount,
        measures=proposal.measures, at=at(8),
    )  # fmt: skip
    outcome = case_outcome.case_outcome(w.reload(case))
    [penalty] = outcome.penalties
    assert penalty.staff_name == w.teller.name and penalty.points == proposal.points
