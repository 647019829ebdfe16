"""The district's import of outlets' signed bundles (db/district/consolidate.import_bundle)
against the real PostgreSQL server: once and only once, newer states replacing older ones,
every refusal writing nothing, gaps, concurrent officers and a connection cut mid-import."""

from __future__ import annotations

import json
import threading
import zipfile

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.district import workorders
from db.district.consolidate import import_bundle
from db.district.database import DistrictStoreError
from db.district.models import (
    CaseEvent,
    DistrictAudit,
    EnrolledOutlet,
    OutletAuditCheckpoint,
    OutletCase,
    OutletWorkOrder,
    ReceivedBundle,
    district_database,
)
from db.exchange.format import BundleError
from tests.district.helpers import (
    add_district_with_key,
    case_entry,
    enrol_with_key,
    escalation,
    up_bundle,
)

DISTRICT_KEY = Ed25519PrivateKey.generate()
KEY_A = Ed25519PrivateKey.generate()
KEY_B = Ed25519PrivateKey.generate()
STRANGER = Ed25519PrivateKey.generate()
CASE = "BJ0101-2026-0001"


@pytest.fixture
def district(district_db):
    add_district_with_key(DISTRICT_KEY)
    enrol_with_key("BJ0101", KEY_A)
    enrol_with_key("BJ0102", KEY_B)
    return district_db


def _order(**changes) -> dict:
    order = {
        "source": "95580",
        "number": "KF-1",
        "received_at": "2026-03-02T09:00:00",
        "reply_by": "2026-03-04T09:00:00",
        "customer_name": "刘芳",
        "customer_phone": "138****5678",
        "content": "排队时间长",
        "case_no": CASE,
        "replied_at": None,
        "replied_by": None,
        "reply_content": "",
    }
    order.update(changes)
    return order


def _bundle(tmp_path, name="b1.zip", outlet="BJ0101", key=KEY_A, seq=1, cases=None, **kw):
    if cases is None:
        cases = [case_entry(CASE, escalations=[escalation()])]
    return up_bundle(tmp_path / name, outlet, key, seq=seq, cases=cases, **kw)


def _written() -> dict:
    return {
        "bundles": ReceivedBundle.select().count(),
        "cases": OutletCase.select().count(),
        "events": CaseEvent.select().count(),
        "orders": OutletWorkOrder.select().count(),
        "checkpoints": OutletAuditCheckpoint.select().count(),
        "last": [o.last_bundle_seq for o in EnrolledOutlet.select().order_by(EnrolledOutlet.code)],
    }


def test_a_bundle_is_applied_once_and_again_changes_nothing(district, tmp_path):
    path = _bundle(tmp_path, work_orders=[_order()], audit=(42, "cd" * 32))
    first = import_bundle(path, actor="赵敏")
    assert (first.cases_stored, first.work_orders, first.already_imported) == (1, 1, False)
    after = _written()
    trail = DistrictAudit.select().count()
    assert after["cases"] == 1 and after["orders"] == 1 and after["last"] == [1, 0]
    checkpoint = OutletAuditCheckpoint.get()
    assert (checkpoint.outlet_code, checkpoint.bundle_seq, checkpoint.entry_count) == (
        "BJ0101",
        1,
        42,
    )
    assert checkpoint.last_hash == "cd" * 32
    received = ReceivedBundle.get()
    assert received.received_by == "赵敏" and received.warnings == []
    again = import_bundle(path, actor="钱伟")
    assert again.already_imported
    assert _written() == after and DistrictAudit.select().count() == trail


def test_a_newer_state_replaces_the_older_and_keeps_the_districts_additions(district, tmp_path):
    import_bundle(_bundle(tmp_path), actor="赵敏")
    workorders.accept_escalation("BJ0101", CASE, 1, actor="赵敏")
    workorders.assign_department("BJ0101", CASE, 1, "消保部", actor="赵敏")
    closed = case_entry(
        CASE,
        status="closed",
        is_open=False,
        escalations=[escalation()],
        events=[
            {"at": "2026-03-02T10:00:00", "actor": None, "kind": "registered",
             "from_status": "", "to_status": "received", "note": "", "data": {}},
            {"at": "2026-03-06T10:00:00", "actor": None, "kind": "closed",
             "from_status": "awaiting_reply", "to_status": "closed", "note": "", "data": {}},
        ],
    )  # fmt: skip
    import_bundle(_bundle(tmp_path, "b2.zip", seq=2, cases=[closed]), actor="赵敏")
    case = OutletCase.get()
    assert (case.status, case.is_open, case.bundle_seq) == ("closed", False, 2)
    assert [e.kind for e in CaseEvent.select().order_by(CaseEvent.seq)] == ["registered", "closed"]
    kept = workorders.handling("BJ0101", CASE, 1)
    assert kept.department == "消保部" and kept.accepted_by == "赵敏"


