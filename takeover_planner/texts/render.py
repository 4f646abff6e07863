"""Code + parameters → the words for a person, in the language in force.

Parameters are values, not English: a ``datetime.date`` becomes "4. mars 2027" or "4 March 2027", an aware
``datetime`` is shown in Oslo time, a ``DateSpan`` as a range, a ``Text`` is rendered in the same language, a
list or tuple is each item rendered and joined with "; ". Strings are shown as they are (they are names and
other words a person typed, never markup).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from takeover_planner.texts.codes import Code
from takeover_planner.texts.language import BOKMAAL, current_language
from takeover_planner.texts.words import month_name

OSLO = ZoneInfo("Europe/Oslo")



@dataclass(frozen=True)
class DateSpan:
    """Whole days, both ends included (a slot's days, a blackout period)."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Bilingual:
    """Words that arrive already written in both languages (a rule finding from the rule-set file)."""

    en: str
    nb: str


@dataclass(frozen=True)
class Text:
    """A message not yet put into words: rendered when shown, so it follows the language then in force."""

    code: Code
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return render(self.code, self.params)

    def in_language(self, language: str) -> str:
        return render(self.code, self.params, language)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.key, "params": {k: json_value(v) for k, v in self.params.items()}}


def text(code: Code, **params: Any) -> Text:
    return Text(code, params)


def format_date(day: dt.date, language: str) -> str:
    month = month_name(day.month, language)
    if language == BOKMAAL:
        return f"{day.day}. {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def format_table_date(day: dt.date, language: str) -> str:
    """A date in a table or list: "04.03.2027" in Bokmål, ISO "2027-03-04" in English (as before)."""
    return f"{day:%d.%m.%Y}" if language == BOKMAAL else day.isoformat()


def format_table_span(start: dt.date, end: dt.date, language: str) -> str:
    if start == end:
        return format_table_date(start, language)
    return f"{format_table_date(start, language)} – {format_table_date(end, language)}"


def format_table_datetime(moment: dt.datetime, language: str) -> str:
    """An aware moment in a table, in Oslo time: "04.03.2027 14:00" / "2027-03-04 14:00"."""
    local = moment.astimezone(OSLO) if moment.tzinfo is not None else moment
    return f"{format_table_date(local.date(), language)} {local:%H:%M}"


def format_span(span: DateSpan, language: str) -> str:
    start, end = span.start, span.end
    if start == end:
        return format_date(start, language)
    dash = "–"
    if (start.year, start.month) == (end.year, end.month):
        if language == BOKMAAL:
            return f"{start.day}.{dash}{format_date(end, language)}"
        return f"{start.day}{dash}{format_date(end, language)}"
    if start.year == end.year:
        month = month_name(start.month, language)
        first = f"{start.day}. {month}" if language == BOKMAAL else f"{start.day} {month}"
        return f"{first} {dash} {format_date(end, language)}"
    return f"{format_date(start, language)} {dash} {format_date(end, language)}"


def format_datetime(moment: dt.datetime, language: str) -> str:
    local = moment.astimezone(OSLO) if moment.tzinfo is not None else moment
    clock = local.strftime("%H:%M")
    if language == BOKMAAL:
        return f"{format_date(local.date(), language)} kl. {clock}"
    return f"{format_date(local.date(), language)}, {clock}"


def format_value(value: Any, language: str) -> str:
    if isinstance(value, Text):
        return value.in_language(language)
    if isinstance(value, Code):
        return render(value, {}, language)
    if isinstance(value, Bilingual):
        return value.nb if language == BOKMAAL else value.en
    if isinstance(value, DateSpan):
        return format_span(value, language)
    if isinstance(value, dt.datetime):
        return format_datetime(value, language)
    if isinstance(value, dt.date):
        return format_date(value, language)
    if isinstance(value, bool):
        return ("ja" if value else "nei") if language == BOKMAAL else ("yes" if value else "no")
    if isinstance(value, float):
        shown = f"{value:g}"
        return shown.replace(".", ",") if language == BOKMAAL else shown
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return "; ".join(format_value(item, language) for item in value)
    return str(value)


class _Fields(dict[str, str]):
    """Parameters as text; a template naming one that was not given shows it as ``{name}`` instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: Code, params: Mapping[str, Any] | None = None, language: str | None = None) -> str:
    language = language or current_language()
    fields = _Fields({name: format_value(value, language) for name, value in (params or {}).items()})
    return code.template(language).format_map(fields)


def json_value(value: Any) -> Any:
    """A parameter as plain JSON for ``--json`` output (dates as ISO text, texts as code + params)."""
    if isinstance(value, Text):
        return value.to_json()
    if isinstance(value, Code):
        return value.key
    if isinstance(value, Bilingual):
        return {"en": value.en, "nb": value.nb}
    if isinstance(value, DateSpan):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
