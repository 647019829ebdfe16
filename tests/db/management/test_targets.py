"""Targets (Art. 5(1)): periods with exact boundaries, targets only the head sets, actuals
that match a fixture counted by hand (cases on quarter and year ends included), and marks
that follow the documented rule."""

from __future__ import annotations

import datetime as dt

import pytest

from db.errors import WorkflowError
from db.management import targets
from db.management.targets import Period
from db.store import codes
from db.store.models import Callback, Liability, Target, WorkOrder
from tests.db.management_fixtures import World, put_case, refused_all, world

__all__ = ["world"]

D = dt.datetime
Q3_END = D(2026, 9, 30, 23, 59, 59)
Q4_START = D(2026, 10, 1)
AFTER_Q3 = D(2026, 10, 10, 12, 0)
H = dt.timedelta(hours=1)


# --- periods --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical", "start", "end"),
    [
        ("2026", "2026", D(2026, 1, 1), D(2027, 1, 1)),
        ("2026-Q3", "2026-Q3", D(2026, 7, 1), D(2026, 10, 1)),
        ("2026q4", "2026-Q4", D(2026, 10, 1), D(2027, 1, 1)),
        (" 2026 - q1 ", "2026-Q1", D(2026, 1, 1), D(2026, 4, 1)),
        ("2026-07", "2026-07", D(2026, 7, 1), D(2026, 8, 1)),
        ("2026-2", "2026-02", D(2026, 2, 1), D(2026, 3, 1)),
        ("2026/12", "2026-12", D(2026, 12, 1), D(2027, 1, 1)),
    ],
)
def test_periods_parse_to_exact_half_open_spans(text, canonical, start, end):
    period = Period.parse(text)
    assert (str(period), period.start, period.end) == (canonical, start, end)
    assert period.contains(start) and not period.contains(end)
    assert period.contains(end - dt.timedelta(seconds=1))
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize(
    "text",
    [
        "",
        "26",
        "2026-13",
        "2026-00",
        "2026-Q5",
        "2026-Q0",
        "Q3",
        "abcd",
        "1999",
        "2026-07-01",
        None,
    ],
)
def test_bad_periods_are_refused(text):
    with pytest.raises(WorkflowError) as excinfo:
        Period.parse(text)
    assert excinfo.value.code == "bad_period"


def test_quarter_and_year_ends_are_exact():
    assert Period.of(Q3_END, targets.QUARTER) == Period.parse("2026-Q3")
    assert Period.of(Q4_START, targets.QUARTER) == Period.parse("2026-Q4")
    assert Period.of(D(2025, 12, 31, 23, 59, 59), targets.YEAR) == Period.parse("2025")
    assert Period.of(D(2026, 1, 1), targets.MONTH) == Period.parse("2026-01")
    q3 = Period.parse("2026-Q3")
    assert [str(m) for m in q3.months()] == ["2026-07", "2026-08", "2026-09"]
    assert [str(p) for p in Period.parse("2026-08").parents()] == ["2026-Q3", "2026"]
    assert q3.elapsed_share(D(2026, 6, 1)) == 0.0
    assert q3.elapsed_share(D(2026, 8, 16)) == 0.5  # 46 of 92 days
    assert q3.elapsed_share(Q4_START) == 1.0


# --- setting targets ------------------------------------------------------------------------------


def test_head_sets_replaces_and_clears_targets(world: World):
    w = world
    targets.set_target("2026-Q3", codes.METRIC_COMPLAINTS, 24, w.head)
    targets.set_target(Period.parse("2026-Q3"), codes.METRIC_COMPLAINTS, 20.0, w.head)
    targets.set_target("2026-q3", codes.METRIC_CALLBACK_SATISFACTION, "95.5", w.head)
    assert Target.select().count() == 2
    assert targets.targets_in("2026-Q3") == {"complaints": 20.0, "callback_satisfaction": 95.5}
    assert targets.target_of("2026-Q3", codes.METRIC_URGENT) is None
    targets.clear_target("2026-Q3", codes.METRIC_COMPLAINTS, w.head)
    assert targets.targets_in("2026-Q3") == {"callback_satisfaction": 95.5}


@pytest.mark.parametrize(
    ("metric", "value", "code"),
    [
        ("complaints", -1, "value_range"),
        ("complaints", 2.5, "value_decimals"),
        ("complaints", "many", "not_a_number"),
        ("complaints", True, "not_a_number"),
        ("complaints", float("nan"), "not_a_number"),
        ("callback_satisfaction", 100.5, "value_range"),
        ("callback_satisfaction", "95.555", "value_decimals"),
        ("happiness", 1, "unknown_code"),
    ],
)
def test_bad_target_values_are_refused(world: World, metric, value, code):
    refused_all(world, lambda: targets.set_target("2026-Q3", metric, value, world.head), code)


