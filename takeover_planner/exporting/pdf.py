"""The printable takeover calendar, laid out in Python: a month per A4 landscape page, then a list view.

This module decides *what* goes *where* — boxes, bars, lines and text in PDF points (1/72 inch, origin at
the top left of the page) — and what each thing *is* for a reader: a page title is a heading, the month
grid is a figure with a text alternative, the list is a table with a header row, the footer is an artifact
(not read aloud). ``typst_pdf`` turns the items into Typst source and a tagged PDF. So the layout (ISO week
numbers, bars split at week ends, lanes for overlapping slots, "+N more" when a day is full, the legend,
paging of the list) is tested without a font or a PDF reader.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import iso_week
from takeover_planner.exporting.records import ExportSlot
from takeover_planner.texts.documents import DocumentText as D
from takeover_planner.texts.export_words import ExportWord as E
from takeover_planner.texts.export_words import ExportWords
from takeover_planner.texts.render import DateSpan
from takeover_planner.texts.render import Text as Message
from takeover_planner.texts.words import Word as W

PAGE_WIDTH = 841.89  # A4 landscape, points
PAGE_HEIGHT = 595.28
MARGIN = 28.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = "#1d1d1f"
MUTED = "#6b6b70"
GRID = "#c9c9ce"
OUTSIDE_MONTH = "#f1f1f3"
WEEKEND = "#fafafb"
ZEBRA = "#f5f6f8"

WEEK_COLUMN = 30.0
DAY_HEADER = 16.0
DAY_NUMBER = 13.0
LANE = 15.0
BAR = 13.0
FOOTER = 14.0
LEGEND_ITEM = 150.0
LEGEND_ROW = 13.0
LIST_ROW = 15.0

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.5
    dashed: bool = False


@dataclass(frozen=True)
class Text:
    """Text in a box, vertically centred; the renderer shortens it with "…" when it does not fit on one
    line, or, with ``wrap``, breaks it over the lines the box has room for.

    ``heading`` (1, 2, …) makes it a heading for a screen reader; ``artifact`` leaves it out of what is read
    (a running footer); ``swatch`` draws a small square of that colour before the text (a table cell)."""

    x: float
    y: float
    w: float
    h: float
    text: str
    size: float = 8.0
    bold: bool = False
    color: str = INK
    align: Align = "left"
    strike: bool = False
    wrap: bool = False
    heading: int = 0
    artifact: bool = False
    swatch: str | None = None


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = GRID
    width: float = 0.5


@dataclass(frozen=True)
class Table:
    """A table with one header row, at ``x, y``: the cells are ``Text`` items laid out where they are drawn
    (their ``x`` and ``w`` follow the columns), so a reader gets rows and column headers, not loose text.
    Every ``zebra``-th row (the 2nd, 4th, …) gets the ``zebra`` fill."""

    x: float
    y: float
    columns: tuple[float, ...]
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    header_height: float
    row_height: float
    rule: str = INK  # the line under the header row
    rule_width: float = 0.8
    zebra: str | None = ZEBRA

    @property
    def w(self) -> float:
        return sum(self.columns)

    @property
    def h(self) -> float:
        return self.header_height + len(self.rows) * self.row_height

    def texts(self) -> list[Text]:
        return [*self.header, *(cell for row in self.rows for cell in row)]


@dataclass(frozen=True)
class Figure:
    """A drawing (the month grid, a chart) that a screen reader reads as ``alt``, its text alternative.
    Its items are placed on the page like any other; the box ``x, y, w, h`` holds them all."""

    x: float
    y: float
    w: float
    h: float
    alt: str
    items: tuple[Rect | Text | Line, ...]


Item = Rect | Text | Line | Table | Figure


def text_items(items: Sequence[Item]) -> list[Text]:
    """Every ``Text`` in ``items``, including the cells of tables and the labels inside figures."""
    found: list[Text] = []
    for item in items:
        if isinstance(item, Text):
            found.append(item)
        elif isinstance(item, Table):
            found += item.texts()
        elif isinstance(item, Figure):
            found += text_items(item.items)
    return found


@dataclass
class Page:
    kind: Literal["month", "list", "letter"]
    title: str
    items: list[Item] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [item.text for item in text_items(self.items)]


@dataclass(frozen=True)
class Document:
    """Pages of A4 landscape; ``title`` and ``language`` ("nb"/"en") go into the PDF for readers and search."""

    title: str
    pages: list[Page]
    language: str


# --- colours ---------------------------------------------------------------------------------------------


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) != 6:
        return (0x4A, 0x7B, 0xD0)  # the app's default department colour
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return (0x4A, 0x7B, 0xD0)


def lighter(color: str, amount: float) -> str:
    """Mix ``color`` with white (``amount`` 0 = unchanged, 1 = white)."""
    r, g, b = (round(c + (255 - c) * amount) for c in _rgb(color))
    return f"#{r:02x}{g:02x}{b:02x}"


def text_color_on(color: str) -> str:
    """Black or white, whichever reads better on ``color`` (WCAG relative luminance)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return INK if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


