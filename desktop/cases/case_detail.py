"""The panel beside the case list: every recorded field of one complaint and its timeline.

Actions on the case (reply, transfer, escalate ...) sit in its action bar
(desktop/cases/case_actions.py). Below it, four tabs: Details (every field, the
description shown whole, and where the case stands: liability, penalties, escalations, from
db.intake.case_outcome) in one scroll area; Deadlines (case_clocks.py, the tab coloured when a
clock is missed or near it); Timeline; History.
Codes are shown through desktop.kit.labels so the panel speaks the user's language, and the
customer's phone and ID numbers stay masked as in the list: the head reads cases with
customers nearby. Those the permission matrix allows may show them in full for the case on
show ("Show full customer data"); db.intake.cases.reveal_customer records each showing, and the
numbers are masked again as soon as the panel shows another case or re-reads this one.

The History tab lists the case's entries in the audit trail (case_history.py).

The panel re-reads the case on show after every operation that changed it, or changed what
its clocks, names and buttons depend on (deadlines, staff, acting heads, work orders); when
only the case's audit trail grew, it re-reads the History tab alone
(desktop.kit.operations).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.handling import deadlines, windows
from db.intake import case_outcome, cases, queries
from db.intake.case_outcome import CaseOutcome, DistrictHandling
from db.intake.queries import TimelineEntry
from db.store import vocab
from db.store.models import Case, Staff, now
from db.trust import permissions
from db.trust.masking import mask_id_no
from db.trust.policy import Action
from desktop.cases.case_actions import CaseActionBar, event_facts
from desktop.cases.case_clocks import MISSED_COLOR, NEAR_COLOR, CaseClocksTable
from desktop.cases.case_history import CaseHistoryView
from desktop.kit import labels, operations
from desktop.kit.articles import citation
from desktop.kit.common import top_level_items
from desktop.kit.errors import workflow_error_message

TIME_FORMAT = "%Y-%m-%d %H:%M"
EMPTY = "—"

# Changes of these re-read whichever case is on show: its clocks count working days under
# the rules, its lines name staff, its buttons depend on who acts as head, and its clocks
# include the work orders linked to it.
DETAIL_KINDS = (Kind.DEADLINES, Kind.STAFF, Kind.ACTING_HEAD, Kind.WORK_ORDERS)

# Form rows in display order: (key, is long text).
_FIELDS: tuple[tuple[str, bool], ...] = (
    ("received_at", False),
    ("status", False),
    ("severity", False),
    ("route", False),
    ("channel", False),
    ("business_type", False),
    ("cause", False),
    ("customer_name", False),
    ("customer_phone", False),
    ("customer_id_no", False),
    ("first_ask_owner", False),
    ("handler", False),
    ("agreed_reply_at", False),
    ("due_at", False),
    ("remedy_requested", True),
    ("description", True),
    ("settlement", True),
)

# The event name goes last so it can take the rest of the width.
TL_TIME, TL_ACTOR, TL_EVENT = range(3)

TAB_DETAILS, TAB_CLOCKS, TAB_TIMELINE, TAB_HISTORY = range(4)

# Where the case stands, below the fields: (key, title).
_OUTCOME_ROWS = ("liability", "penalties", "escalations")


def _time(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value is not None else EMPTY


def _text(value: str | None) -> str:
    return value if value else EMPTY


def _number(value) -> str:
    """60.00 → 60, 33.33 → 33.33 (a share in per cent)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class CaseDetailPanel(QWidget):
    """Shows one case: ``show_case(case_id)``, or an empty-state hint for None.

    Signals:
        report_requested(int): the user asked for the shown case's incident report.
        case_changed(int): an action in the action bar changed the case (its id).
    """

    report_requested = Signal(int)
    case_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, actor: Staff | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self._case_id: int | None = None
        # The full phone and ID numbers while shown for the case on show; None when masked.
        self._revealed: tuple[str, str] | None = None
        self._actions = CaseActionBar(actor)
        self._actions.case_changed.connect(self.case_changed)
        self._clocks = CaseClocksTable()
        self._history = CaseHistoryView()

        self._stack = QStackedWidget()
        self._empty = QLabel(self.tr("Select a complaint in the list to see its details."))
        self._empty.setObjectName("caseDetailEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._build_detail_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._stack.setCurrentIndex(0)
        operations.subscribe(self, self.on_operation_did_execute)

    # --- public ----------------------------------------------------------------------------

    def case_id(self) -> int | None:
        return self._case_id

    def show_case(self, case_id: int | None) -> None:
        """Show the case, or the empty state for None or a case that no longer exists."""
        case = cases.get_case(case_id) if case_id is not None else None
        self._case_id = case.id if case is not None else None
        self._revealed = None
        if case is None:
            self._history.show_case(None)
            self._stack.setCurrentIndex(0)
            return
        self._fill(case)
        self._fill_outcome(case_outcome.case_outcome(case))
        self._fill_timeline(queries.case_timeline(case.id))
        self._actions.show_case(case)
        self._clocks.show_case(case)
        self._mark_clocks_tab()
        self._history.show_case(case.id)
        self._stack.setCurrentIndex(1)

    def refresh(self) -> None:
        """Re-read the shown case from the database (after something changed it)."""
        self.show_case(self._case_id)

    def on_operation_did_execute(self, changes: Changes, handler: object) -> None:
        """Re-read the case on show if the operation changed it or what it depends on."""
        if self._case_id is None:
            return
        if changes.touches_case(self._case_id) or changes.touches(*DETAIL_KINDS):
            self.refresh()
        elif handler is not self and changes.touches_trail_of(self._case_id):
            self._history.show_case(self._case_id)

    def title_text(self) -> str:
        return self._title.text()

    def field_text(self, key: str) -> str:
        """Text shown for a field (see _FIELDS); for tests and accessibility checks."""
        return self._values[key].text()

    def outcome_text(self, key: str) -> str:
        """Text shown for liability, penalties or escalations (see _OUTCOME_ROWS)."""
        return self._outcome[key].text()

    def field_label(self, key: str) -> QLabel:
        return self._values[key]

    def details_scroll(self) -> QScrollArea:
        return self._scroll

    def timeline(self) -> QTreeWidget:
        return self._timeline

    def action_bar(self) -> CaseActionBar:
        return self._actions

    def clocks(self) -> CaseClocksTable:
        return self._clocks

    def history(self) -> CaseHistoryView:
        return self._history

    def tabs(self) -> QTabWidget:
        return self._tabs

    def reveal_button(self) -> QPushButton:
        return self._reveal_button

    def reveal_customer(self) -> None:
        """Ask, then show the case's full phone and ID numbers (recorded in the trail).

        The button's state is a courtesy: db.intake.cases.reveal_customer checks the permission
        matrix again and its refusal is shown here."""
        case = cases.get_case(self._case_id) if self._case_id is not None else None
        actor = self._actions.actor(case)
        if case is None or actor is None or self._revealed is not None:
            return
        if not self._confirm_reveal():
            return
        try:
            # The showing is recorded in the trail: the History tab re-reads itself below.
            revealed = operations.run_op(
                self,
                lambda: cases.reveal_customer(case, actor),
                changes=Changes.audit(case.id),
            )
        except WorkflowError as err:
            QMessageBox.warning(
                self, self.tr("Show full customer data"), workflow_error_message(err)
            )
            return
        self._revealed = revealed
        self._fill_customer_numbers(case)
        self._history.show_case(case.id)  # the reveal is now in the trail

    def _confirm_reveal(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Show full customer data"),
            self.tr(
                "Show this customer's full phone and ID numbers?\n\n"
                "This is recorded in the audit trail, with your name and the time."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("revealCustomerConfirm")
        box.setAccessibleName(self.tr("Show full customer data"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        for which, name, text in (
            (QMessageBox.StandardButton.Yes, "revealConfirmYes", self.tr("Show")),
            (QMessageBox.StandardButton.No, "revealConfirmNo", self.tr("Cancel")),
        ):
            button = box.button(which)
            button.setObjectName(name)
            button.setText(text)
            button.setAccessibleName(text)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _request_report(self) -> None:
        if self._case_id is not None:
            self.report_requested.emit(self._case_id)

    # --- building --------------------------------------------------------------------------

    def _field_titles(self) -> dict[str, str]:
        return {
            "received_at": self.tr("Received at"),
            "status": self.tr("Status"),
            "severity": self.tr("Severity"),
            "route": self.tr("Receipt route"),
            "channel": self.tr("Channel"),
            "business_type": self.tr("Business type"),
            "cause": self.tr("Cause"),
            "customer_name": self.tr("Customer"),
            "customer_phone": self.tr("Phone"),
            "customer_id_no": self.tr("ID number"),
            "first_ask_owner": self.tr("First-ask owner"),
            "handler": self.tr("Handler"),
            "agreed_reply_at": self.tr("Agreed reply time"),
            "due_at": self.tr("Due"),
            "remedy_requested": self.tr("Remedy requested"),
            "description": self.tr("Description"),
            "settlement": self.tr("Settlement"),
        }

    def _build_detail_page(self) -> QWidget:
        page = QWidget()
        self._title = QLabel()
        self._title.setObjectName("caseDetailTitle")
        self._title.setAccessibleName(self.tr("Case number"))
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self._title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self._title.setFont(title_font)

        self._report_button = QPushButton(self.tr("Print report…"))
        self._report_button.setObjectName("printReportButton")
        self._report_button.setAccessibleName(self.tr("Print report"))
        self._report_button.setToolTip(
            self.tr("Preview, print or save this complaint's incident report")
        )
        self._report_button.clicked.connect(self._request_report)
        title_row = QHBoxLayout()
        title_row.addWidget(self._title, 1)
        title_row.addWidget(self._report_button)

        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        titles = self._field_titles()
        self._values: dict[str, QLabel] = {}
        for key, long_text in _FIELDS:
            value = QLabel()
            value.setObjectName(f"caseDetail_{key}")
            value.setAccessibleName(titles[key])
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            if long_text:
                value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._values[key] = value
            if key == "customer_phone":
                form.addRow(titles[key] + self.tr(":"), self._phone_row(value))
            else:
                form.addRow(titles[key] + self.tr(":"), value)

        content = QWidget()
        content.setObjectName("caseDetailContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 4, 8, 8)
        content_layout.addWidget(form_host)
        content_layout.addWidget(self._build_outcome())
        content_layout.addStretch(1)

        # One scroll area for the whole Details tab: the description and the outcome are
        # read whole, however long, by scrolling the page rather than a box inside it.
        self._scroll = QScrollArea()
        self._scroll.setObjectName("caseDetailScroll")
        self._scroll.setAccessibleName(self.tr("Case details"))
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(content)

        self._timeline = QTreeWidget()
        self._timeline.setObjectName("caseTimeline")
        self._timeline.setAccessibleName(self.tr("Case timeline"))
        # Each event is a row; its details (status change, agreed time, note) sit on a
        # full-width line beneath it, so they are not squeezed into a narrow last column.
        self._timeline.setRootIsDecorated(False)
        self._timeline.setItemsExpandable(False)
        self._timeline.setIndentation(self.fontMetrics().averageCharWidth() * 2)
        self._timeline.setAlternatingRowColors(True)
        self._timeline.setWordWrap(True)
        self._timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._timeline.setHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("Event")])
        header = self._timeline.header()
        header.setStretchLastSection(True)
        for column in (TL_TIME, TL_ACTOR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self._tabs = QTabWidget()
        self._tabs.setObjectName("caseDetailTabs")
        self._tabs.setAccessibleName(self.tr("Case pages"))
        self._tabs.setDocumentMode(True)
        self._tabs.insertTab(TAB_DETAILS, self._scroll, self.tr("Details"))
        self._tabs.insertTab(TAB_CLOCKS, self._clocks, self.tr("Deadlines"))
        self._tabs.insertTab(TAB_TIMELINE, self._timeline, self.tr("Timeline"))
        self._tabs.insertTab(TAB_HISTORY, self._history, self.tr("History"))
        self._tabs.setTabToolTip(
            TAB_HISTORY, self.tr("Every recorded change to this case, from the audit trail")
        )

        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(title_row)
        layout.addWidget(self._actions)
        layout.addWidget(self._tabs, 1)
        return page

    def _build_outcome(self) -> QWidget:
        """Where the case stands: liability, penalties and escalations (Art. 5, 10, 11)."""
        box = QWidget()
        box.setObjectName("caseOutcome")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(self.tr("Outcome"))
        heading.setObjectName("caseOutcomeTitle")
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        layout.addWidget(heading)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        titles = {
            "liability": self.tr("Liability"),
            "penalties": self.tr("Penalties"),
            "escalations": self.tr("Escalations"),
        }
        self._outcome: dict[str, QLabel] = {}
        for key in _OUTCOME_ROWS:
            value = QLabel()
            value.setObjectName(f"caseOutcome_{key}")
            value.setAccessibleName(titles[key])
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._outcome[key] = value
            form.addRow(titles[key] + self.tr(":"), value)
        layout.addLayout(form)
        return box

    def _phone_row(self, phone: QLabel) -> QWidget:
        """The phone number with the button that shows it and the ID number in full."""
        self._reveal_button = QPushButton(self.tr("Show full customer data…"))
        self._reveal_button.setObjectName("revealCustomerButton")
        self._reveal_button.setAccessibleName(self.tr("Show full customer data"))
        self._reveal_button.setAutoDefault(False)
        self._reveal_button.clicked.connect(self.reveal_customer)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(phone, 1)
        row_layout.addWidget(self._reveal_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    # --- filling ---------------------------------------------------------------------------

    def _fill(self, case: Case) -> None:
        self._title.setText(case.case_no)
        severity = labels.label("severity", case.severity)
        triggers = [t for t in case.urgent_triggers.split(",") if t]
        if triggers:
            severity = self.tr("{severity}: {triggers}").format(
                severity=severity,
                triggers=self.tr(", ").join(labels.label("urgent_trigger", t) for t in triggers),
            )
        due = _time(case.due_at) if case.is_open else EMPTY
        if case.is_open and windows.OVERDUE.holds(case.due_at, now()):
            due = self.tr("{time} (overdue)").format(time=due)
        owner = case.first_ask_owner
        handler = case.handler
        values = {
            "received_at": _time(case.received_at),
            "status": labels.label("status", case.status),
            "severity": severity,
            "route": labels.label("route", case.route),
            "channel": labels.label("channel", case.channel),
            "business_type": labels.label("business_type", case.business_type),
            "cause": labels.label("cause", case.cause),
            "customer_name": _text(case.customer_name),
            "first_ask_owner": self._staff_text(owner),
            "handler": self._staff_text(handler) if handler is not None else EMPTY,
            "agreed_reply_at": _time(case.agreed_reply_at),
            "due_at": due,
            "remedy_requested": _text(case.remedy_requested),
            "description": _text(case.description),
            "settlement": _text(case.settlement),
        }
        for key, text in values.items():
            self._values[key].setText(text)
        self._fill_customer_numbers(case)
        urgent = case.severity == vocab.SEVERITY_URGENT
        self._values["severity"].setStyleSheet(
            "color: #b00020; font-weight: bold;" if urgent else ""
        )

    def _fill_outcome(self, outcome: CaseOutcome) -> None:
        self._outcome["liability"].setText(self._liability_text(outcome))
        self._outcome["penalties"].setText(self._penalties_text(outcome))
        self._outcome["escalations"].setText(self._escalations_text(outcome))

    def _liability_text(self, outcome: CaseOutcome) -> str:
        finding = outcome.finding
        if finding is None:
            return self.tr("Not determined yet")
        by = self.tr("determined by {name} on {time}").format(
            name=finding.determined_by, time=_time(finding.determined_at)
        )
        if finding.as_acting_head:
            by = self.tr("{text}, as acting head").format(text=by)
        if outcome.finding_count > 1:
            by = self.tr("{text}, after a review").format(text=by)
        if not finding.liable:
            return self.tr("Not liable ({by})").format(by=by)
        people = self.tr(", ").join(
            self.tr("{name} {share} %").format(name=r.name, share=_number(r.share))
            for r in finding.responsible
        )
        lines = [self.tr("Liable: {people} ({by})").format(people=people, by=by)]
        if finding.basis:
            lines.append(
                self.tr("Duty or rule breached: {basis}").format(basis=citation(finding.basis))
            )
        return "\n".join(lines)

    def _penalties_text(self, outcome: CaseOutcome) -> str:
        if not outcome.penalties:
            if outcome.finding is not None and outcome.finding.liable:
                return self.tr("None applied yet")
            return EMPTY
        lines = []
        for p in outcome.penalties:
            line = self.tr("{name}: {points} points, {amount} yuan").format(
                name=p.staff_name, points=p.points, amount=f"{p.amount:.2f}"
            )
            if p.measures:
                measures = self.tr(", ").join(
                    labels.label("penalty_measure", m) for m in p.measures
                )
                line = self.tr("{text}; {measures}").format(text=line, measures=measures)
            if not p.as_proposed and p.reason:
                line = self.tr("{text} (differs from the scale: {reason})").format(
                    text=line, reason=p.reason
                )
            lines.append(line)
        return "\n".join(lines)

    def _escalations_text(self, outcome: CaseOutcome) -> str:
        if not outcome.escalations:
            return self.tr("Not escalated")
        lines = []
        for step in outcome.escalations:
            line = self.tr("{time} {level}: {department}").format(
                time=_time(step.at),
                level=labels.label("escalation_level", step.level),
                department=step.district_department or EMPTY,
            )
            if step.with_psbc:
                line = self.tr("{text}, with PSBC ({department})").format(
                    text=line, department=step.psbc_department or EMPTY
                )
            lines.append(line)
            if step.district is not None:
                lines.append(self._district_text(step.district))
            if step.result is None:
                result = self.tr("Result: not fed back to the customer yet")
            elif step.customer_satisfied is False:
                result = self.tr("Result ({time}, customer not satisfied): {result}").format(
                    time=_time(step.result_at), result=step.result
                )
            else:
                result = self.tr("Result ({time}): {result}").format(
                    time=_time(step.result_at), result=step.result
                )
            lines.append(result)
        return "\n".join(lines)

    def _district_text(self, district: DistrictHandling) -> str:
        """What the district sent down about one escalation (Art. 11)."""
        led = district.department or EMPTY
        if district.psbc_counterpart:
            led = self.tr("{department}, with PSBC ({counterpart})").format(
                department=led, counterpart=district.psbc_counterpart
            )
        if not district.result:
            return self.tr("District: led by {led}; no result yet (as of {time})").format(
                led=led, time=_time(district.received_at)
            )
        return self.tr("District's result ({time}, led by {led}): {result}").format(
            time=_time(district.result_at), led=led, result=district.result
        )

    def _mark_clocks_tab(self) -> None:
        """The Deadlines tab counts the clocks and turns red or amber like the clocks do."""
        clocks, at = self._clocks.clocks(), now()
        self._tabs.setTabEnabled(TAB_CLOCKS, bool(clocks))
        self._tabs.setTabText(
            TAB_CLOCKS,
            self.tr("Deadlines ({count})").format(count=len(clocks))
            if clocks
            else self.tr("Deadlines"),
        )
        if any(c.state == deadlines.STATE_MISSED for c in clocks):
            colour, tip = QColor(MISSED_COLOR), self.tr("A deadline was missed")
        elif any(c.near_breach(at) for c in clocks):
            colour, tip = QColor(NEAR_COLOR), self.tr("A deadline is near")
        else:
            colour, tip = self.palette().windowText().color(), ""
        self._tabs.tabBar().setTabTextColor(TAB_CLOCKS, colour)
        self._tabs.setTabToolTip(TAB_CLOCKS, tip)

    def _fill_customer_numbers(self, case: Case) -> None:
        """Phone and ID number, masked unless revealed; the reveal button to match."""
        if self._revealed is not None:
            phone, id_no = self._revealed
        else:
            phone, id_no = queries.mask_phone(case.customer_phone), mask_id_no(case.customer_id_no)
        self._values["customer_phone"].setText(_text(phone))
        self._values["customer_id_no"].setText(_text(id_no))
        actor = self._actions.actor(case)
        if self._revealed is not None:
            enabled = False
            tip = self.tr("Shown in full until another case is selected.")
        elif actor is None:
            enabled, tip = False, ""
        elif (refusal := permissions.can(actor, Action.REVEAL_CUSTOMER_DATA, now())) is not None:
            enabled = False
            tip = workflow_error_message(refusal)
        else:
            enabled = True
            tip = self.tr(
                "Show the full phone and ID numbers of this customer; "
                "each showing is recorded in the audit trail"
            )
        self._reveal_button.setEnabled(enabled)
        self._reveal_button.setToolTip(tip)

    def _staff_text(self, person) -> str:
        return self.tr("{name} ({role})").format(
            name=person.name, role=labels.label("role", person.role)
        )

    def _fill_timeline(self, entries: list[TimelineEntry]) -> None:
        self._timeline.clear()
        muted = self.palette().placeholderText()
        for entry in entries:
            item = QTreeWidgetItem(
                self._timeline,
                [_time(entry.at), entry.actor_name or EMPTY, labels.label("event", entry.kind)],
            )
            details = self._details(entry)
            if details:
                child = QTreeWidgetItem(item, [details])
                child.setFirstColumnSpanned(True)
                child.setToolTip(TL_TIME, details)
                child.setForeground(TL_TIME, muted)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._timeline.expandAll()

    def timeline_events(self) -> list[tuple[str, str]]:
        """(event label, details) per timeline row, as shown; for tests and copy-out."""
        out = []
        for item in top_level_items(self._timeline):
            child = item.child(0)
            out.append((item.text(TL_EVENT), child.text(TL_TIME) if child is not None else ""))
        return out

    def _status_change(self, entry: TimelineEntry) -> str:
        if entry.from_status and entry.to_status:
            return self.tr("{old} → {new}").format(
                old=labels.label("status", entry.from_status),
                new=labels.label("status", entry.to_status),
            )
        if entry.to_status:
            return labels.label("status", entry.to_status)
        return ""

    def _details(self, entry: TimelineEntry) -> str:
        parts = [self._status_change(entry)]
        if entry.kind == vocab.EVENT_REPLY_TIME_AGREED and entry.data.get("agreed_reply_at"):
            try:
                agreed = dt.datetime.fromisoformat(str(entry.data["agreed_reply_at"]))
                parts.append(self.tr("Reply by {time}").format(time=_time(agreed)))
            except ValueError:
                parts.append(str(entry.data["agreed_reply_at"]))
        if entry.kind == vocab.EVENT_URGENT_TRIGGERED:
            triggers = entry.data.get("triggers") or []
            parts.append(self.tr(", ").join(labels.label("urgent_trigger", t) for t in triggers))
        parts.extend(event_facts(entry))
        if entry.note:
            parts.append(entry.note)
        return self.tr("; ").join(p for p in parts if p)
