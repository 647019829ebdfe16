"""Keys and signed bundles for the exchange tests: a district key the outlet trusts, the
outlet's own key, and bundles down written as the district writes them."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.exchange import signing
from db.trust import keys, outlet_keys

DISTRICT_CODE = "DC01"
DISTRICT_KEY = Ed25519PrivateKey.generate()
OUTLET_KEY = Ed25519PrivateKey.generate()
STRANGER_KEY = Ed25519PrivateKey.generate()


def public_file(private: Ed25519PrivateKey, code: str = DISTRICT_CODE) -> keys.PublicKeyFile:
    raw = keys.raw_public(private.public_key())
    owner = keys.Owner(keys.KIND_DISTRICT, code, "东城区分公司")
    return keys.PublicKeyFile(owner, keys.public_b64(private), keys.fingerprint(raw), "")


def trust_district(private: Ed25519PrivateKey = DISTRICT_KEY, code: str = DISTRICT_CODE) -> None:
    """The outlet (of the open database) trusts ``private``'s public key as its district's."""
    outlet_keys.trust_district(public_file(private, code), actor=None)


def down_manifest(outlet: str = "JSL01", seq: int = 1, **changes) -> dict:
    manifest = {
        "format": "complaint-desk-bundle",
        "version": 2,
        "direction": "down",
        "sender": {"kind": "district", "code": DISTRICT_CODE, "name": "东城区分公司"},
        "addressee": {"kind": "outlet", "code": outlet},
        "seq": seq,
        "created_at": "2026-10-02T09:00:00",
        "since": None,
        "masked": False,
        "counts": {},
    }
    manifest.update(changes)
    return manifest


def make_down_bundle(
    path: Path,
    members: dict[str, bytes],
    *,
    key: Ed25519PrivateKey = DISTRICT_KEY,
    files: dict | None = None,
    **manifest_changes,
) -> Path:
    """A bundle down, signed by ``key``; ``manifest_changes`` override manifest keys."""
    manifest = down_manifest(**manifest_changes)
    manifest["files"] = files if files is not None else signing.member_files(dict(members))
    partial = signing.write_signed_bundle(Path(path), manifest, dict(members), key)
    signing.finish(partial, Path(path))
    return Path(path)
