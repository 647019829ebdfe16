"""The district sets its outlets' targets (db/district/targets.py), on the real PostgreSQL
server: a whole grid in one transaction, refused whole naming the cell, cleared by a blank,
audited, and read back against the actuals by the outlets side by side."""

from __future__ import annotations

import pytest

from db.district import audit, overview
from db.district import targets as dtg
from db.district.models import EnrolledOutlet
from db.district.targets import ALL_OUTLETS, DistrictTargetCell, TargetsRefused
from db.errors import WorkflowError
from db.store import codes
from tests.district.overview_data import AT, AT_UTC, build_district

C = codes.METRIC_COMPLAINTS
SAT = codes.METRIC_CALLBACK_SATISFACTION
URGENT = codes.METRIC_URGENT


@pytest.fixture
def district(district_db, tmp_path):
    build_district(tmp_path)
    return district_db


def cell(outlet, metric, value, period="2026-Q1"):
    return DistrictTargetCell(outlet, period, metric, value)


def stored(period="2026-Q1"):
    return {(r.outlet_code, r.metric): r.value for r in dtg.targets_for(period)}


def marks(period="2026-Q1"):
    rows = overview.outlet_figures(period, at=AT)
    return {r.outlet_code: {t.metric: (t.target, t.mark) for t in r.targets} for r in rows}


def test_a_grid_is_stored_and_read_back_in_order(district):
    written = dtg.set_targets("赵敏", [
        cell("BJ0102", C, "4"), cell(ALL_OUTLETS, C, 10), cell("BJ0101", SAT, "85.5"),
        cell("BJ0101", C, " 2 "), cell(ALL_OUTLETS, URGENT, "3", period="2026"),
    ], at=AT_UTC)  # fmt: skip
    assert written == 5
    rows = dtg.targets_for("2026-Q1")
    assert [(r.outlet_code, r.metric, r.value) for r in rows] == [
        (None, C, 10.0), ("BJ0101", C, 2.0), ("BJ0101", SAT, 85.5), ("BJ0102", C, 4.0),
    ]  # fmt: skip
    assert {r.set_by for r in rows} == {"赵敏"}
    assert rows[1].outlet_name == "BJ0101网点"
    assert stored("2026") == {(None, URGENT): 3.0}
    assert dtg.targets_for("2026q1") == rows  # the period as the outlet writes it


def test_an_outlets_own_target_wins_over_the_one_for_all(district):
    dtg.set_targets("赵敏", [cell(ALL_OUTLETS, C, 2), cell("BJ0102", C, 0)])
    got = marks()
    # BJ0101: 3 complaints against the district-wide 2; BJ0102: 1 against its own 0;
    # BJ0103: none against 2.
    assert got["BJ0101"] == {C: (2.0, codes.MARK_MISSED)}
    assert got["BJ0102"] == {C: (0.0, codes.MARK_MISSED)}
    assert got["BJ0103"] == {C: (2.0, codes.MARK_ON_TRACK)}
    assert overview.has_targets("2026-Q1")
    assert not overview.has_targets("2026-Q2")


