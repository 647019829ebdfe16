"""The district's work orders from a file and its list of them (db/district/workorders.py,
db/district/workorder_queries.py), on the real PostgreSQL server: the outlet's formats and
guards, one transaction per file, an outlet not enrolled refused naming the row, and where
each work order stands against its reply-by."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.district import outbox, workorders
from db.district import workorder_queries as wq
from db.district.consolidate import import_bundle
from db.district.models import DistrictAudit, DistrictWorkOrder, EnrolledOutlet
from db.workorders.orders import MAX_IMPORT_ROWS, NewWorkOrder, WorkOrderImportError
from tests.db.workorders import hostile_files as hf
from tests.district.helpers import add_district_with_key, enrol_with_key, up_bundle

DISTRICT_KEY = Ed25519PrivateKey.generate()
OUTLET_KEYS = {"BJ0101": Ed25519PrivateKey.generate(), "BJ0102": Ed25519PrivateKey.generate()}
AT = dt.datetime(2026, 3, 10, 12, 0)

HEADER = ["来源", "工单号", "接收时间", "回复时限", "客户姓名", "联系电话", "内容", "网点代码"]
ROWS = [
    ["95580", "KF-001", "2026-03-01 09:00", "2026-03-03 17:00", "刘芳", "13812345678",
     "客户来电反映网点排队时间过长", "BJ0101"],
    ["12378", "JG-002", "2026-03-02 10:00", "2026-03-09", "王强", "",
     "客户投诉理财产品风险提示不足", "BJ0102"],
    ["上级机构", "SJ-003", "2026-03-04 08:30", "2026-03-20 17:00", "陈静", "13912345678",
     "上级转来：柜员态度生硬", ""],
    ["信访", "XF-004", "2026-03-05 14:00", "2026-03-25", "赵磊", "", "客户信访反映存折挂失手续繁琐",
     "BJ0101"],
]  # fmt: skip


@pytest.fixture
def district(district_db):
    add_district_with_key(DISTRICT_KEY)
    for code, private in OUTLET_KEYS.items():
        enrol_with_key(code, private)
    return district_db


def write_csv(path: Path, rows, header=HEADER, encoding: str = "utf-8") -> Path:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def stored() -> dict[tuple[str, str], str | None]:
    return {(w.source, w.number): w.outlet_code for w in DistrictWorkOrder.select()}


def refused(path: Path, row: int, code: str) -> WorkOrderImportError:
    with pytest.raises(WorkOrderImportError) as error:
        workorders.import_work_orders(path, actor="赵敏", at=AT)
    assert (error.value.row, error.value.code) == (row, code), error.value.message
    assert stored() == {}, "a refused file wrote something"
    return error.value


# --- the file -------------------------------------------------------------------------------


def test_a_csv_file_is_entered_whole_with_each_outlet_or_unassigned(district, tmp_path):
    result = workorders.import_work_orders(
        write_csv(tmp_path / "wo.csv", ROWS), actor="赵敏", at=AT
    )
    assert (result.created, result.assigned, result.skipped) == (4, 3, 0)
    assert stored() == {
        ("95580", "KF-001"): "BJ0101",
        ("regulator_12378", "JG-002"): "BJ0102",
        ("superior_office", "SJ-003"): None,
        ("petition", "XF-004"): "BJ0101",
    }
    jg = workorders.work_order("regulator_12378", "JG-002")
    assert jg.reply_by == dt.datetime(2026, 3, 9, 23, 59, 59)  # a bare date: the whole day
    actors = {e.actor for e in DistrictAudit.select().where(
        DistrictAudit.table_name == "district_work_order")}  # fmt: skip
    assert actors == {"赵敏"}


def test_the_same_file_again_creates_nothing(district, tmp_path):
    path = write_csv(tmp_path / "wo.csv", ROWS)
    workorders.import_work_orders(path, actor="赵敏", at=AT)
    again = workorders.import_work_orders(path, actor="钱主管", at=AT)
    assert (again.created, again.skipped_numbers) == (0, ["KF-001", "JG-002", "SJ-003", "XF-004"])
    assert len(stored()) == 4


def test_an_xlsx_file_in_the_same_format_is_entered(district, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][2] = dt.datetime(2026, 3, 1, 9, 0)  # a date cell
    rows[0][7] = "BJ0101"
    path = hf.write(tmp_path, "wo.xlsx", hf.small_xlsx(HEADER, rows))
    assert workorders.import_work_orders(path, actor="赵敏", at=AT).created == 4
    assert workorders.work_order("95580", "KF-001").received_at == dt.datetime(2026, 3, 1, 9, 0)


def test_an_outlet_not_enrolled_refuses_the_file_naming_its_row(district, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[2][7] = "XX9999"
    error = refused(write_csv(tmp_path / "wo.csv", rows), 4, "district_outlet_not_enrolled")
    assert error.message == (
        "Row 4: Outlet XX9999 is not enrolled in this district; enrol it before sending it "
        "work orders."
    )


def test_an_outlet_no_longer_active_is_not_enrolled_either(district, tmp_path):
    EnrolledOutlet.update(active=False).where(EnrolledOutlet.code == "BJ0102").execute()
    refused(write_csv(tmp_path / "wo.csv", ROWS), 3, "district_outlet_not_enrolled")


@pytest.mark.parametrize(
    ("row", "column", "value", "code"),
    [
        (1, 3, "", "reply_by_required"),  # the district always states the reply-by, even 12378
        (0, 3, "2026-02-28 09:00", "not_after"),
        (2, 0, "微博", "unknown_code"),
        (3, 2, "下周一", "bad_datetime"),
        (0, 5, "12", "bad_phone"),
        (3, 6, "", "text_required"),
        (1, 1, "KF-001", None),  # same number, other source: fine
    ],
)
def test_a_bad_row_refuses_the_whole_file_naming_it(district, tmp_path, row, column, value, code):
    rows = [list(r) for r in ROWS]
    rows[row][column] = value
    path = write_csv(tmp_path / "wo.csv", rows)
    if code is None:
        assert workorders.import_work_orders(path, actor="赵敏", at=AT).created == 4
        return
    error = refused(path, row + 2, code)
    assert error.message.startswith(f"Row {row + 2}: ")


def test_the_same_work_order_twice_in_the_file_is_refused(district, tmp_path):
    rows = [*ROWS, ROWS[0]]
    refused(write_csv(tmp_path / "wo.csv", rows), 6, "duplicate_in_file")


def test_the_outlets_guards_hold_for_the_district(district, tmp_path):
    """Rows in two encodings and a workbook that declares a million rows are refused by the
    outlet's own parser, before anything is read into memory."""
    lines = io.StringIO()
    csv.writer(lines).writerow(HEADER)
    data = lines.getvalue().encode("utf-8")
    for n, row in enumerate(ROWS):
        line = io.StringIO()
        csv.writer(line).writerow(row)
        data += line.getvalue().encode("gbk" if n == 2 else "utf-8")
    error = refused(hf.write(tmp_path, "mixed.csv", data), 4, "mixed_encoding")
    assert "another text encoding (GBK)" in error.message
    bomb = hf.declared_dimension(hf.small_xlsx(HEADER, ROWS), "A1:I1048576")
    error = refused(hf.write(tmp_path, "bomb.xlsx", bomb), 0, "too_many_rows")
    assert error.message == f"The file has more than {MAX_IMPORT_ROWS} rows."


