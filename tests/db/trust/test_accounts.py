"""Accounts and login: slow salted hashes only, the lock after wrong
passwords, resets by the head, and refusals that do not tell who has an account."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from db.errors import MESSAGES
from db.intake.validation import ValidationError
from db.management import staff_records
from db.store.models import Account, AuditLog, Staff, database
from db.trust import accounts, permissions
from db.trust.accounts import LoginError
from tests.db.workflow_fixtures import World, refused, world

__all__ = ["world"]

HEAD_PW = "Jianguo-2026"
TELLER_PW = "chen.xiaoyan8"
NOW = dt.datetime(2026, 11, 2, 9, 0, 0)


@pytest.fixture
def w(world: World) -> World:
    accounts.create_account(world.head, HEAD_PW, actor=world.head)
    accounts.create_account(world.teller, TELLER_PW, actor=world.head)
    return world


def in_utc(local: dt.datetime) -> dt.datetime:
    """A local wall-clock time as the lock stores it: naive UTC."""
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def login_refused(employee_no: str, password: str, code: str, at=NOW) -> LoginError:
    with pytest.raises(LoginError) as excinfo:
        accounts.authenticate(employee_no, password, at=at)
    assert excinfo.value.code == code
    return excinfo.value


# --- hashing --------------------------------------------------------------------------------


def test_hash_format_and_parameters():
    stored = accounts.hash_password("correct horse")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    expected = hashlib.scrypt(
        b"correct horse", salt=bytes.fromhex(salt), n=2**14, r=8, p=1, dklen=32
    )
    assert digest == expected.hex()
    assert accounts.verify_password("correct horse", stored)
    assert not accounts.verify_password("correct horsf", stored)
    # a fresh salt each time
    assert accounts.hash_password("correct horse") != stored


def test_stronger_parameters_later_still_verify():
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"pw-123456", salt=salt, n=2**15, r=8, p=2, maxmem=2**27, dklen=32)
    stored = f"scrypt${2**15}$8$2${salt.hex()}${digest.hex()}"
    assert accounts.verify_password("pw-123456", stored)


@pytest.mark.parametrize("stored", ["", "plain", "md5$1$2$3$aa$bb", "scrypt$x$8$1$zz$yy"])
@pytest.mark.attack("accounts")
def test_damaged_hashes_never_match(stored):
    assert not accounts.verify_password("anything", stored)


@pytest.mark.attack("accounts")
def test_no_password_in_the_database_file(w: World):
    accounts.reset_password(w.teller, "Temp-pass-77", actor=w.head)
    accounts.change_password(w.teller, "Temp-pass-77", "Final-pass-99")
    with pytest.raises(LoginError):
        accounts.authenticate("E1003", "Guess-pass-55", at=NOW)
    accounts.authenticate("E1003", "Final-pass-99", at=NOW)
    stored = Account.get(Account.staff == w.teller.id).password_hash
    assert stored.startswith("scrypt$")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    blob = b"".join(p.read_bytes() for p in Path(w.path).glob("t.sqlite3*"))
    for password in (HEAD_PW, TELLER_PW, "Temp-pass-77", "Final-pass-99", "Guess-pass-55"):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert password.encode(encoding) not in blob, password
    # the audit trail holds the hashes, never the passwords
    trail = [e.after or "" for e in AuditLog.select().where(AuditLog.table_name == "account")]
    assert trail and all("Final-pass-99" not in t for t in trail)


# --- password rules -------------------------------------------------------------------------


def test_password_rules(w: World):
    teller = w.teller
    assert accounts.validate_password("abcdefgh", teller) == []
    assert [e.code for e in accounts.validate_password("abc12", teller)] == ["too_short"]
    assert accounts.validate_password("abc12", teller)[0].message == "At least 8 characters."
    assert [e.code for e in accounts.validate_password("12345678", teller)] == [
        "password_all_digits"
    ]
    w.teller2.employee_no = "E1004abcd"
    assert [e.code for e in accounts.validate_password("e1004ABCD", w.teller2)] == [
        "password_is_employee_no"
    ]
    before = Account.select().count()
    with pytest.raises(ValidationError) as excinfo:
        accounts.create_account(w.lobby, "1234567890", actor=w.head)
    assert excinfo.value.for_field("password").code == "password_all_digits"
    assert Account.select().count() == before
    with pytest.raises(ValidationError):
        accounts.change_password(w.teller, TELLER_PW, TELLER_PW)


# --- creating, resetting, changing ----------------------------------------------------------


def test_first_run_head_creates_their_own_then_only_the_head_creates(world: World):
    w = world
    # before any account exists, nobody but the head may make the first one
    refused(lambda: accounts.create_account(w.teller, TELLER_PW, actor=w.teller), "not_permitted")
    own = accounts.create_account(w.head, HEAD_PW, actor=w.head)
    assert not own.must_change_password and own.failed_count == 0
    refused(
        lambda: accounts.create_account(w.lobby, "lobby-pass-1", actor=w.lobby), "not_permitted"
    )
    made = accounts.create_account(w.lobby, "lobby-pass-1", actor=w.head)
    assert made.must_change_password  # someone else chose it
    refused(
        lambda: accounts.create_account(w.lobby, "lobby-pass-2", actor=w.head), "account_exists"
    )


def test_reset_by_head_or_acting_head_only(w: World):
    refused(
        lambda: accounts.reset_password(w.teller, "Other-pw-123", actor=w.lobby), "not_permitted"
    )
    refused(
        lambda: accounts.reset_password(w.teller, "Other-pw-123", actor=w.teller), "not_permitted"
    )
    refused(lambda: accounts.reset_password(w.lobby, "Other-pw-123", actor=w.head), "no_account")
    account = accounts.reset_password(w.teller, "Other-pw-123", actor=w.head)
    assert account.must_change_password
    assert accounts.authenticate("E1003", "Other-pw-123", at=NOW).id == w.teller.id
    login_refused("E1003", TELLER_PW, "login_wrong_password")
    # an acting head, inside the span, resets too
    start = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1)
    permissions.name_acting_head(w.head, w.lobby, start, start + dt.timedelta(hours=3))
    accounts.reset_password(w.teller, "Third-pw-456", actor=w.lobby)
    assert accounts.authenticate("E1003", "Third-pw-456", at=NOW).id == w.teller.id


def test_change_password_needs_the_current_one(w: World):
    accounts.reset_password(w.teller, "Given-pw-123", actor=w.head)
    refused(
        lambda: accounts.change_password(w.teller, "wrong-pw-1", "New-pw-4567"),
        "old_password_wrong",
    )
    account = accounts.change_password(w.teller, "Given-pw-123", "New-pw-4567")
    assert not account.must_change_password
    assert accounts.authenticate("E1003", "New-pw-4567", at=NOW).id == w.teller.id


# --- logging in -----------------------------------------------------------------------------


def test_login_success_records_the_time(w: World):
    staff = accounts.authenticate(" E1003 ", TELLER_PW, at=NOW)
    assert staff.id == w.teller.id
    account = accounts.account_of(w.teller)
    assert account.last_login_at == NOW and account.failed_count == 0


@pytest.mark.attack("accounts")
def test_unknown_wrong_and_no_account_read_the_same(w: World):
    unknown = login_refused("E9999", TELLER_PW, "login_unknown")
    wrong = login_refused("E1003", "not-the-pw", "login_wrong_password")
    none = login_refused("E1002", "whatever-1", "login_no_account")  # the lobby manager
    assert unknown.message == wrong.message == none.message
    assert MESSAGES["login_unknown"] == MESSAGES["login_wrong_password"]
    assert MESSAGES["login_no_account"] == MESSAGES["login_unknown"]
    assert isinstance(wrong, accounts.WorkflowError)


@pytest.mark.attack("accounts")
def test_a_locked_account_reads_like_an_unknown_employee_number(w: World):
    """Locking an account must not tell the person at the keyboard that it exists."""
    for i in range(5):
        login_refused("E1003", f"wrong-{i}", "login_wrong_password" if i < 4 else "login_locked")
    locked = login_refused("E1003", TELLER_PW, "login_locked")
    unknown = login_refused("E9999", TELLER_PW, "login_unknown")
    wrong = login_refused("E1001", "not-the-pw", "login_wrong_password")
    assert locked.message == unknown.message == wrong.message
    assert "E1003" not in locked.message and "locked until" not in locked.message


@pytest.mark.attack("accounts")
def test_the_lock_survives_a_change_of_time_zone(w: World, monkeypatch):
    """Locked in Beijing time, then the process's zone is set an hour ahead (TZ): the lock,
    kept in UTC, still holds; only its real end lifts it."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        local = dt.datetime.now().replace(microsecond=0)
        for i in range(5):
            with pytest.raises(LoginError):
                accounts.authenticate("E1003", f"wrong-{i}", at=local)
        monkeypatch.setenv("TZ", "Asia/Tokyo")  # one hour ahead of Beijing
        time.tzset()
        ahead = dt.datetime.now().replace(microsecond=0)
        assert ahead - local >= dt.timedelta(minutes=59)
        login_refused("E1003", TELLER_PW, "login_locked", at=ahead)
        login_refused("E1003", TELLER_PW, "login_locked", at=None)
        assert accounts.authenticate("E1003", TELLER_PW, at=ahead + dt.timedelta(minutes=15))
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.attack("accounts")
def test_a_clock_turned_back_does_not_shorten_the_lock(w: World):
    for i in range(5):
        with pytest.raises(LoginError):
            accounts.authenticate("E1003", f"wrong-{i}", at=NOW)
    until = accounts.account_of(w.teller).locked_until
    earlier = NOW - dt.timedelta(hours=3)
    for i in range(5):
        with pytest.raises(LoginError):
            accounts.authenticate("E1003", f"again-{i}", at=earlier)
    assert accounts.account_of(w.teller).locked_until == until
    login_refused("E1003", TELLER_PW, "login_locked", at=until - dt.timedelta(seconds=1))


