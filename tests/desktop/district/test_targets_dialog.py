"""The district sets its outlets' targets from the "Outlets side by side" tab
(desktop/district/targets_dialog.py), as an officer does it, on the real PostgreSQL server
with three outlets' bundles imported: what the grid shows, what a refusal looks like, and
the target column of the tab after saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.district import targets as dtg
from db.store import codes
from desktop.district.outlets_model import COL_TARGETS
from desktop.district.outlets_panel import OutletsPanel
from desktop.district.targets_dialog import DistrictTargetsDialog
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.district.test_outlets_panel import column, three  # noqa: F401 - fixture
from tests.district.overview_data import AT

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

C = codes.METRIC_COMPLAINTS
SAT = codes.METRIC_CALLBACK_SATISFACTION
URGENT = codes.METRIC_URGENT


@pytest.fixture
def panel(qtbot, three, settings):  # noqa: F811 - the imported fixture
    p = OutletsPanel(settings, clock=lambda: AT, officer="赵敏")
    qtbot.addWidget(p)
    p.show()
    return p


@pytest.fixture
def dialog(qtbot, panel):
    d = DistrictTargetsDialog("赵敏", panel.period(), panel, clock=lambda: AT)
    qtbot.addWidget(d)
    d.show()
    return d


def stored(period="2026-Q1"):
    return {(r.outlet_code, r.metric): (r.value, r.set_by) for r in dtg.targets_for(period)}


def test_the_button_opens_the_grid_on_the_period_shown_and_the_tab_shows_the_marks(
    qtbot, panel, monkeypatch
):
    assert panel.table.isColumnHidden(COL_TARGETS)
    seen = {}

    def officer_types_and_saves(self):
        seen["period"] = str(self.period())
        seen["rows"] = [self.grid.verticalHeaderItem(r).text() for r in range(self.grid.rowCount())]
        self.set_cell(None, C, "2")
        self.set_cell("BJ0102", C, "5")
        self.set_cell("BJ0101", URGENT, "0")
        assert self.save()
        seen["saved"] = self.saved_label.text()
        return 1

    monkeypatch.setattr(DistrictTargetsDialog, "exec", officer_types_and_saves)
    panel.targets_button.click()
    assert seen["period"] == "2026-Q1"
    assert seen["rows"] == ["All outlets", "BJ0101 BJ0101网点", "BJ0102 BJ0102网点",
                            "BJ0103 BJ0103网点"]  # fmt: skip
    assert seen["saved"] == "Saved 3 targets of 2026-Q1."
    assert stored() == {(None, C): (2.0, "赵敏"), ("BJ0101", URGENT): (0.0, "赵敏"),
                        ("BJ0102", C): (5.0, "赵敏")}  # fmt: skip
    # The tab re-queried on its own: the target column is there, with the marks.
    assert not panel.table.isColumnHidden(COL_TARGETS)
    assert panel.targets_note.text() == ""
    assert column(panel, COL_TARGETS) == ["2 of 2", "0 of 1", "0 of 1"]
    tip = panel.model.index(0, COL_TARGETS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Complaints: target 2, actual 3, Missed" in tip
    assert "Urgent complaints: target 0, actual 1, Missed" in tip
    tip = panel.model.index(1, COL_TARGETS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Complaints: target 5, actual 1, On track"  # its own target, not the 2


def test_a_refused_cell_is_marked_beside_it_and_nothing_is_written(dialog, panel):
    dtg.set_targets("钱主管", [dtg.DistrictTargetCell("BJ0101", "2026-Q1", C, 4)])
    dialog.load()
    assert dialog.cell_text("BJ0101", C) == "4"
    dialog.set_cell(None, C, "3")
    dialog.set_cell("BJ0101", C, "2.5")
    dialog.set_cell("BJ0103", SAT, "120")
    assert not dialog.save()
    assert dialog.cell_reason("BJ0101", C) == "'Complaints' allows at most 0 decimal places."
    assert dialog.cell_reason("BJ0103", SAT) == (
        "'Callback satisfaction rate (%)' must be between 0 and 100."
    )
    assert dialog.cell_reason(None, C) == ""
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text().splitlines() == [
        "BJ0101 BJ0101网点, Complaints: 'Complaints' allows at most 0 decimal places.",
        "BJ0103 BJ0103网点, Callback satisfaction rate (%): 'Callback satisfaction rate (%)' "
        "must be between 0 and 100.",
    ]
    assert dialog.grid.currentRow() == 1  # the first refused cell is selected
    assert stored() == {("BJ0101", C): (4.0, "钱主管")}  # the good cell was not written either
    assert not dialog.saved
    # Corrected, the same grid saves whole and the marks go.
    dialog.set_cell("BJ0101", C, "2")
    dialog.set_cell("BJ0103", SAT, "90")
    assert dialog.save()
    assert dialog.cell_reason("BJ0101", C) == ""
    assert not dialog.error_label.isVisibleTo(dialog)
    assert stored() == {(None, C): (3.0, "赵敏"), ("BJ0101", C): (2.0, "赵敏"),
                        ("BJ0103", SAT): (90.0, "赵敏")}  # fmt: skip


def test_emptying_a_cell_clears_the_target_and_another_period_shows_its_own(dialog, panel):
    dtg.set_targets("赵敏", [dtg.DistrictTargetCell(None, "2026-Q1", C, 3),
                             dtg.DistrictTargetCell(None, "2026", C, 12)])  # fmt: skip
    dialog.load()
    assert dialog.cell_text(None, C) == "3"
    dialog.set_cell(None, C, "")
    assert dialog.save()
    assert stored() == {}
    assert panel.table.isColumnHidden(COL_TARGETS)  # no target left for the quarter
    dialog.picker.set_period("2026")
    assert dialog.cell_text(None, C) == "12"
    assert dialog.cell_text("BJ0101", C) == ""


def test_the_dialog_is_named_for_screen_readers_and_the_guide(dialog):
    from desktop.help.user_guide import DIALOG_PAGES

    assert unnamed_widgets(dialog) == []
    assert DIALOG_PAGES[dialog.objectName()] == "district"


def test_the_chinese_dialog_shows_chinese(qtbot, panel, qapp):
    from desktop.kit import i18n

    i18n.install_translators(qapp, "zh_CN")
    try:
        d = DistrictTargetsDialog("赵敏", "2026-Q1", panel, clock=lambda: AT)
        qtbot.addWidget(d)
        texts = [d.windowTitle(), d.grid.verticalHeaderItem(0).text(), d.save_button.text()]
        texts += [d.grid.horizontalHeaderItem(c).text() for c in range(d.grid.columnCount())]
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in texts), texts
        d.set_cell("BJ0101", C, "x")
        assert not d.save()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in d.cell_reason("BJ0101", C))
    finally:
        i18n.install_translators(qapp, "en")


def _answer(monkeypatch, button):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_another_period_with_edits_not_saved_asks_first_and_cancel_keeps_them(dialog, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    dialog.set_cell("BJ0101", C, "4")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog.picker.set_period("2026-Q2")
    assert asked == ["The targets typed for 2026-Q1 are not saved. Discard them?"]
    assert str(dialog.period()) == "2026-Q1"  # the picker went back
    assert dialog.cell_text("BJ0101", C) == "4"
    dialog.close()
    assert dialog.isVisible()  # closing asks too, and Cancel keeps the dialog open
    assert len(asked) == 2

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.picker.set_period("2026-Q2")
    assert str(dialog.period()) == "2026-Q2"
    assert dialog.cell_text("BJ0101", C) == ""
    assert not dialog.has_unsaved_edits()
    assert stored() == {} and stored("2026-Q2") == {}  # nothing was written


def test_without_edits_nothing_is_asked(dialog, monkeypatch):
    asked = _answer(monkeypatch, None)
    dialog.picker.set_period("2026-Q2")
    dialog.set_cell("BJ0101", C, "4")
    assert dialog.save()
    dialog.picker.set_period("2026-Q1")
    dialog.close()
    assert asked == [] and not dialog.isVisible()
