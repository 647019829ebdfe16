"""Signing a bundle's manifest, checking a signature, and the outlet's sequence numbers.

The sender signs the exact bytes of ``manifest.json`` with its Ed25519 key (the outlet's
key going up, the district's coming down; db/trust/keys.py). The manifest lists every
other member's SHA-256 and size, so one signature covers the bundle; ``signature.json``
carries it with the signer's public key, which the reader compares with the key it holds
for the sender before checking the signature (db/exchange/verify.py).

Every bundle names its sender's number for it (``seq``), one more than the sender's
previous bundle. The outlet keeps the number of its last bundle up and of the last bundle
down it imported as settings (``exchange.sent_seq``, ``exchange.received_seq``, with the
numbers skipped that may still arrive), so they travel with its backups; the district keeps them per outlet (db/district/models.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import zipfile
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from db.exchange.format import (
    _BUNDLE,
    MANIFEST,
    SIGNATURE,
    BundleError,
    _check_sizes,
    _hash_file,
    parse_json,
    refused,
)
from db.store import files as store_files
from db.store.models import Setting, now
from db.trust import keys

SETTING_SENT_SEQ = "exchange.sent_seq"
SETTING_RECEIVED_SEQ = "exchange.received_seq"


def sign_manifest(manifest: dict, private: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """(the bytes of ``manifest.json``, the bytes of ``signature.json``)."""
    raw = keys.canonical(manifest)
    signature = {
        "algorithm": keys.ALGORITHM,
        "public_key": keys.public_b64(private),
        "signature": base64.b64encode(private.sign(raw)).decode("ascii"),
    }
    return raw, keys.canonical(signature)


def read_signature(raw: bytes) -> tuple[str, bytes]:
    """(the signer's public key as base64, the signature) from ``signature.json``."""
    data = parse_json(SIGNATURE, raw)
    if not isinstance(data, dict) or data.get("algorithm") != keys.ALGORITHM:
        raise BundleError(SIGNATURE, "not an Ed25519 signature")
    try:
        public = base64.b64decode(str(data.get("public_key")), validate=True)
        signature = base64.b64decode(str(data.get("signature")), validate=True)
    except (binascii.Error, ValueError):
        raise BundleError(SIGNATURE, "key or signature is not base64") from None
    if len(public) != 32 or len(signature) != 64:
        raise BundleError(SIGNATURE, "key or signature has the wrong length")
    return base64.b64encode(public).decode("ascii"), signature


def signer_fingerprint(public_b64: str) -> str:
    return keys.fingerprint(base64.b64decode(public_b64))


def check_signature(manifest_raw: bytes, public_b64: str, signature: bytes) -> None:
    """BundleError ``bundle_bad_signature`` unless ``signature`` by ``public_b64`` signs
    ``manifest_raw``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64))
        key.verify(signature, manifest_raw)
    except (InvalidSignature, ValueError):
        raise refused("bundle_bad_signature", _BUNDLE) from None


# --- the outlet's sequence numbers -----------------------------------------------------------


def _get(key: str) -> int:
    row = Setting.get_or_none(Setting.key == key)
    try:
        return int(json.loads(row.value)) if row is not None else 0
    except (TypeError, ValueError):
        return 0


def _put(key: str, value: int) -> None:
    at = now()
    Setting.insert(key=key, value=str(value), updated_at=at).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: str(value), Setting.updated_at: at}
    ).execute()


def last_sent_seq() -> int:
    return _get(SETTING_SENT_SEQ)


def record_sent_seq(seq: int) -> None:
    """Inside the export's transaction."""
    _put(SETTING_SENT_SEQ, seq)


def last_received() -> dict:
    """``{"seq", "manifest_sha256", "missing", "late"}`` of the bundles down imported: the
    last one's number and manifest hash (seq 0: none), the numbers below it that have not
    arrived, and the manifest hash of each bundle that arrived after a later one."""
    row = Setting.get_or_none(Setting.key == SETTING_RECEIVED_SEQ)
    try:
        value = json.loads(row.value) if row is not None else {}
    except ValueError:
        value = {}
    if not isinstance(value, dict):
        value = {}
    missing = value.get("missing")
    if not isinstance(missing, list):  # written before the missing numbers were kept
        gap = value.get("gap")
        missing = list(range(gap[0], gap[1] + 1)) if isinstance(gap, list) and len(gap) == 2 else []
    late = value.get("late")
    return {
        "seq": int(value.get("seq") or 0),
        "manifest_sha256": value.get("manifest_sha256", ""),
        "missing": [n for n in missing if isinstance(n, int)],
        "late": {str(k): v for k, v in late.items()} if isinstance(late, dict) else {},
    }


def already_received(last: dict, seq: int, manifest_sha256: str) -> bool:
    """Whether the bundle numbered ``seq`` with this manifest is one already imported."""
    if seq == last["seq"]:
        return manifest_sha256 == last["manifest_sha256"]
    return last["late"].get(str(seq)) == manifest_sha256


def record_received(seq: int, manifest_sha256: str, gap: tuple[int, int] | None) -> None:
    """Inside the import's transaction. A bundle above the last one moves the last one on
    and adds the numbers it skipped (``gap``: first, last) to the missing ones; a missing
    one that arrives late leaves the last one as it is and is kept among the late ones."""
    value = last_received()
    if seq > value["seq"]:
        missing = value["missing"] + (list(range(gap[0], gap[1] + 1)) if gap else [])
        value.update(seq=seq, manifest_sha256=manifest_sha256, missing=missing)
    else:
        value["missing"] = [n for n in value["missing"] if n != seq]
        value["late"][str(seq)] = manifest_sha256
    text = json.dumps(value)
    at = now()
    Setting.insert(key=SETTING_RECEIVED_SEQ, value=text, updated_at=at).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: text, Setting.updated_at: at}
    ).execute()


# --- writing a signed bundle -----------------------------------------------------------------


def member_files(members: dict[str, bytes | Path], known: dict[str, dict] | None = None) -> dict:
    """The manifest's ``files``: each member's SHA-256 and size (``known`` for files
    already hashed), within the size limits."""
    files: dict[str, dict] = {}
    total = 0
    for name, content in members.items():
        if known and name in known:
            entry = known[name]
        elif isinstance(content, bytes):
            entry = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
        else:
            digest, size = _hash_file(content)
            entry = {"sha256": digest, "size": size}
        _check_sizes(name, entry["size"], total)
        total += entry["size"]
        files[name] = entry
    return files


def write_signed_bundle(
    path: Path, manifest: dict, members: dict[str, bytes | Path], private: Ed25519PrivateKey
) -> Path:
    """Write the bundle to ``path.partial`` (JSON members deflated, evidence files stored
    as they are), signed, flushed to disk; the caller renames it to ``path`` once its
    transaction is committed (:func:`finish`), or removes it."""
    manifest_raw, signature_raw = sign_manifest(manifest, private)
    partial = path.with_name(path.name + ".partial")
    try:
        with store_files.refusal_named(path), store_files.open_private(partial) as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST, manifest_raw)
                archive.writestr(SIGNATURE, signature_raw)
                for name, content in members.items():
                    if isinstance(content, bytes):
                        archive.writestr(name, content)
                    else:
                        archive.write(content, name, compress_type=zipfile.ZIP_STORED)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return partial


def finish(partial: Path, path: Path) -> None:
    os.replace(partial, path)
