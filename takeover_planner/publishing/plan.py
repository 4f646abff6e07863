"""The publish queue follows the plan: a cancelled slot takes its frames off the queue, a moved slot takes them
along.

Both run inside the booking service's transaction (the slot change and its frames' changes commit together),
and write their own audit entries. A job that may already have gone out (a publish request whose answer was
lost) or that a runner holds right now is left alone: the publisher checks the plan again before it asks
Instagram to publish, and the container is read before anything else, so a fact is never lost.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from takeover_planner.domain.review import RELEASED, FrameState, parse_state
from takeover_planner.domain.timekeeping import OSLO, now_utc, to_oslo
from takeover_planner.publishing.frame_gate import FrameRules, plan_problem
from takeover_planner.publishing.ledger import PUBLISH_MAYBE_DONE, JobState, Step
from takeover_planner.storage.models import PublishJob, StoryFrame, TakeoverSlot
from takeover_planner.texts import Text
from takeover_planner.texts.audit import AuditNote, note
from takeover_planner.texts.words import SlotStatusName

log = logging.getLogger(__name__)

# Frames the queue no longer touches: what went out, what was pulled.
_SETTLED = frozenset({FrameState.PUBLISHED.value, FrameState.WITHDRAWN.value})


def _frames(session: Session, slot_id: int) -> list[StoryFrame]:
    return list(session.scalars(select(StoryFrame).where(StoryFrame.slot_id == slot_id)
                                .order_by(StoryFrame.position, StoryFrame.id)))


def _jobs(session: Session, frame_id: int) -> list[PublishJob]:
    """The frame's jobs, one per channel (Instagram, and the Facebook Page it is cross-posted to)."""
    return list(session.scalars(select(PublishJob).where(PublishJob.frame_id == frame_id).order_by(PublishJob.id)))


def _untouched(job: PublishJob | None) -> bool:
    """No runner holds the job and nothing of it may have reached Instagram's publish step."""
    if job is None:
        return True
    held_now = job.claimed_by is not None and job.claimed_until is not None and job.claimed_until > now_utc()
    maybe_out = job.state == JobState.ACTIVE.value and job.step in PUBLISH_MAYBE_DONE
    return not held_now and not maybe_out and job.state in (JobState.QUEUED.value, JobState.ACTIVE.value,
                                                             JobState.HELD.value)


def _cancel_job(job: PublishJob | None, why: Text | None) -> None:
    if job is not None and _untouched(job):
        job.state, job.step = JobState.CANCELLED.value, Step.CANCELLED.value
        job.last_error, job.error_family, job.next_attempt_at = str(why or ""), "", None


def withdraw_slot(session: Session, slot: TakeoverSlot, actor: str, rules: FrameRules) -> list[int]:
    """The slot was cancelled (or is no longer live): take its unpublished released frames off the queue.

    Scheduled frames go back to approved (the state machine's "taken off the queue"), their jobs are
    cancelled; the frames keep their approval, so a slot that is booked again publishes them again.
    Returns the ids of the frames withdrawn from the queue.
    """
    withdrawn = []
    for frame in _frames(session, slot.id):
        if frame.state not in {s.value for s in RELEASED}:
            continue
        jobs = _jobs(session, frame.id)
        if jobs and all(j.state == JobState.CANCELLED.value for j in jobs) \
                and frame.state != FrameState.SCHEDULED.value:
            continue  # already off the queue (the slot was withdrawn before)
        for job in jobs:
            _cancel_job(job, plan_problem(frame))
        if frame.state == FrameState.SCHEDULED.value:
            rules.move(session, frame, FrameState.APPROVED, actor, note(AuditNote.SLOT_CANCELLED_OFF_QUEUE))
        rules.note(session, actor, "story_frame", frame.id, "withdrawn_with_slot",
                   comment=note(AuditNote.OFF_QUEUE_WITH_SLOT, slot_id=slot.id, status=Text(SlotStatusName.of(slot.status))))
        withdrawn.append(frame.id)
    if withdrawn:
        log.info("Slot #%s %s: %d frame(s) taken off the publishing queue", slot.id, slot.status, len(withdrawn))
    return withdrawn


@dataclass(frozen=True)
class ShiftResult:
    moved: list[int]  # frames whose planned time moved with the slot
    to_review: list[int]  # released frames whose new time fell outside the slot: back to review


def shift_time(moment: dt.datetime, days: int) -> dt.datetime:
    """The same Oslo wall-clock time ``days`` later (a takeover at 12:00 stays at 12:00 across a DST change)."""
    local = to_oslo(moment)
    moved = dt.datetime.combine(local.date() + dt.timedelta(days=days), local.time().replace(tzinfo=None),
                                tzinfo=OSLO)
    return moved.astimezone(dt.UTC)


def shift_slot(session: Session, slot: TakeoverSlot, days: int, actor: str, rules: FrameRules) -> ShiftResult:
    """The slot moved ``days`` (its new dates are already on ``slot``): its unpublished frames move with it.

    A released frame whose new time falls outside the slot (the slot also got shorter) goes back to review;
    a queued job that has not started follows the new time; every frame's move is in the audit trail.
    """
    moved, to_review = [], []
    for frame in _frames(session, slot.id):
        if frame.state in _SETTLED or frame.planned_at is None:
            continue
        before = frame.planned_at
        if days:
            frame.planned_at = shift_time(before, days)
            rules.note(session, actor, "story_frame", frame.id, "retimed_with_slot",
                       before={"planned_at": before}, after={"planned_at": frame.planned_at},
                       comment=note(AuditNote.SLOT_MOVED_LATER if days > 0 else AuditNote.SLOT_MOVED_EARLIER,
                                    slot_id=slot.id, days=abs(days)))
            moved.append(frame.id)
        jobs = _jobs(session, frame.id)
        outside = not slot.start_date <= to_oslo(frame.planned_at).date() <= slot.end_date
        if outside and parse_state(frame.state) in RELEASED:
            for job in jobs:
                _cancel_job(job, plan_problem(frame))
            rules.move(session, frame, FrameState.SUBMITTED, actor,
                       note(AuditNote.OUTSIDE_SLOT, slot_id=slot.id))
            to_review.append(frame.id)
            continue
        for job in jobs:
            if job.step == Step.NEW.value and _untouched(job):
                job.due_at = frame.planned_at
                if job.state == JobState.HELD.value:  # held as late for its old time: the plan decides again
                    job.state, job.error_family, job.last_error, job.advice = JobState.QUEUED.value, "", "", ""
    session.flush()
    return ShiftResult(moved, to_review)
