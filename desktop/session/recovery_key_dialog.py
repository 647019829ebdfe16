"""The recovery key, shown to the head once when the database is encrypted.

It is stored nowhere (db/trust/database_key.py): when every password is forgotten it is the
only way into the data, so the dialog stays until the head confirms having written it down
or printed it. Closing it without confirming is not possible.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.trust import database_key
from desktop.kit.common import name_widget


class RecoveryKeyDialog(QDialog):
    """``RecoveryKeyDialog.ask(parent, recovery_key, outlet_name)``: True once the head
    has confirmed. Emits no signals of its own."""

    def __init__(self, parent: QWidget | None, recovery_key: str, outlet_name: str) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.outlet_name = outlet_name
        self.setObjectName("recovery_key_dialog")
        title = self.tr("Recovery key")
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        intro = QLabel(
            self.tr(
                "The outlet's data is now encrypted on this computer. Your password opens it, "
                "and so does this recovery key, which is shown only now. If every password is "
                "forgotten, nothing else can open the data: write the key down or print it, "
                "and keep it locked away from the computer."
            )
        )
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)

        self.key_label = QLabel(database_key.recovery_key_text(recovery_key))
        name_widget(self.key_label, "recovery_key_label", self.tr("Recovery key"))
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 6)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.confirm_box = QCheckBox(
            self.tr("I have written down or printed the recovery key and will keep it safe.")
        )
        name_widget(self.confirm_box, "confirm_box", self.confirm_box.text())

        self.print_button = QPushButton(self.tr("&Print…"))
        name_widget(self.print_button, "print_button", self.tr("Print the recovery key"))
        self.print_button.clicked.connect(self.print_key)
        self.done_button = QPushButton(self.tr("&Done"))
        name_widget(self.done_button, "done_button", self.tr("Done"))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        self.confirm_box.toggled.connect(self.done_button.setEnabled)

        box = QDialogButtonBox()
        box.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)

        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addWidget(self.key_label)
        root.addWidget(self.confirm_box)
        root.addWidget(box)
        self.setMinimumWidth(520)

    def document(self) -> QTextDocument:
        """The page that is printed: the outlet, the key, what it is for."""
        doc = QTextDocument(self)
        lines = database_key.recovery_key_text(self.recovery_key).splitlines()
        key_html = "<br>".join(html.escape(line) for line in lines)
        heading = self.tr("Complaint Desk: recovery key")
        use = self.tr(
            "It opens the encrypted data when every password is forgotten. Keep it locked "
            "away from the computer."
        )
        doc.setHtml(
            f"<h2>{html.escape(heading)}</h2><p>{html.escape(self.outlet_name)}</p>"
            f"<p style='font-family: monospace; font-size: 20pt'>{key_html}</p>"
            f"<p>{html.escape(use)}</p>"
        )
        return doc

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def reject(self) -> None:
        """Esc and the close button do nothing until the head has confirmed."""
        if self.confirm_box.isChecked():
            self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_box.isChecked():
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.confirm_box.isChecked():
            event.ignore()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None, recovery_key: str, outlet_name: str) -> bool:
        dialog = cls(parent, recovery_key, outlet_name)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
