"""Translations and the bundled CJK font: what a Chinese-speaking user actually sees."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QFileDialog, QLabel

from desktop.kit import i18n, i18n_tool
from desktop.kit.fonts import FAMILY, MIN_POINT_SIZE, font_path

TS = i18n.ts_path("zh_CN")
CJK_SAMPLE = "投诉0123ABC，"


@pytest.fixture
def zh_cn(qapp):
    """Chinese for the duration of one test; English and the old locale afterwards."""
    old_locale = QLocale()
    yield i18n.install_translators(qapp, "zh_CN")
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(old_locale)


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_message_is_translated():
    assert i18n_tool.unfinished_messages(TS) == []
    assert i18n_tool.placeholder_mismatches(TS) == []


def test_translation_source_lists_every_string_in_the_code(tmp_path):
    """Fails when a tr() string was added or changed without ``i18n_tool update``."""
    fresh = tmp_path / TS.name
    sources = [p.relative_to(i18n_tool.REPO_ROOT) for p in i18n_tool.source_files()]
    i18n_tool.run_lupdate(sources, fresh, cwd=i18n_tool.REPO_ROOT)
    assert _messages(fresh) == _messages(TS), "run: python -m desktop.kit.i18n_tool update"


def test_compiled_translation_is_up_to_date(tmp_path):
    """The app loads the .qm, not the .ts; fails when ``i18n_tool release`` was forgotten."""
    fresh = i18n_tool.run_lrelease(TS, tmp_path / "fresh.qm")
    committed = i18n.qm_path("zh_CN")
    assert committed.read_bytes() == fresh.read_bytes(), (
        "run: python -m desktop.kit.i18n_tool release"
    )


def test_fill_from_dict_translates_strings_lupdate_extracts(qapp, tmp_path):
    """The whole pipeline on the three ways our code marks strings: tr, translate, NOOP."""
    (tmp_path / "sample.py").write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication\n"
        "from PySide6.QtWidgets import QWidget\n"
        'STATUS = QT_TRANSLATE_NOOP("SampleVocab", "Closed")\n'
        "class SampleWindow(QWidget):\n"
        "    def title(self):\n"
        '        return self.tr("Complaint Desk")\n'
        "def report_title():\n"
        '    return QCoreApplication.translate("SampleReport", "At most {max} characters.")\n',
        encoding="utf-8",
    )
    ts = tmp_path / "sample_zh_CN.ts"
    i18n_tool.run_lupdate([Path("sample.py")], ts, cwd=tmp_path)
    assert _messages(ts) == {
        ("SampleVocab", "Closed"),
        ("SampleWindow", "Complaint Desk"),
        ("SampleReport", "At most {max} characters."),
    }

    mapping = {
        "Closed": "已办结",
        "SampleVocab|Closed": "已关闭",
        "Complaint Desk": "网点投诉处理台",
        "At most {max} characters.": "最多 {max} 个字符。",
    }
    assert i18n_tool.fill_from_dict(ts, mapping) == 3
    assert i18n_tool.fill_from_dict(ts, mapping) == 0
    assert i18n_tool.unfinished_messages(ts) == []

    before = ts.read_text(encoding="utf-8")
    i18n_tool.run_lupdate([Path("sample.py")], ts, cwd=tmp_path)
    assert ts.read_text(encoding="utf-8") == before, "fill_from_dict must write lupdate's layout"

    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(i18n_tool.run_lrelease(ts)))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("SampleVocab", "Closed") == "已关闭"
        assert QCoreApplication.translate("SampleWindow", "Complaint Desk") == "网点投诉处理台"
        assert QCoreApplication.translate("SampleReport", "At most {max} characters.") == (
            "最多 {max} 个字符。"
        )
    finally:
        qapp.removeTranslator(translator)


def test_placeholder_check_catches_a_lost_field(tmp_path):
    ts = tmp_path / "x_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN"><context><name>V</name>'
        "<message><source>At most {max} characters.</source>"
        "<translation>字符太多。</translation></message></context></TS>\n",
        encoding="utf-8",
    )
    assert i18n_tool.placeholder_mismatches(ts) == [
        ("V", "At most {max} characters.", "字符太多。")
    ]


def test_check_command_fails_on_unfinished(tmp_path, monkeypatch, capsys):
    ts = tmp_path / "complaint_desk_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN"><context><name>V</name>'
        '<message><source>Teller</source><translation type="unfinished"></translation>'
        "</message></context></TS>\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n_tool, "ts_path", lambda lang: ts)
    assert i18n_tool.main(["check"]) == 1
    assert "unfinished: [V] 'Teller'" in capsys.readouterr().out


def test_chinese_installs_qt_own_translations(zh_cn):
    assert len(zh_cn) == 2, "expected qtbase_zh_CN.qm and our own .qm"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    assert [b.text() for b in buttons.buttons()] == ["确定"]
    assert QLocale().name() == "zh_CN"


def test_chinese_installs_our_translations(zh_cn):
    root = ET.parse(TS).getroot()
    finished = [
        (context.findtext("name"), message.findtext("source"), message.findtext("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") is None and message.get("numerus") != "yes"
    ]
    if not finished:
        pytest.skip("no finished translations yet")
    for context, source, translation in finished:
        assert QCoreApplication.translate(context, source) == translation


def test_english_removes_translators(qapp, zh_cn):
    assert i18n.install_translators(qapp, "en") == []
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale().language() == QLocale.Language.English


def test_unsupported_language_is_refused(qapp):
    with pytest.raises(ValueError, match="fr_FR"):
        i18n.install_translators(qapp, "fr_FR")


def test_bundled_font_is_registered_and_applied(qapp, cjk_font):
    assert cjk_font == FAMILY
    assert FAMILY in QFontDatabase.families()
    assert qapp.font().family() == FAMILY
    assert qapp.font().pointSizeF() >= MIN_POINT_SIZE


def test_bundled_font_has_glyphs_for_chinese_digits_and_latin(cjk_font):
    """Chinese, digits and Latin from one font (Droid Sans Fallback lacks ASCII, for one).

    Code points are passed as ints on purpose: PySide6 6.11's one-character str -> QChar
    overloads (``QRawFont.supportsCharacter("诉")``, ``QFontMetrics.inFont``) report many
    non-ASCII characters as missing when the font has them.
    """
    font = QFont(cjk_font)
    raw = QRawFont.fromFont(font)
    metrics = QFontMetrics(font)
    assert raw.familyName() == FAMILY
    assert [ch for ch in CJK_SAMPLE if not raw.supportsCharacter(ord(ch))] == []
    assert [ch for ch in CJK_SAMPLE if not metrics.inFontUcs4(ord(ch))] == []


def test_font_path_works_without_qt():
    """The PDF code calls font_path(); it must not drag Qt into a report-only process."""
    code = (
        "import sys\n"
        "from desktop.kit.fonts import font_path\n"
        "assert font_path().is_file(), font_path()\n"
        "assert 'PySide6' not in sys.modules, 'desktop.kit.fonts imported Qt'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert font_path().name == "wqy-microhei.ttc"


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_qt_file_dialog_reads_in_chinese(qtbot, zh_cn, tmp_path, mode):
    """qtbase_zh_CN.qm leaves "Look in:" and "Files of type:" in English; we fill them."""
    dialog = QFileDialog(None, "报告", str(tmp_path), "PDF 文档 (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    buttons = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    wanted = "打开" if mode == QFileDialog.AcceptMode.AcceptOpen else "保存"
    assert any(wanted in b for b in buttons) and any("取消" in b for b in buttons)
    english = [t for t in texts if re.search(r"[A-Za-z]{2,}", t.replace("PDF", ""))]
    assert english == []


def _literal_tr_calls(path: Path) -> set[tuple[str, str]]:
    """Every (context, literal) this module hands to ``self.tr`` (the enclosing class is the
    context, as lupdate and Qt take it) or to ``translate(context, …)``, wherever the call
    sits: an f-string included, which lupdate does not look into."""
    import ast

    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, context: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            context = node.name
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            args = node.args
            if node.func.attr == "tr" and context and args:
                pair = (context, args[0])
            elif node.func.attr == "translate" and len(args) >= 2:
                pair = (args[0].value if isinstance(args[0], ast.Constant) else None, args[1])
            else:
                pair = (None, None)
            where, text = pair
            if isinstance(where, str) and isinstance(text, ast.Constant):
                if isinstance(text.value, str):
                    found.add((where, text.value))
        for child in ast.iter_child_nodes(node):
            visit(child, context)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_every_literal_handed_to_tr_reaches_the_translation_source():
    """A tr() inside an f-string runs, but lupdate never sees it: the Chinese window then
    shows its English. Every literal the code translates must be in the .ts, in its
    context."""
    messages = _messages(TS)
    missing = {
        (str(path.relative_to(i18n_tool.REPO_ROOT)), context, text)
        for path in i18n_tool.source_files()
        for context, text in _literal_tr_calls(path)
        if (context, text) not in messages
    }
    assert missing == set()
