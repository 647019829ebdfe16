"""Automatic backups: on closing the window, and the first one of the day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from db import demo
from db.store.database import close_database, database_path, open_database
from db.store.models import database
from db.trust import backup
from desktop.settings import backup_scheduler
from tests.db.backup_helpers import rows_of

TIMEOUT_MS = 15_000


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    open_database(database_path(tmp_path / "data"))
    demo.fill_demo(6, seed=7)
    yield tmp_path / "data"
    close_database()


@pytest.fixture
def window(qtbot) -> QMainWindow:
    win = QMainWindow()
    win.setObjectName("testWindow")
    qtbot.addWidget(win)
    win.show()
    return win


def _reasons(folder: Path) -> list[str]:
    return [b.reason for b in backup.list_backups(folder)]


def test_closing_the_window_makes_a_checked_backup_first(window, data_dir):
    scheduler = backup_scheduler.install(window, data_dir)

    window.close()

    (info,) = backup.list_backups(scheduler.folder())
    assert info.reason == backup.REASON_EXIT and info.verified
    assert rows_of(info.path) == rows_of(database_path(data_dir))
    assert not window.isVisible()


def test_the_exit_backup_rotates_by_the_keep_setting(window, data_dir, monkeypatch):
    backup.set_keep_count(1)
    times = iter(dt.datetime(2026, 11, 28, 9, 0) + dt.timedelta(minutes=i) for i in range(9))
    monkeypatch.setattr(backup, "now", lambda: next(times))
    folder = backup.default_backup_folder(database_path(data_dir))
    backup.make_backup(database, folder, reason="exit")
    backup_scheduler.install(window, data_dir)
    window.close()
    assert _reasons(folder) == ["exit"]
    assert backup.list_backups(folder)[0].created_at == dt.datetime(2026, 11, 28, 9, 1)


def test_a_failed_exit_backup_is_reported_and_the_window_still_closes(
    window, data_dir, tmp_path, monkeypatch
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    backup.set_backup_folder(blocker)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    backup_scheduler.install(window, data_dir)

    window.close()

    (text,) = warnings
    assert text.startswith("The backup on closing failed:")
    assert not window.isVisible()


def test_the_first_start_of_the_day_makes_a_daily_backup(qtbot, window, data_dir, monkeypatch):
    monkeypatch.setattr(backup_scheduler, "DAILY_FIRST_CHECK_MS", 10)
    scheduler = backup_scheduler.install(window, data_dir)
    folder = scheduler.folder()

    qtbot.waitUntil(lambda: _reasons(folder) == ["daily"], timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "Today's backup is made" in window.statusBar().currentMessage())
    # Once a day: a second check does nothing.
    assert scheduler.check_daily() is False


def test_no_daily_backup_when_switched_off(window, data_dir):
    backup.set_daily_enabled(False)
    scheduler = backup_scheduler.install(window, data_dir)
    assert scheduler.check_daily() is False
    assert _reasons(scheduler.folder()) == []


def test_a_failing_daily_backup_is_retried_but_warned_about_once(
    qtbot, window, data_dir, tmp_path, monkeypatch
):
    blocker = tmp_path / "usb-drive-not-plugged-in"
    blocker.write_text("x")
    backup.set_backup_folder(blocker / "backups")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    scheduler = backup_scheduler.install(window, data_dir)

    for _attempt in range(2):
        assert scheduler.check_daily() is True
        qtbot.waitUntil(lambda: not scheduler.daily_running(), timeout=TIMEOUT_MS)

    (text,) = warnings
    assert text.startswith("Today's automatic backup failed:")
    assert "Today's automatic backup failed" in window.statusBar().currentMessage()
    scheduler.suppress_exit_backup()
