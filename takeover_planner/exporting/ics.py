"""The takeover calendar as iCalendar (RFC 5545), built with the ``icalendar`` library.

One all-day VEVENT per slot (DTEND is the day after the last day: RFC 5545 end dates are exclusive) and,
when the slot has one, a timed VEVENT for its material deadline in Europe/Oslo with the matching VTIMEZONE.
Escaping of ``,;\\`` and line breaks, and folding lines at 75 octets without splitting a UTF-8 character,
are the library's job; the tests check them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import icalendar

from takeover_planner import __version__
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, now_utc
from takeover_planner.exporting.labels import Labels
from takeover_planner.exporting.records import ExportSlot

PRODID = f"-//Takeover Planner//Takeover calendar {__version__}//EN"
UID_DOMAIN = "takeover-planner"
TIMEZONE_ID = "Europe/Oslo"
FULL_CALENDAR_STEM = "takeover-calendar"

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
    created = slot.created_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{kind}-{slot.id}-{created}@{UID_DOMAIN}"


def sequence(slot: ExportSlot) -> int:
    """RFC 5545 starts SEQUENCE at 0; the slot's version counter starts at 1 and rises on every edit."""
    return max(slot.version - 1, 0)


def summary(slot: ExportSlot, labels: Labels) -> str:
    what = labels.takeover
    if slot.status in (SlotStatus.REQUESTED, SlotStatus.CANCELLED):
        # TENTATIVE covers requested and booked alike: say which; and make a cancelled one obvious in
        # clients that do not strike cancelled events through.
        what = f"{what} ({labels.status_name(slot.status)})"
    return f"{what}: {slot.department} – {slot.account}"


def deadline_text(moment: dt.datetime, labels: Labels) -> str:
    return f"{moment.astimezone(OSLO):%Y-%m-%d %H:%M} ({labels.oslo_time})"


def description(slot: ExportSlot, labels: Labels) -> str:
    """Status, contact person, material deadline, campaign, news link, frames and notes.

    Department and account are in the SUMMARY already; the status is repeated here because TENTATIVE alone
    does not tell requested from booked.
    """
    lines = [f"{labels.status}: {labels.status_name(slot.status)}"]
    if slot.cancel_reason:
        lines.append(f"{labels.cancel_reason}: {slot.cancel_reason}")
    if slot.contact_line:
        lines.append(f"{labels.contact}: {slot.contact_line}")
    if slot.material_deadline is not None:
        lines.append(f"{labels.material_deadline}: {deadline_text(slot.material_deadline, labels)}")
    if slot.campaign:
        lines.append(f"{labels.campaign}: {slot.campaign}")
    if slot.news_url:
        # Also in URL, but Outlook does not show that property.
        lines.append(f"{labels.news_link}: {slot.news_url}")
    counts = slot.frames
    if counts.submitted or counts.approved or counts.published:
        lines.append(
            f"{labels.frames}: {counts.submitted} {labels.submitted}, {counts.approved} {labels.approved}, "
            f"{counts.published} {labels.published}"
        )
    if slot.notes:
        lines.append(f"{labels.notes}:\n{slot.notes}")
    return "\n".join(lines)


def deadline_description(slot: ExportSlot, labels: Labels) -> str:
    """Short on purpose: the takeover's own event carries the full description."""
    days = slot.start.isoformat() if slot.start == slot.end else f"{slot.start.isoformat()} – {slot.end.isoformat()}"
    lines = [f"{labels.takeover}: {days}", f"{labels.status}: {labels.status_name(slot.status)}"]
    if slot.contact_line:
        lines.append(f"{labels.contact}: {slot.contact_line}")
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


def slot_event(slot: ExportSlot, labels: Labels, shared: SharedValues) -> icalendar.Event:
    event = icalendar.Event()
    event["uid"] = icalendar.vText(slot_uid(slot))
    event["summary"] = icalendar.vText(summary(slot, labels))
    event["dtstart"] = shared.date(slot.start)
    event["dtend"] = shared.date(slot.end + dt.timedelta(days=1))
    event["dtstamp"] = shared.stamp
    event["sequence"] = shared.sequence(slot)
    if slot.updated_at is not None:
        event["last-modified"] = icalendar.vDDDTypes(slot.updated_at.astimezone(dt.UTC))
    event["status"] = shared.status[slot.status]
    # An all-day takeover does not block anyone's own time.
    event["transp"] = shared.transparent
    event["description"] = icalendar.vText(description(slot, labels))
    if slot.campaign:
        event["categories"] = icalendar.vCategory([slot.campaign])
    if slot.news_url:
        event["url"] = icalendar.vUri(slot.news_url)
    return event


