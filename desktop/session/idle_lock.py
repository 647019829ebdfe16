"""Lock the session after a time without input.

``install(window, actor)`` watches the application's keyboard and mouse input; after
``accounts.idle_lock_minutes()`` minutes without any, and when the database has accounts and
the actor has one, the main window's content is hidden and disabled and the login dialog
asks for the same person's password. Another person cannot take over the session: the
dialog's other button closes the program, and they log in at the next start.

The program's other windows are hidden too while locked, and come back as they were:
- a dialog is covered by a blank curtain rather than hidden, because hiding a dialog that
  runs ``exec()`` ends its event loop as if cancelled (QDialog::setVisible), and what the
  user had typed would be lost with it;
- any other window (a floating panel, a preview window) is hidden and shown again;
- popups and tooltips are simply closed.
If the lock ends with the program closing, the covered dialogs are cancelled, so that no
event loop keeps the program running behind a blank window.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from db.store.models import Staff
from db.trust import accounts

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


# Windows that are closed, not restored: they belong to a moment that has passed.
_TRANSIENT_TYPES = frozenset({Qt.WindowType.Popup, Qt.WindowType.ToolTip})


class _Curtain(QWidget):
    """A blank, opaque child laid over a whole dialog while the session is locked."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.setObjectName("idleLockCurtain")
        self.setAutoFillBackground(True)
        self.setGeometry(dialog.rect())
        dialog.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False


@dataclass
class _Hidden:
    """A window put out of sight by the lock, and how to bring it back."""

    window: QWidget
    curtain: _Curtain | None = None
    title: str = ""
    was_enabled: bool = True
    focus: QWidget | None = None


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
        if app is not None:  # watched only where an application runs
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
        from desktop.session.login_dialog import LoginDialog

        self.locked = True
        hidden = self._hide_other_windows()
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
            self._close_windows(hidden)
            return
        if staff is None or staff.id != actor.id:
            self._close_windows(hidden)
            self.window.close()  # another person starts the program again and logs in
            return
        if central is not None and central_was_visible:
            central.show()
        self.window.menuBar().setEnabled(True)
        self._show_windows(hidden)
        self.restart()

    def _hide_other_windows(self) -> list[_Hidden]:
        """Put every other visible window of the program out of sight; what to restore."""
        from desktop.session.login_dialog import LoginDialog

        hidden: list[_Hidden] = []
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or isinstance(widget, LoginDialog):
                continue
            if widget.windowType() in _TRANSIENT_TYPES:
                widget.close()
                continue
            if isinstance(widget, QDialog):
                entry = _Hidden(widget, title=widget.windowTitle())
                entry.was_enabled = widget.isEnabled()
                entry.focus = widget.focusWidget()
                entry.curtain = _Curtain(widget)
                widget.setWindowTitle(self.tr("Locked"))
                widget.setEnabled(False)
                hidden.append(entry)
            else:
                widget.hide()
                hidden.append(_Hidden(widget))
        return hidden

    def _show_windows(self, hidden: list[_Hidden]) -> None:
        """Bring the windows back as they were, typed text and focus included."""
        for entry in hidden:
            widget = entry.window
            if not shiboken6.isValid(widget):
                continue
            if entry.curtain is None:
                widget.show()
                continue
            self._remove_curtain(entry)
            widget.setWindowTitle(entry.title)
            widget.setEnabled(entry.was_enabled)
            if entry.focus is not None and shiboken6.isValid(entry.focus):
                entry.focus.setFocus()

    def _close_windows(self, hidden: list[_Hidden]) -> None:
        """The program closes: cancel the covered dialogs so their event loops end."""
        for entry in reversed(hidden):
            widget = entry.window
            if not shiboken6.isValid(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
            if entry.curtain is not None:
                self._remove_curtain(entry)

    @staticmethod
    def _remove_curtain(entry: _Hidden) -> None:
        curtain = entry.curtain
        entry.curtain = None
        if curtain is not None and shiboken6.isValid(curtain):
            entry.window.removeEventFilter(curtain)
            curtain.hide()
            curtain.deleteLater()


def install(window: QMainWindow, actor: Staff | None) -> IdleLock:
    """Start watching for input; the lock lives as long as ``window``."""
    lock = IdleLock(window, actor)
    return lock
