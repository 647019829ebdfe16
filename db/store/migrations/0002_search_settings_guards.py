"""Schema version 2: full-text search over complaints, rule settings, append-only timeline.

Existing complaints are indexed as part of this step.
"""

import datetime

from peewee import CharField, DateTimeField, Model, TextField

from db.store import sqlite_features


def up(migrator, db):
    class Setting(Model):
        key = CharField(max_length=80, primary_key=True)
        value = TextField()
        updated_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            database = db
            table_name = "setting"

    db.create_tables([Setting])
    sqlite_features.install_case_search(db)
    sqlite_features.install_append_only_guards(db)
