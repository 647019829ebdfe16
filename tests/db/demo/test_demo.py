"""Demo data is written with raw SQL for speed, so check it keeps the rules that
register_case and the workflow enforce for real complaints, and the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest
from peewee import fn

from db import demo
from db.handling import workflow
from db.intake.cases import format_case_no
from db.intake.queries import CaseFilter, case_count, status_counts
from db.intake.validation import is_valid_phone
from db.store import codes, sqlite_features, vocab
from db.store.models import (
    AuditLog,
    Callback,
    Case,
    CaseEvent,
    Liability,
    LiablePerson,
    Outlet,
    Staff,
    database,
)

AT = dt.datetime(2026, 3, 16, 15, 0, 0)
COUNT = 400


@pytest.fixture
def demo_db(sqlite_db):
    added = demo.fill_demo(COUNT, at=AT)
    assert added == COUNT
    return sqlite_db


def test_demo_outlet_and_staff(demo_db):
    assert Outlet.select().count() == 1
    assert Staff.select().count() == 1 + len(demo.DEMO_STAFF)
    assert Staff.select().where(Staff.role == vocab.ROLE_HEAD).count() == 1


def test_demo_cases_keep_the_registration_rules(demo_db):
    outlet = Outlet.get()
    active_owner_ids = {s.id for s in Staff.select().where(Staff.active == True)}  # noqa: E712
    seqs: dict[int, list[int]] = defaultdict(list)
    for case in Case.select().order_by(Case.id):
        seqs[case.year].append(case.seq)
        assert case.case_no == format_case_no(outlet.code, case.year, case.seq)
        assert case.received_at.year == case.year
        assert case.received_at <= AT
        assert case.route in vocab.ROUTES and case.channel in vocab.CHANNELS
        assert case.cause in vocab.CAUSES
        assert case.status in vocab.STATUSES
        assert case.is_open == (case.status in vocab.OPEN_STATUSES)
        triggers = [t for t in case.urgent_triggers.split(",") if t]
        assert set(triggers) <= set(vocab.URGENT_TRIGGERS)
        assert case.severity == ("urgent" if triggers else "ordinary")
        assert is_valid_phone(case.customer_phone)
        assert case.first_ask_owner_id in active_owner_ids
        if case.agreed_reply_at is not None:
            assert case.agreed_reply_at > case.received_at
        if case.is_open:
            assert case.agreed_reply_at is not None
        if case.status == vocab.STATUS_AWAITING_REPLY:
            # The earliest running clock: the agreed reply, or an earlier internal limit
            # (first contact, proposal) for complaints that did not arrive in person.
            assert case.due_at is not None and case.due_at <= case.agreed_reply_at
        if not case.is_open:
            assert case.due_at is None and case.closed_at is not None
        if case.status == vocab.STATUS_SETTLED_ON_SPOT:
            assert case.settlement
    for year, numbers in seqs.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), year


def test_demo_business_types_are_known_codes(demo_db):
    used = {c.business_type for c in Case.select(Case.business_type).distinct()}
    assert used <= set(vocab.BUSINESS_TYPES), used - set(vocab.BUSINESS_TYPES)


def test_demo_events_tell_each_case_story(demo_db):
    events = defaultdict(list)
    for event in CaseEvent.select().order_by(CaseEvent.at, CaseEvent.id):
        events[event.case_id].append(event)
    assert len(events) == COUNT
    for case in Case.select():
        kinds = [e.kind for e in events[case.id]]
        assert kinds[0] == vocab.EVENT_REGISTERED
        assert set(kinds) <= set(codes.EVENT_KINDS)
        assert (vocab.EVENT_URGENT_TRIGGERED in kinds) == (case.severity == "urgent")
        # The last status change; a review or a penalty may follow a closed case's closing.
        assert [e for e in events[case.id] if e.to_status][-1].to_status == case.status
        for event in events[case.id]:
            json.loads(event.data)


def test_demo_is_searchable_and_sound(demo_db):
    assert sqlite_features.integrity_problems(demo_db) == []
    for text in ("个窗口", "窗口"):  # the trigram index, then the LIKE fallback
        expected = Case.select().where(Case.description.contains(text)).count()
        assert expected > 0
        assert case_count(CaseFilter(search=text), at=AT) == expected
    counts = status_counts(at=AT)
    assert counts.open == Case.select().where(Case.is_open == True).count()  # noqa: E712


def test_second_fill_continues_the_numbers(demo_db):
    demo.fill_demo(50, at=AT, seed=7)
    assert Case.select().count() == COUNT + 50
    numbers = [c.case_no for c in Case.select()]
    assert len(set(numbers)) == len(numbers)
    assert database.execute_sql("SELECT COUNT(*) FROM case_search_docsize").fetchone()[0] == (
        COUNT + 50
    )


def test_ensure_demo_hands_a_few_cases_on_through_the_rules(sqlite_db):
    """The demo the program opens with (``--demo``) has targets for this year and a few
    complaints taken further by the workflow itself: their steps are in the audit trail,
    attributed to the staff who took them (the bulk's own entries name nobody: the
    program wrote them), and the trail verifies."""
    from db.management import targets
    from db.trust import audit

    demo.ensure_demo(120)
    stepped = [
        c
        for c in Case.select()
        if any(e.actor_name for e in audit.case_history(c.id) if e.table != "complaint_case")
    ]
    assert 3 <= len(stepped) <= 10
    statuses = {c.status for c in stepped}
    moved_on = {vocab.STATUS_TRANSFERRED, vocab.STATUS_REPLIED, vocab.STATUS_FED_BACK}
    assert statuses & moved_on, statuses
    assert audit.verify_trail().problems == []
    assert targets.target_status(str(dt.date.today().year), dt.datetime.now(), Outlet.get())
    # A second start changes nothing.
    before = Case.select().count(), AuditLog.select().count()
    demo.ensure_demo(120)
    assert (Case.select().count(), AuditLog.select().count()) == before


# --- the demo keeps the rules it demonstrates ---------------------------------------------


def _allowed_edges() -> dict[tuple[str, str], set[str]]:
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t in workflow.TRANSITIONS:
        edges[(t.source, t.target)].add(t.action)
    return edges


# Registration writes its first status changes itself (db.intake.cases.register_case), without an
# action: settled on the spot or a reply time agreed, straight from "received".
REGISTRATION = {
    vocab.EVENT_SETTLED_ON_SPOT: "settle",
    vocab.EVENT_REPLY_TIME_AGREED: "agree_reply_time",
}


def test_every_timeline_follows_the_transitions(demo_db):
    """Each case's events, in time order, walk db.handling.workflow.TRANSITIONS from "received" to
    the case's status; a report comes first whenever one is owed (urgent, or an
    unsatisfied customer); a closed case has its liability determination (Art. 5(8)), a
    liable one names someone, and nothing planned is left running."""
    edges = _allowed_edges()
    timelines = defaultdict(list)
    for event in CaseEvent.select().order_by(CaseEvent.at, CaseEvent.id):
        timelines[event.case_id].append(event)
    findings: dict[int, Liability] = {}  # the first: what the case was closed on
    for finding in Liability.select().order_by(Liability.id):
        findings.setdefault(finding.case_id, finding)
    pending = {c.case_id for c in Callback.select().where(Callback.done_at.is_null())}
    walked = defaultdict(int)
    for case in Case.select():
        events = timelines[case.id]
        first = events[0]
        assert (first.kind, first.from_status, first.to_status) == (
            vocab.EVENT_REGISTERED,
            None,
            vocab.STATUS_RECEIVED,
        )
        status, owed = vocab.STATUS_RECEIVED, case.severity == vocab.SEVERITY_URGENT
        registering = True
        for event in events[1:]:
            data = json.loads(event.data)
            if event.to_status is None:
                continue
            assert event.from_status == status, (case.case_no, event.kind)
            action = data.get("action")
            if action is None:
                assert registering and status == vocab.STATUS_RECEIVED, (case.case_no, event.kind)
                action = REGISTRATION[event.kind]
            else:
                registering = False
                if owed:
                    assert action in ("report", "merge", "request_review"), (case.case_no, action)
            assert action in edges[(status, event.to_status)], (case.case_no, action, status)
            walked[action] += 1
            status = event.to_status
            if action == "report":
                owed = False
            if data.get("customer_satisfied") is False or data.get("result") == "unsatisfied":
                owed = True
        assert status == case.status, case.case_no
        if case.status == vocab.STATUS_CLOSED:
            finding = findings.get(case.id)
            assert finding is not None, f"{case.case_no} closed without liability"
            assert finding.determined_at <= case.closed_at
            assert case.id not in pending
            if finding.liable:
                assert LiablePerson.select().where(LiablePerson.liability == finding.id).exists()
    # The demo shows the whole process, not only its shortest path.
    for action in ("settle", "agree_reply_time", "reply", "report", "transfer",
                   "confirm_contact", "callback", "determine_liability", "close", "escalate",
                   "feed_back"):  # fmt: skip
        assert walked[action] > 0, action


def test_closed_cases_of_the_bulk_went_through_liability(demo_db):
    """The defect this replaces: closed straight from "replied", skipping liability."""
    skipped = (
        CaseEvent.select()
        .where(
            (CaseEvent.to_status == vocab.STATUS_CLOSED)
            & (CaseEvent.from_status != vocab.STATUS_LIABILITY_DETERMINED)
        )
        .count()
    )
    closed = Case.select().where(Case.status == vocab.STATUS_CLOSED).count()
    assert closed > 0 and skipped == 0
    with_finding = (
        Case.select()
        .where(Case.status == vocab.STATUS_CLOSED)
        .where(fn.EXISTS(Liability.select().where(Liability.case == Case.id)))
        .count()
    )
    assert with_finding == closed


def test_every_demo_row_has_its_trail_entry_and_the_check_passes(demo_db, tmp_path):
    """The bulk writes its rows' trail entries itself (triggers suspended for speed): every
    row of every table has an entry, and the chain and the rows verify as
    ``complaint-desk check`` verifies them."""
    from db import demo_bulk
    from db.trust import audit, integrity

    # What the demo writes (the calendar and the settings' defaults come with the schema).
    tables = [*demo_bulk.TABLES, "outlet", "staff", "work_order", "acting_head", "target",
              "training_session", "training_attendance", "dispute", "suggestion",
              "liability_review"]  # fmt: skip
    for table in tables:
        missing = demo_db.execute_sql(
            f'SELECT count(*) FROM "{table}" AS t WHERE NOT EXISTS (SELECT 1 FROM audit_log '
            "AS a WHERE a.table_name = ? AND a.row_id = t.rowid)",
            (table,),
        ).fetchone()[0]
        assert missing == 0, table
    report = audit.verify_trail()
    assert report.problems == [] and report.entries > 6 * COUNT
    assert integrity.check_database(demo_db).ok
    # A changed bulk row is caught like any other.
    demo_db.execute_sql("DROP TRIGGER audit_liability_update")
    demo_db.execute_sql("UPDATE liability SET liable = 1 - liable WHERE id = 1")
    assert "changed without a trail entry" in str(audit.verify_trail().first_problem)


def test_the_assessment_of_the_demo_year_shows_every_section(demo_db):
    """Liability, penalties, work orders in time and late, callbacks, training, disputes,
    targets and staff: none of the report's sections starts empty."""
    from db.management import staff_records
    from db.reporting import assessment_data

    data = assessment_data.assessment_data(str(AT.year), at=AT)
    assert data.complaints > 0
    assert all(row.target is not None for row in data.targets)
    assert data.liable_total > 0 and data.liable_cases
    assert data.penalty_count > 0 and data.penalty_points > 0 and data.penalty_amount > 0
    assert data.work_orders.on_time > 0 and data.work_orders.late > 0
    assert data.callbacks.made > 0 and data.callbacks.satisfied > 0
    assert data.training_sessions > 0 and data.training_hours > 0
    assert data.disputes > 0 and data.disputes_converted > 0
    assert data.trend and data.causes
    rows = {row.name: row for row in data.staff_rows}
    assert sum(r.first_asked for r in rows.values()) > 0
    assert sum(r.handled for r in rows.values()) > 0
    assert sum(r.found_liable for r in rows.values()) > 0
    assert sum(r.callbacks_made for r in rows.values()) > 0
    assert sum(r.training_sessions for r in rows.values()) > 0
    assert staff_records.cases_handled(str(AT.year))


