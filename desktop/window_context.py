"""What the main window hands the features it installs: typed, instead of names to look up.

The main window makes its menus (in their order on the menu bar) and its status bar, then
gives each installer (the Reports menu, the work orders, the Outlet and Analysis menus, the
Today bar, the guide) one ``WindowContext``. An installer adds its entries to the menu of
its role, asks ``actor`` who is working at the moment it acts, and runs its writes through
``run_op`` so that every view hears what changed (desktop.kit.operations). It never looks a
menu up by its object name nor reads the window's private attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar

from db.store.models import Outlet, Staff
from desktop.kit import operations
from desktop.kit.worker import ProgressFn

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

T = TypeVar("T")


@dataclass(frozen=True)
class WindowMenus:
    """The main window's menus by role, left to right on the menu bar."""

    file: QMenu
    view: QMenu
    outlet: QMenu
    reports: QMenu
    analysis: QMenu
    settings: QMenu
    help: QMenu


@dataclass(frozen=True)
class WindowContext:
    """The main window as its features see it.

    ``window`` is the parent of their dialogs and docks (its public methods: the case
    table, the filter bar, the detail panel). ``current_actor`` answers who is working now:
    the logged-in person, or the head while the database has no accounts.
    """

    window: MainWindow
    outlet: Outlet
    current_actor: Callable[[], Staff | None]
    menus: WindowMenus
    status_bar: QStatusBar
    settings: QSettings
    new_case_action: QAction

    @property
    def actor(self) -> Staff | None:
        return self.current_actor()

    def run_op(
        self,
        fn: Callable[[], T],
        *,
        changes: operations.ChangesOf,
        on_success: Callable[[T], None] | None = None,
    ) -> T:
        """A quick write on the GUI thread (desktop.kit.operations.run_op)."""
        return operations.run_op(self.window, fn, changes=changes, on_success=on_success)

    def run_op_in_background(
        self,
        fn: Callable[[ProgressFn], T],
        *,
        changes: operations.ChangesOf,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A slow write on a worker thread (desktop.kit.operations.run_op_in_background)."""
        operations.run_op_in_background(
            self.window, fn, changes=changes, on_success=on_success, on_failure=on_failure
        )
