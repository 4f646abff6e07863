"""The in-app insights collector: a timer that runs ``insights_service.collect`` in the background.

Every ``insights.interval_seconds`` (and on ``run_now``) the collection is handed to the window's
``TaskRunner`` on its ``NETWORK`` lane; the run never touches a widget (the timer, the one-run-at-a-time
guard and the run signals are ``ui.periodic_task.PeriodicTask``'s). Instagram keeps story insights for 24 hours only, so the collector
starts with the window and keeps going while it is open; ``insights collect`` from Task Scheduler or cron
covers the hours the app is closed. Results arrive as signals on the GUI thread:

- ``run_started()`` / ``run_finished(report)`` around each run,
- ``account_problem(text)`` for an account that could not be read (token, permission, network) — once a day
  per text, so a closed-for-the-weekend token does not nag every ten minutes,
- ``run_refused(problem)`` with the ``TakeoverError`` when the run could not start (database busy, no keyring…).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from takeover_planner.services import insights_service
from takeover_planner.services.context import AppContext
from takeover_planner.services.insights_collection import CollectReport
from takeover_planner.ui.periodic_task import PeriodicTask
from takeover_planner.ui.tasks import TaskRunner

Runner = Callable[[AppContext], CollectReport]


class InsightsCollector(PeriodicTask):
    account_problem = Signal(str)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QObject | None = None, *,
                 interval_ms: int | None = None, runner: Runner | None = None) -> None:
        run: Runner = runner or insights_service.collect
        seconds = int(ctx.settings.get("insights.interval_seconds"))
        super().__init__(tasks, lambda: run(ctx),
                         interval_ms=interval_ms if interval_ms is not None else max(60, seconds) * 1000,
                         timer_name="insightsCollectorTimer", what="Insights", parent=parent)
        self.last_report: CollectReport | None = None

    def report(self, result: Any) -> None:
        if not isinstance(result, CollectReport):
            return
        self.last_report = result
        for account in result.problems:
            text = account.problem + (f" {account.advice}" if account.advice else "")
            if self.first_today(text):
                self.account_problem.emit(text)
        self.run_finished.emit(result)
