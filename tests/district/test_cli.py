"""The key and district commands end to end, as a user runs them (desktop/cli/district.py).

The outlet's side needs no PostgreSQL; the district's runs against the test server. The
user's configuration and data folders are the test's own (XDG_CONFIG_HOME, XDG_DATA_HOME).
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from db.intake import outlets
from db.store import database as outlet_database
from db.trust import accounts, keys
from desktop.cli import district as cli_district
from desktop.cli import main as cli

OUTLET_PASSWORD = "outlet key pw 1"
DISTRICT_PASSWORD = "district key pw 1"
HEAD_PASSWORD = "head login pw 1"
SETUP = outlets.OutletSetup(
    outlet_name="建国门邮政支局",
    outlet_code="BJ0101",
    district_branch="东城区分公司",
    head_name="王建国",
    head_employee_no="E1001",
)


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    yield
    outlet_database.close_database()


def run(argv: list[str], stdin: str = "", monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        code = cli.main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
        outlet_database.close_database()
    return code, out.getvalue(), err.getvalue()


def _outlet(folder: Path, *, head_account: bool = False) -> Path:
    outlet_database.open_database(outlet_database.database_path(folder))
    _outlet_row, head = outlets.setup_outlet(SETUP)
    if head_account:
        accounts.create_account(head, HEAD_PASSWORD, actor=head)
        lobby = outlets.add_staff(_outlet_row, "李娜", "E1002", "lobby_manager")
        accounts.create_account(lobby, "lobby login pw", actor=head)
    outlet_database.close_database()
    return folder


def _fingerprint(output: str) -> str:
    return next(line.split(": ", 1)[1] for line in output.splitlines() if "fingerprint" in line)


# --- the outlet --------------------------------------------------------------------------------


def test_enrolment_without_accounts_asks_a_key_password(tmp_path):
    folder = _outlet(tmp_path / "outlet")
    out = tmp_path / "enrolment.json"
    code, stdout, stderr = run(["enrolment", "--out", str(out), "--data-dir", str(folder)],
                               OUTLET_PASSWORD + "\n")  # fmt: skip
    assert code == 0, stderr
    key_file = folder / "keys" / "outlet-signing-key.json"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    enrolment = keys.read_enrolment_file(out)
    assert enrolment.code == "BJ0101" and enrolment.district == "东城区分公司"
    assert _fingerprint(stdout) == enrolment.fingerprint
    # Next time the same key, opened with its password; a wrong one writes nothing.
    code, _, stderr = run(["enrolment", "--out", str(tmp_path / "b.json"), "--data-dir",
                           str(folder)], "wrong password\n")  # fmt: skip
    assert code == 1 and "Wrong password" in stderr
    assert not (tmp_path / "b.json").exists()


def test_enrolment_with_accounts_is_the_heads(tmp_path):
    folder = _outlet(tmp_path / "outlet", head_account=True)
    out = tmp_path / "enrolment.json"
    args = ["enrolment", "--out", str(out), "--data-dir", str(folder)]
    code, _, stderr = run(args, HEAD_PASSWORD + "\n")
    assert code == 1 and "--user" in stderr
    code, _, stderr = run([*args, "--user", "E1002"], "lobby login pw\n")
    assert code == 1 and not out.exists()
    code, _, stderr = run([*args, "--user", "E1001"], "not the head's\n")
    assert code == 1 and not out.exists()
    code, stdout, stderr = run([*args, "--user", "E1001"], HEAD_PASSWORD + "\n")
    assert code == 0, stderr
    # The key is wrapped by the head's login password.
    keys.unwrap(folder / "keys" / "outlet-signing-key.json", HEAD_PASSWORD)


def test_trust_district_shows_the_fingerprint_and_asks(tmp_path):
    folder = _outlet(tmp_path / "outlet")
    private = keys.Ed25519PrivateKey.generate()
    key_file = tmp_path / "district-key.json"
    written = keys.write_public_key_file(
        key_file, keys.Owner(keys.KIND_DISTRICT, "DC01", "东城区分公司"), keys.public_b64(private)
    )
    args = ["trust-district", str(key_file), "--data-dir", str(folder)]
    code, stdout, stderr = run(args, "n\n")
    assert code == 1 and written.fingerprint in stdout
    outlet_database.open_database(outlet_database.database_path(folder))
    from db.trust import outlet_keys

    assert outlet_keys.trusted_district() is None
    outlet_database.close_database()
    code, stdout, _ = run(args, "y\n")
    assert code == 0 and "trusted" in stdout
    outlet_database.open_database(outlet_database.database_path(folder))
    assert outlet_keys.trusted_district()["fingerprint"] == written.fingerprint
    outlet_database.close_database()
    code, stdout, _ = run([*args, "--yes"])
    assert code == 0 and "already trusted" in stdout


def test_trust_district_refuses_an_altered_file(tmp_path):
    folder = _outlet(tmp_path / "outlet")
    private = keys.Ed25519PrivateKey.generate()
    key_file = tmp_path / "district-key.json"
    keys.write_public_key_file(key_file, keys.Owner(keys.KIND_DISTRICT, "DC01", "东城区分公司"),
                               keys.public_b64(private))  # fmt: skip
    data = json.loads(key_file.read_text(encoding="utf-8"))
    data["public_key"] = keys.public_b64(keys.Ed25519PrivateKey.generate())
    key_file.write_text(json.dumps(data), encoding="utf-8")
    code, _, stderr = run(["trust-district", str(key_file), "--data-dir", str(folder), "--yes"])
    assert code == 1 and "damaged or altered" in stderr


# --- the district ------------------------------------------------------------------------------


@pytest.fixture
def remembered_url(empty_pg_url, monkeypatch):
    """The test database's URL; its password given as PGPASSWORD, as a user would."""
    parts = urllib.parse.urlsplit(empty_pg_url)
    if parts.password:
        monkeypatch.setenv("PGPASSWORD", urllib.parse.unquote(parts.password))
    return empty_pg_url


