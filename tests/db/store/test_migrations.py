"""Schema migrations: an old file still opens, nothing is lost, and a failure rolls back.

tests/fixtures/schema_v1.sqlite3 was written once by tests/fixtures/make_schema_v1.py and
is committed; the tests only ever open copies of it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from peewee import Database

from db.intake import queries
from db.store import database as database_module
from db.store.models import ALL_MODELS, database

pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_V1 = FIXTURES / "schema_v1.sqlite3"
DATA_TABLES = ("outlet", "staff", "complaint_case", "case_event")
AT = dt.datetime(2025, 7, 1, 9, 0, 0)


def _dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of the data tables, read with plain sqlite3 (no peewee conversions)."""
    con = sqlite3.connect(str(path))
    try:
        return {
            table: con.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
            for table in DATA_TABLES
        }
    finally:
        con.close()


def _column_names(path: Path, table: str) -> list[str]:
    con = sqlite3.connect(str(path))
    try:
        return [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _applied(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute("SELECT name FROM schema_migration ORDER BY id")]


def _migration_files(directory: Path) -> list[str]:
    return sorted(p.stem for p in directory.glob("[0-9]*.py"))


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "outlet" / "complaint-desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(SCHEMA_V1, target)
    return target


@pytest.fixture
def close_after():
    yield
    database_module.close_database()


# --- the frozen fixture itself ----------------------------------------------------------


def test_fixture_is_committed_version_1():
    assert SCHEMA_V1.is_file(), "run tests/fixtures/make_schema_v1.py and commit the file"
    con = sqlite3.connect(f"file:{SCHEMA_V1}?mode=ro", uri=True)
    try:
        assert _applied(con) == ["0001_initial"]
        assert con.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
        tables = _tables(con)
        assert {"outlet", "staff", "complaint_case", "case_event"} <= tables
        assert "case_search" not in tables and "setting" not in tables
        assert con.execute("SELECT COUNT(*) FROM complaint_case").fetchone()[0] == 5
        assert con.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 3
    finally:
        con.close()


# --- upgrading an old file --------------------------------------------------------------


def test_v1_file_migrates_to_latest_keeping_every_row(v1_copy, close_after):
    before = _dump(v1_copy)
    columns_before = {t: _column_names(v1_copy, t) for t in DATA_TABLES}

    db = database_module.open_database(v1_copy)

    assert database_module.schema_version(db) == database_module.latest_schema_version()
    assert database_module.pending_migrations(db) == []
    after = _dump(v1_copy)
    for table in DATA_TABLES:
        # Columns added by later migrations would extend the rows; compare the old ones.
        names = _column_names(v1_copy, table)
        positions = [names.index(c) for c in columns_before[table]]
        assert [tuple(row[i] for i in positions) for row in after[table]] == before[table]


def test_v1_cases_read_through_the_models(v1_copy, close_after):
    database_module.open_database(v1_copy)
    rows = queries.case_page(queries.CaseFilter(), at=AT, sort="case_no", descending=False)
    assert [r.case_no for r in rows] == [f"BJ0101-2025-{n:06d}" for n in range(1, 6)]
    assert [r.customer_name for r in rows] == [
        "李秀英",
        "赵德明",
        "欧阳娜娜",
        "陈𠀀𪚥",
        "Sean O'Brien",
    ]
    assert rows[0].received_at == dt.datetime(2025, 3, 3, 9, 12)
    assert [r.is_open for r in rows] == [False, True, True, False, True]
    assert rows[1].customer_phone_masked == "010****3456"
    timeline = queries.case_timeline(rows[2].id)
    assert [e.kind for e in timeline] == ["registered", "urgent_triggered", "reply_time_agreed"]
    assert timeline[1].data == {"triggers": ["funds_at_risk", "repeat_complaint"]}
    assert {e.actor_name for e in timeline} == {"王建国"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("存折挂失", ["BJ0101-2025-000002"]),
        ("叫号机长时间", ["BJ0101-2025-000001"]),
        ("欧阳娜娜", ["BJ0101-2025-000003"]),
        ("𠀀𪚥", ["BJ0101-2025-000004"]),  # two characters: the LIKE path
        ("收益率3%", ["BJ0101-2025-000005"]),
        ("o'brien", ["BJ0101-2025-000005"]),
        ("2025-00000", [f"BJ0101-2025-{n:06d}" for n in range(1, 6)]),
    ],
)
def test_v1_cases_are_searchable_after_migration(v1_copy, close_after, text, expected):
    db = database_module.open_database(v1_copy)
    flt = queries.CaseFilter(search=text)
    rows = queries.case_page(flt, at=AT, sort="case_no", descending=False)
    assert [r.case_no for r in rows] == expected
    if len(text) >= 3:
        # Answered by the trigram index that migration 0002 filled from the old rows.
        phrase = '"' + text.replace('"', '""') + '"'
        hits = db.execute_sql(
            "SELECT COUNT(*) FROM case_search WHERE case_search MATCH ?", (phrase,)
        ).fetchone()[0]
        assert hits == len(expected)


