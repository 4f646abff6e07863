"""Working while the team database is away: the offline banner and the edits kept for later.

When a booking edit fails because the database cannot be reached, ``OfflineEdits.keep`` puts it in the
outbox (``services.outbox``, a JSON file in the data folder, so closing the app loses nothing), shows the
change in the calendar at once and tells the caller with a ``KeptOffline`` "refusal" carrying that news.
Each kept edit carries the version the person saw, so replaying it later cannot overwrite someone else's
change; that is also why a slot with a change already waiting takes no second one until the first is saved.

The window is offline from the moment the change watcher or a task says the database cannot be reached, and
online again when the watcher or a small probe (every few seconds while offline) reaches it. Then the outbox
is replayed on the write pool, in order, and the result reported: what was saved, what was refused and why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from takeover_planner.errors import EnvironmentProblem, EnvReason, TakeoverError, os_reason
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.calendar.painting import is_dark, mix
from takeover_planner.ui.tasks import READ, WRITE, TaskRunner

if TYPE_CHECKING:
    from pathlib import Path

    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.context import AppContext
    from takeover_planner.services.outbox import Outbox, ReplayResult
    from takeover_planner.ui.planner_store import PlannerStore

log = logging.getLogger(__name__)

PROBE_INTERVAL_MS = 3_000


def is_unreachable(problem: BaseException) -> bool:
    """True when a failure means the database cannot be reached (not busy, not a refusal): decided on the
    failure's reason, never on its words, so rewording or translating a message cannot break the outbox."""
    return isinstance(problem, EnvironmentProblem) and problem.reason == EnvReason.UNREACHABLE


class KeptOffline(TakeoverError):
    """Not a refusal: the edit waits in the outbox. Callers close their dialog and show the message."""


@dataclass(frozen=True)
class PendingWrite:
    """An edit as the outbox can replay it, with what the calendar should show meanwhile."""

    operation: str  # an outbox operation: book, move, set_status, edit
    arguments: dict[str, Any]
    label: str  # what the person did, in their language ("Move Biblioteket")
    slot_id: int | None = None
    optimistic: SlotInfo | None = field(default=None, compare=False)


