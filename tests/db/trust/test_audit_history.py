"""A case's history from the audit trail, field by field, as staff may see it."""

from __future__ import annotations

import datetime as dt

import pytest

from db.intake import cases, outlets
from db.store.database import close_database, database_path, open_database
from db.store.models import Case, now
from db.trust import audit

PHONE = "13812345678"
ID_NO = "11010519491231002X"


@pytest.fixture
def shop(tmp_path):
    open_database(database_path(tmp_path / "data"))
    outlet, head = outlets.setup_outlet(
        outlets.OutletSetup("城关支行营业所", "GS0101", "城关区分公司", "孙丽", "E001")
    )
    teller = outlets.add_staff(outlet, "陈晓燕", "E002", "teller")
    audit.set_session_actor(head.id)
    yield outlet, head, teller
    audit.set_session_actor(None)
    close_database()


def new_case(outlet, owner) -> Case:
    data = cases.NewCase(
        received_at=now() - dt.timedelta(minutes=30),
        business_type="bank_cards",
        cause="onsite_long_wait",
        customer_name="李小明",
        customer_phone=PHONE,
        customer_id_no=ID_NO,
        description="排队等候时间太长，叫号系统故障",
        first_ask_owner_id=owner.id,
        outcome="agreed",
        agreed_reply_at=now() + dt.timedelta(hours=4),
    )
    return cases.register_case(outlet, data, actor=owner)


def last_update(case: Case) -> audit.TrailEntry:
    """The case row's latest update (registering a case updates it too: its deadlines)."""
    return [e for e in audit.case_history(case.id) if e.table == "complaint_case" and e.op == "U"][
        -1
    ]


def test_an_update_lists_only_the_changed_fields_with_phones_masked(shop):
    outlet, head, _teller = shop
    case = new_case(outlet, head)
    Case.update(customer_phone="13987654321", remedy_requested="道歉").where(
        Case.id == case.id
    ).execute()
    entry = last_update(case)
    changes = {c.field: (c.before, c.after) for c in audit.entry_changes(entry)}
    assert changes == {
        "customer_phone": ("138****5678", "139****4321"),
        "remedy_requested": ("", "道歉"),
    }
    revealed = {c.field: (c.before, c.after) for c in audit.entry_changes(entry, reveal=True)}
    assert revealed["customer_phone"] == (PHONE, "13987654321")


def test_staff_references_are_named(shop):
    outlet, head, teller = shop
    case = new_case(outlet, head)
    Case.update(handler=teller).where(Case.id == case.id).execute()
    entry = last_update(case)
    assert audit.entry_changes(entry) == [audit.FieldChange("handler", None, "陈晓燕")]


def test_an_insert_lists_what_it_set_masked_also_inside_free_text(shop):
    outlet, head, _teller = shop
    case = new_case(outlet, head)
    Case.update(description=f"客户留下电话{PHONE}和身份证{ID_NO}").where(
        Case.id == case.id
    ).execute()
    inserted = next(e for e in audit.case_history(case.id) if e.table == "complaint_case")
    assert inserted.op == "I"
    changes = {c.field: (c.before, c.after) for c in audit.entry_changes(inserted)}
    assert changes["customer_phone"] == (None, "138****5678")
    assert changes["customer_id_no"] == (None, "110***********002X")
    assert changes["first_ask_owner"] == (None, "孙丽")
    assert "id" not in changes and "handler" not in changes  # never set
    update = last_update(case)
    (change,) = audit.entry_changes(update)
    assert PHONE not in str(change.after) and ID_NO not in str(change.after)
    assert "138****5678" in str(change.after) and "110***********002X" in str(change.after)
