"""``complaint-desk import-workorders FILE``: superior work orders from a CSV or XLSX file.

No Qt. This is how work orders reach an offline outlet from a scheduled job or a USB stick.
Once the database has login accounts, whoever imports says so with ``--user`` and the
password (desktop/cli/maintenance.py acting_user); without accounts the outlet head is
assumed. Nothing is imported while a window has the database open. The file is refused whole when any row
is bad (db.workorders.orders.import_workorders): the row and the reason are printed and nothing is
written. Importing the same file twice creates nothing new.

Exit codes: 0 imported; 1 refused (bad file, no head, no login); 2 bad usage (no database, no file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.maintenance import UserRefused, acting_user, add_user_option


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-workorders",
        help="import superior work orders (工单) from a CSV or XLSX file",
        description="Import superior work orders from a .csv (UTF-8 or GBK) or .xlsx file, as "
        "the --user logged in (the outlet head while the database has no accounts). A file with any bad row is refused whole and nothing is written; "
        "work orders already present are skipped.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the .csv or .xlsx file")
    add_user_option(parser)


def cmd_import_workorders(args: argparse.Namespace) -> int:
    from db.intake import outlets
    from db.workorders.orders import WorkOrderImportError, import_workorders
    from desktop.cli import common as cli_common

    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}", file=sys.stderr)
        return 2
    cli_common.open_database(args, path)
    outlet = outlets.current_outlet()
    head = outlets.outlet_head(outlet) if outlet is not None else None
    if head is None:
        print("the outlet is not set up: no outlet head to import as", file=sys.stderr)
        return 1
    try:
        actor = acting_user(args, None, stdin=sys.stdin, stderr=sys.stderr, writes=True) or head
    except UserRefused as error:
        print(f"{args.file}: not imported, nothing written.", file=sys.stderr)
        print(f"  {error}", file=sys.stderr)
        return 1
    try:
        result = import_workorders(args.file, actor)
    except WorkOrderImportError as error:
        print(f"{args.file}: not imported, nothing written.", file=sys.stderr)
        print(f"  {error.message}", file=sys.stderr)
        return 1
    print(f"{args.file}: {result.created} created, {result.skipped} already present")
    return 0


COMMANDS = {"import-workorders": cmd_import_workorders}
