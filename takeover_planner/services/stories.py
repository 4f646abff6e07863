"""A slot's story plan: frames (add, edit, reorder, remove) and their review (submit, approve, request changes,
withdraw), plus the state changes the publisher reports.

Every state change is planned by ``domain.review`` (which refuses illegal moves and checks the approval gates)
and written with an audit event (entity ``story_frame``) in the same transaction. Editing a frame that was
already released (approved, scheduled, failed) takes its approval away: it goes back for review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from takeover_planner.domain.review import (
    ApprovalFacts,
    FrameState,
    Transition,
    parse_state,
    plan_edit,
    plan_transition,
    state_name,
)
from takeover_planner.domain.validation import clean_sticker
from takeover_planner.errors import (
    ConflictError,
    NotFoundError,
    TakeoverError,
    TransitionRefused,
    ValidationError,
)
from takeover_planner.services import audit
from takeover_planner.services.access import require_department, require_planner
from takeover_planner.services.context import AppContext
from takeover_planner.services.story_views import (
    FrameInfo,
    asset_errors,
    consent_facts,
    frame_channel,
    frame_info,
    load_frames,
)
from takeover_planner.storage.models import FrameConsent, MediaAsset, ReviewDecision, StoryFrame, TakeoverSlot
from takeover_planner.texts import Text
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.audit import AuditNote, note
from takeover_planner.texts.media import MediaText
from takeover_planner.texts.stories import StoriesText

ENTITY = "story_frame"
EDITABLE = ("planned_at", "text", "notes", "sticker_kind", "sticker_value", "credit", "shows_people")


@dataclass(frozen=True)
class BulkResult:
    """The outcome of 'approve all' / 'request changes on all': what moved and why the rest did not."""

    done: tuple[int, ...]
    refused: dict[int, Text] = field(default_factory=dict)  # why, rendered when shown


# --- facts and the one place state changes are applied ------------------------------------------------


def frame_facts(session: Session, frame: StoryFrame) -> ApprovalFacts:
    """The approval facts of the file that will be published: the fixed copy if there is one, else the original."""
    asset = frame.derivative if frame.derivative is not None else frame.original
    return ApprovalFacts(
        has_file=asset is not None,
        # Judged for every channel the frame goes out on (a cross-posted frame: Instagram's rules and the Page's).
        file_errors=asset_errors(asset, frame_channel(frame)) if asset is not None else None,
        shows_people=frame.shows_people,
        consents=tuple(consent_facts(session, frame.id)),
        planned_at=frame.planned_at,
    )


def _snapshot(frame: StoryFrame) -> dict[str, Any]:
    return {"state": frame.state, "position": frame.position, "planned_at": frame.planned_at, "text": frame.text,
            "sticker_kind": frame.sticker_kind, "sticker_value": frame.sticker_value, "credit": frame.credit,
            "shows_people": frame.shows_people, "original_asset_id": frame.original_asset_id,
            "derivative_asset_id": frame.derivative_asset_id}


def apply_transition(session: Session, frame: StoryFrame, move: Transition, *, decision: str | None = None) -> None:
    """Apply a planned move: the new state, an audit event, and (for review outcomes) a review decision."""
    if frame.state != move.from_state.value:
        raise ConflictError(StoriesText.MOVED_MEANWHILE, frame_id=frame.id, state=state_name(FrameState(frame.state)))
    frame.state = move.to_state.value
    if decision is not None:
        session.add(ReviewDecision(frame_id=frame.id, decision=decision, by=move.actor, comment=move.comment))
    audit.record(session, move.actor, ENTITY, frame.id, move.action, before={"state": move.from_state.value},
                 after={"state": move.to_state.value}, comment=move.comment)


def lock_frame(session: Session, frame_id: int) -> StoryFrame:
    frame = session.scalars(select(StoryFrame).where(StoryFrame.id == frame_id).with_for_update()).first()
    if frame is None:
        raise NotFoundError(StoriesText.NO_FRAME, frame_id=frame_id)
    return frame


def _slot(session: Session, slot_id: int) -> TakeoverSlot:
    slot = session.get(TakeoverSlot, slot_id)
    if slot is None:
        raise NotFoundError(StoriesText.NO_SLOT, slot_id=slot_id)
    return slot


def move_frame(session: Session, frame: StoryFrame, target: FrameState, actor: str, comment: str = "",
               *, decision: str | None = None) -> Transition:
    """Plan and apply one move inside the caller's transaction (TransitionRefused if it is not allowed)."""
    move = plan_transition(frame.id, parse_state(frame.state), target, actor=actor, comment=comment,
                           facts=frame_facts(session, frame))
    apply_transition(session, frame, move, decision=decision)
    session.flush()
    return move


