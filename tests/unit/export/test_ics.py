from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, oslo_datetime
from takeover_planner.exporting import ics
from takeover_planner.exporting.records import ExportPeriod
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import CREATED, make_slot

BOKMAAL = ExportWords("nb")
ENGLISH = ExportWords("en")

STAMP = dt.datetime(2027, 1, 10, 8, 30, tzinfo=dt.UTC)
TRICKY = "Kari's æøå ÆØÅ, komma; semikolon \\ backslash\nny linje\nog en til"


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_every_field_comes_back_from_a_parse():
    slot = make_slot(department_note=TRICKY, campaign="Vår, sommer; høst", version=3,
                     department="Helse- og omsorg, Øst; team", account="Fjordvik kultur")
    data = ics.calendar_bytes([slot], title="Overtakelser", words=BOKMAAL, stamp=STAMP)
    calendar = parse(data)
    assert str(calendar["version"]) == "2.0"
    assert "Takeover Planner" in str(calendar["prodid"])
    assert str(calendar["x-wr-calname"]) == "Overtakelser"
    found = events(calendar)
    event = found[ics.slot_uid(slot)]
    assert event.decoded("dtstart") == dt.date(2027, 3, 1)
    assert event.decoded("dtend") == dt.date(2027, 3, 6)  # last day 5 March, end exclusive
    assert not isinstance(event.decoded("dtstart"), dt.datetime)
    assert event.decoded("dtstamp") == STAMP
    assert int(event["sequence"]) == 2
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["summary"]) == "Overtakelse: Helse- og omsorg, Øst; team – Fjordvik kultur"
    description = str(event["description"])
    assert "Kontaktperson: Kari Nordmann, kari@fjordvik.kommune.no, +47 900 00 000" in description
    assert "Frist for materiell: 2027-02-26 12:00 (norsk tid)" in description
    assert "Kampanje: Vår, sommer; høst" in description
    assert "Storybilder: 4 sendt inn, 3 godkjent, 1 publisert" in description
    assert description.endswith(f"Notater:\n{TRICKY}")
    assert [str(c) for c in event["categories"].cats] == ["Vår, sommer; høst"]
    assert str(event["url"]) == "https://fjordvik.kommune.no/nyheter/leseuka"
    assert event.decoded("last-modified") == (CREATED + dt.timedelta(days=3)).replace(microsecond=0)
    deadline = found[ics.slot_uid(slot, "deadline")]
    assert deadline.decoded("dtstart") == oslo_datetime(dt.date(2027, 2, 26), dt.time(12))
    assert "dtend" not in deadline
    assert int(deadline["sequence"]) == 2
    assert str(deadline["summary"]).startswith("Frist for materiell: Helse- og omsorg, Øst; team")


def test_special_characters_are_escaped_in_the_file_itself():
    slot = make_slot(department_note="a,b;c\nd")
    text = ics.calendar_bytes([slot], title="T", words=ENGLISH, stamp=STAMP).decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert "Notes:\\na\\,b\\;c\\nd" in unfolded


