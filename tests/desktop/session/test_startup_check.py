"""A database that fails its check at start-up: the newest good backup is offered instead of
a crash, and refusing it leaves everything as it was."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from db import demo
from db.store import sqlite_features
from db.store.database import close_database, database_path, open_database
from db.store.models import database
from db.trust import backup
from desktop import app as desktop_app
from desktop.main_window import MainWindow
from desktop.session import startup_check
from tests.db.backup_helpers import case_count, corrupt_middle, file_digest


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with 10 complaints and one good backup of them, then 5 more complaints;
    the database is closed, as it is before the program opens it."""
    folder = tmp_path / "data"
    open_database(database_path(folder))
    demo.fill_demo(10, seed=8)
    backup.make_backup(
        database, backup.default_backup_folder(database_path(folder)), reason="daily"
    )
    demo.fill_demo(5, seed=9)
    close_database()
    return folder


@pytest.fixture
def boxes(monkeypatch):
    """Answers the restore offer with the button named in ``choice[0]``; records every box."""
    shown: list[tuple[str, str]] = []
    choice = ["restore_backup_button"]

    def exec_box(box: QMessageBox) -> int:
        shown.append(("offer", box.text() + "\n" + box.informativeText()))
        box.findChild(QPushButton, choice[0]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    for kind in ("information", "critical", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda parent, title, text, *a, kind=kind: shown.append((kind, text))
        )
    return shown, choice


def test_a_sound_database_opens_without_a_question(qapp, data_dir, boxes):
    shown, _choice = boxes
    assert startup_check.ensure_sound_database(data_dir) is True
    assert shown == []


def test_no_database_yet_is_the_first_run(qapp, tmp_path, boxes):
    assert startup_check.ensure_sound_database(tmp_path / "new") is True


def test_a_corrupt_database_is_replaced_by_the_newest_good_backup(qapp, data_dir, boxes):
    shown, _choice = boxes
    path = database_path(data_dir)
    corrupt_middle(path)

    assert startup_check.ensure_sound_database(data_dir) is True

    kind, offer = shown[0]
    assert kind == "offer" and "failed its check" in offer and "Restore the newest" in offer
    assert shown[-1][0] == "information" and "has been restored" in shown[-1][1]
    assert backup.current_database_problem(path) is None
    assert case_count(path) == 10
    # The damaged file is kept beside the backups, not deleted.
    kept = list(backup.default_backup_folder(path).glob("damaged-*.sqlite3"))
    assert len(kept) == 1


def test_refusing_the_backup_changes_nothing_and_stops(qapp, data_dir, boxes):
    shown, choice = boxes
    choice[0] = "quit_button"
    path = database_path(data_dir)
    corrupt_middle(path)
    digest = file_digest(path)

    assert startup_check.ensure_sound_database(data_dir) is False

    assert shown[-1][0] == "information" and "has changed nothing" in shown[-1][1]
    assert file_digest(path) == digest
    assert [b.reason for b in backup.list_backups(backup.default_backup_folder(path))] == ["daily"]


def test_a_foreign_key_broken_behind_the_apps_back_is_offered_a_backup(qapp, data_dir, boxes):
    """The database is readable, so the replaced data is backed up first, not moved away."""
    shown, _choice = boxes
    path = database_path(data_dir)
    conn = sqlite_features.connect_plain(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE complaint_case SET first_ask_owner_id = 999 WHERE id = 3")
    conn.commit()
    conn.close()

    assert startup_check.ensure_sound_database(data_dir) is True

    assert "Foreign keys: complaint_case row 3" in shown[0][1]
    reasons = [b.reason for b in backup.list_backups(backup.default_backup_folder(path))]
    assert sorted(reasons) == ["daily", "pre-restore"]


def test_no_good_backup_explains_and_stops(qapp, data_dir, boxes):
    shown, _choice = boxes
    path = database_path(data_dir)
    for info in backup.list_backups(backup.default_backup_folder(path)):
        corrupt_middle(info.path)
    corrupt_middle(path)
    digest = file_digest(path)

    assert startup_check.ensure_sound_database(data_dir) is False

    ((kind, text),) = shown
    assert kind == "critical" and "There is no good backup" in text
    assert file_digest(path) == digest


def test_a_database_from_a_newer_version_is_not_restored_over(qapp, data_dir, boxes):
    shown, _choice = boxes
    path = database_path(data_dir)
    conn = sqlite_features.connect_plain(path)
    conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('0099_future', '2030')")
    conn.commit()
    conn.close()

    assert startup_check.ensure_sound_database(data_dir) is False

    ((kind, text),) = shown
    assert kind == "critical" and "newer version" in text
    assert case_count(path) == 15


def _exec_until_checked(*_args) -> int:
    """Stands in for QApplication.exec: runs events until the window's after-start check
    has finished, then closes a window the check left open (a sound database)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            return 0  # the check closed the window
        check = windows[0].findChild(startup_check.AfterStartCheck)
        if check is not None and check.done and not check.recheck:
            for window in windows:
                window.close()
            return 0
        QTest.qWait(20)
    raise AssertionError("the after-start check did not finish")


@pytest.fixture
def isolated_settings(tmp_path):
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    close_database()
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


def test_the_app_exits_cleanly_on_a_damaged_database(
    qapp, data_dir, isolated_settings, monkeypatch, boxes
):
    shown, choice = boxes
    choice[0] = "quit_button"
    path = database_path(data_dir)
    corrupt_middle(path)
    monkeypatch.setattr(QApplication, "exec", _exec_until_checked)

    assert desktop_app.run_gui(data_dir, "en", False) == 1

    assert "offer" in [kind for kind, _text in shown]
    assert shown[-1][0] == "information" and "has changed nothing" in shown[-1][1]


def test_damage_found_after_the_window_is_shown_offers_the_backup(
    qapp, data_dir, isolated_settings, monkeypatch, boxes
):
    """The window opens at once and the check runs behind it; a foreign key
    broken behind the app's back is still found, the window closes without an exit backup,
    the newest good backup is offered and restored, and the program opens it."""
    shown, _choice = boxes
    path = database_path(data_dir)
    conn = sqlite_features.connect_plain(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE complaint_case SET first_ask_owner_id = 999 WHERE id = 3")
    conn.commit()
    conn.close()
    monkeypatch.setattr(QApplication, "exec", _exec_until_checked)

    assert desktop_app.run_gui(data_dir, "en", False) == 0

    kinds = [kind for kind, _text in shown]
    assert kinds == ["critical", "offer", "information"], shown
    assert "failed its check" in shown[0][1] and "Foreign keys" in shown[0][1]
    assert "has been restored" in shown[2][1]
    assert case_count(path) == 10
    made = backup.list_backups(backup.default_backup_folder(path))
    # The damaged session made no exit backup; the one exit backup is the restored session's.
    assert sorted(b.reason for b in made) == ["daily", "exit", "pre-restore"]
    (exit_backup,) = [b for b in made if b.reason == "exit"]
    assert backup.current_database_problem(exit_backup.path) is None
    assert case_count(exit_backup.path) == 10


def test_a_sound_database_passes_the_after_start_check(
    qapp, data_dir, isolated_settings, monkeypatch, boxes
):
    shown, _choice = boxes
    seen: list[str] = []

    def exec_and_read_status(*args) -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        check = window.findChild(startup_check.AfterStartCheck)
        deadline = time.monotonic() + 30
        while not check.done and time.monotonic() < deadline:
            QTest.qWait(20)
        seen.append(window.statusBar().currentMessage())
        return _exec_until_checked(*args)

    monkeypatch.setattr(QApplication, "exec", exec_and_read_status)

    assert desktop_app.run_gui(data_dir, "en", False) == 0

    assert shown == []
    assert seen == ["Database check passed."]
