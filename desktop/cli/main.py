"""Command line: ``complaint-desk`` starts the window; subcommands work without a screen.

Subcommands never import Qt, so they start fast and run in scheduled jobs.

Writing a report or the ledger to a file is an export (permission matrix, ``export``; an
unmasked one also ``reveal_customer_data``): once the database has login accounts these
commands take ``--user EMPLOYEE_NO`` and a password, as backup and restore do
(desktop/cli/maintenance.py). ``verify`` and ``info`` only read and ask nobody.

``--data-dir``, ``--demo`` and ``--lang`` may stand before or after a subcommand's name
(desktop/cli/common.py adds them to every subcommand and merges them). A subcommand
module exposes ``add_subcommands(subparsers)`` and ``COMMANDS`` (name -> function of the
parsed arguments returning the exit code), is listed in :data:`SUBCOMMAND_MODULES` and
finds its database with ``cli_common.data_dir(args)``. It need not declare those options
(one it declares is taken over); a subcommand that opens no outlet database says so with
``cli_common.without_database(parser)``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import common as cli_common

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

# The commands that write the outlet's database: each holds the window's lock while it
# runs (desktop/session/single_instance.py command_lock), so a window started meanwhile is
# refused naming the command, and two of them never interleave. A backup only reads (the
# online backup API), so a scheduled one runs beside an open window.
WRITING_COMMANDS = (
    "demo",
    "import-workorders",
    "import-bundle",
    "export-bundle",
    "restore",
    "encrypt",
    "recover",
)


def _subcommand_modules() -> tuple[ModuleType, ...]:
    """The modules adding subcommands (:data:`SUBCOMMAND_MODULES`): each has
    ``add_subcommands(subparsers)`` and ``COMMANDS``."""
    names = globals()
    if "SUBCOMMAND_MODULES" not in names:
        from desktop.cli import bundle, encryption, workorders

        names["SUBCOMMAND_MODULES"] = (workorders, bundle, encryption)
    return names["SUBCOMMAND_MODULES"]


def _commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    """Subcommand name -> the function running it (:data:`COMMANDS`), made once."""
    names = globals()
    if "COMMANDS" not in names:
        names["COMMANDS"] = {
            "demo": cmd_demo,
            "info": cmd_info,
            "report": cmd_report,
            "verify": cmd_verify,
            "export-ledger": cmd_export_ledger,
            **{
                name: run
                for module in _subcommand_modules()
                for name, run in module.COMMANDS.items()
            },
        }
    return names["COMMANDS"]


def __getattr__(name: str) -> object:
    """``SUBCOMMAND_MODULES`` and ``COMMANDS``, made when first asked for: the window's start
    (no subcommand) needs none of the subcommands' modules, so ``complaint-desk`` alone does
    not import them."""
    if name == "SUBCOMMAND_MODULES":
        return _subcommand_modules()
    if name == "COMMANDS":
        return _commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_parser() -> argparse.ArgumentParser:
    from desktop.cli import district as cli_district
    from desktop.cli import maintenance as cli_maintenance

    parser = argparse.ArgumentParser(
        prog="complaint-desk",
        description="Complaint Desk (网点投诉处理台): on-site complaint handling for an outlet.",
    )
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser(
        "demo",
        help="fill an empty or demo database with demo complaints",
        description="Add demo complaints, handled through the program's own rules and "
        "audit trail. Only an empty database, the demo database (--demo) or one this "
        "command filled before is accepted: the demo writes without a login.",
    )
    demo.add_argument("--cases", type=int, default=1000, help="how many complaints to add")
    demo.add_argument("--seed", type=int, default=20261128, help="random seed")
    info = sub.add_parser("info", help="show the database location, schema version and counts")
    cli_maintenance.add_user_option(info)
    _add_report_commands(sub)
    cli_maintenance.add_subcommands(sub)
    for module in _subcommand_modules():
        module.add_subcommands(sub)
    cli_district.add_subcommands(sub)
    cli_common.install(parser)
    return parser


def _add_report_commands(sub) -> None:
    from desktop.cli import maintenance as cli_maintenance

    report = sub.add_parser("report", help="write a PDF report")
    kinds = report.add_subparsers(dest="report_kind", required=True)
    incident = kinds.add_parser("incident", help="the incident report (投诉事件报告) of one case")
    incident.add_argument("case_no", metavar="CASE_NO", help="case number, e.g. JSL01-2026-000001")
    incident.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    incident.add_argument(
        "--reveal",
        action="store_true",
        help="print the customer's full name, phone and ID number (masked by default)",
    )
    cli_maintenance.add_user_option(incident)
    assessment = kinds.add_parser(
        "assessment", help="the assessment report (考核报告) of a year, quarter or month"
    )
    assessment.add_argument(
        "--period", required=True, metavar="PERIOD", help="2026, 2026-Q3 or 2026-07"
    )
    assessment.add_argument(
        "--staff", metavar="EMPLOYEE_NO", help="one staff member's assessment instead"
    )
    assessment.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    cli_maintenance.add_user_option(assessment)
    escalation = kinds.add_parser(
        "escalation", help="the escalation report (投诉升级报告) sent up for one case"
    )
    escalation.add_argument("case_no", metavar="CASE_NO", help="case number")
    escalation.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    cli_maintenance.add_user_option(escalation)

    verify = sub.add_parser(
        "verify", help="check that a report still matches the database (exit 0 if it does)"
    )
    verify.add_argument("file", type=Path, nargs="?", metavar="FILE.pdf")
    verify.add_argument(
        "--code", metavar="TEXT", help="verify a scanned or typed code (CD-VERIFY:...) instead"
    )

    ledger = sub.add_parser("export-ledger", help="write the complaint ledger (投诉台账) as XLSX")
    period = ledger.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=int, metavar="YYYY")
    period.add_argument(
        "--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help="first day (with --to)"
    )
    ledger.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="last day")
    ledger.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    ledger.add_argument("--reveal", action="store_true", help="unmasked customer data")
    cli_maintenance.add_user_option(ledger)


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def cmd_demo(args: argparse.Namespace) -> int:
    from db import demo
    from db.store.database import database_path
    from desktop.cli import maintenance as cli_maintenance

    if args.cases < 0:
        print("--cases must be 0 or more", file=sys.stderr)
        return 2
    folder = cli_common.data_dir(args)
    path = database_path(folder)
    try:
        cli_maintenance.refuse_while_open(args)
    except cli_maintenance.UserRefused as refusal:
        print(f"{path}: no demo data written. {refusal}.", file=sys.stderr)
        return 1
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,} cases", end="", file=sys.stderr, flush=True)

    try:
        added = demo.load_demo(
            path,
            args.cases,
            seed=args.seed,
            demo_folder=cli_common.is_demo_folder(folder),
            progress=progress,
        )
    except demo.DemoRefused as refusal:
        print(f"{path}: no demo data written. {refusal}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"\nadded {added:,} demo cases to {path} in {elapsed:.1f} s", file=sys.stderr)
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from db.intake import outlets
    from db.store.database import is_encrypted, latest_schema_version, schema_version
    from db.store.models import Case

    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}")
        return 1
    if is_encrypted(path) and not getattr(args, "user", None):
        print(f"database: {path} (encrypted; --user EMPLOYEE_NO shows the rest)")
        return 0
    db = cli_common.open_database(args, path)
    outlet = outlets.current_outlet()
    print(f"database: {path}")
    print(f"schema version: {schema_version(db)} of {latest_schema_version()}")
    print(f"outlet: {outlet.name} ({outlet.code})" if outlet else "outlet: not set up")
    print(f"cases: {Case.select().count()}")
    return 0


def _open_existing(args: argparse.Namespace) -> bool:
    """Open the database for a report command; never create an empty one by mistake."""
    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}", file=sys.stderr)
        return False
    cli_common.open_database(args, path)
    return True


_REFUSED = object()


def _exporter(args: argparse.Namespace):
    """Who writes this file: None without accounts; ``_REFUSED`` (said on stderr) when
    the login or the matrix's ``export`` refuses."""
    from db.trust.policy import Action
    from desktop.cli import maintenance as cli_maintenance

    try:
        return cli_maintenance.acting_user(args, Action.EXPORT, stdin=sys.stdin, stderr=sys.stderr)
    except cli_maintenance.UserRefused as error:
        print(f"{args.out}: not written. {error}", file=sys.stderr)
        return _REFUSED