def after_edit(session: Session, frame: StoryFrame, actor: str, before_state: str) -> None:
    """An edit of a released frame takes its approval away (plan_edit); a published frame is never edited."""
    session.flush()
    move = plan_edit(frame.id, parse_state(before_state), actor=actor, facts=frame_facts(session, frame))
    if move is not None:
        apply_transition(session, frame, move)


def guard_edit(frame: StoryFrame) -> None:
    if frame.state == FrameState.PUBLISHED.value:
        raise TakeoverError(StoriesText.PUBLISHED_FROZEN, frame_id=frame.id)


# --- frames ---------------------------------------------------------------------------------------------


def channel_of_frame(ctx: AppContext, frame_id: int) -> str:
    """The rules a frame's file must meet (``instagram``, ``both``, ``facebook``): its slot's account's channels."""
    with ctx.db.session() as s:
        frame = s.get(StoryFrame, frame_id)
        if frame is None:
            raise NotFoundError(StoriesText.NO_FRAME, frame_id=frame_id)
        return frame_channel(frame)


def list_frames(ctx: AppContext, slot_id: int) -> list[FrameInfo]:
    with ctx.db.session() as s:
        _slot(s, slot_id)
        return [frame_info(s, f) for f in load_frames(s, slot_id)]


def add_frame(ctx: AppContext, slot_id: int, *, original_asset_id: int | None, **fields: Any) -> FrameInfo:
    """A new draft frame at the end of the slot's story."""
    with ctx.db.write() as s:
        slot = _slot(s, slot_id)
        require_department(s, ctx.actor, slot.department_id, ActionText.ADD_FRAMES)
        if original_asset_id is not None and s.get(MediaAsset, original_asset_id) is None:
            raise NotFoundError(MediaText.NO_ASSET, asset_id=original_asset_id)
        last = s.scalar(select(func.max(StoryFrame.position)).where(StoryFrame.slot_id == slot_id))
        frame = StoryFrame(slot_id=slot_id, position=(last or 0) + 1, original_asset_id=original_asset_id,
                           state=FrameState.DRAFT.value)
        _set_fields(frame, fields)
        s.add(frame)
        s.flush()
        audit.record(s, ctx.actor, ENTITY, frame.id, "created", after=_snapshot(frame))
        return frame_info(s, frame)


