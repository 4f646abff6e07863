"""When to read a story's insights, and what to call what was (or was not) collected.

Instagram keeps story insights for 24 hours after posting. The numbers grow during that day, so a frame is
read at several checkpoints (1, 3, 6, 10, 15 and 20 hours after posting) and once more shortly before the
window closes (23 hours); each read keeps the latest values and when they were read. A run that comes late
catches up with a single read (checkpoints are not made up one by one). Nothing is asked after
``WINDOW - CLOSE_MARGIN``: a request so close to the end would race the deletion.

Account followers are read at least daily (every ``FOLLOWERS_EVERY`` when the app runs that often).
"""

from __future__ import annotations

import datetime as dt
import enum

WINDOW = dt.timedelta(hours=24)
CLOSE_MARGIN = dt.timedelta(minutes=2)
CHECKPOINTS: tuple[dt.timedelta, ...] = tuple(dt.timedelta(hours=h) for h in (1, 3, 6, 10, 15, 20, 23))
# A read this late in the window counts as the final figure.
FINAL_FROM = dt.timedelta(hours=22)
FOLLOWERS_EVERY = dt.timedelta(hours=6)


class Collection(enum.StrEnum):
    """What the report can say about a frame's insights."""

    NOT_PUBLISHED = "not_published"  # nothing to collect (yet)
    BY_HAND = "by_hand"  # posted from a phone: the app has no media id to ask about
    WAITING = "waiting"  # inside the window, first read still to come
    COLLECTING = "collecting"  # inside the window, read at least once, the final read still to come
    FINAL = "final"  # read in the last hours of the window: these are the story's figures
    PARTIAL = "partial"  # window closed; the last read came earlier than the final checkpoint
    NOT_ENOUGH_VIEWERS = "not_enough_viewers"  # Instagram shows no insights below 5 viewers (error 10)
    NOT_COLLECTED = "not_collected"  # window closed without a single read: shown as such, never as zero
    GONE = "gone"  # the story was deleted (Instagram no longer knows the media id)


# Collections whose numbers may be shown (with their read time).
HAS_NUMBERS = frozenset({Collection.COLLECTING, Collection.FINAL, Collection.PARTIAL})


def is_open(published_at: dt.datetime, now: dt.datetime) -> bool:
    """True while the story's insights may still be asked for."""
    return published_at <= now < published_at + WINDOW - CLOSE_MARGIN


def last_checkpoint_passed(published_at: dt.datetime, now: dt.datetime) -> dt.datetime | None:
    passed = [published_at + c for c in CHECKPOINTS if published_at + c <= now]
    return passed[-1] if passed else None


def read_due(published_at: dt.datetime, last_attempt_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Is a read due at ``now``? Yes when the window is open and a checkpoint passed since the last attempt."""
    if not is_open(published_at, now):
        return False
    checkpoint = last_checkpoint_passed(published_at, now)
    if checkpoint is None:
        return False
    return last_attempt_at is None or last_attempt_at < checkpoint


def next_read_at(published_at: dt.datetime, last_attempt_at: dt.datetime | None,
                 now: dt.datetime) -> dt.datetime | None:
    """When the next read falls due (``now`` if one is due already); None once the window has closed."""
    if read_due(published_at, last_attempt_at, now):
        return now
    for offset in CHECKPOINTS:
        moment = published_at + offset
        if moment > now and (last_attempt_at is None or moment > last_attempt_at):
            return moment if moment < published_at + WINDOW - CLOSE_MARGIN else None
    return None


def collection_status(*, published_at: dt.datetime | None, has_media_id: bool, now: dt.datetime,
                      last_read_at: dt.datetime | None, not_enough_viewers: bool, gone: bool) -> Collection:
    """What to say about a frame: ``last_read_at`` is the last read that brought numbers."""
    if published_at is None:
        return Collection.NOT_PUBLISHED
    if not has_media_id:
        return Collection.BY_HAND
    if gone and last_read_at is None:
        return Collection.GONE
    final = last_read_at is not None and last_read_at - published_at >= FINAL_FROM
    if final:
        return Collection.FINAL
    open_ = now < published_at + WINDOW
    if last_read_at is None:
        if not_enough_viewers:
            return Collection.NOT_ENOUGH_VIEWERS
        return Collection.WAITING if open_ else Collection.NOT_COLLECTED
    return Collection.COLLECTING if open_ and not gone else Collection.PARTIAL


def followers_due(last_read_at: dt.datetime | None, now: dt.datetime) -> bool:
    return last_read_at is None or now - last_read_at >= FOLLOWERS_EVERY or last_read_at > now
