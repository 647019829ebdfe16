"""Command line: ``complaint-desk`` starts the window; subcommands work without a screen.

Subcommands never import Qt, so they start fast and run in scheduled jobs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from desktop.paths import default_data_dir


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder holding the database (default: the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="complaint-desk",
        description="Complaint Desk (网点投诉处理台): on-site complaint handling for an outlet.",
    )
    _add_data_dir(parser)
    parser.add_argument(
        "--demo", action="store_true", help="open a separate database filled with demo data"
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), default=None, help="user-interface language"
    )
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="fill a database with demo complaints")
    _add_data_dir(demo)
    demo.add_argument("--cases", type=int, default=1000, help="how many complaints to add")
    demo.add_argument("--seed", type=int, default=20261128, help="random seed")
    info = sub.add_parser("info", help="show the database location, schema version and counts")
    _add_data_dir(info)
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir is not None:
        return args.data_dir
    return default_data_dir(demo=bool(getattr(args, "demo", False)))


def cmd_demo(args: argparse.Namespace) -> int:
    from db import demo
    from db.database import database_path, open_database

    if args.cases < 0:
        print("--cases must be 0 or more", file=sys.stderr)
        return 2
    path = database_path(_data_dir(args))
    open_database(path)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,}/{total:,} cases", end="", file=sys.stderr, flush=True)

    added = demo.fill_demo(args.cases, seed=args.seed, progress=progress)
    elapsed = time.perf_counter() - started
    print(f"\nadded {added:,} demo cases to {path} in {elapsed:.1f} s", file=sys.stderr)
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from db import outlets
    from db.database import database_path, latest_schema_version, open_database, schema_version
    from db.models import Case

    path = database_path(_data_dir(args))
    if not path.exists():
        print(f"no database at {path}")
        return 1
    db = open_database(path)
    outlet = outlets.current_outlet()
    print(f"database: {path}")
    print(f"schema version: {schema_version(db)} of {latest_schema_version()}")
    print(f"outlet: {outlet.name} ({outlet.code})" if outlet else "outlet: not set up")
    print(f"cases: {Case.select().count()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        return cmd_demo(args)
    if args.command == "info":
        return cmd_info(args)
    from desktop.app import run_gui

    return run_gui(_data_dir(args), args.lang, args.demo)
