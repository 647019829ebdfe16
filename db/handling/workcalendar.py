"""China's official working-day calendar: holidays *and* make-up working days (调休).

Working-day limits (e.g. a work order's internal reply limit) and the roll of day-counted
periods past rest days (Civil Code Art. 203) depend on the State Council's schedule, which
is published a year at a time. The schedule lives in the ``calendar_day`` table as
exceptions to the Monday-to-Friday week, seeded from the ``chinese_calendar`` package by
migration 0003 and by :func:`sync_from_package`. The head enters a year the package does not
cover yet with :func:`set_year` or :func:`import_calendar_file`.

A year counts as *covered* only once its ``calendar_year`` row is marked complete: by the
package, or by the head saying the schedule entered is the whole year as published. Until
then only Saturdays and Sundays rest in that year, every deadline counted across it is
marked as computed under that fallback (db.handling.deadlines), and :func:`year_covered` lets the
GUI warn. Every edit recomputes the deadlines of open cases and open work orders and
returns what moved.

Calendar file
-------------
UTF-8 CSV (a BOM is allowed), one day a line, with the header ``date,kind,name`` (columns
in any order, others ignored): ``date`` as ``YYYY-MM-DD``; ``kind`` ``holiday`` (a rest day,
also ``休``) or ``workday`` (a Saturday or Sunday worked instead, also ``班``); ``name``
optional, at most 40 characters. Blank lines are skipped. A bad row refuses the whole file
with :class:`CalendarImportError` naming the row (the header is row 1); nothing is written.
Importing replaces the schedule of each year the file holds, so the same file twice gives
the same calendar.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from peewee import Database

from db.errors import RowError, WorkflowError, message
from db.handling import deadlines
from db.handling.deadlines import DeadlineMove
from db.handling.workdays import (  # noqa: F401 (read through this module too)
    CalendarEntry,
    WorkCalendar,
    YearStatus,
    covered_years,
    current,
    invalidate_cache,
    package_schedule,
    year_covered,
    year_status,
)
from db.store import sqlite_features, vocab
from db.store.models import CalendarDay, CalendarYear, Staff, database, now
from db.store.trail import acting_as
from db.trust import integrity, permissions
from db.trust.policy import Action

SOURCE_PACKAGE = "package"
SOURCE_MANUAL = "manual"
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_NAME = 40
MAX_FILE_BYTES = 1024 * 1024

Day = tuple[dt.date, bool, str]


@dataclass
class CalendarSaved:
    """What an edit of the calendar did: the years it touched, the days it stored, and the
    deadlines of open cases and work orders that moved because of it."""

    years: list[int] = field(default_factory=list)
    days: int = 0
    moves: list[DeadlineMove] = field(default_factory=list)


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


def _after_edit(before: WorkCalendar) -> list[DeadlineMove]:
    """Drop the cache and recompute every open deadline; what moved."""
    invalidate_cache()
    return deadlines.recompute_after_calendar_change(before, current(), now())


def set_year(
    year: int,
    days: Iterable[Day],
    *,
    actor: Staff,
    complete: bool,
) -> CalendarSaved:
    """Replace the schedule of ``year`` with the head's entries (day, working?, name).

    With ``complete`` the head says this is the whole year as published, and the year
    counts as covered; without it the days are kept but only weekends rest elsewhere in
    the year, as before. A day that is already what the week makes it (a Saturday as rest,
    a Tuesday as working) is stored anyway, so the editor shows its name.
    """
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
                name=name.strip()[:MAX_NAME],
                source=SOURCE_MANUAL,
                updated_at=at,
            )
        )
    with acting_as(actor.id), database.atomic():  # the trail names who edited
        before = current()
        _replace_year(year, rows, complete=complete, at=at)
        moves = _after_edit(before)
    return CalendarSaved([year], len(rows), moves)


def _replace_year(year: int, rows: list[dict], *, complete: bool, at: dt.datetime) -> None:
    CalendarDay.delete().where(
        (CalendarDay.day >= dt.date(year, 1, 1)) & (CalendarDay.day <= dt.date(year, 12, 31))
    ).execute()
    for chunk in range(0, len(rows), 200):
        CalendarDay.insert_many(rows[chunk : chunk + 200]).execute()
    CalendarYear.insert(
        year=year, source=SOURCE_MANUAL, complete=bool(complete), updated_at=at
    ).on_conflict(
        conflict_target=[CalendarYear.year],
        update={
            CalendarYear.source: SOURCE_MANUAL,
            CalendarYear.complete: bool(complete),
            CalendarYear.updated_at: at,
        },
    ).execute()


def set_day(day: dt.date, working: bool, name: str = "", *, actor: Staff) -> CalendarSaved:
    """Correct one day (e.g. a late change to the schedule).

    Does not mark the year covered: one day is not a whole schedule (see set_year). A day
    set by hand survives a later sync_from_package."""
    at = now()
    permissions.require(actor, Action.EDIT_CALENDAR, at)
    _check_year(day.year)
    with acting_as(actor.id), database.atomic():  # the trail names who edited
        before = current()
        CalendarDay.insert(
            day=day,
            working=bool(working),
            name=name.strip()[:MAX_NAME],
            source=SOURCE_MANUAL,
            updated_at=at,
        ).on_conflict(
            conflict_target=[CalendarDay.day],
            update={
                CalendarDay.working: bool(working),
                CalendarDay.name: name.strip()[:MAX_NAME],
                CalendarDay.source: SOURCE_MANUAL,
                CalendarDay.updated_at: at,
            },
        ).execute()
        moves = _after_edit(before)
    return CalendarSaved([day.year], 1, moves)


def sync_from_package() -> CalendarSaved:
    """Add the years a newer chinese_calendar knows and the table does not cover yet.

    Years already complete (from an older package or entered by the head) are left alone,
    so an upgrade never overwrites the head's work; a year the head began but did not mark
    complete gets the package's days around the days entered by hand, and is complete from
    then on. Called at start-up. Returns the years added.
    """
    days, years = package_schedule()
    complete = {
        row.year
        for row in CalendarYear.select(CalendarYear.year).where(CalendarYear.complete == True)  # noqa: E712
    }
    new_years = [y for y in years if y not in complete]
    if not new_years:
        return CalendarSaved()
    at = now()
    wanted = set(new_years)
    rows = [
        dict(day=d, working=working, name=name, source=SOURCE_PACKAGE, updated_at=at)
        for d, (working, name) in days.items()
        if d.year in wanted
    ]
    with database.atomic():
        before = current()
        for year in new_years:
            CalendarDay.delete().where(
                CalendarDay.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
                & (CalendarDay.source == SOURCE_PACKAGE)
            ).execute()
        for chunk in range(0, len(rows), 200):
            CalendarDay.insert_many(rows[chunk : chunk + 200]).on_conflict_ignore().execute()
        CalendarYear.insert_many(
            [dict(year=y, source=SOURCE_PACKAGE, complete=True, updated_at=at) for y in new_years]
        ).on_conflict(
            conflict_target=[CalendarYear.year],
            update={
                CalendarYear.source: SOURCE_PACKAGE,
                CalendarYear.complete: True,
                CalendarYear.updated_at: at,
            },
        ).execute()
        moves = _after_edit(before)
    return CalendarSaved(new_years, len(rows), moves)


# --- the calendar file --------------------------------------------------------------------


class CalendarImportError(RowError):
    """A calendar file was refused whole: ``row`` (1 = the header, 0 = the whole file)."""


FILE_COLUMNS = ("date", "kind", "name")
_KINDS = {"holiday": False, "休": False, "workday": True, "班": True}


def read_calendar_file(path: Path | str, *, year: int | None = None) -> list[Day]:
    """The days of a calendar file (format in the module docstring), sorted; with ``year``
    every day must be in that year. Writes nothing; a bad row refuses the whole file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CalendarImportError(0, "unreadable_file", detail="larger than 1 MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise CalendarImportError(0, "unreadable_file", detail=exc.strerror or str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalendarImportError(0, "calendar_file_encoding") from exc
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise CalendarImportError(0, "unreadable_file", detail=str(exc)) from exc
    if not rows:
        raise CalendarImportError(0, "calendar_file_empty")
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [c for c in FILE_COLUMNS[:2] if c not in header]
    if missing:
        raise CalendarImportError(1, "missing_columns", columns=", ".join(missing))
    where = {c: header.index(c) for c in FILE_COLUMNS if c in header}
    seen: dict[dt.date, int] = {}
    days: list[Day] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(column: str, row: list[str] = row) -> str:
            index = where.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        days.append(_file_day(number, cell("date"), cell("kind"), cell("name"), year, seen))
    if not days:
        raise CalendarImportError(0, "calendar_file_empty")
    return sorted(days)


def _file_day(
    row: int, date_text: str, kind_text: str, name: str, year: int | None, seen: dict
) -> Day:
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        day = None
    if day is None or len(date_text) != 10:
        raise CalendarImportError(row, "calendar_bad_date", value=date_text)
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CalendarImportError(row, "calendar_year_range", year=day.year)
    if year is not None and day.year != year:
        raise CalendarImportError(row, "calendar_wrong_year", day=day.isoformat(), year=year)
    working = _KINDS.get(kind_text.lower())
    if working is None:
        raise CalendarImportError(row, "calendar_bad_kind", value=kind_text)
    if working and day.weekday() < 5:
        raise CalendarImportError(row, "calendar_makeup_weekday", day=day.isoformat())
    if len(name) > MAX_NAME:
        raise CalendarImportError(row, "calendar_name_too_long", day=day.isoformat(), max=MAX_NAME)
    if day in seen:
        raise CalendarImportError(
            row, "calendar_duplicate_day", day=day.isoformat(), first=seen[day], second=row
        )
    seen[day] = row
    return (day, working, name)


def import_calendar_file(path: Path | str, *, actor: Staff, complete: bool) -> CalendarSaved:
    """Replace the schedule of every year in the file with the file's days, all or nothing;
    ``complete`` as for :func:`set_year`. The same file twice gives the same calendar."""
    at = now()
    permissions.require(actor, Action.EDIT_CALENDAR, at)
    days = read_calendar_file(path)
    by_year: dict[int, list[dict]] = {}
    for day, working, name in days:
        by_year.setdefault(day.year, []).append(
            dict(day=day, working=working, name=name, source=SOURCE_MANUAL, updated_at=at)
        )
    with acting_as(actor.id), database.atomic():  # the trail names who edited
        before = current()
        for year, rows in sorted(by_year.items()):
            _replace_year(year, rows, complete=complete, at=at)
        moves = _after_edit(before)
    return CalendarSaved(sorted(by_year), len(days), moves)


# --- the calendar in the database check ---------------------------------------------------


def calendar_problems(db: Database) -> list[str]:
    """Where the stored calendar is not its source: a day marked as from the published
    schedule (the chinese_calendar package) that differs from it or is missing from a year
    the package filled, and a day marked as set by hand whose last trail entry names no
    head or acting head (db/trust/policy.py: only they edit the calendar). Read with SQL on
    ``db`` itself: the check runs on its own connection."""
    tables = sqlite_features.existing_tables(db)
    if "calendar_day" not in tables:
        return []
    package, _years = package_schedule()
    problems: list[str] = []
    stored: dict[str, tuple[bool, str]] = {}
    for day, working, source in db.execute_sql(
        "SELECT day, working, source FROM calendar_day ORDER BY day"
    ).fetchall():
        stored[str(day)] = (bool(working), source)
        if source != SOURCE_PACKAGE:
            continue
        published = package.get(dt.date.fromisoformat(str(day)))
        if published is None or published[0] != bool(working):
            problems.append(message("calendar_differs_from_source", day=day))
    package_years = {
        int(year)
        for (year,) in db.execute_sql(
            "SELECT year FROM calendar_year WHERE source = ?", (SOURCE_PACKAGE,)
        ).fetchall()
    }
    for day in sorted(package):
        if day.year in package_years and day.isoformat() not in stored:
            problems.append(message("calendar_day_missing", day=day.isoformat()))
    if sqlite_features.AUDIT_TABLE in tables:
        problems += _unattributed_manual_days(db)
    return problems


# The days not from the package whose last trail entry names no one who held the head's authority
# then: the head, or the acting head named for that time (Art. 8). A baseline entry (op B)
# is the day as it stood when the trail began, set before anyone's edits were recorded.
_MANUAL_DAYS_SQL = """
    SELECT c.day FROM calendar_day AS c
    LEFT JOIN audit_log AS a ON a.id = (
        SELECT max(id) FROM audit_log WHERE table_name = 'calendar_day' AND row_id = c.rowid)
    WHERE c.source != ? AND coalesce(a.op, '') != ? AND NOT EXISTS (
        SELECT 1 FROM staff AS s WHERE s.id = a.actor_id AND (
            s.role = ? OR EXISTS (
                SELECT 1 FROM acting_head AS h WHERE h.staff_id = s.id
                AND h.starts_at <= a.at AND h.ends_at > a.at)))
    ORDER BY c.day
"""


def _unattributed_manual_days(db: Database) -> list[str]:
    if "acting_head" not in sqlite_features.existing_tables(db):
        return []
    rows = db.execute_sql(
        _MANUAL_DAYS_SQL, (SOURCE_PACKAGE, sqlite_features.BASELINE_OP, vocab.ROLE_HEAD)
    ).fetchall()
    return [message("calendar_edit_unattributed", day=day) for (day,) in rows]


def calendar_check() -> integrity.Check:
    """The calendar as a check of db/trust/integrity.py."""

    def run(ctx: integrity.CheckContext) -> integrity.Findings:
        problems = calendar_problems(ctx.db)
        return integrity.Findings(problems, [] if problems else ["matches its sources"])

    return integrity.Check("calendar", "Working-day calendar", run)
