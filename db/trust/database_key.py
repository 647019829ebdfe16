"""The database key: the random 256-bit key the outlet database is encrypted with, and
its file of wraps.

The key never lies on disk in the clear. It is kept in ``keys/database-key.json`` of the
data folder (0600 in a 0700 folder, written atomically: db/trust/keys.py), sealed once
for every login account, by that account's password, and once by a **recovery key** shown
to the head once, when the key is made. Any one of them opens it; the database itself is
opened with the key unwrapped (db/store/cipher.py). File (``complaint-desk-database-key``,
version 1), UTF-8 JSON::

    {"format": "complaint-desk-database-key", "version": 1, "algorithm": "AES-256-GCM",
     "database_id": hex (16 bytes), "created_at": ISO time,
     "wraps": [{"kind": "account" | "recovery", "employee_no": str (accounts),
                "staff_id": int (accounts), "sealed": {"kind", "staff_id", "database_id",
                "created_at", "kdf", "password_check", "cipher", "ciphertext"}}, ...]}

Each wrap is sealed as db/trust/keys.py seals a private key (scrypt, AES-256-GCM, every
other field of ``sealed`` authenticated, ``database_id`` among them, so a wrap cannot be
moved into another outlet's file). The employee number is a label outside the seal, so it
follows an edited number; a wrong password reads like a failed login.

A wrong password at the unlock, and a wrong recovery key, count like a failed login and
lock after as many tries (db/trust/unlock_attempts.py: the count is kept beside the key
file, since the database that keeps the login's own count cannot be opened yet).

A wrap follows its account: it is added when the account is made, replaced when its
password is changed or reset, and removed when the staff member is deactivated (the
hooks in db/trust/accounts.py and db/management/staff_records.py). Each change rewrites
the file whole, which needs the key: it is taken from the database this process has
open, so wraps change only while an encrypted database is open.
"""

from __future__ import annotations

import contextlib
import functools
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from db.errors import WorkflowError
from db.store import cipher
from db.store.models import Staff, database
from db.trust import keys, unlock_attempts

FORMAT = "complaint-desk-database-key"
ALGORITHM = "AES-256-GCM"
KEY_FILE = "database-key.json"
KIND_ACCOUNT = "account"
KIND_RECOVERY = "recovery"
# 8 groups of 5 base32 characters: 200 random bits, typed from a printout.
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 5
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# What a person may type for what base32 means (it has no 0, 1 or 8).
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


# The lock after wrong passwords lasts this long unless the head set otherwise (db/trust/
# accounts.py); a key that does not open says the login's one message with it, since the
# database holding the head's setting is not open yet.
LOCK_MINUTES_DEFAULT = unlock_attempts.LOCK_MINUTES_DEFAULT
MAX_FAILURES_DEFAULT = unlock_attempts.MAX_FAILURES_DEFAULT


class DatabaseKeyError(WorkflowError):
    """The database key could not be opened or changed: ``login_wrong_password`` or
    ``login_locked`` (a wrong employee number or password, or too many: the login's own
    message), ``recovery_key_wrong`` or ``recovery_key_locked`` (one message),
    ``database_key_missing``, or a key file code of db/trust/keys.py."""

    def __init__(self, code: str, message: str | None = None, **params: object) -> None:
        if code in ("login_wrong_password", "login_locked", "recovery_key_wrong",
                    "recovery_key_locked"):  # fmt: skip
            params.setdefault("minutes", LOCK_MINUTES_DEFAULT)
        super().__init__(code, message, **params)


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / "keys" / KEY_FILE


def new_key() -> bytes:
    return secrets.token_bytes(cipher.KEY_BYTES)


