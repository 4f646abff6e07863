"""Open an untrusted zip without trusting it.

Everything is checked from the central directory *before* a single byte is extracted: member names (no
``../``, no absolute paths, no drive letters, no backslashes, no duplicates), member types (no symlinks,
devices or other non-regular files in the Unix mode bits), encryption, compression method, the number of
members, the total uncompressed size and each member's compression ratio (zip bombs). Extraction then
streams each member into a staging folder under a name *we* choose, counting the bytes actually produced
(a member that inflates past what its header declares is a bomb too) and hashing them on the way.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.texts.intake import IntakeText

CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_ALLOWED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
_UNIX = 3  # ZipInfo.create_system for Unix-made archives: the high 16 bits of external_attr are st_mode


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 500
    max_total_bytes: int = 4 * 1024**3  # every member uncompressed, together
    max_member_bytes: int = 1024**3
    max_ratio: float = 100.0  # uncompressed / compressed, for members above ratio_floor_bytes
    ratio_floor_bytes: int = 1024 * 1024  # small text files (the manifest) may compress very well
    max_package_bytes: int = 4 * 1024**3


DEFAULT_LIMITS = ZipLimits()


@dataclass(frozen=True)
class Member:
    name: str  # the checked, normalised name inside the package
    size: int
    compressed: int
    info: zipfile.ZipInfo


@dataclass(frozen=True)
class Extracted:
    name: str
    path: Path
    size: int
    sha256: str


def check_member_name(raw: str) -> str:
    """The member's name if it stays inside the package; PackageRefused otherwise."""
    shown = raw.encode("unicode_escape").decode("ascii")[:200]
    if not raw or "\x00" in raw or len(raw) > 400:
        raise PackageRefused(Reason.PATH_ESCAPE, IntakeText.UNUSABLE_NAME, name=shown)
    if "\\" in raw:
        raise PackageRefused(Reason.PATH_ESCAPE, IntakeText.BACKSLASH, name=shown)
    if raw.startswith("/"):
        raise PackageRefused(Reason.PATH_ESCAPE, IntakeText.ABSOLUTE_PATH, name=shown)
    if _DRIVE.match(raw):
        raise PackageRefused(Reason.PATH_ESCAPE, IntakeText.DRIVE_LETTER, name=shown)
    parts = raw.rstrip("/").split("/")
    if any(part in ("..", ".") for part in parts):
        raise PackageRefused(Reason.PATH_ESCAPE, IntakeText.CLIMBS_OUT, name=shown)
    if any(part == "" for part in parts):
        raise PackageRefused(Reason.PATH_ESCAPE, IntakeText.EMPTY_PART, name=shown)
    return str(PurePosixPath(*parts))


def _is_directory(info: zipfile.ZipInfo) -> bool:
    return info.filename.endswith("/")


def _check_type(info: zipfile.ZipInfo, name: str) -> None:
    if info.create_system != _UNIX:
        return
    mode = info.external_attr >> 16
    if stat.S_IFMT(mode) == 0:
        return  # permission bits only, no file type recorded (Python's own zipfile writes such members)
    if stat.S_ISLNK(mode):
        raise PackageRefused(Reason.SYMLINK, IntakeText.SYMLINK, name=name)
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise PackageRefused(Reason.SYMLINK, IntakeText.NOT_ORDINARY, name=name)


