"""The district console's tests: pytest-qt on the real PostgreSQL server (the fixtures of
tests/district, skipped without COMPLAINT_DESK_TEST_PG as they are), with two enrolled
outlets whose signed bundles were imported the way an officer imports them."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.district.conftest import (  # noqa: F401 - fixtures
    district_db,
    district_url,
    migrated_template,
    pg_admin_url,
    pg_databases,
)
from tests.district.helpers import (
    add_district_with_key,
    case_entry,
    enrol_with_key,
    escalation,
    up_bundle,
)

DISTRICT_KEY = Ed25519PrivateKey.generate()
OUTLET_KEYS = {"BJ0101": Ed25519PrivateKey.generate(), "BJ0102": Ed25519PrivateKey.generate()}
PAST = "2026-03-17T10:00:00"
FUTURE = "2099-03-17T10:00:00"

# case number -> what the list must know of it
CASES = {
    "BJ0101": [
        case_entry("BJ0101-2026-0001", status="escalated", due_at=FUTURE,
                   received_at="2026-03-02T10:00:00", escalations=[escalation()]),
        case_entry("BJ0101-2026-0002", severity="urgent", due_at=FUTURE, customer_name="李秀英",
                   received_at="2026-03-03T10:00:00",
                   description="理财产品到期未兑付，客户情绪激动。"),
        case_entry("BJ0101-2026-0003", status="closed", is_open=False, due_at=None,
                   received_at="2026-03-04T10:00:00", customer_name="陈晨",
                   closed_at="2026-03-05T10:00:00", description="存款证明开具慢。"),
    ],
    "BJ0102": [
        case_entry("BJ0102-2026-0001", due_at=PAST, customer_name="王芳",
                   received_at="2026-03-02T11:00:00", description="存折挂失手续繁琐。"),
        case_entry("BJ0102-2026-0002", status="escalated", due_at=FUTURE, customer_name="赵磊",
                   received_at="2026-03-05T09:00:00", description="转账被误扣手续费。",
                   escalations=[escalation("2026-03-05T12:00:00")]),
    ],
}  # fmt: skip
ALL = {c["case_no"] for cases in CASES.values() for c in cases}


@pytest.fixture
def district(district_db, tmp_path):  # noqa: F811 - the imported fixture
    """The district DC01 with outlets BJ0101 and BJ0102 enrolled and one bundle of each
    imported."""
    from db.district.consolidate import import_bundle

    add_district_with_key(DISTRICT_KEY)
    for code, private in OUTLET_KEYS.items():
        enrol_with_key(code, private)
        path = up_bundle(tmp_path / f"{code}.zip", code, private, cases=CASES[code])
        import_bundle(path, actor="测试员", at=dt.datetime(2026, 3, 6, tzinfo=dt.UTC))
    return district_db


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, district, settings, district_url):  # noqa: F811 - the imported fixture
    """The console's window on that district, shown, in English."""
    from desktop.district.main_window import DistrictWindow

    w = DistrictWindow(district_name="东城区分公司", url=district_url, officer="赵敏",
                       settings=settings, language="en")  # fmt: skip
    qtbot.addWidget(w)
    w.show()
    return w
