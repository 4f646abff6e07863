"""Where the bars go in a calendar grid of whole weeks: one segment per week row, stacked in lanes.

Plain Python (no Qt) so it can be tested on its own. A slot that crosses a Monday is cut into one segment per
week row; within a row, lanes are handed out greedily (earlier start first, longer first), so a slot keeps the
same lane across its days within the week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    key: int  # what the caller uses to find the item again (a slot id)
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Segment:
    key: int
    row: int  # week row, 0 at the top
    first_col: int  # 0 = Monday
    last_col: int
    lane: int
    continues_before: bool  # the item started in an earlier row (or before the grid)
    continues_after: bool


def grid_days(first_day: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    return first_day, first_day + dt.timedelta(days=weeks * 7 - 1)


def cut_into_rows(first_day: dt.date, weeks: int, span: Span) -> list[tuple[int, int, int, bool, bool]]:
    """(row, first_col, last_col, continues_before, continues_after) for each week row the span touches."""
    grid_start, grid_end = grid_days(first_day, weeks)
    start, end = max(span.start, grid_start), min(span.end, grid_end)
    if start > end:
        return []
    pieces = []
    first_index = (start - first_day).days
    last_index = (end - first_day).days
    for row in range(first_index // 7, last_index // 7 + 1):
        row_first = max(first_index, row * 7)
        row_last = min(last_index, row * 7 + 6)
        before = span.start < first_day + dt.timedelta(days=row_first)
        after = span.end > first_day + dt.timedelta(days=row_last)
        pieces.append((row, row_first - row * 7, row_last - row * 7, before, after))
    return pieces


def layout_segments(first_day: dt.date, weeks: int, spans: Iterable[Span]) -> list[Segment]:
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start).days, s.key))
    lanes_by_row: dict[int, list[int]] = {}  # row -> last column used in each lane
    segments: list[Segment] = []
    for span in ordered:
        for row, first_col, last_col, before, after in cut_into_rows(first_day, weeks, span):
            lanes = lanes_by_row.setdefault(row, [])
            lane = next((i for i, used_to in enumerate(lanes) if used_to < first_col), None)
            if lane is None:
                lane = len(lanes)
                lanes.append(last_col)
            else:
                lanes[lane] = last_col
            segments.append(Segment(span.key, row, first_col, last_col, lane, before, after))
    return segments


def month_grid_start(year: int, month: int) -> dt.date:
    """The Monday on or before the first of the month: month views always start on a Monday (ISO)."""
    first = dt.date(year, month, 1)
    return first - dt.timedelta(days=first.weekday())


def month_grid_weeks(year: int, month: int) -> int:
    """How many week rows the month needs (4 to 6)."""
    start = month_grid_start(year, month)
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - dt.timedelta(days=1)
    return (last - start).days // 7 + 1
