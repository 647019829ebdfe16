"""Phone and ID numbers are masked in free text whichever way a person typed them: with
spaces, hyphens, the country code, full-width digits, as landlines. What the ledger, the
printed report and the history show holds none of the digits that are masked."""

from __future__ import annotations

import pytest

from db.reporting import report_data as rd
from db.store.models import Case
from db.trust import audit
from db.trust.masking import mask_free_text
from tests.db import report_cases as rc

pytestmark = pytest.mark.attack("customer-data")

# (as typed, as masked)
WRITTEN = [
    ("13812345678", "138****5678"),
    ("138 1234 5678", "138****5678"),
    ("138-1234-5678", "138****5678"),
    ("138 - 1234 5678".replace(" - ", "-"), "138****5678"),
    ("+86 138 1234 5678", "138****5678"),
    ("+8613812345678", "138****5678"),
    ("(+86)13812345678", "138****5678"),
    ("0086-13812345678", "138****5678"),
    ("１３８１２３４５６７８", "138****5678"),
    ("＋８６ １３８ １２３４ ５６７８", "138****5678"),
    ("010-12345678", "010-****5678"),
    ("(010) 1234 5678", "010-****5678"),
    ("（０２１）６４３２１０９８", "021-****1098"),
    ("0755 1234567", "0755-***4567"),
    ("0571-8888-6666", "0571-****6666"),
    ("110101199001010021", "110***********0021"),
    ("110101 19900101 002X", "110***********002X"),
    ("110101-1990-0101-002x", "110***********002X"),
    ("１１０１０１１９９００１０１００２Ｘ", "110***********002X"),
]

# What must stay as it is: the program's own numbers, dates, times and amounts.
LEFT_ALONE = [
    "JSL01-2026-000594",
    "2026-12-03 13:09",
    "金额 100.00 元，手续费 200 元",
    "工单号 GD202611290010",
    "第十八条第二项",
    "12378 转来",
]


@pytest.mark.parametrize(("typed", "masked"), WRITTEN, ids=[w for w, _ in WRITTEN])
def test_every_way_of_writing_a_number_is_masked(typed, masked):
    text = f"客户说：{typed}，请回电。"
    assert mask_free_text(text) == f"客户说：{masked}，请回电。"


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_other_numbers_are_left_alone(text):
    assert mask_free_text(text) == text


@pytest.fixture
def noted_case(sqlite_db):
    """A case whose description and remedy hold numbers typed in every way."""
    world = rc.make_world()
    case = rc.urgent_case(world)
    with audit.acting_as(world.head.id):
        Case.update(
            description="；".join(f"联系方式{n}：{typed}" for n, (typed, _) in enumerate(WRITTEN))
            + "。",
            remedy_requested="回电 138 1234 5678 或 010-12345678",
        ).where(Case.id == case.id).execute()
    return case


def _assert_masked(text: str) -> None:
    for typed, _ in WRITTEN:
        assert typed not in text
    assert "138****5678" in text


def test_the_report_the_ledger_and_the_history_show_no_number(noted_case):
    description = Case.get_by_id(noted_case.id).description
    data = rd.incident_report_data(noted_case.id)
    _assert_masked(data.description)
    assert data.remedy_requested == "回电 138****5678 或 010-****5678"
    row = next(
        r
        for r in rd.ledger_rows(year=noted_case.received_at.year)
        if r.case_no == noted_case.case_no
    )
    _assert_masked(row.description)
    assert "1234 5678" not in row.remedy_requested and "12345678" not in row.remedy_requested
    shown = [
        str(change.after)
        for entry in audit.case_history(noted_case.id)
        for change in audit.entry_changes(entry)
        if change.field in ("description", "remedy_requested")
    ]
    assert shown and all(typed not in text for text in shown for typed, _ in WRITTEN)
    assert any(typed in description for typed, _ in WRITTEN)  # the database keeps them
