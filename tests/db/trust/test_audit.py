"""The audit trail: every write is recorded in its own transaction, chained, and checked.

Each test tries to slip a change past the trail, as a careless tool or a hostile user
with the database file would, and expects the check to name the entry where it shows."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from db.intake import cases, outlets
from db.intake.validation import ValidationError
from db.store import sqlite_features
from db.store.database import close_database, database_path, open_database
from db.store.models import AuditLog, Case, database, now
from db.trust import audit, integrity
from tests.cli_process import run_cli


@pytest.fixture
def shop(tmp_path):
    path = database_path(tmp_path / "data")
    open_database(path)
    outlet, head = outlets.setup_outlet(
        outlets.OutletSetup("城关支行营业所", "GS0101", "城关区分公司", "孙丽", "E001")
    )
    teller = outlets.add_staff(outlet, "陈晓燕", "E002", "teller")
    audit.set_session_actor(head.id)
    yield path, outlet, head, teller
    audit.set_session_actor(None)
    close_database()


def new_case(outlet, owner, **changes):
    data = cases.NewCase(
        received_at=now() - dt.timedelta(minutes=30),
        business_type="bank_cards",
        cause="onsite_long_wait",
        customer_name="李小明",
        customer_phone="13812345678",
        description="排队等候时间太长，叫号系统故障",
        first_ask_owner_id=owner.id,
        outcome="agreed",
        agreed_reply_at=now() + dt.timedelta(hours=4),
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return cases.register_case(outlet, data, actor=owner)


def entries(**where) -> list[AuditLog]:
    query = AuditLog.select().order_by(AuditLog.id)
    for key, value in where.items():
        query = query.where(getattr(AuditLog, key) == value)
    return list(query)


def test_registering_a_case_is_recorded_with_who_and_what(shop):
    _path, outlet, head, teller = shop
    before = AuditLog.select().count()
    with audit.acting_as(teller.id):
        case = new_case(outlet, teller)
    added = entries()[before:]
    tables = {(e.table_name, e.op) for e in added}
    assert ("complaint_case", "I") in tables and ("case_event", "I") in tables
    assert {e.actor_id for e in added} == {teller.id}
    inserted = next(e for e in added if e.table_name == "complaint_case" and e.op == "I")
    assert inserted.row_id == case.id
    assert json.loads(inserted.after)["customer_name"] == "李小明"
    assert inserted.before is None


def test_an_update_keeps_before_and_after(shop):
    _path, outlet, head, _teller = shop
    case = new_case(outlet, head)
    Case.update(customer_name="李晓明").where(Case.id == case.id).execute()
    last = entries(table_name="complaint_case", row_id=case.id)[-1]
    assert last.op == "U" and last.actor_id == head.id
    assert json.loads(last.before)["customer_name"] == "李小明"
    assert json.loads(last.after)["customer_name"] == "李晓明"


def test_a_refused_write_leaves_no_entry(shop):
    _path, outlet, head, _teller = shop
    before = AuditLog.select().count()
    with pytest.raises(ValidationError):
        new_case(outlet, head, customer_phone="12345")
    assert AuditLog.select().count() == before


def test_a_rolled_back_transaction_leaves_no_entry(shop):
    _path, outlet, head, _teller = shop
    before = AuditLog.select().count()
    with pytest.raises(RuntimeError):
        with database.atomic():
            new_case(outlet, head)
            raise RuntimeError("power cut, in effect")
    assert AuditLog.select().count() == before
    assert Case.select().count() == 0


def test_the_chain_verifies_after_ordinary_work(shop):
    _path, outlet, head, teller = shop
    for owner in (head, teller, head):
        new_case(outlet, owner)
    report = audit.verify_trail()
    assert report.ok, report.problems
    assert report.entries == AuditLog.select().count() > 0
    assert report.rows_checked > 0
    first, second = entries()[:2]
    assert first.prev_hash == "" and second.prev_hash == first.hash


@pytest.mark.attack("trail")
def test_a_plain_sqlite3_shell_cannot_write_an_audited_table(shop):
    path, outlet, head, _teller = shop
    case = new_case(outlet, head)
    close_database()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError, match="cd_actor"):
        conn.execute("UPDATE complaint_case SET customer_name = '王五' WHERE id = ?", (case.id,))
    conn.close()
    open_database(path)
    assert Case.get_by_id(case.id).customer_name == "李小明"


def _tamper(path, *statements):
    """Change the file as someone who drops the triggers first would."""
    close_database()
    conn = sqlite3.connect(path)
    for sql, params in statements:
        conn.execute(sql, params)
    conn.commit()
    conn.close()
    open_database(path, apply_migrations=False)


@pytest.mark.attack("trail")
def test_a_row_edited_behind_the_apps_back_is_named(shop):
    path, outlet, head, _teller = shop
    first = new_case(outlet, head)
    second = new_case(outlet, head)
    latest = entries(table_name="complaint_case", row_id=second.id)[-1]
    _tamper(
        path,
        ("DROP TRIGGER audit_complaint_case_update", ()),
        ("DROP TRIGGER complaint_case_grams_au", ()),
        ("UPDATE complaint_case SET customer_name = '王五' WHERE id = ?", (second.id,)),
    )
    report = audit.verify_trail()
    assert not report.ok
    problem = report.first_problem
    assert (problem.entry_id, problem.table, problem.row_id) == (
        latest.id,
        "complaint_case",
        second.id,
    )
    assert "changed without a trail entry" in problem.reason
    # The untouched case is not blamed.
    assert all(p.row_id != first.id for p in report.problems)
    # The program's own check reports it too, and reopening rebuilds the dropped trigger.
    check = integrity.check_database(database.obj)
    assert not check.ok and f"audit entry {latest.id}" in check.first_problem
    close_database()
    open_database(path)
    assert sqlite_features.sync_audit_triggers(database.obj) == 0


@pytest.mark.attack("trail")
def test_an_edited_trail_entry_breaks_the_chain_there(shop):
    path, outlet, head, _teller = shop
    new_case(outlet, head)
    target = entries()[3]
    forged = json.loads(target.after)
    forged["note"] = "改过的"
    _tamper(path, ("UPDATE audit_log SET after = ? WHERE id = ?", (json.dumps(forged), target.id)))
    report = audit.verify_trail()
    assert report.first_problem.entry_id == target.id
    assert "content was changed" in report.first_problem.reason


@pytest.mark.attack("trail")
def test_a_removed_trail_entry_is_found_at_the_next_one(shop):
    path, outlet, head, _teller = shop
    new_case(outlet, head)
    removed, following = entries()[2:4]
    _tamper(path, ("DELETE FROM audit_log WHERE id = ?", (removed.id,)))
    report = audit.verify_trail()
    assert report.first_problem.entry_id == following.id
    assert "does not follow" in report.first_problem.reason


def test_a_new_column_is_audited_after_the_next_open(shop):
    path, _outlet, _head, _teller = shop
    close_database()
    conn = sqlite_features.connect_plain(path)
    conn.execute("ALTER TABLE outlet ADD COLUMN phone TEXT DEFAULT ''")
    conn.commit()
    conn.close()
    db = open_database(path)
    sql = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'audit_outlet_update'"
    ).fetchone()[0]
    assert "'phone', NEW.\"phone\"" in sql
    db.execute_sql("UPDATE outlet SET phone = '0931-1234567'")
    assert json.loads(entries(table_name="outlet")[-1].after)["phone"] == "0931-1234567"
    assert audit.verify_trail().ok


def test_case_history_lists_the_case_and_its_events(shop):
    _path, outlet, head, _teller = shop
    case = new_case(outlet, head)
    other = new_case(outlet, head)
    history = audit.case_history(case.id)
    assert history and all(
        e.row_id == case.id
        if e.table == "complaint_case"
        else (e.after or e.before)["case_id"] == case.id
        for e in history
    )
    assert {e.table for e in history} >= {"complaint_case", "case_event"}
    assert all(e.actor_name == "孙丽" for e in history)
    assert not any(e.table == "complaint_case" and e.row_id == other.id for e in history)


@pytest.mark.attack("trail")
def test_the_check_command_names_the_entry(shop, tmp_path):
    path, outlet, head, _teller = shop
    case = new_case(outlet, head)
    latest = entries(table_name="complaint_case", row_id=case.id)[-1]
    _tamper(
        path,
        ("DROP TRIGGER audit_complaint_case_update", ()),
        ("DROP TRIGGER complaint_case_grams_au", ()),
        ("UPDATE complaint_case SET description = '改过' WHERE id = ?", (case.id,)),
    )
    close_database()
    result = run_cli("check", "--data-dir", str(path.parent), timeout=60)
    assert result.returncode == 1
    assert f"audit entry {latest.id}" in result.stdout + result.stderr
    open_database(path, apply_migrations=False)


def test_rows_loaded_in_bulk_get_the_entries_the_triggers_would_write(shop):
    """A bulk load (demo data) suspends a table's triggers and writes the entries itself
    (audit.record_inserts): the same entries, chained the same way, verified like any."""
    _path, outlet, head, _teller = shop
    case = new_case(outlet, head)
    db = database.obj

    # One moment for every note, so both ways write the same rows whenever the second turns.
    at = now().replace(microsecond=0)

    def add_notes() -> list[int]:
        return [
            cases.add_event(
                case, "note", actor=head, at=at, note=f'第{i}次"跟进"\\\n', data={"n": i}
            ).id
            for i in range(3)
        ]

    with database.atomic():
        by_trigger = add_notes()
    with sqlite_features.audit_suspended(db, ["case_event"]), database.atomic():
        in_bulk = add_notes()
        assert not entries(table_name="case_event", row_id=in_bulk[0])
        assert audit.record_inserts(db, "case_event", in_bulk[0], in_bulk[-1]) == 3

    def entry(row_id: int) -> tuple:
        (e,) = entries(table_name="case_event", row_id=row_id)
        after = json.loads(e.after)
        assert after.pop("id") == row_id
        return (e.actor_id, e.op, e.before, after, len(e.at), e.at[:10])

    for trigger_row, bulk_row in zip(by_trigger, in_bulk, strict=True):
        assert entry(bulk_row) == entry(trigger_row)
    assert audit.verify_trail().problems == []
    # The triggers are back: a later write is recorded by them again.
    later = add_notes()
    assert entries(table_name="case_event", row_id=later[0])
    assert audit.verify_trail().problems == []


def test_the_bulk_hasher_computes_the_entry_hash():
    after = json.dumps({"note": '客户称"多记"了\\钱\n', "x": None, "n": 3}, ensure_ascii=False)
    for actor in (None, 12):
        digest = audit.insert_hasher("2026-03-16 15:00:00.123", actor, "case_event")
        for prev in ("", "ab" * 32):
            assert digest(prev, 7, after) == audit.entry_hash(
                prev, "2026-03-16 15:00:00.123", actor, "case_event", "I", 7, None, after
            )
