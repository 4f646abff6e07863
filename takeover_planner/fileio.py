"""Write files so that a crash never leaves a half-written one: temp file, flush, fsync, rename.

Also the app's rules for its own files: a file written below a folder the app made private (its data, config,
cache and log folders) is private too (0600), whatever the umask; a ``.part`` temp file that a
killed process left behind is removed, once it is an hour old, the next time the app writes into that folder.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Another process may be writing a younger .part file into the same folder right now; an hour-old one is dead.
STALE_PART_SECONDS = 3600
# The temp names this app makes: ``.NAME.RANDOM.part`` (atomic_write) and ``.STEM.RANDOM.partSUFFIX``
# (media/outputs.py, whose muxers need the real suffix).
_PART_NAME = re.compile(r"^\..+\.part(\.[A-Za-z0-9]+)?$")
_swept: set[Path] = set()
_swept_lock = threading.Lock()
# The folders this process made private (make_private_folder): files written below them are private too.
_private_roots: set[Path] = set()
_private_lock = threading.Lock()


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """Yield a file object; on a clean exit its content replaces ``path`` in one step.

    On an exception the temp file is removed and ``path`` is untouched.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_once(target.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        # Name the file the person asked for, not our temp file.
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    try:
        # mkstemp makes the file private (0600); an export should get the usual mode, unless its folder is private.
        if os.name == "posix":
            os.fchmod(fd, new_file_mode(target.parent))
        with os.fdopen(fd, mode, encoding=encoding, newline="" if "b" not in mode else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_write(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    with atomic_write(path, "w", encoding=encoding) as handle:
        handle.write(text)


@functools.cache
def _umask() -> int:
    # Reading the umask means setting it; do it once, so threads writing files later never see it at 0.
    current = os.umask(0)
    os.umask(current)
    return current


def new_file_mode(folder: Path) -> int:
    """The mode for a new file in ``folder``: private below a folder the app made private (its data, config,
    cache and logs), else the umask's usual one: an export saved to the desktop should stay shareable."""
    resolved = folder.resolve()
    with _private_lock:
        private = any(resolved.is_relative_to(root) for root in _private_roots)
    return PRIVATE_FILE_MODE if private else 0o666 & ~_umask()


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` if needed and make it 0700 on POSIX (it holds personal data). A folder we may not
    change (someone else's, a share) is left as it is: refusing to start would help nobody."""
    folder.mkdir(parents=True, exist_ok=True)
    with _private_lock:
        _private_roots.add(folder.resolve())
    if os.name == "posix" and stat.S_IMODE(folder.stat().st_mode) != PRIVATE_FOLDER_MODE:
        try:
            os.chmod(folder, PRIVATE_FOLDER_MODE)
        except OSError as exc:
            log.warning("Cannot make %s private (%s)", folder, exc)
    return folder


def make_private_file(file: Path) -> None:
    """Make an existing file 0600 on POSIX; a missing one is fine, a refused change is logged."""
    if os.name != "posix":
        return
    try:
        if stat.S_IMODE(file.stat().st_mode) != PRIVATE_FILE_MODE:
            os.chmod(file, PRIVATE_FILE_MODE)
    except FileNotFoundError:
        return
    except OSError as exc:
        log.warning("Cannot make %s private (%s)", file, exc)


def sweep_once(folder: Path) -> None:
    """``remove_stale_parts`` the first time this process writes into ``folder``: a folder written to often
    (the media store, an export folder) is listed once, not on every write."""
    with _swept_lock:
        if folder in _swept:
            return
        _swept.add(folder)
    remove_stale_parts(folder)


def remove_stale_parts(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove this app's temp files older than an hour from ``folder`` (a killed process's leftovers)."""
    limit = (time.time() if now is None else now) - STALE_PART_SECONDS
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _PART_NAME.match(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    if removed:
        log.info("Removed %d stale temp file(s) from %s", len(removed), folder)
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename into ``folder`` durable: on POSIX the folder entry itself is synced (Windows cannot open
    folders this way, and does not need to). Best effort: a file system that refuses it is left as it is."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
