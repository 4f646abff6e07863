"""The booking rules, as pure functions over what already exists on the account.

The storage layer gathers the candidates under a lock and calls ``check_booking``; the rules themselves
know nothing about databases.
"""

from __future__ import annotations

from dataclasses import dataclass

from takeover_planner.domain.slots import HOLDING_STATUSES, DateRange, SlotStatus
from takeover_planner.errors import BookingRefused


@dataclass(frozen=True)
class ExistingSlot:
    id: int
    department: str
    account: str
    dates: DateRange
    status: SlotStatus


@dataclass(frozen=True)
class ExistingBlackout:
    id: int
    name: str
    dates: DateRange
    account: str | None  # None: applies to every account


@dataclass(frozen=True)
class BookingCheck:
    """What the rules found: competing requests are allowed but worth showing."""

    competing: tuple[ExistingSlot, ...]


def describe_slot(slot: ExistingSlot) -> str:
    return f"slot #{slot.id} ({slot.department}, {slot.dates.describe()}, {slot.status.value})"


def describe_blackout(blackout: ExistingBlackout) -> str:
    scope = f"on {blackout.account}" if blackout.account else "on all accounts"
    return f"blackout '{blackout.name}' ({blackout.dates.describe()}, {scope})"


def check_booking(
    dates: DateRange,
    status: SlotStatus,
    account: str,
    others: list[ExistingSlot],
    blackouts: list[ExistingBlackout],
    *,
    ignore_slot_id: int | None = None,
) -> BookingCheck:
    """Refuse a booking that breaks a rule; name everything it collides with.

    ``others`` are the account's other slots, ``blackouts`` those for this account or all accounts.
    A cancelled slot takes no days at all, so it never collides.
    """
    if status == SlotStatus.CANCELLED:
        return BookingCheck(competing=())
    hit_blackouts = [b for b in blackouts if b.dates.overlaps(dates) and b.account in (None, account)]
    if hit_blackouts:
        names = "; ".join(describe_blackout(b) for b in hit_blackouts)
        raise BookingRefused(
            f"{dates.describe()} on {account} falls in a blackout period: {names}.",
            details={"blackouts": [b.id for b in hit_blackouts]},
        )
    overlapping = [
        s
        for s in others
        if s.id != ignore_slot_id and s.status != SlotStatus.CANCELLED and s.dates.overlaps(dates)
    ]
    if status in HOLDING_STATUSES:
        holding = [s for s in overlapping if s.status in HOLDING_STATUSES]
        if holding:
            names = "; ".join(describe_slot(s) for s in holding)
            raise BookingRefused(
                f"{dates.describe()} on {account} overlaps {names}.",
                details={"slots": [s.id for s in holding]},
            )
    competing = tuple(s for s in overlapping if s.status == SlotStatus.REQUESTED or status == SlotStatus.REQUESTED)
    return BookingCheck(competing=competing)