def _set_fields(frame: StoryFrame, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(StoriesText.UNKNOWN_FIELDS, fields=", ".join(sorted(unknown)))
    if "sticker_kind" in fields or "sticker_value" in fields:
        fields["sticker_kind"], fields["sticker_value"] = clean_sticker(
            fields.get("sticker_kind", frame.sticker_kind or ""), fields.get("sticker_value", frame.sticker_value or ""))
    planned = fields.get("planned_at")
    if planned is not None and planned.tzinfo is None:
        raise ValidationError(StoriesText.NO_TIME_ZONE)
    for key, value in fields.items():
        setattr(frame, key, value.strip() if isinstance(value, str) else value)


def set_files(ctx: AppContext, frame_id: int, *, original_asset_id: int | None = None,
              derivative_asset_id: int | None = None, clear_derivative: bool = False) -> FrameInfo:
    """Attach a new original and/or the fixed copy that will be published instead of it."""
    with ctx.db.write() as s:
        frame = lock_frame(s, frame_id)
        require_department(s, ctx.actor, frame.slot.department_id, ActionText.CHANGE_FRAMES)
        guard_edit(frame)
        before, state = _snapshot(frame), frame.state
        for asset_id in (original_asset_id, derivative_asset_id):
            if asset_id is not None and s.get(MediaAsset, asset_id) is None:
                raise NotFoundError(MediaText.NO_ASSET, asset_id=asset_id)
        if original_asset_id is not None:
            frame.original_asset_id = original_asset_id
            frame.derivative_asset_id = None  # a fix of the old original does not belong to the new one
        if derivative_asset_id is not None:
            frame.derivative_asset_id = derivative_asset_id
        elif clear_derivative:
            frame.derivative_asset_id = None
        s.flush()
        s.expire(frame, ["original", "derivative"])
        audit.record(s, ctx.actor, ENTITY, frame.id, "file_changed", before=before, after=_snapshot(frame))
        after_edit(s, frame, ctx.actor, state)
        return frame_info(s, frame)


def split_into_parts(ctx: AppContext, frame_id: int, part_asset_ids: Sequence[int]) -> list[FrameInfo]:
    """Give a frame the parts of its split video, in one transaction: the first part becomes its fixed copy, each
    later part a new frame right after it that inherits everything (time, text, notes, sticker, credit, people
    and every consent link) and its review state when it is waiting for review. Returns every part's frame.

    Only ``services.split_parts`` calls this: the contributor window splits by the same rule.
    """
    if not part_asset_ids:
        raise ValidationError(StoriesText.NO_PARTS, frame_id=frame_id)
    with ctx.db.write() as s:
        frame = lock_frame(s, frame_id)
        require_department(s, ctx.actor, frame.slot.department_id, ActionText.CHANGE_FRAMES)
        guard_edit(frame)
        for asset_id in part_asset_ids:
            if s.get(MediaAsset, asset_id) is None:
                raise NotFoundError(MediaText.NO_ASSET, asset_id=asset_id)
        before, state, total = _snapshot(frame), frame.state, len(part_asset_ids)
        frame.derivative_asset_id = part_asset_ids[0]
        s.flush()
        s.expire(frame, ["original", "derivative"])
        audit.record(s, ctx.actor, ENTITY, frame.id, "file_changed", before=before, after=_snapshot(frame))
        after_edit(s, frame, ctx.actor, state)
        consent_ids = list(s.scalars(select(FrameConsent.consent_id).where(FrameConsent.frame_id == frame.id)))
        for later in s.scalars(select(StoryFrame).where(StoryFrame.slot_id == frame.slot_id,
                                                        StoryFrame.position > frame.position)):
            later.position += total - 1
        parts = [frame]
        for number, asset_id in enumerate(part_asset_ids[1:], start=2):
            part = StoryFrame(slot_id=frame.slot_id, submission_id=frame.submission_id,
                              position=frame.position + number - 1, original_asset_id=frame.original_asset_id,
                              derivative_asset_id=asset_id, state=FrameState.DRAFT.value,
                              **{name: getattr(frame, name) for name in EDITABLE})
            s.add(part)
            s.flush()
            for consent_id in consent_ids:
                s.add(FrameConsent(frame_id=part.id, consent_id=consent_id))
            s.flush()
            comment = note(AuditNote.SPLIT_PART, number=number, total=total, frame_id=frame.id)
            audit.record(s, ctx.actor, ENTITY, part.id, "created", after=_snapshot(part), comment=comment)
            if frame.state == FrameState.SUBMITTED.value:
                move_frame(s, part, FrameState.SUBMITTED, ctx.actor, comment)
            parts.append(part)
        return [frame_info(s, p) for p in parts]


def reorder_frames(ctx: AppContext, slot_id: int, ordered_ids: Sequence[int]) -> list[FrameInfo]:
    """Put the slot's frames in this order (every frame of the slot, each once)."""
    with ctx.db.write() as s:
        slot = _slot(s, slot_id)
        require_department(s, ctx.actor, slot.department_id, ActionText.REORDER_FRAMES)
        frames = {f.id: f for f in load_frames(s, slot_id)}
        if sorted(ordered_ids) != sorted(frames) or len(set(ordered_ids)) != len(ordered_ids):
            raise ValidationError(StoriesText.ORDER_INCOMPLETE)
        before = [f.id for f in sorted(frames.values(), key=lambda f: (f.position, f.id))]
        for position, frame_id in enumerate(ordered_ids, start=1):
            frames[frame_id].position = position
        s.flush()
        if before != list(ordered_ids):
            audit.record(s, ctx.actor, "slot", slot_id, "frames_reordered", before={"order": before},
                         after={"order": list(ordered_ids)})
        return [frame_info(s, f) for f in load_frames(s, slot_id)]


# --- review ---------------------------------------------------------------------------------------------


def submit(ctx: AppContext, frame_id: int, comment: str = "") -> FrameInfo:
    with ctx.db.write() as s:
        frame = lock_frame(s, frame_id)
        require_department(s, ctx.actor, frame.slot.department_id, ActionText.SUBMIT_FRAMES)
        move_frame(s, frame, FrameState.SUBMITTED, ctx.actor, comment)
        return frame_info(s, frame)


def check_text_fits(frame: StoryFrame) -> None:
    """A frame's on-screen text is burned into its picture or video when it is published
    (``media/text_overlay.py``, ``media/video_text.py``): a text that cannot be set legibly there is refused at
    approval, with the reason, not discovered at posting time. Sticker frames go by hand (the text is typed on
    the phone). A video is set at the story's size, to which it is fitted when its text is burned in."""
    from takeover_planner.media.geometry import STORY_SIZE
    from takeover_planner.media.text_overlay import TextTooLong, text_fits  # Pillow: only when approving

    asset = frame.derivative if frame.derivative is not None else frame.original
    if not frame.text.strip() or frame.sticker_kind.strip() or asset is None or asset.kind not in ("image", "video"):
        return
    width, height = asset.display_width or asset.width, asset.display_height or asset.height
    if asset.kind == "video":
        width, height = STORY_SIZE
    if not width or not height:
        return
    try:
        text_fits(frame.text, width, height)
    except TextTooLong as exc:
        raise TransitionRefused(StoriesText.CANNOT_APPROVE_TEXT, details={"frame_id": frame.id}, frame_id=frame.id,
                                reason=exc.text) from None


def approve(ctx: AppContext, frame_id: int, *, by: str, comment: str = "") -> FrameInfo:
    """Approve one frame in the name of ``by`` (needs a clean file, complete consent and a text that fits)."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.APPROVE_FRAMES)
        frame = lock_frame(s, frame_id)
        move_frame(s, frame, FrameState.APPROVED, by, comment, decision="approved")
        check_text_fits(frame)  # after the review gates, whose refusals come first; a refusal undoes the move
        return frame_info(s, frame)


def request_changes(ctx: AppContext, frame_id: int, *, by: str, comment: str) -> FrameInfo:
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.REVIEW_FRAMES)
        frame = lock_frame(s, frame_id)
        move_frame(s, frame, FrameState.CHANGES_REQUESTED, by, comment, decision="changes_requested")
        return frame_info(s, frame)


def _bulk(ctx: AppContext, frame_ids: Iterable[int], target: FrameState, by: str, comment: str,
          decision: str) -> BulkResult:
    """Each frame in its own savepoint: one refusal does not stop the others, and says why."""
    done: list[int] = []
    refused: dict[int, Text] = {}
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.REVIEW_FRAMES)
        for frame_id in frame_ids:
            try:
                with s.begin_nested():
                    frame = lock_frame(s, frame_id)
                    move_frame(s, frame, target, by, comment, decision=decision)
                    if target == FrameState.APPROVED:
                        check_text_fits(frame)
                done.append(frame_id)
            except TakeoverError as exc:
                refused[frame_id] = exc.text
    return BulkResult(tuple(done), refused)


def _submitted_in(ctx: AppContext, slot_id: int) -> list[int]:
    with ctx.db.session() as s:
        _slot(s, slot_id)
        return [f.id for f in load_frames(s, slot_id) if f.state == FrameState.SUBMITTED.value]


def approve_all(ctx: AppContext, slot_id: int, *, by: str, comment: str = "",
                frame_ids: Sequence[int] | None = None) -> BulkResult:
    """Approve every submitted frame of the slot (or the ones given); frames that cannot be are listed."""
    ids = list(frame_ids) if frame_ids is not None else _submitted_in(ctx, slot_id)
    return _bulk(ctx, ids, FrameState.APPROVED, by, comment, "approved")


def request_changes_all(ctx: AppContext, slot_id: int, *, by: str, comment: str,
                        frame_ids: Sequence[int] | None = None) -> BulkResult:
    ids = list(frame_ids) if frame_ids is not None else _submitted_in(ctx, slot_id)
    return _bulk(ctx, ids, FrameState.CHANGES_REQUESTED, by, comment, "changes_requested")


# --- the slot's audit trail -------------------------------------------------------------------------------


def slot_audit_trail(ctx: AppContext, slot_id: int) -> list[audit.AuditEntry]:
    """Everything recorded about the slot, its frames, their consents and its imported submissions, oldest first."""
    from takeover_planner.storage.models import AuditEvent, Submission

    with ctx.db.session() as s:
        _slot(s, slot_id)
        frame_ids = list(s.scalars(select(StoryFrame.id).where(StoryFrame.slot_id == slot_id)))
        consent_ids = list(s.scalars(select(FrameConsent.consent_id).where(FrameConsent.frame_id.in_(frame_ids))))
        submission_ids = list(s.scalars(select(Submission.id).where(Submission.slot_id == slot_id)))
        events: list[AuditEvent] = []
        for entity, ids in (("slot", [slot_id]), (ENTITY, frame_ids), ("consent", consent_ids),
                            ("submission", submission_ids)):
            if ids:
                events += s.scalars(select(AuditEvent).where(AuditEvent.entity_type == entity,
                                                             AuditEvent.entity_id.in_(set(ids))))
        events.sort(key=lambda e: (e.at, e.id))
        return [audit.AuditEntry(e.id, e.at, e.actor, e.entity_type, e.entity_id, e.action, e.before, e.after,
                                 e.comment) for e in events]
