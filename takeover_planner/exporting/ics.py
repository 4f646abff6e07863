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
    lines = [
        f"{labels.department}: {slot.department}",
        f"{labels.account}: {slot.account}",
        f"{labels.status}: {labels.status_name(slot.status)}",
    ]
    if slot.cancel_reason:
        lines.append(f"{labels.cancel_reason}: {slot.cancel_reason}")
    if slot.contact_line:
        lines.append(f"{labels.contact}: {slot.contact_line}")
    if slot.material_deadline is not None:
        lines.append(f"{labels.material_deadline}: {deadline_text(slot.material_deadline, labels)}")
    if slot.campaign:
        lines.append(f"{labels.campaign}: {slot.campaign}")
    if slot.news_url:
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


def slot_event(slot: ExportSlot, labels: Labels, stamp: dt.datetime | icalendar.vDDDTypes) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", slot_uid(slot))
    event.add("summary", summary(slot, labels))
    event.add("dtstart", slot.start)
    event.add("dtend", slot.end + dt.timedelta(days=1))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence(slot))
    event.add("created", slot.created_at.astimezone(dt.UTC))
    if slot.updated_at is not None:
        event.add("last-modified", slot.updated_at.astimezone(dt.UTC))
    event.add("status", ICS_STATUS[slot.status])
    # An all-day takeover does not block anyone's own time.
    event.add("transp", "TRANSPARENT")
    event.add("description", description(slot, labels))
    if slot.campaign:
        event.add("categories", [slot.campaign])
    if slot.news_url:
        event.add("url", slot.news_url)
    return event


def deadline_event(slot: ExportSlot, labels: Labels, stamp: dt.datetime | icalendar.vDDDTypes) -> icalendar.Event:
    """The material deadline as its own timed item, so it shows at the right hour in the reader's calendar.

    It has no DTEND: a deadline is a moment, and a DATE-TIME start without end or duration is exactly that.
    It shares the slot's SEQUENCE and STATUS, so it moves and disappears together with the takeover.
    """
    assert slot.material_deadline is not None
    event = icalendar.Event()
    event.add("uid", slot_uid(slot, "deadline"))
    event.add("summary", f"{labels.material_deadline}: {slot.department} – {slot.account}")
    event.add("dtstart", slot.material_deadline.astimezone(OSLO))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence(slot))
    event.add("status", ICS_STATUS[slot.status])
    event.add("transp", "TRANSPARENT")
    event.add("description", deadline_description(slot, labels))
    if slot.campaign:
        event.add("categories", [slot.campaign])
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


def build_calendar(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    labels: Labels,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
) -> icalendar.Calendar:
    stamp = (stamp or now_utc()).astimezone(dt.UTC).replace(microsecond=0)
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
    # One encoded DTSTAMP shared by every event: the library does not re-encode a value it made itself.
    shared_stamp = icalendar.vDDDTypes(stamp)
    total = len(slots)
    for done, slot in enumerate(slots, start=1):
        calendar.add_component(slot_event(slot, labels, shared_stamp))
        if slot.material_deadline is not None:
            calendar.add_component(deadline_event(slot, labels, shared_stamp))
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)
    return calendar


def calendar_bytes(
    slots: Sequence[ExportSlot],
    *,
    title: str,
    labels: Labels,
    stamp: dt.datetime | None = None,
    progress: Progress | None = None,
) -> bytes:
    return build_calendar(slots, title=title, labels=labels, stamp=stamp, progress=progress).to_ical()


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
