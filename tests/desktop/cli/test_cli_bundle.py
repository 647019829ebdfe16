"""``complaint-desk export-bundle`` and ``import-bundle``, run as the user runs them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from db import demo
from db.exchange import verify
from db.store.database import close_database, database_path, open_database
from tests.cli_process import run_cli
from tests.db.exchange.signed import trust_district
from tests.db.exchange.test_bundle import DOWN_ORDERS, make_bundle

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def counts(data_dir: Path) -> dict[str, int]:
    """Row counts of the tables an import could touch, the audit trail included."""
    conn = sqlite3.connect(f"{database_path(data_dir).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
            for t in ("work_order", "case_event", "complaint_case", "audit_log")
        }
    finally:
        conn.close()


KEY_PASSWORD = "outlet-key-pass"


def verify_bundle(path: Path) -> verify.VerifiedBundle:
    """The bundle checked against its manifest and signature, whoever signed it."""
    return verify.verify_bundle(path, lambda manifest, signer: None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A closed database with 8 demo complaints, the outlet's key (password
    KEY_PASSWORD) and a trusted district key."""
    from db.trust import outlet_keys

    folder = tmp_path / "data"
    open_database(database_path(folder))
    demo.fill_demo(8, seed=7)
    outlet_keys.open_or_create_key(KEY_PASSWORD, scrypt_n=2**10)
    trust_district()
    close_database()
    return folder


def _down(path: Path) -> Path:
    body = json.dumps({"work_orders": DOWN_ORDERS}, ensure_ascii=False).encode("utf-8")
    return make_bundle(path, {"workorders.json": body})


def test_export_bundle_writes_a_verified_bundle(data_dir, tmp_path):
    from db.trust import outlet_keys

    out = tmp_path / "up" / "网点.zip"
    done = cli_in(
        "export-bundle", "--since", "2000-01-01", "--out", str(out), "--data-dir", str(data_dir),
        stdin=KEY_PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "8 cases" in done.stdout and "bundle number 1" in done.stdout
    verified = verify_bundle(out)
    assert verified.manifest["counts"]["cases"] == 8
    open_database(database_path(data_dir))
    try:
        assert verified.signer == outlet_keys.outlet_public_key()["public_key"]
    finally:
        close_database()
    with zipfile.ZipFile(out) as z:
        assert len(json.loads(z.read("cases.json"))["cases"]) == 8


def test_export_bundle_with_a_wrong_key_password_writes_nothing(data_dir, tmp_path):
    out = tmp_path / "up.zip"
    done = cli_in(
        "export-bundle", "--since", "2000-01-01", "--out", str(out), "--data-dir", str(data_dir),
        stdin="not-the-password\n",
    )  # fmt: skip
    assert done.returncode == 1 and "not written" in done.stderr
    assert not out.exists()


def test_export_bundle_rejects_a_bad_date(data_dir, tmp_path):
    done = cli("export-bundle", "--since", "28/09/2026", "--out", str(tmp_path / "x.zip"))
    assert done.returncode == 2 and "not a date" in done.stderr


def test_import_bundle_then_again(data_dir, tmp_path):
    path = _down(tmp_path / "down.zip")
    done = cli("import-bundle", str(path), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    assert "2 work orders created, 0 already present" in done.stdout
    before = counts(data_dir)
    again = cli("import-bundle", str(path), "--data-dir", str(data_dir))
    assert again.returncode == 0, again.stderr
    assert "bundle number 1 is already imported; nothing changed" in again.stdout
    assert counts(data_dir) == before


@pytest.mark.attack("hostile-files")
def test_import_bundle_refuses_a_tampered_bundle(data_dir, tmp_path):
    good = _down(tmp_path / "good.zip")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "workorders.json":
                data = data.replace("周芳".encode(), "周方".encode())
            zout.writestr(info.filename, data)
    before = counts(data_dir)
    done = cli("import-bundle", str(bad), "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert "nothing written" in done.stderr
    assert "workorders.json was changed after the bundle was signed" in done.stderr
    assert counts(data_dir) == before


def test_bundle_commands_import_no_qt():
    code = (
        "import sys; from desktop.cli import main, bundle; import db.exchange.export, db.exchange.importing; "
        "assert 'PySide6' not in sys.modules, 'Qt imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# --- who is acting, once the database has accounts -----------------------------------


def cli_in(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, stdin=stdin)


@pytest.fixture
def with_accounts(data_dir: Path) -> Path:
    """Accounts for the head (E1001), the lobby manager (E1002) and a teller (E1004)."""
    from db.store.models import Staff
    from db.trust import accounts

    open_database(database_path(data_dir))
    head = Staff.get(Staff.employee_no == "E1001")
    accounts.create_account(head, "lotus-pond-7", actor=head)
    for number in ("E1002", "E1004"):
        accounts.create_account(Staff.get(Staff.employee_no == number), "bamboo-gate-3", actor=head)
    close_database()
    return data_dir


@pytest.mark.attack("cli")
def test_with_accounts_export_needs_a_user_and_the_right_role(with_accounts, tmp_path):
    out = tmp_path / "up.zip"
    since = "2000-01-01"
    nobody = cli(
        "export-bundle", "--since", since, "--out", str(out), "--data-dir", str(with_accounts)
    )
    assert nobody.returncode == 1 and "--user" in nobody.stderr
    teller = cli_in(
        "export-bundle", "--since", since, "--out", str(out), "--data-dir", str(with_accounts),
        "--user", "E1004", stdin="bamboo-gate-3\n",
    )  # fmt: skip
    assert teller.returncode == 1 and "may not export data" in teller.stderr
    assert not out.exists()
    lobby = cli_in(
        "export-bundle", "--since", since, "--out", str(out), "--data-dir", str(with_accounts),
        "--user", "E1002", stdin=f"bamboo-gate-3\n{KEY_PASSWORD}\n",
    )  # fmt: skip
    assert lobby.returncode == 0, lobby.stderr
    assert verify_bundle(out)


@pytest.mark.attack("cli")
def test_with_accounts_a_wrong_password_imports_nothing(with_accounts, tmp_path):
    path = _down(tmp_path / "down.zip")
    before = counts(with_accounts)
    done = cli_in(
        "import-bundle", str(path), "--data-dir", str(with_accounts), "--user", "E1002",
        stdin="wrong-password\n",
    )  # fmt: skip
    assert done.returncode == 1
    assert "not correct" in done.stderr and "nothing written" in done.stderr
    after = counts(with_accounts)
    # Only the failed login is recorded (it counts towards the lock, and is audited).
    assert after == {**before, "audit_log": after["audit_log"]}
    assert after["work_order"] == before["work_order"]


def test_with_accounts_the_import_is_attributed_to_the_user(with_accounts, tmp_path):
    path = _down(tmp_path / "down.zip")
    uri = f"{database_path(with_accounts).resolve().as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        last = conn.execute("SELECT MAX(id) FROM audit_log").fetchone()[0]
    done = cli_in(
        "import-bundle", str(path), "--data-dir", str(with_accounts), "--user", "E1002",
        stdin="bamboo-gate-3\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(uri, uri=True)
    try:
        lobby_id = conn.execute("SELECT id FROM staff WHERE employee_no = 'E1002'").fetchone()[0]
        written = conn.execute(
            "SELECT table_name, actor_id FROM audit_log WHERE id > ?", (last,)
        ).fetchall()
    finally:
        conn.close()
    assert "work_order" in {table for table, _actor in written}
    # The login (the account's last-login time) is written before anyone is logged in, as
    # in the window; everything the import wrote is the user's.
    assert {actor for table, actor in written if table != "account"} == {lobby_id}
