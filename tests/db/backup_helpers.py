"""Helpers for the backup, restore and check tests: reading a database file without the
program, damaging files the way disks and people do."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

TABLES = ("outlet", "staff", "complaint_case", "case_event", "setting", "schema_migration")


def rows_of(path: Path) -> dict[str, list[tuple]]:
    """Every row of the main tables of the database file at ``path``, read with plain sqlite3."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in TABLES}
    finally:
        conn.close()


def case_count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM complaint_case").fetchone()[0]
    finally:
        conn.close()


def file_digest(db_path: Path) -> str:
    """SHA-256 over the database file and its -wal: any change to the stored bytes shows."""
    digest = hashlib.sha256()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def corrupt_middle(path: Path, page_size: int = 4096) -> None:
    """Overwrite the middle third of ``path`` with garbage, page-aligned, sparing page 1."""
    size = path.stat().st_size
    start = max(page_size, (size // 3) // page_size * page_size)
    length = max(page_size, (size // 3) // page_size * page_size)
    garbage = (bytes(range(7, 256, 3)) * (length // 83 + 1))[:length]
    with path.open("r+b") as fh:
        fh.seek(start)
        fh.write(garbage)


def truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
