"""Backups and restore: copies are sound and complete, rotation keeps N of each
kind, and restore refuses anything doubtful without touching the current data."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from pathlib import Path

import pytest
from peewee import Database

from db import demo
from db.store import sqlite_features
from db.store.database import close_database, database_path, open_database
from db.store.models import Case, Setting
from db.trust import backup
from db.trust.backup import BackupError, RestoreRefused
from tests.db.backup_helpers import (
    case_count,
    corrupt_middle,
    file_digest,
    rows_of,
    truncate_half,
)


@pytest.fixture
def live(tmp_path: Path) -> Path:
    """A data folder whose database holds an outlet and 20 complaints; returns the db path."""
    path = database_path(tmp_path / "data")
    open_database(path)
    demo.fill_demo(20, seed=1)
    yield path
    close_database()


@pytest.fixture
def live_db(live: Path) -> Database:
    from db.store.models import database

    return database


@pytest.fixture
def clock(monkeypatch):
    """Backups made one minute apart, so names and order are predictable."""
    times = iter(dt.datetime(2026, 11, 28, 9, 0) + dt.timedelta(minutes=i) for i in range(999))
    monkeypatch.setattr(backup, "now", lambda: next(times))


def _backups(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- making backups --------------------------------------------------------------------------


def test_backup_is_a_verified_copy_with_the_same_rows(live, live_db, tmp_path):
    folder = tmp_path / "usb"
    info = backup.make_backup(live_db, folder, reason="manual")

    assert backup.parse_backup_name(info.path.name)[1] == "manual"
    assert info.path.name.startswith("complaint-desk-") and info.path.name.endswith(
        "-manual.sqlite3"
    )
    assert info.verified
    assert rows_of(info.path) == rows_of(live)
    assert backup.is_valid_backup(info.path) == (True, "ok")
    manifest = json.loads(info.manifest_path.read_text(encoding="utf-8"))
    assert manifest["database"]["sha256"] == backup.sha256_file(info.path)
    assert manifest["integrity_check"] == "ok"
    # A self-contained file: no -wal/-shm beside it, no temporary files left behind.
    assert _backups(folder) == sorted([info.path.name, info.manifest_path.name])
    assert backup.list_backups(folder) == [info]


def test_backup_while_another_connection_reads_and_writes(live, live_db, tmp_path, monkeypatch):
    """The online backup API copies a consistent snapshot while the database is in use: a
    reader holds an open transaction and a writer commits throughout. Small steps make the
    copy restart on every write, so this also covers the fall-back to a one-step copy."""
    monkeypatch.setattr(sqlite_features, "BACKUP_STEP_PAGES", 1)
    reader = sqlite3.connect(live)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM complaint_case").fetchone()

    stop = threading.Event()
    wrote = threading.Semaphore(0)

    def writer() -> None:
        conn = sqlite_features.connect_plain(live, timeout=10)
        n = 0
        while not stop.is_set():
            with conn:
                conn.execute(
                    "INSERT INTO setting (key, value, updated_at) VALUES (?, '1', '2026-01-01')",
                    (f"test.write.{n}",),
                )
            n += 1
            wrote.release()
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert wrote.acquire(timeout=10)
        before = Setting.select().count()
        phases = []

        def progress(phase: str, done: int, total: int) -> None:
            phases.append(phase)
            # Let at least one more write commit in the middle of the copy.
            if phase == "copy" and len(phases) < 4:
                assert wrote.acquire(timeout=10)

        info = backup.make_backup(live_db, tmp_path / "bk", reason="manual", progress=progress)
    finally:
        stop.set()
        thread.join()
        reader.rollback()
        reader.close()
    after = Setting.select().count()

    assert "copy" in phases and "verify" in phases
    assert backup.is_valid_backup(info.path) == (True, "ok")
    copied = len(rows_of(info.path)["setting"])
    assert before <= copied <= after
    assert after > before
    assert len(rows_of(info.path)["complaint_case"]) == 20


def test_attachments_are_copied_with_their_sums(live, live_db, tmp_path):
    attachments = backup.attachments_folder(live)
    (attachments / "2026" / "BJ0101-0001").mkdir(parents=True)
    (attachments / "2026" / "BJ0101-0001" / "客户来信.pdf").write_bytes(b"%PDF-1.4 letter")
    (attachments / "photo.jpg").write_bytes(bytes(range(256)) * 10)

    info = backup.make_backup(live_db, tmp_path / "bk", reason="manual")

    copied = info.attachments_path
    assert (copied / "2026" / "BJ0101-0001" / "客户来信.pdf").read_bytes() == b"%PDF-1.4 letter"
    assert info.attachment_count == 2
    manifest = json.loads(info.manifest_path.read_text(encoding="utf-8"))
    assert manifest["attachments"]["files"]["photo.jpg"]["sha256"] == backup.sha256_file(
        attachments / "photo.jpg"
    )
    # A copied attachment that changes afterwards makes the backup invalid.
    (copied / "photo.jpg").write_bytes(b"changed")
    valid, reason = backup.is_valid_backup(info.path)
    assert not valid and "photo.jpg" in reason


def test_two_backups_in_the_same_second_both_stay(live, live_db, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "now", lambda: dt.datetime(2026, 11, 28, 9, 0))
    first = backup.make_backup(live_db, tmp_path / "bk", reason="exit")
    second = backup.make_backup(live_db, tmp_path / "bk", reason="exit")
    assert first.path != second.path
    assert backup.list_backups(tmp_path / "bk") == [second, first]


@pytest.mark.attack("failures")
def test_a_copy_that_fails_its_check_is_deleted(live, live_db, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "_database_file_problem", lambda path, quick=False: "bad page")
    with pytest.raises(BackupError, match="bad page"):
        backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    assert _backups(tmp_path / "bk") == []


@pytest.mark.attack("failures")
def test_an_unwritable_folder_is_reported(live, live_db, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="backup folder"):
        backup.make_backup(live_db, blocker / "bk", reason="manual")


def test_reasons_are_plain_words():
    with pytest.raises(ValueError):
        backup.backup_name(dt.datetime(2026, 1, 1), "../evil")
    assert backup.parse_backup_name("complaint-desk-20260101-090000-pre-restore.2.sqlite3") == (
        dt.datetime(2026, 1, 1, 9, 0),
        "pre-restore",
        2,
    )
    assert backup.parse_backup_name("pre-migration-v2-20260101-090000.sqlite3") is None


# --- rotation and listing --------------------------------------------------------------------


def test_rotation_keeps_the_newest_n_of_each_reason(live, live_db, tmp_path, clock):
    folder = tmp_path / "bk"
    backup.attachments_folder(live).mkdir()
    (backup.attachments_folder(live) / "a.txt").write_text("a")
    daily = [backup.make_backup(live_db, folder, reason="daily") for _ in range(5)]
    exits = [backup.make_backup(live_db, folder, reason="exit") for _ in range(3)]

    removed = backup.rotate(folder, keep=2)

    assert sorted(r.path for r in removed) == sorted(b.path for b in daily[:3] + exits[:1])
    kept = backup.list_backups(folder)
    assert [b.path for b in kept] == [b.path for b in (exits[2], exits[1], daily[4], daily[3])]
    # Each removed backup went with its manifest and attachments folder.
    expected = set()
    for info in kept:
        expected |= {info.path.name, info.manifest_path.name, info.attachments_path.name}
    assert set(_backups(folder)) == expected


def test_rotation_refuses_to_keep_nothing(tmp_path):
    with pytest.raises(ValueError):
        backup.rotate(tmp_path, keep=0)


def test_list_ignores_other_files_and_flags_unverified(live, live_db, tmp_path):
    folder = tmp_path / "bk"
    info = backup.make_backup(live_db, folder, reason="manual")
    (folder / "notes.txt").write_text("not a backup")
    (folder / "pre-migration-v2-20260101-090000.sqlite3").write_bytes(b"")
    info.manifest_path.unlink()
    (listed,) = backup.list_backups(folder)
    assert listed.path == info.path and not listed.verified


def test_newest_good_backup_skips_a_damaged_one(live, live_db, tmp_path, clock):
    folder = tmp_path / "bk"
    good = backup.make_backup(live_db, folder, reason="daily")
    bad = backup.make_backup(live_db, folder, reason="exit")
    corrupt_middle(bad.path)
    assert backup.newest_good_backup(folder) == good


def test_daily_backup_is_due_once_a_day(live, live_db, tmp_path, clock):
    folder = tmp_path / "bk"
    today = dt.date(2026, 11, 28)
    assert backup.daily_backup_due(folder, today)
    backup.make_backup(live_db, folder, reason="exit")
    assert backup.daily_backup_due(folder, today)
    backup.make_backup(live_db, folder, reason="daily")
    assert not backup.daily_backup_due(folder, today)
    assert backup.daily_backup_due(folder, today + dt.timedelta(days=1))


def test_backup_and_rotate_follows_the_settings(live, live_db, tmp_path, clock):
    usb = tmp_path / "usb"
    backup.set_backup_folder(usb)
    backup.set_keep_count(2)
    for _ in range(4):
        backup.backup_and_rotate(live_db, reason="exit")
    assert len(backup.list_backups(usb)) == 2
    assert not backup.default_backup_folder(live).exists()


# --- settings --------------------------------------------------------------------------------


def test_settings_defaults_and_round_trip(live, tmp_path):
    default = backup.default_backup_folder(live)
    assert backup.backup_folder(default) == default
    assert backup.keep_count() == backup.DEFAULT_KEEP == 10
    assert backup.daily_enabled() is True

    backup.set_backup_folder(tmp_path / "usb")
    backup.set_keep_count(3)
    backup.set_daily_enabled(False)
    assert backup.backup_folder(default) == (tmp_path / "usb").resolve()
    assert backup.keep_count() == 3
    assert backup.daily_enabled() is False
    assert json.loads(Setting.get_by_id(backup.KEY_KEEP).value) == 3

    backup.set_backup_folder(None)
    assert backup.backup_folder(default) == default
    with pytest.raises(ValueError):
        backup.set_keep_count(0)


def test_hand_edited_settings_fall_back_to_defaults(live):
    for key, value in ((backup.KEY_KEEP, "-5"), (backup.KEY_DAILY, "not json")):
        Setting.insert(key=key, value=value).on_conflict_replace().execute()
    assert backup.keep_count() == backup.DEFAULT_KEEP
    assert backup.daily_enabled() is True


# --- restore ---------------------------------------------------------------------------------


def _wrong_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('x')")
    conn.commit()
    conn.close()


def _newer_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO schema_migration (name, applied) VALUES ('9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()


DAMAGES = {
    "corrupted": (corrupt_middle, "integrity check failed"),
    "truncated": (truncate_half, "truncated"),
    "not sqlite": (
        lambda p: p.write_text("姓名,电话\n张三,138\n", encoding="gbk"),
        "not an SQLite",
    ),
    "empty": (lambda p: p.write_bytes(b""), "not an SQLite"),
    "wrong schema": (lambda p: (p.unlink(), _wrong_schema(p)), "not a Complaint Desk database"),
    "newer schema": (_newer_schema, "newer version"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
@pytest.mark.attack("hostile-files")
def test_restore_refuses_an_invalid_file_and_changes_nothing(live, live_db, tmp_path, damage):
    make_damage, reason = DAMAGES[damage]
    good = backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    candidate = tmp_path / "candidate.sqlite3"
    candidate.write_bytes(good.path.read_bytes())  # no manifest: the file alone must fail
    make_damage(candidate)
    Case.update(customer_name="改过的名字").where(Case.id == 1).execute()
    rows, digest = rows_of(live), file_digest(live)
    safety = tmp_path / "safety"

    with pytest.raises(RestoreRefused, match=reason):
        backup.restore(live, candidate, safety_folder=safety)

    assert file_digest(live) == digest
    assert rows_of(live) == rows
    assert Case.get_by_id(1).customer_name == "改过的名字"
    assert _backups(safety) == []


def test_restore_refuses_a_missing_file(live, tmp_path):
    digest = file_digest(live)
    with pytest.raises(RestoreRefused, match="no file"):
        backup.restore(live, tmp_path / "nope.sqlite3", safety_folder=tmp_path / "safety")
    assert file_digest(live) == digest


@pytest.mark.attack("hostile-files")
def test_restore_refuses_a_backup_whose_bytes_changed(live, live_db, tmp_path):
    info = backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    conn = sqlite_features.connect_plain(info.path)
    conn.execute("UPDATE complaint_case SET customer_name = 'x' WHERE id = 1")
    conn.commit()
    conn.close()
    with pytest.raises(RestoreRefused, match="changed since the backup"):
        backup.restore(live, info.path, safety_folder=tmp_path / "safety")


def test_restore_backs_up_first_then_brings_back_the_old_rows(live, live_db, tmp_path, clock):
    old = backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    old_rows = rows_of(old.path)
    demo.fill_demo(15, seed=2)
    newer_rows = rows_of(live)
    assert len(newer_rows["complaint_case"]) == 35

    result = backup.restore(live, old.path, safety_folder=tmp_path / "safety")

    assert result.restored_from == old.path
    assert result.safety_backup is not None and result.safety_backup.reason == "pre-restore"
    assert result.safety_backup.path.parent == tmp_path / "safety"
    assert rows_of(result.safety_backup.path) == newer_rows
    assert rows_of(live) == old_rows
    # The connection the program already had open sees the restored data.
    assert Case.select().count() == 20
    assert backup.is_valid_backup(live)[0]


def test_restore_puts_attachments_back(live, live_db, tmp_path):
    attachments = backup.attachments_folder(live)
    attachments.mkdir()
    (attachments / "letter.pdf").write_bytes(b"original")
    info = backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    (attachments / "letter.pdf").write_bytes(b"overwritten by mistake")
    (attachments / "later.pdf").write_bytes(b"added after the backup")

    result = backup.restore(live, info.path, safety_folder=tmp_path / "safety")

    assert result.attachments_restored == 1
    assert (attachments / "letter.pdf").read_bytes() == b"original"
    assert (attachments / "later.pdf").exists()
    safety_copy = result.safety_backup.attachments_path / "letter.pdf"
    assert safety_copy.read_bytes() == b"overwritten by mistake"


def test_restore_of_a_damaged_database_sets_it_aside_only_when_told(live, live_db, tmp_path):
    info = backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    close_database()
    corrupt_middle(live)
    digest = file_digest(live)
    assert backup.current_database_problem(live) is not None

    with pytest.raises(RestoreRefused, match="could not be backed up first"):
        backup.restore(live, info.path, safety_folder=tmp_path / "safety")
    assert file_digest(live) == digest

    result = backup.restore(
        live, info.path, safety_folder=tmp_path / "safety", current_damaged=True
    )
    assert result.safety_backup is None
    assert result.set_aside is not None and result.set_aside.read_bytes()
    assert backup.current_database_problem(live) is None
    assert case_count(live) == 20


def test_restore_into_an_empty_data_folder(live, live_db, tmp_path):
    info = backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    fresh = database_path(tmp_path / "new-pc")
    fresh.parent.mkdir()
    result = backup.restore(fresh, info.path, safety_folder=tmp_path / "safety")
    assert result.safety_backup is None and result.set_aside is None
    assert rows_of(fresh) == rows_of(info.path)


def test_restore_refuses_the_database_itself(live, tmp_path):
    with pytest.raises(RestoreRefused, match="database itself"):
        backup.restore(live, live, safety_folder=tmp_path / "safety")


@pytest.mark.parametrize("rel", ["../../outside.txt", "/etc/passwd", "a/../../b", "C:\\evil"])
@pytest.mark.attack("hostile-files")
def test_a_manifest_pointing_outside_its_folder_is_refused(live, live_db, tmp_path, rel):
    """Restore writes attachments to the paths a manifest names; a crafted one must not
    reach beyond the attachments folder."""
    info = backup.make_backup(live_db, tmp_path / "bk", reason="manual")
    manifest = json.loads(info.manifest_path.read_text(encoding="utf-8"))
    manifest["attachments"]["files"][rel] = {"size": 1, "sha256": "0" * 64}
    info.manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    digest = file_digest(live)

    with pytest.raises(RestoreRefused, match="manifest"):
        backup.restore(live, info.path, safety_folder=tmp_path / "safety")
    assert file_digest(live) == digest
    assert not (tmp_path / "outside.txt").exists()


def test_restore_of_another_outlets_backup_is_refused_unless_asked(live, live_db, tmp_path):
    """A backup of another outlet names both outlets and changes nothing; said on purpose,
    it is restored."""
    from db.store.models import Outlet

    other = backup.make_backup(live_db, tmp_path / "usb", reason="manual")
    Outlet.update(code="LYL07", name="柳园路网点").execute()
    demo_name = rows_of(other.path)["outlet"][0]
    before = file_digest(live)

    with pytest.raises(backup.OtherOutletBackup) as excinfo:
        backup.restore(live, other.path, safety_folder=tmp_path / "safety")
    message = str(excinfo.value)
    assert "柳园路网点 (LYL07)" in message and "(JSL01)" in message
    assert excinfo.value.current.code == "LYL07" and excinfo.value.other.code == "JSL01"
    assert file_digest(live) == before
    assert not (tmp_path / "safety").exists()

    backup.restore(live, other.path, safety_folder=tmp_path / "safety", other_outlet=True)
    assert rows_of(live)["outlet"][0] == demo_name
    assert backup.other_outlet_backup(live, other.path) is None
