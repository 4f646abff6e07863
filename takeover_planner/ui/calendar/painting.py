"""How a slot looks: its department's colour, and a pattern or badge for its status.

- requested: a pale fill with a dashed border (pencilled in, not yet decided)
- booked: solid colour
- confirmed: solid colour with a check mark
- completed: a muted colour with a check mark (history)
- cancelled: outline only, struck through
A requested slot that competes with another for the same days gets an orange warning corner.
Colours come from the widget's palette wherever possible, so the calendar works on a dark system palette too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.ui.contrast import legible, text_color_on

WARNING_COLOR = QColor("#e8890c")
BLACKOUT_COLOR = QColor("#c0392b")


def luminance(color: QColor) -> float:
    return 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()


def readable_on(background: QColor) -> QColor:
    """Text on a department's colour: near-black or white by WCAG contrast (4.5:1 at least)."""
    return text_color_on(background)


def campaign_colors(color: QColor, palette: QPalette) -> tuple[QColor, QColor]:
    """(tint, label) for a campaign's days: a see-through wash of its colour, and its name in a darker (lighter on
    dark) shade of that colour that still reads at 4.5:1 on the washed day."""
    tint = QColor(color)
    tint.setAlpha(22 if not is_dark(palette) else 40)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    washed = mix(base, color, tint.alphaF())
    return tint, legible(mix(color, text, 0.3), washed, text)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``b`` mixed into ``a``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
        1.0,
    )


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Base)) < 0.4


def bar_colors(base_color: QColor, status: SlotStatus, palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """(fill, border, text) for a bar."""
    base = palette.color(QPalette.ColorRole.Base)
    if status == SlotStatus.REQUESTED:
        fill = mix(base, base_color, 0.22 if not is_dark(palette) else 0.35)
        return fill, base_color, palette.color(QPalette.ColorRole.Text)
    if status == SlotStatus.COMPLETED:
        fill = mix(base_color, palette.color(QPalette.ColorRole.Mid), 0.55)
        return fill, fill, readable_on(fill)
    if status == SlotStatus.CANCELLED:
        text = palette.color(QPalette.ColorRole.Text)  # muted, but not below 4.5:1 (Qt's placeholder grey is 4:1)
        return base, palette.color(QPalette.ColorRole.Mid), legible(palette.color(QPalette.ColorRole.PlaceholderText), base, text)
    return base_color, base_color.darker(115), readable_on(base_color)


def draw_check(painter: QPainter, rect: QRectF, color: QColor) -> None:
    path = QPainterPath()
    path.moveTo(rect.left() + rect.width() * 0.15, rect.top() + rect.height() * 0.55)
    path.lineTo(rect.left() + rect.width() * 0.42, rect.top() + rect.height() * 0.8)
    path.lineTo(rect.left() + rect.width() * 0.88, rect.top() + rect.height() * 0.22)
    pen = QPen(color, max(1.6, rect.height() * 0.16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def draw_warning(painter: QPainter, rect: QRectF) -> None:
    """A small orange triangle with '!' at the bar's right end: competing requests."""
    size = min(rect.height() - 4, 14.0)
    right = rect.right() - 3
    top = rect.center().y() - size / 2
    triangle = QPainterPath()
    triangle.moveTo(right - size / 2, top)
    triangle.lineTo(right, top + size)
    triangle.lineTo(right - size, top + size)
    triangle.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(WARNING_COLOR)
    painter.drawPath(triangle)
    painter.setPen(QPen(QColor("#ffffff"), 1.6))
    cx = right - size / 2
    painter.drawLine(QPointF(cx, top + size * 0.35), QPointF(cx, top + size * 0.68))
    painter.drawPoint(QPointF(cx, top + size * 0.84))


def draw_bar(
    painter: QPainter,
    rect: QRectF,
    *,
    color: QColor,
    status: SlotStatus,
    palette: QPalette,
    lines: list[str],
    selected: bool,
    competing: bool,
    continues_before: bool,
    continues_after: bool,
    font: QFont,
) -> None:
    fill, border, text_color = bar_colors(color, status, palette)
    radius = min(5.0, rect.height() / 3)
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(fill)
    pen = QPen(border, 1.4)
    if status in (SlotStatus.REQUESTED, SlotStatus.CANCELLED):
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawPath(path)
    if status == SlotStatus.REQUESTED:
        # A coloured spine on the left keeps the department's colour readable on a pale bar.
        spine = QRectF(rect.left(), rect.top(), 4, rect.height())
        if not continues_before:
            spine_path = QPainterPath()
            spine_path.addRoundedRect(spine.adjusted(0.7, 0.7, 0, -0.7), 2, 2)
            painter.fillPath(spine_path, color)
    if continues_before or continues_after:
        # Little arrows say "this slot goes on in the row before / after".
        painter.setPen(QPen(text_color, 1.2))
        mid = rect.center().y()
        if continues_before:
            painter.drawLine(QPointF(rect.left() + 6, mid - 3), QPointF(rect.left() + 3, mid))
            painter.drawLine(QPointF(rect.left() + 3, mid), QPointF(rect.left() + 6, mid + 3))
        if continues_after:
            painter.drawLine(QPointF(rect.right() - 6, mid - 3), QPointF(rect.right() - 3, mid))
            painter.drawLine(QPointF(rect.right() - 3, mid), QPointF(rect.right() - 6, mid + 3))
    text_left = rect.left() + (11 if continues_before or status == SlotStatus.REQUESTED else 7)
    if status in (SlotStatus.CONFIRMED, SlotStatus.COMPLETED):
        badge = QRectF(text_left - 1, rect.top() + (min(rect.height(), 22) - 12) / 2, 12, 12)
        draw_check(painter, badge, text_color)
        text_left += 15
    text_right = rect.right() - (18 if competing else 6) - (6 if continues_after else 0)
    painter.setPen(text_color)
    metrics = QFontMetrics(font)
    line_height = metrics.height()
    y = rect.top() + max(2.0, (min(rect.height(), 22) - line_height) / 2)
    for index, line in enumerate(lines):
        if y + line_height > rect.bottom() + 1:
            break
        line_font = QFont(font)
        if index == 0:
            line_font.setWeight(QFont.Weight.DemiBold)
        if status == SlotStatus.CANCELLED:
            line_font.setStrikeOut(True)
        painter.setFont(line_font)
        width = max(0.0, text_right - text_left)
        elided = QFontMetrics(line_font).elidedText(line, Qt.TextElideMode.ElideRight, int(width))
        painter.drawText(QRectF(text_left, y, width, line_height), Qt.AlignmentFlag.AlignVCenter, elided)
        y += line_height + 1
    if competing:
        draw_warning(painter, QRectF(rect.left(), rect.top(), rect.width(), min(rect.height(), 22)))
    if selected:
        focus = QPen(palette.color(QPalette.ColorRole.Highlight), 2.4)
        painter.setPen(focus)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1, radius + 1)
    painter.restore()
