"""When a story's insights are read, and what is said about what was collected."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.insights import schedule
from takeover_planner.insights.schedule import (
    CHECKPOINTS,
    Collection,
    collection_status,
    next_read_at,
    read_due,
)

P = dt.datetime(2025, 5, 6, 8, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def test_several_reads_inside_the_window_and_one_shortly_before_it_closes() -> None:
    assert len(CHECKPOINTS) >= 5
    assert CHECKPOINTS[-1] >= schedule.WINDOW - 2 * H, "the last read comes shortly before the window closes"
    assert CHECKPOINTS[-1] < schedule.WINDOW - schedule.CLOSE_MARGIN
    assert list(CHECKPOINTS) == sorted(CHECKPOINTS)


def test_a_read_is_due_once_per_checkpoint() -> None:
    assert not read_due(P, None, P + 59 * M)
    assert read_due(P, None, P + H)
    assert not read_due(P, P + H, P + 2 * H), "read at the 1 h checkpoint: nothing until 3 h"
    assert read_due(P, P + H, P + 3 * H)
    assert read_due(P, P + 3 * H, P + 23 * H + 5 * M)


def test_a_late_run_makes_one_read_not_one_per_missed_checkpoint() -> None:
    assert read_due(P, None, P + 16 * H)
    assert not read_due(P, P + 16 * H, P + 19 * H)
    assert read_due(P, P + 16 * H, P + 20 * H)


def test_nothing_is_asked_outside_the_window() -> None:
    assert not read_due(P, None, P - H)
    assert not read_due(P, P + 20 * H, P + 24 * H - M), "too close to the end: it would race the deletion"
    assert not read_due(P, None, P + 30 * H)


@pytest.mark.parametrize("last, now, expected", [
    (None, P, P + H),
    (None, P + 2 * H, P + 2 * H),  # due now
    (P + H, P + H + M, P + 3 * H),
    (P + 23 * H, P + 23 * H + M, None),  # the final read is done
    (None, P + 25 * H, None),
])
def test_next_read(last: dt.datetime | None, now: dt.datetime, expected: dt.datetime | None) -> None:
    assert next_read_at(P, last, now) == expected


def _status(now: dt.datetime, last_read: dt.datetime | None = None, *, published: dt.datetime | None = P,
            media: bool = True, few: bool = False, gone: bool = False) -> Collection:
    return collection_status(published_at=published, has_media_id=media, now=now, last_read_at=last_read,
                             not_enough_viewers=few, gone=gone)


def test_what_the_report_says_about_each_frame() -> None:
    assert _status(P, published=None) == Collection.NOT_PUBLISHED
    assert _status(P + H, media=False) == Collection.BY_HAND
    assert _status(P + H) == Collection.WAITING
    assert _status(P + 5 * H, P + 3 * H) == Collection.COLLECTING
    assert _status(P + 23 * H, P + 23 * H) == Collection.FINAL
    assert _status(P + 30 * H, P + 22 * H) == Collection.FINAL
    assert _status(P + 30 * H, P + 15 * H) == Collection.PARTIAL
    assert _status(P + 30 * H) == Collection.NOT_COLLECTED, "a missed window is never zero"
    assert _status(P + 3 * H, few=True) == Collection.NOT_ENOUGH_VIEWERS
    assert _status(P + 30 * H, few=True) == Collection.NOT_ENOUGH_VIEWERS
    assert _status(P + 3 * H, gone=True) == Collection.GONE
    assert _status(P + 5 * H, P + 3 * H, gone=True) == Collection.PARTIAL


def test_followers_are_read_every_few_hours_and_at_least_daily() -> None:
    assert schedule.followers_due(None, P)
    assert not schedule.followers_due(P, P + 5 * H)
    assert schedule.followers_due(P, P + 6 * H)
    assert dt.timedelta(days=1) >= schedule.FOLLOWERS_EVERY
