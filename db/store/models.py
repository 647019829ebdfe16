"""Peewee entities. Bound through a DatabaseProxy so the same models serve SQLite at the
outlet and, later, PostgreSQL at the district branch.

The schema itself is created by the ordered migrations in db/store/migrations/; these classes
must describe the schema those migrations produce (tests/db/store/test_migrations.py checks it).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def now() -> dt.datetime:
    """Local wall-clock time to the second; the outlet works in one time zone."""
    return dt.datetime.now().replace(microsecond=0)


def local_time(value: dt.datetime) -> dt.datetime:
    """``value`` as the outlet's wall-clock time, the way times are stored: a time that
    carries a zone (from another program, or in UTC) is converted to this computer's zone
    and its zone dropped; a time without one is already local."""
    if value.tzinfo is None:
        return value
    return value.astimezone().replace(tzinfo=None)


def to_second(value: dt.datetime | None) -> dt.datetime:
    """When something happened, as stored: ``value`` (default now) in the outlet's local
    time, to the second."""
    return local_time(value or now()).replace(microsecond=0)


class BaseModel(Model):
    if TYPE_CHECKING:  # the automatic primary key peewee adds to each model
        id = AutoField()

    class Meta:
        database = database
        legacy_table_names = False


class Outlet(BaseModel):
    name = CharField(max_length=100)
    code = CharField(max_length=20, unique=True)
    district_branch = CharField(max_length=100)
    created_at = DateTimeField(default=now)


class Staff(BaseModel):
    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()

    outlet = ForeignKeyField(Outlet, backref="staff", on_delete="RESTRICT")
    # Indexed for sorting the case list by owner (migration 0006).
    name = CharField(max_length=50, index=True)
    employee_no = CharField(max_length=30)
    role = CharField(max_length=20)
    active = BooleanField(default=True)
    joined_on = DateField(null=True)

    class Meta:
        indexes = ((("outlet", "employee_no"), True),)


class Case(BaseModel):
    """A complaint. Table name avoids the SQL keyword CASE."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()
        first_ask_owner_id = IntegerField()
        handler_id = IntegerField(null=True)

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
    # --- added by migration 0003 (the handling workflow) ---
    # Another outlet the complaint involves (Art. 10, last sentence); free text.
    other_outlet = CharField(max_length=100, default="")
    # A code from codes.MAJOR_REASONS when the complaint is major (CBIRC Art. 29).
    major_reason = CharField(max_length=40, default="")
    # Set when the customer is unsatisfied: the head must be told before anything else.
    report_required = BooleanField(default=False)
    report_reason = CharField(max_length=30, default="")
    first_contact_at = DateTimeField(null=True)
    first_contact_method = CharField(max_length=20, default="")
    proposal_at = DateTimeField(null=True)
    # When the earliest running clock reaches the breach-warning share; NULL when none.
    warn_at = DateTimeField(null=True)
    # --- added by migration 0009 (the working-day calendar's years) ---
    # The years without an official schedule that a running clock was counted across
    # (comma-separated, "" when none): those deadlines assume only weekends rest.
    calendar_gap = CharField(max_length=40, default="")

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
            (("warn_at",), False),
            # Sorting the list by customer or by due date (migration 0006).
            (("customer_name", "received_at"), False),
            (("due_at", "received_at"), False),
        )


