"""The agenda: the same slots as a sortable list, one row per slot (also the keyboard- and screen-reader-
friendly way through the calendar)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from takeover_planner.ui.calendar.slot_model import ID_ROLE, SORT_ROLE, Column, SlotTableModel


class AgendaView(QTableView):
    slot_selected = Signal(int)
    slot_activated = Signal(int)
    context_menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSortRole(SORT_ROLE)
        self.setModel(self._proxy)
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
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_self_custom_context_menu_requested)
        self.doubleClicked.connect(self._on_self_double_clicked)

    def set_source(self, model: SlotTableModel) -> None:
        self._proxy.setSourceModel(model)
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        # Sizes can be set only once the header knows its columns.
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.DEPARTMENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.WEEK, 64), (Column.DATES, 230), (Column.ACCOUNT, 160), (Column.CAMPAIGN, 130),
                              (Column.STATUS, 120), (Column.DEADLINE, 170)):
            self.setColumnWidth(column, width)

    def set_selected(self, slot_id: int) -> None:
        current = self.currentIndex()
        if current.isValid() and current.data(ID_ROLE) == slot_id:
            return
        for row in range(self._proxy.rowCount()):
            index = self._proxy.index(row, 0)
            if index.data(ID_ROLE) == slot_id:
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.scrollTo(index)
                return
        self.selectionModel().clearSelection()

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
