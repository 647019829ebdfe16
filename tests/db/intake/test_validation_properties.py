"""Property tests: whatever text a user types, registration either stores it exactly
(after the documented trimming, validation.clean_text) or refuses it with a
ValidationError and writes nothing. No other exception, ever."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.intake import cases
from db.intake.cases import register_case, validate_new_case
from db.intake.validation import (
    MAX_DESCRIPTION,
    MAX_NAME,
    MIN_DESCRIPTION,
    ValidationError,
    clean_text,
    has_control_chars,
    is_valid_id_no,
    is_valid_phone,
    normalize_phone,
)
from db.store.models import Case, database, now
from tests.db.helpers import row_counts, valid_case

# Characters that tend to break things, mixed into otherwise arbitrary text.
AWKWARD = [
    "\x00", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f", "\x85",
    "\u00a0", "\u2028", "\u2029", "\u200b", "\u200f", "\u202e", "\u3000", "\ufeff",
    "\ud800", "\udfff", "'", '"', "%", "_", "\\", ";", "--", "投", "诉", "𠀀", "𪚥",
    "😀", "👨‍👩‍👧", "ا", "ש", "Ｘ", "ｶ",
]  # fmt: skip

any_char = st.characters(exclude_categories=())  # surrogates and controls included
text = st.lists(st.one_of(any_char, st.sampled_from(AWKWARD)), max_size=60).map("".join)
near_limit = st.text(
    alphabet=st.sampled_from(["投", "a", " ", "𠀀", "\n"]), min_size=45, max_size=56
)

PROPERTY_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _register_or_refuse(outlet, head, field: str, value: str) -> Case | None:
    """Register with one field set to ``value``; check the outcome either way."""
    before = row_counts()
    try:
        case = register_case(outlet, valid_case(head, **{field: value}), actor=head)
    except ValidationError as exc:
        assert [e.field for e in exc.errors] == [field], exc.errors
        assert exc.errors[0].message  # every code has an English message
        assert row_counts() == before
        return None
    after = row_counts()
    assert after["complaint_case"] == before["complaint_case"] + 1
    return Case.get_by_id(case.id)


@PROPERTY_SETTINGS
@given(name=st.one_of(text, near_limit))
def test_customer_name_round_trips_or_is_refused(outlet, head, name):
    stored = _register_or_refuse(outlet, head, "customer_name", name)
    expected = clean_text(name)
    if stored is None:
        assert not expected or len(expected) > MAX_NAME or has_control_chars(expected)
        return
    assert stored.customer_name == expected
    assert 0 < len(expected) <= MAX_NAME and not has_control_chars(expected)
    assert "\n" not in stored.customer_name
    raw = database.execute_sql(
        "SELECT customer_name FROM complaint_case WHERE id = ?", (stored.id,)
    ).fetchone()[0]
    assert raw == expected


@PROPERTY_SETTINGS
@given(description=st.one_of(text, near_limit, st.text(min_size=1990, max_size=2010)))
def test_description_round_trips_or_is_refused(outlet, head, description):
    stored = _register_or_refuse(outlet, head, "description", description)
    expected = clean_text(description, multiline=True)
    if stored is None:
        assert not (MIN_DESCRIPTION <= len(expected) <= MAX_DESCRIPTION) or has_control_chars(
            expected, multiline=True
        )
        return
    assert stored.description == expected
    assert "\r" not in stored.description


@settings(max_examples=100, deadline=None)
@given(
    name=text,
    phone=text,
    id_no=text,
    remedy=text,
    description=text,
    settlement=text,
    outcome=st.sampled_from([cases.OUTCOME_SETTLED, cases.OUTCOME_AGREED, "", "x"]),
    triggers=st.lists(st.one_of(st.sampled_from(["funds_at_risk", "media_exposure"]), text)),
)
def test_validation_never_raises(
    name, phone, id_no, remedy, description, settlement, outcome, triggers
):
    """The pure form check answers with a list of FieldErrors for any input at all."""
    at = now()
    data = cases.NewCase(
        received_at=at - dt.timedelta(hours=1),
        business_type="rmb_savings",
        cause="other",
        urgent_triggers=triggers,
        customer_name=name,
        customer_phone=phone,
        customer_id_no=id_no,
        remedy_requested=remedy,
        description=description,
        first_ask_owner_id=1,
        outcome=outcome,
        settlement=settlement,
        agreed_reply_at=at,
    )
    errors = validate_new_case(data, at)
    assert all(e.message for e in errors)
    assert len({e.field for e in errors}) == len(errors)


@settings(max_examples=100, deadline=None)
@given(value=text)
def test_text_helpers_never_raise(value):
    cleaned = clean_text(value)
    assert clean_text(cleaned) == cleaned
    assert clean_text(value, multiline=True) == clean_text(
        clean_text(value, multiline=True), multiline=True
    )
    assert "\r" not in clean_text(value, multiline=True)
    is_valid_phone(value)
    is_valid_id_no(value)
    assert isinstance(normalize_phone(value), str)
