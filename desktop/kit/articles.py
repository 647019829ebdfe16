"""Article citations in the user's language: "Art. 5(1)" in English, 第五条第一项 in Chinese.

db/ cites articles the English way ("Art. 5(1)", "Art. 8", "Art. 201 and 203"). Chinese legal
texts number articles and items in Chinese numerals (第五条第一项, 第二百零一条), so a
citation shown in the Chinese interface is rewritten here rather than left as a code.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

_DIGITS = "零一二三四五六七八九"
_CITATION = re.compile(r"^\s*Art\.\s*(?P<article>\d+)(?:\s*\((?P<item>\d+)\))?\s*$")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 18 → 十八, 33 → 三十三, 201 → 二百零一, 110 → 一百一十 (1..9999)."""
    if not 0 < n < 10000:
        raise ValueError(f"no Chinese numeral written for {n}")
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    parts: list[str] = []
    zero_pending = False
    rest = n
    for value, name in units:
        digit, rest = divmod(rest, value)
        if digit:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            parts.append(_DIGITS[digit] + name)
        elif parts and rest:
            zero_pending = True
    text = "".join(parts)
    # 十一 rather than 一十一 when the number starts with the tens.
    return text[1:] if 10 <= n < 20 else text


def is_chinese() -> bool:
    """Whether the interface is in Chinese (desktop.kit.i18n sets the default locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def chinese_citation(article: int, item: int | None = None) -> str:
    text = f"第{chinese_number(article)}条"
    return f"{text}第{chinese_number(item)}项" if item is not None else text


def citation(text: str) -> str:
    """One citation in the user's language: "Art. 5(1)" → 第五条第一项 in Chinese.

    Text that is not a single citation is returned as it is."""
    match = _CITATION.match(text)
    if match is None or not is_chinese():
        return text
    item = match["item"]
    return chinese_citation(int(match["article"]), int(item) if item else None)


def articles(numbers: list[int]) -> str:
    """Several articles of one document: "Art. 201, 203" / 第二百零一条、第二百零三条."""
    if is_chinese():
        return "、".join(chinese_citation(n) for n in numbers)
    return "Art. " + ", ".join(str(n) for n in numbers)
