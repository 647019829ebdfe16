"""Schema version 1: outlets, staff, complaints and their event timeline.

Frozen copies of the models as they were at version 1; never import db.store.models here.
"""

import datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Outlet(Base):
        name = CharField(max_length=100)
        code = CharField(max_length=20, unique=True)
        district_branch = CharField(max_length=100)
        created_at = DateTimeField(default=datetime.datetime.now)

    class Staff(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        name = CharField(max_length=50)
        employee_no = CharField(max_length=30)
        role = CharField(max_length=20)
        active = BooleanField(default=True)
        joined_on = DateField(null=True)

        class Meta:
            indexes = ((("outlet", "employee_no"), True),)

    class Case(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        case_no = CharField(max_length=40, unique=True)
        year = IntegerField()
        seq = IntegerField()
        received_at = DateTimeField()
        route = CharField(max_length=40)
        channel = CharField(max_length=40)
        business_type = CharField(max_length=40)
        cause = CharField(max_length=40)
        severity = CharField(max_length=10, default="ordinary")
        urgent_triggers = CharField(max_length=200, default="")
        customer_name = CharField(max_length=50)
        customer_phone = CharField(max_length=30, default="")
        customer_id_no = CharField(max_length=18, default="")
        remedy_requested = TextField(default="")
        description = TextField()
        first_ask_owner = ForeignKeyField(Staff, on_delete="RESTRICT")
        handler = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        status = CharField(max_length=30)
        is_open = BooleanField(default=True)
        agreed_reply_at = DateTimeField(null=True)
        due_at = DateTimeField(null=True)
        settled_at = DateTimeField(null=True)
        settlement = TextField(default="")
        closed_at = DateTimeField(null=True)
        created_at = DateTimeField(default=datetime.datetime.now)
        updated_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "complaint_case"
            indexes = (
                (("outlet", "year", "seq"), True),
                (("received_at",), False),
                (("is_open", "due_at"), False),
                (("status", "received_at"), False),
                (("cause", "received_at"), False),
                (("first_ask_owner", "received_at"), False),
                (("severity", "received_at"), False),
            )

    class CaseEvent(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        at = DateTimeField(default=datetime.datetime.now)
        actor = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        kind = CharField(max_length=40)
        from_status = CharField(max_length=30, null=True)
        to_status = CharField(max_length=30, null=True)
        note = TextField(default="")
        data = TextField(default="{}")

        class Meta:
            table_name = "case_event"
            indexes = ((("case", "at"), False),)

    db.create_tables([Outlet, Staff, Case, CaseEvent])
