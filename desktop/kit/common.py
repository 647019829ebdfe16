"""Small pieces every dialog uses the same way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QPushButton, QWidget

# Ctrl+Return saves every dialog (Ctrl+Enter is the same on the keypad); Esc cancels, as
# QDialog does by itself.
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def name_widget(widget: QWidget, object_name: str, accessible: str) -> QWidget:
    """Give ``widget`` the objectName tests find it by and the name screen readers say."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def save_shortcut(dialog: QWidget, button: QAbstractButton) -> None:
    """Ctrl+Return presses ``button`` (a disabled button stays unpressed)."""
    for keys in SAVE_KEYS:
        QShortcut(QKeySequence(keys), dialog).activated.connect(button.click)


def save_cancel_box(
    dialog: QDialog, save: QPushButton, cancel: QPushButton, on_save: Callable[[], object]
) -> QDialogButtonBox:
    """Save and Cancel, with Ctrl+Return to save. Neither is a default button, so Enter in
    a field never sends a half-filled form."""
    box = QDialogButtonBox()
    for button in (save, cancel):
        button.setAutoDefault(False)
    box.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(on_save)
    box.rejected.connect(dialog.reject)
    save_shortcut(dialog, save)
    return box


def accept_reject_box(
    dialog: QDialog, save_text: str, save_name: str, cancel_text: str, cancel_name: str
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Save and Cancel as a plain button box (Enter and Ctrl+Return save), wired to the
    dialog's ``save`` and ``reject``. ``save_name`` and ``cancel_name`` are what screen
    readers say."""
    box = QDialogButtonBox()
    save = box.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    name_widget(save, "save_button", save_name)
    cancel = box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    name_widget(cancel, "cancel_button", cancel_name)
    box.accepted.connect(dialog.save)
    box.rejected.connect(dialog.reject)
    save_shortcut(dialog, save)
    return box, save, cancel
