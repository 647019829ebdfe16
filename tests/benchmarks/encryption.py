"""The cost of encryption at rest: the same work on the encrypted database and the plain one.

``python -m tests.benchmarks.encryption [--size 100000] [--data bench-data]``

The plain database is the cached demo database of that size (datasets.py); the encrypted
one is a copy of it made with the program's own migration (db/trust/encryption.py) into
``bench-data/encrypted-N/``, kept for the next run. Every row runs the app's own functions
on both, alternating (harness.timed_pair): the **figure** on the encrypted database, the
**floor** the same call on the plain one through the same SQLite (sqlcipher3's own build,
no key), so the ratio is what encryption costs and nothing else. The note gives the plain
database through the standard library's SQLite too, which is what a plain outlet runs: the
two SQLite versions plan some searches differently. The databases stay open side by side
and the models are switched between them (a ``DatabaseProxy``), except in the start-up
row, which opens each one anew per run.

Rows: start (open with the migrations' schema check + first page and total count, on a
new connection, so every page it reads is read and decrypted anew; the key's unwrapping
by the login, scrypt, is its own row), the case list (first page + total count, one
filter), searches of 1, 2 and 3+ characters, and the annual assessment report's data.
Prints a Markdown table; no figure is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import time
from pathlib import Path

from tests.benchmarks import datasets
from tests.benchmarks.harness import MS, Row, Target, log, markdown_table, median_time, timed_pair

LOGIN = ("E-BENCH", "bench-password-1")
SEARCHES = ["张", "建国", "叫号顺序", "客户称"]
PAGE = 200


def encrypted_copy(plain: Path, data: Path, size: int) -> tuple[Path, bytes]:
    """The encrypted copy of ``plain`` and its key, made once (the migration itself)."""
    from db.trust import database_key, encryption

    folder = data / f"encrypted-{size}"
    path = folder / datasets.DB_FILENAME
    if path.exists() and database_key.has_key_file(folder):
        return path, database_key.unwrap_by_login(folder, *LOGIN)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    source = sqlite3.connect(plain)
    target = sqlite3.connect(path)
    source.backup(target)
    target.close()
    source.close()
    started = time.perf_counter()
    done = encryption.encrypt_database(
        path, [database_key.Login(0, *LOGIN)], backup_folder=folder / "backups"
    )
    log(f"  encrypted {size:,} cases in {time.perf_counter() - started:.1f} s (with its backup)")
    shutil.rmtree(folder / "backups")
    return path, done.key


class EncryptionBench:
    def __init__(self, plain: Path, encrypted: Path, key: bytes, size: int, runs: int) -> None:
        from db.store import sqlite_features

        self.paths = {"plain": plain, "encrypted": encrypted}
        self.key = key
        self.size = size
        self.runs = runs
        from playhouse.sqlcipher_ext import SqlCipherDatabase

        self.stdlib = sqlite_features.make_database(plain)
        self.encrypted = sqlite_features.make_database(encrypted, key)
        # The plain file through sqlcipher3's SQLite: no passphrase, so no key is set.
        self.plain = SqlCipherDatabase(
            str(plain), pragmas=sqlite_features.CONNECTION_PRAGMAS, check_same_thread=False
        )
        sqlite_features.register_audit_functions(self.plain)
        for db in (self.plain, self.encrypted, self.stdlib):
            db.connect()
        self.at = dt.datetime.now().replace(microsecond=0)

    def close(self) -> None:
        from db.store.models import database

        for db in (self.plain, self.encrypted, self.stdlib):
            db.close()
        database.initialize(None)

    def _on(self, db, fn):
        from db.store import cipher
        from db.store.models import database

        database.initialize(db)
        cipher.remember_key(self.key if db is self.encrypted else None)
        return fn()

    def pair_row(self, what: str, fn, note: str = "") -> Row:
        pair = timed_pair(
            lambda: self._on(self.encrypted, fn), lambda: self._on(self.plain, fn), runs=self.runs
        )
        fig, flo = pair.figure * 1000, pair.floor * 1000
        stdlib = median_time(lambda: self._on(self.stdlib, fn), runs=self.runs) * 1000
        log(f"  {what}: {fig:.1f} ms encrypted, {flo:.1f} ms plain ({fig / flo:.2f}×), "
            f"{stdlib:.1f} ms plain with the standard library's SQLite")  # fmt: skip
        note = (
            note + "; " if note else ""
        ) + f"plain through the standard library: {stdlib:.2f} ms"
        return Row(what, self.size, fig, flo, MS, Target(), note=note)

    def _first_page(self, flt) -> int:
        from db.intake import queries

        total = queries.case_count(flt, at=self.at)
        rows = queries.case_page(
            flt, at=self.at, sort="received_at", descending=True, offset=0, limit=PAGE
        )
        return total + len(rows)

    def start_rows(self) -> list[Row]:
        from db.intake.queries import CaseFilter
        from db.store import database as store
        from db.trust import database_key

        def start(kind: str) -> int:
            key = self.key if kind == "encrypted" else None
            store.open_database(self.paths[kind], key=key)
            try:
                return self._first_page(CaseFilter())
            finally:
                store.close_database()

        pair = timed_pair(lambda: start("encrypted"), lambda: start("plain"), runs=self.runs)
        fig, flo = pair.figure * 1000, pair.floor * 1000
        log(f"  start: {fig:.1f} ms encrypted, {flo:.1f} ms plain")
        folder = self.paths["encrypted"].parent
        unwrap = median_time(lambda: database_key.unwrap_by_login(folder, *LOGIN)) * 1000
        log(f"  unwrapping the key: {unwrap:.1f} ms")
        return [
            Row("start: open (schema check) + first page + total count, new connection",
                self.size, fig, flo, MS, Target(), note="the models rebound each run"),
            Row("start: unwrapping the key with the login (scrypt n=2^15), encrypted only",
                self.size, unwrap, None, MS, Target(), note="once per start, before opening"),
        ]  # fmt: skip

    def rows(self) -> list[Row]:
        from db.intake.queries import STATUS_OPEN, CaseFilter

        out = self.start_rows()
        out.append(
            self.pair_row("list: first page + total count", lambda: self._first_page(CaseFilter()))
        )
        out.append(
            self.pair_row(
                "list: filter status open",
                lambda: self._first_page(CaseFilter(status=STATUS_OPEN)),
            )
        )
        for term in SEARCHES:
            out.append(
                self.pair_row(
                    f"search “{term}”", lambda term=term: self._first_page(CaseFilter(search=term))
                )
            )
        out.append(self.report_row())
        return out

    def report_row(self) -> Row:
        from db.reporting.assessment_data import assessment_data
        from db.store.models import database

        def year() -> str:
            return database.execute_sql(
                "SELECT substr(received_at, 1, 4) AS y FROM complaint_case "
                "GROUP BY y ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()[0]

        busiest = self._on(self.plain, year)
        return self.pair_row(
            f"report: the annual assessment report's data ({busiest})",
            lambda: assessment_data(busiest),
            note="the data only: rendering the PDF does not read the database",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.encryption")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=datasets.REPO / "bench-data")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    log(f"== encryption at rest, {args.size:,} cases ==")
    plain = datasets.ensure_database(args.data, args.size)
    encrypted, key = encrypted_copy(plain, args.data, args.size)
    log(f"  files: plain {plain.stat().st_size / 2**20:.0f} MB, "
        f"encrypted {encrypted.stat().st_size / 2**20:.0f} MB")  # fmt: skip
    bench = EncryptionBench(plain, encrypted, key, args.size, args.runs)
    try:
        rows = bench.rows()
    finally:
        bench.close()
    print(markdown_table(rows).replace("floor", "plain"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
