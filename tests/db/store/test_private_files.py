"""Customer data is written readable by its owner alone (files 0600, folders 0700), whatever
the umask: the database and its -wal/-shm/-journal, backups and what they copy, evidence
files, bundles, key files. Each is made here under the usual umask 022."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import files, sqlite_features
from db.store.database import close_database, database_path, open_database
from db.store.models import Setting
from db.trust import backup, keys
from tests.db.exchange.test_bundle import _export, cases  # noqa: F401 (fixtures)
from tests.db.workflow_fixtures import World, world  # noqa: F401 (fixture)

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
    pytest.mark.attack("customer-data"),
]


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_to_others(root: Path) -> list[str]:
    """Files and folders under ``root`` (itself included) others may read, write or enter."""
    paths = [root, *root.rglob("*")] if root.is_dir() else [root]
    return [f"{p.relative_to(root.parent)} {mode(p):o}" for p in paths if mode(p) & 0o077]


def test_a_new_database_and_its_wal_and_shm_are_private(tmp_path):
    folder = tmp_path / "outlet" / "data"
    open_database(database_path(folder))
    Setting.create(key="probe", value="1")
    db_file = database_path(folder)
    wal, shm = (db_file.with_name(db_file.name + s) for s in ("-wal", "-shm"))
    assert wal.exists() and shm.exists()
    assert [mode(p) for p in (db_file, wal, shm)] == [0o600] * 3
    assert mode(folder) == mode(folder.parent) == 0o700
    close_database()


def test_a_database_an_older_version_left_open_to_others_is_narrowed_at_open(tmp_path):
    db_file = database_path(tmp_path / "data")
    open_database(db_file)
    Setting.create(key="probe", value="1")
    close_database()
    wide = [db_file, db_file.with_name(db_file.name + "-journal")]
    wide[1].write_bytes(b"")
    for path in wide:
        os.chmod(path, 0o644)
    open_database(db_file)
    assert [mode(p) for p in wide] == [0o600, 0o600]
    assert Setting.get(Setting.key == "probe").value == "1"
    close_database()


def test_a_rollback_journal_takes_the_database_files_mode(tmp_path):
    """What SQLite itself creates beside a private file (here a -journal) is private."""
    target = files.private_file(tmp_path / "copy.sqlite3")
    conn = sqlite_features.connect_plain(target)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t VALUES (1)")
    journal = target.with_name(target.name + "-journal")
    assert journal.exists() and mode(journal) == 0o600
    conn.execute("COMMIT")
    conn.close()


def test_backups_their_manifests_attachments_and_restores_are_private(tmp_path):
    db_file = database_path(tmp_path / "data")
    db = open_database(db_file)
    Setting.create(key="probe", value="1")
    evidence = backup.attachments_folder(db_file) / "liability" / "X" / "letter.pdf"
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"%PDF-1.4 letter")
    assert mode(evidence) == 0o644

    made = backup.make_backup(db, tmp_path / "usb", reason="manual")
    migrate_copy = sqlite_features.backup_to(db, tmp_path / "pre" / "pre-migration.sqlite3")
    assert open_to_others(tmp_path / "usb") == []
    assert open_to_others(tmp_path / "pre") == []
    assert mode(migrate_copy) == 0o600

    evidence.unlink()
    backup.restore(db_file, made.path, safety_folder=tmp_path / "safety")
    assert evidence.read_bytes() == b"%PDF-1.4 letter" and mode(evidence) == 0o600
    assert mode(db_file) == 0o600
    assert open_to_others(tmp_path / "safety") == []
    close_database()


def test_evidence_files_their_checksum_list_and_bundles_are_private(world: World, cases):  # noqa: F811
    path, _summary = _export(world)
    attachments = backup.attachments_folder(world.path / "t.sqlite3")
    assert any(attachments.rglob("*.pdf"))
    assert open_to_others(attachments) == []
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_key_files_are_private(tmp_path):
    folder = tmp_path / "keys"
    keys.write_protected(folder / "k.json", b"{}")
    keys.write_public_key_file(
        tmp_path / "pub" / "district-key.json",
        keys.Owner("district", "DC01", "东城区分公司"),
        "A" * 43 + "=",
    )
    assert open_to_others(folder) == [] and open_to_others(tmp_path / "pub") == []


def test_a_folder_the_user_chose_keeps_its_mode(tmp_path):
    chosen = tmp_path / "Desktop"
    chosen.mkdir()
    assert mode(chosen) == 0o755
    files.write_private(chosen / "a" / "b" / "report.pdf", b"%PDF")
    assert mode(chosen) == 0o755
    assert mode(chosen / "a") == mode(chosen / "a" / "b") == 0o700
    assert mode(chosen / "a" / "b" / "report.pdf") == 0o600
