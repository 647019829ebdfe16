"""The "Today" bar above the case list: what is overdue or due today, one click away.

Timeliness is one of the principles of Art. 4, and the head opens the program to see what
cannot wait: complaints overdue or due today, complaints near their deadline, superior work
orders due (Art. 5) and callbacks due. Each is a button; the counts come from db's named
queries, and a click shows the cases (the due-today / overdue view of the list) or a menu of
the items to jump to.

A second line shows what the person using the program owes (db.intake.accountability): the
complaints they answer for — as first-ask owner until a transfer is formal, then as
handler (Art. 10) — that are overdue, due today or near their deadline, the work orders
they owe a reply to and the callbacks assigned to them. A click lists those complaints, or
opens a menu of the items.

What the program opens on at start (anything overdue or due today) is decided in
desktop.cases.start_view, before this bar exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Kind
from db.handling import callbacks, deadlines, windows
from db.intake import accountability, queries
from db.store.models import Case, Outlet, Staff, now
from db.workorders import orders as workorders
from desktop.cases.case_model import format_short_time
from desktop.kit import labels, operations
from desktop.kit.common import central_layout

if TYPE_CHECKING:
    from desktop.window_context import WindowContext

REFRESH_INTERVAL_MS = 60_000
MENU_LIMIT = 20

BAR_STYLE = """
QFrame#todayPanel[alert="true"] { background: #fff8e1; border: 1px solid #f0d48a;
  border-radius: 4px; }
QFrame#todayPanel[alert="false"] { background: #eef6ee; border: 1px solid #bcd9bc;
  border-radius: 4px; }
QFrame#todayPanel QToolButton { border: none; padding: 2px 6px; color: #1d3d8f;
  text-decoration: underline; }
