"""The reports of the "Outlets side by side" tab: the assessment PDF of the period shown
(previewed, printed or saved in the outlet's report preview, desktop/printing/report_preview.py)
and the complaint ledger XLSX across outlets of its year.

The figures are read on the GUI thread first (a few aggregates), so a refusal (no outlet
enrolled, no district) is said at once in the user's language; the PDF is laid out and the
ledger written on a worker thread (desktop.kit.worker.QueryOp), each with its own district
connection, opened and closed there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.district import ledger, overview
from db.district.enrolment import require_district
from db.district.models import district_database
from db.errors import WorkflowError
from db.management.targets import Period
from desktop.kit.errors import workflow_error_message
from desktop.kit.worker import QueryOp
from desktop.printing.report_preview import LAST_DIR_KEY, ReportPreviewDialog
from desktop.reports.district_assessment import district_assessment_bytes
from desktop.reports.ledger import OUTLET_LEAD, LedgerInfo, write_ledger_with_lead


def _refused(parent: QWidget, title: str, error: WorkflowError) -> None:
    QMessageBox.warning(parent, title, workflow_error_message(error))


def print_assessment(
    parent: QWidget,
    period: Period,
    *,
    at: dt.datetime,
    silent_days: int,
    settings: QSettings,
) -> None:
    """Preview the assessment of ``period`` as of ``at``; print or save it from there."""
    title = QCoreApplication.translate("DistrictReports", "District assessment report")
    try:
        data = overview.district_assessment(period, at=at, silent_days=silent_days)
    except WorkflowError as error:
        _refused(parent, title, error)
        return

    def build() -> bytes:
        with district_database.connection_context():
            return district_assessment_bytes(data)

    ReportPreviewDialog.ask(parent, title, build, f"区县分公司考核报告-{data.period}.pdf",
                            settings=settings)  # fmt: skip


def export_ledger(
    parent: QWidget,
    year: int,
    *,
    at: dt.datetime,
    settings: QSettings,
    done: Callable[[Path, int], None] | None = None,
) -> None:
    """Ask where to save the ledger of ``year`` and write it in the background; tell the user
    how many cases it holds (and ``done(path, count)``), or why nothing was written."""
    title = QCoreApplication.translate("DistrictReports", "Export the ledger across outlets")
    try:
        district = require_district()
        ledger.year_bounds(year)
    except WorkflowError as error:
        _refused(parent, title, error)
        return
    folder = Path(str(settings.value(LAST_DIR_KEY, str(Path.home()))))
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(folder / f"投诉台账-{district.code}-{year}.xlsx"),
        QCoreApplication.translate("DistrictReports", "Excel workbooks (*.xlsx)"),
    )  # fmt: skip
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    info = LedgerInfo(outlet=f"{district.name}（{district.code}）", period=str(year),
                      generated_at=at, unit_label="区县分公司")  # fmt: skip

    def write(_progress) -> int:
        with district_database.connection_context():
            rows = ledger.ledger_rows(year, at=at)
            return write_ledger_with_lead(rows, path, lead=OUTLET_LEAD, info=info)

    def written(count: int) -> None:
        settings.setValue(LAST_DIR_KEY, str(path.parent))
        text = QCoreApplication.translate(
            "DistrictReports", "Wrote {n:,} cases of {year} to {file}; customer data is masked."
        )
        QMessageBox.information(parent, title, text.format(n=count, year=year, file=path))
        if done is not None:
            done(path, count)

    def failed(error: BaseException) -> None:
        reason = workflow_error_message(error) if isinstance(error, WorkflowError) else error
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate(
                "DistrictReports", "The ledger was not written:\n{error}"
            ).format(error=reason),
        )

    QueryOp(parent=parent, op=write, success=written).failure(failed).run_in_background()
