"""The command line fails closed, attacked as a user at the outlet's computer would: without
``--user``, with the account table dropped or emptied in the sqlite3 shell, with the database
file damaged before a restore, with the window open, and with another ``TZ``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.store.database import close_database, database_path, open_database
from db.trust import backup
from tests.db.backup_helpers import case_count, corrupt_middle, rows_of
from tests.desktop import workorder_factory
from tests.desktop.cli.test_cli_maintenance import (
    HEAD_PASSWORD,
    TELLER_PASSWORD,
    cli,
    data_dir,
    with_accounts,
)
from tests.desktop.session.test_single_instance import lock_held

pytestmark = pytest.mark.attack("cli")

__all__ = ["data_dir", "with_accounts"]

REFUSED_LOGIN = "The employee number or the password is not correct, or the account is locked"


def sqlite_shell(folder: Path, *statements: str) -> None:
    """What someone with the sqlite3 shell does to the file."""
    conn = sqlite3.connect(database_path(folder))
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def work_order_count(folder: Path) -> int:
    conn = sqlite3.connect(database_path(folder))
    try:
        return conn.execute("SELECT count(*) FROM work_order").fetchone()[0]
    finally:
        conn.close()


# --- every write needs a login once accounts exist ------------------------------------------


def test_import_workorders_needs_a_login_once_accounts_exist(with_accounts, tmp_path):
    csv = workorder_factory.write_csv(tmp_path / "wo.csv", workorder_factory.good_rows()[:1])
    base = ["import-workorders", str(csv), "--data-dir", str(with_accounts)]
    before = work_order_count(with_accounts)
    anonymous = cli(*base)
    assert anonymous.returncode == 1 and "--user" in anonymous.stderr
    wrong = cli(*base, "--user", "E1004", stdin="not-the-password\n")
    assert wrong.returncode == 1 and REFUSED_LOGIN in wrong.stderr
    assert work_order_count(with_accounts) == before
    done = cli(*base, "--user", "E1004", stdin=TELLER_PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert work_order_count(with_accounts) == before + 1
    conn = sqlite3.connect(database_path(with_accounts))
    (created_by,) = conn.execute(
        "SELECT s.employee_no FROM work_order w JOIN staff s ON s.id = w.created_by_id"
        " ORDER BY w.id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    assert created_by == "E1004"  # the teller who logged in, not the head


def test_demo_refuses_a_database_whose_accounts_were_dropped(with_accounts):
    before = case_count(database_path(with_accounts))
    sqlite_shell(with_accounts, "DROP TABLE account")
    done = cli("demo", "--cases", "2", "--data-dir", str(with_accounts))
    assert done.returncode == 1 and "login accounts" in done.stderr
    assert case_count(database_path(with_accounts)) == before


# --- a damaged account table is not a database without accounts -----------------------------


@pytest.mark.parametrize(
    "tamper",
    [
        ("PRAGMA foreign_keys=OFF", "DROP TABLE account"),
        # the audit trigger would need the program's own function: the tamperer drops it
        ("PRAGMA foreign_keys=OFF", "DROP TRIGGER audit_account_delete", "DELETE FROM account"),
    ],
    ids=["dropped", "emptied"],
)
def test_without_readable_accounts_exports_and_backups_are_refused(with_accounts, tmp_path, tamper):
    sqlite_shell(with_accounts, *tamper)
    ledger = tmp_path / "l.xlsx"
    done = cli(
        "export-ledger", "--year", "2026", "--reveal", "--out", str(ledger),
        "--data-dir", str(with_accounts),
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "login accounts of this database cannot be read" in done.stderr
    assert not ledger.exists()
    usb = tmp_path / "usb"
    done = cli("backup", "--to", str(usb), "--data-dir", str(with_accounts))
    assert done.returncode == 1 and "cannot be read" in done.stderr
    assert not usb.exists()
    csv = workorder_factory.write_csv(tmp_path / "wo.csv", workorder_factory.good_rows()[:1])
    before = work_order_count(with_accounts)
    done = cli("import-workorders", str(csv), "--data-dir", str(with_accounts))
    assert done.returncode == 1 and work_order_count(with_accounts) == before


# --- restore: damaging the file is no way around the login -----------------------------------


@pytest.fixture
def damaged_with_backup(with_accounts, tmp_path) -> tuple[Path, Path]:
    """The accounts database, backed up by the head, then damaged in the middle."""
    usb = tmp_path / "usb"
    made = cli("backup", "--to", str(usb), "--data-dir", str(with_accounts), "--user", "E1001",
               stdin=HEAD_PASSWORD + "\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    (info,) = backup.list_backups(usb)
    open_database(database_path(with_accounts))
    from db import demo

    demo.fill_demo(3, seed=14)
    close_database()
    corrupt_middle(database_path(with_accounts))
    return with_accounts, info.path


def test_restore_over_a_damaged_file_needs_a_login_the_backup_knows(damaged_with_backup):
    folder, source = damaged_with_backup
    damaged = database_path(folder).read_bytes()
    base = ["restore", str(source), "--yes", "--data-dir", str(folder)]
    anonymous = cli(*base)
    assert anonymous.returncode == 1 and "--user" in anonymous.stderr
    teller = cli(*base, "--user", "E1004", stdin=TELLER_PASSWORD + "\n")
    assert teller.returncode == 1 and "may not back up or restore" in teller.stderr
    assert database_path(folder).read_bytes() == damaged  # nothing was changed
    head = cli(*base, "--user", "E1001", stdin=HEAD_PASSWORD + "\n")
    assert head.returncode == 0, head.stderr
    assert rows_of(database_path(folder)) == rows_of(source)


def test_restore_over_a_damaged_file_from_a_backup_without_accounts_is_refused(data_dir, tmp_path):
    usb = tmp_path / "usb"
    assert cli("backup", "--to", str(usb), "--data-dir", str(data_dir)).returncode == 0
    (info,) = backup.list_backups(usb)
    corrupt_middle(database_path(data_dir))
    damaged = database_path(data_dir).read_bytes()
    done = cli("restore", str(info.path), "--yes", "--data-dir", str(data_dir))
    assert done.returncode == 1 and "cannot say who may restore" in done.stderr
    assert database_path(data_dir).read_bytes() == damaged


# --- the window's lock ----------------------------------------------------------------------


@pytest.fixture
def window_open(data_dir):
    """Another process holding the window's lock on ``data_dir``, as an open window does."""
    with lock_held(data_dir) as proc:
        yield proc


