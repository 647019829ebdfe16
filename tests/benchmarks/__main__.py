"""Run every benchmark and print the table: ``python -m tests.benchmarks``.

Options: ``--sizes 100000,1000000`` (the default), ``--quick`` (20,000 cases only),
``--data DIR`` (cached databases, default ``bench-data/``), ``--skip-demo`` (reuse the
cached databases without timing a fresh ``complaint-desk demo``). The table goes to stdout
and, with the machine and the notes, to ``tests/benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from tests.benchmarks import datasets, report_rows, startup
from tests.benchmarks.datasets import REPO
from tests.benchmarks.harness import Row, S, Target, log, machine_info, markdown_table
from tests.benchmarks.query_rows import QueryBench

RESULTS = Path(__file__).with_name("RESULTS.md")


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def demo_row(data: Path, size: int) -> tuple[Row, Path]:
    """Time a fresh ``complaint-desk demo --cases N`` against its floor (demo_floor.py)."""
    fresh = data / f"fresh-{size}"
    log(f"  timing complaint-desk demo --cases {size:,}")
    cli = datasets.run_cli_demo(fresh, size)
    log(f"  CLI {cli:.1f} s; timing the raw executemany floor")
    floor = datasets.demo_floor(size, data / f"floor-{size}")
    log(
        f"  floor {floor['floor']:.1f} s (insert {floor['insert']:.1f} s + FTS rebuild "
        f"{floor['rebuild']:.1f} s; generating the rows, untimed: {floor['generate']:.1f} s)"
    )
    row = Row(
        f"complaint-desk demo --cases {size:,} (whole process)",
        size,
        cli,
        floor["floor"],
        S,
        Target(max_ratio=3.0),
        note=(
            f"one run each; floor = executemany {floor['insert']:.2f} s + FTS rebuild "
            f"{floor['rebuild']:.2f} s; generating the rows in Python (not in the floor) "
            f"{floor['generate']:.2f} s"
        ),
    )
    return row, fresh


def run(args: argparse.Namespace) -> list[Row]:
    data: Path = args.data
    data.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    for size in args.sizes:
        log(f"== {size:,} cases ==")
        fresh = None
        if not args.skip_demo:
            row, fresh = demo_row(data, size)
            rows.append(row)
        path = datasets.ensure_database(data, size, fresh_build=fresh)
        if fresh is not None and fresh.exists():
            shutil.rmtree(fresh)
        case_id = datasets.case_with_events(path)

        log("  start-up and memory")
        rows.extend(startup.startup_rows(path.parent, size, args.start_runs))

        log("  queries")
        bench = QueryBench(path, size, args.runs)
        try:
            rows.extend(bench.rows())
            rows.append(bench.open_case_row(case_id))
        finally:
            bench.close()

        log("  reports")
        rows.extend(report_rows.rows(path, size, case_id))
    return rows


def write_results(rows: list[Row], args: argparse.Namespace, started: float, info) -> str:
    table = markdown_table(rows)
    misses = [r for r in rows if r.met is False]
    lines = [
        "# Benchmark results",
        "",
        f"`python -m tests.benchmarks --sizes {','.join(str(s) for s in args.sizes)}`, "
        f"run {time.strftime('%Y-%m-%d %H:%M')}, took {time.time() - started:.0f} s.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in info],
        "",
        table,
        "",
        f"Targets missed: {len(misses)} of {sum(1 for r in rows if r.met is not None)}.",
        "",
        "## Notes per row",
        "",
        *[f"- {r.what} ({r.size:,}): {r.note}" for r in rows if r.note and r.size],
        "",
        "Query figures are warm (each runs once untimed, then figure and floor alternate); "
        "start-up figures are whole processes after one untimed start of each kind. "
        "See README.md for what each row measures.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=[100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true", help="20,000 cases only")
    parser.add_argument("--data", type=Path, default=REPO / "bench-data")
    parser.add_argument("--runs", type=int, default=7, help="timed repeats per query row")
    parser.add_argument("--start-runs", type=int, default=5, help="timed starts of each kind")
    parser.add_argument("--skip-demo", action="store_true", help="do not time the demo CLI")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = [20_000]
    started = time.time()
    info = machine_info()
    rows = run(args)
    text = write_results(rows, args, started, info)
    print(markdown_table(rows))
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
        log(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
