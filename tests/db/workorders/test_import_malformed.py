"""Malformed work-order files: refused whole, naming the row and the
reason, with nothing written; the three encodings Chinese offices produce all import.

Every refusal goes through :func:`refused_whole`, which counts it; run with ``-s`` to see
how many malformed files were refused.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from db.workorders import orders as workorders
from db.workorders.orders import WorkOrderImportError
from tests.db.workflow_fixtures import World, dump, world
from tests.db.workorders.test_workorders import EN_HEADER, ROWS, ZH_HEADER

pytestmark = pytest.mark.attack("hostile-files")

__all__ = ["world"]

refusals: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_refusals() -> Iterator[None]:
    yield
    print(f"\nmalformed files refused whole: {sum(refusals.values())}")
    for kind, n in sorted(refusals.items()):
        print(f"  {kind:<28} {n:>4}")


def csv_bytes(rows: list[list[object]], header: list[str] = ZH_HEADER, encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[object]], header: list[str] = ZH_HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def refused_whole(
    w: World, path: Path, kind: str, *, row: int | None = None, code: str | None = None
) -> WorkOrderImportError:
    """Importing ``path`` raises WorkOrderImportError with a reason (and the row, if
    given) and leaves every table, the audit trail included, exactly as it was."""
    before = dump()
    with pytest.raises(WorkOrderImportError) as excinfo:
        workorders.import_workorders(path, w.lobby)
    error = excinfo.value
    assert error.reason and "{" not in error.reason, error.reason
    if row is not None:
        assert error.row == row, error.message
    if error.row:
        assert error.message.startswith(f"Row {error.row}: "), error.message
    if code is not None:
        assert error.code == code, error.message
    assert dump() == before, f"{path.name}: a refused import wrote to the database"
    refusals[kind] += 1
    return error


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the three encodings import -----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_every_office_encoding_imports(world: World, tmp_path: Path, encoding: str):
    path = write(tmp_path, f"orders-{encoding}.csv", csv_bytes(ROWS, encoding=encoding))
    assert workorders.import_workorders(path, world.lobby).created == len(ROWS)
    contents = {wo.content for wo in workorders.open_workorders(world.outlet)}
    assert contents == {row[6] for row in ROWS}


# --- wrong encoding -----------------------------------------------------------------------


def test_wrong_encodings_are_refused(world: World, tmp_path: Path):
    gbk = csv_bytes(ROWS, encoding="gbk")
    utf8 = csv_bytes(ROWS)
    files = {
        # GBK text behind a UTF-8 byte-order mark: claims UTF-8, is not.
        "gbk-with-utf8-bom.csv": b"\xef\xbb\xbf" + gbk,
        # UTF-8 header, GBK rows, as when rows are pasted from another file.
        "utf8-header-gbk-rows.csv": utf8.split(b"\r\n", 1)[0] + b"\r\n" + gbk.split(b"\r\n", 1)[1],
        # Excel's "Unicode text" export.
        "utf16.csv": csv_bytes(ROWS, encoding="utf-16"),
    }
    for name, data in files.items():
        refused_whole(world, write(tmp_path, name, data), "wrong encoding")


def test_one_corrupt_byte_in_utf8_is_refused(world: World, tmp_path: Path):
    """A UTF-8 file with one invalid byte is not silently read as GB18030 mojibake."""
    utf8 = csv_bytes(ROWS, header=EN_HEADER)
    start = utf8.index("客户反映".encode())
    for offset, bad in enumerate((b"\xff", b"\x80", b"\xc3")):
        data = utf8[: start + offset] + bad + utf8[start + offset :]
        refused_whole(world, write(tmp_path, f"bad-byte-{offset}.csv", data), "wrong encoding")


# --- truncated files -----------------------------------------------------------------------


def test_csv_cut_inside_a_row_is_refused_naming_it(world: World, tmp_path: Path):
    data = csv_bytes(ROWS)
    last_row = data.rindex(b"\r\n", 0, len(data) - 2) + 2
    # Cut after the number: the row lacks its required cells.
    cut = data.index(b",", data.index(b",", last_row) + 1)
    refused_whole(
        world, write(tmp_path, "cut-after-number.csv", data[:cut]), "truncated csv", row=5
    )
    # Cut in the middle of a Chinese character: the file is no longer valid text.
    mid_char = data.index("客户来信".encode()) + 1
    refused_whole(
        world, write(tmp_path, "cut-mid-char.csv", data[:mid_char]), "truncated csv", row=0
    )


def test_csv_cut_anywhere_inside_the_last_row_is_refused(world: World, tmp_path: Path):
    data = csv_bytes(ROWS)
    last_row = data.rindex(b"\r\n", 0, len(data) - 2) + 2
    accepted = []
    for cut in range(last_row + 1, len(data) - 2):  # every cut that leaves the row incomplete
        path = write(tmp_path, f"cut-{cut}.csv", data[:cut])
        try:
            orders = workorders.read_workorder_file(path)
        except WorkOrderImportError:
            continue
        accepted.append((cut, orders[-1].content, orders[-1].may_concern_outlet))
    assert not accepted, f"{len(accepted)} truncated files accepted, e.g. {accepted[0]}"


def test_truncated_xlsx_is_refused(world: World, tmp_path: Path):
    data = xlsx_bytes(ROWS)
    for fraction in (0.05, 0.25, 0.5, 0.75, 0.95, 0.999):
        cut = int(len(data) * fraction)
        path = write(tmp_path, f"cut-{cut}.xlsx", data[:cut])
        refused_whole(world, path, "truncated xlsx", row=0, code="unreadable_file")


def test_corrupt_xlsx_bytes_are_refused(world: World, tmp_path: Path):
    """Thirty copies with a few bytes overwritten: each is refused with a reason (or, if
    the damage missed everything the import reads, reads back the same orders)."""
    data = xlsx_bytes(ROWS)
    reference = workorders.read_workorder_file(write(tmp_path, "intact.xlsx", data))
    rng = random.Random(6)
    escaped = []
    for attempt in range(30):
        damaged = bytearray(data)
        start = rng.randrange(100, len(damaged) - 100)
        for i in range(start, start + rng.randint(1, 40)):
            damaged[i] = rng.randrange(256)
        path = write(tmp_path, f"damaged-{attempt}.xlsx", bytes(damaged))
        try:
            orders = workorders.read_workorder_file(path)
        except WorkOrderImportError as exc:
            assert exc.reason, path.name
            refusals["corrupt xlsx"] += 1
            continue
        except Exception as exc:  # noqa: BLE001 - the failure this test is about
            escaped.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        assert orders == reference, f"{path.name} was read with different orders"
    assert not escaped, f"{len(escaped)} of 30 escaped, e.g. {escaped[0]}"


# --- wrong columns, duplicates, empty, garbage ----------------------------------------------


def test_wrong_or_missing_columns_are_refused(world: World, tmp_path: Path):
    misspelt = ["sauce", *EN_HEADER[1:]]
    no_content = [h for h in ZH_HEADER if h != "内容"]
    files = {
        "misspelt.csv": (csv_bytes(ROWS, header=misspelt), 1, "missing_columns"),
        "no-content.csv": (
            csv_bytes([[c for i, c in enumerate(r) if i != 6] for r in ROWS], header=no_content),
            1,
            "missing_columns",
        ),
        "no-header.csv": (csv_bytes(ROWS[1:], header=ROWS[0]), 1, "missing_columns"),
        # Values under the wrong headings: a content where a time belongs.
        "shifted.csv": (csv_bytes([[*r[:2], r[6], *r[3:6], r[2], *r[7:]] for r in ROWS]), 2, None),
        "header-only.csv": (csv_bytes([]), 0, "empty_file"),
        "wrong-columns.xlsx": (xlsx_bytes(ROWS, header=list("ABCDEFGHI")), 1, "missing_columns"),
    }
    for name, (data, row, code) in files.items():
        refused_whole(world, write(tmp_path, name, data), "wrong columns", row=row, code=code)


def test_duplicate_rows_are_refused(world: World, tmp_path: Path):
    again = [ROWS[0], ROWS[1], ROWS[2], ROWS[0]]
    error = refused_whole(
        world, write(tmp_path, "dup.csv", csv_bytes(again)), "duplicate rows", row=5
    )
    assert error.code == "duplicate_in_file" and "rows 2 and 5" in error.reason
    refused_whole(world, write(tmp_path, "dup.xlsx", xlsx_bytes(again)), "duplicate rows", row=5)
    # The same number written differently is still the same work order.
    spaced = [ROWS[0], [ROWS[0][0], f"  {ROWS[0][1]} ", *ROWS[0][2:]]]
    refused_whole(
        world, write(tmp_path, "dup-spaced.csv", csv_bytes(spaced)), "duplicate rows", row=3
    )


def test_empty_files_are_refused(world: World, tmp_path: Path):
    files = {
        "empty.csv": b"",
        "bom-only.csv": b"\xef\xbb\xbf",
        "blank-lines.csv": b"\r\n \r\n\t\r\n",
        "commas-only.csv": b",,,\r\n,,,\r\n",
        "empty.xlsx": b"",
    }
    for name, data in files.items():
        refused_whole(world, write(tmp_path, name, data), "empty", row=0)


def test_binary_garbage_is_refused(world: World, tmp_path: Path):
    rng = random.Random(20261128)
    files = {f"garbage-{i}.csv": rng.randbytes(rng.randint(1, 5000)) for i in range(10)}
    files.update({f"garbage-{i}.xlsx": rng.randbytes(rng.randint(1, 5000)) for i in range(10)})
    files["png-named.xlsx"] = b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000)
    files["zip-header-only.xlsx"] = b"PK\x03\x04" + rng.randbytes(500)
    files["nul-bytes.csv"] = b"\x00" * 4096
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "不是工作簿")
    files["other-zip.xlsx"] = other_zip.getvalue()
    for name, data in files.items():
        refused_whole(world, write(tmp_path, name, data), "binary garbage")


def test_control_characters_in_a_cell_are_refused_naming_the_row(world: World, tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[2][6] = "客户对存折补登\x00收费有异议"
    refused_whole(world, write(tmp_path, "nul-cell.csv", csv_bytes(rows)), "bad cell", row=4)


# --- huge files ----------------------------------------------------------------------------


def test_huge_cell_is_refused(world: World, tmp_path: Path):
    rows = [[*ROWS[0][:6], "投诉" * 100_000, *ROWS[0][7:]]]
    refused_whole(world, write(tmp_path, "huge-cell.csv", csv_bytes(rows)), "huge", row=0)


def test_huge_file_is_refused_up_front(world: World, tmp_path: Path):
    """About 30 MB: 300 valid rows padded with a 100 kB column the import ignores."""
    header = [*ZH_HEADER, "备注"]
    pad = "x" * 100_000
    rows = [[ROWS[0][0], f"KF{i:06d}", *ROWS[0][2:], pad] for i in range(300)]
    path = write(tmp_path, "huge.csv", csv_bytes(rows, header=header))
    assert path.stat().st_size > 30_000_000
    refused_whole(world, path, "huge", row=0)
