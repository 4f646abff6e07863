"""The month and week calendars as a screen reader sees them: a list of the slots on screen, then the days.

``CalendarGrid`` paints its days and bars itself, so without this Qt would expose it as one empty, nameless
panel and Orca (or NVDA, VoiceOver) would read nothing of the plan. ``install_factory`` registers a factory with
``QAccessible``; Qt asks it only while an assistive technology is listening, so it costs nothing otherwise.

Each slot is an item named like "Biblioteket, 4.–6. mars 2027, bekreftet" (department, dates in the window's date
style, status in the window's language), each day an item named by its date. When the selected slot or the day
cursor changes while the calendar has the focus, a focus event for that item tells the screen reader to read it.

Ownership: the items are plain ``QAccessibleInterface`` objects without a ``QObject``; Qt keeps a pointer to each
one it has handed to the screen reader, so one object per slot or day lives as long as the grid (the same object
each time Qt asks), and they are unregistered from Qt's cache before the grid goes away.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QRectF
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QColor, QWindow
from PySide6.QtWidgets import QAccessibleWidget

from takeover_planner.ui.i18n import date_text, range_text
from takeover_planner.ui.labels import status_label

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.ui.calendar.grid_view import CalendarGrid

GRID_CLASS = "CalendarGrid"
_installed = False

ItemKey = tuple[str, object]  # ("slot", slot id) or ("day", date)


def install_factory() -> None:
    """Make Qt describe every ``CalendarGrid`` through ``CalendarAccessible`` (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def _factory(classname: str, obj: QObject) -> QAccessibleInterface | None:
    # Qt offers each class name of the object's hierarchy in turn; a subclass of the grid is still a grid.
    if classname == GRID_CLASS and obj is not None and obj.isWidgetType() and hasattr(obj, "bar_rects"):
        return CalendarAccessible(obj)  # type: ignore[arg-type]
    return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarAccessibility", text)


def slot_name(department: str, start: dt.date, end: dt.date, status: str) -> str:
    """"Biblioteket, 4.–6. mars 2027, bekreftet": who, when, how far along (the status in lower case, as in a
    sentence)."""
    status_text = status[:1].lower() + status[1:]
    return f"{department}, {range_text(start, end)}, {status_text}"


class CalendarAccessible(QAccessibleWidget):
    """The grid: a list whose items are the slots drawn on it, then its days."""

    def __init__(self, grid: CalendarGrid) -> None:
        super().__init__(grid, QAccessible.Role.List)
        self._grid = grid
        self._items: dict[ItemKey, CalendarItem] = {}
        self._announced: tuple[ItemKey, str] | None = None  # the item last read out, and its name then
        grid.slot_selected.connect(self._announce_current)
        grid.cursor_moved.connect(self._announce_current)
        grid.painted.connect(self._announce_current)  # after a change: a new status renames the slot
        grid.destroyed.connect(self._forget_items)

    # --- what the screen reader asks --------------------------------------------------------------------

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._grid.accessibleName() or _tr("Calendar")
        if kind == QAccessible.Text.Description:
            return self._grid.accessibleDescription() or range_text(self._grid.first_day, self._grid.last_day)
        return str(super().text(kind))

    def childCount(self) -> int:
        return len(self.item_keys())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        keys = self.item_keys()
        return self.item(keys[index]) if 0 <= index < len(keys) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if isinstance(child, CalendarItem):
            keys = self.item_keys()
            return keys.index(child.key) if child.key in keys else -1
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        local = self._grid.mapFromGlobal(QPoint(x, y))
        bar = self._grid.bar_at(local)
        if bar is not None:
            return self.item(("slot", bar.slot_id))
        day = self._grid.day_at(local)
        return self.item(("day", day)) if day is not None else None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        return self.item(self.current_key()) if self._grid.hasFocus() else None

    # --- the items -------------------------------------------------------------------------------------------

    def item_keys(self) -> list[ItemKey]:
        """The slots on the shown days in the order Tab walks them (those under "+N more" too), then the days."""
        days = [self._grid.first_day + dt.timedelta(days=i) for i in range(self._grid.weeks * 7)]
        return [("slot", s.id) for s in self._grid.visible_slots()] + [("day", d) for d in days]

    def slot_info(self, slot_id: int) -> SlotInfo | None:
        return next((s for s in self._grid.visible_slots() if s.id == slot_id), None)

    def item(self, key: ItemKey) -> CalendarItem:
        found = self._items.get(key)
        if found is None:
            found = self._items[key] = CalendarItem(self, key)
        return found

    def current_key(self) -> ItemKey:
        """What the keyboard is on: the selected slot when it is on screen, else the day cursor."""
        selected = self._grid.selected()
        if selected and self.slot_info(selected) is not None:
            return ("slot", selected)
        return ("day", self._grid.cursor_day())

    def grid(self) -> CalendarGrid:
        return self._grid

    def _announce_current(self, *_args: object) -> None:
        """The keyboard moved (a day, a slot): a focus event on that item is what makes Orca read it. The same
        item with a new name (its status changed, or the language): a name change, which Orca reads too."""
        if not self._grid.hasFocus():
            self._announced = None  # read it again when the calendar has the focus back
            return
        key = self.current_key()
        item = self.item(key)
        name = item.text(QAccessible.Text.Name)
        if (key, name) == self._announced:
            return
        moved = self._announced is None or self._announced[0] != key
        self._announced = (key, name)
        if QAccessible.isActive():
            event = QAccessible.Event.Focus if moved else QAccessible.Event.NameChanged
            QAccessible.updateAccessibility(QAccessibleEvent(item, event))

    def _forget_items(self, *_args: object) -> None:
        """Take the items out of Qt's cache (which deletes them) before Python lets go of them."""
        items, self._items = self._items, {}
        for found in items.values():
            found.retire()
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(found))


