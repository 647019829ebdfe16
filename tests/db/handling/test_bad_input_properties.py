"""Bad input: hostile text at every domain entry point that takes text.

Emoji, CJK Extension B, control characters, lone surrogates, very long text, SQL-looking
strings and right-to-left text, alone and mixed. Whatever the input, the entry point
either stores it and reads it back exactly as documented (``validation.clean_text``, plus
the phone and ID-number normalisation where those apply), or refuses it with a
ValidationError or WorkflowError that carries a readable message, having written nothing
at all (every table's row count, the audit trail included). Any other exception fails.

Run with ``-s`` to see how many examples each entry point was tried with.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from itertools import count
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import WorkflowError
from db.handling import decisions, workflow
from db.intake import cases, outlets
from db.intake.validation import ValidationError, clean_text, normalize_phone
from db.management import liability, prevention, training
from db.store import codes
from db.store.models import (
    Case,
    CaseEvent,
    CaseTransfer,
    Dispute,
    HandlingDecision,
    Liability,
    Outlet,
    Staff,
    Suggestion,
    TrainingSession,
    WorkOrder,
    database,
    now,
)
from db.trust import accounts, audit
from db.workorders import orders as workorders
from tests.db.workflow_fixtures import World, world

__all__ = ["world"]

# --- hostile text --------------------------------------------------------------------------

SQL_LOOKING = [
    "'; DROP TABLE complaint_case; --",
    "'); DELETE FROM audit_log; --",
    '" OR "1"="1',
    "' OR '1'='1",
    "%",
    "_",
    "%_%",
    "\\",
    "\\'",
    "'",
    '"',
    "`",
    "NULL",
    "1; UPDATE staff SET role='head'",
    "投诉'); --",
]
RTL = [
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202eتحويل",
    "\u202e投诉\u202c",
    "\u200f",
    "\u202b",
    "عربي ٣٤٥",
]
AWKWARD = ["\x00", "\r\n", "\r", "\n", "\t", "\x0b", "\x1f", "\x7f", "\x85", "\u2028",
           "\u3000", "\u200b", "\ufeff", "\ud800", "\udfff", "Ｘ", "１"]  # fmt: skip

emoji = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
cjk_ext_b = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
control = st.characters(categories=["Cc"])
pieces = st.one_of(
    st.text(max_size=12),
    st.text(emoji, min_size=1, max_size=6),
    st.text(cjk_ext_b, min_size=1, max_size=6),
    st.text(cjk, min_size=1, max_size=12),
    control,
    st.sampled_from(SQL_LOOKING),
    st.sampled_from(RTL),
    st.sampled_from(AWKWARD),
)
mixed = st.lists(pieces, max_size=10).map("".join)
very_long = st.builds(
    lambda unit, size: (unit * size)[:size],
    st.sampled_from(["投诉", "𠀀", "😀", "a ", "'; --", "שלום"]),
    st.integers(min_value=40, max_value=5000),
)
hostile = st.one_of(mixed, mixed, very_long, st.sampled_from(SQL_LOOKING + RTL))

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

tried: Counter[str] = Counter()
stored: Counter[str] = Counter()
refused_count: Counter[str] = Counter()
serial = count(1)


@pytest.fixture(autouse=True)
def trail_still_verifies(world: World) -> Iterator[None]:
    """After all the examples of a test, the audit chain still verifies."""
    yield
    report = audit.verify_trail()
    assert report.ok, [str(p) for p in report.problems]


@pytest.fixture(scope="module", autouse=True)
def report_examples() -> Iterator[None]:
    yield
    width = max((len(k) for k in tried), default=10)
    print("\nhypothesis examples per entry point (tried / stored / refused):")
    for name in sorted(tried):
        print(f"  {name:<{width}}  {tried[name]:>4} / {stored[name]:>4} / {refused_count[name]:>4}")
    print(f"  {'TOTAL':<{width}}  {sum(tried.values()):>4}")


# --- the property --------------------------------------------------------------------------


def row_counts() -> dict[str, int]:
    """Rows of every table, the audit trail and the search index's shadow tables included."""
    names = [
        r[0]
        for r in database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type='table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        ).fetchall()
    ]
    return {n: database.execute_sql(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


def stored_or_refused(
    entry: str, call: Callable[[], Any], read_back: Callable[[Any], Any], expected: Any
) -> None:
    """``call`` either stores exactly ``expected`` (as ``read_back`` of its result reads it
    from the database) or refuses with a readable message and writes nothing."""
    tried[entry] += 1
    before = row_counts()
    try:
        result = call()
    except (ValidationError, WorkflowError) as exc:
        refused_count[entry] += 1
        message = str(exc)
        assert message.strip(), f"{entry}: refusal without a message"
        if isinstance(exc, WorkflowError):
            # Every placeholder filled: what is left of the message once the values put in
            # it are taken out has no braces (a value may itself contain one).
            rest = exc.message
            for param in exc.params.values():
                rest = rest.replace(str(param), "")
            assert exc.message and "{" not in rest, exc.message
        else:
            assert all(e.message for e in exc.errors), exc.errors
        assert row_counts() == before, f"{entry}: a refused call wrote rows"
        return
    stored[entry] += 1
    assert read_back(result) == expected, entry


def single(value: str) -> str:
    return clean_text(value)


def multi(value: str) -> str:
    return clean_text(value, multiline=True)


def new_case(w: World, **changes: Any) -> Case:
    return w.case(received_at=now() - dt.timedelta(hours=2), **changes)


def event_note(case: Case) -> str:
    last = CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.id.desc()).get()
    return last.note


# --- registration, setup, staff ------------------------------------------------------------

CASE_FIELDS = {
    "customer_name": single,
    "customer_phone": lambda v: normalize_phone(clean_text(v)),
    "customer_id_no": lambda v: unicodedata.normalize("NFKC", clean_text(v)).upper(),
    "remedy_requested": multi,
    "description": multi,
    "settlement": multi,
}


@pytest.mark.parametrize("field", list(CASE_FIELDS))
@SETTINGS
@given(value=hostile)
def test_register_case(world: World, field: str, value: str):
    changes: dict[str, Any] = {field: value}
    if field == "settlement":
        changes.update(outcome=cases.OUTCOME_SETTLED, agreed_reply_at=None)
    stored_or_refused(
        f"cases.register_case.{field}",
        lambda: new_case(world, **changes),
        lambda case: getattr(Case.get_by_id(case.id), field),
        CASE_FIELDS[field](value),
    )


SETUP_FIELDS = ["outlet_name", "outlet_code", "district_branch", "head_name", "head_employee_no"]


@pytest.mark.parametrize("field", SETUP_FIELDS)
@SETTINGS
@given(value=hostile)
def test_setup_outlet(world: World, field: str, value: str):
    n = next(serial)
    data = outlets.OutletSetup("网点", f"X{n}", "分公司", "王建国", f"H{n}")
    setattr(data, field, value)

    def read_back(result: tuple[Outlet, Staff]) -> str:
        outlet, head = Outlet.get_by_id(result[0].id), Staff.get_by_id(result[1].id)
        column = {
            "outlet_name": outlet.name,
            "outlet_code": outlet.code,
            "district_branch": outlet.district_branch,
            "head_name": head.name,
            "head_employee_no": head.employee_no,
        }
        return column[field]

    expected = single(value).upper() if field == "outlet_code" else single(value)
    stored_or_refused(
        f"outlets.setup_outlet.{field}", lambda: outlets.setup_outlet(data), read_back, expected
    )


@pytest.mark.parametrize("field", ["name", "employee_no"])
@SETTINGS
@given(value=hostile)
def test_add_staff(world: World, field: str, value: str):
    args = {"name": "周敏", "employee_no": f"S{next(serial)}", field: value}
    stored_or_refused(
        f"outlets.add_staff.{field}",
        lambda: outlets.add_staff(world.outlet, args["name"], args["employee_no"], "teller"),
        lambda staff: getattr(Staff.get_by_id(staff.id), field),
        single(value),
    )


@settings(SETTINGS, max_examples=40)
@given(value=hostile)
def test_account_password(world: World, value: str):
    """A password is any text the rules accept, kept only as its hash: the same text logs
    in afterwards and anything else does not; text that cannot be a password (too short,
    all digits, a lone surrogate half that no keyboard types) is refused with a message."""
    staff = outlets.add_staff(world.outlet, "周敏", f"P{next(serial)}", "teller")

    def read_back(_account: Any) -> int:
        assert accounts.account_of(staff).password_hash.startswith("scrypt$")
        with pytest.raises(accounts.LoginError):
            accounts.authenticate(staff.employee_no, value + "x")
        return accounts.authenticate(staff.employee_no, value).id

    stored_or_refused(
        "accounts.create_account.password",
        lambda: accounts.create_account(staff, value, actor=world.head),
        read_back,
        staff.id,
    )


# --- workflow actions with notes and reasons ------------------------------------------------


def _transfer(w: World, v: str) -> Any:
    case = new_case(w)
    return case, lambda: workflow.transfer(case, w.teller, w.teller2, note=v)


def _cancel_transfer(w: World, v: str) -> Any:
    case = new_case(w)
    workflow.transfer(case, w.teller, w.teller2)
    return case, lambda: workflow.cancel_transfer(case, w.teller, reason=v)


def _confirm_contact(w: World, v: str) -> Any:
    case = new_case(w)
    workflow.transfer(case, w.teller, w.teller2)
    return case, lambda: workflow.confirm_contact(
        case, w.teller2, contact_at=now(), method="phone", note=v
    )


def _reply(w: World, v: str) -> Any:
    case = new_case(w)
    return case, lambda: workflow.reply(
        case, w.teller, content=v, method="phone", customer_satisfied=True
    )


def _report(w: World, v: str) -> Any:
    case = new_case(w)
    return case, lambda: workflow.report(case, w.teller, w.head, note=v)


def _agree_reply_time(w: World, v: str) -> Any:
    case = new_case(w)
    reply_at = now() + dt.timedelta(days=3)
    return case, lambda: workflow.agree_reply_time(case, w.teller, reply_at, note=v)


def _settle(w: World, v: str) -> Any:
    case = new_case(w)
    workflow.report(case, w.teller, w.head)
    return case, lambda: workflow.settle(case, w.head, v)


def _tracking_note(w: World, v: str) -> Any:
    case = new_case(w)
    return case, lambda: workflow.add_tracking_note(case, w.teller, v)


def _settled_case(w: World) -> Case:
    return new_case(w, outcome=cases.OUTCOME_SETTLED, settlement="当场致歉", agreed_reply_at=None)


def _reopen(w: World, v: str) -> Any:
    case = _settled_case(w)
    return case, lambda: workflow.reopen(case, w.head, reason=v)


def _close(w: World, v: str) -> Any:
    case = _settled_case(w)
    liability.determine_liability(case, w.head, liable=False, reasons="客户误解业务规则")
    return case, lambda: workflow.close_case(case, w.head, note=v)


def _liability(w: World, v: str) -> Any:
    case = _settled_case(w)
    return case, lambda: liability.determine_liability(case, w.head, liable=False, reasons=v)


# Each prepares a fresh case in the right state and returns it with the call to try.
WORKFLOW_ACTIONS: dict[str, Callable[[World, str], Any]] = {
    "transfer.note": _transfer,
    "cancel_transfer.reason": _cancel_transfer,
    "confirm_contact.note": _confirm_contact,
    "reply.content": _reply,
    "report.note": _report,
    "agree_reply_time.note": _agree_reply_time,
    "settle.settlement": _settle,
    "add_tracking_note.note": _tracking_note,
    "reopen.reason": _reopen,
    "close_case.note": _close,
    "determine_liability.reasons": _liability,
}


@pytest.mark.parametrize("action", list(WORKFLOW_ACTIONS))
@settings(SETTINGS, max_examples=40)
@given(value=hostile)
def test_workflow_texts(world: World, action: str, value: str):
    case, call = WORKFLOW_ACTIONS[action](world, value)

    def read_back(result: Any) -> str:
        if action == "determine_liability.reasons":
            return Liability.get_by_id(result.id).reasons
        if action == "transfer.note":
            assert CaseTransfer.get_by_id(result.id).note == event_note(case)
        return event_note(case)

    stored_or_refused(f"workflow.{action}", call, read_back, multi(value))


# --- work orders, prevention, training, decisions -------------------------------------------

WORKORDER_FIELDS = {
    "number": single,
    "customer_name": single,
    "customer_phone": lambda v: normalize_phone(clean_text(v)),
    "content": multi,
}


@pytest.mark.parametrize("field", list(WORKORDER_FIELDS))
@SETTINGS
@given(value=hostile)
def test_create_workorder(world: World, field: str, value: str):
    received = now() - dt.timedelta(hours=3)
    data = workorders.NewWorkOrder(
        source=codes.SOURCE_95580,
        number=f"KF-{next(serial)}",
        received_at=received,
        reply_by=received + dt.timedelta(days=2),
        customer_name="李秀英",
        customer_phone="13812345678",
        content="客户反映网点排队时间过长",
    )
    setattr(data, field, value)
    stored_or_refused(
        f"workorders.create_workorder.{field}",
        lambda: workorders.create_workorder(world.outlet, data, world.lobby),
        lambda wo: getattr(WorkOrder.get_by_id(wo.id), field),
        WORKORDER_FIELDS[field](value),
    )


DISPUTE_FIELDS = {
    "customer_name": multi,
    "description": multi,
    "outcome_note": multi,
    "customer_phone": lambda v: normalize_phone(clean_text(v, multiline=True)),
}


@pytest.mark.parametrize("field", list(DISPUTE_FIELDS))
@SETTINGS
@given(value=hostile)
def test_record_dispute(world: World, field: str, value: str):
    args: dict[str, Any] = dict(
        occurred_at=now() - dt.timedelta(hours=1),
        handled_by=world.lobby,
        customer_name="李秀英",
        description="客户对排队时间不满，当场解释后离开",
        cause="onsite_long_wait",
        outcome=codes.DISPUTE_DEFUSED,
        outcome_note="",
        customer_phone="",
    )
    args[field] = value
    stored_or_refused(
        f"prevention.record_dispute.{field}",
        lambda: prevention.record_dispute(world.lobby, **args),
        lambda row: getattr(Dispute.get_by_id(row.id), field),
        DISPUTE_FIELDS[field](value),
    )


@SETTINGS
@given(value=hostile)
def test_record_suggestion(world: World, value: str):
    stored_or_refused(
        "prevention.record_suggestion.content",
        lambda: prevention.record_suggestion(world.lobby, proposed_by=world.teller, content=value),
        lambda row: Suggestion.get_by_id(row.id).text,
        multi(value),
    )


@pytest.mark.parametrize("field", ["title", "trainer", "note"])
@SETTINGS
@given(value=hostile)
def test_record_session(world: World, field: str, value: str):
    args: dict[str, Any] = dict(
        held_on=now().date(),
        topic="products",
        title="理财产品适当性培训",
        trainer="王建国",
        hours=Decimal("1.5"),
        attendees=[world.teller, world.lobby],
        note="",
    )
    args[field] = value
    stored_or_refused(
        f"training.record_session.{field}",
        lambda: training.record_session(world.head, **args),
        lambda row: getattr(TrainingSession.get_by_id(row.id), field),
        multi(value),
    )


@pytest.mark.parametrize("field", ["findings", "basis", "remedies_note"])
@settings(SETTINGS, max_examples=40)
@given(value=hostile)
def test_record_decision(world: World, field: str, value: str):
    case = new_case(world)
    args: dict[str, Any] = dict(
        findings="经核实，客户所述排队时间属实",
        basis="《银行业金融机构消费者投诉处理管理办法》第十九条",
        remedies=list(codes.REMEDIES),
        remedies_note="",
    )
    args[field] = value
    stored_or_refused(
        f"decisions.record_decision.{field}",
        lambda: decisions.record_decision(case, world.head, **args),
        lambda row: getattr(HandlingDecision.get_by_id(row.id), field),
        multi(value),
    )


def test_control_characters_are_refused_as_such(world: World):
    case = new_case(world)
    with pytest.raises(WorkflowError) as excinfo:
        workflow.add_tracking_note(case, world.teller, "客户来电\x00询问进度")
    assert excinfo.value.code != "text_required", excinfo.value.message