class SafeZip:
    """An opened, inspected package. Use as a context manager; extract members with ``extract``."""

    def __init__(self, path: str | Path, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.limits = limits
        self._produced = 0
        if not self.path.is_file():
            raise PackageRefused(Reason.NOT_A_FILE, IntakeText.NOT_A_FILE, path=str(self.path))
        size = self.path.stat().st_size
        if size > limits.max_package_bytes:
            raise PackageRefused(Reason.ZIP_BOMB, IntakeText.PACKAGE_TOO_BIG, size=size,
                                 limit=limits.max_package_bytes)
        try:
            self._zip = zipfile.ZipFile(self.path)
        except OSError as exc:
            raise PackageRefused(Reason.NOT_A_FILE, IntakeText.CANNOT_READ, file=self.path.name,
                                 reason=exc.strerror or str(exc)) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
            raise PackageRefused(Reason.CORRUPT, IntakeText.NOT_A_ZIP, file=self.path.name, error=str(exc)) from None
        try:
            self.members = self._inspect()
        except BaseException:
            self._zip.close()
            raise

    def _inspect(self) -> dict[str, Member]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise PackageRefused(Reason.TOO_MANY_FILES, IntakeText.TOO_MANY_FILES, count=len(infos),
                                 limit=self.limits.max_members)
        members: dict[str, Member] = {}
        total = 0
        for info in infos:
            name = check_member_name(info.filename)
            _check_type(info, name)
            if info.flag_bits & 0x1:
                raise PackageRefused(Reason.ENCRYPTED, IntakeText.ENCRYPTED, name=name)
            if _is_directory(info):
                continue
            if info.compress_type not in _ALLOWED_METHODS:
                raise PackageRefused(Reason.UNSUPPORTED, IntakeText.COMPRESSION, name=name, method=info.compress_type)
            key = name.casefold()
            if any(existing.casefold() == key for existing in members):
                raise PackageRefused(Reason.DUPLICATE_ENTRY, IntakeText.DUPLICATE_ENTRY, name=name)
            if info.file_size > self.limits.max_member_bytes:
                raise PackageRefused(Reason.ZIP_BOMB, IntakeText.MEMBER_TOO_BIG, name=name, size=info.file_size,
                                     limit=self.limits.max_member_bytes)
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > self.limits.ratio_floor_bytes and ratio > self.limits.max_ratio:
                raise PackageRefused(Reason.ZIP_BOMB, IntakeText.BOMB_RATIO, name=name, ratio=round(ratio),
                                     limit=round(self.limits.max_ratio))
            total += info.file_size
            if total > self.limits.max_total_bytes:
                raise PackageRefused(Reason.ZIP_BOMB, IntakeText.TOTAL_TOO_BIG, limit=self.limits.max_total_bytes)
            members[name] = Member(name, info.file_size, info.compress_size, info)
        return members

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def read(self, name: str, max_bytes: int) -> bytes:
        """A small member (the manifest) into memory, never more than ``max_bytes``."""
        member = self.members[name]
        if member.size > max_bytes:
            raise PackageRefused(Reason.ZIP_BOMB, IntakeText.MANIFEST_TOO_BIG, name=name, size=member.size,
                                 limit=max_bytes)
        chunks = bytearray()
        for chunk in self._stream(member):
            chunks.extend(chunk)
        return bytes(chunks)

    def extract(self, name: str, dest: Path) -> Extracted:
        """Stream one member to ``dest`` (a new file), hashing it; the caller compares size and hash."""
        member = self.members[name]
        digest = hashlib.sha256()
        size = 0
        with open(dest, "xb") as out:
            for chunk in self._stream(member):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        return Extracted(name, dest, size, digest.hexdigest())

    def _stream(self, member: Member) -> Iterator[bytes]:
        produced = 0
        try:
            with self._zip.open(member.info) as source:
                while chunk := source.read(CHUNK):
                    produced += len(chunk)
                    self._produced += len(chunk)
                    if produced > member.size or self._produced > self.limits.max_total_bytes:
                        raise PackageRefused(Reason.ZIP_BOMB, IntakeText.BOMB_OVERFLOW, name=member.name,
                                             size=member.size)
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
            raise PackageRefused(Reason.CORRUPT, IntakeText.MEMBER_DAMAGED, name=member.name,
                                 error=str(exc)) from None
        except RuntimeError as exc:  # zipfile's "encrypted, password required" for a lying flag
            raise PackageRefused(Reason.ENCRYPTED, IntakeText.PASSWORD_NEEDED, name=member.name,
                                 error=str(exc)) from None
        if produced != member.size:
            raise PackageRefused(Reason.CORRUPT, IntakeText.MEMBER_SHORT, name=member.name, size=produced,
                                 declared=member.size)
