"""The escalation wizard: the head walks through Art. 10-11 before a complaint leaves the outlet.

1. Can the outlet settle it itself? Then it is not escalated: the wizard says so and ends,
   offering the transfer to the person who will handle it (Art. 10).
2. Within the outlet, or beyond it? Within: the head takes it over; the wizard records the
   report to the head if the case is not with the head now, or the head's own taking charge
   when nobody reported it to him. Beyond: go on.
3. Which level: the district branch's competent department (or higher, level by level),
   and PSBC at the same level where needed (Art. 11).
4. Who was contacted there, when, and what was reported.
5. What the outlet still owes the customer: the result fed back, and tracking (Art. 11).
6. A summary; Finish writes it.

Nothing is written until Finish, and then in one call: ``workflow.escalate`` (with
``reported_by`` when the case was not reported to the head yet), or ``workflow.report`` on the
within-the-outlet path. Cancel at any page writes nothing. Each page checks its own fields
and says what is missing; db.handling.workflow checks everything again at Finish.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from db.changes import Changes
from db.errors import WorkflowError
from db.handling import escalation, workflow
from db.management import staff_records
from db.store.models import Case, Staff, now
from desktop.handling.action_form import DATETIME_FORMAT, name_widget
from desktop.handling.report_dialog import fill_reporters
from desktop.kit import labels, operations
from desktop.kit.form_kit import FORM_STYLE, FormErrors, make_error_label, make_hint_label
from desktop.kit.qt_dates import py_datetime

PAGE_SETTLE, PAGE_SCOPE, PAGE_LEVEL, PAGE_CONTACT, PAGE_FOLLOW_UP, PAGE_SUMMARY = range(6)

OUTCOME_TRANSFER = "transfer"  # settled here: go to the transfer instead
OUTCOME_WITHIN = "within"  # the head takes it over inside the outlet
OUTCOME_ESCALATED = "escalated"

TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class EscalationOutcome:
    """What the wizard ended with: ``kind`` is one of the OUTCOME_* codes."""

    kind: str
    case: Case


# The page checks are db's (db.handling.escalation), the ones workflow.escalate refuses with.
level_problems = escalation.level_problems
contact_problems = escalation.contact_problems
follow_up_problems = escalation.follow_up_problems
next_level = escalation.next_level


# --- pages -------------------------------------------------------------------------------------


class _Page(QWizardPage):
    """A page whose problems (``problems()``: refusals, or the words of an unanswered
    question) show beside their fields, each field marked; a refusal about no field of the
    page shows on the page's own red line."""

    # The field an unanswered question (a plain message) is shown beside.
    QUESTION = "answer"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.error_label = make_error_label(f"{name}_error", 2)
        self.errors = FormErrors(self.error_label)
        self.layout_ = QVBoxLayout(self)

    def wiz(self) -> EscalationWizard:
        wizard = self.wizard()
        assert isinstance(wizard, EscalationWizard)
        return wizard

    def problems(self) -> list[WorkflowError | str]:
        return []

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        found = self.problems()
        self.errors.show([p for p in found if isinstance(p, WorkflowError)])
        questions = [p for p in found if isinstance(p, str)]
        if questions:
            self.errors.show_message(self.QUESTION, "\n".join(questions))
        return not found

    def error_text(self) -> str:
        """Every message the page shows, or ""."""
        return self.errors.text()

    def question_row(self, *radios: QRadioButton) -> None:
        """The page's question (its radios) over an error line of its own."""
        for radio in radios:
            self.layout_.addWidget(radio)
        error = make_error_label(f"{self.objectName()}_{self.QUESTION}")
        self.layout_.addWidget(error)
        self.errors.register(self.QUESTION, radios[0], radios[0], error, caption=radios[0])


def _radio(text: str, name: str, accessible: str) -> QRadioButton:
    radio = QRadioButton(text)
    name_widget(radio, name, accessible)
    return radio


