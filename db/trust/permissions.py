"""Head-only actions and the acting head (Art. 5, 8).

The head is the first person responsible for complaint handling (Art. 5). When the head
leaves the outlet, the head names an acting head who holds the head's duties until the
head returns (Art. 8). So a head-only action is allowed to:

- the outlet head (an active staff member with role ``head``), at any time;
- an acting head, inside a span the head named, and is then attributed to that person
  *as acting head* (the event data says so).

Anyone else is refused with code ``head_only``. Spans are half-open: [starts_at, ends_at).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.errors import Refusals, WorkflowError
from db.intake.validation import FUTURE_TOLERANCE, clean_text, in_range
from db.store import vocab
from db.store.models import ActingHead, Outlet, Staff, database, now

CAPACITY_HEAD = "head"
CAPACITY_ACTING = "acting_head"

# Actions the rules reserve to the head (Art. 5) and so, in a span, to the acting head.
HEAD_ONLY_ACTIONS: frozenset[str] = frozenset(
    {
        "receive a report",
        "escalate",
        "reopen",
        "merge a repeat",
        "determine liability",
        "close",
        "record a handling decision",
        "extend the decision period",
        "pause the decision clock",
        "decide a review",
        "call back a work-order customer",
        "change rule settings",
        "edit the working-day calendar",
        # the head's management duties (Art. 5)
        "apply a penalty",
        "edit the staff roster",
        "record training",
        "decide a suggestion",
        "set targets",
    }
)


@dataclass(frozen=True)
class Authority:
    """Who is acting with the head's authority, and in which capacity."""

    staff: Staff
    capacity: str
    span_id: int | None = None

    @property
    def as_acting_head(self) -> bool:
        return self.capacity == CAPACITY_ACTING

    def event_data(self) -> dict:
        """What a timeline event records about the authority an action was taken with."""
        data: dict = {"authority": self.capacity}
        if self.as_acting_head:
            data["as_acting_head"] = True
            data["acting_span"] = self.span_id
        return data


def _is_head(staff: Staff) -> bool:
    return staff.role == vocab.ROLE_HEAD and bool(staff.active)


def _span_at(outlet_id: int, when: dt.datetime) -> ActingHead | None:
    return (
        ActingHead.select()
        .where(
            (ActingHead.outlet == outlet_id)
            & (ActingHead.starts_at <= when)
            & (ActingHead.ends_at > when)
        )
        .order_by(ActingHead.starts_at.desc())
        .first()
    )


def acting_head_at(outlet: Outlet, when: dt.datetime) -> Staff | None:
    """The acting head named for ``when``, or None when the head is in charge."""
    span = _span_at(outlet.id, when)
    return span.staff if span is not None else None


def authority_at(staff: Staff, when: dt.datetime) -> Authority | None:
    """The head's authority ``staff`` holds at ``when``, if any."""
    if _is_head(staff):
        return Authority(staff, CAPACITY_HEAD)
    if not staff.active:
        return None
    span = _span_at(staff.outlet_id, when)
    if span is not None and span.staff_id == staff.id:
        return Authority(staff, CAPACITY_ACTING, span.id)
    return None


def can_act_as_head(staff: Staff, when: dt.datetime) -> bool:
    """Whether ``staff`` may take head-only actions at ``when`` (for enabling buttons)."""
    return authority_at(staff, when) is not None


def require_head(staff: Staff, when: dt.datetime, action: str) -> Authority:
    """The authority to attribute a head-only ``action`` to, or WorkflowError ``head_only``."""
    authority = authority_at(staff, when)
    if authority is None:
        raise WorkflowError("head_only", action=action, staff=staff.name)
    return authority


def acting_spans(outlet: Outlet, *, since: dt.datetime | None = None) -> list[ActingHead]:
    """Spans of the outlet, latest first; with ``since``, only those not ended before it."""
    query = ActingHead.select().where(ActingHead.outlet == outlet)
    if since is not None:
        query = query.where(ActingHead.ends_at > since)
    return list(query.order_by(ActingHead.starts_at.desc()))


