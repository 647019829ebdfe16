"""Superior work orders (Art. 5): manual entry, all-or-nothing idempotent import from CSV
(UTF-8, UTF-8 with BOM, GBK) and XLSX, the reply record and the link to a case.

The files are written by the tests into tmp_path."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from db.handling import deadlines, rules, workflow
from db.store import codes
from db.store.models import WorkOrder
from db.workorders import orders as workorders
from db.workorders.orders import NewWorkOrder, WorkOrderImportError
from tests.db.workflow_fixtures import (
    T0,
    World,
    at,
    dump,
    events,
    last_event,
    refused,
    world,
)

__all__ = ["world"]

ZH_HEADER = [
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
EN_HEADER = [
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
ROWS = [
    [
        "95580",
        "KF20260928001",
        "2026-09-28 09:15",
        "2026-09-30 17:00",
        "李秀英",
        "13812345678",
        "客户反映网点排队时间过长",
        "是",
        "否",
    ],
    [
        "12378",
        "JG-0928-17",
        "2026/9/28 10:02",
        "",
        "赵德明",
        "010-62345678",
        "客户称理财产品宣传夸大收益",
        "否",
        "是",
    ],
    [
        "上级机构",
        "SJ-77",
        "2026年9月28日 11:30",
        "2026-10-09",
        "欧阳娜娜",
        "",
        "客户对存折补登收费有异议",
        "",
        "",
    ],
    [
        "信访",
        "XF-2026-3",
        "2026-09-28",
        "2026-10-12 12:00",
        "孙强",
        "13900001111",
        "客户来信投诉柜员态度",
        "1",
        "0",
    ],
]


def write_csv(
    path: Path, rows: list[list[object]], encoding: str = "utf-8", header: list[str] = ZH_HEADER
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = ZH_HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def stored() -> dict[tuple[str, str], WorkOrder]:
    return {(w.source, w.number): w for w in WorkOrder.select()}


# --- import -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_import_in_every_encoding(world: World, tmp_path: Path, encoding: str):
    path = write_csv(tmp_path / f"orders-{encoding}.csv", ROWS, encoding)
    result = workorders.import_workorders(path, world.lobby)
    assert (result.created, result.skipped) == (4, 0)
    orders = stored()
    first = orders[("95580", "KF20260928001")]
    assert first.received_at == dt.datetime(2026, 9, 28, 9, 15)
    assert first.reply_by == dt.datetime(2026, 9, 30, 17, 0)
    assert first.customer_phone == "13812345678" and first.customer_name == "李秀英"
    assert first.may_concern_outlet and not first.head_callback_required
    assert first.created_by_id == world.lobby.id and first.import_file == path.name
    regulator = orders[(codes.SOURCE_REGULATOR, "JG-0928-17")]
    # no reply-by given: the internal limit, 5 working days across National Day (rule
    # workorder_reply_working_days; Saturday 10 Oct is worked)
    assert regulator.reply_by == deadlines.end_of_day(dt.date(2026, 10, 10))
    assert regulator.reply_by_default and not first.reply_by_default
    assert regulator.head_callback_required and regulator.customer_phone == "01062345678"
    superior = orders[(codes.SOURCE_SUPERIOR, "SJ-77")]
    assert superior.received_at == dt.datetime(2026, 9, 28, 11, 30)
    assert superior.reply_by == deadlines.end_of_day(dt.date(2026, 10, 9))  # a bare date
    assert not superior.may_concern_outlet
    petition = orders[(codes.SOURCE_PETITION, "XF-2026-3")]
    assert petition.received_at == dt.datetime(2026, 9, 28)
    assert petition.may_concern_outlet and not petition.head_callback_required


def test_xlsx_import_with_english_headers_and_typed_cells(world: World, tmp_path: Path):
    rows = [
        [
            "95580",
            20260928001,
            dt.datetime(2026, 9, 28, 9, 15),
            dt.datetime(2026, 9, 30, 17),
            "李秀英",
            13812345678,
            "客户反映排队时间长",
            True,
            False,
        ],
        [
            "regulator_12378",
            "JG-1",
            dt.datetime(2026, 9, 28, 10),
            dt.date(2026, 10, 9),
            "赵德明",
            None,
            "理财宣传",
            "yes",
            "no",
        ],
    ]
    path = write_xlsx(tmp_path / "orders.xlsx", rows, header=EN_HEADER)
    result = workorders.import_workorders(path, world.head)
    assert result.created == 2
    orders = stored()
    first = orders[("95580", "20260928001")]
    assert first.customer_phone == "13812345678" and first.may_concern_outlet
    assert orders[(codes.SOURCE_REGULATOR, "JG-1")].reply_by == deadlines.end_of_day(
        dt.date(2026, 10, 9)
    )


def test_import_is_idempotent(world: World, tmp_path: Path):
    path = write_csv(tmp_path / "orders.csv", ROWS)
    assert workorders.import_workorders(path, world.lobby).created == 4
    before = dump()
    again = workorders.import_workorders(path, world.lobby)
    assert (again.created, again.skipped) == (0, 4)
    assert sorted(again.skipped_numbers) == sorted(r[1] for r in ROWS)
    assert dump() == before
    # the same orders in another format and one new order
    more = [
        *ROWS[:2],
        [
            "95580",
            "KF-NEW",
            "2026-09-29 08:00",
            "2026-10-09 17:00",
            "周婷",
            "",
            "新工单",
            "否",
            "否",
        ],
    ]
    result = workorders.import_workorders(write_xlsx(tmp_path / "more.xlsx", more), world.lobby)
    assert (result.created, result.skipped) == (1, 2)
    assert WorkOrder.select().count() == 5


def _bad(rows_changes: dict[int, dict[int, object]]) -> list[list[object]]:
    rows = [list(r) for r in ROWS]
    for index, changes in rows_changes.items():
        for column, value in changes.items():
            rows[index][column] = value
    return rows


@pytest.mark.parametrize(
    ("changes", "row", "code"),
    [
        ({2: {2: "28/09/2026"}}, 4, "bad_datetime"),
        ({2: {2: "2026-02-30 10:00"}}, 4, "bad_datetime"),
        ({1: {0: "电视台"}}, 3, "unknown_code"),
        ({0: {1: ""}}, 2, "text_required"),
        ({3: {4: ""}}, 5, "text_required"),
        ({3: {6: "  "}}, 5, "text_required"),
        ({0: {5: "12345"}}, 2, "bad_phone"),
        ({0: {7: "也许"}}, 2, "bad_flag"),
        ({0: {3: "2026-09-27 10:00"}}, 2, "not_after"),
        ({2: {3: ""}}, 4, "reply_by_required"),
        ({3: {2: "2099-01-01 09:00", 3: "2099-01-05"}}, 5, "in_future"),
        ({3: {1: "KF20260928001", 0: "95580客服中心"}}, 5, "duplicate_in_file"),
    ],
)
def test_a_bad_row_refuses_the_whole_file(world: World, tmp_path: Path, changes, row, code):
    path = write_csv(tmp_path / "bad.csv", _bad(changes))
    before = dump()
    with pytest.raises(WorkOrderImportError) as excinfo:
        workorders.import_workorders(path, world.lobby)
    error = excinfo.value
    assert (error.row, error.code) == (row, code), error.message
    assert error.reason and str(error) == f"Row {row}: {error.reason}"
    assert dump() == before


def test_bad_row_in_xlsx_is_refused_whole(world: World, tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[3][2] = "not a date"
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    before = dump()
    with pytest.raises(WorkOrderImportError) as excinfo:
        workorders.import_workorders(path, world.lobby)
    assert excinfo.value.row == 5 and excinfo.value.code == "bad_datetime"
    assert dump() == before


def test_files_refused_as_a_whole(world: World, tmp_path: Path):
    cases = {
        "missing.csv": (
            write_csv(tmp_path / "missing.csv", [r[:2] for r in ROWS], header=ZH_HEADER[:2]),
            1,
            "missing_columns",
        ),
        "empty.csv": (write_csv(tmp_path / "empty.csv", []), 0, "empty_file"),
        "blank.csv": (tmp_path / "blank.csv", 0, "empty_file"),
        "orders.xls": (tmp_path / "orders.xls", 0, "unsupported_file"),
        "broken.xlsx": (tmp_path / "broken.xlsx", 0, "unreadable_file"),
        "nowhere.csv": (tmp_path / "nowhere.csv", 0, "unreadable_file"),
    }
    (tmp_path / "blank.csv").write_text("\n\n", encoding="utf-8")
    late_header = tmp_path / "late_header.csv"
    late_header.write_text("\n\n来源,工单号\n95580,X1\n", encoding="utf-8")
    cases["late_header.csv"] = (late_header, 3, "missing_columns")
    (tmp_path / "orders.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    for name, (path, row, code) in cases.items():
        before = dump()
        with pytest.raises(WorkOrderImportError) as excinfo:
            workorders.import_workorders(path, world.lobby)
        assert (excinfo.value.row, excinfo.value.code) == (row, code), name
        assert dump() == before
    error = pytest.raises(
        WorkOrderImportError, workorders.import_workorders, cases["missing.csv"][0], world.lobby
    ).value
    assert "received_at" in error.message and "customer_name" in error.message


def test_blank_rows_and_extra_columns_are_ignored(world: World, tmp_path: Path):
    header = ["序号", *ZH_HEADER, "备注"]
    rows = [[1, *ROWS[0], "加急"], ["", *[""] * len(ZH_HEADER), ""], [2, *ROWS[3], ""]]
    path = write_csv(tmp_path / "extra.csv", rows, header=header)
    assert workorders.import_workorders(path, world.lobby).created == 2


def test_import_by_inactive_staff_is_refused(world: World, tmp_path: Path):
    world.teller.active = False
    world.teller.save()
    path = write_csv(tmp_path / "orders.csv", ROWS)
    refused(lambda: workorders.import_workorders(path, world.teller), "inactive_staff")


# --- manual entry -------------------------------------------------------------------------


def new(**changes) -> NewWorkOrder:
    fields = dict(
        source="95580",
        number="KF1",
        received_at=at(1),
        reply_by=at(30),
        customer_name="李秀英",
        customer_phone="138 1234 5678",
        content="排队时间长",
    )
    fields.update(changes)
    return NewWorkOrder(**fields)


def test_manual_entry(world: World):
    wo = workorders.create_workorder(world.outlet, new(may_concern_outlet=True), world.head)
    assert wo.customer_phone == "13812345678" and wo.may_concern_outlet
    refused(
        lambda: workorders.create_workorder(world.outlet, new(), world.head), "workorder_duplicate"
    )
    # the same number from another source is another order
    workorders.create_workorder(world.outlet, new(source="petition"), world.head)
    refused(
        lambda: workorders.create_workorder(world.outlet, new(source="tv", number="A"), world.head),
        "unknown_code",
    )
    refused(
        lambda: workorders.create_workorder(
            world.outlet, new(number="B", reply_by=None), world.head
        ),
        "reply_by_required",
    )
    refused(
        lambda: workorders.create_workorder(world.outlet, new(number="C", content=""), world.head),
        "text_required",
    )
    refused(
        lambda: workorders.create_workorder(world.outlet, new(number="D" * 61), world.head),
        "text_too_long",
    )


# --- reply and link -----------------------------------------------------------------------


def test_reply_record(world: World):
    wo = workorders.create_workorder(world.outlet, new(), world.lobby)
    refused(
        lambda: workorders.record_workorder_reply(wo, world.lobby, content="", at=at(2)),
        "text_required",
    )
    refused(
        lambda: workorders.record_workorder_reply(wo, world.lobby, content="已回复", at=T0),
        "not_after",
    )
    workorders.record_workorder_reply(wo, world.lobby, content="已联系客户并解释", at=at(2))
    assert (wo.replied_at, wo.replied_by_id, wo.reply_content) == (
        at(2),
        world.lobby.id,
        "已联系客户并解释",
    )
    refused(
        lambda: workorders.record_workorder_reply(wo, world.head, content="再次", at=at(3)),
        "already_replied",
    )
    assert deadlines.workorder_clock(wo, at(5)).state == deadlines.STATE_MET


def test_link_to_a_case(world: World):
    w = world
    case = w.case()
    wo = workorders.create_workorder(
        w.outlet, new(source="regulator_12378", reply_by=None), w.lobby
    )
    workorders.link_workorder(wo, case, w.lobby, at=at(2))
    assert wo.case_id == case.id
    assert events(case)[-2:] == ["urgent_triggered", codes.EVENT_WORKORDER_LINKED]
    assert case.severity == "urgent" and "regulator_forwarded" in case.urgent_triggers
    assert workflow.report_owed(case) == "urgent"
    refused(lambda: workorders.link_workorder(wo, case, w.lobby, at=at(3)), "already_linked")
    workorders.record_workorder_reply(wo, w.lobby, content="已回复监管", at=at(3))
    event = last_event(case)
    assert event.kind == codes.EVENT_WORKORDER_REPLIED
    assert json.loads(event.data)["work_order"] == wo.id
    closed = w.case(outcome="settled", settlement="当场解决", agreed_reply_at=None)
    other = workorders.create_workorder(w.outlet, new(number="KF2"), w.lobby)
    refused(lambda: workorders.link_workorder(other, closed, w.lobby, at=at(3)), "case_closed")


def test_due_queries(world: World):
    w = world
    a = workorders.create_workorder(w.outlet, new(number="A", reply_by=at(5)), w.lobby)
    b = workorders.create_workorder(w.outlet, new(number="B", reply_by=at(40)), w.lobby)
    c = workorders.create_workorder(w.outlet, new(number="C", reply_by=at(3)), w.lobby)
    workorders.record_workorder_reply(c, w.lobby, content="已回复", at=at(2))
    assert [x.id for x in workorders.open_workorders(w.outlet)] == [a.id, b.id]
    assert [x.id for x in workorders.workorders_due(at(1), w.outlet)] == [a.id]
    assert [x.id for x in workorders.workorders_due(at(38))] == [a.id, b.id]
    assert workorders.workorder_by_number(w.outlet, "95580", "B").id == b.id
    # A runs from T0+1h to T0+5h: 80% is reached at T0+4h12m
    assert workorders.workorders_near_breach(at(4)) == []
    assert [x.id for x in workorders.workorders_near_breach(at(4.25), w.outlet)] == [a.id]
    assert workorders.workorders_near_breach(at(6)) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("95580", "95580"),
        ("95580客服中心", "95580"),
        (95580, "95580"),
        ("12378", "regulator_12378"),
        ("监管转办", "regulator_12378"),
        ("上级机构", "superior_office"),
        ("superior_office", "superior_office"),
        ("信访", "petition"),
        ("Petition", "petition"),
    ],
)
def test_source_names(value, expected):
    assert workorders.parse_source(value) == expected


def test_parsers():
    assert workorders.parse_datetime("2026-9-8 7:05") == dt.datetime(2026, 9, 8, 7, 5)
    assert workorders.parse_datetime("2026.09.08 07:05:09") == dt.datetime(2026, 9, 8, 7, 5, 9)
    assert workorders.parse_datetime("2026年9月8日 7时5分") == dt.datetime(2026, 9, 8, 7, 5)
    assert workorders.parse_datetime("2026-09-08T07:05:00") == dt.datetime(2026, 9, 8, 7, 5)
    assert workorders.parse_datetime("  ") is None
    assert workorders.parse_datetime("2026-09-08", end_of_day=True) == dt.datetime(
        2026, 9, 8, 23, 59, 59
    )
    assert [workorders.parse_flag(v) for v in ("是", "否", "Y", "", None, 1, 0.0, True)] == [
        True,
        False,
        True,
        False,
        False,
        True,
        False,
        True,
    ]


def test_a_default_reply_by_is_bounded_by_the_linked_cases_decision_deadline(world: World):
    w = world
    settings_key = "workorder_reply_working_days"
    rules.set_rule(settings_key, 20, actor=w.head)
    # The case of Mon 28 Sep must be decided by Tue 13 Oct (15 days, CBIRC Art. 18).
    case = w.case()
    later = dt.datetime(2026, 10, 9, 9, 0)
    # Received Fri 9 Oct, 20 working days would run to 6 Nov, its own decision deadline to
    # Mon 26 Oct (24 Oct is a Saturday): linked at once, the case's 13 Oct governs.
    linked = workorders.create_workorder(
        w.outlet,
        new(source="regulator_12378", number="JG-A", received_at=later, reply_by=None),
        w.lobby,
        case=case,
    )
    assert linked.reply_by == deadlines.end_of_day(dt.date(2026, 10, 13))
    alone = workorders.create_workorder(
        w.outlet,
        new(source="regulator_12378", number="JG-B", received_at=later, reply_by=None),
        w.lobby,
    )
    assert alone.reply_by == deadlines.end_of_day(dt.date(2026, 10, 26))
    # linked later, the default reply-by is brought forward to the case's deadline
    workorders.link_workorder(alone, case, w.lobby, at=later)
    assert alone.reply_by == deadlines.end_of_day(dt.date(2026, 10, 13))
    # a reply-by the work order states is never changed
    stated = workorders.create_workorder(
        w.outlet,
        new(number="KF-C", received_at=later, reply_by=dt.datetime(2026, 10, 30, 17)),
        w.lobby,
        case=case,
    )
    assert stated.reply_by == dt.datetime(2026, 10, 30, 17) and not stated.reply_by_default


def test_changing_the_internal_limit_moves_the_open_default_reply_bys_only(world: World):
    """The stored default follows the rule, as every open deadline does; a reply-by the
    work order stated, or one already answered, stays as it was."""
    w = world
    received = dt.datetime(2026, 10, 9, 9, 0)  # Fri; Sat 10 Oct is worked

    def regulator(number: str) -> WorkOrder:
        data = new(source="regulator_12378", number=number, received_at=received, reply_by=None)
        return workorders.create_workorder(w.outlet, data, w.lobby)

    open_order, answered = regulator("JG-1"), regulator("JG-2")
    stated = workorders.create_workorder(
        w.outlet,
        new(number="KF-1", received_at=received, reply_by=dt.datetime(2026, 10, 30, 17)),
        w.lobby,
    )
    # 5 working days: Sat 10, Mon 12 ... Thu 15 Oct
    assert open_order.reply_by == deadlines.end_of_day(dt.date(2026, 10, 15))
    workorders.record_workorder_reply(
        answered, w.lobby, content="已回复", at=dt.datetime(2026, 10, 10, 9)
    )
    rules.set_rule("workorder_reply_working_days", 2, actor=w.head)
    fresh = {wo.number: wo.reply_by for wo in WorkOrder.select()}
    assert fresh["JG-1"] == deadlines.end_of_day(dt.date(2026, 10, 12))
    assert fresh["JG-2"] == deadlines.end_of_day(dt.date(2026, 10, 15))
    assert fresh["KF-1"] == stated.reply_by
    rules.reset_rule("workorder_reply_working_days", actor=w.head)
    assert WorkOrder.get_by_id(open_order.id).reply_by == open_order.reply_by
