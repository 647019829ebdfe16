"""Each outlet's audit-trail head, compared across its bundles: a trail that went backwards.

Every bundle up carries the outlet's audit-chain head when it was written (``audit``:
the number of entries and the last entry's hash; db/exchange/format.py), and the district
keeps it per bundle (``outlet_audit_checkpoint``, db/district/consolidate.py). An outlet's
trail only grows: entries are appended, never removed or changed. So, bundle after bundle
in the outlet's own numbering (never by a clock),

- fewer entries than in the bundle before means entries were removed (``shorter``);
- as many entries with another last hash means entries were rewritten (``rewritten``).

Either way the outlet's trail was cut or rewritten since the earlier bundle; an outlet
database restored from an older backup reads the same, and the district should ask which
it was. The comparison runs in SQL (``lag()`` over each outlet's bundles); a bundle that
arrived late takes its place by its number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.district.models import district_database

SHORTER = "shorter"
REWRITTEN = "rewritten"

_BREAKS = """
SELECT outlet_code, prev_seq, prev_count, prev_hash, bundle_seq, entry_count, last_hash,
       received_at,
       CASE WHEN entry_count < prev_count THEN 'shorter' ELSE 'rewritten' END AS kind
FROM (
    SELECT c.*,
           lag(bundle_seq) OVER w AS prev_seq,
           lag(entry_count) OVER w AS prev_count,
           lag(last_hash) OVER w AS prev_hash
    FROM outlet_audit_checkpoint c
    WINDOW w AS (PARTITION BY outlet_code ORDER BY bundle_seq)
) s
WHERE prev_seq IS NOT NULL
  AND (entry_count < prev_count OR (entry_count = prev_count AND last_hash <> prev_hash))
  {outlet}
ORDER BY outlet_code, bundle_seq
"""

_HEADS = """
SELECT o.code, o.name, count(c.bundle_seq),
       (array_agg(c.bundle_seq ORDER BY c.bundle_seq DESC))[1],
       (array_agg(c.entry_count ORDER BY c.bundle_seq DESC))[1],
       (array_agg(c.last_hash ORDER BY c.bundle_seq DESC))[1]
FROM outlet o LEFT JOIN outlet_audit_checkpoint c ON c.outlet_code = o.code
GROUP BY o.code, o.name
ORDER BY o.code
"""


@dataclass(frozen=True)
class TrailBreak:
    """Between two successive bundles of one outlet, its trail went backwards."""

    outlet_code: str
    earlier_seq: int
    earlier_entries: int
    earlier_hash: str
    later_seq: int
    later_entries: int
    later_hash: str
    received_at: dt.datetime
    kind: str  # SHORTER or REWRITTEN

    @property
    def message(self) -> str:
        if self.kind == SHORTER:
            return (
                f"outlet {self.outlet_code}: bundle {self.later_seq} carries an audit trail of "
                f"{self.later_entries} entries, bundle {self.earlier_seq} one of "
                f"{self.earlier_entries}: entries were removed"
            )
        return (
            f"outlet {self.outlet_code}: bundles {self.earlier_seq} and {self.later_seq} both "
            f"carry an audit trail of {self.later_entries} entries, ending in different entries "
            f"({self.earlier_hash[:12]}… and {self.later_hash[:12]}…): entries were rewritten"
        )


@dataclass(frozen=True)
class OutletTrailHead:
    """An enrolled outlet's newest head, and every place its trail went backwards."""

    outlet_code: str
    outlet_name: str
    bundles: int
    last_seq: int | None
    last_entries: int | None
    last_hash: str | None
    breaks: tuple[TrailBreak, ...]

    @property
    def went_backwards(self) -> bool:
        return bool(self.breaks)


def trail_breaks(outlet_code: str | None = None) -> list[TrailBreak]:
    """Every pair of successive bundles (of one outlet, or all) whose heads show the trail
    cut or rewritten, by outlet and bundle number."""
    sql = _BREAKS.format(outlet="AND outlet_code = %s" if outlet_code else "")
    params = (outlet_code,) if outlet_code else ()
    return [TrailBreak(*row) for row in district_database.execute_sql(sql, params).fetchall()]


def outlets_whose_trail_went_backwards() -> set[str]:
    """The codes of the outlets with at least one break: the flag the console shows."""
    return {b.outlet_code for b in trail_breaks()}


def outlet_trail_heads() -> list[OutletTrailHead]:
    """Every enrolled outlet, by code, with its newest head and its breaks."""
    breaks: dict[str, list[TrailBreak]] = {}
    for b in trail_breaks():
        breaks.setdefault(b.outlet_code, []).append(b)
    rows = district_database.execute_sql(_HEADS).fetchall()
    return [
        OutletTrailHead(code, name, count, seq, entries, last, tuple(breaks.get(code, ())))
        for code, name, count, seq, entries, last in rows
    ]
