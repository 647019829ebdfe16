"""``complaint-desk backup``, ``restore`` and ``check``, run as the user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import demo
from db.store import sqlite_features
from db.store.database import close_database, database_path, open_database
from db.trust import backup
from tests.cli_process import run_cli
from tests.db.backup_helpers import case_count, corrupt_middle, file_digest, rows_of

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str, stdin: str = "", tz: str | None = None) -> subprocess.CompletedProcess[str]:
    """The program run as the user runs it; ``tz``: in that time zone (``TZ``)."""
    env = dict(os.environ, **({"TZ": tz} if tz is not None else {}))
    return run_cli(*args, stdin=stdin, env=env)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A closed database with 10 complaints."""
    folder = tmp_path / "data"
    open_database(database_path(folder))
    demo.fill_demo(10, seed=11)
    close_database()
    return folder


def test_backup_to_a_folder_and_check_it(data_dir, tmp_path):
    usb = tmp_path / "usb"
    done = cli("backup", "--to", str(usb), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    (info,) = backup.list_backups(usb)
    assert str(info.path) in done.stdout and "integrity check ok" in done.stdout
    assert rows_of(info.path) == rows_of(database_path(data_dir))


def test_backup_without_to_uses_the_backups_folder(data_dir):
    done = cli("backup", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    assert len(backup.list_backups(data_dir / "backups")) == 1


def test_backup_of_a_missing_database_fails_clearly(tmp_path):
    done = cli("backup", "--data-dir", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert "no database at" in done.stderr
    assert not (tmp_path / "nowhere").exists()


def test_check_passes_a_sound_database(data_dir):
    done = cli("check", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no problems found" in done.stdout


def test_check_runs_the_evidence_calendar_and_checkpoint_checks(data_dir):
    done = cli("check", "--data-dir", str(data_dir))
    for title in ("Evidence files", "Working-day calendar", "Audit trail (signed checkpoint)"):
        assert f"ok       {title}:" in done.stdout, done.stdout


def test_check_finds_national_day_made_a_working_day(data_dir):
    with sqlite_features.connect_plain(database_path(data_dir)) as conn:
        conn.execute("UPDATE calendar_day SET working = 1 WHERE day = '2026-10-01'")
    conn.close()
    done = cli("check", "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "first problem: Working-day calendar: Calendar day 2026-10-01 differs from the "
        "published schedule it is marked as coming from."
    )


def test_check_names_the_first_problem(data_dir):
    conn = sqlite_features.connect_plain(database_path(data_dir))
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE complaint_case SET first_ask_owner_id = 77 WHERE id = 4")
    conn.commit()
    conn.close()
    done = cli("check", "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "first problem: Foreign keys: complaint_case row 4: first_ask_owner_id refers to a "
        "staff row that does not exist"
    )


def test_check_reports_a_corrupt_file(data_dir):
    corrupt_middle(database_path(data_dir))
    done = cli("check", "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert "first problem: Storage" in done.stderr


def test_restore_asks_backs_up_first_and_restores(data_dir, tmp_path):
    usb = tmp_path / "usb"
    assert cli("backup", "--to", str(usb), "--data-dir", str(data_dir)).returncode == 0
    (old,) = backup.list_backups(usb)
    open_database(database_path(data_dir))
    demo.fill_demo(5, seed=12)
    close_database()

    done = cli("restore", str(old.path), "--data-dir", str(data_dir), stdin="y\n")

    assert done.returncode == 0, done.stderr
    assert "Restore? [y/N]" in done.stdout
    assert "first backed up" in done.stdout
    assert case_count(database_path(data_dir)) == 10
    (safety,) = backup.list_backups(data_dir / "backups")
    assert safety.reason == "pre-restore" and case_count(safety.path) == 15


def test_restore_without_yes_changes_nothing(data_dir, tmp_path):
    usb = tmp_path / "usb"
    cli("backup", "--to", str(usb), "--data-dir", str(data_dir))
    (old,) = backup.list_backups(usb)
    digest = file_digest(database_path(data_dir))
    done = cli("restore", str(old.path), "--data-dir", str(data_dir), stdin="n\n")
    assert done.returncode == 1
    assert "nothing was changed" in done.stderr
    assert file_digest(database_path(data_dir)) == digest
    assert backup.list_backups(data_dir / "backups") == []


def test_restore_of_another_outlets_backup_needs_other_outlet(data_dir, tmp_path):
    usb = tmp_path / "usb"
    cli("backup", "--to", str(usb), "--data-dir", str(data_dir))
    (other,) = backup.list_backups(usb)
    conn = sqlite_features.connect_plain(database_path(data_dir))
    conn.execute("UPDATE outlet SET code = 'LYL07', name = '柳园路网点'")
    conn.commit()
    conn.close()
    digest = file_digest(database_path(data_dir))

    done = cli("restore", str(other.path), "--yes", "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert "this database is outlet 柳园路网点 (LYL07)" in done.stderr
    assert "(JSL01)" in done.stderr and "--other-outlet" in done.stderr
    assert "Nothing was changed" in done.stderr
    assert file_digest(database_path(data_dir)) == digest

    done = cli(
        "restore", str(other.path), "--other-outlet", "--data-dir", str(data_dir), stdin="y\n"
    )
    assert done.returncode == 0, done.stderr
    assert "not of this outlet 柳园路网点 (LYL07)" in done.stdout
    assert rows_of(database_path(data_dir))["outlet"] == rows_of(other.path)["outlet"]


@pytest.mark.parametrize("kind", ["not sqlite", "corrupted"])
def test_restore_refuses_an_invalid_file(data_dir, tmp_path, kind):
    bad = tmp_path / "bad.sqlite3"
    if kind == "not sqlite":
        bad.write_text("this is a spreadsheet, honestly")
    else:
        bad.write_bytes(database_path(data_dir).read_bytes())
        corrupt_middle(bad)
    digest = file_digest(database_path(data_dir))

    done = cli("restore", str(bad), "--yes", "--data-dir", str(data_dir))

    assert done.returncode == 1
    assert done.stderr.startswith(f"not restored: {bad} is not a valid Complaint Desk backup")
    assert "Nothing was changed." in done.stderr
    assert file_digest(database_path(data_dir)) == digest
    assert backup.list_backups(data_dir / "backups") == []


@pytest.mark.attack("cli")
def test_restore_refuses_while_the_window_is_open(data_dir, tmp_path):
    from desktop.session.single_instance import acquire_write_lock

    cli("backup", "--to", str(tmp_path / "usb"), "--data-dir", str(data_dir))
    (old,) = backup.list_backups(tmp_path / "usb")
    lock = acquire_write_lock(data_dir)
    try:
        done = cli("restore", str(old.path), "--yes", "--data-dir", str(data_dir))
    finally:
        lock.unlock()
    assert done.returncode == 1
    assert "Complaint Desk is already open on this database (process" in done.stderr


def test_the_maintenance_commands_import_no_qt(data_dir, tmp_path):
    code = (
        "import sys\n"
        "from desktop.cli.main import main\n"
        f"assert main(['backup', '--to', {str(tmp_path / 'bk')!r}, '--data-dir', "
        f"{str(data_dir)!r}]) == 0\n"
        f"assert main(['check', '--data-dir', {str(data_dir)!r}]) == 0\n"
        f"assert main(['restore', 'nope.sqlite3', '--yes', '--data-dir', {str(data_dir)!r}]) == 1\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# --- who is acting, once the database has accounts -----------------------------------

HEAD_PASSWORD = "lotus-pond-7"
TELLER_PASSWORD = "bamboo-gate-3"


@pytest.fixture
def with_accounts(data_dir: Path) -> Path:
    """The demo database with accounts for the head (E1001) and a teller (E1004)."""
    from db.store.models import Staff
    from db.trust import accounts

    open_database(database_path(data_dir))
    head = Staff.get(Staff.employee_no == "E1001")
    teller = Staff.get(Staff.employee_no == "E1004")
    accounts.create_account(head, HEAD_PASSWORD, actor=head)
    accounts.create_account(teller, TELLER_PASSWORD, actor=head)
    close_database()
    return data_dir


def test_with_accounts_backup_without_user_is_refused(with_accounts, tmp_path):
    usb = tmp_path / "usb"
    done = cli("backup", "--to", str(usb), "--data-dir", str(with_accounts))
    assert done.returncode == 1
    assert "--user" in done.stderr and "not backed up" in done.stderr
    assert backup.list_backups(usb) == [] and not usb.exists()


def test_with_accounts_a_wrong_password_is_refused(with_accounts, tmp_path):
    usb = tmp_path / "usb"
    done = cli(
        "backup", "--to", str(usb), "--data-dir", str(with_accounts), "--user", "E1001",
        stdin="not-the-password\n",
    )  # fmt: skip
    assert done.returncode == 1
    assert "The employee number or the password is not correct" in done.stderr
    assert not usb.exists()


def test_with_accounts_a_teller_may_not_back_up(with_accounts, tmp_path):
    usb = tmp_path / "usb"
    done = cli(
        "backup", "--to", str(usb), "--data-dir", str(with_accounts), "--user", "E1004",
        stdin=TELLER_PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 1
    assert "may not back up or restore the database" in done.stderr
    assert not usb.exists()


def test_with_accounts_the_head_backs_up_with_the_password_on_stdin(with_accounts, tmp_path):
    usb = tmp_path / "usb"
    done = cli(
        "backup", "--to", str(usb), "--data-dir", str(with_accounts), "--user", "E1001",
        stdin=HEAD_PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert HEAD_PASSWORD not in done.stdout + done.stderr
    (info,) = backup.list_backups(usb)
    assert rows_of(info.path) == rows_of(database_path(with_accounts))


def test_with_accounts_a_teller_may_not_restore(with_accounts, tmp_path):
    usb = tmp_path / "usb"
    cli("backup", "--to", str(usb), "--data-dir", str(with_accounts), "--user", "E1001",
        stdin=HEAD_PASSWORD + "\n")  # fmt: skip
    (old,) = backup.list_backups(usb)
    open_database(database_path(with_accounts))
    demo.fill_demo(2, seed=13)  # so a restore would show
    close_database()
    # The login itself is recorded (the account's last login), so compare the data.
    before = rows_of(database_path(with_accounts))
    done = cli(
        "restore", str(old.path), "--yes", "--data-dir", str(with_accounts), "--user", "E1004",
        stdin=TELLER_PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 1
    assert "may not back up or restore" in done.stderr and "Nothing was changed" in done.stderr
    assert rows_of(database_path(with_accounts)) == before
    assert backup.list_backups(with_accounts / "backups") == []


def test_with_accounts_the_head_restores(with_accounts, tmp_path):
    usb = tmp_path / "usb"
    cli("backup", "--to", str(usb), "--data-dir", str(with_accounts), "--user", "E1001",
        stdin=HEAD_PASSWORD + "\n")  # fmt: skip
    (old,) = backup.list_backups(usb)
    open_database(database_path(with_accounts))
    demo.fill_demo(5, seed=12)
    close_database()
    done = cli(
        "restore", str(old.path), "--data-dir", str(with_accounts), "--user", "E1001",
        stdin=HEAD_PASSWORD + "\ny\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert case_count(database_path(with_accounts)) == 10
    (safety,) = backup.list_backups(with_accounts / "backups")
    assert case_count(safety.path) == 15


def test_check_stays_open_without_user(with_accounts):
    done = cli("check", "--data-dir", str(with_accounts))
    assert done.returncode == 0, done.stderr


def test_with_accounts_the_ledger_and_reports_are_exports(with_accounts, tmp_path):
    from db.store.models import Case, Staff
    from db.trust import accounts

    open_database(database_path(with_accounts))
    head = Staff.get(Staff.employee_no == "E1001")
    accounts.create_account(Staff.get(Staff.employee_no == "E1002"), TELLER_PASSWORD, actor=head)
    case = Case.select().order_by(Case.id).first()
    year, case_no = str(case.received_at.year), case.case_no
    close_database()
    ledger = tmp_path / "l.xlsx"
    base = ["export-ledger", "--year", year, "--out", str(ledger), "--data-dir", str(with_accounts)]

    assert cli(*base).returncode == 1 and not ledger.exists()
    teller = cli(*base, "--user", "E1004", stdin=TELLER_PASSWORD + "\n")
    assert teller.returncode == 1 and "may not export data" in teller.stderr
    assert not ledger.exists()
    lobby_reveal = cli(*base, "--reveal", "--user", "E1002", stdin=TELLER_PASSWORD + "\n")
    assert lobby_reveal.returncode == 1 and "may not reveal" in lobby_reveal.stderr
    lobby = cli(*base, "--user", "E1002", stdin=TELLER_PASSWORD + "\n")
    assert lobby.returncode == 0, lobby.stderr
    assert ledger.is_file()

    report = tmp_path / "r.pdf"
    incident = ["report", "incident", case_no, "--out", str(report),
                "--data-dir", str(with_accounts)]  # fmt: skip
    refused = cli(*incident, "--reveal", "--user", "E1002", stdin=TELLER_PASSWORD + "\n")
    assert refused.returncode == 1 and not report.exists()
    head_done = cli(*incident, "--reveal", "--user", "E1001", stdin=HEAD_PASSWORD + "\n")
    assert head_done.returncode == 0, head_done.stderr
    assert report.is_file()
