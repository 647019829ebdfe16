"""Signing keys: Ed25519 key pairs for outlets and the district, their files, fingerprints.

Each outlet and the district has one key pair (``cryptography``'s Ed25519). The private
key never leaves its machine; only the public key travels, in an enrolment file (outlet to
district) or a public-key file (district to outlets). People compare keys by phone with the
**fingerprint**: the SHA-256 of the 32 raw public-key bytes, in 16 groups of 4 hex digits.

Private key file (``complaint-desk-private-key``, version 1), UTF-8 JSON::

    {"format": "complaint-desk-private-key", "version": 1, "algorithm": "Ed25519",
     "owner": {"kind": "outlet" | "district", "code": str, "name": str},
     "public_key": base64 (32 bytes), "created_at": ISO time,
     "kdf": {"name": "scrypt", "n": int, "r": int, "p": int, "salt": base64 (16 bytes)},
     "password_check": base64, "cipher": {"name": "AES-256-GCM", "nonce": base64 (12 bytes)},
     "ciphertext": base64}

The password (the outlet head's login password, or the district key's own) goes through
scrypt to 64 bytes: the first 32 are the AES-256-GCM key, the SHA-256 of the last 32 is
``password_check`` (so a wrong password is told apart from an altered file). GCM seals the
32 raw private-key bytes with every other field of the file as associated data, so
changing any byte of the file makes it unreadable; after opening, the private key must
give the file's ``public_key``. The unwrapped key exists only in memory.

The file is written readable by its user alone (0600, whatever the umask), in a folder
only its user may enter (0700), atomically (a temporary file, fsync, rename); a key file
that others may read is refused. A new password rewraps the same key (:func:`rewrap`):
new salt, new nonce, the old file replaced in one rename.

Public-key file (``complaint-desk-public-key``, version 1)::

    {"format": "complaint-desk-public-key", "version": 1, "algorithm": "Ed25519",
     "owner": {"kind": "district", "code": str, "name": str},
     "public_key": base64, "fingerprint": "XXXX XXXX ...", "created_at": ISO time}

Enrolment file (``complaint-desk-enrolment``, version 1), written by an outlet::

    {"format": "complaint-desk-enrolment", "version": 1, "algorithm": "Ed25519",
     "outlet": {"code": str, "name": str, "district": str},
     "public_key": base64, "fingerprint": "XXXX ...", "created_at": ISO time,
     "signature": base64}

``signature`` is the outlet key's Ed25519 signature over the canonical JSON (keys sorted,
UTF-8, no spaces) of every other field: it shows that whoever wrote the file holds the
private key. A reader recomputes the fingerprint and refuses a file whose stated one
differs. Readers ignore keys they do not know.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import WorkflowError
from db.store import files

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

# ``cryptography`` is imported by the functions that sign, seal or check: this module is
# loaded with the accounts (db/trust/database_key.py) at every start of the window, which
# signs and seals nothing before its list is on screen. ``keys.Ed25519PrivateKey`` and
# ``keys.Ed25519PublicKey`` still name the key classes (module ``__getattr__`` below).
_KEY_CLASSES = ("Ed25519PrivateKey", "Ed25519PublicKey")


def __getattr__(name: str) -> Any:
    if name in _KEY_CLASSES:
        from cryptography.hazmat.primitives.asymmetric import ed25519

        return getattr(ed25519, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ALGORITHM = "Ed25519"
PRIVATE_FORMAT = "complaint-desk-private-key"
PUBLIC_FORMAT = "complaint-desk-public-key"
ENROLMENT_FORMAT = "complaint-desk-enrolment"
VERSION = 1
KIND_OUTLET = "outlet"
KIND_DISTRICT = "district"

# scrypt at 2**15 x 8 takes 32 MiB and about a tenth of a second: slow to guess, quick to
# open once per session.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_PASSWORD = 8
MAX_FILE_BYTES = 64 * 1024

FILE_MODE = files.FILE_MODE
DIR_MODE = files.DIR_MODE


class KeyFileError(WorkflowError):
    """A key or key file was refused; ``code`` says why (``key_wrong_password``,
    ``key_file_damaged``, ``key_file_exposed``, ``key_file_unknown``, ``key_file_missing``,
    ``key_file_exists``, ``key_password_short``, ``enrolment_bad_signature``)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str, path: Path | str, size: int | None = None) -> bytes:
    try:
        data = base64.b64decode(str(text), validate=True)
    except (binascii.Error, ValueError):
        raise _damaged(path, f"{what} is not base64") from None
    if size is not None and len(data) != size:
        raise _damaged(path, f"{what} is {len(data)} bytes, not {size}")
    return data


