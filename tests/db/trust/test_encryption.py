"""The database encrypted at rest: real files, opened by every login and the recovery key,
by nothing else, and holding no customer's name or phone number in its bytes."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from db.errors import WorkflowError
from db.intake import cases, outlets
from db.management import staff_records
from db.store import cipher
from db.store import database as database_module
from db.store.models import Case, Staff, now
from db.trust import accounts, backup, database_key, encryption, keys
from tests.db.conftest import OUTLET_SETUP
from tests.db.helpers import valid_case

FAST_N = 2**10
HEAD_PW = "Jianguo-2026"
LOBBY_PW = "lina.lobby-7"
CUSTOMER = "欧阳秀英"
PHONE = "13912345678"


def _logins(head: Staff, lobby: Staff) -> list[database_key.Login]:
    return [
        database_key.Login(head.id, head.employee_no, HEAD_PW),
        database_key.Login(lobby.id, lobby.employee_no, LOBBY_PW),
    ]


@pytest.fixture
def plain(tmp_path: Path) -> tuple[Path, Staff, Staff]:
    """A plain outlet database with two accounts and a few cases, closed."""
    path = tmp_path / "data" / database_module.DB_FILENAME
    database_module.open_database(path)
    outlet, head = outlets.setup_outlet(OUTLET_SETUP)
    lobby = outlets.add_staff(outlet, "李娜", "E1002", "lobby_manager")
    accounts.create_account(head, HEAD_PW, actor=head)
    accounts.create_account(lobby, LOBBY_PW, actor=head)
    for _ in range(5):
        cases.register_case(
            outlet, valid_case(lobby, customer_name=CUSTOMER, customer_phone=PHONE), actor=lobby
        )
    database_module.close_database()
    return path, head, lobby


@pytest.fixture
def encrypted(plain) -> tuple[Path, Staff, Staff, encryption.Encryption]:
    path, head, lobby = plain
    done = encryption.encrypt_database(path, _logins(head, lobby), scrypt_n=FAST_N)
    return path, head, lobby, done


def _cases_with(path: Path, key: bytes) -> int:
    database_module.open_database(path, key=key)
    try:
        return Case.select().where(Case.customer_name == CUSTOMER).count()
    finally:
        database_module.close_database()


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.glob("*sqlite3*") if p.is_file())


@pytest.mark.attack("encryption")
def test_encrypted_file_holds_no_customer_data_and_plain_sqlite_cannot_read_it(encrypted):
    path, _head, _lobby, done = encrypted
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    for secret in (CUSTOMER.encode(), PHONE.encode(), PHONE[-4:].encode() + b"\x00"):
        assert secret not in data
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM complaint_case").fetchone()
    assert database_module.is_encrypted(path)
    assert _cases_with(path, done.key) == 5
    # Still encrypted after the program wrote to it (write-ahead log and all).
    database_module.open_database(path, key=done.key)
    database_module.close_database()
    assert CUSTOMER.encode() not in _all_bytes(path.parent)


@pytest.mark.attack("encryption")
def test_every_login_and_the_recovery_key_open_it_nothing_else(encrypted):
    path, head, lobby, done = encrypted
    folder = path.parent
    for number, password in ((head.employee_no, HEAD_PW), (lobby.employee_no, LOBBY_PW)):
        key = database_key.unwrap_by_login(folder, number, password)
        assert _cases_with(path, key) == 5
    typed = done.recovery_key.lower().replace("-", " ")
    assert _cases_with(path, database_key.unwrap_by_recovery_key(folder, typed)) == 5
    for number, password in (
        (head.employee_no, LOBBY_PW),  # another account's password
        (lobby.employee_no, "not the password"),
        ("E9999", HEAD_PW),  # nobody's number
    ):
        with pytest.raises(WorkflowError) as refused:
            database_key.unwrap_by_login(folder, number, password)
        assert refused.value.code == "login_wrong_password"
        assert str(refused.value).startswith("The employee number or the password is not correct")
        assert "locked for 15 minutes" in str(refused.value)
    with pytest.raises(WorkflowError) as refused:
        database_key.unwrap_by_recovery_key(folder, database_key.new_recovery_key())
    assert refused.value.code == "recovery_key_wrong"
    with pytest.raises(WorkflowError) as refused:
        database_module.open_database(path, key=database_key.new_key())
    assert refused.value.code == "database_key_wrong"
    with pytest.raises(WorkflowError) as refused:
        database_module.open_database(path)
    assert refused.value.code == "database_encrypted"


@pytest.mark.attack("encryption")
def test_key_file_is_private_and_holds_no_key_in_the_clear(encrypted):
    path, _head, _lobby, done = encrypted
    key_file = database_key.key_path(path.parent)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    text = key_file.read_bytes()
    for secret in (done.key, done.key.hex().encode(), done.recovery_key.encode(), HEAD_PW.encode()):
        assert secret not in text
    os.chmod(key_file, 0o644)
    with pytest.raises(keys.KeyFileError) as refused:
        database_key.unwrap_by_login(path.parent, "E1001", HEAD_PW)
    assert refused.value.code == "key_file_exposed"


def test_recovery_key_is_typable_groups():
    recovery = database_key.new_recovery_key()
    groups = recovery.split("-")
    assert len(groups) == 8 and all(len(g) == 5 for g in groups)
    assert set(recovery.replace("-", "")) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert database_key.normalize_recovery_key(" ".join(groups).lower()) == recovery
    assert database_key.recovery_key_text(recovery).count("\n") == 1


def test_accounts_follow_their_wraps(encrypted):
    """A new account opens the database, a changed or reset password replaces the old
    one, a deactivated account's wrap is gone, a renumbered one follows its number."""
    path, head, lobby, done = encrypted
    folder = path.parent
    database_module.open_database(path, key=done.key)
    try:
        teller = outlets.add_staff(outlets.current_outlet(), "张伟", "E1003", "teller")
        accounts.create_account(teller, "zhang.wei-01", actor=head)
        assert database_key.unwrap_by_login(folder, "E1003", "zhang.wei-01") == done.key

        accounts.change_password(lobby, LOBBY_PW, "lina.new-pw-2")
        assert database_key.unwrap_by_login(folder, "E1002", "lina.new-pw-2") == done.key
        with pytest.raises(WorkflowError):
            database_key.unwrap_by_login(folder, "E1002", LOBBY_PW)

        accounts.reset_password(teller, "reset-by-head-3", actor=head)
        assert database_key.unwrap_by_login(folder, "E1003", "reset-by-head-3") == done.key
        with pytest.raises(WorkflowError):
            database_key.unwrap_by_login(folder, "E1003", "zhang.wei-01")

        staff_records.update_staff(teller, head, employee_no="E2003")
        assert database_key.unwrap_by_login(folder, "E2003", "reset-by-head-3") == done.key

        staff_records.deactivate_staff(teller, head)
        info = database_key.read_key_file(database_key.key_path(folder))
        assert info.account_numbers() == ["E1001", "E1002"]
        with pytest.raises(WorkflowError) as refused:
            database_key.unwrap_by_login(folder, "E2003", "reset-by-head-3")
        assert refused.value.code == "login_wrong_password"
    finally:
        database_module.close_database()
    assert database_key.unwrap_by_recovery_key(folder, done.recovery_key) == done.key


