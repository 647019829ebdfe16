"""The action bar of the selected complaint: what may be done next, who answers for it.

- One button per workflow action db.handling.availability.available_actions offers for the
  case. Actions the rules block right now stay visible but disabled, with the refusal as
  tooltip: a report to the head is owed (Art. 10), or only the head or acting head may do it
  (Art. 5, 8). The db/ function each dialog calls is the enforcement, and its refusal is shown
  in the dialog.
- "More" holds what can be recorded at any time: tracking notes, first contact, proposals,
  the handling decision and notices, the decision clock, reviews, repeats.
- The accountable line: the first-ask owner (or the formal handler) answers for the case;
  during a pending transfer the prospective handler is shown beside them (Art. 4, 10).
- A red banner while a report to the head is owed (db.handling.workflow.report_owed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.handling import availability, workflow
from db.intake import cases, outlets
from db.intake.queries import TimelineEntry
from db.store import codes
from db.store.models import Case, Staff, now
from desktop.handling.simple_action_dialog import SimpleActionDialog
from desktop.handling.transfer_dialog import TransferDialog, transfer_text
from desktop.kit import labels
from desktop.kit.errors import workflow_error_message

BUTTON_COLUMNS = 3
TIME_FORMAT = "%Y-%m-%d %H:%M"

# Workflow actions with a button, in the order of the handling process. "merge" lives in
# the More menu with linking, as one "repeat complaint" entry.
BUTTON_ACTIONS: tuple[str, ...] = tuple(a for a in workflow.ACTIONS if a != "merge")

# Entries of the More menu: recorded facts that change no status by themselves.
MENU_ACTIONS: tuple[str, ...] = availability.MENU_ACTIONS

BANNER_STYLE = (
    "QLabel { background: #fdecea; color: #8c1d18; border: 1px solid #f2b8b5;"
    " border-radius: 4px; padding: 6px; font-weight: bold; }"
)


class CaseActionBar(QWidget):
    """Buttons and status lines for one case; ``show_case(case)`` fills it.

    ``actor`` is who uses the program (the main window's); None falls back to the outlet
    head, as the program is started by the head.

    Signals:
        case_changed(int): an action was saved; the case id. The main window refreshes the
            list and the counts; the detail panel re-reads the case.
    """

    case_changed = Signal(int)

    def __init__(self, actor: Staff | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseActions")
        self._actor = actor
        self._case: Case | None = None

        self._banner = QLabel()
        self._banner.setObjectName("reportOwedBanner")
        self._banner.setAccessibleName(self.tr("Report owed"))
        self._banner.setWordWrap(True)
        self._banner.setStyleSheet(BANNER_STYLE)
        self._banner.hide()

        self._accountable = QLabel()
        self._accountable.setObjectName("accountableLabel")
        self._accountable.setAccessibleName(self.tr("Who is accountable"))
        self._accountable.setWordWrap(True)

        self._buttons: dict[str, QPushButton] = {}
        for action in BUTTON_ACTIONS:
            text = labels.label("action", action)
            button = QPushButton(self.tr("{action}…").format(action=text), self)
            button.setObjectName(f"action_{action}_button")
            button.setAccessibleName(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=action: self.run_action(a))
            self._buttons[action] = button

        self._more = QToolButton(self)
        self._more.setObjectName("moreActionsButton")
        self._more.setAccessibleName(self.tr("More actions"))
        self._more.setText(self.tr("More…"))
        self._more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._more.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._menu = QMenu(self._more)
        self._menu.setObjectName("moreActionsMenu")
        self._menu_actions: dict[str, QAction] = {}
        for name, text in self._menu_texts().items():
            entry = QAction(text, self._menu)
            entry.setObjectName(f"menu_{name}")
            entry.triggered.connect(lambda _c=False, n=name: self.run_action(n))
            self._menu.addAction(entry)
            self._menu_actions[name] = entry
        self._more.setMenu(self._menu)

        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        for column in range(BUTTON_COLUMNS):
            self._grid.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        layout.addWidget(self._banner)
        layout.addWidget(self._accountable)
        layout.addLayout(self._grid)

    def _menu_texts(self) -> dict[str, str]:
        return {
            "tracking_note": self.tr("Tracking note…"),
            "first_contact": self.tr("First contact with the customer…"),
            "proposal": self.tr("Solution proposed…"),
            "mark_major": self.tr("Mark major…"),
            "other_outlet": self.tr("Another outlet involved…"),
            "decision": self.tr("Handling decision and notices…"),
            "pause": self.tr("Decision clock: pause or extend…"),
            "request_review": self.tr("Customer asked for a review…"),
            "decide_review": self.tr("Decide the review…"),
            "repeat": self.tr("Repeat of an earlier case…"),
            "review_liability": self.tr("Review the liability determination…"),
            "penalty": self.tr("Penalties…"),
        }

    # --- public ----------------------------------------------------------------------------

    def actor(self, case: Case | None = None) -> Staff | None:
        case = case or self._case
        if self._actor is not None or case is None:
            return self._actor
        return outlets.outlet_head(case.outlet)

    def button(self, action: str) -> QPushButton:
        return self._buttons[action]

    def menu_action(self, name: str) -> QAction:
        return self._menu_actions[name]

    def visible_actions(self) -> list[str]:
        """Actions with a button shown now, enabled or not; for tests."""
        return [a for a, b in self._buttons.items() if not b.isHidden()]

    def enabled_actions(self) -> list[str]:
        return [a for a, b in self._buttons.items() if not b.isHidden() and b.isEnabled()]

    def banner_text(self) -> str:
        return self._banner.text() if not self._banner.isHidden() else ""

    def accountable_text(self) -> str:
        return self._accountable.text()

    def show_case(self, case: Case | None) -> None:
        self._case = cases.get_case(case.id) if case is not None else None
        if self._case is None:
            self.hide()
            return
        self.show()
        self._fill_status(self._case)
        self._fill_buttons(self._case)

    def refresh(self) -> None:
        self.show_case(self._case)

    # --- running an action -----------------------------------------------------------------

    def run_action(self, action: str) -> None:
        """Open the dialog of ``action`` for the shown case; on save, tell everyone."""
        if self._case is None:
            return
        case = cases.get_case(self._case.id)
        actor = self.actor(case)
        if case is None or actor is None:
            return
        result = self._dialog_for(action)(case, actor)
        if result is None:
            return
        self.show_case(case)
        self.case_changed.emit(case.id)

    def _dialog_for(self, action: str) -> Callable[[Case, Staff], Any]:
        simple = (
            "settle",
            "agree_reply_time",
            "cancel_transfer",
            "close",
            "reopen",
            "tracking_note",
            "mark_major",
            "first_contact",
            "proposal",
            "other_outlet",
            "request_review",
            "decide_review",
        )
        if action in simple:
            return lambda case, actor: SimpleActionDialog.ask(self, case, actor, action)
        # The other dialogs are imported when first opened, not with the window.
        from desktop.handling import (
            callback_dialog,
            contact_dialog,
            decision_dialog,
            pause_dialog,
            repeat_dialog,
            reply_dialog,
            report_dialog,
        )
        from desktop.management import liability_dialog, liability_review_dialog, penalty_dialog

        dialogs: dict[str, Callable[[Case, Staff], Any]] = {
            "reply": lambda case, actor: reply_dialog.ReplyDialog.ask(self, case, actor),
            "feed_back": lambda case, actor: reply_dialog.ReplyDialog.ask(
                self, case, actor, feed_back=True
            ),
            "report": lambda case, actor: report_dialog.ReportDialog.ask(self, case, actor),
            "transfer": lambda case, actor: TransferDialog.ask(self, case, actor),
            "confirm_contact": lambda case, actor: contact_dialog.ContactDialog.ask(
                self, case, actor
            ),
            "escalate": self._escalate,
            "callback": lambda case, actor: callback_dialog.CallbackDialog.ask(self, case, actor),
            "determine_liability": lambda case, actor: liability_dialog.LiabilityDialog.ask(
                self, case, actor
            ),
            "review_liability": lambda case, actor: (
                liability_review_dialog.LiabilityReviewDialog.ask(self, case, actor)
            ),
            "penalty": lambda case, actor: penalty_dialog.PenaltyDialog.ask(self, case, actor),
            "decision": lambda case, actor: decision_dialog.DecisionDialog.ask(self, case, actor),
            "pause": lambda case, actor: pause_dialog.PauseDialog.ask(self, case, actor),
            "repeat": lambda case, actor: repeat_dialog.RepeatDialog.ask(self, case, actor),
            "merge": lambda case, actor: repeat_dialog.RepeatDialog.ask(self, case, actor),
        }
        return dialogs[action]

    def _escalate(self, case: Case, actor: Staff) -> Any:
        from desktop.handling.escalation_wizard import OUTCOME_TRANSFER, EscalationWizard

        outcome = EscalationWizard.ask(self, case, actor)
        if outcome is not None and outcome.kind == OUTCOME_TRANSFER:
            escalated = cases.get_case(case.id)  # as the escalation left it
            if escalated is not None:
                return TransferDialog.ask(self, escalated, actor)
        return outcome

    # --- filling ---------------------------------------------------------------------------

    def _fill_status(self, case: Case) -> None:
        owed = workflow.report_owed(case) if case.is_open else None
        if owed:
            self._banner.setText(
                self.tr(
                    "Report owed: {reason}. Report it to the head or acting head before "
                    "anything else happens (Art. 10)."
                ).format(reason=labels.label("report_reason", owed))
            )
        self._banner.setVisible(bool(owed))
        self._accountable.setText(self._accountable_line(case))

    def _accountable_line(self, case: Case) -> str:
        accountable = workflow.accountable_staff(case)
        who = f"{accountable.name} · {labels.label('role', accountable.role)}"
        if case.handler_id is not None and accountable.id == case.handler_id:
            line = self.tr("Accountable: {who} (handler, transfer formal)").format(who=who)
        else:
            line = self.tr("Accountable: {who} (first-ask owner)").format(who=who)
        lines = [line]
        pending = workflow.pending_transfer(case)
        if pending is not None:
            lines.append(
                self.tr(
                    "Pending transfer to {handler} since {time}: formal once the customer and "
                    "the handler are in contact; until then {who} stays accountable."
                ).format(
                    handler=transfer_text(pending),
                    time=pending.requested_at.strftime(TIME_FORMAT),
                    who=accountable.name,
                )
            )
        if case.other_outlet:
            lines.append(
                self.tr("Another outlet involved: {outlet}").format(outlet=case.other_outlet)
            )
        return "\n".join(lines)

    def _fill_buttons(self, case: Case) -> None:
        actor = self.actor(case)
        offers = {a.action: a for a in availability.available_actions(case, actor, now())}
        while self._grid.count():
            self._grid.takeAt(0)
        shown: list[QWidget] = []
        for action, button in self._buttons.items():
            offer = offers.get(action)
            button.setVisible(offer is not None and offer.button)
            if offer is None or not offer.button:
                continue
            if action == "report":
                self._label_report_button(button, offer.takes_charge)
            reason = workflow_error_message(offer.refusal) if offer.refusal is not None else ""
            button.setEnabled(offer.allowed)
            button.setToolTip(reason)
            shown.append(button)
        shown.append(self._more)
        for index, widget in enumerate(shown):
            self._grid.addWidget(widget, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS)
        self._fill_menu(offers)

    def _label_report_button(self, button: QPushButton, takes_charge: bool) -> None:
        """The head does not report to himself: for him the button takes charge (Art. 5, 10)."""
        if takes_charge:
            button.setText(self.tr("Take charge…"))
            button.setAccessibleName(self.tr("Take charge"))
        else:
            text = labels.label("action", "report")
            button.setText(self.tr("{action}…").format(action=text))
            button.setAccessibleName(text)

    def _fill_menu(self, offers: dict[str, availability.Available]) -> None:
        for name, entry in self._menu_actions.items():
            entry.setEnabled(offers[name].allowed)
        self._menu_actions["decision"].setText(
            self.tr("Notify the customer of the decision…")
            if offers["decision"].has_decision
            else self.tr("Handling decision and notices…")
        )


# --- what the timeline shows of an event's data ---------------------------------------------


def event_facts(entry: TimelineEntry) -> list[str]:
    """The facts an event carries beyond its note, as the timeline shows them."""
    data = entry.data
    kind = entry.kind
    facts: list[str] = []
    if kind in (codes.EVENT_TRANSFER_REQUESTED, codes.EVENT_CONTACT_CONFIRMED):
        name, outlet = data.get("handler_name") or "", data.get("handler_outlet") or ""
        if name:
            handler = f"{name} · {outlet}" if outlet else name
            facts.append(
                QCoreApplication.translate("CaseEvents", "Handler: {name}").format(name=handler)
            )
    if kind in (codes.EVENT_CONTACT_CONFIRMED, codes.EVENT_REPLIED, codes.EVENT_FED_BACK):
        if data.get("method"):
            facts.append(labels.label("contact_method", data["method"]))
    if kind in (codes.EVENT_REPLIED, codes.EVENT_FED_BACK) and "customer_satisfied" in data:
        facts.append(
            QCoreApplication.translate("CaseEvents", "Customer satisfied")
            if data["customer_satisfied"]
            else QCoreApplication.translate("CaseEvents", "Customer not satisfied")
        )
    if kind == codes.EVENT_REPORTED and data.get("taken_charge"):
        facts.append(QCoreApplication.translate("CaseEvents", "the head took charge in person"))
    if kind == codes.EVENT_REPORTED and data.get("reason"):
        facts.append(labels.label("report_reason", data["reason"]))
    if kind == codes.EVENT_ESCALATED:
        facts.append(
            QCoreApplication.translate("CaseEvents", "{level}: {department}").format(
                level=labels.label("escalation_level", data.get("level")),
                department=data.get("district_department", ""),
            )
        )
        if data.get("with_psbc"):
            facts.append(
                QCoreApplication.translate("CaseEvents", "With PSBC: {department}").format(
                    department=data.get("psbc_department", "")
                )
            )
        if data.get("contacted_person"):
            facts.append(
                QCoreApplication.translate("CaseEvents", "Contacted: {person}").format(
                    person=data["contacted_person"]
                )
            )
        if data.get("outlet_follow_up"):
            facts.append(
                QCoreApplication.translate("CaseEvents", "Outlet owes: {plan}").format(
                    plan=data["outlet_follow_up"]
                )
            )
    if kind in (codes.EVENT_CALLBACK_DONE,) and data.get("result"):
        facts.append(labels.label("callback_result", data["result"]))
    if kind == codes.EVENT_LIABILITY_DETERMINED and "liable" in data:
        facts.append(
            QCoreApplication.translate("CaseEvents", "Liable")
            if data["liable"]
            else QCoreApplication.translate("CaseEvents", "Not liable")
        )
    if kind == codes.EVENT_MARKED_MAJOR and data.get("reason"):
        facts.append(labels.label("major_reason", data["reason"]))
    if kind == codes.EVENT_OTHER_OUTLET and data.get("other_outlet"):
        facts.append(data["other_outlet"])
    if data.get("as_acting_head"):
        facts.append(QCoreApplication.translate("CaseEvents", "as acting head"))
    if data.get("entered_at"):
        facts.append(
            QCoreApplication.translate("CaseEvents", "entered on {time}").format(
                time=str(data["entered_at"])[:16]
            )
        )
    return facts
