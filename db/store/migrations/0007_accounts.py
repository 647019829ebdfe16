"""Schema version 7: login accounts and the record of revealed customer data.

- account: one per staff member who may log in; the password only as a salted scrypt hash
  (db/trust/accounts.py), with the failed-login counter and the lock that follows it;
- customer_reveal: each time someone showed a case's full phone and ID numbers.

Two new tables only, so the audit triggers built at open (db.store.sqlite_features) cover them
with no rebuild here. Frozen copies of the models; never import db.store.models here.
"""

import datetime

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, Model


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Case(Base):
        class Meta:
            table_name = "complaint_case"

    class Account(Base):
        staff = ForeignKeyField(Staff, unique=True, on_delete="RESTRICT")
        password_hash = CharField(max_length=300)
        failed_count = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        last_login_at = DateTimeField(null=True)
        must_change_password = BooleanField(default=False)
        created_at = DateTimeField(default=datetime.datetime.now)
        updated_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "account"

    class CustomerReveal(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        staff = ForeignKeyField(Staff, on_delete="RESTRICT")
        at = DateTimeField()
        authority = CharField(max_length=20, default="")

        class Meta:
            table_name = "customer_reveal"
            indexes = ((("case", "at"), False),)

    db.create_tables([Account, CustomerReveal])
