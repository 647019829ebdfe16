"""The round trip between an outlet's SQLite file and the district's PostgreSQL database:
the outlet's bundle goes up, a work order and an escalation result come down, the outlet
replies, the reply goes up again and the district sees it on time or late."""

from __future__ import annotations

import datetime as dt

from db.district import outbox, workorders
from db.district.consolidate import import_bundle as district_import
from db.district.models import CaseEscalation, OutletCase
from db.exchange.export import export_bundle
from db.exchange.importing import escalation_results
from db.exchange.importing import import_bundle as outlet_import
from db.handling import workflow
from db.store.models import WorkOrder
from db.workorders.orders import NewWorkOrder, record_workorder_reply
from tests.db.exchange.signed import DISTRICT_KEY, OUTLET_KEY, trust_district
from tests.db.management_fixtures import T0, World, at, world
from tests.district.helpers import add_district_with_key, enrol_with_key

__all__ = ["world"]


def _order(number: str, reply_by: dt.datetime) -> NewWorkOrder:
    return NewWorkOrder(
        source="95580",
        number=number,
        received_at=at(2),
        reply_by=reply_by,
        customer_name="李秀英",
        customer_phone="13812345678",
        content="客户来电反映网点叫号混乱",
        may_concern_outlet=True,
    )


def _enrolled_with_an_escalated_case(w: World):
    """The district and the outlet know each other's keys; one case escalated to the district."""
    add_district_with_key(DISTRICT_KEY)
    enrol_with_key(w.outlet.code, OUTLET_KEY)
    trust_district()
    case = w.case()
    workflow.escalate(
        case, w.head, "district_branch", "区分公司个人金融部", False, "张经理", at(1),
        "客户对答复不满意", "网点继续跟进回访", reported_by=w.lobby, at=at(1),
    )  # fmt: skip
    return case


def test_outlet_to_district_and_back(world: World, district_db, tmp_path):
    w = world
    case = _enrolled_with_an_escalated_case(w)

    # Up: the outlet's cases reach the district.
    up1 = export_bundle(tmp_path / "up1.zip", since=T0.date(), outlet=w.outlet,
                        signing_key=OUTLET_KEY)  # fmt: skip
    assert district_import(up1.path, actor="赵敏").cases_stored == 1
    stored = OutletCase.get()
    assert stored.case_no == case.case_no and stored.outlet_code == w.outlet.code
    assert CaseEscalation.get().level == "district_branch"

    # The district leads the escalation and sends down two work orders and the result.
    key = (w.outlet.code, case.case_no, 1)
    workorders.accept_escalation(*key, actor="赵敏")
    workorders.assign_department(*key, "区分公司个人金融部", psbc_counterpart="邮储银行东城支行",
                                 actor="赵敏")  # fmt: skip
    workorders.record_result(*key, "与客户面谈后和解，网点改进叫号", actor="赵敏")
    workorders.enter_work_order(_order("KF-1", at(50)), w.outlet.code, actor="赵敏")
    workorders.enter_work_order(_order("KF-2", at(10)), w.outlet.code, actor="赵敏")
    workorders.enter_work_order(_order("KF-3", at(50)), w.outlet.code, actor="赵敏")
    workorders.record_district_reply("95580", "KF-3", "区分公司已直接答复客户",
                                     replied_by_name="赵敏", actor="赵敏", at=at(3))  # fmt: skip
    down = outbox.send_bundle(tmp_path / "down1.zip", w.outlet.code, signing_key=DISTRICT_KEY,
                              actor="赵敏")  # fmt: skip
    assert (down.seq, down.work_orders, down.escalation_results, down.replies) == (1, 3, 1, 1)

    # The outlet stores them once.
    imported = outlet_import(down.path, w.head)
    assert (imported.work_orders_created, imported.escalation_results) == (3, 1)
    assert imported.replies_recorded == 1
    assert outlet_import(down.path, w.head).already_imported
    orders = {wo.number: wo for wo in WorkOrder.select()}
    assert sorted(orders) == ["KF-1", "KF-2", "KF-3"]
    assert (orders["KF-3"].replied_at, orders["KF-3"].reply_content) == (
        at(3),
        "区分公司已直接答复客户",
    )
    assert orders["KF-1"].reply_by == at(50) and orders["KF-1"].source == "95580"
    (result,) = escalation_results(case)
    assert (result.department, result.psbc_counterpart, result.result) == (
        "区分公司个人金融部",
        "邮储银行东城支行",
        "与客户面谈后和解，网点改进叫号",
    )

    # The outlet replies, one in time and one late; the replies go up in its next bundle.
    record_workorder_reply(orders["KF-1"], w.head, content="已致歉并改进叫号", at=at(30))
    record_workorder_reply(orders["KF-2"], w.head, content="已回复客户", at=at(30))
    up2 = export_bundle(tmp_path / "up2.zip", since=T0.date(), outlet=w.outlet,
                        signing_key=OUTLET_KEY)  # fmt: skip
    assert up2.seq == 2
    again = district_import(up2.path, actor="赵敏")
    assert not again.already_imported and again.warnings == []
    replies = {r.number: r for r in workorders.work_order_replies(w.outlet.code)}
    assert replies["KF-1"].replied_at == at(30) and replies["KF-1"].on_time is True
    assert replies["KF-2"].on_time is False
    assert replies["KF-3"].replied_at == at(3) and replies["KF-3"].on_time is True
    assert replies["KF-1"].reply_content == "已致歉并改进叫号"
    assert replies["KF-1"].sent_down_at is not None
    # The district's handling stayed as it was while the case's newer state replaced the old.
    assert workorders.handling(*key).result == "与客户面谈后和解，网点改进叫号"
    assert OutletCase.get().bundle_seq == 2


