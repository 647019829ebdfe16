"""Backups and restore of the outlet database and its attachments. No Qt.

A backup is three things side by side in the backup folder (the default is ``backups``
beside the database; the head may choose another, such as a USB drive)::

    complaint-desk-20261128-174502-exit.sqlite3    the database, copied with the online API
    complaint-desk-20261128-174502-exit.json       manifest: SHA-256 sums, size, check result
    complaint-desk-20261128-174502-exit/           a copy of the attachments folder, if any

The name carries the time and the reason (``manual``, ``daily``, ``exit``, ``pre-restore``)
so a person can find the right file in a file manager without the program. Every copy is
checked with ``PRAGMA integrity_check`` before it gets its final name; a copy that fails is
deleted, so a file with a backup name is one that was sound when it was made. Rotation keeps
the newest N of each reason, so a burst of exit backups never pushes out the daily ones.

Restore refuses anything that is not a sound Complaint Desk database, backs the current data
up first (reason ``pre-restore``), and copies with the online backup API into the live file,
then checks the result and puts the previous data back if that check fails.

A backup of an encrypted database carries what opens it on another computer: the manifest
holds a copy of the data folder's key file under ``database_key`` (its wraps: the key sealed
by each account's password and by the recovery key, never the key itself), so a restore
into a data folder without the key file opens the backup with the recovery key, or with a
login the backup knows, and puts that key file in place (:func:`unlock_backup`).

Backing up and restoring are the head's (permission matrix, ``backup_restore``): a person
asking for one passes ``actor`` and is checked before anything is touched. The automatic
backups (daily, on closing, the safety backup before a restore) are the program's own and
pass none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from peewee import Database, PeeweeException

from db.store import cipher, sqlite_features
from db.store import files as store_files
from db.store.cipher import CipherError
from db.store.database import MIGRATION_TABLE
from db.store.database import known_migrations as _known_migrations
from db.store.models import Setting, Staff, database, now
from db.trust import permissions
from db.trust.policy import Action

if TYPE_CHECKING:
    from db.trust import database_key

# db.trust.anchor and db.trust.database_key (with the cryptography they sign and seal with)
# are imported where a backup is made or unlocked: the window's start checks the schema
# through this module before it shows anything, and signs nothing then.

log = logging.getLogger(__name__)

PREFIX = "complaint-desk-"
SUFFIX = ".sqlite3"
MANIFEST_FORMAT = "complaint-desk-backup/1"
# The manifest's copy of an encrypted database's key file.
MANIFEST_DATABASE_KEY = "database_key"
ATTACHMENTS_DIRNAME = "attachments"
BACKUPS_DIRNAME = "backups"
PARTIAL = ".partial"

REASON_MANUAL = "manual"
REASON_DAILY = "daily"
REASON_EXIT = "exit"
REASON_PRE_RESTORE = "pre-restore"

KEY_FOLDER = "backup.folder"
KEY_KEEP = "backup.keep"
KEY_DAILY = "backup.daily"
DEFAULT_KEEP = 10
MIN_KEEP = 1
MAX_KEEP = 365
DEFAULT_DAILY = True

# Tables every schema version has had; a file without them is not our database.
REQUIRED_TABLES = ("schema_migration", "outlet", "staff", "complaint_case", "case_event")

_REASON = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_NAME = re.compile(
    r"^complaint-desk-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z][a-z0-9]*(?:-[a-z0-9]+)*?)"
    r"(?:\.(?P<seq>\d+))?\.sqlite3$"
)
_STAMP = "%Y%m%d-%H%M%S"
_HASH_CHUNK = 1 << 20

# phase ("copy", "verify", "attachments", "restore"), done, total; total 0 = no measure.
Progress = Callable[[str, int, int], None]


class BackupError(Exception):
    """A backup or restore that did not happen; the message says why, for the user."""


class RestoreRefused(BackupError):
    """Restore refused before anything was changed (not a valid backup, say)."""


@dataclass(frozen=True)
class OutletIdentity:
    """The outlet a database file serves, as its ``outlet`` table names it."""

    code: str
    name: str

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class OtherOutletBackup(RestoreRefused):
    """The backup holds another outlet's data: restored only when the caller says so
    (``other_outlet=True``), having asked the user, naming both."""

    def __init__(self, current: OutletIdentity, other: OutletIdentity) -> None:
        super().__init__(
            f"the backup holds the data of outlet {other}, but this database is outlet "
            f"{current}; restoring it would replace this outlet's data with the other's"
        )
        self.current = current
        self.other = other


@dataclass(frozen=True)
class BackupInfo:
    """One backup in a folder, as its name and manifest describe it."""

    path: Path
    created_at: dt.datetime
    reason: str
    size: int
    # The manifest records a passed integrity check for a file of exactly this size.
    verified: bool
    attachment_count: int = 0
    seq: int = 0

    @property
    def manifest_path(self) -> Path:
        return manifest_path(self.path)

    @property
    def attachments_path(self) -> Path:
        return self.path.with_suffix("")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the data came from and where the previous data went."""

    restored_from: Path
    # The verified backup of the data that was replaced (None when there was no database).
    safety_backup: BackupInfo | None
    # A damaged database that could not be backed up is moved here instead.
    set_aside: Path | None
    schema_version: int
    attachments_restored: int = 0


