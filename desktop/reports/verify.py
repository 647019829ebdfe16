"""Does a saved or printed report still match the database?

Each incident report carries a token ``CD-VERIFY:<case number>:<sha256>`` in its PDF
metadata (keywords), in its QR code and, as the bare code, in every page footer. Verifying
reads the token, rebuilds the report data from the database and compares the codes. The
report may have been made with the customer data masked or revealed; both are tried.

A genuine code proves nothing about the file that carries it: anyone can copy a token
into a PDF of their own. So a PDF whose code matches is also compared by what it says:
its text, page by page, must be the text of the report the database prints for that case
as at the generation time in its footer. A code typed in or scanned from a printout can
only be checked as a code.

Qt-free, for ``complaint-desk verify FILE.pdf`` and for the Verify dialog alike. Needs the
database to be open (``db.store.database.open_database``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from db.reporting import report_data as rd
from desktop.reports import incident, zh
from desktop.reports.pdf_common import VERIFY_PREFIX, verify_token

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["VERIFY_PREFIX", "verify_token"]
TOKEN_RE = re.compile(r"CD-VERIFY:(?P<case_no>[^:\s]+):(?P<code>[0-9A-Fa-f]{64})")
FORMAT_RE = re.compile(r"CD-FORMAT:(?P<format>[^\s,]+)")

# Assessment and escalation reports carry ``CD-REPORT:<kind>:...``: a code that tells
# printouts apart, but not one to check against the database (an assessment of a running
# period changes with the clock). Verification covers incident reports only.
OTHER_REPORT_RE = re.compile(r"CD-REPORT:(?P<kind>[a-z]+):")

MATCH = "match"
CHANGED = "changed"
UNKNOWN_CASE = "unknown_case"
NO_CODE = "no_code"
OTHER_FORMAT = "other_format"
CONTENT_DIFFERS = "content_differs"

MESSAGES = {
    MATCH: "The report matches the database.",
    CHANGED: "The report no longer matches the database: the case was changed after the "
    "report was made, or the report was altered.",
    UNKNOWN_CASE: "The database has no case with this number.",
    NO_CODE: "No verification code found: this is not a Complaint Desk report.",
    OTHER_FORMAT: "The report was made by another version of Complaint Desk and cannot be "
    "checked by this one.",
    CONTENT_DIFFERS: "The verification code is genuine, but the report does not say what the "
    "database prints for it: the file was altered or made up.",
}


@dataclass(frozen=True)
class Token:
    case_no: str
    code: str
    format: str | None


@dataclass(frozen=True)
class VerifyResult:
    status: str
    case_no: str = ""
    printed_code: str = ""
    current_code: str = ""
    revealed: bool = False

    @property
    def ok(self) -> bool:
        return self.status == MATCH

    @property
    def message(self) -> str:
        """English text for the command line; the GUI translates by ``status``."""
        return MESSAGES[self.status]


def parse_token(text: str) -> Token | None:
    """The first verification token in ``text`` (metadata, a QR scan, typed text)."""
    match = TOKEN_RE.search(text)
    if match is None:
        return None
    fmt = FORMAT_RE.search(text)
    return Token(
        match["case_no"], match["code"].lower(), fmt["format"] if fmt is not None else None
    )


def read_token(path: Path) -> Token | None:
    """The token of a PDF file: from its metadata, else its first page, else its raw bytes."""
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return None
    if not raw.startswith(b"%PDF-"):
        return None
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency; the bytes still work
        return parse_token(raw.decode("latin-1"))
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        keywords = _keywords(reader)
        token = parse_token(keywords)
        if token is None and OTHER_REPORT_RE.search(keywords):
            return None  # an assessment or escalation report: nothing to check
        if token is None and reader.pages:
            # Saved again by a program that dropped the metadata: read the footer instead.
            token = parse_token(_footer_token_text(reader.pages[0].extract_text() or ""))
    except (PyPdfError, ValueError, KeyError):
        token = None
    return token or parse_token(raw.decode("latin-1"))


def _keywords(reader: PdfReader) -> str:
    """The document's Keywords entry, where the report kind and its token are kept."""
    metadata = reader.metadata
    return str((metadata.get("/Keywords") if metadata else None) or "")


