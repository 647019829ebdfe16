"""Schema version 6: indexes for sorting the case list, and search for 1-2 characters.

Chosen from the query plans of the benchmarks (tests/benchmarks/FINDINGS.md): sorting by
customer, due date or owner walked and sorted the whole table; one- and two-character
searches scanned every description.
"""

from db.store import sqlite_features


def up(migrator, db):
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS complaint_case_customer_name_received_at "
        "ON complaint_case (customer_name, received_at)"
    )
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS complaint_case_due_at_received_at "
        "ON complaint_case (due_at, received_at)"
    )
    db.execute_sql("CREATE INDEX IF NOT EXISTS staff_name ON staff (name)")
    sqlite_features.install_short_search(db)
