"""Settings → Rule settings…: every limit the handling rules depend on, with its source.

Only chapters 1-3 of the city's rules are available to this program, so every number is a rule
setting (db.handling.rules.RULES) starting from a default whose source is recorded. The dialog shows
each rule with its value, unit and bounds, its default and its source, and a Reset to the
default. Saving goes through db.handling.rules.apply_rule_changes, which only the head or acting
head may do, and which recomputes every open case's deadlines once: that runs off the GUI thread.

The texts of db.handling.rules are English; they are written out here as literals for translation,
and tests/desktop/settings/test_rules_dialog.py checks that every rule has them.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.handling import rules
from db.handling.rules import Rule
from db.store.models import Staff, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.kit.articles import articles as article_list
from desktop.kit.busy import BusyDialog
from desktop.kit.common import save_cancel_box
from desktop.kit.form_kit import FORM_STYLE, make_error_label, make_hint_label, show_beside
from desktop.kit.i18n import QT_TRANSLATE_NOOP
from desktop.kit.refusals import name_widget, refusal_text

log = logging.getLogger(__name__)

CONTEXT = "RulesDialog"
# A time limit moves the deadlines of every open complaint (db.handling.deadlines).
RULE_CHANGES = Changes.of(Kind.SETTINGS, Kind.DEADLINES)

# A short title per rule, in db.handling.rules.RULES order.
TITLES: dict[str, str] = {
    "decision_days": QT_TRANSLATE_NOOP("RulesDialog", "Handling decision, simple case"),
    "decision_extended_days": QT_TRANSLATE_NOOP("RulesDialog", "Extended, complex case"),
    "decision_further_days": QT_TRANSLATE_NOOP(
        "RulesDialog", "Further extension, especially complex"
    ),
    "review_request_days": QT_TRANSLATE_NOOP("RulesDialog", "Customer may ask for a review"),
    "review_decision_days": QT_TRANSLATE_NOOP("RulesDialog", "Review decided"),
    "first_contact_hours": QT_TRANSLATE_NOOP("RulesDialog", "First contact with the customer"),
    "proposal_hours": QT_TRANSLATE_NOOP("RulesDialog", "Solution proposed"),
    "workorder_reply_working_days": QT_TRANSLATE_NOOP(
        "RulesDialog", "Work order without a reply-by: internal limit"
    ),
    "breach_warning_share": QT_TRANSLATE_NOOP("RulesDialog", "Near-deadline highlight"),
    "major_group_size": QT_TRANSLATE_NOOP("RulesDialog", "Major group complaint"),
    "roll_past_holidays": QT_TRANSLATE_NOOP("RulesDialog", "Period ending on a rest day"),
}

# db.handling.rules.Rule.description, word for word.
DESCRIPTIONS: dict[str, str] = {
    "decision_days": QT_TRANSLATE_NOOP(
        "RulesDialog", "Handling decision due this many days after receipt."
    ),
    "decision_extended_days": QT_TRANSLATE_NOOP(
        "RulesDialog",
        "A complex case may be extended to this many days, with a reason and the customer told.",
    ),
    "decision_further_days": QT_TRANSLATE_NOOP(
        "RulesDialog",
        "An especially complex case may be extended by this many more days, approved by a "
        "higher office, with the customer told.",
    ),
    "review_request_days": QT_TRANSLATE_NOOP(
        "RulesDialog", "The customer may ask for a review within this many days of the decision."
    ),
    "review_decision_days": QT_TRANSLATE_NOOP(
        "RulesDialog", "A review is decided within this many days of the request."
    ),
    "first_contact_hours": QT_TRANSLATE_NOOP(
        "RulesDialog",
        "First contact with the customer after a complaint that did not arrive in person or "
        "by phone.",
    ),
    "proposal_hours": QT_TRANSLATE_NOOP(
        "RulesDialog", "A solution is proposed to the customer within this many hours (1 day)."
    ),
    "workorder_reply_working_days": QT_TRANSLATE_NOOP(
        "RulesDialog",
        "The outlet's or district's internal limit for replying to a work order that states no "
        "reply-by; never later than the complaint's handling-decision deadline. (The 7 working "
        "days of CBIRC Art. 33 are the regulator's time to forward a complaint, not this "
        "limit.)",
    ),
    "breach_warning_share": QT_TRANSLATE_NOOP(
        "RulesDialog", "A case is highlighted once this share of a clock's time is used."
    ),
    "major_group_size": QT_TRANSLATE_NOOP(
        "RulesDialog", "A group complaint of this many people or more is major."
    ),
    "roll_past_holidays": QT_TRANSLATE_NOOP(
        "RulesDialog",
        "A period counted in days ends on the next working day when its last day is a rest "
        "day or holiday.",
    ),
}

UNITS: dict[str, str] = {
    "calendar days": QT_TRANSLATE_NOOP("RulesDialog", "calendar days"),
    "working days": QT_TRANSLATE_NOOP("RulesDialog", "working days"),
    "hours": QT_TRANSLATE_NOOP("RulesDialog", "hours"),
    "people": QT_TRANSLATE_NOOP("RulesDialog", "people"),
    "share": "%",
    "yes/no": "",
}

# The documents the defaults come from (db.handling.rules), without the article.
SOURCES: dict[str, str] = {
    rules.CBIRC: QT_TRANSLATE_NOOP(
        "RulesDialog", "CBIRC Order 2020 No. 3 (银行业保险业消费投诉处理管理办法)"
    ),
    rules.PROVINCIAL: QT_TRANSLATE_NOOP(
        "RulesDialog", "Provincial practice reported in 中国邮政报, 2022-03-15"
    ),
    rules.PROGRAM_DEFAULT: QT_TRANSLATE_NOOP("RulesDialog", "This program's default"),
    "Civil Code of the PRC": QT_TRANSLATE_NOOP("RulesDialog", "Civil Code of the PRC"),
}
_ARTICLES = re.compile(r"^(?P<doc>.*?),\s*Art\.\s*(?P<arts>[\d\s,and]+)$")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def rule_title(key: str) -> str:
    return _tr(TITLES[key]) if key in TITLES else key


def rule_description(rule: Rule) -> str:
    english = DESCRIPTIONS.get(rule.key)
    return _tr(english) if english else rule.description


def unit_text(rule: Rule) -> str:
    english = UNITS.get(rule.unit, rule.unit)
    return _tr(english) if english and english != "%" else english


def source_text(source: str) -> str:
    """The source of a default in the user's language: the document, then its articles."""
    match = _ARTICLES.match(source)
    doc, articles = (match["doc"], match["arts"].strip()) if match else (source, "")
    english = SOURCES.get(doc)
    text = _tr(english) if english else doc
    if not articles:
        return text
    numbers = [int(n) for n in re.findall(r"\d+", articles)]
    return QCoreApplication.translate("RulesDialog", "{document}, {articles}").format(
        document=text, articles=article_list(numbers)
    )


