"""The assessment report (考核报告): an outlet's (or one person's) complaint work over a year,
quarter or month, as the head signs it and hands it up to the district branch.

Takes the plain data of ``db.reporting.assessment_data.assessment_data`` and writes a PDF; knows
nothing of the database or Qt. Same page frame, font and tables as the incident report.

The footer's code is a SHA-256 of the report's data (the generation time left out), so two
printouts can be told apart; ``complaint-desk verify`` checks incident reports only, as an
assessment's figures of a running period change with the clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from db.management.targets import MONTH, QUARTER
from db.reporting import assessment_data as ad
from db.store import codes
from db.store import vocab as db_vocab
from desktop.reports import pdf_common as pc
from desktop.reports import zh
from desktop.reports.charts import ranking_chart, trend_chart
from desktop.reports.incident import _numeral

TITLE = "考核报告"
TITLE_STAFF = "个人考核报告"

METRICS = {
    codes.METRIC_COMPLAINTS: "受理投诉（件）",
    codes.METRIC_LIABLE: "有责投诉（件）",
    codes.METRIC_URGENT: "紧急投诉（件）",
    codes.METRIC_ESCALATIONS: "升级至网点以外（件）",
    codes.METRIC_WORK_ORDERS: "上级转办工单（件）",
    codes.METRIC_OVERDUE_REPLIES: "逾期答复（件）",
    codes.METRIC_CALLBACK_SATISFACTION: "回访满意率（%）",
}
MARKS = {
    codes.MARK_ON_TRACK: "达标",
    codes.MARK_AT_RISK: "有超标风险",
    codes.MARK_MISSED: "未达标",
    codes.MARK_NO_DATA: "暂无数据",
}
_QUARTERS = "一二三四"

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class PeriodData(Protocol):
    """What names a report's period: the outlet's assessment and the district's have it."""

    @property
    def period_kind(self) -> str: ...
    @property
    def start(self) -> dt.datetime: ...
    @property
    def end(self) -> dt.datetime: ...


def period_text(data: PeriodData) -> str:
    """2026年度 / 2026年第三季度 / 2026年7月."""
    year = data.start.year
    if data.period_kind == QUARTER:
        return f"{year}年第{_QUARTERS[(data.start.month - 1) // 3]}季度"
    if data.period_kind == MONTH:
        return f"{year}年{data.start.month}月"
    return f"{year}年度"


def span_text(data: PeriodData) -> str:
    last = data.end.date() - dt.timedelta(days=1)
    return f"{data.start.date().isoformat()} 至 {last.isoformat()}"


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return zh.EMPTY
    if unit == "percent":
        return f"{value:.1f}%"
    return f"{value:,.0f}"


def _yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def _rate(value: float | None) -> str:
    return zh.EMPTY if value is None else f"{value:.1f}%"


