"""The data behind the reports (db.report_data): masking, sections, deadlines, the
verification code and the ledger query. No Qt, no reportlab."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db import cases, vocab
from db import report_data as rd
from db.models import Case, now
from tests.db import report_cases as rc


@pytest.fixture
def world(sqlite_db) -> rc.World:
    return rc.make_world()


# --- the incident report's data ------------------------------------------------------------


def test_customer_is_masked_by_default_also_in_free_text(world):
    case = rc.urgent_case(world)
    Case.update(
        description=f"{rc.URGENT_CUSTOMER}留下电话{rc.PHONE}和身份证{rc.ID_NO}，要求回电。"
    ).where(Case.id == case.id).execute()
    data = rd.incident_report_data(case.id)
    assert data.customer == rd.CustomerInfo("欧**", "138****5678", "110***********002X", True)
    assert data.description == "欧**留下电话138****5678和身份证110***********002X，要求回电。"
    dumped = rd.canonical_json(data).decode()
    for secret in (rc.URGENT_CUSTOMER, rc.PHONE, rc.ID_NO):
        assert secret not in dumped


def test_reveal_shows_the_customer_as_recorded(world):
    case = rc.urgent_case(world)
    data = rd.incident_report_data(case.id, reveal=True)
    assert data.customer == rd.CustomerInfo(rc.URGENT_CUSTOMER, rc.PHONE, rc.ID_NO, False)
    assert data.revealed
    assert data.description == rc.URGENT_DESCRIPTION


def test_mask_id_no():
    assert rd.mask_id_no("11010519491231002X") == "110***********002X"
    assert rd.mask_id_no("") == ""
    assert rd.mask_id_no("1234567") == "*******"


def test_classification_travels_as_code_and_english_label(world):
    data = rd.incident_report_data(rc.urgent_case(world).id)
    assert data.cause == rd.Coded("fund_security", "Fund security")
    assert data.channel == rd.Coded("onsite", "On site (outlet counter)")
    assert data.route.code == "outlet_in_person"
    assert data.business_type.label == "Bank cards"
    assert data.severity == rd.Coded("urgent", "Urgent")
    assert [t.code for t in data.urgent_triggers] == ["funds_at_risk", "media_exposure"]
    assert data.outlet == rd.OutletInfo("琅琊路邮政金融网点", "LYL01", "城东区分公司")
    assert data.first_ask_owner.name == "李琊"
    assert data.head is not None and data.head.role.code == vocab.ROLE_HEAD


def test_timeline_holds_every_event_in_order(world):
    case = rc.long_case(world, notes=12)
    data = rd.incident_report_data(case.id)
    kinds = [item.kind.code for item in data.timeline]
    assert kinds[:2] == [vocab.EVENT_REGISTERED, vocab.EVENT_REPLY_TIME_AGREED]
    assert kinds.count(vocab.EVENT_NOTE) == 12
    assert [item.seq for item in data.timeline] == list(range(1, 15))
    times = [item.at for item in data.timeline]
    assert times == sorted(times)


def test_settled_case_has_settlement_and_no_deadline(world):
    data = rd.incident_report_data(rc.settled_case(world).id)
    assert data.settlement == "当场重新打印并致歉，客户表示满意。"
    assert data.deadlines == ()
    assert not data.is_open


def test_agreed_reply_deadline_running_then_overdue(world):
    case = rc.urgent_case(world)
    soon = rd.incident_report_data(case.id)
    (deadline,) = soon.deadlines
    assert deadline.state == rd.STATE_RUNNING
    assert deadline.due_at == case.agreed_reply_at and deadline.done_at is None
    later = rd.incident_report_data(case.id, at=case.agreed_reply_at + dt.timedelta(minutes=1))
    assert later.deadlines[0].state == rd.STATE_OVERDUE
    # The clock passing is not an edit: the verification code stays.
    assert rd.verification_code(soon) == rd.verification_code(later)


def test_reply_after_the_agreed_time_is_missed(world):
    data = rd.incident_report_data(rc.escalated_case(world).id)
    (deadline,) = data.deadlines
    assert deadline.state == rd.STATE_LATE
    assert deadline.done_at > deadline.due_at


def test_reply_in_time_is_met(world):
    case = rc.urgent_case(world)
    cases.add_event(
        case,
        vocab.EVENT_STATUS_CHANGED,
        actor=world.head,
        at=now(),
        from_status=vocab.STATUS_AWAITING_REPLY,
        to_status=vocab.STATUS_CLOSED,
        note="已答复客户",
    )
    (deadline,) = rd.incident_report_data(case.id).deadlines
    assert deadline.state == rd.STATE_MET


def test_sections_are_derived_from_workflow_events(world):
    data = rd.incident_report_data(rc.escalated_case(world).id)
    kinds = {s.key: [e.kind.code for e in s.entries] for s in data.sections}
    assert list(kinds) == list(rd.SECTIONS)
    assert kinds[rd.SECTION_TRANSFERS] == [rd.EV_TRANSFER_REQUESTED, rd.EV_CONTACT_CONFIRMED]
    assert kinds[rd.SECTION_ESCALATIONS] == [rd.EV_REPORTED, rd.EV_ESCALATED]
    assert kinds[rd.SECTION_DECISION] == [rd.EV_REPLIED]
    assert kinds[rd.SECTION_CALLBACKS] == [rd.EV_CALLBACK_DONE]
    assert kinds[rd.SECTION_LIABILITY] == [rd.EV_LIABILITY_DETERMINED]
    assert kinds[rd.SECTION_WORK_ORDERS] == []
    liability = data.section(rd.SECTION_LIABILITY)
    assert liability is not None and "王昇" in liability.entries[0].note
    assert data.handler is not None and data.handler.name == "王昇"


def test_unknown_case():
    with pytest.raises(rd.CaseNotFound):
        rd.incident_report_data(999_999)


def test_unknown_case_number(world):
    with pytest.raises(rd.CaseNotFound):
        rd.incident_report_data_by_number("LYL01-2026-999999")


# --- the verification code ------------------------------------------------------------------


def test_verification_code_is_a_stable_sha256(world):
    case = rc.urgent_case(world)
    first = rd.incident_report_data(case.id, at=now())
    second = rd.incident_report_data(case.id, at=now() + dt.timedelta(seconds=30))
    code = rd.verification_code(first)
    assert len(code) == 64 and int(code, 16) >= 0
    assert code == rd.verification_code(second)
    payload = json.loads(rd.canonical_json(first))
    assert "generated_at" not in payload
    assert payload["case_no"] == case.case_no


def test_verification_code_covers_codes_not_labels(world):
    data = rd.incident_report_data(rc.urgent_case(world).id)
    payload = rd.canonical_json(data).decode()
    assert '"code":"fund_security"' in payload
    assert "Fund security" not in payload  # rewording a label must not break old reports


def test_verification_code_leaves_out_empty_sections(world):
    data = rd.incident_report_data(rc.urgent_case(world).id)
    assert json.loads(rd.canonical_json(data))["sections"] == []
    escalated = rd.incident_report_data(rc.escalated_case(world).id)
    keys = [s["key"] for s in json.loads(rd.canonical_json(escalated))["sections"]]
    assert rd.SECTION_WORK_ORDERS not in keys and rd.SECTION_LIABILITY in keys


@pytest.mark.parametrize(
    "edit",
    [
        lambda c: Case.update(description=c.description + "补充。"),
        lambda c: Case.update(customer_phone="13900001111"),
        lambda c: Case.update(cause="marketing"),
        lambda c: Case.update(agreed_reply_at=c.agreed_reply_at + dt.timedelta(hours=1)),
    ],
    ids=["description", "phone", "cause", "agreed_reply_at"],
)
def test_verification_code_changes_when_the_case_changes(world, edit):
    case = rc.urgent_case(world)
    before = rd.verification_code(rd.incident_report_data(case.id))
    edit(case).where(Case.id == case.id).execute()
    assert rd.verification_code(rd.incident_report_data(case.id)) != before


def test_verification_code_changes_with_a_new_event(world):
    case = rc.urgent_case(world)
    before = rd.verification_code(rd.incident_report_data(case.id))
    cases.add_event(case, vocab.EVENT_NOTE, actor=world.head, note="已致电客户")
    assert rd.verification_code(rd.incident_report_data(case.id)) != before


def test_masked_and_revealed_reports_have_different_codes(world):
    case = rc.urgent_case(world)
    masked = rd.verification_code(rd.incident_report_data(case.id))
    revealed = rd.verification_code(rd.incident_report_data(case.id, reveal=True))
    assert masked != revealed


# --- the ledger ----------------------------------------------------------------------------


@pytest.fixture
def ledger_world(world) -> list[Case]:
    made = [rc.urgent_case(world), rc.settled_case(world), rc.escalated_case(world)]
    made += [rc.long_case(world, notes=1) for _ in range(4)]
    return made


def test_ledger_rows_are_the_periods_cases_oldest_first(ledger_world):
    year = now().year
    rows = list(rd.ledger_rows(year=year))
    expected = sorted(
        (c for c in ledger_world if c.received_at.year == year),
        key=lambda c: (c.received_at, c.id),
    )
    assert [r.case_no for r in rows] == [c.case_no for c in expected]
    assert [r.no for r in rows] == list(range(1, len(rows) + 1))
    assert rd.ledger_count(year=year) == len(rows)
    assert list(rd.ledger_rows(year=year - 30)) == []


def test_ledger_rows_stream_in_batches_with_the_same_result(ledger_world):
    year = now().year
    assert list(rd.ledger_rows(year=year, batch_size=2)) == list(rd.ledger_rows(year=year))


def test_ledger_rows_by_date_range(ledger_world):
    # The day the newest case was received (yesterday, just after midnight), not "today".
    day = max(c.received_at for c in ledger_world).date()
    rows = list(rd.ledger_rows(start=day, end=day))
    expected = sorted(c.case_no for c in ledger_world if c.received_at.date() == day)
    assert expected and sorted(r.case_no for r in rows) == expected
    today = now().date()
    with pytest.raises(ValueError):
        rd.period_bounds(start=today, end=today - dt.timedelta(days=1))
    with pytest.raises(ValueError):
        rd.period_bounds(start=today)


def test_ledger_rows_mask_and_flag_overdue(ledger_world):
    urgent, settled, escalated = ledger_world[:3]
    rows = {r.case_no: r for r in rd.ledger_rows(year=now().year)}
    assert rows[urgent.case_no].customer_name == "欧**"
    assert rows[urgent.case_no].customer_phone == "138****5678"
    assert rows[urgent.case_no].urgent_triggers == ("funds_at_risk", "media_exposure")
    assert rows[urgent.case_no].overdue is False
    assert rows[settled.case_no].overdue is None
    assert rows[escalated.case_no].overdue is True
    assert rows[escalated.case_no].handler_name == "王昇"
    revealed = {r.case_no: r for r in rd.ledger_rows(year=now().year, reveal=True)}
    assert revealed[urgent.case_no].customer_name == rc.URGENT_CUSTOMER
