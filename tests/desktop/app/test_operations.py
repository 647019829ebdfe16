"""desktop.kit.operations: a write runs, then one signal says what it changed."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog, QWidget

from db.changes import Changes, Kind
from db.errors import WorkflowError
from desktop.kit import operations


@pytest.fixture
def heard(qapp):
    """Every (changes, handler) the hub carried during the test."""
    got: list[tuple[Changes, object]] = []
    listener = QWidget()
    operations.subscribe(listener, lambda changes, handler: got.append((changes, handler)))
    yield got
    listener.deleteLater()


def test_a_quick_write_reports_after_it_succeeded_and_returns_its_result(qtbot, heard):
    parent = QWidget()
    qtbot.addWidget(parent)
    order: list[str] = []
    result = operations.run_op(
        parent,
        lambda: order.append("write") or 42,
        changes=lambda value: Changes.cases(value),
        on_success=lambda value: order.append(f"success {value} after {len(heard)} report"),
    )
    assert result == 42
    assert heard == [(Changes.cases(42), parent)]  # the parent asked for it
    assert order == ["write", "success 42 after 1 report"]


def test_a_refused_write_reports_nothing_and_the_refusal_reaches_the_caller(qtbot, heard):
    def refuse():
        raise WorkflowError("case_closed")

    with pytest.raises(WorkflowError):
        operations.run_op(None, refuse, changes=Changes.of(Kind.CASES))
    assert heard == []


def test_a_slow_write_runs_off_the_gui_thread_and_reports_on_it(qtbot, heard):
    parent = QWidget()
    qtbot.addWidget(parent)
    threads: list[bool] = []
    done: list[int] = []

    def write(_progress) -> int:
        threads.append(threading.current_thread() is threading.main_thread())
        return 7

    operations.run_op_in_background(
        parent,
        write,
        changes=Changes.of(Kind.WORK_ORDERS),
        on_success=lambda value: done.append((value, threading.current_thread().name, len(heard))),
    )
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert threads == [False]
    assert done == [(7, threading.main_thread().name, 1)]
    assert heard == [(Changes.of(Kind.WORK_ORDERS), parent)]


def test_a_failed_slow_write_reports_nothing(qtbot, heard):
    parent = QWidget()
    qtbot.addWidget(parent)
    failed: list[BaseException] = []

    def write(_progress):
        raise WorkflowError("case_closed")

    operations.run_op_in_background(
        parent, write, changes=Changes.of(Kind.CASES), on_failure=failed.append
    )
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert isinstance(failed[0], WorkflowError) and heard == []


def test_a_view_hears_only_while_it_lives(qtbot, qapp):
    view = QWidget()
    calls: list[Changes] = []
    operations.refresh_on(view, (Kind.STAFF,), lambda: calls.append(Changes.of(Kind.STAFF)))
    operations.notify(Changes.of(Kind.TARGETS))  # not what it shows
    operations.notify(Changes.of(Kind.STAFF))
    assert len(calls) == 1
    view.deleteLater()
    qtbot.waitUntil(lambda: _deleted(view))
    operations.notify(Changes.of(Kind.STAFF))  # nobody left to call
    assert len(calls) == 1


def _deleted(widget: QWidget) -> bool:
    return not shiboken6.isValid(widget)


def test_a_window_ignoring_its_own_writes_still_hears_everyone_elses(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    own = QDialog(window)  # a dialog the window opened
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    calls: list[int] = []
    operations.refresh_on(window, (Kind.STAFF,), lambda: calls.append(1), ignore_own=True)
    operations.run_op(own, lambda: None, changes=Changes.of(Kind.STAFF))
    assert calls == []
    operations.run_op(elsewhere, lambda: None, changes=Changes.of(Kind.STAFF))
    assert calls == [1]
    operations.notify(Changes.everything(), None)  # F5
    assert calls == [1, 1]


def test_nothing_changed_is_not_reported(qtbot, heard):
    operations.notify(Changes())
    assert heard == []
