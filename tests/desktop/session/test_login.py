"""Login, the idle lock and passwords in the staff dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QWidget

from db.errors import WorkflowError
from db.store import trail
from db.store.database import close_database, database_path, open_database
from db.store.models import Account
from db.trust import accounts, audit
from desktop import app as desktop_app
from desktop.management.staff_dialog import StaffDialog
from desktop.session import idle_lock, login_dialog
from desktop.session.change_password_dialog import ChangePasswordDialog, SetPasswordDialog
from desktop.session.login_dialog import LoginDialog
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.app.test_app import isolated_app  # noqa: F401 (fixture)
from tests.desktop.modal_driver import drive

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

HEAD_PASSWORD = "head-secret-1"
TELLER_PASSWORD = "teller-pass-9"


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    yield shop
    close_database()


@pytest.fixture
def with_accounts(shop):
    head, _lobby, teller = shop.staff
    accounts.create_account(head, HEAD_PASSWORD, actor=head)
    accounts.create_account(teller, TELLER_PASSWORD, actor=head)
    return shop


def _login(qtbot, employee_no: str, password: str, **kw) -> LoginDialog:
    dialog = LoginDialog(None, **kw)
    qtbot.addWidget(dialog)
    dialog.employee_no_edit.setText(employee_no)
    dialog.password_edit.setText(password)
    return dialog


@pytest.mark.attack("accounts")
def test_wrong_password_and_unknown_user_read_the_same_and_the_dialog_stays(qtbot, with_accounts):
    dialog = _login(qtbot, "E001", "not-the-password")
    dialog.show()
    dialog.login()
    assert dialog.isVisible() and dialog.result_staff is None
    wrong = dialog.error_label.text()
    assert "not correct" in wrong and not dialog.error_label.isHidden()
    assert dialog.password_edit.text() == ""  # cleared for the next try
    dialog.employee_no_edit.setText("NOBODY")
    dialog.password_edit.setText("whatever-1")
    dialog.login()
    assert dialog.error_label.text() == wrong
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password


@pytest.mark.attack("accounts")
def test_five_wrong_passwords_lock_and_read_like_any_refusal(qtbot, with_accounts):
    dialog = _login(qtbot, "E001", "")
    for _ in range(5):
        dialog.password_edit.setText("wrong-password")
        dialog.login()
    until = Account.get(Account.staff == with_accounts.head.id).locked_until
    assert until is not None
    locked = dialog.error_label.text()
    assert "15 minutes" in locked and f"{until:%H:%M}" not in locked
    dialog.password_edit.setText(HEAD_PASSWORD)  # even the right one, while locked
    dialog.login()
    assert dialog.result_staff is None and dialog.error_label.text() == locked
    dialog.employee_no_edit.setText("NOBODY")  # an unknown number reads the same
    dialog.password_edit.setText(HEAD_PASSWORD)
    dialog.login()
    assert dialog.error_label.text() == locked


def test_right_password_returns_the_staff(qtbot, with_accounts):
    driven = drive(
        lambda: setattr(pytest, "_login_result", LoginDialog.ask(None)),
        lambda d: (
            d.employee_no_edit.setText("E001"),
            d.password_edit.setText(HEAD_PASSWORD),
            d.login_button.click(),
        ),
    )
    assert driven.name == "login_dialog" and not driven.stayed_open
    assert pytest._login_result.id == with_accounts.head.id
    del pytest._login_result


def test_escape_cancels(qtbot, with_accounts):
    driven = drive(
        lambda: setattr(pytest, "_login_result", LoginDialog.ask(None)),
        lambda d: qtbot.keyClick(d.password_edit, Qt.Key.Key_Escape),
    )
    assert driven.name == "login_dialog" and not driven.stayed_open
    assert pytest._login_result is None
    del pytest._login_result


def test_a_set_password_must_be_changed_at_login(qtbot, with_accounts):
    teller = with_accounts.staff[2]
    assert accounts.account_of(teller).must_change_password
    dialog = _login(qtbot, "E003", TELLER_PASSWORD)

    def change(d):
        assert d.objectName() == "change_password_dialog"
        assert unnamed_widgets(d) == []
        d.new_edit.setText("1234567890")  # digits only: refused inline
        d.confirm_edit.setText("1234567890")
        d.save()
        assert "digits" in d.errors.shown()["password"]
        d.new_edit.setText("my-own-pass")
        d.confirm_edit.setText("my-own-pas")
        d.save()
        assert d.findChild(QWidget, "error_confirm").isVisible()
        d.confirm_edit.setText("my-own-pass")
        d.save_button.click()

    driven = drive(dialog.login, change)
    assert not driven.stayed_open
    assert dialog.result_staff.id == teller.id
    assert not accounts.account_of(teller).must_change_password
    assert accounts.authenticate("E003", "my-own-pass").id == teller.id


def test_cancelling_the_change_refuses_the_login(qtbot, with_accounts):
    dialog = _login(qtbot, "E003", TELLER_PASSWORD)
    drive(dialog.login, lambda d: d.reject())
    assert dialog.result_staff is None and not dialog.error_label.isHidden()


def test_new_dialogs_are_named(qtbot, with_accounts):
    head = with_accounts.head
    for dialog in (
        LoginDialog(None),
        LoginDialog(None, employee_no="E001", locked_session=True),
        ChangePasswordDialog(head),
        SetPasswordDialog(with_accounts.staff[1], head),
    ):
        qtbot.addWidget(dialog)
        assert unnamed_widgets(dialog) == [], dialog.objectName()


def test_database_with_accounts_requires_login(isolated_app, tmp_path, monkeypatch):  # noqa: F811
    folder = tmp_path / "data"
    open_database(database_path(folder))
    shop = case_factory.make_outlet()
    accounts.create_account(shop.staff[2], TELLER_PASSWORD, actor=shop.head)
    close_database()
    monkeypatch.setattr(trail, "_session_actor", None)  # restored after the test
    asked = []
    monkeypatch.setattr(
        login_dialog.LoginDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(k))
    )
    assert desktop_app.run_gui(folder, "en", False) == 0  # cancelled: exits cleanly
    assert asked and isolated_app == []

    teller = shop.staff[2]
    monkeypatch.setattr(login_dialog.LoginDialog, "ask", classmethod(lambda cls, *a, **k: teller))
    assert desktop_app.run_gui(folder, "en", False) == 0
    (window,) = isolated_app
    assert window._actor.id == teller.id
    assert audit.current_actor() == teller.id


@pytest.mark.parametrize(
    "tamper",
    [
        ["DROP TABLE account"],
        ["DROP TRIGGER audit_account_delete", "DELETE FROM account"],
    ],
    ids=["dropped", "emptied"],
)
@pytest.mark.attack("accounts")
def test_accounts_tampered_with_open_no_window_as_the_head(
    isolated_app,  # noqa: F811
    tmp_path,
    monkeypatch,
    tamper,
):
    """Someone drops or empties the account table in the sqlite3 shell: the program does not
    take that for a database without accounts and open as the head; it opens nothing."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    folder = tmp_path / "data"
    open_database(database_path(folder))
    shop = case_factory.make_outlet()
    accounts.create_account(shop.head, HEAD_PASSWORD, actor=shop.head)
    close_database()
    conn = sqlite3.connect(database_path(folder))
    for sql in ["PRAGMA foreign_keys=OFF", *tamper]:
        conn.execute(sql)
    conn.commit()
    conn.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(
        login_dialog.LoginDialog, "ask", classmethod(lambda *a, **k: pytest.fail("login asked"))
    )
    assert desktop_app.run_gui(folder, "en", False) == 1
    assert isolated_app == []
    assert shown and "The login accounts of this database cannot be read" in shown[-1], shown


