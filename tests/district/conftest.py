"""Fixtures for the district store: a real PostgreSQL server, a fresh database per test.

The server is named by ``COMPLAINT_DESK_TEST_PG``, a URL of a role that may create
databases (``.ci/run`` starts Debian's PostgreSQL and exports it). When it is not set or
the server does not answer, the tests that need it are skipped with the reason, except
under CI (``CI=true``), where that is a failure: the district store must be tested there.

Each test gets a database of its own at the latest schema, made with ``CREATE DATABASE …
TEMPLATE`` a database migrated once per session. Making and dropping a database costs the
server about 0.4 s, more than most tests, so a database a test has finished with is put
back as it came from the template and handed to the next test of the same process: every
row deleted (the audit trail's guard triggers are switched off for it, inside the one
transaction) and every sequence restarted. It is only put back when nothing of the test is
left that the rows cannot show: no other session still connected, the same schema as the
template (tables, columns, indexes, constraints, triggers and whether they are enabled,
functions, the migration history) and no planner statistics gathered; otherwise it is
dropped and the next test gets a new one. ``empty_pg_url`` gives an empty database for the
migration tests, made and dropped each time.
"""

from __future__ import annotations

import itertools
import os
import time
import urllib.parse
from collections.abc import Iterator

import pytest

DSN_ENV = "COMPLAINT_DESK_TEST_PG"
_counter = itertools.count(1)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(
            f"district tests need PostgreSQL and CI must provide it: {reason}. .ci/run starts "
            f"the server and exports {DSN_ENV}",
            pytrace=False,
        )
    pytest.skip(f"no PostgreSQL for the district tests: {reason}")


def url_with_db(url: str, name: str) -> str:
    return urllib.parse.urlsplit(url)._replace(path="/" + name).geturl()


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    """The server's URL; the tests skip (locally) or fail (CI) without one."""
    import psycopg

    url = os.environ.get(DSN_ENV, "").strip()
    if not url:
        _unavailable(f"{DSN_ENV} is not set (e.g. postgresql://USER:PASSWORD@127.0.0.1/postgres)")
    try:
        with psycopg.connect(url, connect_timeout=5, autocommit=True) as con:
            can_create = con.execute(
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
            ).fetchone()[0]
    except psycopg.Error as error:
        _unavailable(f"cannot connect to {DSN_ENV}: {str(error).strip()}")
    if not can_create:
        _unavailable(f"the role of {DSN_ENV} may not create databases")
    return url


# Everything about a database's schema a test could change and its rows cannot show.
_SCHEMA_FINGERPRINT = """
SELECT md5(coalesce(string_agg(part, E'\\n' ORDER BY part), '')) FROM (
    SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable,
                  column_default) AS part
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT format('constraint %s %s %s', conrelid::regclass, conname,
                            pg_get_constraintdef(oid))
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT format('trigger %s %s %s', tgrelid::regclass, tgname, tgenabled)
      FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT format('function %s %s', p.oid::regprocedure, md5(p.prosrc))
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
    UNION ALL SELECT format('relation %s %s %s %s', oid::regclass, relkind, relacl, reloptions)
      FROM pg_class WHERE relnamespace = 'public'::regnamespace
    UNION ALL SELECT format('extension %s %s', extname, extversion) FROM pg_extension
    UNION ALL SELECT format('migration %s', m::text) FROM district_schema_migration m
) parts
"""
_OTHER_SESSIONS = (
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
)
_STATISTICS = "SELECT count(*) FROM pg_stats WHERE schemaname = 'public'"
_FOREIGN_KEYS = """
SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
 WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid
"""
_GUARDED_TABLES = """
SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger
 WHERE NOT tgisinternal AND tgrelid::regclass::text <> 'district_schema_migration'
"""
# The rows the migrations leave: kept, and compared through the fingerprint.
_KEPT_TABLES = frozenset({"district_schema_migration"})
# Every sequence but those of the kept tables, back to its start.
_RESTART_SEQUENCES = """
SELECT setval(c.oid, s.seqstart, false) FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
 WHERE c.relnamespace = 'public'::regnamespace
   AND NOT EXISTS (
       SELECT FROM pg_depend d JOIN pg_class owner ON owner.oid = d.refobjid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
          AND d.refclassid = 'pg_class'::regclass AND owner.relname = ANY(%s))
"""


class _Template:
    """What a pooled database is put back to: the template's fingerprint, the order its
    tables can be emptied in (referencing tables first) and the tables with guard
    triggers."""

    def __init__(self, con) -> None:
        self.fingerprint = con.execute(_SCHEMA_FINGERPRINT).fetchone()[0]
        tables = {
            row[0]
            for row in con.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        } - _KEPT_TABLES
        for table in tables:
            from psycopg import sql

            count = con.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            if count:  # the reset deletes every row, so the template must have none
                raise RuntimeError(f"the migrated template has rows in {table}")
        references = {(a, b) for a, b in con.execute(_FOREIGN_KEYS).fetchall()}
        order: list[str] = []
        left = set(tables)
        while left:
            # A table may go once no table still left refers to it.
            ready = sorted(t for t in left if not any(b == t and a in left for a, b in references))
            if not ready:
                raise RuntimeError(f"foreign keys form a cycle among {sorted(left)}")
            order.extend(ready)
            left -= set(ready)
        self.delete_order = order
        self.guarded = sorted(row[0] for row in con.execute(_GUARDED_TABLES).fetchall())