def test_backup_written_before_migrating_is_a_valid_v1_database(v1_copy, close_after):
    before = _dump(v1_copy)
    database_module.open_database(v1_copy)
    database_module.close_database()

    backups = sorted((v1_copy.parent / "backups").glob("pre-migration-v1-*.sqlite3"))
    assert len(backups) == 1
    backup = backups[0]
    con = sqlite3.connect(str(backup))
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert _applied(con) == ["0001_initial"]
        assert "case_search" not in _tables(con)
    finally:
        con.close()
    assert _dump(backup) == before

    # The backup is itself restorable: a copy of it migrates like the original.
    restored = backup.parent.parent / "restored" / "complaint-desk.sqlite3"
    restored.parent.mkdir()
    shutil.copyfile(backup, restored)
    db = database_module.open_database(restored)
    assert database_module.schema_version(db) == database_module.latest_schema_version()


def test_migrating_twice_is_a_no_op(v1_copy, close_after):
    db = database_module.open_database(v1_copy)
    history = db.execute_sql("SELECT id, name, applied FROM schema_migration").fetchall()
    rows = _dump(v1_copy)
    assert database_module.migrate(db) == []
    database_module.close_database()

    db = database_module.open_database(v1_copy)
    assert database_module.migrate(db) == []
    assert db.execute_sql("SELECT id, name, applied FROM schema_migration").fetchall() == history
    assert _dump(v1_copy) == rows
    assert len(list((v1_copy.parent / "backups").glob("*.sqlite3"))) == 1
    # The index was not filled a second time.
    assert db.execute_sql("SELECT COUNT(*) FROM case_search_docsize").fetchone()[0] == 5


def test_fresh_database_gets_every_migration_and_no_backup(tmp_path, close_after):
    path = tmp_path / "new" / "complaint-desk.sqlite3"
    db = database_module.open_database(path)
    assert database_module.schema_version(db) == database_module.latest_schema_version() >= 2
    applied = [r[0] for r in db.execute_sql("SELECT name FROM schema_migration ORDER BY id")]
    assert applied == _migration_files(database_module.MIGRATIONS_DIR)
    assert not (path.parent / "backups").exists()


def test_open_without_migrations_leaves_schema_alone(v1_copy, close_after):
    db = database_module.open_database(v1_copy, apply_migrations=False)
    assert database_module.schema_version(db) == 1
    assert (
        database_module.pending_migrations(db)
        == _migration_files(database_module.MIGRATIONS_DIR)[1:]
    )
    assert not (v1_copy.parent / "backups").exists()


# --- the models describe the migrated schema -------------------------------------------


def _declared_type(db: Database, field) -> str:
    ctx = db.get_sql_context()
    ctx.sql(field.ddl_datatype(ctx))
    return ctx.query()[0].upper()


@pytest.fixture(params=["fresh", "from_v1"])
def migrated_db(request, tmp_path, close_after) -> Database:
    if request.param == "fresh":
        return database_module.open_database(tmp_path / "fresh.sqlite3")
    target = tmp_path / "old.sqlite3"
    shutil.copyfile(SCHEMA_V1, target)
    return database_module.open_database(target)


def test_models_match_migrated_columns(migrated_db):
    db = migrated_db
    tables = set(db.get_tables())
    for model in ALL_MODELS:
        table = model._meta.table_name
        assert table in tables, f"{model.__name__}: no table {table}"
        columns = {c.name: c for c in db.get_columns(table)}
        fields = {f.column_name: f for f in model._meta.sorted_fields}
        assert set(columns) == set(fields), f"{table}: columns and model fields differ"
        for name, field in fields.items():
            column = columns[name]
            assert column.data_type.upper() == _declared_type(db, field), f"{table}.{name}"
            assert column.primary_key == field.primary_key, f"{table}.{name}"
            if not field.primary_key:
                assert column.null == field.null, f"{table}.{name} nullability"


def test_model_indexes_exist(migrated_db):
    db = migrated_db
    for model in ALL_MODELS:
        table = model._meta.table_name
        existing = {(tuple(i.columns), i.unique) for i in db.get_indexes(table)}
        for index in model._meta.fields_to_index():
            columns = tuple(f.column_name for f in index._expressions)
            assert (columns, bool(index._unique)) in existing, f"{table}: index {columns}"


