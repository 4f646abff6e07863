"""The month and week calendars: a grid of whole ISO weeks that draws the slot model's rows as bars.

The same widget shows a month (4–6 week rows, compact bars) and a week (one row, tall bars with more text).
It only draws and reports gestures; the main window decides what a gesture means:
- drag across empty days  → ``range_drawn(start, end)`` (book those days)
- drag a bar              → ``move_requested(slot_id, start, end, global_pos)``; drag a bar's end to resize
- click / double-click    → ``slot_selected`` / ``slot_activated``; double-click an empty day → ``day_activated``
- right-click a bar       → ``context_menu_requested(slot_id, global_pos)``
Keyboard: arrows move the day cursor, Enter books from that day, Escape drops a drag.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.ui.calendar.grid_painting import HEADER_HEIGHT, WEEK_COLUMN, GridPainting
from takeover_planner.ui.calendar.layout import Segment, Span, layout_segments
from takeover_planner.ui.calendar.painting import WARNING_COLOR
from takeover_planner.ui.calendar.slot_model import SlotTableModel
from takeover_planner.ui.i18n import range_text
from takeover_planner.ui.labels import status_label

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.catalog import BlackoutInfo, CampaignInfo

EDGE_GRAB = 6  # pixels at a bar's end that resize instead of move


class Gesture(enum.Enum):
    NONE = 0
    CREATE = 1
    MOVE = 2
    RESIZE_START = 3
    RESIZE_END = 4


@dataclass(frozen=True)
class BarGeometry:
    slot_id: int
    rect: QRectF
    segment: Segment


class CalendarGrid(GridPainting, QWidget):
    slot_selected = Signal(int)  # 0: nothing selected
    slot_activated = Signal(int)
    day_activated = Signal(object)
    range_drawn = Signal(object, object)
    move_requested = Signal(int, object, object, QPoint)
    context_menu_requested = Signal(int, QPoint)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None, *, detailed: bool = False) -> None:
        super().__init__(parent)
        self.detailed = detailed
        self._model: SlotTableModel | None = None
        self._first_day = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self._weeks = 6 if not detailed else 1
        self._focus_month: int | None = None
        self._today = dt.date.today()
        self._blackouts: list[BlackoutInfo] = []
        self._campaigns: list[CampaignInfo] = []
        self._selected = 0
        self._cursor_day = self._today
        self._bars: list[BarGeometry] = []
        self._hidden: dict[int, int] = {}  # day index -> bars that did not fit
        self._dirty = True
        self._loading = False
        # drag state
        self._gesture = Gesture.NONE
        self._press_pos = QPoint()
        self._press_day: dt.date | None = None
        self._drag_slot: SlotInfo | None = None
        self._preview: tuple[dt.date, dt.date] | None = None
        self._dragging = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # --- configuration -------------------------------------------------------------------------------

    def set_model(self, model: SlotTableModel) -> None:
        self._model = model
        for signal in (model.modelReset, model.dataChanged, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._on_model_changed)
        self._on_model_changed()

    def set_range(self, first_day: dt.date, weeks: int, focus_month: int | None = None) -> None:
        if (first_day, weeks, focus_month) == (self._first_day, self._weeks, self._focus_month):
            return
        self._first_day, self._weeks, self._focus_month = first_day, weeks, focus_month
        if not self.first_day <= self._cursor_day <= self.last_day:
            self._cursor_day = first_day if not (first_day <= self._today <= self.last_day) else self._today
        self._invalidate()

    @property
    def first_day(self) -> dt.date:
        return self._first_day

    @property
    def last_day(self) -> dt.date:
        return self._first_day + dt.timedelta(days=self._weeks * 7 - 1)

    @property
    def weeks(self) -> int:
        return self._weeks

    def set_overlays(self, blackouts: list[BlackoutInfo], campaigns: list[CampaignInfo]) -> None:
        self._blackouts = list(blackouts)
        self._campaigns = list(campaigns)
        self._invalidate()

    def set_selected(self, slot_id: int) -> None:
        if slot_id != self._selected:
            self._selected = slot_id
            self.update()

    def set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.update()

    def selected(self) -> int:
        return self._selected

    def bar_rects(self) -> dict[int, list[QRectF]]:
        """Where each slot is drawn (tests and accessibility use it to find a slot on screen)."""
        self._ensure_layout()
        found: dict[int, list[QRectF]] = {}
        for bar in self._bars:
            found.setdefault(bar.slot_id, []).append(QRectF(bar.rect))
        return found

    def day_rect(self, day: dt.date) -> QRectF:
        index = (day - self._first_day).days
        row, col = divmod(index, 7)
        return self._cell_rect(row, col)

    def _on_model_changed(self, *_args: Any) -> None:
        self._invalidate()

    def _invalidate(self) -> None:
        self._dirty = True
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange, QEvent.Type.PaletteChange,
                            QEvent.Type.FontChange):
            self._invalidate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(760, 560 if not self.detailed else 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(420, 260 if not self.detailed else 200)

    # --- geometry ---------------------------------------------------------------------------------------

    def _cell_size(self) -> tuple[float, float]:
        width = (self.width() - WEEK_COLUMN) / 7
        height = (self.height() - HEADER_HEIGHT) / max(1, self._weeks)
        return width, height

    def _cell_rect(self, row: int, col: int) -> QRectF:
        width, height = self._cell_size()
        return QRectF(WEEK_COLUMN + col * width, HEADER_HEIGHT + row * height, width, height)

    def _bar_metrics(self) -> tuple[float, float, float]:
        """(top offset inside a cell, bar height, gap)."""
        line = QFontMetrics(self._bar_font()).height()
        if self.detailed:
            return 34.0, line * 3 + 12, 6.0
        return 26.0, max(20.0, line + 6), 3.0

    def _bar_font(self) -> QFont:
        font = QFont(self.font())
        if not self.detailed:
            font.setPointSizeF(max(7.5, font.pointSizeF() * 0.92))
        return font

    def _ensure_layout(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._bars = []
        self._hidden = {}
        if self._model is None:
            return
        slots = {s.id: s for s in self._model.slots()}
        spans = [Span(s.id, s.start, s.end) for s in slots.values()]
        segments = layout_segments(self._first_day, self._weeks, spans)
        top, bar_height, gap = self._bar_metrics()
        _width, cell_height = self._cell_size()
        bottom_reserve = 18.0  # room for a blackout label or "+N more"
        fitting = max(1, int((cell_height - top - bottom_reserve + gap) // (bar_height + gap)))
        for segment in segments:
            if segment.lane >= fitting:
                for col in range(segment.first_col, segment.last_col + 1):
                    index = segment.row * 7 + col
                    self._hidden[index] = self._hidden.get(index, 0) + 1
                continue
            first = self._cell_rect(segment.row, segment.first_col)
            last = self._cell_rect(segment.row, segment.last_col)
            y = first.top() + top + segment.lane * (bar_height + gap)
            left = first.left() + (1 if segment.continues_before else 4)
            right = last.right() - (1 if segment.continues_after else 4)
            self._bars.append(BarGeometry(segment.key, QRectF(left, y, right - left, bar_height), segment))

    def day_at(self, pos: QPointF | QPoint, *, clamp: bool = False) -> dt.date | None:
        width, height = self._cell_size()
        x, y = float(pos.x()), float(pos.y())
        if clamp:
            x = min(max(x, WEEK_COLUMN + 1), self.width() - 1)
            y = min(max(y, HEADER_HEIGHT + 1), self.height() - 1)
        if x < WEEK_COLUMN or y < HEADER_HEIGHT or width <= 0 or height <= 0:
            return None
        col = min(6, int((x - WEEK_COLUMN) // width))
        row = min(self._weeks - 1, int((y - HEADER_HEIGHT) // height))
        return self._first_day + dt.timedelta(days=row * 7 + col)

    def bar_at(self, pos: QPointF | QPoint) -> BarGeometry | None:
        self._ensure_layout()
        point = QPointF(pos)
        for bar in reversed(self._bars):
            if bar.rect.adjusted(-1, -1, 1, 1).contains(point):
                return bar
        return None

    def _slot(self, slot_id: int) -> SlotInfo | None:
        if self._model is None:
            return None
        row = self._model.row_of(slot_id)
        return self._model.slot_at(row) if row >= 0 else None

    # --- painting ---------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._ensure_layout()
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        self._paint_header(painter, palette)
        self._paint_cells(painter, palette)
        self._paint_campaigns(painter, palette)
        self._paint_blackouts(painter, palette)
        self._paint_bars(painter, palette)
        self._paint_preview(painter, palette)
        if self._loading and not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect().adjusted(WEEK_COLUMN, HEADER_HEIGHT, 0, 0), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Loading…"))
        painter.end()
        self.painted.emit()

    # --- mouse and keyboard ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        bar = self.bar_at(pos)
        if event.button() == Qt.MouseButton.RightButton:
            if bar is not None:
                self._select(bar.slot_id)
                self.context_menu_requested.emit(bar.slot_id, event.globalPosition().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._press_pos = pos.toPoint()
        self._press_day = self.day_at(pos)
        self._dragging = False
        self._preview = None
        if bar is not None:
            self._select(bar.slot_id)
            slot = self._slot(bar.slot_id)
            self._drag_slot = slot
            movable = slot is not None and slot.status not in (SlotStatus.COMPLETED, SlotStatus.CANCELLED)
            if not movable:
                self._gesture = Gesture.NONE
            elif pos.x() <= bar.rect.left() + EDGE_GRAB and not bar.segment.continues_before:
                self._gesture = Gesture.RESIZE_START
            elif pos.x() >= bar.rect.right() - EDGE_GRAB and not bar.segment.continues_after:
                self._gesture = Gesture.RESIZE_END
            else:
                self._gesture = Gesture.MOVE
        elif self._press_day is not None:
            self._select(0)
            self._drag_slot = None
            self._gesture = Gesture.CREATE
            self._cursor_day = self._press_day
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._gesture == Gesture.NONE or not event.buttons() & Qt.MouseButton.LeftButton:
            self._update_cursor_shape(pos)
            return
        if not self._dragging:
            if (pos.toPoint() - self._press_pos).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
        day = self.day_at(pos, clamp=True)
        if day is None or self._press_day is None:
            return
        self._preview = self._preview_for(day)
        self.update()

    def _preview_for(self, day: dt.date) -> tuple[dt.date, dt.date] | None:
        anchor = self._press_day
        slot = self._drag_slot
        if anchor is None:
            return None
        if self._gesture == Gesture.CREATE:
            return (min(anchor, day), max(anchor, day))
        if slot is None:
            return None
        if self._gesture == Gesture.MOVE:
            shift = day - anchor
            return (slot.start + shift, slot.end + shift)
        if self._gesture == Gesture.RESIZE_START:
            return (min(day, slot.end), slot.end)
        if self._gesture == Gesture.RESIZE_END:
            return (slot.start, max(day, slot.start))
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        gesture, preview, slot, dragging = self._gesture, self._preview, self._drag_slot, self._dragging
        self._reset_drag()
        if not dragging or preview is None:
            return
        if gesture == Gesture.CREATE:
            self.range_drawn.emit(preview[0], preview[1])
        elif slot is not None and (preview[0], preview[1]) != (slot.start, slot.end):
            self.move_requested.emit(slot.id, preview[0], preview[1], event.globalPosition().toPoint())

    def _reset_drag(self) -> None:
        self._gesture = Gesture.NONE
        self._dragging = False
        self._preview = None
        self._drag_slot = None
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        bar = self.bar_at(event.position())
        if bar is not None:
            self.slot_activated.emit(bar.slot_id)
            return
        day = self.day_at(event.position())
        if day is not None:
            self.day_activated.emit(day)

    def _update_cursor_shape(self, pos: QPointF) -> None:
        bar = self.bar_at(pos)
        if bar is None:
            self.unsetCursor()
        elif (pos.x() <= bar.rect.left() + EDGE_GRAB and not bar.segment.continues_before) or (
            pos.x() >= bar.rect.right() - EDGE_GRAB and not bar.segment.continues_after
        ):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)

    def _select(self, slot_id: int) -> None:
        if slot_id != self._selected:
            self._selected = slot_id
            self.update()
        self.slot_selected.emit(slot_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps: dict[int, int] = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key == Qt.Key.Key_Escape and self._gesture != Gesture.NONE:
            self._reset_drag()
            return
        if key in steps:
            day = self._cursor_day + dt.timedelta(days=steps[key])
            if self.first_day <= day <= self.last_day:
                self._cursor_day = day
                self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._selected:
                self.slot_activated.emit(self._selected)
            else:
                self.day_activated.emit(self._cursor_day)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos())
            slot = self._slot(bar.slot_id) if bar is not None else None
            if slot is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self._tooltip(slot), self)
            return True
        return super().event(event)

    def _tooltip(self, slot: SlotInfo) -> str:
        lines = [f"<b>{_escape(slot.department)}</b>", _escape(range_text(slot.start, slot.end)),
                 _escape(f"{slot.account} · {status_label(slot.status)}")]
        if slot.campaign:
            lines.append(_escape(slot.campaign))
        competing = self._model.competing_with(slot.id) if self._model is not None else []
        if competing:
            ids = ", ".join(f"#{i}" for i in competing)
            lines.append(f"<span style='color:{WARNING_COLOR.name()}'>"
                         + _escape(self.tr("Competes for the same days with %1").replace("%1", ids)) + "</span>")
        return "<br>".join(lines)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.update()

    def resizeEvent(self, event: Any) -> None:
        self._dirty = True
        super().resizeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
