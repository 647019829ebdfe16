"""Settings → Acting head…: the head names who holds the head's duties while away (Art. 8).

A span has a staff member, a start and an end, and a note. Inside it every head-only action
is the acting head's (db.trust.permissions). The dialog names a span, lists every span (the
history), and ends one early when the head is back. Only the head may do either; the rule
is db.trust.permissions.name_acting_head / end_acting_head and its refusal is shown as it says.
"""

from __future__ import annotations

import datetime as dt
import logging

from peewee import DatabaseError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.intake import outlets
from db.management import staff_records
from db.store import vocab
from db.store.models import Outlet, Staff, now
from db.trust import permissions
from desktop.cases.case_model import format_time
from desktop.kit import labels, operations
from desktop.kit.form_kit import DATETIME_FORMAT, FORM_STYLE, make_error_label, make_hint_label
from desktop.kit.qt_dates import py_datetime, qdatetime
from desktop.kit.refusals import RefusalErrors, name_widget

log = logging.getLogger(__name__)

COL_STAFF, COL_FROM, COL_UNTIL, COL_STATE, COL_NAMED_BY, COL_NOTE = range(6)
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1

STATE_CURRENT, STATE_PLANNED, STATE_ENDED = (
    permissions.SPAN_CURRENT,
    permissions.SPAN_PLANNED,
    permissions.SPAN_ENDED,
)

# Refusals of db.trust.permissions and the form field each is about.
_FIELD_OF_CODE = {
    "inactive_staff": "staff",
    "acting_is_head": "staff",
    "acting_span_empty": "ends_at",
    "acting_overlap": "starts_at",
}


