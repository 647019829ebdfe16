"""Peewee entities. Bound through a DatabaseProxy so the same models serve SQLite at the
outlet and, later, PostgreSQL at the district branch.

The schema itself is created by the ordered migrations in db/migrations/; these classes
must describe the schema those migrations produce (tests/db/test_migrations.py checks it).
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def now() -> dt.datetime:
    """Local wall-clock time to the second; the outlet works in one time zone."""
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Outlet(BaseModel):
    name = CharField(max_length=100)
    code = CharField(max_length=20, unique=True)
    district_branch = CharField(max_length=100)
    created_at = DateTimeField(default=now)


class Staff(BaseModel):
    outlet = ForeignKeyField(Outlet, backref="staff", on_delete="RESTRICT")
    name = CharField(max_length=50)
    employee_no = CharField(max_length=30)
    role = CharField(max_length=20)
    active = BooleanField(default=True)
    joined_on = DateField(null=True)

    class Meta:
        indexes = ((("outlet", "employee_no"), True),)


class Case(BaseModel):
    """A complaint. Table name avoids the SQL keyword CASE."""

    outlet = ForeignKeyField(Outlet, backref="cases", on_delete="RESTRICT")
    case_no = CharField(max_length=40, unique=True)
    year = IntegerField()
    seq = IntegerField()
    received_at = DateTimeField()
    route = CharField(max_length=40)
    channel = CharField(max_length=40)
    business_type = CharField(max_length=40)
    cause = CharField(max_length=40)
    severity = CharField(max_length=10, default="ordinary")
    # Comma-separated codes from vocab.URGENT_TRIGGERS; empty for an ordinary case.
    urgent_triggers = CharField(max_length=200, default="")
    customer_name = CharField(max_length=50)
    customer_phone = CharField(max_length=30, default="")
    customer_id_no = CharField(max_length=18, default="")
    remedy_requested = TextField(default="")
    description = TextField()
    first_ask_owner = ForeignKeyField(Staff, backref="first_asked", on_delete="RESTRICT")
    handler = ForeignKeyField(Staff, null=True, backref="handled", on_delete="RESTRICT")
    status = CharField(max_length=30)
    # Denormalised from status so that open/overdue counts stay index-only.
    is_open = BooleanField(default=True)
    agreed_reply_at = DateTimeField(null=True)
    # The earliest deadline still running; NULL when nothing is due.
    due_at = DateTimeField(null=True)
    settled_at = DateTimeField(null=True)
    settlement = TextField(default="")
    closed_at = DateTimeField(null=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

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


class CaseEvent(BaseModel):
    """Append-only timeline entry: who did what to a case, and when."""

    case = ForeignKeyField(Case, backref="events", on_delete="RESTRICT")
    at = DateTimeField(default=now)
    actor = ForeignKeyField(Staff, null=True, backref="events", on_delete="RESTRICT")
    kind = CharField(max_length=40)
    from_status = CharField(max_length=30, null=True)
    to_status = CharField(max_length=30, null=True)
    note = TextField(default="")
    # JSON object with event-specific details.
    data = TextField(default="{}")

    class Meta:
        table_name = "case_event"
        indexes = ((("case", "at"), False),)


class Setting(BaseModel):
    """Rule settings and outlet preferences, stored as JSON values."""

    key = CharField(max_length=80, primary_key=True)
    value = TextField()
    updated_at = DateTimeField(default=now)


ALL_MODELS = [Outlet, Staff, Case, CaseEvent, Setting]