def test_database_without_accounts_opens_without_login(isolated_app, tmp_path, monkeypatch):  # noqa: F811
    folder = tmp_path / "data"
    open_database(database_path(folder))
    case_factory.make_outlet()
    close_database()
    monkeypatch.setattr(
        login_dialog.LoginDialog, "ask", classmethod(lambda *a, **k: pytest.fail("login asked"))
    )
    assert desktop_app.run_gui(folder, "en", False) == 0
    (window,) = isolated_app
    assert window._actor.employee_no == "E001"


def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_lock_fires_and_needs_the_password(qtbot, with_accounts, monkeypatch):
    monkeypatch.setattr(accounts, "idle_lock_minutes", lambda: 0.002)  # 120 ms
    window = _window(qtbot)
    seen = []

    def unlock(d):
        seen.append(window.centralWidget().isVisible())
        assert d.objectName() == "login_dialog" and d.locked_session
        assert d.employee_no_edit.text() == "E001" and d.employee_no_edit.isReadOnly()
        d.password_edit.setText("wrong-password")
        d.login()
        assert d.isVisible()  # still locked
        d.password_edit.setText(HEAD_PASSWORD)
        d.login_button.click()

    lock = idle_lock.install(window, with_accounts.head)
    driven = drive(lambda: qtbot.waitUntil(lambda: bool(seen), timeout=5000), unlock)
    assert driven.name == "login_dialog" and not driven.stayed_open
    assert seen == [False]  # the content was hidden while locked
    assert window.centralWidget().isVisible() and window.isVisible()
    assert lock.timer.isActive()  # counting again
    lock.timer.stop()


