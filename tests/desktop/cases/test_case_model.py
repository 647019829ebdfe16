"""CaseTableModel: Qt model contract, paging, SQL sorting and every filter."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from db.intake import queries
from db.intake.queries import CaseFilter
from db.store import vocab
from db.store.database import close_database
from db.store.models import Case, Staff
from desktop.cases.case_model import (
    CASE_ID_ROLE,
    COL_CASE_NO,
    COL_DUE_AT,
    COL_PHONE,
    COL_RECEIVED_AT,
    COL_SEVERITY,
    COL_STATUS,
    OVERDUE_BACKGROUND,
    PAGE_SIZE,
    SORT_KEY_ROLE,
    URGENT_FOREGROUND,
    CaseTableModel,
)
from tests.desktop import case_factory

MANY = 450  # more than two pages, so paging really happens


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    yield case_factory.make_outlet()
    close_database()


@pytest.fixture(scope="module")
def many_cases(tmp_path_factory):
    """A database file with MANY cases, built once for the read-only tests in this module."""
    folder = tmp_path_factory.mktemp("many")
    case_factory.open_temp_database(folder)
    shop = case_factory.make_outlet()
    made = case_factory.add_cases(shop, MANY)
    close_database()
    return folder, made


@pytest.fixture
def populated(many_cases):
    folder, made = many_cases
    case_factory.open_temp_database(folder)
    yield made
    close_database()


def fetch_all(model: CaseTableModel) -> None:
    while model.canFetchMore():
        model.fetchMore()


def column_values(model: CaseTableModel, column: int, role=Qt.ItemDataRole.DisplayRole):
    return [model.index(r, column).data(role) for r in range(model.rowCount())]


def test_model_contract_populated(qtmodeltester, populated):
    model = CaseTableModel()
    model.refresh()
    assert model.rowCount() == PAGE_SIZE
    qtmodeltester.check(model)


def test_model_contract_empty(qtmodeltester, shop):
    model = CaseTableModel()
    model.refresh()
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_fetch_more_pages_through_every_case(populated):
    made = populated
    model = CaseTableModel()
    model.refresh()
    assert model.total() == MANY
    pages = 1
    while model.canFetchMore():
        before = model.rowCount()
        model.fetchMore()
        assert model.rowCount() - before <= PAGE_SIZE
        pages += 1
    assert pages == 3
    ids = column_values(model, 0, CASE_ID_ROLE)
    assert sorted(ids) == sorted(c.id for c in made)
    assert model.rowCount() == MANY


def test_default_order_is_newest_received_first(populated):
    model = CaseTableModel()
    model.refresh()
    fetch_all(model)
    keys = column_values(model, COL_RECEIVED_AT, SORT_KEY_ROLE)
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize(
    "order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder], ids=["asc", "desc"]
)
def test_sort_by_case_number_requeries(populated, order):
    made = populated
    model = CaseTableModel()
    model.refresh()
    model.sort(COL_CASE_NO, order)
    descending = order == Qt.SortOrder.DescendingOrder
    expected = sorted((c.case_no for c in made), reverse=descending)
    # The first page already starts at the global extreme: the order came from SQL, not
    # from sorting the 200 rows that happened to be loaded.
    assert model.rowCount() == PAGE_SIZE
    assert model.index(0, COL_CASE_NO).data() == expected[0]
    fetch_all(model)
    assert column_values(model, COL_CASE_NO) == expected


def test_unsortable_column_keeps_the_order(populated):
    model = CaseTableModel()
    model.refresh()
    model.sort(COL_CASE_NO, Qt.SortOrder.AscendingOrder)
    first = model.index(0, COL_CASE_NO).data()
    model.sort(COL_PHONE, Qt.SortOrder.DescendingOrder)
    assert model.sort_column == COL_CASE_NO
    assert model.index(0, COL_CASE_NO).data() == first


def _expected(flt: CaseFilter, at: dt.datetime) -> set[int]:
    """The filter rules written in Python, independently of db.intake.queries' SQL."""
    out = set()
    for c in Case.select():
        if flt.status == queries.STATUS_OPEN and not c.is_open:
            continue
        if flt.status not in (None, queries.STATUS_OPEN) and c.status != flt.status:
            continue
        if flt.severity and c.severity != flt.severity:
            continue
        if flt.overdue and not (c.is_open and c.due_at is not None and c.due_at < at):
            continue
        if flt.due_today and not (
            c.is_open and c.due_at is not None and c.due_at.date() == at.date() and c.due_at >= at
        ):
            continue
        if flt.cause and c.cause != flt.cause:
            continue
        if flt.owner_id is not None and c.first_ask_owner_id != flt.owner_id:
            continue
        if flt.received_from and c.received_at.date() < flt.received_from:
            continue
        if flt.received_to and c.received_at.date() > flt.received_to:
            continue
        if flt.search and not case_factory.matches_search(c, flt.search):
            continue
        out.add(c.id)
    return out


def _owner_id(name: str) -> int:
    return Staff.get(Staff.name == name).id