class Databases:
    """Creates, recycles and drops the test databases on the server."""

    def __init__(self, admin_url: str) -> None:
        import psycopg

        self.admin_url = admin_url
        self._con = psycopg.connect(admin_url, autocommit=True)
        self.prefix = f"cdtest_{os.getpid()}"
        # Per template: databases put back as the template made them, ready to hand out.
        self._ready: dict[str, list[str]] = {}
        self._templates: dict[str, _Template] = {}

    def create(self, template: str = "template0") -> str:
        from psycopg import sql

        name = f"{self.prefix}_{next(_counter)}"
        self._con.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} ENCODING 'UTF8'").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
        return name

    def take(self, template: str) -> str:
        """A database at ``template``'s state: one put back by an earlier test, or new."""
        import psycopg

        if template not in self._templates:
            with psycopg.connect(self.url(template), autocommit=True) as con:
                self._templates[template] = _Template(con)
        ready = self._ready.setdefault(template, [])
        return ready.pop() if ready else self.create(template)

    def give_back(self, name: str, template: str) -> None:
        """Put ``name`` back as ``template`` made it for the next test, or drop it when the
        test left something behind that deleting rows would not undo."""
        if self._reset(name, self._templates[template]):
            self._ready[template].append(name)
        else:
            self.drop(name)

    def _reset(self, name: str, template: _Template) -> bool:
        import psycopg
        from psycopg import sql

        try:
            with psycopg.connect(self.url(name), autocommit=True) as con:
                if con.execute(_OTHER_SESSIONS).fetchone()[0]:
                    return False
                if con.execute(_STATISTICS).fetchone()[0]:
                    return False  # plans could differ from a new database's
                if con.execute(_SCHEMA_FINGERPRINT).fetchone()[0] != template.fingerprint:
                    return False
                with con.transaction():
                    con.execute("SET LOCAL lock_timeout = '2s'")
                    for table in template.guarded:
                        con.execute(
                            sql.SQL("ALTER TABLE {} DISABLE TRIGGER USER").format(
                                sql.Identifier(table)
                            )
                        )
                    for table in template.delete_order:
                        con.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))
                    for table in template.guarded:
                        con.execute(
                            sql.SQL("ALTER TABLE {} ENABLE TRIGGER USER").format(
                                sql.Identifier(table)
                            )
                        )
                    con.execute(_RESTART_SEQUENCES, (sorted(_KEPT_TABLES),))
                return con.execute(_SCHEMA_FINGERPRINT).fetchone()[0] == template.fingerprint
        except psycopg.Error:
            return False

    def drop(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        # WITH (FORCE) must also end an autovacuum worker that happens to be on the database;
        # a role without pg_signal_backend may not, so wait for the worker to finish instead.
        for _ in range(50):
            try:
                self._con.execute(statement)
                return
            except psycopg.errors.InsufficientPrivilege:
                time.sleep(0.1)
        self._con.execute(statement)

    def url(self, name: str) -> str:
        return url_with_db(self.admin_url, name)

    def close(self) -> None:
        for names in self._ready.values():
            for name in names:
                self.drop(name)
        self._ready.clear()
        self._con.close()


@pytest.fixture(scope="session")
def pg_databases(pg_admin_url: str) -> Iterator[Databases]:
    databases = Databases(pg_admin_url)
    yield databases
    databases.close()


@pytest.fixture(scope="session")
def migrated_template(pg_databases: Databases) -> Iterator[str]:
    """A database migrated to the latest schema, the template of every test's database."""
    from db.district import database as district_db

    name = pg_databases.create()
    db = district_db.make_database(pg_databases.url(name))
    db.connect()
    district_db.migrate(db)
    db.close()
    yield name
    pg_databases.drop(name)


@pytest.fixture
def empty_pg_url(pg_databases: Databases) -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    from db.district import database as district_db

    name = pg_databases.create()
    yield pg_databases.url(name)
    district_db.close_district_database()
    pg_databases.drop(name)


@pytest.fixture
def district_url(pg_databases: Databases, migrated_template: str) -> Iterator[str]:
    """The URL of a database at the latest schema with no rows, for this test alone."""
    from db.district import database as district_db

    name = pg_databases.take(migrated_template)
    yield pg_databases.url(name)
    district_db.close_district_database()
    pg_databases.give_back(name, migrated_template)


@pytest.fixture
def district_db(district_url: str):
    """The district models bound to a fresh migrated database."""
    from db.district import database as district_db

    db = district_db.open_district_database(district_url)
    yield db
    district_db.close_district_database()
