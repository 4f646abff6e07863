"""Booking takeover slots: book, move, change status, list.

Every write locks the account first (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the write transaction
already began with ``BEGIN IMMEDIATE``), then checks the rules against what is committed, then writes. So two
people — or two processes — booking overlapping days on one account cannot both win.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, undefer

from takeover_planner.domain.booking import ExistingBlackout, ExistingSlot, check_booking
from takeover_planner.domain.roles import Profile
from takeover_planner.domain.slots import DateRange, SlotStatus, check_transition, status_name
from takeover_planner.domain.validation import clean_url
from takeover_planner.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    TransitionRefused,
    ValidationError,
)
from takeover_planner.services import audit
from takeover_planner.services.access import current_profile, require_department, require_planner
from takeover_planner.services.catalog import find_account, find_campaign, find_department
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account, Blackout, TakeoverSlot
from takeover_planner.texts.access import AccessText, ActionText
from takeover_planner.texts.booking import BookingText


@dataclass(frozen=True)
class SlotInfo:
    id: int
    account_id: int
    account: str
    department_id: int
    department: str
    department_color: str
    campaign_id: int | None
    campaign: str | None
    start: dt.date
    end: dt.date
    status: SlotStatus
    cancel_reason: str
    notes: str  # the internal note: the comms team's own, never sent to the department
    news_url: str
    material_deadline: dt.datetime | None
    version: int
    department_note: str = ""  # the note to the department: what the brief, letter and e-mail say
    # The reader may not see the internal note (anyone but the comms team): ``notes`` is empty, whatever it holds.
    internal_note_hidden: bool = False

    @property
    def dates(self) -> DateRange:
        return DateRange(self.start, self.end)

    def as_dict(self) -> dict[str, object]:
        """Without the ``notes`` key for someone who may not see the internal note."""
        values: dict[str, object] = {
            "id": self.id,
            "account": self.account,
            "department": self.department,
            "campaign": self.campaign,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "status": self.status.value,
            "cancel_reason": self.cancel_reason,
            "notes": self.notes,
            "department_note": self.department_note,
            "news_url": self.news_url,
            "material_deadline": self.material_deadline.isoformat() if self.material_deadline else None,
            "version": self.version,
        }
        if self.internal_note_hidden:
            del values["notes"]
        return values


@dataclass(frozen=True)
class BookingResult:
    slot: SlotInfo
    competing: tuple[ExistingSlot, ...]  # requested slots wanting the same days (allowed, but shown)
    frames_withdrawn: int = 0  # cancelled: unpublished frames taken off the publishing queue
    frames_moved: int = 0  # moved: frames whose planned time moved with the slot
    frames_to_review: int = 0  # moved: frames whose new time fell outside the slot, sent back to review


# The internal note's own audit entries: the slot's entries carry no internal note, because contributors and
# readers read those (on PostgreSQL row-level security keeps these from everyone but the comms team).
INTERNAL_NOTE_ENTITY = "slot_note"


def slot_info(slot: TakeoverSlot, *, internal_note: bool) -> SlotInfo:
    """``internal_note``: whether the reader may see the comms team's internal note (else it is empty, and the
    deferred column is never loaded: on PostgreSQL contributors and readers may not SELECT it)."""
    return SlotInfo(
        id=slot.id,
        account_id=slot.account_id,
        account=slot.account.name,
        department_id=slot.department_id,
        department=slot.department.name,
        department_color=slot.department.color,
        campaign_id=slot.campaign_id,
        campaign=slot.campaign.name if slot.campaign else None,
        start=slot.start_date,
        end=slot.end_date,
        status=SlotStatus(slot.status),
        cancel_reason=audit.comment_words(slot.cancel_reason),  # the app's own reason in the reader's language
        notes=slot.notes if internal_note else "",
        news_url=slot.news_url,
        material_deadline=slot.material_deadline,
        version=slot.version,
        department_note=slot.department_note or "",
        internal_note_hidden=not internal_note,
    )


def _snapshot(slot: TakeoverSlot) -> dict[str, object]:
    """The slot as its audit entries record it, without the internal note (``_record_internal_note``)."""
    return {
        "account_id": slot.account_id,
        "department_id": slot.department_id,
        "campaign_id": slot.campaign_id,
        "start": slot.start_date,
        "end": slot.end_date,
        "status": slot.status,
        "cancel_reason": slot.cancel_reason,
        "department_note": slot.department_note or "",
        "news_url": slot.news_url,
        "material_deadline": slot.material_deadline,
    }


def _record_internal_note(session: Session, actor: str, slot_id: int, action: str, before: str | None,
                          after: str) -> None:
    """An entry of its own for a change of the internal note, under the same action as the slot's entry."""
    if before != after and (before is not None or after):
        audit.record(session, actor, INTERNAL_NOTE_ENTITY, slot_id, action,
                     before=None if before is None else {"notes": before}, after={"notes": after})


