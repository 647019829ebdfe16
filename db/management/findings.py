"""A case's current liability determination, read-only: below the workflow, which will not
close a case without one (Art. 5(8)), and below the penalties and targets that count by it.
Determining and reviewing liability is db/management/liability.py."""

from __future__ import annotations

from decimal import Decimal

from peewee import fn

from db.errors import WorkflowError
from db.store.models import Case, Liability


def share_percent(bp: int) -> Decimal:
    """Hundredths of a percent back to a percent with two decimals."""
    return (Decimal(bp) / 100).quantize(Decimal("0.01"))


def current_finding_id(case_id):
    """SQL subquery: the id of the current determination of ``case_id`` (an expression such
    as ``Case.id``), for aggregate queries. Uses the liability (case_id, ...) index."""
    latest = Liability.alias()
    return latest.select(fn.MAX(latest.id)).where(latest.case == case_id)


def current_finding(case: Case) -> Liability | None:
    """The determination that counts now: the latest one (reviews included), or None."""
    return Liability.select().where(Liability.case == case.id).order_by(Liability.id.desc()).first()


def require_determination(case: Case) -> Liability:
    """The current determination; WorkflowError ``liability_missing`` when there is none
    (Art. 5(8): no case closes without one)."""
    row = current_finding(case)
    if row is None:
        raise WorkflowError("liability_missing")
    return row
