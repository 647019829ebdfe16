"""Reviewing a liability determination: the original stays as it was.

The head records the outcome (upheld, changed, overturned) and the reason; a changed or
overturned review carries a new finding, which db.liability.review writes as a new
determination that becomes current.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from db import codes, liability
from db.models import Case, LiabilityReview, Staff
from desktop import labels
from desktop.dialogs.action_form import ActionDialog, name_widget, required_choice, to_python
from desktop.dialogs.liability_dialog import FindingForm


class LiabilityReviewDialog(ActionDialog):
    """``LiabilityReviewDialog.ask(parent, case, actor)`` → the LiabilityReview, or None.

    Emits no signals.
    """

    CODE_FIELDS = {**FindingForm.CODE_FIELDS, "review_outcome_mismatch": "outcome"}

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="liability_review_dialog", title="")
        self.set_title(self.tr("Review liability determination"))
        self.set_intro(
            self.tr(
                "The original determination is kept unchanged; the review is recorded with "
                "its outcome and reason."
            )
        )
        self.original = liability.current_finding(case)
        self.original_label = QLabel(self.describe_original())
        self.original_label.setWordWrap(True)
        name_widget(self.original_label, "original_finding_label", self.tr("Original finding"))
        self.add_row(self.tr("Original:"), "original", self.original_label)

        self.outcome_combo = self.code_combo("review_outcome", "outcome", self.tr("Outcome"))
        self.add_row(self.tr("&Outcome:"), "outcome", self.outcome_combo)
        self.reason_edit = self.text_edit("reason", self.tr("Reason for the review"), lines=2)
        self.add_row(self.tr("&Reason:"), "reason", self.reason_edit)
        self.new_caption = self.add_hint(
            self.tr("New finding (for a changed or overturned determination):"), "new_hint"
        )
        self.finding_form = FindingForm(self, case)
        self.at_edit = self.datetime_edit("reviewed_at", self.tr("Date of review"))
        self.add_row(self.tr("&Date:"), "at", self.at_edit)
        self.errors.alias("outcome", "review outcome")
        self.errors.alias("at", "reviewed_at")
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self._update_visible())
        self._update_visible()
        self.finish_layout()
        self.resize(max(self.width(), 620), self.height())

    def describe_original(self) -> str:
        row = self.original
        if row is None:
            return self.tr("No determination yet.")
        if not row.liable:
            head = self.tr("Not liable")
        else:
            people = "、".join(f"{p.name} {p.share} %" for p in liability.responsible_of(row))
            head = self.tr("Liable: {people}").format(people=people)
        return self.tr("{head}. Cause: {cause}. Basis: {basis}. Reasons: {reasons}").format(
            head=head,
            cause=labels.label("cause", row.cause),
            basis=row.basis or "—",
            reasons=row.reasons,
        )

    def _update_visible(self) -> None:
        needs = self.outcome_combo.currentData() in (codes.REVIEW_CHANGED, codes.REVIEW_OVERTURNED)
        self.new_caption.setVisible(needs)
        for widget in self.finding_form.rows():
            self.form.setRowVisible(widget, needs)

    def commit(self) -> LiabilityReview:
        outcome = required_choice(self.outcome_combo, "outcome")
        finding = None
        if outcome not in ("", codes.REVIEW_UPHELD):
            finding = self.finding_form.finding()
        # review() checks the outcome, the reason and the finding before it writes anything.
        return liability.review(
            self.original or liability.require_determination(self.case),
            self.actor,
            outcome=outcome,
            reason=self.reason_edit.toPlainText(),
            finding=finding,
            evidence=self.finding_form.evidence,
            at=to_python(self.at_edit),
        )
