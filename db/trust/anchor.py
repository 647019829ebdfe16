"""The audit trail's head anchored outside the database file: signed checkpoints.

A hash chain inside the file shows an entry changed, but not a trail rewritten whole: whoever
can edit the file can recompute every hash after the entry they changed, or cut the newest
entries off. So the head of the chain (how many entries, the last one's id and hash) is
signed, into the manifest of every backup and into the data folder's checkpoint folder at
every backup, restore and bundle export; the check compares the trail with the newest checkpoint it can find and
reports a trail shorter than it or diverging from it.

A checkpoint is signed with the outlet's Ed25519 key when it is at hand (a bundle export,
which has the head's password), else with the trail's anchor key: an Ed25519 key of its own,
kept in the data folder's key folder (0600), apart from the database. Only checkpoints
signed by one of those keys count; a file signed by any other key is ignored.

Checkpoint file (``complaint-desk-trail-checkpoint``, version 1), UTF-8 JSON::

    {"format": ..., "version": 1, "at": ISO time, "reason": "backup" | "export" | ...,
     "entries": int, "last_id": int, "last_hash": hex, "public_key": base64,
     "signature": base64 (over the canonical JSON of every other field)}
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from peewee import Database

from db.errors import message
from db.store import files
from db.trust import keys

CHECKPOINT_FORMAT = "complaint-desk-trail-checkpoint"
ANCHOR_KEY_FORMAT = "complaint-desk-trail-anchor-key"
CHECKPOINT_DIR = "checkpoints"
CHECKPOINT_PREFIX = "trail-checkpoint-"
ANCHOR_KEY_FILE = "trail-anchor-key.json"
# The outlet's signing key file, as db.trust.outlet_keys names it (and the replaced ones).
OUTLET_KEY_GLOB = "outlet-signing-key.json*"
MAX_CHECKPOINT_BYTES = 1024 * 1024  # a backup's manifest lists its attachments too
# Checkpoints kept in the data folder; every backup's manifest keeps its own as well.
KEEP = 30
# Where a backup's manifest holds its checkpoint (db/trust/backup.py).
MANIFEST_KEY = "trail_checkpoint"
BACKUP_MANIFEST_GLOB = "complaint-desk-*.json"

Execute = Callable[[str], Any]


@dataclass(frozen=True)
class Head:
    """The head of the trail: its number of entries, the last entry's id and hash."""

    entries: int
    last_id: int
    last_hash: str


@dataclass(frozen=True)
class Checkpoint:
    path: Path
    at: str
    reason: str
    head: Head


def key_folder(data_dir: Path) -> Path:
    return Path(data_dir) / "keys"


def checkpoint_folder(data_dir: Path) -> Path:
    return Path(data_dir) / CHECKPOINT_DIR


def _execute_of(db: Database | sqlite3.Connection) -> Execute:
    # A plain driver connection (sqlite3's or sqlcipher3's) has execute; peewee execute_sql.
    return db.execute_sql if isinstance(db, Database) else db.execute


def trail_head(db: Database | sqlite3.Connection) -> Head:
    """The head of the trail of ``db`` (a peewee database or a plain connection)."""
    row = _execute_of(db)(
        "SELECT count(*), coalesce(max(id), 0), "
        "coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') FROM audit_log"
    ).fetchone()
    return Head(int(row[0]), int(row[1]), str(row[2]))


# --- the keys --------------------------------------------------------------------------------


def anchor_key(data_dir: Path, *, create: bool = True) -> Ed25519PrivateKey | None:
    """The trail's anchor key of the data folder ``data_dir``, made on first use."""
    path = key_folder(data_dir) / ANCHOR_KEY_FILE
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != ANCHOR_KEY_FORMAT:
                return None
            return Ed25519PrivateKey.from_private_bytes(base64.b64decode(data["private_key"]))
        except (OSError, ValueError, KeyError, TypeError, binascii.Error):
            return None
    if not create:
        return None
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    doc = {
        "format": ANCHOR_KEY_FORMAT,
        "version": 1,
        "algorithm": keys.ALGORITHM,
        "public_key": keys.public_b64(private),
        "private_key": base64.b64encode(raw).decode("ascii"),
    }
    keys.write_protected(path, keys.canonical(doc))
    return private


