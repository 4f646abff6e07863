"""Publish ▸ Publishing status: per account (token expiry with the warning a week ahead, paused or stopped
queues) and per frame (queued, publishing, published, failed with the reason and what to do, by hand), plus
what the in-app queue reported in this session. A window of its own: it never blocks the planner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.timekeeping import now_utc, to_oslo
from takeover_planner.ui.i18n import datetime_text, table_datetime
from takeover_planner.ui.team.offline import is_unreachable

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.publishing_service import AccountPublishingInfo
    from takeover_planner.services.publishing_views import FrameLine
    from takeover_planner.ui.planner_store import PlannerStore

ATTENTION = QColor("#c2410c")


@dataclass(frozen=True)
class PublishEvent:
    """Something the queue reported in this session (newest first in the window)."""

    at: dt.datetime
    text: str
    problem: bool


def status_label(status: str) -> str:
    labels = {
        "not_queued": QCoreApplication.translate("PublishingWindow", "not queued"),
        "queued": QCoreApplication.translate("PublishingWindow", "queued"),
        "publishing": QCoreApplication.translate("PublishingWindow", "publishing"),
        "published": QCoreApplication.translate("PublishingWindow", "published"),
        "failed": QCoreApplication.translate("PublishingWindow", "failed"),
        "handoff": QCoreApplication.translate("PublishingWindow", "by hand (in a hand-off pack)"),
        "cancelled": QCoreApplication.translate("PublishingWindow", "cancelled"),
        # Held for a person (e.g. more than the grace period late): post now, re-time or drop it.
        "held": QCoreApplication.translate("PublishingWindow", "held: waits for you"),
    }
    return labels.get(status, status)


class PublishingWindow(QWidget):
    publish_now_requested = Signal()

    def __init__(self, store: PlannerStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("publishingWindow")
        self.store = store
        self.events: list[PublishEvent] = []
        self.accounts: list[AccountPublishingInfo] = []
        self.frames: list[FrameLine] = []
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # refusals name accounts and quote Meta
        self.refresh_button = QPushButton(self)
        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("primary")
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.publish_button)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.accounts_caption, self.frames_caption, self.events_caption = QLabel(self), QLabel(self), QLabel(self)
        self.account_table = self._table(4)
        self.frame_table = self._table(6)
        self.event_list = QListWidget(self)
        for caption, body in ((self.accounts_caption, self.account_table), (self.frames_caption, self.frame_table),
                              (self.events_caption, self.event_list)):
            caption.setObjectName("caption")
            part = QWidget(splitter)
            part_layout = QVBoxLayout(part)
            part_layout.setContentsMargins(0, 6, 0, 0)
            part_layout.addWidget(caption)
            part_layout.addWidget(body, 1)
            splitter.addWidget(part)
        splitter.setSizes([150, 320, 140])
        layout.addWidget(splitter, 1)
        self.refresh_button.clicked.connect(self.reload)
        self.publish_button.clicked.connect(self.publish_now_requested)
        self._retranslate()

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def token_state(self, info: AccountPublishingInfo, now: dt.datetime) -> tuple[str, bool]:
        """(text, needs attention) for the account's token, the warning coming a week ahead."""
        if info.method == "handoff":
            return self.tr("posts by hand: no token needed"), False
        if not info.token_set:
            return self.tr("no token: Publish ▸ Set account token…"), True
        if info.token_expires_at is None:
            return self.tr("expiry not known"), False
        day = datetime_text(to_oslo(info.token_expires_at))
        if info.token_level == "expired" or info.token_expires_at <= now:
            return self.tr("expired on %1: set a new token").replace("%1", day), True
        if info.token_level == "warning":
            days = max(0, (info.token_expires_at - now).days)
            return self.tr("expires in %n day(s), on %1", "", days).replace("%1", day), True
        return self.tr("valid until %1").replace("%1", day), False

    def queue_state(self, info: AccountPublishingInfo) -> tuple[str, bool]:
        if info.stopped_reason:
            return self.tr("stopped: %1 %2").replace("%1", info.stopped_reason).replace(
                "%2", info.stopped_advice).strip(), True
        if info.paused_until is not None:
            return self.tr("paused until %1 (%2)").replace(
                "%1", datetime_text(to_oslo(info.paused_until))).replace("%2", info.pause_reason), True
        return self.tr("running"), False

    # --- data ------------------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx = self.store.ctx
        if ctx is None:
            return

        def work() -> tuple[list[AccountPublishingInfo], list[FrameLine]]:
            from takeover_planner.services import publishing_service, publishing_views

            return publishing_service.publishing_overview(ctx), publishing_views.publishing_board(ctx)

        def done(result: tuple[list[AccountPublishingInfo], list[FrameLine]]) -> None:
            self.accounts, self.frames = result
            self._fill()

        def failed(exc: TakeoverError) -> None:
            self.summary.setText(exc.message if not is_unreachable(exc) else self.tr(
                "The team database cannot be reached; the lists show what was read last."))

        self.store.read(ctx, work, on_done=done, on_error=failed)

    def show_events(self, events: list[PublishEvent]) -> None:
        """What the queue reported in this session, newest first (the publishing hook keeps the list)."""
        self.events = list(events)
        self._fill_events()

    def _cell(self, table: QTableWidget, row: int, column: int, text: str, *, attention: bool = False,
              tooltip: str = "") -> None:
        item = QTableWidgetItem(text)
        if attention:
            item.setForeground(QBrush(ATTENTION))
        if tooltip:
            item.setToolTip(tooltip)
        table.setItem(row, column, item)

    def _fill(self) -> None:
        now = now_utc()
        self.account_table.setRowCount(len(self.accounts))
        attention = 0
        for row, info in enumerate(self.accounts):
            token, token_attention = self.token_state(info, now)
            queue, queue_attention = self.queue_state(info)
            attention += token_attention or queue_attention
            method = self.tr("by hand") if info.method == "handoff" else \
                self.tr("Facebook Page API") if info.platform == "facebook_page" else self.tr("Instagram API")
            self._cell(self.account_table, row, 0, info.account)
            self._cell(self.account_table, row, 1, method)
            self._cell(self.account_table, row, 2, token, attention=token_attention, tooltip=info.token_notice)
            self._cell(self.account_table, row, 3, queue, attention=queue_attention)
        # One row per frame and channel: a cross-posted frame shows its Instagram and its Facebook Page state.
        rows = [(line, status) for line in self.frames for status in (line.status.channels or (line.status,))]
        self.frame_table.setRowCount(len(rows))
        failed = 0
        for row, (line, status) in enumerate(rows):
            is_failed = status.status == "failed"
            failed += is_failed
            needs_person = is_failed or status.status == "held"  # both wait for a person
            planned = table_datetime(line.planned_at) if line.planned_at else "–"
            detail = " ".join(part for part in (status.reason, status.advice) if part)
            if status.status == "published" and status.published_by:
                detail = self.tr("posted by %1").replace("%1", status.published_by)
            elif status.next_attempt_at is not None and status.status in ("queued", "publishing"):
                detail = (detail + " " + self.tr("Next try %1.").replace(
                    "%1", datetime_text(to_oslo(status.next_attempt_at)))).strip()
            self._cell(self.frame_table, row, 0, f"#{line.frame_id}")
            self._cell(self.frame_table, row, 1, f"{line.department} · {line.account}")
            self._cell(self.frame_table, row, 2, planned)
            label = status_label(status.status)
            if status.channel == "facebook":
                label = self.tr("%1 (Facebook Page)").replace("%1", label)
            self._cell(self.frame_table, row, 3, label, attention=needs_person)
            self._cell(self.frame_table, row, 4, detail, attention=needs_person, tooltip=detail)
            self._cell(self.frame_table, row, 5, status.media_id or "")
        self.account_table.resizeRowsToContents()
        self.frame_table.resizeRowsToContents()
        parts = [self.tr("%n account(s) need attention.", "", attention) if attention else
                 self.tr("Every account can publish."),
                 self.tr("%n frame(s) failed.", "", failed) if failed else ""]
        self.summary.setText(" ".join(p for p in parts if p))

    def _fill_events(self) -> None:
        self.event_list.clear()
        for event in self.events:
            self.event_list.addItem(f"{to_oslo(event.at):%H:%M}  {event.text}")
            if event.problem:
                self.event_list.item(self.event_list.count() - 1).setForeground(QBrush(ATTENTION))

    # --- texts -------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Publishing"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.publish_button.setText(self.tr("&Publish due frames now"))
        self.accounts_caption.setText(self.tr("Accounts"))
        self.frames_caption.setText(self.tr("Frames"))
        self.events_caption.setText(self.tr("Reported since the app started"))
        self.account_table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Publishes"), self.tr("Token"), self.tr("Queue")])
        self.frame_table.setHorizontalHeaderLabels(
            [self.tr("Frame"), self.tr("Slot"), self.tr("Planned"), self.tr("Status"), self.tr("Reason and what to do"),
             self.tr("Media id")])
        if self.accounts or self.frames:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "frame_table"):
            self._retranslate()
        super().changeEvent(event)
