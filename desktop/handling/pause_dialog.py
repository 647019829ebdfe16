"""The decision clock: pause and resume it, or extend the decision period (CBIRC Art. 18, 23).

- Time for outside appraisal or testing (Art. 18) and for mediation (Art. 23) does not
  count: it is recorded as a pause with its start and end.
- A complex case may be extended once to 30 days, with the reason and the customer told;
  an especially complex one by 30 more days, approved by a higher office, the customer told
  again. The notice is kept as proof (Art. 21).

db.handling.decisions holds the rules: head or acting head only, one open pause at a time, the
extensions in order and only before the period has ended.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from db.handling import deadlines, decisions
from db.store.models import Case, ClockExtension, ClockPause, Staff, now
from desktop.handling.action_form import ActionDialog, name_widget, required_choice, to_python
from desktop.kit.form_kit import fit_to_contents
from desktop.settings import calendar_gap

MODE_START, MODE_END, MODE_EXTEND, MODE_FURTHER = "start", "end", "extend", "further"


def next_extension_step(case: Case) -> int | None:
    """1 or 2 for the extension the decision period can take next, None when both are used."""
    clock = next(
        (c for c in deadlines.case_clocks(case, now()) if c.name == deadlines.CLOCK_DECISION),
        None,
    )
    steps = set(clock.detail.get("extension_steps", [])) if clock is not None else set()
    if 1 not in steps:
        return 1
    if 2 not in steps:
        return 2
    return None


class PauseDialog(ActionDialog):
    """``PauseDialog.ask(parent, case, actor)`` → the ClockPause or ClockExtension written,
    or None. Emits no signals."""

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="pause_dialog", title="")
        self.set_title(self.tr("Decision clock"))
        self.set_intro(
            self.tr(
                "The handling decision is due 15 days after receipt (CBIRC Art. 18). Outside "
                "appraisal and mediation do not count (Art. 18, 23); a complex case may be "
                "extended, the customer told each time (Art. 21)."
            )
        )
        self.open_pause = decisions.open_pause(case)
        self.step = next_extension_step(case)

        self.radios: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        texts = {
            MODE_START: self.tr("&Pause: outside appraisal or mediation begins"),
            MODE_END: self.tr("&Resume: the appraisal or mediation is over"),
            MODE_EXTEND: self.tr("&Extend to 30 days (complex case)"),
            MODE_FURTHER: self.tr("Extend by 30 &more days (approved by a higher office)"),
        }
        for mode, text in texts.items():
            radio = QRadioButton(text)
            name_widget(radio, f"mode_{mode}_radio", text.replace("&", ""))
            group.addButton(radio)
            self.form.addRow(radio)
            self.radios[mode] = radio
        self.radios[MODE_START].setEnabled(self.open_pause is None)
        self.radios[MODE_END].setEnabled(self.open_pause is not None)
        self.radios[MODE_EXTEND].setEnabled(self.step == 1)
        self.radios[MODE_FURTHER].setEnabled(self.step == 2)
        self.radios[MODE_START].setVisible(self.open_pause is None)
        self.radios[MODE_END].setVisible(self.open_pause is not None)
        self.radios[MODE_EXTEND].setVisible(self.step != 2)
        self.radios[MODE_FURTHER].setVisible(self.step == 2)

        # Pause.
        self.kind_combo = self.code_combo("pause_kind", "pause_kind", self.tr("Pause kind"))
        self.started_edit = self.datetime_edit("started_at", self.tr("Started at"))
        self.ended_edit = self.datetime_edit("ended_at", self.tr("Ended at"))
        # Extension.
        self.reason_edit = self.text_edit("reason", self.tr("Reason"), lines=2)
        self.approved_by_edit = self.line_edit(
            "approved_by", self.tr("Approved by"), self.tr("The higher office that approved")
        )
        self.approved_at_edit = self.datetime_edit("approved_at", self.tr("Approved at"))
        self.approval_ref_edit = self.line_edit(
            "approval_ref", self.tr("Approval reference"), self.tr("Optional")
        )
        self.notice_method_combo = self.code_combo(
            "notice_method", "notice_method", self.tr("Customer told by")
        )
        self.notice_at_edit = self.datetime_edit("notice_at", self.tr("Customer told at"))
        self.proof_edit = self.text_edit(
            "proof",
            self.tr("Proof of notice"),
            self.tr("What proves the customer was told"),
            lines=2,
        )
        self.note_edit = self.text_edit("note", self.tr("Note"), self.tr("Optional"), lines=2)

        rows = [
            (self.tr("&Kind:"), "pause kind", self.kind_combo, {MODE_START}),
            (self.tr("&Started at:"), "started_at", self.started_edit, {MODE_START}),
            (self.tr("Ended &at:"), "ended_at", self.ended_edit, {MODE_END}),
            (
                self.tr("Rea&son:"),
                "reason",
                self.reason_edit,
                {MODE_START, MODE_EXTEND, MODE_FURTHER},
            ),
            (self.tr("Approved &by:"), "approved_by", self.approved_by_edit, {MODE_FURTHER}),
            (self.tr("Appro&ved at:"), "approved_at", self.approved_at_edit, {MODE_FURTHER}),
            (self.tr("Approval re&f.:"), "approval_ref", self.approval_ref_edit, {MODE_FURTHER}),
            (
                self.tr("Customer &told by:"),
                "notice method",
                self.notice_method_combo,
                {MODE_EXTEND, MODE_FURTHER},
            ),
            (
                self.tr("Customer told o&n:"),
                "notice_at",
                self.notice_at_edit,
                {MODE_EXTEND, MODE_FURTHER},
            ),
            (self.tr("&Proof:"), "proof", self.proof_edit, {MODE_EXTEND, MODE_FURTHER}),
            (self.tr("N&ote:"), "note", self.note_edit, {MODE_END}),
        ]
        self._rows: list[tuple[QWidget, set[str]]] = []
        for caption, field, widget, modes in rows:
            self.add_row(caption, field, widget)
            self._rows.append((widget, modes))
        group.buttonToggled.connect(lambda _b, _c: self._update_rows())
        first = next((r for r in self.radios.values() if r.isEnabled()), None)
        if first is not None:
            first.setChecked(True)
        # The decision period, paused or extended, may reach a year whose official
        # working-day schedule is not entered.
        calendar_gap.add_to_layout(self.root, actor, lambda: deadlines.case_gap_years(case), 2)
        self._update_rows()
        self.finish_layout()

    def mode(self) -> str | None:
        return next((m for m, r in self.radios.items() if r.isChecked()), None)

    def _update_rows(self) -> None:
        mode = self.mode()
        for widget, modes in self._rows:
            self.form.setRowVisible(widget, mode in modes)
        self.save_button.setEnabled(mode is not None)
        self.clear_error()
        if self.isVisible():
            fit_to_contents(self, min_width=self.width())

    def commit(self) -> ClockPause | ClockExtension | None:
        mode = self.mode()
        case, actor = self.case, self.actor
        if mode == MODE_START:
            return decisions.start_pause(
                case,
                actor,
                kind=required_choice(self.kind_combo, "pause kind"),
                started_at=to_python(self.started_edit),
                reason=self.reason_edit.toPlainText(),
            )
        if mode == MODE_END:
            return decisions.end_pause(
                case, actor, ended_at=to_python(self.ended_edit), note=self.note_edit.toPlainText()
            )
        method = required_choice(self.notice_method_combo, "notice method")
        if mode == MODE_EXTEND:
            return decisions.extend_decision_clock(
                case,
                actor,
                reason=self.reason_edit.toPlainText(),
                notice_method=method,
                notice_at=to_python(self.notice_at_edit),
                notice_proof=self.proof_edit.toPlainText(),
            )
        if mode == MODE_FURTHER:
            return decisions.extend_decision_clock_further(
                case,
                actor,
                reason=self.reason_edit.toPlainText(),
                approved_by=self.approved_by_edit.text(),
                approved_at=to_python(self.approved_at_edit),
                approval_ref=self.approval_ref_edit.text(),
                notice_method=method,
                notice_at=to_python(self.notice_at_edit),
                notice_proof=self.proof_edit.toPlainText(),
            )
        return None
