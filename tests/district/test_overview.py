"""The outlets side by side and the silent outlets (db/district/overview.py), on the real
PostgreSQL server, from bundles imported as an officer imports them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db.district import overview
from db.district.models import EnrolledOutlet
from db.errors import WorkflowError
from db.store import codes
from tests.district.helpers import add_district
from tests.district.overview_data import (
    AT,
    AT_UTC,
    EXPECTED_Q1,
    IMPORTED,
    build_district,
    set_target,
)


@pytest.fixture
def district(district_db, tmp_path):
    build_district(tmp_path)
    return district_db


def _plain(row: overview.OutletFigures) -> dict:
    values = dataclasses.asdict(row)
    return {key: values[key] for key in EXPECTED_Q1["BJ0101"]}


def test_each_outlet_has_its_figures_of_the_quarter(district):
    rows = overview.outlet_figures("2026-Q1", at=AT)
    assert [r.outlet_code for r in rows] == ["BJ0101", "BJ0102", "BJ0103"]
    assert {r.outlet_code: _plain(r) for r in rows} == EXPECTED_Q1
    by_code = {r.outlet_code: r for r in rows}
    assert by_code["BJ0101"].last_bundle_at == IMPORTED["BJ0101"]
    assert by_code["BJ0101"].last_bundle_seq == 1
    assert by_code["BJ0103"].last_bundle_at is None
    assert by_code["BJ0101"].outlet_name == "BJ0101网点"


def test_a_month_and_a_year_count_their_own_span(district):
    april = {r.outlet_code: r for r in overview.outlet_figures("2026-04", at=AT)}
    assert april["BJ0101"].complaints == 1  # received 2 April
    assert april["BJ0102"].complaints == 0
    year = {r.outlet_code: r for r in overview.outlet_figures("2026", at=AT)}
    assert (year["BJ0101"].complaints, year["BJ0102"].complaints) == (4, 1)
    january = {r.outlet_code: r for r in overview.outlet_figures("2026-01", at=AT)}
    assert january["BJ0102"].satisfaction == 100.0
    assert january["BJ0101"].satisfaction is None


def test_overdue_follows_the_clock_given(district):
    before = {
        r.outlet_code: r for r in overview.outlet_figures("2026-Q1", at=dt.datetime(2026, 3, 16))
    }
    assert before["BJ0101"].overdue == 0  # due 17 March
    assert before["BJ0101"].wo_overdue == 1  # reply-by 12 March passed, no reply


def test_sorted_in_sql_by_any_figure_ties_by_code(district):
    rows = overview.outlet_figures("2026-Q1", at=AT, sort="complaints", descending=True)
    assert [r.outlet_code for r in rows] == ["BJ0101", "BJ0102", "BJ0103"]
    rows = overview.outlet_figures("2026-Q1", at=AT, sort="satisfaction", descending=True)
    assert [r.outlet_code for r in rows] == ["BJ0102", "BJ0101", "BJ0103"]  # none last
    rows = overview.outlet_figures("2026-Q1", at=AT, sort="satisfaction")
    assert [r.outlet_code for r in rows] == ["BJ0101", "BJ0102", "BJ0103"]  # none still last
    rows = overview.outlet_figures("2026-Q1", at=AT, sort="overdue", descending=True)
    assert [r.outlet_code for r in rows] == ["BJ0101", "BJ0102", "BJ0103"]
    rows = overview.outlet_figures("2026-Q1", at=AT, sort="last_bundle_at")
    assert [r.outlet_code for r in rows] == ["BJ0102", "BJ0101", "BJ0103"]


def test_paged(district):
    first = overview.outlet_figures("2026-Q1", at=AT, limit=2)
    rest = overview.outlet_figures("2026-Q1", at=AT, limit=2, offset=2)
    assert [r.outlet_code for r in first + rest] == ["BJ0101", "BJ0102", "BJ0103"]
    assert overview.outlet_count() == 3


def test_an_unknown_sort_key_is_refused_not_put_into_the_sql(district):
    with pytest.raises(WorkflowError) as refused:
        overview.outlet_figures("2026-Q1", at=AT, sort="complaints; DROP TABLE outlet")
    assert refused.value.code == "unknown_code"
    assert overview.outlet_count() == 3


@pytest.mark.parametrize("period", ["2026-13", "2026-Q5", "1999", "2100", "Q1", "", "2026-00"])
def test_a_period_out_of_range_is_refused(district, period):
    with pytest.raises(WorkflowError) as refused:
        overview.outlet_figures(period, at=AT)
    assert refused.value.code == "bad_period"


def test_one_outlet_and_an_unknown_one(district):
    (only,) = overview.outlet_figures("2026-Q1", at=AT, outlet_code="BJ0102")
    assert only.outlet_code == "BJ0102"
    with pytest.raises(WorkflowError) as refused:
        overview.outlet_figures("2026-Q1", at=AT, outlet_code="XX9999")
    assert refused.value.code == "district_outlet_unknown"
    assert "XX9999" in refused.value.message


def test_an_outlet_no_longer_active_is_left_out(district):
    EnrolledOutlet.update(active=False).where(EnrolledOutlet.code == "BJ0102").execute()
    rows = overview.outlet_figures("2026-Q1", at=AT)
    assert [r.outlet_code for r in rows] == ["BJ0101", "BJ0103"]
    with pytest.raises(WorkflowError):
        overview.outlet_figures("2026-Q1", at=AT, outlet_code="BJ0102")


def test_targets_the_district_holds_are_set_against_the_actuals(district):
    assert not overview.has_targets("2026-Q1")
    set_target("BJ0101", "2026-Q1", codes.METRIC_COMPLAINTS, 2)
    set_target("BJ0101", "2026-Q1", codes.METRIC_CALLBACK_SATISFACTION, 80)
    set_target("BJ0101", "2026-Q1", codes.METRIC_URGENT, 5)
    set_target("BJ0101", "2026-Q2", codes.METRIC_COMPLAINTS, 0)  # another period
    assert overview.has_targets("2026-Q1")
    rows = {r.outlet_code: r for r in overview.outlet_figures("2026-Q1", at=AT)}
    checks = {t.metric: (t.target, t.actual, t.mark) for t in rows["BJ0101"].targets}
    assert checks == {
        codes.METRIC_COMPLAINTS: (2.0, 3, codes.MARK_MISSED),
        codes.METRIC_URGENT: (5.0, 1, codes.MARK_ON_TRACK),
        codes.METRIC_CALLBACK_SATISFACTION: (80.0, 50.0, codes.MARK_AT_RISK),
    }
    assert rows["BJ0101"].targets_missed == 1
    assert rows["BJ0102"].targets == ()
    # Once the quarter is over, a rate below its target is missed.
    after = {
        r.outlet_code: r for r in overview.outlet_figures("2026-Q1", at=dt.datetime(2026, 4, 2))
    }
    marks = {t.metric: t.mark for t in after["BJ0101"].targets}
    assert marks[codes.METRIC_CALLBACK_SATISFACTION] == codes.MARK_MISSED


def test_an_empty_district_has_no_rows(district_db):
    add_district()
    assert overview.outlet_figures("2026-Q1", at=AT) == []
    assert overview.outlet_count() == 0
    assert overview.silent_outlets(14, AT_UTC) == []


# --- silent outlets --------------------------------------------------------------------------


def test_silent_outlets_never_sent_first_then_the_oldest(district):
    silent = overview.silent_outlets(14, AT_UTC)
    assert [s.outlet_code for s in silent] == ["BJ0103", "BJ0102"]
    assert silent[0].last_bundle_at is None
    assert silent[1].last_bundle_at == IMPORTED["BJ0102"]
    assert silent[1].days_silent(AT_UTC) == 46  # 1 Feb 08:00 to 20 Mar 04:00


def test_silent_counts_whole_days_at_the_edge(district):
    # BJ0101 sent on 18 March 08:00 UTC: silent for 2 days only from 20 March 08:00.
    edge = IMPORTED["BJ0101"] + dt.timedelta(days=2)
    assert "BJ0101" not in [s.outlet_code for s in overview.silent_outlets(2, edge)]
    later = edge + dt.timedelta(seconds=1)
    assert "BJ0101" in [s.outlet_code for s in overview.silent_outlets(2, later)]
    assert [s.outlet_code for s in overview.silent_outlets(60, AT_UTC)] == ["BJ0103"]


def test_a_time_without_zone_is_utc(district):
    naive = AT_UTC.replace(tzinfo=None)
    assert overview.silent_outlets(14, naive) == overview.silent_outlets(14, AT_UTC)


@pytest.mark.parametrize("days", [0, -3, 3651, 1.5, "7", True, None])
def test_a_bad_number_of_days_is_refused(district, days):
    with pytest.raises(WorkflowError) as refused:
        overview.silent_outlets(days, AT_UTC)
    assert refused.value.code == "district_bad_days"
