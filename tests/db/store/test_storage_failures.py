"""When the disk or the caller fails the program, it says so plainly and loses nothing: a
full disk, a time with a zone, a person whose staff row is gone. Each refusal leaves every
earlier commit in place."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.errors import StorageError, WorkflowError
from db.handling import workflow
from db.intake import cases
from db.intake.validation import in_range
from db.store import codes, sqlite_features, trail
from db.store.database import close_database, open_database
from db.store.models import Case, CaseEvent, Outlet, Staff, WorkOrder, database, now
from db.workorders import orders as workorders
from db.workorders.orders import NewWorkOrder
from tests.db.helpers import row_counts, valid_case

pytestmark = pytest.mark.attack("failures")

TINY = "3m"  # room for the schema and a few complaints, nothing more


def mount_tmpfs(folder: Path, size: str) -> None:
    """A filesystem of ``size`` at ``folder``; the test is skipped where mounting is not
    permitted (not root, or no CAP_SYS_ADMIN in a container)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {done.stderr.strip()}")


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a filesystem of a few megabytes."""
    folder = tmp_path / "tiny"
    mount_tmpfs(folder, TINY)
    yield folder
    close_database()
    unmount(folder)


def fill(folder: Path) -> Path:
    """Fill the disk of ``folder`` to the last byte with one file; remove it to free the disk."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0")
    except OSError:
        pass
    os.close(fd)
    return filler


def registered(outlet: Outlet, head: Staff, n: int) -> list[str]:
    return [
        cases.register_case(outlet, valid_case(head, description=f"客户排队等候第 {i} 次。" * 40),
                            actor=head).case_no
        for i in range(n)
    ]  # fmt: skip


# --- a full disk ------------------------------------------------------------------------------


def test_a_full_disk_refuses_the_write_plainly_and_keeps_what_was_saved(tiny_disk):
    from db.intake import outlets
    from tests.db.conftest import OUTLET_SETUP

    open_database(tiny_disk / "data" / "t.sqlite3")
    outlet, head = outlets.setup_outlet(OUTLET_SETUP)
    saved = registered(outlet, head, 2)
    before = row_counts()
    filler = fill(tiny_disk)

    with pytest.raises(StorageError) as refused:
        registered(outlet, head, 30)  # the WAL grows until the disk is full
    assert refused.value.code == "disk_full"
    assert "The disk is full" in refused.value.message
    assert str(tiny_disk / "data") in refused.value.message
    assert "rollback" not in refused.value.message

    # What the refused write began is gone whole; what was committed before is all there.
    after_refusal = [c.case_no for c in Case.select().order_by(Case.id)]
    assert after_refusal[: len(saved)] == saved
    filler.unlink()
    assert sqlite_features.integrity_problems(database) == []
    assert row_counts()["complaint_case"] >= before["complaint_case"]
    # The next step the message offers works: with room again, the same write goes through.
    more = registered(outlet, head, 1)
    assert [c.case_no for c in Case.select().order_by(Case.id)][-1] == more[0]
    close_database()
    open_database(tiny_disk / "data" / "t.sqlite3")
    assert [c.case_no for c in Case.select().order_by(Case.id)][: len(saved)] == saved


# --- a time with a zone -----------------------------------------------------------------------


def test_a_time_with_a_zone_is_stored_as_the_outlets_local_time(outlet, head):
    utc_reply = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20)).replace(microsecond=0)
    received = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).replace(microsecond=0)
    case = cases.register_case(
        outlet,
        valid_case(head, received_at=received, agreed_reply_at=received + dt.timedelta(days=1)),
        actor=head,
    )
    workflow.reply(case, head, content="已答复", method="phone", customer_satisfied=True,
                   at=utc_reply)  # fmt: skip
    stored = Case.get_by_id(case.id)
    local = received.astimezone().replace(tzinfo=None)
    assert stored.received_at == local and stored.received_at.tzinfo is None
    reply = CaseEvent.select().where(CaseEvent.kind == codes.EVENT_REPLIED).get()
    assert reply.at == utc_reply.astimezone().replace(tzinfo=None)


def test_a_work_order_and_its_reply_with_zoned_times_are_stored_as_local_time(outlet, head):
    received = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).replace(microsecond=0)
    order = workorders.create_workorder(
        outlet,
        NewWorkOrder(source="95580", number="KF-UTC-1", received_at=received,
                     reply_by=received + dt.timedelta(days=2), customer_name="李秀英",
                     customer_phone="13812345678", content="客户来电反映排队时间长"),
        head,
        at=dt.datetime.now(dt.UTC),
    )  # fmt: skip
    replied = received + dt.timedelta(hours=1)
    workorders.record_workorder_reply(order, head, content="已回复", at=replied)
    stored = WorkOrder.get_by_id(order.id)
    assert stored.received_at == received.astimezone().replace(tzinfo=None)
    assert stored.replied_at == replied.astimezone().replace(tzinfo=None)


def test_a_time_with_a_zone_that_cannot_be_converted_is_refused_by_name():
    with pytest.raises(WorkflowError) as refused:
        in_range(dt.datetime.now(dt.UTC), "reply_by")
    assert refused.value.code == "zone_aware"
    assert refused.value.message.startswith("'reply_by' carries a time zone")


# --- a person whose row is gone ---------------------------------------------------------------


def ghost(outlet: Outlet) -> Staff:
    """A head as the window still holds it after the database was restored from a backup
    older than the head's row: the instance, with no row behind it."""
    return Staff(id=9999, outlet=outlet, name="赵明", employee_no="E9999", role="head",
                 active=True)  # fmt: skip


def test_a_person_whose_row_is_gone_is_refused_by_name_and_nothing_is_written(outlet, head):
    before = row_counts()
    with pytest.raises(WorkflowError) as refused:
        cases.register_case(outlet, valid_case(head), actor=ghost(outlet))
    assert refused.value.code == "actor_gone"
    assert refused.value.message.startswith("赵明 is no longer in this database's staff list")
    assert row_counts() == before


def test_a_write_for_the_person_working_whose_row_is_gone_is_refused(outlet, head):
    case = cases.register_case(outlet, valid_case(head), actor=head)
    before = row_counts()
    with trail.acting_as(9999), pytest.raises(WorkflowError) as refused:
        CaseEvent.create(case=case, actor=9999, kind="note", at=now(), note="")
    assert refused.value.code == "actor_gone"
    assert row_counts() == before
    # A foreign key the person working does not explain stays the storage's own refusal.
    from peewee import IntegrityError

    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        CaseEvent.create(case=case, actor=9999, kind="note", at=now(), note="")
