"""The data behind the reports (db.reporting.report_data): masking, sections, deadlines, the
verification code and the ledger query. No Qt, no reportlab."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from db.handling import deadlines, decisions, workflow
from db.intake import cases
from db.reporting import report_data as rd
from db.store import codes, vocab
from db.store.models import Case, database, now
from db.trust.masking import mask_id_no
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
    assert mask_id_no("11010519491231002X") == "110***********002X"
    assert mask_id_no("") == ""
    assert mask_id_no("1234567") == "*******"


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


def _clock(data: rd.IncidentData, kind: str) -> rd.Deadline:
    (clock,) = [d for d in data.deadlines if d.kind.code == kind]
    return clock


def test_settled_case_has_settlement_and_no_agreed_reply_time(world):
    data = rd.incident_report_data(rc.settled_case(world).id)
    assert data.settlement == "当场重新打印并致歉，客户表示满意。"
    assert data.agreed_reply_at is None
    # Settled on the spot: the decision clock stopped when it was settled, in time.
    (decision,) = data.deadlines
    assert (decision.kind.code, decision.state) == (deadlines.CLOCK_DECISION, rd.STATE_MET)
    assert decision.done_at == data.settled_at
    assert not data.is_open


def test_agreed_reply_deadline_running_then_overdue(world):
    case = rc.urgent_case(world)
    soon = rd.incident_report_data(case.id)
    deadline = _clock(soon, rd.DEADLINE_AGREED_REPLY)
    assert deadline.state == rd.STATE_RUNNING
    assert deadline.due_at == case.agreed_reply_at and deadline.done_at is None
    later = rd.incident_report_data(case.id, at=case.agreed_reply_at + dt.timedelta(minutes=1))
    assert _clock(later, rd.DEADLINE_AGREED_REPLY).state == rd.STATE_OVERDUE
    # The clock passing is not an edit: the verification code stays.
    assert rd.verification_code(soon) == rd.verification_code(later)


def test_reply_after_the_agreed_time_is_missed(world):
    data = rd.incident_report_data(rc.escalated_case(world).id)
    deadline = _clock(data, rd.DEADLINE_AGREED_REPLY)
    assert deadline.state == rd.STATE_LATE
    assert deadline.done_at > deadline.due_at


def test_reply_in_time_is_met(world):
    case = rc.long_case(world, notes=1)
    workflow.reply(
        case, world.teller, content="已答复客户", method="phone", customer_satisfied=True
    )
    deadline = _clock(rd.incident_report_data(case.id), rd.DEADLINE_AGREED_REPLY)
    assert deadline.state == rd.STATE_MET


def test_every_clock_is_stated_met_missed_or_running(world):
    """Agreed reply, first contact and proposal (a letter: the customer is not in contact),
    the decision with its extension and pause, the review of the decision and the
    callback: the clocks of db.handling.deadlines, each with its result."""
    # Received on Saturday 14 November 2026, so that the decision's 30 days end on a
    # working day (Monday 14 December) whatever day the suite runs.
    case = rc.escalated_case(world, at=dt.datetime(2026, 12, 4, 12, 0))
    data = rd.incident_report_data(case.id)
    states = {d.kind.code: d.state for d in data.deadlines}
    assert [d.kind.code for d in data.deadlines] == [
        deadlines.CLOCK_AGREED_REPLY,
        deadlines.CLOCK_FIRST_CONTACT,
        deadlines.CLOCK_PROPOSAL,
        deadlines.CLOCK_DECISION,
        deadlines.CLOCK_REVIEW,
        deadlines.CLOCK_CALLBACK,
    ]
    assert states[deadlines.CLOCK_AGREED_REPLY] == rd.STATE_LATE
    assert {states[k] for k in list(states)[1:]} == {rd.STATE_MET}
    first = _clock(data, deadlines.CLOCK_FIRST_CONTACT)
    assert (first.unit, first.limit) == (deadlines.UNIT_HOURS, "2")
    decision = _clock(data, deadlines.CLOCK_DECISION)
    # Extended to 30 days, and the 3 days of the appraisal not counted.
    assert decision.limit == "30"
    assert case.received_at == dt.datetime(2026, 11, 14, 9, 0)
    assert decision.due_at == dt.datetime(2026, 12, 17, 23, 59, 59)
    (extension,) = data.extensions
    assert (extension.step, extension.reason) == (1, "需调取跨行清算记录，案情复杂")
    (pause,) = data.pauses
    assert pause.kind.code == "appraisal" and pause.ended_at - pause.started_at == dt.timedelta(3)
    assert _clock(data, deadlines.CLOCK_CALLBACK).ref == world.head.name


def test_a_paused_clock_has_no_deadline_until_it_resumes(world):
    case = rc.urgent_case(world)
    decisions.start_pause(case, world.head, kind="mediation", started_at=now(), reason="调解中")
    data = rd.incident_report_data(case.id)
    decision = _clock(data, deadlines.CLOCK_DECISION)
    assert decision.due_at is None and decision.state == rd.STATE_PAUSED
    (pause,) = data.pauses
    assert pause.ended_at is None and pause.reason == "调解中"


def test_escalations_with_their_results(world):
    data = rd.incident_report_data(rc.escalated_case(world).id)
    (step,) = data.escalations
    assert step.level.code == "district_branch"
    assert (step.district_department, step.with_psbc, step.psbc_department) == (
        "城东区分公司运营管理部",
        True,
        "邮储银行城东支行",
    )
    assert step.contacted_person == "张主任" and step.contacted_at == step.at
    assert rc.PHONE not in step.summary and "138****5678" in step.summary  # masked
    tracking, fed_back = step.results
    assert tracking.kind.code == codes.EVENT_TRACKING
    assert (fed_back.kind.code, fed_back.method.code, fed_back.satisfied, fed_back.text) == (
        rd.EV_FED_BACK,
        "phone",
        True,
        rc.FEEDBACK,
    )


def test_callbacks_say_how_who_when_and_the_satisfaction(world):
    data = rd.incident_report_data(rc.escalated_case(world).id)
    (callback,) = data.callbacks
    assert (callback.assigned_to, callback.done_by) == (world.head.name, world.head.name)
    assert callback.method.code == "phone" and callback.reached
    assert callback.result.code == codes.RESULT_BASICALLY
    assert callback.done_at < callback.due_at and "基本满意" in callback.notes


def test_liability_states_every_finding_its_review_and_the_penalties(world):
    data = rd.incident_report_data(rc.escalated_case(world).id)
    first, second = data.findings
    assert (first.no, first.current, second.current, second.from_review) == (1, False, True, 1)
    assert [(r.name, r.share) for r in first.responsible] == [
        (world.teller.name, "60.00"),
        (world.lobby.name, "40.00"),
    ]
    assert [(r.name, r.share) for r in second.responsible] == [(world.teller.name, "100.00")]
    assert first.basis == "第七条第一项：熟悉业务，避免差错" and first.cause.code == "fund_security"
    (evidence,) = first.evidence
    assert evidence.name == rc.EVIDENCE_NAME
    assert evidence.sha256 == hashlib.sha256(rc.EVIDENCE_BYTES).hexdigest()
    (review,) = data.liability_reviews
    assert review.outcome.code == codes.REVIEW_CHANGED
    assert (review.reviewed_finding, review.result_finding) == (1, 2)
    changes = {c.field.code: (c.before, c.after) for c in review.changes}
    assert changes["responsible"] == ("王昇 60.00 %、李琊 40.00 %", "王昇 100.00 %")
    assert set(changes) == {"responsible", "reasons"}
    states = [(p.finding, p.staff_name, p.state.code, p.points, p.amount) for p in data.penalties]
    assert states == [
        (1, world.teller.name, codes.PENALTY_STATE_CARRIED_OVER, 2, "120.00"),
        (1, world.lobby.name, codes.PENALTY_STATE_WITHDRAWN, 1, "80.00"),
        (2, world.teller.name, codes.PENALTY_STATE_CURRENT, 2, "120.00"),
    ]
    assert data.penalties[1].review == 1 and data.penalties[1].review_note == "复核认定无责"
    assert data.penalties[2].carried_from_finding == 1


def test_sections_list_the_events_the_tables_do_not_hold(world):
    data = rd.incident_report_data(rc.escalated_case(world).id)
    kinds = {s.key: [e.kind.code for e in s.entries] for s in data.sections}
    assert list(kinds) == list(rd.SECTIONS)
    assert kinds[rd.SECTION_TRANSFERS] == [rd.EV_TRANSFER_REQUESTED, rd.EV_CONTACT_CONFIRMED]
    assert kinds[rd.SECTION_ESCALATIONS] == [rd.EV_REPORTED, rd.EV_REPORTED]
    assert rd.EV_DECISION in kinds[rd.SECTION_DECISION]
    assert kinds[rd.SECTION_CALLBACKS] == kinds[rd.SECTION_LIABILITY] == []
    assert kinds[rd.SECTION_WORK_ORDERS] == []
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


OUTCOME_LISTS = ("extensions", "pauses", "escalations", "callbacks", "findings",
                 "liability_reviews", "penalties")  # fmt: skip


def test_verification_code_leaves_out_empty_sections_and_lists(world):
    data = rd.incident_report_data(rc.urgent_case(world).id)
    payload = json.loads(rd.canonical_json(data))
    assert payload["sections"] == []
    assert not set(OUTCOME_LISTS) & set(payload)
    escalated = json.loads(rd.canonical_json(rd.incident_report_data(rc.escalated_case(world).id)))
    keys = [s["key"] for s in escalated["sections"]]
    assert rd.SECTION_WORK_ORDERS not in keys and rd.SECTION_TRANSFERS in keys
    assert set(OUTCOME_LISTS) <= set(escalated)


@pytest.mark.parametrize(
    "edit",
    [
        "UPDATE callback SET result = 'satisfied'",
        "UPDATE callback SET method = 'visit'",
        "UPDATE liability SET basis = basis || '（补）' WHERE id = 1",
        "UPDATE liable_person SET share_bp = 5000",
        "UPDATE attachment SET sha256 = replace(sha256, substr(sha256, 1, 1), 'f')",
        "UPDATE liability_review SET reason = reason || '。'",
        "UPDATE penalty SET points = points + 1 WHERE id = 1",
        "UPDATE penalty_review_action SET action = 'withdraw'",
        "UPDATE clock_extension SET reason = reason || '。'",
        "UPDATE clock_pause SET ended_at = '2026-01-01 00:00:00'",
    ],
    ids=[
        "callback result",
        "callback method",
        "basis",
        "shares",
        "evidence",
        "review",
        "penalty",
        "carry-over",
        "extension",
        "pause",
    ],  # fmt: skip
)
def test_verification_code_covers_the_outcome(world, edit):
    """Reports of a changed outcome no longer verify: the tables are edited directly, as
    someone with a database tool would (the audit trail records who)."""
    case = rc.escalated_case(world)
    before = rd.verification_code(rd.incident_report_data(case.id))
    database.execute_sql(edit)
    assert rd.verification_code(rd.incident_report_data(case.id)) != before


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
