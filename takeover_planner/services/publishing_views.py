"""What the window's publishing panel lists: the frames in the publish ledger, newest first, each with the
slot, department and account it belongs to, and its status from ``publishing_service.frame_statuses``.

Kept apart from ``publishing_service`` (the queue, tokens and hosting): this is a read for one screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from takeover_planner.services.context import AppContext
from takeover_planner.services.publishing_service import FramePublishStatus, frame_statuses
from takeover_planner.storage.models import Account, Department, PublishJob, StoryFrame, TakeoverSlot

BOARD_LIMIT = 200  # the panel is about what is happening now, not the whole history


@dataclass(frozen=True)
class FrameLine:
    frame_id: int
    slot_id: int
    department: str
    account: str
    position: int
    planned_at: dt.datetime | None
    status: FramePublishStatus


def publishing_board(ctx: AppContext, limit: int = BOARD_LIMIT) -> list[FrameLine]:
    """The ledger's frames, latest planned time first (frames without a time last)."""
    with ctx.db.session() as s:
        rows = s.execute(
            select(StoryFrame.id, StoryFrame.slot_id, StoryFrame.position, StoryFrame.planned_at,
                   Department.name, Account.name)
            .join(PublishJob, PublishJob.frame_id == StoryFrame.id)
            .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
            .join(Department, Department.id == TakeoverSlot.department_id)
            .join(Account, Account.id == TakeoverSlot.account_id)
            .order_by(StoryFrame.planned_at.desc().nulls_last(), StoryFrame.id.desc())
            .distinct()  # a cross-posted frame has a job per channel: one line, its channels in its status
            .limit(limit)
        ).all()
    statuses = frame_statuses(ctx, [row[0] for row in rows]) if rows else {}
    return [
        FrameLine(frame_id, slot_id, department, account, position, planned_at, statuses[frame_id])
        for frame_id, slot_id, position, planned_at, department, account in rows
        if frame_id in statuses
    ]
