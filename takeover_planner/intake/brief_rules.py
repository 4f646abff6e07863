"""The story format rules in plain words, grouped for people: pictures, video, the safe zone, every file.

The numbers come from the rule set in force (``media.rules.RuleSet``), so the brief says exactly what the
checks will enforce; a comms officer who changes a limit in the TOML file changes the brief with it. A rule
the set does not have falls back to Instagram's published limit (docs: shared INSTAGRAM.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Meta's advice for stories (never checked by the API): Instagram draws the profile line at the top and the
# reply field at the bottom. The review window shades the same bands on its phone preview.
SAFE_TOP_PX = 250
SAFE_BOTTOM_PX = 380


@dataclass(frozen=True)
class StoryLimits:
    image_formats: tuple[str, ...]
    image_mb: int
    video_containers: tuple[str, ...]
    video_min_s: float
    video_max_s: float
    video_mb: int
    fps_min: float
    fps_max: float
    width: int
    height: int


@dataclass(frozen=True)
class RuleGroup:
    key: str  # pictures | video | safe_zone | all_files
    title: str
    lines: tuple[str, ...]


def _limit(rule_set: Any, rule_id: str, key: str, default: Any) -> Any:
    try:
        return rule_set.rule(rule_id).limits.get(key, default)
    except (KeyError, AttributeError):
        return default


def story_limits(rule_set: Any) -> StoryLimits:
    """The limits a contributor needs to know, read from ``rule_set``."""
    formats = _limit(rule_set, "image.format", "allowed", ["JPEG"])
    containers = _limit(rule_set, "video.container", "allowed", ["mp4", "mov"])
    return StoryLimits(
        image_formats=tuple(str(f).upper() for f in formats) or ("JPEG",),
        image_mb=int(_limit(rule_set, "image.file_size", "max_bytes", 8 * 1024**2)) // 1024**2,
        video_containers=tuple(str(c).upper() for c in containers) or ("MP4", "MOV"),
        video_min_s=float(_limit(rule_set, "video.too_short", "min", 3.0)),
        video_max_s=float(_limit(rule_set, "video.too_long", "max", 60.0)),
        video_mb=int(_limit(rule_set, "video.file_size", "max_bytes", 100_000_000)) // 1_000_000,
        fps_min=float(_limit(rule_set, "video.fps", "min", 23)),
        fps_max=float(_limit(rule_set, "video.fps", "max", 60)),
        width=int(_limit(rule_set, "image.resolution", "width", 1080)),
        height=int(_limit(rule_set, "image.resolution", "height", 1920)),
    )


def _either(items: tuple[str, ...], word: str) -> str:
    """"JPEG", "MP4 or MOV", "JPEG, PNG or WEBP"."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def format_groups(rule_set: Any, language: str) -> list[RuleGroup]:
    """The format rules as short groups in ``language`` ("nb" or "en")."""
    lim = story_limits(rule_set)
    size = f"{lim.width} × {lim.height}"
    seconds = f"{lim.video_min_s:g}–{lim.video_max_s:g}"
    fps = f"{lim.fps_min:g}–{lim.fps_max:g}"
    if language == "nb":
        return [
            RuleGroup("pictures", "Bilder", (
                f"{_either(lim.image_formats, 'eller')}, høyst {lim.image_mb} MB.",
                "HEIC og PNG fra telefonen gjør appen om med ett klikk.",
                f"Best: {size} piksler, høykant (9:16).",
            )),
            RuleGroup("video", "Video", (
                f"{_either(lim.video_containers, 'eller')}, høyst {lim.video_mb} MB.",
                f"{seconds} sekunder per klipp; lengre klipp deler appen opp for deg.",
                f"{fps} bilder per sekund, som fra en vanlig telefon.",
                f"Best: {size} piksler, høykant (9:16).",
            )),
            RuleGroup("safe_zone", "Trygg sone", (
                f"Hold tekst, ansikter og logoer unna de øverste {SAFE_TOP_PX} og de nederste {SAFE_BOTTOM_PX} "
                f"pikslene (av {lim.height}). Der legger Instagram navn, knapper og svarfelt.",
            )),
            RuleGroup("all_files", "Alle filer", (
                "Appen sjekker hver fil når du legger den til, og lager en rettet kopi ved behov. Originalen "
                "endres aldri.",
                "Stedsdata (GPS) fjernes når en fil rettes opp.",
            )),
        ]
    return [
        RuleGroup("pictures", "Pictures", (
            f"{_either(lim.image_formats, 'or')}, at most {lim.image_mb} MB.",
            "HEIC and PNG from a phone are converted by the app with one click.",
            f"Best: {size} pixels, upright (9:16).",
        )),
        RuleGroup("video", "Video", (
            f"{_either(lim.video_containers, 'or')}, at most {lim.video_mb} MB.",
            f"{seconds} seconds per clip; the app splits longer clips for you.",
            f"{fps} frames per second, as from any ordinary phone.",
            f"Best: {size} pixels, upright (9:16).",
        )),
        RuleGroup("safe_zone", "Safe zone", (
            f"Keep text, faces and logos out of the top {SAFE_TOP_PX} and the bottom {SAFE_BOTTOM_PX} pixels "
            f"(of {lim.height}). Instagram puts the name, buttons and reply field there.",
        )),
        RuleGroup("all_files", "All files", (
            "The app checks each file as you add it, and makes a fixed copy when needed. Your original is "
            "never changed.",
            "Location data (GPS) is removed when a file is fixed.",
        )),
    ]
