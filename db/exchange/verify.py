"""Checking a bundle against its manifest before anything is read from it.

The format is described in db/exchange/format.py.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from db.exchange.format import (
    _BUNDLE,
    _CHUNK,
    _SHA_RE,
    ATTACHMENTS_PREFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    KNOWN_MEMBERS,
    MANIFEST,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    BundleError,
    _allowed_member,
    _check_sizes,
    _safe_name_problem,
)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, read no further than the size limit (a zip bomb stops early)."""
    out = bytearray()
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > MAX_MEMBER_BYTES:
                    raise BundleError(
                        info.filename,
                        f"is larger than {MAX_MEMBER_BYTES // 2**20} MB when unpacked",
                    )
    except BundleError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise BundleError(info.filename, f"damaged in the ZIP file ({exc})") from exc
    except NotImplementedError as exc:
        raise BundleError(info.filename, f"uses an unsupported compression ({exc})") from exc
    return bytes(out)


def _verify_manifest(raw: bytes) -> dict:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError(MANIFEST, f"not valid UTF-8 JSON ({exc})") from None
    if not isinstance(manifest, dict):
        raise BundleError(MANIFEST, "not a JSON object")
    if manifest.get("format") != FORMAT_NAME:
        raise BundleError(MANIFEST, f"format is {manifest.get('format')!r}, not {FORMAT_NAME!r}")
    version = manifest.get("version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise BundleError(
            MANIFEST,
            f"unknown format version {version!r}; this program reads version {FORMAT_VERSION}",
        )
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise BundleError(MANIFEST, 'no "files" object listing the members')
    total = 0
    for name, entry in files.items():
        problem = _safe_name_problem(name)
        if problem:
            raise BundleError(name, f"unsafe name in the manifest: {problem}")
        if name == MANIFEST or not _allowed_member(name):
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
    """A bundle whose every member matched its manifest; ``members`` holds the JSON ones."""

    manifest: dict
    members: dict[str, bytes]
    attachments: list[str]


def verify_bundle(path: Path | str) -> VerifiedBundle:
    """Check a bundle against its manifest without writing anything; BundleError if not."""
    path = Path(path)
    if not path.is_file():
        raise BundleError(_BUNDLE, f"no such file: {path}")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise BundleError(_BUNDLE, "not a ZIP file, or truncated (no central directory)") from None
    except OSError as exc:
        raise BundleError(_BUNDLE, f"cannot be read ({exc})") from exc
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
        if by_name[MANIFEST].file_size > MAX_MEMBER_BYTES:
            raise BundleError(MANIFEST, "too large")
        manifest = _verify_manifest(_read_member(archive, by_name[MANIFEST]))
        files: dict[str, dict] = manifest["files"]
        for name in sorted(by_name):
            if name != MANIFEST and name not in files:
                raise BundleError(name, "in the ZIP file but not listed in the manifest")
        for name in sorted(files):
            if name not in by_name:
                raise BundleError(name, "listed in the manifest but missing from the ZIP file")
        members: dict[str, bytes] = {}
        for name in sorted(files):
            info, expected = by_name[name], files[name]
            if info.file_size != expected["size"]:
                raise BundleError(
                    name, f"size {info.file_size:,} bytes, the manifest says {expected['size']:,}"
                )
            raw = _read_member(archive, info)
            if len(raw) != expected["size"]:
                raise BundleError(
                    name, f"size {len(raw):,} bytes, the manifest says {expected['size']:,}"
                )
            if hashlib.sha256(raw).hexdigest() != expected["sha256"]:
                raise BundleError(name, "SHA-256 does not match the manifest (changed or damaged)")
            if name in KNOWN_MEMBERS:
                members[name] = raw
        attachments = [n for n in files if n.startswith(ATTACHMENTS_PREFIX)]
    return VerifiedBundle(manifest, members, attachments)
