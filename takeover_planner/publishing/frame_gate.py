"""Which frames may go out, and the frame state changes publishing reports.

Non-negotiable: nothing is published without an approval recorded against a named person, and nothing the
plan no longer wants. A frame may be published only when its slot is booked or confirmed, its planned time
lies inside the slot's days, it is approved or scheduled, its latest review decision is an approval by a
named person, and the approval gates of ``domain.review`` still hold (a clean file, complete consent).

The frame's state is changed only through the stories service's transition function (which plans the move
with ``domain.review`` and writes the audit trail); the service layer hands it in as ``FrameRules``, so this
package does not reach up into ``services``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from takeover_planner.domain.review import ApprovalFacts, FrameState, gates_hold, parse_state
from takeover_planner.domain.slots import SlotStatus, status_name
from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.errors import TakeoverError, TransitionRefused
from takeover_planner.storage.models import MediaAsset, ReviewDecision, StoryFrame, TakeoverSlot
from takeover_planner.texts import DateSpan, Text
from takeover_planner.texts.audit import AuditNote, note, read_note
from takeover_planner.texts.publishing import PublishingText

log = logging.getLogger(__name__)

PUBLISHABLE_STATES = frozenset({FrameState.APPROVED, FrameState.SCHEDULED})
# A cross-post (the Page story of an Instagram frame) follows the frame's approval, not its Instagram outcome:
# the frame may already be published or have failed on Instagram, and the Page story still goes.
CROSS_POST_STATES = PUBLISHABLE_STATES | {FrameState.PUBLISHED, FrameState.FAILED}
# Slots whose frames may go out: a requested slot is not agreed yet, a cancelled or completed one is over.
LIVE_SLOT_STATES = frozenset({SlotStatus.BOOKED.value, SlotStatus.CONFIRMED.value})
QUEUE_COMMENT = note(AuditNote.TAKEN_BY_QUEUE)


def _cut(comment: str) -> str:
    """A comment kept short for the trail; a coded note (``texts.audit.note``) is kept whole, or it cannot be read."""
    return comment if read_note(comment) is not None else comment[:500]


def _words(comment: str) -> Text | str:
    """A comment as a parameter of another note: the note it holds, or the words as they are."""
    found = read_note(comment)
    return found if found is not None else comment


@dataclass(frozen=True)
class FrameRules:
    """How frames are judged and moved: supplied by the service layer (services.stories)."""

    move: Callable[[Session, StoryFrame, FrameState, str, str], Any]  # (session, frame, target, actor, comment)
    facts: Callable[[Session, StoryFrame], ApprovalFacts]
    note: Callable[..., Any]  # audit.record(session, actor, entity_type, entity_id, action, comment=…)


def publish_asset(frame: StoryFrame) -> MediaAsset | None:
    """The file that goes out: the derivative (the fixed copy) if there is one, else the original."""
    return frame.derivative if frame.derivative is not None else frame.original


def recorded_approver(session: Session, frame_id: int) -> str | None:
    """The named person behind the frame's standing approval, or None if there is none."""
    latest = session.scalars(
        select(ReviewDecision)
        .where(ReviewDecision.frame_id == frame_id, ReviewDecision.decision.in_(("approved", "changes_requested")))
        .order_by(ReviewDecision.at.desc(), ReviewDecision.id.desc())
    ).first()
    if latest is None or latest.decision != "approved":
        return None
    name = " ".join((latest.by or "").split())
    return name or None


def plan_problem(frame: StoryFrame) -> Text | None:
    """Why the plan no longer wants this frame: its slot is not live, or its time lies outside the slot."""
    slot: TakeoverSlot = frame.slot
    if slot.status not in LIVE_SLOT_STATES:
        return Text(PublishingText.SLOT_NOT_LIVE, {"frame_id": frame.id, "slot_id": slot.id,
                                                   "status": Text(status_name(slot.status))})
    if frame.planned_at is None:
        return Text(PublishingText.NO_PLANNED_TIME, {"frame_id": frame.id})
    if not slot.start_date <= to_oslo(frame.planned_at).date() <= slot.end_date:
        return Text(PublishingText.OUTSIDE_SLOT, {"frame_id": frame.id, "moment": frame.planned_at,
                                                  "dates": DateSpan(slot.start_date, slot.end_date)})
    return None


