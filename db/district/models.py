"""Peewee entities over the district's schema, bound through their own DatabaseProxy.

The schema is made by db/district/migrations/; these classes describe what those
migrations produce (tests/district/test_migrations.py checks it column for column). Keys
are composite and natural (``CompositeKey``); peewee never generates them.
"""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    BlobField,
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateTimeField,
    FloatField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.postgres_ext import ArrayField, BinaryJSONField, DateTimeTZField

district_database = DatabaseProxy()


class DistrictModel(Model):
    class Meta:
        database = district_database
        legacy_table_names = False


def _text() -> TextField:
    return TextField(default="")


class District(DistrictModel):
    """The district branch this database belongs to (exactly one)."""

    code = TextField(primary_key=True)
    name = TextField()
    public_key = TextField()
    key_fingerprint = TextField()
    created_at = DateTimeTZField()
    updated_at = DateTimeTZField()


class EnrolledOutlet(DistrictModel):
    code = TextField(primary_key=True)
    name = TextField()
    district_code = TextField()
    district_branch = _text()
    public_key = TextField()
    key_fingerprint = TextField()
    enrolled_at = DateTimeTZField()
    enrolled_by = TextField()
    last_bundle_seq = BigIntegerField(default=0)
    last_bundle_at = DateTimeTZField(null=True)
    active = BooleanField(default=True)
    last_sent_seq = BigIntegerField(default=0)

    class Meta:
        table_name = "outlet"


class ReceivedBundle(DistrictModel):
    outlet_code = TextField()
    seq = BigIntegerField()
    created_at = DateTimeField()
    received_at = DateTimeTZField()
    received_by = TextField()
    manifest_sha256 = TextField()
    cases = IntegerField(default=0)
    work_orders = IntegerField(default=0)
    warnings = BinaryJSONField(default=list)
    signer_fingerprint = TextField(default="")

    class Meta:
        primary_key = CompositeKey("outlet_code", "seq")


class SentBundle(DistrictModel):
    """A signed bundle the district wrote to an outlet, byte for byte, so that one lost on
    the way can be written again, identical (db/district/outbox.py)."""

    outlet_code = TextField()
    seq = BigIntegerField()
    sent_at = DateTimeTZField()
    sent_by = TextField()
    manifest_sha256 = TextField()
    content = BlobField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "seq")


class OutletAuditCheckpoint(DistrictModel):
    outlet_code = TextField()
    bundle_seq = BigIntegerField()
    entry_count = BigIntegerField()
    last_hash = TextField()
    received_at = DateTimeTZField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "bundle_seq")


class OutletCase(DistrictModel):
    """A case as its outlet last stated it (bundle v1 ``cases.json`` entry)."""

    outlet_code = TextField()
    case_no = TextField()
    received_at = DateTimeField()
    route = _text()
    channel = _text()
    business_type = _text()
    cause = _text()
    severity = _text()
    urgent_triggers = ArrayField(TextField, default=list)
    customer_name = _text()
    customer_phone = _text()
    customer_id_no = _text()
    remedy_requested = _text()
    description = _text()
    first_ask_owner_name = _text()
    first_ask_owner_no = _text()
    handler_name = _text()
    handler_no = _text()
    status = TextField()
    is_open = BooleanField()
    agreed_reply_at = DateTimeField(null=True)
    due_at = DateTimeField(null=True)
    settled_at = DateTimeField(null=True)
    settlement = _text()
    closed_at = DateTimeField(null=True)
    created_at = DateTimeField(null=True)
    updated_at = DateTimeField(null=True)
    other_outlet = _text()
    major_reason = _text()
    report_required = BooleanField(default=False)
    report_reason = _text()
    first_contact_at = DateTimeField(null=True)
    first_contact_method = _text()
    proposal_at = DateTimeField(null=True)
    current_liability_seq = IntegerField(null=True)
    bundle_seq = BigIntegerField()
    consolidated_at = DateTimeTZField()
    # The bundle lists an escalation of the case (schema 8): the list's filter, indexed.
    escalated = BooleanField(default=False)

    class Meta:
        primary_key = CompositeKey("outlet_code", "case_no")


class _CaseChild(DistrictModel):
    outlet_code = TextField()
    case_no = TextField()
    seq = IntegerField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "case_no", "seq")


class CaseEvent(_CaseChild):
    at = DateTimeField()
    actor_name = _text()
    actor_no = _text()
    kind = TextField()
    from_status = _text()
    to_status = _text()
    note = _text()
    data = BinaryJSONField(default=dict)


class CaseTransfer(_CaseChild):
    requested_at = DateTimeField()
    requested_by_name = _text()
    requested_by_no = _text()
    handler_staff_name = _text()
    handler_staff_no = _text()
    handler_name = _text()
    handler_outlet = _text()
    from_status = _text()
    state = TextField()
    contact_at = DateTimeField(null=True)
    contact_method = _text()
    confirmed_by_name = _text()
    confirmed_by_no = _text()
    ended_at = DateTimeField(null=True)
    note = _text()


class CaseEscalation(_CaseChild):
    at = DateTimeField()
    by_name = _text()
    by_no = _text()
    level = _text()
    note = _text()
    data = BinaryJSONField(default=dict)


class CaseDecision(_CaseChild):
    decided_at = DateTimeField()
    decided_by_name = _text()
    decided_by_no = _text()
    findings = _text()
    basis = _text()
    remedies = ArrayField(TextField, default=list)
    remedies_note = _text()


class CaseNotice(_CaseChild):
    decision_seq = IntegerField(null=True)
    kind = TextField()
    method = _text()
    at = DateTimeField(null=True)
    proof = _text()
    recorded_by_name = _text()
    recorded_by_no = _text()


