"""Outlet → Staff…: the roster, each person's duties, their record and acting-head spans.

Staff are added, edited, deactivated and reactivated through db.management.staff_records; they are
never deleted (db refuses it), so old cases keep their people. The figures of the record
come from ``staff_records.staff_summary``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.intake.validation import ValidationError
from db.management import staff_records
from db.store.models import Outlet, Staff, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.handling.action_form import name_widget
from desktop.kit import labels, operations
from desktop.kit.common import accept_reject_box
from desktop.kit.form_kit import FORM_STYLE, FormErrors, make_error_label
from desktop.kit.qt_dates import py_date, qdate
from desktop.kit.refusals import refusal_text
from desktop.management.duties import duty_text
from desktop.session.change_password_dialog import SetPasswordDialog

COL_NAME, COL_NO, COL_ROLE, COL_JOINED, COL_ACTIVE = range(5)

STAFF_CHANGES = Changes.of(Kind.STAFF)
# What the roster, the records and the acting-head history show.
SHOWN_KINDS = (
    Kind.STAFF,
    Kind.ACCOUNTS,
    Kind.ACTING_HEAD,
    Kind.CASES,
    Kind.PENALTIES,
    Kind.TRAINING,
)


def _message(err: Exception) -> str:
    if isinstance(err, ValidationError):
        return "\n".join(
            f"{labels.field_label(e.field)}: {labels.error_message(e)}" for e in err.errors
        )
    assert isinstance(err, WorkflowError)
    return refusal_text(err)


class StaffEditDialog(QDialog):
    """Add or edit one person: name, employee number, role, joining date."""

    def __init__(self, actor: Staff, staff: Staff | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.staff = staff
        self.result_staff: Staff | None = None
        self.setObjectName("staff_edit_dialog")
        title = self.tr("Edit staff member") if staff else self.tr("Add staff member")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.name_edit = QLineEdit(staff.name if staff else "")
        name_widget(self.name_edit, "name_edit", self.tr("Name"))
        self.no_edit = QLineEdit(staff.employee_no if staff else "")
        name_widget(self.no_edit, "employee_no_edit", self.tr("Employee number"))
        self.role_combo = QComboBox()
        name_widget(self.role_combo, "role_combo", self.tr("Role"))
        for code, text in labels.choices("role"):
            self.role_combo.addItem(text, code)
        self.role_combo.setCurrentIndex(
            max(0, self.role_combo.findData(staff.role if staff else "teller"))
        )
        self.joined_check = QCheckBox(self.tr("Joined on:"))
        name_widget(self.joined_check, "joined_check", self.tr("Joining date known"))
        self.joined_edit = QDateEdit()
        name_widget(self.joined_edit, "joined_edit", self.tr("Joined on"))
        self.joined_edit.setCalendarPopup(True)
        self.joined_edit.setDisplayFormat("yyyy-MM-dd")
        joined = staff.joined_on if staff else None
        self.joined_edit.setDate(qdate(joined) if joined else QDate.currentDate())
        self.joined_check.setChecked(joined is not None)
        self.joined_edit.setEnabled(joined is not None)
        self.joined_check.toggled.connect(self.joined_edit.setEnabled)
        self.setStyleSheet(FORM_STYLE)
        self.error_label = make_error_label("general")
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.errors = FormErrors(
            self.error_label, {"one_head": "role", "last_head": "role", "wrong_outlet": "name"}
        )
        form = QFormLayout()
        self.errors.add_row(form, self.tr("&Name:"), "name", self.name_edit)
        self.errors.add_row(form, self.tr("&Employee no.:"), "employee_no", self.no_edit)
        self.errors.add_row(form, self.tr("&Role:"), "role", self.role_combo)
        form.addRow(
            self.joined_check,
            self.errors.wrap("joined_on", self.joined_edit, caption=self.joined_check),
        )
        self.name_edit.textChanged.connect(lambda _t: self.errors.clear("name"))
        self.no_edit.textChanged.connect(lambda _t: self.errors.clear("employee_no"))
        self.role_combo.currentIndexChanged.connect(lambda _i: self.errors.clear("role"))
        buttons, self.save_button, self.cancel_button = accept_reject_box(
            self, self.tr("&Save"), self.tr("Save"), self.tr("Cancel"), self.tr("Cancel")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _write(self) -> Staff:
        if self.staff is None:
            return staff_records.add_staff(
                self.actor,
                self.name_edit.text(),
                self.no_edit.text(),
                self.role_combo.currentData(),
                self.joined_on(),
            )
        return staff_records.update_staff(
            self.staff,
            self.actor,
            name=self.name_edit.text(),
            employee_no=self.no_edit.text(),
            role=self.role_combo.currentData(),
            joined_on=self.joined_on(),
        )

    def joined_on(self) -> dt.date | None:
        return py_date(self.joined_edit.date()) if self.joined_check.isChecked() else None

    def save(self) -> None:
        try:
            self.result_staff = operations.run_op(self, self._write, changes=STAFF_CHANGES)
        except (WorkflowError, ValidationError) as err:
            self.errors.show(err)
            return
        self.accept()


class StaffDialog(QDialog):
    """``StaffDialog.ask(parent, outlet, actor)``: the roster and records (no result).

    Emits no signals.
    """

    def __init__(self, outlet: Outlet, actor: Staff | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.rows: list[staff_records.RosterRow] = []
        self.setObjectName("staff_dialog")
        self.setWindowTitle(self.tr("Staff"))
        self.setAccessibleName(self.tr("Staff"))
        is_head = actor is not None and permissions.can(actor, Action.EDIT_STAFF, now()) is None

        self.table = QTableWidget(0, 5)
        name_widget(self.table, "roster_table", self.tr("Staff roster"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Employee no."),
                self.tr("Role"),
                self.tr("Joined"),
                self.tr("Active"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)

        self.add_button = QPushButton(self.tr("&Add…"))
        name_widget(self.add_button, "add_staff_button", self.tr("Add staff member"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        name_widget(self.edit_button, "edit_staff_button", self.tr("Edit staff member"))
        self.deactivate_button = QPushButton(self.tr("&Deactivate"))
        name_widget(self.deactivate_button, "deactivate_button", self.tr("Deactivate"))
        self.reactivate_button = QPushButton(self.tr("&Reactivate"))
        name_widget(self.reactivate_button, "reactivate_button", self.tr("Reactivate"))
        self.password_button = QPushButton(self.tr("Set &password…"))
        name_widget(self.password_button, "set_password_button", self.tr("Set password"))
        self.password_button.setToolTip(
            self.tr("Give the selected person an account, or reset their password.")
        )
        self.password_button.clicked.connect(self.set_password)
        self.add_button.clicked.connect(self.add_staff)
        self.edit_button.clicked.connect(self.edit_staff)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.head_buttons = (
            self.add_button,
            self.edit_button,
            self.deactivate_button,
            self.reactivate_button,
            self.password_button,
        )
        for button in self.head_buttons:
            button.setEnabled(is_head)
            button.setAutoDefault(False)
        if not is_head:
            self.add_button.setToolTip(self.tr("Only the head or acting head changes the roster."))
        self.status_label = QLabel()
        name_widget(self.status_label, "staff_status_label", self.tr("Result"))
        self.status_label.setWordWrap(True)

        left = QWidget()
        left.setObjectName("roster_panel")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in self.head_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status_label)

        self.tabs = QTabWidget()
        name_widget(self.tabs, "staff_tabs", self.tr("About the selected person"))
        self.duties_list = QListWidget()
        name_widget(self.duties_list, "duties_list", self.tr("Duties of the role"))
        self.duties_list.setWordWrap(True)
        self.duties_list.setSpacing(3)
        self.tabs.addTab(self.duties_list, self.tr("Duties"))
        record = QWidget()
        record.setObjectName("record_page")
        self.record_form = QFormLayout(record)
        self.record_labels: dict[str, QLabel] = {}
        # The record of a period (staff_records takes one): all time, this or last year,
        # this quarter or this month, as an assessment is made for.
        self.period_combo = QComboBox()
        name_widget(self.period_combo, "record_period", self.tr("Period of the record"))
        for text, period in self._record_periods(now().date()):
            self.period_combo.addItem(text, period)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.record_form.addRow(self.tr("&Period:"), self.period_combo)
        for key, caption in (
            ("first_asked", self.tr("Cases first-asked:")),
            ("handled", self.tr("Cases handled:")),
            ("transferred_to", self.tr("Cases transferred to them:")),
            ("found_liable", self.tr("Cases found liable:")),
            ("callbacks_made", self.tr("Callbacks made (reached):")),
            ("penalties", self.tr("Penalties (points, amount):")),
            ("training", self.tr("Training (sessions, hours):")),
        ):
            value = QLabel()
            name_widget(value, f"record_{key}", caption.rstrip(":："))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.record_labels[key] = value
            self.record_form.addRow(caption, value)
        self.tabs.addTab(record, self.tr("Record"))
        self.acting_table = QTableWidget(0, 4)
        name_widget(self.acting_table, "acting_table", self.tr("Acting-head history"))
        self.acting_table.setHorizontalHeaderLabels(
            [self.tr("Acting head"), self.tr("From"), self.tr("Until"), self.tr("Named by")]
        )
        self.acting_table.verticalHeader().hide()
        self.acting_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.acting_table.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.acting_table, self.tr("Acting head (Art. 8)"))

        splitter = QSplitter()
        splitter.setObjectName("staff_splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([520, 460])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        name_widget(
            close.button(QDialogButtonBox.StandardButton.Close), "close_button", self.tr("Close")
        )
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(1000, 520)
        self.reload()
        # Its own writes select what they changed; anyone else's keep the selection.
        operations.refresh_on(
            self, SHOWN_KINDS, lambda: self.reload(self._selected_id()), ignore_own=True
        )

    # --- filling ------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        self.rows = staff_records.roster(self.outlet)
        self._load_summaries()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = (
                row.name,
                row.employee_no,
                labels.label("role", row.role),
                row.joined_on.isoformat() if row.joined_on else "—",
                self.tr("Yes") if row.active else self.tr("No (deactivated)"),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if not row.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        history = staff_records.acting_head_history(self.outlet)
        self.acting_table.setRowCount(len(history))
        for r, span in enumerate(history):
            for c, value in enumerate(
                (
                    span.staff_name,
                    f"{span.starts_at:%Y-%m-%d %H:%M}",
                    f"{span.ends_at:%Y-%m-%d %H:%M}",
                    span.named_by,
                )
            ):
                self.acting_table.setItem(r, c, QTableWidgetItem(value))
        index = next((i for i, row in enumerate(self.rows) if row.id == select_id), 0)
        if self.rows:
            self.table.selectRow(index)
        self._selected()

    def _record_periods(self, today: dt.date) -> list[tuple[str, str | None]]:
        quarter = (today.month - 1) // 3 + 1
        return [
            (self.tr("All time"), None),
            (self.tr("This year ({year})").format(year=today.year), f"{today.year}"),
            (self.tr("Last year ({year})").format(year=today.year - 1), f"{today.year - 1}"),
            (
                self.tr("This quarter ({year} Q{quarter})").format(
                    year=today.year, quarter=quarter
                ),
                f"{today.year}-Q{quarter}",
            ),
            (
                self.tr("This month ({year}-{month:02d})").format(
                    year=today.year, month=today.month
                ),
                f"{today.year}-{today.month:02d}",
            ),
        ]

    def record_period(self) -> str | None:
        """The period the record shows ("2026", "2026-Q4", "2026-11"), None for all time."""
        return self.period_combo.currentData()

    def _load_summaries(self) -> None:
        summaries = staff_records.staff_summary(self.outlet, self.record_period())
        self.summaries = {s.staff_id: s for s in summaries}

    def _period_changed(self) -> None:
        self._load_summaries()
        self._selected()

    def selected(self) -> staff_records.RosterRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selected(self) -> None:
        row = self.selected()
        self.duties_list.clear()
        if row is None:
            return
        for duty in staff_records.duties_for(row.role):
            self.duties_list.addItem(duty_text(duty))
        s = self.summaries.get(row.id)
        if s is not None:
            values = {
                "first_asked": str(s.first_asked),
                "handled": str(s.handled),
                "transferred_to": str(s.transferred_to),
                "found_liable": str(s.found_liable),
                "callbacks_made": f"{s.callbacks_made} ({s.callbacks_reached})",
                "penalties": self.tr("{n} ({points} points, ¥{amount})").format(
                    n=s.penalties, points=s.penalty_points, amount=s.penalty_amount
                ),
                "training": self.tr("{n} ({hours} h)").format(
                    n=s.training_sessions, hours=s.training_hours
                ),
            }
            for key, value in values.items():
                self.record_labels[key].setText(value)
        head = self.actor is not None and self.add_button.isEnabled()
        self.deactivate_button.setEnabled(head and row.active)
        self.reactivate_button.setEnabled(head and not row.active)
        self.password_button.setEnabled(head and row.active)

    # --- actions ------------------------------------------------------------------------

    def _selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def _staff(self) -> Staff | None:
        row = self.selected()
        return staff_records.staff_member(row.id) if row else None

    def add_staff(self) -> None:
        if self.actor is None:  # the buttons are the head's
            return
        dialog = StaffEditDialog(self.actor, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_staff is not None:
            self.reload(dialog.result_staff.id)

    def edit_staff(self) -> None:
        staff = self._staff()
        if staff is None or self.actor is None:
            return
        dialog = StaffEditDialog(self.actor, staff, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(staff.id)

    def set_password(self) -> None:
        """Create the selected person's account or reset its password (db checks edit_staff)."""
        staff = self._staff()
        if staff is None or self.actor is None:
            return
        if SetPasswordDialog.ask(self, staff, self.actor):
            self.status_label.setText(self.tr("{name}'s password is set.").format(name=staff.name))

    def deactivate(self) -> None:
        staff, actor = self._staff(), self.actor
        if staff is None or actor is None:
            return
        try:
            result = operations.run_op(
                self,
                lambda: staff_records.deactivate_staff(staff, actor),
                changes=STAFF_CHANGES,
            )
        except (WorkflowError, ValidationError) as err:
            self.status_label.setText(_message(err))
            return
        text = self.tr("{name} is deactivated.").format(name=staff.name)
        if result.open_cases or result.pending_callbacks:
            text += " " + self.tr(
                "Reassign their open cases ({cases}) and {callbacks} pending callbacks."
            ).format(cases="、".join(result.open_cases) or "—", callbacks=result.pending_callbacks)
        self.status_label.setText(text)
        self.reload(staff.id)

    def reactivate(self) -> None:
        staff, actor = self._staff(), self.actor
        if staff is None or actor is None:
            return
        try:
            operations.run_op(
                self,
                lambda: staff_records.reactivate_staff(staff, actor),
                changes=STAFF_CHANGES,
            )
        except (WorkflowError, ValidationError) as err:
            self.status_label.setText(_message(err))
            return
        self.status_label.setText(self.tr("{name} is active again.").format(name=staff.name))
        self.reload(staff.id)

    @classmethod
    def ask(cls, parent: QWidget | None, outlet: Outlet, actor: Staff | None) -> None:
        dialog = cls(outlet, actor, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
