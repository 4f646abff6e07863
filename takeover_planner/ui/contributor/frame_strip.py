"""The reorderable strip of frame thumbnails; files dropped on it become new frames."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImage,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from takeover_planner.services.contributor_work import WorkFrame
from takeover_planner.services.split_parts import work_part_labels

ID_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB = QSize(108, 192)
VERDICT_COLOURS = {"ok": "#2e9e6a", "advice": "#e8890c", "error": "#c2415d", "pending": "#8a8f98"}


class FrameStrip(QListWidget):
    files_dropped = Signal(list)  # list[Path]
    order_changed = Signal(list)  # list[int]: frame ids in the new order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameStrip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 44))
        self.setMovement(QListView.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setFixedHeight(THUMB.height() + 70)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.model().rowsMoved.connect(lambda *_: self.order_changed.emit(self.frame_ids()))

    def frame_ids(self) -> list[int]:
        return [int(self.item(row).data(ID_ROLE)) for row in range(self.count())]

    def set_frames(self, frames: list[WorkFrame], thumbnails: dict[int, QImage]) -> None:
        current = self.currentItem().data(ID_ROLE) if self.currentItem() is not None else None
        self.blockSignals(True)
        self.clear()
        parts = work_part_labels(frames)
        for number, frame in enumerate(frames, start=1):
            part = parts.get(frame.id)
            label = f"{number}. {frame.name}" + (f"\n({part.text})" if part is not None else "")
            item = QListWidgetItem(QIcon(_badge(thumbnails.get(frame.id), frame.verdict)), label)
            item.setData(ID_ROLE, frame.id)
            item.setToolTip(frame.name)
            self.addItem(item)
            if frame.id == current:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def select_id(self, frame_id: int) -> None:
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == frame_id:
                self.setCurrentRow(row)

    # Files from the desktop or a file manager: accept them; moves inside the strip: let Qt reorder.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and event.source() is not self:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and event.source() is not self:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and event.source() is not self:
            paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
            event.acceptProposedAction()
            if paths:
                self.files_dropped.emit(paths)
            return
        super().dropEvent(event)


def _badge(image: QImage | None, verdict: str) -> QPixmap:
    """The thumbnail on a 9:16 card, with a coloured dot for the file's verdict."""
    card = QPixmap(THUMB)
    card.fill(QColor("#1d1d1f"))
    painter = QPainter(card)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if image is not None and not image.isNull():
        scaled = image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        painter.drawImage((THUMB.width() - scaled.width()) // 2, (THUMB.height() - scaled.height()) // 2, scaled)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(VERDICT_COLOURS.get(verdict, "#8a8f98")))
    painter.drawEllipse(THUMB.width() - 22, 6, 16, 16)
    painter.end()
    return card
