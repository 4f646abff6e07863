"""The agenda: the same slots as a sortable list, one row per slot (also the keyboard- and screen-reader-
friendly way through the calendar)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyleOptionViewItem, QTableView, QWidget

from takeover_planner.ui.calendar.slot_model import ID_ROLE, Column, SlotTableModel

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo

# Columns are sized to their content (issue 16: at 1280 px the department showed one letter). Free text is
# capped so one long campaign name cannot push the rest away; what is cut off is in the cell's tooltip.
_CAPS = {Column.DEPARTMENT: 260, Column.ACCOUNT: 200, Column.CAMPAIGN: 220}
# When the view is too narrow, these give up room first, down to _NARROWEST; then the view scrolls sideways.
_SHRINK_ORDER = (Column.CAMPAIGN, Column.ACCOUNT, Column.DEADLINE, Column.DEPARTMENT)
_NARROWEST = 90
MEASURED_ROWS = 60


class AgendaView(QTableView):
    slot_selected = Signal(int)
    slot_activated = Signal(int)
    context_menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its own model, which sorts itself when the header asks (slot_model.py says why there is no proxy); the
        # calendar page hands it the slots while the agenda is shown.
        self._model = SlotTableModel(self)
        self.setModel(self._model)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.DATES, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(30)
        # Columns are measured on at most a screenful of rows from the top in view (Qt's default reads up to 1,000:
        # 0.3 s for every filter while typing a search over ten years of slots, tests/benchmarks/bench_ui.py; and
        # "0 = the visible rows" still reads every row while a freshly reset table has no layout yet).
        self.verticalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_self_custom_context_menu_requested)
        self.doubleClicked.connect(self._on_self_double_clicked)
        self._fit_pending = False
        # A reset, a filter and the rows read behind it come in bursts: one measurement per burst (each costs
        # ≈ 40 ms of Python data() calls, and a search used to measure five times in a row).
        self._fit_timer = QTimer(self)
        self._fit_timer.setObjectName("agendaFitTimer")
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_now)
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        # Sizes can be set only once the header knows its columns; they follow the rows and the language.
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._model.modelReset.connect(self.fit_columns)
        self._model.dataChanged.connect(self.fit_columns)
        self._model.headerDataChanged.connect(self.fit_columns)
        self.fit_columns()

    def set_slots(self, slots: list[SlotInfo], competing: dict[int, list[int]]) -> None:
        """The rows to show (in any order: the agenda sorts them as its header says)."""
        self._model.set_slots(slots, competing)

    def retranslate(self) -> None:
        self._model.retranslate()

    def fit_columns(self, *_args: object) -> None:
        """Each column as wide as its widest visible text (capped), the spare room to the department.

        Measuring every column's text costs a tenth of a second with a year of slots, so a hidden agenda (the
        window starts on the month) only notes that it must measure when it is shown."""
        if not self.isVisible():
            self._fit_pending = True
            return
        self._fit_timer.start()

    def _fit_now(self) -> None:
        if not self.isVisible():
            self._fit_pending = True
            return
        self._fit_pending = False
        header = self.horizontalHeader()
        widths: dict[Column, int] = {}
        cells = self._widest_cells()
        for column in Column:
            content = max(header.sectionSizeFromContents(column).width(), self._cell_width(cells.get(column)))
            widths[column] = min(content, _CAPS.get(column, content))
        available = self.viewport().width()
        total = sum(widths.values())
        if available > 0 and total < available:
            widths[Column.DEPARTMENT] += available - total
        elif available > 0:
            over = total - available
            for column in _SHRINK_ORDER:
                give = min(over, max(0, widths[column] - _NARROWEST))
                widths[column] -= give
                over -= give
        for column, width in widths.items():
            if self.columnWidth(column) != width:  # every change lays the table out again
                self.setColumnWidth(column, width)

    def _widest_cells(self) -> dict[Column, QModelIndex]:
        """Each column's cell with the widest text among the rows on screen (and a screenful after them, what Qt's
        own measure with this precision looks at).

        ``sizeHintForColumn`` asks the delegate (and through it the style and the model, each a call into Python)
        for every row, and a search measures after every filter; the texts are read from the model's own cache and
        measured with the font's metrics instead, and only the widest cell is measured the delegate's way."""
        model = self._model
        rows = self.viewport().height() // max(1, self.verticalHeader().defaultSectionSize()) + 1
        first = max(0, self.rowAt(0))
        last = min(model.rowCount(), first + min(MEASURED_ROWS, 2 * rows))
        metrics = self.fontMetrics()
        widest: dict[Column, tuple[int, int]] = {}  # column → (width, row)
        for row in range(first, last):
            for column in Column:
                width = metrics.horizontalAdvance(model.display_text(row, column))
                if width > widest.get(column, (-1, 0))[0]:
                    widest[column] = (width, row)
        return {column: model.index(row, column) for column, (_width, row) in widest.items()}

    def _cell_width(self, cell: QModelIndex | None) -> int:
        """The width the delegate asks for this cell (its text, icon and margins)."""
        if cell is None or not cell.isValid():
            return 0
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return self.itemDelegateForIndex(cell).sizeHint(option, cell).width()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._fit_timer.isActive():  # measured when shown again (and no timer outlives a closed window)
            self._fit_timer.stop()
            self._fit_pending = True
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def set_selected(self, slot_id: int) -> None:
        current = self.currentIndex()
        if current.isValid() and current.data(ID_ROLE) == slot_id:
            return
        row = self._model.row_of(slot_id)
        if row < 0:
            self.selectionModel().clearSelection()
            return
        index = self._model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)

    def _on_selection_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.slot_selected.emit(int(current.data(ID_ROLE)) if current.isValid() else 0)

    def _on_self_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.slot_activated.emit(int(index.data(ID_ROLE)))

    def _on_self_custom_context_menu_requested(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if index.isValid():
            self.context_menu_requested.emit(int(index.data(ID_ROLE)), self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.slot_activated.emit(int(self.currentIndex().data(ID_ROLE)))
            return
        super().keyPressEvent(event)
