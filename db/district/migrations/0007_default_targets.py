"""District schema version 7: the targets the district sets for all its outlets at once.

``district_default_target`` holds one value per (period, metric) that applies to every
enrolled outlet without a target of its own for that period and metric
(``district_target``, which wins where both are set). Its writes are audited like the
district's other tables.

Written as SQL, frozen: never import db.district here.
"""

METRICS = (
    "complaints",
    "liable_complaints",
    "urgent_complaints",
    "escalations",
    "superior_work_orders",
    "overdue_replies",
    "callback_satisfaction",
)

STATEMENTS = [
    f"""
    CREATE TABLE district_default_target (
        period text NOT NULL CHECK (period ~ '^[0-9]{{4}}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        metric text NOT NULL CHECK (metric IN ({", ".join(f"'{m}'" for m in METRICS)})),
        value double precision NOT NULL CHECK (value >= 0),
        set_at timestamptz NOT NULL DEFAULT now(),
        set_by text NOT NULL,
        PRIMARY KEY (period, metric)
    )
    """,
    "CREATE TRIGGER district_default_target_audit AFTER INSERT OR UPDATE OR DELETE "
    "ON district_default_target FOR EACH ROW EXECUTE FUNCTION district_audit_row('period', "
    "'metric')",
]


def up(migrator, db):
    for statement in STATEMENTS:
        db.cursor().execute(statement)
