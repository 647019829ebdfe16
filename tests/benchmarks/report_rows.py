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
    from db import cases, vocab
    from db.models import Case, CaseEvent, Staff, database

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

    from desktop.fonts import font_path

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
    report_data = _has("db.report_data", "incident_report_data")
    incident = _has("desktop.reports.incident", "write_incident_report", "incident_report_bytes")
    if report_data is None or incident is None:
        return Row(what, size, None, None, MS, target, status="not built yet")
    from db.database import open_database

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


def annual_row(size: int) -> Row:
    return Row(
        "annual assessment report over the year's cases",
        size,
        None,
        None,
        S,
        Target(max_figure=2.0),
        status="not built yet",
    )


def rows(path: Path, size: int, case_id: int) -> list[Row]:
    del case_id  # the incident report picks its own three-page case
    return [incident_row(path, size), annual_row(size)]
