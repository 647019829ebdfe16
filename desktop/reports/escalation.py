"""The escalation report (投诉升级报告): what the outlet sends up to the district branch when
it escalates a complaint beyond itself (Art. 10-11), signed by the head.

Takes the plain data of ``db.reporting.assessment_data.escalation_report_data`` and writes a PDF;
knows nothing of the database or Qt. The customer is masked: the report leaves the outlet.
The latest escalation is the one being reported; earlier ones are listed under it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from db.reporting import assessment_data as ad
from db.store import codes
from db.store import vocab as db_vocab
from desktop.reports import pdf_common as pc
from desktop.reports import zh
from desktop.reports.incident import _numeral

TITLE = "投诉升级报告"


def report_code(data: ad.EscalationData) -> str:
    """SHA-256 of the report's data without the generation time."""
    plain = dataclasses.asdict(data)
    plain.pop("generated_at", None)
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _level(code: str) -> str:
    return zh.vocab_code(codes.ESCALATION_LEVELS, code)


class _Writer:
    def __init__(self, data: ad.EscalationData) -> None:
        self.data = data
        self.s = pc.styles()
        self.story: list[Flowable] = []
        self._section = 0

    def heading(self, title: str) -> None:
        self._section += 1
        self.story.append(CondPageBreak(30 * mm))
        self.story.append(pc.para(f"{_numeral(self._section)}、{title}", self.s.heading))

    def fields(self, rows: list[tuple[str, str]]):
        cells = [[pc.para(k, self.s.label), pc.para(v or zh.EMPTY, self.s.cell)] for k, v in rows]
        return pc.grid_table(cells, [34 * mm, pc.CONTENT_WIDTH - 34 * mm], label_columns=(0,))

    def build(self) -> list[Flowable]:
        d = self.data
        step = d.steps[-1]
        s = self.s
        self.story.append(pc.para(TITLE, s.title))
        self.story.append(
            pc.para(f"{d.outlet.name}（{d.outlet.code}）· {d.outlet.district_branch}", s.subtitle)
        )
        self.story.append(pc.para(f"{zh.F['case_no']}：{d.case_no}", s.subtitle))
        self.story.append(Spacer(1, 3 * mm))
        addressee = step.district_department or d.outlet.district_branch
        self.story.append(pc.para(f"{addressee}：", s.body))
        indented = s.body.clone("indented", firstLineIndent=2 * s.body.fontSize)
        self.story.append(
            pc.para(
                f"我网点于 {zh.time(d.received_at)} 受理客户投诉一件（编号 {d.case_no}），"
                f"经网点负责人研究，现按规定逐级上报至{_level(step.level)}，请予协调处理。"
                "有关情况报告如下。",
                indented,
            )
        )

        self.heading("上报情况")
        psbc = step.psbc_department if step.with_psbc else "不涉及"
        if step.with_psbc and not psbc:
            psbc = "需邮储银行同级部门共同处理"
        self.story.append(
            self.fields(
                [
                    ("上报层级", _level(step.level)),
                    ("主办部门", step.district_department),
                    ("邮储银行同级部门", psbc),
                    ("已联系人员", step.contacted_person),
                    ("联系时间", zh.time(step.contacted_at)),
                    ("上报时间", zh.time(step.at)),
                    ("上报人", step.actor + ("（代行负责人）" if step.acting_head else "")),
                ]
            )
        )

        self.heading("投诉基本情况")
        triggers = "、".join(zh.vocab_code(db_vocab.URGENT_TRIGGERS, t) for t in d.urgent_triggers)
        self.story.append(
            self.fields(
                [
                    ("受理时间", zh.time(d.received_at)),
                    ("受理途径", zh.vocab_code(db_vocab.ROUTES, d.route)),
                    ("投诉渠道", zh.vocab_code(db_vocab.CHANNELS, d.channel)),
                    ("业务类别", zh.vocab_code(db_vocab.BUSINESS_TYPES, d.business_type)),
                    ("投诉原因", zh.vocab_code(db_vocab.CAUSES, d.cause)),
                    ("严重程度", zh.vocab_code(db_vocab.SEVERITIES, d.severity)
                     + (f"（{triggers}）" if triggers else "")),
                    ("当前状态", zh.vocab_code(db_vocab.STATUSES, d.status)),
                    ("客户", f"{d.customer_name}　{d.customer_phone}".strip()),
                    ("客户诉求", d.remedy_requested),
                    ("投诉事实", d.description),
                    ("首问责任人", zh.person(d.first_ask_owner)),
                    ("当前处理人", zh.person(d.handler) if d.handler else zh.EMPTY),
                ]
            )
        )  # fmt: skip
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(pc.para(zh.TEXT["masked_note"], s.note))

        self.heading("上报内容摘要")
        self.story.append(pc.para(step.reported_summary, s.body))
        self.heading("网点后续跟进（第十条：网点仍负责向客户反馈结果并跟踪）")
        self.story.append(pc.para(step.outlet_follow_up, s.body))

        if len(d.steps) > 1:
            self.heading("此前的上报")
            header = ["上报时间", "层级", "主办部门", "联系人", "摘要"]
            cells = [[pc.para(h, s.head_cell) for h in header]]
            for old in d.steps[:-1]:
                cells.append(
                    [pc.para(v or zh.EMPTY, s.cell) for v in (
                        zh.time_cell(old.at), _level(old.level), old.district_department,
                        old.contacted_person, old.reported_summary)]
                )  # fmt: skip
            w = pc.CONTENT_WIDTH
            self.story.append(
                pc.grid_table(cells, [22 * mm, 30 * mm, 34 * mm, 24 * mm, w - 110 * mm],
                              header_rows=1)
            )  # fmt: skip

        self.signatures()
        return self.story

    def signatures(self) -> None:
        d = self.data
        t = zh.TEXT
        head = d.steps[-1].actor if d.steps else (d.head.name if d.head else "")
        roles = [
            ("网点负责人", head),
            ("经办人", d.handler.name if d.handler else (d.first_ask_owner.name
                                                      if d.first_ask_owner else "")),
            ("上级部门签收", ""),
        ]  # fmt: skip
        cells = [
            [
                pc.para(h, self.s.head_cell)
                for h in ("", t["sign_name"], t["sign_signature"], t["sign_date"])
            ]
        ]
        cells += [[pc.para(r, self.s.label), pc.para(n, self.s.cell), "",
                   pc.para(t["date_blank"], self.s.cell)] for r, n in roles]  # fmt: skip
        w = pc.CONTENT_WIDTH
        table = pc.grid_table(
            cells,
            [46 * mm, 30 * mm, w - 122 * mm, 46 * mm],
            header_rows=1,
            label_columns=(0,),
            row_heights=[None] + [15 * mm] * len(roles),
        )
        table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                                   ("VALIGN", (3, 1), (3, -1), "BOTTOM")]))  # fmt: skip
        self._section += 1
        heading = pc.para(f"{_numeral(self._section)}、签字确认", self.s.heading)
        stamp = pc.para(f"{d.outlet.name}（盖章）", self.s.body)
        self.story.append(KeepTogether([heading, table, Spacer(1, 6 * mm), stamp]))


def write_escalation_report(data: ad.EscalationData, target: Path | BinaryIO) -> str:
    """Write the escalation report of ``data`` as a PDF; return its code."""
    code = report_code(data)
    head = pc.ReportHead(
        running_head=f"{TITLE} · {data.case_no}",
        title=f"{TITLE} {data.case_no}",
        subject=f"{data.outlet.name} 投诉 {data.case_no} 向{data.outlet.district_branch}的升级报告",
        keywords=f"CD-REPORT:escalation:{data.case_no}:{code} CD-FORMAT:{data.format}",
        outlet_name=data.outlet.name,
        generated_at=data.generated_at,
        code=code,
    )
    pc.write_report(target, head, _Writer(data).build)
    return code


def escalation_report_bytes(data: ad.EscalationData) -> bytes:
    return pc.pdf_bytes(lambda buffer: write_escalation_report(data, buffer))
