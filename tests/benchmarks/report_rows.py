"""Report rows: the incident report PDF and the annual assessment report, when they exist.

Incident report. The figure is what the app does for one case: ``incident_report_data``
(the queries and masking) plus ``write_incident_report`` into memory. The floor is bare
reportlab writing the same paragraphs: the text of each page of the app's PDF (extracted
with pypdf, one Paragraph per line, page breaks where the app broke) laid out with a plain
``SimpleDocTemplate`` in the same embedded TrueType font; font registration is untimed.
The case is chosen (and given notes if needed) so that its report has three pages.

Either row prints "not built yet" while the modules it needs do not exist.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import io
from pathlib import Path

from tests.benchmarks.harness import MS, Row, S, Target, log, timed_pair

REPORT_PAGES = 3


def _has(module: str, *names: str) -> object | None:
    try:
        if importlib.util.find_spec(module) is None:
            return None
        loaded = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - a half-written module counts as not built
        return None
    return loaded if all(hasattr(loaded, n) for n in names) else None


def _pages(pdf: bytes) -> list[str]:
    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _case_for_report(report_data, incident) -> tuple[int, bytes]:
    """A case whose incident report has REPORT_PAGES pages; notes are added to the case a
    third of the way through the id range until it has (idempotent across runs)."""
    from db.intake import cases
    from db.store import vocab
    from db.store.models import Case, CaseEvent, Staff, database

    max_id = Case.select(Case.id).order_by(Case.id.desc()).limit(1).scalar()
    case = Case.get_by_id(max(1, max_id // 3))
    actor = Staff.get_by_id(case.first_ask_owner_id)
    for _ in range(40):
        pdf = incident.incident_report_bytes(report_data.incident_report_data(case.id))
        if len(_pages(pdf)) >= REPORT_PAGES:
            return case.id, pdf
        last = (
            CaseEvent.select(CaseEvent.at)
            .where(CaseEvent.case == case)
            .order_by(CaseEvent.at.desc())
            .limit(1)
            .scalar()
        ) or case.received_at
        with database.atomic():
            for i in range(3):
                cases.add_event(
                    case,
                    vocab.EVENT_NOTE,
                    actor=actor,
                    at=last + dt.timedelta(minutes=10 * (i + 1)),
                    note="已电话联系客户，说明处理进度，客户表示等待进一步答复。",
                    data={"bench": True},
                )
    return case.id, pdf


def _bare_reportlab(pages: list[str]):
    """The floor's writer: the same lines as Paragraphs, bare reportlab, same font."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from desktop.kit.fonts import font_path

    name = "BenchCJK"
    try:
        pdfmetrics.getFont(name)
    except KeyError:
        pdfmetrics.registerFont(TTFont(name, str(font_path()), subfontIndex=0))
    style = ParagraphStyle("body", fontName=name, fontSize=9, leading=12, wordWrap="CJK")
    texts = [[escape(line) for line in page.splitlines() if line.strip()] for page in pages]

    def write() -> bytes:
        story = []
        for i, lines in enumerate(texts):
            if i:
                story.append(PageBreak())
            story.extend(Paragraph(line, style) for line in lines)
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4).build(story)
        return buffer.getvalue()

    return write


def incident_row(path: Path, size: int) -> Row:
    what = f"incident report PDF, {REPORT_PAGES} pages (data + layout)"
    target = Target(max_ratio=1.5, max_figure=300.0)
    report_data = _has("db.reporting.report_data", "incident_report_data")
    incident = _has("desktop.reports.incident", "write_incident_report", "incident_report_bytes")
    if report_data is None or incident is None:
        return Row(what, size, None, None, MS, target, status="not built yet")
    from db.store.database import open_database

    open_database(path)
    case_id, pdf = _case_for_report(report_data, incident)
    pages = _pages(pdf)

    def figure() -> bytes:
        return incident.incident_report_bytes(report_data.incident_report_data(case_id))

    floor = _bare_reportlab(pages)
    floor_pages = len(_pages(floor()))
    pair = timed_pair(figure, floor)
    log(f"  incident report: {pair.figure * 1000:.0f} ms (floor {pair.floor * 1000:.0f} ms)")
    return Row(
        f"incident report PDF, {len(pages)} pages (data + layout)",
        size,
        pair.figure * 1000,
        pair.floor * 1000,
        MS,
        target,
        note=f"case id {case_id}; floor wrote {floor_pages} pages of the same text",
    )


def _busiest_year() -> tuple[int, int]:
    """The calendar year with the most complaints, and how many."""
    from db.store.models import database

    year, count = database.execute_sql(
        "SELECT substr(received_at, 1, 4) AS y, count(*) FROM complaint_case "
        "GROUP BY y ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    return int(year), int(count)


def _annual_in_background(build, runs: int = 3) -> tuple[list[float], list[float]]:
    """Build the report ``runs`` times the way the app does (``QueryOp`` on a worker thread)
    while a shown window's event loop runs a 10 ms timer; each run's wall time and the
    longest gap between two timer ticks (how long the window could not respond)."""
    import os
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from desktop.kit.worker import QueryOp

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.show()
    app.processEvents()
    totals: list[float] = []
    pauses: list[float] = []
    for _ in range(runs):
        loop = QEventLoop()
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda ticks=ticks: ticks.append(time.perf_counter()))
        result: list[object] = []

        def finished(value: object, result=result, loop=loop) -> None:
            result.append(value)
            loop.quit()

        def failed(error: BaseException, result=result, loop=loop) -> None:
            result.append(error)
            loop.quit()

        timer.start()
        started = time.perf_counter()
        ticks.append(started)
        QueryOp(parent=window, op=lambda _progress: build(), success=finished).failure(
            failed
        ).run_in_background()
        loop.exec()
        ended = time.perf_counter()
        timer.stop()
        if isinstance(result[0], BaseException):
            raise result[0]
        ticks.append(ended)
        totals.append(ended - started)
        pauses.append(max(b - a for a, b in zip(ticks, ticks[1:], strict=False)))
    window.close()
    return totals, pauses


def annual_rows(path: Path, size: int) -> list[Row]:
    what = "annual assessment report over the year's cases (PDF, on a worker thread)"
    pause_what = "longest event-loop pause while the annual report is built"
    target = Target(max_figure=2.0)
    pause_target = Target(max_figure=100.0)
    data_mod = _has("db.reporting.assessment_data", "assessment_data")
    writer = _has("desktop.reports.assessment", "assessment_report_bytes")
    if data_mod is None or writer is None:
        return [Row(what, size, None, None, S, target, status="not built yet")]
    import statistics

    from db.store.database import open_database

    open_database(path)
    year, count = _busiest_year()

    def build() -> bytes:
        return writer.assessment_report_bytes(data_mod.assessment_data(str(year)))

    pages = len(_pages(build()))
    totals, pauses = _annual_in_background(build)
    total, pause = statistics.median(totals), max(pauses) * 1000
    log(f"  annual report {year}: {total:.2f} s, longest pause {pause:.0f} ms")
    runs = ", ".join(f"{t:.2f}" for t in totals)
    return [
        Row(what, size, total, None, S, target,
            note=f"{count:,} complaints received in {year}; {pages} pages; runs {runs} s"),
        Row(pause_what, size, pause, None, MS, pause_target,
            note="a 10 ms QTimer on the shown window; the gap between ticks, worst of "
                 f"{len(pauses)} runs"),
    ]  # fmt: skip


def rows(path: Path, size: int, case_id: int) -> list[Row]:
    del case_id  # the incident report picks its own three-page case
    return [incident_row(path, size), *annual_rows(path, size)]
