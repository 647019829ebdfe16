"""File → Backups…: the menu item, made with the window's first stage.

The dialog (desktop.settings.backup_dialog, with the backup code it drives) is imported when
the item is first chosen, not while the window is getting its list on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from desktop.settings.backup_rights import may_back_up, not_permitted_text


def menu_action(window: QMainWindow) -> QAction:
    """File → Backups… for ``window``; after a restore it closes the window (and with it
    the program) without another backup."""
    action = QAction(QCoreApplication.translate("BackupDialog", "&Backups…"), window)
    action.setObjectName("actionBackups")
    action.setStatusTip(
        QCoreApplication.translate(
            "BackupDialog", "Back up now, restore a backup, choose the backup folder"
        )
    )
    if not may_back_up(getattr(window, "actor", None)):
        # The dialog still opens, to see the backups; its two buttons are off, as here.
        action.setToolTip(not_permitted_text())
        action.setStatusTip(not_permitted_text())
    action.triggered.connect(lambda: _open(window))
    return action


def _open(window: QMainWindow) -> None:
    from desktop.settings.backup_dialog import BackupDialog

    BackupDialog.open_for(window)
