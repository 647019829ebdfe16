"""File → Backups…: back up now, the list, settings, and restore with its confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db import demo
from db.store.database import close_database, database_path, open_database
from db.store.models import Case, database
from db.trust import backup
from desktop.settings import backup_menu
from desktop.settings.backup_dialog import BackupDialog, BackupListModel
from tests.db.backup_helpers import corrupt_middle, file_digest, rows_of

TIMEOUT_MS = 15_000


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = database_path(tmp_path / "data")
    open_database(path)
    demo.fill_demo(12, seed=5)
    yield path
    close_database()


@pytest.fixture
def dialog(qtbot, db_path) -> BackupDialog:
    widget = BackupDialog(db_path)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered the way a test says, and what they said, in order."""
    shown: list[tuple[str, str]] = []
    answer = {"question": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args):
        shown.append(("question", text))
        return answer["question"]

    monkeypatch.setattr(QMessageBox, "question", question)
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda parent, title, text, *a, kind=kind: shown.append((kind, text))
        )
    return shown, answer


def _make_backup(qtbot, dialog: BackupDialog) -> backup.BackupInfo:
    with qtbot.waitSignal(dialog.backup_made, timeout=TIMEOUT_MS) as blocker:
        dialog.backup_button.click()
    return blocker.args[0]


def test_widgets_are_named_for_screen_readers(dialog):
    for widget in (
        dialog.folder_edit,
        dialog.choose_button,
        dialog.default_button,
        dialog.keep_spin,
        dialog.daily_check,
        dialog.table,
        dialog.backup_button,
        dialog.restore_button,
    ):
        assert widget.objectName() and widget.accessibleName(), widget


def test_back_up_now_lists_the_checked_backup(qtbot, dialog, db_path):
    assert dialog.model.rowCount() == 0
    assert not dialog.restore_button.isEnabled()

    info = _make_backup(qtbot, dialog)

    assert info.path.parent == db_path.parent / "backups"
    assert rows_of(info.path) == rows_of(db_path)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, BackupListModel.COL_REASON).data() == "Manual"
    assert dialog.model.index(0, BackupListModel.COL_VERIFIED).data() == "Checked"
    assert info.path.name in dialog.status_label.text()
    assert dialog.restore_button.isEnabled()
    assert not dialog.busy() and dialog.backup_button.isEnabled()


def test_the_list_model_is_a_proper_table_model(qtbot, qtmodeltester, dialog):
    _make_backup(qtbot, dialog)
    _make_backup(qtbot, dialog)
    qtmodeltester.check(dialog.model)


def test_keep_count_and_daily_are_stored(dialog):
    assert dialog.keep_spin.value() == 10 and dialog.daily_check.isChecked()
    dialog.keep_spin.setValue(3)
    dialog.daily_check.setChecked(False)
    assert backup.keep_count() == 3
    assert backup.daily_enabled() is False


def test_choosing_a_folder_sends_backups_there(qtbot, dialog, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(usb))
    dialog.choose_button.click()
    assert dialog.folder_edit.text() == str(usb.resolve())

    info = _make_backup(qtbot, dialog)
    assert info.path.parent == usb.resolve()

    dialog.default_button.click()
    assert dialog.folder_edit.text() == str(backup.default_backup_folder(dialog._db_path))
    assert dialog.model.rowCount() == 0


def test_restore_asks_first_and_then_brings_back_the_old_rows(qtbot, dialog, db_path, boxes):
    shown, _answer = boxes
    old = _make_backup(qtbot, dialog)
    demo.fill_demo(8, seed=6)
    assert Case.select().count() == 20
    dialog.refresh()
    row = [dialog.model.backup_at(r).path for r in range(dialog.model.rowCount())].index(old.path)
    dialog.table.selectRow(row)

    with qtbot.waitSignal(dialog.restored, timeout=TIMEOUT_MS) as blocker:
        dialog.restore_button.click()

    result = blocker.args[0]
    kind, question = shown[0]
    assert kind == "question"
    assert "The current data is first backed up" in question
    assert str(dialog.folder()) in question
    assert shown[-1][0] == "information" and "will now close" in shown[-1][1]
    assert result.safety_backup.reason == backup.REASON_PRE_RESTORE
    assert len(rows_of(result.safety_backup.path)["complaint_case"]) == 20
    assert rows_of(db_path) == rows_of(old.path)
    assert Case.select().count() == 12
    assert dialog.result_restore is result
    assert not dialog.isVisible()  # accepted: the caller closes the program


def test_saying_no_changes_nothing(qtbot, dialog, db_path, boxes):
    shown, answer = boxes
    _make_backup(qtbot, dialog)
    digest = file_digest(db_path)
    answer["question"] = QMessageBox.StandardButton.No
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert [k for k, _t in shown] == ["question"]
    assert not dialog.busy()
    assert file_digest(db_path) == digest
    assert len(backup.list_backups(dialog.folder())) == 1


