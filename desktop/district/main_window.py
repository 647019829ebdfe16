"""The district console's window: a thin frame around its tabs (the consolidated cases,
the escalation queue, the work orders, the outlets side by side), with the menus and the
status bar; its size and layout are remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from db.changes import Changes
from desktop.district import bundle_import
from desktop.district.cases_panel import CasesPanel
from desktop.district.escalation_queue import EscalationQueuePanel
from desktop.district.inbox_dock import InboxDock
from desktop.district.outlets_panel import OutletsPanel
from desktop.district.trail_flag import TrailFlag
from desktop.district.workorders_panel import WorkOrdersPanel
from desktop.kit import i18n, operations
from desktop.kit.common import name_widget

GEOMETRY_KEY = "district/geometry"
STATE_KEY = "district/window_state"
TAB_KEY = "district/tab"


class DistrictWindow(QMainWindow):
    def __init__(
        self,
        *,
        district_name: str,
        url: str,
        officer: str,
        settings: QSettings,
        language: str = i18n.DEFAULT_LANGUAGE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("districtWindow")
        self.setAccessibleName(self.tr("District console"))
        self.setWindowTitle(self.tr("District console — {name}").format(name=district_name))
        self._settings = settings
        self._officer = officer
        self._language = language

        self.cases = CasesPanel(settings, self)
        self.queue = EscalationQueuePanel(settings, officer, self)
        self.tabs = name_widget(QTabWidget(), "districtTabs", self.tr("Console sections"))
        self.tabs.addTab(self.cases, self.tr("Cases of all outlets"))
        self.tabs.addTab(self.queue, self.tr("Escalations led (Art. 11)"))
        self.work_orders = WorkOrdersPanel(settings, officer, self)
        self.tabs.addTab(self.work_orders, self.tr("Work orders"))
        self.outlets = OutletsPanel(settings, self, officer=officer)
        self.tabs.addTab(self.outlets, self.tr("Outlets side by side"))
        self.setCentralWidget(self.tabs)
        self.inbox = InboxDock(settings, officer, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.inbox)
        self.resizeDocks([self.inbox], [120], Qt.Orientation.Vertical)
        where = name_widget(QLabel(self.tr("Database: {url} · Officer: {name}").format(
            url=url, name=officer)), "districtStatus", self.tr("Database and officer"))  # fmt: skip
        self.statusBar().addPermanentWidget(where)
        self.trail_flag = TrailFlag(self)
        self.statusBar().addWidget(self.trail_flag)
        self._menus()
        self._restore()

    def _action(self, menu, text: str, name: str, slot, keys=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("&Import bundles…"), "importBundlesAction",
                     lambda: bundle_import.ask_and_import(self, self._officer), "Ctrl+I")  # fmt: skip
        self._action(file, self.tr("&Send bundle to outlet…"), "sendBundleAction",
                     self.work_orders.send_bundle)  # fmt: skip
        self._action(file, self.tr("&Watch an inbox folder…"), "watchInboxAction",
                     self.inbox.choose_folder)  # fmt: skip
        file.addSeparator()
        self._action(
            file, self.tr("&Quit"), "quitAction", self.close, QKeySequence.StandardKey.Quit
        )
        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Cases of all outlets"), "casesTabAction",
                     lambda: self.tabs.setCurrentWidget(self.cases), "Ctrl+1")  # fmt: skip
        self._action(view, self.tr("&Escalations led"), "queueTabAction",
                     lambda: self.tabs.setCurrentWidget(self.queue), "Ctrl+2")  # fmt: skip
        self._action(view, self.tr("&Work orders"), "workOrdersTabAction",
                     lambda: self.tabs.setCurrentWidget(self.work_orders), "Ctrl+3")  # fmt: skip
        self._action(view, self.tr("&Outlets side by side"), "outletsTabAction",
                     lambda: self.tabs.setCurrentWidget(self.outlets), "Ctrl+4")  # fmt: skip
        self._action(view, self.tr("&Search"), "searchAction", self._focus_search,
                     QKeySequence.StandardKey.Find)  # fmt: skip
        view.addAction(self.inbox.toggle_action)
        view.addSeparator()
        self._action(view, self.tr("&Refresh"), "refreshAction", self.refresh, "F5")
        settings = bar.addMenu(self.tr("&Settings"))
        language = settings.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, text in (("zh_CN", "中文"), ("en", "English")):
            action = self._action(language, text, f"language_{code}",
                                  lambda _c=False, c=code: self._choose_language(c))  # fmt: skip
            action.setCheckable(True)
            action.setChecked(code == self._language)
            group.addAction(action)
        from desktop.help.user_guide import install_help  # the guide loads with the menus

        self._help = install_help(self, bar.addMenu(self.tr("&Help")), page="district")

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.cases)
        self.cases.filter_bar.search.setFocus()
        self.cases.filter_bar.search.selectAll()

    def refresh(self) -> None:
        """F5: everything may have changed (another officer, an import from the CLI)."""
        self.cases.filter_bar.reload_outlets()
        self.work_orders.reload_outlets()
        operations.notify(Changes.everything())

    def _choose_language(self, code: str) -> None:
        self._settings.setValue(i18n.LANGUAGE_KEY, code)
        if code != self._language:
            QMessageBox.information(
                self,
                self.tr("Language"),
                self.tr("The language changes the next time the console starts."),
            )

    def _restore(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self._settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)
        tab = self._settings.value(TAB_KEY)
        if tab is not None:
            self.tabs.setCurrentIndex(int(tab))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.setValue(TAB_KEY, self.tabs.currentIndex())
        self.cases.save_layout()
        self.queue.save_layout()
        self.work_orders.save_layout()
        self.outlets.save_layout()
        super().closeEvent(event)
