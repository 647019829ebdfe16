"""The complaint ledger (投诉台账) as an Excel workbook: one row per case.

The columns are those a district branch expects in a register. The header is row 1 (frozen,
with an autofilter), so the sheet sorts, filters and pivots as it is; what the period and
the outlet are is said in the sheet name, the document properties and a second sheet.
Written in openpyxl's write-only mode, which streams rows to the file: a year of 100,000
cases needs no more memory than a day's.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from db.reporting.report_data import LedgerRow
from db.store import files, vocab
from desktop.reports import zh
from desktop.reports.xlsx_text import text_row

SHEET_TITLE = "投诉台账"
INFO_TITLE = "说明"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
PROGRESS_EVERY = 1000

# (header, width in characters)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 7),
    ("投诉编号", 21),
    ("受理时间", 17),
    ("受理渠道", 20),
    ("投诉渠道", 20),
    ("业务类型", 14),
    ("投诉原因", 26),
    ("紧急程度", 9),
    ("紧急情形", 24),
    ("客户姓名", 10),
    ("联系电话", 14),
    ("客户诉求", 30),
    ("投诉内容", 60),
    ("首问责任人", 11),
    ("处理人", 10),
    ("状态", 14),
    ("约定回复时间", 17),
    ("办结时间", 17),
    ("是否超期", 9),
)
HEADERS = tuple(name for name, _width in COLUMNS)
DATE_COLUMNS = frozenset(
    i for i, name in enumerate(HEADERS) if name in ("受理时间", "约定回复时间", "办结时间")
)


@dataclass(frozen=True)
class LedgerInfo:
    """What the ledger covers, for its second sheet and document properties."""

    outlet: str
    period: str
    generated_at: dt.datetime
    masked: bool = True
    unit_label: str = "网点"  # what ``outlet`` names: an outlet, or a district branch


def _chinese(vocabulary: dict[str, str]) -> dict[str, str]:
    return {code: zh.vocab_code(vocabulary, code) for code in vocabulary}


class _Translator:
    """Chinese for the codes of a row, looked up once per vocabulary, not once per cell."""

    def __init__(self) -> None:
        self.route = _chinese(vocab.ROUTES)
        self.channel = _chinese(vocab.CHANNELS)
        self.business_type = _chinese(vocab.BUSINESS_TYPES)
        self.cause = _chinese(vocab.CAUSES)
        self.severity = _chinese(vocab.SEVERITIES)
        self.trigger = _chinese(vocab.URGENT_TRIGGERS)
        self.status = _chinese(vocab.STATUSES)

    def values(self, row: LedgerRow) -> list[object]:
        overdue = "" if row.overdue is None else (zh.TEXT["yes"] if row.overdue else zh.TEXT["no"])
        return [
            row.no,
            row.case_no,
            row.received_at,
            self.route.get(row.route, row.route),
            self.channel.get(row.channel, row.channel),
            self.business_type.get(row.business_type, row.business_type),
            self.cause.get(row.cause, row.cause),
            self.severity.get(row.severity, row.severity),
            "；".join(self.trigger.get(t, t) for t in row.urgent_triggers),
            row.customer_name,
            row.customer_phone,
            row.remedy_requested,
            row.description,
            row.owner_name,
            row.handler_name,
            self.status.get(row.status, row.status),
            row.agreed_reply_at,
            row.closed_at,
            overdue,
        ]


def write_ledger_xlsx(
    rows: Iterable[LedgerRow],
    target: Path | BinaryIO,
    *,
    info: LedgerInfo | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the ledger of ``rows`` to an .xlsx path or binary stream; return the row count.

    ``progress(done)`` is called every PROGRESS_EVERY rows.
    """
    return write_ledger_with_lead(
        (((), row) for row in rows), target, lead=(), info=info, progress=progress
    )


def write_ledger_with_lead(
    rows: Iterable[tuple[Sequence[object], LedgerRow]],
    target: Path | BinaryIO,
    *,
    lead: Sequence[tuple[str, float]],
    info: LedgerInfo | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """The ledger with columns ``lead`` (header, width) before the outlet's own, such as the
    outlet's code and name in the district's ledger across outlets: each of ``rows`` is
    (the values of those columns, the case's row)."""
    columns = (*lead, *COLUMNS)
    shift = len(lead)
    dates = [shift + i for i in DATE_COLUMNS]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_TITLE)
    # The header row and the case number stay in view.
    ws.freeze_panes = f"{get_column_letter(shift + 3)}2"
    for i, (_name, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width

    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDDDDD")
    thin = Side(style="thin", color="808080")
    header_border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for name, _width in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill, cell.border, cell.alignment = (
            header_font,
            header_fill,
            header_border,
            centred,
        )
        header.append(cell)
    ws.append(header)

    translate = _Translator()
    count = 0
    for first, row in rows:
        values = text_row(ws, [*first, *translate.values(row)])
        for i in dates:
            if values[i] is not None:
                cell = WriteOnlyCell(ws, value=values[i])
                cell.number_format = DATE_FORMAT
                values[i] = cell
        ws.append(values)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    last_column = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last_column}{count + 1}"

    if info is not None:
        _info_sheet(wb, info, count)
        wb.properties.title = f"{SHEET_TITLE} {info.period}"
        wb.properties.creator = info.outlet
        wb.properties.subject = f"{info.outlet} {SHEET_TITLE}（{info.period}）"
    wb.properties.lastModifiedBy = zh.CREATOR

    if isinstance(target, str | Path):
        # Zipped in memory, then written whole: a full disk then leaves no half-written
        # workbook and no openpyxl writer still holding a file that was closed under it.
        buffer = io.BytesIO()
        wb.save(buffer)
        files.write_private(Path(target), buffer.getvalue())
    else:
        wb.save(target)
    if progress is not None:
        progress(count)
    return count


def _info_sheet(wb: Workbook, info: LedgerInfo, count: int) -> None:
    ws = wb.create_sheet(INFO_TITLE)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 60
    rows = [
        (info.unit_label, info.outlet),
        ("期间", info.period),
        ("投诉件数", count),
        ("生成时间", info.generated_at.strftime("%Y-%m-%d %H:%M")),
        ("客户信息", zh.TEXT["masked_note"] if info.masked else zh.TEXT["revealed_note"]),
        ("是否超期", "约定回复时间前未答复、反馈或办结的，记为超期；现场处理完毕的不适用。"),
    ]
    for label, value in rows:
        ws.append(text_row(ws, [label, value]))


# The district's ledger across outlets (db/district/ledger.py): the outlet first.
OUTLET_LEAD: tuple[tuple[str, float], ...] = (("网点代码", 11), ("网点名称", 18))