# --- names and files -------------------------------------------------------------------------


def backup_name(when: dt.datetime, reason: str, seq: int = 0) -> str:
    """``complaint-desk-YYYYMMDD-HHMMSS-<reason>.sqlite3`` (``.N`` before the suffix when two
    backups with the same reason fall in the same second)."""
    if not _REASON.match(reason):
        raise ValueError(f"backup reason must be lowercase words joined by '-': {reason!r}")
    tail = f".{seq}" if seq else ""
    return f"{PREFIX}{when.strftime(_STAMP)}-{reason}{tail}{SUFFIX}"


def parse_backup_name(name: str) -> tuple[dt.datetime, str, int] | None:
    """(time, reason, seq) from a backup file name; None for any other file."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        when = dt.datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return when, match["reason"], int(match["seq"] or 0)


def manifest_path(backup: Path) -> Path:
    return backup.with_suffix(".json")


def attachments_folder(db_path: Path) -> Path:
    """Where attachments live: a folder beside the database (may not exist yet)."""
    return Path(db_path).parent / ATTACHMENTS_DIRNAME


def default_backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUPS_DIRNAME


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def tree_files(folder: Path) -> list[Path]:
    """Every regular file under ``folder``, relative to it, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def verify_files(folder: Path, expected: dict[str, dict[str, object]]) -> list[str]:
    """Problems with the files under ``folder`` against ``{relpath: {"sha256": ...}}``."""
    problems = []
    for rel, entry in sorted(expected.items()):
        path = folder / rel
        if not path.is_file():
            problems.append(f"attachment {rel} is missing")
        elif sha256_file(path) != entry.get("sha256"):
            problems.append(f"attachment {rel} has changed (SHA-256 does not match)")
    return problems


def known_migrations() -> list[str]:
    return _known_migrations()


def _applied_migrations(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(f'SELECT name FROM "{MIGRATION_TABLE}"').fetchall()]


def _unique_target(folder: Path, when: dt.datetime, reason: str) -> tuple[Path, int]:
    seq = 0
    while True:
        target = folder / backup_name(when, reason, seq)
        taken = (target, manifest_path(target), target.with_suffix(""))
        if not any(p.exists() for p in taken):
            return target, seq
        seq += 1


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _write_json(path: Path, data: object) -> None:
    """Write ``path`` whole or not at all: a temporary file, synced, then renamed."""
    store_files.write_private(path, json.dumps(data, ensure_ascii=False, indent=2))


def _read_manifest(backup: Path) -> dict | None:
    """The manifest beside ``backup``, or None when it is missing or not one of ours; its
    parts are checked for shape here so readers need not guard every lookup."""
    try:
        data = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return None
    database = data.get("database")
    attachments = data.get("attachments")
    files = attachments.get("files") if isinstance(attachments, dict) else None
    if not isinstance(database, dict) or not isinstance(files, dict):
        return None
    if not all(isinstance(entry, dict) and _safe_relpath(rel) for rel, entry in files.items()):
        return None
    return data


