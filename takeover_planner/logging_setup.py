"""Logging to a rotating file in the log folder (and to stderr for warnings when on a terminal)."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

from takeover_planner.fileio import make_private_file, make_private_folder
from takeover_planner.paths import AppPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files name people and departments: each new file (the first, and after a rotation) is made 0600.
    It sits in the private log folder, so the moment before the chmod exposes nothing."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        make_private_file(Path(self.baseFilename))
        return stream


def configure_logging(paths: AppPaths, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "_takeover_planner", False)]
    target = os.path.abspath(paths.log_file)  # what FileHandler keeps as its baseFilename
    if any(getattr(h, "baseFilename", None) == target for h in ours):
        return
    # Another home in the same process (tests, or a command run in-process with --home): log where it says.
    for handler in ours:
        root.removeHandler(handler)
        handler.close()
    make_private_folder(paths.log_dir)
    handler = _PrivateRotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._takeover_planner = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
