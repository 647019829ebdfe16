"""Callbacks (回访, Art. 5(7)): plan one, or record one that was made.

- A plan says when and who calls.
- A record says how the customer was contacted, whether they were reached and, if so,
  whether they were satisfied, basically satisfied or unsatisfied, with notes. An
  unsatisfied customer sends the case back to the head: it must be reported first (Art. 10).
- When a linked superior work order asks for it, the head calls back in person, or the
  acting head in the head's absence (Art. 5, 8): the dialog says so, db.handling.callbacks enforces it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from db.handling import callbacks
from db.intake import outlets
from db.store.models import Callback, Case, Staff, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.handling.action_form import (
    ActionDialog,
    name_widget,
    required_choice,
    staff_text,
    to_python,
)
from desktop.kit.form_kit import fit_to_contents

MODE_PLAN, MODE_RECORD = "plan", "record"
TIME_FORMAT = "%Y-%m-%d %H:%M"


def default_due(at: dt.datetime) -> dt.datetime:
    """Tomorrow at ten: a sensible hour to call a customer back."""
    return dt.datetime.combine(at.date() + dt.timedelta(days=1), dt.time(10, 0))


class CallbackDialog(ActionDialog):
    """``CallbackDialog.ask(parent, case, actor)`` → the planned or recorded Callback, or None.

    Opens on recording when a planned callback is waiting, else on planning. Emits no signals.
    """

    CODE_FIELDS = {
        "result_required": "callback result",
        "result_without_reach": "callback result",
        "head_callback": "assigned_to",
        "head_only": "by",
    }

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="callback_dialog", title="")
        self.set_title(self.tr("Callback"))
        self.head_required = callbacks.requires_head(case)
        self.pending = [cb for cb in callbacks.callbacks_of(case) if cb.done_at is None]
        intro = self.tr(
            "Call the customer back and record how satisfied they are. An unsatisfied customer "
            "means the case must be reported to the head again (Art. 10)."
        )
        if self.head_required:
            intro += "\n\n" + self.tr(
                "A linked work order needs the callback by the head in person, or by the "
                "acting head while the head is away (Art. 5, 8)."
            )
        self.set_intro(intro)

        self.plan_radio = QRadioButton(self.tr("&Plan a callback"))
        name_widget(self.plan_radio, "mode_plan_radio", self.tr("Plan a callback"))
        self.record_radio = QRadioButton(self.tr("Record a callback &made"))
        name_widget(self.record_radio, "mode_record_radio", self.tr("Record a callback made"))
        group = QButtonGroup(self)
        group.addButton(self.plan_radio)
        group.addButton(self.record_radio)
        self.form.addRow(self.plan_radio)
        self.form.addRow(self.record_radio)
        self.record_radio.setEnabled(bool(self.pending))
        if not self.pending:
            self.record_radio.setToolTip(self.tr("No callback is planned yet: plan one first."))

        people = outlets.active_staff(case.outlet)
        at = now()
        # Plan.
        self.due_edit = self.datetime_edit("due_at", self.tr("Due"), default_due(at))
        if self.head_required:
            callers = [
                p for p in people if permissions.can(p, Action.CALL_BACK_WORK_ORDER, at) is None
            ]
            default = callers[0] if callers else actor
        else:
            default = actor
        self.assigned_combo = self.staff_combo(
            "assigned_to", self.tr("Who calls"), people=people, default=default
        )
        self.plan_note_edit = self.text_edit(
            "plan_note", self.tr("Note"), self.tr("Optional"), lines=2
        )
        # Record.
        self.callback_combo = self.staff_combo("callback", self.tr("Planned callback"), people=[])
        for cb in self.pending:
            self.callback_combo.addItem(
                self.tr("Due {time}, {who}").format(
                    time=cb.due_at.strftime(TIME_FORMAT), who=staff_text(cb.assigned_to)
                ),
                cb.id,
            )
        self.by_combo = self.staff_combo(
            "by",
            self.tr("Called by"),
            people=people,
            default=self.pending[0].assigned_to if self.pending else actor,
        )
        self.callback_combo.currentIndexChanged.connect(self._callback_chosen)
        self.method_combo = self.code_combo("callback_method", "method", self.tr("Method"))
        self.reached_check = self.check_box("reached", self.tr("Customer &reached"))
        self.reached_check.setChecked(True)
        self.reached_check.toggled.connect(self._update_result)
        self.result_combo = self.code_combo("callback_result", "result", self.tr("Result"))
        self.notes_edit = self.text_edit("notes", self.tr("Notes"), self.tr("Optional"), lines=3)

        rows = [
            (self.tr("&Due:"), "due_at", self.due_edit, MODE_PLAN),
            (self.tr("&Who calls:"), "assigned_to", self.assigned_combo, MODE_PLAN),
            (self.tr("N&ote:"), "note", self.plan_note_edit, MODE_PLAN),
            (self.tr("Call&back:"), "callback", self.callback_combo, MODE_RECORD),
            (self.tr("Called &by:"), "by", self.by_combo, MODE_RECORD),
            (self.tr("&Method:"), "callback method", self.method_combo, MODE_RECORD),
            (self.tr("Reached:"), "reached", self.reached_check, MODE_RECORD),
            (self.tr("Re&sult:"), "callback result", self.result_combo, MODE_RECORD),
            (self.tr("&Notes:"), "notes", self.notes_edit, MODE_RECORD),
        ]
        self._rows: list[tuple[QWidget, str]] = []
        for caption, field, widget, mode in rows:
            self.add_row(caption, field, widget)
            self._rows.append((widget, mode))
        group.buttonToggled.connect(lambda _b, _c: self._update_rows())
        (self.record_radio if self.pending else self.plan_radio).setChecked(True)
        self._update_rows()
        self.finish_layout()

    def mode(self) -> str:
        return MODE_RECORD if self.record_radio.isChecked() else MODE_PLAN

    def _update_rows(self) -> None:
        mode = self.mode()
        for widget, row_mode in self._rows:
            self.form.setRowVisible(widget, row_mode == mode)
        self.clear_error()
        if self.isVisible():
            fit_to_contents(self, min_width=self.width())

    def _update_result(self) -> None:
        reached = self.reached_check.isChecked()
        self.result_combo.setEnabled(reached)
        if not reached:
            self.result_combo.setCurrentIndex(0)

    def _callback_chosen(self) -> None:
        cb = self._chosen_callback()
        if cb is not None:
            index = self.by_combo.findData(cb.assigned_to_id)
            if index >= 0:
                self.by_combo.setCurrentIndex(index)

    def _chosen_callback(self) -> Callback | None:
        callback_id = self.callback_combo.currentData()
        return next((cb for cb in self.pending if cb.id == callback_id), None)

    def commit(self) -> Callback:
        if self.mode() == MODE_PLAN:
            assigned = self.chosen_staff(self.assigned_combo) or self.actor
            return callbacks.plan_callback(
                self.actor,
                due_at=to_python(self.due_edit),
                assigned_to=assigned,
                case=self.case,
                note=self.plan_note_edit.toPlainText(),
            )
        cb = self._chosen_callback()
        assert cb is not None  # the record mode is enabled only with a planned callback
        method = required_choice(self.method_combo, "callback method")
        reached = self.reached_check.isChecked()
        return callbacks.record_callback(
            cb,
            self.chosen_staff(self.by_combo) or self.actor,
            method=method,
            reached=reached,
            result=(self.result_combo.currentData() or "") if reached else "",
            notes=self.notes_edit.toPlainText(),
        )
