"""The attack marks: counted per kind by ``python -m tests.attack_tally``, and a mark of a
kind it does not count refused at collection."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import conftest
from tests.attack_tally import KINDS

ROOT = Path(__file__).resolve().parents[2]


class _Item:
    """What the collection hook reads of a test: its id and its marks."""

    def __init__(self, *marks: pytest.MarkDecorator) -> None:
        self.nodeid = "tests/db/test_x.py::test_x"
        self._marks = [m.mark for m in marks]

    def iter_markers(self, name: str):
        return (m for m in self._marks if m.name == name)


def test_a_mark_of_an_unknown_kind_stops_the_collection():
    with pytest.raises(pytest.UsageError, match="attack kind 'sql-injection' is not one of"):
        conftest.pytest_collection_modifyitems(None, [_Item(pytest.mark.attack("sql-injection"))])
    with pytest.raises(pytest.UsageError, match="attack kind '' is not one of"):
        conftest.pytest_collection_modifyitems(None, [_Item(pytest.mark.attack())])
    conftest.pytest_collection_modifyitems(None, [_Item(pytest.mark.attack(k)) for k in KINDS])


def test_the_tally_counts_the_marked_tests_of_a_file_per_kind():
    done = subprocess.run(
        [sys.executable, "-m", "tests.attack_tally", "tests/db/trust/test_masking.py"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    tally = done.stdout.split("attack tests per kind:")[1]
    counts = dict(line.split()[:2] for line in tally.strip().splitlines())
    assert set(counts) == {*KINDS, "total"}
    assert int(counts["customer-data"]) > 0 and int(counts["trail"]) == 0
    assert int(counts["total"]) == int(counts["customer-data"])
