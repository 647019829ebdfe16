"""The command line's writing commands hold the window's lock while they run: a window
started meanwhile is refused naming the command, a second writing command is refused, and
the lock is given back at the end, also when the command fails or its process is killed."""

from __future__ import annotations

import contextlib
import subprocess
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from db.store.database import database_path
from desktop.cli import main as cli_main
from desktop.session import single_instance
from desktop.session.single_instance import (
    acquire_command_lock,
    acquire_write_lock,
    lock_holder,
    lock_or_explain,
)
from tests.db.backup_helpers import rows_of
from tests.desktop import workorder_factory
from tests.desktop.cli.test_cli_maintenance import cli, data_dir
from tests.desktop.session.test_single_instance import holding, lock_held

__all__ = ["data_dir"]

COMMAND_HOLDER = textwrap.dedent(
    """
    import sys
    from desktop.session.single_instance import command_lock
    with command_lock(sys.argv[1], sys.argv[2]):
        print("locked", flush=True)
        sys.stdin.readline()
    print("released", flush=True)
    """
)


def command_running(
    folder: Path, command: str
) -> contextlib.AbstractContextManager[subprocess.Popen[str]]:
    """Another process holding the lock as ``complaint-desk COMMAND`` does while it runs."""
    return holding(COMMAND_HOLDER, str(folder), command)


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args))
    return shown


pytestmark = pytest.mark.attack("cli")


def test_a_window_started_while_a_command_writes_is_refused_naming_it(qapp, data_dir, warnings):
    with command_running(data_dir, "import-workorders") as proc:
        assert acquire_write_lock(data_dir) is None  # Qt's own QLockFile sees it held
        assert lock_or_explain(data_dir) is None
        holder = lock_holder(data_dir)
    ((_parent, _title, text),) = warnings
    assert holder is not None and holder.command == "import-workorders"
    assert text == (
        f'The command "complaint-desk import-workorders" is running on this database '
        f"(process {proc.pid} on host {holder.host}). Try again when it has finished."
    )


def test_a_second_writing_command_is_refused_and_writes_nothing(data_dir, tmp_path):
    csv = workorder_factory.write_csv(tmp_path / "wo.csv", workorder_factory.good_rows()[:1])
    before = rows_of(database_path(data_dir))
    with command_running(data_dir, "restore") as proc:
        for args in (["import-workorders", str(csv)], ["demo", "--cases", "2"]):
            done = cli(*args, "--data-dir", str(data_dir))
            assert done.returncode == 1, (args, done.stderr)
            assert (
                f'The command "complaint-desk restore" is running on this database '
                f"(process {proc.pid} on host"
            ) in done.stderr, done.stderr
        assert rows_of(database_path(data_dir)) == before
        # reading stays open meanwhile
        assert cli("check", "--data-dir", str(data_dir)).returncode == 0
    done = cli("import-workorders", str(csv), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr


def test_a_command_refused_while_the_window_is_open_says_the_windows_words(data_dir):
    with lock_held(data_dir) as window:
        done = cli("demo", "--cases", "2", "--data-dir", str(data_dir))
        holder = lock_holder(data_dir)
    assert done.returncode == 1
    assert single_instance.held_text(holder) in done.stderr
    assert f"Complaint Desk is already open on this database (process {window.pid}" in done.stderr


def test_the_held_text_is_the_windows_message_word_for_word(qapp):
    holders = [
        None,
        single_instance.LockHolder(42, "pc", "python3"),
        single_instance.LockHolder(42, "pc", "python3", "restore"),
    ]
    for holder in holders:
        assert single_instance.held_text(holder) == single_instance.held_message(holder)


def test_the_lock_is_held_while_the_command_runs_and_released_after_an_error(data_dir, monkeypatch):
    seen = []

    def failing(args):
        seen.append(lock_holder(data_dir))
        raise RuntimeError("the disk went away")

    monkeypatch.setitem(cli_main.COMMANDS, "import-workorders", failing)
    with pytest.raises(RuntimeError):
        cli_main.main(["import-workorders", "x.csv", "--data-dir", str(data_dir)])
    (holder,) = seen
    assert holder is not None and holder.command == "import-workorders"
    assert not single_instance.lock_path(data_dir).exists()
    assert lock_holder(data_dir) is None


def test_the_lock_is_released_after_a_refused_and_a_finished_command(data_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("not,a,work,order\n", encoding="utf-8")
    assert cli("import-workorders", str(bad), "--data-dir", str(data_dir)).returncode == 1
    assert not single_instance.lock_path(data_dir).exists()
    assert cli("demo", "--cases", "1", "--data-dir", str(data_dir)).returncode == 0
    assert not single_instance.lock_path(data_dir).exists()
    lock = acquire_write_lock(data_dir)  # the window can open now
    assert lock is not None
    lock.unlock()


def test_a_lock_left_by_a_killed_command_is_taken_over(data_dir):
    with command_running(data_dir, "import-bundle") as proc:
        proc.kill()
        proc.wait()
        assert single_instance.lock_path(data_dir).exists()
        assert lock_holder(data_dir) is None
        lock = acquire_write_lock(data_dir)  # by the window
        assert lock is not None
        lock.unlock()
    with command_running(data_dir, "import-bundle") as proc:
        proc.kill()
        proc.wait()
        acquire_command_lock(data_dir, "restore").release()  # and by the next command


def test_a_command_cannot_take_the_lock_from_a_live_command(data_dir):
    with command_running(data_dir, "encrypt"):
        with pytest.raises(single_instance.LockHeld) as held:
            acquire_command_lock(data_dir, "restore")
        assert held.value.holder is not None and held.value.holder.command == "encrypt"
        assert lock_holder(data_dir).command == "encrypt"  # still the first one's
