"""Wrong passwords at the unlock of an encrypted database, and wrong recovery keys, count
like failed logins: brute-forced here, they lock after the head's number of tries, for the
head's minutes, in UTC, across restarts, and say nothing the first refusal did not."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.store import database as database_module
from db.trust import accounts, database_key, unlock_attempts
from db.trust.database_key import DatabaseKeyError
from tests.db.trust.test_encryption import HEAD_PW, LOBBY_PW, encrypted, plain

__all__ = ["encrypted", "plain"]
pytestmark = pytest.mark.attack("accounts")
ROOT = Path(__file__).resolve().parents[3]


def _folder(encrypted) -> Path:
    return encrypted[0].parent


def _refusal(folder: Path, number: str, password: str) -> DatabaseKeyError:
    with pytest.raises(DatabaseKeyError) as refused:
        database_key.unwrap_by_login(folder, number, password)
    return refused.value


def _at(monkeypatch, base: dt.datetime, minutes: int) -> None:
    at = base + dt.timedelta(minutes=minutes)
    monkeypatch.setattr(unlock_attempts, "utc_now", lambda: at)


def test_five_wrong_unlocks_lock_even_the_right_password(encrypted):
    folder = _folder(encrypted)
    wrong = [_refusal(folder, "E1001", f"guess-{i:04d}") for i in range(5)]
    assert [e.code for e in wrong] == ["login_wrong_password"] * 4 + ["login_locked"]
    locked = _refusal(folder, "E1001", HEAD_PW)
    assert locked.code == "login_locked"
    assert {e.message for e in [*wrong, locked]} == {wrong[0].message}  # one refusal
    # another account is not locked by them
    assert database_key.unwrap_by_login(folder, "E1002", LOBBY_PW)


def test_the_lock_ends_after_its_minutes_and_not_when_the_clock_is_turned_back(
    encrypted, monkeypatch
):
    folder = _folder(encrypted)
    base = unlock_attempts.utc_now()
    for i in range(5):
        _refusal(folder, "E1001", f"guess-{i}")
    _at(monkeypatch, base, -60 * 24)  # the clock turned back a day
    assert _refusal(folder, "E1001", HEAD_PW).code == "login_locked"
    _at(monkeypatch, base, 14)
    assert _refusal(folder, "E1001", HEAD_PW).code == "login_locked"
    _at(monkeypatch, base, 16)
    assert database_key.unwrap_by_login(folder, "E1001", HEAD_PW)


def test_a_time_zone_does_not_shorten_the_lock(encrypted):
    """Two processes, the second in a zone nine hours ahead: the lock is kept in UTC."""
    folder = _folder(encrypted)
    code = (
        "import sys\n"
        "from db.trust import database_key\n"
        "try:\n"
        "    database_key.unwrap_by_login(sys.argv[1], 'E1001', sys.argv[2])\n"
        "except database_key.DatabaseKeyError as e:\n"
        "    print(e.code)\n"
        "else:\n"
        "    print('opened')\n"
    )

    def run(password: str, tz: str) -> str:
        env = dict(os.environ, TZ=tz)
        done = subprocess.run(
            [sys.executable, "-c", code, str(folder), password],
            capture_output=True, text=True, cwd=ROOT, env=env, check=True,
        )  # fmt: skip
        return done.stdout.strip()

    for i in range(5):
        run(f"guess-{i}", "America/Los_Angeles")
    assert run(HEAD_PW, "Asia/Tokyo") == "login_locked"


def test_a_right_password_starts_the_count_again(encrypted):
    folder = _folder(encrypted)
    for _round in range(2):
        for i in range(4):
            assert _refusal(folder, "E1001", f"guess-{i}").code == "login_wrong_password"
        assert database_key.unwrap_by_login(folder, "E1001", HEAD_PW)


def test_unknown_numbers_are_refused_alike_and_leave_no_trace(encrypted):
    folder = _folder(encrypted)
    known = _refusal(folder, "E1001", "guess-0")
    for i in range(20):
        assert _refusal(folder, f"X{i:04d}", "guess").message == known.message
    counts = json.loads(unlock_attempts.path_in(folder).read_text(encoding="utf-8"))
    assert list(counts["accounts"]) == ["E1001"]


def test_the_count_file_is_private(encrypted):
    folder = _folder(encrypted)
    _refusal(folder, "E1001", "guess-0")
    assert oct(unlock_attempts.path_in(folder).stat().st_mode & 0o777) == "0o600"


def test_the_heads_lock_settings_apply_to_the_unlock_after_a_login(encrypted):
    path, head, _lobby, _done = encrypted
    folder = path.parent
    key = database_key.unwrap_by_login(folder, "E1001", HEAD_PW)
    database_module.open_database(path, key=key)
    try:
        accounts.set_setting("max_failures", 3, actor=head)
        accounts.set_setting("lock_minutes", 60, actor=head)
    finally:
        database_module.close_database()
    wrong = [_refusal(folder, "E1002", f"guess-{i}") for i in range(3)]
    assert wrong[-1].code == "login_locked"
    assert wrong[-1].params["minutes"] == 60
    assert _refusal(folder, "E1002", LOBBY_PW).code == "login_locked"


@pytest.mark.attack("encryption")
def test_wrong_recovery_keys_lock_the_recovery_key_too(encrypted):
    path, _head, _lobby, done = encrypted
    folder = path.parent
    codes = []
    for i in range(5):
        with pytest.raises(DatabaseKeyError) as refused:
            database_key.unwrap_by_recovery_key(folder, f"AAAAA-AAAAA-{i:05d}")
        codes.append(refused.value.code)
    assert codes == ["recovery_key_wrong"] * 4 + ["recovery_key_locked"]
    with pytest.raises(DatabaseKeyError) as refused:
        database_key.unwrap_by_recovery_key(folder, done.recovery_key)
    assert refused.value.code == "recovery_key_locked"
    assert (
        refused.value.message
        == "The recovery key is not correct, or it is locked for 15 minutes after too many wrong tries."
    )
    # the accounts' logins are not locked by it
    assert database_key.unwrap_by_login(folder, "E1001", HEAD_PW)


def test_a_damaged_count_file_counts_as_none_and_is_rewritten(encrypted):
    folder = _folder(encrypted)
    unlock_attempts.path_in(folder).write_text("{not json", encoding="utf-8")
    assert _refusal(folder, "E1001", "guess").code == "login_wrong_password"
    assert unlock_attempts.read(folder).failed("E1001") == 1


def test_processes_trying_side_by_side_are_all_counted(encrypted):
    """Eight processes started together, each with a wrong password: taken one at a time,
    every try counts, so the right password is locked out after them."""
    import time

    folder = _folder(encrypted)
    start = time.time() + 2
    code = (
        "import sys, time\n"
        "from db.trust import database_key\n"
        "time.sleep(max(0, float(sys.argv[3]) - time.time()))\n"
        "try:\n"
        "    database_key.unwrap_by_login(sys.argv[1], 'E1001', sys.argv[2])\n"
        "except database_key.DatabaseKeyError as e:\n"
        "    print(e.code)\n"
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(folder), f"guess-{i}", str(start)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )  # fmt: skip
        for i in range(8)
    ]
    said = sorted(child.communicate(timeout=120)[0].strip() for child in children)
    assert said == ["login_locked"] * 4 + ["login_wrong_password"] * 4
    assert _refusal(folder, "E1001", HEAD_PW).code == "login_locked"


def test_a_read_only_folder_still_opens_with_the_right_password(encrypted):
    folder = _folder(encrypted)
    keys_dir = folder / "keys"
    keys_dir.chmod(0o500)
    try:
        if os.access(keys_dir, os.W_OK):
            pytest.skip("this user writes to read-only folders (root)")
        assert _refusal(folder, "E1001", "guess").code == "login_wrong_password"
        assert database_key.unwrap_by_login(folder, "E1001", HEAD_PW)
    finally:
        keys_dir.chmod(0o700)