def default_span(at: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """From now to the end of today's business (18:00), or to tomorrow's if it is later."""
    start = at.replace(second=0, microsecond=0)
    end = dt.datetime.combine(at.date(), dt.time(18, 0))
    if end <= start + dt.timedelta(hours=1):
        end += dt.timedelta(days=1)
    return start, end


class ActingHeadDialog(QDialog):
    """Name an acting head, see the history, end a span early.

    ``ActingHeadDialog.ask(parent, outlet, actor)``: True when anything changed. Emits no
    signals.
    """

    def __init__(self, outlet: Outlet, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.changed = False
        self.setObjectName("acting_head_dialog")
        self.setWindowTitle(self.tr("Acting head"))
        self.setAccessibleName(self.tr("Acting head"))
        self.setStyleSheet(FORM_STYLE)

        self._general_error = make_error_label("general")
        self.errors = RefusalErrors(self._general_error, _FIELD_OF_CODE)

        group = QGroupBox(self.tr("Name an acting head"))
        group.setObjectName("name_group")
        form = QFormLayout(group)
        self.staff_combo = QComboBox()
        name_widget(self.staff_combo, "staff_combo", self.tr("Acting head"))
        for staff in outlets.active_staff(outlet):
            if staff.role == vocab.ROLE_HEAD:
                continue
            self.staff_combo.addItem(f"{staff.name} · {labels.label('role', staff.role)}", staff.id)
        self.staff_combo.currentIndexChanged.connect(lambda _i: self.errors.clear("staff"))
        self._row(form, self.tr("&Staff member:"), "staff", self.staff_combo)
        start, end = default_span(now())
        self.starts_edit = self._datetime_edit("starts_at", self.tr("From"), start)
        self._row(form, self.tr("&From:"), "starts_at", self.starts_edit)
        self.ends_edit = self._datetime_edit("ends_at", self.tr("Until"), end)
        self._row(form, self.tr("&Until:"), "ends_at", self.ends_edit)
        self.note_edit = QLineEdit()
        name_widget(self.note_edit, "note_edit", self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("e.g. training at the district branch"))
        self._row(form, self.tr("&Note:"), "note", self.note_edit)
        self.name_button = QPushButton(self.tr("Name &acting head"))
        name_widget(self.name_button, "name_button", self.tr("Name acting head"))
        self.name_button.clicked.connect(self.name_acting_head)
        name_row = QHBoxLayout()
        name_row.addStretch(1)
        name_row.addWidget(self.name_button)
        form.addRow(name_row)

        history = QGroupBox(self.tr("Acting heads named"))
        history.setObjectName("history_group")
        self.table = QTableWidget(0, 6)
        name_widget(self.table, "span_table", self.tr("Acting heads named"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Acting head"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("State"),
                self.tr("Named by"),
                self.tr("Note"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.end_button = QPushButton(self.tr("&End now"))
        name_widget(self.end_button, "end_button", self.tr("End the selected span now"))
        self.end_button.setToolTip(self.tr("The head is back: end the selected span now"))
        self.end_button.clicked.connect(self.end_selected)
        end_row = QHBoxLayout()
        end_row.addStretch(1)
        end_row.addWidget(self.end_button)
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.table)
        history_layout.addLayout(end_row)

        self.close_button = QPushButton(self.tr("Close"))
        name_widget(self.close_button, "close_button", self.tr("Close"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        root = QVBoxLayout(self)
        root.addWidget(
            make_hint_label(
                self.tr(
                    "When you leave the outlet, name an acting head: from the start to the end "
                    "of the span, head-only actions are theirs and are recorded as such "
                    "(Art. 8)."
                ),
                "acting_hint",
            )
        )
        if actor.role != vocab.ROLE_HEAD:
            warning = make_hint_label(
                self.tr("Only the outlet head may name an acting head or end a span."),
                "acting_head_only",
            )
            warning.setProperty("role", "error")
            root.addWidget(warning)
        root.addWidget(group)
        root.addWidget(history, 1)
        root.addWidget(self._general_error)
        root.addWidget(buttons)
        self.reload()
        self.resize(720, 600)

    def _row(self, form: QFormLayout, text: str, name: str, widget: QWidget) -> None:
        self.errors.add_row(form, text, name, widget)

    def _datetime_edit(self, name: str, accessible: str, value: dt.datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(qdatetime(value.replace(microsecond=0)))
        name_widget(edit, f"{name}_edit", accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATETIME_FORMAT)
        edit.dateTimeChanged.connect(lambda _v: self.errors.clear(name))
        return edit

    def field_names(self) -> dict[str, str]:
        return {"at": self.tr("End"), "starts_at": self.tr("From"), "ends_at": self.tr("Until")}

    # --- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        at = now()
        states = {
            STATE_CURRENT: self.tr("Current"),
            STATE_PLANNED: self.tr("Planned"),
            STATE_ENDED: self.tr("Ended"),
        }
        self.table.setRowCount(0)
        for span in permissions.acting_spans(self.outlet):
            row = self.table.rowCount()
            self.table.insertRow(row)
            state = permissions.span_state(span, at)
            for column, text in (
                (COL_STAFF, span.staff.name),
                (COL_FROM, format_time(span.starts_at)),
                (COL_UNTIL, format_time(span.ends_at)),
                (COL_STATE, states[state]),
                (COL_NAMED_BY, span.named_by.name),
                (COL_NOTE, span.note),
            ):
                item = QTableWidgetItem(text)
                item.setData(SPAN_ID_ROLE, span.id)
                item.setData(Qt.ItemDataRole.UserRole + 2, state)
                if state == STATE_CURRENT:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected_span(self) -> tuple[int, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return None
        return item.data(SPAN_ID_ROLE), item.data(Qt.ItemDataRole.UserRole + 2)

    def _update_buttons(self) -> None:
        chosen = self.selected_span()
        self.end_button.setEnabled(chosen is not None and chosen[1] != STATE_ENDED)

    # --- actions ---------------------------------------------------------------------------

    def name_acting_head(self) -> None:
        self.errors.clear()
        staff_id = self.staff_combo.currentData()
        if staff_id is None:
            self.errors.show_general(self.tr("There is no other active staff member to name."))
            return
        try:
            operations.run_op(
                self,
                lambda: permissions.name_acting_head(
                    self.actor,
                    staff_records.chosen_staff(staff_id),
                    py_datetime(self.starts_edit.dateTime()),
                    py_datetime(self.ends_edit.dateTime()),
                    note=self.note_edit.text(),
                ),
                changes=Changes.of(Kind.ACTING_HEAD),
            )
        except WorkflowError as err:
            self.errors.show_refusal(err, None, self.field_names())
            return
        except DatabaseError as exc:
            log.exception("naming an acting head failed")
            self.errors.show_general(self.tr("Not saved: {error}").format(error=exc))
            return
        self.changed = True
        self.note_edit.clear()
        self.reload()

    def end_selected(self) -> None:
        chosen = self.selected_span()
        if chosen is None:
            return
        self.errors.clear()
        span = permissions.acting_span(chosen[0])
        if span is None:
            self.reload()
            return
        try:
            operations.run_op(
                self,
                lambda: permissions.end_acting_head(span, self.actor),
                changes=Changes.of(Kind.ACTING_HEAD),
            )
        except WorkflowError as err:
            self.errors.show_refusal(err, None, self.field_names())
            return
        self.changed = True
        self.reload()

    def general_error(self) -> str:
        return self.errors.general_text()

    @classmethod
    def ask(cls, parent: QWidget | None, outlet: Outlet, actor: Staff) -> bool:
        """Show the dialog modally; True when a span was named or ended."""
        dialog = cls(outlet, actor, parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()