def cmd_report(args: argparse.Namespace) -> int:
    if args.report_kind == "assessment":
        return _report_assessment(args)
    if args.report_kind == "escalation":
        return _report_escalation(args)
    from db.errors import WorkflowError
    from db.reporting import report_data
    from desktop.reports.incident import write_incident_report

    if not _open_existing(args):
        return 2
    actor = _exporter(args)
    if actor is _REFUSED:
        return 1
    started = time.perf_counter()
    try:
        data = report_data.incident_report_data_by_number(
            args.case_no, reveal=args.reveal, actor=actor
        )
    except report_data.CaseNotFound:
        print(f"no case numbered {args.case_no}", file=sys.stderr)
        return 1
    except WorkflowError as error:
        print(f"{args.out}: not written. {error.message}", file=sys.stderr)
        return 1
    write_incident_report(data, args.out)
    elapsed = time.perf_counter() - started
    print(f"wrote {args.out} ({report_data.verification_code(data)}) in {elapsed:.2f} s")
    return 0


def _report_assessment(args: argparse.Namespace) -> int:
    from db.errors import WorkflowError
    from db.management.targets import Period
    from db.reporting import assessment_data as ad
    from desktop.reports.assessment import write_assessment_report

    if not _open_existing(args):
        return 2
    if _exporter(args) is _REFUSED:
        return 1
    try:
        period = Period.parse(args.period)
    except WorkflowError:
        print(f"not a period: {args.period!r} (expected 2026, 2026-Q3 or 2026-07)",
              file=sys.stderr)  # fmt: skip
        return 2
    started = time.perf_counter()
    try:
        data = ad.assessment_data(period, staff_employee_no=args.staff)
    except LookupError as error:  # an unknown employee number, or no outlet set up
        print(error, file=sys.stderr)
        return 1
    code = write_assessment_report(data, args.out)
    elapsed = time.perf_counter() - started
    print(f"wrote {args.out} ({code}) in {elapsed:.2f} s")
    return 0


