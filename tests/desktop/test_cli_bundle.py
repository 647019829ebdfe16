"""``complaint-desk export-bundle`` and ``import-bundle``, run as the user runs them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from db import bundle, demo
from db.database import close_database, database_path, open_database
from tests.db.test_bundle import DOWN_ORDERS, make_bundle

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def counts(data_dir: Path) -> dict[str, int]:
    """Row counts of the tables an import could touch, the audit trail included."""
    conn = sqlite3.connect(f"{database_path(data_dir).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
            for t in ("work_order", "case_event", "complaint_case", "audit_log")
        }
    finally:
        conn.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A closed database with 8 demo complaints."""
    folder = tmp_path / "data"
    open_database(database_path(folder))
    demo.fill_demo(8, seed=7)
    close_database()
    return folder


def _down(path: Path) -> Path:
    body = json.dumps({"work_orders": DOWN_ORDERS}, ensure_ascii=False).encode("utf-8")
    return make_bundle(path, {"workorders.json": body})


def test_export_bundle_writes_a_verified_bundle(data_dir, tmp_path):
    out = tmp_path / "up" / "网点.zip"
    done = cli(
        "export-bundle", "--since", "2000-01-01", "--out", str(out), "--data-dir", str(data_dir)
    )
    assert done.returncode == 0, done.stderr
    assert "8 cases" in done.stdout
    verified = bundle.verify_bundle(out)
    assert verified.manifest["counts"]["cases"] == 8
    with zipfile.ZipFile(out) as z:
        assert len(json.loads(z.read("cases.json"))["cases"]) == 8


def test_export_bundle_rejects_a_bad_date(data_dir, tmp_path):
    done = cli("export-bundle", "--since", "28/09/2026", "--out", str(tmp_path / "x.zip"))
    assert done.returncode == 2 and "not a date" in done.stderr


def test_import_bundle_then_again(data_dir, tmp_path):
    path = _down(tmp_path / "down.zip")
    done = cli("import-bundle", str(path), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    assert "2 work orders created, 0 already present" in done.stdout
    before = counts(data_dir)
    again = cli("import-bundle", str(path), "--data-dir", str(data_dir))
    assert again.returncode == 0, again.stderr
    assert "0 work orders created, 2 already present" in again.stdout
    assert counts(data_dir) == before


def test_import_bundle_refuses_a_tampered_bundle(data_dir, tmp_path):
    good = _down(tmp_path / "good.zip")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "workorders.json":
                data = data.replace("周芳".encode(), "周方".encode())
            zout.writestr(info.filename, data)
    before = counts(data_dir)
    done = cli("import-bundle", str(bad), "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert "nothing written" in done.stderr
    assert "workorders.json: SHA-256 does not match" in done.stderr
    assert counts(data_dir) == before


def test_bundle_commands_import_no_qt():
    code = (
        "import sys; from desktop import cli, cli_bundle; import db.bundle; "
        "assert 'PySide6' not in sys.modules, 'Qt imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
