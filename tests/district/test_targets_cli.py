"""``complaint-desk district targets set | list`` as an officer runs them
(desktop/cli/district_targets.py), against the real PostgreSQL server."""

from __future__ import annotations

import pytest

from db.district import database as district_db
from db.district.models import DistrictDefaultTarget, DistrictTarget
from tests.district.test_cli import run
from tests.district.test_workorder_cli import own_folders, url  # noqa: F401 - fixtures


def _stored(db_url: str) -> dict:
    district_db.open_district_database(db_url)
    try:
        own = {(t.outlet_code, t.period, t.metric): (t.value, t.set_by)
               for t in DistrictTarget.select()}  # fmt: skip
        own.update({(None, t.period, t.metric): (t.value, t.set_by)
                    for t in DistrictDefaultTarget.select()})  # fmt: skip
        return own
    finally:
        district_db.close_district_database()


def targets(db_url: str, *args: str) -> tuple[int, str, str]:
    return run(["district", "targets", *args, "--db", db_url])


def test_set_for_an_outlet_and_for_all_then_list_and_clear(url):  # noqa: F811 - the imported fixture
    code, stdout, stderr = targets(url, "set", "--period", "2026-q1", "--metric", "complaints",
                                   "--value", "3", "--outlet", "BJ0101", "--as", "赵敏")  # fmt: skip
    assert code == 0, stderr
    assert stdout.strip() == "complaints of 2026-Q1 for outlet BJ0101: target 3"
    code, stdout, stderr = targets(url, "set", "--period", "2026-Q1", "--metric",
                                   "callback_satisfaction", "--value", "92.5", "--as", "钱主管")  # fmt: skip
    assert code == 0, stderr
    assert stdout.strip() == "callback_satisfaction of 2026-Q1 for all outlets: target 92.5"
    assert _stored(url) == {("BJ0101", "2026-Q1", "complaints"): (3.0, "赵敏"),
                            (None, "2026-Q1", "callback_satisfaction"): (92.5, "钱主管")}  # fmt: skip

    code, stdout, stderr = targets(url, "list", "--period", "2026-Q1")
    assert code == 0, stderr
    lines = stdout.splitlines()
    assert lines[1].split()[:5] == ["all", "outlets", "callback_satisfaction", "92.5", "钱主管"]
    assert lines[2].split()[:4] == ["BJ0101", "BJ0101网点", "complaints", "3"]
    assert lines[-1] == "2 targets for 2026-Q1"

    code, stdout, stderr = targets(url, "set", "--period", "2026-Q1", "--metric", "complaints",
                                   "--clear", "--outlet", "BJ0101")  # fmt: skip
    assert code == 0, stderr
    assert "no target now" in stdout
    assert list(_stored(url)) == [(None, "2026-Q1", "callback_satisfaction")]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--metric", "complaints", "--value", "2.5"], "allows at most 0 decimal places"),
        (["--metric", "complaints", "--value", "-3"], "must be between 0 and 1000000"),
        (["--metric", "callback_satisfaction", "--value", "120"], "between 0 and 100"),
        (["--metric", "complaints", "--value", "many"], "must be a number"),
        (["--metric", "complaint", "--value", "3"], "'complaint' is not a known target metric"),
        (["--metric", "complaints", "--value", "3", "--outlet", "BJ9999"],
         "Outlet BJ9999 is not enrolled in this district"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_nothing_written(url, args, said):  # noqa: F811 - the imported fixture
    code, stdout, stderr = targets(url, "set", "--period", "2026-Q1", *args)
    assert code == 1
    assert "refused, nothing written" in stderr and said in stderr
    assert _stored(url) == {}


def test_a_bad_period_and_bad_usage(url):  # noqa: F811 - the imported fixture
    code, _stdout, stderr = targets(url, "set", "--period", "2026-Q5", "--metric", "complaints",
                                    "--value", "3")  # fmt: skip
    assert code == 1 and "'2026-Q5' is not a period" in stderr
    code, _stdout, stderr = targets(url, "list", "--period", "2026-13")
    assert code == 2 and "is not a period" in stderr
    with pytest.raises(SystemExit) as usage:  # --value and --clear together
        targets(url, "set", "--period", "2026", "--metric", "complaints", "--value", "3",
                "--clear")  # fmt: skip
    assert usage.value.code == 2
    code, _stdout, stderr = run(["district", "targets", "--db", url])
    assert code == 2 and "targets set | list" in stderr
    assert _stored(url) == {}
