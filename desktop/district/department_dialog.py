"""Assigning the department that leads an escalation, with PSBC's department at the same
level where the matter needs it (Art. 11)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from db.district.queries import QueueEntry
from db.errors import WorkflowError
from desktop.kit.common import accept_reject_box, name_widget
from desktop.kit.errors import workflow_error_message

Submit = Callable[[str, str], object]


class DepartmentDialog(QDialog):
    def __init__(self, entry: QueueEntry, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentDialog")
        self.setAccessibleName(self.tr("Assign a department"))
        self.setWindowTitle(self.tr("Assign a department"))
        self._submit = submit
        self.result_value: object = None
        self.department = name_widget(
            QLineEdit(entry.department), "departmentEdit", self.tr("Department leading it")
        )
        self.counterpart = name_widget(
            QLineEdit(entry.psbc_counterpart), "psbcCounterpartEdit", self.tr("PSBC counterpart")
        )
        self.counterpart.setPlaceholderText(self.tr("Where needed (Art. 11)"))
        self.error = name_widget(QLabel(), "departmentError", self.tr("Why it was refused"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Case {case_no} of outlet {outlet}").format(
            case_no=entry.case_no, outlet=entry.outlet_code)))  # fmt: skip
        form.addRow(self.tr("&Department:"), self.department)
        form.addRow(self.tr("&PSBC counterpart:"), self.counterpart)
        box, _save, _cancel = accept_reject_box(
            self, self.tr("Save"), self.tr("Save the department"), self.tr("Cancel"),
            self.tr("Cancel without saving"),
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        try:
            self.result_value = self._submit(self.department.text(), self.counterpart.text())
        except WorkflowError as error:
            self.error.setText(workflow_error_message(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, entry: QueueEntry, submit: Submit) -> object | None:
        """What ``submit`` returned once it accepted the department, or None if cancelled."""
        dialog = cls(entry, submit, parent)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
