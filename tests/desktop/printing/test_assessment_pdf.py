"""The PDF assessment report (考核报告) and escalation report (投诉升级报告), checked as a
printer and a reader would (poppler, qpdf, pypdf), and their command lines. No Qt.

Built once per module from the hand-counted targets fixture (tests/db/management/test_targets.py)
with the penalties, training, disputes and escalations of tests/db/reporting/test_assessment_data.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.intake import outlets
from db.reporting import assessment_data as ad
from db.store import database as database_module
from db.store.database import database_path
from desktop.reports import assessment, escalation, verify
from tests.db.management.test_targets import AFTER_Q3, lay_fixture
from tests.db.reporting.test_assessment_data import escalated_case, lay_more
from tests.db.workflow_fixtures import SETUP, World, at

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_LINE_STARTS = "，；：！？》〉…"
NEEDS = ("pdftotext", "pdffonts", "pdftoppm", "qpdf")

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in NEEDS), reason="needs poppler-utils and qpdf"
)


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def text_of(path: Path, *options: str) -> str:
    return run("pdftotext", *options, str(path), "-")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Built:
    def __init__(self, folder: Path) -> None:
        self.data_dir = folder / "data"
        database_module.open_database(database_path(self.data_dir))
        outlet, head = outlets.setup_outlet(SETUP)
        self.world = w = World(
            path=folder,
            outlet=outlet,
            head=head,
            lobby=outlets.add_staff(outlet, "李娜", "E1002", "lobby_manager"),
            teller=outlets.add_staff(outlet, "陈晓燕", "E1003", "teller"),
            teller2=outlets.add_staff(outlet, "刘洋", "E1004", "teller"),
            supervisor=outlets.add_staff(outlet, "赵敏", "E1005", "ops_supervisor"),
        )
        lay_fixture(w)
        lay_more(w)
        self.case = escalated_case(w)
        self.pdfs: dict[str, Path] = {}
        self.q3 = ad.assessment_data("2026-Q3", at=AFTER_Q3)
        self.year = ad.assessment_data("2026", at=AFTER_Q3)
        self.staff = ad.assessment_data("2026-Q3", staff_employee_no="E1002", at=AFTER_Q3)
        self.esc = ad.escalation_report_data(self.case.id, at=at(40))
        for name, data in (("q3", self.q3), ("year", self.year), ("staff", self.staff)):
            self.pdfs[name] = folder / f"{name}.pdf"
            assessment.write_assessment_report(data, self.pdfs[name])
        self.pdfs["escalation"] = folder / "escalation.pdf"
        escalation.write_escalation_report(self.esc, self.pdfs["escalation"])
        database_module.close_database()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    return Built(tmp_path_factory.mktemp("assessment"))


ALL = ["q3", "year", "staff", "escalation"]


def test_assessment_text_has_period_outlet_targets_and_staff(built):
    text = text_of(built.pdfs["q3"], "-layout")
    flat = squeeze(text_of(built.pdfs["q3"]))
    assert "考核报告" in flat
    assert "2026年第三季度" in flat and "2026-07-01至2026-09-30" in flat
    assert built.world.outlet.name in flat
    # the target table (the escalated case of 09-28 is the ninth complaint of Q3):
    # complaints 10 / 9 on track, liable 1 / 2 missed, satisfaction 90 %
    assert re.search(r"受理投诉（件）\s+10\s+9\s+达标", text)
    assert re.search(r"有责投诉（件）\s+1\s+2\s+未达标", text)
    assert re.search(r"回访满意率（%）\s+90\.0%\s+66\.7%\s+未达标", text)
    for name in ("王建国", "李娜", "陈晓燕", "刘洋", "赵敏"):
        assert name in flat
    # chart labels are text in the embedded font, not pictures
    assert "各月受理投诉件数与目标" in flat and "7月" in flat and "月度目标" in flat
    assert "投诉原因分布" in flat
    assert "签字确认" in flat and "上级单位审核" in flat


def test_year_and_staff_variants(built):
    year = squeeze(text_of(built.pdfs["year"]))
    assert "2026年度" in year and "12月" in year
    staff = squeeze(text_of(built.pdfs["staff"]))
    assert "个人考核报告" in staff and "李娜" in staff and "被考核人" in staff
    assert "陈晓燕" not in staff


def test_escalation_text_is_what_was_sent_up(built):
    flat = squeeze(text_of(built.pdfs["escalation"]))
    assert "投诉升级报告" in flat and built.case.case_no in flat
    assert "市分公司客户服务部" in flat and "刘科长" in flat
    assert "网点继续跟踪，三日内回访客户。" in flat
    assert "此前的上报" in flat and "城南区分公司运营管理部" in flat and "张主任" in flat
    assert "网点负责人" in flat and "上级部门签收" in flat
    assert "13812345678" not in flat


def test_page_counts(built):
    pages = {name: len(PdfReader(path).pages) for name, path in built.pdfs.items()}
    assert 2 <= pages["q3"] <= 4 and 2 <= pages["year"] <= 4
    assert 1 <= pages["escalation"] <= 2


@pytest.mark.parametrize("name", ALL)
def test_fonts_embedded_qpdf_clean_no_bad_line_starts(built, name):
    path = built.pdfs[name]
    fonts = run("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    for line in text_of(path, "-layout").splitlines():
        assert not line.strip() or line.strip()[0] not in FORBIDDEN_LINE_STARTS, line


def test_metadata(built):
    meta = PdfReader(built.pdfs["q3"]).metadata
    assert meta.title == "考核报告 2026-Q3"
    assert meta.author == built.world.outlet.name
    assert "2026年第三季度" in meta.subject
    assert assessment.report_code(built.q3) in meta["/Keywords"]
    meta = PdfReader(built.pdfs["escalation"]).metadata
    assert meta.title == f"投诉升级报告 {built.case.case_no}"
    assert meta.author == built.world.outlet.name
    assert built.case.case_no in meta.subject


@pytest.mark.parametrize("name", ["q3", "escalation"])
def test_first_page_renders_non_blank(built, tmp_path, name):
    prefix = tmp_path / "page"
    run("pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-gray", str(built.pdfs[name]), str(prefix))
    (pgm,) = tmp_path.glob("page*.pgm")
    width, height, pixels = re.match(
        rb"P5\s+(\d+)\s+(\d+)\s+\d+\s(.*)", pgm.read_bytes(), re.S
    ).groups()
    width, height = int(width), int(height)
    assert abs(width - 413) <= 1 and abs(height - 585) <= 1  # A4 at 50 dpi
    pixels = pixels[: width * height]
    dark = sum(1 for p in pixels if p < 128) / len(pixels)
    assert 0.005 < dark < 0.5


CLI_PROBE = """
import sys
from desktop.cli import main
out, data, case_no = sys.argv[1:4]
codes = [
    main(["report", "assessment", "--period", "2026-Q3", "--out", out + "/a.pdf",
          "--data-dir", data]),
    main(["report", "assessment", "--period", "2026", "--staff", "E1003", "--out",
          out + "/s.pdf", "--data-dir", data]),
    main(["report", "escalation", case_no, "--out", out + "/e.pdf", "--data-dir", data]),
    main(["report", "assessment", "--period", "2026-Q9", "--out", out + "/x.pdf",
          "--data-dir", data]),
    main(["report", "assessment", "--period", "2026", "--staff", "NOPE", "--out",
          out + "/x.pdf", "--data-dir", data]),
    main(["report", "escalation", "NO-SUCH", "--out", out + "/x.pdf", "--data-dir", data]),
    main(["verify", out + "/e.pdf", "--data-dir", data]),
]
print(codes, "PySide6" in sys.modules)
"""


def test_command_line_without_qt(built, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", CLI_PROBE, str(tmp_path), str(built.data_dir), built.case.case_no],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[0, 0, 0, 2, 1, 1, 1] False"
    for name in ("a", "s", "e"):
        assert (tmp_path / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "x.pdf").exists()
    assert "个人考核报告" in squeeze(text_of(tmp_path / "s.pdf"))
    assert "only incident reports can be verified" in result.stdout


@pytest.mark.parametrize("name", ["q3", "escalation"])
def test_verify_does_not_mistake_them_for_incident_reports(built, name):
    # The escalation report's footer has a case number and a 64-digit code, as an incident
    # report's has; it must not be read as an incident report that "no longer matches".
    assert verify.read_token(built.pdfs[name]) is None
    kind = verify.other_report_kind(built.pdfs[name])
    assert kind == ("escalation" if name == "escalation" else "assessment")
