"""The command line on a disk that refuses: a read-only data folder and a full disk. Each
says what happened and what to do next, with no traceback, and loses nothing."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import demo
from db.store.database import close_database, database_path, open_database
from db.store.models import Case
from tests.db.backup_helpers import file_digest
from tests.db.exchange.signed import trust_district
from tests.db.store.test_storage_failures import fill, mount_tmpfs, unmount
from tests.db.workorders.test_import_malformed import csv_bytes
from tests.db.workorders.test_workorders import ROWS
from tests.desktop.cli.test_cli_bundle import _down
from tests.desktop.cli.test_cli_maintenance import cli

pytestmark = pytest.mark.attack("failures")

READ_ONLY = "cannot be written (a read-only disk or folder)"


def first_case(data: Path) -> tuple[str, str]:
    open_database(database_path(data))
    case = Case.select().order_by(Case.id).first()
    found = str(case.received_at.year), case.case_no
    close_database()
    return found


@pytest.fixture
def read_only_outlet(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """An outlet's data folder (6 complaints) on a disk remounted read-only, and the PDF
    report of its first complaint, written before."""
    disk = tmp_path / "disk"
    mount_tmpfs(disk, "40m")
    data = disk / "data"
    open_database(database_path(data))
    demo.fill_demo(6, seed=5)
    trust_district()
    close_database()
    _year, case_no = first_case(data)
    report = tmp_path / "r.pdf"
    done = cli("report", "incident", case_no, "--out", str(report), "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
    if remount.returncode != 0:
        unmount(disk)
        pytest.skip("cannot remount a filesystem read-only here")
    yield data, report
    unmount(disk)


def test_a_read_only_data_folder_is_read_and_every_write_refused_plainly(
    read_only_outlet, tmp_path
):
    data, report = read_only_outlet
    digest = file_digest(database_path(data))
    where = ("--data-dir", str(data))

    info = cli("info", *where)
    assert info.returncode == 0, info.stderr
    assert "cases: 6" in info.stdout

    verify = cli("verify", str(report), *where)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert verify.stdout.startswith("OK")

    backup_here = cli("backup", *where)
    assert backup_here.returncode == 1
    assert f"{data / 'backups'} {READ_ONLY}" in backup_here.stderr
    backup_elsewhere = cli("backup", "--to", str(tmp_path / "usb"), *where)
    assert backup_elsewhere.returncode == 0, backup_elsewhere.stderr
    assert list((tmp_path / "usb").glob("*.sqlite3"))

    orders = tmp_path / "工单.csv"
    orders.write_bytes(csv_bytes(ROWS))
    imported = cli("import-workorders", str(orders), *where)
    assert imported.returncode == 1
    assert f"The data folder {data} {READ_ONLY}: nothing was changed." in imported.stderr
    assert "Copy the folder to a writable disk" in imported.stderr

    bundle = cli("import-bundle", str(_down(tmp_path / "down.zip")), *where)
    assert bundle.returncode == 1
    assert f"The data folder {data} {READ_ONLY}: nothing was changed." in bundle.stderr

    for done in (info, verify, backup_here, backup_elsewhere, imported, bundle):
        assert "Traceback" not in done.stderr
    assert file_digest(database_path(data)) == digest


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a small disk that is full to the last byte."""
    disk = tmp_path / "stick"
    mount_tmpfs(disk, "300k")
    yield disk
    unmount(disk)


def test_the_ledger_on_a_full_disk_is_refused_plainly_and_written_once_there_is_room(
    full_disk, tmp_path
):
    data = tmp_path / "data"
    open_database(database_path(data))
    demo.fill_demo(6, seed=5)
    close_database()
    year, _case_no = first_case(data)
    digest = file_digest(database_path(data))
    filler = fill(full_disk)
    out = full_disk / "台账.xlsx"
    ledger = ("export-ledger", "--year", year, "--out", str(out), "--data-dir", str(data))

    refused = cli(*ledger)
    assert refused.returncode == 1
    assert f"There is no room on the disk for {out}: nothing was written there." in refused.stderr
    assert "Traceback" not in refused.stderr
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # no partial file
    assert file_digest(database_path(data)) == digest

    filler.unlink()
    done = cli(*ledger)
    assert done.returncode == 0, done.stderr
    assert out.is_file()
