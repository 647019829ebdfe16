"""Complaint control targets (Art. 5(1)): enter them per year, quarter and month, and see
each metric's target against its actual with an on-track / at-risk / missed mark.

The grid is metrics x (year, Q1-Q4, twelve months) of one year. Saving writes every changed
cell through db.management.targets.set_targets in one transaction: only the head (or an
acting head) may, and a refusal is shown above the buttons with nothing written. The status
table shows db.management.targets.target_status of the period picked under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.management import targets
from db.management.targets import MONTH, QUARTER, YEAR, Period
from db.store.models import Staff, now
from desktop.analysis import analysis_labels
from desktop.kit import operations
from desktop.kit.common import cell_item, confirm_discard, save_shortcut
from desktop.kit.form_kit import FORM_STYLE, GENERAL_LINES, make_error_label, make_hint_label
from desktop.kit.refusals import name_widget, refusal_text

METRIC_CODES = list(targets.METRICS)
BAD_CELL_COLOR = "#f9dedc"


def periods_of(year: int) -> list[Period]:
    """The grid's columns: the year, its quarters, its months."""
    return (
        [Period(YEAR, year)]
        + [Period(QUARTER, year, q) for q in range(1, 5)]
        + [Period(MONTH, year, m) for m in range(1, 13)]
    )


def format_value(metric: str, value: float | None) -> str:
    if value is None:
        return ""
    if targets.METRICS[metric].unit == "percent":
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(round(value)))


def editable_grid(rows: int, columns: int, name: str, accessible: str) -> QTableWidget:
    """A grid of target cells, edited by typing into a cell (or double-clicking it)."""
    grid = name_widget(QTableWidget(rows, columns), name, accessible)
    grid.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    return grid


def mark_cells(grid: QTableWidget, messages: dict[tuple[int, int], str]) -> None:
    """Tint the cells of ``messages`` (row, column) and give each its reason as tooltip and
    accessible description; every other cell is cleared of a mark it had. A mark is not an
    edit: the grid's itemChanged stays silent meanwhile."""
    blocked = grid.blockSignals(True)
    for row in range(grid.rowCount()):
        for col in range(grid.columnCount()):
            item = grid.item(row, col)
            if item is None:
                continue
            message = messages.get((row, col), "")
            item.setBackground(QBrush(QColor(BAD_CELL_COLOR)) if message else QBrush())
            item.setToolTip(message)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, message)
    grid.blockSignals(blocked)
    if messages:
        grid.setCurrentCell(*min(messages))
        grid.setFocus()