class CaseEvent(BaseModel):
    """Append-only timeline entry: who did what to a case, and when."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        actor_id = IntegerField(null=True)

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
        # (kind, case): added by migration 0004, so that counts such as "cases escalated in a
        # quarter" seek the few events of one kind instead of reading every event.
        indexes = ((("case", "at"), False), (("kind", "case"), False))


class Setting(BaseModel):
    """Rule settings and outlet preferences, stored as JSON values."""

    key = CharField(max_length=80, primary_key=True)
    value = TextField()
    updated_at = DateTimeField(default=now)


# --- The handling workflow (migration 0003) ----------------------------------------


class CaseTransfer(BaseModel):
    """A transfer to the handler (Art. 10). Pending until customer and handler are in
    contact; only then formal. A handler at another outlet is named in text."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        handler_id = IntegerField(null=True)
        requested_by_id = IntegerField()
        confirmed_by_id = IntegerField(null=True)

    case = ForeignKeyField(Case, backref="transfers", on_delete="RESTRICT")
    handler = ForeignKeyField(Staff, null=True, backref="transfers_in", on_delete="RESTRICT")
    handler_name = CharField(max_length=50, default="")
    handler_outlet = CharField(max_length=100, default="")
    requested_by = ForeignKeyField(Staff, backref="transfers_out", on_delete="RESTRICT")
    requested_at = DateTimeField()
    from_status = CharField(max_length=30)
    state = CharField(max_length=12, default="pending")
    contact_at = DateTimeField(null=True)
    contact_method = CharField(max_length=20, default="")
    confirmed_by = ForeignKeyField(
        Staff, null=True, backref="transfers_confirmed", on_delete="RESTRICT"
    )
    ended_at = DateTimeField(null=True)
    note = TextField(default="")

    class Meta:
        table_name = "case_transfer"
        indexes = ((("case", "state"), False),)


class ClockPause(BaseModel):
    """Time excluded from the decision clock: outside appraisal (CBIRC Art. 18) or
    mediation (Art. 23). ``ended_at`` NULL while the pause lasts."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        recorded_by_id = IntegerField()

    case = ForeignKeyField(Case, backref="pauses", on_delete="RESTRICT")
    kind = CharField(max_length=20)
    started_at = DateTimeField()
    ended_at = DateTimeField(null=True)
    reason = TextField(default="")
    recorded_by = ForeignKeyField(Staff, backref="pauses", on_delete="RESTRICT")
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "clock_pause"
        indexes = ((("case", "started_at"), False),)


class ClockExtension(BaseModel):
    """An extension of the decision clock (CBIRC Art. 18): step 1 to 30 days with a
    reason, step 2 by 30 more with a higher office's approval; the customer is told."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        recorded_by_id = IntegerField()

    case = ForeignKeyField(Case, backref="extensions", on_delete="RESTRICT")
    step = IntegerField()
    at = DateTimeField()
    reason = TextField()
    approved_by = CharField(max_length=100, default="")
    approval_ref = CharField(max_length=100, default="")
    approved_at = DateTimeField(null=True)
    recorded_by = ForeignKeyField(Staff, backref="extensions", on_delete="RESTRICT")

    class Meta:
        table_name = "clock_extension"
        indexes = ((("case", "step"), True),)


class HandlingDecision(BaseModel):
    """The handling decision: findings, basis and reasons, remedies (CBIRC Art. 19)."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        decided_by_id = IntegerField()

    case = ForeignKeyField(Case, backref="decisions", on_delete="RESTRICT")
    decided_at = DateTimeField()
    decided_by = ForeignKeyField(Staff, backref="decisions", on_delete="RESTRICT")
    findings = TextField()
    basis = TextField()
    # Comma-separated codes from codes.REMEDIES.
    remedies = CharField(max_length=100)
    remedies_note = TextField(default="")
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "handling_decision"
        indexes = ((("case", "decided_at"), False),)


class CustomerNotice(BaseModel):
    """Proof that the customer was told (CBIRC Art. 21): method, time and what proves it."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        decision_id = IntegerField(null=True)
        recorded_by_id = IntegerField()

    case = ForeignKeyField(Case, backref="notices", on_delete="RESTRICT")
    decision = ForeignKeyField(HandlingDecision, null=True, backref="notices", on_delete="RESTRICT")
    kind = CharField(max_length=30)
    method = CharField(max_length=20)
    at = DateTimeField()
    proof = TextField()
    recorded_by = ForeignKeyField(Staff, backref="notices", on_delete="RESTRICT")
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "customer_notice"
        indexes = ((("case", "at"), False),)


