"""The takeover report laid out for paper (A4 landscape), without Qt: key figures, two charts, the table of
frames, the per-day "stayed to the last frame" figures and, when given, the comparison across departments
and campaigns. ``exporting.pdf_qt.render_pdf`` — the app's one Qt adapter for PDF — paints the result, so
fonts are embedded and æøå print, exactly as for the calendar PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.exporting.pdf import (
    CONTENT_WIDTH,
    GRID,
    INK,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    ZEBRA,
    Align,
    Document,
    Item,
    Line,
    Page,
    Rect,
    Text,
)
from takeover_planner.insights.labels import ReportLabels, day_text, number_text, percent_text, short_day_text
from takeover_planner.insights.pdf_charts import Series, bar_chart
from takeover_planner.insights.report import GroupFigures, TakeoverReport
from takeover_planner.insights.schedule import HAS_NUMBERS

REACH = "#2f6fde"
VIEWS = "#9db9ee"
EXITS = "#c2415d"
REPLIES = "#2e9e6a"
SAMPLE = "#b26a00"
ROW = 15.0
HEADER = 22.0  # two lines of column title
FOOTER_TOP = PAGE_HEIGHT - MARGIN - 10

Column = tuple[str, str, float, Align]  # key, title, width, alignment


@dataclass(frozen=True)
class Comparison:
    departments: Sequence[GroupFigures]
    campaigns: Sequence[GroupFigures]


def _header(items: list[Item], report: TakeoverReport, labels: ReportLabels) -> float:
    items.append(Text(MARGIN, MARGIN, CONTENT_WIDTH, 22, f"{labels.title}: {report.department}", 16, True))
    days = day_text(report.start, labels) if report.start == report.end else \
        f"{day_text(report.start, labels)} – {day_text(report.end, labels)}"
    parts = [f"{labels.account}: {report.account}", days]
    if report.campaign:
        parts.append(f"{labels.campaign}: {report.campaign}")
    items.append(Text(MARGIN, MARGIN + 22, CONTENT_WIDTH, 14, "   ·   ".join(parts), 9.5, color=MUTED))
    top = MARGIN + 40
    if report.sample:
        items.append(Rect(MARGIN, top, CONTENT_WIDTH, 16, fill="#fff3df", stroke=SAMPLE))
        items.append(Text(MARGIN + 6, top, CONTENT_WIDTH - 12, 16, labels.sample_note, 8.5, True, SAMPLE))
        top += 22
    return top


def _key_figures(items: list[Item], report: TakeoverReport, labels: ReportLabels, top: float) -> float:
    first = [d.first_reach for d in report.retention if d.first_reach is not None]
    followers = report.followers
    follower_note = "" if followers.during is None else labels.per_day_vs_before.format(
        during=number_text(followers.during_per_day, labels, decimals=1, signed=True),
        before=labels.not_enough_history if followers.before_per_day is None else
        number_text(followers.before_per_day, labels, decimals=1, signed=True))
    boxes = [
        (labels.metrics["views"], number_text(report.totals.get("views"), labels),
         labels.frames_collected.format(collected=report.collected, published=report.published)),
        (labels.viewers_first, number_text(sum(first) / len(first) if first else None, labels), ""),
        (labels.stayed, percent_text(report.stayed, labels), ""),
        (labels.metrics["replies"], number_text(report.totals.get("replies"), labels), ""),
        (labels.follows_story, number_text(report.totals.get("follows"), labels), ""),
        (labels.followers_change, number_text(followers.during, labels, signed=True), follower_note),
    ]
    gap = 8.0
    width = (CONTENT_WIDTH - gap * (len(boxes) - 1)) / len(boxes)
    for index, (title, value, note) in enumerate(boxes):
        x = MARGIN + index * (width + gap)
        items.append(Rect(x, top, width, 58, fill="#f5f7fb", stroke=GRID))
        items.append(Text(x + 8, top + 4, width - 16, 12, title, 7.5, color=MUTED))
        items.append(Text(x + 8, top + 17, width - 16, 24, value, 17, True))
        if note:
            items.append(Text(x + 8, top + 41, width - 16, 14, note, 6.5, color=MUTED))
    return top + 58 + 14


def _summary_page(report: TakeoverReport, labels: ReportLabels) -> Page:
    items: list[Item] = []
    top = _header(items, report, labels)
    items.append(Text(MARGIN, top, CONTENT_WIDTH, 14, labels.key_figures, 10.5, True))
    top = _key_figures(items, report, labels, top + 16)
    published = [f for f in report.frames if f.published_at is not None]
    if not published:
        items.append(Text(MARGIN, top, CONTENT_WIDTH, 20, labels.no_frames, 10, color=MUTED))
        return Page("list", labels.title, items)
    categories = [str(f.number) for f in published]
    chart_h = FOOTER_TOP - top - 70
    half = (CONTENT_WIDTH - 24) / 2
    items += bar_chart(MARGIN, top, half, chart_h, labels.reach_views_chart, categories, [
        Series(labels.metrics["reach"], REACH, [f.value("reach") for f in published]),
        Series(labels.metrics["views"], VIEWS, [f.value("views") for f in published]),
    ])
    items += bar_chart(MARGIN + half + 24, top, half, chart_h, labels.exits_replies_chart, categories, [
        Series(labels.metrics["exits"], EXITS, [f.value("exits") for f in published]),
        Series(labels.metrics["replies"], REPLIES, [f.value("replies") for f in published]),
    ])
    y = top + chart_h + 8
    followers = report.followers
    during = labels.not_known if followers.during is None else labels.followers_during.format(
        change=number_text(followers.during, labels, signed=True), days=followers.during_days,
        per_day=number_text(followers.during_per_day, labels, decimals=1, signed=True))
    if followers.before_per_day is not None:
        during += ". " + labels.followers_before.format(
            days=followers.before_days, per_day=number_text(followers.before_per_day, labels, decimals=1, signed=True))
    items.append(Text(MARGIN, y, CONTENT_WIDTH, 13, during, 8.5))
    lines = [labels.stayed_day.format(day=day_text(d.day, labels), last=number_text(d.last_reach, labels),
                                      first=number_text(d.first_reach, labels), share=percent_text(d.share, labels))
             for d in report.retention]
    items.append(Text(MARGIN, y + 14, CONTENT_WIDTH, 13, f"{labels.stayed}: " + "; ".join(lines), 8.5))
    return Page("list", labels.title, items)


def _columns(labels: ReportLabels) -> list[Column]:
    """(key, title, width, align) of the frame table."""
    m = labels.metrics
    widths = (("number", "#", 20, "right"), ("day", labels.day, 64, "left"), ("time", labels.published, 44, "left"),
              ("status", labels.status, 118, "left"), ("reach", m["reach"], 48, "right"),
              ("views", m["views"], 48, "right"), ("replies", m["replies"], 40, "right"),
              ("shares", m["shares"], 42, "right"), ("follows", m["follows"], 48, "right"),
              ("profile_visits", m["profile_visits"], 46, "right"), ("taps_forward", m["taps_forward"], 46, "right"),
              ("taps_back", m["taps_back"], 46, "right"), ("exits", m["exits"], 50, "right"),
              ("swipes_forward", m["swipes_forward"], 46, "right"))
    columns: list[Column] = [(k, t, float(w), a) for k, t, w, a in widths]  # type: ignore[misc]
    used = sum(c[2] for c in columns)
    return [*columns, ("read", labels.read_at, CONTENT_WIDTH - used, "left")]


def _frame_cells(report: TakeoverReport, labels: ReportLabels) -> list[dict[str, str]]:
    rows = []
    for f in report.frames:
        cells = {"number": str(f.number), "day": short_day_text(f.day, labels),
                 "time": to_oslo(f.published_at).strftime("%H:%M") if f.published_at else "",
                 "status": labels.statuses[f.status],
                 "read": labels.hours_after.format(hours=number_text(f.hours_after_posting, labels, decimals=1))
                 if f.status in HAS_NUMBERS else ""}
        for key in ("reach", "views", "replies", "shares", "follows", "profile_visits", "taps_forward", "taps_back",
                    "exits", "swipes_forward"):
            value = f.value(key)
            cells[key] = "–" if value is None else number_text(value, labels)
        rows.append(cells)
    return rows


def _table(items: list[Item], top: float, columns: list[Column],
           rows: Sequence[dict[str, str]]) -> float:
    x = MARGIN
    for _key, title, width, align in columns:
        items.append(Text(x + 3, top, width - 6, HEADER, title, 7, True, MUTED, align, wrap=True))
        x += width
    items.append(Line(MARGIN, top + HEADER, MARGIN + CONTENT_WIDTH, top + HEADER, INK, 0.6))
    y = top + HEADER
    for index, row in enumerate(rows):
        if index % 2:
            items.append(Rect(MARGIN, y, CONTENT_WIDTH, ROW, fill=ZEBRA))
        x = MARGIN
        for key, _title, width, align in columns:
            items.append(Text(x + 3, y, width - 6, ROW, row.get(key, ""), 7.5, align=align))
            x += width
        y += ROW
    return y


def _frame_pages(report: TakeoverReport, labels: ReportLabels) -> list[Page]:
    rows = _frame_cells(report, labels)
    per_page = int((FOOTER_TOP - MARGIN - 30 - HEADER) // ROW)
    pages = []
    for start in range(0, max(len(rows), 1), per_page):
        items: list[Item] = [Text(MARGIN, MARGIN, CONTENT_WIDTH, 18, f"{labels.per_frame}: {report.department}",
                                  12, True)]
        _table(items, MARGIN + 26, _columns(labels), rows[start:start + per_page])
        pages.append(Page("list", labels.per_frame, items))
    return pages


def _group_rows(groups: Sequence[GroupFigures], labels: ReportLabels) -> list[dict[str, str]]:
    return [{
        "name": g.name, "takeovers": str(g.takeovers),
        "frames": labels.frames_collected.format(collected=g.collected, published=g.frames),
        "reach": number_text(g.avg_reach, labels), "views": number_text(g.avg_views, labels),
        "stayed": percent_text(g.stayed, labels), "replies": number_text(g.replies, labels),
        "follows": number_text(g.follows, labels),
        "during": number_text(g.followers_per_day, labels, decimals=1, signed=True),
        "before": number_text(g.before_per_day, labels, decimals=1, signed=True),
    } for g in groups]


def _comparison_page(comparison: Comparison, labels: ReportLabels) -> Page:
    columns: list[Column] = [("name", "", 140, "left"), ("takeovers", labels.takeovers, 56, "right"),
                             ("frames", labels.frames, 130, "left"), ("reach", labels.avg_reach, 70, "right"),
                             ("views", labels.avg_views, 70, "right"), ("stayed", labels.avg_stayed, 64, "right"),
                             ("replies", labels.metrics["replies"], 44, "right"),
                             ("follows", labels.metrics["follows"], 50, "right")]
    rest = (CONTENT_WIDTH - sum(c[2] for c in columns)) / 2
    columns += [("during", labels.followers_per_day, rest, "right"), ("before", labels.before_per_day, rest, "right")]
    items: list[Item] = [Text(MARGIN, MARGIN, CONTENT_WIDTH, 18, labels.comparison, 12, True)]
    y = MARGIN + 26
    for title, groups in ((labels.by_department, comparison.departments), (labels.by_campaign, comparison.campaigns)):
        items.append(Text(MARGIN, y, CONTENT_WIDTH, 14, title, 10, True))
        named: list[Column] = [(c[0], title if c[0] == "name" else c[1], c[2], c[3]) for c in columns]
        y = _table(items, y + 16, named, _group_rows(groups, labels)[:12]) + 18
    return Page("list", labels.comparison, items)


def layout_report(report: TakeoverReport, labels: ReportLabels, *, made: dt.datetime,
                  comparison: Comparison | None = None) -> Document:
    pages = [_summary_page(report, labels), *_frame_pages(report, labels)]
    if comparison is not None and (comparison.departments or comparison.campaigns):
        pages.append(_comparison_page(comparison, labels))
    stamp = labels.generated.format(when=to_oslo(made).strftime("%Y-%m-%d %H:%M"))
    for number, page in enumerate(pages, start=1):
        page.items.append(Line(MARGIN, FOOTER_TOP - 2, PAGE_WIDTH - MARGIN, FOOTER_TOP - 2, GRID))
        page.items.append(Text(MARGIN, FOOTER_TOP, CONTENT_WIDTH / 2, 12,
                               f"{labels.title} · {report.department} · {stamp}", 7, color=MUTED))
        page.items.append(Text(MARGIN + CONTENT_WIDTH / 2, FOOTER_TOP, CONTENT_WIDTH / 2, 12,
                               labels.page.format(page=number, pages=len(pages)), 7, color=MUTED, align="right"))
    return Document(f"{labels.title}: {report.department}", pages)
