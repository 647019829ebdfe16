"""A repeat complaint: the same matter from the same customer again (db/intake/repeats.py).

Link it to the earlier case (both stay open, each timeline shows the link) or, as the head
or acting head, merge it into the earlier case (this one closes as merged, its work orders
move over). Either way the repeat makes the case urgent (Q/PSBC 0004-2014). The earlier
case is picked by its number; db.intake.repeats checks it is the same customer and earlier.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QWidget

from db.intake import cases, repeats
from db.store.models import Case, CaseLink, Staff
from desktop.handling.action_form import ActionDialog, name_widget
from desktop.kit import labels

TIME_FORMAT = "%Y-%m-%d %H:%M"


class RepeatDialog(ActionDialog):
    """``RepeatDialog.ask(parent, case, actor)`` → the CaseLink, or None. Emits no signals."""

    CODE_FIELDS = {
        "same_case": "earlier",
        "not_earlier": "earlier",
        "different_customer": "earlier",
        "already_linked": "earlier",
        "merge_target_closed": "earlier",
    }

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="repeat_dialog", title="")
        self.set_title(self.tr("Repeat complaint"))
        self.set_intro(
            self.tr(
                "The same matter from the same customer again. Link it to the earlier case, or "
                "merge it into that case (head or acting head). A repeat complaint is urgent "
                "(Q/PSBC 0004-2014)."
            )
        )
        self.number_edit = self.line_edit(
            "earlier", self.tr("Earlier case number"), self.tr("Case number of the earlier case")
        )
        self.number_edit.textChanged.connect(self._look_up)
        self.add_row(self.tr("&Earlier case:"), "earlier", self.number_edit)
        self.found_label = QLabel()
        self.found_label.setObjectName("earlier_case_label")
        self.found_label.setWordWrap(True)
        self.form.addRow("", self.found_label)

        self.link_radio = QRadioButton(self.tr("&Link: both stay open"))
        name_widget(self.link_radio, "link_radio", self.tr("Link"))
        self.merge_radio = QRadioButton(self.tr("&Merge into the earlier case: this one closes"))
        name_widget(self.merge_radio, "merge_radio", self.tr("Merge"))
        group = QButtonGroup(self)
        group.addButton(self.link_radio)
        group.addButton(self.merge_radio)
        self.link_radio.setChecked(True)
        self.form.addRow(self.link_radio)
        self.form.addRow(self.merge_radio)
        self.note_edit = self.text_edit("note", self.tr("Note"), self.tr("Optional"), lines=2)
        self.add_row(self.tr("N&ote:"), "note", self.note_edit)
        self._look_up()
        self.finish_layout()

    def earlier_case(self) -> Case | None:
        number = self.number_edit.text().strip()
        return cases.case_by_number(number) if number else None

    def _look_up(self) -> None:
        earlier = self.earlier_case()
        if earlier is None:
            text = self.tr("No complaint has this number.") if self.number_edit.text() else ""
        else:
            text = self.tr("{customer}, received {time}, {status}").format(
                customer=earlier.customer_name,
                time=earlier.received_at.strftime(TIME_FORMAT),
                status=labels.label("status", earlier.status),
            )
        self.found_label.setText(text)

    def commit(self) -> CaseLink:
        earlier = self.earlier_case()
        assert earlier is not None  # save() checked it
        if self.merge_radio.isChecked():
            return repeats.merge_repeat(
                self.case, earlier, self.actor, note=self.note_edit.toPlainText()
            )
        return repeats.link_repeat(
            self.case, earlier, self.actor, note=self.note_edit.toPlainText()
        )

    def save(self) -> None:
        if self.earlier_case() is None:
            self.show_error(self.tr("No complaint has this number."), "earlier")
            return
        super().save()
