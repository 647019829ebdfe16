"""Liability determination (Art. 5(8)): was the outlet at fault, and who is responsible.

The head (or the acting head within their span) decides. A liable finding names one or
more responsible staff with shares adding up to 100 %, the duty or rule breached and the
cause; a finding of no liability says why. Evidence files are copied beside the database
and checksummed by db.management.liability. The rules live there; this dialog collects the finding,
checks it with ``liability.validate`` (pure) and calls ``liability.determine``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from db.changes import Kind
from db.intake import outlets
from db.management import liability
from db.store.models import Case, Liability, Staff
from desktop.handling.action_form import ActionDialog, name_widget, staff_text, to_python
from desktop.kit.common import cell_widget


class FindingForm:
    """The rows of a finding, added to an ActionDialog's form (determination and review).

    Refusals name the fields ``liable``, ``responsible``, ``basis``, ``cause``, ``reasons``
    and ``evidence``. :meth:`load` fills it from a stored finding (a review starts there);
    ``changed`` callbacks run whenever any part of the finding is edited.
    """

    CODE_FIELDS = {
        "responsible_required": "responsible",
        "responsible_not_liable": "responsible",
        "responsible_duplicate": "responsible",
        "shares_sum": "responsible",
        "share_invalid": "responsible",
        "wrong_outlet": "responsible",
    }

    def __init__(self, dialog: ActionDialog, case: Case) -> None:
        self.dialog = dialog
        self.case = case
        self.people = list(outlets.active_staff(case.outlet))
        self.evidence: list[Path] = []
        self.changed: list[Callable[[], None]] = []

        self.liable_radio = QRadioButton(QCoreApplication.translate("FindingForm", "&Liable"))
        name_widget(
            self.liable_radio, "liable_radio", QCoreApplication.translate("FindingForm", "Liable")
        )
        self.not_liable_radio = QRadioButton(
            QCoreApplication.translate("FindingForm", "&Not liable")
        )
        name_widget(
            self.not_liable_radio,
            "not_liable_radio",
            QCoreApplication.translate("FindingForm", "Not liable"),
        )
        self.group = QButtonGroup(dialog)
        self.group.addButton(self.liable_radio)
        self.group.addButton(self.not_liable_radio)
        self.group.buttonToggled.connect(lambda _b, _c: self._update_enabled())
        self.group.buttonToggled.connect(lambda _b, _c: self._notify())
        row = QWidget()
        row.setObjectName("outcome_row")
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.liable_radio)
        row_layout.addWidget(self.not_liable_radio)
        row_layout.addStretch(1)
        dialog.add_row(QCoreApplication.translate("FindingForm", "Outcome:"), "liable", row)

        # Responsible staff: a staff combo and a share per row.
        self.table = QTableWidget(0, 2)
        name_widget(
            self.table,
            "responsible_table",
            QCoreApplication.translate("FindingForm", "Responsible staff and shares"),
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("FindingForm", "Staff member"),
                QCoreApplication.translate("FindingForm", "Share (%)"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 110)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)
        self.add_person_button = QPushButton(
            QCoreApplication.translate("FindingForm", "&Add person")
        )
        name_widget(
            self.add_person_button,
            "add_person_button",
            QCoreApplication.translate("FindingForm", "Add person"),
        )
        self.remove_person_button = QPushButton(
            QCoreApplication.translate("FindingForm", "Remove person")
        )
        name_widget(
            self.remove_person_button,
            "remove_person_button",
            QCoreApplication.translate("FindingForm", "Remove person"),
        )
        self.equal_button = QPushButton(QCoreApplication.translate("FindingForm", "Split &equally"))
        name_widget(
            self.equal_button,
            "equal_split_button",
            QCoreApplication.translate("FindingForm", "Split equally"),
        )
        self.sum_label = QLabel()
        name_widget(
            self.sum_label,
            "share_sum_label",
            QCoreApplication.translate("FindingForm", "Sum of shares"),
        )
        self.add_person_button.clicked.connect(lambda: self.add_person())
        self.remove_person_button.clicked.connect(self.remove_person)
        self.equal_button.clicked.connect(self.split_equally)
        people_box = QWidget()
        people_box.setObjectName("responsible_box")
        box = QVBoxLayout(people_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table)
        buttons = QHBoxLayout()
        for button in (self.add_person_button, self.remove_person_button, self.equal_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.sum_label)
        box.addLayout(buttons)
        dialog.add_row(
            QCoreApplication.translate("FindingForm", "&Responsible:"), "responsible", people_box
        )

        self.basis_edit = dialog.text_edit(
            "basis",
            QCoreApplication.translate("FindingForm", "Basis"),
            QCoreApplication.translate("FindingForm", "The duty or rule breached, e.g. Art. 7(2)"),
            lines=2,
        )
        dialog.add_row(
            QCoreApplication.translate("FindingForm", "&Basis:"), "basis", self.basis_edit
        )
        self.cause_combo = dialog.code_combo(
            "cause", "cause", QCoreApplication.translate("FindingForm", "Cause"), placeholder=False
        )
        index = self.cause_combo.findData(case.cause)
        if index >= 0:
            self.cause_combo.setCurrentIndex(index)
        dialog.add_row(
            QCoreApplication.translate("FindingForm", "&Cause:"), "cause", self.cause_combo
        )
        self.reasons_edit = dialog.text_edit(
            "reasons",
            QCoreApplication.translate("FindingForm", "Reasons"),
            QCoreApplication.translate("FindingForm", "What was found; for no liability, why not"),
            lines=3,
        )
        dialog.add_row(
            QCoreApplication.translate("FindingForm", "R&easons:"), "reasons", self.reasons_edit
        )

        self.evidence_list = QListWidget()
        name_widget(
            self.evidence_list,
            "evidence_list",
            QCoreApplication.translate("FindingForm", "Evidence files"),
        )
        self.evidence_list.setFixedHeight(self.evidence_list.fontMetrics().lineSpacing() * 3 + 12)
        self.add_file_button = QPushButton(QCoreApplication.translate("FindingForm", "Add &files…"))
        name_widget(
            self.add_file_button,
            "add_evidence_button",
            QCoreApplication.translate("FindingForm", "Add evidence files"),
        )
        self.remove_file_button = QPushButton(
            QCoreApplication.translate("FindingForm", "Remove file")
        )
        name_widget(
            self.remove_file_button,
            "remove_evidence_button",
            QCoreApplication.translate("FindingForm", "Remove evidence file"),
        )
        self.add_file_button.clicked.connect(self.choose_files)
        self.remove_file_button.clicked.connect(self.remove_file)
        files_box = QWidget()
        files_box.setObjectName("evidence_box")
        files_layout = QHBoxLayout(files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.evidence_list, 1)
        file_buttons = QVBoxLayout()
        for button in (self.add_file_button, self.remove_file_button):
            button.setAutoDefault(False)
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        files_layout.addLayout(file_buttons)
        dialog.add_row(
            QCoreApplication.translate("FindingForm", "E&vidence:"), "evidence", files_box
        )
        for edit in (self.basis_edit, self.reasons_edit):
            edit.textChanged.connect(self._notify)
        self.cause_combo.currentIndexChanged.connect(lambda _i: self._notify())
        self._update_enabled()
        self._update_sum()

    def _notify(self) -> None:
        for callback in self.changed:
            callback()

    def load(self, finding: liability.Finding) -> None:
        """Start from ``finding``: outcome, responsible staff with their shares (former
        staff too, since they still answer for it), basis, cause and reasons."""
        radio = self.liable_radio if finding.liable else self.not_liable_radio
        radio.setChecked(True)
        self.table.setRowCount(0)
        known = {p.id for p in self.people}
        for entry in finding.responsible:
            if entry.staff.id not in known:
                self.people.append(entry.staff)
                known.add(entry.staff.id)
        for entry in finding.responsible:
            self.add_person(entry.staff, Decimal(str(entry.share)))
        self.basis_edit.setPlainText(finding.basis)
        index = self.cause_combo.findData(finding.cause or self.case.cause)
        if index >= 0:
            self.cause_combo.setCurrentIndex(index)
        self.reasons_edit.setPlainText(finding.reasons)
        self._notify()

    # --- responsible people -------------------------------------------------------------

    def add_person(self, person: Staff | None = None, share: Decimal | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        name_widget(
            combo,
            f"responsible_combo_{row}",
            QCoreApplication.translate("FindingForm", "Responsible staff member"),
        )
        for each in self.people:
            combo.addItem(staff_text(each), each.id)
        if person is not None:
            combo.setCurrentIndex(max(0, combo.findData(person.id)))
        spin = QDoubleSpinBox()
        name_widget(
            spin, f"share_spin_{row}", QCoreApplication.translate("FindingForm", "Share in percent")
        )
        spin.setRange(0, 100)
        spin.setDecimals(2)
        spin.setSuffix(" %")
        spin.setValue(float(share) if share is not None else 0.0)
        spin.valueChanged.connect(lambda _v: self._update_sum())
        combo.currentIndexChanged.connect(lambda _i: self.dialog.clear_error("responsible"))
        combo.currentIndexChanged.connect(lambda _i: self._notify())
        self.table.setCellWidget(row, 0, combo)
        self.table.setCellWidget(row, 1, spin)
        if share is None:
            self.split_equally()
        self._update_sum()

    def set_responsible(self, people: list[Staff]) -> None:
        self.table.setRowCount(0)
        for person, share in zip(people, liability.equal_shares(len(people)), strict=True):
            self.add_person(person, share)

    def remove_person(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
        self._update_sum()

    def split_equally(self) -> None:
        for row, share in enumerate(liability.equal_shares(self.table.rowCount())):
            spin = cell_widget(self.table, row, 1, QDoubleSpinBox)
            spin.blockSignals(True)
            spin.setValue(float(share))
            spin.blockSignals(False)
        self._update_sum()

    def shares(self) -> list[Decimal]:
        return [
            Decimal(str(round(cell_widget(self.table, r, 1, QDoubleSpinBox).value(), 2)))
            for r in range(self.table.rowCount())
        ]

    def responsible(self) -> list[liability.Responsible]:
        result = []
        for row, share in enumerate(self.shares()):
            staff_id = cell_widget(self.table, row, 0, QComboBox).currentData()
            person = next(p for p in self.people if p.id == staff_id)
            result.append(liability.Responsible(person, share))
        return result

    def _update_sum(self) -> None:
        total = sum(self.shares(), Decimal(0)).quantize(Decimal("0.01"))
        self.sum_label.setText(
            QCoreApplication.translate("FindingForm", "Total: {total} %").format(total=total)
        )
        ok = total == 100 or self.table.rowCount() == 0
        self.sum_label.setStyleSheet("" if ok else "color: #b00020; font-weight: bold;")
        self.dialog.clear_error("responsible")
        self._notify()

    def _update_enabled(self) -> None:
        liable = not self.not_liable_radio.isChecked()
        for widget in (
            self.table,
            self.add_person_button,
            self.remove_person_button,
            self.equal_button,
            self.basis_edit,
        ):
            widget.setEnabled(liable)
        self.dialog.clear_error()

    # --- evidence -------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.dialog,
            QCoreApplication.translate("FindingForm", "Evidence files"),
            "",
            QCoreApplication.translate("FindingForm", "All files (*)"),
        )
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.evidence:
                self.evidence.append(path)
                self.evidence_list.addItem(path.name)
                self.evidence_list.item(self.evidence_list.count() - 1).setToolTip(str(path))
        self.dialog.clear_error("evidence")

    def remove_file(self) -> None:
        row = self.evidence_list.currentRow()
        if row < 0:
            row = self.evidence_list.count() - 1
        if row >= 0:
            self.evidence_list.takeItem(row)
            del self.evidence[row]

    # --- the finding ----------------------------------------------------------------------

    def finding(self) -> liability.Finding:
        """The finding as entered (``liable`` None when neither outcome was chosen)."""
        chosen = self.liable_radio.isChecked() or self.not_liable_radio.isChecked()
        liable = self.liable_radio.isChecked()
        return liability.Finding(
            liable=liable if chosen else None,
            reasons=self.reasons_edit.toPlainText(),
            responsible=self.responsible() if liable else (),
            basis=self.basis_edit.toPlainText() if liable else "",
            cause=str(self.cause_combo.currentData() or ""),
        )

    def rows(self) -> list[QWidget]:
        """The field widgets, for showing or hiding the whole finding."""
        widgets = [
            self.liable_radio.parentWidget(),
            self.table.parentWidget(),
            self.basis_edit,
            self.cause_combo,
            self.reasons_edit,
            self.evidence_list.parentWidget(),
        ]
        return [widget for widget in widgets if widget is not None]


class LiabilityDialog(ActionDialog):
    """``LiabilityDialog.ask(parent, case, actor)`` → the Liability, or None.

    After a liable determination, ``ask`` opens the penalty dialog. Emits no signals.
    """

    CODE_FIELDS = FindingForm.CODE_FIELDS

    def __init__(self, case: Case, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(case, actor, parent, object_name="liability_dialog", title="")
        self.set_title(self.tr("Determine liability"))
        self.set_intro(
            self.tr(
                "The head, or the acting head while named, confirms whether the outlet was "
                "at fault and, if so, who is responsible and for what share (Art. 5(8))."
            )
        )
        self.finding_form = FindingForm(self, case)
        self.determiner_label = QLabel(staff_text(actor))
        name_widget(self.determiner_label, "determiner_label", self.tr("Determined by"))
        self.add_row(self.tr("Determined by:"), "determined_by", self.determiner_label)
        self.at_edit = self.datetime_edit("determined_at", self.tr("Date of determination"))
        self.add_row(self.tr("&Date:"), "at", self.at_edit)
        self.finish_layout()
        self.resize(max(self.width(), 620), self.height())

    # Shortcuts to the form's fields, for tests and scripts.
    @property
    def liable_radio(self) -> QRadioButton:
        return self.finding_form.liable_radio

    @property
    def not_liable_radio(self) -> QRadioButton:
        return self.finding_form.not_liable_radio

    @property
    def reasons_edit(self) -> QPlainTextEdit:
        return self.finding_form.reasons_edit

    @property
    def basis_edit(self) -> QPlainTextEdit:
        return self.finding_form.basis_edit

    def set_responsible(self, people: list[Staff]) -> None:
        """Name ``people`` as responsible, in equal shares."""
        self.finding_form.set_responsible(people)

    ALSO_CHANGES = (Kind.PENALTIES,)  # a finding may leave penalties owed

    def commit(self) -> Liability:
        # determine() checks the whole finding (and the date) before it writes anything.
        return liability.determine(
            self.case,
            self.actor,
            self.finding_form.finding(),
            evidence=self.finding_form.evidence,
            at=to_python(self.at_edit),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, case: Case, actor: Staff) -> Liability | None:
        result = cls.run(cls(case, actor, parent))
        if result is not None and result.liable:
            from desktop.management.penalty_dialog import PenaltyDialog

            PenaltyDialog.ask(parent, case, actor)
        return result


def ask(parent: QWidget | None, case: Case, actor: Staff) -> Liability | None:
    return LiabilityDialog.ask(parent, case, actor)
