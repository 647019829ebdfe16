"""The Chinese wording of the printed reports, in one place and without Qt.

Reports are official documents and are always Chinese, whatever the interface language.
Stored codes are translated through the interface's own glossary
(resources/translations/zh_CN_glossary.json, keyed by the English label), so a complaint
cause reads the same on screen and on paper. Words that only the reports use are below.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib.resources import files

from db.reporting import report_data as rd
from db.reporting.report_data import Coded

GLOSSARY_FILE = "zh_CN_glossary.json"
TIME_FORMAT = "%Y-%m-%d %H:%M"
EMPTY = "—"


@cache
def _glossary() -> dict[str, str]:
    path = files("resources").joinpath("translations", GLOSSARY_FILE)
    return json.loads(path.read_text(encoding="utf-8"))


# Workflow event kinds that the glossary may not carry yet (db/store/codes.py adds them).
_EVENTS: dict[str, str] = {
    rd.EV_REPORTED: "已报告网点负责人",
    rd.EV_TRANSFER_REQUESTED: "申请转办（与客户取得联系前未正式转办）",
    rd.EV_CONTACT_CONFIRMED: "客户与处理人已取得联系，转办正式生效",
    rd.EV_TRANSFER_CANCELLED: "转办已撤销",
    rd.EV_REPLIED: "已答复客户",
    rd.EV_ESCALATED: "逐级上报",
    rd.EV_FED_BACK: "已向客户反馈处理结果",
    rd.EV_CALLBACK_PLANNED: "安排回访",
    rd.EV_CALLBACK_ATTEMPT: "回访未联系上客户",
    rd.EV_CALLBACK_DONE: "已回访",
    rd.EV_LIABILITY_DETERMINED: "已认定责任",
    rd.EV_CLOSED: "已办结",
    rd.EV_OTHER_OUTLET: "涉及其他网点",
    rd.EV_MARKED_MAJOR: "认定为重大投诉",
    rd.EV_FIRST_CONTACT: "首次联系客户",
    rd.EV_PROPOSAL: "提出解决方案",
    rd.EV_CLOCK_EXTENDED: "延长处理期限",
    rd.EV_CLOCK_PAUSED: "处理期限暂停计算",
    rd.EV_CLOCK_RESUMED: "处理期限恢复计算",
    rd.EV_DECISION: "作出处理决定",
    rd.EV_NOTICE: "已告知客户",
    rd.EV_REVIEW_REQUESTED: "客户申请核查",
    rd.EV_REVIEW_DECIDED: "核查已办结",
    rd.EV_WORKORDER_LINKED: "关联上级工单",
    "reopened": "重新办理",
    "tracking_note": "跟踪记录",
}

# The clocks, each with its source: an article, or this program's default where the rules
# give no time (the provincial practice).
_CBIRC = "银保监会令2020年第3号"
DEADLINE_KINDS: dict[str, str] = {
    "agreed_reply": "约定回复时间",
    "first_contact": "首次联系客户",
    "proposal": "提出解决方案",
    "decision": "作出处理决定",
    "review": "复核决定",
    "workorder_reply": "上级工单回复",
    "callback": "回访",
}
DEADLINE_SOURCES: dict[str, str] = {
    "agreed_reply": "第十条",
    "first_contact": "本程序默认时限",
    "proposal": "本程序默认时限",
    "decision": f"{_CBIRC}第十八条",
    "review": f"{_CBIRC}第二十条",
    "workorder_reply": "第五条",
    "callback": "第五条第七项",
}
assert set(DEADLINE_KINDS) == set(DEADLINE_SOURCES) == set(rd.DEADLINE_KINDS)

DEADLINE_STATES: dict[str, str] = {
    rd.STATE_MET: "按时",
    rd.STATE_LATE: "超期（逾期后完成）",
    rd.STATE_OVERDUE: "超期（尚未完成）",
    rd.STATE_RUNNING: "未到期",
    rd.STATE_PAUSED: "暂停计时",
}

# How long a clock runs, by db.handling.deadlines unit; a fixed time is agreed or set, not counted.
LIMIT_UNITS: dict[str, str] = {
    "hours": "{n} 小时",
    "calendar_days": "{n} 日",
    "working_days": "{n} 个工作日",
}
FIXED_LIMITS: dict[str, str] = {
    "agreed_reply": "与客户约定",
    "workorder_reply": "工单规定",
    "callback": "按回访计划",
}

REVIEW_OUTCOMES: dict[str, str] = {
    "upheld": "维持原认定",
    "changed": "变更原认定",
    "overturned": "推翻原认定",
}

PENALTY_STATES: dict[str, str] = {
    "current": "有效",
    "carried_over": "经复核{review}延续至认定{finding}",
    "withdrawn": "经复核{review}撤销",
    "superseded": "原认定已被复核替代，未记录对本项处罚的处理",
}

CHANGE_FIELDS: dict[str, str] = {
    "liable": "认定结论",
    "responsible": "责任人及责任比例",
    "basis": "违反的职责或规定",
    "cause": "投诉原因",
    "reasons": "认定理由",
}

SECTION_TITLES: dict[str, str] = {
    rd.SECTION_TRANSFERS: "首问责任与转办",
    rd.SECTION_ESCALATIONS: "报告与逐级上报",
    rd.SECTION_WORK_ORDERS: "上级工单",
    rd.SECTION_DECISION: "处理决定与告知",
    rd.SECTION_CALLBACKS: "回访",
    rd.SECTION_LIABILITY: "责任认定与处理",
}

SECTION_EMPTY: dict[str, str] = {
    rd.SECTION_TRANSFERS: "未转办：由首问责任人处理。",
    rd.SECTION_ESCALATIONS: "无报告或上报记录。",
    rd.SECTION_WORK_ORDERS: "无关联的上级工单。",
    rd.SECTION_DECISION: "无处理决定或告知记录。",
    rd.SECTION_CALLBACKS: "无回访记录。",
    rd.SECTION_LIABILITY: "尚未认定责任。",
}

TITLE_INCIDENT = "投诉事件报告"
TITLE_LEDGER = "投诉台账"
CREATOR = "网点投诉处理台 Complaint Desk"

# Field labels of the incident report.
F = {
    "case_no": "投诉编号",
    "received_at": "受理时间",
    "route": "受理渠道",
    "channel": "投诉渠道",
    "business_type": "业务类型",
    "cause": "投诉原因",
    "severity": "紧急程度",
    "status": "当前状态",
    "urgent_triggers": "紧急情形",
    "first_ask_owner": "首问责任人",
    "handler": "处理人",
    "agreed_reply_at": "约定回复时间",
    "closed_at": "办结时间",
    "customer_name": "客户姓名",
    "customer_phone": "联系电话",
    "customer_id_no": "证件号码",
    "remedy_requested": "客户诉求",
    "description": "投诉内容",
    "settlement": "现场处理结果",
    "outlet": "网点",
    "district_branch": "所属县区分公司",
}

# Labels of the escalation, callback and liability tables.
L = {
    "escalation_no": "第 {no} 次上报：{time}，{actor}",
    "level": "上报层级",
    "department": "主管部门",
    "psbc": "同级邮储银行",
    "contacted": "对接人",
    "contacted_at": "对接时间",
    "summary": "上报内容",
    "follow_up": "网点后续工作",
    "results": "处理结果",
    "psbc_yes": "会同：{department}",
    "psbc_no": "未会同",
    "no_results": "尚无反馈或跟踪记录。",
    "result_tracking": "{time} {actor} 跟踪：{text}",
    "result_fed_back": "{time} {actor} 向客户反馈（{method}，{satisfied}）：{text}",
    "satisfied": "客户满意",
    "unsatisfied": "客户不满意",
    "planned": "安排",
    "caller": "回访人",
    "due": "应回访时间",
    "done": "回访时间",
    "method": "方式",
    "result": "客户满意度",
    "notes": "说明",
    "not_reached": "未联系上客户",
    "not_done": "尚未回访",
    "work_order": "工单 {number}",
    "finding_current": "认定{no}（现行）",
    "finding_replaced": "认定{no}（已由复核{review}{outcome}）",
    "determined": "认定时间",
    "determined_value": "{time}，{actor}（{capacity}）",
    "head": "网点负责人",
    "acting_head": "现场负责人",
    "conclusion": "认定结论",
    "liable": "有责",
    "not_liable": "无责",
    "responsible": "责任人及责任比例",
    "responsible_value": "{name}（工号 {employee_no}）{share} %",
    "basis": "违反的职责或规定",
    "cause": "投诉原因",
    "reasons": "认定理由",
    "reasons_not_liable": "无责理由",
    "evidence": "证据材料",
    "evidence_value": "{name}（{size} 字节，{time} {actor} 提交）\nSHA-256：{sha256}",
    "no_evidence": "无",
    "from_review": "来源",
    "from_review_value": "复核{review}对认定{finding}作出的新认定",
    "reviews": "复核记录",
    "review_no": "复核{no}：{time}，{actor}（{capacity}）",
    "penalty_applied": "扣 {points} 分，{amount} 元",
    "review_of": "复核对象",
    "review_of_value": "认定{finding}",
    "outcome": "复核结果",
    "outcome_result": "{outcome}，形成认定{finding}",
    "review_reason": "复核理由",
    "changes": "变更内容",
    "no_changes": "认定内容未变。",
    "change_line": "{field}：{before} → {after}",
    "penalty_actions": "原有处罚的处理",
    "no_penalties_then": "原认定下无处罚。",
    "penalty_carried": "{name}：延续至认定{finding}",
    "penalty_withdrawn": "{name}：撤销",
    "penalties": "处罚",
    "no_penalties": "尚未处罚。",
    "staff": "责任人",
    "under": "依据",
    "points": "扣分",
    "amount": "金额（元）",
    "measures": "措施",
    "state": "状态",
    "penalty_notes": "说明",
    "under_value": "认定{finding}",
    "proposed": "标准建议：{points} 分，{amount} 元，{measures}",
    "changed_reason": "调整理由：{reason}",
    "carried_from": "由认定{finding}延续",
    "withdrawn_note": "撤销说明：{note}",
    "extensions": "处理期限延长",
    "extension": "延长",
    "extension_step": "第 {step} 次",
    "recorded_by": "记录人",
    "approval": "上级批准",
    "approval_value": "{by}{ref}（{time}）",
    "pauses": "处理期限暂停（不计入期限）",
    "pause_kind": "暂停事由",
    "pause_start": "开始",
    "pause_end": "结束",
    "pause_open": "尚未结束",
    "started": "起算",
}

H = {
    "basic": "基本信息",
    "customer": "客户信息",
    "facts": "客户诉求与投诉事实",
    "deadlines": "处理时限",
    "timeline": "处理过程记录",
    "signatures": "签字确认",
    "deadline": "时限",
    "due": "期限",
    "done": "完成时间",
    "result": "结果",
    "no": "序号",
    "time": "时间",
    "actor": "操作人",
    "event": "事项",
    "details": "说明",
}

TEXT = {
    "no_triggers": "无（一般投诉）",
    "masked_note": "客户信息已按规定脱敏显示。",
    "revealed_note": "本报告含客户完整信息，请妥善保管，不得外传。",
    "settled_no_deadline": "现场处理完毕，未约定回复时间。",
    "no_deadline": "未约定回复时间。",
    "not_settled": "未现场处理。",
    "first_ask_line": "首问责任人（第四条、第十条）：{owner}。",
    "handler_line": "当前处理人：{handler}。",
    "reply_by": "约定于 {time} 前回复",
    "deadline_paused": "暂停中，恢复后重算",
    "sign_handler": "经办人",
    "sign_head": "网点负责人（或现场负责人）",
    "sign_customer": "客户确认（可选）",
    "sign_name": "姓名",
    "sign_signature": "签字",
    "sign_date": "日期",
    # No-break spaces: Paragraph collapses every other kind, ideographic ones included.
    "date_blank": "\xa0" * 12 + "年" + "\xa0" * 7 + "月" + "\xa0" * 7 + "日",
    "footer_code": "校验码：{code}",
    "footer_generated": "生成时间：{time}",
    "footer_page": "第 {page} 页 / 共 {pages} 页",
    "qr_caption": "扫码核验",
    "verify_hint": (
        "本报告由网点投诉处理台根据数据库生成。页脚的校验码是报告数据的 SHA-256 摘要，"
        "二维码含投诉编号与校验码；可在程序的报告菜单中核验，或运行命令 "
        "complaint-desk verify 加文件名，核对本报告与数据库记录是否一致。"
    ),
    "subject": "{outlet} 投诉 {case_no} 的事件报告",
    "yes": "是",
    "no": "否",
}


def vocab(value: Coded | None) -> str:
    """Chinese for a stored code: the glossary's translation of its English label."""
    if value is None:
        return EMPTY
    glossary = _glossary()
    zh = glossary.get(f"Vocab|{value.label}") or glossary.get(value.label)
    if zh:
        return zh
    return _EVENTS.get(value.code, value.label)


def vocab_code(vocabulary: dict[str, str], code: str | None) -> str:
    """Chinese for a bare code from one of db.store.vocab's dicts (the ledger's rows)."""
    if not code:
        return EMPTY
    return vocab(rd.coded(vocabulary, code))


def time(value: dt.datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value is not None else EMPTY


def time_cell(value: dt.datetime | None) -> str:
    """Date over time, for narrow table columns."""
    return value.strftime("%Y-%m-%d\n%H:%M") if value is not None else EMPTY


def person(value: rd.PersonRef | None) -> str:
    if value is None:
        return EMPTY
    return f"{value.name}（{vocab(value.role)}，工号 {value.employee_no}）"