def test_district_console_from_init_to_trust(tmp_path, remembered_url):
    url = remembered_url
    code, stdout, stderr = run(["district", "init", "--db", url, "--code", "DC01", "--name",
                                "东城区分公司", "--as", "赵敏"], DISTRICT_PASSWORD + "\n")  # fmt: skip
    assert code == 0, stderr
    district_fingerprint = _fingerprint(stdout)
    from db.district.database import redact_url

    settings_text = cli_district.settings_path().read_text(encoding="utf-8")
    assert json.loads(settings_text)["db_url"] == redact_url(url)
    password = urllib.parse.urlsplit(url).password
    assert not password or password not in settings_text
    key_path = cli_district.default_district_key("DC01")
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    # Init again: nothing new, the key opened with its password.
    code, stdout, stderr = run(["district", "init", "--code", "DC01", "--name", "东城区分公司"],
                               DISTRICT_PASSWORD + "\n")  # fmt: skip
    assert code == 0 and "already set up" in stdout, stderr

    folder = _outlet(tmp_path / "outlet")
    enrolment_file = tmp_path / "enrolment.json"
    assert run(["enrolment", "--out", str(enrolment_file), "--data-dir", str(folder)],
               OUTLET_PASSWORD + "\n")[0] == 0  # fmt: skip
    outlet_fingerprint = keys.read_enrolment_file(enrolment_file).fingerprint

    code, stdout, _ = run(["district", "enrol", str(enrolment_file)], "n\n")
    assert code == 1 and outlet_fingerprint in stdout
    code, stdout, stderr = run(["district", "enrol", str(enrolment_file), "--as", "赵敏"], "y\n")
    assert code == 0 and "BJ0101: enrolled" in stdout, stderr
    code, stdout, _ = run(["district", "enrol", str(enrolment_file), "--yes"])
    assert code == 0 and "already enrolled" in stdout

    key_file = tmp_path / "district-key.json"
    code, stdout, stderr = run(["district", "key", "--out", str(key_file)])
    assert code == 0, stderr
    assert _fingerprint(stdout) == district_fingerprint
    code, stdout, stderr = run(["trust-district", str(key_file), "--data-dir", str(folder),
                                "--yes"])  # fmt: skip
    assert code == 0 and district_fingerprint in stdout, stderr

    from db.district import database as district_db
    from db.district.models import DistrictAudit, EnrolledOutlet

    district_db.open_district_database(url)
    outlet = EnrolledOutlet.get_by_id("BJ0101")
    assert (outlet.key_fingerprint, outlet.enrolled_by) == (outlet_fingerprint, "赵敏")
    assert {e.actor for e in DistrictAudit.select()} == {"赵敏"}
    district_db.close_district_database()


def test_district_commands_without_a_database_say_so(tmp_path):
    code, _, stderr = run(["district", "key", "--out", str(tmp_path / "k.json")])
    assert code == 1 and "--db" in stderr
    code, _, stderr = run(["district", "init", "--db", "mysql://x/y", "--code", "D", "--name", "n"])
    assert code == 1 and "Not a PostgreSQL URL" in stderr
    code, _, stderr = run(["district"])
    assert code == 2 and "init" in stderr


def test_district_key_before_init_is_refused(remembered_url, tmp_path):
    code, _, stderr = run(["district", "init", "--db", remembered_url, "--code", "DC01",
                           "--name", "东城区分公司"], "short\n")  # fmt: skip
    assert code == 1 and "at least" in stderr
    code, _, stderr = run(["district", "key", "--out", str(tmp_path / "k.json")])
    assert code == 1 and not (tmp_path / "k.json").exists()


