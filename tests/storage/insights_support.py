"""A world for insights tests: the publishing world (tests.fakes.publish_world) on the fake Graph API with
insights, frames published through it, and collection runs on a simulated clock."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from takeover_planner.services import insights_service
from takeover_planner.services import publishing_service as publishing
from takeover_planner.services.context import AppContext
from takeover_planner.services.insights_collection import CollectReport
from takeover_planner.storage.models import PublishJob, StoryInsight
from tests.fakes.fake_insights import FakeInstagramInsights
from tests.fakes.publish_world import World, due_time, running_world


@dataclass(frozen=True)
class Published:
    frame_id: int
    media_id: str
    at: dt.datetime  # published_at in the ledger


def insights_world(ctx: AppContext, **kwargs: object) -> contextlib.AbstractContextManager[World]:
    return running_world(ctx, fake_type=FakeInstagramInsights, **kwargs)


def fake(world: World) -> FakeInstagramInsights:
    assert isinstance(world.fake, FakeInstagramInsights)
    return world.fake


def publish(world: World, count: int) -> list[Published]:
    """Add ``count`` approved image frames and publish them through the fake API."""
    for minute in range(count):
        world.add_frame(minute=minute)
    fake(world).now = due_time().timestamp()  # the fake publishes on the run's clock, as the ledger records it
    publishing.publish_due(world.ctx, due_time(), env=world.env())
    with world.ctx.db.session() as s:
        jobs = s.scalars(select(PublishJob).where(PublishJob.frame_id.in_(world.frames))
                         .order_by(PublishJob.published_at)).all()
        out = [Published(j.frame_id, str(j.media_id), j.published_at) for j in jobs if j.published_at]
    assert len(out) == len(world.frames), "every frame was published"
    return out


def collect_at(world: World, moment: dt.datetime) -> CollectReport:
    """One collection run at a simulated moment; the fake's clock shows the same moment."""
    fake(world).now = moment.timestamp()
    env = insights_service.collect_env(world.ctx, secrets=world.secrets)
    return insights_service.collect(world.ctx, moment, env=env)


def insight_row(world: World, frame_id: int) -> StoryInsight | None:
    with world.ctx.db.session() as s:
        return s.scalar(select(StoryInsight).where(StoryInsight.frame_id == frame_id))


def insight_requests(world: World) -> int:
    return sum(1 for r in fake(world).requests if r.path.endswith("/insights"))
