"""The story format rules in plain words, grouped for people: pictures, video, the safe zone, every file.

The numbers come from the rule set in force (``media.rules.RuleSet``), so the brief says exactly what the
checks will enforce; a comms officer who changes a limit in the TOML file changes the brief with it. A rule
the set does not have falls back to Instagram's published limit (docs: shared INSTAGRAM.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from takeover_planner.texts.brief import BriefWords, FormatRule

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


def format_groups(rule_set: Any, language: str) -> list[RuleGroup]:
    """The format rules as short groups in ``language`` ("nb" or "en")."""
    lim = story_limits(rule_set)
    words = BriefWords(language)
    best = words(FormatRule.BEST_SIZE, width=lim.width, height=lim.height)
    return [
        RuleGroup("pictures", words(FormatRule.PICTURES), (
            words(FormatRule.AT_MOST, formats=words.either(lim.image_formats), mb=lim.image_mb),
            words(FormatRule.CONVERTED),
            best,
        )),
        RuleGroup("video", words(FormatRule.VIDEO), (
            words(FormatRule.AT_MOST, formats=words.either(lim.video_containers), mb=lim.video_mb),
            words(FormatRule.SECONDS, min_s=lim.video_min_s, max_s=lim.video_max_s),
            words(FormatRule.FPS, fps_min=lim.fps_min, fps_max=lim.fps_max),
            best,
        )),
        RuleGroup("safe_zone", words(FormatRule.SAFE_ZONE), (
            words(FormatRule.SAFE_BANDS, top=SAFE_TOP_PX, bottom=SAFE_BOTTOM_PX, height=lim.height),
        )),
        RuleGroup("all_files", words(FormatRule.ALL_FILES), (
            words(FormatRule.CHECKED),
            words(FormatRule.LOCATION),
        )),
    ]
