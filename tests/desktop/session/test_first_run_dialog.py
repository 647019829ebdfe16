"""First-run setup: creates the outlet, its head and the head's account, or shows why not
and writes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from db.intake import outlets
from db.store import vocab
from db.store.database import close_database, open_database
from db.store.models import Account, Outlet, Staff
from db.trust import accounts
from desktop.session.first_run import FirstRunDialog

# The offscreen platform warns whenever a shown window's size constraints change, as they
# do when inline errors appear; real platforms do not.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "t.sqlite3")
    yield db
    close_database()


@pytest.fixture
def dialog(qtbot, database):
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def fill_valid(dlg: FirstRunDialog) -> None:
    dlg.outlet_name_edit.setText("西城区金融街营业所")
    dlg.outlet_code_edit.setText(" bj0101 ")
    dlg.district_branch_edit.setText("西城区分公司")
    dlg.head_name_edit.setText("王芳")
    dlg.head_employee_no_edit.setText("E001")
    dlg.password_edit.setText(PASSWORD)
    dlg.password_confirm_edit.setText(PASSWORD)


PASSWORD = "lotus-pond-7"


def error_label(dlg: FirstRunDialog, field: str) -> QLabel:
    label = dlg.findChild(QLabel, f"error_{field}")
    assert label is not None
    return label


def test_title_and_welcome(dialog):
    assert dialog.windowTitle() == "First-run setup"
    assert "Welcome" in dialog.findChild(QLabel, "welcome_label").text()


def test_start_creates_the_outlet_and_its_head(dialog):
    fill_valid(dialog)
    dialog.start_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    outlet, head = dialog.result_setup
    assert Outlet.select().count() == 1
    stored = Outlet.get()
    assert stored == outlet
    assert stored.code == "BJ0101"
    assert stored.name == "西城区金融街营业所"
    assert stored.district_branch == "西城区分公司"
    assert Staff.select().count() == 1
    assert head.role == vocab.ROLE_HEAD
    assert head.active
    assert head.name == "王芳"
    assert outlets.outlet_head(stored) == head
    assert accounts.authenticate("E001", PASSWORD) == head


def test_password_fields_hide_what_is_typed(dialog):
    for edit in (dialog.password_edit, dialog.password_confirm_edit):
        assert edit.echoMode() == QLineEdit.EchoMode.Password
        assert edit.objectName() and edit.accessibleName()


def test_passwords_that_differ_are_refused_and_nothing_is_written(dialog):
    fill_valid(dialog)
    dialog.password_confirm_edit.setText(PASSWORD + "x")
    dialog.start_button.click()

    assert Outlet.select().count() == 0
    assert Account.select().count() == 0
    assert dialog.result_setup is None
    error = error_label(dialog, "password_confirm")
    assert error.isVisible()
    assert error.text() == "The two passwords are not the same."
    assert dialog.focusWidget() is dialog.password_confirm_edit


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("outlet_name", "", "This field is required."),
        ("outlet_code", "BJ 01", "Only letters, digits, - and _."),
        ("outlet_code", "X" * 21, "At most 20 characters."),
        ("head_employee_no", "E#1", "Only letters, digits, - and _."),
        ("head_name", "", "This field is required."),
        ("password", "short", "At least 8 characters."),
        ("password", "1234567890", "A password cannot be digits only."),
    ],
)
def test_bad_input_is_shown_inline_and_nothing_is_written(dialog, field, value, message):
    fill_valid(dialog)
    edit = dialog.findChild(QLineEdit, f"{field}_edit")
    edit.setText(value)
    if field == "password":
        dialog.password_confirm_edit.setText(value)
    dialog.start_button.click()

    assert Outlet.select().count() == 0
    assert Staff.select().count() == 0
    assert Account.select().count() == 0
    assert dialog.result_setup is None
    assert dialog.isVisible()
    error = error_label(dialog, field)
    assert error.isVisible()
    assert error.text() == message
    assert dialog.errors.shown() == {field: message}
    assert dialog.focusWidget() is edit


def test_all_empty_marks_every_field(dialog):
    dialog.start_button.click()
    assert set(dialog.errors.shown()) == {
        "outlet_name",
        "outlet_code",
        "district_branch",
        "head_name",
        "head_employee_no",
        "password",
    }
    assert dialog.focusWidget() is dialog.outlet_name_edit


def test_duplicate_outlet_code_is_refused_by_the_database_rule(dialog):
    outlets.setup_outlet(outlets.OutletSetup("Other", "BJ0101", "Xicheng", "Li", "E9"))
    fill_valid(dialog)
    dialog.start_button.click()

    assert Outlet.select().count() == 1
    assert error_label(dialog, "outlet_code").text() == "Already in use."
    assert dialog.result_setup is None


def test_cancel_writes_nothing(dialog):
    fill_valid(dialog)
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert Outlet.select().count() == 0


def test_ask(monkeypatch, database):
    def fake_exec(self):
        fill_valid(self)
        self.start_button.click()
        return self.result()

    monkeypatch.setattr(FirstRunDialog, "exec", fake_exec)
    result = FirstRunDialog.ask(None)
    assert result is not None
    outlet, head = result
    assert outlets.current_outlet() == outlet
    assert head.outlet == outlet


def test_ask_cancelled(monkeypatch, database):
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert FirstRunDialog.ask(None) is None
    assert not outlets.is_set_up()


def test_every_field_is_named_for_screen_readers(dialog):
    edits = dialog.findChildren(QLineEdit)
    assert len(edits) == 7
    for edit in edits + [dialog.start_button, dialog.cancel_button]:
        assert edit.objectName()
        assert edit.accessibleName()
