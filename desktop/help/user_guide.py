"""The user guide inside the program: a page per task, in Chinese and English, opened with F1.

The pages are HTML files in ``resources/help/<language>/`` (one file per task, the same
names in every language); each page's ``<title>`` is its entry in the contents list. F1
anywhere opens the page of the window it was pressed in: ``DIALOG_PAGES`` maps each
dialog's objectName to its page, and anything else opens the contents. A modal dialog blocks
the main window's shortcuts, so every window gets its own F1 shortcut the first time the
keyboard focus enters it (``QApplication.focusChanged``, which Qt emits only when the focus
moves, rather than an application-wide event filter that would run Python for every event
of every object); the help window is then made a child of the dialog, so the dialog's
modality does not block it either.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.kit.articles import is_chinese
from resources import FOLDER

INDEX = "index"
# The contents list, in order.
PAGES: tuple[str, ...] = (
    INDEX,
    "register",
    "reply",
    "transfer",
    "escalate",
    "workorders",
    "callbacks",
    "decision",
    "liability",
    "staff",
    "targets",
    "reports",
    "backups",
    "calendar",
    "login",
    "district",
)
LANGUAGES = ("zh_CN", "en")

# objectName of a window (or of a widget inside one) → its page.
DIALOG_PAGES: dict[str, str] = {
    "new_case_dialog": "register",
    # the district console and the outlet's exchange with it
    "districtWindow": "district",
    "departmentDialog": "district",
    "escalationTextDialog": "district",
    "districtWorkOrderDialog": "district",
    "assignOutletDialog": "district",
    "districtTargetsDialog": "district",
    "sendBundleDialog": "district",
    "sendBundleUpDialog": "district",
    "enrolmentDialog": "district",
    "repeat_dialog": "register",
    "simple_action_dialog_settle": "register",
    "simple_action_dialog_agree_reply_time": "reply",
    "simple_action_dialog_first_contact": "reply",
    "simple_action_dialog_proposal": "reply",
    "reply_dialog": "reply",
    "transfer_dialog": "transfer",
    "contact_dialog": "transfer",
    "simple_action_dialog_cancel_transfer": "transfer",
    "simple_action_dialog_other_outlet": "transfer",
    "report_dialog": "escalate",
    "escalation_wizard": "escalate",
    "feed_back_dialog": "escalate",
    "simple_action_dialog_tracking_note": "escalate",
    "simple_action_dialog_mark_major": "escalate",
    "workorder_dialog": "workorders",
    "workorder_reply_dialog": "workorders",
    "link_case_dialog": "workorders",
    "workOrdersDock": "workorders",
    "callback_dialog": "callbacks",
    "decision_dialog": "decision",
    "pause_dialog": "decision",
    "simple_action_dialog_request_review": "decision",
    "simple_action_dialog_decide_review": "decision",
    "liability_dialog": "liability",
    "liability_review_dialog": "liability",
    "penalty_dialog": "liability",
    "penalty_scale_dialog": "liability",
    "simple_action_dialog_close": "liability",
    "simple_action_dialog_reopen": "liability",
    "staff_dialog": "staff",
    "staff_edit_dialog": "staff",
    "training_dialog": "staff",
    "training_session_dialog": "staff",
    "acting_head_dialog": "staff",
    "disputesDialog": "staff",
    "targetsDialog": "targets",
    "dashboardWindow": "targets",
    "reportPreviewDialog": "reports",
    "verifyDialog": "reports",
    "assessmentPeriodDialog": "reports",
    "backup_dialog": "backups",
    "calendar_dialog": "calendar",
    "rules_dialog": "calendar",
    "login_dialog": "login",
    "change_password_dialog": "login",
    "set_password_dialog": "login",
    "first_run_dialog": "login",
    "recovery_key_dialog": "login",
    "recover_dialog": "login",
}

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_STYLE = """
h1 { font-size: x-large; margin-bottom: 8px; }
h2 { font-size: large; margin-top: 14px; }
p, li { line-height: 140%; }
.note { color: #555555; }
"""


def help_dir(language: str) -> Path:
    return FOLDER / "help" / language


def page_path(language: str, page: str) -> Path:
    return help_dir(language) / f"{page}.html"


def page_title(language: str, page: str) -> str:
    match = _TITLE.search(page_path(language, page).read_text(encoding="utf-8"))
    return match.group(1).strip() if match else page


def current_language() -> str:
    """The guide's language: the interface's (desktop.kit.i18n sets the default locale)."""
    return "zh_CN" if is_chinese() else "en"


def page_for(widget: QWidget | None) -> str:
    """The page about ``widget``'s window: the first objectName up its parents with a page."""
    while widget is not None:
        page = DIALOG_PAGES.get(widget.objectName())
        if page is not None:
            return page
        widget = widget.parentWidget()
    return INDEX


class HelpWindow(QWidget):
    """The guide: the contents on the left, the page on the right, links between pages.

    Signals:
        page_shown(str): a page (its name, e.g. "transfer") is now on show.
    """

    page_shown = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.language = language
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Complaint Desk help"))
        self.setAccessibleName(self.tr("Help"))

        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(self.tr("Help contents"))
        for page in PAGES:
            item = QListWidgetItem(page_title(language, page))
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._on_contents_item)

        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName(self.tr("Help page"))
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDefaultStyleSheet(_STYLE)
        self.browser.setSearchPaths([str(help_dir(language))])
        self.browser.sourceChanged.connect(self._on_source_changed)

        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setObjectName("helpBackButton")
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.index_button = QPushButton(self.tr("&Contents"))
        self.index_button.setObjectName("helpIndexButton")
        self.index_button.setAccessibleName(self.tr("Contents"))
        self.index_button.clicked.connect(lambda: self.show_page(INDEX))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("helpCloseButton")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.close)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("helpSplitter")
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 580])
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.index_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(860, 620)

    def show_page(self, page: str) -> None:
        if page not in PAGES:
            page = INDEX
        self.browser.setSource(QUrl.fromLocalFile(str(page_path(self.language, page))))

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem

    def _on_contents_item(self, item: QListWidgetItem | None, _old) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self.current_page():
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def _on_source_changed(self, url: QUrl) -> None:
        # The signal comes before source() returns the new page: read the page from url.
        page = Path(url.toLocalFile()).stem
        if page in PAGES:
            blocked = self.contents.blockSignals(True)
            self.contents.setCurrentRow(PAGES.index(page))
            self.contents.blockSignals(blocked)
        self.page_shown.emit(page)