def _altered_member(path):
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    data = json.loads(members["cases.json"])
    data["cases"][0]["status"] = "closed"
    members["cases.json"] = json.dumps(data, ensure_ascii=False).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, raw in members.items():
            z.writestr(name, raw)
    return path


def _altered_manifest(path):
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest["seq"] = 7
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, raw in members.items():
            z.writestr(name, raw)
    return path


@pytest.mark.parametrize(
    "make, code, words",
    [
        (lambda t: _bundle(t, sign=False), "bundle_unsigned", "no signature"),
        (lambda t: _bundle(t, key=STRANGER), "bundle_signer_not_enrolled", "not enrolled"),
        (lambda t: _bundle(t, key=KEY_B), "bundle_signer_not_enrolled", "BJ0101"),
        (
            lambda t: _bundle(t, addressee={"kind": "district", "code": "DC99"}),
            "bundle_wrong_addressee",
            "DC99",
        ),
        (
            lambda t: _bundle(t, direction="down"),
            "bundle_wrong_addressee",
            "addressed to",
        ),
        (lambda t: _altered_member(_bundle(t)), "bundle_altered", "cases.json"),
        (lambda t: _altered_manifest(_bundle(t)), "bundle_bad_signature", "signature"),
        (
            lambda t: _bundle(t, cases=[case_entry("BJ0102-2026-0001")]),
            "bundle_foreign_case",
            "BJ0102-2026-0001",
        ),
    ],
)
def test_a_bad_bundle_is_refused_whole_naming_the_reason(district, tmp_path, make, code, words):
    before = _written()
    with pytest.raises(BundleError) as refused:
        import_bundle(make(tmp_path), actor="赵敏")
    assert refused.value.code == code
    assert words in refused.value.message
    assert _written() == before


def test_a_replay_is_refused(district, tmp_path):
    import_bundle(_bundle(tmp_path, "1.zip"), actor="赵敏")
    import_bundle(_bundle(tmp_path, "2.zip", seq=2), actor="赵敏")
    before = _written()
    for name, seq in (("old.zip", 1), ("again.zip", 2)):  # another bundle under a used number
        stale = _bundle(tmp_path, name, seq=seq, cases=[case_entry(CASE, status="closed")])
        with pytest.raises(BundleError) as refused:
            import_bundle(stale, actor="赵敏")
        assert refused.value.code == "bundle_replay"
        assert f"number {seq}" in refused.value.message
    assert _written() == before and OutletCase.get().status == "awaiting_reply"


def test_a_gap_is_reported_and_does_not_block(district, tmp_path):
    import_bundle(_bundle(tmp_path, "1.zip"), actor="赵敏")
    jumped = import_bundle(_bundle(tmp_path, "4.zip", seq=4), actor="赵敏")
    assert [w.code for w in jumped.warnings] == ["bundle_sequence_gap"]
    assert "2 to 3" in jumped.warnings[0].message
    stored = ReceivedBundle.get(ReceivedBundle.seq == 4)
    assert stored.warnings == [
        {
            "code": "bundle_sequence_gap",
            "params": {"first": 2, "last": 3, "sender": "outlet BJ0101"},
        }
    ]
    after = import_bundle(_bundle(tmp_path, "5.zip", seq=5), actor="赵敏")
    assert after.warnings == [] and _written()["last"] == [5, 0]
    assert [c.bundle_seq for c in OutletAuditCheckpoint.select().order_by(
        OutletAuditCheckpoint.bundle_seq)] == [1, 4, 5]  # fmt: skip


