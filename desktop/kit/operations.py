"""Writes as operations that say what they changed, on one application-wide signal.

Modelled on Anki's ``CollectionOp`` and its ``operation_did_execute`` hook::

    case = run_op(self, lambda: workflow.reply(case, actor, ...), changes=Changes.cases(case.id))

    run_op_in_background(
        self, lambda progress: import_workorders(path, actor),
        changes=Changes.of(Kind.WORK_ORDERS), on_success=self.show_result,
    )

After the write succeeds, ``hub().operation_did_execute(changes, handler)`` is emitted on the
GUI thread, once, before ``on_success``; ``handler`` is the object that asked for the write
(``parent`` unless given), so a view that already updated itself can skip it. A write that
raises emits nothing: the sync ``run_op`` lets the exception through to the caller (the
dialogs show refusals as before), the background one hands it to ``on_failure``.

Views subscribe with ``subscribe(view, callback)`` (the subscription lives as long as the
view) or, when a re-query is all they do, ``refresh_on(view, kinds, refresh)``. No view
looks for another to refresh it. View → Refresh (F5) is ``notify(Changes.everything())``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from db.changes import Changes, Kind
from desktop.kit.worker import ProgressFn, QueryOp

log = logging.getLogger(__name__)

T = TypeVar("T")
ChangesOf = Changes | Callable[[T], Changes]
Callback = Callable[[Changes, object], None]


class OperationHub(QObject):
    """The application's one channel for "something changed".

    Signals:
        operation_did_execute(object, object): a write succeeded; its db.changes.Changes
            and the object that asked for it (or None).
    """

    operation_did_execute = Signal(object, object)


_hub: OperationHub | None = None


def hub() -> OperationHub:
    """The hub of the running application, made on first use."""
    global _hub
    if _hub is None or not shiboken6.isValid(_hub):
        _hub = OperationHub(QCoreApplication.instance())
        _hub.setObjectName("operationHub")
    return _hub


def notify(changes: Changes, handler: object | None = None) -> None:
    """Tell every view that ``changes`` happened (after a write, or F5)."""
    if changes:
        hub().operation_did_execute.emit(changes, handler)


def _changes_of(changes: ChangesOf, result: T) -> Changes:
    return changes(result) if callable(changes) else changes


def run_op(
    parent: QObject | None,
    fn: Callable[[], T],
    *,
    changes: ChangesOf,
    on_success: Callable[[T], None] | None = None,
    handler: object | None = None,
) -> T:
    """Run a quick write now and return its result; then tell the views what changed.

    ``changes`` is the Changes value, or a function of the result (a new complaint's id is
    known only once it is stored). Exceptions from ``fn`` propagate and nothing is emitted.
    """
    result = fn()
    notify(_changes_of(changes, result), handler if handler is not None else parent)
    if on_success is not None:
        on_success(result)
    return result


def run_op_in_background(
    parent: QObject,
    fn: Callable[[ProgressFn], T],
    *,
    changes: ChangesOf,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: ProgressFn | None = None,
    handler: object | None = None,
) -> None:
    """Run a slow write on a worker thread (desktop.kit.worker.QueryOp); on success, back
    on the GUI thread, tell the views what changed, then call ``on_success``."""

    def succeeded(result: T) -> None:
        notify(_changes_of(changes, result), handler if handler is not None else parent)
        if on_success is not None:
            on_success(result)

    op = QueryOp(parent=parent, op=fn, success=succeeded)
    if on_failure is not None:
        op.failure(on_failure)
    if on_progress is not None:
        op.with_progress(on_progress)
    op.run_in_background()


class _Subscription(QObject):
    """A child of the subscribing view: the connection goes when the view does."""

    def __init__(self, owner: QObject, callback: Callback) -> None:
        super().__init__(owner)
        self.setObjectName("operationSubscription")
        self._callback = callback
        hub().operation_did_execute.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, changes: Changes, handler: object) -> None:
        self._callback(changes, handler)


def subscribe(owner: QObject, callback: Callback) -> None:
    """Call ``callback(changes, handler)`` after every operation, while ``owner`` lives."""
    _Subscription(owner, callback)


def asked_from_within(handler: object, owner: QObject) -> bool:
    """Whether ``handler`` is ``owner`` or one of its children (a dialog it opened)."""
    while isinstance(handler, QObject):
        if handler is owner:
            return True
        handler = handler.parent()
    return False


def refresh_on(
    owner: QObject,
    kinds: Iterable[Kind],
    refresh: Callable[[], None],
    *,
    ignore_own: bool = False,
) -> None:
    """Call ``refresh()`` after every operation that changed any of ``kinds``; with
    ``ignore_own``, not for those asked from within ``owner``, which shows its own writes."""
    wanted = frozenset(kinds)

    def deliver(changes: Changes, handler: object) -> None:
        if ignore_own and asked_from_within(handler, owner):
            return
        if changes.touches(*wanted):
            refresh()

    subscribe(owner, deliver)
