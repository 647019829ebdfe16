"""Checking the database: is it sound, complete and of a schema this program knows? No Qt.

``check_database`` runs a list of named checks and gathers their findings into one report
that ``complaint-desk check``, the start of the app and the tests all read. The list is
open: the audit trail's hash chain registers its own check with
``register_check`` instead of this module growing a special case.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from peewee import Database, PeeweeException

from db.errors import message
from db.store import sqlite_features
from db.store.cipher import CipherError
from db.store.database import MIGRATION_TABLE, latest_schema_version, schema_version
from db.trust.backup import (
    REQUIRED_TABLES,
    attachments_folder,
    backup_folder_of,
    default_backup_folder,
    known_migrations,
    tree_files,
    verify_files,
)

# Until attachments have their own table, their SHA-256 sums are
# listed in this file inside the attachments folder: {"files": {"rel/path": {"sha256": ...}}}.
ATTACHMENT_MANIFEST = "manifest.sha256.json"


@dataclass
class Findings:
    """What one check found: problems make the check fail, notes are for information."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckContext:
    db: Database
    # The database file, or None when the database is not an SQLite file.
    path: Path | None
    # Faster, less thorough checks where that is a choice (the start of the app).
    quick: bool


@dataclass(frozen=True)
class Check:
    name: str
    title: str
    run: Callable[[CheckContext], Findings]


