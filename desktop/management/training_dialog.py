"""Outlet → Training…: sessions, each person's history, and who is behind.

Sessions are recorded through db.management.training.record_session (head or acting head); a
remedial session may name the liable case that caused it. "Behind" lists active staff
with no session of a topic within the threshold, a setting the head may change.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.intake import cases, outlets
from db.management import staff_records, training
from db.store import codes
from db.store.models import Outlet, Staff, TrainingSession, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.handling.action_form import name_widget, staff_text
from desktop.kit import labels, operations
from desktop.kit.common import accept_reject_box
from desktop.kit.form_kit import FORM_STYLE, FormErrors, make_error_label, refusal_text
from desktop.kit.qt_dates import py_date


def _table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    name_widget(table, name, accessible)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class SessionDialog(QDialog):
    """Record one session: date, topic, title, trainer, hours, attendees, remedial case."""

    def __init__(self, outlet: Outlet, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.session: TrainingSession | None = None
        self.setObjectName("training_session_dialog")
        self.setWindowTitle(self.tr("Record a training session"))
        self.setAccessibleName(self.tr("Record a training session"))
        self.date_edit = QDateEdit(QDate.currentDate())
        name_widget(self.date_edit, "held_on_edit", self.tr("Date"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.topic_combo = QComboBox()
        name_widget(self.topic_combo, "topic_combo", self.tr("Topic"))
        for code, text in labels.choices("training_topic"):
            self.topic_combo.addItem(text, code)
        self.title_edit = QLineEdit()
        name_widget(self.title_edit, "title_edit", self.tr("Title"))
        self.trainer_edit = QLineEdit()
        name_widget(self.trainer_edit, "trainer_edit", self.tr("Trainer"))
        self.hours_spin = QDoubleSpinBox()
        name_widget(self.hours_spin, "hours_spin", self.tr("Hours"))
        self.hours_spin.setRange(0, float(training.MAX_HOURS))
        self.hours_spin.setDecimals(2)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setValue(1.0)
        self.attendees_list = QListWidget()
        name_widget(self.attendees_list, "attendees_list", self.tr("Attendees"))
        for person in outlets.active_staff(outlet):
            item = QListWidgetItem(staff_text(person))
            item.setData(Qt.ItemDataRole.UserRole, person)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.attendees_list.addItem(item)
        self.attendees_list.setFixedHeight(
            self.attendees_list.sizeHintForRow(0) * max(3, min(self.attendees_list.count(), 7)) + 6
        )
        self.case_edit = QLineEdit()
        name_widget(self.case_edit, "remedial_case_edit", self.tr("Remedial for case number"))
        self.case_edit.setPlaceholderText(self.tr("Optional: the liable case's number"))
        self.setStyleSheet(FORM_STYLE)
        self.error_label = make_error_label("general")
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.errors = FormErrors(
            self.error_label,
            {"attendees_required": "attendees", "remedial_not_liable": "remedial_case"},
        )
        self.errors.alias("topic", "training topic")
        form = QFormLayout()
        for caption, field, widget in (
            (self.tr("&Date:"), "held_on", self.date_edit),
            (self.tr("T&opic:"), "topic", self.topic_combo),
            (self.tr("&Title:"), "title", self.title_edit),
            (self.tr("T&rainer:"), "trainer", self.trainer_edit),
            (self.tr("&Hours:"), "hours", self.hours_spin),
            (self.tr("&Attendees:"), "attendees", self.attendees_list),
            (self.tr("Remedial for &case:"), "remedial_case", self.case_edit),
        ):
            self.errors.add_row(form, caption, field, widget)
        buttons, self.save_button, self.cancel_button = accept_reject_box(
            self, self.tr("&Save"), self.tr("Save"), self.tr("Cancel"), self.tr("Cancel")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def set_attendees(self, people: list[Staff]) -> None:
        ids = {p.id for p in people}
        for i in range(self.attendees_list.count()):
            item = self.attendees_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole).id in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def attendees(self) -> list[Staff]:
        return [
            self.attendees_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.attendees_list.count())
            if self.attendees_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        remedial = None
        number = self.case_edit.text().strip()
        if number:
            remedial = cases.case_by_number(number)
            if remedial is None:
                self.errors.clear()
                self.errors.show_message("remedial_case", self.tr("No complaint has this number."))
                return
        try:
            self.session = operations.run_op(
                self,
                lambda: training.record_session(
                    self.actor,
                    held_on=py_date(self.date_edit.date()),
                    topic=self.topic_combo.currentData(),
                    title=self.title_edit.text(),
                    trainer=self.trainer_edit.text(),
                    hours=str(round(self.hours_spin.value(), 2)),
                    attendees=self.attendees(),
                    remedial_case=remedial,
                ),
                changes=Changes.of(Kind.TRAINING),
            )
        except WorkflowError as err:
            self.errors.show(err)
            return
        self.accept()


class TrainingDialog(QDialog):
    """``TrainingDialog.ask(parent, outlet, actor)``: sessions, histories, who is behind.

    Emits no signals.
    """

    def __init__(self, outlet: Outlet, actor: Staff | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.outlet = outlet
        self.actor = actor
        self.setObjectName("training_dialog")
        self.setWindowTitle(self.tr("Training"))
        self.setAccessibleName(self.tr("Training"))
        may_record = (
            actor is not None and permissions.can(actor, Action.RECORD_TRAINING, now()) is None
        )
        may_set = actor is not None and permissions.can(actor, Action.EDIT_RULES, now()) is None
        headers = [
            self.tr("Date"),
            self.tr("Topic"),
            self.tr("Title"),
            self.tr("Trainer"),
            self.tr("Hours"),
            self.tr("Attendees"),
            self.tr("Remedial for"),
        ]
        self.tabs = QTabWidget()
        name_widget(self.tabs, "training_tabs", self.tr("Training"))

        # Sessions
        self.sessions_table = _table("sessions_table", self.tr("Training sessions"), headers)
        self.record_button = QPushButton(self.tr("&Record a session…"))
        name_widget(self.record_button, "record_session_button", self.tr("Record a session"))
        self.record_button.setEnabled(may_record)
        self.record_button.clicked.connect(self.record_session)
        page = QWidget()
        page.setObjectName("sessions_page")
        box = QVBoxLayout(page)
        box.addWidget(self.sessions_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addStretch(1)
        box.addLayout(row)
        self.tabs.addTab(page, self.tr("Sessions"))

        # Per-staff history
        self.staff_combo = QComboBox()
        name_widget(self.staff_combo, "history_staff_combo", self.tr("Staff member"))
        for person in outlets.all_staff(outlet):
            self.staff_combo.addItem(staff_text(person), person.id)
        self.staff_combo.currentIndexChanged.connect(lambda _i: self.fill_history())
        self.history_table = _table("history_table", self.tr("Training history"), headers[:5])
        page = QWidget()
        page.setObjectName("history_page")
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Staff member:")))
        row.addWidget(self.staff_combo, 1)
        box.addLayout(row)
        box.addWidget(self.history_table, 1)
        self.tabs.addTab(page, self.tr("History"))

        # Behind
        self.behind_topic = QComboBox()
        name_widget(self.behind_topic, "behind_topic_combo", self.tr("Topic"))
        for code, text in labels.choices("training_topic"):
            self.behind_topic.addItem(text, code)
        self.behind_topic.setCurrentIndex(
            self.behind_topic.findData(codes.TOPIC_COMPLAINT_HANDLING)
        )
        self.behind_topic.currentIndexChanged.connect(lambda _i: self.fill_behind())
        self.months_spin = QSpinBox()
        name_widget(self.months_spin, "behind_months_spin", self.tr("Threshold in months"))
        self.months_spin.setRange(training.BEHIND_MONTHS_MIN, training.BEHIND_MONTHS_MAX)
        self.months_spin.setSuffix(self.tr(" months"))
        self.months_spin.setValue(training.behind_months())
        self.months_spin.setEnabled(may_set)
        self.save_months_button = QPushButton(self.tr("Save &threshold"))
        name_widget(self.save_months_button, "save_threshold_button", self.tr("Save threshold"))
        self.save_months_button.setEnabled(may_set)
        self.save_months_button.clicked.connect(self.save_months)
        self.behind_table = _table(
            "behind_table",
            self.tr("Staff behind on training"),
            [self.tr("Name"), self.tr("Role"), self.tr("Last trained on")],
        )
        self.behind_status = QLabel()
        name_widget(self.behind_status, "behind_status_label", self.tr("Result"))
        page = QWidget()
        page.setObjectName("behind_page")
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Topic:")))
        row.addWidget(self.behind_topic)
        row.addWidget(QLabel(self.tr("No training within:")))
        row.addWidget(self.months_spin)
        row.addWidget(self.save_months_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.behind_table, 1)
        box.addWidget(self.behind_status)
        self.tabs.addTab(page, self.tr("Behind on training"))

        close = QDialogButtonBox()
        self.close_button = close.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        name_widget(self.close_button, "close_button", self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.resize(820, 480)
        self.reload()
        # Sessions, who is behind and the remedial training penalties call for.
        operations.refresh_on(
            self,
            (Kind.TRAINING, Kind.STAFF, Kind.PENALTIES, Kind.CASES),
            self.reload,
            ignore_own=True,
        )

    def _row(self, s: training.SessionRow, with_rest: bool = True) -> tuple[str, ...]:
        values = (
            s.held_on.isoformat(),
            labels.label("training_topic", s.topic),
            s.title,
            s.trainer,
            f"{s.hours}",
        )
        if with_rest:
            return (*values, str(s.attendees), s.remedial_case_no or "")
        return values

    def reload(self) -> None:
        _fill(self.sessions_table, [self._row(s) for s in training.sessions(self.outlet)])
        self.fill_history()
        self.fill_behind()

    def fill_history(self) -> None:
        staff_id = self.staff_combo.currentData()
        rows = []
        person = staff_records.staff_member(staff_id) if staff_id is not None else None
        if person is not None:
            rows = [self._row(s, False) for s in training.training_history(person)]
        _fill(self.history_table, rows)

    def fill_behind(self) -> None:
        rows = training.staff_behind_on_training(
            topic=self.behind_topic.currentData(), outlet=self.outlet
        )
        _fill(
            self.behind_table,
            [
                (
                    r.name,
                    labels.label("role", r.role),
                    r.last_trained_on.isoformat() if r.last_trained_on else self.tr("never"),
                )
                for r in rows
            ],
        )
        self.behind_status.setText(
            self.tr("{n} behind: no session of this topic in the last {months} months.").format(
                n=len(rows), months=training.behind_months()
            )
        )

    def record_session(self) -> None:
        if self.actor is None:
            return
        dialog = SessionDialog(self.outlet, self.actor, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.reload()
        finally:
            dialog.deleteLater()

    def save_months(self) -> None:
        actor = self.actor
        if actor is None:  # Save is disabled without a logged-in actor
            return
        try:
            operations.run_op(
                self,
                lambda: training.set_behind_months(self.months_spin.value(), actor),
                changes=Changes.of(Kind.TRAINING, Kind.SETTINGS),
            )
        except WorkflowError as err:
            self.behind_status.setText(refusal_text(err))
            return
        self.fill_behind()

    @classmethod
    def ask(cls, parent: QWidget | None, outlet: Outlet, actor: Staff | None) -> None:
        dialog = cls(outlet, actor, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
