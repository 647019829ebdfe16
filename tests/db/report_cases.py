"""Cases for the report tests, registered through db.cases as the real form does.

Qt-free; the PDF and preview tests in tests/desktop use them too. The texts carry what a
printout gets wrong first: rare name characters (喆 堃 昇 琊 玥, and from the CJK
extensions), full-width punctuation, digits, Latin letters and characters outside the BMP.
The workflow's events (transfer, escalation, callback, liability) are appended with
db.cases.add_event, as the workflow will, so the report's derived sections have something
to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import cases, outlets, vocab
from db import report_data as rd
from db.models import Case, Outlet, Staff, database, now

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


def escalated_case(world: World, *, at: dt.datetime | None = None) -> Case:
    """Transferred, reported, escalated, replied late, called back, liable, closed."""
    at = at or now()
    received = at - dt.timedelta(hours=5)
    agreed = received + dt.timedelta(hours=1)
    case = cases.register_case(
        world.outlet,
        _form(world.lobby, received, customer_name="赵雪梅", agreed_reply_at=agreed),
        actor=world.lobby,
    )
    steps = [
        (rd.EV_TRANSFER_REQUESTED, world.lobby, "转柜员王昇核查流水", None),
        (rd.EV_CONTACT_CONFIRMED, world.teller, "王昇已电话联系客户", None),
        (rd.EV_REPORTED, world.lobby, "客户对初步答复不满意，报告网点负责人", None),
        (rd.EV_ESCALATED, world.head, "上报城东区分公司主管部门", vocab.STATUS_ESCALATED),
        (rd.EV_REPLIED, world.head, "书面答复客户", vocab.STATUS_REPLIED),
        (rd.EV_CALLBACK_DONE, world.head, "网点负责人亲自回访，客户基本满意", None),
        (rd.EV_LIABILITY_DETERMINED, world.head, "有责：柜员操作失误，责任人王昇", None),
        (rd.EV_CLOSED, world.head, "办结", vocab.STATUS_CLOSED),
    ]
    with database.atomic():
        status = case.status
        for i, (kind, actor, note, to_status) in enumerate(steps, start=1):
            cases.add_event(
                case,
                kind,
                actor=actor,
                # After registration (which is stamped "now"), so the reply (step 5)
                # comes after the agreed time: a missed deadline.
                at=at + dt.timedelta(minutes=i),
                from_status=status if to_status else None,
                to_status=to_status,
                note=note,
            )
            status = to_status or status
        Case.update(
            handler=world.teller,
            status=vocab.STATUS_CLOSED,
            is_open=False,
            due_at=None,
            closed_at=at + dt.timedelta(minutes=len(steps)),
        ).where(Case.id == case.id).execute()
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