def _damaged(path: Path | str, reason: str) -> KeyFileError:
    return KeyFileError(
        "key_file_damaged", "{path}: damaged or altered key file ({reason}).",
        path=str(path), reason=reason,
    )  # fmt: skip


def canonical(data: dict) -> bytes:
    """Sorted keys, UTF-8, no spaces: the bytes that are signed or authenticated."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


# --- public keys and fingerprints ------------------------------------------------------------


def raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_b64(private: Ed25519PrivateKey) -> str:
    """The base64 of the raw public key that goes with ``private``."""
    return _b64(raw_public(private.public_key()))


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, as 16 groups of 4 upper-case hex digits."""
    digest = hashlib.sha256(public_raw).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def public_key_from_b64(text: str, path: Path | str = "(key)") -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(_unb64(text, "public_key", path, 32))


# --- protected files -------------------------------------------------------------------------


def write_protected(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable by its user alone, atomically (a 0600 temporary
    file beside it, fsync, rename); the folder is made 0700."""
    files.private_dir(path.parent)
    files.write_private(path, data)


def _read_json(path: Path, expected_format: str, algorithm: str = ALGORITHM) -> dict:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise KeyFileError(
                "key_file_unknown", "{path}: too large for a key file.", path=str(path)
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyFileError("key_file_missing", "{path}: no such file.", path=str(path)) from None
    except UnicodeDecodeError:
        raise _damaged(path, "not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise _damaged(path, "not JSON") from None
    if not isinstance(data, dict) or data.get("format") != expected_format:
        raise KeyFileError(
            "key_file_unknown",
            "{path}: not a {expected} file.",
            path=str(path),
            expected=expected_format,
        )
    if data.get("version") != VERSION or data.get("algorithm") != algorithm:
        raise KeyFileError(
            "key_file_unknown",
            "{path}: version {version} / {algorithm} is not one this program reads.",
            path=str(path),
            version=data.get("version"),
            algorithm=data.get("algorithm"),
        )
    return data


# --- private keys ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    kind: str
    code: str
    name: str

    def as_json(self) -> dict:
        return {"kind": self.kind, "code": self.code, "name": self.name}


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise KeyFileError(
            "key_password_short",
            "The key's password must have at least {min} characters.",
            min=MIN_PASSWORD,
        )


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    material = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(password.encode("utf-8"))
    return material[:32], hashlib.sha256(material[32:]).digest()


def seal(secret: bytes, password: str, header: dict, *, n: int = SCRYPT_N) -> dict:
    """``header`` with ``secret`` sealed by ``password``: the scrypt parameters and salt,
    ``password_check``, the GCM nonce and ``ciphertext``, every other field authenticated."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    aes_key, check = _derive(password, salt, n, SCRYPT_R, SCRYPT_P)
    sealed_header = {
        **header,
        "kdf": {"name": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "password_check": _b64(check),
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(nonce)},
    }
    sealed = AESGCM(aes_key).encrypt(nonce, secret, canonical(sealed_header))
    return {**sealed_header, "ciphertext": _b64(sealed)}


def check_sealed(data: dict, path: Path | str) -> None:
    """Refuse a sealed record whose key derivation, cipher or fields are not as
    :func:`seal` writes them (nothing is unwrapped)."""
    try:
        kdf, cipher = data["kdf"], data["cipher"]
        if kdf.get("name") != "scrypt" or cipher.get("name") != "AES-256-GCM":
            raise _damaged(path, "unknown key derivation or cipher")
        for name in ("n", "r", "p"):
            if not isinstance(kdf[name], int) or kdf[name] < 1:
                raise _damaged(path, f"scrypt {name} is not a positive integer")
        for name in ("password_check", "ciphertext"):
            _unb64(data[name], name, path)
    except (KeyError, TypeError, AttributeError):
        raise _damaged(path, "a field is missing") from None


def open_sealed(data: dict, password: str, path: Path | str) -> bytes:
    """The secret :func:`seal` sealed in ``data``: KeyFileError ``key_wrong_password`` for
    a wrong password, ``key_file_damaged`` for a record that was altered."""
    check_sealed(data, path)
    kdf = data["kdf"]
    salt = _unb64(kdf["salt"], "salt", path, SALT_BYTES)
    nonce = _unb64(data["cipher"]["nonce"], "nonce", path, NONCE_BYTES)
    if kdf["n"] > 2**20 or kdf["r"] > 32 or kdf["p"] > 16:
        raise _damaged(path, "scrypt parameters out of range")
    try:
        aes_key, check = _derive(password, salt, kdf["n"], kdf["r"], kdf["p"])
    except ValueError as error:  # n not a power of two, and the like
        raise _damaged(path, str(error)) from None
    if not hmac.compare_digest(check, _unb64(data["password_check"], "password_check", path)):
        raise KeyFileError("key_wrong_password", "Wrong password for the key in {path}.",
                        path=str(path))  # fmt: skip
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = {k: v for k, v in data.items() if k != "ciphertext"}
    try:
        return AESGCM(aes_key).decrypt(
            nonce, _unb64(data["ciphertext"], "ciphertext", path), canonical(header)
        )
    except InvalidTag:
        raise _damaged(path, "it does not authenticate") from None


def _wrap(
    private: Ed25519PrivateKey, password: str, owner: Owner, created_at: str, n: int
) -> bytes:
    header = {
        "format": PRIVATE_FORMAT,
        "version": VERSION,
        "algorithm": ALGORITHM,
        "owner": owner.as_json(),
        "public_key": _b64(raw_public(private.public_key())),
        "created_at": created_at,
    }
    from cryptography.hazmat.primitives import serialization

    raw = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    doc = seal(raw, password, header, n=n)
    return json.dumps(doc, indent=1).encode("utf-8") + b"\n"


def create_private_key(
    path: Path, password: str, owner: Owner, *, scrypt_n: int = SCRYPT_N
) -> Ed25519PrivateKey:
    """Make a new key pair and store its private key at ``path``, wrapped by
    ``password``; refuses to replace an existing key file."""
    check_new_password(password)
    if path.exists():
        raise KeyFileError(
            "key_file_exists", "{path}: a key already exists; it is not replaced.", path=str(path)
        )
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    write_protected(path, _wrap(private, password, owner, _now(), scrypt_n))
    return private


def check_private_file_mode(path: Path) -> None:
    """Refuse a key file (or its folder) that other users may read or enter."""
    if os.name != "posix":
        return
    for target, allowed in ((path, FILE_MODE), (path.parent, DIR_MODE)):
        mode = stat.S_IMODE(target.stat().st_mode)
        if mode & ~allowed & 0o077:
            raise KeyFileError(
                "key_file_exposed",
                "{path} may be read by other users (mode {mode:o}); the key may have "
                "leaked. Make it private (chmod {allowed:o}) or make a new key.",
                path=str(target),
                mode=mode,
                allowed=allowed,
            )


@dataclass(frozen=True)
class PrivateKeyFile:
    path: Path
    owner: Owner
    public_raw: bytes
    created_at: str
    data: dict

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_raw)


