"""Chinese search at the district: 1, 2 and 3+ characters and misses give exactly what a
plain ILIKE scan of case number, customer name and description gives."""

from __future__ import annotations

import random

import pytest

from db.district import consolidate, search
from db.district.models import district_database
from tests.district.helpers import add_district, add_outlet, case_entry

NAMES = ["张建国", "李秀英", "王桂英", "张伟", "覃海燕", "Chen Ming", "O'Brien", "欧阳春梅"]
TEXTS = [
    "客户办理定期存款转存，取号后等候超过{n}分钟，仅开放{k}个窗口，情绪激动。",
    "客户挂失补办借记卡，排队{n}分钟未轮到，认为叫号顺序混乱。",
    "柜员办理存款时金额录入错误，多记{n}元，客户发现后要求更正。",
    "客户称 ATM 吞卡后无人处理，要求当日取回银行卡。",
    "大堂经理态度生硬，沟通不畅；客户要求 100% 退还手续费_当日。",
    "𠀋姓客户反映网银转账失败（CJK 扩展 B 字符）。",
]
TERMS = [
    "张", "覃", "客", "𠀋", "a", "1",  # one character
    "建国", "等候", "ch", "00", "% ",  # two (the last is one after trimming)
    "叫号顺序", "客户称", "chen ming", "bj0102-2026-0000", "100%", "_当日", "银行卡。",  # 3+
    "鑫", "量子", "区块链理财", "等候客户", "张建国伟",  # misses
]  # fmt: skip


@pytest.fixture(scope="module")
def cases():
    rng = random.Random(7)
    rows = []
    for i in range(240):
        code = ("BJ0101", "BJ0102", "BJ0103")[i % 3]
        text = rng.choice(TEXTS).format(n=rng.randrange(15, 95), k=rng.randrange(1, 3))
        rows.append((code, case_entry(f"{code}-2026-{i + 1:06d}", customer_name=rng.choice(NAMES),
                                      description=text,
                                      received_at=f"2026-0{1 + i % 9}-{1 + i % 28:02d}T10:{i % 60:02d}:00")))  # fmt: skip
    return rows


def _fill(cases) -> None:
    add_district()
    for code in ("BJ0101", "BJ0102", "BJ0103"):
        add_outlet(code)
    for code, entry in cases:
        consolidate.store_case(code, entry, bundle_seq=1)
    district_database.execute_sql("ANALYZE outlet_case")


@pytest.fixture(scope="module")
def filled(pg_databases, migrated_template, cases):
    """One database for the module's read-only tests."""
    from db.district import database as district_db

    name = pg_databases.create(template=migrated_template)
    district_db.open_district_database(pg_databases.url(name))
    _fill(cases)
    yield cases
    district_db.close_district_database()
    pg_databases.drop(name)


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def ilike_scan(term: str, outlet_code: str | None = None) -> set[tuple[str, str]]:
    pattern = _like(term.strip())
    sql = ("SELECT outlet_code, case_no FROM outlet_case WHERE (case_no ILIKE %s OR "
           "customer_name ILIKE %s OR description ILIKE %s)")  # fmt: skip
    params: tuple = (pattern, pattern, pattern)
    if outlet_code:
        sql += " AND outlet_code = %s"
        params += (outlet_code,)
    return {tuple(r) for r in district_database.execute_sql(sql, params).fetchall()}


def _keys(hits) -> set[tuple[str, str]]:
    return {(h.outlet_code, h.case_no) for h in hits}


def _page(term: str, *, many: bool, outlet_code: str | None = None) -> set[tuple[str, str]]:
    sql, params = search.page_sql(term, many=many, outlet_code=outlet_code, limit=10_000)
    return {tuple(r[:2]) for r in district_database.execute_sql(sql, params).fetchall()}


