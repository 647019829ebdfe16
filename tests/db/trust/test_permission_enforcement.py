"""The permission matrix enforced where data leaves or is replaced: backups,
restores, the ledger and unmasked reports; and first-run setup creating the head's account.

Each test tries to break the rule and checks that nothing was written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.errors import WorkflowError
from db.intake import cases, outlets
from db.intake.validation import ValidationError
from db.reporting import report_data
from db.store.database import close_database, open_database
from db.store.models import Account, Outlet, Staff, database, now
from db.trust import accounts, backup, permissions
from tests.db.backup_helpers import file_digest, rows_of
from tests.db.conftest import OUTLET_SETUP
from tests.db.helpers import valid_case

PASSWORD = "lotus-pond-7"


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _refused(call) -> WorkflowError:
    with pytest.raises(WorkflowError) as info:
        call()
    assert info.value.code == "not_permitted"
    return info.value


# --- backup --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["teller", "lobby"])
@pytest.mark.attack("accounts")
def test_backup_by_a_non_head_is_refused_and_writes_nothing(sqlite_db, request, tmp_path, who):
    actor = request.getfixturevalue(who)
    folder = tmp_path / "usb"
    _refused(lambda: backup.make_backup(sqlite_db, folder, reason="manual", actor=actor))
    assert _files(folder) == []
    _refused(lambda: backup.backup_and_rotate(sqlite_db, reason="manual", actor=actor))
    assert _files(tmp_path / backup.BACKUPS_DIRNAME) == []


def test_backup_by_the_head_is_made(sqlite_db, head, tmp_path):
    info = backup.make_backup(sqlite_db, tmp_path / "usb", reason="manual", actor=head)
    assert info.path.is_file() and info.verified


def test_automatic_backups_pass_no_actor_and_are_made(sqlite_db, teller, tmp_path):
    info = backup.backup_and_rotate(sqlite_db, reason=backup.REASON_DAILY)
    assert info.path.is_file()


def test_acting_head_backs_up_inside_the_span_only(sqlite_db, head, lobby, tmp_path):
    start = now() - dt.timedelta(hours=1)
    permissions.name_acting_head(head, lobby, start, start + dt.timedelta(hours=4))
    inside = backup.make_backup(sqlite_db, tmp_path / "in", reason="manual", actor=lobby)
    assert inside.path.is_file()

    span = permissions.acting_spans(head.outlet)[0]
    permissions.end_acting_head(span, head)
    _refused(lambda: backup.make_backup(sqlite_db, tmp_path / "out", reason="manual", actor=lobby))
    assert _files(tmp_path / "out") == []


def test_an_inactive_head_is_refused(sqlite_db, head, tmp_path):
    Staff.update(active=False).where(Staff.id == head.id).execute()
    _refused(lambda: backup.make_backup(sqlite_db, tmp_path / "usb", reason="manual", actor=head))
    assert _files(tmp_path / "usb") == []


# --- restore -------------------------------------------------------------------------------


@pytest.fixture
def restorable(sqlite_db, head, tmp_path):
    """A backup of the database as it is now, then a change made after it."""
    made = backup.make_backup(sqlite_db, tmp_path / "kept", reason="manual")
    cases.register_case(head.outlet, valid_case(head), actor=head)
    return sqlite_db, made


@pytest.mark.parametrize("who", ["teller", "lobby"])
@pytest.mark.attack("accounts")
def test_restore_by_a_non_head_is_refused_and_changes_nothing(restorable, request, tmp_path, who):
    db, made = restorable
    actor = request.getfixturevalue(who)
    db_path = Path(db.database)
    before_rows, before_bytes = rows_of(db_path), file_digest(db_path)
    safety = tmp_path / "safety"

    _refused(lambda: backup.restore(db_path, made.path, safety_folder=safety, actor=actor))

    assert _files(safety) == []  # not even the safety backup was made
    assert rows_of(db_path) == before_rows
    assert file_digest(db_path) == before_bytes


def test_restore_by_the_head_replaces_the_data(restorable, head, tmp_path):
    db, made = restorable
    db_path = Path(db.database)
    result = backup.restore(db_path, made.path, safety_folder=tmp_path / "safety", actor=head)
    assert result.safety_backup is not None and result.safety_backup.path.is_file()
    assert rows_of(db_path)["complaint_case"] == []


def test_acting_head_restores_inside_the_span_only(restorable, head, lobby, tmp_path):
    db, made = restorable
    db_path = Path(db.database)
    start = now() - dt.timedelta(hours=2)
    permissions.name_acting_head(head, lobby, start, start + dt.timedelta(hours=1))  # over
    before = rows_of(db_path)
    _refused(lambda: backup.restore(db_path, made.path, safety_folder=tmp_path / "s1", actor=lobby))
    assert rows_of(db_path) == before and _files(tmp_path / "s1") == []

    permissions.name_acting_head(
        head, lobby, now() - dt.timedelta(minutes=5), now() + dt.timedelta(hours=1)
    )
    backup.restore(db_path, made.path, safety_folder=tmp_path / "s2", actor=lobby)
    assert rows_of(db_path)["complaint_case"] == []


# --- the ledger and unmasked reports -------------------------------------------------------


@pytest.mark.attack("accounts")
def test_ledger_export_by_a_teller_is_refused_before_any_row(sqlite_db, teller, head):
    cases.register_case(head.outlet, valid_case(head), actor=head)
    _refused(lambda: report_data.ledger_rows(year=now().year, actor=teller))


def test_ledger_export_by_the_lobby_manager_is_allowed(sqlite_db, lobby, head):
    cases.register_case(head.outlet, valid_case(head), actor=head)
    rows = list(report_data.ledger_rows(year=now().year, actor=lobby))
    assert len(rows) == 1
    assert rows[0].customer_phone != "13812345678"  # masked


@pytest.mark.attack("customer-data")
def test_unmasked_ledger_needs_the_reveal_permission(sqlite_db, lobby, head):
    _refused(lambda: report_data.ledger_rows(year=now().year, reveal=True, actor=lobby))
    assert list(report_data.ledger_rows(year=now().year, reveal=True, actor=head)) == []


@pytest.mark.parametrize("who", ["teller", "lobby"])
@pytest.mark.attack("customer-data")
def test_unmasked_incident_report_by_a_non_head_is_refused(sqlite_db, head, request, who):
    actor = request.getfixturevalue(who)
    case = cases.register_case(head.outlet, valid_case(head), actor=head)
    _refused(lambda: report_data.incident_report_data(case.id, reveal=True, actor=actor))
    masked = report_data.incident_report_data(case.id, actor=actor)  # printing stays allowed
    assert masked.customer.phone != "13812345678"
    revealed = report_data.incident_report_data(case.id, reveal=True, actor=head)
    assert revealed.customer.phone == "13812345678"


def test_require_export(sqlite_db, head, lobby, teller):
    assert permissions.require_export(None) is None
    assert permissions.require_export(lobby) is not None
    _refused(lambda: permissions.require_export(teller))
    _refused(lambda: permissions.require_export(lobby, reveal=True))
    assert permissions.require_export(head, reveal=True).capacity == permissions.CAPACITY_HEAD


# --- first run -----------------------------------------------------------------------------


def _with_password(password: str | None) -> outlets.OutletSetup:
    data = outlets.OutletSetup(**vars(OUTLET_SETUP))
    data.password = password
    return data


def test_first_run_creates_the_head_and_the_account_together(sqlite_db):
    outlet, head = outlets.setup_outlet(_with_password(PASSWORD))
    account = accounts.account_of(head)
    assert account is not None and not account.must_change_password
    assert accounts.authenticate(OUTLET_SETUP.head_employee_no, PASSWORD) == head
    assert accounts.has_any_account()


@pytest.mark.parametrize(
    ("password", "code"),
    [("short", "too_short"), ("12345678901", "password_all_digits"), ("", "too_short")],
)
def test_a_refused_password_writes_nothing(sqlite_db, password, code):
    data = _with_password(password)
    errors = outlets.validate_setup(data)
    assert [(e.field, e.code) for e in errors] == [("password", code)]
    with pytest.raises(ValidationError):
        outlets.setup_outlet(data)
    assert Outlet.select().count() == 0
    assert Staff.select().count() == 0
    assert Account.select().count() == 0


def test_a_password_refused_inside_the_transaction_leaves_no_outlet(sqlite_db, monkeypatch):
    """Even if the check before the transaction were skipped, the account is created in the
    same transaction as the outlet, so nothing is half-written."""
    monkeypatch.setattr(outlets, "validate_setup", lambda data: [])
    with pytest.raises(ValidationError):
        outlets.setup_outlet(_with_password("short"))
    assert Outlet.select().count() == 0
    assert Staff.select().count() == 0
    assert Account.select().count() == 0


def test_the_password_may_not_be_the_head_employee_number(sqlite_db):
    data = _with_password("x")
    data.head_employee_no = data.password = "E10012345"
    errors = outlets.validate_setup(data)
    assert [(e.field, e.code) for e in errors] == [("password", "password_is_employee_no")]
    with pytest.raises(ValidationError):
        outlets.setup_outlet(data)
    assert Outlet.select().count() == 0


def test_setup_without_a_password_leaves_no_accounts(sqlite_db):
    outlets.setup_outlet(OUTLET_SETUP)
    assert not accounts.has_any_account()


def test_the_permission_check_reads_the_database_still_open(tmp_path):
    """A restore checks the matrix in the database it is about to replace."""
    path = tmp_path / "t.sqlite3"
    open_database(path)
    try:
        _, head = outlets.setup_outlet(OUTLET_SETUP)
        teller = outlets.add_staff(head.outlet, "张伟", "E1003", "teller")
        made = backup.make_backup(database.obj, tmp_path / "kept", reason="manual")
        _refused(
            lambda: backup.restore(path, made.path, safety_folder=tmp_path / "s", actor=teller)
        )
    finally:
        close_database()


@pytest.mark.parametrize("who", ["teller", "lobby"])
def test_backup_settings_by_a_non_head_are_refused_and_unchanged(sqlite_db, request, who, tmp_path):
    """Where backups go, how many are kept and whether a daily one is made are part of
    backing up: a USB folder chosen by anyone could carry the records away."""
    actor = request.getfixturevalue(who)
    before = (backup.backup_folder(tmp_path), backup.keep_count(), backup.daily_enabled())
    for call in (
        lambda: backup.set_backup_folder(tmp_path / "usb", actor=actor),
        lambda: backup.set_keep_count(3, actor=actor),
        lambda: backup.set_daily_enabled(not before[2], actor=actor),
    ):
        assert _refused(call).code == "not_permitted"
    assert (backup.backup_folder(tmp_path), backup.keep_count(), backup.daily_enabled()) == before


def test_backup_settings_by_the_head_are_kept(sqlite_db, head, tmp_path):
    backup.set_backup_folder(tmp_path / "usb", actor=head)
    backup.set_keep_count(3, actor=head)
    backup.set_daily_enabled(False, actor=head)
    assert backup.backup_folder(tmp_path) == (tmp_path / "usb").resolve()
    assert (backup.keep_count(), backup.daily_enabled()) == (3, False)


# --- a deactivated member of staff is out at once ------------------------------------------


@pytest.mark.attack("accounts")
def test_a_session_of_staff_deactivated_meanwhile_can_neither_register_nor_export(
    outlet, head, lobby, teller
):
    """The lobby manager's window stays open (their Staff row as it was at login) while the
    head deactivates them: their next registration and their next export are refused, on
    the database as it is now, and nothing is written."""
    from db.management import staff_records
    from tests.db.workflow_fixtures import dump

    session_actor = Staff.get_by_id(lobby.id)  # read at login, never refreshed
    assert session_actor.active
    cases.register_case(outlet, valid_case(teller), actor=session_actor)  # still allowed
    staff_records.deactivate_staff(lobby, head, note="调离")
    assert session_actor.active  # the window's copy does not know
    before = dump()
    error = _refused(lambda: cases.register_case(outlet, valid_case(teller), actor=session_actor))
    assert "register a complaint" in error.message
    _refused(lambda: list(report_data.ledger_rows(year=now().year, actor=session_actor)))
    _refused(lambda: permissions.require_export(session_actor))
    assert dump() == before
