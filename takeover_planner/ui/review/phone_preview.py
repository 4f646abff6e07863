"""A phone-sized 9:16 story preview with Instagram's safe zones drawn over it (toggleable).

The picture is fitted the way the story will show it: the published file is 9:16 already when it was
fixed; anything else is shown letterboxed on black, as the phone would. The safe zones (about the top 14 %
and bottom 20 % of the story, where Instagram draws its own buttons) are shaded and labelled.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SAFE_TOP = 250 / 1920  # Meta's ads guide: keep text and logos out of the top ~14 %
SAFE_BOTTOM = 340 / 1920  # … and the bottom ~18–20 %
ASPECT = 9 / 16


class PhonePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = ""
        self._safe_zones = True
        self.setMinimumSize(QSize(180, 320))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Story preview"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(300, 533)

    def set_image(self, image: QImage | None, message: str = "") -> None:
        self._image = image if image is not None and not image.isNull() else None
        self._message = message
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def set_safe_zones(self, shown: bool) -> None:
        self._safe_zones = shown
        self.update()

    def safe_zones_shown(self) -> bool:
        return self._safe_zones

    def screen_rect(self) -> QRectF:
        """Where the 9:16 story screen sits inside the widget (centred, with room for the phone's bezel)."""
        margin = 10.0
        width, height = self.width() - 2 * margin, self.height() - 2 * margin
        if width / max(height, 1) > ASPECT:
            width = height * ASPECT
        else:
            height = width / ASPECT
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        screen = self.screen_rect()
        bezel = screen.adjusted(-7, -7, 7, 7)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1d1d1f"))
        painter.drawRoundedRect(bezel, 22, 22)
        clip = QPainterPath()
        clip.addRoundedRect(screen, 16, 16)
        painter.setClipPath(clip)
        painter.fillRect(screen, QColor("#000000"))
        if self._image is not None:
            size = self._image.size().scaled(screen.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, size.width(), size.height())
            target.moveCenter(screen.center())
            painter.drawImage(target, self._image)
        else:
            painter.setPen(QColor("#bbbbbb"))
            painter.drawText(screen.adjusted(16, 16, -16, -16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._message or self.tr("No picture"))
        if self._safe_zones:
            self._paint_safe_zones(painter, screen)
        painter.end()

    def _paint_safe_zones(self, painter: QPainter, screen: QRectF) -> None:
        top = QRectF(screen.left(), screen.top(), screen.width(), screen.height() * SAFE_TOP)
        bottom_h = screen.height() * SAFE_BOTTOM
        bottom = QRectF(screen.left(), screen.bottom() - bottom_h, screen.width(), bottom_h)
        shade = QColor(220, 40, 60, 70)
        painter.fillRect(top, shade)
        painter.fillRect(bottom, shade)
        pen = QPen(QColor(255, 255, 255, 200), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(top.bottomLeft(), top.bottomRight())
        painter.drawLine(bottom.topLeft(), bottom.topRight())
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255, 230))
        label = self.tr("Keep text out of here")
        painter.drawText(top.adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter, label)
        painter.drawText(bottom.adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter, label)
