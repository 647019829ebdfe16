"""Words and checks the calendar's notices and its dialog share: who may edit the
working-day calendar, whom to ask otherwise, and sentences joined per language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from db.intake import outlets
from db.store.models import Staff, now
from db.trust import permissions
from db.trust.policy import Action


def sentences(*parts: str) -> str:
    """Sentences one after another: a space between them in English, none in Chinese."""
    text = parts[0]
    for part in parts[1:]:
        text = QCoreApplication.translate("CalendarNotice", "{first} {second}").format(
            first=text, second=part
        )
    return text


def can_edit_calendar(actor: Staff | None, at: dt.datetime | None = None) -> bool:
    """The head, or the acting head within the span named (Art. 8)."""
    return actor is not None and permissions.can(actor, Action.EDIT_CALENDAR, at or now()) is None


def who_to_ask(actor: Staff | None) -> str:
    """The sentence telling someone who may not edit the calendar whom to ask."""
    head = outlets.outlet_head(actor.outlet) if actor is not None else None
    if head is None:
        return QCoreApplication.translate("CalendarNotice", "Ask the outlet head to enter it.")
    return QCoreApplication.translate(
        "CalendarNotice", "Ask the outlet head, {name}, to enter it."
    ).format(name=head.name)
