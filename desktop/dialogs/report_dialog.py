"""Report a complaint to the head or the acting head (Art. 8, 10: the reporting duty).

Whoever holds the case reports it; the person receiving the report must hold the head's
authority at that moment (the head, or the acting head inside the span the head named).
db.workflow.report checks that and clears the owed report.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from db import outlets, permissions, workflow
from db.models import Case, Staff, now
from desktop import labels
from desktop.dialogs.action_form import ActionDialog


class ReportDialog(ActionDialog):
    """``ReportDialog.ask(parent, case, actor)`` → the reported Case, or None.

    Emits no signals.
    """

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="report_dialog", title="")
        self.set_title(self.tr("Report to the head"))
        owed = workflow.report_owed(case)
        intro = self.tr(
            "Report the complaint to the head, or to the acting head while the head is away "
            "(Art. 8, 10). A pending transfer is cancelled: the head decides anew."
        )
        if owed:
            intro = self.tr("{intro}\n\nWhy it must be reported now: {reason}.").format(
                intro=intro, reason=labels.label("report_reason", owed)
            )
        self.set_intro(intro)

        people = outlets.active_staff(case.outlet)
        self.reporter_combo = self.staff_combo(
            "reporter", self.tr("Reported by"), people=people, default=self._reporter(actor)
        )
        self.add_row(self.tr("Reported &by:"), "reporter", self.reporter_combo)
        at = now()
        heads = [p for p in people if permissions.can_act_as_head(p, at)]
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

    def _reporter(self, actor: Staff) -> Staff:
        """Default reporter: whoever answers for the case now, unless that is the head."""
        accountable = workflow.accountable_staff(self.case)
        return accountable if accountable.id != actor.id else actor

    def commit(self) -> Case:
        reporter = self.chosen_staff(self.reporter_combo) or self.actor
        receiver = self.chosen_staff(self.receiver_combo) or self.actor
        return workflow.report(self.case, reporter, receiver, note=self.note_edit.toPlainText())
