"""Takeover slots: their states, the allowed status changes, and date ranges."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from takeover_planner.errors import TransitionRefused, ValidationError
from takeover_planner.texts import DateSpan
from takeover_planner.texts.booking import BookingText
from takeover_planner.texts.words import SlotStatusName


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


def status_name(status: SlotStatus | str) -> SlotStatusName:
    """A status as a word for messages ("confirmed" / "bekreftet"); takes the stored value too."""
    return SlotStatusName.of(SlotStatus(status).value)


def parse_status(text: str) -> SlotStatus:
    try:
        return SlotStatus(text.strip().lower())
    except ValueError:
        # The choices are what the command line accepts, so they stay the machine's words.
        choices = ", ".join(s.value for s in SlotStatus)
        raise ValidationError(BookingText.UNKNOWN_STATUS, value=text, choices=choices) from None


def check_transition(current: SlotStatus, target: SlotStatus, reason: str | None) -> None:
    """Raise TransitionRefused unless ``current`` may become ``target``."""
    if target == current:
        raise TransitionRefused(BookingText.ALREADY_STATUS, status=status_name(current))
    if target not in ALLOWED_TRANSITIONS[current]:
        allowed = [status_name(s) for s in SlotStatus if s in ALLOWED_TRANSITIONS[current]]
        if not allowed:
            raise TransitionRefused(BookingText.TRANSITION_FINAL, current=status_name(current),
                                    target=status_name(target))
        raise TransitionRefused(BookingText.TRANSITION, current=status_name(current), target=status_name(target),
                                allowed=allowed)
    if target == SlotStatus.CANCELLED and not (reason and reason.strip()):
        raise TransitionRefused(BookingText.CANCEL_NEEDS_REASON)


@dataclass(frozen=True)
class DateRange:
    """Whole days, both ends included, in Europe/Oslo."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(BookingText.END_BEFORE_START, start=self.start, end=self.end)

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def span(self) -> DateSpan:
        """The days as a message parameter, shown per language ("4.–6. mars 2027")."""
        return DateSpan(self.start, self.end)

    def describe(self) -> str:
        """ISO dates for fixed-format output (the command line's tables), never for messages."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"
