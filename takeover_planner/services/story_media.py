"""Adapter between the stories workflow and the media layer (``takeover_planner.media``).

Why it exists: a package import must write its media-asset rows in the *same* transaction as its frames,
consents and submission row, so it needs "store these files, give me rows in my session". The media layer
offers the parts (``importer.import_many``: hash + probe + rules + store + thumbnail; ``fix.fix_file``); this
module puts them together for that use, and ``media_service.asset_row`` gives the rows in the caller's session.
Files reach the media store only after a package passed every check.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from takeover_planner.errors import TakeoverError
from takeover_planner.media.importer import UNSTORABLE, ImportedFile, ImportJob, import_many
from takeover_planner.media.model import Judgement, MediaInfo
from takeover_planner.media.probe import probe_file
from takeover_planner.media.rules import load_rules
from takeover_planner.services.context import AppContext
from takeover_planner.texts import Text
from takeover_planner.texts.media import MediaText


def rules_path(ctx: AppContext | None) -> str | None:
    return (ctx.settings.get("rules.path") or None) if ctx is not None else None


def judge(path: str | os.PathLike[str], ctx: AppContext | None = None) -> Judgement:
    """Probe a file (headers only) and judge it against the rule set in force."""
    return load_rules(rules_path(ctx)).judge(probe_file(path))


def unstorable_reason(info: MediaInfo) -> MediaText | None:
    """Why a probed file cannot be stored at all ("is empty (0 bytes)"), or None when it can."""
    return UNSTORABLE.get(info.problem)


def _job(ctx: AppContext) -> ImportJob:
    return ImportJob(store_root=str(ctx.media_dir), thumbnail_dir=str(ctx.paths.thumbnail_dir),
                     rules_path=rules_path(ctx) or "")


def store_files(ctx: AppContext, paths: Sequence[Path]) -> dict[Path, ImportedFile]:
    """Copy files into the media store (probing, judging and thumbnailing them); results by source path."""
    workers = 2 if len(paths) >= 4 else 1
    results = {Path(r.source): r for r in import_many([str(p) for p in paths], _job(ctx), workers=workers)}
    for path in paths:
        got = results.get(Path(path))
        if got is None or not got.stored:
            problem = got.why_not_stored() if got is not None else Text(MediaText.NOT_PROCESSED)
            raise TakeoverError(MediaText.NOT_STORED, file=Path(path).name, problem=problem)
    return results


def stored_path(ctx: AppContext, sha256: str) -> Path:
    from takeover_planner.media.store import MediaStore

    return MediaStore(ctx.media_dir).path_for(sha256)
