"""The targets the district sets for its outlets, on the command line
(``complaint-desk district targets``). No Qt.

- ``targets set --period P --metric METRIC --value V [--outlet CODE]`` sets one target, for
  one outlet or, without ``--outlet``, for all outlets (an outlet's own target wins);
  ``--clear`` instead of ``--value`` removes it. The check is db/district/targets.py's, the
  outlet's own rule for a target (db/management/targets.py);
- ``targets list --period P`` prints the targets set for exactly that period.

desktop/cli/district.py adds these to its ``district`` command and hands each handler the
way it opens the district database and names the officer.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

ALL_OUTLETS_WORD = "all outlets"


def add_subcommands(
    commands: argparse._SubParsersAction, add_options: Callable[[argparse.ArgumentParser], None]
) -> None:
    from db.management.targets import METRICS

    metrics = ", ".join(METRICS)
    targets = commands.add_parser(
        "targets",
        help="the outlets' complaint targets the district sets (Art. 5): set, list",
        description="The targets the district sets for its outlets, per year, quarter or "
        "month: for one outlet, or for all outlets (an outlet's own target wins).",
    )
    add_options(targets)
    sub = targets.add_subparsers(dest="targets_command")
    put = sub.add_parser(
        "set",
        help="set or clear one target, for an outlet or for all outlets",
        description=f"Set one target. METRIC is one of: {metrics}. A count is a whole "
        "number (the most it may reach), callback_satisfaction a percentage (the least).",
    )
    put.add_argument("--period", required=True, metavar="PERIOD", help="2026, 2026-Q1 or 2026-03")
    put.add_argument("--metric", required=True, metavar="METRIC")
    value = put.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", metavar="V")
    value.add_argument("--clear", action="store_true", help="remove the target")
    put.add_argument("--outlet", metavar="CODE", default=None,
                     help="the outlet (default: all outlets)")  # fmt: skip
    add_options(put)
    listing = sub.add_parser("list", help="the targets set for a period")
    listing.add_argument("--period", required=True, metavar="PERIOD")
    add_options(listing)


def handlers(open_district: Callable[..., str | None], officer: Callable[[object], str]) -> dict:
    """The ``targets`` handler, given district.py's way to open the database
    (``open_district(args, stderr, migrate=False)``) and to name the officer."""

    def run(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
        command = getattr(args, "targets_command", None)
        if command not in ("set", "list"):
            print("give a subcommand: complaint-desk district targets set | list", file=stderr)
            return 2
        if open_district(args, stderr, migrate=False) is None:
            return 1
        return {"set": _set, "list": _list}[command](args, officer(args), stdout, stderr)

    return {"targets": run}


def _set(args, officer: str, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import targets
    from db.errors import WorkflowError
    from db.management.targets import as_period, validate_target

    outlet = args.outlet.strip() if args.outlet is not None else targets.ALL_OUTLETS
    cell = targets.DistrictTargetCell(outlet, args.period, args.metric.strip(),
                                      None if args.clear else args.value)  # fmt: skip
    try:
        targets.set_targets(officer, [cell])
    except WorkflowError as error:
        print(f"refused, nothing written. {error.message}", file=stderr)
        return 1
    period = as_period(args.period)
    whom = f"outlet {outlet}" if outlet else ALL_OUTLETS_WORD
    if args.clear:
        print(f"{cell.metric} of {period} for {whom}: no target now", file=stdout)
    else:
        value = validate_target(cell.metric, args.value)
        print(f"{cell.metric} of {period} for {whom}: target {value:g}", file=stdout)
    return 0


def _list(args, officer: str, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import targets
    from db.errors import WorkflowError
    from db.management.targets import as_period

    try:
        rows = targets.targets_for(args.period)
    except WorkflowError as error:
        print(error.message, file=stderr)
        return 2
    print("outlet                  metric                  target  set by       set at",
          file=stdout)  # fmt: skip
    for r in rows:
        who = f"{r.outlet_code} {r.outlet_name}" if r.outlet_code else ALL_OUTLETS_WORD
        when = r.set_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{who:<23} {r.metric:<23} {r.value:>6g}  {r.set_by:<12} {when}", file=stdout)
    print(f"{len(rows)} targets for {as_period(args.period)}", file=stdout)
    return 0
