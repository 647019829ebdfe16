"""The program's start: the list paints first, the rest of the window is built right after,
and the window is usable throughout."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar, QWidget

from db.store.database import close_database
from desktop.cases.case_detail import CaseDetailPanel
from desktop.cases.case_model import COL_CUSTOMER
from desktop.main_window import MainWindow
from tests.desktop import case_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

COUNT = 30


@pytest.fixture
def shop(tmp_path):
    yield case_factory.open_shop(tmp_path, COUNT)
    close_database()


def staged_window(qtbot, shop, settings) -> MainWindow:
    window = MainWindow(shop.outlet, shop.head, settings=settings, staged=True)
    qtbot.addWidget(window)
    return window


def test_the_list_is_there_before_the_rest(qtbot, shop, settings):
    window = staged_window(qtbot, shop, settings)
    # Constructed, not yet painted: the list holds its first page, the details wait.
    assert not window.is_fully_built()
    assert window.model().rowCount() == COUNT
    assert window.findChild(QLabel, "detailPlaceholder") is not None
    assert window.findChild(CaseDetailPanel) is None
    assert window.findChild(QWidget, "todayPanel") is None
    with qtbot.waitSignal(window.fully_built, timeout=5000):
        window.show()
    assert window.is_fully_built()
    assert window.findChild(QWidget, "todayPanel") is not None
    detail = window.findChild(CaseDetailPanel)
    assert detail is not None and detail.isVisible()
    # The details show the case the list selected before they existed.
    assert window.table().selected_case_id() is not None
    assert detail.case_id() == window.table().selected_case_id()
    # The menus' features are in, and the acting head sits before the outlet.
    reports = window.findChild(QMenu, "menuReports")
    assert [a for a in reports.actions() if not a.isSeparator()]
    status = window.findChild(QStatusBar, "statusBar")
    order = [w.objectName() for w in status.findChildren(QLabel) if w.objectName()]
    assert order.index("statusOutlet") > 0


def test_the_list_filters_while_the_rest_is_built(qtbot, shop, settings):
    window = staged_window(qtbot, shop, settings)
    window.show()
    assert not window.is_fully_built()
    name = window.model().index(0, COL_CUSTOMER).data()
    # Typed (an input method hands the box whole Chinese words).
    window.filter_bar().search_box().setText(name)
    qtbot.waitUntil(window.is_fully_built, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            0 < window.model().rowCount() < COUNT
            and all(
                name in window.model().index(r, COL_CUSTOMER).data()
                for r in range(window.model().rowCount())
            )
        ),
        timeout=5000,
    )
    # A case chosen in the filtered list is the one the details show.
    window.table().selectRow(0)
    assert window.detail_panel().case_id() == window.table().selected_case_id()


def test_asking_for_the_details_builds_them_at_once(qtbot, shop, settings):
    window = staged_window(qtbot, shop, settings)
    assert not window.is_fully_built()
    fired = []
    window.fully_built.connect(lambda: fired.append(True))
    detail = window.detail_panel()
    assert window.is_fully_built() and fired == [True]
    assert detail is window.findChild(CaseDetailPanel)
    placeholder = window.findChild(QLabel, "detailPlaceholder")
    assert placeholder is None or placeholder.parent() is not window._splitter
    # Built once: the second stage does not run again when the paint comes.
    window.show()
    qtbot.wait(50)
    assert fired == [True] and len(window.findChildren(CaseDetailPanel)) == 1


def test_a_staged_start_restores_the_saved_layout(qtbot, shop, settings):
    first = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(760, 560)
    first._splitter.setSizes([450, 290])
    sizes = first._splitter.sizes()
    first.close()

    second = staged_window(qtbot, shop, settings)
    with qtbot.waitSignal(second.fully_built, timeout=5000):
        second.show()
    assert second.size() == first.size()
    assert second._splitter.sizes() == sizes


def test_the_window_process_starts_without_the_postgres_driver(tmp_path):
    """The outlet's window imports peewee without psycopg (about 90 ms of a cold start);
    psycopg stays importable for everything else."""
    script = textwrap.dedent(
        """
        import sys
        from desktop.app import load_outlet_libraries
        load_outlet_libraries()
        import desktop.main_window  # the window's whole first stage
        import peewee
        print("loaded" if "psycopg" in sys.modules else "not-loaded")
        print("peewee-none" if peewee.psycopg is None else "peewee-has")
        import psycopg  # noqa: F401
        print("importable")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["not-loaded", "peewee-none", "importable"]


