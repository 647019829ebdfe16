"""Liability determination (Art. 5(8)): each rule is attacked and must hold, writing nothing
when it refuses; a review never touches the original; no case closes without a finding;
evidence files are kept beside the database with their SHA-256 and checked."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from db.handling import workflow
from db.management import liability
from db.management.liability import Finding, Responsible
from db.store import codes, vocab
from db.store import database as database_module
from db.store.models import (
    Attachment,
    Case,
    Liability,
    LiabilityReview,
    LiablePerson,
    Outlet,
    Staff,
    database,
)
from db.trust import integrity, permissions
from db.trust.backup import attachments_folder
from tests.db.helpers import freeze_now
from tests.db.management_fixtures import (
    World,
    at,
    determined,
    evidence_file,
    files_in,
    refused_all,
    replied_case,
    world,
)
from tests.db.workflow_fixtures import events, last_event

__all__ = ["world"]


def finding(w: World, *people, basis="未按规定及时解释（Art. 7(2)）", **changes) -> Finding:
    fields = dict(
        liable=True,
        reasons="柜员未及时向客户解释等候原因",
        responsible=[Responsible(s, share) for s, share in people],
        basis=basis,
    )
    fields.update(changes)
    return Finding(**fields)


def shares_of(row: Liability) -> dict[int, int]:
    return {
        p.staff_id: p.share_bp
        for p in LiablePerson.select().where(LiablePerson.liability == row.id)
    }


# --- determining ------------------------------------------------------------------------------


def test_liable_with_shares_basis_cause_and_evidence(world: World, tmp_path: Path):
    w = world
    case = replied_case(w)
    letter = evidence_file(tmp_path, "客户来信.PDF", b"%PDF-1.4 letter")
    photo = evidence_file(tmp_path, "screen.jpg", b"\xff\xd8 jpeg bytes")
    row = liability.determine(
        case,
        w.head,
        finding(w, (w.teller, 60), (w.teller2, "40.00"), cause="onsite_attitude"),
        evidence=[letter, photo],
        at=at(3),
    )
    stored = Liability.get_by_id(row.id)
    assert stored.liable and stored.cause == "onsite_attitude"
    assert stored.basis == "未按规定及时解释（Art. 7(2)）"
    assert stored.determined_by_id == w.head.id and stored.determined_at == at(3)
    assert stored.authority == permissions.CAPACITY_HEAD
    assert shares_of(stored) == {w.teller.id: 6000, w.teller2.id: 4000}
    assert [(r.name, r.share) for r in liability.responsible_of(stored)] == [
        (w.teller.name, Decimal("60.00")),
        (w.teller2.name, Decimal("40.00")),
    ]
    assert w.reload(case).status == vocab.STATUS_LIABILITY_DETERMINED

    rows = list(Attachment.select().order_by(Attachment.id))
    assert [a.original_name for a in rows] == ["客户来信.PDF", "screen.jpg"]
    for a, content in zip(rows, (b"%PDF-1.4 letter", b"\xff\xd8 jpeg bytes"), strict=True):
        assert a.sha256 == hashlib.sha256(content).hexdigest() and a.size == len(content)
        assert a.case_id == case.id and a.liability_id == row.id and a.added_by_id == w.head.id
        assert liability.attachment_path(a).read_bytes() == content
    assert rows[0].stored_path == f"liability/{case.case_no}/{rows[0].sha256[:16]}.pdf"
    # the checksum list the backup and check code read is in step
    manifest = json.loads(
        (attachments_folder(w.path / "t.sqlite3") / "manifest.sha256.json").read_text("utf-8")
    )
    assert manifest["files"][rows[1].stored_path]["sha256"] == rows[1].sha256
    assert liability.verify_attachments() == []
    assert integrity.check_database(database).ok

    event = last_event(case)
    data = json.loads(event.data)
    assert event.kind == codes.EVENT_LIABILITY_DETERMINED
    assert data["shares"] == {str(w.teller.id): "60.00", str(w.teller2.id): "40.00"}
    assert data["attachments"] == [a.id for a in rows] and data["authority"] == "head"


def test_not_liable_records_why(world: World):
    w = world
    case = replied_case(w)
    row = liability.determine(
        case, w.head, Finding(liable=False, reasons="系统升级导致排队，非员工过错"), at=at(3)
    )
    assert not row.liable and row.reasons == "系统升级导致排队，非员工过错"
    assert row.cause == case.cause and row.basis == "" and shares_of(row) == {}


def test_non_head_is_refused(world: World, tmp_path: Path):
    w = world
    case = replied_case(w)
    letter = evidence_file(tmp_path, "a.pdf", b"a")
    for person in (w.teller, w.lobby, w.supervisor):
        refused_all(
            w,
            lambda p=person: liability.determine(
                case, p, finding(w, (w.teller, 100)), evidence=[letter], at=at(3)
            ),
            "head_only",
        )


def test_acting_head_only_within_the_span(world: World, monkeypatch):
    w = world
    case = replied_case(w)
    permissions.name_acting_head(w.head, w.lobby, at(2.5), at(5))
    clock = freeze_now(monkeypatch, at(2.2))
    # before the span and after it: refused
    refused_all(
        w,
        lambda: liability.determine(case, w.lobby, finding(w, (w.teller, 100)), at=at(2.2)),
        "head_only",
    )
    clock.moment = at(5)
    refused_all(
        w,
        lambda: liability.determine(case, w.lobby, finding(w, (w.teller, 100)), at=at(5)),
        "head_only",
    )
    # another person during the span: refused
    clock.moment = at(3)
    refused_all(
        w,
        lambda: liability.determine(case, w.teller2, finding(w, (w.teller, 100)), at=at(3)),
        "head_only",
    )
    clock.moment = at(4.99)
    row = liability.determine(case, w.lobby, finding(w, (w.teller, 100)), at=at(4.99))
    assert row.authority == permissions.CAPACITY_ACTING and row.determined_by_id == w.lobby.id
    assert json.loads(last_event(case).data)["as_acting_head"] is True
    (view,) = liability.findings(case)
    assert view.as_acting_head and view.current


def test_backdating_does_not_revive_an_ended_span(world: World, monkeypatch):
    """The acting head's span [2.5 h, 5 h) is over at 6 h: typing 4 h as the time of the
    determination does not make it theirs again; the head enters the late record."""
    w = world
    case = replied_case(w)
    permissions.name_acting_head(w.head, w.lobby, at(2.5), at(5))
    clock = freeze_now(monkeypatch, at(6))
    error = refused_all(
        w,
        lambda: liability.determine(case, w.lobby, finding(w, (w.teller, 100)), at=at(4)),
        "acting_span_expired",
    )
    assert "2026-09-28 12:30" in error.message and "2026-09-28 15:00" in error.message
    assert "2026-09-28 16:00" in error.message  # the real time of the attempt
    # inside the span, a time before it is refused too: that record is the head's
    clock.moment = at(4)
    refused_all(
        w,
        lambda: liability.determine(case, w.lobby, finding(w, (w.teller, 100)), at=at(2)),
        "acting_late_record",
    )
    # and the head enters the late record
    clock.moment = at(6)
    row = liability.determine(case, w.head, finding(w, (w.teller, 100)), at=at(4))
    assert row.authority == permissions.CAPACITY_HEAD and row.determined_by_id == w.head.id


def test_an_acting_heads_late_entry_inside_the_span_shows_both_times(world: World, monkeypatch):
    w = world
    case = replied_case(w)
    permissions.name_acting_head(w.head, w.lobby, at(2.5), at(5))
    freeze_now(monkeypatch, at(4.5))
    liability.determine(case, w.lobby, finding(w, (w.teller, 100)), at=at(3))
    event = last_event(case)
    data = json.loads(event.data)
    assert event.at == at(3)
    assert data["as_acting_head"] is True and data["entered_at"] == "2026-09-28 14:30:00"


@pytest.mark.parametrize(
    "shares",
    [(50, 40), (60, 60), ("33.33", "33.33"), (99.99, 0.02)],
)
def test_shares_must_add_up_to_100(world: World, shares):
    w = world
    case = replied_case(w)
    error = refused_all(
        w,
        lambda: liability.determine(
            case, w.head, finding(w, *zip((w.teller, w.teller2), shares, strict=True)), at=at(3)
        ),
        "shares_sum",
    )
    assert "%" in error.message


@pytest.mark.parametrize("share", [0, -5, 100.01, "33.333", "abc", "NaN", True, None])
def test_each_share_is_a_percentage(world: World, share):
    w = world
    case = replied_case(w)
    refused_all(
        w,
        lambda: liability.determine(case, w.head, finding(w, (w.teller, share)), at=at(3)),
        "share_invalid",
    )


def test_three_equal_shares_add_up(world: World):
    w = world
    assert liability.equal_shares(3) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert liability.equal_shares(1) == [Decimal("100.00")]
    assert sum(liability.equal_shares(7)) == 100
    case = replied_case(w)
    people = (w.teller, w.teller2, w.lobby)
    row = liability.determine(
        case,
        w.head,
        finding(w, *zip(people, liability.equal_shares(3), strict=True)),
        at=at(3),
    )
    assert sorted(shares_of(row).values()) == [3333, 3333, 3334]


def test_liable_needs_responsible_staff_and_a_basis(world: World):
    w = world
    case = replied_case(w)
    refused_all(
        w, lambda: liability.determine(case, w.head, finding(w), at=at(3)), "responsible_required"
    )
    refused_all(
        w,
        lambda: liability.determine(case, w.head, finding(w, (w.teller, 100), basis=" "), at=at(3)),
        "text_required",
    )
    refused_all(
        w,
        lambda: liability.determine(
            case, w.head, finding(w, (w.teller, 50), (w.teller, 50)), at=at(3)
        ),
        "responsible_duplicate",
    )
    refused_all(
        w,
        lambda: liability.determine(
            case, w.head, finding(w, (w.teller, 100), cause="bad_luck"), at=at(3)
        ),
        "unknown_code",
    )


def test_not_liable_needs_a_reason_and_nobody(world: World):
    w = world
    case = replied_case(w)
    for reasons in ("", "   ", "\n"):
        refused_all(
            w,
            lambda r=reasons: liability.determine(
                case, w.head, Finding(liable=False, reasons=r), at=at(3)
            ),
            "text_required",
        )
    refused_all(
        w,
        lambda: liability.determine(
            case,
            w.head,
            Finding(liable=False, reasons="无责", responsible=[Responsible(w.teller, 100)]),
            at=at(3),
        ),
        "responsible_not_liable",
    )


def test_staff_of_another_outlet_cannot_be_responsible(world: World):
    w = world
    case = replied_case(w)
    other = Outlet.create(name="另一网点", code="OTH01", district_branch="城南区分公司")
    stranger = Staff.create(outlet=other, name="外人", employee_no="X9", role="teller")
    refused_all(
        w,
        lambda: liability.determine(case, w.head, finding(w, (stranger, 100)), at=at(3)),
        "wrong_outlet",
    )


def test_a_former_staff_member_can_still_be_responsible(world: World):
    w = world
    case = replied_case(w)
    Staff.update(active=False).where(Staff.id == w.teller2.id).execute()
    row = determined(w, case, [(w.teller2, 100)])
    assert shares_of(row) == {w.teller2.id: 10000}


def test_determination_follows_the_state_machine(world: World):
    w = world
    case = w.case()  # awaiting reply: not yet
    refused_all(
        w,
        lambda: liability.determine(case, w.head, finding(w, (w.teller, 100)), at=at(3)),
        "transition_not_allowed",
    )


# --- evidence ---------------------------------------------------------------------------------


def test_unreadable_or_oversized_evidence_writes_nothing(world: World, tmp_path, monkeypatch):
    w = world
    case = replied_case(w)
    good = evidence_file(tmp_path, "good.pdf", b"good")
    refused_all(
        w,
        lambda: liability.determine(
            case,
            w.head,
            finding(w, (w.teller, 100)),
            evidence=[good, tmp_path / "missing.pdf"],
            at=at(3),
        ),
        "attachment_unreadable",
    )
    refused_all(
        w,
        lambda: liability.determine(
            case, w.head, finding(w, (w.teller, 100)), evidence=[tmp_path], at=at(3)
        ),
        "attachment_unreadable",
    )
    monkeypatch.setattr(liability, "MAX_ATTACHMENT_BYTES", 3)
    refused_all(
        w,
        lambda: liability.determine(
            case, w.head, finding(w, (w.teller, 100)), evidence=[good], at=at(3)
        ),
        "attachment_too_large",
    )


def test_a_failure_after_copying_removes_the_copies(world: World, tmp_path, monkeypatch):
    w = world
    case = replied_case(w)
    good = evidence_file(tmp_path, "good.pdf", b"good")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full while writing the event")

    monkeypatch.setattr(workflow, "apply_transition", broken)
    before = files_in(w)
    with pytest.raises(RuntimeError):
        liability.determine(case, w.head, finding(w, (w.teller, 100)), evidence=[good], at=at(3))
    assert files_in(w) == before
    assert Attachment.select().count() == 0 and Liability.select().count() == 0


def test_evidence_added_later_and_identical_content_stored_once(world: World, tmp_path):
    w = world
    case = replied_case(w)
    row = determined(w, case, [(w.teller, 100)])
    first = evidence_file(tmp_path, "一.png", b"same bytes")
    second = evidence_file(tmp_path, "二.png", b"same bytes")
    added = liability.attach_evidence(row, w.head, [first, second], at=at(4))
    assert [a.original_name for a in added] == ["一.png", "二.png"]
    assert added[0].stored_path == added[1].stored_path
    assert files_in(w) == sorted([added[0].stored_path, "manifest.sha256.json"])
    assert events(case)[-1] == codes.EVENT_EVIDENCE_ATTACHED
    refused_all(w, lambda: liability.attach_evidence(row, w.teller, [first]), "head_only")
    assert liability.verify_attachments() == []


@pytest.mark.attack("trail")
def test_tampered_or_missing_evidence_is_named_by_the_check(world: World, tmp_path):
    w = world
    case = replied_case(w)
    files = [evidence_file(tmp_path, "a.pdf", b"aaa"), evidence_file(tmp_path, "b.pdf", b"bbb")]
    liability.determine(case, w.head, finding(w, (w.teller, 100)), evidence=files, at=at(3))
    a, b = Attachment.select().order_by(Attachment.id)
    liability.attachment_path(a).write_bytes(b"forged")
    liability.attachment_path(b).unlink()
    problems = liability.verify_attachments()
    assert problems == [
        f"evidence {a.stored_path} of case {case.case_no} has changed (SHA-256 does not match)",
        f"evidence {b.stored_path} of case {case.case_no} is missing",
    ]
    # the existing check of the checksum list sees it too, and the table check can join it
    report = integrity.check_database(database, checks=[*integrity.CHECKS])
    assert not report.ok
    table_check = liability.attachment_check()
    report = integrity.check_database(database, checks=[table_check])
    assert report.problems == [f"Evidence files: {p}" for p in problems]


def test_the_database_check_runs_the_evidence_check(world: World, tmp_path):
    """``complaint-desk check`` and the start of the app register it (db/checks.py)."""
    from db import checks

    w = world
    case = replied_case(w)
    files = [evidence_file(tmp_path, "a.pdf", b"aaa")]
    liability.determine(case, w.head, finding(w, (w.teller, 100)), evidence=files, at=at(3))
    (a,) = Attachment.select()
    liability.attachment_path(a).write_bytes(b"forged")
    saved = list(integrity.CHECKS)
    try:
        checks.register_domain_checks()
        report = integrity.check_database(database)
    finally:
        integrity.CHECKS[:] = saved
    assert (
        f"Evidence files: evidence {a.stored_path} of case {case.case_no} has changed "
        "(SHA-256 does not match)"
    ) in report.problems


def test_in_memory_database_has_no_attachments_folder(tmp_path):
    from peewee import SqliteDatabase

    with pytest.raises(Exception) as excinfo:
        liability.attachments_dir(SqliteDatabase(":memory:"))
    assert getattr(excinfo.value, "code", None) == "attachments_unavailable"


# --- reviews ----------------------------------------------------------------------------------


def _snapshot(row: Liability) -> tuple[dict, dict]:
    stored = Liability.get_by_id(row.id)
    return dict(stored.__data__), shares_of(stored)


def test_upheld_review_keeps_the_original_current(world: World):
    w = world
    case = replied_case(w)
    original = determined(w, case, [(w.teller, 100)])
    before = _snapshot(original)
    review = liability.review(
        original, w.head, outcome=codes.REVIEW_UPHELD, reason="区分公司复核维持", at=at(5)
    )
    assert _snapshot(original) == before
    assert review.result_id is None and review.liability_id == original.id
    assert liability.current_finding(case).id == original.id
    assert events(case)[-1] == codes.EVENT_LIABILITY_REVIEWED


def test_changed_review_is_a_new_finding_and_the_original_stays(world: World):
    w = world
    case = replied_case(w)
    original = determined(w, case, [(w.teller, 100)])
    before = _snapshot(original)
    review = liability.review(
        original,
        w.head,
        outcome=codes.REVIEW_CHANGED,
        reason="复核发现刘洋同样未解释",
        finding=finding(w, (w.teller, 70), (w.teller2, 30)),
        at=at(6),
    )
    assert _snapshot(original) == before
    assert LiabilityReview.select().count() == 1
    new = Liability.get_by_id(review.result_id)
    assert shares_of(new) == {w.teller.id: 7000, w.teller2.id: 3000}
    assert new.determined_at == at(6)
    assert liability.current_finding(case).id == new.id
    views = liability.findings(case)
    assert [(v.id, v.current, v.from_review) for v in views] == [
        (original.id, False, None),
        (new.id, True, review.id),
    ]
    # the superseded finding can no longer be reviewed; the new one can
    refused_all(
        w,
        lambda: liability.review(
            original, w.head, outcome=codes.REVIEW_UPHELD, reason="再复核", at=at(7)
        ),
        "finding_superseded",
    )
    liability.review(new, w.head, outcome=codes.REVIEW_UPHELD, reason="维持", at=at(7))


def test_overturned_review_reverses_and_the_case_status_stays(world: World):
    w = world
    case = replied_case(w)
    original = determined(w, case, [(w.teller, 100)])
    workflow.close_case(case, w.head, at=at(4))
    review = liability.review(
        original,
        w.head,
        outcome=codes.REVIEW_OVERTURNED,
        reason="监控显示系统故障所致",
        finding=Finding(liable=False, reasons="系统故障，员工无责"),
        at=at(8),
    )
    new = Liability.get_by_id(review.result_id)
    assert not new.liable and Liability.get_by_id(original.id).liable
    assert w.reload(case).status == vocab.STATUS_CLOSED


def test_review_rules(world: World):
    w = world
    case = replied_case(w)
    original = determined(w, case, [(w.teller, 100)])

    def attempt(**changes):
        kwargs = dict(outcome=codes.REVIEW_CHANGED, reason="复核", at=at(5))
        kwargs.update(changes)
        actor = kwargs.pop("actor", w.head)
        return lambda: liability.review(original, actor, **kwargs)

    refused_all(w, attempt(actor=w.lobby, finding=finding(w, (w.teller2, 100))), "head_only")
    refused_all(w, attempt(reason=" ", finding=finding(w, (w.teller2, 100))), "text_required")
    refused_all(w, attempt(outcome="softened"), "unknown_code")
    refused_all(w, attempt(), "new_finding_required")
    refused_all(
        w,
        attempt(outcome=codes.REVIEW_UPHELD, finding=finding(w, (w.teller2, 100))),
        "upheld_no_new_finding",
    )
    # overturned must reverse; changed must not
    refused_all(
        w,
        attempt(outcome=codes.REVIEW_OVERTURNED, finding=finding(w, (w.teller2, 100))),
        "review_outcome_mismatch",
    )
    refused_all(
        w,
        attempt(finding=Finding(liable=False, reasons="无责")),
        "review_outcome_mismatch",
    )
    # the new finding obeys the same rules as a determination
    refused_all(w, attempt(finding=finding(w, (w.teller2, 90))), "shares_sum")
    refused_all(w, attempt(at=at(2.5), finding=finding(w, (w.teller2, 100))), "not_after")


def test_a_review_shows_what_it_changes_before_and_after(world: World):
    w = world
    case = replied_case(w)
    original = determined(w, case, [(w.teller, 60), (w.teller2, 40)])
    # Starting from the current finding changes nothing, whatever the order entered.
    start = liability.finding_of(original)
    assert [(r.staff.id, Decimal(r.share)) for r in start.responsible] == [
        (w.teller.id, Decimal("60.00")),
        (w.teller2.id, Decimal("40.00")),
    ]
    assert (start.liable, start.basis, start.cause) == (True, original.basis, original.cause)
    assert liability.finding_changes(original, start) == []
    reordered = finding(
        w, (w.teller2, 40), (w.teller, 60), basis=original.basis, reasons=original.reasons
    )
    assert liability.finding_changes(original, reordered) == []

    edited = finding(w, (w.teller, 100), basis="Art. 7(2) 未解释", reasons=original.reasons)
    changes = liability.finding_changes(original, edited)
    assert [(c.field, c.before, c.after) for c in changes] == [
        (
            liability.CHANGE_RESPONSIBLE,
            ((w.teller.name, Decimal("60.00")), (w.teller2.name, Decimal("40.00"))),
            ((w.teller.name, Decimal("100.00")),),
        ),
        (liability.CHANGE_BASIS, original.basis, "Art. 7(2) 未解释"),
    ]
    overturned = liability.finding_changes(
        original, Finding(liable=False, reasons="系统故障", cause="facilities_systems")
    )
    assert [c.field for c in overturned] == [
        liability.CHANGE_LIABLE,
        liability.CHANGE_RESPONSIBLE,
        liability.CHANGE_BASIS,
        liability.CHANGE_CAUSE,
        liability.CHANGE_REASONS,
    ]
    assert (overturned[0].before, overturned[0].after) == (True, False)
    assert overturned[3].after == "facilities_systems"

    review = liability.review(
        original, w.head, outcome=codes.REVIEW_CHANGED, reason="复核", finding=edited, at=at(5)
    )
    stored = liability.changes_between(original, Liability.get_by_id(review.result_id))
    assert stored == changes


# --- closing ----------------------------------------------------------------------------------


def test_close_without_determination_is_refused(world: World):
    w = world
    case = replied_case(w)
    # the state machine: a replied case is not ready to close, and the refusal says why
    error = refused_all(
        w, lambda: workflow.close_case(case, w.head, at=at(4)), "close_before_liability"
    )
    assert "determined liability (Art. 5)" in error.message and "'replied'" in error.message
    # and even a case put into the last state by other means needs its determination
    Case.update(status=vocab.STATUS_LIABILITY_DETERMINED).where(Case.id == case.id).execute()
    refused_all(w, lambda: workflow.close_case(case, w.head, at=at(4)), "liability_missing")
    determined(w, case, [(w.teller, 100)])
    workflow.close_case(case, w.head, at=at(5))
    assert w.reload(case).status == vocab.STATUS_CLOSED


def test_workflow_shorthand_shares_equally(world: World):
    w = world
    case = replied_case(w)
    row = liability.determine_liability(
        case,
        w.head,
        liable=True,
        responsible=[w.teller, w.teller2, w.teller],
        reasons="未解释",
        at=at(3),
    )
    assert shares_of(row) == {w.teller.id: 5000, w.teller2.id: 5000}
    assert row.basis == "未解释" and row.cause == case.cause


# --- migration of earlier determinations -------------------------------------------------------


def test_earlier_determinations_are_split_equally_by_the_migration(tmp_path, monkeypatch):
    """A file at version 3 with a determination naming three people: after migration 0004
    the shares are 33.34 / 33.33 / 33.33 and the cause is the case's."""
    real = database_module.MIGRATIONS_DIR
    only_three = tmp_path / "migrations"
    only_three.mkdir()
    for name in ("0001_initial.py", "0002_search_settings_guards.py", "0003_workflow.py"):
        shutil.copy(real / name, only_three / name)
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", only_three)
    path = tmp_path / "v3.sqlite3"
    database_module.open_database(path)
    database_module.close_database()
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "INSERT INTO outlet (name, code, district_branch, created_at)"
            " VALUES ('网点', 'V3', '区', '2026-01-01 00:00:00')"
        )
        for i in range(1, 4):
            con.execute(
                "INSERT INTO staff (outlet_id, name, employee_no, role, active)"
                " VALUES (1, ?, ?, 'teller', 1)",
                (f"员工{i}", f"E{i}"),
            )
        con.execute(
            "INSERT INTO complaint_case (outlet_id, case_no, year, seq, received_at, route,"
            " channel, business_type, cause, severity, urgent_triggers, customer_name,"
            " customer_phone, customer_id_no, remedy_requested, description,"
            " first_ask_owner_id, status, is_open, settlement, created_at, updated_at)"
            " VALUES (1, 'V3-2026-000001', 2026, 1, '2026-03-01 09:00:00', 'outlet_in_person',"
            " 'onsite', 'rmb_savings', 'onsite_attitude', 'ordinary', '', '客户', '', '', '',"
            " '描述', 1, 'liability_determined', 1, '', '2026-03-01 09:00:00',"
            " '2026-03-01 09:00:00')"
        )
        con.execute(
            "INSERT INTO liability (case_id, liable, reasons, determined_by_id, determined_at)"
            " VALUES (1, 1, '有责', 1, '2026-03-02 09:00:00')"
        )
        for i in range(1, 4):
            con.execute("INSERT INTO liable_person (liability_id, staff_id) VALUES (1, ?)", (i,))
    con.close()
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", real)
    try:
        database_module.open_database(path)
        people = list(LiablePerson.select().order_by(LiablePerson.id))
        assert [p.share_bp for p in people] == [3334, 3333, 3333]
        row = Liability.get_by_id(1)
        assert row.cause == "onsite_attitude" and row.basis == "" and row.authority == "head"
    finally:
        database_module.close_database()


