"""Report a complaint to the head or the acting head (Art. 8, 10: the reporting duty).

Whoever holds the case reports it; the person receiving the report must hold the head's
authority at that moment (the head, or the acting head inside the span the head named).
db.handling.workflow.report checks that and clears the owed report.

When the head (or acting head) uses it, nobody has to report to him: he takes charge of
the case himself, which meets the duty (db.handling.workflow.take_charge), or records which member
of staff reported it to him. He is never offered as his own reporter.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from db.handling import workflow
from db.intake import outlets
from db.store.models import Case, Staff, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.handling.action_form import ActionDialog, staff_text
from desktop.kit import labels


def fill_reporters(combo: QComboBox, case: Case, actor: Staff, at: dt.datetime) -> None:
    """Who reported ``case`` to the head. For an ``actor`` with the head's authority the
    first choice is taking charge himself (its data is the actor's id); the default is the
    person accountable for the case, or taking charge when that is the actor."""
    combo.clear()
    head = permissions.can_act_as_head(actor, at)
    if head:
        combo.addItem(
            QCoreApplication.translate("ReportDialog", "Nobody: I take charge of it myself"),
            actor.id,
        )
    for person in outlets.active_staff(case.outlet):
        if not (head and person.id == actor.id):
            combo.addItem(staff_text(person), person.id)
    accountable = workflow.accountable_staff(case)
    combo.setCurrentIndex(max(combo.findData(accountable.id), 0))


class ReportDialog(ActionDialog):
    """``ReportDialog.ask(parent, case, actor)`` → the reported Case, or None.

    Emits no signals.
    """

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="report_dialog", title="")
        at = now()
        self.as_head = permissions.can_act_as_head(actor, at)
        owed = workflow.report_owed(case)
        if self.as_head:
            self.set_title(self.tr("Take charge"))
            intro = self.tr(
                "As head or acting head you take charge of the complaint yourself: that meets "
                "the reporting duty (Art. 5, 10), and nobody reports to you. If a member of "
                "staff reported it to you, choose them instead. A pending transfer is "
                "cancelled: you decide anew."
            )
        else:
            self.set_title(self.tr("Report to the head"))
            intro = self.tr(
                "Report the complaint to the head, or to the acting head while the head is "
                "away (Art. 8, 10). A pending transfer is cancelled: the head decides anew."
            )
        if owed:
            intro = self.tr("{intro}\n\nWhy it must be reported now: {reason}.").format(
                intro=intro, reason=labels.label("report_reason", owed)
            )
        self.set_intro(intro)

        people = outlets.active_staff(case.outlet)
        self.reporter_combo = self.staff_combo("reporter", self.tr("Reported by"), people=[])
        fill_reporters(self.reporter_combo, case, actor, at)
        self.add_row(self.tr("Reported &by:"), "reporter", self.reporter_combo)
        self.receiver_combo: QComboBox | None = None
        if not self.as_head:
            heads = [p for p in people if permissions.can(p, Action.RECEIVE_REPORT, at) is None]
            self.receiver_combo = self.staff_combo(
                "received_by",
                self.tr("Received by"),
                people=heads + [p for p in people if p not in heads],
                default=heads[0] if heads else None,
            )
            self.add_row(self.tr("&Received by:"), "received_by", self.receiver_combo)
        self.note_edit = self.text_edit(
            "note", self.tr("Note"), self.tr("What was reported (optional)")
        )
        self.add_row(self.tr("N&ote:"), "note", self.note_edit)
        self.finish_layout()

    def takes_charge(self) -> bool:
        """Whether saving records the head's own taking charge."""
        return self.as_head and self.reporter_combo.currentData() == self.actor.id

    def commit(self) -> Case:
        note = self.note_edit.toPlainText()
        if self.takes_charge():
            return workflow.take_charge(self.case, self.actor, note=note)
        reporter = self.chosen_staff(self.reporter_combo) or self.actor
        receiver = (
            self.chosen_staff(self.receiver_combo) if self.receiver_combo is not None else None
        ) or self.actor
        return workflow.report(self.case, reporter, receiver, note=note)
