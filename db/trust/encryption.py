"""Encrypting a plain outlet database in place, so that a kill at any moment loses nothing.

The steps, each one durable before the next starts:

1. a backup of the plain database through the program's own backup (db/trust/backup.py),
   which stays;
2. the plain database checkpointed and closed, its rows counted;
3. a new database key and its key file, wrapped by the given logins and a new recovery
   key (db/trust/database_key.py);
4. ``sqlcipher_export`` into ``<name>.encrypting`` beside the database, synced to disk;
5. the copy opened with the key: ``integrity_check`` must pass and every table must hold
   as many rows as in the plain database;
6. one ``os.replace`` of the copy over the database, and the folder synced.

Until step 6 the database is the plain file, untouched; after it, the encrypted one with
its key file already on disk. A run killed before step 6 leaves a partial copy and
perhaps an unused key file, which the next run sets aside and starts again.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from db.errors import WorkflowError
from db.store import cipher, sqlite_features
from db.trust import backup, database_key, keys

log = logging.getLogger(__name__)

REASON_PRE_ENCRYPTION = "pre-encryption"
PARTIAL_SUFFIX = ".encrypting"


@dataclass(frozen=True)
class Encryption:
    """What :func:`encrypt_database` did: the plain backup it left, the key, the
    recovery key to show the head once, and the rows of each table checked."""

    backup: Path
    key: bytes
    recovery_key: str
    rows: dict[str, int]


def partial_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + PARTIAL_SUFFIX)


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)


def table_rows(conn: object) -> dict[str, int]:
    """Rows of every ordinary table (the search indexes' own tables included)."""
    execute = conn.execute  # type: ignore[attr-defined]
    names = [
        r[0]
        for r in execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {name: execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _set_aside_unused_key(data_dir: Path) -> None:
    """A key file beside a plain database was made by a run that did not finish."""
    path = database_key.key_path(data_dir)
    if path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path.replace(path.with_name(f"{path.name}.unused-{stamp}"))


def _backup_and_count(db_path: Path, folder: Path | None) -> tuple[Path, dict[str, int]]:
    plain = sqlite_features.make_database(db_path)
    try:
        plain.connect()
        made = backup.make_backup(
            plain, folder or backup.backup_folder_of(db_path), reason=REASON_PRE_ENCRYPTION
        )
        rows = table_rows(plain.connection())
        plain.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        plain.close()
    return made.path, rows


def _check_copy(path: Path, key: bytes, rows: dict[str, int]) -> None:
    conn = cipher.connect(path, key)
    try:
        problems = sqlite_features.connection_integrity_problems(conn)
        copied = table_rows(conn)
    finally:
        conn.close()
    if problems:
        raise WorkflowError("encryption_check_failed", detail="; ".join(problems[:3]))
    if copied != rows:
        differ = sorted(t for t in set(rows) | set(copied) if rows.get(t) != copied.get(t))
        raise WorkflowError("encryption_check_failed", detail="rows differ in " + ", ".join(differ))


def _clear_write_ahead_log(db_path: Path) -> None:
    """A write-ahead log left beside the plain file would be read into the encrypted one.
    After the checkpoint it is empty, unless another program still writes to the file."""
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise WorkflowError("encryption_check_failed", detail="another program has it open")
    wal.unlink(missing_ok=True)
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)


def encrypt_database(
    db_path: Path,
    logins: list[database_key.Login],
    *,
    backup_folder: Path | None = None,
    scrypt_n: int = keys.SCRYPT_N,
) -> Encryption:
    """Encrypt the plain database at ``db_path`` in place (the steps in the module's
    docstring). The file must not be open: close the models' database first. Each login
    and the returned recovery key will open it. WorkflowError
    ``database_already_encrypted`` for an encrypted file, ``encryption_check_failed``
    (the plain file kept, nothing else changed) when the copy does not match."""
    db_path = Path(db_path)
    if cipher.is_encrypted_file(db_path):
        raise WorkflowError("database_already_encrypted", path=str(db_path))
    data_dir = db_path.parent
    partial = partial_path(db_path)
    _remove(partial)
    _set_aside_unused_key(data_dir)

    made, rows = _backup_and_count(db_path, backup_folder)
    key, recovery = database_key.create_key_file(data_dir, logins, scrypt_n=scrypt_n)
    try:
        cipher.export_encrypted(db_path, partial, key)
        sqlite_features.fsync_file(partial)
        _check_copy(partial, key, rows)
        _clear_write_ahead_log(db_path)
    except BaseException:
        _remove(partial)
        _set_aside_unused_key(data_dir)
        raise
    os.replace(partial, db_path)
    sqlite_features.fsync_dir(data_dir)
    log.info("encrypted %s (plain backup %s)", db_path, made)
    return Encryption(made, key, recovery, rows)
