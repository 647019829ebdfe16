"""The watched inbox folder (db/district/inbox.py) on the real PostgreSQL server: a bundle
is read only once it stops growing, imported once, moved into imported/ or refused/ with
its reason, never retried in a loop."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.district import inbox as inbox_module
from db.district.inbox import Inbox
from db.district.models import OutletCase, ReceivedBundle
from tests.district.helpers import add_district_with_key, case_entry, enrol_with_key, up_bundle

OUTLET_KEY = Ed25519PrivateKey.generate()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float = 5.0) -> None:
        self.now += seconds


@pytest.fixture
def district(district_db):
    add_district_with_key(Ed25519PrivateKey.generate())
    enrol_with_key("BJ0101", OUTLET_KEY)
    return district_db


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def inbox(district, tmp_path, clock):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return Inbox(folder, actor="赵敏", settle_seconds=3, clock=clock)


def bundle_bytes(tmp_path, seq: int = 1, **kw) -> bytes:
    path = up_bundle(tmp_path / f"made-{seq}.zip", "BJ0101", OUTLET_KEY, seq=seq,
                     cases=[case_entry(f"BJ0101-2026-{seq:04d}")], **kw)  # fmt: skip
    return path.read_bytes()


def scan_twice(inbox, clock):
    """One scan to see the files, a later one to read those that stayed the same."""
    assert inbox.scan() == []
    clock.wait()
    return inbox.scan()


def test_a_whole_bundle_is_imported_and_moved_into_imported(inbox, clock, tmp_path):
    (inbox.folder / "up-1.zip").write_bytes(bundle_bytes(tmp_path))
    [outcome] = scan_twice(inbox, clock)
    assert outcome.status == inbox_module.DONE
    assert outcome.moved_to == inbox.folder / "imported" / "up-1.zip"
    assert outcome.message == "outlet BJ0101, bundle number 1: 1 cases stored"
    assert outcome.moved_to.is_file() and not (inbox.folder / "up-1.zip").exists()
    assert ReceivedBundle.get().received_by == "赵敏"
    assert OutletCase.select().count() == 1
    clock.wait()
    assert inbox.scan() == []


def test_a_file_still_being_copied_is_not_read(inbox, clock, tmp_path):
    data = bundle_bytes(tmp_path)
    target = inbox.folder / "up-1.zip"
    target.write_bytes(data[:200])
    for end in (400, 800, len(data)):
        assert inbox.scan() == []
        assert inbox.waiting() == ["up-1.zip"]
        clock.wait(1)  # the copy goes on within the settling time
        with target.open("ab") as fh:
            fh.write(data[target.stat().st_size : end])
    assert inbox.scan() == []  # it changed since the last look
    assert ReceivedBundle.select().count() == 0
    clock.wait()
    [outcome] = inbox.scan()
    assert outcome.status == inbox_module.DONE


def test_a_copy_that_stopped_stays_and_is_not_read_again_until_it_changes(inbox, clock, tmp_path):
    data = bundle_bytes(tmp_path)
    target = inbox.folder / "up-1.zip"
    target.write_bytes(data[:300])
    [outcome] = scan_twice(inbox, clock)
    assert outcome.status == inbox_module.CUT_OFF
    assert outcome.error.code == "bundle_truncated"
    assert target.exists() and not (inbox.folder / "refused").exists()
    for _ in range(3):  # not retried in a loop
        clock.wait()
        assert inbox.scan() == []
    target.write_bytes(data)  # the rest arrived
    [outcome] = scan_twice(inbox, clock)
    assert outcome.status == inbox_module.DONE


def test_a_refused_bundle_is_moved_into_refused_with_its_reason(inbox, clock, tmp_path):
    (inbox.folder / "unsigned.zip").write_bytes(bundle_bytes(tmp_path, sign=False))
    (inbox.folder / "notes.txt").write_text("not a bundle")
    (inbox.folder / "up-2.zip.partial").write_bytes(b"half")
    [outcome] = scan_twice(inbox, clock)
    assert outcome.status == inbox_module.REFUSED_STATUS
    assert outcome.error.code == "bundle_unsigned"
    moved = inbox.folder / "refused" / "unsigned.zip"
    assert outcome.moved_to == moved and moved.is_file()
    reason = (inbox.folder / "refused" / "unsigned.zip.txt").read_text(encoding="utf-8")
    assert "bundle_unsigned" in reason and "carries no signature" in reason
    assert ReceivedBundle.select().count() == 0
    clock.wait()
    assert inbox.scan() == []
    assert sorted(p.name for p in inbox.folder.iterdir()) == [
        "notes.txt", "refused", "up-2.zip.partial"]  # fmt: skip


def test_the_same_bundle_again_goes_to_imported_under_another_name(inbox, clock, tmp_path):
    data = bundle_bytes(tmp_path)
    (inbox.folder / "up.zip").write_bytes(data)
    scan_twice(inbox, clock)
    (inbox.folder / "up.zip").write_bytes(data)
    [again] = scan_twice(inbox, clock)
    assert again.status == inbox_module.ALREADY
    assert again.moved_to == inbox.folder / "imported" / "up (2).zip"
    assert ReceivedBundle.select().count() == 1


def test_a_replayed_number_is_refused_and_the_next_one_imported(inbox, clock, tmp_path):
    (inbox.folder / "a.zip").write_bytes(bundle_bytes(tmp_path, seq=1))
    (inbox.folder / "b.zip").write_bytes(bundle_bytes(tmp_path, seq=2))
    outcomes = scan_twice(inbox, clock)
    assert [(o.name, o.status) for o in outcomes] == [("a.zip", "imported"), ("b.zip", "imported")]
    replay = bundle_bytes(tmp_path, seq=1, created_at="2026-03-06T18:00:00")
    (inbox.folder / "c.zip").write_bytes(replay)
    [outcome] = scan_twice(inbox, clock)
    assert (outcome.status, outcome.error.code) == ("refused", "bundle_replay")


def test_a_file_that_cannot_be_moved_is_not_imported_again(inbox, clock, tmp_path, monkeypatch):
    (inbox.folder / "up.zip").write_bytes(bundle_bytes(tmp_path))

    def cannot(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inbox_module.os, "replace", cannot)
    [outcome] = scan_twice(inbox, clock)
    assert (outcome.status, outcome.moved_to) == (inbox_module.DONE, None)
    assert "(not moved into imported/: Permission denied)" in outcome.message
    for _ in range(3):
        clock.wait()
        assert inbox.scan() == []
    assert ReceivedBundle.select().count() == 1


def test_a_folder_that_is_gone_is_an_empty_inbox(district, tmp_path, clock):
    gone = Inbox(tmp_path / "nowhere", actor="赵敏", clock=clock)
    assert gone.scan() == [] and gone.candidates() == []


def test_the_received_time_is_the_import_time(inbox, clock, tmp_path):
    before = dt.datetime.now(dt.UTC)
    (inbox.folder / "up.zip").write_bytes(bundle_bytes(tmp_path))
    scan_twice(inbox, clock)
    assert ReceivedBundle.get().received_at >= before - dt.timedelta(seconds=1)
