"""A dialog that saves off the GUI thread: an indeterminate bar, its controls locked meanwhile.

Changing a rule or the working-day calendar recomputes the deadlines of every open case
(db.handling.deadlines.refresh_open_cases), which takes seconds on a large database. The dialog stays
responsive and says that it is working; closing it waits until the write has finished, so
no write is left half-reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QProgressDialog, QWidget

from db.changes import Changes
from desktop.kit import operations

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
        *,
        changes: Changes | Callable[[T], Changes],
    ) -> None:
        """Run ``op`` on a worker thread; then, on this thread, tell the views what it
        ``changes`` (desktop.kit.operations) and call ``success``, or call ``failure``."""
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

        operations.run_op_in_background(
            self,
            lambda _progress: op(),
            changes=changes,
            on_success=succeeded,
            on_failure=failed,
        )

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


def progress_dialog(
    parent: QWidget | None, text: str, *, name: str, accessible: str, title: str, maximum: int = 0
) -> QProgressDialog:
    """A window-modal progress dialog for work that cannot be cancelled half-way: no Cancel
    button, shown only if the work lasts over 300 ms; ``maximum`` 0 is a busy indicator."""
    dialog = QProgressDialog(text, "", 0, maximum, parent)
    dialog.setObjectName(name)
    dialog.setAccessibleName(accessible)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # type: ignore[arg-type]  # Qt accepts None: no button
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)
    return dialog
