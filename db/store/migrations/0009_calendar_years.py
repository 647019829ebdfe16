"""Schema version 9: a year of the working-day calendar counts only once marked complete,
deadlines counted under the weekends-only fallback are recorded, and a work order's
default reply-by is the outlet's internal limit.

- calendar_year.complete: the years held so far were taken as covered, so they stay
  complete; from now on the head may save part of a year and mark it complete later;
- complaint_case.calendar_gap and work_order.calendar_gap: the years without an official
  schedule that a deadline was counted across (comma-separated, '' when none), so a later
  schedule recomputes them and the Today bar can say how many there are; a partial index
  keeps that count cheap;
- work_order.reply_by_default: the work order stated no reply-by and took the program's
  default, which the calendar may move. Rows stored before this version stated theirs (or
  took the old default once); they keep their time;
- the rule setting ``regulator_forward_working_days`` was used as the reply limit of a
  regulator work order that states none; that is the regulator's own time to forward (CBIRC
  Order 2020 No. 3, Art. 33). A value the head set is copied to the internal limit
  ``workorder_reply_working_days``, which is what it was used for (the old row stays, and
  is no longer read).

New NOT NULL columns carry an SQL DEFAULT so SQLite adds them in place (a rebuild of
complaint_case would drop its search triggers). Frozen; never import db.store.models here.
"""

from peewee import SQL, BooleanField, CharField


def _text(max_length):
    return CharField(max_length=max_length, default="", constraints=[SQL("DEFAULT ''")])


def _flag(default):
    return BooleanField(default=default, constraints=[SQL(f"DEFAULT {int(default)}")])


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("calendar_year", "complete", _flag(True), allow_not_null=True),
        migrator.add_column("complaint_case", "calendar_gap", _text(40), allow_not_null=True),
        migrator.add_column("work_order", "calendar_gap", _text(40), allow_not_null=True),
        migrator.add_column("work_order", "reply_by_default", _flag(False), allow_not_null=True),
    )
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS complaint_case_calendar_gap ON complaint_case "
        "(calendar_gap) WHERE calendar_gap != ''"
    )
    db.execute_sql(
        "INSERT INTO setting (key, value, updated_at) "
        "SELECT 'rule.workorder_reply_working_days', value, updated_at FROM setting "
        "WHERE key = 'rule.regulator_forward_working_days' AND NOT EXISTS "
        "(SELECT 1 FROM setting WHERE key = 'rule.workorder_reply_working_days')"
    )
