"""The bundle format: its members, limits, names and the refusal of a bad bundle.

An outlet on a poor network exchanges ZIP files with its district branch (a USB stick, a
mail attachment). :func:`db.exchange.export.export_bundle` writes the cases received or
updated since a date, with their evidence files; the district imports them
(db/district/consolidate.py) and sends down work orders and the results of escalations
(db/district/outbox.py), which :func:`db.exchange.importing.import_bundle` stores at the
outlet. Every member is listed in a manifest with its SHA-256 and size, the manifest is
signed by the sender, and a bundle that does not match is refused whole.

This program writes and reads version 2 only. Version 1 was not signed: such a bundle is
refused, naming its version, and the sender writes it again.

Bundle format ``complaint-desk-bundle``, version 2 (signed)
-----------------------------------------------------------

Version 1 below, with these changes:

``signature.json`` (required, not listed in ``files``)
    ``{"algorithm": "Ed25519", "public_key": str (base64 of the signer's 32-byte raw
    key), "signature": str (base64, 64 bytes)}``: the sender's signature over the exact
    bytes of ``manifest.json``. The manifest is written canonically (sorted keys, UTF-8,
    no spaces: db.trust.keys.canonical). Since the manifest holds every member's SHA-256
    and size, the signature covers the whole bundle.

``manifest.json`` adds
    ``direction`` (``"up"``: outlet to district; ``"down"``: district to outlet),
    ``sender`` (``{"kind": "outlet" | "district", "code": str, "name": str}``),
    ``addressee`` (``{"kind": ..., "code": str}``), ``seq`` (int ≥ 1: the sender's
    number for this bundle, one more than its previous bundle to that addressee),
    and for a bundle up ``audit`` (``{"entries": int, "last_hash": str}``: the length
    of the outlet's audit chain and its last entry's hash when the bundle was written).

``escalations.json`` (down, optional)
    ``{"results": [result, ...]}``, each ``{case_no, escalation_seq (int, the
    escalation's 1-based position in the case's ``escalations`` list), escalated_at
    (time), department, psbc_counterpart, result, result_at (time), notes}``: the
    district's handling of an outlet's escalation (Art. 11), as far as it is settled.
    ``result_at`` is the district's time, written as UTC without a zone.

``workorders.json`` (down)
    As in version 1; ``reply_by`` may be ``null`` for any source.

Refused whole, with a stable code (db/errors.py): no ``signature.json``
(``bundle_unsigned``); a signer whose key is not enrolled for the sending outlet at the
district (``bundle_signer_not_enrolled``) or not the district key the outlet trusts
(``bundle_signer_not_trusted``); a signature that does not match the manifest
(``bundle_bad_signature``); a member whose SHA-256 or size is not the manifest's
(``bundle_altered``); an addressee other than the reader (``bundle_wrong_addressee``); a
``seq`` not above the last one received from that sender (``bundle_replay``; the same
bundle again is "already imported" and changes nothing), unless it is a number skipped
before: a bundle that arrives late is imported then and never replaces what a later one
brought; a bundle up carrying a case
whose number is not the sender's (``bundle_foreign_case``); a cut-off file
(``bundle_truncated``); a member over the size limits (``bundle_too_large``); JSON nested
deeper than 64 levels (``bundle_too_deep``). A ``seq`` more than one above the last is
imported with the warning ``bundle_sequence_gap``, recorded with the bundle.

Bundle format ``complaint-desk-bundle``, version 1
--------------------------------------------------

A ZIP file (deflate or stored). The outlet exports ``manifest.json``, ``cases.json``,
``workorders.json`` and ``attachments/…``; the district sends down ``manifest.json`` with
``workorders.json`` and/or ``replies.json`` (``cases.json`` and ``attachments/…`` may come
too: they are verified, not imported). Member names use forward slashes, are relative, and
never contain ``..``, ``.``, an empty part, a colon (drive letter) or a backslash. Text
members are UTF-8 JSON (no BOM). Times are local wall-clock time of the outlet, ISO 8601
without a zone, to the second (``"2026-09-28T10:00:00"``); dates are ``"YYYY-MM-DD"``;
absent values are ``null``.
A staff reference is ``{"name": str, "employee_no": str}`` or ``null``.

Members:

``manifest.json`` (required)
    ``format`` (str, ``"complaint-desk-bundle"``), ``version`` (int, ``1``),
    ``outlet`` (``{"code": str, "name": str, "district_branch": str}``),
    ``created_at`` (time), ``since`` (date or ``null`` for a bundle from above),
    ``masked`` (bool: customer phone and ID numbers are masked),
    ``counts`` (object of str → int; on export ``cases``, ``events``, ``work_orders``,
    ``attachments``; informative, not checked on import),
    ``files`` (object: every other member's name → ``{"sha256": str (64 lowercase hex),
    "size": int (bytes)}``). The manifest does not list itself.

``cases.json`` (export)
    ``{"cases": [case, ...]}``: the outlet's cases received, updated or with a timeline
    event on or after ``since`` (00:00 of that day), oldest first. Each case an object:
    ``case_no``, ``received_at``, ``route``, ``channel``, ``business_type``, ``cause``,
    ``severity``, ``urgent_triggers`` (list of str), ``customer_name`` (as stored),
    ``customer_phone`` and ``customer_id_no`` (masked: first three and last four characters
    kept, ``138****5678``), ``remedy_requested``, ``description``, ``first_ask_owner``
    (staff), ``handler`` (staff), ``status``, ``is_open`` (bool), ``agreed_reply_at``,
    ``due_at``, ``settled_at``, ``settlement``, ``closed_at``, ``created_at``,
    ``updated_at``, ``other_outlet``, ``major_reason``, ``report_required`` (bool),
    ``report_reason``, ``first_contact_at``, ``first_contact_method``, ``proposal_at``, and:

    - ``events``: ``[{at, actor (staff), kind, from_status, to_status, note, data (object)}]``
      in the order recorded, the case's whole timeline;
    - ``transfers``: ``[{requested_at, requested_by, handler, handler_name, handler_outlet,
      from_status, state, contact_at, contact_method, confirmed_by, ended_at, note}]``;
    - ``escalations``: the ``escalated`` events, ``[{at, by (staff), level, note, data}]``;
    - ``decisions``: ``[{id, decided_at, decided_by, findings, basis, remedies (list of
      str), remedies_note}]``;
    - ``notices``: ``[{decision (a decision ``id`` or null), kind, method, at, proof,
      recorded_by}]``;
    - ``reviews``: ``[{decision, requested_at, content, recorded_by, decided_at, decided_by,
      outcome, upheld (bool or null)}]``;
    - ``callbacks``: ``[{due_at, assigned_to, planned_by, planned_at, plan_note, done_at,
      done_by, method, reached (bool or null), result, notes, work_order ({source,
      number} or null)}]``;
    - ``liability``: ``[{id, liable (bool), reasons, basis, cause, authority, determined_by,
      determined_at, responsible: [{name, employee_no, share_bp (int, 10000 = 100 %)}]}]``
      oldest first; ``current_liability`` (an ``id`` or null) is the finding that counts;
    - ``work_orders``: ``[{source, number}]`` linked to the case (details in
      ``workorders.json``);
    - ``attachments``: ``[{member (str, the ZIP member), original_name, sha256, size,
      liability (an ``id`` or null), added_by, added_at}]``.

    ``id`` values are the outlet's own row numbers, only for cross-references inside the
    bundle. Customer phone and ID numbers are also masked where staff typed them into free
    text (notes, descriptions); names are as stored.

``workorders.json`` (export; import)
    ``{"work_orders": [work_order, ...]}``; on export the work orders received or replied
    since ``since`` or linked to an exported case. Each: ``source`` (``95580``,
    ``regulator_12378``, ``superior_office`` or ``petition``), ``number`` (str; unique per
    source), ``received_at`` (time), ``reply_by`` (time; on import may be ``null`` for
    ``regulator_12378``: N working days), ``customer_name``, ``customer_phone`` (str; masked
    on export, full on import), ``content``, ``may_concern_outlet`` (bool),
    ``head_callback_required`` (bool); on export also ``case_no`` (str or null),
    ``replied_at``, ``replied_by`` (staff) and ``reply_content`` (phone and ID numbers in
    ``content`` and ``reply_content`` masked as in cases). On import the extra keys
    are ignored; a work order whose source and number are already stored is skipped
    (and not checked again: the stored row stands).

``replies.json`` (import, optional)
    ``{"replies": [reply, ...]}``, each ``{source, number, reply_content (str),
    replied_at (time), replied_by_name (str)}``: the reply to one of the outlet's work
    orders (already stored, or in the same bundle's ``workorders.json``) as recorded above.
    It is stored as the work order's reply record (who: the outlet's active staff member of
    that name, else nobody; the name is kept in the case event when the work order is linked
    to a case). A work order that already has a reply is left as it is.

``attachments/<path>`` (export)
    The evidence files of the exported cases, byte for byte; ``<path>`` is the file's
    stored path at the outlet (``liability/<case_no>/<sha256 prefix>.<ext>``).

Import rules: the manifest is checked before anything is written. Every listed member must
be present with that SHA-256 and size, and nothing else may be in the ZIP (directory
entries aside); names must be safe as above; format and version must be known; a member may
be at most 50 MB, and all of them together at most 500 MB. A bad bundle is refused whole
(:class:`BundleError` names the member and the reason) and nothing is written. Everything
is stored in one transaction; importing the same bundle again creates nothing new.

Versioning: ``version`` is bumped when a reader of the previous version would misread the
bundle (a field removed or its meaning changed). Adding members or keys does not bump it:
readers ignore keys they do not know. A new member does bump it, because a reader refuses
members it does not know: in version 1 only ``manifest.json``, ``cases.json``,
``workorders.json``, ``replies.json`` and ``attachments/…``. This program refuses any
version other than 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import re
from pathlib import Path
from typing import Any

from db.errors import WorkflowError

FORMAT_NAME = "complaint-desk-bundle"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
CASES = "cases.json"
WORKORDERS = "workorders.json"
REPLIES = "replies.json"
ESCALATIONS = "escalations.json"
ATTACHMENTS_PREFIX = "attachments/"
KNOWN_MEMBERS = frozenset({CASES, WORKORDERS, REPLIES, ESCALATIONS})
UP = "up"
DOWN = "down"
MAX_JSON_DEPTH = 64

MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_MEMBERS = 20_000
_CHUNK = 1024 * 1024
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_BUNDLE = "(bundle)"


class BundleError(WorkflowError):
    """A bundle refused whole, or an export that cannot be written: ``member`` (the ZIP
    member, or ``(bundle)`` for the file as a whole), ``reason`` (English) and a stable
    ``code`` (db/errors.py; ``bundle_damaged`` with the reason as ``detail`` unless a
    more precise one applies)."""

    def __init__(
        self, member: str, reason: str | None = None, *, code: str = "bundle_damaged", **params
    ) -> None:
        if reason is None:
            super().__init__(code, None, member=member, **params)
            reason = message = self.message
        else:
            super().__init__(code, None, member=member, detail=reason, **params)
            message = reason if member == _BUNDLE else f"{member}: {reason}"
        self.member = member
        self.reason = reason
        self.message = message
        self.args = (message,)


def refused(code: str, member: str = "(bundle)", **params: object) -> BundleError:
    """The refusal ``code`` (db/errors.py), its English words as the reason."""
    return BundleError(member, None, code=code, **params)


def json_depth_problem(data: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``data`` nests lists and objects deeper than ``limit`` (iteratively)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        elif not isinstance(value, list):
            continue
        if depth > limit:
            return True
        stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


def parse_json(name: str, raw: bytes) -> Any:
    """``raw`` as JSON: BundleError if it is not UTF-8 JSON or nests too deeply."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleError(name, "not UTF-8 text") from None
    except RecursionError:
        raise refused("bundle_too_deep", name, max=MAX_JSON_DEPTH) from None
    except ValueError as exc:
        raise BundleError(name, f"not valid JSON ({exc})") from None
    if json_depth_problem(data):
        raise refused("bundle_too_deep", name, max=MAX_JSON_DEPTH)
    return data


def _t(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _check_sizes(name: str, size: int, total_before: int) -> None:
    if size > MAX_MEMBER_BYTES:
        raise refused("bundle_too_large", name, max_mb=MAX_MEMBER_BYTES // 2**20)
    if total_before + size > MAX_TOTAL_BYTES:
        raise refused("bundle_too_large", _BUNDLE, max_mb=MAX_TOTAL_BYTES // 2**20)


def _safe_name_problem(name: str) -> str | None:
    """Why a member name is unsafe to use, or None."""
    if not name or len(name) > 400:
        return "bad member name"
    if "\\" in name or "\x00" in name or ":" in name:
        return "member name contains a backslash, colon or NUL"
    if name.startswith("/"):
        return "absolute path"
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts) or posixpath.normpath(name) != name:
        return "path leaves the bundle or is not normalised ('..', '.', '//')"
    return None


def _allowed_member(name: str) -> bool:
    return name in KNOWN_MEMBERS or (
        name.startswith(ATTACHMENTS_PREFIX) and len(name) > len(ATTACHMENTS_PREFIX)
    )


def _load_json(name: str, raw: bytes, key: str) -> list:
    data = parse_json(name, raw)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise BundleError(name, f'expected an object with a list "{key}"')
    return data[key]
