"""Recording the handling of an escalation the district leads, or its result, in the
department's words (a result goes down to the outlet with the next bundle)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from db.errors import WorkflowError
from desktop.kit.common import accept_reject_box, name_widget
from desktop.kit.errors import workflow_error_message

Submit = Callable[[str], object]


class EscalationTextDialog(QDialog):
    def __init__(
        self,
        title: str,
        caption: str,
        text: str,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalationTextDialog")
        self.setAccessibleName(title)
        self.setWindowTitle(title)
        self._submit = submit
        self.result_value: object = None
        label = QLabel(caption)
        label.setWordWrap(True)
        self.text = name_widget(QPlainTextEdit(text), "escalationTextEdit", title)
        self.text.setTabChangesFocus(True)
        label.setBuddy(self.text)
        self.error = name_widget(QLabel(), "escalationTextError", self.tr("Why it was refused"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        box, _save, _cancel = accept_reject_box(
            self, self.tr("Save"), self.tr("Save the text"), self.tr("Cancel"),
            self.tr("Cancel without saving"),
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(520, 320)

    def save(self) -> None:
        try:
            self.result_value = self._submit(self.text.toPlainText())
        except WorkflowError as error:
            self.error.setText(workflow_error_message(error))
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, caption: str, text: str, submit: Submit
    ) -> object | None:
        """What ``submit`` returned once it accepted the text, or None if cancelled."""
        dialog = cls(title, caption, text, submit, parent)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
