"""The publisher obeys the plan and the clock (issue 14), against the fake Graph API:

- a cancelled slot's frames are taken off the queue (and counted); a requested slot's frames wait;
- a moved slot's frames go out at their new times, never at the old ones; a frame whose new time falls outside
  the slot goes back to review;
- a frame more than the grace period late is held with the reason "late" until a person posts, re-times or
  drops it;
- ``--now`` is refused against Meta's hosts, and a run with ``--now`` records its own clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import TakeoverError
from takeover_planner.publishing.ledger import JobState
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import booking, insights_service
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account, AuditEvent, PublishJob, StoryFrame, TakeoverSlot
from tests.fakes.fake_graph import Failure
from tests.fakes.publish_world import DAY, World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def _frame(world: World, frame_id: int) -> StoryFrame:
    with world.ctx.db.session() as s:
        frame = s.get(StoryFrame, frame_id)
        assert frame is not None
        return frame


def _job(world: World, frame_id: int) -> PublishJob | None:
    with world.ctx.db.session() as s:
        return s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id))


def _actions(world: World, frame_id: int) -> list[str]:
    with world.ctx.db.session() as s:
        return list(s.scalars(select(AuditEvent.action).where(AuditEvent.entity_type == "story_frame",
                                                              AuditEvent.entity_id == frame_id)
                              .order_by(AuditEvent.id)))


def _published(world: World) -> int:
    return sum(world.fake.publish_counts().values())


# --- the slot -------------------------------------------------------------------------------------------------


def test_a_cancelled_slots_approved_frames_are_not_posted(world: World) -> None:
    first, second = world.add_frame(minute=0), world.add_frame(minute=5)
    svc.publish_due(world.ctx, due_time(-30), env=world.env())  # nothing due yet; nothing published

    result = booking.set_status(world.ctx, world.slot_id, SlotStatus.CANCELLED, reason="Sykdom i enheten")

    assert result.frames_withdrawn == 2
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert report.outcomes == [] and _published(world) == 0
    for frame_id in (first, second):
        assert "withdrawn_with_slot" in _actions(world, frame_id)
        assert _frame(world, frame_id).state == "approved", "the approval stays; only the queue lets go"


def test_frames_of_a_requested_slot_wait_until_it_is_booked(world: World) -> None:
    frame = world.add_frame()
    with world.ctx.db.write() as s:
        slot = s.get(TakeoverSlot, world.slot_id)
        assert slot is not None
        slot.status = SlotStatus.REQUESTED.value
    assert svc.publish_due(world.ctx, due_time(), env=world.env()).outcomes == []
    assert _published(world) == 0
    booking.set_status(world.ctx, world.slot_id, SlotStatus.BOOKED)
    report = svc.publish_due(world.ctx, due_time(5), env=world.env())
    assert [o.kind for o in report.outcomes] == [OutcomeKind.PUBLISHED]
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_a_moved_slots_frames_go_out_at_their_new_times_never_the_old_ones(world: World) -> None:
    with world.ctx.db.write() as s:  # a two-day slot, frames on both days
        slot = s.get(TakeoverSlot, world.slot_id)
        assert slot is not None
        slot.end_date = DAY + dt.timedelta(days=1)
    first = world.add_frame(minute=0)
    second = world.add_frame(minute=10)
    with world.ctx.db.write() as s:
        frame = s.get(StoryFrame, second)
        assert frame is not None and frame.planned_at is not None
        frame.planned_at += dt.timedelta(days=1)
    old_first = _frame(world, first).planned_at
    assert old_first is not None

    result = booking.move(world.ctx, world.slot_id, DAY + dt.timedelta(days=14), DAY + dt.timedelta(days=14))

    assert (result.frames_moved, result.frames_to_review) == (2, 1)
    assert _frame(world, first).planned_at == old_first + dt.timedelta(days=14)
    assert _frame(world, second).state == "submitted", "its new day falls outside the one-day slot: review it"
    assert "retimed_with_slot" in _actions(world, first)
    # At the old time nothing goes out; at the new time the frame does, once.
    assert svc.publish_due(world.ctx, due_time(), env=world.env()).outcomes == []
    assert _published(world) == 0
    report = svc.publish_due(world.ctx, due_time() + dt.timedelta(days=14), env=world.env())
    assert [(o.frame_id, o.kind) for o in report.outcomes] == [(first, OutcomeKind.PUBLISHED)]
    assert world.fake.publish_counts()[world.shas[first]] == 1 and world.fake.publish_counts()[world.shas[second]] == 0


def test_the_gate_refuses_a_frame_planned_outside_its_slot(world: World) -> None:
    frame = world.add_frame()
    with world.ctx.db.write() as s:
        slot = s.get(TakeoverSlot, world.slot_id)
        assert slot is not None
        slot.start_date = slot.end_date = DAY + dt.timedelta(days=1)  # changed behind the booking service's back
    report = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert [o.kind for o in report.outcomes] == [OutcomeKind.CANCELLED]
    assert _published(world) == 0 and _job(world, frame) is not None


# --- late frames ----------------------------------------------------------------------------------------------


def test_a_frame_three_hours_late_is_held_until_a_person_decides(world: World) -> None:
    post, retime, drop = world.add_frame(minute=0), world.add_frame(minute=1), world.add_frame(minute=2)
    late = due_time(3 * 60)

    report = svc.publish_due(world.ctx, late, env=world.env())

    assert report.outcomes == [] and _published(world) == 0
    assert {(h.frame_id, h.reason) for h in report.held} == {(post, "late"), (retime, "late"), (drop, "late")}
    assert report.held[0].to_json()["reason"] == "late"
    status = svc.frame_statuses(world.ctx, [post])[post]
    assert (status.status, status.hold_reason) == ("held", "late")
    assert {h.frame_id for h in svc.held_frames(world.ctx)} == {post, retime, drop}
    # A later run still holds them: lateness does not wear off.
    assert len(svc.publish_due(world.ctx, late + dt.timedelta(minutes=5), env=world.env()).held) == 3

    svc.post_late(world.ctx, post)
    new_time = dt.datetime.combine(DAY, dt.time(15, 0), tzinfo=dt.UTC)
    svc.retime_late(world.ctx, retime, new_time)
    svc.drop_late(world.ctx, drop)
    with pytest.raises(TakeoverError) as refused:
        svc.post_late(world.ctx, drop)
    assert refused.value.code.key == "publishing.not_held"

    report = svc.publish_due(world.ctx, late + dt.timedelta(minutes=10), env=world.env())
    assert [(o.frame_id, o.kind) for o in report.outcomes] == [(post, OutcomeKind.PUBLISHED)]
    report = svc.publish_due(world.ctx, new_time + dt.timedelta(minutes=1), env=world.env())
    assert [(o.frame_id, o.kind) for o in report.outcomes] == [(retime, OutcomeKind.PUBLISHED)]
    counts = world.fake.publish_counts()
    assert (counts[world.shas[post]], counts[world.shas[retime]], counts[world.shas[drop]]) == (1, 1, 0)
    assert _frame(world, drop).state == "withdrawn"
    dropped = svc.frame_statuses(world.ctx, [drop])[drop]
    assert (dropped.status, dropped.reason) == ("cancelled", ""), "the hold's words do not outlive the decision"
    assert "late_post_now" in _actions(world, post) and "late_retimed" in _actions(world, retime)


def test_the_grace_period_is_a_setting(world: World) -> None:
    world.add_frame()
    world.ctx.settings.set("publish.late_grace_minutes", 300)
    report = svc.publish_due(world.ctx, due_time(3 * 60), env=world.env())
    assert [o.kind for o in report.outcomes] == [OutcomeKind.PUBLISHED] and report.held == []


# --- the run's clock ------------------------------------------------------------------------------------------


def test_now_is_refused_against_metas_hosts(world: World) -> None:
    world.add_frame()
    with world.ctx.db.write() as s:
        account = s.get(Account, world.account_id)
        assert account is not None
        account.graph_host = "https://graph.instagram.com"
    for call in (lambda: svc.publish_due(world.ctx, due_time(), env=world.env()),
                 lambda: insights_service.collect(world.ctx, due_time())):
        with pytest.raises(TakeoverError) as refused:
            call()
        assert refused.value.params["host"] == "https://graph.instagram.com"
        assert refused.value.code.key.startswith("publishing.now_refused_meta")
    assert world.fake.requests == [], "nothing was sent anywhere"


def test_a_run_with_now_records_its_own_clock(world: World) -> None:
    frame, retried = world.add_frame(minute=0), world.add_frame(minute=1)
    moment = dt.datetime(2027, 3, 10, 12, 0, tzinfo=dt.UTC)
    with world.ctx.db.write() as s:
        slot = s.get(TakeoverSlot, world.slot_id)
        assert slot is not None
        slot.start_date = slot.end_date = moment.date()
        for frame_id in (frame, retried):
            row = s.get(StoryFrame, frame_id)
            assert row is not None and row.planned_at is not None
            row.planned_at = moment - dt.timedelta(minutes=5)
    world.fake.fail_next("media", Failure(2, None, 503, "Service temporarily unavailable", is_transient=True))
    world.fake.fail_next("media", Failure(2, None, 503, "Service temporarily unavailable", is_transient=True))

    report = svc.publish_due(world.ctx, moment, env=world.env())

    kinds = sorted(o.kind.value for o in report.outcomes)
    assert kinds == ["deferred", "deferred"] or kinds == ["deferred", "published"]
    for frame_id in (frame, retried):
        job = _job(world, frame_id)
        assert job is not None
        stamps = [t for t in (job.published_at, job.next_attempt_at, job.container_created_at) if t is not None]
        assert stamps and all(abs(t - moment) < dt.timedelta(minutes=5) for t in stamps), stamps
    # The lease, a fact of the real world, keeps the real clock.
    later = svc.publish_due(world.ctx, moment + dt.timedelta(minutes=10), env=world.env())
    assert all(o.kind == OutcomeKind.PUBLISHED for o in later.outcomes)
    for frame_id in (frame, retried):
        job = _job(world, frame_id)
        assert job is not None and job.state == JobState.PUBLISHED.value and job.published_at is not None
        assert abs(job.published_at - moment) < dt.timedelta(minutes=15)
