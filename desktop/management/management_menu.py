"""The outlet head's management menus: Outlet → Staff…, Training…; Settings → Penalty scale….

Installed by the main window with one call, so the frame stays thin.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


class ManagementMenus(QObject):
    """Owns the actions; opens the dialogs for the window's outlet and actor."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("managementMenus")
        self._window = window
        bar = window.menuBar()
        self.outlet_menu = QMenu(self.tr("&Outlet"), bar)
        self.outlet_menu.setObjectName("menuOutlet")
        settings = window.findChild(QMenu, "menuSettings")
        # Before Reports (which sits right before Settings), else before Settings.
        before = window.findChild(QMenu, "menuReports") or settings
        if before is not None:
            bar.insertMenu(before.menuAction(), self.outlet_menu)
        else:
            bar.addMenu(self.outlet_menu)
        self.staff_action = self._action(
            "actionStaff", self.tr("&Staff…"), self.tr("Roster, duties and records of the staff")
        )
        self.training_action = self._action(
            "actionTraining",
            self.tr("&Training…"),
            self.tr("Training sessions, histories and who is behind"),
        )
        self.scale_action = self._action(
            "actionPenaltyScale",
            self.tr("&Penalty scale…"),
            self.tr("Points, amounts and measures per cause and severity"),
        )
        self.outlet_menu.addAction(self.staff_action)
        self.outlet_menu.addAction(self.training_action)
        if settings is not None:
            settings.addSeparator()
            settings.addAction(self.scale_action)
        self.staff_action.triggered.connect(self.open_staff)
        self.training_action.triggered.connect(self.open_training)
        self.scale_action.triggered.connect(self.open_scale)

    def _action(self, name: str, text: str, tip: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        return action

    def _context(self):
        return getattr(self._window, "_outlet", None), getattr(self._window, "_actor", None)

    def open_staff(self) -> None:
        from desktop.management.staff_dialog import StaffDialog

        outlet, actor = self._context()
        if outlet is not None:
            StaffDialog.ask(self._window, outlet, actor)

    def open_training(self) -> None:
        from desktop.management.training_dialog import TrainingDialog

        outlet, actor = self._context()
        if outlet is not None:
            TrainingDialog.ask(self._window, outlet, actor)

    def open_scale(self) -> None:
        from desktop.management.penalty_scale_dialog import PenaltyScaleDialog

        _outlet, actor = self._context()
        PenaltyScaleDialog.ask(self._window, actor)


def install_management_menus(window: QMainWindow) -> ManagementMenus:
    """Add the Outlet menu and Settings → Penalty scale… to ``window``."""
    return ManagementMenus(window)