class OfflineEdits(QObject):
    """The outbox seen from the window, and whether the database answers."""

    online_changed = Signal(bool)
    count_changed = Signal(int)
    replayed = Signal(object)  # ReplayResult
    problem = Signal(str)  # an edit could not even be kept (the data folder is in trouble)

    def __init__(self, store: PlannerStore, runner: TaskRunner, outbox_file: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.outbox_file = outbox_file
        self.online = True
        self._ctx: AppContext | None = None
        self._outbox: Outbox | None = None
        self._waiting_slots: set[int] = set()
        self._count = 0
        self._replaying = False
        self._probing = False
        self._stopped = False
        self._probe_timer = QTimer(self)
        self._probe_timer.setObjectName("offlineProbeTimer")
        self._probe_timer.setInterval(PROBE_INTERVAL_MS)
        self._probe_timer.timeout.connect(self.probe)

    # --- state ------------------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return self._count

    def attach(self, ctx: AppContext) -> None:
        """A database was opened: read the outbox (edits kept in an earlier session are replayed at once)."""
        from takeover_planner.services.outbox import Outbox

        self._ctx = ctx
        self._stopped = False
        if self._outbox is None:
            self._outbox = Outbox(self.outbox_file)
        self._sync_from_outbox()
        if not self.online:
            self.set_online(True)  # a freshly opened database answered
        elif self._count:
            self.replay()

    def stop(self) -> None:
        self._stopped = True
        self._probe_timer.stop()

    def set_online(self, online: bool) -> None:
        if self._stopped or online == self.online:
            return
        self.online = online
        log.info("Team database %s", "reachable again" if online else "unreachable")
        if online:
            self._probe_timer.stop()
        else:
            self._probe_timer.start()
        self.online_changed.emit(online)
        if online and self._count:
            self.replay()

    def note_problem(self, problem: BaseException) -> bool:
        """A task failed: if it was because the database cannot be reached, go offline. True if so."""
        if is_unreachable(problem):
            self.set_online(False)
            return True
        return False

    # --- keeping edits ------------------------------------------------------------------------------------

    def keep(self, error: TakeoverError, pending: PendingWrite) -> TakeoverError | None:
        """Called with a failed edit. None: not an offline failure (the caller reports it as usual);
        otherwise the error to hand the caller (``KeptOffline``, or why it could not be kept)."""
        outbox, ctx = self._outbox, self._ctx
        if outbox is None or ctx is None or not self.note_problem(error):
            return None
        if pending.slot_id is not None and pending.slot_id in self._waiting_slots:
            return EnvironmentProblem(UiText.ALREADY_WAITING, reason=EnvReason.UNREACHABLE)
        arguments = dict(pending.arguments, label=pending.label)
        actor = ctx.actor

        def work() -> None:
            try:
                outbox.add(pending.operation, arguments, actor)
            except OSError as exc:  # the data folder itself is in trouble: say so, never lose it silently
                raise EnvironmentProblem(UiText.NOT_KEPT, reason=os_reason(exc),
                                         problem=exc.strerror or str(exc)) from exc

        def failed(exc: TakeoverError) -> None:
            self._sync_from_outbox()
            self.problem.emit(exc.message)

        # On the write pool, so it never runs beside a replay of the same file.
        self.runner.run(work, on_error=failed, kind=WRITE)
        if pending.slot_id is not None:
            self._waiting_slots.add(pending.slot_id)
        self._set_count(self._count + 1)
        if pending.optimistic is not None:
            self.store.apply(pending.optimistic)
        return KeptOffline(UiText.KEPT_OFFLINE)

    # --- coming back -------------------------------------------------------------------------------------

    def probe(self) -> None:
        """While offline: does the database answer again? (A tiny read on the read pool.)"""
        ctx = self._ctx
        if ctx is None or self._probing or self._stopped:
            return
        self._probing = True
        db = ctx.db

        def work() -> bool:
            from takeover_planner.services.changes import change_marker

            try:
                change_marker(db)
            except Exception:  # any failure means "not yet": the next probe asks again
                return False
            return True

        def done(reachable: bool) -> None:
            self._probing = False
            if reachable:
                self.set_online(True)

        def failed(_exc: TakeoverError) -> None:
            self._probing = False

        self.runner.run(work, on_done=done, on_error=failed, kind=READ)

    def replay(self) -> None:
        outbox, ctx = self._outbox, self._ctx
        if outbox is None or ctx is None or self._replaying or self._stopped:
            return
        self._replaying = True

        def failed(exc: TakeoverError) -> None:
            self._replaying = False
            self._sync_from_outbox()
            self.note_problem(exc)

        self.runner.run(lambda: outbox.replay(ctx), on_done=self._on_replayed, on_error=failed, kind=WRITE)

    def _on_replayed(self, result: ReplayResult) -> None:
        self._replaying = False
        self._sync_from_outbox()
        if result.still_offline:
            self.set_online(False)
        if result.applied or result.refused:
            self.replayed.emit(result)

    def _sync_from_outbox(self) -> None:
        outbox = self._outbox
        items = outbox.items if outbox is not None else []
        self._waiting_slots = {int(i.arguments["slot_id"]) for i in items if i.arguments.get("slot_id") is not None}
        self._set_count(len(items))

    def _set_count(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self.count_changed.emit(count)


class OfflineBanner(QFrame):
    """The strip at the top of the window while the team database cannot be reached."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setAccessibleName("offline")
        self._waiting = 0
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)
        self.hide()
        self._style()
        self._retranslate()

    def set_waiting(self, count: int) -> None:
        self._waiting = count
        self._retranslate()

    def message(self) -> str:
        return self.text.text()

    def _retranslate(self) -> None:
        text = self.tr("The team database cannot be reached. Your changes are kept and will be saved when it is back.")
        if self._waiting:
            text += " " + self.tr("%n change(s) waiting.", "", self._waiting)
        self.text.setText(text)
        self.retry_button.setText(self.tr("Try again now"))

    def _style(self) -> None:
        # The parent's palette: our own is changed by the stylesheet set below (which would loop).
        parent = self.parentWidget()
        palette = parent.palette() if parent is not None else self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        amber = QColor("#e8890c")
        background = mix(base, amber, 0.45 if is_dark(palette) else 0.22)
        border = mix(base, amber, 0.8)
        sheet = (f"#offlineBanner {{ background: {background.name()}; border-bottom: 2px solid {border.name()}; }}"
                 f"#offlineBanner QLabel {{ font-weight: 600; }}")
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._style()
        super().changeEvent(event)