def name_acting_head(
    head: Staff,
    staff: Staff,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    note: str = "",
) -> ActingHead:
    """The head names ``staff`` acting head for [starts_at, ends_at) (Art. 8).

    Only the head (not an acting head) names one; spans of an outlet never overlap, so
    at every moment at most one person holds the head's duties besides the head.
    """
    if not _is_head(head):
        raise WorkflowError("not_the_head")
    refusals = Refusals()
    if staff.outlet_id != head.outlet_id or not staff.active:
        refusals.refuse("inactive_staff", name=staff.name)
    elif staff.role == vocab.ROLE_HEAD:
        refusals.refuse("acting_is_head")
    starts_at, ends_at = starts_at.replace(microsecond=0), ends_at.replace(microsecond=0)
    if ends_at <= starts_at:
        refusals.refuse("acting_span_empty")
    refusals.run(in_range, starts_at, "starts_at")
    refusals.run(in_range, ends_at, "ends_at")
    refusals.done()
    with database.atomic():
        clash = (
            ActingHead.select()
            .where(
                (ActingHead.outlet == head.outlet_id)
                & (ActingHead.starts_at < ends_at)
                & (ActingHead.ends_at > starts_at)
                & (ActingHead.ends_at > ActingHead.starts_at)
            )
            .exists()
        )
        if clash:
            raise WorkflowError("acting_overlap")
        return ActingHead.create(
            outlet=head.outlet_id,
            staff=staff,
            starts_at=starts_at,
            ends_at=ends_at,
            named_by=head,
            note=clean_text(note, multiline=True),
            created_at=now(),
        )


def end_acting_head(span: ActingHead, head: Staff, *, at: dt.datetime | None = None) -> ActingHead:
    """The head is back: end the span at ``at`` (a span not yet started becomes empty)."""
    if not _is_head(head) or head.outlet_id != span.outlet_id:
        raise WorkflowError("not_the_head")
    at = (at or now()).replace(microsecond=0)
    if at > now() + FUTURE_TOLERANCE:
        raise WorkflowError("in_future", field="at")
    with database.atomic():
        fresh = ActingHead.get_by_id(span.id)
        if fresh.ends_at <= at:
            raise WorkflowError("acting_span_over")
        fresh.ends_at = max(at, fresh.starts_at)
        fresh.save()
    span.ends_at = fresh.ends_at
    return fresh


# --- The permission matrix --------------------------------------------------
#
# Who may take each action, by role. The head, and an acting head inside a span the head
# named, may take every action (Art. 5, 8): ``can`` grants them everything before it looks
# at the table, so the table lists only what the role itself allows.

ACTION_REGISTER_CASE = "register_case"
ACTION_TRANSFER = "transfer"
ACTION_REPORT = "report"
ACTION_ESCALATE = "escalate"
ACTION_DETERMINE_LIABILITY = "determine_liability"
ACTION_SET_PENALTY = "set_penalty"
ACTION_EDIT_TARGETS = "edit_targets"
ACTION_EDIT_STAFF = "edit_staff"
ACTION_EDIT_RULES = "edit_rules"
ACTION_REVEAL_CUSTOMER_DATA = "reveal_customer_data"
ACTION_EXPORT = "export"
ACTION_BACKUP_RESTORE = "backup_restore"

_HEAD = vocab.ROLE_HEAD
_FRONT_LINE = frozenset(
    {
        vocab.ROLE_HEAD,
        vocab.ROLE_LOBBY_MANAGER,
        vocab.ROLE_OPS_SUPERVISOR,
        vocab.ROLE_TELLER,
        vocab.ROLE_OTHER,
    }
)

