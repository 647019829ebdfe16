"""The district's work orders tab (工单): the list across outlets with its filters (outlet,
source, where each stands), the selected one with the outlet's reply set against its
reply-by, and the actions: enter one, import a file, assign to an outlet, send a bundle
down. Each action calls one db.district use case; a refusal is shown as the rules word it.

Signals:
    notice_shown(str): the line under the list changed (an import, a bundle written, a
        refusal), as the officer reads it.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.district import outbox, workorder_queries, workorders
from db.district.database import close_district_database
from db.district.enrolment import require_district
from db.district.workorder_queries import WorkOrderFilter, WorkOrderRow
from db.errors import RowError, WorkflowError
from db.trust import keys
from desktop.district.assign_outlet_dialog import AssignOutletDialog
from desktop.district.case_model import format_time
from desktop.district.send_bundle_dialog import SendBundleDialog
from desktop.district.table_kit import restore_states, save_states
from desktop.district.workorder_entry_dialog import WorkOrderEntryDialog
from desktop.district.workorder_model import (
    COL_RECEIVED_AT,
    DistrictWorkOrderModel,
    state_label,
)
from desktop.kit import labels, operations
from desktop.kit.busy import progress_dialog
from desktop.kit.common import name_widget
from desktop.kit.errors import workflow_error_message
from desktop.paths import district_key_path

HEADER_KEY = "district/workorders_header"
SPLITTER_KEY = "district/workorders_splitter"
LAST_DIR_KEY = "district/workorders_last_dir"
CHANGES = Changes.of(Kind.WORK_ORDERS)


class WorkOrdersPanel(QWidget):
    notice_shown = Signal(str)

    def __init__(self, settings: QSettings, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtWorkOrdersPanel")
        self._settings = settings
        self._officer = officer or getpass.getuser()
        self._progress: QProgressDialog | None = None

        self.outlet = name_widget(QComboBox(), "workOrderOutletFilter", self.tr("Outlet filter"))
        self.source = name_widget(QComboBox(), "workOrderSourceFilter", self.tr("Source filter"))
        self.source.addItem(self.tr("All sources"), None)
        for code, text in labels.choices("workorder_source"):
            self.source.addItem(text, code)
        self.state = name_widget(QComboBox(), "workOrderStateFilter", self.tr("Which work orders"))
        self.state.addItem(self.tr("All work orders"), None)
        self.state.addItem(self.tr("Not replied yet"), workorder_queries.STATE_OPEN)
        for state in workorder_queries.STATES:
            self.state.addItem(state_label(state), state)
        self.reload_outlets()

        self.model = DistrictWorkOrderModel(self)
        self.table = name_widget(QTableView(), "districtWorkOrderTable", self.tr("Work orders"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(
            COL_RECEIVED_AT, Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.detail = name_widget(QLabel(), "workOrderDetail", self.tr("The selected work order"))
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total = name_widget(QLabel(), "workOrderTotal", self.tr("Number of work orders"))
        self.notice = name_widget(QLabel(), "workOrderNotice", self.tr("What the last action did"))
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.new_button = self._button("newWorkOrderButton", self.tr("&New…"),
                                       self.tr("Enter a work order"), self.enter_work_order)  # fmt: skip
        self.import_button = self._button(
            "importWorkOrdersButton", self.tr("&Import file…"),
            self.tr("Import work orders from a CSV or XLSX file"), self.choose_and_import,
        )  # fmt: skip
        self.assign_button = self._button(
            "assignWorkOrderButton", self.tr("&Assign to outlet…"),
            self.tr("Assign the work order to an outlet"), self.assign_selected,
        )  # fmt: skip
        self.send_button = self._button(
            "sendBundleButton", self.tr("Send &bundle to outlet…"),
            self.tr("Write the bundle down for an outlet"), self.send_bundle,
        )  # fmt: skip

        top = QHBoxLayout()
        for widget in (self.outlet, self.source, self.state):
            top.addWidget(widget)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.import_button, self.assign_button, self.send_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("workOrdersSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        chain = (self.outlet, self.source, self.state, self.table, self.new_button,
                 self.import_button, self.assign_button, self.send_button)  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        for combo in (self.outlet, self.source, self.state):
            combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.model.total_changed.connect(self._show_total)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self._kept: tuple[str, str] | None = None
        self.model.refresh()
        self.table.resizeColumnsToContents()  # until the officer's own widths are restored
        self._restore_layout()
        self._show_total(self.model.count())
        self._show_selected()

    def _button(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        button = name_widget(QPushButton(text), name, accessible)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- what is shown ---------------------------------------------------------------------

    def reload_outlets(self) -> None:
        kept = self.outlet.currentData()
        self.outlet.blockSignals(True)
        self.outlet.clear()
        self.outlet.addItem(self.tr("All outlets"), None)
        for code, name in workorder_queries.assignable_outlets():
            self.outlet.addItem(f"{code} {name}", code)
        self.outlet.setCurrentIndex(max(self.outlet.findData(kept), 0))
        self.outlet.blockSignals(False)

    def current_filter(self) -> WorkOrderFilter:
        return WorkOrderFilter(
            outlet_code=self.outlet.currentData(),
            source=self.source.currentData(),
            state=self.state.currentData(),
        )

    def _filter_changed(self) -> None:
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.reload_outlets()
        self.model.refresh()

    def _show_total(self, count: int) -> None:
        self.total.setText(self.tr("{n:,} work orders").format(n=count))

    def selected(self) -> WorkOrderRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, key: tuple[str, str]) -> bool:
        row = self.model.row_of(key)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _remember_selection(self) -> None:
        row = self.selected()
        self._kept = row.key if row is not None else None

    def _restore_selection(self) -> None:
        if self._kept is None or not self.select(self._kept):
            self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected()
        self.assign_button.setEnabled(row is not None and row.sent_down_at is None)
        self.detail.setText(self.detail_text(row) if row is not None else
                            self.tr("Select a work order to see it and its reply."))  # fmt: skip

    def detail_text(self, r: WorkOrderRow) -> str:
        lines = [
            self.tr("Work order {number} from {source}").format(
                number=r.number, source=labels.label("workorder_source", r.source)),
            self.tr("Where it stands: {state}").format(state=state_label(r.state)),
            self.tr("Received {received}, reply by {reply_by}").format(
                received=format_time(r.received_at), reply_by=format_time(r.reply_by)),
            self.tr("Customer: {name} {phone}").format(
                name=r.customer_name, phone=r.customer_phone_masked).strip(),
            r.content,
        ]  # fmt: skip
        if r.outlet_code is None:
            lines.append(self.tr("Not assigned to an outlet yet."))
        else:
            lines.append(self.tr("Outlet: {code} {name}").format(
                code=r.outlet_code, name=r.outlet_name).strip())  # fmt: skip
            if r.sent_down_at is None:
                lines.append(self.tr("Goes down with the next bundle to the outlet."))
            else:
                lines.append(self.tr("Sent down {time}").format(
                    time=format_time(r.sent_down_at.astimezone())))  # fmt: skip
        if r.outlet_replied_at is not None:
            lines.append(self._reply_line(self.tr("The outlet replied {time} ({by}): {timing}"),
                                          r.outlet_replied_at, r.outlet_replied_by, r))  # fmt: skip
            lines.append(r.outlet_reply)
        if r.district_replied_at is not None:
            lines.append(self._reply_line(self.tr("The district replied {time} ({by}): {timing}"),
                                          r.district_replied_at, r.district_replied_by, r))  # fmt: skip
            lines.append(r.district_reply)
        if r.replied_at is None:
            lines.append(self.tr("No reply yet."))
        return "\n".join(line for line in lines if line)

    def _reply_line(self, template: str, at, by: str, r: WorkOrderRow) -> str:
        if r.reply_by is None or at <= r.reply_by:
            timing = self.tr("on time")
        else:
            hours = (at - r.reply_by).total_seconds() / 3600
            timing = self.tr("LATE, {hours:.0f} h after the reply-by").format(hours=hours)
        return template.format(time=format_time(at), by=by, timing=timing)

    def show_notice(self, text: str, *, refused: bool = False) -> None:
        self.notice.setStyleSheet("color: #b00020" if refused else "")
        self.notice.setText(text)
        self.notice_shown.emit(text)

    # --- actions ---------------------------------------------------------------------------

    def enter_work_order(self) -> None:
        def submit(order, outlet_code):
            return operations.run_op(
                self,
                lambda: workorders.enter_work_order(order, outlet_code, actor=self._officer),
                changes=CHANGES,
            )

        wo = WorkOrderEntryDialog.ask(self, submit)
        if wo is not None:
            self.select((wo.source, wo.number))  # type: ignore[attr-defined]

    def assign_selected(self) -> None:
        row = self.selected()
        if row is None:
            return

        def submit(code: str):
            return operations.run_op(
                self,
                lambda: workorders.assign_work_order(
                    row.source, row.number, code, actor=self._officer
                ),  # fmt: skip
                changes=CHANGES,
            )

        if AssignOutletDialog.ask(self, row, submit) is not None:
            self.select(row.key)

    def send_bundle(self) -> None:
        def submit(code: str, path: Path, key: Path, password: str):
            private = keys.unwrap(key, password)
            return operations.run_op(
                self,
                lambda: outbox.send_bundle(path, code, signing_key=private, actor=self._officer),
                changes=Changes.of(Kind.WORK_ORDERS, Kind.CASES),
            )

        row = self.selected()
        key_path = district_key_path(require_district().code)
        summary = SendBundleDialog.ask(self, key_path, submit, row.outlet_code if row else None)
        if summary is not None:
            self.show_notice(self.tr(
                "Wrote {file} for outlet {outlet} (bundle number {seq}): {orders} work orders, "
                "{results} escalation results, {replies} replies."
            ).format(file=summary.path, outlet=summary.outlet_code, seq=summary.seq,  # type: ignore[attr-defined]
                     orders=summary.work_orders, results=summary.escalation_results,  # type: ignore[attr-defined]
                     replies=summary.replies))  # type: ignore[attr-defined]  # fmt: skip

    def choose_and_import(self) -> None:
        folder = str(self._settings.value(LAST_DIR_KEY, str(Path.home())))
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import work orders"), folder,
            self.tr("Work-order files (*.csv *.xlsx);;All files (*)"),
        )  # fmt: skip
        if name:
            self._settings.setValue(LAST_DIR_KEY, str(Path(name).parent))
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Import ``path`` off the GUI thread, a busy indicator meanwhile; the outcome is
        shown under the list."""
        progress = progress_dialog(
            self,
            self.tr("Importing work orders from {file}…").format(file=path.name),
            name="workOrderImportProgress",
            accessible=self.tr("Importing work orders"),
            title=self.tr("Import work orders"),
        )
        self._progress = progress
        self.import_button.setEnabled(False)
        officer = self._officer

        def op(_progress):
            try:
                return workorders.import_work_orders(path, actor=officer)
            finally:
                close_district_database()  # this thread's connection only

        def done() -> None:
            if self._progress is not None:
                self._progress.close()
                self._progress.deleteLater()
                self._progress = None
            self.import_button.setEnabled(True)

        def succeeded(result: workorders.WorkOrderFileResult) -> None:
            done()
            text = self.tr(
                "{file}: {created} work orders entered ({assigned} assigned to their outlet), "
                "{skipped} already entered."
            ).format(file=path.name, created=result.created, assigned=result.assigned,
                     skipped=result.skipped)  # fmt: skip
            self.show_notice(text)

        def failed(error: BaseException) -> None:
            done()
            head = self.tr("{file} was refused; nothing was written.").format(file=path.name)
            if isinstance(error, WorkflowError):
                reason = workflow_error_message(error)
                if isinstance(error, RowError) and error.row:
                    reason = self.tr("Row {row}: {reason}").format(row=error.row, reason=reason)
            else:
                reason = str(error)
            self.show_notice(f"{head} {reason}", refused=True)

        operations.run_op_in_background(
            self, op, changes=CHANGES, on_success=succeeded, on_failure=failed
        )

    # --- layout ----------------------------------------------------------------------------

    def _layout_parts(self) -> dict:
        return {HEADER_KEY: self.table.horizontalHeader(), SPLITTER_KEY: self.splitter}

    def _restore_layout(self) -> None:
        restore_states(self._settings, self._layout_parts())

    def save_layout(self) -> None:
        save_states(self._settings, self._layout_parts())
