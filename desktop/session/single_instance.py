"""One writer per database: a lock file in the data folder, held while the window is open.

Two copies of the program on one database would each keep their own view of it (the case
list, the next case number, a restore under the other's feet). SQLite itself would stay
consistent, but the people using them would not, so the second copy says who holds the
database and stops.

The lock is a QLockFile. It is never considered stale by age (``setStaleLockTime(0)``): the
window may stay open for weeks. Qt removes it as stale only when the process that wrote it
is gone from this computer, e.g. after a crash or a power cut. ``lock_holder`` reads the
same file without Qt, so that ``complaint-desk restore`` can refuse while the window is open.

The command line's writing commands take the same lock without Qt (:func:`command_lock`): they
write the file as QLockFile does (created exclusively; pid, process name, host, machine id and
boot id, one per line) and hold an ``flock`` on it, as QLockFile does, so a window started
meanwhile is refused, and so is a second writing command. A sixth line names the command
(QLockFile reads five and ignores the rest), so the refusal can say what is running.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOCK_FILENAME = "complaint-desk.lock"
# The line that names a command holding the lock (after QLockFile's five).
COMMAND_LINE_PREFIX = "complaint-desk "


@dataclass(frozen=True)
class LockHolder:
    """The process that holds the write lock, as its lock file says."""

    pid: int
    host: str
    app: str
    # The command line's command holding it (``restore``); None for the window.
    command: str | None = None


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_FILENAME


def _read_holder(path: Path) -> LockHolder | None:
    """Parse QLockFile's format: pid, application name, host name, one per line."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    app = lines[1] if len(lines) > 1 else ""
    host = lines[2] if len(lines) > 2 else ""
    named = lines[5] if len(lines) > 5 else ""
    command = named[len(COMMAND_LINE_PREFIX) :] if named.startswith(COMMAND_LINE_PREFIX) else None
    return LockHolder(pid, host, app, command or None)


def _same_host(host: str) -> bool:
    return not host or host in {socket.gethostname(), socket.gethostname().split(".")[0]}


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but belongs to someone else, or cannot tell: assume alive
    return True


def lock_holder(data_dir: Path) -> LockHolder | None:
    """Who holds the write lock on the database in ``data_dir``; None when nobody does.

    No Qt: the command line uses this. A lock left by a process that no longer runs on this
    computer counts as free (Qt's own rule); one written on another computer, for a data
    folder on a network share, counts as held.
    """
    holder = _read_holder(lock_path(data_dir))
    if holder is None:
        return None
    if _same_host(holder.host) and not _running(holder.pid):
        return None
    return holder


def acquire_write_lock(data_dir: Path) -> QLockFile | None:
    """Take the write lock on the database in ``data_dir``; None if another process holds it.

    Raises OSError when the lock file cannot be written at all (a read-only or missing
    folder), which is a different problem from someone else holding it.
    """
    from PySide6.QtCore import QLockFile

    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(folder)))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    raise OSError(f"cannot create the lock file {lock_path(folder)} ({lock.error().name})")


# --- the command line's lock, without Qt -----------------------------------------------------


class LockHeld(Exception):
    """Someone else holds the write lock; ``holder`` says who, when the file says."""

    def __init__(self, holder: LockHolder | None) -> None:
        super().__init__(held_text(holder))
        self.holder = holder


def held_text(holder: LockHolder | None) -> str:
    """:func:`held_message` in English without Qt, for the command line (the same words)."""
    if holder is None:
        return "Complaint Desk is already open on this database. Close it first."
    if holder.command:
        return (
            f'The command "complaint-desk {holder.command}" is running on this database '
            f"(process {holder.pid} on host {holder.host or '?'}). Try again when it has "
            "finished."
        )
    return (
        f"Complaint Desk is already open on this database (process {holder.pid} on host "
        f"{holder.host or '?'}). Close it first."
    )


