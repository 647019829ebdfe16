"""Settings → District exchange → Trust the district's key…: reads the public-key file the
district gave (db.trust.keys.read_public_key_file), shows its fingerprint to compare with
the district by phone, and on the head's confirmation records it
(db.trust.outlet_keys.trust_district); the head only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.store.models import Staff
from db.trust import keys, outlet_keys
from desktop.kit import operations
from desktop.kit.errors import workflow_error_message

FOLDER_KEY = "exchange/district_key_folder"


def question_text(key_file: keys.PublicKeyFile, before: dict | None) -> str:
    """What the head reads before trusting the key."""
    text = QCoreApplication.translate(
        "TrustDistrict",
        "District {code} ({name})\n\nFingerprint:\n{fingerprint}\n\nCompare the fingerprint "
        "with the district by phone. Trust this key?",
    ).format(code=key_file.owner.code, name=key_file.owner.name, fingerprint=key_file.fingerprint)
    if before:
        text += "\n\n" + QCoreApplication.translate(
            "TrustDistrict",
            "It replaces the key of district {code} trusted since {since} (fingerprint {old}).",
        ).format(
            code=before["code"],
            since=before["trusted_at"][:16].replace("T", " "),
            old=before["fingerprint"],
        )
    return text


def trust_from_file(parent: QWidget, path: Path, actor: Staff) -> bool:
    """Read, ask, record; True when the key is trusted (already or now)."""
    title = QCoreApplication.translate("TrustDistrict", "Trust the district's key")
    try:
        outlet_keys.require_outlet_head(actor)
        key_file = keys.read_public_key_file(path)
    except WorkflowError as error:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("TrustDistrict", "Not trusted. {reason}").format(
                reason=workflow_error_message(error)
            ),
        )
        return False
    before = outlet_keys.trusted_district()
    if before and before.get("public_key") == key_file.public_b64:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate("TrustDistrict", "This key is already trusted."),
        )
        return True
    answer = QMessageBox.question(parent, title, question_text(key_file, before))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    operations.run_op(
        parent,
        lambda: outlet_keys.trust_district(key_file, actor=actor),
        changes=Changes.of(Kind.SETTINGS),
    )
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate(
            "TrustDistrict",
            "The key of district {code} is trusted: bundles signed with it are accepted.",
        ).format(code=key_file.owner.code),
    )
    return True


def ask_and_trust(parent: QWidget, actor: Staff, settings: QSettings) -> bool:
    folder = str(settings.value(FOLDER_KEY, str(Path.home())))
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("TrustDistrict", "The district's public-key file"),
        folder,
        QCoreApplication.translate("TrustDistrict", "Public-key files (*.json);;All files (*)"),
    )
    if not name:
        return False
    settings.setValue(FOLDER_KEY, str(Path(name).parent))
    return trust_from_file(parent, Path(name), actor)
