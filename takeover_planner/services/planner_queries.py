"""What the planner window needs that the booking and catalog services do not offer.

- many slots at once, fast: the same ``SlotInfo`` values as ``booking.list_slots``, read without the ORM and in
  chunks (a window reading ten years must not hold the interpreter for one long fetch);
- story progress of a slot: how many frames are submitted, approved and published;
- whether the database is still empty (the first start offers the demo municipality then);
- the catalog (accounts, departments, campaigns, blackouts) in one call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, literal, select

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import audit, catalog
from takeover_planner.services.access import current_profile
from takeover_planner.services.booking import SlotInfo
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account, Campaign, Department, StoryFrame, TakeoverSlot

CHUNK = 400


def slots_between(ctx: AppContext, start: dt.date | None = None, end: dt.date | None = None) -> list[SlotInfo]:
    """Slots touching [start, end] (either open), oldest first — what ``booking.list_slots`` returns unfiltered,
    except that a contributor sees only their own department's slots, as there.

    One joined query instead of ORM objects (several times faster for thousands of rows), fetched ``CHUNK``
    rows at a time: each fetch is a single C call that no other thread can interrupt, so small ones keep a
    window responsive while this runs on a worker thread.
    """
    slot, account, department, campaign = TakeoverSlot, Account, Department, Campaign
    with ctx.db.session() as s:
        profile = current_profile(s, ctx.actor)
    # The internal note is the comms team's: for anyone else it is not even asked for (on PostgreSQL they may
    # not SELECT the column).
    notes = slot.notes if profile.sees_internal_notes else literal("")
    query = (
        select(slot.id, slot.account_id, account.name, slot.department_id, department.name, department.color,
               slot.campaign_id, campaign.name, slot.start_date, slot.end_date, slot.status, slot.cancel_reason,
               notes, slot.news_url, slot.material_deadline, slot.version, slot.department_note)
        .join(account, account.id == slot.account_id)
        .join(department, department.id == slot.department_id)
        .outerjoin(campaign, campaign.id == slot.campaign_id)
        .order_by(slot.start_date, slot.id)
    )
    if start is not None:
        query = query.where(slot.end_date >= start)
    if end is not None:
        query = query.where(slot.start_date <= end)
    limited_to = profile.visible_department
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
                    status=SlotStatus(r[10]), cancel_reason=audit.comment_words(r[11]), notes=r[12], news_url=r[13],
                    material_deadline=r[14], version=r[15], department_note=r[16] or "",
                    internal_note_hidden=not profile.sees_internal_notes,
                )
                for r in rows
            )
    return found


def year_span(ctx: AppContext) -> tuple[int, int] | None:
    """The first and the last calendar year any slot touches (None for an empty plan)."""
    with ctx.db.session() as s:
        first, last = s.execute(select(func.min(TakeoverSlot.start_date), func.max(TakeoverSlot.end_date))).one()
    if first is None or last is None:
        return None
    return first.year, last.year


def year_runs(first: int, last: int, skip: set[int]) -> list[tuple[int, int]]:
    """The years from ``first`` to ``last`` that are not in ``skip``, as runs of consecutive years."""
    runs: list[tuple[int, int]] = []
    for year in range(first, last + 1):
        if year in skip:
            continue
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


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
