"""The History page of the case detail panel: the case's entries in the audit trail.

Each entry is a row (time, who, what), and the fields it changed sit on full-width lines
beneath it as ``before → after``, as in the timeline. The trail is read from
db.trust.audit.case_history and turned into field changes by db.trust.audit.entry_changes, which names
staff and masks the customer's phone and ID numbers; this page only translates.

The trail of a busy case is long, so it is read only while the page is on show: when it is
shown, or when the case changes while it is shown.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.trust import audit
from desktop.kit import labels
from desktop.kit.common import child_items, top_level_items
from desktop.kit.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CaseHistoryView"
TIME_FORMAT = "%Y-%m-%d %H:%M"
EMPTY = "—"
COL_TIME, COL_WHO, COL_WHAT = range(3)

# What a row of each table is, as the "what" column names it.
_TABLES: dict[str, str] = {
    "complaint_case": QT_TRANSLATE_NOOP("CaseHistoryView", "Case"),
    "case_event": QT_TRANSLATE_NOOP("CaseHistoryView", "Event"),
    "case_transfer": QT_TRANSLATE_NOOP("CaseHistoryView", "Transfer"),
    "clock_pause": QT_TRANSLATE_NOOP("CaseHistoryView", "Clock pause"),
    "clock_extension": QT_TRANSLATE_NOOP("CaseHistoryView", "Clock extension"),
    "handling_decision": QT_TRANSLATE_NOOP("CaseHistoryView", "Handling decision"),
    "customer_notice": QT_TRANSLATE_NOOP("CaseHistoryView", "Customer notice"),
    "review_request": QT_TRANSLATE_NOOP("CaseHistoryView", "Review request"),
    "work_order": QT_TRANSLATE_NOOP("CaseHistoryView", "Work order"),
    "callback": QT_TRANSLATE_NOOP("CaseHistoryView", "Callback"),
    "case_link": QT_TRANSLATE_NOOP("CaseHistoryView", "Case link"),
    "liability": QT_TRANSLATE_NOOP("CaseHistoryView", "Liability finding"),
    "liability_review": QT_TRANSLATE_NOOP("CaseHistoryView", "Liability review"),
    "attachment": QT_TRANSLATE_NOOP("CaseHistoryView", "Attachment"),
    "penalty": QT_TRANSLATE_NOOP("CaseHistoryView", "Penalty"),
    "penalty_review_action": QT_TRANSLATE_NOOP(
        "CaseHistoryView", "Penalty after a liability review"
    ),
    "dispute": QT_TRANSLATE_NOOP("CaseHistoryView", "Dispute"),
    "customer_reveal": QT_TRANSLATE_NOOP("CaseHistoryView", "Full customer data shown"),
}

_OPERATIONS: dict[str, str] = {
    "I": QT_TRANSLATE_NOOP("CaseHistoryView", "{thing} added"),
    "U": QT_TRANSLATE_NOOP("CaseHistoryView", "{thing} changed"),
    "D": QT_TRANSLATE_NOOP("CaseHistoryView", "{thing} removed"),
}

# Field names the shared field labels (desktop.kit.labels.field_label) do not cover.
_FIELDS: dict[str, str] = {
    "case": QT_TRANSLATE_NOOP("CaseHistoryView", "Case"),
    "outlet": QT_TRANSLATE_NOOP("CaseHistoryView", "Outlet"),
    "case_no": QT_TRANSLATE_NOOP("CaseHistoryView", "Case number"),
    "year": QT_TRANSLATE_NOOP("CaseHistoryView", "Year"),
    "seq": QT_TRANSLATE_NOOP("CaseHistoryView", "Sequence number"),
    "status": QT_TRANSLATE_NOOP("CaseHistoryView", "Status"),
    "severity": QT_TRANSLATE_NOOP("CaseHistoryView", "Severity"),
    "handler": QT_TRANSLATE_NOOP("CaseHistoryView", "Handler"),
    "actor": QT_TRANSLATE_NOOP("CaseHistoryView", "By"),
    "staff": QT_TRANSLATE_NOOP("CaseHistoryView", "Staff member"),
    "is_open": QT_TRANSLATE_NOOP("CaseHistoryView", "Open"),
    "due_at": QT_TRANSLATE_NOOP("CaseHistoryView", "Due"),
    "warn_at": QT_TRANSLATE_NOOP("CaseHistoryView", "Warning at"),
    "settled_at": QT_TRANSLATE_NOOP("CaseHistoryView", "Settled at"),
    "closed_at": QT_TRANSLATE_NOOP("CaseHistoryView", "Closed at"),
    "created_at": QT_TRANSLATE_NOOP("CaseHistoryView", "Created at"),
    "kind": QT_TRANSLATE_NOOP("CaseHistoryView", "Kind"),
    "from_status": QT_TRANSLATE_NOOP("CaseHistoryView", "Status before"),
    "to_status": QT_TRANSLATE_NOOP("CaseHistoryView", "Status after"),
    "data": QT_TRANSLATE_NOOP("CaseHistoryView", "Details"),
    "major_reason": QT_TRANSLATE_NOOP("CaseHistoryView", "Major complaint reason"),
    "report_required": QT_TRANSLATE_NOOP("CaseHistoryView", "Report to the head owed"),
    "report_reason": QT_TRANSLATE_NOOP("CaseHistoryView", "Report reason"),
    "first_contact_at": QT_TRANSLATE_NOOP("CaseHistoryView", "First contact at"),
    "first_contact_method": QT_TRANSLATE_NOOP("CaseHistoryView", "First contact method"),
    "proposal_at": QT_TRANSLATE_NOOP("CaseHistoryView", "Proposal at"),
    "authority": QT_TRANSLATE_NOOP("CaseHistoryView", "Authority"),
    "requested_by": QT_TRANSLATE_NOOP("CaseHistoryView", "Requested by"),
    "confirmed_by": QT_TRANSLATE_NOOP("CaseHistoryView", "Confirmed by"),
    "contact_method": QT_TRANSLATE_NOOP("CaseHistoryView", "Contact method"),
    "state": QT_TRANSLATE_NOOP("CaseHistoryView", "State"),
}

# Fields every line of this case's history would repeat: the case and its outlet.
_UNTOLD_FIELDS = frozenset({"case", "outlet"})

# Fields holding a code of a desktop.kit.labels vocabulary (field -> label kind).
_CODED: dict[str, str] = {
    "status": "status",
    "from_status": "status",
    "to_status": "status",
    "severity": "severity",
    "route": "route",
    "channel": "channel",
    "business_type": "business_type",
    "cause": "cause",
    "major_reason": "major_reason",
    "report_reason": "report_reason",
    "first_contact_method": "contact_method",
    "contact_method": "contact_method",
}

# A transfer's state (db.store.codes.TRANSFER_PENDING / TRANSFER_FORMAL, Art. 10).
_TRANSFER_STATES: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("CaseHistoryView", "pending until contact"),
    "formal": QT_TRANSLATE_NOOP("CaseHistoryView", "formal"),
}

_BOOLEAN_FIELDS = frozenset({"is_open", "report_required"})
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_title(field: str) -> str:
    """The translated name of a trail field; an unknown field is shown as itself."""
    if field in _FIELDS:
        return _tr(_FIELDS[field])
    return labels.field_label(field)


def _event_details(entry: audit.TrailEntry, value: object) -> str | None:
    """An event's data (JSON, already masked) as the timeline words it; "" when it holds
    only bookkeeping the timeline does not show either (e.g. the authority an action was
    taken with), None when it is not JSON (shown as stored)."""
    from db.intake.queries import TimelineEntry
    from desktop.cases.case_actions import event_facts

    try:
        data = json.loads(str(value))
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    row = entry.after or entry.before or {}
    facts = event_facts(
        TimelineEntry(
            at=dt.datetime.min,
            kind=str(row.get("kind") or ""),
            actor_name="",
            from_status=row.get("from_status"),
            to_status=row.get("to_status"),
            note="",
            data=data,
        )
    )
    return QCoreApplication.translate("CaseHistoryView", "; ").join(facts)


def value_text(entry: audit.TrailEntry, field: str, value: object) -> str:
    """A field's value as the history shows it: codes as labels, times to the minute, an
    event's details as the timeline words them."""
    if value is None or value == "":
        return EMPTY
    if field == "data" and entry.table == "case_event":
        details = _event_details(entry, value)
        if details is not None:
            return details
    if field in _BOOLEAN_FIELDS and value in (0, 1, True, False):
        return (
            QCoreApplication.translate("CaseHistoryView", "Yes")
            if value
            else QCoreApplication.translate("CaseHistoryView", "No")
        )
    if field == "kind" and entry.table == "case_event":
        return labels.label("event", str(value))
    if field == "state" and entry.table == "case_transfer" and value in _TRANSFER_STATES:
        return _tr(_TRANSFER_STATES[str(value)])
    if field in _CODED:
        return labels.label(_CODED[field], str(value))
    text = str(value)
    if _TIMESTAMP.match(text):
        return text[:16].replace("T", " ")
    return text