def test_only_the_head_sets_targets(world: World):
    w = world
    refused_all(w, lambda: targets.set_target("2026", "complaints", 100, w.teller), "head_only")
    refused_all(w, lambda: targets.set_target("2026-Q9", "complaints", 100, w.head), "bad_period")
    refused_all(w, lambda: targets.clear_target("2026", "complaints", w.lobby), "head_only")


def test_several_targets_are_set_together_or_not_at_all(world: World):
    w = world
    cell = targets.TargetCell
    targets.set_target("2026-Q3", codes.METRIC_URGENT, 3, w.head)
    # A bad cell keeps the good ones out, the clearing too, and each refusal names its cell.
    error = refused_all(
        w,
        lambda: targets.set_targets(
            w.head,
            [
                cell("2026-Q3", codes.METRIC_COMPLAINTS, "20"),
                cell("2026-Q3", codes.METRIC_URGENT, ""),
                cell("2026-Q3", codes.METRIC_CALLBACK_SATISFACTION, "101"),
                cell("2026-Q9", codes.METRIC_COMPLAINTS, "5"),
            ],
        ),
        "value_range",
    )
    assert isinstance(error, targets.TargetsRefused)
    assert {i: e.code for i, e in error.refused.items()} == {2: "value_range", 3: "bad_period"}
    refused_all(
        w, lambda: targets.set_targets(w.teller, [cell("2026", "complaints", "9")]), "head_only"
    )
    written = targets.set_targets(
        w.head,
        [
            cell("2026-Q3", codes.METRIC_COMPLAINTS, " 20 "),
            cell("2026-Q3", codes.METRIC_URGENT, None),
        ],
    )
    assert written == 2 and targets.targets_in("2026-Q3") == {"complaints": 20.0}


# --- actuals against a hand-counted fixture -------------------------------------------------------


def lay_fixture(w: World) -> None:
    """The fixture, one line per fact, with where it counts.

    ==  =====================  ========  ======  =========  ==========  ========  ==========
    #   received               severity  liable  escalated  agreed      replied   period
    ==  =====================  ========  ======  =========  ==========  ========  ==========
    1   2026-06-30 23:59:59    ordinary  yes     yes        -           -         Q2
    2   2026-07-01 00:00:00    ordinary  -       -          +48 h       +24 h     Q3  met
    3   2026-07-15 10:00:00    ordinary  no      -          settled     -         Q3
    4   2026-07-20 09:00:00    ordinary  yes     -          +24 h       +30 h     Q3  late
    5   2026-08-03 14:00:00    urgent    yes     yes        +72 h       +72 h     Q3  met
    6   2026-08-10 11:00:00    ordinary  no      -          +48 h       never     Q3  overdue
    7   2026-08-31 23:59:59    ordinary  -       -          settled     -         Q3
    8   2026-09-01 00:00:00    ordinary  overt.  -          +100 h      +80 h     Q3  met
    9   2026-09-30 23:59:59    urgent    -       -          +480 h      never     Q3  running
    10  2026-10-01 00:00:00    urgent    yes     yes        +1 h        never     Q4  overdue
    11  2025-12-31 23:59:59    urgent    yes     -          -           -         2025
    ==  =====================  ========  ======  =========  ==========  ========  ==========

    Case 8 was found liable, then a review overturned it: not liable now.
    Work orders (received, reply by, replied): A 2026-06-30 23:59:59 (Q2); B 2026-07-01
    00:00:00, by 07-03, replied 07-04 (late); C 2026-09-30 23:59:59, by 10-08, not replied
    (overdue at 10-10); D 2026-10-01 00:00:00 (Q4), by 10-20, not replied (running).
    Callbacks made (result): 07-05 satisfied, 08-01 basically satisfied, 08-02 not reached,
    09-30 23:59:59 unsatisfied, 10-01 00:00:00 satisfied (Q4).
    """
    u, o = "urgent", "ordinary"
    rows = [
        (D(2026, 6, 30, 23, 59, 59), o, True, True, None, None, False),
        (D(2026, 7, 1), o, None, False, 48, 24, False),
        (D(2026, 7, 15, 10), o, False, False, None, None, True),
        (D(2026, 7, 20, 9), o, True, False, 24, 30, False),
        (D(2026, 8, 3, 14), u, True, True, 72, 72, False),
        (D(2026, 8, 10, 11), o, False, False, 48, None, False),
        (D(2026, 8, 31, 23, 59, 59), o, None, False, None, None, True),
        (D(2026, 9, 1), o, True, False, 100, 80, False),
        (Q3_END, u, None, False, 480, None, False),
        (Q4_START, u, True, True, 1, None, False),
        (D(2025, 12, 31, 23, 59, 59), u, True, False, None, None, False),
    ]
    cases = []
    for received, severity, liable, escalated, agreed, replied, settled in rows:
        cases.append(
            put_case(
                w,
                received,
                severity=severity,
                settled=settled,
                liable=liable,
                agreed_reply_at=received + agreed * H if agreed is not None else None,
                replied_at=received + replied * H if replied is not None else None,
                escalated_at=received + H if escalated else None,
            )
        )
    # case 8: a review overturned the finding (a newer, not-liable determination)
    Liability.create(
        case=cases[7],
        liable=False,
        reasons="复核无责",
        determined_by=w.head,
        determined_at=D(2026, 9, 5),
    )
    for number, received, reply_by, replied in [
        ("A", D(2026, 6, 30, 23, 59, 59), D(2026, 7, 2), D(2026, 7, 1)),
        ("B", D(2026, 7, 1), D(2026, 7, 3), D(2026, 7, 4)),
        ("C", Q3_END, D(2026, 10, 8), None),
        ("D", Q4_START, D(2026, 10, 20), None),
    ]:
        WorkOrder.create(
            outlet=w.outlet,
            source="95580",
            number=number,
            received_at=received,
            reply_by=reply_by,
            customer_name="客户",
            content="工单",
            replied_at=replied,
            replied_by=w.head if replied else None,
            reply_content="已答复" if replied else "",
        )
    for done_at, reached, result in [
        (D(2026, 7, 5), True, codes.RESULT_SATISFIED),
        (D(2026, 8, 1), True, codes.RESULT_BASICALLY),
        (D(2026, 8, 2), False, ""),
        (Q3_END, True, codes.RESULT_UNSATISFIED),
        (Q4_START, True, codes.RESULT_SATISFIED),
    ]:
        Callback.create(
            case=cases[1],
            due_at=done_at,
            assigned_to=w.lobby,
            planned_by=w.head,
            planned_at=D(2026, 7, 2),
            done_at=done_at,
            done_by=w.lobby,
            method="phone",
            reached=reached,
            result=result,
        )


