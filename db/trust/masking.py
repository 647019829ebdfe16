"""Masking customers' phone and ID numbers and names, in their fields and inside free text.

Everything that leaves the desk masked (the list, the printed reports, the ledger, bundles
for the district, the audit history shown to staff) goes through here, so one set of rules
decides what counts as a phone or an ID number. People type them in many ways, and free
text is masked whichever way they were typed:

- mobiles with spaces or hyphens between the digits (138 1234 5678, 138-1234-5678), with the
  country code (+86, 86, 0086, in brackets or not), in full-width digits (１３８…);
- landlines with their area code (010-12345678, (0755) 1234 567, 0571 8888 6666);
- ID numbers (18 characters, the last may be X) with spaces or hyphens between groups.

A masked number keeps its first three and last four digits (a landline keeps its area code
and last four), so staff can still tell numbers apart; the separators are dropped.
No Qt and no database: plain functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULL_WIDTH = str.maketrans("０１２３４５６７８９＋Ｘｘ－（）", "0123456789+Xx-()")

_D = "[0-9０-９]"  # a digit, half- or full-width
_SEP = "[ \u3000\t.\\-－‐‑–—]?"  # at most one separator between two digits
_NOT_DIGIT_BEFORE = "(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])"
_NOT_DIGIT_AFTER = "(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])"


def _digits(count: int) -> str:
    """``count`` digits, each but the first optionally preceded by one separator."""
    return _D + (f"(?:{_SEP}{_D})" + "{" + str(count - 1) + "}" if count > 1 else "")


_COUNTRY = f"(?:[(（]?(?:[+＋]|00|００)?(?:86|８６)[)）]?{_SEP})"
MOBILE_IN_TEXT = re.compile(
    f"{_NOT_DIGIT_BEFORE}{_COUNTRY}?(?:1|１){_SEP}[3-9３-９]{_SEP}{_digits(9)}{_NOT_DIGIT_AFTER}"
)
ID_IN_TEXT = re.compile(f"{_NOT_DIGIT_BEFORE}{_digits(17)}{_SEP}[0-9０-９XxＸｘ]{_NOT_DIGIT_AFTER}")
# Area codes are 0 and 2 or 3 digits (bracketed or not); local numbers 7 or 8 digits.
LANDLINE_IN_TEXT = re.compile(
    f"{_NOT_DIGIT_BEFORE}(?P<area>[(（]?(?:0|０){_D}{{2,3}}[)）]?)"
    f"[ \u3000\\-－]?(?P<local>{_D}(?:{_SEP}{_D}){{6,7}}){_NOT_DIGIT_AFTER}"
)


def _plain(text: str) -> str:
    """Half-width, without separators or brackets."""
    return re.sub(r"[^0-9+Xx]", "", text.translate(_FULL_WIDTH))


def mask_phone(phone: str) -> str:
    """Keep the first three and last four digits: 138****5678."""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id_no(id_no: str) -> str:
    """Keep the first three and last four characters: 110***********123X."""
    if len(id_no) <= 7:
        return "*" * len(id_no)
    return id_no[:3] + "*" * (len(id_no) - 7) + id_no[-4:]


def mask_name(name: str) -> str:
    """Keep the surname: 张** (used in printed reports)."""
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def _mobile(match: re.Match[str]) -> str:
    digits = _plain(match.group())
    # The country code, however it was written, is not part of the number shown.
    number = digits[-11:]
    return mask_phone(number)


def _landline(match: re.Match[str]) -> str:
    area, local = _plain(match.group("area")), _plain(match.group("local"))
    return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"


def mask_free_text(value: str) -> str:
    """Every phone and ID number in ``value`` masked, whichever way it was written."""
    if not value:
        return value
    value = ID_IN_TEXT.sub(lambda m: mask_id_no(_plain(m.group()).upper()), value)
    value = MOBILE_IN_TEXT.sub(_mobile, value)
    return LANDLINE_IN_TEXT.sub(_landline, value)


@dataclass(frozen=True)
class CustomerInfo:
    name: str
    phone: str
    id_no: str
    masked: bool


class Masker:
    """Masks one customer's name, phone and ID number, also inside free text."""

    def __init__(self, name: str, phone: str, id_no: str, *, reveal: bool = False) -> None:
        self.reveal = reveal
        self._pairs = [
            (value, masked)
            for value, masked in (
                (id_no, mask_id_no(id_no)),
                (phone, mask_phone(phone)),
                # A one-character name would also match unrelated words.
                (name if len(name) >= 2 else "", mask_name(name)),
            )
            if value
        ]

    def customer(self, name: str, phone: str, id_no: str) -> CustomerInfo:
        if self.reveal:
            return CustomerInfo(name, phone, id_no, masked=False)
        return CustomerInfo(mask_name(name), mask_phone(phone), mask_id_no(id_no), masked=True)

    def text(self, value: str) -> str:
        if self.reveal or not value:
            return value
        for original, masked in self._pairs:
            value = value.replace(original, masked)
        return mask_free_text(value)
