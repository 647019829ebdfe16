"""China's official working-day calendar: holidays *and* make-up working days (调休).

Working-day limits (e.g. 7 working days, CBIRC Order 2020 No. 3, Art. 33) and the roll of
day-counted periods past rest days (Civil Code Art. 203) depend on the State Council's
schedule, which is published a year at a time. The schedule lives in the ``calendar_day``
table as exceptions to the Monday-to-Friday week, seeded from the ``chinese_calendar``
package by migration 0003 and by :func:`sync_from_package`. The head enters a year the
package does not cover yet with :func:`set_year`. A year the table does not hold falls
back to Monday-to-Friday, and :func:`year_covered` lets the GUI warn about it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from db.errors import WorkflowError
from db.store.models import CalendarDay, CalendarYear, Staff, database, now
from db.trust.policy import Action

SOURCE_PACKAGE = "package"
SOURCE_MANUAL = "manual"
MIN_YEAR, MAX_YEAR = 2000, 2100


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


# One cached calendar per bound database; every write below drops it.
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
    years = [row.year for row in CalendarYear.select(CalendarYear.year)]
    calendar = WorkCalendar(exceptions, years)
    _cache = (db, calendar)
    return calendar


def covered_years() -> list[int]:
    return sorted(current().covered_years)


def year_covered(year: int) -> bool:
    """Whether the official schedule of ``year`` is known; if not, only weekends rest."""
    return year in current().covered_years


def entries(year: int) -> list[CalendarEntry]:
    """The exceptions of one year, for the calendar editor."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    query = (
        CalendarDay.select()
        .where((CalendarDay.day >= start) & (CalendarDay.day <= end))
        .order_by(CalendarDay.day)
    )
    return [CalendarEntry(r.day, r.working, r.name, r.source) for r in query]


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise WorkflowError("calendar_year_range", year=year)


def _after_edit() -> None:
    from db.handling import deadlines

    invalidate_cache()
    deadlines.refresh_open_cases(now())


def set_year(
    year: int,
    days: Iterable[tuple[dt.date, bool, str]],
    *,
    actor: Staff,
) -> int:
    """Replace the schedule of ``year`` with the head's entries (day, working?, name).

    Marks the year covered. A day that is already what the week makes it (a Saturday
    as rest, a Tuesday as working) is stored anyway, so the editor shows its name.
    Returns the number of days stored.
    """
    from db.trust import permissions

    at = now()
    permissions.require(actor, Action.EDIT_CALENDAR, at)
    _check_year(year)
    rows = []
    for day, working, name in days:
        if day.year != year:
            raise WorkflowError("calendar_wrong_year", day=day.isoformat(), year=year)
        rows.append(
            dict(
                day=day,
                working=bool(working),
                name=name.strip()[:40],
                source=SOURCE_MANUAL,
                updated_at=at,
            )
        )
    with database.atomic():
        CalendarDay.delete().where(
            (CalendarDay.day >= dt.date(year, 1, 1)) & (CalendarDay.day <= dt.date(year, 12, 31))
        ).execute()
        if rows:
            CalendarDay.insert_many(rows).execute()
        CalendarYear.insert(year=year, source=SOURCE_MANUAL, updated_at=at).on_conflict(
            conflict_target=[CalendarYear.year],
            update={CalendarYear.source: SOURCE_MANUAL, CalendarYear.updated_at: at},
        ).execute()
        _after_edit()
    return len(rows)


def set_day(day: dt.date, working: bool, name: str = "", *, actor: Staff) -> None:
    """Correct one day (e.g. a late change to the schedule).

    Does not mark the year covered: one day is not a whole schedule (see set_year). A day
    set by hand survives a later sync_from_package."""
    from db.trust import permissions

    at = now()
    permissions.require(actor, Action.EDIT_CALENDAR, at)
    _check_year(day.year)
    with database.atomic():
        CalendarDay.insert(
            day=day,
            working=bool(working),
            name=name.strip()[:40],
            source=SOURCE_MANUAL,
            updated_at=at,
        ).on_conflict(
            conflict_target=[CalendarDay.day],
            update={
                CalendarDay.working: bool(working),
                CalendarDay.name: name.strip()[:40],
                CalendarDay.source: SOURCE_MANUAL,
                CalendarDay.updated_at: at,
            },
        ).execute()
        _after_edit()


def sync_from_package() -> list[int]:
    """Add the years a newer chinese_calendar knows and the table does not hold yet.

    Years already held (from an older package or edited by the head) are left alone, so
    an upgrade never overwrites the head's work. Call at start-up. Returns the years added.
    """
    days, years = package_schedule()
    held = {row.year for row in CalendarYear.select(CalendarYear.year)}
    new_years = [y for y in years if y not in held]
    if not new_years:
        return []
    at = now()
    wanted = set(new_years)
    rows = [
        dict(day=d, working=working, name=name, source=SOURCE_PACKAGE, updated_at=at)
        for d, (working, name) in days.items()
        if d.year in wanted
    ]
    with database.atomic():
        for year in new_years:
            CalendarDay.delete().where(
                CalendarDay.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
                & (CalendarDay.source == SOURCE_PACKAGE)
            ).execute()
        for chunk in range(0, len(rows), 200):
            CalendarDay.insert_many(rows[chunk : chunk + 200]).on_conflict_ignore().execute()
        CalendarYear.insert_many(
            [dict(year=y, source=SOURCE_PACKAGE, updated_at=at) for y in new_years]
        ).execute()
        _after_edit()
    return new_years
