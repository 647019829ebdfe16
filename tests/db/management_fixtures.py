"""Fixtures for the management tests: liable cases ready for penalties, a
refusal check that covers the attachments folder too, and a direct way to lay down cases
with known facts for the hand-counted analysis and target fixtures.

Import the world fixture with ``from tests.db.management_fixtures import world``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from db.errors import WorkflowError
from db.handling import workflow
from db.management import liability
from db.store import codes, vocab
from db.store.models import Case, CaseEvent, Liability, Staff, database
from db.trust.backup import attachments_folder
from tests.db.workflow_fixtures import T0, World, at, dump, world

__all__ = [
    "T0",
    "World",
    "at",
    "files_in",
    "put_case",
    "refused_all",
    "replied_case",
    "determined",
    "world",
]


def files_in(w: World) -> list[str]:
    """Every file under the attachments folder, relative, sorted."""
    folder = attachments_folder(w.path / "t.sqlite3")
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def refused_all(w: World, call: Callable[[], object], code: str) -> WorkflowError:
    """``call`` raises WorkflowError ``code`` and leaves every table and every attachment
    file as it was."""
    before, files = dump(), files_in(w)
    with pytest.raises(WorkflowError) as excinfo:
        call()
    assert excinfo.value.code == code, f"{excinfo.value.code}: {excinfo.value.message}"
    assert excinfo.value.message and "{" not in excinfo.value.message
    assert dump() == before, "a refused action wrote to the database"
    assert files_in(w) == files, "a refused action left files behind"
    return excinfo.value


def replied_case(w: World, owner: Staff | None = None, **changes) -> Case:
    """A complaint received at T0 and replied to at T0 + 2 h: ready for a determination."""
    case = w.case(owner, **changes)
    workflow.reply(
        case, owner or w.teller, content="已答复", method="phone", customer_satisfied=True, at=at(2)
    )
    return case


def determined(
    w: World,
    case: Case,
    people: list[tuple[Staff, object]],
    *,
    when: dt.datetime | None = None,
    basis: str = "未按规定向客户解释等候原因（Art. 7(2)）",
) -> Liability:
    """A liable determination by the head with the given (staff, share) pairs."""
    return liability.determine(
        case,
        w.head,
        liability.Finding(
            liable=True,
            reasons="查明柜员未及时解释",
            responsible=[liability.Responsible(s, share) for s, share in people],
            basis=basis,
        ),
        at=when or at(3),
    )


_seq = {"n": 0}


def put_case(
    w: World,
    received_at: dt.datetime,
    *,
    owner: Staff | None = None,
    cause: str = "onsite_long_wait",
    channel: str = "onsite",
    severity: str = vocab.SEVERITY_ORDINARY,
    settled: bool = False,
    agreed_reply_at: dt.datetime | None = None,
    replied_at: dt.datetime | None = None,
    escalated_at: dt.datetime | None = None,
    liable: bool | None = None,
) -> Case:
    """Lay down a case with exactly these facts, written directly (not through the
    workflow), so a test can count its expectations by hand. Events carry the facts the
    queries read: the reply, the escalation, the settlement."""
    owner = owner or w.teller
    _seq["n"] += 1
    seq = _seq["n"]
    status = vocab.STATUS_SETTLED_ON_SPOT if settled else vocab.STATUS_AWAITING_REPLY
    case = Case.create(
        outlet=w.outlet,
        case_no=f"FX-{received_at.year}-{seq:06d}",
        year=received_at.year,
        seq=seq,
        received_at=received_at,
        route="outlet_in_person",
        channel=channel,
        business_type="rmb_savings",
        cause=cause,
        severity=severity,
        customer_name="测试客户",
        customer_phone="13812345678",
        description="夹具投诉",
        first_ask_owner=owner,
        status=status,
        is_open=not settled,
        agreed_reply_at=None if settled else agreed_reply_at,
        settled_at=received_at if settled else None,
        closed_at=received_at if settled else None,
        created_at=received_at,
        updated_at=received_at,
    )

    def event(kind: str, when: dt.datetime, data: dict | None = None) -> None:
        CaseEvent.create(case=case, at=when, actor=owner, kind=kind, data=json.dumps(data or {}))

    event(vocab.EVENT_REGISTERED, received_at)
    if settled:
        event(vocab.EVENT_SETTLED_ON_SPOT, received_at)
    elif agreed_reply_at is not None:
        event(vocab.EVENT_REPLY_TIME_AGREED, received_at)
    if escalated_at is not None:
        event(codes.EVENT_ESCALATED, escalated_at, {"level": "district_branch"})
    if replied_at is not None:
        event(codes.EVENT_REPLIED, replied_at)
    if liable is not None:
        row = Liability.create(
            case=case,
            liable=liable,
            reasons="夹具认定",
            basis="夹具依据" if liable else "",
            cause=cause,
            determined_by=w.head,
            determined_at=received_at + dt.timedelta(days=1),
        )
        if liable:
            database.execute_sql(
                "INSERT INTO liable_person (liability_id, staff_id, share_bp) VALUES (?, ?, ?)",
                (row.id, owner.id, 10000),
            )
    return case


def evidence_file(tmp: Path, name: str, content: bytes) -> Path:
    path = tmp / name
    path.write_bytes(content)
    return path