def test_the_demo_has_the_management_duties(demo_db):
    """An acting-head span whose decisions are the acting head's (Art. 8), a liability
    review that left the original standing, quarterly and monthly targets, suggestions."""
    from db.store.models import (
        ActingHead,
        LiabilityReview,
        Suggestion,
        Target,
        TrainingAttendance,
        WorkOrder,
    )

    (span,) = ActingHead.select()
    acting = (
        Liability.select()
        .where((Liability.authority == "acting_head") & (Liability.determined_by == span.staff_id))
        .where(Liability.determined_at.between(span.starts_at, span.ends_at))
    )
    assert acting.exists()
    assert not (
        Liability.select()
        .where(Liability.authority == "acting_head")
        .where(
            (Liability.determined_at < span.starts_at) | (Liability.determined_at >= span.ends_at)
        )
        .exists()
    )
    (review,) = LiabilityReview.select()
    assert review.result_id is not None and review.result_id != review.liability_id
    periods = {t.period for t in Target.select()}
    assert {f"{AT.year}", f"{AT.year}-Q1", f"{AT.year}-03"} <= periods
    assert TrainingAttendance.select().count() > 5
    assert {s.status for s in Suggestion.select()} >= {"adopted", "proposed"}
    # Work orders still open at the end: at least one of them not yet due.
    waiting = list(WorkOrder.select().where(WorkOrder.replied_at.is_null()))
    assert waiting and any(order.reply_by > AT for order in waiting)