class ReviewRequest(BaseModel):
    """A customer's request for review of a decision, with its own clock (CBIRC Art. 20)."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        decision_id = IntegerField()
        recorded_by_id = IntegerField()
        decided_by_id = IntegerField(null=True)

    case = ForeignKeyField(Case, backref="reviews", on_delete="RESTRICT")
    decision = ForeignKeyField(HandlingDecision, backref="reviews", on_delete="RESTRICT")
    requested_at = DateTimeField()
    content = TextField()
    recorded_by = ForeignKeyField(Staff, backref="reviews_recorded", on_delete="RESTRICT")
    decided_at = DateTimeField(null=True)
    decided_by = ForeignKeyField(Staff, null=True, backref="reviews_decided", on_delete="RESTRICT")
    outcome = TextField(default="")
    upheld = BooleanField(null=True)

    class Meta:
        table_name = "review_request"
        indexes = ((("case", "requested_at"), False),)


class WorkOrder(BaseModel):
    """A complaint sent down by a superior body (Art. 5): reply within its time."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()
        case_id = IntegerField(null=True)
        replied_by_id = IntegerField(null=True)
        created_by_id = IntegerField(null=True)

    outlet = ForeignKeyField(Outlet, backref="work_orders", on_delete="RESTRICT")
    source = CharField(max_length=20)
    number = CharField(max_length=60)
    received_at = DateTimeField()
    reply_by = DateTimeField()
    customer_name = CharField(max_length=50)
    customer_phone = CharField(max_length=30, default="")
    content = TextField()
    case = ForeignKeyField(Case, null=True, backref="work_orders", on_delete="RESTRICT")
    # Art. 5(6): helping with a work order that may concern the outlet.
    may_concern_outlet = BooleanField(default=False)
    # Art. 5(7): the head calls the customer back in person.
    head_callback_required = BooleanField(default=False)
    replied_at = DateTimeField(null=True)
    replied_by = ForeignKeyField(
        Staff, null=True, backref="work_order_replies", on_delete="RESTRICT"
    )
    reply_content = TextField(default="")
    import_file = CharField(max_length=260, default="")
    created_by = ForeignKeyField(Staff, null=True, backref="work_orders", on_delete="RESTRICT")
    created_at = DateTimeField(default=now)
    # --- added by migration 0009 ---
    # The work order stated no reply-by: ``reply_by`` is the internal limit (rule
    # workorder_reply_working_days), recomputed when the calendar changes.
    reply_by_default = BooleanField(default=False)
    # As Case.calendar_gap, for a default reply-by.
    calendar_gap = CharField(max_length=40, default="")

    class Meta:
        table_name = "work_order"
        indexes = (
            (("outlet", "source", "number"), True),
            (("replied_at", "reply_by"), False),
        )


class Callback(BaseModel):
    """A planned callback (Art. 5(7)) and, once made, its record."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField(null=True)
        work_order_id = IntegerField(null=True)
        assigned_to_id = IntegerField()
        planned_by_id = IntegerField()
        done_by_id = IntegerField(null=True)

    case = ForeignKeyField(Case, null=True, backref="callbacks", on_delete="RESTRICT")
    work_order = ForeignKeyField(WorkOrder, null=True, backref="callbacks", on_delete="RESTRICT")
    due_at = DateTimeField()
    assigned_to = ForeignKeyField(Staff, backref="callbacks_assigned", on_delete="RESTRICT")
    planned_by = ForeignKeyField(Staff, backref="callbacks_planned", on_delete="RESTRICT")
    planned_at = DateTimeField()
    plan_note = TextField(default="")
    done_at = DateTimeField(null=True)
    done_by = ForeignKeyField(Staff, null=True, backref="callbacks_done", on_delete="RESTRICT")
    method = CharField(max_length=20, default="")
    reached = BooleanField(null=True)
    result = CharField(max_length=24, default="")
    notes = TextField(default="")

    class Meta:
        table_name = "callback"
        indexes = ((("done_at", "due_at"), False),)


class ActingHead(BaseModel):
    """A span in which a staff member holds the head's duties (Art. 8). [starts_at, ends_at)."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()
        staff_id = IntegerField()
        named_by_id = IntegerField()

    outlet = ForeignKeyField(Outlet, backref="acting_heads", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="acting_spans", on_delete="RESTRICT")
    starts_at = DateTimeField()
    ends_at = DateTimeField()
    named_by = ForeignKeyField(Staff, backref="acting_named", on_delete="RESTRICT")
    note = TextField(default="")
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "acting_head"
        indexes = ((("outlet", "starts_at"), False),)


