"""``complaint-desk encrypt`` and the commands on an encrypted database, run as the user
runs them: the head's login encrypts, the recovery key is printed once, and every command
then asks for a login before it can read anything."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.intake import outlets, roster
from db.store.database import close_database, database_path, is_encrypted, open_database
from db.trust import accounts, database_key
from tests.cli_process import run_cli
from tests.db.conftest import OUTLET_SETUP

ROOT = Path(__file__).resolve().parents[3]
HEAD_PW = "Jianguo-2026"


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_cli(*args, stdin=stdin)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A closed plain outlet database: the head (E1001) and a teller (E1003) with accounts."""
    folder = tmp_path / "data"
    open_database(database_path(folder))
    outlet, head = outlets.setup_outlet(dataclasses.replace(OUTLET_SETUP, password=HEAD_PW))
    teller = outlets.add_staff(outlet, "张伟", "E1003", "teller")
    accounts.create_account(teller, "zhang.wei-01", actor=head)
    close_database()
    return folder


@pytest.mark.attack("encryption")
def test_the_head_encrypts_and_sees_the_recovery_key_once(data_dir):
    done = cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert done.returncode == 0, done.stderr
    path = database_path(data_dir)
    assert is_encrypted(path)
    groups = re.findall(r"\b[A-Z2-7]{5}\b", done.stdout.split("RECOVERY KEY")[1])
    assert len(groups) == 8
    assert "张伟" in done.stdout  # told that the teller needs a password reset
    assert database_key.unwrap_by_recovery_key(data_dir, "".join(groups))
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT * FROM complaint_case").fetchall()

    info = cli("info", "--data-dir", str(data_dir))
    assert "encrypted" in info.stdout and "outlet:" not in info.stdout
    info = cli("info", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert "outlet: 北京市东城区建国门邮政支局" in info.stdout, info.stderr
    wrong = cli("info", "--user", "E1001", "--data-dir", str(data_dir), stdin="nope-nope\n")
    assert wrong.returncode == 1
    assert "The employee number or the password is not correct" in wrong.stderr
    # The teller has no wrap yet: the same words as a failed login.
    teller = cli("info", "--user", "E1003", "--data-dir", str(data_dir), stdin="zhang.wei-01\n")
    assert "The employee number or the password is not correct" in teller.stderr

    again = cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert again.returncode == 1 and "already encrypted" in again.stderr


def test_backup_of_an_encrypted_database_asks_the_login_once(data_dir, tmp_path):
    cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    done = cli(
        "backup", "--to", str(tmp_path / "usb"), "--user", "E1001", "--data-dir", str(data_dir),
        stdin=HEAD_PW + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (copy,) = (tmp_path / "usb").glob("*.sqlite3")
    assert not copy.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.attack("accounts")
def test_only_the_head_encrypts(data_dir):
    done = cli("encrypt", "--user", "E1003", "--data-dir", str(data_dir), stdin="zhang.wei-01\n")
    assert done.returncode == 1 and "only the outlet head" in done.stderr
    wrong = cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin="wrong-pass\n")
    assert wrong.returncode == 1
    assert not is_encrypted(database_path(data_dir))


def test_check_and_restore_of_an_encrypted_database(data_dir, tmp_path):
    login = ["--user", "E1001", "--data-dir", str(data_dir)]
    cli("encrypt", *login, stdin=HEAD_PW + "\n")
    assert cli("check", "--data-dir", str(data_dir)).returncode == 1
    checked = cli("check", *login, stdin=HEAD_PW + "\n")
    assert checked.returncode == 0 and "no problems" in checked.stdout, checked.stderr
    cli("backup", "--to", str(tmp_path / "usb"), *login, stdin=HEAD_PW + "\n")
    (copy,) = (tmp_path / "usb").glob("*.sqlite3")
    restored = cli("restore", str(copy), "--yes", *login, stdin=HEAD_PW + "\n")
    assert restored.returncode == 0, restored.stderr
    assert is_encrypted(database_path(data_dir))
    wrong = cli("restore", str(copy), "--yes", "--user", "E1001", "--data-dir", str(data_dir),
                stdin="wrong-pass\n")  # fmt: skip
    assert wrong.returncode == 1 and "not restored" in wrong.stderr


@pytest.mark.attack("accounts")
def test_brute_forcing_the_command_line_unlock_locks_the_head_across_processes(data_dir):
    done = cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert done.returncode == 0, done.stderr
    base = ["info", "--user", "E1001", "--data-dir", str(data_dir)]
    refusals = [cli(*base, stdin=f"guess-{i:04d}\n") for i in range(5)]
    assert all(r.returncode == 1 for r in refusals)
    locked = cli(*base, stdin=HEAD_PW + "\n")  # a new process, the right password
    assert locked.returncode == 1 and "outlet:" not in locked.stdout
    assert locked.stderr == refusals[0].stderr  # and it reads like any wrong password
    assert "The employee number or the password is not correct" in locked.stderr
    # a writing command is refused the same way
    backup = cli("backup", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert backup.returncode == 1 and "not correct" in backup.stderr


def _head_resets(data_dir: Path, number: str, password: str) -> None:
    """The head, logged in on the encrypted database, sets a staff member's password."""
    key = database_key.unwrap_by_login(data_dir, "E1001", HEAD_PW)
    open_database(database_path(data_dir), key=key)
    try:
        head = accounts.authenticate("E1001", HEAD_PW)
        staff = next(s for s in roster.active_staff(head.outlet) if s.employee_no == number)
        accounts.reset_password(staff, password, actor=head)
    finally:
        close_database()


@pytest.mark.attack("encryption")
def test_after_encrypt_other_staff_are_named_and_open_it_once_the_head_resets_them(data_dir):
    done = cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert done.returncode == 0, done.stderr
    told = done.stdout.split("These staff cannot log in until the head resets their password")
    assert len(told) == 2 and "    张伟 (E1003)" in told[1]
    assert "E1001" not in told[1]  # the head's own password wraps the key already
    info = ["info", "--user", "E1003", "--data-dir", str(data_dir)]
    before = cli(*info, stdin="zhang.wei-01\n")  # the old password, which the program never knew
    assert before.returncode == 1 and "not correct" in before.stderr
    with pytest.raises(database_key.DatabaseKeyError):
        database_key.unwrap_by_login(data_dir, "E1003", "zhang.wei-01")

    _head_resets(data_dir, "E1003", "reset-by-head-7")
    after = cli(*info, stdin="reset-by-head-7\n")
    assert after.returncode == 0, after.stderr
    assert "outlet: 北京市东城区建国门邮政支局" in after.stdout
    key = database_key.unwrap_by_login(data_dir, "E1003", "reset-by-head-7")
    open_database(database_path(data_dir), key=key)
    try:
        assert accounts.authenticate("E1003", "reset-by-head-7").name == "张伟"
        assert database_key.accounts_without_wrap() == []
    finally:
        close_database()
    still = cli(*info, stdin="zhang.wei-01\n")
    assert still.returncode == 1


@pytest.mark.attack("accounts")
def test_the_heads_reset_ends_a_lock_from_wrong_unlocks(data_dir):
    done = cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert done.returncode == 0, done.stderr
    _head_resets(data_dir, "E1003", "reset-by-head-7")
    for i in range(5):
        with pytest.raises(database_key.DatabaseKeyError):
            database_key.unwrap_by_login(data_dir, "E1003", f"guess-{i}")
    with pytest.raises(database_key.DatabaseKeyError) as locked:
        database_key.unwrap_by_login(data_dir, "E1003", "reset-by-head-7")
    assert locked.value.code == "login_locked"
    _head_resets(data_dir, "E1003", "second-reset-8")
    assert database_key.unwrap_by_login(data_dir, "E1003", "second-reset-8")


def _encrypted(data_dir: Path) -> str:
    """Encrypt ``data_dir`` as the head does; the recovery key printed."""
    done = cli("encrypt", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert done.returncode == 0, done.stderr
    return "-".join(re.findall(r"\b[A-Z2-7]{5}\b", done.stdout.split("RECOVERY KEY")[1]))


def _recover(data_dir: Path, recovery_key: str, password: str):
    return cli(
        "recover", "--recovery-key", "--data-dir", str(data_dir),
        stdin=f"{recovery_key}\n{password}\n",
    )  # fmt: skip


def _trail_of_recovery(data_dir: Path, key: bytes) -> list[tuple]:
    from db.store.models import AuditLog

    open_database(database_path(data_dir), key=key)
    try:
        return [
            (e.table_name, e.op, e.actor_id)
            for e in AuditLog.select().order_by(AuditLog.id.desc()).limit(3)
        ]
    finally:
        close_database()


def test_the_head_recovers_a_forgotten_password_with_the_recovery_key(data_dir):
    recovery_key = _encrypted(data_dir)
    done = _recover(data_dir, recovery_key.lower().replace("-", " "), "new-head-pass-3")
    assert done.returncode == 0, done.stderr
    assert "王建国 (E1001) logs in with the new password now." in done.stdout
    info = cli("info", "--user", "E1001", "--data-dir", str(data_dir), stdin="new-head-pass-3\n")
    assert info.returncode == 0 and "outlet:" in info.stdout, info.stderr
    old = cli("info", "--user", "E1001", "--data-dir", str(data_dir), stdin=HEAD_PW + "\n")
    assert old.returncode == 1
    key = database_key.unwrap_by_login(data_dir, "E1001", "new-head-pass-3")
    open_database(database_path(data_dir), key=key)
    try:
        head = accounts.authenticate("E1001", "new-head-pass-3")
        assert not accounts.account_of(head).must_change_password
    finally:
        close_database()
    # audit-trailed, as the head: the account and the note of how
    trail = _trail_of_recovery(data_dir, key)
    assert ("setting", "I", head.id) in trail and ("account", "U", head.id) in trail


@pytest.mark.attack("encryption")
def test_a_wrong_recovery_key_is_refused_counted_and_locks(data_dir):
    recovery_key = _encrypted(data_dir)
    digest = database_path(data_dir).read_bytes()
    refusals = [
        _recover(data_dir, f"AAAAA-BBBBB-CCCCC-{i:05d}", "new-head-pass-3") for i in range(5)
    ]
    assert all(r.returncode == 1 for r in refusals)
    assert "not recovered: The recovery key is not correct" in refusals[0].stderr
    assert "Nothing was changed." in refusals[0].stderr
    locked = _recover(data_dir, recovery_key, "new-head-pass-3")  # the right one, too late
    assert locked.returncode == 1 and locked.stderr == refusals[0].stderr
    assert database_path(data_dir).read_bytes() == digest
    assert database_key.unwrap_by_login(data_dir, "E1001", HEAD_PW)  # the old password stands


def test_recover_refuses_a_weak_password_and_a_plain_database(data_dir):
    plain = _recover(data_dir, "AAAAA", "new-head-pass-3")
    assert plain.returncode == 1 and "is not encrypted, so it has no recovery key" in plain.stderr
    recovery_key = _encrypted(data_dir)
    weak = _recover(data_dir, recovery_key, "12345678")
    assert weak.returncode == 1 and "not recovered: the new password:" in weak.stderr
    assert database_key.unwrap_by_login(data_dir, "E1001", HEAD_PW)
    no_flag = cli("recover", "--data-dir", str(data_dir), stdin=f"{recovery_key}\nx\n")
    assert no_flag.returncode == 2 and "--recovery-key" in no_flag.stderr


def _backed_up(folder: Path, usb: Path) -> Path:
    """The head's backup of ``folder`` onto ``usb``: the backup file."""
    from db.trust import backup

    done = cli("backup", "--to", str(usb), "--user", "E1001", "--data-dir", str(folder),
               stdin=HEAD_PW + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (info,) = backup.list_backups(usb)
    return info.path


@pytest.fixture
def encrypted_backup(data_dir, tmp_path) -> tuple[Path, str]:
    """An encrypted outlet's backup on a USB stick, and the recovery key; the data folder
    then deleted, as on a computer that died."""
    import shutil

    recovery_key = _encrypted(data_dir)
    path = _backed_up(data_dir, tmp_path / "usb")
    shutil.rmtree(data_dir)
    return path, recovery_key


def _cases_in(folder: Path, password: str = HEAD_PW) -> int:
    from db.store.models import Case

    key = database_key.unwrap_by_login(folder, "E1001", password)
    open_database(database_path(folder), key=key)
    try:
        return Case.select().count() + len(roster.active_staff(roster.current_outlet()))
    finally:
        close_database()


def test_an_encrypted_backup_carries_its_wrapped_key_but_never_the_key(encrypted_backup):
    import base64
    import json

    from db.trust import backup

    path, recovery_key = encrypted_backup
    manifest = json.loads(backup.manifest_path(path).read_text(encoding="utf-8"))
    carried = manifest["database_key"]
    assert {w["kind"] for w in carried["wraps"]} == {"account", "recovery"}
    key = database_key.unwrap_by_recovery_key(
        path.parent, recovery_key, key_file=backup.carried_key_file(path)
    )
    text = json.dumps(manifest)
    for form in (key.hex(), key.hex().upper(), base64.b64encode(key).decode()):
        assert form not in text


@pytest.mark.attack("encryption")
def test_a_new_computer_restores_an_encrypted_backup_with_the_recovery_key(
    encrypted_backup, tmp_path
):
    path, recovery_key = encrypted_backup
    new_pc = tmp_path / "new-pc"
    done = cli("restore", str(path), "--yes", "--recovery-key", "--data-dir", str(new_pc),
               stdin=recovery_key + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"the key file the backup carries is now {database_key.key_path(new_pc)}" in done.stdout
    assert is_encrypted(database_path(new_pc))
    assert _cases_in(new_pc) == 2  # the outlet's head and teller, readable with the login
    info = cli("info", "--user", "E1001", "--data-dir", str(new_pc), stdin=HEAD_PW + "\n")
    assert info.returncode == 0 and "outlet: 北京市东城区建国门邮政支局" in info.stdout
    check = cli("check", "--user", "E1001", "--data-dir", str(new_pc), stdin=HEAD_PW + "\n")
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.attack("encryption")
def test_a_wrong_recovery_key_restores_nothing_and_is_counted(encrypted_backup, tmp_path):
    from db.trust import unlock_attempts

    path, _recovery_key = encrypted_backup
    new_pc = tmp_path / "new-pc"
    done = cli("restore", str(path), "--yes", "--recovery-key", "--data-dir", str(new_pc),
               stdin="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH\n")  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("not restored: The recovery key is not correct")
    assert not database_path(new_pc).exists() and not database_key.has_key_file(new_pc)
    assert unlock_attempts.read(new_pc).failed(unlock_attempts.RECOVERY) == 1


def test_a_new_computer_restores_with_a_login_the_backup_knows(encrypted_backup, tmp_path):
    path, _recovery_key = encrypted_backup
    new_pc = tmp_path / "new-pc"
    wrong = cli("restore", str(path), "--yes", "--user", "E1001", "--data-dir", str(new_pc),
                stdin="not-the-password\n")  # fmt: skip
    assert wrong.returncode == 1 and "not correct" in wrong.stderr
    assert not database_path(new_pc).exists()
    done = cli("restore", str(path), "--yes", "--user", "E1001", "--data-dir", str(new_pc),
               stdin=HEAD_PW + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _cases_in(new_pc) == 2


@pytest.mark.attack("encryption")
def test_a_carried_key_altered_in_the_manifest_is_refused(encrypted_backup, tmp_path):
    import json

    from db.trust import backup

    path, recovery_key = encrypted_backup
    manifest_file = backup.manifest_path(path)
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    manifest["database_key"]["database_id"] = "00" * 16  # moved from another outlet's file
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    new_pc = tmp_path / "new-pc"
    done = cli("restore", str(path), "--yes", "--recovery-key", "--data-dir", str(new_pc),
               stdin=recovery_key + "\n")  # fmt: skip
    assert done.returncode == 1 and "damaged or altered key file" in done.stderr
    assert not database_path(new_pc).exists()


@pytest.mark.attack("encryption")
def test_the_recovery_key_restores_over_the_current_encrypted_database_too(data_dir, tmp_path):
    recovery_key = _encrypted(data_dir)
    path = _backed_up(data_dir, tmp_path / "usb")
    before = database_path(data_dir).read_bytes()
    wrong = cli("restore", str(path), "--yes", "--recovery-key", "--data-dir", str(data_dir),
                stdin="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH\n")  # fmt: skip
    assert wrong.returncode == 1 and "Nothing was changed." in wrong.stderr
    assert database_path(data_dir).read_bytes() == before
    done = cli("restore", str(path), "--yes", "--recovery-key", "--data-dir", str(data_dir),
               stdin=recovery_key + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "the key file the backup carries" not in done.stdout  # the folder kept its own
    assert "previous data backed up to" in done.stdout
    assert _cases_in(data_dir) == 2


@pytest.mark.attack("cli")
def test_the_recovery_key_flag_is_no_way_around_the_login_with_a_plain_backup(data_dir, tmp_path):

    path = _backed_up(data_dir, tmp_path / "usb")
    before = database_path(data_dir).read_bytes()
    for args in (["--recovery-key"], ["--recovery-key", "--user", "E1003"]):
        refused = cli("restore", str(path), "--yes", *args, "--data-dir", str(data_dir),
                      stdin="anything\nzhang.wei-01\n")  # fmt: skip
        assert refused.returncode == 1, refused.stdout
        assert "is not encrypted, so no recovery key opens it" in refused.stderr
    assert database_path(data_dir).read_bytes() == before


@pytest.mark.attack("encryption")
def test_a_foreign_backup_with_its_own_key_cannot_replace_data_whose_key_file_is_gone(
    data_dir, tmp_path
):
    """Someone deletes the outlet's key file and restores a backup of another encrypted
    database, whose recovery key they hold: refused, and the outlet's file is untouched."""

    other = tmp_path / "other"
    other.mkdir()
    open_database(database_path(other))
    outlets.setup_outlet(dataclasses.replace(OUTLET_SETUP, password=HEAD_PW))
    close_database()
    their_key = _encrypted(other)
    path = _backed_up(other, tmp_path / "usb")

    _encrypted(data_dir)
    database_key.key_path(data_dir).unlink()
    before = database_path(data_dir).read_bytes()
    refused = cli("restore", str(path), "--yes", "--recovery-key", "--data-dir",
                  str(data_dir), stdin=their_key + "\n")  # fmt: skip
    assert refused.returncode == 1
    assert "the key the backup carries does not open the current database" in refused.stderr
    assert database_path(data_dir).read_bytes() == before
