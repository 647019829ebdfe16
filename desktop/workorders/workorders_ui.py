"""The outlet-level features in the main window: the work-order dock, the import, the menus.

The main window stays a thin frame: ``install_workorders`` adds the work-order panel as a
dock (View → Work orders shows or hides it), ``install_outlet_menus`` adds File → Import
work orders… and the Settings entries (rule settings, working-day calendar, acting head).
Each is one line in desktop/main_window.py, given the window's context
(desktop.window_context). The writes here report what they changed through
desktop.kit.operations, and every view that shows it re-reads itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QWidget,
)

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.store.models import Staff
from db.workorders.orders import COLUMNS, ImportResult, WorkOrderImportError, import_workorders
from db.workorders.workorder_queries import open_workorder_count
from desktop.kit import operations
from desktop.kit.file_import import FileImport
from desktop.kit.refusals import refusal_text
from desktop.workorders.workorder_panel import WorkOrderPanel

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from desktop.window_context import WindowContext

log = logging.getLogger(__name__)

LAST_DIR_KEY = "workorders/last_import_dir"
MAX_LISTED_NUMBERS = 10
DOCK_HEIGHT = 180


# What an import writes, and what the dock's title counts.
IMPORT_CHANGES = Changes.of(Kind.WORK_ORDERS)
TITLE_KINDS = (Kind.WORK_ORDERS, Kind.CASES)


# --- views of the window ----------------------------------------------------------------------


def show_case(window: MainWindow, case_id: int) -> bool:
    """Select a complaint in the list, widening the filter if it hides it."""
    table = window.table()
    if table.select_case(case_id):
        return True
    window.filter_bar().reset()
    return table.select_case(case_id)


# --- the import ----------------------------------------------------------------------------


def column_names_in(error: WorkflowError) -> WorkflowError:
    """The refusal with missing columns named as a file may head them: 内容 (content)."""
    if error.code != "missing_columns":
        return error
    keys = [key.strip() for key in str(error.params.get("columns", "")).split(",")]
    names = [f"{COLUMNS[key][1]} ({key})" if key in COLUMNS else key for key in keys if key]
    return WorkflowError(error.code, None, **{**error.params, "columns": ", ".join(names)})


class WorkOrderImport(FileImport[ImportResult]):
    """Asks for a CSV or XLSX file and imports it off the GUI thread, then says what happened.

    Signals:
        imported(object): the db.workorders.orders.ImportResult of a successful import.
        finished(): an import ended, successfully or not (after its message).
    """

    def __init__(
        self, parent: QWidget, actor: Callable[[], Staff | None], settings: QSettings
    ) -> None:
        super().__init__(
            parent,
            actor,
            settings,
            folder_key=LAST_DIR_KEY,
            changes=IMPORT_CHANGES,
            progress_name="workOrderImportProgress",
        )
        self.setObjectName("workOrderImport")

    def title(self) -> str:
        return self.tr("Import work orders")

    def file_filter(self) -> str:
        return self.tr("Work-order files (*.csv *.xlsx);;All files (*)")

    def progress_text(self, path: Path) -> str:
        return self.tr("Importing work orders from {file}…").format(file=path.name)

    def progress_accessible_name(self) -> str:
        return self.tr("Importing work orders")

    def run(self, path: Path, actor: Staff) -> ImportResult:
        return import_workorders(path, actor)

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
    """The work-order panel as a dock of the main window. Emits no signals of its own; its
    title counts the work orders not replied, after every operation that may change it."""

    def __init__(self, context: WindowContext) -> None:
        window, outlet = context.window, context.outlet
        super().__init__(window)
        self.setObjectName("workOrdersDock")
        self.setAccessibleName(self.tr("Work orders"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self._outlet = outlet
        self.panel = WorkOrderPanel(
            outlet, context.actor, selected_case=window.table().selected_case_id, parent=self
        )
        self.setWidget(self.panel)
        self.importer = WorkOrderImport(window, context.current_actor, context.settings)
        self.toggle_action = self.toggleViewAction()
        self.toggle_action.setObjectName("actionShowWorkOrders")
        self.toggle_action.setText(self.tr("&Work orders"))
        self.toggle_action.setStatusTip(self.tr("Show or hide the superior work orders"))
        self.update_title()

        self.panel.import_requested.connect(self.importer.choose_and_import)
        self.panel.case_activated.connect(lambda case_id: show_case(window, case_id))
        operations.refresh_on(self, TITLE_KINDS, self.update_title)

    def refresh(self) -> None:
        self.panel.refresh()
        self.update_title()

    def show_workorder(self, workorder_id: int) -> bool:
        """Show the dock with the work order selected."""
        self.show()
        self.raise_()
        panel = self.panel
        if panel.select(workorder_id):
            return True
        panel.refresh()
        if panel.select(workorder_id):
            return True
        panel.show_open()
        return panel.select(workorder_id)

    def update_title(self) -> None:
        count = open_workorder_count(self._outlet)
        if count:
            title = self.tr("Work orders ({count} not replied)").format(count=count)
        else:
            title = self.tr("Work orders")
        self.setWindowTitle(title)


def install_workorders(context: WindowContext) -> WorkOrdersDock:
    """Add the work-order dock below the case list, and View → Work orders."""
    window = context.window
    dock = WorkOrdersDock(context)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    # A few rows by default, so the case details keep their room; the user may drag it.
    window.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
    context.menus.view.addSeparator()
    context.menus.view.addAction(dock.toggle_action)
    return dock


# --- the menus --------------------------------------------------------------------------------


class OutletMenus(QObject):
    """File → Import work orders…; Settings → Rule settings…, Working-day calendar…,
    Acting head…. Emits no signals."""

    def __init__(self, context: WindowContext) -> None:
        window = context.window
        super().__init__(window)
        self.setObjectName("outletMenus")
        self._context = context
        self._window = window
        self.importer = WorkOrderImport(window, context.current_actor, context.settings)

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
            action.setEnabled(context.actor is not None)

        file_menu = context.menus.file
        actions = file_menu.actions()
        new_case = context.new_case_action
        index = actions.index(new_case) + 1 if new_case in actions else 0
        before = actions[index] if index < len(actions) else None
        if before is None:
            file_menu.addAction(self.import_action)
        else:
            file_menu.insertAction(before, self.import_action)

        settings_menu = context.menus.settings
        first = settings_menu.actions()[0] if settings_menu.actions() else None
        for action in (self.rules_action, self.calendar_action, self.acting_action):
            if first is None:
                settings_menu.addAction(action)
            else:
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

    # The dialogs report their writes themselves (desktop.kit.operations); the views that
    # show deadlines or the acting head re-read themselves.

    def edit_rules(self) -> None:
        from desktop.settings.rules_dialog import RulesDialog  # dialogs load when opened

        actor = self._context.actor
        if actor is not None:
            RulesDialog.ask(self._window, actor)

    def edit_calendar(self) -> None:
        from desktop.settings.calendar_dialog import CalendarDialog

        actor = self._context.actor
        if actor is not None:
            CalendarDialog.ask(self._window, actor)

    def edit_acting_head(self) -> None:
        from desktop.management.acting_head_dialog import ActingHeadDialog

        actor = self._context.actor
        if actor is not None:
            ActingHeadDialog.ask(self._window, self._context.outlet, actor)


def install_outlet_menus(context: WindowContext) -> OutletMenus:
    """Add the outlet's menu entries to the window and return their owner."""
    return OutletMenus(context)
