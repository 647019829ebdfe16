"""Escalation results sent down by the district branch (Art. 11).

- escalation_result: the district's handling of one of the outlet's escalations, as its
  latest bundle down states it: the case, the escalation's 1-based position among the
  case's escalations, when it was escalated, the department that led it, the PSBC
  counterpart at that level, the result and when it was reached, notes, and the number of
  the bundle that brought it. One row per (case, escalation); a later bundle replaces it.

A new table only, so the audit triggers built at open (db.store.sqlite_features) cover it with
no rebuild here. Frozen copies of the models; never import db.store.models here.
"""

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Case(Base):
        class Meta:
            table_name = "complaint_case"

    class EscalationResult(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        escalation_seq = IntegerField()
        escalated_at = DateTimeField(null=True)
        department = CharField(max_length=100, default="")
        psbc_counterpart = CharField(max_length=100, default="")
        result = TextField(default="")
        result_at = DateTimeField(null=True)
        notes = TextField(default="")
        bundle_seq = IntegerField()
        received_at = DateTimeField()

        class Meta:
            table_name = "escalation_result"
            indexes = ((("case", "escalation_seq"), True),)

    db.create_tables([EscalationResult])