@pytest.mark.attack("accounts")
def test_lockout_after_five_and_unlock_after_the_time(w: World):
    for i in range(4):
        login_refused("E1003", f"wrong-{i}", "login_wrong_password", at=NOW)
        assert accounts.account_of(w.teller).failed_count == i + 1
    locked = login_refused("E1003", "wrong-4", "login_locked", at=NOW)
    until = NOW + dt.timedelta(minutes=15)
    assert locked.params["minutes"] == 15 and "15 minutes" in locked.message
    assert accounts.account_of(w.teller).locked_until == in_utc(until)
    # while locked even the right password is refused, and nothing is counted
    before = AuditLog.select().count()
    login_refused("E1003", TELLER_PW, "login_locked", at=until - dt.timedelta(seconds=1))
    assert AuditLog.select().count() == before
    # the lock ends at ``until``
    assert accounts.authenticate("E1003", TELLER_PW, at=until).id == w.teller.id
    account = accounts.account_of(w.teller)
    assert account.failed_count == 0 and account.locked_until is None


def test_a_success_resets_the_count(w: World):
    for i in range(4):
        login_refused("E1003", f"wrong-{i}", "login_wrong_password")
    accounts.authenticate("E1003", TELLER_PW, at=NOW)
    for i in range(4):
        login_refused("E1003", f"wrong-{i}", "login_wrong_password")
    assert accounts.account_of(w.teller).failed_count == 4