def new_recovery_key() -> str:
    """A random recovery key: 8 groups of 5 base32 characters, separated by dashes."""
    text = "".join(secrets.choice(_BASE32) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    step = RECOVERY_GROUP_LEN
    return "-".join(text[i : i + step] for i in range(0, len(text), step))


def normalize_recovery_key(text: str) -> str:
    """The recovery key as stored, whatever spacing, dashes or case it was typed with."""
    kept = "".join(ch for ch in text.upper().translate(_LOOKALIKES) if ch.isalnum())
    step = RECOVERY_GROUP_LEN
    return "-".join(kept[i : i + step] for i in range(0, len(kept), step))


def _number(employee_no: str) -> str:
    return employee_no.strip()


# --- the file -----------------------------------------------------------------------------


class Login(NamedTuple):
    """An account whose password wraps the key."""

    staff_id: int
    employee_no: str
    password: str


@dataclass(frozen=True)
class KeyFile:
    path: Path
    data: dict

    @property
    def wraps(self) -> list[dict]:
        return list(self.data["wraps"])

    def account_numbers(self) -> list[str]:
        return sorted(w["employee_no"] for w in self.wraps if w["kind"] == KIND_ACCOUNT)


def read_key_file(path: Path) -> KeyFile:
    path = Path(path)
    data = keys._read_json(path, FORMAT, ALGORITHM)
    keys.check_private_file_mode(path)
    return key_file_from(path, data)


def key_file_from(path: Path, data: object) -> KeyFile:
    """The key file ``data`` (a backup's manifest carries one: db/trust/backup_key.py),
    checked as :func:`read_key_file` checks the file; ``path`` names it in a refusal."""
    path = Path(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise keys._damaged(path, "not a database key file")
    if data.get("version") != keys.VERSION or data.get("algorithm") != ALGORITHM:
        raise keys._damaged(path, "a database key file of another version")
    wraps = data.get("wraps")
    if not isinstance(wraps, list) or not all(isinstance(w, dict) for w in wraps):
        raise keys._damaged(path, "wraps is not a list")
    for wrap in wraps:
        sealed = wrap.get("sealed")
        if not isinstance(sealed, dict) or wrap.get("kind") not in (KIND_ACCOUNT, KIND_RECOVERY):
            raise keys._damaged(path, "a wrap is not sealed")
        keys.check_sealed(sealed, path)
        if sealed.get("database_id") != data.get("database_id"):
            raise keys._damaged(path, "a wrap of another database's key")
        if sealed.get("kind") != wrap["kind"] or sealed.get("staff_id") != wrap.get("staff_id"):
            raise keys._damaged(path, "a wrap's label is not its own")
    return KeyFile(path, data)


def has_key_file(data_dir: Path) -> bool:
    return key_path(data_dir).exists()


def _account_wrap(key: bytes, login: Login, database_id: str, n: int) -> dict:
    header = {"kind": KIND_ACCOUNT, "staff_id": login.staff_id, "database_id": database_id,
              "created_at": keys._now()}  # fmt: skip
    sealed = keys.seal(key, login.password, header, n=n)
    return {"kind": KIND_ACCOUNT, "staff_id": login.staff_id,
            "employee_no": _number(login.employee_no), "sealed": sealed}  # fmt: skip


def _recovery_wrap(key: bytes, recovery: str, database_id: str, n: int) -> dict:
    header = {"kind": KIND_RECOVERY, "database_id": database_id, "created_at": keys._now()}
    return {"kind": KIND_RECOVERY, "sealed": keys.seal(key, recovery, header, n=n)}


def _write(path: Path, data: dict) -> None:
    keys.write_protected(path, json.dumps(data, indent=1).encode("utf-8") + b"\n")


def create_key_file(
    data_dir: Path, logins: list[Login], *, scrypt_n: int = keys.SCRYPT_N
) -> tuple[bytes, str]:
    """Make a new database key and its file, wrapped by each login's password and by a
    new recovery key. Returns the key and the recovery key, which is shown to the head
    once and stored nowhere. Refuses to replace an existing file."""
    path = key_path(data_dir)
    if path.exists():
        raise keys.KeyFileError(
            "key_file_exists", "{path}: a key already exists; it is not replaced.", path=str(path)
        )
    key, recovery = new_key(), new_recovery_key()
    database_id = secrets.token_hex(16)
    wraps = [_account_wrap(key, login, database_id, scrypt_n) for login in logins]
    wraps.append(_recovery_wrap(key, recovery, database_id, scrypt_n))
    _write(path, {
        "format": FORMAT, "version": keys.VERSION, "algorithm": ALGORITHM,
        "database_id": database_id, "created_at": keys._now(), "wraps": wraps,
    })  # fmt: skip
    return key, recovery


@functools.cache
def _dummy_wrap() -> dict:
    """A wrap to try when no account has the number, so a refusal takes as long either way."""
    return keys.seal(new_key(), secrets.token_hex(8), {"kind": KIND_ACCOUNT})


def _key_from(path: Path, wrap: dict, secret: str) -> bytes | None:
    """The key in ``wrap``, or None when ``secret`` is not the one that sealed it."""
    try:
        key = keys.open_sealed(wrap["sealed"], secret, path)
    except keys.KeyFileError as error:
        if error.code == "key_wrong_password":
            return None
        raise
    if len(key) != cipher.KEY_BYTES:
        raise keys._damaged(path, "the key is not 256 bits")
    return key


def unwrap_by_login(
    data_dir: Path, employee_no: str, password: str, *, key_file: KeyFile | None = None
) -> bytes:
    """The database key, opened with an account's employee number and password;
    DatabaseKeyError ``login_wrong_password`` for either one wrong, ``login_locked`` once
    the number had too many wrong tries (db/trust/unlock_attempts.py), which reads the same.
    ``key_file``: as for :func:`unwrap_by_recovery_key`."""
    info = key_file or _read(data_dir)
    number = _number(employee_no)
    wraps = [w for w in info.wraps if w["kind"] == KIND_ACCOUNT and w["employee_no"] == number]
    with unlock_attempts.one_at_a_time(data_dir) as attempts:
        return _try_login(info, number, password, wraps, attempts)


def _try_login(
    info: KeyFile, number: str, password: str, wraps: list[dict], attempts: unlock_attempts.Attempts
) -> bytes:
    minutes = attempts.lock_minutes
    if not wraps or attempts.locked(number):
        with contextlib.suppress(keys.KeyFileError):  # as slow as any other refusal
            keys.open_sealed(_dummy_wrap(), password, "(none)")
        code = "login_locked" if wraps else "login_wrong_password"
        raise DatabaseKeyError(code, minutes=minutes)
    for wrap in wraps:
        key = _key_from(info.path, wrap, password)
        if key is not None:
            attempts.record_success(number)
            return key
    locked = attempts.record_failure(number)
    raise DatabaseKeyError("login_locked" if locked else "login_wrong_password", minutes=minutes)


def unwrap_by_recovery_key(
    data_dir: Path, recovery_key: str, *, key_file: KeyFile | None = None
) -> bytes:
    """The database key, opened with the recovery key (typed any way
    :func:`normalize_recovery_key` reads); DatabaseKeyError ``recovery_key_wrong``, or
    ``recovery_key_locked`` after as many wrong tries as lock an account. ``key_file``:
    a backup's copy instead of ``data_dir``'s file (the tries are counted in ``data_dir``)."""
    info = key_file or _read(data_dir)
    with unlock_attempts.one_at_a_time(data_dir) as attempts:
        return _try_recovery(info, normalize_recovery_key(recovery_key), attempts)


def _try_recovery(info: KeyFile, typed: str, attempts: unlock_attempts.Attempts) -> bytes:
    minutes = attempts.lock_minutes
    if attempts.locked(unlock_attempts.RECOVERY):
        with contextlib.suppress(keys.KeyFileError):
            keys.open_sealed(_dummy_wrap(), typed, "(none)")
        raise DatabaseKeyError("recovery_key_locked", minutes=minutes)
    for wrap in info.wraps:
        if wrap["kind"] == KIND_RECOVERY:
            key = _key_from(info.path, wrap, typed)
            if key is not None:
                attempts.record_success(unlock_attempts.RECOVERY)
                return key
    if attempts.record_failure(unlock_attempts.RECOVERY):
        raise DatabaseKeyError("recovery_key_locked", minutes=minutes)
    raise DatabaseKeyError("recovery_key_wrong", minutes=minutes)


def _read(data_dir: Path) -> KeyFile:
    path = key_path(data_dir)
    if not path.exists():
        raise DatabaseKeyError("database_key_missing", path=str(path))
    return read_key_file(path)


def install_key_file(data_dir: Path, key_file: KeyFile) -> Path:
    """Write ``key_file`` (a backup's copy) as ``data_dir``'s key file, which must not exist."""
    path = key_path(data_dir)
    if path.exists():
        raise keys.KeyFileError(
            "key_file_exists", "{path}: a key already exists; it is not replaced.", path=str(path)
        )
    _write(path, key_file.data)
    return path


def set_account_wrap(
    data_dir: Path, key: bytes, login: Login, *, scrypt_n: int | None = None
) -> None:
    """Wrap ``key`` by this account's password, in place of the account's old wrap."""
    info = _read(data_dir)
    n = scrypt_n or _file_n(info)
    kept = [w for w in info.wraps if w.get("staff_id") != login.staff_id]
    wrap = _account_wrap(key, login, info.data["database_id"], n)
    _write(info.path, {**info.data, "wraps": [*kept, wrap]})


def remove_account_wrap(data_dir: Path, staff_id: int) -> bool:
    """Remove the account's wrap; whether it had one. The recovery key's wrap stays."""
    info = _read(data_dir)
    kept = [w for w in info.wraps if w.get("staff_id") != staff_id]
    if len(kept) == len(info.wraps):
        return False
    _write(info.path, {**info.data, "wraps": kept})
    return True


def relabel_account_wrap(data_dir: Path, staff_id: int, employee_no: str) -> None:
    """The staff member's employee number changed: their wrap is found by the new one.
    (The number is a label outside the seal: the password still has to open the wrap.)"""
    info = _read(data_dir)
    wraps = [
        {**w, "employee_no": _number(employee_no)} if w.get("staff_id") == staff_id else w
        for w in info.wraps
    ]
    _write(info.path, {**info.data, "wraps": wraps})


def _file_n(info: KeyFile) -> int:
    return max((int(w["sealed"]["kdf"]["n"]) for w in info.wraps), default=keys.SCRYPT_N)


# --- following the accounts of the open database -----------------------------------------


def _open_data_dir() -> Path | None:
    """The data folder of the open database when it is encrypted, else None."""
    if cipher.open_key() is None or database.obj is None:
        return None
    return Path(database.obj.database).resolve().parent


def account_password_set(staff: Staff, password: str) -> None:
    """An account was made or its password changed or reset: wrap the open encrypted
    database's key by the new password (nothing for a plain database)."""
    folder, key = _open_data_dir(), cipher.open_key()
    if folder is not None and key is not None:
        set_account_wrap(folder, key, Login(staff.id, staff.employee_no, password))
        # A reset by the head also ends a lock from wrong tries at the unlock.
        unlock_attempts.read(folder).record_success(_number(staff.employee_no))


def accounts_without_wrap() -> list[Staff]:
    """The active staff with an account whose password does not open the open encrypted
    database (after ``complaint-desk encrypt``: the program knew only the head's password);
    each needs a password reset by the head, which wraps the key for the new password.
    Empty for a plain database."""
    from db.store.models import Account

    folder = _open_data_dir()
    if folder is None or not has_key_file(folder):
        return []
    wrapped = {w.get("staff_id") for w in _read(folder).wraps if w["kind"] == KIND_ACCOUNT}
    query = (
        Staff.select()
        .join(Account, on=(Account.staff == Staff.id))
        .where(Staff.active & Staff.id.not_in(list(wrapped) or [0]))
        .order_by(Staff.employee_no)
    )
    return list(query)


def lock_settings_seen(max_failures: int, lock_minutes: int) -> None:
    """A login opened the encrypted database: its lock settings apply to the next unlock."""
    folder = _open_data_dir()
    if folder is not None and has_key_file(folder):
        unlock_attempts.mirror_settings(folder, max_failures, lock_minutes)


def account_closed(staff: Staff) -> None:
    """The staff member was deactivated: their password no longer opens the database."""
    folder = _open_data_dir()
    if folder is not None and has_key_file(folder):
        remove_account_wrap(folder, staff.id)


def account_renumbered(staff: Staff) -> None:
    """The staff member's employee number was edited: their login still opens the key."""
    folder = _open_data_dir()
    if folder is not None and has_key_file(folder):
        relabel_account_wrap(folder, staff.id, staff.employee_no)


def recovery_key_text(recovery_key: str) -> str:
    """The recovery key as printed: its groups, four to a line."""
    groups = normalize_recovery_key(recovery_key).split("-")
    return "\n".join(" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4))
