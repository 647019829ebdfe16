"""The district console's guide: Help → User guide and F1 open the page on the console,
and each of its dialogs opens the same page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.help.user_guide import HelpWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _guide(window) -> HelpWindow:
    [guide] = window.findChildren(HelpWindow)
    return guide


def test_the_help_menu_opens_the_district_page(qtbot, window):
    help_menu = window.menuBar().actions()[-1].menu()
    guide_action = help_menu.actions()[0]
    assert guide_action.objectName() == "actionUserGuide"
    guide_action.trigger()
    guide = _guide(window)
    qtbot.waitExposed(guide)
    assert guide.current_page() == "district"
    assert guide.browser.documentTitle() == "The district console"
    guide.close()


def test_f1_in_the_case_list_opens_the_district_page(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window.cases, Qt.Key.Key_F1)
    guide = _guide(window)
    qtbot.waitExposed(guide)
    assert guide.current_page() == "district"
    guide.close()
