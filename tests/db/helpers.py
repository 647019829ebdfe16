"""Shared helpers for the db tests: a valid New complaint form, row counts, refusals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from db.intake.cases import OUTCOME_AGREED, NewCase
from db.intake.validation import ValidationError
from db.store.models import Staff, database, now

COUNTED_TABLES = ("outlet", "staff", "complaint_case", "case_event", "setting")


def valid_case(owner: Staff, **changes: Any) -> NewCase:
    """A New complaint form that passes every rule; ``changes`` break or vary it."""
    received = now() - dt.timedelta(hours=1)
    fields: dict[str, Any] = dict(
        received_at=received,
        route="outlet_in_person",
        channel="onsite",
        business_type="rmb_savings",
        cause="onsite_long_wait",
        urgent_triggers=[],
        customer_name="李秀英",
        customer_phone="13812345678",
        customer_id_no="",
        remedy_requested="希望网点道歉并改进叫号",
        description="客户在柜台排队等候超过四十分钟，无人解释原因。",
        first_ask_owner_id=owner.id,
        outcome=OUTCOME_AGREED,
        settlement="",
        agreed_reply_at=received + dt.timedelta(days=1),
    )
    fields.update(changes)
    return NewCase(**fields)


def row_counts() -> dict[str, int]:
    """Rows per table, plus the rows of the full-text index (its docsize shadow table)."""
    counts = {
        table: database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        for table in COUNTED_TABLES
    }
    counts["case_search_docsize"] = database.execute_sql(
        "SELECT COUNT(*) FROM case_search_docsize"
    ).fetchone()[0]
    return counts


def assert_refused(
    call: Callable[[], object],
    field: str,
    code: str,
    message: str | None = None,
) -> ValidationError:
    """``call`` raises ValidationError naming ``field`` with ``code`` (and the English
    ``message``), and writes nothing."""
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        call()
    error = excinfo.value.for_field(field)
    assert error is not None, f"no error for {field!r}: {excinfo.value.errors}"
    assert error.code == code, excinfo.value.errors
    if message is not None:
        assert error.message == message
        assert f"{field}: {message}" in str(excinfo.value)
    assert row_counts() == before, "a refused call wrote rows"
    return excinfo.value


class Clock:
    """The wall clock of a test: ``now()`` returns ``moment``, which the test may move."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def freeze_now(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> Clock:
    """Make ``now()`` return ``moment`` in db.store.models and in every db or desktop module that
    imported it (``from db.store.models import now``), for the rest of the test; move it with
    ``clock.moment = ...`` on the Clock returned."""
    import sys

    from db.store import models

    original = models.now
    fixed = Clock(moment)

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in ("db", "desktop") and getattr(module, "now", None) is original:
            monkeypatch.setattr(module, "now", fixed)
    return fixed
