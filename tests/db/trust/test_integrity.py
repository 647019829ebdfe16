"""``check_database``: a sound database passes; damage done behind the program's back is found
and named."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from db import demo
from db.store import sqlite_features
from db.store.database import close_database, database_path, open_database
from db.store.models import database
from db.trust import backup, integrity
from db.trust.integrity import Check, Findings, check_database, check_file
from tests.db.backup_helpers import corrupt_middle


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = database_path(tmp_path / "data")
    open_database(path)
    demo.fill_demo(30, seed=3)
    yield path
    close_database()


@pytest.fixture
def registry():
    """Leave the list of checks as it was, whatever a test registers."""
    saved = list(integrity.CHECKS)
    yield integrity.CHECKS
    integrity.CHECKS[:] = saved


def _raw(path: Path) -> sqlite3.Connection:
    """A connection that goes behind the program's back: foreign keys off, no triggers of ours
    in the way of an insert."""
    conn = sqlite_features.connect_plain(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    return conn


def test_a_sound_database_passes(live):
    report = check_database(database)
    assert report.ok, report.summary()
    assert report.first_problem is None
    assert [r.name for r in report.results] == [
        "storage",
        "foreign_keys",
        "audit_trail",
        "trail_anchor",
        "guards",
        "search_indexes",
        "schema",
        "attachments",
    ]
    summary = report.summary()
    assert summary.startswith(f"Database check of {live}: no problems found.")
    assert "Schema: version" in summary


def test_a_corrupted_page_is_found(live, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    sqlite_features.backup_to_file(database, copy)
    assert check_file(copy).ok
    corrupt_middle(copy)

    report = check_file(copy)

    assert not report.ok
    assert report.first_problem.startswith("Storage (integrity_check): ")
    assert "1 problem" in report.summary() or "problems" in report.summary()


def test_quick_check_finds_it_too(live, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    sqlite_features.backup_to_file(database, copy)
    corrupt_middle(copy)
    assert not check_file(copy, quick=True).ok


def test_a_foreign_key_violation_made_behind_the_apps_back_is_named(live):
    conn = _raw(live)
    with conn:
        conn.execute(
            "INSERT INTO case_event (case_id, at, actor_id, kind, note, data) "
            "VALUES (999999, '2026-01-01 09:00:00', NULL, 'registered', '', '{}')"
        )
        orphan = conn.execute("SELECT MAX(id) FROM case_event").fetchone()[0]
    conn.close()

    report = check_database(database)

    assert not report.ok
    assert report.first_problem == (
        f"Foreign keys: case_event row {orphan}: case_id refers to a complaint_case row "
        "that does not exist"
    )
    (fk,) = [r for r in report.results if r.name == "foreign_keys"]
    assert len(fk.problems) == 1


def test_an_owner_deleted_behind_the_apps_back_is_found(live):
    conn = _raw(live)
    with conn:
        conn.execute("UPDATE complaint_case SET first_ask_owner_id = 4242 WHERE id = 7")
    conn.close()
    problems = check_database(database).problems
    assert problems == [
        "Foreign keys: complaint_case row 7: first_ask_owner_id refers to a staff row that "
        "does not exist"
    ]


def test_a_schema_from_a_newer_program_is_a_problem(live):
    conn = _raw(live)
    with conn:
        conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('0099_future', '2030')")
    conn.close()
    report = check_database(database)
    assert "newer version" in report.first_problem
    assert report.first_problem.startswith("Schema: ")


def test_an_older_schema_is_only_a_note(live):
    conn = _raw(live)
    with conn:
        conn.execute(
            "DELETE FROM schema_migration WHERE id = (SELECT MAX(id) FROM schema_migration)"
        )
    conn.close()
    report = check_database(database)
    assert report.ok
    (schema,) = [r for r in report.results if r.name == "schema"]
    assert "brought up to date" in schema.notes[0]


def test_a_file_that_is_not_ours(tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    report = check_file(other)
    assert not report.ok
    assert "not a Complaint Desk database" in report.first_problem


def test_a_file_that_is_not_a_database_is_reported_not_raised(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"PK\x03\x04 this is a zip file, really" * 200)
    report = check_file(junk)
    assert not report.ok
    assert "not a database" in report.first_problem


def test_attachments_are_checked_against_their_sums(live):
    folder = backup.attachments_folder(live)
    folder.mkdir()
    (folder / "letter.pdf").write_bytes(b"%PDF letter")
    (folder / "photo.jpg").write_bytes(b"jpeg")
    listing = {
        "files": {
            name: {"sha256": backup.sha256_file(folder / name)}
            for name in ("letter.pdf", "photo.jpg")
        }
    }
    (folder / integrity.ATTACHMENT_MANIFEST).write_text(json.dumps(listing), encoding="utf-8")
    assert check_database(database).ok

    (folder / "letter.pdf").write_bytes(b"%PDF forged")
    (folder / "photo.jpg").unlink()
    report = check_database(database)
    (attachments,) = [r for r in report.results if r.name == "attachments"]
    assert attachments.problems == (
        "attachment letter.pdf has changed (SHA-256 does not match)",
        "attachment photo.jpg is missing",
    )


def test_more_checks_can_be_registered(live, registry):
    """The audit trail's chain check will plug in like this."""

    def chain(ctx):
        return Findings(["entry 17 does not match its hash"])

    integrity.register_check(Check("audit_chain", "Audit trail", chain), after="foreign_keys")
    report = check_database(database)
    assert [r.name for r in report.results][:3] == ["storage", "foreign_keys", "audit_chain"]
    assert report.first_problem == "Audit trail: entry 17 does not match its hash"


def test_a_check_that_cannot_run_is_a_problem_not_a_crash(live, registry):
    def broken(ctx):
        raise sqlite3.DatabaseError("database disk image is malformed")

    integrity.register_check(Check("broken", "Broken", broken))
    report = check_database(database)
    assert report.problems == ["Broken: could not be checked: database disk image is malformed"]
