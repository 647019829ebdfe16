"""The Analysis menu (Dashboard…, Targets…) and the prevention logs under the Outlet menu
(Disputes…, Suggestions…).

``install_analysis_menus(context)`` adds them to the main window's Analysis and Outlet
menus (the Outlet menu is shared with the other management dialogs), so the window needs one
line for all of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

# The dialogs (and QtCharts behind the dashboard) are imported when first opened, not at
# start-up: importing them cost ~60 ms before the first paint.
if TYPE_CHECKING:
    from desktop.analysis.dashboard_window import DashboardWindow
    from desktop.window_context import WindowContext


class AnalysisMenus(QObject):
    """Owns the actions. Emits no signals."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.window)
        self.setObjectName("analysisMenus")
        self._context = context
        self._window = context.window
        self.dashboard_action = self._action("actionDashboard", self.tr("&Dashboard…"))
        self.targets_action = self._action("actionTargets", self.tr("&Targets…"))
        self.disputes_action = self._action("actionDisputes", self.tr("&Disputes…"))
        self.suggestions_action = self._action("actionSuggestions", self.tr("S&uggestions…"))
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.targets_action.triggered.connect(self.open_targets)
        self.disputes_action.triggered.connect(lambda: self.open_logs(suggestions=False))
        self.suggestions_action.triggered.connect(lambda: self.open_logs(suggestions=True))

        outlet_menu = context.menus.outlet
        if outlet_menu.actions():
            outlet_menu.addSeparator()
        outlet_menu.addAction(self.disputes_action)
        outlet_menu.addAction(self.suggestions_action)
        self.menu = context.menus.analysis
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

        TargetsDialog.ask(self._window, self._context.actor)

    def open_logs(self, *, suggestions: bool) -> None:
        from desktop.management.disputes_dialog import DisputesDialog

        tab = DisputesDialog.SUGGESTIONS_TAB if suggestions else DisputesDialog.DISPUTES_TAB
        DisputesDialog.open_log(self._window, self._context.outlet, self._context.actor, tab)


def install_analysis_menus(context: WindowContext) -> AnalysisMenus:
    """Fill the Analysis menu and add the prevention logs to the Outlet menu."""
    return AnalysisMenus(context)