def _safe_relpath(rel: object) -> bool:
    """A manifest path that stays inside its folder: restore writes to these paths."""
    if not isinstance(rel, str) or not rel or "\\" in rel:
        return False
    parts = PurePosixPath(rel).parts
    return not PurePosixPath(rel).is_absolute() and ".." not in parts and ":" not in parts[0]


def _manifest_files(manifest: dict | None) -> dict[str, dict[str, object]]:
    return manifest["attachments"]["files"] if manifest else {}


# --- making backups --------------------------------------------------------------------------


def require_backup_permission(actor: Staff | None) -> None:
    """WorkflowError ``not_permitted`` unless ``actor`` may back up or restore; None (the
    program's own backups, or a database without accounts) is not checked.

    Reads the staff and acting-head tables of the database the models are bound to, so a
    restore must call it while the current database is still open, before it is replaced."""
    if actor is None:
        return
    fresh = Staff.get_by_id(actor.id)
    permissions.require(fresh, Action.BACKUP_RESTORE, now())


def _checked_on_own_connection(actor: Staff | None) -> None:
    """``require_backup_permission`` on a worker thread: close the connection it opened."""
    if actor is None:
        return
    was_closed = database.obj is not None and database.is_closed()
    try:
        require_backup_permission(actor)
    finally:
        if was_closed:
            database.close()


def make_backup(
    db: Database,
    folder: Path,
    *,
    reason: str,
    progress: Progress | None = None,
    actor: Staff | None = None,
) -> BackupInfo:
    """Back up ``db`` and its attachments into ``folder`` and verify the copy.

    The copy is written under a temporary name and renamed only after it passed
    ``integrity_check``, so a pulled USB stick or a full disk leaves no file that looks like
    a backup. Raises BackupError with a message for the user when no backup was made, and
    WorkflowError ``not_permitted`` (nothing written) when ``actor`` may not back up.
    """
    _checked_on_own_connection(actor)
    folder = Path(folder)
    db_path = sqlite_features.database_file(db)
    created = now()
    try:
        with store_files.refusal_named(folder):  # a read-only folder: say so, and where
            store_files.make_dirs(folder)
        target, seq = _unique_target(folder, created, reason)
    except OSError as exc:
        raise BackupError(f"cannot write to the backup folder {folder}: {exc}") from exc
    partial = target.with_name(target.name + PARTIAL)
    partial_dir = target.with_suffix(PARTIAL)
    try:
        return _make_backup(
            db, db_path, target, partial, partial_dir, created, reason, seq, progress
        )
    except BackupError:
        raise
    except (OSError, sqlite3.Error, CipherError, PeeweeException) as exc:
        raise BackupError(f"the backup to {folder} failed: {exc}") from exc
    finally:
        _remove(partial)
        _remove(partial_dir)
        _remove(partial.with_name(partial.name + "-journal"))


def _make_backup(
    db: Database,
    db_path: Path,
    target: Path,
    partial: Path,
    partial_dir: Path,
    created: dt.datetime,
    reason: str,
    seq: int,
    progress: Progress | None,
) -> BackupInfo:
    report = progress or (lambda _phase, _done, _total: None)
    _remove(partial)
    copy_progress = None if progress is None else (lambda d, t: report("copy", d, t))
    sqlite_features.backup_to_file(db, partial, progress=copy_progress)

    report("verify", 0, 0)
    problem = _database_file_problem(partial)
    if problem is not None:
        raise BackupError(f"the copy failed its check and was deleted: {problem}")
    conn = sqlite_features.open_read_only(partial)
    try:
        schema_version = len(_applied_migrations(conn))
        checkpoint = _checkpoint(conn, db_path, "backup")
    finally:
        conn.close()
    size = partial.stat().st_size
    digest = sha256_file(partial)

    files = _copy_attachments(attachments_folder(db_path), partial_dir, report)

    manifest = {
        "format": MANIFEST_FORMAT,
        "created_at": created.isoformat(),
        "reason": reason,
        "source": str(db_path),
        "schema_version": schema_version,
        "integrity_check": "ok",
        "database": {"file": target.name, "size": size, "sha256": digest},
        "attachments": {"folder": target.with_suffix("").name, "files": files},
    }
    if checkpoint is not None:
        from db.trust import anchor

        manifest[anchor.MANIFEST_KEY] = checkpoint
    carried = _key_file_to_carry(db_path)
    if carried is not None:
        manifest[MANIFEST_DATABASE_KEY] = carried
    if files:
        partial_dir.replace(target.with_suffix(""))
    _write_json(manifest_path(target), manifest)
    # The database file gets its name last: a backup name always comes with its manifest.
    partial.replace(target)
    sqlite_features.fsync_dir(target.parent)
    log.info("backed up %s to %s", db_path, target)
    return BackupInfo(target, created, reason, size, True, len(files), seq)