MATRIX: dict[str, frozenset[str]] = {
    # First-ask responsibility (Art. 4, 10): whoever a customer first complains to owns the
    # complaint, registers it, hands it to the person who will handle it and reports it to
    # the head. That is every member of staff, whatever the role.
    ACTION_REGISTER_CASE: _FRONT_LINE,
    ACTION_TRANSFER: _FRONT_LINE,
    ACTION_REPORT: _FRONT_LINE,
    # Escalation to the higher office is the head's (Art. 5, 10-11; HEAD_ONLY_ACTIONS).
    ACTION_ESCALATE: frozenset({_HEAD}),
    # Determining liability and the penalties that follow are the head's management duties
    # (Art. 5(8)); the staff concerned must not judge themselves.
    ACTION_DETERMINE_LIABILITY: frozenset({_HEAD}),
    ACTION_SET_PENALTY: frozenset({_HEAD}),
    # Complaint control targets, the staff roster and the rule settings are set by the head
    # (Art. 5(1)); the other roles carry them out (Art. 6, 7).
    ACTION_EDIT_TARGETS: frozenset({_HEAD}),
    ACTION_EDIT_STAFF: frozenset({_HEAD}),
    ACTION_EDIT_RULES: frozenset({_HEAD}),
    # Customer phone and ID numbers are masked by default; showing them
    # in full is the head's call, and every showing is recorded (``reveal_customer``).
    ACTION_REVEAL_CUSTOMER_DATA: frozenset({_HEAD}),
    # Exports (masked) feed the reports to the district branch: the lobby manager, who runs
    # the floor's complaint work (Art. 6), and the operations supervisor, who checks the
    # outlet's business records (Art. 7), prepare them for the head. Tellers do not.
    ACTION_EXPORT: frozenset({_HEAD, vocab.ROLE_LOBBY_MANAGER, vocab.ROLE_OPS_SUPERVISOR}),
    # Backing up and restoring replaces or copies the whole outlet's records: the head's
    # responsibility for the records as a whole (Art. 5).
    ACTION_BACKUP_RESTORE: frozenset({_HEAD}),
}

# How a refusal names each action ("... may not <phrase>"); desktop/kit/errors.py translates them.
ACTION_PHRASES: dict[str, str] = {
    ACTION_REGISTER_CASE: "register a complaint",
    ACTION_TRANSFER: "transfer a case",
    ACTION_REPORT: "report a case to the head",
    ACTION_ESCALATE: "escalate",
    ACTION_DETERMINE_LIABILITY: "determine liability",
    ACTION_SET_PENALTY: "apply a penalty",
    ACTION_EDIT_TARGETS: "set targets",
    ACTION_EDIT_STAFF: "edit the staff roster",
    ACTION_EDIT_RULES: "change rule settings",
    ACTION_REVEAL_CUSTOMER_DATA: "reveal full customer data",
    ACTION_EXPORT: "export data",
    ACTION_BACKUP_RESTORE: "back up or restore the database",
}


def can(staff: Staff, action: str, when: dt.datetime) -> bool:
    """Whether ``staff`` may take matrix ``action`` at ``when`` (for enabling buttons).

    Inactive staff may take none; the head and an acting head inside their span may take
    every one; anyone else what MATRIX allows their role. An unknown action is a bug.
    """
    roles = MATRIX[action]
    if not staff.active:
        return False
    if authority_at(staff, when) is not None:
        return True
    return staff.role in roles


def require(staff: Staff, action: str, when: dt.datetime) -> Authority:
    """The authority ``action`` is taken with, or WorkflowError ``not_permitted``.

    The capacity is ``head``/``acting_head`` with the head's authority, else the role."""
    if not can(staff, action, when):
        raise WorkflowError("not_permitted", action=ACTION_PHRASES[action], staff=staff.name)
    authority = authority_at(staff, when)
    return authority if authority is not None else Authority(staff, staff.role)


def require_export(
    actor: Staff | None, *, reveal: bool = False, when: dt.datetime | None = None
) -> Authority | None:
    """Check the matrix before data leaves the program (a ledger, a saved report, a bundle).

    ``export`` always, and ``reveal_customer_data`` too when the export is unmasked. With no
    ``actor`` (a database without accounts, where the head is assumed, or the system itself)
    nothing is checked and None is returned; otherwise WorkflowError ``not_permitted``."""
    if actor is None:
        return None
    when = when or now()
    authority = require(actor, ACTION_EXPORT, when)
    if reveal:
        authority = require(actor, ACTION_REVEAL_CUSTOMER_DATA, when)
    return authority
