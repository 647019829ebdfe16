"""The SQLite-only helpers: search index upkeep, bulk loading, backup, integrity checks."""

from __future__ import annotations

import sqlite3

import pytest
from peewee import IntegrityError

from db.intake import cases
from db.intake.queries import CaseFilter, case_count
from db.store import sqlite_features
from db.store.models import Case, database
from tests.db.helpers import valid_case

TRIGGERS = {"complaint_case_search_ai", "complaint_case_search_ad", "complaint_case_search_au"}


def _triggers() -> set[str]:
    rows = database.execute_sql("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall()
    return {r[0] for r in rows}


def test_trigram_available_on_this_sqlite():
    # Debian 12 ships 3.40; the search tests below rely on the trigram tokenizer.
    assert sqlite_features.trigram_supported()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("存折挂失", '"存折挂失"'),
        ('说"马上办"', '"说""马上办"""'),
        ("a*b", '"a*b"'),
    ],
)
def test_search_match_sql_quotes_the_phrase(text, phrase):
    sql, params = sqlite_features.search_match_sql(text)
    assert sqlite_features.SEARCH_TABLE in sql and "?" in sql
    assert params == [phrase]


@pytest.mark.parametrize("text", ["存", "存折", "ab"])
def test_short_text_is_not_for_the_index(text):
    assert sqlite_features.search_match_sql(text) is None


def test_bulk_load_suspends_and_restores_search_triggers(sqlite_db, outlet, head):
    cases.register_case(outlet, valid_case(head, description="批量导入之前的投诉记录"), actor=head)
    with sqlite_features.bulk_load(sqlite_db):
        assert not (TRIGGERS & _triggers())
        with database.atomic():
            for n in range(3):
                cases.register_case(
                    outlet, valid_case(head, description=f"批量导入的第{n}条投诉"), actor=head
                )
    assert TRIGGERS <= _triggers()
    # The index was rebuilt once at the end and holds every case.
    assert case_count(CaseFilter(search="批量导入"), at=cases.now()) == 4
    assert case_count(CaseFilter(search="批量导入的第"), at=cases.now()) == 3


def test_bulk_load_restores_triggers_after_a_failure(sqlite_db, outlet, head):
    with pytest.raises(RuntimeError):
        with sqlite_features.bulk_load(sqlite_db):
            assert not (TRIGGERS & _triggers())
            raise RuntimeError("import failed")
    assert TRIGGERS <= _triggers()
    cases.register_case(outlet, valid_case(head, description="失败之后登记的投诉"), actor=head)
    assert case_count(CaseFilter(search="失败之后"), at=cases.now()) == 1


def test_backup_is_a_consistent_copy(sqlite_db, outlet, head, tmp_path):
    cases.register_case(outlet, valid_case(head), actor=head)
    target = sqlite_features.backup_to(sqlite_db, tmp_path / "copies" / "b.sqlite3")
    con = sqlite3.connect(str(target))
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("SELECT case_no FROM complaint_case").fetchall() == [
            (Case.get().case_no,)
        ]
    finally:
        con.close()


def test_integrity_problems_reports_broken_links(sqlite_db, outlet, head):
    assert sqlite_features.integrity_problems(sqlite_db) == []
    # Simulate a file written without foreign keys enforced (another tool, an old bug).
    sqlite_db.pragma("foreign_keys", 0)
    try:
        sqlite_db.execute_sql(
            "INSERT INTO staff (outlet_id, name, employee_no, role, active)"
            " VALUES (999, '幽灵', 'X9', 'teller', 1)"
        )
    finally:
        sqlite_db.pragma("foreign_keys", 1)
    problems = sqlite_features.integrity_problems(sqlite_db)
    assert len(problems) == 1 and "staff" in problems[0]
    with pytest.raises(IntegrityError):
        sqlite_db.execute_sql(
            "INSERT INTO staff (outlet_id, name, employee_no, role, active)"
            " VALUES (998, '幽灵二', 'X8', 'teller', 1)"
        )


def test_helpers_accept_the_model_database_proxy(sqlite_db, outlet, head):
    assert sqlite_features.search_index_present(database)
    with sqlite_features.bulk_load(database):
        assert not (TRIGGERS & _triggers())