def test_a_missing_column_and_a_file_of_another_kind_are_refused(district, tmp_path):
    refused(write_csv(tmp_path / "wo.csv", [r[1:] for r in ROWS], HEADER[1:]), 1, "missing_columns")
    other = tmp_path / "wo.pdf"
    other.write_bytes(b"%PDF-1.4")
    refused(other, 0, "unsupported_file")


def test_a_file_cut_off_in_transfer_is_refused(district, tmp_path):
    path = write_csv(tmp_path / "wo.csv", ROWS)
    path.write_bytes(path.read_bytes()[:-4])  # "…,BJ01", the line unended
    refused(path, 5, "file_cut")


# --- entered by hand, without an outlet ---------------------------------------------------------


def test_a_work_order_entered_without_outlet_waits_for_one(district, tmp_path):
    order = NewWorkOrder(source="95580", number="KF-9", received_at=AT - dt.timedelta(hours=2),
                         reply_by=AT + dt.timedelta(days=2), customer_name="刘芳",
                         content="客户来电反映网点排队时间过长")  # fmt: skip
    workorders.enter_work_order(order, None, actor="赵敏", at=AT)
    with pytest.raises(workorders.WorkflowError) as twice:
        workorders.enter_work_order(order, "BJ0101", actor="赵敏", at=AT)
    assert twice.value.code == "district_workorder_exists_unassigned"
    assert outbox.pending_for("BJ0101") == (0, 0, 0)  # nothing goes down without an outlet
    workorders.assign_work_order("95580", "KF-9", "BJ0101", actor="赵敏")
    assert outbox.pending_for("BJ0101") == (1, 0, 0)


# --- the list -------------------------------------------------------------------------------------


@pytest.fixture
def listed(district, tmp_path):
    """The four work orders of ROWS, KF-001 and JG-002 sent down; BJ0101's bundle back with
    its reply to KF-001 in time; the district replied to XF-004 itself, late."""
    workorders.import_work_orders(write_csv(tmp_path / "wo.csv", ROWS), actor="赵敏", at=AT)
    for code in OUTLET_KEYS:
        outbox.send_bundle(tmp_path / f"{code}-down.zip", code, signing_key=DISTRICT_KEY,
                           actor="赵敏", at=dt.datetime(2026, 3, 5, 9, 0, tzinfo=dt.UTC))  # fmt: skip
    # XF-004 (BJ0101) was received after the first bundle; it waits for the next one.
    DistrictWorkOrder.update(sent_down_at=None).where(
        DistrictWorkOrder.number == "XF-004"
    ).execute()
    reply = {"source": "95580", "number": "KF-001", "received_at": "2026-03-01T09:00:00",
             "reply_by": "2026-03-03T17:00:00", "customer_name": "刘芳",
             "content": "客户来电反映网点排队时间过长", "replied_at": "2026-03-03T11:00:00",
             "replied_by": {"name": "王建国", "employee_no": "E1001"},
             "reply_content": "已致歉并增开窗口"}  # fmt: skip
    path = up_bundle(tmp_path / "up.zip", "BJ0101", OUTLET_KEYS["BJ0101"], work_orders=[reply])
    import_bundle(path, actor="赵敏", at=dt.datetime(2026, 3, 6, tzinfo=dt.UTC))
    workorders.record_district_reply("petition", "XF-004", "区分公司已直接答复客户",
                                     replied_by_name="赵敏", actor="赵敏",
                                     at=dt.datetime(2026, 3, 26, 10, 0))  # fmt: skip
    return district


