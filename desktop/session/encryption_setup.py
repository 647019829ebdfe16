"""Encrypting a new outlet's database at first run, and showing the recovery key once.

A real outlet's data is encrypted at rest from its first run on: once the head has set up
the outlet and their account, the database (still holding no complaint) is encrypted with
a key the head's password wraps (db/trust/encryption.py), reopened with it, and the
recovery key is shown in a dialog the head must confirm. The demo stays unencrypted. A
failure leaves the database unencrypted and working, and says how to encrypt it later.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from db.store.database import close_database, database_path, open_database
from db.store.models import Outlet, Staff
from db.trust import database_key, encryption
from desktop.session.recovery_key_dialog import RecoveryKeyDialog

log = logging.getLogger(__name__)


def encrypt_new_outlet(
    data_dir: Path, outlet: Outlet, head: Staff, password: str, parent: QWidget | None = None
) -> tuple[Outlet, Staff]:
    """Encrypt the just set-up database and show the recovery key; the outlet and head,
    whose rows now read from the database open again (encrypted, or still plain after a
    failure)."""
    path = database_path(data_dir)
    close_database()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        login = database_key.Login(head.id, head.employee_no, password)
        done = encryption.encrypt_database(path, [login])
    except Exception as exc:  # noqa: BLE001 - the outlet works unencrypted; say so
        log.exception("encrypting %s failed", path)
        open_database(path)
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("EncryptionSetup", "Data not encrypted"),
            QCoreApplication.translate(
                "EncryptionSetup",
                "The outlet's data could not be encrypted and stays unencrypted:\n{error}\n\n"
                "The head can encrypt it later from the command line: complaint-desk "
                "encrypt --user and the head's employee number",
            ).format(error=exc),
        )
        return outlet, head
    open_database(path, key=done.key)
    QGuiApplication.restoreOverrideCursor()
    RecoveryKeyDialog.ask(parent, done.recovery_key, outlet.name)
    return outlet, head
