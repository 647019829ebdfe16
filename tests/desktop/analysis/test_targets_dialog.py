"""The targets editor writes through db.management.targets, shows its refusals, and marks each metric
as db.management.targets.target_status does."""

from __future__ import annotations

import pytest

from db.management import analysis, targets
from db.management.targets import QUARTER, YEAR, Period
from db.store import codes
from db.store.database import close_database
from db.store.models import now
from desktop.analysis import analysis_labels
from desktop.analysis.targets_dialog import METRIC_CODES, TargetsDialog
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets


@pytest.fixture
def shop(tmp_path):
    shop = case_factory.open_shop(tmp_path, 10)
    yield shop
    close_database()


def test_labels_mirror_the_db_codes():
    assert list(analysis_labels.METRICS) == list(codes.TARGET_METRICS)
    assert analysis_labels.METRICS == codes.TARGET_METRICS
    assert analysis_labels.MARKS == codes.TARGET_MARKS
    assert analysis_labels.DISPUTE_OUTCOMES == codes.DISPUTE_OUTCOMES
    assert analysis_labels.SUGGESTION_STATUSES == codes.SUGGESTION_STATUSES
    assert list(analysis_labels.REPLY_BUCKETS) == [b[0] for b in analysis.REPLY_BUCKETS]


def test_head_enters_targets_and_sees_their_marks(qtbot, shop):
    dialog = TargetsDialog(shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_widgets(dialog) == []
    year = now().year
    quarter = Period.of(now(), QUARTER)
    dialog.set_cell(codes.METRIC_COMPLAINTS, quarter, "3")
    dialog.set_cell(codes.METRIC_URGENT, quarter, "500")
    dialog.set_cell(codes.METRIC_CALLBACK_SATISFACTION, quarter, "95.5")
    dialog.set_cell(codes.METRIC_COMPLAINTS, Period(YEAR, year), "400")
    assert dialog.save()

    assert targets.targets_in(quarter) == {
        codes.METRIC_COMPLAINTS: 3.0,
        codes.METRIC_URGENT: 500.0,
        codes.METRIC_CALLBACK_SATISFACTION: 95.5,
    }
    assert targets.targets_in(str(year)) == {codes.METRIC_COMPLAINTS: 400.0}

    dialog.status_period.setCurrentIndex(dialog.status_period.findData(str(quarter)))
    expected = {s.metric: s.mark for s in targets.target_status(quarter)}
    assert dialog.marks() == expected
    assert expected[codes.METRIC_CALLBACK_SATISFACTION] == codes.MARK_NO_DATA
    row = METRIC_CODES.index(codes.METRIC_COMPLAINTS)
    received = targets.complaint_count(quarter)  # 10, unless the quarter began a day ago
    assert dialog.status.item(row, 2).text() == str(received)
    if received > 3:
        assert expected[codes.METRIC_COMPLAINTS] == codes.MARK_MISSED
        assert dialog.status.item(row, 3).text().endswith(analysis_labels.label("mark", "missed"))

    # Emptying a cell removes the target.
    dialog.set_cell(codes.METRIC_URGENT, quarter, "")
    assert dialog.save()
    assert codes.METRIC_URGENT not in targets.targets_in(quarter)


def test_a_refusal_is_shown_and_nothing_is_written(qtbot, shop):
    teller = shop.staff[2]
    dialog = TargetsDialog(teller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_cell(codes.METRIC_COMPLAINTS, str(now().year), "50")
    assert not dialog.save()
    assert dialog.error_label.isVisible() and dialog.error_label.text()
    assert targets.targets_in(str(now().year)) == {}

    head_dialog = TargetsDialog(shop.head)
    qtbot.addWidget(head_dialog)
    head_dialog.show()
    quarter = Period.of(now(), QUARTER)
    head_dialog.set_cell(codes.METRIC_LIABLE, quarter, "4")
    head_dialog.set_cell(codes.METRIC_COMPLAINTS, quarter, "2.5")  # not a whole count
    assert not head_dialog.save()
    assert head_dialog.error_label.text()
    assert targets.targets_in(quarter) == {}  # one transaction: the valid cell neither


def test_every_bad_cell_is_marked_at_once_and_the_grid_does_not_move(qtbot, shop):
    dialog = TargetsDialog(shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    grid_at, status_at = dialog.grid.geometry(), dialog.status.geometry()
    quarter = str(Period.of(now(), QUARTER))
    year = str(now().year)
    dialog.set_cell(codes.METRIC_COMPLAINTS, quarter, "2.5")  # not a whole count
    dialog.set_cell(codes.METRIC_LIABLE, year, "many")  # not a number
    dialog.set_cell(codes.METRIC_URGENT, quarter, "3")  # fine, but not written either
    assert not dialog.save()
    columns = [str(p) for p in dialog.periods()]

    def cell(metric, period):
        return dialog.grid.item(METRIC_CODES.index(metric), columns.index(period))

    bad = [cell(codes.METRIC_COMPLAINTS, quarter), cell(codes.METRIC_LIABLE, year)]
    for item in bad:
        assert item.toolTip() and item.toolTip() in dialog.error_label.text()
        assert item.background().color().name() == "#f9dedc"
    assert not cell(codes.METRIC_URGENT, quarter).toolTip()
    assert len(dialog.error_label.text().splitlines()) == 2
    assert targets.targets_in(quarter) == {} and targets.targets_in(year) == {}
    assert dialog.grid.currentItem() in bad
    assert dialog.grid.geometry() == grid_at and dialog.status.geometry() == status_at


def test_saving_writes_only_the_cells_typed_into(qtbot, shop):
    """Clearing the marks of a refusal is not an edit of every cell."""
    from db.store.models import AuditLog

    dialog = TargetsDialog(shop.head)
    qtbot.addWidget(dialog)
    quarter = Period.of(now(), QUARTER)
    assert dialog.save()
    assert not dialog.saved  # nothing typed, nothing saved
    dialog.set_cell(codes.METRIC_COMPLAINTS, quarter, "x")
    assert not dialog.save()
    before = AuditLog.select().count()
    dialog.set_cell(codes.METRIC_COMPLAINTS, quarter, "3")
    assert dialog.save()
    assert dialog.saved
    assert targets.targets_in(quarter) == {codes.METRIC_COMPLAINTS: 3.0}
    assert AuditLog.select().count() == before + 1


def test_another_year_or_closing_with_edits_not_saved_asks_first(qtbot, shop, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or answer[0]
    )
    dialog = TargetsDialog(shop.head)
    qtbot.addWidget(dialog)
    dialog.show()
    year = now().year
    dialog.set_cell(codes.METRIC_COMPLAINTS, Period(YEAR, year), "400")
    dialog.year.setValue(year + 1)
    assert asked == [f"The targets typed for {year} are not saved. Discard them?"]
    assert dialog.year.value() == year  # Cancel: the year went back, the edit stays
    assert dialog.has_unsaved_edits()
    dialog.close()
    assert dialog.isVisible() and len(asked) == 2

    answer[0] = QMessageBox.StandardButton.Discard
    dialog.year.setValue(year + 1)
    assert dialog.year.value() == year + 1 and not dialog.has_unsaved_edits()
    assert targets.targets_in(str(year)) == {}  # nothing was written
    asked.clear()
    dialog.close()
    assert asked == [] and not dialog.isVisible()  # nothing typed: no question
