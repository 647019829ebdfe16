"""Superior work orders (工单): complaints sent down to the outlet (Art. 5(5)-(7)).

They come from the 95580 customer centre, the regulator's 12378 line, a superior office,
or a petition (信访). Each has a number (unique per source), a received-at and a reply-by
time. Flags: the outlet is helping with one that may concern it (Art. 5(6)), and the head
calls the customer back in person (Art. 5(7)). The reply record says who, when and what.

They are entered by hand (:func:`create_workorder`) or imported from a file
(:func:`import_workorders`), which is how they reach an offline outlet.

Import file
-----------
A ``.csv`` (UTF-8, UTF-8 with BOM, or GBK) or ``.xlsx`` (first sheet). The first row holds
the column names, English or Chinese, in any order; other columns are ignored:

==========================  ==================  ===========================================
column                      中文列名             value
==========================  ==================  ===========================================
``source``                  来源                 95580, 12378 / 监管, 上级机构, 信访 (or the
                                                 codes 95580, regulator_12378,
                                                 superior_office, petition)
``number``                  工单号               required; unique per source
``received_at``             接收时间             date and time, e.g. 2026-10-08 09:30
``reply_by``                回复时限             date (end of that day; also a spreadsheet
                                                 date cell) or date and time;
                                                 may be empty for 12378: the internal
                                                 limit applies (rule
                                                 workorder_reply_working_days)
``customer_name``           客户姓名             required
``customer_phone``          联系电话             optional; a valid phone number
``content``                 内容                 required
``may_concern_outlet``      涉及本网点           是/否, yes/no, 1/0, empty = no
``head_callback_required``  负责人亲自回访        是/否, yes/no, 1/0, empty = no
==========================  ==================  ===========================================

Import is all or nothing: any bad row refuses the whole file with
:class:`WorkOrderImportError` (its ``row`` is the spreadsheet row number, the header being
row 1; 0 for the file as a whole) and writes nothing. It is idempotent: a work order whose
source and number are already stored is skipped, so the same file twice creates nothing.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from db.errors import RowError, WorkflowError
from db.handling import actions, deadlines, rules, windows
from db.intake.cases import add_event
from db.intake.validation import (
    FUTURE_TOLERANCE,
    clean_text,
    is_valid_phone,
    normalize_phone,
)
from db.store import codes, vocab
from db.store.models import Case, Outlet, Staff, WorkOrder, database, now, to_second

MAX_NUMBER = 60
MAX_NAME = 50
MAX_CONTENT = 2000

COLUMNS: dict[str, tuple[str, ...]] = {
    "source": ("source", "来源", "工单来源"),
    "number": ("number", "工单号", "工单编号"),
    "received_at": ("received_at", "接收时间"),
    "reply_by": ("reply_by", "回复时限", "回复期限"),
    "customer_name": ("customer_name", "客户姓名"),
    "customer_phone": ("customer_phone", "联系电话"),
    "content": ("content", "内容", "工单内容"),
    "may_concern_outlet": ("may_concern_outlet", "涉及本网点"),
    "head_callback_required": ("head_callback_required", "负责人亲自回访"),
}
REQUIRED_COLUMNS = ("source", "number", "received_at", "customer_name", "content")

_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "x"}
_FALSE = {"否", "n", "no", "false", "0", ""}
_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?$"
)


class WorkOrderImportError(RowError):
    """A work-order file was refused whole: ``row`` (1 = header, 0 = the whole file) and
    ``reason``."""


@dataclass
class NewWorkOrder:
    """The fields of the work-order form, or one row of an import file."""

    source: str = ""
    number: str = ""
    received_at: dt.datetime | None = None
    reply_by: dt.datetime | None = None
    customer_name: str = ""
    customer_phone: str = ""
    content: str = ""
    may_concern_outlet: bool = False
    head_callback_required: bool = False
    # Set by validate_workorder when no reply-by was stated and the default was taken.
    reply_by_default: bool = False
    calendar_gap: str = ""


@dataclass
class ImportResult:
    created: int = 0
    skipped: int = 0
    skipped_numbers: list[str] = field(default_factory=list)


# --- validation ----------------------------------------------------------------------------


def _clean(data: NewWorkOrder) -> NewWorkOrder:
    return NewWorkOrder(
        source=data.source.strip(),
        number=clean_text(data.number),
        received_at=to_second(data.received_at) if data.received_at else None,
        reply_by=to_second(data.reply_by) if data.reply_by else None,
        customer_name=clean_text(data.customer_name),
        customer_phone=normalize_phone(clean_text(data.customer_phone)),
        content=clean_text(data.content, multiline=True),
        may_concern_outlet=bool(data.may_concern_outlet),
        head_callback_required=bool(data.head_callback_required),
    )


def validate_workorder(
    data: NewWorkOrder, at: dt.datetime | None = None, *, case: Case | None = None
) -> NewWorkOrder:
    """The cleaned work order, or WorkflowError. A regulator work order that states no
    reply-by gets the default (deadlines.default_reply_by: the internal limit, bounded by
    the decision deadline of the complaint, or of ``case`` when it is linked at once).

    No database writes; reads the rules and the calendar for the default."""
    at = at or now()
    d = _clean(data)
    checks = actions.Checks()
    checks.known(d.source, codes.WORKORDER_SOURCES, "source")
    checks.text(d.number, "number", max_len=MAX_NUMBER)
    if d.received_at is None:
        checks.refuse("text_required", field="received_at")
    elif d.received_at > at + FUTURE_TOLERANCE:
        checks.refuse("in_future", field="received_at")
    else:
        checks.in_range(d.received_at, "received_at", at)
    if d.reply_by is None and d.received_at is not None:
        if d.source == codes.SOURCE_REGULATOR:
            default = deadlines.default_reply_by(d.received_at, case=case)
            d.reply_by = default.deadline
            d.reply_by_default = True
            d.calendar_gap = deadlines.gap_text(default.uncovered_years)
        elif not checks.failed("source"):
            checks.refuse("reply_by_required")
    if d.reply_by is not None and d.received_at is not None and d.reply_by <= d.received_at:
        checks.refuse("not_after", field="reply_by", other="received_at")
    elif d.reply_by is not None:
        checks.in_range(d.reply_by, "reply_by", at)
    checks.text(d.customer_name, "customer_name", max_len=MAX_NAME)
    if d.customer_phone and not is_valid_phone(d.customer_phone):
        checks.refuse("bad_phone", value=d.customer_phone)
    checks.text(d.content, "content", max_len=MAX_CONTENT)
    checks.done()
    return d


def _check_actor(outlet: Outlet, actor: Staff) -> Staff:
    fresh = Staff.get_or_none(Staff.id == actor.id)
    if fresh is None or not fresh.active:
        raise WorkflowError("inactive_staff", name=actor.name)
    if fresh.outlet_id != outlet.id:
        raise WorkflowError("wrong_outlet")
    return fresh


def _exists(outlet: Outlet, source: str, number: str) -> bool:
    return (
        WorkOrder.select()
        .where(
            (WorkOrder.outlet == outlet)
            & (WorkOrder.source == source)
            & (WorkOrder.number == number)
        )
        .exists()
    )


def create_workorder(
    outlet: Outlet,
    data: NewWorkOrder,
    actor: Staff,
    *,
    case: Case | None = None,
    at: dt.datetime | None = None,
) -> WorkOrder:
    """Enter a work order by hand, optionally linked to a case at once."""
    at = to_second(at)
    with database.atomic():
        actor = _check_actor(outlet, actor)
        d = validate_workorder(data, at, case=case)
        if _exists(outlet, d.source, d.number):
            raise WorkflowError("workorder_duplicate", source=d.source, number=d.number)
        wo = _create(outlet, d, actor, import_file="")
        if case is not None:
            link_workorder(wo, case, actor, at=max(at, d.received_at))  # type: ignore[type-var]
    return wo


def _create(outlet: Outlet, d: NewWorkOrder, actor: Staff, *, import_file: str) -> WorkOrder:
    return WorkOrder.create(
        outlet=outlet,
        source=d.source,
        number=d.number,
        received_at=d.received_at,
        reply_by=d.reply_by,
        customer_name=d.customer_name,
        customer_phone=d.customer_phone,
        content=d.content,
        may_concern_outlet=d.may_concern_outlet,
        head_callback_required=d.head_callback_required,
        import_file=import_file[:260],
        created_by=actor,
        reply_by_default=d.reply_by_default,
        calendar_gap=d.calendar_gap,
    )


# --- import ----------------------------------------------------------------------------------


def parse_source(value: object) -> str:
    """A work-order source code from a code or the usual Chinese and English names."""
    text = clean_text(str(value) if value is not None else "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = _number_text(value)
    low = text.lower()
    if low in codes.WORKORDER_SOURCES:
        return low
    if "95580" in low or "客服" in low:
        return codes.SOURCE_95580
    if "12378" in low or "监管" in low or "regulator" in low:
        return codes.SOURCE_REGULATOR
    if "信访" in low or "petition" in low:
        return codes.SOURCE_PETITION
    if "上级" in low or "superior" in low:
        return codes.SOURCE_SUPERIOR
    raise WorkflowError("unknown_code", value=text, field="source")


def parse_datetime(value: object, *, end_of_day: bool = False) -> dt.datetime | None:
    """A cell as a datetime; a bare date means its start, or its end for a deadline."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if end_of_day and value.time() == dt.time():
            # a spreadsheet date cell reads back as midnight: a deadline means the whole day
            return deadlines.end_of_day(value.date())
        return value.replace(microsecond=0)
    if isinstance(value, dt.date):
        return deadlines.end_of_day(value) if end_of_day else dt.datetime.combine(value, dt.time())
    text = clean_text(str(value))
    if not text:
        return None
    match = _DATE_RE.match(text)
    if match is None:
        raise WorkflowError("bad_datetime", value=text)
    y, mo, d, h, mi, s = match.groups()
    try:
        day = dt.date(int(y), int(mo), int(d))
        if h is None:
            return deadlines.end_of_day(day) if end_of_day else dt.datetime.combine(day, dt.time())
        return dt.datetime.combine(day, dt.time(int(h), int(mi), int(s or 0)))
    except ValueError:
        raise WorkflowError("bad_datetime", value=text) from None


