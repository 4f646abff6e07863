"""The words exports put in front of readers, in English and Norwegian Bokmål (terms from GLOSSARY.md).

Exports are files read outside the app (in Outlook, Excel, on paper), so they carry their own small
vocabulary instead of the UI's Qt translations; the reader's language is chosen per export.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass

from takeover_planner.domain.slots import SlotStatus

LANGUAGES = ("nb", "en")


@dataclass(frozen=True)
class Labels:
    language: str
    calendar_title: str
    all_accounts: str
    takeover: str
    material_deadline: str
    department: str
    account: str
    contact: str
    email: str
    phone: str
    campaign: str
    notes: str
    news_link: str
    status: str
    cancel_reason: str
    frames: str
    submitted: str
    approved: str
    published: str
    start: str
    end: str
    week: str
    days: str
    oslo_time: str
    legend: str
    list_title: str
    page: str  # "Page {page} of {pages}"
    more: str  # "+{count} more"
    no_slots: str
    generated: str
    statuses: dict[SlotStatus, str]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]

    def status_name(self, status: SlotStatus) -> str:
        return self.statuses[status]

    def month_title(self, year: int, month: int) -> str:
        name = self.months[month - 1]
        return f"{name[:1].upper()}{name[1:]} {year}"


ENGLISH = Labels(
    language="en",
    calendar_title="Takeover calendar",
    all_accounts="All accounts",
    takeover="Takeover",
    material_deadline="Material deadline",
    department="Department",
    account="Account",
    contact="Contact person",
    email="e-mail",
    phone="phone",
    campaign="Campaign",
    notes="Notes",
    news_link="News link",
    status="Status",
    cancel_reason="Cancelled because",
    frames="Frames",
    submitted="submitted",
    approved="approved",
    published="published",
    start="Start",
    end="End",
    week="Week",
    days="Days",
    oslo_time="Oslo time",
    legend="Departments",
    list_title="All takeovers",
    page="Page {page} of {pages}",
    more="+{count} more",
    no_slots="No takeovers in this period.",
    generated="Made",
    statuses={
        SlotStatus.REQUESTED: "requested",
        SlotStatus.BOOKED: "booked",
        SlotStatus.CONFIRMED: "confirmed",
        SlotStatus.COMPLETED: "completed",
        SlotStatus.CANCELLED: "cancelled",
    },
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"),
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
)

BOKMAAL = Labels(
    language="nb",
    calendar_title="Overtakelseskalender",
    all_accounts="Alle kontoer",
    takeover="Overtakelse",
    material_deadline="Frist for materiell",
    department="Enhet",
    account="Konto",
    contact="Kontaktperson",
    email="e-post",
    phone="telefon",
    campaign="Kampanje",
    notes="Notater",
    news_link="Nyhetslenke",
    status="Status",
    cancel_reason="Avlyst fordi",
    frames="Storybilder",
    submitted="sendt inn",
    approved="godkjent",
    published="publisert",
    start="Start",
    end="Slutt",
    week="Uke",
    days="Dager",
    oslo_time="norsk tid",
    legend="Enheter",
    list_title="Alle overtakelser",
    page="Side {page} av {pages}",
    more="+{count} til",
    no_slots="Ingen overtakelser i denne perioden.",
    generated="Laget",
    statuses={
        SlotStatus.REQUESTED: "ønsket",
        SlotStatus.BOOKED: "booket",
        SlotStatus.CONFIRMED: "bekreftet",
        SlotStatus.COMPLETED: "gjennomført",
        SlotStatus.CANCELLED: "avlyst",
    },
    months=("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
            "oktober", "november", "desember"),
    weekdays=("man", "tir", "ons", "tor", "fre", "lør", "søn"),
)


def labels_for(language: str) -> Labels:
    if language == "nb":
        return BOKMAAL
    if language == "en":
        return ENGLISH
    raise ValueError(f"unknown export language {language!r}; choose one of {', '.join(LANGUAGES)}")


def default_language(ui_language: str) -> str:
    """The reader's language: the app's language setting, or for "system" the system locale (nb for any
    Norwegian locale, else English)."""
    if ui_language in LANGUAGES:
        return ui_language
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "nb" if value[:2].lower() in ("nb", "nn", "no") else "en"
    system = locale.getlocale()[0] or ""
    return "nb" if system[:2].lower() in ("nb", "nn", "no") or system.startswith("Norwegian") else "en"
