"""Qt test setup shared by every tests/desktop module.

QT_QPA_PLATFORM must be set before the first Qt import, so it is done at import time here
rather than in a fixture: CI has no display, and a developer's desktop must not flash windows.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def cjk_font(qapp) -> str:
    """Use the bundled CJK font, as the app does, so Chinese renders the same on every machine.

    Returns the font family name.
    """
    from desktop.fonts import apply_app_font

    return apply_app_font(qapp).family()
