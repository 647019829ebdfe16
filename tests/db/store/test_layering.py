"""Layers point one way: db never imports Qt or the desktop package ."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

REQUIRED = [
    "db",
    "db.store.database",
    "db.store.models",
    "db.intake.cases",
    "db.intake.queries",
    "db.intake.outlets",
    "db.intake.validation",
    "db.store.vocab",
    "db.store.sqlite_features",
    "db.store.migrations",
]

PROBE = """
import importlib, importlib.util, json, pkgutil, sys
import db
names = list(json.loads(sys.argv[1]))
if importlib.util.find_spec("db.demo") is not None:
    names.append("db.demo")
names += [m.name for m in pkgutil.walk_packages(db.__path__, "db.")]
names = sorted(set(names))
for name in names:
    importlib.import_module(name)
# Exercise the package a little too: open a database and run a query.
import tempfile, datetime, os
from db.store import database
from db.intake import queries
with tempfile.TemporaryDirectory() as tmp:
    database.open_database(os.path.join(tmp, "t.sqlite3"))
    queries.status_counts(at=datetime.datetime.now())
    database.close_database()
print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
"""


def test_db_imports_no_qt_and_no_desktop():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(REQUIRED)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(REQUIRED) <= set(report["imported"])
    # The migrations are imported too (they are plain modules inside db/store/migrations).
    assert any(name.startswith("db.store.migrations.0001") for name in report["imported"])
    modules = report["modules"]
    assert "PySide6" not in modules
    offending = [
        m
        for m in modules
        if m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "desktop"}
    ]
    assert offending == []


def test_tests_db_do_not_import_qt():
    """The db tests themselves stay Qt-free, so they run where Qt cannot."""
    offenders = [
        path.name
        for path in Path(__file__).resolve().parents[1].rglob("*.py")
        if any(
            line.lstrip().startswith(("import PySide6", "from PySide6", "import pytestqt"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