def test_current_finding_in_sql_matches_python(world: World):
    w = world
    a, b = replied_case(w), replied_case(w, received_at=at(-1))
    first = determined(w, a, [(w.teller, 100)])
    liability.review(
        first,
        w.head,
        outcome=codes.REVIEW_OVERTURNED,
        reason="复核",
        finding=Finding(liable=False, reasons="无责"),
        at=at(5),
    )
    determined(w, b, [(w.teller2, 100)])
    liable_now = (
        Case.select(Case.id)
        .join(Liability, on=(Liability.case == Case.id))
        .where(Liability.liable == True)  # noqa: E712
        .where(Liability.id == liability.current_finding_id(Case.id))
    )
    assert [c.id for c in liable_now] == [b.id]


def test_migration_applied_after_the_audit_trail_keeps_the_trail_sound(tmp_path, monkeypatch):
    """A file made while 0005 (the audit trail) already existed but 0004 did not: applying
    0004 late rewrites the altered rows with entries that carry the new columns."""
    from db.intake import outlets
    from db.trust import audit

    real = database_module.MIGRATIONS_DIR
    without = tmp_path / "migrations"
    without.mkdir()
    for path in real.glob("[0-9]*.py"):
        if not path.name.startswith("0004"):
            shutil.copy(path, without / path.name)
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", without)
    path = tmp_path / "late.sqlite3"
    db = database_module.open_database(path)
    try:
        outlets.setup_outlet(outlets.OutletSetup("网点", "LATE1", "区", "王建国", "E1"))
        db.execute_sql(
            "INSERT INTO complaint_case (outlet_id, case_no, year, seq, received_at, route,"
            " channel, business_type, cause, severity, urgent_triggers, customer_name,"
            " customer_phone, customer_id_no, remedy_requested, description,"
            " first_ask_owner_id, status, is_open, settlement, created_at, updated_at)"
            " VALUES (1, 'LATE1-2026-000001', 2026, 1, '2026-03-01 09:00:00',"
            " 'outlet_in_person', 'onsite', 'rmb_savings', 'onsite_attitude', 'ordinary', '',"
            " '客户', '', '', '', '描述', 1, 'liability_determined', 1, '',"
            " '2026-03-01 09:00:00', '2026-03-01 09:00:00')"
        )
        db.execute_sql(
            "INSERT INTO liability (case_id, liable, reasons, determined_by_id, determined_at)"
            " VALUES (1, 1, '有责', 1, '2026-03-02 09:00:00')"
        )
        db.execute_sql("INSERT INTO liable_person (liability_id, staff_id) VALUES (1, 1)")
        assert audit.verify_trail(db).ok
    finally:
        database_module.close_database()
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", real)
    db = database_module.open_database(path)
    try:
        assert "0004_management" in [
            r[0] for r in db.execute_sql("SELECT name FROM schema_migration").fetchall()
        ]
        assert LiablePerson.get_by_id(1).share_bp == 10000
        report = audit.verify_trail(db)
        assert report.ok, [str(p) for p in report.problems]
    finally:
        database_module.close_database()
