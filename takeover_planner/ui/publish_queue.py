"""The in-app publishing queue: a timer that runs ``publish_due`` in the background and reports back.

Every ``publish.interval_seconds`` (and on ``run_now``) the queue hands ``publishing_service.publish_due`` to the
window's ``TaskRunner`` on its ``NETWORK`` lane (a run may wait minutes on Meta; the ledger entries it makes on
the way are its own short write transactions); the run itself never touches a widget (the timer, the
one-run-at-a-time guard and the run signals are ``ui.periodic_task.PeriodicTask``'s). Results arrive as signals on the GUI thread:

- ``run_started()`` / ``run_finished(report)`` around each run,
- ``progress_changed(done, total, outcome)`` for each frame as it is handled,
- ``frame_published(outcome)`` and ``frame_failed(outcome)`` — one per frame, so the window can show a
  notification for each failure (failed, stopped account, blocked by setup),
- ``notice_raised(text)`` for warnings such as a token that expires within a week (each text once a day),
- ``run_refused(problem)`` with the ``TakeoverError`` when the run could not start (database busy, no keyring…).
The strings carried are the core's plain-language messages; the window decides how to show them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from takeover_planner.publishing.publisher import OutcomeKind, PublishOutcome
from takeover_planner.publishing.queue import RunReport
from takeover_planner.services import publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.ui.periodic_task import PeriodicTask
from takeover_planner.ui.tasks import TaskRunner

Runner = Callable[..., RunReport]
_ATTENTION = (OutcomeKind.FAILED, OutcomeKind.STOPPED, OutcomeKind.BLOCKED)


class PublishQueue(PeriodicTask):
    progress_changed = Signal(int, int, object)  # done, total, PublishOutcome
    frame_published = Signal(object)  # PublishOutcome
    frame_failed = Signal(object)  # PublishOutcome
    notice_raised = Signal(str)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QObject | None = None, *,
                 interval_ms: int | None = None, runner: Runner | None = None) -> None:
        run: Runner = runner or publishing_service.publish_due
        seconds = int(ctx.settings.get("publish.interval_seconds"))
        super().__init__(tasks, lambda: run(ctx, None, self._on_progress),
                         interval_ms=interval_ms if interval_ms is not None else max(15, seconds) * 1000,
                         timer_name="publishQueueTimer", what="Publishing", parent=parent)

    def _on_progress(self, done: int, total: int, outcome: PublishOutcome) -> None:
        # Called on the worker thread: a signal is the only thing it may do here (delivered queued).
        self.progress_changed.emit(done, total, outcome)

    def report(self, result: Any) -> None:
        if not isinstance(result, RunReport):
            return
        for outcome in result.outcomes:
            if outcome.kind == OutcomeKind.PUBLISHED:
                self.frame_published.emit(outcome)
            elif outcome.kind in _ATTENTION:
                self.frame_failed.emit(outcome)
        for notice in result.notices:
            if self.first_today(notice):
                self.notice_raised.emit(notice)
        self.run_finished.emit(result)
