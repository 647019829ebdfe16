"""The New complaint dialog: register a complaint as Art. 10 asks, in one sitting.

The rules live in db.intake.cases (validate_new_case, register_case); this dialog only collects
the fields, shows every problem in red under its field (desktop/kit/form_kit.py), and
keeps the form open until the complaint is stored whole.
"""

from __future__ import annotations

import logging

from peewee import DatabaseError
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import WorkflowError
from db.handling import deadlines
from db.intake import cases, outlets
from db.intake.validation import (
    MAX_DESCRIPTION,
    MIN_DESCRIPTION,
    ValidationError,
    clean_text,
)
from db.store import vocab
from db.store.models import Case, Outlet, Staff, now
from desktop.kit import labels, operations
from desktop.kit.form_kit import (  # noqa: F401 (re-exported: older imports)
    DATETIME_FORMAT,
    ERROR_COLOR,
    FIELD_LINES,
    FORM_STYLE,
    FormErrors,
    InlineErrors,
    fit_to_contents,
    make_error_label,
    make_hint_label,
)
from desktop.kit.qt_dates import py_datetime
from desktop.settings import calendar_gap

log = logging.getLogger(__name__)

URGENT_COLOR = "#b3261e"


def _name(widget: QWidget, object_name: str, accessible: str) -> None:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)