def _checkpoint(conn: sqlite3.Connection, db_path: Path, reason: str) -> dict | None:
    """A signed checkpoint of the trail of ``conn`` (db/trust/anchor.py), written to the data
    folder; None when the file has no trail or no key could be had."""
    if sqlite_features.AUDIT_TABLE not in sqlite_features.table_names(conn):
        return None
    from db.trust import anchor

    try:
        return anchor.write_checkpoint(conn, db_path.parent, reason=reason)
    except OSError as exc:
        log.warning("no checkpoint of the audit trail written: %s", exc)
        return None


def _copy_attachments(source: Path, dest: Path, report: Progress) -> dict[str, dict[str, object]]:
    """Copy the attachments folder, checking each copy against the original's SHA-256."""
    files = tree_files(source)
    entries: dict[str, dict[str, object]] = {}
    for done, rel in enumerate(files, 1):
        original = source / rel
        copy = dest / rel
        store_files.copy_private(original, copy)
        digest = sha256_file(copy)
        if digest != sha256_file(original):
            raise BackupError(f"attachment {rel.as_posix()} changed while it was copied")
        entries[rel.as_posix()] = {"size": copy.stat().st_size, "sha256": digest}
        report("attachments", done, len(files))
    if files:
        for folder in sorted({(dest / rel).parent for rel in files}, reverse=True):
            sqlite_features.fsync_dir(folder)
    return entries


def backup_and_rotate(
    db: Database,
    *,
    reason: str,
    folder: Path | None = None,
    progress: Progress | None = None,
    actor: Staff | None = None,
) -> BackupInfo:
    """Back up into the configured folder (or ``folder``) and rotate that folder by the
    configured keep count: what the automatic and the menu backups do (the menu's with the
    ``actor`` who asked, checked first)."""
    _checked_on_own_connection(actor)
    db_path = sqlite_features.database_file(db)
    target = Path(folder) if folder is not None else backup_folder(default_backup_folder(db_path))
    info = make_backup(db, target, reason=reason, progress=progress, actor=actor)
    rotate(target, keep_count())
    return info


# --- listing and rotation --------------------------------------------------------------------


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first; other files in the folder are ignored."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_backup_name(path.name)
        if parsed is None or not path.is_file():
            continue
        when, reason, seq = parsed
        try:
            size = path.stat().st_size
        except OSError:
            continue
        manifest = _read_manifest(path)
        verified = bool(
            manifest
            and manifest.get("integrity_check") == "ok"
            and manifest["database"].get("size") == size
        )
        files = _manifest_files(manifest)
        found.append(BackupInfo(path, when, reason, size, verified, len(files), seq))
    found.sort(key=lambda b: (b.created_at, b.seq, b.path.name), reverse=True)
    return found


def rotate(folder: Path, keep: int) -> list[BackupInfo]:
    """Delete all but the newest ``keep`` backups of each reason; returns those deleted.

    Also clears leftovers of backups interrupted by a crash (temporary files and manifests
    or attachment folders whose database file is gone).
    """
    if keep < MIN_KEEP:
        raise ValueError(f"keep must be at least {MIN_KEEP}")
    folder = Path(folder)
    removed: list[BackupInfo] = []
    seen: dict[str, int] = {}
    for info in list_backups(folder):
        seen[info.reason] = seen.get(info.reason, 0) + 1
        if seen[info.reason] > keep:
            _remove(info.attachments_path)
            _remove(info.manifest_path)
            _remove(info.path)
            removed.append(info)
    _remove_leftovers(folder)
    return removed


