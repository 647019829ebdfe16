"""A dialog that saves off the GUI thread: an indeterminate bar, its controls locked meanwhile.

Changing a rule or the working-day calendar recomputes the deadlines of every open case
(db.handling.deadlines.refresh_open_cases), which takes seconds on a large database. The dialog stays
responsive and says that it is working; closing it waits until the write has finished, so
no write is left half-reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QWidget

from desktop.kit.worker import QueryOp

T = TypeVar("T")


class BusyDialog(QDialog):
    """Base for dialogs with slow writes. Call ``run_busy``; ``busy_bar`` must be laid out.

    Signals:
        work_finished(): a background write ended (successfully or not).
    """

    work_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.hide()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busy_label")
        self.busy_label.hide()

    @property
    def busy(self) -> bool:
        return self._busy

    def lockable_widgets(self) -> list[QWidget]:
        """The controls to disable while a write runs; subclasses list theirs."""
        return []

    def run_busy(
        self,
        message: str,
        op: Callable[[], T],
        success: Callable[[T], None],
        failure: Callable[[BaseException], None],
    ) -> None:
        """Run ``op`` on a worker thread; then ``success`` or ``failure`` on this thread."""
        self._set_busy(True, message)

        def succeeded(result: T) -> None:
            self._set_busy(False)
            try:
                success(result)
            finally:
                self.work_finished.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            try:
                failure(error)
            finally:
                self.work_finished.emit()

        QueryOp(parent=self, op=lambda _progress: op(), success=succeeded).failure(
            failed
        ).run_in_background()

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.busy_label.setText(message)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        for widget in self.lockable_widgets():
            widget.setEnabled(not busy)
        if not busy:
            self.after_busy()

    def after_busy(self) -> None:
        """Re-apply enabled states that depend on the dialog's contents."""

    def reject(self) -> None:
        if self._busy:
            return  # the write is still running; its result must be shown
        super().reject()

    def done(self, result: int) -> None:
        if self._busy:
            return
        super().done(result)
