"""Settings → Penalty scale…: points, yuan and measures per cause and severity.

The rules' penalty chapter is not available, so an example scale ships; while it is in
force the dialog says so plainly. ``penalties.validate_scale`` checks the table before
``penalties.set_scale`` stores it (head or acting head).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.management import penalties
from db.store.models import Staff, now
from db.trust import permissions
from db.trust.policy import Action
from desktop.handling.action_form import name_widget
from desktop.kit import labels, operations
from desktop.kit.common import cell_item, cell_widget, save_shortcut
from desktop.kit.form_kit import FORM_STYLE, FormErrors, make_error_label

COL_CAUSE, COL_SEVERITY, COL_POINTS, COL_AMOUNT = range(4)
FIRST_MEASURE_COL = 4


class PenaltyScaleDialog(QDialog):
    """``PenaltyScaleDialog.ask(parent, actor)`` → True when the scale was saved or reset.

    Emits no signals.
    """

    def __init__(self, actor: Staff | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.changed = False
        self.setObjectName("penalty_scale_dialog")
        self.setWindowTitle(self.tr("Penalty scale"))
        self.setAccessibleName(self.tr("Penalty scale"))
        is_head = actor is not None and permissions.can(actor, Action.EDIT_RULES, now()) is None
        self.banner = QLabel()
        name_widget(self.banner, "scale_banner", self.tr("Scale status"))
        self.banner.setWordWrap(True)
        self.label_edit = QLineEdit()
        name_widget(self.label_edit, "scale_label_edit", self.tr("Name of the scale"))
        self.source_edit = QLineEdit()
        name_widget(self.source_edit, "scale_source_edit", self.tr("Source of the scale"))
        measures = labels.choices("penalty_measure")
        self.measure_codes = [code for code, _text in measures]
        self.table = QTableWidget(0, FIRST_MEASURE_COL + len(measures))
        name_widget(self.table, "scale_table", self.tr("Penalty scale"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Cause"), self.tr("Severity"), self.tr("Points"), self.tr("Yuan")]
            + [text for _code, text in measures]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("&Add row"))
        name_widget(self.add_button, "add_row_button", self.tr("Add row"))
        self.remove_button = QPushButton(self.tr("Re&move row"))
        name_widget(self.remove_button, "remove_row_button", self.tr("Remove row"))
        self.reset_button = QPushButton(self.tr("Reset to the &example"))
        name_widget(self.reset_button, "reset_scale_button", self.tr("Reset to the example"))
        self.save_button = QPushButton(self.tr("&Save"))
        name_widget(self.save_button, "save_button", self.tr("Save"))
        self.close_button = QPushButton(self.tr("Close"))
        name_widget(self.close_button, "close_button", self.tr("Close"))
        for button in (self.add_button, self.remove_button, self.reset_button, self.save_button):
            button.setEnabled(is_head)
            button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_entry(None))
        self.remove_button.clicked.connect(self.remove_entry)
        self.reset_button.clicked.connect(self.reset)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        save_shortcut(self, self.save_button)
        self.setStyleSheet(FORM_STYLE)
        self.error_label = make_error_label("general")
        self.error_label.setAccessibleName(self.tr("Problem"))
        # The table is one field: what is wrong with its entries shows under it.
        self.errors = FormErrors(
            self.error_label,
            {code: "entries" for code in ("scale_duplicate", "scale_incomplete", "scale_invalid")},
        )
        self.errors.alias("entries", "cause", "severity", "points", "amount", "measures")

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        for caption, field, edit in (
            (self.tr("Name:"), "label", self.label_edit),
            (self.tr("Source:"), "source", self.source_edit),
        ):
            row = QHBoxLayout()
            label = QLabel(caption)
            label.setBuddy(edit)
            label.setMinimumWidth(60)
            row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(self.errors.wrap(field, edit, caption=label), 1)
            layout.addLayout(row)
        table_caption = QLabel(self.tr("Entries:"))
        table_caption.setBuddy(self.table)
        layout.addWidget(table_caption)
        layout.addWidget(self.errors.wrap("entries", self.table, caption=table_caption, lines=2), 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(1060, 520)
        self.load(penalties.scale_setting())

    def load(self, setting: penalties.ScaleSetting) -> None:
        scale = setting.scale
        if setting.is_example:
            self.banner.setText(self.tr("Example scale — replace with your district's"))
            self.banner.setStyleSheet(
                "background: #fff4ce; border: 1px solid #c19c00; padding: 6px; font-weight: bold;"
            )
        else:
            self.banner.setText(self.tr("The outlet's own scale."))
            self.banner.setStyleSheet("")
        label = scale.label
        if label == penalties.EXAMPLE_LABEL:
            label = self.tr("Example scale — replace with your district's")
        self.label_edit.setText(label)
        source = scale.source
        if source == penalties.EXAMPLE_SOURCE:
            source = self.tr("This program's example: the rules' penalty chapter is not available")
        self.source_edit.setText(source)
        self.table.setRowCount(0)
        for entry in scale.entries:
            self.add_entry(entry)

    def add_entry(self, entry: penalties.ScaleEntry | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cause = QComboBox()
        name_widget(cause, f"cause_combo_{row}", self.tr("Cause"))
        cause.addItem(self.tr("Any cause"), penalties.ANY_CAUSE)
        for code, text in labels.choices("cause"):
            cause.addItem(text, code)
        severity = QComboBox()
        name_widget(severity, f"severity_combo_{row}", self.tr("Severity"))
        for code, text in labels.choices("penalty_severity"):
            severity.addItem(text, code)
        points = QSpinBox()
        name_widget(points, f"points_spin_{row}", self.tr("Points"))
        points.setRange(0, penalties.MAX_POINTS)
        amount = QDoubleSpinBox()
        name_widget(amount, f"amount_spin_{row}", self.tr("Yuan"))
        amount.setRange(0, float(penalties.MAX_AMOUNT))
        amount.setDecimals(2)
        if entry is not None:
            cause.setCurrentIndex(max(0, cause.findData(entry.cause)))
            severity.setCurrentIndex(max(0, severity.findData(entry.severity)))
            points.setValue(entry.points)
            amount.setValue(float(entry.amount))
        for col, widget in enumerate((cause, severity, points, amount)):
            self.table.setCellWidget(row, col, widget)
        for i, code in enumerate(self.measure_codes):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            on = entry is not None and code in entry.measures
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.table.setItem(row, FIRST_MEASURE_COL + i, item)

    def remove_entry(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def scale_data(self) -> dict:
        label = self.label_edit.text()
        if label == self.tr("Example scale — replace with your district's"):
            label = penalties.EXAMPLE_LABEL
        entries = []
        for row in range(self.table.rowCount()):
            entries.append(
                {
                    "cause": cell_widget(self.table, row, COL_CAUSE, QComboBox).currentData(),
                    "severity": cell_widget(self.table, row, COL_SEVERITY, QComboBox).currentData(),
                    "points": cell_widget(self.table, row, COL_POINTS, QSpinBox).value(),
                    "amount": str(
                        Decimal(
                            str(
                                round(
                                    cell_widget(
                                        self.table, row, COL_AMOUNT, QDoubleSpinBox
                                    ).value(),
                                    2,
                                )
                            )
                        )
                    ),
                    "measures": [
                        code
                        for i, code in enumerate(self.measure_codes)
                        if cell_item(self.table, row, FIRST_MEASURE_COL + i).checkState()
                        == Qt.CheckState.Checked
                    ],
                }
            )
        return {"label": label, "source": self.source_edit.text(), "entries": entries}

    def save(self) -> None:
        actor = self.actor
        if actor is None:  # only the head's dialog has Save enabled
            return
        try:
            scale = penalties.validate_scale(self.scale_data())
            operations.run_op(
                self,
                lambda: penalties.set_scale(scale, actor),
                changes=Changes.of(Kind.SETTINGS),
            )
        except WorkflowError as err:
            self.errors.show(err)
            return
        self.changed = True
        self.accept()

    def reset(self) -> None:
        actor = self.actor
        if actor is None:  # only the head's dialog has Reset enabled
            return
        try:
            operations.run_op(
                self,
                lambda: penalties.reset_scale(actor),
                changes=Changes.of(Kind.SETTINGS),
            )
        except WorkflowError as err:
            self.errors.show(err)
            return
        self.changed = True
        self.errors.clear()
        self.load(penalties.scale_setting())

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Staff | None) -> bool:
        dialog = cls(actor, parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()
