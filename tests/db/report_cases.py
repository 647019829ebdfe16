"""Cases for the report tests, registered through db.intake.cases as the real form does.

Qt-free; the PDF and preview tests in tests/desktop use them too. The texts carry what a
printout gets wrong first: rare name characters (喆 堃 昇 琊 玥, and from the CJK
extensions), full-width punctuation, digits, Latin letters and characters outside the BMP.
The escalated case goes through the real workflow (db.handling.workflow, db.handling.decisions, db.handling.callbacks,
db.management.liability, db.management.penalties), so every section of the report has something to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from db.intake import cases, outlets
from db.store import codes, vocab
from db.store.models import Case, LiablePerson, Outlet, Staff, database, now

OUTLET = outlets.OutletSetup(
    outlet_name="琅琊路邮政金融网点",
    outlet_code="LYL01",
    district_branch="城东区分公司",
    head_name="王建国",
    head_employee_no="E1001",
)

URGENT_CUSTOMER = "欧阳玥"
SETTLED_CUSTOMER = "司马喆"
LONG_CUSTOMER = "林堃"
PHONE = "13812345678"
ID_NO = "11010519491231002X"

# Long enough to wrap several times, with closing punctuation all over it.
URGENT_DESCRIPTION = (
    "客户于2026年3月5日在ATM（编号CRS-0042）存入5,000元，系统显示“交易失败”，但卡内未到账；"
    "客户称：“若今日不处理，将联系媒体！”并多次询问：钱去哪了？大堂经理已安抚，"
    "值班主管调取流水（Ref: TXN-20260305-0815）核对，金额为RMB 5,000.00元。"
    "客户另称其姓氏为“𠮷”字异体，要求在记录中照实书写；网点已如实登记，并说明处理时限、"
    "后续联系方式与《银行业保险业消费投诉处理管理办法》的相关规定，客户表示理解，"
    "但坚持要求书面答复！"
)
# Rare name characters beyond WenQuanYi Micro Hei, one from each block the bundled fallback
# fonts cover: 𡈽 Ext. B (U+2123D) and 𰻞 Ext. G (U+30EDE) in the name; 㐀 Ext. A, 𪜶 Ext. C,
# 𫝀 Ext. D, 𫠠 Ext. E, 𬺰 Ext. F, 𱍐 Ext. H and U+2F800 of the compatibility supplement in
# the text, with 𮯰 Ext. I (U+2EBF0), which no bundled font has.
RARE_CUSTOMER = "王𡈽𰻞"
RARE_IN_TEXT = "㐀𪜶𫝀𫠠𬺰𱍐\U0002f800"
NO_FONT_HAS = "\U0002ebf0"
RARE_DESCRIPTION = (
    f"客户{RARE_CUSTOMER}称，其家人姓名中有“{RARE_IN_TEXT}”等字，另有“{NO_FONT_HAS}”字，"
    "柜面系统无法录入，要求网点如实记录并出具书面说明。"
)
SETTLED_DESCRIPTION = "客户办理存折补登时，柜员王昇操作失误，打印位置错行；客户要求重新打印。"
LONG_NOTE = (
    "跟进第{i}次：电话联系客户，说明核查进度，客户表示理解；约定明日10:30前再次回电，"
    "如有新情况，及时报告网点负责人！"
)


@dataclass
class World:
    outlet: Outlet
    head: Staff
    lobby: Staff
    teller: Staff


def make_world() -> World:
    outlet, head = outlets.setup_outlet(OUTLET)
    lobby = outlets.add_staff(outlet, "李琊", "E1002", vocab.ROLE_LOBBY_MANAGER)
    teller = outlets.add_staff(outlet, "王昇", "E1003", vocab.ROLE_TELLER)
    return World(outlet, head, lobby, teller)


def _form(owner: Staff, received: dt.datetime, **changes) -> cases.NewCase:
    fields = dict(
        received_at=received,
        route="outlet_in_person",
        channel="onsite",
        business_type="bank_cards",
        cause="fund_security",
        customer_name="张伟",
        customer_phone=PHONE,
        remedy_requested="要求查明原因并书面答复",
        description="客户反映问题，要求处理。",
        first_ask_owner_id=owner.id,
        outcome=cases.OUTCOME_AGREED,
        agreed_reply_at=received + dt.timedelta(days=1),
    )
    fields.update(changes)
    return cases.NewCase(**fields)


def urgent_case(world: World, *, at: dt.datetime | None = None) -> Case:
    """Urgent (funds at risk, media), open, reply time still ahead."""
    at = at or now()
    received = at - dt.timedelta(hours=2)
    return cases.register_case(
        world.outlet,
        _form(
            world.lobby,
            received,
            customer_name=URGENT_CUSTOMER,
            customer_id_no=ID_NO,
            urgent_triggers=["funds_at_risk", "media_exposure"],
            description=URGENT_DESCRIPTION,
            agreed_reply_at=at + dt.timedelta(days=2),
        ),
        actor=world.lobby,
    )


def settled_case(world: World, *, at: dt.datetime | None = None) -> Case:
    at = at or now()
    return cases.register_case(
        world.outlet,
        _form(
            world.teller,
            at - dt.timedelta(hours=3),
            customer_name=SETTLED_CUSTOMER,
            cause="onsite_transaction_error",
            business_type="rmb_savings",
            description=SETTLED_DESCRIPTION,
            outcome=cases.OUTCOME_SETTLED,
            settlement="当场重新打印并致歉，客户表示满意。",
            agreed_reply_at=None,
        ),
        actor=world.teller,
    )


ESCALATION_SUMMARY = "客户要求退还误扣的跨行手续费200元，超出网点权限；客户电话13812345678。"
FEEDBACK = "区分公司核实后同意退还手续费200元，网点已电话告知客户。"
EVIDENCE_NAME = "柜面监控截图.png"
EVIDENCE_BYTES = b"\x89PNG\r\n\x1a\n counter camera 2026"


def escalated_case(world: World, *, at: dt.datetime | None = None) -> Case:
    """A letter complaint taken through the whole workflow, as the dialogs would:

    transferred, replied late and unsatisfied, reported and escalated to the district
    branch (with PSBC), the decision period extended and paused for an outside appraisal,
    tracked and the result fed back, called back, decided with notice, a review of the
    decision asked for and upheld, liability determined (teller 60 %, lobby manager 40 %,
    with evidence) and penalised, the determination reviewed and changed (teller alone:
    the teller's penalty carried over, the lobby manager's withdrawn), and closed.
    """
    from db.handling import callbacks, decisions, workflow
    from db.management import liability, penalties

    at = at or now()
    b = (at - dt.timedelta(days=20)).replace(hour=9, minute=0, second=0, microsecond=0)

    def t(hours: float = 0, days: float = 0) -> dt.datetime:
        return b + dt.timedelta(days=days, hours=hours)

    head, lobby, teller = world.head, world.lobby, world.teller
    # Registered when it arrived, not when the test runs.
    with mock.patch.object(cases, "now", return_value=t(0.1)):
        case = cases.register_case(
            world.outlet,
            _form(
                lobby,
                b,
                route="outlet_letter",
                customer_name="赵雪梅",
                description="客户来信反映跨行转账被多扣手续费200元，要求退还并书面答复。",
                agreed_reply_at=t(1),
            ),
            actor=lobby,
        )
    workflow.record_first_contact(case, lobby, contact_at=t(0.5), method="phone")
    workflow.transfer(case, lobby, teller, at=t(0.6), note="转柜员王昇核查流水")
    workflow.confirm_contact(case, teller, contact_at=t(0.8), method="phone", at=t(0.8))
    workflow.reply(
        case, teller, content="已核查流水，手续费按标准收取", method="phone",
        customer_satisfied=False, at=t(2),
    )  # fmt: skip
    workflow.report(case, teller, head, at=t(2.5), note="客户对初步答复不满意")
    workflow.escalate(
        case, head, "district_branch", "城东区分公司运营管理部", True, "张主任", t(3),
        ESCALATION_SUMMARY, "网点每日电话联系客户，通报协调进展。",
        psbc_department="邮储银行城东支行", at=t(3),
    )  # fmt: skip
    decisions.extend_decision_clock(
        case, head, reason="需调取跨行清算记录，案情复杂", notice_method="sms",
        notice_at=t(days=1), notice_proof="短信平台发送记录 SMS-0415", at=t(days=1),
    )  # fmt: skip
    decisions.start_pause(
        case, head, kind="appraisal", started_at=t(days=2), reason="交易记录送外部机构鉴定"
    )
    decisions.end_pause(case, head, ended_at=t(days=5), note="鉴定结论已出")
    workflow.add_tracking_note(case, head, "区分公司已受理，预计三日内答复。", at=t(days=4))
    workflow.feed_back(
        case, head, content=FEEDBACK, method="phone", customer_satisfied=True, at=t(days=6)
    )
    callback = callbacks.plan_callback(
        head, due_at=t(days=8), assigned_to=head, case=case, note="负责人亲自回访", at=t(days=6)
    )
    callbacks.record_callback(
        callback, head, method="phone", reached=True, result="basically_satisfied",
        notes="客户表示基本满意，希望今后避免类似差错", at=t(days=7),
    )  # fmt: skip
    decision = decisions.record_decision(
        case, head, findings="系统参数设置错误导致多扣手续费", basis="《收费标准》第三条",
        remedies=list(codes.REMEDIES), at=t(hours=1, days=7),
    )  # fmt: skip
    decisions.record_notice(
        case, head, kind="decision", method="letter_delivered", at=t(hours=2, days=7),
        proof="客户签收回执", decision=decision,
    )  # fmt: skip
    review = decisions.request_review(
        case, lobby, requested_at=t(hours=3, days=7), content="客户要求复核处理决定"
    )
    workflow.report(case, lobby, head, at=t(hours=4, days=7))
    decisions.decide_review(
        review, head, outcome="维持原处理决定", upheld=True, at=t(hours=5, days=7)
    )
    workflow.reply(
        case, head, content="复核维持原决定，已退还手续费", method="phone",
        customer_satisfied=True, at=t(hours=6, days=7),
    )  # fmt: skip
    evidence = Path(str(database.database)).parent / EVIDENCE_NAME
    evidence.write_bytes(EVIDENCE_BYTES)
    original = liability.determine(
        case,
        head,
        liability.Finding(
            liable=True,
            reasons="柜员未核对收费参数，大堂经理未及时报告",
            responsible=[liability.Responsible(teller, 60), liability.Responsible(lobby, 40)],
            basis="第七条第一项：熟悉业务，避免差错",
            cause="fund_security",
        ),
        evidence=[evidence],
        at=t(days=8),
    )
    applied = [
        penalties.apply_penalty(
            LiablePerson.get(
                (LiablePerson.liability == original.id) & (LiablePerson.staff == person.id)
            ),
            head,
            points=points,
            amount=amount,
            measures=["remedial_training"],
            reason_if_changed="首次发生，从轻",
            at=t(hours=1, days=8),
        )
        for person, points, amount in ((teller, 2, 120), (lobby, 1, 80))
    ]
    liability.review(
        original,
        head,
        outcome=codes.REVIEW_CHANGED,
        reason="区分公司复核：大堂经理已按时报告",
        finding=liability.Finding(
            liable=True,
            reasons="柜员未核对收费参数",
            responsible=[liability.Responsible(teller, 100)],
            basis="第七条第一项：熟悉业务，避免差错",
            cause="fund_security",
        ),
        penalties=[
            penalties.PenaltyChoice(applied[0], codes.PENALTY_CARRY_OVER),
            penalties.PenaltyChoice(applied[1], codes.PENALTY_WITHDRAW, "复核认定无责"),
        ],
        at=t(days=9),
    )
    workflow.close_case(case, head, at=t(days=10), note="办结")
    return Case.get_by_id(case.id)


def long_case(world: World, *, notes: int = 160, at: dt.datetime | None = None) -> Case:
    """An open case with a timeline of ``notes`` follow-up notes (several pages)."""
    at = at or now()
    received = at - dt.timedelta(hours=3)
    case = cases.register_case(
        world.outlet,
        _form(
            world.teller,
            received,
            customer_name=LONG_CUSTOMER,
            description="客户反映跨行汇款长期未到账，网点持续跟进。",
            agreed_reply_at=received + dt.timedelta(days=3),
        ),
        actor=world.teller,
    )
    with database.atomic():
        for i in range(1, notes + 1):
            cases.add_event(
                case,
                vocab.EVENT_NOTE,
                actor=world.teller if i % 2 else world.lobby,
                # After the registration events, which are stamped "now".
                at=at + dt.timedelta(minutes=i),
                note=LONG_NOTE.format(i=i),
            )
    return case


def rare_name_case(world: World, *, at: dt.datetime | None = None) -> Case:
    """A customer whose name and description hold characters from the CJK extensions."""
    at = at or now()
    received = at - dt.timedelta(hours=1)
    return cases.register_case(
        world.outlet,
        _form(
            world.lobby,
            received,
            customer_name=RARE_CUSTOMER,
            description=RARE_DESCRIPTION,
            agreed_reply_at=received + dt.timedelta(days=1),
        ),
        actor=world.lobby,
    )