def _report_escalation(args: argparse.Namespace) -> int:
    from db.reporting import assessment_data as ad
    from db.reporting.report_data import CaseNotFound
    from desktop.reports.escalation import write_escalation_report

    if not _open_existing(args):
        return 2
    if _exporter(args) is _REFUSED:
        return 1
    started = time.perf_counter()
    try:
        data = ad.escalation_report_data_by_number(args.case_no)
    except CaseNotFound:
        print(f"no case numbered {args.case_no}", file=sys.stderr)
        return 1
    except ad.NoEscalation:
        print(f"case {args.case_no} was never escalated", file=sys.stderr)
        return 1
    write_escalation_report(data, args.out)
    elapsed = time.perf_counter() - started
    print(f"wrote {args.out} in {elapsed:.2f} s")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.reports import verify

    if (args.file is None) == (args.code is None):
        print("give either FILE.pdf or --code TEXT", file=sys.stderr)
        return 2
    if args.file is not None and not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    if not _open_existing(args):
        return 2
    if args.file is not None:
        result = verify.verify_pdf(args.file)
    else:
        result = verify.verify_text(args.code)
    if args.file is not None and (kind := verify.other_report_kind(args.file)):
        print(f"{args.file} is an {kind} report: only incident reports can be verified.")
        return 1
    label = "OK" if result.ok else "MISMATCH"
    subject = f" {result.case_no}" if result.case_no else ""
    print(f"{label}{subject}: {result.message}")
    if result.printed_code:
        print(f"  code in the report:    {result.printed_code}")
    if result.current_code and not result.ok:
        print(f"  code from the database: {result.current_code}")
    return 0 if result.ok else 1


