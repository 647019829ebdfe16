"""Liability determination (Art. 5(8)): was the outlet at fault, and who is responsible.

The head (or the acting head) decides. A liable complaint names at least one responsible
staff member, who is then dealt with under the penalty rules; a complaint without
liability names nobody. db.workflow.determine_liability enforces both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QWidget,
)

from db import outlets, workflow
from db.errors import WorkflowError
from db.models import Case, Liability, Staff
from desktop.dialogs.action_form import ActionDialog, name_widget, staff_text


class LiabilityDialog(ActionDialog):
    """``LiabilityDialog.ask(parent, case, actor)`` → the Liability, or None.

    Emits no signals.
    """

    CODE_FIELDS = {"responsible_required": "responsible", "responsible_not_liable": "responsible"}

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="liability_dialog", title="")
        self.set_title(self.tr("Determine liability"))
        self.set_intro(
            self.tr(
                "The head confirms whether the outlet was at fault and, if so, who is "
                "responsible (Art. 5)."
            )
        )
        self.liable_radio = QRadioButton(self.tr("&Liable"))
        name_widget(self.liable_radio, "liable_radio", self.tr("Liable"))
        self.not_liable_radio = QRadioButton(self.tr("&Not liable"))
        name_widget(self.not_liable_radio, "not_liable_radio", self.tr("Not liable"))
        group = QButtonGroup(self)
        group.addButton(self.liable_radio)
        group.addButton(self.not_liable_radio)
        group.buttonToggled.connect(lambda _b, _c: self._update_enabled())
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.liable_radio)
        row_layout.addWidget(self.not_liable_radio)
        row_layout.addStretch(1)
        self.add_row(self.tr("Outcome:"), "liable", row)

        self.people_list = QListWidget()
        name_widget(self.people_list, "responsible_list", self.tr("Responsible staff"))
        for person in outlets.active_staff(case.outlet):
            item = QListWidgetItem(staff_text(person))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people_list.addItem(item)
        rows = max(3, min(self.people_list.count(), 6))
        self.people_list.setFixedHeight(self.people_list.sizeHintForRow(0) * rows + 6)
        self.people_list.itemChanged.connect(lambda _i: self.clear_error("responsible"))
        self.add_row(self.tr("&Responsible:"), "responsible", self.people_list)
        self.reasons_edit = self.text_edit("reasons", self.tr("Reasons"), lines=3)
        self.add_row(self.tr("R&easons:"), "reasons", self.reasons_edit)
        self._update_enabled()
        self.finish_layout()

    def _update_enabled(self) -> None:
        self.people_list.setEnabled(not self.not_liable_radio.isChecked())
        self.clear_error()

    def set_responsible(self, people: list[Staff]) -> None:
        ids = {p.id for p in people}
        for i in range(self.people_list.count()):
            item = self.people_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def responsible(self) -> list[Staff]:
        ids = [
            self.people_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.people_list.count())
            if self.people_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return [p for p in outlets.active_staff(self.case.outlet) if p.id in ids]

    def commit(self) -> Liability:
        if not (self.liable_radio.isChecked() or self.not_liable_radio.isChecked()):
            raise WorkflowError("text_required", field="liable")
        liable = self.liable_radio.isChecked()
        return workflow.determine_liability(
            self.case,
            self.actor,
            liable=liable,
            responsible=self.responsible() if liable else [],
            reasons=self.reasons_edit.toPlainText(),
        )
