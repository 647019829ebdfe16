"""How every validating dialog shows what is wrong with a draft (desktop/kit/form_kit.py).

For each dialog a draft with several bad fields is saved, and the test checks what the user
sees:

- the fields do not move and the window keeps its size when the errors appear and go;
- every problem shows at once, beside its own field, the field marked (the ``invalid``
  property and the accessible description) and the first bad field focused;
- a field named in a message is named as its caption reads, in English and in Chinese.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QDateTime, QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from db.handling import workflow
from db.intake import cases
from db.management import liability
from db.store.models import now
from db.workorders import orders as workorders
from desktop.cases.new_case import NewCaseDialog
from desktop.handling.contact_dialog import ContactDialog
from desktop.handling.decision_dialog import DecisionDialog
from desktop.handling.escalation_wizard import LevelPage
from desktop.handling.pause_dialog import PauseDialog
from desktop.handling.reply_dialog import ReplyDialog
from desktop.handling.simple_action_dialog import SimpleActionDialog
from desktop.kit import i18n, labels
from desktop.management.disputes_dialog import RecordDisputeDialog
from desktop.management.liability_dialog import LiabilityDialog
from desktop.management.liability_review_dialog import LiabilityReviewDialog
from desktop.management.penalty_scale_dialog import PenaltyScaleDialog
from desktop.management.staff_dialog import StaffEditDialog
from desktop.management.training_dialog import SessionDialog
from desktop.session.change_password_dialog import SetPasswordDialog
from desktop.session.first_run import FirstRunDialog
from desktop.workorders.workorder_dialog import WorkOrderDialog
from desktop.workorders.workorder_reply_dialog import WorkOrderReplyDialog
from tests.db.workflow_fixtures import T0, World, world

__all__ = ["world"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QListWidget,
    QTableWidget,
)
QUOTED = re.compile(r"'([^']+)'|“([^”]+)”|‘([^’]+)’")


def caption_name(text: str) -> str:
    """A caption as the user reads it: no mnemonic "&", no colon, no "*"."""
    return text.replace("&", "").strip().strip(":：*").strip()


def qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.date(), value.time())


@dataclass
class Draft:
    """A dialog in a state, how to save a bad draft in it, and what that must show."""

    build: Callable[[World], QWidget]
    save: Callable[[QWidget], object]
    # The fields that must be marked, in form order (the first gets the focus).
    bad: list[str]
    # Names a message may quote that are no field of this form (the action's own time).
    outside: Callable[[], set[str]] = field(default=lambda: set())


def _save(dialog: QWidget) -> None:
    dialog.save()  # type: ignore[attr-defined]


def _simple(action: str, case_of: Callable[[World], object] | None = None):
    def build(w: World) -> QWidget:
        case = case_of(w) if case_of else w.case()
        return SimpleActionDialog(w.reload(case), w.head, action)

    return build


def _agree(d: SimpleActionDialog) -> None:
    d.time_edit.setDateTime(qdt(now() - dt.timedelta(days=1)))  # before now: refused
    d.save()


def _first_contact(d: SimpleActionDialog) -> None:
    d.time_edit.setDateTime(qdt(now() + dt.timedelta(days=2)))  # in the future
    d.save()


def _pause(w: World) -> QWidget:
    # Received yesterday: the decision period is still running, so it may be extended.
    dialog = PauseDialog(
        w.case(received_at=now().replace(microsecond=0) - dt.timedelta(days=1)), w.head
    )
    dialog.radios["extend"].setChecked(True)
    return dialog


def _settled(w: World):
    return w.case(outcome=cases.OUTCOME_SETTLED, settlement="当场解释并致歉", agreed_reply_at=None)


def _contact(w: World) -> QWidget:
    case = w.case()
    workflow.transfer(case, w.teller, w.lobby)
    return ContactDialog(w.reload(case), w.head)


def _contact_save(d: ContactDialog) -> None:
    d.contact_edit.setDateTime(qdt(now() + dt.timedelta(days=2)))
    d.save()


def _review(w: World) -> QWidget:
    case = _settled(w)
    liability.determine(case, w.head, liability.Finding(liable=False, reasons="客户误解业务规则"))
    return LiabilityReviewDialog(w.reload(case), w.head)


def _workorder_reply(w: World) -> QWidget:
    order = workorders.create_workorder(
        w.outlet,
        workorders.NewWorkOrder(
            source="95580",
            number="W-1",
            received_at=T0,
            reply_by=T0 + dt.timedelta(days=2),
            customer_name="孙悦",
            content="客户反映转账未到账",
        ),
        w.head,
    )
    return WorkOrderReplyDialog(w.outlet, w.head, order)


def _workorder_reply_save(d: WorkOrderReplyDialog) -> None:
    d.replied_at_edit.setDateTime(qdt(T0 - dt.timedelta(days=1)))  # before it was received
    d.save()


def _staff_save(d: StaffEditDialog) -> None:
    d.no_edit.setText("E 9")  # a space is not allowed
    d.save()


def _password_save(d: SetPasswordDialog) -> None:
    d.new_edit.setText("12345678")  # digits only
    d.confirm_edit.setText("12345679")
    d.save()


def _scale_save(d: PenaltyScaleDialog) -> None:
    d.label_edit.clear()
    d.source_edit.clear()
    d.save()


def _level_save(page: LevelPage) -> None:
    page.psbc_check.setChecked(True)
    page.validatePage()


DRAFTS: dict[str, Draft] = {
    "new_case": Draft(
        lambda w: NewCaseDialog(w.outlet, w.head),
        _save,
        ["business_type", "cause", "customer_name", "customer_phone", "description", "outcome"],
    ),
    "first_run": Draft(
        lambda w: FirstRunDialog(),
        _save,
        [
            "outlet_name",
            "outlet_code",
            "district_branch",
            "head_name",
            "head_employee_no",
            "password",
        ],
    ),
    "agree_reply_time": Draft(
        _simple("agree_reply_time"),
        _agree,
        ["reply_at", "note"],
        lambda: {labels.field_label("at")},
    ),
    "first_contact": Draft(
        _simple("first_contact"), _first_contact, ["contact method", "contact_at"]
    ),
    "contact": Draft(_contact, _contact_save, ["contact_at", "contact method"]),
    "reply": Draft(
        lambda w: ReplyDialog(w.case(), w.teller), _save, ["contact method", "content", "satisfied"]
    ),
    "decision": Draft(
        lambda w: DecisionDialog(w.case(), w.head),
        _save,
        ["findings", "basis", "remedy", "notice method", "proof"],
    ),
    "pause_extend": Draft(_pause, _save, ["reason", "notice method", "proof"]),
    "liability": Draft(
        lambda w: LiabilityDialog(_settled(w), w.head), _save, ["liable", "reasons"]
    ),
    "liability_review": Draft(_review, _save, ["outcome", "reason"]),
    "workorder": Draft(
        lambda w: WorkOrderDialog(w.outlet, w.head),
        _save,
        ["source", "number", "customer_name", "content"],
    ),
    "workorder_reply": Draft(
        _workorder_reply,
        _workorder_reply_save,
        ["replied_at", "content"],
        lambda: {QApplication.translate("WorkOrderReplyDialog", "Received at")},
    ),
    "staff": Draft(
        lambda w: StaffEditDialog(w.head, None, None), _staff_save, ["name", "employee_no"]
    ),
    "training": Draft(
        lambda w: SessionDialog(w.outlet, w.head), _save, ["title", "trainer", "attendees"]
    ),
    "dispute": Draft(
        lambda w: RecordDisputeDialog(w.outlet, w.head), _save, ["customer_name", "description"]
    ),
    "password": Draft(
        lambda w: SetPasswordDialog(w.lobby, w.head), _password_save, ["password", "confirm"]
    ),
    "penalty_scale": Draft(lambda w: PenaltyScaleDialog(w.head), _scale_save, ["label", "source"]),
    "escalation_level": Draft(
        lambda w: LevelPage(w.case()), _level_save, ["district_department", "psbc_department"]
    ),
}


@pytest.fixture(params=list(DRAFTS))
def draft(request) -> tuple[str, Draft]:
    return request.param, DRAFTS[request.param]


def open_dialog(qtbot, w: World, draft: Draft) -> QWidget:
    dialog = draft.build(w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def geometry(window: QWidget) -> dict[str, QRect]:
    """Where every visible input is, in the window's coordinates, once layouts settled."""
    QApplication.processEvents()
    found: dict[str, QRect] = {}
    for widget in window.findChildren(QWidget):
        if isinstance(widget, INPUTS) and widget.isVisible() and widget.objectName():
            key = widget.objectName()
            while key in found:
                key += "+"
            found[key] = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return found


