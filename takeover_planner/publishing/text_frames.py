"""The picture that goes to Instagram for a frame: its file, with the frame's on-screen text burned in when it
has some (the Graph API has no text for stories; see ``media/text_overlay.py``). Videos go as they are for now:
their text reaches the story only through the hand-off checklist."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from takeover_planner.media.text_overlay import burn_text
from takeover_planner.publishing.publisher import FrameToPublish


def burns_text(frame: FrameToPublish) -> bool:
    return frame.media_kind == "image" and bool(frame.text.strip())


@contextmanager
def published_picture(frame: FrameToPublish) -> Iterator[Path]:
    """The file to upload for ``frame``, valid inside the ``with`` block (a burned copy is deleted after it).

    Raises ``TextTooLong`` when the text cannot be set legibly.
    """
    assert frame.media_path is not None
    if not burns_text(frame):
        yield frame.media_path
        return
    with tempfile.TemporaryDirectory(prefix="tp-story-text-") as folder:
        yield burn_text(frame.media_path, frame.text, Path(folder) / f"frame-{frame.frame_id}.jpg")
