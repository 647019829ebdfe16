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
from db.store.models import AuditLog, Case, WorkOrder, database
from db.trust import anchor, keys, outlet_keys
from db.workorders import orders as workorders
from db.workorders.orders import NewWorkOrder
from tests.db.exchange.signed import (
    DISTRICT_CODE,
    OUTLET_KEY,
    make_down_bundle,
    trust_district,
)
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
    trust_district()
    return {"main": w.reload(main), "escalated": escalated, "old": old}


def _export(w: World) -> tuple[Path, BundleSummary]:
    since = T0.date()
    path = w.path / "out" / "bundle.zip"
    return path, export_bundle(
        path, since=since, outlet=w.outlet, at=at(24), signing_key=OUTLET_KEY
    )


# --- export ------------------------------------------------------------------------------------


def test_export_holds_the_cases_since_the_date_with_a_valid_manifest(world: World, cases):
    path, summary = _export(world)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
        assert manifest["format"] == "complaint-desk-bundle" and manifest["version"] == 2
        assert manifest["outlet"]["code"] == "JSL01" and manifest["since"] == "2026-09-28"
        assert manifest["masked"] is True
        assert manifest["direction"] == "up" and manifest["seq"] == 1
        assert manifest["sender"] == {"kind": "outlet", "code": "JSL01", "name": world.outlet.name}
        assert manifest["addressee"] == {"kind": "district", "code": DISTRICT_CODE}
        assert names == {"manifest.json", "signature.json", *manifest["files"]}
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


@pytest.mark.attack("customer-data")
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


def test_export_writes_only_its_sequence_number(world: World, cases):
    from db.exchange import signing

    before = dump()
    path, first = _export(world)
    after = dump()
    changed = {t for t in set(before) | set(after) if before.get(t) != after.get(t)}
    assert changed <= {"setting", "audit_log"}
    assert signing.last_sent_seq() == first.seq == 1
    _, second = _export(world)
    assert second.seq == 2


def test_the_audit_chain_head_travels_in_the_bundle(world: World, cases):
    from db.store.models import AuditLog

    path, _ = _export(world)
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert manifest["audit"] == {"entries": AuditLog.select().count(), "last_hash": last.hash}


