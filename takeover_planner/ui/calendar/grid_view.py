"""The month and week calendars: a grid of whole ISO weeks that draws the slot model's rows as bars.

The same widget shows a month (4–6 week rows, compact bars) and a week (one row, tall bars with more text).
It only draws and reports gestures; the main window decides what a gesture means:
- drag across empty days  → ``range_drawn(start, end)`` (book those days)
- drag a bar              → ``move_requested(slot_id, start, end, global_pos)``; drag a bar's end to resize
- click / double-click    → ``slot_selected`` / ``slot_activated``; double-click an empty day → ``day_activated``
- right-click a bar       → ``context_menu_requested(slot_id, global_pos)``
The keyboard reaches everything the mouse does (the keys are listed for people in ``ui/keyboard_map.py``; where
they go is ``day_cursor.py``):
- arrows, Home/End (the week row's first/last day), Page Up/Down (a month; a week in the week view) move the day
  cursor (``cursor_moved``); leaving the shown days asks the page to show the cursor's period (``navigate_requested``)
- Shift with any of those marks a range of days; Enter books it (``range_drawn``, as a drag does) or the cursor's day
- Tab / Shift+Tab walk the visible slots in date order (``slot_selected``), then leave the grid; Space walks the
  slots of the cursor's day
- on a selected slot: Enter opens it (``slot_activated``, as a double click), Shift+F10 or the Menu key opens its
  context menu at the slot (``context_menu_requested``), Delete asks to cancel it (``cancel_requested``)
- Escape drops a marked range or a drag.
The accessibility layer reads ``visible_slots``, ``bar_rects``, ``day_rect`` and ``cursor_day``.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
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
from takeover_planner.ui.calendar.accessibility import install_factory
from takeover_planner.ui.calendar.day_cursor import Step, Stop, in_date_order, moved, next_slot, slots_on
from takeover_planner.ui.calendar.grid_painting import HEADER_HEIGHT, WEEK_COLUMN, GridPainting
from takeover_planner.ui.calendar.layout import Segment, Span, layout_segments
from takeover_planner.ui.calendar.painting import WARNING_COLOR
from takeover_planner.ui.calendar.slot_model import SlotTableModel
from takeover_planner.ui.focus_ring import OWN_FOCUS_MARK
from takeover_planner.ui.i18n import range_text
from takeover_planner.ui.labels import status_label

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.catalog import BlackoutInfo, CampaignInfo

EDGE_GRAB = 6  # pixels at a bar's end that resize instead of move
KEY_STEPS: dict[int, Step] = {
    Qt.Key.Key_Left: Step.LEFT, Qt.Key.Key_Right: Step.RIGHT, Qt.Key.Key_Up: Step.UP, Qt.Key.Key_Down: Step.DOWN,
    Qt.Key.Key_Home: Step.ROW_START, Qt.Key.Key_End: Step.ROW_END,
    Qt.Key.Key_PageUp: Step.PAGE_BACK, Qt.Key.Key_PageDown: Step.PAGE_FORWARD,
}
# With these held, the keys above belong to the window's shortcuts (Alt+Left, Ctrl+PgUp: the previous period).
NOT_CURSOR_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                        | Qt.KeyboardModifier.MetaModifier)


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
    cancel_requested = Signal(int)  # Delete on a selected slot
    cursor_moved = Signal(object)  # the day cursor's new day
    navigate_requested = Signal(object)  # the cursor left the shown days: show this day's period
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
        # Shift+arrows: the day the range was started from, and the marked days (painted, booked by Enter)
        self._range_anchor: dt.date | None = None
        self._key_range: tuple[dt.date, dt.date] | None = None
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
        self.setProperty(OWN_FOCUS_MARK, True)  # it rings the day the keyboard is on, not the whole grid
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        install_factory()  # screen readers see the slots and days as items (accessibility.py)

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
            self._set_cursor(first_day if not (first_day <= self._today <= self.last_day) else self._today)
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

    def cursor_day(self) -> dt.date:
        """The day the keyboard is on (drawn with a ring while the grid has the focus)."""
        return self._cursor_day

    def set_cursor_day(self, day: dt.date) -> None:
        """Put the day cursor on a shown day (a day outside the shown weeks is ignored)."""
        if self.first_day <= day <= self.last_day:
            self._set_cursor(day)

    def key_range(self) -> tuple[dt.date, dt.date] | None:
        """The days marked with Shift+arrows (first, last), if any."""
        return self._key_range

    def visible_slots(self) -> list[SlotInfo]:
        """The slots on the shown days, in date order: the order Tab walks them (and screen readers list them)."""
        if self._model is None:
            return []
        shown = {s.id: s for s in self._model.slots() if s.start <= self.last_day and s.end >= self.first_day}
        return [shown[stop.slot_id] for stop in in_date_order(self._stops(list(shown.values())))]

    def slot_anchor(self, slot_id: int) -> QPoint:
        """Where a slot's menu opens when asked for by keyboard: below its first bar (global coordinates), or on
        its first shown day when the day has no room for its bar."""
        rects = self.bar_rects().get(slot_id)
        if rects:
            return self.mapToGlobal(QPointF(rects[0].left() + 4, rects[0].bottom() + 2).toPoint())
        slot = self._slot(slot_id)
        day = max(slot.start, self.first_day) if slot is not None else self._cursor_day
        return self.mapToGlobal(self.day_rect(min(day, self.last_day)).center().toPoint())

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
        self._paint_keyboard(painter, palette)
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
            self._set_cursor(self._press_day)
        self._clear_range()
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

    # --- keyboard ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        if key == Qt.Key.Key_Escape and (self._gesture != Gesture.NONE or self._key_range is not None):
            self._reset_drag()
            self._clear_range()
            return
        step = KEY_STEPS.get(key)
        if step is not None and not modifiers & NOT_CURSOR_MODIFIERS:
            self._move_cursor(step, extend=bool(modifiers & Qt.KeyboardModifier.ShiftModifier))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate()
            return
        if key == Qt.Key.Key_Space:
            self._select_on_cursor_day()
            return
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and modifiers & Qt.KeyboardModifier.ShiftModifier):
            self._open_menu_by_keys()
            return
        if key == Qt.Key.Key_Delete and self._selected_visible():
            self.cancel_requested.emit(self._selected)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # The Menu key may arrive as a context menu event of its own; a right click is handled on the press.
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._open_menu_by_keys()
            event.accept()
            return
        event.ignore()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab and Shift+Tab go from slot to slot while there is one in that direction, then on out of the grid."""
        if self.hasFocus():
            target = next_slot(self._stops(), self._selected, forward=next)
            if target is not None:
                self._clear_range()
                self._select(target)
                slot = self._slot(target)
                if slot is not None and not slot.start <= self._cursor_day <= slot.end:
                    self._set_cursor(min(max(slot.start, self.first_day), self.last_day))
                return True
        return super().focusNextPrevChild(next)

    def _stops(self, slots: list[SlotInfo] | None = None) -> list[Stop]:
        if slots is None:
            slots = self.visible_slots()
        return [Stop(s.id, s.start, s.end) for s in slots]

    def _selected_visible(self) -> bool:
        return bool(self._selected) and any(s.id == self._selected for s in self.visible_slots())

    def _set_cursor(self, day: dt.date) -> None:
        if day != self._cursor_day:
            self._cursor_day = day
            self.update()
            self.cursor_moved.emit(day)

    def _clear_range(self) -> None:
        if self._key_range is not None or self._range_anchor is not None:
            self._range_anchor = None
            self._key_range = None
            self.update()

    def _move_cursor(self, step: Step, *, extend: bool) -> None:
        before = self._cursor_day
        day = moved(before, step, week_view=self.detailed)
        if extend:
            anchor = self._range_anchor = self._range_anchor or before
            self._key_range = (min(anchor, day), max(anchor, day))
        else:
            self._range_anchor = None
            self._key_range = None
        if self._selected:
            self._select(0)  # the keyboard is on a day now, so Enter books instead of opening the slot
        self._set_cursor(day)
        self.update()
        paging = step in (Step.PAGE_BACK, Step.PAGE_FORWARD)
        if not self.first_day <= day <= self.last_day or (
                paging and self._focus_month is not None and day.month != self._focus_month):
            self.navigate_requested.emit(day)

    def _activate(self) -> None:
        if self._key_range is not None:
            start, end = self._key_range
            self._clear_range()
            self.range_drawn.emit(start, end)
        elif self._selected_visible():
            self.slot_activated.emit(self._selected)
        else:
            self.day_activated.emit(self._cursor_day)

    def _select_on_cursor_day(self) -> None:
        on_day = slots_on(self._stops(), self._cursor_day)
        if on_day:
            index = on_day.index(self._selected) + 1 if self._selected in on_day else 0
            self._clear_range()
            self._select(on_day[index % len(on_day)])

    def _open_menu_by_keys(self) -> None:
        if not self._selected_visible():
            on_day = slots_on(self._stops(), self._cursor_day)
            if not on_day:
                return
            self._select(on_day[0])
        self.context_menu_requested.emit(self._selected, self.slot_anchor(self._selected))

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