@dataclass(frozen=True)
class CheckResult:
    name: str
    title: str
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class CheckReport:
    """The findings of every check, in the order they ran."""

    path: Path | None
    results: tuple[CheckResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def problems(self) -> list[str]:
        """Every problem, each prefixed with the title of the check that found it."""
        return [f"{r.title}: {p}" for r in self.results for p in r.problems]

    @property
    def first_problem(self) -> str | None:
        problems = self.problems
        return problems[0] if problems else None

    def summary(self) -> str:
        """A few lines of plain English for a terminal or a log."""
        where = f" of {self.path}" if self.path is not None else ""
        count = len(self.problems)
        if count == 0:
            head = f"Database check{where}: no problems found."
        else:
            plural = "problem" if count == 1 else "problems"
            head = f"Database check{where}: {count} {plural}; the first is: {self.first_problem}"
        lines = [head]
        for result in self.results:
            if result.problems:
                more = len(result.problems) - 1
                extra = f" (and {more} more)" if more else ""
                lines.append(f"  PROBLEM  {result.title}: {result.problems[0]}{extra}")
            else:
                detail = "; ".join(result.notes) if result.notes else "ok"
                lines.append(f"  ok       {result.title}: {detail}")
        return "\n".join(lines)


# --- the checks ------------------------------------------------------------------------------


def _storage(ctx: CheckContext) -> Findings:
    if not sqlite_features.is_sqlite(ctx.db):
        return Findings(notes=["not an SQLite database; not checked here"])
    problems = sqlite_features.storage_problems(ctx.db, quick=ctx.quick)
    return Findings(problems, [] if problems else ["quick_check ok" if ctx.quick else "ok"])


def _foreign_keys(ctx: CheckContext) -> Findings:
    if not sqlite_features.is_sqlite(ctx.db):
        return Findings(notes=["not an SQLite database; not checked here"])
    return Findings(sqlite_features.foreign_key_problems(ctx.db))


def _schema(ctx: CheckContext) -> Findings:
    tables = set(ctx.db.get_tables())
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        return Findings([f"table {', '.join(missing)} missing: not a Complaint Desk database"])
    applied = [r[0] for r in ctx.db.execute_sql(f'SELECT name FROM "{MIGRATION_TABLE}"')]
    unknown = sorted(set(applied) - set(known_migrations()))
    if unknown:
        return Findings(
            [
                "made by a newer version of Complaint Desk (unknown schema steps: "
                + ", ".join(unknown)
                + ")"
            ]
        )
    version, latest = schema_version(ctx.db), latest_schema_version()
    note = f"version {version} of {latest}"
    if version < latest:
        note += " (brought up to date when the program opens it)"
    return Findings(notes=[note])


def _attachments(ctx: CheckContext) -> Findings:
    if ctx.path is None:
        return Findings(notes=["no database file; not checked"])
    folder = attachments_folder(ctx.path)
    manifest = folder / ATTACHMENT_MANIFEST
    if not manifest.is_file():
        count = len(tree_files(folder))
        if count == 0:
            return Findings(notes=["none"])
        return Findings(notes=[f"{count} files, no checksum list to check them against"])
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        if not isinstance(files, dict):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return Findings([f"the checksum list {manifest.name} cannot be read ({exc})"])
    problems = verify_files(folder, files)
    return Findings(problems, [] if problems else [f"{len(files)} files match their SHA-256"])


def _audit_trail(ctx: CheckContext) -> Findings:
    from db.trust import audit

    if "audit_log" not in {
        r[0] for r in ctx.db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }:
        return Findings(notes=["no audit trail yet (brought up to date when the program opens it)"])
    report = audit.verify_trail(ctx.db)
    note = f"{report.entries} entries chained, {report.rows_checked} rows match their last entry"
    return Findings([str(p) for p in report.problems], [] if report.problems else [note])


def _has_trail(db: Database) -> bool:
    return sqlite_features.AUDIT_TABLE in sqlite_features.existing_tables(db)


def _trail_anchor(ctx: CheckContext) -> Findings:
    """The trail against the newest signed checkpoint outside the file (db/trust/anchor.py)."""
    if ctx.path is None or not _has_trail(ctx.db):
        return Findings(notes=["no audit trail in a database file; not checked"])
    from db.trust import anchor  # its signing keys load with the check that reads them

    data_dir = ctx.path.parent
    folders = [backup_folder_of(ctx.path), default_backup_folder(ctx.path)]
    checkpoint = anchor.newest_checkpoint(data_dir, folders)
    if checkpoint is None:
        return Findings(notes=[message("trail_no_checkpoint")])
    problems = anchor.head_problems(ctx.db, checkpoint)
    note = message("trail_checkpoint_matches", at=checkpoint.at, entries=checkpoint.head.entries)
    return Findings(problems, [] if problems else [note])


def _guards(ctx: CheckContext) -> Findings:
    if not sqlite_features.is_sqlite(ctx.db):
        return Findings(notes=["not an SQLite database; not checked here"])
    problems = sqlite_features.guard_problems(ctx.db)
    count = len(sqlite_features.expected_triggers(ctx.db))
    return Findings(problems, [] if problems else [f"{count} triggers as this program makes them"])


def _search_indexes(ctx: CheckContext) -> Findings:
    if not sqlite_features.is_sqlite(ctx.db):
        return Findings(notes=["not an SQLite database; not checked here"])
    if ctx.quick:  # reads every indexed case again; derived data, rebuilt if need be
        return Findings(notes=["checked by the full check only"])
    return Findings(sqlite_features.search_index_problems(ctx.db))


CHECKS: list[Check] = [
    Check("storage", "Storage (integrity_check)", _storage),
    Check("foreign_keys", "Foreign keys", _foreign_keys),
    Check("audit_trail", "Audit trail (hash chain)", _audit_trail),
    Check("trail_anchor", "Audit trail (signed checkpoint)", _trail_anchor),
    Check("guards", "Triggers and SQL functions", _guards),
    Check("search_indexes", "Search indexes (FTS5 integrity-check)", _search_indexes),
    Check("schema", "Schema", _schema),
    Check("attachments", "Attachments", _attachments),
]


def register_check(check: Check, *, after: str | None = None) -> None:
    """Add ``check`` to every later ``check_database`` run (replacing one of the same name),
    after the check named ``after`` or at the end."""
    CHECKS[:] = [c for c in CHECKS if c.name != check.name]
    names = [c.name for c in CHECKS]
    index = names.index(after) + 1 if after in names else len(CHECKS)
    CHECKS.insert(index, check)


def check_database(
    db: Database, *, quick: bool = False, checks: list[Check] | None = None
) -> CheckReport:
    """Run ``checks`` (default: every registered check) on ``db`` and report the findings.

    A check that cannot even run (the file is too damaged to read) is itself a problem,
    and the remaining checks still run: the report should name everything it can.
    """
    path = sqlite_features.database_file(db) if sqlite_features.is_sqlite(db) else None
    ctx = CheckContext(db, path, quick)
    results = []
    for check in checks if checks is not None else list(CHECKS):
        try:
            found = check.run(ctx)
        except (sqlite3.Error, PeeweeException, OSError) as exc:
            found = Findings([f"could not be checked: {exc}"])
        results.append(
            CheckResult(check.name, check.title, tuple(found.problems), tuple(found.notes))
        )
    return CheckReport(path, tuple(results))


def check_file(
    path: Path, *, quick: bool = False, checks: list[Check] | None = None
) -> CheckReport:
    """Check the database file at ``path`` on its own connection, without binding the models
    to it or upgrading its schema: what the start of the app needs before it opens the file."""
    db = sqlite_features.make_database(path, sqlite_features.file_key(path))
    try:
        try:
            db.connect()
        except (sqlite3.Error, CipherError, PeeweeException) as exc:
            result = CheckResult("storage", CHECKS[0].title, (f"cannot be opened: {exc}",))
            return CheckReport(Path(path), (result,))
        return check_database(db, quick=quick, checks=checks)
    finally:
        db.close()