def format_value(rule: Rule, value: int | float | bool) -> str:
    """A rule's value as the dialog shows it: 15 calendar days, 80 %, yes."""
    if rule.kind is bool:
        yes = QCoreApplication.translate("RulesDialog", "yes")
        return yes if value else QCoreApplication.translate("RulesDialog", "no")
    if rule.unit == "share":
        return f"{round(float(value) * 100)} %"
    number = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{number} {unit_text(rule)}".strip()


def format_bounds(rule: Rule) -> str:
    if rule.kind is bool:
        return ""
    if rule.unit == "share":
        low, high = str(round(rule.minimum * 100)), str(round(rule.maximum * 100))
    else:
        low, high = f"{rule.minimum:g}", f"{rule.maximum:g}"
    return QCoreApplication.translate("RulesDialog", "{low} to {high}").format(low=low, high=high)


class RuleRow:
    """The widgets of one rule: editor, default, source, reset, error."""

    def __init__(self, dialog: RulesDialog, rule: Rule, value: int | float | bool) -> None:
        self.rule = rule
        self.stored = value
        key = rule.key
        title = rule_title(key)
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setObjectName(f"rule_title_{key}")
        self.description = make_hint_label(rule_description(rule), f"rule_description_{key}")
        self.source = make_hint_label(
            QCoreApplication.translate("RulesDialog", "Source: {source}").format(
                source=source_text(rule.source)
            ),
            f"rule_source_{key}",
        )
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = self._editor(dialog, title)
        self.default = QLabel(
            QCoreApplication.translate("RulesDialog", "Default: {value}").format(
                value=format_value(rule, rule.default)
            )
        )
        self.default.setObjectName(f"rule_default_{key}")
        bounds = format_bounds(rule)
        self.bounds = make_hint_label(
            QCoreApplication.translate("RulesDialog", "Allowed: {bounds}").format(bounds=bounds)
            if bounds
            else "",
            f"rule_bounds_{key}",
        )
        self.reset = QPushButton(QCoreApplication.translate("RulesDialog", "Reset"))
        name_widget(
            self.reset,
            f"rule_reset_{key}",
            QCoreApplication.translate("RulesDialog", "Reset {rule} to its default").format(
                rule=title
            ),
        )
        self.reset.setToolTip(
            QCoreApplication.translate("RulesDialog", "Back to the default from the source")
        )
        self.reset.clicked.connect(self.reset_to_default)
        self.error = make_error_label(f"rule_{key}")
        self.set_value(value)

    def _editor(self, dialog: RulesDialog, title: str) -> QWidget:
        rule = self.rule
        editor: QWidget
        if rule.kind is bool:
            editor = QCheckBox(QCoreApplication.translate("RulesDialog", "Yes"))
        elif rule.unit == "share":
            editor = QSpinBox()
            editor.setRange(round(rule.minimum * 100), round(rule.maximum * 100))
            editor.setSingleStep(5)
            editor.setSuffix(" %")
        elif rule.kind is float:
            editor = QDoubleSpinBox()
            editor.setDecimals(2)
            editor.setRange(rule.minimum, rule.maximum)
            editor.setSingleStep(0.25)
            editor.setSuffix(f" {unit_text(rule)}")
        else:
            editor = QSpinBox()
            editor.setRange(int(rule.minimum), int(rule.maximum))
            editor.setSuffix(f" {unit_text(rule)}")
        if isinstance(editor, QAbstractSpinBox):
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 16)
            editor.valueChanged.connect(self.changed)  # type: ignore[attr-defined]
        else:
            editor.toggled.connect(self.changed)  # type: ignore[attr-defined]
        name_widget(editor, f"rule_{rule.key}", title)
        return editor

    def value(self) -> int | float | bool:
        editor = self.editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if self.rule.unit == "share":
            return editor.value() / 100  # type: ignore[attr-defined]
        return editor.value()  # type: ignore[attr-defined]

    def set_value(self, value: int | float | bool) -> None:
        editor = self.editor
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif self.rule.unit == "share":
            editor.setValue(round(float(value) * 100))  # type: ignore[attr-defined]
        else:
            editor.setValue(value)  # type: ignore[attr-defined]
        self.changed()

    def reset_to_default(self) -> None:
        self.set_value(self.rule.default)

    def is_default(self) -> bool:
        return _same(self.value(), self.rule.default)

    def changed(self, *_args: object) -> None:
        self.show_error("")
        self.reset.setEnabled(not self.is_default())

    def show_error(self, message: str, *, focus: bool = False) -> None:
        """Show (or with "" clear) a refusal under the rule, marking its editor."""
        show_beside(self.error, self.editor, message, focus=focus)

    def change(self, stored_default: bool) -> tuple[str, object | None] | None:
        """What saving must do for this rule: set a value, reset it, or nothing."""
        value = self.value()
        if self.is_default():
            return None if stored_default else (self.rule.key, None)
        if _same(value, self.stored) and not stored_default:
            return None
        return (self.rule.key, value)