def _remove_leftovers(folder: Path) -> None:
    if not folder.is_dir():
        return
    stale = now() - dt.timedelta(days=1)
    for path in folder.iterdir():
        if not path.name.startswith(PREFIX):
            continue
        if PARTIAL in path.name:
            try:
                old = dt.datetime.fromtimestamp(path.stat().st_mtime) < stale
            except OSError:
                continue
            if old:  # a backup still running right now is younger than a day
                _remove(path)
            continue
        if path.is_dir():
            database = path.with_name(path.name + SUFFIX)
        elif path.suffix == ".json":
            database = path.with_suffix(SUFFIX)
        else:
            continue
        if parse_backup_name(database.name) and not database.exists():
            _remove(path)


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in ``folder`` that passes ``is_valid_backup`` now."""
    for info in list_backups(folder):
        if is_valid_backup(info.path)[0]:
            return info
    return None


def daily_backup_due(folder: Path, today: dt.date | None = None) -> bool:
    """True when ``folder`` holds no daily backup made today."""
    today = today or now().date()
    return not any(
        b.reason == REASON_DAILY and b.created_at.date() == today for b in list_backups(folder)
    )


# --- the key an encrypted backup carries ---------------------------------------------------


def _key_file_to_carry(db_path: Path) -> dict | None:
    """The key file of the encrypted database at ``db_path``, as the manifest carries it;
    None for a plain database."""
    folder = db_path.parent
    if not cipher.is_encrypted_file(db_path):
        return None
    from db.trust import database_key

    if not database_key.has_key_file(folder):
        return None
    return database_key.read_key_file(database_key.key_path(folder)).data


def carried_key_file(backup_path: Path) -> database_key.KeyFile | None:
    """The key file the backup's manifest carries (checked as the file itself is); None
    when it carries none."""
    manifest = _read_manifest(Path(backup_path))
    if manifest is None or MANIFEST_DATABASE_KEY not in manifest:
        return None
    from db.trust import database_key

    return database_key.key_file_from(
        manifest_path(Path(backup_path)), manifest[MANIFEST_DATABASE_KEY]
    )


@dataclass(frozen=True)
class BackupKey:
    """The key that opens an encrypted backup, and the key file it came from."""

    key: bytes
    key_file: database_key.KeyFile
    # Whether the key file came from the backup's manifest (the data folder had none).
    carried: bool


def unlock_backup(
    backup_path: Path,
    data_dir: Path,
    *,
    recovery_key: str | None = None,
    login: tuple[str, str] | None = None,
) -> BackupKey:
    """The key of the encrypted backup at ``backup_path``, unwrapped with the recovery key
    or a login (employee number, password) from the data folder's key file, or from the
    one the backup carries when the data folder has none (a new computer). The tries are
    counted in ``data_dir`` as at any unlock (db/trust/unlock_attempts.py).

    DatabaseKeyError as :func:`database_key.unwrap_by_recovery_key` and ``unwrap_by_login``
    say; ``database_key_missing`` when neither the folder nor the backup has a key file, and
    ``database_key_wrong`` when the key opened does not open the backup."""
    from db.trust import database_key

    backup_path, data_dir = Path(backup_path), Path(data_dir)
    if database_key.has_key_file(data_dir):
        key_file, carried = database_key.read_key_file(database_key.key_path(data_dir)), False
    else:
        found = carried_key_file(backup_path)
        if found is None:
            raise database_key.DatabaseKeyError(
                "database_key_missing", path=str(database_key.key_path(data_dir))
            )
        key_file, carried = found, True
    if recovery_key is not None:
        key = database_key.unwrap_by_recovery_key(data_dir, recovery_key, key_file=key_file)
    elif login is not None:
        key = database_key.unwrap_by_login(data_dir, *login, key_file=key_file)
    else:
        raise ValueError("unlock_backup needs the recovery key or a login")
    if not cipher.key_opens(backup_path, key):
        raise database_key.DatabaseKeyError("database_key_wrong", path=str(backup_path))
    return BackupKey(key, key_file, carried)


def install_carried_key(unlocked: BackupKey, data_dir: Path) -> Path | None:
    """After a restore from a backup whose key file the data folder lacked: put it there,
    so the logins it holds open the restored database; None when nothing was needed."""
    from db.trust import database_key

    if not unlocked.carried or database_key.has_key_file(data_dir):
        return None
    return database_key.install_key_file(data_dir, unlocked.key_file)


# --- validity and restore --------------------------------------------------------------------


def _database_file_problem(path: Path, *, quick: bool = False) -> str | None:
    """Why the SQLite file ``path`` is not a sound Complaint Desk database; or None."""
    problem = sqlite_features.header_problem(path)
    if problem is not None:
        return f"the file {problem}"
    try:
        conn = sqlite_features.open_read_only(path)
    except (sqlite3.Error, CipherError) as exc:
        return f"SQLite cannot open it: {exc}"
    try:
        try:
            problems = sqlite_features.connection_integrity_problems(conn, quick=quick)
        except (sqlite3.DatabaseError, CipherError) as exc:
            problems = [str(exc)]
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            return f"integrity check failed: {problems[0]}{more}"
        missing = [t for t in REQUIRED_TABLES if t not in sqlite_features.table_names(conn)]
        if missing:
            return "it is not a Complaint Desk database (no table " + ", ".join(missing) + ")"
        applied = _applied_migrations(conn)
    except (sqlite3.Error, CipherError) as exc:
        return f"SQLite cannot read it: {exc}"
    finally:
        conn.close()
    unknown = sorted(set(applied) - set(known_migrations()))
    if unknown:
        return (
            "it was made by a newer version of Complaint Desk (schema steps "
            + ", ".join(unknown)
            + " are unknown to this version)"
        )
    return None


def is_valid_backup(path: Path) -> tuple[bool, str]:
    """Whether ``path`` can be restored, and why not: ``(True, "ok")`` or ``(False, reason)``.

    Checks the SQLite header (not a database, truncated), ``integrity_check``, the tables
    every Complaint Desk database has, a schema this version knows, and, when a manifest is
    beside it, the file's SHA-256 and the attachments' sums.
    """
    path = Path(path)
    if not path.is_file():
        return False, f"there is no file {path}"
    problem = _database_file_problem(path)
    if problem is not None:
        return False, problem
    manifest = _read_manifest(path)
    if manifest is None and manifest_path(path).exists():
        return False, f"its manifest {manifest_path(path).name} is damaged or from a newer version"
    if manifest is not None:
        expected = manifest["database"].get("sha256")
        if expected and expected != sha256_file(path):
            return False, "the file has changed since the backup was made (SHA-256 differs)"
        problems = verify_files(path.with_suffix(""), _manifest_files(manifest))
        if problems:
            return False, problems[0]
    return True, "ok"


def current_database_problem(db_path: Path) -> str | None:
    """Why the live database at ``db_path`` is too damaged to back up; None when sound or
    absent. Uses quick_check, fast enough to run before a restore or at every start."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    return _database_file_problem(db_path, quick=True)


