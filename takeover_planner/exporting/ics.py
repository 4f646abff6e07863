"""The takeover calendar as iCalendar (RFC 5545), built with the ``icalendar`` library.

One all-day VEVENT per slot (DTEND is the day after the last day: RFC 5545 end dates are exclusive) and,
when the slot has one, a timed VEVENT for its material deadline in Europe/Oslo with the matching VTIMEZONE;
blackouts and campaigns/theme weeks with dates as all-day events of their own.

A feed that others subscribe to: REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL (Outlook, Apple) ask clients to
fetch it again every hour. No METHOD: a subscribed file is not an iTIP message, and METHOD:PUBLISH obliges every
event to have an ORGANIZER (RFC 5546), which libical's check enforces.
Escaping of ``,;\\`` and line breaks, and folding lines at 75 octets without splitting a UTF-8 character,
are the library's job; the tests check them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import icalendar

from takeover_planner import __version__
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, now_utc
from takeover_planner.exporting.records import ExportPeriod, ExportSlot
from takeover_planner.texts.export_words import ExportWord as E
from takeover_planner.texts.export_words import ExportWords
from takeover_planner.texts.words import Word as W

PRODID = f"-//Takeover Planner//Takeover calendar {__version__}//EN"
UID_DOMAIN = "takeover-planner"
TIMEZONE_ID = "Europe/Oslo"
FULL_CALENDAR_STEM = "takeover-calendar"

REFRESH = dt.timedelta(hours=1)

Progress = Callable[[int, int], None]

ICS_STATUS = {
    SlotStatus.REQUESTED: "TENTATIVE",
    SlotStatus.BOOKED: "TENTATIVE",
    SlotStatus.CONFIRMED: "CONFIRMED",
    SlotStatus.COMPLETED: "CONFIRMED",
    SlotStatus.CANCELLED: "CANCELLED",
}


def slot_uid(slot: ExportSlot, kind: str = "slot") -> str:
    """A UID that stays the same for the same slot in every export, from any machine or user.

    The slot's id alone repeats across databases (every installation has a slot #1), and the app keeps no
    installation id that all team members share. The moment the slot row was created does not change
    after booking and travels with the row (backups, a move from SQLite to PostgreSQL), so id + creation
    instant is stable for the slot and, in practice, unique across databases.
    """
    return entity_uid(kind, slot.id, slot.created_at)


def entity_uid(kind: str, entity_id: int, created_at: dt.datetime | None) -> str:
    """``<kind>-<id>-<creation instant, UTC, microseconds>@takeover-planner`` (without the instant if unknown)."""
    if created_at is None:
        return f"{kind}-{entity_id}@{UID_DOMAIN}"
    created = created_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{kind}-{entity_id}-{created}@{UID_DOMAIN}"


def sequence(slot: ExportSlot) -> int:
    """RFC 5545 starts SEQUENCE at 0; the slot's version counter starts at 1 and rises on every edit."""
    return max(slot.version - 1, 0)


def summary(slot: ExportSlot, words: ExportWords) -> str:
    what = words(E.TAKEOVER)
    if slot.status in (SlotStatus.REQUESTED, SlotStatus.CANCELLED):
        # TENTATIVE covers requested and booked alike: say which; and make a cancelled one obvious in
        # clients that do not strike cancelled events through.
        what = f"{what} ({words.slot_status(slot.status)})"
    return f"{what}: {slot.department} – {slot.account}"


def deadline_text(moment: dt.datetime, words: ExportWords) -> str:
    return f"{moment.astimezone(OSLO):%Y-%m-%d %H:%M} ({words(W.OSLO_TIME)})"


def description(slot: ExportSlot, words: ExportWords) -> str:
    """Status, contact person, material deadline, campaign, news link, frames and the note to the department.

    Department and account are in the SUMMARY already; the status is repeated here because TENTATIVE alone
    does not tell requested from booked.
    """
    lines = [f"{words(E.STATUS)}: {words.slot_status(slot.status)}"]
    if slot.cancel_reason:
        lines.append(f"{words(E.CANCEL_REASON)}: {slot.cancel_reason}")
    if slot.contact_line:
        lines.append(f"{words(E.CONTACT)}: {slot.contact_line}")
    if slot.material_deadline is not None:
        lines.append(f"{words(W.MATERIAL_DEADLINE)}: {deadline_text(slot.material_deadline, words)}")
    if slot.campaign:
        lines.append(f"{words(W.CAMPAIGN)}: {slot.campaign}")
    if slot.news_url:
        # Also in URL, but Outlook does not show that property.
        lines.append(f"{words(E.NEWS_LINK)}: {slot.news_url}")
    counts = slot.frames
    if counts.submitted or counts.approved or counts.published:
        lines.append(
            f"{words(W.FRAMES)}: {counts.submitted} {words(E.SUBMITTED)}, {counts.approved} {words(E.APPROVED)}, "
            f"{counts.published} {words(E.PUBLISHED)}"
        )
    # Calendars are subscribed to by departments and readers: the note to the department, never the internal note.
    if slot.department_note:
        lines.append(f"{words(E.NOTES)}:\n{slot.department_note}")
    return "\n".join(lines)


