"""The window on an encrypted database: first run encrypts a real outlet and shows the
recovery key once; later starts unlock with the login, which a wrong password refuses with
the login's own words."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QDialog

from db.errors import WorkflowError
from db.intake import outlets
from db.store.database import database_path, is_encrypted
from db.trust import database_key
from desktop import app as desktop_app
from desktop.session import login_dialog
from desktop.session.first_run import FirstRunDialog
from desktop.session.login_dialog import LoginDialog
from desktop.session.recovery_key_dialog import RecoveryKeyDialog
from tests.db.conftest import OUTLET_SETUP
from tests.desktop.app.test_app import isolated_app  # noqa: F401 - the fixture

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
HEAD_PW = "Jianguo-2026"
FAILED_LOGIN = (
    "The employee number or the password is not correct, or the account is locked for 15 "
    "minutes after too many wrong passwords. The head can reset the password."
)  # one refusal for every failed login: nothing tells an account apart


@pytest.fixture
def first_run(isolated_app, tmp_path, monkeypatch):  # noqa: F811
    """A first run through the window with the head's password; the recovery keys shown."""
    shown: list[str] = []

    def ask(parent=None):
        setup = dataclasses.replace(OUTLET_SETUP, password=HEAD_PW)
        return *outlets.setup_outlet(setup), HEAD_PW

    monkeypatch.setattr(FirstRunDialog, "ask_with_password", ask)
    monkeypatch.setattr(
        RecoveryKeyDialog, "ask", classmethod(lambda cls, p, key, name: shown.append(key) or True)
    )
    folder = tmp_path / "data"
    assert desktop_app.run_gui(folder, "en", False) == 0
    return folder, shown


def test_first_run_encrypts_and_shows_the_recovery_key_once(first_run, isolated_app):  # noqa: F811
    folder, shown = first_run
    assert is_encrypted(database_path(folder))
    (recovery,) = shown
    assert database_key.unwrap_by_recovery_key(folder, recovery)
    assert database_key.unwrap_by_login(folder, "E1001", HEAD_PW)
    (window,) = isolated_app
    assert OUTLET_SETUP.outlet_name in window.windowTitle()


def test_next_start_unlocks_with_the_login_and_asks_nothing_more(
    first_run,
    isolated_app,  # noqa: F811
    monkeypatch,
):
    folder, shown = first_run
    isolated_app.clear()
    key = database_key.unwrap_by_login(folder, "E1001", HEAD_PW)
    monkeypatch.setattr(
        LoginDialog,
        "ask_unlock",
        classmethod(lambda cls, parent, data_dir: login_dialog.Unlocked("E1001", HEAD_PW, key)),
    )
    monkeypatch.setattr(LoginDialog, "exec", lambda self: pytest.fail("asked twice"))
    assert desktop_app.run_gui(folder, "en", False) == 0
    (window,) = isolated_app
    assert OUTLET_SETUP.outlet_name in window.windowTitle()
    assert len(shown) == 1  # not shown again


def test_cancelled_unlock_exits_without_opening(first_run, isolated_app, monkeypatch):  # noqa: F811
    folder, _shown = first_run
    isolated_app.clear()
    monkeypatch.setattr(LoginDialog, "ask_unlock", classmethod(lambda cls, parent, d: None))
    assert desktop_app.run_gui(folder, "en", False) == 0
    assert isolated_app == []


@pytest.mark.attack("accounts")
def test_unlock_dialog_refuses_a_wrong_password_like_a_login(first_run, qtbot):
    folder, _shown = first_run
    dialog = LoginDialog(None, unlock_dir=folder)
    qtbot.addWidget(dialog)
    dialog.employee_no_edit.setText("E1001")
    dialog.password_edit.setText("not the password")
    dialog.login_button.click()
    assert dialog.error_label.text() == FAILED_LOGIN
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.employee_no_edit.setText("E9999")
    dialog.password_edit.setText(HEAD_PW)
    dialog.login_button.click()
    assert dialog.error_label.text() == FAILED_LOGIN
    dialog.employee_no_edit.setText("E1001")
    dialog.password_edit.setText(HEAD_PW)
    dialog.login_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_unlocked is not None
    assert dialog.result_unlocked.key == database_key.unwrap_by_login(folder, "E1001", HEAD_PW)


def test_the_demo_stays_unencrypted(isolated_app, tmp_path):  # noqa: F811
    folder = tmp_path / "demo"
    assert desktop_app.run_gui(folder, "en", True) == 0
    assert database_path(folder).exists() and not is_encrypted(database_path(folder))
    assert not database_key.has_key_file(folder)


