"""Schema version 5: the hash-chained audit trail (db/trust/audit.py).

The table only; its triggers are (re)built at every open by
db.store.sqlite_features.sync_audit_triggers, so tables and columns added later are covered.
"""

from peewee import CharField, IntegerField, Model, TextField


def up(migrator, db):
    class AuditLog(Model):
        at = CharField(max_length=32)
        actor_id = IntegerField(null=True)
        table_name = CharField(max_length=60)
        op = CharField(max_length=1)
        row_id = IntegerField(null=True)
        before = TextField(null=True)
        after = TextField(null=True)
        prev_hash = CharField(max_length=64)
        hash = CharField(max_length=64)

        class Meta:
            database = db
            table_name = "audit_log"
            indexes = ((("table_name", "row_id", "id"), False),)

    db.create_tables([AuditLog])
