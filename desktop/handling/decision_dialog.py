"""The handling decision (CBIRC Order 2020 No. 3, Art. 19) and the proof of notice (Art. 21).

A decision states the findings, the basis and reasons, and every remedy open to the
customer: review, mediation, arbitration and lawsuit. All four are required; db.handling.decisions
refuses a decision that leaves one out. Each notice to the customer is kept with its
method, its time and what proves it. When a decision is already recorded, the dialog only
adds notices.

The decision and the notice given with it are one transaction (``decisions.record_decision``
with ``notice=``): if the notice is refused, the decision is not kept either.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from db.handling import deadlines, decisions
from db.store.models import Case, CustomerNotice, HandlingDecision, Staff
from desktop.handling.action_form import ActionDialog, required_choice, to_python
from desktop.kit import labels
from desktop.settings import calendar_gap

TIME_FORMAT = "%Y-%m-%d %H:%M"


class DecisionDialog(ActionDialog):
    """``DecisionDialog.ask(parent, case, actor)`` → the HandlingDecision or the
    CustomerNotice recorded, or None. Emits no signals."""

    CODE_FIELDS = {"remedies_incomplete": "remedy"}

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="decision_dialog", title="")
        self.decision = decisions.latest_decision(case)
        self.findings_edit: QPlainTextEdit | None = None
        self.basis_edit: QPlainTextEdit | None = None
        self.remedies_note_edit: QPlainTextEdit | None = None
        self.remedy_checks: dict[str, QCheckBox] = {}
        if self.decision is None:
            self.set_title(self.tr("Handling decision"))
            self.set_intro(
                self.tr(
                    "The decision states the findings, the basis and reasons, and every "
                    "remedy open to the customer (CBIRC Art. 19). Keep proof of each notice "
                    "to the customer (Art. 21)."
                )
            )
            self._build_decision()
        else:
            self.set_title(self.tr("Notify the customer"))
            self.set_intro(
                self.tr("Keep proof of each notice to the customer: method, time, proof (Art. 21).")
            )
            summary = QLabel(
                self.tr("Decision of {time}: {findings}").format(
                    time=self.decision.decided_at.strftime(TIME_FORMAT),
                    findings=self.decision.findings,
                )
            )
            summary.setObjectName("decision_summary")
            summary.setWordWrap(True)
            self.form.addRow(summary)
        self._build_notice()
        # The customer's review window (Art. 20) runs from the notice; it may reach a year
        # whose official working-day schedule is not entered.
        calendar_gap.add_to_layout(self.root, actor, lambda: deadlines.case_gap_years(case), 2)
        self.finish_layout()

    def _build_decision(self) -> None:
        self.findings_edit = self.text_edit("findings", self.tr("Findings"), lines=3)
        self.add_row(self.tr("&Findings:"), "findings", self.findings_edit)
        self.basis_edit = self.text_edit("basis", self.tr("Basis and reasons"), lines=3)
        self.add_row(self.tr("&Basis and reasons:"), "basis", self.basis_edit)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for code, text in labels.choices("remedy"):
            check = self.check_box(f"remedy_{code}", text)
            check.toggled.connect(lambda _c: self.clear_error("remedy"))
            row.addWidget(check)
            self.remedy_checks[code] = check
        row.addStretch(1)
        self.add_row(self.tr("Remedies open:"), "remedy", box)
        self.add_hint(
            self.tr("Tell the customer of every remedy; all four are required (Art. 19)."),
            "remedies_hint",
        )
        self.remedies_note_edit = self.text_edit(
            "remedies_note", self.tr("Note on remedies"), self.tr("Optional"), lines=2
        )
        self.add_row(self.tr("Note on &remedies:"), "remedies_note", self.remedies_note_edit)

    def _build_notice(self) -> None:
        self.notice_group = QGroupBox(self.tr("Notice to the customer"))
        self.notice_group.setObjectName("notice_group")
        self.notice_group.setAccessibleName(self.tr("Notice to the customer"))
        if self.decision is None:
            self.notice_group.setCheckable(True)
            self.notice_group.setChecked(True)
            self.notice_group.setTitle(self.tr("&Notify the customer now"))
        self.form.addRow(self.notice_group)
        # Rows go into the group's own form; fields are registered for error outlines.
        form = QFormLayout(self.notice_group)
        self.kind_combo = self.code_combo("notice_kind", "notice_kind", self.tr("Notice kind"))
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("decision"))
        self.method_combo = self.code_combo(
            "notice_method", "notice_method", self.tr("Notice method")
        )
        self.notice_at_edit = self.datetime_edit("notice_at", self.tr("Notice time"))
        self.proof_edit = self.text_edit(
            "proof",
            self.tr("Proof of notice"),
            self.tr("Delivery receipt, posting slip number, SMS or e-mail record, call log"),
            lines=2,
        )
        for caption, field, widget in (
            (self.tr("&Kind:"), "notice kind", self.kind_combo),
            (self.tr("&Method:"), "notice method", self.method_combo),
            (self.tr("&Time:"), "notice_at", self.notice_at_edit),
            (self.tr("&Proof:"), "proof", self.proof_edit),
        ):
            self.add_row(caption, field, widget, form=form)
        if self.decision is None:
            self.kind_combo.setEnabled(False)

    def chosen_remedies(self) -> list[str]:
        return [code for code, check in self.remedy_checks.items() if check.isChecked()]

    def _notice_draft(self) -> decisions.NoticeDraft:
        return decisions.NoticeDraft(
            kind=required_choice(self.kind_combo, "notice kind"),
            method=required_choice(self.method_combo, "notice method"),
            at=to_python(self.notice_at_edit),
            proof=self.proof_edit.toPlainText(),
        )

    def commit(self) -> HandlingDecision | CustomerNotice:
        if self.decision is not None:
            draft = self._notice_draft()
            return decisions.record_notice(
                self.case,
                self.actor,
                kind=draft.kind,
                method=draft.method,
                at=draft.at,
                proof=draft.proof,
                decision=self.decision if draft.kind == "decision" else None,
            )
        assert self.findings_edit is not None and self.basis_edit is not None
        assert self.remedies_note_edit is not None
        # db/ checks the decision and its notice together, so the form shows all that is
        # wrong with both; any refusal keeps neither.
        return decisions.record_decision(
            self.case,
            self.actor,
            findings=self.findings_edit.toPlainText(),
            basis=self.basis_edit.toPlainText(),
            remedies=self.chosen_remedies(),
            remedies_note=self.remedies_note_edit.toPlainText(),
            notice=self._notice_draft() if self.notice_group.isChecked() else None,
        )
