"""Drive a modal dialog that a button opens with ``exec()``, as the user would.

``drive(trigger, fill)`` arranges for ``fill(dialog)`` to run on the dialog once it is up,
then calls ``trigger`` (which blocks in the dialog's event loop). ``fill`` sets the fields
and clicks Save. If the dialog is still open afterwards (it refused), its visible error is
recorded and the dialog cancelled, so a test never hangs on a modal window; a failing
``fill`` is re-raised after the dialog is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# Up to 20 s for the dialog to come up, on a busy machine.
MAX_TRIES = 2000


@dataclass
class Driven:
    """What happened to the dialog: its objectName, whether it stayed open, its error."""

    name: str = ""
    stayed_open: bool = False
    error: str = ""
    failure: BaseException | None = field(default=None, repr=False)


def _error_of(dialog: QWidget) -> str:
    error_text = getattr(dialog, "error_text", None)
    if callable(error_text):
        return error_text()
    page = getattr(dialog, "currentPage", None)
    if callable(page) and hasattr(page(), "error_text"):
        return page().error_text()
    return ""


def drive(trigger: Callable[[], object], fill: Callable[[QDialog], object]) -> Driven:
    seen = Driven()
    tries = [0]

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            tries[0] += 1
            if tries[0] < MAX_TRIES:
                QTimer.singleShot(10, handle)
            return
        seen.name = dialog.objectName()
        try:
            fill(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised below, after closing
            seen.failure = exc
        if dialog.isVisible():
            seen.stayed_open = True
            seen.error = _error_of(dialog)
            dialog.reject()

    QTimer.singleShot(0, handle)
    trigger()
    if seen.failure is not None:
        raise seen.failure
    assert seen.name, "no modal dialog appeared"
    return seen
