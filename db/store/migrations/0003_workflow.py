"""Schema version 3: the handling workflow (Art. 5, 8-11; CBIRC Order 2020 No. 3).

Adds columns to complaint_case (other outlet, major, owed report, first contact, proposal,
breach-warning time), the workflow tables, and the working-day calendar seeded from the
``chinese_calendar`` package. Frozen copies of the models; never import db.store.models here.

New NOT NULL columns carry an SQL DEFAULT so that SQLite adds them in place: rebuilding
complaint_case would drop the full-text search triggers of migration 0002.
"""

import datetime

from peewee import (
    SQL,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def _text(max_length):
    return CharField(max_length=max_length, default="", constraints=[SQL("DEFAULT ''")])


def _flag():
    return BooleanField(default=False, constraints=[SQL("DEFAULT 0")])


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("complaint_case", "other_outlet", _text(100), allow_not_null=True),
        migrator.add_column("complaint_case", "major_reason", _text(40), allow_not_null=True),
        migrator.add_column("complaint_case", "report_required", _flag(), allow_not_null=True),
        migrator.add_column("complaint_case", "report_reason", _text(30), allow_not_null=True),
        migrator.add_column("complaint_case", "first_contact_at", DateTimeField(null=True)),
        migrator.add_column(
            "complaint_case", "first_contact_method", _text(20), allow_not_null=True
        ),
        migrator.add_column("complaint_case", "proposal_at", DateTimeField(null=True)),
        migrator.add_column("complaint_case", "warn_at", DateTimeField(null=True)),
        migrator.add_index("complaint_case", ("warn_at",), False),
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

    class CaseTransfer(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        handler = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        handler_name = CharField(max_length=50, default="")
        handler_outlet = CharField(max_length=100, default="")
        requested_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        requested_at = DateTimeField()
        from_status = CharField(max_length=30)
        state = CharField(max_length=12, default="pending")
        contact_at = DateTimeField(null=True)
        contact_method = CharField(max_length=20, default="")
        confirmed_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        ended_at = DateTimeField(null=True)
        note = TextField(default="")

        class Meta:
            table_name = "case_transfer"
            indexes = ((("case", "state"), False),)

    class ClockPause(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        kind = CharField(max_length=20)
        started_at = DateTimeField()
        ended_at = DateTimeField(null=True)
        reason = TextField(default="")
        recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        created_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "clock_pause"
            indexes = ((("case", "started_at"), False),)

    class ClockExtension(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        step = IntegerField()
        at = DateTimeField()
        reason = TextField()
        approved_by = CharField(max_length=100, default="")
        approval_ref = CharField(max_length=100, default="")
        approved_at = DateTimeField(null=True)
        recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")

        class Meta:
            table_name = "clock_extension"
            indexes = ((("case", "step"), True),)

    class HandlingDecision(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        decided_at = DateTimeField()
        decided_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        findings = TextField()
        basis = TextField()
        remedies = CharField(max_length=100)
        remedies_note = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "handling_decision"
            indexes = ((("case", "decided_at"), False),)

    class CustomerNotice(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        decision = ForeignKeyField(HandlingDecision, null=True, on_delete="RESTRICT")
        kind = CharField(max_length=30)
        method = CharField(max_length=20)
        at = DateTimeField()
        proof = TextField()
        recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        created_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "customer_notice"
            indexes = ((("case", "at"), False),)

    class ReviewRequest(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        decision = ForeignKeyField(HandlingDecision, on_delete="RESTRICT")
        requested_at = DateTimeField()
        content = TextField()
        recorded_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        decided_at = DateTimeField(null=True)
        decided_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        outcome = TextField(default="")
        upheld = BooleanField(null=True)

        class Meta:
            table_name = "review_request"
            indexes = ((("case", "requested_at"), False),)

    class WorkOrder(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        source = CharField(max_length=20)
        number = CharField(max_length=60)
        received_at = DateTimeField()
        reply_by = DateTimeField()
        customer_name = CharField(max_length=50)
        customer_phone = CharField(max_length=30, default="")
        content = TextField()
        case = ForeignKeyField(Case, null=True, on_delete="RESTRICT")
        may_concern_outlet = BooleanField(default=False)
        head_callback_required = BooleanField(default=False)
        replied_at = DateTimeField(null=True)
        replied_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        reply_content = TextField(default="")
        import_file = CharField(max_length=260, default="")
        created_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        created_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "work_order"
            indexes = (
                (("outlet", "source", "number"), True),
                (("replied_at", "reply_by"), False),
            )

    class Callback(Base):
        case = ForeignKeyField(Case, null=True, on_delete="RESTRICT")
        work_order = ForeignKeyField(WorkOrder, null=True, on_delete="RESTRICT")
        due_at = DateTimeField()
        assigned_to = ForeignKeyField(Staff, on_delete="RESTRICT")
        planned_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        planned_at = DateTimeField()
        plan_note = TextField(default="")
        done_at = DateTimeField(null=True)
        done_by = ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        method = CharField(max_length=20, default="")
        reached = BooleanField(null=True)
        result = CharField(max_length=24, default="")
        notes = TextField(default="")

        class Meta:
            table_name = "callback"
            indexes = ((("done_at", "due_at"), False),)

    class ActingHead(Base):
        outlet = ForeignKeyField(Outlet, on_delete="RESTRICT")
        staff = ForeignKeyField(Staff, on_delete="RESTRICT")
        starts_at = DateTimeField()
        ends_at = DateTimeField()
        named_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        note = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "acting_head"
            indexes = ((("outlet", "starts_at"), False),)

    class CalendarDay(Base):
        day = DateField(primary_key=True)
        working = BooleanField()
        name = CharField(max_length=40, default="")
        source = CharField(max_length=10)
        updated_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "calendar_day"

    class CalendarYear(Base):
        year = IntegerField(primary_key=True)
        source = CharField(max_length=10)
        updated_at = DateTimeField(default=datetime.datetime.now)

        class Meta:
            table_name = "calendar_year"

    class CaseLink(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        earlier = ForeignKeyField(Case, on_delete="RESTRICT")
        kind = CharField(max_length=10)
        at = DateTimeField()
        by = ForeignKeyField(Staff, on_delete="RESTRICT")
        note = TextField(default="")

        class Meta:
            table_name = "case_link"
            indexes = ((("case", "earlier"), True), (("earlier",), False))

    class Liability(Base):
        case = ForeignKeyField(Case, on_delete="RESTRICT")
        liable = BooleanField()
        reasons = TextField()
        determined_by = ForeignKeyField(Staff, on_delete="RESTRICT")
        determined_at = DateTimeField()

        class Meta:
            table_name = "liability"
            indexes = ((("case", "determined_at"), False),)

    class LiablePerson(Base):
        liability = ForeignKeyField(Liability, on_delete="RESTRICT")
        staff = ForeignKeyField(Staff, on_delete="RESTRICT")

        class Meta:
            table_name = "liable_person"
            indexes = ((("liability", "staff"), True),)

    db.create_tables(
        [
            CaseTransfer,
            ClockPause,
            ClockExtension,
            HandlingDecision,
            CustomerNotice,
            ReviewRequest,
            WorkOrder,
            Callback,
            ActingHead,
            CalendarDay,
            CalendarYear,
            CaseLink,
            Liability,
            LiablePerson,
        ]
    )
    _seed_calendar(CalendarDay, CalendarYear)


def _seed_calendar(CalendarDay, CalendarYear):
    """Copy the official holidays and make-up working days (调休) the package knows.

    Later package versions add years; db.handling.workcalendar.sync_from_package() adds those
    without touching the years the head has edited.
    """
    try:
        from chinese_calendar import constants
    except ImportError:  # the head enters the calendar by hand
        return
    rows = {}
    for day, name in constants.holidays.items():
        rows[day] = dict(day=day, working=False, name=str(name)[:40], source="package")
    for day, name in constants.workdays.items():
        rows[day] = dict(day=day, working=True, name=str(name)[:40], source="package")
    years = sorted({day.year for day in rows})
    if not years:
        return
    now = datetime.datetime.now().replace(microsecond=0)
    for row in rows.values():
        row["updated_at"] = now
    CalendarDay.insert_many(list(rows.values())).execute()
    CalendarYear.insert_many(
        [dict(year=y, source="package", updated_at=now) for y in range(years[0], years[-1] + 1)]
    ).execute()
