"""The district's audit trail: every write to a table the district owns, hash-chained.

Triggers (migration 0001) append one ``district_audit`` entry per changed row in the same
transaction: when, who, which table and key, the row before and after (JSON), and a
SHA-256 over the previous entry's hash and this entry's text
(``district_audit_payload``). The trail only grows: updating, deleting or truncating it
is refused by a trigger. Who is the session's ``complaint_desk.actor`` (set here),
otherwise the database role.

The cases, work-order records and replies the outlets send are not the district's writes
but the outlets' own, so they are not in this trail; the ``received_bundle`` row of each
bundle (who imported it, when, its manifest's SHA-256) is.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from peewee import Database

from db.district.models import district_database

GENESIS = "0" * 64


def set_actor(name: str, db: Database | None = None) -> None:
    """Attribute this session's following writes to ``name`` (a district officer)."""
    target = db or district_database
    # set_config takes bound parameters where SET cannot (psycopg 3 binds on the server).
    target.execute_sql("SELECT set_config('complaint_desk.actor', %s, false)", (name,))


@contextlib.contextmanager
def acting_as(name: str, db: Database | None = None) -> Iterator[None]:
    set_actor(name, db)
    try:
        yield
    finally:
        set_actor("", db)


@dataclass(frozen=True)
class TrailProblem:
    entry_id: int
    reason: str

    def __str__(self) -> str:
        return f"audit entry {self.entry_id}: {self.reason}"


def verify_trail(db: Database | None = None) -> list[TrailProblem]:
    """Every entry's hash recomputed and its link to the previous one checked; the
    problems found, oldest first (empty when the trail is whole)."""
    target = db or district_database
    cursor = target.execute_sql(
        "SELECT id, prev_hash, hash, district_audit_payload(prev_hash, at, actor, table_name, "
        "op, row_key, before, after) FROM district_audit ORDER BY id"
    )
    problems = []
    previous = GENESIS
    for entry_id, prev_hash, stored, payload in cursor:
        if prev_hash != previous:
            problems.append(TrailProblem(entry_id, "does not follow the entry before it"))
        if hashlib.sha256(payload.encode("utf-8")).hexdigest() != stored:
            problems.append(TrailProblem(entry_id, "its content does not match its hash"))
        previous = stored
    return problems
