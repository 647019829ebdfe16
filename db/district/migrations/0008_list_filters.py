"""District schema version 8: the consolidated list's filters served by indexes.

At a million cases the list filtered to escalated cases counted them by looking each case
up in ``case_escalation`` (a third of a second), and urgent ones by reading every row.

- ``outlet_case.escalated``: whether the outlet's bundle lists an escalation of the case;
  every stored state of a case sets it, so it is as current as the case. Filled here from
  the escalations already held.
- ``outlet_case_escalated`` and ``outlet_case_urgent``: partial indexes in the list's order
  (newest first), so each filter reads only its own cases.

Written as SQL, frozen: never import db.district here.
"""

STATEMENTS = [
    "ALTER TABLE outlet_case ADD COLUMN escalated boolean NOT NULL DEFAULT false",
    "UPDATE outlet_case c SET escalated = true WHERE EXISTS (SELECT 1 FROM case_escalation e "
    "WHERE e.outlet_code = c.outlet_code AND e.case_no = c.case_no)",
    "CREATE INDEX outlet_case_escalated ON outlet_case (received_at DESC, outlet_code, case_no) "
    "WHERE escalated",
    "CREATE INDEX outlet_case_urgent ON outlet_case (received_at DESC, outlet_code, case_no) "
    "WHERE severity = 'urgent'",
]


def up(migrator, db):
    for statement in STATEMENTS:
        db.cursor().execute(statement)
