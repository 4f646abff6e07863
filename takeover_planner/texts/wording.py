"""``Words(language)``: the catalogue read in one fixed language, for a file that is written in it.

A calendar export, a takeover report or a printed brief is read outside the app, in the language chosen for
that file — which need not be the language the app speaks at the moment. Each area's accessor
(``ExportWords``, ``ReportWords``, ``BriefWords``) derives from this one and adds the formatting its file
needs; the words themselves are the codes in ``words.py`` and the area modules.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from takeover_planner.texts.codes import Code
from takeover_planner.texts.language import BOKMAAL, LANGUAGES
from takeover_planner.texts.render import (
    format_date,
    format_table_date,
    format_table_datetime,
    format_table_span,
    render,
)
from takeover_planner.texts.words import MONTHS, MONTHS_SHORT, WEEKDAYS, WEEKDAYS_SHORT, SlotStatusName


@functools.cache
def _plain(code: Code, language: str) -> str:
    # A word without parameters is the same every time; an export of 100,000 slots asks for each one per slot.
    return render(code, {}, language)


@dataclass(frozen=True)
class Words:
    language: str

    def __post_init__(self) -> None:
        # A caller passing anything else is a bug (the command line and the window offer only these).
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown language {self.language!r}; choose one of {', '.join(LANGUAGES)}")

    @property
    def bokmaal(self) -> bool:
        return self.language == BOKMAAL

    def __call__(self, code: Code, **params: Any) -> str:
        if not params:
            return _plain(code, self.language)
        return render(code, params, self.language)

    def month(self, month: int) -> str:
        return self(MONTHS[month - 1])

    def month_short(self, month: int) -> str:
        return self(MONTHS_SHORT[month - 1])

    def weekday(self, day: dt.date) -> str:
        return self(WEEKDAYS[day.weekday()])

    def weekdays_short(self) -> list[str]:
        """Monday to Sunday, for a calendar's column heads."""
        return [self(name) for name in WEEKDAYS_SHORT]

    def slot_status(self, status: str) -> str:
        return self(SlotStatusName.of(status))

    def date(self, day: dt.date) -> str:
        """"6 May 2025" / "6. mai 2025"."""
        return format_date(day, self.language)

    def table_date(self, day: dt.date) -> str:
        """In a table or list: "2025-05-06" / "06.05.2025"."""
        return format_table_date(day, self.language)

    def table_span(self, start: dt.date, end: dt.date) -> str:
        return format_table_span(start, end, self.language)

    def table_moment(self, moment: dt.datetime) -> str:
        """An aware moment in Oslo time, in a table or footer: "2025-05-06 14:00" / "06.05.2025 14:00"."""
        return format_table_datetime(moment, self.language)