def parse_flag(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise WorkflowError("bad_flag", value=str(value))
    text = clean_text(str(value)).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise WorkflowError("bad_flag", value=text)


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value)) if value is not None else ""


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# An outlet's import is a few hundred rows; anything far larger is not a work-order file
# and would only tie up the office PC (this program's defaults). The limits are checked
# while the file is read, row by row, so a file built to expand in memory (a sheet that
# declares a million rows, a zip member that inflates a thousandfold) is refused before
# it is unpacked.
MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
MAX_SHEET_ROWS = MAX_IMPORT_ROWS + 1  # the header and the orders
MAX_COLUMNS = 64
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


def _read_rows(path: Path) -> list[list[object]]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise WorkOrderImportError(0, "unreadable_file", detail=exc.strerror or str(exc)) from exc
    if size > MAX_IMPORT_BYTES:
        raise WorkOrderImportError(
            0,
            "file_too_large",
            size_mb=round(size / 1048576, 1),
            max_mb=MAX_IMPORT_BYTES // 1048576,
        )
    if suffix == ".csv":
        return _read_csv(path)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raise WorkOrderImportError(0, "unsupported_file")


def _capped(rows: Iterable[Iterable[object]]) -> list[list[object]]:
    """The rows, refused as soon as there are more or wider ones than a work-order file has."""
    result: list[list[object]] = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_SHEET_ROWS:
            raise WorkOrderImportError(0, "too_many_rows", max=MAX_IMPORT_ROWS)
        cells = list(row)
        if len(cells) > MAX_COLUMNS:
            raise WorkOrderImportError(number, "too_many_columns", max=MAX_COLUMNS)
        result.append(cells)
    return result