QFrame#todayPanel QToolButton:hover { background: rgba(0, 0, 0, 0.06); }
QFrame#todayPanel QToolButton#todayOverdue { color: #b3261e; font-weight: bold; }
QFrame#todayPanel QToolButton#todayOwnCases { font-weight: bold; }
"""


class TodayPanel(QFrame):
    """Counts of what is due, with click-through.

    ``me``: the person using the program, whose own items get a line of their own.

    Signals:
        due_view_requested(): show the complaints overdue or due today in the list.
        owed_view_requested(): show the complaints ``me`` owes (overdue, due today, near).
        case_requested(int): show this complaint.
        workorder_requested(int): show this work order.
        refreshed(): the counts were re-read (rows shown with the bar follow it).
    """

    due_view_requested = Signal()
    owed_view_requested = Signal()
    case_requested = Signal(int)
    workorder_requested = Signal(int)
    refreshed = Signal()

    def __init__(
        self,
        outlet: Outlet,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = now,
        me: Staff | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayPanel")
        self.setAccessibleName(self.tr("Today"))
        self.setStyleSheet(BAR_STYLE)
        self._outlet = outlet
        self._clock = clock
        self._me = me
        self._owed = accountability.Owed()

        self._title = QLabel(self.tr("<b>Today</b>"))
        self._title.setObjectName("todayTitle")
        self._all_clear = QLabel(self.tr("Nothing is overdue or due today."))
        self._all_clear.setObjectName("todayAllClear")

        self.cases_button = self._button("todayOverdue", self.tr("Complaints overdue or due today"))
        self.cases_button.clicked.connect(self.due_view_requested)
        self.near_button = self._button(
            "todayNearBreach", self.tr("Complaints near their deadline")
        )
        self.workorders_button = self._button("todayWorkOrders", self.tr("Work orders due"))
        self.callbacks_button = self._button("todayCallbacks", self.tr("Callbacks due"))
        for button in (self.near_button, self.workorders_button, self.callbacks_button):
            menu = QMenu(button)
            menu.setObjectName(f"{button.objectName()}Menu")
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        layout = QHBoxLayout()
        rows.addLayout(layout)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(4)
        layout.addWidget(self._title)
        layout.addSpacing(8)
        for widget in (
            self._all_clear,
            self.cases_button,
            self.near_button,
            self.workorders_button,
            self.callbacks_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._own_row = self._build_own_row()
        rows.addWidget(self._own_row)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _button(self, name: str, accessible: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoRaise(True)
        return button

    # --- public ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """What the bar shows; for tests and the status of the start view."""
        return dict(self._counts)

    def refresh(self) -> None:
        at = self._clock()
        status = queries.status_counts(at=at)
        # Near their deadline, but not due today: those are counted with the due ones.
        near_query = deadlines.cases_near_breach_later(at)
        near = list(near_query.limit(MENU_LIMIT + 1))
        near_total = near_query.count() if len(near) > MENU_LIMIT else len(near)
        orders_due = workorders.workorders_due(at, self._outlet)
        orders_near = workorders.workorders_near_breach(at, self._outlet)
        calls = callbacks.callbacks_due(at, self._outlet)
        self._counts = {
            "overdue": status.overdue,
            "due_today": status.due_today,
            "near_breach": near_total,
            "workorders_due": len(orders_due),
            "workorders_near": len(orders_near),
            "callbacks_due": len(calls),
        }

        cases_text = self._cases_text(status.overdue, status.due_today)
        self.cases_button.setText(cases_text)
        self.cases_button.setToolTip(self.tr("Show only these complaints in the list"))
        self.cases_button.setVisible(bool(status.overdue or status.due_today))

        self.near_button.setText(self.tr("Near their deadline: {count}").format(count=near_total))
        self.near_button.setVisible(near_total > 0)
        self.near_button.setToolTip(
            self.tr("Most of their time is used up; due after today. Choose one to show it.")
        )
        self._fill_case_menu(self.near_button.menu(), near[:MENU_LIMIT], at)

        orders = orders_due + [wo for wo in orders_near if wo not in orders_due]
        overdue_orders = sum(1 for wo in orders_due if windows.OVERDUE.holds(wo.reply_by, at))
        if overdue_orders:
            orders_text = self.tr("Work orders due: {count} (overdue: {overdue})").format(
                count=len(orders), overdue=overdue_orders
            )
        else:
            orders_text = self.tr("Work orders due: {count}").format(count=len(orders))
        self.workorders_button.setText(orders_text)
        self.workorders_button.setVisible(bool(orders))
        self.workorders_button.setToolTip(
            self.tr("Superior work orders to reply to by today, or nearly out of time")
        )
        self._fill_workorder_menu(self.workorders_button.menu(), orders[:MENU_LIMIT], at)

        self.callbacks_button.setText(self.tr("Callbacks due: {count}").format(count=len(calls)))
        self.callbacks_button.setVisible(bool(calls))
        self.callbacks_button.setToolTip(self.tr("Callbacks planned for today or earlier"))
        self._fill_callback_menu(self.callbacks_button.menu(), calls[:MENU_LIMIT], at)

        self._refresh_own(at)

        alert = any(
            self._counts[k] for k in ("overdue", "due_today", "near_breach", "callbacks_due")
        ) or bool(orders)
        self._all_clear.setVisible(not alert)
        if self.property("alert") != alert:
            self.setProperty("alert", alert)
            self.style().unpolish(self)
            self.style().polish(self)
        self.refreshed.emit()

    @property
    def clock(self) -> Callable[[], dt.datetime]:
        return self._clock

    def owed(self) -> accountability.Owed:
        """What the own line shows (nothing without ``me``); for tests."""
        return self._owed

    # --- the own line: what the person using the program owes --------------------------------

    def _build_own_row(self) -> QWidget:
        row = QWidget()
        row.setObjectName("todayOwnRow")
        row.setAccessibleName(self.tr("What you owe today"))
        self._own_title = QLabel()
        self._own_title.setObjectName("todayOwnTitle")
        self._own_clear = QLabel(self.tr("Nothing is waiting for you."))
        self._own_clear.setObjectName("todayOwnAllClear")
        self.own_cases_button = self._button("todayOwnCases", self.tr("Your complaints"))
        self.own_cases_button.clicked.connect(self.owed_view_requested)
        self.own_cases_button.setToolTip(
            self.tr(
                "Complaints you answer for (as first-ask owner until a transfer is formal, "
                "then as handler, Art. 10) or that are being transferred to you. Click to "
                "show only these in the list."
            )
        )
        self.own_workorders_button = self._button("todayOwnWorkOrders", self.tr("Your work orders"))
        self.own_workorders_button.setToolTip(
            self.tr(
                "Work orders you owe a reply to: those linked to your complaints, and as head "
                "those linked to none (Art. 5)"
            )
        )
        self.own_callbacks_button = self._button("todayOwnCallbacks", self.tr("Your callbacks"))
        self.own_callbacks_button.setToolTip(self.tr("Callbacks assigned to you, due by today"))
        for button in (self.own_workorders_button, self.own_callbacks_button):
            menu = QMenu(button)
            menu.setObjectName(f"{button.objectName()}Menu")
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(8, 0, 8, 2)
        layout.setSpacing(4)
        for widget in (
            self._own_title,
            self._own_clear,
            self.own_cases_button,
            self.own_workorders_button,
            self.own_callbacks_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        row.setVisible(self._me is not None)
        return row

    def _refresh_own(self, at: dt.datetime) -> None:
        if self._me is None:
            return
        owed = self._owed = accountability.owed_today(self._me, at)
        self._own_title.setText(self.tr("<b>Yours</b> ({name}):").format(name=self._me.name))
        self._own_clear.setVisible(not owed.anything)
        self.own_cases_button.setText(self._own_cases_text(owed.cases))
        self.own_cases_button.setVisible(owed.cases.total > 0)
        self.own_workorders_button.setText(
            self.tr("Work orders to reply to: {count}").format(count=len(owed.work_orders))
        )
        self.own_workorders_button.setVisible(bool(owed.work_orders))
        self._fill_workorder_menu(
            self.own_workorders_button.menu(), owed.work_orders[:MENU_LIMIT], at
        )
        self.own_callbacks_button.setText(
            self.tr("Callbacks to make: {count}").format(count=len(owed.callbacks))
        )
        self.own_callbacks_button.setVisible(bool(owed.callbacks))
        self._fill_callback_menu(self.own_callbacks_button.menu(), owed.callbacks[:MENU_LIMIT], at)

    def _own_cases_text(self, cases: accountability.OwedCases) -> str:
        parts = []
        if cases.overdue:
            parts.append(self.tr("overdue {count}").format(count=cases.overdue))
        if cases.due_today:
            parts.append(self.tr("due today {count}").format(count=cases.due_today))
        if cases.near_breach:
            parts.append(self.tr("near their deadline {count}").format(count=cases.near_breach))
        return self.tr("Your complaints: {parts}").format(parts=self.tr(", ").join(parts))

    # --- internals -------------------------------------------------------------------------

    def _cases_text(self, overdue: int, due_today: int) -> str:
        if overdue and due_today:
            return self.tr("Complaints overdue: {overdue}, due today: {due}").format(
                overdue=overdue, due=due_today
            )
        if overdue:
            return self.tr("Complaints overdue: {overdue}").format(overdue=overdue)
        return self.tr("Complaints due today: {due}").format(due=due_today)

    def _fill_case_menu(self, menu: QMenu, items: list[Case], at: dt.datetime) -> None:
        menu.clear()
        for case in items:
            text = self.tr("{case_no} · {customer} · due {due}").format(
                case_no=case.case_no,
                customer=case.customer_name,
                due=format_short_time(case.due_at, at.date()),
            )
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, cid=case.id: self.case_requested.emit(cid))
            menu.addAction(action)

    def _fill_workorder_menu(self, menu: QMenu, items: list, at: dt.datetime) -> None:
        menu.clear()
        for wo in items:
            text = self.tr("{source} {number} · {customer} · reply by {due}").format(
                source=labels.label("workorder_source", wo.source),
                number=wo.number,
                customer=wo.customer_name,
                due=format_short_time(wo.reply_by, at.date()),
            )
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, wid=wo.id: self.workorder_requested.emit(wid))
            menu.addAction(action)

    def _fill_callback_menu(self, menu: QMenu, items: list, at: dt.datetime) -> None:
        menu.clear()
        for cb in items:
            subject = cb.case.case_no if cb.case_id is not None else cb.work_order.number
            text = self.tr("{subject} · {who} · due {due}").format(
                subject=subject,
                who=cb.assigned_to.name,
                due=format_short_time(cb.due_at, at.date()),
            )
            action = QAction(text, menu)
            if cb.case_id is not None:
                action.triggered.connect(
                    lambda _c=False, cid=cb.case_id: self.case_requested.emit(cid)
                )
            else:
                action.triggered.connect(
                    lambda _c=False, wid=cb.work_order_id: self.workorder_requested.emit(wid)
                )
            menu.addAction(action)


# What the Today bar counts: complaints and their clocks (callbacks included), work orders,
# who answers for what, and the working days the deadlines are counted in.
TODAY_KINDS = (
    Kind.CASES,
    Kind.WORK_ORDERS,
    Kind.DEADLINES,
    Kind.CALENDAR,
    Kind.STAFF,
    Kind.ACTING_HEAD,
)


def install_today(context: WindowContext) -> TodayPanel:
    """Put the Today bar above the filter bar of the window and wire its click-through to
    the case list; it re-reads itself after every operation that changes what it counts.
    (Its work orders are wired to the work-order dock by the window.)"""
    from desktop.workorders.workorders_ui import show_case

    window = context.window
    panel = TodayPanel(context.outlet, window, me=context.actor)
    central_layout(window).insertWidget(0, panel)
    panel.due_view_requested.connect(window.filter_bar().show_due_soon)
    panel.owed_view_requested.connect(window.filter_bar().show_owed)
    panel.case_requested.connect(lambda case_id: show_case(window, case_id))
    operations.refresh_on(panel, TODAY_KINDS, panel.refresh)
    # Deadlines running into a year whose official schedule is not entered: one row below.
    from desktop.settings.calendar_gap import install_today_row

    install_today_row(window, panel)
    return panel
