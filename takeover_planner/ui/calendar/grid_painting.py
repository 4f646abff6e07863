"""Drawing the calendar grid: week numbers, day cells, today, campaigns, blackout periods, the bars, the
drag preview, and what the keyboard is on (the day cursor, a range marked with Shift+arrows, the focus ring of the
selected slot). A mixin of ``CalendarGrid`` (it reads the grid's geometry and state, as ``GridHost`` spells out),
kept apart so that the widget's module stays about gestures and layout."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen

from takeover_planner.domain.timekeeping import iso_week
from takeover_planner.ui.calendar.layout import Span, layout_segments
from takeover_planner.ui.calendar.painting import BLACKOUT_COLOR, campaign_colors, draw_bar, is_dark, mix
from takeover_planner.ui.i18n import month_day_label, range_text, weekday_short
from takeover_planner.ui.labels import status_label

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.catalog import BlackoutInfo, CampaignInfo
    from takeover_planner.ui.calendar.grid_view import BarGeometry
    from takeover_planner.ui.calendar.slot_model import SlotTableModel

HEADER_HEIGHT = 30
WEEK_COLUMN = 46


class GridHost(Protocol):
    """What the painting reads from the widget it is mixed into (``CalendarGrid``); it only reads."""

    detailed: bool
    _model: SlotTableModel | None
    _first_day: dt.date
    _weeks: int
    _focus_month: int | None
    _today: dt.date
    _cursor_day: dt.date
    _selected: int
    _blackouts: list[BlackoutInfo]
    _campaigns: list[CampaignInfo]
    _bars: list[BarGeometry]
    _hidden: dict[int, int]
    _drag_slot: SlotInfo | None
    _preview: tuple[dt.date, dt.date] | None
    _dragging: bool
    _key_range: tuple[dt.date, dt.date] | None

    def font(self) -> QFont: ...
    def tr(self, sourceText: str, /, disambiguation: str | None = ..., n: int = ...) -> str: ...
    def hasFocus(self) -> bool: ...
    def width(self) -> int: ...
    def height(self) -> int: ...
    def _cell_size(self) -> tuple[float, float]: ...
    def _cell_rect(self, row: int, col: int) -> QRectF: ...
    def _bar_font(self) -> QFont: ...
    def _slot(self, slot_id: int) -> SlotInfo | None: ...


def grid_line_color(palette: QPalette) -> QColor:
    return mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.13)


def bar_lines(slot: SlotInfo, *, detailed: bool) -> list[str]:
    """A bar's text: the department alone in a month, with account, status and campaign in a week."""
    if not detailed:
        return [slot.department]
    second = f"{slot.account} · {status_label(slot.status)}"
    third = slot.campaign or slot.notes or range_text(slot.start, slot.end)
    return [slot.department, second, third]


