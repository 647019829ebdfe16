"""The district's own record and signing key, and enrolling its outlets.

``init_district`` gives a migrated database its district (code, name) and the district its
key pair: the private key in a protected file on the officer's PC (db/trust/keys.py), never in
the database, which many people may reach; the public key in ``district``, from where
``write_district_key_file`` hands it to the outlets.

``enrol_outlet`` records an outlet from the enrolment file it wrote (db/trust/keys.py checks the
file's self-signature). Enrolling the same file again changes nothing; the same code with
another key is refused unless the officer confirmed the new key's fingerprint with the
outlet (``replace_key``), as after the outlet made a new key. One key cannot belong to
two outlets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from db.district import audit
from db.district.models import District, EnrolledOutlet, district_database
from db.errors import WorkflowError
from db.trust import keys

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")
MAX_NAME = 100


class EnrolmentError(WorkflowError):
    """The district could not be set up, or an outlet not enrolled; ``code`` says why."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_code_and_name(code: str, name: str, what: str) -> tuple[str, str]:
    code, name = code.strip(), name.strip()
    if not CODE_RE.match(code):
        raise EnrolmentError(
            "bad_code",
            "{what} code {value!r}: 1-20 letters, digits, '-' or '_', starting with a letter "
            "or digit.",
            what=what,
            value=code,
        )
    if not name or len(name) > MAX_NAME or any(ord(c) < 32 for c in name):
        raise EnrolmentError(
            "bad_name",
            "{what} name: 1-{max} characters, no control characters.",
            what=what,
            max=MAX_NAME,
        )
    return code, name


def current_district() -> District | None:
    return District.select().first()


def require_district() -> District:
    district = current_district()
    if district is None:
        raise EnrolmentError(
            "district_not_set_up",
            "This database has no district yet: run 'complaint-desk district init' first.",
        )
    return district


@dataclass(frozen=True)
class InitResult:
    district: District
    key_path: Path
    key_created: bool
    created: bool


def init_district(
    code: str,
    name: str,
    *,
    key_path: Path,
    password: str,
    actor: str,
    scrypt_n: int = keys.SCRYPT_N,
) -> InitResult:
    """Set up the district in a migrated database, with its key at ``key_path``.

    Run again, it checks and changes nothing (the name may be corrected). Refused: another
    district's database; a database whose key is not the one at ``key_path``.
    """
    code, name = check_code_and_name(code, name, "District")
    existing = current_district()
    if existing is not None and existing.code != code:
        raise EnrolmentError(
            "other_district",
            "This database belongs to district {existing} ({name}), not {subject}.",
            existing=existing.code,
            name=existing.name,
            subject=code,
        )
    key_created = False
    if key_path.exists():
        private = keys.unwrap(key_path, password)
        info = keys.read_private_file(key_path)
        if info.owner.kind != keys.KIND_DISTRICT or info.owner.code != code:
            raise EnrolmentError(
                "key_of_other_owner",
                "{path} is the key of {kind} {owner}, not of district {subject}.",
                path=str(key_path),
                kind=info.owner.kind,
                owner=info.owner.code,
                subject=code,
            )
    elif existing is not None:
        raise EnrolmentError(
            "district_key_missing",
            "District {subject} already has a key, but its file is not at {path}; give the "
            "key file's place with --key.",
            subject=code,
            path=str(key_path),
        )
    else:
        owner = keys.Owner(keys.KIND_DISTRICT, code, name)
        private = keys.create_private_key(key_path, password, owner, scrypt_n=scrypt_n)
        key_created = True
    public_b64 = keys.public_b64(private)
    fingerprint = keys.fingerprint(keys.raw_public(private.public_key()))
    if existing is not None and existing.public_key != public_b64:
        raise EnrolmentError(
            "district_key_differs",
            "{path} is not the key this database knows for district {subject} "
            "(fingerprint {fingerprint}).",
            path=str(key_path),
            subject=code,
            fingerprint=existing.key_fingerprint,
        )
    with district_database.atomic(), audit.acting_as(actor):
        if existing is None:
            at = _utcnow()
            District.insert(
                code=code,
                name=name,
                public_key=public_b64,
                key_fingerprint=fingerprint,
                created_at=at,
                updated_at=at,
            ).execute()
        elif existing.name != name:
            District.update(name=name, updated_at=_utcnow()).where(District.code == code).execute()
    return InitResult(District.get_by_id(code), key_path, key_created, existing is None)


def write_district_key_file(out: Path) -> keys.PublicKeyFile:
    """The district's public-key file for its outlets (``trust-district``)."""
    district = require_district()
    owner = keys.Owner(keys.KIND_DISTRICT, district.code, district.name)
    return keys.write_public_key_file(out, owner, district.public_key)


@dataclass(frozen=True)
class EnrolResult:
    outlet: EnrolledOutlet
    status: str  # "enrolled", "unchanged", "key_replaced", "updated"
    district_differs: bool


def enrol_outlet(
    enrolment: keys.Enrolment, *, actor: str, replace_key: bool = False
) -> EnrolResult:
    """Enrol the outlet of ``enrolment`` (read with keys.read_enrolment_file)."""
    district = require_district()
    code, name = check_code_and_name(enrolment.code, enrolment.name, "Outlet")
    other = (
        EnrolledOutlet.select()
        .where((EnrolledOutlet.public_key == enrolment.public_b64) & (EnrolledOutlet.code != code))
        .first()
    )
    if other is not None:
        raise EnrolmentError(
            "key_of_other_outlet",
            "This key is already enrolled for outlet {other} ({name}).",
            other=other.code,
            name=other.name,
        )
    existing = EnrolledOutlet.get_or_none(EnrolledOutlet.code == code)
    differs = enrolment.district.strip() != district.name
    with district_database.atomic(), audit.acting_as(actor):
        if existing is None:
            EnrolledOutlet.insert(
                code=code,
                name=name,
                district_code=district.code,
                district_branch=enrolment.district.strip(),
                public_key=enrolment.public_b64,
                key_fingerprint=enrolment.fingerprint,
                enrolled_at=_utcnow(),
                enrolled_by=actor,
            ).execute()
            status = "enrolled"
        elif existing.public_key != enrolment.public_b64:
            if not replace_key:
                raise EnrolmentError(
                    "outlet_key_differs",
                    "Outlet {subject} is enrolled with another key (fingerprint {old}); the "
                    "file's key is {new}. Confirm the new fingerprint with the outlet, then "
                    "enrol again with --replace-key.",
                    subject=code,
                    old=existing.key_fingerprint,
                    new=enrolment.fingerprint,
                )
            EnrolledOutlet.update(
                name=name,
                district_branch=enrolment.district.strip(),
                public_key=enrolment.public_b64,
                key_fingerprint=enrolment.fingerprint,
                enrolled_at=_utcnow(),
                enrolled_by=actor,
                active=True,
            ).where(EnrolledOutlet.code == code).execute()
            status = "key_replaced"
        elif (existing.name, existing.district_branch) != (name, enrolment.district.strip()):
            EnrolledOutlet.update(name=name, district_branch=enrolment.district.strip()).where(
                EnrolledOutlet.code == code
            ).execute()
            status = "updated"
        else:
            status = "unchanged"
    return EnrolResult(EnrolledOutlet.get_by_id(code), status, differs)


def enrolled_outlets() -> list[EnrolledOutlet]:
    return list(EnrolledOutlet.select().order_by(EnrolledOutlet.code))