class HelpController(QObject):
    """Opens the guide on F1, in whatever window it is pressed, and from the Help menu.

    One per application (``controller()``). Signals: none.
    """

    SHORTCUT_NAME = "helpShortcut"

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("helpController")
        app.focusChanged.connect(self._on_focus_changed)
        focused = app.focusWidget()
        if focused is not None:
            self.watch(focused.window())

    def watch(self, window: QWidget) -> None:
        """Give ``window`` its F1 shortcut, once; the guide's own window gets none."""
        if isinstance(window, HelpWindow) or window.findChild(
            QShortcut, self.SHORTCUT_NAME, Qt.FindChildOption.FindDirectChildrenOnly
        ):
            return
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), window)
        shortcut.setObjectName(self.SHORTCUT_NAME)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self._on_f1)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self.watch(new.window())

    def _on_f1(self) -> None:
        shortcut = self.sender()
        window = shortcut.parent() if isinstance(shortcut, QShortcut) else None
        if not isinstance(window, QWidget):
            return
        focused = QApplication.focusWidget()
        # The page of what has the focus in that window (a dock or a panel may have its own).
        context = focused if focused is not None and focused.window() is window else window
        self.show_help(page_for(context), context)

    def show_help(self, page: str, context: QWidget | None = None) -> HelpWindow:
        """Show ``page`` in a help window belonging to ``context``'s window (the active
        modal dialog if there is one, so that the dialog does not block the guide)."""
        owner = QApplication.activeModalWidget() or (context.window() if context else None)
        window = None
        if owner is not None:
            window = owner.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
        language = current_language()
        if window is None or window.language != language:
            window = HelpWindow(language, owner)
        window.show_page(page)
        if window.isVisible():
            window.raise_()  # a guide left open behind the window comes to the front
        window.show()
        window.activateWindow()
        return window


def controller() -> HelpController:
    """The application's help controller, made on first use."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = app.findChild(HelpController, "helpController")
    return found if found is not None else HelpController(app)


class HelpMenu(QObject):
    """The Help menu's entries: the user guide (F1) above About."""

    def __init__(self, window: QMainWindow, menu: QMenu, page: str = INDEX) -> None:
        super().__init__(window)
        self.setObjectName("helpMenu")
        self._window = window
        self._page = page
        self._controller = controller()
        self._controller.watch(window)
        self.guide_action = QAction(self.tr("&User guide"), window)
        self.guide_action.setObjectName("actionUserGuide")
        self.guide_action.setStatusTip(self.tr("How to do each task in Complaint Desk"))
        # F1 is shown in the menu; the controller's shortcut of each window handles the key
        # there, so the action's own shortcut only acts inside the open menu.
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.guide_action.triggered.connect(self.open_guide)
        first = menu.actions()[0] if menu.actions() else None
        if first is None:
            menu.addAction(self.guide_action)
        else:
            menu.insertAction(first, self.guide_action)
            menu.insertSeparator(first)

    def open_guide(self) -> HelpWindow:
        return self._controller.show_help(self._page, self._window)


def install_help(window: QMainWindow, menu: QMenu, page: str = INDEX) -> HelpMenu:
    """Add the user guide to ``window``'s Help ``menu`` (opening at ``page``) and F1 to the
    whole application."""
    return HelpMenu(window, menu, page)
