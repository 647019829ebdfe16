"""Set-up shared by every test package.

**A migrated template instead of migrations per test.** Running every migration on a new
file costs ~0.17 s; about 1,500 tests open a new database. The first test that needs one
migrates a template file once per test process (with the program's own ``migrate``), and
every later empty database is filled from that template with SQLite's online backup API
before ``migrate`` runs, which then finds nothing pending. The schema is the one the real
migrations build in the same run, so nothing is assumed. Tests of the migrations themselves
(``tests/db/store/test_migrations.py``, ``tests/db/store/test_upgrades.py``) are marked
``real_migrations`` and migrate every file for real, and so does a test that points the
runner at another migrations folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import database as database_module
from db.store import sqlite_features

_real_migrate = database_module.migrate
_MIGRATIONS_DIR = database_module.MIGRATIONS_DIR
_template: dict[str, Path] = {}


def _template_path(factory: pytest.TempPathFactory) -> Path:
    if "path" not in _template:
        path = factory.mktemp("template") / "template.sqlite3"
        db = sqlite_features.make_database(path)
        db.connect()
        try:
            _real_migrate(db)
        finally:
            db.close()
        _template["path"] = path
    return _template["path"]


def _is_empty(db) -> bool:
    return not db.execute_sql("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()


@pytest.fixture(autouse=True)
def _migrated_template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch
) -> Iterator[None]:
    if request.node.get_closest_marker("real_migrations"):
        yield
        return

    def migrate_from_template(db, backup_dir: Path | None = None) -> list[str]:
        # A test that points the runner at other migrations gets exactly those.
        shipped = database_module.MIGRATIONS_DIR == _MIGRATIONS_DIR
        if (
            shipped
            and sqlite_features.is_sqlite(db)
            and db.database != ":memory:"
            and _is_empty(db)
        ):
            source = sqlite3.connect(_template_path(tmp_path_factory))
            try:
                source.backup(db.connection())
            finally:
                source.close()
        return _real_migrate(db, backup_dir)

    monkeypatch.setattr(database_module, "migrate", migrate_from_template)
    yield


# Where the tests' files go when the machine has memory to spare for them (see below).
MEMORY_TEMP = Path("/dev/shm")
MEMORY_TEMP_MIN_FREE = 8 * 2**30


@pytest.hookimpl(tryfirst=True)  # before pytest's own tmp_path plugin reads --basetemp
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "real_migrations: run the schema migrations on every new database file"
    )
    _files_in_memory(config)


def _files_in_memory(config: pytest.Config) -> None:
    """Put every test's ``tmp_path`` on a memory file system when there is one with room.

    The tests write thousands of small SQLite files, each committed with fsync; on tmpfs
    an fsync costs nothing, and the database tests run about a sixth faster. What they test
    does not depend on the disk: the tests of a full or read-only disk mount a file system of
    their own. ``--basetemp`` given on the command line wins, and xdist's workers take
    their folders under the one chosen here. The folder is removed when the run ends."""
    if config.option.basetemp or hasattr(config, "workerinput"):
        return
    try:
        if shutil.disk_usage(MEMORY_TEMP).free < MEMORY_TEMP_MIN_FREE:
            return
        base = Path(tempfile.mkdtemp(prefix="complaint-desk-tests-", dir=MEMORY_TEMP))
    except OSError:
        return
    config.option.basetemp = str(base)
    config.add_cleanup(lambda: shutil.rmtree(base, ignore_errors=True))


@pytest.fixture(autouse=True)
def _registered_checks() -> Iterator[None]:
    """The database check's registry as each test found it: a test that starts the window or
    runs ``check`` registers the domain checks, and the next test on the same worker must not
    see them."""
    from db.trust import integrity

    saved = list(integrity.CHECKS)
    yield
    integrity.CHECKS[:] = saved


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """An attack mark names one of the kinds tests/attack_tally.py counts, or collection
    stops, naming the test."""
    from tests.attack_tally import KINDS, kinds_of

    for item in items:
        for kind in kinds_of(item):
            if kind not in KINDS:
                raise pytest.UsageError(
                    f"{item.nodeid}: attack kind {kind!r} is not one of {', '.join(KINDS)}"
                )
