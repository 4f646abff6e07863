"""Which frames may go out, and the frame state changes publishing makes.

Non-negotiable: nothing is published without an approval recorded against a named person. A frame may be
published only when it is approved or scheduled, its latest review decision is an approval by a named
person, and the approval gates of ``domain.review`` still hold (a clean file, complete consent). Every state
change goes through ``domain.review.plan_transition`` and is written to the audit trail.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from takeover_planner.domain.consent import ConsentFacts
from takeover_planner.domain.review import ApprovalFacts, FrameState, parse_state, plan_transition
from takeover_planner.domain.review import gates_hold as review_gates_hold
from takeover_planner.errors import TransitionRefused
from takeover_planner.services import audit
from takeover_planner.storage.models import (
    ConsentRecord,
    FrameConsent,
    MediaAsset,
    ReviewDecision,
    StoryFrame,
)

log = logging.getLogger(__name__)

PUBLISHABLE_STATES = frozenset({FrameState.APPROVED, FrameState.SCHEDULED})


def publish_asset(frame: StoryFrame) -> MediaAsset | None:
    """The file that goes out: the derivative (the fixed copy) if there is one, else the original."""
    return frame.derivative if frame.derivative is not None else frame.original


def recorded_approver(session: Session, frame_id: int) -> str | None:
    """The named person behind the frame's standing approval, or None if there is none."""
    decisions = session.scalars(
        select(ReviewDecision)
        .where(ReviewDecision.frame_id == frame_id, ReviewDecision.decision.in_(("approved", "changes_requested")))
        .order_by(ReviewDecision.at.desc(), ReviewDecision.id.desc())
    ).first()
    if decisions is None or decisions.decision != "approved":
        return None
    name = " ".join((decisions.by or "").split())
    return name or None


def approval_facts(session: Session, frame: StoryFrame) -> ApprovalFacts:
    asset = publish_asset(frame)
    file_errors: list[str] | None = None
    if asset is not None and asset.findings is not None:
        file_errors = [
            str(f.get("message_en") or f.get("message") or f.get("rule") or "a rule is broken")
            for f in asset.findings
            if isinstance(f, dict) and f.get("severity") == "error"
        ]
    consents = [
        ConsentFacts(
            id=c.id, subject=c.subject, reference=c.reference, given_by=c.given_by,
            scope=frozenset(str(s) for s in (c.scope or [])), valid_until=c.valid_until, withdrawn_at=c.withdrawn_at,
        )
        for c in session.scalars(
            select(ConsentRecord).join(FrameConsent, FrameConsent.consent_id == ConsentRecord.id)
            .where(FrameConsent.frame_id == frame.id).order_by(ConsentRecord.id)
        )
    ]
    return ApprovalFacts(
        has_file=asset is not None, file_errors=file_errors, shows_people=frame.shows_people,
        consents=tuple(consents), planned_at=frame.planned_at,
    )


def publish_problem(session: Session, frame: StoryFrame) -> str | None:
    """Why this frame may not be published now; None if it may."""
    try:
        state = parse_state(frame.state)
    except TransitionRefused:
        return f"Frame #{frame.id} has an unknown state '{frame.state}'."
    if state not in PUBLISHABLE_STATES:
        return f"Frame #{frame.id} is {state.value.replace('_', ' ')}, not approved."
    if recorded_approver(session, frame.id) is None:
        return f"Frame #{frame.id} has no approval recorded against a named person."
    if not review_gates_hold(approval_facts(session, frame)):
        return f"Frame #{frame.id} no longer meets the approval rules (its file or consent changed)."
    return None


def move(session: Session, frame: StoryFrame, target: FrameState, actor: str, comment: str = "") -> None:
    """Change the frame's state through the review state machine, with an audit record."""
    current = parse_state(frame.state)
    facts = approval_facts(session, frame)
    transition = plan_transition(frame.id, current, target, actor=actor, comment=comment, facts=facts)
    before = {"state": frame.state}
    frame.state = transition.to_state.value
    session.flush()
    audit.record(session, transition.actor, "story_frame", frame.id, transition.action, before=before,
                 after={"state": frame.state}, comment=transition.comment)


class FrameGate:
    """The publisher's view of frames: checks before a call, state changes after the outcome."""

    def __init__(self, actor: str) -> None:
        self.actor = actor

    def problem(self, session: Session, frame_id: int) -> str | None:
        frame = session.get(StoryFrame, frame_id)
        if frame is None:
            return f"Frame #{frame_id} no longer exists."
        return publish_problem(session, frame)

    def schedule(self, session: Session, frame_id: int) -> None:
        """approved → scheduled as the queue takes the frame (already scheduled: nothing to do)."""
        frame = session.get(StoryFrame, frame_id)
        if frame is not None and frame.state == FrameState.APPROVED.value:
            move(session, frame, FrameState.SCHEDULED, self.actor, "taken by the publishing queue")

    def mark_published(self, session: Session, frame_id: int, how: str) -> None:
        """Record that the frame went out. A fact: it must be written even if the frame changed meanwhile."""
        frame = session.get(StoryFrame, frame_id)
        if frame is None:
            return
        state = parse_state(frame.state)
        if state == FrameState.PUBLISHED:
            return
        if state == FrameState.APPROVED and self._try_move(session, frame, FrameState.SCHEDULED,
                                                           "taken by the publishing queue"):
            state = FrameState.SCHEDULED
        if state in (FrameState.SCHEDULED, FrameState.FAILED):
            move(session, frame, FrameState.PUBLISHED, self.actor, how)
            return
        # It went out although the frame was pulled meanwhile (withdrawn or sent back during the call): the
        # state machine forbids the move, so the fact goes to the audit trail for someone to act on.
        log.warning("Frame #%s was published while %s", frame_id, frame.state)
        audit.record(session, self.actor, "story_frame", frame_id, "published_while_" + frame.state[:20],
                     comment=how + " — the frame was no longer approved; remove the story on Instagram if needed")

    def mark_failed(self, session: Session, frame_id: int, reason: str) -> None:
        frame = session.get(StoryFrame, frame_id)
        if frame is None:
            return
        state = parse_state(frame.state)
        if state == FrameState.APPROVED and self._try_move(session, frame, FrameState.SCHEDULED,
                                                           "taken by the publishing queue"):
            state = FrameState.SCHEDULED
        if state == FrameState.SCHEDULED:
            move(session, frame, FrameState.FAILED, self.actor, reason)

    def _try_move(self, session: Session, frame: StoryFrame, target: FrameState, comment: str) -> bool:
        try:
            with session.begin_nested():
                move(session, frame, target, self.actor, comment)
        except TransitionRefused as exc:
            log.info("Frame #%s not moved to %s: %s", frame.id, target.value, exc.message)
            session.refresh(frame)
            return False
        return True
