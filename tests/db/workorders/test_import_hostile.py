"""Work-order files built to do harm: rows in two encodings, and workbooks that expand.

Each is refused whole, naming the row where there is one, with nothing written
(:func:`refused_whole`). The workbooks are refused from what they declare or as their rows
stream in, before memory grows: a child process imports each and its peak resident memory
is compared with importing a small valid file (run with ``-s`` to see the figures).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.workorders import orders as workorders
from tests.db.workflow_fixtures import World, world
from tests.db.workorders import hostile_files as hf
from tests.db.workorders.test_import_malformed import refused_whole
from tests.db.workorders.test_workorders import EN_HEADER, ROWS, ZH_HEADER

__all__ = ["world"]
pytestmark = pytest.mark.attack("hostile-files")

REPO = Path(__file__).resolve().parents[3]


def csv_lines(rows: list[list[str]], encodings: list[str]) -> bytes:
    """One CSV line per row, each in its own encoding (as rows pasted between files are)."""
    out = b""
    for row, encoding in zip(rows, encodings, strict=True):
        text = io.StringIO()
        csv.writer(text).writerow(row)
        out += text.getvalue().encode(encoding)
    return out


# --- rows in two encodings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "encodings", "row", "odd"),
    [
        # An English header is plain ASCII: read as GB18030, the UTF-8 rows turn to mojibake.
        (EN_HEADER, ["ascii", "utf-8", "gbk", "utf-8", "utf-8"], 3, "GBK"),
        (ZH_HEADER, ["utf-8", "utf-8", "utf-8", "utf-8", "gbk"], 5, "GBK"),
        (ZH_HEADER, ["utf-8-sig", "gbk", "utf-8", "utf-8", "utf-8"], 2, "GBK"),
        # A GBK file from a Chinese spreadsheet with one UTF-8 row pasted in.
        (ZH_HEADER, ["gbk", "gbk", "utf-8", "gbk", "gbk"], 3, "UTF-8"),
    ],
    ids=["ascii-header", "last-row", "bom", "utf8-in-gbk"],
)
def test_a_row_in_another_encoding_is_refused_naming_it(
    world: World, tmp_path: Path, header, encodings, row, odd
):
    data = csv_lines([header, *ROWS], encodings)
    error = refused_whole(
        world, hf.write(tmp_path, "mixed.csv", data), "mixed encoding", row=row,
        code="mixed_encoding",
    )  # fmt: skip
    main = "UTF-8" if odd == "GBK" else "GBK"
    assert error.message == (
        f"Row {row}: This row is in another text encoding ({odd}) than the rest of the file "
        f"({main}); save the whole file again in one encoding."
    )


def test_a_quoted_cell_over_several_lines_counts_as_one_row(world: World, tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[0][6] = "客户反映：\n排队时间过长，\n无人解释"
    data = csv_lines([ZH_HEADER, *rows], ["utf-8", "utf-8", "utf-8", "gbk", "utf-8"])
    refused_whole(world, hf.write(tmp_path, "multiline.csv", data), "mixed encoding", row=4)


def test_files_in_one_encoding_still_import(world: World, tmp_path: Path):
    for encoding in ("utf-8", "gbk"):
        data = csv_lines([ZH_HEADER, *ROWS], [encoding] * 5)
        path = hf.write(tmp_path, f"{encoding}.csv", data)
        assert len(workorders.read_workorder_file(path)) == len(ROWS)


# --- workbooks that expand ----------------------------------------------------------------


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    small = hf.small_xlsx(EN_HEADER, ROWS)
    files = {
        "small.xlsx": small,
        "tiny-whole-sheet.xlsx": hf.tiny_whole_sheet(EN_HEADER),
        "declares-whole-sheet.xlsx": hf.declared_dimension(small, "A1:XFD1048576"),
        "declares-million-rows.xlsx": hf.declared_dimension(small, "A1:I1048576"),
        "million-rows.xlsx": hf.million_rows(EN_HEADER),
        "million-rows-undeclared.xlsx": hf.million_rows(EN_HEADER, declare=False),
        "inflating-cell.xlsx": hf.inflating_cell(EN_HEADER),
    }
    return {name: hf.write(folder, name, data) for name, data in files.items()}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("tiny-whole-sheet.xlsx", "too_many_rows"),
        ("declares-whole-sheet.xlsx", "too_many_rows"),
        ("declares-million-rows.xlsx", "too_many_rows"),
        ("million-rows.xlsx", "too_many_rows"),
        ("million-rows-undeclared.xlsx", "too_many_rows"),
        ("inflating-cell.xlsx", "file_too_large"),
    ],
)
def test_expanding_workbook_is_refused(world: World, bombs, name, code):
    error = refused_whole(world, bombs[name], "xlsx bomb", row=0, code=code)
    if code == "too_many_rows":
        assert error.message == f"The file has more than {workorders.MAX_IMPORT_ROWS} rows."


def test_the_bombs_are_small_on_disk(bombs):
    assert bombs["tiny-whole-sheet.xlsx"].stat().st_size < 2 * 1024
    assert bombs["million-rows.xlsx"].stat().st_size < 1.5 * 1024 * 1024


def test_the_whole_sheet_declared_wide_but_few_columns_used_is_refused_up_front(
    world: World, tmp_path: Path
):
    wide = hf.declared_dimension(hf.small_xlsx(EN_HEADER, ROWS), "A1:XFD5")
    refused_whole(world, hf.write(tmp_path, "wide.xlsx", wide), "xlsx bomb", row=0,
                  code="too_many_columns")  # fmt: skip


def test_a_sheet_that_declares_too_small_a_size_is_still_read_whole(world: World, tmp_path: Path):
    """A declared size smaller than the sheet must not hide rows from the checks."""
    rows = [list(r) for r in ROWS]
    rows[3][2] = "not a time"
    lying = hf.declared_dimension(hf.small_xlsx(EN_HEADER, rows), "A1:I2")
    refused_whole(world, hf.write(tmp_path, "lying.xlsx", lying), "xlsx lying size", row=5)
    ok = hf.declared_dimension(hf.small_xlsx(EN_HEADER, ROWS), "A1:I2")
    assert len(workorders.read_workorder_file(hf.write(tmp_path, "ok.xlsx", ok))) == len(ROWS)


def peak(tmp_path: Path, file: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    db = tmp_path / f"{file.stem}.sqlite3"
    child = [sys.executable, "-m", "tests.db.workorders.import_child", str(db), str(file)]
    done = subprocess.run(child, capture_output=True, text=True, env=env, timeout=300, check=True)
    return json.loads(done.stdout)


BOMBS = (
    "tiny-whole-sheet.xlsx",
    "declares-whole-sheet.xlsx",
    "million-rows.xlsx",
    "million-rows-undeclared.xlsx",
    "inflating-cell.xlsx",
)


def test_expanding_workbooks_are_refused_quickly_before_memory_grows(bombs, tmp_path: Path):
    """Each bomb imported in a child of its own, against a child importing a small valid
    file in the same run: its peak resident memory (RUSAGE_CHILDREN's ru_maxrss) and its
    time, as ratios to that floor (the figures: tests/benchmarks/FINDINGS.md, section 7)."""
    floor = peak(tmp_path, bombs["small.xlsx"])
    assert floor["said"] == f"created {len(ROWS)}", floor
    print(f"\nsmall valid file: {floor['peak_kib'] / 1024:.0f} MiB peak, {floor['seconds']} s")
    for name in BOMBS:
        measured = peak(tmp_path, bombs[name])
        ratio = measured["peak_kib"] / floor["peak_kib"]
        more = (measured["peak_kib"] - floor["peak_kib"]) / 1024
        slower = measured["seconds"] / floor["seconds"]
        print(f"  {name:<30} {bombs[name].stat().st_size:>9,} B  "
              f"{measured['peak_kib'] / 1024:5.0f} MiB  x{ratio:.2f} ({more:+.1f} MiB)  "
              f"{measured['seconds']} s x{slower:.2f}  {measured['said']}")  # fmt: skip
        assert str(measured["said"]).startswith("refused "), measured
        # Generous: the refusal reads at most MAX_SHEET_ROWS rows of at most MAX_COLUMNS.
        assert ratio < 1.5, f"{name}: peak {ratio:.2f} times the small file's"
        # Refused from what it declares, or within the first rows too many: about as long
        # as the small file takes (a child's start-up is most of both), never minutes.
        assert slower < 4, f"{name}: {slower:.2f} times as long as the small file"
