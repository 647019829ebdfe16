"""Saying so when deadlines run into a year whose official working-day schedule is not
entered, with a button to the calendar.

China's schedule of holidays and make-up working days is published a year at a time and
the chinese_calendar package knows only the years up to its release. A deadline counted
into a later year assumes that only Saturdays and Sundays rest there (db.handling.deadlines), so
every screen that shows or computes such a deadline says it: the row below the Today bar,
there from the program's start, and the dialogs that compute a deadline. The head opens the calendar from
here to enter the schedule; anyone else sees who to ask.

``CalendarNotice`` is the one widget; :func:`add_to_layout` puts one into a dialog and
:func:`install_today_row` one below the Today bar. The program's start says it there and
nowhere else: a message box on top repeating the row's sentence said it twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from db.handling import deadlines
from db.store.models import Staff, now
from desktop.kit.common import central_layout
from desktop.settings.calendar_words import can_edit_calendar, sentences, who_to_ask

if TYPE_CHECKING:
    from desktop.cases.today_panel import TodayPanel
    from desktop.main_window import MainWindow

NOTICE_STYLE = """
QFrame#calendarNotice, QFrame#todayCalendarNotice { background: #fff4e0;
  border: 1px solid #e0b46a; border-radius: 4px; }
QFrame#calendarNotice QLabel, QFrame#todayCalendarNotice QLabel { color: #6b4300; }
"""


def years_text(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)


def gap_message(years: Sequence[int], cases: int = 0, work_orders: int = 0) -> str:
    """The warning itself: which years, what it means, how many deadlines rest on it."""
    text = QCoreApplication.translate(
        "CalendarNotice",
        "The official working-day schedule of {years} is not entered: deadlines there count "
        "only Saturdays and Sundays as rest days and may move once it is.",
    ).format(years=years_text(years))
    if cases or work_orders:
        text = sentences(
            text,
            QCoreApplication.translate(
                "CalendarNotice",
                "Deadlines counted this way now: complaints {cases}, work orders {orders}.",
            ).format(cases=cases, orders=work_orders),
        )
    return text


def open_calendar(parent: QWidget | None, actor: Staff | None, year: int | None) -> bool:
    """The calendar dialog at ``year``; True when the calendar was changed."""
    if actor is None:
        return False
    from desktop.settings.calendar_dialog import CalendarDialog  # loads when opened

    return CalendarDialog.ask(parent, actor, year=year)


class CalendarNotice(QFrame):
    """The warning with its button; hidden while there is nothing to say.

    Signals:
        calendar_changed(): the calendar was changed from the button.
    """

    calendar_changed = Signal()

    def __init__(self, actor: Staff | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarNotice")
        self.setAccessibleName(
            QCoreApplication.translate("CalendarNotice", "Working-day calendar missing")
        )
        self.setStyleSheet(NOTICE_STYLE)
        self._actor = actor
        self._years: tuple[int, ...] = ()
        self.label = QLabel()
        self.label.setObjectName("calendarNoticeText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.setObjectName("calendarNoticeButton")
        self.button.setAccessibleName(
            QCoreApplication.translate("CalendarNotice", "Open the working-day calendar")
        )
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    @property
    def years(self) -> tuple[int, ...]:
        return self._years

    def text(self) -> str:
        """What the notice says, "" while hidden; for tests and screen readers."""
        return self.label.text() if not self.isHidden() else ""

    def show_years(self, years: Sequence[int], cases: int = 0, work_orders: int = 0) -> None:
        """Say it for ``years`` (hide when there are none)."""
        self._years = tuple(sorted(years))
        if not self._years:
            self.hide()
            return
        editor = can_edit_calendar(self._actor)
        text = gap_message(self._years, cases, work_orders)
        if not editor:
            text = sentences(text, who_to_ask(self._actor))
        self.label.setText(text)
        self.setAccessibleDescription(text)
        first = self._years[0]
        if editor:
            caption = QCoreApplication.translate(
                "CalendarNotice", "Enter the schedule of {year}…"
            ).format(year=first)
        else:
            caption = QCoreApplication.translate("CalendarNotice", "View the calendar…")
        self.button.setText(caption)
        self.button.setAccessibleName(caption.rstrip("…"))
        self.button.setVisible(self._actor is not None)
        self.show()

    def open_calendar(self) -> None:
        year = self._years[0] if self._years else None
        if open_calendar(self.window(), self._actor, year):
            self.calendar_changed.emit()


# --- where it is shown ---------------------------------------------------------------------


def add_to_layout(
    layout: QBoxLayout, actor: Staff | None, years: Callable[[], Sequence[int]], index: int
) -> CalendarNotice:
    """A notice at ``index`` of a dialog's layout, for the years ``years()`` names; asked
    again after the calendar was changed from its button."""
    notice = CalendarNotice(actor)
    notice.calendar_changed.connect(lambda: notice.show_years(years()))
    notice.show_years(years())
    layout.insertWidget(index, notice)
    return notice


class TodayCalendarRow(CalendarNotice):
    """The notice below the Today bar: the years ahead and the deadlines counted across
    them (db.handling.deadlines.calendar_gap), re-read with the bar."""

    def __init__(
        self,
        actor: Staff | None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = now,
    ) -> None:
        super().__init__(actor, parent)
        self.setObjectName("todayCalendarNotice")
        self._clock = clock
        self.refresh()

    def refresh(self) -> None:
        gap = deadlines.calendar_gap(self._clock())
        self.show_years(gap.years, gap.cases, gap.work_orders)


def install_today_row(window: MainWindow, panel: TodayPanel) -> TodayCalendarRow:
    """Put the notice right below the Today bar; it is re-read whenever the bar is."""
    from db.changes import Changes, Kind
    from desktop.kit import operations

    row = TodayCalendarRow(window.actor, window, clock=panel.clock)
    layout = central_layout(window)
    layout.insertWidget(layout.indexOf(panel) + 1, row)
    panel.refreshed.connect(row.refresh)
    row.calendar_changed.connect(
        lambda: operations.notify(Changes.of(Kind.CALENDAR, Kind.DEADLINES))
    )
    return row