@pytest.mark.parametrize("term", TERMS)
def test_search_matches_a_plain_scan(filled, term):
    expected = ilike_scan(term)
    assert _keys(search.search_cases(term, limit=10_000)) == expected
    assert search.count_cases(term) == len(expected)
    # Both ways of counting agree, whichever the estimate chooses.
    for common in (False, True):
        sql, params = search.count_sql(term, common=common, cap=5)
        assert district_database.execute_sql(sql, params).fetchone()[0] == min(len(expected), 6)
    # Both plans of the page give the same cases, whichever the count chooses.
    assert _page(term, many=False) == expected
    assert _page(term, many=True) == expected
    for outlet_code in ("BJ0102",):
        scoped = ilike_scan(term, outlet_code)
        assert _keys(search.search_cases(term, outlet_code=outlet_code, limit=10_000)) == scoped
        assert search.count_cases(term, outlet_code=outlet_code) == len(scoped)
        assert _page(term, many=True, outlet_code=outlet_code) == scoped


def test_the_terms_cover_hits_and_misses(filled):
    """The parametrised terms above are not all misses (or all hits) by accident."""
    counts = {term: len(ilike_scan(term)) for term in TERMS}
    assert all(counts[t] == 0 for t in ("鑫", "量子", "区块链理财", "等候客户", "张建国伟"))
    assert all(
        counts[t] > 0 for t in ("张", "𠀋", "建国", "叫号顺序", "100%", "_当日", "chen ming")
    )


def test_pages_are_newest_first_and_do_not_overlap(filled):
    first = search.search_cases("客", limit=20)
    second = search.search_cases("客", limit=20, offset=20)
    keys = [(h.received_at, h.outlet_code, h.case_no) for h in first + second]
    assert keys == sorted(keys, key=lambda k: (-k[0].timestamp(), k[1], k[2]))
    assert len(set(keys)) == 40


def test_count_is_capped(filled):
    total = len(ilike_scan("客"))
    assert search.count_cases("客", cap=None) == total
    assert search.count_cases("客", cap=10) == 11  # "more than 10"
    assert search.count_cases("客", cap=total) == total


def test_common_terms_are_counted_by_testing_rows(filled, monkeypatch):
    """A term the planner expects in many cases is counted row by row up to the cap."""
    assert search.estimated_matches("客") > search.estimated_matches("鑫")
    monkeypatch.setattr(search, "COMMON", 10)
    assert search.count_cases("客", cap=20) == 21
    assert search.count_cases("客", cap=None) == len(ilike_scan("客"))
    assert search.count_cases("鑫", cap=20) == 0


def test_many_matches_take_the_newest_first_walk(filled, monkeypatch):
    """Past the cap the page walks the newest cases; the result says "more than"."""
    monkeypatch.setattr(search, "COUNT_CAP", 10)
    result = search.search("客", limit=5)
    assert result.more and result.count == 10
    expected = sorted(
        (
            (h.received_at, h.outlet_code, h.case_no)
            for h in search.search_cases("客", limit=10_000)
        ),
        key=lambda k: (-k[0].timestamp(), k[1], k[2]),
    )[:5]
    assert [(h.received_at, h.outlet_code, h.case_no) for h in result.hits] == expected
    few = search.search("bj0101-2026-000001", limit=5)
    assert not few.more and few.count == 1
    assert [h.case_no for h in few.hits] == ["BJ0101-2026-000001"]


def test_empty_term_lists_everything(filled):
    assert search.count_cases("  ") == len(filled)


@pytest.mark.parametrize("term", ["张", "建国", "叫号顺序"])
def test_search_uses_the_index(filled, term):
    """Every length is counted through the character-pair index, never by computing the
    pairs row by row (the function is costly on purpose), even on a table this small."""
    for sql, params in (search.count_sql(term), search.page_sql(term, many=False)):
        plan = "\n".join(r[0] for r in district_database.execute_sql("EXPLAIN " + sql, params))
        assert "outlet_case_search_grams" in plan, plan


def test_new_and_changed_cases_are_found_at_once(district_db, cases):
    _fill(cases[:12])
    assert search.count_cases("新换的描述") == 0
    code, entry = cases[0]
    consolidate.store_case(code, {**entry, "description": "新换的描述文字"}, bundle_seq=2)
    assert [h.case_no for h in search.search_cases("新换的描述")] == [entry["case_no"]]
    assert search.count_cases(entry["description"][:4]) == len(ilike_scan(entry["description"][:4]))
