"""A phone-sized 9:16 story preview with Instagram's safe zones drawn over it (toggleable).

The picture is fitted the way the story will show it: the published file is 9:16 already when it was
fixed; anything else is shown letterboxed on black, as the phone would. The safe zones (about the top 14 %
and bottom 20 % of the story, where Instagram draws its own buttons) are shaded and labelled.

A frame's on-screen text is drawn over it exactly as it will be burned in: the same panel image
(``services/text_preview.py`` → ``media/text_overlay.text_panel``), placed and scaled by the same numbers —
over the picture for a picture, over the whole screen for a video (which is fitted to 9:16 first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from takeover_planner.services.text_preview import TextOverlay

SAFE_TOP = 250 / 1920  # Meta's ads guide: keep text and logos out of the top ~14 %
SAFE_BOTTOM = 340 / 1920  # … and the bottom ~18–20 %
ASPECT = 9 / 16


class PhonePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = ""
        self._safe_zones = True
        self._overlay: TextOverlay | None = None
        self._overlay_image: QImage | None = None
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

    def set_text_overlay(self, overlay: TextOverlay | None) -> None:
        """The frame's on-screen text as it will be burned in (None: nothing is burned into this frame)."""
        self._overlay = overlay
        self._overlay_image = None
        if overlay is not None and overlay.rgba:
            self._overlay_image = QImage(overlay.rgba, overlay.width, overlay.height, overlay.width * 4,
                                         QImage.Format.Format_RGBA8888).copy()  # a copy: the bytes may go
        self.update()

    def text_overlay(self) -> TextOverlay | None:
        return self._overlay

    def overlay_rect(self) -> QRectF | None:
        """Where the text's panel is drawn in the widget (None: no panel, or no picture to lay it on)."""
        overlay = self._overlay
        canvas = self._canvas_rect()
        if overlay is None or self._overlay_image is None or canvas is None:
            return None
        scale = canvas.width() / overlay.canvas_width
        return QRectF(canvas.left() + overlay.left * scale, canvas.top() + overlay.top * scale,
                      overlay.width * scale, overlay.height * scale)

    def _picture_rect(self) -> QRectF | None:
        if self._image is None:
            return None
        screen = self.screen_rect()
        size = self._image.size().scaled(screen.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, size.width(), size.height())
        target.moveCenter(screen.center())
        return target

    def _canvas_rect(self) -> QRectF | None:
        """What the text is set on: the whole screen for a video, the picture as shown for a picture."""
        if self._overlay is not None and self._overlay.over_screen:
            return self.screen_rect()
        return self._picture_rect()

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
        target = self._picture_rect()
        if self._image is not None and target is not None:
            painter.drawImage(target, self._image)
            self._paint_text(painter, screen)
        else:
            painter.setPen(QColor("#bbbbbb"))
            painter.drawText(screen.adjusted(16, 16, -16, -16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._message or self.tr("No picture"))
        if self._safe_zones:
            self._paint_safe_zones(painter, screen)
        painter.end()

    def _paint_text(self, painter: QPainter, screen: QRectF) -> None:
        rect = self.overlay_rect()
        if rect is not None and self._overlay_image is not None:
            painter.drawImage(rect, self._overlay_image)
        elif self._overlay is not None and self._overlay.problem:
            # Nothing would be burned in: say why where the text would have gone.
            band = QRectF(screen.left() + 8, screen.top() + screen.height() * 0.62, screen.width() - 16,
                          screen.height() * 0.16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(179, 38, 30, 225))
            painter.drawRoundedRect(band, 8, 8)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(band.adjusted(8, 4, -8, -4), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._overlay.problem)

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
