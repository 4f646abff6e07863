"""One entry point: ``probe_file(path)`` → ``MediaInfo``. It never raises for a bad file.

The file is recognised by content, then handed to the image or video prober. Anything a hostile file
makes a parser do wrong (a third-party library raising something odd) ends as an "unreadable" problem.
"""

from __future__ import annotations

import logging
import os
import stat

from takeover_planner.media.limits import DEFAULT_LIMITS, Deadline, ProbeLimits, ProbeTimeout
from takeover_planner.media.model import (
    PROBLEM_EMPTY,
    PROBLEM_MISSING,
    PROBLEM_NOT_MEDIA,
    PROBLEM_TIMEOUT,
    PROBLEM_TOO_LARGE,
    PROBLEM_UNREADABLE,
    MediaInfo,
)
from takeover_planner.media.sniff import extension_format, sniff

log = logging.getLogger(__name__)

HEAD_BYTES = 256
# Instagram takes images up to 8 MiB; past this an "image" is not worth reading (WebP is read whole).
MAX_IMAGE_FILE_BYTES = 256 * 1024**2


def probe_file(path: str | os.PathLike[str], limits: ProbeLimits = DEFAULT_LIMITS) -> MediaInfo:
    name = os.fspath(path)
    info = MediaInfo(path=name, extension_format=extension_format(name))
    try:
        status = os.stat(name)
    except OSError as exc:
        info.problem, info.problem_detail = PROBLEM_MISSING, exc.strerror or str(exc)
        return info
    size = info.size_bytes = status.st_size
    if not stat.S_ISREG(status.st_mode):
        info.problem, info.problem_detail = PROBLEM_NOT_MEDIA, "not a regular file"
        return info
    if size == 0:
        info.problem = PROBLEM_EMPTY
        return info
    if size > limits.max_file_bytes:
        info.problem, info.problem_detail = PROBLEM_TOO_LARGE, f"{size} bytes"
        return info
    deadline = Deadline(limits.max_seconds)
    try:
        with open(name, "rb") as f:
            head = f.read(HEAD_BYTES)
            found = sniff(head)
            if found.kind == "image":
                if size > MAX_IMAGE_FILE_BYTES:
                    info.kind, info.format = "image", found.container
                    info.problem, info.problem_detail = PROBLEM_TOO_LARGE, f"{size} bytes"
                    return info
                from takeover_planner.media.probe_image import probe_image

                probe_image(f, info, found.container, head, limits, deadline)
            elif found.kind == "video":
                from takeover_planner.media.probe_video import probe_video

                probe_video(f, info, found.container, limits, deadline)
            else:
                info.problem = PROBLEM_NOT_MEDIA
    except ProbeTimeout as exc:
        info.problem, info.problem_detail = PROBLEM_TIMEOUT, str(exc)
    except OSError as exc:
        info.problem, info.problem_detail = PROBLEM_UNREADABLE, exc.strerror or str(exc)
    except MemoryError:
        info.problem, info.problem_detail = PROBLEM_UNREADABLE, "ran out of memory reading the headers"
    except Exception as exc:  # hostile input: a parser's odd exception is a finding, never a crash
        log.debug("probe of %s failed", name, exc_info=True)
        info.problem, info.problem_detail = PROBLEM_UNREADABLE, f"{type(exc).__name__}: {exc}"[:200]
    return info
