"""Lock the session after a time without input (issue 6).

``install(window, actor)`` watches the application's keyboard and mouse input; after
``accounts.idle_lock_minutes()`` minutes without any, and when the database has accounts and
the actor has one, the main window's content is hidden and disabled and the login dialog
asks for the same person's password. Another person cannot take over the session: the
dialog's other button closes the program, and they log in at the next start.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from db import accounts
from db.models import Staff

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """The timer and the application event filter; owned by the main window."""

    def __init__(self, window: QMainWindow, actor: Staff | None) -> None:
        super().__init__(window)
        self.setObjectName("idle_lock")
        self.window = window
        self.actor = actor
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.restart()
        app = QApplication.instance()
        app.installEventFilter(self)
        window.destroyed.connect(lambda *_: app.removeEventFilter(self))

    def restart(self) -> None:
        minutes = accounts.idle_lock_minutes()
        self.timer.start(max(1, int(minutes * 60_000)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not self.locked and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        """Hide the window's content until the same person gives their password."""
        actor = self.actor
        if (
            self.locked
            or actor is None
            or not accounts.has_any_account()
            or accounts.account_of(actor) is None
        ):
            self.restart()  # nothing to unlock with: a database without accounts stays open
            return
        from desktop.dialogs.login_dialog import LoginDialog

        self.locked = True
        central = self.window.centralWidget()
        central_was_visible = central is not None and central.isVisible()
        if central is not None:
            central.hide()
        self.window.menuBar().setEnabled(False)
        try:
            staff = LoginDialog.ask(self.window, employee_no=actor.employee_no, locked_session=True)
        finally:
            self.locked = False
        if not shiboken6.isValid(self.window):
            return
        if staff is None or staff.id != actor.id:
            self.window.close()  # another person starts the program again and logs in
            return
        if central is not None and central_was_visible:
            central.show()
        self.window.menuBar().setEnabled(True)
        self.restart()


def install(window: QMainWindow, actor: Staff | None) -> IdleLock:
    """Start watching for input; the lock lives as long as ``window``."""
    lock = IdleLock(window, actor)
    window.idle_lock = lock
    return lock
