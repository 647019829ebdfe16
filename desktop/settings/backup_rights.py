"""Who may back up and restore, as the Backups menu item and the dialog both say it.

The rule is db.trust.permissions' (``backup_restore``); this module only asks it for the
person using the program and words the refusal. It sits below the menu item
(desktop.settings.backup_menu) and the dialog (desktop.settings.backup_dialog), which both
read it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.store.models import Staff, now
from db.trust import permissions
from db.trust.policy import Action


def may_back_up(actor: Staff | None) -> bool:
    """Whether ``actor`` may back up and restore now; None (no accounts: the head is
    assumed) may."""
    return actor is None or permissions.can(actor, Action.BACKUP_RESTORE, now()) is None


def not_permitted_text() -> str:
    return QCoreApplication.translate(
        "BackupDialog", "Only the outlet head, or the acting head, may back up or restore."
    )
