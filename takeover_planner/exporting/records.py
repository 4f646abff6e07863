"""What an export knows about one slot: the slot, its department's contact, its campaign and frame counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from takeover_planner.domain.slots import SlotStatus


@dataclass(frozen=True)
class FrameCounts:
    """How far the slot's story frames have come (``submitted`` counts every frame past draft)."""

    submitted: int = 0
    approved: int = 0
    published: int = 0


@dataclass(frozen=True)
class ExportSlot:
    id: int
    # The instant the slot row was created: never changes, so with the id it names the slot stably and,
    # across databases, uniquely (see ics.slot_uid).
    created_at: dt.datetime
    updated_at: dt.datetime | None
    version: int
    account: str
    department: str
    department_color: str
    start: dt.date
    end: dt.date  # the last day, included (as everywhere in the app)
    status: SlotStatus
    campaign: str | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    material_deadline: dt.datetime | None = None  # aware, UTC in storage
    notes: str = ""  # the internal note: the team's own spreadsheets only, never a calendar
    department_note: str = ""  # the note to the department: what calendars show
    news_url: str = ""
    cancel_reason: str = ""
    frames: FrameCounts = FrameCounts()
    department_id: int = 0  # names the department's own calendar file (ics.department_file_names)

    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def contact_line(self) -> str:
        """Name, e-mail and phone of the contact person, whichever are known, comma-separated."""
        return ", ".join(part for part in (self.contact_name, self.contact_email, self.contact_phone) if part)


@dataclass(frozen=True)
class ExportPeriod:
    """A blackout or a campaign/theme week with dates: shown in the calendar as its own all-day event."""

    kind: str  # "blackout" | "campaign"
    id: int
    created_at: dt.datetime | None  # from the audit trail; with the id it names the period stably
    version: int
    name: str
    start: dt.date
    end: dt.date  # the last day, included
    account: str | None = None  # a blackout on one account; None: every account (and always for campaigns)
    description: str = ""  # a blackout's reason, a campaign's description