def test_lock_settings(w: World):
    assert accounts.setting("max_failures") == 5
    assert accounts.setting("lock_minutes") == 15
    assert accounts.idle_lock_minutes() == 10
    refused(lambda: accounts.set_setting("max_failures", 3, actor=w.teller), "not_permitted")
    refused(lambda: accounts.set_setting("max_failures", 0, actor=w.head), "rule_range")
    refused(lambda: accounts.set_setting("max_failures", 2.5, actor=w.head), "rule_type")
    refused(lambda: accounts.set_setting("colour", 2, actor=w.head), "unknown_rule")
    accounts.set_setting("max_failures", 3, actor=w.head)
    accounts.set_setting("lock_minutes", 60, actor=w.head)
    accounts.set_setting("idle_lock_minutes", 5, actor=w.head)
    assert accounts.idle_lock_minutes() == 5
    login_refused("E1003", "wrong-1", "login_wrong_password")
    login_refused("E1003", "wrong-2", "login_wrong_password")
    locked = login_refused("E1003", "wrong-3", "login_locked")
    assert "60 minutes" in locked.message
    assert accounts.account_of(w.teller).locked_until == in_utc(NOW + dt.timedelta(minutes=60))


def test_inactive_staff_are_refused(w: World):
    staff_records.deactivate_staff(w.teller, w.head)
    error = login_refused("E1003", TELLER_PW, "login_inactive")
    assert w.teller.name in error.message
    # a wrong password still reads as a wrong password: nothing is told about the person
    login_refused("E1003", "not-the-pw", "login_wrong_password")
    assert not Staff.get_by_id(w.teller.id).active


