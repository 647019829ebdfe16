"""Work-order files built the way a tamperer would build them, for the tests and benchmarks.

Each is a real file: the XLSX ones are zip packages openpyxl would open, with the sheet XML
written by hand where openpyxl itself would never write such a thing.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def small_xlsx(header: list[str], rows: list[list[object]]) -> bytes:
    """A valid workbook, as a spreadsheet program saves it."""
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _repack(data: bytes, replace: dict[str, bytes | Iterator[bytes]]) -> bytes:
    """``data`` with some members replaced (an iterator is streamed, never held whole)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=7) as target,
    ):
        for info in source.infolist():
            content = replace.get(info.filename)
            if content is None:
                target.writestr(info, source.read(info.filename))
            elif isinstance(content, bytes):
                target.writestr(info.filename, content)
            else:
                with target.open(info.filename, "w", force_zip64=True) as member:
                    for chunk in content:
                        member.write(chunk)
    return out.getvalue()


def declared_dimension(data: bytes, ref: str) -> bytes:
    """The workbook with its sheet claiming to span ``ref`` (e.g. ``A1:XFD1048576``)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheet = package.read(SHEET)
    sheet, n = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), sheet)
    assert n == 1
    return _repack(data, {SHEET: sheet})


def _sheet_rows(header_xml: bytes, rows: int, *, dimension: str | None) -> Iterator[bytes]:
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + ns + b">"
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>" + header_xml
    # Rows and cells without their optional r="" reference, as some writers emit them, and
    # a random two-digit number in each: the sheet inflates about 20 times.
    rng = random.Random(1)
    batch = []
    for _ in range(rows):
        batch.append(f"<row><c><v>{rng.randrange(100)}</v></c></row>".encode())
        if len(batch) == 10_000:
            yield b"".join(batch)
            batch = []
    yield b"".join(batch) + b"</sheetData></worksheet>"


def million_rows(header: list[str], rows: int = 1_000_000, *, declare: bool = True) -> bytes:
    """A workbook of ``rows`` rows (a number in column A each), about 1.45 MiB on disk.

    With ``declare`` the sheet states its true size, as every spreadsheet program writes
    it; without, the size is only found by reading every row."""
    base = small_xlsx(header, [])
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for i, name in enumerate(header)
    )
    header_xml = f'<row r="1">{cells}</row>'.encode()
    last = f"{chr(64 + len(header))}{rows + 1}"
    sheet = _sheet_rows(header_xml, rows, dimension=f"A1:{last}" if declare else None)
    return _repack(base, {SHEET: sheet})


def inflating_cell(header: list[str], megabytes: int = 300) -> bytes:
    """A workbook whose one data cell holds ``megabytes`` MB of text: a few hundred kB zipped."""

    def sheet() -> Iterator[bytes]:
        ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + ns + b"><sheetData>"
        yield b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        chunk = b"A" * (1024 * 1024)
        for _ in range(megabytes):
            yield chunk
        yield b"</t></is></c></row></sheetData></worksheet>"

    return _repack(small_xlsx(header, []), {SHEET: sheet()})


def tiny_whole_sheet(header: list[str]) -> bytes:
    """About 1 KB: the four members Excel needs and a sheet declaring ``A1:XFD1048576`` (16,384
    columns by 1,048,576 rows, 17 billion cells), written by hand as a tamperer would."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for i, name in enumerate(header)
    )
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        SHEET: (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><dimension '
            f'ref="A1:XFD1048576"/><sheetData><row r="1">{cells}</row></sheetData></worksheet>'
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name, text in members.items():
            package.writestr(name, text)
    return out.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
