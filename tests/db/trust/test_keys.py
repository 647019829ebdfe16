"""Signing keys and their files (db/trust/keys.py): protected, wrapped, tamper-evident."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from db.trust import keys

PASSWORD = "correct horse 马"
# A cheap scrypt keeps the tests quick; the parameters travel in the file, so opening
# follows them.
FAST_N = 2**10
OWNER = keys.Owner(keys.KIND_OUTLET, "BJ0101", "建国门邮政支局")


def _raw_private(private) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def key_file(tmp_path):
    path = tmp_path / "keys" / "signing-key.json"
    private = keys.create_private_key(path, PASSWORD, OWNER, scrypt_n=FAST_N)
    return path, private


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.attack("encryption")
def test_key_file_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0)  # the loosest umask: every bit the program asks for is granted
    try:
        path = tmp_path / "keys" / "k.json"
        keys.create_private_key(path, PASSWORD, OWNER, scrypt_n=FAST_N)
        assert _mode(path) == 0o600
        assert _mode(path.parent) == 0o700
        keys.rewrap(path, PASSWORD, "another password")
        assert _mode(path) == 0o600
    finally:
        os.umask(old)
    assert [p.name for p in path.parent.iterdir()] == ["k.json"]  # no temporary file left


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.attack("encryption")
def test_key_file_others_may_read_is_refused(key_file):
    path, _private = key_file
    os.chmod(path, 0o644)
    with pytest.raises(keys.KeyFileError) as refused:
        keys.unwrap(path, PASSWORD)
    assert refused.value.code == "key_file_exposed"
    os.chmod(path, 0o600)
    os.chmod(path.parent, 0o755)
    with pytest.raises(keys.KeyFileError) as folder:
        keys.unwrap(path, PASSWORD)
    assert folder.value.code == "key_file_exposed"


def test_right_password_opens_the_same_key(key_file):
    path, private = key_file
    opened = keys.unwrap(path, PASSWORD)
    assert _raw_private(opened) == _raw_private(private)
    info = keys.read_private_file(path)
    assert info.owner == OWNER
    assert info.public_raw == keys.raw_public(private.public_key())


@pytest.mark.attack("encryption")
def test_wrong_password_is_refused(key_file):
    path, _private = key_file
    with pytest.raises(keys.KeyFileError) as refused:
        keys.unwrap(path, PASSWORD + "x")
    assert refused.value.code == "key_wrong_password"


@pytest.mark.attack("encryption")
def test_private_key_is_never_written_unwrapped(key_file, tmp_path):
    path, private = key_file
    raw = _raw_private(private)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    keys.rewrap(path, PASSWORD, "second password")
    keys.write_enrolment_file(
        tmp_path / "enrol.json", private, code="BJ0101", name="n", district="d"
    )
    for file in tmp_path.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            for needle in (raw, base64.b64encode(raw), raw.hex().encode(), pem.split(b"\n")[1]):
                assert needle not in data, f"{file.name} holds the private key"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: d.update(ciphertext=_flip(d["ciphertext"])), id="ciphertext"),
        pytest.param(lambda d: d["owner"].update(code="BJ0999"), id="owner"),
        pytest.param(lambda d: d.update(created_at="2020-01-01T00:00:00"), id="created_at"),
        pytest.param(lambda d: d["cipher"].update(nonce=_flip(d["cipher"]["nonce"])), id="nonce"),
        pytest.param(
            lambda d: d.update(public_key=base64.b64encode(b"\x01" * 32).decode()), id="public_key"
        ),
    ],
)
@pytest.mark.attack("encryption")
def test_altered_key_file_is_refused(key_file, change):
    path, _private = key_file
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    with pytest.raises(keys.KeyFileError) as refused:
        keys.unwrap(path, PASSWORD)
    assert refused.value.code == "key_file_damaged"


def _flip(text: str) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[len(raw) // 2] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


@pytest.mark.parametrize("content", [b"", b"not json", b"\xff\xfe", b'{"format": "other"}', b"[]"])
def test_not_a_key_file_is_refused(tmp_path, content):
    path = tmp_path / "k" / "k.json"
    keys.write_protected(path, content)
    with pytest.raises(keys.KeyFileError) as refused:
        keys.unwrap(path, PASSWORD)
    assert refused.value.code in ("key_file_damaged", "key_file_unknown")


def test_rewrap_follows_the_new_password_and_keeps_the_key(key_file):
    path, private = key_file
    keys.rewrap(path, PASSWORD, "the new password")
    with pytest.raises(keys.KeyFileError) as old:
        keys.unwrap(path, PASSWORD)
    assert old.value.code == "key_wrong_password"
    assert _raw_private(keys.unwrap(path, "the new password")) == _raw_private(private)
    with pytest.raises(keys.KeyFileError):
        keys.rewrap(path, "not it at all", "a third password")
    assert _raw_private(keys.unwrap(path, "the new password")) == _raw_private(private)


def test_short_password_and_existing_key_are_refused(tmp_path, key_file):
    with pytest.raises(keys.KeyFileError) as short:
        keys.create_private_key(tmp_path / "x" / "k.json", "short", OWNER)
    assert short.value.code == "key_password_short"
    path, _private = key_file
    with pytest.raises(keys.KeyFileError) as exists:
        keys.create_private_key(path, PASSWORD, OWNER, scrypt_n=FAST_N)
    assert exists.value.code == "key_file_exists"


def test_fingerprint_is_sha256_in_groups():
    raw = bytes(range(32))
    text = keys.fingerprint(raw)
    groups = text.split(" ")
    assert len(groups) == 16 and all(len(g) == 4 for g in groups)
    import hashlib

    assert text.replace(" ", "") == hashlib.sha256(raw).hexdigest().upper()


def test_enrolment_file_round_trip(key_file, tmp_path):
    _path, private = key_file
    out = tmp_path / "enrolment.json"
    written = keys.write_enrolment_file(
        out, private, code="BJ0101", name="建国门邮政支局", district="东城区分公司"
    )
    read = keys.read_enrolment_file(out)
    assert read == written
    assert read.public_b64 == keys.public_b64(private)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["outlet"] == {
        "code": "BJ0101",
        "name": "建国门邮政支局",
        "district": "东城区分公司",
    }
    assert data["format"] == keys.ENROLMENT_FORMAT and data["version"] == 1


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: d["outlet"].update(code="BJ0666"), id="code"),
        pytest.param(lambda d: d.update(public_key=_other_key()), id="key"),
    ],
)
@pytest.mark.attack("encryption")
def test_altered_enrolment_file_is_refused(key_file, tmp_path, change):
    _path, private = key_file
    out = tmp_path / "enrolment.json"
    keys.write_enrolment_file(out, private, code="BJ0101", name="n", district="d")
    data = json.loads(out.read_text(encoding="utf-8"))
    change(data)
    data["fingerprint"] = keys.fingerprint(base64.b64decode(data["public_key"]))
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(keys.KeyFileError) as refused:
        keys.read_enrolment_file(out)
    assert refused.value.code == "enrolment_bad_signature"


def _other_key() -> str:
    return keys.public_b64(keys.Ed25519PrivateKey.generate())


def test_public_key_file_round_trip_and_wrong_fingerprint(tmp_path):
    private = keys.Ed25519PrivateKey.generate()
    owner = keys.Owner(keys.KIND_DISTRICT, "DC01", "东城区分公司")
    out = tmp_path / "district-key.json"
    written = keys.write_public_key_file(out, owner, keys.public_b64(private))
    read = keys.read_public_key_file(out)
    assert (read.owner, read.public_b64, read.fingerprint) == (
        owner, keys.public_b64(private), written.fingerprint)  # fmt: skip
    data = json.loads(out.read_text(encoding="utf-8"))
    data["public_key"] = _other_key()
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(keys.KeyFileError) as refused:
        keys.read_public_key_file(out)
    assert refused.value.code == "key_file_damaged"