class TargetsDialog(QDialog):
    """The targets editor and status. Emits no signals; ``ask`` returns True if saved."""

    def __init__(self, actor: Staff | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.saved = False
        self._loading = False
        self._changed: set[tuple[int, int]] = set()
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Complaint targets"))
        self.setAccessibleName(self.tr("Complaint targets"))
        self.setStyleSheet(FORM_STYLE)

        self.year = QSpinBox()
        self.year.setRange(targets.MIN_YEAR, targets.MAX_YEAR)
        self.year.setValue(now().year)
        name_widget(self.year, "targetsYear", self.tr("Year"))
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)

        intro = make_hint_label(
            self.tr(
                "Enter the most each count may reach (a whole number) and the lowest "
                "callback satisfaction rate in percent. Leave a cell empty for no target. "
                "Only the head or an acting head may save."
            ),
            "targetsIntro",
        )
        intro.setWordWrap(True)

        self.grid = editable_grid(
            len(METRIC_CODES), 17, "targetsGrid", self.tr("Targets by period")
        )
        self.grid.setVerticalHeaderLabels(
            [analysis_labels.label("metric", m) for m in METRIC_CODES]
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(44)
        self.grid.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.itemChanged.connect(self._on_item_changed)

        # Under the grid: what is wrong with its cells (each bad cell is marked too).
        self.error_label = make_error_label("targets", GENERAL_LINES)

        self.status_period = QComboBox()
        name_widget(self.status_period, "targetsStatusPeriod", self.tr("Period shown"))
        status_label = QLabel(self.tr("&Status of:"))
        status_label.setBuddy(self.status_period)
        status_row = QHBoxLayout()
        status_row.addWidget(status_label)
        status_row.addWidget(self.status_period)
        status_row.addStretch(1)

        self.status = QTableWidget(len(METRIC_CODES), 4)
        name_widget(self.status, "targetsStatus", self.tr("Targets against actuals"))
        self.status.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status.setHorizontalHeaderLabels(
            [self.tr("Metric"), self.tr("Target"), self.tr("Actual"), self.tr("Mark")]
        )
        self.status.verticalHeader().hide()
        header = self.status.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save targets"))
        name_widget(self.save_button, "targetsSave", self.tr("Save targets"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        name_widget(self.close_button, "targetsClose", self.tr("Close"))
        self.close_button.setText(self.tr("Close"))
        self.save_button.setEnabled(actor is not None)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        save_shortcut(self, self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.grid)
        layout.addWidget(self.error_label)
        layout.addLayout(status_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.year.valueChanged.connect(self._on_year_changed)
        self.status_period.currentIndexChanged.connect(self.refresh_status)
        self._load_year()
        for table in (self.grid, self.status):
            table.resizeRowsToContents()
            table.setFixedHeight(
                table.horizontalHeader().sizeHint().height()
                + sum(table.rowHeight(r) for r in range(table.rowCount()))
                + 2 * table.frameWidth()
            )
        self.resize(1180, self.sizeHint().height())

    # --- the grid ---------------------------------------------------------------------------

    def periods(self) -> list[Period]:
        return periods_of(self.year.value())

    def _period_header(self, period: Period) -> str:
        if period.kind == YEAR:
            return self.tr("Year {year}").format(year=period.year)
        if period.kind == QUARTER:
            return self.tr("Q{n}").format(n=period.index)
        return self.tr("{n} mo.").format(n=period.index)

    def has_unsaved_edits(self) -> bool:
        return bool(self._changed)

    def _on_year_changed(self, year: int) -> None:
        """Another year was chosen: show its targets, once edits not saved may go."""
        if year == self._shown_year:
            return
        if not self._may_discard():
            blocked = self.year.blockSignals(True)
            self.year.setValue(self._shown_year)
            self.year.blockSignals(blocked)
            return
        self._load_year()

    def _may_discard(self) -> bool:
        return not self._changed or confirm_discard(
            self,
            self.tr("Complaint targets"),
            self.tr("The targets typed for {year} are not saved. Discard them?").format(
                year=self._shown_year
            ),
        )

    def done(self, result: int) -> None:
        """Closing (Close, Esc or the window's button) asks first if edits are not saved."""
        if self._may_discard():
            super().done(result)

    def _load_year(self) -> None:
        self._shown_year = self.year.value()
        self._loading = True
        self._changed.clear()
        self.error_label.hide()
        periods = self.periods()
        self.grid.setHorizontalHeaderLabels([self._period_header(p) for p in periods])
        stored = targets.targets_of(periods)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, metric in enumerate(METRIC_CODES):
            for col, period in enumerate(periods):
                item = QTableWidgetItem(format_value(metric, stored.get((str(period), metric))))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if period.kind != MONTH:
                    item.setFont(bold)
                self.grid.setItem(row, col, item)
        self._loading = False

        current = self.status_period.currentData()
        self.status_period.blockSignals(True)
        self.status_period.clear()
        for period in periods:
            self.status_period.addItem(str(period), str(period))
        today = now()
        default = str(Period.of(today, QUARTER)) if today.year == self.year.value() else None
        index = self.status_period.findData(current if current else default)
        if index < 0 or (current and current[:4] != str(self.year.value())):
            index = max(0, self.status_period.findData(default)) if default else 0
        self.status_period.setCurrentIndex(index)
        self.status_period.blockSignals(False)
        self.refresh_status()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading:
            self._changed.add((item.row(), item.column()))

    def set_cell(self, metric: str, period: Period | str, text: str) -> None:
        """Type ``text`` into the cell of ``metric`` and ``period`` (as a user would)."""
        p = targets.as_period(period)
        col = [str(x) for x in self.periods()].index(str(p))
        cell_item(self.grid, METRIC_CODES.index(metric), col).setText(text)

    def save(self) -> bool:
        """Write the changed cells; if any is refused, nothing is written and every bad
        cell is marked (red, its reason in the tooltip), the reasons listed under the grid
        and the first bad cell selected."""
        actor = self.actor
        if actor is None:  # Save is disabled without a logged-in actor
            return False
        self._mark_cells({})
        periods = self.periods()

        changed = sorted(self._changed)
        cells = [
            targets.TargetCell(
                periods[col], METRIC_CODES[row], cell_item(self.grid, row, col).text().strip()
            )
            for row, col in changed
        ]
        try:
            operations.run_op(
                self,
                lambda: targets.set_targets(actor, cells),
                changes=Changes.of(Kind.TARGETS),
            )
        except targets.TargetsRefused as err:
            self._mark_cells({changed[i]: e for i, e in err.refused.items()})
            return False
        self.saved = self.saved or bool(self._changed)
        self._load_year()
        return True

    def _mark_cells(self, refused: dict[tuple[int, int], WorkflowError]) -> None:
        """Mark the refused cells and list why under the grid; ``{}`` clears the marks."""
        periods = self.periods()
        names = {m: analysis_labels.label("metric", m) for m in METRIC_CODES}
        mark_cells(self.grid, {cell: refusal_text(err, names) for cell, err in refused.items()})
        lines = [
            self.tr("{metric}, {period}: ").format(
                metric=names[METRIC_CODES[row]], period=str(periods[col])
            )
            + refusal_text(err, names)
            for (row, col), err in sorted(refused.items())
        ]
        text = "\n".join(dict.fromkeys(lines))
        self.error_label.setText(text)
        self.error_label.setToolTip(text)
        self.error_label.setVisible(bool(text))

    # --- the status -------------------------------------------------------------------------

    def refresh_status(self) -> None:
        code = self.status_period.currentData()
        if not code:
            return
        rows = targets.target_status(code)
        for row, status in enumerate(rows):
            mark = status.mark
            cells = [
                analysis_labels.label("metric", status.metric),
                format_value(status.metric, status.target) or "—",
                format_value(status.metric, status.actual) or "—",
                analysis_labels.label("mark", mark) if mark else self.tr("No target"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, mark)
                if col in (1, 2):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if col == 3 and mark:
                    color = QColor(analysis_labels.MARK_COLORS[mark])
                    item.setForeground(QBrush(color))
                    item.setText(f"● {text}")
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(font)
                self.status.setItem(row, col, item)

    def marks(self) -> dict[str, str | None]:
        """{metric: mark code} as the status table shows them."""
        return {
            METRIC_CODES[r]: cell_item(self.status, r, 3).data(Qt.ItemDataRole.UserRole)
            for r in range(self.status.rowCount())
        }

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Staff | None) -> bool:
        dialog = cls(actor, parent)
        dialog.exec()
        return dialog.saved
