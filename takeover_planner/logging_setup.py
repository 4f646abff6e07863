"""Logging to a rotating file in the log folder (and to stderr for warnings when on a terminal)."""

from __future__ import annotations

import logging
import logging.handlers

from takeover_planner.paths import AppPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(paths: AppPaths, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_takeover_planner", False) for h in root.handlers):
        return
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._takeover_planner = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