def test_a_plain_database_keeps_no_key_file(plain):
    path, head, _lobby = plain
    database_module.open_database(path)
    try:
        accounts.reset_password(Staff.get_by_id(_lobby.id), "new-pass-for-lina", actor=head)
    finally:
        database_module.close_database()
    assert not database_key.has_key_file(path.parent)


@pytest.mark.attack("encryption")
def test_a_wrap_moved_into_another_file_or_altered_is_refused(encrypted, tmp_path):
    path, head, lobby, _done = encrypted
    other = tmp_path / "other"
    database_key.create_key_file(other, _logins(head, lobby), scrypt_n=FAST_N)
    mine = database_key.read_key_file(database_key.key_path(path.parent)).data
    theirs = database_key.read_key_file(database_key.key_path(other)).data
    theirs["wraps"][0] = mine["wraps"][0]
    keys.write_protected(database_key.key_path(other), keys.canonical(theirs))
    with pytest.raises(keys.KeyFileError) as refused:
        database_key.unwrap_by_login(other, "E1001", HEAD_PW)
    assert refused.value.code == "key_file_damaged"


@pytest.mark.attack("encryption")
def test_backups_of_an_encrypted_database_are_encrypted(encrypted, tmp_path):
    path, _head, _lobby, done = encrypted
    db = database_module.open_database(path, key=done.key)
    try:
        made = backup.make_backup(db, tmp_path / "usb", reason=backup.REASON_MANUAL)
        assert backup.list_backups(tmp_path / "usb")[0].verified
        assert backup.is_valid_backup(made.path)[0]
    finally:
        database_module.close_database()
    data = made.path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and CUSTOMER.encode() not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(made.path).execute("SELECT count(*) FROM complaint_case").fetchone()
    assert _cases_with(made.path, done.key) == 5


def test_migration_keeps_the_plain_backup_and_every_row(plain):
    path, head, lobby = plain
    con = sqlite3.connect(path)
    before = encryption.table_rows(con)
    con.close()
    done = encryption.encrypt_database(path, _logins(head, lobby), scrypt_n=FAST_N)
    assert done.rows == before
    assert cipher.is_plain_file(done.backup) and CUSTOMER.encode() in done.backup.read_bytes()
    assert done.backup.name.endswith("pre-encryption.sqlite3")
    conn = cipher.connect(path, done.key)
    try:
        assert encryption.table_rows(conn) == before
    finally:
        conn.close()
    assert not encryption.partial_path(path).exists()
    with pytest.raises(WorkflowError) as refused:
        encryption.encrypt_database(path, _logins(head, lobby), scrypt_n=FAST_N)
    assert refused.value.code == "database_already_encrypted"


def test_search_works_on_the_encrypted_database(encrypted):
    from db.intake import queries

    path, _head, _lobby, done = encrypted
    database_module.open_database(path, key=done.key)
    try:
        for text in ("欧阳秀", "欧阳", "秀"):
            assert queries.case_count(queries.CaseFilter(search=text), at=now()) == 5, text
    finally:
        database_module.close_database()


def test_restoring_into_the_encrypted_database(encrypted, tmp_path):
    """An encrypted backup comes back encrypted; the plain one made before encrypting is
    refused rather than written over the encrypted file."""
    path, head, _lobby, done = encrypted
    db = database_module.open_database(path, key=done.key)
    try:
        made = backup.make_backup(db, tmp_path / "usb", reason=backup.REASON_MANUAL)
        cases.register_case(outlets.current_outlet(), valid_case(head), actor=head)
        with pytest.raises(backup.BackupError, match="unencrypted backup"):
            backup.restore(path, done.backup, safety_folder=tmp_path / "safety", actor=head)
        backup.restore(path, made.path, safety_folder=tmp_path / "safety", actor=head)
    finally:
        database_module.close_database()
    assert cipher.is_encrypted_file(path)
    assert _cases_with(path, done.key) == 5
