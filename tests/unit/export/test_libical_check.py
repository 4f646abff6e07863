"""The calendar files pass libical's standards check (the library behind Evolution and many servers)."""

from __future__ import annotations

import datetime as dt

from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.exporting import ics
from takeover_planner.exporting.records import ExportPeriod
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot
from tests.unit.export.libical import libical_errors

WORDS = ExportWords("nb")
PERIODS = [ExportPeriod("blackout", 1, None, 1, "Påske", dt.date(2027, 3, 22), dt.date(2027, 3, 29), None, "Fri"),
           ExportPeriod("campaign", 2, None, 1, "Leseuka", dt.date(2027, 3, 1), dt.date(2027, 3, 7))]


def test_the_full_calendar_and_each_department_feed_pass():
    slots = [make_slot(id=1, department_id=1, department_note="æøå; komma, «sitat»\nny linje"),
             make_slot(id=2, department="Brannvesenet", department_id=2, start=dt.date(2040, 6, 1),
                       material_deadline=oslo_datetime(dt.date(2040, 5, 28), dt.time(12)))]
    full, per_department = ics.calendar_set(slots, title="Alle", department_title=str, words=WORDS,
                                            periods=PERIODS)
    assert libical_errors(full) == []
    for data in per_department.values():
        assert libical_errors(data) == []


def test_the_check_refuses_what_libical_refused_before():
    """METHOD:PUBLISH without ORGANIZER was the old file's fault; the check must see it (or it proves nothing)."""
    data = ics.calendar_bytes([make_slot()], title="T", words=WORDS)
    old = data.replace(b"CALSCALE:GREGORIAN\r\n", b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n")
    assert libical_errors(old) != []