def _same(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    return abs(float(a) - float(b)) < 1e-9  # type: ignore[arg-type]


class RulesDialog(BusyDialog):
    """Edit the rule settings. ``RulesDialog.ask(parent, actor)``: True when saved.

    Signals: work_finished (from BusyDialog).
    """

    def __init__(self, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.saved = 0
        self.setObjectName("rules_dialog")
        self.setWindowTitle(self.tr("Rule settings"))
        self.setAccessibleName(self.tr("Rule settings"))
        self.setStyleSheet(FORM_STYLE)

        values = rules.rule_values()
        self._defaults = {v.rule.key: v.is_default for v in values}
        self.rows: dict[str, RuleRow] = {}

        grid_host = QWidget()
        grid_host.setObjectName("rules_list")
        rows_layout = QVBoxLayout(grid_host)
        rows_layout.setSpacing(6)
        controls_width = self.fontMetrics().averageCharWidth() * 36
        for index, item in enumerate(values):
            row = RuleRow(self, item.rule, item.value)
            self.rows[item.rule.key] = row
            if index:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.HLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                rows_layout.addWidget(separator)
            text = QVBoxLayout()
            text.setSpacing(2)
            text.addWidget(row.title)
            text.addWidget(row.description)
            text.addWidget(row.source)
            text.addWidget(row.error)
            controls = QWidget()
            controls.setFixedWidth(controls_width)
            grid = QGridLayout(controls)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setVerticalSpacing(2)
            grid.addWidget(row.editor, 0, 0)
            grid.addWidget(row.reset, 0, 1)
            grid.addWidget(row.default, 1, 0, 1, 2)
            grid.addWidget(row.bounds, 2, 0, 1, 2)
            grid.setColumnStretch(0, 1)
            grid.setRowStretch(3, 1)
            line = QHBoxLayout()
            line.setSpacing(16)
            line.addLayout(text, 1)
            line.addWidget(controls, 0, Qt.AlignmentFlag.AlignTop)
            rows_layout.addLayout(line)
        rows_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("rules_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)

        self._general_error = make_error_label("general")
        self.save_button = QPushButton(self.tr("&Save"))
        name_widget(self.save_button, "save_button", self.tr("Save"))
        self.save_button.setToolTip(
            self.tr("Save and recompute the deadlines of open complaints (Ctrl+Return)")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        name_widget(self.cancel_button, "cancel_button", self.tr("Cancel"))
        buttons = save_cancel_box(self, self.save_button, self.cancel_button, self.save)

        root = QVBoxLayout(self)
        root.addWidget(
            make_hint_label(
                self.tr(
                    "Only chapters 1-3 of the city's rules are available, so every limit is a "
                    "setting. Each starts from the default of the source shown. Saving "
                    "recomputes the deadlines of every open complaint."
                ),
                "rules_hint",
            )
        )
        if permissions.can(actor, Action.EDIT_RULES, now()) is not None:
            warning = make_hint_label(
                self.tr("Only the outlet head or the acting head may change these settings."),
                "rules_head_only",
            )
            warning.setProperty("role", "error")
            root.addWidget(warning)
        root.addWidget(scroll, 1)
        root.addWidget(self._general_error)
        root.addWidget(self.busy_label)
        root.addWidget(self.busy_bar)
        root.addWidget(buttons)
        self.resize(max(controls_width * 2 + 160, 900), 680)

    def lockable_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.save_button, self.cancel_button]
        for row in self.rows.values():
            widgets += [row.editor, row.reset]
        return widgets

    def after_busy(self) -> None:
        for row in self.rows.values():
            row.changed()

    def changes(self) -> list[tuple[str, object | None]]:
        found = []
        for key, row in self.rows.items():
            change = row.change(self._defaults[key])
            if change is not None:
                found.append(change)
        return found

    def save(self) -> None:
        if self.busy:
            return
        self._general_error.hide()
        changes = self.changes()
        if not changes:
            self.accept()
            return
        actor = self.actor
        self.run_busy(
            self.tr("Saving and recomputing the deadlines of open complaints…"),
            lambda: rules.apply_rule_changes(changes, actor),
            self._saved,
            self._failed,
            changes=RULE_CHANGES,
        )

    def _saved(self, count: int) -> None:
        self.saved = count
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WorkflowError):
            names = {key: rule_title(key) for key in self.rows}
            message = "\n".join(dict.fromkeys(refusal_text(e, names) for e in error.errors))
            first = True
            for each in error.errors:  # beside each rule it is about, the rule marked
                key = each.params.get("key")
                row = self.rows.get(key) if isinstance(key, str) else None
                if row is not None:
                    row.show_error(refusal_text(each, names), focus=first)
                    first = False
        else:
            log.error("saving rule settings failed", exc_info=error)
            message = self.tr("The settings could not be saved: {error}").format(error=error)
        self._general_error.setText(self.tr("Nothing was changed. {reason}").format(reason=message))
        self._general_error.show()

    def general_error(self) -> str:
        return self._general_error.text() if not self._general_error.isHidden() else ""

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Staff) -> bool:
        """Show the dialog modally; True when settings were saved."""
        dialog = cls(actor, parent)
        try:
            return dialog.exec() == RulesDialog.DialogCode.Accepted and dialog.saved > 0
        finally:
            dialog.deleteLater()
