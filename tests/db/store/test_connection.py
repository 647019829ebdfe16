"""Every connection carries the durability settings; the storage refuses broken links and
edits to the timeline."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from peewee import IntegrityError

from db.intake import cases
from db.store import sqlite_features
from db.store.database import close_database
from db.store.models import Case, CaseEvent, Outlet, Staff, database
from tests.db.helpers import row_counts, valid_case

EXPECTED_PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}


def _pragmas(db) -> dict[str, object]:
    return {name: sqlite_features.pragma_value(db, name) for name in EXPECTED_PRAGMAS}


def test_main_connection_pragmas(sqlite_db):
    assert _pragmas(sqlite_db) == EXPECTED_PRAGMAS
    assert sqlite_features.pragma_value(sqlite_db, "busy_timeout") > 0


def test_reopened_connection_pragmas(sqlite_db):
    close_database()
    assert sqlite_db.is_closed()
    sqlite_db.connect()
    assert _pragmas(sqlite_db) == EXPECTED_PRAGMAS


def test_worker_thread_connection_pragmas(sqlite_db):
    """Peewee gives each thread its own connection; a worker's must be set up the same."""
    main_connection = sqlite_db.connection()
    seen: dict[str, object] = {}

    def worker() -> None:
        try:
            with database.connection_context():
                seen["connection"] = database.connection()
                seen["pragmas"] = _pragmas(database)
        except Exception as exc:  # reported in the main thread
            seen["error"] = exc

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=30)
    assert "error" not in seen, seen.get("error")
    assert seen["connection"] is not main_connection
    assert seen["pragmas"] == EXPECTED_PRAGMAS


def test_worker_thread_enforces_foreign_keys(sqlite_db, outlet):
    outcome: dict[str, object] = {}

    def worker() -> None:
        with database.connection_context():
            try:
                Staff.create(outlet=outlet.id + 100, name="幽灵", employee_no="X1", role="teller")
            except IntegrityError as exc:
                outcome["refused"] = str(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=30)
    assert "FOREIGN KEY" in outcome.get("refused", "")
    assert Staff.select().count() == 1


def test_plain_sqlite3_connection_sees_wal_file(sqlite_db, tmp_path):
    """journal_mode=wal is a property of the file, so other programs see it too."""
    con = sqlite3.connect(str(tmp_path / "t.sqlite3"))
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_foreign_key_violation_is_refused(outlet, head):
    before = row_counts()
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        Staff.create(outlet=outlet.id + 100, name="幽灵", employee_no="X1", role="teller")
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        database.execute_sql(
            "INSERT INTO case_event (case_id, at, kind, note, data)"
            " VALUES (999, '2025-01-01 00:00:00', 'note', '', '{}')"
        )
    assert row_counts() == before


def test_deleting_referenced_rows_is_refused(outlet, head):
    case = cases.register_case(outlet, valid_case(head), actor=head)
    before = row_counts()
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        Outlet.delete().where(Outlet.id == outlet.id).execute()
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        Staff.delete().where(Staff.id == head.id).execute()
    # Events point at the case, so a registered case cannot vanish either.
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        Case.delete().where(Case.id == case.id).execute()
    assert row_counts() == before


def test_case_event_update_is_refused(outlet, head):
    case = cases.register_case(outlet, valid_case(head), actor=head)
    events = list(CaseEvent.select().order_by(CaseEvent.id).dicts())
    with pytest.raises(IntegrityError, match="append-only"):
        CaseEvent.update(note="篡改").where(CaseEvent.case == case).execute()
    with pytest.raises(IntegrityError, match="append-only"):
        database.execute_sql("UPDATE case_event SET kind = 'note'")
    assert list(CaseEvent.select().order_by(CaseEvent.id).dicts()) == events


def test_case_event_delete_is_refused(outlet, head):
    case = cases.register_case(outlet, valid_case(head), actor=head)
    before = row_counts()
    with pytest.raises(IntegrityError, match="append-only"):
        CaseEvent.delete().where(CaseEvent.case == case).execute()
    with pytest.raises(IntegrityError, match="append-only"):
        database.execute_sql("DELETE FROM case_event")
    assert row_counts() == before


def test_case_event_insert_is_allowed(outlet, head):
    case = cases.register_case(outlet, valid_case(head), actor=head)
    before = CaseEvent.select().count()
    cases.add_event(case, "note", actor=head, note="客户来电询问进度")
    assert CaseEvent.select().count() == before + 1


def test_integrity_check_is_clean(outlet, head):
    cases.register_case(outlet, valid_case(head), actor=head)
    assert sqlite_features.integrity_problems(database) == []