class GridPainting:
    """Painting for ``CalendarGrid``; every method draws on the painter it is given. The methods declare their
    ``self`` as ``GridHost``, so mypy checks both what they read and that the host provides it."""

    def _paint_header(self: GridHost, painter: QPainter, palette: QPalette) -> None:
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        painter.setFont(small)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        width, _ = self._cell_size()
        for col in range(7):
            rect = QRectF(WEEK_COLUMN + col * width, 0, width, HEADER_HEIGHT)
            text = weekday_short(col)
            painter.setPen(palette.color(QPalette.ColorRole.Text) if col < 5 else muted)
            painter.drawText(rect.adjusted(8, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.setPen(muted)
        painter.drawText(QRectF(0, 0, WEEK_COLUMN, HEADER_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                         self.tr("Wk", "short column title over ISO week numbers"))

    def _paint_cells(self: GridHost, painter: QPainter, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        outside = mix(base, palette.color(QPalette.ColorRole.Window), 0.75)
        weekend = mix(base, text, 0.035 if not is_dark(palette) else 0.06)
        line = grid_line_color(palette)
        number_font = QFont(self.font())
        number_font.setPointSizeF(self.font().pointSizeF() * 0.95)
        bold = QFont(number_font)
        bold.setWeight(QFont.Weight.Bold)
        hidden_font = QFont(self.font())
        hidden_font.setPointSizeF(self.font().pointSizeF() * 0.85)
        for row in range(self._weeks):
            row_rect = self._cell_rect(row, 0)
            week_day = self._first_day + dt.timedelta(days=row * 7)
            painter.setPen(muted)
            painter.setFont(number_font)
            painter.drawText(QRectF(0, row_rect.top() + 4, WEEK_COLUMN, 20), Qt.AlignmentFlag.AlignHCenter,
                             str(iso_week(week_day)))
            for col in range(7):
                day = week_day + dt.timedelta(days=col)
                rect = self._cell_rect(row, col)
                in_month = self._focus_month is None or day.month == self._focus_month
                painter.fillRect(rect, (weekend if col >= 5 else base) if in_month else outside)
                number_rect = QRectF(rect.left() + 4, rect.top() + 3, 24, 22)
                if day.day == 1 and not self.detailed and day != self._today:
                    number_rect = QRectF(rect.left() + 7, rect.top() + 3, rect.width() - 10, 22)
                if day == self._today:
                    painter.save()
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(highlight)
                    painter.drawEllipse(QRectF(rect.left() + 4, rect.top() + 3, 24, 22))
                    painter.restore()
                    painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
                    painter.setFont(bold)
                else:
                    painter.setPen(text if in_month else muted)
                    painter.setFont(number_font)
                label = str(day.day)
                if day.day == 1 and not self.detailed:
                    label = month_day_label(day)
                align = Qt.AlignmentFlag.AlignCenter if number_rect.width() <= 24 else (
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                painter.drawText(number_rect, align, label)
                hidden = self._hidden.get(row * 7 + col, 0)
                if hidden:
                    painter.setPen(muted)
                    painter.setFont(hidden_font)
                    painter.drawText(rect.adjusted(6, 0, -6, -3), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight,
                                     self.tr("+%n more", "", hidden))
        painter.setPen(QPen(line, 1))
        width, height = self._cell_size()
        for row in range(self._weeks + 1):
            y = HEADER_HEIGHT + row * height
            painter.drawLine(QPointF(WEEK_COLUMN, y), QPointF(self.width(), y))
        for col in range(8):
            x = WEEK_COLUMN + col * width
            painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, self.height()))

    def _paint_campaigns(self: GridHost, painter: QPainter, palette: QPalette) -> None:
        """A thin coloured line along the top of every day of a campaign, named on its first day in each row."""
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        painter.setFont(small)
        for campaign in self._campaigns:
            if campaign.start is None or campaign.end is None:
                continue
            color = QColor(campaign.color)
            tint, label_color = campaign_colors(color, palette)
            for segment in layout_segments(self._first_day, self._weeks, [Span(campaign.id, campaign.start, campaign.end)]):
                first = self._cell_rect(segment.row, segment.first_col)
                last = self._cell_rect(segment.row, segment.last_col)
                painter.fillRect(QRectF(first.left() + 1, first.top() + 1, last.right() - first.left() - 1,
                                        first.height() - 1), tint)
                painter.fillRect(QRectF(first.left() + 1, first.top() + 1, last.right() - first.left() - 2, 3), color)
                label_rect = QRectF(first.left() + 34, first.top() + 5, last.right() - first.left() - 40, 17)
                painter.setPen(label_color)
                elided = QFontMetrics(small).elidedText(campaign.name, Qt.TextElideMode.ElideRight, int(label_rect.width()))
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)

    def _paint_blackouts(self: GridHost, painter: QPainter, palette: QPalette) -> None:
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        small.setWeight(QFont.Weight.DemiBold)
        hatch_color = QColor(BLACKOUT_COLOR)
        hatch_color.setAlpha(70 if not is_dark(palette) else 110)
        tint = QColor(BLACKOUT_COLOR)
        tint.setAlpha(18 if not is_dark(palette) else 40)
        label_color = BLACKOUT_COLOR if not is_dark(palette) else QColor("#ff8a7a")
        for blackout in self._blackouts:
            for segment in layout_segments(self._first_day, self._weeks, [Span(blackout.id, blackout.start, blackout.end)]):
                first = self._cell_rect(segment.row, segment.first_col)
                last = self._cell_rect(segment.row, segment.last_col)
                area = QRectF(first.left() + 1, first.top() + 1, last.right() - first.left() - 1, first.height() - 1)
                painter.fillRect(area, tint)
                painter.fillRect(area, QBrush(hatch_color, Qt.BrushStyle.BDiagPattern))
                name = blackout.name if not blackout.account else f"{blackout.name} ({blackout.account})"
                text = self.tr("Blackout: %1").replace("%1", name)
                label_rect = QRectF(area.left() + 6, area.bottom() - 18, area.width() - 12, 16)
                painter.setFont(small)
                elided = QFontMetrics(small).elidedText(text, Qt.TextElideMode.ElideRight, int(label_rect.width()))
                painter.fillRect(QRectF(label_rect.left() - 2, label_rect.top(),
                                        QFontMetrics(small).horizontalAdvance(elided) + 4, label_rect.height()),
                                 palette.color(QPalette.ColorRole.Base))
                painter.setPen(label_color)
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)

    def _paint_bars(self: GridHost, painter: QPainter, palette: QPalette) -> None:
        if self._model is None:
            return
        font = self._bar_font()
        dragged = self._drag_slot.id if self._drag_slot is not None and self._dragging else None
        for bar in self._bars:
            slot = self._slot(bar.slot_id)
            if slot is None:
                continue
            if dragged == slot.id:
                painter.setOpacity(0.35)
            draw_bar(
                painter, bar.rect, color=QColor(slot.department_color), status=slot.status, palette=palette,
                lines=bar_lines(slot, detailed=self.detailed), selected=slot.id == self._selected,
                competing=bool(self._model.competing_with(slot.id)),
                continues_before=bar.segment.continues_before, continues_after=bar.segment.continues_after,
                font=font,
            )
            painter.setOpacity(1.0)

    def _paint_keyboard(self: GridHost, painter: QPainter, palette: QPalette) -> None:
        """What the keyboard is on, drawn only while the grid has the focus: a marked range of days, the day
        cursor (a solid ring; a dotted one while a slot has the keyboard), and a double ring around the selected
        slot (highlight inside, text colour outside, so it shows on any department colour)."""
        if not self.hasFocus():
            return
        if self._key_range is not None:
            _paint_days(self, painter, palette, *self._key_range)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        index = (self._cursor_day - self._first_day).days
        if 0 <= index < self._weeks * 7:
            on_slot = bool(self._selected) and self._slot(self._selected) is not None
            cell = self._cell_rect(index // 7, index % 7).adjusted(2, 2, -2, -2)
            painter.save()
            painter.setPen(QPen(highlight, 1.5 if on_slot else 2.5,
                                Qt.PenStyle.DotLine if on_slot else Qt.PenStyle.SolidLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            painter.restore()
        slot = self._slot(self._selected) if self._selected else None
        if slot is None:
            return
        rects = [bar.rect for bar in self._bars if bar.slot_id == slot.id]
        if not rects:  # no room for its bar ("+N more"): ring its days instead
            rects = [self._cell_rect(seg.row, seg.first_col).united(self._cell_rect(seg.row, seg.last_col))
                     .adjusted(3, 3, -3, -3)
                     for seg in layout_segments(self._first_day, self._weeks, [Span(slot.id, slot.start, slot.end)])]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2.0))
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 7, 7)
            painter.setPen(QPen(highlight, 2.0))
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 6, 6)
        painter.restore()

    def _paint_preview(self: GridHost, painter: QPainter, palette: QPalette) -> None:
        if self._preview is None or not self._dragging:
            return
        _paint_days(self, painter, palette, *self._preview)


def _paint_days(host: GridHost, painter: QPainter, palette: QPalette, start: dt.date, end: dt.date) -> None:
    """Days about to be booked or moved to (a drag, or a range marked by keys): a tinted, dashed area."""
    highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
    fill = QColor(highlight)
    fill.setAlpha(45)
    for segment in layout_segments(host._first_day, host._weeks, [Span(0, start, end)]):
        first = host._cell_rect(segment.row, segment.first_col)
        last = host._cell_rect(segment.row, segment.last_col)
        area = QRectF(first.left() + 2, first.top() + 2, last.right() - first.left() - 4, first.height() - 4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(fill)
        painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(area, 6, 6)
        painter.restore()
    painter.setPen(palette.color(QPalette.ColorRole.Text))
