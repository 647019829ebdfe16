"""The window on a data folder that cannot be written: the message box says so and what to
do, in the user's words, not a class name and a traceback."""

from __future__ import annotations

import subprocess

import pytest

from db import demo
from db.store.database import close_database, database_path, open_database
from desktop import app
from tests.db.store.test_storage_failures import mount_tmpfs, unmount


def test_a_read_only_data_folder_is_explained_at_start(qapp, tmp_path):
    disk = tmp_path / "disk"
    mount_tmpfs(disk, "20m")
    try:
        path = database_path(disk / "data")
        open_database(path)
        demo.fill_demo(2, seed=3)
        close_database()
        remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
        if remount.returncode != 0:
            pytest.skip("cannot remount a filesystem read-only here")
        error = app._open_database(path, demo=False)  # noqa: SLF001
        close_database()
        assert error == (
            f"The data folder {disk / 'data'} cannot be written (a read-only disk or folder): "
            "nothing was changed. Copy the folder to a writable disk, or make it writable, "
            "and run it again there."
        )
    finally:
        close_database()
        unmount(disk)
        # Leave the models bound to a file that still exists, as every other test does, so
        # nothing later in this process reconnects to the unmounted folder.
        open_database(database_path(tmp_path / "after"))
        close_database()
