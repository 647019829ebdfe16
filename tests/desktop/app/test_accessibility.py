"""Every interactive widget has an objectName (tests and scripts find it) and an
accessibleName (screen readers announce it), in the main window and in each dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from db.store.database import close_database
from desktop.cases.new_case import NewCaseDialog
from desktop.main_window import MainWindow
from desktop.session.first_run import FirstRunDialog
from tests.desktop import case_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def unnamed_widgets(root: QWidget) -> list[str]:
    """Interactive widgets under ``root`` lacking either name, described for the message.

    Qt's own internals (a combo box's line edit, a spin box's editor, scroll bars' buttons,
    a table's corner button) are named by Qt or not reachable by the user on their own,
    so only widgets whose parent chain up to ``root`` is ours count."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            continue
        if type(widget).__name__ == "QAbstractButton" or widget.objectName().startswith("qt_"):
            continue
        if not widget.objectName() or not widget.accessibleName():
            missing.append(
                f"{type(widget).__name__} name={widget.objectName()!r} "
                f"accessible={widget.accessibleName()!r} text={getattr(widget, 'text', str)()!r}"
            )
    return missing


@pytest.fixture
def shop(tmp_path):
    shop = case_factory.open_shop(tmp_path, 5)
    yield shop
    close_database()


def test_main_window_widgets_are_named(qtbot, shop, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert unnamed_widgets(window) == []


def test_new_case_dialog_widgets_are_named(qtbot, shop):
    dialog = NewCaseDialog(shop.outlet, shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_widgets(dialog) == []


def test_first_run_dialog_widgets_are_named(qtbot, tmp_path):
    case_factory.open_temp_database(tmp_path)
    try:
        dialog = FirstRunDialog(None)
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_widgets(dialog) == []
    finally:
        close_database()