def bar_style(status: SlotStatus, color: str) -> tuple[str, str | None, bool, str]:
    """Fill, outline, dashed outline?, text colour — confirmed solid, booked pale, requested outlined."""
    if status in (SlotStatus.CONFIRMED, SlotStatus.COMPLETED):
        return color, None, False, text_color_on(color)
    if status == SlotStatus.BOOKED:
        pale = lighter(color, 0.55)
        return pale, color, False, text_color_on(pale)
    return "#ffffff", color, True, INK


# --- months ---------------------------------------------------------------------------------------------


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_weeks(year: int, month: int) -> list[list[dt.date]]:
    """The Monday-to-Sunday weeks that hold the month's days (4 to 6 of them)."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)


@dataclass(frozen=True)
class Segment:
    """The part of a slot inside one displayed week: columns 0 (Monday) to 6 (Sunday), both included."""

    slot: ExportSlot
    first: int
    last: int


def week_segments(slots: Sequence[ExportSlot], week: list[dt.date]) -> list[Segment]:
    monday, sunday = week[0], week[-1]
    segments = [
        Segment(s, (max(s.start, monday) - monday).days, (min(s.end, sunday) - monday).days)
        for s in slots
        if s.start <= sunday and s.end >= monday
    ]
    segments.sort(key=lambda g: (g.first, g.slot.account.casefold(), -(g.last - g.first), g.slot.id))
    return segments


def assign_lanes(segments: Sequence[Segment]) -> list[int]:
    """Greedy interval colouring: each segment takes the lowest lane that is free over its days."""
    lane_ends: list[int] = []
    lanes: list[int] = []
    for segment in segments:
        for lane, end in enumerate(lane_ends):
            if end < segment.first:
                lane_ends[lane] = segment.last
                lanes.append(lane)
                break
        else:
            lane_ends.append(segment.last)
            lanes.append(len(lane_ends) - 1)
    return lanes


def _bar_label(slot: ExportSlot) -> str:
    return f"{slot.department} – {slot.account}"


def _week_row(
    items: list[Item], slots: Sequence[ExportSlot], week: list[dt.date], month: int, top: float, height: float,
    day_width: float, words: ExportWords,
) -> None:
    left = MARGIN + WEEK_COLUMN
    items.append(Text(MARGIN, top, WEEK_COLUMN - 4, DAY_NUMBER, str(iso_week(week[0])), 9, True, MUTED, "center"))
    for col, day in enumerate(week):
        x = left + col * day_width
        fill = OUTSIDE_MONTH if day.month != month else (WEEKEND if col >= 5 else None)
        items.append(Rect(x, top, day_width, height, fill=fill, stroke=GRID))
        items.append(Text(x + 3, top + 1, day_width - 6, DAY_NUMBER - 2, str(day.day), 8,
                          color=INK if day.month == month else MUTED))
    segments = week_segments(slots, week)
    lanes = assign_lanes(segments)
    room = max(int((height - DAY_NUMBER - 2) // LANE), 1)
    overflow = bool(lanes) and max(lanes) >= room
    shown = room - 1 if overflow else room
    hidden = [0] * 7
    for segment, lane in zip(segments, lanes, strict=True):
        if lane >= shown:
            for col in range(segment.first, segment.last + 1):
                hidden[col] += 1
            continue
        slot = segment.slot
        fill, outline, dashed, ink = bar_style(slot.status, slot.department_color)
        x = left + segment.first * day_width + 2
        w = (segment.last - segment.first + 1) * day_width - 4
        y = top + DAY_NUMBER + lane * LANE
        items.append(Rect(x, y, w, BAR, fill=fill, stroke=outline, stroke_width=0.8, dashed=dashed))
        items.append(Text(x + 3, y, w - 6, BAR, _bar_label(slot), 7, color=ink))
    if overflow:
        y = top + DAY_NUMBER + shown * LANE
        for col, count in enumerate(hidden):
            if count:
                items.append(Text(left + col * day_width + 3, y, day_width - 6, BAR,
                                  words(E.MORE, count=count), 7, True, MUTED))


def _legend(items: list[Item], slots: Sequence[ExportSlot], top: float, words: ExportWords) -> None:
    items.append(Text(MARGIN, top, 80, LEGEND_ROW, words(E.LEGEND), 8, True))
    departments = sorted({(s.department, s.department_color) for s in slots}, key=lambda d: d[0].casefold())
    per_row = max(int((CONTENT_WIDTH - 80) // LEGEND_ITEM), 1)
    for index, (name, color) in enumerate(departments):
        x = MARGIN + 80 + (index % per_row) * LEGEND_ITEM
        y = top + (index // per_row) * LEGEND_ROW
        items.append(Rect(x, y + 2, 9, 9, fill=color))
        items.append(Text(x + 13, y, LEGEND_ITEM - 18, LEGEND_ROW, name, 8))
    y = top + max(math.ceil(len(departments) / per_row), 1) * LEGEND_ROW + 3
    items.append(Text(MARGIN, y, 80, LEGEND_ROW, words(E.STATUS), 8, True))
    keyed = (SlotStatus.CONFIRMED, SlotStatus.COMPLETED, SlotStatus.BOOKED, SlotStatus.REQUESTED)
    for index, status in enumerate(keyed):
        x = MARGIN + 80 + index * LEGEND_ITEM
        fill, outline, dashed, _ink = bar_style(status, MUTED)
        items.append(Rect(x, y + 2, 22, 9, fill=fill, stroke=outline, stroke_width=0.8, dashed=dashed))
        items.append(Text(x + 26, y, LEGEND_ITEM - 30, LEGEND_ROW, words.slot_status(status), 8))


def legend_height(slots: Sequence[ExportSlot]) -> float:
    departments = len({s.department for s in slots})
    per_row = max(int((CONTENT_WIDTH - 80) // LEGEND_ITEM), 1)
    return (max(math.ceil(departments / per_row), 1) + 1) * LEGEND_ROW + 3


def month_page(slots: Sequence[ExportSlot], year: int, month: int, subtitle: str, words: ExportWords) -> Page:
    """One month: title, weekday header, a row per ISO week with its number, bars, and the legend below.

    Cancelled slots are left out of the picture (the list view still shows them).
    """
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    weeks = month_weeks(year, month)
    live = [s for s in slots if s.status != SlotStatus.CANCELLED and s.start <= weeks[-1][-1]
            and s.end >= weeks[0][0]]
    in_month = [s for s in live if s.start <= last and s.end >= first]
    title = words.month_title(year, month)
    page = Page("month", title)
    page.items.append(Text(MARGIN, MARGIN, CONTENT_WIDTH / 2, 24, title, 18, True, heading=1))
    page.items.append(Text(MARGIN + CONTENT_WIDTH / 2, MARGIN, CONTENT_WIDTH / 2, 24, subtitle, 9, color=MUTED,
                           align="right"))
    items: list[Item] = []  # the grid and its legend: one figure, read by its text alternative
    grid_top = MARGIN + 32
    legend_h = legend_height(live)
    grid_bottom = PAGE_HEIGHT - MARGIN - FOOTER - legend_h - 10
    day_width = (CONTENT_WIDTH - WEEK_COLUMN) / 7
    items.append(Text(MARGIN, grid_top, WEEK_COLUMN - 4, DAY_HEADER, words(E.WEEK), 8, True, MUTED, "center"))
    for col, name in enumerate(words.weekdays_short()):
        x = MARGIN + WEEK_COLUMN + col * day_width
        items.append(Text(x, grid_top, day_width, DAY_HEADER, name, 8, True, MUTED, "center"))
    row_top = grid_top + DAY_HEADER
    row_height = (grid_bottom - row_top) / len(weeks)
    for index, week in enumerate(weeks):
        _week_row(items, live, week, month, row_top + index * row_height, row_height, day_width, words)
    if not in_month:
        items.append(Text(MARGIN + WEEK_COLUMN, grid_bottom + 2, CONTENT_WIDTH, 12, words(E.NO_SLOTS), 8,
                          color=MUTED))
    _legend(items, live, grid_bottom + 10, words)
    drawn = tuple(i for i in items if isinstance(i, (Rect, Text, Line)))
    bottom = max(i.y + i.h for i in drawn if not isinstance(i, Line))
    named = f"{words.month(month)} {year}"  # mid-sentence: "mars 2027"
    page.items.append(Figure(MARGIN, grid_top, CONTENT_WIDTH, bottom - grid_top, month_alt(in_month, named, words),
                             drawn))
    return page


def month_alt(slots: Sequence[ExportSlot], month: str, words: ExportWords) -> str:
    """What a screen reader says for a month's grid: every takeover on it, with its days and status."""
    if not slots:
        return words(D.MONTH_ALT_EMPTY, month=month)
    named = [Message(D.SLOT_ALT, {"department": s.department, "account": s.account,
                                  "dates": DateSpan(s.start, s.end), "status": words.slot_status(s.status)})
             for s in slots]
    return words(D.MONTH_ALT, month=month, slots=named)


