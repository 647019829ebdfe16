"""The case list queries over a hand-built outlet of 30 complaints with known answers.

All times are in June of last year, so that registering them passes the "not in the
future" rule; AT is "now" for the queries: 15 June, 10:00.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from db.intake import cases, outlets, queries
from db.intake.cases import OUTCOME_AGREED, OUTCOME_SETTLED, register_case
from db.intake.queries import CaseFilter, case_count, case_page
from db.store import sqlite_features, vocab
from db.store.database import close_database
from db.store.models import Case, Staff, database, now
from db.trust.masking import mask_name, mask_phone
from tests.db.conftest import OUTLET_SETUP
from tests.db.helpers import valid_case
from tests.snapshots import open_snapshot

Y = now().year - 1
AT = dt.datetime(Y, 6, 15, 10, 0, 0)


def D(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(Y, month, day, hour, minute, second)


SETTLED = "settled"


@dataclass(frozen=True)
class Spec:
    key: str
    received: dt.datetime
    name: str
    description: str
    cause: str
    owner: str  # head / lobby / teller / zhao (deactivated after registering)
    triggers: tuple[str, ...]
    due: dt.datetime | str  # agreed reply time, or SETTLED
    status: str | None = None  # a later status, set directly


# fmt: off
SPECS = [
    Spec("c01", D(6, 1), "李小梅", "存折挂失后补办新存折等了一周",
         "rules_processes", "head", (), D(6, 14, 17)),
    Spec("c02", D(5, 31, 23, 59, 59), "梅志强", "存折打印机故障无法补登",
         "facilities_systems", "lobby", (), SETTLED),
    Spec("c03", D(6, 10, 23, 59, 59), "王芳", "要求补办存折挂失手续费退还",
         "rules_processes", "teller", ("funds_at_risk",), D(6, 15, 9)),
    Spec("c04", D(6, 11), "刘洋", "在梅园路自助银行取款吞卡",
         "facilities_systems", "head", (), D(6, 15, 16)),
    Spec("c05", D(6, 12, 9, 30), "欧阳娜娜", "排队等候超过四十分钟",
         "onsite_long_wait", "lobby", (), D(6, 15, 10)),
    Spec("c06", D(6, 12, 10), "欧阳明", "柜员态度冷淡，问了三次才回答",
         "onsite_attitude", "teller", ("repeat_complaint",), D(6, 16)),
    Spec("c07", D(6, 13, 11), "陈静", "理财产品收益率3%不符合宣传",
         "marketing", "head", ("media_exposure",), D(6, 14, 23, 59, 59)),
    Spec("c08", D(6, 13, 14), "杨帆", "回访时客户说100%满意但要求书面答复",
         "other", "lobby", (), D(6, 20)),
    Spec("c09", D(6, 14, 9), "黄磊", "系统提示错误代码E_1024，转账失败",
         "onsite_transaction_error", "teller", (), D(6, 15, 12)),
    Spec("c10", D(6, 14, 10), "周杰", "ETC扣费争议，要求退还多扣金额",
         "contract_terms", "head", (), D(6, 18), "replied"),
    Spec("c11", D(6, 2, 8, 30), "Sean O'Brien", "外籍客户开户被要求重复提供材料",
         "rules_processes", "lobby", (), D(6, 5), "closed"),
    Spec("c12", D(6, 3, 9, 15), "吴婷", '柜员说"马上办"却让客户等了一小时',
         "onsite_long_wait", "teller", (), D(6, 10), "escalated"),
    Spec("c13", D(6, 4, 10, 20), "郑凯", "回单编号A\\B-778打印错误",
         "onsite_transaction_error", "zhao", (), SETTLED),
    Spec("c14", D(6, 5, 11), "孙悦", "三位老人一起投诉养老金到账延迟",
         "fund_security", "head", ("group_3_plus",), D(6, 15, 18), "reported"),
    Spec("c15", D(6, 6, 15, 45), "马超", "手机银行转账显示成功但对方未收到",
         "fund_security", "zhao", ("funds_at_risk", "regulator_forwarded"), D(6, 8),
         "transfer_pending"),
    Spec("c16", D(6, 7, 9), "朱琳", "叫号机故障导致秩序混乱",
         "facilities_systems", "lobby", (), SETTLED),
    Spec("c17", D(6, 7, 9), "胡军", "柜台少找零钱五十元",
         "onsite_transaction_error", "teller", (), SETTLED),
    Spec("c18", D(6, 8, 13), "郭敏", "信用卡年费未提前告知",
         "information_disclosure", "head", (), D(6, 22)),
    Spec("c19", D(6, 8, 16, 20), "何平", "贷款提前还款违约金计算不清",
         "contract_terms", "lobby", (), D(6, 30), "transferred"),
    Spec("c20", D(6, 9, 10, 10), "高峰", "被强制搭售保险产品",
         "freedom_of_choice", "teller", ("repeat_complaint",), D(6, 12), "callback_done"),
    Spec("c21", D(6, 9, 11, 11), "林晓", "个人信息被泄露接到诈骗电话",
         "information_security", "head", ("media_exposure",), D(6, 25), "fed_back"),
    Spec("c22", D(6, 9, 14), "罗斌", "催收电话态度恶劣",
         "debt_collection", "lobby", (), D(6, 19), "closed"),
    Spec("c23", D(6, 10, 8, 5), "梁宇", "大堂经理解释不清沟通不畅",
         "onsite_poor_communication", "teller", (), SETTLED),
    Spec("c24", D(6, 10, 9), "宋佳", "外币兑换汇率与公示不一致",
         "information_disclosure", "zhao", (), D(6, 17), "liability_determined"),
    Spec("c25", D(6, 11, 10, 30), "谢娟", "存单到期自动转存未通知",
         "information_disclosure", "head", (), D(6, 21)),
    Spec("c26", D(6, 11, 16), "韩雪", "无障碍通道被杂物堵塞",
         "facilities_systems", "lobby", (), SETTLED),
    Spec("c27", D(6, 12, 8, 45), "唐亮", "退还贵金属产品手续繁琐",
         "product_returns", "teller", (), D(6, 26)),
    Spec("c28", D(6, 12, 17, 30), "冯刚", "网点提前十分钟关门",
         "service_attitude_quality", "head", (), SETTLED),
    Spec("c29", D(6, 13, 9, 5), "于洋", "自助填单机无法打印",
         "facilities_systems", "lobby", (), D(6, 16, 9)),
    Spec("c30", D(6, 14, 18), "董欣", "存折密码重置需本人到场的规定不合理",
         "rules_processes", "teller", (), D(6, 24)),
]
# fmt: on
ALL = {s.key for s in SPECS}


@dataclass
class World:
    ids: dict[str, int]  # spec key -> case id
    staff: dict[str, Staff]

    def keys(self, rows) -> set[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return {by_id[r.id] for r in rows}

    def page_keys(self, flt: CaseFilter, **kwargs) -> set[str]:
        rows = case_page(flt, at=AT, limit=1000, **kwargs)
        assert case_count(flt, at=AT) == len(rows)
        return self.keys(rows)


def _build_world() -> World:
    outlet, head = outlets.setup_outlet(OUTLET_SETUP)
    staff = {
        "head": head,
        "lobby": outlets.add_staff(outlet, "李娜", "E1002", vocab.ROLE_LOBBY_MANAGER),
        "teller": outlets.add_staff(outlet, "张伟", "E1003", vocab.ROLE_TELLER),
        "zhao": outlets.add_staff(outlet, "赵敏", "E1004", vocab.ROLE_TELLER),
    }
    ids: dict[str, int] = {}
    with database.atomic():
        for n, spec in enumerate(SPECS):
            settled = spec.due == SETTLED
            data = valid_case(
                staff[spec.owner],
                received_at=spec.received,
                customer_name=spec.name,
                customer_phone=f"1380000{n:04d}",
                description=spec.description,
                cause=spec.cause,
                urgent_triggers=list(spec.triggers),
                outcome=OUTCOME_SETTLED if settled else OUTCOME_AGREED,
                settlement="当场处理完毕" if settled else "",
                agreed_reply_at=None if settled else spec.due,
            )
            case = register_case(outlet, data, actor=head)
            ids[spec.key] = case.id
            if spec.status:
                closed = spec.status == vocab.STATUS_CLOSED
                Case.update(
                    status=spec.status,
                    is_open=not closed,
                    closed_at=D(6, 14) if closed else None,
                ).where(Case.id == case.id).execute()
        Staff.update(active=False).where(Staff.id == staff["zhao"].id).execute()
    return World(ids, staff)


@pytest.fixture
def world(tmp_path) -> Iterator[World]:
    """The thirty complaints of SPECS, registered through the rules once per test process
    and copied for each test (tests/snapshots.py)."""
    yield open_snapshot("queries-world", _build_world, tmp_path / "t.sqlite3")
    close_database()


# --- filters ----------------------------------------------------------------------------


def test_no_filter_lists_everything(world):
    assert world.page_keys(CaseFilter()) == ALL


def test_case_numbers_follow_registration_order(world):
    for n, spec in enumerate(SPECS, start=1):
        assert Case.get_by_id(world.ids[spec.key]).case_no == f"BJ0101-{Y}-{n:06d}"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("settled_on_spot", {"c02", "c13", "c16", "c17", "c23", "c26", "c28"}),
        ("closed", {"c11", "c22"}),
        ("replied", {"c10"}),
        ("escalated", {"c12"}),
        ("received", set()),
        (
            "awaiting_reply",
            {
                "c01",
                "c03",
                "c04",
                "c05",
                "c06",
                "c07",
                "c08",
                "c09",
                "c18",
                "c25",
                "c27",
                "c29",
                "c30",
            },
        ),
    ],
)
def test_filter_by_status(world, status, expected):
    assert world.page_keys(CaseFilter(status=status)) == expected


def test_open_pseudo_status(world):
    closed = {"c02", "c13", "c16", "c17", "c23", "c26", "c28", "c11", "c22"}
    rows = case_page(CaseFilter(status=queries.STATUS_OPEN), at=AT, limit=1000)
    assert world.keys(rows) == ALL - closed
    assert all(r.is_open for r in rows)
    assert {r.status for r in rows} <= vocab.OPEN_STATUSES
    assert queries.open_statuses() == [s for s in vocab.STATUSES if s in vocab.OPEN_STATUSES]


def test_filter_by_severity(world):
    urgent = {"c03", "c06", "c07", "c14", "c15", "c20", "c21"}
    assert world.page_keys(CaseFilter(severity="urgent")) == urgent
    assert world.page_keys(CaseFilter(severity="ordinary")) == ALL - urgent


def test_overdue(world):
    # Open and due strictly before 10:00 on the 15th. c05 is due at exactly 10:00;
    # c11 and c22 are closed although their reply time has passed.
    expected = {"c01", "c03", "c07", "c12", "c15", "c20"}
    assert world.page_keys(CaseFilter(overdue=True)) == expected


def test_due_today(world):
    # Open and still due later on the 15th: c03 fell due earlier today, so it is overdue
    # rather than due today; c06 is due at the midnight that ends the day, so tomorrow.
    expected = {"c04", "c05", "c09", "c14"}
    assert world.page_keys(CaseFilter(due_today=True)) == expected
    # Ticked together they mean "open and due before the end of today".
    overdue = {"c01", "c03", "c07", "c12", "c15", "c20"}
    assert world.page_keys(CaseFilter(due_today=True, overdue=True)) == expected | overdue


def test_status_counts(world):
    assert queries.status_counts(at=AT) == queries.StatusCounts(open=21, overdue=6, due_today=4)
    # A day later, at noon: the four not yet overdue that were due on the 15th are overdue
    # now, and so are the two due on the 16th (c06 at 00:00, c29 at 09:00); nothing else
    # falls due later on the 16th.
    later = queries.status_counts(at=dt.datetime(Y, 6, 16, 12, 0))
    assert later == queries.StatusCounts(open=21, overdue=12, due_today=0)


def test_filter_by_cause(world):
    assert world.page_keys(CaseFilter(cause="facilities_systems")) == {
        "c02",
        "c04",
        "c16",
        "c26",
        "c29",
    }
    assert world.page_keys(CaseFilter(cause="debt_collection")) == {"c22"}
    assert world.page_keys(CaseFilter(cause="marketing", severity="ordinary")) == set()


def test_filter_by_owner_including_inactive_staff(world):
    zhao = world.staff["zhao"]
    assert world.page_keys(CaseFilter(owner_id=zhao.id)) == {"c13", "c15", "c24"}
    rows = case_page(CaseFilter(owner_id=zhao.id), at=AT)
    assert {r.owner_name for r in rows} == {"赵敏"}
    for who in ("head", "lobby", "teller"):
        expected = {s.key for s in SPECS if s.owner == who}
        assert world.page_keys(CaseFilter(owner_id=world.staff[who].id)) == expected


def test_received_range_inclusive_at_both_ends(world):
    keys = world.page_keys(
        CaseFilter(received_from=dt.date(Y, 6, 1), received_to=dt.date(Y, 6, 10))
    )
    assert {"c01", "c03"} <= keys  # 1 June 00:00:00 and 10 June 23:59:59
    assert not {"c02", "c04"} & keys  # 31 May 23:59:59 and 11 June 00:00:00
    assert keys == {s.key for s in SPECS if D(6, 1) <= s.received < D(6, 11)}
    assert len(keys) == 16


def test_received_single_day_across_midnight(world):
    day = dt.date(Y, 6, 10)
    assert world.page_keys(CaseFilter(received_from=day, received_to=day)) == {"c03", "c23", "c24"}
    assert world.page_keys(CaseFilter(received_to=dt.date(Y, 5, 31))) == {"c02"}
    assert world.page_keys(CaseFilter(received_from=dt.date(Y, 6, 14))) == {"c09", "c10", "c30"}


def test_filters_combine(world):
    flt = CaseFilter(
        status=queries.STATUS_OPEN,
        cause="rules_processes",
        received_from=dt.date(Y, 6, 5),
    )
    assert world.page_keys(flt) == {"c03", "c30"}


# --- search -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one character: names and descriptions
        ("梅", {"c01", "c02", "c04"}),
        ("马", {"c12", "c15"}),
        # two characters
        ("存折", {"c01", "c02", "c03", "c30"}),
        ("欧阳", {"c05", "c06"}),
        # three or more (trigram index)
        ("存折挂失", {"c01", "c03"}),
        ("欧阳娜", {"c05"}),
        ("欧阳娜娜", {"c05"}),
        ("自助银行取款", {"c04"}),
        ("  存折挂失  ", {"c01", "c03"}),
        ("不存在的内容", set()),
        # ASCII is matched without regard to case
        ("o'brien", {"c11"}),
        ("SEAN", {"c11"}),
        ("etc", {"c10"}),
        ("et", {"c10"}),
    ],
)
def test_search_text(world, text, expected):
    assert world.page_keys(CaseFilter(search=text)) == expected


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (f"bj0101-{Y}-000007", {"c07"}),
        (f"BJ0101-{Y}-000030", {"c30"}),
        (f"{Y}-00001", {f"c{n}" for n in range(10, 20)}),
        ("-00002", {f"c{n}" for n in range(20, 30)}),
        ("bj", ALL),
        ("Bj0101", ALL),
        ("000030", {"c30"}),
    ],
)
def test_search_case_number_fragment(world, fragment, expected):
    assert world.page_keys(CaseFilter(search=fragment)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%", {"c07", "c08"}),
        ("0%", {"c08"}),  # unescaped, '%0%%' would match every case number
        ("3%不", {"c07"}),
        ("%%", set()),
        ("_", {"c09"}),  # unescaped, '_' matches any character
        ("E_", {"c09"}),  # unescaped, 'E_' would also match 'ET' and 'ea'
        ("E_1", {"c09"}),
        ("___", set()),
        ("'", {"c11"}),
        ("O'B", {"c11"}),
        ("''", set()),
        ('"', {"c12"}),
        ('"马上办"', {"c12"}),
        ('""', set()),
        ("\\", {"c13"}),
        ("A\\B", {"c13"}),
        ("*", set()),
        ("存折*", set()),
        ("NEAR", set()),
        ("存折 OR 叫号", set()),
        ("-", ALL),
    ],
)
def test_search_special_characters_are_literal(world, text, expected):
    assert world.page_keys(CaseFilter(search=text)) == expected


def test_search_follows_edits(world):
    case_id = world.ids["c01"]
    Case.update(description="客户要求更换网点经理").where(Case.id == case_id).execute()
    assert "c01" not in world.page_keys(CaseFilter(search="存折挂失"))
    assert world.page_keys(CaseFilter(search="更换网点经理")) == {"c01"}


def test_search_combined_with_filters(world):
    flt = CaseFilter(search="存折", status=queries.STATUS_OPEN)
    assert world.page_keys(flt) == {"c01", "c03", "c30"}


# --- counting, sorting and paging -------------------------------------------------------

FILTERS = [
    CaseFilter(),
    CaseFilter(status=queries.STATUS_OPEN),
    CaseFilter(overdue=True),
    CaseFilter(severity="urgent"),
    CaseFilter(search="存折"),
    CaseFilter(search="存折挂失"),
    CaseFilter(received_from=dt.date(Y, 6, 7), received_to=dt.date(Y, 6, 9)),
    CaseFilter(cause="no_such_cause"),
]


@pytest.mark.parametrize("flt", FILTERS)
def test_count_equals_rows_over_all_pages(world, flt):
    total = case_count(flt, at=AT)
    rows = []
    offset = 0
    while True:
        page = case_page(flt, at=AT, offset=offset, limit=4)
        rows += page
        if len(page) < 4:
            break
        offset += 4
    assert len(rows) == total
    assert len({r.id for r in rows}) == total


def _sort_value(case: Case, key: str):
    if key == "owner":
        return case.first_ask_owner.name
    return getattr(case, key)


def _expected_order(key: str, descending: bool) -> list[int]:
    """The column, then (as the indexes order ties) the owner's id for owner names, the
    time received, and the id."""

    def sort_key(case: Case):
        value = _sort_value(case, key)
        ties = [case.first_ask_owner_id] if key == "owner" else []
        if key != "received_at":
            ties.append(case.received_at)
        return (value is not None, value if value is not None else 0, *ties, case.id)

    return [c.id for c in sorted(Case.select(), key=sort_key, reverse=descending)]


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", sorted(queries.SORT_COLUMNS))
def test_sorting_with_stable_tie_break(world, key, descending):
    rows = case_page(CaseFilter(), at=AT, sort=key, descending=descending, limit=1000)
    assert [r.id for r in rows] == _expected_order(key, descending)


def test_ties_are_broken_by_id(world):
    rows = case_page(CaseFilter(), at=AT, sort="received_at", descending=False)
    positions = {r.id: i for i, r in enumerate(rows)}
    # c16 and c17 were received at the same minute.
    assert positions[world.ids["c17"]] == positions[world.ids["c16"]] + 1
    rows = case_page(CaseFilter(), at=AT, sort="received_at", descending=True)
    positions = {r.id: i for i, r in enumerate(rows)}
    assert positions[world.ids["c16"]] == positions[world.ids["c17"]] + 1


def test_unknown_sort_key_falls_back_to_received(world):
    rows = case_page(CaseFilter(), at=AT, sort="'; DROP TABLE complaint_case; --")
    assert [r.id for r in rows] == _expected_order("received_at", True)


@pytest.mark.parametrize("page_size", [1, 7, 29, 30, 31])
@pytest.mark.parametrize("key", sorted(queries.SORT_COLUMNS))
def test_paging_has_no_gaps_or_duplicates(world, key, page_size):
    full = [r.id for r in case_page(CaseFilter(), at=AT, sort=key, limit=1000)]
    paged: list[int] = []
    for offset in range(0, 31, page_size):
        paged += [
            r.id for r in case_page(CaseFilter(), at=AT, sort=key, offset=offset, limit=page_size)
        ]
    assert paged == full
    assert case_page(CaseFilter(), at=AT, sort=key, offset=30, limit=10) == []


def test_rows_carry_masked_phone_and_owner(world):
    rows = case_page(CaseFilter(search="欧阳娜娜"), at=AT)
    (row,) = rows
    assert row.customer_phone_masked == "138****0004"
    assert row.owner_name == "李娜"
    assert row.received_at == D(6, 12, 9, 30)
    assert row.due_at == D(6, 15, 10)
    assert row.is_open is True
    assert (row.status, row.severity, row.cause, row.channel) == (
        "awaiting_reply",
        "ordinary",
        "onsite_long_wait",
        "onsite",
    )


# --- timeline ---------------------------------------------------------------------------


def test_case_timeline_order_and_actor_names(world):
    case = Case.get_by_id(world.ids["c03"])
    lobby, teller = world.staff["lobby"], world.staff["teller"]
    registered_at = queries.case_timeline(case.id)[0].at
    later = registered_at + dt.timedelta(hours=1)
    # Written out of time order: a later note first, then a back-dated one.
    cases.add_event(case, "note", actor=lobby, at=later, note="客户来电询问进度")
    cases.add_event(case, "note", actor=None, at=D(6, 11, 9), note="系统提醒")
    cases.add_event(case, "note", actor=teller, at=later, note="同一时刻的第二条")
    timeline = queries.case_timeline(case.id)

    assert [(e.kind, e.note) for e in timeline] == [
        ("note", "系统提醒"),
        ("registered", ""),
        ("urgent_triggered", ""),
        ("reply_time_agreed", ""),
        ("note", "客户来电询问进度"),
        ("note", "同一时刻的第二条"),
    ]
    assert [e.at for e in timeline] == sorted(e.at for e in timeline)
    assert [e.actor_name for e in timeline] == ["", "王建国", "王建国", "王建国", "李娜", "张伟"]
    assert timeline[2].data == {"triggers": ["funds_at_risk"]}
    assert (timeline[3].from_status, timeline[3].to_status) == ("received", "awaiting_reply")
    assert registered_at == timeline[2].at == timeline[3].at
    assert queries.case_timeline(case.id + 1000) == []


def test_timeline_of_an_inactive_actor_keeps_the_name(world):
    zhao = world.staff["zhao"]
    case = Case.get_by_id(world.ids["c15"])
    cases.add_event(case, "note", actor=zhao, at=D(6, 7), note="离职前交接")
    assert "赵敏" in [e.actor_name for e in queries.case_timeline(case.id)]


# --- masking ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("01065123456", "010****3456"),
        ("075588881234", "075*****1234"),
        ("4008208888", "400***8888"),
        ("12345678", "123*5678"),
        ("1234567", "*******"),
        ("95580", "*****"),
        ("", ""),
    ],
)
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三", "张*"),
        ("李秀英", "李**"),
        ("欧阳娜娜", "欧***"),
        ("王", "王*"),
        ("𠀀𪚥", "𠀀*"),
        ("Sean O'Brien", "S***********"),
        ("", ""),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


# --- query plans ------------------------------------------------------------------------


@contextmanager
def captured_sql() -> Iterator[list[tuple[str, list]]]:
    """The statements peewee executes (it logs each as (sql, params) at DEBUG)."""
    statements: list[tuple[str, list]] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if isinstance(record.msg, tuple):
                statements.append(record.msg)

    logger = logging.getLogger("peewee")
    handler = Catch(level=logging.DEBUG)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def _plan(sql: str, params) -> list[str]:
    rows = database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return [r[3] for r in rows]


def _page_plan(flt: CaseFilter, **kwargs) -> list[str]:
    with captured_sql() as statements:
        case_page(flt, at=AT, **kwargs)
    (statement,) = [s for s in statements if "LIMIT" in s[0] and "JOIN" in s[0]]
    return _plan(*statement)


def _full_scans(plan: list[str]) -> list[str]:
    """Plan lines that read the whole complaint table (the list's SQL aliases it c)."""
    return [
        line
        for line in plan
        if re.match(r"SCAN (c|t1|complaint_case)\b", line) and "INDEX" not in line
    ]


def test_long_search_uses_the_trigram_index(world):
    plan = _page_plan(CaseFilter(search="存折挂失"))
    assert any(sqlite_features.SEARCH_TABLE in line and "VIRTUAL TABLE" in line for line in plan), (
        plan
    )
    assert _full_scans(plan) == [], plan


def test_short_search_uses_the_grams_index(world):
    """One or two letters or digits: a token lookup in the grams index, not a LIKE scan."""
    with captured_sql() as statements:
        case_page(CaseFilter(search="存折"), at=AT)
    (sql, params) = [s for s in statements if "LIMIT" in s[0] and "JOIN" in s[0]][0]
    assert sqlite_features.GRAMS_TABLE in sql
    assert "LIKE" not in sql.upper()
    assert '"存折"' in params


def test_short_search_with_punctuation_falls_back_to_like(world):
    with captured_sql() as statements:
        case_page(CaseFilter(search="-0"), at=AT)
    (sql, params) = [s for s in statements if "LIMIT" in s[0] and "JOIN" in s[0]][0]
    assert sqlite_features.GRAMS_TABLE not in sql
    assert "LIKE" in sql.upper()
    assert "%-0%" in params


@pytest.mark.parametrize("text", ["张", "存折", "秀英", "Ab", "01", "9"])
def test_grams_index_finds_what_like_finds(world, text):
    """The index answers exactly as a LIKE scan would, for every short query."""
    like = {
        c.id
        for c in Case.select().where(
            Case.case_no.contains(text)
            | Case.customer_name.contains(text)
            | Case.description.contains(text)
        )
    }
    assert {r.id for r in case_page(CaseFilter(search=text), at=AT, limit=1000)} == like
    assert case_count(CaseFilter(search=text), at=AT) == len(like)


def test_grams_follow_edits_and_deletes(world):
    case = Case.select().first()
    Case.update(customer_name="欧阳喆").where(Case.id == case.id).execute()
    assert [r.id for r in case_page(CaseFilter(search="阳喆"), at=AT)] == [case.id]
    assert sqlite_features.grams("A-bc 12") == "a b bc c 1 12 2"


def test_the_count_uses_the_search_index(world):
    """The count with a search and another filter (not answered from the index alone)."""
    flt = CaseFilter(search="存折挂失", severity="urgent")
    with captured_sql() as statements:
        case_count(flt, at=AT)
    (sql, params) = [s for s in statements if "count(*)" in s[0] and "complaint_case" in s[0]][-1]
    assert sqlite_features.SEARCH_TABLE in sql
    plan = _plan(sql, params)
    assert any(sqlite_features.SEARCH_TABLE in line for line in plan), plan
    assert _full_scans(plan) == [], plan


@pytest.mark.parametrize(
    ("flt", "index"),
    [
        (CaseFilter(status="awaiting_reply"), "complaint_case_status_received_at"),
        (CaseFilter(severity="urgent"), "complaint_case_severity_received_at"),
        (CaseFilter(cause="fund_security"), "complaint_case_cause_received_at"),
        (CaseFilter(received_from=dt.date(Y, 6, 10)), "complaint_case_received_at"),
    ],
)
def test_filter_ordered_by_received_uses_an_index(world, flt, index):
    plan = _page_plan(flt, sort="received_at", descending=True)
    assert _full_scans(plan) == [], plan
    assert any(index in line for line in plan), plan
    assert not any("TEMP B-TREE" in line for line in plan), plan


def test_owner_filter_uses_an_index(world):
    plan = _page_plan(CaseFilter(owner_id=world.staff["head"].id))
    assert _full_scans(plan) == [], plan


def test_status_bar_counts_are_index_only(world):
    with captured_sql() as statements:
        queries.status_counts(at=AT)
    assert len(statements) == 3
    for statement in statements:
        plan = _plan(*statement)
        assert any("COVERING INDEX complaint_case_is_open_due_at" in line for line in plan), plan
