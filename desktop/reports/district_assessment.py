"""The district's assessment report (区县分公司考核报告 · 网点考核情况): every outlet's
complaint work over a year, quarter or month, side by side, as the district branch's
competent department signs it (Art. 5).

Takes the plain data of ``db.district.overview.district_assessment`` and writes a PDF;
knows nothing of the database or Qt. Same page frame, font, tables and footer code (the
SHA-256 of the report's data, the generation time left out) as the outlet's assessment
report (desktop/reports/assessment.py), whose writer it extends.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from db.district.overview import DistrictAssessment, OutletFigures
from desktop.reports import pdf_common as pc
from desktop.reports import zh
from desktop.reports.assessment import (
    MARKS,
    METRICS,
    _number,
    _rate,
    _Writer,
    period_text,
    report_code,
    span_text,
)

TITLE = "区县分公司考核报告"
SUBTITLE = "网点考核情况"


def _outlet(row: OutletFigures) -> str:
    return f"{row.outlet_name}（{row.outlet_code}）"


class _DistrictWriter(_Writer):
    data: DistrictAssessment  # type: ignore[assignment]

    def title_block(self) -> None:
        d = self.data
        self.story.append(pc.para(f"{period_text(d)}{TITLE}", self.s.title))
        self.story.append(
            pc.para(f"{SUBTITLE} · {d.district_name}（{d.district_code}）", self.s.subtitle)
        )
        self.story.append(pc.para(f"考核期间：{period_text(d)}（{span_text(d)}）", self.s.subtitle))
        self.story.append(Spacer(1, 3 * mm))

    def overview(self) -> None:
        d = self.data
        self.heading("考核概况")
        state = (
            "考核期间已结束，数据为期末数。"
            if d.finished
            else f"考核期间尚未结束，数据截至 {zh.time(d.at)}。"
        )
        total = sum(r.complaints for r in d.outlets)
        self.story.append(
            self.fields(
                [
                    ("区县分公司", f"{d.district_name}（{d.district_code}）"),
                    ("考核期间", f"{period_text(d)}（{span_text(d)}）"),
                    ("参评网点", f"{len(d.outlets):,} 个"),
                    ("受理投诉合计", f"{total:,} 件"),
                    ("数据来源", "各网点报送并经导入的交换包；以各网点最近一次报送为准。"),
                    ("统计说明", state),
                ]
            )
        )

    def complaints(self) -> None:
        d = self.data
        self.heading("各网点投诉情况")
        rows = [
            [_outlet(r), f"{r.complaints:,}", f"{r.open:,}", f"{r.overdue:,}", f"{r.urgent:,}",
             f"{r.escalated:,}", f"{r.liable:,}"]
            for r in d.outlets
        ]  # fmt: skip
        w = pc.CONTENT_WIDTH
        header = ["网点", "受理投诉", "未办结", "超期未办结", "紧急", "已上报", "有责"]
        self.story.append(self.table(header, rows, [w * 0.34] + [w * 0.11] * 6))
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(
            pc.para(
                "各项均按受理时间计入期间；未办结、超期为统计时点的状态；超期指已过网点所定期限"
                "仍未办结；已上报指至少逐级上报过一次（第十条、第十一条）；有责以现行责任认定为准"
                "（第五条）。",
                self.s.note,
            )
        )

    def service(self) -> None:
        d = self.data
        self.heading("上级工单答复与回访满意度（第五条）")
        rows = [
            [_outlet(r), f"{r.work_orders:,}", f"{r.wo_on_time:,}", f"{r.wo_late:,}",
             f"{r.wo_overdue:,}", f"{r.callbacks_answered:,}", _rate(r.satisfaction)]
            for r in d.outlets
        ]  # fmt: skip
        w = pc.CONTENT_WIDTH
        header = ["网点", "下发工单", "按时答复", "超时答复", "逾期未答复", "有结果回访",
                  "回访满意率"]  # fmt: skip
        self.story.append(self.table(header, rows, [w * 0.31] + [w * 0.115] * 6))
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(
            pc.para(
                "工单为区县分公司下发、本期间收到的工单，按答复期限判断是否按时；"
                "满意率 = （满意 + 基本满意）÷ 联系上客户且有结果的回访次数，按回访时间计。",
                self.s.note,
            )
        )

    def targets(self) -> None:
        d = self.data
        self.heading("投诉控制目标完成情况（第五条第一款）")
        if not d.with_targets:
            self.story.append(pc.para("区县分公司未设定本期间的网点考核目标。", self.s.body))
            return
        rows = []
        for r in d.outlets:
            for t in r.targets:
                unit = "percent" if t.metric == "callback_satisfaction" else "count"
                rows.append([_outlet(r), METRICS.get(t.metric, t.metric),
                             _number(t.target, unit), _number(t.actual, unit),
                             MARKS.get(t.mark or "", zh.EMPTY)])  # fmt: skip
        w = pc.CONTENT_WIDTH
        self.story.append(
            self.table(["网点", "指标", "目标", "实际", "结果"], rows,
                       [w * 0.30, w * 0.28, w * 0.13, w * 0.13, w * 0.16],
                       numeric_from=2, numeric_to=4)
        )  # fmt: skip
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(
            pc.para(
                "说明：件数类指标以不超过目标为达标；回访满意率以不低于目标为达标；"
                "未列出的网点或指标未设目标。",
                self.s.note,
            )
        )

    def reporting(self) -> None:
        d = self.data
        self.heading("数据报送情况")
        silent = {s.outlet_code for s in d.silent}
        rows = []
        for r in d.outlets:
            if r.last_bundle_at is None:
                state = "从未报送"
            elif r.outlet_code in silent:
                state = f"超过 {d.silent_days} 天未报送"
            else:
                state = "正常"
            when = zh.time(r.last_bundle_at.astimezone()) if r.last_bundle_at else zh.EMPTY
            rows.append([_outlet(r), when, f"{r.last_bundle_seq:,}" if r.last_bundle_at else
                         zh.EMPTY, state])  # fmt: skip
        w = pc.CONTENT_WIDTH
        self.story.append(
            self.table(["网点", "最近报送（导入）时间", "交换包序号", "状态"], rows,
                       [w * 0.36, w * 0.26, w * 0.14, w * 0.24], numeric_to=3)
        )  # fmt: skip
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(
            pc.para(
                f"共 {len(d.silent):,} 个网点超过 {d.silent_days} 天未报送或从未报送"
                "（天数为本程序的默认值或操作员的设置）；其数据可能不是最新的。",
                self.s.note,
            )
        )

    def signatures(self) -> None:
        self.signature_block(
            [("制表人", ""), ("主管部门负责人", ""), ("分管领导审核", "")],
            "本报告由网点投诉处理台根据区县分公司数据库生成，页脚校验码为报告数据的 SHA-256 "
            "摘要，用于识别不同时间生成的版本。",
        )

    def build(self) -> list[Flowable]:
        self.title_block()
        self.overview()
        self.complaints()
        self.service()
        self.targets()
        self.reporting()
        self.signatures()
        return self.story


def write_district_assessment(data: DistrictAssessment, target: Path | BinaryIO) -> str:
    """Write the district's assessment report of ``data`` as a PDF; return its code."""
    code = report_code(data)
    head = pc.ReportHead(
        running_head=f"{TITLE} · {period_text(data)}",
        title=f"{TITLE} {data.period}",
        subject=f"{data.district_name} {period_text(data)}{SUBTITLE}",
        keywords=f"CD-REPORT:district-assessment:{data.period}:{code} CD-FORMAT:{data.format}",
        outlet_name=data.district_name,
        generated_at=data.generated_at,
        code=code,
    )
    pc.write_report(target, head, _DistrictWriter(data).build)  # type: ignore[arg-type]
    return code


def district_assessment_bytes(data: DistrictAssessment) -> bytes:
    return pc.pdf_bytes(lambda buffer: write_district_assessment(data, buffer))
