"""One tab of the management window: a filter box, a sortable table, and Add / Edit / Remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.ui.management.table_models import (
    RECORD_ROLE,
    SORT_ROLE,
    Kind,
    RecordTableModel,
    columns_for,
)


class ArchivedFilterProxy(QSortFilterProxyModel):
    """Text filter over every column, plus hiding archived departments unless asked for."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.show_archived = False
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)

    def set_show_archived(self, show: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.show_archived = show
            self.endFilterChange()
        else:
            self.show_archived = show
            self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        record = model.index(source_row, 0, source_parent).data(RECORD_ROLE)
        if not self.show_archived and getattr(record, "archived", False):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class RecordPage(QWidget):
    add_requested = Signal()
    edit_requested = Signal(object)  # the record
    remove_requested = Signal(object)

    def __init__(self, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = RecordTableModel(columns_for(kind), self)
        self.proxy = ArchivedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        top.addWidget(self.filter, 1)
        self.show_archived = QCheckBox(self)
        self.show_archived.setVisible(kind == Kind.DEPARTMENTS)
        self.show_archived.toggled.connect(self.proxy.set_show_archived)
        top.addWidget(self.show_archived)
        layout.addLayout(top)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(150)
        self.table.horizontalHeader().setMaximumSectionSize(340)  # sized to content, within reason (issue 16)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def set_records(self, records: list[Any]) -> None:
        self.model.set_records(records)
        self.table.resizeColumnsToContents()  # the e-mail addresses and names whole; the last column stretches
        self._update_buttons()

    def selected_record(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def select_by_name(self, name: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(RECORD_ROLE).name == name:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self, *_args: Any) -> None:
        has = self.selected_record() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has and self.kind != Kind.ACCOUNTS)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_requested.emit(index.data(RECORD_ROLE))

    def _on_edit_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.edit_requested.emit(record)

    def _on_remove_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.remove_requested.emit(record)

    def retranslate(self) -> None:
        placeholders = {
            Kind.DEPARTMENTS: self.tr("Filter departments"), Kind.ACCOUNTS: self.tr("Filter accounts"),
            Kind.CAMPAIGNS: self.tr("Filter campaigns"), Kind.BLACKOUTS: self.tr("Filter blackout periods"),
        }
        self.filter.setPlaceholderText(placeholders[self.kind])
        self.filter.setAccessibleName(placeholders[self.kind])
        self.show_archived.setText(self.tr("Show archived"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Archive or remove…") if self.kind == Kind.DEPARTMENTS else self.tr("Remove…"))
        if self.kind == Kind.ACCOUNTS:
            self.remove_button.setToolTip(self.tr("Accounts keep their takeover history and cannot be removed."))
        self.table.setAccessibleName(placeholders[self.kind])
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