def test_foreign_keys_match_models(migrated_db):
    db = migrated_db
    for model in ALL_MODELS:
        table = model._meta.table_name
        existing = {(fk.column, fk.dest_table, fk.dest_column) for fk in db.get_foreign_keys(table)}
        declared = {
            (f.column_name, f.rel_model._meta.table_name, f.rel_field.column_name)
            for f in model._meta.refs
        }
        assert existing == declared, table


def test_append_only_and_search_triggers_exist(migrated_db):
    names = {
        r[0]
        for r in migrated_db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger'"
        ).fetchall()
    }
    assert {
        "case_event_no_update",
        "case_event_no_delete",
        "complaint_case_search_ai",
        "complaint_case_search_ad",
        "complaint_case_search_au",
    } <= names


# --- a failing migration ----------------------------------------------------------------

BROKEN_0003 = '''
"""A migration that does some of its work and then fails."""

from peewee import TextField


def up(migrator, db):
    db.execute_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY, note TEXT)")
    db.execute_sql("INSERT INTO half_done (note) VALUES ('partial')")
    migrator.add_column("complaint_case", "half_done_note", TextField(default="")).run()
    db.execute_sql("UPDATE complaint_case SET customer_name = 'overwritten'")
    raise RuntimeError("migration 0003 broke halfway")
'''

# Sorts after every real migration, whatever their number.
BROKEN = "9999_broken"
REAL_MIGRATIONS = database_module.MIGRATIONS_DIR
REAL_NAMES = _migration_files(REAL_MIGRATIONS)

FIXED_0003 = '''
"""The same migration, fixed."""

from peewee import TextField


def up(migrator, db):
    migrator.add_column("complaint_case", "half_done_note", TextField(default="")).run()
'''


@pytest.fixture
def broken_migrations(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "migrations"
    shutil.copytree(
        database_module.MIGRATIONS_DIR,
        directory,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (directory / f"{BROKEN}.py").write_text(BROKEN_0003, encoding="utf-8")
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", directory)
    return directory


def _assert_at_real_version_untouched(path: Path, rows_before: dict | None) -> None:
    con = sqlite3.connect(str(path))
    try:
        assert _applied(con) == REAL_NAMES
        assert "half_done" not in _tables(con)
        columns = [r[1] for r in con.execute("PRAGMA table_info(complaint_case)")]
        assert "half_done_note" not in columns
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    if rows_before is not None:
        assert _dump(path) == rows_before


def test_failed_migration_leaves_previous_version(
    v1_copy, broken_migrations, close_after, monkeypatch
):
    rows = _dump(v1_copy)
    # What the file looks like after every real migration: the state a failure must keep.
    # In a folder of its own, so its pre-migration backup does not mix with the one checked.
    control = v1_copy.parent / "control" / "control.sqlite3"
    control.parent.mkdir()
    shutil.copy(v1_copy, control)
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", REAL_MIGRATIONS)
    database_module.open_database(control)
    database_module.close_database()
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", broken_migrations)
    expected = _dump(control)

    with pytest.raises(RuntimeError, match="broke halfway"):
        database_module.open_database(v1_copy)

    db = database.obj
    assert database_module.schema_version(db) == len(REAL_NAMES)
    assert database_module.pending_migrations(db) == [BROKEN]
    # The migrator switches foreign keys off while it runs; they must come back on.
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    database_module.close_database()
    _assert_at_real_version_untouched(v1_copy, expected)
    # The backup taken before the attempt is still the untouched version 1 file.
    (backup,) = (v1_copy.parent / "backups").glob("pre-migration-v1-*.sqlite3")
    assert _dump(backup) == rows


def test_failed_migration_on_a_current_database(tmp_path, monkeypatch, close_after):
    path = tmp_path / "current.sqlite3"
    database_module.open_database(path)
    database_module.close_database()
    rows = _dump(path)

    directory = tmp_path / "migrations"
    shutil.copytree(
        database_module.MIGRATIONS_DIR, directory, ignore=shutil.ignore_patterns("__pycache__")
    )
    (directory / f"{BROKEN}.py").write_text(BROKEN_0003, encoding="utf-8")
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", directory)

    with pytest.raises(RuntimeError, match="broke halfway"):
        database_module.open_database(path)
    database_module.close_database()
    _assert_at_real_version_untouched(path, rows)
    assert (
        len(list((tmp_path / "backups").glob(f"pre-migration-v{len(REAL_NAMES)}-*.sqlite3"))) == 1
    )

    # Once the migration is fixed, the same file upgrades.
    (directory / f"{BROKEN}.py").write_text(FIXED_0003, encoding="utf-8")
    db = database_module.open_database(path)
    assert database_module.schema_version(db) == len(REAL_NAMES) + 1
    assert database_module.schema_version(db) == database_module.latest_schema_version()
    assert "half_done_note" in [c.name for c in db.get_columns("complaint_case")]
