"""District exchange on PostgreSQL: importing outlets' bundles, and checking a bundle's signature.

    python -m tests.benchmarks.district_exchange --dsn postgresql://USER:PW@127.0.0.1/postgres
    python -m tests.benchmarks.district_exchange --outlets 6        # a shorter run

``--dsn`` (default: ``$COMPLAINT_DESK_TEST_PG``) names a server and a role that may create
databases. Two scratch databases are made anew on every run and dropped at the end:
``complaint_desk_bench_import`` (the program imports into it) and
``complaint_desk_bench_copy`` (the floor copies into it), both migrated by the program.

**Import.** ``--outlets`` outlets (default 60) each send one signed bundle of ``--cases``
cases (default 20,000), every case with ``--events`` timeline events (default 4), a
transfer, a callback and, for one case in ten, an escalation. The figure is
``db.district.consolidate.import_bundle`` on the bundle file: signature and every member
checked, the JSON read, the rows built, the cases upserted and their children copied, in
one transaction. The floor is raw psycopg ``COPY`` of exactly the rows that import stored
(built beforehand, untimed, with ``consolidate.case_rows``) into the same tables of the
other database, one transaction per outlet. Figure and floor alternate outlet by outlet,
so load on a shared machine falls on both; the ratio of the totals is the result (target
≤ 3×).

**Signature.** A bundle with one 50 MB attachment (stored, not deflated) and its signed
manifest. The figure is ``db.exchange.verify.verify_bundle`` (signature, every member's
size and SHA-256); the floor is reading the same file and hashing it with SHA-256. Warm
medians, alternating (tests/benchmarks/harness.py; target ≤ 1.2×).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from playhouse.postgres_ext import BinaryJSONField
from psycopg import sql
from psycopg.types.json import Jsonb

from db.district import consolidate
from db.district import database as district_db
from db.district.models import OutletCase, district_database
from db.exchange import signing
from db.exchange.verify import verify_bundle
from tests.benchmarks.harness import log, timed_pair
from tests.district.helpers import add_district_with_key, case_entry, enrol_with_key, staff

IMPORT_DB = "complaint_desk_bench_import"
COPY_DB = "complaint_desk_bench_copy"
IMPORT_TARGET = 3.0
SIGNATURE_TARGET = 1.2
ATTACHMENT_MB = 50


def _url_for(dsn: str, name: str) -> str:
    return urllib.parse.urlsplit(dsn)._replace(path="/" + name).geturl()


def fresh_database(dsn: str, name: str) -> str:
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return _url_for(dsn, name)


def drop_database(dsn: str, name: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _case(code: str, n: int, events: int) -> dict:
    day = dt.datetime(2026, 1, 5, 9, 0) + dt.timedelta(minutes=37 * n)
    iso = day.isoformat(timespec="seconds")
    actor = staff("李娜", "E1002")
    timeline = [
        {"at": (day + dt.timedelta(minutes=k)).isoformat(timespec="seconds"), "actor": actor,
         "kind": "note" if k else "registered", "from_status": "", "to_status": "received",
         "note": f"第 {k} 次跟进：已联系客户说明处理进度" if k else "", "data": {}}
        for k in range(events)
    ]  # fmt: skip
    entry = case_entry(
        f"{code}-2026-{n:06d}",
        received_at=iso,
        created_at=iso,
        updated_at=iso,
        description=f"客户等候超过 {20 + n % 60} 分钟，认为叫号顺序混乱，要求网点说明原因。",
        customer_name="张建国" if n % 3 else "李秀英",
        events=timeline,
        transfers=[{"requested_at": iso, "requested_by": actor, "handler": staff("王强", "E1003"),
                    "from_status": "received", "state": "confirmed", "contact_at": iso,
                    "contact_method": "in_person", "note": "转交大堂经理处理"}],
        callbacks=[{"due_at": iso, "assigned_to": actor, "done_at": iso, "done_by": actor,
                    "method": "phone", "reached": True, "result": "satisfied",
                    "notes": "客户表示满意"}],
    )  # fmt: skip
    if n % 10 == 0:
        entry["escalations"] = [{"at": iso, "by": actor, "level": "district_branch",
                                 "note": "客户对答复不满意", "data": {}}]  # fmt: skip
    return entry


def write_bundle(path: Path, code: str, key: Ed25519PrivateKey, cases: list[dict]) -> Path:
    """The bundle up as an outlet writes it (signed, deflated JSON), to the district DC01."""
    from tests.district.helpers import up_bundle

    return up_bundle(path, code, key, seq=1, cases=cases)


def copy_rows(con: psycopg.Connection, rows: dict[type, list[dict]]) -> None:
    """The floor: one COPY per table of exactly these rows, cases before their children."""
    for model in (OutletCase, *consolidate.CASE_CHILDREN):
        items = rows.get(model, [])
        if not items:
            continue
        fields = model._meta.sorted_fields
        columns = [f.column_name for f in fields]
        json_columns = {f.column_name for f in fields if isinstance(f, BinaryJSONField)}
        names = ", ".join(f'"{c}"' for c in columns)
        with con.cursor().copy(f'COPY "{model._meta.table_name}" ({names}) FROM STDIN') as copy:
            for row in items:
                copy.write_row(
                    [Jsonb(row.get(c)) if c in json_columns else row.get(c) for c in columns]
                )


def floor_rows(code: str, cases: list[dict], at: dt.datetime) -> dict[type, list[dict]]:
    merged: dict[type, list[dict]] = {}
    for entry in cases:
        for model, items in consolidate.case_rows(code, entry).items():
            if model is OutletCase:
                items = [{**i, "bundle_seq": 1, "consolidated_at": at} for i in items]
            merged.setdefault(model, []).extend(items)
    return merged


def bench_import(dsn: str, outlets: int, cases: int, events: int, folder: Path) -> dict:
    district_key = Ed25519PrivateKey.generate()
    outlet_keys = {f"D{k:02d}": Ed25519PrivateKey.generate() for k in range(1, outlets + 1)}
    import_url = fresh_database(dsn, IMPORT_DB)
    copy_url = fresh_database(dsn, COPY_DB)
    for url in (copy_url, import_url):  # the import's database stays bound last
        if url == import_url:
            district_db.close_district_database()
        district_db.open_district_database(url)
        add_district_with_key(district_key)
        for code, key in outlet_keys.items():
            enrol_with_key(code, key)
    raw = psycopg.connect(copy_url)
    total_figure = total_floor = 0.0
    stored = rows_total = 0
    started = time.perf_counter()
    for k, (code, key) in enumerate(outlet_keys.items(), 1):
        entries = [_case(code, n, events) for n in range(1, cases + 1)]
        bundle = write_bundle(folder / f"{code}.zip", code, key, entries)
        at = dt.datetime.now(dt.UTC)
        rows = floor_rows(code, entries, at)
        rows_total += sum(len(v) for v in rows.values())
        del entries
        t0 = time.perf_counter()
        summary = consolidate.import_bundle(bundle, actor="基准测试")
        figure = time.perf_counter() - t0
        t0 = time.perf_counter()
        with raw.transaction():
            copy_rows(raw, rows)
        floor = time.perf_counter() - t0
        stored += summary.cases_stored
        total_figure += figure
        total_floor += floor
        bundle.unlink()
        log(f"  outlet {k}/{outlets}: import {figure:.2f} s, COPY {floor:.2f} s "
            f"({figure / floor:.2f}×); elapsed {time.perf_counter() - started:.0f} s")  # fmt: skip
    assert stored == outlets * cases, (stored, outlets * cases)
    raw.close()
    district_db.close_district_database()
    drop_database(dsn, IMPORT_DB)
    drop_database(dsn, COPY_DB)
    return {
        "figure": total_figure,
        "floor": total_floor,
        "rows": rows_total,
        "cases": stored,
    }


def bench_signature(folder: Path) -> tuple[float, float, int]:
    key = Ed25519PrivateKey.generate()
    blob = folder / "evidence.bin"
    blob.write_bytes(os.urandom(ATTACHMENT_MB * 2**20))
    members: dict[str, bytes | Path] = {"attachments/evidence.bin": blob}
    manifest = {
        "format": "complaint-desk-bundle",
        "version": 2,
        "direction": "up",
        "sender": {"kind": "outlet", "code": "D01", "name": "基准网点"},
        "addressee": {"kind": "district", "code": "DC01"},
        "seq": 1,
        "audit": {"entries": 0, "last_hash": ""},
        "created_at": "2026-12-01T09:00:00",
        "files": signing.member_files(members),
    }
    path = folder / "big.zip"
    signing.finish(signing.write_signed_bundle(path, manifest, members, key), path)
    public = trust_public(key)

    def check(_manifest: dict, signer: str) -> None:
        assert signer == public

    def hash_file() -> str:
        import hashlib

        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()

    pair = timed_pair(lambda: verify_bundle(path, check), hash_file, runs=5)
    return pair.figure, pair.floor, path.stat().st_size


def trust_public(key: Ed25519PrivateKey) -> str:
    from db.trust import keys

    return keys.public_b64(key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", default=os.environ.get("COMPLAINT_DESK_TEST_PG"))
    parser.add_argument("--outlets", type=int, default=60)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=4)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args(argv)
    if not args.dsn and not args.skip_import:
        print("give --dsn or set COMPLAINT_DESK_TEST_PG", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cd-bench-exchange-") as tmp:
        folder = Path(tmp)
        print("\n## District exchange\n")
        print("| row | figure | floor | ratio | target |\n|---|---|---|---|---|")
        figure, floor, size = bench_signature(folder)
        print(f"| signature check of a {size / 2**20:.0f} MB bundle | {figure * 1000:.0f} ms "
              f"(verify_bundle) | {floor * 1000:.0f} ms (SHA-256 of the file) | "
              f"{figure / floor:.2f}× | ≤ {SIGNATURE_TARGET}× |", flush=True)  # fmt: skip
        if not args.skip_import:
            result = bench_import(args.dsn, args.outlets, args.cases, args.events, folder)
            print(f"| import of {args.outlets} outlets × {args.cases:,} cases "
                  f"({result['rows']:,} rows) | {result['figure']:.1f} s (import_bundle) | "
                  f"{result['floor']:.1f} s (raw COPY of the same rows) | "
                  f"{result['figure'] / result['floor']:.2f}× | ≤ {IMPORT_TARGET}× |")  # fmt: skip
    if district_database.obj is not None and not district_database.obj.is_closed():
        district_database.obj.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
