"""The tamper-evident audit trail: every write, who made it, before and after, hash-chained.

How it works:
- every data table carries INSERT/UPDATE/DELETE triggers (db/store/sqlite_features.py) that
  append one ``audit_log`` row in the same transaction as the write: when, who (the
  session's actor), which table and row, the row as JSON before and after;
- each entry's ``hash`` is the SHA-256 of its content together with the previous entry's
  hash, so changing, inserting or removing an entry breaks the chain from that entry on;
- ``verify_trail`` recomputes the chain and compares each audited row's current state with
  its latest entry, naming the first entry that does not match.

"Who" is the staff member the program acts for (``set_session_actor`` at start or login,
``acting_as`` for a single action); writes with no actor, such as migrations, record NULL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from peewee import Database

from db.store.models import database
from db.store.sqlite_features import BASELINE_OP  # the row as it stood when the trail began
from db.store.trail import (  # noqa: F401  (the trail's primitives, used as audit.*)
    acting_as,
    current_actor,
    entry_hash,
    insert_hasher,
    set_session_actor,
)

AUDIT_TABLE = "audit_log"


def record_inserts(db: Database, table: str, first_rowid: int, last_rowid: int) -> int:
    """Append the entries of rows just inserted into ``table`` (rowids ``first_rowid`` to
    ``last_rowid``) while its triggers were suspended for a bulk load
    (sqlite_features.audit_suspended). Call it inside the transaction that inserted them.

    Each entry is what the insert trigger would have written: now, the current actor, the
    row as the trigger's own JSON expression renders it, chained by :func:`entry_hash` to
    the entry before it; so :func:`verify_trail` checks these entries like any other.
    Returns how many entries were written."""
    from db.store import sqlite_features

    expr = sqlite_features.audit_row_json_sql(db, table, "t")
    rows = db.execute_sql(
        f'SELECT t.rowid, {expr} FROM "{table}" AS t WHERE t.rowid BETWEEN ? AND ? '
        "ORDER BY t.rowid",
        (first_rowid, last_rowid),
    )
    return sqlite_features.append_audit_entries(db, table, "I", rows)


# What a row no entry names says about itself: written while the triggers were dropped.
NO_ENTRY = "row has no trail entry (written with the audit triggers switched off)"


@dataclass(frozen=True)
class TrailProblem:
    """One thing the trail does not vouch for; ``entry_id`` is None for a row no entry
    names at all."""

    entry_id: int | None
    table: str
    row_id: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.table} row {self.row_id}" if self.row_id is not None else self.table
        if self.entry_id is None:
            return f"{where}: {self.reason}"
        return f"audit entry {self.entry_id} ({where}): {self.reason}"


@dataclass
class TrailReport:
    entries: int
    rows_checked: int
    problems: list[TrailProblem]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> TrailProblem | None:
        return self.problems[0] if self.problems else None


def _rows_as_json(db: Database, table: str, row_ids: list[int]) -> dict[int, str]:
    from db.store import sqlite_features

    expr = sqlite_features.audit_row_json_sql(db, table, "t")
    result: dict[int, str] = {}
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f'SELECT t.rowid, {expr} FROM "{table}" AS t WHERE t.rowid IN ({marks})'
        for rowid, text in db.execute_sql(sql, chunk).fetchall():
            result[rowid] = text
    return result


def _column_defaults(db: Database, table: str) -> dict[str, object]:
    """Each column's SQL default as the row's JSON shows it ('' , 0, 1, NULL)."""
    result: dict[str, object] = {}
    for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall():
        name, default = row[1], row[4]
        if default is None or default.upper() == "NULL":
            result[name] = None
        elif default.startswith("'") and default.endswith("'"):
            result[name] = default[1:-1].replace("''", "'")
        else:
            try:
                result[name] = json.loads(default)
            except ValueError:
                result[name] = default
    return result


def _same_row(now_row: dict | None, after: dict | None, defaults: dict[str, object]) -> bool:
    """Whether a row still is what its latest trail entry wrote. A column added by a later
    migration is not in that entry; it must still hold the default it was added with."""
    if now_row is None or after is None:
        return now_row == after
    if set(after) - set(now_row):
        return False
    return all(
        now_row[key] == after[key] if key in after else now_row[key] == defaults.get(key)
        for key in now_row
    )


def verify_trail(db: Database | None = None, *, limit_problems: int = 20) -> TrailReport:
    """Recompute the hash chain, then compare every audited row with its latest entry."""
    db = db or database.obj
    problems: list[TrailProblem] = []
    prev = ""
    count = 0
    latest: dict[tuple[str, int], tuple[int, str, str | None]] = {}
    cursor = db.execute_sql(
        "SELECT id, at, actor_id, table_name, op, row_id, before, after, prev_hash, hash "
        "FROM audit_log ORDER BY id"
    )
    for entry in cursor:
        count += 1
        eid, at, actor, table, op, row_id, before, after, prev_hash, stored = entry
        if (prev_hash or "") != prev:
            problems.append(TrailProblem(eid, table, row_id, "does not follow the entry before it"))
        elif entry_hash(prev_hash, at, actor, table, op, row_id, before, after) != stored:
            problems.append(TrailProblem(eid, table, row_id, "its content was changed"))
        prev = stored or ""
        if row_id is not None:
            latest[(table, row_id)] = (eid, op, after)
        if len(problems) >= limit_problems:
            return TrailReport(count, 0, problems)
    by_table: dict[str, list[int]] = {}
    for table, row_id in latest:
        by_table.setdefault(table, []).append(row_id)
    from db.store import sqlite_features

    existing = sqlite_features.existing_tables(db)
    column_defaults: dict[str, dict[str, object]] = {}

    def defaults(table: str) -> dict[str, object]:
        if table not in column_defaults:
            column_defaults[table] = _column_defaults(db, table)
        return column_defaults[table]

    checked = 0
    state_problems: list[TrailProblem] = []
    for table, row_ids in by_table.items():
        current = _rows_as_json(db, table, row_ids) if table in existing else {}
        for row_id in row_ids:
            eid, op, after = latest[(table, row_id)]
            checked += 1
            now_json = current.get(row_id)
            if op == "D":
                if now_json is not None:
                    state_problems.append(
                        TrailProblem(eid, table, row_id, "deleted in the trail but present")
                    )
            elif now_json is None:
                state_problems.append(
                    TrailProblem(eid, table, row_id, "row removed without a trail entry")
                )
            elif not _same_row(json.loads(now_json), json.loads(after or "null"), defaults(table)):
                state_problems.append(
                    TrailProblem(eid, table, row_id, "row changed without a trail entry")
                )
    state_problems.sort(key=lambda p: p.entry_id or 0)
    for table in sqlite_features.audited_tables(db):
        sql = sqlite_features.rows_without_entry_sql(db, table, with_json=False)
        for (row_id,) in db.execute_sql(f"{sql} LIMIT {limit_problems}").fetchall():
            state_problems.append(TrailProblem(None, table, row_id, NO_ENTRY))
    problems.extend(state_problems[: max(0, limit_problems - len(problems))])
    return TrailReport(count, checked, problems)


@dataclass(frozen=True)
class TrailEntry:
    id: int
    at: str
    actor_name: str
    table: str
    op: str
    row_id: int | None
    before: dict | None
    after: dict | None


def case_history(case_id: int) -> list[TrailEntry]:
    """Every trail entry about a case: its own row and the rows that point to it."""
    from db.store import sqlite_features

    sql = sqlite_features.CASE_HISTORY_SQL
    return [
        TrailEntry(
            r[0],
            r[1],
            r[2] or "",
            r[3],
            r[4],
            r[5],
            json.loads(r[6]) if r[6] else None,
            json.loads(r[7]) if r[7] else None,
        )
        for r in database.execute_sql(sql, (case_id, case_id)).fetchall()
    ]


@dataclass(frozen=True)
class FieldChange:
    """One field of a trail entry as a history shows it: ``before`` is None for a row
    added, ``after`` None for a row removed."""

    field: str
    before: object
    after: object


# Bookkeeping columns that every update touches; a history line for them says nothing.
_UNTOLD_FIELDS = frozenset({"id", "updated_at"})


def _staff_columns(table: str) -> dict[str, str]:
    """Column -> field name of ``table``'s model, for every foreign key to staff."""
    from peewee import ForeignKeyField

    from db.store.models import ALL_MODELS, Staff

    for model in ALL_MODELS:
        if model._meta.table_name == table:
            return {
                f.column_name: f.name
                for f in model._meta.sorted_fields
                if isinstance(f, ForeignKeyField) and f.rel_model is Staff
            }
    return {}


