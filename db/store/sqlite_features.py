"""Everything that only SQLite understands, behind named functions.

The rest of db/ stays portable SQL through peewee; when a district branch moves to
PostgreSQL, this module is the one to replace (tsvector/pg_trgm instead of FTS5, no
pragmas, pg_dump instead of the online backup API).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from peewee import Database, PeeweeException, SqliteDatabase
from peewee import IntegrityError as PeeweeIntegrityError
from peewee import OperationalError as PeeweeOperationalError

from db.errors import StorageError, WorkflowError
from db.store import cipher, files

# WAL for concurrent readers; FULL so a power cut cannot lose a reported commit
# (NORMAL can, in WAL mode); foreign keys are off by default in SQLite.
CONNECTION_PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
    # So that INSERT OR REPLACE's implicit delete fires the audit trail's delete trigger.
    ("recursive_triggers", 1),
    ("cache_size", -32000),
)

SEARCH_TABLE = "case_search"


def _unwrap(db: Database) -> Database:
    """Accept the models' DatabaseProxy as well as the database behind it."""
    return getattr(db, "obj", None) or db


def is_sqlite(db: Database) -> bool:
    return isinstance(_unwrap(db), SqliteDatabase)


# Primary result codes (the low byte of sqlite3.Error.sqlite_errorcode) of a disk that refuses.
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL = 8, 10, 14, 13


def storage_error(exc: BaseException, path: Path | str) -> StorageError | None:
    """What a refused write to the database at ``path`` means for the user, or None when
    ``exc`` is not the disk's doing. A file that cannot be opened counts as read-only only
    when its folder cannot be written."""
    cause = exc if isinstance(exc, sqlite3.Error) else exc.__context__
    primary = getattr(cause, "sqlite_errorcode", -1) & 0xFF
    folder = Path(path).parent
    if primary == SQLITE_FULL:
        return StorageError("disk_full", folder=str(folder))
    if primary == SQLITE_READONLY or (primary == SQLITE_CANTOPEN and not files.writable(folder)):
        return StorageError("storage_read_only", folder=str(folder))
    if primary == SQLITE_IOERR:
        return StorageError("storage_failed", folder=str(folder), detail=str(cause))
    return None


class _OutletDatabase(SqliteDatabase):
    """SQLite that says why the disk refused a write, and keeps the reason.

    SQLite rolls a transaction back itself when the disk fills up during COMMIT; peewee's
    own ROLLBACK then fails with "no transaction is active" and hides the real cause. Here a
    rollback of what is already rolled back does nothing, and a refusal by the disk (full,
    read-only, failing) becomes a StorageError naming the data folder."""

    read_only = False

    # peewee's own connection hooks (pragmas, functions), which its type stubs leave out.
    def _connect(self) -> sqlite3.Connection:
        if not self.read_only:
            return super()._connect()  # type: ignore[misc]
        conn = connect_file(
            read_only_uri(Path(self.database)),
            getattr(self, "cipher_key", None),
            timeout=self._timeout,  # type: ignore[attr-defined]
            isolation_level=None,
            uri=True,
            **self.connect_params,
        )
        try:
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]
        except Exception:
            conn.close()
            raise
        return conn

    def _explained(self, exc: Exception) -> Exception:
        return storage_error(exc, self.database) or exc

    def _actor_gone(self) -> WorkflowError | None:
        """The refusal for writes by someone whose staff row is gone (a foreign key to the
        person working fails), or None when the person working is still there."""
        from db.store import trail

        actor = trail.current_actor()
        if actor is None:
            return None
        row = self.cursor().execute("SELECT 1 FROM staff WHERE id = ?", (actor,)).fetchone()
        return None if row is not None else WorkflowError("actor_gone", name=f"#{actor}")

    def _rolled_back(self) -> bool:
        return not self.is_closed() and not self.connection().in_transaction

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if sql.startswith("ROLLBACK TO SAVEPOINT") and self._rolled_back():
            return None
        try:
            return super().execute_sql(sql, params)
        except PeeweeOperationalError as exc:
            raise self._explained(exc) from exc
        except PeeweeIntegrityError as exc:
            if "FOREIGN KEY" in str(exc) and (gone := self._actor_gone()) is not None:
                raise gone from exc
            raise

    def begin(self, lock_type: str | None = None) -> None:
        try:
            super().begin(lock_type)
        except PeeweeOperationalError as exc:
            raise self._explained(exc) from exc

    def commit(self) -> None:
        try:
            super().commit()
        except PeeweeOperationalError as exc:
            raise self._explained(exc) from exc

    def rollback(self) -> None:
        if self._rolled_back():
            return
        super().rollback()

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return super().connect(reuse_if_open)
        except PeeweeOperationalError as exc:
            raise self._explained(exc) from exc


