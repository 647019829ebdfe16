"""Schema version 4: the head's management duties (Art. 5-8).

- liability: the basis (duty or rule breached), the confirmed cause category and the
  authority it was determined with; liable_person: each person's share, in hundredths of
  a percent. Determinations made before this step are split equally among their people.
- new tables: liability reviews, evidence attachments, penalties, the roster's history,
  training sessions and attendance, disputes, suggestions and targets.
- case_event (kind, case_id) index, for counts such as "cases escalated in a quarter".

Frozen copies of the models; never import db.store.models here. New NOT NULL columns carry an
SQL DEFAULT so that SQLite adds them in place. Every row of the two altered tables is
rewritten by the backfill, so each gets an audit entry with its new columns.
"""

import datetime

from peewee import (
    SQL,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from db.store import sqlite_features


def _text(max_length, default=""):
    return CharField(
        max_length=max_length, default=default, constraints=[SQL(f"DEFAULT '{default}'")]
    )


def up(migrator, db):
    migrator.migrate(
        migrator.add_column(
            "liability",
            "basis",
            TextField(default="", constraints=[SQL("DEFAULT ''")]),
            allow_not_null=True,
        ),
        migrator.add_column("liability", "cause", _text(40), allow_not_null=True),
        migrator.add_column("liability", "authority", _text(20, "head"), allow_not_null=True),
        migrator.add_column(
            "liable_person",
            "share_bp",
            IntegerField(default=0, constraints=[SQL("DEFAULT 0")]),
            allow_not_null=True,
        ),
        migrator.add_index("case_event", ("kind", "case_id"), False),
    )
    # A file that already has the audit trail (migration 0005, applied before this one was
    # written): give the triggers the new columns first, so that the entries the backfill
    # below writes describe the rows as they now are (db/trust/audit.py verifies exactly that).
    sqlite_features.sync_audit_triggers(db)
    # Earlier determinations named their people without shares: split them equally, the
    # remainder of the division going to the first-named person.
    db.execute_sql(
        """
        UPDATE liable_person SET share_bp = (
            SELECT 10000 / n.count + CASE WHEN liable_person.id = n.first
                                          THEN 10000 % n.count ELSE 0 END
            FROM (SELECT liability_id, COUNT(*) AS count, MIN(id) AS first
                  FROM liable_person GROUP BY liability_id) AS n
            WHERE n.liability_id = liable_person.liability_id)
        """
    )
    # The cause a determination confirmed is, for the old ones, the case's cause.
    db.execute_sql(
        "UPDATE liability SET cause = (SELECT c.cause FROM complaint_case AS c"
        " WHERE c.id = liability.case_id) WHERE cause = ''"
    )

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Outlet(Base):
        class Meta:
            table_name = "outlet"

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Case(Base):
        class Meta:
            table_name = "complaint_case"

    class Liability(Base):
        class Meta:
            table_name = "liability"

    class LiablePerson(Base):
        class Meta:
            table_name = "liable_person"

    class LiabilityReview(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        liability = ForeignKeyField(Liability, on_delete="RESTRICT")
        outcome = CharField(max_length=12)
        reason = TextField()
        result = ForeignKeyField(Liability, null=True, on_delete="RESTRICT")
        reviewed_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        reviewed_at = DateTimeField()
        authority = CharField(max_length=20, default="head")
        created_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "liability_review"
            indexes = ((("case", "reviewed_at"), False),)

    class Attachment(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        liability = ForeignKeyField(Liability, null=True, on_delete="RESTRICT")
        original_name = CharField(max_length=255)
        stored_path = CharField(max_length=400)
        sha256 = CharField(max_length=64)
        size = IntegerField()
        added_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        added_at = DateTimeField()

        class Meta:
            table_name = "attachment"

    class Penalty(Base):
        liable_person = ForeignKeyField(LiablePerson, on_delete="RESTRICT", unique=True)
        liability = ForeignKeyField(Liability, on_delete="RESTRICT")
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        staff = ForeignKeyField(Staff, on_delete="RESTRICT")
        points = IntegerField()
        amount_fen = IntegerField()
        measures = CharField(max_length=200, default="")
        proposed_points = IntegerField()
        proposed_amount_fen = IntegerField()
        proposed_measures = CharField(max_length=200, default="")
        scale_entry = CharField(max_length=100)
        scale_label = CharField(max_length=200, default="")
        reason = TextField(default="")
        applied_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        applied_at = DateTimeField()
        authority = CharField(max_length=20, default="head")

        class Meta:
            table_name = "penalty"
            indexes = ((("applied_at",), False),)

    class StaffChange(Base):
        staff = ForeignKeyField(Staff, on_delete="RESTRICT")
        kind = CharField(max_length=20)
        at = DateTimeField()
        by = ForeignKeyField(Staff, on_delete="RESTRICT")
        data = TextField(default="{}")
        note = TextField(default="")

        class Meta:
            table_name = "staff_change"

    class TrainingSession(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        held_on = DateField()
        topic = CharField(max_length=30)
        title = CharField(max_length=200)
        trainer = CharField(max_length=50)
        minutes = IntegerField()
        remedial_case = ForeignKeyField(Case, null=True, on_delete="RESTRICT")
        note = TextField(default="")
        recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        recorded_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "training_session"
            indexes = ((("topic", "held_on"), False), (("held_on",), False))

    class TrainingAttendance(Base):
        session = ForeignKeyField(TrainingSession, on_delete="RESTRICT")
        staff = ForeignKeyField(Staff, on_delete="RESTRICT")

        class Meta:
            table_name = "training_attendance"
            indexes = ((("session", "staff"), True),)

    class Dispute(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        occurred_at = DateTimeField()
        handled_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        customer_name = CharField(max_length=50)
        customer_phone = CharField(max_length=30, default="")
        description = TextField()
        cause = CharField(max_length=40)
        outcome = CharField(max_length=20)
        outcome_note = TextField(default="")
        case = ForeignKeyField(Case, null=True, on_delete="RESTRICT")
        converted_at = DateTimeField(null=True)
        recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        recorded_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "dispute"
            indexes = ((("occurred_at",), False),)

    class Suggestion(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        proposed_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        proposed_on = DateField()
        text = TextField()
        status = CharField(max_length=20)
        response = TextField(default="")
        decided_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        decided_at = DateTimeField(null=True)
        recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        recorded_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "suggestion"
            indexes = ((("status", "proposed_on"), False),)

    class Target(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        period = CharField(max_length=10)
        metric = CharField(max_length=30)
        value = FloatField()
        set_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        set_at = DateTimeField()

        class Meta:
            table_name = "target"
            indexes = ((("outlet", "period", "metric"), True),)

    db.create_tables(
        [
            LiabilityReview,
            Attachment,
            Penalty,
            StaffChange,
            TrainingSession,
            TrainingAttendance,
            Dispute,
            Suggestion,
            Target,
        ]
    )