def database_outlet(path: Path) -> OutletIdentity | None:
    """The outlet the database file at ``path`` serves; None when it has none or cannot be
    read (a damaged file is judged by its integrity, not here)."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = sqlite_features.open_read_only(path)
    except (sqlite3.Error, CipherError):
        return None
    try:
        row = conn.execute("SELECT code, name FROM outlet ORDER BY id LIMIT 1").fetchone()
    except (sqlite3.Error, CipherError):
        return None
    finally:
        conn.close()
    return OutletIdentity(str(row[0]), str(row[1])) if row else None


def other_outlet_backup(
    db_path: Path, backup_path: Path
) -> tuple[OutletIdentity, OutletIdentity] | None:
    """(this database's outlet, the backup's) when the backup is of another outlet."""
    current, other = database_outlet(db_path), database_outlet(backup_path)
    if current is None or other is None or current.code == other.code:
        return None
    return current, other


def restore(
    db_path: Path,
    backup_path: Path,
    *,
    safety_folder: Path,
    current_damaged: bool = False,
    progress: Progress | None = None,
    actor: Staff | None = None,
    other_outlet: bool = False,
) -> RestoreResult:
    """Replace the database at ``db_path`` (and its attachments) with a backup.

    Order matters, so that every failure leaves usable data behind:

    0. with ``actor``, check the permission matrix (WorkflowError ``not_permitted``) in the
       database the models are bound to, which must be the current one at ``db_path``, still
       open: the restore is about to replace the very tables that say who may restore;
    1. refuse (RestoreRefused) a file that is not a valid backup, before touching anything,
       and a backup of another outlet (OtherOutletBackup, naming both) unless
       ``other_outlet`` says the user was asked and agreed;
    2. back up the current data into ``safety_folder`` with reason ``pre-restore``; a
       current database too damaged to back up is refused, unless ``current_damaged`` says
       the caller knows, in which case it is moved aside into ``safety_folder`` instead;
    3. copy the backup into the live file with the online backup API, one transaction;
    4. check the result, and put the previous data back if the check fails.

    Attachments in the backup are copied back; current attachments the backup lacks are
    kept (they are in the pre-restore backup as well).
    """
    _checked_on_own_connection(actor)
    db_path = Path(db_path)
    backup_path = Path(backup_path)
    safety_folder = Path(safety_folder)
    valid, reason = is_valid_backup(backup_path)
    if not valid:
        raise RestoreRefused(f"{backup_path.name} is not a valid Complaint Desk backup: {reason}")
    if db_path.exists() and backup_path.resolve() == db_path.resolve():
        raise RestoreRefused("that file is the database itself, not a backup of it")
    if not other_outlet and (outlets := other_outlet_backup(db_path, backup_path)):
        raise OtherOutletBackup(*outlets)

    safety: BackupInfo | None = None
    set_aside: Path | None = None
    store_files.make_dirs(db_path.parent)
    if db_path.exists():
        if current_damaged:
            set_aside = _set_aside(db_path, safety_folder)
        else:
            safety = _safety_backup(db_path, safety_folder, progress)

    report = progress or (lambda _phase, _done, _total: None)
    report("restore", 0, 0)
    try:
        sqlite_features.restore_file_into(backup_path, db_path)
        problem = _database_file_problem(db_path)
    except (OSError, sqlite3.Error, CipherError) as exc:
        problem = str(exc)
    if problem is not None:
        raise BackupError(_failed_restore(db_path, problem, safety, set_aside))

    restored = _restore_attachments(backup_path, attachments_folder(db_path))
    conn = sqlite_features.open_read_only(db_path)
    try:
        version = len(_applied_migrations(conn))
        # The restored trail is the one the check compares from now on.
        _checkpoint(conn, db_path, "restore")
    finally:
        conn.close()
    log.info("restored %s from %s", db_path, backup_path)
    return RestoreResult(backup_path, safety, set_aside, version, restored)


def _failed_restore(
    db_path: Path, problem: str, safety: BackupInfo | None, set_aside: Path | None
) -> str:
    """Put the previous data back after a failed restore and say what happened."""
    message = f"the restore failed ({problem})"
    if safety is None:
        kept = f"; the previous database is kept at {set_aside}" if set_aside else ""
        return message + kept
    try:
        sqlite_features.restore_file_into(safety.path, db_path)
    except (OSError, sqlite3.Error, CipherError) as exc:
        return (
            f"{message}, and putting the previous data back failed too ({exc}); "
            f"restore it from {safety.path}"
        )
    return message + "; the previous data was put back"


def _safety_backup(db_path: Path, folder: Path, progress: Progress | None) -> BackupInfo:
    current = sqlite_features.make_database(db_path, sqlite_features.file_key(db_path))
    try:
        current.connect()
        return make_backup(current, folder, reason=REASON_PRE_RESTORE, progress=progress)
    except (BackupError, sqlite3.Error, CipherError, PeeweeException) as exc:
        raise RestoreRefused(
            f"the current data could not be backed up first, so nothing was restored: {exc}"
        ) from exc
    finally:
        current.close()


def _set_aside(db_path: Path, folder: Path) -> Path:
    """Move a damaged database (with its -wal/-shm) out of the way, keeping it for analysis.

    A file move, not a backup: the file cannot pass a backup's check, and nothing has it open
    (the caller holds the write lock and has closed its connections).
    """
    store_files.make_dirs(folder)
    dest = folder / f"damaged-{now().strftime(_STAMP)}{SUFFIX}"
    n = 1
    while dest.exists():
        dest = folder / f"damaged-{now().strftime(_STAMP)}.{n}{SUFFIX}"
        n += 1
    for extra in ("-wal", "-shm", "-journal"):
        side = db_path.with_name(db_path.name + extra)
        if side.exists():
            shutil.move(side, dest.with_name(dest.name + extra))
    shutil.move(db_path, dest)
    sqlite_features.fsync_dir(folder)
    sqlite_features.fsync_dir(db_path.parent)
    return dest


def _restore_attachments(backup_path: Path, live: Path) -> int:
    files = _manifest_files(_read_manifest(backup_path))
    source = backup_path.with_suffix("")
    restored = 0
    for rel, entry in sorted(files.items()):
        dest = live / rel
        if dest.is_file() and sha256_file(dest) == entry.get("sha256"):
            continue
        tmp = dest.with_name(dest.name + PARTIAL)
        store_files.copy_private(source / rel, tmp)
        tmp.replace(dest)
        restored += 1
    return restored


# --- settings --------------------------------------------------------------------------------


def _get(key: str) -> object:
    """A stored setting, or None when it is missing, unreadable or the table is not there
    yet (a database from before schema version 2): every caller has a default."""
    try:
        row = Setting.get_or_none(Setting.key == key)
    except PeeweeException:
        return None
    if row is None:
        return None
    try:
        return json.loads(row.value)
    except ValueError:
        return None


def _set(key: str, value: object) -> None:
    Setting.insert(key=key, value=json.dumps(value), updated_at=now()).on_conflict(
        conflict_target=[Setting.key],
        update={Setting.value: json.dumps(value), Setting.updated_at: now()},
    ).execute()


def backup_folder(default: Path) -> Path:
    """The configured backup folder, or ``default`` when none is set."""
    value = _get(KEY_FOLDER)
    return Path(value) if isinstance(value, str) and value else Path(default)


def backup_folder_of(db_path: Path) -> Path:
    """The backup folder the database file at ``db_path`` names, read without binding the
    models to it; the default folder when the file cannot say (it may be damaged)."""
    default = default_backup_folder(db_path)
    try:
        conn = sqlite_features.open_read_only(Path(db_path))
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (KEY_FOLDER,)).fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row else None
    except (sqlite3.Error, CipherError, ValueError, TypeError):
        return default
    return Path(value) if isinstance(value, str) and value else default


def _require_settings_actor(actor: Staff | None) -> None:
    """Where, how often and how many backups are kept is part of backing up (the matrix's
    ``backup_restore``); None is the program itself (tests, the command line's defaults)."""
    if actor is not None:
        permissions.require(actor, Action.BACKUP_RESTORE, now())


def set_backup_folder(folder: Path | None, *, actor: Staff | None = None) -> None:
    """Choose the backup folder; None goes back to the default beside the database."""
    _require_settings_actor(actor)
    _set(KEY_FOLDER, str(Path(folder).resolve()) if folder is not None else None)


def keep_count() -> int:
    """How many backups of each reason rotation keeps (a hand-edited value out of range
    falls back to the default rather than deleting backups)."""
    value = _get(KEY_KEEP)
    if isinstance(value, int) and not isinstance(value, bool) and MIN_KEEP <= value <= MAX_KEEP:
        return value
    return DEFAULT_KEEP


def set_keep_count(keep: int, *, actor: Staff | None = None) -> None:
    _require_settings_actor(actor)
    if not MIN_KEEP <= keep <= MAX_KEEP:
        raise ValueError(f"keep must be between {MIN_KEEP} and {MAX_KEEP}")
    _set(KEY_KEEP, int(keep))


def daily_enabled() -> bool:
    value = _get(KEY_DAILY)
    return value if isinstance(value, bool) else DEFAULT_DAILY


def set_daily_enabled(enabled: bool, *, actor: Staff | None = None) -> None:
    _require_settings_actor(actor)
    _set(KEY_DAILY, bool(enabled))