class NewCaseDialog(QDialog):
    """Register a new complaint.

    Use ``NewCaseDialog.ask(parent, outlet, actor)``; after acceptance ``result_case``
    holds the stored Case. Emits no signals of its own: the caller refreshes its views.
    """

    def __init__(self, outlet: Outlet, actor: Staff | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.result_case: Case | None = None
        self.setObjectName("new_case_dialog")
        self.setWindowTitle(self.tr("New complaint"))
        self.setAccessibleName(self.tr("New complaint"))
        self.setStyleSheet(FORM_STYLE)

        self._general_error = make_error_label("general")
        self.errors = InlineErrors(self._general_error)
        self._tab_order: list[QWidget] = []

        # Left: the facts as received. Right: the decisions taken on them. The description
        # box on the left stretches, so inline errors never squeeze the other sections.
        left = QVBoxLayout()
        left.addWidget(self._build_receipt())
        left.addWidget(self._build_customer(), 1)
        right = QVBoxLayout()
        right.addWidget(self._build_urgency())
        right.addWidget(self._build_owner())
        right.addWidget(self._build_outcome())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save"))
        _name(self.save_button, "save_button", self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the complaint (Ctrl+Return)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        _name(self.cancel_button, "cancel_button", self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        # Enter inside a field must not file a half-read complaint; Ctrl+Return saves.
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._tab_order += [self.save_button, self.cancel_button]

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.save)

        root = QVBoxLayout(self)
        root.addLayout(columns)
        root.addWidget(self._general_error)
        root.addWidget(self.buttons)
        # The decision clock counted into a year whose official schedule is not entered.
        self.calendar_notice = calendar_gap.add_to_layout(
            root, actor, self.calendar_gap_years, root.indexOf(self._general_error)
        )
        self.received_edit.dateTimeChanged.connect(
            lambda _v: self.calendar_notice.show_years(self.calendar_gap_years())
        )

        for before, after in zip(self._tab_order, self._tab_order[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._route_ticked: set[str] = set()
        self.route_combo.currentIndexChanged.connect(lambda _i: self._update_route_triggers())
        self._update_route_triggers()
        self._update_severity()
        self._update_description_count()
        self._update_outcome()
        self.received_edit.setFocus()
        fit_to_contents(self, min_width=760)

    # --- building ----------------------------------------------------------------------

    def _row(
        self, form: QFormLayout, text: str, name: str, widget: QWidget, *, lines: int = FIELD_LINES
    ) -> None:
        """Add a labelled field with its error label; the label's mnemonic focuses it."""
        caption = QLabel(text)
        caption.setBuddy(widget)
        form.addRow(caption, self.errors.wrap(name, widget, caption=caption, lines=lines))
        self._tab_order.append(widget)

    def _combo(self, kind: str, name: str, accessible: str, *, placeholder: bool) -> QComboBox:
        combo = QComboBox()
        _name(combo, f"{name}_combo", accessible)
        if placeholder:
            combo.addItem(self.tr("— choose —"), "")
        for code, text in labels.choices(kind):
            combo.addItem(text, code)
        combo.currentIndexChanged.connect(lambda _i: self.errors.clear(name))
        return combo

    def _datetime_edit(self, name: str, accessible: str, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(value)
        _name(edit, f"{name}_edit", accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATETIME_FORMAT)
        edit.dateTimeChanged.connect(lambda _v: self.errors.clear(name))
        return edit

    def _line_edit(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        _name(edit, f"{name}_edit", accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self.errors.clear(name))
        return edit

    def _build_receipt(self) -> QGroupBox:
        group = QGroupBox(self.tr("Receipt and classification"))
        group.setObjectName("receipt_group")
        form = QFormLayout(group)
        start = QDateTime.currentDateTime()
        self.received_edit = self._datetime_edit("received_at", self.tr("Received at"), start)
        self._row(form, self.tr("&Received at:"), "received_at", self.received_edit)
        self.route_combo = self._combo(
            "route", "route", self.tr("Receipt route"), placeholder=False
        )
        self.route_combo.setCurrentIndex(self.route_combo.findData(cases.NewCase.route))
        self._row(form, self.tr("Receipt rout&e:"), "route", self.route_combo)
        self.channel_combo = self._combo(
            "channel", "channel", self.tr("Channel"), placeholder=False
        )
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(cases.NewCase.channel))
        self._row(form, self.tr("C&hannel:"), "channel", self.channel_combo)
        self.business_type_combo = self._combo(
            "business_type", "business_type", self.tr("Business type"), placeholder=True
        )
        self._row(form, self.tr("&Business type:"), "business_type", self.business_type_combo)
        self.cause_combo = self._combo("cause", "cause", self.tr("Cause"), placeholder=True)
        self._row(form, self.tr("Ca&use:"), "cause", self.cause_combo)
        return group

    def _build_urgency(self) -> QGroupBox:
        group = QGroupBox(self.tr("Ur&gent triggers"))
        group.setObjectName("urgent_group")
        layout = QVBoxLayout(group)
        layout.addWidget(
            make_hint_label(
                self.tr("Any one of these makes it urgent (Q/PSBC 0004-2014)."),
                "urgent_hint",
            )
        )
        self.trigger_boxes: dict[str, QCheckBox] = {}
        for code, text in labels.choices("urgent_trigger"):
            box = QCheckBox(text)
            _name(box, f"trigger_{code}", text)
            box.toggled.connect(self._update_severity)
            box.toggled.connect(lambda _c: self.errors.clear("urgent_triggers"))
            layout.addWidget(box)
            self.trigger_boxes[code] = box
            self._tab_order.append(box)
        self.severity_label = QLabel()
        self.severity_label.setObjectName("severity_indicator")
        layout.addWidget(self.severity_label)
        error = make_error_label("urgent_triggers")
        layout.addWidget(error)
        first = next(iter(self.trigger_boxes.values()))
        self.errors.register("urgent_triggers", group, first, error, caption=group)
        return group

    def _build_owner(self) -> QGroupBox:
        group = QGroupBox(self.tr("Responsibility"))
        group.setObjectName("owner_group")
        form = QFormLayout(group)
        self.owner_combo = QComboBox()
        _name(self.owner_combo, "first_ask_owner_combo", self.tr("First-ask owner"))
        for staff in outlets.active_staff(self.outlet):
            role = labels.label("role", staff.role)
            self.owner_combo.addItem(f"{staff.name} · {role}", staff.id)
        if self.actor is not None:
            index = self.owner_combo.findData(self.actor.id)
            if index >= 0:
                self.owner_combo.setCurrentIndex(index)
        self.owner_combo.currentIndexChanged.connect(
            lambda _i: self.errors.clear("first_ask_owner")
        )
        self._row(form, self.tr("First-as&k owner:"), "first_ask_owner", self.owner_combo)
        form.addRow(
            make_hint_label(
                self.tr("First-ask owner: the staff member the customer asked first (Art. 10)"),
                "first_ask_owner_hint",
            )
        )
        return group

    def _build_customer(self) -> QGroupBox:
        group = QGroupBox(self.tr("Customer and complaint"))
        group.setObjectName("customer_group")
        form = QFormLayout(group)
        self.customer_name_edit = self._line_edit("customer_name", self.tr("Customer name"))
        self._row(form, self.tr("Customer &name:"), "customer_name", self.customer_name_edit)
        self.customer_phone_edit = self._line_edit(
            "customer_phone", self.tr("Phone"), self.tr("Mobile, or landline with area code")
        )
        # A bad number's message is long: two lines for it.
        self._row(form, self.tr("Ph&one:"), "customer_phone", self.customer_phone_edit, lines=2)
        self.customer_id_no_edit = self._line_edit(
            "customer_id_no", self.tr("ID number"), self.tr("Optional")
        )
        self._row(form, self.tr("&ID number:"), "customer_id_no", self.customer_id_no_edit)
        self.remedy_edit = self._line_edit(
            "remedy_requested",
            self.tr("Remedy requested"),
            self.tr("What the customer asks for"),
        )
        self._row(form, self.tr("Re&medy requested:"), "remedy_requested", self.remedy_edit)

        self.description_edit = QPlainTextEdit()
        _name(self.description_edit, "description_edit", self.tr("Description"))
        self.description_edit.setPlaceholderText(
            self.tr("What happened, in the customer's words and yours")
        )
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(110)
        self.description_edit.textChanged.connect(self._update_description_count)
        self.description_edit.textChanged.connect(lambda: self.errors.clear("description"))
        self.description_count = QLabel()
        self.description_count.setObjectName("description_count")
        self.description_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(self.description_edit)
        box_layout.addWidget(self.description_count)
        caption = QLabel(self.tr("&Description:"))
        wrapped = self.errors.wrap(
            "description",
            box,
            highlight=self.description_edit,
            focus=self.description_edit,
            caption=caption,
        )
        caption.setBuddy(self.description_edit)
        form.addRow(caption, wrapped)
        self._tab_order.append(self.description_edit)
        return group

    def _build_outcome(self) -> QGroupBox:
        group = QGroupBox(self.tr("Outcome"))
        group.setObjectName("outcome_group")
        grid = QGridLayout(group)
        grid.addWidget(
            make_hint_label(
                self.tr(
                    "Settle on the spot if you can; otherwise agree a reply time with the "
                    "customer and reply by then (Art. 10)."
                ),
                "outcome_hint",
            ),
            0,
            0,
            1,
            2,
        )
        self.settled_radio = QRadioButton(self.tr("Sett&led on the spot"))
        _name(self.settled_radio, "outcome_settled_radio", self.tr("Settled on the spot"))
        self.agreed_radio = QRadioButton(self.tr("&Agreed reply time"))
        _name(self.agreed_radio, "outcome_agreed_radio", self.tr("Agreed reply time"))
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.settled_radio)
        self.outcome_group.addButton(self.agreed_radio)
        self.outcome_group.buttonToggled.connect(self._outcome_toggled)

        self.settlement_edit = QPlainTextEdit()
        _name(self.settlement_edit, "settlement_edit", self.tr("Settlement"))
        self.settlement_edit.setPlaceholderText(self.tr("How it was settled"))
        self.settlement_edit.setTabChangesFocus(True)
        self.settlement_edit.setFixedHeight(64)
        self.settlement_edit.textChanged.connect(lambda: self.errors.clear("settlement"))
        self.reply_edit = self._datetime_edit(
            "agreed_reply_at",
            self.tr("Agreed reply time"),
            QDateTime.currentDateTime().addDays(1),
        )

        grid.addWidget(self.settled_radio, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(
            self.errors.wrap("settlement", self.settlement_edit, caption=self.settled_radio), 1, 1
        )
        grid.addWidget(self.agreed_radio, 2, 0)
        grid.addWidget(
            self.errors.wrap("agreed_reply_at", self.reply_edit, caption=self.agreed_radio), 2, 1
        )
        outcome_error = make_error_label("outcome")
        grid.addWidget(outcome_error, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.errors.register("outcome", group, self.settled_radio, outcome_error, caption=group)
        self._tab_order += [
            self.settled_radio,
            self.settlement_edit,
            self.agreed_radio,
            self.reply_edit,
        ]
        return group

    # --- live feedback -----------------------------------------------------------------

    def checked_triggers(self) -> list[str]:
        return [code for code, box in self.trigger_boxes.items() if box.isChecked()]

    def calendar_gap_years(self) -> tuple[int, ...]:
        received = py_datetime(self.received_edit.dateTime()).replace(microsecond=0)
        return deadlines.new_case_uncovered_years(received)

    def _update_route_triggers(self) -> None:
        """The trigger a receipt route implies is ticked and locked while that route is
        chosen (db.intake.cases.implied_triggers sets it anyway); a box ticked only for that is
        unticked again when another route is chosen."""
        implied = set(cases.implied_triggers(self.route_combo.currentData() or ""))
        for code, box in self.trigger_boxes.items():
            if code in implied:
                if not box.isChecked():
                    self._route_ticked.add(code)
                    box.setChecked(True)
                box.setEnabled(False)
                box.setToolTip(
                    self.tr(
                        "Ticked because the complaint was forwarded by a regulator: that "
                        "receipt route is itself an urgent trigger (Q/PSBC 0004-2014)."
                    )
                )
            else:
                if code in self._route_ticked:
                    self._route_ticked.discard(code)
                    box.setChecked(False)
                box.setEnabled(True)
                box.setToolTip("")

    def _update_severity(self) -> None:
        severity = cases.severity_for(self.checked_triggers())
        text = self.tr("Severity: {0}").format(labels.label("severity", severity))
        self.severity_label.setText(text)
        urgent = severity == vocab.SEVERITY_URGENT
        self.severity_label.setStyleSheet(
            f"color: {URGENT_COLOR}; font-weight: bold;" if urgent else ""
        )

    def _update_description_count(self) -> None:
        count = len(clean_text(self.description_edit.toPlainText(), multiline=True))
        self.description_count.setText(
            self.tr("{0} / {1} characters").format(count, MAX_DESCRIPTION)
        )
        bad = count > MAX_DESCRIPTION or 0 < count < MIN_DESCRIPTION
        self.description_count.setStyleSheet(f"color: {ERROR_COLOR};" if bad else "")

    def _outcome_toggled(self, _button: QAbstractButton, _checked: bool) -> None:
        self.errors.clear("outcome")
        self._update_outcome()

    def _update_outcome(self) -> None:
        self.settlement_edit.setEnabled(self.settled_radio.isChecked())
        self.reply_edit.setEnabled(self.agreed_radio.isChecked())

    # --- saving ------------------------------------------------------------------------

    def form_data(self) -> cases.NewCase:
        """The form as the domain's NewCase; cleaning is left to db.intake.cases."""
        outcome = ""
        if self.settled_radio.isChecked():
            outcome = cases.OUTCOME_SETTLED
        elif self.agreed_radio.isChecked():
            outcome = cases.OUTCOME_AGREED
        return cases.NewCase(
            received_at=py_datetime(self.received_edit.dateTime()),
            route=self.route_combo.currentData() or "",
            channel=self.channel_combo.currentData() or "",
            business_type=self.business_type_combo.currentData() or "",
            cause=self.cause_combo.currentData() or "",
            urgent_triggers=self.checked_triggers(),
            customer_name=self.customer_name_edit.text(),
            customer_phone=self.customer_phone_edit.text(),
            customer_id_no=self.customer_id_no_edit.text(),
            remedy_requested=self.remedy_edit.text(),
            description=self.description_edit.toPlainText(),
            first_ask_owner_id=self.owner_combo.currentData(),
            outcome=outcome,
            settlement=self.settlement_edit.toPlainText(),
            agreed_reply_at=py_datetime(self.reply_edit.dateTime()),
        )

    def save(self) -> None:
        """Store the complaint and close, or show every problem and stay open."""
        data = self.form_data()
        problems = cases.validate_new_case(data, now())
        if problems:
            self.errors.show(problems)
            return
        try:
            case = operations.run_op(
                self,
                lambda: cases.register_case(self.outlet, data, actor=self.actor),
                changes=lambda case: Changes.cases(case.id),
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except WorkflowError as exc:  # the policy, on the database as it is now
            self.errors.clear()
            self.errors.show_refusal(exc)
            return
        except DatabaseError as exc:
            log.exception("registering a complaint failed")
            self.errors.clear()
            self.errors.show_general(self.tr("The complaint could not be saved: {0}").format(exc))
            return
        self.result_case = case
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, outlet: Outlet, actor: Staff | None) -> Case | None:
        """Show the dialog modally; the stored Case, or None when cancelled."""
        dialog = cls(outlet, actor, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_case
            return None
        finally:
            dialog.deleteLater()
