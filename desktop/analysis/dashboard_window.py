"""Analysis → Dashboard…: the dashboard in a window of its own, not modal, so the head can
keep it open beside the case list. One window per main window; asking again raises it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.analysis.dashboard import Dashboard


class DashboardWindow(QMainWindow):
    """Holds a :class:`Dashboard`; loads the current quarter when first shown."""

    def __init__(self, parent: QWidget | None = None, *, at: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardWindow")
        self.setWindowTitle(self.tr("Complaint analysis dashboard"))
        self.setAccessibleName(self.tr("Complaint analysis dashboard"))
        self.dashboard = Dashboard(self, at=at)
        self.setCentralWidget(self.dashboard)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)
        self.resize(1400, 860)
        self._loaded_once = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.dashboard.reload()

    @classmethod
    def open(cls, parent: QWidget | None) -> DashboardWindow:
        """Show the parent's dashboard window, making it on first use."""
        existing = parent.findChild(cls, "dashboardWindow") if parent is not None else None
        window = existing or cls(parent)
        window.show()
        window.raise_()
        window.activateWindow()
        return window