def report_code(data: DataclassInstance) -> str:
    """SHA-256 of a report's data (a dataclass) without the generation time."""
    plain = dataclasses.asdict(data)
    plain.pop("generated_at", None)
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Writer:
    def __init__(self, data: ad.AssessmentData) -> None:
        self.data = data
        self.s = pc.styles()
        self.story: list[Flowable] = []
        self._section = 0

    def p(self, text: str, style=None):
        return pc.para(text, style or self.s.cell)

    def heading(self, title: str, keep: float = 40 * mm) -> None:
        self._section += 1
        self.story.append(CondPageBreak(keep))
        self.story.append(pc.para(f"{_numeral(self._section)}、{title}", self.s.heading))

    def table(self, header: list[str], rows: list[list[str]], widths: list[float], *,
              numeric_from: int = 1, numeric_to: int | None = None):  # fmt: skip
        cells = [[pc.para(h, self.s.head_cell) for h in header]]
        cells += [[self.p(v) for v in row] for row in rows]
        right = self.s.cell.clone("num", alignment=2)
        for r, row in enumerate(rows, start=1):
            for c in range(numeric_from, len(row) if numeric_to is None else numeric_to):
                cells[r][c] = pc.para(row[c], right)
        table = pc.grid_table(cells, widths, header_rows=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return table

    def fields(self, rows: list[tuple[str, str]]):
        cells = [[pc.para(k, self.s.label), self.p(v)] for k, v in rows]
        return pc.grid_table(cells, [34 * mm, pc.CONTENT_WIDTH - 34 * mm], label_columns=(0,))

    # --- parts -------------------------------------------------------------------------------

    def title_block(self) -> None:
        d = self.data
        title = TITLE_STAFF if d.staff else TITLE
        self.story.append(pc.para(title, self.s.title))
        self.story.append(
            pc.para(f"{d.outlet.name}（{d.outlet.code}）· {d.outlet.district_branch}",
                    self.s.subtitle)
        )  # fmt: skip
        self.story.append(pc.para(f"考核期间：{period_text(d)}（{span_text(d)}）", self.s.subtitle))
        self.story.append(Spacer(1, 3 * mm))

    def overview(self) -> None:
        d = self.data
        self.heading("考核概况")
        who = zh.person(d.staff) if d.staff else f"{d.outlet.name}全体员工"
        state = (
            "考核期间已结束，数据为期末数。"
            if d.finished
            else f"考核期间尚未结束，数据截至 {zh.time(d.generated_at)}。"
        )
        self.story.append(
            self.fields(
                [
                    ("网点", f"{d.outlet.name}（{d.outlet.code}）"),
                    ("上级单位", d.outlet.district_branch),
                    ("考核期间", f"{period_text(d)}（{span_text(d)}）"),
                    ("考核对象", who),
                    ("网点负责人", zh.person(d.head)),
                    ("统计说明", state),
                ]
            )
        )

    def targets(self) -> None:
        d = self.data
        self.heading("投诉控制目标完成情况（第五条第一款）")
        rows = []
        for t in d.targets:
            mark = MARKS.get(t.mark or "", "未设目标")
            rows.append([METRICS.get(t.metric, t.metric), _number(t.target, t.unit),
                         _number(t.actual, t.unit), mark])  # fmt: skip
        w = pc.CONTENT_WIDTH
        self.story.append(
            self.table(["指标", "目标", "实际", "结果"], rows,
                       [w * 0.40, w * 0.18, w * 0.18, w * 0.24], numeric_to=3)
        )  # fmt: skip
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(
            pc.para(
                "说明：件数类指标以不超过目标为达标；回访满意率以不低于目标为达标。"
                "各项按受理（收到、回访）时间计入期间，统计口径同系统“目标”页面。"
                + ("目标与实际为全网点数据。" if d.staff else ""),
                self.s.note,
            )
        )

    def charts(self) -> None:
        d = self.data
        self.heading("投诉趋势与原因分析", keep=80 * mm)
        w = pc.CONTENT_WIDTH
        unit = "日" if d.period_kind == MONTH else "月"
        if d.period_kind == MONTH:
            labels = [p.label for p in d.trend]
        else:
            labels = [f"{int(p.label[5:7])}月" for p in d.trend]
        trend = trend_chart(
            labels,
            [p.value for p in d.trend],
            [p.target for p in d.trend],
            width=w,
            title=f"各{unit}受理投诉件数与目标（{period_text(d)}{'，全网点' if d.staff else ''}）",
            value_label="受理投诉",
            target_label="月度目标",
            axis_title="件数",
        )
        self.story.append(trend)
        if d.causes:
            causes = ranking_chart(
                [_short(zh.vocab_code(db_vocab.CAUSES, c.label)) for c in d.causes],
                [c.value for c in d.causes],
                width=w,
                title=f"投诉原因分布（前{len(d.causes)}位，件）",
            )
            self.story.append(KeepTogether([Spacer(1, 3 * mm), causes]))
        else:
            self.story.append(pc.para("本期间无受理投诉。", self.s.body))

    def liable(self) -> None:
        d = self.data
        self.heading("有责投诉与处罚（第五条第八款）")
        self.story.append(
            pc.para(
                f"本期间有责投诉 {d.liable_total:,} 件；执行处罚 {d.penalty_count:,} 人次，"
                f"合计扣 {d.penalty_points:,} 分，经济处罚 {_yuan(d.penalty_amount)} 元。",
                self.s.body,
            )
        )
        if not d.liable_cases:
            self.story.append(pc.para("无有责投诉。", self.s.body))
            return
        rows = [
            [c.case_no, zh.time(c.received_at), zh.vocab_code(db_vocab.CAUSES, c.cause),
             zh.vocab_code(db_vocab.SEVERITIES, c.severity), "、".join(c.staff) or zh.EMPTY,
             str(c.points) if c.points else zh.EMPTY,
             _yuan(c.amount) if c.amount else zh.EMPTY]
            for c in d.liable_cases
        ]  # fmt: skip
        w = pc.CONTENT_WIDTH
        widths = [36 * mm, 27 * mm, w - 141 * mm, 16 * mm, 24 * mm, 12 * mm, 26 * mm]
        header = ["投诉编号", "受理时间", "投诉原因", "严重程度", "责任人", "扣分", "罚款（元）"]
        self.story.append(self.table(header, rows, widths, numeric_from=5))
        if d.liable_total > len(d.liable_cases):
            more = d.liable_total - len(d.liable_cases)
            self.story.append(Spacer(1, 1.5 * mm))
            self.story.append(
                pc.para(
                    f"以上列出最近受理的 {len(d.liable_cases)} 件，另有 {more:,} 件未列出，"
                    "详见同期投诉台账。",
                    self.s.note,
                )
            )

    def service(self) -> None:
        d = self.data
        wo, cb = d.work_orders, d.callbacks
        w = pc.CONTENT_WIDTH
        self.heading("上级工单答复情况（第五条第五至七款）")
        self.story.append(
            self.table(
                ["收到工单", "按时答复", "超时答复", "逾期未答复", "未到期", "按时答复率"],
                [[f"{wo.total:,}", f"{wo.on_time:,}", f"{wo.late:,}", f"{wo.overdue:,}",
                  f"{wo.running:,}", _rate(wo.on_time_rate)]],
                [w / 6] * 6,
                numeric_from=0,
            )
        )  # fmt: skip
        self.heading("回访与客户满意度")
        self.story.append(
            self.table(
                ["回访次数", "联系上客户", "满意", "基本满意", "不满意", "满意率"],
                [[f"{cb.made:,}", f"{cb.reached:,}", f"{cb.satisfied:,}", f"{cb.basically:,}",
                  f"{cb.unsatisfied:,}", _rate(cb.satisfaction_rate)]],
                [w / 6] * 6,
                numeric_from=0,
            )
        )  # fmt: skip
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(pc.para("满意率 = （满意 + 基本满意）÷ 有回访结果的次数。", self.s.note))
        self.heading("培训教育与纠纷化解（第六条、第七条）")
        self.story.append(
            self.table(
                ["培训场次", "培训时长（小时）", "纠纷登记", "现场化解", "转为投诉"],
                [[f"{d.training_sessions:,}", f"{d.training_hours:,.1f}", f"{d.disputes:,}",
                  f"{d.disputes_defused:,}", f"{d.disputes_converted:,}"]],
                [w / 5] * 5,
                numeric_from=0,
            )
        )  # fmt: skip
        note = (
            "纠纷数为全网点数据；培训时长为网点组织的培训课时合计。"
            if d.staff is None
            else "上级工单与纠纷为全网点数据；回访与培训为本人数据。"
        )
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(pc.para(note, self.s.note))

    def staff(self) -> None:
        d = self.data
        self.heading("员工考核明细" if d.staff is None else "个人考核明细")
        if not d.staff_rows:
            self.story.append(pc.para("无员工记录。", self.s.body))
            return
        rows = []
        for s in d.staff_rows:
            name = s.name if s.active else f"{s.name}（已离岗）"
            rows.append([name, s.employee_no, zh.vocab_code(db_vocab.ROLES, s.role),
                         f"{s.first_asked:,}", f"{s.handled:,}", f"{s.found_liable:,}",
                         f"{s.callbacks_made:,}", f"{s.penalty_points:,}",
                         _yuan(s.penalty_amount), f"{s.training_hours:,.1f}"])  # fmt: skip
        w = pc.CONTENT_WIDTH
        fixed = [20 * mm, 15 * mm, 0, 13 * mm, 13 * mm, 13 * mm, 13 * mm, 13 * mm, 20 * mm, 15 * mm]
        fixed[2] = w - sum(fixed)
        header = ["姓名", "工号", "岗位", "首问", "处理", "有责", "回访", "扣分", "罚款（元）",
                  "培训（时）"]  # fmt: skip
        self.story.append(self.table(header, rows, fixed, numeric_from=3))
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(
            pc.para(
                "首问、处理、有责按期间内受理的投诉计；回访按回访时间计；扣分与罚款按处罚执行"
                "时间计，仅计现行有效的责任认定。",
                self.s.note,
            )
        )

    def signatures(self) -> None:
        d = self.data
        if d.staff is not None:
            roles = [("被考核人", d.staff.name), ("网点负责人（考核人）", d.head.name if d.head else ""),
                     ("上级单位审核", "")]  # fmt: skip
        else:
            roles = [("制表人", ""), ("网点负责人", d.head.name if d.head else ""),
                     ("上级单位审核", "")]  # fmt: skip
        self.signature_block(
            roles,
            "本报告由网点投诉处理台根据数据库生成，页脚校验码为报告数据的 SHA-256 摘要，"
            "用于识别不同时间生成的版本。",
        )

    def signature_block(self, roles: list[tuple[str, str]], hint_text: str) -> None:
        """The opinion box and a signature line (name, signature, date) per role."""
        t = zh.TEXT
        cells = [
            [
                pc.para(h, self.s.head_cell)
                for h in ("", t["sign_name"], t["sign_signature"], t["sign_date"])
            ]
        ]
        cells += [[pc.para(r, self.s.label), self.p(n), "", self.p(t["date_blank"])]
                  for r, n in roles]  # fmt: skip
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
        opinion = pc.grid_table(
            [[pc.para("考核意见", self.s.label), ""]],
            [34 * mm, pc.CONTENT_WIDTH - 34 * mm],
            label_columns=(0,),
            row_heights=[24 * mm],
        )
        hint = pc.para(hint_text, self.s.note)
        self.story.append(
            KeepTogether([heading, opinion, Spacer(1, 3 * mm), table, Spacer(1, 3 * mm), hint])
        )

    def build(self) -> list[Flowable]:
        self.title_block()
        self.overview()
        self.targets()
        self.charts()
        self.liable()
        self.service()
        self.staff()
        self.signatures()
        return self.story


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_assessment_report(data: ad.AssessmentData, target: Path | BinaryIO) -> str:
    """Write the assessment report of ``data`` as a PDF; return its code."""
    code = report_code(data)
    who = f" · {data.staff.name}" if data.staff else ""
    title = TITLE_STAFF if data.staff else TITLE
    head = pc.ReportHead(
        running_head=f"{title} · {period_text(data)}{who}",
        title=f"{title} {data.period}{who}",
        subject=f"{data.outlet.name} {period_text(data)}投诉处理{title}{who}",
        keywords=f"CD-REPORT:assessment:{data.period}:{code} CD-FORMAT:{data.format}",
        outlet_name=data.outlet.name,
        generated_at=data.generated_at,
        code=code,
    )
    pc.write_report(target, head, _Writer(data).build)
    return code


def assessment_report_bytes(data: ad.AssessmentData) -> bytes:
    return pc.pdf_bytes(lambda buffer: write_assessment_report(data, buffer))
