"""The outlet's key: made beside the database, recorded in the settings, the head's only,
following the head's password (db/trust/outlet_keys.py)."""

from __future__ import annotations

import base64
import json

import pytest

from db.errors import WorkflowError
from db.store.models import AuditLog, Setting
from db.trust import accounts, keys, outlet_keys

FAST_N = 2**10
HEAD_PASSWORD = "head password 1"


def test_enrolment_makes_the_key_beside_the_database(tmp_path, head):
    out = tmp_path / "out" / "enrolment.json"
    enrolment, info = outlet_keys.write_enrolment(out, HEAD_PASSWORD, actor=head, scrypt_n=FAST_N)
    assert info.created
    assert info.path == tmp_path / "keys" / "outlet-signing-key.json"
    assert keys.read_enrolment_file(out) == enrolment
    assert (enrolment.code, enrolment.name, enrolment.district) == (
        "BJ0101", "北京市东城区建国门邮政支局", "东城区分公司")  # fmt: skip
    stored = json.loads(Setting.get_by_id(outlet_keys.SETTING_OUTLET_KEY).value)
    assert stored["public_key"] == enrolment.public_b64
    assert stored["fingerprint"] == enrolment.fingerprint
    # The same key the next time, opened with the same password.
    again, info2 = outlet_keys.write_enrolment(out, HEAD_PASSWORD, actor=head)
    assert not info2.created and again.public_b64 == enrolment.public_b64
    with pytest.raises(keys.KeyFileError) as wrong:
        outlet_keys.write_enrolment(out, "not the password", actor=head)
    assert wrong.value.code == "key_wrong_password"


def test_private_key_not_in_the_database(tmp_path, head, sqlite_db):
    outlet_keys.write_enrolment(tmp_path / "e.json", HEAD_PASSWORD, actor=head, scrypt_n=FAST_N)
    private = keys.unwrap(outlet_keys.key_path(), HEAD_PASSWORD)
    from cryptography.hazmat.primitives import serialization

    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    sqlite_db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for file in tmp_path.glob("t.sqlite3*"):
        data = file.read_bytes()
        assert raw not in data and base64.b64encode(raw) not in data


def test_only_the_head_writes_the_enrolment(tmp_path, lobby):
    with pytest.raises(WorkflowError) as refused:
        outlet_keys.write_enrolment(tmp_path / "e.json", "lobby password", actor=lobby)
    assert refused.value.code == "head_only"
    assert not outlet_keys.key_path().exists()
    assert not (tmp_path / "e.json").exists()


def test_new_key_replaces_the_old_one_and_keeps_it_aside(tmp_path, head):
    first, _ = outlet_keys.write_enrolment(tmp_path / "a.json", HEAD_PASSWORD, actor=head,
                                           scrypt_n=FAST_N)  # fmt: skip
    second, info = outlet_keys.write_enrolment(
        tmp_path / "b.json", "a new password", actor=head, new_key=True, scrypt_n=FAST_N
    )
    assert info.created and second.public_b64 != first.public_b64
    assert outlet_keys.outlet_public_key()["public_key"] == second.public_b64
    assert len(list(info.path.parent.glob("outlet-signing-key.json.replaced-*"))) == 1


def test_head_password_change_rewraps_the_key(tmp_path, head):
    accounts.create_account(head, HEAD_PASSWORD, actor=head)
    outlet_keys.write_enrolment(tmp_path / "e.json", HEAD_PASSWORD, actor=head, scrypt_n=FAST_N)
    public = outlet_keys.outlet_public_key()["public_key"]

    accounts.change_password(head, HEAD_PASSWORD, "the head's new one")

    with pytest.raises(keys.KeyFileError):
        keys.unwrap(outlet_keys.key_path(), HEAD_PASSWORD)
    private = keys.unwrap(outlet_keys.key_path(), "the head's new one")
    assert keys.public_b64(private) == public


def test_other_staff_password_change_leaves_the_key(tmp_path, head, lobby):
    accounts.create_account(head, HEAD_PASSWORD, actor=head)
    accounts.create_account(lobby, "lobby password", actor=head)
    outlet_keys.write_enrolment(tmp_path / "e.json", HEAD_PASSWORD, actor=head, scrypt_n=FAST_N)
    accounts.change_password(lobby, "lobby password", "lobby new password")
    keys.unwrap(outlet_keys.key_path(), HEAD_PASSWORD)


def test_trusting_the_district_is_the_heads_and_audited(tmp_path, head, lobby):
    owner = keys.Owner(keys.KIND_DISTRICT, "DC01", "东城区分公司")
    private = keys.Ed25519PrivateKey.generate()
    key_file = keys.write_public_key_file(tmp_path / "d.json", owner, keys.public_b64(private))
    with pytest.raises(WorkflowError):
        outlet_keys.trust_district(key_file, actor=lobby)
    assert outlet_keys.trusted_district() is None
    trusted = outlet_keys.trust_district(keys.read_public_key_file(tmp_path / "d.json"), actor=head)
    assert trusted["public_key"] == keys.public_b64(private)
    assert outlet_keys.trusted_district()["fingerprint"] == key_file.fingerprint
    assert AuditLog.select().where(AuditLog.table_name == "setting").count() >= 1
