"""Offline exchange with the district: the exported bundle holds the right
cases, masked, with evidence and a manifest whose sums match; a bundle sent down imports
once and only once; a damaged or altered bundle is refused whole with nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from db.exchange.export import BundleSummary, export_bundle
from db.exchange.format import MAX_MEMBER_BYTES, BundleError
from db.exchange.importing import import_bundle
from db.handling import workflow
from db.management import liability
from db.store.models import Case, WorkOrder
from db.workorders import orders as workorders
from db.workorders.orders import NewWorkOrder
from tests.db.management_fixtures import (
    T0,
    World,
    at,
    evidence_file,
    put_case,
    world,
)
from tests.db.workflow_fixtures import dump

__all__ = ["world"]

PHONE = "13812345678"
ID_NO = "11010519491231002X"
EVIDENCE = b"%PDF-1.4 customer letter \x00\xff"


def _workorder(**changes) -> NewWorkOrder:
    fields = dict(
        source="95580",
        number="KF-OLD-1",
        received_at=at(1),
        reply_by=at(30),
        customer_name="李秀英",
        customer_phone=PHONE,
        content=f"客户来电 {PHONE} 反映排队时间长",
    )
    fields.update(changes)
    return NewWorkOrder(**fields)


@pytest.fixture
def cases(world: World, tmp_path: Path) -> dict[str, Case]:
    """A determined case with evidence and a linked work order, an escalated case, and an
    old case that the bundle since T0 must leave out."""
    w = world
    # laid down first: put_case numbers its cases itself
    escalated = put_case(w, at(4), escalated_at=at(5), agreed_reply_at=at(48))
    old = put_case(w, T0 - dt.timedelta(days=60), settled=True)
    main = w.case(customer_id_no=ID_NO, description=f"客户 {PHONE} 排队四十分钟，身份证 {ID_NO}")
    workorders.create_workorder(w.outlet, _workorder(), w.head, case=main, at=at(1))
    workflow.reply(
        main, w.teller, content="已答复", method="phone", customer_satisfied=True, at=at(2)
    )
    liability.determine(
        main,
        w.head,
        liability.Finding(
            liable=True,
            reasons="柜员未解释",
            responsible=[liability.Responsible(w.teller, 100)],
            basis="Art. 7(2)",
        ),
        evidence=[evidence_file(tmp_path, "来信.pdf", EVIDENCE)],
        at=at(3),
    )
    return {"main": w.reload(main), "escalated": escalated, "old": old}


def _export(w: World) -> tuple[Path, BundleSummary]:
    since = T0.date()
    path = w.path / "out" / "bundle.zip"
    return path, export_bundle(path, since=since, outlet=w.outlet, at=at(24))


# --- export ------------------------------------------------------------------------------------


def test_export_holds_the_cases_since_the_date_with_a_valid_manifest(world: World, cases):
    path, summary = _export(world)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
        assert manifest["format"] == "complaint-desk-bundle" and manifest["version"] == 1
        assert manifest["outlet"]["code"] == "JSL01" and manifest["since"] == "2026-09-28"
        assert manifest["masked"] is True
        assert names == {"manifest.json", *manifest["files"]}
        for name, entry in manifest["files"].items():
            data = z.read(name)
            assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        exported = json.loads(z.read("cases.json"))["cases"]
        orders = json.loads(z.read("workorders.json"))["work_orders"]
    by_no = {c["case_no"]: c for c in exported}
    assert set(by_no) == {cases["main"].case_no, cases["escalated"].case_no}
    assert manifest["counts"] == {
        "cases": 2,
        "events": sum(len(c["events"]) for c in exported),
        "work_orders": 1,
        "attachments": 1,
    }
    assert (summary.cases, summary.work_orders, summary.attachments) == (2, 1, 1)
    main = by_no[cases["main"].case_no]
    assert main["customer_name"] == "李秀英"
    assert main["work_orders"] == [{"source": "95580", "number": "KF-OLD-1"}]
    assert main["liability"][0]["responsible"][0]["share_bp"] == 10000
    assert main["current_liability"] == main["liability"][-1]["id"]
    assert {"registered", "workorder_linked"} <= {e["kind"] for e in main["events"]}
    escalated = by_no[cases["escalated"].case_no]
    assert [e["level"] for e in escalated["escalations"]] == ["district_branch"]
    assert orders[0]["case_no"] == cases["main"].case_no


def test_customer_phone_and_id_are_masked_everywhere(world: World, cases):
    path, _ = _export(world)
    with zipfile.ZipFile(path) as z:
        texts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".json")}
        main = next(
            c
            for c in json.loads(texts["cases.json"])["cases"]
            if c["case_no"] == cases["main"].case_no
        )
    assert main["customer_phone"] == "138****5678"
    assert main["customer_id_no"] == "110***********002X"
    assert "138****5678" in main["description"] and "110***********002X" in main["description"]
    for name, text in texts.items():
        assert PHONE not in text and ID_NO not in text, name
    orders = json.loads(texts["workorders.json"])["work_orders"]
    assert orders[0]["customer_phone"] == "138****5678"


def test_evidence_files_are_included_and_checksummed(world: World, cases):
    path, _ = _export(world)
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        main = next(
            c
            for c in json.loads(z.read("cases.json"))["cases"]
            if c["case_no"] == cases["main"].case_no
        )
        (attachment,) = main["attachments"]
        member = attachment["member"]
        assert member.startswith("attachments/liability/")
        assert z.read(member) == EVIDENCE
    digest = hashlib.sha256(EVIDENCE).hexdigest()
    assert attachment["sha256"] == digest and attachment["original_name"] == "来信.pdf"
    assert manifest["files"][member] == {"sha256": digest, "size": len(EVIDENCE)}


def test_export_writes_nothing_to_the_database(world: World, cases):
    before = dump()
    _export(world)
    assert dump() == before


def test_export_refuses_changed_evidence(world: World, cases):
    from db.management.liability import attachments_dir

    (stored,) = [p for p in attachments_dir().rglob("*") if p.suffix == ".pdf"]
    stored.write_bytes(EVIDENCE + b"tampered")
    with pytest.raises(BundleError, match="changed"):
        _export(world)
    assert not (world.path / "out" / "bundle.zip").exists()


# --- import ------------------------------------------------------------------------------------


def make_bundle(path: Path, members: dict[str, bytes], **manifest_changes) -> Path:
    """A bundle as the district writes it; ``manifest_changes`` override manifest keys."""
    manifest = {
        "format": "complaint-desk-bundle",
        "version": 1,
        "outlet": {"code": "JSL01", "name": "建设路邮政金融网点", "district_branch": ""},
        "created_at": "2026-10-02T09:00:00",
        "since": None,
        "masked": False,
        "counts": {},
        "files": {
            n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in members.items()
        },
    }
    manifest.update(manifest_changes)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


DOWN_ORDERS = [
    {
        "source": "95580",
        "number": "KF20261001",
        "received_at": "2026-09-29T09:15:00",
        "reply_by": "2026-10-09T17:00:00",
        "customer_name": "周芳",
        "customer_phone": "13900001111",
        "content": "客户反映理财产品风险提示不清",
        "may_concern_outlet": True,
        "head_callback_required": True,
    },
    {
        "source": "regulator_12378",
        "number": "JG-77",
        "received_at": "2026-09-29T11:00:00",
        "reply_by": None,
        "customer_name": "孙强",
        "customer_phone": "",
        "content": "监管转办：等候时间过长",
    },
]
DOWN_REPLIES = [
    {
        "source": "95580",
        "number": "KF20261001",
        "reply_content": "已由分公司回复客户，客户表示满意",
        "replied_at": "2026-09-30T16:00:00",
        "replied_by_name": "王建国",
    },
    {
        "source": "95580",
        "number": "KF-OLD-1",
        "reply_content": "分公司已答复",
        "replied_at": "2026-09-30T17:00:00",
        "replied_by_name": "分公司客服",
    },
]


def good_members() -> dict[str, bytes]:
    return {
        "workorders.json": _json({"work_orders": DOWN_ORDERS}),
        "replies.json": _json({"replies": DOWN_REPLIES}),
    }


def test_import_a_good_bundle_then_again_creates_nothing_new(world: World, cases):
    path = make_bundle(world.path / "down.zip", good_members())
    first = import_bundle(path, world.head)
    assert (first.work_orders_created, first.work_orders_skipped) == (2, 0)
    assert (first.replies_recorded, first.replies_skipped) == (2, 0)
    new = workorders.workorder_by_number(world.outlet, "95580", "KF20261001")
    assert new.customer_phone == "13900001111" and new.head_callback_required
    assert new.replied_by_id == world.head.id and new.import_file == "down.zip"
    assert new.replied_at == dt.datetime(2026, 9, 30, 16)
    regulator = workorders.workorder_by_number(world.outlet, "regulator_12378", "JG-77")
    assert regulator.reply_by > regulator.received_at  # the 12378 default applied
    linked = workorders.workorder_by_number(world.outlet, "95580", "KF-OLD-1")
    assert linked.reply_content == "分公司已答复" and linked.replied_by_id is None
    from db.store.models import AuditLog

    assert (
        AuditLog.select()
        .where((AuditLog.table_name == "work_order") & (AuditLog.actor_id == world.head.id))
        .count()
        >= 4
    )
    before = dump()
    second = import_bundle(path, world.head)
    assert second.nothing_new
    assert (second.work_orders_skipped, second.replies_skipped) == (2, 2)
    assert dump() == before


def test_a_bundle_may_carry_cases_and_attachments_it_does_not_import(world: World, cases):
    path, _ = _export(world)
    # the outlet's own export: its one work order is already here, so nothing is new
    assert import_bundle(path, world.head).nothing_new


# --- refusals: nothing written --------------------------------------------------------------


def _rewrite(src: Path, dst: Path, change) -> Path:
    """Copy a ZIP member by member, letting ``change(name, data)`` alter or drop members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            result = change(info.filename, zin.read(info))
            if result is not None:
                zout.writestr(info.filename, result)
    return dst


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