def _first_line(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as file:
            return file.readline().strip()
    except OSError:
        return ""


def _process_name() -> str:
    """What QLockFile writes as the application: the running program's file name."""
    try:
        return os.path.basename(os.readlink("/proc/self/exe"))
    except OSError:
        return ""


def _lock_contents(command: str) -> bytes:
    machine = _first_line("/etc/machine-id") or _first_line("/var/lib/dbus/machine-id")
    boot = _first_line("/proc/sys/kernel/random/boot_id")
    lines = [str(os.getpid()), _process_name(), socket.gethostname(), machine, boot]
    return ("\n".join([*lines, COMMAND_LINE_PREFIX + command]) + "\n").encode("utf-8")


def _native_lock(fd: int) -> bool:
    """QLockFile's own native locks (flock, then a POSIX write lock) on ``fd``."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _remove_if_stale(path: Path) -> bool:
    """Remove a lock whose process is gone, as QLockFile does: only while holding its native
    locks (a live holder keeps them), and only if it is still stale then."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if not _native_lock(fd):
            return False
        holder = _read_holder(path)
        if holder is None or not _same_host(holder.host) or _running(holder.pid):
            return False
        path.unlink()
        return True
    finally:
        os.close(fd)


class CommandLock:
    """The write lock a command of the command line holds; :meth:`release` gives it back."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    def release(self) -> None:
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = -1


def acquire_command_lock(data_dir: Path, command: str) -> CommandLock:
    """Take the write lock on ``data_dir`` for ``command`` without Qt. LockHeld when a
    window or another command holds it; OSError when no lock file can be written there
    (a missing or read-only folder)."""
    path = lock_path(Path(data_dir))
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if _remove_if_stale(path):
                continue
            raise LockHeld(lock_holder(Path(data_dir)) or _read_holder(path)) from None
        break
    else:
        raise LockHeld(_read_holder(path))
    lock = CommandLock(path, fd)
    try:
        os.write(fd, _lock_contents(command))
        os.fsync(fd)
        if not _native_lock(fd):  # the file is new and ours: only a racing remover
            raise LockHeld(_read_holder(path))
    except BaseException:
        lock.release()
        raise
    return lock


@contextlib.contextmanager
def command_lock(data_dir: Path, command: str) -> Iterator[CommandLock]:
    """Hold the write lock while a command writes; released afterwards, also on error."""
    lock = acquire_command_lock(data_dir, command)
    try:
        yield lock
    finally:
        lock.release()


def held_message(holder: LockHolder | None) -> str:
    """The sentence the second copy shows (translated when a QApplication has translators);
    :func:`held_text` says the same without Qt."""
    from PySide6.QtCore import QCoreApplication

    if holder is None:
        return QCoreApplication.translate(
            "SingleInstance",
            "Complaint Desk is already open on this database. Close it first.",
        )
    if holder.command:
        return QCoreApplication.translate(
            "SingleInstance",
            'The command "complaint-desk {command}" is running on this database (process '
            "{pid} on host {host}). Try again when it has finished.",
        ).format(command=holder.command, pid=holder.pid, host=holder.host or "?")
    return QCoreApplication.translate(
        "SingleInstance",
        "Complaint Desk is already open on this database (process {pid} on host {host}). "
        "Close it first.",
    ).format(pid=holder.pid, host=holder.host or "?")


def lock_or_explain(data_dir: Path, parent: QWidget | None = None) -> QLockFile | None:
    """Take the lock for the window's lifetime, or tell the user who holds it and return None.

    A folder where no lock file can be written returns an unlocked QLockFile: opening the
    database there fails next, and that message names the folder, which helps more.
    """
    from PySide6.QtCore import QCoreApplication, QLockFile
    from PySide6.QtWidgets import QMessageBox

    try:
        lock = acquire_write_lock(data_dir)
    except OSError:
        log.warning("no write lock in %s", data_dir, exc_info=True)
        return QLockFile(str(lock_path(data_dir)))
    if lock is not None:
        return lock
    holder = lock_holder(data_dir)
    if holder is None:
        # Read the holder as Qt sees it (the file may have been written by another host).
        pid, host, app = QLockFile(str(lock_path(data_dir))).getLockInfo()
        holder = (_read_holder(lock_path(data_dir)) or LockHolder(pid, host, app)) if pid else None
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("SingleInstance", "Already open"),
        held_message(holder),
    )
    return None
