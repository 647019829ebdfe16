"""Only one copy of the program writes to a database; a second one says who holds it."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from db.store.database import close_database
from desktop import app as desktop_app
from desktop.main_window import MainWindow
from desktop.session import single_instance
from desktop.session.single_instance import acquire_write_lock, lock_holder, lock_or_explain

HOLDER = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    print("locked", flush=True)
    sys.stdin.readline()  # hold the lock until killed (or told to go)
    """
)


@contextlib.contextmanager
def holding(code: str, *argv: str) -> Iterator[subprocess.Popen[str]]:
    """A process running ``code`` with ``argv``, once it has printed "locked"."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def lock_held(folder: Path) -> contextlib.AbstractContextManager[subprocess.Popen[str]]:
    """Another process holding the lock on ``folder``, as a second copy of the program would."""
    return holding(HOLDER, str(single_instance.lock_path(folder)))


@pytest.fixture
def other_process(tmp_path):
    with lock_held(tmp_path) as proc:
        yield proc


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args))
    return shown


def test_a_second_lock_on_the_same_folder_is_refused(tmp_path):
    first = acquire_write_lock(tmp_path)
    assert first is not None and first.isLocked()
    try:
        assert acquire_write_lock(tmp_path) is None
        holder = lock_holder(tmp_path)
        assert holder is not None and holder.pid == os.getpid()
    finally:
        first.unlock()
    again = acquire_write_lock(tmp_path)
    assert again is not None
    again.unlock()
    assert lock_holder(tmp_path) is None


def test_another_process_holding_the_lock_is_named(tmp_path, other_process, warnings):
    assert lock_holder(tmp_path).pid == other_process.pid

    assert lock_or_explain(tmp_path) is None

    ((_parent, _title, text),) = warnings
    host = lock_holder(tmp_path).host
    assert text == (
        f"Complaint Desk is already open on this database (process {other_process.pid} on "
        f"host {host}). Close it first."
    )


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path, other_process):
    assert acquire_write_lock(tmp_path) is None
    other_process.kill()
    other_process.wait()

    assert lock_holder(tmp_path) is None
    lock = acquire_write_lock(tmp_path)
    assert lock is not None and lock.isLocked()
    assert lock_holder(tmp_path).pid == os.getpid()
    lock.unlock()


def test_a_lock_written_on_another_computer_counts_as_held(tmp_path):
    single_instance.lock_path(tmp_path).write_text("4242\npython3\nother-pc\n")
    holder = lock_holder(tmp_path)
    assert holder == single_instance.LockHolder(4242, "other-pc", "python3")


def test_the_second_copy_of_the_program_stops_with_the_message(
    qapp, tmp_path, monkeypatch, other_process, warnings
):
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    try:
        assert desktop_app.run_gui(tmp_path, "en", False) == 1
    finally:
        close_database()
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])

    ((_parent, _title, text),) = warnings
    assert f"(process {other_process.pid} on host" in text
    assert not any(
        isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    # The second copy did not create or touch a database.
    assert not (tmp_path / "complaint-desk.sqlite3").exists()


def test_lock_holder_needs_no_qt(tmp_path):
    """``complaint-desk restore`` reads the lock without importing Qt."""
    code = (
        "import sys\n"
        "from desktop.session.single_instance import lock_holder\n"
        f"assert lock_holder({str(tmp_path)!r}) is None\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