class CalendarDay(BaseModel):
    """An exception to the Monday-to-Friday week: a holiday on a weekday, or a make-up
    working day (调休) at a weekend. Seeded from chinese_calendar, editable by the head."""

    day = DateField(primary_key=True)
    working = BooleanField()
    name = CharField(max_length=40, default="")
    source = CharField(max_length=10)
    updated_at = DateTimeField(default=now)

    class Meta:
        table_name = "calendar_day"


class CalendarYear(BaseModel):
    """A year whose schedule the table holds (from the package or the head). It counts as
    covered only when ``complete``: the head may save part of a year and finish it later."""

    year = IntegerField(primary_key=True)
    source = CharField(max_length=10)
    updated_at = DateTimeField(default=now)
    # --- added by migration 0009 ---
    complete = BooleanField(default=False)

    class Meta:
        table_name = "calendar_year"


class CaseLink(BaseModel):
    """A repeat complaint linked, or merged, into an earlier case of the same customer."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        earlier_id = IntegerField()
        by_id = IntegerField()

    case = ForeignKeyField(Case, backref="links_out", on_delete="RESTRICT")
    earlier = ForeignKeyField(Case, backref="links_in", on_delete="RESTRICT")
    kind = CharField(max_length=10)
    at = DateTimeField()
    by = ForeignKeyField(Staff, backref="case_links", on_delete="RESTRICT")
    note = TextField(default="")

    class Meta:
        table_name = "case_link"
        indexes = ((("case", "earlier"), True), (("earlier",), False))


class Liability(BaseModel):
    """The head's liability determination (Art. 5(8)); the latest row counts.

    Rows are never changed: a review that changes or overturns a finding writes a new row
    (db/management/liability.py), so the case's current finding is its row with the highest id.
    """

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        determined_by_id = IntegerField()

    case = ForeignKeyField(Case, backref="liabilities", on_delete="RESTRICT")
    liable = BooleanField()
    # Liable: the findings; not liable: why not.
    reasons = TextField()
    determined_by = ForeignKeyField(Staff, backref="liabilities", on_delete="RESTRICT")
    determined_at = DateTimeField()
    # --- added by migration 0004 ---
    # The duty or rule breached (required when liable).
    basis = TextField(default="")
    # The cause category the head confirms, a code of vocab.CAUSES.
    cause = CharField(max_length=40, default="")
    # permissions.CAPACITY_HEAD or CAPACITY_ACTING: with which authority it was determined.
    authority = CharField(max_length=20, default="head")

    class Meta:
        table_name = "liability"
        indexes = ((("case", "determined_at"), False),)


class LiablePerson(BaseModel):
    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        liability_id = IntegerField()
        staff_id = IntegerField()

    liability = ForeignKeyField(Liability, backref="persons", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="liable_for", on_delete="RESTRICT")
    # --- added by migration 0004 ---
    # The person's share of the liability in hundredths of a percent (10000 = 100 %); the
    # shares of one determination add up to exactly 10000.
    share_bp = IntegerField(default=0)

    class Meta:
        table_name = "liable_person"
        indexes = ((("liability", "staff"), True),)


ALL_MODELS = [
    Outlet,
    Staff,
    Case,
    CaseEvent,
    Setting,
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


class AuditLog(BaseModel):
    """One entry of the hash-chained audit trail; written only by triggers (db/trust/audit.py)."""

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
        table_name = "audit_log"
        indexes = ((("table_name", "row_id", "id"), False),)


ALL_MODELS.append(AuditLog)


# --- Management duties of the head (Art. 5-8; migration 0004) ------------------------


class LiabilityReview(BaseModel):
    """A review of a liability determination. The reviewed row stays as it was; a changed or
    overturned finding is a new Liability row (``result``)."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        liability_id = IntegerField()
        result_id = IntegerField(null=True)
        reviewed_by_id = IntegerField()

    case = ForeignKeyField(Case, backref="liability_reviews", on_delete="RESTRICT")
    liability = ForeignKeyField(Liability, backref="reviews", on_delete="RESTRICT")
    # A code of codes.LIABILITY_REVIEW_OUTCOMES: upheld, changed or overturned.
    outcome = CharField(max_length=12)
    reason = TextField()
    result = ForeignKeyField(Liability, null=True, backref="review_of", on_delete="RESTRICT")
    reviewed_by = ForeignKeyField(Staff, backref="liability_reviews", on_delete="RESTRICT")
    reviewed_at = DateTimeField()
    authority = CharField(max_length=20, default="head")
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "liability_review"
        indexes = ((("case", "reviewed_at"), False),)


