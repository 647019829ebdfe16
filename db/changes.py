"""What a write changed, so that each view can tell whether it shows any of it.

Every write the program makes through its windows runs as an operation that reports a
``Changes`` value: the kinds of data it touched and, for complaints, which ones when that is
known. The GUI carries the value to every view on one signal; each view compares it with
what it shows and redraws, re-queries or does nothing. The value is plain data, free of Qt,
so the rules and the command line could report it too.

A kind names what was written, not who is expected to care: a rule setting is
``SETTINGS``, and because a time limit moves the deadlines of open complaints it is also
``DEADLINES``. Views then look for ``DEADLINES`` alone, whatever moved them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Kind(enum.StrEnum):
    """What a write may change."""

    CASES = "cases"  # complaints: fields, status, timeline, clocks, callbacks, findings
    WORK_ORDERS = "work_orders"
    DEADLINES = "deadlines"  # due times of every open complaint (rules, calendar)
    STAFF = "staff"  # the roster: names, roles, active or not
    ACTING_HEAD = "acting_head"  # acting-head spans (Art. 8)
    ACCOUNTS = "accounts"  # passwords and logins
    SETTINGS = "settings"  # rule settings, penalty scale, backups, training interval
    CALENDAR = "calendar"  # the working-day calendar
    TARGETS = "targets"
    TRAINING = "training"
    DISPUTES = "disputes"
    SUGGESTIONS = "suggestions"
    PENALTIES = "penalties"
    AUDIT = "audit"  # only the audit trail (a reveal of customer data is recorded there)


ALL_KINDS: frozenset[Kind] = frozenset(Kind)


@dataclass(frozen=True)
class Changes:
    """The kinds of data an operation changed.

    ``case_ids`` names the complaints changed (``CASES`` or ``AUDIT``) when they are known;
    None means any complaint may have changed. Values combine with ``|``.
    """

    kinds: frozenset[Kind] = frozenset()
    case_ids: frozenset[int] | None = frozenset()

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        """Changes of ``kinds``; complaints among them are "any complaint"."""
        touches_cases = Kind.CASES in kinds or Kind.AUDIT in kinds
        return cls(frozenset(kinds), None if touches_cases else frozenset())

    @classmethod
    def cases(cls, *case_ids: int | None, also: Iterable[Kind] = ()) -> Changes:
        """These complaints changed (ids that are None are left out), with ``also``."""
        ids = frozenset(i for i in case_ids if i is not None)
        return cls(frozenset({Kind.CASES, *also}), ids)

    @classmethod
    def audit(cls, case_id: int) -> Changes:
        """Only the audit trail of one complaint grew (e.g. a reveal was recorded)."""
        return cls(frozenset({Kind.AUDIT}), frozenset({case_id}))

    @classmethod
    def everything(cls) -> Changes:
        """Anything may have changed: every view re-queries (View → Refresh, F5)."""
        return cls(ALL_KINDS, None)

    @property
    def is_everything(self) -> bool:
        return self.kinds == ALL_KINDS and self.case_ids is None

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        ids = (
            None
            if self.case_ids is None or other.case_ids is None
            else self.case_ids | other.case_ids
        )
        return Changes(self.kinds | other.kinds, ids)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, *kinds: Kind) -> bool:
        """Whether any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def touches_case(self, case_id: int | None) -> bool:
        """Whether complaint ``case_id`` changed (its data, not only its audit trail)."""
        if case_id is None or Kind.CASES not in self.kinds:
            return False
        return self.case_ids is None or case_id in self.case_ids

    def touches_trail_of(self, case_id: int | None) -> bool:
        """Whether the audit trail of ``case_id`` grew: any change of it does that."""
        if case_id is None or not self.touches(Kind.CASES, Kind.AUDIT):
            return False
        return self.case_ids is None or case_id in self.case_ids