def test_writing_commands_refuse_while_the_window_is_open(data_dir, window_open, tmp_path):
    before = rows_of(database_path(data_dir))
    csv = workorder_factory.write_csv(tmp_path / "wo.csv", workorder_factory.good_rows()[:1])
    for args in (
        ["import-workorders", str(csv)],
        ["demo", "--cases", "2"],
        ["import-bundle", str(csv)],
    ):
        done = cli(*args, "--data-dir", str(data_dir))
        assert done.returncode == 1, (args, done.stderr)
        assert f"Complaint Desk is already open on this database (process {window_open.pid}" in (
            done.stderr
        ), args
    assert rows_of(database_path(data_dir)) == before
    # reading stays open: the check
    assert cli("check", "--data-dir", str(data_dir)).returncode == 0


# --- the lock after wrong passwords ----------------------------------------------------------


def test_the_login_lock_holds_in_a_time_zone_an_hour_ahead(with_accounts, tmp_path):
    usb = tmp_path / "usb"
    base = ["backup", "--to", str(usb), "--data-dir", str(with_accounts), "--user", "E1001"]
    for i in range(5):
        cli(*base, stdin=f"wrong-{i}\n", tz="Asia/Shanghai")
    ahead = cli(*base, stdin=HEAD_PASSWORD + "\n", tz="Asia/Tokyo")
    assert ahead.returncode == 1 and REFUSED_LOGIN in ahead.stderr
    assert not usb.exists()
    # and the refusal says nothing an unknown employee number would not
    unknown = cli(*base[:-1], "E9999", stdin=HEAD_PASSWORD + "\n", tz="Asia/Tokyo")
    assert unknown.stderr == ahead.stderr