def _field_names(table: str) -> dict[str, str]:
    """Column -> field name of ``table``'s model (``handler_id`` -> ``handler``)."""
    from db.store.models import ALL_MODELS

    for model in ALL_MODELS:
        if model._meta.table_name == table:
            return {f.column_name: f.name for f in model._meta.sorted_fields}
    return {}


def _masked(column: str, value: object) -> object:
    """Customer phone and ID numbers masked as everywhere on screen, also inside free text."""
    if not isinstance(value, str) or not value:
        return value
    from db.trust.masking import mask_free_text, mask_id_no, mask_phone

    if "phone" in column:
        return mask_phone(value)
    if column.endswith("id_no"):
        return mask_id_no(value)
    return mask_free_text(value)


def entry_changes(entry: TrailEntry, *, reveal: bool = False) -> list[FieldChange]:
    """What a trail entry changed, field by field, fit to show to staff.

    - an update lists only the fields whose value changed; an insert the fields it set
      (not empty), a delete the fields the row had;
    - fields are named as in the model (``handler``, not ``handler_id``), and references to
      staff are given as the person's name;
    - customer phone and ID numbers are masked unless ``reveal`` (the caller checked the
      permission matrix, as db.intake.cases.reveal_customer does).
    """
    before = entry.before or {}
    after = entry.after or {}
    if entry.op == "U":
        columns = [c for c in after if before.get(c) != after.get(c)]
    elif entry.op in ("I", BASELINE_OP):
        columns = [c for c, v in after.items() if v not in (None, "")]
    else:
        columns = [c for c, v in before.items() if v not in (None, "")]
    columns = [c for c in columns if c not in _UNTOLD_FIELDS]
    names = _field_names(entry.table)
    staff_columns = _staff_columns(entry.table)
    staff_ids = {
        v
        for c in columns
        if c in staff_columns
        for v in (before.get(c), after.get(c))
        if isinstance(v, int)
    }
    staff_names: dict[int, str] = {}
    if staff_ids:
        from db.store.models import Staff

        staff_names = {
            s.id: s.name for s in Staff.select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids))
        }

    def shown(column: str, value: object) -> object:
        if column in staff_columns and isinstance(value, int):
            return staff_names.get(value, value)
        return value if reveal else _masked(column, value)

    changes = []
    for column in columns:
        old = shown(column, before.get(column)) if entry.op in ("U", "D") else None
        new = shown(column, after.get(column)) if entry.op != "D" else None
        changes.append(FieldChange(names.get(column, column), old, new))
    return changes