def _internal_note_allowed(profile: Profile, notes: str | None) -> bool:
    """Whether to write ``notes`` as the internal note. Someone who may not see it cannot write it either; an
    empty one from them is what they saw (nothing), so it is left alone rather than refused."""
    if profile.sees_internal_notes:
        return notes is not None
    if notes and notes.strip():
        raise PermissionDenied(AccessText.PLANNERS_ONLY, action=ActionText.EDIT_INTERNAL_NOTE)
    return False


def _department_note(text: str) -> str | None:
    """Stored as NULL when empty, so "no note to the department" has one spelling in the database."""
    return text.strip() or None


def _lock_account(session: Session, account_id: int) -> Account:
    """Lock the account's row (PostgreSQL); on SQLite the write transaction already holds the database lock."""
    return session.scalars(select(Account).where(Account.id == account_id).with_for_update()).one()


def _check_rules(
    session: Session, account: Account, dates: DateRange, status: SlotStatus, ignore_slot_id: int | None
) -> tuple[ExistingSlot, ...]:
    rows = session.scalars(
        select(TakeoverSlot)
        .options(joinedload(TakeoverSlot.department))
        .where(
            TakeoverSlot.account_id == account.id,
            TakeoverSlot.start_date <= dates.end,
            TakeoverSlot.end_date >= dates.start,
            TakeoverSlot.status != SlotStatus.CANCELLED.value,
        )
    )
    others = [
        ExistingSlot(r.id, r.department.name, account.name, DateRange(r.start_date, r.end_date), SlotStatus(r.status))
        for r in rows
    ]
    blackout_rows = session.scalars(
        select(Blackout).where(
            Blackout.start_date <= dates.end,
            Blackout.end_date >= dates.start,
            (Blackout.account_id == account.id) | Blackout.account_id.is_(None),
        )
    )
    blackouts = [
        ExistingBlackout(b.id, b.name, DateRange(b.start_date, b.end_date), account.name if b.account_id else None)
        for b in blackout_rows
    ]
    return check_booking(dates, status, account.name, others, blackouts, ignore_slot_id=ignore_slot_id).competing


def default_material_deadline(start: dt.date) -> dt.datetime:
    """Material is due at noon (Oslo) three working days before the takeover starts."""
    from takeover_planner.domain.timekeeping import oslo_datetime

    day = start
    working_days = 0
    while working_days < 3:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            working_days += 1
    return oslo_datetime(day, dt.time(12, 0))


def book(
    ctx: AppContext,
    *,
    department: int | str,
    account: int | str,
    start: dt.date,
    end: dt.date,
    campaign: int | str | None = None,
    status: SlotStatus = SlotStatus.REQUESTED,
    notes: str = "",
    news_url: str = "",
    material_deadline: dt.datetime | None = None,
    department_note: str = "",
) -> BookingResult:
    """``notes`` is the internal note (the comms team's only); ``department_note`` goes to the department."""
    dates = DateRange(start, end)
    if status in (SlotStatus.CANCELLED, SlotStatus.COMPLETED):
        raise ValidationError(BookingText.NEW_SLOT_STATUS, status=status_name(status))
    news_url = clean_url(news_url)
    with ctx.db.write() as s:
        dept = find_department(s, department)
        if status == SlotStatus.REQUESTED:
            profile = require_department(s, ctx.actor, dept.id, ActionText.REQUEST_SLOTS)
        else:
            profile = require_planner(s, ctx.actor, ActionText.BOOK_SLOTS)
        internal = _internal_note_allowed(profile, notes)
        account_row = _lock_account(s, find_account(s, account).id)
        campaign_row = find_campaign(s, campaign) if campaign is not None else None
        competing = _check_rules(s, account_row, dates, status, None)
        slot = TakeoverSlot(
            account_id=account_row.id,
            department_id=dept.id,
            campaign_id=campaign_row.id if campaign_row else None,
            start_date=dates.start,
            end_date=dates.end,
            status=status.value,
            notes=notes.strip() if internal else "",
            department_note=_department_note(department_note),
            news_url=news_url,
            material_deadline=material_deadline or default_material_deadline(dates.start),
        )
        s.add(slot)
        s.flush()
        s.refresh(slot)
        audit.record(s, ctx.actor, "slot", slot.id, "booked", after=_snapshot(slot))
        if internal:
            _record_internal_note(s, ctx.actor, slot.id, "booked", None, notes.strip())
        return BookingResult(slot_info(slot, internal_note=profile.sees_internal_notes), competing)


