"""Qt item models for the review screen: the slot's frames, and its audit trail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from takeover_planner.domain.review import FrameState
from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.services.audit import AuditEntry
from takeover_planner.services.page_accounts import ChannelState
from takeover_planner.services.story_views import FrameInfo
from takeover_planner.ui.i18n import table_datetime
from takeover_planner.ui.labels import audit_change_label, audit_comment

Index = QModelIndex | QPersistentModelIndex
FRAME_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_COLOURS = {
    FrameState.DRAFT: "#8a8f98", FrameState.SUBMITTED: "#2f6fde", FrameState.CHANGES_REQUESTED: "#e8890c",
    FrameState.APPROVED: "#2e9e6a", FrameState.SCHEDULED: "#168a8a", FrameState.PUBLISHED: "#5b3fc4",
    FrameState.FAILED: "#c2415d", FrameState.WITHDRAWN: "#8a8f98",
}


def state_label(state: FrameState) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        FrameState.DRAFT: QCoreApplication.translate("FrameState", "Draft"),
        FrameState.SUBMITTED: QCoreApplication.translate("FrameState", "Submitted"),
        FrameState.CHANGES_REQUESTED: QCoreApplication.translate("FrameState", "Changes requested"),
        FrameState.APPROVED: QCoreApplication.translate("FrameState", "Approved"),
        FrameState.SCHEDULED: QCoreApplication.translate("FrameState", "Scheduled"),
        FrameState.PUBLISHED: QCoreApplication.translate("FrameState", "Published"),
        FrameState.FAILED: QCoreApplication.translate("FrameState", "Failed"),
        FrameState.WITHDRAWN: QCoreApplication.translate("FrameState", "Withdrawn"),
    }
    return names[state]


def _state_text(value: object) -> str:
    try:
        return state_label(FrameState(str(value)))
    except ValueError:
        return str(value).replace("_", " ")


def _channel_status(state: ChannelState) -> str:
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("ChannelState", text)

    if state.status == "published":
        when = to_oslo(state.published_at).strftime("%H:%M") if state.published_at else ""
        return tr("published %1").replace("%1", when).strip()
    names = {"queued": tr("queued"), "publishing": tr("publishing"), "failed": tr("failed"),
             "handoff": tr("in a hand-off pack"), "cancelled": tr("cancelled"), "held": tr("held"),
             "stopped": tr("stopped")}
    words = names.get(state.status, state.status.replace("_", " "))
    # Why, when it is not simply going well (the job's stored reason, or its account's stop).
    return f"{words} — {state.reason}" if state.reason and state.status in ("failed", "stopped", "held") else words


def channels_line(states: list[ChannelState]) -> str:
    """A frame's state per channel, e.g. "Instagram: published 14:02 · Facebook: stopped — the Page token
    expired"; empty for a frame that goes out on Instagram alone (its state says it all)."""
    from PySide6.QtCore import QCoreApplication

    if not any(s.channel != "instagram" for s in states):
        return ""
    names = {"instagram": QCoreApplication.translate("ChannelState", "Instagram"),
             "facebook": QCoreApplication.translate("ChannelState", "Facebook")}
    return " · ".join(f"{names.get(s.channel, s.channel)}: {_channel_status(s)}" for s in states)


class FrameListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frames: list[FrameInfo] = []
        self._channels: dict[int, list[ChannelState]] = {}

    def set_frames(self, frames: list[FrameInfo], channels: dict[int, list[ChannelState]] | None = None) -> None:
        self.beginResetModel()
        self._frames = list(frames)
        self._channels = dict(channels or {})
        self.endResetModel()

    def channels(self, frame_id: int) -> str:
        """The frame's per-channel line (``channels_line``), as `story list` reads it."""
        return channels_line(self._channels.get(frame_id, []))

    def frames(self) -> list[FrameInfo]:
        return list(self._frames)

    def frame(self, row: int) -> FrameInfo | None:
        return self._frames[row] if 0 <= row < len(self._frames) else None

    def row_of(self, frame_id: int) -> int:
        return next((i for i, f in enumerate(self._frames) if f.id == frame_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._frames)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        frame = self.frame(index.row()) if index.isValid() else None
        if frame is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            when = to_oslo(frame.planned_at).strftime("%d.%m %H:%M") if frame.planned_at else "–"
            name = frame.published_file.original_name if frame.published_file else self.tr("no file")
            problems = len(frame.file_problems()) + len(frame.consent_problems())
            flag = f"  ⚠ {problems}" if problems else ""
            channels = self.channels(frame.id)
            return f"{frame.position}. {when}  {state_label(frame.state)}{flag}\n{name}" + (
                f"\n{channels}" if channels else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(STATE_COLOURS[frame.state])
        if role == Qt.ItemDataRole.ToolTipRole:
            return frame.text or frame.notes or None
        if role == FRAME_ROLE:
            return frame.id
        return None


class AuditModel(QAbstractTableModel):
    COLUMN_COUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._rows = list(reversed(entries))  # newest first
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Comment"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return table_datetime(entry.at)
        if column == 1:
            return entry.actor
        if column == 2:
            what = {"story_frame": self.tr("Frame #%1"), "consent": self.tr("Consent #%1"),
                    "submission": self.tr("Submission #%1"), "slot": self.tr("Slot #%1"),
                    "takeover_slot": self.tr("Slot #%1"), "media_asset": self.tr("File #%1")}.get(
                entry.entity_type, entry.entity_type + " #%1").replace("%1", str(entry.entity_id))
            change = audit_change_label(entry.action, entry.after)
            if entry.before and entry.after and "state" in entry.before and "state" in entry.after:
                change = f"{_state_text(entry.before['state'])} → {_state_text(entry.after['state'])}"
            return f"{what}: {change}"
        return audit_comment(entry.action, entry.comment)