class SettlePage(_Page):
    """(1) Can the outlet settle it itself?"""

    def __init__(self) -> None:
        super().__init__("page_settle")
        self.setTitle(self.tr("Can the outlet settle it?"))
        self.setSubTitle(
            self.tr(
                "Art. 10: what the outlet can settle itself is transferred at once to the person "
                "who will handle it. Only what it cannot settle, or a major complaint, goes up, "
                "level by level."
            )
        )
        self.yes_radio = _radio(
            self.tr("&Yes, the outlet can settle it itself"),
            "settle_yes_radio",
            self.tr("Yes, the outlet can settle it"),
        )
        self.no_radio = _radio(
            self.tr("&No, or it is a major complaint"),
            "settle_no_radio",
            self.tr("No, or it is major"),
        )
        group = QButtonGroup(self)
        group.addButton(self.yes_radio)
        group.addButton(self.no_radio)
        group.buttonToggled.connect(lambda _b, _c: self._changed())
        self.explain = make_hint_label(
            self.tr(
                "Then it is not escalated. Transfer it to the staff member who will handle it; "
                "the transfer is formal once the customer and the handler are in contact, and "
                "until then the first-ask owner keeps in touch with the customer (Art. 10). "
                "Finish opens the transfer; nothing is escalated."
            ),
            "settle_explain",
        )
        self.explain.hide()
        self.question_row(self.yes_radio, self.no_radio)
        self.layout_.addWidget(self.explain)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error_label)

    def _changed(self) -> None:
        self.explain.setVisible(self.yes_radio.isChecked())
        self.errors.clear()
        self.setFinalPage(self.yes_radio.isChecked())
        self.completeChanged.emit()

    def settled_here(self) -> bool:
        return self.yes_radio.isChecked()

    def problems(self) -> list[WorkflowError | str]:
        if not (self.yes_radio.isChecked() or self.no_radio.isChecked()):
            return [self.tr("Choose one answer.")]
        return []

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return -1 if self.yes_radio.isChecked() else PAGE_SCOPE


class ScopePage(_Page):
    """(2) Within the outlet, or beyond it? And who reports it to the head, if nobody has."""

    def __init__(self, case: Case, actor: Staff) -> None:
        super().__init__("page_scope")
        self.setTitle(self.tr("Within the outlet, or beyond it?"))
        self.setSubTitle(
            self.tr(
                "Level by level (Art. 10): first the head or acting head; beyond the outlet, "
                "the district branch's competent department leads (Art. 11)."
            )
        )
        self.within_radio = _radio(
            self.tr("&Within the outlet: the head takes it over"),
            "scope_within_radio",
            self.tr("Within the outlet"),
        )
        self.beyond_radio = _radio(
            self.tr("&Beyond the outlet: escalate to the district branch"),
            "scope_beyond_radio",
            self.tr("Beyond the outlet"),
        )
        group = QButtonGroup(self)
        group.addButton(self.within_radio)
        group.addButton(self.beyond_radio)
        group.buttonToggled.connect(lambda _b, _c: self.errors.clear())
        self.question_row(self.within_radio, self.beyond_radio)

        # Escalating starts from "reported" (db.handling.workflow.TRANSITIONS): a case that is not
        # with the head now is put there first, whether or not it was reported before.
        self.needs_report = escalation.needs_report(case)
        self.reporter_combo = QComboBox()
        name_widget(self.reporter_combo, "reported_by_combo", self.tr("Reported to the head by"))
        fill_reporters(self.reporter_combo, case, actor, now())
        form = QFormLayout()
        caption = QLabel(self.tr("Reported to the head &by:"))
        caption.setBuddy(self.reporter_combo)
        form.addRow(caption, self.reporter_combo)
        last = workflow.last_report(case) if self.needs_report else None
        if last is None:
            text = self.tr(
                "The complaint has not been reported to the head yet; the report is recorded "
                "with the rest at Finish (Art. 10)."
            )
        else:
            text = self.tr(
                "The complaint was with the head on {time} and has moved on since (now: "
                "{status}); escalating puts it back with the head, recorded with the rest at "
                "Finish (Art. 10)."
            ).format(time=last.at.strftime(TIME_FORMAT), status=labels.label("status", case.status))
        self.report_hint = make_hint_label(text, "report_hint")
        form.addRow(self.report_hint)
        holder = QWidget()
        holder.setLayout(form)
        holder.setVisible(self.needs_report)
        self.layout_.addWidget(holder)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error_label)

    def beyond(self) -> bool:
        return self.beyond_radio.isChecked()

    def reporter(self) -> Staff | None:
        if not self.needs_report:
            return None
        return staff_records.staff_member(self.reporter_combo.currentData())

    def hint_text(self) -> str:
        """What the page says about the report, or "" when the case is with the head."""
        return self.report_hint.text() if self.needs_report else ""

    def problems(self) -> list[WorkflowError | str]:
        if not (self.within_radio.isChecked() or self.beyond_radio.isChecked()):
            return [self.tr("Choose one answer.")]
        return []

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return PAGE_LEVEL if self.beyond_radio.isChecked() else PAGE_SUMMARY


