"""The outlet's side of the keys: its own signing key, the enrolment file, the district's
trusted public key.

The outlet's private key lives beside the database, in ``keys/outlet-signing-key.json``
of the data folder (db/trust/keys.py: 0600 in a 0700 folder, wrapped by the head's password). It
is the outlet head's: it is made, and opened, with the head's login password, so only the
head (not an acting head, whose password differs) writes the enrolment file. The public
half and the district's trusted key are settings in the database (``keys.outlet`` and
``keys.district``, JSON), so they are backed up, restored and audited with the rest.

When the head changes their password (db.trust.accounts.change_password), the key is rewrapped
with the new one in the same step. A password the head forgot cannot open the key: after
a reset, ``complaint-desk enrolment --new-key`` makes a new key pair, and the district
enrols the outlet's new key (its fingerprint compared by phone) in place of the old one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from db.errors import WorkflowError
from db.intake import roster
from db.store.models import Setting, Staff, database, now
from db.trust import keys

log = logging.getLogger(__name__)

KEY_DIR = "keys"
KEY_FILE = "outlet-signing-key.json"
SETTING_OUTLET_KEY = "keys.outlet"
SETTING_DISTRICT_KEY = "keys.district"


def data_dir() -> Path:
    """The folder of the open outlet database."""
    return Path(database.obj.database).resolve().parent


def key_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / KEY_DIR / KEY_FILE


def _setting(key: str) -> dict | None:
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row is not None else None


def _put_setting(key: str, value: dict) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    at = now()
    Setting.insert(key=key, value=text, updated_at=at).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: text, Setting.updated_at: at}
    ).execute()


def require_outlet_head(staff: Staff | None) -> Staff:
    """The outlet head: ``staff`` when it is the head; without accounts (``None``), the
    head is assumed. WorkflowError ``head_only`` for anyone else."""
    outlet = roster.current_outlet()
    head = roster.outlet_head(outlet) if outlet is not None else None
    if head is None:
        raise WorkflowError("outlet_not_set_up")
    if staff is not None and staff.id != head.id:
        raise WorkflowError("head_only", action="manage the outlet's signing key")
    return head


@dataclass(frozen=True)
class OutletKey:
    path: Path
    public_b64: str
    fingerprint: str
    created: bool


def outlet_public_key() -> dict | None:
    """``{"public_key", "fingerprint", "created_at"}`` of the outlet's key, if it has one."""
    return _setting(SETTING_OUTLET_KEY)


def open_or_create_key(
    password: str, *, new_key: bool = False, scrypt_n: int = keys.SCRYPT_N
) -> tuple[keys.Ed25519PrivateKey, OutletKey]:
    """The outlet's private key, opened with the head's ``password``; made (and its public
    half recorded) when there is none yet, or when ``new_key`` asks for a new pair (the
    old file is kept beside it as ``….replaced-<time>``)."""
    outlet = roster.current_outlet()
    if outlet is None:
        raise WorkflowError("outlet_not_set_up")
    path = key_path()
    created = False
    if new_key and path.exists():
        stamp = now().strftime("%Y%m%d-%H%M%S")
        path.rename(path.with_name(f"{path.name}.replaced-{stamp}"))
    if path.exists():
        private = keys.unwrap(path, password)
    else:
        owner = keys.Owner(keys.KIND_OUTLET, outlet.code, outlet.name)
        private = keys.create_private_key(path, password, owner, scrypt_n=scrypt_n)
        created = True
    raw = keys.raw_public(private.public_key())
    public_b64 = keys.public_b64(private)
    stored = outlet_public_key()
    if stored is None or stored.get("public_key") != public_b64:
        with database.atomic():
            _put_setting(
                SETTING_OUTLET_KEY,
                {
                    "public_key": public_b64,
                    "fingerprint": keys.fingerprint(raw),
                    "created_at": keys.read_private_file(path).created_at,
                },
            )
    return private, OutletKey(path, public_b64, keys.fingerprint(raw), created)


def signing_key(password: str):
    """The outlet's private signing key, unwrapped with the head's password; refused with
    ``bundle_no_outlet_key`` while the outlet has written no enrolment file."""
    path = key_path()
    if not path.exists():
        raise WorkflowError("bundle_no_outlet_key")
    return keys.unwrap(path, password)


def write_enrolment(
    out: Path,
    password: str,
    *,
    actor: Staff | None,
    new_key: bool = False,
    scrypt_n: int = keys.SCRYPT_N,
) -> tuple[keys.Enrolment, OutletKey]:
    """Write the outlet's enrolment file for the district (code, name, district, public
    key, self-signed); the head only."""
    require_outlet_head(actor)
    outlet = roster.current_outlet()
    assert outlet is not None  # require_outlet_head refuses a database without one
    private, info = open_or_create_key(password, new_key=new_key, scrypt_n=scrypt_n)
    enrolment = keys.write_enrolment_file(
        out, private, code=outlet.code, name=outlet.name, district=outlet.district_branch
    )
    return enrolment, info


def trusted_district() -> dict | None:
    """``{"code", "name", "public_key", "fingerprint", "trusted_at", "trusted_by"}`` of the
    district whose key this outlet trusts, if any."""
    return _setting(SETTING_DISTRICT_KEY)


def trust_district(key_file: keys.PublicKeyFile, *, actor: Staff | None) -> dict:
    """Record ``key_file``'s key as the district's; the head only. Replaces an earlier
    one (the head confirmed the new fingerprint)."""
    head = require_outlet_head(actor)
    value = {
        "code": key_file.owner.code,
        "name": key_file.owner.name,
        "public_key": key_file.public_b64,
        "fingerprint": key_file.fingerprint,
        "trusted_at": now().isoformat(),
        "trusted_by": {"name": head.name, "employee_no": head.employee_no},
    }
    with database.atomic():
        _put_setting(SETTING_DISTRICT_KEY, value)
    return value


def rewrap_for_new_password(staff: Staff, old_password: str, new_password: str) -> bool:
    """After the head changes their password: rewrap the outlet key with the new one.
    False when there is nothing to rewrap (not the head, no key, no file database)."""
    try:
        path = key_path()
    except (AttributeError, TypeError):
        return False
    if not path.exists():
        return False
    outlet = roster.current_outlet()
    head = roster.outlet_head(outlet) if outlet is not None else None
    if head is None or head.id != staff.id:
        return False
    try:
        keys.rewrap(path, old_password, new_password)
    except keys.KeyFileError as error:
        # Wrapped by a password from before a reset, or damaged: the key cannot follow the
        # new password; the password change itself stands.
        log.warning("outlet key not rewrapped: %s", error.message)
        return False
    return True
