"""The incident report (投诉事件报告): one case, as a document the outlet files and hands up.

Takes the plain data of ``db.report_data.incident_report_data`` and writes a PDF; knows
nothing of the database or Qt. Sections without entries say so in words ("无回访记录。"),
because on a filed document an empty space reads as "forgotten", not as "none".
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from db import report_data as rd
from db import vocab as db_vocab
from desktop.reports import pdf_common as pc
from desktop.reports import zh
from desktop.reports.verify import verify_token

_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    """Chinese section numbers: 一 … 十, 十一 … 十九."""
    if n <= 10:
        return _NUMERALS[n - 1]
    return "十" + _NUMERALS[n - 11]


class _Writer:
    def __init__(self, data: rd.IncidentData, code: str) -> None:
        self.data = data
        self.code = code
        self.s = pc.styles()
        self.story: list[Flowable] = []
        self._section = 0

    # --- helpers ---------------------------------------------------------------------------

    def p(self, text: str, style=None) -> Paragraph:
        return pc.para(text, style or self.s.cell)

    def label(self, text: str) -> Paragraph:
        return pc.para(text, self.s.label)

    def heading(self, title: str) -> None:
        self._section += 1
        # Keep a heading with at least the first lines of what follows it.
        self.story.append(CondPageBreak(30 * mm))
        self.story.append(pc.para(f"{_numeral(self._section)}、{title}", self.s.heading))

    def fields(self, rows: list[tuple[str, str, str | None, str | None]]) -> Table:
        """Four columns: label, value, label, value; a row with no second pair spans."""
        w = pc.CONTENT_WIDTH
        widths = [26 * mm, w / 2 - 26 * mm, 26 * mm, w / 2 - 26 * mm]
        cells, spans = [], []
        for i, (l1, v1, l2, v2) in enumerate(rows):
            if l2 is None:
                cells.append([self.label(l1), self.p(v1), "", ""])
                spans.append(((1, i), (3, i)))
            else:
                cells.append([self.label(l1), self.p(v1), self.label(l2), self.p(v2 or zh.EMPTY)])
        table = pc.grid_table(cells, widths, label_columns=(0,), spans=spans)
        for i, (_l1, _v1, l2, _v2) in enumerate(rows):
            if l2 is not None:
                table.setStyle(TableStyle([("BACKGROUND", (2, i), (2, i), pc.LABEL_BG)]))
        return table

    def events_table(self, header: list[str], rows: list[list[str]], widths: list[float]):
        cells = [[pc.para(h, self.s.head_cell) for h in header]]
        cells += [[self.p(value) for value in row] for row in rows]
        return pc.grid_table(cells, widths, header_rows=1)

    # --- parts -----------------------------------------------------------------------------

    def title_block(self) -> None:
        d = self.data
        outlet = f"{d.outlet.name}（{d.outlet.code}）· {d.outlet.district_branch}"
        qr_size = 24 * mm
        centre = [
            pc.para(zh.TITLE_INCIDENT, self.s.title),
            pc.para(outlet, self.s.subtitle),
            pc.para(f"{zh.F['case_no']}：{d.case_no}", self.s.subtitle),
        ]
        caption = ParagraphStyle("qr_caption", parent=self.s.note, alignment=TA_CENTER)
        # Upper case fits QR's alphanumeric mode: a smaller code, quicker to scan and make.
        token = verify_token(d.case_no, self.code).upper()
        qr = [pc.qr_code(token, qr_size),
              pc.para(zh.TEXT["qr_caption"], caption)]  # fmt: skip
        side = 32 * mm
        table = Table([["", centre, qr]], colWidths=[side, pc.CONTENT_WIDTH - 2 * side, side])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), pc.FONT),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (2, 0), (2, 0), "CENTER"),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.2, pc.INK),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        self.story.append(table)
        self.story.append(Spacer(1, 2 * mm))

    def basic(self) -> None:
        d = self.data
        self.heading(zh.H["basic"])
        triggers = "；".join(zh.vocab(t) for t in d.urgent_triggers) or zh.TEXT["no_triggers"]
        agreed = d.deadlines[0].due_at if d.deadlines else None
        handler = d.handler or d.first_ask_owner
        rows = [
            (zh.F["case_no"], d.case_no, zh.F["status"], zh.vocab(d.status)),
            (zh.F["received_at"], zh.time(d.received_at), zh.F["closed_at"], zh.time(d.closed_at)),
            (zh.F["route"], zh.vocab(d.route), zh.F["channel"], zh.vocab(d.channel)),
            (zh.F["business_type"], zh.vocab(d.business_type), zh.F["cause"], zh.vocab(d.cause)),
            (zh.F["severity"], zh.vocab(d.severity), zh.F["agreed_reply_at"], zh.time(agreed)),
            (zh.F["urgent_triggers"], triggers, None, None),
            (zh.F["first_ask_owner"], zh.person(d.first_ask_owner), None, None),
            (zh.F["handler"], zh.person(handler), None, None),
        ]
        self.story.append(self.fields(rows))

    def customer(self) -> None:
        c = self.data.customer
        self.heading(zh.H["customer"])
        rows = [
            (zh.F["customer_name"], c.name, zh.F["customer_phone"], c.phone or zh.EMPTY),
            (zh.F["customer_id_no"], c.id_no or zh.EMPTY, None, None),
        ]
        self.story.append(self.fields(rows))
        note = zh.TEXT["masked_note"] if c.masked else zh.TEXT["revealed_note"]
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(pc.para(note, self.s.note))

    def facts(self) -> None:
        d = self.data
        self.heading(zh.H["facts"])
        if d.settlement:
            settled = f"{d.settlement}（{zh.time(d.settled_at)}）" if d.settled_at else d.settlement
        else:
            settled = zh.TEXT["not_settled"]
        rows = [
            [self.label(zh.F["remedy_requested"]), self.p(d.remedy_requested or zh.EMPTY)],
            [self.label(zh.F["description"]), self.p(d.description)],
            [self.label(zh.F["settlement"]), self.p(settled)],
        ]
        self.story.append(
            pc.grid_table(rows, [26 * mm, pc.CONTENT_WIDTH - 26 * mm], label_columns=(0,))
        )

    def deadlines(self) -> None:
        d = self.data
        self.heading(zh.H["deadlines"])
        if not d.deadlines:
            settled = d.status.code == db_vocab.STATUS_SETTLED_ON_SPOT
            text = zh.TEXT["settled_no_deadline"] if settled else zh.TEXT["no_deadline"]
            self.story.append(pc.para(text, self.s.body))
            return
        rows = [
            [
                zh.DEADLINE_KINDS.get(x.kind.code, x.kind.label),
                zh.time(x.due_at),
                zh.time(x.done_at),
                zh.DEADLINE_STATES.get(x.state, x.state),
            ]
            for x in d.deadlines
        ]
        w = pc.CONTENT_WIDTH
        header = [zh.H["deadline"], zh.H["due"], zh.H["done"], zh.H["result"]]
        self.story.append(self.events_table(header, rows, [w * 0.34, w * 0.22, w * 0.22, w * 0.22]))

    def section(self, section: rd.Section) -> None:
        d = self.data
        self.heading(zh.SECTION_TITLES.get(section.key, section.title))
        if section.key == rd.SECTION_TRANSFERS:
            self.story.append(
                pc.para(zh.TEXT["first_ask_line"].format(owner=zh.person(d.first_ask_owner)),
                        self.s.body)
            )  # fmt: skip
            if d.handler is not None:
                self.story.append(
                    pc.para(zh.TEXT["handler_line"].format(handler=zh.person(d.handler)),
                            self.s.body)
                )  # fmt: skip
        if section.key == rd.SECTION_WORK_ORDERS and d.route.code.startswith("above_"):
            self.story.append(pc.para(f"{zh.F['route']}：{zh.vocab(d.route)}。", self.s.body))
        if not section.entries:
            self.story.append(pc.para(zh.SECTION_EMPTY.get(section.key, zh.EMPTY), self.s.body))
            return
        rows = [[zh.time_cell(e.at), e.actor or zh.EMPTY, zh.vocab(e.kind), e.note or zh.EMPTY]
                for e in section.entries]  # fmt: skip
        w = pc.CONTENT_WIDTH
        header = [zh.H["time"], zh.H["actor"], zh.H["event"], zh.H["details"]]
        self.story.append(self.events_table(header, rows, [20 * mm, 16 * mm, 36 * mm, w - 72 * mm]))

    def timeline(self) -> None:
        self.heading(zh.H["timeline"])
        rows = [
            [str(item.seq), zh.time_cell(item.at), item.actor or zh.EMPTY, zh.vocab(item.kind),
             _details(item)]
            for item in self.data.timeline
        ]  # fmt: skip
        w = pc.CONTENT_WIDTH
        header = [zh.H["no"], zh.H["time"], zh.H["actor"], zh.H["event"], zh.H["details"]]
        self.story.append(
            self.events_table(header, rows, [10 * mm, 20 * mm, 16 * mm, 32 * mm, w - 78 * mm])
        )

    def signatures(self) -> None:
        d = self.data
        handler = d.handler or d.first_ask_owner
        t = zh.TEXT
        header = ["", t["sign_name"], t["sign_signature"], t["sign_date"]]
        rows = [
            [t["sign_handler"], handler.name],
            [t["sign_head"], d.head.name if d.head else ""],
            [t["sign_customer"], d.customer.name],
        ]
        cells = [[pc.para(h, self.s.head_cell) for h in header]]
        cells += [[self.label(role), self.p(name), "", self.p(t["date_blank"])]
                  for role, name in rows]  # fmt: skip
        w = pc.CONTENT_WIDTH
        table = pc.grid_table(
            cells,
            [46 * mm, 30 * mm, w - 122 * mm, 46 * mm],
            header_rows=1,
            label_columns=(0,),
            row_heights=[None] + [15 * mm] * len(rows),  # room for a hand signature
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                    ("VALIGN", (3, 1), (3, -1), "BOTTOM"),
                    ("BACKGROUND", (0, 0), (0, 0), pc.LABEL_BG),
                ]
            )
        )
        self._section += 1
        heading = pc.para(f"{_numeral(self._section)}、{zh.H['signatures']}", self.s.heading)
        hint = pc.para(zh.TEXT["verify_hint"], self.s.note)
        self.story.append(KeepTogether([heading, table, Spacer(1, 3 * mm), hint]))

    def build(self) -> list[Flowable]:
        self.title_block()
        self.basic()
        self.customer()
        self.facts()
        self.deadlines()
        for section in self.data.sections:
            self.section(section)
        self.timeline()
        self.signatures()
        return self.story


def _details(item: rd.TimelineItem) -> str:
    parts = []
    if item.from_status and item.to_status:
        parts.append(f"{zh.vocab(item.from_status)} → {zh.vocab(item.to_status)}")
    elif item.to_status:
        parts.append(zh.vocab(item.to_status))
    if item.kind.code == db_vocab.EVENT_REPLY_TIME_AGREED and item.data.get("agreed_reply_at"):
        value = str(item.data["agreed_reply_at"]).replace("T", " ")[:16]
        parts.append(zh.TEXT["reply_by"].format(time=value))
    if item.kind.code == db_vocab.EVENT_URGENT_TRIGGERED:
        triggers = item.data.get("triggers") or []
        parts.append("、".join(zh.vocab_code(db_vocab.URGENT_TRIGGERS, t) for t in triggers))
    if item.note:
        parts.append(item.note)
    return "；".join(p for p in parts if p) or zh.EMPTY


def write_incident_report(data: rd.IncidentData, target: Path | BinaryIO) -> None:
    """Write the incident report of ``data`` as a PDF to a path or a binary stream."""
    code = rd.verification_code(data)
    head = pc.ReportHead(
        running_head=f"{zh.TITLE_INCIDENT} · {data.case_no}",
        title=f"{zh.TITLE_INCIDENT} {data.case_no}",
        subject=zh.TEXT["subject"].format(outlet=data.outlet.name, case_no=data.case_no),
        keywords=f"{verify_token(data.case_no, code)} CD-FORMAT:{data.format}",
        outlet_name=data.outlet.name,
        generated_at=data.generated_at,
        code=code,
    )
    pc.write_report(target, head, _Writer(data, code).build)


def incident_report_bytes(data: rd.IncidentData) -> bytes:
    return pc.pdf_bytes(lambda buffer: write_incident_report(data, buffer))