def test_idle_lock_cancel_closes_the_window(qtbot, with_accounts, monkeypatch):
    monkeypatch.setattr(accounts, "idle_lock_minutes", lambda: 0.002)
    window = _window(qtbot)
    idle_lock.install(window, with_accounts.head)
    drive(
        lambda: qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000), lambda d: d.reject()
    )
    assert not window.isVisible()


def test_no_idle_lock_without_accounts(qtbot, shop, monkeypatch):
    monkeypatch.setattr(accounts, "idle_lock_minutes", lambda: 0.001)
    monkeypatch.setattr(
        login_dialog.LoginDialog, "ask", classmethod(lambda *a, **k: pytest.fail("locked"))
    )
    window = _window(qtbot)
    lock = idle_lock.install(window, shop.head)
    qtbot.wait(200)
    assert window.centralWidget().isVisible() and lock.timer.isActive()
    lock.timer.stop()


def test_head_sets_and_resets_passwords_in_the_staff_dialog(qtbot, shop):
    head, lobby, teller = shop.staff
    dialog = StaffDialog(shop.outlet, head)
    qtbot.addWidget(dialog)
    assert unnamed_widgets(dialog) == []
    row = next(i for i, r in enumerate(dialog.rows) if r.id == lobby.id)
    dialog.table.selectRow(row)
    assert dialog.password_button.isEnabled()

    def fill(d, password="lobby-pass-1"):
        assert d.objectName() == "set_password_dialog"
        d.new_edit.setText(password)
        d.confirm_edit.setText(password)
        d.save_button.click()

    assert not drive(dialog.password_button.click, fill).stayed_open
    assert accounts.account_of(lobby).must_change_password
    assert "password is set" in dialog.status_label.text()
    driven = drive(dialog.password_button.click, lambda d: fill(d, "lobby-pass-2"))
    assert not driven.stayed_open
    assert accounts.authenticate("E002", "lobby-pass-2").id == lobby.id


@pytest.mark.attack("accounts")
def test_teller_cannot_set_passwords(qtbot, with_accounts):
    _head, lobby, teller = with_accounts.staff
    dialog = StaffDialog(with_accounts.outlet, teller)
    qtbot.addWidget(dialog)
    assert not dialog.password_button.isEnabled()
    with pytest.raises(WorkflowError):
        accounts.reset_password(with_accounts.head, "teller-hack-1", actor=teller)
    with pytest.raises(WorkflowError):
        accounts.create_account(lobby, "teller-hack-1", actor=teller)
    form = SetPasswordDialog(lobby, teller)  # even if the dialog were reached
    qtbot.addWidget(form)
    form.new_edit.setText("teller-hack-1")
    form.confirm_edit.setText("teller-hack-1")
    form.save()
    assert form.result() != form.DialogCode.Accepted
    assert not form.findChild(QWidget, "error_general").isHidden()
    assert accounts.account_of(lobby) is None
    QApplication.processEvents()
