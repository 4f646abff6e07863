from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, oslo_datetime
from takeover_planner.exporting import ics
from takeover_planner.exporting.labels import BOKMAAL, ENGLISH
from tests.unit.export.helpers import CREATED, make_slot

STAMP = dt.datetime(2027, 1, 10, 8, 30, tzinfo=dt.UTC)
TRICKY = "Kari's æøå ÆØÅ, komma; semikolon \\ backslash\nny linje\nog en til"


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_every_field_comes_back_from_a_parse():
    slot = make_slot(notes=TRICKY, campaign="Vår, sommer; høst", version=3,
                     department="Helse- og omsorg, Øst; team", account="Fjordvik kultur")
    data = ics.calendar_bytes([slot], title="Overtakelser", labels=BOKMAAL, stamp=STAMP)
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
    slot = make_slot(notes="a,b;c\nd")
    text = ics.calendar_bytes([slot], title="T", labels=ENGLISH, stamp=STAMP).decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert "Notes:\\na\\,b\\;c\\nd" in unfolded


def test_a_slot_across_the_daylight_saving_change():
    # Summer time starts on Sunday 28 March 2027 at 02:00 in Oslo.
    before = make_slot(id=1, start=dt.date(2027, 3, 26), end=dt.date(2027, 3, 29),
                       material_deadline=oslo_datetime(dt.date(2027, 3, 27), dt.time(12)))
    after = make_slot(id=2, start=dt.date(2027, 4, 2), end=dt.date(2027, 4, 2),
                      material_deadline=oslo_datetime(dt.date(2027, 3, 29), dt.time(12)))
    data = ics.calendar_bytes([before, after], title="T", labels=ENGLISH, stamp=STAMP)
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
    onsets = [sub.decoded("dtstart") for sub in zones[0].walk("DAYLIGHT")]
    rdates = [p.dt for sub in zones[0].walk("DAYLIGHT") for r in _as_list(sub.get("rdate")) for p in r.dts]
    assert any(d.date() == dt.date(2027, 3, 28) for d in [*onsets, *rdates])


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize(("status", "expected"), [
    (SlotStatus.REQUESTED, "TENTATIVE"),
    (SlotStatus.BOOKED, "TENTATIVE"),
    (SlotStatus.CONFIRMED, "CONFIRMED"),
    (SlotStatus.COMPLETED, "CONFIRMED"),
    (SlotStatus.CANCELLED, "CANCELLED"),
])
def test_status(status, expected):
    slot = make_slot(status=status, cancel_reason="Sykdom" if status == SlotStatus.CANCELLED else "")
    found = events(parse(ics.calendar_bytes([slot], title="T", labels=ENGLISH, stamp=STAMP)))
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
    slot = make_slot(notes="æøå" * 200 + " " + "x" * 300, department="Økonomi og ærlig åpenhet " * 4)
    data = ics.calendar_bytes([slot], title="T", labels=BOKMAAL, stamp=STAMP)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a folded line must never end in half a letter
    assert any(line.startswith(b" ") for line in lines)
    event = events(parse(data))[ics.slot_uid(slot)]
    assert str(event["description"]).endswith("æøå" * 200 + " " + "x" * 300)


def test_same_slot_keeps_its_uid_and_sequence_follows_the_version():
    first = make_slot(version=1)
    edited = make_slot(version=4, notes="changed", start=dt.date(2027, 3, 2))
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
    calendar = parse(ics.calendar_bytes([], title="Tom", labels=ENGLISH, stamp=STAMP))
    assert calendar.walk("VEVENT") == [] and calendar.walk("VTIMEZONE") == []


def test_slot_without_deadline_campaign_or_link():
    slot = make_slot(material_deadline=None, campaign=None, news_url="")
    calendar = parse(ics.calendar_bytes([slot], title="T", labels=ENGLISH, stamp=STAMP))
    (event,) = calendar.walk("VEVENT")
    assert "categories" not in event and "url" not in event
    assert calendar.walk("VTIMEZONE") == []


def test_timezone_covers_deadlines_after_2038():
    slot = make_slot(start=dt.date(2040, 6, 1), material_deadline=oslo_datetime(dt.date(2040, 5, 28), dt.time(12)))
    calendar = parse(ics.calendar_bytes([slot], title="T", labels=ENGLISH, stamp=STAMP))
    (zone,) = calendar.walk("VTIMEZONE")
    assert "2040" in zone.to_ical().decode()


def test_progress_is_reported_to_the_end():
    seen: list[tuple[int, int]] = []
    slots = [make_slot(id=i) for i in range(1, 451)]
    ics.calendar_bytes(slots, title="T", labels=ENGLISH, stamp=STAMP, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (200, 451) and seen[-2] == (450, 451) and seen[-1] == (451, 451)


def test_department_file_names_are_safe_and_distinct():
    names = ics.department_file_names(
        ["Biblioteket", "biblioteket", "Kultur/Ung", "Kultur: Ung", "Miljø og ÆØÅ", "takeover-calendar", "..", "",
         "CON", "x" * 300]
    )
    assert names["CON"] == "CON-department.ics"
    assert len(names["x" * 300]) <= 84
    assert names["Biblioteket"] == "Biblioteket.ics"
    assert names["biblioteket"] == "biblioteket-2.ics"
    assert names["Kultur/Ung"] != names["Kultur: Ung"]
    assert names["Kultur/Ung"].startswith("Kultur-Ung")
    assert names["Miljø og ÆØÅ"] == "Miljø-og-ÆØÅ.ics"
    assert names["takeover-calendar"] == "takeover-calendar-2.ics"
    assert {names[".."], names[""]} == {"department.ics", "department-2.ics"}
    assert len({n.casefold() for n in names.values()}) == len(names)
    assert all("/" not in n and not n.startswith(".") for n in names.values())


def test_calendar_set_gives_the_full_calendar_and_one_per_department():
    slots = [make_slot(id=1, department="Biblioteket"), make_slot(id=2, department="Brannvesenet"),
             make_slot(id=3, department="Biblioteket", material_deadline=None)]
    seen: list[tuple[int, int]] = []
    full, per_department = ics.calendar_set(
        slots, title="Alle", department_title=lambda name: f"Kalender – {name}", labels=ENGLISH, stamp=STAMP,
        progress=lambda done, total: seen.append((done, total)))
    assert len(events(parse(full))) == 5
    library = parse(per_department["Biblioteket"])
    assert str(library["x-wr-calname"]) == "Kalender – Biblioteket"
    assert set(events(library)) == {ics.slot_uid(slots[0]), ics.slot_uid(slots[0], "deadline"), ics.slot_uid(slots[2])}
    fire = parse(per_department["Brannvesenet"])
    assert set(events(fire)) == {ics.slot_uid(slots[1]), ics.slot_uid(slots[1], "deadline")}
    assert [str(z["tzid"]) for z in fire.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert seen[-1] == (6, 6)  # 3 slots built, then 3 files
