"""The takeover report laid out for paper (A4 landscape), without Qt: key figures, two charts, the table of
frames, the per-day "stayed to the last frame" figures and, when given, the comparison across departments
and campaigns. ``exporting.typst_pdf.render_pdf`` makes it a tagged PDF, as for the calendar: the title and
the sections are headings, the charts figures whose text alternative lists every value, the frame table and
the comparisons tables with a header row, the footers artifacts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.exporting.pdf import (
    CONTENT_WIDTH,
    GRID,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Align,
    Document,
    Item,
    Line,
    Page,
    Rect,
    Table,
    Text,
)
from takeover_planner.insights.pdf_charts import Series, bar_chart
from takeover_planner.insights.report import GroupFigures, TakeoverReport
from takeover_planner.insights.schedule import HAS_NUMBERS
from takeover_planner.texts.documents import DocumentText as D
from takeover_planner.texts.render import Text as Message
from takeover_planner.texts.report import ReportText as R
from takeover_planner.texts.report import ReportWords
from takeover_planner.texts.words import Word as W

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


def _header(items: list[Item], report: TakeoverReport, words: ReportWords) -> float:
    items.append(Text(MARGIN, MARGIN, CONTENT_WIDTH, 22, f"{words(R.TITLE)}: {report.department}", 16, True,
                      heading=1))
    days = words.date(report.start) if report.start == report.end else \
        f"{words.date(report.start)} – {words.date(report.end)}"
    parts = [f"{words(W.ACCOUNT)}: {report.account}", days]
    if report.campaign:
        parts.append(f"{words(W.CAMPAIGN)}: {report.campaign}")
    items.append(Text(MARGIN, MARGIN + 22, CONTENT_WIDTH, 14, "   ·   ".join(parts), 9.5, color=MUTED))
    top = MARGIN + 40
    if report.sample:
        items.append(Rect(MARGIN, top, CONTENT_WIDTH, 16, fill="#fff3df", stroke=SAMPLE))
        items.append(Text(MARGIN + 6, top, CONTENT_WIDTH - 12, 16, words(R.SAMPLE_NOTE), 8.5, True, SAMPLE))
        top += 22
    return top


def _key_figures(items: list[Item], report: TakeoverReport, words: ReportWords, top: float) -> float:
    first = [d.first_reach for d in report.retention if d.first_reach is not None]
    followers = report.followers
    follower_note = "" if followers.during is None else words(
        R.PER_DAY_VS_BEFORE, during=words.number(followers.during_per_day, decimals=1, signed=True),
        before=words(R.NOT_ENOUGH_HISTORY) if followers.before_per_day is None else
        words.number(followers.before_per_day, decimals=1, signed=True))
    boxes = [
        (words.metric("views"), words.number(report.totals.get("views")),
         words(R.FRAMES_COLLECTED, collected=report.collected, published=report.published)),
        (words(R.VIEWERS_FIRST), words.number(sum(first) / len(first) if first else None), ""),
        (words(R.STAYED), words.percent(report.stayed), ""),
        (words.metric("replies"), words.number(report.totals.get("replies")), ""),
        (words(R.FOLLOWS_STORY), words.number(report.totals.get("follows")), ""),
        (words(R.FOLLOWERS_CHANGE), words.number(followers.during, signed=True), follower_note),
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


def _summary_page(report: TakeoverReport, words: ReportWords) -> Page:
    items: list[Item] = []
    top = _header(items, report, words)
    items.append(Text(MARGIN, top, CONTENT_WIDTH, 14, words(R.KEY_FIGURES), 10.5, True, heading=2))
    top = _key_figures(items, report, words, top + 16)
    published = [f for f in report.frames if f.published_at is not None]
    if not published:
        items.append(Text(MARGIN, top, CONTENT_WIDTH, 20, words(R.NO_FRAMES), 10, color=MUTED))
        return Page("list", words(R.TITLE), items)
    categories = [str(f.number) for f in published]
    chart_h = FOOTER_TOP - top - 70
    half = (CONTENT_WIDTH - 24) / 2
    charts = ((words(R.REACH_VIEWS_CHART), (("reach", REACH), ("views", VIEWS))),
              (words(R.EXITS_REPLIES_CHART), (("exits", EXITS), ("replies", REPLIES))))
    for index, (title, metrics) in enumerate(charts):
        series = [Series(words.metric(key), color, [f.value(key) for f in published]) for key, color in metrics]
        items.append(bar_chart(MARGIN + index * (half + 24), top, half, chart_h, title, categories, series,
                               alt=chart_alt(title, categories, series, words)))
    y = top + chart_h + 8
    followers = report.followers
    during = words(R.NOT_KNOWN) if followers.during is None else words(
        R.FOLLOWERS_DURING, change=words.number(followers.during, signed=True), days=followers.during_days,
        per_day=words.number(followers.during_per_day, decimals=1, signed=True))
    if followers.before_per_day is not None:
        during += ". " + words(R.FOLLOWERS_BEFORE, days=followers.before_days,
                               per_day=words.number(followers.before_per_day, decimals=1, signed=True))
    items.append(Text(MARGIN, y, CONTENT_WIDTH, 13, during, 8.5))
    lines = [words(R.STAYED_DAY, day=words.date(d.day), last=words.number(d.last_reach),
                   first=words.number(d.first_reach), share=words.percent(d.share))
             for d in report.retention]
    items.append(Text(MARGIN, y + 14, CONTENT_WIDTH, 13, f"{words(R.STAYED)}: " + "; ".join(lines), 8.5))
    return Page("list", words(R.TITLE), items)


def chart_alt(title: str, categories: Sequence[str], series: Sequence[Series], words: ReportWords) -> str:
    """A chart in words: its title, then each frame's values ("frame 1: Reach 399, Views 522; …")."""
    frames = [Message(D.CHART_FRAME, {"number": category, "values": ", ".join(
        f"{s.name} {words.number(s.values[i] if i < len(s.values) else None)}" for s in series)})
        for i, category in enumerate(categories)]
    return words(D.CHART_ALT, title=title, frames=frames)


