"""The outlet-level features in the main window: the work-order dock, the import, the menus.

The main window stays a thin frame: ``install_workorders`` adds the work-order panel as a
dock (View → Work orders shows or hides it), ``install_outlet_menus`` adds File → Import
work orders… and the Settings entries (rule settings, working-day calendar, acting head).
Each is one line in desktop/main_window.py. After anything here changes deadlines or work
orders, ``refresh_views`` re-reads every view of the window.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from db.errors import WorkflowError
from db.store.models import Outlet, Staff
from db.workorders.orders import COLUMNS, ImportResult, WorkOrderImportError, import_workorders
from db.workorders.workorder_queries import open_workorder_count
from desktop.cases.today_panel import TodayPanel
from desktop.kit.refusals import refusal_text
from desktop.kit.worker import QueryOp
from desktop.workorders.workorder_panel import WorkOrderPanel

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)

LAST_DIR_KEY = "workorders/last_import_dir"
MAX_LISTED_NUMBERS = 10
DOCK_HEIGHT = 180


# --- views of the window ----------------------------------------------------------------------


def refresh_views(window: MainWindow) -> None:
    """Re-read the case list, the work orders and the Today bar after a change."""
    window.refresh()
    for panel in window.findChildren(WorkOrderPanel):
        panel.refresh()
    for today in window.findChildren(TodayPanel):
        today.refresh()
    for dock in window.findChildren(WorkOrdersDock):
        dock.update_title()


def show_case(window: MainWindow, case_id: int) -> bool:
    """Select a complaint in the list, widening the filter if it hides it."""
    table = window.table()
    if table.select_case(case_id):
        return True
    window.filter_bar().reset()
    return table.select_case(case_id)


def show_workorder(window: MainWindow, workorder_id: int) -> bool:
    """Show the work-order dock with the work order selected."""
    dock = window.findChild(WorkOrdersDock)
    if dock is None:
        return False
    dock.show()
    dock.raise_()
    panel = dock.panel
    if panel.select(workorder_id):
        return True
    panel.refresh()
    if panel.select(workorder_id):
        return True
    panel.show_open()
    return panel.select(workorder_id)


# --- the import ----------------------------------------------------------------------------


def column_names_in(error: WorkflowError) -> WorkflowError:
    """The refusal with missing columns named as a file may head them: 内容 (content)."""
    if error.code != "missing_columns":
        return error
    keys = [key.strip() for key in str(error.params.get("columns", "")).split(",")]
    names = [f"{COLUMNS[key][1]} ({key})" if key in COLUMNS else key for key in keys if key]
    return WorkflowError(error.code, **{**error.params, "columns": ", ".join(names)})


class WorkOrderImport(QObject):
    """Asks for a CSV or XLSX file and imports it off the GUI thread, then says what happened.

    Signals:
        imported(object): the db.workorders.orders.ImportResult of a successful import.
        finished(): an import ended, successfully or not (after its message).
    """

    imported = Signal(object)
    finished = Signal()

    def __init__(self, parent: QWidget, actor: Staff | None, settings: QSettings) -> None:
        super().__init__(parent)
        self.setObjectName("workOrderImport")
        self._parent = parent
        self._actor = actor
        self._settings = settings
        self._progress: QProgressDialog | None = None

    def choose_and_import(self) -> None:
        folder = str(self._settings.value(LAST_DIR_KEY, str(Path.home())))
        name, _filter = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import work orders"),
            folder,
            self.tr("Work-order files (*.csv *.xlsx);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        self._settings.setValue(LAST_DIR_KEY, str(path.parent))
        self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Import ``path`` in the background, with a busy indicator meanwhile."""
        actor = self._actor
        if actor is None:
            return
        progress = QProgressDialog(
            self.tr("Importing work orders from {file}…").format(file=path.name),
            "",
            0,
            0,
            self._parent,
        )
        progress.setObjectName("workOrderImportProgress")
        progress.setAccessibleName(self.tr("Importing work orders"))
        progress.setWindowTitle(self.tr("Import work orders"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)
        self._progress = progress

        def succeeded(result: ImportResult) -> None:
            self._close_progress()
            self.imported.emit(result)
            QMessageBox.information(
                self._parent, self.tr("Import work orders"), self.result_text(path, result)
            )
            self.finished.emit()

        def failed(error: BaseException) -> None:
            self._close_progress()
            QMessageBox.warning(
                self._parent, self.tr("Import work orders"), self.error_text(path, error)
            )
            self.finished.emit()

        QueryOp(
            parent=self, op=lambda _progress: import_workorders(path, actor), success=succeeded
        ).failure(failed).run_in_background()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def result_text(self, path: Path, result: ImportResult) -> str:
        text = self.tr("{file}: {created} created, {skipped} already present.").format(
            file=path.name, created=result.created, skipped=result.skipped
        )
        if result.skipped_numbers:
            numbers = ", ".join(result.skipped_numbers[:MAX_LISTED_NUMBERS])
            if len(result.skipped_numbers) > MAX_LISTED_NUMBERS:
                numbers += ", …"
            text += "\n" + self.tr("Already present: {numbers}").format(numbers=numbers)
        return text

    def error_text(self, path: Path, error: BaseException) -> str:
        head = self.tr("{file} was not imported; nothing was written.").format(file=path.name)
        if isinstance(error, WorkOrderImportError):
            reason = refusal_text(column_names_in(error))
            if error.row:
                reason = self.tr("Row {row}: {reason}").format(row=error.row, reason=reason)
            return f"{head}\n\n{reason}"
        log.error("importing work orders failed", exc_info=error)
        return f"{head}\n\n{error}"


# --- the dock ---------------------------------------------------------------------------------


class WorkOrdersDock(QDockWidget):
    """The work-order panel as a dock of the main window. Emits no signals of its own."""

    def __init__(
        self,
        window: MainWindow,
        outlet: Outlet,
        actor: Staff | None,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self.setObjectName("workOrdersDock")
        self.setAccessibleName(self.tr("Work orders"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self._outlet = outlet
        self.panel = WorkOrderPanel(
            outlet, actor, selected_case=window.table().selected_case_id, parent=self
        )
        self.setWidget(self.panel)
        self.importer = WorkOrderImport(window, actor, settings)
        self.toggle_action = self.toggleViewAction()
        self.toggle_action.setObjectName("actionShowWorkOrders")
        self.toggle_action.setText(self.tr("&Work orders"))
        self.toggle_action.setStatusTip(self.tr("Show or hide the superior work orders"))
        self.update_title()

        self.panel.import_requested.connect(self.importer.choose_and_import)
        self.panel.workorders_changed.connect(lambda: refresh_views(window))
        self.panel.case_activated.connect(lambda case_id: show_case(window, case_id))
        self.importer.imported.connect(lambda _result: refresh_views(window))

    def refresh(self) -> None:
        self.panel.refresh()
        self.update_title()

    def update_title(self) -> None:
        count = open_workorder_count(self._outlet)
        if count:
            title = self.tr("Work orders ({count} not replied)").format(count=count)
        else:
            title = self.tr("Work orders")
        self.setWindowTitle(title)


def install_workorders(
    window: MainWindow, outlet: Outlet, actor: Staff | None, settings: QSettings
) -> WorkOrdersDock:
    """Add the work-order dock below the case list, and View → Work orders."""
    dock = WorkOrdersDock(window, outlet, actor, settings)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    # A few rows by default, so the case details keep their room; the user may drag it.
    window.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
    view_menu = window.findChild(QMenu, "menuView")
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(dock.toggle_action)
    refresh = window.findChild(QAction, "actionRefresh")
    if refresh is not None:
        refresh.triggered.connect(dock.refresh)
    # An action on a case (a merge moves its work orders) may change the list.
    changed = getattr(window.detail_panel(), "case_changed", None)
    if changed is not None:
        changed.connect(dock.refresh)
    return dock


# --- the menus --------------------------------------------------------------------------------


class OutletMenus(QObject):
    """File → Import work orders…; Settings → Rule settings…, Working-day calendar…,
    Acting head…. Emits no signals."""

    def __init__(
        self, window: MainWindow, outlet: Outlet, actor: Staff | None, settings: QSettings
    ) -> None:
        super().__init__(window)
        self.setObjectName("outletMenus")
        self._window = window
        self._outlet = outlet
        self._actor = actor
        self.importer = WorkOrderImport(window, actor, settings)
        self.importer.imported.connect(lambda _result: refresh_views(window))

        self.import_action = self._action(
            "actionImportWorkOrders",
            self.tr("&Import work orders…"),
            self.tr("Import superior work orders from a CSV or XLSX file"),
        )
        self.rules_action = self._action(
            "actionRuleSettings",
            self.tr("&Rule settings…"),
            self.tr("Time limits and thresholds of the handling rules, with their sources"),
        )
        self.calendar_action = self._action(
            "actionWorkCalendar",
            self.tr("&Working-day calendar…"),
            self.tr("Holidays and make-up working days, per year"),
        )
        self.acting_action = self._action(
            "actionActingHead",
            self.tr("&Acting head…"),
            self.tr("Name who holds the head's duties while the head is away (Art. 8)"),
        )
        for action in (
            self.import_action,
            self.rules_action,
            self.calendar_action,
            self.acting_action,
        ):
            action.setEnabled(actor is not None)

        file_menu = window.findChild(QMenu, "menuFile")
        if file_menu is not None:
            actions = file_menu.actions()
            new_case = window.findChild(QAction, "actionNewCase")
            index = actions.index(new_case) + 1 if new_case in actions else 0
            before = actions[index] if index < len(actions) else None
            file_menu.insertAction(before, self.import_action)

        settings_menu = window.findChild(QMenu, "menuSettings")
        if settings_menu is not None:
            first = settings_menu.actions()[0] if settings_menu.actions() else None
            for action in (self.rules_action, self.calendar_action, self.acting_action):
                settings_menu.insertAction(first, action)
            if first is not None:
                settings_menu.insertSeparator(first)

        self.import_action.triggered.connect(self.importer.choose_and_import)
        self.rules_action.triggered.connect(self.edit_rules)
        self.calendar_action.triggered.connect(self.edit_calendar)
        self.acting_action.triggered.connect(self.edit_acting_head)

    def _action(self, name: str, text: str, tip: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        return action

    def edit_rules(self) -> None:
        from desktop.settings.rules_dialog import RulesDialog  # dialogs load when opened

        if self._actor is not None and RulesDialog.ask(self._window, self._actor):
            refresh_views(self._window)

    def edit_calendar(self) -> None:
        from desktop.settings.calendar_dialog import CalendarDialog

        if self._actor is not None and CalendarDialog.ask(self._window, self._actor):
            refresh_views(self._window)

    def edit_acting_head(self) -> None:
        from desktop.management.acting_head_dialog import ActingHeadDialog

        if self._actor is not None:
            ActingHeadDialog.ask(self._window, self._outlet, self._actor)
            refresh_views(self._window)  # the status bar names the acting head in charge


def install_outlet_menus(
    window: MainWindow, outlet: Outlet, actor: Staff | None, settings: QSettings
) -> OutletMenus:
    """Add the outlet's menu entries to ``window`` and return their owner."""
    return OutletMenus(window, outlet, actor, settings)
