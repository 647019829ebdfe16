"""The deadline engine: calendar and working days across the 2026 National Day week (1-7
October, with Sunday 20 September and Saturday 10 October worked), pauses, extensions, the
clocks of a case, and the queries behind the overdue / due-today / near-breach views."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.handling import deadlines, decisions, rules, workflow
from db.handling.workcalendar import WorkCalendar
from db.intake import queries
from db.store import codes
from db.store.models import Case
from db.workorders import orders as workorders
from tests.db.workflow_fixtures import T0, World, at, refused, world

__all__ = ["world"]

CAL = WorkCalendar.from_package()
D = dt.datetime
EOD = dt.time(23, 59, 59)


def eod(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime.combine(dt.date(y, m, d), EOD)


def test_the_2026_national_day_schedule_is_what_the_tests_assume():
    for day in range(1, 8):
        assert not chinese_calendar.is_workday(dt.date(2026, 10, day))
    assert chinese_calendar.is_workday(dt.date(2026, 9, 20))  # Sunday, worked
    assert chinese_calendar.is_workday(dt.date(2026, 10, 10))  # Saturday, worked
    assert not chinese_calendar.is_workday(dt.date(2026, 9, 25))  # Mid-Autumn, a Friday
    assert dt.date(2026, 9, 20).weekday() == 6 and dt.date(2026, 10, 10).weekday() == 5


# --- working days --------------------------------------------------------------------------


def test_seven_working_days_across_national_day_count_the_make_up_saturday():
    # Sep 29, 30, (Oct 1-7 off), Oct 8, 9, 10 (Sat, worked), (11 Sun off), 12, 13
    got = deadlines.days_deadline(T0, 7, CAL, working_days=True)
    assert got == eod(2026, 10, 13)


def test_working_days_count_a_make_up_sunday_and_skip_mid_autumn():
    # from Friday 18 Sep: Sep 20 (Sun, worked), 21, 22, 23, 24, (25-27 off), 28, 29
    got = deadlines.days_deadline(D(2026, 9, 18, 16, 0), 7, CAL, working_days=True)
    assert got == eod(2026, 9, 29)


def test_calendar_period_ending_in_a_holiday_rolls_to_the_next_working_day():
    # 15 days after Wed 16 Sep is Thu 1 Oct, a holiday: ends Thu 8 Oct (Civil Code Art. 203)
    start = D(2026, 9, 16, 9, 30)
    assert deadlines.days_deadline(start, 15, CAL, roll=True) == eod(2026, 10, 8)
    assert deadlines.days_deadline(start, 15, CAL, roll=False) == eod(2026, 10, 1)
    # ... and one ending on Saturday 10 Oct does not roll: that Saturday is worked
    assert deadlines.days_deadline(D(2026, 9, 25, 9, 0), 15, CAL) == eod(2026, 10, 10)


def test_day_of_receipt_is_not_counted():
    assert deadlines.days_deadline(D(2026, 11, 2, 23, 59), 1, CAL) == eod(2026, 11, 3)
    assert deadlines.days_deadline(D(2026, 11, 3, 0, 0), 1, CAL) == eod(2026, 11, 4)


# --- pauses --------------------------------------------------------------------------------


def test_paused_time_is_excluded_as_time_not_as_days():
    # 15 days from Mon 28 Sep end Tue 13 Oct. A pause of 2 days 8 hours (12 Oct 09:00 to
    # 14 Oct 17:00) adds exactly that: Fri 16 Oct 07:59:59, not the three days it touches.
    assert deadlines.days_deadline(T0, 15, CAL) == eod(2026, 10, 13)
    pause = [(D(2026, 10, 12, 9, 0), D(2026, 10, 14, 17, 0))]
    assert deadlines.days_deadline(T0, 15, CAL, pauses=pause) == D(2026, 10, 16, 7, 59, 59)


def test_a_five_day_pause_adds_five_days_and_one_hour_adds_one_hour():
    # CBIRC Art. 18: the time of the appraisal is not counted, so it is added as time.
    five_days = [(D(2026, 10, 12, 10, 0), D(2026, 10, 17, 10, 0))]
    # Tue 13 Oct + 5 days = Sun 18 Oct, a rest day: rolls to Mon 19 Oct (Art. 203).
    assert deadlines.days_deadline(T0, 15, CAL, roll=False, pauses=five_days) == eod(2026, 10, 18)
    assert deadlines.days_deadline(T0, 15, CAL, pauses=five_days) == eod(2026, 10, 19)
    one_hour = [(D(2026, 10, 12, 10, 0), D(2026, 10, 12, 11, 0))]
    # Tue 13 Oct 23:59:59 + 1 hour = Wed 14 Oct 00:59:59, a working day: no whole day.
    assert deadlines.days_deadline(T0, 15, CAL, pauses=one_hour) == D(2026, 10, 14, 0, 59, 59)


def test_overlapping_pauses_count_once():
    # Mediation 12 Oct 10:00-15:00 and an appraisal 12 Oct 13:00-18:00 overlap: 8 hours.
    overlapping = [
        (D(2026, 10, 12, 10, 0), D(2026, 10, 12, 15, 0)),
        (D(2026, 10, 12, 13, 0), D(2026, 10, 12, 18, 0)),
    ]
    got = deadlines.days_deadline(T0, 15, CAL, pauses=overlapping)
    assert got == eod(2026, 10, 13) + dt.timedelta(hours=8)
    inside = [*overlapping, (D(2026, 10, 12, 11, 0), D(2026, 10, 12, 12, 0))]
    assert deadlines.days_deadline(T0, 15, CAL, pauses=inside) == got


def test_pauses_on_the_boundaries_of_a_day_clock():
    base = eod(2026, 10, 13)
    hour = dt.timedelta(hours=1)

    def with_pause(begin: dt.datetime, end: dt.datetime | None) -> dt.datetime | None:
        return deadlines.days_deadline(T0, 15, CAL, pauses=[(begin, end)])

    # Beginning at the very start counts whole; ending at the start counts nothing.
    assert with_pause(T0, T0 + hour) == base + hour
    assert with_pause(T0 - hour, T0) == base
    # Begun before the start: only the part after the start counts.
    assert with_pause(T0 - hour, T0 + hour) == base + hour
    # Begun in the clock's last second: it still counts; at or after the deadline: nothing.
    last_second = base - dt.timedelta(seconds=1)
    assert with_pause(last_second, last_second + hour) == base + hour
    assert with_pause(base, base + hour) == base
    assert with_pause(base, None) == base
    # An open pause begun before the deadline holds the clock.
    assert with_pause(base - hour, None) is None
    # The midnight between two days is no boundary: a pause across it is its length.
    assert with_pause(D(2026, 10, 5, 23, 0), D(2026, 10, 6, 1, 0)) == base + 2 * hour


def test_a_longer_pause_never_ends_sooner_across_a_weekend():
    # 18 days from Mon 28 Sep end Fri 16 Oct. Two days paused end on Sunday, a rest day:
    # Monday 19 Oct, to its end (Art. 203). An hour more lands on that Monday itself and
    # still ends with it, not at 00:59; a third day lands on Tuesday and counts as time.
    def paused(length: dt.timedelta) -> dt.datetime | None:
        begin = D(2026, 10, 12, 10, 0)
        return deadlines.days_deadline(T0, 18, CAL, pauses=[(begin, begin + length)])

    assert deadlines.days_deadline(T0, 18, CAL) == eod(2026, 10, 16)
    assert paused(dt.timedelta(days=2)) == eod(2026, 10, 19)
    assert paused(dt.timedelta(days=2, hours=1)) == eod(2026, 10, 19)
    assert paused(dt.timedelta(days=3, hours=1)) == D(2026, 10, 20, 0, 59, 59)


def test_open_pause_suspends_the_clock_and_a_later_pause_changes_nothing():
    assert deadlines.days_deadline(T0, 15, CAL, pauses=[(D(2026, 10, 2), None)]) is None
    after = [(D(2026, 10, 20), D(2026, 10, 25))]
    assert deadlines.days_deadline(T0, 15, CAL, pauses=after) == eod(2026, 10, 13)
    before = [(D(2026, 9, 1), D(2026, 9, 27))]
    assert deadlines.days_deadline(T0, 15, CAL, pauses=before) == eod(2026, 10, 13)


def test_hours_deadline_with_pauses():
    assert deadlines.hours_deadline(T0, 2) == at(2)
    assert deadlines.hours_deadline(T0, 2, [(at(1), at(1.5))]) == at(2.5)
    assert deadlines.hours_deadline(T0, 2, [(at(-1), at(0.5))]) == at(2.5)
    assert deadlines.hours_deadline(T0, 2, [(at(3), at(5))]) == at(2)
    assert deadlines.hours_deadline(T0, 2, [(at(1), None)]) is None
    overlapping = [(at(1), at(1.5)), (at(1.25), at(2))]
    assert deadlines.hours_deadline(T0, 2, overlapping) == at(3)


def test_merge_pauses():
    merged = deadlines.merge_pauses([(at(3), at(4)), (at(1), at(2)), (at(1.5), at(3.5))])
    assert merged == [(at(1), at(4))]
    assert deadlines.merge_pauses([(at(1), None), (at(2), at(3))]) == [(at(1), None)]
    assert deadlines.merge_pauses([(at(1), at(2))], start=at(3)) == []


# --- properties (hypothesis) ------------------------------------------------------------------

starts = st.datetimes(min_value=D(2005, 1, 1), max_value=D(2025, 6, 30)).map(
    lambda d: d.replace(microsecond=0)
)
pause = st.tuples(
    st.integers(min_value=-48, max_value=24 * 90),
    st.integers(min_value=1, max_value=24 * 20),
)


def _pauses(start: dt.datetime, raw: list[tuple[int, int]]) -> list[deadlines.Interval]:
    return [(start + dt.timedelta(hours=a), start + dt.timedelta(hours=a + b)) for a, b in raw]


def _later_or_equal(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """a >= b, where None (suspended) is later than any time."""
    if a is None:
        return True
    if b is None:
        return False
    return a >= b


@settings(max_examples=150, deadline=None)
@given(start=starts, days=st.integers(min_value=1, max_value=60), raw=st.lists(pause, max_size=3))
def test_working_day_deadline_never_lands_on_a_non_working_day(start, days, raw):
    got = deadlines.days_deadline(start, days, CAL, working_days=True, pauses=_pauses(start, raw))
    assert got is not None
    assert chinese_calendar.is_workday(got.date())
    assert got.date() > start.date()
    if not raw:
        assert got.time() == EOD
        assert CAL.working_days_between(start.date(), got.date()) == days


@settings(max_examples=150, deadline=None)
@given(start=starts, days=st.integers(min_value=1, max_value=60))
def test_rolled_calendar_deadline_lands_on_a_working_day(start, days):
    got = deadlines.days_deadline(start, days, CAL, roll=True)
    assert chinese_calendar.is_workday(got.date())
    plain = deadlines.days_deadline(start, days, CAL, roll=False)
    assert plain.date() == start.date() + dt.timedelta(days=days)
    assert got >= plain


@settings(max_examples=200, deadline=None)
@given(
    start=starts,
    days=st.integers(min_value=1, max_value=60),
    working=st.booleans(),
    roll=st.booleans(),
    base=st.lists(pause, max_size=3),
    extra=pause,
    open_extra=st.booleans(),
)
def test_pauses_never_shorten_a_day_clock(start, days, working, roll, base, extra, open_extra):
    pauses = _pauses(start, base)
    without = deadlines.days_deadline(
        start, days, CAL, working_days=working, roll=roll, pauses=pauses
    )
    added = _pauses(start, [extra])[0]
    if open_extra:
        added = (added[0], None)
    with_more = deadlines.days_deadline(
        start, days, CAL, working_days=working, roll=roll, pauses=[*pauses, added]
    )
    assert _later_or_equal(with_more, without)
    no_pauses = deadlines.days_deadline(start, days, CAL, working_days=working, roll=roll)
    assert _later_or_equal(without, no_pauses)


@settings(max_examples=200, deadline=None)
@given(
    start=starts,
    hours=st.floats(min_value=0.25, max_value=72),
    base=st.lists(pause, max_size=3),
    extra=pause,
)
def test_pauses_never_shorten_an_hour_clock(start, hours, base, extra):
    pauses = _pauses(start, base)
    without = deadlines.hours_deadline(start, hours, pauses)
    with_more = deadlines.hours_deadline(start, hours, [*pauses, *_pauses(start, [extra])])
    assert _later_or_equal(with_more, without)
    assert _later_or_equal(without, deadlines.hours_deadline(start, hours))


def _rolled(moment: dt.datetime) -> dt.datetime:
    """Civil Code Art. 203: a deadline on a rest day ends on the next working day."""
    if chinese_calendar.is_workday(moment.date()):
        return moment
    return dt.datetime.combine(CAL.next_working_day(moment.date()), EOD)


@settings(max_examples=200, deadline=None)
@given(
    start=starts,
    days=st.integers(min_value=15, max_value=60),
    offset_hours=st.integers(min_value=0, max_value=24 * 14),
    pause_days=st.integers(min_value=1, max_value=30),
    roll=st.booleans(),
)
def test_a_pause_of_d_days_shifts_the_deadline_by_d_days(
    start, days, offset_hours, pause_days, roll
):
    without = deadlines.days_deadline(start, days, CAL, roll=roll)
    begin = start + dt.timedelta(hours=offset_hours)
    pause = [(begin, begin + dt.timedelta(days=pause_days))]
    got = deadlines.days_deadline(start, days, CAL, roll=roll, pauses=pause)
    shifted = without + dt.timedelta(days=pause_days)
    assert got == (_rolled(shifted) if roll else shifted)
    assert got >= shifted


@settings(max_examples=200, deadline=None)
@given(
    start=starts,
    days=st.integers(min_value=15, max_value=60),
    offset_hours=st.integers(min_value=0, max_value=24 * 14),
    pause_hours=st.integers(min_value=1, max_value=23),
    roll=st.booleans(),
)
def test_a_pause_of_h_hours_shifts_the_deadline_by_h_hours(
    start, days, offset_hours, pause_hours, roll
):
    without = deadlines.days_deadline(start, days, CAL, roll=roll)
    begin = start + dt.timedelta(hours=offset_hours)
    pause = [(begin, begin + dt.timedelta(hours=pause_hours))]
    got = deadlines.days_deadline(start, days, CAL, roll=roll, pauses=pause)
    shifted = without + dt.timedelta(hours=pause_hours)
    assert got == (_rolled(shifted) if roll else shifted)
    if not roll or chinese_calendar.is_workday(shifted.date()):
        assert got - without == dt.timedelta(hours=pause_hours)


@settings(max_examples=100, deadline=None)
@given(start=starts, days=st.integers(min_value=1, max_value=59), working=st.booleans())
def test_a_longer_limit_never_ends_sooner(start, days, working):
    shorter = deadlines.days_deadline(start, days, CAL, working_days=working)
    longer = deadlines.days_deadline(start, days + 1, CAL, working_days=working)
    assert longer >= shorter


# --- the clocks of a case ---------------------------------------------------------------------


def clocks_of(case: Case, when: dt.datetime) -> dict[str, deadlines.Clock]:
    return {c.name: c for c in deadlines.case_clocks(case, when)}


def test_clocks_of_a_fresh_case(world: World):
    case = world.case()
    clocks = clocks_of(case, at(1))
    assert set(clocks) == {"agreed_reply", "decision"}
    reply = clocks["agreed_reply"]
    assert reply.deadline == at(48) and reply.state == deadlines.STATE_RUNNING
    assert reply.share_used == pytest.approx(1 / 48)
    assert reply.warn_at == T0 + dt.timedelta(hours=48 * 0.8)
    decision = clocks["decision"]
    assert decision.deadline == eod(2026, 10, 13) and decision.limit == 15
    assert "Art. 18" in decision.source
    assert clocks_of(case, at(49))["agreed_reply"].state == deadlines.STATE_MISSED
    assert not reply.near_breach(at(1)) and reply.near_breach(at(40))


def test_due_at_is_the_earliest_running_deadline_and_follows_every_change(world: World):
    w = world
    case = w.case()
    workflow.transfer(case, w.teller, w.teller2, at=at(1))
    assert case.due_at == at(48) and case.warn_at == T0 + dt.timedelta(hours=38.4)
    workflow.confirm_contact(case, w.teller, contact_at=at(2), method="phone", at=at(2))
    workflow.reply(
        case, w.teller2, content="答复", method="phone", customer_satisfied=False, at=at(50)
    )
    clocks = clocks_of(case, at(50))
    assert clocks["agreed_reply"].state == deadlines.STATE_MISSED
    assert not clocks["agreed_reply"].live
    # the unsatisfied reply leaves the decision clock running: it is now the due date
    assert clocks["decision"].live
    assert Case.get_by_id(case.id).due_at == eod(2026, 10, 13)


def test_satisfied_reply_stops_the_decision_clock(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=True, at=at(20)
    )
    clocks = clocks_of(case, at(30))
    assert clocks["agreed_reply"].state == deadlines.STATE_MET
    assert clocks["decision"].state == deadlines.STATE_MET
    assert clocks["decision"].stopped_at == at(20)
    assert case.due_at is None and case.warn_at is None


def test_first_contact_and_proposal_clocks_for_complaints_not_made_in_person(world: World):
    w = world
    in_person = w.case()
    assert "first_contact" not in clocks_of(in_person, at(1))
    letter = w.case(route="outlet_letter", channel="other")
    clocks = clocks_of(letter, at(1))
    assert clocks["first_contact"].deadline == at(2)
    assert clocks["proposal"].deadline == at(24)
    # Registration computes every clock at once: first contact (2 h) is the earliest.
    assert letter.due_at == at(2)
    workflow.record_first_contact(letter, w.teller, contact_at=at(1.5), method="phone")
    assert letter.first_contact_at == at(1.5)
    clocks = clocks_of(letter, at(3))
    assert clocks["first_contact"].state == deadlines.STATE_MET
    assert letter.due_at == at(24)  # the proposal is now the earliest
    workflow.record_proposal(letter, w.teller, content="建议更换存单", at=at(25))
    clocks = clocks_of(letter, at(26))
    assert clocks["proposal"].state == deadlines.STATE_MISSED
    assert letter.due_at == at(48)


def test_first_contact_later_records_do_not_move_it(world: World):
    w = world
    case = w.case(route="above_95580", channel="e_phone_banking")
    workflow.record_first_contact(case, w.teller, contact_at=at(1), method="phone")
    workflow.record_first_contact(case, w.teller, contact_at=at(3), method="sms")
    assert Case.get_by_id(case.id).first_contact_at == at(1)


def test_pause_extends_the_decision_clock_of_a_case(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=False, at=at(20)
    )
    workflow.report(case, w.teller, w.head, at=at(21))
    refused(
        lambda: decisions.start_pause(
            case, w.teller, kind="mediation", started_at=D(2026, 10, 12, 9), reason="调解"
        ),
        "head_only",
    )
    decisions.start_pause(
        case, w.head, kind="mediation", started_at=D(2026, 10, 12, 9), reason="提交调解组织"
    )
    clock = clocks_of(case, D(2026, 10, 13, 9))["decision"]
    assert clock.state == deadlines.STATE_PAUSED and clock.deadline is None
    assert case.due_at is None
    refused(
        lambda: decisions.start_pause(
            case, w.head, kind="appraisal", started_at=D(2026, 10, 12, 10), reason="鉴定"
        ),
        "pause_open",
    )
    refused(lambda: decisions.end_pause(case, w.head, ended_at=D(2026, 10, 12, 8)), "not_after")
    decisions.end_pause(case, w.head, ended_at=D(2026, 10, 14, 17))
    refused(lambda: decisions.end_pause(case, w.head, ended_at=D(2026, 10, 15)), "pause_not_open")
    clock = clocks_of(case, D(2026, 10, 15))["decision"]
    # 13 Oct 23:59:59 plus the 2 days 8 hours paused
    assert clock.deadline == D(2026, 10, 16, 7, 59, 59)
    assert clock.paused_seconds == int(dt.timedelta(days=2, hours=8).total_seconds())
    assert Case.get_by_id(case.id).due_at == D(2026, 10, 16, 7, 59, 59)


def _reported(w: World) -> Case:
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=False, at=at(20)
    )
    workflow.report(case, w.teller, w.head, at=at(21))
    return case


def _pause(w: World, case: Case, begin: dt.datetime, end: dt.datetime) -> None:
    decisions.start_pause(case, w.head, kind="appraisal", started_at=begin, reason="外部鉴定")
    decisions.end_pause(case, w.head, ended_at=end)


def test_five_days_paused_from_ten_to_ten_add_five_days_to_the_extended_decision(world: World):
    """CBIRC Art. 18 excludes the appraisal's time: 10:00 to 10:00 five days later is five
    days, not the six calendar days it touches; an hour is an hour, not a day."""
    w = world
    case = _reported(w)
    decisions.extend_decision_clock(
        case,
        w.head,
        reason="需调取监控，情况复杂",
        notice_method="sms",
        notice_at=at(23),
        notice_proof="短信回执 0925-001",
        at=at(22),
    )
    assert clocks_of(case, at(24))["decision"].deadline == eod(2026, 10, 28)  # Wed
    _pause(w, case, D(2026, 10, 12, 10, 0), D(2026, 10, 17, 10, 0))
    # 28 Oct + 5 days = Mon 2 Nov, a working day
    assert clocks_of(case, D(2026, 10, 18))["decision"].deadline == eod(2026, 11, 2)
    assert Case.get_by_id(case.id).due_at == eod(2026, 11, 2)
    _pause(w, case, D(2026, 10, 19, 10, 0), D(2026, 10, 19, 11, 0))
    decision = clocks_of(case, D(2026, 10, 20))["decision"]
    assert decision.deadline == D(2026, 11, 3, 0, 59, 59)
    assert decision.paused_seconds == 5 * 86400 + 3600


def test_the_review_clock_takes_the_pause_as_time_too(world: World):
    w = world
    case = _reported(w)
    decisions.record_decision(
        case,
        w.head,
        findings="经调取监控，柜员操作无误",
        basis="依据《个人存款业务管理办法》第十条",
        remedies=list(codes.REMEDIES),
        at=at(30),
    )
    decisions.request_review(case, w.teller, requested_at=at(40), content="客户申请核查")
    # 30 days after Wed 30 Sep: Fri 30 Oct
    review = clocks_of(case, at(41))["review"]
    assert review.deadline == eod(2026, 10, 30)
    _pause(w, case, D(2026, 10, 12, 10, 0), D(2026, 10, 17, 10, 0))
    # + 5 days: Wed 4 Nov
    assert clocks_of(case, D(2026, 10, 18))["review"].deadline == eod(2026, 11, 4)
    assert Case.get_by_id(case.id).due_at == eod(2026, 11, 4)


def test_extensions_of_the_decision_clock(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=False, at=at(20)
    )
    workflow.report(case, w.teller, w.head, at=at(21))

    def extend(actor=None, **changes):
        args = dict(
            reason="需调取监控，情况复杂",
            notice_method="sms",
            notice_at=at(23),
            notice_proof="短信回执 0925-001",
            at=at(22),
        )
        args.update(changes)
        return decisions.extend_decision_clock(case, actor or w.head, **args)

    def further(actor=None, **changes):
        args = dict(
            reason="涉及跨行核查",
            approved_by="城南区分公司 张主任",
            approved_at=D(2026, 10, 20, 10),
            notice_method="letter_posted",
            notice_at=D(2026, 10, 20, 15),
            notice_proof="挂号信 XA123",
            at=D(2026, 10, 20, 16),
        )
        args.update(changes)
        return decisions.extend_decision_clock_further(case, actor or w.head, **args)

    refused(lambda: further(), "extension_step")
    refused(lambda: extend(actor=w.teller), "head_only")
    refused(lambda: extend(reason=""), "text_required")
    refused(lambda: extend(notice_proof=""), "text_required")
    refused(lambda: extend(notice_method="carrier_pigeon"), "unknown_code")
    extend()
    clock = clocks_of(case, at(24))["decision"]
    assert clock.limit == 30 and clock.deadline == eod(2026, 10, 28)
    assert Case.get_by_id(case.id).due_at == eod(2026, 10, 28)
    refused(lambda: extend(), "extension_step")
    refused(lambda: further(approved_by=" "), "text_required")
    refused(lambda: further(approved_at=D(2026, 10, 21)), "not_after")
    further()
    clock = clocks_of(case, D(2026, 10, 21))["decision"]
    # 60 days after 28 Sep is Fri 27 Nov
    assert clock.limit == 60 and clock.deadline == eod(2026, 11, 27)
    assert clock.detail == {"extension_steps": [1, 2]}
    assert [n.kind for n in decisions.notices(case)] == ["extension", "further_extension"]


def test_extension_refused_once_the_period_has_ended(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=False, at=at(20)
    )
    workflow.report(case, w.teller, w.head, at=at(21))
    late = D(2026, 10, 14, 9)
    refused(
        lambda: decisions.extend_decision_clock(
            case,
            w.head,
            reason="复杂",
            notice_method="phone",
            notice_at=late,
            notice_proof="通话记录",
            at=late,
        ),
        "clock_already_missed",
    )


def test_overdue_due_today_and_near_breach_queries(world: World):
    w = world
    a = w.case(agreed_reply_at=at(10))  # due T0+10h, warns at T0+8h
    b = w.case(agreed_reply_at=at(30))
    c = w.case(agreed_reply_at=at(100))
    for case in (a, b, c):
        deadlines.refresh_case_deadlines(case)
    when = at(9)  # 28 Sep 19:00
    assert [x.id for x in deadlines.cases_near_breach(when)] == [a.id]
    assert [x.id for x in deadlines.cases_due_today(when)] == [a.id]
    assert list(deadlines.cases_overdue(when)) == []
    when = at(11)
    assert [x.id for x in deadlines.cases_overdue(when)] == [a.id]
    assert list(deadlines.cases_near_breach(when)) == []
    assert [x.id for x in deadlines.cases_due_today_or_overdue(at(26))] == [a.id, b.id]
    assert [x.id for x in deadlines.cases_near_breach(at(26))] == [b.id]


def test_cases_due_today_agree_with_the_status_bar(world: World):
    """Same cases, same clock: the Today list and the status bar count the same."""
    w = world
    passed = w.case(agreed_reply_at=at(10))  # due 20:00 on T0's day
    later = w.case(agreed_reply_at=at(13))  # due 23:00 on T0's day
    tomorrow = w.case(agreed_reply_at=at(30))
    for case in (passed, later, tomorrow):
        deadlines.refresh_case_deadlines(case)
    when = at(11)  # 21:00: one deadline passed earlier today, one still to come
    counts = queries.status_counts(at=when)
    due_today = [x.id for x in deadlines.cases_due_today(when)]
    overdue = [x.id for x in deadlines.cases_overdue(when)]
    assert (len(due_today), len(overdue)) == (counts.due_today, counts.overdue)
    # The one that passed earlier today is overdue, not due today.
    assert (due_today, overdue) == ([later.id], [passed.id])


@pytest.mark.parametrize(
    "query",
    [
        deadlines.cases_near_breach,
        deadlines.cases_overdue,
        deadlines.cases_due_today,
        deadlines.cases_due_today_or_overdue,
    ],
)
def test_deadline_queries_search_an_index(world: World, query):
    from db.store.models import database

    sql, params = query(at(1)).sql()
    plan = [row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params)]
    assert any(line.startswith("SEARCH") and "INDEX" in line for line in plan), plan
    assert not any(line.startswith("SCAN t1") and "INDEX" not in line for line in plan), plan


def test_rule_change_recomputes_open_cases(world: World):
    w = world
    case = w.case(agreed_reply_at=at(24 * 40))
    deadlines.refresh_case_deadlines(case)
    assert Case.get_by_id(case.id).due_at == eod(2026, 10, 13)
    rules.set_rule("decision_days", 10, actor=w.head)
    # 10 days after 28 Sep is 8 Oct, a working day
    assert Case.get_by_id(case.id).due_at == eod(2026, 10, 8)
    rules.set_rule("breach_warning_share", 0.5, actor=w.head)
    fresh = Case.get_by_id(case.id)
    assert fresh.warn_at == deadlines.warn_instant(T0, eod(2026, 10, 8), 0.5)


def test_default_reply_by_is_the_internal_limit_not_the_regulators_seven_days():
    # 5 working days (this program's default) from Mon 28 Sep: 29, 30 Sep, (1-7 Oct off),
    # 8, 9, 10 (Saturday, worked) Oct. CBIRC Art. 33's 7 working days would give 13 Oct.
    got = deadlines.default_reply_by(T0, calendar=CAL, settings=rules_default())
    assert got.deadline == eod(2026, 10, 10) and got.uncovered_years == ()
    assert "regulator_forward_working_days" not in rules.RULES


def test_default_reply_by_is_never_later_than_the_decision_deadline():
    settings = {**rules_default(), "workorder_reply_working_days": 20}
    # 20 working days would run to 3 Nov; the 15-day decision deadline is Tue 13 Oct.
    got = deadlines.default_reply_by(T0, calendar=CAL, settings=settings)
    assert got.deadline == eod(2026, 10, 13)
    assert deadlines.days_deadline(T0, 20, CAL, working_days=True) > got.deadline


def rules_default() -> dict:
    return {k: r.default for k, r in rules.RULES.items()}


def test_workorder_and_callback_clocks(world: World):
    from db.handling import callbacks

    w = world
    case = w.case()
    wo = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="95580",
            number="W1",
            received_at=at(0.5),
            reply_by=at(5),
            customer_name="李秀英",
            content="投诉排队",
        ),
        w.lobby,
        case=case,
    )
    clocks = clocks_of(case, at(1))
    assert clocks["workorder_reply"].deadline == at(5) and clocks["workorder_reply"].ref == wo.id
    assert Case.get_by_id(case.id).due_at == at(5)
    workorders.record_workorder_reply(wo, w.lobby, content="已回复", at=at(4))
    assert clocks_of(case, at(6))["workorder_reply"].state == deadlines.STATE_MET
    cb = callbacks.plan_callback(w.head, due_at=at(8), assigned_to=w.lobby, case=case, at=at(6))
    assert Case.get_by_id(case.id).due_at == at(8)
    assert clocks_of(case, at(9))["callback"].state == deadlines.STATE_MISSED
    assert deadlines.callback_clock(cb, at(7)).state == deadlines.STATE_RUNNING


def test_an_open_pause_on_the_rolled_to_day_holds_the_clock():
    """Found by hypothesis: rolling past a weekend onto a day where an open pause has
    begun must suspend the clock, not end it that day."""
    start = dt.datetime(2016, 8, 1, 12, 0)
    closed = (start + dt.timedelta(hours=324), start + dt.timedelta(hours=325))
    opened = (closed[0], None)
    without = deadlines.days_deadline(start, 12, CAL, roll=True, pauses=[closed])
    # 12 days end Sat 13 Aug, rolled to Mon 15 Aug; the hour paused that Monday adds an hour.
    assert without == dt.datetime(2016, 8, 16, 0, 59, 59)
    assert deadlines.days_deadline(start, 12, CAL, roll=True, pauses=[closed, opened]) is None
