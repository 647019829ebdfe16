"""The handling decision (Art. 19), proof of notice (Art. 21) and review (Art. 20) of
CBIRC Order 2020 No. 3."""

from __future__ import annotations

import datetime as dt
import json

from db.handling import deadlines, decisions, workflow
from db.management import liability
from db.store import codes, vocab
from db.store.models import Case, CustomerNotice
from tests.db.workflow_fixtures import World, at, events, last_event, refused, world

__all__ = ["world"]

REMEDIES = list(codes.REMEDIES)


def reported(w: World) -> Case:
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=False, at=at(20)
    )
    workflow.report(case, w.teller, w.head, at=at(21))
    return case


def decide(w: World, case: Case, actor=None, **changes):
    args = dict(
        findings="经调取监控，柜员操作无误",
        basis="依据《个人存款业务管理办法》第十条",
        remedies=REMEDIES,
        at=at(30),
    )
    args.update(changes)
    return decisions.record_decision(case, actor or w.head, **args)


def test_decision_needs_findings_basis_and_every_remedy(world: World):
    w = world
    case = reported(w)
    refused(lambda: decide(w, case, findings=""), "text_required")
    refused(lambda: decide(w, case, basis="  "), "text_required")
    error = refused(
        lambda: decide(w, case, remedies=["review", "mediation"]), "remedies_incomplete"
    )
    assert "arbitration" in error.message and "lawsuit" in error.message
    refused(lambda: decide(w, case, remedies=[*REMEDIES, "prayer"]), "unknown_code")
    refused(lambda: decide(w, case, actor=w.teller), "head_only")
    decision = decide(w, case)
    assert decision.remedies == "review,mediation,arbitration,lawsuit"
    assert events(case)[-1] == codes.EVENT_DECISION
    assert json.loads(last_event(case).data)["basis"].startswith("依据")
    clock = {c.name: c for c in deadlines.case_clocks(case, at(40))}["decision"]
    assert clock.state == deadlines.STATE_MET and clock.stopped_at == at(30)
    refused(lambda: decide(w, case), "decision_exists")


def test_decision_waits_for_an_owed_report(world: World):
    w = world
    case = w.case()
    workflow.reply(
        case, w.teller, content="答复", method="phone", customer_satisfied=False, at=at(20)
    )
    refused(lambda: decide(w, case), "must_report_first")


def test_notice_is_kept_as_proof(world: World):
    w = world
    case = reported(w)
    refused(
        lambda: decisions.record_notice(
            case, w.teller, kind="decision", method="sms", at=at(31), proof="短信"
        ),
        "no_decision",
    )
    decision = decide(w, case)
    refused(
        lambda: decisions.record_notice(
            case, w.teller, kind="decision", method="fax", at=at(31), proof="x"
        ),
        "unknown_code",
    )
    refused(
        lambda: decisions.record_notice(
            case, w.teller, kind="decision", method="sms", at=at(31), proof=""
        ),
        "text_required",
    )
    refused(
        lambda: decisions.record_notice(
            case,
            w.teller,
            kind="decision",
            method="sms",
            at=dt.datetime.now() + dt.timedelta(days=1),
            proof="x",
        ),
        "in_future",
    )
    notice = decisions.record_notice(
        case,
        w.teller,
        kind="decision",
        method="letter_posted",
        at=at(31),
        proof="挂号信 XA1234567CN",
    )
    assert notice.decision_id == decision.id and notice.at == at(31)
    assert [n.id for n in decisions.notices(case)] == [notice.id]
    assert events(case)[-1] == codes.EVENT_NOTICE


def test_review_window_counts_from_the_first_notice(world: World):
    w = world
    case = reported(w)
    decision = decide(w, case)
    # no notice yet: 30 days from the decision (29 Sep 16:00) -> 29 Oct, a working day
    assert decisions.review_window_end(decision) == deadlines.end_of_day(dt.date(2026, 10, 29))
    decisions.record_notice(
        case,
        w.teller,
        kind="decision",
        method="letter_delivered",
        at=dt.datetime(2026, 10, 2, 10, 0),
        proof="客户签收",
    )
    # 30 days after 2 Oct is Sun 1 Nov: the window ends on Mon 2 Nov
    assert decisions.review_window_end(decision) == deadlines.end_of_day(dt.date(2026, 11, 2))


