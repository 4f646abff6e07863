"""The in-app publishing queue: a timer that runs ``publish_due`` in the background and reports back.

Every ``publish.interval_seconds`` (and on ``run_now``) the queue hands ``publishing_service.publish_due`` to the
window's ``TaskRunner``; the run itself never touches a widget. Results arrive as signals on the GUI thread:

- ``run_started()`` / ``run_finished(report)`` around each run,
- ``progress_changed(done, total, outcome)`` for each frame as it is handled,
- ``frame_published(outcome)`` and ``frame_failed(outcome)`` — one per frame, so the window can show a
  notification for each failure (failed, stopped account, blocked by setup),
- ``notice_raised(text)`` for warnings such as a token that expires within a week (each text once a day),
- ``run_refused(message)`` when the run could not start (database busy, no keyring…).
Only one run is under way at a time; a tick during a run is skipped. The strings carried are the core's
plain-language messages; the window decides how to show them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from takeover_planner.errors import TakeoverError
from takeover_planner.publishing.publisher import OutcomeKind, PublishOutcome
from takeover_planner.publishing.queue import RunReport
from takeover_planner.services import publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.ui.tasks import READ, TaskRunner

log = logging.getLogger(__name__)

Runner = Callable[..., RunReport]
_ATTENTION = (OutcomeKind.FAILED, OutcomeKind.STOPPED, OutcomeKind.BLOCKED)


class PublishQueue(QObject):
    run_started = Signal()
    run_finished = Signal(object)  # RunReport
    progress_changed = Signal(int, int, object)  # done, total, PublishOutcome
    frame_published = Signal(object)  # PublishOutcome
    frame_failed = Signal(object)  # PublishOutcome
    notice_raised = Signal(str)
    run_refused = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QObject | None = None, *,
                 interval_ms: int | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._runner: Runner = runner or publishing_service.publish_due
        self._busy = False
        self._notices_seen: set[tuple[dt.date, str]] = set()
        self._timer = QTimer(self)
        self._timer.setObjectName("publishQueueTimer")
        seconds = int(ctx.settings.get("publish.interval_seconds"))
        self._timer.setInterval(interval_ms if interval_ms is not None else max(15, seconds) * 1000)
        self._timer.timeout.connect(self.run_now)

    # --- control -------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the timer (and look at once: something may have fallen due while the app was closed)."""
        if not self._timer.isActive():
            self._timer.start()
            self.run_now()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def busy(self) -> bool:
        return self._busy

    def run_now(self) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self.run_started.emit()
        ctx, runner = self._ctx, self._runner

        def work() -> RunReport:
            return runner(ctx, None, self._on_progress)

        self._tasks.run(work, on_done=self._on_done, on_error=self._on_error, kind=READ)

    # --- results -------------------------------------------------------------------------------------

    def _on_progress(self, done: int, total: int, outcome: PublishOutcome) -> None:
        # Called on the worker thread: a signal is the only thing it may do here (delivered queued).
        self.progress_changed.emit(done, total, outcome)

    def _on_done(self, report: Any) -> None:
        self._set_busy(False)
        if not isinstance(report, RunReport):
            return
        for outcome in report.outcomes:
            if outcome.kind == OutcomeKind.PUBLISHED:
                self.frame_published.emit(outcome)
            elif outcome.kind in _ATTENTION:
                self.frame_failed.emit(outcome)
        today = dt.date.today()
        for notice in report.notices:
            if (today, notice) not in self._notices_seen:
                self._notices_seen.add((today, notice))
                self.notice_raised.emit(notice)
        self.run_finished.emit(report)

    def _on_error(self, error: TakeoverError) -> None:
        self._set_busy(False)
        log.info("Publishing run refused: %s", error.message)
        self.run_refused.emit(error.message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
