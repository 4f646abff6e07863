"""The booking rules, as pure functions over what already exists on the account.

The storage layer gathers the candidates under a lock and calls ``check_booking``; the rules themselves
know nothing about databases.
"""

from __future__ import annotations

from dataclasses import dataclass

from takeover_planner.domain.slots import HOLDING_STATUSES, DateRange, SlotStatus, status_name
from takeover_planner.errors import BookingRefused
from takeover_planner.texts import Text
from takeover_planner.texts.booking import BookingText


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


def slot_text(slot: ExistingSlot) -> Text:
    """A slot as a refusal names it: "slot #12 (Miljøkontoret, 4–6 March 2027, confirmed)"."""
    return Text(BookingText.SLOT_ITEM, {"slot_id": slot.id, "department": slot.department,
                                        "dates": slot.dates.span, "status": status_name(slot.status)})


def blackout_text(blackout: ExistingBlackout) -> Text:
    if blackout.account is None:
        return Text(BookingText.BLACKOUT_ON_ALL, {"name": blackout.name, "dates": blackout.dates.span})
    return Text(BookingText.BLACKOUT_ON_ACCOUNT,
                {"name": blackout.name, "dates": blackout.dates.span, "account": blackout.account})


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
        raise BookingRefused(
            BookingText.IN_BLACKOUT if len(hit_blackouts) == 1 else BookingText.IN_BLACKOUTS,
            details={"blackouts": [b.id for b in hit_blackouts]},
            dates=dates.span, account=account, blackouts=[blackout_text(b) for b in hit_blackouts],
        )
    overlapping = [
        s
        for s in others
        if s.id != ignore_slot_id and s.status != SlotStatus.CANCELLED and s.dates.overlaps(dates)
    ]
    if status in HOLDING_STATUSES:
        holding = [s for s in overlapping if s.status in HOLDING_STATUSES]
        if holding:
            raise BookingRefused(
                BookingText.OVERLAP, details={"slots": [s.id for s in holding]},
                dates=dates.span, account=account, slots=[slot_text(s) for s in holding],
            )
    competing = tuple(s for s in overlapping if s.status == SlotStatus.REQUESTED or status == SlotStatus.REQUESTED)
    return BookingCheck(competing=competing)