def publish_problem(session: Session, frame: StoryFrame, rules: FrameRules, *, cross_post: bool = False
                    ) -> Text | None:
    """Why this frame may not be published now (on its own channel, or as a cross-post); None if it may."""
    planned = plan_problem(frame)
    if planned is not None:
        return planned
    try:
        state = parse_state(frame.state)
    except TransitionRefused:
        return Text(PublishingText.FRAME_STATE_UNKNOWN, {"frame_id": frame.id, "state": frame.state})
    if state not in (CROSS_POST_STATES if cross_post else PUBLISHABLE_STATES):
        return Text(PublishingText.FRAME_NOT_APPROVED, {"frame_id": frame.id, "state": state.value.replace("_", " ")})
    if recorded_approver(session, frame.id) is None:
        return Text(PublishingText.NO_NAMED_APPROVAL, {"frame_id": frame.id})
    if not gates_hold(rules.facts(session, frame)):
        return Text(PublishingText.GATES_BROKEN, {"frame_id": frame.id})
    return None


class FrameGate:
    """The publisher's view of frames: checks before a call, state changes after the outcome."""

    def __init__(self, actor: str, rules: FrameRules) -> None:
        self.actor = actor
        self.rules = rules

    def problem(self, session: Session, frame_id: int, *, cross_post: bool = False) -> Text | None:
        frame = session.get(StoryFrame, frame_id)
        if frame is None:
            return Text(PublishingText.FRAME_GONE, {"frame_id": frame_id})
        return publish_problem(session, frame, self.rules, cross_post=cross_post)

    def note(self, session: Session, frame_id: int, action: str, comment: str) -> None:
        """An audit entry for the frame without moving it (what a cross-post channel did)."""
        self.rules.note(session, self.actor, "story_frame", frame_id, action, comment=_cut(comment))

    def schedule(self, session: Session, frame_id: int) -> None:
        """approved → scheduled as the queue takes the frame (already scheduled: nothing to do)."""
        frame = session.get(StoryFrame, frame_id)
        if frame is not None and frame.state == FrameState.APPROVED.value:
            self.rules.move(session, frame, FrameState.SCHEDULED, self.actor, QUEUE_COMMENT)

    def mark_published(self, session: Session, frame_id: int, how: str) -> None:
        """Record that the frame went out. A fact: it must be written even if the frame changed meanwhile."""
        frame = session.get(StoryFrame, frame_id)
        if frame is None:
            return
        state = parse_state(frame.state)
        if state == FrameState.PUBLISHED:
            return
        if state == FrameState.APPROVED and self._try_move(session, frame, FrameState.SCHEDULED, QUEUE_COMMENT):
            state = FrameState.SCHEDULED
        if state in (FrameState.SCHEDULED, FrameState.FAILED) and \
                self._try_move(session, frame, FrameState.PUBLISHED, how):
            return
        # It went out although the frame was pulled meanwhile (withdrawn or sent back during the call): the
        # state machine forbids the move, so the fact goes to the audit trail for someone to act on.
        log.warning("Frame #%s was published while %s", frame_id, frame.state)
        self.rules.note(session, self.actor, "story_frame", frame_id, "published_while_" + frame.state[:20],
                        comment=note(AuditNote.PUBLISHED_WHILE, how=_words(how)))

    def mark_failed(self, session: Session, frame_id: int, reason: str) -> None:
        frame = session.get(StoryFrame, frame_id)
        if frame is None:
            return
        state = parse_state(frame.state)
        if state == FrameState.APPROVED and self._try_move(session, frame, FrameState.SCHEDULED, QUEUE_COMMENT):
            state = FrameState.SCHEDULED
        if state == FrameState.SCHEDULED and not self._try_move(session, frame, FrameState.FAILED, _cut(reason)):
            self.rules.note(session, self.actor, "story_frame", frame_id, "publish_failed", comment=_cut(reason))

    def _try_move(self, session: Session, frame: StoryFrame, target: FrameState, comment: str) -> bool:
        try:
            with session.begin_nested():
                self.rules.move(session, frame, target, self.actor, comment)
        except TakeoverError as exc:
            log.info("Frame #%s not moved to %s: %s", frame.id, target.value, exc.message)
            session.refresh(frame)
            return False
        return True