def _columns(words: ReportWords) -> list[Column]:
    """(key, title, width, align) of the frame table."""
    m = words.metric
    widths = (("number", "#", 20, "right"), ("day", words(R.DAY), 64, "left"),
              ("time", words(R.PUBLISHED), 44, "left"), ("status", words(R.INSIGHTS), 118, "left"),
              ("reach", m("reach"), 48, "right"),
              ("views", m("views"), 48, "right"), ("replies", m("replies"), 40, "right"),
              ("shares", m("shares"), 42, "right"), ("follows", m("follows"), 48, "right"),
              ("profile_visits", m("profile_visits"), 46, "right"), ("taps_forward", m("taps_forward"), 46, "right"),
              ("taps_back", m("taps_back"), 46, "right"), ("exits", m("exits"), 50, "right"),
              ("swipes_forward", m("swipes_forward"), 46, "right"))
    columns: list[Column] = [(k, t, float(w), a) for k, t, w, a in widths]  # type: ignore[misc]
    used = sum(c[2] for c in columns)
    return [*columns, ("read", words(R.READ_AT), CONTENT_WIDTH - used, "left")]


def _frame_cells(report: TakeoverReport, words: ReportWords) -> list[dict[str, str]]:
    rows = []
    for f in report.frames:
        cells = {"number": str(f.number), "day": words.short_day(f.day),
                 "time": to_oslo(f.published_at).strftime("%H:%M") if f.published_at else "",
                 "status": words.collection(f.status),
                 "read": words(R.HOURS_AFTER, hours=words.number(f.hours_after_posting, decimals=1))
                 if f.status in HAS_NUMBERS else ""}
        for key in ("reach", "views", "replies", "shares", "follows", "profile_visits", "taps_forward", "taps_back",
                    "exits", "swipes_forward"):
            value = f.value(key)
            cells[key] = "–" if value is None else words.number(value)
        rows.append(cells)
    return rows


def _table(items: list[Item], top: float, columns: list[Column],
           rows: Sequence[dict[str, str]]) -> float:
    """A table with its header row at ``top``; returns where it ends."""
    lefts = [MARGIN + sum(c[2] for c in columns[:i]) for i in range(len(columns))]
    header = tuple(Text(x + 3, top, width - 6, HEADER, title, 7, True, MUTED, align, wrap=True)
                   for x, (_key, title, width, align) in zip(lefts, columns, strict=True))
    cells = tuple(tuple(Text(x + 3, top + HEADER + index * ROW, width - 6, ROW, row.get(key, ""), 7.5, align=align)
                        for x, (key, _title, width, align) in zip(lefts, columns, strict=True))
                  for index, row in enumerate(rows))
    table = Table(MARGIN, top, tuple(c[2] for c in columns), header, cells, HEADER, ROW, rule_width=0.6)
    items.append(table)
    return top + table.h


