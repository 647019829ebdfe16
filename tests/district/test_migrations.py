"""The district schema: built from empty by its migrations, described by the models, and
reached from every past version with nothing lost (tests/fixtures/district/*.sql)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import psycopg
import pytest

from db.district import audit, search
from db.district import database as ddb
from db.district.models import ALL_MODELS, OutletCase

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "district"
LATEST = ddb.latest_schema_version()


def _version(path: Path) -> int:
    return int(re.fullmatch(r"district_schema_v(\d+)\.sql", path.name).group(1))


FIXTURE_FILES = sorted(FIXTURES.glob("district_schema_v*.sql"), key=_version)


def load_dump(url: str, path: Path) -> None:
    """Run a plain pg_dump file on an empty database (psql's meta-commands left out)."""
    script = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("\\")
    )
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(script)


def _tables(con: psycopg.Connection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]


def _dump(url: str, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """{table: sorted rows} over the given columns (default: all), as text."""
    with psycopg.connect(url) as con:
        result = {}
        for table in columns or _tables(con):
            cols = (columns or {}).get(table) or [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position",
                    (table,),
                )
            ]
            select = ", ".join(f'"{c}"::text' for c in cols)
            rows = con.execute(f'SELECT {select} FROM "{table}"').fetchall()
            result[table] = sorted(rows, key=repr)
        return result


def _columns(url: str) -> dict[str, list[str]]:
    with psycopg.connect(url) as con:
        return {
            table: [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position",
                    (table,),
                )
            ]
            for table in _tables(con)
        }


def test_empty_database_migrates_to_latest(empty_pg_url):
    db = ddb.open_district_database(empty_pg_url)
    assert ddb.schema_version(db) == LATEST
    assert ddb.pending_migrations(db) == []
    assert ddb.migrate(db) == []  # nothing left to do


def test_models_describe_the_migrated_schema(district_db):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in district_db.get_columns(table)}
        fields = {f.column_name for f in model._meta.sorted_fields}
        assert columns == fields, f"{model.__name__} ({table}): {sorted(columns ^ fields)}"
        primary = district_db.get_primary_keys(table)
        key = model._meta.primary_key
        names = getattr(key, "field_names", None) or (key.name,)
        declared = [model._meta.fields[n].column_name for n in names]
        assert primary == declared, f"{table}: key {primary} vs model {declared}"


def test_no_sequence_but_the_audit_trail_numbers(district_db):
    """Nothing that crosses machines gets a generated number."""
    rows = district_db.execute_sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval%%')"
    ).fetchall()
    assert sorted(rows) == [("district_audit", "id"), (ddb.MIGRATION_TABLE, "id")]


def test_database_of_a_newer_program_is_refused(district_db):
    district_db.execute_sql(
        f"INSERT INTO {ddb.MIGRATION_TABLE} (name, applied) VALUES ('0099_from_the_future', now())"
    )
    with pytest.raises(ddb.DistrictStoreError) as refused:
        ddb.migrate(district_db)
    assert refused.value.code == "district_schema_newer"
    assert "0099_from_the_future" in refused.value.message


def test_bad_url_and_unreachable_server_are_said_plainly():
    with pytest.raises(ddb.DistrictStoreError) as bad:
        ddb.make_database("sqlite:///tmp/x.db")
    assert bad.value.code == "district_url"
    with pytest.raises(ddb.DistrictStoreError) as unreachable:
        # Port 1 on the loopback: nothing listens there.
        ddb.connect("postgresql://nobody:secret@127.0.0.1:1/nothing")
    assert unreachable.value.code == "district_unreachable"
    assert "secret" not in unreachable.value.message
    assert "postgresql://nobody@127.0.0.1:1/nothing" in unreachable.value.message


def test_redacted_url_keeps_everything_but_the_password():
    assert (
        ddb.redact_url("postgresql://officer:pa%3Ass@db.example:5433/district?sslmode=require")
        == "postgresql://officer@db.example:5433/district?sslmode=require"
    )
    assert ddb.redact_url("postgresql://officer@host/d") == "postgresql://officer@host/d"


# --- the frozen fixtures -----------------------------------------------------------------------


def test_there_is_a_fixture_for_every_past_schema_version():
    have = {_version(p) for p in FIXTURE_FILES}
    missing = [v for v in range(1, LATEST) if v not in have]
    assert not missing, (
        f"no fixture for district schema version(s) {missing}: a migration was added without "
        "freezing the version before it. Run tests/fixtures/district/make_district_fixtures.py "
        "(give the version a fill_vN there) and commit the new .sql file"
    )
    assert LATEST not in have, "the current version needs no fixture"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_upgrades_with_no_data_lost(fixture, empty_pg_url):
    version = _version(fixture)
    load_dump(empty_pg_url, fixture)
    with psycopg.connect(empty_pg_url) as con:
        applied = [r[0] for r in con.execute(
            f"SELECT name FROM {ddb.MIGRATION_TABLE} ORDER BY id")]  # fmt: skip
    assert applied == ddb.migration_names()[:version]
    old_columns = _columns(empty_pg_url)
    before = _dump(empty_pg_url)
    assert sum(len(rows) for rows in before.values()) > 20

    db = ddb.open_district_database(empty_pg_url)
    assert ddb.schema_version(db) == LATEST
    after = _dump(empty_pg_url, old_columns)
    for table, rows in before.items():
        if table == ddb.MIGRATION_TABLE:
            assert set(rows) <= set(after[table])
            continue
        assert after[table] == rows, f"v{version}: {table} changed"
    assert audit.verify_trail(db) == []


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_search_finds_old_cases_after_the_upgrade(fixture, empty_pg_url):
    load_dump(empty_pg_url, fixture)
    ddb.open_district_database(empty_pg_url)
    cases = list(OutletCase.select())
    assert cases
    for case in cases:
        han = re.findall(r"[\u4e00-\u9fff]+", case.description)[0]
        for term in (han[:1], han[:2], han[:4], case.case_no.lower()):
            found = {(h.outlet_code, h.case_no) for h in search.search_cases(term, limit=1000)}
            assert (case.outlet_code, case.case_no) in found, f"{case.case_no} by {term!r}"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_upgraded_database_takes_audited_writes(fixture, empty_pg_url):
    load_dump(empty_pg_url, fixture)
    db = ddb.open_district_database(empty_pg_url)
    with audit.acting_as("钱主管"):
        db.execute_sql("UPDATE district_target SET value = 20 WHERE period = '2026'")
    actors = db.execute_sql(
        "SELECT DISTINCT actor FROM district_audit WHERE table_name = 'district_target' "
        "AND op = 'U'"
    ).fetchall()
    assert actors == [("钱主管",)]
    assert audit.verify_trail(db) == []


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_an_old_escalated_case_is_found_by_the_escalated_filter(fixture, empty_pg_url):
    """Schema 8 marks each case the held escalations name; the filter reads that mark."""
    from db.district import queries

    load_dump(empty_pg_url, fixture)
    ddb.open_district_database(empty_pg_url)
    with psycopg.connect(empty_pg_url) as con:
        named = set(con.execute("SELECT DISTINCT outlet_code, case_no FROM case_escalation"))
    at = dt.datetime(2026, 12, 1)
    flt = queries.DistrictCaseFilter(escalated=True)
    listed = {(r.outlet_code, r.case_no) for r in queries.case_page(flt, at=at)}
    assert listed == named and queries.case_count(flt, at=at).count == len(named)
