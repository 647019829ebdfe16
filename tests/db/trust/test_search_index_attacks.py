"""Both search indexes against someone who edits the file with sqlite3: a row of either
index changed, deleted, added or exchanged with another's, and a case changed behind the
indexes' triggers, are each found by ``complaint-desk check``'s search-index check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.store import sqlite_features
from db.store.sqlite_features import GRAMS_TABLE, SEARCH_TABLE, grams
from tests.db.trust.test_trail_attacks import _problems, _raw, outlet_file, registry

__all__ = ["outlet_file", "registry"]
pytestmark = pytest.mark.attack("trail")

GRAMS_MISMATCH = f"The search index {GRAMS_TABLE} does not match its table"
TRIGRAM_MISMATCH = f"The search index {SEARCH_TABLE} does not match its table"


def _text(conn: sqlite3.Connection, case_id: int) -> tuple[str, str, str]:
    return conn.execute(
        "SELECT case_no, customer_name, description FROM complaint_case WHERE id = ?", (case_id,)
    ).fetchone()


def _grams_of(conn: sqlite3.Connection, case_id: int) -> str:
    return grams(" ".join(_text(conn, case_id)))


def _delete_grams(conn: sqlite3.Connection, case_id: int, text: str) -> None:
    conn.execute(
        f"INSERT INTO {GRAMS_TABLE}({GRAMS_TABLE}, rowid, grams) VALUES ('delete', ?, ?)",
        (case_id, text),
    )


def _insert_grams(conn: sqlite3.Connection, case_id: int, text: str) -> None:
    conn.execute(f"INSERT INTO {GRAMS_TABLE}(rowid, grams) VALUES (?, ?)", (case_id, text))


def _search_problems(path: Path) -> tuple[str, ...]:
    return _problems(path).get("search_indexes", ())


def test_a_sound_database_has_both_indexes_in_step(outlet_file):
    assert _search_problems(outlet_file) == ()


def test_a_row_deleted_from_the_grams_index_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        _delete_grams(conn, 3, _grams_of(conn, 3))
    (problem,) = _search_problems(outlet_file)
    assert problem.startswith(GRAMS_MISMATCH)


def test_a_grams_row_flipped_to_another_cases_text_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        _delete_grams(conn, 3, _grams_of(conn, 3))
        _insert_grams(conn, 3, _grams_of(conn, 4))
    (problem,) = _search_problems(outlet_file)
    assert problem.startswith(GRAMS_MISMATCH)


def test_two_cases_grams_exchanged_are_found(outlet_file):
    """Every term then counts as many cases as before: only which cases differs."""
    with _raw(outlet_file) as conn:
        three, four = _grams_of(conn, 3), _grams_of(conn, 4)
        for case_id, text in ((3, three), (4, four)):
            _delete_grams(conn, case_id, text)
        _insert_grams(conn, 3, four)
        _insert_grams(conn, 4, three)
    (problem,) = _search_problems(outlet_file)
    assert problem.startswith(GRAMS_MISMATCH)


def test_a_grams_row_added_for_a_case_that_does_not_exist_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        _insert_grams(conn, 9999, grams("张三 投诉"))
    (problem,) = _search_problems(outlet_file)
    assert problem.startswith(GRAMS_MISMATCH)


def test_a_row_deleted_from_the_trigram_index_is_found(outlet_file):
    with _raw(outlet_file) as conn:
        conn.execute(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, case_no, customer_name, "
            "description) VALUES ('delete', 5, ?, ?, ?)",
            _text(conn, 5),
        )
    problems = _search_problems(outlet_file)
    assert any(p.startswith(TRIGRAM_MISMATCH) for p in problems), problems


def test_a_case_changed_behind_both_indexes_is_found_in_both(outlet_file):
    with _raw(outlet_file) as conn:
        conn.execute("DROP TRIGGER complaint_case_search_au")
        conn.execute(f"DROP TRIGGER {sqlite_features.GRAMS_TRIGGERS[2]}")
        conn.execute("UPDATE complaint_case SET customer_name = '欧阳修' WHERE id = 2")
        conn.execute(sqlite_features._case_search_trigger_sql()[2])
        conn.execute(sqlite_features._grams_trigger_sql()[2])
    problems = _search_problems(outlet_file)
    assert any(p.startswith(TRIGRAM_MISMATCH) for p in problems), problems
    assert any(p.startswith(GRAMS_MISMATCH) for p in problems), problems


def test_the_check_writes_nothing_to_the_database(outlet_file):
    before = outlet_file.read_bytes()
    assert _search_problems(outlet_file) == ()
    assert outlet_file.read_bytes() == before
