"""Confirm that the customer and the handler are in contact: the transfer becomes formal.

Art. 10: a transfer is formal only once customer and handler are in contact, confirmed with
the time and the method. db.handling.workflow.confirm_contact refuses a contact before the transfer,
a time in the future, or a case with no pending transfer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from db.handling import workflow
from db.store.models import Case, CaseTransfer, Staff
from desktop.handling.action_form import ActionDialog, required_choice, to_python
from desktop.handling.transfer_dialog import transfer_text

TIME_FORMAT = "%Y-%m-%d %H:%M"


class ContactDialog(ActionDialog):
    """``ContactDialog.ask(parent, case, actor)`` → the now formal CaseTransfer, or None.

    Emits no signals.
    """

    CODE_FIELDS = {"contact_before_transfer": "contact_at"}

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="contact_dialog", title="")
        self.set_title(self.tr("Confirm contact"))
        self.set_intro(
            self.tr(
                "Confirm when and how the customer and the handler got in contact. From then "
                "on the transfer is formal and the handler is accountable (Art. 10)."
            )
        )
        pending = workflow.pending_transfer(case)
        if pending is not None:
            transfer = QLabel(
                self.tr("{handler}, transfer requested {time}").format(
                    handler=transfer_text(pending), time=pending.requested_at.strftime(TIME_FORMAT)
                )
            )
        else:
            transfer = QLabel(self.tr("No transfer is pending."))
        transfer.setObjectName("pending_transfer_label")
        transfer.setWordWrap(True)
        self.form.addRow(self.tr("Transfer to:"), transfer)

        self.contact_edit = self.datetime_edit("contact_at", self.tr("In contact since"))
        self.add_row(self.tr("In contact &since:"), "contact_at", self.contact_edit)
        self.method_combo = self.code_combo("contact_method", "method", self.tr("Method"))
        self.add_row(self.tr("&Method:"), "contact method", self.method_combo)
        self.note_edit = self.text_edit("note", self.tr("Note"), self.tr("Optional"), lines=2)
        self.add_row(self.tr("N&ote:"), "note", self.note_edit)
        self.finish_layout()

    def commit(self) -> CaseTransfer:
        method = required_choice(self.method_combo, "contact method")
        return workflow.confirm_contact(
            self.case,
            self.actor,
            contact_at=to_python(self.contact_edit),
            method=method,
            note=self.note_edit.toPlainText(),
        )
