"""The district's reports across outlets: the assessment PDF (checked as a printer and a
reader would: poppler, pypdf), the ledger XLSX read back with openpyxl, and their command
lines with ``silent``, on the real PostgreSQL server. No Qt."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from pypdf import PdfReader

from db.district import ledger, overview
from db.errors import WorkflowError
from db.store import codes
from desktop.cli import main as cli
from desktop.reports.district_assessment import district_assessment_bytes
from desktop.reports.ledger import HEADERS, OUTLET_LEAD, LedgerInfo, write_ledger_with_lead
from tests.district.helpers import add_district
from tests.district.overview_data import AT, FORMULA, build_district, set_target

NEEDS = ("pdftotext", "pdffonts")
needs_poppler = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in NEEDS), reason="needs poppler-utils"
)


@pytest.fixture
def district(district_db, tmp_path):
    build_district(tmp_path)
    return district_db


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = cli.main(argv)
    finally:
        sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip


# --- the assessment ------------------------------------------------------------------------


def test_the_assessment_holds_every_outlet_and_the_silent_ones(district):
    data = overview.district_assessment("2026-Q1", at=AT, silent_days=14)
    assert (data.district_code, data.period, data.finished) == ("DC01", "2026-Q1", False)
    assert [r.outlet_code for r in data.outlets] == ["BJ0101", "BJ0102", "BJ0103"]
    assert [s.outlet_code for s in data.silent] == ["BJ0103", "BJ0102"]
    assert not data.with_targets


@pytest.mark.parametrize("period", ["2026-13", "1999", "2026-Q0", "abc"])
def test_the_assessment_of_a_bad_period_is_refused(district, period):
    with pytest.raises(WorkflowError) as refused:
        overview.district_assessment(period, at=AT)
    assert refused.value.code == "bad_period"


def test_the_assessment_of_an_empty_district_is_refused(district_db):
    with pytest.raises(WorkflowError) as refused:
        overview.district_assessment("2026-Q1", at=AT)
    assert refused.value.code == "district_not_set_up"
    add_district()
    with pytest.raises(WorkflowError) as refused:
        overview.district_assessment("2026-Q1", at=AT)
    assert refused.value.code == "district_no_outlets"


@needs_poppler
def test_the_assessment_pdf_reads_as_the_district_signs_it(district, tmp_path):
    set_target("BJ0101", "2026-Q1", codes.METRIC_COMPLAINTS, 2)
    data = overview.district_assessment("2026-Q1", at=AT, silent_days=14)
    path = tmp_path / "assessment.pdf"
    path.write_bytes(district_assessment_bytes(data))
    text = squeeze(pdf_text(path))
    for expected in (
        "2026年第一季度区县分公司考核报告",
        "网点考核情况·东城区分公司（DC01）",
        "考核期间：2026年第一季度（2026-01-01至2026-03-31）",
        "BJ0101网点（BJ0101）",
        "BJ0103网点（BJ0103）",
        "考核期间尚未结束，数据截至2026-03-2012:00。",
        "50.0%",
        "100.0%",
        "未达标",  # the complaints target of BJ0101: 3 against 2
        "从未报送",
        "超过14天未报送",
        "主管部门负责人",
        "分管领导审核",
        "签字确认",
        "校验码：",
    ):
        assert squeeze(expected) in text, expected
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # every font embedded
    meta = PdfReader(path).metadata
    assert meta.title == "区县分公司考核报告 2026-Q1"
    assert "CD-REPORT:district-assessment:2026-Q1:" in meta["/Keywords"]


@needs_poppler
def test_without_district_targets_the_report_says_so(district, tmp_path):
    path = tmp_path / "assessment.pdf"
    path.write_bytes(district_assessment_bytes(overview.district_assessment("2026-Q1", at=AT)))
    assert "区县分公司未设定本期间的网点考核目标。" in squeeze(pdf_text(path))


def test_the_code_changes_with_the_data_not_the_time(district):
    from desktop.reports.assessment import report_code

    first = overview.district_assessment("2026-Q1", at=AT)
    again = overview.district_assessment("2026-Q1", at=AT)
    assert report_code(first) == report_code(again)
    set_target("BJ0102", "2026-Q1", codes.METRIC_URGENT, 1)
    assert report_code(overview.district_assessment("2026-Q1", at=AT)) != report_code(first)


@needs_poppler
def test_report_assessment_on_the_command_line(district, district_url, tmp_path):
    out = tmp_path / "q1.pdf"
    code, stdout, stderr = run(["district", "report", "assessment", "--period", "2026-Q1",
                                "--out", str(out), "--db", district_url])  # fmt: skip
    assert (code, stderr) == (0, "")
    assert "the assessment of 3 outlets for 2026-Q1" in stdout
    assert "BJ0102网点（BJ0102）" in squeeze(pdf_text(out))


def test_report_assessment_refuses_bad_input_and_writes_nothing(district, district_url, tmp_path):
    out = tmp_path / "bad.pdf"
    code, _stdout, stderr = run(["district", "report", "assessment", "--period", "2026-13",
                                 "--out", str(out), "--db", district_url])  # fmt: skip
    assert code == 1
    assert "'2026-13' is not a period" in stderr
    code, _stdout, stderr = run(["district", "report", "assessment", "--period", "2026",
                                 "--days", "0", "--out", str(out), "--db", district_url])  # fmt: skip
    assert code == 1
    assert "not a number of days" in stderr
    assert not out.exists()
    code, _stdout, stderr = run(["district", "report", "--db", district_url])
    assert code == 2


def test_report_assessment_of_an_empty_district(district_db, district_url, tmp_path):
    add_district()
    out = tmp_path / "empty.pdf"
    code, _stdout, stderr = run(["district", "report", "assessment", "--period", "2026",
                                 "--out", str(out), "--db", district_url])  # fmt: skip
    assert code == 1
    assert "No outlet is enrolled in this district yet" in stderr
    assert not out.exists()


# --- the ledger across outlets ---------------------------------------------------------------


def _read(path):
    wb = load_workbook(path)
    return wb, [list(r) for r in wb["投诉台账"].iter_rows(values_only=True)]


def test_the_ledger_has_a_row_per_case_of_every_outlet_masked_and_formula_safe(district, tmp_path):
    path = tmp_path / "ledger.xlsx"
    info = LedgerInfo(outlet="东城区分公司（DC01）", period="2026", generated_at=AT,
                      unit_label="区县分公司")  # fmt: skip
    count = write_ledger_with_lead(ledger.ledger_rows(2026, at=AT), path, lead=OUTLET_LEAD,
                                   info=info)  # fmt: skip
    assert count == ledger.ledger_count(2026) == 5
    wb, rows = _read(path)
    header = rows[0]
    assert header[:4] == ["网点代码", "网点名称", "序号", "投诉编号"]
    assert header[2:] == list(HEADERS)  # the outlet's own columns
    body = {r[3]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert [r[3] for r in rows[1:]] == [
        "BJ0101-2026-0001",
        "BJ0101-2026-0002",
        "BJ0101-2026-0003",
        "BJ0101-2026-0004",
        "BJ0102-2026-0001",
    ]  # by outlet, then oldest first
    third = body["BJ0101-2026-0003"]
    assert (third["网点代码"], third["网点名称"]) == ("BJ0101", "BJ0101网点")
    assert third["客户姓名"] == "张**"
    assert third["联系电话"] == "138****5678"
    # the name and the phone typed into the description are masked, the formula stays text
    assert third["投诉内容"] == FORMULA + " 客户张**来电138****5678"
    assert third["客户诉求"] == "-退还手续费"
    column = get_column_letter(header.index("投诉内容") + 1)
    formula_cell = next(c for c in wb["投诉台账"][column] if str(c.value).startswith("="))
    assert formula_cell.data_type == "s"  # text, not a formula
    assert formula_cell.quotePrefix
    assert body["BJ0101-2026-0002"]["是否超期"] == "是"  # agreed 3 March, no reply by then
    assert body["BJ0101-2026-0001"]["是否超期"] in ("", None)  # no reply time agreed
    assert body["BJ0101-2026-0002"]["紧急程度"] == "紧急"
    info_rows = list(wb["说明"].iter_rows(values_only=True))
    assert info_rows[0] == ("区县分公司", "东城区分公司（DC01）")
    assert ("投诉件数", 5) in info_rows


def test_the_ledger_reads_in_batches_and_keeps_the_order(district):
    one = [key + (row.case_no, row.no) for key, row in ledger.ledger_rows(2026, at=AT)]
    batched = [key + (row.case_no, row.no)
               for key, row in ledger.ledger_rows(2026, at=AT, batch_size=2)]  # fmt: skip
    assert one == batched
    assert [n for *_rest, n in one] == [1, 2, 3, 4, 5]


def test_the_ledger_refuses_a_bad_year_and_an_unknown_outlet(district):
    for year in (1999, 2100, "2026", True):
        with pytest.raises(WorkflowError) as refused:
            ledger.ledger_rows(year)
        assert refused.value.code == "bad_period"
    with pytest.raises(WorkflowError) as refused:
        ledger.ledger_rows(2026, outlet_code="XX9999")
    assert refused.value.code == "district_outlet_unknown"
    assert [k for k, _r in ledger.ledger_rows(2026, outlet_code="BJ0102")] == [
        ("BJ0102", "BJ0102网点")
    ]


def test_export_ledger_on_the_command_line(district, district_url, tmp_path):
    out = tmp_path / "2026.xlsx"
    code, stdout, stderr = run(["district", "export-ledger", "--year", "2026", "--out",
                                str(out), "--db", district_url])  # fmt: skip
    assert (code, stderr) == (0, "")
    assert "5 cases of 2026, customer data masked" in stdout
    _wb, rows = _read(out)
    assert len(rows) == 6
    code, _stdout, stderr = run(["district", "export-ledger", "--year", "2026", "--outlet",
                                 "XX9999", "--out", str(tmp_path / "x.xlsx"),
                                 "--db", district_url])  # fmt: skip
    assert code == 1
    assert "Outlet XX9999 is not enrolled in this district." in stderr
    assert not (tmp_path / "x.xlsx").exists()
    code, _stdout, stderr = run(["district", "export-ledger", "--year", "1999", "--out",
                                 str(tmp_path / "y.xlsx"), "--db", district_url])  # fmt: skip
    assert code == 1
    assert not (tmp_path / "y.xlsx").exists()


def test_export_ledger_of_an_empty_district_has_the_header_only(district_db, district_url,
                                                                tmp_path):  # fmt: skip
    add_district()
    out = tmp_path / "empty.xlsx"
    code, stdout, _stderr = run(["district", "export-ledger", "--year", "2026", "--out",
                                 str(out), "--db", district_url])  # fmt: skip
    assert code == 0
    assert "0 cases" in stdout
    _wb, rows = _read(out)
    assert rows[0][:2] == ["网点代码", "网点名称"] and len(rows) == 1


# --- silent ------------------------------------------------------------------------------------


def test_silent_lists_the_outlets_never_heard_from_first(district, district_url):
    code, stdout, stderr = run(["district", "silent", "--days", "14", "--db", district_url])
    assert (code, stderr) == (0, "")
    lines = stdout.splitlines()
    assert lines[0].startswith("BJ0103\tBJ0103网点\tnever sent a bundle")
    assert lines[1].startswith("BJ0102\tBJ0102网点\t")
    assert "since bundle number 1" in lines[1]
    assert lines[2].startswith("BJ0101\tBJ0101网点\t")  # 18 March: silent by now too
    assert lines[-1] == "3 outlets without a bundle for more than 14 days"


def test_silent_with_a_bad_number_of_days_and_an_empty_district(district_db, district_url):
    add_district()
    code, stdout, _stderr = run(["district", "silent", "--db", district_url])
    assert code == 0
    assert stdout == "every enrolled outlet sent a bundle in the last 14 days\n"
    code, _stdout, stderr = run(["district", "silent", "--days", "0", "--db", district_url])
    assert code == 2
    assert "'0' is not a number of days" in stderr
