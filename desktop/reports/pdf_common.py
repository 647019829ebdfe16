"""What every PDF report shares: the embedded CJK font, Chinese line breaking, A4 page frame,
"page x / y" footer with the verification code, QR code and document metadata.

Qt-free: the command line and scheduled jobs render reports without a screen. Traps this
module deals with:

- reportlab embeds only TrueType-outline fonts. WenQuanYi Micro Hei (subfont 0 of the
  bundled .ttc, the same file the UI uses) covers ASCII and CJK and may be embedded.
- ``wordWrap='CJK'`` lets ，；：！？》 start a line unless reportlab's ``ALL_CANNOT_START``
  is extended, in both modules that hold a copy of it.
- The font lacks the rarer Han characters of names (CJK Ext. A, B and beyond). The report
  font is therefore WenQuanYi Micro Hei with the bundled fallback fonts behind it
  (``ReportFont``): each character the main font lacks is measured and drawn in the first
  fallback that has it, in every paragraph, cell, page frame and chart label alike.
- reportlab writes each character of a subset's ToUnicode map as four hex digits, so one
  beyond the BMP (𡈽 U+2123D) is extracted or copied as a different character;
  ``to_unicode_cmap`` writes UTF-16BE, as the PDF reference asks.
- A character no bundled font has would print as a box or vanish; it is printed as its code
  point instead, e.g. 〔U+2EBF0〕, so the reader knows a rare character stands there.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from db.store import files
from desktop.kit.fonts import fallback_paths, font_path
from desktop.reports import zh

FONT = "WQYMicroHei"
PAGE_SIZE = A4
MARGIN = 20 * mm
# The footer sits inside the bottom margin, clear of a laser printer's ~5 mm dead band.
FOOTER_Y = 9 * mm
HEADER_Y = PAGE_SIZE[1] - 13 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN

INK = colors.black
RULE = colors.HexColor("#555555")
GRID = colors.HexColor("#808080")
LABEL_BG = colors.HexColor("#eeeeee")
MUTED = colors.HexColor("#444444")

# Closing punctuation that must never start a line in Chinese text (GB/T 15834 usage),
# added to reportlab's list, which has the ASCII and Japanese forms only.
CJK_CANNOT_START = "，。、；：！？）》〉」』】〕〗〙〛］｝”’…‥·％‰℃～﹐﹑﹔﹕﹖﹗"
# Opening punctuation that must never end a line.
CJK_CANNOT_END = "（《〈「『【〔〖〘〚［｛“‘"
_FUZZ = 1e-6


MAIN_FACE, NO_FACE = 0, -1
"""What ``ReportFont.face_of`` says beside a fallback's number (1, 2, ...)."""


