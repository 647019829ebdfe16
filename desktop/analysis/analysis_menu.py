"""The Analysis menu (Dashboard…, Targets…) and the prevention logs under the Outlet menu
(Disputes…, Suggestions…).

``install_analysis_menus(window)`` adds them to the main window, so the window needs one
line for all of it. The Outlet menu is shared with the other management dialogs: it is
found by its object name ``menuOutlet`` and made (before Settings) only if it is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

# The dialogs (and QtCharts behind the dashboard) are imported when first opened, not at
# start-up: importing them cost ~60 ms before the first paint.
if TYPE_CHECKING:
    from desktop.analysis.dashboard_window import DashboardWindow
    from desktop.main_window import MainWindow

OUTLET_MENU = "menuOutlet"
ANALYSIS_MENU = "menuAnalysis"


def _menu_before_settings(window: MainWindow, name: str, title: str) -> QMenu:
    bar = window.menuBar()
    menu = QMenu(title, bar)
    menu.setObjectName(name)
    settings = window.findChild(QMenu, "menuSettings")
    if settings is not None:
        bar.insertMenu(settings.menuAction(), menu)
    else:
        bar.addMenu(menu)
    return menu


class AnalysisMenus(QObject):
    """Owns the actions. Emits no signals."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("analysisMenus")
        self._window = window
        self.dashboard_action = self._action("actionDashboard", self.tr("&Dashboard…"))
        self.targets_action = self._action("actionTargets", self.tr("&Targets…"))
        self.disputes_action = self._action("actionDisputes", self.tr("&Disputes…"))
        self.suggestions_action = self._action("actionSuggestions", self.tr("S&uggestions…"))
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.targets_action.triggered.connect(self.open_targets)
        self.disputes_action.triggered.connect(lambda: self.open_logs(suggestions=False))
        self.suggestions_action.triggered.connect(lambda: self.open_logs(suggestions=True))

        outlet_menu = window.findChild(QMenu, OUTLET_MENU) or _menu_before_settings(
            window, OUTLET_MENU, self.tr("&Outlet")
        )
        if outlet_menu.actions():
            outlet_menu.addSeparator()
        outlet_menu.addAction(self.disputes_action)
        outlet_menu.addAction(self.suggestions_action)
        self.menu = _menu_before_settings(window, ANALYSIS_MENU, self.tr("&Analysis"))
        self.menu.addAction(self.dashboard_action)
        self.menu.addAction(self.targets_action)

    def _action(self, name: str, text: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        return action

    def open_dashboard(self) -> DashboardWindow:
        from desktop.analysis.dashboard_window import DashboardWindow

        return DashboardWindow.open(self._window)

    def open_targets(self) -> None:
        from desktop.analysis.targets_dialog import TargetsDialog

        TargetsDialog.ask(self._window, self._window._actor)

    def open_logs(self, *, suggestions: bool) -> None:
        from desktop.management.disputes_dialog import DisputesDialog

        tab = DisputesDialog.SUGGESTIONS_TAB if suggestions else DisputesDialog.DISPUTES_TAB
        DisputesDialog.open(self._window, self._window._outlet, self._window._actor, tab)


def install_analysis_menus(window: MainWindow) -> AnalysisMenus:
    """Add the Analysis menu and the Outlet menu's prevention logs to ``window``."""
    return AnalysisMenus(window)
