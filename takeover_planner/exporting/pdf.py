"""The printable takeover calendar, laid out without Qt: a month per A4 landscape page, then a list view.

This module decides *what* goes *where* — boxes, bars, lines and text in PDF points (1/72 inch, origin at
the top left of the page) — and ``pdf_qt`` only paints those items. So the layout (ISO week numbers, bars
split at week ends, lanes for overlapping slots, "+N more" when a day is full, the legend, paging of the
list) is tested without a display, a font or a PDF reader.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, iso_week
from takeover_planner.exporting.labels import Labels
from takeover_planner.exporting.records import ExportSlot

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
    """Text in a box, vertically centred; the painter shortens it with "…" when it does not fit on one
    line, or, with ``wrap``, breaks it over the lines the box has room for."""

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


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = GRID
    width: float = 0.5


Item = Rect | Text | Line


@dataclass
class Page:
    kind: Literal["month", "list", "letter"]
    title: str
    items: list[Item] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [item.text for item in self.items if isinstance(item, Text)]


@dataclass(frozen=True)
class Document:
    title: str
    pages: list[Page]
    # The calendar and the report are landscape; a letter (the takeover brief) is portrait, in the same points
    # with the width and height swapped.
    orientation: Literal["landscape", "portrait"] = "landscape"


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
    day_width: float, labels: Labels,
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
                                  labels.more.format(count=count), 7, True, MUTED))


def _legend(items: list[Item], slots: Sequence[ExportSlot], top: float, labels: Labels) -> None:
    items.append(Text(MARGIN, top, 80, LEGEND_ROW, labels.legend, 8, True))
    departments = sorted({(s.department, s.department_color) for s in slots}, key=lambda d: d[0].casefold())
    per_row = max(int((CONTENT_WIDTH - 80) // LEGEND_ITEM), 1)
    for index, (name, color) in enumerate(departments):
        x = MARGIN + 80 + (index % per_row) * LEGEND_ITEM
        y = top + (index // per_row) * LEGEND_ROW
        items.append(Rect(x, y + 2, 9, 9, fill=color))
        items.append(Text(x + 13, y, LEGEND_ITEM - 18, LEGEND_ROW, name, 8))
    y = top + max(math.ceil(len(departments) / per_row), 1) * LEGEND_ROW + 3
    items.append(Text(MARGIN, y, 80, LEGEND_ROW, labels.status, 8, True))
    for index, status in enumerate((SlotStatus.CONFIRMED, SlotStatus.BOOKED, SlotStatus.REQUESTED)):
        x = MARGIN + 80 + index * LEGEND_ITEM
        fill, outline, dashed, _ink = bar_style(status, MUTED)
        items.append(Rect(x, y + 2, 22, 9, fill=fill, stroke=outline, stroke_width=0.8, dashed=dashed))
        items.append(Text(x + 26, y, LEGEND_ITEM - 30, LEGEND_ROW, labels.status_name(status), 8))


def legend_height(slots: Sequence[ExportSlot]) -> float:
    departments = len({s.department for s in slots})
    per_row = max(int((CONTENT_WIDTH - 80) // LEGEND_ITEM), 1)
    return (max(math.ceil(departments / per_row), 1) + 1) * LEGEND_ROW + 3


def month_page(slots: Sequence[ExportSlot], year: int, month: int, subtitle: str, labels: Labels) -> Page:
    """One month: title, weekday header, a row per ISO week with its number, bars, and the legend below.

    Cancelled slots are left out of the picture (the list view still shows them).
    """
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    weeks = month_weeks(year, month)
    live = [s for s in slots if s.status != SlotStatus.CANCELLED and s.start <= weeks[-1][-1]
            and s.end >= weeks[0][0]]
    in_month = [s for s in live if s.start <= last and s.end >= first]
    title = labels.month_title(year, month)
    page = Page("month", title)
    items = page.items
    items.append(Text(MARGIN, MARGIN, CONTENT_WIDTH / 2, 24, title, 18, True))
    items.append(Text(MARGIN + CONTENT_WIDTH / 2, MARGIN, CONTENT_WIDTH / 2, 24, subtitle, 9, color=MUTED,
                      align="right"))
    grid_top = MARGIN + 32
    legend_h = legend_height(live)
    grid_bottom = PAGE_HEIGHT - MARGIN - FOOTER - legend_h - 10
    day_width = (CONTENT_WIDTH - WEEK_COLUMN) / 7
    items.append(Text(MARGIN, grid_top, WEEK_COLUMN - 4, DAY_HEADER, labels.week, 8, True, MUTED, "center"))
    for col, name in enumerate(labels.weekdays):
        x = MARGIN + WEEK_COLUMN + col * day_width
        items.append(Text(x, grid_top, day_width, DAY_HEADER, name, 8, True, MUTED, "center"))
    row_top = grid_top + DAY_HEADER
    row_height = (grid_bottom - row_top) / len(weeks)
    for index, week in enumerate(weeks):
        _week_row(items, live, week, month, row_top + index * row_height, row_height, day_width, labels)
    if not in_month:
        items.append(Text(MARGIN + WEEK_COLUMN, grid_bottom + 2, CONTENT_WIDTH, 12, labels.no_slots, 8,
                          color=MUTED))
    _legend(items, live, grid_bottom + 10, labels)
    return page


# --- the list view ----------------------------------------------------------------------------------------

LIST_COLUMNS: tuple[tuple[str, float], ...] = (
    ("dates", 116.0), ("week", 36.0), ("department", 128.0), ("account", 100.0), ("status", 64.0),
    ("campaign", 96.0), ("contact", 112.0), ("deadline", 80.0), ("frames", 53.89),
)


def _week_text(slot: ExportSlot) -> str:
    first, last = iso_week(slot.start), iso_week(slot.end)
    return str(first) if first == last and slot.day_count <= 7 else f"{first}–{last}"


def _list_cells(slot: ExportSlot, labels: Labels) -> dict[str, str]:
    dates = slot.start.isoformat() if slot.start == slot.end else f"{slot.start.isoformat()} – {slot.end.isoformat()}"
    deadline = f"{slot.material_deadline.astimezone(OSLO):%Y-%m-%d %H:%M}" if slot.material_deadline else ""
    f = slot.frames
    return {
        "dates": dates, "week": _week_text(slot), "department": slot.department, "account": slot.account,
        "status": labels.status_name(slot.status), "campaign": slot.campaign or "", "contact": slot.contact_name,
        "deadline": deadline, "frames": f"{f.submitted}/{f.approved}/{f.published}",
    }


def _list_headers(labels: Labels) -> dict[str, str]:
    return {
        "dates": f"{labels.start} – {labels.end}", "week": labels.week, "department": labels.department,
        "account": labels.account, "status": labels.status, "campaign": labels.campaign,
        "contact": labels.contact, "deadline": labels.material_deadline, "frames": labels.frames,
    }


def list_pages(slots: Sequence[ExportSlot], subtitle: str, labels: Labels) -> list[Page]:
    """Every slot (cancelled ones too, greyed and struck through) as a table over as many pages as needed."""
    header_top = MARGIN + 32
    first_row = header_top + 18
    footnote = PAGE_HEIGHT - MARGIN - FOOTER - 14
    per_page = max(int((footnote - first_row) // LIST_ROW), 1)
    chunks = [slots[i : i + per_page] for i in range(0, len(slots), per_page)] or [[]]
    headers = _list_headers(labels)
    pages: list[Page] = []
    for chunk in chunks:
        page = Page("list", labels.list_title)
        items = page.items
        items.append(Text(MARGIN, MARGIN, CONTENT_WIDTH / 2, 24, labels.list_title, 18, True))
        items.append(Text(MARGIN + CONTENT_WIDTH / 2, MARGIN, CONTENT_WIDTH / 2, 24, subtitle, 9, color=MUTED,
                          align="right"))
        x = MARGIN
        for key, width in LIST_COLUMNS:
            items.append(Text(x + 3, header_top, width - 6, 18, headers[key], 7, True, MUTED, wrap=True))
            x += width
        items.append(Line(MARGIN, first_row, MARGIN + CONTENT_WIDTH, first_row, INK, 0.8))
        for index, slot in enumerate(chunk):
            y = first_row + index * LIST_ROW
            if index % 2:
                items.append(Rect(MARGIN, y, CONTENT_WIDTH, LIST_ROW, fill=ZEBRA))
            cancelled = slot.status == SlotStatus.CANCELLED
            color = MUTED if cancelled else INK
            cells = _list_cells(slot, labels)
            x = MARGIN
            for key, width in LIST_COLUMNS:
                if key == "department":
                    items.append(Rect(x + 3, y + 3.5, 8, 8, fill=slot.department_color))
                    items.append(Text(x + 14, y, width - 17, LIST_ROW, cells[key], 8, color=color, strike=cancelled))
                else:
                    items.append(Text(x + 3, y, width - 6, LIST_ROW, cells[key], 8, color=color,
                                      strike=cancelled and key == "dates"))
                x += width
        if not chunk:
            items.append(Text(MARGIN + 3, first_row + 2, CONTENT_WIDTH, LIST_ROW, labels.no_slots, 8, color=MUTED))
        note = f"{labels.frames}: {labels.submitted} / {labels.approved} / {labels.published}"
        items.append(Text(MARGIN, footnote, CONTENT_WIDTH, 12, note, 7, color=MUTED))
        pages.append(page)
    return pages


# --- the whole document -------------------------------------------------------------------------------------


def _footers(pages: list[Page], title: str, made: str, labels: Labels) -> None:
    y = PAGE_HEIGHT - MARGIN - FOOTER + 4
    for number, page in enumerate(pages, start=1):
        page.items.append(Line(MARGIN, y - 3, MARGIN + CONTENT_WIDTH, y - 3))
        page.items.append(Text(MARGIN, y, CONTENT_WIDTH * 0.7, FOOTER - 4, f"{title} · {made}", 7, color=MUTED))
        page.items.append(Text(MARGIN + CONTENT_WIDTH * 0.7, y, CONTENT_WIDTH * 0.3, FOOTER - 4,
                               labels.page.format(page=number, pages=len(pages)), 7, color=MUTED, align="right"))


def layout_document(
    slots: Sequence[ExportSlot],
    *,
    first_month: dt.date,
    last_month: dt.date,
    title: str,
    subtitle: str,
    labels: Labels,
    made: dt.datetime,
) -> Document:
    """Month pages from ``first_month`` to ``last_month`` (any day in them), then the list view."""
    ordered = sorted(slots, key=lambda s: (s.start, s.end, s.department.casefold(), s.id))
    pages = [month_page(ordered, y, m, subtitle, labels) for y, m in months_between(first_month, last_month)]
    pages.extend(list_pages(ordered, subtitle, labels))
    _footers(pages, title, f"{labels.generated} {made.astimezone(OSLO):%Y-%m-%d %H:%M}", labels)
    return Document(title, pages)