class ReportFont(TTFont):
    """Subfont 0 of the bundled .ttc with the fallback fonts behind it, as one reportlab font.

    reportlab asks a font for widths (``stringWidth``), for the runs of (subset, bytes) that
    show a string (``splitString``) and for each subset's PDF font name
    (``getSubsetInternalName``). This one answers for each character from the face that has
    it; a fallback's runs carry ``(fallback, subset)`` as their subset. Text the main face
    covers, nearly all of it, takes reportlab's own path unchanged, and a fallback file is
    read only when a report first needs it.
    """

    def __init__(self, name: str, path: Path, fallbacks: Sequence[Path]) -> None:
        super().__init__(name, str(path), subfontIndex=0, shapable=False)
        self.main_chars = frozenset(map(chr, self.face.charToGlyph))
        self._fallback_paths = list(fallbacks)
        self._fallbacks: list[TTFont] = []
        self._face_of: dict[str, int] = {}
        self._loading = threading.Lock()  # reports are built on worker threads

    def _fallback(self, number: int) -> TTFont:
        while len(self._fallbacks) < number:
            with self._loading:
                if len(self._fallbacks) < number:
                    path = self._fallback_paths[len(self._fallbacks)]
                    name = f"{self.fontName}-{len(self._fallbacks) + 1}"
                    self._fallbacks.append(TTFont(name, str(path), shapable=False))
        return self._fallbacks[number - 1]

    def face_of(self, ch: str) -> int:
        """MAIN_FACE, the number of the first fallback that has ``ch``, or NO_FACE."""
        if ch in self.main_chars:
            return MAIN_FACE
        face = self._face_of.get(ch)
        if face is None:
            face = next(
                (number for number in range(1, len(self._fallback_paths) + 1)
                 if ord(ch) in self._fallback(number).face.charToGlyph),
                NO_FACE,
            )  # fmt: skip
            self._face_of[ch] = face
        return face

    def _runs(self, text: str) -> list[tuple[int, str]]:
        """``text`` cut into runs of one face each; what no face has stays with the main one."""
        runs: list[tuple[int, str]] = []
        for ch in text:
            face = max(self.face_of(ch), MAIN_FACE)
            if runs and runs[-1][0] == face:
                runs[-1] = (face, runs[-1][1] + ch)
            else:
                runs.append((face, ch))
        return runs

    def _face_font(self, face: int) -> TTFont:
        return self if face == MAIN_FACE else self._fallback(face)

    # TTFont's own methods are called explicitly below: on a run of the main face, ours would
    # cut it into runs again.

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 - reportlab's name
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if self.main_chars.issuperset(text):
            return TTFont.stringWidth(self, text, size)
        return sum(
            TTFont.stringWidth(self._face_font(face), run, size) for face, run in self._runs(text)
        )

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - reportlab's name
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if self.main_chars.issuperset(text):
            return TTFont.splitString(self, text, doc)
        return [
            (subset if face == MAIN_FACE else (face, subset), chunk)
            for face, run in self._runs(text)
            for subset, chunk in TTFont.splitString(self._face_font(face), run, doc)
        ]

    def getSubsetInternalName(self, subset, doc):  # noqa: N802 - reportlab's name
        if isinstance(subset, tuple):
            face, subset = subset
            return self._fallback(face).getSubsetInternalName(subset, doc)
        return super().getSubsetInternalName(subset, doc)


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """The ToUnicode CMap of one subset of a TrueType font: code -> character.

    A stand-in for ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap``, which writes each
    character as ``<%04X>``: U+2123D becomes five hex digits that readers take for U+2123
    and a stray digit, so pdftotext, search and copy-paste get the wrong character. The PDF
    reference wants the characters in UTF-16BE, a surrogate pair beyond the BMP
    (``<D844DE3D>``); Adobe's ToUnicode tutorial also keeps a bfchar block to 100 entries.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    entries = list(enumerate(subset))
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [
            f"<{code:02X}> <{chr(char).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
            for code, char in block
        ]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def fix_text_layer() -> None:
    """Make reportlab write ``to_unicode_cmap`` for every TrueType subset (idempotent)."""
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


def register_font() -> str:
    """Register the report font (``ReportFont``) with reportlab once; return its name."""
    try:
        pdfmetrics.getFont(FONT)
    except KeyError:
        pdfmetrics.registerFont(ReportFont(FONT, font_path(), fallback_paths()))
        # No bold or italic face exists; map them to the same face so <b> cannot fail.
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


def _is_latin(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


def kinsoku_split(word: str, widths: list[float], max_widths) -> list[list]:
    """Break ``word`` into lines no wider than ``max_widths``, Chinese style.

    A drop-in for ``reportlab.lib.textsplit.dumbSplit`` (same arguments and result:
    ``[[extra_space, text], ...]``). reportlab's own version lets a line start with a
    closing mark whenever two come together (》， or ！”), and hangs one mark past the
    right edge, across a table border. This one pushes the last character of the line down
    together with the marks instead, keeps opening marks with what follows, and does not
    cut a run of Latin letters or digits (an amount, a reference number) unless the run is
    longer than a line.
    """
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    lines: list[list] = []
    n = len(word)
    start = 0
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        end = start
        while end < n and used + widths[end] <= max_width + _FUZZ:
            used += widths[end]
            end += 1
        if end >= n:
            lines.append([max_width - used, word[start:n]])
            break
        end = _break_before(word, start, max(end, start + 1))
        lines.append([max_width - sum(widths[start:end]), word[start:end].rstrip()])
        start = end
        while start < n and word[start] == " ":
            start += 1
    return lines


def _bad_break(word: str, cut: int) -> bool:
    """Whether a line may not end before ``word[cut]``."""
    before, after = word[cut - 1], word[cut]
    return (
        after in CJK_CANNOT_START
        or before in CJK_CANNOT_END
        or (_is_latin(before) and _is_latin(after))
    )


def _break_before(word: str, start: int, end: int) -> int:
    """Move a break at ``end`` left until it breaks no rule, keeping at least one character
    on the line. Where no such break exists (a Latin run as long as the line), cut at
    ``end`` but take any closing marks along rather than start the next line with them."""
    cut = end
    while cut > start + 1 and _bad_break(word, cut):
        cut -= 1
    if not _bad_break(word, cut):
        return cut
    while end < len(word) and word[end] in CJK_CANNOT_START:
        end += 1
    return end


def fix_cjk_line_breaking() -> None:
    """Install the Chinese line-breaking rules in reportlab (idempotent).

    Extends ``ALL_CANNOT_START`` in both modules that read it (the multi-style path), and
    replaces ``textsplit.dumbSplit`` (the single-style path every report cell takes) with
    ``kinsoku_split``.
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        current = module.ALL_CANNOT_START
        missing = "".join(c for c in CJK_CANNOT_START if c not in current)
        if missing:
            module.ALL_CANNOT_START = current + missing
    textsplit.dumbSplit = kinsoku_split


