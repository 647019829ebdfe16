"""Text typed by people stays text in every workbook this program writes.

openpyxl stores any string that starts with ``=`` as a formula, and a spreadsheet program
evaluates it on opening: a description typed as ``=HYPERLINK("http://…","点此")`` would
become a live link, and ``=cmd|…`` style payloads worse. Text starting with ``+``, ``-``
or ``@`` is evaluated as a formula once someone edits the cell. Every such value is
written as a plain string cell with Excel's quote prefix (the leading apostrophe that
keeps it text when edited), and reads back as exactly the text that was typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_PREFIXES = ("=", "+", "-", "@")


def text_cell(ws: WriteOnlyWorksheet, value: object) -> object:
    """``value`` itself, or for text a spreadsheet would evaluate, a cell that is text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


def text_row(ws: WriteOnlyWorksheet, values: Iterable[object]) -> list[object]:
    """A row for ``ws.append`` with every formula-like text made plain text."""
    return [text_cell(ws, value) for value in values]