def read_private_file(path: Path) -> PrivateKeyFile:
    """The key file's public part, checked for shape (nothing unwrapped)."""
    path = Path(path)
    data = _read_json(path, PRIVATE_FORMAT)
    check_private_file_mode(path)
    check_sealed(data, path)
    try:
        owner = Owner(**{k: str(data["owner"][k]) for k in ("kind", "code", "name")})
        public_raw = _unb64(data["public_key"], "public_key", path, 32)
        created_at = str(data["created_at"])
    except (KeyError, TypeError, AttributeError):
        raise _damaged(path, "a field is missing") from None
    return PrivateKeyFile(path, owner, public_raw, created_at, data)


def unwrap(path: Path, password: str) -> Ed25519PrivateKey:
    """Open the key file at ``path`` with ``password``: KeyFileError ``key_wrong_password``
    for a wrong password, ``key_file_damaged`` for a file that was altered."""
    info = read_private_file(path)
    raw = open_sealed(info.data, password, path)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        private = Ed25519PrivateKey.from_private_bytes(raw)
    except ValueError:
        raise _damaged(path, "it does not authenticate") from None
    if raw_public(private.public_key()) != info.public_raw:
        raise _damaged(path, "the private key does not match its public key")
    return private


def rewrap(
    path: Path, old_password: str, new_password: str, *, scrypt_n: int | None = None
) -> None:
    """Wrap the same key with ``new_password`` (new salt and nonce), replacing the file in
    one rename; the old password must open it."""
    check_new_password(new_password)
    info = read_private_file(path)
    private = unwrap(path, old_password)
    n = scrypt_n or int(info.data["kdf"]["n"])
    write_protected(path, _wrap(private, new_password, info.owner, info.created_at, n))