_UTF8 = "UTF-8"
_GBK = "GBK"


def _line_encoding(line: bytes) -> str | None:
    """UTF-8 or GBK for a line with non-ASCII text, None for a plain ASCII line."""
    if line.isascii():
        return None
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return _GBK
    return _UTF8


def _check_one_encoding(raw: bytes) -> None:
    """Refuse a file whose rows are in different encodings, naming the first odd row.

    Rows pasted from another file keep their bytes: a GBK row among UTF-8 ones would
    otherwise be read as mojibake, or turn the whole file into mojibake."""
    lines = raw.removeprefix(codecs.BOM_UTF8).splitlines(keepends=True)
    if lines and not lines[-1].endswith((b"\n", b"\r")):
        lines.pop()  # a line cut off in transfer; refused as cut, not as mixed
    found = [_line_encoding(line) for line in lines]
    counts = {e: found.count(e) for e in (_UTF8, _GBK)}
    if not all(counts.values()):
        return
    # The encoding of fewer lines is the odd one; with as many of each, the later one.
    first = next(e for e in found if e is not None)
    odd = min((_UTF8, _GBK), key=lambda e: (counts[e], e == first))
    main = _GBK if odd == _UTF8 else _UTF8
    line_index = found.index(odd)
    decoded = [
        line.decode("utf-8" if e == _UTF8 else "gb18030", errors="replace")
        for line, e in zip(lines, found, strict=True)
    ]
    reader = csv.reader(iter(decoded))
    row = 0
    try:
        for row, _cells in enumerate(reader, start=1):  # noqa: B007 - counted
            if reader.line_num > line_index:
                break
    except csv.Error:
        row = line_index + 1
    raise WorkOrderImportError(row, "mixed_encoding", found=odd, main=main)