def test_with_peewee_already_loaded_nothing_is_hidden():
    """In a process that loaded peewee first (the district console, this suite), the
    drivers peewee found stay its own."""
    import peewee

    from desktop.app import load_outlet_libraries

    before = peewee.psycopg
    load_outlet_libraries()
    assert peewee.psycopg is before is not None


# Runs the program's start on a database folder and prints, at the case list's first
# paint, every module loaded by then; the process ends right there.
FIRST_PAINT_MODULES = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from desktop import app
    app.load_outlet_libraries()
    import desktop.main_window as main_window
    from PySide6.QtCore import QEvent, QObject

    class Probe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                rows = watched.parent().model().rowCount()
                print(rows, " ".join(sys.modules), flush=True)  # in the order imported
                os._exit(0)
            return False

    class Probed(main_window.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._probe = Probe(self)
            self.table().viewport().installEventFilter(self._probe)

    main_window.MainWindow = Probed
    sys.exit(app.run_gui(Path(sys.argv[1]), "en", False))
    """
)


@pytest.fixture(scope="module")
def modules_at_first_paint(tmp_path_factory) -> tuple[int, list[str]]:
    """The rows listed and the modules loaded when a real start first paints the list, in
    the order they were imported."""
    folder = tmp_path_factory.mktemp("start")
    case_factory.open_temp_database(folder)
    case_factory.add_cases(case_factory.make_outlet(), 3)
    close_database()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder / "cfg")}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_MODULES, str(folder / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows, names = done.stdout.strip().splitlines()[-1].split(" ", 1)
    return int(rows), names.split()


@pytest.mark.parametrize(
    "module",
    [
        "psycopg",  # the district's PostgreSQL driver
        "db.checks",  # the domain checks: registered when the after-start check needs them
        "db.management.liability",  # (the evidence files' check, imported by db.checks)
        "desktop.settings.calendar_gap",  # the calendar notice, said once fully built
        "importlib.metadata",  # the program's version, read for the About box
        "desktop.cases.today_panel",  # the Today bar, built in the second stage
        "db.workorders.orders",  # (what the Today bar counts)
        "db.trust.anchor",  # the trail's signed checkpoints: written at backup, checked after
        "cryptography",  # signing and sealing: at backup, export, unlock and login
        "desktop.settings.backup_dialog",  # File → Backups…, loaded when first chosen
        "desktop.kit.errors",  # (the refusals' wording, with the workflow's codes)
    ],
)
def test_the_first_paint_waits_for_nothing_it_does_not_show(modules_at_first_paint, module):
    rows, loaded = modules_at_first_paint
    assert rows > 0  # painted with its cases (the start view: what is due)
    assert module not in loaded


def test_the_model_the_first_paint_needs_is_imported_before_pyside(modules_at_first_paint):
    """PySide6 reads the source of every module imported after it; the db modules the first
    paint needs come before it (desktop.app.WINDOW_LIBRARIES), so none is read."""
    _rows, loaded = modules_at_first_paint
    after_qt = loaded[loaded.index("PySide6") :]
    assert [name for name in after_qt if name.split(".")[0] in ("db", "peewee")] == []
    assert "playhouse.migrations" not in loaded  # which migrations are applied: one SELECT


def test_the_after_start_check_still_runs_the_domain_checks():
    """Nothing registers the domain checks at start any more: the checks the window runs
    once shown (and the whole check on damage) still include them."""
    script = textwrap.dedent(
        """
        from desktop.session import startup_check
        print(" ".join(c.name for c in startup_check.before_open_checks()))
        print(" ".join(c.name for c in startup_check.after_start_checks()))
        print(" ".join(c.name for c in startup_check.startup_checks()))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    before, after, every = (line.split() for line in done.stdout.splitlines())
    assert before == ["schema"]
    assert "calendar" in after and "schema" not in after
    assert "calendar" in every and "schema" in every
    assert "attachments" not in every and "evidence" not in every  # not at start