ALL = wq.WorkOrderFilter()


def states(flt: wq.WorkOrderFilter = ALL, at: dt.datetime = AT) -> dict:
    rows = wq.work_order_page(flt, at=at, sort="number", descending=False)
    assert wq.work_order_count(flt, at=at) == len(rows)
    return {r.number: r.state for r in rows}


def test_each_work_order_stands_where_its_records_put_it(listed):
    assert states() == {
        "JG-002": wq.STATE_OVERDUE,  # sent, no reply, the reply-by (9 March) passed
        "KF-001": wq.STATE_ON_TIME,  # the outlet replied on 3 March, 11:00, by 17:00
        "SJ-003": wq.STATE_UNASSIGNED,
        "XF-004": wq.STATE_LATE,  # the district's own reply came a day after the reply-by
    }
    kf = wq.work_order_row("95580", "KF-001", at=AT)
    assert (kf.outlet_replied_at, kf.outlet_reply, kf.outlet_replied_by, kf.on_time) == (
        dt.datetime(2026, 3, 3, 11, 0), "已致歉并增开窗口", "王建国", True)  # fmt: skip
    assert kf.customer_phone_masked == "138****5678"
    assert kf.outlet_name == "BJ0101网点"
    # before JG-002's reply-by it was merely sent; SJ-003 was unassigned, not yet overdue
    early = states(at=dt.datetime(2026, 3, 6, 12, 0))
    assert (early["JG-002"], early["SJ-003"]) == (wq.STATE_SENT, wq.STATE_UNASSIGNED)
    XF = DistrictWorkOrder.number == "XF-004"
    DistrictWorkOrder.update(replied_at=None, reply_content="").where(XF).execute()
    assert states(at=dt.datetime(2026, 3, 6, 12, 0))["XF-004"] == wq.STATE_TO_SEND


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (wq.WorkOrderFilter(outlet_code="BJ0101"), {"KF-001", "XF-004"}),
        (wq.WorkOrderFilter(outlet_code="BJ0102"), {"JG-002"}),
        (wq.WorkOrderFilter(source="regulator_12378"), {"JG-002"}),
        (wq.WorkOrderFilter(state=wq.STATE_UNASSIGNED), {"SJ-003"}),
        (wq.WorkOrderFilter(state=wq.STATE_OVERDUE), {"JG-002"}),
        (wq.WorkOrderFilter(state=wq.STATE_ON_TIME), {"KF-001"}),
        (wq.WorkOrderFilter(state=wq.STATE_LATE), {"XF-004"}),
        (wq.WorkOrderFilter(state=wq.STATE_OPEN), {"JG-002", "SJ-003"}),
        (wq.WorkOrderFilter(outlet_code="BJ0101", state=wq.STATE_OVERDUE), set()),
    ],
)
def test_the_list_filters_by_outlet_source_and_state(listed, flt, expected):
    assert set(states(flt)) == expected


def test_the_list_is_sorted_and_paged_in_sql(listed):
    def numbers(sort, descending=False, **page):
        rows = wq.work_order_page(wq.WorkOrderFilter(), at=AT, sort=sort, descending=descending,
                                  **page)  # fmt: skip
        return [r.number for r in rows]

    assert numbers("received_at", True) == ["XF-004", "SJ-003", "JG-002", "KF-001"]
    assert numbers("reply_by") == ["KF-001", "JG-002", "SJ-003", "XF-004"]
    assert numbers("outlet") == ["KF-001", "XF-004", "JG-002", "SJ-003"]  # unassigned last
    # by where they stand, in the order of wq.STATES
    assert numbers("state") == ["SJ-003", "JG-002", "KF-001", "XF-004"]
    assert numbers("received_at", True, offset=1, limit=2) == ["SJ-003", "JG-002"]


def test_only_enrolled_active_outlets_are_offered(listed):
    assert wq.assignable_outlets() == [("BJ0101", "BJ0101网点"), ("BJ0102", "BJ0102网点")]
    EnrolledOutlet.update(active=False).where(EnrolledOutlet.code == "BJ0102").execute()
    assert wq.assignable_outlets() == [("BJ0101", "BJ0101网点")]
