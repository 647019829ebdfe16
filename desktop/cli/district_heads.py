"""``complaint-desk district heads``: each outlet's audit-trail head across its bundles
(db/district/trail_heads.py). No Qt.

One line per enrolled outlet (its bundles and newest head), then every place an outlet's
trail went backwards: fewer entries than the bundle before, or as many ending in another
entry. Exit 0 when no trail went backwards, 1 when one did (or the database cannot be
used). desktop/cli/district.py adds it to its ``district`` command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO


def add_subcommands(
    commands: argparse._SubParsersAction, add_options: Callable[[argparse.ArgumentParser], None]
) -> None:
    heads = commands.add_parser(
        "heads",
        help="each outlet's audit-trail head across its bundles; exit 1 when one went backwards",
        description="Compare the audit-trail heads the outlets' successive bundles carry: "
        "fewer entries, or as many ending in another entry, means the outlet's trail was "
        "cut or rewritten.",
    )
    add_options(heads)


def handlers(open_district: Callable[..., str | None], officer: Callable[[object], str]) -> dict:
    """The ``heads`` handler, given district.py's way to open the database."""

    def run(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
        from db.district import trail_heads

        if open_district(args, stderr, migrate=False) is None:
            return 1
        heads = trail_heads.outlet_trail_heads()
        for h in heads:
            if not h.bundles:
                print(f"{h.outlet_code}: no bundle yet", file=stdout)
                continue
            flag = "  TRAIL WENT BACKWARDS" if h.went_backwards else ""
            print(f"{h.outlet_code}: {h.bundles} bundles, trail head {h.last_entries} entries "
                  f"ending {(h.last_hash or '')[:16]}… (bundle {h.last_seq}){flag}",
                  file=stdout)  # fmt: skip
        broken = [h for h in heads if h.went_backwards]
        if not broken:
            print("no outlet's audit trail went backwards", file=stdout)
            return 0
        for h in broken:
            for b in h.breaks:
                print(b.message, file=stderr)
        print(f"the audit trail of {len(broken)} outlet{'s' if len(broken) > 1 else ''} went "
              "backwards: it was cut or rewritten since an earlier bundle (a restore from an "
              "older backup reads the same); ask the outlet", file=stderr)  # fmt: skip
        return 1

    return {"heads": run}
