"""Wrong passwords at the unlock of an encrypted database count like failed logins.

The lock after wrong passwords (db/trust/accounts.py) is kept in the database, which an
encrypted database cannot open before the key is unwrapped: a wrong password at the unlock
never reaches it. So the unlocks keep their own count beside the key file, in
``keys/unlock-attempts.json`` (0600 in the 0700 ``keys`` folder, written atomically), per
employee number that has a wrap and for the recovery key, and lock the same way: after
``max_failures`` wrong tries in a row, for ``lock_minutes``, measured in UTC, and a new lock
never ends before the one already held, so neither a time zone nor a clock turned back
shortens it. The file outlives the process, so the lock holds across restarts.

The two settings are the head's (``accounts.max_failures``, ``accounts.lock_minutes``, this
program's defaults 5 and 15), stored in the database; every login that opens the database
copies them here (:func:`mirror_settings`), so the unlock follows the head's choice from
then on.

Tries are taken one at a time per data folder (:func:`one_at_a_time`, an ``flock`` held from
reading the count to writing it, the slow password check between), so processes started
side by side cannot each read the same count and try more passwords than it allows. A
folder where the count cannot be written (a read-only medium) still opens with the right
password: the count is then not kept there.

A person who may delete this file may also copy the key file and try passwords against it
elsewhere: what stops that is the slow scrypt of every wrap (db/trust/keys.py), not this
count, which stops trying at the login box and the command line. A damaged file counts as
none (its settings as the defaults) and is rewritten at the next wrong try.

File (``complaint-desk-unlock-attempts``, version 1), UTF-8 JSON::

    {"format": "complaint-desk-unlock-attempts", "version": 1,
     "max_failures": int, "lock_minutes": int,
     "accounts": {employee_no: {"failed": int, "locked_until": ISO UTC | null}},
     "recovery": {"failed": int, "locked_until": ISO UTC | null}}
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from db.store import files
from db.trust import keys

FORMAT = "complaint-desk-unlock-attempts"
VERSION = 1
FILE = "unlock-attempts.json"
LOCK_FILE = "unlock-attempts.lock"
log = logging.getLogger(__name__)
MAX_FAILURES_DEFAULT = 5
LOCK_MINUTES_DEFAULT = 15
# The bounds of the two account settings (db/trust/accounts.py SETTINGS).
MAX_FAILURES_RANGE = (1, 100)
LOCK_MINUTES_RANGE = (1, 24 * 60)
# Whose tries a count is: an employee number, or the recovery key.
RECOVERY = None


def path_in(data_dir: Path) -> Path:
    return Path(data_dir) / "keys" / FILE


def utc_now() -> dt.datetime:
    """The time in UTC, naive, to the second: what the lock is measured in."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _setting(value: object, default: int, bounds: tuple[int, int]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return value if bounds[0] <= value <= bounds[1] else default


def _count(entry: object) -> tuple[int, dt.datetime | None]:
    if not isinstance(entry, dict):
        return 0, None
    failed = entry.get("failed")
    failed = failed if isinstance(failed, int) and not isinstance(failed, bool) else 0
    try:
        until = dt.datetime.fromisoformat(entry["locked_until"])
    except (KeyError, TypeError, ValueError):
        until = None
    return max(failed, 0), until


@dataclass
class Attempts:
    """The unlock counts of one data folder, as read from its file."""

    path: Path
    max_failures: int = MAX_FAILURES_DEFAULT
    lock_minutes: int = LOCK_MINUTES_DEFAULT
    accounts: dict[str, dict] = field(default_factory=dict)
    recovery: dict = field(default_factory=dict)

    def _entry(self, employee_no: str | None) -> dict:
        return self.recovery if employee_no is RECOVERY else self.accounts.get(employee_no, {})

    def locked(self, employee_no: str | None, at: dt.datetime | None = None) -> bool:
        """Whether the tries of ``employee_no`` (``RECOVERY``: the recovery key's) are locked."""
        _failed, until = _count(self._entry(employee_no))
        return until is not None and until > (at or utc_now())

    def failed(self, employee_no: str | None) -> int:
        return _count(self._entry(employee_no))[0]

    def record_failure(self, employee_no: str | None, at: dt.datetime | None = None) -> bool:
        """Count a wrong try and write the file; whether it is locked now."""
        clock = at or utc_now()
        failed, held = _count(self._entry(employee_no))
        failed += 1
        until = held
        if failed >= self.max_failures:
            failed = 0
            new = clock + dt.timedelta(minutes=self.lock_minutes)
            until = new if held is None else max(held, new)
        entry = {"failed": failed, "locked_until": until.isoformat() if until else None}
        if employee_no is RECOVERY:
            self.recovery = entry
        else:
            self.accounts[employee_no] = entry
        self.write()
        return until is not None and until > clock

    def record_success(self, employee_no: str | None) -> None:
        """A right password (or recovery key): its count starts again."""
        if employee_no is RECOVERY:
            if not self.recovery:
                return
            self.recovery = {}
        else:
            if employee_no not in self.accounts:
                return
            del self.accounts[employee_no]
        self.write()

    def write(self) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "max_failures": self.max_failures,
            "lock_minutes": self.lock_minutes,
            "accounts": self.accounts,
            "recovery": self.recovery,
        }
        try:
            keys.write_protected(self.path, json.dumps(data, indent=1).encode("utf-8") + b"\n")
        except OSError as error:  # a read-only medium: the count is not kept there
            log.warning("the unlock count cannot be written: %s", error)


def read(data_dir: Path) -> Attempts:
    """The unlock counts kept in ``data_dir``; none when there is no file or it is damaged."""
    path = path_in(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Attempts(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Attempts(path)
    counts = data.get("accounts")
    recovery = data.get("recovery")
    return Attempts(
        path,
        _setting(data.get("max_failures"), MAX_FAILURES_DEFAULT, MAX_FAILURES_RANGE),
        _setting(data.get("lock_minutes"), LOCK_MINUTES_DEFAULT, LOCK_MINUTES_RANGE),
        {str(k): v for k, v in counts.items() if isinstance(v, dict)}
        if isinstance(counts, dict)
        else {},
        recovery if isinstance(recovery, dict) else {},
    )


@contextlib.contextmanager
def one_at_a_time(data_dir: Path) -> Iterator[Attempts]:
    """The counts of ``data_dir``, read and kept while no other process tries a password
    there: an exclusive ``flock`` on ``keys/unlock-attempts.lock`` until the block ends
    (none on a folder where it cannot be made)."""
    lock = Path(data_dir) / "keys" / LOCK_FILE
    fd = -1
    try:
        files.private_dir(lock.parent)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as error:
        log.warning("unlock tries not serialised in %s: %s", data_dir, error)
    try:
        yield read(data_dir)
    finally:
        if fd >= 0:
            os.close(fd)  # releases the flock


def mirror_settings(data_dir: Path, max_failures: int, lock_minutes: int) -> None:
    """Keep the head's two lock settings beside the key, for the next unlock (written only
    when they changed)."""
    attempts = read(data_dir)
    if (attempts.max_failures, attempts.lock_minutes) == (max_failures, lock_minutes):
        return
    attempts.max_failures = _setting(max_failures, MAX_FAILURES_DEFAULT, MAX_FAILURES_RANGE)
    attempts.lock_minutes = _setting(lock_minutes, LOCK_MINUTES_DEFAULT, LOCK_MINUTES_RANGE)
    attempts.write()
