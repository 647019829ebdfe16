"""The district's targets for its outlets (Art. 5): for the year, quarter or month chosen, a
grid of the enrolled outlets (and, first, all outlets) by the outlet's own target metrics.

A cell of "All outlets" applies to every outlet without a target of its own in that
column. Saving writes every changed cell through db.district.targets.set_targets in one
transaction; if any cell is refused nothing is written, each refused cell is tinted with its
reason in the tooltip, and the reasons are listed under the grid. The write is an operation
(desktop.kit.operations), so the outlets side by side re-query once it is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.district import targets
from db.district.targets import ALL_OUTLETS, DistrictTargetCell, TargetsRefused
from db.management.targets import METRICS, Period
from desktop.analysis import analysis_labels
from desktop.analysis.period_picker import PeriodPicker
from desktop.analysis.targets_dialog import editable_grid, format_value, mark_cells
from desktop.kit import operations
from desktop.kit.common import cell_item, confirm_discard, name_widget, save_shortcut
from desktop.kit.form_kit import FORM_STYLE, GENERAL_LINES, make_error_label, make_hint_label
from desktop.kit.refusals import refusal_text

METRIC_CODES = list(METRICS)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class DistrictTargetsDialog(QDialog):
    """Emits no signals; ``ask`` returns True if anything was saved."""

    def __init__(
        self,
        officer: str,
        period: Period | str | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = _now,
    ) -> None:
        super().__init__(parent)
        self.officer = officer
        self.saved = False
        self._loading = False
        self._changed: set[tuple[int, int]] = set()
        self.setObjectName("districtTargetsDialog")
        self.setWindowTitle(self.tr("Outlets' targets"))
        self.setAccessibleName(self.tr("Outlets' targets"))
        self.setStyleSheet(FORM_STYLE)

        self.picker = PeriodPicker("districtTargets", clock, self)
        if period is not None:
            self.picker.set_period(period)
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        intro = make_hint_label(
            self.tr(
                "The most each count may reach in the period (a whole number) and the lowest "
                "callback satisfaction rate in percent, as the outlets set their own (Art. 5). "
                "A value for all outlets applies to every outlet without its own in that "
                "column. Leave a cell empty for no target."
            ),
            "districtTargetsIntro",
        )

        self.outlets: list[tuple[str | None, str]] = [(ALL_OUTLETS, self.tr("All outlets"))]
        self.outlets += [(code, f"{code} {name}") for code, name in targets.target_outlets()]
        self.grid = editable_grid(len(self.outlets), len(METRIC_CODES), "districtTargetsGrid",
                                  self.tr("Targets by outlet"))  # fmt: skip
        self.grid.setHorizontalHeaderLabels(
            [analysis_labels.label("metric", m) for m in METRIC_CODES]
        )
        self.grid.setVerticalHeaderLabels([text for _code, text in self.outlets])
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        self.grid.itemChanged.connect(self._on_item_changed)

        self.error_label = make_error_label("districtTargets", GENERAL_LINES)
        self.saved_label = name_widget(QLabel(), "districtTargetsSaved", self.tr("Saved"))

        buttons = QDialogButtonBox()
        self.save_button = name_widget(QPushButton(self.tr("&Save targets")),
                                       "districtTargetsSave", self.tr("Save targets"))  # fmt: skip
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        name_widget(self.close_button, "districtTargetsClose", self.tr("Close"))
        self.close_button.setText(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        save_shortcut(self, self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.saved_label)
        layout.addWidget(buttons)

        self.picker.period_changed.connect(self._on_period_changed)
        self.load()
        self.resize(1100, min(720, 260 + 30 * len(self.outlets)))

    # --- the grid ---------------------------------------------------------------------------

    def period(self) -> Period:
        return self.picker.period()

    def has_unsaved_edits(self) -> bool:
        return bool(self._changed)

    def _on_period_changed(self, period: Period) -> None:
        """Another period was chosen: show its targets, once edits not saved may go."""
        if period == self._shown:
            return
        if not self._may_discard():
            blocked = self.picker.blockSignals(True)
            self.picker.set_period(self._shown)
            self.picker.blockSignals(blocked)
            return
        self.load()

    def _may_discard(self) -> bool:
        return not self._changed or confirm_discard(
            self,
            self.tr("Outlets' targets"),
            self.tr("The targets typed for {period} are not saved. Discard them?").format(
                period=str(self._shown)
            ),
        )

    def done(self, result: int) -> None:
        """Closing (Close, Esc or the window's button) asks first if edits are not saved."""
        if self._may_discard():
            super().done(result)

    def load(self) -> None:
        """Show the targets stored for the period chosen; edits not saved are dropped."""
        self._shown = self.period()
        self._loading = True
        self._changed.clear()
        self.error_label.hide()
        stored = {(r.outlet_code, r.metric): r.value for r in targets.targets_for(self.period())}
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (code, _text) in enumerate(self.outlets):
            for col, metric in enumerate(METRIC_CODES):
                item = QTableWidgetItem(format_value(metric, stored.get((code, metric))))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if code is ALL_OUTLETS:
                    item.setFont(bold)
                self.grid.setItem(row, col, item)
        self._loading = False

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading:
            self._changed.add((item.row(), item.column()))
            self.saved_label.clear()

    def _row_of(self, outlet_code: str | None) -> int:
        return [code for code, _text in self.outlets].index(outlet_code)

    def set_cell(self, outlet_code: str | None, metric: str, text: str) -> None:
        """Type ``text`` into the cell of ``outlet_code`` (None: all outlets) and ``metric``."""
        cell_item(self.grid, self._row_of(outlet_code), METRIC_CODES.index(metric)).setText(text)

    def cell_text(self, outlet_code: str | None, metric: str) -> str:
        return cell_item(self.grid, self._row_of(outlet_code), METRIC_CODES.index(metric)).text()

    def cell_reason(self, outlet_code: str | None, metric: str) -> str:
        """Why the cell was refused, as its tooltip says ("" when it was not)."""
        item = cell_item(self.grid, self._row_of(outlet_code), METRIC_CODES.index(metric))
        return item.toolTip()

    def save(self) -> bool:
        """Write the changed cells in one transaction, or mark every refused one and write
        nothing."""
        mark_cells(self.grid, {})
        self.error_label.hide()
        changed = sorted(self._changed)
        period = self.period()
        cells = [
            DistrictTargetCell(self.outlets[row][0], period, METRIC_CODES[col],
                               cell_item(self.grid, row, col).text().strip())
            for row, col in changed
        ]  # fmt: skip
        try:
            written = operations.run_op(
                self,
                lambda: targets.set_targets(self.officer, cells),
                changes=Changes.of(Kind.TARGETS),
            )
        except TargetsRefused as refused:
            self._show_refused({changed[i]: e for i, e in refused.refused.items()})
            return False
        self.saved = self.saved or bool(written)
        self.load()
        self.saved_label.setText(
            self.tr("Saved {n} targets of {period}.").format(n=written, period=str(period))
        )
        return True

    def _show_refused(self, refused: dict) -> None:
        names = {m: analysis_labels.label("metric", m) for m in METRIC_CODES}
        messages = {cell: refusal_text(err, names) for cell, err in refused.items()}
        mark_cells(self.grid, messages)
        lines = [
            self.tr("{outlet}, {metric}: ").format(
                outlet=self.outlets[row][1], metric=names[METRIC_CODES[col]]
            )
            + message
            for (row, col), message in sorted(messages.items())
        ]
        text = "\n".join(lines)
        self.error_label.setText(text)
        self.error_label.setToolTip(text)
        self.error_label.setVisible(bool(text))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        officer: str,
        period: Period | str | None = None,
        *,
        clock: Callable[[], dt.datetime] = _now,
    ) -> bool:
        dialog = cls(officer, period, parent, clock=clock)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()
