"""Building district data for the tests: the district, enrolled outlets, bundle-shaped cases."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib

from db.district.models import District, EnrolledOutlet

UTC = dt.UTC
DISTRICT_CODE = "DC01"
DISTRICT_NAME = "东城区分公司"


def fake_key(label: str) -> str:
    """A distinct base64 32-byte value in the public-key column (not a real key)."""
    return base64.b64encode(hashlib.sha256(label.encode()).digest()).decode()


def add_district(code: str = DISTRICT_CODE, name: str = DISTRICT_NAME) -> District:
    at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    District.insert(
        code=code,
        name=name,
        public_key=fake_key(code),
        key_fingerprint="F" * 79,
        created_at=at,
        updated_at=at,
    ).execute()
    return District.get_by_id(code)


def add_outlet(code: str, name: str | None = None, district: str = DISTRICT_CODE) -> EnrolledOutlet:
    EnrolledOutlet.insert(
        code=code,
        name=name or f"{code}网点",
        district_code=district,
        district_branch=DISTRICT_NAME,
        public_key=fake_key(code),
        key_fingerprint="A" * 79,
        enrolled_at=dt.datetime(2026, 1, 6, tzinfo=UTC),
        enrolled_by="测试员",
    ).execute()
    return EnrolledOutlet.get_by_id(code)


def staff(name: str, employee_no: str) -> dict:
    return {"name": name, "employee_no": employee_no}


def case_entry(case_no: str, **fields) -> dict:
    """A bundle v1 case with the required fields; ``fields`` override or add."""
    entry = {
        "case_no": case_no,
        "received_at": "2026-03-02T10:00:00",
        "route": "outlet_in_person",
        "channel": "onsite",
        "business_type": "rmb_savings",
        "cause": "onsite_long_wait",
        "severity": "ordinary",
        "urgent_triggers": [],
        "customer_name": "张建国",
        "customer_phone": "138****5678",
        "customer_id_no": "",
        "remedy_requested": "要求致歉",
        "description": "客户等候超过四十分钟，认为叫号顺序混乱。",
        "first_ask_owner": staff("李娜", "E1002"),
        "handler": None,
        "status": "awaiting_reply",
        "is_open": True,
        "agreed_reply_at": "2026-03-03T10:00:00",
        "due_at": "2026-03-17T10:00:00",
        "settled_at": None,
        "settlement": "",
        "closed_at": None,
        "created_at": "2026-03-02T10:01:00",
        "updated_at": "2026-03-02T10:05:00",
        "other_outlet": "",
        "major_reason": "",
        "report_required": False,
        "report_reason": "",
        "first_contact_at": None,
        "first_contact_method": "",
        "proposal_at": None,
        "events": [
            {
                "at": "2026-03-02T10:00:00",
                "actor": staff("李娜", "E1002"),
                "kind": "registered",
                "from_status": "",
                "to_status": "received",
                "note": "",
                "data": {},
            },
        ],  # fmt: skip
        "transfers": [],
        "escalations": [],
        "decisions": [],
        "notices": [],
        "reviews": [],
        "callbacks": [],
        "liability": [],
        "current_liability": None,
        "work_orders": [],
        "attachments": [],
    }
    entry.update(fields)
    return entry


# --- signed bundles up, as an outlet writes them --------------------------------------------


def enrol_with_key(code: str, private, district: str = DISTRICT_CODE) -> EnrolledOutlet:
    """Enrol outlet ``code`` with the real public key of ``private``."""
    from db.trust import keys

    EnrolledOutlet.insert(
        code=code,
        name=f"{code}网点",
        district_code=district,
        district_branch=DISTRICT_NAME,
        public_key=keys.public_b64(private),
        key_fingerprint=keys.fingerprint(keys.raw_public(private.public_key())),
        enrolled_at=dt.datetime(2026, 1, 6, tzinfo=UTC),
        enrolled_by="测试员",
    ).execute()
    return EnrolledOutlet.get_by_id(code)


def add_district_with_key(private, code: str = DISTRICT_CODE) -> District:
    from db.trust import keys

    at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    District.insert(
        code=code,
        name=DISTRICT_NAME,
        public_key=keys.public_b64(private),
        key_fingerprint=keys.fingerprint(keys.raw_public(private.public_key())),
        created_at=at,
        updated_at=at,
    ).execute()
    return District.get_by_id(code)


def up_bundle(
    path,
    outlet: str,
    private,
    *,
    seq: int = 1,
    cases: list[dict] | None = None,
    work_orders: list[dict] | None = None,
    audit: tuple[int, str] = (3, "ab" * 32),
    sign: bool = True,
    **manifest_changes,
):
    """A bundle up from ``outlet``, signed by ``private``, to the district DC01."""
    import json
    import zipfile
    from pathlib import Path

    from db.exchange import signing

    members = {
        "cases.json": json.dumps({"cases": cases or []}, ensure_ascii=False).encode(),
        "workorders.json": json.dumps(
            {"work_orders": work_orders or []}, ensure_ascii=False
        ).encode(),
    }
    manifest = {
        "format": "complaint-desk-bundle",
        "version": 2,
        "direction": "up",
        "sender": {"kind": "outlet", "code": outlet, "name": f"{outlet}网点"},
        "addressee": {"kind": "district", "code": DISTRICT_CODE},
        "seq": seq,
        "audit": {"entries": audit[0], "last_hash": audit[1]},
        "outlet": {"code": outlet, "name": f"{outlet}网点", "district_branch": DISTRICT_NAME},
        "created_at": "2026-03-05T18:00:00",
        "since": "2026-03-01",
        "masked": True,
        "counts": {},
        "files": signing.member_files(members),
    }
    manifest.update(manifest_changes)
    path = Path(path)
    partial = signing.write_signed_bundle(path, manifest, members, private)
    signing.finish(partial, path)
    if not sign:
        with zipfile.ZipFile(path) as z:
            kept = {n: z.read(n) for n in z.namelist() if n != "signature.json"}
        with zipfile.ZipFile(path, "w") as z:
            for name, data in kept.items():
                z.writestr(name, data)
    return path


def escalation(at: str = "2026-03-03T09:00:00", level: str = "district_branch") -> dict:
    return {
        "at": at,
        "by": staff("王建国", "E1001"),
        "level": level,
        "note": "客户不满意",
        "data": {},
    }
