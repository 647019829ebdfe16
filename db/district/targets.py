"""The targets the district sets for its outlets (Art. 5): per outlet, or for all outlets.

The vocabulary is the outlet's own (db/management/targets.py): the same metrics, the same
periods (``2026``, ``2026-Q1``, ``2026-03``) and the same check of a value (a whole count
up to ``MAX_COUNT_TARGET``, or a satisfaction rate from 0 to 100 % with two decimals), so a
target means at the district what it means at the outlet, and its mark is worked out by
the outlet's rule (db/district/overview.py).

A target for all outlets (``outlet_code`` None, table ``district_default_target``) applies
to every enrolled outlet that has none of its own for that period and metric
(``district_target``); an outlet's own target wins.

:func:`set_targets` writes a whole grid of cells in one transaction: every cell is checked
first, and if any is refused nothing is written (``TargetsRefused`` names each refused cell
by its place in the grid). A blank value clears the cell. The writes are in the district's
audit trail (db/district/audit.py), attributed to the officer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db.district import audit
from db.district.models import (
    DistrictDefaultTarget,
    DistrictTarget,
    EnrolledOutlet,
    district_database,
)
from db.district.workorder_queries import assignable_outlets
from db.errors import WorkflowError
from db.management import targets as tg
from db.management.targets import METRICS, Period, TargetsRefused

ALL_OUTLETS = None
"""The outlet code of a cell that sets the target for all outlets."""

__all__ = [
    "ALL_OUTLETS",
    "DistrictTarget",
    "DistrictTargetCell",
    "DistrictTargetRow",
    "TargetsRefused",
    "set_targets",
    "targets_for",
]


@dataclass(frozen=True)
class DistrictTargetCell:
    """One cell of the district's targets grid: ``value`` blank (or None) clears it."""

    outlet_code: str | None  # None: all outlets
    period: Period | str
    metric: str
    value: object


@dataclass(frozen=True)
class DistrictTargetRow:
    outlet_code: str | None  # None: all outlets
    outlet_name: str
    period: str
    metric: str
    value: float
    set_by: str
    set_at: dt.datetime


@dataclass(frozen=True)
class _Checked:
    outlet_code: str | None
    period: str
    metric: str
    value: float | None  # None: clear


def _blank(value: object) -> bool:
    return value is None or not str(value).strip()


def _check(cell: DistrictTargetCell, enrolled: set[str]) -> _Checked:
    """The cell as it would be written, or the WorkflowError of its first problem."""
    period = str(tg.as_period(cell.period))
    if cell.metric not in METRICS:
        raise WorkflowError("unknown_code", value=cell.metric, field="target metric")
    code = cell.outlet_code
    if code is not ALL_OUTLETS:
        code = (code or "").strip()
        if code not in enrolled:
            raise WorkflowError("district_outlet_unknown", outlet=code)
    if _blank(cell.value):
        return _Checked(code, period, cell.metric, None)
    value = tg.validate_target(cell.metric, str(cell.value).strip())
    return _Checked(code, period, cell.metric, value)


def _enrolled() -> set[str]:
    return {o.code for o in EnrolledOutlet.select(EnrolledOutlet.code).where(EnrolledOutlet.active)}


def set_targets(
    officer: str, cells: Sequence[DistrictTargetCell], *, at: dt.datetime | None = None
) -> int:
    """Set or clear the targets of ``cells`` in one transaction, attributed to ``officer``.

    Every cell is checked (the period, the metric, the value, and that the outlet is
    enrolled here); if any is refused, ``TargetsRefused`` maps each refused cell's index in
    ``cells`` to its refusal and nothing is written. A cell named twice is refused the
    second time. Returns the number of cells written."""
    officer = (officer or "").strip()
    if not officer:
        raise WorkflowError("text_required", field="officer")
    moment = at or dt.datetime.now(dt.UTC)
    with district_database.atomic(), audit.acting_as(officer):
        enrolled = _enrolled()
        checked: list[_Checked] = []
        refused: dict[int, WorkflowError] = {}
        seen: dict[tuple[str | None, str, str], int] = {}
        for index, cell in enumerate(cells):
            try:
                each = _check(cell, enrolled)
            except WorkflowError as error:
                refused[index] = error
                continue
            key = (each.outlet_code, each.period, each.metric)
            if key in seen:
                refused[index] = WorkflowError(
                    "district_target_twice", metric=each.metric, period=each.period,
                    outlet=each.outlet_code or "*", first=seen[key] + 1,
                )  # fmt: skip
                continue
            seen[key] = index
            checked.append(each)
        if refused:
            raise TargetsRefused(refused)
        for each in checked:
            _write(each, officer, moment)
    return len(checked)


def _write(cell: _Checked, officer: str, at: dt.datetime) -> None:
    if cell.outlet_code is ALL_OUTLETS:
        d = DistrictDefaultTarget
        where = (d.period == cell.period) & (d.metric == cell.metric)
        if cell.value is None:
            d.delete().where(where).execute()
            return
        d.insert(period=cell.period, metric=cell.metric, value=cell.value, set_at=at,
                 set_by=officer).on_conflict(
            conflict_target=[d.period, d.metric],
            update={d.value: cell.value, d.set_at: at, d.set_by: officer},
        ).execute()  # fmt: skip
        return
    t = DistrictTarget
    where = (t.outlet_code == cell.outlet_code) & (t.period == cell.period)
    where &= t.metric == cell.metric
    if cell.value is None:
        t.delete().where(where).execute()
        return
    t.insert(outlet_code=cell.outlet_code, period=cell.period, metric=cell.metric,
             value=cell.value, set_at=at, set_by=officer).on_conflict(
        conflict_target=[t.outlet_code, t.period, t.metric],
        update={t.value: cell.value, t.set_at: at, t.set_by: officer},
    ).execute()  # fmt: skip


_TARGETS_SQL = """
SELECT * FROM (
    SELECT NULL AS outlet_code, '' AS outlet_name, period, metric, value, set_by, set_at
    FROM district_default_target WHERE period = %s
    UNION ALL
    SELECT t.outlet_code, o.name, t.period, t.metric, t.value, t.set_by, t.set_at
    FROM district_target t JOIN outlet o ON o.code = t.outlet_code
    WHERE t.period = %s
) AS x
ORDER BY outlet_code ASC NULLS FIRST, {metric_order}
"""


def targets_for(period: Period | str) -> list[DistrictTargetRow]:
    """The targets the district set for exactly ``period``: all outlets' first, then each
    outlet's by code, the metrics in the outlet's order."""
    p = str(tg.as_period(period))
    order = ", ".join(f"'{m}'" for m in METRICS)
    sql = _TARGETS_SQL.format(metric_order=f"array_position(ARRAY[{order}], metric)")
    rows = district_database.execute_sql(sql, (p, p)).fetchall()
    return [DistrictTargetRow(*row) for row in rows]


def target_outlets() -> list[tuple[str, str]]:
    """(code, name) of the outlets a target may be set for: the enrolled, active ones, by
    code (the same as the outlets a work order may go to)."""
    return assignable_outlets()
