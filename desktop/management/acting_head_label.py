"""The status bar's notice while an acting head is in charge (Art. 8).

While the head is away, head-only actions are the acting head's, so whoever sits at the
desk must see at once who that is and until when: "代理负责人：张三（至 12月5日 18:00）".
The label reads db.management.staff_records.acting_head_now and re-reads itself exactly when a span
starts or ends (a single-shot timer set to db.management.staff_records.next_acting_change), besides on
every refresh of the window.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from db.management import staff_records
from db.store.models import Outlet, now

# Look again at least this often, should the computer's clock be changed.
MAX_WAIT_MS = 60 * 60 * 1000
STYLE = "background: #fff1d0; color: #6b4100; border: 1px solid #c19c00; padding: 0 6px;"


class ActingHeadLabel(QLabel):
    """Hidden while the head is in charge. Signals: none."""

    def __init__(self, outlet: Outlet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outlet = outlet
        self.setObjectName("statusActingHead")
        self.setAccessibleName(self.tr("Acting head in charge"))
        self.setStyleSheet(STYLE)
        self.setToolTip(
            self.tr(
                "While the head is away, head-only actions are taken and recorded as the "
                "acting head's (Art. 8)"
            )
        )
        self._timer = QTimer(self)
        self._timer.setObjectName("actingHeadTimer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def refresh(self) -> None:
        at = now()
        acting = staff_records.acting_head_now(self._outlet, at)
        if acting is None:
            self.clear()
            self.hide()
        else:
            ends = acting.ends_at
            # "4 Dec 18:00" / "12月4日 18:00": the locale names the month.
            until = self.tr("{day} {month} {time}").format(
                day=ends.day,
                month=QLocale().monthName(ends.month, QLocale.FormatType.ShortFormat),
                time=ends.strftime("%H:%M"),
            )
            self.setText(
                self.tr("Acting head: {name} (until {until})").format(
                    name=acting.staff_name, until=until
                )
            )
            self.show()
        self._schedule(staff_records.next_acting_change(self._outlet, at), at)

    def _schedule(self, change: dt.datetime | None, at: dt.datetime) -> None:
        if change is None:
            self._timer.stop()
            return
        # A second past the change: spans end at ends_at, and now() counts whole seconds.
        wait = int((change - at).total_seconds() * 1000) + 1000
        self._timer.start(max(1000, min(wait, MAX_WAIT_MS)))
