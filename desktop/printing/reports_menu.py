"""The Reports menu: incident and escalation reports of the selected case, the assessment
report of a period, the ledger, verifying a report.

``install_reports_menu(context)`` fills the main window's Reports menu and wires it to the
case list's selection and to the case view's "Print report" button, so the main window
needs one line for all of it.

Previewing and printing the (masked) reports is open to everyone; saving one to a file and
the ledger are exports, which the permission matrix gives to the head, the lobby manager
and the operations supervisor (db.trust.permissions, ``export``): db checks the window's actor,
and the ledger item and the preview's Save button are off for anyone else, saying why.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from db.errors import WorkflowError
from db.intake import cases, outlets, queries
from db.store.models import Staff, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.kit.errors import workflow_error_message
from desktop.kit.worker import Cancelled, QueryOp

# The report data, the dialogs and (inside them) reportlab are imported when a report is
# first asked for, not at start-up: together they cost ~40 ms before the first paint
# (tests/benchmarks/FINDINGS.md).

if TYPE_CHECKING:
    from desktop.window_context import WindowContext

STATUS_MESSAGE_MS = 8_000


def build_incident_pdf(case_id: int, *, reveal: bool = False, actor: Staff | None = None) -> bytes:
    """The incident report of a case as PDF bytes (runs on a worker thread); unmasked only
    for an ``actor`` the matrix lets reveal customer data (checked in db)."""
    # reportlab is imported when the first report is made, not at start-up.
    from db.reporting import report_data
    from desktop.reports.incident import incident_report_bytes

    data = report_data.incident_report_data(case_id, reveal=reveal, actor=actor)
    return incident_report_bytes(data)


def build_assessment_pdf(period: str, staff_employee_no: str | None = None) -> bytes:
    """The assessment report of a period as PDF bytes (worker thread: a year over 100,000
    complaints is a few SQL aggregates, well under a second)."""
    from db.reporting.assessment_data import assessment_data
    from desktop.reports.assessment import assessment_report_bytes

    return assessment_report_bytes(assessment_data(period, staff_employee_no=staff_employee_no))


def build_escalation_pdf(case_id: int) -> bytes:
    """The escalation report of a case as PDF bytes (runs on a worker thread)."""
    from db.reporting.assessment_data import escalation_report_data
    from desktop.reports.escalation import escalation_report_bytes

    return escalation_report_bytes(escalation_report_data(case_id))


def may_export(actor: Staff | None) -> bool:
    """Whether ``actor`` may save the ledger or a report to a file; None (no accounts: the
    head is assumed) may."""
    return actor is None or permissions.can(actor, Action.EXPORT, now()) is None


def export_ledger(path: Path, year: int, progress=None, *, actor: Staff | None = None) -> int:
    """Write the ledger of ``year`` to ``path`` for ``actor``; the number of cases (worker
    thread). WorkflowError ``not_permitted`` before anything is written for a role the
    matrix does not let export."""
    from db.reporting import report_data
    from desktop.reports.ledger import LedgerInfo, write_ledger_xlsx  # openpyxl, on demand

    outlet = outlets.current_outlet()
    rows = report_data.ledger_rows(year=year, outlet=outlet, actor=actor)  # checks first
    total = report_data.ledger_count(year=year, outlet=outlet)
    info = LedgerInfo(
        outlet=outlet.name if outlet else "", period=str(year), generated_at=now(), masked=True
    )
    report = (lambda done: progress(done, total)) if progress else None
    return write_ledger_xlsx(rows, path, info=info, progress=report)


class ReportsMenu(QObject):
    """Owns the Reports menu's actions. Emits no signals."""

    def __init__(self, context: WindowContext) -> None:
        window = context.window
        super().__init__(window)
        self.setObjectName("reportsMenuController")
        self._context = context
        self._window = window
        self._settings = context.settings
        self._case_id: int | None = None

        self.menu = context.menus.reports
        self.incident_action = self._action(
            "actionIncidentReport",
            self.tr("&Incident report of the selected complaint…"),
            QKeySequence(QKeySequence.StandardKey.Print),
        )
        self.incident_action.setStatusTip(
            self.tr("Preview, print or save the incident report of the selected complaint")
        )
        self.escalation_action = self._action(
            "actionEscalationReport", self.tr("&Escalation report of the selected complaint…")
        )
        self.escalation_action.setStatusTip(
            self.tr("Preview, print or save what was sent up to the district branch")
        )
        self.assessment_action = self._action(
            "actionAssessmentReport", self.tr("&Assessment report…")
        )
        self.assessment_action.setStatusTip(
            self.tr(
                "Targets, liable complaints, callbacks and training of a year, quarter or month"
            )
        )
        self.ledger_action = self._action("actionLedger", self.tr("Complaint &ledger (XLSX)…"))
        self.ledger_action.setStatusTip(
            self.tr("Save the register of a year's complaints as an Excel workbook")
        )
        if not may_export(self._actor):
            self.ledger_action.setEnabled(False)
            self.ledger_action.setToolTip(self.not_permitted_text())
            self.ledger_action.setStatusTip(self.not_permitted_text())
        self.verify_action = self._action("actionVerifyReport", self.tr("&Verify a report…"))
        self.verify_action.setStatusTip(
            self.tr("Check that a saved or printed report still matches the database")
        )
        self.menu.addAction(self.incident_action)
        self.menu.addAction(self.escalation_action)
        self.menu.addSeparator()
        self.menu.addAction(self.assessment_action)
        self.menu.addAction(self.ledger_action)
        self.menu.addSeparator()
        self.menu.addAction(self.verify_action)
        self.menu.setToolTipsVisible(True)  # why the ledger is off, for those who may not

        self.incident_action.triggered.connect(self.show_incident_report)
        self.escalation_action.triggered.connect(self.show_escalation_report)
        # The case may have been escalated since it was selected.
        self.menu.aboutToShow.connect(lambda: self._on_case_selected(self._case_id))
        self.assessment_action.triggered.connect(self.show_assessment_report)
        self.ledger_action.triggered.connect(self.export_ledger)
        self.verify_action.triggered.connect(self.verify_report)
        window.table().case_selected.connect(self._on_case_selected)
        panel = window.detail_panel()
        panel.report_requested.connect(self.show_incident_report_for)
        self._on_case_selected(panel.case_id())

    @property
    def _actor(self) -> Staff | None:
        """Who is working now: reports are made for them."""
        return self._context.actor

    def verify_report(self) -> None:
        from desktop.printing.verify_dialog import VerifyDialog

        VerifyDialog.ask(self._window, settings=self._settings)

    def not_permitted_text(self) -> str:
        return self.tr(
            "Only the outlet head, the lobby manager and the operations supervisor may save "
            "the ledger or reports to a file."
        )

    def _action(self, name: str, text: str, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _on_case_selected(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.incident_action.setEnabled(case_id is not None)
        # One indexed EXISTS on the case's events: cheap enough on every selection.
        self.escalation_action.setEnabled(case_id is not None and queries.has_escalation(case_id))

    def show_escalation_report(self) -> None:
        case = cases.get_case(self._case_id) if self._case_id is not None else None
        if case is None or not queries.has_escalation(case.id):
            return
        case_id = case.id
        from desktop.printing.report_preview import ReportPreviewDialog

        ReportPreviewDialog.ask(
            self._window,
            self.tr("Escalation report {case_no}").format(case_no=case.case_no),
            lambda: build_escalation_pdf(case_id),
            f"投诉升级报告-{case.case_no}.pdf",
            settings=self._settings,
            actor=self._actor,
        )

    def show_assessment_report(self) -> None:
        from desktop.printing.assessment_period import AssessmentPeriodDialog
        from desktop.printing.report_preview import ReportPreviewDialog

        outlet = outlets.current_outlet()
        staff = [(s.name, s.employee_no) for s in outlets.all_staff(outlet)] if outlet else []
        request = AssessmentPeriodDialog.ask(self._window, staff, now().date())
        if request is None:
            return
        who = f"-{request.staff_employee_no}" if request.staff_employee_no else ""
        ReportPreviewDialog.ask(
            self._window,
            self.tr("Assessment report {period}").format(period=request.period),
            lambda: build_assessment_pdf(request.period, request.staff_employee_no),
            f"考核报告-{request.period}{who}.pdf",
            settings=self._settings,
            actor=self._actor,
        )

    def show_incident_report(self) -> None:
        if self._case_id is not None:
            self.show_incident_report_for(self._case_id)

    def show_incident_report_for(self, case_id: int) -> None:
        case = cases.get_case(case_id)
        if case is None:
            return
        actor = self._actor
        from desktop.printing.report_preview import ReportPreviewDialog

        ReportPreviewDialog.ask(
            self._window,
            self.tr("Incident report {case_no}").format(case_no=case.case_no),
            lambda: build_incident_pdf(case_id, actor=actor),
            f"投诉事件报告-{case.case_no}.pdf",
            settings=self._settings,
            actor=actor,
        )

    def export_ledger(self) -> None:
        from desktop.printing.report_preview import LAST_DIR_KEY

        if not may_export(self._actor):
            return
        year, ok = QInputDialog.getInt(
            self._window,
            self.tr("Complaint ledger"),
            self.tr("Year of the complaints received:"),
            now().year,
            2000,
            2100,
        )
        if not ok:
            return
        folder = str(self._settings.value(LAST_DIR_KEY, str(Path.home())))
        name, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save complaint ledger as"),
            str(Path(folder) / f"投诉台账-{year}.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._settings.setValue(LAST_DIR_KEY, str(path.parent))

        self._write_ledger(path, year)

    def _write_ledger(self, path: Path, year: int) -> None:
        progress = QProgressDialog(
            self.tr("Writing the ledger of {year}…").format(year=year),
            self.tr("Cancel"),
            0,
            0,
            self._window,
        )
        progress.setObjectName("ledgerProgressDialog")
        progress.setAccessibleName(self.tr("Writing the ledger"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        # Set on the GUI thread, read by the worker: no widget is touched off the GUI thread.
        cancelled = threading.Event()
        progress.canceled.connect(cancelled.set)
        started = time.perf_counter()
        actor = self._actor

        def work(emit) -> int:
            def report(done: int, total: int) -> None:
                if cancelled.is_set():
                    raise Cancelled
                emit(done, total)

            return export_ledger(path, year, report, actor=actor)

        def show_progress(done: int, total: int) -> None:
            if not cancelled.is_set():
                progress.setMaximum(max(total, 1))
                progress.setValue(min(done, total))

        def finished(count: int) -> None:
            progress.close()
            self._context.status_bar.showMessage(
                self.tr("Ledger of {count} complaints saved to {path} ({seconds} s)").format(
                    count=count, path=path, seconds=f"{time.perf_counter() - started:.1f}"
                ),
                STATUS_MESSAGE_MS,
            )

        def failed(error: BaseException) -> None:
            progress.close()
            reason = workflow_error_message(error) if isinstance(error, WorkflowError) else error
            QMessageBox.warning(
                self._window,
                self.tr("Complaint ledger"),
                self.tr("The ledger could not be written:\n{error}").format(error=reason),
            )

        QueryOp(parent=self, op=work, success=finished).with_progress(show_progress).failure(
            failed
        ).run_in_background()


def install_reports_menu(context: WindowContext) -> ReportsMenu:
    """Fill the window's Reports menu and return its controller."""
    return ReportsMenu(context)
