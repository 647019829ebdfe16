"""Verify a report: does a saved PDF, or the code on a printout, still match the database?

The check itself is desktop.reports.verify (Qt-free, shared with ``complaint-desk verify``);
this dialog picks the file or takes the scanned/typed code and shows the answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import verify
from desktop.reports.verify import VerifyResult

LAST_DIR_KEY = "reports/last_dir"
OK_STYLE = "color: #1b5e20; font-weight: bold;"
BAD_STYLE = "color: #b00020; font-weight: bold;"


class VerifyDialog(QDialog):
    """Pick a report PDF (or paste the code of a printout) and check it.

    Use ``VerifyDialog.ask(parent)``; it returns the last result, or None.
    Emits no signals.
    """

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify a report"))
        self.setAccessibleName(self.tr("Verify a report"))
        self._settings = settings if settings is not None else QSettings()
        self.result_verify: VerifyResult | None = None

        intro = QLabel(
            self.tr(
                "A report's verification code is a fingerprint of what it states. Choose a "
                "saved report, or paste the text of the QR code on a printout, to check that "
                "the report still matches the database."
            )
        )
        intro.setObjectName("verifyIntro")
        intro.setWordWrap(True)

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("verifyFileEdit")
        self.file_edit.setAccessibleName(self.tr("Report file"))
        self.file_edit.setPlaceholderText(self.tr("A PDF made by Complaint Desk"))
        self.browse_button = QPushButton(self.tr("&Choose…"))
        self.browse_button.setObjectName("verifyBrowseButton")
        self.browse_button.setAccessibleName(self.tr("Choose a report file"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("verifyCodeEdit")
        self.code_edit.setAccessibleName(self.tr("Verification code"))
        self.code_edit.setPlaceholderText("CD-VERIFY:…")

        form = QFormLayout()
        file_label = QLabel(self.tr("Report &file:"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        code_label = QLabel(self.tr("or &code:"))
        code_label.setBuddy(self.code_edit)
        form.addRow(code_label, self.code_edit)

        self.check_button = QPushButton(self.tr("C&heck"))
        self.check_button.setObjectName("verifyCheckButton")
        self.check_button.setAccessibleName(self.tr("Check"))
        self.check_button.setDefault(True)

        self.result_label = QLabel()
        self.result_label.setObjectName("verifyResultLabel")
        self.result_label.setAccessibleName(self.tr("Verification result"))
        self.result_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("verifyDetailLabel")
        self.detail_label.setAccessibleName(self.tr("Verification details"))
        self.detail_label.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("verifyButtonBox")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("verifyCloseButton")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.browse_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.resize(620, 320)

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, settings: QSettings | None = None
    ) -> VerifyResult | None:
        dialog = cls(parent, settings)
        try:
            dialog.exec()
            return dialog.result_verify
        finally:
            dialog.deleteLater()

    def choose_file(self) -> None:
        folder = str(self._settings.value(LAST_DIR_KEY, str(Path.home())))
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a report"), folder, self.tr("PDF documents (*.pdf)")
        )
        if name:
            self.file_edit.setText(name)
            self._settings.setValue(LAST_DIR_KEY, str(Path(name).parent))
            self.check()

    def check(self) -> VerifyResult | None:
        """Verify the file, or else the code; show and return the result."""
        path = self.file_edit.text().strip()
        code = self.code_edit.text().strip()
        if path:
            if not Path(path).is_file():
                self._show_text(self.tr("There is no file {path}.").format(path=path), ok=False)
                return None
            result = verify.verify_pdf(path)
        elif code:
            result = verify.verify_text(code)
        else:
            self._show_text(self.tr("Choose a report file or paste a code first."), ok=False)
            return None
        self.show_result(result)
        return result

    def show_result(self, result: VerifyResult) -> None:
        self.result_verify = result
        messages = {
            verify.MATCH: self.tr("Matches: the report agrees with the database."),
            verify.CHANGED: self.tr(
                "Does not match: the complaint was changed after the report was made, or "
                "the report was altered. Make a new report."
            ),
            verify.CONTENT_DIFFERS: self.tr(
                "Does not match: the verification code is genuine, but the report does not say "
                "what the database prints for it. The file was altered; make a new report."
            ),
            verify.UNKNOWN_CASE: self.tr("Does not match: this database has no such case."),
            verify.NO_CODE: self.tr(
                "No verification code found: this is not a Complaint Desk report."
            ),
            verify.OTHER_FORMAT: self.tr(
                "Made by another version of Complaint Desk; this version cannot check it."
            ),
        }
        self._show_text(messages[result.status], ok=result.ok)
        details = []
        if result.case_no:
            details.append(self.tr("Case: {case_no}").format(case_no=result.case_no))
        if result.printed_code:
            details.append(self.tr("Code in the report: {code}").format(code=result.printed_code))
        if result.current_code and not result.ok:
            details.append(
                self.tr("Code from the database: {code}").format(code=result.current_code)
            )
        self.detail_label.setText("\n".join(details))

    def result_text(self) -> str:
        return self.result_label.text()

    def _show_text(self, text: str, *, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        if not ok:
            self.detail_label.clear()
