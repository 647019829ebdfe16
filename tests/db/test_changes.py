"""The Changes value an operation reports: kinds, which complaints, and how they combine."""

from __future__ import annotations

import pytest

from db.changes import ALL_KINDS, Changes, Kind


def test_a_case_change_names_its_complaints_and_nothing_else():
    changes = Changes.cases(3, 5)
    assert changes.touches(Kind.CASES) and not changes.touches(Kind.WORK_ORDERS)
    assert changes.touches_case(3) and changes.touches_case(5)
    assert not changes.touches_case(4) and not changes.touches_case(None)


def test_unknown_ids_are_left_out_and_also_adds_kinds():
    changes = Changes.cases(None, 7, also=(Kind.WORK_ORDERS,))
    assert changes.case_ids == frozenset({7})
    assert changes.touches(Kind.WORK_ORDERS)


def test_kinds_of_complaints_without_ids_mean_any_complaint():
    assert Changes.of(Kind.CASES).touches_case(12345)
    assert not Changes.of(Kind.STAFF).touches_case(1)


def test_union_keeps_every_kind_and_widens_to_any_complaint():
    named = Changes.cases(1) | Changes.of(Kind.STAFF)
    assert named.kinds == {Kind.CASES, Kind.STAFF} and named.case_ids == {1}
    assert (Changes.cases(1) | Changes.cases(2)).case_ids == {1, 2}
    wide = Changes.cases(1) | Changes.of(Kind.CASES)
    assert wide.case_ids is None and wide.touches_case(99)


def test_an_audit_entry_is_not_a_change_of_the_complaint():
    reveal = Changes.audit(4)
    assert not reveal.touches_case(4) and not reveal.touches(Kind.CASES)
    assert reveal.touches_trail_of(4) and not reveal.touches_trail_of(5)
    assert Changes.cases(4).touches_trail_of(4)  # any change of a case is in its trail


def test_everything_touches_every_kind_and_every_complaint():
    everything = Changes.everything()
    assert everything.is_everything and everything.kinds == ALL_KINDS
    assert everything.touches_case(1) and everything.touches(*Kind)
    assert not Changes.of(Kind.CASES).is_everything
    assert not Changes(ALL_KINDS, frozenset({1})).is_everything  # only complaint 1


def test_nothing_is_falsy_and_the_value_is_frozen():
    assert not Changes() and Changes.of(Kind.TARGETS)
    with pytest.raises(AttributeError):
        Changes.of(Kind.TARGETS).kinds = frozenset()  # type: ignore[misc]
    assert Changes.cases(1) == Changes.cases(1) and hash(Changes.cases(1))
