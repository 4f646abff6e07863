"""Where the picture goes in a 1080×1920 story: crop to fill around a focus point, or fit inside.

Shared by the image and the video fix, so both place a picture the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

STORY_SIZE = (1080, 1920)


@dataclass(frozen=True)
class Focus:
    """A point in the displayed picture, 0–1 across and down; the crop keeps it as central as it can."""

    x: float = 0.5
    y: float = 0.5

    def __post_init__(self) -> None:
        if not (0.0 <= self.x <= 1.0 and 0.0 <= self.y <= 1.0):
            raise ValueError("the focus point must lie inside the picture (0–1 across and down)")


def crop_box(width: int, height: int, target: tuple[int, int] = STORY_SIZE,
             focus: Focus = Focus()) -> tuple[int, int, int, int]:
    """The largest box of the target's shape inside width×height, centred on ``focus`` where it fits."""
    target_ratio = target[0] / target[1]
    if width / height > target_ratio:
        box_h = height
        box_w = max(1, min(width, round(height * target_ratio)))
    else:
        box_w = width
        box_h = max(1, min(height, round(width / target_ratio)))
    left = _clamp(round(focus.x * width - box_w / 2), 0, width - box_w)
    top = _clamp(round(focus.y * height - box_h / 2), 0, height - box_h)
    return left, top, left + box_w, top + box_h


def fit_size(width: int, height: int, target: tuple[int, int] = STORY_SIZE, *, even: bool = False) -> tuple[int, int]:
    """The size of width×height scaled to fit inside the target, keeping its shape."""
    scale = min(target[0] / width, target[1] / height)
    fitted_w = max(1, min(target[0], round(width * scale)))
    fitted_h = max(1, min(target[1], round(height * scale)))
    if even:
        fitted_w, fitted_h = max(2, fitted_w - fitted_w % 2), max(2, fitted_h - fitted_h % 2)
    return fitted_w, fitted_h


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
