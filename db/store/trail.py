"""The audit trail's primitives that the database's own triggers call: who is acting, and
the hash of one entry chained to the previous one.

They sit in the store because the triggers (db/store/sqlite_features.py) register them on
every connection; db/trust/audit.py builds the trail and its verification on them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Callable, Iterator

_state = threading.local()
_session_actor: int | None = None


def set_session_actor(staff_id: int | None) -> None:
    """The staff member every later write in this process is attributed to."""
    global _session_actor
    _session_actor = staff_id


def current_actor() -> int | None:
    return getattr(_state, "actor", None) or _session_actor


@contextlib.contextmanager
def acting_as(staff_id: int | None) -> Iterator[None]:
    """Attribute the writes inside the block to ``staff_id`` (this thread only)."""
    previous = getattr(_state, "actor", None)
    _state.actor = staff_id
    try:
        yield
    finally:
        _state.actor = previous


# json.dumps(..., ensure_ascii=False, separators=(",", ":")), built once: the same text.
_entry_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_quote = json.encoder.encode_basestring  # a JSON string exactly as that encoder writes it


def entry_hash(
    prev: str | None,
    at: str | None,
    actor: int | None,
    table: str,
    op: str,
    row_id: int | None,
    before: str | None,
    after: str | None,
) -> str:
    """SHA-256 of one entry's content chained to the previous hash.

    The triggers call this through SQLite (as ``cd_audit_hash``) and the verifier calls it
    directly, so both compute exactly the same thing."""
    content = _entry_json([prev or "", at, actor, table, op, row_id, before, after])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def insert_hasher(
    at: str, actor: int | None, table: str, op: str = "I"
) -> Callable[[str, int, str], str]:
    """``entry_hash(prev, at, actor, table, op, row_id, None, after)`` as a function of
    (prev, row_id, after) only, for many inserts (or baseline entries) at once: the same
    text is hashed (the constant part of it is written once), about four times faster than
    the encoder. tests/db/trust/test_audit.py checks that both agree."""
    sha256 = hashlib.sha256
    quote = _quote
    middle = f",{quote(at)},{'null' if actor is None else int(actor)},{quote(table)},{quote(op)},"

    def digest(prev: str, row_id: int, after: str) -> str:
        text = f"[{quote(prev)}{middle}{int(row_id)},null,{quote(after)}]"
        return sha256(text.encode("utf-8")).hexdigest()

    return digest