def test_subcommands_never_import_qt(tmp_path, remembered_url):
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_DATA_HOME": str(tmp_path / "d"),
    }
    script = (
        "import sys\n"
        "from desktop.cli.main import main\n"
        f"code = main(['district', 'init', '--db', {remembered_url!r}, '--code', 'DC01', "
        "'--name', 'n'])\n"
        "assert 'PySide6' not in sys.modules, 'Qt imported'\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], input=DISTRICT_PASSWORD + "\n",
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_district_import_and_send_on_the_command_line(tmp_path, remembered_url):
    import datetime as dt

    from db.district import database as district_db
    from db.district import workorders
    from db.workorders.orders import NewWorkOrder
    from tests.district.helpers import case_entry, up_bundle

    url = remembered_url
    assert run(["district", "init", "--db", url, "--code", "DC01", "--name", "东城区分公司"],
               DISTRICT_PASSWORD + "\n")[0] == 0  # fmt: skip
    folder = _outlet(tmp_path / "outlet")
    enrolment_file, key_file = tmp_path / "enrolment.json", tmp_path / "district-key.json"
    assert run(["enrolment", "--out", str(enrolment_file), "--data-dir", str(folder)],
               OUTLET_PASSWORD + "\n")[0] == 0  # fmt: skip
    assert run(["district", "enrol", str(enrolment_file), "--yes"])[0] == 0
    assert run(["district", "key", "--out", str(key_file)])[0] == 0
    assert run(["trust-district", str(key_file), "--data-dir", str(folder), "--yes"])[0] == 0

    up = tmp_path / "up.zip"
    code, _, stderr = run(["export-bundle", "--since", "2026-01-01", "--out", str(up),
                           "--data-dir", str(folder)], OUTLET_PASSWORD + "\n")  # fmt: skip
    assert code == 0, stderr
    code, stdout, stderr = run(["district", "import", str(up), "--as", "赵敏"])
    assert code == 0, stderr
    assert "bundle number 1 of outlet BJ0101: 0 cases stored" in stdout
    code, stdout, _ = run(["district", "import", str(up)])
    assert code == 0 and "already imported; nothing changed" in stdout

    # A large bundle shows its progress; a refused one is named, the good one still applied.
    outlet_key = keys.unwrap(folder / "keys" / "outlet-signing-key.json", OUTLET_PASSWORD)
    cases = [case_entry(f"BJ0101-2026-{n:04d}") for n in range(1, 1201)]
    big = up_bundle(tmp_path / "big.zip", "BJ0101", outlet_key, seq=2, cases=cases)
    unsigned = up_bundle(tmp_path / "unsigned.zip", "BJ0101", outlet_key, seq=3, sign=False)
    code, stdout, stderr = run(["district", "import", str(unsigned), str(big)])
    assert code == 1
    assert f"{unsigned}: refused, nothing written." in stderr and "no signature" in stderr
    assert "big.zip: 1,200 of 1,200 cases" in stderr and "big.zip: 500 of 1,200" in stderr
    assert "1200 cases stored" in stdout

    district_db.open_district_database(url)
    workorders.enter_work_order(
        NewWorkOrder(source="95580", number="KF-1", received_at=dt.datetime(2026, 3, 2, 9),
                     reply_by=dt.datetime(2026, 3, 4, 9), customer_name="刘芳",
                     content="排队时间长"),
        "BJ0101", actor="赵敏",
    )  # fmt: skip
    district_db.close_district_database()
    down = tmp_path / "down.zip"
    code, _, stderr = run(["district", "send", "--outlet", "XX01", "--out", str(down)],
                          DISTRICT_PASSWORD + "\n")  # fmt: skip
    assert code == 1 and "Outlet XX01 is not enrolled" in stderr and not down.exists()
    code, _, stderr = run(["district", "send", "--outlet", "BJ0101", "--out", str(down)],
                          "wrong password\n")  # fmt: skip
    assert code == 1 and "Wrong password" in stderr and not down.exists()
    code, stdout, stderr = run(["district", "send", "--outlet", "BJ0101", "--out", str(down)],
                               DISTRICT_PASSWORD + "\n")  # fmt: skip
    assert code == 0, stderr
    assert "(bundle number 1): 1 work orders, 0 escalation results" in stdout
    code, _, stderr = run(["district", "send", "--outlet", "BJ0101", "--out", str(down)],
                          DISTRICT_PASSWORD + "\n")  # fmt: skip
    assert code == 1 and "Nothing new for outlet BJ0101" in stderr

    code, stdout, stderr = run(["import-bundle", str(down), "--data-dir", str(folder)])
    assert code == 0, stderr
    assert "1 work orders created" in stdout
    code, stdout, _ = run(["import-bundle", str(down), "--data-dir", str(folder)])
    assert code == 0 and "already imported" in stdout

    # A bundle lost on the way is written again, identical, with no key needed.
    again = tmp_path / "down-again.zip"
    code, stdout, stderr = run(["district", "send", "--outlet", "BJ0101", "--again", "1",
                                "--out", str(again)])  # fmt: skip
    assert code == 0, stderr
    assert "bundle number 1 again" in stdout and again.read_bytes() == down.read_bytes()
    code, _, stderr = run(["district", "send", "--outlet", "BJ0101", "--again", "5",
                           "--out", str(tmp_path / "none.zip")])  # fmt: skip
    assert code == 1 and "No bundle number 5 to outlet BJ0101" in stderr
