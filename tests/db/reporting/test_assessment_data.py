"""The assessment report's data against the hand-counted targets fixture
(tests/db/management/test_targets.py: cases on the quarter and year ends), plus targets, penalties,
training and disputes laid down here; and the escalation report's data from the wizard's
``escalated`` events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from db.handling import workflow
from db.management import penalties, prevention, targets, training
from db.reporting import assessment_data as ad
from db.reporting.report_data import CaseNotFound
from db.store import codes
from db.store.models import Dispute, Liability, LiablePerson
from tests.db import management_fixtures
from tests.db.management.test_targets import AFTER_Q3, Q3_END, Q4_START, D, lay_fixture
from tests.db.management_fixtures import World
from tests.db.workflow_fixtures import at

world = management_fixtures.world  # the fixture, under its name here


def lay_more(w: World) -> None:
    """On top of the targets fixture: Q3 targets; a penalty on case 4 (liable, teller) in
    Q3 and one on case 10 in Q4; two training sessions (Q3 last day, Q4 first day); three
    disputes in Q3 (one became a complaint) and one in Q4."""
    targets.set_target("2026-Q3", codes.METRIC_COMPLAINTS, 10, w.head)
    targets.set_target("2026-Q3", codes.METRIC_LIABLE, 1, w.head)
    targets.set_target("2026-Q3", codes.METRIC_CALLBACK_SATISFACTION, 90, w.head)
    findings = {
        lp.liability.case.received_at: lp
        for lp in LiablePerson.select().join(Liability).where(Liability.liable == True)  # noqa: E712
    }
    penalties.apply_penalty(
        findings[D(2026, 7, 20, 9)],
        w.head,
        points=2,
        amount="100",
        reason_if_changed="夹具",
        at=D(2026, 7, 25),
    )
    penalties.apply_penalty(
        findings[Q4_START],
        w.head,
        points=5,
        amount="300",
        reason_if_changed="夹具",
        at=D(2026, 10, 3),
    )
    training.record_session(
        w.head,
        held_on=Q3_END.date(),
        topic=codes.TOPIC_COMPLAINT_HANDLING,
        title="投诉处理规范",
        trainer="王建国",
        hours="1.5",
        attendees=[w.teller, w.lobby],
    )
    training.record_session(
        w.head,
        held_on=Q4_START.date(),
        topic=codes.TOPIC_COMPLAINT_HANDLING,
        title="季度复训",
        trainer="王建国",
        hours=2,
        attendees=[w.teller],
    )
    for when in (D(2026, 7, 2, 10), D(2026, 8, 2, 10), Q3_END, Q4_START):
        prevention.record_dispute(
            w.lobby,
            occurred_at=when,
            handled_by=w.lobby,
            customer_name="张三",
            description="客户对排队不满",
            cause="onsite_long_wait",
            outcome=codes.DISPUTE_DEFUSED,
        )
    Dispute.update(case=1).where(Dispute.occurred_at == D(2026, 8, 2, 10)).execute()


def test_quarter_figures_match_the_fixture(world: World):
    lay_fixture(world)
    lay_more(world)
    data = ad.assessment_data("2026-Q3", at=AFTER_Q3)

    assert data.period == "2026-Q3" and data.finished
    assert data.outlet.name == world.outlet.name
    assert data.complaints == 8
    rows = {t.metric: t for t in data.targets}
    assert rows[codes.METRIC_COMPLAINTS].target == 10
    assert rows[codes.METRIC_COMPLAINTS].mark == codes.MARK_ON_TRACK
    assert rows[codes.METRIC_LIABLE].actual == 2
    assert rows[codes.METRIC_LIABLE].mark == codes.MARK_MISSED
    assert rows[codes.METRIC_CALLBACK_SATISFACTION].mark == codes.MARK_MISSED  # 66.7 < 90
    assert rows[codes.METRIC_URGENT].target is None and rows[codes.METRIC_URGENT].mark is None
    # liable: cases 4 and 5 (8 overturned); latest first; the Q4 penalty is not Q3's
    assert data.liable_total == 2
    assert [c.received_at for c in data.liable_cases] == [D(2026, 8, 3, 14), D(2026, 7, 20, 9)]
    assert data.liable_cases[1].points == 2 and data.liable_cases[1].amount == Decimal("100.00")
    assert data.liable_cases[0].staff == (world.teller.name,)
    assert (data.penalty_count, data.penalty_points, data.penalty_amount) == (
        1,
        2,
        Decimal("100.00"),
    )
    # work orders B (late) and C (overdue at AFTER_Q3)
    assert data.work_orders == ad.WorkOrderFigures(2, 0, 1, 1, 0)
    # callbacks 07-05, 08-01, 08-02 (not reached), 09-30 23:59:59; not 10-01
    assert data.callbacks == ad.CallbackFigures(4, 3, 1, 1, 1)
    assert data.callbacks.satisfaction_rate == pytest.approx(200 / 3)
    assert (data.training_sessions, data.training_hours) == (1, Decimal("1.50"))
    assert (data.disputes, data.disputes_converted, data.disputes_defused) == (3, 1, 2)
    # the chart series: three months with the quarter's figures, causes
    assert [(p.label, p.value) for p in data.trend] == [
        ("2026-07", 3),
        ("2026-08", 3),
        ("2026-09", 2),
    ]
    assert sum(c.value for c in data.causes) == 8
    teller = next(r for r in data.staff_rows if r.staff_id == world.teller.id)
    assert teller.first_asked == 8 and teller.penalty_points == 2
    assert teller.training_hours == Decimal("1.50")


def test_the_next_quarter_starts_at_midnight(world: World):
    lay_fixture(world)
    lay_more(world)
    q4 = ad.assessment_data("2026-Q4", at=AFTER_Q3)
    assert q4.complaints == 1 and q4.liable_total == 1
    assert (q4.penalty_points, q4.penalty_amount) == (5, Decimal("300.00"))
    assert q4.callbacks == ad.CallbackFigures(1, 1, 1, 0, 0)
    assert (q4.training_sessions, q4.disputes) == (1, 1)
    assert not q4.finished
    year = ad.assessment_data("2026", at=AFTER_Q3)
    assert year.complaints == 10 and len(year.trend) == 12
    assert year.penalty_points == 7
    month = ad.assessment_data("2026-09", at=AFTER_Q3)
    assert len(month.trend) == 30 and month.trend[-1] == ad.ChartPoint("09-30", 1)


def test_one_staff_members_assessment(world: World):
    lay_fixture(world)
    lay_more(world)
    data = ad.assessment_data("2026-Q3", staff_employee_no=world.lobby.employee_no, at=AFTER_Q3)
    assert data.staff is not None and data.staff.name == world.lobby.name
    assert [r.staff_id for r in data.staff_rows] == [world.lobby.id]
    assert data.liable_total == 0 and data.penalty_points == 0
    assert data.callbacks.made == 4  # the lobby manager made them
    assert data.training_hours == Decimal("1.50")
    with pytest.raises(ad.StaffNotFound):
        ad.assessment_data("2026-Q3", staff_employee_no="NOPE")


def escalated_case(w: World):
    case = w.case()
    workflow.escalate(
        case,
        w.head,
        "district_branch",
        "城南区分公司运营管理部",
        True,
        "张主任",
        at(1),
        "客户要求赔偿5,000元，超出网点权限；客户电话13812345678。",
        "网点每日与客户联系，反馈协调进展。",
        psbc_department="邮储银行城南支行",
        reported_by=w.teller,
        at=at(1.5),
    )
    workflow.escalate(
        case,
        w.head,
        "city_branch",
        "市分公司客户服务部",
        False,
        "刘科长",
        at(30),
        "区分公司协调未果，客户坚持赔偿。",
        "网点继续跟踪，三日内回访客户。",
        at=at(30.5),
    )
    return case


def test_escalation_data_is_what_the_wizard_sent(world: World):
    case = escalated_case(world)
    data = ad.escalation_report_data(case.id, at=at(40))
    assert data.case_no == case.case_no
    assert [s.level for s in data.steps] == ["district_branch", "city_branch"]
    first = data.steps[0]
    assert first.district_department == "城南区分公司运营管理部"
    assert first.with_psbc and first.psbc_department == "邮储银行城南支行"
    assert first.contacted_person == "张主任" and first.contacted_at == at(1)
    assert "13812345678" not in first.reported_summary  # masked: it leaves the outlet
    assert data.steps[1].outlet_follow_up == "网点继续跟踪，三日内回访客户。"
    assert "13812345678" not in data.customer_phone
    assert ad.has_escalation(case.id)
    assert ad.escalation_report_data_by_number(case.case_no).steps == data.steps


def test_escalation_data_refuses_cases_without_one(world: World):
    case = world.case()
    assert not ad.has_escalation(case.id)
    with pytest.raises(ad.NoEscalation):
        ad.escalation_report_data(case.id)
    with pytest.raises(CaseNotFound):
        ad.escalation_report_data(999_999)


def test_months_and_quarters_parse_like_the_targets(world: World):
    with pytest.raises(Exception, match="period"):
        ad.assessment_data("2026-Q5")
    data = ad.assessment_data("2026-7", at=dt.datetime(2026, 7, 10))
    assert data.period == "2026-07" and not data.finished
