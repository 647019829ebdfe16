"""Superior work orders for GUI tests: stored ones, and import files as outlets receive them."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from db.store.database import database_path
from db.store.models import Staff, WorkOrder, now
from db.workorders import orders as workorders
from db.workorders.orders import NewWorkOrder
from tests.desktop import case_factory
from tests.desktop.case_factory import Shop
from tests.snapshots import open_snapshot

HEADER_ZH = [
    "来源",
    "工单号",
    "接收时间",
    "回复时限",
    "客户姓名",
    "联系电话",
    "内容",
    "涉及本网点",
    "负责人亲自回访",
]
HEADER_EN = [
    "source",
    "number",
    "received_at",
    "reply_by",
    "customer_name",
    "customer_phone",
    "content",
    "may_concern_outlet",
    "head_callback_required",
]


def stamp(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def good_rows(at: dt.datetime | None = None) -> list[list[str]]:
    """Three valid rows: 95580, the regulator without a reply-by (default), a petition."""
    at = at or now()
    received = at - dt.timedelta(days=1)
    return [
        [
            "95580",
            "95580-1001",
            stamp(received),
            stamp(at + dt.timedelta(days=2)),
            "王建国",
            "13812345678",
            "客户反映排队时间过长",
            "是",
            "是",
        ],
        [
            "12378 / 监管",
            "12378-2002",
            stamp(received),
            "",
            "李秀英",
            "",
            "理财风险提示不足",
            "否",
            "是",
        ],
        [
            "信访",
            "XF-3003",
            stamp(received),
            (at + dt.timedelta(days=5)).strftime("%Y/%m/%d"),
            "陈志强",
            "",
            "存单挂失流程有意见",
            "",
            "",
        ],
    ]


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    encoding: str = "utf-8-sig",
    header: list[str] | None = None,
) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header if header is not None else HEADER_ZH)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, at: dt.datetime | None = None) -> Path:
    """A spreadsheet with real date cells, as a superior office's export has them."""
    from openpyxl import Workbook

    at = (at or now()).replace(microsecond=0)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER_EN)
    received = at - dt.timedelta(hours=5)
    sheet.append(
        [
            "superior_office",
            "SJ-9001",
            received,
            (at + dt.timedelta(days=3)).date(),
            "赵敏",
            "",
            "上级转来：柜员态度生硬",
            1,
            0,
        ]
    )
    sheet.append(
        [
            "95580",
            95580123,
            received,
            at + dt.timedelta(days=1),
            "周杰",
            "13900001111",
            "自助机吞卡",
            "yes",
            "no",
        ]
    )
    book.save(path)
    return path


def add_workorders(shop: Shop, actor: Staff | None = None) -> dict[str, WorkOrder]:
    """Four stored work orders: overdue, near breach, running, and from the regulator."""
    at = now()
    actor = actor or shop.head
    spec = {
        "overdue": NewWorkOrder(
            "95580",
            "W-OVERDUE",
            at - dt.timedelta(days=3),
            at - dt.timedelta(hours=2),
            "王建国",
            "",
            "排队过长",
            True,
            True,
        ),
        "near": NewWorkOrder(
            "superior_office",
            "W-NEAR",
            at - dt.timedelta(hours=20),
            at + dt.timedelta(hours=2),
            "赵敏",
            "",
            "态度生硬",
            False,
            False,
        ),
        "running": NewWorkOrder(
            "petition",
            "W-RUNNING",
            at - dt.timedelta(hours=1),
            at + dt.timedelta(days=30),
            "陈志强",
            "",
            "挂失流程",
            True,
            False,
        ),
        "regulator": NewWorkOrder(
            "regulator_12378",
            "W-REG",
            at - dt.timedelta(hours=3),
            None,
            "李秀英",
            "",
            "风险提示不足",
            False,
            True,
        ),
    }
    return {
        key: workorders.create_workorder(shop.outlet, data, actor) for key, data in spec.items()
    }


def open_shop_with_workorders(tmp_path: Path, cases: int = 5) -> Shop:
    """A database in ``tmp_path`` with one outlet, ``cases`` complaints (``shop.cases``) and
    the four work orders of :func:`add_workorders` (``shop.orders``), copied from one this
    test process filled (tests/snapshots.py)."""

    def build() -> Shop:
        shop = case_factory.make_outlet()
        shop.cases = case_factory.add_cases(shop, cases)  # type: ignore[attr-defined]
        shop.orders = add_workorders(shop)  # type: ignore[attr-defined]
        return shop

    return open_snapshot(
        f"shop-{cases}-workorders",
        build,
        database_path(tmp_path / "data"),
        max_age=case_factory.SNAPSHOT_MAX_AGE_S,
    )