def test_a_blank_cell_clears_it_and_setting_again_replaces(district):
    dtg.set_targets("赵敏", [cell(ALL_OUTLETS, C, 2), cell("BJ0101", C, 5)])
    dtg.set_targets("钱主管", [cell(ALL_OUTLETS, C, ""), cell("BJ0101", C, "7")])
    assert stored() == {("BJ0101", C): 7.0}
    assert dtg.targets_for("2026-Q1")[0].set_by == "钱主管"
    dtg.set_targets("钱主管", [cell("BJ0101", C, None), cell("BJ0102", SAT, "  ")])
    assert stored() == {}
    assert not overview.has_targets("2026-Q1")


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (cell("BJ0101", "complaint", 3), "unknown_code"),
        (cell("BJ0101", C, "-1"), "value_range"),
        (cell("BJ0101", C, "2.5"), "value_decimals"),
        (cell("BJ0101", C, "1000001"), "value_range"),
        (cell("BJ0101", C, "三"), "not_a_number"),
        (cell("BJ0101", C, "nan"), "not_a_number"),
        (cell("BJ0101", SAT, "100.5"), "value_range"),
        (cell("BJ0101", SAT, "90.125"), "value_decimals"),
        (cell("BJ0101", C, 3, period="2026-Q5"), "bad_period"),
        (cell("BJ0101", C, 3, period="1999"), "bad_period"),
        (cell("BJ0101", C, 3, period="2026-13"), "bad_period"),
        (cell("BJ9999", C, 3), "district_outlet_unknown"),
        (cell("", C, 3), "district_outlet_unknown"),
        (cell("BJ0101'; DROP TABLE district_target; --", C, 3), "district_outlet_unknown"),
    ],
)
def test_a_bad_cell_refuses_the_whole_grid_naming_the_cell(district, bad, code):
    dtg.set_targets("赵敏", [cell("BJ0102", C, 9)])
    trail = len(audit_entries(district))
    good = [cell(ALL_OUTLETS, C, 2), cell("BJ0102", C, 1)]
    with pytest.raises(TargetsRefused) as refused:
        dtg.set_targets("赵敏", [*good, bad, cell("BJ0103", C, "")])
    assert list(refused.value.refused) == [2]
    assert refused.value.refused[2].code == code
    assert refused.value.code == code
    assert stored() == {("BJ0102", C): 9.0}  # nothing of the grid was written
    assert len(audit_entries(district)) == trail


def test_every_refused_cell_is_named_and_a_cell_given_twice_is_refused(district):
    with pytest.raises(TargetsRefused) as refused:
        dtg.set_targets("赵敏", [cell("BJ0101", C, "x"), cell(ALL_OUTLETS, C, 1),
                                 cell("BJ0101", SAT, 101), cell(ALL_OUTLETS, C, 2)])  # fmt: skip
    assert {i: e.code for i, e in refused.value.refused.items()} == {
        0: "not_a_number", 2: "value_range", 3: "district_target_twice"}  # fmt: skip
    assert "first in cell 2" in refused.value.refused[3].message
    assert stored() == {}


def test_an_outlet_no_longer_active_gets_no_target(district):
    EnrolledOutlet.update(active=False).where(EnrolledOutlet.code == "BJ0103").execute()
    with pytest.raises(TargetsRefused) as refused:
        dtg.set_targets("赵敏", [cell("BJ0103", C, 1)])
    assert refused.value.refused[0].code == "district_outlet_unknown"


def test_the_officer_is_required_and_named_in_the_audit_trail(district):
    with pytest.raises(WorkflowError) as refused:
        dtg.set_targets("  ", [cell(ALL_OUTLETS, C, 1)])
    assert refused.value.code == "text_required"
    dtg.set_targets("赵敏", [cell(ALL_OUTLETS, C, 1), cell("BJ0101", C, 2)])
    dtg.set_targets("钱主管", [cell(ALL_OUTLETS, C, "")])
    entries = [(t, op, actor) for t, op, actor in audit_entries(district)
               if t in ("district_target", "district_default_target")]  # fmt: skip
    assert entries == [
        ("district_default_target", "I", "赵敏"),
        ("district_target", "I", "赵敏"),
        ("district_default_target", "D", "钱主管"),
    ]
    assert audit.verify_trail(district) == []


def test_the_database_itself_refuses_what_the_rule_refuses(district):
    """Written around the rule, a negative value or a bad period still fails."""
    with pytest.raises(Exception, match="check"):
        with district.atomic():
            district.execute_sql(
                "INSERT INTO district_default_target (period, metric, value, set_by) "
                "VALUES ('2026-Q1', 'complaints', -1, 'x')"
            )
    with pytest.raises(Exception, match="check"):
        with district.atomic():
            district.execute_sql(
                "INSERT INTO district_default_target (period, metric, value, set_by) "
                "VALUES ('2026-Q9', 'complaints', 1, 'x')"
            )


def audit_entries(db) -> list[tuple[str, str, str]]:
    return db.execute_sql("SELECT table_name, op, actor FROM district_audit ORDER BY id").fetchall()