# --- the list view ----------------------------------------------------------------------------------------

LIST_COLUMNS: tuple[tuple[str, float], ...] = (
    ("dates", 116.0), ("week", 36.0), ("department", 128.0), ("account", 100.0), ("status", 64.0),
    ("campaign", 96.0), ("contact", 112.0), ("deadline", 80.0), ("frames", 53.89),
)


def _week_text(slot: ExportSlot) -> str:
    first, last = iso_week(slot.start), iso_week(slot.end)
    return str(first) if first == last and slot.day_count <= 7 else f"{first}–{last}"


def _list_cells(slot: ExportSlot, words: ExportWords) -> dict[str, str]:
    dates = words.table_span(slot.start, slot.end)  # "04.03.2027" in Bokmål, ISO in English
    deadline = words.table_moment(slot.material_deadline) if slot.material_deadline else ""
    f = slot.frames
    return {
        "dates": dates, "week": _week_text(slot), "department": slot.department, "account": slot.account,
        "status": words.slot_status(slot.status), "campaign": slot.campaign or "", "contact": slot.contact_name,
        "deadline": deadline, "frames": f"{f.submitted}/{f.approved}/{f.published}",
    }


def _list_headers(words: ExportWords) -> dict[str, str]:
    return {
        "dates": f"{words(E.START)} – {words(E.END)}", "week": words(E.WEEK), "department": words(W.DEPARTMENT),
        "account": words(W.ACCOUNT), "status": words(E.STATUS), "campaign": words(W.CAMPAIGN),
        "contact": words(E.CONTACT), "deadline": words(W.MATERIAL_DEADLINE), "frames": words(W.FRAMES),
    }