def deadline_description(slot: ExportSlot, words: ExportWords) -> str:
    """Short on purpose: the takeover's own event carries the full description."""
    days = words.table_span(slot.start, slot.end)  # words for a person; the event's own values stay ISO
    lines = [f"{words(E.TAKEOVER)}: {days}", f"{words(E.STATUS)}: {words.slot_status(slot.status)}"]
    if slot.contact_line:
        lines.append(f"{words(E.CONTACT)}: {slot.contact_line}")
    return "\n".join(lines)


class SharedValues:
    """Property values that many events share, encoded once.

    The events are filled with the library's own property types directly (``event["uid"] = vText(...)``):
    the same result as ``Component.add``, without working out the type of 100,000 values one by one.
    Values many events share — DTSTAMP, STATUS, TRANSP, SEQUENCE numbers, dates — are made once; they are
    only read when the file is written.
    """

    def __init__(self, stamp: dt.datetime) -> None:
        self.stamp = icalendar.vDDDTypes(stamp.astimezone(dt.UTC))
        self.status = {status: icalendar.vText(value) for status, value in ICS_STATUS.items()}
        self.transparent = icalendar.vText("TRANSPARENT")
        self._sequences: dict[int, icalendar.vInt] = {}
        self._dates: dict[dt.date, icalendar.vDDDTypes] = {}

    def sequence(self, slot: ExportSlot) -> icalendar.vInt:
        number = sequence(slot)
        if number not in self._sequences:
            self._sequences[number] = icalendar.vInt(number)
        return self._sequences[number]

    def date(self, day: dt.date) -> icalendar.vDDDTypes:
        if day not in self._dates:
            self._dates[day] = icalendar.vDDDTypes(day)
        return self._dates[day]


def slot_event(slot: ExportSlot, words: ExportWords, shared: SharedValues) -> icalendar.Event:
    event = icalendar.Event()
    event["uid"] = icalendar.vText(slot_uid(slot))
    event["summary"] = icalendar.vText(summary(slot, words))
    event["dtstart"] = shared.date(slot.start)
    event["dtend"] = shared.date(slot.end + dt.timedelta(days=1))
    event["dtstamp"] = shared.stamp
    event["sequence"] = shared.sequence(slot)
    if slot.updated_at is not None:
        event["last-modified"] = icalendar.vDDDTypes(slot.updated_at.astimezone(dt.UTC))
    event["status"] = shared.status[slot.status]
    # An all-day takeover does not block anyone's own time.
    event["transp"] = shared.transparent
    event["description"] = icalendar.vText(description(slot, words))
    if slot.campaign:
        event["categories"] = icalendar.vCategory([slot.campaign])
    if slot.news_url:
        event["url"] = icalendar.vUri(slot.news_url)
    return event


def deadline_event(slot: ExportSlot, words: ExportWords, shared: SharedValues) -> icalendar.Event:
    """The material deadline as its own timed item, so it shows at the right hour in the reader's calendar.

    It has no DTEND: a deadline is a moment (a DATE-TIME start without end or duration), so it blocks no
    time either. It shares the slot's SEQUENCE and STATUS: it moves and disappears with the takeover.
    """
    assert slot.material_deadline is not None
    event = icalendar.Event()
    event["uid"] = icalendar.vText(slot_uid(slot, "deadline"))
    event["summary"] = icalendar.vText(f"{words(W.MATERIAL_DEADLINE)}: {slot.department} – {slot.account}")
    event["dtstart"] = icalendar.vDDDTypes(slot.material_deadline.astimezone(OSLO))
    event["dtstamp"] = shared.stamp
    event["sequence"] = shared.sequence(slot)
    event["status"] = shared.status[slot.status]
    event["description"] = icalendar.vText(deadline_description(slot, words))
    return event