class _EncryptedOutletDatabase(_OutletDatabase, cipher.EncryptedDatabase):
    """The outlet's database encrypted (db/store/cipher.py), saying why the disk refused."""


def make_database(
    path: Path | str, key: bytes | None = None, *, read_only: bool = False
) -> SqliteDatabase:
    """An SQLite database with the connection settings every connection must carry; with
    ``key``, an encrypted one (db/store/cipher.py); ``read_only`` opens it so that nothing
    is ever written (a folder that cannot be)."""
    # IMMEDIATE transactions take the write lock at BEGIN, so two writers that both read
    # before writing (e.g. the next case number) queue instead of failing on upgrade.
    db: _OutletDatabase
    if key is not None:
        db = _EncryptedOutletDatabase(
            str(path), key=key, pragmas=CONNECTION_PRAGMAS, check_same_thread=False,
            lock_type="IMMEDIATE",
        )  # fmt: skip
    else:
        db = _OutletDatabase(
            str(path), pragmas=CONNECTION_PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE"
        )
    db.read_only = read_only
    register_audit_functions(db)
    return db


def is_read_only(db: Database) -> bool:
    """Whether ``db`` was opened read-only (its folder cannot be written)."""
    return bool(getattr(_unwrap(db), "read_only", False))


def trigram_supported() -> bool:
    """FTS5's trigram tokenizer arrived in SQLite 3.34."""
    return sqlite3.sqlite_version_info >= (3, 34, 0)


def _case_search_trigger_sql() -> list[str]:
    """The triggers that keep the trigram index in step with complaint_case."""
    return [
        f"""CREATE TRIGGER IF NOT EXISTS complaint_case_search_ai AFTER INSERT ON complaint_case
        BEGIN
          INSERT INTO {SEARCH_TABLE}(rowid, case_no, customer_name, description)
          VALUES (new.id, new.case_no, new.customer_name, new.description);
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS complaint_case_search_ad AFTER DELETE ON complaint_case
        BEGIN
          INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, case_no, customer_name, description)
          VALUES ('delete', old.id, old.case_no, old.customer_name, old.description);
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS complaint_case_search_au
        AFTER UPDATE OF case_no, customer_name, description ON complaint_case
        BEGIN
          INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, case_no, customer_name, description)
          VALUES ('delete', old.id, old.case_no, old.customer_name, old.description);
          INSERT INTO {SEARCH_TABLE}(rowid, case_no, customer_name, description)
          VALUES (new.id, new.case_no, new.customer_name, new.description);
        END""",
    ]


def install_case_search(db: Database) -> None:
    """Create the trigram full-text index over case number, customer name and description,
    kept in step with complaint_case by triggers, and fill it from existing rows."""
    if not is_sqlite(db) or not trigram_supported():
        return
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
        "case_no, customer_name, description, "
        "content='complaint_case', content_rowid='id', tokenize='trigram')"
    )
    for sql in _case_search_trigger_sql():
        db.execute_sql(sql)
    rebuild_case_search(db)


def search_index_present(db: Database) -> bool:
    if not is_sqlite(db):
        return False
    row = db.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (SEARCH_TABLE,)
    ).fetchone()
    return row is not None


