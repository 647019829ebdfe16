"""Upgrades: a database of every past schema version reaches the current
one with no data lost.

tests/fixtures/schema_vN.sqlite3 holds a database as version N of the program left it
(schema_v1 from make_schema_v1.py, the others from make_schema_fixtures.py). Each test opens
a copy of one with the program's own ``open_database``, then checks that every row of every
table of the old file is still there with the same values in the columns it had, that the
audit trail and the database check pass, that a backup was taken first, and that the case
list and search work on the old cases.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import checks
from db.intake import queries
from db.store import database as database_module
from db.trust import audit, integrity

pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
AT = dt.datetime(2026, 1, 5, 9, 0, 0)
LATEST = database_module.latest_schema_version()


def _fixture_version(path: Path) -> int:
    return int(re.fullmatch(r"schema_v(\d+)\.sqlite3", path.name).group(1))


FIXTURE_FILES = sorted(FIXTURES.glob("schema_v*.sqlite3"), key=_fixture_version)


def _migration_names() -> list[str]:
    return sorted(p.stem for p in database_module.MIGRATIONS_DIR.glob("[0-9]*.py"))


# --- reading a file with plain sqlite3 -------------------------------------------------------


def _data_tables(con: sqlite3.Connection) -> list[str]:
    """Every ordinary table except full-text indexes and their shadow tables (derived data,
    rebuilt from complaint_case)."""
    rows = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    return sorted(
        name
        for name, _sql in rows
        if name not in virtual and not any(name.startswith(v + "_") for v in virtual)
    )


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def _key_columns(con: sqlite3.Connection, table: str) -> list[str]:
    pk = sorted((r[5], r[1]) for r in con.execute(f'PRAGMA table_info("{table}")') if r[5])
    return [name for _pos, name in pk]


def _dump(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """{table: {primary key: {column: value}}} read without any conversions; with
    ``columns``, only those tables and columns."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result: dict[str, dict] = {}
        for table in columns or _data_tables(con):
            present = _columns(con, table)
            wanted = columns[table] if columns else present
            keys = _key_columns(con, table) or ["rowid"]
            select = ", ".join(f'"{c}"' for c in wanted if c in present)
            key_sql = ", ".join(f'"{k}"' if k != "rowid" else "rowid" for k in keys)
            rows = {}
            for row in con.execute(f'SELECT {key_sql}, {select} FROM "{table}"'):
                key, values = row[: len(keys)], row[len(keys) :]
                rows[key] = dict(zip([c for c in wanted if c in present], values, strict=True))
            result[table] = rows
        return result
    finally:
        con.close()


def _schema_columns(path: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: _columns(con, t) for t in _data_tables(con)}
    finally:
        con.close()


