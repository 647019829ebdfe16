"""The outlet this database serves and who works there: read-only roster queries."""

from __future__ import annotations

from db.errors import WorkflowError
from db.store import vocab
from db.store.models import Outlet, Staff


def still_on_staff(actor: Staff) -> Staff:
    """``actor`` as stored; refused (``actor_gone``) when the row is no longer there (the
    database was restored from an older backup, or edited elsewhere, while they worked)."""
    fresh = Staff.get_or_none(Staff.id == actor.id)
    if fresh is None:
        raise WorkflowError("actor_gone", name=actor.name)
    return fresh


def is_set_up() -> bool:
    return Outlet.select().exists()


def current_outlet() -> Outlet | None:
    """The outlet this database serves (the first one; district consolidation comes later)."""
    return Outlet.select().order_by(Outlet.id).first()


def active_staff(outlet: Outlet) -> list[Staff]:
    """Active staff of the outlet, head first, then by name."""
    head_first = Staff.role != vocab.ROLE_HEAD
    return list(
        Staff.select()
        .where((Staff.outlet == outlet) & (Staff.active == True))  # noqa: E712
        .order_by(head_first, Staff.name)
    )


def all_staff(outlet: Outlet) -> list[Staff]:
    """Every staff member, including deactivated ones, for filters over old cases."""
    return list(Staff.select().where(Staff.outlet == outlet).order_by(Staff.name))


def staff_member(staff_id: int | None) -> Staff | None:
    """The staff member with this id (active or not), or None."""
    return Staff.get_or_none(Staff.id == staff_id) if staff_id is not None else None


def chosen_staff(staff_id: int | None) -> Staff:
    """The staff member a form's list offered, for an action that needs one: refused
    (``staff_gone``) when nobody is chosen or the row is no longer stored."""
    staff = staff_member(staff_id)
    if staff is None:
        raise WorkflowError("staff_gone")
    return staff


def outlet_head(outlet: Outlet) -> Staff | None:
    return (
        Staff.select()
        .where(
            (Staff.outlet == outlet) & (Staff.role == vocab.ROLE_HEAD) & (Staff.active == True)  # noqa: E712
        )
        .order_by(Staff.id)
        .first()
    )
