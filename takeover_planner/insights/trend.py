"""Follower goals: the daily series, the trend (least squares), when the goal will be reached at the current
pace, and what to tell the team.

The series has one value per Oslo day: the last reading of that day. The trend is an ordinary least-squares
line through the days of the last ``TREND_DAYS`` days that have a reading; it needs at least
``MIN_POINTS`` days spanning at least ``MIN_SPAN_DAYS`` days, otherwise there is no trend yet (a line through
two readings an hour apart would promise anything). The projection starts from the latest reading and adds the
trend's daily gain, so "at the current pace" means exactly that.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from takeover_planner.domain.timekeeping import to_oslo

TREND_DAYS = 28
MIN_POINTS = 3
MIN_SPAN_DAYS = 3
# Far beyond any plan: "not within ten years" is as good as never.
HORIZON_DAYS = 3650

DailyPoint = tuple[dt.date, int]


def daily_series(readings: Iterable[tuple[dt.datetime, int]]) -> list[DailyPoint]:
    """One value per Oslo day (the day's last reading), oldest first."""
    last: dict[dt.date, tuple[dt.datetime, int]] = {}
    for moment, value in readings:
        day = to_oslo(moment).date()
        if day not in last or moment >= last[day][0]:
            last[day] = (moment, value)
    return [(day, last[day][1]) for day in sorted(last)]


def value_on_or_before(series: Sequence[DailyPoint], day: dt.date) -> DailyPoint | None:
    """The latest point on or before ``day``."""
    found = None
    for point in series:
        if point[0] > day:
            break
        found = point
    return found


@dataclass(frozen=True)
class Trend:
    per_day: float  # followers gained per day (negative: losing)
    intercept: float  # the line's value at ``origin``
    origin: dt.date
    points: int
    first: dt.date
    last: dt.date

    def at(self, day: dt.date) -> float:
        return self.intercept + self.per_day * (day - self.origin).days


def fit_trend(series: Sequence[DailyPoint], *, days: int = TREND_DAYS) -> Trend | None:
    """Least squares over the series' last ``days`` days; None when there is too little to go on."""
    if not series:
        return None
    latest = series[-1][0]
    recent = [(d, v) for d, v in series if (latest - d).days < days]
    if len(recent) < MIN_POINTS or (recent[-1][0] - recent[0][0]).days < MIN_SPAN_DAYS - 1:
        return None
    origin = recent[0][0]
    xs = [float((d - origin).days) for d, _ in recent]
    ys = [float(v) for _, v in recent]
    n = len(xs)
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return Trend(slope, mean_y - slope * mean_x, origin, n, recent[0][0], recent[-1][0])


def projected_date(latest: DailyPoint, per_day: float, target: int) -> dt.date | None:
    """The day the target is reached if the pace holds; None if it never is (or not within ten years)."""
    day, value = latest
    if value >= target:
        return day
    if per_day <= 0:
        return None
    needed = math.ceil((target - value) / per_day - 1e-9)
    if needed > HORIZON_DAYS:
        return None
    return day + dt.timedelta(days=needed)


class GoalState(enum.StrEnum):
    REACHED = "reached"  # say so, and invite a new goal
    ON_TRACK = "on_track"  # the projected day is on or before the goal's day
    BEHIND = "behind"  # reached later than the goal's day at this pace
    STALLED = "stalled"  # followers are not growing: at this pace never
    MISSED = "missed"  # the goal's day has passed without reaching it
    NO_TREND = "no_trend"  # too few readings for a trend yet
    NO_DATA = "no_data"  # no follower count read yet


@dataclass(frozen=True)
class GoalProgress:
    state: GoalState
    target: int
    due: dt.date
    latest: DailyPoint | None
    trend: Trend | None
    projected: dt.date | None  # at the current pace
    reached_on: dt.date | None
    remaining: int | None  # followers still needed (0 when reached)
    needed_per_day: float | None  # the pace that would reach the goal on its day


def goal_progress(target: int, due: dt.date, series: Sequence[DailyPoint], *, since: dt.date,
                  today: dt.date) -> GoalProgress:
    """Where a goal ("``target`` followers by ``due``", set on ``since``) stands on ``today``."""
    latest = series[-1] if series else None
    reached_on = next((d for d, v in series if d >= since and v >= target), None)
    if latest is None:
        return GoalProgress(GoalState.NO_DATA, target, due, None, None, None, None, None, None)
    remaining = max(0, target - latest[1])
    days_left = (due - latest[0]).days
    needed = remaining / days_left if days_left > 0 and remaining else None
    trend = fit_trend(series)
    if reached_on is not None:
        return GoalProgress(GoalState.REACHED, target, due, latest, trend, reached_on, reached_on, 0, None)
    if due < today:
        projected = projected_date(latest, trend.per_day, target) if trend else None
        return GoalProgress(GoalState.MISSED, target, due, latest, trend, projected, None, remaining, None)
    if trend is None:
        return GoalProgress(GoalState.NO_TREND, target, due, latest, None, None, None, remaining, needed)
    projected = projected_date(latest, trend.per_day, target)
    if projected is None:
        state = GoalState.STALLED
    else:
        state = GoalState.ON_TRACK if projected <= due else GoalState.BEHIND
    return GoalProgress(state, target, due, latest, trend, projected, None, remaining, needed)
