"""Reading insights out of the database into the plain records the report and the goal arithmetic use.

Sample (demo) rows and real rows never mix: an account's follower series is its real readings as soon as
there is one, and its sample history only until then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.errors import NotFoundError
from takeover_planner.insights import schedule
from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.report import FrameRow, TakeoverReport, build_report
from takeover_planner.insights.trend import daily_series
from takeover_planner.publishing.ledger import JobState
from takeover_planner.storage.models import (
    FollowerCount,
    FollowerGoal,
    PublishJob,
    StoryFrame,
    StoryInsight,
    TakeoverSlot,
)

# Frames a report lists: those released for publishing, and whatever went out.
REPORTED_STATES = ("approved", "scheduled", "published", "failed")


def follower_readings(session: Session, account_id: int) -> tuple[list[tuple[dt.datetime, int]], bool]:
    """The account's follower readings, oldest first, and whether they are sample data."""
    rows = session.execute(
        select(FollowerCount.read_at, FollowerCount.followers, FollowerCount.sample)
        .where(FollowerCount.account_id == account_id).order_by(FollowerCount.read_at, FollowerCount.id)
    ).all()
    real = [(r[0], r[1]) for r in rows if not r[2]]
    if real:
        return real, False
    return [(r[0], r[1]) for r in rows], bool(rows)


def active_goal(session: Session, account_id: int) -> FollowerGoal | None:
    return session.scalar(select(FollowerGoal).where(FollowerGoal.account_id == account_id,
                                                     FollowerGoal.replaced_at.is_(None))
                          .order_by(FollowerGoal.set_at.desc(), FollowerGoal.id.desc()).limit(1))


def _label(frame: StoryFrame) -> str:
    text = (frame.text or frame.notes or "").strip().splitlines()
    return text[0][:80] if text else ""


def frame_rows(session: Session, slot: TakeoverSlot, now: dt.datetime) -> list[FrameRow]:
    frames = session.scalars(select(StoryFrame).where(StoryFrame.slot_id == slot.id,
                                                      StoryFrame.state.in_(REPORTED_STATES))).all()
    ids = [f.id for f in frames]
    jobs = {j.frame_id: j for j in session.scalars(select(PublishJob).where(PublishJob.frame_id.in_(ids)))}
    insights = {i.frame_id: i for i in session.scalars(select(StoryInsight).where(StoryInsight.frame_id.in_(ids)))}
    staged = []
    for frame in frames:
        job = jobs.get(frame.id)
        insight = insights.get(frame.id)
        published_job = job is not None and job.state == JobState.PUBLISHED.value
        published_at = insight.published_at if insight else (job.published_at if published_job and job else None)
        media_id = insight.media_id if insight else (job.media_id if published_job and job else None)
        status = schedule.collection_status(
            published_at=published_at, has_media_id=bool(media_id), now=now,
            last_read_at=insight.last_read_at if insight else None,
            not_enough_viewers=bool(insight and insight.not_enough_viewers), gone=bool(insight and insight.gone))
        numbers = StoryNumbers(**{n: getattr(insight, n) for n in StoryNumbers.names()}) if insight else StoryNumbers()
        moment = published_at or frame.planned_at
        day = to_oslo(moment).date() if moment else slot.start_date
        staged.append((published_at is None, published_at or frame.planned_at or now, frame.position, frame.id,
                       FrameRow(frame.id, 0, day, published_at, status, numbers,
                                insight.last_read_at if insight else None, _label(frame),
                                bool(insight and insight.sample))))
    staged.sort(key=lambda item: item[:4])
    return [FrameRow(r.frame_id, index, r.day, r.published_at, r.status, r.numbers, r.read_at, r.label, r.sample)
            for index, (*_k, r) in enumerate(staged, start=1)]


def report_for_slot(session: Session, slot_id: int, now: dt.datetime) -> TakeoverReport:
    slot = session.scalar(select(TakeoverSlot).options(joinedload(TakeoverSlot.department),
                                                       joinedload(TakeoverSlot.account),
                                                       joinedload(TakeoverSlot.campaign))
                          .where(TakeoverSlot.id == slot_id))
    if slot is None:
        raise NotFoundError(f"No slot #{slot_id}.")
    readings, sample = follower_readings(session, slot.account_id)
    campaign = slot.campaign
    return build_report(
        slot_id=slot.id, department=slot.department.name, department_color=slot.department.color,
        account=slot.account.name, campaign=campaign.name if campaign else None, start=slot.start_date,
        end=slot.end_date, slot_status=slot.status, frames=frame_rows(session, slot, now),
        followers=daily_series(readings), generated_at=now, followers_sample=sample,
        campaign_color=campaign.color if campaign else "#8a5cc7",
    )


def slots_with_published_frames(session: Session) -> Sequence[int]:
    """Slots with at least one published frame, newest first."""
    rows = session.execute(
        select(TakeoverSlot.id).join(StoryFrame, StoryFrame.slot_id == TakeoverSlot.id)
        .where(StoryFrame.state == "published").group_by(TakeoverSlot.id, TakeoverSlot.start_date)
        .order_by(TakeoverSlot.start_date.desc(), TakeoverSlot.id.desc())
    ).all()
    return [r[0] for r in rows]
