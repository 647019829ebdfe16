"""The district's work orders and the escalations it leads (db/district/workorders.py), and
the bundle down that carries them (db/district/outbox.py), on the real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.district import outbox, workorders
from db.district.consolidate import store_case
from db.district.models import DistrictAudit, DistrictWorkOrder, EnrolledOutlet, EscalationHandling
from db.errors import WorkflowError
from db.exchange.verify import verify_bundle
from db.trust import keys
from db.workorders.orders import NewWorkOrder
from tests.district.helpers import add_district_with_key, case_entry, enrol_with_key, escalation

DISTRICT_KEY = Ed25519PrivateKey.generate()
OUTLET_KEY = Ed25519PrivateKey.generate()
T = dt.datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def district(district_db):
    add_district_with_key(DISTRICT_KEY)
    enrol_with_key("BJ0101", OUTLET_KEY)
    enrol_with_key("BJ0102", Ed25519PrivateKey.generate())
    return district_db


def _order(**changes) -> NewWorkOrder:
    fields = dict(
        source="95580",
        number="KF-2026-001",
        received_at=T,
        reply_by=T + dt.timedelta(days=2),
        customer_name="刘芳",
        customer_phone="13812345678",
        content="客户来电反映网点排队时间过长",
    )
    fields.update(changes)
    return NewWorkOrder(**fields)


def _escalated_case(case_no: str = "BJ0101-2026-0001", outlet: str = "BJ0101") -> None:
    store_case(outlet, case_entry(case_no, escalations=[escalation()]), bundle_seq=1)


# --- work orders -------------------------------------------------------------------------------


def test_a_work_order_is_entered_for_an_enrolled_outlet(district):
    wo = workorders.enter_work_order(_order(), "BJ0101", actor="赵敏", at=T)
    stored = DistrictWorkOrder.get_by_id(("95580", "KF-2026-001"))
    assert (stored.outlet_code, stored.reply_by, stored.created_by) == (
        "BJ0101",
        T + dt.timedelta(days=2),
        "赵敏",
    )
    assert wo.sent_down_at is None
    entry = DistrictAudit.select().where(DistrictAudit.table_name == "district_work_order").get()
    assert entry.actor == "赵敏" and entry.op == "I"


def test_a_work_order_for_an_outlet_not_enrolled_is_refused(district):
    with pytest.raises(WorkflowError) as refused:
        workorders.enter_work_order(_order(), "XX9999", actor="赵敏", at=T)
    assert refused.value.code == "district_outlet_not_enrolled"
    assert "XX9999" in refused.value.message
    EnrolledOutlet.update(active=False).where(EnrolledOutlet.code == "BJ0102").execute()
    with pytest.raises(WorkflowError, match="not enrolled"):
        workorders.enter_work_order(_order(), "BJ0102", actor="赵敏", at=T)
    assert DistrictWorkOrder.select().count() == 0


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"reply_by": None}, "reply_by_required"),
        ({"reply_by": T - dt.timedelta(hours=1)}, "not_after"),
        ({"source": "weibo"}, "unknown_code"),
        ({"number": "  "}, "text_required"),
        ({"content": ""}, "text_required"),
        ({"received_at": T + dt.timedelta(days=30)}, "in_future"),
        ({"customer_phone": "12"}, "bad_phone"),
    ],
)
def test_a_bad_work_order_is_refused_and_nothing_written(district, changes, code):
    with pytest.raises(WorkflowError) as refused:
        workorders.enter_work_order(_order(**changes), "BJ0101", actor="赵敏", at=T)
    assert code in {e.code for e in refused.value.errors}
    assert DistrictWorkOrder.select().count() == 0


def test_the_same_work_order_twice_is_refused(district):
    workorders.enter_work_order(_order(), "BJ0101", actor="赵敏", at=T)
    with pytest.raises(WorkflowError) as refused:
        workorders.enter_work_order(_order(), "BJ0102", actor="赵敏", at=T)
    assert refused.value.code == "district_workorder_exists"
    assert DistrictWorkOrder.get_by_id(("95580", "KF-2026-001")).outlet_code == "BJ0101"


def test_a_work_order_is_reassigned_until_it_is_sent(district, tmp_path):
    workorders.enter_work_order(_order(), "BJ0101", actor="赵敏", at=T)
    workorders.assign_work_order("95580", "KF-2026-001", "BJ0102", actor="赵敏")
    assert workorders.work_order("95580", "KF-2026-001").outlet_code == "BJ0102"
    with pytest.raises(WorkflowError, match="not enrolled"):
        workorders.assign_work_order("95580", "KF-2026-001", "NOPE", actor="赵敏")
    outbox.send_bundle(tmp_path / "down.zip", "BJ0102", signing_key=DISTRICT_KEY, actor="赵敏")
    with pytest.raises(WorkflowError) as refused:
        workorders.assign_work_order("95580", "KF-2026-001", "BJ0101", actor="赵敏")
    assert refused.value.code == "district_workorder_sent"
    with pytest.raises(WorkflowError) as unknown:
        workorders.assign_work_order("95580", "NO-SUCH", "BJ0101", actor="赵敏")
    assert unknown.value.code == "district_workorder_unknown"


# --- escalations (Art. 11) ---------------------------------------------------------------------


def test_an_escalation_is_accepted_assigned_handled_and_settled(district):
    _escalated_case()
    key = ("BJ0101", "BJ0101-2026-0001", 1)
    row = workorders.accept_escalation(*key, actor="赵敏")
    assert row.accepted_by == "赵敏" and row.escalated_at == dt.datetime(2026, 3, 3, 9, 0)
    accepted_at = row.accepted_at
    assert workorders.accept_escalation(*key, actor="钱伟").accepted_at == accepted_at
    workorders.assign_department(*key, "消费者权益保护部", psbc_counterpart="邮储银行县支行个金部",
                                 actor="赵敏")  # fmt: skip
    workorders.record_handling(*key, "已约客户面谈，调取监控", actor="钱伟")
    done = workorders.record_result(*key, "核实属实，向客户致歉并改进叫号", actor="钱伟")
    assert (done.department, done.psbc_counterpart, done.notes, done.result) == (
        "消费者权益保护部",
        "邮储银行县支行个金部",
        "已约客户面谈，调取监控",
        "核实属实，向客户致歉并改进叫号",
    )
    assert done.result_at is not None and done.updated_by == "钱伟"
    assert [h.case_no for h in workorders.escalations_led("BJ0101")] == ["BJ0101-2026-0001"]


def test_escalation_rules_refuse_out_of_order_steps(district):
    _escalated_case()
    key = ("BJ0101", "BJ0101-2026-0001", 1)
    with pytest.raises(WorkflowError) as unknown:
        workorders.accept_escalation("BJ0101", "BJ0101-2026-0001", 2, actor="赵敏")
    assert unknown.value.code == "district_escalation_unknown"
    with pytest.raises(WorkflowError) as not_accepted:
        workorders.assign_department(*key, "消保部", actor="赵敏")
    assert not_accepted.value.code == "district_escalation_not_accepted"
    workorders.accept_escalation(*key, actor="赵敏")
    with pytest.raises(WorkflowError) as no_department:
        workorders.record_result(*key, "已解决", actor="赵敏")
    assert no_department.value.code == "district_department_required"
    with pytest.raises(WorkflowError) as empty:
        workorders.assign_department(*key, "  ", actor="赵敏")
    assert empty.value.code == "text_required"
    assert EscalationHandling.get().result == ""


def test_the_district_additions_survive_a_newer_state_of_the_case(district):
    _escalated_case()
    key = ("BJ0101", "BJ0101-2026-0001", 1)
    workorders.accept_escalation(*key, actor="赵敏")
    workorders.assign_department(*key, "消保部", actor="赵敏")
    newer = case_entry("BJ0101-2026-0001", status="closed", is_open=False,
                       escalations=[escalation()])  # fmt: skip
    assert store_case("BJ0101", newer, bundle_seq=2)
    assert workorders.handling(*key).department == "消保部"


# --- the bundle down ---------------------------------------------------------------------------


def _members(path) -> dict:
    with zipfile.ZipFile(path) as z:
        return {n: json.loads(z.read(n)) for n in z.namelist()}


def test_send_writes_what_is_new_signed_and_numbered_per_outlet(district, tmp_path):
    _escalated_case()
    key = ("BJ0101", "BJ0101-2026-0001", 1)
    workorders.accept_escalation(*key, actor="赵敏")
    workorders.assign_department(*key, "消保部", actor="赵敏")
    workorders.record_result(*key, "已向客户致歉", actor="赵敏")
    workorders.enter_work_order(_order(), "BJ0101", actor="赵敏", at=T)
    workorders.enter_work_order(_order(number="KF-2026-002"), "BJ0102", actor="赵敏", at=T)

    first = outbox.send_bundle(tmp_path / "1.zip", "BJ0101", signing_key=DISTRICT_KEY, actor="赵敏")
    assert (first.seq, first.work_orders, first.escalation_results) == (1, 1, 1)
    members = _members(first.path)
    manifest = members["manifest.json"]
    assert manifest["direction"] == "down" and manifest["seq"] == 1
    assert manifest["addressee"] == {"kind": "outlet", "code": "BJ0101"}
    assert manifest["sender"]["code"] == "DC01"
    assert [w["number"] for w in members["workorders.json"]["work_orders"]] == ["KF-2026-001"]
    assert members["workorders.json"]["work_orders"][0]["customer_phone"] == "13812345678"
    result = members["escalations.json"]["results"][0]
    assert (result["case_no"], result["escalation_seq"], result["result"]) == (
        "BJ0101-2026-0001",
        1,
        "已向客户致歉",
    )
    bundle = verify_bundle(first.path, lambda manifest, signer: None)
    assert bundle.signer == keys.public_b64(DISTRICT_KEY)

    # Nothing new: refused, no number used, no file.
    with pytest.raises(WorkflowError) as nothing:
        outbox.send_bundle(tmp_path / "2.zip", "BJ0101", signing_key=DISTRICT_KEY, actor="赵敏")
    assert nothing.value.code == "district_nothing_to_send"
    assert not (tmp_path / "2.zip").exists() and not list(tmp_path.glob("*.partial"))
    assert EnrolledOutlet.get_by_id("BJ0101").last_sent_seq == 1

    # A changed result goes down again; the other outlet's numbers are its own.
    workorders.record_result(*key, "已致歉并赔付手续费", actor="赵敏")
    second = outbox.send_bundle(tmp_path / "2.zip", "BJ0101", signing_key=DISTRICT_KEY,
                                actor="赵敏")  # fmt: skip
    assert (second.seq, second.work_orders, second.escalation_results) == (2, 0, 1)
    assert "workorders.json" not in _members(second.path)
    other = outbox.send_bundle(tmp_path / "o.zip", "BJ0102", signing_key=DISTRICT_KEY, actor="赵敏")
    assert other.seq == 1


def test_send_refuses_an_outlet_not_enrolled_and_a_foreign_key(district, tmp_path):
    workorders.enter_work_order(_order(), "BJ0101", actor="赵敏", at=T)
    with pytest.raises(WorkflowError) as refused:
        outbox.send_bundle(tmp_path / "x.zip", "XX01", signing_key=DISTRICT_KEY, actor="赵敏")
    assert refused.value.code == "district_outlet_not_enrolled"
    with pytest.raises(WorkflowError) as foreign:
        outbox.send_bundle(tmp_path / "x.zip", "BJ0101", signing_key=OUTLET_KEY, actor="赵敏")
    assert foreign.value.code == "district_key_differs"
    assert not (tmp_path / "x.zip").exists()
    assert workorders.work_order("95580", "KF-2026-001").sent_down_at is None


def test_a_failed_write_leaves_nothing_sent(district, tmp_path):
    workorders.enter_work_order(_order(), "BJ0101", actor="赵敏", at=T)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        outbox.send_bundle(blocker / "x.zip", "BJ0101", signing_key=DISTRICT_KEY, actor="赵敏")
    assert workorders.work_order("95580", "KF-2026-001").sent_down_at is None
    assert EnrolledOutlet.get_by_id("BJ0101").last_sent_seq == 0


def test_the_districts_own_reply_goes_down_once(district, tmp_path):
    workorders.enter_work_order(_order(), "BJ0101", actor="赵敏", at=T)
    outbox.send_bundle(tmp_path / "1.zip", "BJ0101", signing_key=DISTRICT_KEY, actor="赵敏")
    with pytest.raises(WorkflowError) as early:
        workorders.record_district_reply("95580", "KF-2026-001", "已答复", replied_by_name="赵敏",
                                         actor="赵敏", at=T - dt.timedelta(hours=1))  # fmt: skip
    assert early.value.code == "not_after"
    with pytest.raises(WorkflowError) as empty:
        workorders.record_district_reply("95580", "KF-2026-001", " ", replied_by_name="赵敏",
                                         actor="赵敏", at=T)  # fmt: skip
    assert empty.value.code == "text_required"
    reply_at = T + dt.timedelta(hours=3)
    workorders.record_district_reply("95580", "KF-2026-001", "区分公司已直接答复客户",
                                     replied_by_name="赵敏", actor="赵敏", at=reply_at)  # fmt: skip
    with pytest.raises(WorkflowError) as twice:
        workorders.record_district_reply("95580", "KF-2026-001", "又一次", replied_by_name="钱伟",
                                         actor="钱伟", at=reply_at)  # fmt: skip
    assert twice.value.code == "already_replied"
    assert outbox.pending_for("BJ0101") == (0, 0, 1)
    second = outbox.send_bundle(tmp_path / "2.zip", "BJ0101", signing_key=DISTRICT_KEY,
                                actor="赵敏")  # fmt: skip
    assert (second.seq, second.work_orders, second.replies) == (2, 0, 1)
    (reply,) = _members(second.path)["replies.json"]["replies"]
    assert reply == {
        "source": "95580",
        "number": "KF-2026-001",
        "reply_content": "区分公司已直接答复客户",
        "replied_at": "2026-03-02T12:00:00",
        "replied_by_name": "赵敏",
    }
    assert outbox.pending_for("BJ0101") == (0, 0, 0)
