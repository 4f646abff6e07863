"""Hand-off packs for the command line and the window: which frames go by hand, writing the pack, and
recording that a frame was posted by hand (who and when). Split from ``publishing_service`` (the API side).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from takeover_planner.domain.review import FrameState, parse_state
from takeover_planner.domain.timekeeping import now_utc, to_oslo
from takeover_planner.errors import NotFoundError, TransitionRefused, ValidationError
from takeover_planner.publishing.frame_gate import FrameGate, publish_problem, recorded_approver
from takeover_planner.publishing.handoff import HandoffPublisher, PackResult
from takeover_planner.publishing.ledger import PUBLISH_MAYBE_DONE, JobState, Step
from takeover_planner.publishing.publisher import FrameToPublish, Method
from takeover_planner.publishing.queue import MediaPath, frame_to_publish
from takeover_planner.publishing.text_frames import text_goes_by_hand
from takeover_planner.services import audit
from takeover_planner.services.access import require_planner
from takeover_planner.services.brief_language import brief_language
from takeover_planner.services.context import AppContext
from takeover_planner.services.profile import get_profile
from takeover_planner.services.publishing_service import frame_rules, media_file
from takeover_planner.services.text_frames_setting import text_frames_choice
from takeover_planner.storage.models import AccountPublishing, PublishJob, StoryFrame, TakeoverSlot
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.audit import AuditNote, note
from takeover_planner.texts.publishing import PublishingText


def handoff_frames(ctx: AppContext, slot_id: int, *, include_all: bool = False,
                   media_path: MediaPath | None = None) -> list[FrameToPublish]:
    """The slot's approved frames that go by hand (stickers, an account set to hand-off, frames with on-screen
    text when ``publish.text_frames`` says so; all with
    ``include_all``), leaving out frames that are published or may be on their way through the API."""
    resolve = media_path or media_file(ctx)
    text_choice = text_frames_choice(ctx)  # frames with on-screen text may be set to go by hand too
    out = []
    with ctx.db.session() as s:
        slot = s.get(TakeoverSlot, slot_id)
        if slot is None:
            raise NotFoundError(PublishingText.NO_SLOT, slot_id=slot_id)
        state = s.get(AccountPublishing, slot.account_id)
        by_hand_account = state is not None and state.method == Method.HANDOFF.value
        frames = s.scalars(
            select(StoryFrame).options(joinedload(StoryFrame.slot).joinedload(TakeoverSlot.account),
                                       joinedload(StoryFrame.slot).joinedload(TakeoverSlot.department),
                                       joinedload(StoryFrame.original), joinedload(StoryFrame.derivative))
            .where(StoryFrame.slot_id == slot_id)
            .order_by(StoryFrame.planned_at, StoryFrame.position, StoryFrame.id)
        ).unique().all()
        for frame in frames:
            if parse_state(frame.state) not in (FrameState.APPROVED, FrameState.SCHEDULED, FrameState.FAILED):
                continue
            if recorded_approver(s, frame.id) is None:
                continue
            job = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame.id)
                           .order_by(PublishJob.channel != "instagram"))  # Instagram's job first
            if job is not None and (job.state == JobState.PUBLISHED.value or
                                    (job.state == JobState.ACTIVE.value and job.step in PUBLISH_MAYBE_DONE)):
                continue
            item = frame_to_publish(frame, resolve)
            if include_all or by_hand_account or frame.sticker_kind.strip() or frame.state == FrameState.FAILED \
                    or text_goes_by_hand(item, text_choice):
                out.append(item)
    return out


def build_handoff_pack(ctx: AppContext, slot_id: int, folder: Path, *, include_all: bool = False,
                       language: str | None = None, media_path: MediaPath | None = None) -> PackResult:
    """Write the pack and put its frames in the ledger as 'handed off' (so the API leaves them alone). The
    checklist is in ``language``, else in the slot's brief's (``brief_language``: Bokmål when none was written)."""
    with ctx.db.session() as s:
        require_planner(s, ctx.actor, ActionText.MAKE_HANDOFF_PACKS)
        slot = s.get(TakeoverSlot, slot_id)
        if slot is None:
            raise NotFoundError(PublishingText.NO_SLOT, slot_id=slot_id)
        first = to_oslo(dt.datetime.combine(slot.start_date, dt.time(12), tzinfo=dt.UTC)).date()
        title = f"{slot.department.name}, {first:%d.%m.%Y}" + (
            f"–{slot.end_date:%d.%m.%Y}" if slot.end_date != slot.start_date else "")
    frames = handoff_frames(ctx, slot_id, include_all=include_all, media_path=media_path)
    if not frames:
        raise ValidationError(PublishingText.NOTHING_TO_HAND_OFF, slot_id=slot_id)
    # The checklist is read by whoever posts from the phone, for the department: in the brief's language unless
    # asked for another (the window's or command line's own language does not decide it).
    lang = language or brief_language(ctx, slot_id)
    publisher = HandoffPublisher(folder, title=title, language="nb" if str(lang).startswith(("nb", "no")) else "en",
                                 prepared_by=get_profile(ctx.settings).signature())
    publisher.publish(frames)
    assert publisher.result is not None
    now = now_utc()
    with ctx.db.write() as s:
        for frame in frames:
            job = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame.frame_id)
                           .order_by(PublishJob.channel != "instagram"))  # Instagram's job first
            if job is None:
                job = PublishJob(frame_id=frame.frame_id, account_id=frame.account_id, due_at=frame.planned_at)
                s.add(job)
            elif job.claimed_by and job.claimed_until and job.claimed_until > now:
                continue  # a runner is on it right now; it stays with the API
            job.method = Method.HANDOFF.value
            job.state = JobState.HANDOFF.value
            job.step = Step.HANDED_OFF.value
            job.handoff_pack = str(publisher.result.folder)
            job.next_attempt_at = None
        audit.record(s, ctx.actor, "takeover_slot", slot_id, "handoff_pack",
                     after={"folder": str(publisher.result.folder), "frames": [f.frame_id for f in frames]})
    return publisher.result


def mark_posted_by_hand(ctx: AppContext, frame_id: int, *, by: str | None = None,
                        at: dt.datetime | None = None) -> None:
    """Record that someone posted the frame from a phone: who and when (the approval must be on record)."""
    who = " ".join((by or ctx.actor).split())
    if not who:
        raise ValidationError(PublishingText.WHO_POSTED)
    when = at or now_utc()
    if when.tzinfo is None:
        raise ValidationError(PublishingText.TIME_NEEDS_ZONE)
    if when > now_utc() + dt.timedelta(minutes=5):
        raise ValidationError(PublishingText.POSTED_IN_FUTURE)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.MARK_POSTED)
        frame = s.get(StoryFrame, frame_id)
        if frame is None:
            raise NotFoundError(PublishingText.NO_FRAME, frame_id=frame_id)
        state = parse_state(frame.state)
        if state == FrameState.PUBLISHED:
            raise TransitionRefused(PublishingText.ALREADY_PUBLISHED, frame_id=frame_id)
        if state == FrameState.FAILED:
            if recorded_approver(s, frame_id) is None:
                raise TransitionRefused(PublishingText.NO_NAMED_APPROVAL, frame_id=frame_id)
        else:
            problem = publish_problem(s, frame, frame_rules())
            if problem is not None:
                raise TransitionRefused(problem.code, **problem.params)
        job = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id)
                       .order_by(PublishJob.channel != "instagram"))  # Instagram's job first
        if job is not None:
            if job.state == JobState.ACTIVE.value and job.step in PUBLISH_MAYBE_DONE:
                raise TransitionRefused(PublishingText.MAYBE_PUBLISHED, frame_id=frame_id)
            if job.claimed_by and job.claimed_until and job.claimed_until > now_utc():
                raise TransitionRefused(PublishingText.BEING_PUBLISHED, frame_id=frame_id)
        else:
            job = PublishJob(frame_id=frame_id, account_id=frame.slot.account_id, due_at=frame.planned_at)
            s.add(job)
        job.method = Method.HANDOFF.value
        job.state = JobState.PUBLISHED.value
        job.step = Step.POSTED_BY_HAND.value
        job.published_at = when
        job.published_by = who
        job.last_error = job.advice = job.error_family = ""
        job.claimed_by = None
        job.claimed_until = None
        s.flush()
        FrameGate(ctx.actor, frame_rules()).mark_published(
            s, frame_id, note(AuditNote.POSTED_BY_HAND, who=who, at=when))