def test_review_request_rules_and_clock(world: World):
    w = world
    case = reported(w)
    refused(
        lambda: decisions.request_review(case, w.teller, requested_at=at(31), content="申请核查"),
        "no_decision",
    )
    decide(w, case)
    late = dt.datetime(2026, 10, 30, 9, 0)
    refused(
        lambda: decisions.request_review(case, w.teller, requested_at=late, content="申请核查"),
        "review_late",
    )
    refused(
        lambda: decisions.request_review(case, w.teller, requested_at=at(40), content=""),
        "text_required",
    )
    review = decisions.request_review(
        case, w.teller, requested_at=at(40), content="客户不认可处理决定，申请核查"
    )
    # the case already sits with the head: no new report is owed
    assert workflow.report_owed(case) is None
    refused(
        lambda: decisions.request_review(case, w.teller, requested_at=at(41), content="再次申请"),
        "review_pending",
    )
    clock = next(c for c in deadlines.case_clocks(case, at(41)) if c.name == "review")
    # 30 days after 30 Sep is 30 Oct, a Friday
    assert clock.deadline == deadlines.end_of_day(dt.date(2026, 10, 30))
    assert clock.ref == review.id and "Art. 20" in clock.source
    refused(
        lambda: decisions.decide_review(review, w.teller, outcome="维持", upheld=True, at=at(50)),
        "head_only",
    )
    refused(
        lambda: decisions.decide_review(review, w.head, outcome="维持", upheld=True, at=at(39)),
        "not_after",
    )
    decisions.decide_review(review, w.head, outcome="维持原处理决定", upheld=True, at=at(50))
    assert review.decided_at == at(50) and review.upheld is True
    refused(
        lambda: decisions.decide_review(review, w.head, outcome="再", upheld=False, at=at(51)),
        "review_decided",
    )
    clock = next(c for c in deadlines.case_clocks(case, at(60)) if c.name == "review")
    assert clock.state == deadlines.STATE_MET


def test_review_of_a_closed_case_reopens_it_and_owes_a_report(world: World):
    w = world
    case = reported(w)
    decide(w, case)
    decisions.record_notice(
        case, w.teller, kind="decision", method="sms", at=at(31), proof="短信回执"
    )
    workflow.reply(
        case, w.head, content="送达处理决定", method="in_person", customer_satisfied=True, at=at(32)
    )
    liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(33))
    workflow.close_case(case, w.head, at=at(34))
    review = decisions.request_review(
        case, w.lobby, requested_at=at(24 * 10), content="客户申请核查"
    )
    fresh = Case.get_by_id(case.id)
    assert fresh.status == vocab.STATUS_RECEIVED and fresh.is_open
    assert workflow.report_owed(case) == "review_requested"
    assert (
        fresh.due_at == next(c for c in deadlines.case_clocks(fresh) if c.name == "review").deadline
    )
    refused(
        lambda: decisions.decide_review(
            review, w.head, outcome="维持", upheld=True, at=at(24 * 11)
        ),
        "must_report_first",
    )
    refused(
        lambda: workflow.transfer(case, w.teller, w.teller2, at=at(24 * 11)), "must_report_first"
    )
    workflow.report(case, w.lobby, w.head, at=at(24 * 11))
    decisions.decide_review(
        review, w.head, outcome="改判：退还手续费", upheld=False, at=at(24 * 12)
    )
    refused(lambda: workflow.close_case(case, w.head, at=at(24 * 13)), "close_before_liability")


def test_pending_review_blocks_closing(world: World):
    w = world
    case = reported(w)
    decide(w, case)
    workflow.reply(
        case, w.head, content="送达处理决定", method="in_person", customer_satisfied=True, at=at(32)
    )
    liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(33))
    review = decisions.request_review(case, w.teller, requested_at=at(34), content="申请核查")
    assert workflow.report_owed(case) == "review_requested"
    workflow.report(case, w.teller, w.head, at=at(35))
    workflow.reply(
        case, w.head, content="正在核查", method="phone", customer_satisfied=True, at=at(36)
    )
    liability.determine_liability(case, w.head, liable=False, reasons="无责", at=at(37))
    refused(lambda: workflow.close_case(case, w.head, at=at(38)), "pending_review")
    decisions.decide_review(review, w.head, outcome="维持", upheld=True, at=at(39))
    workflow.close_case(case, w.head, at=at(40))
    assert CustomerNotice.select().count() == 0


def test_decision_with_its_notice_is_all_or_nothing(world: World):
    w = world
    case = reported(w)
    good = decisions.NoticeDraft(kind="decision", method="sms", at=at(31), proof="短信回执")
    # A bad notice keeps the good decision out too, and a bad decision with a bad notice
    # reports both at once, without the notice's "no decision yet" that only follows.
    refused(
        lambda: decide(w, case, notice=decisions.NoticeDraft("decision", "", at(31), "x")),
        "text_required",
    )
    assert decisions.latest_decision(case) is None
    error = refused(
        lambda: decide(
            w, case, findings="", notice=decisions.NoticeDraft("decision", "fax", at(31), "x")
        ),
        "text_required",
    )
    assert {e.code for e in error.errors} == {"text_required", "unknown_code"}
    assert decisions.latest_decision(case) is None and decisions.notices(case) == []
    decision = decide(w, case, notice=good)
    assert [n.decision_id for n in decisions.notices(case)] == [decision.id]
    assert events(case)[-2:] == [codes.EVENT_DECISION, codes.EVENT_NOTICE]
