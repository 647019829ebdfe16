"""Login accounts: slow salted password hashes, the lock after wrong passwords.

Passwords are never stored: only ``scrypt$n$r$p$salt_hex$hash_hex``, with the parameters in
the string so they can be raised later without invalidating existing accounts. A wrong
password, an unknown employee number, a staff member without an account and a locked account
all read the same to the person at the keyboard, and cost the same slow hash, so nobody can
find out which accounts exist or which are locked; the codes differ for the program. After
``accounts.max_failures`` wrong passwords in a row the account is locked for
``accounts.lock_minutes``; a good password resets the count.

The lock is kept in UTC (``Account.locked_until``), so changing the computer's time zone
(or the ``TZ`` of one process) neither ends nor shortens it, and a new lock never ends
before the one already held: a clock turned back only makes it last longer.

A database whose accounts cannot be read (the table dropped or damaged, or emptied although
the audit trail recorded accounts) is not a database without accounts: ``login_required``
refuses, so nothing that asks who is acting lets everyone in as the head.

Every write runs in one transaction and is audited by the triggers (db/trust/audit.py). Only the
hash reaches the audit trail, never the password.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import json
import secrets

from peewee import PeeweeException

from db.errors import WorkflowError
from db.intake.validation import FieldError, ValidationError, has_control_chars
from db.store import vocab
from db.store.models import Account, AuditLog, Setting, Staff, database, now
from db.trust import database_key, permissions
from db.trust.policy import Action

SCHEME = "scrypt"
# The schema migration that added accounts (db/store/migrations).
ACCOUNTS_MIGRATION = "0007_accounts"
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_LENGTH = 8

SETTING_PREFIX = "accounts."
# Account settings: key -> (default, minimum, maximum). Stored as JSON in ``setting``.
SETTINGS: dict[str, tuple[int, int, int]] = {
    "max_failures": (database_key.MAX_FAILURES_DEFAULT, 1, 100),
    "lock_minutes": (database_key.LOCK_MINUTES_DEFAULT, 1, 24 * 60),
    # Read by the GUI: lock the window after this many idle minutes.
    "idle_lock_minutes": (10, 1, 24 * 60),
}


class LoginError(WorkflowError):
    """A login was refused: login_unknown, login_wrong_password, login_no_account,
    login_locked (the same message for the four, with the lock's ``minutes``) or
    login_inactive (only after the right password)."""

    def __init__(self, code: str, **params: object) -> None:
        if code != "login_inactive":
            params.setdefault("minutes", setting("lock_minutes"))
        super().__init__(code, None, **params)


# --- hashing -----------------------------------------------------------------------------------


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r * p, dklen=length
    )


def hash_password(password: str) -> str:
    """A new salted hash of ``password``, in the stored format."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``, compared in constant time."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = bytes.fromhex(hash_hex)
        digest = _scrypt(password, bytes.fromhex(salt_hex), int(n), int(r), int(p), len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


@functools.cache
def _dummy_hash() -> str:
    """A hash to check against when there is no account, so that a refusal takes as long
    either way. Made at the first login, not at import: scrypt costs ~35 ms of start-up."""
    return hash_password(secrets.token_hex(8))


# --- password rules ----------------------------------------------------------------------------


def validate_password(password: str, staff: Staff | None = None) -> list[FieldError]:
    """What is wrong with ``password`` as a new password: at least MIN_LENGTH characters,
    not only digits, not the employee number."""
    errors: list[FieldError] = []
    # Control characters cannot be typed into the login box, and a lone surrogate half (from
    # a broken paste) cannot even be encoded for hashing: refused, not crashed on.
    if has_control_chars(password):
        errors.append(FieldError("password", "control_chars"))
    if len(password) < MIN_LENGTH:
        errors.append(FieldError("password", "too_short", {"min": MIN_LENGTH}))
    elif password.isdigit():
        errors.append(FieldError("password", "password_all_digits"))
    if staff is not None and password.strip().casefold() == staff.employee_no.strip().casefold():
        errors.append(FieldError("password", "password_is_employee_no"))
    return errors


def _check_password(password: str, staff: Staff) -> None:
    errors = validate_password(password, staff)
    if errors:
        raise ValidationError(errors)


# --- settings ----------------------------------------------------------------------------------


def setting(key: str) -> int:
    """An account setting (``max_failures``, ``lock_minutes``, ``idle_lock_minutes``)."""
    default, low, high = SETTINGS[key]
    row = Setting.get_or_none(Setting.key == SETTING_PREFIX + key)
    if row is None:
        return default
    try:
        value = json.loads(row.value)
    except ValueError:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return default  # a damaged row falls back to the default
    return value


def set_setting(key: str, value: int, *, actor: Staff) -> int:
    """Store an account setting (head or acting head: they are rule settings)."""
    at = now()
    permissions.require(actor, Action.EDIT_LOGIN_SETTINGS, at)
    if key not in SETTINGS:
        raise WorkflowError("unknown_rule", key=SETTING_PREFIX + key)
    _default, low, high = SETTINGS[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise WorkflowError("rule_type", key=SETTING_PREFIX + key, kind="a whole number")
    if not low <= value <= high:
        raise WorkflowError("rule_range", key=SETTING_PREFIX + key, min=low, max=high)
    with database.atomic():
        Setting.insert(
            key=SETTING_PREFIX + key, value=json.dumps(value), updated_at=at
        ).on_conflict(
            conflict_target=[Setting.key],
            update={Setting.value: json.dumps(value), Setting.updated_at: at},
        ).execute()
    database_key.lock_settings_seen(setting("max_failures"), setting("lock_minutes"))
    return value


def idle_lock_minutes() -> int:
    return setting("idle_lock_minutes")


# --- accounts ----------------------------------------------------------------------------------


def account_of(staff: Staff) -> Account | None:
    return Account.get_or_none(Account.staff == staff.id)


def has_any_account() -> bool:
    return Account.select().exists()


def login_required() -> bool:
    """Whether whoever acts on this database must log in: True once it has accounts.

    WorkflowError ``accounts_unreadable`` when that cannot be told for sure: the account
    table is missing or damaged in a database whose schema has it, or it holds no row
    although the audit trail recorded accounts being created (the program never deletes
    one). A caller refuses then. A database from before accounts (not yet upgraded) has
    none."""
    try:
        if Account.select().exists():
            return True
        created = (
            AuditLog.select()
            .where((AuditLog.table_name == Account._meta.table_name) & (AuditLog.op == "I"))
            .exists()
        )
    except PeeweeException as error:
        if _before_accounts():
            return False
        raise WorkflowError("accounts_unreadable", detail=str(error).strip() or "?") from None
    if created:
        raise WorkflowError(
            "accounts_unreadable", detail="the accounts the audit trail records are gone"
        )
    return False


def _before_accounts() -> bool:
    from db.store.database import is_applied

    try:
        return not is_applied(database.obj, ACCOUNTS_MIGRATION)
    except PeeweeException:
        return False  # too damaged to tell: not a reason to let anyone in


def create_account(staff: Staff, password: str, *, actor: Staff) -> Account:
    """Give ``staff`` an account.

    At first run (no account yet) the head creates their own; from then on only the head or
    the acting head creates accounts, for anyone (as for editing the staff roster, Art. 5).
    """
    at = now()
    fresh = Staff.get_by_id(staff.id)
    if not has_any_account() and actor.id == fresh.id and permissions.can_act_as_head(fresh, at):
        pass  # the first-run head setting up their own login
    else:
        _may_manage(actor, fresh, at)
    if not fresh.active or fresh.outlet_id != actor.outlet_id:
        raise WorkflowError("inactive_staff", name=fresh.name)
    if account_of(fresh) is not None:
        raise WorkflowError("account_exists", name=fresh.name)
    _check_password(password, fresh)
    with database.atomic():
        account = Account.create(
            staff=fresh,
            password_hash=hash_password(password),
            must_change_password=actor.id != fresh.id,
            created_at=at,
            updated_at=at,
        )
        database_key.account_password_set(fresh, password)
    return account


def _may_manage(actor: Staff, staff: Staff, at: dt.datetime) -> None:
    """``actor`` may manage ``staff``'s account (the matrix, at the real time); the head's own
    account is the head's in person: an acting head who could set it could log in as the
    head and name themselves acting head again."""
    authority = permissions.require(actor, Action.MANAGE_ACCOUNTS, at)
    if authority.as_acting_head and staff.role == vocab.ROLE_HEAD:
        raise WorkflowError("head_account_in_person", staff=actor.name)


def _require_account(staff: Staff) -> Account:
    account = account_of(staff)
    if account is None:
        raise WorkflowError("no_account", name=staff.name)
    return account


def reset_password(staff: Staff, new_password: str, *, actor: Staff) -> Account:
    """The head or acting head sets a new password for ``staff``, who must change it at the
    next login; the lock and the failure count are cleared."""
    at = now()
    fresh = Staff.get_by_id(staff.id)
    _may_manage(actor, fresh, at)
    account = _require_account(fresh)
    _check_password(new_password, fresh)
    with database.atomic():
        account.password_hash = hash_password(new_password)
        account.must_change_password = actor.id != fresh.id
        account.failed_count = 0
        account.locked_until = None
        account.updated_at = at
        account.save()
        database_key.account_password_set(fresh, new_password)
    return account


def change_password(staff: Staff, old_password: str, new_password: str) -> Account:
    """The staff member changes their own password, giving the current one."""
    at = now()
    fresh = Staff.get_by_id(staff.id)
    account = _require_account(fresh)
    if not verify_password(old_password, account.password_hash):
        raise WorkflowError("old_password_wrong")
    if hmac.compare_digest(old_password.encode("utf-8"), new_password.encode("utf-8")):
        raise ValidationError([FieldError("password", "password_unchanged")])
    _check_password(new_password, fresh)

    with database.atomic():
        account.password_hash = hash_password(new_password)
        account.must_change_password = False
        account.updated_at = at
        account.save()
        database_key.account_password_set(fresh, new_password)
        # The head's signing key is wrapped by the head's password: it follows it.
        # Loaded here: the signing keys' library is not needed to start the window.
        from db.trust import outlet_keys

        outlet_keys.rewrap_for_new_password(fresh, old_password, new_password)
    return account


def utc_now() -> dt.datetime:
    """The time in UTC, naive, to the second: what the lock is measured in."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _utc(at: dt.datetime) -> dt.datetime:
    """``at`` (local wall-clock time, as ``now()`` gives it, or zone-aware) in naive UTC.

    Converted in this process's zone, the one ``now()`` read it in, so the instant is the
    same whatever that zone is."""
    return at.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)


def authenticate(employee_no: str, password: str, *, at: dt.datetime | None = None) -> Staff:
    """The staff member whose employee number and password these are, or LoginError.

    A wrong password counts towards the lock, which starts at ``max_failures`` in a row and
    lasts ``lock_minutes`` (measured in UTC); while locked, no password is accepted. A success
    resets the count and records the login time (``at``, local, default now).
    """
    at = (at or now()).replace(microsecond=0)
    clock = _utc(at)
    account = (
        Account.select(Account, Staff)
        .join(Staff)
        .where(Staff.employee_no == employee_no.strip())
        .first()
    )
    if account is None:
        verify_password(password, _dummy_hash())
        if Staff.select().where(Staff.employee_no == employee_no.strip()).exists():
            raise LoginError("login_no_account")
        raise LoginError("login_unknown")
    staff = account.staff
    if account.locked_until is not None and account.locked_until > clock:
        verify_password(password, account.password_hash)  # as slow as any other refusal
        raise LoginError("login_locked")
    if not verify_password(password, account.password_hash):
        with database.atomic():
            fresh = Account.get_by_id(account.id)
            fresh.failed_count += 1
            if fresh.failed_count >= setting("max_failures"):
                fresh.failed_count = 0
                until = clock + dt.timedelta(minutes=setting("lock_minutes"))
                held = fresh.locked_until
                fresh.locked_until = until if held is None else max(held, until)
            fresh.updated_at = at
            fresh.save()
        if fresh.locked_until is not None and fresh.locked_until > clock:
            raise LoginError("login_locked")
        raise LoginError("login_wrong_password")
    if not staff.active:
        raise LoginError("login_inactive", name=staff.name)
    with database.atomic():
        fresh = Account.get_by_id(account.id)
        fresh.failed_count = 0
        fresh.locked_until = None
        fresh.last_login_at = at
        fresh.updated_at = at
        fresh.save()
    # The unlock of an encrypted database counts wrong passwords by the same settings.
    database_key.lock_settings_seen(setting("max_failures"), setting("lock_minutes"))
    return staff