def prepare() -> None:
    register_font()
    fix_cjk_line_breaking()
    fix_text_layer()


def report_font() -> ReportFont:
    return pdfmetrics.getFont(register_font())


@functools.cache
def _showable() -> frozenset[str]:
    """Every character the main face has a glyph for, plus line breaks and tabs."""
    return report_font().main_chars | {"\n", "\t"}


def printable(text: str) -> str:
    """``text`` with every character no bundled font can show replaced by its code point."""
    if _showable().issuperset(text):
        return text  # the usual case, checked in C rather than a character at a time
    font = report_font()
    return "".join(
        ch if ch in "\n\t" or font.face_of(ch) != NO_FACE else f"〔U+{ord(ch):04X}〕" for ch in text
    )


def markup(text: str) -> str:
    """Plain text (one line) as Paragraph markup: printable and escaped."""
    return escape(printable(text))


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    label: ParagraphStyle
    head_cell: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    note: ParagraphStyle


def styles() -> Styles:
    font = register_font()
    base = ParagraphStyle(
        "body", fontName=font, fontSize=10, leading=15, wordWrap="CJK", textColor=INK
    )
    return Styles(
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8, leading=11),
        cell=ParagraphStyle("cell", parent=base, fontSize=9, leading=13),
        label=ParagraphStyle("label", parent=base, fontSize=9, leading=13),
        head_cell=ParagraphStyle("head_cell", parent=base, fontSize=9, leading=13,
                                 alignment=TA_CENTER),
        title=ParagraphStyle("title", parent=base, fontSize=20, leading=28,
                             alignment=TA_CENTER, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=16,
                                alignment=TA_CENTER),
        heading=ParagraphStyle("heading", parent=base, fontSize=12, leading=18,
                               spaceBefore=9, spaceAfter=4, alignment=TA_LEFT),
        note=ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=MUTED),
    )  # fmt: skip


def para(text: str, style: ParagraphStyle) -> Paragraph | list[Paragraph]:
    """A paragraph of plain text; one per line when ``text`` has line breaks.

    One Paragraph per line rather than ``<br/>``: a paragraph with a single style takes
    reportlab's single-style wrapping path, where ``kinsoku_split`` applies.
    """
    lines = text.splitlines() or [""]
    if len(lines) == 1:
        return Paragraph(markup(lines[0]), style)
    return [Paragraph(markup(line), style) for line in lines]


def grid_table(
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 0,
    label_columns: Sequence[int] = (),
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """A bordered table as filed forms have: grey label cells, header repeated per page."""
    table = Table(
        list(rows),
        colWidths=list(col_widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        repeatRows=header_rows,
    )
    commands: list[tuple] = [
        # Plain-string cells (even empty ones) default to Helvetica, which is not embedded.
        ("FONTNAME", (0, 0), (-1, -1), register_font()),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), LABEL_BG))
    for column in label_columns:
        commands.append(("BACKGROUND", (column, 0), (column, -1), LABEL_BG))
    for start, end in spans:
        commands.append(("SPAN", start, end))
    table.setStyle(TableStyle(commands))
    return table


# Every one of the eight QR mask patterns makes a valid code that any reader decodes; the
# encoder normally lays the symbol out nine times to score them and keep the most even one,
# which was half the time of a one-page report (tests/benchmarks/FINDINGS.md). A short
# verification URL reads just as well with a fixed pattern (checked with zbarimg in tests).
QR_MASK_PATTERN = 0


class _FixedMaskEncoder(qrencoder.QRCode):
    """reportlab's QR encoder with the mask pattern fixed instead of searched for."""

    version: int | None  # set by QRCode.__init__; None until the data's size picks one

    def make(self) -> None:
        if self.version is None:
            self.version = self.calculate_version()
        self.makeImpl(False, QR_MASK_PATTERN)


