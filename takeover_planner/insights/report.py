"""The takeover report's figures, computed from plain records (no database, no Qt), so every number can be
checked against what Instagram gave.

- Per frame: reach, views, replies, exits (and the rest of the metrics), with what was collected and when.
  A frame whose numbers were not collected has no numbers — it is never counted as zero, and totals say how
  many frames they cover.
- Viewers who stayed to the last frame: per day of the takeover, the reach of that day's last frame against
  the reach of its first frame (a story is a day's sequence of frames). Unknown when either end is unknown.
- Follows: the ``follows`` metric summed over the frames, and the account's net follower change over the
  takeover days against the average daily change in the weeks before (from the daily follower series).
- Comparison: the same figures averaged per department and per campaign.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.schedule import HAS_NUMBERS, Collection
from takeover_planner.insights.trend import DailyPoint, value_on_or_before

BASELINE_DAYS = 28  # "the weeks before": four weeks
MIN_BASELINE_DAYS = 7


@dataclass(frozen=True)
class FrameRow:
    frame_id: int
    number: int  # 1-based, in posting order within the takeover
    day: dt.date  # Oslo day it went out (planned day when not published)
    published_at: dt.datetime | None
    status: Collection
    numbers: StoryNumbers
    read_at: dt.datetime | None  # when the numbers were read
    label: str = ""  # the frame's text or notes, shortened by whoever shows it
    sample: bool = False

    def value(self, metric: str) -> int | None:
        if self.status not in HAS_NUMBERS:
            return None
        return getattr(self.numbers, metric)

    @property
    def hours_after_posting(self) -> float | None:
        if self.read_at is None or self.published_at is None or self.status not in HAS_NUMBERS:
            return None
        return (self.read_at - self.published_at).total_seconds() / 3600


@dataclass(frozen=True)
class DayRetention:
    day: dt.date
    frames: int
    first_reach: int | None
    last_reach: int | None

    @property
    def share(self) -> float | None:
        if self.frames < 2 or not self.first_reach or self.last_reach is None:
            return None
        return self.last_reach / self.first_reach


@dataclass(frozen=True)
class FollowerChange:
    during: int | None  # net change over the takeover days
    during_days: int  # days that change spans
    before_per_day: float | None  # average daily change in the weeks before
    before_days: int

    @property
    def during_per_day(self) -> float | None:
        if self.during is None or self.during_days <= 0:
            return None
        return self.during / self.during_days


@dataclass(frozen=True)
class TakeoverReport:
    slot_id: int
    department: str
    department_color: str
    account: str
    campaign: str | None
    start: dt.date
    end: dt.date
    slot_status: str
    frames: list[FrameRow]
    retention: list[DayRetention]
    followers: FollowerChange
    generated_at: dt.datetime
    followers_sample: bool = False
    totals: dict[str, int | None] = field(default_factory=dict)
    campaign_color: str = "#8a5cc7"

    @property
    def published(self) -> int:
        return sum(1 for f in self.frames if f.published_at is not None)

    @property
    def collected(self) -> int:
        return sum(1 for f in self.frames if f.status in HAS_NUMBERS)

    @property
    def sample(self) -> bool:
        return any(f.sample for f in self.frames) or self.followers_sample

    @property
    def stayed(self) -> float | None:
        """Over the whole takeover: the days' last-frame reach against their first-frame reach."""
        known = [d for d in self.retention if d.share is not None]
        if not known:
            return None
        return sum(d.last_reach or 0 for d in known) / sum(d.first_reach or 0 for d in known)


def totals(frames: Sequence[FrameRow]) -> dict[str, int | None]:
    """Each metric summed over the frames that have it; None when no frame has it."""
    out: dict[str, int | None] = {}
    for metric in StoryNumbers.names():
        values = [v for v in (f.value(metric) for f in frames) if v is not None]
        out[metric] = sum(values) if values else None
    return out


def retention_by_day(frames: Sequence[FrameRow]) -> list[DayRetention]:
    days: dict[dt.date, list[FrameRow]] = {}
    for frame in frames:
        if frame.published_at is not None:
            days.setdefault(frame.day, []).append(frame)
    out = []
    for day in sorted(days):
        ordered = sorted(days[day], key=lambda f: (f.published_at, f.number))
        out.append(DayRetention(day, len(ordered), ordered[0].value("reach"), ordered[-1].value("reach")))
    return out