def oslo_timezone(moments: Iterable[dt.datetime]) -> icalendar.Timezone | None:
    """The Europe/Oslo VTIMEZONE when any moment is written, else None.

    Written as the rule itself (last Sunday of March and of October, the EU rule since 1996) rather than the
    library's list of transitions: the standard → daylight change happens at 02:00 local standard time, so the
    DAYLIGHT part starts at 02:00 (the library writes the wall-clock time after the change, 03:00); daylight →
    standard happens at 03:00 local daylight time. Valid for any year, so deadlines after 2038 are covered.
    """
    if not any(True for _ in moments):
        return None
    zone = icalendar.Timezone()
    zone.add("tzid", TIMEZONE_ID)
    zone.add("x-lic-location", TIMEZONE_ID)
    daylight = icalendar.TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", dt.timedelta(hours=1))
    daylight.add("tzoffsetto", dt.timedelta(hours=2))
    daylight.add("dtstart", dt.datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = icalendar.TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", dt.timedelta(hours=2))
    standard.add("tzoffsetto", dt.timedelta(hours=1))
    standard.add("dtstart", dt.datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


# --- blackouts and campaigns ----------------------------------------------------------------------------


def period_uid(period: ExportPeriod) -> str:
    """Like :func:`slot_uid`: the id with the moment the period was created (from the audit trail)."""
    return entity_uid(period.kind, period.id, period.created_at)


def period_event(period: ExportPeriod, words: ExportWords, shared: SharedValues) -> icalendar.Event:
    """An all-day event for the period, transparent (it blocks nobody's time)."""
    kind = words(E.BLACKOUT) if period.kind == "blackout" else words(W.CAMPAIGN)
    title = f"{kind}: {period.name}"
    lines = []
    if period.kind == "blackout":
        account = period.account or words(E.ALL_ACCOUNTS)
        title = f"{title} – {account}"
        lines.append(f"{words(W.ACCOUNT)}: {account}")
    if period.description:
        lines.append(period.description)
    event = icalendar.Event()
    event["uid"] = icalendar.vText(period_uid(period))
    event["summary"] = icalendar.vText(title)
    event["dtstart"] = shared.date(period.start)
    event["dtend"] = shared.date(period.end + dt.timedelta(days=1))
    event["dtstamp"] = shared.stamp
    event["sequence"] = icalendar.vInt(max(period.version - 1, 0))
    event["status"] = shared.status[SlotStatus.CONFIRMED]
    event["transp"] = shared.transparent
    event["categories"] = icalendar.vCategory([kind])
    if lines:
        event["description"] = icalendar.vText("\n".join(lines))
    return event


def slot_events(
    slots: Sequence[ExportSlot], words: ExportWords, stamp: dt.datetime, progress: Progress | None = None
) -> list[list[icalendar.Event]]:
    """Per slot, its event and (when it has one) its deadline's event."""
    shared = SharedValues(stamp)
    total = len(slots)
    result: list[list[icalendar.Event]] = []
    for done, slot in enumerate(slots, start=1):
        events = [slot_event(slot, words, shared)]
        if slot.material_deadline is not None:
            events.append(deadline_event(slot, words, shared))
        result.append(events)
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)
    return result


def assemble(slots: Sequence[ExportSlot], events: Sequence[list[icalendar.Event]], title: str,
             period_events: Sequence[icalendar.Event] = ()) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", title)  # RFC 7986
    calendar.add("x-wr-calname", title)  # the same for Outlook and Apple, which predate RFC 7986
    calendar.add("x-wr-timezone", TIMEZONE_ID)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})  # RFC 7986
    calendar["x-published-ttl"] = icalendar.vDuration(REFRESH)  # Outlook and Apple
    timezone = oslo_timezone(s.material_deadline for s in slots if s.material_deadline is not None)
    if timezone is not None:
        calendar.add_component(timezone)
    for event in period_events:
        calendar.add_component(event)
    for group in events:
        for event in group:
            calendar.add_component(event)
    return calendar


def _stamp(stamp: dt.datetime | None) -> dt.datetime:
    return (stamp or now_utc()).astimezone(dt.UTC).replace(microsecond=0)


def _period_events(periods: Sequence[ExportPeriod], words: ExportWords, stamp: dt.datetime) -> list[icalendar.Event]:
    shared = SharedValues(stamp)
    return [period_event(p, words, shared) for p in periods]


def build_calendar(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    words: ExportWords,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
    periods: Sequence[ExportPeriod] = (),
) -> icalendar.Calendar:
    stamp = _stamp(stamp)
    return assemble(slots, slot_events(slots, words, stamp, progress), title, _period_events(periods, words, stamp))


