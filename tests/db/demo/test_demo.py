"""Demo data is written with raw SQL for speed, so check it keeps the rules that
register_case enforces for real complaints."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest

from db import demo
from db.intake.cases import format_case_no
from db.intake.queries import CaseFilter, case_count, status_counts
from db.intake.validation import is_valid_phone
from db.store import codes, sqlite_features, vocab
from db.store.models import AuditLog, Case, CaseEvent, Outlet, Staff, database

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
            # The earliest running clock: the agreed reply, or an earlier internal limit
            # (first contact, proposal) for complaints that did not arrive in person.
            assert case.due_at is not None and case.due_at <= case.agreed_reply_at
        else:
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
        assert events[case.id][-1].to_status == case.status
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
    attributed to staff, and the trail verifies."""
    from db.management import targets
    from db.trust import audit

    demo.ensure_demo(120)
    stepped = [
        c
        for c in Case.select()
        if any(e.actor_name for e in audit.case_history(c.id) if e.table != "complaint_case")
    ]
    assert 1 <= len(stepped) <= 3
    statuses = {c.status for c in stepped}
    assert statuses & {vocab.STATUS_TRANSFERRED, vocab.STATUS_REPLIED}, statuses
    assert audit.verify_trail().problems == []
    assert targets.target_status(str(dt.date.today().year), dt.datetime.now(), Outlet.get())
    # A second start changes nothing.
    before = Case.select().count(), AuditLog.select().count()
    demo.ensure_demo(120)
    assert (Case.select().count(), AuditLog.select().count()) == before
