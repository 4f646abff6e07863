"""Pictures for previews, made off the GUI thread: a bounded JPEG of the (upright) picture or the first video
frame, decoded with the media layer (so HEIC, AVIF and video work as they do everywhere else)."""

from __future__ import annotations

from pathlib import Path

from takeover_planner.media.probe import probe_file
from takeover_planner.media.thumbnails import ThumbnailError, make_thumbnail

PREVIEW_EDGE = 960  # long edge of a preview picture: enough for a phone-sized view, small in memory


def preview_jpeg(path: Path, edge: int = PREVIEW_EDGE) -> bytes | None:
    """JPEG bytes of the picture (or a video's first frame); None when the file cannot be shown."""
    try:
        return make_thumbnail(path, probe_file(path), edge)
    except (ThumbnailError, OSError):
        return None