# --- public-key files (district -> outlets) --------------------------------------------------


@dataclass(frozen=True)
class PublicKeyFile:
    owner: Owner
    public_b64: str
    fingerprint: str
    created_at: str


def public_key_document(owner: Owner, public_b64: str) -> dict:
    raw = _unb64(public_b64, "public_key", "(key)", 32)
    return {
        "format": PUBLIC_FORMAT,
        "version": VERSION,
        "algorithm": ALGORITHM,
        "owner": owner.as_json(),
        "public_key": public_b64,
        "fingerprint": fingerprint(raw),
        "created_at": _now(),
    }


def write_public_key_file(path: Path, owner: Owner, public_b64: str) -> PublicKeyFile:
    doc = public_key_document(owner, public_b64)
    _write_plain(path, doc)
    return PublicKeyFile(owner, public_b64, doc["fingerprint"], doc["created_at"])


def _write_plain(path: Path, doc: dict) -> None:
    files.write_private(Path(path), json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def _owner(data: Any, path: Path, kind: str | None = None) -> Owner:
    try:
        owner = Owner(**{k: str(data[k]).strip() for k in ("kind", "code", "name")})
    except (KeyError, TypeError):
        raise _damaged(path, "owner is missing a field") from None
    if kind is not None and owner.kind != kind:
        raise KeyFileError("key_file_unknown", "{path}: the key of an {actual}, not of a {kind}.",
                        path=str(path), actual=owner.kind, kind=kind)  # fmt: skip
    if not owner.code or not owner.name:
        raise _damaged(path, "owner code or name is empty")
    return owner


def _stated_fingerprint(data: dict, raw: bytes, path: Path) -> str:
    actual = fingerprint(raw)
    stated = str(data.get("fingerprint", "")).upper().replace(" ", "")
    if stated != actual.replace(" ", ""):
        raise _damaged(path, "the stated fingerprint is not the key's")
    return actual


def read_public_key_file(path: Path, *, kind: str = KIND_DISTRICT) -> PublicKeyFile:
    path = Path(path)
    data = _read_json(path, PUBLIC_FORMAT)
    owner = _owner(data.get("owner"), path, kind)
    raw = _unb64(data.get("public_key"), "public_key", path, 32)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise _damaged(path, "not an Ed25519 public key") from None
    return PublicKeyFile(
        owner, _b64(raw), _stated_fingerprint(data, raw, path), str(data.get("created_at", ""))
    )


# --- enrolment files (outlet -> district) ----------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    code: str
    name: str
    district: str
    public_b64: str
    fingerprint: str
    created_at: str


def write_enrolment_file(
    path: Path, private: Ed25519PrivateKey, *, code: str, name: str, district: str
) -> Enrolment:
    public_b64 = _b64(raw_public(private.public_key()))
    stated = fingerprint(raw_public(private.public_key()))
    created_at = _now()
    body: dict[str, Any] = {
        "format": ENROLMENT_FORMAT,
        "version": VERSION,
        "algorithm": ALGORITHM,
        "outlet": {"code": code, "name": name, "district": district},
        "public_key": public_b64,
        "fingerprint": stated,
        "created_at": created_at,
    }
    signature = private.sign(canonical(body))
    _write_plain(path, {**body, "signature": _b64(signature)})
    return Enrolment(code, name, district, public_b64, stated, created_at)


def read_enrolment_file(path: Path) -> Enrolment:
    """An outlet's enrolment file, its self-signature and fingerprint checked."""
    path = Path(path)
    data = _read_json(path, ENROLMENT_FORMAT)
    outlet: Any = data.get("outlet")
    try:
        code, name, district = (str(outlet[k]).strip() for k in ("code", "name", "district"))
    except (KeyError, TypeError):
        raise _damaged(path, "outlet is missing a field") from None
    if not code or not name:
        raise _damaged(path, "outlet code or name is empty")
    raw = _unb64(data.get("public_key"), "public_key", path, 32)
    signature = _unb64(data.get("signature"), "signature", path, 64)
    body = {k: v for k, v in data.items() if k != "signature"}
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, canonical(body))
    except (InvalidSignature, ValueError):
        raise KeyFileError(
            "enrolment_bad_signature",
            "{path}: the enrolment file is not signed by its own key; it was altered.",
            path=str(path),
        ) from None
    return Enrolment(
        code, name, district, _b64(raw), _stated_fingerprint(data, raw, path),
        str(data.get("created_at", "")),
    )  # fmt: skip
