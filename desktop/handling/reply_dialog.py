"""The reply to the customer (Art. 10), or the result of an escalated case fed back (Art. 11).

Both record what was said, how, and whether the customer was satisfied. An unsatisfied
customer means the case must be reported to the head before anything else happens; the
rule is db.handling.workflow's, the dialog only says so beforehand.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from db.handling import workflow
from db.store.models import Case, Staff
from desktop.handling.action_form import ActionDialog, name_widget, required_choice


class ReplyDialog(ActionDialog):
    """``ReplyDialog.ask(parent, case, actor, feed_back=False)`` → the Case, or None.

    With ``feed_back`` it records the result of an escalated case given to the customer.
    Emits no signals.
    """

    def __init__(
        self,
        case: Case,
        actor: Staff,
        parent: QWidget | None = None,
        *,
        feed_back: bool = False,
    ) -> None:
        name = "feed_back_dialog" if feed_back else "reply_dialog"
        super().__init__(case, actor, parent, object_name=name, title="")
        self.feed_back = feed_back
        if feed_back:
            self.set_title(self.tr("Feed back the result"))
            self.set_intro(
                self.tr(
                    "The district branch leads an escalated complaint, but the outlet gives "
                    "the customer the result and keeps tracking it (Art. 11)."
                )
            )
        else:
            self.set_title(self.tr("Reply to the customer"))
            self.set_intro(
                self.tr("Reply by the agreed time. Write down what the customer was told.")
            )

        accountable = workflow.accountable_staff(case)
        self.by_combo = self.staff_combo("by", self.tr("Given by"), default=accountable)
        self.add_row(self.tr("&Given by:"), "by", self.by_combo)
        self.method_combo = self.code_combo("contact_method", "method", self.tr("Method"))
        self.add_row(self.tr("&Method:"), "contact method", self.method_combo)
        self.content_edit = self.text_edit(
            "content", self.tr("What the customer was told"), lines=4
        )
        self.add_row(self.tr("&Content:"), "content", self.content_edit)

        self.satisfied_radio = QRadioButton(self.tr("&Satisfied"))
        name_widget(self.satisfied_radio, "satisfied_radio", self.tr("Customer satisfied"))
        self.unsatisfied_radio = QRadioButton(self.tr("&Not satisfied"))
        name_widget(self.unsatisfied_radio, "unsatisfied_radio", self.tr("Customer not satisfied"))
        group = QButtonGroup(self)
        group.addButton(self.satisfied_radio)
        group.addButton(self.unsatisfied_radio)
        group.buttonToggled.connect(lambda _b, _c: self.clear_error("satisfied"))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.satisfied_radio)
        row_layout.addWidget(self.unsatisfied_radio)
        row_layout.addStretch(1)
        self.add_row(self.tr("Customer:"), "satisfied", row)
        self.add_hint(
            self.tr(
                "If the customer is not satisfied, the case must be reported to the head or "
                "acting head before anything else happens (Art. 10)."
            ),
            "unsatisfied_hint",
        )
        self.finish_layout()

    def commit(self) -> Case:
        method = required_choice(self.method_combo, "contact method")
        chosen = self.satisfied_radio.isChecked() or self.unsatisfied_radio.isChecked()
        by = self.chosen_staff(self.by_combo) or self.actor
        action = workflow.feed_back if self.feed_back else workflow.reply
        return action(
            self.case,
            by,
            content=self.content_edit.toPlainText(),
            method=method,
            customer_satisfied=self.satisfied_radio.isChecked() if chosen else None,
        )

    @classmethod
    def ask(  # type: ignore[override]
        cls, parent: QWidget | None, case: Case, actor: Staff, *, feed_back: bool = False
    ) -> Case | None:
        return cls.run(cls(case, actor, parent, feed_back=feed_back))
