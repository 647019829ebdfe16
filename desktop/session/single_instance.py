"""One writer per database: a lock file in the data folder, held while the window is open.

Two copies of the program on one database would each keep their own view of it (the case
list, the next case number, a restore under the other's feet). SQLite itself would stay
consistent, but the people using them would not, so the second copy says who holds the
database and stops.

The lock is a QLockFile. It is never considered stale by age (``setStaleLockTime(0)``): the
window may stay open for weeks. Qt removes it as stale only when the process that wrote it
is gone from this computer, e.g. after a crash or a power cut. ``lock_holder`` reads the
same file without Qt, so that ``complaint-desk restore`` can refuse while the window is open.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOCK_FILENAME = "complaint-desk.lock"


@dataclass(frozen=True)
class LockHolder:
    """The process that holds the write lock, as its lock file says."""

    pid: int
    host: str
    app: str


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
    return LockHolder(pid, host, app)


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


def held_message(holder: LockHolder | None) -> str:
    """The sentence the second copy shows (translated when a QApplication has translators)."""
    from PySide6.QtCore import QCoreApplication

    if holder is None:
        return QCoreApplication.translate(
            "SingleInstance",
            "Complaint Desk is already open on this database. Close it first.",
        )
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
        holder = LockHolder(pid, host, app) if pid else None
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("SingleInstance", "Already open"),
        held_message(holder),
    )
    return None
