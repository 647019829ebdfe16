"""Checking a bundle against its manifest before anything is read from it.

The format is described in db/exchange/format.py.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.exchange.format import (
    _BUNDLE,
    _CHUNK,
    _SHA_RE,
    ATTACHMENTS_PREFIX,
    DOWN,
    FORMAT_NAME,
    FORMAT_VERSION,
    KNOWN_MEMBERS,
    MANIFEST,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    SIGNATURE,
    UP,
    BundleError,
    _allowed_member,
    _check_sizes,
    _safe_name_problem,
    parse_json,
    refused,
)
from db.exchange.signing import check_signature, read_signature
from db.trust.keys import KIND_DISTRICT, KIND_OUTLET

MAX_META_BYTES = 16 * 1024 * 1024


def _member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The member's bytes in chunks, read no further than the size limit (a zip bomb stops
    early); BundleError for a damaged member."""
    read = 0
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                read += len(chunk)
                if read > MAX_MEMBER_BYTES:
                    raise refused(
                        "bundle_too_large", info.filename, max_mb=MAX_MEMBER_BYTES // 2**20
                    )
                yield chunk
    except BundleError:
        raise
    except EOFError as exc:
        raise refused("bundle_truncated", info.filename) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise BundleError(info.filename, f"damaged in the ZIP file ({exc})") from exc
    except NotImplementedError as exc:
        raise BundleError(info.filename, f"uses an unsupported compression ({exc})") from exc


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., name length, extra length


def _stored_chunks(path: Path, info: zipfile.ZipInfo):
    """A stored (not deflated) member's bytes straight from the file, in chunks: what
    ``ZipFile.open`` reads, without its CRC-32 pass, since the caller checks every byte
    against the signed manifest's SHA-256 anyway. An evidence photo or video is stored,
    so this is most of a large bundle."""
    if info.compress_size > MAX_MEMBER_BYTES:
        raise refused("bundle_too_large", info.filename, max_mb=MAX_MEMBER_BYTES // 2**20)
    try:
        with path.open("rb") as fh:
            fh.seek(info.header_offset)
            header = fh.read(_LOCAL_HEADER.size)
            if len(header) < _LOCAL_HEADER.size:
                raise refused("bundle_truncated", info.filename)
            magic, name_length, extra_length = _LOCAL_HEADER.unpack(header)
            if magic != b"PK\x03\x04":
                raise BundleError(info.filename, "damaged in the ZIP file (bad local header)")
            fh.seek(name_length + extra_length, 1)
            left = info.compress_size
            while left:
                chunk = fh.read(min(_CHUNK, left))
                if not chunk:
                    raise refused("bundle_truncated", info.filename)
                left -= len(chunk)
                yield chunk
    except OSError as exc:
        raise BundleError(info.filename, f"damaged in the ZIP file ({exc})") from exc


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    return b"".join(_member_chunks(archive, info))


def _party(manifest: dict, key: str) -> dict:
    party = manifest.get(key)
    if (
        not isinstance(party, dict)
        or party.get("kind") not in (KIND_OUTLET, KIND_DISTRICT)
        or not isinstance(party.get("code"), str)
        or not party["code"]
    ):
        raise BundleError(MANIFEST, f'"{key}" must be {{"kind": "outlet" | "district", "code"}}')
    return party


def _verify_manifest(raw: bytes) -> dict:
    manifest = parse_json(MANIFEST, raw)
    if not isinstance(manifest, dict):
        raise BundleError(MANIFEST, "not a JSON object")
    if manifest.get("format") != FORMAT_NAME:
        raise BundleError(MANIFEST, f"format is {manifest.get('format')!r}, not {FORMAT_NAME!r}")
    version = manifest.get("version")
    if version == 1 and not isinstance(version, bool):
        raise refused("bundle_old_version", MANIFEST, version=1, current=FORMAT_VERSION)
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise BundleError(
            MANIFEST,
            f"unknown format version {version!r}; this program reads version {FORMAT_VERSION}",
        )
    if manifest.get("direction") not in (UP, DOWN):
        raise BundleError(MANIFEST, '"direction" must be "up" or "down"')
    _party(manifest, "sender")
    _party(manifest, "addressee")
    seq = manifest.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise BundleError(MANIFEST, '"seq" must be a whole number from 1')
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise BundleError(MANIFEST, 'no "files" object listing the members')
    total = 0
    for name, entry in files.items():
        problem = _safe_name_problem(name)
        if problem:
            raise BundleError(name, f"unsafe name in the manifest: {problem}")
        if name in (MANIFEST, SIGNATURE) or not _allowed_member(name):
            raise BundleError(name, f"not a member of format version {FORMAT_VERSION}")
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("sha256"), str)
            or not _SHA_RE.match(entry["sha256"])
            or not isinstance(entry.get("size"), int)
            or isinstance(entry.get("size"), bool)
            or entry["size"] < 0
        ):
            raise BundleError(name, 'manifest entry needs "sha256" (64 hex) and "size" (bytes)')
        _check_sizes(name, entry["size"], total)
        total += entry["size"]
    return manifest