# --- whether a login is needed ---------------------------------------------------------------


def test_login_required_once_accounts_exist(world: World):
    assert accounts.login_required() is False
    accounts.create_account(world.head, HEAD_PW, actor=world.head)
    assert accounts.login_required() is True


@pytest.mark.parametrize(
    "tamper",
    [
        ["DROP TABLE account"],
        ["DROP TRIGGER audit_account_delete", "DELETE FROM account"],
    ],
    ids=["dropped", "emptied"],
)
@pytest.mark.attack("accounts")
def test_accounts_tampered_with_in_the_sqlite3_shell_are_unreadable(w: World, tamper):
    for sql in tamper:
        database.execute_sql(sql)
    error = refused(accounts.login_required, "accounts_unreadable")
    assert "cannot be read" in error.message


def test_a_database_from_before_accounts_needs_no_login(world: World):
    database.execute_sql("DROP TABLE account")
    database.execute_sql(
        "DELETE FROM schema_migration WHERE name = ?", (accounts.ACCOUNTS_MIGRATION,)
    )
    assert accounts.login_required() is False


# --- an acting head and the accounts ---------------------------------------------------------


@pytest.mark.attack("accounts")
def test_an_acting_head_resets_staff_passwords_but_never_the_heads(w: World, monkeypatch):
    from tests.db.helpers import freeze_now
    from tests.db.workflow_fixtures import at

    clock = freeze_now(monkeypatch, at(3))
    permissions.name_acting_head(w.head, w.lobby, at(1), at(5))
    accounts.reset_password(w.teller, "teller-new-1", actor=w.lobby)
    error = refused(
        lambda: accounts.reset_password(w.head, "taken-over-1", actor=w.lobby),
        "head_account_in_person",
    )
    assert w.lobby.name in error.message
    assert accounts.authenticate("E1001", HEAD_PW, at=at(3)).id == w.head.id
    # once the span is over, not even a teller's password
    clock.moment = at(6)
    refused(
        lambda: accounts.reset_password(w.teller, "teller-new-2", actor=w.lobby),
        "not_permitted",
    )


@pytest.mark.attack("accounts")
def test_an_expired_acting_head_is_not_revived_by_another_time_zone(w: World, monkeypatch):
    """The span ended an hour ago by the head's clock (Beijing time). Started with TZ four
    hours behind (Dubai), the wall clock reads a time inside the span; the program corrects
    by the zone the head named the span in, and refuses."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        beijing = dt.datetime.now().replace(microsecond=0)
        permissions.name_acting_head(
            w.head, w.lobby, beijing - dt.timedelta(hours=5), beijing - dt.timedelta(hours=1)
        )
        monkeypatch.setenv("TZ", "Asia/Dubai")
        time.tzset()
        dubai = dt.datetime.now().replace(microsecond=0)
        assert beijing - dt.timedelta(hours=5) < dubai < beijing - dt.timedelta(hours=1)
        refused(
            lambda: accounts.reset_password(w.teller, "teller-new-3", actor=w.lobby),
            "not_permitted",
        )
        assert permissions.outlet_now() >= beijing
    finally:
        monkeypatch.undo()
        time.tzset()