class Attachment(BaseModel):
    """An evidence file, copied into the ``attachments`` folder beside the database and
    checksummed; ``stored_path`` is relative to that folder, with forward slashes."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        liability_id = IntegerField(null=True)
        added_by_id = IntegerField()

    case = ForeignKeyField(Case, backref="attachments", on_delete="RESTRICT")
    liability = ForeignKeyField(Liability, null=True, backref="attachments", on_delete="RESTRICT")
    original_name = CharField(max_length=255)
    stored_path = CharField(max_length=400)
    sha256 = CharField(max_length=64)
    size = IntegerField()
    added_by = ForeignKeyField(Staff, backref="attachments", on_delete="RESTRICT")
    added_at = DateTimeField()

    class Meta:
        table_name = "attachment"


class Penalty(BaseModel):
    """The penalty applied to one responsible person of a determination (Art. 5(8)), with
    what the scale proposed, so a departure from the scale stays visible with its reason."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        liable_person_id = IntegerField()
        liability_id = IntegerField()
        case_id = IntegerField()
        staff_id = IntegerField()
        applied_by_id = IntegerField()

    liable_person = ForeignKeyField(
        LiablePerson, backref="penalties", on_delete="RESTRICT", unique=True
    )
    liability = ForeignKeyField(Liability, backref="penalties", on_delete="RESTRICT")
    case = ForeignKeyField(Case, backref="penalties", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="penalties", on_delete="RESTRICT")
    points = IntegerField()
    # Money in fen (1/100 yuan), so sums are exact.
    amount_fen = IntegerField()
    # Comma-separated codes of codes.PENALTY_MEASURES.
    measures = CharField(max_length=200, default="")
    proposed_points = IntegerField()
    proposed_amount_fen = IntegerField()
    proposed_measures = CharField(max_length=200, default="")
    # "cause/severity" of the scale entry the proposal came from, and the scale's label.
    scale_entry = CharField(max_length=100)
    scale_label = CharField(max_length=200, default="")
    reason = TextField(default="")
    applied_by = ForeignKeyField(Staff, backref="penalties_applied", on_delete="RESTRICT")
    applied_at = DateTimeField()
    authority = CharField(max_length=20, default="head")

    class Meta:
        table_name = "penalty"
        indexes = ((("applied_at",), False),)


