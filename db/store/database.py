"""Opening the outlet database: connection settings, schema migrations, the data folder."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import Database, DatabaseError

from db.errors import StorageError, WorkflowError
from db.store import cipher, files, sqlite_features
from db.store.models import database

if TYPE_CHECKING:
    from playhouse.migrations import Runner

log = logging.getLogger(__name__)

DB_FILENAME = "complaint-desk.sqlite3"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_TABLE = "schema_migration"


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


def _runner(db: Database) -> Runner:
    # Loaded only to apply migrations: reading which are applied needs one SELECT, and
    # playhouse.migrations (with the schema migrator it brings) costs every start ~10 ms.
    from playhouse.migrations import Runner

    return Runner(db, directory=str(MIGRATIONS_DIR), table_name=MIGRATION_TABLE)


def _order(name: str) -> tuple[int, str]:
    """Where a migration runs: by its number, as playhouse.migrations orders them."""
    digits = re.match(r"\d+", name)
    return (int(digits.group()) if digits else -1, name)


def known_migrations() -> list[str]:
    """Names of the migrations this version of the program knows (the files of
    ``migrations/`` that playhouse.migrations runs), in the order they run."""
    return sorted((path.stem for path in MIGRATIONS_DIR.glob("[0-9]*.py")), key=_order)


def applied_migrations(db: Database) -> list[str]:
    """Names of the migrations applied to ``db``, as its migration table lists them (none
    for an empty database)."""
    if not db.table_exists(MIGRATION_TABLE):
        return []
    return [row[0] for row in db.execute_sql(f'SELECT name FROM "{MIGRATION_TABLE}"')]


def schema_version(db: Database) -> int:
    """Number of migrations applied to ``db`` (0 for an empty database)."""
    return len(applied_migrations(db))


def is_applied(db: Database, migration: str) -> bool:
    """Whether the migration named ``migration`` (e.g. ``0007_accounts``) is applied to ``db``."""
    return migration in applied_migrations(db)


def latest_schema_version() -> int:
    """Number of migrations this version of the program knows."""
    return len(known_migrations())


def pending_migrations(db: Database) -> list[str]:
    applied = set(applied_migrations(db))
    return [name for name in known_migrations() if name not in applied]


def migrate(db: Database, backup_dir: Path | None = None) -> list[str]:
    """Apply pending migrations in order, each in its own transaction.

    A database that already holds data is first copied with the online backup API to
    ``backup_dir`` (default: a ``backups`` folder beside it), so a failed upgrade can be
    undone by hand.
    """
    pending = pending_migrations(db)
    if not pending:
        return []
    if schema_version(db) > 0 and sqlite_features.is_sqlite(db):
        folder = backup_dir or Path(db.database).parent / "backups"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"pre-migration-v{schema_version(db)}-{stamp}.sqlite3"
        sqlite_features.backup_to(db, target)
        log.info("backed up to %s before migrating", target)
    return _runner(db).up()


def is_encrypted(path: Path | str) -> bool:
    """Whether the database file at ``path`` is encrypted (db/store/cipher.py)."""
    return cipher.is_encrypted_file(Path(path))


def open_database(
    path: Path | str, *, apply_migrations: bool = True, key: bytes | None = None
) -> Database:
    """Open (creating if needed) the SQLite file at ``path``, bind the models to it and
    bring its schema up to date; an encrypted file (or a new one to be encrypted) with
    ``key``. WorkflowError ``database_encrypted`` for an encrypted file without a key,
    ``database_key_wrong`` for a key that does not open it.

    A database in a folder that cannot be written (a read-only disk) is opened read-only, so
    it can still be read, checked and backed up elsewhere; every write is then refused
    with StorageError ``storage_read_only``, and so is a schema that would need upgrading.
    """
    path = Path(path)
    if key is None and is_encrypted(path):
        raise WorkflowError("database_encrypted", path=str(path))
    read_only = path.is_file() and not files.writable(path.parent)
    if not read_only:
        path = sqlite_features.private_database(path)
    db = sqlite_features.make_database(path, key, read_only=read_only)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError:
        db.close()
        if key is not None:
            raise WorkflowError("database_key_wrong", path=str(path)) from None
        raise
    cipher.remember_key(key)
    database.initialize(db)
    if read_only:
        if apply_migrations and pending_migrations(db):
            db.close()
            raise StorageError("storage_read_only", folder=str(path.parent))
        return db
    if apply_migrations:
        migrate(db)
        sqlite_features.sync_audit_triggers(db)
    return db


def close_database() -> None:
    target = database.obj
    if target is not None and not target.is_closed():
        target.close()
    cipher.remember_key(None)
