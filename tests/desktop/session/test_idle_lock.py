"""The idle lock puts every window of the program out of sight, and gives them back intact.

A dialog running ``exec()`` cannot simply be hidden (that ends its event loop as if
cancelled), so these tests open one the way the program does and check that it shows
nothing while locked, is still running afterwards and keeps what the user had typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from db.store.database import close_database
from db.trust import accounts
from desktop.session import idle_lock
from desktop.session.login_dialog import LoginDialog
from tests.desktop import case_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

HEAD_PASSWORD = "head-secret-1"
TYPED = "客户要求当面道歉"
TITLE = "Record a tracking note — GS0101-2026-000001"


@pytest.fixture
def with_accounts(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    accounts.create_account(shop.head, HEAD_PASSWORD, actor=shop.head)
    yield shop
    close_database()


@pytest.fixture
def minutes(monkeypatch) -> list[float]:
    """The idle time, changeable during a test: 120 ms until a test sets it longer."""
    value = [0.002]
    monkeypatch.setattr(accounts, "idle_lock_minutes", lambda: value[0])
    return value


def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("案件列表"))
    qtbot.addWidget(window)
    window.show()
    return window


def _form(window: QMainWindow) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog(window)
    dialog.setObjectName("half_filled_form")
    dialog.setWindowTitle(TITLE)
    edit = QLineEdit(dialog)
    edit.setObjectName("note_edit")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("客户 李娜 13800000001"))
    layout.addWidget(edit)
    dialog.resize(320, 120)
    return dialog, edit


def _blank(widget: QWidget) -> bool:
    """Whether the widget, as it would be painted now, is one plain colour."""
    image = widget.grab().toImage()
    plain = QImage(image.size(), image.format())
    plain.fill(image.pixelColor(0, 0))
    return image == plain


def _when_modal(kind: type, then, tries: list[int] | None = None) -> None:
    """Run ``then(dialog)`` once a modal dialog of ``kind`` is up (polling, up to 20 s)."""
    tries = tries if tries is not None else [0]
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, kind):
        then(dialog)
    elif tries[0] < 2000:
        tries[0] += 1
        QTimer.singleShot(10, lambda: _when_modal(kind, then, tries))


def test_a_dialog_open_at_lock_time_shows_nothing_and_comes_back_as_it_was(
    qtbot, with_accounts, minutes
):
    window = _window(qtbot)
    dialog, edit = _form(window)
    preview = QWidget()  # another window of the program, not a dialog
    preview.setObjectName("report_preview")
    qtbot.addWidget(preview)
    preview.show()
    seen: dict[str, object] = {}

    def typed() -> None:
        edit.setText(TYPED)
        edit.setFocus()
        seen["blank_before"] = _blank(dialog)
        lock = idle_lock.install(window, with_accounts.head)
        seen["lock"] = lock
        _when_modal(LoginDialog, during_lock)

    def during_lock(login: LoginDialog) -> None:
        minutes[0] = 60.0  # no second lock while the test checks the result
        seen["visible_during"] = dialog.isVisible()  # still running exec()
        seen["blank_during"] = _blank(dialog)
        seen["title_during"] = dialog.windowTitle()
        seen["preview_during"] = preview.isVisible()
        login.password_edit.setText(HEAD_PASSWORD)
        login.login_button.click()
        QTimer.singleShot(0, after_unlock)

    def after_unlock() -> None:
        seen["text_after"] = edit.text()
        seen["blank_after"] = _blank(dialog)
        seen["title_after"] = dialog.windowTitle()
        seen["enabled_after"] = dialog.isEnabled()
        seen["focus_after"] = dialog.focusWidget() is edit
        seen["preview_after"] = preview.isVisible()
        dialog.accept()

    QTimer.singleShot(0, typed)
    result = dialog.exec()

    assert result == QDialog.DialogCode.Accepted  # the lock did not end the dialog
    assert seen["blank_before"] is False
    assert seen["visible_during"] is True and seen["blank_during"] is True
    assert TITLE not in seen["title_during"]
    assert seen["preview_during"] is False
    assert seen["text_after"] == TYPED
    assert seen["blank_after"] is False
    assert seen["title_after"] == TITLE
    assert seen["enabled_after"] is True and seen["focus_after"] is True
    assert seen["preview_after"] is True
    assert window.centralWidget().isVisible()
    seen["lock"].timer.stop()


def test_leaving_the_lock_closes_the_open_dialogs_too(qtbot, with_accounts, minutes):
    window = _window(qtbot)
    dialog, edit = _form(window)

    def typed() -> None:
        edit.setText(TYPED)
        idle_lock.install(window, with_accounts.head)
        _when_modal(LoginDialog, lambda login: login.reject())

    QTimer.singleShot(0, typed)
    result = dialog.exec()
    assert result == QDialog.DialogCode.Rejected
    assert not dialog.isVisible() and not window.isVisible()
