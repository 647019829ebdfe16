"""Outlet → Disputes… and Suggestions… (prevention, Art. 4, 6, 7): two logs in one window.

The disputes tab lists friction defused before it became a complaint (who handled it, when,
the customer, what happened, the cause and outcome), records a new one, and converts one
that became a complaint after all through db.management.prevention.convert_dispute_to_case, asking
what a complaint needs that a dispute does not have. The suggestions tab lists staff
proposals, records one, and lets the head set its status with a response.

Every write is one db.management.prevention function; its refusal is shown in red above the buttons
and the form stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.intake import cases, outlets
from db.intake.validation import ValidationError
from db.management import prevention, staff_records
from db.store import codes
from db.store.models import Case, Dispute, Outlet, Staff, Suggestion, now
from desktop.analysis import analysis_labels
from desktop.kit import labels, operations
from desktop.kit.common import save_shortcut
from desktop.kit.form_kit import (
    FORM_STYLE,
    GENERAL_LINES,
    FieldForm,
    FormErrors,
    make_error_label,
)
from desktop.kit.qt_dates import py_date, py_datetime, qdate, qdatetime
from desktop.kit.refusals import name_widget

STAMP = "yyyy-MM-dd HH:mm"

W = TypeVar("W", bound=QWidget)
T = TypeVar("T")


def _combo(name: str, accessible: str, items: list[tuple[Any, str]]) -> QComboBox:
    combo = QComboBox()
    name_widget(combo, name, accessible)
    for data, text in items:
        combo.addItem(text, data)
    return combo


def _staff_items(outlet: Outlet) -> list[tuple[int, str]]:
    return [
        (s.id, f"{s.name} · {labels.label('role', s.role)}") for s in outlets.active_staff(outlet)
    ]


def _stamp(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


class FormDialog(QDialog):
    """A form, every refusal beside its field (a refusal about the whole form above the
    buttons), Save and Cancel; ``commit`` does the write.

    Its own texts use the "FormDialog" context: ``self.tr`` would look them up under the
    subclass's name, where lupdate never put them.
    """

    def __init__(self, parent: QWidget | None, object_name: str, title: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setStyleSheet(FORM_STYLE)
        self.result_value: Any = None
        self.form = FieldForm()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = make_error_label(object_name, GENERAL_LINES)
        self.errors = FormErrors(self.error_label)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(QCoreApplication.translate("FormDialog", "&Save"))
        name_widget(
            self.save_button,
            f"{object_name}_save",
            QCoreApplication.translate("FormDialog", "Save"),
        )
        self.cancel_button = QPushButton(QCoreApplication.translate("FormDialog", "Cancel"))
        name_widget(
            self.cancel_button,
            f"{object_name}_cancel",
            QCoreApplication.translate("FormDialog", "Cancel"),
        )
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save_shortcut(self, self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def row(self, caption: str, widget: W, field: str = "") -> W:
        """A labelled row; with ``field`` (the db/ name of what it holds) it has an error
        line, and the caption is the name refusals give the field."""
        if field:
            self.errors.add_row(self.form, caption, field, widget)
            return widget
        label = QLabel(caption)
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        return widget

    def commit(self) -> Any:
        raise NotImplementedError

    # What a saved form changed (db.changes); the converted complaint is added to it.
    CHANGES = Changes.of(Kind.DISPUTES)

    def changes(self, result: Any) -> Changes:
        return self.CHANGES

    def save(self) -> bool:
        try:
            self.result_value = operations.run_op(self, self.commit, changes=self.changes)
        except (WorkflowError, ValidationError) as err:
            self.errors.show(err)
            return False
        self.accept()
        return True

    def error_text(self) -> str:
        """Every message now shown, or ""."""
        return self.errors.text()


def _datetime_edit(name: str, accessible: str, value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(qdatetime(value.replace(second=0, microsecond=0)))
    edit.setDisplayFormat(STAMP)
    edit.setCalendarPopup(True)
    name_widget(edit, name, accessible)
    return edit


def _text_edit(name: str, accessible: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(72)
    name_widget(edit, name, accessible)
    return edit


def _line_edit(name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit()
    name_widget(edit, name, accessible)
    return edit


class RecordDisputeDialog(FormDialog):
    """Record a dispute; ``ask`` returns the new db.store.models.Dispute or None."""

    def __init__(self, outlet: Outlet, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent, "recordDispute", self.tr("Record a dispute"))
        self.actor = actor
        self.occurred = self.row(
            self.tr("&When:"),
            _datetime_edit("disputeOccurred", self.tr("When"), now()),
            "occurred_at",
        )
        self.handler = self.row(
            self.tr("&Handled by:"),
            _combo("disputeHandler", self.tr("Handled by"), _staff_items(outlet)),
        )
        index = self.handler.findData(actor.id)
        self.handler.setCurrentIndex(max(index, 0))
        self.customer = self.row(
            self.tr("&Customer:"),
            _line_edit("disputeCustomer", self.tr("Customer name")),
            "customer_name",
        )
        self.phone = self.row(
            self.tr("&Phone:"),
            _line_edit("disputePhone", self.tr("Customer phone")),
            "customer_phone",
        )
        self.description = self.row(
            self.tr("&What happened:"),
            _text_edit("disputeDescription", self.tr("What happened")),
            "description",
        )
        self.cause = self.row(
            self.tr("C&ause:"),
            _combo("disputeCause", self.tr("Cause"), labels.choices("cause")),
            "cause",
        )
        outcomes = [
            item
            for item in analysis_labels.choices("dispute_outcome")
            if item[0] != codes.DISPUTE_BECAME_COMPLAINT
        ]
        self.outcome = self.row(
            self.tr("&Outcome:"),
            _combo("disputeOutcome", self.tr("Outcome"), outcomes),
            "dispute outcome",
        )
        self.note = self.row(
            self.tr("&Note:"),
            _line_edit("disputeNote", self.tr("Note on the outcome")),
            "outcome_note",
        )

    def commit(self) -> Dispute:
        return prevention.record_dispute(
            self.actor,
            occurred_at=py_datetime(self.occurred.dateTime()).replace(second=0, microsecond=0),
            handled_by=staff_records.chosen_staff(self.handler.currentData()),
            customer_name=self.customer.text(),
            customer_phone=self.phone.text(),
            description=self.description.toPlainText(),
            cause=self.cause.currentData(),
            outcome=self.outcome.currentData(),
            outcome_note=self.note.text(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, outlet: Outlet, actor: Staff) -> Dispute | None:
        dialog = cls(outlet, actor, parent)
        return dialog.result_value if dialog.exec() else None


class ConvertDisputeDialog(FormDialog):
    """Turn a dispute into a complaint, asking what a complaint needs beyond the dispute."""

    def __init__(self, dispute: Dispute, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent, "convertDispute", self.tr("Convert to complaint"))
        self.dispute = dispute
        self.actor = actor
        intro = QLabel(
            self.tr("Dispute of {when} with {customer}: {cause}").format(
                when=_stamp(dispute.occurred_at),
                customer=dispute.customer_name,
                cause=labels.label("cause", dispute.cause),
            )
        )
        intro.setObjectName("convertIntro")
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.received = self.row(
            self.tr("&Received:"),
            _datetime_edit("convertReceived", self.tr("Received"), now()),
            "received_at",
        )
        self.errors.code_fields["before_dispute"] = "received_at"
        self.business = self.row(
            self.tr("&Business type:"),
            _combo(
                "convertBusiness",
                self.tr("Business type"),
                [("", self.tr("— choose —")), *labels.choices("business_type")],
            ),
            "business_type",
        )
        self.phone = self.row(
            self.tr("Customer &phone:"),
            _line_edit("convertPhone", self.tr("Customer phone")),
            "customer_phone",
        )
        self.phone.setText(dispute.customer_phone or "")
        self.outcome = self.row(
            self.tr("&Outcome:"),
            _combo(
                "convertOutcome",
                self.tr("Outcome"),
                [
                    (cases.OUTCOME_AGREED, self.tr("Reply time agreed with the customer")),
                    (cases.OUTCOME_SETTLED, self.tr("Settled on the spot")),
                ],
            ),
            "outcome",
        )
        self.reply_at = self.row(
            self.tr("&Reply by:"),
            _datetime_edit(
                "convertReplyAt", self.tr("Agreed reply time"), now() + dt.timedelta(days=1)
            ),
            "agreed_reply_at",
        )
        self.settlement = self.row(
            self.tr("&Settlement:"),
            _line_edit("convertSettlement", self.tr("Settlement")),
            "settlement",
        )
        self.outcome.currentIndexChanged.connect(self._on_outcome)
        self._on_outcome()

    def _on_outcome(self) -> None:
        agreed = self.outcome.currentData() == cases.OUTCOME_AGREED
        self.reply_at.setEnabled(agreed)
        self.settlement.setEnabled(not agreed)

    def changes(self, result: Case) -> Changes:
        return Changes.cases(result.id, also=(Kind.DISPUTES,))

    def commit(self) -> Case:
        business = self.business.currentData() or ""  # nothing chosen: refused as required
        agreed = self.outcome.currentData() == cases.OUTCOME_AGREED
        return prevention.convert_dispute_to_case(
            self.dispute,
            self.actor,
            business_type=business,
            outcome=self.outcome.currentData(),
            received_at=py_datetime(self.received.dateTime()).replace(second=0, microsecond=0),
            agreed_reply_at=(
                py_datetime(self.reply_at.dateTime()).replace(second=0, microsecond=0)
                if agreed
                else None
            ),
            settlement="" if agreed else self.settlement.text(),
            customer_phone=self.phone.text(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, dispute: Dispute, actor: Staff) -> Case | None:
        dialog = cls(dispute, actor, parent)
        return dialog.result_value if dialog.exec() else None


class RecordSuggestionDialog(FormDialog):
    def __init__(self, outlet: Outlet, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent, "recordSuggestion", self.tr("Record a suggestion"))
        self.actor = actor
        self.author = self.row(
            self.tr("&Proposed by:"),
            _combo("suggestionAuthor", self.tr("Proposed by"), _staff_items(outlet)),
        )
        self.author.setCurrentIndex(max(self.author.findData(actor.id), 0))
        self.day = QDateEdit(qdate(now().date()))
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        name_widget(self.day, "suggestionDay", self.tr("Proposed on"))
        self.row(self.tr("&On:"), self.day, "proposed_on")
        self.content = self.row(
            self.tr("&Suggestion:"), _text_edit("suggestionText", self.tr("Suggestion")), "text"
        )

    CHANGES = Changes.of(Kind.SUGGESTIONS)

    def commit(self) -> Suggestion:
        return prevention.record_suggestion(
            self.actor,
            proposed_by=staff_records.chosen_staff(self.author.currentData()),
            content=self.content.toPlainText(),
            proposed_on=py_date(self.day.date()),
        )


class SuggestionStatusDialog(FormDialog):
    def __init__(self, suggestion: Suggestion, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent, "suggestionStatus", self.tr("Decide on a suggestion"))
        self.suggestion = suggestion
        self.actor = actor
        shown = QLabel(suggestion.text)
        shown.setObjectName("suggestionShown")
        shown.setWordWrap(True)
        self.form.addRow(shown)
        self.status = self.row(
            self.tr("S&tatus:"),
            _combo(
                "suggestionNewStatus",
                self.tr("Status"),
                analysis_labels.choices("suggestion_status"),
            ),
            "suggestion status",
        )
        self.status.setCurrentIndex(max(self.status.findData(suggestion.status), 0))
        self.response = self.row(
            self.tr("&Response:"), _text_edit("suggestionResponse", self.tr("Response")), "response"
        )
        self.response.setPlainText(suggestion.response or "")

    CHANGES = Changes.of(Kind.SUGGESTIONS)

    def commit(self) -> Suggestion:
        return prevention.set_suggestion_status(
            self.suggestion,
            self.actor,
            self.status.currentData(),
            response=self.response.toPlainText(),
        )


def _table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    name_widget(table, name, accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[int], stretch: int) -> None:
    table.setRowCount(len(rows))
    for r, (cells, row_id) in enumerate(zip(rows, ids, strict=True)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class DisputesDialog(QDialog):
    """The disputes and suggestions logs. Emits no signals; refreshes itself after writes."""

    DISPUTES_TAB, SUGGESTIONS_TAB = 0, 1

    def __init__(
        self, outlet: Outlet, actor: Staff | None, parent: QWidget | None = None, *, tab: int = 0
    ) -> None:
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.setObjectName("disputesDialog")
        self.setWindowTitle(self.tr("Disputes and suggestions"))
        self.setAccessibleName(self.tr("Disputes and suggestions"))

        self.disputes = _table(
            "disputesTable",
            self.tr("Disputes"),
            [
                self.tr("When"),
                self.tr("Handled by"),
                self.tr("Customer"),
                self.tr("What happened"),
                self.tr("Cause"),
                self.tr("Outcome"),
                self.tr("Complaint"),
            ],
        )
        self.record_dispute_button = self._button("recordDisputeButton", self.tr("&Record…"))
        self.convert_button = self._button(
            "convertDisputeButton", self.tr("&Convert to complaint…")
        )
        self.record_dispute_button.clicked.connect(self.record_dispute)
        self.convert_button.clicked.connect(self.convert_selected)
        self.disputes.itemSelectionChanged.connect(self._update_buttons)
        disputes_tab = self._tab(self.disputes, [self.record_dispute_button, self.convert_button])

        self.suggestions = _table(
            "suggestionsTable",
            self.tr("Suggestions"),
            [
                self.tr("Proposed on"),
                self.tr("Proposed by"),
                self.tr("Suggestion"),
                self.tr("Status"),
                self.tr("Response"),
            ],
        )
        self.record_suggestion_button = self._button("recordSuggestionButton", self.tr("R&ecord…"))
        self.status_button = self._button("suggestionStatusButton", self.tr("Set &status…"))
        self.record_suggestion_button.clicked.connect(self.record_suggestion)
        self.status_button.clicked.connect(self.decide_selected)
        self.suggestions.itemSelectionChanged.connect(self._update_buttons)
        suggestions_tab = self._tab(
            self.suggestions, [self.record_suggestion_button, self.status_button]
        )

        self.tabs = QTabWidget()
        self.tabs.setObjectName("disputesTabs")
        self.tabs.setAccessibleName(self.tr("Disputes and suggestions"))
        self.tabs.addTab(disputes_tab, self.tr("&Disputes"))
        self.tabs.addTab(suggestions_tab, self.tr("S&uggestions"))
        self.tabs.tabBar().setObjectName("disputesTabBar")
        self.tabs.tabBar().setAccessibleName(self.tr("Logs"))
        close = QDialogButtonBox()
        self.close_button = close.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        name_widget(self.close_button, "disputesClose", self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.refresh()
        # The logs name staff and the complaints disputes became.
        operations.refresh_on(
            self,
            (Kind.DISPUTES, Kind.SUGGESTIONS, Kind.STAFF, Kind.CASES),
            self.refresh,
            ignore_own=True,
        )
        self.tabs.setCurrentIndex(tab)
        self.resize(1000, 560)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        name_widget(button, name, text.replace("&", "").rstrip("…"))
        button.setEnabled(self.actor is not None)
        return button

    def _tab(self, table: QTableWidget, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(table)
        return page

    # --- content ----------------------------------------------------------------------

    def refresh(self) -> None:
        rows, ids = [], []
        for d in prevention.disputes(self.outlet):
            rows.append(
                [
                    _stamp(d.occurred_at),
                    d.handled_by.name,
                    d.customer_name,
                    d.description,
                    labels.label("cause", d.cause),
                    analysis_labels.label("dispute_outcome", d.outcome)
                    + (f"（{d.outcome_note}）" if d.outcome_note else ""),
                    d.case.case_no if d.case is not None else "",
                ]
            )
            ids.append(d.id)
        _fill(self.disputes, rows, ids, 3)
        rows, ids = [], []
        for s in prevention.suggestions(self.outlet):
            rows.append(
                [
                    _stamp(s.proposed_on),
                    s.proposed_by.name,
                    s.text,
                    analysis_labels.label("suggestion_status", s.status),
                    s.response,
                ]
            )
            ids.append(s.id)
        _fill(self.suggestions, rows, ids, 2)
        self._update_buttons()

    def _selected(self, table: QTableWidget) -> int | None:
        items = table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def selected_dispute(self) -> Dispute | None:
        row_id = self._selected(self.disputes)
        return prevention.dispute(row_id)

    def selected_suggestion(self) -> Suggestion | None:
        row_id = self._selected(self.suggestions)
        return prevention.suggestion(row_id)

    def _update_buttons(self) -> None:
        dispute = self.selected_dispute()
        self.convert_button.setEnabled(
            self.actor is not None and dispute is not None and dispute.case_id is None
        )
        self.status_button.setEnabled(
            self.actor is not None and self.selected_suggestion() is not None
        )

    # --- actions ----------------------------------------------------------------------

    def _after(self, result: T) -> T:
        if result is not None:
            self.refresh()
        return result

    def record_dispute(self) -> Dispute | None:
        if self.actor is None:  # the button is disabled without a logged-in actor
            return None
        return self._after(RecordDisputeDialog.ask(self, self.outlet, self.actor))

    def convert_selected(self) -> Case | None:
        dispute = self.selected_dispute()
        if dispute is None or self.actor is None:
            return None
        return self._after(ConvertDisputeDialog.ask(self, dispute, self.actor))

    def record_suggestion(self) -> Suggestion | None:
        return self._after(_ask(RecordSuggestionDialog, self, self.outlet, self.actor))

    def decide_selected(self) -> Suggestion | None:
        suggestion = self.selected_suggestion()
        if suggestion is None:
            return None
        return self._after(_ask(SuggestionStatusDialog, self, suggestion, self.actor))

    @classmethod
    def open_log(
        cls, parent: QWidget | None, outlet: Outlet, actor: Staff | None, tab: int = 0
    ) -> None:
        cls(outlet, actor, parent, tab=tab).exec()


def _ask(dialog_class: Callable[..., FormDialog], parent: QWidget, *args: Any) -> Any:
    dialog = dialog_class(*args, parent)
    return dialog.result_value if dialog.exec() else None
