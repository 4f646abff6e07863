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
from takeover_planner.insights.trend import DailyPoint, daily_series
from takeover_planner.publishing.ledger import JobState
from takeover_planner.storage.models import (
    FollowerCount,
    FollowerGoal,
    PublishJob,
    StoryFrame,
    StoryInsight,
    TakeoverSlot,
)
from takeover_planner.texts.insights import InsightsText

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


def _chunks(ids: Sequence[int], size: int = 900) -> list[Sequence[int]]:
    """IN lists in pieces: SQLite and PostgreSQL both limit the parameters of one statement."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def _frame_rows(slot: TakeoverSlot, frames: Sequence[StoryFrame], jobs: dict[int, PublishJob],
                insights: dict[int, StoryInsight], now: dt.datetime) -> list[FrameRow]:
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


def reports_for_slots(session: Session, slot_ids: Sequence[int], now: dt.datetime) -> list[TakeoverReport]:
    """The reports of these slots, in the order given; a handful of queries whatever their number."""
    slots = {slot.id: slot for chunk in _chunks(slot_ids) for slot in session.scalars(
        select(TakeoverSlot).options(joinedload(TakeoverSlot.department), joinedload(TakeoverSlot.account),
                                     joinedload(TakeoverSlot.campaign))
        .where(TakeoverSlot.id.in_(chunk)))}
    missing = [i for i in slot_ids if i not in slots]
    if missing:
        raise NotFoundError(InsightsText.NO_SLOT, slot_id=missing[0])
    frames: dict[int, list[StoryFrame]] = {i: [] for i in slot_ids}
    for chunk in _chunks(slot_ids):
        for frame in session.scalars(select(StoryFrame).where(StoryFrame.slot_id.in_(chunk),
                                                              StoryFrame.state.in_(REPORTED_STATES))):
            frames[frame.slot_id].append(frame)
    frame_ids = [f.id for fs in frames.values() for f in fs]
    jobs: dict[int, PublishJob] = {}
    insights: dict[int, StoryInsight] = {}
    for chunk in _chunks(frame_ids):
        jobs.update((j.frame_id, j) for j in session.scalars(select(PublishJob).where(PublishJob.frame_id.in_(chunk),
                                                                                   PublishJob.channel == "instagram")))
        insights.update((i.frame_id, i) for i in session.scalars(select(StoryInsight)
                                                                 .where(StoryInsight.frame_id.in_(chunk))))
    series: dict[int, tuple[list[DailyPoint], bool]] = {}
    out = []
    for slot_id in slot_ids:
        slot = slots[slot_id]
        if slot.account_id not in series:
            readings, sample = follower_readings(session, slot.account_id)
            series[slot.account_id] = (daily_series(readings), sample)
        daily, sample = series[slot.account_id]
        campaign = slot.campaign
        out.append(build_report(
            slot_id=slot.id, department=slot.department.name, department_color=slot.department.color,
            account=slot.account.name, campaign=campaign.name if campaign else None, start=slot.start_date,
            end=slot.end_date, slot_status=slot.status,
            frames=_frame_rows(slot, frames[slot_id], jobs, insights, now), followers=daily,
            generated_at=now, followers_sample=sample, campaign_color=campaign.color if campaign else "#8a5cc7",
        ))
    return out


def report_for_slot(session: Session, slot_id: int, now: dt.datetime) -> TakeoverReport:
    return reports_for_slots(session, [slot_id], now)[0]


def slots_with_published_frames(session: Session) -> Sequence[int]:
    """Slots with at least one published frame, newest first."""
    rows = session.execute(
        select(TakeoverSlot.id).join(StoryFrame, StoryFrame.slot_id == TakeoverSlot.id)
        .where(StoryFrame.state == "published").group_by(TakeoverSlot.id, TakeoverSlot.start_date)
        .order_by(TakeoverSlot.start_date.desc(), TakeoverSlot.id.desc())
    ).all()
    return [r[0] for r in rows]