def test_a_slot_across_the_daylight_saving_change():
    # Summer time starts on Sunday 28 March 2027 at 02:00 in Oslo.
    before = make_slot(id=1, start=dt.date(2027, 3, 26), end=dt.date(2027, 3, 29),
                       material_deadline=oslo_datetime(dt.date(2027, 3, 27), dt.time(12)))
    after = make_slot(id=2, start=dt.date(2027, 4, 2), end=dt.date(2027, 4, 2),
                      material_deadline=oslo_datetime(dt.date(2027, 3, 29), dt.time(12)))
    data = ics.calendar_bytes([before, after], title="T", words=ENGLISH, stamp=STAMP)
    calendar = parse(data)
    found = events(calendar)
    whole = found[ics.slot_uid(before)]
    assert (whole.decoded("dtstart"), whole.decoded("dtend")) == (dt.date(2027, 3, 26), dt.date(2027, 3, 30))
    winter = found[ics.slot_uid(before, "deadline")].decoded("dtstart")
    summer = found[ics.slot_uid(after, "deadline")].decoded("dtstart")
    assert winter.utcoffset() == dt.timedelta(hours=1) and winter.astimezone(dt.UTC).hour == 11
    assert summer.utcoffset() == dt.timedelta(hours=2) and summer.astimezone(dt.UTC).hour == 10
    text = data.decode("utf-8")
    assert "DTSTART;TZID=Europe/Oslo:20270327T120000" in text
    assert "DTSTART;TZID=Europe/Oslo:20270329T120000" in text
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Europe/Oslo"]
    # Standard → daylight at 02:00 local standard time; daylight → standard at 03:00 local daylight time.
    (daylight,), (standard,) = zones[0].walk("DAYLIGHT"), zones[0].walk("STANDARD")
    assert daylight.decoded("dtstart") == dt.datetime(1970, 3, 29, 2, 0)
    assert standard.decoded("dtstart") == dt.datetime(1970, 10, 25, 3, 0)
    assert daylight["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert standard["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    assert "DTSTART:19700329T020000" in text and "DTSTART:19701025T030000" in text
    oslo = zones[0].to_tz()
    assert dt.datetime(2027, 3, 28, 1, 59, tzinfo=oslo).utcoffset() == dt.timedelta(hours=1)
    assert dt.datetime(2027, 3, 28, 3, 0, tzinfo=oslo).utcoffset() == dt.timedelta(hours=2)
    assert dt.datetime(2027, 10, 31, 3, 30, tzinfo=oslo).utcoffset() == dt.timedelta(hours=1)


def test_a_feed_others_subscribe_to():
    calendar = parse(ics.calendar_bytes([make_slot()], title="T", words=ENGLISH, stamp=STAMP))
    text = calendar.to_ical().decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in text
    assert "X-PUBLISHED-TTL:PT1H\r\n" in text
    assert "METHOD" not in calendar, "METHOD:PUBLISH without an ORGANIZER is refused by libical"


@pytest.mark.parametrize(("status", "expected"), [
    (SlotStatus.REQUESTED, "TENTATIVE"),
    (SlotStatus.BOOKED, "TENTATIVE"),
    (SlotStatus.CONFIRMED, "CONFIRMED"),
    (SlotStatus.COMPLETED, "CONFIRMED"),
    (SlotStatus.CANCELLED, "CANCELLED"),
])
def test_status(status, expected):
    slot = make_slot(status=status, cancel_reason="Sykdom" if status == SlotStatus.CANCELLED else "")
    found = events(parse(ics.calendar_bytes([slot], title="T", words=ENGLISH, stamp=STAMP)))
    assert str(found[ics.slot_uid(slot)]["status"]) == expected
    assert str(found[ics.slot_uid(slot, "deadline")]["status"]) == expected


def test_requested_and_cancelled_say_so_in_the_summary():
    requested = ics.summary(make_slot(status=SlotStatus.REQUESTED), ENGLISH)
    cancelled = ics.summary(make_slot(status=SlotStatus.CANCELLED), BOKMAAL)
    assert requested == "Takeover (requested): Biblioteket – Fjordvik kommune"
    assert cancelled == "Overtakelse (avlyst): Biblioteket – Fjordvik kommune"
    assert "Avlyst fordi: Sykdom" in ics.description(make_slot(status=SlotStatus.CANCELLED,
                                                               cancel_reason="Sykdom"), BOKMAAL)


def test_long_lines_are_folded_at_75_octets_without_splitting_a_letter():
    slot = make_slot(department_note="æøå" * 200 + " " + "x" * 300, department="Økonomi og ærlig åpenhet " * 4)
    data = ics.calendar_bytes([slot], title="T", words=BOKMAAL, stamp=STAMP)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a folded line must never end in half a letter
    assert any(line.startswith(b" ") for line in lines)
    event = events(parse(data))[ics.slot_uid(slot)]
    assert str(event["description"]).endswith("æøå" * 200 + " " + "x" * 300)


def test_same_slot_keeps_its_uid_and_sequence_follows_the_version():
    first = make_slot(version=1)
    edited = make_slot(version=4, department_note="changed", start=dt.date(2027, 3, 2))
    assert ics.slot_uid(first) == ics.slot_uid(edited)
    assert ics.sequence(first) == 0 and ics.sequence(edited) == 3


def test_uid_tells_apart_slots_with_the_same_id_from_different_databases():
    here = make_slot(id=1)
    elsewhere = make_slot(id=1, created_at=CREATED + dt.timedelta(microseconds=1))
    assert ics.slot_uid(here) != ics.slot_uid(elsewhere)
    assert ics.slot_uid(here) != ics.slot_uid(here, "deadline")
    assert ics.slot_uid(here).endswith("@takeover-planner")


def test_uid_does_not_depend_on_the_zone_the_instant_is_given_in():
    oslo = make_slot(created_at=CREATED.astimezone(OSLO))
    assert ics.slot_uid(oslo) == ics.slot_uid(make_slot())


def test_empty_calendar_is_valid_and_has_no_timezone():
    calendar = parse(ics.calendar_bytes([], title="Tom", words=ENGLISH, stamp=STAMP))
    assert calendar.walk("VEVENT") == [] and calendar.walk("VTIMEZONE") == []


def test_slot_without_deadline_campaign_or_link():
    slot = make_slot(material_deadline=None, campaign=None, news_url="")
    calendar = parse(ics.calendar_bytes([slot], title="T", words=ENGLISH, stamp=STAMP))
    (event,) = calendar.walk("VEVENT")
    assert "categories" not in event and "url" not in event
    assert calendar.walk("VTIMEZONE") == []


def test_timezone_covers_deadlines_after_2038():
    slot = make_slot(start=dt.date(2040, 6, 1), material_deadline=oslo_datetime(dt.date(2040, 5, 28), dt.time(12)))
    calendar = parse(ics.calendar_bytes([slot], title="T", words=ENGLISH, stamp=STAMP))
    (zone,) = calendar.walk("VTIMEZONE")
    oslo = zone.to_tz()
    assert dt.datetime(2040, 5, 28, 12, tzinfo=oslo).utcoffset() == dt.timedelta(hours=2)
    assert dt.datetime(2040, 12, 1, 12, tzinfo=oslo).utcoffset() == dt.timedelta(hours=1)


def test_progress_is_reported_to_the_end():
    seen: list[tuple[int, int]] = []
    slots = [make_slot(id=i) for i in range(1, 451)]
    ics.calendar_bytes(slots, title="T", words=ENGLISH, stamp=STAMP, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (200, 451) and seen[-2] == (450, 451) and seen[-1] == (451, 451)


def test_department_file_names_are_safe_distinct_and_stable_by_id():
    departments = {1: "Biblioteket", 2: "biblioteket", 3: "Kultur/Ung", 4: "Kultur: Ung", 5: "Miljø og ÆØÅ",
                   6: "takeover-calendar", 7: "..", 8: "", 9: "CON", 10: "x" * 300, 11: "Tab\there?*<>|\"end. "}
    names = ics.department_file_names(departments)
    assert names[1] == "Biblioteket-1.ics" and names[2] == "biblioteket-2.ics"
    assert (names[3], names[4]) == ("Kultur-Ung-3.ics", "Kultur-Ung-4.ics")
    assert names[5] == "Miljø-og-ÆØÅ-5.ics"
    assert names[6] == "takeover-calendar-6.ics"
    assert (names[7], names[8]) == ("department-7.ics", "department-8.ics")
    assert names[9].split(".")[0].split("-")[0].upper() == "CON" and names[9] != "CON.ics"
    assert len(names[10]) <= 90
    assert names[11] == "Tab-here-end-11.ics"
    assert len({n.casefold() for n in names.values()}) == len(names)
    windows_refuses = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
    assert all(not set(n) & windows_refuses and not n.startswith(".") for n in names.values())
    # Stable: a department keeps its file whatever else is exported (a/b and a:b used to swap).
    assert ics.department_file_names({4: "Kultur: Ung"}) == {4: names[4]}


def test_calendar_set_gives_the_full_calendar_and_one_per_department():
    slots = [make_slot(id=1, department="Biblioteket", department_id=4),
             make_slot(id=2, department="Brannvesenet", department_id=9),
             make_slot(id=3, department="Biblioteket", department_id=4, material_deadline=None)]
    seen: list[tuple[int, int]] = []
    full, per_department = ics.calendar_set(
        slots, title="Alle", department_title=lambda name: f"Kalender – {name}", words=ENGLISH, stamp=STAMP,
        progress=lambda done, total: seen.append((done, total)))
    assert len(events(parse(full))) == 5
    library = parse(per_department[4])
    assert str(library["x-wr-calname"]) == "Kalender – Biblioteket"
    assert set(events(library)) == {ics.slot_uid(slots[0]), ics.slot_uid(slots[0], "deadline"), ics.slot_uid(slots[2])}
    fire = parse(per_department[9])
    assert set(events(fire)) == {ics.slot_uid(slots[1]), ics.slot_uid(slots[1], "deadline")}
    assert [str(z["tzid"]) for z in fire.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert seen[-1] == (6, 6)  # 3 slots built, then 3 files


def test_blackouts_and_campaigns_are_events_of_their_own():
    created = dt.datetime(2026, 10, 1, 8, tzinfo=dt.UTC)
    periods = [
        ExportPeriod("blackout", 3, created, 2, "Påskeferie", dt.date(2027, 3, 22), dt.date(2027, 3, 29), None,
                     "Ingen overtakelser i påsken"),
        ExportPeriod("blackout", 4, None, 1, "Valg", dt.date(2027, 9, 13), dt.date(2027, 9, 13), "Fjordvik kommune"),
        ExportPeriod("campaign", 2, created, 1, "Leseuka", dt.date(2027, 3, 1), dt.date(2027, 3, 7)),
    ]
    found = events(parse(ics.calendar_bytes([make_slot()], title="T", words=BOKMAAL, stamp=STAMP,
                                            periods=periods)))
    easter = found[ics.period_uid(periods[0])]
    assert ics.period_uid(periods[0]) == "blackout-3-20261001T080000000000Z@takeover-planner"
    assert str(easter["summary"]) == "Sperreperiode: Påskeferie – Alle kontoer"
    assert (easter.decoded("dtstart"), easter.decoded("dtend")) == (dt.date(2027, 3, 22), dt.date(2027, 3, 30))
    assert str(easter["transp"]) == "TRANSPARENT" and int(easter["sequence"]) == 1
    assert "Ingen overtakelser i påsken" in str(easter["description"])
    assert str(found["blackout-4@takeover-planner"]["summary"]) == "Sperreperiode: Valg – Fjordvik kommune"
    week = found[ics.period_uid(periods[2])]
    assert str(week["summary"]) == "Kampanje: Leseuka"
    assert [str(c) for c in week["categories"].cats] == ["Kampanje"]
    full, per_department = ics.calendar_set([make_slot(department_id=4)], title="T",
                                            department_title=str, words=BOKMAAL, stamp=STAMP, periods=periods)
    assert ics.period_uid(periods[2]) in events(parse(per_department[4])), "every feed shows the periods"
