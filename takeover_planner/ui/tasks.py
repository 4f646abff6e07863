"""The one background-task helper of the window.

Work runs on a ``QThreadPool``; its result or error is handed back to a callback that always runs on the GUI
thread (a queued signal does the crossing). Workers never touch widgets. Database writes go to a pool with a
single thread so they happen one after another, in the order the user made them; reads have their own pool.

Errors: a ``TakeoverError`` (a refused booking, a locked database…) goes to the task's ``on_error`` callback
with its plain message. Anything else is a bug and goes to the bug handler (the crash dialog).

Tests build ``TaskRunner(inline=True)``: every task runs at once in the calling thread, so a test sees the
result on the next line and no thread is left behind.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from takeover_planner.errors import TakeoverError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[TakeoverError], None]
BugHandler = Callable[[BaseException, str], None]
ProblemHandler = Callable[[TakeoverError], None]

READ = "read"
WRITE = "write"


class _Relay(QObject):
    """Lives in the GUI thread; a signal emitted from a worker is queued here and delivered on the GUI thread."""

    delivered = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, finish: Callable[[Any, BaseException | None, str], None]):
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._finish = finish
        self.setAutoDelete(True)

    def run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        trace = ""
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides what it is
            error = exc
            trace = traceback.format_exc()
        finish = self._finish
        self._relay.delivered.emit(lambda: finish(result, error, trace))


class TaskRunner(QObject):
    """Runs callables off the GUI thread and calls back on it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False,
                 bug_handler: BugHandler | None = None, problem_handler: ProblemHandler | None = None) -> None:
        super().__init__(parent)
        self.inline = inline
        self._bug_handler = bug_handler
        self._problem_handler = problem_handler
        self._pending = 0
        self._closed = False
        self._relay = _Relay(self)
        self._relay.delivered.connect(self._on_relay_delivered)
        self._pools: dict[str, QThreadPool] = {}
        if not inline:
            reads = QThreadPool(self)
            # One reader: a second Python thread would mostly fight the GUI thread for the interpreter lock.
            reads.setMaxThreadCount(1)
            writes = QThreadPool(self)
            writes.setMaxThreadCount(1)  # writes in order, never two at once
            self._pools = {READ: reads, WRITE: writes}
            for pool in self._pools.values():
                pool.setExpiryTimeout(2_000)

    def set_bug_handler(self, handler: BugHandler) -> None:
        self._bug_handler = handler

    def set_problem_handler(self, handler: ProblemHandler) -> None:
        """Who shows a user/environment error when the task itself gave no ``on_error``."""
        self._problem_handler = handler

    @property
    def pending(self) -> int:
        return self._pending

    def run(self, fn: Callable[[], Any], *, on_done: Done | None = None, on_error: Failed | None = None,
            kind: str = READ) -> None:
        """Run ``fn()`` in the background; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
        if self._closed:
            return
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def finish(result: Any, error: BaseException | None, trace: str) -> None:
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)
            if self._closed:
                return
            if error is None:
                if on_done is not None:
                    on_done(result)
            elif isinstance(error, TakeoverError):
                log.info("Task refused: %s", error.message)
                if on_error is not None:
                    on_error(error)
                elif self._problem_handler is not None:
                    self._problem_handler(error)
                else:
                    log.warning("Unhandled refusal: %s", error.message)
            else:
                self._report_bug(error, trace)

        if self.inline:
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001
                finish(None, exc, traceback.format_exc())
            else:
                finish(result, None, "")
            return
        self._pools[kind].start(_Job(fn, self._relay, finish))

    def _report_bug(self, error: BaseException, trace: str) -> None:
        log.error("Background task failed:\n%s", trace or repr(error))
        if self._bug_handler is not None:
            self._bug_handler(error, trace)
        else:
            raise error

    def _on_relay_delivered(self, callback: Callable[[], None]) -> None:
        callback()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop accepting work, let running tasks finish (a write is never cut in half), drop queued reads."""
        self._closed = True
        reads = self._pools.get(READ)
        if reads is not None:
            reads.clear()
        for pool in self._pools.values():
            pool.waitForDone(timeout_ms)
