"""Times of day as people type them, for Oslo: "0830", "8:30", "08.30" and "8" all mean 08:30; and whether that
time exists on that day at all (the night the clocks go forward has no 02:30) or comes twice (the night they go
back). A planned time must never silently become another: 02:30 on the spring-forward day would otherwise turn
into 03:30 and post after the 03:00 frame.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.texts import Text
from takeover_planner.texts.stories import ContributorText

_CLOCK = re.compile(r"^\s*(?P<h>[0-9]{1,2})(?:\s*[:.,h ]\s*(?P<m>[0-9]{2}))?\s*$")
_DIGITS = re.compile(r"^\s*(?P<h>[0-9]{1,2})(?P<m>[0-9]{2})\s*$")  # "0830", "830"


def parse_clock(text: str) -> dt.time | None:
    """A time of day typed by a person, or None when it is not one."""
    match = _DIGITS.match(text) or _CLOCK.match(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def clock_text(time: dt.time) -> str:
    return f"{time:%H:%M}"


class ClockIssue(enum.StrEnum):
    MISSING = "missing"  # the clocks jump over it: it does not exist
    TWICE = "twice"  # the clocks go back over it: it comes twice


@dataclass(frozen=True)
class ClockChange:
    issue: ClockIssue
    day: dt.date
    time: dt.time
    before: dt.time  # the clocks' reading just before the change …
    after: dt.time  # … and just after it

    def params(self) -> dict[str, object]:
        return {"time": clock_text(self.time), "day": self.day, "before": clock_text(self.before),
                "after": clock_text(self.after)}

    @property
    def text(self) -> Text:
        code = ContributorText.NO_SUCH_TIME if self.issue == ClockIssue.MISSING else ContributorText.TWICE
        return Text(code, self.params())


def _change_on(day: dt.date) -> tuple[dt.time, dt.time] | None:
    """The clocks' reading just before and just after the day's change of offset (None: no change that day)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=OSLO).astimezone(dt.UTC)
    step = dt.timedelta(minutes=15)
    for n in range(1, 4 * 26):
        earlier, later = start + (n - 1) * step, start + n * step
        old, new = earlier.astimezone(OSLO).utcoffset(), later.astimezone(OSLO).utcoffset()
        if old != new and old is not None:
            return (later + old).time(), later.astimezone(OSLO).time()
    return None


def clock_change(day: dt.date, time: dt.time) -> ClockChange | None:
    """How the clock change of ``day`` affects ``time`` in Oslo: missing, twice, or not at all (None)."""
    wall = dt.datetime.combine(day, time, tzinfo=OSLO)
    first, second = wall.replace(fold=0).utcoffset(), wall.replace(fold=1).utcoffset()
    if first == second:
        return None
    change = _change_on(day)
    if change is None:
        return None
    round_trip = wall.astimezone(dt.UTC).astimezone(OSLO).replace(tzinfo=None)
    issue = ClockIssue.MISSING if round_trip != wall.replace(tzinfo=None) else ClockIssue.TWICE
    return ClockChange(issue, day, time, *change)
