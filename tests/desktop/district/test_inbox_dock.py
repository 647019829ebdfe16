"""The watched inbox folder in the console (desktop/district/inbox_dock.py): the folder is
remembered, bundles dropped there are imported off the GUI thread and moved aside, and
the officer reads what became of each."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from db.district.models import ReceivedBundle
from desktop.district.inbox_dock import FOLDER_KEY, InboxDock
from desktop.district.main_window import DistrictWindow
from tests.desktop.district.conftest import OUTLET_KEYS
from tests.district.helpers import case_entry, up_bundle

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def dock(qtbot, district, settings):
    d = InboxDock(settings, "赵敏", poll_ms=100, settle_seconds=0.3)
    qtbot.addWidget(d)
    return d


def lines(dock) -> list[str]:
    return [dock.log.item(i).text().split("  ", 1)[1] for i in range(dock.log.count())]


def test_bundles_dropped_in_the_folder_are_imported_and_moved_aside(qtbot, dock, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    dock.watch(folder)
    assert dock.folder_label.text().startswith(f"Watching {folder}")
    up_bundle(folder / "BJ0101-2.zip", "BJ0101", OUTLET_KEYS["BJ0101"], seq=2,
              cases=[case_entry("BJ0101-2026-0009")])  # fmt: skip
    up_bundle(folder / "unsigned.zip", "BJ0102", OUTLET_KEYS["BJ0102"], seq=2, sign=False)
    qtbot.waitUntil(lambda: dock.log.count() == 2, timeout=10000)
    assert sorted(lines(dock)) == [
        "BJ0101-2.zip: imported (outlet BJ0101, bundle number 2, 1 cases stored), moved into "
        "imported/",
        "unsigned.zip: refused, nothing written; moved into refused/. The bundle carries no "
        "signature; it is refused.",
    ]
    assert (folder / "imported" / "BJ0101-2.zip").is_file()
    assert (folder / "refused" / "unsigned.zip").is_file()
    assert ReceivedBundle.select().where(ReceivedBundle.seq == 2).count() == 1
    qtbot.wait(500)  # more polls: nothing is read twice
    assert dock.log.count() == 2


def test_the_folder_is_remembered_and_watched_at_the_next_start(qtbot, district, settings,
                                                                tmp_path):  # fmt: skip
    folder = tmp_path / "inbox"
    folder.mkdir()
    first = InboxDock(settings, "赵敏", poll_ms=100)
    qtbot.addWidget(first)
    first.watch(folder)
    assert settings.value(FOLDER_KEY) == str(folder)
    w = DistrictWindow(district_name="东城区分公司", url="postgresql:///d", officer="赵敏",
                       settings=settings, language="en")  # fmt: skip
    qtbot.addWidget(w)
    assert w.inbox.folder() == folder
    assert w.findChild(QAction, "watchInboxAction").text() == "&Watch an inbox folder…"
    w.inbox.watch(None)
    assert settings.value(FOLDER_KEY) == ""
    assert w.inbox.folder_label.text() == "No inbox folder is watched."


def test_a_folder_that_is_not_there_is_said_and_looked_at_again(qtbot, dock, tmp_path):
    folder = tmp_path / "share"
    dock.watch(folder)
    assert "cannot be read now" in dock.folder_label.text()
    folder.mkdir()
    up_bundle(folder / "up.zip", "BJ0101", OUTLET_KEYS["BJ0101"], seq=2)
    qtbot.waitUntil(lambda: dock.log.count() == 1, timeout=10000)
    assert lines(dock)[0].startswith("up.zip: imported (outlet BJ0101, bundle number 2")
    assert dock.folder_label.text().startswith(f"Watching {folder}")
