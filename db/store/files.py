"""Files that hold customer data, made readable by their owner alone whatever the umask.

The database, its backups, exports, bundles, key files and settings name customers and
staff; on a shared PC a file another account can read is a leak. Every such file is created
0600 and every folder the program makes for them 0700. SQLite gives its -wal, -shm and
-journal files the mode of the database file itself, so a database file made private here
keeps its companions private too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from db.errors import StorageError

FILE_MODE = 0o600
DIR_MODE = 0o700
_POSIX = os.name == "posix"
_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


@contextlib.contextmanager
def refusal_named(path: Path | str) -> Iterator[None]:
    """Turn the disk's refusal (full, read-only) of writing ``path`` into a StorageError that
    names it and says what to do; other OSErrors pass unchanged."""
    try:
        yield
    except OSError as exc:
        if exc.errno in _FULL:
            raise StorageError("file_disk_full", path=str(path)) from exc
        if exc.errno in _READ_ONLY:
            raise StorageError("file_read_only", path=str(path)) from exc
        raise


def make_dirs(folder: Path | str) -> Path:
    """``folder`` and any missing parents, each one created 0700; folders that already exist
    (a folder the user chose) keep their mode."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        if _POSIX:
            os.chmod(each, DIR_MODE)
    return folder


def private_dir(folder: Path | str) -> Path:
    """``folder`` (one of the program's own: data, backups, keys), created if needed and
    made 0700 even when it existed."""
    folder = make_dirs(folder)
    if _POSIX:
        with contextlib.suppress(PermissionError):  # someone else's folder keeps its mode
            os.chmod(folder, DIR_MODE)
    return folder


def private_file(path: Path | str) -> Path:
    """``path`` as an existing file readable by its owner alone: an empty file is created
    0600 when missing, an existing one is narrowed to 0600. Call it before another library
    (SQLite, openpyxl) opens the path, so the file it writes is private from the start."""
    path = Path(path)
    if path.exists():
        if _POSIX:
            # An older version or the umask may have widened it; a read-only medium or
            # someone else's file keeps its mode (opening it will say what is wrong).
            with contextlib.suppress(OSError):
                os.chmod(path, FILE_MODE)
        return path
    make_dirs(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        if _POSIX:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


@contextlib.contextmanager
def open_private(path: Path | str) -> Iterator[BinaryIO]:
    """``path`` opened for writing from empty, created 0600 (narrowed if it existed)."""
    path = Path(path)
    make_dirs(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    if _POSIX:
        try:
            os.fchmod(fd, FILE_MODE)
        except PermissionError:
            pass
        except BaseException:
            os.close(fd)
            raise
    with os.fdopen(fd, "wb") as handle:
        yield handle


def write_private(path: Path | str, data: bytes | str, *, sync: bool = True) -> Path:
    """Write ``data`` to ``path`` whole or not at all, readable by its owner alone: a 0600
    temporary file beside it, flushed to disk, then renamed over ``path``.

    A full disk raises OSError and leaves ``path`` as it was, with no temporary file."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    try:
        with refusal_named(path), open_private(tmp) as handle:
            handle.write(raw)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync:
        sync_dir(path.parent)
    return path


def copy_private(source: Path | str, target: Path | str) -> Path:
    """Copy ``source`` to ``target`` (created 0600, whatever the source's mode), keeping its
    modification time, flushed to disk."""
    target = Path(target)
    with open(source, "rb") as src, refusal_named(target), open_private(target) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())
    stat = os.stat(source)
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return target


def sync_dir(path: Path | str) -> None:
    """Flush a folder's entries (a rename into it); a no-op where folders cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # Windows cannot open a directory; NTFS journals renames itself.
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def writable(folder: Path | str) -> bool:
    """Whether files can be created in ``folder`` (False on a read-only disk, even for root)."""
    return os.access(folder, os.W_OK | os.X_OK)
