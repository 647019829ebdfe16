"""Starting the GUI: language choice, a database that cannot be opened, the first run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from db.intake import outlets
from db.store.database import close_database, database_path, open_database
from desktop import app as desktop_app
from desktop.main_window import MainWindow
from desktop.session.first_run import FirstRunDialog
from tests.desktop import case_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def isolated_app(qapp, tmp_path, monkeypatch):
    """run_gui sets the application names and reads QSettings(); keep both away from the
    user's real settings and restore the names afterwards."""
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    shown: list[MainWindow] = []

    def fake_exec(*_args) -> int:
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for window in shown:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    yield shown
    close_database()
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


@pytest.mark.parametrize(
    ("requested", "saved", "expected"),
    [
        ("en", "zh_CN", "en"),
        (None, "en", "en"),
        (None, None, "zh_CN"),
        (None, "fr", "zh_CN"),
        (None, 42, "zh_CN"),
    ],
)
def test_language_comes_from_argument_then_setting(requested, saved, expected):
    assert desktop_app.choose_language(requested, saved) == expected


def test_default_data_dir_keeps_demo_apart():
    real = desktop_app.default_data_dir(False)
    assert desktop_app.default_data_dir(True) == real / "demo"


def test_unopenable_database_is_reported_not_raised(isolated_app, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args))
    assert desktop_app.run_gui(blocker, "en", False) == 1
    (args,) = messages
    assert str(database_path(blocker)) in args[2]
    assert isolated_app == []


def test_cancelled_first_run_exits_cleanly(isolated_app, tmp_path, monkeypatch):
    monkeypatch.setattr(FirstRunDialog, "ask_with_password", lambda parent=None: None)
    assert desktop_app.run_gui(tmp_path / "data", "en", False) == 0
    assert isolated_app == []


def test_first_run_then_main_window(isolated_app, tmp_path, monkeypatch):
    def ask(parent=None):
        return *outlets.setup_outlet(
            outlets.OutletSetup(
                outlet_name="新区营业所",
                outlet_code="XQ01",
                district_branch="新区分公司",
                head_name="何静",
                head_employee_no="H1",
            )
        ), None

    monkeypatch.setattr(FirstRunDialog, "ask_with_password", ask)
    assert desktop_app.run_gui(tmp_path / "data", "en", False) == 0
    (window,) = isolated_app
    assert "新区营业所" in window.windowTitle()


def test_existing_outlet_opens_straight_to_the_list(isolated_app, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    open_database(database_path(folder))
    shop = case_factory.make_outlet()
    case_factory.add_cases(shop, 3)
    close_database()
    monkeypatch.setattr(
        FirstRunDialog, "ask_with_password", lambda parent=None: pytest.fail("asked again")
    )
    assert desktop_app.run_gui(folder, "en", False) == 0
    (window,) = isolated_app
    # One case settled, one overdue, one due today: the start view shows the two.
    assert window.model().total() == 2


def test_demo_beside_a_real_data_dir_is_refused_and_writes_nothing(
    isolated_app, tmp_path, monkeypatch
):
    """``--demo --data-dir REAL`` must not pour demo complaints into a real outlet."""
    folder = tmp_path / "data"
    open_database(database_path(folder))
    case_factory.add_cases(case_factory.make_outlet(), 3)
    close_database()
    before = database_path(folder).read_bytes()
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: messages.append(args))
    assert desktop_app.run_gui(folder, "en", True) == 1
    (args,) = messages
    assert args[1] == "No demo data added"
    assert str(database_path(folder)) in args[2]
    assert "It holds 3 complaints that are not demo data." in args[2]
    assert database_path(folder).read_bytes() == before
    assert isolated_app == []


def test_demo_start_builds_the_demo_through_the_rules(isolated_app, tmp_path):
    """``--demo`` on an empty folder: the same builder as ``complaint-desk demo``, its rows
    in the audit trail, the management duties there, and the window opens on it."""
    from db import demo
    from db.store.models import Case, LiabilityReview, TrainingSession
    from db.trust import audit

    folder = tmp_path / "demo"
    assert desktop_app.run_gui(folder, "en", True) == 0
    (window,) = isolated_app
    assert demo.DEMO_OUTLET.outlet_name in window.windowTitle()
    open_database(database_path(folder))
    assert demo.is_demo_database()
    assert Case.select().count() == 600
    assert LiabilityReview.select().exists() and TrainingSession.select().exists()
    assert audit.verify_trail().problems == []


def test_the_idle_lock_watches_from_the_built_window_on(isolated_app, tmp_path, monkeypatch, qtbot):
    """The idle lock's application-wide event filter starts once the list is painted and
    the window built, not before the first paint."""
    from PySide6.QtCore import QObject

    folder = tmp_path / "data"
    open_database(database_path(folder))
    case_factory.add_cases(case_factory.make_outlet(), 3)
    close_database()
    seen: dict[str, bool] = {}

    def exec_until_built(*_args) -> int:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen["at_show"] = window.findChild(QObject, "idle_lock") is not None
        qtbot.waitUntil(lambda: window.findChild(QObject, "idle_lock") is not None)
        seen["built"] = window.is_fully_built()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_built)
    assert desktop_app.run_gui(folder, "en", False) == 0
    assert seen == {"at_show": False, "built": True}