class LevelPage(_Page):
    """(3) Which level, which department, and PSBC at the same level?"""

    def __init__(self, case: Case) -> None:
        super().__init__("page_level")
        self.setTitle(self.tr("Which level?"))
        self.setSubTitle(
            self.tr(
                "The district branch's competent department leads what the outlet cannot "
                "settle; where needed, together with PSBC at the same level (Art. 11)."
            )
        )
        self.level_combo = QComboBox()
        name_widget(self.level_combo, "level_combo", self.tr("Escalation level"))
        for code, text in labels.choices("escalation_level"):
            self.level_combo.addItem(text, code)
        self.level_combo.setCurrentIndex(self.level_combo.findData(next_level(case)))
        self.department_edit = QLineEdit()
        name_widget(self.department_edit, "department_edit", self.tr("Competent department"))
        self.department_edit.setPlaceholderText(
            self.tr("e.g. the district branch's service office")
        )
        self.psbc_check = QCheckBox(self.tr("Together with &PSBC at the same level"))
        name_widget(self.psbc_check, "psbc_check", self.tr("Together with PSBC at the same level"))
        self.psbc_edit = QLineEdit()
        name_widget(self.psbc_edit, "psbc_department_edit", self.tr("PSBC department"))
        self.psbc_edit.setEnabled(False)
        self.psbc_check.toggled.connect(self.psbc_edit.setEnabled)
        self.department_edit.textChanged.connect(
            lambda _t: self.errors.clear("district_department")
        )
        self.psbc_edit.textChanged.connect(lambda _t: self.errors.clear("psbc_department"))

        form = QFormLayout()
        caption = QLabel(self.tr("&Level:"))
        caption.setBuddy(self.level_combo)
        form.addRow(caption, self.level_combo)
        self.errors.add_row(
            form, self.tr("Competent &department:"), "district_department", self.department_edit
        )
        form.addRow(self.psbc_check)
        self.errors.add_row(form, self.tr("PSBC d&epartment:"), "psbc_department", self.psbc_edit)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error_label)

    def problems(self) -> list[WorkflowError | str]:
        return list(
            level_problems(
                self.department_edit.text(), self.psbc_check.isChecked(), self.psbc_edit.text()
            )
        )


class ContactPage(_Page):
    """(4) Who was contacted, when, and what was reported."""

    def __init__(self, case: Case) -> None:
        super().__init__("page_contact")
        self.case = case
        self.setTitle(self.tr("Who was contacted?"))
        self.setSubTitle(
            self.tr("Write down whom the outlet reached at that level, when, and what it reported.")
        )
        self.person_edit = QLineEdit()
        name_widget(self.person_edit, "contacted_person_edit", self.tr("Person contacted"))
        self.person_edit.setPlaceholderText(self.tr("Name and post"))
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        name_widget(self.at_edit, "contacted_at_edit", self.tr("Contacted at"))
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat(DATETIME_FORMAT)
        self.summary_edit = QPlainTextEdit()
        name_widget(self.summary_edit, "reported_summary_edit", self.tr("What was reported"))
        self.summary_edit.setTabChangesFocus(True)
        self.person_edit.textChanged.connect(lambda _t: self.errors.clear("contacted_person"))
        self.at_edit.dateTimeChanged.connect(lambda _t: self.errors.clear("contacted_at"))
        self.summary_edit.textChanged.connect(lambda: self.errors.clear("reported_summary"))
        form = QFormLayout()
        for text, field, widget in (
            (self.tr("&Person contacted:"), "contacted_person", self.person_edit),
            (self.tr("Contacted &at:"), "contacted_at", self.at_edit),
            (self.tr("&What was reported:"), "reported_summary", self.summary_edit),
        ):
            self.errors.add_row(form, text, field, widget)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.error_label)

    def contacted_at(self) -> dt.datetime:
        return py_datetime(self.at_edit.dateTime()).replace(microsecond=0)

    def problems(self) -> list[WorkflowError | str]:
        return list(
            contact_problems(
                self.person_edit.text(),
                self.contacted_at(),
                self.summary_edit.toPlainText(),
                self.case.received_at,
                now(),
            )
        )


