"""The dashboard's figures (db/management/analysis.py), each checked against a fixture counted by hand,
with cases on the last and first second of quarters and years."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from db.management import analysis, targets
from db.management.analysis import CountRow, MonthPoint, ParetoRow, Share
from db.management.targets import Period
from tests.db.management_fixtures import World, put_case, world

__all__ = ["world"]

D = dt.datetime
H = dt.timedelta(hours=1)
AT = D(2026, 10, 10, 12, 0)


def lay_fixture(w: World) -> dict[str, object]:
    """Twelve complaints; eight of them (2-9) in 2026-Q3.

    ==  =====================  =======  =========================  ============  ==========
    #   received               owner    cause                      channel       reply
    ==  =====================  =======  =========================  ============  ==========
    1   2026-06-30 23:59:59    teller   onsite_long_wait           onsite        (Q2)
    2   2026-07-01 00:00:00    teller   onsite_long_wait           onsite        +48 h due, replied +24 h: met
    3   2026-07-15 10:00:00    teller2  onsite_attitude            onsite        settled on the spot
    4   2026-07-20 09:00:00    lobby    onsite_long_wait           e_mobile_app  +24 h due, replied +30 h: late
    5   2026-08-03 14:00:00    teller   fund_security              onsite        +72 h due, replied +72 h: met; escalated
    6   2026-08-10 11:00:00    teller   onsite_long_wait           self_service  +48 h due, no reply: overdue
    7   2026-08-31 23:59:59    teller2  onsite_attitude            onsite        settled on the spot
    8   2026-09-01 00:00:00    lobby    onsite_long_wait           e_mobile_app  +100 h due, replied +80 h: met
    9   2026-09-30 23:59:59    teller   rules_processes            onsite        +480 h due, no reply: running
    10  2026-10-01 00:00:00    teller2  onsite_long_wait           onsite        (Q4)
    11  2025-12-31 23:59:59    teller   onsite_attitude            onsite        (2025)
    12  2026-01-01 00:00:00    teller   onsite_attitude            onsite        (2026-Q1)
    ==  =====================  =======  =========================  ============  ==========
    """
    t, t2, lb = w.teller, w.teller2, w.lobby
    rows = [
        (D(2026, 6, 30, 23, 59, 59), t, "onsite_long_wait", "onsite", None, None, False, False),
        (D(2026, 7, 1), t, "onsite_long_wait", "onsite", 48, 24, False, False),
        (D(2026, 7, 15, 10), t2, "onsite_attitude", "onsite", None, None, True, False),
        (D(2026, 7, 20, 9), lb, "onsite_long_wait", "e_mobile_app", 24, 30, False, False),
        (D(2026, 8, 3, 14), t, "fund_security", "onsite", 72, 72, False, True),
        (D(2026, 8, 10, 11), t, "onsite_long_wait", "self_service", 48, None, False, False),
        (D(2026, 8, 31, 23, 59, 59), t2, "onsite_attitude", "onsite", None, None, True, False),
        (D(2026, 9, 1), lb, "onsite_long_wait", "e_mobile_app", 100, 80, False, False),
        (D(2026, 9, 30, 23, 59, 59), t, "rules_processes", "onsite", 480, None, False, False),
        (D(2026, 10, 1), t2, "onsite_long_wait", "onsite", None, None, False, False),
        (D(2025, 12, 31, 23, 59, 59), t, "onsite_attitude", "onsite", None, None, False, False),
        (D(2026, 1, 1), t, "onsite_attitude", "onsite", None, None, False, False),
    ]
    for received, owner, cause, channel, due, replied, settled, escalated in rows:
        put_case(
            w,
            received,
            owner=owner,
            cause=cause,
            channel=channel,
            settled=settled,
            agreed_reply_at=received + due * H if due is not None else None,
            replied_at=received + replied * H if replied is not None else None,
            escalated_at=received + 2 * H if escalated else None,
        )
    return {}


def test_monthly_trend_with_targets(world: World):
    w = world
    lay_fixture(w)
    targets.set_target("2026", "complaints", 120, w.head)
    targets.set_target("2026-Q3", "complaints", 24, w.head)
    targets.set_target("2026-09", "complaints", 5, w.head)
    m = Period.parse
    assert analysis.monthly_trend("2026-Q3") == [
        MonthPoint(m("2026-07"), 3, 8.0),  # 2, 3, 4
        MonthPoint(m("2026-08"), 3, 8.0),  # 5, 6, 7
        MonthPoint(m("2026-09"), 2, 5.0),  # 8, 9
    ]
    year = analysis.monthly_trend("2026")
    assert [p.count for p in year] == [1, 0, 0, 0, 0, 1, 3, 3, 2, 1, 0, 0]
    assert [p.target for p in year] == [10, 10, 10, 10, 10, 10, 8, 8, 5, 10, 10, 10]
    assert analysis.monthly_trend("2025-Q4") == [
        MonthPoint(m("2025-10"), 0, None),
        MonthPoint(m("2025-11"), 0, None),
        MonthPoint(m("2025-12"), 1, None),  # case 11, its last second
    ]


def test_cause_pareto(world: World):
    lay_fixture(world)
    assert analysis.cause_pareto("2026-Q3") == [
        ParetoRow("onsite_long_wait", 4, 0.5, 0.5),  # 2, 4, 6, 8
        ParetoRow("onsite_attitude", 2, 0.25, 0.75),  # 3, 7
        ParetoRow("fund_security", 1, 0.125, 0.875),  # 5 (ties in code order)
        ParetoRow("rules_processes", 1, 0.125, 1.0),  # 9
    ]
    assert analysis.cause_pareto("2026-Q4") == [ParetoRow("onsite_long_wait", 1, 1.0, 1.0)]
    assert analysis.cause_pareto("2027") == []


def test_by_channel(world: World):
    lay_fixture(world)
    assert analysis.by_channel("2026-Q3") == [
        CountRow("onsite", 5, 0.625),  # 2, 3, 5, 7, 9
        CountRow("e_mobile_app", 2, 0.25),  # 4, 8
        CountRow("self_service", 1, 0.125),  # 6
    ]


def test_by_staff(world: World):
    w = world
    lay_fixture(w)
    rows = analysis.by_staff("2026-Q3")
    assert [(r.staff_id, r.count, r.share) for r in rows] == [
        (w.teller.id, 4, 0.5),  # 2, 5, 6, 9
        (w.teller2.id, 2, 0.25),  # 3, 7 (刘洋 sorts before 李娜)
        (w.lobby.id, 2, 0.25),  # 4, 8
    ]
    assert [(r.staff_id, r.count) for r in analysis.by_staff("2026")] == [
        (w.teller.id, 6),  # 1, 2, 5, 6, 9, 12
        (w.teller2.id, 3),  # 3, 7, 10
        (w.lobby.id, 2),
    ]


def test_settled_and_escalated_shares(world: World):
    lay_fixture(world)
    assert analysis.settled_on_spot("2026-Q3") == Share(2, 8)  # 3, 7
    assert analysis.settled_on_spot("2026-Q3").share == 0.25
    assert analysis.escalated("2026-Q3") == Share(1, 8)  # 5
    assert analysis.escalated("2026-08").share == pytest.approx(1 / 3)
    assert analysis.escalated("2027").share is None


def test_reply_times_against_their_deadlines(world: World):
    lay_fixture(world)
    result = analysis.reply_times("2026-Q3", AT)
    # with a deadline: 2, 4, 5, 6, 8, 9
    assert (result.with_deadline, result.met, result.late, result.overdue, result.running) == (
        6,
        3,
        1,
        1,
        1,
    )
    assert result.share_met == 0.6  # 3 of the 5 whose time has come
    # replied after 24, 30, 72 and 80 hours
    assert result.median_reply_hours == 51.0
    # allowed 24, 48, 48, 72, 100, 480 hours
    assert result.median_allowed_hours == 60.0
    assert [(b.label, b.count) for b in result.buckets] == [
        ("within 1 day", 1),  # 24 h exactly
        ("1-3 days", 2),  # 30 h, 72 h exactly
        ("3-7 days", 1),  # 80 h
        ("7-15 days", 0),
        ("over 15 days", 0),
    ]


def test_reply_times_as_of_an_earlier_moment(world: World):
    lay_fixture(world)
    # On 2026-08-12 10:00 case 8 and 9 are not yet received (they count once received,
    # being in the period); replies after that moment do not count yet.
    early = analysis.reply_times("2026-08", D(2026, 8, 5, 0))
    # case 5: due 08-06 14:00, replied 08-06 14:00 (after the moment): running then
    # case 6: due 08-12 11:00: running
    assert (early.met, early.late, early.overdue, early.running) == (0, 0, 0, 2)
    assert early.share_met is None and early.median_reply_hours is None


def test_dashboard_bundles_everything_and_copes_with_no_data(world: World):
    lay_fixture(world)
    board = analysis.dashboard("2026-Q3", AT)
    assert board.total == 8 and len(board.trend) == 3 and board.causes[0].count == 4
    empty = analysis.dashboard("2027", AT)
    assert empty.total == 0 and [p.count for p in empty.trend] == [0] * 12
    assert empty.causes == [] and empty.channels == [] and empty.staff == []
    assert empty.settled_on_spot.share is None and empty.reply_times.share_met is None
    assert [b.count for b in empty.reply_times.buckets] == [0] * 5


def test_no_figure_scans_every_case_or_event(world: World, monkeypatch):
    """Each query of the dashboard and the targets reaches complaints and their events
    through an index (a range on received_at, or the case's own events), never by reading
    the whole table: what keeps them fast at a million cases."""
    from db.store.models import database

    lay_fixture(world)
    db = database.obj
    seen: list[tuple[str, object]] = []
    real = db.execute_sql

    def recording(sql, params=None, *args, **kwargs):
        seen.append((sql, params))
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", recording)
    analysis.dashboard("2026-Q3", AT)
    for metric in targets.METRICS:
        targets.actual("2026-Q3", metric, at=AT)
    monkeypatch.undo()
    selects = [(sql, params) for sql, params in seen if sql.lstrip().upper().startswith("SELECT")]
    assert len(selects) >= 10
    for sql, params in selects:
        big = {"complaint_case", "case_event"} | {
            alias for _t, alias in re.findall(r'"?(complaint_case|case_event)"? AS "?(\w+)"?', sql)
        }
        plan = database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        for row in plan:
            step = str(row[-1]).split()
            full_scan = step[0] == "SCAN" and "INDEX" not in step
            assert not (full_scan and step[1] in big), (row[-1], sql)
