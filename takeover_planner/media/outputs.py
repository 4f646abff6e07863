"""Atomic output files for tools that need a path (PyAV muxers), not a file object.

``fileio.atomic_write`` hands out a file object; an MP4 muxer writing ``faststart`` must reopen and
rewrite its own file, so it gets a temporary *path* in the target folder instead. The same promise holds:
temp file, fsync, rename, or nothing at all. The file gets ``fileio.new_file_mode`` (the umask's usual mode, private
inside the app's own folders), as pictures written by ``fileio`` do, not ``mkstemp``'s 0600: fixed videos and
pictures come out with the same mode; the media store makes its copies read-only.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from takeover_planner.fileio import fsync_folder, new_file_mode, sweep_once


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    final = Path(target)
    final.parent.mkdir(parents=True, exist_ok=True)
    sweep_once(final.parent)
    fd, temp_name = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=f".part{final.suffix}", dir=final.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        os.chmod(temp, new_file_mode(final.parent))
        yield temp
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, final)
        fsync_folder(final.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise

