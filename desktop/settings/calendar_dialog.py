"""Settings → Working-day calendar…: holidays and make-up working days (调休) per year.

Working-day limits (e.g. a work order's internal reply limit) and the roll of periods past
rest days follow China's official calendar, which the State Council publishes a year at a
time. db.handling.workcalendar seeds it from the chinese_calendar package; a year the package does
not cover yet (say 2027) the head enters here, day by day or from a calendar file (format
in db.handling.workcalendar), then saves the year's schedule, ticking that it is complete once it
is the whole year as published (db.handling.workcalendar.set_year): only then does the year count
as covered. "Reload from package" adds the years a newer package knows. Saving recomputes
the deadlines of open cases and work orders off the GUI thread and lists those that moved.
Only the head (or the acting head) may change the calendar; anyone else sees who to ask.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.handling import deadlines, workcalendar
from db.handling.workcalendar import MAX_YEAR, MIN_YEAR, CalendarSaved
from db.store.models import Staff, now
from desktop.kit import labels
from desktop.kit.busy import BusyDialog
from desktop.kit.common import confirm_discard
from desktop.kit.form_kit import FORM_STYLE, make_error_label, make_hint_label, show_beside
from desktop.kit.i18n import QT_TRANSLATE_NOOP
from desktop.kit.qt_dates import py_date
from desktop.kit.refusals import name_widget, refusal_text
from desktop.settings.calendar_words import can_edit_calendar, sentences, who_to_ask

log = logging.getLogger(__name__)

COL_DATE, COL_WEEKDAY, COL_KIND, COL_NAME, COL_SOURCE = range(5)
MAX_NAME = 40
# Working days move the deadlines of every open complaint (db.handling.deadlines).
CALENDAR_CHANGES = Changes.of(Kind.CALENDAR, Kind.DEADLINES)

Draft = dict[dt.date, tuple[bool, str]]

# The names chinese_calendar gives its days (its Holiday enum), stored as they come.
HOLIDAY_NAMES: dict[str, str] = {
    "New Year's Day": QT_TRANSLATE_NOOP("CalendarDialog", "New Year's Day"),
    "Spring Festival": QT_TRANSLATE_NOOP("CalendarDialog", "Spring Festival"),
    "Tomb-sweeping Day": QT_TRANSLATE_NOOP("CalendarDialog", "Tomb-sweeping Day"),
    "Labour Day": QT_TRANSLATE_NOOP("CalendarDialog", "Labour Day"),
    "Dragon Boat Festival": QT_TRANSLATE_NOOP("CalendarDialog", "Dragon Boat Festival"),
    "National Day": QT_TRANSLATE_NOOP("CalendarDialog", "National Day"),
    "Mid-autumn Festival": QT_TRANSLATE_NOOP("CalendarDialog", "Mid-autumn Festival"),
    "Anti-Fascist 70th Day": QT_TRANSLATE_NOOP("CalendarDialog", "Anti-Fascist 70th Day"),
}


def holiday_name(name: str) -> str:
    """A day's name in the user's language when it is one of the package's."""
    english = HOLIDAY_NAMES.get(name)
    return QCoreApplication.translate("CalendarDialog", english) if english else name


