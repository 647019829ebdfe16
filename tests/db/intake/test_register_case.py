"""Registering a complaint (Art. 10): each rule, and attempts to break it."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest

from db.intake import cases, outlets
from db.intake.cases import OUTCOME_SETTLED, register_case
from db.intake.validation import (
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_REMEDY,
    MAX_SETTLEMENT,
    MIN_DESCRIPTION,
    ValidationError,
)
from db.store import vocab
from db.store.models import Case, CaseEvent, Staff, database, now
from tests.db.conftest import OUTLET_SETUP
from tests.db.helpers import assert_refused, row_counts, valid_case


def _events(case: Case) -> list[CaseEvent]:
    return list(CaseEvent.select().where(CaseEvent.case == case).order_by(CaseEvent.id))


def _refuse(outlet, head, field: str, code: str, message: str | None = None, **changes):
    return assert_refused(
        lambda: register_case(outlet, valid_case(head, **changes), actor=head),
        field,
        code,
        message,
    )


# --- outcomes ---------------------------------------------------------------------------


def test_settled_on_the_spot(outlet, head, lobby):
    settlement = "大堂经理当场致歉，协调加开窗口，客户表示满意。"
    data = valid_case(lobby, outcome=OUTCOME_SETTLED, settlement=settlement, agreed_reply_at=None)
    case = register_case(outlet, data, actor=lobby)

    stored = Case.get_by_id(case.id)
    assert stored.status == vocab.STATUS_SETTLED_ON_SPOT
    assert stored.is_open is False
    assert stored.settlement == settlement
    assert stored.settled_at is not None and stored.closed_at == stored.settled_at
    assert stored.due_at is None and stored.agreed_reply_at is None
    assert stored.first_ask_owner_id == lobby.id
    events = _events(case)
    assert [e.kind for e in events] == ["registered", "settled_on_spot"]
    assert (events[0].from_status, events[0].to_status) == (None, "received")
    assert (events[1].from_status, events[1].to_status) == ("received", "settled_on_spot")
    assert events[1].note == settlement
    assert all(e.actor_id == lobby.id for e in events)
    assert json.loads(events[0].data) == {
        "first_ask_owner": lobby.id,
        "received_at": data.received_at.isoformat(),
    }


def test_settled_ignores_an_agreed_reply_time(outlet, head):
    data = valid_case(head, outcome=OUTCOME_SETTLED, settlement="当场解释清楚，客户认可。")
    case = register_case(outlet, data, actor=head)
    stored = Case.get_by_id(case.id)
    assert stored.agreed_reply_at is None and stored.due_at is None


def test_reply_time_agreed(outlet, head):
    data = valid_case(head, settlement="这段文字不应保存")
    case = register_case(outlet, data, actor=head)

    stored = Case.get_by_id(case.id)
    assert stored.status == vocab.STATUS_AWAITING_REPLY
    assert stored.is_open is True
    assert stored.agreed_reply_at == data.agreed_reply_at
    assert stored.due_at == stored.agreed_reply_at
    assert stored.settlement == "" and stored.settled_at is None and stored.closed_at is None
    events = _events(case)
    assert [e.kind for e in events] == ["registered", "reply_time_agreed"]
    assert (events[1].from_status, events[1].to_status) == ("received", "awaiting_reply")
    assert json.loads(events[1].data) == {"agreed_reply_at": data.agreed_reply_at.isoformat()}


def test_microseconds_are_dropped(outlet, head):
    received = now() - dt.timedelta(minutes=30, microseconds=-123456)
    data = valid_case(head, received_at=received, agreed_reply_at=received + dt.timedelta(hours=5))
    case = register_case(outlet, data, actor=head)
    stored = Case.get_by_id(case.id)
    assert stored.received_at == received.replace(microsecond=0)
    assert stored.due_at == (received + dt.timedelta(hours=5)).replace(microsecond=0)


@pytest.mark.parametrize("outcome", ["", "pending", None])
def test_outcome_must_be_chosen(outlet, head, outcome):
    _refuse(
        outlet,
        head,
        "outcome",
        "bad_outcome",
        "Choose: settled on the spot, or an agreed reply time.",
        outcome=outcome,
    )


def test_settled_needs_a_settlement(outlet, head):
    _refuse(
        outlet,
        head,
        "settlement",
        "required",
        "This field is required.",
        outcome=OUTCOME_SETTLED,
        settlement="   ",
    )


def test_agreed_needs_a_reply_time(outlet, head):
    _refuse(
        outlet,
        head,
        "agreed_reply_at",
        "required",
        "This field is required.",
        agreed_reply_at=None,
    )


def test_empty_form_reports_every_required_field(outlet, head):
    before = row_counts()
    with pytest.raises(ValidationError) as excinfo:
        register_case(outlet, cases.NewCase(business_type="", cause=""), actor=head)
    fields = {e.field: e.code for e in excinfo.value.errors}
    assert fields == {
        "received_at": "required",
        "business_type": "required",
        "cause": "required",
        "customer_name": "required",
        "customer_phone": "required",
        "description": "required",
        "first_ask_owner": "required",
        "outcome": "bad_outcome",
    }
    assert row_counts() == before


# --- case numbers -----------------------------------------------------------------------


def test_case_numbers_per_outlet_and_year(outlet, head):
    received = now() - dt.timedelta(minutes=1)
    year = received.year
    first = register_case(outlet, valid_case(head, received_at=received), actor=head)
    second = register_case(outlet, valid_case(head, received_at=received), actor=head)
    assert first.case_no == f"BJ0101-{year}-000001"
    assert second.case_no == f"BJ0101-{year}-000002"

    last_year = dt.datetime(year - 1, 12, 31, 23, 59, 59)
    old = register_case(
        outlet,
        valid_case(head, received_at=last_year, agreed_reply_at=last_year + dt.timedelta(days=2)),
        actor=head,
    )
    assert old.case_no == f"BJ0101-{year - 1}-000001"
    assert (old.year, old.seq) == (year - 1, 1)

    third = register_case(outlet, valid_case(head, received_at=received), actor=head)
    assert third.case_no == f"BJ0101-{year}-000003"
    assert cases.case_by_number(third.case_no).id == third.id


def test_case_numbers_restart_per_outlet(outlet, head):
    other_outlet, other_head = outlets.setup_outlet(
        outlets.OutletSetup("上海市黄浦区外滩邮政支局", "sh0202", "黄浦区分公司", "周敏", "S2001")
    )
    register_case(outlet, valid_case(head), actor=head)
    register_case(outlet, valid_case(head), actor=head)
    theirs = register_case(other_outlet, valid_case(other_head), actor=other_head)
    year = theirs.received_at.year
    assert theirs.case_no == f"SH0202-{year}-000001"


def test_case_numbers_survive_a_gap(outlet, head):
    """Numbers follow the highest one used, even if a lower one is missing."""
    first = register_case(outlet, valid_case(head), actor=head)
    Case.update(seq=41, case_no=f"BJ0101-{first.year}-000041").where(Case.id == first.id).execute()
    nxt = register_case(outlet, valid_case(head), actor=head)
    assert nxt.case_no == f"BJ0101-{first.year}-000042"


def test_concurrent_registrations_get_consecutive_numbers(outlet, head, monkeypatch):
    # Make both workers read the next number before either writes it: the interleaving a
    # background import or a second window can produce. With a write lock taken at BEGIN,
    # the second worker waits at BEGIN, the barrier times out and both succeed.
    barrier = threading.Barrier(2, timeout=1)
    real_next_seq = cases.next_seq

    def next_seq_then_wait(outlet_, year):
        seq = real_next_seq(outlet_, year)
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass
        return seq

    monkeypatch.setattr(cases, "next_seq", next_seq_then_wait)
    results: list[object] = []

    def worker(n: int) -> None:
        data = valid_case(head, description=f"并发登记测试第{n}号投诉内容")
        try:
            with database.connection_context():
                results.append(register_case(outlet, data, actor=head).case_no)
        except Exception as exc:  # collected for the assertion below
            results.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    year = (now() - dt.timedelta(hours=1)).year
    assert sorted(map(str, results)) == [f"BJ0101-{year}-000001", f"BJ0101-{year}-000002"]


def test_registration_is_all_or_nothing(outlet, head, monkeypatch):
    """A failure after the case row is written leaves no case and no events behind."""
    real_add_event = cases.add_event
    calls = {"n": 0}

    def failing_add_event(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real_add_event(*args, **kwargs)

    monkeypatch.setattr(cases, "add_event", failing_add_event)
    before = row_counts()
    with pytest.raises(RuntimeError, match="disk full"):
        register_case(outlet, valid_case(head), actor=head)
    assert row_counts() == before
    monkeypatch.setattr(cases, "add_event", real_add_event)
    # The number was not used up either.
    assert register_case(outlet, valid_case(head), actor=head).seq == 1


# --- severity ---------------------------------------------------------------------------


@pytest.mark.parametrize("trigger", sorted(vocab.URGENT_TRIGGERS))
def test_each_trigger_alone_makes_a_case_urgent(outlet, head, trigger):
    case = register_case(outlet, valid_case(head, urgent_triggers=[trigger]), actor=head)
    stored = Case.get_by_id(case.id)
    assert stored.severity == vocab.SEVERITY_URGENT
    assert stored.urgent_triggers == trigger
    events = _events(case)
    assert [e.kind for e in events] == ["registered", "urgent_triggered", "reply_time_agreed"]
    assert json.loads(events[1].data) == {"triggers": [trigger]}


def test_several_triggers_are_kept_sorted_once(outlet, head):
    triggers = ["media_exposure", "funds_at_risk", "media_exposure"]
    case = register_case(outlet, valid_case(head, urgent_triggers=triggers), actor=head)
    stored = Case.get_by_id(case.id)
    assert stored.urgent_triggers == "funds_at_risk,media_exposure"
    urgent = [e for e in _events(case) if e.kind == "urgent_triggered"]
    assert len(urgent) == 1
    assert json.loads(urgent[0].data) == {"triggers": ["funds_at_risk", "media_exposure"]}


def test_a_complaint_forwarded_by_a_regulator_is_urgent_without_its_box(outlet, head):
    """Q/PSBC 0004-2014: "forwarded by a regulator" is an urgent trigger, so the receipt
    route sets it even when the form left the box unticked."""
    data = valid_case(head, route="above_regulator", channel="third_party", urgent_triggers=[])
    assert data.cleaned().urgent_triggers == ["regulator_forwarded"]
    assert cases.validate_new_case(data, now()) == []
    case = register_case(outlet, data, actor=head)
    stored = Case.get_by_id(case.id)
    assert stored.severity == vocab.SEVERITY_URGENT
    assert stored.urgent_triggers == "regulator_forwarded"
    urgent = [e for e in _events(case) if e.kind == "urgent_triggered"]
    assert [json.loads(e.data) for e in urgent] == [{"triggers": ["regulator_forwarded"]}]
    # another trigger ticked is kept beside it, once
    both = valid_case(
        head,
        route="above_regulator",
        urgent_triggers=["media_exposure", "regulator_forwarded"],
    )
    stored = Case.get_by_id(register_case(outlet, both, actor=head).id)
    assert stored.urgent_triggers == "media_exposure,regulator_forwarded"
    # no other route implies a trigger
    for route in vocab.ROUTES:
        if route != "above_regulator":
            assert cases.implied_triggers(route) == []


def test_no_trigger_means_ordinary(outlet, head):
    case = register_case(outlet, valid_case(head, urgent_triggers=[]), actor=head)
    stored = Case.get_by_id(case.id)
    assert stored.severity == vocab.SEVERITY_ORDINARY
    assert stored.urgent_triggers == ""
    assert "urgent_triggered" not in [e.kind for e in _events(case)]


@pytest.mark.parametrize(
    "triggers", [["vip_customer"], ["funds_at_risk", "FUNDS_AT_RISK"], [""], ["group_20_plus"]]
)
def test_unknown_trigger_is_refused(outlet, head, triggers):
    _refuse(
        outlet,
        head,
        "urgent_triggers",
        "unknown_code",
        "Not a known value.",
        urgent_triggers=triggers,
    )


# --- phone numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("0086-138-1234-5678", "13812345678"),
        ("  19912345678  ", "19912345678"),
        ("010-6512 3456", "01065123456"),
        ("(0755) 8888 1234", "075588881234"),
        ("（0571）8765432", "05718765432"),
        ("95580", "95580"),
        ("400-820-8888", "4008208888"),
    ],
)
def test_phone_numbers_accepted_and_normalised(outlet, head, typed, stored):
    case = register_case(outlet, valid_case(head, customer_phone=typed), actor=head)
    assert Case.get_by_id(case.id).customer_phone == stored


@pytest.mark.parametrize(
    "typed",
    [
        "1381234567",  # ten digits
        "138123456789",  # twelve digits
        "12812345678",  # no mobile network starts 12
        "138abcd5678",
        "phone",
        "110",
        "+1 415 555 0100",
        "13812345678 ext 2",
    ],
)
def test_bad_phone_numbers_refused(outlet, head, typed):
    _refuse(
        outlet,
        head,
        "customer_phone",
        "bad_phone",
        "Not a valid phone number: an 11-digit mobile or a landline with area code.",
        customer_phone=typed,
    )


@pytest.mark.parametrize("typed", ["", "   ", " - "])
def test_empty_phone_refused(outlet, head, typed):
    _refuse(
        outlet, head, "customer_phone", "required", "This field is required.", customer_phone=typed
    )


def test_international_landline_accepted(outlet, head):
    case = register_case(outlet, valid_case(head, customer_phone="+86 10 6512 3456"), actor=head)
    assert Case.get_by_id(case.id).customer_phone == "01065123456"


@pytest.mark.parametrize("typed", ["13８１２３４５６７８", "13٨١٢٣٤٥٦٧٨"])
def test_phone_never_stored_with_non_ascii_digits(outlet, head, typed):
    before = row_counts()
    try:
        case = register_case(outlet, valid_case(head, customer_phone=typed), actor=head)
    except ValidationError as exc:
        assert exc.for_field("customer_phone").code == "bad_phone"
        assert row_counts() == before
    else:
        assert Case.get_by_id(case.id).customer_phone == "13812345678"


# --- ID numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", ""),
        ("   ", ""),
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        (" 440524188001010014 ", "440524188001010014"),
    ],
)
def test_id_number_optional_and_checked(outlet, head, typed, stored):
    case = register_case(outlet, valid_case(head, customer_id_no=typed), actor=head)
    assert Case.get_by_id(case.id).customer_id_no == stored


@pytest.mark.parametrize(
    "typed",
    [
        "110105194912310021",  # wrong check digit
        "11010519491231002Y",
        "11010519491231002",  # 17 characters
        "110105491231002",  # first-generation 15-digit number
        "1101051949123100200",
        "ABCDEFGHIJKLMNOPQR",
        "110105 19491231 002X",
    ],
)
def test_bad_id_number_refused(outlet, head, typed):
    _refuse(
        outlet,
        head,
        "customer_id_no",
        "bad_id_no",
        "Not a valid 18-character ID number.",
        customer_id_no=typed,
    )


@pytest.mark.parametrize("typed", ["１１０１０５１９４９１２３１００２X", "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"])
def test_id_number_never_stored_with_non_ascii_digits(outlet, head, typed):
    before = row_counts()
    try:
        case = register_case(outlet, valid_case(head, customer_id_no=typed), actor=head)
    except ValidationError as exc:
        assert exc.for_field("customer_id_no").code == "bad_id_no"
        assert row_counts() == before
    else:
        assert Case.get_by_id(case.id).customer_id_no == "11010519491231002X"


# --- times ------------------------------------------------------------------------------


def test_received_in_the_future_refused(outlet, head):
    received = now() + dt.timedelta(minutes=10)
    _refuse(
        outlet,
        head,
        "received_at",
        "in_future",
        "Cannot be in the future.",
        received_at=received,
        agreed_reply_at=received + dt.timedelta(days=1),
    )


def test_received_slightly_ahead_is_tolerated(outlet, head):
    """Clocks on two PCs may differ by a few minutes (FUTURE_TOLERANCE is 5)."""
    received = now() + dt.timedelta(minutes=3)
    case = register_case(
        outlet,
        valid_case(head, received_at=received, agreed_reply_at=received + dt.timedelta(days=1)),
        actor=head,
    )
    assert case.received_at == received


def test_received_at_required(outlet, head):
    _refuse(outlet, head, "received_at", "required", "This field is required.", received_at=None)


@pytest.mark.parametrize(
    "offset", [dt.timedelta(0), dt.timedelta(seconds=-1), dt.timedelta(days=-3)]
)
def test_reply_time_not_after_received_refused(outlet, head, offset):
    received = now() - dt.timedelta(hours=2)
    _refuse(
        outlet,
        head,
        "agreed_reply_at",
        "reply_before_received",
        "The agreed reply time must be after the time received.",
        received_at=received,
        agreed_reply_at=received + offset,
    )


def test_reply_time_one_second_after_received_accepted(outlet, head):
    received = now() - dt.timedelta(hours=2)
    data = valid_case(
        head, received_at=received, agreed_reply_at=received + dt.timedelta(seconds=1)
    )
    assert register_case(outlet, data, actor=head).due_at == received + dt.timedelta(seconds=1)


# --- lengths ----------------------------------------------------------------------------

LIMITS = [
    # field, limit, extra changes (settlement only counts when settled)
    ("customer_name", MAX_NAME, {}),
    ("description", MAX_DESCRIPTION, {}),
    ("remedy_requested", MAX_REMEDY, {}),
    ("settlement", MAX_SETTLEMENT, {"outcome": OUTCOME_SETTLED}),
]


def test_limits_are_the_documented_ones():
    assert (MAX_NAME, MIN_DESCRIPTION, MAX_DESCRIPTION, MAX_REMEDY, MAX_SETTLEMENT) == (
        50,
        5,
        2000,
        500,
        1000,
    )


@pytest.mark.parametrize(("field", "limit", "extra"), LIMITS)
@pytest.mark.parametrize("char", ["投", "a", "𠀀"])
def test_text_at_the_limit_accepted(outlet, head, field, limit, extra, char):
    # Surrounding white space is trimmed first, so it does not count.
    text = char * limit
    case = register_case(outlet, valid_case(head, **{field: f"  {text}\n", **extra}), actor=head)
    assert getattr(Case.get_by_id(case.id), field) == text


@pytest.mark.parametrize(("field", "limit", "extra"), LIMITS)
def test_text_one_over_the_limit_refused(outlet, head, field, limit, extra):
    err = _refuse(
        outlet,
        head,
        field,
        "too_long",
        f"At most {limit} characters.",
        **{field: "投" * (limit + 1), **extra},
    )
    assert err.for_field(field).params == {"max": limit}


def test_description_minimum(outlet, head):
    case = register_case(outlet, valid_case(head, description="柜员态度差"), actor=head)
    assert Case.get_by_id(case.id).description == "柜员态度差"
    _refuse(
        outlet,
        head,
        "description",
        "too_short",
        "At least 5 characters.",
        description="  态度差！  ",
    )


@pytest.mark.parametrize("field", ["customer_name", "description"])
@pytest.mark.parametrize("blank", ["", "   ", "\n\t \r\n", "\u3000"])
def test_blank_text_is_required(outlet, head, field, blank):
    _refuse(outlet, head, field, "required", "This field is required.", **{field: blank})


# --- control characters -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "extra"),
    [
        ("customer_name", "张\x00三", {}),
        ("customer_name", "张\t三", {}),
        ("customer_name", "张\x1b[31m三", {}),
        ("customer_name", "张\x7f三", {}),
        ("customer_name", "张\ud800三", {}),
        ("description", "客户投诉内容\x07响铃", {}),
        ("description", "客户投诉内容\x00截断", {}),
        ("remedy_requested", "要求\x08退款", {}),
        ("settlement", "当场\x0c解决", {"outcome": OUTCOME_SETTLED}),
    ],
)
def test_control_characters_refused(outlet, head, field, value, extra):
    _refuse(
        outlet,
        head,
        field,
        "control_chars",
        "Contains invisible control characters.",
        **{field: value, **extra},
    )


def test_line_breaks_kept_in_description_and_flattened_in_name(outlet, head):
    data = valid_case(
        head,
        customer_name="张\n三",
        description="第一行：排队过久\r\n第二行：\t无人解释\r第三行",
        remedy_requested="一、道歉\n二、改进",
    )
    stored = Case.get_by_id(register_case(outlet, data, actor=head).id)
    assert stored.customer_name == "张 三"
    assert stored.description == "第一行：排队过久\n第二行：\t无人解释\n第三行"
    assert stored.remedy_requested == "一、道歉\n二、改进"


# --- codes ------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["route", "channel", "business_type", "cause"])
@pytest.mark.parametrize("value", ["no_such_code", "Onsite", "存款", " onsite"])
def test_unknown_codes_refused(outlet, head, field, value):
    _refuse(outlet, head, field, "unknown_code", "Not a known value.", **{field: value})


@pytest.mark.parametrize("field", ["route", "channel", "business_type", "cause"])
def test_missing_codes_refused(outlet, head, field):
    _refuse(outlet, head, field, "required", "This field is required.", **{field: ""})


@pytest.mark.parametrize(
    ("field", "vocabulary"),
    [
        ("route", vocab.ROUTES),
        ("channel", vocab.CHANNELS),
        ("business_type", vocab.BUSINESS_TYPES),
        ("cause", vocab.CAUSES),
    ],
)
def test_every_known_code_accepted(outlet, head, field, vocabulary):
    with database.atomic():
        for code in vocabulary:
            case = register_case(outlet, valid_case(head, **{field: code}), actor=head)
            assert getattr(case, field) == code


# --- first-ask owner --------------------------------------------------------------------


def test_inactive_staff_cannot_be_first_ask_owner(outlet, head, teller):
    Staff.update(active=False).where(Staff.id == teller.id).execute()
    _refuse(
        outlet,
        head,
        "first_ask_owner",
        "inactive_staff",
        "This staff member is not active at this outlet.",
        first_ask_owner_id=teller.id,
    )


def test_staff_of_another_outlet_cannot_be_first_ask_owner(outlet, head):
    _, other_head = outlets.setup_outlet(
        outlets.OutletSetup("上海市黄浦区外滩邮政支局", "SH0202", "黄浦区分公司", "周敏", "S2001")
    )
    assert other_head.active
    _refuse(
        outlet,
        head,
        "first_ask_owner",
        "inactive_staff",
        "This staff member is not active at this outlet.",
        first_ask_owner_id=other_head.id,
    )


def test_unknown_staff_cannot_be_first_ask_owner(outlet, head):
    _refuse(outlet, head, "first_ask_owner", "inactive_staff", first_ask_owner_id=head.id + 999)


def test_first_ask_owner_required(outlet, head):
    _refuse(
        outlet,
        head,
        "first_ask_owner",
        "required",
        "This field is required.",
        first_ask_owner_id=None,
    )


def test_actor_may_be_unknown(outlet, head):
    case = register_case(outlet, valid_case(head), actor=None)
    assert {e.actor_id for e in _events(case)} == {None}


# --- text stored exactly ----------------------------------------------------------------

AWKWARD = {
    "emoji": ("客户😡👍🏽", "表情符号测试：😀👨‍👩‍👧‍👦🇨🇳，客户很生气。"),
    "cjk_ext_b": ("𠀀𪚥", "生僻字姓名𠀀𪚥𠮷，系统无法显示。"),
    "sql": ("'; DROP TABLE complaint_case; --", "'; DROP TABLE complaint_case; -- \" OR 1=1"),
    "rtl": ("محمد علي", "שלום עולם — مرحبا بالعالم \u200f(RTL)"),
    "mixed": ("Zoë Ñúñez 李", "Ünïcödé ／ 全角ＡＢＣ１２３ 　 half-width ｶﾀｶﾅ"),
    "like_wildcards": ("100%_王\\", "折扣100%，编号A_B\\C，50%_off"),
}


@pytest.mark.parametrize("kind", sorted(AWKWARD))
def test_awkward_text_round_trips(sqlite_db, outlet, head, kind):
    name, description = AWKWARD[kind]
    case = register_case(
        outlet,
        valid_case(head, customer_name=name, description=description, remedy_requested=name),
        actor=head,
    )
    stored = Case.get_by_id(case.id)
    assert (stored.customer_name, stored.description, stored.remedy_requested) == (
        name,
        description,
        name,
    )
    raw = sqlite_db.execute_sql(
        "SELECT customer_name, description FROM complaint_case WHERE id = ?", (case.id,)
    ).fetchone()
    assert raw == (name, description)
    assert "complaint_case" in sqlite_db.get_tables()


def test_outlet_code_in_case_number_is_from_setup(sqlite_db):
    outlet, head = outlets.setup_outlet(OUTLET_SETUP)
    case = register_case(outlet, valid_case(head), actor=head)
    assert case.case_no.startswith("BJ0101-")


def test_remedy_is_optional(outlet, head):
    """Customers often name no remedy; the complaint is still registered."""
    case = register_case(outlet, valid_case(head, remedy_requested="   "), actor=head)
    assert Case.get_by_id(case.id).remedy_requested == ""


def test_received_before_2000_is_refused(outlet, head):
    _refuse(
        outlet,
        head,
        "received_at",
        "too_old",
        "Too far in the past; check the year.",
        received_at=dt.datetime(1999, 12, 31, 9, 0),
    )
