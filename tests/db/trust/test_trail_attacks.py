"""The trail against someone who edits the file with sqlite3 directly: every attack is found.

Each test works on a closed outlet database the way a tamperer would (a plain sqlite3
connection, the program's SQL functions copied onto it where the triggers need them, the
hash recomputed with the published algorithm), then runs ``complaint-desk check``'s checks
on the file. The checkpoint the backup signed, outside the file, is what catches a trail
rewritten whole.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import checks, demo
from db.handling import workcalendar
from db.store import sqlite_features, trail
from db.store.database import close_database, database_path, open_database
from db.store.models import Staff
from db.trust import anchor, backup, integrity

pytestmark = pytest.mark.attack("trail")

NATIONAL_DAY = "2026-10-01"


@pytest.fixture(autouse=True)
def registry() -> Iterator[None]:
    saved = list(integrity.CHECKS)
    checks.register_domain_checks()
    yield
    integrity.CHECKS[:] = saved


@pytest.fixture
def outlet_file(tmp_path: Path) -> Iterator[Path]:
    """Demo data, a backup (which signs a checkpoint), the program closed."""
    path = database_path(tmp_path / "data")
    db = open_database(path)
    demo.fill_demo(12, seed=5)
    backup.make_backup(db, path.parent / "backups", reason="manual")
    close_database()
    yield path
    close_database()


def _problems(path: Path) -> dict[str, tuple[str, ...]]:
    report = integrity.check_file(path)
    return {r.name: r.problems for r in report.results if r.problems}


def _raw(path: Path) -> sqlite3.Connection:
    conn = sqlite_features.connect_plain(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    return conn


def _recompute_chain(conn: sqlite3.Connection) -> None:
    """What a tamperer does after changing or removing entries: every hash again, in order."""
    prev = ""
    rows = conn.execute(
        "SELECT id, at, actor_id, table_name, op, row_id, before, after FROM audit_log ORDER BY id"
    ).fetchall()
    for eid, at, actor, table, op, row_id, before, after in rows:
        digest = trail.entry_hash(prev, at, actor, table, op, row_id, before, after)
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, eid)
        )
        prev = digest


def _triggers(conn: sqlite3.Connection, like: str) -> dict[str, str]:
    return dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE ?", (like,)
        )
    )


def test_the_untouched_file_passes_every_check(outlet_file):
    report = integrity.check_file(outlet_file)
    assert report.ok, report.summary()
    names = [r.name for r in report.results]
    assert {"trail_anchor", "guards", "search_indexes", "evidence", "calendar"} <= set(names)
    assert "Matches its signed checkpoint" in report.summary()


def test_a_trail_deleted_whole_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        conn.execute("DELETE FROM audit_log")
    problems = _problems(outlet_file)
    assert "shorter than its signed checkpoint" in problems["trail_anchor"][0]
    assert "row has no trail entry" in problems["audit_trail"][0]


def test_its_last_entry_deleted_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    assert "shorter than its signed checkpoint" in _problems(outlet_file)["trail_anchor"][0]


def test_its_last_entry_deleted_after_work_since_the_checkpoint_is_found(outlet_file):
    """Newer than the checkpoint, the entry is vouched for by the row it describes."""
    open_database(outlet_file)
    head = Staff.get(Staff.role == "head")
    with trail.acting_as(head.id):
        Staff.update(name="王建国（负责人）").where(Staff.id == head.id).execute()
    close_database()
    with _raw(outlet_file) as conn:
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    problems = _problems(outlet_file)
    assert set(problems) == {"audit_trail"}, problems
    assert problems["audit_trail"][0].endswith(
        f"(staff row {head.id}): row changed without a trail entry"
    )


def test_a_case_deleted_with_its_entries_and_the_chain_recomputed_is_found(outlet_file):
    conn = _raw(outlet_file)
    with conn:
        guards = _triggers(conn, "case_event_no_%")
        audit = _triggers(conn, "audit_%")
        for name in [*guards, *audit]:
            conn.execute(f'DROP TRIGGER "{name}"')
        case_id = conn.execute("SELECT max(id) FROM complaint_case").fetchone()[0]
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if "case_id" in {c[1] for c in conn.execute(f'PRAGMA table_info("{name}")')}
            and not name.startswith("case_search")
        ]
        for table in tables:
            conn.execute(f'DELETE FROM "{table}" WHERE case_id = ?', (case_id,))
        conn.execute("DELETE FROM complaint_case WHERE id = ?", (case_id,))
        conn.execute(
            "DELETE FROM audit_log WHERE (table_name = 'complaint_case' AND row_id = ?) "
            "OR json_extract(coalesce(after, before), '$.case_id') = ?",
            (case_id, case_id),
        )
        _recompute_chain(conn)
        for sql in [*guards.values(), *audit.values()]:
            conn.execute(sql)
    conn.close()
    assert "shorter than its signed checkpoint" in _problems(outlet_file)["trail_anchor"][0]


def test_a_row_edited_with_its_entry_rewritten_and_the_chain_recomputed_is_found(outlet_file):
    conn = _raw(outlet_file)
    with conn:
        update = _triggers(conn, "audit_complaint_case_update")
        conn.execute('DROP TRIGGER "audit_complaint_case_update"')
        case_id = conn.execute("SELECT min(id) FROM complaint_case").fetchone()[0]
        conn.execute("UPDATE complaint_case SET customer_name = '赵某某' WHERE id = ?", (case_id,))
        eid, after = conn.execute(
            "SELECT id, after FROM audit_log WHERE table_name = 'complaint_case' AND row_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (case_id,),
        ).fetchone()
        row = json.loads(after)
        row["customer_name"] = "赵某某"
        conn.execute(
            "UPDATE audit_log SET after = ? WHERE id = ?",
            (json.dumps(row, ensure_ascii=False, separators=(",", ":")), eid),
        )
        _recompute_chain(conn)
        conn.execute(update["audit_complaint_case_update"])
    conn.close()
    problems = _problems(outlet_file)
    assert set(problems) == {"trail_anchor"}, problems
    assert "differs from its signed checkpoint" in problems["trail_anchor"][0]


def test_rows_written_with_the_triggers_dropped_are_found(outlet_file):
    conn = _raw(outlet_file)
    with conn:
        audit = _triggers(conn, "audit_staff_%")
        for name in audit:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(
            "INSERT INTO staff(outlet_id, name, employee_no, role, active) "
            "SELECT outlet_id, '假员工', 'E9999', 'teller', 1 FROM staff LIMIT 1"
        )
    problems = _problems(outlet_file)
    assert any("row has no trail entry" in p for p in problems["audit_trail"])
    assert any("audit_staff_insert is missing" in p for p in problems["guards"])

    with conn:  # the triggers put back: the row still has no entry
        for sql in audit.values():
            conn.execute(sql)
    conn.close()
    problems = _problems(outlet_file)
    assert "guards" not in problems
    assert any("staff row" in p and "no trail entry" in p for p in problems["audit_trail"])


def test_a_guard_trigger_altered_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        conn.execute("DROP TRIGGER case_event_no_delete")
        conn.execute(
            "CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event BEGIN SELECT 1; END"
        )
    assert _problems(outlet_file)["guards"] == (
        "The trigger case_event_no_delete is not the one this program creates.",
    )


def test_a_trigger_of_the_tamperers_own_is_found(outlet_file):
    """One that quietly rewrites every new entry, say."""
    with _raw(outlet_file) as conn:
        conn.execute(
            "CREATE TRIGGER audit_log_quiet AFTER INSERT ON audit_log "
            "BEGIN UPDATE audit_log SET actor_id = NULL WHERE id = NEW.id; END"
        )
    assert _problems(outlet_file)["guards"] == (
        "The trigger audit_log_quiet is not one this program creates.",
    )


def test_a_search_index_out_of_step_with_its_table_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        conn.execute("DROP TRIGGER complaint_case_search_au")
        conn.execute("UPDATE complaint_case SET description = '完全不同的内容' WHERE id = 1")
        conn.execute(sqlite_features._case_search_trigger_sql()[2])
    problems = _problems(outlet_file)
    assert any("search index case_search does not match" in p for p in problems["search_indexes"])


def test_national_day_made_a_working_day_is_found(outlet_file):
    with _raw(outlet_file) as conn:  # through the triggers: the trail itself is consistent
        conn.execute("UPDATE calendar_day SET working = 1 WHERE day = ?", (NATIONAL_DAY,))
    problems = _problems(outlet_file)
    assert problems["calendar"] == (
        f"Calendar day {NATIONAL_DAY} differs from the published schedule it is marked as "
        "coming from.",
    )

    with _raw(outlet_file) as conn:  # marked as the head's own edit, which no head made
        conn.execute("UPDATE calendar_day SET source = 'manual' WHERE day = ?", (NATIONAL_DAY,))
    problems = _problems(outlet_file)
    assert problems["calendar"] == (
        f"Calendar day {NATIONAL_DAY} is marked as set by the head, but the trail names no "
        "head or acting head who set it.",
    )


def test_national_day_deleted_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        conn.execute("DELETE FROM calendar_day WHERE day = ?", (NATIONAL_DAY,))
    assert _problems(outlet_file)["calendar"] == (
        f"Calendar day {NATIONAL_DAY} of the published schedule is missing.",
    )


def test_the_heads_own_calendar_edit_passes(outlet_file):
    open_database(outlet_file)
    head = Staff.get(Staff.role == "head")
    workcalendar.set_day(dt.date(2026, 10, 1), True, "调休", actor=head)
    close_database()
    assert _problems(outlet_file) == {}


def test_a_checkpoint_signed_by_another_key_does_not_count(outlet_file, tmp_path):
    """A tamperer's own checkpoint of the shortened trail is ignored: only the data folder's
    keys sign checkpoints that count."""
    with _raw(outlet_file) as conn:
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
        forged = anchor.sign_checkpoint(conn, tmp_path / "elsewhere", reason="backup")
    target = anchor.checkpoint_folder(outlet_file.parent) / "trail-checkpoint-29991231.json"
    target.write_text(json.dumps(forged), encoding="utf-8")
    assert "shorter than its signed checkpoint" in _problems(outlet_file)["trail_anchor"][0]


def test_the_data_folders_checkpoints_deleted_the_backups_copy_still_counts(outlet_file):
    for path in anchor.checkpoint_folder(outlet_file.parent).iterdir():
        path.unlink()
    with _raw(outlet_file) as conn:
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    problem = _problems(outlet_file)["trail_anchor"][0]
    assert "shorter than its signed checkpoint" in problem


def test_work_after_the_checkpoint_and_a_restore_pass(outlet_file):
    db = open_database(outlet_file)
    older = backup.list_backups(outlet_file.parent / "backups")[0]
    head = Staff.get(Staff.role == "head")
    with trail.acting_as(head.id):
        Staff.create(
            outlet=head.outlet_id, name="新员工", employee_no="E2001", role="teller", active=True
        )
    backup.make_backup(db, outlet_file.parent / "backups", reason="manual")
    close_database()
    assert _problems(outlet_file) == {}
    backup.restore(outlet_file, older.path, safety_folder=outlet_file.parent / "backups")
    assert _problems(outlet_file) == {}
