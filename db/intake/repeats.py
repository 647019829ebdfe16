"""Repeat complaints: the same matter from the same customer again.

A repeat is linked to the earlier case (both stay open, each timeline records the link)
or, by the head or acting head, merged into it (the repeat closes as merged and its work
orders move over). Either way both cases stay visible in one timeline
(:func:`timeline_with_repeats`). A repeat complaint is urgent (Q/PSBC 0004-2014), so the
case that carries it on must be reported to the head at once (Art. 10).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import JOIN

from db.errors import WorkflowError
from db.handling import workflow
from db.handling.actions import load, moment, record, staff_of, sync, text
from db.intake.cases import add_event
from db.store import codes, vocab
from db.store.models import Case, CaseEvent, CaseLink, Staff, WorkOrder, database
from db.trust import permissions
from db.trust.policy import Action


def _check_repeat(repeat: Case, earlier: Case) -> None:
    if repeat.id == earlier.id:
        raise WorkflowError("same_case")
    if repeat.outlet_id != earlier.outlet_id:
        raise WorkflowError("wrong_outlet")
    if earlier.received_at > repeat.received_at:
        raise WorkflowError("not_earlier")
    same_phone = bool(repeat.customer_phone) and repeat.customer_phone == earlier.customer_phone
    same_id = bool(repeat.customer_id_no) and repeat.customer_id_no == earlier.customer_id_no
    if not (same_phone or same_id):
        raise WorkflowError("different_customer")
    if (
        CaseLink.select()
        .where(
            ((CaseLink.case == repeat.id) & (CaseLink.earlier == earlier.id))
            | ((CaseLink.case == earlier.id) & (CaseLink.earlier == repeat.id))
        )
        .exists()
    ):
        raise WorkflowError("already_linked")


def _mark_repeat(case: Case, actor: Staff, at: dt.datetime) -> dict:
    """A repeat complaint is urgent (Q/PSBC 0004-2014); returns the updates to apply."""
    triggers = [t for t in case.urgent_triggers.split(",") if t]
    if "repeat_complaint" in triggers:
        return {}
    triggers = sorted([*triggers, "repeat_complaint"])
    add_event(
        case,
        vocab.EVENT_URGENT_TRIGGERED,
        actor=actor,
        at=at,
        data={"triggers": triggers, "added": "repeat_complaint"},
    )
    return {"urgent_triggers": ",".join(triggers), "severity": vocab.SEVERITY_URGENT}


def link_repeat(
    repeat: Case, earlier: Case, actor: Staff, *, at: dt.datetime | None = None, note: str = ""
) -> CaseLink:
    """Link a repeat of the same matter by the same customer to the earlier case. Both
    stay open on their own; each timeline shows the link. The repeat becomes urgent."""
    with database.atomic():
        new, old = load(repeat), load(earlier)
        actor = staff_of(new, actor)
        at = moment(at, new)
        _check_repeat(new, old)
        note = text(note, "note", required=False)
        link = CaseLink.create(
            case=new, earlier=old, kind=codes.LINK_REPEAT, at=at, by=actor, note=note
        )
        updates = _mark_repeat(new, actor, at) if new.is_open else {}
        record(
            new,
            codes.EVENT_LINKED_AS_REPEAT,
            actor=actor,
            at=at,
            note=note,
            data={"earlier": old.id, "earlier_case_no": old.case_no},
            updates=updates,
        )
        record(
            old,
            codes.EVENT_REPEAT_LINKED,
            actor=actor,
            at=at,
            note=note,
            data={"repeat": new.id, "repeat_case_no": new.case_no},
        )
    sync(repeat, new)
    sync(earlier, old)
    return link


def merge_repeat(
    repeat: Case, earlier: Case, actor: Staff, *, at: dt.datetime | None = None, note: str = ""
) -> CaseLink:
    """Merge a repeat into the earlier, open case (head or acting head). The repeat is
    closed as merged, its work orders move to the earlier case, and both timelines record
    the merge; :func:`timeline_with_repeats` shows them together."""
    with database.atomic():
        new, old = load(repeat), load(earlier)
        actor = staff_of(new, actor)
        at = moment(at, new)
        _check_repeat(new, old)
        if not old.is_open:
            raise WorkflowError("merge_target_closed")
        target = workflow.check_transition(new, "merge")
        authority = permissions.require(actor, Action.MERGE_REPEAT, at)
        workflow.check_nothing_running(new, workorders=False)
        note = text(note, "note", required=False)
        link = CaseLink.create(
            case=new, earlier=old, kind=codes.LINK_MERGED, at=at, by=actor, note=note
        )
        moved = [wo.id for wo in WorkOrder.select().where(WorkOrder.case == new.id)]
        if moved:
            WorkOrder.update(case=old.id).where(WorkOrder.id.in_(moved)).execute()
        workflow.apply_transition(
            new,
            "merge",
            target,
            actor=actor,
            at=at,
            kind=codes.EVENT_MERGED_INTO,
            note=note,
            data={
                "earlier": old.id,
                "earlier_case_no": old.case_no,
                "work_orders": moved,
                **authority.event_data(),
            },
            updates={"closed_at": at},
        )
        updates = _mark_repeat(old, actor, at)
        record(
            old,
            codes.EVENT_REPEAT_MERGED,
            actor=actor,
            at=at,
            note=note,
            data={
                "repeat": new.id,
                "repeat_case_no": new.case_no,
                "work_orders": moved,
                **authority.event_data(),
            },
            updates=updates,
        )
    sync(repeat, new)
    sync(earlier, old)
    return link


@dataclass(frozen=True)
class RepeatEntry:
    """A timeline entry with the case it belongs to (for a case and its repeats)."""

    case_id: int
    case_no: str
    at: dt.datetime
    kind: str
    actor_name: str
    from_status: str | None
    to_status: str | None
    note: str
    data: dict


def related_cases(case: Case) -> list[Case]:
    """The case and every case linked or merged with it, directly or through others."""
    seen = {case.id}
    frontier = [case.id]
    while frontier:
        links = CaseLink.select().where(
            CaseLink.case.in_(frontier) | CaseLink.earlier.in_(frontier)
        )
        frontier = []
        for link in links:
            for other in (link.case_id, link.earlier_id):
                if other not in seen:
                    seen.add(other)
                    frontier.append(other)
    return list(Case.select().where(Case.id.in_(sorted(seen))).order_by(Case.received_at))


def timeline_with_repeats(case: Case) -> list[RepeatEntry]:
    """One timeline for a case and its linked or merged repeats, oldest first."""
    ids = {c.id: c.case_no for c in related_cases(case)}
    query = (
        CaseEvent.select(CaseEvent, Staff.name)
        .join(Staff, JOIN.LEFT_OUTER, on=(CaseEvent.actor == Staff.id))
        .where(CaseEvent.case.in_(list(ids)))
        .order_by(CaseEvent.at, CaseEvent.id)
    )
    return [
        RepeatEntry(
            e.case_id,
            ids[e.case_id],
            e.at,
            e.kind,
            _actor_name(e),
            e.from_status,
            e.to_status,
            e.note,
            json.loads(e.data or "{}"),
        )
        for e in query
    ]


def _actor_name(event: CaseEvent) -> str:
    actor = event.actor if event.actor_id is not None else None
    return actor.name if actor is not None else ""
