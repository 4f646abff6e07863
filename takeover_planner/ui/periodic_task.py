"""A background job the window repeats on a timer: the publishing queue and the insights collector are two.

Every ``interval_ms`` (and on ``run_now``) the job's ``work`` is handed to the window's ``TaskRunner`` on the
``NETWORK`` lane: both jobs mostly wait for Meta, and that lane keeps the wait away from the calendar's reads and
the window's writes (what a run records in the database it writes itself, in short transactions through the
services). Only one run is under way at a time; a tick that comes during a run is skipped. ``start`` looks at
once as well, because something may have fallen due while the app was closed. Results arrive as signals on
the GUI thread:

- ``run_started()`` / ``run_finished(result)`` around each run (``report`` decides what else a result says;
  the default just passes it on),
- ``run_refused(problem)`` with the ``TakeoverError`` when the run could not start (database busy, no keyring…),
- ``busy_changed(bool)`` when a run begins or ends.

``first_today(text)`` helps a job tell each warning once a day instead of on every tick.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from takeover_planner.errors import TakeoverError
from takeover_planner.ui.tasks import NETWORK, TaskRunner

log = logging.getLogger(__name__)


class PeriodicTask(QObject):
    run_started = Signal()
    run_finished = Signal(object)
    run_refused = Signal(object)  # TakeoverError: whoever shows it decides on its code or reason
    busy_changed = Signal(bool)

    def __init__(self, tasks: TaskRunner, work: Callable[[], Any], *, interval_ms: int, timer_name: str,
                 what: str, parent: QObject | None = None) -> None:
        """``work`` runs on a worker thread and must not touch widgets; ``what`` names the job in the log."""
        super().__init__(parent)
        self._tasks = tasks
        self._work = work
        self._what = what
        self._busy = False
        self._told: set[tuple[dt.date, str]] = set()
        self._timer = QTimer(self)
        self._timer.setObjectName(timer_name)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
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
        self._tasks.op(self._work).lane(NETWORK).on_done(self._on_done).on_error(self._on_error).run()

    def report(self, result: Any) -> None:
        """What a finished run tells the window (on the GUI thread)."""
        self.run_finished.emit(result)

    def first_today(self, text: str) -> bool:
        """True the first time ``text`` comes up today: a warning is told once a day, not on every run."""
        key = (dt.date.today(), text)
        if key in self._told:
            return False
        self._told.add(key)
        return True

    def _on_done(self, result: Any) -> None:
        self._set_busy(False)
        self.report(result)

    def _on_error(self, error: TakeoverError) -> None:
        self._set_busy(False)
        log.info("%s run refused: %s", self._what, error.code.key)
        self.run_refused.emit(error)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
