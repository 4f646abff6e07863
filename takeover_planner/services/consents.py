"""Consent records: add, change, link to frames, and withdraw.

Withdrawing (or weakening) consent re-checks every frame it is linked to: unpublished frames that were
released to the publisher go back to 'changes requested' with a comment saying why, and published ones are
listed so that someone takes them down on Instagram.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from takeover_planner.domain.consent import parse_given_by, parse_scope
from takeover_planner.domain.review import FrameSnapshot, Transition, parse_state, plan_reopen
from takeover_planner.domain.timekeeping import now_utc, to_oslo
from takeover_planner.domain.validation import clean_name
from takeover_planner.errors import NotFoundError, TakeoverError, ValidationError
from takeover_planner.services import audit
from takeover_planner.services.access import require_department, require_planner
from takeover_planner.services.context import AppContext
from takeover_planner.services.stories import (
    ENTITY,
    after_edit,
    apply_transition,
    frame_facts,
    guard_edit,
    lock_frame,
)
from takeover_planner.services.story_views import ConsentInfo, FrameInfo, consent_info, frame_info
from takeover_planner.storage.models import ConsentRecord, FrameConsent, StoryFrame, TakeoverSlot
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.stories import StoriesText

CONSENT = "consent"


@dataclass(frozen=True)
class WithdrawalResult:
    consent: ConsentInfo
    moved: tuple[Transition, ...]  # frames sent back from approved / scheduled / failed
    to_remove: tuple[FrameInfo, ...]  # published frames that must be taken down by hand


def _snapshot(c: ConsentRecord) -> dict[str, object]:
    return {"subject": c.subject, "reference": c.reference, "given_by": c.given_by, "scope": list(c.scope or []),
            "valid_until": c.valid_until, "withdrawn_at": c.withdrawn_at, "withdrawn_by": c.withdrawn_by}


def _find(session: Session, consent_id: int) -> ConsentRecord:
    row = session.scalars(select(ConsentRecord).where(ConsentRecord.id == consent_id).with_for_update()).first()
    if row is None:
        raise NotFoundError(StoriesText.NO_CONSENT, consent_id=consent_id)
    return row


def add_consent(
    ctx: AppContext,
    *,
    subject: str,
    reference: str = "",
    given_by: str = "self",
    scope: list[str] | None = None,
    valid_until: dt.date | None = None,
    department_id: int | None = None,
    session: Session | None = None,
) -> ConsentInfo:
    """A new consent record (in ``session`` when given, e.g. during a package import)."""
    record = ConsentRecord(
        subject=clean_name(subject, StoriesText.CONSENT_SUBJECT, max_length=300), reference=reference.strip()[:200],
        given_by=parse_given_by(given_by).value, scope=parse_scope(scope or ["instagram"]), valid_until=valid_until,
        department_id=department_id,
    )
    if session is not None:
        return _add(session, ctx.actor, record)
    with ctx.db.write() as s:
        if department_id is not None:
            require_department(s, ctx.actor, department_id, ActionText.RECORD_CONSENT)
        return _add(s, ctx.actor, record)


def _add(session: Session, actor: str, record: ConsentRecord) -> ConsentInfo:
    session.add(record)
    session.flush()
    audit.record(session, actor, CONSENT, record.id, "added", after=_snapshot(record))
    return consent_info(record)


def list_consents(ctx: AppContext, *, slot_id: int | None = None) -> list[ConsentInfo]:
    """All consent records, or those linked to a slot's frames or held by its department."""
    with ctx.db.session() as s:
        query = select(ConsentRecord).order_by(ConsentRecord.id)
        if slot_id is not None:
            slot = s.get(TakeoverSlot, slot_id)
            if slot is None:
                raise NotFoundError(StoriesText.NO_SLOT, slot_id=slot_id)
            linked = select(FrameConsent.consent_id).join(StoryFrame, StoryFrame.id == FrameConsent.frame_id).where(
                StoryFrame.slot_id == slot_id)
            query = query.where(ConsentRecord.id.in_(linked) | (ConsentRecord.department_id == slot.department_id))
        return [consent_info(c) for c in s.scalars(query)]


def link(ctx: AppContext, frame_id: int, consent_id: int, *, linked: bool = True) -> FrameInfo:
    """Link (or unlink) a consent record and a frame; an edit, so a released frame goes back for review."""
    with ctx.db.write() as s:
        frame = lock_frame(s, frame_id)
        require_department(s, ctx.actor, frame.slot.department_id, ActionText.CHANGE_FRAME_CONSENT)
        guard_edit(frame)
        record = _find(s, consent_id)
        existing = s.get(FrameConsent, (frame_id, consent_id))
        if linked == (existing is not None):
            return frame_info(s, frame)
        state = frame.state
        if linked:
            if record.withdrawn_at is not None:
                raise ValidationError(StoriesText.LINK_WITHDRAWN, consent_id=consent_id, subject=record.subject)
            s.add(FrameConsent(frame_id=frame_id, consent_id=consent_id))
            frame.shows_people = True  # a consent record is about people in the picture
        else:
            s.delete(existing)
        audit.record(s, ctx.actor, ENTITY, frame_id, "consent_linked" if linked else "consent_unlinked",
                     after={"consent_id": consent_id, "subject": record.subject})
        after_edit(s, frame, ctx.actor, state)
        return frame_info(s, frame)


def _recheck(session: Session, consent_id: int, actor: str, comment: str) -> tuple[list[Transition], list[FrameInfo]]:
    frames = list(session.scalars(
        select(StoryFrame).join(FrameConsent, FrameConsent.frame_id == StoryFrame.id)
        .where(FrameConsent.consent_id == consent_id).order_by(StoryFrame.id).with_for_update()
    ))
    snaps = [FrameSnapshot(f.id, parse_state(f.state), frame_facts(session, f)) for f in frames]
    moves, removal = plan_reopen(snaps, actor=actor, comment=comment)
    by_id = {f.id: f for f in frames}
    for move in moves:
        apply_transition(session, by_id[move.frame_id], move, decision="changes_requested")
    session.flush()
    return moves, [frame_info(session, by_id[i]) for i in removal]


def withdraw_consent(ctx: AppContext, consent_id: int, *, by: str, comment: str = "") -> WithdrawalResult:
    """Record that consent was withdrawn (by ``by``, who registers it); stop unpublished frames that use it and
    list the published ones for removal."""
    by = " ".join(by.split())
    if not by:
        raise ValidationError(StoriesText.WITHDRAWAL_NEEDS_NAME)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.WITHDRAW_CONSENT)
        record = _find(s, consent_id)
        if record.withdrawn_at is not None:
            raise TakeoverError(StoriesText.ALREADY_WITHDRAWN, consent_id=consent_id, subject=record.subject,
                                day=to_oslo(record.withdrawn_at).date(), by=record.withdrawn_by)
        before = _snapshot(record)
        record.withdrawn_at, record.withdrawn_by = now_utc(), by
        s.flush()
        audit.record(s, by, CONSENT, record.id, "withdrawn", before=before, after=_snapshot(record), comment=comment)
        reason = f"Consent for {record.subject} was withdrawn." + (f" {comment.strip()}" if comment.strip() else "")
        moves, removal = _recheck(s, consent_id, by, reason)
        return WithdrawalResult(consent_info(record), tuple(moves), tuple(removal))
