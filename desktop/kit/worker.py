"""Slow work off the GUI thread, with success and failure callbacks on the GUI thread.

Modelled on Anki's ``QueryOp``::

    QueryOp(parent=self, op=lambda progress: build_pdf(case_id), success=self.show_pdf)
        .failure(self.show_error)
        .with_progress(self.on_progress)
        .run_in_background()

``op`` runs on a QThreadPool thread and receives a ``progress(done, total)`` function it
may call from there. ``success``, ``failure`` and the progress callback run on the GUI
thread. If ``parent`` is destroyed first, no callback runs: a closed dialog is not called
back into.

Database access in ``op`` is fine: peewee keeps one connection per thread, so the worker
opens its own to the same file (with the same pragmas) and it is closed when ``op`` ends.
Tests must use a temp-file database for this, not ``:memory:``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from db.store.models import database

log = logging.getLogger(__name__)

T = TypeVar("T")
ProgressFn = Callable[[int, int], None]


class Cancelled(Exception):
    """Raise from ``op`` (e.g. from its progress function) to stop without an error."""


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls over to this thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.on_success: Callable[[object], None] = lambda _result: None
        self.on_failure: Callable[[BaseException], None] = lambda _error: None
        self.on_progress: ProgressFn | None = None
        self.on_finished: Callable[[], None] = lambda: None
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        try:
            self.on_success(result)
        finally:
            self.on_finished()

    @Slot(object)
    def _failed(self, error: object) -> None:
        try:
            assert isinstance(error, BaseException)
            self.on_failure(error)
        finally:
            self.on_finished()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)


class _Task(QRunnable):
    # Python owns the runnables until they end, so neither they nor their bridges are
    # collected while a thread still runs them.
    running: set[_Task] = set()

    def __init__(self, op: Callable[[ProgressFn], object], bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._op = op
        self._bridge = bridge

    def _emit(self, signal_name: str, *args: object) -> None:
        try:
            getattr(self._bridge, signal_name).emit(*args)
        except RuntimeError:
            pass  # the parent (and with it the bridge) was destroyed meanwhile

    def run(self) -> None:
        try:
            result = self._op(lambda done, total: self._emit("progressed", done, total))
        except BaseException as error:  # noqa: BLE001 - handed to the failure callback
            self._emit("failed", error)
        else:
            self._emit("succeeded", result)
        finally:
            db = database.obj
            if db is not None and not db.is_closed():
                db.close()  # this thread's connection only
            _Task.running.discard(self)


class QueryOp(Generic[T]):
    """Run ``op`` in the background, then ``success(result)`` on the GUI thread."""

    def __init__(
        self,
        *,
        parent: QObject,
        op: Callable[[ProgressFn], T],
        success: Callable[[T], None],
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None
        self._progress: ProgressFn | None = None

    def failure(self, callback: Callable[[BaseException], None]) -> QueryOp[T]:
        self._failure = callback
        return self

    def with_progress(self, callback: ProgressFn) -> QueryOp[T]:
        self._progress = callback
        return self

    def run_in_background(self, pool: QThreadPool | None = None) -> None:
        bridge = _Bridge(self._parent)
        bridge.on_success = self._success  # type: ignore[assignment]
        bridge.on_failure = self._on_failure
        bridge.on_progress = self._progress
        bridge.on_finished = bridge.deleteLater
        task = _Task(self._op, bridge)
        _Task.running.add(task)
        (pool or QThreadPool.globalInstance()).start(task)

    def _on_failure(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        if self._failure is not None:
            self._failure(error)
            return
        log.error("background operation failed", exc_info=error)
        widget = self._parent if isinstance(self._parent, QWidget) else None
        QMessageBox.warning(
            widget,
            QCoreApplication.translate("QueryOp", "Complaint Desk"),
            QCoreApplication.translate("QueryOp", "The operation failed:\n{error}").format(
                error=error
            ),
        )
