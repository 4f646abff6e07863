"""Table models for departments, accounts, campaigns and blackout periods.

One model class, told its columns by name: a title, how to show a record's value, how to sort it. Records
are the catalog service's frozen value objects; ``set_records`` announces only the rows that changed when the
same records come back in the same order.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from takeover_planner.ui.i18n import table_date
from takeover_planner.ui.labels import api_variant_label

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex



@dataclass(frozen=True)
class ColumnDef:
    key: str
    title: Callable[[], str]
    value: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    color: Callable[[Any], str | None] | None = None


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[ColumnDef], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        records = list(records)
        if [r.id for r in records] != [r.id for r in self._records]:
            self.beginResetModel()
            self._records = records
            self.endResetModel()
            return
        changed = [row for row, (a, b) in enumerate(zip(self._records, records, strict=True)) if a != b]
        self._records = records
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def records(self) -> list[Any]:
        return list(self._records)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(self.columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.value(record)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell cut off in a narrow column
            return str(column.value(record)) or None
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            key = column.sort(record) if column.sort else column.value(record)
            return key.casefold() if isinstance(key, str) else key
        if role == Qt.ItemDataRole.DecorationRole and column.color is not None:
            color = column.color(record)
            return QColor(color) if color else None
        return None


def _date(value: Any) -> str:
    return table_date(value) if value is not None else ""


def _ordinal(value: Any) -> int:
    return value.toordinal() if value is not None else 0


class Kind(enum.StrEnum):
    DEPARTMENTS = "departments"
    ACCOUNTS = "accounts"
    CAMPAIGNS = "campaigns"
    BLACKOUTS = "blackouts"


def _platform(account: Any) -> str:
    """Instagram, or a Facebook Page with its id; an Instagram account cross-posted to a Page says so."""
    if getattr(account, "platform", "instagram") == "facebook_page":
        return QCoreApplication.translate("CatalogTables", "Facebook Page %1").replace("%1", account.page_id or "")
    if getattr(account, "facebook_page_account_id", None):
        return QCoreApplication.translate("CatalogTables", "Instagram, also on a Facebook Page")
    return QCoreApplication.translate("CatalogTables", "Instagram")


def columns_for(kind: Kind) -> list[ColumnDef]:
    if kind == Kind.DEPARTMENTS:
        return [
            ColumnDef("name", lambda: QCoreApplication.translate("CatalogTables", "Name"), lambda d: d.name, color=lambda d: d.color),
            ColumnDef("contact", lambda: QCoreApplication.translate("CatalogTables", "Contact person"),
                      lambda d: d.primary_contact.name if d.primary_contact else ""),
            ColumnDef("email", lambda: QCoreApplication.translate("CatalogTables", "E-mail"), lambda d: d.primary_contact.email if d.primary_contact else ""),
            ColumnDef("phone", lambda: QCoreApplication.translate("CatalogTables", "Phone"), lambda d: d.primary_contact.phone if d.primary_contact else ""),
            ColumnDef("slots", lambda: QCoreApplication.translate("CatalogTables", "Slots"), lambda d: str(d.slot_count), sort=lambda d: d.slot_count),
            ColumnDef("archived", lambda: QCoreApplication.translate("CatalogTables", "Archived"), lambda d: QCoreApplication.translate("CatalogTables", "Yes") if d.archived else ""),
        ]
    if kind == Kind.ACCOUNTS:
        return [
            ColumnDef("name", lambda: QCoreApplication.translate("CatalogTables", "Name"), lambda a: a.name),
            ColumnDef("handle", lambda: QCoreApplication.translate("CatalogTables", "Handle"), lambda a: f"@{a.handle}" if a.handle else ""),
            ColumnDef("platform", lambda: QCoreApplication.translate("CatalogTables", "Platform"), _platform),
            ColumnDef("api", lambda: QCoreApplication.translate("CatalogTables", "Connected through"), lambda a: api_variant_label(a.api_variant)),
            ColumnDef("ig_user_id", lambda: QCoreApplication.translate("CatalogTables", "Instagram user ID"),
                      lambda a: a.ig_user_id or ""),
            ColumnDef("graph", lambda: QCoreApplication.translate("CatalogTables", "Graph API"),
                      lambda a: f"{a.graph_host} · {a.graph_version}"),
        ]
    if kind == Kind.CAMPAIGNS:
        return [
            ColumnDef("name", lambda: QCoreApplication.translate("CatalogTables", "Name"), lambda c: c.name, color=lambda c: c.color),
            ColumnDef("start", lambda: QCoreApplication.translate("CatalogTables", "From"), lambda c: _date(c.start), sort=lambda c: _ordinal(c.start)),
            ColumnDef("end", lambda: QCoreApplication.translate("CatalogTables", "To"), lambda c: _date(c.end), sort=lambda c: _ordinal(c.end)),
            ColumnDef("description", lambda: QCoreApplication.translate("CatalogTables", "Description"), lambda c: c.description),
        ]
    return [
        ColumnDef("name", lambda: QCoreApplication.translate("CatalogTables", "Name"), lambda b: b.name),
        ColumnDef("start", lambda: QCoreApplication.translate("CatalogTables", "From"), lambda b: _date(b.start), sort=lambda b: _ordinal(b.start)),
        ColumnDef("end", lambda: QCoreApplication.translate("CatalogTables", "To"), lambda b: _date(b.end), sort=lambda b: _ordinal(b.end)),
        ColumnDef("account", lambda: QCoreApplication.translate("CatalogTables", "Account"), lambda b: b.account or QCoreApplication.translate("CatalogTables", "All accounts")),
        ColumnDef("reason", lambda: QCoreApplication.translate("CatalogTables", "Reason"), lambda b: b.reason),
    ]
