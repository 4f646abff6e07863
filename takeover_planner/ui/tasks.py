"""The window's background work, in three lanes, described one operation at a time.

Lanes (``Lane``), each a ``QThreadPool`` of its own, so waiting in one never holds up another:

- ``READ`` — one thread: database reads (the calendar's years, lists, reports, a probe of the database).
- ``WRITE`` — one thread: every database write the window asks for, one after another in the order the user made
  them (bookings, the outbox's replay, the demo, a token set, a brief written).
- ``NETWORK`` — a pool of ``NETWORK_THREADS``: work that waits on other machines — the publishing queue, the
  insights collector (their token checks and uploads happen inside those runs), a team server's connection test.
  A network job that also records what it did (the publishing ledger, insights rows) makes those short write
  transactions itself, through the services, from its own thread; it never waits on the ``WRITE`` lane and never
  sits on ``READ``, so a publish waiting 20 s for Meta does not keep the calendar from reloading.

An operation is built and started in one expression (like Anki's ``QueryOp``)::

    runner.op(work).lane(WRITE).on_done(show).on_error(explain).run()

``runner.run(work, on_done=…, on_error=…, kind=WRITE)`` is the same thing in one call. For every operation:

- ``work()`` runs on its lane's thread and never touches a widget; ``on_done(result)`` or ``on_error(problem)``
  runs on the GUI thread (a queued signal does the crossing).
- A raw database failure that is the world's fault (a locked file, a server gone, a full disk: SQLAlchemy's
  ``OperationalError`` and kin) becomes an ``EnvironmentProblem`` on the worker, here and nowhere else in the
  window (``storage.failures.environment_problem`` decides).
- A ``TakeoverError`` goes to ``on_error``; without one, to every problem listener (``add_problem_listener``:
  the shell shows it, features may react to it).
- Anything else is a bug: logged with its traceback and handed to the bug handler (the crash dialog).

Tests build ``TaskRunner(inline=True)``: every operation runs at once in the calling thread, whatever its lane,
so a test sees the result on the next line and no thread is left behind.
"""

from __future__ import annotations

import enum
import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from takeover_planner.errors import TakeoverError

log = logging.getLogger(__name__)

T = TypeVar("T")

Done = Callable[[Any], None]
Failed = Callable[[TakeoverError], None]
BugHandler = Callable[[BaseException, str], None]
ProblemListener = Callable[[TakeoverError], object]  # whatever it returns is ignored


class Lane(enum.StrEnum):
    READ = "read"
    WRITE = "write"
    NETWORK = "network"


READ = Lane.READ
WRITE = Lane.WRITE
NETWORK = Lane.NETWORK
# Network jobs mostly wait: three let the publishing queue, the insights collector and a connection test run
# side by side without one waiting for another.
NETWORK_THREADS = 3
# One reader: a second Python thread would mostly fight the GUI thread for the interpreter lock.
# One writer: writes in order, never two at once.
_THREADS = {READ: 1, WRITE: 1, NETWORK: NETWORK_THREADS}


def _as_problem(exc: BaseException) -> BaseException:
    """A database failure that is the world's fault (or the server refusing this login's role), as the
    ``TakeoverError`` it is; anything else as it is."""
    if isinstance(exc, TakeoverError) or "sqlalchemy" not in sys.modules:
        return exc  # already said in words, or nothing has touched a database (and no import is needed to know)
    from takeover_planner.services.failures import as_refusal

    problem = as_refusal(exc)
    if problem is None:
        return exc
    problem.__cause__ = exc
    return problem


class _Relay(QObject):
    """Lives in the GUI thread; a signal emitted from a worker is queued here and delivered on the GUI thread."""

    delivered = Signal(object)


Finish = Callable[[Any, BaseException | None, str], None]


def _call(fn: Callable[[], Any]) -> tuple[Any, BaseException | None, str]:
    try:
        return fn(), None, ""
    except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides what it is
        return None, _as_problem(exc), traceback.format_exc()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, finish: Finish) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._finish = finish
        self.setAutoDelete(True)

    def run(self) -> None:
        result, error, trace = _call(self._fn)
        finish = self._finish
        self._relay.delivered.emit(lambda: finish(result, error, trace))


