"""The shared word catalogue: every domain value has its words, in both languages, from one list."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.schedule import Collection
from takeover_planner.texts.export_words import ExportWords
from takeover_planner.texts.render import DateSpan, format_date, format_span
from takeover_planner.texts.report import ReportWords
from takeover_planner.texts.wording import Words
from takeover_planner.texts.words import MONTHS, WEEKDAYS, WEEKDAYS_SHORT


@pytest.mark.parametrize("language", ["en", "nb"])
def test_every_status_state_and_metric_has_words(language: str) -> None:
    words = ReportWords(language)
    assert all(words.slot_status(status) for status in SlotStatus)
    assert all(words.collection(state) for state in Collection)
    assert all(words.metric(name) for name in StoryNumbers.names())


def test_requested_is_forespurt_in_bokmaal() -> None:
    assert Words("nb").slot_status(SlotStatus.REQUESTED) == "forespurt"
    assert Words("en").slot_status("requested") == "requested"  # a stored value works too


def test_one_list_of_months_for_messages_and_files() -> None:
    assert len(MONTHS) == 12 and len(WEEKDAYS) == len(WEEKDAYS_SHORT) == 7
    day = dt.date(2027, 3, 4)
    assert format_date(day, "nb") == "4. mars 2027" == Words("nb").date(day)
    assert format_date(day, "en") == "4 March 2027"
    assert format_span(DateSpan(dt.date(2027, 2, 26), day), "nb") == "26. februar – 4. mars 2027"
    assert ExportWords("nb").month_title(2027, 3) == "Mars 2027"
    assert Words("en").weekdays_short()[0] == "Mon" and Words("nb").weekday(day) == "torsdag"


def test_a_file_in_an_unknown_language_is_a_bug() -> None:
    with pytest.raises(ValueError):
        Words("de")
