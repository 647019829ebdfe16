"""The district's record and key, and enrolling outlets from their enrolment files."""

from __future__ import annotations

import pytest

from db.district import audit, enrolment
from db.district.models import District, DistrictAudit, EnrolledOutlet
from db.trust import keys

FAST_N = 2**10
PASSWORD = "district key password"


def _init(tmp_path, code="DC01", name="东城区分公司", password=PASSWORD):
    return enrolment.init_district(
        code, name, key_path=tmp_path / "dkeys" / "district.json", password=password,
        actor="赵敏", scrypt_n=FAST_N,
    )  # fmt: skip


def _outlet_file(
    tmp_path, code="BJ0101", name="建国门邮政支局", district="东城区分公司", private=None
):
    private = private or keys.Ed25519PrivateKey.generate()
    path = tmp_path / f"enrol-{code}-{keys.public_b64(private)[:6].replace('/', '_')}.json"
    keys.write_enrolment_file(path, private, code=code, name=name, district=district)
    return keys.read_enrolment_file(path), private


def test_init_makes_the_district_and_its_key(district_db, tmp_path):
    result = _init(tmp_path)
    assert result.created and result.key_created
    district = District.get()
    assert (district.code, district.name) == ("DC01", "东城区分公司")
    private = keys.unwrap(result.key_path, PASSWORD)
    assert district.public_key == keys.public_b64(private)
    assert district.key_fingerprint == keys.fingerprint(keys.raw_public(private.public_key()))
    entry = DistrictAudit.get(DistrictAudit.table_name == "district")
    assert (entry.actor, entry.op) == ("赵敏", "I")


def test_init_again_changes_nothing_but_may_correct_the_name(district_db, tmp_path):
    first = _init(tmp_path)
    again = _init(tmp_path, name="东城区分公司主管部门")
    assert not again.created and not again.key_created
    assert again.district.public_key == first.district.public_key
    assert District.get().name == "东城区分公司主管部门"
    assert District.select().count() == 1


def test_init_refuses_another_district_and_a_wrong_key(district_db, tmp_path):
    _init(tmp_path)
    with pytest.raises(enrolment.EnrolmentError) as other:
        _init(tmp_path, code="DC02")
    assert other.value.code == "other_district"
    with pytest.raises(keys.KeyFileError) as wrong:
        _init(tmp_path, password="not the password")
    assert wrong.value.code == "key_wrong_password"
    elsewhere = tmp_path / "elsewhere"
    with pytest.raises(enrolment.EnrolmentError) as missing:
        enrolment.init_district("DC01", "东城区分公司", key_path=elsewhere / "k.json",
                                password=PASSWORD, actor="赵敏")  # fmt: skip
    assert missing.value.code == "district_key_missing"
    assert not (elsewhere / "k.json").exists()


@pytest.mark.parametrize("code", ["", "has space", "太长" * 11, "-dash"])
def test_bad_district_code_is_refused(district_db, tmp_path, code):
    with pytest.raises(enrolment.EnrolmentError):
        _init(tmp_path, code=code)
    assert District.select().count() == 0


def test_enrol_from_the_outlets_file(district_db, tmp_path):
    _init(tmp_path)
    request, _private = _outlet_file(tmp_path)
    with audit.acting_as("赵敏"):
        result = enrolment.enrol_outlet(request, actor="赵敏")
    assert result.status == "enrolled" and not result.district_differs
    outlet = EnrolledOutlet.get_by_id("BJ0101")
    assert (outlet.name, outlet.public_key, outlet.key_fingerprint, outlet.last_bundle_seq) == (
        "建国门邮政支局", request.public_b64, request.fingerprint, 0)  # fmt: skip
    assert outlet.enrolled_by == "赵敏" and outlet.district_code == "DC01"
    assert enrolment.enrol_outlet(request, actor="赵敏").status == "unchanged"
    assert EnrolledOutlet.select().count() == 1


def test_another_key_for_an_enrolled_outlet_needs_confirmation(district_db, tmp_path):
    _init(tmp_path)
    first, _ = _outlet_file(tmp_path)
    enrolment.enrol_outlet(first, actor="赵敏")
    second, _ = _outlet_file(tmp_path)
    with pytest.raises(enrolment.EnrolmentError) as refused:
        enrolment.enrol_outlet(second, actor="赵敏")
    assert refused.value.code == "outlet_key_differs"
    assert EnrolledOutlet.get_by_id("BJ0101").public_key == first.public_b64
    assert enrolment.enrol_outlet(second, actor="赵敏", replace_key=True).status == "key_replaced"
    assert EnrolledOutlet.get_by_id("BJ0101").public_key == second.public_b64


def test_one_key_cannot_belong_to_two_outlets(district_db, tmp_path):
    _init(tmp_path)
    first, private = _outlet_file(tmp_path)
    enrolment.enrol_outlet(first, actor="赵敏")
    copy, _ = _outlet_file(tmp_path, code="BJ0102", private=private)
    with pytest.raises(enrolment.EnrolmentError) as refused:
        enrolment.enrol_outlet(copy, actor="赵敏")
    assert refused.value.code == "key_of_other_outlet"


def test_enrolment_before_init_is_refused(district_db, tmp_path):
    request, _ = _outlet_file(tmp_path)
    with pytest.raises(enrolment.EnrolmentError) as refused:
        enrolment.enrol_outlet(request, actor="赵敏")
    assert refused.value.code == "district_not_set_up"


def test_outlet_naming_another_district_is_noted(district_db, tmp_path):
    _init(tmp_path)
    request, _ = _outlet_file(tmp_path, district="西城区分公司")
    assert enrolment.enrol_outlet(request, actor="赵敏").district_differs


def test_district_key_file_carries_the_districts_public_key(district_db, tmp_path):
    result = _init(tmp_path)
    written = enrolment.write_district_key_file(tmp_path / "district-key.json")
    read = keys.read_public_key_file(tmp_path / "district-key.json")
    assert read.public_b64 == result.district.public_key == written.public_b64
    assert read.fingerprint == result.district.key_fingerprint
    assert (read.owner.code, read.owner.name) == ("DC01", "东城区分公司")
    private_raw = keys.unwrap(result.key_path, PASSWORD).private_bytes_raw()
    assert private_raw not in (tmp_path / "district-key.json").read_bytes()