def follower_change(series: Sequence[DailyPoint], start: dt.date, end: dt.date) -> FollowerChange:
    """Net change from the day before the takeover to its last day (or the latest reading, while it runs),
    against the average daily change over the ``BASELINE_DAYS`` before it."""
    before = value_on_or_before(series, start - dt.timedelta(days=1))
    last = value_on_or_before(series, end)
    during: int | None = None
    during_days = 0
    if before is not None and last is not None and last[0] >= start:
        during = last[1] - before[1]
        during_days = (last[0] - before[0]).days
    before_per_day: float | None = None
    before_days = 0
    if before is not None:
        earliest = start - dt.timedelta(days=1 + BASELINE_DAYS)
        window = [p for p in series if earliest <= p[0] <= before[0]]
        if window:
            before_days = (before[0] - window[0][0]).days
            if before_days >= MIN_BASELINE_DAYS:
                before_per_day = (before[1] - window[0][1]) / before_days
            else:
                before_days = 0
    return FollowerChange(during, during_days, before_per_day, before_days)


def build_report(*, slot_id: int, department: str, department_color: str, account: str, campaign: str | None,
                 start: dt.date, end: dt.date, slot_status: str, frames: Sequence[FrameRow],
                 followers: Sequence[DailyPoint], generated_at: dt.datetime,
                 followers_sample: bool = False, campaign_color: str = "#8a5cc7") -> TakeoverReport:
    ordered = sorted(frames, key=lambda f: (f.published_at is None, f.published_at or generated_at, f.number))
    return TakeoverReport(
        slot_id, department, department_color, account, campaign, start, end, slot_status, list(ordered),
        retention_by_day(ordered), follower_change(followers, start, end), generated_at, followers_sample,
        totals(ordered), campaign_color,
    )


# --- comparison across departments and campaigns -------------------------------------------------------------


@dataclass(frozen=True)
class GroupFigures:
    name: str
    color: str
    takeovers: int
    frames: int  # published frames
    collected: int  # frames with numbers
    avg_reach: float | None  # per frame with numbers
    avg_views: float | None
    stayed: float | None  # average share of viewers who stayed to the last frame
    replies: int | None
    follows: int | None
    followers_per_day: float | None  # average net daily follower change during the takeovers
    before_per_day: float | None  # … and in the weeks before them


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _sum_or_none(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def compare(reports: Sequence[TakeoverReport],
            key: Callable[[TakeoverReport], tuple[str, str] | None]) -> list[GroupFigures]:
    """Group the reports by ``key`` (name, colour) — None leaves a report out — best average reach first."""
    groups: dict[str, tuple[str, list[TakeoverReport]]] = {}
    for report in reports:
        found = key(report)
        if found is None:
            continue
        name, color = found
        groups.setdefault(name, (color, []))[1].append(report)
    out = []
    for name, (color, members) in groups.items():
        frames = [f for r in members for f in r.frames]
        reach = [float(v) for v in (f.value("reach") for f in frames) if v is not None]
        views = [float(v) for v in (f.value("views") for f in frames) if v is not None]
        stayed = [d.share for r in members for d in r.retention if d.share is not None]
        during = [r.followers.during_per_day for r in members if r.followers.during_per_day is not None]
        before = [r.followers.before_per_day for r in members if r.followers.before_per_day is not None]
        out.append(GroupFigures(
            name, color, len(members), sum(1 for f in frames if f.published_at is not None),
            sum(1 for f in frames if f.status in HAS_NUMBERS), _mean(reach), _mean(views), _mean(stayed),
            _sum_or_none([r.totals.get("replies") for r in members]),
            _sum_or_none([r.totals.get("follows") for r in members]),
            _mean(during), _mean(before),
        ))
    return sorted(out, key=lambda g: (g.avg_reach is None, -(g.avg_reach or 0), g.name))


def by_department(report: TakeoverReport) -> tuple[str, str]:
    return report.department, report.department_color


def by_campaign(report: TakeoverReport) -> tuple[str, str] | None:
    return (report.campaign, report.campaign_color) if report.campaign else None