class FollowUpPage(_Page):
    """(5) What the outlet still owes the customer: the result, and tracking."""

    def __init__(self) -> None:
        super().__init__("page_follow_up")
        self.setTitle(self.tr("What the outlet still owes the customer"))
        self.setSubTitle(
            self.tr(
                "The district branch leads, but the outlet feeds the result back to the customer "
                "and keeps tracking the case (Art. 11)."
            )
        )
        self.follow_up_edit = QPlainTextEdit()
        name_widget(self.follow_up_edit, "follow_up_edit", self.tr("Feedback and tracking plan"))
        self.follow_up_edit.setPlaceholderText(
            self.tr(
                "Who keeps in touch with the customer, how often, and who feeds back the result"
            )
        )
        self.follow_up_edit.setTabChangesFocus(True)
        self.follow_up_edit.textChanged.connect(lambda: self.errors.clear("outlet_follow_up"))
        caption = QLabel(self.tr("&Feedback and tracking plan:"))
        caption.setBuddy(self.follow_up_edit)
        self.layout_.addWidget(caption)
        self.layout_.addWidget(
            self.errors.wrap("outlet_follow_up", self.follow_up_edit, caption=caption)
        )
        self.layout_.addWidget(self.error_label)

    def problems(self) -> list[WorkflowError | str]:
        return list(follow_up_problems(self.follow_up_edit.toPlainText()))


class SummaryPage(_Page):
    """(6) Everything at a glance; Finish writes it in one transaction."""

    def __init__(self) -> None:
        super().__init__("page_summary")
        self.setTitle(self.tr("Check and finish"))
        self.setSubTitle(self.tr("Finish records all of it at once; Cancel writes nothing."))
        self.summary = QLabel()
        self.summary.setObjectName("summary_label")
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error_label)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.errors.clear()
        self.summary.setText(self.wiz().summary_text())

    def show_refusal(self, refusal: WorkflowError) -> None:
        """What the rules refused at Finish (every refusal of the draft), naming the
        fields of the other pages as their captions do."""
        wizard = self.wiz()
        for page in (wizard.level_page, wizard.contact_page, wizard.follow_up_page):
            self.errors.names.update(page.errors.field_names())
        self.errors.show(refusal)


# --- the wizard ----------------------------------------------------------------------------