def test_a_bundle_that_arrives_late_is_imported_and_replaces_nothing_newer(district, tmp_path):
    import_bundle(_bundle(tmp_path, "1.zip"), actor="赵敏")
    newer = [case_entry(CASE, status="closed")]
    import_bundle(_bundle(tmp_path, "3.zip", seq=3, cases=newer), actor="赵敏")
    other = "BJ0101-2026-0002"
    late_cases = [case_entry(CASE, status="awaiting_reply"), case_entry(other)]
    late = import_bundle(_bundle(tmp_path, "2.zip", seq=2, cases=late_cases), actor="赵敏")
    assert late.late and not late.already_imported and late.warnings == []
    assert late.cases_stored == 1  # the case only bundle 2 carried; the other is older
    states = {c.case_no: c for c in OutletCase.select()}
    assert states[CASE].status == "closed" and states[CASE].bundle_seq == 3
    assert states[other].bundle_seq == 2
    assert EnrolledOutlet.get_by_id("BJ0101").last_bundle_seq == 3
    again = import_bundle(_bundle(tmp_path, "2.zip", seq=2, cases=late_cases), actor="赵敏")
    assert again.already_imported
    # A number received once stays used: another bundle under it is a replay.
    stale = _bundle(tmp_path, "2b.zip", seq=2, cases=[case_entry(other, status="closed")])
    with pytest.raises(BundleError) as refused:
        import_bundle(stale, actor="赵敏")
    assert refused.value.code == "bundle_replay"


def _concurrently(*paths) -> list:
    """Import each path in its own thread (each with its own connection), started together."""
    barrier = threading.Barrier(len(paths))
    results: list = [None] * len(paths)

    def work(i, path):
        try:
            barrier.wait()
            results[i] = import_bundle(path, actor=f"officer {i}")
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[i] = error
        finally:
            district_database.close()

    threads = [threading.Thread(target=work, args=(i, p)) for i, p in enumerate(paths)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_two_officers_importing_the_same_bundle_apply_it_once(district, tmp_path):
    path = _bundle(tmp_path, work_orders=[_order()])
    results = _concurrently(path, path)
    assert all(not isinstance(r, Exception) for r in results), results
    assert sorted(r.already_imported for r in results) == [False, True]
    written = _written()
    assert (written["bundles"], written["cases"], written["orders"]) == (1, 1, 1)
    assert written["checkpoints"] == 1 and written["last"] == [1, 0]


def test_two_officers_importing_different_bundles_apply_both(district, tmp_path):
    a = _bundle(tmp_path, "a.zip")
    b = _bundle(tmp_path, "b.zip", outlet="BJ0102", key=KEY_B,
                cases=[case_entry("BJ0102-2026-0001"), case_entry("BJ0102-2026-0002")])  # fmt: skip
    results = _concurrently(a, b)
    assert all(not isinstance(r, Exception) and not r.already_imported for r in results), results
    written = _written()
    assert (written["bundles"], written["cases"], written["last"]) == (2, 3, [1, 1])


def test_a_backend_killed_mid_import_leaves_nothing_and_a_retry_works(
    district, tmp_path, district_url
):
    cases = [case_entry(f"BJ0101-2026-{n:04d}") for n in range(1, 1201)]
    path = _bundle(tmp_path, cases=cases, work_orders=[_order(case_no=None)])
    killed = []

    def kill_after_first_batch(done: int, total: int) -> None:
        if killed:
            return
        pid = district_database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(district_url, autocommit=True) as other:
            killed.append(other.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0])

    with pytest.raises(DistrictStoreError) as lost:
        import_bundle(path, actor="赵敏", progress=kill_after_first_batch)
    assert killed == [True]
    assert lost.value.code == "bundle_connection_lost"
    assert "nothing of this bundle was written" in lost.value.message
    with psycopg.connect(district_url) as fresh:
        counts = fresh.execute(
            "SELECT (SELECT count(*) FROM outlet_case), (SELECT count(*) FROM received_bundle), "
            "(SELECT count(*) FROM outlet_audit_checkpoint), (SELECT count(*) FROM case_event), "
            "(SELECT last_bundle_seq FROM outlet WHERE code = 'BJ0101')"
        ).fetchone()
    assert counts == (0, 0, 0, 0, 0)
    retry = import_bundle(path, actor="赵敏")
    assert retry.cases_stored == 1200 and _written()["last"] == [1, 0]