class PenaltyReviewAction(BaseModel):
    """What a liability review that replaced a finding did with one penalty applied under
    it (migration 0008): carried it over to the same person under the new finding
    (``carried_to``, a new Penalty row with the same points, money and measures, applied
    when the original was) or withdrew it. Penalty rows themselves are never changed, so the
    penalties of a replaced finding stay on record with what became of them."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        review_id = IntegerField()
        penalty_id = IntegerField()
        carried_to_id = IntegerField(null=True)

    case = ForeignKeyField(Case, backref="penalty_review_actions", on_delete="RESTRICT")
    review = ForeignKeyField(LiabilityReview, backref="penalty_actions", on_delete="RESTRICT")
    penalty = ForeignKeyField(Penalty, backref="review_action", unique=True, on_delete="RESTRICT")
    # A code of codes.PENALTY_REVIEW_ACTIONS: carry_over or withdraw.
    action = CharField(max_length=12)
    carried_to = ForeignKeyField(
        Penalty, null=True, unique=True, backref="carried_from", on_delete="RESTRICT"
    )
    note = TextField(default="")

    class Meta:
        table_name = "penalty_review_action"


class StaffChange(BaseModel):
    """The roster's history: who added, changed, deactivated or reactivated whom, and when."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        staff_id = IntegerField()
        by_id = IntegerField()

    staff = ForeignKeyField(Staff, backref="changes", on_delete="RESTRICT")
    kind = CharField(max_length=20)
    at = DateTimeField()
    by = ForeignKeyField(Staff, backref="staff_changes_made", on_delete="RESTRICT")
    # JSON object: the fields changed, each as [before, after].
    data = TextField(default="{}")
    note = TextField(default="")

    class Meta:
        table_name = "staff_change"


class TrainingSession(BaseModel):
    """A training or education session (Art. 5(1)); remedial training may name the liable
    case that caused it."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()
        remedial_case_id = IntegerField(null=True)
        recorded_by_id = IntegerField()

    outlet = ForeignKeyField(Outlet, backref="training_sessions", on_delete="RESTRICT")
    held_on = DateField()
    topic = CharField(max_length=30)
    title = CharField(max_length=200)
    trainer = CharField(max_length=50)
    minutes = IntegerField()
    remedial_case = ForeignKeyField(
        Case, null=True, backref="remedial_training", on_delete="RESTRICT"
    )
    note = TextField(default="")
    recorded_by = ForeignKeyField(Staff, backref="training_recorded", on_delete="RESTRICT")
    recorded_at = DateTimeField(default=now)

    class Meta:
        table_name = "training_session"
        indexes = ((("topic", "held_on"), False), (("held_on",), False))


class TrainingAttendance(BaseModel):
    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        session_id = IntegerField()
        staff_id = IntegerField()

    session = ForeignKeyField(TrainingSession, backref="attendance", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="training_attended", on_delete="RESTRICT")

    class Meta:
        table_name = "training_attendance"
        indexes = ((("session", "staff"), True),)


class Dispute(BaseModel):
    """Customer friction defused before it became a complaint (prevention, Art. 4, 6, 7);
    ``case`` is set when it was converted into one."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()
        handled_by_id = IntegerField()
        case_id = IntegerField(null=True)
        recorded_by_id = IntegerField()

    outlet = ForeignKeyField(Outlet, backref="disputes", on_delete="RESTRICT")
    occurred_at = DateTimeField()
    handled_by = ForeignKeyField(Staff, backref="disputes_handled", on_delete="RESTRICT")
    customer_name = CharField(max_length=50)
    customer_phone = CharField(max_length=30, default="")
    description = TextField()
    cause = CharField(max_length=40)
    # A code of codes.DISPUTE_OUTCOMES.
    outcome = CharField(max_length=20)
    outcome_note = TextField(default="")
    case = ForeignKeyField(Case, null=True, backref="disputes", on_delete="RESTRICT")
    converted_at = DateTimeField(null=True)
    recorded_by = ForeignKeyField(Staff, backref="disputes_recorded", on_delete="RESTRICT")
    recorded_at = DateTimeField(default=now)

    class Meta:
        table_name = "dispute"
        indexes = ((("occurred_at",), False),)


