"""What the list opens on at start: if anything is overdue or due today, exactly that.

Apart from the Today bar (desktop.cases.today_panel), which is built after the list's first
paint: the main window decides its start filter before then, from one query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.handling import deadlines
from db.store.models import now

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def due_work_waiting() -> bool:
    """Whether any complaint is overdue or due today: the program then opens on them."""
    return deadlines.cases_due_today_or_overdue(now()).exists()


def open_start_view(window: MainWindow) -> bool:
    """On start: show the complaints overdue or due today, if there are any.

    True when the list was narrowed to them."""
    if not due_work_waiting():
        return False
    window.filter_bar().show_due_soon()
    table = window.table()
    if table.model().rowCount() > 0:
        table.selectRow(0)
    return True
