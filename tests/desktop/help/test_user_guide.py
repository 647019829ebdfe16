"""The user guide: F1 opens it in the user's language, a page per task, links that work; F1 in a
dialog opens that dialog's page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from db.store.database import close_database
from desktop.help import user_guide
from desktop.help.user_guide import DIALOG_PAGES, INDEX, LANGUAGES, PAGES, HelpWindow
from desktop.kit import i18n
from desktop.main_window import MainWindow
from desktop.settings.rules_dialog import RulesDialog
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"


def _dialog_sources() -> list[Path]:
    """The modules that define a dialog or a wizard, wherever their feature package is."""
    found = re.compile(r"^class \w+\((?:Q|Action|Busy)?\w*(?:Dialog|Wizard)\b", re.M)
    return [
        path
        for path in sorted(DESKTOP.rglob("*.py"))
        if found.search(path.read_text(encoding="utf-8"))
    ]


# One page for each task a user does with the program, besides the contents.
TASK_PAGES = {
    "register", "reply", "transfer", "escalate", "workorders", "callbacks", "decision",
    "liability", "staff", "targets", "reports", "backups", "calendar", "login", "district",
}  # fmt: skip


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.anchors: set[str] = set()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])
        for key in ("id", "name"):
            if values.get(key):
                self.anchors.add(values[key])
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


@pytest.fixture
def language(request, qapp):
    old = QLocale()
    i18n.install_translators(qapp, request.param)
    yield request.param
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(old)


@pytest.fixture
def shop(tmp_path):
    shop = case_factory.open_shop(tmp_path, 3)
    yield shop
    close_database()


@pytest.fixture
def window(qtbot, shop, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def help_windows() -> list[HelpWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_exists_in_both_languages_and_every_link_works(lang):
    folder = user_guide.help_dir(lang)
    assert set(PAGES) == TASK_PAGES | {INDEX}
    assert {p.stem for p in folder.glob("*.html")} == set(PAGES)
    for page in PAGES:
        links = parse(folder / f"{page}.html")
        assert links.title.strip(), page
        for href in links.hrefs:
            assert not re.match(r"\w+:", href), f"{page}: {href} leaves the guide"
            target, _hash, anchor = href.partition("#")
            target_path = folder / target if target else folder / f"{page}.html"
            assert target_path.is_file(), f"{lang}/{page}.html links to a missing {href}"
            if anchor:
                assert anchor in parse(target_path).anchors, f"{page}: {href}"
    # The contents link every page.
    index_links = {href.partition("#")[0] for href in parse(folder / "index.html").hrefs}
    assert index_links == {f"{page}.html" for page in TASK_PAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_cite_articles_in_the_languages_style(lang):
    for page in PAGES:
        text = user_guide.page_path(lang, page).read_text(encoding="utf-8")
        if lang == "zh_CN":
            assert not re.search(r"Art\.|第\s*\d+\s*条", text), page
        else:
            assert not re.search(
                r"[\u4e00-\u9fff]", re.sub(r"（[^）]*）|\(调休\)|调休", "", text)
            ), page


@pytest.mark.parametrize(
    ("language", "title", "transfer_heading"),
    [("zh_CN", "使用说明", "转办"), ("en", "User guide", "Transfer")],
    indirect=["language"],
)
def test_f1_opens_the_guide_in_the_users_language(qtbot, language, window, title, transfer_heading):
    window.activateWindow()
    qtbot.keyClick(window.table(), Qt.Key.Key_F1)
    [guide] = window.findChildren(HelpWindow)
    qtbot.waitExposed(guide)
    assert guide.current_page() == INDEX
    assert guide.contents.count() == len(PAGES)
    assert guide.contents.item(0).text() == title
    assert unnamed_widgets(guide) == []
    # Every page opens from the contents and shows its heading.
    for row, page in enumerate(PAGES):
        guide.contents.setCurrentRow(row)
        assert guide.current_page() == page
        assert guide.browser.toPlainText().strip(), page
        assert guide.browser.documentTitle() == user_guide.page_title(language, page)
    # An internal link is followed inside the guide.
    guide.show_page(INDEX)
    guide.browser.setSource(guide.browser.source().resolved("transfer.html"))
    assert guide.current_page() == "transfer"
    assert guide.contents.currentItem().text() == transfer_heading
    guide.back_button.click()
    assert guide.current_page() == INDEX
    guide.close()


def test_the_help_menu_lists_the_guide_with_f1(window):
    menu = window.findChild(QMenu, "menuHelp")
    action = menu.actions()[0]
    assert action.objectName() == "actionUserGuide"
    assert action.shortcut().toString() == "F1"
    guide = window.findChild(user_guide.HelpMenu).open_guide()
    assert guide.isVisible() and guide.current_page() == INDEX
    guide.close()


def test_f1_in_a_dialog_opens_its_page_and_the_dialog_does_not_block_it(qtbot, shop, window):
    seen: dict[str, object] = {}

    def press_f1() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RulesDialog):
            QTimer.singleShot(20, press_f1)
            return
        # The key goes where the keyboard is: the dialog, active once it is shown.
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_F1)
        guide = dialog.findChild(HelpWindow)
        seen["page"] = guide.current_page() if guide else None
        # Its own window, owned by the modal dialog, so the dialog's modality spares it.
        seen["owned"] = guide is not None and guide.isWindow() and guide.parentWidget() is dialog
        seen["shown"] = guide is not None and guide.isVisible()
        dialog.reject()

    QTimer.singleShot(0, press_f1)
    RulesDialog.ask(window, shop.head)
    assert seen == {"page": "calendar", "owned": True, "shown": True}


def test_every_dialog_has_a_page():
    names = set()
    for path in _dialog_sources():
        source = path.read_text(encoding="utf-8")
        names |= set(re.findall(r'self\.setObjectName\("(\w+)"\)', source))
        names |= set(re.findall(r'object_name="(\w+)"', source))
        if path.name == "simple_action_dialog.py":
            names |= {
                f"simple_action_dialog_{a}" for a in re.findall(r'"(\w+)": lambda: Spec', source)
            }
    names |= {"feed_back_dialog", "reply_dialog"}
    missing = sorted(n for n in names if n not in DIALOG_PAGES)
    assert missing == []
    assert set(DIALOG_PAGES.values()) <= set(PAGES)


def test_f1_in_a_dialog_before_any_main_window_opens_its_page(qtbot, qapp):
    """The login comes before the main window: F1 there opens the login's page, from the
    shortcut the dialog got when the keyboard focus first entered it."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    user_guide.controller()
    dialog = QDialog()
    dialog.setObjectName("login_dialog")
    box = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(box)
    qtbot.addWidget(dialog)
    seen: dict[str, object] = {}

    def press_f1() -> None:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
        qtbot.keyClick(box, Qt.Key.Key_F1)
        guide = dialog.findChild(HelpWindow)
        seen["page"] = guide.current_page() if guide else None
        seen["shown"] = guide is not None and guide.isVisible()
        # F1 inside the guide itself opens no second guide.
        if guide is not None:
            guide.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is guide)
            qtbot.keyClick(guide.browser, Qt.Key.Key_F1)
            seen["guides"] = len(dialog.findChildren(HelpWindow))
            guide.close()
        dialog.reject()

    QTimer.singleShot(0, press_f1)
    dialog.exec()
    assert seen == {"page": "login", "shown": True, "guides": 1}


def test_each_window_has_one_f1_shortcut_and_the_guide_none(qtbot, window):
    """F1 is a shortcut of each window, made once, and the guide's own window has none (F1
    there opens no second guide)."""
    from PySide6.QtGui import QShortcut

    name = user_guide.HelpController.SHORTCUT_NAME
    shortcuts = [s for s in window.findChildren(QShortcut) if s.objectName() == name]
    assert len(shortcuts) == 1
    assert shortcuts[0].key().toString() == "F1"
    assert shortcuts[0].context() == Qt.ShortcutContext.WindowShortcut
    guide = window.findChild(user_guide.HelpMenu).open_guide()
    qtbot.waitExposed(guide)
    guide.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is guide)
    assert not [s for s in guide.findChildren(QShortcut) if s.objectName() == name]
    user_guide.controller().watch(window)  # a second focus on the window adds none
    assert len([s for s in window.findChildren(QShortcut) if s.objectName() == name]) == 1
    guide.close()