class EscalationWizard(QWizard):
    """``EscalationWizard.ask(parent, case, actor)`` → an EscalationOutcome, or None when
    cancelled. Emits no signals of its own."""

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.actor = actor
        self.outcome: EscalationOutcome | None = None
        self.setObjectName("escalation_wizard")
        self.setWindowTitle(self.tr("Escalate {case_no}").format(case_no=case.case_no))
        self.setAccessibleName(self.tr("Escalation wizard"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setStyleSheet(FORM_STYLE)

        self.settle_page = SettlePage()
        self.scope_page = ScopePage(case, actor)
        self.level_page = LevelPage(case)
        self.contact_page = ContactPage(case)
        self.follow_up_page = FollowUpPage()
        self.summary_page = SummaryPage()
        for page_id, page in (
            (PAGE_SETTLE, self.settle_page),
            (PAGE_SCOPE, self.scope_page),
            (PAGE_LEVEL, self.level_page),
            (PAGE_CONTACT, self.contact_page),
            (PAGE_FOLLOW_UP, self.follow_up_page),
            (PAGE_SUMMARY, self.summary_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(PAGE_SETTLE)
        self._name_buttons()
        self.currentIdChanged.connect(self._page_changed)
        self.resize(640, 460)

    def _name_buttons(self) -> None:
        names = {
            QWizard.WizardButton.BackButton: ("wizard_back_button", self.tr("Back")),
            QWizard.WizardButton.NextButton: ("wizard_next_button", self.tr("Next")),
            QWizard.WizardButton.FinishButton: ("wizard_finish_button", self.tr("Finish")),
            QWizard.WizardButton.CancelButton: ("wizard_cancel_button", self.tr("Cancel")),
            QWizard.WizardButton.CommitButton: ("wizard_commit_button", self.tr("Commit")),
            QWizard.WizardButton.HelpButton: ("wizard_help_button", self.tr("Help")),
        }
        for which, (name, accessible) in names.items():
            name_widget(self.button(which), name, accessible)

    def _page_changed(self, page_id: int) -> None:
        finish = (
            self.tr("Go to &transfer")
            if page_id == PAGE_SETTLE
            else self.tr("&Escalate")
            if self.scope_page.beyond()
            else self.tr("&Finish")
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, finish)

    # --- answers ---------------------------------------------------------------------------

    def summary_text(self) -> str:
        case = self.case
        lines = [
            self.tr("Complaint {case_no} · {customer}").format(
                case_no=case.case_no, customer=case.customer_name
            )
        ]
        reporter = self.scope_page.reporter()
        if reporter is not None and reporter.id == self.actor.id:
            lines.append(
                self.tr(
                    "{head} takes charge of it as head: the reporting duty is met (Art. 10)."
                ).format(head=self.actor.name)
            )
        elif reporter is not None:
            lines.append(
                self.tr("Reported to the head by {reporter}; received by {head}.").format(
                    reporter=reporter.name, head=self.actor.name
                )
            )
        if not self.scope_page.beyond():
            lines.append(
                self.tr(
                    "Not escalated: the head takes it over within the outlet. Reply, transfer "
                    "or agree a new reply time from the case view."
                )
            )
            return "\n\n".join(lines)
        level = self.level_page
        lines.append(
            self.tr("Level: {level}, {department}").format(
                level=level.level_combo.currentText(), department=level.department_edit.text()
            )
        )
        if level.psbc_check.isChecked():
            lines.append(
                self.tr("With PSBC at the same level: {department}").format(
                    department=level.psbc_edit.text()
                )
            )
        contact = self.contact_page
        lines.append(
            self.tr("Contacted {person} at {time}: {summary}").format(
                person=contact.person_edit.text(),
                time=contact.contacted_at().strftime(TIME_FORMAT),
                summary=contact.summary_edit.toPlainText(),
            )
        )
        lines.append(
            self.tr("The outlet still owes: {plan}").format(
                plan=self.follow_up_page.follow_up_edit.toPlainText()
            )
        )
        return "\n\n".join(lines)

    # --- finishing -------------------------------------------------------------------------

    def accept(self) -> None:
        if self.settle_page.settled_here():
            self.outcome = EscalationOutcome(OUTCOME_TRANSFER, self.case)
            super().accept()
            return
        try:
            self.outcome = operations.run_op(self, self._write, changes=Changes.cases(self.case.id))
        except WorkflowError as err:
            self.summary_page.show_refusal(err)
            return
        super().accept()

    def _write(self) -> EscalationOutcome:
        """The one db/ call the wizard makes."""
        reporter = self.scope_page.reporter()
        if not self.scope_page.beyond():
            if reporter is not None:
                workflow.report(self.case, reporter, self.actor)
            return EscalationOutcome(OUTCOME_WITHIN, self.case)
        level, contact = self.level_page, self.contact_page
        case = workflow.escalate(
            self.case,
            self.actor,
            level.level_combo.currentData(),
            level.department_edit.text(),
            level.psbc_check.isChecked(),
            contact.person_edit.text(),
            contact.contacted_at(),
            contact.summary_edit.toPlainText(),
            self.follow_up_page.follow_up_edit.toPlainText(),
            psbc_department=level.psbc_edit.text() if level.psbc_check.isChecked() else "",
            reported_by=reporter,
        )
        return EscalationOutcome(OUTCOME_ESCALATED, case)

    @classmethod
    def ask(cls, parent: QWidget | None, case: Case, actor: Staff) -> EscalationOutcome | None:
        wizard = cls(case, actor, parent)
        try:
            if wizard.exec() == QWizard.DialogCode.Accepted:
                return wizard.outcome
            return None
        finally:
            wizard.deleteLater()
