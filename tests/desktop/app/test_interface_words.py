"""The interface speaks to the outlet head: no development words, no codes, no stray English.

Every text cites the article in the usual style (Art. 5(1); 第五条第一项 in Chinese) or says it
is this program's default. These tests scan what the user can be shown: the translations (the
glossary and the .ts), the sources of the rule settings and of the example penalty scale, the
duties checklist and the reports' Chinese wording.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale

from db.handling import rules
from db.management import penalties, staff_records, training
from desktop.kit import articles, i18n
from desktop.kit.i18n_tool import glossary_path
from desktop.management.duties import duty_text
from desktop.reports import zh
from desktop.settings.rules_dialog import source_text

# Words of the development process, and stored codes (snake_case identifiers such as
# head_only or chinese_calendar), in any language.
INTERNAL = re.compile(
    r"需求第|需求\s*\d|\bissues?\b|\bitem\s*\d|\btickets?\b|条款\s*\d|\bnone:\s|"
    r"\b[a-z]+_[a-z0-9_]+\b",
    re.IGNORECASE,
)
# Latin words a Chinese text may keep: names of formats, keys and standards, and the sample
# outlet code a hint shows. Anything else is English left in the Chinese interface.
LATIN_ALLOWED = {
    "PDF", "ID", "QR", "SHA", "Excel", "CSV", "XLSX", "USB", "U", "ZIP", "MB", "JR", "T", "Q",
    "PSBC", "BJ", "Ctrl", "Enter", "Esc", "F1", "complaint", "desk", "restore", "verify",
    "trust", "district", "check", "init", "postgresql", "SQL", "F", "encrypt", "user",
}  # fmt: skip
# The working-day calendar file's own words (its columns and kinds, the date pattern and the
# encoding): the user types them into the file, so the Chinese shows them as they are.
LATIN_ALLOWED |= {"UTF", "YYYY", "MM", "DD", "date", "kind", "holiday", "workday", "name"}
# The district's inbox folder moves bundles into subfolders of these names, on disk as they are.
LATIN_ALLOWED |= {"imported", "refused"}
# Placeholders, markup, file patterns and accelerators are not words the user reads.
# Not words to translate: accelerators, placeholders, markup, file patterns, entities and
# command-line options (typed as they are, in every language).
NOT_WORDS = re.compile(
    r"\(&\w\)|\{[^{}]*\}|<[^<>]+>|\(\*[^)]*\)|\*\.\w+|\.(?:csv|xlsx|pdf)\b|&\w+;"
    r"|(?<![\w-])--[a-z][a-z-]*"
)
ARABIC_ARTICLE = re.compile(r"第\s*\d+\s*[条项]|Art\.")
CHINESE_CITATION = re.compile(r"^第[一二三四五六七八九十百零]+条(?:第[一二三四五六七八九十]+项)?$")


def _visible(text: str) -> str:
    return NOT_WORDS.sub(" ", text)


def _glossary() -> dict[str, str]:
    return json.loads(glossary_path().read_text(encoding="utf-8"))


def _ts_messages() -> list[tuple[str, str, str]]:
    root = ET.parse(i18n.ts_path("zh_CN")).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") or [translation]
            for form in forms:
                found.append((name, message.findtext("source", ""), form.text or ""))
    return found


@pytest.fixture
def zh_cn(qapp):
    old_locale = QLocale()
    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(old_locale)


def test_no_internal_words_in_the_translations():
    bad = [
        (context, source, text)
        for context, source, text in _ts_messages()
        if INTERNAL.search(_visible(source)) or INTERNAL.search(_visible(text))
    ]
    bad += [
        ("glossary", key, value)
        for key, value in _glossary().items()
        if INTERNAL.search(_visible(key.split("|", 1)[-1])) or INTERNAL.search(_visible(value))
    ]
    assert bad == []


def test_chinese_translations_keep_no_english_and_cite_in_chinese():
    english, arabic = [], []
    for context, source, text in _ts_messages():
        words = set(re.findall(r"[A-Za-z]+", _visible(text))) - LATIN_ALLOWED
        if words:
            english.append((context, source, sorted(words)))
        if ARABIC_ARTICLE.search(text):
            arabic.append((context, source, text))
    assert english == []
    assert arabic == [], "Chinese cites 第十条 / 第五条第一项, not Art. 10 or 第 10 条"


def test_rule_sources_cite_a_document_or_this_program():
    sources = [rule.source for rule in rules.RULES.values()]
    sources += [penalties.EXAMPLE_SOURCE, training.BEHIND_MONTHS_SOURCE]
    for source in sources:
        assert not INTERNAL.search(source), source
        assert re.search(r"Art\. \d", source) or source.startswith(
            ("This program's", rules.PROVINCIAL)
        ), source


def test_rule_sources_read_in_chinese_legal_style(zh_cn):
    texts = {rule.key: source_text(rule.source) for rule in rules.RULES.values()}
    assert texts["breach_warning_share"] == "本程序默认值"
    assert (
        texts["decision_days"]
        == "《银行业保险业消费投诉处理管理办法》（银保监会令2020年第3号）第十八条"
    )
    assert texts["roll_past_holidays"] == "《中华人民共和国民法典》第二百零一条、第二百零三条"
    for key, text in texts.items():
        assert not re.search(r"[A-Za-z]", text), (key, text)
        assert not ARABIC_ARTICLE.search(text), (key, text)


def test_rule_sources_in_english():
    assert source_text(rules.RULES["breach_warning_share"].source) == "This program's default"
    assert source_text(rules.RULES["roll_past_holidays"].source) == (
        "Civil Code of the PRC, Art. 201, 203"
    )


def test_example_penalty_scale_says_what_it_is():
    assert penalties.EXAMPLE_SCALE.source == (
        "This program's example: the rules' penalty chapter is not available"
    )


def test_duties_cite_the_article_in_chinese(zh_cn):
    duties = [d for group in staff_records.DUTIES.values() for d in group]
    duties.append(staff_records.ACTING_HEAD_DUTY)
    texts = [duty_text(d) for d in duties]
    assert texts[0].startswith("第五条第一项：按区县分公司要求")
    for text in texts:
        article, _sep, body = text.partition("：")
        assert CHINESE_CITATION.match(article), text
        assert body and not re.search(r"[A-Za-z]", body), text


def test_duties_cite_the_article_in_english(qapp):
    assert duty_text(staff_records.HEAD_DUTIES[0]).startswith("Art. 5(1): Manage the outlet's")


@pytest.mark.parametrize(
    ("english", "chinese"),
    [("Art. 5(1)", "第五条第一项"), ("Art. 8", "第八条"), ("Art. 10", "第十条"),
     ("Art. 18", "第十八条"), ("Art. 201", "第二百零一条"), ("Art. 110", "第一百一十条")],
)  # fmt: skip
def test_citation_in_chinese_numerals(zh_cn, english, chinese):
    assert articles.citation(english) == chinese


def test_report_wording_has_no_internal_words():
    texts = [
        value
        for name in dir(zh)
        if name.isupper() and not name.endswith("_FILE")
        for value in (
            getattr(zh, name).values()
            if isinstance(getattr(zh, name), dict)
            else [getattr(zh, name)]
        )
        if isinstance(value, str)
    ]
    assert len(texts) > 50
    for text in texts:
        assert not INTERNAL.search(_visible(text)), text
        assert not ARABIC_ARTICLE.search(text), text
