"""The bar above the case list: every way of narrowing the list, turned into a CaseFilter.

The bar only describes what to show; the query runs in SQL (db.intake.queries), driven by the
table model. Typing in the search box is debounced so a query runs once the user pauses,
not on every keystroke of an input method.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.intake import queries, roster
from db.intake.queries import CaseFilter
from db.store.models import Outlet, Staff
from desktop.kit import labels
from desktop.kit.qt_dates import qdate

SEARCH_DEBOUNCE_MS = 250
DEFAULT_RANGE_DAYS = 30


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FilterBar(QWidget):
    """Status, severity, deadline, cause, owner, date-range and text filters for the list.

    ``me`` is the person using the program: with one, "Mine" narrows the list to the
    complaints that person answers for (db.intake.accountability).

    Signals:
        filter_changed(object): the user changed a filter; carries the new
            db.intake.queries.CaseFilter. Search typing is debounced by SEARCH_DEBOUNCE_MS.
    """

    filter_changed = Signal(object)

    def __init__(
        self, outlet: Outlet, parent: QWidget | None = None, *, me: Staff | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._outlet = outlet
        self._me = me
        # Set while several controls change at once (reset, quick filters): one signal after.
        self._batch = False

        self._status = self._combo("statusFilter", self.tr("Status filter"))
        self._status.addItem(self.tr("All statuses"), None)
        self._status.addItem(self.tr("Open"), queries.STATUS_OPEN)
        for code, text in labels.choices("status"):
            self._status.addItem(text, code)

        self._severity = self._combo("severityFilter", self.tr("Severity filter"))
        self._severity.addItem(self.tr("All severities"), None)
        for code, text in labels.choices("severity"):
            self._severity.addItem(text, code)

        self._cause = self._combo("causeFilter", self.tr("Cause filter"))
        self._cause.addItem(self.tr("All causes"), None)
        for code, text in labels.choices("cause"):
            self._cause.addItem(text, code)

        self._owner = self._combo("ownerFilter", self.tr("First-ask owner filter"))
        self.reload_staff()

        self._overdue = QCheckBox(self.tr("Overdue"))
        self._overdue.setObjectName("overdueFilter")
        self._overdue.setAccessibleName(self.tr("Only overdue cases"))
        self._overdue.setToolTip(self.tr("Open cases whose deadline has passed"))
        self._due_today = QCheckBox(self.tr("Due today"))
        self._due_today.setObjectName("dueTodayFilter")
        self._due_today.setAccessibleName(self.tr("Only cases due today"))
        self._due_today.setToolTip(self.tr("Open cases whose deadline falls later today"))
        self._near = QCheckBox(self.tr("Near deadline"))
        self._near.setObjectName("nearBreachFilter")
        self._near.setAccessibleName(self.tr("Only cases near their deadline"))
        self._near.setToolTip(
            self.tr("Open cases past the warning point of their deadline, not yet overdue")
        )
        self._mine = QCheckBox(self.tr("Mine"))
        self._mine.setObjectName("mineFilter")
        self._mine.setAccessibleName(self.tr("Only complaints I answer for"))
        self._mine.setToolTip(
            self.tr(
                "Complaints you answer for: as first-ask owner until a transfer is formal, "
                "then as handler (Art. 10); and those being transferred to you"
            )
        )
        self._mine.setVisible(me is not None)

        self._use_dates = QCheckBox(self.tr("Received from"))
        self._use_dates.setObjectName("dateRangeEnabled")
        self._use_dates.setAccessibleName(self.tr("Filter by date received"))
        today = dt.date.today()
        self._date_from = self._date_edit(
            "dateFrom", self.tr("Received from date"), today - dt.timedelta(DEFAULT_RANGE_DAYS)
        )
        self._date_to = self._date_edit("dateTo", self.tr("Received to date"), today)
        to_label = QLabel(self.tr("to"))
        to_label.setBuddy(self._date_to)

        self._search = QLineEdit()
        self._search.setObjectName("searchBox")
        self._search.setAccessibleName(self.tr("Search"))
        self._search.setPlaceholderText(self.tr("Search case no., customer, description"))
        self._search.setClearButtonEnabled(True)
        self._search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._emit)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

        self._reset = QPushButton(self.tr("Reset"))
        self._reset.setObjectName("resetFilters")
        self._reset.setAccessibleName(self.tr("Reset all filters"))
        self._reset.setToolTip(self.tr("Show every case again"))
        self._reset.clicked.connect(self.reset)

        top = QHBoxLayout()
        top.addWidget(self._search, 3)
        top.addWidget(self._status, 1)
        top.addWidget(self._severity, 1)
        top.addWidget(self._cause, 1)
        top.addWidget(self._owner, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._overdue)
        bottom.addWidget(self._due_today)
        bottom.addWidget(self._near)
        bottom.addSpacing(16)
        bottom.addWidget(self._mine)
        bottom.addSpacing(16)
        bottom.addWidget(self._use_dates)
        bottom.addWidget(self._date_from)
        bottom.addWidget(to_label)
        bottom.addWidget(self._date_to)
        bottom.addStretch(1)
        bottom.addWidget(self._reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)

        for combo in (self._status, self._severity, self._cause, self._owner):
            combo.currentIndexChanged.connect(self._emit)
        for box in (self._overdue, self._due_today, self._near, self._mine):
            box.toggled.connect(self._emit)
        self._use_dates.toggled.connect(self._on_dates_toggled)
        self._date_from.dateChanged.connect(self._on_date_changed)
        self._date_to.dateChanged.connect(self._on_date_changed)
        self._search.textChanged.connect(self._search_timer.start)
        self._on_dates_toggled(False, emit=False)

    # --- public ----------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        """The filter the controls describe right now (search text included, debounced or not)."""
        use_dates = self._use_dates.isChecked()
        return CaseFilter(
            status=self._status.currentData(),
            severity=self._severity.currentData(),
            overdue=self._overdue.isChecked(),
            due_today=self._due_today.isChecked(),
            near_breach=self._near.isChecked(),
            cause=self._cause.currentData(),
            owner_id=self._owner.currentData(),
            reminded_id=self._me.id if self._me is not None and self._mine.isChecked() else None,
            received_from=_pydate(self._date_from.date()) if use_dates else None,
            received_to=_pydate(self._date_to.date()) if use_dates else None,
            search=self._search.text().strip(),
        )

    def reset(self) -> None:
        """Back to every case; emits one filter_changed."""
        with self._batched():
            for combo in (self._status, self._severity, self._cause, self._owner):
                combo.setCurrentIndex(0)
            for box in (self._overdue, self._due_today, self._near, self._mine):
                box.setChecked(False)
            self._use_dates.setChecked(False)
            self._search.clear()

    def show_due_soon(self) -> None:
        """Quick filter: open cases that are overdue or due today, nothing else narrowed."""
        with self._batched():
            self.reset()
            self._overdue.setChecked(True)
            self._due_today.setChecked(True)

    def show_owed(self) -> None:
        """Quick filter: what the person using the program owes, as the Today bar counts it
        (db.intake.accountability.owed_cases): their complaints overdue, due today or near the
        deadline."""
        if self._me is None:
            return
        with self._batched():
            self.reset()
            for box in (self._overdue, self._due_today, self._near, self._mine):
                box.setChecked(True)

    def focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def search_box(self) -> QLineEdit:
        return self._search

    def reload_staff(self) -> None:
        """Refill the owner list, keeping the chosen person; inactive staff stay listed
        because old cases still name them."""
        chosen = self._owner.currentData()
        blocked = self._owner.blockSignals(True)
        self._owner.clear()
        self._owner.addItem(self.tr("All first-ask owners"), None)
        for person in roster.all_staff(self._outlet):
            text = (
                person.name
                if person.active
                else self.tr("{name} (inactive)").format(name=person.name)
            )
            self._owner.addItem(text, person.id)
        index = self._owner.findData(chosen) if chosen is not None else 0
        self._owner.setCurrentIndex(max(index, 0))
        self._owner.blockSignals(blocked)

    # --- internals -------------------------------------------------------------------------

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _date_edit(self, name: str, accessible: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _on_dates_toggled(self, checked: bool, *, emit: bool = True) -> None:
        self._date_from.setEnabled(checked)
        self._date_to.setEnabled(checked)
        if emit:
            self._emit()

    def _on_date_changed(self) -> None:
        if self._use_dates.isChecked():
            self._emit()

    def _emit(self) -> None:
        if self._batch:
            return
        self._search_timer.stop()
        self.filter_changed.emit(self.current_filter())

    @contextlib.contextmanager
    def _batched(self) -> Iterator[None]:
        """Change several controls, then emit filter_changed once (nested calls emit once)."""
        outer = not self._batch
        self._batch = True
        try:
            yield
        finally:
            if outer:
                self._batch = False
        if outer:
            self._emit()