EXPECTED_Q3 = {
    codes.METRIC_COMPLAINTS: 8,  # cases 2-9
    codes.METRIC_LIABLE: 2,  # 4, 5 (8 overturned, 6 and 3 not liable)
    codes.METRIC_URGENT: 2,  # 5, 9
    codes.METRIC_ESCALATIONS: 1,  # 5
    codes.METRIC_WORK_ORDERS: 2,  # B, C
    codes.METRIC_OVERDUE_REPLIES: 4,  # cases 4 (late), 6 (overdue); orders B (late), C (overdue)
    codes.METRIC_CALLBACK_SATISFACTION: pytest.approx(200 / 3),  # 2 of 3 reached
}
EXPECTED_Q4 = {
    codes.METRIC_COMPLAINTS: 1,
    codes.METRIC_LIABLE: 1,
    codes.METRIC_URGENT: 1,
    codes.METRIC_ESCALATIONS: 1,
    codes.METRIC_WORK_ORDERS: 1,
    codes.METRIC_OVERDUE_REPLIES: 1,  # case 10 (order D still running)
    codes.METRIC_CALLBACK_SATISFACTION: 100.0,
}


def test_actuals_match_the_fixture(world: World):
    lay_fixture(world)
    for metric, expected in EXPECTED_Q3.items():
        assert targets.actual("2026-Q3", metric, at=AFTER_Q3) == expected, metric
    for metric, expected in EXPECTED_Q4.items():
        assert targets.actual("2026-Q4", metric, at=AFTER_Q3) == expected, metric
    q2 = {m: targets.actual("2026-Q2", m, at=AFTER_Q3) for m in codes.TARGET_METRICS}
    assert q2 == {
        "complaints": 1,
        "liable_complaints": 1,
        "urgent_complaints": 0,
        "escalations": 1,
        "superior_work_orders": 1,
        "overdue_replies": 0,
        "callback_satisfaction": None,
    }
    # year ends: case 11 is 2025's, nothing of 2025 leaks into 2026
    assert targets.actual("2025", "complaints") == 1
    assert targets.actual("2025-12", "urgent_complaints") == 1
    assert targets.actual("2026", "complaints") == 10
    assert targets.actual("2026-01", "complaints") == 0
    # months split at their last second
    assert [targets.actual(m, "complaints") for m in ("2026-07", "2026-08", "2026-09")] == [
        3,
        3,
        2,
    ]
    assert targets.callback_satisfaction("2026-Q3") == targets.Satisfaction(2, 3)


