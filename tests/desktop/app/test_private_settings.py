"""The settings (the window's and the district console's remembered database) are readable
by their user alone, whatever the umask: they name the outlet's folders and its people."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from desktop import app
from desktop.cli import district

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
    pytest.mark.attack("customer-data"),
]


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_window_settings_stay_private_when_qt_rewrites_them(tmp_path):
    path = tmp_path / "config" / "ComplaintDesk" / "complaint-desk.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    app.make_settings_private(settings)
    for value in ("E1001", "E1002"):  # written, then rewritten
        settings.setValue("login/last_user", value)
        settings.sync()
        assert settings.status() == QSettings.Status.NoError
        assert mode(path) == 0o600
    assert mode(path.parent) == mode(path.parent.parent) == 0o700
    assert QSettings(str(path), QSettings.Format.IniFormat).value("login/last_user") == "E1002"


def test_the_district_settings_are_private(tmp_path, monkeypatch):
    path = tmp_path / "config" / "district.json"
    monkeypatch.setattr(district, "settings_path", lambda: path)
    district.save_settings({"db": "postgresql:///district"})
    assert district.load_settings() == {"db": "postgresql:///district"}
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