def _footer_token_text(page_text: str) -> str:
    """Page text lacks the token but has the case number and the code; rebuild the token."""
    code = re.search(r"\b[0-9a-f]{64}\b", page_text)
    case_no = re.search(r"\b[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*-\d{4}-\d{6}\b", page_text)
    if code is None or case_no is None:
        return ""
    return verify_token(case_no.group(), code.group())


def verify_code(case_no: str, code: str, fmt: str | None = None) -> VerifyResult:
    """Compare a printed code with the database, as masked and as revealed report."""
    code = code.lower()
    if fmt is not None and fmt != rd.REPORT_FORMAT:
        return VerifyResult(OTHER_FORMAT, case_no, code)
    try:
        masked = rd.incident_report_data_by_number(case_no, reveal=False)
    except rd.CaseNotFound:
        return VerifyResult(UNKNOWN_CASE, case_no, code)
    current = rd.verification_code(masked)
    if current == code:
        return VerifyResult(MATCH, case_no, code, current)
    revealed = rd.verification_code(rd.incident_report_data_by_number(case_no, reveal=True))
    if revealed == code:
        return VerifyResult(MATCH, case_no, code, revealed, revealed=True)
    return VerifyResult(CHANGED, case_no, code, current)


def verify_text(text: str) -> VerifyResult:
    """Verify a token typed in or scanned from a printed report's QR code."""
    token = parse_token(text)
    if token is None:
        return VerifyResult(NO_CODE)
    return verify_code(token.case_no, token.code, token.format)


def other_report_kind(path: Path | str) -> str | None:
    """ "assessment" or "escalation" for those reports (which cannot be verified), else None."""
    try:
        from pypdf import PdfReader

        keywords = _keywords(PdfReader(str(path), strict=False))
    except Exception:  # noqa: BLE001 - any unreadable file is simply not one of them
        return None
    match = OTHER_REPORT_RE.search(keywords)
    return match["kind"] if match else None


def _page_texts(raw: bytes) -> list[str] | None:
    """Each page's text without white space (which extraction may place differently), or
    None when the file has no readable pages."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None


def _generation_times(first_page: str) -> list[dt.datetime]:
    """The times the footer's generation time (to the minute) may stand for."""
    label = re.sub(r"\s+", "", zh.TEXT["footer_generated"].split("{time}")[0])
    match = re.search(re.escape(label) + r"(\d{4}-\d{2}-\d{2})(\d{2}:\d{2})", first_page)
    if match is None:
        return []
    try:
        minute = dt.datetime.strptime(f"{match[1]} {match[2]}", zh.TIME_FORMAT)
    except ValueError:
        return []
    return [minute, minute.replace(second=59)]


def content_matches(raw: bytes, result: VerifyResult) -> bool:
    """Whether the PDF ``raw``, whose code matched as ``result``, says page by page what the
    database prints for that report as at its generation time."""
    printed = _page_texts(raw)
    if not printed:
        return False
    for at in _generation_times(printed[0]):
        data = rd.incident_report_data_by_number(result.case_no, reveal=result.revealed, at=at)
        if _page_texts(incident.incident_report_bytes(data)) == printed:
            return True
    return False


def verify_pdf(path: Path | str) -> VerifyResult:
    """Read the report's token, check it against the open database and, when it matches,
    compare what the report says with what the database prints."""
    token = read_token(Path(path))
    if token is None:
        return VerifyResult(NO_CODE)
    result = verify_code(token.case_no, token.code, token.format)
    if result.ok and not content_matches(Path(path).read_bytes(), result):
        return replace(result, status=CONTENT_DIFFERS)
    return result
