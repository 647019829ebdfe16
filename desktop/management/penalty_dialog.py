"""Penalties for a liable complaint: the scale proposes, the head decides.

One block per responsible person of the current finding who has no penalty yet: the
proposal of db.management.penalties.propose_penalty, editable points, amount and measures, and a
reason that is required once anything differs from the proposal (checked inline before
anything is written). Saving applies every penalty in one transaction (``penalties.apply_penalties``).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from db.changes import Kind
from db.errors import WorkflowError
from db.management import liability, penalties
from db.store import codes
from db.store.models import Case, Penalty, Staff
from desktop.handling.action_form import ActionDialog, name_widget
from desktop.kit import labels
from desktop.kit.form_kit import make_error_label, set_invalid


class PersonPenalty(QGroupBox):
    """The proposal and the chosen penalty of one responsible person."""

    def __init__(self, proposal: penalties.Proposal, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setObjectName(f"penalty_box_{index}")
        self.setTitle(
            self.tr("{name} — share {share} %").format(
                name=proposal.staff_name, share=proposal.share
            )
        )
        measures = "、".join(labels.label("penalty_measure", m) for m in proposal.measures)
        self.proposal_label = QLabel(
            self.tr("Scale proposes: {points} points, ¥{amount}; {measures}").format(
                points=proposal.points, amount=proposal.amount, measures=measures or "—"
            )
        )
        self.proposal_label.setWordWrap(True)
        name_widget(self.proposal_label, f"proposal_label_{index}", self.tr("Proposal"))
        self.points_spin = QSpinBox()
        name_widget(self.points_spin, f"points_spin_{index}", self.tr("Points"))
        self.points_spin.setRange(0, penalties.MAX_POINTS)
        self.points_spin.setValue(proposal.points)
        self.amount_spin = QDoubleSpinBox()
        name_widget(self.amount_spin, f"amount_spin_{index}", self.tr("Amount in yuan"))
        self.amount_spin.setRange(0, float(penalties.MAX_AMOUNT))
        self.amount_spin.setDecimals(2)
        self.amount_spin.setPrefix("¥")
        self.amount_spin.setValue(float(proposal.amount))
        self.measure_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.addWidget(self.proposal_label, 0, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Points:")), 1, 0)
        grid.addWidget(self.points_spin, 1, 1)
        grid.addWidget(QLabel(self.tr("Amount:")), 1, 2)
        grid.addWidget(self.amount_spin, 1, 3)
        measures_box = QWidget()
        measures_box.setObjectName(f"measures_box_{index}")
        measures_grid = QGridLayout(measures_box)
        measures_grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Measures:")), 2, 0)
        grid.addWidget(measures_box, 2, 1, 1, 3)
        for i, (code, text) in enumerate(labels.choices("penalty_measure")):
            box = QCheckBox(text)
            name_widget(box, f"measure_{code}_{index}", text)
            box.setChecked(code in proposal.measures)
            box.toggled.connect(lambda _c: self._changed())
            self.measure_boxes[code] = box
            measures_grid.addWidget(box, i // 3, i % 3)
        self.reason_edit = QLineEdit()
        name_widget(self.reason_edit, f"reason_edit_{index}", self.tr("Reason for the change"))
        self.reason_edit.setPlaceholderText(self.tr("Required when the penalty differs"))
        self.reason_error = make_error_label(f"reason_{index}")
        grid.addWidget(QLabel(self.tr("Reason:")), 4, 0)
        grid.addWidget(self.reason_edit, 4, 1, 1, 3)
        grid.addWidget(self.reason_error, 5, 1, 1, 3)
        self.points_spin.valueChanged.connect(lambda _v: self._changed())
        self.amount_spin.valueChanged.connect(lambda _v: self._changed())
        self.reason_edit.textChanged.connect(lambda _t: self._changed())

    def points(self) -> int:
        return self.points_spin.value()

    def amount(self) -> Decimal:
        return Decimal(str(round(self.amount_spin.value(), 2))).quantize(Decimal("0.01"))

    def measures(self) -> tuple[str, ...]:
        return tuple(c for c in codes.PENALTY_MEASURES if self.measure_boxes[c].isChecked())

    def differs(self) -> bool:
        p = self.proposal
        return (self.points(), self.amount(), self.measures()) != (p.points, p.amount, p.measures)

    def check(self) -> bool:
        """False (and the reason marked) when a changed penalty has no reason."""
        missing = self.differs() and not self.reason_edit.text().strip()
        if missing:
            self.reason_error.setText(self.tr("The penalty differs from the scale: give a reason."))
        self.reason_edit.setAccessibleDescription(self.reason_error.text() if missing else "")
        self.reason_error.setVisible(missing)
        set_invalid(self.reason_edit, missing)
        return not missing

    def _changed(self) -> None:
        if self.reason_error.isVisible():
            self.check()


class PenaltyDialog(ActionDialog):
    """``PenaltyDialog.ask(parent, case, actor)`` → the applied Penalty rows, or None.

    Emits no signals.
    """

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="penalty_dialog", title="")
        self.set_title(self.tr("Penalties"))
        setting = penalties.scale_setting()
        scale_text = self.tr("Scale: {label}").format(label=setting.scale.label)
        if setting.is_example:
            scale_text = self.tr("Example scale — replace with your district's")
        self.set_intro(
            self.tr(
                "The scale proposes a penalty for each responsible person by their share; "
                "a different penalty needs a reason."
            )
            + "\n"
            + scale_text
        )
        self.people: list[PersonPenalty] = []
        pending = penalties.pending_proposals(case)
        for i, proposal in enumerate(pending):
            box = PersonPenalty(proposal, i, self)
            self.people.append(box)
            self.form.addRow(box)
        if not pending:
            finding = liability.current_finding(case)
            text = (
                self.tr("Every responsible person already has a penalty.")
                if finding is not None and finding.liable
                else self.tr("There is no liable determination, so there is nothing to penalise.")
            )
            self.add_hint(text, "penalty_none_hint")
            self.save_button.setEnabled(False)
        self.finish_layout()

    ALSO_CHANGES = (Kind.PENALTIES,)

    def commit(self) -> list[Penalty]:
        missing = [box for box in self.people if not box.check()]  # marks each of them
        if missing:
            missing[0].reason_edit.setFocus()
            raise WorkflowError("penalty_reason_required")
        return penalties.apply_penalties(
            self.case,
            self.actor,
            [
                penalties.PenaltyDraft(
                    box.proposal.liable_person_id,
                    points=box.points(),
                    amount=box.amount(),
                    measures=box.measures(),
                    reason_if_changed=box.reason_edit.text(),
                )
                for box in self.people
            ],
        )
