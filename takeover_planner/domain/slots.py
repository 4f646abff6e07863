"""Takeover slots: their states, the allowed status changes, and date ranges."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from takeover_planner.errors import TransitionRefused, ValidationError


class SlotStatus(enum.StrEnum):
    REQUESTED = "requested"
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


# Statuses that hold the account's stories exclusively: no two such slots may overlap.
HOLDING_STATUSES = frozenset({SlotStatus.BOOKED, SlotStatus.CONFIRMED, SlotStatus.COMPLETED})

ALLOWED_TRANSITIONS: dict[SlotStatus, frozenset[SlotStatus]] = {
    SlotStatus.REQUESTED: frozenset({SlotStatus.BOOKED, SlotStatus.CANCELLED}),
    SlotStatus.BOOKED: frozenset({SlotStatus.CONFIRMED, SlotStatus.REQUESTED, SlotStatus.CANCELLED}),
    SlotStatus.CONFIRMED: frozenset({SlotStatus.COMPLETED, SlotStatus.BOOKED, SlotStatus.CANCELLED}),
    SlotStatus.COMPLETED: frozenset(),
    SlotStatus.CANCELLED: frozenset({SlotStatus.REQUESTED}),
}


def parse_status(text: str) -> SlotStatus:
    try:
        return SlotStatus(text.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in SlotStatus)
        raise ValidationError(f"Unknown status '{text}'. Choose one of: {names}.") from None


def check_transition(current: SlotStatus, target: SlotStatus, reason: str | None) -> None:
    """Raise TransitionRefused unless ``current`` may become ``target``."""
    if target == current:
        raise TransitionRefused(f"The slot is already {current.value}.")
    if target not in ALLOWED_TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.value for s in ALLOWED_TRANSITIONS[current])) or "nothing (it is final)"
        raise TransitionRefused(
            f"A {current.value} slot cannot become {target.value}; it can become: {allowed}."
        )
    if target == SlotStatus.CANCELLED and not (reason and reason.strip()):
        raise TransitionRefused("Cancelling a slot needs a reason (--reason).")


@dataclass(frozen=True)
class DateRange:
    """Whole days, both ends included, in Europe/Oslo."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                f"The end date {self.end.isoformat()} is before the start date {self.start.isoformat()}."
            )

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1

    def describe(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"
