"""One call: a story-ready derivative next to the untouched original, and how it was made.

Images become one JPEG; videos become one MP4 (remuxed or re-encoded) or, past 60 s, several.
"""

from __future__ import annotations

from pathlib import Path

from takeover_planner.media.fix_types import DEFAULT_FIX, FixedFile, FixOptions, FixRefused
from takeover_planner.media.model import Judgement
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.texts.media import MediaText

DERIVATIVE_TAG = "story"


def derivative_name(source: Path, kind: str) -> str:
    return f"{source.stem}.{DERIVATIVE_TAG}.{'jpg' if kind == 'image' else 'mp4'}"


def fix_file(source: Path, out_dir: Path, judgement: Judgement, options: FixOptions = DEFAULT_FIX,
             progress: ProgressCallback = no_progress, cancel: CancelToken | None = None,
             dest: Path | None = None) -> list[FixedFile]:
    """Write the derivative(s) of ``source`` into ``out_dir`` (or to ``dest``); refuse what cannot be fixed."""
    info = judgement.info
    if info.problem or info.kind == "unknown":
        reasons = [f.words for f in judgement.findings if f.severity == "error"]
        if not reasons:
            raise FixRefused(MediaText.NOT_MEDIA, file=source.name)
        raise FixRefused(MediaText.CANNOT_FIX, details={"problem": info.problem}, file=source.name, problems=reasons)
    unfixable = [f for f in judgement.findings if f.severity == "error" and not f.fixable]
    if unfixable:
        raise FixRefused(MediaText.CANNOT_FIX, details={"rules": [f.rule for f in unfixable]}, file=source.name,
                         problems=[f.words for f in unfixable])
    target = dest if dest is not None else out_dir / derivative_name(source, info.kind)
    # Each fixer is imported when a file of its kind is fixed: the video one loads PyAV's FFmpeg libraries (tens of
    # megabytes), which a process that only reads frames (the window's publish queue, a picture fix) never needs.
    if info.kind == "image":
        from takeover_planner.media.fix_image import fix_image

        return [fix_image(source, target, info, options, progress, cancel)]
    from takeover_planner.media.fix_video import fix_video

    return fix_video(source, target, info, judgement.findings, options, progress, cancel)
