"""Which days are working days: the official calendar as stored, read-only.

The schedule is kept in the ``calendar_day`` table as exceptions to the Monday-to-Friday
week, and a year counts as covered once its ``calendar_year`` row is complete; the
deadlines count with :func:`current`. Editing the calendar (db/handling/workcalendar.py)
recomputes those deadlines, so it lives above them; this module sits below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from db.store.models import CalendarDay, CalendarYear, database


class WorkCalendar:
    """An immutable view of the calendar: which days are working days."""

    def __init__(self, exceptions: Mapping[dt.date, bool], covered_years: Iterable[int]):
        self._exceptions = dict(exceptions)
        self.covered_years = frozenset(covered_years)

    @classmethod
    def from_package(cls) -> WorkCalendar:
        """Straight from chinese_calendar, without the database (for tests and seeding)."""
        days, years = package_schedule()
        return cls({d: working for d, (working, _name) in days.items()}, years)

    def is_working_day(self, day: dt.date) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        working = self._exceptions.get(day)
        if working is not None:
            return working
        return day.weekday() < 5

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        while count:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        return sum(
            1
            for n in range(1, (end - start).days + 1)
            if self.is_working_day(start + dt.timedelta(days=n))
        )

    def uncovered(self, years: Iterable[int]) -> tuple[int, ...]:
        """Those of ``years`` whose official schedule is not known, sorted."""
        return tuple(sorted({y for y in years if y not in self.covered_years}))

    def changed_days(self, other: WorkCalendar) -> list[dt.date]:
        """The days that are working days in one calendar and not in the other, sorted."""
        days = set(self._exceptions) | set(other._exceptions)
        return sorted(d for d in days if self.is_working_day(d) != other.is_working_day(d))


@dataclass(frozen=True)
class CalendarEntry:
    day: dt.date
    working: bool
    name: str
    source: str


def package_schedule() -> tuple[dict[dt.date, tuple[bool, str]], list[int]]:
    """Exceptions and years known to the installed chinese_calendar, or nothing."""
    try:
        from chinese_calendar import constants
    except ImportError:
        return {}, []
    days: dict[dt.date, tuple[bool, str]] = {}
    for day, name in constants.holidays.items():
        days[day] = (False, str(name)[:40])
    for day, name in constants.workdays.items():
        days[day] = (True, str(name)[:40])
    if not days:
        return {}, []
    first, last = min(days).year, max(days).year
    return days, list(range(first, last + 1))


# One cached calendar per bound database; every edit (db/handling/workcalendar.py) drops it.
_cache: tuple[object, WorkCalendar] | None = None


def invalidate_cache() -> None:
    global _cache
    _cache = None


def current() -> WorkCalendar:
    """The calendar as stored, cached until the next edit."""
    global _cache
    db = database.obj
    if _cache is not None and _cache[0] is db:
        return _cache[1]
    exceptions = {row.day: row.working for row in CalendarDay.select()}
    years = [
        row.year
        for row in CalendarYear.select(CalendarYear.year).where(CalendarYear.complete == True)  # noqa: E712
    ]
    calendar = WorkCalendar(exceptions, years)
    _cache = (db, calendar)
    return calendar


def covered_years() -> list[int]:
    return sorted(current().covered_years)


def year_covered(year: int) -> bool:
    """Whether the official schedule of ``year`` is known; if not, only weekends rest."""
    return year in current().covered_years


@dataclass(frozen=True)
class YearStatus:
    """What the calendar holds for one year: ``held`` when days were saved for it,
    ``complete`` when it counts as covered, ``source`` package or manual."""

    year: int
    held: bool
    complete: bool
    source: str


def year_status(year: int) -> YearStatus:
    row = CalendarYear.get_or_none(CalendarYear.year == year)
    if row is None:
        return YearStatus(year, False, False, "")
    return YearStatus(year, True, bool(row.complete), row.source)
