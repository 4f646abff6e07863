"""Never twice: media_publish publishes but the reply is lost, times out or is a 500; leases and claims."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from takeover_planner.publishing.ledger import JobState, LeaseLost, Ledger, Step
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import PublishJob, StoryFrame
from tests.fakes.publish_world import World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def _job(world: World, frame_id: int) -> PublishJob:
    with world.ctx.db.session() as s:
        job = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id))
        assert job is not None
        return job


@pytest.mark.parametrize("mode", ["drop", "500", "slow"])
def test_a_publish_whose_reply_is_lost_is_confirmed_by_reading_the_container(world: World, mode: str) -> None:
    frame = world.add_frame()
    world.fake.publish_modes.append(mode)
    now = due_time()

    first = svc.publish_due(world.ctx, now, env=world.env())
    assert [o.kind for o in first.outcomes] == [OutcomeKind.DEFERRED]
    assert "will not be posted twice" in first.outcomes[0].message
    job = _job(world, frame)
    assert job.step == Step.PUBLISH_UNKNOWN.value and job.state == JobState.ACTIVE.value
    assert world.fake.publish_counts()[world.shas[frame]] == 1, "Instagram did publish it"

    second = svc.publish_due(world.ctx, now + dt.timedelta(minutes=1), env=world.env())
    assert [o.kind for o in second.outcomes] == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1, "and it was not published again"
    live = [p.media_id for p in world.fake.published]
    assert _job(world, frame).media_id == live[0], "the media id was found among the live stories"
    publishes = [r for r in world.fake.requests if r.path.endswith("/media_publish")]
    assert len(publishes) == 1


def test_a_500_that_did_not_publish_is_published_after_the_grace_period(world: World) -> None:
    frame = world.add_frame()
    world.fake.publish_modes.append("500_no_publish")
    env = world.env(unknown_grace=dt.timedelta(minutes=2))
    now = due_time()
    assert [o.kind for o in svc.publish_due(world.ctx, now, env=env).outcomes] == [OutcomeKind.DEFERRED]
    # After the grace period the container, still FINISHED, is published. A run's clock starts at its --now and
    # runs on with real time, so the retry time is the 500's moment + 2 min: the margin covers a slow first run.
    soon = svc.publish_due(world.ctx, now + dt.timedelta(minutes=2, seconds=30), env=env)
    assert [o.kind for o in soon.outcomes] == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_within_the_grace_period_a_finished_container_is_not_published_again(world: World) -> None:
    world.add_frame()
    world.fake.publish_modes.append("500_no_publish")
    env = world.env(unknown_grace=dt.timedelta(minutes=2))
    now = due_time()
    svc.publish_due(world.ctx, now, env=env)
    with world.ctx.db.write() as s:  # the ledger's retry time is not what protects us: the grace is
        s.execute(update(PublishJob).values(next_attempt_at=None))
    again = svc.publish_due(world.ctx, now + dt.timedelta(seconds=30), env=env)
    assert [o.kind for o in again.outcomes] == [OutcomeKind.DEFERRED]
    assert len([r for r in world.fake.requests if r.path.endswith("/media_publish")]) == 1


def test_a_withdrawn_frame_whose_publish_may_have_happened_is_still_resolved(world: World) -> None:
    frame = world.add_frame()
    world.fake.publish_modes.append("drop")
    now = due_time()
    svc.publish_due(world.ctx, now, env=world.env())
    with world.ctx.db.write() as s:
        row = s.get(StoryFrame, frame)
        assert row is not None
        row.state = "withdrawn"
    report = svc.publish_due(world.ctx, now + dt.timedelta(minutes=1), env=world.env())
    assert [o.kind for o in report.outcomes] == [OutcomeKind.PUBLISHED]
    assert _job(world, frame).state == JobState.PUBLISHED.value
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_a_failed_frame_scheduled_again_starts_afresh(world: World) -> None:
    frame = world.add_frame()
    world.fake.container_errors.append(2207026)
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _job(world, frame).state == "failed"
    with world.ctx.db.write() as s:
        row = s.get(StoryFrame, frame)
        assert row is not None and row.state == "failed"
        row.state = "scheduled"  # as the stories service does when someone schedules it again
    report = svc.publish_due(world.ctx, due_time(60), env=world.env())
    assert [o.kind for o in report.outcomes] == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1


# --- claims and leases --------------------------------------------------------------------------------


def test_only_one_runner_can_claim_a_job_and_a_lost_lease_stops_the_other(world: World) -> None:
    frame = world.add_frame()
    a = Ledger(world.ctx.db, "runner-a", dt.timedelta(minutes=10))
    b = Ledger(world.ctx.db, "runner-b", dt.timedelta(minutes=10))
    job = a.ensure_job(frame, world.account_id, "api", None)
    assert b.ensure_job(frame, world.account_id, "api", None).id == job.id
    assert a.claim(job.id) is True
    assert b.claim(job.id) is False
    a.record(job.id, Step.HOST_REQUESTED, hosted_name="x.jpg")
    # a's lease runs out (it crashed); b may take over, and a can no longer write.
    with world.ctx.db.write() as s:
        s.execute(update(PublishJob).where(PublishJob.id == job.id)
                  .values(claimed_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    assert b.claim(job.id) is True
    with pytest.raises(LeaseLost):
        a.record(job.id, Step.HOSTED)
    assert b.get(job.id).step == Step.HOST_REQUESTED.value
    b.release(job.id)
    assert b.get(job.id).claimed_by is None
