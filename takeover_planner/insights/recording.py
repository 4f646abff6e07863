"""Writing what one read of a story brought back into its ``story_insight`` row.

A read is an idempotent overwrite with newer numbers (older ones are kept where the new read has none), so two
runners at once (the window and cron) are harmless; the row is made on first use, and a runner that loses the
race to insert it updates the winner's row instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from takeover_planner.insights.graph_reader import StoryAnswer, StoryRead
from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import StoryInsight


@dataclass(frozen=True)
class StoryKey:
    """Which published story a row belongs to."""

    frame_id: int
    account_id: int
    media_id: str
    published_at: dt.datetime


def record_read(db: Database, story: StoryKey, read: StoryRead, now: dt.datetime) -> None:
    """Keep what Instagram answered: numbers, "not enough viewers", or "gone"."""
    def apply(row: StoryInsight) -> None:
        row.last_attempt_at = now
        row.last_error = str(read.note) if read.note is not None else ""
        row.not_enough_viewers = read.answer == StoryAnswer.NOT_ENOUGH_VIEWERS
        row.gone = read.answer == StoryAnswer.GONE
        if read.answer != StoryAnswer.NUMBERS or read.numbers.empty:
            return
        older = StoryNumbers(**{name: getattr(row, name) for name in StoryNumbers.names()})
        for name, value in read.numbers.merged_over(older).as_dict().items():
            setattr(row, name, value)
        row.reads = (row.reads or 0) + 1
        row.first_read_at = row.first_read_at or now
        row.last_read_at = now

    _upsert(db, story, apply)


def record_failure(db: Database, story: StoryKey, message: str) -> None:
    """Keep why a read failed. No ``last_attempt_at``: it is tried again on the next run, not at the next
    checkpoint."""
    def apply(row: StoryInsight) -> None:
        row.last_error = message

    _upsert(db, story, apply)


def _upsert(db: Database, story: StoryKey, apply: Callable[[StoryInsight], None]) -> None:
    for attempt in (1, 2):
        try:
            with db.write() as s:
                row = s.scalar(select(StoryInsight).where(StoryInsight.frame_id == story.frame_id))
                if row is None:
                    row = StoryInsight(frame_id=story.frame_id, account_id=story.account_id,
                                       media_id=story.media_id, published_at=story.published_at, reads=0,
                                       not_enough_viewers=False, gone=False, last_error="", sample=False)
                    s.add(row)
                apply(row)
            return
        except IntegrityError:
            # Another runner inserted the row between our look and our insert: update theirs instead.
            if attempt == 2:
                raise