def shift_deadline(moment: dt.datetime, days: int) -> dt.datetime:
    """``moment`` ``days`` later on the Oslo clock: noon stays noon across a change to or from summer time.
    A moved slot's material deadline moves so (``move``; the window's edit dialog and outbox show the same)."""
    from takeover_planner.domain.timekeeping import oslo_datetime, to_oslo

    local = to_oslo(moment)
    return oslo_datetime(local.date() + dt.timedelta(days=days), local.time().replace(tzinfo=None))


def _load_slot(session: Session, slot_id: int, *, internal_note: bool = False) -> TakeoverSlot:
    """``internal_note`` loads the internal note with the rest (for the comms team only)."""
    options = [joinedload(TakeoverSlot.account), joinedload(TakeoverSlot.department), joinedload(TakeoverSlot.campaign)]
    if internal_note:
        options.append(undefer(TakeoverSlot.notes))
    slot = session.get(TakeoverSlot, slot_id, options=options)
    if slot is None:
        raise NotFoundError(BookingText.NO_SLOT, slot_id=slot_id)
    return slot


def _check_version(slot: TakeoverSlot, expected: int | None) -> None:
    if expected is not None and slot.version != expected:
        raise ConflictError(
            BookingText.SLOT_CHANGED, details={"slot": slot.id, "current_version": slot.version},
            slot_id=slot.id, department=slot.department.name,
            dates=DateRange(slot.start_date, slot.end_date).span, status=status_name(slot.status),
        )


def _locked_slot(session: Session, slot_id: int, expected_version: int | None) -> tuple[TakeoverSlot, Account]:
    """The slot, with its account locked and the slot re-read under that lock, checked against the version the
    person saw. Every change to a slot's days or status starts here, so none can race another."""
    slot = _load_slot(session, slot_id)
    account = _lock_account(session, slot.account_id)
    session.refresh(slot)
    _check_version(slot, expected_version)
    return slot, account


def move(
    ctx: AppContext, slot_id: int, start: dt.date, end: dt.date, *, expected_version: int | None = None
) -> BookingResult:
    dates = DateRange(start, end)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.MOVE_SLOTS)
        slot, account = _locked_slot(s, slot_id, expected_version)
        if slot.status in (SlotStatus.COMPLETED.value, SlotStatus.CANCELLED.value):
            raise TransitionRefused(BookingText.CANNOT_MOVE, slot_id=slot.id, status=status_name(slot.status))
        before = _snapshot(slot)
        competing = _check_rules(s, account, dates, SlotStatus(slot.status), slot.id)
        days = (dates.start - slot.start_date).days
        slot.start_date, slot.end_date = dates.start, dates.end
        if slot.material_deadline is not None:
            # The deadline keeps its distance to the first day (the "moved" audit entry shows both).
            slot.material_deadline = shift_deadline(slot.material_deadline, days)
        s.flush()
        audit.record(s, ctx.actor, "slot", slot.id, "moved", before=before, after=_snapshot(slot))
        # The publish queue follows the plan: the frames move with the slot (publishing_service).
        from takeover_planner.services import publishing_service  # not at the top: see the cancel below

        shifted = publishing_service.follow_slot_moved(s, slot, days, ctx.actor)
        return BookingResult(slot_info(slot, internal_note=True), competing, frames_moved=len(shifted.moved),
                             frames_to_review=len(shifted.to_review))