def what_text(entry: audit.TrailEntry) -> str:
    """The translated description of an entry: "Case changed", "Event added: Replied" ..."""
    if entry.table == "complaint_case" and entry.op == "I":
        return QCoreApplication.translate("CaseHistoryView", "Case registered")
    if entry.table == "customer_reveal" and entry.op == "I":
        return _tr(_TABLES["customer_reveal"])
    thing = _tr(_TABLES[entry.table]) if entry.table in _TABLES else entry.table
    text = _tr(_OPERATIONS.get(entry.op, "{thing} changed")).format(thing=thing)
    if entry.table == "case_event" and entry.op == "I" and entry.after:
        text = QCoreApplication.translate("CaseHistoryView", "{what}: {event}").format(
            what=text, event=labels.label("event", entry.after.get("kind"))
        )
    return text


def change_text(entry: audit.TrailEntry, change: audit.FieldChange) -> str:
    """``Field: before → after`` for an update, ``Field: value`` for an insert or delete."""
    title = field_title(change.field)
    if entry.op == "U":
        return QCoreApplication.translate("CaseHistoryView", "{field}: {before} → {after}").format(
            field=title,
            before=value_text(entry, change.field, change.before),
            after=value_text(entry, change.field, change.after),
        )
    value = change.after if entry.op == "I" else change.before
    return QCoreApplication.translate("CaseHistoryView", "{field}: {value}").format(
        field=title, value=value_text(entry, change.field, value)
    )


