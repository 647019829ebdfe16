"""Checks and writes shared by every action on a case (workflow, decisions, callbacks,
work orders, repeats).

Each check raises :class:`db.errors.WorkflowError` before anything is written; the writes
are meant to run inside the caller's ``database.atomic()`` block, so a refusal later in
the same action rolls them back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from peewee import Model

from db.errors import Refusals, WorkflowError
from db.handling import deadlines
from db.intake.cases import add_event
from db.intake.validation import FUTURE_TOLERANCE, clean_text, has_control_chars, in_range
from db.store.models import Case, CaseEvent, Staff, now, to_second

MAX_TEXT = 2000
MAX_SHORT = 100

M = TypeVar("M", bound=Model)
T = TypeVar("T")


def moment(at: dt.datetime | None, case: Case | None = None, field: str = "at") -> dt.datetime:
    """When something happened: default now, to the second; not in the future, and not
    before the complaint was received."""
    value = to_second(at)
    if value > now() + FUTURE_TOLERANCE:
        raise WorkflowError("in_future", field=field)
    in_range(value, field)
    if case is not None and value < case.received_at:
        raise WorkflowError("before_received", field=field)
    return value


def text(value: str | None, field: str, *, required: bool = True, max_len: int = MAX_TEXT) -> str:
    """Cleaned free text (Art. 9: write down what happened); required unless told."""
    cleaned = clean_text(value, multiline=True)
    if not cleaned:
        if required:
            raise WorkflowError("text_required", field=field)
        return ""
    if has_control_chars(cleaned, multiline=True):
        raise WorkflowError("control_chars", field=field)
    if len(cleaned) > max_len:
        raise WorkflowError("text_too_long", field=field, max=max_len)
    return cleaned


def known(value: str, vocabulary: dict[str, str], field: str) -> str:
    """``value`` if it is a code of ``vocabulary``; nothing chosen reads as "required"."""
    if not value:
        raise WorkflowError("text_required", field=field)
    if value not in vocabulary:
        raise WorkflowError("unknown_code", value=value, field=field)
    return value


class Checks(Refusals):
    """The field checks of one action, all run before it refuses (``Refusals``): the
    free-text, time and code checks above, each noting its refusal instead of raising."""

    def text(self, value: str | None, field: str, **kwargs: Any) -> str:
        cleaned = self.run(text, value, field, **kwargs)
        return cleaned if cleaned is not None else ""

    def moment(
        self, at: dt.datetime | None, case: Case | None = None, field: str = "at"
    ) -> dt.datetime:
        checked = self.run(moment, at, case, field)
        return checked if checked is not None else to_second(at)

    def in_range(
        self, value: dt.datetime | dt.date, field: str, at: dt.datetime | None = None
    ) -> None:
        self.run(in_range, value, field, at)

    def known(self, value: str, vocabulary: dict[str, str], field: str) -> str:
        self.run(known, value, vocabulary, field)
        return value


def staff_of(case: Case, staff: Staff | None) -> Staff:
    """The stored staff row, if it is active staff of the case's outlet."""
    if staff is None:
        raise WorkflowError("inactive_staff", name="(nobody)")
    fresh = Staff.get_or_none(Staff.id == staff.id)
    if fresh is None or not fresh.active:
        raise WorkflowError("inactive_staff", name=staff.name)
    if fresh.outlet_id != case.outlet_id:
        raise WorkflowError("wrong_outlet")
    return fresh


def load(case: Case) -> Case:
    """The case as stored: actions never trust a caller's possibly stale instance."""
    return Case.get_by_id(case.id)


def sync(target: M, source: M) -> M:
    """Copy the committed row into the caller's instance, so the GUI sees the change."""
    target.__data__.update(source.__data__)
    target._dirty.clear()  # type: ignore[attr-defined]  # peewee's set of changed fields
    return target


def record(
    case: Case,
    kind: str,
    *,
    actor: Staff,
    at: dt.datetime,
    note: str = "",
    data: dict | None = None,
    updates: dict | None = None,
) -> CaseEvent:
    """An event without a status change (a fact such as first contact), the case fields it
    changes, and the recomputed deadlines."""
    values = dict(updates or {})
    values["updated_at"] = now()
    Case.update(**values).where(Case.id == case.id).execute()
    for name, value in values.items():
        setattr(case, name, value)
    event = add_event(case, kind, actor=actor, at=at, note=note, data=data or {})
    deadlines.refresh_case_deadlines(case, at)
    return event