class Operation(Generic[T]):
    """One piece of background work: say where it runs and who hears how it ended, then ``run()`` it."""

    def __init__(self, runner: TaskRunner, work: Callable[[], T]) -> None:
        self._runner = runner
        self._work = work
        self._lane: Lane = READ
        self._done: Callable[[T], None] | None = None
        self._failed: Failed | None = None

    def lane(self, lane: Lane) -> Operation[T]:
        self._lane = lane
        return self

    def on_done(self, callback: Callable[[T], None] | None) -> Operation[T]:
        self._done = callback
        return self

    def on_error(self, callback: Failed | None) -> Operation[T]:
        """Who hears a refusal (a ``TakeoverError``); without one, the runner's problem listeners do."""
        self._failed = callback
        return self

    def run(self) -> None:
        self._runner._start(self._work, self._lane, self._done, self._failed)


class TaskRunner(QObject):
    """Runs operations off the GUI thread, on their lanes, and calls back on it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False,
                 bug_handler: BugHandler | None = None) -> None:
        super().__init__(parent)
        self.inline = inline
        self._bug_handler = bug_handler
        self._problem_listeners: list[ProblemListener] = []
        self._pending = 0
        self._closed = False
        self._relay = _Relay(self)
        self._relay.delivered.connect(self._on_relay_delivered)
        self._pools: dict[Lane, QThreadPool] = {}
        if not inline:
            for lane, threads in _THREADS.items():
                pool = QThreadPool(self)
                pool.setObjectName(f"{lane}Lane")
                pool.setMaxThreadCount(threads)
                pool.setExpiryTimeout(2_000)
                self._pools[lane] = pool

    def set_bug_handler(self, handler: BugHandler) -> None:
        self._bug_handler = handler

    def add_problem_listener(self, listener: ProblemListener) -> None:
        """``listener(problem)`` hears every refusal whose operation gave no ``on_error`` (on the GUI thread)."""
        self._problem_listeners.append(listener)

    def remove_problem_listener(self, listener: ProblemListener) -> None:
        if listener in self._problem_listeners:
            self._problem_listeners.remove(listener)

    @property
    def pending(self) -> int:
        return self._pending

    def op(self, work: Callable[[], T]) -> Operation[T]:
        """An operation running ``work()`` (on ``READ`` unless ``.lane(…)`` says otherwise); start it with ``run()``."""
        return Operation(self, work)

    def run(self, work: Callable[[], Any], *, on_done: Done | None = None, on_error: Failed | None = None,
            kind: Lane = READ) -> None:
        """``op(work).lane(kind).on_done(on_done).on_error(on_error).run()`` in one call."""
        self.op(work).lane(kind).on_done(on_done).on_error(on_error).run()

    def _start(self, work: Callable[[], Any], lane: Lane, on_done: Done | None, on_error: Failed | None) -> None:
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
                log.info("Task refused: %s", error.code.key)
                if on_error is not None:
                    on_error(error)
                else:
                    self._tell_listeners(error)
            else:
                self._report_bug(error, trace)

        if self.inline:
            finish(*_call(work))
            return
        self._pools[lane].start(_Job(work, self._relay, finish))

    def _tell_listeners(self, problem: TakeoverError) -> None:
        if not self._problem_listeners:
            log.warning("Unhandled refusal: %s", problem.code.key)
        for listener in tuple(self._problem_listeners):
            listener(problem)

    def _report_bug(self, error: BaseException, trace: str) -> None:
        log.error("Background task failed:\n%s", trace or repr(error))
        if self._bug_handler is not None:
            self._bug_handler(error, trace)
        else:
            raise error

    def _on_relay_delivered(self, callback: Callable[[], None]) -> None:
        callback()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop accepting work, drop queued reads and network jobs, let running ones finish (a write is never cut
        in half, and a publish under way records its outcome in the ledger)."""
        self._closed = True
        for lane in (READ, NETWORK):
            pool = self._pools.get(lane)
            if pool is not None:
                pool.clear()
        for pool in self._pools.values():
            pool.waitForDone(timeout_ms)
