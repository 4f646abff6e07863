"""Plain-Python parts of the window: bar layout in week rows, the filter, undo's status paths, the store's
year cache (these need no window)."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.slots import ALLOWED_TRANSITIONS, SlotStatus
from takeover_planner.services import booking
from takeover_planner.ui.calendar.layout import (
    Span,
    cut_into_rows,
    layout_segments,
    month_grid_start,
    month_grid_weeks,
)
from takeover_planner.ui.slot_filter import DEFAULT_STATUSES, SlotFilter
from takeover_planner.ui.undo import status_path

MONDAY = dt.date(2030, 3, 4)


def d(day: int) -> dt.date:
    return dt.date(2030, 3, day)


def test_month_grids_start_on_monday_and_cover_the_month() -> None:
    assert month_grid_start(2030, 3) == dt.date(2030, 2, 25)
    assert month_grid_weeks(2030, 3) == 5
    assert month_grid_start(2026, 2) == dt.date(2026, 1, 26) and month_grid_weeks(2026, 2) == 5
    assert month_grid_weeks(2021, 2) == 4  # 1 February 2021 was a Monday, 28 days
    assert month_grid_weeks(2026, 8) == 6  # starts on a Saturday, 31 days
    for year in (2024, 2030):
        for month in range(1, 13):
            start = month_grid_start(year, month)
            assert start.weekday() == 0 and start <= dt.date(year, month, 1)
            end = start + dt.timedelta(days=7 * month_grid_weeks(year, month) - 1)
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
            assert end >= last and (end - last).days < 7


def test_a_slot_across_a_monday_is_cut_into_rows() -> None:
    pieces = cut_into_rows(MONDAY, 2, Span(1, d(8), d(12)))  # Friday to Tuesday
    assert pieces == [(0, 4, 6, False, True), (1, 0, 1, True, False)]
    assert cut_into_rows(MONDAY, 1, Span(2, d(1), d(5))) == [(0, 0, 1, True, False)]  # clipped at the grid start
    assert cut_into_rows(MONDAY, 1, Span(3, d(20), d(22))) == []


def test_lanes_stack_overlapping_slots_and_reuse_free_ones() -> None:
    segments = layout_segments(MONDAY, 1, [Span(1, d(4), d(6)), Span(2, d(5), d(5)), Span(3, d(7), d(8)),
                                           Span(4, d(4), d(10))])
    lanes = {s.key: s.lane for s in segments}
    assert lanes[4] == 0  # the longest of those starting first
    assert lanes[1] == 1 and lanes[2] == 2
    assert lanes[3] == 1  # lane 1 is free again after the 6th


def test_the_filter_matches_names_contacts_and_ids(planner) -> None:
    slots = booking.list_slots(planner.ctx)
    library = next(s for s in slots if s.id == planner.library_slot)
    from takeover_planner.services import catalog

    departments = {dep.id: dep for dep in catalog.list_departments(planner.ctx)}
    assert SlotFilter(text="BIBLIO").matches(library, departments)
    assert SlotFilter(text="kari nordmann").matches(library, departments)
    assert SlotFilter(text=f"#{library.id}").matches(library, departments)
    assert not SlotFilter(text="brann").matches(library, departments)
    assert not SlotFilter(account_id=planner.kultur).matches(library, departments)
    assert not SlotFilter(statuses=frozenset({SlotStatus.REQUESTED})).matches(library, departments)
    assert SlotStatus.CANCELLED not in DEFAULT_STATUSES and not SlotFilter().is_narrowed


@pytest.mark.parametrize("start", list(SlotStatus))
@pytest.mark.parametrize("target", list(SlotStatus))
def test_status_paths_use_only_allowed_changes(start: SlotStatus, target: SlotStatus) -> None:
    try:
        path = status_path(start, target)
    except ValueError:
        assert start == SlotStatus.COMPLETED and target != start
        return
    current = start
    for step in path:
        assert step in ALLOWED_TRANSITIONS[current]
        current = step
    assert current == target


def test_undoing_a_cancellation_walks_back_through_requested() -> None:
    assert status_path(SlotStatus.CANCELLED, SlotStatus.CONFIRMED) == [
        SlotStatus.REQUESTED, SlotStatus.BOOKED, SlotStatus.CONFIRMED]
