"""The main window: a thin frame wiring the filter bar, the case list and the detail panel.

Feature logic lives in the feature packages and the rules in db/; this module only connects
signals, makes the menus, hands the installed features a typed context
(desktop.window_context) and remembers the layout between sessions. It refreshes nobody:
each view listens to desktop.kit.operations and decides for itself what a change means to
it; View → Refresh (F5) tells every view that anything may have changed.

The window is built in two stages. The first makes what a user looks at first: the filter
bar, the case list with its first page, the menus and the status bar. With ``staged`` (the
program's start) the rest (the detail pane, the Today bar, the work orders and the menus'
features) is built right after the list has first been painted, so the list shows as soon
as it can and is usable meanwhile; ``fully_built`` is emitted once the rest is there.
Without ``staged`` both stages run in the constructor. Whatever asks for a part of the
second stage (``detail_panel()``, ``acting_head_label()``) gets it built first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.intake import roster
from db.intake.queries import CaseFilter
from db.store.models import Outlet, Staff
from desktop.cases.case_model import CaseTableModel
from desktop.cases.case_table import CaseTableView
from desktop.cases.filter_bar import FilterBar
from desktop.cases.status_counts import CaseCountsLabel
from desktop.kit import operations
from desktop.kit.i18n import DEFAULT_LANGUAGE, LANGUAGE_KEY
from desktop.paths import APP_NAME
from desktop.window_context import WindowContext, WindowMenus

if TYPE_CHECKING:
    from desktop.cases.case_detail import CaseDetailPanel
    from desktop.management.acting_head_label import ActingHeadLabel

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
SPLITTER_KEY = "main_window/splitter"
HEADER_KEY = "main_window/case_table_header"

COUNTS_INTERVAL_MS = 60_000
STATUS_MESSAGE_MS = 5_000
# With ``staged``, the second stage starts after the list's first paint, or after this long
# if nothing paints (a minimised window).
SECOND_STAGE_FALLBACK_MS = 500

# Each language named in itself, as language menus do, so a user who cannot read the current
# language can still find their own. Deliberately not translated.
LANGUAGE_NAMES = (("zh_CN", "中文"), ("en", "English"))


def app_version() -> str:
    from importlib import metadata  # read for the About box only, not at every start

    try:
        return metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:
        return "dev"


class _FirstPaint(QObject):
    """Calls ``then`` once, on the event loop's next turn after ``watched`` first paints."""

    def __init__(self, watched: QWidget, then) -> None:
        super().__init__(watched)
        self._then = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