def visible_messages(window: QWidget) -> list[str]:
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if label.property("role") == "error" and label.isVisible() and label.text()
    ]


def visible_captions(window: QWidget) -> set[str]:
    """The names the user reads beside the fields: captions, group titles, radio texts."""
    names = {
        caption_name(label.text())
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and label.isVisible()
    }
    names |= {caption_name(box.title()) for box in window.findChildren(QGroupBox) if box.title()}
    names |= {
        caption_name(button.text())
        for button in window.findChildren(QAbstractButton)
        if button.isVisible() and button.text()
    }
    return names


def quoted(message: str) -> list[str]:
    return [next(g for g in match.groups() if g) for match in QUOTED.finditer(message)]


def test_fields_do_not_move_when_errors_appear_or_go(qtbot, world, draft):
    name, d = draft
    dialog = open_dialog(qtbot, world, d)
    before, size = geometry(dialog), dialog.size()
    d.save(dialog)
    assert visible_messages(dialog), name  # the draft was refused
    assert geometry(dialog) == before and dialog.size() == size
    dialog.errors.clear()  # type: ignore[attr-defined]
    assert geometry(dialog) == before and dialog.size() == size


def test_every_error_at_once_beside_its_field_marked_and_focused(qtbot, world, draft):
    name, d = draft
    dialog = open_dialog(qtbot, world, d)
    d.save(dialog)
    errors = dialog.errors  # type: ignore[attr-defined]
    shown = errors.shown()
    assert list(shown) == d.bad, name
    assert errors.invalid() == d.bad
    assert errors.general_text() == ""
    for field_name in d.bad:
        entry = errors._fields[field_name]
        assert bool(entry.highlight.property("invalid"))
        assert entry.focus.accessibleDescription() == shown[field_name]
        assert entry.error.isVisible() and entry.error.toolTip() == shown[field_name]
    first = errors._fields[d.bad[0]].focus
    focused = dialog.focusWidget()
    assert focused is first or first.isAncestorOf(focused), (name, focused)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_messages_name_each_field_as_its_caption_reads(qtbot, world, qapp, draft, lang):
    name, d = draft
    i18n.install_translators(qapp, lang)
    try:
        dialog = open_dialog(qtbot, world, d)
        d.save(dialog)
        messages = visible_messages(dialog)
        assert messages, name
        allowed = visible_captions(dialog) | d.outside()
        named = [n for message in messages for n in quoted(message)]
        assert set(named) <= allowed, (name, lang, messages, allowed)
        # One place: the name messages give each field is its caption's text.
        errors = dialog.errors  # type: ignore[attr-defined]
        for field_name, entry in errors._fields.items():
            if isinstance(entry.caption, QLabel) and entry.caption.isVisible():
                assert errors.field_name(field_name) == caption_name(entry.caption.text())
    finally:
        i18n.install_translators(qapp, "en")
