"""Table models for the insights window: a takeover's frames, the list of takeovers, the comparison."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.insights.report import FrameRow, GroupFigures, TakeoverReport
from takeover_planner.insights.schedule import HAS_NUMBERS
from takeover_planner.ui.i18n import table_date, table_range
from takeover_planner.ui.insights.texts import collection_name, metric_name, number, percent

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
MUTED = QColor("#6b6b70")
FRAME_METRICS = ("reach", "views", "replies", "exits", "taps_forward", "taps_back", "swipes_forward", "shares",
                 "follows", "profile_visits")


class FrameTableModel(QAbstractTableModel):
    """One row per frame: number, when it went out, what was collected, then the metrics."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FrameRow] = []

    def set_rows(self, rows: Sequence[FrameRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4 + len(FRAME_METRICS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        fixed = ["#", self.tr("Published"), self.tr("Insights"), self.tr("Last read")]
        return fixed[section] if section < 4 else metric_name(FRAME_METRICS[section - 4])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.number)
            if column == 1:
                return f"{table_date(row.day)} {to_oslo(row.published_at):%H:%M}" if row.published_at else "–"
            if column == 2:
                return collection_name(row.status)
            if column == 3:
                hours = row.hours_after_posting
                return self.tr("after %1 h").replace("%1", number(hours, 1)) if hours is not None else ""
            return number(row.value(FRAME_METRICS[column - 4]))
        if role == Qt.ItemDataRole.TextAlignmentRole and (column == 0 or column >= 4):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and row.status not in HAS_NUMBERS:
            return MUTED
        if role == Qt.ItemDataRole.ToolTipRole and row.label:
            return row.label
        return None


class TakeoverListModel(QAbstractTableModel):
    """Takeovers with published frames: department, dates, account, frames collected."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.reports: list[TakeoverReport] = []

    def set_reports(self, reports: Sequence[TakeoverReport]) -> None:
        self.beginResetModel()
        self.reports = list(reports)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.reports)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Department"), self.tr("Days"), self.tr("Frames")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        report = self.reports[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return report.department
            if column == 1:
                return table_range(report.start, report.end)
            return self.tr("%1 of %2").replace("%1", str(report.collected)).replace("%2", str(report.published))
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(report.department_color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = report.account + (f" · {report.campaign}" if report.campaign else "")
            sample = self.tr("sample data")  # outside the f-string: lupdate does not read inside one
            return tip + (f" · {sample}" if report.sample else "")
        if role == Qt.ItemDataRole.FontRole and report.sample:
            font = QFont()
            font.setItalic(True)  # sample rows look different; the report says "Sample data" in full
            return font
        return None


class ComparisonModel(QAbstractTableModel):
    """Departments or campaigns side by side."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[GroupFigures] = []
        self.first_title = ""

    def set_groups(self, groups: Sequence[GroupFigures], first_title: str) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.first_title = first_title
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.first_title, self.tr("Takeovers"), self.tr("Frames collected"), self.tr("Avg. reach"),
                self.tr("Avg. views"), self.tr("Stayed to last frame"), metric_name("replies"),
                self.tr("Followers a day (takeover)"), self.tr("Followers a day (before)")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        g = self._groups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [g.name, str(g.takeovers), self.tr("%1 of %2").replace("%1", str(g.collected)).replace(
                "%2", str(g.frames)), number(g.avg_reach), number(g.avg_views), percent(g.stayed), number(g.replies),
                number(g.followers_per_day, 1, signed=True), number(g.before_per_day, 1, signed=True)]
            return values[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(g.color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        return None
