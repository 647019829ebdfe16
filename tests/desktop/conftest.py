"""Qt test setup shared by every tests/desktop module.

QT_QPA_PLATFORM must be set before the first Qt import, so it is done at import time here
rather than in a fixture: CI has no display, and a developer's desktop must not flash windows.
"""

import os

# An empty value (``QT_QPA_PLATFORM=`` in a job's environment) counts as unset: Qt would
# otherwise try the default platform and abort without a display.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def cjk_font(qapp) -> str:
    """Use the bundled CJK font, as the app does, so Chinese renders the same on every machine.

    Returns the font family name.
    """
    from desktop.kit.fonts import apply_app_font

    return apply_app_font(qapp).family()


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test(qapp):
    """Every window a test opened is closed and deleted with it, so that its views stop
    listening for changes before the next test's database exists."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _questions_never_wait(monkeypatch):
    """A question box a test does not answer itself (closing a dialog with edits not saved
    asks one) is answered Discard instead of waiting for a click that never comes: with no
    screen to click on, a modal box would hold the test until its time-out. A test that
    reads a question patches QMessageBox.question itself."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


@pytest.fixture
def message_boxes(monkeypatch) -> list[tuple[str, str]]:
    """(kind, text) of every information or warning box shown, instead of showing it."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda _p, _t, text, k=kind: seen.append((k, text)))
        )
    return seen