def year_ranges(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive years folded into ranges: [2004, 2005, 2006, 2027] → [(2004, 2006), (2027, 2027)]."""
    ranges: list[tuple[int, int]] = []
    for year in sorted(set(years)):
        if ranges and year == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], year)
        else:
            ranges.append((year, year))
    return ranges


def format_ranges(years: list[int]) -> str:
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in year_ranges(years))


def entry_problem(year: int, day: dt.date, working: bool) -> str | None:
    """Why a day cannot be entered for ``year`` (a code), or None. Pure, for tests.

    ``wrong_year``: the day is in another year. ``makeup_on_weekday``: a make-up working day
    is a Saturday or Sunday worked instead of a holiday; a weekday is a working day anyway.
    """
    if day.year != year:
        return "wrong_year"
    if working and day.weekday() < 5:
        return "makeup_on_weekday"
    return None


def package_years() -> set[int]:
    return set(workcalendar.package_schedule()[1])


def _time(value: dt.datetime | None) -> str:
    if value is None:
        return QCoreApplication.translate("CalendarDialog", "paused")
    if value.time() == dt.time(23, 59, 59):
        return value.strftime("%Y-%m-%d")
    return value.strftime("%Y-%m-%d %H:%M")


def move_text(move: deadlines.DeadlineMove) -> str:
    """One moved deadline: "BJ0101-2026-000012 · Handling decision: 2027-01-01 → 2027-01-04"."""
    if move.kind == "work_order":
        subject = QCoreApplication.translate(
            "CalendarDialog", "Work order {source} {number}"
        ).format(source=labels.label("workorder_source", move.source), number=move.label)
    else:
        subject = move.label
    return QCoreApplication.translate(
        "CalendarDialog", "{subject} · {clock}: {before} → {after}"
    ).format(
        subject=subject,
        clock=labels.label("clock", move.clock),
        before=_time(move.before),
        after=_time(move.after),
    )


def _row_text(error: WorkflowError) -> str:
    """A refusal of a calendar file, naming its row as the file's reader counts them."""
    reason = refusal_text(error)
    row = getattr(error, "row", 0)
    if row:
        return QCoreApplication.translate("CalendarDialog", "Row {row}: {reason}").format(
            row=row, reason=reason
        )
    return reason


class CalendarDialog(BusyDialog):
    """View and edit the working-day calendar. ``CalendarDialog.ask(parent, actor, year=)``:
    True when the calendar changed.

    Signals: work_finished (from BusyDialog).
    """

    def __init__(
        self, actor: Staff, parent: QWidget | None = None, *, year: int | None = None
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self.can_edit = can_edit_calendar(actor)
        self.changed_calendar = False
        self.last_saved: CalendarSaved | None = None
        self._package_years = package_years()
        self._year = year if year is not None and MIN_YEAR <= year <= MAX_YEAR else now().year
        self._draft: Draft = {}
        self._sources: dict[dt.date, str] = {}
        self._dirty = False
        self._stored_complete = False
        self.setObjectName("calendar_dialog")
        self.setWindowTitle(self.tr("Working-day calendar"))
        self.setAccessibleName(self.tr("Working-day calendar"))
        self.setStyleSheet(FORM_STYLE)

        self.year_spin = QSpinBox()
        name_widget(self.year_spin, "year_spin", self.tr("Year"))
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setValue(self._year)
        self.year_spin.valueChanged.connect(self._on_year_changed)
        year_caption = QLabel(self.tr("&Year:"))
        year_caption.setBuddy(self.year_spin)
        self.coverage_label = make_hint_label("", "coverage_label")
        self.year_status = QLabel()
        self.year_status.setObjectName("year_status")
        self.year_status.setWordWrap(True)

        self.table = QTableWidget(0, 5)
        name_widget(self.table, "calendar_table", self.tr("Holidays and make-up working days"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Weekday"),
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("Source"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        # Adding a day to a year entered by hand.
        self.edit_group = QGroupBox(self.tr("Enter the schedule of this year"))
        self.edit_group.setObjectName("edit_group")
        self.day_edit = QDateEdit()
        name_widget(self.day_edit, "day_edit", self.tr("Day"))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.kind_combo = QComboBox()
        name_widget(self.kind_combo, "kind_combo", self.tr("Kind of day"))
        self.kind_combo.addItem(self.tr("Holiday"), False)
        self.kind_combo.addItem(self.tr("Make-up working day"), True)
        self.name_combo = QComboBox()
        name_widget(self.name_combo, "day_name_combo", self.tr("Name of the day"))
        self.name_combo.setEditable(True)
        self.name_combo.addItems([holiday_name(name) for name in list(HOLIDAY_NAMES)[:7]])
        self.name_combo.setCurrentIndex(-1)
        name_line = self.name_combo.lineEdit()  # the combo is editable, so it has one
        if name_line is not None:
            name_line.setPlaceholderText(self.tr("e.g. Spring Festival"))
            name_line.setMaxLength(MAX_NAME)
        self.add_button = QPushButton(self.tr("&Add"))
        name_widget(self.add_button, "add_day_button", self.tr("Add the day"))
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        name_widget(self.remove_button, "remove_day_button", self.tr("Remove the selected days"))
        self.save_year_button = QPushButton()
        name_widget(self.save_year_button, "save_year_button", self.tr("Save the year's schedule"))
        self.import_button = QPushButton(self.tr("&Import from file…"))
        name_widget(self.import_button, "import_calendar_button", self.tr("Import from file"))
        self.import_button.setToolTip(
            self.tr("A UTF-8 CSV file with the columns date, kind (holiday or workday) and name")
        )
        self.complete_box = QCheckBox()
        name_widget(self.complete_box, "year_complete_check", self.tr("The schedule is complete"))
        self.complete_box.toggled.connect(lambda _c: self._update_buttons())
        self.entry_error = make_error_label("day", 2)
        for widget in (self.day_edit, self.kind_combo):
            signal = (
                widget.dateChanged if isinstance(widget, QDateEdit) else widget.currentIndexChanged
            )
            signal.connect(lambda *_a: self._entry_error(""))
        add_row = QHBoxLayout()
        add_row.addWidget(self.day_edit)
        add_row.addWidget(self.kind_combo)
        add_row.addWidget(self.name_combo, 1)
        add_row.addWidget(self.add_button)
        save_row = QHBoxLayout()
        save_row.addWidget(self.remove_button)
        save_row.addWidget(self.import_button)
        save_row.addStretch(1)
        save_row.addWidget(self.save_year_button)
        edit_layout = QVBoxLayout(self.edit_group)
        edit_layout.addLayout(add_row)
        edit_layout.addWidget(self.entry_error)
        edit_layout.addWidget(self.complete_box)
        edit_layout.addLayout(save_row)
        # Who may change it: the head, or the acting head (Art. 8); the others are told.
        self.who_label = make_hint_label("", "who_may_edit_label")
        if not self.can_edit:
            self.who_label.setText(
                sentences(
                    self.tr("Only the outlet head or the acting head may change the calendar."),
                    who_to_ask(actor),
                )
            )
        self.who_label.setVisible(not self.can_edit)

        self.reload_button = QPushButton(self.tr("Reload from &package"))
        name_widget(self.reload_button, "reload_package_button", self.tr("Reload from package"))
        self.reload_button.setToolTip(
            self.tr("Add the years a newer holiday package knows; edited years stay")
        )
        self.close_button = QPushButton(self.tr("Close"))
        name_widget(self.close_button, "close_button", self.tr("Close"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        self._general_error = make_error_label("general")
        self.message_label = make_hint_label("", "message_label")

        self.moves_list = QListWidget()
        name_widget(self.moves_list, "moves_list", self.tr("Deadlines that moved"))
        self.moves_list.setMaximumHeight(110)
        self.moves_list.hide()

        self.add_button.clicked.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_year_button.clicked.connect(self.save_year)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.reload_button.clicked.connect(self.reload_from_package)

        top = QHBoxLayout()
        top.addWidget(year_caption)
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(self.year_status, 1)
        root = QVBoxLayout(self)
        root.addWidget(
            make_hint_label(
                self.tr(
                    "Working-day limits follow China's official calendar: holidays, and "
                    "weekend days worked instead (调休). The State Council publishes each "
                    "year's schedule; enter a year the installed package does not cover yet."
                ),
                "calendar_hint",
            )
        )
        root.addWidget(self.coverage_label)
        root.addLayout(top)
        root.addWidget(self.table, 1)
        root.addWidget(self.who_label)
        root.addWidget(self.edit_group)
        root.addWidget(self.message_label)
        root.addWidget(self.moves_list)
        root.addWidget(self._general_error)
        root.addWidget(self.busy_label)
        root.addWidget(self.busy_bar)
        root.addWidget(buttons)
        self.resize(700, 640)
        self._load_year(self._year)

    # --- state -----------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    def draft(self) -> Draft:
        return dict(self._draft)

    def is_dirty(self) -> bool:
        return self._dirty or self.complete_box.isChecked() != self._stored_complete

    def editable(self) -> bool:
        """Years from the package are shown as published; the others the head enters."""
        return self._year not in self._package_years

    def lockable_widgets(self) -> list[QWidget]:
        return [self.year_spin, self.edit_group, self.reload_button, self.close_button]

    def after_busy(self) -> None:
        self.edit_group.setEnabled(self.can_edit)  # unlocking does not unlock it for others
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------

    def _load_year(self, year: int) -> None:
        self._year = year
        entries = workcalendar.entries(year)
        self._draft = {e.day: (e.working, e.name) for e in entries}
        self._sources = {e.day: e.source for e in entries}
        self._dirty = False
        self._stored_complete = workcalendar.year_status(year).complete
        blocked = self.complete_box.blockSignals(True)
        self.complete_box.setChecked(self._stored_complete)
        self.complete_box.blockSignals(blocked)
        self.day_edit.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.day_edit.setDate(QDate(year, 1, 1))
        self._entry_error("")
        self._general_error.hide()
        self._show_coverage()
        self._fill_table()

    def _show_coverage(self) -> None:
        covered = workcalendar.covered_years()
        from_package = [y for y in covered if y in self._package_years]
        by_hand = [y for y in covered if y not in self._package_years]
        parts = []
        if from_package:
            parts.append(
                self.tr("{years} from the holiday package").format(
                    years=format_ranges(from_package)
                )
            )
        if by_hand:
            parts.append(self.tr("{years} entered by hand").format(years=format_ranges(by_hand)))
        text = "; ".join(parts) if parts else self.tr("none")
        self.coverage_label.setText(
            self.tr("Years with the official schedule: {years}.").format(years=text)
        )
        year = self._year
        if workcalendar.year_covered(year):
            if year in self._package_years:
                status = self.tr("{year}: as published, from the package.").format(year=year)
            else:
                status = self.tr("{year}: entered by hand, complete.").format(year=year)
            self.year_status.setStyleSheet("")
        else:
            if workcalendar.year_status(year).held:
                status = self.tr(
                    "{year} is not covered yet: its schedule is entered in part. Only "
                    "Saturdays and Sundays count as rest days on the other days until it is "
                    "saved as complete."
                ).format(year=year)
            else:
                status = self.tr(
                    "{year} is not covered: only Saturdays and Sundays count as rest days "
                    "until its schedule is entered and saved as complete."
                ).format(year=year)
            self.year_status.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.year_status.setText(status)
        self.edit_group.setVisible(self.editable())
        self.edit_group.setEnabled(self.can_edit)
        self.save_year_button.setText(self.tr("&Save the schedule of {year}").format(year=year))
        self.complete_box.setText(
            self.tr(
                "The schedule of {year} is &complete: every holiday and make-up working day "
                "as published"
            ).format(year=year)
        )

    def _fill_table(self) -> None:
        self.table.setRowCount(0)
        weekdays = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        for day in sorted(self._draft):
            working, name = self._draft[day]
            source = self._sources.get(day, "")
            if source == workcalendar.SOURCE_PACKAGE:
                source_text = self.tr("Package")
            elif source == workcalendar.SOURCE_MANUAL:
                source_text = self.tr("Entered by hand")
            else:
                source_text = self.tr("Not saved yet")
            kind = self.tr("Make-up working day") if working else self.tr("Holiday")
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in (
                (COL_DATE, day.isoformat()),
                (COL_WEEKDAY, weekdays[day.weekday()]),
                (COL_KIND, kind),
                (COL_NAME, holiday_name(name)),
                (COL_SOURCE, source_text),
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.editable() and not self.busy
        self.remove_button.setEnabled(editable and bool(self.table.selectionModel().selectedRows()))
        self.save_year_button.setEnabled(editable and self.is_dirty())

    # --- editing ---------------------------------------------------------------------------

    def add_day(self) -> None:
        day = py_date(self.day_edit.date())
        working = bool(self.kind_combo.currentData())
        problem = entry_problem(self._year, day, working)
        if problem == "makeup_on_weekday":
            self._entry_error(
                self.tr(
                    "A make-up working day is a Saturday or Sunday worked instead of a "
                    "holiday; {day} is a weekday."
                ).format(day=day.isoformat())
            )
            return
        if problem == "wrong_year":
            self._entry_error(
                self.tr("{day} is not in {year}.").format(day=day.isoformat(), year=self._year)
            )
            return
        self._draft[day] = (working, self.name_combo.currentText().strip())
        self._sources.pop(day, None)
        self._dirty = True
        self._entry_error("")
        self._fill_table()
        self.day_edit.setDate(self.day_edit.date().addDays(1))

    def remove_selected(self) -> None:
        days = {
            dt.date.fromisoformat(index.data(Qt.ItemDataRole.UserRole))
            for index in self.table.selectionModel().selectedRows()
        }
        if not days:
            return
        for day in days:
            self._draft.pop(day, None)
        self._dirty = True
        self._fill_table()

    def _entry_error(self, message: str) -> None:
        """Show (or with "" clear) what is wrong with the day entered, marking the day."""
        show_beside(self.entry_error, self.day_edit, message, focus=True)

    def import_file(self, path: str | None = None) -> bool:
        """Read a calendar file into the year's draft (nothing is stored before saving).
        A bad file is refused whole, naming its row; the draft stays as it was."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Import the schedule of {year}").format(year=self._year),
                "",
                self.tr("Calendar files (*.csv);;All files (*)"),
            )
            if not path:
                return False
        self._general_error.hide()
        try:
            days = workcalendar.read_calendar_file(path, year=self._year)
        except WorkflowError as error:
            self._general_error.setText(
                self.tr("The file was not imported. {reason}").format(reason=_row_text(error))
            )
            self._general_error.show()
            return False
        self._draft = {day: (working, name) for day, working, name in days}
        self._sources = {}
        self._dirty = True
        self._fill_table()
        self.message_label.setText(
            self.tr(
                "{count} days read from the file. Check them, tick whether the schedule is "
                "complete, and save."
            ).format(count=len(days))
        )
        return True

    def save_year(self) -> None:
        if self.busy or not self.editable():
            return
        year, actor = self._year, self.actor
        complete = self.complete_box.isChecked()
        days = [(day, working, name) for day, (working, name) in sorted(self._draft.items())]
        self._general_error.hide()
        self.run_busy(
            self.tr(
                "Saving {year} and recomputing the deadlines of open complaints and work orders…"
            ).format(year=year),
            lambda: workcalendar.set_year(year, days, actor=actor, complete=complete),
            lambda saved: self._after_save(year, saved),
            self._failed,
            changes=CALENDAR_CHANGES,
        )

    def _after_save(self, year: int, saved: CalendarSaved) -> None:
        self.changed_calendar = True
        self._load_year(year)
        if workcalendar.year_covered(year):
            text = self.tr("The schedule of {year} is saved as complete: {count} days.")
        else:
            text = self.tr("The schedule of {year} is saved, not yet complete: {count} days.")
        self.message_label.setText(text.format(year=year, count=saved.days))
        self._show_moves(saved)

    def _show_moves(self, saved: CalendarSaved) -> None:
        """Which deadlines moved, from what to what."""
        self.last_saved = saved
        self.moves_list.clear()
        for move in saved.moves:
            self.moves_list.addItem(move_text(move))
        self.moves_list.setVisible(bool(saved.moves))
        cases = sum(1 for m in saved.moves if m.kind == "case")
        orders = sum(1 for m in saved.moves if m.kind == "work_order")
        if saved.moves:
            summary = self.tr("Deadlines that moved: complaints {cases}, work orders {orders}.")
        else:
            summary = self.tr("No deadline moved.")
        self.message_label.setText(
            sentences(self.message_label.text(), summary.format(cases=cases, orders=orders))
        )

    def moves(self) -> list[str]:
        """The lines of the moved deadlines as shown; for tests."""
        return [self.moves_list.item(i).text() for i in range(self.moves_list.count())]

    def reload_from_package(self) -> None:
        if self.busy or not self._confirm_discard():
            return
        self._general_error.hide()
        self.run_busy(
            self.tr("Reading the holiday package…"),
            workcalendar.sync_from_package,
            self._after_reload,
            self._failed,
            changes=CALENDAR_CHANGES,
        )

    def _after_reload(self, saved: CalendarSaved) -> None:
        self._package_years = package_years()
        years = saved.years
        if years:
            self.changed_calendar = True
            message = self.tr("Added from the package: {years}.").format(years=format_ranges(years))
        elif self._package_years:
            message = self.tr(
                "The package knows no year that is not here yet (it covers up to {year})."
            ).format(year=max(self._package_years))
        else:
            message = self.tr("The holiday package is not installed.")
        self._load_year(self._year)
        self.message_label.setText(message)
        if years:
            self._show_moves(saved)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WorkflowError):
            message = refusal_text(error)
        else:
            log.error("changing the calendar failed", exc_info=error)
            message = self.tr("The calendar could not be changed: {error}").format(error=error)
        self._general_error.setText(self.tr("Nothing was changed. {reason}").format(reason=message))
        self._general_error.show()

    def general_error(self) -> str:
        return self._general_error.text() if not self._general_error.isHidden() else ""

    def _on_year_changed(self, year: int) -> None:
        if year == self._year:
            return
        if not self._confirm_discard():
            blocked = self.year_spin.blockSignals(True)
            self.year_spin.setValue(self._year)
            self.year_spin.blockSignals(blocked)
            return
        self.message_label.clear()
        self._load_year(year)

    def _confirm_discard(self) -> bool:
        if not self._dirty:
            return True
        return confirm_discard(
            self,
            self.tr("Working-day calendar"),
            self.tr("The changes to {year} are not saved. Discard them?").format(year=self._year),
        )

    def reject(self) -> None:
        if not self.busy and not self._confirm_discard():
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Staff, *, year: int | None = None) -> bool:
        """Show the dialog modally, at ``year`` if given; True when the calendar was changed."""
        dialog = cls(actor, parent, year=year)
        try:
            dialog.exec()
            return dialog.changed_calendar
        finally:
            dialog.deleteLater()
