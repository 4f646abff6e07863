"""The in-app insights collector: a timer that runs ``insights_service.collect`` in the background.

Every ``insights.interval_seconds`` (and on ``run_now``) the collection is handed to the window's
``TaskRunner``; the run never touches a widget. Instagram keeps story insights for 24 hours only, so the
collector starts with the window and keeps going while it is open; ``insights collect`` from Task Scheduler or
cron covers the hours the app is closed. Results arrive as signals on the GUI thread:

- ``run_started()`` / ``run_finished(report)`` around each run,
- ``account_problem(text)`` for an account that could not be read (token, permission, network) — once a day
  per text, so a closed-for-the-weekend token does not nag every ten minutes,
- ``run_refused(message)`` when the run could not start (database busy, no keyring…).
Only one run is under way at a time; a tick during a run is skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from takeover_planner.errors import TakeoverError
from takeover_planner.insights.collector import CollectReport
from takeover_planner.services import insights_service
from takeover_planner.services.context import AppContext
from takeover_planner.ui.tasks import READ, TaskRunner

log = logging.getLogger(__name__)

Runner = Callable[[AppContext], CollectReport]


class InsightsCollector(QObject):
    run_started = Signal()
    run_finished = Signal(object)  # CollectReport
    account_problem = Signal(str)
    run_refused = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QObject | None = None, *,
                 interval_ms: int | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._runner: Runner = runner or (lambda c: insights_service.collect(c))
        self._busy = False
        self._seen: set[tuple[dt.date, str]] = set()
        self.last_report: CollectReport | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("insightsCollectorTimer")
        seconds = int(ctx.settings.get("insights.interval_seconds"))
        self._timer.setInterval(interval_ms if interval_ms is not None else max(60, seconds) * 1000)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
        """Start the timer and look at once: a story's window may be closing while the app was shut."""
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
        # Network work, like the publishing queue: on the read pool, so waiting for Instagram never holds up
        # the window's own writes (the collector's few writes are short transactions of their own).
        self._tasks.run(lambda: runner(ctx), on_done=self._on_done, on_error=self._on_error, kind=READ)

    def _on_done(self, report: Any) -> None:
        self._set_busy(False)
        if not isinstance(report, CollectReport):
            return
        self.last_report = report
        today = dt.date.today()
        for account in report.problems:
            text = account.problem + (f" {account.advice}" if account.advice else "")
            if (today, text) not in self._seen:
                self._seen.add((today, text))
                self.account_problem.emit(text)
        self.run_finished.emit(report)

    def _on_error(self, error: TakeoverError) -> None:
        self._set_busy(False)
        log.info("Insights run refused: %s", error.message)
        self.run_refused.emit(error.message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
