"""District schema version 6: a work order the district holds before it knows the outlet.

A file of work orders from 95580, 12378, a superior office or petitions may name the outlet
of each, or leave it to the officer: ``district_work_order.outlet_code`` may now be null (not
assigned yet). A work order without an outlet is never sent down (the bundle down selects by
outlet); once assigned, it goes down with the next bundle to that outlet.

- ``district_work_order_unassigned``: the work orders still waiting for an outlet, for the
  console's list.

Written as SQL, frozen: never import db.district here.
"""

STATEMENTS = [
    "ALTER TABLE district_work_order ALTER COLUMN outlet_code DROP NOT NULL",
    "CREATE INDEX district_work_order_unassigned ON district_work_order (received_at) "
    "WHERE outlet_code IS NULL",
    # A work order sent down was sent to an outlet.
    "ALTER TABLE district_work_order ADD CONSTRAINT district_work_order_sent_to_outlet "
    "CHECK (sent_down_at IS NULL OR outlet_code IS NOT NULL)",
]


def up(migrator, db):
    for statement in STATEMENTS:
        db.cursor().execute(statement)
