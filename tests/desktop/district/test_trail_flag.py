"""The flag on an outlet whose audit trail went backwards between its bundles, as the
officer sees it: in the status bar and beside the outlet in the case list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.district import bundle_import
from desktop.district.case_model import COL_CASE_NO, COL_OUTLET
from tests.desktop.district.conftest import OUTLET_KEYS
from tests.district.helpers import case_entry, up_bundle

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def outlet_cells(window) -> dict[str, tuple[str, str | None]]:
    model = window.cases.model
    return {
        model.index(r, COL_CASE_NO).data(): (
            model.index(r, COL_OUTLET).data(),
            model.index(r, COL_OUTLET).data(Qt.ItemDataRole.ToolTipRole),
        )
        for r in range(model.rowCount())
    }


def test_an_outlet_whose_trail_went_backwards_is_flagged(window, tmp_path):
    assert window.trail_flag.isHidden()
    assert outlet_cells(window)["BJ0101-2026-0001"][0] == "BJ0101 BJ0101网点"
    # The fixture's first bundles carried a trail of 3 entries; this one carries 2.
    path = up_bundle(tmp_path / "up2.zip", "BJ0101", OUTLET_KEYS["BJ0101"], seq=2,
                     cases=[case_entry("BJ0101-2026-0009", received_at="2026-03-05T10:00:00")],
                     audit=(2, "cd" * 32), created_at="2026-03-06T18:00:00")  # fmt: skip
    lines = bundle_import.import_bundles(window, [path], "赵敏")
    assert lines == ["up2.zip: outlet BJ0101, bundle number 2: 1 cases stored"]
    assert not window.trail_flag.isHidden()
    assert window.trail_flag.text() == "⚑ Audit trail went backwards: BJ0101"
    assert window.trail_flag.toolTip() == (
        "Outlet BJ0101: bundle 2 carries an audit trail of 2 entries, bundle 1 one of 3: "
        "entries were removed."
    )
    cells = outlet_cells(window)
    text, tip = cells["BJ0101-2026-0009"]
    assert text == "⚑ BJ0101 BJ0101网点"
    assert tip.startswith("Outlet BJ0101: bundle 2 carries an audit trail of 2 entries")
    assert "ask the outlet" in tip
    assert cells["BJ0102-2026-0001"][0] == "BJ0102 BJ0102网点"  # the other outlet is fine
