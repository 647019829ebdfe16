"""Every file the command line writes with customer data is readable by its owner alone
(0600, its folders 0700), even under the usual umask 022 that would make it 0644."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store.database import close_database, database_path, open_database
from db.store.models import Case
from tests.desktop.cli.test_cli_maintenance import cli

KEY_PASSWORD = "outlet-key-pass"

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
    pytest.mark.attack("customer-data"),
]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def open_to_others(*roots: Path) -> list[str]:
    """Every file and folder under ``roots`` (the roots included) that anyone but its owner
    may read, write or enter, with its mode."""
    found = []
    for root in roots:
        paths = [root, *root.rglob("*")] if root.is_dir() else [root]
        for path in paths:
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                found.append(f"{path.relative_to(root.parent)} {mode:o}")
    return found


def ok(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_file_the_command_line_writes_is_private(tmp_path, umask_022):
    probe = tmp_path / "probe"
    probe.write_text("x")
    assert stat.S_IMODE(probe.stat().st_mode) == 0o644  # the umask is the usual one

    data = tmp_path / "outlet"
    ok(cli("demo", "--cases", "6", "--data-dir", str(data)))
    ok(cli("info", "--data-dir", str(data)))
    ok(cli("backup", "--data-dir", str(data)))
    usb = tmp_path / "usb"
    ok(cli("backup", "--to", str(usb), "--data-dir", str(data)))

    open_database(database_path(data))
    case = Case.select().order_by(Case.id).first()
    year, case_no = str(case.received_at.year), case.case_no
    close_database()
    exports = tmp_path / "exports"
    exports.mkdir()
    ok(cli("export-ledger", "--year", year, "--out", str(exports / "台账.xlsx"),
           "--data-dir", str(data)))  # fmt: skip
    ok(cli("report", "incident", case_no, "--out", str(exports / "r.pdf"),
           "--data-dir", str(data)))  # fmt: skip
    ok(cli("enrolment", "--out", str(exports / "enrolment.json"), "--data-dir", str(data),
           stdin=f"{KEY_PASSWORD}\n{KEY_PASSWORD}\n"))  # fmt: skip

    written = sorted(p.name for p in exports.iterdir())
    assert written == ["enrolment.json", "r.pdf", "台账.xlsx"]
    assert {p.name for p in (data / "keys").iterdir()}, "the outlet's key file was written"
    assert list((data / "backups").glob("*.sqlite3")) and list(usb.glob("*.sqlite3"))
    # The folder the user made keeps its mode; what the program wrote into it is private.
    assert open_to_others(data, usb, *exports.iterdir()) == []
