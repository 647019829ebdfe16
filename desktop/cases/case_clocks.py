"""The clocks of one complaint as a small table: what is due when, and how it stands.

One row per clock from db.handling.deadlines.case_clocks (the one engine that computes them): its
name, its deadline, its state (running, met, missed, paused) and the share of its time
used. A clock past the breach-warning share (rule ``breach_warning_share``) is highlighted
amber, a missed one red, so the head sees at a glance what needs doing first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from db.handling import deadlines
from db.handling.deadlines import Clock
from db.store.models import Case, now
from desktop.kit import labels
from desktop.kit.common import cell_item

COL_NAME, COL_DEADLINE, COL_STATE, COL_USED = range(4)
TIME_FORMAT = "%Y-%m-%d %H:%M"
EMPTY = "—"

MISSED_COLOR = "#b3261e"
NEAR_COLOR = "#8a5300"
NEAR_BACKGROUND = "#fff1d0"
MET_COLOR = "#2e6b30"
PAUSED_COLOR = "#49627a"


class CaseClocksTable(QTableWidget):
    """``show_case(case, at)`` fills it; the case view shows it as a tab of its own.

    Signals: none (read-only).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("caseClocks")
        self.setAccessibleName(self.tr("Deadlines"))
        self.setHorizontalHeaderLabels(
            [self.tr("Clock"), self.tr("Deadline"), self.tr("State"), self.tr("Used")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAlternatingRowColors(False)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (COL_DEADLINE, COL_STATE, COL_USED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._clocks: list[Clock] = []

    # --- public ----------------------------------------------------------------------------

    def clocks(self) -> list[Clock]:
        return list(self._clocks)

    def show_case(self, case: Case | None, at: dt.datetime | None = None) -> None:
        at = at or now()
        self._clocks = deadlines.case_clocks(case, at) if case is not None else []
        self.setRowCount(len(self._clocks))
        for row, clock in enumerate(self._clocks):
            self._fill_row(row, clock, at)

    def row_texts(self) -> list[tuple[str, str, str, str]]:
        """What each row shows: (clock, deadline, state, used); for tests."""
        rows = []
        for r in range(self.rowCount()):
            clock, deadline, state, used = (cell_item(self, r, c).text() for c in range(4))
            rows.append((clock, deadline, state, used))
        return rows

    # --- filling ---------------------------------------------------------------------------

    def state_text(self, clock: Clock, at: dt.datetime) -> str:
        if clock.near_breach(at):
            return self.tr("Running, near breach")
        return {
            deadlines.STATE_RUNNING: self.tr("Running"),
            deadlines.STATE_MET: self.tr("Met"),
            deadlines.STATE_MISSED: self.tr("Missed"),
            deadlines.STATE_PAUSED: self.tr("Paused"),
        }.get(clock.state, clock.state)

    def _fill_row(self, row: int, clock: Clock, at: dt.datetime) -> None:
        used = f"{clock.share_used:.0%}" if clock.share_used is not None else EMPTY
        deadline = clock.deadline.strftime(TIME_FORMAT) if clock.deadline else EMPTY
        texts = [labels.label("clock", clock.name), deadline, self.state_text(clock, at), used]
        tooltip = self._tooltip(clock)
        colour, background, bold = self._colours(clock, at)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(tooltip)
            if column == COL_USED:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if colour:
                item.setForeground(QBrush(QColor(colour)))
            if background:
                item.setBackground(QBrush(QColor(background)))
            if bold and column == COL_STATE:
                font = QFont(self.font())
                font.setBold(True)
                item.setFont(font)
            self.setItem(row, column, item)

    @staticmethod
    def _colours(clock: Clock, at: dt.datetime) -> tuple[str, str, bool]:
        if clock.state == deadlines.STATE_MISSED:
            return MISSED_COLOR, "", True
        if clock.near_breach(at):
            return NEAR_COLOR, NEAR_BACKGROUND, True
        if clock.state == deadlines.STATE_MET:
            return MET_COLOR, "", False
        if clock.state == deadlines.STATE_PAUSED:
            return PAUSED_COLOR, "", False
        return "", "", False

    def _tooltip(self, clock: Clock) -> str:
        lines = [
            self.tr("Started {time}").format(time=clock.started_at.strftime(TIME_FORMAT)),
        ]
        if clock.stopped_at is not None:
            lines.append(
                self.tr("Stopped {time}").format(time=clock.stopped_at.strftime(TIME_FORMAT))
            )
        if clock.paused_seconds:
            lines.append(
                self.tr("Paused for {hours:.1f} hours").format(hours=clock.paused_seconds / 3600)
            )
        limit = self._limit_text(clock)
        if limit:
            lines.append(limit)
        return "\n".join(lines)

    def _limit_text(self, clock: Clock) -> str:
        if clock.limit is None:
            return ""
        amount = f"{clock.limit:g}"
        if clock.unit == deadlines.UNIT_HOURS:
            return self.tr("Limit: {n} hours").format(n=amount)
        if clock.unit == deadlines.UNIT_CALENDAR_DAYS:
            return self.tr("Limit: {n} days").format(n=amount)
        if clock.unit == deadlines.UNIT_WORKING_DAYS:
            return self.tr("Limit: {n} working days").format(n=amount)
        return ""