class Suggestion(BaseModel):
    """An improvement proposed by staff (Art. 6(7)) and what became of it."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()
        proposed_by_id = IntegerField()
        decided_by_id = IntegerField(null=True)
        recorded_by_id = IntegerField()

    outlet = ForeignKeyField(Outlet, backref="suggestions", on_delete="RESTRICT")
    proposed_by = ForeignKeyField(Staff, backref="suggestions", on_delete="RESTRICT")
    proposed_on = DateField()
    text = TextField()
    # A code of codes.SUGGESTION_STATUSES.
    status = CharField(max_length=20)
    response = TextField(default="")
    decided_by = ForeignKeyField(
        Staff, null=True, backref="suggestions_decided", on_delete="RESTRICT"
    )
    decided_at = DateTimeField(null=True)
    recorded_by = ForeignKeyField(Staff, backref="suggestions_recorded", on_delete="RESTRICT")
    recorded_at = DateTimeField(default=now)

    class Meta:
        table_name = "suggestion"
        indexes = ((("status", "proposed_on"), False),)


class Target(BaseModel):
    """A complaint control target for a year, quarter or month (Art. 5(1)). ``period`` is
    its canonical text ("2026", "2026-Q3", "2026-07"); ``metric`` a code of
    codes.TARGET_METRICS."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        outlet_id = IntegerField()
        # (``set_by_id`` would be the set_by column's, but Model.set_by_id is a method)

    outlet = ForeignKeyField(Outlet, backref="targets", on_delete="RESTRICT")
    period = CharField(max_length=10)
    metric = CharField(max_length=30)
    value = FloatField()
    set_by = ForeignKeyField(Staff, backref="targets_set", on_delete="RESTRICT")
    set_at = DateTimeField()

    class Meta:
        table_name = "target"
        indexes = ((("outlet", "period", "metric"), True),)


ALL_MODELS.extend(
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


# --- Accounts and private data (migration 0007) -----------------------------------


class Account(BaseModel):
    """A staff member's login. The password is kept only as a salted scrypt hash
    (db/trust/accounts.py); ``failed_count`` counts wrong passwords in a row, ``locked_until``
    ends the lock they caused (in UTC, so that no time zone moves it)."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        staff_id = IntegerField()

    staff = ForeignKeyField(Staff, backref="accounts", unique=True, on_delete="RESTRICT")
    password_hash = CharField(max_length=300)
    failed_count = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    last_login_at = DateTimeField(null=True)
    must_change_password = BooleanField(default=False)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

    class Meta:
        table_name = "account"


class CustomerReveal(BaseModel):
    """One showing of a case's full customer phone and ID numbers."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()
        staff_id = IntegerField()

    case = ForeignKeyField(Case, backref="customer_reveals", on_delete="RESTRICT")
    staff = ForeignKeyField(Staff, backref="customer_reveals", on_delete="RESTRICT")
    at = DateTimeField()
    # "head" or "acting_head" when shown with the head's authority, else the role.
    authority = CharField(max_length=20, default="")

    class Meta:
        table_name = "customer_reveal"
        indexes = ((("case", "at"), False),)


ALL_MODELS.extend([Account, CustomerReveal])
ALL_MODELS.append(PenaltyReviewAction)


class EscalationResult(BaseModel):
    """The district's handling of one of the outlet's escalations (Art. 11), as the
    district's latest bundle down states it (migration 0010): the department that led it,
    the PSBC counterpart at the same level, the result and when it was reached. Keyed by
    the case and the escalation's 1-based position among the case's escalations."""

    if TYPE_CHECKING:  # the column accessor peewee adds beside each foreign key
        case_id = IntegerField()

    case = ForeignKeyField(Case, backref="escalation_results", on_delete="RESTRICT")
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


ALL_MODELS.append(EscalationResult)
