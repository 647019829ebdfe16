"""A district of three outlets for the side-by-side figures, the assessment and the ledger:
BJ0101 sent a bundle on 18 March 2026, BJ0102 on 1 February, BJ0103 never; their cases,
callbacks, findings and the work orders the district sent down are imported the way an
officer imports them (signed bundles), and the expected figures of 2026-Q1 are written out.
"""

from __future__ import annotations

import datetime as dt

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.district.helpers import (
    add_district_with_key,
    case_entry,
    enrol_with_key,
    escalation,
    staff,
    up_bundle,
)

DISTRICT_KEY = Ed25519PrivateKey.generate()
KEYS = {code: Ed25519PrivateKey.generate() for code in ("BJ0101", "BJ0102", "BJ0103")}
AT = dt.datetime(2026, 3, 20, 12, 0)  # the outlets' local time of "now"
AT_UTC = dt.datetime(2026, 3, 20, 4, 0, tzinfo=dt.UTC)
IMPORTED = {
    "BJ0101": dt.datetime(2026, 3, 18, 8, 0, tzinfo=dt.UTC),
    "BJ0102": dt.datetime(2026, 2, 1, 8, 0, tzinfo=dt.UTC),
}
FORMULA = '=HYPERLINK("http://example.com","点此")'


def callback(done_at: str, *, reached: bool = True, result: str = "satisfied") -> dict:
    who = staff("王建国", "E1001")
    return {
        "due_at": done_at, "assigned_to": who, "planned_by": who, "planned_at": done_at,
        "plan_note": "", "done_at": done_at, "done_by": who, "method": "phone",
        "reached": reached, "result": result if reached else "", "notes": "",
        "work_order": None,
    }  # fmt: skip


def liable_finding() -> dict:
    return {
        "id": 7, "liable": True, "reasons": "柜员未按规定告知", "basis": "第五条",
        "cause": "service_attitude", "authority": "head",
        "determined_by": staff("王建国", "E1001"), "determined_at": "2026-03-06T10:00:00",
        "responsible": [{"name": "李娜", "employee_no": "E1002", "share_bp": 10000}],
    }  # fmt: skip


CASES = {
    "BJ0101": [
        case_entry("BJ0101-2026-0001", status="escalated", due_at="2099-01-01T00:00:00",
                   agreed_reply_at=None, received_at="2026-03-02T10:00:00",
                   escalations=[escalation()],
                   callbacks=[callback("2026-03-09T10:00:00", result="unsatisfied")]),
        case_entry("BJ0101-2026-0002", severity="urgent", due_at="2026-03-17T10:00:00",
                   agreed_reply_at="2026-03-03T10:00:00", received_at="2026-03-03T10:00:00",
                   customer_name="李秀英", customer_phone="139****0000",
                   description="理财产品到期未兑付，客户情绪激动。"),
        case_entry("BJ0101-2026-0003", status="closed", is_open=False, due_at=None,
                   agreed_reply_at=None, received_at="2026-03-04T10:00:00",
                   customer_name="张建国", closed_at="2026-03-05T10:00:00",
                   description=FORMULA + " 客户张建国来电13812345678",
                   remedy_requested="-退还手续费",
                   liability=[liable_finding()], current_liability=7,
                   callbacks=[callback("2026-03-05T10:00:00"),
                              callback("2026-03-06T10:00:00", reached=False)]),
        case_entry("BJ0101-2026-0004", agreed_reply_at=None, received_at="2026-04-02T10:00:00",
                   due_at="2026-04-20T10:00:00"),
    ],
    "BJ0102": [
        case_entry("BJ0102-2026-0001", due_at="2026-01-20T10:00:00", agreed_reply_at=None,
                   received_at="2026-01-10T11:00:00", customer_name="王芳",
                   callbacks=[callback("2026-01-15T10:00:00", result="basically_satisfied")]),
    ],
}  # fmt: skip

# Work orders the district sends down to BJ0101 (received, reply-by, the outlet's reply).
WORK_ORDERS = [
    ("KF-2026-001", "2026-03-02T09:00:00", "2026-03-04T09:00:00", "2026-03-03T15:00:00"),
    ("KF-2026-002", "2026-03-05T09:00:00", "2026-03-06T09:00:00", "2026-03-08T09:00:00"),
    ("KF-2026-003", "2026-03-10T09:00:00", "2026-03-12T09:00:00", None),
]

# What 2026-Q1 must show as of AT.
EXPECTED_Q1 = {
    "BJ0101": dict(complaints=3, open=2, overdue=1, urgent=1, escalated=1, liable=1,
                   work_orders=3, wo_on_time=1, wo_late=1, wo_overdue=1,
                   callbacks_answered=2, callbacks_satisfied=1, satisfaction=50.0,
                   overdue_replies=3),
    "BJ0102": dict(complaints=1, open=1, overdue=1, urgent=0, escalated=0, liable=0,
                   work_orders=0, wo_on_time=0, wo_late=0, wo_overdue=0,
                   callbacks_answered=1, callbacks_satisfied=1, satisfaction=100.0,
                   overdue_replies=0),
    "BJ0103": dict(complaints=0, open=0, overdue=0, urgent=0, escalated=0, liable=0,
                   work_orders=0, wo_on_time=0, wo_late=0, wo_overdue=0,
                   callbacks_answered=0, callbacks_satisfied=0, satisfaction=None,
                   overdue_replies=0),
}  # fmt: skip


def _t(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def build_district(tmp_path) -> None:
    """The district DC01 with the three outlets, their bundles imported."""
    from db.district import workorders
    from db.district.consolidate import import_bundle
    from db.workorders.orders import NewWorkOrder

    add_district_with_key(DISTRICT_KEY)
    for code, private in KEYS.items():
        enrol_with_key(code, private)
    up = []
    for number, received, reply_by, replied in WORK_ORDERS:
        order = NewWorkOrder(source="95580", number=number, received_at=_t(received),
                             reply_by=_t(reply_by), customer_name="刘芳",
                             customer_phone="13812345678", content="客户来电反映排队时间过长")  # fmt: skip
        workorders.enter_work_order(order, "BJ0101", actor="赵敏", at=_t(received))
        up.append({
            "source": "95580", "number": number, "received_at": received, "reply_by": reply_by,
            "customer_name": "刘*", "customer_phone": "138****5678",
            "content": "客户来电反映排队时间过长", "may_concern_outlet": True,
            "head_callback_required": False, "case_no": None, "replied_at": replied,
            "replied_by": staff("王建国", "E1001") if replied else None,
            "reply_content": "已回复客户" if replied else "",
        })  # fmt: skip
    for code, at in IMPORTED.items():
        path = up_bundle(tmp_path / f"{code}.zip", code, KEYS[code], cases=CASES[code],
                         work_orders=up if code == "BJ0101" else [])  # fmt: skip
        import_bundle(path, actor="测试员", at=at)


def set_target(outlet: str, period: str, metric: str, value: float) -> None:
    """A target the district holds for an outlet (its own table, as the district sets it)."""
    from db.district.models import DistrictTarget

    DistrictTarget.insert(outlet_code=outlet, period=period, metric=metric, value=value,
                          set_at=AT_UTC, set_by="赵敏").execute()  # fmt: skip
