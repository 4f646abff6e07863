"""The file that goes to Instagram for a frame: its own, or — when it has on-screen text — a copy with the text
burned in (the Graph API has no text for stories): a picture through ``media/text_overlay.py``, a video through
``media/video_text.py``, both with the same drawing of the text in the story's safe zone.

Sticker frames never come here (they go by hand, the text typed on the phone); neither do text frames when the
``publish.text_frames`` setting sends them to hand-off (``text_goes_by_hand``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from takeover_planner.media.fix_types import DEFAULT_FIX, FixOptions
from takeover_planner.publishing.publisher import FrameToPublish

# publish.text_frames: "burn" (into the picture or video, published through the API) or "handoff" (the frame
# goes into the hand-off pack and the text is added on the phone).
BURN = "burn"
HANDOFF = "handoff"
TEXT_FRAME_CHOICES = (BURN, HANDOFF)
# The re-encode of a video with its text: the video fix's own choices (x264 "veryfast": a 15 s clip in seconds).
VIDEO_OPTIONS: FixOptions = DEFAULT_FIX


def has_text(frame: FrameToPublish) -> bool:
    return bool(frame.text.strip())


def text_goes_by_hand(frame: FrameToPublish, choice: str) -> bool:
    """Whether the ``publish.text_frames`` choice sends this frame to hand-off because of its text."""
    return choice == HANDOFF and has_text(frame)


def burns_text(frame: FrameToPublish) -> bool:
    return frame.media_kind in ("image", "video") and has_text(frame)


def published_suffix(frame: FrameToPublish) -> str:
    """The extension of the file that goes out (a burned copy is a JPEG or an MP4, whatever came in)."""
    if burns_text(frame):
        return ".jpg" if frame.media_kind == "image" else ".mp4"
    assert frame.media_path is not None
    return frame.media_suffix or frame.media_path.suffix


@contextmanager
def published_media(frame: FrameToPublish) -> Iterator[Path]:
    """The file to upload for ``frame``, valid inside the ``with`` block (a burned copy is deleted after it).

    Raises ``TextTooLong`` when the text cannot be set legibly, ``FixRefused`` when a video cannot be re-encoded.
    """
    assert frame.media_path is not None
    if not burns_text(frame):
        yield frame.media_path
        return
    with tempfile.TemporaryDirectory(prefix="tp-story-text-") as folder:
        if frame.media_kind == "image":
            # Pillow's drawing: only for a text frame
            from takeover_planner.media.text_overlay import burn_text

            yield burn_text(frame.media_path, frame.text, Path(folder) / f"frame-{frame.frame_id}.jpg")
            return
        from takeover_planner.media.video_text import burn_text_into_video  # PyAV: only for a video with text

        yield burn_text_into_video(frame.media_path, frame.text, Path(folder) / f"frame-{frame.frame_id}.mp4",
                                   options=VIDEO_OPTIONS)