def _frame_pages(report: TakeoverReport, words: ReportWords) -> list[Page]:
    rows = _frame_cells(report, words)
    per_page = int((FOOTER_TOP - MARGIN - 30 - HEADER) // ROW)
    pages = []
    for start in range(0, max(len(rows), 1), per_page):
        items: list[Item] = [Text(MARGIN, MARGIN, CONTENT_WIDTH, 18, f"{words(R.PER_FRAME)}: {report.department}",
                                  12, True, heading=2)]
        _table(items, MARGIN + 26, _columns(words), rows[start:start + per_page])
        pages.append(Page("list", words(R.PER_FRAME), items))
    return pages


def _group_rows(groups: Sequence[GroupFigures], words: ReportWords) -> list[dict[str, str]]:
    return [{
        "name": g.name, "takeovers": str(g.takeovers),
        "frames": words(R.FRAMES_COLLECTED, collected=g.collected, published=g.frames),
        "reach": words.number(g.avg_reach), "views": words.number(g.avg_views),
        "stayed": words.percent(g.stayed), "replies": words.number(g.replies),
        "follows": words.number(g.follows),
        "during": words.number(g.followers_per_day, decimals=1, signed=True),
        "before": words.number(g.before_per_day, decimals=1, signed=True),
    } for g in groups]


def _comparison_page(comparison: Comparison, words: ReportWords) -> Page:
    columns: list[Column] = [("name", "", 140, "left"), ("takeovers", words(R.TAKEOVERS), 56, "right"),
                             ("frames", words(W.FRAMES), 130, "left"), ("reach", words(R.AVG_REACH), 70, "right"),
                             ("views", words(R.AVG_VIEWS), 70, "right"),
                             ("stayed", words(R.AVG_STAYED), 64, "right"),
                             ("replies", words.metric("replies"), 44, "right"),
                             ("follows", words.metric("follows"), 50, "right")]
    rest = (CONTENT_WIDTH - sum(c[2] for c in columns)) / 2
    columns += [("during", words(R.FOLLOWERS_PER_DAY), rest, "right"),
                ("before", words(R.BEFORE_PER_DAY), rest, "right")]
    items: list[Item] = [Text(MARGIN, MARGIN, CONTENT_WIDTH, 18, words(R.COMPARISON), 12, True, heading=2)]
    y = MARGIN + 26
    groupings = ((words(R.BY_DEPARTMENT), comparison.departments), (words(R.BY_CAMPAIGN), comparison.campaigns))
    for title, groups in groupings:
        items.append(Text(MARGIN, y, CONTENT_WIDTH, 14, title, 10, True, heading=3))
        named: list[Column] = [(c[0], title if c[0] == "name" else c[1], c[2], c[3]) for c in columns]
        y = _table(items, y + 16, named, _group_rows(groups, words)[:12]) + 18
    return Page("list", words(R.COMPARISON), items)


def layout_report(report: TakeoverReport, words: ReportWords, *, made: dt.datetime,
                  comparison: Comparison | None = None) -> Document:
    pages = [_summary_page(report, words), *_frame_pages(report, words)]
    if comparison is not None and (comparison.departments or comparison.campaigns):
        pages.append(_comparison_page(comparison, words))
    stamp = words(W.MADE, when=words.table_moment(made))
    for number, page in enumerate(pages, start=1):
        page.items.append(Line(MARGIN, FOOTER_TOP - 2, PAGE_WIDTH - MARGIN, FOOTER_TOP - 2, GRID))
        page.items.append(Text(MARGIN, FOOTER_TOP, CONTENT_WIDTH / 2, 12,
                               f"{words(R.TITLE)} · {report.department} · {stamp}", 7, color=MUTED, artifact=True))
        page.items.append(Text(MARGIN + CONTENT_WIDTH / 2, FOOTER_TOP, CONTENT_WIDTH / 2, 12,
                               words(W.PAGE, page=number, pages=len(pages)), 7, color=MUTED, align="right",
                               artifact=True))
    return Document(f"{words(R.TITLE)}: {report.department}", pages, words.language)
