"""District schema version 4: the district's own reply to a work order it sent down.

When the district answers the superior body itself, the reply (what, when, who) goes down
to the outlet in ``replies.json`` (db/exchange/format.py) so that its copy of the work
order is answered too:

- ``district_work_order.reply_content``, ``replied_at`` (the outlet's wall-clock time
  without zone, as the work order's other times) and ``replied_by_name``;
- ``district_work_order.reply_sent_at``: when the reply went down (null: not yet).

Written as SQL, frozen: never import db.district here.
"""

STATEMENTS = [
    "ALTER TABLE district_work_order ADD COLUMN reply_content text NOT NULL DEFAULT ''",
    "ALTER TABLE district_work_order ADD COLUMN replied_at timestamp",
    "ALTER TABLE district_work_order ADD COLUMN replied_by_name text NOT NULL DEFAULT ''",
    "ALTER TABLE district_work_order ADD COLUMN reply_sent_at timestamptz",
    "ALTER TABLE district_work_order ADD CONSTRAINT district_work_order_reply_whole "
    "CHECK ((replied_at IS NULL) = (reply_content = ''))",
]


def up(migrator, db):
    for statement in STATEMENTS:
        db.cursor().execute(statement)