def test_recovery_key_dialog_stays_until_confirmed(qtbot):
    recovery = database_key.new_recovery_key()
    dialog = RecoveryKeyDialog(None, recovery, OUTLET_SETUP.outlet_name)
    qtbot.addWidget(dialog)
    dialog.show()
    groups = recovery.split("-")
    assert dialog.key_label.text() == " ".join(groups[:4]) + "\n" + " ".join(groups[4:])
    assert not dialog.done_button.isEnabled()
    dialog.reject()  # Esc
    assert dialog.isVisible()
    assert recovery.split("-")[0] in dialog.document().toPlainText()
    for widget in (dialog.key_label, dialog.confirm_box, dialog.print_button, dialog.done_button):
        assert widget.objectName() and widget.accessibleName()
    dialog.confirm_box.setChecked(True)
    assert dialog.done_button.isEnabled()
    dialog.done_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.attack("accounts")
def test_brute_forcing_the_unlock_dialog_locks_the_account_across_restarts(first_run, qtbot):
    folder, _shown = first_run

    def attempt(password: str) -> LoginDialog:
        dialog = LoginDialog(None, unlock_dir=folder)  # a new dialog: as after a restart
        qtbot.addWidget(dialog)
        dialog.employee_no_edit.setText("E1001")
        dialog.password_edit.setText(password)
        dialog.login_button.click()
        return dialog

    for i in range(5):
        refused = attempt(f"guess-{i:04d}")
        assert refused.error_label.text() == FAILED_LOGIN
    locked = attempt(HEAD_PW)
    assert locked.error_label.text() == FAILED_LOGIN  # the right password, and nothing tells
    assert locked.result_unlocked is None and locked.result() != QDialog.DialogCode.Accepted


def _recover_with(qtbot, monkeypatch, folder, key: str, password: str, again: str | None = None):
    """The unlock dialog's recovery path, filled as the head would; (login dialog, the
    recovery dialog's problem text, the messages shown)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.session.recover_dialog import RecoverDialog

    seen: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text: seen.append(text))
    )
    problem: list[str] = []

    def exec_(self):
        self.key_edit.setText(key)
        self.password_edit.setText(password)
        self.again_edit.setText(password if again is None else again)
        self.set_button.click()
        if self.recovered is None:
            problem.append(self.error_label.text())
            return QDialog.DialogCode.Rejected
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoverDialog, "exec", exec_)
    dialog = LoginDialog(None, unlock_dir=folder)
    qtbot.addWidget(dialog)
    assert dialog.recover_button is not None
    dialog.recover_button.click()
    return dialog, problem, seen


def test_the_head_who_forgot_the_password_sets_a_new_one_with_the_recovery_key(
    first_run, qtbot, monkeypatch
):
    folder, shown = first_run
    dialog, problem, seen = _recover_with(qtbot, monkeypatch, folder, shown[0], "Jianguo-2027-new")
    assert problem == [] and "logs in with the new password now" in seen[0]
    assert dialog.employee_no_edit.text() == "E1001"
    dialog.password_edit.setText("Jianguo-2027-new")
    dialog.login_button.click()
    assert dialog.result_unlocked is not None and dialog.result_unlocked.key
    with pytest.raises(WorkflowError):  # the old password opens nothing any more
        database_key.unwrap_by_login(folder, "E1001", HEAD_PW)


def test_a_wrong_recovery_key_changes_nothing(first_run, qtbot, monkeypatch):
    folder, shown = first_run
    wrong = "A" * len(shown[0])
    _dialog, problem, seen = _recover_with(qtbot, monkeypatch, folder, wrong, "Jianguo-2027-new")
    assert problem == [
        "The recovery key is not correct, or it is locked for 15 minutes after too many wrong "
        "tries."
    ]
    assert seen == []
    assert database_key.unwrap_by_login(folder, "E1001", HEAD_PW)


def test_two_different_new_passwords_are_refused_before_anything(first_run, qtbot, monkeypatch):
    folder, shown = first_run
    _d, problem, _s = _recover_with(
        qtbot, monkeypatch, folder, shown[0], "Jianguo-2027-new", again="Jianguo-2027-nwe"
    )
    assert problem == ["The two new passwords differ."]
    assert database_key.unwrap_by_login(folder, "E1001", HEAD_PW)
