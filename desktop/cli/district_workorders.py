"""The district's work orders on the command line (``complaint-desk district workorders``).
No Qt.

- ``workorders import FILE`` enters the work orders of a CSV or XLSX file in the outlet's
  format, with an optional ``outlet`` (网点代码) column, in one transaction; a bad row or an
  outlet not enrolled refuses the whole file, naming the row (db/district/workorders.py);
- ``workorders assign SOURCE NUMBER --outlet CODE`` gives a work order not yet sent down to
  an enrolled outlet (SOURCE as in the file: 95580, 12378, 上级机构, 信访 or the codes);
- ``workorders list [--outlet CODE] [--source SOURCE] [--state STATE]`` prints where each
  stands against its reply-by (db/district/workorder_queries.py), newest first.

desktop/cli/district.py adds these to its ``district`` command and hands each handler the
way it opens the district database and names the officer.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

STATE_WORDS = {
    "unassigned": "not assigned",
    "to_send": "to send down",
    "sent": "sent, awaiting reply",
    "overdue": "OVERDUE, no reply",
    "replied_on_time": "replied on time",
    "replied_late": "replied LATE",
}

Handler = Callable[..., int]


def add_subcommands(
    commands: argparse._SubParsersAction, add_options: Callable[[argparse.ArgumentParser], None]
) -> None:
    from db.district import workorder_queries as wq

    orders = commands.add_parser(
        "workorders",
        help="the work orders from 95580, 12378, superior offices and petitions: import, "
        "assign, list",
        description="The district's work orders, sent down to the outlets.",
    )
    add_options(orders)
    sub = orders.add_subparsers(dest="workorders_command")
    imp = sub.add_parser(
        "import",
        help="enter the work orders of a CSV or XLSX file, in one transaction",
        description="Enter every work order of a CSV or XLSX file (the outlet's format, "
        "with an optional outlet column, 网点代码). A bad row, or an outlet not enrolled, "
        "refuses the whole file naming the row; one already entered is skipped.",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    add_options(imp)
    assign = sub.add_parser("assign", help="give a work order not yet sent down to an outlet")
    assign.add_argument("source", metavar="SOURCE", help="95580, 12378, 上级机构, 信访 or a code")
    assign.add_argument("number", metavar="NUMBER")
    assign.add_argument("--outlet", required=True, metavar="CODE")
    add_options(assign)
    listing = sub.add_parser("list", help="where each work order stands against its reply-by")
    listing.add_argument("--outlet", metavar="CODE", default=None)
    listing.add_argument("--source", metavar="SOURCE", default=None)
    listing.add_argument("--state", choices=[*wq.STATES, wq.STATE_OPEN], default=None)
    add_options(listing)


def _source(text: str) -> str:
    from db.workorders.orders import parse_source

    return parse_source(text)


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "-"


def handlers(open_district: Callable[..., str | None], officer: Callable[[object], str]) -> dict:
    """The ``workorders`` handler, given district.py's way to open the database
    (``open_district(args, stderr, migrate=False)``) and to name the officer."""

    def run(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
        command = getattr(args, "workorders_command", None)
        if command not in ("import", "assign", "list"):
            print("give a subcommand: complaint-desk district workorders import | assign | list",
                  file=stderr)  # fmt: skip
            return 2
        if command == "import" and not args.file.is_file():
            print(f"no such file: {args.file}", file=stderr)
            return 2
        if open_district(args, stderr, migrate=False) is None:
            return 1
        return {"import": _import, "assign": _assign, "list": _list}[command](
            args, officer(args), stdout, stderr
        )

    return {"workorders": run}


def _import(args, officer: str, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import workorders
    from db.errors import WorkflowError

    try:
        result = workorders.import_work_orders(args.file, actor=officer)
    except WorkflowError as error:
        print(f"{args.file}: refused, nothing written.", file=stderr)
        print(f"  {error.message}", file=stderr)
        return 1
    unassigned = result.created - result.assigned
    print(f"{args.file}: {result.created} work orders entered ({result.assigned} assigned to "
          f"their outlet, {unassigned} not assigned yet), {result.skipped} already entered",
          file=stdout)  # fmt: skip
    if result.skipped_numbers:
        print("  already entered: " + ", ".join(result.skipped_numbers), file=stdout)
    return 0


def _assign(args, officer: str, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import workorders
    from db.errors import WorkflowError

    try:
        source = _source(args.source)
        wo = workorders.assign_work_order(source, args.number.strip(), args.outlet.strip(),
                                          actor=officer)  # fmt: skip
    except WorkflowError as error:
        print(f"not assigned. {error.message}", file=stderr)
        return 1
    print(f"work order {wo.source} {wo.number} goes to outlet {wo.outlet_code} with the next "
          "bundle down (complaint-desk district send)", file=stdout)  # fmt: skip
    return 0


def _list(args, officer: str, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import workorder_queries as wq
    from db.errors import WorkflowError

    try:
        source = _source(args.source) if args.source else None
    except WorkflowError as error:
        print(error.message, file=stderr)
        return 2
    flt = wq.WorkOrderFilter(outlet_code=args.outlet, source=source, state=args.state)
    at = dt.datetime.now().replace(microsecond=0)
    rows = wq.work_order_page(flt, at=at, limit=100_000)
    print("state                  source           number           outlet   received         "
          "reply by         replied", file=stdout)  # fmt: skip
    for r in rows:
        print(f"{STATE_WORDS.get(r.state, r.state):<22} {r.source:<16} {r.number:<16} "
              f"{r.outlet_code or '-':<8} {_time(r.received_at)} {_time(r.reply_by)} "
              f"{_time(r.replied_at)}", file=stdout)  # fmt: skip
    print(f"{len(rows)} work orders", file=stdout)
    return 0
