"""Fixtures for the district store: a real PostgreSQL server, a fresh database per test.

The server is named by ``COMPLAINT_DESK_TEST_PG``, a URL of a role that may create
databases (``.ci/run`` starts Debian's PostgreSQL and exports it). When it is not set or
the server does not answer, the tests that need it are skipped with the reason, except
under CI (``CI=true``), where that is a failure: the district store must be tested there.

Each test gets its own database, ``CREATE DATABASE … TEMPLATE`` a database migrated once
per session (a file copy on the server, far quicker than migrating again), dropped after
the test. ``empty_pg_url`` gives an empty database for the migration tests.
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


class Databases:
    """Creates and drops the test databases on the server."""

    def __init__(self, admin_url: str) -> None:
        import psycopg

        self.admin_url = admin_url
        self._con = psycopg.connect(admin_url, autocommit=True)
        self.prefix = f"cdtest_{os.getpid()}"

    def create(self, template: str = "template0") -> str:
        from psycopg import sql

        name = f"{self.prefix}_{next(_counter)}"
        self._con.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} ENCODING 'UTF8'").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )
        return name

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
    """The URL of a new database at the latest schema, dropped after the test."""
    from db.district import database as district_db

    name = pg_databases.create(template=migrated_template)
    yield pg_databases.url(name)
    district_db.close_district_database()
    pg_databases.drop(name)


@pytest.fixture
def district_db(district_url: str):
    """The district models bound to a fresh migrated database."""
    from db.district import database as district_db

    db = district_db.open_district_database(district_url)
    yield db
    district_db.close_district_database()
