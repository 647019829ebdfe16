"""Opening the district's PostgreSQL database by URL, and its ordered migrations.

The district's schema has its own migrations (``db/district/migrations/``, recorded in
``district_schema_migration``), run by ``playhouse.migrations`` as the outlet's are; each
runs in its own transaction (PostgreSQL's DDL is transactional, so a failed migration
leaves the previous version whole).

The driver is psycopg 3 (``psycopg[binary]``), chosen explicitly: peewee prefers psycopg2
when both are installed. psycopg 3 binds parameters on the server, so statements that
cannot take bound parameters (``SET``, DDL) are written out in full, and values go through
``set_config()`` or literals that the program itself produced.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from playhouse.migrations import Migration, Runner
from playhouse.postgres_ext import PostgresqlExtDatabase

from db.district.models import district_database
from db.errors import WorkflowError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_TABLE = "district_schema_migration"
APPLICATION_NAME = "complaint-desk district"
URL_SCHEMES = ("postgresql", "postgres")


class DistrictStoreError(WorkflowError):
    """The district database cannot be used: a bad URL, no server, a newer schema."""


def check_url(url: str) -> str:
    """``url`` if it is a PostgreSQL URL (``postgresql://user@host:port/dbname``), else
    DistrictStoreError saying what is wrong."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in URL_SCHEMES:
        raise DistrictStoreError(
            "district_url",
            "Not a PostgreSQL URL: {url!r} (expected postgresql://USER@HOST:PORT/DBNAME).",
            url=redact_url(url),
        )
    if not parts.path.strip("/"):
        raise DistrictStoreError(
            "district_url",
            "The URL names no database: {url!r} (expected postgresql://USER@HOST:PORT/DBNAME).",
            url=redact_url(url),
        )
    return url.strip()


def redact_url(url: str) -> str:
    """``url`` without its password, for messages and for remembering it in the settings
    (the password belongs in ``~/.pgpass`` or ``PGPASSWORD``, never in a settings file)."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.password is None:
        return url.strip()
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    netloc = (parts.username or "") + "@" + host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def make_database(url: str) -> PostgresqlExtDatabase:
    """A PostgreSQL database on psycopg 3 for ``url``, not yet connected.

    psycopg 3 prepares a statement run five times, and PostgreSQL may then plan it once for
    every value; the search must be planned for its term (db/district/search.py), so
    nothing is prepared (``prepare_threshold=None``)."""
    return PostgresqlExtDatabase(
        check_url(url),
        prefer_psycopg3=True,
        application_name=APPLICATION_NAME,
        prepare_threshold=None,
    )


def _runner(db: PostgresqlExtDatabase) -> Runner:
    return Runner(db, directory=str(MIGRATIONS_DIR), table_name=MIGRATION_TABLE)


def migration_names() -> list[str]:
    return [m.name for m in sorted(Migration.load_directory(str(MIGRATIONS_DIR)))]


def latest_schema_version() -> int:
    return len(migration_names())


def schema_version(db: PostgresqlExtDatabase) -> int:
    """Number of the district's migrations applied to ``db`` (0 for an empty database)."""
    return sum(1 for m in _runner(db).status() if m.applied)


def pending_migrations(db: PostgresqlExtDatabase) -> list[str]:
    return [m.name for m in _runner(db).status() if not m.applied and m.path]


def unknown_migrations(db: PostgresqlExtDatabase) -> list[str]:
    """Migrations applied to ``db`` that this program does not know: a newer version of
    the program upgraded the database."""
    return [m.name for m in _runner(db).status() if m.applied and m.path is None]


def migrate(db: PostgresqlExtDatabase, target: str | None = None) -> list[str]:
    """Apply the pending migrations in order (up to and including ``target``)."""
    newer = unknown_migrations(db)
    if newer:
        raise DistrictStoreError(
            "district_schema_newer",
            "The district database was upgraded by a newer version of this program "
            "({names}); use that version.",
            names=", ".join(newer),
        )
    return _runner(db).up(target=target)


def connect(url: str) -> PostgresqlExtDatabase:
    """Connect to ``url``; DistrictStoreError (with the server's reason) when that fails."""
    from peewee import OperationalError

    db = make_database(url)
    try:
        db.connect()
    except OperationalError as error:
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else "no reason given"
        raise DistrictStoreError(
            "district_unreachable",
            "Cannot connect to the district database {url}: {reason}",
            url=redact_url(url),
            reason=reason,
        ) from None
    return db


def open_district_database(url: str, *, apply_migrations: bool = True) -> PostgresqlExtDatabase:
    """Connect to ``url``, bind the district models to it and bring its schema up to date."""
    db = connect(url)
    district_database.initialize(db)
    if apply_migrations:
        migrate(db)
    return db


def close_district_database() -> None:
    target = district_database.obj
    if target is not None and not target.is_closed():
        target.close()
