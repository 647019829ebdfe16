"""Asks which assessment report to make: a year, quarter or month, for the whole outlet or
one staff member. ``AssessmentPeriodDialog.ask(parent, staff) -> AssessmentRequest | None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from desktop.kit.common import save_shortcut

YEAR, QUARTER, MONTH = "year", "quarter", "month"


@dataclass(frozen=True)
class AssessmentRequest:
    period: str  # 2026, 2026-Q3 or 2026-07, as db.management.targets.Period parses it
    staff_employee_no: str | None


def period_code(kind: str, year: int, index: int) -> str:
    """The period text of the choice: ``index`` is the quarter (1-4) or month (1-12)."""
    if kind == QUARTER:
        return f"{year}-Q{index}"
    if kind == MONTH:
        return f"{year}-{index:02d}"
    return str(year)


class AssessmentPeriodDialog(QDialog):
    """The period and staff choice. Emits no signals of its own."""

    def __init__(
        self,
        staff: Sequence[tuple[str, str]],
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        today = today or dt.date.today()
        self.setObjectName("assessmentPeriodDialog")
        self.setWindowTitle(self.tr("Assessment report"))

        self.kind = QComboBox()
        self.kind.setObjectName("assessmentKind")
        self.kind.setAccessibleName(self.tr("Period kind"))
        self.kind.addItem(self.tr("Year"), YEAR)
        self.kind.addItem(self.tr("Quarter"), QUARTER)
        self.kind.addItem(self.tr("Month"), MONTH)
        self.kind.setCurrentIndex(1)

        self.year = QSpinBox()
        self.year.setObjectName("assessmentYear")
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setRange(2000, 2099)
        self.year.setValue(today.year)

        self.quarter = QComboBox()
        self.quarter.setObjectName("assessmentQuarter")
        self.quarter.setAccessibleName(self.tr("Quarter"))
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Q{n}").format(n=q), q)
        self.quarter.setCurrentIndex((today.month - 1) // 3)

        self.month = QSpinBox()
        self.month.setObjectName("assessmentMonth")
        self.month.setAccessibleName(self.tr("Month"))
        self.month.setRange(1, 12)
        self.month.setValue(today.month)

        self.staff = QComboBox()
        self.staff.setObjectName("assessmentStaff")
        self.staff.setAccessibleName(self.tr("Staff member"))
        self.staff.addItem(self.tr("Whole outlet"), None)
        for name, employee_no in staff:
            self.staff.addItem(f"{name} ({employee_no})", employee_no)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("assessmentButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save_shortcut(self, buttons.button(QDialogButtonBox.StandardButton.Ok))

        form = QFormLayout(self)
        form.addRow(self.tr("Period:"), self.kind)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Quarter:"), self.quarter)
        form.addRow(self.tr("Month:"), self.month)
        form.addRow(self.tr("Staff member:"), self.staff)
        form.addRow(buttons)
        self._form = form
        self.kind.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        kind = self.kind.currentData()
        self._form.setRowVisible(self.quarter, kind == QUARTER)
        self._form.setRowVisible(self.month, kind == MONTH)

    def request(self) -> AssessmentRequest:
        kind = self.kind.currentData()
        index = self.quarter.currentData() if kind == QUARTER else self.month.value()
        return AssessmentRequest(
            period_code(kind, self.year.value(), index), self.staff.currentData()
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        staff: Sequence[tuple[str, str]],
        today: dt.date | None = None,
    ) -> AssessmentRequest | None:
        dialog = cls(staff, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.request()
