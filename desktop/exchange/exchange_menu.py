"""File → Send bundle to the district… and Import bundle from the district…, after Import
work orders…, and Settings → District exchange (the enrolment file, the district's key),
installed into the main window through its desktop.window_context.WindowContext."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

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

        # Once per outlet, the head: the enrolment file up, the district's key down.
        self.setup_menu = QMenu(self.tr("&District exchange"), window)
        self.setup_menu.setObjectName("menuDistrictExchange")
        self.enrolment_action = self.setup_menu.addAction(self.tr("Write &enrolment file…"))
        self.enrolment_action.setObjectName("actionWriteEnrolment")
        self.enrolment_action.setStatusTip(
            self.tr("The file from which the district enrols this outlet and learns its key")
        )
        self.trust_action = self.setup_menu.addAction(self.tr("&Trust the district's key…"))
        self.trust_action.setObjectName("actionTrustDistrict")
        self.trust_action.setStatusTip(
            self.tr("Accept bundles signed with the key in the district's public-key file")
        )
        for action in (self.enrolment_action, self.trust_action):
            action.setEnabled(context.actor is not None)
        settings_menu = context.menus.settings
        first = settings_menu.actions()[0] if settings_menu.actions() else None
        if first is None:
            settings_menu.addMenu(self.setup_menu)
        else:
            settings_menu.insertMenu(first, self.setup_menu)
        self.enrolment_action.triggered.connect(self.write_enrolment)
        self.trust_action.triggered.connect(self.trust_district)

    def send(self) -> None:
        from desktop.exchange.send_bundle_dialog import SendBundleDialog  # loads when opened

        actor = self._context.actor
        if actor is not None:
            SendBundleDialog.ask(
                self._context.window, self._context.outlet, actor, self._context.settings
            )

    def write_enrolment(self) -> None:
        from desktop.exchange.enrolment_dialog import EnrolmentDialog

        actor = self._context.actor
        if actor is not None:
            EnrolmentDialog.ask(
                self._context.window, self._context.outlet, actor, self._context.settings
            )

    def trust_district(self) -> None:
        from desktop.exchange.trust_district import ask_and_trust

        actor = self._context.actor
        if actor is not None:
            ask_and_trust(self._context.window, actor, self._context.settings)


def install_exchange_menus(context: WindowContext, after: QAction | None) -> ExchangeMenus:
    """Add the exchange's entries to the File menu, after ``after`` (Import work orders…)."""
    return ExchangeMenus(context, after)
