""""Fix it" on the review screen, run on a worker (no Qt here): make the compliant copy of a frame's file and
put every part of it in the story.

A clip longer than Instagram's 60 s comes back from ``media_service.fix_asset`` as several parts. The
contributor window turns each part into a frame of its own, and so does this: the first part becomes the
frame's fixed copy, and each later part a new frame right after it with the same original, planned time,
credit and consent (it is the same footage, showing the same people). Like the contributor window, the
on-screen text, notes and sticker stay on the first part only. A new part is submitted when the fixed frame
is waiting for review, so it can be approved with it.

The stories service has no single call for "add frames from fix parts", so this is done with its existing
calls (``set_files``, ``add_frame``, ``consents.link``, ``submit``, ``reorder_frames``), each a transaction of
its own with its audit event and the same role checks as anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from takeover_planner.domain.review import FrameState
from takeover_planner.errors import ValidationError
from takeover_planner.media.fix_types import FixOptions
from takeover_planner.services.context import AppContext
from takeover_planner.services.story_views import FrameInfo


@dataclass(frozen=True)
class FixedFrames:
    frame_id: int  # the frame whose file was fixed (it holds the first part)
    part_frame_ids: tuple[int, ...]  # the frames made for the later parts, in order

    @property
    def parts(self) -> int:
        return 1 + len(self.part_frame_ids)


def fix_frame(ctx: AppContext, frame: FrameInfo, mode: str = "pad", options: FixOptions | None = None) -> FixedFrames:
    from takeover_planner.services import consents, media_service, stories

    if frame.original is None:
        raise ValidationError(f"Frame #{frame.id} has no file to fix.")
    result = media_service.fix_asset(ctx, frame.original.id, mode, options=options)
    first = stories.set_files(ctx, frame.id, derivative_asset_id=result.assets[0].id)
    total = len(result.assets)
    made: list[int] = []
    for number, asset in enumerate(result.assets[1:], start=2):
        part = stories.add_frame(ctx, frame.slot_id, original_asset_id=frame.original.id,
                                 planned_at=frame.planned_at, credit=frame.credit, shows_people=frame.shows_people)
        stories.set_files(ctx, part.id, derivative_asset_id=asset.id)
        for consent in frame.consents:
            if consent.withdrawn_at is None:
                consents.link(ctx, part.id, consent.id)
        if first.state == FrameState.SUBMITTED:
            stories.submit(ctx, part.id, comment=f"Part {number} of {total} of frame #{frame.id}'s video.")
        made.append(part.id)
    if made:
        order = [f.id for f in stories.list_frames(ctx, frame.slot_id) if f.id not in made]
        at = order.index(frame.id) + 1
        stories.reorder_frames(ctx, frame.slot_id, order[:at] + made + order[at:])
    return FixedFrames(frame.id, tuple(made))