class CalendarItem(QAccessibleInterface):
    """One slot or one day of the grid; reads the grid each time, so it is never out of date."""

    def __init__(self, owner: CalendarAccessible, key: ItemKey) -> None:
        super().__init__()
        self._owner: CalendarAccessible | None = owner
        self.key = key

    def retire(self) -> None:
        self._owner = None

    def _grid(self) -> CalendarGrid | None:
        return self._owner.grid() if self._owner is not None else None

    def isValid(self) -> bool:
        grid = self._grid()
        return grid is not None and self._owner is not None and self.key in self._owner.item_keys()

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        grid = self._grid()
        return grid.window().windowHandle() if grid is not None else None

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self._owner

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:
        return None

    def foregroundColor(self) -> QColor:
        grid = self._grid()
        return grid.palette().windowText().color() if grid is not None else QColor()

    def backgroundColor(self) -> QColor:
        grid = self._grid()
        return grid.palette().window().color() if grid is not None else QColor()

    def text(self, kind: QAccessible.Text) -> str:
        grid = self._grid()
        if grid is None:
            return ""
        kind_, value = self.key
        if kind_ == "slot" and isinstance(value, int):
            info = self._owner.slot_info(value) if self._owner is not None else None
            if info is None:
                return ""
            if kind == QAccessible.Text.Name:
                return slot_name(info.department, info.start, info.end, status_label(info.status))
            if kind == QAccessible.Text.Description:  # what the tooltip adds: the account and the campaign
                return " · ".join(part for part in (info.account, info.campaign or "") if part)
            return ""
        if isinstance(value, dt.date) and kind == QAccessible.Text.Name:
            name = date_text(value, long=True)
            return f"{name}, {_tr('today')}" if value == dt.date.today() else name
        if isinstance(value, dt.date) and kind == QAccessible.Text.Description:
            # Who has the day, so that moving day by day tells where the slots are.
            return ", ".join(s.department for s in grid.visible_slots() if s.start <= value <= s.end)
        return ""

    def rect(self) -> QRect:
        grid = self._grid()
        if grid is None:
            return QRect()
        kind_, value = self.key
        local = QRectF()
        if kind_ == "slot" and isinstance(value, int):
            bars = grid.bar_rects().get(value)
            if bars:
                local = bars[0]
            elif self._owner is not None:  # hidden under "+N more": its first day on screen
                info = self._owner.slot_info(value)
                if info is not None:
                    local = grid.day_rect(max(info.start, grid.first_day))
        elif isinstance(value, dt.date):
            local = grid.day_rect(value)
        area = local.toAlignedRect()
        return QRect(grid.mapToGlobal(area.topLeft()), area.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        grid = self._grid()
        if grid is None or self._owner is None:
            state.invalid = True
            return state
        state.focusable = True
        state.selectable = True
        current = self._owner.current_key() == self.key
        kind_, value = self.key
        marked = grid.key_range()  # days marked with Shift+arrows, to be booked with Enter
        if kind_ == "slot":
            state.selected = grid.selected() == value
        else:
            state.selected = current or (marked is not None and isinstance(value, dt.date)
                                         and marked[0] <= value <= marked[1])
        state.focused = current and grid.hasFocus()
        if not grid.isVisible():
            state.invisible = True
        return state
