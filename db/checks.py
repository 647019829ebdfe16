"""The checks of ``complaint-desk check`` that belong to the packages above db/trust.

db/trust/integrity.py holds the checks of the file itself and cannot import the capabilities
built on it; each of those offers its own check, and this module adds them all to the list.
"""

from __future__ import annotations


def register_domain_checks() -> None:
    """Add the evidence files' and the working-day calendar's checks (again, harmlessly)."""
    from db.handling import workcalendar
    from db.management import liability
    from db.trust import integrity

    liability.register_attachment_check()
    integrity.register_check(workcalendar.calendar_check(), after="evidence")