FILTERS = {
    "open": lambda: CaseFilter(status=queries.STATUS_OPEN),
    "settled": lambda: CaseFilter(status=vocab.STATUS_SETTLED_ON_SPOT),
    "awaiting_reply": lambda: CaseFilter(status=vocab.STATUS_AWAITING_REPLY),
    "urgent": lambda: CaseFilter(severity=vocab.SEVERITY_URGENT),
    "overdue": lambda: CaseFilter(overdue=True),
    "due_today": lambda: CaseFilter(due_today=True),
    "cause": lambda: CaseFilter(cause="onsite_long_wait"),
    "owner": lambda: CaseFilter(owner_id=_owner_id("郑红")),
    "dates": lambda: CaseFilter(
        received_from=dt.date.today() - dt.timedelta(days=20),
        received_to=dt.date.today() - dt.timedelta(days=10),
    ),
    "search_1_char": lambda: CaseFilter(search="张"),
    "search_2_chars": lambda: CaseFilter(search="李娜"),
    "search_3_chars": lambda: CaseFilter(search="吞卡后"),
    "search_long": lambda: CaseFilter(search="排队时间过长"),
    "search_case_no": lambda: CaseFilter(search="GS0101-"),
    "combined": lambda: CaseFilter(
        status=queries.STATUS_OPEN, severity=vocab.SEVERITY_URGENT, search="着急"
    ),
    "nothing": lambda: CaseFilter(search="不存在的内容"),
}


@pytest.mark.parametrize("name", list(FILTERS))
def test_filter_matches_sql_count_and_rule(populated, name):
    flt = FILTERS[name]()
    model = CaseTableModel()
    model.refresh()
    with_signal = []
    model.total_changed.connect(with_signal.append)
    model.set_filter(flt)
    at = model.query_time
    sql_count = queries.case_count(flt, at=at)
    assert model.total() == sql_count
    assert model.rowCount() == min(sql_count, PAGE_SIZE)
    fetch_all(model)
    assert model.rowCount() == sql_count
    assert set(column_values(model, 0, CASE_ID_ROLE)) == _expected(flt, at)
    if sql_count != MANY:
        assert with_signal == [sql_count]


def test_filters_are_not_empty(populated):
    """Guard for the test above: each filter picks a real, proper subset of the data."""
    model = CaseTableModel()
    for name, make in FILTERS.items():
        model.set_filter(make())
        if name == "nothing":
            assert model.total() == 0
        elif name != "search_case_no":
            assert 0 < model.total() < MANY, name


def test_cells_show_translated_codes_masked_phone_and_colours(populated):
    model = CaseTableModel()
    model.set_filter(CaseFilter(overdue=True, severity=vocab.SEVERITY_ORDINARY))
    assert model.rowCount() > 0
    assert model.index(0, COL_STATUS).data() == "Awaiting reply"
    phone = model.index(0, COL_PHONE).data()
    assert phone.startswith("138") and "****" in phone
    assert (
        model.index(0, COL_DUE_AT).data(Qt.ItemDataRole.BackgroundRole).color()
        == OVERDUE_BACKGROUND
    )
    assert "Overdue" in model.index(0, COL_DUE_AT).data(Qt.ItemDataRole.ToolTipRole)

    model.set_filter(CaseFilter(severity=vocab.SEVERITY_URGENT))
    severity = model.index(0, COL_SEVERITY)
    assert severity.data() == "Urgent"
    assert severity.data(Qt.ItemDataRole.ForegroundRole).color() == URGENT_FOREGROUND
    assert severity.data(Qt.ItemDataRole.FontRole).bold()

    model.set_filter(CaseFilter(status=vocab.STATUS_SETTLED_ON_SPOT))
    assert model.index(0, COL_DUE_AT).data() == ""
    assert model.index(0, COL_DUE_AT).data(Qt.ItemDataRole.BackgroundRole) is None


def test_headers_and_row_lookup(populated):
    model = CaseTableModel()
    model.refresh()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[COL_CASE_NO] == "Case no."
    assert headers[COL_PHONE] == "Phone"
    case_id = model.case_id_at(5)
    assert model.row_of_case(case_id) == 5
    assert model.case_id_at(10_000) is None
    last = Case.select().order_by(Case.received_at).first()
    assert model.row_of_case(last.id) is None  # oldest case: not on the first page
    assert model.load_until(last.id) == MANY - 1


def test_recolour_turns_a_case_red_once_its_deadline_passes(qtbot, populated):
    moments = [dt.datetime.now()]
    model = CaseTableModel(clock=lambda: moments[-1])
    model.set_filter(CaseFilter(status=queries.STATUS_OPEN))
    row = next(r for r in range(model.rowCount()) if model.case_row(r).due_at > moments[-1])
    cell = model.index(row, COL_DUE_AT)
    case_id = model.case_id_at(row)
    before = cell.data(Qt.ItemDataRole.BackgroundRole)
    assert before is None or before.color() != OVERDUE_BACKGROUND
    moments.append(model.case_row(row).due_at + dt.timedelta(minutes=1))
    with qtbot.waitSignal(model.dataChanged):
        model.recolour()
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert model.case_id_at(row) == case_id  # no re-query: the row stayed where it was
