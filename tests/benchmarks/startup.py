"""Whole-process rows: cold start to the first painted case list, and peak memory.

Each run starts ``python -m tests.benchmarks.launcher app|bare`` (see launcher.py) with
QT_QPA_PLATFORM=offscreen; ``app`` goes through the ``complaint-desk`` entry point. The figure is the monotonic clock at the first Paint of the case
table's viewport minus the clock just before the process was started, so it includes the
interpreter start, every import, opening the database and the first query. The floor is a
bare QMainWindow + QTableView in the same interpreter, measured the same way.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.datasets import REPO
from tests.benchmarks.harness import MB, MS, Row, Target, log
from tests.benchmarks.launcher import MARK


def _start_once(mode: str, data_dir: Path, env: dict) -> dict:
    command = [sys.executable, "-m", "tests.benchmarks.launcher", mode, "--data-dir",
               str(data_dir)]  # fmt: skip
    started = time.monotonic_ns()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(MARK)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"launcher {mode} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result = json.loads(lines[-1][len(MARK) :])
    result["seconds"] = (result["painted_ns"] - started) / 1e9
    # The process's own CPU time up to the first paint: far less noisy than the wall clock
    # on a shared machine, and without the interpreter's exec and the parent's wait.
    result["cpu_ms"] = result.get("painted_cpu_ns", 0) / 1e6
    result["built_seconds"] = (result["built_ns"] - started) / 1e9
    return result


def startup_rows(data_dir: Path, size: int, runs: int) -> list[Row]:
    """Cold start and memory rows for the database in ``data_dir``.

    One untimed start of each kind first (page cache, font cache, .pyc files), then
    ``runs`` starts of each, alternating. The launcher ends the process right after the
    first paint, so no start restores a saved layout and none makes an exit backup.
    """
    with tempfile.TemporaryDirectory(prefix="bench-qt-config-") as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            # The app's QSettings (window layout, sort column, language, backup folder) come
            # from a scratch folder, so the user's own settings neither leak in nor change.
            "XDG_CONFIG_HOME": config,
        }
        # An installed program starts from cached bytecode (pip compiles it; a first run
        # writes __pycache__); a shell with PYTHONDONTWRITEBYTECODE would time compiling
        # every module instead (~140 ms here). The untimed first start writes the caches.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        _start_once("app", data_dir, env)
        _start_once("bare", data_dir, env)
        app_runs, bare_runs = [], []
        for _ in range(runs):
            app_runs.append(_start_once("app", data_dir, env))
            bare_runs.append(_start_once("bare", data_dir, env))

    app_s = statistics.median(r["seconds"] for r in app_runs) * 1000
    built_s = statistics.median(r["built_seconds"] for r in app_runs) * 1000
    bare_s = statistics.median(r["seconds"] for r in bare_runs) * 1000
    app_mb = statistics.median(r["peak_rss_kb"] for r in app_runs) / 1024
    bare_mb = statistics.median(r["peak_rss_kb"] for r in bare_runs) / 1024
    rows_shown = {r["rows"] for r in app_runs}
    log(f"  cold start {app_s:.0f} ms, fully built {built_s:.0f} ms (floor {bare_s:.0f} ms); "
        f"peak RSS {app_mb:.0f} MB (floor {bare_mb:.0f} MB); rows shown {rows_shown}")  # fmt: skip
    samples = ", ".join(f"{r['seconds'] * 1000:.0f}" for r in app_runs)
    app_cpu = statistics.median(r["cpu_ms"] for r in app_runs)
    bare_cpu = statistics.median(r["cpu_ms"] for r in bare_runs)
    log(f"  CPU time at first paint {app_cpu:.0f} ms (floor {bare_cpu:.0f} ms), "
        f"{app_cpu / bare_cpu:.2f}×")  # fmt: skip
    return [
        Row(
            "cold start → first paint of the case list (whole process)",
            size,
            app_s,
            bare_s,
            MS,
            Target(max_ratio=1.5),
            note=f"median of {runs}; app runs {samples} ms; rows painted {sorted(rows_shown)}; "
            f"CPU time at first paint {app_cpu:.0f} ms against {bare_cpu:.0f} ms "
            f"({app_cpu / bare_cpu:.2f}×); started as complaint-desk --data-dir DIR",
        ),
        Row(
            "cold start → window fully built (detail, Today bar, work orders)",
            size,
            built_s,
            bare_s,
            MS,
            Target(),
            note=f"median of {runs}; the list is usable from its first paint on",
        ),
        Row(
            "peak RSS, main window shown, first page painted",
            size,
            app_mb,
            bare_mb,
            MB,
            Target(max_over_floor=80.0),
            note=f"median of {runs}; VmHWM at first paint (getrusage's ru_maxrss in a child "
            "process carries the parent's peak, see launcher.py)",
        ),
    ]
