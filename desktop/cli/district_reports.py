"""The district console's reports on the command line (``complaint-desk district …``), no Qt:

- ``report assessment --period P --out FILE.pdf`` writes the district's assessment report of
  its outlets for a year, quarter or month (``2026``, ``2026-Q3``, ``2026-07``;
  desktop/reports/district_assessment.py), ``--days N`` naming the outlets silent that long;
- ``export-ledger --year YYYY --out FILE.xlsx`` writes the complaint ledger across outlets,
  one row per case, customer data masked (``--outlet CODE`` keeps one outlet);
- ``silent --days N`` lists the outlets that have sent no bundle for N days (or never),
  those never heard from first, then the longest silent.

Wired into desktop/cli/district.py by :func:`add_subcommands` and :func:`handlers`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def add_subcommands(commands: argparse._SubParsersAction, add_options: Callable) -> None:
    report = commands.add_parser("report", help="write a district report as PDF")
    kinds = report.add_subparsers(dest="report_kind")
    assessment = kinds.add_parser(
        "assessment",
        help="the assessment of every outlet for a year, quarter or month (PDF)",
        description="Write the district's assessment report: every enrolled outlet's "
        "complaints, work-order replies, callback satisfaction, targets and reporting, side "
        "by side, with signature lines.",
    )
    assessment.add_argument("--period", required=True, metavar="PERIOD",
                            help="2026, 2026-Q3 or 2026-07")  # fmt: skip
    assessment.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    _days_option(assessment)
    add_options(assessment)
    add_options(report)
    ledger = commands.add_parser(
        "export-ledger",
        help="write the complaint ledger across outlets for a year (XLSX, masked)",
    )
    ledger.add_argument("--year", type=int, required=True, metavar="YYYY")
    ledger.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    ledger.add_argument("--outlet", default=None, metavar="CODE", help="only this outlet")
    add_options(ledger)
    silent = commands.add_parser(
        "silent", help="list the outlets that have sent no bundle for N days (or never)"
    )
    _days_option(silent)
    add_options(silent)


def _days_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--days", type=int, default=None, metavar="N",
                        help="days without a bundle (default: two weeks)")  # fmt: skip


def _days(args) -> int:
    from db.district.overview import DEFAULT_SILENT_DAYS

    return DEFAULT_SILENT_DAYS if args.days is None else args.days


Opener = Callable[..., str | None]  # desktop/cli/district.py's _open_district


def _not_written(path: Path, error: Exception, stderr: TextIO) -> int:
    reason = getattr(error, "message", None) or getattr(error, "strerror", None) or error
    print(f"{path}: not written. {reason}", file=stderr)
    return 1


def _report(open_district: Opener, args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.district.overview import district_assessment
    from db.errors import WorkflowError
    from db.store import files
    from desktop.reports.district_assessment import district_assessment_bytes

    if getattr(args, "report_kind", None) != "assessment":
        print("give the report: complaint-desk district report assessment --period P "
              "--out FILE.pdf", file=stderr)  # fmt: skip
        return 2
    if open_district(args, stderr, migrate=False) is None:
        return 1
    try:
        data = district_assessment(args.period, silent_days=_days(args))
        pdf = district_assessment_bytes(data)
        files.write_private(args.out, pdf)
    except (WorkflowError, OSError) as error:
        return _not_written(args.out, error, stderr)
    print(f"wrote {args.out}: the assessment of {len(data.outlets)} outlets for "
          f"{data.period} ({len(pdf):,} bytes)", file=stdout)  # fmt: skip
    return 0


def _export_ledger(
    open_district: Opener, args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO
) -> int:
    from db.district import ledger
    from db.district.enrolment import require_district
    from db.errors import WorkflowError
    from desktop.reports.ledger import OUTLET_LEAD, LedgerInfo, write_ledger_with_lead

    if open_district(args, stderr, migrate=False) is None:
        return 1
    try:
        district = require_district()
        rows = ledger.ledger_rows(args.year, outlet_code=args.outlet)
        at = dt.datetime.now().replace(microsecond=0)
        info = LedgerInfo(outlet=f"{district.name}（{district.code}）", period=str(args.year),
                          generated_at=at, unit_label="区县分公司")  # fmt: skip
        count = write_ledger_with_lead(rows, args.out, lead=OUTLET_LEAD, info=info)
    except (WorkflowError, OSError) as error:
        return _not_written(args.out, error, stderr)
    print(f"wrote {args.out}: {count:,} cases of {args.year}, customer data masked",
          file=stdout)  # fmt: skip
    return 0


def _silent(open_district: Opener, args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.district.overview import silent_outlets
    from db.errors import WorkflowError

    if open_district(args, stderr, migrate=False) is None:
        return 1
    at = dt.datetime.now(dt.UTC)
    try:
        days = _days(args)
        found = silent_outlets(days, at)
    except WorkflowError as error:
        print(error.message, file=stderr)
        return 2
    if not found:
        print(f"every enrolled outlet sent a bundle in the last {days} days", file=stdout)
        return 0
    for outlet in found:
        if outlet.last_bundle_at is None:
            when = f"never sent a bundle (enrolled {outlet.enrolled_at.astimezone():%Y-%m-%d})"
        else:
            when = (f"{outlet.days_silent(at)} days since bundle number {outlet.last_bundle_seq} "
                    f"({outlet.last_bundle_at.astimezone():%Y-%m-%d %H:%M})")  # fmt: skip
        print(f"{outlet.outlet_code}\t{outlet.outlet_name}\t{when}", file=stdout)
    print(f"{len(found)} outlets without a bundle for more than {days} days", file=stdout)
    return 0


def handlers(open_district: Opener) -> dict[str, Callable[..., int]]:
    """The subcommands' handlers, opening the district database with ``open_district``
    (handed in by desktop/cli/district.py, which imports this module)."""
    return {
        "report": functools.partial(_report, open_district),
        "export-ledger": functools.partial(_export_ledger, open_district),
        "silent": functools.partial(_silent, open_district),
    }