def trusted_keys(data_dir: Path) -> set[str]:
    """The public keys (base64) whose checkpoints count: the anchor key's and every outlet
    signing key the data folder's key folder holds (the current and the replaced ones)."""
    folder = key_folder(data_dir)
    found: set[str] = set()
    anchor = anchor_key(data_dir, create=False)
    if anchor is not None:
        found.add(keys.public_b64(anchor))
    for path in sorted(folder.glob(OUTLET_KEY_GLOB)) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found.add(str(data["public_key"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found


# --- writing and reading checkpoints ---------------------------------------------------------


Signer = Ed25519PrivateKey | None


def sign_checkpoint(
    db: Database | sqlite3.Connection, data_dir: Path, *, reason: str, signing_key: Signer = None
) -> dict[str, object] | None:
    """The head of the trail of ``db``, signed with ``signing_key`` (the outlet's) when given,
    else with the anchor key of ``data_dir``; None when no key can be had."""
    private = signing_key or anchor_key(data_dir)
    if private is None:
        return None
    head = trail_head(db)
    doc: dict[str, object] = {
        "format": CHECKPOINT_FORMAT,
        "version": 1,
        "at": dt.datetime.now().isoformat(timespec="microseconds"),
        "reason": reason,
        "entries": head.entries,
        "last_id": head.last_id,
        "last_hash": head.last_hash,
        "public_key": keys.public_b64(private),
    }
    doc["signature"] = base64.b64encode(private.sign(keys.canonical(doc))).decode("ascii")
    return doc


def write_checkpoint(
    db: Database | sqlite3.Connection, data_dir: Path, *, reason: str, signing_key: Signer = None
) -> dict[str, object] | None:
    """Sign the head of the trail (:func:`sign_checkpoint`) and write it to the data
    folder's checkpoint folder, keeping the newest :data:`KEEP` there. Returns the document
    (a backup keeps a copy of it in its manifest)."""
    doc = sign_checkpoint(db, data_dir, reason=reason, signing_key=signing_key)
    if doc is None:
        return None
    folder = checkpoint_folder(data_dir)
    files.make_dirs(folder)
    stamp = str(doc["at"]).replace(":", "").replace("-", "").replace(".", "-")
    target = folder / f"{CHECKPOINT_PREFIX}{stamp}-{doc['entries']}.json"
    partial = target.with_name(target.name + ".partial")
    files.write_private(partial, keys.canonical(doc))
    partial.replace(target)
    for old in sorted(folder.glob(f"{CHECKPOINT_PREFIX}*.json"))[:-KEEP]:
        old.unlink(missing_ok=True)
    return doc


def read_checkpoint(doc: object, path: Path, trusted: set[str]) -> Checkpoint | None:
    """The checkpoint ``doc`` (read from ``path``), or None when it is not one signed by a
    ``trusted`` key."""
    try:
        if not isinstance(doc, dict) or doc.get("format") != CHECKPOINT_FORMAT:
            return None
        doc = dict(doc)
        public = str(doc["public_key"])
        if public not in trusted:
            return None
        signature = base64.b64decode(str(doc.pop("signature")), validate=True)
        keys.public_key_from_b64(public, path).verify(signature, keys.canonical(doc))
        head = Head(int(doc["entries"]), int(doc["last_id"]), str(doc["last_hash"]))
        return Checkpoint(path, str(doc["at"]), str(doc["reason"]), head)
    except (ValueError, KeyError, TypeError, binascii.Error, InvalidSignature):
        return None
    except keys.KeyFileError:
        return None


def _documents(path: Path, key: str | None) -> object:
    """The JSON in ``path`` (or its member ``key``: a backup's manifest), or None."""
    try:
        if path.stat().st_size > MAX_CHECKPOINT_BYTES:
            return None
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc.get(key) if key is not None and isinstance(doc, dict) else doc


def newest_checkpoint(data_dir: Path, backup_folders: Iterable[Path] = ()) -> Checkpoint | None:
    """The newest checkpoint (by its signed time) signed by a key of ``data_dir``: in its
    checkpoint folder, or in the manifest of a backup in one of ``backup_folders``."""
    trusted = trusted_keys(data_dir)
    if not trusted:
        return None
    places: list[tuple[Path, str | None]] = []
    folder = checkpoint_folder(data_dir)
    if folder.is_dir():
        places += [(p, None) for p in folder.glob(f"{CHECKPOINT_PREFIX}*.json")]
    for backups in dict.fromkeys(map(Path, backup_folders)):
        if backups.is_dir():
            places += [(p, MANIFEST_KEY) for p in backups.glob(BACKUP_MANIFEST_GLOB)]
    found = [
        checkpoint
        for path, key in places
        if (checkpoint := read_checkpoint(_documents(path, key), path, trusted)) is not None
    ]
    return max(found, key=lambda c: (c.at, c.head.entries), default=None)


def head_problems(db: Database | sqlite3.Connection, checkpoint: Checkpoint) -> list[str]:
    """How the trail of ``db`` disagrees with ``checkpoint``: shorter than it, or not the
    same entries up to its head (entries rewritten, removed or the chain recomputed)."""
    cp = checkpoint.head
    if cp.entries == 0:
        return []
    execute = _execute_of(db)
    now = trail_head(db)
    params = dict(at=checkpoint.at, entries=cp.entries, now=now.entries)
    if now.last_id < cp.last_id or now.entries < cp.entries:
        return [message("trail_shorter_than_checkpoint", **params)]
    row = execute(
        f"SELECT (SELECT hash FROM audit_log WHERE id = {int(cp.last_id)}), "
        f"(SELECT count(*) FROM audit_log WHERE id <= {int(cp.last_id)})"
    ).fetchone()
    if row[0] != cp.last_hash or int(row[1]) != cp.entries:
        return [message("trail_diverges_from_checkpoint", **params)]
    return []
