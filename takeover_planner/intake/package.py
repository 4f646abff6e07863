"""Writing a package (atomically) and reading one into a staging folder after checking all of it.

Reading order matters: the zip is inspected whole (``SafeZip``), then the manifest is parsed and checked,
then the set of files in the zip is compared with the manifest, and only then is each file extracted and
its size and sha256 compared. The caller gets a ``Staged`` package or a ``PackageRefused``; nothing outside
the staging folder it chose has been touched.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from takeover_planner.fileio import atomic_write
from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.intake.manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, FileEntry
from takeover_planner.intake.safezip import CHUNK, DEFAULT_LIMITS, SafeZip, ZipLimits
from takeover_planner.intake.schema import load_json
from takeover_planner.texts.intake import IntakeText

M = TypeVar("M")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# A fixed timestamp inside the zip: the same content gives the same bytes (and so the same package hash).
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def safe_member_name(index: int, source: Path, folder: str = "media") -> str:
    """``media/03-my_photo.jpg``: an index keeps names unique and ordered, the rest is plain ASCII."""
    stem = _UNSAFE.sub("_", source.stem).strip("._-")[:60] or "file"
    suffix = _UNSAFE.sub("", source.suffix.lower())[:10]
    return f"{folder}/{index:02d}-{stem}{suffix}"


def _zinfo(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = method
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    info.create_system = 3
    return info


def write_package(
    out: Path,
    build_manifest: Callable[[dict[str, FileEntry]], dict[str, Any]],
    files: Iterable[tuple[str, Path | bytes]],
) -> dict[str, FileEntry]:
    """Write a package to ``out`` in one step: the files first (hashed on the way), then the manifest.

    ``build_manifest`` gets the name → (sha256, size) table and returns the manifest as JSON data.
    """
    entries: dict[str, FileEntry] = {}
    with atomic_write(out, "wb") as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as zf:
        for name, source in files:
            digest = hashlib.sha256()
            size = 0
            if isinstance(source, bytes):
                zf.writestr(_zinfo(name, zipfile.ZIP_DEFLATED), source)
                digest.update(source)
                size = len(source)
            else:
                # Pictures and video are compressed already: store them as they are.
                with open(source, "rb") as src, zf.open(_zinfo(name, zipfile.ZIP_STORED), "w", force_zip64=True) as dst:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        dst.write(chunk)
                        size += len(chunk)
            entries[name] = FileEntry(digest.hexdigest(), size)
        manifest = build_manifest(entries)
        zf.writestr(_zinfo(MANIFEST_NAME, zipfile.ZIP_DEFLATED),
                    json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
    return entries


def _first_of(reason: Reason, names: list[str], one: IntakeText, more: IntakeText) -> PackageRefused:
    """A refusal naming the first of ``names`` (and how many more there are); all of them in ``details``."""
    if len(names) == 1:
        return PackageRefused(reason, one, details={"files": names}, file=names[0])
    return PackageRefused(reason, more, details={"files": names}, file=names[0], more=len(names) - 1)


@dataclass(frozen=True)
class Staged(Generic[M]):
    """A package that passed every check, with its files extracted under ``folder``."""

    manifest: M
    files: dict[str, Path]
    package_sha256: str
    folder: Path


def read_package(
    path: Path,
    staging: Path,
    parse: Callable[[Any], M],
    files_of: Callable[[M], dict[str, FileEntry]],
    referenced: Callable[[M], set[str]],
    *,
    limits: ZipLimits = DEFAULT_LIMITS,
) -> Staged[M]:
    """Check a package completely and extract its files into ``staging`` (an empty folder the caller owns)."""
    package_sha256 = sha256_file(path) if path.is_file() else ""
    with SafeZip(path, limits) as package:
        if MANIFEST_NAME not in package.members:
            raise PackageRefused(Reason.NO_MANIFEST, IntakeText.NO_MANIFEST, file=path.name, manifest=MANIFEST_NAME)
        manifest = parse(load_json(package.read(MANIFEST_NAME, MAX_MANIFEST_BYTES)))
        listed = files_of(manifest)
        in_zip = set(package.members) - {MANIFEST_NAME}
        missing = sorted(set(listed) - in_zip)
        if missing:
            raise _first_of(Reason.MISSING_FILE, missing, IntakeText.LISTED_NOT_HELD, IntakeText.LISTED_NOT_HELD_MORE)
        extra = sorted(in_zip - set(listed))
        if extra:
            raise _first_of(Reason.EXTRA_FILE, extra, IntakeText.HELD_NOT_LISTED, IntakeText.HELD_NOT_LISTED_MORE)
        wanted = referenced(manifest)
        unlisted = sorted(wanted - set(listed))
        if unlisted:
            raise PackageRefused(Reason.MISSING_FILE, IntakeText.USED_NOT_LISTED, details={"files": unlisted},
                                 file=unlisted[0])
        unused = sorted(set(listed) - wanted)
        if unused:
            raise PackageRefused(Reason.EXTRA_FILE, IntakeText.UNUSED_FILE, details={"files": unused}, file=unused[0])
        extracted: dict[str, Path] = {}
        for index, name in enumerate(sorted(listed)):
            expected = listed[name]
            if package.members[name].size != expected.size:
                raise PackageRefused(Reason.CHECKSUM, IntakeText.SIZE_MISMATCH, details={"file": name}, file=name,
                                     size=package.members[name].size, expected=expected.size)
            dest = staging / f"{index:03d}{Path(name).suffix[:10]}"
            got = package.extract(name, dest)
            if got.sha256 != expected.sha256:
                raise PackageRefused(Reason.CHECKSUM, IntakeText.CHECKSUM, details={"file": name}, file=name)
            extracted[name] = dest
    return Staged(manifest, extracted, package_sha256, staging)
