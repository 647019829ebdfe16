"""Preview of a generated PDF report, with Print, Save as… and zoom.

The report is built off the GUI thread (desktop.kit.worker.QueryOp) while a busy indicator
shows; the bytes are then shown with QtPdf's QPdfView. Printing renders each page through
QPdfDocument.render into the printer's painter at up to PRINT_DPI, so it works with any
printer the system offers, including "print to PDF".

Printing is open to everyone; saving to a file is an export (db.trust.permissions, ``export``):
for an ``actor`` the matrix does not let export, Save as… is off and says why, and
``save_as`` asks db again before it writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import WorkflowError
from db.store import files
from db.store.models import Staff, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.kit.errors import workflow_error_message
from desktop.kit.worker import QueryOp

PRINT_DPI = 300  # sharp on an office laser printer, ~35 MB per A4 page while printing
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
LAST_DIR_KEY = "reports/last_dir"

PAGE_BUSY, PAGE_VIEW, PAGE_ERROR = range(3)


class ReportPreviewDialog(QDialog):
    """Builds a report with ``build()`` (-> PDF bytes, run off the GUI thread) and shows it.

    Use ``ReportPreviewDialog.ask(parent, title, build, suggested_name, actor=...)``;
    ``actor`` is the logged-in person (None when the database has no accounts).

    Signals:
        report_loaded(int): the PDF is shown; the argument is its page count.
        report_failed(str): building or loading failed; the argument is the error text.
    """

    report_loaded = Signal(int)
    report_failed = Signal(str)

    def __init__(
        self,
        title: str,
        build: Callable[[], bytes],
        suggested_name: str,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        *,
        actor: Staff | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreviewDialog")
        self._actor = actor
        self._may_save = actor is None or permissions.can(actor, Action.EXPORT, now()) is None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._build = build
        self._suggested_name = suggested_name
        self._settings = settings if settings is not None else QSettings()
        self._bytes: bytes | None = None
        self._buffer: QBuffer | None = None

        self._document = QPdfDocument(self)
        self._view = QPdfView()
        self._view.setObjectName("reportPdfView")
        self._view.setAccessibleName(self.tr("Report preview"))
        self._view.setDocument(self._document)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self._busy_label = QLabel(self.tr("Generating the report…"))
        self._busy_label.setObjectName("reportBusyLabel")
        self._busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._busy_bar = QProgressBar()
        self._busy_bar.setObjectName("reportBusyBar")
        self._busy_bar.setAccessibleName(self.tr("Generating the report"))
        self._busy_bar.setRange(0, 0)  # busy: no known end
        self._busy_bar.setMaximumWidth(320)
        busy = QWidget()
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self._busy_label)
        busy_layout.addWidget(self._busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(2)

        self._error_label = QLabel()
        self._error_label.setObjectName("reportErrorLabel")
        self._error_label.setWordWrap(True)
        self._error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._stack = QStackedWidget()
        self._stack.addWidget(busy)
        self._stack.addWidget(self._view)
        self._stack.addWidget(self._error_label)

        self._print_button = self._button("reportPrintButton", self.tr("&Print…"))
        self._save_button = self._button("reportSaveButton", self.tr("&Save as…"))
        if not self._may_save:
            self._save_button.setToolTip(
                self.tr(
                    "Only the outlet head, the lobby manager and the operations supervisor may "
                    "save reports to a file. Printing is open to everyone."
                )
            )
        self._zoom_out_button = self._button("reportZoomOutButton", self.tr("Zoom &out"))
        self._zoom_in_button = self._button("reportZoomInButton", self.tr("Zoom &in"))
        self._fit_button = self._button("reportFitWidthButton", self.tr("&Fit width"))
        self._pages_label = QLabel()
        self._pages_label.setObjectName("reportPagesLabel")
        self._pages_label.setAccessibleName(self.tr("Page count"))

        bar = QHBoxLayout()
        for button in (self._print_button, self._save_button):
            bar.addWidget(button)
        bar.addSpacing(16)
        for button in (self._zoom_out_button, self._zoom_in_button, self._fit_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self._pages_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("reportButtonBox")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("reportCloseButton")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._stack, 1)
        layout.addWidget(buttons)

        self._print_button.clicked.connect(self.print_report)
        self._save_button.clicked.connect(self.save_as)
        self._zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self._zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self._fit_button.clicked.connect(self.fit_width)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
            (QKeySequence.StandardKey.Print, self.print_report),
            (QKeySequence.StandardKey.Save, self.save_as),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

        self._set_ready(False)
        self.resize(860, 980)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        return button

    # --- public ----------------------------------------------------------------------------

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        build: Callable[[], bytes],
        suggested_name: str,
        *,
        settings: QSettings | None = None,
        actor: Staff | None = None,
    ) -> None:
        """Build and preview the report modally; the user prints or saves from there."""
        dialog = cls(title, build, suggested_name, parent, settings, actor=actor)
        try:
            dialog.start()
            dialog.exec()
        finally:
            dialog.deleteLater()

    def start(self) -> None:
        """Build the report in the background; the preview appears when it is ready."""
        self._stack.setCurrentIndex(PAGE_BUSY)
        self._set_ready(False)
        QueryOp(parent=self, op=lambda _progress: self._build(), success=self.show_pdf).failure(
            self._show_error
        ).run_in_background()

    def show_pdf(self, data: bytes) -> None:
        """Show the PDF ``data`` (also usable directly, without ``start``)."""
        self._document.close()
        self._bytes = bytes(data)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document.load(self._buffer)
        if self._document.status() != QPdfDocument.Status.Ready:
            self._show_error(RuntimeError(self.tr("The generated PDF could not be opened.")))
            return
        pages = self._document.pageCount()
        self._pages_label.setText(self.tr("Pages: {count}").format(count=pages))
        self._stack.setCurrentIndex(PAGE_VIEW)
        self._set_ready(True)
        self.report_loaded.emit(pages)

    def pdf_bytes(self) -> bytes | None:
        return self._bytes

    def page_count(self) -> int:
        return self._document.pageCount() if self._bytes is not None else 0

    def view(self) -> QPdfView:
        return self._view

    def zoom_by(self, factor: float) -> None:
        current = self._view.zoomFactor()
        self._view.setZoomMode(QPdfView.ZoomMode.Custom)
        self._view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, current * factor)))

    def fit_width(self) -> None:
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def save_as(self) -> Path | None:
        """Ask where to save the PDF and write it; the path written, or None."""
        if self._bytes is None:
            return None
        try:
            permissions.require_export(self._actor)
        except WorkflowError as error:
            QMessageBox.warning(self, self.tr("Save report as"), workflow_error_message(error))
            return None
        folder = str(self._settings.value(LAST_DIR_KEY, str(Path.home())))
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save report as"),
            str(Path(folder) / self._suggested_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            files.write_private(path, self._bytes)
        except (OSError, WorkflowError) as error:
            reason = workflow_error_message(error) if isinstance(error, WorkflowError) else error
            QMessageBox.warning(
                self,
                self.tr("Save report as"),
                self.tr("The report could not be saved:\n{error}").format(error=reason),
            )
            return None
        self._settings.setValue(LAST_DIR_KEY, str(path.parent))
        return path

    def print_report(self) -> bool:
        """Ask the system print dialog, then print; whether anything was printed."""
        if self._bytes is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("reportPrintDialog")
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        return True

    def print_to(self, printer: QPrinter) -> None:
        """Render the pages (the printer's page range, else all) onto ``printer``."""
        count = self.page_count()
        if count == 0:
            return
        printer.setFullPage(True)  # the PDF has its own margins
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
        dpi = min(printer.resolution(), PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError(self.tr("The printer could not be started."))
        try:
            for page in range(first - 1, last):
                if page > first - 1:
                    printer.newPage()
                points = self._document.pagePointSize(page)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = self._document.render(page, size)
                target = painter.viewport()
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()

    # --- private ---------------------------------------------------------------------------

    def _set_ready(self, ready: bool) -> None:
        for button in (
            self._print_button,
            self._save_button,
            self._zoom_in_button,
            self._zoom_out_button,
            self._fit_button,
        ):
            button.setEnabled(ready)
        self._save_button.setEnabled(ready and self._may_save)

    def _show_error(self, error: BaseException) -> None:
        text = self.tr("The report could not be generated:\n{error}").format(error=error)
        self._error_label.setText(text)
        self._stack.setCurrentIndex(PAGE_ERROR)
        self._set_ready(False)
        self.report_failed.emit(str(error))