def _applied(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM schema_migration ORDER BY id")]
    finally:
        con.close()


def _old_cases(path: Path) -> list[tuple[int, str, str]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(
            "SELECT id, case_no, description FROM complaint_case ORDER BY id"
        ).fetchall()
    finally:
        con.close()


def _cjk_run(text: str, length: int) -> str:
    """The first run of ``length`` CJK ideographs in ``text`` (a search term a user types)."""
    match = re.search(rf"[\u4e00-\u9fff]{{{length}}}", text)
    assert match, f"no {length} CJK characters in {text!r}"
    return match.group(0)


# --- the fixtures themselves -----------------------------------------------------------------


def test_there_is_a_fixture_for_every_past_schema_version():
    have = {_fixture_version(p) for p in FIXTURE_FILES}
    missing = [v for v in range(1, LATEST) if v not in have]
    assert not missing, (
        f"no fixture database for schema version(s) {missing}: a migration was added "
        "without freezing the version before it. Run\n"
        "    python tests/fixtures/make_schema_fixtures.py\n"
        "(give the new version a fill_vN function there) and commit the new "
        "tests/fixtures/schema_vN.sqlite3"
    )
    assert LATEST not in have, "the current version needs no fixture; remove it"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_is_frozen_at_its_version(fixture):
    version = _fixture_version(fixture)
    assert _applied(fixture) == _migration_names()[:version]
    assert not Path(str(fixture) + "-wal").exists()
    con = sqlite3.connect(f"file:{fixture}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("SELECT COUNT(*) FROM complaint_case").fetchone()[0] >= 5
    finally:
        con.close()
    assert fixture.stat().st_size < 1_000_000


# --- upgrading each one ----------------------------------------------------------------------


@pytest.fixture(params=FIXTURE_FILES, ids=lambda p: p.stem)
def old_file(request, tmp_path) -> Path:
    target = tmp_path / "outlet" / "complaint-desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(request.param, target)
    return target


@pytest.fixture
def close_after():
    yield
    database_module.close_database()


def test_old_file_upgrades_with_no_data_lost(old_file, close_after):
    version = len(_applied(old_file))
    old_columns = _schema_columns(old_file)
    before = _dump(old_file)
    assert sum(len(rows) for rows in before.values()) > 0

    db = database_module.open_database(old_file)

    assert database_module.schema_version(db) == LATEST
    assert database_module.pending_migrations(db) == []
    after = _dump(old_file, old_columns)
    for table, rows in before.items():
        assert table in after, f"v{version}: table {table} is gone"
        lost = sorted(set(rows) - set(after[table]))
        assert not lost, f"v{version}: {table} rows {lost} are gone"
        for key, values in rows.items():
            assert after[table][key] == values, f"v{version}: {table} row {key} changed"


def test_upgraded_file_passes_the_checks(old_file, close_after):
    db = database_module.open_database(old_file)
    trail = audit.verify_trail(db)
    assert trail.ok, [str(p) for p in trail.problems]
    saved = list(integrity.CHECKS)
    try:
        checks.register_domain_checks()  # the evidence and the calendar as well
        report = integrity.check_database(db)
    finally:
        integrity.CHECKS[:] = saved
    assert report.ok, report.summary()


def test_backup_of_the_old_version_is_written_first(old_file, close_after):
    version = len(_applied(old_file))
    before = _dump(old_file)
    database_module.open_database(old_file)
    database_module.close_database()

    backups = list((old_file.parent / "backups").glob(f"pre-migration-v{version}-*.sqlite3"))
    assert len(backups) == 1
    assert _applied(backups[0]) == _migration_names()[:version]
    assert _dump(backups[0]) == before


def test_case_list_and_search_work_on_old_cases(old_file, close_after):
    cases = _old_cases(old_file)
    database_module.open_database(old_file)

    everything = queries.CaseFilter()
    rows = queries.case_page(everything, at=AT, sort="case_no", descending=False)
    assert [r.case_no for r in rows] == sorted(c[1] for c in cases)
    assert queries.case_count(everything, at=AT) == len(cases)
    counts = queries.status_counts(at=AT)
    assert 0 < counts.open <= len(cases)

    for case_id, case_no, description in cases:
        for term in (_cjk_run(description, 3), _cjk_run(description, 2), description[0]):
            flt = queries.CaseFilter(search=term)
            found = [r.id for r in queries.case_page(flt, at=AT)]
            assert case_id in found, f"{case_no} not found by {term!r}"
            assert queries.case_count(flt, at=AT) == len(found)


def test_upgraded_file_takes_new_audited_writes(old_file, close_after):
    """After the upgrade the old rows can be changed, and the change lands in the trail."""
    db = database_module.open_database(old_file)
    with audit.acting_as(1):
        db.execute_sql("UPDATE complaint_case SET settlement = '升级后补记：已回访' WHERE id = 1")
    entry = db.execute_sql(
        "SELECT table_name, op, row_id, actor_id FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert entry == ("complaint_case", "U", 1, 1)
    assert audit.verify_trail(db).ok


def test_version_9_keeps_held_years_covered_and_the_heads_reply_limit(tmp_path, close_after):
    """Migration 0009: calendar years held before count as complete, a value set under the
    old key of the work-order default carries over to the internal limit, and stored work
    orders keep their reply-by (they are not marked as taking the default)."""
    from db.handling import rules, workcalendar
    from db.store.models import WorkOrder

    target = tmp_path / "outlet" / "complaint-desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_v8.sqlite3", target)
    database_module.open_database(target)
    workcalendar.invalidate_cache()
    assert workcalendar.year_status(2027).complete
    assert workcalendar.year_covered(2026) and workcalendar.year_covered(2027)
    assert rules.get("workorder_reply_working_days") == 6
    order = WorkOrder.get(WorkOrder.number == "12378-2025-0901")
    assert not order.reply_by_default and order.calendar_gap == ""
    assert order.reply_by == dt.datetime(2025, 11, 11, 23, 59, 59)


def test_a_column_added_by_an_upgrade_is_still_guarded_by_the_trail(tmp_path, close_after):
    """Rows written before migration 0009 have trail entries without its columns; the
    trail accepts them only while those columns hold the default they were added with."""
    target = tmp_path / "outlet" / "complaint-desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_v8.sqlite3", target)
    database_module.open_database(target)
    assert audit.verify_trail().ok
    database_module.close_database()
    con = sqlite3.connect(target)
    con.execute("DROP TRIGGER audit_work_order_update")
    con.execute("UPDATE work_order SET reply_by_default = 1 WHERE number = '12378-2025-0901'")
    con.commit()
    con.close()
    database_module.open_database(target, apply_migrations=False)
    report = audit.verify_trail()
    assert not report.ok
    assert report.first_problem.table == "work_order"
    assert "changed without a trail entry" in report.first_problem.reason
