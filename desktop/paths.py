"""Where the program keeps its data. No Qt here, so the command line stays light."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "complaint-desk"
ORG_NAME = "ComplaintDesk"


def default_data_dir(demo: bool = False) -> Path:
    """The platform's user data folder; the demo database lives in its own subfolder so it
    never mixes with real complaints."""
    base = _user_data_dir()
    return base / "demo" if demo else base


def district_key_path(code: str) -> Path:
    """Where ``complaint-desk district init`` keeps the district's private key by default."""
    return _user_data_dir() / "district-keys" / f"{code}-signing-key.json"


def _user_data_dir() -> Path:
    # platformdirs (with the tempfile module it loads, ~6 ms) only when a folder is asked
    # for: a start with --data-dir needs none.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, ORG_NAME))
