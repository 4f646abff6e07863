"""The words of the calendar exports (ICS, CSV for Excel, PDF), in the language chosen for the file.

Headings shared with the report and the brief (account, department, material deadline, page …) are in
``words.Word``; month, weekday and status names in ``words`` too. Terms follow GLOSSARY.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from takeover_planner.texts.codes import Code
from takeover_planner.texts.wording import Words


class ExportWord(Code):
    CALENDAR_TITLE = ("export.calendar_title", "Takeover calendar", "Overtakelseskalender")
    ALL_ACCOUNTS = ("export.all_accounts", "All accounts", "Alle kontoer")
    BLACKOUT = ("export.blackout", "Blackout period", "Sperreperiode")
    TAKEOVER = ("export.takeover", "Takeover", "Overtakelse")
    CONTACT = ("export.contact", "Contact person", "Kontaktperson")
    EMAIL = ("export.email", "e-mail", "e-post")
    PHONE = ("export.phone", "phone", "telefon")
    NOTES = ("export.notes", "Notes", "Notater")
    # The team's own spreadsheets carry both notes of a slot, named apart (GLOSSARY.md).
    DEPARTMENT_NOTE = ("export.department_note", "Note to the department", "Melding til enheten")
    INTERNAL_NOTE = ("export.internal_note", "Internal note", "Intern merknad")
    NEWS_LINK = ("export.news_link", "News link", "Nyhetslenke")
    STATUS = ("export.status", "Status", "Status")
    CANCEL_REASON = ("export.cancel_reason", "Cancelled because", "Avlyst fordi")
    # Frame counts, after a number: "3 submitted, 2 approved, 1 published".
    SUBMITTED = ("export.frames_submitted", "submitted", "sendt inn")
    APPROVED = ("export.frames_approved", "approved", "godkjent")
    PUBLISHED = ("export.frames_published", "published", "publisert")
    START = ("export.start", "Start", "Start")
    END = ("export.end", "End", "Slutt")
    WEEK = ("export.week", "Week", "Uke")
    LEGEND = ("export.legend", "Departments", "Enheter")
    LIST_TITLE = ("export.list_title", "All takeovers", "Alle overtakelser")
    MORE = ("export.more_in_day", "+{count} more", "+{count} til")
    NO_SLOTS = ("export.no_takeovers_in_period", "No takeovers in this period.", "Ingen overtakelser i denne perioden.")


@dataclass(frozen=True)
class ExportWords(Words):
    def month_title(self, year: int, month: int) -> str:
        """"March 2027" / "Mars 2027": a page title, so the Bokmål month is capitalised too."""
        name = self.month(month)
        return f"{name[:1].upper()}{name[1:]} {year}"
