"""A key to the calendar's bar styles (status patterns, competing requests, blackouts), drawn with the same
painter code as the calendar so it always matches."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.ui.calendar.painting import BLACKOUT_COLOR, draw_bar, is_dark
from takeover_planner.ui.labels import status_label

SAMPLE_COLOR = QColor("#2f6fde")
ROW = 24


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._retranslate()

    def _entries(self) -> list[tuple[str, SlotStatus | None, bool]]:
        entries: list[tuple[str, SlotStatus | None, bool]] = [
            (status_label(s), s, False) for s in SlotStatus
        ]
        entries.append((self.tr("Competing request"), SlotStatus.REQUESTED, True))
        entries.append((self.tr("Blackout period"), None, False))
        return entries

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Calendar key"))
        self.setAccessibleDescription("; ".join(label for label, _s, _c in self._entries()))
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        rows = (len(self._entries()) + 1) // 2
        return QSize(260, rows * ROW + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        column_width = self.width() / 2
        for index, (label, status, competing) in enumerate(self._entries()):
            row, col = divmod(index, 2)
            x = col * column_width
            y = row * ROW + 2
            swatch = QRectF(x + 2, y + 3, 34, ROW - 8)
            if status is None:
                tint = QColor(BLACKOUT_COLOR)
                tint.setAlpha(30 if not is_dark(palette) else 50)
                painter.fillRect(swatch, tint)
                hatch = QColor(BLACKOUT_COLOR)
                hatch.setAlpha(110)
                painter.fillRect(swatch, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            else:
                draw_bar(painter, swatch, color=SAMPLE_COLOR, status=status, palette=palette, lines=[],
                         selected=False, competing=competing, continues_before=False, continues_after=False,
                         font=font)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(x + 42, y, column_width - 44, ROW - 2),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        painter.end()
