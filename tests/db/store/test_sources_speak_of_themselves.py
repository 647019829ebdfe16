"""The program's sources speak of the program: no comment, docstring or document in the
repository points to a tracker's issue or to papers kept outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FOLDERS = ("db", "desktop", "tests", "resources", ".ci")
FILES = ("README.md", "pyproject.toml")
SUFFIXES = {".py", ".md", ".txt", ".toml", ".json", ".ts", ""}
OUTSIDE = re.compile(
    r"(?i)"
    r"\bissues?\s*#?\d+|\btickets?\s*#?\d+|\bDOMAIN\.md\b|\bSTYLE\.md\b|\.\./shared/|"
    r"\b(?:the|this|that)\s+issue\b|\bissue's\b|\bitems?\s+#?\d+\b|/work/|"
    r"需求第\s*\d|需求\s*#\d"
)


def _sources() -> list[Path]:
    found = [ROOT / name for name in FILES]
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                found.append(path)
    return found


def test_no_source_points_outside_the_repository():
    this = Path(__file__).resolve()
    offending = []
    for path in _sources():
        if path.resolve() == this:
            continue
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
        ):
            if OUTSIDE.search(line):
                offending.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offending == []


def test_the_pattern_catches_what_it_is_for():
    for line in (
        "# see issue 3",
        "(Issue #12)",
        "see ../shared/DOMAIN.md",
        "not in the issue's table",
        "A target from the issue: a ratio",
        "as item 4 asks",
        "/work/venv/bin/python tests/fixtures/make.py",
        "产品默认值（需求第 3 号）",
    ):
        assert OUTSIDE.search(line), line
    for line in (
        "# the issued date",
        "Art. 18",
        "本程序默认值",
        "one item per line",
        "python tests/x.py",
    ):
        assert not OUTSIDE.search(line), line
