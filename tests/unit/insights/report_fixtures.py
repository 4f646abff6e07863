"""Small hand-made reports for the figure, CSV and layout tests."""

from __future__ import annotations

import datetime as dt

from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.report import FrameRow, TakeoverReport, build_report
from takeover_planner.insights.schedule import Collection

DAY1 = dt.date(2025, 5, 6)
DAY2 = dt.date(2025, 5, 7)
MADE = dt.datetime(2025, 5, 9, 12, 0, tzinfo=dt.UTC)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour - 2, 0, tzinfo=dt.UTC)  # Oslo summer time


def frame(number: int, day: dt.date, hour: int, status: Collection = Collection.FINAL, **numbers: int) -> FrameRow:
    published = at(day, hour)
    read = published + dt.timedelta(hours=23) if status in (Collection.FINAL,) else None
    if status in (Collection.COLLECTING, Collection.PARTIAL):
        read = published + dt.timedelta(hours=6)
    return FrameRow(100 + number, number, day, published, status, StoryNumbers(**numbers), read, f"Frame {number}")


def two_day_report(followers: list[tuple[dt.date, int]] | None = None) -> TakeoverReport:
    frames = [
        frame(1, DAY1, 9, reach=400, views=520, replies=3, exits=40, follows=4, taps_forward=200),
        frame(2, DAY1, 10, reach=330, views=410, replies=1, exits=35, follows=1),
        frame(3, DAY1, 12, reach=300, views=350, replies=0, exits=60, follows=0),
        frame(4, DAY2, 9, reach=500, views=600, replies=5, exits=50, follows=6),
        frame(5, DAY2, 11, Collection.NOT_COLLECTED),
        frame(6, DAY2, 13, reach=250, views=260, replies=2, exits=90, follows=2),
    ]
    series = followers if followers is not None else (
        [(DAY1 - dt.timedelta(days=29 - i), 1000 + 3 * i) for i in range(29)] + [(DAY1, 1100), (DAY2, 1124)])
    return build_report(slot_id=7, department="Biblioteket", department_color="#2f6fde", account="Fjordvik kommune",
                        campaign="Leseuka", start=DAY1, end=DAY2, slot_status="completed", frames=frames,
                        followers=series, generated_at=MADE, campaign_color="#8a5cc7")