def qr_code(value: str, size: float) -> Flowable:
    """A vector QR code of ``size`` points square, by reportlab's own encoder.

    The flowable draws straight onto the canvas; the graphics-widget version builds a
    shape per module and encodes twice, which made it the slowest part of a report.
    """
    code = QrCode(value, width=size, height=size, qrLevel="M", qrBorder=2)
    encoder = _FixedMaskEncoder(code.qrVersion, qrencoder.QRErrorCorrectLevel.M)
    encoder.addData(code.value)
    code.qr = encoder
    return code


@dataclass(frozen=True)
class PageFrame:
    """What each page shows around the content."""

    running_head: str  # left of the header on pages 2+, e.g. report title and case number
    running_head_right: str  # right of the header, e.g. the outlet
    generated: str  # footer: generation time, already formatted
    code_line: str  # footer: the verification code line


@dataclass(frozen=True)
class DocMeta:
    title: str
    author: str
    subject: str
    keywords: str
    creator: str


def _canvas_class(frame: PageFrame, texts: dict[str, str]) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer can say "x / y"."""

    class FramedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            # Otherwise each page starts in Helvetica, which is then listed, unembedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            page = self._pageNumber
            width, _height = PAGE_SIZE
            self.saveState()
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            if page > 1:
                self.setFont(FONT, 8)
                self.drawString(MARGIN, HEADER_Y, printable(frame.running_head))
                self.drawRightString(width - MARGIN, HEADER_Y, printable(frame.running_head_right))
                self.line(MARGIN, HEADER_Y - 2.5 * mm, width - MARGIN, HEADER_Y - 2.5 * mm)
            self.line(MARGIN, FOOTER_Y + 8.5 * mm, width - MARGIN, FOOTER_Y + 8.5 * mm)
            self.setFont(FONT, 7.5)
            self.drawString(MARGIN, FOOTER_Y + 4.5 * mm, frame.code_line)
            self.drawString(MARGIN, FOOTER_Y, frame.generated)
            self.setFont(FONT, 9)
            self.drawRightString(
                width - MARGIN, FOOTER_Y, texts["page"].format(page=page, pages=total)
            )
            self.restoreState()

    return FramedCanvas


def build_pdf(
    target: Path | BinaryIO,
    story: list[Flowable],
    meta: DocMeta,
    frame: PageFrame,
    page_text: str,
) -> None:
    """Lay out ``story`` on A4 with the frame and metadata and write it to ``target``.

    A path is written only once the whole document is ready, so a failure never leaves a
    half-written file behind (or half-overwrites an earlier report).
    """
    prepare()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=meta.keywords,
        creator=meta.creator,
        lang="zh-CN",
        initialFontName=FONT,
    )
    doc.build(story, canvasmaker=_canvas_class(frame, {"page": page_text}))
    data = buffer.getvalue()
    if isinstance(target, str | Path):
        files.write_private(Path(target), data)
    else:
        target.write(data)


@dataclass(frozen=True)
class ReportHead:
    """What the page frame and the PDF metadata of a report say, beside its content."""

    running_head: str  # "title · case number" or "title · period"
    title: str
    subject: str
    keywords: str
    outlet_name: str
    generated_at: dt.datetime
    code: str  # the verification code, printed in every footer


VERIFY_PREFIX = "CD-VERIFY"


def verify_token(case_no: str, code: str) -> str:
    """The token an incident report carries in its metadata, QR code and footer."""
    return f"{VERIFY_PREFIX}:{case_no}:{code}"


def write_report(
    target: Path | BinaryIO, head: ReportHead, story: Callable[[], list[Flowable]]
) -> None:
    """Lay out ``story()`` with the frame and metadata every report shares and write it."""
    frame = PageFrame(
        running_head=head.running_head,
        running_head_right=head.outlet_name,
        generated=zh.TEXT["footer_generated"].format(time=zh.time(head.generated_at)),
        code_line=zh.TEXT["footer_code"].format(code=head.code),
    )
    meta = DocMeta(
        title=head.title,
        author=head.outlet_name,
        subject=head.subject,
        keywords=head.keywords,
        creator=zh.CREATOR,
    )
    prepare()
    build_pdf(target, story(), meta, frame, zh.TEXT["footer_page"])


def pdf_bytes(write: Callable[[BinaryIO], object]) -> bytes:
    """What ``write`` writes to a binary stream, as bytes."""
    buffer = io.BytesIO()
    write(buffer)
    return buffer.getvalue()
