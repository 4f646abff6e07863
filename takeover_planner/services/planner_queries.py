"""What the planner window needs that the booking and catalog services do not offer.

- many slots at once, fast: the same ``SlotInfo`` values as ``booking.list_slots``, read without the ORM and in
  chunks (a window reading ten years must not hold the interpreter for one long fetch);
- story progress of a slot: how many frames are submitted, approved and published;
- whether the database is still empty (the first start offers the demo municipality then);
- the catalog (accounts, departments, campaigns, blackouts) in one call;
- changing a campaign or a blackout period (the catalog service can only add and remove them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from takeover_planner.domain.slots import DateRange, SlotStatus
from takeover_planner.domain.validation import clean_color, clean_name
from takeover_planner.errors import ConflictError, NotFoundError, ValidationError
from takeover_planner.services import audit, catalog
from takeover_planner.services.access import current_profile
from takeover_planner.services.booking import SlotInfo
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account, Blackout, Campaign, Department, StoryFrame, TakeoverSlot

CHUNK = 400


def slots_between(ctx: AppContext, start: dt.date | None = None, end: dt.date | None = None) -> list[SlotInfo]:
    """Slots touching [start, end] (either open), oldest first — what ``booking.list_slots`` returns unfiltered,
    except that a contributor sees only their own department's slots, as there.

    One joined query instead of ORM objects (several times faster for thousands of rows), fetched ``CHUNK``
    rows at a time: each fetch is a single C call that no other thread can interrupt, so small ones keep a
    window responsive while this runs on a worker thread.
    """
    slot, account, department, campaign = TakeoverSlot, Account, Department, Campaign
    query = (
        select(slot.id, slot.account_id, account.name, slot.department_id, department.name, department.color,
               slot.campaign_id, campaign.name, slot.start_date, slot.end_date, slot.status, slot.cancel_reason,
               slot.notes, slot.news_url, slot.material_deadline, slot.version)
        .join(account, account.id == slot.account_id)
        .join(department, department.id == slot.department_id)
        .outerjoin(campaign, campaign.id == slot.campaign_id)
        .order_by(slot.start_date, slot.id)
    )
    if start is not None:
        query = query.where(slot.end_date >= start)
    if end is not None:
        query = query.where(slot.start_date <= end)
    with ctx.db.session() as s:
        limited_to = current_profile(s, ctx.actor).visible_department
    if limited_to is not None:
        query = query.where(slot.department_id == limited_to)
    found: list[SlotInfo] = []
    with ctx.db.engine.connect() as conn:
        result = conn.execution_options(yield_per=CHUNK).execute(query)
        for rows in result.partitions():
            found.extend(
                SlotInfo(
                    id=r[0], account_id=r[1], account=r[2], department_id=r[3], department=r[4],
                    department_color=r[5], campaign_id=r[6], campaign=r[7], start=r[8], end=r[9],
                    status=SlotStatus(r[10]), cancel_reason=r[11], notes=r[12], news_url=r[13],
                    material_deadline=r[14], version=r[15],
                )
                for r in rows
            )
    return found


# Frame states (see storage.models.StoryFrame.state) grouped by how far a frame has come.
# A frame that failed to publish had been approved; a withdrawn frame no longer counts at all.
SUBMITTED_STATES = frozenset({"submitted", "changes_requested", "approved", "scheduled", "published", "failed"})
APPROVED_STATES = frozenset({"approved", "scheduled", "published", "failed"})
PUBLISHED_STATES = frozenset({"published"})
NOT_COUNTED_STATES = frozenset({"withdrawn"})


@dataclass(frozen=True)
class FrameProgress:
    total: int  # frames that count (drafts included, withdrawn left out)
    submitted: int
    approved: int
    published: int
    by_state: dict[str, int]

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> FrameProgress:
        def total_of(states: frozenset[str]) -> int:
            return sum(n for state, n in counts.items() if state in states)

        total = sum(n for state, n in counts.items() if state not in NOT_COUNTED_STATES)
        return cls(total, total_of(SUBMITTED_STATES), total_of(APPROVED_STATES), total_of(PUBLISHED_STATES),
                   dict(counts))


def frame_progress(ctx: AppContext, slot_id: int) -> FrameProgress:
    with ctx.db.session() as s:
        rows = s.execute(
            select(StoryFrame.state, func.count()).where(StoryFrame.slot_id == slot_id).group_by(StoryFrame.state)
        )
        return FrameProgress.from_counts({str(state): int(n) for state, n in rows})


def is_empty(ctx: AppContext) -> bool:
    """No accounts, departments or slots yet: a first start."""
    with ctx.db.session() as s:
        for model in (Account, Department, TakeoverSlot):
            if s.scalar(select(func.count()).select_from(model)):
                return False
        return True


@dataclass(frozen=True)
class CatalogSnapshot:
    accounts: list[catalog.AccountInfo]
    departments: list[catalog.DepartmentInfo]
    campaigns: list[catalog.CampaignInfo]
    blackouts: list[catalog.BlackoutInfo]


def catalog_snapshot(ctx: AppContext) -> CatalogSnapshot:
    return CatalogSnapshot(
        accounts=catalog.list_accounts(ctx),
        departments=catalog.list_departments(ctx),
        campaigns=catalog.list_campaigns(ctx),
        blackouts=catalog.list_blackouts(ctx),
    )


# --- edits the catalog service does not offer yet ---------------------------------------------------------
# Campaigns and blackout periods can be added and removed through services.catalog but not changed; the
# planner's editors need that. Same shape as catalog.update_department: version check, validation, audit.


def update_campaign(
    ctx: AppContext,
    campaign_id: int,
    *,
    expected_version: int | None = None,
    name: str,
    start: dt.date | None,
    end: dt.date | None,
    description: str = "",
    color: str = "",
) -> catalog.CampaignInfo:
    name = clean_name(name, "The campaign name")
    if start and end:
        DateRange(start, end)
    with ctx.db.write() as s:
        campaign = catalog.find_campaign(s, campaign_id)
        _check_version(campaign.version, expected_version, f"Campaign '{campaign.name}'")
        duplicate = s.scalar(
            select(Campaign.id).where(func.lower(Campaign.name) == name.lower(), Campaign.id != campaign.id)
        )
        if duplicate is not None:
            raise ValidationError(f"There is already a campaign called '{name}'.")
        before = {"name": campaign.name, "start": campaign.start_date, "end": campaign.end_date,
                  "description": campaign.description, "color": campaign.color}
        campaign.name = name
        campaign.start_date, campaign.end_date = start, end
        campaign.description = description.strip()
        campaign.color = clean_color(color, campaign.color)
        s.flush()
        after = {"name": campaign.name, "start": start, "end": end, "description": campaign.description,
                 "color": campaign.color}
        audit.record(s, ctx.actor, "campaign", campaign.id, "updated", before=before, after=after)
        return catalog.CampaignInfo(campaign.id, campaign.name, campaign.start_date, campaign.end_date,
                                    campaign.description, campaign.color, campaign.version)


def update_blackout(
    ctx: AppContext,
    blackout_id: int,
    *,
    expected_version: int | None = None,
    name: str,
    start: dt.date,
    end: dt.date,
    account: int | str | None = None,
    reason: str = "",
) -> catalog.BlackoutResult:
    """Change a blackout period; like adding one, it reports the slots already inside its new dates."""
    name = clean_name(name, "The blackout name")
    dates = DateRange(start, end)
    with ctx.db.write() as s:
        blackout = s.get(Blackout, blackout_id)
        if blackout is None:
            raise NotFoundError(f"No blackout #{blackout_id}.")
        _check_version(blackout.version, expected_version, f"Blackout '{blackout.name}'")
        account_row = catalog.find_account(s, account) if account is not None else None
        before = {"name": blackout.name, "start": blackout.start_date, "end": blackout.end_date,
                  "account_id": blackout.account_id, "reason": blackout.reason}
        blackout.name = name
        blackout.start_date, blackout.end_date = dates.start, dates.end
        blackout.account_id = account_row.id if account_row else None
        blackout.reason = reason.strip()
        s.flush()
        s.refresh(blackout)
        after = {"name": name, "start": dates.start, "end": dates.end,
                 "account_id": blackout.account_id, "reason": blackout.reason}
        audit.record(s, ctx.actor, "blackout", blackout.id, "updated", before=before, after=after)
        query = select(TakeoverSlot.id).where(
            TakeoverSlot.start_date <= dates.end,
            TakeoverSlot.end_date >= dates.start,
            TakeoverSlot.status != SlotStatus.CANCELLED.value,
        )
        if account_row is not None:
            query = query.where(TakeoverSlot.account_id == account_row.id)
        affected = tuple(s.scalars(query.order_by(TakeoverSlot.start_date)))
        info = catalog.BlackoutInfo(blackout.id, blackout.name, blackout.start_date, blackout.end_date,
                                    account_row.name if account_row else None, blackout.account_id,
                                    blackout.reason, blackout.version)
        return catalog.BlackoutResult(info, affected)


def _check_version(current: int, expected: int | None, what: str) -> None:
    if expected is not None and current != expected:
        raise ConflictError(f"{what} was changed by someone else in the meantime. Reload and try again.")
