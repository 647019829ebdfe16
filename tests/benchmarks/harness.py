"""What every benchmark shares: result rows, paired timing, SQL capture, the Markdown table.

A figure and its floor are always timed in the same run, alternating, so that a busy
moment on a shared machine hits both rather than one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

MS = "ms"
S = "s"
MB = "MB"


def log(message: str) -> None:
    """Progress goes to stderr; stdout carries only the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Target:
    """A row's target: a ratio to the floor, an absolute ceiling, or a margin."""

    max_ratio: float | None = None
    max_figure: float | None = None  # in the row's unit
    max_over_floor: float | None = None  # in the row's unit (memory)

    def text(self, unit: str) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}× floor")
        if self.max_figure is not None:
            parts.append(f"< {self.max_figure:g} {unit}")
        if self.max_over_floor is not None:
            parts.append(f"≤ floor + {self.max_over_floor:g} {unit}")
        return "; ".join(parts) if parts else "—"

    def met(self, figure: float | None, floor: float | None) -> bool | None:
        if figure is None:
            return None
        ok = True
        if self.max_ratio is not None:
            if not floor:
                return None
            ok = ok and figure / floor <= self.max_ratio
        if self.max_figure is not None:
            ok = ok and figure < self.max_figure
        if self.max_over_floor is not None:
            if floor is None:
                return None
            ok = ok and figure <= floor + self.max_over_floor
        if self.max_ratio is None and self.max_figure is None and self.max_over_floor is None:
            return None
        return ok


@dataclass
class Row:
    what: str
    size: int | None
    figure: float | None
    floor: float | None
    unit: str
    target: Target = field(default_factory=Target)
    note: str = ""
    status: str = ""  # e.g. "not built yet"; replaces the numbers when set

    @property
    def ratio(self) -> float | None:
        if self.figure is None or not self.floor:
            return None
        return self.figure / self.floor

    @property
    def met(self) -> bool | None:
        if self.status:
            return None
        return self.target.met(self.figure, self.floor)


@dataclass
class Pair:
    """Medians of a figure and its floor, with every sample kept for the notes."""

    figure: float
    floor: float
    figure_samples: list[float]
    floor_samples: list[float]


def timed_pair(
    figure_fn: Callable[[], object],
    floor_fn: Callable[[], object],
    *,
    runs: int = 7,
    slow_runs: int = 5,
    slow_after: float = 0.25,
) -> Pair:
    """Median wall time (seconds) of each callable, warm: each runs once untimed first.

    The two alternate so that noise from other processes lands on both. A figure whose
    warm-up takes longer than ``slow_after`` seconds gets ``slow_runs`` repeats instead.
    """
    started = time.perf_counter()
    figure_fn()
    warm = time.perf_counter() - started
    floor_fn()
    count = slow_runs if warm > slow_after else runs
    figures: list[float] = []
    floors: list[float] = []
    for _ in range(count):
        t = time.perf_counter()
        figure_fn()
        figures.append(time.perf_counter() - t)
        t = time.perf_counter()
        floor_fn()
        floors.append(time.perf_counter() - t)
    return Pair(statistics.median(figures), statistics.median(floors), figures, floors)


def median_time(fn: Callable[[], object], runs: int = 5) -> float:
    fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


# --- SQL capture and replay ------------------------------------------------------------------


class _SqlCapture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[tuple[str, list]] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.msg
        if isinstance(msg, tuple) and len(msg) == 2 and isinstance(msg[0], str):
            self.statements.append((msg[0], list(msg[1] or ())))


@contextlib.contextmanager
def captured_sql() -> Iterator[list[tuple[str, list]]]:
    """Every statement peewee executes inside the block, as (sql, params).

    peewee logs each statement at DEBUG on the "peewee" logger; the handler is removed on
    exit so the timed runs pay nothing for it.
    """
    logger = logging.getLogger("peewee")
    handler = _SqlCapture()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield handler.statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def _adapt(value: object) -> object:
    """What sqlite3's default adapters would send, without their 3.12 deprecation."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def adapted(statements: list[tuple[str, list]]) -> list[tuple[str, tuple]]:
    return [(sql, tuple(_adapt(p) for p in params)) for sql, params in statements]


def raw_connection(path: os.PathLike | str) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's read-relevant pragmas (same page cache)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cache_size=-32000")
    conn.execute("PRAGMA foreign_keys=1")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def replayer(conn: sqlite3.Connection, statements: list[tuple[str, tuple]]) -> Callable[[], int]:
    """The floor: run the same statements and fetch every row into Python tuples."""

    def run() -> int:
        n = 0
        for sql, params in statements:
            n += len(conn.execute(sql, params).fetchall())
        return n

    return run


# --- machine and table -----------------------------------------------------------------------


def machine_info() -> list[tuple[str, str]]:
    cpu = platform.processor() or "?"
    with contextlib.suppress(OSError):
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "not installed"
    import peewee

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    mem = "?"
    with contextlib.suppress(OSError, ValueError, IndexError):
        with open("/proc/meminfo", encoding="utf-8") as f:
            mem = f"{int(f.readline().split()[1]) // 1024:,} MB"
    return [
        ("CPU", cpu),
        ("cores", str(os.cpu_count())),
        ("memory", mem),
        ("OS", platform.platform()),
        ("Python", sys.version.split()[0]),
        ("SQLite", sqlite3.sqlite_version),
        ("PySide6", pyside),
        ("peewee", peewee.__version__),
        ("load average at start", load),
    ]


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == MB:
        return f"{value:.0f} MB"
    if unit == S:
        return f"{value:.2f} s"
    if value < 1:
        return f"{value:.2f} ms"
    if value < 100:
        return f"{value:.1f} ms"
    return f"{value:.0f} ms"


def _size(size: int | None) -> str:
    if size is None:
        return "—"
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1000 and size % 1000 == 0:
        return f"{size // 1000}k"
    return str(size)


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| what | size | figure (median) | floor (same run) | ratio | target | met? |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if row.status:
            cells = [
                row.what,
                _size(row.size),
                row.status,
                "—",
                "—",
                row.target.text(row.unit),
                "—",
            ]
        else:
            ratio = row.ratio
            met = row.met
            cells = [
                row.what,
                _size(row.size),
                _num(row.figure, row.unit),
                _num(row.floor, row.unit),
                f"{ratio:.2f}×" if ratio is not None else "—",
                row.target.text(row.unit),
                {True: "yes", False: "**NO**", None: "—"}[met],
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
