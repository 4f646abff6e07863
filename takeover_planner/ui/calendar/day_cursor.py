"""Where the calendar's keyboard goes: the day cursor's steps and the walk through the visible slots.

Plain Python (no Qt), so the rules can be read and tested apart from the widget: ``CalendarGrid`` maps keys to
a ``Step`` and asks ``moved``; Tab and Shift+Tab ask ``next_slot``. Week rows start on Monday (ISO), in the month
grid as in the week view.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass


class Step(enum.Enum):
    LEFT = "left"  # a day back
    RIGHT = "right"  # a day on
    UP = "up"  # a week back
    DOWN = "down"  # a week on
    ROW_START = "home"  # Monday of the cursor's week row
    ROW_END = "end"  # Sunday of the cursor's week row
    PAGE_BACK = "page_up"  # a month back (month view) or a week back (week view)
    PAGE_FORWARD = "page_down"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, kept inside a shorter month (31 January + 1 month = 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def moved(day: dt.date, step: Step, *, week_view: bool) -> dt.date:
    if step == Step.LEFT:
        return day - dt.timedelta(days=1)
    if step == Step.RIGHT:
        return day + dt.timedelta(days=1)
    if step == Step.UP:
        return day - dt.timedelta(days=7)
    if step == Step.DOWN:
        return day + dt.timedelta(days=7)
    if step == Step.ROW_START:
        return day - dt.timedelta(days=day.weekday())
    if step == Step.ROW_END:
        return day + dt.timedelta(days=6 - day.weekday())
    forward = 1 if step == Step.PAGE_FORWARD else -1
    return day + dt.timedelta(days=7 * forward) if week_view else add_months(day, forward)


@dataclass(frozen=True)
class Stop:
    """A slot as Tab sees it: where it is in time."""

    slot_id: int
    start: dt.date
    end: dt.date


def in_date_order(stops: Sequence[Stop]) -> list[Stop]:
    return sorted(stops, key=lambda s: (s.start, s.end, s.slot_id))


def next_slot(stops: Sequence[Stop], current: int, *, forward: bool) -> int | None:
    """The slot Tab (``forward``) or Shift+Tab goes to, or None: out of the grid.

    From a selected slot: the next or previous one in date order. With none selected (or one no longer shown), Tab
    starts at the first slot of the shown period and Shift+Tab at the last, wherever the day cursor is: the walk
    covers every slot in view, as Tab through any other group of controls does, and coming back into the grid with
    Shift+Tab lands on the slot nearest the way one came."""
    ordered = in_date_order(stops)
    ids = [s.slot_id for s in ordered]
    if current in ids:
        index = ids.index(current) + (1 if forward else -1)
        return ids[index] if 0 <= index < len(ids) else None
    if not ids:
        return None
    return ids[0] if forward else ids[-1]


def slots_on(stops: Sequence[Stop], day: dt.date) -> list[int]:
    """The slots that run on ``day``, in date order (Space walks through them)."""
    return [s.slot_id for s in in_date_order(stops) if s.start <= day <= s.end]
