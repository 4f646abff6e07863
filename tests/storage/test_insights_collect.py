"""Collecting story insights and follower counts from the fake Graph API over a simulated 24-hour window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.schedule import CHECKPOINTS, Collection
from takeover_planner.services import insights_service
from takeover_planner.services import publishing_service as publishing
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AccountPublishing, FollowerCount
from tests.fakes.fake_graph import Failure
from tests.fakes.fake_insights import StoryScript
from tests.fakes.publish_world import World
from tests.storage.insights_support import (
    collect_at,
    fake,
    insight_requests,
    insight_row,
    insights_world,
    publish,
)

H = dt.timedelta(hours=1)


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with insights_world(ctx) as w:
        yield w


def _numbers(world: World, frame_id: int) -> dict[str, int | None]:
    row = insight_row(world, frame_id)
    assert row is not None
    return {name: getattr(row, name) for name in StoryNumbers.names()}


def _expected(world: World, media_id: str) -> dict[str, int | None]:
    served = fake(world).last_served(media_id)
    return {name: served.get(name) for name in StoryNumbers.names()}


def test_numbers_grow_over_the_window_and_the_latest_values_and_read_times_are_kept(world: World) -> None:
    stories = publish(world, 2)
    start = stories[0].at

    early = collect_at(world, start + dt.timedelta(minutes=30))
    assert early.stories_read == 0 and insight_requests(world) == 0, "nothing is due before the first checkpoint"
    seen: list[int] = []
    for offset in CHECKPOINTS:
        moment = start + offset + dt.timedelta(minutes=5)
        report = collect_at(world, moment)
        assert report.stories_read == 2 and not report.problems
        for story in stories:
            assert _numbers(world, story.frame_id) == _expected(world, story.media_id)
            row = insight_row(world, story.frame_id)
            assert row is not None and row.last_read_at == moment and row.last_attempt_at == moment
        seen.append(_numbers(world, stories[0].frame_id)["reach"] or 0)
        # Between checkpoints nothing is asked again.
        before = insight_requests(world)
        assert collect_at(world, moment + dt.timedelta(minutes=10)).stories_read == 0
        assert insight_requests(world) == before
    assert seen == sorted(seen) and seen[0] < seen[-1], "the reach grew during the day"
    row = insight_row(world, stories[0].frame_id)
    assert row is not None and row.reads == len(CHECKPOINTS)
    assert row.first_read_at == start + CHECKPOINTS[0] + dt.timedelta(minutes=5)
    # Two requests per read: the plain metrics, then navigation with its breakdown.
    assert insight_requests(world) == 2 * 2 * len(CHECKPOINTS)
    assert all("access_token" not in r.query for r in fake(world).requests)
    # After the window nothing more is read, and the report calls the figures final.
    after = collect_at(world, start + dt.timedelta(hours=25))
    assert after.stories_read == 0 and after.missed == []
    report = insights_service.takeover_report(world.ctx, world.slot_id, now=start + dt.timedelta(hours=25))
    assert [f.status for f in report.frames] == [Collection.FINAL, Collection.FINAL]


def test_a_late_run_catches_up_with_one_read(world: World) -> None:
    (story,) = publish(world, 1)
    report = collect_at(world, story.at + 11 * H)
    assert report.stories_read == 1 and insight_requests(world) == 2
    assert collect_at(world, story.at + 12 * H).stories_read == 0
    assert collect_at(world, story.at + 15 * H).stories_read == 1


def test_fewer_than_five_viewers_is_recorded_as_such_not_as_a_failure(world: World) -> None:
    fake(world).scripts = [StoryScript.typical(4), StoryScript.typical(60)]
    tiny, small = publish(world, 2)
    first = collect_at(world, tiny.at + 1 * H + dt.timedelta(minutes=1))
    assert first.problems == [] and first.accounts[0].not_enough_viewers == 2
    for story in (tiny, small):
        row = insight_row(world, story.frame_id)
        assert row is not None and row.not_enough_viewers and row.last_read_at is None
        assert all(v is None for v in _numbers(world, story.frame_id).values()), "no number is made up as 0"
    # Three hours in, the second story has enough viewers; the first never will.
    collect_at(world, tiny.at + 3 * H + dt.timedelta(minutes=1))
    assert _numbers(world, small.frame_id) == _expected(world, small.media_id)
    assert (_numbers(world, small.frame_id)["reach"] or 0) >= 5
    for offset in CHECKPOINTS[2:]:
        collect_at(world, tiny.at + offset + dt.timedelta(minutes=1))
    report = insights_service.takeover_report(world.ctx, world.slot_id, now=tiny.at + 25 * H)
    statuses = {f.frame_id: f.status for f in report.frames}
    assert statuses == {tiny.frame_id: Collection.NOT_ENOUGH_VIEWERS, small.frame_id: Collection.FINAL}
    assert report.frames[0].value("reach") is None


def test_an_expired_token_stops_the_account_and_the_window_closes_as_not_collected(world: World) -> None:
    (story,) = publish(world, 1)
    fake(world).expire_token()
    report = collect_at(world, story.at + 1 * H + dt.timedelta(minutes=1))
    (account,) = report.problems
    assert "expired" in account.problem and "set-token" in account.advice
    with world.ctx.db.session() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None and state.stopped_reason, "the account's queue is stopped, as for publishing"
    assert insight_row(world, story.frame_id) is None
    # While stopped, runs say so and ask nothing.
    before = len(fake(world).requests)
    again = collect_at(world, story.at + 3 * H + dt.timedelta(minutes=1))
    assert again.problems and len(fake(world).requests) == before
    # A new token in the window: collection resumes.
    fake(world).tokens["IGAAnew-" + "z" * 40] = "ok"
    publishing.set_token(world.ctx, world.account_id, "IGAAnew-" + "z" * 40, secrets=world.secrets)
    resumed = collect_at(world, story.at + 6 * H + dt.timedelta(minutes=1))
    assert resumed.stories_read == 1 and not resumed.problems
    assert _numbers(world, story.frame_id) == _expected(world, story.media_id)


def test_an_expired_token_for_the_whole_window_leaves_the_frame_not_collected(world: World) -> None:
    (story,) = publish(world, 1)
    fake(world).expire_token()
    for offset in CHECKPOINTS:
        collect_at(world, story.at + offset + dt.timedelta(minutes=1))
    report = insights_service.takeover_report(world.ctx, world.slot_id, now=story.at + 25 * H)
    (frame,) = report.frames
    assert frame.status == Collection.NOT_COLLECTED and frame.value("reach") is None
    assert report.totals["reach"] is None and report.collected == 0 and report.published == 1


def test_a_missed_window_is_reported_and_shown_as_not_collected_never_zero(world: World) -> None:
    stories = publish(world, 2)
    late = collect_at(world, stories[0].at + 25 * H)
    assert late.stories_read == 0 and insight_requests(world) == 0, "nothing is asked after the window"
    assert sorted(m.frame_id for m in late.missed) == sorted(s.frame_id for s in stories)
    report = insights_service.takeover_report(world.ctx, world.slot_id, now=stories[0].at + 25 * H)
    assert {f.status for f in report.frames} == {Collection.NOT_COLLECTED}
    assert all(f.value(m) is None for f in report.frames for m in StoryNumbers.names())
    assert all(v is None for v in report.totals.values())
    assert [d.share for d in report.retention] == [None]


def test_a_partial_window_keeps_the_last_values_read_and_says_when(world: World) -> None:
    (story,) = publish(world, 1)
    collect_at(world, story.at + 6 * H + dt.timedelta(minutes=1))
    report = insights_service.takeover_report(world.ctx, world.slot_id, now=story.at + 30 * H)
    (frame,) = report.frames
    assert frame.status == Collection.PARTIAL
    assert frame.value("reach") == fake(world).last_served(story.media_id)["reach"]
    assert frame.hours_after_posting is not None and 6 <= frame.hours_after_posting < 6.1


def test_a_missing_navigation_breakdown_keeps_the_other_numbers(world: World) -> None:
    fake(world).scripts = [StoryScript({**StoryScript.typical(300).final}, navigation_error=True)]
    (story,) = publish(world, 1)
    collect_at(world, story.at + 3 * H)
    numbers = _numbers(world, story.frame_id)
    assert numbers["reach"] == fake(world).last_served(story.media_id)["reach"]
    assert numbers["exits"] is None and numbers["taps_forward"] is None
    row = insight_row(world, story.frame_id)
    assert row is not None and "navigation" in row.last_error


def test_total_value_answers_are_read_too(world: World) -> None:
    fake(world).values_style = "total_value"
    (story,) = publish(world, 1)
    collect_at(world, story.at + 10 * H)
    assert _numbers(world, story.frame_id) == _expected(world, story.media_id)


def test_a_deleted_story_is_recorded_as_gone(world: World) -> None:
    (story,) = publish(world, 1)
    fake(world).fail_next("insights", Failure(100, 33, 400, "Object with ID does not exist"))
    report = collect_at(world, story.at + 1 * H)
    assert report.accounts[0].gone == 1 and not report.problems
    assert collect_at(world, story.at + 3 * H).stories_read == 0, "a deleted story is not asked about again"
    frame = insights_service.takeover_report(world.ctx, world.slot_id, now=story.at + 4 * H).frames[0]
    assert frame.status == Collection.GONE


def test_a_token_without_the_insights_permission_is_explained_and_publishing_goes_on(world: World) -> None:
    (story,) = publish(world, 1)
    fake(world).fail_next("insights", Failure(10, None, 400, "(#10) Application does not have permission for "
                                                             "this action"))
    report = collect_at(world, story.at + 1 * H)
    (account,) = report.problems
    assert "instagram_business_manage_insights" in account.advice
    with world.ctx.db.session() as s:
        state = s.get(AccountPublishing, world.account_id)
        assert state is not None and not state.stopped_reason
    assert collect_at(world, story.at + 1 * H + dt.timedelta(minutes=20)).stories_read == 1, "tried again"


def test_throttling_and_a_dead_network_end_the_run_for_the_account_and_the_next_run_retries(world: World) -> None:
    (story,) = publish(world, 1)
    fake(world).throttle_next(1)
    throttled = collect_at(world, story.at + 1 * H)
    assert "limiting" in throttled.problems[0].problem
    assert collect_at(world, story.at + 1 * H + dt.timedelta(minutes=15)).stories_read == 1
    fake(world).stop()
    offline = collect_at(world, story.at + 3 * H)
    assert offline.problems and "next run" in offline.problems[0].advice


def test_followers_are_read_at_least_daily_into_a_time_series(world: World) -> None:
    f = fake(world)
    f.followers = lambda t: 1500 + int((t - 1_700_000_000) // 86400)
    start = dt.datetime(2025, 5, 1, 8, tzinfo=dt.UTC)
    moments = [start, start + 1 * H, start + 7 * H, start + 30 * H]
    results = [collect_at(world, m).followers_read for m in moments]
    assert results == [1, 0, 1, 1]
    with world.ctx.db.session() as s:
        rows = s.execute(select(FollowerCount.read_at, FollowerCount.followers).order_by(FollowerCount.read_at)).all()
    assert [(r[0], r[1]) for r in rows] == [(at, count) for at, count in
                                           ((dt.datetime.fromtimestamp(t, dt.UTC), c) for t, c in f.followers_served)]
    assert [r[0] for r in rows] == [moments[0], moments[2], moments[3]]
