"""One rule for a split video, wherever it is split: every part inherits everything of the frame it came from.

A clip longer than Instagram's 60 s is fixed into several parts, each a frame of its own. The parts show the
same footage, so they show the same people: each part carries the same consent, and also the same time, on-screen
text, notes, sticker and credit; only its file differs. It is labelled "part 2 of 3" wherever it is listed.

The contributor window (frames not yet in any database: ``split_work_frame``) and the review screen (frames in
a slot's story: ``split_story_frame``) both split through here, so the two cannot drift apart again (they did:
the window once copied only the time and credit, and a part without its consent was approved).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from takeover_planner.errors import ValidationError
from takeover_planner.media.fix_types import FixedFile, FixOptions
from takeover_planner.media.model import Judgement
from takeover_planner.services import stories
from takeover_planner.services.context import AppContext
from takeover_planner.services.contributor_work import WorkFrame, new_frame_id
from takeover_planner.services.story_views import FrameInfo
from takeover_planner.texts import Text
from takeover_planner.texts.stories import StoriesText
from takeover_planner.texts.ui import UiText


@dataclass(frozen=True)
class PartLabel:
    part: int
    parts: int

    @property
    def text(self) -> Text:
        return Text(StoriesText.PART_OF, {"part": self.part, "parts": self.parts})


def part_labels(keys: Sequence[tuple[int, Hashable | None]]) -> dict[int, PartLabel]:
    """``(frame id, split key)`` in story order → the label of every frame that is one part of several.

    Frames with the same key (not None) are the parts of one split, numbered in the order given.
    """
    groups: dict[Hashable, list[int]] = {}
    for frame_id, key in keys:
        if key is not None:
            groups.setdefault(key, []).append(frame_id)
    return {frame_id: PartLabel(number, len(ids)) for ids in groups.values() if len(ids) > 1
            for number, frame_id in enumerate(ids, start=1)}


# --- the contributor's frames -------------------------------------------------------------------------


def split_work_frame(frame: WorkFrame, parts: Sequence[FixedFile], after: Sequence[Judgement],
                     recipe: dict[str, Any]) -> list[WorkFrame]:
    """Give ``frame`` the first fixed part and make a full copy of it for each later part; every part's
    frame is returned in order (the caller puts the new ones right after ``frame``).

    ``after`` is each part's verdict; ``recipe`` what is recorded of the fix besides each part's own recipe.
    """
    split_from = frame.id if len(parts) > 1 else None
    made: list[WorkFrame] = []
    for number, (part, judgement) in enumerate(zip(parts, after, strict=True)):
        target = frame if number == 0 else dataclasses.replace(frame, id=new_frame_id())
        target.fixed, target.recipe = part.path, {**recipe, **flat_recipe(part.recipe)}
        target.judgement, target.split_from = judgement, split_from
        made.append(target)
    return made


def work_part_labels(frames: Sequence[WorkFrame]) -> dict[int, PartLabel]:
    return part_labels([(f.id, f.split_from) for f in frames])


def flat_recipe(recipe: dict[str, Any]) -> dict[str, Any]:
    """A fix recipe as short scalars, the way the package format records it."""
    out: dict[str, Any] = {}
    for key, value in list(recipe.items())[:38]:
        if value is None or isinstance(value, (bool, int, float)):
            out[str(key)[:60]] = value
        else:
            out[str(key)[:60]] = str(value)[:500]
    return out


# --- frames in a slot's story ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SplitFrames:
    frame_id: int  # the frame whose file was fixed (it holds the first part)
    part_frame_ids: tuple[int, ...]  # the frames made for the later parts, in order

    @property
    def parts(self) -> int:
        return 1 + len(self.part_frame_ids)


def split_story_frame(ctx: AppContext, frame: FrameInfo, mode: str = "pad",
                      options: FixOptions | None = None) -> SplitFrames:
    """Fix a frame's file; a video that comes back in several parts becomes several frames (see above)."""
    from takeover_planner.services import media_service  # PyAV and Pillow: only once something is fixed

    if frame.original is None:
        raise ValidationError(UiText.FRAME_NO_FILE, frame_id=frame.id)
    # The fix meets the rules of every channel the frame goes out on (a cross-posted one: the Page's too).
    channel = stories.channel_of_frame(ctx, frame.id)
    result = media_service.fix_asset(ctx, frame.original.id, mode, options=options, channel=channel)
    parts = stories.split_into_parts(ctx, frame.id, [asset.id for asset in result.assets])
    return SplitFrames(frame.id, tuple(p.id for p in parts[1:]))


def story_part_labels(frames: Sequence[FrameInfo]) -> dict[int, PartLabel]:
    """Frames that share an original video and each publish a fixed copy of it are the parts of one split."""
    return part_labels([(f.id, f.original.id if f.original is not None and f.original.kind == "video"
                         and f.derivative is not None else None) for f in frames])