def test_each_export_signs_a_checkpoint_of_the_trail_with_the_outlets_key(world: World, cases):
    private, _key = outlet_keys.open_or_create_key("head-password-1", scrypt_n=2**10)
    path = world.path / "out" / "bundle.zip"
    export_bundle(path, since=T0.date(), outlet=world.outlet, at=at(24), signing_key=private)
    checkpoint = anchor.newest_checkpoint(outlet_keys.data_dir())
    assert checkpoint is not None and checkpoint.reason == "export"
    assert checkpoint.head.entries == AuditLog.select().count()
    database.execute_sql("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    problems = anchor.head_problems(database.obj, checkpoint)
    assert problems and "shorter than its signed checkpoint" in problems[0]


def test_export_needs_a_trusted_district(world: World, cases):
    from db.store.models import Setting

    Setting.delete().where(Setting.key == "keys.district").execute()
    with pytest.raises(BundleError) as excinfo:
        _export(world)
    assert excinfo.value.code == "bundle_no_district_key"
    assert not (world.path / "out" / "bundle.zip").exists()


@pytest.mark.attack("hostile-files")
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
    return make_down_bundle(path, members, **manifest_changes)


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
    assert second.nothing_new and second.already_imported
    assert dump() == before
    # a later bundle with the same work orders skips them
    later = make_bundle(world.path / "down2.zip", good_members(), seq=2)
    third = import_bundle(later, world.head)
    assert third.nothing_new and not third.already_imported
    assert (third.work_orders_skipped, third.replies_skipped) == (2, 2)


def test_a_bundle_may_carry_cases_and_attachments_it_does_not_import(world: World, cases):
    path, _ = _export(world)
    with zipfile.ZipFile(path) as z:
        members = {
            n: z.read(n) for n in z.namelist() if n not in ("manifest.json", "signature.json")
        }
    down = make_bundle(world.path / "down.zip", members)
    # its one work order is already here, so nothing is new
    assert import_bundle(down, world.head).nothing_new


def test_escalation_results_are_stored_and_a_later_one_replaces_them(world: World, cases):
    from db.exchange.importing import escalation_results

    case_no = cases["escalated"].case_no
    result = {
        "case_no": case_no,
        "escalation_seq": 1,
        "escalated_at": "2026-09-28T15:00:00",
        "department": "区分公司个人金融部",
        "psbc_counterpart": "邮储银行东城区支行",
        "result": "已与客户和解",
        "result_at": "2026-10-01T10:00:00",
        "notes": "",
    }
    first = make_bundle(world.path / "d1.zip", {"escalations.json": _json({"results": [result]})})
    assert import_bundle(first, world.head).escalation_results == 1
    (stored,) = escalation_results(cases["escalated"])
    assert (stored.department, stored.result, stored.bundle_seq) == (
        "区分公司个人金融部", "已与客户和解", 1,
    )  # fmt: skip
    changed = {**result, "result": "客户撤回投诉"}
    second = make_bundle(
        world.path / "d2.zip", {"escalations.json": _json({"results": [changed]})}, seq=2
    )
    import_bundle(second, world.head)
    (stored,) = escalation_results(cases["escalated"])
    assert (stored.result, stored.bundle_seq) == ("客户撤回投诉", 2)


def test_a_gap_in_the_sequence_is_reported_but_does_not_block(world: World, cases):
    from db.exchange import signing

    import_bundle(make_bundle(world.path / "d1.zip", good_members()), world.head)
    summary = import_bundle(make_bundle(world.path / "d4.zip", {}, seq=4), world.head)
    assert summary.gap == (2, 3)
    assert summary.warnings == [
        "Bundles 2 to 3 from district DC01 have not arrived; this one was imported, "
        "the missing ones may follow."
    ]
    assert signing.last_received()["seq"] == 4


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
    return make_bundle(tmp / "bad.zip", good_members(), version=3)


def _version_1(good: Path, tmp: Path) -> Path:
    return _rewrite(good, tmp / "bad.zip", lambda n, d: _manifest_with(d, version=1))


def _manifest_with(data: bytes, **changes) -> bytes:
    return (
        data
        if not data.startswith(b"{") or b'"format"' not in data
        else json.dumps({**json.loads(data), **changes}).encode()
    )


def _unsigned(good: Path, tmp: Path) -> Path:
    return _rewrite(good, tmp / "bad.zip", lambda n, d: None if n == "signature.json" else d)


def _stranger(good: Path, tmp: Path) -> Path:
    from tests.db.exchange.signed import STRANGER_KEY

    return make_down_bundle(tmp / "bad.zip", good_members(), key=STRANGER_KEY)


def _manifest_altered(good: Path, tmp: Path) -> Path:
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["created_at"] = "2026-10-03T09:00:00"
        return keys.canonical(manifest)

    return _rewrite(good, tmp / "bad.zip", change)


def _wrong_addressee(good: Path, tmp: Path) -> Path:
    return make_bundle(tmp / "bad.zip", good_members(), outlet="JSL99")


def _deep(good: Path, tmp: Path) -> Path:
    deep = b"[" * 100_000 + b"]" * 100_000
    return make_bundle(tmp / "bad.zip", {"workorders.json": deep})


def _deep_but_parsable(good: Path, tmp: Path) -> Path:
    deep = b'{"work_orders": ' + b"[" * 200 + b"]" * 200 + b"}"
    return make_bundle(tmp / "bad.zip", {"workorders.json": deep})


def _signed_too_large(good: Path, tmp: Path) -> Path:
    files = {"attachments/big.bin": {"sha256": "0" * 64, "size": MAX_MEMBER_BYTES + 1}}
    return make_down_bundle(tmp / "bad.zip", {}, files=files)


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


def _replay(good: Path, tmp: Path) -> Path:
    return make_bundle(tmp / "bad.zip", {}, seq=1, created_at="2026-10-05T09:00:00")


@pytest.mark.parametrize(
    ("make", "member", "code", "reason"),
    [
        (_tampered, "workorders.json", "bundle_altered", "SHA-256"),
        (_missing, "replies.json", "bundle_damaged", "missing"),
        (_extra, "attachments/extra.jpg", "bundle_damaged", "not listed"),
        (_traversal, "../x", "bundle_damaged", "leaves the bundle"),
        (_unknown_version, "manifest.json", "bundle_damaged", "unknown format version 3"),
        (_version_1, "manifest.json", "bundle_old_version", "version 1, which is not signed"),
        (_truncated, "", "bundle_truncated", "cut off"),
        (_not_a_zip, "", "bundle_damaged", "not a ZIP"),
        (_unknown_member, "notes.txt", "bundle_damaged", "not a member"),
        (_bad_entry, "workorders.json", "bundle_damaged", "entry 3"),
        (_reply_to_unknown, "replies.json", "bundle_damaged", "no work order 95580 NOPE"),
        (_signed_too_large, "attachments/big.bin", "bundle_too_large", "larger than 50 MB"),
        (_unsigned, "", "bundle_unsigned", "no signature"),
        (_stranger, "", "bundle_signer_not_trusted", "does not trust"),
        (_manifest_altered, "", "bundle_bad_signature", "changed after it was signed"),
        (_wrong_addressee, "", "bundle_wrong_addressee", "addressed to outlet JSL99"),
        (_deep, "workorders.json", "bundle_too_deep", "deeper than 64 levels"),
        (_deep_but_parsable, "workorders.json", "bundle_too_deep", "deeper than 64 levels"),
        (_replay, "", "bundle_replay", "not newer than number 1"),
    ],
)
@pytest.mark.attack("hostile-files")
def test_a_bad_bundle_is_refused_whole(world: World, cases, tmp_path, make, member, code, reason):
    good = make_bundle(tmp_path / "good.zip", good_members())
    bad = make(good, tmp_path)
    if make is _replay:
        import_bundle(make_bundle(tmp_path / "first.zip", {}, seq=1), world.head)
    before = dump()
    with pytest.raises(BundleError) as excinfo:
        import_bundle(bad, world.head)
    error = excinfo.value
    assert error.code == code
    assert reason in error.message
    if member:
        assert error.member == member
        assert error.message.startswith(member) or code == "bundle_old_version"
    assert dump() == before, "a refused bundle wrote to the database"
    assert WorkOrder.select().count() == 1
