"""The round trip with two real outlets: two outlet databases filled by the program's own
demo, each enrolled with the district from its enrolment file and trusting the district's
key file; their signed bundles go up, a work order goes down to one and the result of an
escalation it led to the other; the outlets answer, their next bundles go up, and the
district sees the reply on time or late and the result in the case."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from db import demo
from db.district import enrolment, outbox, queries, workorders
from db.district.consolidate import import_bundle as district_import
from db.district.models import OutletCase
from db.exchange.export import export_bundle
from db.exchange.importing import import_bundle as outlet_import
from db.intake import outlets
from db.intake.case_outcome import escalation_outcomes
from db.store import database as store
from db.store.models import Case, WorkOrder, now
from db.trust import keys, outlet_keys
from db.workorders.orders import NewWorkOrder, record_workorder_reply

PASSWORD = "outlet-head-password-1"
DISTRICT_PASSWORD = "district-key-password-1"
SCRYPT_N = 2**10  # quick keys for a test; the program's default is far slower
CASES = 40
SINCE = dt.date(2000, 1, 1)


def _outlet(folder: Path, code: str, name: str, monkeypatch) -> Path:
    """A demo outlet under ``code`` with its key and enrolment file; the database closed."""
    monkeypatch.setattr(
        demo,
        "DEMO_OUTLET",
        dataclasses.replace(demo.DEMO_OUTLET, outlet_code=code, outlet_name=name),
    )
    path = folder / code / store.DB_FILENAME
    path.parent.mkdir(parents=True)
    demo.load_demo(path, CASES, demo_folder=True)
    outlet_keys.write_enrolment(folder / f"{code}.json", PASSWORD, actor=None, scrypt_n=SCRYPT_N)
    store.close_database()
    return path


def _up(path: Path, out: Path) -> Path:
    """The outlet at ``path`` writes its bundle up (signed with its key)."""
    store.open_database(path)
    try:
        key = outlet_keys.signing_key(PASSWORD)
        return export_bundle(out, since=SINCE, signing_key=key).path
    finally:
        store.close_database()


def test_two_demo_outlets_exchange_with_the_district(district_db, tmp_path, monkeypatch):
    paths = {
        "JSL01": _outlet(tmp_path, "JSL01", "建设路网点", monkeypatch),
        "JSL02": _outlet(tmp_path, "JSL02", "解放路网点", monkeypatch),
    }
    district_key_path = tmp_path / "district.key"
    enrolment.init_district("DC01", "东城区分公司", key_path=district_key_path,
                            password=DISTRICT_PASSWORD, actor="赵敏", scrypt_n=SCRYPT_N)  # fmt: skip
    for code in paths:
        enrolment.enrol_outlet(keys.read_enrolment_file(tmp_path / f"{code}.json"), actor="赵敏")
    key_file = tmp_path / "district-key.json"
    enrolment.write_district_key_file(key_file)
    for path in paths.values():
        store.open_database(path)
        outlet_keys.trust_district(keys.read_public_key_file(key_file), actor=None)
        store.close_database()

    # Up: both outlets' cases reach the district, each under its own code.
    for code, path in paths.items():
        summary = district_import(_up(path, tmp_path / f"{code}-up1.zip"), actor="赵敏")
        assert summary.outlet_code == code and summary.cases_stored == CASES
    for code in paths:
        assert OutletCase.select().where(OutletCase.outlet_code == code).count() == CASES

    # Down: a work order to the first outlet; the result of an escalation of the second.
    received = now() - dt.timedelta(hours=3)
    workorders.enter_work_order(
        NewWorkOrder(source="95580", number="KF-RT-1", received_at=received,
                     reply_by=received + dt.timedelta(hours=1), customer_name="李秀英",
                     customer_phone="13812345678", content="客户来电反映网点叫号混乱"),
        "JSL01", actor="赵敏",
    )  # fmt: skip
    waiting = queries.escalation_queue(outlet_code="JSL02")
    assert waiting, "the demo escalates some of its cases to the district"
    escalated = waiting[0]
    key = (escalated.outlet_code, escalated.case_no, escalated.escalation_seq)
    workorders.accept_escalation(*key, actor="赵敏")
    workorders.assign_department(*key, "区分公司个人金融部", actor="赵敏")
    workorders.record_result(*key, "与客户面谈后和解", actor="赵敏")
    signing_key = keys.unwrap(district_key_path, DISTRICT_PASSWORD)
    down = {
        code: outbox.send_bundle(
            tmp_path / f"{code}-down1.zip", code, signing_key=signing_key, actor="赵敏"
        ).path  # fmt: skip
        for code in paths
        if outbox.pending_for(code) != (0, 0, 0)
    }
    assert set(down) == set(paths)

    # The first outlet answers its work order, two hours after it arrived: late.
    store.open_database(paths["JSL01"])
    head = outlets.outlet_head(outlets.current_outlet())
    assert outlet_import(down["JSL01"], head).work_orders_created == 1
    order = WorkOrder.get(WorkOrder.number == "KF-RT-1")
    record_workorder_reply(
        order, head, content="已回电客户并致歉", at=received + dt.timedelta(hours=2)
    )
    store.close_database()
    # The second outlet finds the district's result in the case it escalated.
    store.open_database(paths["JSL02"])
    head = outlets.outlet_head(outlets.current_outlet())
    assert outlet_import(down["JSL02"], head).escalation_results == 1
    case = Case.get(Case.case_no == escalated.case_no)
    steps = escalation_outcomes(case.id)
    handled = steps[escalated.escalation_seq - 1].district
    assert handled is not None and handled.result == "与客户面谈后和解"
    assert handled.department == "区分公司个人金融部"
    store.close_database()

    # Up again: the district sees the reply, late against its reply-by.
    district_import(_up(paths["JSL01"], tmp_path / "JSL01-up2.zip"), actor="赵敏")
    (reply,) = workorders.work_order_replies("JSL01")
    assert reply.number == "KF-RT-1" and reply.reply_content == "已回电客户并致歉"
    assert reply.on_time is False