@dataclass
class VerifiedBundle:
    """A bundle whose signature and every member matched; ``members`` holds the JSON
    ones, ``manifest_sha256`` identifies the bundle (the SHA-256 of the signed bytes)."""

    manifest: dict
    members: dict[str, bytes]
    attachments: list[str]
    manifest_sha256: str = ""
    signer: str = ""

    @property
    def seq(self) -> int:
        return self.manifest["seq"]

    @property
    def sender(self) -> dict:
        return self.manifest["sender"]


SenderCheck = Callable[[dict, str], None]
"""Called with the manifest and the signer's public key (base64) before the signature is
checked: raises BundleError when the sender, its key or the addressee is not acceptable."""


def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise BundleError(_BUNDLE, f"no such file: {path}")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        with path.open("rb") as fh:
            start = fh.read(4)
        if start == b"PK\x03\x04":  # a ZIP file that lost its end (central directory)
            raise refused("bundle_truncated", _BUNDLE) from None
        raise BundleError(_BUNDLE, "not a ZIP file") from None
    except OSError as exc:
        raise BundleError(_BUNDLE, f"cannot be read ({exc})") from exc


def verify_bundle(path: Path | str, check_sender: SenderCheck) -> VerifiedBundle:
    """Check a bundle's signature and every member against its manifest, writing
    nothing; BundleError (with its code) if not. ``check_sender`` says whether the
    sender and its key are the ones the reader expects."""
    path = Path(path)
    archive = _open_zip(path)
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise BundleError(_BUNDLE, f"more than {MAX_MEMBERS:,} members")
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            problem = _safe_name_problem(name.rstrip("/") if info.is_dir() else name)
            if problem:
                raise BundleError(name, problem)
            if info.is_dir():
                if info.file_size:
                    raise BundleError(name, "a directory entry with content")
                continue
            if name in by_name:
                raise BundleError(name, "appears twice in the ZIP file")
            by_name[name] = info
        if MANIFEST not in by_name:
            raise BundleError(MANIFEST, "missing: this is not a Complaint Desk bundle")
        for special in (MANIFEST, SIGNATURE):
            if special in by_name and by_name[special].file_size > MAX_META_BYTES:
                raise refused("bundle_too_large", special, max_mb=MAX_META_BYTES // 2**20)
        manifest_raw = _read_member(archive, by_name[MANIFEST])
        manifest = _verify_manifest(manifest_raw)
        if SIGNATURE not in by_name:
            raise refused("bundle_unsigned", _BUNDLE)
        signer, signature = read_signature(_read_member(archive, by_name[SIGNATURE]))
        check_sender(manifest, signer)
        check_signature(manifest_raw, signer, signature)
        files: dict[str, dict] = manifest["files"]
        for name in sorted(by_name):
            if name not in (MANIFEST, SIGNATURE) and name not in files:
                raise BundleError(name, "in the ZIP file but not listed in the manifest")
        for name in sorted(files):
            if name not in by_name:
                raise BundleError(name, "listed in the manifest but missing from the ZIP file")
        members: dict[str, bytes] = {}
        for name in sorted(files):
            info, expected = by_name[name], files[name]
            if info.file_size != expected["size"]:
                raise refused("bundle_altered", name)
            digest = hashlib.sha256()
            size = 0
            keep = name in KNOWN_MEMBERS
            parts = []
            stored = (
                not keep
                and info.compress_type == zipfile.ZIP_STORED
                and not info.flag_bits & 0x1  # not encrypted
            )
            chunks = _stored_chunks(path, info) if stored else _member_chunks(archive, info)
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                if keep:
                    parts.append(chunk)
            if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
                raise refused("bundle_altered", name)
            if keep:
                members[name] = b"".join(parts)
        attachments = [n for n in files if n.startswith(ATTACHMENTS_PREFIX)]
    return VerifiedBundle(
        manifest, members, attachments, hashlib.sha256(manifest_raw).hexdigest(), signer
    )
