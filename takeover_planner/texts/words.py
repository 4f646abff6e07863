"""Words several files share: month and weekday names, slot status names, and the frame/story words that the
calendar exports, the takeover report and the printed brief all print.

These are single words and headings, not messages: files written in one fixed language read them through
``wording.Words(language)``; ``render`` takes its month names from here too, so there is one list of months.
Lookups go by the domain value's text (``SlotStatus.REQUESTED`` is ``"requested"``), so this package imports
nothing from the rest of the application.
"""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class MonthName(Code):
    JANUARY = ("words.month_january", "January", "januar")
    FEBRUARY = ("words.month_february", "February", "februar")
    MARCH = ("words.month_march", "March", "mars")
    APRIL = ("words.month_april", "April", "april")
    MAY = ("words.month_may", "May", "mai")
    JUNE = ("words.month_june", "June", "juni")
    JULY = ("words.month_july", "July", "juli")
    AUGUST = ("words.month_august", "August", "august")
    SEPTEMBER = ("words.month_september", "September", "september")
    OCTOBER = ("words.month_october", "October", "oktober")
    NOVEMBER = ("words.month_november", "November", "november")
    DECEMBER = ("words.month_december", "December", "desember")


class MonthShort(Code):
    """Short month names for narrow table cells; Bokmål abbreviates with a full stop, short names stay whole."""

    JANUARY = ("words.month_short_january", "Jan", "jan.")
    FEBRUARY = ("words.month_short_february", "Feb", "feb.")
    MARCH = ("words.month_short_march", "Mar", "mars")
    APRIL = ("words.month_short_april", "Apr", "apr.")
    MAY = ("words.month_short_may", "May", "mai")
    JUNE = ("words.month_short_june", "Jun", "juni")
    JULY = ("words.month_short_july", "Jul", "juli")
    AUGUST = ("words.month_short_august", "Aug", "aug.")
    SEPTEMBER = ("words.month_short_september", "Sep", "sep.")
    OCTOBER = ("words.month_short_october", "Oct", "okt.")
    NOVEMBER = ("words.month_short_november", "Nov", "nov.")
    DECEMBER = ("words.month_short_december", "Dec", "des.")


class WeekdayName(Code):
    """Monday first: ISO weeks, as everywhere in the app."""

    MONDAY = ("words.weekday_monday", "Monday", "mandag")
    TUESDAY = ("words.weekday_tuesday", "Tuesday", "tirsdag")
    WEDNESDAY = ("words.weekday_wednesday", "Wednesday", "onsdag")
    THURSDAY = ("words.weekday_thursday", "Thursday", "torsdag")
    FRIDAY = ("words.weekday_friday", "Friday", "fredag")
    SATURDAY = ("words.weekday_saturday", "Saturday", "lørdag")
    SUNDAY = ("words.weekday_sunday", "Sunday", "søndag")


class WeekdayShort(Code):
    MONDAY = ("words.weekday_short_monday", "Mon", "man")
    TUESDAY = ("words.weekday_short_tuesday", "Tue", "tir")
    WEDNESDAY = ("words.weekday_short_wednesday", "Wed", "ons")
    THURSDAY = ("words.weekday_short_thursday", "Thu", "tor")
    FRIDAY = ("words.weekday_short_friday", "Fri", "fre")
    SATURDAY = ("words.weekday_short_saturday", "Sat", "lør")
    SUNDAY = ("words.weekday_short_sunday", "Sun", "søn")


class SlotStatusName(Code):
    """A slot's status as a lower-case word; member names are ``SlotStatus`` values in capitals."""

    REQUESTED = ("words.status_requested", "requested", "forespurt")
    BOOKED = ("words.status_booked", "booked", "booket")
    CONFIRMED = ("words.status_confirmed", "confirmed", "bekreftet")
    COMPLETED = ("words.status_completed", "completed", "gjennomført")
    CANCELLED = ("words.status_cancelled", "cancelled", "avlyst")

    @classmethod
    def of(cls, status: str) -> SlotStatusName:
        """The name of a ``SlotStatus`` (or its stored value)."""
        return cls[str(status).upper()]


class Word(Code):
    """Headings and words that more than one kind of file prints."""

    ACCOUNT = ("words.account", "Account", "Konto")
    DEPARTMENT = ("words.department", "Department", "Enhet")
    CAMPAIGN = ("words.campaign", "Campaign", "Kampanje")
    DAYS = ("words.days", "Days", "Dager")
    FRAMES = ("words.frames", "Frames", "Storybilder")
    MATERIAL_DEADLINE = ("words.material_deadline", "Material deadline", "Frist for materiell")
    OSLO_TIME = ("words.oslo_time", "Oslo time", "norsk tid")
    PAGE = ("words.page", "Page {page} of {pages}", "Side {page} av {pages}")
    MADE = ("words.made", "Made {when}", "Laget {when}")


MONTHS = tuple(MonthName)
MONTHS_SHORT = tuple(MonthShort)
WEEKDAYS = tuple(WeekdayName)
WEEKDAYS_SHORT = tuple(WeekdayShort)


def month_name(month: int, language: str) -> str:
    """``month`` 1–12 in ``language``, as written inside a sentence ("mars", "March")."""
    return MONTHS[month - 1].template(language)