class CaseReview(_CaseChild):
    decision_seq = IntegerField(null=True)
    requested_at = DateTimeField()
    content = _text()
    recorded_by_name = _text()
    recorded_by_no = _text()
    decided_at = DateTimeField(null=True)
    decided_by_name = _text()
    decided_by_no = _text()
    outcome = _text()
    upheld = BooleanField(null=True)


class CaseCallback(_CaseChild):
    due_at = DateTimeField(null=True)
    assigned_to_name = _text()
    assigned_to_no = _text()
    planned_by_name = _text()
    planned_by_no = _text()
    planned_at = DateTimeField(null=True)
    plan_note = _text()
    done_at = DateTimeField(null=True)
    done_by_name = _text()
    done_by_no = _text()
    method = _text()
    reached = BooleanField(null=True)
    result = _text()
    notes = _text()
    work_order_source = TextField(null=True)
    work_order_number = TextField(null=True)


class LiabilityFinding(_CaseChild):
    liable = BooleanField()
    reasons = _text()
    basis = _text()
    cause = _text()
    authority = _text()
    determined_by_name = _text()
    determined_by_no = _text()
    determined_at = DateTimeField()


class LiablePerson(DistrictModel):
    outlet_code = TextField()
    case_no = TextField()
    finding_seq = IntegerField()
    seq = IntegerField()
    name = TextField()
    employee_no = _text()
    share_bp = IntegerField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "case_no", "finding_seq", "seq")


class CaseWorkOrder(DistrictModel):
    outlet_code = TextField()
    case_no = TextField()
    source = TextField()
    number = TextField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "case_no", "source", "number")


class CaseAttachment(_CaseChild):
    member = TextField()
    original_name = _text()
    sha256 = TextField()
    size = BigIntegerField()
    liability_seq = IntegerField(null=True)
    added_by_name = _text()
    added_by_no = _text()
    added_at = DateTimeField(null=True)


class OutletWorkOrder(DistrictModel):
    """A work order as the outlet records it, with the outlet's reply."""

    outlet_code = TextField()
    source = TextField()
    number = TextField()
    received_at = DateTimeField(null=True)
    reply_by = DateTimeField(null=True)
    customer_name = _text()
    customer_phone = _text()
    content = _text()
    may_concern_outlet = BooleanField(default=False)
    head_callback_required = BooleanField(default=False)
    case_no = TextField(null=True)
    replied_at = DateTimeField(null=True)
    replied_by_name = _text()
    replied_by_no = _text()
    reply_content = _text()
    bundle_seq = BigIntegerField()
    consolidated_at = DateTimeTZField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "source", "number")


class DistrictWorkOrder(DistrictModel):
    """A work order the district received from above and sends down to one outlet, with
    the district's own reply when it answered the superior body itself."""

    source = TextField()
    number = TextField()
    outlet_code = TextField(null=True)  # None: not assigned to an outlet yet
    received_at = DateTimeField()
    reply_by = DateTimeField(null=True)
    customer_name = _text()
    customer_phone = _text()
    content = TextField()
    may_concern_outlet = BooleanField(default=True)
    head_callback_required = BooleanField(default=False)
    created_at = DateTimeTZField()
    created_by = TextField()
    sent_down_at = DateTimeTZField(null=True)
    reply_content = _text()
    replied_at = DateTimeField(null=True)
    replied_by_name = _text()
    reply_sent_at = DateTimeTZField(null=True)

    class Meta:
        primary_key = CompositeKey("source", "number")


class EscalationHandling(DistrictModel):
    """The district's handling of an outlet's escalation (Art. 11): accepted, the
    department leading it, the PSBC counterpart at the same level, notes, the result and
    when it was sent down."""

    outlet_code = TextField()
    case_no = TextField()
    escalation_seq = IntegerField()
    escalated_at = DateTimeField()
    accepted_at = DateTimeTZField(null=True)
    accepted_by = _text()
    department = _text()
    psbc_counterpart = _text()
    notes = _text()
    result = _text()
    result_at = DateTimeTZField(null=True)
    sent_down_at = DateTimeTZField(null=True)
    updated_at = DateTimeTZField()
    updated_by = TextField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "case_no", "escalation_seq")


class DistrictTarget(DistrictModel):
    outlet_code = TextField()
    period = TextField()
    metric = TextField()
    value = FloatField()
    set_at = DateTimeTZField()
    set_by = TextField()

    class Meta:
        primary_key = CompositeKey("outlet_code", "period", "metric")


class DistrictDefaultTarget(DistrictModel):
    """A target for every outlet without its own for that period and metric."""

    period = TextField()
    metric = TextField()
    value = FloatField()
    set_at = DateTimeTZField()
    set_by = TextField()

    class Meta:
        primary_key = CompositeKey("period", "metric")


class DistrictAudit(DistrictModel):
    id = BigIntegerField(primary_key=True)
    at = DateTimeTZField()
    actor = TextField()
    table_name = TextField()
    op = TextField()
    row_key = BinaryJSONField()
    before = BinaryJSONField(null=True)
    after = BinaryJSONField(null=True)
    prev_hash = TextField()
    hash = TextField()


CASE_CHILDREN = (
    CaseEvent,
    CaseTransfer,
    CaseEscalation,
    CaseDecision,
    CaseNotice,
    CaseReview,
    CaseCallback,
    LiabilityFinding,
    LiablePerson,
    CaseWorkOrder,
    CaseAttachment,
)
ALL_MODELS = (
    District,
    EnrolledOutlet,
    ReceivedBundle,
    SentBundle,
    OutletAuditCheckpoint,
    OutletCase,
    *CASE_CHILDREN,
    OutletWorkOrder,
    DistrictWorkOrder,
    EscalationHandling,
    DistrictTarget,
    DistrictDefaultTarget,
    DistrictAudit,
)
