"""Goal arithmetic: daily series, least-squares trend, the projected day, and what the goal's state is."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.insights.trend import (
    GoalState,
    daily_series,
    fit_trend,
    goal_progress,
    projected_date,
    value_on_or_before,
)

D0 = dt.date(2025, 3, 1)


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def test_the_daily_series_keeps_each_oslo_days_last_reading() -> None:
    readings = [
        (dt.datetime(2025, 3, 1, 22, 30, tzinfo=dt.UTC), 100),  # 23:30 in Oslo: still 1 March
        (dt.datetime(2025, 3, 1, 23, 30, tzinfo=dt.UTC), 101),  # 00:30 on 2 March in Oslo
        (dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC), 90),
        (dt.datetime(2025, 3, 2, 12, 0, tzinfo=dt.UTC), 105),
    ]
    assert daily_series(readings) == [(dt.date(2025, 3, 1), 100), (dt.date(2025, 3, 2), 105)]
    # Across the spring DST change (30 March 2025) days still follow Oslo's calendar.
    dst = [(dt.datetime(2025, 3, 29, 23, 30, tzinfo=dt.UTC), 7), (dt.datetime(2025, 3, 30, 22, 30, tzinfo=dt.UTC), 8)]
    assert [d for d, _ in daily_series(dst)] == [dt.date(2025, 3, 30), dt.date(2025, 3, 31)]
    assert dt.datetime(2025, 3, 30, 22, 30, tzinfo=dt.UTC).astimezone(OSLO).hour == 0


def test_least_squares_recovers_a_straight_line() -> None:
    series = [(day(i), 1000 + 5 * i) for i in range(10)]
    trend = fit_trend(series)
    assert trend is not None
    assert trend.per_day == pytest.approx(5.0)
    assert trend.at(day(20)) == pytest.approx(1100.0)
    assert trend.points == 10


def test_least_squares_on_noisy_points_matches_the_textbook_formula() -> None:
    # x = 0, 1, 3, 4 (mean 2); y = 10, 12, 13, 17 (mean 13) → Sxy = 6 + 1 + 0 + 8 = 15, Sxx = 10
    series = [(day(0), 10), (day(1), 12), (day(3), 13), (day(4), 17)]
    trend = fit_trend(series)
    assert trend is not None
    assert trend.per_day == pytest.approx(1.5)
    assert trend.intercept == pytest.approx(13.0 - 1.5 * 2.0)


def test_only_the_recent_weeks_count_for_the_trend() -> None:
    old = [(day(i), 1000 + 50 * i) for i in range(30)]  # a fast start…
    recent = [(day(30 + i), 2500 + 2 * i) for i in range(28)]  # …then slow
    trend = fit_trend(old + recent)
    assert trend is not None and trend.per_day == pytest.approx(2.0)


@pytest.mark.parametrize("series", [[], [(day(0), 5)], [(day(0), 5), (day(1), 6)], [(day(0), 5), (day(1), 6), (day(1), 7)]])
def test_too_little_data_gives_no_trend(series: list[tuple[dt.date, int]]) -> None:
    assert fit_trend(series) is None


def test_projected_day_at_the_current_pace() -> None:
    assert projected_date((day(0), 1450), 5.0, 1500) == day(10)
    assert projected_date((day(0), 1450), 3.0, 1500) == day(17)  # 50 / 3 = 16.7 → the 17th day
    assert projected_date((day(0), 1500), 3.0, 1500) == day(0)
    assert projected_date((day(0), 1450), 0.0, 1500) is None
    assert projected_date((day(0), 1450), -2.0, 1500) is None
    assert projected_date((day(0), 0), 0.00001, 1500) is None, "not within ten years is never"


def _progress(series: list[tuple[dt.date, int]], target: int, due: dt.date, *, since: dt.date = D0,
              today: dt.date | None = None):  # type: ignore[no-untyped-def]
    return goal_progress(target, due, series, since=since, today=today or series[-1][0] if series else D0)


def test_a_goal_on_track_behind_and_stalled() -> None:
    growing = [(day(i), 1000 + 10 * i) for i in range(14)]  # 1130 on day 13, +10 a day
    on_track = _progress(growing, 1500, day(60))
    assert on_track.state == GoalState.ON_TRACK
    assert on_track.projected == day(13 + 37)  # 370 more at 10 a day
    assert on_track.remaining == 370
    assert on_track.needed_per_day == pytest.approx(370 / 47)
    behind = _progress(growing, 1500, day(30))
    assert behind.state == GoalState.BEHIND and behind.projected is not None
    assert (behind.projected - behind.due).days == 20  # 20 days late
    flat = [(day(i), 1000 + (i % 2)) for i in range(14)]
    assert _progress(flat, 1500, day(60)).state == GoalState.STALLED


def test_a_reached_goal_says_when_and_stays_reached() -> None:
    series = [(day(0), 1490), (day(1), 1495), (day(2), 1502), (day(3), 1499)]
    progress = _progress(series, 1500, day(30))
    assert progress.state == GoalState.REACHED and progress.reached_on == day(2) and progress.remaining == 0


def test_readings_before_the_goal_was_set_do_not_count_as_reaching_it() -> None:
    series = [(day(-40), 1600), (day(5), 1400), (day(6), 1410), (day(7), 1420)]
    progress = _progress(series, 1500, day(40), since=day(5))
    assert progress.state == GoalState.ON_TRACK


def test_a_goal_past_its_day_is_missed_and_no_data_is_said_plainly() -> None:
    series = [(day(i), 1000 + i) for i in range(10)]
    missed = goal_progress(1500, day(5), series, since=D0, today=day(9))
    assert missed.state == GoalState.MISSED and missed.remaining == 491
    assert goal_progress(1500, day(5), [], since=D0, today=D0).state == GoalState.NO_DATA
    assert goal_progress(1500, day(50), series[:2], since=D0, today=day(1)).state == GoalState.NO_TREND


def test_value_on_or_before() -> None:
    series = [(day(0), 1), (day(3), 4), (day(5), 6)]
    assert value_on_or_before(series, day(4)) == (day(3), 4)
    assert value_on_or_before(series, day(-1)) is None
    assert value_on_or_before(series, day(9)) == (day(5), 6)
