"""The deadline windows: overdue, due today, due by tonight, near breach (and near breach
but due after today).

Each window is defined once, as a few bounds on a deadline (and, for the near-breach
windows, on the moment the deadline enters its breach-warning share) against ``at`` or
against tonight, the midnight that ends ``at``'s day. The one definition yields the SQL text
of the case list's hand-written statements, the peewee expression of the named queries and
the Python test of a row already read, so the list, the counts, the Today bar and the
colours cannot disagree about a case at the edge of a window.

At ``at`` exactly, a deadline is not yet overdue: it is due today and, past its warning
point, near breach. A deadline at midnight belongs to the day it begins.

A window says nothing about whether the thing is still pending: a case is while
``is_open``, a work order until it is replied to, a callback until it is made, a clock while
it runs. The caller adds that condition. A missing deadline or warning moment (NULL) is in
no window, in SQL and in Python alike.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peewee import Expression, Field

from db.store.models import Case

DEADLINE = "deadline"
WARN = "warn"

NOW = "now"
TONIGHT = "tonight"

_COMPARE: dict[str, Callable] = {"<": operator.lt, "<=": operator.le, ">=": operator.ge}


def tonight(at: dt.datetime) -> dt.datetime:
    """The midnight that ends ``at``'s day (the first moment of the next day)."""
    return dt.datetime.combine(at.date(), dt.time()) + dt.timedelta(days=1)


def _sql_time(value: dt.datetime) -> str:
    """A moment bound as the text SQLite stores a DateTimeField as (what peewee sends)."""
    return value.isoformat(" ")


@dataclass(frozen=True)
class Bound:
    """``subject`` (DEADLINE or WARN) ``op`` (<, <=, >=) ``anchor`` (NOW or TONIGHT)."""

    subject: str
    op: str
    anchor: str

    def instant(self, at: dt.datetime) -> dt.datetime:
        return at if self.anchor == NOW else tonight(at)


@dataclass(frozen=True)
class Window:
    """A slice of the deadline timeline, as SQL, as a peewee expression and in Python."""

    name: str
    bounds: tuple[Bound, ...]

    @property
    def uses_warning(self) -> bool:
        return any(b.subject == WARN for b in self.bounds)

    def holds(
        self, deadline: dt.datetime | None, at: dt.datetime, warn_at: dt.datetime | None = None
    ) -> bool:
        """Whether a deadline (with its warning moment) lies in the window at ``at``."""
        values = {DEADLINE: deadline, WARN: warn_at}
        for bound in self.bounds:
            value = values[bound.subject]
            if value is None or not _COMPARE[bound.op](value, bound.instant(at)):
                return False
        return True

    def expression(
        self, at: dt.datetime, deadline: Field = Case.due_at, warn: Field | None = Case.warn_at
    ) -> Expression:
        """The window as a peewee condition on the ``deadline`` and ``warn`` columns
        (a case's ``due_at`` and ``warn_at`` unless told)."""
        if warn is None and self.uses_warning:
            raise ValueError(f"window {self.name} needs the warning moment's column")
        fields = {DEADLINE: deadline, WARN: warn}
        return functools.reduce(
            operator.and_,
            (_COMPARE[b.op](fields[b.subject], b.instant(at)) for b in self.bounds),
        )

    def deadline_expression(self, at: dt.datetime, deadline: Field) -> Expression:
        """Only the window's bounds on the deadline: what SQL can narrow by where the
        warning moment is worked out after reading (a work order's); ``holds`` decides."""
        return functools.reduce(
            operator.and_,
            (_COMPARE[b.op](deadline, b.instant(at)) for b in self.bounds if b.subject == DEADLINE),
        )

    def sql(
        self,
        at: dt.datetime,
        alias: str = "c",
        *,
        deadline: str = "due_at",
        warn: str = "warn_at",
    ) -> tuple[str, list[str]]:
        """The window as SQL text with bound parameters, on the table alias ``alias``."""
        columns = {DEADLINE: deadline, WARN: warn}
        text = " AND ".join(f"{alias}.{columns[b.subject]} {b.op} ?" for b in self.bounds)
        return text, [_sql_time(b.instant(at)) for b in self.bounds]


def any_sql(windows: Iterable[Window], at: dt.datetime, alias: str = "c") -> tuple[str, list]:
    """The union of ``windows`` as SQL text (each window in brackets, joined by OR)."""
    parts = [w.sql(at, alias) for w in windows]
    if len(parts) == 1:
        return parts[0]
    return " OR ".join(f"({text})" for text, _ in parts), [p for _, ps in parts for p in ps]


# Open and past the deadline.
OVERDUE = Window("overdue", (Bound(DEADLINE, "<", NOW),))
# Still to come today; one that passed earlier today is overdue, not due today.
DUE_TODAY = Window("due_today", (Bound(DEADLINE, ">=", NOW), Bound(DEADLINE, "<", TONIGHT)))
# Overdue or due today: everything owed by tonight (what the program opens on).
DUE_BY_TONIGHT = Window("due_by_tonight", (Bound(DEADLINE, "<", TONIGHT),))
# Past the breach-warning share of its time (rule breach_warning_share), not yet overdue.
NEAR_BREACH = Window("near_breach", (Bound(WARN, "<=", NOW), Bound(DEADLINE, ">=", NOW)))
# Near breach but due after today: the ones not already counted as due today.
NEAR_BREACH_LATER = Window(
    "near_breach_later", (Bound(WARN, "<=", NOW), Bound(DEADLINE, ">=", TONIGHT))
)

WINDOWS = (OVERDUE, DUE_TODAY, DUE_BY_TONIGHT, NEAR_BREACH, NEAR_BREACH_LATER)
