"""Report preview, printing, saving, verifying and the Reports menu, as a user meets them.

Reports are built on a worker thread, so the database is a temp file (each thread opens its
own connection to it). No real printer is needed: printing goes to a PDF QPrinter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QPushButton

from db.store import database as database_module
from db.store.database import database_path
from db.store.models import Case
from desktop.main_window import MainWindow
from desktop.printing import report_preview
from desktop.printing.assessment_period import (
    AssessmentPeriodDialog,
    AssessmentRequest,
    period_code,
)
from desktop.printing.report_preview import ReportPreviewDialog
from desktop.printing.reports_menu import build_incident_pdf
from desktop.printing.verify_dialog import VerifyDialog
from desktop.reports import verify
from tests.db import report_cases as rc

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LOAD_TIMEOUT_MS = 15_000


@pytest.fixture
def world(tmp_path):
    database_module.open_database(database_path(tmp_path / "data"))
    world = rc.make_world()
    world.made = [rc.urgent_case(world), rc.escalated_case(world)]
    yield world
    # Workers must be done with the database before it closes.
    QThreadPool.globalInstance().waitForDone(LOAD_TIMEOUT_MS)
    database_module.close_database()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def preview(qtbot, world, settings):
    case = world.made[0]
    dialog = ReportPreviewDialog(
        f"Incident report {case.case_no}",
        lambda: build_incident_pdf(case.id),
        f"投诉事件报告-{case.case_no}.pdf",
        settings=settings,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.report_loaded, timeout=LOAD_TIMEOUT_MS) as loaded:
        dialog.start()
        # Built off the GUI thread: while it runs, the busy indicator shows.
        assert dialog.findChild(QPushButton, "reportSaveButton").isEnabled() is False
    dialog.loaded_pages = loaded.args[0]
    return dialog


def test_preview_shows_the_generated_report(preview, world):
    assert preview.loaded_pages == preview.page_count() > 0
    assert preview.pdf_bytes().startswith(b"%PDF-")
    view = preview.findChild(QPdfView, "reportPdfView")
    assert view.isVisible() and view.document().pageCount() == preview.page_count()
    assert str(preview.page_count()) in preview.findChild(object, "reportPagesLabel").text()
    for name in ("reportPrintButton", "reportSaveButton", "reportZoomInButton"):
        button = preview.findChild(QPushButton, name)
        assert button.isEnabled() and button.accessibleName()


def test_zoom(preview):
    view = preview.view()
    before = view.zoomFactor()
    preview.zoom_by(report_preview.ZOOM_STEP)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    assert view.zoomFactor() == pytest.approx(before * report_preview.ZOOM_STEP)
    preview.fit_width()
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_save_as_writes_the_pdf(preview, tmp_path, monkeypatch, settings):
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    offered = []

    def fake_save(parent, caption, path, filters):
        offered.append(path)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    preview.findChild(QPushButton, "reportSaveButton").click()
    written = target.with_name("report.pdf")
    assert written.read_bytes() == preview.pdf_bytes()
    assert offered[0].endswith("投诉事件报告-LYL01-2026-000001.pdf")
    assert settings.value(report_preview.LAST_DIR_KEY) == str(written.parent)


def test_print_to_a_pdf_printer(preview, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    assert printed.stat().st_size > 10_000
    assert len(PdfReader(printed).pages) == preview.page_count()


def test_print_button_goes_through_the_print_dialog(preview, tmp_path, monkeypatch):
    printed = tmp_path / "via-dialog.pdf"

    class FakePrintDialog:
        """Stands in for the system dialog: the user picks "print to file", page 1 only."""

        PrintDialogOption = report_preview.QPrintDialog.PrintDialogOption

        def __init__(self, printer, parent):
            self.printer = printer

        def setObjectName(self, name):  # noqa: N802 - Qt's name
            pass

        def setOption(self, option, on):  # noqa: N802 - Qt's name
            pass

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            self.printer.setFromTo(1, 1)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(report_preview, "QPrintDialog", FakePrintDialog)
    assert preview.print_report() is True
    assert len(PdfReader(printed).pages) == 1


def test_a_failed_build_is_shown(qtbot, world, settings):
    def broken() -> bytes:
        raise RuntimeError("disk on fire")

    dialog = ReportPreviewDialog("Broken", broken, "x.pdf", settings=settings)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.report_failed, timeout=LOAD_TIMEOUT_MS):
        dialog.start()
    assert "disk on fire" in dialog.findChild(object, "reportErrorLabel").text()
    assert not dialog.findChild(QPushButton, "reportPrintButton").isEnabled()
    assert dialog.save_as() is None


# --- verifying -------------------------------------------------------------------------------


def test_verify_dialog_match_then_mismatch(qtbot, world, settings, tmp_path):
    case = world.made[0]
    path = tmp_path / "report.pdf"
    path.write_bytes(build_incident_pdf(case.id))
    dialog = VerifyDialog(settings=settings)
    qtbot.addWidget(dialog)

    dialog.file_edit.setText(str(path))
    dialog.check_button.click()
    assert dialog.result_verify.status == verify.MATCH
    assert case.case_no in dialog.detail_label.text()
    matched_text = dialog.result_text()

    Case.update(description="事后改动的描述内容。").where(Case.id == case.id).execute()
    dialog.check_button.click()
    assert dialog.result_verify.status == verify.CHANGED
    assert dialog.result_text() != matched_text

    dialog.file_edit.clear()
    dialog.code_edit.setText("not a code")
    dialog.check_button.click()
    assert dialog.result_verify.status == verify.NO_CODE


def test_verify_dialog_choose_file(qtbot, world, settings, tmp_path, monkeypatch):
    path = tmp_path / "chosen.pdf"
    path.write_bytes(build_incident_pdf(world.made[1].id))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(path), "PDF"))
    )
    dialog = VerifyDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.browse_button.click()
    assert dialog.result_verify is not None and dialog.result_verify.ok


# --- the Reports menu in the main window -------------------------------------------------------


@pytest.fixture
def window(qtbot, world, settings):
    win = MainWindow(world.outlet, world.head, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def shown_previews(qtbot, monkeypatch):
    """Instead of blocking in exec(), each preview waits until its report is on show."""
    shown: list[tuple[str, int]] = []

    def exec_until_loaded(dialog):
        qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=LOAD_TIMEOUT_MS)
        shown.append((dialog.windowTitle(), dialog.page_count()))
        return 0

    monkeypatch.setattr(ReportPreviewDialog, "exec", exec_until_loaded)
    return shown


def test_reports_menu_sits_before_settings(window):
    titles = [a.menu().objectName() for a in window.menuBar().actions() if a.menu()]
    assert titles.index("menuReports") < titles.index("menuSettings")
    menu = window.findChild(QMenu, "menuReports")
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == [
        "actionIncidentReport",
        "actionEscalationReport",
        "actionAssessmentReport",
        "actionLedger",
        "actionVerifyReport",
    ]


def test_incident_report_of_the_selected_case(window, shown_previews):
    action = window.findChild(QMenu, "menuReports").actions()[0]
    case_id = window.detail_panel().case_id()
    assert case_id is not None and action.isEnabled()
    action.trigger()
    case_no = Case.get_by_id(case_id).case_no
    assert len(shown_previews) == 1
    title, pages = shown_previews[0]
    assert case_no in title and pages > 0


def test_print_report_button_in_the_case_view(window, shown_previews):
    panel = window.detail_panel()
    button = panel.findChild(QPushButton, "printReportButton")
    assert button.accessibleName()
    button.click()
    case_no = Case.get_by_id(panel.case_id()).case_no
    assert [case_no in title for title, _pages in shown_previews] == [True]


def test_export_ledger_from_the_menu(qtbot, window, world, tmp_path, monkeypatch):
    target = tmp_path / "ledger.xlsx"
    year = world.made[0].received_at.year
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *args: (year, True)))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), ""))
    )
    window.findChild(QAction, "actionLedger").trigger()
    qtbot.waitUntil(lambda: "ledger.xlsx" in window.statusBar().currentMessage(), timeout=15_000)
    rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + len(world.made)
    assert Path(str(target) + ".partial").exists() is False


def test_escalation_report_only_for_an_escalated_case(window, world, shown_previews):
    action = window.findChild(QAction, "actionEscalationReport")
    plain, escalated = world.made
    window.table().case_selected.emit(plain.id)
    assert not action.isEnabled()
    window.table().case_selected.emit(escalated.id)
    assert action.isEnabled()
    action.trigger()
    assert len(shown_previews) == 1
    title, pages = shown_previews[0]
    assert escalated.case_no in title and pages > 0


def test_assessment_report_asks_the_period_and_staff(window, world, shown_previews, monkeypatch):
    asked = []

    def ask(parent, staff, today=None):
        asked.append(staff)
        return AssessmentRequest(str(world.made[0].received_at.year), world.lobby.employee_no)

    monkeypatch.setattr(AssessmentPeriodDialog, "ask", staticmethod(ask))
    window.findChild(QAction, "actionAssessmentReport").trigger()
    assert (world.lobby.name, world.lobby.employee_no) in asked[0]
    assert len(shown_previews) == 1
    title, pages = shown_previews[0]
    assert str(world.made[0].received_at.year) in title and pages > 0


def test_assessment_period_dialog(qtbot):
    import datetime as dt

    dialog = AssessmentPeriodDialog([("李琊", "E1002")], dt.date(2026, 8, 15))
    qtbot.addWidget(dialog)
    assert dialog.request() == AssessmentRequest("2026-Q3", None)
    dialog.kind.setCurrentIndex(2)
    dialog.month.setValue(7)
    dialog.staff.setCurrentIndex(1)
    assert dialog.request() == AssessmentRequest("2026-07", "E1002")
    dialog.kind.setCurrentIndex(0)
    assert dialog.request().period == "2026"
    for widget in (dialog.kind, dialog.year, dialog.quarter, dialog.month, dialog.staff):
        assert widget.objectName() and widget.accessibleName()
    assert [period_code("quarter", 2026, 4), period_code("month", 2026, 1)] == [
        "2026-Q4",
        "2026-01",
    ]


# --- exports and the permission matrix -------------------------------------------


def test_a_teller_may_print_but_not_save_a_report(qtbot, world, settings, tmp_path, monkeypatch):
    case = world.made[0]
    dialog = ReportPreviewDialog(
        "Incident report",
        lambda: build_incident_pdf(case.id, actor=world.teller),
        "r.pdf",
        settings=settings,
        actor=world.teller,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.report_loaded, timeout=LOAD_TIMEOUT_MS):
        dialog.start()
    save = dialog.findChild(QPushButton, "reportSaveButton")
    assert not save.isEnabled() and "head" in save.toolTip()
    assert dialog.findChild(QPushButton, "reportPrintButton").isEnabled()

    warnings: list[str] = []
    monkeypatch.setattr(
        report_preview.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    assert dialog.save_as() is None  # called directly, db still refuses
    assert not target.exists()
    assert warnings and "may not export data" in warnings[0]


def test_an_unmasked_report_is_refused_to_a_non_head(world):
    from db.errors import WorkflowError

    with pytest.raises(WorkflowError):
        build_incident_pdf(world.made[0].id, reveal=True, actor=world.lobby)


@pytest.fixture
def teller_window(qtbot, world, settings):
    win = MainWindow(world.outlet, world.teller, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_ledger_is_off_for_a_teller(teller_window, tmp_path, monkeypatch):
    assert teller_window.actor is not None
    action = teller_window.findChild(QAction, "actionLedger")
    assert not action.isEnabled()
    assert "head" in action.toolTip()
    asked: list[object] = []
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a: asked.append(a)))
    teller_window._reports_menu.export_ledger()
    assert asked == []
    # The incident report is still there for the teller: previewing and printing are open.
    assert teller_window.findChild(QAction, "actionIncidentReport").isEnabled()


def test_the_ledger_export_refuses_a_teller_in_db(world, tmp_path):
    from db.errors import WorkflowError
    from desktop.printing.reports_menu import export_ledger

    target = tmp_path / "ledger.xlsx"
    with pytest.raises(WorkflowError):
        export_ledger(target, world.made[0].received_at.year, actor=world.teller)
    assert not target.exists()
    assert export_ledger(target, world.made[0].received_at.year, actor=world.lobby) == 2
