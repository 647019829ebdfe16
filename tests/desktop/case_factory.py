"""Realistic complaints for GUI tests, registered through db.intake.cases like the real form does.

Every fifth case is of each kind: settled on the spot, overdue, due later today, due in
the future, urgent. Names and descriptions are Chinese so search is tested with the text
users type (1, 2 and 3+ characters take different SQL paths; see db/store/sqlite_features.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from db.intake import cases, outlets
from db.store import vocab
from db.store.database import database_path, open_database
from db.store.models import Case, Outlet, Staff, database, now
from tests.snapshots import open_snapshot

NAMES = ["张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴霞"]
DESCRIPTIONS = [
    "排队时间过长，客户等待一个多小时仍未办理",
    "柜员办理转账时金额录入错误，客户要求更正",
    "客户认为大堂经理服务态度生硬，沟通不畅",
    "理财产品风险说明不清楚，客户要求退回",
    "自助机吞卡后长时间无人处理，客户很着急",
]
CAUSES = list(vocab.CAUSES)
BUSINESS_TYPES = list(vocab.BUSINESS_TYPES)
TRIGGERS = list(vocab.URGENT_TRIGGERS)

KIND_SETTLED, KIND_OVERDUE, KIND_DUE_TODAY, KIND_FUTURE, KIND_URGENT = range(5)


@dataclass
class Shop:
    outlet: Outlet
    head: Staff
    staff: list[Staff]
    made: list[Case] = field(default_factory=list)


def open_temp_database(tmp_path: Path) -> None:
    open_database(database_path(tmp_path / "data"))


def make_outlet() -> Shop:
    outlet, head = outlets.setup_outlet(
        outlets.OutletSetup(
            outlet_name="城关支行营业所",
            outlet_code="GS0101",
            district_branch="城关区分公司",
            head_name="孙丽",
            head_employee_no="E001",
        )
    )
    lobby = outlets.add_staff(outlet, "钱明", "E002", vocab.ROLE_LOBBY_MANAGER)
    teller = outlets.add_staff(outlet, "郑红", "E003", vocab.ROLE_TELLER)
    return Shop(outlet, head, [head, lobby, teller])


def end_of_today(at: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(at.date(), dt.time(23, 59))


def new_case_data(i: int, staff: list[Staff], at: dt.datetime) -> cases.NewCase:
    kind = i % 5
    received = at - dt.timedelta(hours=3 * i + 2)
    data = cases.NewCase(
        received_at=received,
        route="outlet_in_person",
        channel="onsite",
        business_type=BUSINESS_TYPES[i % len(BUSINESS_TYPES)],
        cause=CAUSES[i % len(CAUSES)],
        customer_name=NAMES[i % len(NAMES)],
        customer_phone=f"138{i:08d}",
        description=f"{DESCRIPTIONS[i % len(DESCRIPTIONS)]}（第{i}号）",
        remedy_requested="要求道歉并说明原因",
        first_ask_owner_id=staff[i % len(staff)].id,
    )
    if kind == KIND_SETTLED:
        data.outcome = cases.OUTCOME_SETTLED
        data.settlement = "当场解释并致歉，客户表示满意"
    else:
        data.outcome = cases.OUTCOME_AGREED
        if kind == KIND_OVERDUE:
            data.agreed_reply_at = received + dt.timedelta(minutes=30)
        elif kind == KIND_DUE_TODAY:
            data.agreed_reply_at = end_of_today(at)
        else:
            data.agreed_reply_at = at + dt.timedelta(days=3 + i % 7)
        if kind == KIND_URGENT:
            data.urgent_triggers = [TRIGGERS[i % len(TRIGGERS)]]
    return data


# The cases are placed around the clock (overdue, due later today): a copy of them shown
# later than this is made again.
SNAPSHOT_MAX_AGE_S = 30


def open_shop(tmp_path: Path, count: int) -> Shop:
    """A database in ``tmp_path`` with one outlet and ``count`` cases (``shop.made``),
    copied from one this test process filled (tests/snapshots.py)."""

    def build() -> Shop:
        shop = make_outlet()
        shop.made = add_cases(shop, count)
        return shop

    return open_snapshot(
        f"shop-{count}", build, database_path(tmp_path / "data"), max_age=SNAPSHOT_MAX_AGE_S
    )


def add_cases(shop: Shop, count: int) -> list[Case]:
    """Register ``count`` cases in one transaction (one fsync instead of one per case)."""
    at = now()
    made = []
    with database.atomic():
        for i in range(count):
            made.append(
                cases.register_case(shop.outlet, new_case_data(i, shop.staff, at), actor=shop.head)
            )
    return made


def matches_search(case: Case, text: str) -> bool:
    """The search rule written independently of SQL: a substring of any searched field."""
    return text in case.case_no or text in case.customer_name or text in case.description
