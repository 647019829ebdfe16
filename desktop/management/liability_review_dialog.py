"""Reviewing a liability determination: the original stays as it was.

The head records the outcome (upheld, changed, overturned) and the reason; a changed or
overturned review carries a new finding, which db.management.liability.review writes as a new
determination that becomes current. The new finding starts from the current one, and the
dialog shows what it changes (before → after) as the head edits it. Each penalty applied
under the current finding must be carried over (to a person still responsible) or
withdrawn, chosen here; db/ does the review and the carry-over or withdrawal in one
transaction and refuses a review that leaves a penalty undecided. After a review whose new
finding names someone without a penalty, the penalty dialog asks for it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from db.errors import WorkflowError
from db.management import liability, penalties
from db.management.liability import FindingChange
from db.store import codes
from db.store.models import Case, LiabilityReview, Penalty, Staff
from desktop.handling.action_form import ActionDialog, name_widget, required_choice, to_python
from desktop.kit import labels
from desktop.management.liability_dialog import FindingForm

EMPTY = "—"


class LiabilityReviewDialog(ActionDialog):
    """``LiabilityReviewDialog.ask(parent, case, actor)`` → the LiabilityReview, or None.

    Emits no signals.
    """

    CODE_FIELDS = {
        **FindingForm.CODE_FIELDS,
        "review_outcome_mismatch": "outcome",
        "penalty_choice_required": "penalties",
        "penalty_carry_not_responsible": "penalties",
        "penalty_not_of_finding": "penalties",
        "upheld_keeps_penalties": "penalties",
    }

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
            self.tr(
                "New finding (for a changed or overturned determination), starting from the "
                "current one:"
            ),
            "new_hint",
        )
        self.finding_form = FindingForm(self, case)
        if self.original is not None:
            self.finding_form.load(liability.finding_of(self.original))

        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        name_widget(self.changes_label, "review_changes_label", self.tr("What the review changes"))
        self.add_row(self.tr("Changes:"), "changes", self.changes_label)

        self.penalties = penalties.penalties_under(self.original) if self.original else []
        self.penalty_combos: dict[int, QComboBox] = {}
        self.penalty_box = self._penalty_box()
        self.add_row(self.tr("&Penalties:"), "penalties", self.penalty_box)

        self.at_edit = self.datetime_edit("reviewed_at", self.tr("Date of review"))
        self.add_row(self.tr("&Date:"), "at", self.at_edit)
        self.errors.alias("outcome", "review outcome")
        self.errors.alias("at", "reviewed_at")
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        self.finding_form.changed.append(self.show_changes)
        self._update_visible()
        self.finish_layout()
        self.resize(max(self.width(), 640), self.height())

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
            basis=row.basis or EMPTY,
            reasons=row.reasons,
        )

    # --- the penalties of the current finding ----------------------------------------------

    def _penalty_box(self) -> QWidget:
        box = QWidget()
        box.setObjectName("review_penalties_box")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        if not self.penalties:
            none = QLabel(self.tr("No penalty was applied under the current determination."))
            name_widget(none, "review_no_penalties_label", self.tr("Penalties"))
            grid.addWidget(none, 0, 0)
            return box
        for row, penalty in enumerate(self.penalties):
            measures = "、".join(
                labels.label("penalty_measure", m) for m in penalty.measures.split(",") if m
            )
            text = self.tr("{name}: {points} points, ¥{amount}; {measures}").format(
                name=penalty.staff.name,
                points=penalty.points,
                amount=penalties.yuan(penalty.amount_fen),
                measures=measures or EMPTY,
            )
            label = QLabel(text)
            label.setWordWrap(True)
            name_widget(label, f"review_penalty_label_{row}", self.tr("Penalty"))
            combo = QComboBox()
            name_widget(
                combo,
                f"review_penalty_combo_{row}",
                self.tr("What becomes of the penalty of {name}").format(name=penalty.staff.name),
            )
            combo.addItem(self.tr("— choose —"), "")
            combo.addItem(self.tr("Carry over to the new finding"), codes.PENALTY_CARRY_OVER)
            combo.addItem(self.tr("Withdraw"), codes.PENALTY_WITHDRAW)
            combo.currentIndexChanged.connect(lambda _i: self.clear_error("penalties"))
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.penalty_combos[penalty.id] = combo
        grid.setColumnStretch(0, 1)
        return box

    def choose_penalty(self, penalty: Penalty, action: str) -> None:
        """Carry ``penalty`` over or withdraw it (codes.PENALTY_*), as the combo would."""
        combo = self.penalty_combos[penalty.id]
        combo.setCurrentIndex(combo.findData(action))

    def penalty_choices(self) -> list[penalties.PenaltyChoice]:
        """The choices made so far; a penalty left undecided is refused by db/."""
        return [
            penalties.PenaltyChoice(penalty_id, str(combo.currentData()))
            for penalty_id, combo in self.penalty_combos.items()
            if combo.currentData()
        ]

    # --- what the review changes -------------------------------------------------------------

    def _needs_finding(self) -> bool:
        return self.outcome_combo.currentData() in (codes.REVIEW_CHANGED, codes.REVIEW_OVERTURNED)

    def _outcome_changed(self) -> None:
        """Changed keeps liable / not liable; overturned reverses it."""
        if self.original is not None and self._needs_finding():
            reverse = self.outcome_combo.currentData() == codes.REVIEW_OVERTURNED
            liable = bool(self.original.liable) != reverse
            form = self.finding_form
            (form.liable_radio if liable else form.not_liable_radio).setChecked(True)
        self._update_visible()

    def change_lines(self) -> list[str]:
        """What the new finding changes, one line per field: "field: before → after"."""
        if self.original is None:
            return []
        try:
            finding = self.finding_form.finding()
        except WorkflowError:  # no outcome chosen yet: nothing to compare
            return []
        return [
            self.tr("{field}: {before} → {after}").format(
                field=self._field_name(change.field),
                before=self._value(change, change.before),
                after=self._value(change, change.after),
            )
            for change in liability.finding_changes(self.original, finding)
        ]

    def show_changes(self) -> None:
        lines = self.change_lines()
        self.changes_label.setText(
            "\n".join(lines) if lines else self.tr("Nothing changed yet: edit the finding below.")
        )

    def _field_name(self, field: str) -> str:
        return {
            liability.CHANGE_LIABLE: self.tr("Liable or not"),
            liability.CHANGE_RESPONSIBLE: self.tr("Responsible staff and shares"),
            liability.CHANGE_BASIS: self.tr("Basis"),
            liability.CHANGE_CAUSE: self.tr("Cause"),
            liability.CHANGE_REASONS: self.tr("Reasons"),
        }.get(field, field)

    def _value(self, change: FindingChange, value: object) -> str:
        if change.field == liability.CHANGE_LIABLE:
            return self.tr("Liable") if value else self.tr("Not liable")
        if change.field == liability.CHANGE_RESPONSIBLE:
            return "、".join(f"{name} {share} %" for name, share in value) or EMPTY  # type: ignore[attr-defined]
        if change.field == liability.CHANGE_CAUSE:
            return labels.label("cause", str(value))
        return str(value) or EMPTY

    def _update_visible(self) -> None:
        needs = self._needs_finding()
        self.new_caption.setVisible(needs)
        for widget in self.finding_form.rows():
            self.form.setRowVisible(widget, needs)
        self.form.setRowVisible(self.changes_label, needs)
        self.form.setRowVisible(self.penalty_box, needs and bool(self.penalties))
        self.show_changes()

    # --- saving --------------------------------------------------------------------------------

    def commit(self) -> LiabilityReview:
        outcome = required_choice(self.outcome_combo, "outcome")
        finding = None
        choices: list[penalties.PenaltyChoice] = []
        if outcome not in ("", codes.REVIEW_UPHELD):
            finding = self.finding_form.finding()
            choices = self.penalty_choices()
        # review() checks the outcome, the reason, the finding and the penalty choices
        # before it writes anything.
        return liability.review(
            self.original or liability.require_determination(self.case),
            self.actor,
            outcome=outcome,
            reason=self.reason_edit.toPlainText(),
            finding=finding,
            penalties=choices,
            evidence=self.finding_form.evidence,
            at=to_python(self.at_edit),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, case: Case, actor: Staff) -> LiabilityReview | None:
        """After a review whose new finding names someone without a penalty, the penalty
        dialog asks for it (the head may still cancel it: no penalty is a choice too)."""
        result = cls.run(cls(case, actor, parent))
        if result is not None and result.result_id and penalties.unpenalised(result.result_id):
            from desktop.management.penalty_dialog import PenaltyDialog

            PenaltyDialog.ask(parent, case, actor)
        return result
