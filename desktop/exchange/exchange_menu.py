"""File → Send bundle to the district… and Import bundle from the district…, installed
into the main window (desktop.window_context.WindowContext) after Import work orders…."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop.exchange.bundle_import import BundleImport
from desktop.window_context import WindowContext


class ExchangeMenus(QObject):
    def __init__(self, context: WindowContext, after: QAction | None) -> None:
        super().__init__(context.window)
        self.setObjectName("exchangeMenus")
        self._context = context
        window = context.window
        self.importer = BundleImport(window, context.current_actor, context.settings)
        self.send_action = QAction(self.tr("&Send bundle to the district…"), window)
        self.send_action.setObjectName("actionSendBundle")
        self.send_action.setStatusTip(
            self.tr("Write the signed bundle of the outlet's cases for the district branch")
        )
        self.import_action = QAction(self.tr("Import bundle from the &district…"), window)
        self.import_action.setObjectName("actionImportDistrictBundle")
        self.import_action.setStatusTip(
            self.tr("Import the work orders, replies and escalation results the district sent")
        )
        file_menu = context.menus.file
        actions = file_menu.actions()
        index = actions.index(after) + 1 if after in actions else 0
        before = actions[index] if index < len(actions) else None
        for action in (self.send_action, self.import_action):
            action.setEnabled(context.actor is not None)
            if before is None:
                file_menu.addAction(action)
            else:
                file_menu.insertAction(before, action)
        self.send_action.triggered.connect(self.send)
        self.import_action.triggered.connect(self.importer.choose_and_import)

    def send(self) -> None:
        from desktop.exchange.send_bundle_dialog import SendBundleDialog  # loads when opened

        actor = self._context.actor
        if actor is not None:
            SendBundleDialog.ask(
                self._context.window, self._context.outlet, actor, self._context.settings
            )


def install_exchange_menus(context: WindowContext, after: QAction | None) -> ExchangeMenus:
    """Add the exchange's entries to the File menu, after ``after`` (Import work orders…)."""
    return ExchangeMenus(context, after)
