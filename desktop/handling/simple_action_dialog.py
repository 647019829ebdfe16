"""One dialog for the case actions that need only a text, perhaps a time, a choice or a tick.

Settle on the spot, agree a reply time, cancel a pending transfer, close, reopen, a
tracking note, mark major, first contact, a proposal, another outlet involved, a review
requested, a review decided: each is a :class:`Spec` (what to ask) plus one db/ call in
``commit()``. Keeping them in one module keeps their look and their error handling the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from db.errors import WorkflowError
from db.handling import availability, deadlines, decisions, workflow
from db.store.models import Case, Staff, now
from desktop.handling.action_form import ActionDialog, required_choice, to_python
from desktop.settings import calendar_gap

ACTIONS: tuple[str, ...] = (
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


@dataclass(frozen=True)
class Spec:
    """What the dialog asks for one action. Empty labels leave the field out."""

    title: str
    intro: str
    text_label: str = ""
    text_field: str = "note"
    multiline: bool = True
    placeholder: str = ""
    time_label: str = ""
    time_field: str = "at"
    time_default: dt.datetime | None = None
    choice_label: str = ""
    choice_kind: str = ""
    choice_field: str = ""
    check_label: str = ""


class SimpleActionDialog(ActionDialog):
    """A case action that needs a text and optionally a time, a choice and a tick.

    ``SimpleActionDialog.ask(parent, case, actor, "close")``; the db/ function's result, or
    None when cancelled. Emits no signals.
    """

    def __init__(
        self, case: Case, actor: Staff, action: str, parent: QWidget | None = None
    ) -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown simple action {action!r}")
        self.action = action
        super().__init__(
            case, actor, parent, object_name=f"simple_action_dialog_{action}", title=""
        )
        spec = self.spec = self._spec(action)
        self.set_title(spec.title)
        self.set_intro(spec.intro)
        self.time_edit: QDateTimeEdit | None = None
        self.choice_combo: QComboBox | None = None
        self.check: QCheckBox | None = None
        self.text_edit_widget: QPlainTextEdit | QLineEdit | None = None
        if spec.choice_label:
            self.choice_combo = self.code_combo(spec.choice_kind, "choice", spec.choice_label)
            self.add_row(spec.choice_label + self.tr(":"), spec.choice_field, self.choice_combo)
        if spec.time_label:
            self.time_edit = self.datetime_edit("time", spec.time_label, spec.time_default)
            self.add_row(spec.time_label + self.tr(":"), spec.time_field, self.time_edit)
        if spec.text_label:
            if spec.multiline:
                self.text_edit_widget = self.text_edit("text", spec.text_label, spec.placeholder)
            else:
                self.text_edit_widget = self.line_edit("text", spec.text_label, spec.placeholder)
            self.add_row(spec.text_label + self.tr(":"), spec.text_field, self.text_edit_widget)
        if spec.check_label:
            self.check = self.check_box("check", spec.check_label)
            self.form.addRow(self.check)
        if action in ("agree_reply_time", "request_review"):
            # These recompute deadlines counted in days: say so when they reach a year
            # whose official working-day schedule is not entered.
            calendar_gap.add_to_layout(self.root, actor, lambda: deadlines.case_gap_years(case), 2)
        self.finish_layout()

    # --- what each action asks -----------------------------------------------------------

    def _spec(self, action: str) -> Spec:
        # A time already agreed is shown as stored, to the second: saving it unchanged must
        # not move the deadline. A first agreement proposes this hour tomorrow.
        agreed = self.case.agreed_reply_at
        reply_default = agreed or (now() + dt.timedelta(days=1)).replace(minute=0, second=0)
        specs = {
            "settle": lambda: Spec(
                self.tr("Settle on the spot"),
                self.tr("Write down what was done so the customer was satisfied (Art. 10)."),
                self.tr("Settlement"),
                "settlement",
            ),
            "agree_reply_time": lambda: Spec(
                self.tr("Agree reply time"),
                self.tr(
                    "The time agreed with the customer becomes the case's deadline (Art. 10). "
                    "Changing an agreed time needs a note: why, and that the customer agreed."
                ),
                self.tr("Note"),
                "note",
                time_label=self.tr("Reply by"),
                time_field="reply_at",
                time_default=reply_default,
            ),
            "cancel_transfer": lambda: Spec(
                self.tr("Cancel transfer"),
                self.tr("The handler cannot take it: the case goes back to where it was."),
                self.tr("Reason"),
                "reason",
            ),
            "close": lambda: Spec(
                self.tr("Close the complaint"),
                self.tr(
                    "The head closes a complaint once liability is determined and nothing is "
                    "left running: no planned callback, review, open pause or unanswered work "
                    "order."
                ),
                self.tr("Note"),
                "note",
                placeholder=self.tr("Optional"),
            ),
            "reopen": lambda: Spec(
                self.tr("Reopen the complaint"),
                self.tr("The head reopens with a reason; the case starts again as received."),
                self.tr("Reason"),
                "reason",
            ),
            "tracking_note": lambda: Spec(
                self.tr("Tracking note"),
                self.tr(
                    "Keep track of progress, especially of an escalated case: the outlet "
                    "still owes the customer the result (Art. 11)."
                ),
                self.tr("Note"),
                "note",
            ),
            "mark_major": lambda: Spec(
                self.tr("Mark major"),
                self.tr(
                    "A major complaint (20 or more people, a disaster or public event) is "
                    "reported to the head at once (Art. 10)."
                ),
                self.tr("Note"),
                "note",
                placeholder=self.tr("Optional"),
                choice_label=self.tr("Why major"),
                choice_kind="major_reason",
                choice_field="major reason",
            ),
            "first_contact": lambda: Spec(
                self.tr("First contact with the customer"),
                self.tr("When the outlet first reached the customer (internal limit: 2 hours)."),
                self.tr("Note"),
                "note",
                placeholder=self.tr("Optional"),
                time_label=self.tr("Contacted at"),
                time_field="contact_at",
                choice_label=self.tr("Method"),
                choice_kind="contact_method",
                choice_field="contact method",
            ),
            "proposal": lambda: Spec(
                self.tr("Solution proposed"),
                self.tr("The solution put to the customer (internal limit: 1 day)."),
                self.tr("Proposal"),
                "content",
                time_label=self.tr("Proposed at"),
            ),
            "other_outlet": lambda: Spec(
                self.tr("Another outlet involved"),
                self.tr("The same rules apply when another outlet is involved (Art. 10)."),
                self.tr("Other outlet"),
                "other_outlet",
                multiline=False,
            ),
            "request_review": lambda: Spec(
                self.tr("Customer asked for a review"),
                self.tr(
                    "The customer may ask for a review within 30 days of the decision; the "
                    "head must be told before anything else (CBIRC Art. 20)."
                ),
                self.tr("Request"),
                "content",
                time_label=self.tr("Requested at"),
                time_field="requested_at",
            ),
            "decide_review": lambda: Spec(
                self.tr("Decide the review"),
                self.tr("The head decides the review within 30 days (CBIRC Art. 20)."),
                self.tr("Outcome"),
                "outcome",
                check_label=self.tr("The &decision stands (upheld)"),
            ),
        }
        return specs[action]()

    # --- saving ----------------------------------------------------------------------------

    def text_value(self) -> str:
        widget = self.text_edit_widget
        if widget is None:
            return ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def time_value(self) -> dt.datetime | None:
        return to_python(self.time_edit) if self.time_edit is not None else None

    def commit(self) -> Any:
        case, actor, text, when = self.case, self.actor, self.text_value(), self.time_value()
        match self.action:
            case "settle":
                return workflow.settle(case, actor, text)
            case "agree_reply_time":
                assert when is not None
                return workflow.agree_reply_time(case, actor, when, note=text)
            case "cancel_transfer":
                return workflow.cancel_transfer(case, actor, reason=text)
            case "close":
                return workflow.close_case(case, actor, note=text)
            case "reopen":
                return workflow.reopen(case, actor, reason=text)
            case "tracking_note":
                return workflow.add_tracking_note(case, actor, text)
            case "mark_major":
                assert self.choice_combo is not None
                reason = required_choice(self.choice_combo, "major reason")
                return workflow.mark_major(case, actor, reason, note=text)
            case "first_contact":
                assert self.choice_combo is not None and when is not None
                method = required_choice(self.choice_combo, "contact method")
                return workflow.record_first_contact(
                    case, actor, contact_at=when, method=method, note=text
                )
            case "proposal":
                return workflow.record_proposal(case, actor, content=text, at=when)
            case "other_outlet":
                return workflow.set_other_outlet(case, actor, text)
            case "request_review":
                assert when is not None
                return decisions.request_review(case, actor, requested_at=when, content=text)
            case "decide_review":
                review = availability.pending_review(case)
                if review is None:
                    raise WorkflowError("review_decided")
                upheld = self.check is not None and self.check.isChecked()
                return decisions.decide_review(review, actor, outcome=text, upheld=upheld)
        raise AssertionError(self.action)

    @classmethod
    def ask(  # type: ignore[override]
        cls, parent: QWidget | None, case: Case, actor: Staff, action: str
    ) -> Any:
        return cls.run(cls(case, actor, action, parent))