def change_account(
    ctx: AppContext, slot_id: int, account: int | str, *, expected_version: int | None = None
) -> BookingResult:
    """Give a slot to another account, checked against that account's bookings and blackouts (both accounts
    locked, as for any booking)."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.MOVE_SLOTS)
        slot, _current = _locked_slot(s, slot_id, expected_version)
        if slot.status in (SlotStatus.COMPLETED.value, SlotStatus.CANCELLED.value):
            raise TransitionRefused(BookingText.CANNOT_MOVE, slot_id=slot.id, status=status_name(slot.status))
        target = _lock_account(s, find_account(s, account).id)
        before = _snapshot(slot)
        competing = _check_rules(s, target, DateRange(slot.start_date, slot.end_date), SlotStatus(slot.status),
                                 slot.id)
        slot.account_id = target.id
        s.flush()
        s.expire(slot, ["account"])
        audit.record(s, ctx.actor, "slot", slot.id, "account_changed", before=before, after=_snapshot(slot))
        return BookingResult(slot_info(slot, internal_note=True), competing)


def set_status(
    ctx: AppContext,
    slot_id: int,
    status: SlotStatus,
    *,
    reason: str | None = None,
    expected_version: int | None = None,
) -> BookingResult:
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_SLOT_STATUS)
        slot, account = _locked_slot(s, slot_id, expected_version)
        current = SlotStatus(slot.status)
        check_transition(current, status, reason)
        competing: tuple[ExistingSlot, ...] = ()
        if status != SlotStatus.CANCELLED:
            competing = _check_rules(s, account, DateRange(slot.start_date, slot.end_date), status, slot.id)
        before = _snapshot(slot)
        slot.status = status.value
        slot.cancel_reason = (reason or "").strip() if status == SlotStatus.CANCELLED else ""
        s.flush()
        audit.record(s, ctx.actor, "slot", slot.id, "status", before=before, after=_snapshot(slot), comment=reason or "")
        withdrawn = 0
        if status in (SlotStatus.CANCELLED, SlotStatus.REQUESTED):
            # No longer live: its frames leave the publish queue (publishing_service; the audit says so).
            # Imported here, not at the top: the window's first read imports this module on the way to the
            # calendar, and the publisher (requests, keyring, Pillow) cost that start 0.1 s.
            from takeover_planner.services import publishing_service

            withdrawn = publishing_service.follow_slot_cancelled(s, slot, ctx.actor)
        return BookingResult(slot_info(slot, internal_note=True), competing, frames_withdrawn=withdrawn)


def update_details(
    ctx: AppContext,
    slot_id: int,
    *,
    expected_version: int | None = None,
    notes: str | None = None,
    news_url: str | None = None,
    material_deadline: dt.datetime | None = None,
    campaign: int | str | None = None,
    clear_campaign: bool = False,
    department_note: str | None = None,
) -> SlotInfo:
    """``None`` leaves a field as it is. ``notes`` is the internal note, ``department_note`` the department's.
    Only the comms team writes the internal note; from anyone else an empty one is ignored, any other refused."""
    with ctx.db.write() as s:
        # The internal note is read in the same statement as the version checked below: read lazily later, it could
        # come from a newer save, and writing that same note again would change nothing, so no version-checked
        # UPDATE would run and a stale edit would pass as saved.
        slot = _load_slot(s, slot_id, internal_note=current_profile(s, ctx.actor).sees_internal_notes)
        profile = require_department(s, ctx.actor, slot.department_id, ActionText.EDIT_SLOT_DETAILS)
        internal = _internal_note_allowed(profile, notes)
        _check_version(slot, expected_version)
        before = _snapshot(slot)
        note_before = slot.notes if profile.sees_internal_notes else None
        if internal and notes is not None:
            slot.notes = notes.strip()
        if department_note is not None:
            slot.department_note = _department_note(department_note)
        if news_url is not None:
            slot.news_url = clean_url(news_url)
        if material_deadline is not None:
            slot.material_deadline = material_deadline
        if clear_campaign:
            slot.campaign_id = None
        elif campaign is not None:
            slot.campaign_id = find_campaign(s, campaign).id
        s.flush()
        s.refresh(slot)
        audit.record(s, ctx.actor, "slot", slot.id, "updated", before=before, after=_snapshot(slot))
        if internal and notes is not None:
            _record_internal_note(s, ctx.actor, slot.id, "updated", note_before or "", notes.strip())
        return slot_info(slot, internal_note=profile.sees_internal_notes)


def get_slot(ctx: AppContext, slot_id: int) -> SlotInfo:
    with ctx.db.session() as s:
        profile = current_profile(s, ctx.actor)
        slot = _load_slot(s, slot_id, internal_note=profile.sees_internal_notes)
        if not profile.can_see_department(slot.department_id):
            # A contributor does not learn about others' slots.
            raise NotFoundError(BookingText.NO_SLOT, slot_id=slot_id)
        return slot_info(slot, internal_note=profile.sees_internal_notes)


def list_slots(
    ctx: AppContext,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    account: int | str | None = None,
    department: int | str | None = None,
    campaign: int | str | None = None,
    statuses: set[SlotStatus] | None = None,
) -> list[SlotInfo]:
    """Slots touching [start, end] (either open), oldest first."""
    with ctx.db.session() as s:
        query = select(TakeoverSlot).options(
            joinedload(TakeoverSlot.account), joinedload(TakeoverSlot.department), joinedload(TakeoverSlot.campaign)
        )
        if start is not None:
            query = query.where(TakeoverSlot.end_date >= start)
        if end is not None:
            query = query.where(TakeoverSlot.start_date <= end)
        if account is not None:
            query = query.where(TakeoverSlot.account_id == find_account(s, account).id)
        if department is not None:
            query = query.where(TakeoverSlot.department_id == find_department(s, department).id)
        if campaign is not None:
            query = query.where(TakeoverSlot.campaign_id == find_campaign(s, campaign).id)
        if statuses:
            query = query.where(TakeoverSlot.status.in_([st.value for st in statuses]))
        profile = current_profile(s, ctx.actor)
        if profile.visible_department is not None:
            query = query.where(TakeoverSlot.department_id == profile.visible_department)
        if profile.sees_internal_notes:
            query = query.options(undefer(TakeoverSlot.notes))
        query = query.order_by(TakeoverSlot.start_date, TakeoverSlot.id)
        return [slot_info(row, internal_note=profile.sees_internal_notes) for row in s.scalars(query)]


def competing_requests(slots: list[SlotInfo]) -> dict[int, list[int]]:
    """For each requested slot, the other live slots on the same account that want any of its days."""
    live = [x for x in slots if x.status != SlotStatus.CANCELLED]
    result: dict[int, list[int]] = {}
    by_account: dict[int, list[SlotInfo]] = {}
    for slot in live:
        by_account.setdefault(slot.account_id, []).append(slot)
    for group in by_account.values():
        group.sort(key=lambda x: x.start)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if b.start > a.end:
                    break
                if SlotStatus.REQUESTED in (a.status, b.status):
                    result.setdefault(a.id, []).append(b.id)
                    result.setdefault(b.id, []).append(a.id)
    return result


def slot_history(ctx: AppContext, slot_id: int) -> list[audit.AuditEntry]:
    """The slot's audit trail. The comms team's entries show the internal note (kept in entries of its own,
    ``INTERNAL_NOTE_ENTITY``) as a key of the slot's snapshots; everyone else's never carry one, not even an
    entry written before the note was kept apart."""
    with ctx.db.session() as s:
        entries = audit.history(s, "slot", slot_id)
        if not current_profile(s, ctx.actor).sees_internal_notes:
            return [_without_internal_note(e) for e in entries]
        return _with_internal_notes(entries, audit.history(s, INTERNAL_NOTE_ENTITY, slot_id))


def _without_internal_note(entry: audit.AuditEntry) -> audit.AuditEntry:
    def strip(values: dict[str, Any] | None) -> dict[str, Any] | None:
        return None if values is None else {k: v for k, v in values.items() if k != "notes"}

    if "notes" not in (entry.before or {}) and "notes" not in (entry.after or {}):
        return entry
    return dataclasses.replace(entry, before=strip(entry.before), after=strip(entry.after))


def _with_internal_notes(entries: list[audit.AuditEntry],
                         notes: list[audit.AuditEntry]) -> list[audit.AuditEntry]:
    """Each internal-note entry folded into the slot's entry it belongs to: the latest one before it (written in
    the same transaction, just before) with the same action."""
    merged = list(entries)
    for note in notes:
        for i in range(len(merged) - 1, -1, -1):
            entry = merged[i]
            if entry.id < note.id and entry.action == note.action:
                before = None if entry.before is None else {**entry.before, **(note.before or {})}
                merged[i] = dataclasses.replace(entry, before=before, after={**(entry.after or {}), **(note.after or {})})
                break
    return merged
