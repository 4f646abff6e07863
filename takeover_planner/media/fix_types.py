"""What a fix is asked to do and what it reports back (shared by the image and the video fix)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from takeover_planner.errors import TakeoverError, ValidationError
from takeover_planner.media.geometry import STORY_SIZE, Focus

FitMode = Literal["crop", "pad"]


class FixRefused(TakeoverError):
    """This file cannot be fixed (it is broken, a bomb, or not media); the message says why in plain words for a
    contributor (``texts.media.MediaText``), and ``details`` keeps the technical cause for the log."""


@dataclass(frozen=True)
class FixOptions:
    mode: FitMode = "pad"
    focus: Focus = Focus()
    target: tuple[int, int] = STORY_SIZE
    jpeg_quality: int = 90
    max_image_bytes: int = 8 * 1024**2
    # x264 speed/size trade-off; "veryfast" keeps a 15 s clip to seconds on two cores. Tests use "ultrafast".
    video_preset: str = "veryfast"
    video_crf: int = 21
    video_max_bitrate: int = 20_000_000  # under Instagram's 25 Mbit/s with room for the sound and the container
    audio_bitrate: int = 128_000
    fps_range: tuple[float, float] = (23.0, 60.0)
    duration_range: tuple[float, float] = (3.0, 60.0)
    # A clip shorter than the minimum is held on its last picture until it lasts this much longer than it.
    hold_margin_s: float = 0.25
    # Re-encode (and so fit to 1080×1920) even a clip whose only problems are container details or advice.
    reencode: bool = False


@dataclass
class FixedFile:
    """One derivative: a path, and the recipe that made it (stored with the asset)."""

    path: Path
    recipe: dict[str, Any] = field(default_factory=dict)


DEFAULT_FIX = FixOptions()


class TextTooLong(ValidationError):
    """On-screen text does not fit legibly in the picture's safe zone (``media.text_overlay`` decides; the
    publishers catch it without loading Pillow's drawing code)."""
