"""Every dialog that saves something saves on Ctrl+Return and closes on Esc without saving,
as the README promises. Each dialog is opened empty (or as it opens), the keys are pressed
in its first field, and the test checks what the user sees: the dialog accepted, or the
refusal it shows for an empty form; and for Esc, the dialog gone and nothing written."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from db.store.database import close_database
from db.store.models import TrainingSession
from tests.db.workflow_fixtures import dump
from tests.desktop import workorder_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def shop(tmp_path):
    yield workorder_factory.open_shop_with_workorders(tmp_path)
    close_database()


def _simple(action: str) -> Callable:
    def make(shop):
        from desktop.handling.simple_action_dialog import SimpleActionDialog

        return SimpleActionDialog(shop.cases[1], shop.head, action)

    return make


def _case_dialog(module: str, name: str) -> Callable:
    def make(shop):
        import importlib

        cls = getattr(importlib.import_module(module), name)
        return cls(shop.cases[1], shop.head)

    return make


def _training(shop):
    from desktop.management.training_dialog import SessionDialog

    return SessionDialog(shop.outlet, shop.head)


def _staff_edit(shop):
    from desktop.management.staff_dialog import StaffEditDialog

    return StaffEditDialog(shop.head, None, None)


def _dispute(shop):
    from desktop.management.disputes_dialog import RecordDisputeDialog

    return RecordDisputeDialog(shop.outlet, shop.head)


def _suggestion(shop):
    from desktop.management.disputes_dialog import RecordSuggestionDialog

    return RecordSuggestionDialog(shop.outlet, shop.head)


def _new_case(shop):
    from desktop.cases.new_case import NewCaseDialog

    return NewCaseDialog(shop.outlet, shop.head)


def _workorder(shop):
    from desktop.workorders.workorder_dialog import WorkOrderDialog

    return WorkOrderDialog(shop.outlet, shop.head)


def _workorder_reply(shop):
    from desktop.workorders.workorder_reply_dialog import WorkOrderReplyDialog

    return WorkOrderReplyDialog(shop.outlet, shop.head, shop.orders["near"])


def _link_case(shop):
    from desktop.workorders.link_case_dialog import LinkCaseDialog

    # The complaint selected in the main window is offered first: Link has something to do.
    return LinkCaseDialog(shop.outlet, shop.head, shop.orders["near"], shop.cases[1].id)


def _assessment(shop):
    from desktop.printing.assessment_period import AssessmentPeriodDialog

    return AssessmentPeriodDialog([])


def _targets(shop):
    from desktop.analysis.targets_dialog import TargetsDialog

    dialog = TargetsDialog(shop.head)
    dialog.grid.item(0, 0).setText("-5")  # a target no one may set: Save refuses it
    return dialog


def _penalty_scale(shop):
    from desktop.management.penalty_scale_dialog import PenaltyScaleDialog

    dialog = PenaltyScaleDialog(shop.head)
    dialog.label_edit.clear()  # a scale needs a name: Save refuses it
    return dialog


def _set_password(shop):
    from desktop.session.change_password_dialog import SetPasswordDialog

    return SetPasswordDialog(shop.staff[2], shop.head)


def _rules(shop):
    from desktop.settings.rules_dialog import RulesDialog

    return RulesDialog(shop.head)


DIALOGS: dict[str, Callable] = {
    "training session": _training,
    "staff member": _staff_edit,
    "dispute": _dispute,
    "suggestion": _suggestion,
    "new complaint": _new_case,
    "work order": _workorder,
    "work-order reply": _workorder_reply,
    "link a work order": _link_case,
    "assessment period": _assessment,
    "targets": _targets,
    "penalty scale": _penalty_scale,
    "set password": _set_password,
    "rules": _rules,
    "reply": _case_dialog("desktop.handling.reply_dialog", "ReplyDialog"),
    "report": _case_dialog("desktop.handling.report_dialog", "ReportDialog"),
    "transfer": _case_dialog("desktop.handling.transfer_dialog", "TransferDialog"),
    "decision": _case_dialog("desktop.handling.decision_dialog", "DecisionDialog"),
    "pause": _case_dialog("desktop.handling.pause_dialog", "PauseDialog"),
    "callback": _case_dialog("desktop.handling.callback_dialog", "CallbackDialog"),
    "liability": _case_dialog("desktop.management.liability_dialog", "LiabilityDialog"),
    "tracking note": _simple("tracking_note"),
    "agree reply time": _simple("agree_reply_time"),
}


def _visible_refusal(dialog: QWidget) -> str:
    """The text of a refusal the dialog shows, or ""."""
    for label in dialog.findChildren(QLabel):
        name = label.objectName().lower()
        if ("error" in name or name == "general") and label.isVisible() and label.text():
            return label.text()
    return ""


def _reacted(dialog: QDialog) -> bool:
    """What Save does, as the user sees it: the dialog accepted, or a refusal shown."""
    accepted = dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    return accepted or bool(_visible_refusal(dialog))


def _first_field(dialog: QDialog) -> QWidget:
    focus = dialog.focusWidget()
    if focus is not None:
        return focus
    dialog.focusNextChild()
    return dialog.focusWidget() or dialog


def _open(qtbot, dialog: QDialog) -> QWidget:
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return _first_field(dialog)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_ctrl_return_saves(qtbot, shop, name):
    dialog = DIALOGS[name](shop)
    field = _open(qtbot, dialog)
    assert not _reacted(dialog)
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _reacted(dialog), timeout=2000)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_esc_cancels_and_writes_nothing(qtbot, shop, name):
    before = dump()
    dialog = DIALOGS[name](shop)
    field = _open(qtbot, dialog)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dump() == before


def test_ctrl_return_records_a_training_session(qtbot, shop):
    """The training dialog saved on Enter only; Ctrl+Return, as everywhere else, did nothing."""
    dialog = _training(shop)
    field = _open(qtbot, dialog)
    dialog.title_edit.setText("投诉处理流程培训")
    dialog.trainer_edit.setText("孙丽")
    dialog.set_attendees(shop.staff[1:])
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    session = TrainingSession.get()
    assert session.title == "投诉处理流程培训"
    assert dialog.result() == QDialog.DialogCode.Accepted
