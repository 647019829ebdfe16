"""File → Import bundles… in the console: the bundles are imported on a worker thread with a
progress dialog, the window stays live, and what each bundle brought (or why it was
refused) is said at the end; the case list shows the new cases without F5."""

from __future__ import annotations

import pytest

from desktop.district import bundle_import
from tests.desktop.district.conftest import OUTLET_KEYS
from tests.district.helpers import case_entry, up_bundle

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_a_large_bundle_is_imported_in_the_background_with_progress(qtbot, window, tmp_path, said):
    cases = [case_entry(f"BJ0101-2026-{n:04d}", received_at="2026-03-05T10:00:00")
             for n in range(100, 1300)]  # fmt: skip
    path = up_bundle(tmp_path / "up2.zip", "BJ0101", OUTLET_KEYS["BJ0101"], seq=2, cases=cases)
    before = window.cases.model.count().count
    progress = bundle_import.import_in_background(window, [path], "赵敏")
    assert progress.maximum() == bundle_import.STEPS
    values: list[int] = []
    # The worker's progress reaches the dialog through the event loop, which runs below.
    progress.setValue = values.append  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: bool(said), timeout=60_000)
    assert said == [("information", "up2.zip: outlet BJ0101, bundle number 2: 1200 cases stored")]
    assert len(values) >= 3 and values == sorted(values) and values[-1] == bundle_import.STEPS
    assert 0 < values[0] < bundle_import.STEPS  # it moved while the cases went in
    assert window.cases.model.count().count == before + 1200  # current without F5


def test_a_refused_bundle_is_named_and_the_others_still_apply(qtbot, window, tmp_path, said):
    good = up_bundle(tmp_path / "good.zip", "BJ0101", OUTLET_KEYS["BJ0101"], seq=2,
                     cases=[case_entry("BJ0101-2026-0900", received_at="2026-03-05T10:00:00")])  # fmt: skip
    forged = up_bundle(tmp_path / "forged.zip", "BJ0101", OUTLET_KEYS["BJ0102"], seq=3,
                       cases=[case_entry("BJ0101-2026-0901", received_at="2026-03-05T10:00:00")])  # fmt: skip
    bundle_import.import_in_background(window, [forged, good], "赵敏")
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    kind, text = said[0]
    first, second = text.splitlines()[:2]
    assert kind == "information" and first.startswith("forged.zip: refused, nothing written.")
    assert second == "good.zip: outlet BJ0101, bundle number 2: 1 cases stored"


@pytest.fixture
def said(message_boxes):
    return message_boxes
