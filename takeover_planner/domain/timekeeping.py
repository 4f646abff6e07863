"""Time zone and calendar conventions: Europe/Oslo, ISO weeks (Monday first), UTC in storage."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
UTC = dt.UTC


def now_utc() -> dt.datetime:
    return dt.datetime.now(UTC)


def today_oslo() -> dt.date:
    return dt.datetime.now(OSLO).date()


def to_oslo(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: say which zone it is in")
    return moment.astimezone(OSLO)


def oslo_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """A wall-clock time in Oslo on ``day``; across DST the zone picks the right offset."""
    return dt.datetime.combine(day, time, tzinfo=OSLO)


def iso_week(day: dt.date) -> int:
    return day.isocalendar().week


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD") from exc


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every day from start to end, both included."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
