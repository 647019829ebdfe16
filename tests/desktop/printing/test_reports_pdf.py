"""The PDF incident report and the XLSX ledger, checked as a printer and a reader would:
poppler's pdftotext/pdffonts/pdftoppm, qpdf, pypdf and openpyxl. No Qt is needed here.

The reports are built once per module from fixture cases (urgent, settled on the spot,
escalated and liable, a long timeline, a customer with a name from the CJK extensions) with
rare name characters, full-width punctuation, digits, Latin letters and characters outside
the BMP.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from db.reporting import report_data as rd
from db.store import database as database_module
from db.store import vocab
from db.store.models import Case, database, now
from desktop.kit.fonts import fallback_paths
from desktop.reports import charts, incident, ledger, pdf_common, verify, zh
from tests.db import report_cases as rc

ROOT = Path(__file__).resolve().parents[3]
FORBIDDEN_LINE_STARTS = "，；：！？》〉…"
NEEDS = ("pdftotext", "pdffonts", "pdftoppm", "qpdf")

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in NEEDS),
    reason="needs poppler-utils and qpdf",
)


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def text_of(path: Path, *options: str) -> str:
    return run("pdftotext", *options, str(path), "-")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Built:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.world = rc.make_world()
        self.cases = {
            "urgent": rc.urgent_case(self.world),
            "settled": rc.settled_case(self.world),
            "escalated": rc.escalated_case(self.world),
            "long": rc.long_case(self.world),
            "rare": rc.rare_name_case(self.world),
        }
        self.pdfs: dict[str, Path] = {}
        self.data: dict[str, rd.IncidentData] = {}
        for name, case in self.cases.items():
            self.write(name, case)
        self.write("urgent-revealed", self.cases["urgent"], reveal=True)
        self.write("rare-revealed", self.cases["rare"], reveal=True)

    def write(self, name: str, case: Case, *, reveal: bool = False) -> Path:
        data = rd.incident_report_data(case.id, reveal=reveal)
        path = self.folder / f"{name}.pdf"
        incident.write_incident_report(data, path)
        self.pdfs[name], self.data[name] = path, data
        return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    folder = tmp_path_factory.mktemp("reports")
    database_module.open_database(folder / "reports.sqlite3")
    yield Built(folder)
    database_module.close_database()


REPORTS = ["urgent", "settled", "escalated", "long", "urgent-revealed", "rare", "rare-revealed"]
# PostScript names of the bundled fonts: the main one and the fallbacks.
BUNDLED_FONTS = ("WenQuanYiMicroHei", "HanaMinAFallback", "HanaMinBFallback",
                 "BabelStoneHanFallback")  # fmt: skip


@pytest.mark.parametrize("name", REPORTS)
def test_text_round_trip_gives_case_number_masked_name_and_description(built, name):
    base = name.split("-")[0]
    case = built.cases[base]
    text = squeeze(text_of(built.pdfs[name]))
    assert case.case_no in text
    data = built.data[name]
    assert data.customer.name in text
    assert squeeze(pdf_common.printable(data.description)) in text
    if not data.revealed:
        assert case.customer_name not in text
        assert case.customer_phone not in text


def test_rare_characters_digits_latin_and_punctuation_come_out(built):
    text = squeeze(text_of(built.pdfs["urgent-revealed"]))
    for expected in (rc.URGENT_CUSTOMER, "李琊", "琅琊路", "CRS-0042", "RMB5,000.00",
                     "TXN-20260305-0815", "“若今日不处理，将联系媒体！”", "《银行业保险业消费投诉处理管理办法》"):  # fmt: skip
        assert expected in text
    # Outside the BMP (Ext. B): the character itself, drawn from a bundled fallback font and
    # extracted as itself, never as a code point, a box, a wrong character or nothing.
    assert "𠮷" in text
    assert "〔U+" not in text and "\ufffd" not in text
    assert "王昇" in squeeze(text_of(built.pdfs["escalated"]))
    assert "林堃" in squeeze(
        text_of(built.write("long-revealed", built.cases["long"], reveal=True))
    )
    assert "司马喆" in squeeze(
        text_of(built.write("settled-revealed", built.cases["settled"], reveal=True))
    )


def test_rare_name_characters_print_as_themselves(built):
    """Ext. A to H and the compatibility supplement, in the name and the description."""
    revealed = squeeze(text_of(built.pdfs["rare-revealed"]))
    assert f"客户{rc.RARE_CUSTOMER}称" in revealed
    masked = squeeze(text_of(built.pdfs["rare"]))
    assert rc.RARE_CUSTOMER not in masked and f"客户{rc.RARE_CUSTOMER[0]}**称" in masked
    for text in (revealed, masked):
        assert f"“{rc.RARE_IN_TEXT}”" in text
        # Only what no bundled font has is printed as its code point.
        assert re.findall(r"〔U\+[0-9A-F]+〕", text) == [f"〔U+{ord(rc.NO_FONT_HAS):04X}〕"]
        assert rc.NO_FONT_HAS not in text and "\ufffd" not in text
    fonts = {line.split()[0].split("+")[1] for line in
             run("pdffonts", str(built.pdfs["rare-revealed"])).splitlines()[2:]}  # fmt: skip
    assert fonts == {"WenQuanYiMicroHei-0", *BUNDLED_FONTS[1:]}


# A character of each block the fallback fonts hold, and the font that must draw it.
FALLBACK_GLYPHS = {
    "㐀": "hanamin-a-fallback.ttf",  # Ext. A
    "\U0002f800": "hanamin-a-fallback.ttf",  # compatibility supplement
    "𡈽": "hanamin-b-fallback.ttf",  # Ext. B
    "𪜶": "hanamin-b-fallback.ttf",  # Ext. C
    "𫝀": "hanamin-b-fallback.ttf",  # Ext. D
    "𫠠": "hanamin-b-fallback.ttf",  # Ext. E
    "𬺰": "hanamin-b-fallback.ttf",  # Ext. F
    "𰻞": "babelstone-han-fallback.ttf",  # Ext. G
    "𱍐": "babelstone-han-fallback.ttf",  # Ext. H
}


def _ink(image: Image.Image) -> set[tuple[int, int]]:
    width = image.width
    return {(i % width, i // width) for i, p in enumerate(image.tobytes()) if p < 128}


def _near(ink: set[tuple[int, int]], other: set[tuple[int, int]]) -> float:
    """The share of ``ink`` within a pixel of ``other`` (two rasterizers round differently)."""
    grown = {(x + dx, y + dy) for x, y in other for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    return len(ink & grown) / max(len(ink), 1)


@pytest.mark.parametrize("ch", list(FALLBACK_GLYPHS))
def test_rare_character_is_drawn_with_the_fallback_fonts_own_glyph(tmp_path, ch):
    """The page shows the fallback font's glyph (as FreeType draws it from the font file),
    not the main font's empty or box glyph, and the text layer holds the character."""
    pdf_common.prepare()
    size, x, baseline = 96, 24, 30
    pdf = tmp_path / "glyph.pdf"
    canvas = Canvas(str(pdf), pagesize=(144, 144), initialFontName=pdf_common.FONT)
    canvas.setFont(pdf_common.FONT, size)
    canvas.drawString(x, baseline, ch)
    canvas.save()
    assert text_of(pdf).strip() == ch
    run("pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    drawn = Image.open(tmp_path / "page.png").convert("L")
    reference = Image.new("L", drawn.size, 255)
    (path,) = [p for p in fallback_paths() if p.name == FALLBACK_GLYPHS[ch]]
    font = ImageFont.truetype(str(path), size)
    ImageDraw.Draw(reference).text((x, 144 - baseline), ch, font=font, fill=0, anchor="ls")
    page, own = _ink(drawn), _ink(reference)
    assert len(own) > 300
    assert _near(page, own) > 0.97 and _near(own, page) > 0.97


def test_chart_labels_print_rare_characters(tmp_path):
    pdf_common.prepare()
    drawing = charts.ranking_chart([rc.RARE_CUSTOMER, f"李{rc.NO_FONT_HAS}"], [3, 1], width=400,
                                   title=f"{rc.RARE_CUSTOMER}经办")  # fmt: skip
    pdf = tmp_path / "chart.pdf"
    canvas = Canvas(str(pdf), initialFontName=pdf_common.FONT)
    renderPDF.draw(drawing, canvas, 50, 400)
    canvas.save()
    text = squeeze(text_of(pdf))
    assert f"{rc.RARE_CUSTOMER}经办" in text and rc.RARE_CUSTOMER in text.replace("经办", "")
    assert f"李〔U+{ord(rc.NO_FONT_HAS):04X}〕" in text


def test_to_unicode_map_writes_utf16_surrogate_pairs():
    cmap = pdf_common.to_unicode_cmap("X", [0, ord("王"), 0x2123D, *range(0x4E00, 0x4E00 + 150)])
    assert "<01> <738B>" in cmap and "<02> <D844DE3D>" in cmap
    assert cmap.count("beginbfchar") == 2 and "100 beginbfchar" in cmap


def test_sections_say_none_recorded_or_show_the_workflow(built):
    urgent = squeeze(text_of(built.pdfs["urgent"]))
    for empty in zh.SECTION_EMPTY.values():
        assert squeeze(empty) in urgent
    escalated = squeeze(text_of(built.pdfs["escalated"]))
    for line in ("城东区分公司运营管理部", "柜员未核对收费参数", "超期（逾期后完成）"):
        assert line in escalated
    for key in (rd.SECTION_ESCALATIONS, rd.SECTION_CALLBACKS, rd.SECTION_LIABILITY):
        assert squeeze(zh.SECTION_EMPTY[key]) not in escalated
    settled = squeeze(text_of(built.pdfs["settled"]))
    assert squeeze(zh.TEXT["settled_no_deadline"]) in settled
    assert "当场重新打印并致歉" in settled


def test_signature_blocks_and_footer(built):
    text = text_of(built.pdfs["escalated"])
    flat = squeeze(text)
    for label in ("经办人", "网点负责人（或现场负责人）", "客户确认（可选）", "签字", "日期"):
        assert label in flat
    pages = len(PdfReader(built.pdfs["escalated"]).pages)
    code = rd.verification_code(built.data["escalated"])
    assert flat.count(code) == pages
    for page in range(1, pages + 1):
        assert f"第{page}页/共{pages}页" in flat
    assert f"生成时间：{zh.time(built.data['escalated'].generated_at)}" in text


def test_page_counts(built):
    pages = {name: len(PdfReader(path).pages) for name, path in built.pdfs.items()}
    assert pages["long"] > 3
    assert all(1 <= pages[name] <= 3 for name in ("urgent", "settled"))
    # The whole workflow, with two findings, a review and three penalty rows.
    assert 3 <= pages["escalated"] <= 7


def _section(text: str, title: str, next_title: str) -> str:
    """The squeezed text of one numbered section, from its title to the next one."""
    start = text.index(squeeze(title))
    return text[start : text.index(squeeze(next_title), start)]


def test_the_report_states_the_outcome(built):
    """What a signed report must say: every clock with its result, the decision period's
    extension and pause, the escalation and what came of it, the callback, and liability
    with every finding, the review and the penalties."""
    text = squeeze(text_of(built.pdfs["escalated"]))
    clocks = _section(text, "四、处理时限", "五、")
    for line in ("约定回复时间", "首次联系客户", "2小时（本程序默认时限）", "提出解决方案",
                 "作出处理决定", "30日（银保监会令2020年第3号第十八条）", "复核决定",
                 "回访（王建国）", "超期（逾期后完成）", "按时", "处理期限延长",
                 "需调取跨行清算记录，案情复杂", "处理期限暂停（不计入期限）", "外部鉴定或检测",
                 "交易记录送外部机构鉴定"):  # fmt: skip
        assert squeeze(line) in clocks, line
    escalations = _section(text, "六、报告与逐级上报", "七、")
    for line in ("第1次上报", "县区分公司主管部门", "城东区分公司运营管理部",
                 "会同：邮储银行城东支行", "张主任", "138****5678", "网点每日电话联系客户",
                 "跟踪：区分公司已受理", "向客户反馈（电话，客户满意）",
                 squeeze(rc.FEEDBACK)):  # fmt: skip
        assert line in escalations, line
    assert rc.PHONE not in escalations
    callbacks = _section(text, "九、回访", "十、")
    for line in ("王建国", "电话", "基本满意", "客户表示基本满意"):
        assert line in callbacks, line
    assert "—基本满意" not in callbacks  # the method is stated, not a dash
    liable = _section(text, "十、责任认定与处理", "十一、")
    sha = hashlib.sha256(rc.EVIDENCE_BYTES).hexdigest()
    for line in ("认定一（已由复核一变更）", "认定二（现行）", "有责", "王昇（工号E1003）60.00%",
                 "李琊（工号E1002）40.00%", "王昇（工号E1003）100.00%",
                 "第七条第一项：熟悉业务，避免差错", "资金安全", rc.EVIDENCE_NAME,
                 f"SHA-256：{sha}", "复核一", "变更原认定，形成认定二",
                 "区分公司复核：大堂经理已按时报告",
                 "责任人及责任比例：王昇60.00%、李琊40.00%→王昇100.00%",
                 "王昇：延续至认定二", "李琊：撤销", "经复核一延续至认定二", "经复核一撤销",
                 "撤销说明：复核认定无责", "由认定一延续", "120.00", "补课培训"):  # fmt: skip
        assert squeeze(line) in liable, line


@pytest.mark.parametrize("name", REPORTS)
def test_every_font_is_embedded(built, name):
    lines = run("pdffonts", str(built.pdfs[name])).splitlines()[2:]
    assert lines, "no fonts at all"
    for line in lines:
        columns = line.split()
        assert columns[-5] == "yes", line  # the "emb" column
        assert columns[-3] == "yes", line  # the "uni" column: a text layer
        assert columns[0].split("+")[1].startswith(BUNDLED_FONTS), line


@pytest.mark.parametrize("name", REPORTS)
def test_qpdf_check_finds_no_errors(built, name):
    result = subprocess.run(
        ["qpdf", "--check", str(built.pdfs[name])], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


@pytest.mark.parametrize("name", REPORTS)
def test_no_line_starts_with_closing_punctuation(built, name):
    for line in text_of(built.pdfs[name], "-layout").splitlines():
        assert not line.strip() or line.strip()[0] not in FORBIDDEN_LINE_STARTS, line


def test_line_breaking_keeps_runs_of_marks_off_line_starts():
    """Marks in pairs (》， ！” 。”) are where reportlab's own rule fails."""
    pdf_common.prepare()
    style = pdf_common.styles().cell
    text = "".join(
        f"第{i}项{'核查' * (i % 5)}{'！”' if i % 4 == 0 else '，'}{'《办法》，' if i % 3 == 0 else ''}"
        f"{'（附件）' if i % 5 == 0 else ''}RMB {i * 1000:,}.00元。"
        for i in range(1, 80)
    )
    for width in range(40, 420, 7):
        paragraph = Paragraph(pdf_common.markup(text), style)
        paragraph.wrap(width, 100_000)
        lines = ["".join(words) for _space, words in paragraph.blPara.lines]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for i, line in enumerate(lines):
            assert line[0] not in pdf_common.CJK_CANNOT_START, (width, line)
            if i < len(lines) - 1:
                assert line[-1] not in pdf_common.CJK_CANNOT_END, (width, line)


def test_metadata(built):
    data = built.data["urgent"]
    meta = PdfReader(built.pdfs["urgent"]).metadata
    assert meta.title == f"投诉事件报告 {data.case_no}"
    assert meta.author == data.outlet.name
    assert data.case_no in meta.subject and data.outlet.name in meta.subject
    code = rd.verification_code(data)
    assert f"CD-VERIFY:{data.case_no}:{code}" in meta["/Keywords"]
    assert f"CD-FORMAT:{rd.REPORT_FORMAT}" in meta["/Keywords"]


def test_verification_round_trip(built, tmp_path):
    case = rc.urgent_case(built.world)
    masked = built.write("verify-masked", case)
    revealed = built.write("verify-revealed", case, reveal=True)
    assert verify.verify_pdf(masked).status == verify.MATCH
    result = verify.verify_pdf(revealed)
    assert result.ok and result.revealed
    token = verify.verify_token(case.case_no, rd.verification_code(built.data["verify-masked"]))
    assert verify.verify_text(f"scanned: {token}").ok
    assert verify.verify_text(token.upper()).ok  # as the QR code holds it

    Case.update(description=case.description + "（补记）").where(Case.id == case.id).execute()
    result = verify.verify_pdf(masked)
    assert result.status == verify.CHANGED and not result.ok
    assert result.case_no == case.case_no and result.current_code != result.printed_code
    assert verify.verify_pdf(revealed).status == verify.CHANGED


def test_verification_covers_the_outcome(built):
    """A report of the whole workflow verifies; once what became of a penalty is changed
    in the database, it no longer does."""
    case = rc.escalated_case(built.world)
    path = built.write("verify-outcome", case)
    assert verify.verify_pdf(path).status == verify.MATCH
    database.execute_sql("UPDATE penalty_review_action SET note = '' WHERE case_id = ?", (case.id,))
    assert verify.verify_pdf(path).status == verify.CHANGED


def test_verify_without_metadata_reads_the_footer(built, tmp_path):
    """A report saved again by a program that drops the metadata still verifies."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(built.pdfs["settled"]))
    writer.metadata = None
    stripped = tmp_path / "stripped.pdf"
    with stripped.open("wb") as handle:
        writer.write(handle)
    assert "CD-VERIFY" not in stripped.read_bytes().decode("latin-1")
    assert verify.verify_pdf(stripped).status == verify.MATCH


def test_a_copied_token_in_a_pdf_of_ones_own_does_not_match(built, tmp_path):
    """A one-line PDF carrying a genuine token, in its metadata and its text, is refused."""
    from reportlab.pdfgen.canvas import Canvas

    data = built.data["settled"]
    token = verify.verify_token(data.case_no, rd.verification_code(data))
    forged = tmp_path / "forged.pdf"
    canvas = Canvas(str(forged))
    canvas.setKeywords(f"{token} CD-FORMAT:{rd.REPORT_FORMAT}")
    canvas.drawString(72, 720, f"All settled, nobody liable. {token}")
    canvas.save()
    result = verify.verify_pdf(forged)
    assert result.status == verify.CONTENT_DIFFERS and not result.ok
    assert "does not say what the database prints" in result.message
    assert verify.verify_pdf(built.pdfs["settled"]).status == verify.MATCH


def test_a_genuine_report_with_a_page_added_does_not_match(built, tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=str(built.pdfs["settled"]))
    writer.add_page(PdfReader(str(built.pdfs["urgent"])).pages[0])
    padded = tmp_path / "padded.pdf"
    with padded.open("wb") as handle:
        writer.write(handle)
    assert verify.verify_pdf(padded).status == verify.CONTENT_DIFFERS


def test_verify_other_files_and_cases(built, tmp_path):
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert verify.verify_pdf(other).status == verify.NO_CODE
    text = tmp_path / "notes.txt"
    text.write_text("nothing here", encoding="utf-8")
    assert verify.verify_pdf(text).status == verify.NO_CODE
    unknown = verify.verify_text(verify.verify_token("LYL01-2026-999999", "a" * 64))
    assert unknown.status == verify.UNKNOWN_CASE
    data = built.data["settled"]
    token = verify.verify_token(data.case_no, rd.verification_code(data))
    assert verify.verify_text(f"{token} CD-FORMAT:incident/0").status == verify.OTHER_FORMAT


def test_first_page_renders_non_blank(built, tmp_path):
    prefix = tmp_path / "page"
    pdf = str(built.pdfs["urgent"])
    run("pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-gray", pdf, str(prefix))
    (pgm,) = tmp_path.glob("page*.pgm")
    data = pgm.read_bytes()
    magic, width, height, maxval, pixels = re.match(
        rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S
    ).groups()
    width, height = int(width), int(height)
    assert abs(width - 413) <= 1 and abs(height - 585) <= 1  # A4 at 50 dpi
    pixels = pixels[: width * height]
    dark = sum(1 for p in pixels if p < 128)
    mean = sum(pixels) / len(pixels)
    variance = sum((p - mean) ** 2 for p in pixels) / len(pixels)
    assert 0.005 < dark / len(pixels) < 0.5
    assert variance > 500


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="needs zbar-tools to read QR codes")
def test_qr_code_holds_the_verification_token(built, tmp_path):
    prefix = tmp_path / "qr"
    run("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile",
        str(built.pdfs["urgent"]), str(prefix))  # fmt: skip
    result = subprocess.run(
        ["zbarimg", "-q", "--raw", str(prefix.with_suffix(".png"))], capture_output=True, text=True
    )
    data = built.data["urgent"]
    token = verify.verify_token(data.case_no, rd.verification_code(data))
    assert result.stdout.strip() == token.upper()
    assert verify.verify_text(result.stdout).ok


def test_every_code_has_chinese_wording():
    for vocabulary in (vocab.ROUTES, vocab.CHANNELS, vocab.BUSINESS_TYPES, vocab.CAUSES,
                       vocab.SEVERITIES, vocab.URGENT_TRIGGERS, vocab.STATUSES, vocab.ROLES,
                       vocab.EVENT_KINDS):  # fmt: skip
        for code, english in vocabulary.items():
            chinese = zh.vocab_code(vocabulary, code)
            assert chinese != english and re.search(r"[\u4e00-\u9fff]", chinese), code
    for kinds in rd._SECTION_EVENTS.values():
        for code in kinds:
            assert re.search(r"[\u4e00-\u9fff]", zh.vocab(rd.Coded(code, code))), code
    assert set(zh.SECTION_TITLES) == set(rd.SECTIONS) == set(zh.SECTION_EMPTY)
    assert set(zh.DEADLINE_STATES) == set(rd.DEADLINE_STATES)


# --- the ledger ----------------------------------------------------------------------------


def test_ledger_xlsx(built, tmp_path):
    path = tmp_path / "ledger.xlsx"
    info = ledger.LedgerInfo(outlet="琅琊路邮政金融网点", period="2026", generated_at=now())
    rows = list(rd.ledger_rows(year=now().year))
    seen = []
    count = ledger.write_ledger_xlsx(rows, path, info=info, progress=seen.append)
    assert count == len(rows) >= 4 and seen[-1] == count

    wb = load_workbook(path)
    ws = wb[ledger.SHEET_TITLE]
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == ledger.HEADERS
    assert len(values) == count + 1
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:S{count + 1}"
    assert ws.column_dimensions["M"].width == 60

    by_no = {row[1]: dict(zip(ledger.HEADERS, row, strict=True)) for row in values[1:]}
    urgent = by_no[built.cases["urgent"].case_no]
    assert urgent["客户姓名"] == "欧**" and urgent["联系电话"] == "138****5678"
    assert urgent["紧急程度"] == "紧急"
    assert urgent["紧急情形"] == "客户资金存在风险；已经或可能引起媒体曝光"
    assert urgent["投诉原因"] == "资金安全" and urgent["受理渠道"] == "网点受理：现场"
    assert urgent["是否超期"] == "否" and urgent["首问责任人"] == "李琊"
    assert isinstance(urgent["受理时间"], dt.datetime)
    assert by_no[built.cases["escalated"].case_no]["是否超期"] == "是"
    assert by_no[built.cases["escalated"].case_no]["处理人"] == "王昇"
    assert by_no[built.cases["settled"].case_no]["是否超期"] is None
    assert urgent["序号"] == [r.no for r in rows if r.case_no == urgent["投诉编号"]][0]

    about = dict(wb[ledger.INFO_TITLE].iter_rows(values_only=True))
    assert about["网点"] == "琅琊路邮政金融网点" and about["投诉件数"] == count
    assert wb.properties.creator == "琅琊路邮政金融网点"


# --- the command line ----------------------------------------------------------------------

CLI_PROBE = """
import sys
from desktop.cli import main as cli
out, data_dir, case_no = sys.argv[1], sys.argv[2], sys.argv[3]
codes = [
    cli.main(["report", "incident", case_no, "--out", out + "/r.pdf", "--data-dir", data_dir]),
    cli.main(["verify", out + "/r.pdf", "--data-dir", data_dir]),
    cli.main(["export-ledger", "--year", sys.argv[4], "--out", out + "/l.xlsx",
              "--data-dir", data_dir]),
    cli.main(["report", "incident", "NOPE-2026-000001", "--out", out + "/x.pdf",
              "--data-dir", data_dir]),
]
from db.store.models import Case
Case.update(description="改过了，与报告不符。").where(Case.case_no == case_no).execute()
codes.append(cli.main(["verify", out + "/r.pdf", "--data-dir", data_dir]))
print(codes, "PySide6" in sys.modules)
"""


def test_command_line_report_verify_ledger_without_qt(tmp_path):
    from db.store.database import database_path

    data_dir = tmp_path / "data"
    database_module.open_database(database_path(data_dir))
    try:
        world = rc.make_world()
        case = rc.settled_case(world)
    finally:
        database_module.close_database()
    result = subprocess.run(
        [sys.executable, "-c", CLI_PROBE, str(tmp_path), str(data_dir), case.case_no,
         str(case.received_at.year)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[0, 0, 0, 1, 1] False"
    assert "MISMATCH" in result.stdout and "OK" in result.stdout
    assert (tmp_path / "l.xlsx").stat().st_size > 0
