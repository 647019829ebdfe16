"""The watched inbox folder in the console's window (File → Watch an inbox folder…): the
folder is remembered in the settings, watched with QFileSystemWatcher and polled as well (a
network share does not always report a new file), and each scan runs
db.district.inbox.Inbox off the GUI thread. What became of each bundle is listed here;
the rules of reading and moving are all in db/district/inbox.py.

Signals:
    outcome_shown(str): a line was added to the list, as the officer reads it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Kind
from db.district import inbox as inbox_rules
from db.district.database import close_district_database
from db.district.inbox import Inbox, InboxOutcome
from desktop.kit import operations
from desktop.kit.common import name_widget
from desktop.kit.errors import workflow_error_message
from desktop.kit.worker import QueryOp

FOLDER_KEY = "district/inbox_folder"
POLL_MS = 2000
SOON_MS = 500  # after the folder changed: let the first bytes land
MAX_LINES = 500


class InboxDock(QDockWidget):
    outcome_shown = Signal(str)

    def __init__(
        self,
        settings: QSettings,
        officer: str,
        parent: QWidget | None = None,
        *,
        poll_ms: int = POLL_MS,
        settle_seconds: float = inbox_rules.SETTLE_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inboxDock")
        self.setAccessibleName(self.tr("Inbox folder"))
        self.setWindowTitle(self.tr("Inbox folder"))
        self._settings = settings
        self._officer = officer
        self._settle = settle_seconds
        self._inbox: Inbox | None = None
        self._busy = False
        self.folder_label = name_widget(QLabel(), "inboxFolder", self.tr("The watched folder"))
        self.folder_label.setWordWrap(True)
        self.choose_button = name_widget(QPushButton(self.tr("&Choose folder…")),
                                         "inboxChooseButton", self.tr("Choose the inbox folder"))  # fmt: skip
        self.choose_button.clicked.connect(lambda _c=False: self.choose_folder())
        self.stop_button = name_widget(QPushButton(self.tr("S&top watching")),
                                       "inboxStopButton", self.tr("Stop watching the folder"))  # fmt: skip
        self.stop_button.clicked.connect(lambda _c=False: self.watch(None))
        self.log = name_widget(QListWidget(), "inboxLog", self.tr("What became of each bundle"))
        body = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.stop_button)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.log, 1)
        self.setWidget(body)
        self.toggle_action = self.toggleViewAction()
        self.toggle_action.setObjectName("inboxToggleAction")
        self.toggle_action.setText(self.tr("&Inbox folder"))

        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _p: self._soon.start())
        self._soon.timeout.connect(self.scan)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.scan)
        remembered = settings.value(FOLDER_KEY)
        self.watch(Path(remembered) if isinstance(remembered, str) and remembered else None)

    def folder(self) -> Path | None:
        return self._inbox.folder if self._inbox is not None else None

    def choose_folder(self) -> None:
        start = str(self.folder() or Path.home())
        name = QFileDialog.getExistingDirectory(self, self.tr("Inbox folder for bundles"), start)
        if name:
            self.watch(Path(name))

    def watch(self, folder: Path | None) -> None:
        """Watch ``folder`` (None: stop) and remember the choice."""
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._poll.stop()
        self._settings.setValue(FOLDER_KEY, str(folder) if folder else "")
        self.stop_button.setEnabled(folder is not None)
        if folder is None:
            self._inbox = None
            self.folder_label.setText(self.tr("No inbox folder is watched."))
            return
        self._inbox = Inbox(folder, actor=self._officer, settle_seconds=self._settle)
        if folder.is_dir():
            self._watch_folder(folder)
        else:
            self.folder_label.setText(self.tr(
                "{folder} cannot be read now; it is looked at again every few seconds."
            ).format(folder=folder))  # fmt: skip
        self._poll.start()
        self.scan()

    def _watch_folder(self, folder: Path) -> None:
        self._watcher.addPath(str(folder))
        self.folder_label.setText(self.tr(
            "Watching {folder}: bundles dropped there are imported, then moved into "
            "imported/ or refused/.").format(folder=folder))  # fmt: skip

    def scan(self) -> None:
        """Look at the folder once, off the GUI thread (one scan at a time)."""
        inbox = self._inbox
        if inbox is None or self._busy:
            return
        if str(inbox.folder) not in self._watcher.directories() and inbox.folder.is_dir():
            self._watch_folder(inbox.folder)  # it came back (a share reconnected)
        self._busy = True

        def op(_progress) -> list[InboxOutcome]:
            try:
                return inbox.scan()
            finally:
                close_district_database()  # this thread's connection only

        def done(outcomes: list[InboxOutcome]) -> None:
            self._busy = False
            for outcome in outcomes:
                self._show(outcome)
            if any(o.summary is not None for o in outcomes):
                operations.notify(Changes.of(Kind.CASES, Kind.WORK_ORDERS), self)

        def failed(error: BaseException) -> None:
            self._busy = False
            self._add(self.tr("The inbox could not be read: {error}").format(error=error))

        QueryOp(parent=self, op=op, success=done).failure(failed).run_in_background()

    def line(self, o: InboxOutcome) -> str:
        reason = workflow_error_message(o.error) if o.error is not None else ""
        if o.status == inbox_rules.DONE and o.summary is not None:
            text = self.tr("{file}: imported (outlet {outlet}, bundle number {seq}, {n} cases "
                           "stored), moved into imported/").format(
                file=o.name, outlet=o.summary.outlet_code, seq=o.summary.seq,
                n=o.summary.cases_stored)  # fmt: skip
        elif o.status == inbox_rules.ALREADY:
            text = self.tr("{file}: already imported, nothing changed; moved into imported/"
                           ).format(file=o.name)  # fmt: skip
        elif o.status == inbox_rules.CUT_OFF:
            text = self.tr("{file}: cut off, the copy stopped; left where it is until it "
                           "changes. {reason}").format(file=o.name, reason=reason)  # fmt: skip
        else:
            text = self.tr("{file}: refused, nothing written; moved into refused/. {reason}"
                           ).format(file=o.name, reason=reason)  # fmt: skip
        if o.moved_to is None and o.status != inbox_rules.CUT_OFF:
            text += " " + self.tr("It could not be moved aside ({detail}) and is not read again."
                                  ).format(detail=o.detail)  # fmt: skip
        return text

    def _show(self, outcome: InboxOutcome) -> None:
        self._add(self.line(outcome))

    def _add(self, text: str) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        self.log.insertItem(0, f"{stamp}  {text}")
        while self.log.count() > MAX_LINES:
            self.log.takeItem(self.log.count() - 1)
        self.outcome_shown.emit(text)
