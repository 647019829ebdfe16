"""Schema version 8: what a liability review did with the penalties of the finding it
replaced (db/management/penalties.py, Art. 5(8)).

- penalty_review_action: one row per penalty of a replaced finding, carried over to the
  same person under the new finding (``carried_to``, the new penalty row) or withdrawn,
  with the review that decided it.

A new table only, so the audit triggers built at open (db.store.sqlite_features) cover it with
no rebuild here. Penalties of findings replaced before this version keep no such row; the
program shows them as replaced with nothing recorded. Frozen copies of the models; never
import db.store.models here.
"""

from peewee import CharField, ForeignKeyField, Model, TextField


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Case(Base):
        class Meta:
            table_name = "complaint_case"

    class LiabilityReview(Base):
        class Meta:
            table_name = "liability_review"

    class Penalty(Base):
        class Meta:
            table_name = "penalty"

    class PenaltyReviewAction(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        review = ForeignKeyField(LiabilityReview, on_delete="RESTRICT")
        penalty = ForeignKeyField(Penalty, unique=True, backref="+", on_delete="RESTRICT")
        action = CharField(max_length=12)
        carried_to = ForeignKeyField(
            Penalty, null=True, unique=True, backref="+", on_delete="RESTRICT"
        )
        note = TextField(default="")

        class Meta:
            table_name = "penalty_review_action"

    db.create_tables([PenaltyReviewAction])