def rebuild_case_search(db: Database) -> None:
    if search_index_present(db):
        db.execute_sql(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')")


def search_match_sql(text: str) -> tuple[str, list[str]] | None:
    """SQL fragment selecting complaint_case ids whose indexed text contains ``text``.

    Returns None when the trigram index cannot answer: queries shorter than three
    characters (the trigram tokenizer returns nothing for them on SQLite 3.40) or an
    SQLite without trigram support. The caller then falls back to LIKE.
    """
    if len(text) < 3 or not trigram_supported():
        return None
    phrase = '"' + text.replace('"', '""') + '"'
    return (f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?", [phrase])


def install_append_only_guards(db: Database) -> None:
    """Make case_event append-only at the storage level, not just by convention."""
    if not is_sqlite(db):
        return
    for sql in _append_only_guard_sql():
        db.execute_sql(sql)


def _append_only_guard_sql() -> list[str]:
    return [
        f"""CREATE TRIGGER IF NOT EXISTS case_event_no_{op.lower()}
            BEFORE {op} ON case_event
            BEGIN SELECT RAISE(ABORT, 'case_event is append-only'); END"""
        for op in ("UPDATE", "DELETE")
    ]


# --- Search for 1-2 characters ------------------------------------------------------------
# SQLite 3.40's trigram index answers nothing shorter than three characters. This second,
# contentless index holds every character and every pair of adjacent characters of each
# case's searchable text, so a one- or two-character query is a single token lookup.
GRAMS_TABLE = SEARCH_TABLE + "_grams"
GRAMS_TRIGGERS = ("complaint_case_grams_ai", "complaint_case_grams_ad", "complaint_case_grams_au")
_GRAMS_SOURCE = "{p}.case_no || ' ' || {p}.customer_name || ' ' || {p}.description"


def grams(text: str | None) -> str:
    """Space-separated single characters and adjacent pairs of each run of letters and
    digits in ``text``, lower-cased (the FTS tokenizer folds ASCII case the same way)."""
    if not text:
        return ""
    out: list[str] = []
    run: list[str] = []
    for ch in text.lower() + " ":
        if ch.isalnum():
            run.append(ch)
            continue
        for i, c in enumerate(run):
            out.append(c)
            if i + 1 < len(run):
                out.append(c + run[i + 1])
        run.clear()
    return " ".join(out)


def short_query_supported(text: str) -> bool:
    """Whether the grams index can answer ``text``: one or two letters or digits."""
    return 1 <= len(text) <= 2 and text.isalnum()


def _grams_trigger_sql() -> list[str]:
    new, old = _GRAMS_SOURCE.format(p="new"), _GRAMS_SOURCE.format(p="old")
    ins = f"INSERT INTO {GRAMS_TABLE}(rowid, grams) VALUES (new.id, cd_grams({new}));"
    dele = (
        f"INSERT INTO {GRAMS_TABLE}({GRAMS_TABLE}, rowid, grams) "
        f"VALUES ('delete', old.id, cd_grams({old}));"
    )
    ai, ad, au = GRAMS_TRIGGERS
    return [
        f"CREATE TRIGGER IF NOT EXISTS {ai} AFTER INSERT ON complaint_case BEGIN {ins} END",
        f"CREATE TRIGGER IF NOT EXISTS {ad} AFTER DELETE ON complaint_case BEGIN {dele} END",
        f"CREATE TRIGGER IF NOT EXISTS {au} AFTER UPDATE OF case_no, customer_name, "
        f"description ON complaint_case BEGIN {dele} {ins} END",
    ]


def install_short_search(db: Database) -> None:
    """Create the grams index and its triggers, and fill it from existing cases."""
    if not is_sqlite(db):
        return
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {GRAMS_TABLE} USING fts5("
        "grams, content='', detail=none, columnsize=0)"
    )
    for sql in _grams_trigger_sql():
        db.execute_sql(sql)
    fill_short_search(db, after_id=0)


def short_search_present(db: Database) -> bool:
    return (
        is_sqlite(db)
        and db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (GRAMS_TABLE,)
        ).fetchone()
        is not None
    )


def fill_short_search(db: Database, *, after_id: int) -> None:
    """Index the cases with ids above ``after_id``, computing the grams in Python (about
    twice as fast as the trigger's path for a bulk load)."""
    cursor = db.execute_sql(
        "SELECT id, case_no, customer_name, description FROM complaint_case WHERE id > ? "
        "ORDER BY id",
        (after_id,),
    )
    sql = f"INSERT INTO {GRAMS_TABLE}(rowid, grams) VALUES (?, ?)"
    while True:
        rows = cursor.fetchmany(20_000)
        if not rows:
            break
        batch = [(r[0], grams(f"{r[1]} {r[2]} {r[3]}")) for r in rows]
        db.connection().executemany(sql, batch)


def short_match_sql(text: str) -> tuple[str, list[str]]:
    return (f"SELECT rowid FROM {GRAMS_TABLE} WHERE {GRAMS_TABLE} MATCH ?", [f'"{text}"'])


@contextlib.contextmanager
def bulk_load(db: Database) -> Iterator[None]:
    """Suspend the search triggers during a bulk insert and index the new rows once after.

    Indexing once is several times faster than updating the indexes row by row."""
    if not search_index_present(db):
        yield
        return
    names = [
        "complaint_case_search_ai",
        "complaint_case_search_ad",
        "complaint_case_search_au",
    ]
    grams_present = short_search_present(db)
    if grams_present:
        names += list(GRAMS_TRIGGERS)
    marks = ",".join("?" * len(names))
    saved = [
        r[0]
        for r in db.execute_sql(
            f"SELECT sql FROM sqlite_master WHERE type='trigger' AND name IN ({marks})", names
        ).fetchall()
    ]
    last_id = db.execute_sql("SELECT coalesce(max(id), 0) FROM complaint_case").fetchone()[0]
    for name in names:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    try:
        yield
    finally:
        with db.atomic():
            for sql in saved:
                db.execute_sql(sql)
            rebuild_case_search(db)
            if grams_present:
                fill_short_search(db, after_id=last_id)


def database_key(db: Database) -> bytes | None:
    """The key of an encrypted database, None for a plain one."""
    return getattr(_unwrap(db), "cipher_key", None)


def connect_file(path: Path | str, key: bytes | None, **kwargs: Any) -> Any:
    """A driver connection to a database file: sqlcipher3 with ``key``, else sqlite3."""
    if key is not None:
        return cipher.connect(path, key, **kwargs)
    return sqlite3.connect(str(path), **kwargs)


def backup_to(db: Database, target: Path) -> Path:
    """Copy the live database to ``target`` with SQLite's online backup API (an
    encrypted database into a file encrypted with the same key)."""
    private_database(target)
    source = db.connection()
    dest = connect_file(target, database_key(db))
    try:
        source.backup(dest)
    finally:
        dest.close()
    return target


def integrity_problems(db: Database) -> list[str]:
    """Results of PRAGMA integrity_check and foreign_key_check; empty when sound."""
    problems: list[str] = []
    rows = db.execute_sql("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        problems.extend(str(r[0]) for r in rows)
    for row in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign key: table {row[0]} row {row[1]} -> {row[2]}")
    return problems


def pragma_value(db: Database, name: str) -> object:
    return db.execute_sql(f"PRAGMA {name}").fetchone()[0]


# --- Backups, restore and file checks ----------------------------------------------
# The online backup API copies a consistent snapshot of a live database page by page; a file
# copy of a WAL database can miss committed pages that still sit in the -wal file, or catch
# a page half-written. These helpers are the SQLite half of db/trust/backup.py.

SQLITE_HEADER = b"SQLite format 3\x00"
# Give up on a step-by-step copy (which restarts whenever another connection writes) after
# this many restarts and copy in one step instead, holding one read transaction throughout.
BACKUP_MAX_RESTARTS = 2
BACKUP_STEP_PAGES = 4096


class _BackupRestarted(Exception):
    """Raised from the progress callback to abandon a step-by-step copy that keeps restarting."""


def database_file(db: Database) -> Path:
    """The file behind ``db`` (or behind the models' DatabaseProxy)."""
    return Path(_unwrap(db).database)


def backup_to_file(
    db: Database,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Copy the live database to a new, self-contained file ``target`` and sync it to disk.

    The copy is switched to rollback-journal mode, so it needs no -wal/-shm files beside it
    and opens read-only from a write-protected USB stick. With ``progress`` the copy runs in
    steps and reports ``(pages_done, pages_total)``; a step-wise copy restarts whenever
    another connection writes, so after a few restarts it finishes in one step.
    """
    private_database(target)
    source = db.connection()
    dest = connect_file(target, database_key(db))
    try:
        if progress is not None:
            try:
                _stepwise_backup(source, dest, progress)
            except _BackupRestarted:
                source.backup(dest)
        else:
            source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    fsync_file(target)
    return target


def _stepwise_backup(
    source: sqlite3.Connection, dest: sqlite3.Connection, progress: Callable[[int, int], None]
) -> None:
    restarts = 0
    last_remaining: int | None = None

    def step(_status: int, remaining: int, total: int) -> None:
        nonlocal restarts, last_remaining
        if last_remaining is not None and remaining > last_remaining:
            restarts += 1
            if restarts > BACKUP_MAX_RESTARTS:
                raise _BackupRestarted
        last_remaining = remaining
        progress(total - remaining, total)

    source.backup(dest, pages=BACKUP_STEP_PAGES, progress=step)


def fsync_file(path: Path) -> None:
    """Flush ``path`` to the disk, so a backup reported as made survives a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (a rename into it); a no-op where folders cannot be opened."""
    files.sync_dir(path)


COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def private_database(path: Path | str) -> Path:
    """The database file at ``path`` made (or created) readable by its owner alone, with any
    -wal/-shm/-journal already beside it; SQLite creates later ones with the file's mode."""
    path = files.private_file(path)
    for suffix in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            files.private_file(companion)
    return path


def header_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a whole SQLite database, judged from its header alone; or None.

    Catches the common accidents before SQLite sees the file: not a database at all, and a
    copy cut short (a USB stick pulled out), which SQLite would otherwise only report as
    "malformed" somewhere in the middle.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if cipher.open_key() is not None and not header.startswith(SQLITE_HEADER):
        # Encrypted: the header is ciphertext; whole pages is all that can be seen.
        if size < cipher.PAGE_SIZE or size % cipher.PAGE_SIZE:
            return "is truncated (its size is not a whole number of pages)"
        return None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return "is not an SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    version_valid_for = header[92:96]
    if page_size < 512 or page_size & (page_size - 1):
        return "has a damaged header (impossible page size)"
    if size % page_size:
        return "is truncated (its size is not a whole number of pages)"
    # The page count in the header is only trustworthy when these two counters agree.
    if change_counter == version_valid_for and page_count * page_size > size:
        return f"is truncated ({size} of {page_count * page_size} bytes)"
    return None


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` read-only. ``immutable`` keeps SQLite from creating
    -shm/-wal files beside it (the file may sit on a read-only medium); a file that still
    has a -wal beside it is opened normally read-only so its committed pages are seen."""
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return f"{path.resolve().as_uri()}?{mode}"


def file_key(path: Path) -> bytes | None:
    """The key to open ``path`` with: the open database's key for a file that is not
    plain SQLite while an encrypted database is open, else None."""
    key = cipher.open_key()
    if key is not None and cipher.is_encrypted_file(path):
        return key
    return None


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a database file that nothing else is writing (an
    encrypted one with the open database's key)."""
    return connect_file(read_only_uri(path), file_key(path), uri=True)


def connection_integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """PRAGMA integrity_check (or the faster quick_check) on a plain sqlite3 connection."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    if rows == [("ok",)]:
        return []
    return [str(r[0]) for r in rows]


def table_names(conn: sqlite3.Connection) -> set[str]:
    """Names of the ordinary tables in a plain sqlite3 connection's main database."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return {r[0] for r in rows}


def restore_file_into(source: Path, target: Path) -> None:
    """Replace the database at ``target`` with the contents of the database file ``source``.

    Uses the online backup API in the other direction, so connections other programs or
    threads hold on ``target`` see the restored data at their next transaction instead of
    a file swapped under them; the copy is one write transaction, all or nothing.
    """
    key = file_key(source)  # an encrypted backup is restored encrypted, with the same key
    if key is None and file_key(target) is not None:
        raise sqlite3.DatabaseError(
            "an unencrypted backup cannot be restored into the encrypted database"
        )
    src = open_read_only(source)
    private_database(target)
    dest = connect_file(target, key, timeout=30)
    try:
        dest.execute("PRAGMA synchronous=FULL")
        src.backup(dest)
    finally:
        dest.close()
        src.close()


def storage_problems(db: Database, *, quick: bool = False) -> list[str]:
    """PRAGMA integrity_check (or quick_check: no index cross-checks, several times faster
    on a large file, good enough for every start); empty when sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = db.execute_sql(f"PRAGMA {pragma}").fetchall()
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]


def foreign_key_problems(db: Database) -> list[str]:
    """Rows whose foreign key points at nothing, named by table, row and column.

    Such rows can only come from outside the program (foreign keys are on for every
    connection it opens), e.g. a hand edit with foreign keys switched off.
    """
    problems = []
    columns: dict[tuple[str, int], str] = {}
    for table, rowid, parent, fkid in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        if (table, fkid) not in columns:
            for fk in db.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall():
                columns[(table, fk[0])] = fk[3]
        column = columns.get((table, fkid), "?")
        problems.append(
            f"{table} row {rowid}: {column} refers to a {parent} row that does not exist"
        )
    return problems


# --- Audit trail triggers (see db/trust/audit.py) -------------------------------------------------

AUDIT_TABLE = "audit_log"
# Bookkeeping tables with no business content; the search index is derived data.
AUDIT_EXCLUDED = frozenset({AUDIT_TABLE, "schema_migration"})
AUDIT_TRIGGER_PREFIX = "audit_"


def register_audit_functions(db: SqliteDatabase) -> None:
    """SQL functions the audit triggers call. Any connection without them (a hand-run
    sqlite3 shell) cannot write to an audited table at all: the trigger fails."""
    from db.store import trail

    db.register_function(trail.current_actor, "cd_actor", 0)
    db.register_function(trail.entry_hash, "cd_audit_hash", 8)
    db.register_function(grams, "cd_grams", 1)


def audited_tables(db: Database) -> list[str]:
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows if r[0] not in AUDIT_EXCLUDED and not r[0].startswith(SEARCH_TABLE)]


def _columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]


def audit_row_json_sql(db: Database, table: str, alias: str) -> str:
    """``json_object(...)`` of every column of ``table`` as seen through ``alias``."""
    pairs = ", ".join(f"'{c}', {alias}.\"{c}\"" for c in _columns(db, table))
    return f"json_object({pairs})"


def _audit_trigger_sql(db: Database, table: str, op: str) -> str:
    event = {"I": "INSERT", "U": "UPDATE", "D": "DELETE"}[op]
    ref = "OLD" if op == "D" else "NEW"
    before = audit_row_json_sql(db, table, "OLD") if op in ("U", "D") else "NULL"
    after = audit_row_json_sql(db, table, "NEW") if op in ("I", "U") else "NULL"
    name = f"{AUDIT_TRIGGER_PREFIX}{table}_{event.lower()}"
    return (
        f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}"\n'
        "BEGIN\n"
        f"  INSERT INTO {AUDIT_TABLE}"
        "(at, actor_id, table_name, op, row_id, before, after, prev_hash, hash)\n"
        f"  SELECT x.at, x.actor, '{table}', '{op}', {ref}.rowid, x.b, x.a, x.prev,\n"
        f"         cd_audit_hash(x.prev, x.at, x.actor, '{table}', '{op}', {ref}.rowid,"
        " x.b, x.a)\n"
        "  FROM (SELECT strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime') AS at,\n"
        f"               cd_actor() AS actor, {before} AS b, {after} AS a,\n"
        f"               coalesce((SELECT hash FROM {AUDIT_TABLE} ORDER BY id DESC LIMIT 1),"
        " '') AS prev) AS x;\n"
        "END"
    )


def sync_audit_triggers(db: Database) -> int:
    """Give every data table its audit triggers, rebuilt where the columns changed since.

    Runs at every open, after the migrations, so a table or column a migration adds is
    audited from then on. Returns how many triggers were (re)created."""
    if not is_sqlite(db) or AUDIT_TABLE not in {
        r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }:
        return 0
    existing = {
        name: sql
        for name, sql in db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE ?",
            (AUDIT_TRIGGER_PREFIX + "%",),
        ).fetchall()
    }
    wanted: dict[str, str] = {}
    for table in audited_tables(db):
        for op in ("I", "U", "D"):
            sql = _audit_trigger_sql(db, table, op)
            wanted[sql.split('"')[1]] = sql
    changed = 0
    with db.atomic():
        for name, sql in existing.items():
            if wanted.get(name) != sql:
                db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
        for name, sql in wanted.items():
            if existing.get(name) != sql:
                db.execute_sql(sql)
                changed += 1
    return changed


# The op of a baseline entry: the row as it stood when the trail began to cover it (a row
# from before the trail existed, or one a migration wrote before its table had triggers).
BASELINE_OP = "B"
# The triggers' own time format.
AUDIT_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def audit_time() -> str:
    """Now, as the audit triggers write it (milliseconds, local time)."""
    import datetime as dt

    return dt.datetime.now().strftime(AUDIT_TIME_FORMAT)[:-3]


def append_audit_entries(db: Database, table: str, op: str, rows: sqlite3.Cursor) -> int:
    """Append one entry per ``(rowid, row JSON)`` row of the cursor ``rows`` (rows of
    ``table``) to the trail, each chained to
    the one before it exactly as the triggers chain theirs (now, the current actor, no
    "before"). Call it inside the transaction that wrote the rows; returns the count."""
    from db.store import trail

    at = audit_time()
    actor = trail.current_actor()
    last = db.execute_sql(f"SELECT id, hash FROM {AUDIT_TABLE} ORDER BY id DESC LIMIT 1").fetchone()
    next_id, prev = (last[0] + 1, last[1]) if last else (1, "")
    sql = (
        f"INSERT INTO {AUDIT_TABLE}"
        "(id, at, actor_id, table_name, op, row_id, before, after, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)"
    )
    digest_of = trail.insert_hasher(at, actor, table, op)
    written = 0
    while batch := rows.fetchmany(5000):
        entries = []
        for rowid, after in batch:
            digest = digest_of(prev, rowid, after)
            entries.append((next_id, at, actor, table, op, rowid, after, prev, digest))
            next_id += 1
            prev = digest
        db.cursor().executemany(sql, entries)
        written += len(entries)
    return written


def rows_without_entry_sql(db: Database, table: str, *, with_json: bool) -> str:
    """SELECT of the rows of ``table`` that no trail entry names (rowid, and their JSON)."""
    what = f"t.rowid, {audit_row_json_sql(db, table, 't')}" if with_json else "t.rowid"
    return (
        f'SELECT {what} FROM "{table}" AS t WHERE NOT EXISTS (SELECT 1 FROM {AUDIT_TABLE} AS a'
        f" WHERE a.table_name = '{table}' AND a.row_id = t.rowid) ORDER BY t.rowid"
    )


def record_baseline(db: Database) -> int:
    """Give every row that no trail entry names a baseline entry (op ``B``): the row as it
    stands now, so that from here on the check compares it like any other. Used by the
    migration that extends the trail to the rows from before it; returns the count."""
    if AUDIT_TABLE not in existing_tables(db):
        return 0
    written = 0
    for table in audited_tables(db):
        rows = db.execute_sql(rows_without_entry_sql(db, table, with_json=True))
        written += append_audit_entries(db, table, BASELINE_OP, rows)
    return written


# --- Checking the guards: triggers, SQL functions and search indexes --------------------------


def _trigger_name(sql: str) -> str:
    words = _normal_sql(sql).split(" ")
    return words[2].strip('"')


def _normal_sql(sql: str) -> str:
    """Trigger text compared as SQLite stores it: no IF NOT EXISTS, whitespace collapsed."""
    return " ".join(sql.replace("IF NOT EXISTS ", "").split())


def expected_triggers(db: Database) -> dict[str, str]:
    """Every trigger this program creates in ``db`` as its tables stand: the search
    indexes', case_event's append-only guards and every audited table's audit triggers."""
    tables = existing_tables(db)
    wanted: list[str] = []
    if SEARCH_TABLE in tables:
        wanted += _case_search_trigger_sql()
    if GRAMS_TABLE in tables:
        wanted += _grams_trigger_sql()
    if "case_event" in tables and "setting" in tables:  # both came with schema version 2
        wanted += _append_only_guard_sql()
    if AUDIT_TABLE in tables:
        wanted += [_audit_trigger_sql(db, t, op) for t in audited_tables(db) for op in "IUD"]
    return {_trigger_name(sql): _normal_sql(sql) for sql in wanted}


# One entry for the SQL functions to compute: they must give what the program's own give.
_FUNCTION_PROBE = ("prev", "2026-01-01 00:00:00.000", 1, "outlet", "U", 1, "{}", '{"a":1}')


def guard_problems(db: Database) -> list[str]:
    """Triggers missing, altered or unknown, and SQL functions that do not compute what the
    program's do (a connection with other functions would write a forged trail)."""
    from db.errors import message
    from db.store import trail

    present = {
        name: _normal_sql(sql or "")
        for name, sql in db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger'"
        ).fetchall()
    }
    wanted = expected_triggers(db)
    problems: list[str] = []
    for name, sql in wanted.items():
        if name not in present:
            problems.append(message("guard_trigger_missing", name=name))
        elif present[name] != sql:
            problems.append(message("guard_trigger_altered", name=name))
    problems += [message("guard_trigger_unknown", name=n) for n in present if n not in wanted]
    probes = {
        "cd_audit_hash": ("SELECT cd_audit_hash(?, ?, ?, ?, ?, ?, ?, ?)", _FUNCTION_PROBE),
        "cd_grams": ("SELECT cd_grams(?)", ("投诉12",)),
    }
    expected = {"cd_audit_hash": trail.entry_hash(*_FUNCTION_PROBE), "cd_grams": grams("投诉12")}
    for name, (sql, args) in probes.items():
        try:
            value = db.execute_sql(sql, args).fetchone()[0]
        except (sqlite3.Error, PeeweeException):
            value = None
        if value != expected[name]:
            problems.append(message("guard_function_altered", name=name))
    return problems


def search_index_problems(db: Database) -> list[str]:
    """FTS5's own integrity-check of each search index, and each compared with
    complaint_case, so a case changed behind its triggers, or an index row changed, added or
    deleted, is found: the trigram index by FTS5 itself (rank 1: it re-reads the table it
    indexes), the grams index, which keeps no content to re-read, by :func:`_grams_mismatch`.
    """
    from db.errors import message

    problems: list[str] = []
    tables = existing_tables(db)
    for table in (SEARCH_TABLE, GRAMS_TABLE):
        if table not in tables:
            continue
        try:
            with db.atomic():
                db.execute_sql(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            mismatch = _grams_mismatch(db) if table == GRAMS_TABLE else None
        except (sqlite3.Error, PeeweeException) as exc:
            mismatch = str(exc)
        if mismatch is not None:
            problems.append(message("search_index_mismatch", name=table, error=mismatch))
    return problems


# Per term of an index: the cases holding it, and two sums of their ids, so a row changed,
# added, deleted or exchanged with another's changes some term's line. fts5vocab's
# "instance" rows come in term order, so the grouping streams: about 0.3 s per 20,000 cases.
_TERM_FINGERPRINT = (
    "SELECT term, count(*) AS docs, sum(doc) AS ids, sum(doc * doc) AS squares "
    "FROM temp.{vocab} GROUP BY term"
)


def _grams_mismatch(db: Database) -> str | None:
    """How the grams index differs from the grams of complaint_case, or None.

    The index is contentless (it keeps only its terms), so FTS5 cannot compare it with the
    table: an index of the same shape is built from the table in the temp schema, and the
    two are compared term by term (:data:`_TERM_FINGERPRINT`), in SQL. It all happens in
    one transaction that is rolled back: nothing is written, not even to the temp schema.
    """
    fill = "INSERT INTO temp.cd_expected(rowid, grams) VALUES (?, ?)"
    steps = (
        "CREATE VIRTUAL TABLE temp.cd_expected USING fts5("
        "grams, content='', detail=none, columnsize=0)",
        f"CREATE VIRTUAL TABLE temp.cd_vocab_now USING fts5vocab(main, {GRAMS_TABLE}, 'instance')",
        "CREATE VIRTUAL TABLE temp.cd_vocab_expected USING fts5vocab(temp, cd_expected, 'instance')",
    )
    compare = (
        "SELECT term FROM (SELECT * FROM temp.cd_fp_{a} EXCEPT SELECT * FROM temp.cd_fp_{b}) "
        "ORDER BY term LIMIT 1"
    )
    with db.atomic() as transaction:
        for sql in steps:
            db.execute_sql(sql)
        cursor = db.execute_sql(
            "SELECT id, case_no, customer_name, description FROM complaint_case"
        )
        while rows := cursor.fetchmany(20_000):
            batch = [(r[0], grams(f"{r[1]} {r[2]} {r[3]}")) for r in rows]
            db.connection().executemany(fill, batch)
        for side in ("now", "expected"):
            vocab = f"cd_vocab_{side}"
            db.execute_sql(
                f"CREATE TEMP TABLE cd_fp_{side} AS " + _TERM_FINGERPRINT.format(vocab=vocab)
            )
        found = [
            db.execute_sql(compare.format(a=a, b=b)).fetchone()
            for a, b in (("now", "expected"), ("expected", "now"))
        ]
        transaction.rollback()
    terms = sorted(row[0] for row in found if row is not None)
    if not terms:
        return None
    return f"the cases indexed under {terms[0]!r} are not the ones complaint_case holds"


@contextlib.contextmanager
def audit_suspended(db: Database, tables: list[str]) -> Iterator[None]:
    """Drop the audit triggers of ``tables`` for a bulk load (demo data), and restore them.

    The caller writes each row's entry itself, in the transaction that inserts the rows
    (db.trust.audit.record_inserts): computed in batches rather than row by row, but the same
    entries the triggers would have written."""
    names = [
        f"{AUDIT_TRIGGER_PREFIX}{t}_{event}"
        for t in tables
        for event in ("insert", "update", "delete")
    ]
    for name in names:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    try:
        yield
    finally:
        sync_audit_triggers(db)


def connect_plain(path: Path | str, **kwargs: object) -> sqlite3.Connection:
    """A plain sqlite3 connection that can write to audited tables: the audit functions are
    registered on it, so its writes land in the trail like the program's own (tools, tests)."""
    from db.store import trail

    conn = sqlite3.connect(str(path), **kwargs)  # type: ignore[call-overload]
    conn.create_function("cd_actor", 0, trail.current_actor)
    conn.create_function("cd_audit_hash", 8, trail.entry_hash)
    conn.create_function("cd_grams", 1, grams)
    conn.execute("PRAGMA recursive_triggers = 1")
    return conn


def existing_tables(db: Database) -> set[str]:
    """Names of the ordinary tables of the open database."""
    return {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")}


# The trail entries of one case: its own row and every row whose JSON names it (JSON1).
CASE_HISTORY_SQL = """
    SELECT a.id, a.at, s.name, a.table_name, a.op, a.row_id, a.before, a.after
    FROM audit_log AS a LEFT JOIN staff AS s ON s.id = a.actor_id
    WHERE (a.table_name = 'complaint_case' AND a.row_id = ?)
       OR json_extract(coalesce(a.after, a.before), '$.case_id') = ?
    ORDER BY a.id
"""
