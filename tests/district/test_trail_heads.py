"""Each outlet's audit-trail head compared across its bundles (db/district/trail_heads.py),
with crafted signed bundles imported as an officer imports them, and the command
``complaint-desk district heads`` that says so (exit 1 when a trail went backwards)."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.district import database as district_db
from db.district import trail_heads
from db.district.consolidate import import_bundle
from db.district.models import OutletAuditCheckpoint
from db.exchange.format import BundleError
from tests.district.helpers import add_district_with_key, enrol_with_key, up_bundle
from tests.district.test_cli import run
from tests.district.test_workorder_cli import own_folders  # noqa: F401 - autouse

KEYS = {"BJ0101": Ed25519PrivateKey.generate(), "BJ0102": Ed25519PrivateKey.generate()}
H = {n: f"{n:02x}" * 32 for n in range(1, 10)}


@pytest.fixture
def district(district_db):
    add_district_with_key(Ed25519PrivateKey.generate())
    for code, key in KEYS.items():
        enrol_with_key(code, key)
    return district_db


def send(tmp_path, outlet: str, seq: int, entries: int, last_hash: str):
    path = up_bundle(tmp_path / f"{outlet}-{seq}.zip", outlet, KEYS[outlet], seq=seq,
                     audit=(entries, last_hash))  # fmt: skip
    return import_bundle(path, actor="赵敏", at=dt.datetime(2026, 3, 6, tzinfo=dt.UTC))


def test_a_trail_that_only_grows_is_fine(district, tmp_path):
    send(tmp_path, "BJ0101", 1, 10, H[1])
    send(tmp_path, "BJ0101", 2, 25, H[2])
    send(tmp_path, "BJ0101", 3, 25, H[2])  # nothing new at the outlet: the same head
    assert trail_heads.trail_breaks() == []
    [b1, b2] = trail_heads.outlet_trail_heads()
    assert (b1.outlet_code, b1.bundles, b1.last_seq, b1.last_entries, b1.last_hash) == (
        "BJ0101", 3, 3, 25, H[2])  # fmt: skip
    assert not b1.went_backwards
    assert (b2.outlet_code, b2.bundles, b2.last_seq) == ("BJ0102", 0, None)


def test_fewer_entries_than_the_bundle_before_means_entries_were_removed(district, tmp_path):
    send(tmp_path, "BJ0101", 1, 10, H[1])
    send(tmp_path, "BJ0101", 2, 25, H[2])
    send(tmp_path, "BJ0101", 3, 24, H[3])
    [cut] = trail_heads.trail_breaks()
    assert (cut.kind, cut.earlier_seq, cut.later_seq) == (trail_heads.SHORTER, 2, 3)
    assert cut.message == (
        "outlet BJ0101: bundle 3 carries an audit trail of 24 entries, bundle 2 one of 25: "
        "entries were removed"
    )
    assert trail_heads.outlets_whose_trail_went_backwards() == {"BJ0101"}


def test_as_many_entries_ending_elsewhere_means_entries_were_rewritten(district, tmp_path):
    send(tmp_path, "BJ0101", 1, 10, H[1])
    send(tmp_path, "BJ0101", 2, 10, H[4])
    [rewritten] = trail_heads.trail_breaks("BJ0101")
    assert rewritten.kind == trail_heads.REWRITTEN
    assert "both carry an audit trail of 10 entries, ending in different entries" in (
        rewritten.message
    )
    assert trail_heads.trail_breaks("BJ0102") == []


def test_each_outlet_is_compared_with_itself_only(district, tmp_path):
    send(tmp_path, "BJ0101", 1, 500, H[1])
    send(tmp_path, "BJ0102", 1, 10, H[2])
    send(tmp_path, "BJ0102", 2, 20, H[3])
    assert trail_heads.trail_breaks() == []


def test_a_bundle_arriving_late_takes_its_place_by_its_number(district, tmp_path):
    send(tmp_path, "BJ0101", 1, 10, H[1])
    send(tmp_path, "BJ0101", 3, 30, H[3])
    assert trail_heads.trail_breaks() == []
    late = send(tmp_path, "BJ0101", 2, 40, H[2])  # written before number 3, yet longer
    assert late.late
    [cut] = trail_heads.trail_breaks()
    assert (cut.earlier_seq, cut.later_seq, cut.kind) == (2, 3, trail_heads.SHORTER)


def test_a_bundle_with_a_malformed_head_is_refused_and_no_head_kept(district, tmp_path):
    for audit in ((-1, H[1]), ("12", H[1])):
        path = up_bundle(tmp_path / "bad.zip", "BJ0101", KEYS["BJ0101"], seq=1, audit=audit)
        with pytest.raises(BundleError, match='"audit" must be'):
            import_bundle(path, actor="赵敏")
    assert OutletAuditCheckpoint.select().count() == 0


def test_the_command_says_which_trail_went_backwards(district_url, tmp_path):
    district_db.open_district_database(district_url)
    add_district_with_key(Ed25519PrivateKey.generate())
    for code, key in KEYS.items():
        enrol_with_key(code, key)
    send(tmp_path, "BJ0101", 1, 10, H[1])
    send(tmp_path, "BJ0101", 2, 12, H[2])
    district_db.close_district_database()
    code, stdout, stderr = run(["district", "heads", "--db", district_url])
    assert code == 0, stderr
    assert stdout.splitlines() == [
        "BJ0101: 2 bundles, trail head 12 entries ending " + H[2][:16] + "… (bundle 2)",
        "BJ0102: no bundle yet",
        "no outlet's audit trail went backwards",
    ]
    district_db.open_district_database(district_url)
    send(tmp_path, "BJ0101", 3, 11, H[3])
    district_db.close_district_database()
    code, stdout, stderr = run(["district", "heads", "--db", district_url])
    assert code == 1
    assert "BJ0101: 3 bundles, trail head 11 entries" in stdout
    assert stderr.splitlines() == [
        "outlet BJ0101: bundle 3 carries an audit trail of 11 entries, bundle 2 one of 12: "
        "entries were removed",
        "the audit trail of 1 outlet went backwards: it was cut or rewritten since an earlier "
        "bundle (a restore from an older backup reads the same); ask the outlet",
    ]