def deadline_event(slot: ExportSlot, labels: Labels, shared: SharedValues) -> icalendar.Event:
    """The material deadline as its own timed item, so it shows at the right hour in the reader's calendar.

    It has no DTEND: a deadline is a moment (a DATE-TIME start without end or duration), so it blocks no
    time either. It shares the slot's SEQUENCE and STATUS: it moves and disappears with the takeover.
    """
    assert slot.material_deadline is not None
    event = icalendar.Event()
    event["uid"] = icalendar.vText(slot_uid(slot, "deadline"))
    event["summary"] = icalendar.vText(f"{labels.material_deadline}: {slot.department} – {slot.account}")
    event["dtstart"] = icalendar.vDDDTypes(slot.material_deadline.astimezone(OSLO))
    event["dtstamp"] = shared.stamp
    event["sequence"] = shared.sequence(slot)
    event["status"] = shared.status[slot.status]
    event["description"] = icalendar.vText(deadline_description(slot, labels))
    return event


def oslo_timezone(moments: Iterable[dt.datetime]) -> icalendar.Timezone | None:
    """The Europe/Oslo VTIMEZONE covering the given moments (a year either side), or None without any.

    Bounded to the data instead of the library's 1970–2038 default: smaller, and right after 2038 too.
    """
    years = [m.astimezone(OSLO).year for m in moments]
    if not years:
        return None
    return icalendar.Timezone.from_tzid(
        TIMEZONE_ID, first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
    )


def slot_events(
    slots: Sequence[ExportSlot], labels: Labels, stamp: dt.datetime, progress: Progress | None = None
) -> list[list[icalendar.Event]]:
    """Per slot, its event and (when it has one) its deadline's event."""
    shared = SharedValues(stamp)
    total = len(slots)
    result: list[list[icalendar.Event]] = []
    for done, slot in enumerate(slots, start=1):
        events = [slot_event(slot, labels, shared)]
        if slot.material_deadline is not None:
            events.append(deadline_event(slot, labels, shared))
        result.append(events)
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)
    return result


def assemble(slots: Sequence[ExportSlot], events: Sequence[list[icalendar.Event]], title: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", title)  # RFC 7986
    calendar.add("x-wr-calname", title)  # the same for Outlook and Apple, which predate RFC 7986
    calendar.add("x-wr-timezone", TIMEZONE_ID)
    timezone = oslo_timezone(s.material_deadline for s in slots if s.material_deadline is not None)
    if timezone is not None:
        calendar.add_component(timezone)
    for group in events:
        for event in group:
            calendar.add_component(event)
    return calendar


def _stamp(stamp: dt.datetime | None) -> dt.datetime:
    return (stamp or now_utc()).astimezone(dt.UTC).replace(microsecond=0)


def build_calendar(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    labels: Labels,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
) -> icalendar.Calendar:
    return assemble(slots, slot_events(slots, labels, _stamp(stamp), progress), title)


def calendar_bytes(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    labels: Labels,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The calendar as a file's bytes; ``progress`` counts the slots, then one step for writing them out
    (which takes about as long as building)."""
    steps = len(slots) + 1

    def building(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, steps)

    data = build_calendar(slots, title=title, labels=labels, stamp=stamp, progress=building).to_ical()
    if progress is not None:
        progress(steps, steps)
    return data


def calendar_set(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    department_title: Callable[[str], str],
    labels: Labels,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, dict[str, bytes]]:
    """The full calendar and one per department, each event built once and shared by the two files.

    ``progress`` counts the slots as their events are built, then one step per file.
    """
    groups: dict[str, list[int]] = {}
    for index, slot in enumerate(slots):
        groups.setdefault(slot.department, []).append(index)
    steps = len(slots) + 1 + len(groups)

    def building(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, steps)

    events = slot_events(slots, labels, _stamp(stamp), building)
    done = len(slots)
    full = assemble(slots, events, title).to_ical()
    done += 1
    if progress is not None:
        progress(done, steps)
    per_department: dict[str, bytes] = {}
    for department in sorted(groups, key=lambda name: (name.casefold(), name)):
        members = groups[department]
        calendar = assemble([slots[i] for i in members], [events[i] for i in members], department_title(department))
        per_department[department] = calendar.to_ical()
        done += 1
        if progress is not None:
            progress(done, steps)
    return full, per_department


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


def department_file_names(departments: Iterable[str]) -> dict[str, str]:
    """Department name → ``<stem>.ics``, distinct from each other and from the full calendar's file.

    Compared case-insensitively, because Windows and macOS file systems are.
    """
    taken = {FULL_CALENDAR_STEM.casefold()}
    names: dict[str, str] = {}
    for department in sorted(set(departments), key=lambda name: (name.casefold(), name)):
        stem = file_stem(department)
        candidate, counter = stem, 2
        while candidate.casefold() in taken:
            candidate = f"{stem}-{counter}"
            counter += 1
        taken.add(candidate.casefold())
        names[department] = f"{candidate}.ics"
    return names
