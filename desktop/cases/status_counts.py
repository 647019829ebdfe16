"""The status bar's counts of open, overdue and due-today complaints.

They come from db.intake.queries.status_counts; the label re-reads them after every
operation that changed complaints or their deadlines (desktop.kit.operations) and once a
minute, as time alone makes complaints overdue.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from db.changes import Kind
from db.intake import queries
from db.store.models import now
from desktop.kit import operations

COUNT_KINDS = (Kind.CASES, Kind.DEADLINES)


class CaseCountsLabel(QLabel):
    """ "Open: 12  Overdue: 3  Due today: 2". Signals: none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusCounts")
        self.setAccessibleName(self.tr("Complaint counts"))
        operations.refresh_on(self, COUNT_KINDS, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        counts = queries.status_counts(at=now())
        self.setText(
            self.tr("Open: {open}  Overdue: {overdue}  Due today: {due_today}").format(
                open=counts.open, overdue=counts.overdue, due_today=counts.due_today
            )
        )