def cmd_export_ledger(args: argparse.Namespace) -> int:
    from db.errors import WorkflowError
    from db.intake import outlets
    from db.reporting import report_data
    from db.store.models import now
    from desktop.reports.ledger import LedgerInfo, write_ledger_xlsx

    if args.year is None and args.date_to is None:
        print("--from needs --to", file=sys.stderr)
        return 2
    if args.year is not None and args.date_to is not None:
        print("--to goes with --from, not with --year", file=sys.stderr)
        return 2
    if not _open_existing(args):
        return 2
    period = {"year": args.year, "start": args.date_from, "end": args.date_to}
    try:
        report_data.period_bounds(**period)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    actor = _exporter(args)
    if actor is _REFUSED:
        return 1
    outlet = outlets.current_outlet()
    try:  # the matrix is checked here, before anything is written
        rows = report_data.ledger_rows(**period, outlet=outlet, reveal=args.reveal, actor=actor)
    except WorkflowError as error:
        print(f"{args.out}: not written. {error.message}", file=sys.stderr)
        return 1
    label = str(args.year) if args.year else f"{args.date_from} – {args.date_to}"
    info = LedgerInfo(
        outlet=outlet.name if outlet else "",
        period=label,
        generated_at=now(),
        masked=not args.reveal,
    )
    started = time.perf_counter()
    total = report_data.ledger_count(**period, outlet=outlet)

    def progress(done: int) -> None:
        print(f"\r{done:,}/{total:,} cases", end="", file=sys.stderr, flush=True)

    count = write_ledger_xlsx(rows, args.out, info=info, progress=progress)
    elapsed = time.perf_counter() - started
    print(f"\nwrote {count:,} cases to {args.out} in {elapsed:.1f} s", file=sys.stderr)
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, with the common options merged (exit 2 on a contradiction)."""
    parser = build_parser()
    return cli_common.resolve(parser, parser.parse_args(argv))


def _dispatch(args: argparse.Namespace) -> int | None:
    """Run the subcommand; None when there is none (the window opens)."""
    from desktop.cli import district as cli_district
    from desktop.cli import maintenance as cli_maintenance

    command = _commands().get(args.command)
    if command is not None:
        return command(args)
    if (code := cli_maintenance.run(args)) is not None:
        return code
    return cli_district.run(args)


def _locked_dispatch(args: argparse.Namespace) -> int | None:
    """:func:`_dispatch`, holding the write lock for a command of :data:`WRITING_COMMANDS`."""
    from desktop.session import single_instance

    if args.command not in WRITING_COMMANDS:
        return _dispatch(args)
    try:
        lock = single_instance.acquire_command_lock(cli_common.data_dir(args), args.command)
    except single_instance.LockHeld as held:
        print(f"{args.command}: not done. {held}", file=sys.stderr)
        return 1
    except OSError:
        # No lock file can be written there (a missing or read-only folder): the command
        # goes on, and its own refusal names the folder, as the window's does.
        lock = None
    try:
        return _dispatch(args)
    finally:
        if lock is not None:
            lock.release()


def window_args(argv: list[str]) -> argparse.Namespace | None:
    """The window's options when ``argv`` holds nothing else, each at most once and in its
    plain spelling (``--data-dir DIR`` or ``--data-dir=DIR``, ``--demo``, ``--lang zh_CN``);
    None for anything else (a subcommand, ``--help``, an abbreviation, a repeat, a value
    the full parser would refuse), which goes through :func:`parse_args`."""
    given: dict[str, object] = {}
    words = iter(argv)
    for word in words:
        flag, equals, value = word.partition("=")
        if flag in given:
            return None
        if flag == "--demo" and not equals:
            given[flag] = True
            continue
        if flag not in ("--data-dir", "--lang"):
            return None
        if not equals:
            value = next(words, "")
        if not value or value.startswith("-"):
            return None
        if flag == "--lang" and value not in cli_common.LANGUAGES:
            return None
        given[flag] = value
    data_dir = given.get("--data-dir")
    return argparse.Namespace(
        command=None,
        data_dir=None if data_dir is None else Path(str(data_dir)),
        demo=bool(given.get("--demo", False)),
        lang=given.get("--lang"),
    )


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    if (window := window_args(words)) is not None:
        # No subcommand: straight to the window, without the subcommands' modules.
        from desktop.app import run_gui

        return run_gui(cli_common.data_dir(window), window.lang, window.demo)

    from db.errors import StorageError

    args = parse_args(argv)
    try:
        if (code := _locked_dispatch(args)) is not None:
            return code
    except StorageError as refusal:  # the disk refused: say so and what to do, no traceback
        print(refusal.message, file=sys.stderr)
        return 1
    except cli_common.LoginRefused as refused:
        print(f"not opened: {refused}", file=sys.stderr)
        return 1
    from desktop.app import run_gui

    return run_gui(cli_common.data_dir(args), args.lang, args.demo)