def calendar_bytes(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    words: ExportWords,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
    periods: Sequence[ExportPeriod] = (),
) -> bytes:
    """The calendar as a file's bytes; ``progress`` counts the slots, then one step for writing them out
    (which takes about as long as building)."""
    steps = len(slots) + 1

    def building(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, steps)

    data = build_calendar(slots, title=title, words=words, stamp=stamp, progress=building, periods=periods).to_ical()
    if progress is not None:
        progress(steps, steps)
    return data


def calendar_set(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    department_title: Callable[[str], str],
    words: ExportWords,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
    periods: Sequence[ExportPeriod] = (),
) -> tuple[bytes, dict[int, bytes]]:
    """The full calendar and one per department (by department id), each event built once and shared by the
    files. Blackouts and campaigns go into every file: they concern everyone who plans.

    ``progress`` counts the slots as their events are built, then one step per file.
    """
    groups: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for index, slot in enumerate(slots):
        groups.setdefault(slot.department_id, []).append(index)
        names[slot.department_id] = slot.department
    steps = len(slots) + 1 + len(groups)

    def building(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, steps)

    stamp = _stamp(stamp)
    events = slot_events(slots, words, stamp, building)
    shared_periods = _period_events(periods, words, stamp)
    done = len(slots)
    full = assemble(slots, events, title, shared_periods).to_ical()
    done += 1
    if progress is not None:
        progress(done, steps)
    per_department: dict[int, bytes] = {}
    for department_id in sorted(groups):
        members = groups[department_id]
        calendar = assemble([slots[i] for i in members], [events[i] for i in members],
                            department_title(names[department_id]), shared_periods)
        per_department[department_id] = calendar.to_ical()
        done += 1
        if progress is not None:
            progress(done, steps)
    return full, per_department


# --- an invitation for one person's calendar ---------------------------------------------------------------


@dataclass(frozen=True)
class Invitation:
    """A timed item sent to someone (iTIP REQUEST, RFC 5546): what Outlook opens as a meeting to accept."""

    uid: str
    sequence: int  # raise it to update an invitation already sent
    start: dt.datetime  # aware
    summary: str
    description: str
    organizer: tuple[str, str]  # name, e-mail
    attendee: tuple[str, str]
    length: dt.timedelta = dt.timedelta(minutes=15)
    alarm_before: dt.timedelta = dt.timedelta(days=1)


def _address(name: str, email: str, **params: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = icalendar.vText(name)
    for key, value in params.items():
        address.params[key.replace("_", "-").upper()] = icalendar.vText(value)
    return address


def invitation_bytes(invitation: Invitation, stamp: dt.datetime | None = None) -> bytes:
    """METHOD:REQUEST with ORGANIZER and ATTENDEE, so the item lands in the attendee's calendar; transparent
    (a deadline blocks nobody's time) with a reminder the day before."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST")
    timezone = oslo_timezone([invitation.start])
    assert timezone is not None
    calendar.add_component(timezone)
    event = icalendar.Event()
    event.add("uid", invitation.uid)
    event.add("dtstamp", _stamp(stamp))
    event.add("sequence", invitation.sequence)
    start = invitation.start.astimezone(OSLO)
    event.add("dtstart", start)
    event.add("dtend", start + invitation.length)
    event.add("summary", invitation.summary)
    event.add("description", invitation.description)
    event.add("transp", "TRANSPARENT")
    event.add("status", "CONFIRMED")
    event.add("organizer", _address(*invitation.organizer))
    event.add("attendee", _address(*invitation.attendee, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION",
                                   rsvp="TRUE"))
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", invitation.summary)
    alarm.add("trigger", -invitation.alarm_before)
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


# --- one file per department ------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w.-]+")
# Names Windows refuses for a file, whatever the extension.
_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                               *(f"LPT{i}" for i in range(1, 10))})


def file_stem(name: str) -> str:
    """A file name stem that every file system accepts; Norwegian letters are kept, separators are not."""
    text = unicodedata.normalize("NFC", name).strip()
    text = _UNSAFE.sub("-", text).strip("-.")[:80].strip("-.")
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = f"{text}-department"
    return text or "department"


def department_file_names(departments: Mapping[int, str]) -> dict[int, str]:
    """Department id → ``<name>-<id>.ics``.

    The id makes each name unique and keeps it with its department: two departments whose names clean to the
    same stem (``a/b`` and ``a:b``) can no longer swap files between exports, whatever else is exported. Case
    cannot make two names clash (the ids differ), and no name equals the full calendar's.
    """
    return {department_id: f"{file_stem(name)}-{department_id}.ics" for department_id, name in departments.items()}