class MainWindow(QMainWindow):
    """Case list with filters and details for one outlet, acting as ``actor``.

    Signals:
        fully_built(): the second stage (detail pane, Today bar, work orders, the menus'
            features) is built; emitted once.
    """

    fully_built = Signal()

    def __init__(
        self,
        outlet: Outlet,
        actor: Staff | None,
        *,
        settings: QSettings | None = None,
        language: str | None = None,
        demo: bool = False,
        start_view: bool = False,
        staged: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._outlet = outlet
        self._actor = actor
        self._settings = settings if settings is not None else QSettings()
        self._demo = demo
        # The language the window is shown in, which --lang may have chosen over the setting.
        self._language = language or str(self._settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))

        self._model = CaseTableModel(self)
        self._filter_bar = FilterBar(outlet, me=actor)
        # With ``start_view`` (the program's start), open on what is overdue or due today
        # The filter is set before the table turns sorting on, which runs the
        # first query: the list is queried once, already narrowed (at a million cases an
        # unneeded first count read 9 ms of cold index pages).
        if start_view:
            from desktop.cases.start_view import due_work_waiting

            if due_work_waiting():
                self._filter_bar.show_due_soon()  # not yet connected: sets the boxes only
                self._model.set_filter(self._filter_bar.current_filter(), query=False)
        self._table = CaseTableView(self._model)
        # Stands in the detail pane's place until the second stage builds it.
        self._detail_placeholder = QLabel(self.tr("Loading the details…"))
        self._detail_placeholder.setObjectName("detailPlaceholder")
        self._detail_placeholder.setAccessibleName(self.tr("Complaint details"))
        self._detail_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._detail: CaseDetailPanel | None = None

        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setObjectName("mainSplitter")
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(self._table)
        self._splitter.addWidget(self._detail_placeholder)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self._filter_bar)
        layout.addWidget(self._splitter, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._menus = self._build_menus()
        self._build_tool_bar()
        self._build_status_bar()
        self._update_title()

        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(COUNTS_INTERVAL_MS)
        self._counts_timer.timeout.connect(self._on_minute)
        self._counts_timer.start()

        self._connect()
        self._restore_geometry()
        self._update_listed(self._model.total())
        # Open on the first case listed (the most urgent, or the newest), so the details
        # pane is never blank while there is data; one selection, so it is filled once.
        if self._model.rowCount() > 0:
            self._table.selectRow(0)

        self._built = False
        if staged:
            self._first_paint = _FirstPaint(self._table.viewport(), self._build_rest)
            QTimer.singleShot(SECOND_STAGE_FALLBACK_MS, self._build_rest)
        else:
            self._build_rest()

    def _build_rest(self) -> None:
        """The second stage: the detail pane, the status bar's acting head, the installed
        features and the saved dock and toolbar layout."""
        if self._built:
            return
        self._built = True
        from desktop.analysis.analysis_menu import install_analysis_menus
        from desktop.cases.case_detail import CaseDetailPanel
        from desktop.cases.today_panel import install_today
        from desktop.exchange.exchange_menu import install_exchange_menus
        from desktop.help.user_guide import install_help
        from desktop.management.acting_head_label import ActingHeadLabel
        from desktop.management.management_menu import install_management_menus
        from desktop.printing.reports_menu import install_reports_menu
        from desktop.workorders.workorders_ui import install_outlet_menus, install_workorders

        detail = CaseDetailPanel(actor=self._actor)
        self._splitter.replaceWidget(1, detail)
        self._restore_splitter()  # the pane's own minimum may have moved the handle
        self._detail_placeholder.deleteLater()
        self._detail = detail
        self._table.case_selected.connect(detail.show_case)
        # Filled before the features are installed: they read the pane's case.
        selected = self._table.selected_case_id()
        if selected is not None:
            detail.show_case(selected)

        self._acting_label = ActingHeadLabel(self._outlet)
        # Before the outlet: a permanent widget's index counts the two normal ones too.
        self.statusBar().insertPermanentWidget(2, self._acting_label)
        self._acting_label.refresh()

        menus = self._menus
        context = WindowContext(
            window=self,
            outlet=self._outlet,
            current_actor=lambda: self._actor,
            menus=menus,
            status_bar=self.statusBar(),
            settings=self._settings,
            new_case_action=self._new_action,
        )
        self._reports_menu = install_reports_menu(context)
        outlet_menus = install_outlet_menus(context)
        self._exchange = install_exchange_menus(context, after=outlet_menus.import_action)
        self._management = install_management_menus(context)
        self._analysis = install_analysis_menus(context)
        self._workorders = install_workorders(context)
        self._today = install_today(context)
        self._help = install_help(self, menus.help)
        menus.help.addAction(self._about_action)

        self._today.workorder_requested.connect(self._workorders.show_workorder)
        state = self._settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.fully_built.emit()

    # --- public ----------------------------------------------------------------------------

    @property
    def actor(self) -> Staff | None:
        """Who the window acts for: the logged-in person, or the head while the database
        has no accounts (None before the outlet has a head)."""
        return self._actor

    def model(self) -> CaseTableModel:
        return self._model

    def table(self) -> CaseTableView:
        return self._table

    def filter_bar(self) -> FilterBar:
        return self._filter_bar

    def detail_panel(self) -> CaseDetailPanel:
        self._build_rest()
        assert self._detail is not None
        return self._detail

    def is_fully_built(self) -> bool:
        return self._built

    def counts_text(self) -> str:
        return self._counts_label.text()

    def acting_head_label(self) -> ActingHeadLabel:
        self._build_rest()
        return self._acting_label

    def refresh(self) -> None:
        """Re-read everything shown from the database, keeping the selection (F5): every
        view hears that anything may have changed."""
        operations.notify(Changes.everything(), self)

    def new_case(self) -> None:
        """Register a complaint, then show and select it, widening the filter if it hid it."""
        from desktop.cases.new_case import NewCaseDialog  # loaded when first opened

        case = NewCaseDialog.ask(self, self._outlet, self._actor)
        if case is None:
            return  # the list has re-read itself when the complaint was stored
        if not self._table.select_case(case.id):
            self._filter_bar.reset()
            self._table.select_case(case.id)
        self.statusBar().showMessage(
            self.tr("Complaint {case_no} registered").format(case_no=case.case_no),
            STATUS_MESSAGE_MS,
        )

    # --- building --------------------------------------------------------------------------

    def _action(self, name: str, text: str, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setToolTip(
                f"{text} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        return action

    def _build_actions(self) -> None:
        self._new_action = self._action(
            "actionNewCase", self.tr("&New complaint…"), QKeySequence(QKeySequence.StandardKey.New)
        )
        self._new_action.setStatusTip(self.tr("Register a complaint a customer has just made"))
        self._quit_action = self._action(
            "actionQuit", self.tr("&Quit"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q)
        )
        self._refresh_action = self._action(
            "actionRefresh", self.tr("&Refresh"), QKeySequence(QKeySequence.StandardKey.Refresh)
        )
        self._due_soon_action = self._action("actionDueSoon", self.tr("&Due today / overdue"))
        self._due_soon_action.setStatusTip(
            self.tr("Show only open complaints that are overdue or due today")
        )
        self._all_cases_action = self._action("actionAllCases", self.tr("&All complaints"))
        self._about_action = self._action("actionAbout", self.tr("&About Complaint Desk"))

        self._language_group = QActionGroup(self)
        self._language_group.setExclusive(True)
        self._language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES:
            action = self._action(f"actionLanguage_{code}", name)
            action.setCheckable(True)
            action.setChecked(code == self._language)
            action.setData(code)
            self._language_group.addAction(action)
            self._language_actions[code] = action

    def _menu(self, name: str, title: str) -> QMenu:
        menu = self.menuBar().addMenu(title)
        menu.setObjectName(name)
        return menu

    def _build_menus(self) -> WindowMenus:
        """Every menu, in its place on the bar; the installed features fill theirs."""
        menus = WindowMenus(
            file=self._menu("menuFile", self.tr("&File")),
            view=self._menu("menuView", self.tr("&View")),
            outlet=self._menu("menuOutlet", self.tr("&Outlet")),
            reports=self._menu("menuReports", self.tr("&Reports")),
            analysis=self._menu("menuAnalysis", self.tr("&Analysis")),
            settings=self._menu("menuSettings", self.tr("&Settings")),
            help=self._menu("menuHelp", self.tr("&Help")),
        )
        from desktop.settings import backup_menu

        menus.file.addAction(self._new_action)
        menus.file.addAction(backup_menu.menu_action(self))
        menus.file.addSeparator()
        menus.file.addAction(self._quit_action)

        menus.view.addAction(self._refresh_action)
        menus.view.addSeparator()
        menus.view.addAction(self._due_soon_action)
        menus.view.addAction(self._all_cases_action)

        language_menu = menus.settings.addMenu(self.tr("&Language"))
        language_menu.setObjectName("menuLanguage")
        for action in self._language_actions.values():
            language_menu.addAction(action)

        return menus

    def _build_tool_bar(self) -> None:
        tool_bar = self.addToolBar(self.tr("Main toolbar"))
        tool_bar.setObjectName("mainToolBar")
        tool_bar.setAccessibleName(self.tr("Main toolbar"))
        tool_bar.setMovable(False)
        tool_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tool_bar.addAction(self._new_action)
        tool_bar.addAction(self._refresh_action)
        for action, name in (
            (self._new_action, "newCaseButton"),
            (self._refresh_action, "refreshButton"),
        ):
            button = tool_bar.widgetForAction(action)
            button.setObjectName(name)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    def _build_status_bar(self) -> None:
        self._counts_label = CaseCountsLabel()
        self._listed_label = QLabel()
        self._listed_label.setObjectName("statusListed")
        self._listed_label.setAccessibleName(self.tr("Complaints listed"))
        self._listed_label.setContentsMargins(16, 0, 0, 0)
        self._outlet_label = QLabel()
        self._outlet_label.setObjectName("statusOutlet")
        self._outlet_label.setAccessibleName(self.tr("Outlet"))
        self._update_outlet_label()
        operations.refresh_on(self._outlet_label, (Kind.STAFF,), self._update_outlet_label)
        status = self.statusBar()
        status.setObjectName("statusBar")
        status.addWidget(self._counts_label)
        status.addWidget(self._listed_label)
        status.addPermanentWidget(self._outlet_label)

    def _update_outlet_label(self) -> None:
        actor = roster.staff_member(self._actor.id) if self._actor else None
        head = actor.name if actor is not None else self.tr("(none)")
        self._outlet_label.setText(
            self.tr("Outlet: {name} ({code}) — head: {head}").format(
                name=self._outlet.name, code=self._outlet.code, head=head
            )
        )

    def _update_title(self) -> None:
        title = self.tr("Complaint Desk — {outlet}").format(outlet=self._outlet.name)
        if self._demo:
            title = self.tr("{title} [demo data]").format(title=title)
        self.setWindowTitle(title)

    def _connect(self) -> None:
        self._filter_bar.filter_changed.connect(self._on_filter_changed)
        self._model.total_changed.connect(self._update_listed)
        self._new_action.triggered.connect(self.new_case)
        self._quit_action.triggered.connect(self.close)
        self._refresh_action.triggered.connect(self.refresh)
        self._due_soon_action.triggered.connect(self._filter_bar.show_due_soon)
        self._all_cases_action.triggered.connect(self._filter_bar.reset)
        self._language_group.triggered.connect(self._on_language_chosen)
        self._about_action.triggered.connect(self._show_about)

    # --- slots -----------------------------------------------------------------------------

    def _on_filter_changed(self, flt: CaseFilter) -> None:
        self._model.set_filter(flt)

    def _update_listed(self, total: int) -> None:
        # A count label rather than a "%n complaint(s)" plural: Chinese has no plural, and
        # the glossary-based translation workflow handles plain strings only.
        self._listed_label.setText(self.tr("Listed: {count}").format(count=total))

    def _on_minute(self) -> None:
        # Time passing changes no data, only what is overdue: a recount and a redraw.
        self._counts_label.refresh()
        self._model.recolour()

    def _on_language_chosen(self, action: QAction) -> None:
        code = str(action.data())
        self._settings.setValue(LANGUAGE_KEY, code)
        self._settings.sync()
        if code == self._language:
            return
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language applies after Complaint Desk is restarted."),
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Complaint Desk"),
            self.tr(
                "<h3>Complaint Desk {version}</h3>"
                "<p>Records and tracks on-site customer complaints at a postal financial "
                "outlet, from receipt to closing.</p>"
            ).format(version=app_version()),
        )

    # --- layout persistence ----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        """The window's size and place, the splitter and the list's columns (the docks and
        toolbars come back with the second stage, which makes them)."""
        geometry = self._settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_size()
        self._restore_splitter()
        header = self._settings.value(HEADER_KEY)
        if isinstance(header, QByteArray) and not header.isEmpty():
            self._table.horizontalHeader().restoreState(header)
            self._table.apply_model_sort()

    def _restore_splitter(self) -> None:
        splitter = self._settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self._splitter.restoreState(splitter)
        else:
            # The details get a good third of the width: the outcome and the description
            # read in lines, not in a strip.
            width = max(self.width(), 800)
            detail = max(int(width * 0.35), min(440, width // 2))
            self._splitter.setSizes([width - detail, detail])

    def _default_size(self) -> None:
        # Roomy on a desktop monitor, but never larger than a 1366x768 laptop screen.
        available = self.screen().availableGeometry()
        self.resize(
            min(1440, int(available.width() * 0.9)), min(860, int(available.height() * 0.9))
        )

    def save_layout(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.setValue(SPLITTER_KEY, self._splitter.saveState())
        self._settings.setValue(HEADER_KEY, self._table.horizontalHeader().saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A closed window queries nothing more: its timers (counts, the Today bar, the idle
        # lock, the daily backup check) would otherwise run against whatever database is
        # open next, e.g. a restored one.
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.save_layout()
        super().closeEvent(event)
