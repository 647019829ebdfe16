"""The audit trail covers every row: each row no entry names gets a baseline entry.

Rows written before the trail existed (schema versions 1-4), and rows that earlier
migrations wrote before the audit triggers were built at open, had no entry, so the check
could not tell them from rows written with the triggers switched off. Each gets one entry
with op ``B`` (the row as it stands when the trail began to cover it, no actor), chained
like every other entry; from now on a row that no entry names is a finding of the check.

The triggers are built here as well (as at every open), so a row a later migration writes
in the same upgrade lands in the trail. Frozen; never import db.store.models here.
"""

from db.store import sqlite_features


def up(migrator, db):
    sqlite_features.sync_audit_triggers(db)
    sqlite_features.record_baseline(db)
