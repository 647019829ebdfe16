"""The district store's rules: natural keys, one owner per record, newer outlet states
replace only the outlet's part, and the district's own writes are audited."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import DatabaseError, IntegrityError

from db.district import audit, consolidate
from db.district.models import (
    CaseEscalation,
    CaseEvent,
    CaseNotice,
    DistrictAudit,
    EscalationHandling,
    LiabilityFinding,
    LiablePerson,
    OutletCase,
    district_database,
)
from tests.district.helpers import add_district, add_outlet, case_entry, staff

UTC = dt.UTC


@pytest.fixture
def outlets(district_db):
    add_district()
    return add_outlet("BJ0101"), add_outlet("BJ0102")


def _escalated(case_no: str, *, note: str = "超出网点处理权限", events: int = 2) -> dict:
    escalation = {"at": "2026-03-02T11:00:00", "by": staff("王建国", "E1001"),
                  "level": "district", "note": note, "data": {"level": "district"}}  # fmt: skip
    entry = case_entry(case_no, status="escalated", escalations=[escalation])
    entry["events"] = entry["events"] + [
        {"at": f"2026-03-02T11:0{n}:00", "actor": staff("王建国", "E1001"), "kind": "note",
         "from_status": "", "to_status": "", "note": f"第{n}次跟进", "data": {}}
        for n in range(events - 1)
    ]  # fmt: skip
    return entry


def test_duplicate_case_number_of_one_outlet_is_refused(outlets):
    consolidate.store_case("BJ0101", case_entry("BJ0101-2026-000001"), bundle_seq=1)
    row = OutletCase.get()
    data = {f.name: getattr(row, f.name) for f in OutletCase._meta.sorted_fields}
    with pytest.raises(IntegrityError), district_database.atomic():
        OutletCase.insert(**data).execute()
    # The same number at another outlet is another case.
    consolidate.store_case("BJ0102", case_entry("BJ0101-2026-000001"), bundle_seq=1)
    assert OutletCase.select().count() == 2


def test_case_of_an_unenrolled_outlet_is_refused(outlets):
    with pytest.raises(IntegrityError):
        consolidate.store_case("XX9999", case_entry("XX9999-2026-000001"), bundle_seq=1)
    assert OutletCase.select().count() == 0


def test_store_case_keeps_every_list(outlets):
    entry = case_entry(
        "BJ0101-2026-000007",
        status="closed",
        is_open=False,
        decisions=[{"id": 41, "decided_at": "2026-03-03T09:00:00", "decided_by": staff("王建国", "E1001"),
                    "findings": "属实", "basis": "第十条", "remedies": ["review", "mediation"],
                    "remedies_note": ""}],
        notices=[{"decision": 41, "kind": "decision", "method": "sms", "at": "2026-03-03T09:30:00",
                  "proof": "短信", "recorded_by": staff("王建国", "E1001")}],
        liability=[
            {"id": 7, "liable": False, "reasons": "初判", "basis": "", "cause": "", "authority": "head",
             "determined_by": staff("王建国", "E1001"), "determined_at": "2026-03-03T10:00:00",
             "responsible": []},
            {"id": 9, "liable": True, "reasons": "复核", "basis": "第五条", "cause": "onsite_long_wait",
             "authority": "head", "determined_by": staff("王建国", "E1001"),
             "determined_at": "2026-03-04T10:00:00",
             "responsible": [{"name": "张伟", "employee_no": "E1003", "share_bp": 7000},
                             {"name": "孙丽", "employee_no": "E1004", "share_bp": 3000}]},
        ],
        current_liability=9,
        work_orders=[{"source": "95580", "number": "WO-1"}],
        attachments=[{"member": "attachments/liability/x/ab.png", "original_name": "截图.png",
                      "sha256": "a" * 64, "size": 10, "liability": 9, "added_by": None,
                      "added_at": "2026-03-04T10:05:00"}],
    )  # fmt: skip
    assert consolidate.store_case("BJ0101", entry, bundle_seq=3)
    case = OutletCase.get()
    assert (case.status, case.is_open, case.bundle_seq, case.current_liability_seq) == (
        "closed", False, 3, 2)  # fmt: skip
    assert CaseNotice.get().decision_seq == 1
    people = LiablePerson.select().order_by(LiablePerson.seq)
    assert [(p.finding_seq, p.name, p.share_bp) for p in people] == [
        (2, "张伟", 7000),
        (2, "孙丽", 3000),
    ]
    assert [f.liable for f in LiabilityFinding.select().order_by(LiabilityFinding.seq)] == [
        False,
        True,
    ]
    from db.district.models import CaseAttachment, CaseWorkOrder

    assert CaseAttachment.get().liability_seq == 2
    assert (CaseWorkOrder.get().source, CaseWorkOrder.get().number) == ("95580", "WO-1")


def test_newer_state_replaces_the_outlets_part_and_keeps_the_districts(outlets):
    case_no = "BJ0101-2026-000002"
    consolidate.store_case("BJ0101", _escalated(case_no, events=2), bundle_seq=1)
    with audit.acting_as("赵敏"):
        EscalationHandling.insert(
            outlet_code="BJ0101", case_no=case_no, escalation_seq=1,
            escalated_at=dt.datetime(2026, 3, 2, 11), accepted_at=dt.datetime(2026, 3, 3, tzinfo=UTC),
            accepted_by="赵敏", department="渠道管理部", psbc_counterpart="东城区支行个金部",
            notes="已约客户面谈", updated_at=dt.datetime(2026, 3, 3, tzinfo=UTC), updated_by="赵敏",
        ).execute()  # fmt: skip

    newer = _escalated(case_no, note="客户坚持赔偿", events=4)
    newer["status"] = "fed_back"
    assert consolidate.store_case("BJ0101", newer, bundle_seq=2)

    assert OutletCase.get().status == "fed_back"
    assert CaseEvent.select().count() == 4
    assert CaseEscalation.get().note == "客户坚持赔偿"
    handling = EscalationHandling.get()
    assert (handling.department, handling.notes) == ("渠道管理部", "已约客户面谈")


def test_older_bundle_never_overwrites_a_newer_state(outlets):
    case_no = "BJ0101-2026-000003"
    consolidate.store_case("BJ0101", case_entry(case_no, status="replied"), bundle_seq=5)
    stale = case_entry(case_no, status="awaiting_reply", events=[])
    assert not consolidate.store_case("BJ0101", stale, bundle_seq=4)
    assert OutletCase.get().status == "replied"
    assert CaseEvent.select().count() == 1
    # The same bundle again is a repeat: stored again, the same.
    assert consolidate.store_case("BJ0101", case_entry(case_no, status="replied"), bundle_seq=5)
    assert CaseEvent.select().count() == 1


def test_case_with_district_handling_cannot_be_deleted(outlets):
    case_no = "BJ0101-2026-000004"
    consolidate.store_case("BJ0101", _escalated(case_no), bundle_seq=1)
    EscalationHandling.insert(outlet_code="BJ0101", case_no=case_no, escalation_seq=1,
                              escalated_at=dt.datetime(2026, 3, 2, 11),
                              updated_at=dt.datetime(2026, 3, 3, tzinfo=UTC),
                              updated_by="赵敏").execute()  # fmt: skip
    with pytest.raises(IntegrityError), district_database.atomic():
        OutletCase.delete().execute()
    assert OutletCase.select().count() == 1


def test_malformed_entry_writes_nothing(outlets):
    bad = case_entry("BJ0101-2026-000005", events=[{"at": "yesterday", "kind": "note"}])
    with pytest.raises(consolidate.CaseEntryError) as refused:
        consolidate.store_case("BJ0101", bad, bundle_seq=1)
    assert refused.value.code == "case_entry_bad_time"
    assert OutletCase.select().count() == 0


def test_only_one_district_per_database(district_db):
    add_district()
    with pytest.raises(IntegrityError), district_database.atomic():
        add_district("DC02", "西城区分公司")


def test_district_writes_are_audited_with_who(outlets):
    before = DistrictAudit.select().count()
    with audit.acting_as("钱主管"):
        district_database.execute_sql("UPDATE outlet SET name = '建国门支局' WHERE code = 'BJ0101'")
    entry = DistrictAudit.select().order_by(DistrictAudit.id.desc()).get()
    assert DistrictAudit.select().count() == before + 1
    assert (entry.actor, entry.table_name, entry.op, entry.row_key) == (
        "钱主管", "outlet", "U", {"code": "BJ0101"})  # fmt: skip
    assert entry.before["name"] == "BJ0101网点" and entry.after["name"] == "建国门支局"
    # Without a named officer, the database role is recorded.
    district_database.execute_sql("UPDATE outlet SET active = false WHERE code = 'BJ0102'")
    last = DistrictAudit.select().order_by(DistrictAudit.id.desc()).get()
    assert last.actor == district_database.execute_sql("SELECT session_user").fetchone()[0]
    assert audit.verify_trail() == []


def test_outlet_data_is_not_in_the_district_trail(outlets):
    before = DistrictAudit.select().count()
    consolidate.store_case("BJ0101", case_entry("BJ0101-2026-000006"), bundle_seq=1)
    assert DistrictAudit.select().count() == before


def test_audit_trail_cannot_be_changed_and_tampering_is_found(outlets):
    with pytest.raises(DatabaseError) as refused, district_database.atomic():
        district_database.execute_sql("UPDATE district_audit SET actor = 'someone else'")
    assert "cannot be changed" in str(refused.value)
    with pytest.raises(DatabaseError), district_database.atomic():
        district_database.execute_sql("DELETE FROM district_audit")
    # Someone who drops the guard to rewrite an entry is still found out by the hashes.
    with district_database.atomic():
        district_database.execute_sql("ALTER TABLE district_audit DISABLE TRIGGER USER")
        district_database.execute_sql(
            "UPDATE district_audit SET after = jsonb_set(after, '{name}', '\"伪造\"') "
            "WHERE table_name = 'outlet' AND row_key = '{\"code\": \"BJ0101\"}'"
        )
        district_database.execute_sql("ALTER TABLE district_audit ENABLE TRIGGER USER")
    problems = audit.verify_trail()
    assert problems and "does not match its hash" in problems[0].reason