def test_a_bundle_down_lost_on_the_way_is_written_again_and_arrives_late(
    world: World, district_db, tmp_path
):
    """Bundles 1 and 3 reach the outlet, 2 is lost: 3 is imported with the gap reported, 2
    written again from the district's copy arrives late and is imported, never replacing
    what 3 brought; the same bundle a third time changes nothing."""
    w = world
    case = _enrolled_with_an_escalated_case(w)
    up = export_bundle(tmp_path / "up.zip", since=T0.date(), outlet=w.outlet,
                       signing_key=OUTLET_KEY)  # fmt: skip
    district_import(up.path, actor="赵敏")
    key = (w.outlet.code, case.case_no, 1)
    workorders.accept_escalation(*key, actor="赵敏")
    workorders.assign_department(*key, "区分公司个人金融部", actor="赵敏")

    def send(name: str):
        return outbox.send_bundle(tmp_path / name, w.outlet.code, signing_key=DISTRICT_KEY,
                                  actor="赵敏")  # fmt: skip

    workorders.enter_work_order(_order("KF-1", at(50)), w.outlet.code, actor="赵敏")
    assert send("down1.zip").seq == 1
    workorders.enter_work_order(_order("KF-2", at(50)), w.outlet.code, actor="赵敏")
    workorders.record_result(*key, "初步结果：约客户面谈", actor="赵敏")
    lost = send("down2.zip")
    assert lost.seq == 2
    lost.path.unlink()  # the USB stick with bundle 2 is gone
    workorders.record_result(*key, "最终结果：与客户和解", actor="赵敏")
    assert send("down3.zip").seq == 3

    outlet_import(tmp_path / "down1.zip", w.head)
    third = outlet_import(tmp_path / "down3.zip", w.head)
    assert third.gap == (2, 2) and "Bundles 2 to 2" in third.warnings[0]
    assert sorted(wo.number for wo in WorkOrder.select()) == ["KF-1"]

    assert [b.seq for b in outbox.sent_bundles(w.outlet.code)] == [3, 2, 1]
    again = outbox.resend_bundle(tmp_path / "down2-again.zip", w.outlet.code, 2)
    assert again.seq == 2 and again.work_orders == 1 and again.escalation_results == 1
    late = outlet_import(again.path, w.head)
    assert late.late and not late.already_imported and late.warnings == []
    assert late.work_orders_created == 1
    assert sorted(wo.number for wo in WorkOrder.select()) == ["KF-1", "KF-2"]
    (result,) = escalation_results(case)
    assert result.result == "最终结果：与客户和解", "a late bundle replaced a newer result"
    assert outlet_import(again.path, w.head).already_imported
    assert outlet_import(tmp_path / "down3.zip", w.head).already_imported


def test_a_bundle_down_never_sent_cannot_be_written_again(world: World, district_db, tmp_path):
    import pytest

    from db.errors import WorkflowError

    add_district_with_key(DISTRICT_KEY)
    enrol_with_key(world.outlet.code, OUTLET_KEY)
    with pytest.raises(WorkflowError) as refused:
        outbox.resend_bundle(tmp_path / "x.zip", world.outlet.code, 7)
    assert refused.value.code == "district_no_sent_bundle"
    assert "No bundle number 7" in refused.value.message
    assert not (tmp_path / "x.zip").exists()