def _entry_time(at: str) -> str:
    try:
        return dt.datetime.fromisoformat(at).strftime(TIME_FORMAT)
    except ValueError:
        return at


class CaseHistoryView(QWidget):
    """The audit trail of one case: ``show_case(case_id)``; read lazily while on show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHistory")
        self._case_id: int | None = None
        self._loaded_case_id: int | None = None
        self._stale = False

        self._tree = QTreeWidget()
        self._tree.setObjectName("caseHistoryTree")
        self._tree.setAccessibleName(self.tr("Case history"))
        self._tree.setRootIsDecorated(False)
        self._tree.setItemsExpandable(False)
        self._tree.setIndentation(self.fontMetrics().averageCharWidth() * 2)
        self._tree.setAlternatingRowColors(True)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.setHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("What")])
        header = self._tree.header()
        header.setStretchLastSection(True)
        for column in (COL_TIME, COL_WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._tree)

    # --- public ----------------------------------------------------------------------------

    def show_case(self, case_id: int | None) -> None:
        """Show this case's history: now if the page is on show, else when it is shown."""
        self._case_id = case_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self._loaded_case_id = self._case_id
        self._tree.clear()
        if self._case_id is None:
            return
        muted = self.palette().placeholderText()
        for entry in audit.case_history(self._case_id):
            changes = [c for c in audit.entry_changes(entry) if c.field not in _UNTOLD_FIELDS]
            if entry.table == "case_event":
                # The kind is in the "what" column already; data that says nothing the
                # timeline would show is left out.
                changes = [
                    c
                    for c in changes
                    if c.field != "kind"
                    and not (c.field == "data" and _event_details(entry, c.after or c.before) == "")
                ]
            if entry.op == "U" and not changes:
                continue  # only bookkeeping (the time of the last change) was touched
            who = entry.actor_name or self.tr("system")
            item = QTreeWidgetItem(self._tree, [_entry_time(entry.at), who, what_text(entry)])
            for change in changes:
                text = change_text(entry, change)
                child = QTreeWidgetItem(item, [text])
                child.setFirstColumnSpanned(True)
                child.setToolTip(COL_TIME, text)
                child.setForeground(COL_TIME, muted)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._tree.expandAll()

    def loaded_case_id(self) -> int | None:
        """The case whose trail is on the page (None before the first read); for tests."""
        return self._loaded_case_id

    def tree(self) -> QTreeWidget:
        return self._tree

    def entries(self) -> list[tuple[str, str, str, list[str]]]:
        """(time, who, what, change lines) per entry, as shown; for tests and copy-out."""
        out = []
        for item in top_level_items(self._tree):
            changes = [child.text(COL_TIME) for child in child_items(item)]
            out.append((item.text(COL_TIME), item.text(COL_WHO), item.text(COL_WHAT), changes))
        return out

    # --- Qt --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale:
            self.reload()
