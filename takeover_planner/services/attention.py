"""Needs attention: one list of what a comms officer must act on, each item with its kind, the slot and/or frame,
the action that resolves it and a message (a ``Text``, rendered when shown).

The list is computed from the data every time (no stored flags): an item disappears the moment what caused it
is resolved — a submission comes in, the slot is marked completed or moved, a frame is reviewed — so the window
can simply ask again when the change marker moves (``services/changes.py``).

Kinds:
- ``deadline_missed``: a booked/confirmed slot, not over yet, whose material deadline has passed with nothing
  submitted (no submission package and no frame past draft).
- ``not_completed``: a booked/confirmed slot whose last day is before today (Oslo).
- ``in_blackout``: a booked/confirmed slot, not over yet, overlapping a blackout on its account or all accounts.
  The booking rules refuse to book, move or re-status a slot into a blackout, so every such overlap comes from
  a blackout added (or widened) after the slot was booked; the item carries when that was, from the audit trail.
- ``competing``: a requested slot, not over yet, that wants days another live slot on the same account wants.
- ``review_waiting``: a frame submitted more than ``REVIEW_GRACE`` ago (its latest move to submitted).
- ``consent``: an unpublished frame relying on a consent that was withdrawn, or that runs out before the
  frame's planned day.
- ``handoff_due``: a frame that goes by hand (a sticker, an account set to hand-off, or on-screen text when
  ``publish.text_frames`` says so; or already in a hand-off pack) whose planned time has come and that nobody has
  marked posted yet. ``next_handoff_due`` says when the next one falls due, so the window can tell the comms
  officer at that moment instead of at its next look.
- ``publishing``: a frame the publisher holds: its job failed; its account's queue is stopped; the queue held
  it because it was late (``JobState.HELD``, a person decides: post now, re-time or drop); or its job waits
  more than ``LATE_GRACE`` past its time or its last change (the publisher did not run). ``details.reason``
  says which: failed, account_stopped, late, overdue.
- ``channel_failed``: a frame published on Instagram whose story on the Facebook Page it is cross-posted to
  failed (``details.reason`` failed) or waits for the stopped Page (account_stopped); ``details.channel`` says
  which channel. Gone when the Page story goes out, or the slot is completed or cancelled.

Who sees what: a comms officer (and a reader, who may look at everything) sees every item; a contributor sees
the items of their own department only — the same rule as ``booking.list_slots``. The list is for acting, but
it reveals nothing the person could not already read.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased, joinedload

from takeover_planner.domain.booking import ExistingBlackout, ExistingSlot, blackout_text, slot_text
from takeover_planner.domain.review import FrameState
from takeover_planner.domain.slots import DateRange, SlotStatus, status_name
from takeover_planner.domain.timekeeping import OSLO, now_utc
from takeover_planner.publishing.ledger import CLAIMABLE, FACEBOOK, INSTAGRAM, JobState
from takeover_planner.services.access import current_profile
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import (
    Account,
    AccountPublishing,
    AuditEvent,
    Blackout,
    ConsentRecord,
    Department,
    FrameConsent,
    PublishJob,
    StoryFrame,
    Submission,
    TakeoverSlot,
)
from takeover_planner.texts import Text
from takeover_planner.texts.attention import AttentionAction, AttentionText
from takeover_planner.texts.render import json_value, render

REVIEW_GRACE = dt.timedelta(days=1)
LATE_GRACE = dt.timedelta(minutes=30)  # the publisher runs every minute or so; half an hour idle means it is not

LIVE = (SlotStatus.REQUESTED.value, SlotStatus.BOOKED.value, SlotStatus.CONFIRMED.value)
BOOKED = (SlotStatus.BOOKED.value, SlotStatus.CONFIRMED.value)
FRAME_ENTITY = "story_frame"


class AttentionKind(enum.StrEnum):
    # In this order in the list: what goes wrong soonest and hurts most first.
    HANDOFF_DUE = "handoff_due"
    PUBLISHING = "publishing"
    CHANNEL_FAILED = "channel_failed"  # published on Instagram, not on the Facebook Page it is cross-posted to
    CONSENT = "consent"
    DEADLINE_MISSED = "deadline_missed"
    IN_BLACKOUT = "in_blackout"
    COMPETING = "competing"
    REVIEW_WAITING = "review_waiting"
    NOT_COMPLETED = "not_completed"


_ORDER = {kind: number for number, kind in enumerate(AttentionKind)}


@dataclass(frozen=True)
class AttentionItem:
    kind: AttentionKind
    action: AttentionAction
    message: Text
    department_id: int
    slot_id: int | None = None
    frame_id: int | None = None
    details: Mapping[str, Any] = field(default_factory=dict)  # machine facts: ids, moments

    @property
    def key(self) -> tuple[str, int | None, int | None, str]:
        """Stable while the item lasts, so a panel can keep its selection across refreshes."""
        return (self.kind.value, self.slot_id, self.frame_id, repr(sorted(self.details.items())))

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "slot_id": self.slot_id,
            "frame_id": self.frame_id,
            "department_id": self.department_id,
            "action": self.action.name_in_json,
            "action_text": render(self.action),
            "message": str(self.message),
            **self.message.to_json(),
            "details": {k: json_value(v) for k, v in self.details.items()},
        }

    def __str__(self) -> str:
        return str(Text(AttentionText.ITEM_LINE, {"message": self.message, "action": self.action}))


def needs_attention(ctx: AppContext, *, now: dt.datetime | None = None) -> list[AttentionItem]:
    """Every item, most pressing kind first, then by slot and frame."""
    now = (now or now_utc()).astimezone(dt.UTC)
    today = now.astimezone(OSLO).date()
    with ctx.db.session() as s:
        profile = current_profile(s, ctx.actor)
        items = [
            *_slot_items(s, now, today),
            *_review_items(s, now),
            *_consent_items(s),
            *_publishing_items(s, now),
            *_channel_items(s),
            *_handoff_items(s, now, _text_by_hand(ctx)),
        ]
    visible = [i for i in items if profile.can_see_department(i.department_id)]
    return sorted(visible, key=lambda i: (_ORDER[i.kind], i.slot_id or 0, i.frame_id or 0))


# --- slots ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _LiveSlot:
    """The columns the slot items need. Read as plain rows, not ORM objects: a ten-year plan holds thousands of
    live slots, and loading each as an entity with its account and department cost the window's read lane ~10 MB
    and a quarter of a second on every refresh."""

    id: int
    start_date: dt.date
    end_date: dt.date
    status: str
    department_id: int
    department: str
    account_id: int
    account: str
    material_deadline: dt.datetime | None


def _live_slots(s: Session, today: dt.date) -> list[_LiveSlot]:
    """Booked and confirmed slots of any time (a past one may still need marking completed) and requested ones
    that are not over yet (a past request needs nothing)."""
    query = (select(TakeoverSlot.id, TakeoverSlot.start_date, TakeoverSlot.end_date, TakeoverSlot.status,
                    TakeoverSlot.department_id, Department.name, TakeoverSlot.account_id, Account.name,
                    TakeoverSlot.material_deadline)
             .join(Department, Department.id == TakeoverSlot.department_id)
             .join(Account, Account.id == TakeoverSlot.account_id)
             .where(or_(TakeoverSlot.status.in_(BOOKED),
                        and_(TakeoverSlot.status.in_(LIVE), TakeoverSlot.end_date >= today)))
             .order_by(TakeoverSlot.start_date, TakeoverSlot.id))
    return [_LiveSlot(*row) for row in s.execute(query)]


def _existing(slot: _LiveSlot) -> ExistingSlot:
    return ExistingSlot(slot.id, slot.department, slot.account, DateRange(slot.start_date, slot.end_date),
                        SlotStatus(slot.status))


def _slot_items(s: Session, now: dt.datetime, today: dt.date) -> Iterable[AttentionItem]:
    slots = _live_slots(s, today)
    if not slots:
        return []
    with_material = set(s.scalars(select(Submission.slot_id).distinct())) | set(s.scalars(
        select(StoryFrame.slot_id).where(StoryFrame.state.notin_([FrameState.DRAFT.value, FrameState.WITHDRAWN.value]))
        .distinct()))
    blackouts = _blackouts(s)
    items: list[AttentionItem] = []
    for slot in slots:
        dates = DateRange(slot.start_date, slot.end_date)
        common = {"department": slot.department, "slot_id": slot.id, "dates": dates.span}
        booked, over = slot.status in BOOKED, slot.end_date < today
        if booked and over:
            items.append(AttentionItem(
                AttentionKind.NOT_COMPLETED, AttentionAction.MARK_COMPLETED,
                Text(AttentionText.NOT_COMPLETED, {**common, "status": status_name(slot.status)}),
                slot.department_id, slot.id))
        if over:
            continue
        deadline = slot.material_deadline
        if booked and deadline is not None and deadline < now and slot.id not in with_material:
            items.append(AttentionItem(
                AttentionKind.DEADLINE_MISSED, AttentionAction.REMIND_DEPARTMENT,
                Text(AttentionText.DEADLINE_MISSED, {**common, "deadline": deadline}),
                slot.department_id, slot.id, details={"deadline": deadline}))
        if booked:
            hits = [b for b in blackouts if b.account_id in (None, slot.account_id) and b.info.dates.overlaps(dates)]
            for hit in hits:
                items.append(AttentionItem(
                    AttentionKind.IN_BLACKOUT, AttentionAction.MOVE_OR_CANCEL,
                    Text(AttentionText.IN_BLACKOUT, {
                        **common, "status": status_name(slot.status),
                        "blackouts": Text(AttentionText.BLACKOUT_ITEM, {"blackout": blackout_text(hit.info)})}),
                    slot.department_id, slot.id,
                    details={"blackout_id": hit.info.id, "blackout_added_at": hit.since}))
    items.extend(_competing(slots, today))
    return items


@dataclass(frozen=True)
class _Blackout:
    info: ExistingBlackout
    account_id: int | None
    since: dt.datetime | None  # its latest creation or change of dates, from the audit trail


def _blackouts(s: Session) -> list[_Blackout]:
    rows = list(s.scalars(select(Blackout).options(joinedload(Blackout.account))))
    if not rows:
        return []
    since = dict(s.execute(
        select(AuditEvent.entity_id, func.max(AuditEvent.at))
        .where(AuditEvent.entity_type == "blackout", AuditEvent.action.in_(["created", "updated"]))
        .group_by(AuditEvent.entity_id)).all())
    return [_Blackout(ExistingBlackout(b.id, b.name, DateRange(b.start_date, b.end_date),
                                       b.account.name if b.account else None), b.account_id, since.get(b.id))
            for b in rows]


def _competing(slots: list[_LiveSlot], today: dt.date) -> list[AttentionItem]:
    """One item per requested slot that competes, naming every slot it competes with."""
    by_account: dict[int, list[_LiveSlot]] = {}
    for slot in slots:
        if slot.end_date >= today:
            by_account.setdefault(slot.account_id, []).append(slot)
    items: list[AttentionItem] = []
    for group in by_account.values():
        # Sorted by start, so that bisect finds the slots that can overlap: an account may hold thousands of
        # slots (the window re-reads this list on every change).
        spans = sorted(((o.start_date, o.end_date, o.id, o) for o in group), key=lambda span: span[:3])
        starts = [span[0] for span in spans]
        longest = max(end - start for start, end, _id, _slot in spans)
        for slot in group:
            if slot.status != SlotStatus.REQUESTED.value:
                continue
            first, last, own = slot.start_date, slot.end_date, slot.id
            # Only slots that start by this one's last day, and no earlier than the longest slot could reach
            # back from its first day, can overlap it: a window of the list, not all of it before this slot.
            begun = bisect.bisect_right(starts, last)
            earliest = bisect.bisect_left(starts, first - longest)
            others = [o for _start, end, other_id, o in spans[earliest:begun] if other_id != own and end >= first]
            if not others:
                continue
            items.append(AttentionItem(
                AttentionKind.COMPETING, AttentionAction.DECIDE_REQUEST,
                Text(AttentionText.COMPETING, {
                    "department": slot.department, "slot_id": slot.id, "account": slot.account,
                    "dates": DateRange(slot.start_date, slot.end_date).span,
                    "slots": [slot_text(_existing(o)) for o in others]}),
                slot.department_id, slot.id, details={"competing_with": [o.id for o in others]}))
    return items


# --- frames -----------------------------------------------------------------------------------------------


def _frame_rows(s: Session, *where: Any) -> list[tuple[StoryFrame, TakeoverSlot]]:
    query = (select(StoryFrame, TakeoverSlot).join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
             .where(TakeoverSlot.status != SlotStatus.CANCELLED.value, *where)
             .options(joinedload(TakeoverSlot.department), joinedload(TakeoverSlot.account))
             .order_by(StoryFrame.id))
    return [(frame, slot) for frame, slot in s.execute(query)]


def _review_items(s: Session, now: dt.datetime) -> list[AttentionItem]:
    rows = _frame_rows(s, StoryFrame.state == FrameState.SUBMITTED.value)
    if not rows:
        return []
    # The latest move to "submitted" (a re-submission after requested changes starts the wait again).
    submitted_at = dict(s.execute(
        select(AuditEvent.entity_id, func.max(AuditEvent.at))
        .where(AuditEvent.entity_type == FRAME_ENTITY, AuditEvent.action == FrameState.SUBMITTED.value,
               AuditEvent.entity_id.in_([frame.id for frame, _ in rows]))
        .group_by(AuditEvent.entity_id)).all())
    items: list[AttentionItem] = []
    for frame, slot in rows:
        since = submitted_at.get(frame.id) or frame.created_at
        if now - since <= REVIEW_GRACE:
            continue
        items.append(AttentionItem(
            AttentionKind.REVIEW_WAITING, AttentionAction.REVIEW,
            Text(AttentionText.REVIEW_WAITING, {"department": slot.department.name, "position": frame.position,
                                                "slot_id": slot.id, "since": since}),
            slot.department_id, slot.id, frame.id, details={"submitted_at": since}))
    return items


def _consent_items(s: Session) -> list[AttentionItem]:
    query = (select(StoryFrame, TakeoverSlot, ConsentRecord)
             .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
             .join(FrameConsent, FrameConsent.frame_id == StoryFrame.id)
             .join(ConsentRecord, ConsentRecord.id == FrameConsent.consent_id)
             .where(TakeoverSlot.status != SlotStatus.CANCELLED.value,
                    StoryFrame.state.notin_([FrameState.PUBLISHED.value, FrameState.WITHDRAWN.value]),
                    ConsentRecord.withdrawn_at.is_not(None) | ConsentRecord.valid_until.is_not(None))
             .options(joinedload(TakeoverSlot.department))
             .order_by(StoryFrame.id, ConsentRecord.id))
    items: list[AttentionItem] = []
    for frame, slot, consent in s.execute(query):
        common = {"department": slot.department.name, "position": frame.position, "slot_id": slot.id,
                  "subject": consent.subject}
        if consent.withdrawn_at is not None:
            message = Text(AttentionText.CONSENT_WITHDRAWN, {**common, "withdrawn": consent.withdrawn_at})
        elif (frame.planned_at is not None and consent.valid_until is not None
              and consent.valid_until < frame.planned_at.astimezone(OSLO).date()):
            message = Text(AttentionText.CONSENT_EXPIRES,
                           {**common, "until": consent.valid_until, "planned": frame.planned_at})
        else:
            continue
        items.append(AttentionItem(AttentionKind.CONSENT, AttentionAction.FIX_CONSENT, message,
                                   slot.department_id, slot.id, frame.id, details={"consent_id": consent.id}))
    return items


def _publishing_items(s: Session, now: dt.datetime) -> list[AttentionItem]:
    query = (select(PublishJob, StoryFrame, TakeoverSlot, Account, AccountPublishing.stopped_reason)
             .join(StoryFrame, StoryFrame.id == PublishJob.frame_id)
             .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
             .join(Account, Account.id == PublishJob.account_id)
             .outerjoin(AccountPublishing, AccountPublishing.account_id == PublishJob.account_id)
             .where(PublishJob.state.in_([JobState.FAILED.value, JobState.HELD.value, *CLAIMABLE]),
                    StoryFrame.state.notin_([FrameState.PUBLISHED.value, FrameState.WITHDRAWN.value]))
             .options(joinedload(TakeoverSlot.department))
             .order_by(PublishJob.id))
    items: list[AttentionItem] = []
    for job, frame, slot, account, stopped in s.execute(query):
        common = {"account": account.name, "position": frame.position, "slot_id": slot.id,
                  "department": slot.department.name}
        details: dict[str, Any] = {"job_id": job.id, "reason": job.state}
        if job.state == JobState.FAILED.value:
            # The ledger's own words (Meta's message or ours): foreign text, passed on as it is.
            action = AttentionAction.RETRY_PUBLISHING
            message = Text(AttentionText.PUBLISH_FAILED, {**common, "reason": job.last_error})
        elif job.state == JobState.HELD.value:
            action, details["reason"] = AttentionAction.DECIDE_LATE, job.error_family or "late"
            message = Text(AttentionText.PUBLISH_LATE, {**common, "due": frame.planned_at or job.due_at})
        elif stopped:
            action, details["reason"] = AttentionAction.RESUME_ACCOUNT, "account_stopped"
            message = Text(AttentionText.PUBLISH_STOPPED, {**common, "reason": stopped})
        elif _overdue(job, now):
            action, details["reason"] = AttentionAction.CHECK_PUBLISHER, "overdue"
            message = Text(AttentionText.PUBLISH_OVERDUE, {**common, "due": job.due_at})
        else:
            continue
        items.append(AttentionItem(AttentionKind.PUBLISHING, action, message, slot.department_id, slot.id, frame.id,
                                   details=details))
    return items


def _channel_items(s: Session) -> list[AttentionItem]:
    """A frame out on Instagram whose story on the Facebook Page failed or waits for a stopped Page (with a Page
    job, or none yet: a stopped Page makes none): the frame's own state says "published", so this is the only
    place it shows. Gone when the Page story goes out (a new Page token lets the Page catch up), or when the slot
    is completed or cancelled (the takeover is over: a person decided what the Page misses)."""
    page = aliased(Account)
    query = (select(PublishJob, StoryFrame, TakeoverSlot, page, AccountPublishing.stopped_reason)
             .select_from(StoryFrame)
             .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
             .join(Account, Account.id == TakeoverSlot.account_id)
             .outerjoin(PublishJob, and_(PublishJob.frame_id == StoryFrame.id, PublishJob.channel != INSTAGRAM))
             .join(page, page.id == func.coalesce(PublishJob.account_id, Account.facebook_page_account_id))
             .outerjoin(AccountPublishing, AccountPublishing.account_id == page.id)
             .where(StoryFrame.state == FrameState.PUBLISHED.value, TakeoverSlot.status.in_(LIVE),
                    or_(PublishJob.id.is_(None), PublishJob.state.in_([JobState.FAILED.value, *CLAIMABLE])))
             .options(joinedload(TakeoverSlot.department))
             .order_by(StoryFrame.id))
    items: list[AttentionItem] = []
    for job, frame, slot, page_account, stopped in s.execute(query):
        common = {"account": page_account.name, "position": frame.position, "slot_id": slot.id,
                  "department": slot.department.name}
        details: dict[str, Any] = {"channel": FACEBOOK, "page_account_id": page_account.id}
        if job is not None and job.state == JobState.FAILED.value:
            # The ledger's own words (Meta's message or ours): foreign text, passed on as it is.
            action, details["reason"] = AttentionAction.POST_ON_PAGE, "failed"
            message = Text(AttentionText.CHANNEL_FAILED, {**common, "reason": job.last_error})
        elif stopped:
            action, details["reason"] = AttentionAction.RESUME_ACCOUNT, "account_stopped"
            message = Text(AttentionText.CHANNEL_STOPPED, {**common, "reason": stopped})
        else:
            continue  # on its way
        items.append(AttentionItem(AttentionKind.CHANNEL_FAILED, action, message, slot.department_id, slot.id,
                                   frame.id, details=details))
    return items


def _overdue(job: PublishJob, now: dt.datetime) -> bool:
    """Waiting well past its time, its planned retry and its last change (a job released a minute ago by a
    person is not overdue): the publisher is not running."""
    if job.due_at is None:
        return False
    since = max(m for m in (job.due_at, job.next_attempt_at, job.updated_at) if m is not None)
    return now - since > LATE_GRACE


# --- frames posted by hand ----------------------------------------------------------------------------------

# A hand-off frame waits for a person while its job is one of these (or it has none yet): published, failed,
# held, cancelled or on its way through the API are the publishing items' business, or nobody's.
_WAITING_BY_HAND = (JobState.QUEUED.value, JobState.HANDOFF.value)
_READY = (FrameState.APPROVED.value, FrameState.SCHEDULED.value)


def _text_by_hand(ctx: AppContext) -> bool:
    from takeover_planner.publishing.text_frames import HANDOFF
    from takeover_planner.services.text_frames_setting import text_frames_choice

    return text_frames_choice(ctx) == HANDOFF


def _by_hand_rows(s: Session, text_by_hand: bool, *where: Any) -> list[tuple[StoryFrame, TakeoverSlot, Account]]:
    """Approved frames of booked slots that go by hand and are not posted yet, with their slot and account."""
    query = (select(StoryFrame, TakeoverSlot, Account, PublishJob.state, PublishJob.method,
                    AccountPublishing.method)
             .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
             .join(Account, Account.id == TakeoverSlot.account_id)
             .outerjoin(PublishJob, PublishJob.frame_id == StoryFrame.id)
             .outerjoin(AccountPublishing, AccountPublishing.account_id == TakeoverSlot.account_id)
             .where(TakeoverSlot.status.in_(BOOKED), StoryFrame.state.in_(_READY),
                    StoryFrame.planned_at.is_not(None), *where)
             .options(joinedload(TakeoverSlot.department))
             .order_by(StoryFrame.planned_at, StoryFrame.id))
    rows = []
    for frame, slot, account, job_state, job_method, account_method in s.execute(query):
        if job_state is not None and job_state not in _WAITING_BY_HAND:
            continue
        by_hand = (job_state == JobState.HANDOFF.value or job_method == "handoff" or bool(frame.sticker_kind.strip())
                   or account_method == "handoff" or (text_by_hand and bool(frame.text.strip())))
        if by_hand:
            rows.append((frame, slot, account))
    return rows


def _handoff_items(s: Session, now: dt.datetime, text_by_hand: bool) -> list[AttentionItem]:
    items = []
    for frame, slot, account in _by_hand_rows(s, text_by_hand, StoryFrame.planned_at <= now):
        message = Text(AttentionText.HANDOFF_DUE_STICKER if frame.sticker_kind.strip() else AttentionText.HANDOFF_DUE, {
            "account": account.name, "department": slot.department.name, "position": frame.position,
            "slot_id": slot.id, "due": frame.planned_at})
        items.append(AttentionItem(AttentionKind.HANDOFF_DUE, AttentionAction.POST_BY_HAND, message,
                                   slot.department_id, slot.id, frame.id, details={"due": frame.planned_at}))
    return items


def next_handoff_due(ctx: AppContext, *, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the next frame that goes by hand falls due (after ``now``), for the window's alarm; None: none waits."""
    now = (now or now_utc()).astimezone(dt.UTC)
    with ctx.db.session() as s:
        profile = current_profile(s, ctx.actor)
        rows = _by_hand_rows(s, _text_by_hand(ctx), StoryFrame.planned_at > now)
    moments = [frame.planned_at for frame, slot, _account in rows
               if frame.planned_at is not None and profile.can_see_department(slot.department_id)]
    return min(moments) if moments else None