def list_pages(slots: Sequence[ExportSlot], subtitle: str, words: ExportWords) -> list[Page]:
    """Every slot (cancelled ones too, greyed and struck through) as a table over as many pages as needed;
    each page's table repeats the header row, and only the first page's title is a heading."""
    header_top = MARGIN + 32
    first_row = header_top + 18
    footnote = PAGE_HEIGHT - MARGIN - FOOTER - 14
    per_page = max(int((footnote - first_row) // LIST_ROW), 1)
    chunks = [slots[i : i + per_page] for i in range(0, len(slots), per_page)] or [[]]
    headers = _list_headers(words)
    widths = tuple(width for _key, width in LIST_COLUMNS)
    lefts = [MARGIN + sum(widths[:i]) for i in range(len(widths))]
    header = tuple(Text(x + 3, header_top, width - 6, 18, headers[key], 7, True, MUTED, wrap=True)
                   for x, (key, width) in zip(lefts, LIST_COLUMNS, strict=True))
    pages: list[Page] = []
    for number, chunk in enumerate(chunks):
        page = Page("list", words(E.LIST_TITLE))
        items = page.items
        # Later pages repeat the title for the eye; a reader has it once, as the heading of the table.
        items.append(Text(MARGIN, MARGIN, CONTENT_WIDTH / 2, 24, words(E.LIST_TITLE), 18, True,
                          heading=0 if number else 1, artifact=bool(number)))
        items.append(Text(MARGIN + CONTENT_WIDTH / 2, MARGIN, CONTENT_WIDTH / 2, 24, subtitle, 9, color=MUTED,
                          align="right", artifact=bool(number)))
        rows: list[tuple[Text, ...]] = []
        for index, slot in enumerate(chunk):
            y = first_row + index * LIST_ROW
            cancelled = slot.status == SlotStatus.CANCELLED
            color = MUTED if cancelled else INK
            cells = _list_cells(slot, words)
            row: list[Text] = []
            for x, (key, width) in zip(lefts, LIST_COLUMNS, strict=True):
                if key == "department":
                    row.append(Text(x + 3, y, width - 6, LIST_ROW, cells[key], 8, color=color, strike=cancelled,
                                    swatch=slot.department_color))
                else:
                    row.append(Text(x + 3, y, width - 6, LIST_ROW, cells[key], 8, color=color,
                                    strike=cancelled and key == "dates"))
            rows.append(tuple(row))
        items.append(Table(MARGIN, header_top, widths, header, tuple(rows), first_row - header_top, LIST_ROW))
        if not chunk:
            items.append(Text(MARGIN + 3, first_row + 2, CONTENT_WIDTH, LIST_ROW, words(E.NO_SLOTS), 8, color=MUTED))
        note = f"{words(W.FRAMES)}: {words(E.SUBMITTED)} / {words(E.APPROVED)} / {words(E.PUBLISHED)}"
        items.append(Text(MARGIN, footnote, CONTENT_WIDTH, 12, note, 7, color=MUTED))
        pages.append(page)
    return pages


# --- the whole document -------------------------------------------------------------------------------------


def _footers(pages: list[Page], title: str, made: str, words: ExportWords) -> None:
    y = PAGE_HEIGHT - MARGIN - FOOTER + 4
    for number, page in enumerate(pages, start=1):
        page.items.append(Line(MARGIN, y - 3, MARGIN + CONTENT_WIDTH, y - 3))
        page.items.append(Text(MARGIN, y, CONTENT_WIDTH * 0.7, FOOTER - 4, f"{title} · {made}", 7, color=MUTED,
                               artifact=True))
        page.items.append(Text(MARGIN + CONTENT_WIDTH * 0.7, y, CONTENT_WIDTH * 0.3, FOOTER - 4,
                               words(W.PAGE, page=number, pages=len(pages)), 7, color=MUTED, align="right",
                               artifact=True))


def layout_document(
    slots: Sequence[ExportSlot],
    *,
    first_month: dt.date,
    last_month: dt.date,
    title: str,
    subtitle: str,
    words: ExportWords,
    made: dt.datetime,
) -> Document:
    """Month pages from ``first_month`` to ``last_month`` (any day in them), then the list view."""
    ordered = sorted(slots, key=lambda s: (s.start, s.end, s.department.casefold(), s.id))
    pages = [month_page(ordered, y, m, subtitle, words) for y, m in months_between(first_month, last_month)]
    pages.extend(list_pages(ordered, subtitle, words))
    _footers(pages, title, words(W.MADE, when=words.table_moment(made)), words)
    return Document(title, pages, words.language)
