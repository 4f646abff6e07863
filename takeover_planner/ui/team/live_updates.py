"""Live updates: other people's changes appear in the open window within a few seconds.

``services.changes.ChangeWatcher`` (Qt-free) watches the open database from a thread of its own (LISTEN/NOTIFY
on PostgreSQL, polling on SQLite). Its callbacks arrive on that thread, so they only emit signals of a
``_Bridge`` that lives in the GUI thread, connected with ``QueuedConnection``: everything else happens on the
GUI thread. A burst of changes is gathered for a moment and read once. The watcher lives as long as the open
database: the team feature starts it on the shell's ``database_opened`` and stops it (its thread joined) on
``database_closing``, with the rest of the window's background work. A failure that is the world's fault makes
the watcher report "offline"; a bug is logged with its traceback instead (``services.changes``).

Reloading keeps what the person was looking at: the store swaps fresh data in without blanking the view,
the page keeps its period and its selected slot, and the agenda's and the details panel's scroll positions
are put back once the fresh slots are in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:
    from takeover_planner.services.context import AppContext
    from takeover_planner.ui.calendar_page import CalendarPage
    from takeover_planner.ui.planner_store import PlannerStore

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0
GATHER_MS = 300  # changes that come in a burst (a colleague's multi-step edit) are read once

WatcherFactory = Callable[..., Any]  # (db, on_change, on_online, poll_seconds=...) -> a ChangeWatcher


class _Bridge(QObject):
    """Lives in the GUI thread; the watcher's thread only emits these."""

    changed = Signal(int)
    online = Signal(bool)


class LiveUpdates(QObject):
    online_changed = Signal(bool)  # from the watcher (already on the GUI thread)
    reloaded = Signal()  # fresh data is in and the view is as it was

    def __init__(self, store: PlannerStore, page: CalendarPage, parent: QObject | None = None, *,
                 poll_seconds: float = POLL_SECONDS, watcher_factory: WatcherFactory | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.page = page
        self.poll_seconds = poll_seconds
        self.watcher_factory = watcher_factory
        self.watcher: Any = None
        self.paused = False  # while offline nothing is read (it would only fail)
        self._keep: tuple[int, int] | None = None
        self._bridge = _Bridge(self)
        self._bridge.changed.connect(self._on_bridge_changed, Qt.ConnectionType.QueuedConnection)
        self._bridge.online.connect(self._on_bridge_online, Qt.ConnectionType.QueuedConnection)
        self._gather = QTimer(self)
        self._gather.setObjectName("liveUpdatesGatherTimer")
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self.reload_keeping_view)
        store.slots_changed.connect(self._on_store_slots_changed)
        store.load_failed.connect(self._on_store_load_failed)

    @property
    def running(self) -> bool:
        return self.watcher is not None and bool(self.watcher.running)

    def start(self, ctx: AppContext) -> None:
        """Watch this database (the one the window just opened)."""
        self.stop()
        if self.watcher_factory is not None:
            factory = self.watcher_factory
        else:
            from takeover_planner.services.changes import ChangeWatcher as factory  # noqa: N813
        self.watcher = factory(ctx.db, self._bridge.changed.emit, self._bridge.online.emit,
                               poll_seconds=self.poll_seconds)
        self.watcher.start()

    def stop(self) -> None:
        """Stop the watcher's thread (joined: nothing is left running) and anything waiting to be read."""
        self._gather.stop()
        self._keep = None
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.stop()

    # --- the watcher's news, on the GUI thread -----------------------------------------------------------

    def _on_bridge_changed(self, _marker: int) -> None:
        if self.watcher is not None and not self.paused:
            self._gather.start()

    def _on_bridge_online(self, online: bool) -> None:
        if self.watcher is not None:
            self.online_changed.emit(online)

    # --- reading again without losing one's place ---------------------------------------------------------

    def reload_keeping_view(self) -> None:
        if self.store.ctx is None or self.paused:
            return
        self._keep = (self.page.agenda.verticalScrollBar().value(), self.page.panel.verticalScrollBar().value())
        self.store.reload(*self.page.visible_range())

    def _on_store_slots_changed(self) -> None:
        keep, self._keep = self._keep, None
        if keep is None:
            return
        # The page has already refreshed (it connected first): period and selection are untouched by a
        # reload; the scroll bars are put back where they were.
        agenda_scroll, panel_scroll = keep
        self.page.agenda.verticalScrollBar().setValue(agenda_scroll)
        self.page.panel.verticalScrollBar().setValue(panel_scroll)
        self.reloaded.emit()

    def _on_store_load_failed(self, _problem: object) -> None:
        self._keep = None
