"""Transfer a complaint to the person who will handle it (Art. 10).

The handler is a member of this outlet's staff, or someone at another outlet named in text
with that outlet. The transfer stays *pending* until the customer and the handler are
confirmed in contact (desktop/handling/contact_dialog.py); until then the first-ask owner
stays accountable and keeps in touch with the customer. db.handling.workflow.transfer enforces it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from db.handling import workflow
from db.intake import outlets
from db.store.models import Case, CaseTransfer, Staff
from desktop.handling.action_form import ActionDialog, name_widget
from desktop.kit import labels


class TransferDialog(ActionDialog):
    """``TransferDialog.ask(parent, case, actor)`` → the pending CaseTransfer, or None.

    Emits no signals.
    """

    CODE_FIELDS = {"handler_required": "handler_name", "transfer_to_self": "handler"}

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="transfer_dialog", title="")
        self.set_title(self.tr("Transfer"))
        accountable = workflow.accountable_staff(case)
        self.set_intro(
            self.tr(
                "Hand the complaint to the person who will handle it. The transfer becomes "
                "formal only once the customer and the handler are in contact; until then "
                "{name} stays accountable and keeps in touch with the customer (Art. 10)."
            ).format(name=accountable.name)
        )

        self.own_radio = QRadioButton(self.tr("Staff of &this outlet"))
        name_widget(self.own_radio, "handler_own_radio", self.tr("Staff of this outlet"))
        self.other_radio = QRadioButton(self.tr("Handler at &another outlet"))
        name_widget(self.other_radio, "handler_other_radio", self.tr("Handler at another outlet"))
        group = QButtonGroup(self)
        group.addButton(self.own_radio)
        group.addButton(self.other_radio)
        self.own_radio.setChecked(True)

        people = [p for p in outlets.active_staff(case.outlet) if p.id != accountable.id]
        self.handler_combo = self.staff_combo(
            "handler", self.tr("Handler"), people=people or outlets.active_staff(case.outlet)
        )
        self.handler_name_edit = self.line_edit("handler_name", self.tr("Handler's name"))
        self.handler_outlet_edit = self.line_edit(
            "handler_outlet", self.tr("Handler's outlet"), self.tr("Name of the other outlet")
        )
        self.note_edit = self.text_edit(
            "note", self.tr("Note"), self.tr("What the handler needs to know (optional)")
        )

        self.form.addRow(self.own_radio)
        self.add_row(self.tr("&Handler:"), "handler", self.handler_combo)
        self.form.addRow(self.other_radio)
        self.add_row(self.tr("Handler's &name:"), "handler_name", self.handler_name_edit)
        self.add_row(self.tr("Handler's &outlet:"), "handler_outlet", self.handler_outlet_edit)
        self.add_row(self.tr("N&ote:"), "note", self.note_edit)
        group.buttonToggled.connect(lambda _b, _c: self._update_enabled())
        self._update_enabled()
        self.finish_layout()

    def _update_enabled(self) -> None:
        own = self.own_radio.isChecked()
        self.handler_combo.setEnabled(own)
        self.handler_name_edit.setEnabled(not own)
        self.handler_outlet_edit.setEnabled(not own)
        self.clear_error()

    def commit(self) -> CaseTransfer:
        note = self.note_edit.toPlainText()
        if self.own_radio.isChecked():
            handler = self.chosen_staff(self.handler_combo)
            if handler is not None:
                return workflow.transfer(self.case, self.actor, handler, note=note)
        return workflow.transfer(
            self.case,
            self.actor,
            None,
            handler_name=self.handler_name_edit.text(),
            handler_outlet=self.handler_outlet_edit.text(),
            note=note,
        )


def transfer_text(row: CaseTransfer) -> str:
    """The prospective or formal handler as the user reads it: name, role or outlet."""
    person = row.handler  # None without a query when no staff member is named
    if person is not None:
        return f"{person.name} · {labels.label('role', person.role)}"
    return f"{row.handler_name} · {row.handler_outlet}"
