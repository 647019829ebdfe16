"""The test databases that conftest.Databases hands from one test to the next: put back with
no rows and restarted sequences, and dropped instead whenever a test changed what deleting
rows cannot undo."""

from __future__ import annotations

import psycopg
import pytest

from tests.district.conftest import Databases


@pytest.fixture
def pool(pg_admin_url: str, migrated_template: str):
    databases = Databases(pg_admin_url)
    yield databases
    databases.close()


def _exists(pool: Databases, name: str) -> bool:
    return bool(
        pool._con.execute(
            "SELECT count(*) FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()[0]
    )


def _write_a_district_and_its_audit(url: str) -> list[int]:
    """Writes a district and an outlet; the audit entries' ids the writes were given."""
    from db.district import database as district_db
    from db.district.models import DistrictAudit
    from tests.district.helpers import add_district, add_outlet

    district_db.open_district_database(url)
    try:
        add_district()
        add_outlet("BJ0101")
        return [row.id for row in DistrictAudit.select().order_by(DistrictAudit.id)]
    finally:
        district_db.close_district_database()


def test_a_database_comes_back_empty_with_its_sequences_restarted(pool, migrated_template):
    name = pool.take(migrated_template)
    first_ids = _write_a_district_and_its_audit(pool.url(name))
    assert first_ids  # the writes were audited
    pool.give_back(name, migrated_template)
    assert pool.take(migrated_template) == name  # the same database, handed on
    with psycopg.connect(pool.url(name)) as con:
        assert con.execute("SELECT count(*) FROM district").fetchone()[0] == 0
        # The audit trail refuses deletes: its rows went with the guard switched off, and
        # the guard is back on.
        assert con.execute("SELECT count(*) FROM district_audit").fetchone()[0] == 0
        enabled = con.execute(
            "SELECT bool_and(tgenabled = 'O') FROM pg_trigger WHERE NOT tgisinternal"
        ).fetchone()[0]
        assert enabled
        migrations = con.execute("SELECT count(*) FROM district_schema_migration").fetchone()[0]
        assert migrations > 0  # the migration history stays
    assert _write_a_district_and_its_audit(pool.url(name)) == first_ids
    pool.give_back(name, migrated_template)


@pytest.mark.parametrize(
    "change",
    [
        "ALTER TABLE district ADD COLUMN leftover text",
        "CREATE INDEX leftover ON district (name)",
        "ALTER TABLE district_audit DISABLE TRIGGER USER",
        "INSERT INTO district_schema_migration (name, applied) VALUES ('0099_x', now())",
        "ANALYZE district",
    ],
)
def test_a_database_the_test_changed_is_dropped_not_handed_on(pool, migrated_template, change):
    name = pool.take(migrated_template)
    _write_a_district_and_its_audit(pool.url(name))
    with psycopg.connect(pool.url(name), autocommit=True) as con:
        con.execute(change)
    pool.give_back(name, migrated_template)
    assert not _exists(pool, name)
    assert pool.take(migrated_template) != name


def test_a_database_still_in_use_is_dropped(pool, migrated_template):
    name = pool.take(migrated_template)
    with psycopg.connect(pool.url(name)):
        pool.give_back(name, migrated_template)
    assert not _exists(pool, name)