def _tampered(good: Path, tmp: Path) -> Path:
    return _rewrite(good, tmp / "bad.zip", lambda n, d: _flip(d) if n == "workorders.json" else d)


def _missing(good: Path, tmp: Path) -> Path:
    return _rewrite(good, tmp / "bad.zip", lambda n, d: None if n == "replies.json" else d)


def _extra(good: Path, tmp: Path) -> Path:
    path = _rewrite(good, tmp / "bad.zip", lambda n, d: d)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("attachments/extra.jpg", b"not listed")
    return path


def _traversal(good: Path, tmp: Path) -> Path:
    members = good_members()
    members["../x"] = b"escape"
    return make_bundle(tmp / "bad.zip", members)


def _unknown_version(good: Path, tmp: Path) -> Path:
    return make_bundle(tmp / "bad.zip", good_members(), version=2)


def _truncated(good: Path, tmp: Path) -> Path:
    path = tmp / "bad.zip"
    path.write_bytes(good.read_bytes()[: good.stat().st_size * 2 // 3])
    return path


def _not_a_zip(good: Path, tmp: Path) -> Path:
    path = tmp / "bad.zip"
    path.write_text("来源,工单号\n95580,KF1\n", encoding="gbk")
    return path


def _unknown_member(good: Path, tmp: Path) -> Path:
    members = good_members()
    members["notes.txt"] = b"hello"
    return make_bundle(tmp / "bad.zip", members)


def _bad_entry(good: Path, tmp: Path) -> Path:
    orders = [*DOWN_ORDERS, {**DOWN_ORDERS[0], "number": "KF2", "received_at": "yesterday"}]
    return make_bundle(tmp / "bad.zip", {"workorders.json": _json({"work_orders": orders})})


def _reply_to_unknown(good: Path, tmp: Path) -> Path:
    replies = [{**DOWN_REPLIES[0], "number": "NOPE"}]
    members = {**good_members(), "replies.json": _json({"replies": replies})}
    return make_bundle(tmp / "bad.zip", members)


def _member_too_large(good: Path, tmp: Path) -> Path:
    # declared (and stored) size over the limit: refused before it is unpacked
    big = MAX_MEMBER_BYTES + 1
    members = good_members()
    path = make_bundle(tmp / "bad.zip", members)
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
    manifest["files"]["attachments/big.bin"] = {"sha256": "0" * 64, "size": big}
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("make", "member", "reason"),
    [
        (_tampered, "workorders.json", "SHA-256"),
        (_missing, "replies.json", "missing"),
        (_extra, "attachments/extra.jpg", "not listed"),
        (_traversal, "../x", "leaves the bundle"),
        (_unknown_version, "manifest.json", "unknown format version 2"),
        (_truncated, "", "truncated"),
        (_not_a_zip, "", "not a ZIP"),
        (_unknown_member, "notes.txt", "not a member"),
        (_bad_entry, "workorders.json", "entry 3"),
        (_reply_to_unknown, "replies.json", "no work order 95580 NOPE"),
        (_member_too_large, "attachments/big.bin", "at most 50 MB"),
    ],
)
def test_a_bad_bundle_is_refused_whole(world: World, cases, tmp_path, make, member, reason):
    good = make_bundle(tmp_path / "good.zip", good_members())
    bad = make(good, tmp_path)
    before = dump()
    with pytest.raises(BundleError) as excinfo:
        import_bundle(bad, world.head)
    error = excinfo.value
    assert reason in error.message
    if member:
        assert error.member == member and error.message.startswith(member)
    assert dump() == before, "a refused bundle wrote to the database"
    assert WorkOrder.select().count() == 1
