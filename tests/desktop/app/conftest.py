"""Fixtures of the window's tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path):
    """A settings file of the test's own, so tests never read or write the user's layout."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
