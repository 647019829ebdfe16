"""``complaint-desk export-bundle`` and ``import-bundle``: offline exchange with the district.

No Qt. ``export-bundle --since DATE --out FILE.zip`` writes the cases received or updated
since DATE, with their work orders and evidence files and a manifest of SHA-256 sums
(db/exchange/format.py documents the format). ``import-bundle FILE.zip`` reads the work orders and
replies the district sends down, as the outlet head (db.intake.outlets.outlet_head); a bundle that
does not match its manifest is refused whole, naming the member and the reason, and
nothing is written. Importing the same bundle twice creates nothing new.

Once the database has login accounts both ask who is acting (``--user EMPLOYEE_NO`` and the
password, as desktop/cli/maintenance.py describes): the export needs the matrix's
``export``; the import is made as, and attributed to, the person logged in.

A bundle is signed with the outlet's key (``complaint-desk enrolment`` made it), which the
head's password opens: the export asks for it (on standard input, the line after the
user's password). The import checks that the bundle is
signed by the district key the outlet trusts (``complaint-desk trust-district``) and
addressed to this outlet.

Exit codes: 0 done; 1 refused (bad bundle, no head, export impossible); 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.cli import common as cli_common
from desktop.cli.maintenance import UserRefused, acting_user, add_user_option


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export-bundle",
        help="write a case bundle (ZIP with a SHA-256 manifest) for the district branch",
        description="Write the cases received or updated since DATE, their work orders and "
        "evidence files, with a manifest of SHA-256 sums. Customer phone and ID numbers "
        "are masked.",
    )
    export.add_argument("--since", type=_date, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.zip")
    add_user_option(export)
    imp = subparsers.add_parser(
        "import-bundle",
        help="import work orders and replies from a district bundle (ZIP)",
        description="Verify a bundle against its manifest and import its work orders and "
        "replies as the outlet head. A damaged or altered bundle is refused whole and "
        "nothing is written; what is already present is skipped.",
    )
    imp.add_argument("file", type=Path, metavar="FILE.zip")
    add_user_option(imp)


def _open(args: argparse.Namespace) -> bool:
    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}", file=sys.stderr)
        return False
    cli_common.open_database(args, path)
    return True


def cmd_export_bundle(args: argparse.Namespace) -> int:
    from db.errors import WorkflowError
    from db.exchange.export import export_bundle
    from db.exchange.format import BundleError
    from db.intake import outlets
    from db.trust.policy import Action

    if not _open(args):
        return 2
    outlet = outlets.current_outlet()
    if outlet is None:
        print("the outlet is not set up", file=sys.stderr)
        return 1
    try:
        actor = acting_user(args, Action.EXPORT, stdin=sys.stdin, stderr=sys.stderr)
        key = _outlet_key()
        summary = export_bundle(
            args.out, since=args.since, outlet=outlet, actor=actor, signing_key=key
        )
    except UserRefused as error:
        print(f"{args.out}: not written. {error}", file=sys.stderr)
        return 1
    except (BundleError, WorkflowError) as error:  # KeyFileError: a wrong key password
        print(f"{args.out}: not written. {error.message}", file=sys.stderr)
        return 1
    print(
        f"wrote {summary.path} (bundle number {summary.seq}): {summary.cases} cases, "
        f"{summary.events} events, "
        f"{summary.work_orders} work orders, {summary.attachments} attachments "
        f"({summary.size:,} bytes)"
    )
    return 0


def _outlet_key():
    """The outlet's signing key, opened with the head's password (asked for)."""
    from db.trust import outlet_keys
    from desktop.cli.district import _read_line_password

    prompt = "password of the outlet's key (the head's): "
    return outlet_keys.signing_key(_read_line_password(prompt, sys.stdin, sys.stderr))


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from db.exchange.format import BundleError
    from db.exchange.importing import import_bundle
    from db.intake import outlets

    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    if not _open(args):
        return 2
    outlet = outlets.current_outlet()
    head = outlets.outlet_head(outlet) if outlet is not None else None
    if head is None:
        print("the outlet is not set up: no outlet head to import as", file=sys.stderr)
        return 1
    try:
        actor = acting_user(args, None, stdin=sys.stdin, stderr=sys.stderr, writes=True) or head
    except UserRefused as error:
        print(f"{args.file}: refused, nothing written.", file=sys.stderr)
        print(f"  {error}", file=sys.stderr)
        return 1
    try:
        result = import_bundle(args.file, actor)
    except BundleError as error:
        print(f"{args.file}: refused, nothing written.", file=sys.stderr)
        print(f"  {error.message}", file=sys.stderr)
        return 1
    if result.already_imported:
        print(f"{args.file}: bundle number {result.seq} is already imported; nothing changed")
        return 0
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"{args.file}: {result.escalation_results} escalation results; "
        f"{result.work_orders_created} work orders created, "
        f"{result.work_orders_skipped} already present; {result.replies_recorded} replies "
        f"recorded, {result.replies_skipped} already present"
    )
    return 0


COMMANDS = {"export-bundle": cmd_export_bundle, "import-bundle": cmd_import_bundle}
