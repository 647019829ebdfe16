"""tests/cli_process.run_cli gives what ``python -m desktop`` run by subprocess gives: the
same exit code and output, in the environment and folder asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.intake import outlets
from db.store.database import close_database, database_path, open_database
from tests.cli_process import ROOT, run_cli
from tests.db.conftest import OUTLET_SETUP


def spawned(*args: str, env=None, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )  # fmt: skip


def test_the_same_code_and_output_as_a_new_interpreter(tmp_path: Path):
    folder = tmp_path / "data"
    open_database(database_path(folder))
    outlets.setup_outlet(OUTLET_SETUP)
    close_database()
    for args in (
        ("info", "--data-dir", str(folder)),
        ("info", "--data-dir", str(tmp_path / "nothing")),
        ("no-such-command",),
        ("verify", str(tmp_path / "missing.pdf")),
    ):
        forked, new = run_cli(*args), spawned(*args)
        assert (forked.returncode, forked.stdout, forked.stderr) == (
            new.returncode,
            new.stdout,
            new.stderr,
        ), args
    assert "outlet: 北京市东城区建国门邮政支局" in run_cli("info", "--data-dir", str(folder)).stdout


def test_the_environment_and_folder_asked_for_are_the_ones_it_runs_in(tmp_path: Path):
    # A relative --data-dir is read from the working folder.
    folder = tmp_path / "data"
    open_database(database_path(folder))
    outlets.setup_outlet(OUTLET_SETUP)
    close_database()
    here = run_cli("info", "--data-dir", "data", cwd=tmp_path)
    assert here.returncode == 0 and "BJ0101" in here.stdout
    elsewhere = run_cli("info", "--data-dir", "data", cwd=ROOT)
    assert elsewhere.returncode != 0
    # Without --data-dir the folder comes from XDG_DATA_HOME, in this run only.
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
    forked, new = run_cli("info", env=env), spawned("info", env=env)
    assert str(tmp_path / "xdg") in forked.stdout + forked.stderr
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        new.returncode,
        new.stdout,
        new.stderr,
    )
    assert str(tmp_path / "xdg") not in run_cli("info").stdout + run_cli("info").stderr


def test_a_run_past_its_time_out_is_killed_and_the_next_run_works(tmp_path: Path):
    # A demo of 20,000 complaints takes far longer than half a second.
    folder = tmp_path / "demo"
    with pytest.raises(subprocess.TimeoutExpired):
        run_cli("demo", "--cases", "20000", "--data-dir", str(folder), timeout=0.5)
    after = run_cli("info", "--data-dir", str(tmp_path / "nothing"))
    assert after.returncode == 1 and "no database at" in after.stdout
