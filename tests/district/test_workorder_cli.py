"""``complaint-desk district workorders import | assign | list`` as an officer runs them
(desktop/cli/district_workorders.py), against the real PostgreSQL server."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.district import database as district_db
from db.district.models import DistrictAudit, DistrictWorkOrder
from tests.district.helpers import add_district_with_key, enrol_with_key
from tests.district.test_cli import run
from tests.district.test_workorder_files import HEADER, ROWS, write_csv


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def url(district_url):
    district_db.open_district_database(district_url)
    add_district_with_key(Ed25519PrivateKey.generate())
    enrol_with_key("BJ0101", Ed25519PrivateKey.generate())
    enrol_with_key("BJ0102", Ed25519PrivateKey.generate())
    district_db.close_district_database()
    return district_url


def _stored(url: str) -> dict:
    district_db.open_district_database(url)
    try:
        return {(w.source, w.number): w.outlet_code for w in DistrictWorkOrder.select()}
    finally:
        district_db.close_district_database()


def test_import_assign_and_list(url, tmp_path):
    path = write_csv(tmp_path / "工单.csv", ROWS)
    code, stdout, stderr = run(["district", "workorders", "import", str(path), "--db", url,
                                "--as", "赵敏"])  # fmt: skip
    assert code == 0, stderr
    assert "4 work orders entered (3 assigned to their outlet, 1 not assigned yet)" in stdout
    code, stdout, _ = run(["district", "workorders", "import", str(path), "--db", url])
    assert code == 0 and "0 work orders entered" in stdout and "KF-001, JG-002" in stdout

    code, stdout, stderr = run(["district", "workorders", "assign", "上级机构", "SJ-003",
                                "--outlet", "BJ0102", "--db", url, "--as", "钱主管"])  # fmt: skip
    assert code == 0, stderr
    assert "superior_office SJ-003 goes to outlet BJ0102" in stdout
    assert _stored(url)[("superior_office", "SJ-003")] == "BJ0102"

    code, stdout, stderr = run(["district", "workorders", "list", "--db", url])
    assert code == 0, stderr
    lines = stdout.splitlines()
    assert lines[-1] == "4 work orders"
    # newest first; all are long past their reply-by in 2026 and none replied
    assert [line.split()[4] for line in lines[1:-1]] == ["XF-004", "SJ-003", "JG-002", "KF-001"]
    assert all(line.startswith("OVERDUE, no reply") for line in lines[1:-1])
    code, stdout, _ = run(["district", "workorders", "list", "--outlet", "BJ0102", "--source",
                           "12378", "--db", url])  # fmt: skip
    assert code == 0 and stdout.splitlines()[-1] == "1 work orders" and "JG-002" in stdout

    district_db.open_district_database(url)
    actors = {e.actor for e in DistrictAudit.select().where(
        DistrictAudit.table_name == "district_work_order")}  # fmt: skip
    district_db.close_district_database()
    assert actors == {"赵敏", "钱主管"}


def test_a_refused_file_names_its_row_and_writes_nothing(url, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][7] = "XX9999"
    path = write_csv(tmp_path / "wo.csv", rows, HEADER)
    code, _, stderr = run(["district", "workorders", "import", str(path), "--db", url])
    assert code == 1
    assert "refused, nothing written" in stderr
    assert "Row 3: Outlet XX9999 is not enrolled in this district" in stderr
    assert _stored(url) == {}


def test_bad_usage_and_refusals_are_said(url, tmp_path):
    code, _, stderr = run(["district", "workorders", "import", str(tmp_path / "none.csv"),
                           "--db", url])  # fmt: skip
    assert code == 2 and "no such file" in stderr
    code, _, stderr = run(["district", "workorders", "--db", url])
    assert code == 2 and "import | assign | list" in stderr
    code, _, stderr = run(["district", "workorders", "assign", "95580", "NOPE", "--outlet",
                           "BJ0101", "--db", url])  # fmt: skip
    assert code == 1 and "There is no work order 95580 NOPE" in stderr
    code, _, stderr = run(["district", "workorders", "assign", "微博", "X", "--outlet",
                           "BJ0101", "--db", url])  # fmt: skip
    assert code == 1 and "is not a known source" in stderr
    path = write_csv(tmp_path / "wo.csv", ROWS)
    assert run(["district", "workorders", "import", str(path), "--db", url])[0] == 0
    code, _, stderr = run(["district", "workorders", "assign", "95580", "KF-001", "--outlet",
                           "XX9999", "--db", url])  # fmt: skip
    assert code == 1 and "Outlet XX9999 is not enrolled" in stderr