def test_overdue_replies_are_as_of_the_moment_asked(world: World):
    lay_fixture(world)
    # On 2026-08-12 12:00 case 6 (due 08-12 11:00) has just become overdue; case 4 was late;
    # order B was late; order C was not yet due.
    assert targets.overdue_reply_count("2026-Q3", D(2026, 8, 12, 12)) == 3
    assert targets.overdue_reply_count("2026-Q3", D(2026, 8, 12, 10)) == 2


# --- marks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "target", "value", "elapsed", "finished", "mark"),
    [
        # counts, lower is better
        ("complaints", 10, 11, 0.3, False, "missed"),
        ("complaints", 10, 10, 1.0, True, "on_track"),
        ("complaints", 10, 11, 1.0, True, "missed"),
        ("complaints", 20, 8, 0.5, False, "at_risk"),  # 8 >= 0.8 x 0.5 x 20
        ("complaints", 30, 8, 0.5, False, "on_track"),  # 8 < 12
        ("complaints", 10, 0, 0.0, False, "on_track"),
        ("complaints", 10, 0, 0.9, False, "on_track"),
        ("complaints", 0, 0, 0.5, False, "on_track"),
        ("complaints", 0, 1, 0.5, False, "missed"),
        ("complaints", 12, 1, 0.01, False, "at_risk"),  # a complaint on day 4 of a year of 12
        ("complaints", None, 5, 0.5, False, None),
        # the satisfaction rate, higher is better
        ("callback_satisfaction", 90, None, 0.5, False, "no_data"),
        ("callback_satisfaction", 90, 95, 0.5, False, "on_track"),
        ("callback_satisfaction", 90, 90, 1.0, True, "on_track"),
        ("callback_satisfaction", 90, 80, 0.5, False, "at_risk"),
        ("callback_satisfaction", 90, 80, 1.0, True, "missed"),
    ],
)
def test_the_mark_rule(metric, target, value, elapsed, finished, mark):
    assert targets.mark(metric, target, value, elapsed, finished) == mark


def test_target_status_against_the_fixture(world: World):
    w = world
    lay_fixture(w)
    for metric, value in [
        ("complaints", 10),
        ("liable_complaints", 1),
        ("urgent_complaints", 2),
        ("escalations", 0),
        ("superior_work_orders", 3),
        ("overdue_replies", 5),
        ("callback_satisfaction", 90),
    ]:
        targets.set_target("2026-Q3", metric, value, w.head)
    status = {s.metric: s for s in targets.target_status("2026-Q3", AFTER_Q3)}
    assert list(status) == list(codes.TARGET_METRICS)
    assert {m: s.mark for m, s in status.items()} == {
        "complaints": "on_track",  # 8 of 10
        "liable_complaints": "missed",  # 2 > 1
        "urgent_complaints": "on_track",  # 2 of 2, period over
        "escalations": "missed",  # 1 > 0
        "superior_work_orders": "on_track",
        "overdue_replies": "on_track",  # 4 of 5
        "callback_satisfaction": "missed",  # 66.7 % < 90 %, period over
    }
    assert status["complaints"].actual == 8 and status["complaints"].target == 10
    assert status["callback_satisfaction"].higher_is_better
    # halfway through the quarter the same counts read differently
    targets.set_target("2026-Q3", "complaints", 20, w.head)
    midway = {s.metric: s for s in targets.target_status("2026-Q3", D(2026, 8, 16))}
    assert midway["complaints"].elapsed == 0.5
    assert midway["complaints"].mark == "at_risk"  # 8 >= 0.8 x 0.5 x 20
    assert midway["callback_satisfaction"].mark == "at_risk"
    # a period without targets has actuals and no marks
    q4 = targets.target_status("2026-Q4", AFTER_Q3)
    assert all(s.target is None and s.mark is None for s in q4)
    assert [s.actual for s in q4 if s.metric == "complaints"] == [1]


def test_monthly_targets_fall_back_to_the_quarter_and_year(world: World):
    w = world
    targets.set_target("2026", "complaints", 120, w.head)
    targets.set_target("2026-Q3", "complaints", 24, w.head)
    targets.set_target("2026-09", "complaints", 5, w.head)
    targets.set_target("2026", "callback_satisfaction", 90, w.head)
    monthly = targets.monthly_targets("2026")
    assert [monthly[m] for m in Period.parse("2026").months()] == [
        10,
        10,
        10,
        10,
        10,
        10,
        8,
        8,
        5,
        10,
        10,
        10,
    ]
    rates = targets.monthly_targets("2026-Q3", "callback_satisfaction")
    assert set(rates.values()) == {90}
    assert set(targets.monthly_targets("2025").values()) == {None}
