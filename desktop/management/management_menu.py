"""The outlet head's management menus: Outlet → Staff…, Training…; Settings → Penalty scale….

Installed by the main window with one call, so the frame stays thin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from desktop.window_context import WindowContext


class ManagementMenus(QObject):
    """Owns the actions; opens the dialogs for the window's outlet and who is working now.
    Emits no signals."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.window)
        self.setObjectName("managementMenus")
        self._context = context
        self._window = context.window
        self.outlet_menu = context.menus.outlet
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
        settings = context.menus.settings
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

    def open_staff(self) -> None:
        from desktop.management.staff_dialog import StaffDialog

        StaffDialog.ask(self._window, self._context.outlet, self._context.actor)

    def open_training(self) -> None:
        from desktop.management.training_dialog import TrainingDialog

        TrainingDialog.ask(self._window, self._context.outlet, self._context.actor)

    def open_scale(self) -> None:
        from desktop.management.penalty_scale_dialog import PenaltyScaleDialog

        PenaltyScaleDialog.ask(self._window, self._context.actor)


def install_management_menus(context: WindowContext) -> ManagementMenus:
    """Add Outlet → Staff…, Training… and Settings → Penalty scale… to the window."""
    return ManagementMenus(context)
