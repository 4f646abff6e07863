"""The media store: every file kept once, named by its SHA-256, never changed after it is written.

Layout: ``<root>/<first two hex digits>/<sha256>``; files being written sit in ``<root>/.incoming/`` until
they are complete and synced, then one rename puts them in place. The same content added twice (or by two
processes at once, on a shared folder) ends as one file. A killed process leaves at worst a temp file
or a file without a database row; ``media check --repair`` removes both (see services.media_service).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.errors import EnvironmentProblem, ValidationError, os_reason
from takeover_planner.fileio import fsync_folder
from takeover_planner.texts.media import MediaText

INCOMING = ".incoming"
QUARANTINE = ".quarantine"
_CHUNK = 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class StagedFile:
    temp: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path
    created: bool  # False when the store already held this content


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class MediaStore:
    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if not _SHA.match(sha256):
            raise ValidationError(MediaText.NOT_A_HASH, name=sha256[:80])
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def add_file(self, source: str | os.PathLike[str]) -> StoredFile:
        """Copy ``source`` in, hashing while copying (one read of the original), and make it durable."""
        return self.commit([self.stage_file(source)])[0]

    def stage_file(self, source: str | os.PathLike[str]) -> StagedFile:
        """Copy ``source`` into the incoming folder while hashing it; not yet synced nor in place.

        Splitting the copy from ``commit`` lets a batch import sync many files at once, off the CPU's path.
        """
        incoming = self._incoming()
        digest = hashlib.sha256()
        size = 0
        try:
            fd, temp_name = tempfile.mkstemp(prefix="add-", suffix=".part", dir=incoming)
        except OSError as exc:
            raise EnvironmentProblem(MediaText.STORE_UNWRITABLE, reason=os_reason(exc), folder=str(self.root),
                                     problem=exc.strerror or str(exc)) from None
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            raise
        return StagedFile(temp, digest.hexdigest(), size)

    def commit(self, staged: list[StagedFile]) -> list[StoredFile]:
        """fsync each staged file, rename it into place (or drop it if the content is there), then fsync
        each folder touched once. Until this returns, a staged file is only a leftover for ``media check``."""
        results = []
        folders: set[Path] = set()
        for item in staged:
            final = self.path_for(item.sha256)
            if final.is_file() and final.stat().st_size == item.size:
                item.temp.unlink(missing_ok=True)
                results.append(StoredFile(item.sha256, item.size, final, created=False))
                continue
            with open(item.temp, "rb") as handle:
                os.fsync(handle.fileno())
            final.parent.mkdir(parents=True, exist_ok=True)
            # Read-only: nothing in the app ever changes a stored file; a new version is a new file.
            os.chmod(item.temp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(item.temp, final)
            folders.add(final.parent)
            results.append(StoredFile(item.sha256, item.size, final, created=True))
        for folder in folders:
            fsync_folder(folder)
        return results

    def add_bytes(self, data: bytes) -> StoredFile:
        incoming = self._incoming()
        fd, temp_name = tempfile.mkstemp(prefix="add-", suffix=".part", dir=incoming)
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            return self._settle(temp, hashlib.sha256(data).hexdigest(), len(data))
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            raise

    def _settle(self, temp: Path, sha256: str, size: int) -> StoredFile:
        final = self.path_for(sha256)
        if final.is_file() and final.stat().st_size == size:
            temp.unlink()
            return StoredFile(sha256, size, final, created=False)
        final.parent.mkdir(parents=True, exist_ok=True)
        # Read-only: nothing in the app ever changes a stored file; a new version is a new file.
        os.chmod(temp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(temp, final)
        fsync_folder(final.parent)
        return StoredFile(sha256, size, final, created=True)

    def _incoming(self) -> Path:
        folder = self.root / INCOMING
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EnvironmentProblem(MediaText.STORE_UNCREATABLE, reason=os_reason(exc), folder=str(self.root),
                                     problem=exc.strerror or str(exc)) from None
        return folder

    def stored(self) -> Iterator[tuple[str, Path]]:
        """Every (sha256, path) in the store."""
        if not self.root.is_dir():
            return
        for shard in sorted(self.root.iterdir()):
            if not shard.is_dir() or len(shard.name) != 2 or shard.name.startswith("."):
                continue
            for entry in sorted(shard.iterdir()):
                if entry.is_file() and _SHA.match(entry.name) and entry.name.startswith(shard.name):
                    yield entry.name, entry

    def leftovers(self, older_than_s: float) -> list[Path]:
        """Temp files of writes that never finished (a killed process), older than ``older_than_s``."""
        folder = self.root / INCOMING
        if not folder.is_dir():
            return []
        cutoff = time.time() - older_than_s
        return [entry for entry in sorted(folder.iterdir()) if entry.is_file() and entry.stat().st_mtime < cutoff]

    def verify(self, sha256: str) -> bool:
        path = self.path_for(sha256)
        return path.is_file() and file_sha256(path) == sha256

    def remove(self, sha256: str) -> None:
        path = self.path_for(sha256)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
            path.unlink()

    def quarantine(self, sha256: str) -> Path:
        """Move a damaged file aside (kept for inspection, out of the store's way)."""
        source = self.path_for(sha256)
        folder = self.root / QUARANTINE
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{sha256}.{int(time.time())}"
        shutil.move(str(source), target)
        return target
