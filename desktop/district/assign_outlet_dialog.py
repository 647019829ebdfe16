"""Giving a work order to an outlet: only the enrolled, active outlets are offered
(db.district.workorder_queries.assignable_outlets); the rule itself is
db.district.workorders.assign_work_order, which also refuses one already sent elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from db.district import workorder_queries
from db.district.workorder_queries import WorkOrderRow
from db.errors import WorkflowError
from desktop.kit import labels
from desktop.kit.common import accept_reject_box, name_widget
from desktop.kit.errors import workflow_error_message

Submit = Callable[[str], object]


class AssignOutletDialog(QDialog):
    def __init__(self, row: WorkOrderRow, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignOutletDialog")
        self.setAccessibleName(self.tr("Assign to an outlet"))
        self.setWindowTitle(self.tr("Assign to an outlet"))
        self._submit = submit
        self.result_value: object = None
        self.outlet = name_widget(QComboBox(), "assignOutletCombo", self.tr("Outlet"))
        for code, name in workorder_queries.assignable_outlets():
            self.outlet.addItem(f"{code} {name}", code)
        index = self.outlet.findData(row.outlet_code)
        self.outlet.setCurrentIndex(max(index, 0))
        self.error = name_widget(QLabel(), "assignError", self.tr("Why it was refused"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Work order {source} {number}").format(
            source=labels.label("workorder_source", row.source), number=row.number)))  # fmt: skip
        form.addRow(self.tr("&Outlet:"), self.outlet)
        box, _save, _cancel = accept_reject_box(
            self, self.tr("Assign"), self.tr("Assign the work order"), self.tr("Cancel"),
            self.tr("Cancel without assigning"),
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(box)

    def save(self) -> None:
        code = self.outlet.currentData()
        if not code:
            self.error.setText(self.tr("No outlet is enrolled: enrol one first."))
            return
        try:
            self.result_value = self._submit(code)
        except WorkflowError as error:
            self.error.setText(workflow_error_message(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, row: WorkOrderRow, submit: Submit) -> object | None:
        dialog = cls(row, submit, parent)
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
