"""The slots on screen as a Qt table model: the agenda list shows it as rows, the month and week grids
read the same model through ``SLOT_ROLE`` and draw bars.

``set_slots`` compares with what it holds: same rows in the same order → only the changed rows are announced
(``dataChanged``), otherwise one reset. Columns have names, not numbers.

A model sorts itself (``sort``, what a table view's header asks for) with Python's sort on each row's cached sort
key: the agenda has its own model, sorted, while the grids' model keeps the calendar's order. (A
``QSortFilterProxyModel`` in between asked this model through Qt for two sort keys per comparison, ~9,000 calls to
sort 500 search results, and for the row and column count at every cell it mapped.)
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from takeover_planner.domain.timekeeping import iso_week
from takeover_planner.ui.i18n import table_datetime, table_range
from takeover_planner.ui.labels import status_label

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo

SLOT_ROLE = Qt.ItemDataRole.UserRole + 1
COMPETING_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
ID_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
# The roles data() answers. A table asks every cell for a dozen roles (font, colours, alignment, size…) on each
# paint; those get None before any other work.
_ANSWERED = frozenset({int(SLOT_ROLE), int(ID_ROLE), int(COMPETING_ROLE), int(SORT_ROLE), _DISPLAY, _DECORATION,
                       _TOOLTIP, _ACCESSIBLE})


class Column(enum.IntEnum):
    WEEK = 0
    DATES = 1
    DEPARTMENT = 2
    ACCOUNT = 3
    CAMPAIGN = 4
    STATUS = 5
    DEADLINE = 6


_COLUMNS = tuple(Column)


def column_title(column: Column) -> str:
    titles = {
        Column.WEEK: QCoreApplication.translate("SlotTableModel", "Week"),
        Column.DATES: QCoreApplication.translate("SlotTableModel", "Dates"),
        Column.DEPARTMENT: QCoreApplication.translate("SlotTableModel", "Department"),
        Column.ACCOUNT: QCoreApplication.translate("SlotTableModel", "Account"),
        Column.CAMPAIGN: QCoreApplication.translate("SlotTableModel", "Campaign"),
        Column.STATUS: QCoreApplication.translate("SlotTableModel", "Status"),
        Column.DEADLINE: QCoreApplication.translate("SlotTableModel", "Material deadline"),
    }
    return titles[column]


def week_text(slot: SlotInfo) -> str:
    first, last = iso_week(slot.start), iso_week(slot.end)
    return str(first) if first == last else f"{first}–{last}"


class SlotTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._slots: list[SlotInfo] = []
        self._competing: dict[int, list[int]] = {}
        # Cell texts as shown (dates in the language's style), made once per row and column: the agenda asks
        # for the same text as display, tooltip, accessible text and sort key on every paint and every sort.
        self._texts: dict[tuple[int, Column], str] = {}
        self._sort_by: tuple[Column, Qt.SortOrder] | None = None  # None: the order the slots are given in

    # --- filling -------------------------------------------------------------------------------------

    def set_slots(self, slots: list[SlotInfo], competing: dict[int, list[int]]) -> None:
        if self._sort_by is not None:
            self._texts.clear()  # a text column sorts by the new slots' words, not the cached ones
            slots = self._sorted(slots, *self._sort_by)
        old_ids = [s.id for s in self._slots]
        new_ids = [s.id for s in slots]
        if old_ids != new_ids:
            self.beginResetModel()
            self._slots = list(slots)
            self._competing = dict(competing)
            self._texts.clear()
            self.endResetModel()
            return
        changed = [
            row for row, (old, new) in enumerate(zip(self._slots, slots, strict=True))
            if old != new or self._competing.get(old.id) != competing.get(new.id)
        ]
        self._slots = list(slots)
        self._competing = dict(competing)
        if changed:
            self._texts.clear()
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    # --- sorting ---------------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows in the order of ``column`` (a stable sort: equal keys keep the order they came in); -1 keeps the
        order the slots are given in from the next ``set_slots`` on. The current row and the selection follow
        their slots."""
        if not 0 <= column < len(Column):
            self._sort_by = None
            return
        self._sort_by = (Column(column), order)
        self.layoutAboutToBeChanged.emit()
        before = self._slots
        self._slots = self._sorted(before, Column(column), order)
        row_now = {slot.id: row for row, slot in enumerate(self._slots)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(row_now[before[index.row()].id], index.column()) for index in persistent])
        self.layoutChanged.emit()

    def _sorted(self, slots: list[SlotInfo], column: Column, order: Qt.SortOrder) -> list[SlotInfo]:
        return sorted(slots, key=lambda slot: self._sort_key(slot, column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def slots(self) -> list[SlotInfo]:
        return list(self._slots)

    def slot_at(self, row: int) -> SlotInfo:
        return self._slots[row]

    def row_of(self, slot_id: int) -> int:
        return next((row for row, s in enumerate(self._slots) if s.id == slot_id), -1)

    def display_text(self, row: int, column: Column) -> str:
        """The text a cell shows (what data() gives for the display role, without the trip through Qt)."""
        return self._display(self._slots[row], column)

    def competing_with(self, slot_id: int) -> list[int]:
        return self._competing.get(slot_id, [])

    def retranslate(self) -> None:
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._slots:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._slots) - 1, len(Column) - 1))
        if self._sort_by is not None:  # status names sort differently in another language
            self.sort(*self._sort_by)

    # --- the model interface ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._slots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return column_title(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._slots):
            return None
        slot = self._slots[row]
        column = _COLUMNS[index.column()]
        if role == SLOT_ROLE:
            return slot
        if role == ID_ROLE:
            return slot.id
        if role == COMPETING_ROLE:
            return self._competing.get(slot.id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(slot, column)
        if role == SORT_ROLE:
            return self._sort_key(slot, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.DEPARTMENT:
            return QColor(slot.department_color)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.STATUS and self._competing.get(slot.id):
            ids = ", ".join(f"#{i}" for i in self._competing[slot.id])
            return QCoreApplication.translate("SlotTableModel", "Competes for the same days with %1").replace("%1", ids)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(slot, column) or None  # the whole text of a cell cut off in a narrow column
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(slot, column)
        return None

    def _display(self, slot: SlotInfo, column: Column) -> str:
        key = (slot.id, column)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self._text_of(slot, column)
        return text

    def _text_of(self, slot: SlotInfo, column: Column) -> str:
        if column == Column.WEEK:
            return week_text(slot)
        if column == Column.DATES:
            return table_range(slot.start, slot.end)
        if column == Column.DEPARTMENT:
            return slot.department
        if column == Column.ACCOUNT:
            return slot.account
        if column == Column.CAMPAIGN:
            return slot.campaign or ""
        if column == Column.STATUS:
            text = status_label(slot.status)
            if self._competing.get(slot.id):
                text += " ⚠"
            return text
        return table_datetime(slot.material_deadline) if slot.material_deadline else ""

    def _sort_key(self, slot: SlotInfo, column: Column) -> Any:
        if column in (Column.WEEK, Column.DATES):
            return slot.start.toordinal()
        if column == Column.DEADLINE:
            return slot.material_deadline.timestamp() if slot.material_deadline else 0.0
        return self._display(slot, column).casefold()
