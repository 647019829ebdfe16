"""How many attack tests there are, per kind of attack.

    python -m tests.attack_tally

Every test that attacks the program as someone at the outlet's computer would is marked
``@pytest.mark.attack(KIND)`` (registered in pyproject.toml); the kinds are :data:`KINDS`,
and tests/conftest.py refuses a mark of any other kind at collection. This collects the
marked tests with pytest's own collection (``--collect-only -q -m attack``), runs none of
them, and prints the count of each kind and the total.
"""

from __future__ import annotations

import os
import sys
from collections import Counter

import pytest

KINDS = (
    "trail",
    "cli",
    "accounts",
    "hostile-files",
    "failures",
    "customer-data",
    "encryption",
)


def kinds_of(item: pytest.Item) -> list[str]:
    """The kinds an item's attack marks name (a test may attack in more than one way)."""
    return [str(mark.args[0]) if mark.args else "" for mark in item.iter_markers("attack")]


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        for item in session.items:
            for kind in dict.fromkeys(kinds_of(item)):
                self.counts[kind] += 1
        self.tests = len(session.items)


def tally(args: list[str] | None = None) -> tuple[int, Counter[str], int]:
    """pytest's exit code, the count per kind, and how many tests are marked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    plugin = _Tally()
    code = pytest.main(
        ["--collect-only", "-q", "-m", "attack", "-n", "0", "-p", "no:cacheprovider",
         *(args or [])],
        plugins=[plugin],
    )  # fmt: skip
    return int(code), plugin.counts, getattr(plugin, "tests", 0)


def main(argv: list[str] | None = None) -> int:
    code, counts, tests = tally(argv)
    if code != 0:
        print(f"collection failed (pytest exit code {code})", file=sys.stderr)
        return 1
    print("\nattack tests per kind:")
    for kind in KINDS:
        print(f"  {kind:<14} {counts.get(kind, 0):>4}")
    print(f"  {'total':<14} {tests:>4} tests")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
