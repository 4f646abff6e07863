"""Bar charts laid out as boxes, lines and text (PDF points), for the takeover report's PDF.

Like ``exporting.pdf``, this only decides what goes where; ``exporting.typst_pdf`` draws it. A chart is one
``Figure`` whose text alternative names every value, so a screen reader gets the numbers the eye gets. A
frame without a number gets no bar and a small "–" under its place, so a missing figure never looks like a
zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from takeover_planner.exporting.pdf import GRID, INK, MUTED, Figure, Line, Rect, Text


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: Sequence[int | None]


def nice_ceiling(value: float) -> float:
    """The next round axis top at or above ``value`` whose quarters are round too (e.g. 600, 800, 1 000)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1.0, 1.2, 1.6, 2.0, 2.4, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        top = step * 10**exponent
        if top >= value - 1e-9:
            return top
    return 10.0 ** (exponent + 1)


def _axis_text(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if value >= 1 or value == 0 else f"{value:g}"


def bar_chart(x: float, y: float, w: float, h: float, title: str, categories: Sequence[str],
              series: Sequence[Series], *, alt: str, missing_mark: str = "–") -> Figure:
    """Grouped bars: one group per category, one bar per series; gridlines at quarters of a round top.
    ``alt`` is what a screen reader says instead (``chart_alt`` writes it)."""
    items: list[Rect | Text | Line] = [Text(x, y, w * 0.6, 14, title, 9.5, True)]
    # Legend at the top right.
    legend_x = x + w
    for s in reversed(series):
        width = 14 + 5.2 * len(s.name)
        legend_x -= width + 8
        items.append(Rect(legend_x, y + 4, 8, 8, fill=s.color))
        items.append(Text(legend_x + 11, y, width, 14, s.name, 7.5, color=MUTED))
    axis_w = 34.0
    plot_x, plot_y = x + axis_w, y + 22
    plot_w, plot_h = w - axis_w, h - 22 - 16
    known = [v for s in series for v in s.values if v is not None]
    top = nice_ceiling(max(known) if known else 1)
    for i in range(5):
        gy = plot_y + plot_h - plot_h * i / 4
        items.append(Line(plot_x, gy, plot_x + plot_w, gy, GRID if i else MUTED, 0.4 if i else 0.7))
        items.append(Text(x, gy - 6, axis_w - 4, 12, _axis_text(top * i / 4), 6.5, color=MUTED, align="right"))
    count = max(len(categories), 1)
    group_w = plot_w / count
    gap = min(10.0, group_w * 0.25)
    bar_w = max((group_w - gap) / max(len(series), 1), 1.0)
    for index, category in enumerate(categories):
        gx = plot_x + index * group_w + gap / 2
        for s_index, s in enumerate(series):
            value = s.values[index] if index < len(s.values) else None
            bx = gx + s_index * bar_w
            if value is None:
                items.append(Text(bx, plot_y + plot_h - 12, bar_w, 11, missing_mark, 7, color=MUTED,
                                  align="center"))
                continue
            bh = plot_h * value / top
            items.append(Rect(bx + 0.5, plot_y + plot_h - bh, bar_w - 1, bh, fill=s.color))
            if bar_w >= 14 and bh >= 0:
                items.append(Text(bx - 4, plot_y + plot_h - bh - 10, bar_w + 8, 9, _axis_text(value), 6,
                                  color=INK, align="center"))
        items.append(Text(plot_x + index * group_w, plot_y + plot_h + 2, group_w, 12, category, 7, color=MUTED,
                          align="center"))
    return Figure(x, y, w, h, alt, tuple(items))
