"""Validation rules for user input, as pure functions with no database or Qt.

Each problem is a FieldError carrying a stable ``code`` and its parameters; the GUI turns
the code into a message in the user's language (desktop/kit/labels.py), the command line uses
the English ``message``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import overload

from db.errors import WorkflowError
from db.store.models import now

# Text length limits (characters). Generous for real use, small enough for a printed form.
MAX_NAME = 50
MAX_DESCRIPTION = 2000
MIN_DESCRIPTION = 5
MAX_REMEDY = 500
MAX_SETTLEMENT = 1000
MAX_OUTLET_NAME = 100
MAX_OUTLET_CODE = 20
MAX_EMPLOYEE_NO = 30
# A little slack for clocks that differ between PCs.
FUTURE_TOLERANCE = dt.timedelta(minutes=5)
# Every date and time a user gives lies in this range (this program's default): nothing an
# outlet records happened before 2000, and nothing it plans (an agreed reply time, a
# callback, an acting-head span) lies more than ten years ahead. Outside it, the year was
# mistyped (2150, 9999), and such a date would also outrun the working-day calendar.
EARLIEST_DATE = dt.datetime(2000, 1, 1)
MAX_YEARS_AHEAD = 10


def latest_date(at: dt.datetime) -> dt.datetime:
    """The latest date and time a user may give when it is ``at`` now."""
    day = min(at.day, 28) if at.month == 2 else at.day  # 29 February ten years on
    return at.replace(year=at.year + MAX_YEARS_AHEAD, day=day)


def date_in_range(value: dt.datetime | dt.date, at: dt.datetime) -> bool:
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    return EARLIEST_DATE <= value <= latest_date(at)


@overload
def in_range(value: dt.datetime, field: str, at: dt.datetime | None = None) -> dt.datetime: ...
@overload
def in_range(value: dt.date, field: str, at: dt.datetime | None = None) -> dt.date: ...
def in_range(
    value: dt.datetime | dt.date, field: str, at: dt.datetime | None = None
) -> dt.datetime | dt.date:
    """``value`` if :func:`date_in_range`, else WorkflowError ``date_out_of_range``; a time
    that carries a zone is refused (``zone_aware``): the database stores local times."""
    at = at or now()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        raise WorkflowError("zone_aware", field=field)
    if not date_in_range(value, at):
        raise WorkflowError(
            "date_out_of_range",
            field=field,
            earliest=EARLIEST_DATE.date().isoformat(),
            latest=latest_date(at).date().isoformat(),
        )
    return value


MOBILE_RE = re.compile(r"^1[3-9][0-9]{9}$")
LANDLINE_RE = re.compile(r"^0[0-9]{2,3}[0-9]{7,8}$")
SERVICE_RE = re.compile(r"^(95[0-9]{3}|400[0-9]{7}|800[0-9]{7})$")
ID_NO_RE = re.compile(r"^[0-9]{17}[0-9X]$")
OUTLET_CODE_RE = re.compile(r"^[A-Za-z0-9_-]+$")
EMPLOYEE_NO_RE = re.compile(r"^[A-Za-z0-9_-]+$")

MESSAGES: dict[str, str] = {
    "required": "This field is required.",
    "too_long": "At most {max} characters.",
    "too_short": "At least {min} characters.",
    "control_chars": "Contains invisible control characters.",
    "bad_phone": "Not a valid phone number: an 11-digit mobile or a landline with area code.",
    "bad_id_no": "Not a valid 18-character ID number.",
    "in_future": "Cannot be in the future.",
    "too_old": "Too far in the past; check the year.",
    "too_far_ahead": "Too far ahead (at most {years} years); check the year.",
    "unknown_code": "Not a known value.",
    "reply_before_received": "The agreed reply time must be after the time received.",
    "inactive_staff": "This staff member is not active at this outlet.",
    "bad_outcome": "Choose: settled on the spot, or an agreed reply time.",
    "bad_code_chars": "Only letters, digits, - and _.",
    "duplicate": "Already in use.",
    # passwords (db/trust/accounts.py)
    "password_all_digits": "A password cannot be digits only.",
    "password_is_employee_no": "A password cannot be the employee number.",
    "password_unchanged": "The new password must differ from the current one.",
}


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES.get(self.code, self.code).format(**self.params)


class ValidationError(ValueError):
    """Raised by a domain function when its input breaks a rule; nothing was written."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)


def clean_text(value: str | None, *, multiline: bool = False) -> str:
    """Trim surrounding white space and normalise line endings; keep the text otherwise."""
    if value is None:
        return ""
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not multiline:
        text = text.replace("\n", " ")
    return text


def has_control_chars(text: str, *, multiline: bool = False) -> bool:
    allowed = {"\n", "\t"} if multiline else set()
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text)


def normalize_phone(value: str) -> str:
    """Drop the separators people type (spaces, hyphens, brackets, a +86 prefix) and turn
    full-width digits from a Chinese input method into ASCII."""
    digits = re.sub(r"[\s\-()（）]", "", unicodedata.normalize("NFKC", value))
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
            # International form drops the trunk 0 of a landline: +86 10 6512 3456.
            if digits and not MOBILE_RE.match(digits):
                digits = "0" + digits
            break
    return digits


def is_valid_phone(value: str) -> bool:
    digits = normalize_phone(value)
    return bool(MOBILE_RE.match(digits) or LANDLINE_RE.match(digits) or SERVICE_RE.match(digits))


def is_valid_id_no(value: str) -> bool:
    """Mainland resident ID: 17 digits and a check character per GB 11643-1999."""
    value = unicodedata.normalize("NFKC", value).upper()
    if not ID_NO_RE.match(value):
        return False
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(value[:17], weights, strict=True))
    return "10X98765432"[total % 11] == value[17]


class Checker:
    """Collects FieldErrors for one form."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field_name: str, code: str, **params: object) -> None:
        if not any(e.field == field_name for e in self.errors):
            self.errors.append(FieldError(field_name, code, params))

    def text(
        self,
        field_name: str,
        value: str,
        *,
        required: bool = True,
        max_len: int,
        min_len: int = 0,
        multiline: bool = False,
    ) -> None:
        if not value:
            if required:
                self.add(field_name, "required")
            return
        if has_control_chars(value, multiline=multiline):
            self.add(field_name, "control_chars")
        elif len(value) > max_len:
            self.add(field_name, "too_long", max=max_len)
        elif len(value) < min_len:
            self.add(field_name, "too_short", min=min_len)

    def code(self, field_name: str, value: str | None, vocabulary: dict[str, str]) -> None:
        if not value:
            self.add(field_name, "required")
        elif value not in vocabulary:
            self.add(field_name, "unknown_code")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
