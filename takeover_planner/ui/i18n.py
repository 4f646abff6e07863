"""Language and locale: English or Norwegian Bokmål, following the system unless the user chose one.

Translations are Qt's own mechanism: ``takeover_planner/resources/translations/takeover_planner_nb.ts`` is the source (edited
with Qt Linguist or by hand), ``takeover_planner_nb.qm`` the compiled catalogue loaded at run time
(``pyside6-lrelease``); ``takeover_planner_en.ts`` holds only English plural forms. ``tests/ui/test_translations.py``
fails when a ``tr()`` string has no translation or a ``.qm`` does not match its ``.ts`` (see docs/ui.md). Dates, month and day names come from ``QLocale`` for the chosen language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTranslator

from takeover_planner import texts
from takeover_planner.paths import resource
from takeover_planner.texts.render import DateSpan, format_date, format_span

ENGLISH = "en"
BOKMAAL = "nb"
SUPPORTED = (ENGLISH, BOKMAAL)
CATALOGUE = "takeover_planner"


def translations_dir() -> Path:
    return resource("translations")


def system_language() -> str:
    language = QLocale.system().language()
    norwegian = (QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk)
    return BOKMAAL if language in norwegian else ENGLISH


def resolve_language(setting: str | None) -> str:
    """``system`` (or anything unknown) follows the operating system; ``nb``/``en`` are taken as they are."""
    if setting in SUPPORTED:
        return str(setting)
    return system_language()


def locale_for(language: str) -> QLocale:
    if language == BOKMAAL:
        return QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
    # British English: Monday first, 24-hour clock, day before month, as a Norwegian office expects.
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class Translations:
    """Owns the installed translator; switching language makes Qt send LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.language = ENGLISH

    def apply(self, language: str) -> str:
        language = language if language in SUPPORTED else ENGLISH
        # The core's messages (refusals, errors) follow too: they are rendered when shown, in this language.
        texts.set_language(language)
        # The locale first: widgets rebuild their texts (dates included) while the translator change is sent.
        QLocale.setDefault(locale_for(language))
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        # English has a catalogue too: only its plural forms ("1 slot", "2 slots").
        translator = QTranslator(self._app)
        if translator.load(f"{CATALOGUE}_{language}", str(translations_dir())):
            self._app.installTranslator(translator)
            self._translator = translator
        self.language = language
        return language


    def remove(self) -> None:
        """Take the installed catalogue out again (tests leave the application as they found it)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def month_title(day: dt.date, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    name = loc.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {day.year}"


def weekday_short(weekday: int, locale: QLocale | None = None) -> str:
    """Monday is 0, as in Python; Qt counts Monday as 1."""
    loc = locale or QLocale()
    name = loc.standaloneDayName(weekday + 1, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{name[:1].upper()}{name[1:]}"


def _is_norwegian(loc: QLocale) -> bool:
    return loc.language() in (QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk)


# One date style per language (issue 16). Prose: "4. mars 2027" / "4 Mar 2027"; tables, lists and date fields:
# "04.03.2027" / "4 Mar 2027". Bokmål prose is the core's own wording (texts.render), so a refusal, a brief
# and the window write a date the same way. Machine formats (CSV, JSON, ICS values, file names) stay ISO.


def date_text(day: dt.date, locale: QLocale | None = None, *, long: bool = False) -> str:
    """"3 Mar 2026" / "3. mars 2026"; long adds the weekday ("Tuesday 3 March 2026" / "tirsdag 3. mars 2026")."""
    loc = locale or QLocale()
    if _is_norwegian(loc):
        return loc.toString(qdate(day), "dddd d. MMMM yyyy") if long else format_date(day, BOKMAAL)
    return loc.toString(qdate(day), "dddd d MMMM yyyy" if long else "d MMM yyyy")


def month_day_label(day: dt.date, locale: QLocale | None = None) -> str:
    """"1 Apr" / "1. apr": marks where a new month begins inside a month grid."""
    loc = locale or QLocale()
    fmt = "d. MMM" if _is_norwegian(loc) else "d MMM"
    return loc.toString(qdate(day), fmt).rstrip(".")


def range_text(start: dt.date, end: dt.date, locale: QLocale | None = None) -> str:
    """Prose: "4.–6. mars 2027" / "4 Mar 2027 – 6 Mar 2027"."""
    loc = locale or QLocale()
    if _is_norwegian(loc):
        return format_span(DateSpan(start, end), BOKMAAL)
    if start == end:
        return date_text(start, loc)
    return f"{date_text(start, loc)} – {date_text(end, loc)}"


def datetime_text(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """A stored (UTC-aware) moment shown as Oslo wall-clock time: "4. mars 2027 kl. 14:00" / "4 Mar 2027 14:00"."""
    from takeover_planner.domain.timekeeping import to_oslo

    local = to_oslo(moment)
    loc = locale or QLocale()
    if _is_norwegian(loc):
        return f"{date_text(local.date(), loc)} kl. {local:%H:%M}"
    return f"{date_text(local.date(), loc)} {local:%H:%M}"


def table_date(day: dt.date, locale: QLocale | None = None) -> str:
    """In a table, list or short field: "04.03.2027" / "4 Mar 2027"."""
    loc = locale or QLocale()
    return f"{day:%d.%m.%Y}" if _is_norwegian(loc) else date_text(day, loc)


def table_range(start: dt.date, end: dt.date, locale: QLocale | None = None) -> str:
    """"04.–06.03.2027" / "4–6 Mar 2027": what the two ends share is written once, so columns stay narrow."""
    loc = locale or QLocale()
    if start == end:
        return table_date(start, loc)
    if _is_norwegian(loc):
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%d}.–{table_date(end, loc)}"
        if start.year == end.year:
            return f"{start:%d.%m}.–{table_date(end, loc)}"
        return f"{table_date(start, loc)}–{table_date(end, loc)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_text(end, loc)}"
    if start.year == end.year:
        return f"{loc.toString(qdate(start), 'd MMM')} – {date_text(end, loc)}"
    return f"{date_text(start, loc)} – {date_text(end, loc)}"


def table_datetime(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """A stored moment in Oslo time, in a table: "04.03.2027 14:00" / "4 Mar 2027 14:00"."""
    from takeover_planner.domain.timekeeping import to_oslo

    local = to_oslo(moment)
    return f"{table_date(local.date(), locale)} {local:%H:%M}"


def date_edit_format(locale: QLocale | None = None, *, with_time: bool = False) -> str:
    """The display format of a date (and time) field: "dd.MM.yyyy" / "d MMM yyyy"."""
    loc = locale or QLocale()
    day = "dd.MM.yyyy" if _is_norwegian(loc) else "d MMM yyyy"
    return f"{day} HH:mm" if with_time else day
