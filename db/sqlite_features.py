"""Everything that only SQLite understands, behind named functions.

The rest of db/ stays portable SQL through peewee; when a district branch moves to
PostgreSQL, this module is the one to replace (tsvector/pg_trgm instead of FTS5, no
pragmas, pg_dump instead of the online backup API).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from peewee import Database, SqliteDatabase

# WAL for concurrent readers; FULL so a power cut cannot lose a reported commit
# (NORMAL can, in WAL mode); foreign keys are off by default in SQLite.
CONNECTION_PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
    ("cache_size", -32000),
)

SEARCH_TABLE = "case_search"


def _unwrap(db: Database) -> Database:
    """Accept the models' DatabaseProxy as well as the database behind it."""
    return getattr(db, "obj", None) or db


def is_sqlite(db: Database) -> bool:
    return isinstance(_unwrap(db), SqliteDatabase)


def make_database(path: Path | str) -> SqliteDatabase:
    """An SQLite database with the connection settings every connection must carry."""
    # IMMEDIATE transactions take the write lock at BEGIN, so two writers that both read
    # before writing (e.g. the next case number) queue instead of failing on upgrade.
    return SqliteDatabase(
        str(path), pragmas=CONNECTION_PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE"
    )


def trigram_supported() -> bool:
    """FTS5's trigram tokenizer arrived in SQLite 3.34."""
    return sqlite3.sqlite_version_info >= (3, 34, 0)


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
    db.execute_sql(
        f"""CREATE TRIGGER IF NOT EXISTS complaint_case_search_ai AFTER INSERT ON complaint_case
        BEGIN
          INSERT INTO {SEARCH_TABLE}(rowid, case_no, customer_name, description)
          VALUES (new.id, new.case_no, new.customer_name, new.description);
        END"""
    )
    db.execute_sql(
        f"""CREATE TRIGGER IF NOT EXISTS complaint_case_search_ad AFTER DELETE ON complaint_case
        BEGIN
          INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, case_no, customer_name, description)
          VALUES ('delete', old.id, old.case_no, old.customer_name, old.description);
        END"""
    )
    db.execute_sql(
        f"""CREATE TRIGGER IF NOT EXISTS complaint_case_search_au
        AFTER UPDATE OF case_no, customer_name, description ON complaint_case
        BEGIN
          INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, case_no, customer_name, description)
          VALUES ('delete', old.id, old.case_no, old.customer_name, old.description);
          INSERT INTO {SEARCH_TABLE}(rowid, case_no, customer_name, description)
          VALUES (new.id, new.case_no, new.customer_name, new.description);
        END"""
    )
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
    for op in ("UPDATE", "DELETE"):
        db.execute_sql(
            f"""CREATE TRIGGER IF NOT EXISTS case_event_no_{op.lower()}
            BEFORE {op} ON case_event
            BEGIN SELECT RAISE(ABORT, 'case_event is append-only'); END"""
        )


@contextlib.contextmanager
def bulk_load(db: Database) -> Iterator[None]:
    """Suspend the search triggers during a bulk insert and rebuild the index once after.

    Rebuilding once is several times faster than updating the index row by row."""
    if not search_index_present(db):
        yield
        return
    names = [
        "complaint_case_search_ai",
        "complaint_case_search_ad",
        "complaint_case_search_au",
    ]
    saved = [
        r[0]
        for r in db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type='trigger' AND name IN (?,?,?)", names
        ).fetchall()
    ]
    for name in names:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    try:
        yield
    finally:
        for sql in saved:
            db.execute_sql(sql)
        rebuild_case_search(db)


def backup_to(db: Database, target: Path) -> Path:
    """Copy the live database to ``target`` with SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source = db.connection()
    dest = sqlite3.connect(str(target))
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