def test_another_outlets_backup_names_both_outlets_before_restoring(qtbot, dialog, db_path, boxes):
    from db.store.models import Outlet

    shown, answer = boxes
    other = _make_backup(qtbot, dialog)
    Outlet.update(code="LYL07", name="柳园路网点").execute()
    digest = file_digest(db_path)
    dialog.table.selectRow(0)
    answer["question"] = QMessageBox.StandardButton.No
    dialog.restore_button.click()
    ((kind, question),) = shown
    assert kind == "question" and "another outlet" in question
    assert "柳园路网点 (LYL07)" in question and "(JSL01)" in question
    assert file_digest(db_path) == digest

    answer["question"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.restored, timeout=TIMEOUT_MS):
        dialog.restore_button.click()
    assert rows_of(db_path)["outlet"] == rows_of(other.path)["outlet"]


def test_a_damaged_backup_is_refused_with_nothing_changed(qtbot, dialog, db_path, boxes):
    shown, _answer = boxes
    info = _make_backup(qtbot, dialog)
    corrupt_middle(info.path)
    Case.update(customer_name="改过").where(Case.id == 1).execute()
    digest = file_digest(db_path)
    dialog.table.selectRow(0)

    dialog.restore_button.click()
    qtbot.waitUntil(lambda: any(k == "warning" for k, _t in shown), timeout=TIMEOUT_MS)

    (warning,) = [t for k, t in shown if k == "warning"]
    assert "nothing was changed" in warning
    assert file_digest(db_path) == digest
    assert Case.get_by_id(1).customer_name == "改过"
    assert dialog.result_restore is None and dialog.isVisible()


def test_backups_menu_entry_restores_then_closes_without_an_exit_backup(
    qtbot, db_path, monkeypatch
):
    from PySide6.QtWidgets import QMainWindow

    from desktop.settings import backup_scheduler

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    scheduler = backup_scheduler.install(window, db_path.parent)
    action = backup_menu.menu_action(window)
    assert action.objectName() == "actionBackups"
    fake = backup.RestoreResult(db_path, None, None, 3)
    monkeypatch.setattr(
        BackupDialog, "ask", classmethod(lambda cls, parent, path, actor=None: fake)
    )

    action.trigger()

    assert not window.isVisible()
    assert backup.list_backups(scheduler.folder()) == []
    assert database.obj is not None


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_main_window_has_a_backups_entry_in_the_file_menu(qtbot, db_path, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from db.intake import outlets
    from desktop.main_window import MainWindow

    outlet = outlets.current_outlet()
    window = MainWindow(
        outlet,
        outlets.outlet_head(outlet),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    file_menu = window.findChild(QMenu, "menuFile")
    names = [a.objectName() for a in file_menu.actions()]
    assert "actionBackups" in names
    assert names.index("actionBackups") < names.index("actionQuit")


def _staff(employee_no: str):
    from db.store.models import Staff

    return Staff.get(Staff.employee_no == employee_no)


def test_a_teller_sees_the_backups_but_cannot_back_up_or_restore(qtbot, db_path, boxes):
    shown, _answer = boxes
    folder = backup.backup_folder(db_path.parent / "backups")
    backup.make_backup(database.obj, folder, reason="manual")
    teller = _staff("E1004")
    dialog = BackupDialog(db_path, actor=teller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)

    assert dialog.model.rowCount() == 1
    assert not dialog.may_back_up()
    settings = (dialog.choose_button, dialog.default_button, dialog.keep_spin, dialog.daily_check)
    for widget in (dialog.backup_button, dialog.restore_button, *settings):
        assert not widget.isEnabled()
        assert "head" in widget.toolTip()
    dialog.back_up_now()  # even if called directly, db.trust.backup refuses it
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=TIMEOUT_MS)
    assert len(backup.list_backups(dialog.folder())) == 1
    (warning,) = [t for k, t in shown if k == "warning"]
    assert "may not back up or restore the database" in warning


def test_the_head_backs_up_as_the_logged_in_actor(qtbot, db_path):
    dialog = BackupDialog(db_path, actor=_staff("E1001"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.backup_button.isEnabled()
    info = _make_backup(qtbot, dialog)
    assert info.path.is_file()


def test_the_menu_entry_says_why_it_is_not_for_a_teller(qtbot, db_path):
    from PySide6.QtWidgets import QMainWindow

    class Window(QMainWindow):
        actor = _staff("E1004")

    window = Window()
    qtbot.addWidget(window)
    action = backup_menu.menu_action(window)
    assert "head" in action.toolTip() and "head" in action.statusTip()