def _read_csv(path: Path) -> list[list[object]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WorkOrderImportError(0, "unreadable_file", detail=exc.strerror or str(exc)) from exc
    _check_one_encoding(raw)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise WorkOrderImportError(0, "unreadable_file", detail="unknown text encoding")
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = _capped(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise WorkOrderImportError(0, "unreadable_file", detail=str(exc)) from exc
    # Every program that writes CSV ends the last line; a file that stops mid-line was cut
    # off in transfer, and its last row would be stored truncated.
    if text.strip() and not text.endswith(("\n", "\r")):
        last_row = len(rows)
        raise WorkOrderImportError(last_row, "file_cut")
    return rows


def _read_xlsx(path: Path) -> list[list[object]]:
    import zlib
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # Whatever a damaged file makes openpyxl, zipfile or zlib raise, the answer is the same.
    damaged = (
        OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, IndexError,
        EOFError, NotImplementedError, zlib.error, ParseError, TypeError, AttributeError,
        expat.ExpatError,
    )  # fmt: skip
    try:
        with zipfile.ZipFile(path) as archive:
            # zipfile never inflates a member past its declared size, so the sum bounds
            # what openpyxl can unpack (shared strings are read whole, up front).
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise WorkOrderImportError(
                    0,
                    "file_too_large",
                    size_mb=round(unpacked / 1048576, 1),
                    max_mb=MAX_UNPACKED_BYTES // 1048576,
                )
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    _check_sheet_size(archive, name)
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            # A declared size may also be too small (rows beyond it are real); read
            # without it, at most MAX_COLUMNS wide, and count as the rows come.
            sheet.reset_dimensions()
            return _capped(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True))
        finally:
            book.close()
    except WorkOrderImportError:
        raise
    except damaged as exc:
        raise WorkOrderImportError(
            0, "unreadable_file", detail=str(exc) or "not an XLSX file"
        ) from exc


def _check_sheet_size(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a sheet that declares, or holds, more rows or columns than an import has.

    A streaming parse (expat, no tree) that stops at the first row too many: openpyxl
    itself pads every row to the declared size, and without one scans the whole sheet
    into memory to find it."""
    from openpyxl.utils.cell import range_boundaries

    rows = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal rows
        local = tag.rpartition(" ")[2]
        if local == "dimension":
            _min_col, _min_row, max_col, max_row = range_boundaries(attrs.get("ref", ""))
            if (max_row or 0) > MAX_SHEET_ROWS:
                raise WorkOrderImportError(0, "too_many_rows", max=MAX_IMPORT_ROWS)
            if (max_col or 0) > MAX_COLUMNS:
                raise WorkOrderImportError(0, "too_many_columns", max=MAX_COLUMNS)
        elif local == "row":
            rows += 1
            if rows > MAX_SHEET_ROWS or int(attrs.get("r", 0)) > MAX_SHEET_ROWS:
                raise WorkOrderImportError(0, "too_many_rows", max=MAX_IMPORT_ROWS)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    with archive.open(name) as member:
        parser.ParseFile(member)


def _header_map(
    header: list[object], row: int = 1, columns: dict[str, tuple[str, ...]] | None = None
) -> dict[str, int]:
    names: dict[str, str] = {}
    for key, aliases in (columns or COLUMNS).items():
        for alias in aliases:
            names[alias.lower()] = key
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = clean_text(_cell_text(cell)).lstrip("\ufeff").lower()
        column = names.get(name)
        if column is not None and column not in found:
            found[column] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        raise WorkOrderImportError(row, "missing_columns", columns=", ".join(missing))
    return found


def _blank(row: Iterable[object]) -> bool:
    return all(cell is None or not str(cell).strip() for cell in row)


@dataclass(frozen=True)
class ParsedRow:
    """One work order of a file: its spreadsheet row number (the header is row 1, or the
    row it is on), the validated order, and the text of the ``extra`` columns asked for."""

    row: int
    order: NewWorkOrder
    extra: dict[str, str]


Validate = Callable[[NewWorkOrder, dt.datetime], NewWorkOrder]


def read_workorder_rows(
    path: Path | str,
    *,
    at: dt.datetime | None = None,
    validate: Validate | None = None,
    extra_columns: dict[str, tuple[str, ...]] | None = None,
) -> list[ParsedRow]:
    """Parse and validate every row of a file, or refuse it with the first bad row; writes
    nothing. ``validate`` checks one order (default :func:`validate_workorder`, the
    outlet's rule); ``extra_columns`` are further optional columns (key -> names a header
    may use), read as text: the district's file names the outlet of each order."""
    at = at or now()
    check = validate or (lambda data, moment: validate_workorder(data, moment))
    extra_columns = extra_columns or {}
    path = Path(path)
    rows = _read_rows(path)
    header_index = next((i for i, row in enumerate(rows) if not _blank(row)), None)
    if header_index is None:
        raise WorkOrderImportError(0, "empty_file")
    columns = _header_map(rows[header_index], header_index + 1, {**COLUMNS, **extra_columns})
    if len(rows) - header_index - 1 > MAX_IMPORT_ROWS:
        raise WorkOrderImportError(0, "too_many_rows", max=MAX_IMPORT_ROWS)
    width = max(columns.values()) + 1
    result: list[ParsedRow] = []
    first_row: dict[tuple[str, str], int] = {}
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        number = index + 1  # spreadsheet row number
        if _blank(row):
            continue
        if len(row) < width:
            raise WorkOrderImportError(number, "short_row")

        def cell(key: str, row: list[object] = row) -> object:
            i = columns.get(key)
            return row[i] if i is not None and i < len(row) else None

        try:
            data = NewWorkOrder(
                source=parse_source(cell("source")),
                number=_number_text(cell("number")),
                received_at=parse_datetime(cell("received_at")),
                reply_by=parse_datetime(cell("reply_by"), end_of_day=True),
                customer_name=_cell_text(cell("customer_name")),
                customer_phone=_cell_text(cell("customer_phone")),
                content=_cell_text(cell("content")),
                may_concern_outlet=parse_flag(cell("may_concern_outlet")),
                head_callback_required=parse_flag(cell("head_callback_required")),
            )
            data = check(data, at)
        except WorkOrderImportError:
            raise
        except WorkflowError as exc:
            raise WorkOrderImportError(number, exc.code, **exc.params) from exc
        key = (data.source, data.number)
        if key in first_row:
            raise WorkOrderImportError(
                number,
                "duplicate_in_file",
                number=data.number,
                first=first_row[key],
                second=number,
            )
        first_row[key] = number
        extra = {name: clean_text(_cell_text(cell(name))) for name in extra_columns}
        result.append(ParsedRow(number, data, extra))
    if not result:
        raise WorkOrderImportError(0, "empty_file")
    return result


def read_workorder_file(path: Path | str, *, at: dt.datetime | None = None) -> list[NewWorkOrder]:
    """Parse and validate every row of a file, or refuse it with the first bad row.
    Writes nothing; :func:`import_workorders` stores the result."""
    return [parsed.order for parsed in read_workorder_rows(path, at=at)]


def import_workorders(
    path: Path | str, actor: Staff, *, at: dt.datetime | None = None
) -> ImportResult:
    """Import a CSV or XLSX file of work orders for ``actor``'s outlet: all or nothing,
    and idempotent (orders already stored are skipped and counted)."""
    path = Path(path)
    at = at or now()
    outlet = Outlet.get_by_id(actor.outlet_id)
    actor = _check_actor(outlet, actor)
    orders = read_workorder_file(path, at=at)
    result = ImportResult()
    with database.atomic():
        for d in orders:
            if _exists(outlet, d.source, d.number):
                result.skipped += 1
                result.skipped_numbers.append(d.number)
                continue
            _create(outlet, d, actor, import_file=path.name)
            result.created += 1
    return result


# --- reply and link ---------------------------------------------------------------------------


def record_workorder_reply(
    wo: WorkOrder, actor: Staff, *, content: str, at: dt.datetime | None = None
) -> WorkOrder:
    """The reply sent to the superior body: who, when and what (Art. 5(5))."""
    with database.atomic():
        fresh = WorkOrder.get_by_id(wo.id)
        outlet = Outlet.get_by_id(fresh.outlet_id)
        actor = _check_actor(outlet, actor)
        if fresh.replied_at is not None:
            raise WorkflowError("already_replied")
        at = to_second(at)
        checks = actions.Checks()
        if at > now() + FUTURE_TOLERANCE:
            checks.refuse("in_future", field="at")
        elif at < fresh.received_at:
            checks.refuse("not_after", field="at", other="received_at")
        content = checks.text(content, "content", max_len=MAX_CONTENT)
        checks.done()
        fresh.replied_at = at
        fresh.replied_by = actor
        fresh.reply_content = content
        fresh.save()
        if fresh.case_id is not None:
            case = Case.get_by_id(fresh.case_id)
            add_event(
                case,
                codes.EVENT_WORKORDER_REPLIED,
                actor=actor,
                at=at,
                note=content,
                data={"work_order": fresh.id, "number": fresh.number, "source": fresh.source},
            )
            deadlines.refresh_case_deadlines(case, at)
    actions.sync(wo, fresh)
    return fresh


def link_workorder(
    wo: WorkOrder, case: Case, actor: Staff, *, at: dt.datetime | None = None
) -> WorkOrder:
    """Link a work order to the outlet's case about the same matter. A work order from the
    regulator makes the case urgent (Q/PSBC 0004-2014), so it must be reported at once."""
    with database.atomic():
        fresh = WorkOrder.get_by_id(wo.id)
        target = Case.get_by_id(case.id)
        outlet = Outlet.get_by_id(fresh.outlet_id)
        actor = _check_actor(outlet, actor)
        if target.outlet_id != fresh.outlet_id:
            raise WorkflowError("wrong_outlet")
        if not target.is_open:
            raise WorkflowError("case_closed")
        if fresh.case_id is not None:
            raise WorkflowError("already_linked")
        at = actions.moment(at, target)
        fresh.case = target
        if fresh.reply_by_default and fresh.replied_at is None:
            # The default reply-by is never later than the case's decision deadline.
            default = deadlines.default_reply_by(fresh.received_at, case=target)
            if default.deadline is not None:
                fresh.reply_by = default.deadline
                fresh.calendar_gap = deadlines.gap_text(default.uncovered_years)
        fresh.save()
        updates: dict = {}
        triggers = [t for t in target.urgent_triggers.split(",") if t]
        if fresh.source == codes.SOURCE_REGULATOR and "regulator_forwarded" not in triggers:
            triggers = sorted([*triggers, "regulator_forwarded"])
            updates = {"urgent_triggers": ",".join(triggers), "severity": vocab.SEVERITY_URGENT}
            add_event(
                target,
                vocab.EVENT_URGENT_TRIGGERED,
                actor=actor,
                at=at,
                data={"triggers": triggers, "added": "regulator_forwarded"},
            )
        actions.record(
            target,
            codes.EVENT_WORKORDER_LINKED,
            actor=actor,
            at=at,
            data={"work_order": fresh.id, "source": fresh.source, "number": fresh.number},
            updates=updates,
        )
    actions.sync(wo, fresh)
    actions.sync(case, target)
    return fresh


# --- queries ---------------------------------------------------------------------------------


def open_workorders(outlet: Outlet) -> list[WorkOrder]:
    """Work orders not yet replied to, the most urgent first."""
    return list(
        WorkOrder.select()
        .where((WorkOrder.outlet == outlet) & WorkOrder.replied_at.is_null())
        .order_by(WorkOrder.reply_by, WorkOrder.id)
    )


def workorders_due(at: dt.datetime, outlet: Outlet | None = None) -> list[WorkOrder]:
    """Unreplied work orders due by the end of ``at``'s day, overdue ones first."""
    query = WorkOrder.select().where(
        WorkOrder.replied_at.is_null()
        & windows.DUE_BY_TONIGHT.expression(at, WorkOrder.reply_by, None)
    )
    if outlet is not None:
        query = query.where(WorkOrder.outlet == outlet)
    return list(query.order_by(WorkOrder.reply_by, WorkOrder.id))


def workorders_near_breach(at: dt.datetime, outlet: Outlet | None = None) -> list[WorkOrder]:
    """Unreplied work orders past the breach-warning share of their time, not yet overdue."""
    share = float(rules.get("breach_warning_share"))
    near = windows.NEAR_BREACH
    query = WorkOrder.select().where(
        WorkOrder.replied_at.is_null() & near.deadline_expression(at, WorkOrder.reply_by)
    )
    if outlet is not None:
        query = query.where(WorkOrder.outlet == outlet)
    return [
        wo
        for wo in query.order_by(WorkOrder.reply_by, WorkOrder.id)
        if near.holds(wo.reply_by, at, deadlines.warn_instant(wo.received_at, wo.reply_by, share))
    ]


def workorder_by_number(outlet: Outlet, source: str, number: str) -> WorkOrder | None:
    return WorkOrder.get_or_none(
        (WorkOrder.outlet == outlet) & (WorkOrder.source == source) & (WorkOrder.number == number)
    )
