"""Start-up probe, run as its own process by the benchmark: ``python -m tests.benchmarks.launcher``.

``app`` mode starts the program as the ``complaint-desk`` command does
(``desktop.cli.main.main`` with ``--data-dir``) on a database folder. The only addition
is an event filter on the case table's viewport, installed by a thin subclass of
MainWindow, that notes the first Paint event with the case rows loaded, then waits for the
window's ``fully_built`` (the detail pane, Today bar and work orders built after the first
paint), prints one JSON line and quits. The subclass replaces MainWindow as soon as
``desktop.main_window`` has been imported by the program itself, so the program imports
its modules in its own order (what is imported before PySide6 costs less, see
desktop/app.py). ``bare`` mode is the floor: the same interpreter showing a plain QMainWindow with a
QTableView (a QStandardItemModel of 200 x 9 short strings) and measuring the same event.

The JSON line carries the monotonic clock at first paint (and the process's CPU time then)
and once fully built
(CLOCK_MONOTONIC is system-wide on
Linux, so the parent subtracts the moment it started the process), the peak RSS so far and
the rows shown. Right after the line the process ends with ``os._exit``: what the app does
on the way out (saving the layout, the exit backup) is not start-up, and an exit backup of
a million-case database would write 1.3 GB per run. Every start is therefore a start with
no saved window layout, the same each time; the single-instance lock left behind is stale
(its process is gone) and Qt removes it at the next start.

Peak RSS is ``VmHWM`` from /proc/self/status: the high-water mark of this process image.
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` is also reported, but on Linux it carries the
parent's high-water mark across fork and exec (the kernel folds the replaced image's peak
into it), so a child of a big benchmark process reports the parent's size.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

MARK = "BENCH-FIRST-PAINT "


def _vm_hwm_kb() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _report_and_exit(rows: int, painted: int, painted_cpu: int) -> None:
    payload = {
        "painted_ns": painted,
        "painted_cpu_ns": painted_cpu,
        "built_ns": time.monotonic_ns(),
        "peak_rss_kb": _vm_hwm_kb(),
        "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,  # KiB on Linux
        "rows": rows,
    }
    print(MARK + json.dumps(payload), flush=True)
    sys.stderr.flush()
    os._exit(0)


def _paint_probe(widget, rows_fn, built=None):
    """An event filter that notes the first Paint of ``widget``, then reports and quits
    once ``built`` (a signal) has fired, or right after the paint without one."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        painted: int | None = None
        painted_cpu = 0
        rows = 0
        is_built = built is None

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if self.painted is None and event.type() == QEvent.Type.Paint:
                self.painted = time.monotonic_ns()
                self.painted_cpu = time.process_time_ns()
                self.rows = rows_fn()
                # Report once this paint has finished, then end the process at once.
                QTimer.singleShot(0, self.report_when_built)
            return False

        def on_built(self):
            self.is_built = True
            self.report_when_built()

        def report_when_built(self):
            if self.painted is not None and self.is_built:
                _report_and_exit(self.rows, self.painted, self.painted_cpu)

    probe = Probe(widget)
    widget.installEventFilter(probe)
    if built is not None:
        built.connect(probe.on_built)
    return probe


class _AfterImport:
    """Finds the module ``name`` as Python would and calls ``then(module)`` once it has run;
    used once, then out of the way (a meta path finder: ``find_spec`` is all it needs)."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.then = then

    def find_spec(self, fullname, path, target=None):
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module
        then = self.then

        def exec_module(module: ModuleType) -> None:
            run(module)
            then(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _probe_main_window(module: ModuleType) -> None:
    base = module.MainWindow

    class ProbedMainWindow(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            from PySide6.QtWidgets import QTableView

            table = self.findChild(QTableView, "caseTable")
            self._bench_probe = _paint_probe(
                table.viewport(), lambda: table.model().rowCount(), self.fully_built
            )

    # desktop.app imports MainWindow from the module when it needs it, so this is what it gets.
    module.MainWindow = ProbedMainWindow


def run_app(data_dir: Path) -> int:
    sys.meta_path.insert(0, _AfterImport("desktop.main_window", _probe_main_window))
    from desktop.cli.main import main as complaint_desk

    return complaint_desk(["--data-dir", str(data_dir)])


def run_bare() -> int:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    model = QStandardItemModel(200, 9)
    for row in range(200):
        for column in range(9):
            model.setItem(row, column, QStandardItem(f"{row}-{column}"))
    window = QMainWindow()
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    probe = _paint_probe(table.viewport(), model.rowCount)  # noqa: F841 - kept alive
    window.show()
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("app", "bare"))
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.mode == "app":
        if args.data_dir is None:
            parser.error("app mode needs --data-dir")
        return run_app(args.data_dir)
    return run_bare()


if __name__ == "__main__":
    sys.exit(main())
